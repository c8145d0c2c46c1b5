// Parse each file given on the command line with citation-js, strictly, and
// print a JSON object: file -> the warnings and errors citation-js reported
// (an empty list when it read the file cleanly), and the CSL items it made.
// Used by tests/test_reference_managers.py.
"use strict";

const fs = require("fs");
const { Cite, logger, plugins } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");
require("@citation-js/plugin-csl");

plugins.config.get("@bibtex").parse.strict = true;

const FORMATS = { bib: process.env.BIBTEX_DIALECT || "@biblatex/text", ris: "@ris/file", json: "@csl/list+object" };

const problems = [];
for (const level of ["warn", "error"]) {
  logger[level] = (scope, ...message) => problems.push(`${level}: ${scope} ${message.join(" ")}`);
}

const report = {};
for (const file of process.argv.slice(2)) {
  problems.length = 0;
  const extension = file.split(".").pop();
  let text = fs.readFileSync(file, "utf8");
  let items = [];
  try {
    const data = extension === "json" ? JSON.parse(text) : text;
    items = new Cite(data, { forceType: FORMATS[extension] }).data;
    if (items.length === 0) {
      problems.push("error: no item read");
    }
  } catch (error) {
    problems.push(`error: ${error.message}`);
  }
  report[file] = { problems: problems.slice(), items };
}
process.stdout.write(JSON.stringify(report));
