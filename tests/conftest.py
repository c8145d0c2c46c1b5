"""Shared test set-up: the `--update` flag for golden files, fixture discovery, and Hypothesis' profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from sitebuild import SiteResult, build_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# A test run draws the same examples every time (a red CI run is red again on any machine); `make typeset`
# explores: new examples each run, failures kept in Hypothesis' database to be tried first next time.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update", action="store_true", help="rewrite golden files from the current output")


SLOW = frozenset({"test_dirty_rebuild.py", "test_reference_managers.py", "test_typeset_roundtrip.py"})
"""Modules that take a minute or more: `mkdocs serve` in subprocesses, real reference managers, Typst."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by what it runs, for a fast loop (`pytest -m "not site and not browser and not slow"`).

    `browser`: a test under `tests/browser/` (Chromium); `site`: a test that builds a site with the real `mkdocs`
    command (it uses a built site's fixture, or its module calls `build_site`); `slow`: a test of the `SLOW` modules.
    """
    for item in items:
        path = Path(str(item.fspath))
        module = getattr(item, "module", None)
        if "browser" in path.parts:
            item.add_marker(pytest.mark.browser)
        if (
            "browser" in path.parts
            or {"site", "kinds_site"} & set(getattr(item, "fixturenames", ()))
            or (module is not None and hasattr(module, "build_site"))
        ):
            item.add_marker(pytest.mark.site)
        if path.name in SLOW:
            item.add_marker(pytest.mark.slow)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "ingest_case" in metafunc.fixturenames:
        cases = sorted(p for p in (FIXTURES / "ingest").iterdir() if p.is_dir())
        metafunc.parametrize("ingest_case", cases, ids=[c.name for c in cases])


@pytest.fixture
def update(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update"))


@pytest.fixture(scope="session")
def kinds_site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """The citing-kinds test root (one text of each kind), built once with `--strict`."""
    result = build_site(ROOT / "tests" / "roots" / "citing-kinds", tmp_path_factory.mktemp("kinds"), strict=True)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """The reading site as frozen for the tests (`tests/roots/reader/`), built once with `--strict`."""
    result = build_site(ROOT / "tests" / "roots" / "reader", tmp_path_factory.mktemp("site"), strict=True)
    assert result.returncode == 0, result.output
    return result
