// Filter-as-you-type for the glossary's lists. Each list item carries its
// forms, lower case and also without diacritics, in data-search; the query is
// folded the same way, so "ceausescu" finds Ceaușescu and "luthi" Lüthi.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUp(input) {
    var list = document.getElementById(input.dataset.target);
    var status = input.parentElement.querySelector(".glossary-filter-status");
    if (!list) {
      return;
    }
    var items = Array.prototype.slice.call(list.querySelectorAll("li[data-search]"));
    input.addEventListener("input", function () {
      var query = fold(input.value.trim());
      var shown = 0;
      items.forEach(function (item) {
        var match = !query || fold(item.dataset.search).indexOf(query) !== -1;
        item.hidden = !match;
        shown += match ? 1 : 0;
      });
      if (status) {
        status.textContent = query ? shown + " of " + items.length + " entries" : "";
      }
    });
  }

  function setUpAll() {
    document.querySelectorAll("input.glossary-filter").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
