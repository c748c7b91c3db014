"""vocab.tsv and the Anki deck: real words of real editions, the schema, stable ids."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import jsonschema
from click.testing import CliRunner
from edition_samples import real_edition, sample_edition

from zhreader.cli import main
from zhreader.model import iter_sentences
from zhreader.reader.anki import FIELDS, MODEL_ID, build_deck, deck_id
from zhreader.reader.vocab import vocab_columns, vocab_items, vocab_tsv

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "zhreader" / "schema" / "vocab.schema.json").read_text("utf-8"))
UNESCAPE = {"\\t": "\t", "\\n": "\n", "\\r": "\r", "\\\\": "\\"}


def read_tsv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    lines = text.rstrip("\n").split("\n")
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = [_unescape(cell) for cell in line.split("\t")]
        assert len(cells) == len(header), line
        rows.append(dict(zip(header, cells, strict=True)))
    return header, rows


def _unescape(cell: str) -> str:
    out, i = [], 0
    while i < len(cell):
        pair = cell[i : i + 2]
        if pair in UNESCAPE:
            out.append(UNESCAPE[pair])
            i += 2
        else:
            out.append(cell[i])
            i += 1
    return "".join(out)


def test_vocab_tsv_of_the_real_example_follows_its_schema():
    edition = real_edition()
    header, rows = read_tsv(vocab_tsv(edition, "linxiang-2020-04"))
    assert tuple(header) == vocab_columns() == tuple(SCHEMA["x-columns"])
    assert rows
    validator = jsonschema.Draft202012Validator(SCHEMA)
    sentences = {s.id: s for s in iter_sentences(edition)}
    for row in rows:
        validator.validate(row)
        sentence = sentences[row["sentence"]]
        assert row["zh"] in sentence.zh and row["sentence_zh"] == sentence.zh
        assert row["sentence_en"] == (sentence.en or "")
        # Above HSK 4, outside the lists, or a glossary term.
        assert row["hsk"] in ("", "5", "6", "7") or row["term_en"]
    words = [row["zh"] for row in rows]
    assert len(words) == len(set(words))
    terms = {t.zh for s in iter_sentences(edition) for t in s.tokens if t.term}
    assert terms <= set(words)


def test_vocab_level_chooses_the_words():
    edition = real_edition()
    easy = {item.zh for item in vocab_items(edition, level=6)}
    hard = {item.zh for item in vocab_items(edition, level=2)}
    assert easy < hard
    assert all(i.hsk is None or i.hsk > 6 or i.term_en for i in vocab_items(edition, level=6))
    levels = {i.hsk for i in vocab_items(edition, level=2) if not i.term_en}
    assert {3, 4} <= levels and not levels & {1, 2}


def open_deck(data: bytes, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "collection.anki2" in package.namelist()
        path = tmp_path / "collection.anki2"
        path.write_bytes(package.read("collection.anki2"))
    return sqlite3.connect(path)


def test_anki_deck_is_a_collection_with_one_note_per_word(tmp_path):
    edition = sample_edition()
    items = list(vocab_items(edition))
    db = open_deck(build_deck(edition, "sample"), tmp_path)
    notes = db.execute("SELECT guid, mid, flds, tags FROM notes ORDER BY id").fetchall()
    assert len(notes) == len(items) > 0
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    assert [f["name"] for f in models[str(MODEL_ID)]["flds"]] == list(FIELDS)
    decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    assert decks[str(deck_id("zhreader::sample"))]["name"] == "zhreader::sample"
    for (_guid, mid, fields, tags), item in zip(notes, items, strict=True):
        values = fields.split("\x1f")
        assert mid == MODEL_ID and "zhreader" in tags
        assert values[0] == item.zh and values[1] == item.pinyin
        assert values[6] == item.sentence_id and values[7] == "sample"


def test_anki_ids_are_stable_across_builds_and_issues(tmp_path):
    edition = sample_edition()
    first = build_deck(edition, "sample")
    assert build_deck(edition, "sample") == first  # same bytes on rebuild
    later = replace(edition, title="another issue", date="2020-05-01")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    query = "SELECT flds, guid FROM notes"
    guids = {
        fields.split("\x1f")[0]: guid
        for fields, guid in open_deck(first, tmp_path / "a").execute(query)
    }
    later_guids = {
        fields.split("\x1f")[0]: guid
        for fields, guid in open_deck(build_deck(later, "later"), tmp_path / "b").execute(query)
    }
    # The same word in a later issue is the same note: a re-import updates it.
    assert guids == later_guids


def test_anki_fields_are_escaped_html(tmp_path):
    from edition_samples import hostile_edition

    db = open_deck(build_deck(hostile_edition(), "hostile"), tmp_path)
    fields = "\x1f".join(row[0] for row in db.execute("SELECT flds FROM notes"))
    assert "<script>" not in fields and "&lt;" in fields


def test_build_command_writes_the_deck_and_the_list(tmp_path, example_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(example_path), "--out", str(out), "--format", "anki,vocab"]
    )
    assert result.exit_code == 0, result.output
    folder = out / example_path.stem
    assert sorted(p.name for p in folder.iterdir()) == [f"{example_path.stem}.apkg", "vocab.tsv"]
    rows = list(csv.reader(io.StringIO((folder / "vocab.tsv").read_text("utf-8")), delimiter="\t"))
    assert rows[0] == list(vocab_columns()) and len(rows) > 100
