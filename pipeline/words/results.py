"""Result complements: the English a result adds to the verb before it (咬破 "to bite through").

The table (``data/result_complements.tsv``) has one row per complement and
verbs: ``complement``, ``verbs`` (``*`` or verbs joined by ``|``),
``english`` (what follows the verb's English: "through", "wrongly", "to
pieces") and ``source`` (``written: why``). A verb's rows come before the
complement's general one; the first that holds wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zhreader.errors import LearnerSensesError
from zhreader.pipeline.words.senses import table_records

RESULT_COMPLEMENTS = Path(__file__).with_name("data") / "result_complements.tsv"
COLUMNS = ("complement", "verbs", "english", "source")
_ANY = "*"
_LONGEST = 2  # 干净, 明白: a complement is one or two characters


@dataclass(frozen=True)
class ResultRow:
    """One row: the complement, the verbs it is for (empty: any), its English, and why."""

    complement: str
    verbs: frozenset[str]
    english: str
    source: str
    line: int


class ResultComplements:
    """Look up the English of a verb's result; load once with ``ResultComplements.load``."""

    def __init__(self, rows: list[ResultRow]) -> None:
        self._rows: dict[str, list[ResultRow]] = {}
        for row in rows:
            self._rows.setdefault(row.complement, []).append(row)

    @classmethod
    def load(cls, path: Path = RESULT_COMPLEMENTS) -> ResultComplements:
        return cls(read_rows(path))

    def __contains__(self, complement: str) -> bool:
        return complement in self._rows

    @property
    def complements(self) -> frozenset[str]:
        return frozenset(self._rows)

    def signature_rows(self) -> list[tuple[str, list[str], str]]:
        """Return what the glosses read of the table, for the signature's hash."""
        return [
            (row.complement, sorted(row.verbs), row.english)
            for rows in self._rows.values()
            for row in rows
        ]

    def english(self, verb: str, complement: str) -> str | None:
        """Return what ``complement`` adds to ``verb``'s English, else None."""
        for row in self._rows.get(complement, ()):
            if not row.verbs or verb in row.verbs:
                return row.english
        return None


def read_rows(path: Path = RESULT_COMPLEMENTS) -> list[ResultRow]:
    """Parse the TSV; raise LearnerSensesError naming the first bad line."""
    rows = []
    for number, fields in table_records(path, COLUMNS, "result complements"):
        if len(fields) != len(COLUMNS):
            raise LearnerSensesError(
                f"expected {len(COLUMNS)} tab-separated columns, found {len(fields)}",
                file=str(path),
                line=number,
            )
        complement, verbs, english, source = (f.strip() for f in fields)
        wanted = frozenset() if verbs == _ANY else frozenset(verbs.split("|"))
        rows.append(ResultRow(complement, wanted, english, source, number))
    return rows


def check_rows(rows: list[ResultRow], dictionary, path: Path = RESULT_COMPLEMENTS) -> list[str]:
    """Return every problem of the table as ``FILE:LINE: message`` (empty when sound).

    A complement is one or two characters CC-CEDICT lists; its verbs are one
    character each; the English is there; the reason is written; no row hides
    behind an earlier general row of its complement, nor repeats its verbs.
    """
    problems = []
    earlier: dict[str, list[ResultRow]] = {}
    for row in rows:
        where = f"{path}:{row.line}: {row.complement}"
        if not 0 < len(row.complement) <= _LONGEST or not dictionary.contains(row.complement):
            problems.append(f"{where}: not a complement of one or two characters CC-CEDICT lists")
        if any(len(verb) != 1 for verb in row.verbs):
            problems.append(f"{where}: verbs must be single characters joined by |")
        if not row.english:
            problems.append(f"{where}: no English")
        if not row.source.startswith("written:") or len(row.source.split()) < 4:
            problems.append(f"{where}: the source must be 'written:' and the reason")
        before = earlier.setdefault(row.complement, [])
        if any(not e.verbs for e in before):
            problems.append(f"{where}: unreachable after the row for any verb")
        if any(e.verbs & row.verbs for e in before):
            problems.append(f"{where}: a verb of an earlier row")
        before.append(row)
    return problems


__all__ = [
    "COLUMNS",
    "RESULT_COMPLEMENTS",
    "ResultComplements",
    "ResultRow",
    "check_rows",
    "read_rows",
]
