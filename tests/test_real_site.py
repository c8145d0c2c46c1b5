"""The real site, as editors leave it: it builds strict, and every text, entry and work has its page.

What pages say is tested on the reading site frozen for the tests (`tests/roots/reader/`), so that an editor's
change to `texts/`, `bib/` or `glossary/` breaks no test; this smoke test is what such a change must pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sitebuild import SiteResult, build_site

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    return build_site(ROOT, tmp_path_factory.mktemp("real"), strict=True)


@pytest.mark.site
def test_the_real_site_builds_strict_without_a_warning(real_site: SiteResult) -> None:
    assert real_site.returncode == 0, real_site.output
    assert real_site.warnings == []


@pytest.mark.site
def test_every_text_entry_and_work_has_its_page(real_site: SiteResult) -> None:
    for folder in sorted(p for p in (ROOT / "texts").iterdir() if p.is_dir()):
        assert (real_site.site / "texts" / folder.name / "index.html").is_file(), folder.name
        assert (real_site.site / "texts" / folder.name / "bibliography" / "index.html").is_file(), folder.name
    for file in sorted((ROOT / "glossary").glob("*.yml")):
        records = yaml.safe_load(file.read_text(encoding="utf-8"))
        for record in records if isinstance(records, list) else []:
            assert (real_site.site / "glossary" / record["id"] / "index.html").is_file(), record["id"]
    bibliography = (real_site.site / "bibliography" / "index.html").read_text(encoding="utf-8")
    for file in sorted((ROOT / "bib").glob("*.bib")):
        for key in (
            line.split("{", 1)[1].rstrip(",").strip()
            for line in file.read_text(encoding="utf-8").splitlines()
            if line.startswith("@") and "{" in line
        ):
            assert f'id="{key}"' in bibliography, key


def test_the_frozen_sources_are_the_shipped_ones() -> None:
    """The reader root's texts are copies: their sources, raw data, stay byte-identical to the real ones."""
    for source in sorted((ROOT / "tests" / "roots" / "reader" / "texts").glob("*/source.md")):
        assert source.read_bytes() == (ROOT / "texts" / source.parent.name / "source.md").read_bytes()
