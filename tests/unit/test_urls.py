"""A page's links are the relative URLs `posixpath.relpath` gives, made without asking the system for its folder."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from marginalia.urls import _relative_url, safe_relative

FOLDER = st.lists(st.sampled_from(["texts", "glossary", "a", "b", "Chen:2010", ".", "mao-zedong"]), max_size=4).map(
    "/".join
)


@given(target=FOLDER.filter(bool), page=FOLDER)
def test_relative_url_is_relpath_s(target: str, page: str) -> None:
    relative = posixpath.relpath(target, page)
    assert _relative_url(target, page) == ("./" if relative == "." else safe_relative(f"{relative}/"))
