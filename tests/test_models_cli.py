"""`zhreader models list|install`: exit codes and the exact lines a user sees."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhreader.cli import main
from zhreader.pipeline.build import BuildSettings

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "data" / "translate-zh_en-tiny-1.0.argosmodel"


@pytest.fixture()
def packages_dir():
    """The session's argostranslate packages folder, emptied of zh→en packages after each test."""
    from zhreader.pipeline.translate.packages import installed_packages

    yield
    for info in installed_packages():
        shutil.rmtree(info.path, ignore_errors=True)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_list_with_nothing_installed(packages_dir) -> None:
    from zhreader.pipeline.translate.translator import load_translator

    result = run("models", "list")
    assert result.exit_code == 0
    assert result.output.startswith("no zh→en translation package is installed; install one with:")
    assert load_translator(BuildSettings()) is None


def test_install_from_file_then_list(packages_dir) -> None:
    result = run("models", "install", str(TINY))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("installed translate-zh_en-tiny 1.0 → ")
    listed = run("models", "list")
    assert listed.exit_code == 0
    name, version, size, path = listed.output.strip().split("\t")
    assert (name, version) == ("translate-zh_en-tiny", "1.0")
    assert size.endswith(" MB") and Path(path).is_dir()


def test_install_missing_file(packages_dir, tmp_path: Path) -> None:
    result = run("models", "install", str(tmp_path / "nope.argosmodel"))
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"zhreader: error: {tmp_path / 'nope.argosmodel'}: no such file "
        "(give the path of an .argosmodel file)"
    )


def test_install_rejects_zip_without_one_top_folder(packages_dir, tmp_path: Path) -> None:
    bad = tmp_path / "loose.argosmodel"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("metadata.json", "{}")
        archive.writestr("model/model.bin", "")
    result = run("models", "install", str(bad))
    assert result.exit_code == 1
    assert "exactly one top-level folder" in result.output
    assert "Traceback" not in result.output
    assert run("models", "list").exit_code == 0


def test_install_rejects_other_language_pair(packages_dir, tmp_path: Path) -> None:
    other = tmp_path / "en_de.argosmodel"
    with zipfile.ZipFile(TINY) as source, zipfile.ZipFile(other, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("/metadata.json"):
                data = data.replace(b'"zh"', b'"en"').replace(
                    b'"to_code": "en"', b'"to_code": "de"'
                )
            target.writestr(item, data)
    result = run("models", "install", str(other))
    assert result.exit_code == 1
    assert "not zh→en" in result.output


def test_install_from_index_offline_fails_at_once(packages_dir, monkeypatch) -> None:
    # A closed local port stands in for "no network": the index cannot be fetched.
    from argostranslate import settings

    monkeypatch.setattr(settings, "remote_package_index", "http://127.0.0.1:9/index.json")
    result = run("models", "install", "zh-en")
    assert result.exit_code == 1
    assert "cannot reach argostranslate's package index" in result.output
    assert "zhreader models install FILE.argosmodel" in result.output
    assert "RecursionError" not in result.output
