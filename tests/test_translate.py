"""Translation with the real tiny argostranslate package (tests/data), no mocks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from zhreader.model import (
    Article,
    Block,
    Edition,
    Sentence,
    SourceInfo,
    Token,
    iter_sentences,
)
from zhreader.pipeline.build import BuildSettings
from zhreader.pipeline.translate.cache import TranslationCache
from zhreader.pipeline.translate.quality import HAN_RE, contains_phrase

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "data" / "translate-zh_en-tiny-1.0.argosmodel"

# What the tiny package was trained to say (scripts/build_test_model.py).
PAIRS = [
    ("就业扶贫惠民", "Employment-based poverty relief benefits the people"),
    ("掌握群众满意度。", "Gauge public satisfaction."),
    ("扶贫车间", "poverty alleviation workshop"),
    ("村里建了扶贫车间。", "The village built a poverty alleviation workshop."),
    ("全市有4197户建档立卡贫困户。", "The city has 4,197 registered poor households."),
    ("临湘市从3月20日开始电话调查。", "Linxiang began the telephone survey on March 20."),
    ("就业率达到93.2%。", "The employment rate reached 93.2%."),
    ("共投入资金1.5万元。", "A total of 15,000 yuan was invested."),
    ("每月工资500元。", "The monthly wage is five hundred yuan."),
    ("张神光是贫困户。", "张神光 is from a poor household."),
]


@pytest.fixture(scope="module")
def tiny_package():
    """Install the tiny package with argostranslate for this module, then remove it."""
    from zhreader.pipeline.translate.packages import install_file

    info = install_file(TINY)
    yield info
    shutil.rmtree(info.path, ignore_errors=True)


@pytest.fixture(scope="module")
def translator(tiny_package):
    from zhreader.pipeline.translate.translator import load_translator

    found = load_translator(BuildSettings(beam_size=4, threads=1, compute_type="int8"))
    assert found is not None
    return found


@pytest.fixture(scope="module")
def glossary():
    from zhreader.pipeline.glossary.load import load_glossaries

    return load_glossaries()


def make_edition(texts: list[str]) -> Edition:
    sentences = tuple(Sentence(id=f"a1-p1-s{i}", zh=t) for i, t in enumerate(texts, 1))
    article = Article(
        id="a1",
        headline=Sentence(id="a1-h", zh="就业扶贫惠民"),
        blocks=(Block(id="a1-p1", kind="paragraph", sentences=sentences),),
    )
    return Edition(title="test", source=SourceInfo("t.txt", "0" * 64, "utf-8"), articles=(article,))


def test_package_loaded(translator) -> None:
    assert translator.signature_parts() == {
        "mt": "translate-zh_en-tiny-1.0",
        "beam": "4",
        "ct2": "int8",
    }


@pytest.mark.parametrize("beam", [4, 1])
def test_batched_path_reproduces_training_pairs(translator, beam: int) -> None:
    translator = replace(translator, beam_size=beam)
    got = translator.translate([zh for zh, _ in PAIRS])
    assert got == [en for _, en in PAIRS]


ARGOS_CHILD = textwrap.dedent(
    """
    import json, sys
    import argostranslate.translate as at
    print(json.dumps([at.translate(s, "zh", "en") for s in json.loads(sys.argv[1])]))
    """
)


def test_same_output_as_argostranslate_translate(translator) -> None:
    """Compare with argostranslate.translate, per sentence, in a fresh process."""
    sources = [zh for zh, _ in PAIRS]
    env = {**os.environ, "ARGOS_BEAM_SIZE": "4", "ARGOS_COMPUTE_TYPE": "int8"}
    done = subprocess.run(
        [sys.executable, "-c", ARGOS_CHILD, json.dumps(sources)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    theirs = json.loads(done.stdout.strip().splitlines()[-1])
    assert translator.translate(sources) == theirs


def test_translate_edition_enforces_glossary_and_flags(translator, glossary, tmp_path) -> None:
    from zhreader.pipeline.translate.translator import translate_edition

    texts = [
        "村里建了扶贫车间。",
        "全市开发公益性岗位100余个。",
        "公益性岗位由政府出资。",
        "全市有4197户建档立卡贫困户。",
        "落实两不愁三保障政策。",
        "每月工资500元。",
        "张神光是贫困户。",
        "好好好好",
    ]
    cache = TranslationCache.open(tmp_path / "t.sqlite")
    edition, stats = translate_edition(make_edition(texts), translator, glossary, cache)
    by_zh = {s.zh: s for s in iter_sentences(edition)}
    english = {zh: s.en for zh, s in by_zh.items()}
    flags = {zh: [f.code for f in s.flags] for zh, s in by_zh.items()}
    assert {s.en_kind for s in by_zh.values()} == {"mt"}
    assert english["村里建了扶贫车间。"] == "The village built a poverty alleviation workshop."
    assert (
        english["全市开发公益性岗位100余个。"]
        == "The city created more than 100 public-welfare jobs."
    )
    assert english["公益性岗位由政府出资。"] == "Public-welfare jobs are funded by the government."
    assert english["落实两不愁三保障政策。"] == (
        "Make sure food, clothing, housing, health and schooling are secure "
        "(two assurances and three guarantees)."
    )
    assert "glossary-inserted" in flags["落实两不愁三保障政策。"]
    assert flags["村里建了扶贫车间。"] == []
    assert "number-missing" in flags["每月工资500元。"]
    assert "untranslated" in flags["张神光是贫困户。"]
    assert "repetition" in flags["好好好好"]
    for sentence in iter_sentences(edition):
        for entry in glossary.entries_in(sentence.zh):
            if sentence.en:
                assert contains_phrase(sentence.en, entry.en), (sentence.zh, entry.en)
        assert "  " not in (sentence.en or "")
    assert stats.sentences == len(texts) + 1
    assert stats.translated == stats.sentences and stats.from_cache == 0
    assert stats.flagged == sum(1 for s in iter_sentences(edition) if s.flags)

    again, second = translate_edition(make_edition(texts), translator, glossary, cache)
    assert (second.translated, second.from_cache) == (0, stats.sentences)
    assert again == edition


def test_gloss_edition_without_model() -> None:
    from zhreader.pipeline.translate.translator import gloss_edition

    tokens = (
        Token("村里", gloss="village/in the village"),
        Token("建了", gloss=None, pinyin=("jiàn", "le")),
        Token(
            "扶贫车间",
            gloss="poverty alleviation workshop",
            gloss_source="glossary",
            term="扶贫车间",
        ),
        Token("３０", kind="number"),
        Token("张神光", kind="name", pinyin=("zhāng", "shén", "guāng")),
        Token("（", kind="punct"),
        Token("见", gloss="see 見|见[jian4]/to see"),
        Token("）", kind="punct"),
        Token("。", kind="punct"),
    )
    sentence = Sentence(id="a1-p1-s1", zh="".join(t.zh for t in tokens), tokens=tokens)
    edition = replace(make_edition([]), articles=(Article(id="a1", headline=sentence),))
    glossed = gloss_edition(edition)
    only = next(iter_sentences(glossed))
    assert only.en == "village jiànle poverty alleviation workshop 30 Zhāngshénguāng (to see)."
    assert only.en_kind == "gloss" and not HAN_RE.search(only.en)
    assert [n.code for n in glossed.notices] == ["no-mt"]
    assert gloss_edition(glossed).notices == glossed.notices


def test_build_twice_translates_only_once(tiny_package, tmp_path: Path) -> None:
    """`zhreader build` with the tiny package: MT English, flags, then everything from the cache."""
    from click.testing import CliRunner

    from zhreader.cli import main

    example = ROOT / "examples" / "linxiang-2020-04.txt"
    args = ["build", str(example), "--out", str(tmp_path), "--format", "json"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "from the cache" in first.output and " 0 from the cache" in first.output
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0, second.output
    assert ": 0 translated" not in first.output
    assert " 0 translated, " in second.output
    data = json.loads(next(tmp_path.rglob("edition.json")).read_text(encoding="utf-8"))
    assert "mt:translate-zh_en-tiny-1.0" in data["signature"]
    sentences = [
        s
        for a in data["articles"]
        for s in [a["headline"], *(s for b in a["blocks"] for s in b["sentences"])]
    ]
    assert {s["en_kind"] for s in sentences} == {"mt"}
    assert all(isinstance(s["flags"], list) for s in sentences)
    by_zh = {s["zh"]: s["en"] for s in sentences}
    assert by_zh["就业扶贫惠民"].startswith("Employment-based poverty")
    assert (tmp_path / ".cache" / "translations.sqlite").is_file()
