"""Output fingerprints of dirty rebuilds: what counts as changed (`marginalia.rebuild`)."""

from __future__ import annotations

from marginalia.rebuild import OutputFingerprints, fingerprint, nav_fingerprint, visible_nav


def test_fingerprints_keep_their_parts_apart() -> None:
    assert fingerprint("ab", "c") != fingerprint("a", "bc")
    assert fingerprint("a", "") != fingerprint("a")
    assert fingerprint("é") == fingerprint("é")


def test_the_navigation_s_fingerprint_sees_titles_addresses_and_nesting() -> None:
    page = ("Page", "texts/a/", ())
    section = ("Texts", "", (page,))
    assert nav_fingerprint([section]) == nav_fingerprint([("Texts", "", (("Page", "texts/a/", ()),))])
    assert nav_fingerprint([section]) != nav_fingerprint([("Texts", "", (("Page!", "texts/a/", ()),))])
    assert nav_fingerprint([section]) != nav_fingerprint([("Texts", "", ()), page])
    assert nav_fingerprint([section]) != nav_fingerprint([("Texts", "", (("Page", "texts/b/", ()),))])


def test_outdated_outputs_are_the_changed_the_new_and_the_gone() -> None:
    outputs = OutputFingerprints()
    assert outputs.outdated({"a": "1", "b": "1"}) == ["a", "b"]  # a first build writes everything
    outputs.commit()
    assert outputs.outdated({"a": "1", "b": "1"}) == []
    outputs.commit()
    assert outputs.outdated({"a": "2", "c": "1"}) == ["a", "c", "b"]  # b is no longer made: removed
    # A build that fails before it commits leaves the last finished one as the reference.
    assert outputs.outdated({"a": "2", "c": "1"}) == ["a", "c", "b"]
    outputs.commit()
    assert outputs.written == {"a": "2", "c": "1"}


NAV = (
    ("Home", "", ()),
    (
        "Texts",
        "",
        (("Texts 1–2", "", (("A", "texts/a/", ()), ("B", "texts/b/", ()))), ("Texts 3", "", (("C", "texts/c/", ()),))),
    ),
    ("Guide", "", (("Adding", "guide/adding/", ()), ("Deeper", "", (("Part", "guide/part/", ()),)))),
)


def test_a_page_shows_the_top_level_its_sections_and_its_own_branch() -> None:
    outside = visible_nav(NAV)  # a page outside the navigation, or at the top
    assert outside == (
        ("Home", "", ()),
        ("Texts", "", (("Texts 1–2", "texts/a/", ()), ("Texts 3", "texts/c/", ()))),  # pruned: title, first page
        ("Guide", "", (("Adding", "guide/adding/", ()), ("Deeper", "guide/part/", ()))),
    )
    on_c = visible_nav(NAV, (1, 1))  # page C: Texts, then Texts 3
    assert on_c[1] == ("Texts", "", (("Texts 1–2", "texts/a/", ()), ("Texts 3", "", (("C", "texts/c/", ()),))))
    assert on_c[2] == outside[2]
    # B's title shows on the pages of its group, not on C's.
    retitled = (
        NAV[0],
        ("Texts", "", (("Texts 1–2", "", (("A", "texts/a/", ()), ("B!", "texts/b/", ()))), NAV[1][2][1])),
        NAV[2],
    )
    assert visible_nav(retitled, (1, 1)) == on_c
    assert visible_nav(retitled, (1, 0)) != visible_nav(NAV, (1, 0))
