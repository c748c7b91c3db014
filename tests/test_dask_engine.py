"""`--engine dask`: the same bytes as the local pool, on a real cluster that loses a worker."""

from __future__ import annotations

import json
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


def test_a_killed_worker_loses_nothing(tmp_path, example_path, resources) -> None:
    folder = _issues(tmp_path / "issues", example_path, 6)
    assert _run(folder, tmp_path / "local", resources).ok
    file = tmp_path / "scheduler.json"
    common = ("--no-dashboard", "--host", "127.0.0.1")
    scheduler = _start("scheduler", "--port", "0", "--scheduler-file", str(file), *common)
    workers = []
    try:
        _wait_for(file.exists, 120, "the scheduler")
        for _ in range(2):
            workers.append(
                _start(
                    "worker",
                    "--scheduler-file",
                    str(file),
                    "--nthreads",
                    "1",
                    "--no-nanny",
                    *common,
                )
            )
        from distributed import Client

        with Client(scheduler_file=str(file), timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        out = tmp_path / "dask"
        address = json.loads(file.read_text(encoding="utf-8"))["address"]

        at_kill: list[int] = []

        def kill_one_mid_run() -> None:
            _wait_for(lambda: list(out.glob("*/edition.json")), 240, "the first issue")
            workers[0].send_signal(signal.SIGKILL)
            at_kill.append(len(list(out.glob("*/edition.json"))))

        killer = threading.Thread(target=kill_one_mid_run)
        killer.start()
        summary = _run(folder, out, resources, engine="dask", scheduler=address)
        killer.join()
        assert workers[0].wait(10) == -signal.SIGKILL
        assert at_kill and at_kill[0] < 6, at_kill  # killed while issues were still being built
        assert summary.ok, summary.failed
        assert len(summary.built) == 6, summary
        assert not list(out.rglob("*.tmp"))
        assert _tree(out) == _tree(tmp_path / "local")
        assert _manifest(out) == _manifest(tmp_path / "local")
    finally:
        for process in (*workers, scheduler):
            if process.poll() is None:
                process.kill()
            process.wait()


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
