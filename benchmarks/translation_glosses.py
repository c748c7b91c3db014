"""Everyday sense choice: the shown gloss against the English of translated HSK sentences.

Run: python benchmarks/translation_glosses.py PATH/hsk_sentences_audio/data/sentences.json
         [--main /work/main]

hsk-sentences-audio 1.0.0 (PyPI, CC BY-SA 4.0; not shipped) gives 4,354 HSK
sentences with an English translation. For every token whose CC-CEDICT
senses (read as the token is) differ in whether the translation attests them
(``translation_senses.informative``: half of a sense's content words in the
translation, lemmatised), the measure counts whether the gloss the
interlinear line shows (the first sense) is attested too. It is reported for
the held-out half (even sentence numbers, never learned from: the figure)
and the training half (odd numbers, which scripts/learn_translation_senses.py
learns from), for this checkout and, in the same run, for the checkout given
by ``--main`` (run with that checkout's own ``.venv/bin/python`` and a cache
of its own, as a child process that prints the shown glosses). Both systems
are scored here by one scorer, on the tokens each one cut. The last line is
one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shown_words(texts: list[str], annotator=None) -> list[list[list[str]]]:
    """Annotate ``texts``; return each one's words as [word, numbered reading, shown gloss].

    Only what every checkout has is used (the Annotator, ``first_sense``), so
    the child run in another checkout calls this same function.
    """
    import jieba

    from zhreader.pinyin_text import numbered
    from zhreader.pipeline.glossary.load import load_glossaries
    from zhreader.pipeline.words.annotate import Annotator
    from zhreader.reader.context import first_sense

    jieba.setLogLevel(60)
    annotator = annotator or Annotator.initialize(load_glossaries(()))
    simplified = annotator.dictionary.simplified
    return [
        [
            [simplified(t.zh), " ".join(numbered(s) for s in t.pinyin), first_sense(t.gloss) or ""]
            for t in tokens
            if t.kind == "word" and t.term is None
        ]
        for tokens in annotator.tokens_many(texts)
    ]


def main_words(main: Path, texts: list[str]) -> list[list[list[str]]]:
    """Run ``shown_words`` in the checkout ``main`` with its own interpreter and cache."""
    with tempfile.TemporaryDirectory() as scratch:
        given, taken = Path(scratch, "texts.json"), Path(scratch, "words.json")
        given.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env["ZHREADER_CACHE_DIR"] = env.get("ZHREADER_CACHE_DIR", "/tmp/zhcache") + "-main"
        subprocess.run(
            [str(main / ".venv/bin/python"), __file__, "--emit", str(given), str(taken)],
            cwd=main,
            env=env,
            check=True,
        )
        return json.loads(taken.read_text(encoding="utf-8"))


def score(words, items, chooser) -> dict[str, dict]:
    """Return the attested share of informative tokens per half ("held-out", "training")."""
    from zhreader.pipeline.words.translation_senses import (
        attested,
        english_stems,
        informative,
        training_half,
    )

    counts = {"held-out": [0, 0], "training": [0, 0]}
    for sentence, item in zip(words, items, strict=True):
        stems = english_stems(item["translation"]["en"])
        half = counts["training" if training_half(item["id"]) else "held-out"]
        for word, reading, shown in sentence:
            senses = chooser.word_senses(word, tuple(reading.split()))
            if len(senses) > 1 and informative(senses, stems):
                half[1] += 1
                half[0] += attested(shown, stems)
    return {
        half: {"attested": a, "n": n, "ratio": round(a / n, 4) if n else None}
        for half, (a, n) in counts.items()
    }


def main() -> None:
    if sys.argv[1:2] == ["--emit"]:
        given, taken = map(Path, sys.argv[2:4])
        sys.path.insert(0, str(Path.cwd()))
        texts = json.loads(given.read_text(encoding="utf-8"))
        taken.write_text(json.dumps(shown_words(texts), ensure_ascii=False), encoding="utf-8")
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json", type=Path, help="hsk_sentences_audio/data/sentences.json")
    parser.add_argument("--main", type=Path, help="a checkout to score in the same run (baseline)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    from zhreader.pipeline.glossary.load import load_glossaries
    from zhreader.pipeline.words.annotate import Annotator

    items = json.loads(args.json.read_text(encoding="utf-8"))
    texts = [item["chinese"] for item in items]
    annotator = Annotator.initialize(load_glossaries(()))
    result = {"zhreader": score(shown_words(texts, annotator), items, annotator.glosses)}
    if args.main:
        result["main"] = score(main_words(args.main, texts), items, annotator.glosses)
    for system, halves in result.items():
        for half, figures in halves.items():
            print(f"{system:<10}{half:<10}{figures['attested']:>6}/{figures['n']:<6}"
                  f"{figures['ratio']:.2%}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
