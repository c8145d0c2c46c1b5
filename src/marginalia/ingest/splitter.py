"""The dumb first step of ingest: source text to blocks separated by blank lines."""

from __future__ import annotations

from marginalia.model import RawBlock


def split_blocks(source: str) -> list[RawBlock]:
    """Split source text into blocks of consecutive non-blank lines.

    Args:
        source: The whole raw text; the last line may lack a newline.

    Returns:
        The blocks in order, each with its 1-based first line number. Lines keep
        their trailing spaces (Markdown hard breaks) but lose their line ends.
    """
    blocks: list[RawBlock] = []
    current: RawBlock | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip():
            current = None
            continue
        if current is None:
            current = RawBlock(number, [])
            blocks.append(current)
        current.lines.append(line)
    return blocks
