// "Cite this paragraph": next to each paragraph's permalink (a.p-permalink),
// a button opens the page's citation with the paragraph's locator (¶ N) and
// permalink, in Chicago and BibTeX, ready to copy. The page's citation comes
// from the data attributes of its "Cite this page" block (div.cite-this).
(function () {
  "use strict";

  function paragraphBibtex(bibtex, number, url) {
    return bibtex
      .replace(/^(@online\{[^,]+),/, "$1-p" + number + ",")
      .replace(/(\burl\s*=\s*\{)[^}]*\}/, "$1" + url + "}")
      .replace(/\n\}\s*$/, "\n  note    = {¶ " + number + "},\n}");
  }

  function copyButton(label, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "p-cite-copy md-button";
    button.textContent = label;
    button.addEventListener("click", function () {
      if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = "Copied";
        });
      }
    });
    return button;
  }

  function setUp(block) {
    var base = block.dataset.citeText || "";
    var pageUrl = block.dataset.citeUrl || "";
    var bibtex = block.dataset.citeBibtex || "";
    document.querySelectorAll("a.p-permalink").forEach(function (link) {
      var paragraph = link.closest("p[id]");
      if (!paragraph) {
        return;
      }
      var number = paragraph.id.replace(/^p-/, "");
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
      var chicago = reference + " ¶ " + number + ". " + url;
      var text = document.createElement("p");
      text.textContent = chicago;
      var pre = document.createElement("pre");
      var code = document.createElement("code");
      code.textContent = paragraphBibtex(bibtex, number, url);
      pre.appendChild(code);
      popover.append(text, copyButton("Copy citation", chicago), pre, copyButton("Copy BibTeX", code.textContent));
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
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
