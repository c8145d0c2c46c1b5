// Format CSL-JSON items with citeproc-js, the reference CSL processor, as a
// bibliography: read {"style": path, "locale": path, "items": [...], "alone": bool} from the
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
// With "alone", each item is a bibliography of its own (as each page's own reference is formatted): no year
// suffixes from other items by the same author in the same year.
const report = { order: [], entries: {} };
for (const ids of request.alone ? Object.keys(items).map((id) => [id]) : [Object.keys(items)]) {
  engine.updateItems(ids);
  const [meta, entries] = engine.makeBibliography();
  meta.entry_ids.forEach((entryIds, index) => {
    report.order.push(entryIds[0]);
    report.entries[entryIds[0]] = entries[index];
  });
}
report.skipWords = CSL.SKIP_WORDS;
process.stdout.write(JSON.stringify(report));
