// Đếm ngày đến Ngày Công tác xã hội Việt Nam theo ngày trên máy của người đọc.
// Trang tĩnh ghi trạng thái tính lúc dựng trang (kèm "tính đến ngày ..."); khi
// có JavaScript, tệp này tính lại từ ngày ghi trong data-countdown
// (YYYY-MM-DD) và bỏ phần "tính đến". Không có JavaScript, chữ tĩnh vẫn đúng
// với ngày nó ghi.
(function () {
  "use strict";
  var DAY = 24 * 60 * 60 * 1000;
  function dayNumber(y, m, d) {
    return Math.round(Date.UTC(y, m - 1, d) / DAY);
  }
  var now = new Date();
  var today = dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
  var badges = document.querySelectorAll("[data-countdown]");
  for (var i = 0; i < badges.length; i++) {
    var el = badges[i];
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(el.getAttribute("data-countdown") || "");
    if (!parts) {
      continue;
    }
    var days = dayNumber(+parts[1], +parts[2], +parts[3]) - today;
    var status, label;
    if (days > 0) {
      status = "upcoming";
      label = "Còn " + days + " ngày nữa";
    } else if (days === 0) {
      status = "today";
      label = el.getAttribute("data-today-label") || "Hôm nay";
    } else {
      status = "past";
      label = "Đã diễn ra";
    }
    el.textContent = label;
    el.className = el.className.replace(/\bstatus-(upcoming|today|past)\b/, "status-" + status);
  }
})();
