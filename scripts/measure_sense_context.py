"""Measure the context model of senses: glosses with and without it, in the same run.

Run: python scripts/measure_sense_context.py SETTINGS [SENTENCES.tsv ...]

SETTINGS is a comma-separated list of ``margin:closest`` (closest 1: a sense
is scored by its nearest context word, 0: by the summed context), each
measured against the same Annotator without the model. The judged set of
benchmarks/glosses.py is scored on dev and held-out … held-out-4 only (the
blind halves are never read). A sentence file has one sentence a line,
``id<TAB>text<TAB>word|acceptable|acceptable;word|…``. ``--pages`` also
counts the glosses that change on the example and the 12 pages. The last
line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
HALVES = ("dev", "held-out", "held-out-2", "held-out-3", "held-out-4")
PAGES = ROOT.parent / "shared" / "corpus"


def shown(token) -> str:
    import glosses

    if token.kind in ("number", "latin"):
        return token.gloss or token.zh
    return glosses.first_sense(token.gloss)


def own_items(path: Path) -> list[tuple[str, str, list[str]]]:
    """Return (text, word, acceptable senses) of each judged word of a sentence file."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            _, text, judged = line.split("\t")
            for part in judged.split(";"):
                word, *acceptable = part.split("|")
                items.append((text, word, acceptable))
    return items


def score(annotator, items) -> list[int]:
    """Return [acceptable, n] of (text, word, nth, acceptable senses) items."""
    import glosses

    ok = 0
    for text, word, nth, acceptable in items:
        span = glosses.span_of(text, word, nth)
        english = glosses.shown_english(annotator.tokens(text), span, shown)
        ok += glosses.acceptable(english, acceptable)
    return [ok, len(items)]


def page_changes(before, after) -> dict[str, int]:
    """Count the lines and tokens of the example and the 12 pages whose gloss changes."""
    files = [PAGES / "linxiang-2020-04.txt", *sorted((PAGES / "pages").glob("*.txt"))]
    lines = tokens = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            pairs = zip(after.tokens(line.strip()), before.tokens(line.strip()), strict=True)
            changed = sum(a.gloss != b.gloss for a, b in pairs)
            lines += bool(changed)
            tokens += changed
    return {"lines": lines, "tokens": tokens}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("settings", help="margin:closest[,margin:closest…]")
    parser.add_argument("sentences", nargs="*", type=Path, help="own judged sentence files")
    parser.add_argument("--pages", action="store_true", help="count glosses changed on the pages")
    args = parser.parse_args()

    import glosses

    from zhreader.pipeline.glossary.load import load_glossaries
    from zhreader.pipeline.words import sense_context
    from zhreader.pipeline.words.annotate import Annotator

    loaded = Annotator.initialize(load_glossaries(()))
    parts = (loaded._segmenter, loaded.dictionary, loaded._reader, loaded._glossary)
    before = Annotator(*parts, loaded._glosses.senses, None)
    sentences, judged = glosses.load()
    sets: dict[str, list] = {half: [] for half in HALVES}
    for item in judged:
        row = sentences[item["sentence"]]
        if row["half"] in sets:
            entry = (row["text"], item["word"], int(item["nth"]), item["acceptable"].split("|"))
            sets[row["half"]].append(entry)
    for path in args.sentences:
        sets[path.stem] = [(text, word, 1, ok) for text, word, ok in own_items(path)]
    results = {"before": {name: score(before, items) for name, items in sets.items()}}
    for setting in args.settings.split(","):
        margin, closest = setting.split(":")
        sense_context.MARGIN, sense_context.CLOSEST = float(margin), closest == "1"
        after = Annotator(*parts, loaded._glosses.senses, sense_context.SenseVectors())
        found = {name: score(after, items) for name, items in sets.items()}
        if args.pages:
            found["pages_changed"] = page_changes(before, after)
        results[setting] = found
    for name in sets:
        row = "  ".join(f"{k}: {v[name][0]}/{v[name][1]}" for k, v in results.items())
        print(f"{name:<14}{row}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
