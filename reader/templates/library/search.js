(function () {
  "use strict";
  // Offline search over the issues' search.js shards (scripts, so they load
  // from file://), merged here into one sentence table and one key table.
  var shards = window.ZHREADER_SEARCH_SHARDS || [];
  var data = {issues: [], sentences: [], keys: Object.create(null)};
  shards.forEach(function (shard, number) {
    var offset = data.sentences.length;
    data.issues.push([shard.slug, shard.date, shard.paper, shard.title]);
    shard.sentences.forEach(function (s) { data.sentences.push([number, s[0], s[1], s[2], s[3]]); });
    Object.keys(shard.keys).forEach(function (key) {
      var list = data.keys[key] || (data.keys[key] = []);
      shard.keys[key].forEach(function (p) { list.push(offset + p); });
    });
  });
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  var LIMIT = 100;
  var HAN = /[{{ han_class }}]/u;
  var LATIN = /^[a-z0-9'\u00e0-\u024f\u01d6-\u01dc]+$/;
  var expected = document.querySelectorAll("script[src$='/search.js']").length;
  if (shards.length < expected) {
    status.textContent = (expected - shards.length) + " issue search file(s) (search.js) are missing; run zhreader batch again.";
  }

  function plain(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Toneless spellings (fu, fupin, lv) → the tone-marked keys they stand for.
  var aliases = Object.create(null);
  Object.keys(data.keys).forEach(function (key) {
    if (!LATIN.test(key)) { return; }
    var forms = [plain(key), plain(key.replace(/[\u00fc\u01d6\u01d8\u01da\u01dc]/g, "v"))];
    forms.forEach(function (form) {
      if (form !== key) { (aliases[form] = aliases[form] || []).push(key); }
    });
  });

  function lookup(word) {
    var found = new Set(data.keys[word] || []);
    (aliases[word] || []).forEach(function (key) {
      data.keys[key].forEach(function (n) { found.add(n); });
    });
    return found;
  }

  function intersect(sets) {
    return sets.reduce(function (a, b) {
      return new Set(Array.from(a).filter(function (n) { return b.has(n); }));
    });
  }

  function search(query) {
    if (HAN.test(query)) {
      var hits = [];
      data.sentences.forEach(function (s, n) { if (s[2].indexOf(query) !== -1) { hits.push(n); } });
      return hits;
    }
    var words = query.toLowerCase().split(/\s+/);
    var found = intersect(words.map(lookup));
    lookup(words.join("")).forEach(function (n) { found.add(n); });
    return Array.from(found).sort(function (a, b) { return a - b; });
  }

  function item(n) {
    var s = data.sentences[n];
    var issue = data.issues[s[0]];
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = encodeURI(issue[0] + "/side-by-side.html") + "#" + encodeURIComponent(s[1]);
    link.lang = "zh-Hans";
    link.textContent = s[2];
    var meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = " " + [issue[1] || "undated", issue[2] || "", issue[3]].filter(Boolean).join(" · ");
    var en = document.createElement("span");
    en.className = "en";
    en.lang = "en";
    // A word-by-word gloss is labelled as such, as the editions label it.
    en.textContent = s[3] + (s[4] === "gloss" ? " [gloss]" : "");
    li.append(link, meta, en);
    return li;
  }

  function show() {
    var query = input.value.normalize("NFC").trim();
    list.replaceChildren();
    if (!query) { status.textContent = ""; return; }
    var hits = search(query);
    status.textContent = hits.length + " sentence" + (hits.length === 1 ? "" : "s") +
      (hits.length > LIMIT ? " (showing the first " + LIMIT + ")" : "");
    list.append.apply(list, hits.slice(0, LIMIT).map(item));
  }

  input.addEventListener("input", show);
  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    show();
  });
}());
