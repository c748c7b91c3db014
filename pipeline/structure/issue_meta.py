"""Issue metadata (paper, date, page) read from an input's file name.

Recognised, in the file's stem (the name without ``.txt``):
  date   ``YYYY-MM-DD``, ``YYYY_MM_DD``, ``YYYY.MM.DD`` or ``YYYYMMDD``; it must be a
         real calendar date and not be part of a longer run of digits.
  page   ``p3``, ``page3``, ``pg3`` (any case) as its own ``-``/``_``/``.``/space separated
         part, or ``第3版`` / ``3版`` anywhere.
  paper  the text before the date, separators trimmed (``临湘日报-2020-04-15`` →
         ``临湘日报``); only when a date was found, so that a plain name such as
         ``notes.txt`` is not mistaken for a newspaper.
A sidecar's fields override these; the command line overrides both.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from zhreader.pipeline.inbox import readable_name

_DATE = re.compile(r"(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)")
_PAGE_LATIN = re.compile(r"(?:^|[-_. ])(?:p|pg|page)(\d{1,3})(?=$|[-_. ])", re.IGNORECASE)
_PAGE_HAN = re.compile(r"第?(\d{1,3})版")
_SEPARATORS = "-_. "


@dataclass(frozen=True)
class IssueMeta:
    """What a file name says about its issue; None where it says nothing."""

    paper: str | None = None
    date: str | None = None  # ISO 8601, YYYY-MM-DD
    page: str | None = None


def metadata_from_filename(path: Path) -> IssueMeta:
    """Read the paper, date and page an input's file name carries."""
    # A name that is not UTF-8 (a GBK upload) is read as GB18030, never as surrogates.
    stem = readable_name(Path(path).stem)
    date, paper = None, None
    for match in _DATE.finditer(stem):
        date = _valid_date(match.group(1), match.group(3), match.group(4))
        if date is not None:
            paper = stem[: match.start()].strip(_SEPARATORS) or None
            break
    return IssueMeta(paper=paper, date=date, page=_page(stem))


def _valid_date(year: str, month: str, day: str) -> str | None:
    """Return the ISO date, or None when the digits are no calendar date."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _page(stem: str) -> str | None:
    """Return the page number a stem names, without leading zeros."""
    match = _PAGE_LATIN.search(stem) or _PAGE_HAN.search(stem)
    return str(int(match.group(1))) if match else None


__all__ = ["IssueMeta", "metadata_from_filename"]
