"""Learn the sense words take in translated everyday sentences: the translation-senses table.

    .venv/bin/pip install -e '.[train]'      # simplemma, at build time only
    .venv/bin/python scripts/learn_translation_senses.py SENTENCES_JSON

SENTENCES_JSON is the data set's ``hsk_sentences_audio/data/sentences.json``.

hsk-sentences-audio 1.0.0 (PyPI, CC BY-SA 4.0; not shipped, not a dependency:
``pip download --no-deps hsk-sentences-audio==1.0.0`` and unzip) gives 4,354
HSK sentences, each with an English translation. Only the training half
(odd sentence numbers, ``translation_senses.training_half``) is read here;
the even half is held out for ``benchmarks/translation_glosses.py``.

Each training sentence is annotated by zhreader itself (its segmenter and
readings, so the words are the ones it glosses). For a word whose CC-CEDICT
senses, read as the token is, differ in whether the translation attests them
(``translation_senses.informative``), the word is *seen*, and each attested
sense is counted. A word (and reading) is kept when its most-attested sense
is attested in at least ``min_share`` of the sentences it was seen in and
leads the runner-up sense beyond chance (a one-sided sign test, ``p < alpha``).

The two thresholds are chosen by cross-validation on the training half: in
each of five folds (by sentence number) the table is learned from the other
four, the fold is annotated with it, and the share of its informative tokens
whose shown gloss the translation attests is counted. The pair is chosen by
the one-standard-error rule: of the pairs whose mean share over the folds is
within one standard error of the best, the one that keeps the fewest rows. ``alpha=1`` (no test: one
sentence can make a row) is scored and printed but never chosen: on this
measure it scores best, and on the judged sets of benchmarks/glosses.py its
single-sentence rows cost five items (docs/words.md). The table is then
learned from the whole training half and written byte for byte the same for
the same inputs. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from zhreader.pinyin_text import numbered
from zhreader.pipeline.words.translation_senses import (
    COLUMNS,
    DATA_SET,
    TRANSLATION_SENSES,
    TranslationSense,
    TranslationSenses,
    attested,
    english_stems,
    informative,
    training_half,
)

# 1.0: no sign test, scored for comparison only (best_pair never takes it).
ALPHA = (1.0, 0.5, 0.25, 0.1, 0.05)
MIN_SHARE = (0.4, 0.5, 0.6, 0.7, 0.8)
FOLDS = 5


@dataclass(frozen=True)
class Seen:
    """A word in a training sentence whose senses the translation tells apart."""

    word: str
    reading: str  # numbered syllables joined by spaces
    senses: tuple[str, ...]
    marks: tuple[bool, ...]


def occurrences(annotator, texts: Sequence[str]) -> list[list[tuple[str, str, str]]]:
    """Return each text's glossed words as (word, numbered reading, shown gloss)."""
    from zhreader.reader.context import first_sense

    dictionary = annotator.dictionary
    out = []
    for tokens in annotator.tokens_many(texts):
        out.append(
            [
                (
                    dictionary.simplified(t.zh),
                    " ".join(numbered(s) for s in t.pinyin),
                    first_sense(t.gloss) or "",
                )
                for t in tokens
                if t.kind == "word" and t.term is None
            ]
        )
    return out


def seen_words(chooser, words: Iterable[tuple[str, str, str]], stems: frozenset[str]) -> list[Seen]:
    """Return the words of one sentence whose senses its translation tells apart."""
    found = []
    for word, reading, _shown in words:
        # A sense two entries share (花 hua1 "flower") is one sense.
        senses = tuple(dict.fromkeys(chooser.word_senses(word, tuple(reading.split()))))
        marks = informative(list(senses), stems) if len(senses) > 1 else None
        if marks:
            found.append(Seen(word, reading, senses, marks))
    return found


def learn(seen: Iterable[Seen], alpha: float, min_share: float) -> list[TranslationSense]:
    """Return the rows of the words whose most-attested sense has strong evidence.

    Strong: attested in at least ``min_share`` of the sentences the word was
    seen in, and ahead of the runner-up sense beyond chance (a one-sided sign
    test over the sentences that attest one of the two and not the other,
    ``p < alpha``: five sentences to none at 0.05). One sentence is never
    enough, however well it fits.
    """
    by_key: dict[tuple[str, str], list[Seen]] = {}
    for item in seen:
        by_key.setdefault((item.word, item.reading), []).append(item)
    rows = []
    for (word, reading), items in sorted(by_key.items()):
        senses = items[0].senses
        tally = Counter()
        for item in items:
            tally.update(s for s, mark in zip(item.senses, item.marks, strict=True) if mark)
        rank = {s: i for i, s in enumerate(senses)}
        ranked = sorted(tally, key=lambda s: (-tally[s], rank.get(s, len(rank))))
        best = ranked[0]
        runner_up = ranked[1] if len(ranked) > 1 else None
        ahead = behind = 0
        for item in items:
            marks = dict(zip(item.senses, item.marks, strict=True))
            ahead += marks.get(best, False) and not marks.get(runner_up, False)
            behind += marks.get(runner_up, False) and not marks.get(best, False)
        if tally[best] >= min_share * len(items) and sign_test(ahead, behind) < alpha:
            rows.append(
                TranslationSense(
                    word, tuple(reading.split()), best, tally[best], len(items), DATA_SET, 0
                )
            )
    return rows


def sign_test(ahead: int, behind: int) -> float:
    """Return the one-sided p-value of ``ahead`` wins in ``ahead + behind`` fair coin tosses."""
    n = ahead + behind
    return sum(math.comb(n, k) for k in range(ahead, n + 1)) / 2**n


def attested_share(
    words: Sequence[Sequence[tuple[str, str, str]]], stems: Sequence[frozenset[str]], chooser
) -> tuple[int, int]:
    """Count the informative words and those whose shown gloss the translation attests."""
    hits = total = 0
    for sentence, translation in zip(words, stems, strict=True):
        telling = {(s.word, s.reading) for s in seen_words(chooser, sentence, translation)}
        for word, reading, shown in sentence:
            if (word, reading) in telling:
                total += 1
                hits += attested(shown, translation)
    return hits, total


def cross_validate(annotator, items: Sequence[dict], stems: Sequence[frozenset[str]]) -> dict:
    """Return {(alpha, min_share): [(hits, total) per fold]} over the training half's folds."""
    chooser = annotator.glosses
    folds = [_fold(item["id"]) for item in items]
    words = occurrences(annotator, [item["chinese"] for item in items])
    seen = [seen_words(chooser, w, s) for w, s in zip(words, stems, strict=True)]
    scores: dict[tuple[float, float], list[tuple[int, int]]] = {}
    for fold in range(FOLDS):
        inside = [i for i, f in enumerate(folds) if f == fold]
        learned_from = [s for i, f in enumerate(folds) if f != fold for s in seen[i]]
        texts = [items[i]["chinese"] for i in inside]
        for pair in _thresholds():
            table = TranslationSenses(learn(learned_from, *pair))
            fold_words = occurrences(annotator.with_translation_senses(table), texts)
            got = attested_share(fold_words, [stems[i] for i in inside], chooser)
            scores.setdefault(pair, []).append(got)
    return scores


def _thresholds() -> list[tuple[int, float]]:
    return [(alpha, share) for alpha in ALPHA for share in MIN_SHARE]


def _fold(sentence_id: str) -> int:
    return int(sentence_id.rsplit("-", 1)[1]) // 2 % FOLDS


def best_pair(scores: dict, sizes: dict) -> tuple[float, float]:
    """Return the thresholds by the one-standard-error rule, a sign test required.

    The best mean share over the folds sets the bar; of the pairs within one
    standard error of it (the folds' spread), the one that keeps the fewest
    rows (``sizes``) wins: no more of the table than the evidence can tell
    from the best (ties: the stricter).
    """
    tested = {pair: fold_shares(got) for pair, got in scores.items() if pair[0] < 1}
    best = max(tested, key=lambda pair: statistics.mean(tested[pair]))
    bar = statistics.mean(tested[best]) - statistics.stdev(tested[best]) / math.sqrt(FOLDS)
    near = [pair for pair, shares in tested.items() if statistics.mean(shares) >= bar]
    return min(near, key=lambda pair: (sizes[pair], pair[0], -pair[1]))


def fold_shares(got: Sequence[tuple[int, int]]) -> list[float]:
    return [hits / max(total, 1) for hits, total in got]


def pooled(got: Sequence[tuple[int, int]]) -> tuple[int, int]:
    return sum(h for h, _ in got), sum(t for _, t in got)


def render(rows: Sequence[TranslationSense], pair: tuple[float, float], sentences: int) -> str:
    """Return the table's text: header, a generated-by note, one row per word and reading."""
    lines = [
        "\t".join(COLUMNS),
        f"# generated by scripts/learn_translation_senses.py from {DATA_SET}'s training half"
        f" ({sentences} sentences); alpha={pair[0]} min_share={pair[1]}",
    ]
    for row in rows:
        fields = (row.word, " ".join(row.reading), row.sense, row.attested, row.seen, row.source)
        lines.append("\t".join(map(str, fields)))
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Learned:
    """What a run learned: the table's text and the figures that chose it."""

    text: str
    pair: tuple[float, float]
    scores: dict
    sizes: dict
    report: dict


def learn_table(
    annotator, items: Sequence[dict], thresholds: tuple[float, float] | None = None
) -> Learned:
    """Learn the table from the training half of ``items`` (cross-validated unless given)."""
    training = sorted(
        (item for item in items if training_half(item["id"])), key=lambda item: item["id"]
    )
    # The table learned is not read while learning: an empty one stands in for it.
    annotator = annotator.with_translation_senses(TranslationSenses([]))
    stems = [english_stems(item["translation"]["en"]) for item in training]
    words = occurrences(annotator, [item["chinese"] for item in training])
    chooser = annotator.glosses
    seen = [s for w, st in zip(words, stems, strict=True) for s in seen_words(chooser, w, st)]
    scores = {} if thresholds else cross_validate(annotator, training, stems)
    sizes = {pair: len(learn(seen, *pair)) for pair in scores}
    pair = tuple(thresholds) if thresholds else best_pair(scores, sizes)
    rows = learn(seen, *pair)
    report = {
        "training_sentences": len(training),
        "alpha": pair[0],
        "min_share": pair[1],
        "cv": pooled(scores[pair]) if scores else None,
        "without_table": attested_share(words, stems, chooser),
        "rows": len(rows),
    }
    return Learned(render(rows, pair, len(training)), pair, scores, sizes, report)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json", type=Path, help="hsk_sentences_audio/data/sentences.json")
    parser.add_argument("--out", type=Path, default=TRANSLATION_SENSES)
    parser.add_argument(
        "--thresholds",
        nargs=2,
        type=float,
        metavar=("ALPHA", "MIN_SHARE"),
        help="learn with these instead of cross-validating (to compare tables)",
    )
    args = parser.parse_args(argv)

    import jieba

    from zhreader.fsutil import atomic_write_text
    from zhreader.pipeline.glossary.load import load_glossaries
    from zhreader.pipeline.words.annotate import Annotator

    jieba.setLogLevel(60)
    items = json.loads(args.json.read_text(encoding="utf-8"))
    annotator = Annotator.initialize(load_glossaries(()))
    learned = learn_table(annotator, items, args.thresholds)
    atomic_write_text(args.out, learned.text)
    for (alpha, share), got in sorted(learned.scores.items()):
        hits, total = pooled(got)
        spread = statistics.stdev(fold_shares(got)) / math.sqrt(FOLDS)
        print(
            f"alpha={alpha} min_share={share}: {hits}/{total} {hits / max(total, 1):.2%}"
            f" (standard error {spread:.2%}), {learned.sizes[alpha, share]} rows"
        )
    print(json.dumps({**learned.report, "out": str(args.out)}))


if __name__ == "__main__":
    sys.exit(main())
