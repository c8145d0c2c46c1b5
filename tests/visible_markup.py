"""Markup a reader would see as text: HTML tags, entities, Markdown or template syntax outside code.

A template that escapes HTML it was given, a Markdown construct that did not
convert, or a placeholder that leaked all show up on the page as characters.
`visible_markup` reads a built page as a browser shows it and returns what looks
like markup in its visible text and in the attributes a browser shows (tooltips,
placeholders, labels, the previews that popovers display).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

CODE = {"code", "pre", "kbd", "samp", "script", "style", "template", "textarea", "noscript"}
SHOWN_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label", "data-cite-text")
SHAPES = {
    "an HTML tag": re.compile(
        r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[a-zA-Z_:][-\w:.]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>"
    ),
    "an HTML entity": re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});"),
    "a Markdown link": re.compile(r"\]\((?:[^()\s]+)\)|\]\[[^\]]*\]"),
    "a Markdown attribute list": re.compile(r"\{:?\s*[.#][\w-]+[^{}]*\}"),
    "a Markdown footnote": re.compile(r"\[\^[^\]\s]+\]"),
    "Markdown emphasis": re.compile(
        r"(?<![\w*])\*\*(?=\S)[^*]+(?<=\S)\*\*(?![\w*])|(?<![\w_])__(?=\S)[^_]*[^\w_][^_]*(?<=\S)__(?![\w_])"
    ),
    # (underscores only around more than one word: `__str__` is a Python name)
    "a Markdown heading": re.compile(r"^\s*#{1,6} \S", re.MULTILINE),
    "template syntax": re.compile(r"\{\{.*?\}\}|\{%.*?%\}"),
    "a Python-Markdown placeholder": re.compile("[\x02\x03]|klzzwxh"),
}


def _in_code(node: NavigableString) -> bool:
    return any(parent.name in CODE for parent in node.parents if isinstance(parent, Tag))


def visible_markup(html: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """What looks like markup in what a browser shows of a page.

    Args:
        html: The page.
        allowed: Strings that are the page's content, not a slip (a test root's hostile names).

    Returns:
        One line per finding: what it looks like and the text around it.
    """
    soup = BeautifulSoup(html, "html.parser")
    shown: list[str] = []
    for node in soup.find_all(string=True):
        if isinstance(node, Comment | Declaration | Doctype | ProcessingInstruction) or _in_code(node):
            continue
        shown.append(str(node))
    for element in soup.find_all(True):
        if element.name in CODE:
            continue
        shown.extend(str(element[name]) for name in SHOWN_ATTRIBUTES if element.has_attr(name))
    findings = []
    for original in shown:
        text = original
        for allowed_text in allowed:
            text = text.replace(allowed_text, " ")
        for what, shape in SHAPES.items():
            for match in shape.finditer(text):
                start = max(0, match.start() - 40)
                findings.append(f"{what}: …{text[start : match.end() + 40]!r}…")
    return findings
