"""The dumb first step of ingest: source text to blocks separated by blank lines."""

from __future__ import annotations

from marginalia.model import RawBlock

FORM_FEED = "\f"


def split_blocks(source: str) -> list[RawBlock]:
    """Split source text into blocks of consecutive non-blank lines.

    Args:
        source: The whole raw text; the last line may lack a newline.

    Returns:
        The blocks in order, each with its 1-based first line number. Lines keep
        their trailing spaces (Markdown hard breaks) but lose their line ends. A form
        feed (a plain-text extraction's page end) ends a block as a blank line does.
    """
    blocks: list[RawBlock] = []
    current: RawBlock | None = None
    for number, whole in enumerate(source.split("\n"), start=1):
        for page, line in enumerate(whole.split(FORM_FEED)):
            if page:  # a plain-text extraction's page end: the block ends there
                current = None
            if not line.strip():
                current = None
                continue
            if current is None:
                current = RawBlock(number, [])
                blocks.append(current)
            current.lines.append(line)
    return blocks
