"""Output fingerprints of dirty rebuilds: what counts as changed (`marginalia.rebuild`)."""

from __future__ import annotations

from marginalia.rebuild import OutputFingerprints, fingerprint, nav_fingerprint


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
