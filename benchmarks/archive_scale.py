"""Archive scale: full, incremental and unchanged runs, the library in Chromium, local vs Dask.

    python benchmarks/archive_scale.py [--issues 300 1000] [--sample 16] [--jobs 2] [--work DIR]
        [--baseline main] [--resume FOLDER OUT SECONDS [--first N]]

For each size, a synthetic archive (the example's paragraphs recombined per
issue, one issue a day from 2019-01-01, so 3,000 issues span eight years;
generated here, never committed) is built by ``zhreader batch`` in a fresh
process per run, as cron would: a full run, an incremental run with one new
issue, and an unchanged rerun. Each run reports its driver's peak RSS (the
process that writes the manifest and the library) and its workers' peak. Then
the library is opened from ``file://`` in Debian's headless Chromium: index
load time, JS heap, and the latency of three searches (a Chinese word, a
toneless pinyin word, an English word), each in a fresh page.

Baseline in the same run: the local pool vs a Dask LocalCluster building the
same ``--sample`` issues (fresh output each, same jobs).

``--baseline main`` also times each size's unchanged reruns with main's code
(laid out from ``git archive``, run through ``PYTHONPATH``), in the same run.
``--resume FOLDER OUT SECONDS`` finishes and measures an archive whose full
run was killed (the build did not fit the time here), ``--first N`` the
archive of its N oldest issues.

``--cloned N`` measures the library alone at sizes too large to build here:
``--sample`` real issues are built, then their library files (record,
sentences, postings) are copied under N dated slugs, one a day, and the
library step (catalogue sync and pages) runs on them in a fresh process:
full, +1 issue, unchanged; then the same Chromium figures. The issues' text
repeats, so the search finds N/``--sample`` times each sentence.

The last line is one JSON object: per size ``full_s``, ``incremental_s``,
``incremental_fraction``, ``unchanged_s``, ``driver_peak_rss_mb``,
``unchanged_without_memo_s`` (the median of three reruns each, with and
without the signature memo: the latter is main's behaviour before it; wall
and, as ``*_cpu_s``, CPU seconds of the process and its children, which a
loaded machine does not inflate),
``worker_peak_rss_mb``, ``library_mb``, ``out_mb``, ``files``, ``index_kb``,
``index_load_ms``, ``js_heap_mb``, ``search_ms`` {zh, pinyin, en} and
``search_hits``; then ``local_s``, ``dask_s`` and ``dask_overhead``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from batch_scale import make_archive  # noqa: E402 - the same synthetic issues

QUERIES = {"zh": "扶贫", "pinyin": "fupin", "en": "poverty"}
BASELINE: list[Path] = []  # --baseline: the folder of the baseline's zhreader package
# Run in a fresh interpreter per batch: the driver's peak RSS is then this run's.
_RUNNER = """
import json, resource, sys, tempfile
from pathlib import Path
from zhreader.pipeline.batch import run_batch
from zhreader.pipeline.build import BuildSettings
if sys.argv[5] == "cold":  # main's behaviour: no signature memo, the resources are loaded
    from zhreader.pipeline import signature_memo
    empty = Path(tempfile.mkdtemp())
    signature_memo.memo_folder = lambda: empty
summary = run_batch(Path(sys.argv[1]), Path(sys.argv[2]), BuildSettings(), int(sys.argv[3]),
                    engine=sys.argv[4])
print(json.dumps({"built": len(summary.built), "skipped": len(summary.skipped),
                  "failed": len(summary.failed), "driver_mb": summary.main_rss_mb,
                  "worker_mb": summary.peak_rss_mb,
                  "cpu_s": sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
                               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))}))
"""
LIBRARY_PARTS = ("index.html", "failures.html", "years", "terms", "search")
ISSUE_LIBRARY_FILES = ("library.json", "search.js", "search-keys.json")


def batch(
    folder: Path,
    out: Path,
    jobs: int,
    engine: str = "local",
    memo: str = "warm",
    code: Path | None = None,
) -> tuple[dict, float]:
    """Run one batch in a fresh process; return (its figures, wall seconds).

    ``memo="cold"`` runs without the signature memo; ``code`` is a folder
    holding another version's ``zhreader`` package (``baseline_code``).
    """
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(folder), str(out), str(jobs), engine, memo],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    seconds = time.perf_counter() - started
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    if figures["failed"]:
        print(f"  {figures['failed']} failed", file=sys.stderr)
    return figures, seconds


def baseline_code(ref: str, dest: Path) -> Path:
    """Lay out the ``zhreader`` package of git ``ref`` as installed (pyproject's package-dir)."""
    tree = dest / "tree"
    tree.mkdir(parents=True)
    git = ["git", "-C", str(ROOT), "archive", ref]
    archive = subprocess.run(git, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    package = dest / "code" / "zhreader"
    shutil.copytree(tree / "zhreader", package)
    shutil.copytree(tree / "pipeline", package / "pipeline")
    shutil.copytree(tree / "reader", package / "reader")
    shutil.copy(tree / "glossary.tsv", package / "glossary.tsv")
    return package.parent


def disk(out: Path) -> dict:
    """Return sizes in MB: the library's pages and index, everything, and the file count."""
    library = 0
    for part in LIBRARY_PARTS:
        path = out / part
        files = [path] if path.is_file() else (path.rglob("*") if path.is_dir() else [])
        library += sum(p.stat().st_size for p in files if p.is_file())
    for name in ISSUE_LIBRARY_FILES:
        library += sum(p.stat().st_size for p in out.glob(f"*/{name}"))
    every = [p for p in out.rglob("*") if p.is_file()]
    return {
        "library_mb": round(library / 2**20, 1),
        "out_mb": round(sum(p.stat().st_size for p in every) / 2**20, 1),
        "files": len(every),
        "index_kb": round((out / "index.html").stat().st_size / 1024, 1),
    }


def browser(out: Path) -> dict:
    """Open the library from file:// in headless Chromium; time the page and three searches."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM_ARGS

    chromium = shutil.which("chromium")
    if chromium is None:
        return {}
    figures: dict = {"search_ms": {}, "search_hits": {}}
    with sync_playwright() as p:
        engine = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = engine.new_page()
        started = time.perf_counter()
        page.goto((out / "index.html").as_uri(), wait_until="load")
        figures["index_load_ms"] = round((time.perf_counter() - started) * 1000, 1)
        figures["js_heap_mb"] = _heap_mb(page)
        page.close()
        for name, query in QUERIES.items():
            page = engine.new_page()
            page.goto((out / "index.html").as_uri(), wait_until="load")
            started = time.perf_counter()
            page.fill("#q", query)
            page.press("#q", "Enter")
            page.wait_for_function(
                "document.getElementById('search-status').textContent.indexOf('sentence') !== -1",
                timeout=120_000,
            )
            figures["search_ms"][name] = round((time.perf_counter() - started) * 1000, 1)
            figures["search_hits"][name] = page.locator("#search-status").inner_text()
            figures[f"js_heap_after_{name}_mb"] = _heap_mb(page)
            page.close()
        engine.close()
    return figures


def _heap_mb(page) -> float:
    session = page.context.new_cdp_session(page)
    session.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    session.detach()
    return round(metrics["JSHeapUsedSize"] / 2**20, 1)


def one_size(base: Path, issues: int, jobs: int) -> dict:
    """Build an archive of ``issues``: full, +1 issue, unchanged; then measure the library."""
    folder, out = base / f"archive-{issues}", base / f"out-{issues}"
    make_archive(folder, issues)
    full, full_s = batch(folder, out, jobs)
    figures = {"full_s": round(full_s, 1), "built": full["built"]}
    figures.update(after_full(folder, out, jobs, issues, full_s, full["driver_mb"]))
    figures["worker_peak_rss_mb"] = round(full["worker_mb"], 1)
    print(f"{issues} issues: {json.dumps(figures, ensure_ascii=False)}", flush=True)
    shutil.rmtree(out)
    return figures


def after_full(
    folder: Path, out: Path, jobs: int, next_day: int, full_s: float, full_driver_mb: float
) -> dict:
    """Measure a built archive: +1 issue (day ``next_day``), unchanged reruns, disk, Chromium."""
    make_archive(folder, 1, start=next_day)
    inc, inc_s = batch(folder, out, jobs)
    same, same_s = batch(folder, out, jobs)
    # Three of each, alternating (the machine's load drifts): with the memo, without.
    warm, cold, main = [(same_s, same["cpu_s"])], [], []
    for _ in range(3):
        figures, seconds = batch(folder, out, jobs, memo="cold")
        cold.append((seconds, figures["cpu_s"]))
        if BASELINE:
            figures, seconds = batch(folder, out, jobs, code=BASELINE[0])
            assert figures["built"] == 0, "the baseline's code rebuilt the archive"
            main.append((seconds, figures["cpu_s"]))
        if len(warm) < 3:
            figures, seconds = batch(folder, out, jobs)
            warm.append((seconds, figures["cpu_s"]))
    baseline = {}
    if main:
        baseline = {
            "unchanged_baseline_s": _median(main, 0),
            "unchanged_baseline_cpu_s": _median(main, 1),
            "unchanged_baseline_runs_s": [round(x, 2) for x, _ in main],
        }
    return {
        "incremental_s": round(inc_s, 2),
        "incremental_built": inc["built"],
        "incremental_fraction": round(inc_s / full_s, 4),
        "unchanged_s": _median(warm, 0),
        "unchanged_cpu_s": _median(warm, 1),
        "unchanged_runs_s": [round(x, 2) for x, _ in warm],
        "unchanged_without_memo_s": _median(cold, 0),
        "unchanged_without_memo_cpu_s": _median(cold, 1),
        "unchanged_without_memo_runs_s": [round(x, 2) for x, _ in cold],
        **baseline,
        "unchanged_built": same["built"],
        "driver_peak_rss_mb": round(max(full_driver_mb, inc["driver_mb"]), 1),
        "incremental_driver_rss_mb": round(inc["driver_mb"], 1),
        **disk(out),
        **browser(out),
    }


def _median(runs: list[tuple[float, float]], column: int) -> float:
    return round(sorted(run[column] for run in runs)[len(runs) // 2], 2)


def resumed(folder: Path, out: Path, jobs: int, built_s: float, first: int) -> dict:
    """Finish an archive whose full run was killed after ``built_s`` seconds, then measure it.

    Inputs the killed run did not build are removed first (they would be built
    now); the resumed run writes the library of the ones it did, as the full
    run would have. Its full-run time is ``built_s`` plus the resumed run's.
    ``first`` > 0 measures, instead, the archive of the ``first`` oldest built
    issues (their folders hard-linked, their manifest records copied): an
    archive built by the same run, for a smaller size without building it again.
    """
    built = _built_records(out)
    if first:
        folder, out = _subset(folder, out, sorted(built)[:first], built)
        built = _built_records(out)
    for path in folder.glob("*.txt"):
        if path.stem not in built:
            path.unlink()
    issues = len(built)
    finish, finish_s = batch(folder, out, jobs)
    full_s = built_s + finish_s
    figures = {
        "issues": issues,
        "killed_run_s": round(built_s, 1),
        "resumed_s": round(finish_s, 1),
        "resumed_built": finish["built"],
        "full_s": round(full_s, 1),
        "resumed_driver_rss_mb": round(finish["driver_mb"], 1),
    }
    last = max(dt.date.fromisoformat(slug[-10:]) for slug in built)
    next_day = (last - dt.date(2019, 1, 1)).days + 1  # make_archive's numbering
    figures.update(after_full(folder, out, jobs, next_day, full_s, finish["driver_mb"]))
    print(f"{issues} issues (resumed): {json.dumps(figures, ensure_ascii=False)}", flush=True)
    return figures


def _built_records(out: Path) -> dict[str, str]:
    """Return {slug: journal line} of the built issues, replaying the journal."""
    records = {}
    for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            data = json.loads(line)
        except ValueError:
            continue  # a line torn by the kill
        if "slug" in data:
            records[data["slug"]] = line if data["status"] == "built" else None
    return {slug: line for slug, line in records.items() if line is not None}


def _subset(folder: Path, out: Path, slugs: list[str], built: dict) -> tuple[Path, Path]:
    small, small_out = folder.with_name(f"{folder.name}-first"), out.with_name(f"{out.name}-first")
    small.mkdir()
    small_out.mkdir()
    for slug in slugs:
        os.link(folder / f"{slug}.txt", small / f"{slug}.txt")
        shutil.copytree(out / slug, small_out / slug, copy_function=os.link)
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    head = [line for line in lines if '"slug"' not in line and line.strip()]
    text = "\n".join([*head, *(built[slug] for slug in slugs)]) + "\n"
    (small_out / "manifest.jsonl").write_text(text, encoding="utf-8")
    return small, small_out


_LIBRARY_RUNNER = """
import json, resource, sys, time
from pathlib import Path
from zhreader.pipeline.batch import remake_library_record
from zhreader.pipeline.catalogue import open_catalogue, sync_catalogue, write_dirty_pages
from zhreader.pipeline.manifest import issue_record
out = Path(sys.argv[1])
started = time.perf_counter()
records = [issue_record(json.loads(line)) for line in open(sys.argv[2], encoding="utf-8")]
db = open_catalogue(out)
unreadable = sync_catalogue(db, out, records, remake_library_record)
pages = write_dirty_pages(db, out, [], remake_library_record)
print(json.dumps({"seconds": time.perf_counter() - started, "pages": pages,
                  "unreadable": len(unreadable),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def cloned(base: Path, count: int, sample: int, jobs: int) -> dict:
    """Measure the library step alone on ``count`` issues cloned from ``sample`` built ones."""
    folder, out = base / "seed", base / f"out-cloned-{count}"
    make_archive(folder, sample)
    batch(folder, out, jobs)
    seeds = sorted(p.parent for p in out.glob("*/library.json"))
    records = base / "records.jsonl"

    def add(number: int) -> None:
        day = (dt.date(2019, 1, 1) + dt.timedelta(days=number)).isoformat()
        seed = seeds[number % len(seeds)]
        slug = f"clone-{day}"
        target = out / slug
        target.mkdir()
        old_day = json.loads((seed / "library.json").read_text(encoding="utf-8"))["date"]
        for name in ISSUE_LIBRARY_FILES:
            text = (seed / name).read_text(encoding="utf-8")
            if name != "search-keys.json":
                text = text.replace(seed.name, slug).replace(old_day, day)
            (target / name).write_text(text, encoding="utf-8")
        record = {
            "slug": slug,
            "path": f"{slug}.txt",
            "input_sha256": slug,
            "sidecar_sha256": None,
            "signature": "bench",
            "glossary_checked": "bench",
            "status": "built",
            "files": [f"{slug}/{name}" for name in ISSUE_LIBRARY_FILES],
            "date": day,
        }
        with open(records, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def library() -> dict:
        done = subprocess.run(
            [sys.executable, "-c", _LIBRARY_RUNNER, str(out), str(records)],
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(done.stdout.strip().splitlines()[-1])

    kept = base / "seeds"  # the seeds leave the library: only clones are listed
    kept.mkdir()
    seeds[:] = [Path(shutil.move(seed, kept / seed.name)) for seed in seeds]
    for name in ("index.html", "years", "terms", "search", ".library", "manifest.jsonl"):
        path = out / name
        shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
    for number in range(count):
        add(number)
    full = library()
    add(count)
    inc = library()
    same = library()
    figures = {
        "library_full_s": round(full["seconds"], 1),
        "library_incremental_s": round(inc["seconds"], 2),
        "library_incremental_pages": inc["pages"],
        "library_unchanged_s": round(same["seconds"], 2),
        "library_unchanged_pages": same["pages"],
        "library_peak_rss_mb": round(max(full["rss_mb"], inc["rss_mb"]), 1),
        **disk(out),
        **browser(out),
    }
    print(f"library alone, {count} cloned issues: {json.dumps(figures)}", flush=True)
    shutil.rmtree(out)
    records.unlink()
    return figures


def engines(base: Path, sample: int, jobs: int) -> dict:
    """Build the same sample with the local pool and a Dask LocalCluster."""
    folder = base / "sample"
    make_archive(folder, sample)
    _, local_s = batch(folder, base / "sample-local", jobs, "local")
    _, dask_s = batch(folder, base / "sample-dask", jobs, "dask")
    figures = {
        "sample": sample,
        "local_s": round(local_s, 1),
        "dask_s": round(dask_s, 1),
        "dask_overhead": round(dask_s / local_s - 1, 3),
    }
    print(f"local pool vs Dask LocalCluster: {json.dumps(figures)}", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, nargs="*", default=[300, 1000])
    parser.add_argument("--sample", type=int, default=16)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--no-engines", action="store_true", help="skip local vs Dask")
    parser.add_argument("--cloned", type=int, nargs="*", default=[], help="library-only sizes")
    parser.add_argument(
        "--work", type=Path, help="folder for the archives and outputs (default: a temporary one)"
    )
    parser.add_argument(
        "--resume",
        nargs=3,
        metavar=("FOLDER", "OUT", "SECONDS"),
        help="finish and measure an archive whose full run was killed after SECONDS",
    )
    parser.add_argument("--first", type=int, default=0, help="with --resume: its N oldest issues")
    parser.add_argument(
        "--baseline", metavar="REF", help="also time unchanged reruns with git REF's code (main)"
    )
    args = parser.parse_args()
    result: dict = {"jobs": args.jobs}
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
    if args.baseline:
        code = Path(tempfile.mkdtemp(prefix="zhreader-baseline-", dir=args.work))
        BASELINE.append(baseline_code(args.baseline, code))
        result["baseline"] = args.baseline
    if args.resume:
        folder, out, seconds = Path(args.resume[0]), Path(args.resume[1]), float(args.resume[2])
        result["resumed"] = resumed(folder, out, args.jobs, seconds, args.first)
        print(json.dumps(result, ensure_ascii=False))
        return
    with tempfile.TemporaryDirectory(prefix="zhreader-archive-bench-", dir=args.work) as tmp:
        base = Path(tmp)
        if not args.no_engines:
            result.update(engines(base, args.sample, args.jobs))
        for issues in args.issues:
            result[str(issues)] = one_size(base, issues, args.jobs)
        for count in args.cloned:
            result[f"cloned-{count}"] = cloned(base, count, args.sample, args.jobs)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
