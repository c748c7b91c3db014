"""Shared fixtures: paths, real tools, an isolated home for argostranslate, the word annotator."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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


@pytest.fixture(scope="session")
def annotator(tmp_path_factory: pytest.TempPathFactory):
    """The annotator with the bundled tables and no glossary (a module may define its own).

    Its cache folder is the one tests/test_annotate.py uses: the dictionary is built once.
    """
    from zhreader.pipeline.words.annotate import Annotator

    return Annotator.initialize(None, tmp_path_factory.getbasetemp() / "zhreader-cache")


@contextmanager
def loaded_script(name: str) -> Iterator:
    """Load ``scripts/NAME.py`` as a module while the block runs.

    The module is registered in ``sys.modules`` meanwhile: a dataclass looks its
    module up while it is defined.
    """
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[name]


@pytest.fixture(scope="module")
def sweep():
    """The sense-review script, ``scripts/frequent_senses.py``, as a module."""
    with loaded_script("frequent_senses") as module:
        yield module


@contextmanager
def interlinear_page(edition, folder: Path, width: int) -> Iterator:
    """Open ``edition``'s interlinear HTML in Debian's headless Chromium, ``width`` pixels wide."""
    from playwright import sync_api

    from zhreader.reader.html import render_interlinear

    chromium = require_tool("chromium")
    path = folder / "interlinear.html"
    path.write_text(render_interlinear(edition), encoding="utf-8")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(path.as_uri())
            yield page
        finally:
            browser.close()


def token_glosses(annotator, text: str) -> list[tuple[str, str]]:
    """Return the (token, gloss) pairs of a sentence, punctuation left out."""
    return [(t.zh, t.gloss or "") for t in annotator.tokens(text) if t.kind != "punct"]


def token_words(annotator, text: str) -> list[str]:
    """Return the tokens of a sentence, punctuation left out."""
    return [zh for zh, _ in token_glosses(annotator, text)]


def gloss_of(annotator, sentence: str, word: str, nth: int = 1) -> str:
    """Return the gloss of the nth token ``word`` of ``sentence``."""
    found = [t.gloss or "" for t in annotator.tokens(sentence) if t.zh == word]
    assert len(found) >= nth, f"{word} is no token of {sentence}"
    return found[nth - 1]


def first_gloss_of(annotator, sentence: str, word: str, nth: int = 1) -> str:
    """Return the first sense of the nth token ``word`` of ``sentence``."""
    from zhreader.reader.context import first_sense

    return first_sense(gloss_of(annotator, sentence, word, nth))
