"""Read one glossary file (TSV) and report every problem with its line number.

The file is UTF-8 text: ``#`` comment lines, blank lines, one header line,
then one entry per line with the columns in ``COLUMNS``. Reading never
raises for content problems: it returns the entries it could read and a
list of ``Problem``; ``load_glossaries`` turns errors into a ``GlossaryError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from zhreader.han import HAN_RE, han_count, has_han

COLUMNS = ("zh", "variants", "pinyin", "en", "en_alt", "note", "category", "source")
HEADER = "\t".join(COLUMNS)
# Single characters are left to the dictionary: the segmenter only fixes spans of two or more.
MIN_TERM_LENGTH = 2
CATEGORIES = frozenset(
    {
        "policy",
        "campaign",
        "slogan",
        "programme",
        "title",
        "institution",
        "place",
        "person",
        "organisation",
        "agriculture",
        "term",
    }
)

WHITESPACE = re.compile(r"\s")
STRAY_SPACE = re.compile(r"^\s|\s$|\s\s|[^\S ]")

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class GlossaryEntry:
    """One curated term: how it is segmented, read, glossed, translated and explained."""

    zh: str
    variants: tuple[str, ...]
    pinyin: str
    en: str
    en_alt: tuple[str, ...]
    note: str
    category: str
    source: str
    file: str
    line: int

    @property
    def syllables(self) -> tuple[str, ...]:
        """Return the pinyin as one syllable per Han character, as written."""
        return tuple(self.pinyin.split(" "))

    @property
    def forms(self) -> tuple[str, ...]:
        """Return the term and its variants."""
        return (self.zh, *self.variants)



@dataclass(frozen=True)
class Problem:
    """One thing wrong with a glossary file, at a line (0: the file as a whole)."""

    file: str
    line: int
    level: Level
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        kind = "warning: " if self.level == "warning" else ""
        return f"{where}: {kind}{self.message}"


@dataclass(frozen=True)
class ParsedFile:
    """What one glossary file holds: its entries, its problems, its canonical text."""

    entries: tuple[GlossaryEntry, ...]
    problems: tuple[Problem, ...]
    canonical: str  # header and entry lines only, LF, no BOM: what the fingerprint hashes

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == "error")


def display_name(path: Path) -> str:
    """Name a file the way a user typed it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# --- the file ----------------------------------------------------------------


def check_glossary_file(path: Path) -> list[Problem]:
    """Return every problem of one glossary file; never raises for its content."""
    return list(parse_glossary_file(path).problems)


def parse_glossary_file(path: Path) -> ParsedFile:
    """Read one glossary file into entries, problems and canonical text."""
    name = display_name(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        reason = err.strerror or type(err).__name__
        return ParsedFile(
            (), (Problem(name, 0, "error", "unreadable", f"cannot read: {reason}"),), ""
        )
    text, problems = _decode(data, name)
    if text is None:
        return ParsedFile((), tuple(problems), "")
    reader = _Reader(name)
    reader.problems.extend(problems)
    for number, line in enumerate(text.split("\n"), start=1):
        reader.feed(number, line)
    reader.finish()
    return ParsedFile(tuple(reader.entries), tuple(reader.problems), "\n".join(reader.canonical))


def _decode(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8, accepting (with a warning) a byte-order mark and CRLF line ends."""
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        problems.append(
            Problem(name, 1, "warning", "bom", "file starts with a byte-order mark (BOM); ignored")
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        message = f"not valid UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8"
        return None, [*problems, Problem(name, line, "error", "encoding", message)]
    if "\r\n" in text:
        line = text[: text.index("\r\n")].count("\n") + 1
        problems.append(
            Problem(name, line, "warning", "crlf", "Windows line ends (CRLF); read as LF")
        )
        text = text.replace("\r\n", "\n")
    return text, problems


class _Reader:
    """Walk the lines of one file, collecting entries and problems."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.entries: list[GlossaryEntry] = []
        self.problems: list[Problem] = []
        self.canonical: list[str] = []
        self.header_seen = False
        self.seen_forms: dict[str, int] = {}

    def problem(self, line: int, code: str, message: str, level: Level = "error") -> None:
        self.problems.append(Problem(self.name, line, level, code, message))

    def feed(self, number: int, line: str) -> None:
        if not line.strip() or line.startswith("#"):
            return
        if not self.header_seen:
            self.header_seen = True
            self.canonical.append(HEADER)
            if line != HEADER:
                found = ", ".join(line.split("\t"))
                self.problem(
                    number,
                    "header",
                    f"header must name the columns {', '.join(COLUMNS)} "
                    f"separated by tabs (found: {found})",
                )
            return
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            self.problem(
                number,
                "columns",
                f"{len(cells)} columns, expected {len(COLUMNS)} "
                f"({', '.join(COLUMNS)}), separated by tabs",
            )
            return
        entry = self.read_entry(number, cells)
        if entry is not None:
            self.entries.append(entry)
            self.canonical.append(line)

    def finish(self) -> None:
        if not self.header_seen:
            self.problem(
                0, "header", f"no header line; the first line must be: {', '.join(COLUMNS)}"
            )

    def read_entry(self, number: int, cells: list[str]) -> GlossaryEntry | None:
        """Check one row; return the entry, or None when it cannot be used."""
        before = len(self.problems)
        row = dict(zip(COLUMNS, cells, strict=True))
        for column, value in row.items():
            if STRAY_SPACE.search(value):
                self.problem(
                    number,
                    "whitespace",
                    f"stray whitespace in column {column}: "
                    f"{value!r} (use single spaces, none at the ends)",
                )
        zh = row["zh"].strip()
        variants = _split_list(row["variants"])
        self.check_term(number, zh, variants)
        self.check_pinyin(number, zh, row["pinyin"].strip())
        self.check_text(number, zh, row)
        self.check_duplicates(number, zh, variants)
        if len(self.problems) > before and any(p.level == "error" for p in self.problems[before:]):
            return None
        return GlossaryEntry(
            zh=zh,
            variants=variants,
            pinyin=" ".join(row["pinyin"].split()),
            en=row["en"].strip(),
            en_alt=_split_list(row["en_alt"]),
            note=row["note"].strip(),
            category=row["category"].strip(),
            source=row["source"].strip(),
            file=self.name,
            line=number,
        )

    def check_term(self, number: int, zh: str, variants: tuple[str, ...]) -> None:
        if not zh:
            self.problem(number, "empty-zh", "empty zh: every entry needs the term as written")
            return
        for form in (zh, *variants):
            if WHITESPACE.search(form):
                self.problem(number, "space-in-term", f"term {form!r} contains whitespace")
            elif not has_han(form):
                self.problem(number, "no-han", f"term {form!r} has no Chinese character")
            elif len(form) < MIN_TERM_LENGTH:
                self.problem(
                    number,
                    "too-short",
                    f"term {form} is a single character; terms need at least "
                    f"{MIN_TERM_LENGTH} (single characters are left to the dictionary)",
                )
        if "" in variants:
            self.problem(number, "empty-variant", f"empty variant in {zh} (remove the extra |)")
        for variant in variants:
            if variant and han_count(variant) != han_count(zh):
                self.problem(
                    number,
                    "variant-length",
                    f"variant {variant} has {han_count(variant)} "
                    f"characters but {zh} has {han_count(zh)} (the pinyin must fit both; "
                    "give the variant its own entry)",
                )

    def check_pinyin(self, number: int, zh: str, pinyin: str) -> None:
        if not pinyin:
            self.problem(number, "empty-pinyin", f"empty pinyin for {zh}")
            return
        syllables = pinyin.split()
        for syllable in syllables:
            for code, message in syllable_problems(syllable):
                self.problem(number, code, f"{message} in {zh}")
        expected = han_count(zh)
        if not expected:
            return
        if len(syllables) != expected:
            self.problem(
                number,
                "syllable-count",
                f"pinyin has {len(syllables)} syllables for "
                f"{expected} characters in {zh} (expected one syllable per character)",
            )
            return
        for char, syllable in zip(HAN_RE.findall(zh), syllables, strict=True):
            if not syllable_problems(syllable) and not reading_known(char, syllable):
                known = ", ".join(char_readings(char)) or "none"
                self.problem(
                    number,
                    "unusual-reading",
                    f"{syllable} is not a reading of {char} "
                    f"that pypinyin knows (it knows: {known}); check {zh}",
                    "warning",
                )

    def check_text(self, number: int, zh: str, row: dict[str, str]) -> None:
        label = zh or "this entry"
        if not row["en"].strip():
            self.problem(
                number,
                "empty-en",
                f"empty en for {label}: give the English the translation must use",
            )
        category = row["category"].strip()
        if not category:
            self.problem(number, "empty-category", f"empty category for {label}")
        elif category not in CATEGORIES:
            self.problem(
                number,
                "category",
                f"unknown category {category!r} for {label} "
                f"(known: {', '.join(sorted(CATEGORIES))})",
                "warning",
            )
        source = row["source"].strip()
        if not source:
            self.problem(
                number,
                "empty-source",
                f"empty source for {label}: name the official "
                "usage followed, or write 'proposed: <reason>'",
            )
        elif source.startswith("proposed") and not re.match(r"proposed:\s*\S", source):
            self.problem(
                number,
                "proposed-reason",
                f"source of {label} says proposed without a reason (write 'proposed: <reason>')",
            )
        if "" in _split_list(row["en_alt"]):
            self.problem(number, "empty-alternative", f"empty alternative in en_alt of {label}")

    def check_duplicates(self, number: int, zh: str, variants: tuple[str, ...]) -> None:
        for form in dict.fromkeys((zh, *variants)):
            if not form:
                continue
            if form in self.seen_forms:
                self.problem(
                    number,
                    "duplicate",
                    f"duplicate term {form} (already at line {self.seen_forms[form]})",
                )
            else:
                self.seen_forms[form] = number
        if len(set((zh, *variants))) != len((zh, *variants)):
            self.problem(number, "duplicate", f"{zh} lists the same form twice")


def _split_list(cell: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell; spaces around the bars are allowed."""
    cell = cell.strip()
    return tuple(part.strip() for part in cell.split("|")) if cell else ()


# --- pinyin ------------------------------------------------------------------


@lru_cache(maxsize=4096)
def syllable_problems(syllable: str) -> tuple[tuple[str, str], ...]:
    """Return (code, message) for what is wrong with one tone-marked syllable."""
    from pypinyin.contrib.tone_convert import to_normal, to_tone, to_tone3

    if not (syllable.islower() or (syllable[:1].isupper() and syllable[1:].islower())):
        return (("capitals", f"pinyin {syllable!r}: only the first letter may be a capital"),)
    lower = syllable.lower()
    if not lower.isalpha():
        return (
            (
                "invalid-syllable",
                f"pinyin {syllable!r} is not a Mandarin syllable (use tone marks, not numbers)",
            ),
        )
    if to_normal(lower, v_to_u=True) not in valid_syllables():
        return (("invalid-syllable", f"pinyin {syllable!r} is not a Mandarin syllable"),)
    canonical = to_tone(to_tone3(lower))
    if canonical != lower:
        return (
            (
                "tone-mark",
                f"pinyin {syllable!r} has its tone mark on the wrong vowel (write {canonical})",
            ),
        )
    return ()


@lru_cache(maxsize=1)
def valid_syllables() -> frozenset[str]:
    """Return every toneless Mandarin syllable pypinyin's character data uses."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    # About 1,500 distinct toned readings among 40,000 characters: convert each once.
    readings = {reading for value in set(pinyin_dict.values()) for reading in value.split(",")}
    return frozenset(to_normal(reading, v_to_u=True) for reading in readings)


def char_readings(char: str) -> tuple[str, ...]:
    """Return pypinyin's readings of one character, tone-marked."""
    from pypinyin.pinyin_dict import pinyin_dict

    return tuple(pinyin_dict.get(ord(char), "").split(",")) if ord(char) in pinyin_dict else ()


@lru_cache(maxsize=16384)
def reading_known(char: str, syllable: str) -> bool:
    """Tell whether a syllable is one of the character's readings (neutral tone allowed)."""
    from pypinyin.contrib.tone_convert import to_normal

    lower = syllable.lower()
    readings = char_readings(char)
    if lower in readings:
        return True
    # A toneless syllable is the neutral tone of any reading with the same letters.
    plain = to_normal(lower, v_to_u=True)
    return plain == lower and any(to_normal(r, v_to_u=True) == plain for r in readings)
