"""Build every issue of a folder: incremental, failure-isolated, resumable, parallel.

The unit of work is ``build_one(candidate, out, settings, resources)``: a
function of (input, sidecar, settings, shared resources and caches) → files,
holding no state between issues. The local scheduler here hands candidates to
a process pool whose workers load the resources once (``_init_worker``); a
distributed engine (Dask, Ray) could call ``build_one`` the same way.

Crash safety: every file is written to a temporary name and renamed, the
manifest is rewritten the same way after each issue, and a lock file keeps two
batches off one output folder. A run killed at any moment leaves stale
``.*.tmp`` files only, which the next run removes before it starts.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import multiprocessing
import os
import resource
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, fields, replace
from pathlib import Path

from zhreader.errors import OutputError, ZhreaderError, output_error, printable
from zhreader.fsutil import atomic_write_text
from zhreader.pipeline.build import BuildSettings, Resources, build_issue, load_resources
from zhreader.pipeline.catalogue import LIBRARY_FILE
from zhreader.pipeline.inbox import InboxFile, check_folders, max_input_bytes, scan_inbox, slug_for
from zhreader.pipeline.manifest import (
    Candidate,
    IssueRecord,
    Manifest,
    changed_forms,
    glossary_snapshot,
    load_manifest,
    rebuild_reason,
    shared_terms,
)
from zhreader.pipeline.structure.issue_meta import metadata_from_filename
from zhreader.pipeline.structure.recover import NOTICE_CODE
from zhreader.pipeline.structure.sidecar import load_sidecar, sidecar_exists, sidecar_path
from zhreader.reader.search_index import KEYS_FILE, SENTENCES_FILE

LOCK_NAME = ".batch.lock"


@dataclass(frozen=True)
class IssueResult:
    """The outcome of one issue's build, sent from a worker to the main process."""

    slug: str
    rel: str
    ok: bool
    reason: str | None = None
    failure: str | None = None  # "input" or "crash"
    files: tuple[str, ...] = ()
    sentences: int = 0
    translated: int = 0
    from_cache: int = 0
    title: str | None = None
    date: str | None = None
    paper: str | None = None
    page: str | None = None
    terms: tuple[str, ...] = ()
    signature: str = ""
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    # Structure decisions an editor may want to check: "file.txt:LINE: …" (edition.json notices).
    notices: tuple[str, ...] = ()


@dataclass
class BatchSummary:
    """What a batch run did, for the summary table and the exit code."""

    built: list[IssueResult]
    skipped: list[str]
    failed: list[tuple[str, str]]  # (path, reason)
    removed: list[str]
    seconds: float = 0.0
    peak_rss_mb: float = 0.0  # the largest peak of a process that built issues
    main_rss_mb: float = 0.0  # the batch's own process, library included

    @property
    def ok(self) -> bool:
        return not self.failed


# --- finding issues (naming and path safety: pipeline/inbox.py) ---------------


def discover_issues(root: Path, exclude: Path | None = None) -> list[Path]:
    """Return every issue file under ``root``, sorted; hidden files and folders are skipped."""
    return [found.path for found in scan_inbox(root, exclude)[0]]


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def find_candidates(
    root: Path,
    out: Path,
    manifest: Manifest,
    follow_symlinks: bool = False,
    max_bytes: int | None = None,
) -> tuple[list[Candidate], list[tuple[str, str]]]:
    """Hash every issue and give it a unique slug; return (candidates, failures)."""
    found, rejected = scan_inbox(root, out, follow_symlinks, max_bytes)
    failures = [(r.rel, r.reason) for r in rejected]
    by_slug: dict[str, list[InboxFile]] = {}
    for issue in found:
        by_slug.setdefault(issue.slug.lower(), []).append(issue)
    candidates = []
    for _, issues in sorted(by_slug.items()):
        owner = _slug_owner(issues, manifest)
        for issue in issues:
            if issue is not owner:
                failures.append(
                    (issue.rel, f"slug {owner.slug!r} is already used by {owner.rel}; rename one")
                )
                continue
            try:
                side = sidecar_path(issue.path)
                side_hash = _sha256(side) if sidecar_exists(side) else None
                digest = _sha256(issue.path)
            except OSError as err:
                failures.append((issue.rel, f"cannot read it: {err.strerror}"))
                continue
            except ZhreaderError as err:
                failures.append((issue.rel, str(err)))
                continue
            candidates.append(Candidate(issue.slug, issue.path, issue.rel, digest, side_hash))
    return candidates, failures


def _slug_owner(issues: list[InboxFile], manifest: Manifest) -> InboxFile:
    """Pick which input keeps a contested slug: the one built before, else the first."""
    for issue in issues:
        record = manifest.issues.get(issue.slug)
        if record is not None and issue.rel == record.path:
            return issue
    return issues[0]


# --- building one issue ------------------------------------------------------


def issue_settings(settings: BuildSettings, path: Path) -> BuildSettings:
    """Fill the issue's paper, date and page: command line, then sidecar, then file name."""
    meta = metadata_from_filename(path)
    sidecar = load_sidecar(path)
    pick = {}
    for key in ("paper", "date", "page"):
        given = getattr(settings, key)
        from_sidecar = getattr(sidecar, key, None) if sidecar is not None else None
        pick[key] = given or from_sidecar or getattr(meta, key)
    return replace(settings, **pick)


def build_one(
    candidate: Candidate, out: Path, settings: BuildSettings, resources: Resources
) -> IssueResult:
    """Build one issue into ``out/<slug>/``; never raise: failures become results."""
    started = time.perf_counter()
    try:
        report = build_issue(
            candidate.path, out, issue_settings(settings, candidate.path), resources, candidate.slug
        )
        edition = report.edition
        library_files = write_library_files(out / candidate.slug, candidate.slug, edition)
    except OutputError as err:  # not the input's fault: retried on the next run
        return _failure(candidate, str(err), "output", started)
    except ZhreaderError as err:
        return _failure(candidate, str(err), "input", started)
    except Exception as err:  # noqa: BLE001 - one broken issue must not stop the batch
        return _failure(candidate, f"{type(err).__name__}: {err}", "crash", started)
    written = (*report.files, *library_files)
    files = tuple(sorted(p.relative_to(out).as_posix() for p in written))
    return IssueResult(
        slug=candidate.slug,
        rel=candidate.rel,
        ok=True,
        files=files,
        sentences=report.sentences,
        translated=report.translated,
        from_cache=report.from_cache,
        title=edition.title,
        date=edition.date,
        paper=edition.paper,
        page=edition.page,
        terms=tuple(g.zh for g in edition.glossary),
        signature=edition.signature,
        seconds=time.perf_counter() - started,
        peak_rss_mb=peak_rss_mb(),
        notices=tuple(n.message for n in edition.notices if n.code == NOTICE_CODE),
    )


# Files the library keeps in an issue's folder beside its editions.
LIBRARY_OWN_FILES = (LIBRARY_FILE, SENTENCES_FILE, KEYS_FILE)


def write_library_files(folder: Path, slug: str, edition) -> tuple[Path, ...]:
    """Write an issue's library record and search files; return their paths.

    The record links the editions and exports present in the folder.
    """
    from zhreader.reader.library import issue_library_data
    from zhreader.reader.search_index import bucket_fragments, issue_postings, sentences_js

    data = issue_library_data(edition, slug)
    data["files"] = sorted(
        p.name
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name not in LIBRARY_OWN_FILES
    )
    fragments = bucket_fragments(issue_postings(edition))
    keys = json.dumps(fragments, ensure_ascii=False, separators=(",", ":"))
    atomic_write_text(folder / SENTENCES_FILE, sentences_js(edition, slug))
    atomic_write_text(folder / KEYS_FILE, keys + "\n")
    atomic_write_text(folder / LIBRARY_FILE, json.dumps(data, ensure_ascii=False) + "\n")
    return tuple(folder / name for name in LIBRARY_OWN_FILES)


def remake_library_record(folder: Path, slug: str) -> dict:
    """Make an issue's library files again from its ``edition.json``; return the record."""
    from zhreader.model import edition_from_dict

    edition = edition_from_dict(json.loads((folder / "edition.json").read_text(encoding="utf-8")))
    write_library_files(folder, slug, edition)
    return json.loads((folder / LIBRARY_FILE).read_text(encoding="utf-8"))


def _failure(candidate: Candidate, reason: str, failure: str, started: float) -> IssueResult:
    return IssueResult(
        slug=candidate.slug,
        rel=candidate.rel,
        ok=False,
        reason=printable(reason.splitlines()[0]) if reason else failure,
        failure=failure,
        seconds=time.perf_counter() - started,
        peak_rss_mb=peak_rss_mb(),
    )


def peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB.

    Linux's ``VmHWM`` first: ``ru_maxrss`` survives ``exec``, so a spawned
    worker would report its parent's size at the fork (the batch process
    with its resources loaded) as its own peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except (OSError, ValueError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


# Per-process resources for pool workers: loaded once by the initializer and
# read by every issue that worker builds; nothing issue-specific lives here.
_WORKER: dict[str, Resources] = {}


# Native thread pools (OpenMP, BLAS) default to one thread per core in every
# worker; with one worker per core they would fight over the same cores.
_THREAD_LIMITS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _init_worker(settings: BuildSettings, parent: int) -> None:
    _exit_with_parent(parent)
    for name in _THREAD_LIMITS:
        os.environ.setdefault(name, "1")
    _WORKER["resources"] = load_resources(settings)


PARENT_CHECK_SECONDS = 0.5


def _exit_with_parent(parent: int) -> None:
    """Exit this worker as soon as the batch's main process is gone (even after SIGKILL).

    A killed parent cannot shut its pool down; its workers would otherwise
    live on, each holding its models in memory. A daemon thread notices the
    new parent (the orphan is re-parented) and ends the process.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="zhreader-parent-watch", daemon=True).start()


def _build_in_worker(candidate: Candidate, out: Path, settings: BuildSettings) -> IssueResult:
    return build_one(candidate, out, settings, _WORKER["resources"])


# --- the run -----------------------------------------------------------------


# What a manifest record takes over from a build's result: the fields both
# have (files, terms, title, date, …), named and meant alike in the two.
_FROM_RESULT = tuple(
    f.name
    for f in fields(IssueRecord)
    if f.name in IssueResult.__dataclass_fields__ and f.name != "signature"
)


def _record(result: IssueResult, candidate: Candidate, signature: str, fp: str) -> IssueRecord:
    return IssueRecord(
        **{name: getattr(result, name) for name in _FROM_RESULT},
        path=result.rel,
        input_sha256=candidate.input_sha256,
        sidecar_sha256=candidate.sidecar_sha256,
        signature=result.signature or signature,
        glossary_checked=fp,
        status="built" if result.ok else "failed",
    )


def remove_stale_temp_files(out: Path) -> int:
    """Delete the ``.*.tmp`` files a killed run or worker left behind; return how many."""
    return sweep_output(out)[1]


def sweep_output(out: Path) -> tuple[frozenset[str], int]:
    """Delete the temporary files a killed run left; return (the other files, deleted).

    The files are named relative to ``out`` with ``/``, as records name them:
    one walk both sweeps and tells the plan which outputs exist (a stat per
    file was most of an unchanged rerun's planning, 36,000 at 3,000 issues).
    """
    # os.walk: an archive's output holds tens of thousands of files, and
    # every run walks it (Path.rglob is several times slower).
    present: set[str] = set()
    stale = 0
    top = os.fspath(out)
    for folder, _, names in os.walk(top):
        prefix = "" if folder == top else os.path.relpath(folder, top).replace(os.sep, "/") + "/"
        for name in names:
            if name.startswith(".") and name.endswith(".tmp"):
                Path(folder, name).unlink(missing_ok=True)
                stale += 1
            else:
                present.add(prefix + name)
    return frozenset(present), stale


class _Lock:
    """An exclusive lock on OUT; the kernel drops it when the process dies."""

    def __init__(self, out: Path) -> None:
        self.path = out / LOCK_NAME
        self.handle = None

    def __enter__(self) -> _Lock:
        try:
            self.handle = open(self.path, "a")  # noqa: SIM115 - held for the whole run
        except OSError as err:
            raise output_error(self.path, err) from err
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            raise ZhreaderError(
                "another zhreader batch is writing to this folder",
                file=str(self.path.parent),
                hint="wait for it to finish",
            ) from None
        return self

    def __exit__(self, *exc) -> None:
        self.handle.close()


def run_batch(
    root: Path,
    out: Path,
    settings: BuildSettings,
    jobs: int = 0,
    on_event: Callable[[str, object], None] | None = None,
    resources: Resources | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    follow_symlinks: bool = False,
) -> BatchSummary:
    """Build what is new or changed under ``root`` into ``out``; write the library.

    ``resources``, when given, must come from ``load_resources(settings)``; a
    long-lived caller passes them to skip loading them again. ``engine`` names
    who builds the issues (``ENGINES``); ``scheduler`` is the address of an
    existing Dask cluster for ``engine="dask"``.
    """
    check_folders(root, out)
    if engine not in ENGINES:
        raise ZhreaderError(
            f"unknown engine {engine!r}, expected one of {', '.join(sorted(ENGINES))}"
        )
    notify = on_event or (lambda kind, payload: None)
    # The library reads each issue's edition.json back, so it is always written.
    settings = replace(settings, formats=tuple(dict.fromkeys((*settings.formats, "json"))))
    started = time.perf_counter()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise output_error(out, err) from err
    with _Lock(out):
        present, _ = sweep_output(out)
        jobs = jobs or os.cpu_count() or 1
        schedule = ENGINES[engine](scheduler)
        summary = _run_locked(
            root, out, settings, jobs, notify, resources, schedule, follow_symlinks, present
        )
    summary.seconds = time.perf_counter() - started
    summary.main_rss_mb = peak_rss_mb()
    return summary


def _run_locked(
    root, out, settings, jobs, notify, resources, schedule, follow_symlinks, present
) -> BatchSummary:
    manifest = load_manifest(out)
    for problem in manifest.problems:
        notify("warning", f"manifest line skipped, its issue is rebuilt: {problem}")
    limit = max_input_bytes(settings.max_input_mb)
    candidates, failed = find_candidates(root, out, manifest, follow_symlinks, limit)
    from zhreader.pipeline.signature_memo import RunSetup

    # An unchanged rerun loads no dictionary or model: the signature comes from
    # the memo when the setup's files are as they were (signature_memo).
    setup = RunSetup.prepare(settings, resources)
    signature, fingerprint = setup.signature, setup.fingerprint
    before = dict(manifest.issues)
    if fingerprint not in manifest.glossaries:  # the same fingerprint, the same entries
        manifest.glossaries[fingerprint] = glossary_snapshot(setup.glossary().entries)
    planned, skipped = _plan(candidates, manifest, signature, fingerprint, present, failed)
    todo = [candidate for candidate, _ in planned]
    removed = sorted(set(manifest.issues) - {c.slug for c in candidates})
    for slug in removed:
        del manifest.issues[slug]
    if manifest.issues != before or manifest.needs_compaction():
        manifest.save(out)  # once a run: planning changed records, or dead lines piled up
    notify("plan", (len(todo), len(skipped), len(failed)))
    for candidate, reason in planned:
        notify("reason", (candidate.rel, reason))
    built: list[IssueResult] = []
    peak = 0.0
    for candidate, result in schedule(todo, out, settings, setup.resources, jobs):
        result = replace(result, terms=shared_terms(result.terms))  # kept for the whole run
        if result.ok:
            setup.confirm(result.signature)
        manifest.record(out, _record(result, candidate, signature, fingerprint))
        peak = max(peak, result.peak_rss_mb)
        if result.ok:
            built.append(result)
        else:
            failed.append((result.rel, result.reason or "failed"))
        notify("issue", result)
    for candidate in todo:  # a worker killed mid-write leaves its temporary files
        if (out / candidate.slug).is_dir():
            remove_stale_temp_files(out / candidate.slug)
    _write_library(out, manifest, notify)
    return BatchSummary(built, skipped, sorted(failed), removed, peak_rss_mb=peak)


def _plan(candidates, manifest, signature, fingerprint, present, failed):
    """Split candidates into the ones to build and the ones to keep.

    ``present`` names the files in the output folder (``sweep_output``).
    """
    from zhreader.pipeline.structure.ingest import read_source

    todo, skipped = [], []
    current = manifest.glossaries[fingerprint]
    # Per glossary an issue was checked against, not per issue: comparing two
    # snapshots was most of an unchanged rerun's CPU time (0.5 s at 300 issues).
    forms_since: dict[str, set[str] | None] = {}
    for candidate in candidates:
        record = manifest.issues.get(candidate.slug)
        checked = record.glossary_checked if record else None
        if checked not in forms_since:
            before = manifest.glossaries.get(checked) if checked else None
            forms_since[checked] = changed_forms(before, current) if before is not None else None
        forms = forms_since[checked]
        reason = rebuild_reason(
            record,
            candidate,
            signature,
            forms,
            lambda c=candidate: read_source(c.path).text,
            present,
        )
        if reason is not None:
            todo.append((candidate, reason))
        elif record.status == "failed":
            failed.append((candidate.rel, f"unchanged since it failed: {record.reason}"))
        else:
            skipped.append(candidate.slug)
            if record.glossary_checked != fingerprint:
                manifest.issues[candidate.slug] = replace(record, glossary_checked=fingerprint)
    return todo, skipped


# (issues to build, output, settings, a loader of this process's resources, jobs):
# an engine calls the loader only if it builds in this process.
Schedule = Callable[
    [list[Candidate], Path, BuildSettings, Callable[[], Resources], int],
    Iterator[tuple[Candidate, IssueResult]],
]


def _local_engine(scheduler: str | None) -> Schedule:
    if scheduler is not None:
        raise ZhreaderError(
            "--scheduler needs --engine dask", hint="add --engine dask or drop --scheduler"
        )
    return schedule_local


def _dask_engine(scheduler: str | None) -> Schedule:
    from importlib.util import find_spec

    if find_spec("distributed") is None:  # say so before anything is planned
        raise dask_missing_error()

    def schedule(todo, out, settings, resources, jobs):
        if not todo:  # an unchanged rerun does not import Dask
            return iter(())
        from zhreader.pipeline.dask_engine import dask_schedule

        return dask_schedule(scheduler)(todo, out, settings, resources, jobs)

    return schedule


def dask_missing_error() -> ZhreaderError:
    """Return the error for ``--engine dask`` without the ``cluster`` extra."""
    return ZhreaderError(
        "--engine dask needs Dask distributed, which is not installed",
        hint="pip install 'zhreader[cluster]'",
    )


# Who builds the issues, by the short name ``--engine`` takes; imported only when used.
ENGINES: dict[str, Callable[[str | None], Schedule]] = {
    "local": _local_engine,
    "dask": _dask_engine,
}


def schedule_local(
    todo: list[Candidate],
    out: Path,
    settings: BuildSettings,
    resources: Callable[[], Resources],
    jobs: int,
) -> Iterator[tuple[Candidate, IssueResult]]:
    """Yield (candidate, result) as issues finish, in-process or in a local process pool."""
    if jobs <= 1 or len(todo) <= 1:
        for candidate in todo:
            yield candidate, build_one(candidate, out, settings, resources())
        return
    # spawn: workers start clean instead of forking a process that already
    # runs the translator's threads.
    context = multiprocessing.get_context("spawn")
    workers = min(jobs, len(todo))
    settings = worker_settings(settings, workers)
    initargs = (settings, os.getpid())
    with ProcessPoolExecutor(workers, context, _init_worker, initargs) as pool:
        pending = {pool.submit(_build_in_worker, c, out, settings): c for c in todo}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: pending[f].slug):
                candidate = pending.pop(future)
                yield candidate, _result_of(future, candidate)


def worker_settings(settings: BuildSettings, workers: int) -> BuildSettings:
    """Share the cores among the workers' translators instead of each taking all."""
    if settings.threads:
        return settings
    return replace(settings, threads=max(1, (os.cpu_count() or 1) // workers))


def _result_of(future, candidate: Candidate) -> IssueResult:
    """Return a worker's result; a worker that died becomes a failed issue."""
    try:
        return future.result()
    except Exception as err:  # noqa: BLE001 - a lost worker fails its issue, not the batch
        return failed_result(candidate, f"{type(err).__name__}: {err}")


def failed_result(candidate: Candidate, reason: str) -> IssueResult:
    """Return the result of an issue whose worker was lost (a crash: retried next run)."""
    return _failure(candidate, reason, "crash", time.perf_counter())


def _write_library(out: Path, manifest: Manifest, notify) -> None:
    """Bring the catalogue up to date and rewrite the pages the changes dirtied."""
    from zhreader.pipeline.catalogue import open_catalogue, sync_catalogue, write_dirty_pages

    built = [r for r in manifest.issues.values() if r.status == "built"]
    failures = sorted(
        (r.path, r.reason or "failed") for r in manifest.issues.values() if r.status == "failed"
    )
    db = open_catalogue(out)
    try:
        unreadable = sync_catalogue(db, out, built, remake_library_record)
        for slug in unreadable:
            # Neither its library.json nor its edition.json can be read: drop the
            # files the manifest checks, so the next run builds the issue again.
            (out / slug / LIBRARY_FILE).unlink(missing_ok=True)
            notify("warning", f"{slug}: library record and edition unreadable; rebuilt next run")
        write_dirty_pages(db, out, failures, remake_library_record)
    finally:
        db.close()


__all__ = [
    "ENGINES",
    "BatchSummary",
    "IssueResult",
    "build_one",
    "dask_missing_error",
    "discover_issues",
    "failed_result",
    "find_candidates",
    "issue_settings",
    "peak_rss_mb",
    "remake_library_record",
    "remove_stale_temp_files",
    "run_batch",
    "schedule_local",
    "slug_for",
    "sweep_output",
    "worker_settings",
    "write_library_files",
]
