/* zhreader editions: reader controls, sentence highlighting, citations.
   No network, no external code; the page works without this script too. */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "zhreader.interlinear.v1";
  var DEFAULTS = { pinyin: true, gloss: true, tones: false, sandhi: false, hsk: 0 };

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY) || "{}") || {};
    } catch (e) {
      return {};
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) {
      /* Storage can be disabled; the controls still work for this visit. */
    }
  }

  function apply(state) {
    root.classList.toggle("no-py", !state.pinyin);
    root.classList.toggle("no-gloss", !state.gloss);
    root.classList.toggle("tones", !!state.tones);
    root.classList.toggle("sandhi", !!state.sandhi);
    for (var level = 1; level <= 7; level++) {
      root.classList.toggle("hide-h" + level, level <= state.hsk);
    }
  }

  function setupControls(form) {
    var state = Object.assign({}, DEFAULTS, load());
    Array.prototype.forEach.call(form.elements, function (input) {
      if (!(input.name in state)) return;
      if (input.type === "checkbox") input.checked = !!state[input.name];
      else input.value = String(state[input.name]);
    });
    form.addEventListener("change", function (event) {
      var input = event.target;
      if (!(input.name in state)) return;
      state[input.name] = input.type === "checkbox" ? input.checked : parseInt(input.value, 10) || 0;
      save(state);
      apply(state);
    });
    apply(state);
  }

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
    sameSentence(target.getAttribute("data-s")).forEach(function (el) {
      el.classList.toggle("hl", on);
    });
  }

  function citation(id) {
    var body = document.body;
    var el = document.getElementById(id);
    var article = el && el.closest("article");
    var parts = [body.getAttribute("data-paper"), body.getAttribute("data-date")];
    var headline = article ? article.getAttribute("data-headline") : "";
    if (headline) parts.push("\u201C" + headline + "\u201D");
    parts.push("sentence " + id);
    var url = window.location.href.split("#")[0] + "#" + id;
    return parts.filter(Boolean).join(", ") + ". " + url +
      " (zhreader signature: " + body.getAttribute("data-signature") + ")";
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

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button");
    if (!button) return;
    if (button.classList.contains("en-btn")) toggleEnglish(button);
    if (button.classList.contains("cite")) {
      var id = button.getAttribute("data-s");
      copy(citation(id), id);
    }
  });
  document.addEventListener("mouseover", function (e) { highlight(e, true); });
  document.addEventListener("mouseout", function (e) { highlight(e, false); });
  document.addEventListener("focusin", function (e) { highlight(e, true); });
  document.addEventListener("focusout", function (e) { highlight(e, false); });

  var form = document.getElementById("controls");
  if (form) setupControls(form);
})();
