"""Golden-file tests: each `fixtures/ingest/<case>/` holds a raw snippet and what it must become.

`input.md` is ingested (or the real text named by `case.yml`'s `source`);
`expected.yml` is the document model, `expected.html` the rendered pages (unannotated) and
`expected-report.txt` the ingest report an editor reads.
Run `pytest --update` to rewrite them after an intended change, then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from helpers import ROOT, assert_golden, dump_yaml, make_text, snapshot
from marginalia.annotate import AnnotatedText
from marginalia.corpus import load_text
from marginalia.ingest import ingest
from marginalia.ingest.report import ingest_report
from marginalia.render import render_text


def test_ingest_case(ingest_case: Path, update: bool) -> None:
    config = yaml.safe_load((ingest_case / "case.yml").read_text()) if (ingest_case / "case.yml").exists() else {}
    if "source" in config:
        text, problems = load_text(ROOT / config["source"])
        assert text is not None, problems
    else:
        source = (ingest_case / "input.md").read_text(encoding="utf-8")
        doc = ingest(source, slug=ingest_case.name, path=Path(f"texts/{ingest_case.name}/source.md"))
        text = make_text(doc, **config.get("meta", {}))
    assert_golden(ingest_case / "expected.yml", dump_yaml(snapshot(text.document)), update)
    pages = render_text(AnnotatedText(text.meta, text.document, (), ()))
    rendered = "".join(f"<!-- page: {page.path} ({page.title}) -->\n{page.html}\n" for page in pages)
    assert_golden(ingest_case / "expected.html", rendered, update)
    assert_golden(ingest_case / "expected-report.txt", ingest_report(text.document, ROOT), update)
