"""The signature memo: a setup's stamp changes exactly when an input of the signature may have."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from zhreader import signature
from zhreader.pipeline import signature_memo
from zhreader.pipeline.build import BuildSettings, Resources
from zhreader.pipeline.signature_memo import (
    RunSetup,
    remember_parts,
    remembered_parts,
    setup_stamp,
)
from zhreader.pipeline.translate.packages import PackageInfo

PARTS = {"seg": "jieba-0.42.1+names:abc", "py": "pypinyin-0.55.0", "gl": "0badcafe", "mt": "none"}


@pytest.fixture()
def setup_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point the stamp's inputs at files of this test: a dictionary, a package, a model."""
    cedict = tmp_path / "cedict.txt.gz"
    cedict.write_bytes(b"dictionary v1")
    monkeypatch.setattr("zhreader.pipeline.words.cedict.cedict_path", lambda: cedict)
    package = tmp_path / "site" / "zhr_memo_probe"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("RULES = 1\n", encoding="utf-8")
    (package / "data" / "model.npz").write_bytes(b"weights v1")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(signature, "PACKAGES", (*signature.PACKAGES, "zhr_memo_probe"))
    mt = tmp_path / "argos" / "translate-zh_en"
    mt.mkdir(parents=True)
    (mt / "model.bin").write_bytes(b"transformer v1")
    info = PackageInfo("translate-zh_en", "1.9", mt, 14)
    monkeypatch.setattr("zhreader.pipeline.translate.packages.installed_packages", lambda: [info])
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("zh\ten\n", encoding="utf-8")
    return {
        "dictionary": cedict,
        "code": package / "__init__.py",
        "model": package / "data" / "model.npz",
        "translation": mt / "model.bin",
        "glossary": glossary,
    }


def _settings(files: dict[str, Path], **changes) -> BuildSettings:
    return dataclasses.replace(BuildSettings(glossaries=(files["glossary"],)), **changes)


@pytest.mark.parametrize("name", ["dictionary", "code", "model", "translation", "glossary"])
def test_the_stamp_changes_when_a_file_changes(setup_files, name: str) -> None:
    settings = _settings(setup_files)
    before = setup_stamp(settings)
    assert setup_stamp(settings) == before  # nothing changed: the same stamp
    path = setup_files[name]
    path.write_bytes(path.read_bytes() + b"\n")
    assert setup_stamp(settings) != before


@pytest.mark.parametrize("name", ["dictionary", "model", "glossary"])
def test_the_stamp_changes_when_a_file_is_replaced_by_one_of_the_same_size(
    setup_files, name: str
) -> None:
    settings = _settings(setup_files)
    before = setup_stamp(settings)
    path = setup_files[name]
    stat = path.stat()
    path.write_bytes(path.read_bytes().upper())
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert path.stat().st_size == stat.st_size
    assert setup_stamp(settings) != before


def test_compiled_bytecode_does_not_change_the_stamp(setup_files) -> None:
    settings = _settings(setup_files)
    before = setup_stamp(settings)
    cached = setup_files["code"].parent / "__pycache__"
    cached.mkdir()
    (cached / "__init__.cpython-311.pyc").write_bytes(b"\x00")
    assert setup_stamp(settings) == before


@pytest.mark.parametrize(
    ("change", "same"),
    [
        ({"beam_size": 2}, False),
        ({"compute_type": "float32"}, False),
        ({"threads": 3}, True),  # how fast, not what: not in the signature
        ({"formats": ("json",)}, True),
        ({"max_input_mb": 1.0}, True),
    ],
)
def test_the_stamp_follows_the_options_the_signature_names(setup_files, change, same) -> None:
    before = setup_stamp(_settings(setup_files))
    assert (setup_stamp(_settings(setup_files, **change)) == before) is same


def test_the_stamp_follows_the_code_version_and_an_extra_glossary(setup_files, monkeypatch) -> None:
    settings = _settings(setup_files)
    before = setup_stamp(settings)
    assert setup_stamp(dataclasses.replace(settings, glossaries=())) != before
    monkeypatch.setattr(signature_memo, "__version__", "99.0.0")
    assert setup_stamp(settings) != before


def test_a_missing_glossary_gives_a_stamp_not_an_error(setup_files) -> None:
    """The real load reports the missing file with its name; the stamp must not crash first."""
    settings = _settings(setup_files)
    setup_files["glossary"].unlink()
    assert setup_stamp(settings) != setup_stamp(dataclasses.replace(settings, glossaries=()))


def test_the_memo_round_trips_and_ignores_a_foreign_file(tmp_path: Path) -> None:
    assert remembered_parts("s1", tmp_path) is None
    remember_parts("s1", PARTS, tmp_path)
    assert remembered_parts("s1", tmp_path) == PARTS
    (tmp_path / signature_memo.MEMO_FILE).write_text('{"format": "other"}', encoding="utf-8")
    assert remembered_parts("s1", tmp_path) is None
    (tmp_path / signature_memo.MEMO_FILE).write_text("not json", encoding="utf-8")
    assert remembered_parts("s1", tmp_path) is None


def test_the_memo_keeps_the_newest_stamps(tmp_path: Path) -> None:
    for n in range(signature_memo.MEMO_SIZE + 3):
        remember_parts(f"s{n}", PARTS, tmp_path)
    assert remembered_parts("s0", tmp_path) is None
    assert remembered_parts(f"s{signature_memo.MEMO_SIZE + 2}", tmp_path) == PARTS
    remember_parts("s3", PARTS, tmp_path)  # remembered again: the newest now
    remember_parts("late", PARTS, tmp_path)
    assert remembered_parts("s3", tmp_path) == PARTS


class _Loads:
    """Stands in for load_resources, counting the loads (a real load takes seconds)."""

    def __init__(self, parts: dict[str, str]) -> None:
        self.parts, self.count = parts, 0

    def __call__(self, settings: BuildSettings) -> Resources:
        self.count += 1
        return Resources(None, None, None, None, dict(self.parts))


def test_run_setup_loads_once_then_names_the_signature_from_the_memo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = _Loads(PARTS)
    monkeypatch.setattr("zhreader.pipeline.build.load_resources", loads)
    monkeypatch.setattr(signature_memo, "memo_folder", lambda: tmp_path)
    first = RunSetup.prepare(BuildSettings())
    assert loads.count == 1 and first.loaded is not None
    second = RunSetup.prepare(BuildSettings())
    assert loads.count == 1 and second.loaded is None  # nothing heavy loaded
    assert second.signature == first.signature
    assert second.fingerprint == "0badcafe"
    assert second.resources().signature_parts == PARTS and loads.count == 2


def test_a_build_that_disagrees_with_the_memo_drops_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("zhreader.pipeline.build.load_resources", _Loads(PARTS))
    monkeypatch.setattr(signature_memo, "memo_folder", lambda: tmp_path)
    RunSetup.prepare(BuildSettings())
    setup = RunSetup.prepare(BuildSettings())
    setup.confirm(setup.signature)
    assert remembered_parts(setup.stamp, tmp_path) == PARTS
    setup.confirm(setup.signature.replace("pypinyin-0.55.0", "pypinyin-0.56.0"))
    assert remembered_parts(setup.stamp, tmp_path) is None  # the next run loads for real


def test_given_resources_are_used_as_they_are(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(signature_memo, "memo_folder", lambda: tmp_path)
    given = Resources(None, None, None, None, dict(PARTS))
    setup = RunSetup.prepare(BuildSettings(), given)
    assert setup.resources() is given and setup.stamp is None
    assert not (tmp_path / signature_memo.MEMO_FILE).exists()


def test_the_code_identity_follows_the_content_of_the_packages_files(tmp_path, monkeypatch):
    rule = tmp_path / "gloss.py"
    rule.write_text("RULE = 1\n")
    monkeypatch.setattr(signature, "package_files", lambda: iter([("zhreader/gloss.py", rule)]))
    signature.code_identity.cache_clear()
    try:
        before = signature.code_identity()
        rule.write_text("RULE = 2\n")  # same size, same name: only the content tells
        signature.code_identity.cache_clear()
        assert signature.code_identity() != before
        assert before.startswith(f"{signature.__version__}+code:")
    finally:
        signature.code_identity.cache_clear()
