"""How to cite one page of the site: the edition's own entry, in every format."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import dataclass
from typing import Any

from marginalia.citing.formats import to_bibtex, to_csl, to_ris
from marginalia.citing.item import Item
from marginalia.slugs import slugify

KEY_PREFIX = "reader"
"""Every page key starts so, to stay apart from the works' keys."""


@dataclass(frozen=True)
class PageCitation:
    """The citation of one page of this edition: its item, written in every format.

    Attributes:
        key: The page's citation key, stable between builds (from its URL).
        directory: Where its download files go, relative to the site root ("" or ending in "/").
        item: What a reference manager should make of the page.
        date: The edition's date.
        original_key: For a text's page, the BibTeX key of the original work.
    """

    key: str
    directory: str
    item: Item
    date: dt.date
    original_key: str = ""

    @property
    def url(self) -> str:
        """The page's absolute URL."""
        return self.item.url

    @property
    def title(self) -> str:
        """The item's title."""
        return self.item.title

    def file(self, extension: str) -> str:
        """The path of one of its download files: `bib`, `ris` or `json`."""
        return f"{self.directory}{self.key}.{extension}"

    def bibtex(self, *, paragraph: int = 0) -> str:
        """The page (or one of its paragraphs) as a BibTeX entry."""
        return to_bibtex(self.item, self.key, paragraph=paragraph)

    def ris(self) -> str:
        """The page as an RIS record."""
        return to_ris(self.item, self.key)

    def csl(self) -> dict[str, Any]:
        """The page as a CSL-JSON item."""
        return to_csl(self.item, self.key)

    def csl_json(self) -> str:
        """The CSL-JSON file's content (a list of one item)."""
        return json.dumps([self.csl()], ensure_ascii=False, indent=2) + "\n"


def page_key(url: str) -> str:
    """The citation key of the page at `url` (relative to the site root): "reader-texts-radchenko-2020"."""
    path = _root_relative(url).removesuffix("index.html").removesuffix(".html").strip("/")
    return f"{KEY_PREFIX}-{slugify(path) if path else 'home'}"


def absolute_url(site_url: str, url: str) -> str:
    """A page's absolute URL from the site's (ending in "/") and the page's relative one."""
    return site_url + _root_relative(url)


def page_directory(url: str) -> str:
    """The folder a page's files go in: the page's own URL folder."""
    url = _root_relative(url)
    if not url or url.endswith("/"):
        return url
    folder = posixpath.dirname(url)
    return f"{folder}/" if folder else ""


def _root_relative(url: str) -> str:
    """MkDocs gives the home page the URL "./"; here it is ""."""
    return "" if url in (".", "./") else url
