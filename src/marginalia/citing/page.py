"""How to cite one page of the site: the edition's own entry, in every format."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import dataclass
from typing import Any

from marginalia.citing.bibtex import bibtex_entry, corporate, one_line
from marginalia.slugs import slugify

KEY_PREFIX = "reader"
"""Every page key starts so, to stay apart from the works' keys."""


@dataclass(frozen=True)
class PageCitation:
    """The citation of one page of this edition (an `@online` entry).

    Attributes:
        key: The page's citation key, stable between builds (from its URL).
        url: Its absolute URL.
        directory: Where its download files go, relative to the site root ("" or ending in "/").
        title: The page's title.
        authors: Authors as "Family, Given"; none for pages of the site's own.
        site: The site's name, its publisher.
        date: The edition's date (also given as access date).
        part_of: For a part of a text, the text's title.
        original_key: For a text's page, the BibTeX key of the original work.
    """

    key: str
    url: str
    directory: str
    title: str
    authors: tuple[str, ...]
    site: str
    date: dt.date
    part_of: str = ""
    original_key: str = ""

    @property
    def full_title(self) -> str:
        """The title, after the text's for a part: "A Short History …: Preface"."""
        return f"{self.part_of}: {self.title}" if self.part_of else self.title

    def file(self, extension: str) -> str:
        """The path of one of its download files: `bib`, `ris` or `json`."""
        return f"{self.directory}{self.key}.{extension}"

    def bibtex(self, *, paragraph: int = 0) -> str:
        """The page (or one of its paragraphs) as a BibTeX `@online` entry."""
        fields: dict[str, str] = {}
        if self.authors:
            fields["author"] = " and ".join(self.authors)
        fields["title"] = self.full_title
        fields["organization"] = corporate(self.site)
        fields["publisher"] = corporate(self.site)
        fields["year"] = str(self.date.year)
        fields["date"] = self.date.isoformat()
        fields["version"] = self.date.isoformat()
        fields["url"] = f"{self.url}#p-{paragraph}" if paragraph else self.url
        fields["urldate"] = self.date.isoformat()
        if paragraph:
            fields["note"] = f"¶ {paragraph}"
        key = f"{self.key}-p{paragraph}" if paragraph else self.key
        return bibtex_entry("online", key, fields)

    def ris(self) -> str:
        """The page as an RIS record; every value on one line, so that none can end the record."""
        fields = [("TY", "ELEC"), *(("AU", author) for author in self.authors), ("TI", self.full_title)]
        fields += [("T2", self.site), ("PB", self.site), ("PY", str(self.date.year)), ("DA", f"{self.date:%Y/%m/%d}")]
        fields += [("UR", self.url), ("Y2", f"{self.date:%Y/%m/%d}"), ("ID", self.key)]
        return "".join(f"{tag}  - {one_line(value)}\n" for tag, value in fields) + "ER  - \n"

    def csl(self) -> dict[str, Any]:
        """The page as a CSL-JSON item."""
        item: dict[str, Any] = {"id": self.key, "type": "webpage", "title": self.full_title}
        if self.authors:
            item["author"] = [_csl_name(author) for author in self.authors]
            item["container-title"] = self.site
        else:
            # A page of the site's own: the site is its author (Chicago puts the owner first), named once.
            item["author"] = [{"literal": self.site}]
        date_parts = [[self.date.year, self.date.month, self.date.day]]
        item["URL"] = self.url
        item |= {
            "issued": {"date-parts": date_parts},
            "accessed": {"date-parts": date_parts},
            "version": self.date.isoformat(),
        }
        return item

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


def _csl_name(name: str) -> dict[str, str]:
    family, _, given = name.partition(",")
    return {"family": family.strip(), "given": given.strip()} if given else {"literal": name}


def _root_relative(url: str) -> str:
    """MkDocs gives the home page the URL "./"; here it is ""."""
    return "" if url in (".", "./") else url
