// Format CSL-JSON items with citeproc-js, the reference CSL processor, as a
// bibliography: read {"style": path, "locale": path, "items": [...]} from the
// file given on the command line, print {id: entry HTML}. Used by
// tests/test_csl_oracle.py to compare the site's references with it.
"use strict";

const fs = require("fs");
const CSL = require("citeproc");

const request = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const items = Object.fromEntries(request.items.map((item) => [item.id, item]));
const engine = new CSL.Engine(
  {
    retrieveLocale: () => fs.readFileSync(request.locale, "utf8"),
    retrieveItem: (id) => items[id],
  },
  fs.readFileSync(request.style, "utf8"),
  "en-US",
);
engine.updateItems(Object.keys(items));
const [meta, entries] = engine.makeBibliography();
const report = { order: meta.entry_ids.map((ids) => ids[0]), entries: {} };
meta.entry_ids.forEach((ids, index) => {
  report.entries[ids[0]] = entries[index];
});
report.skipWords = CSL.SKIP_WORDS;
process.stdout.write(JSON.stringify(report));
