"""Build an Anki deck (``<slug>.apkg``) of the issue's vocabulary with genanki.

Ids are derived, not drawn: the note type and the deck have fixed ids, and
each note's guid is the word with its reading, so importing the deck of a
later issue (or a rebuild) updates a learner's existing note for a word
instead of adding a second one. The package is repacked with one timestamp
(the issue's date) so the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import io
import tempfile
import zipfile
from pathlib import Path

from zhreader.model import Edition
from zhreader.reader.epub import book_dates
from zhreader.reader.vocab import DEFAULT_LEVEL, VocabItem, vocab_items

# Fixed forever: Anki recognises a note type and a deck by these ids.
MODEL_ID = 1_607_392_319
MODEL_NAME = "zhreader word"
DECK_ROOT = "zhreader"
FIELDS = ("Hanzi", "Pinyin", "Gloss", "HSK", "Sentence", "SentenceEnglish", "SentenceId", "Issue")
_FRONT = '<div class="zh">{{Hanzi}}</div>'
_BACK = (
    '{{FrontSide}}<hr id="answer"><div class="py">{{Pinyin}}</div><div>{{Gloss}}</div>'
    '{{#HSK}}<div class="small">HSK {{HSK}}</div>{{/HSK}}'
    '<div class="zh small">{{Sentence}}</div><div class="small">{{SentenceEnglish}}</div>'
    '<div class="small">{{Issue}} · {{SentenceId}}</div>'
)
_CSS = (
    ".card { font-family: sans-serif; font-size: 20px; text-align: center; }\n"
    ".zh { font-size: 40px; } .small { font-size: 15px; color: #666; }\n"
)


def _genanki():
    try:
        import genanki
    except ImportError as err:  # an optional install would land here
        from zhreader.errors import ZhreaderError

        raise ZhreaderError(
            "the anki format needs the genanki package", hint="pip install genanki"
        ) from err
    return genanki


def deck_id(name: str) -> int:
    """Return a stable deck id for a deck name, in the range Anki's ids use."""
    digest = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


def note_guid(item: VocabItem) -> str:
    """Return the note's guid: one note per word and reading, whichever issue it came from."""
    return _genanki().guid_for("zhreader", item.zh, item.pinyin)


def _note_fields(item: VocabItem, slug: str) -> list[str]:
    gloss = item.term_en or item.gloss
    if item.note:
        gloss = f"{gloss} — {item.note}"
    values = (
        item.zh,
        item.pinyin,
        gloss,
        "" if item.hsk is None else str(item.hsk),
        item.sentence_zh,
        item.sentence_en,
        item.sentence_id,
        slug,
    )
    # Anki fields are HTML: every value is text, so it is escaped.
    return [html.escape(value, quote=False) for value in values]


def build_deck(edition: Edition, slug: str, level: int = DEFAULT_LEVEL) -> bytes:
    """Return the .apkg of the issue's words above ``level`` and its glossary terms."""
    genanki = _genanki()
    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Recognise", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
    )
    name = f"{DECK_ROOT}::{slug}"
    deck = genanki.Deck(deck_id(name), name)
    for item in vocab_items(edition, level):
        note = genanki.Note(
            model=model, fields=_note_fields(item, slug), guid=note_guid(item), tags=["zhreader"]
        )
        deck.add_note(note)
    stamp = book_dates(edition.date).modified
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path), timestamp=stamp.timestamp())
        return _repack(path.read_bytes(), stamp.timetuple()[:6])


def _repack(data: bytes, date_time: tuple) -> bytes:
    """Rewrite the zip with sorted entries and one timestamp (genanki stamps the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in sorted(src.namelist()):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            dst.writestr(info, src.read(name), compresslevel=9)
    return out.getvalue()


__all__ = ["FIELDS", "MODEL_ID", "build_deck", "deck_id", "note_guid"]
