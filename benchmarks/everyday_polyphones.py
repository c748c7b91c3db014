"""Polyphone accuracy on everyday sentences: hsk-sentences-audio's 4,354 HSK sentences.

    python benchmarks/everyday_polyphones.py PATH/TO/sentences.json [--half all|train|held-out]
        [--context-model OTHER.npz]

The data set (hsk-sentences-audio 1.0.0 on PyPI, CC BY-SA 4.0; not a
dependency of zhreader: ``pip download hsk-sentences-audio`` and unzip, or
``pip install`` it in a scratch environment) gives each sentence's pinyin,
one numbered syllable per Han character. Every character that g2pM counts as
a polyphone is scored, in one run, for:

- baseline: jieba words → pypinyin (``pinyin(word)``);
- g2pM alone (this project's numpy port), argmax over the character's readings;
- zhreader: the Annotator (segmenter, glossary, pinyin reader): the stored
  citation tones, and the spoken form's neutral tones (the editions' option).

Two kinds of miss are counted apart, because they are not the reader's
mistakes in the usual sense: the labels write lexical neutral tones (认识
rènshi, 衣服 yīfu) where zhreader stores citation tones by design
(docs/pinyin.md), and the labels have errors of their own (到了 as liǎo).
``--half`` scores one half of the sentences only, cut by a fixed rule on
their ids (``translation_senses.training_half``: even numbers are held out): the
training script can learn from the other half (``--hsk``), so its everyday
figure is the held-out half's. ``--context-model`` reads another weights file
for the trained model (main's, or a candidate), so two files are compared with
the same code. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

# The checkout this script lies in, not whichever zhreader is installed: a
# baseline checkout run with another checkout's interpreter measures its own code.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zhreader.han import is_han  # noqa: E402


def by_character(words: list[tuple[str, list[str]]]) -> dict[int, str]:
    """Spread (word, numbered syllables) pairs over the sentence's character positions."""
    found, start = {}, 0
    for word, syllables in words:
        positions = [start + k for k, c in enumerate(word) if is_han(c)]
        if len(syllables) == len(positions):
            found.update(zip(positions, syllables, strict=True))
        start += len(word)
    return found


def with_neutral_tones(token, numbered) -> list[str]:
    """Return the token's syllables with the spoken form's neutral tones only.

    The labels write citation tones for 一 and 不 (一个 yi1 ge5), so the
    spoken form's 一/不 sandhi is left out; its neutral tones are kept.
    """
    syllables = [numbered(s.lower()) for s in token.pinyin]
    spoken = token.sandhi or ()
    for i, form in enumerate(spoken):
        if i < len(syllables) and numbered(form.lower()) == syllables[i][:-1] + "5":
            syllables[i] = syllables[i][:-1] + "5"
    return syllables


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("json", type=Path, help="hsk_sentences_audio/data/sentences.json")
    parser.add_argument("--half", choices=("all", "train", "held-out"), default="all")
    parser.add_argument(
        "--context-model", type=Path, help="another weights file for the trained model"
    )
    args = parser.parse_args()

    import jieba
    import pypinyin

    from zhreader.pinyin_text import numbered
    from zhreader.pipeline.words.annotate import Annotator
    from zhreader.pipeline.words.context_model import ContextModel, hsk_labels
    from zhreader.pipeline.words.pinyin import PinyinReader
    from zhreader.pipeline.words.polyphone import PolyphoneModel
    from zhreader.pipeline.words.translation_senses import training_half

    jieba.setLogLevel(60)
    items = json.loads(args.json.read_text(encoding="utf-8"))
    if args.half != "all":
        items = [it for it in items if training_half(it["id"]) == (args.half == "train")]
    reader = None
    if args.context_model:
        reader = lambda dictionary: PinyinReader.initialize(  # noqa: E731
            dictionary, context=ContextModel.load(args.context_model)
        )
    annotator = Annotator.initialize(reader=reader)
    model = PolyphoneModel.load()

    def pypinyin_syllables(word: str) -> list[str]:
        han = "".join(c for c in word if is_han(c))
        readings = pypinyin.pinyin(han, style=pypinyin.Style.TONE3, neutral_tone_with_five=True)
        return [r[0].replace("ü", "v") for r in readings] if han else []

    right: collections.Counter = collections.Counter()
    misses: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    neutral_only = unaligned = 0
    for item in items:
        labels = hsk_labels(item)
        if labels is None:
            unaligned += 1
            continue
        text = item["chinese"]
        polyphones = [i for i in labels if model.handles(text[i])]
        if not polyphones:
            continue
        tokens = annotator.tokens(text)
        ours = by_character([(t.zh, [numbered(s.lower()) for s in t.pinyin]) for t in tokens])
        spoken = by_character([(t.zh, with_neutral_tones(t, numbered)) for t in tokens])
        baseline = by_character([(w, pypinyin_syllables(w)) for w in jieba.lcut(text)])
        alone = dict(zip(polyphones, model.predict(text, polyphones), strict=True))
        for i in polyphones:
            right["n"] += 1
            for name, answers in (
                ("zhreader", ours),
                ("spoken", spoken),
                ("baseline", baseline),
                ("g2pm", alone),
            ):
                hit = answers.get(i) == labels[i]
                right[name] += hit
                if not hit:
                    misses[name][(text[i], labels[i], answers.get(i))] += 1
            answer = ours.get(i) or ""
            if labels[i].endswith("5") and answer[:-1] == labels[i][:-1] and answer != labels[i]:
                neutral_only += 1

    n = right["n"]
    print(
        f"{len(items)} sentences ({args.half}), {n} polyphones scored"
        f" ({unaligned} sentences not aligned); {annotator.signature_parts()['py']}"
    )
    figures = {}
    for name, label in (
        ("baseline", "jieba → pypinyin"),
        ("g2pm", "g2pM alone (numpy port)"),
        ("zhreader", "zhreader (annotator)"),
        ("spoken", "zhreader, spoken tones"),
    ):
        figures[name] = round(100 * right[name] / n, 2)
        print(f"{label:<28} {figures[name]:6.2f}%  ({right[name]}/{n})")
        common = ", ".join(f"{c} {g}→{a} ×{k}" for (c, g, a), k in misses[name].most_common(6))
        print(f"{'':<28} most frequent misses: {common}")
    print(
        f"zhreader misses that are a lexical neutral tone in the labels only: {neutral_only}"
        f" (accuracy counting them right: {100 * (right['zhreader'] + neutral_only) / n:.2f}%)"
    )
    print(
        json.dumps(
            {
                "accuracy": figures["zhreader"],
                "n": n,
                "correct": right["zhreader"],
                "baseline_pypinyin": figures["baseline"],
                "baseline_g2pm": figures["g2pm"],
                "neutral_tone_label_only": neutral_only,
                "half": args.half,
                "spoken_neutral_tones": figures["spoken"],
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
