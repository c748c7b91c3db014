"""Build the EPUB 3 edition: one book per issue, byte-identical for the same input.

The zip is written by hand rather than with a library so that every byte is
ours to fix: ``mimetype`` first and stored, entries in sorted order, one
timestamp (the issue's date), one compression level, fixed permissions.
"""

from __future__ import annotations

import io
import os
import re
import uuid
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

from zhreader.fsutil import text_writer
from zhreader.model import Edition
from zhreader.reader.context import EditionContext, build_context
from zhreader.reader.html import environment, static_text

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The zip format cannot store times before 1980.
_ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)
_NAMESPACE = uuid.UUID("6f1c3f0e-5d1b-4c4e-9a51-7a0b8e1d2c3f")


@dataclass(frozen=True)
class BookDates:
    issue_date: str  # W3CDTF for dc:date, "" when unknown
    modified: datetime  # dcterms:modified and every zip entry's timestamp


def book_dates(date: str | None) -> BookDates:
    """Derive the fixed timestamps from the issue date (or ``SOURCE_DATE_EPOCH``)."""
    match = _DATE.match(date or "")
    if match:
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            stamp = datetime(year, month, day, tzinfo=UTC)
        except ValueError:
            match = None
    if not match:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        stamp = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else _ZIP_EPOCH
        return BookDates("", max(stamp, _ZIP_EPOCH))
    return BookDates(date or "", max(stamp, _ZIP_EPOCH))


def book_identifier(edition: Edition) -> str:
    """Return a stable identifier: the same source text is the same book."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, edition.source.sha256)}"


# A document of the book: a function that yields its text in pieces.
Document = Callable[[], Iterable[str]]


def _documents(c: EditionContext, edition: Edition, dates: BookDates) -> dict[str, Document]:
    """Return the book's documents by name, each rendered only when it is written."""
    env = environment()

    def href(sentence_id: str) -> str | None:
        home = c.homes.get(sentence_id)
        return f"{home}.xhtml#{sentence_id}" if home else None

    def page(template: str, title: str, lang: str = "en", **extra) -> Document:
        return lambda: env.get_template(template).generate(
            c=c, doc_title=title, doc_lang=lang, glossary=c.glossary, href=href, **extra
        )

    def opf() -> Iterable[str]:
        return env.get_template("content.opf").generate(
            c=c,
            identifier=book_identifier(edition),
            issue_date=dates.issue_date,
            modified=dates.modified.strftime("%Y-%m-%dT%H:%M:%SZ"),
        )

    docs: dict[str, Document] = {
        "META-INF/container.xml": lambda: env.get_template("container.xml").generate(),
        "OEBPS/content.opf": opf,
        "OEBPS/style.css": lambda: (str(static_text("epub.css")),),
        "OEBPS/nav.xhtml": page("epub-nav.xhtml", "Contents"),
        "OEBPS/title.xhtml": page("epub-title.xhtml", c.title, c.title_lang),
        "OEBPS/glossary.xhtml": page("epub-glossary.xhtml", "Glossary"),
        "OEBPS/colophon.xhtml": page("epub-colophon.xhtml", "Colophon"),
    }
    for a in c.articles:
        docs[f"OEBPS/{a.id}.xhtml"] = page("epub-article.xhtml", a.headline.zh, "zh-Hans", a=a)
    return docs


def _entry(name: str, stamp: datetime, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
    info.compress_type = compress
    # The level writestr(..., compresslevel=9) set before entries were streamed;
    # ZipFile.open(info, "w") takes it from the entry (Python 3.11's name).
    info._compresslevel = 9
    info.create_system = 3  # Unix, whatever machine builds the book
    info.external_attr = 0o100644 << 16
    return info


def zip_book(documents: Mapping[str, str | Document], stamp: datetime, out: BinaryIO) -> None:
    """Pack the documents into an EPUB container written to ``out`` (mimetype first, stored).

    Each document is compressed as it is rendered, one chunk at a time: the
    book is never held whole, nor any document of it.
    """
    with zipfile.ZipFile(out, "w") as book:
        book.writestr(_entry("mimetype", stamp, zipfile.ZIP_STORED), b"application/epub+zip")
        for name in sorted(documents):
            document = documents[name]
            pieces = (document,) if isinstance(document, str) else document()
            info = _entry(name, stamp, zipfile.ZIP_DEFLATED)
            with book.open(info, "w") as entry:
                text_writer(lambda pieces=pieces: pieces)(entry)


def write_epub(edition: Edition, out: BinaryIO) -> None:
    """Write the EPUB 3 book of one issue into an open binary file."""
    dates = book_dates(edition.date)
    zip_book(_documents(build_context(edition), edition, dates), dates.modified, out)


def build_epub(edition: Edition, slug: str = "") -> bytes:
    """Build the EPUB 3 book of one issue (``slug`` names the file, not the book)."""
    buffer = io.BytesIO()
    write_epub(edition, buffer)
    return buffer.getvalue()


__all__ = ["BookDates", "book_dates", "book_identifier", "build_epub", "write_epub", "zip_book"]
