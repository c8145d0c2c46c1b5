"""A test corpus made by a real typesetter and a real PDF extractor.

A *clean document* (`typeset.document`) is what a text is: its title, byline,
sections of paragraphs, quotations, tables and lists, and its notes. It is
written as Typst markup in a page layout (`typeset.layout`,
`typeset.typst_writer`), typeset to PDF by Typst, extracted back to Markdown
in two shapes (`typeset.extract`: pymupdf4llm's, and the shape of the
project's shipped texts, written from PyMuPDF's character data), ingested with
`marginalia.ingest.ingest` and projected back to the clean shape
(`typeset.compare.clean_of`). `typeset.compare.differences` says what came
back different; `typeset.losses` tells the differences that the extraction
itself proves it could not keep (a known extraction loss) from those that
ingest should have read.

Clean documents come from Hypothesis (`typeset.strategies`), from the
project's own texts (`typeset.corpus`) and from a fixed set of golden cases
(`typeset.cases`, stored in `tests/fixtures/typeset/`).
"""
