"""Pagefind over a tiny built site: what it indexes, where it writes, and how it fails."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marginalia.search import SearchIndexError, glob_name, index_site, shard_globs

PAGE = """<!doctype html><html lang="en"><head><title>Ceaușescu - Reader</title></head><body>
<nav>Navigation repeated on every page</nav>
<article class="md-content__inner md-typeset">
<h1 id="ceausescu">Nicolae Ceaușescu<a class="headerlink" href="#ceausescu">¶</a></h1>
<p>Leader of Communist Romania.</p>
<div data-search-exclude><p>Mentions quoting other pages</p></div>
</article></body></html>"""


def fragments(bundle: Path) -> list[dict[str, object]]:
    prefix = b"pagefind_dcd"
    return [
        json.loads(gzip.decompress(path.read_bytes()).removeprefix(prefix))
        for path in sorted((bundle / "fragment").iterdir())
    ]


def test_index_site_indexes_each_page_s_article_only(tmp_path: Path) -> None:
    (tmp_path / "glossary" / "nicolae-ceausescu").mkdir(parents=True)
    (tmp_path / "glossary" / "nicolae-ceausescu" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "404.html").write_text(PAGE, encoding="utf-8")
    index_site(tmp_path)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == 1
    [fragment] = fragments(tmp_path / "pagefind")
    assert fragment["url"] == "/glossary/nicolae-ceausescu/"
    assert fragment["meta"] == {"title": "Nicolae Ceaușescu"}
    assert fragment["content"] == "Nicolae Ceaușescu. Leader of Communist Romania."


def test_index_site_gives_the_same_bytes_twice(tmp_path: Path) -> None:
    for site in (tmp_path / "one", tmp_path / "two"):
        site.mkdir()
        (site / "index.html").write_text(PAGE, encoding="utf-8")
        index_site(site)
    files = sorted(path.relative_to(tmp_path / "one") for path in (tmp_path / "one").rglob("*") if path.is_file())
    assert files == sorted(
        path.relative_to(tmp_path / "two") for path in (tmp_path / "two").rglob("*") if path.is_file()
    )
    for name in files:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_index_site_fails_with_pagefind_s_reason(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match=r"Pagefind failed on .*\n.*not able to build an index"):
        index_site(tmp_path)


def test_shards_keep_folders_whole_and_split_only_what_is_too_large() -> None:
    sizes = {
        "index.html": 10,
        "glossary/a/index.html": 20,
        "glossary/b/index.html": 20,
        "texts/one/index.html": 30,
        "texts/one/preface/index.html": 30,
        "texts/two/index.html": 50,
        "texts/three/index.html": 200,
    }
    assert shard_globs(sizes, limit=1_000) == ["**/index.html"]
    assert shard_globs(sizes, limit=100) == [
        "{index.html,glossary/**/index.html}",
        "texts/one/**/index.html",
        "texts/three/index.html",  # a page larger than a shard: one of its own
        "texts/two/**/index.html",
    ]


def test_a_large_site_is_indexed_in_shards_that_the_first_bundle_lists(tmp_path: Path) -> None:
    for name in ("alpha", "beta", "gamma"):
        (tmp_path / "texts" / name).mkdir(parents=True)
        (tmp_path / "texts" / name / "index.html").write_text(PAGE.replace("Romania", name), encoding="utf-8")
    index_site(tmp_path, limit=len(PAGE))
    assert json.loads((tmp_path / "pagefind" / "shards.json").read_text(encoding="utf-8")) == [
        "../pagefind-2/",
        "../pagefind-3/",
    ]
    for bundle in ("pagefind", "pagefind-2", "pagefind-3"):
        entry = json.loads((tmp_path / bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"]["en"]["page_count"] == 1, bundle
    index_site(tmp_path)  # a rebuild under the limit: one bundle again, the old shards gone
    assert json.loads((tmp_path / "pagefind" / "shards.json").read_text(encoding="utf-8")) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pagefind", "texts"]


ODD_NAMES = ["a,b", "c{d}", "e[f]", "g*h", "h<i>", "j(k)", "l:m", "n!o", "p$q", "r#s", "t u", "back\\slash", "é"]


def test_every_page_is_in_exactly_one_shard_whatever_its_folder_is_called(tmp_path: Path) -> None:
    for name in ODD_NAMES:
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(PAGE.replace("Romania", "Romania " + name), encoding="utf-8")
    index_site(tmp_path, limit=len(PAGE) * 2)
    bundles = [tmp_path / "pagefind"]
    bundles += [(bundles[0] / shard).resolve() for shard in json.loads((bundles[0] / "shards.json").read_text())]
    counts = [json.loads((b / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"] for b in bundles]
    assert sum(counts) == len(ODD_NAMES) and len(bundles) > 3
    urls = [str(fragment["url"]) for bundle in bundles for fragment in fragments(bundle)]
    assert len(urls) == len(set(urls)) == len(ODD_NAMES)


def test_glob_syntax_in_names_is_escaped_where_pagefind_allows_it() -> None:
    assert glob_name("a,b") == "a\\,b"
    assert glob_name("c{d}") == "c\\{d\\}"
    assert glob_name("n!o") == "n!o"  # an escape Pagefind does not need is refused
    assert glob_name("back\\slash") == "back?slash"  # no escape for a backslash: any one character
