(function () {
  "use strict";
  // Search that loads what it needs: per year (segment), the hash buckets of
  // the query's keys; then the sentence files of the issues it shows. Every
  // file is a script (scripts load from file://, fetch does not).
  var config = window.ZHREADER_LIBRARY;
  var store = {issues: Object.create(null), buckets: Object.create(null), sentences: Object.create(null)};
  window.ZHREADER_SEARCH = {
    issues: function (segment, rows) { store.issues[segment] = rows; },
    bucket: function (segment, number, keys) { store.buckets[segment + "/" + number] = keys; },
    sentences: function (slug, rows) { store.sentences[slug] = rows; }
  };
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  var more = document.getElementById("more-results");
  var PAGE = 50;
  var HAN_RUN = /[{{ han_class }}]+/gu;
  var LATIN = /^[a-z0-9'\s\u00e0-\u024f]+$/;
  var scripts = Object.create(null);
  var current = null;

  function load(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(true); };
        script.onerror = function () { resolve(false); };
        document.head.appendChild(script);
      });
    }
    return scripts[src];
  }

  // CRC-32 of the key's UTF-8 bytes, as reader/search_index.py's bucket_of.
  var CRC = [];
  for (var n = 0; n < 256; n++) {
    var c = n;
    for (var k = 0; k < 8; k++) { c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
    CRC.push(c >>> 0);
  }
  function bucketOf(key) {
    var bytes = new TextEncoder().encode(key);
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) { crc = CRC[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8); }
    return ((crc ^ 0xffffffff) >>> 0) % config.buckets;
  }

  function pad(n) { return ("00" + n).slice(-3); }

  function toneless(word) {
    return word.replace(/[\u00fc\u01d6\u01d8\u01da\u01dc]/g, "v").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // A query → groups of keys: a sentence matches when, for every group, it has
  // every key of the group (alternative groups are joined with "any").
  function parse(query) {
    if (LATIN.test(query)) {
      var words = query.split(/\s+/).map(toneless);
      var alternatives = [words];
      if (words.length > 1) { alternatives.push([words.join("")]); }
      return {alternatives: alternatives, check: null};
    }
    var keys = [];
    (query.match(HAN_RUN) || []).forEach(function (run) {
      var chars = Array.from(run);
      if (chars.length === 1) { keys.push(chars[0]); }
      for (var i = 0; i + 1 < chars.length; i++) { keys.push(chars[i] + chars[i + 1]); }
    });
    if (!keys.length) { return null; }
    // Pairs of characters find candidates; a longer query is checked against the text.
    var exact = Array.from(query).length <= 2 && keys.length === 1;
    return {alternatives: [keys], check: exact ? null : query};
  }

  // A bucket lists [issue number, {key: sentence numbers}] per issue with keys in it.
  function postings(segment, key) {
    var bucket = store.buckets[segment + "/" + bucketOf(key)] || [];
    var found = new Map();
    bucket.forEach(function (entry) {
      var sentences = entry[1][key];
      if (sentences) { found.set(entry[0], new Set(sentences)); }
    });
    return found;
  }

  function matchAll(segment, keys) {
    var result = null;
    keys.forEach(function (key) {
      var found = postings(segment, key);
      if (result === null) { result = found; return; }
      var next = new Map();
      result.forEach(function (sentences, issue) {
        var other = found.get(issue);
        if (!other) { return; }
        var both = new Set(Array.from(sentences).filter(function (n) { return other.has(n); }));
        if (both.size) { next.set(issue, both); }
      });
      result = next;
    });
    return result || new Map();
  }

  function hitsOf(parsed) {
    var hits = [];
    config.segments.forEach(function (segment) {
      var merged = new Map();
      parsed.alternatives.forEach(function (keys) {
        matchAll(segment, keys).forEach(function (sentences, issue) {
          var set = merged.get(issue) || new Set();
          sentences.forEach(function (n) { set.add(n); });
          merged.set(issue, set);
        });
      });
      Array.from(merged.keys()).sort(function (a, b) { return a - b; }).forEach(function (issue) {
        var row = store.issues[segment][issue];
        Array.from(merged.get(issue)).sort(function (a, b) { return a - b; }).forEach(function (n) {
          hits.push([row, n]);
        });
      });
    });
    return hits;
  }

  function fetchKeys(parsed) {
    var wanted = [];
    config.segments.forEach(function (segment) {
      wanted.push(load("search/" + encodeURIComponent(segment) + "/issues.js"));
      parsed.alternatives.forEach(function (keys) {
        keys.forEach(function (key) {
          wanted.push(load("search/" + encodeURIComponent(segment) + "/b" + pad(bucketOf(key)) + ".js"));
        });
      });
    });
    return Promise.all(wanted);
  }

  function item(hit) {
    var issue = hit[0];
    var s = store.sentences[issue[0]][hit[1]];
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = encodeURI(issue[0] + "/side-by-side.html") + "#" + encodeURIComponent(s[0]);
    link.lang = "zh-Hans";
    link.textContent = s[1];
    var meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = " " + [issue[1] || "undated", issue[2] || "", issue[3]].filter(Boolean).join(" · ");
    var en = document.createElement("span");
    en.className = "en";
    en.lang = "en";
    // A word-by-word gloss is labelled as such, as the editions label it.
    en.textContent = s[2] + (s[3] === "gloss" ? " [gloss]" : "");
    li.append(link, meta, en);
    return li;
  }

  // Show the next page of hits: load the sentence files of the issues it
  // needs and, for a query longer than its keys, keep the sentences that hold it.
  function showMore(search) {
    var shown = 0;
    function step() {
      if (search !== current) { return Promise.resolve(); }
      if (shown >= PAGE || search.next >= search.hits.length) { return Promise.resolve(); }
      var batch = search.hits.slice(search.next, search.next + PAGE);
      var slugs = Array.from(new Set(batch.map(function (h) { return h[0][0]; })));
      return Promise.all(slugs.map(function (slug) {
        return load(encodeURI(slug) + "/search.js");
      })).then(function () {
        if (search !== current) { return; }
        batch.forEach(function (hit) {
          search.next += 1;
          if (shown >= PAGE) { search.next -= 1; return; }
          var rows = store.sentences[hit[0][0]];
          if (!rows || !rows[hit[1]]) { return; }
          if (search.check && rows[hit[1]][1].indexOf(search.check) === -1) { search.dropped += 1; return; }
          list.append(item(hit));
          shown += 1;
          search.shown += 1;
        });
        return step();
      });
    }
    return step().then(function () {
      if (search !== current) { return; }
      var done = search.next >= search.hits.length;
      var total = search.hits.length - search.dropped;
      // Without a text check every candidate is a hit; with one, unchecked ones may not be.
      var exact = done || !search.check;
      status.textContent = (exact ? total : "up to " + total) + " sentence" + (total === 1 ? "" : "s") +
        (total ? " · showing " + search.shown : "");
      more.hidden = done;
    });
  }

  function run() {
    var query = input.value.normalize("NFC").trim().toLowerCase();
    list.replaceChildren();
    more.hidden = true;
    var parsed = query ? parse(query) : null;
    if (!parsed) { status.textContent = ""; current = null; return; }
    var search = {query: query, hits: [], next: 0, shown: 0, dropped: 0, check: parsed.check};
    current = search;
    status.textContent = "searching…";
    fetchKeys(parsed).then(function () {
      if (search !== current) { return; }
      search.hits = hitsOf(parsed);
      return showMore(search);
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  document.getElementById("more").addEventListener("click", function () {
    if (current) { showMore(current); }
  });
  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
}());
