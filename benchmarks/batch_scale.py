"""Batch scale: a synthetic archive, a full run, an incremental run, jobs=1 vs jobs=2.

    python benchmarks/batch_scale.py [--issues 300] [--sample 16]

The archive is generated here (never committed) by recombining the example's
paragraphs: issue ``i`` keeps a seeded random ~60% of them, in order, under a
dated file name. Figures:
  * full run of ``--issues`` issues (jobs = cores) and the incremental run that
    follows with one new issue: its time as a fraction of the full run;
  * throughput at jobs=1 and jobs=2 on a ``--sample``-issue archive, each
    into a fresh output folder and translation cache (the baseline is jobs=1);
  * peak RSS per worker on the sample and on the full archive (it must not
    grow with the number of issues).
The last line is JSON with incremental_fraction, issues_per_min_jobs1,
issues_per_min_jobs2, peak_rss_mb (and more).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "linxiang-2020-04.txt"


def paragraphs(text: str) -> list[str]:
    """Split the example into its blank-line separated blocks."""
    return [block.strip("\n") for block in text.split("\n\n") if block.strip()]


def make_archive(folder: Path, count: int, start: int = 0) -> list[Path]:
    """Write ``count`` synthetic issues into ``folder``; return their paths."""
    blocks = paragraphs(EXAMPLE.read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    first_day = dt.date(2019, 1, 1)
    paths = []
    for number in range(start, start + count):
        rng = random.Random(number)
        keep = sorted(rng.sample(range(len(blocks)), k=max(3, len(blocks) * 3 // 5)))
        day = first_day + dt.timedelta(days=number)
        path = folder / f"bench-daily-{day.isoformat()}.txt"
        path.write_text("\n\n".join(blocks[i] for i in keep) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def run(folder: Path, out: Path, jobs: int, resources):
    from zhreader.pipeline.batch import run_batch
    from zhreader.pipeline.build import BuildSettings

    started = time.perf_counter()
    summary = run_batch(folder, out, BuildSettings(), jobs, resources=resources)
    seconds = time.perf_counter() - started
    if summary.failed:
        print(f"  failures: {summary.failed[:3]}", file=sys.stderr)
    return summary, seconds


def per_minute(count: int, seconds: float) -> float:
    return count / seconds * 60 if seconds else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=300)
    parser.add_argument("--sample", type=int, default=16)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    from zhreader.pipeline.build import BuildSettings, load_resources

    # Loaded once and passed to every run, so that the signature cannot change
    # between the full and the incremental run while files in the work tree
    # (the glossary, the code) are being edited; a cron run pays this load once.
    started = time.perf_counter()
    resources = load_resources(BuildSettings())
    load_s = time.perf_counter() - started
    print(f"loading resources (once per batch process): {load_s:.1f}s")
    with tempfile.TemporaryDirectory(prefix="zhreader-batch-bench-") as tmp:
        base = Path(tmp)
        sample = base / "sample"
        make_archive(sample, args.sample)
        rates, sample_peak = {}, 0.0
        for jobs in (1, 2):
            summary, seconds = run(sample, base / f"out-sample-j{jobs}", jobs, resources)
            rates[jobs] = per_minute(len(summary.built), seconds)
            sample_peak = max(sample_peak, summary.peak_rss_mb)
            print(
                f"sample of {args.sample}, jobs={jobs}: {len(summary.built)} built in "
                f"{seconds:.1f}s = {rates[jobs]:.1f} issues/min, peak RSS per worker "
                f"{summary.peak_rss_mb:.0f} MB"
            )
        archive = base / "archive"
        make_archive(archive, args.issues)
        full, full_s = run(archive, base / "out", cores, resources)
        print(
            f"full run, {args.issues} issues, jobs={cores}: {len(full.built)} built, "
            f"{len(full.failed)} failed in {full_s:.1f}s = "
            f"{per_minute(len(full.built), full_s):.1f} issues/min, "
            f"peak RSS per worker {full.peak_rss_mb:.0f} MB"
        )
        make_archive(archive, 1, start=args.issues)
        incremental, inc_s = run(archive, base / "out", cores, resources)
        # Both runs of a real cron job load the resources once, so both pay it.
        fraction = (inc_s + load_s) / (full_s + load_s)
        print(
            f"incremental run (+1 issue): {len(incremental.built)} built, "
            f"{len(incremental.skipped)} skipped in {inc_s:.1f}s (+{load_s:.1f}s loading) = "
            f"{fraction:.1%} of the full run"
        )
        shards = list((base / "out").glob("*/search.js"))
        index_kb = sum(p.stat().st_size for p in shards) / 1024
        print(
            f"search index for {args.issues + 1} issues: {index_kb:.0f} KB "
            f"in {len(shards)} per-issue shards; "
            f"batch process peak (library included): {full.main_rss_mb:.0f} MB"
        )
    print(
        f"scaling jobs 1→2: {rates[2] / rates[1] if rates[1] else 0:.2f}x; "
        f"peak RSS per worker {sample_peak:.0f} MB ({args.sample} issues) vs "
        f"{full.peak_rss_mb:.0f} MB ({args.issues} issues)"
    )
    print(
        json.dumps(
            {
                "incremental_fraction": round(fraction, 4),
                "issues_per_min_jobs1": round(rates[1], 2),
                "issues_per_min_jobs2": round(rates[2], 2),
                "peak_rss_mb": round(full.peak_rss_mb, 1),
                "peak_rss_mb_sample": round(sample_peak, 1),
                "full_run_s": round(full_s, 2),
                "incremental_run_s": round(inc_s, 2),
                "load_s": round(load_s, 2),
                "issues": args.issues,
                "search_index_kb": round(index_kb, 1),
                "main_rss_mb": round(full.main_rss_mb, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
