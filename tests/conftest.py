"""Shared test set-up: the `--update` flag for golden files, and fixture discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import SiteResult, build_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update", action="store_true", help="rewrite golden files from the current output")


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
    """The real site, built once with `--strict`."""
    result = build_site(ROOT, tmp_path_factory.mktemp("site"), strict=True)
    assert result.returncode == 0, result.output
    return result
