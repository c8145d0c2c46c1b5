// "Cite this paragraph": next to each paragraph's permalink (a.p-permalink),
// a button opens the page's citation with the paragraph's locator (¶ N, and
// the source's pages where it prints them: "¶ 8, pp. 88–89") and permalink,
// in Chicago and BibTeX, ready to copy. The page's citation comes from the
// data attributes of its "Cite this page" block (div.cite-this); the pages
// from the page-break marks (span.page-break[data-page]) before and in the
// paragraph.
//
// The access date: the site's files carry none (a static file cannot know
// when it is read), so every copy and download button of the page's own
// citation adds the reader's date at the moment of the click: BibTeX
// `urldate`, RIS `Y2`, CSL-JSON `accessed`. Downloads are made in the browser
// (a Blob) from the static file.
(function () {
  "use strict";

  function today() {
    var now = new Date();
    var parts = [now.getFullYear(), now.getMonth() + 1, now.getDate()];
    var padded = parts.map(function (part) {
      return String(part).padStart(2, "0");
    });
    return { parts: parts, iso: padded.join("-"), ris: padded.join("/") };
  }

  var ACCESS_DATE = {
    bib: function (text, date) {
      return text.replace(/\n\}(\n|$)/g, "\n  urldate = {" + date.iso + "},\n}$1");
    },
    ris: function (text, date) {
      return text.replace(/^ER {2}- /gm, "Y2  - " + date.ris + "\nER  - ");
    },
    json: function (text, date) {
      var items = JSON.parse(text).map(function (item) {
        return Object.assign({}, item, { accessed: { "date-parts": [date.parts] } });
      });
      return JSON.stringify(items, null, 2) + "\n";
    },
  };
  var MEDIA_TYPES = { bib: "application/x-bibtex", ris: "application/x-research-info-systems", json: "application/vnd.citationstyles.csl+json" };

  function withAccessDate(format, text) {
    return ACCESS_DATE[format](text, today());
  }

  function paragraphBibtex(bibtex, locator, number, url) {
    return bibtex
      .replace(/^(@\w+\{[^,]+),/, "$1-p" + number + ",")
      .replace(/(\burl\s*=\s*\{)[^}]*\}/, "$1" + url + "}")
      .replace(/\n\}\s*$/, "\n  note    = {" + locator + "},\n}");
  }

  // Whether a page-break mark opens its paragraph: nothing but the paragraph's number and button before it.
  function opens(mark) {
    for (var node = mark.previousSibling; node; node = node.previousSibling) {
      var isText = node.nodeType === Node.TEXT_NODE;
      if ((isText && node.textContent.trim()) || (!isText && !node.matches(".p-permalink, .p-cite"))) {
        return false;
      }
    }
    return true;
  }

  // The printed pages each paragraph stands on ("p. 88", "pp. 88–89"), by its id; "" where the source prints none.
  function paragraphPages() {
    var pages = {};
    var current = "";
    var paragraph = null;
    var start = "";
    function close() {
      if (paragraph && start) {
        pages[paragraph.id] = start === current ? "p. " + start : "pp. " + start + "–" + current;
      }
    }
    document.querySelectorAll("p.text-paragraph[id], .page-break[data-page]").forEach(function (node) {
      if (node.matches("p")) {
        close();
        paragraph = node;
        start = current;
        return;
      }
      current = node.dataset.page;
      if (paragraph && paragraph.contains(node) && opens(node)) {
        start = current;
      }
    });
    close();
    return pages;
  }

  function copyButton(label, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "p-cite-copy md-button";
    button.textContent = label;
    button.addEventListener("click", function () {
      if (navigator.clipboard) {
        navigator.clipboard.writeText(typeof text === "function" ? text() : text).then(function () {
          button.textContent = "Copied";
        });
      }
    });
    return button;
  }

  // Download one of the page's own files with the reader's access date added.
  function downloadWithAccessDate(link, format) {
    fetch(link.href)
      .then(function (response) {
        return response.text();
      })
      .then(function (text) {
        var blob = new Blob([withAccessDate(format, text)], { type: MEDIA_TYPES[format] });
        var url = URL.createObjectURL(blob);
        var temporary = document.createElement("a");
        temporary.href = url;
        temporary.download = link.getAttribute("download");
        document.body.appendChild(temporary);
        temporary.click();
        temporary.remove();
        setTimeout(function () {
          URL.revokeObjectURL(url);
        }, 1000);
      });
  }

  function setUpAccessDates(block) {
    var key = block.dataset.citeKey || "";
    block.querySelectorAll("a[download]").forEach(function (link) {
      var name = link.getAttribute("download");
      var format = name.split(".").pop();
      if (name.indexOf(key + ".") !== 0 || !ACCESS_DATE[format]) {
        return; // the original work's file, or a site-wide one: no page of ours, no access date
      }
      link.addEventListener("click", function (event) {
        event.preventDefault();
        downloadWithAccessDate(link, format);
      });
    });
    // The page's BibTeX is the block's last code block; Material's copy button reads it at the click,
    // so the reader's date goes in first (capture phase, before the button's own handler).
    var codes = block.querySelectorAll("pre code");
    var code = codes[codes.length - 1];
    if (!code) {
      return;
    }
    var bibtex = code.textContent;
    document.addEventListener(
      "click",
      function (event) {
        var button = event.target.closest && event.target.closest("[data-clipboard-target]");
        if (button && document.querySelector(button.getAttribute("data-clipboard-target")) === code) {
          code.textContent = withAccessDate("bib", bibtex);
        }
      },
      true
    );
  }

  function setUp(block) {
    var base = block.dataset.citeText || "";
    var pageUrl = block.dataset.citeUrl || "";
    var bibtex = block.dataset.citeBibtex || "";
    var pages = paragraphPages();
    document.querySelectorAll("a.p-permalink").forEach(function (link) {
      var paragraph = link.closest("p[id]");
      if (!paragraph) {
        return;
      }
      var number = paragraph.id.replace(/^p-/, "");
      var locator = "¶ " + number + (pages[paragraph.id] ? ", " + pages[paragraph.id] : "");
      var url = pageUrl + "#" + paragraph.id;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "p-cite";
      button.textContent = "cite";
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-label", "Cite paragraph " + number);
      var popover = document.createElement("div");
      popover.className = "p-cite-popover";
      popover.id = "cite-" + paragraph.id;
      popover.hidden = true;
      popover.setAttribute("role", "region");
      popover.setAttribute("aria-label", "Citation of paragraph " + number);
      // The page's reference ends with its URL; the paragraph's ends with the permalink instead.
      var reference = base.trim();
      if (reference.slice(-(pageUrl.length + 1)) === pageUrl + ".") {
        reference = reference.slice(0, -(pageUrl.length + 1)).trim();
      }
      var chicago = reference + " " + locator + ". " + url;
      var text = document.createElement("p");
      text.textContent = chicago;
      var pre = document.createElement("pre");
      var code = document.createElement("code");
      code.textContent = paragraphBibtex(bibtex, locator, number, url);
      pre.appendChild(code);
      var paragraphEntry = code.textContent;
      var copyBibtex = copyButton("Copy BibTeX", function () {
        return withAccessDate("bib", paragraphEntry);
      });
      popover.append(text, copyButton("Copy citation", chicago), pre, copyBibtex);
      button.setAttribute("aria-controls", popover.id);
      button.addEventListener("click", function () {
        popover.hidden = !popover.hidden;
        button.setAttribute("aria-expanded", String(!popover.hidden));
      });
      popover.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          popover.hidden = true;
          button.setAttribute("aria-expanded", "false");
          button.focus();
        }
      });
      link.after(button);
      paragraph.after(popover);
    });
  }

  function setUpAll() {
    var block = document.querySelector("div.cite-this");
    if (block) {
      setUp(block);
      setUpAccessDates(block);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
