"""Annotate: link what the text refers to. Citations first, so that names inside them are not taken for people."""

from __future__ import annotations

from marginalia.annotate.linking import CitationRecord, link_citations

__all__ = ["CitationRecord", "link_citations"]
