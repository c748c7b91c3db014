"""Build a batch's issues on Dask distributed: a LocalCluster, or an existing scheduler.

Each worker loads the heavy resources once (``ResourcesPlugin``, a Dask
``WorkerPlugin``: dictionaries, glossary, translation model and cache) and
builds issues as tasks with the same ``build_one`` the local pool runs. Tasks
write only into their issue's folder (temporary file, then rename), and return
the result record; the driver alone writes the manifest and the library. A
worker killed mid-task loses nothing that was renamed into place: the
scheduler gives its task to another worker, which builds the issue again.

Dask is an optional extra (``pip install 'zhreader[cluster]'``), imported only
when ``--engine dask`` is asked for.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from zhreader.errors import ZhreaderError
from zhreader.pipeline.batch import (
    IssueResult,
    Schedule,
    build_one,
    dask_missing_error,
    failed_result,
    worker_settings,
)
from zhreader.pipeline.build import BuildSettings, Resources, load_resources
from zhreader.pipeline.manifest import Candidate

PLUGIN_NAME = "zhreader-resources"
_THREAD_LIMITS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _distributed():
    try:
        import distributed
    except ImportError:
        raise dask_missing_error() from None
    return distributed


try:  # the optional extra; without it only dask_schedule's clear error is reachable
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - exercised without the extra installed
    _PluginBase = object


class ResourcesPlugin(_PluginBase):
    """Load zhreader's resources once per worker, when the worker starts."""

    name = PLUGIN_NAME

    def __init__(self, settings: BuildSettings) -> None:
        self.settings = settings
        self.resources: Resources | None = None

    def setup(self, worker) -> None:
        for name in _THREAD_LIMITS:
            os.environ.setdefault(name, "1")
        self.resources = load_resources(self.settings)

    def teardown(self, worker) -> None:
        self.resources = None


def build_on_worker(candidate: Candidate, out: Path, settings: BuildSettings) -> IssueResult:
    """Build one issue with the resources this worker's plugin loaded."""
    from distributed import get_worker

    plugin = get_worker().plugins[PLUGIN_NAME]
    if plugin.resources is None:
        plugin.setup(None)
    return build_one(candidate, out, settings, plugin.resources)


def dask_schedule(scheduler: str | None) -> Schedule:
    """Return a schedule that builds on the cluster at ``scheduler`` (None: a LocalCluster)."""
    distributed = _distributed()

    def schedule(
        todo: list[Candidate],
        out: Path,
        settings: BuildSettings,
        resources: Callable[[], Resources],
        jobs: int,
    ) -> Iterator[tuple[Candidate, IssueResult]]:
        if not todo:
            return
        if scheduler is None:
            settings = worker_settings(settings, min(jobs, len(todo)))
        with _client(distributed, scheduler, min(jobs, len(todo))) as client:
            client.register_plugin(ResourcesPlugin(settings), name=PLUGIN_NAME)
            futures = {
                client.submit(
                    build_on_worker, c, out, settings, key=f"zhreader-build-{c.slug}", pure=False
                ): c
                for c in todo
            }
            for future in distributed.as_completed(futures):
                candidate = futures[future]
                try:
                    result = future.result()
                except Exception as err:  # noqa: BLE001 - a lost task fails its issue only
                    result = failed_result(candidate, f"{type(err).__name__}: {err}")
                future.release()
                yield candidate, result

    return schedule


@contextlib.contextmanager
def _client(distributed, scheduler: str | None, workers: int):
    """Connect to ``scheduler``, or start a LocalCluster of ``workers`` processes on loopback."""
    if scheduler is not None:
        try:
            client = distributed.Client(scheduler, timeout="30s")
        except OSError as err:
            raise ZhreaderError(
                f"cannot reach the Dask scheduler at {scheduler} ({err})",
                hint="start it with `dask scheduler` and pass its tcp:// address",
            ) from None
        with client:
            yield client
        return
    cluster = distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


__all__ = ["PLUGIN_NAME", "ResourcesPlugin", "build_on_worker", "dask_schedule"]
