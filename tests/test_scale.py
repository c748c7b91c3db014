"""Inputs that used to blow up time, memory or the stack: every stage stays linear.

Times are measured in benchmarks/input_scale.py, never asserted here; these
tests pin what can be pinned exactly: memory traced by tracemalloc, the
absence of recursion proportional to the input, and exact results on inputs
whose old cost was quadratic.
"""

from __future__ import annotations

import random
import sys
import tracemalloc
from pathlib import Path

import pytest

from zhreader.han import is_han
from zhreader.pipeline.structure.ingest import read_source
from zhreader.pipeline.structure.integrity import check_text_preserved
from zhreader.pipeline.structure.recover import recover_structure

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "linxiang-2020-04.txt"


def _han_runs(seed: int):
    han = [c for c in EXAMPLE.read_text(encoding="utf-8") if is_han(c)]
    rng = random.Random(seed)

    def run(length: int) -> str:
        return "".join(rng.choice(han) for _ in range(length))

    return run


def _structure(tmp_path: Path, text: str):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    source = read_source(path)
    edition, _ = recover_structure(source, None)
    return source, edition


def test_one_line_of_short_sentences_is_checked_in_memory_linear_in_the_line(tmp_path):
    run = _han_runs(1)
    line = "".join(run(3) + "。" for _ in range(5_000))  # 20,000 characters
    source, edition = _structure(tmp_path, "标题\n\n" + line + "\n")
    tracemalloc.start()
    try:
        check_text_preserved(source, edition)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # About a kilobyte per sentence placed (its task, generator and undo list).
    # The old matcher kept a copy of the rest of the line per sentence: 105 MB
    # here, 2.2 GB for the 20,000 sentences of 80 KB.
    assert peak < 2_000 * 5_000


# 5,000 lines: far deeper than Python's recursion limit (1,000), so any
# recursion proportional to the lines of the input fails here.
def _wrapped(run) -> str:
    return "标题\n\n" + "\n".join(run(16) + "，" + run(20) for _ in range(5000)) + "。\n"


def _credits(run) -> str:
    return "标题\n\n" + "刘实华 摄\n" * 5000


def _tiny(run) -> str:
    return "".join(run(4) + "。\n\n" for _ in range(5000))


@pytest.mark.parametrize("make", [_wrapped, _credits, _tiny], ids=["wrapped", "credits", "tiny"])
def test_many_lines_need_no_recursion(tmp_path, make) -> None:
    source, edition = _structure(tmp_path, make(_han_runs(2)))
    assert sys.getrecursionlimit() <= 5000
    check_text_preserved(source, edition)


def _lines_run(function, *args) -> int:
    """Count the lines of segment.py that ``function(*args)`` executes: work, not time."""
    from zhreader.pipeline.words import segment

    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename != segment.__file__:
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        function(*args)
    finally:
        sys.settrace(None)
    return count


@pytest.fixture(scope="module")
def segmenter():
    from zhreader.pipeline.glossary.load import load_glossaries
    from zhreader.pipeline.words.annotate import Annotator

    return Annotator.initialize(load_glossaries(()))._segmenter


def test_segmenting_a_line_without_punctuation_is_linear(segmenter) -> None:
    # Glossary terms and a recurring name with no punctuation: the old overlap
    # check compared each span with every span taken before it (quadratic).
    unit = "扶贫车间村民王春生发展产业"
    small = _lines_run(segmenter.segment, unit * 200)
    large = _lines_run(segmenter.segment, unit * 800)
    assert large / small < 4 * 1.25  # 4× the text: 4× the work, not 16×


def test_fixed_spans_on_a_long_unpunctuated_line(segmenter) -> None:
    unit = "扶贫车间王春生"
    text = unit * 10_000  # 70,000 characters: 10,000 terms and 10,000 names
    pieces = segmenter._fixed_spans(text, {"王春生"})
    assert [(start, end) for start, end, _ in pieces[:3]] == [(0, 4), (4, 7), (7, 11)]
    assert len(pieces) == 20_000 and "".join(p.text for _, _, p in pieces) == text
