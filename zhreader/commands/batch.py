"""`zhreader batch`: build every new or changed issue of a folder, then the library."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path, PurePosixPath

import click

from zhreader.commands.build import (
    NO_MODEL_HINT,
    settings_from_options,
    translation_options,
)


class Progress:
    """A one-line progress bar on a terminal, plain log lines elsewhere, or nothing.

    Hand-rolled rather than rich or tqdm: one line of arithmetic does not
    justify a runtime dependency.
    """

    def __init__(self, mode: str, stream=None) -> None:
        self.mode = mode  # "bar", "log" or "quiet"
        self.stream = stream or sys.stderr
        self.total = self.done = self.translated = 0
        self.started = time.monotonic()

    def __call__(self, kind: str, payload) -> None:
        if kind == "plan":
            self.total = payload[0]
            self.started = time.monotonic()
            if self.mode == "log":
                built, skipped, failed = payload
                self._line(f"plan: {built} to build, {skipped} up to date, {failed} failed early")
        elif kind == "reason" and self.mode == "log":
            self._line(f"to build: {payload[0]} ({payload[1]})")
        elif kind == "warning" and self.mode != "quiet":
            if self.mode == "bar":
                self._clear()
            self._line(f"warning: {payload}")
        elif kind == "issue":
            self.done += 1
            self.translated += payload.translated
            self._issue(payload)

    def _issue(self, result) -> None:
        if self.mode == "log":
            what = (
                f"built {result.slug} ({result.sentences} sentences, "
                f"{result.translated} translated, {result.seconds:.1f}s)"
                if result.ok
                else f"FAILED {result.rel}: {result.reason}"
            )
            self._line(f"[{self.done}/{self.total}] {what}")
        elif self.mode == "bar":
            if not result.ok:
                self._clear()
                self._line(f"FAILED {result.rel}: {result.reason}")
            self._bar()

    def _bar(self) -> None:
        width = 24
        filled = width * self.done // max(self.total, 1)
        elapsed = time.monotonic() - self.started
        left = elapsed / self.done * (self.total - self.done) if self.done else 0
        text = (
            f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} issues · "
            f"{self.translated} sentences translated · ETA {_duration(left)}"
        )
        self.stream.write(f"\r{text}\x1b[K")
        self.stream.flush()

    def _clear(self) -> None:
        self.stream.write("\r\x1b[K")

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.mode == "bar" and self.total:
            self.stream.write("\n")


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def summary_table(summary) -> str:
    """Return the end-of-run table: counts, sentences, time, failures."""
    translated = sum(r.translated for r in summary.built)
    cached = sum(r.from_cache for r in summary.built)
    sentences = sum(r.sentences for r in summary.built)
    rows = [
        ("built", str(len(summary.built))),
        ("skipped (up to date)", str(len(summary.skipped))),
        ("failed", str(len(summary.failed))),
        ("sentences in built issues", str(sentences)),
        ("translated / from cache", f"{translated} / {cached}"),
        ("time", _duration(summary.seconds)),
    ]
    if summary.removed:
        rows.insert(3, ("removed (input gone)", str(len(summary.removed))))
    width = max(len(name) for name, _ in rows)
    lines = [f"  {name:<{width}}  {value:>8}" for name, value in rows]
    lines += [f"  failed: {path}: {reason}" for path, reason in summary.failed]
    lines += notice_lines(summary.built)
    return "\n".join(["batch summary", *lines])


# Notices beyond this many are counted, not listed: each issue's edition.json has them all.
NOTICES_LISTED = 50


def notice_lines(built) -> list[str]:
    """Return the structure notices of the issues built, each naming its file and line."""
    notices = [_in_folder(result.rel, message) for result in built for message in result.notices]
    lines = [f"  notice: {notice}" for notice in notices[:NOTICES_LISTED]]
    if len(notices) > NOTICES_LISTED:
        lines.append(
            f"  … and {len(notices) - NOTICES_LISTED} more notices (each issue's edition.json "
            "lists its own)"
        )
    return lines


def _in_folder(rel: str, message: str) -> str:
    """Name the issue's file by its path under FOLDER (a notice names the file alone)."""
    folder = PurePosixPath(rel).parent.as_posix()
    return message if folder == "." else f"{folder}/{message}"


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder: one sub-folder per issue, index.html, manifest.json.",
)
@click.option(
    "--jobs",
    "-j",
    default=0,
    type=click.IntRange(0, 256),
    help="Issues built in parallel [default: the number of cores].",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Who builds the issues: a local process pool, or Dask (pip install 'zhreader[cluster]').",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    default=None,
    help="With --engine dask: an existing Dask scheduler [default: a local cluster of --jobs].",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary and failures.")
@click.option("--follow-symlinks", is_flag=True,
              help="Build files that symlinks in FOLDER point to outside FOLDER.")
@translation_options
def batch(
    folder,
    out,
    jobs,
    engine,
    scheduler,
    quiet,
    follow_symlinks,
    **options,
) -> None:
    """Build every new or changed issue under FOLDER into OUT, then the library.

    Issues are the *.txt files under FOLDER (hidden files and folders are
    skipped). A rerun rebuilds only what changed; a failed issue is reported
    and the others are built; the exit code is 1 when any issue failed.

    \b
    Example (cron, every morning at 6):
      0 6 * * * zhreader batch /srv/issues --out /srv/library --quiet
    On a Dask cluster whose workers share both folders:
      zhreader batch /srv/issues --out /srv/library --engine dask --scheduler tcp://host:8786
    """
    from zhreader.pipeline.batch import run_batch

    settings = settings_from_options(out, **options)
    mode = "quiet" if quiet else ("bar" if sys.stderr.isatty() else "log")
    progress = Progress(mode)
    summary = run_batch(
        folder,
        out,
        settings,
        jobs or os.cpu_count() or 1,
        progress,
        engine=engine,
        scheduler=scheduler,
        follow_symlinks=follow_symlinks,
    )
    progress.finish()
    untranslated = all(r.translated == 0 and r.from_cache == 0 for r in summary.built)
    if summary.built and untranslated and not quiet:
        click.echo(NO_MODEL_HINT, err=True)
    click.echo(summary_table(summary))
    click.echo(f"library: {out / 'index.html'}")
    if not summary.ok:
        raise SystemExit(1)
