// Bảng chạy chữ (trang /<năm>/bang-ron/chay-chu/): đọc màu và tốc độ từ địa
// chỉ trang, ví dụ ?nen=000000&chu=ffde00&toc-do=150 (màu nền, màu chữ dạng
// rrggbb, tốc độ tính bằng điểm ảnh mỗi giây, từ 20 đến 2000). Người dùng
// chọn giảm chuyển động (prefers-reduced-motion): không chạy chữ, mỗi lần
// hiện một khẩu hiệu, đổi sau vài giây. Không có JavaScript: các khẩu hiệu
// hiện đứng yên, cái này dưới cái kia.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var root = document.body;
  function colour(name, variable) {
    var v = (params.get(name) || "").replace(/^#/, "");
    if (/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v)) {
      root.style.setProperty(variable, "#" + v);
    }
  }
  colour("nen", "--board-bg");
  colour("chu", "--board-fg");
  var speed = parseFloat(params.get("toc-do"));
  if (!(speed >= 20 && speed <= 2000)) {
    speed = 150;
  }
  var track = document.querySelector(".board-track");
  var text = document.querySelector(".board-text");
  var list = document.querySelector(".board-list");
  if (!track || !text || !list) {
    return;
  }
  var items = list.querySelectorAll("li");
  var still = window.matchMedia("(prefers-reduced-motion: reduce)");
  var timer = null;
  function showOne(i) {
    for (var k = 0; k < items.length; k++) {
      items[k].hidden = k !== i;
    }
    timer = window.setTimeout(function () {
      showOne((i + 1) % items.length);
    }, 6000);
  }
  function apply() {
    window.clearTimeout(timer);
    if (still.matches) {
      track.hidden = true;
      list.classList.remove("sr-only");
      showOne(0);
    } else {
      for (var k = 0; k < items.length; k++) {
        items[k].hidden = false;
      }
      // The list stays for screen readers; the moving copy is for eyes.
      list.classList.add("sr-only");
      track.hidden = false;
      var distance = text.scrollWidth + track.clientWidth;
      text.style.animationDuration = (distance / speed).toFixed(2) + "s";
    }
  }
  if (still.addEventListener) {
    still.addEventListener("change", apply);
  }
  window.addEventListener("resize", apply);
  apply();
})();
