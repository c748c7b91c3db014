/* zhreader editions: reader controls, the word panel, known words, read aloud,
   sentence citations, Chinese-only copying.
   No network, no external code; the page works without this script too. */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "zhreader.interlinear.v1";
  var DISPLAY_KEY = "zhreader.display.v1";
  // Shared by every edition opened from the same place: the library's issues.
  var KNOWN_KEY = "zhreader.known.v1";
  var DEFAULTS = { pinyin: true, gloss: true, tones: false, hztones: false, sandhi: false, hsk: 0 };
  var SIZES = [1, 1.15, 1.3, 1.5];
  var lexicon = readLexicon();
  var zhVoice = null;

  function stored(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key) || "{}") || {};
    } catch (e) {
      return {};
    }
  }

  function store(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* Storage can be disabled; the controls still work for this visit. */
    }
  }

  function readLexicon() {
    var el = document.getElementById("lexicon");
    try {
      return JSON.parse(el ? el.textContent : "{}");
    } catch (e) {
      return {};
    }
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* --- reader controls ------------------------------------------------------ */

  function apply(state) {
    root.classList.toggle("no-py", !state.pinyin);
    root.classList.toggle("no-gloss", !state.gloss);
    root.classList.toggle("tones", !!state.tones);
    root.classList.toggle("hztones", !!state.hztones);
    root.classList.toggle("sandhi", !!state.sandhi);
    for (var level = 1; level <= 7; level++) {
      root.classList.toggle("hide-h" + level, level <= state.hsk);
    }
  }

  function setupControls(form) {
    var state = Object.assign({}, DEFAULTS, stored(KEY));
    var known = knownState();
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.name === "known") input.value = String(known.level || 0);
      if (!(input.name in state)) return;
      if (input.type === "checkbox") input.checked = !!state[input.name];
      else input.value = String(state[input.name]);
    });
    form.addEventListener("change", function (event) {
      var input = event.target;
      if (input.name === "known") {
        var k = knownState();
        k.level = parseInt(input.value, 10) || 0;
        saveKnown(k);
        return;
      }
      if (!(input.name in state)) return;
      state[input.name] = input.type === "checkbox" ? input.checked : parseInt(input.value, 10) || 0;
      store(KEY, state);
      apply(state);
    });
    apply(state);
  }

  function display() {
    return Object.assign({ size: 0, theme: "" }, stored(DISPLAY_KEY));
  }

  function applyDisplay(d) {
    for (var i = 1; i < SIZES.length; i++) root.classList.toggle("fs" + i, d.size === i);
    root.classList.toggle("dark", d.theme === "dark");
    root.classList.toggle("light", d.theme === "light");
    var dark = d.theme === "dark" || (d.theme !== "light" && prefersDark());
    root.style.colorScheme = dark ? "dark" : "light";
    var button = document.querySelector('[data-act="theme"]');
    if (button) button.setAttribute("aria-pressed", dark ? "true" : "false");
    placeBelowBar();
  }

  function prefersDark() {
    return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  }

  function changeDisplay(act) {
    var d = display();
    if (act === "bigger") d.size = Math.min(SIZES.length - 1, d.size + 1);
    if (act === "smaller") d.size = Math.max(0, d.size - 1);
    if (act === "theme") {
      var dark = d.theme === "dark" || (d.theme !== "light" && prefersDark());
      d.theme = dark ? "light" : "dark";
    }
    store(DISPLAY_KEY, d);
    applyDisplay(d);
  }

  // Anchors land below the sticky bar, whatever its height on this screen.
  function placeBelowBar() {
    var bar = document.getElementById("bar");
    if (!bar) return;
    root.style.scrollPaddingTop = bar.offsetHeight + "px";
  }

  /* --- known words ------------------------------------------------------------ */

  function knownState() {
    var k = stored(KNOWN_KEY);
    return { words: Array.isArray(k.words) ? k.words : [], level: k.level || 0 };
  }

  function saveKnown(k) {
    var unique = {};
    k.words.forEach(function (w) { if (w) unique[w] = true; });
    k.words = Object.keys(unique).sort();
    store(KNOWN_KEY, k);
    markKnown(k);
  }

  function markKnown(k) {
    var set = {};
    k.words.forEach(function (w) { set[w] = true; });
    document.querySelectorAll(".w[data-w]").forEach(function (w) {
      var level = parseInt(w.getAttribute("data-hsk") || "0", 10);
      var isKnown = set[w.getAttribute("data-w")] === true || (level > 0 && level <= k.level);
      w.classList.toggle("known", isKnown);
    });
  }

  function isKnown(word) {
    return knownState().words.indexOf(word) >= 0;
  }

  function toggleKnown(word) {
    var k = knownState();
    var at = k.words.indexOf(word);
    if (at >= 0) k.words.splice(at, 1);
    else k.words.push(word);
    saveKnown(k);
    announce(at >= 0 ? word + " is no longer marked known" : word + " marked known");
  }

  function openKnownList(opener) {
    var dialog = document.getElementById("known-dialog");
    document.getElementById("known-text").value = knownState().words.join("\n");
    openDialog(dialog, opener);
  }

  function importKnown(replaceAll) {
    var lines = document.getElementById("known-text").value.split(/\r?\n/);
    var words = lines.map(function (l) { return l.trim(); }).filter(Boolean);
    var k = knownState();
    k.words = replaceAll ? words : k.words.concat(words);
    saveKnown(k);
    announce(k.words.length + " known words");
  }

  /* --- dialogs ---------------------------------------------------------------- */

  var openedBy = null;

  function openDialog(dialog, opener) {
    closeDialogs();
    openedBy = opener || null;
    dialog.hidden = false;
    var close = dialog.querySelector(".wp-close");
    if (close) close.focus();
  }

  function closeDialogs() {
    var wasOpen = false;
    document.querySelectorAll(".panel").forEach(function (p) {
      if (!p.hidden) wasOpen = true;
      p.hidden = true;
    });
    if (wasOpen && openedBy && openedBy.focus) openedBy.focus();
    openedBy = null;
  }

  /* --- the word panel --------------------------------------------------------- */

  // A sentence's Chinese as written: ruby text, glosses and buttons left out.
  function chineseOf(node) {
    var copy = node.cloneNode(true);
    copy.querySelectorAll("rt, rp, .gl, button, .s-en, .flag").forEach(function (x) { x.remove(); });
    return copy.textContent.replace(/\s+/g, "");
  }

  function sensesList(reading, chosen) {
    var list = el("ol", "senses");
    reading[1].forEach(function (sense, k) {
      var item = el("li", k === chosen ? "chosen" : "", sense);
      if (k === chosen) {
        item.appendChild(el("span", "here", " ← here"));
        item.setAttribute("aria-current", "true");
      }
      list.appendChild(item);
    });
    return list;
  }

  function readingsBlock(entry, chosen) {
    var box = el("div", "readings");
    entry.r.forEach(function (reading, r) {
      var head = el("p", "reading" + (r === chosen[0] ? " chosen" : ""), reading[0]);
      box.appendChild(head);
      box.appendChild(sensesList(reading, r === chosen[0] ? chosen[1] : -1));
    });
    if (!entry.r.length) box.appendChild(el("p", "", "Not in CC-CEDICT."));
    return box;
  }

  function charactersBlock(word) {
    var box = el("div", "chars");
    Array.from(word).forEach(function (ch) {
      var entry = (lexicon.words || {})[ch];
      if (!entry) return;
      var line = el("p", "char");
      line.appendChild(el("span", "wp-char", ch)).setAttribute("lang", "zh-Hans");
      var parts = entry.r.map(function (r) { return r[0] + ": " + r[1].slice(0, 3).join("; "); });
      line.appendChild(document.createTextNode(" " + (parts.join(" · ") || "not in CC-CEDICT")));
      box.appendChild(line);
    });
    return box;
  }

  function usesBlock(word, here) {
    var box = el("ul", "uses");
    ((lexicon.uses || {})[word] || []).forEach(function (id) {
      if (id === here) return;
      var target = document.getElementById(id);
      if (!target) return;
      var item = el("li");
      var link = el("a", "", chineseOf(target));
      link.href = "#" + id;
      link.setAttribute("lang", "zh-Hans");
      item.appendChild(link);
      box.appendChild(item);
    });
    return box;
  }

  function termBlock(anchor) {
    var term = (lexicon.terms || {})[anchor];
    if (!term) return null;
    var box = el("div", "wp-term");
    box.appendChild(el("p", "", "Glossary: " + term.en + (term.note ? " — " + term.note : "")));
    var link = el("a", "", "Glossary entry");
    link.href = "#" + anchor;
    box.appendChild(link);
    return box;
  }

  function section(title, content) {
    var box = el("section");
    box.appendChild(el("h3", "", title));
    box.appendChild(content);
    return box;
  }

  function openPanel(word) {
    var key = word.getAttribute("data-w");
    var entry = (lexicon.words || {})[key] || { h: null, r: [] };
    var chosen = (word.getAttribute("data-c") || "-1.-1").split(".").map(Number);
    var sentence = word.closest(".s[data-s]");
    var here = sentence ? sentence.getAttribute("data-s") : "";
    var panel = document.getElementById("word-panel");
    panel.querySelector(".wp-word").textContent = key;
    var spoken = entry.r[chosen[0]] ? entry.r[chosen[0]][0] : "";
    panel.querySelector(".wp-py").textContent = spoken + (entry.h ? " · HSK " + (entry.h < 7 ? entry.h : "7–9") : "");
    panel.querySelector('[data-say="word"]').setAttribute("data-text", key);
    var body = document.getElementById("wp-body");
    body.textContent = "";
    body.appendChild(readingsBlock(entry, chosen));
    var term = termBlock(word.getAttribute("data-t"));
    if (term) body.appendChild(term);
    if (Array.from(key).length > 1) body.appendChild(section("Characters", charactersBlock(key)));
    var uses = usesBlock(key, here);
    if (uses.children.length) body.appendChild(section("Also in this issue", uses));
    var mark = el("button", "bar-btn known-btn", isKnown(key) ? "Known ✓ (undo)" : "Mark as known");
    mark.type = "button";
    mark.setAttribute("data-known", key);
    body.appendChild(mark);
    openDialog(panel, word);
  }

  /* --- read aloud ------------------------------------------------------------- */

  function findVoice() {
    if (!window.speechSynthesis || !window.speechSynthesis.getVoices) return null;
    var voices = window.speechSynthesis.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if (/^(zh|cmn)/i.test(voices[i].lang || "")) return voices[i];
    }
    return null;
  }

  function showSpeech() {
    zhVoice = findVoice();
    document.querySelectorAll(".say").forEach(function (b) { b.hidden = !zhVoice; });
  }

  function speak(text) {
    if (!zhVoice || !text) return;
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.voice = zhVoice;
    utterance.lang = zhVoice.lang;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
  }

  /* --- citations -------------------------------------------------------------- */

  // The page's place relative to the library: "<issue>/side-by-side.html".
  function relativeLink(id) {
    var parts = window.location.pathname.split("/").filter(Boolean);
    return decodeURIComponent(parts.slice(-2).join("/")) + "#" + id;
  }

  function bibEscape(text) {
    return String(text).replace(/[\\{}&%$#_~^]/g, function (c) {
      if (c === "\\") return "\\textbackslash{}";
      if (c === "~") return "\\textasciitilde{}";
      if (c === "^") return "\\textasciicircum{}";
      return "\\" + c;
    });
  }

  function citation(id) {
    var body = document.body;
    var sentence = document.getElementById(id);
    var article = sentence && sentence.closest("article");
    var english = document.getElementById("en-" + id);
    var kind = english ? english.getAttribute("data-kind") || "" : "";
    var kindLabel = kind === "mt" ? "machine translation" : kind === "gloss" ? "word-by-word gloss" : "";
    var info = {
      zh: sentence ? chineseOf(sentence) : "",
      en: english ? english.textContent.trim() : "",
      headline: article ? article.getAttribute("data-headline") : "",
      byline: article ? article.getAttribute("data-byline") : "",
      paper: body.getAttribute("data-paper"),
      date: body.getAttribute("data-date"),
      page: body.getAttribute("data-page"),
      link: relativeLink(id),
      signature: body.getAttribute("data-signature"),
    };
    var source = [info.byline, info.headline ? "\u201C" + info.headline + "\u201D" : "",
      info.paper, info.date, info.page ? "page " + info.page : ""].filter(Boolean).join(", ");
    var plain = "\u201C" + info.zh + "\u201D" +
      (info.en ? " [" + info.en + "] (English: " + kindLabel + ")" : "") + " " + source +
      ", sentence " + id + ". " + info.link + " (zhreader signature: " + info.signature + ")";
    // journal and year for BibTeX's own styles, date for biblatex, which reads journal
    // as its journaltitle (given both, biber warns).
    var fields = [["title", info.headline], ["journal", info.paper],
      ["year", info.date.slice(0, 4)], ["date", info.date],
      ["author", info.byline.split("、").filter(Boolean).join(" and ")], ["pages", info.page],
      ["note", "Sentence " + id + ": " + info.zh + (info.en ? " / " + info.en + " (" + kindLabel + ")" : "") +
        ". " + info.link + ". zhreader signature: " + info.signature]];
    var key = (info.link.split("/")[0] || "edition").replace(/[^A-Za-z0-9_.:-]/g, "-") + "-" + id;
    var bib = "@article{" + key + ",\n" + fields.filter(function (f) { return f[1]; })
      .map(function (f) { return "  " + f[0] + " = {" + bibEscape(f[1]) + "}"; }).join(",\n") + "\n}";
    return plain + "\n\n" + bib + "\n";
  }

  function announce(message) {
    var status = document.getElementById("status");
    if (!status) return;
    status.textContent = message;
    window.setTimeout(function () { status.textContent = ""; }, 2500);
  }

  function copyByCommand(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  function copy(text, id) {
    var done = function () { announce("Citation of " + id + " copied"); };
    var fallback = function () {
      if (copyByCommand(text)) done();
      else window.prompt("Copy this citation:", text);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  // Copying from the interlinear text gives the characters, not the ruby.
  function copyChinese(event) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !event.clipboardData) return;
    var range = selection.getRangeAt(0);
    var start = range.commonAncestorContainer;
    var node = start.nodeType === 1 ? start : start.parentNode;
    if (!node.closest || !node.closest(".il")) return;
    var box = document.createElement("div");
    box.appendChild(range.cloneContents());
    box.querySelectorAll("rt, rp, .gl, button, .flag, .s-en:not(.shown), .sd").forEach(function (x) {
      x.remove();
    });
    event.clipboardData.setData("text/plain", box.textContent.replace(/[ \t]+/g, ""));
    event.preventDefault();
  }

  /* --- sentence highlighting and English -------------------------------------- */

  function toggleEnglish(button) {
    var english = document.getElementById(button.getAttribute("aria-controls"));
    if (!english) return;
    var shown = english.classList.toggle("shown");
    button.setAttribute("aria-expanded", shown ? "true" : "false");
  }

  function sameSentence(id) {
    return document.querySelectorAll('.s[data-s="' + CSS.escape(id) + '"]');
  }

  function highlight(event, on) {
    var target = event.target.closest && event.target.closest(".s[data-s]");
    if (!target) return;
    sameSentence(target.getAttribute("data-s")).forEach(function (node) {
      node.classList.toggle("hl", on);
    });
  }

  /* --- events ----------------------------------------------------------------- */

  function onButton(button) {
    var act = button.getAttribute("data-act");
    if (button.classList.contains("en-btn")) toggleEnglish(button);
    else if (button.classList.contains("cite")) {
      var id = button.getAttribute("data-s");
      copy(citation(id), id);
    } else if (button.classList.contains("say")) {
      var sid = button.getAttribute("data-s");
      var target = sid ? document.getElementById(sid) : null;
      speak(target ? chineseOf(target) : button.getAttribute("data-text"));
    } else if (button.classList.contains("wp-close")) closeDialogs();
    else if (button.hasAttribute("data-known")) {
      toggleKnown(button.getAttribute("data-known"));
      closeDialogs();
    } else if (button.id === "settings") {
      var open = root.classList.toggle("settings-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
      placeBelowBar();
    } else if (act === "known-list") openKnownList(button);
    else if (act === "known-replace" || act === "known-add") importKnown(act === "known-replace");
    else if (act) changeDisplay(act);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button");
    if (button) {
      onButton(button);
      return;
    }
    var word = event.target.closest && event.target.closest(".w[data-w]");
    if (word) {
      openPanel(word);
      return;
    }
    // A tap outside an open dialog closes it.
    if (!(event.target.closest && event.target.closest(".panel"))) closeDialogs();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeDialogs();
    var word = event.target.closest && event.target.closest(".w[data-w]");
    if (word && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      openPanel(word);
    }
  });
  document.addEventListener("copy", copyChinese);
  document.addEventListener("mouseover", function (e) { highlight(e, true); });
  document.addEventListener("mouseout", function (e) { highlight(e, false); });
  document.addEventListener("focusin", function (e) { highlight(e, true); });
  document.addEventListener("focusout", function (e) { highlight(e, false); });
  window.addEventListener("resize", placeBelowBar);

  var form = document.getElementById("controls");
  if (form) setupControls(form);
  applyDisplay(display());
  markKnown(knownState());
  // Notices and contents open on a wide screen; on a phone the text comes first.
  var about = document.getElementById("about");
  if (about && window.matchMedia && window.matchMedia("(min-width: 44rem)").matches) about.open = true;
  window.addEventListener("storage", function (event) {
    if (event.key === KNOWN_KEY) markKnown(knownState());
  });
  if (window.speechSynthesis) {
    showSpeech();
    window.speechSynthesis.addEventListener("voiceschanged", showSpeech);
  }
})();
