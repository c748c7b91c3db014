"""Input scale: time and peak memory per MB of input, for five shapes and four sizes.

    python benchmarks/input_scale.py [--sizes 100,400,1600,6400] [--shapes normal,...]

Each input is generated here (never committed) from the example's characters
and sentences, in five shapes: ``normal`` (the example page, repeated
whole), ``unpunctuated`` (one line of Han text without punctuation),
``short-sentences`` (one line of 2-6 character sentences), ``wrapped``
(sentences of 40 lines each, broken by the layout), ``tiny-paragraphs``
(one short sentence per paragraph). Sizes are KB of UTF-8.

Every build is a fresh ``zhreader build`` process (all formats, no
translation model, ``--max-input-mb 0``), so its peak RSS and its CPU time
are its own (``os.wait4``). The baseline, measured in the same run, is the
same command on the example page (16 KB): start-up, the dictionaries, the
pinyin model and the tables a build loads on first use (jieba's part-of-speech
tables, 42 MB, which one sentence does not load). Figures per build are
*marginal*: (CPU seconds − baseline) ÷ MB and (peak RSS − baseline RSS) ÷ MB.
Time is CPU time (user + system)
because the build machines are shared: wall time moves with other people's
load, CPU time with the work done; both are reported. The growth ratio of a
shape is its marginal figure at the largest size ÷ at the smallest (1 is
linear; 4 would be quadratic over this 64× range). The last line is JSON with
the baseline, every build, the worst growth ratios and the largest peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "linxiang-2020-04.txt"
ZHREADER = Path(sys.executable).with_name("zhreader")
SHAPES = ("normal", "unpunctuated", "short-sentences", "wrapped", "tiny-paragraphs")


def _han(text: str) -> list[str]:
    from zhreader.han import is_han

    return [c for c in text if is_han(c)]


def _fill(size: int, make_piece) -> str:
    """Join pieces from ``make_piece()`` until the text has ``size`` bytes of UTF-8."""
    pieces, total = [], 0
    while total < size:
        piece = make_piece()
        pieces.append(piece)
        total += len(piece.encode("utf-8"))
    return "".join(pieces)


def make_input(shape: str, size: int, seed: int = 0) -> str:
    """Return about ``size`` bytes of text in the given shape."""
    example = EXAMPLE.read_text(encoding="utf-8")
    han = _han(example)
    rng = random.Random(seed)

    def run(low: int, high: int) -> str:
        start = rng.randrange(len(han) - high)
        return "".join(han[start : start + rng.randint(low, high)])

    if shape == "normal":
        # Whole pages in order: a page's blocks shuffled would interleave
        # articles in ways no paper prints (and that text checks reject).
        return _fill(size, lambda: example.rstrip("\n") + "\n\n")
    if shape == "unpunctuated":
        return _fill(size, lambda: run(20, 60)) + "\n"
    if shape == "short-sentences":
        return "标题\n\n" + _fill(size, lambda: run(2, 6) + "。") + "\n"
    if shape == "wrapped":
        count = iter(range(10**9))

        def line() -> str:
            end = "。\n" if next(count) % 40 == 39 else "\n"
            return run(15, 17) + "，" + run(18, 20) + end

        return "标题\n\n" + _fill(size, line)
    if shape == "tiny-paragraphs":
        return _fill(size, lambda: run(3, 8) + "。\n\n")
    raise ValueError(shape)


def build(path: Path, out: Path) -> tuple[float, float, float]:
    """Build one input in a fresh process; return (wall seconds, CPU seconds, peak RSS in MB)."""
    command = [str(ZHREADER), "build", str(path), "--out", str(out), "--max-input-mb", "0"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build of {path.name} failed: {process.stderr.read().decode()[-500:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,400,1600,6400", help="KB, comma-separated")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    sizes = [int(s) * 1000 for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")
    results, growth = [], {}
    with tempfile.TemporaryDirectory(prefix="zhreader-scale-") as tmp:
        work = Path(tmp)
        base_path = work / "baseline.txt"
        base_path.write_bytes(EXAMPLE.read_bytes())
        base_wall, base_cpu, base_rss = build(base_path, work / "out")
        print(
            f"baseline (the example page): {base_wall:.2f} s, "
            f"{base_cpu:.2f} s CPU, {base_rss:.0f} MB peak RSS"
        )
        for shape in shapes:
            per_mb = []
            for size in sizes:
                path = work / f"{shape}-{size // 1000}k.txt"
                path.write_text(make_input(shape, size), encoding="utf-8")
                megabytes = path.stat().st_size / 1e6
                wall, cpu, rss = build(path, work / "out")
                s_mb = (cpu - base_cpu) / megabytes
                rss_mb = max(rss - base_rss, 0.0) / megabytes
                per_mb.append((s_mb, rss_mb))
                results.append(
                    {"shape": shape, "kb": size // 1000, "seconds": round(wall, 2),
                     "cpu_seconds": round(cpu, 2), "peak_rss_mb": round(rss, 1),
                     "cpu_s_per_mb": round(s_mb, 2), "rss_mb_per_mb": round(rss_mb, 1)}
                )
                print(
                    f"{shape:>16} {size // 1000:>5} KB: {wall:7.1f} s ({cpu:7.1f} s CPU), "
                    f"{rss:6.0f} MB peak; marginal {s_mb:6.1f} CPU s/MB, {rss_mb:6.0f} MB/MB",
                    flush=True,
                )
                path.unlink()
            if len(per_mb) > 1:
                growth[shape] = {
                    "time": round(per_mb[-1][0] / max(per_mb[0][0], 1e-9), 2),
                    "memory": round(per_mb[-1][1] / max(per_mb[0][1], 1e-9), 2),
                }
    figures = {
        "baseline_seconds": round(base_wall, 2),
        "baseline_cpu_seconds": round(base_cpu, 2),
        "baseline_rss_mb": round(base_rss, 1),
        "sizes_kb": [s // 1000 for s in sizes],
        "growth": growth,
        "worst_time_growth": max((g["time"] for g in growth.values()), default=None),
        "worst_memory_growth": max((g["memory"] for g in growth.values()), default=None),
        "max_peak_rss_mb": max(r["peak_rss_mb"] for r in results),
        "builds": results,
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
