"""Names: surnames and their name readings, titles and roles, place suffixes, and
the words around names that the segmenter looks for (verbs of speaking,
numerals, function characters: ``segment_words.tsv``).

The tables are data (``zhreader/data/*.tsv``, each row with its source) and
this module is the only place that reads them: the structure stage finds
bylines with them, the segmenter guesses names and places, the pinyin reader
reads surnames, and the annotator gives places their English type.
``check_tables()`` lists every problem in them; a test runs it.
"""

from __future__ import annotations

from functools import cache

from zhreader.han import only_han
from zhreader.tables import Row, bundled_text, read_rows

SURNAME_COLUMNS = ("surname", "reading", "guess", "source")
TITLE_COLUMNS = ("word", "kind", "source")
PLACE_COLUMNS = ("suffix", "english", "source")
TITLE_KINDS = ("byline", "title", "role")
SEGMENT_COLUMNS = ("word", "kind", "source")
SEGMENT_KINDS = (
    "speech_verb",
    "measure_opener",
    "frame_closer",
    "frame_opener",
    "function_char",
    "approximate",
    "numeral",
    "numeral_opener",
    "common_noun",
    "name_follower",
    "name_opener",
    "name_joiner",
    "familiar_prefix",
    "place_head",
    "named_unit",
    "experienced_verb",
    "durative_verb",
    "modal_noun",
    "interjection_verb",
    "weather_char",
)


@cache
def read_table(name: str, columns: tuple[str, ...]) -> tuple[tuple[int, Row], ...]:
    """Read a bundled names table: (line number, row) for each row."""
    return tuple(read_rows(bundled_text(name), columns, f"zhreader/data/{name}"))


def _rows(name: str, columns: tuple[str, ...]) -> tuple[Row, ...]:
    return tuple(row for _, row in read_table(name, columns))


_SURNAME_ROWS = _rows("surnames.tsv", SURNAME_COLUMNS)
_TITLE_ROWS = _rows("titles.tsv", TITLE_COLUMNS)
_PLACE_ROWS = _rows("place_suffixes.tsv", PLACE_COLUMNS)
_SEGMENT_ROWS = _rows("segment_words.tsv", SEGMENT_COLUMNS)


def _segment_words(kind: str) -> tuple[str, ...]:
    return tuple(r["word"] for r in _SEGMENT_ROWS if r["kind"] == kind)


# Every surname, for places where a name is expected (an author line, a credit).
SURNAMES = frozenset(r["surname"] for r in _SURNAME_ROWS if len(r["surname"]) == 1)
COMPOUND_SURNAMES = frozenset(r["surname"] for r in _SURNAME_ROWS if len(r["surname"]) == 2)
# Surnames common enough to guess a person's name in running text.
COMMON_SURNAMES = frozenset(
    r["surname"] for r in _SURNAME_ROWS if len(r["surname"]) == 1 and r["guess"] == "yes"
)
COMMON_COMPOUND_SURNAMES = frozenset(
    r["surname"] for r in _SURNAME_ROWS if len(r["surname"]) == 2 and r["guess"] == "yes"
)
# A surname's reading where its character has another everyday one (单 shàn).
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    r["surname"]: tuple(r["reading"].split()) for r in _SURNAME_ROWS if r["reading"]
}
# Roles before a reporter's name in an author line or dateline, longest first.
BYLINE_ROLES = tuple(
    sorted((r["word"] for r in _TITLE_ROWS if r["kind"] == "byline"), key=len, reverse=True)
)
# Titles and roles after which a person's name starts (书记谢某).
TITLES = tuple(r["word"] for r in _TITLE_ROWS if r["kind"] == "title")
# Every word after which a person's name may stand: titles, roles of an author
# line, and person nouns (学员, 运动员) that the annotator alone reads, where
# jieba's POS HMM must also read the word after them as one name.
NAME_ROLES = frozenset(r["word"] for r in _TITLE_ROWS)
# Place-name suffixes, in table order, and the English of each.
PLACE_SUFFIXES = tuple(r["suffix"] for r in _PLACE_ROWS)
PLACE_ENGLISH = {r["suffix"]: r["english"] for r in _PLACE_ROWS}
# Verbs of speaking: between a title and one of these stands a person's name.
SPEECH_VERBS = _segment_words("speech_verb")
# Demonstratives and numerals that open a measure phrase jieba keeps whole (这台, 两本书).
MEASURE_OPENERS = frozenset(_segment_words("measure_opener"))
# Localisers that close a 在… frame and the words that open the next phrase after one.
FRAME_CLOSERS = frozenset(_segment_words("frame_closer"))
FRAME_OPENERS = frozenset(_segment_words("frame_opener"))
# Heads of a place noun jieba cuts from its verb (保护 | 站): 在 before the verb places.
PLACE_HEADS = frozenset(_segment_words("place_head"))
# Place units (村, 乡, 街道) whose name is often a noun a dictionary lists (清水乡, 竹林村).
NAMED_UNITS = frozenset(_segment_words("named_unit"))
# Verb + 过 words CC-CEDICT lists (穿过 "to pass through") whose verb is an everyday
# verb that takes the experiential 过 (穿过一次 "have worn once"): Segmenter._split_experienced.
EXPERIENCED_VERBS = frozenset(_segment_words("experienced_verb"))
# Verb + 着 words CC-CEDICT lists with 着 zháo (吸着 "sorption") whose verb before an
# object takes the durative 着 zhe (吸着烟 "smoking"): Segmenter._split_durative.
DURATIVE_VERBS = frozenset(_segment_words("durative_verb"))
# An adverb + modal CC-CEDICT lists as a noun (才能 "talent", 总会 "general
# association"): before a verb it is the adverb and the modal (他明天才能来).
MODAL_NOUNS = frozenset(_segment_words("modal_noun"))
# A verb + 了 CC-CEDICT lists as an interjection (算了 "forget it"): before a word
# it is the verb and 了 (我算了一下): Segmenter._split_modal_pairs.
INTERJECTION_VERBS = frozenset(_segment_words("interjection_verb"))
# The last character of a weather noun (冷风, 白雾): such a noun and a verb are a
# clause (冷风吹), no name, though jieba lists some of them as names.
WEATHER_CHARS = frozenset(_segment_words("weather_char"))
# Characters that never start a place stem or a given name when they stand alone.
FUNCTION_CHARS = frozenset(_segment_words("function_char"))
# After a number these mean "more than" / "about"; the measure word follows.
APPROXIMATE = frozenset(_segment_words("approximate"))
NUMERALS = frozenset(_segment_words("numeral"))
# Prefixes of a number that the guess-cutter keeps whole (百分之九十八, 第二十).
NUMERAL_OPENERS = _segment_words("numeral_opener")
# Words that follow a person named as a clause's subject (刘 | 光明 | 把…, 何 | 平安 | 在…):
# with a verb of speaking or a title they are the evidence that a cut name stands before.
NAME_FOLLOWERS = frozenset(_segment_words("name_follower"))
# Words after which a person's name may open a clause or stand as a person
# object (然后 X 提问, 让 X 去, X 和 Y): the annotator's evidence for a name there.
NAME_OPENERS = frozenset(_segment_words("name_opener"))
# Words joining two persons in a list (X 和 Y): after a name, a name may follow.
NAME_JOINERS = frozenset(_segment_words("name_joiner"))
# Prefixes that make one character a familiar name (阿强): the annotator joins them.
FAMILIAR_PREFIXES = frozenset(_segment_words("familiar_prefix"))
# Common nouns jieba tags ns that CC-CEDICT lists only as a proper name (大桥 "Da Qiao").
COMMON_NOUNS = frozenset(_segment_words("common_noun"))


def check_tables() -> list[str]:
    """Return every problem in the names tables, one ``file:line: message`` each."""
    problems: list[str] = []
    for name, columns, key in (
        ("surnames.tsv", SURNAME_COLUMNS, ("surname",)),
        ("titles.tsv", TITLE_COLUMNS, ("word", "kind")),
        ("place_suffixes.tsv", PLACE_COLUMNS, ("suffix",)),
        ("segment_words.tsv", SEGMENT_COLUMNS, ("word", "kind")),
    ):
        seen: set[tuple[str, ...]] = set()
        for number, row in read_table(name, columns):
            where = f"zhreader/data/{name}:{number}"
            ident = tuple(row[k] for k in key)
            if ident in seen:
                problems.append(f"{where}: {'/'.join(ident)} is listed twice")
            seen.add(ident)
            if not only_han(row[columns[0]]):
                problems.append(f"{where}: {row[columns[0]]!r} is not all Han characters")
            if not row["source"].strip():
                problems.append(f"{where}: the source is empty")
            problems += [f"{where}: {p}" for p in _row_problems(name, row)]
    return problems


def _row_problems(name: str, row: dict[str, str]) -> list[str]:
    if name == "surnames.tsv":
        problems = []
        if row["guess"] not in ("yes", "no"):
            problems.append(f"guess must be yes or no, not {row['guess']!r}")
        syllables = row["reading"].split()
        if syllables and len(syllables) != len(row["surname"]):
            problems.append("the reading needs one syllable per character")
        if len(row["surname"]) not in (1, 2):
            problems.append("a surname has one or two characters")
        return problems
    if name == "titles.tsv" and row["kind"] not in TITLE_KINDS:
        return [f"kind must be one of {', '.join(TITLE_KINDS)}, not {row['kind']!r}"]
    if name == "place_suffixes.tsv" and not row["english"][:1].isupper():
        return ["the English of a place type is a capitalised word (Town)"]
    if name == "segment_words.tsv":
        if row["kind"] not in SEGMENT_KINDS:
            return [f"kind must be one of {', '.join(SEGMENT_KINDS)}, not {row['kind']!r}"]
        several = ("speech_verb", "numeral_opener", "common_noun", "name_follower", "name_opener")
        several += ("place_head", "named_unit")
        if row["kind"] == "experienced_verb":
            if len(row["word"]) != 2 or row["word"][1] != "过":
                return ["an experienced_verb is a verb and 过 (穿过)"]
        elif row["kind"] == "durative_verb":
            if len(row["word"]) != 2 or row["word"][1] != "着":
                return ["a durative_verb is a verb and 着 (吸着)"]
        elif row["kind"] == "interjection_verb":
            if len(row["word"]) != 2 or row["word"][1] != "了":
                return ["an interjection_verb is a verb and 了 (算了)"]
        elif row["kind"] == "modal_noun":
            if len(row["word"]) != 2:
                return ["a modal_noun is an adverb and a modal (才能)"]
        elif row["kind"] not in several and len(row["word"]) != 1:
            return [f"a {row['kind']} is one character"]
    return []


__all__ = [
    "APPROXIMATE",
    "BYLINE_ROLES",
    "COMMON_COMPOUND_SURNAMES",
    "COMMON_SURNAMES",
    "COMPOUND_SURNAMES",
    "DURATIVE_VERBS",
    "EXPERIENCED_VERBS",
    "FAMILIAR_PREFIXES",
    "INTERJECTION_VERBS",
    "FRAME_CLOSERS",
    "FRAME_OPENERS",
    "FUNCTION_CHARS",
    "MEASURE_OPENERS",
    "MODAL_NOUNS",
    "NAME_FOLLOWERS",
    "NAME_JOINERS",
    "NAME_OPENERS",
    "NAME_ROLES",
    "NAMED_UNITS",
    "NUMERALS",
    "NUMERAL_OPENERS",
    "PLACE_ENGLISH",
    "PLACE_HEADS",
    "PLACE_SUFFIXES",
    "SPEECH_VERBS",
    "SURNAMES",
    "SURNAME_READINGS",
    "TITLES",
    "WEATHER_CHARS",
    "check_tables",
    "read_table",
]
