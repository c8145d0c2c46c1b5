"""The markup policy: which input may become HTML, and the one sanitizer every generated page passes.

A raw source may use the PDF extraction's own tags (`SOURCE_TAGS`, bare, with
no attributes), Markdown emphasis, and links and autolinks to http(s) or
mailto URLs. Everything else in it is text: `inert_source` escapes it before
any stage reads the source, so Python-Markdown shows it exactly as written
and never reads it as HTML, an attribute list, an image, a reference
definition or a link to another scheme. `restore_source` is its exact
inverse, for values that leave Markdown (header fields, plain text). Editorial
notes follow the same policy without tags. YAML and BibTeX fields are text and
are escaped where they are written (`marginalia.render.inline.esc`).

Whatever a page's HTML then holds passes `sanitize_html`, an allow-list (nh3)
of the elements, attributes and URL schemes the renderer writes, so that a
payload the escaping missed still cannot run.
"""

from __future__ import annotations

import json
import re

import nh3

SOURCE_TAGS = ("sup", "sub", "b", "i", "em", "strong", "u", "small")
"""Paired tags the PDF extraction writes; `<br>` too, which has no closing tag."""
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""The only URL schemes a link in an input may have."""

_SOURCE_TOKEN = re.compile(
    r"(?=[<\]\[*!&\\{}`]|^ )(?:"  # what every token starts with: a search passes over most places at once
    rf"(?P<tag></?(?:{'|'.join(SOURCE_TAGS)})>|<br\s*/?>)"
    r"|(?P<autolink><(?:https?://|mailto:)[^\s<>]*>)"
    r"|(?P<link>\]\(\s*<?[^\s)>]*)"
    r"|(?P<definition>^[ ]{0,3}[\[*](?=[^\]\n]*\]:))"
    r"|(?P<image>!(?=\[))"
    r"|(?P<amp>&(?=#?[A-Za-z0-9]+;))"
    r"|(?P<backslash>\\(?=[!-/:-@\[-`{-~]|$))"
    r"|(?P<special>[<{}`]))",
    re.MULTILINE,
)
_ENTITIES = {
    "<": "&lt;",
    "&": "&amp;",
    "{": "&#123;",
    "}": "&#125;",
    "\\": "&#92;",
    "!": "&#33;",
    "[": "&#91;",
    "*": "&#42;",
    "(": "&#40;",
    "`": "&#96;",
}
_RESTORE = re.compile("|".join(re.escape(entity) for entity in _ENTITIES.values()))
_CHARACTERS = {entity: character for character, entity in _ENTITIES.items()}


def inert_source(text: str, *, tags: bool = True) -> str:
    """Escape everything in raw Markdown that the policy does not let through.

    Args:
        text: A raw source, or a field written in the same Markdown (an editorial note).
        tags: Whether the extraction's tags (`SOURCE_TAGS`, `<br>`) are kept; escaped when false.

    Returns:
        The text, the same for Python-Markdown but for the escaped characters, which show as written.
    """

    def replace(match: re.Match[str]) -> str:
        kind, token = match.lastgroup, match.group(0)
        if kind == "link":  # "](" and the URL: a link only when its scheme is allowed
            url = token[2:].strip().lstrip("<")
            scheme = url.partition(":")[0].lower() if ":" in url else ""
            return token if scheme in LINK_SCHEMES else "]" + _ENTITIES["("] + token[2:]
        if kind == "autolink" or (kind == "tag" and tags):
            return token
        if kind == "tag":
            return _ENTITIES["<"] + token[1:]
        return token[:-1] + _ENTITIES[token[-1]]

    return _SOURCE_TOKEN.sub(replace, text)


def restore_source(text: str) -> str:
    """The inverse of `inert_source`: the characters as written, for values that leave Markdown."""
    return _RESTORE.sub(lambda m: _CHARACTERS[m.group(0)], text)


_SCRIPT_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data: object) -> str:
    """JSON to place inside a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 written as escapes.

    Args:
        data: What `json.dumps` accepts.

    Returns:
        JSON that parses to `data` and cannot close the element or start markup in it.
    """
    text = json.dumps(data, ensure_ascii=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_JSON_ESCAPES[m.group(0)], text)


_ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"input", "button", "mark"}
_ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "lang", "dir", "role", "hidden"},
    "span": {"style"},  # the timeline's bars and ticks: only `left` and `width` are kept
    "a": {"href", "download", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "input": {"type", "placeholder"},
    "button": {"type"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "code": {"class"},
    "time": {"datetime"},
}


_CLEANER = nh3.Cleaner(
    tags=_ALLOWED_TAGS,
    attributes=_ALLOWED_ATTRIBUTES,
    generic_attribute_prefixes={"data-", "aria-"},
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,
    filter_style_properties={"left", "width"},
    strip_comments=True,
)
"""The allow-list, made once: a page's cite block is sanitized on its own, and the build has thousands."""


def sanitize_html(html: str) -> str:
    """Keep only the elements, attributes and link schemes the renderer writes.

    Script, style and event-handler attributes go, and so does a link whose
    URL has another scheme than http(s) or mailto; relative links stay.

    Args:
        html: A page's content HTML.

    Returns:
        The sanitized HTML.
    """
    return _CLEANER.clean(html)
