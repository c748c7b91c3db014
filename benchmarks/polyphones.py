"""Polyphone accuracy of zhreader's pinyin on a CPP-style .sent/.lb pair.

    python benchmarks/polyphones.py dev.sent dev.lb [--limit N] [--segmenter annotator|jieba]
        [--context-model OTHER.npz]

Each line of SENT holds one sentence with one character wrapped in U+2581
(``▁了▁``); the same line of LB holds its gold reading in CEDICT style (``le5``,
``lu:4``). The script compares, in one run:

- baseline: jieba words → pypinyin (``pinyin(word)``), the usual recipe;
- context model alone: g2pM's BiLSTM (this project's numpy port), argmax over
  the character's readings, pypinyin for characters it does not know;
- the trained model alone (``context_model``, on the chosen segmenter's
  words), g2pM where it does not know the character;
- zhreader: the real segmenter (the Annotator's, with name and place kinds)
  or plain jieba, then ``PinyinReader.read``;
- the same reader without the label shift (``prior_shift`` 0: the trained
  model keeps g2pL's reading priors, as on main before it), the baseline.

``--context-model`` reads another weights file for the trained model (main's,
or a candidate from scripts/train_polyphones.py) instead of the shipped one,
so two files can be compared with the same code. It reports each on the
first and second half of the file (the rules were
written looking at the first half only) and the reader's time per sentence.
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

# The checkout this script lies in, not whichever zhreader is installed: a
# baseline checkout run with another checkout's interpreter measures its own code.
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def syllable_at(words, readings, index: int, is_han) -> str:
    """Return the syllable the readings give the character at ``index``."""
    start = 0
    for word, syllables in zip(words, readings, strict=True):
        if start <= index < start + len(word):
            han = [i for i, c in enumerate(word, start) if is_han(c)]
            return syllables[han.index(index)] if index in han else ""
        start += len(word)
    return ""


def kind_of(word: str, is_han) -> str:
    """Guess a token kind for plain jieba words (no names or places)."""
    if any(is_han(c) for c in word):
        return "word"
    return "latin" if word.isascii() and word.strip().isalnum() else "punct"


def score(name: str, answers: list[str], pairs, numbered) -> dict:
    """Return accuracy figures for one method, overall and on each half."""
    golds = [g for _, _, g in pairs]
    right = [bool(a) and numbered(a) == numbered(g) for a, g in zip(answers, golds, strict=True)]
    half = len(right) // 2 + len(right) % 2
    figures = {
        "accuracy": 100 * sum(right) / len(right),
        "correct": sum(right),
        "n": len(right),
        "first_half": 100 * sum(right[:half]) / max(half, 1),
        "second_half": 100 * sum(right[half:]) / max(len(right) - half, 1),
    }
    print(
        f"{name:<28} {figures['accuracy']:7.3f}%  ({figures['correct']}/{figures['n']})"
        f"   first half {figures['first_half']:6.2f}%   second half {figures['second_half']:6.2f}%"
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sent", type=Path)
    parser.add_argument("lb", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--segmenter", choices=("annotator", "jieba"), default="annotator")
    parser.add_argument("--errors", type=Path, help="write the reader's mistakes here (TSV)")
    parser.add_argument(
        "--context-model",
        type=Path,
        help="another weights file for the trained model (e.g. main's), instead of the shipped one",
    )
    args = parser.parse_args()

    import jieba
    import pypinyin

    from zhreader.han import is_han
    from zhreader.pinyin_text import numbered
    from zhreader.pipeline.words.context_model import ContextModel, read_marked
    from zhreader.pipeline.words.pinyin import PinyinReader
    from zhreader.pipeline.words.polyphone import PolyphoneModel

    jieba.setLogLevel(60)
    pairs = read_marked(args.sent, args.lb)[: args.limit]
    print(f"{len(pairs)} sentences from {args.sent}")

    started = time.perf_counter()
    for sentence, _, _ in pairs:
        pypinyin.lazy_pinyin(jieba.lcut(sentence))
    bare_ms = 1000 * (time.perf_counter() - started) / len(pairs)
    segmented = [jieba.lcut(s) for s, _, _ in pairs]
    baseline = []
    for words, (_, index, _) in zip(segmented, pairs, strict=True):
        han = ["".join(c for c in w if is_han(c)) for w in words]
        flat = [tuple(r[0] for r in pypinyin.pinyin(h)) if h else () for h in han]
        baseline.append(syllable_at(words, flat, index, is_han))
    results = {"baseline_pypinyin": score("jieba → pypinyin", baseline, pairs, numbered)}

    model = PolyphoneModel.load()
    alone = []
    for (sentence, index, _), base in zip(pairs, baseline, strict=True):
        known = model.handles(sentence[index])
        alone.append(model.predict(sentence, [index])[0] if known else base)
    results["baseline_g2pm"] = score("g2pM alone (numpy port)", alone, pairs, numbered)
    context = ContextModel.load(args.context_model)
    tokenize = _tokenizer(args.segmenter, segmented, is_han)
    words_used = [tokenize(k, sentence)[0] for k, (sentence, _, _) in enumerate(pairs)]
    results["trained_alone"] = score(
        "trained model alone", _trained_alone(pairs, words_used, alone, context), pairs, numbered
    )

    started = time.perf_counter()
    reader = PinyinReader.initialize(context=context)
    load_seconds = time.perf_counter() - started
    answers = []
    spent = 0.0
    for k, (sentence, index, _) in enumerate(pairs):
        words, kinds = tokenize(k, sentence)
        started = time.perf_counter()
        readings = reader.read(words, kinds)
        spent += time.perf_counter() - started
        answers.append(syllable_at(words, readings, index, is_han))
    ours = score(f"zhreader ({args.segmenter})", answers, pairs, numbered)
    if args.errors:
        _write_errors(args.errors, pairs, answers, alone, numbered)
    ms = 1000 * spent / len(pairs)
    batch = [tokenize(k, sentence) for k, (sentence, _, _) in enumerate(pairs)]
    unshifted = PinyinReader.initialize(prior_shift=0.0, context=context).read_many(batch)
    results["no_prior_shift"] = score(
        "zhreader, no prior shift",
        [
            syllable_at(words, found, index, is_han)
            for (words, _), found, (_, index, _) in zip(batch, unshifted, pairs, strict=True)
        ],
        pairs,
        numbered,
    )

    started = time.perf_counter()
    again = reader.read_many(batch)
    many_ms = 1000 * (time.perf_counter() - started) / len(pairs)
    same = again == [reader.read(w, k) for w, k in batch[:200]] + again[200:]
    print(
        f"time per sentence: bare jieba.lcut + lazy_pinyin {bare_ms:.3f} ms;"
        f" reader.read {ms:.3f} ms (first sight of each word);"
        f" reader.read_many {many_ms:.3f} ms (words seen before)"
        f"; initialize {load_seconds:.2f} s; read_many == read: {same}"
    )
    summary = {**ours, **{k: round(v["accuracy"], 2) for k, v in results.items()}}
    summary["halves"] = {
        k: [round(v["first_half"], 2), round(v["second_half"], 2)] for k, v in results.items()
    }
    summary.update(
        ms_per_sentence=round(ms, 3),
        ms_per_sentence_many=round(many_ms, 3),
        ms_per_sentence_bare=round(bare_ms, 3),
        signature=reader.signature_part(),
    )
    print(json.dumps(summary))


def _trained_alone(pairs, segmented, fallback, model) -> list[str]:
    """Answer with the trained context ``model`` where it knows the character, else ``fallback``."""
    from zhreader.pipeline.words.context_model import Site, features
    from zhreader.pipeline.words.dictionary import Dictionary

    tag = Dictionary.load().word_tag
    answers = []
    for (sentence, index, _), words, other in zip(pairs, segmented, fallback, strict=True):
        if not model.handles(sentence[index]):
            answers.append(other)
            continue
        site = Site.at(words, index)
        scores = model.log_probs(sentence[index], features(site, tag))
        answers.append(max(scores, key=scores.__getitem__))
    return answers


def _write_errors(path: Path, pairs, answers, alone, numbered) -> None:
    """Write line, character, gold, reader's answer, model's answer, sentence."""
    rows = [
        f"{k + 1}\t{s[i]}\t{g}\t{numbered(a) if a else '-'}\t{numbered(m) if m else '-'}\t{s}"
        for k, ((s, i, g), a, m) in enumerate(zip(pairs, answers, alone, strict=True))
        if not a or numbered(a) != numbered(g)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def _tokenizer(name: str, segmented, is_han):
    """Return a function (k, sentence) -> (words, kinds) for the chosen segmenter."""
    if name == "jieba":
        return lambda k, s: (segmented[k], [kind_of(w, is_han) for w in segmented[k]])
    from zhreader.pipeline.words.dictionary import Dictionary
    from zhreader.pipeline.words.segment import Segmenter

    segmenter = Segmenter.initialize(Dictionary.load())

    def tokenize(k, sentence):
        pieces = segmenter.segment(sentence)
        return [p.text for p in pieces], [p.kind for p in pieces]

    return tokenize


if __name__ == "__main__":
    main()
