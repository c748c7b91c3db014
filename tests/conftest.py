"""Shared fixtures: paths, real tools, and an isolated home for argostranslate."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "linxiang-2020-04.txt"
# Data fetched from elsewhere (polyphone sets, real pages) is never copied into
# the repository: it is read from ../shared beside the checkout.
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"
# Headless Chromium offline: without the background-networking flags it keeps
# trying to reach its update and sync services on this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def require_tool(name: str) -> str:
    """Return the path of a real external tool; skip locally, fail under CI=true."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is not installed (.ci/run installs it: apt-get install {name})"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def require_shared(relative: str) -> Path:
    """Return a path in ../shared (fetched data); skip locally, fail under CI=true."""
    path = SHARED / relative
    if path.exists():
        return path
    message = f"{path} is missing (the project's shared data sits beside the checkout)"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(autouse=True, scope="session")
def _isolated_argos_home(tmp_path_factory: pytest.TempPathFactory):
    """Point argostranslate's folders at a temporary place; it writes at import."""
    home = tmp_path_factory.mktemp("argos-home")
    names = {
        "XDG_DATA_HOME": home / "data",
        "XDG_CONFIG_HOME": home / "config",
        "XDG_CACHE_HOME": home / "cache",
        "ARGOS_PACKAGES_DIR": home / "data" / "argos-translate" / "packages",
    }
    saved = {k: os.environ.get(k) for k in names}
    for key, value in names.items():
        value.mkdir(parents=True, exist_ok=True)
        os.environ[key] = str(value)
    yield home
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
