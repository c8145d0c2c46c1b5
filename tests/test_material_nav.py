"""Material's navigation rendered once per place it is seen from (hooks/material_nav.py) is Material's own, byte for byte."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from marginalia.navigation import TEXTS_PER_NAV_GROUP
from sitebuild import add_short_texts, build_site, copy_root

ROOTS = Path(__file__).resolve().parent / "roots"
PROJECT = ROOTS.parents[1]
NAV_ITEM = Path("partials") / "nav-item.html"
FEATURES = "  features:\n    - navigation.sections\n    - navigation.prune\n    - toc.follow\n    - toc.integrate\n"


def test_pages_with_navigation_items_rendered_once_equal_material_s(tmp_path: Path) -> None:
    # More texts than one navigation group holds, with the real site's features: pages inside and outside the
    # navigation, at several depths, with groups open, pruned and shown as sections.
    root = copy_root(ROOTS / "formats", tmp_path / "root")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("  features:\n", FEATURES)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    add_short_texts(root, TEXTS_PER_NAV_GROUP + 3)
    once = build_site(root, tmp_path / "once", strict=True)
    assert once.returncode == 0, once.output
    material = tmp_path / "overrides"  # the project's overrides without its nav-item.html: Material's renders
    shutil.copytree(PROJECT / "overrides", material)
    (material / NAV_ITEM).unlink()
    (root / "mkdocs.yml").write_text(config.replace(f"{PROJECT}/overrides", str(material)), encoding="utf-8")
    every_time = build_site(root, tmp_path / "every-time", strict=True)
    assert every_time.returncode == 0, every_time.output

    pages = sorted(path.relative_to(once.site) for path in once.site.rglob("*.html"))
    assert len(pages) > 2 * TEXTS_PER_NAV_GROUP
    assert sorted(path.relative_to(every_time.site) for path in every_time.site.rglob("*.html")) == pages
    _, differ, errors = filecmp.cmpfiles(once.site, every_time.site, [str(page) for page in pages], shallow=False)
    assert (differ, errors) == ([], [])
    assert 'class="md-nav__item md-nav__item--pruned md-nav__item--nested"' in (once.site / "index.html").read_text()
