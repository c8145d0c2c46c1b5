// "N more" (mentions in one text) on a glossary entry mentioned very often: the
// page shows each text's first lines; the rest come from the entry's static
// JSON file (glossary/mentions/<id>.json: text slug → [url, where, before,
// form, after, rule] lines), fetched once, on the first click, and written
// into the page as text, never as HTML.
(function () {
  "use strict";

  var files = {};

  function load(url) {
    if (!files[url]) {
      files[url] = fetch(url).then(function (response) {
        if (!response.ok) {
          throw new Error(url + ": " + response.status);
        }
        return response.json();
      });
    }
    return files[url];
  }

  function line(fields) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = fields[0];
    link.textContent = fields[1];
    var kwic = document.createElement("span");
    kwic.className = "kwic";
    var mark = document.createElement("mark");
    mark.textContent = fields[3];
    kwic.append("…" + fields[2], mark, fields[4] + "…");
    item.append(link, ": ", kwic);
    if (fields[5]) {
      var rule = document.createElement("span");
      rule.className = "glossary-rule";
      rule.title = fields[5];
      rule.textContent = "by rule";
      item.append(" ", rule);
    }
    return item;
  }

  function show(button) {
    var slug = button.dataset.text;
    var lists = document.querySelectorAll('ul.glossary-mentions[data-text="' + slug + '"]');
    var list = lists[lists.length - 1];
    button.disabled = true;
    load(button.closest("[data-mentions]").dataset.mentions).then(function (byText) {
      (byText[slug] || []).forEach(function (fields) {
        list.append(line(fields));
      });
      button.remove();
    }).catch(function () {
      button.disabled = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.glossary-more");
    if (button) {
      show(button);
    }
  });
})();
