// Tìm kiếm trên trang tĩnh: đọc chỉ mục do campaign dựng (tim-kiem/chi-muc/),
// mỗi lần tìm chỉ tải vài tệp nhỏ. Tệp chỉ mục là script gọi
// campaignSearchData(tên, dữ liệu), nên tải bằng <script src> được cả khi mở
// trang từ đĩa (file://), nơi fetch không dùng được.
//
// The rules for words repeat src/search/fold.rs: words are runs of letters
// and digits of the NFC text, lowercased; folded, they lose every
// diacritic and đ becomes d. Ranking: every word must match (with or
// without diacritics); a word typed with diacritics ranks its exact form
// first; words in the title and consecutive words of the query found
// side by side rank higher; a quoted phrase must appear as written
// (folded). A word found nowhere is corrected to the closest word of the
// index. Ties keep the index's order: newest news first.
(function () {
  "use strict";

  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var MARKS = /\p{M}/gu;
  var PER_PAGE = 10;
  var KINDS = {
    "tin-tuc": "Tin tức",
    "chuong-trinh": "Chương trình năm",
    "van-ban": "Văn bản",
    "trang": "Trang"
  };

  function fold(word) {
    return word.normalize("NFD").replace(MARKS, "").replace(/đ/g, "d");
  }

  function words(text) {
    return text.normalize("NFC").toLowerCase().match(WORD) || [];
  }

  function fnv(key) {
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  }

  // A list of record numbers: "b" + base64 bitmap, or "d" + base-36 gaps.
  function decode(list, n) {
    var out = [];
    if (!list || list.length < 2) {
      return out;
    }
    if (list[0] === "d") {
      var last = 0;
      var gaps = list.slice(1).split(",");
      for (var i = 0; i < gaps.length; i++) {
        last += parseInt(gaps[i], 36);
        out.push(last);
      }
      return out;
    }
    var bytes = atob(list.slice(1));
    for (var b = 0; b < bytes.length; b++) {
      var c = bytes.charCodeAt(b);
      for (var k = 0; c && k < 8; k++, c >>= 1) {
        if (c & 1 && b * 8 + k < n) {
          out.push(b * 8 + k);
        }
      }
    }
    return out;
  }

  // Optimal string alignment distance, stopping early past `max`.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) {
      return max + 1;
    }
    var prev2 = [], prev = [], cur = [];
    for (var j = 0; j <= b.length; j++) {
      prev[j] = j;
    }
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
        }
        best = Math.min(best, cur[j]);
      }
      if (best > max) {
        return max + 1;
      }
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  // The query: its words in order and its quoted phrases (as ranges of words).
  function parse(q) {
    var terms = [], phrases = [];
    var re = /["“”]([^"“”]*)["“”]?|[^"“”]+/g, m;
    q = (q || "").normalize("NFC");
    while ((m = re.exec(q))) {
      var ws = words(m[1] !== undefined ? m[1] : m[0]);
      if (m[1] !== undefined && ws.length > 1) {
        phrases.push([terms.length, terms.length + ws.length]);
      }
      ws.forEach(function (w) {
        var f = fold(w);
        terms.push({ form: w, folded: f, exact: f !== w });
      });
    }
    return { terms: terms, phrases: phrases };
  }

  // A searcher over the index files, each got by `load(name)` (a promise).
  function Searcher(load, manifest) {
    var n = manifest.records;
    var yearOf = new Int16Array(n), kindOf = new Array(n);
    manifest.runs.forEach(function (run) {
      for (var i = run[0]; i < run[0] + run[1]; i++) {
        yearOf[i] = run[2];
        kindOf[i] = run[3];
      }
    });
    var years = {};
    for (var y = 0; y < n; y++) {
      years[yearOf[y]] = true;
    }
    function shard(key) {
      return load("s" + (fnv(key) % manifest.shards));
    }
    // The closest word of the index to one that matches nothing.
    function correct(folded) {
      var max = folded.length <= 4 ? 1 : 2;
      return load("tu").then(function (vocabulary) {
        var best = null, bestD = max + 1, bestCount = 0;
        vocabulary.forEach(function (entry) {
          var d = distance(folded, entry[0], max);
          if (d < bestD || (d === bestD && d <= max && entry[1] > bestCount)) {
            best = entry[0];
            bestD = d;
            bestCount = entry[1];
          }
        });
        return best;
      });
    }
    function entries(terms) {
      return Promise.all(terms.map(function (t) {
        return shard(t.folded).then(function (s) {
          if (s.w[t.folded] || /^\d+$/.test(t.folded)) {
            return s.w[t.folded] || [];
          }
          return correct(t.folded).then(function (c) {
            if (!c) {
              return [];
            }
            t.corrected = c;
            t.folded = c;
            t.exact = false;
            return shard(c).then(function (s2) { return s2.w[c] || []; });
          });
        });
      }));
    }
    this.records = n;
    this.yearOf = yearOf;
    this.kindOf = kindOf;
    // Resolves to { ids (ranked), terms (as searched), partial }.
    this.search = function (q, filter) {
      var query = parse(q);
      var terms = query.terms;
      filter = filter || {};
      if (!terms.length) {
        return Promise.resolve({ ids: [], terms: terms, partial: false });
      }
      return entries(terms).then(function (found) {
        var pairs = [];
        for (var i = 0; i + 1 < terms.length; i++) {
          pairs.push(terms[i].folded + " " + terms[i + 1].folded);
        }
        return Promise.all(pairs.map(function (p) {
          return shard(p).then(function (s) { return decode(s.p[p], n); });
        })).then(function (pairLists) {
          return rank(query, found, pairLists, filter);
        });
      });
    };
    function rank(query, found, pairLists, filter) {
      var terms = query.terms;
      var score = new Float64Array(n), hits = new Uint16Array(n), seen = new Int32Array(n).fill(-1);
      found.forEach(function (forms, t) {
        var term = terms[t];
        forms.forEach(function (form) {
          var exact = term.exact && form[0] === term.form;
          decode(form[1], n).forEach(function (r) {
            if (seen[r] !== t) {
              seen[r] = t;
              hits[r]++;
              score[r] += 1;
            }
            if (exact) {
              score[r] += 2;
            }
          });
          decode(form[2], n).forEach(function (r) {
            score[r] += exact ? 3 : 2;
          });
        });
        if (years[+term.folded] && term.folded.length === 4) {
          for (var r = 0; r < n; r++) {
            if (yearOf[r] === +term.folded) {
              score[r] += 2;
            }
          }
        }
      });
      var inPhrase = new Uint16Array(n);
      pairLists.forEach(function (list, p) {
        var quoted = query.phrases.some(function (ph) { return p >= ph[0] && p + 1 < ph[1]; });
        // Syllables side by side: most Vietnamese words are two syllables.
        list.forEach(function (r) {
          score[r] += 6;
          if (quoted) {
            inPhrase[r]++;
          }
        });
      });
      var needPairs = 0;
      query.phrases.forEach(function (ph) { needPairs += ph[1] - ph[0] - 1; });
      var best = 0;
      for (var r = 0; r < n; r++) {
        if (inPhrase[r] >= needPairs && passes(r, filter)) {
          best = Math.max(best, hits[r]);
        }
      }
      var ids = [];
      for (r = 0; r < n; r++) {
        if (best > 0 && hits[r] === best && inPhrase[r] >= needPairs && passes(r, filter)) {
          ids.push(r);
        }
      }
      ids.sort(function (a, b) { return score[b] - score[a] || a - b; });
      return { ids: ids, terms: terms, partial: best < terms.length };
    }
    function passes(r, filter) {
      return (!filter.year || yearOf[r] === +filter.year) && (!filter.kind || kindOf[r] === filter.kind);
    }
    // What a result shows: [path, title, kind, year, ordinal, date, excerpt].
    this.record = function (r) {
      return load("r" + Math.floor(r / manifest.chunk)).then(function (chunk) {
        return chunk[r % manifest.chunk];
      });
    };
  }

  var core = { fold: fold, words: words, parse: parse, decode: decode, fnv: fnv, distance: distance, Searcher: Searcher };
  if (typeof module === "object" && module.exports) {
    module.exports = core;
    return;
  }

  // ---------- In the page ----------
  var store = {}, waiting = {};
  window.campaignSearchData = function (name, data) {
    store[name] = data;
    (waiting[name] || []).forEach(function (w) { w[0](data); });
    delete waiting[name];
  };

  function start() {
    var list = document.querySelector("[data-search-results]");
    var form = document.querySelector("[data-search-form]");
    var status = document.querySelector("[data-search-status]");
    if (!list || !form || !status) {
      return;
    }
    var base = list.getAttribute("data-index");
    var root = list.getAttribute("data-root");
    function load(name) {
      if (store[name]) {
        return Promise.resolve(store[name]);
      }
      return new Promise(function (resolve, reject) {
        if (!waiting[name]) {
          waiting[name] = [];
          var s = document.createElement("script");
          var v = store.manifest ? "?v=" + store.manifest.version : "";
          s.src = base + name + ".js" + v;
          s.onerror = function () {
            (waiting[name] || []).forEach(function (w) { w[1](new Error(name)); });
            delete waiting[name];
          };
          document.head.appendChild(s);
        }
        waiting[name].push([resolve, reject]);
      });
    }
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "", year = params.get("nam") || "", kind = params.get("loai") || "";
    form.elements.q.value = q;
    form.elements.nam.value = year;
    form.elements.loai.value = kind;
    // Changing a filter searches again at once.
    [form.elements.nam, form.elements.loai].forEach(function (el) {
      el.addEventListener("change", function () {
        if (form.elements.q.value.trim()) {
          form.submit();
        }
      });
    });
    if (!q.trim()) {
      form.elements.q.focus();
      return;
    }
    status.textContent = "Đang tìm…";
    load("manifest").then(function (manifest) {
      var searcher = new Searcher(load, manifest);
      return searcher.search(q, { year: year, kind: kind }).then(function (found) {
        show(searcher, found, q, list, status, root);
      });
    }).catch(function () {
      status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy tải lại trang.";
    });
  }

  function show(searcher, found, q, list, status, root) {
    var marked = {};
    found.terms.forEach(function (t) { marked[t.folded] = true; });
    var corrected = found.terms.filter(function (t) { return t.corrected; });
    var note = corrected.length
      ? " (đã sửa thành “" + corrected.map(function (t) { return t.corrected; }).join(" ") + "”)"
      : "";
    if (!found.ids.length) {
      status.textContent = "Không tìm thấy kết quả nào cho “" + q + "”" + note + ".";
      return;
    }
    status.textContent = "Tìm thấy " + found.ids.length + " kết quả cho “" + q + "”" + note +
      (found.partial ? "; không có kết quả chứa đủ mọi từ, đây là các kết quả gần nhất." : ".");
    var shown = 0;
    var more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = "Xem thêm kết quả";
    function page() {
      var ids = found.ids.slice(shown, shown + PER_PAGE);
      shown += ids.length;
      return Promise.all(ids.map(searcher.record)).then(function (records) {
        records.forEach(function (rec) { list.appendChild(item(rec, marked, root)); });
        // When the first results appeared (ms since the page was opened),
        // for the benchmark (examples/bench_search.rs).
        if (!list.hasAttribute("data-shown-ms")) {
          list.setAttribute("data-shown-ms", String(Math.round(performance.now())));
        }
        if (shown < found.ids.length) {
          list.after(more);
        } else {
          more.remove();
        }
      });
    }
    more.addEventListener("click", function () {
      var first = shown;
      page().then(function () {
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) {
          link.focus();
        }
      });
    });
    return page();
  }

  // Text with the words of the query in <mark>.
  function highlight(el, text, marked) {
    var last = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (marked[fold(m[0].toLowerCase())]) {
        el.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.textContent = m[0];
        el.appendChild(mark);
        last = m.index + m[0].length;
      }
    }
    el.appendChild(document.createTextNode(text.slice(last)));
    return el;
  }

  function item(rec, marked, root) {
    var li = document.createElement("li");
    li.className = "search-result";
    var h = document.createElement("h2");
    h.className = "search-result-title";
    var a = document.createElement("a");
    a.href = /^[a-z]+:/i.test(rec[0]) ? rec[0] : root + rec[0];
    highlight(a, rec[1], marked);
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "meta search-result-meta";
    var parts = [KINDS[rec[2]] || rec[2]];
    if (rec[3]) {
      parts.push("Năm " + rec[3] + (rec[4] ? " (lần thứ " + rec[4] + ")" : ""));
    }
    if (rec[5]) {
      parts.push(rec[5]);
    }
    meta.textContent = parts.join(" · ");
    li.appendChild(meta);
    if (rec[6]) {
      var p = document.createElement("p");
      p.className = "search-result-excerpt";
      li.appendChild(highlight(p, rec[6], marked));
    }
    return li;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
