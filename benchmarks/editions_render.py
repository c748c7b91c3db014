"""What the word panel and the new formats cost: render time and size, with and without the lexicon.

Run: python benchmarks/editions_render.py [FILE]   (default: the example issue)

The issue is built once through the pipeline. Each renderer then runs on the
edition as built (with its lexicon: the word panel's data, the EPUB's word
lists) and on the same edition with an empty lexicon, the baseline: the
editions as they were before the panel, in the same run. CPU time
(``time.process_time``) is the best of ROUNDS after a warm-up render that
compiles the templates. The last line is one JSON object.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ROUNDS = 3


def best_time(render, edition) -> tuple[float, int]:
    """Return the best CPU time of ROUNDS renders and the output's size in bytes."""
    output = render(edition)  # warm-up: templates compile once
    times = []
    for _ in range(ROUNDS):
        start = time.process_time()
        output = render(edition)
        times.append(time.process_time() - start)
    data = output if isinstance(output, bytes) else output.encode("utf-8")
    return min(times), len(data)


def main() -> None:
    from zhreader.pipeline.build import BuildSettings, build_edition, load_resources
    from zhreader.reader.anki import build_deck
    from zhreader.reader.epub import build_epub
    from zhreader.reader.html import render_interlinear, render_side_by_side
    from zhreader.reader.vocab import vocab_tsv

    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "linxiang-2020-04.txt"
    settings = BuildSettings()
    edition, _messages, _stats = build_edition(source, settings, load_resources(settings))
    baseline = replace(edition, lexicon=())
    renderers = {
        "side_by_side": render_side_by_side,
        "interlinear": render_interlinear,
        "epub": lambda e: build_epub(e, "x"),
    }
    figures: dict[str, float | int] = {"lexicon_entries": len(edition.lexicon)}
    print(f"{source.name}: {len(edition.lexicon)} lexicon entries (words and their characters)")
    for name, render in renderers.items():
        cpu, size = best_time(render, edition)
        base_cpu, base_size = best_time(render, baseline)
        figures |= {
            f"{name}_s": round(cpu, 4),
            f"{name}_bytes": size,
            f"{name}_baseline_s": round(base_cpu, 4),
            f"{name}_baseline_bytes": base_size,
        }
        print(
            f"{name:13s} {cpu:6.3f} s {size / 1000:8.0f} KB   "
            f"without the lexicon {base_cpu:6.3f} s {base_size / 1000:8.0f} KB   "
            f"(×{cpu / base_cpu:.2f} time, ×{size / base_size:.2f} size)"
        )
    for name, render in {
        "anki": lambda e: build_deck(e, "x"),
        "vocab": lambda e: vocab_tsv(e, "x"),
    }.items():
        cpu, size = best_time(render, edition)
        figures |= {f"{name}_s": round(cpu, 4), f"{name}_bytes": size}
        print(f"{name:13s} {cpu:6.3f} s {size / 1000:8.0f} KB")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
