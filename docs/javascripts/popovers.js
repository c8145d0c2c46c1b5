// Previews without leaving the page: a card for footnote markers, citations
// and glossary mentions, shown on hover, on keyboard focus and on a first tap
// (touch screens; a second tap follows the link). Esc closes it. The card is
// positioned over the page (position: absolute on <body>), so nothing moves.
// On wide screens footnotes are shown as sidenotes in the margin instead.
(function () {
  "use strict";

  var TARGETS = "a.citation, a.glossary-term, a.footnote-ref";
  var WIDE = window.matchMedia("(min-width: 1400px)");
  var card = null;
  var current = null;
  var hideTimer = null;

  // What a card shows, as DOM nodes: a copy of the footnote's own (sanitized)
  // content, or the target's preview as text. Never HTML parsed from an attribute.
  function content(target) {
    if (target.classList.contains("footnote-ref")) {
      var id = decodeURIComponent(target.getAttribute("href").slice(1));
      var note = document.getElementById(id);
      if (!note) {
        return null;
      }
      var copy = note.cloneNode(true);
      copy.querySelectorAll(".footnote-backref").forEach(function (link) {
        link.remove();
      });
      copy.querySelectorAll("[id]").forEach(function (element) {
        element.removeAttribute("id");
      });
      return copy.childNodes.length ? Array.prototype.slice.call(copy.childNodes) : null;
    }
    var text = target.dataset.preview || "";
    return text ? [document.createTextNode(text)] : null;
  }

  function ensureCard() {
    if (!card) {
      card = document.createElement("div");
      card.className = "reader-popover md-typeset";
      card.id = "reader-popover";
      card.setAttribute("role", "tooltip");
      card.hidden = true;
      card.addEventListener("mouseenter", function () {
        clearTimeout(hideTimer);
      });
      card.addEventListener("mouseleave", scheduleHide);
      document.body.appendChild(card);
    }
    return card;
  }

  function show(target) {
    if (target.classList.contains("footnote-ref") && WIDE.matches && document.querySelector(".sidenote")) {
      return false;
    }
    var nodes = content(target);
    if (!nodes) {
      return false;
    }
    clearTimeout(hideTimer);
    var box = ensureCard();
    box.replaceChildren.apply(box, nodes);
    box.dataset.kind = target.classList.contains("footnote-ref")
      ? "footnote"
      : target.classList.contains("citation")
      ? "citation"
      : "glossary";
    box.hidden = false;
    var rect = target.getBoundingClientRect();
    var width = Math.min(box.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = left + "px";
    box.style.top = rect.bottom + window.scrollY + 6 + "px";
    if (current && current !== target) {
      current.removeAttribute("aria-describedby");
    }
    current = target;
    target.setAttribute("aria-describedby", box.id);
    return true;
  }

  function hide() {
    if (card) {
      card.hidden = true;
    }
    if (current) {
      current.removeAttribute("aria-describedby");
      current = null;
    }
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function setUp() {
    document.querySelectorAll(TARGETS).forEach(function (target) {
      // The preview lives in data-preview, so the browser shows no second, native tooltip.
      if (target.title) {
        target.dataset.preview = target.title;
        target.removeAttribute("title");
      }
      target.addEventListener("mouseenter", function () {
        show(target);
      });
      target.addEventListener("mouseleave", scheduleHide);
      target.addEventListener("focus", function () {
        show(target);
      });
      target.addEventListener("blur", scheduleHide);
      target.addEventListener("pointerdown", function (event) {
        // Remember whether this target's card was open before the tap: a tap also
        // fires mouseenter and focus, which open it on the way.
        target.dataset.pointer = event.pointerType;
        target.dataset.wasOpen = String(current === target && card !== null && !card.hidden);
      });
      target.addEventListener("click", function (event) {
        // On a touch screen the first tap previews; the second follows the link.
        if (target.dataset.pointer === "touch" && target.dataset.wasOpen !== "true" && show(target)) {
          event.preventDefault();
        }
        target.dataset.pointer = "";
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && card && !card.hidden) {
        hide();
      }
    });
    document.addEventListener("click", function (event) {
      if (card && !card.hidden && !card.contains(event.target) && !event.target.closest(TARGETS)) {
        hide();
      }
    });
    placeSidenotes();
    WIDE.addEventListener("change", placeSidenotes);
    window.addEventListener("resize", placeSidenotes);
  }

  // Sidenotes: each footnote beside the paragraph that marks it, on wide screens.
  function placeSidenotes() {
    var article = document.querySelector(".md-content__inner");
    var refs = document.querySelectorAll("sup[id^='fnref'] a.footnote-ref");
    if (!article || !refs.length) {
      return;
    }
    document.body.classList.add("has-sidenotes");
    if (!article.querySelector(".sidenote")) {
      refs.forEach(function (ref) {
        var nodes = content(ref);
        if (!nodes) {
          return;
        }
        var note = document.createElement("aside");
        note.className = "sidenote";
        note.dataset.note = ref.textContent;
        var number = document.createElement("span");
        number.className = "sidenote-number";
        number.textContent = ref.textContent;
        note.append(number, " ");
        note.append.apply(note, nodes);
        article.appendChild(note);
      });
    }
    if (!WIDE.matches) {
      return;
    }
    var base = article.getBoundingClientRect().top;
    var bottom = 0;
    article.querySelectorAll(".sidenote").forEach(function (note) {
      var ref = document.querySelector("a.footnote-ref[href='#fn:" + note.dataset.note + "']");
      var top = ref ? ref.getBoundingClientRect().top - base : bottom;
      top = Math.max(top, bottom);
      note.style.top = top + "px";
      bottom = top + note.offsetHeight + 12;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
