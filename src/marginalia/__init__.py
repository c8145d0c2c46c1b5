"""marginalia: scholarly texts in, a cross-linked, citable reading site out.

The pipeline: `ingest` (raw text to `Document`), `annotate` (citations, then
glossary mentions), `render` (Markdown pages), with the bibliography, the
glossary and the citations of every page built once per build by `SiteBuild`.
The MkDocs hooks in `hooks/reader.py` only hand `SiteBuild`'s output to MkDocs.
"""

from __future__ import annotations

from marginalia.corpus import Corpus, Text, load_corpus
from marginalia.ingest import ingest
from marginalia.model import Diagnostic, Document
from marginalia.site import SiteBuild

__all__ = ["Corpus", "Diagnostic", "Document", "SiteBuild", "Text", "ingest", "load_corpus"]
