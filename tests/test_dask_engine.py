"""`--engine dask`: the same bytes as the local pool, on a real cluster that loses a worker."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import IN_CI
from test_batch import _manifest, _tree

if not IN_CI:  # under CI=true a missing Dask fails these tests instead
    pytest.importorskip("distributed")


def _issues(folder: Path, example: Path, count: int) -> Path:
    """Short dated issues (the example's first paragraphs) keep the cluster runs brief."""
    folder.mkdir()
    blocks = example.read_text(encoding="utf-8").split("\n\n")
    for day in range(1, count + 1):
        text = "\n\n".join(blocks[: 4 + day])
        (folder / f"paper-2020-05-{day:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def _run(folder: Path, out: Path, resources, **engine):
    from zhreader.pipeline.batch import run_batch
    from zhreader.pipeline.build import BuildSettings

    return run_batch(folder, out, BuildSettings(), 2, resources=resources, **engine)


@pytest.fixture(scope="module")
def resources():
    from zhreader.pipeline.build import BuildSettings, load_resources

    return load_resources(BuildSettings())


def test_a_local_dask_cluster_builds_the_same_bytes(tmp_path, example_path, resources) -> None:
    folder = _issues(tmp_path / "issues", example_path, 3)
    local = _run(folder, tmp_path / "local", resources)
    dask = _run(folder, tmp_path / "dask", resources, engine="dask")
    assert local.ok and dask.ok, (local.failed, dask.failed)
    assert sorted(r.slug for r in dask.built) == sorted(r.slug for r in local.built)
    assert _tree(tmp_path / "dask") == _tree(tmp_path / "local")
    assert _manifest(tmp_path / "dask") == _manifest(tmp_path / "local")


def _start(*args: str) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("dask")
    return subprocess.Popen([str(exe), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_for(check, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


# The batch's driver in a process of its own, so that a test can SIGKILL it.
_DRIVER = """
import sys
from pathlib import Path
from zhreader.pipeline.batch import run_batch
from zhreader.pipeline.build import BuildSettings
scheduler = sys.argv[3] if len(sys.argv) > 3 else None
run_batch(Path(sys.argv[1]), Path(sys.argv[2]), BuildSettings(), 2, engine="dask",
          scheduler=scheduler)
"""


def _driver(folder: Path, out: Path, *scheduler: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _DRIVER, str(folder), str(out), *scheduler],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _editions(out: Path) -> int:
    return len(list(out.glob("*/edition.json")))


def test_a_killed_driver_leaves_no_local_cluster_process(tmp_path, example_path) -> None:
    """SIGKILL cannot be cleaned up after: the LocalCluster's workers must notice and exit."""
    import psutil

    folder = _issues(tmp_path / "issues", example_path, 12)
    out = tmp_path / "out"
    driver = _driver(folder, out)
    try:
        _wait_for(lambda: _editions(out) > 0, 300, "the first issue")
        started = psutil.Process(driver.pid).children(recursive=True)
        driver.send_signal(signal.SIGKILL)
        assert driver.wait(30) == -signal.SIGKILL  # killed mid-run, not finished
        assert _editions(out) < 12
        assert len(started) >= 2  # the two workers (and multiprocessing's resource tracker)
        _, alive = psutil.wait_procs(started, timeout=60)
        assert alive == [], [p.cmdline() for p in alive]
    finally:
        if driver.poll() is None:
            driver.kill()
        driver.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A real `dask scheduler` and two `dask worker` processes (no nanny) on loopback."""
    from distributed import Client

    file = tmp_path_factory.mktemp("cluster") / "scheduler.json"
    common = ("--no-dashboard", "--host", "127.0.0.1")
    scheduler = _start("scheduler", "--port", "0", "--scheduler-file", str(file), *common)
    workers = []
    try:
        _wait_for(file.exists, 120, "the scheduler")
        for _ in range(2):
            args = ("--scheduler-file", str(file), "--nthreads", "1", "--no-nanny", *common)
            workers.append(_start("worker", *args))
        with Client(scheduler_file=str(file), timeout="60s", set_as_default=False) as client:
            client.wait_for_workers(2, timeout=120)
            pids = client.run(os.getpid)  # address → process id
        address = json.loads(file.read_text(encoding="utf-8"))["address"]
        by_pid = {pid: worker_address for worker_address, pid in pids.items()}
        yield address, [(process, by_pid[process.pid]) for process in workers]
    finally:
        for process in (*workers, scheduler):
            if process.poll() is None:
                process.kill()
            process.wait()


def _executing(client, worker: str) -> list[str]:
    """Return the keys of the tasks ``worker`` is running now."""
    running = client.run(
        lambda dask_worker: [str(ts.key) for ts in dask_worker.state.executing], workers=[worker]
    )
    return running.get(worker, [])


def test_a_killed_driver_leaves_the_cluster_idle(cluster, tmp_path, example_path) -> None:
    """The operator's workers stay; the dead driver's tasks are dropped, no build goes on."""
    from distributed import Client

    address, workers = cluster
    folder = _issues(tmp_path / "issues", example_path, 12)
    out = tmp_path / "out"
    driver = _driver(folder, out, address)
    try:
        _wait_for(lambda: _editions(out) > 0, 300, "the first issue")
        driver.send_signal(signal.SIGKILL)
        assert driver.wait(30) == -signal.SIGKILL
    finally:
        if driver.poll() is None:
            driver.kill()
        driver.wait()
    with Client(address, timeout="60s", set_as_default=False) as client:
        tasks = lambda: client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks))  # noqa: E731
        _wait_for(lambda: tasks() == 0, 120, "the scheduler to drop the dead driver's tasks")
        # A build already running when the driver died finishes (Python cannot be
        # interrupted mid-task); nothing starts after it.
        idle = lambda: not any(_executing(client, w) for _, w in workers)  # noqa: E731
        _wait_for(idle, 120, "the workers to finish their last build")
        assert all(process.poll() is None for process, _ in workers)
    built = _editions(out)
    assert built < 12
    time.sleep(2)
    assert _editions(out) == built


def test_a_killed_worker_loses_nothing(cluster, tmp_path, example_path, resources) -> None:
    from distributed import Client

    address, workers = cluster
    folder = _issues(tmp_path / "issues", example_path, 6)
    assert _run(folder, tmp_path / "local", resources).ok
    out = tmp_path / "dask"
    victim, victim_address = workers[0]
    killed: list[str] = []

    def kill_mid_task() -> None:
        # Deterministic: the worker is killed while it runs one of the builds,
        # whatever the machine's load (a kill on the first file written could
        # land between two builds).
        with Client(address, timeout="60s", set_as_default=False) as client:

            def building() -> list[str]:
                return [k for k in _executing(client, victim_address) if "zhreader-build" in k]

            _wait_for(building, 300, "the worker to start a build")
            killed.extend(building())
            victim.send_signal(signal.SIGKILL)

    killer = threading.Thread(target=kill_mid_task)
    killer.start()
    summary = _run(folder, out, resources, engine="dask", scheduler=address)
    killer.join()
    assert victim.wait(30) == -signal.SIGKILL
    assert killed, "the worker was not killed mid-build"
    assert summary.ok, summary.failed
    assert len(summary.built) == 6, summary
    assert not list(out.rglob("*.tmp"))
    assert _tree(out) == _tree(tmp_path / "local")
    assert _manifest(out) == _manifest(tmp_path / "local")


def test_scheduler_without_dask_engine_is_one_clear_error(tmp_path) -> None:
    from click.testing import CliRunner

    from zhreader.cli import main

    (tmp_path / "in").mkdir()
    args = [
        "batch",
        str(tmp_path / "in"),
        "--out",
        str(tmp_path / "out"),
        "--scheduler",
        "tcp://x:1",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "--scheduler needs --engine dask" in result.output
