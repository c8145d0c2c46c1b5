"""Read an input file (source, YAML, BibTeX) as text the same way, whatever wrote it.

A UTF-8 byte-order mark is dropped and CRLF or CR line ends become LF, so
that a file saved on another system gives the same site. Bytes that are not
UTF-8 and control characters (NUL and the like, which no text needs) are
reported line by line, with what to do, and replaced or removed so that the
rest of the file can still be read. A form feed is no such character: plain-text
extractors (pdftotext, pdfminer) end each page with one, and the splitter reads
it as a page's end (`marginalia.ingest.splitter`).
"""

from __future__ import annotations

import re
from pathlib import Path

from marginalia.model import Diagnostic

BOM = "\ufeff"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
"""Control characters: C0 but tab, line ends and form feed, DEL, C1."""


def decode_text(data: bytes, path: Path) -> tuple[str, list[Diagnostic]]:
    """Decode a file's bytes as UTF-8 text with LF line ends, reporting each line with bad bytes or characters.

    Undecodable bytes are replaced by U+FFFD; control characters are removed.

    Args:
        data: The file's bytes.
        path: The file, for messages.

    Returns:
        The text and one diagnostic per line with a problem.
    """
    text = data.decode("utf-8", errors="replace").removeprefix(BOM)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = []
    for number, (raw, line) in enumerate(zip(_raw_lines(data), text.split("\n"), strict=False), start=1):
        problem = _line_problem(raw, line)
        if problem:
            problems.append(Diagnostic(str(path), number, problem, "input-characters"))
    return CONTROL.sub("", text), problems


def read_text_file(path: Path) -> tuple[str, list[Diagnostic]]:
    """Read and decode a file with `decode_text`.

    Args:
        path: The file.

    Returns:
        The text and the problems found, as `decode_text` gives them.

    Raises:
        OSError: The file cannot be read.
    """
    return decode_text(path.read_bytes(), path)


def _raw_lines(data: bytes) -> list[bytes]:
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")


def _line_problem(raw: bytes, line: str) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = raw[error.start : error.end]
        return f"bytes that are not UTF-8 at column {error.start + 1} ({bad!r}): save the file as UTF-8"
    control = CONTROL.search(line)
    if control:
        return f"control character U+{ord(control.group(0)):04X} at column {control.start() + 1}: remove it"
    return ""
