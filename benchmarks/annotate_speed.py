"""Annotation throughput and start-up, against a bare jieba + pypinyin loop in the same run.

Run: python benchmarks/annotate_speed.py [FILE]   (default: the example issue)

Throughput: characters per second of the full annotation (segmentation with
terms and names, pinyin in context with sandhi, CC-CEDICT glosses, HSK levels)
against ``jieba.lcut`` + ``pypinyin.lazy_pinyin`` over the same lines. Each
side runs ROUNDS times; the best round counts (the machine is shared, so the
slowest rounds measure the neighbours). Start-up: a fresh interpreter imports
zhreader and initializes the Annotator with the bundled glossary (caches warm).
The last line is one JSON object.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ROUNDS = 5
TARGET_RATIO = 2.0
TARGET_STARTUP_S = 1.5


# Names the issue lists, and the example's other people, for the accuracy figure.
def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


EXPECTED_NAMES = _split(
    "张神光 袁散云 曾晓虎 廖星辉 谢胜 李瑜 方震 孟宪忠 李美华 肖果园 "
    "周土山 杜学文 谢强肩 刘飞翔 张富次 贺新 李达 赵府臣 高鸿儒 刘实华"
)
EXPECTED_PLACES = _split("临湘市 五里牌街道 许畈村 羊楼司镇 忠防镇 江南镇 牛湖村 马坳村")

STARTUP = """
import time
t0 = time.perf_counter()
from zhreader.pipeline.glossary import load_glossaries
from zhreader.pipeline.annotate import Annotator
glossary = load_glossaries(())
t1 = time.perf_counter()
annotator = Annotator.initialize(glossary)
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, t2 - t0)
"""


def startup() -> tuple[float, float, float]:
    """Return (glossary import+load, annotator initialize, total) seconds in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", STARTUP], env=env, capture_output=True, text=True, check=True
        )
        runs.append(tuple(float(x) for x in out.stdout.split()))
    return min(runs, key=lambda r: r[2])


def best_of(rounds: int, work) -> tuple[float, float]:
    """Return (first round, best round) seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times[0], min(times)


def accuracy(annotator, lines: list[str]) -> tuple[float, float]:
    """Return the share of expected names and places that are whole tokens wherever they occur."""
    tokens = [t for line in lines for t in annotator.tokens(line)]
    text = "\n".join(lines)

    def share(expected, kind):
        def whole(word: str) -> bool:
            return sum(t.zh == word and t.kind == kind for t in tokens) == text.count(word)

        return sum(map(whole, expected)) / len(expected)

    return share(EXPECTED_NAMES, "name"), share(EXPECTED_PLACES, "place")


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "linxiang-2020-04.txt"
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    chars = sum(len(line) for line in lines)

    import jieba
    import pypinyin
    from zhreader.pipeline.annotate import Annotator
    from zhreader.pipeline.glossary import load_glossaries

    annotator = Annotator.initialize(load_glossaries(()))  # also builds the caches once
    jieba.initialize()
    pypinyin.lazy_pinyin("预热")

    def bare() -> None:
        for line in lines:
            jieba.lcut(line)
            pypinyin.lazy_pinyin(line)

    def ours() -> None:
        for line in lines:
            annotator.tokens(line)

    bare_first, bare_best = best_of(ROUNDS, bare)
    ours_first, ours_best = best_of(ROUNDS, ours)
    ratio = ours_best / bare_best
    glossary_s, init_s, startup_s = startup()
    names, places = accuracy(annotator, lines)

    print(f"text: {source.name}, {len(lines)} lines, {chars} characters; best of {ROUNDS} rounds")
    print(f"bare jieba.lcut + lazy_pinyin : {chars / bare_best:10.0f} chars/s")
    print(f"zhreader annotate (tokens)    : {chars / ours_best:10.0f} chars/s")
    print(f"  first round (cold lookups)  : {chars / ours_first:10.0f} chars/s")
    print(f"ratio (ours / bare)           : {ratio:10.2f}   target <= {TARGET_RATIO}")
    print(
        f"start-up (fresh process)      : {startup_s:10.2f} s  target < {TARGET_STARTUP_S}"
        f"  (glossary {glossary_s:.2f} s, annotator {init_s:.2f} s)"
    )
    print(f"names whole everywhere        : {names:10.0%}   ({len(EXPECTED_NAMES)} names)")
    print(f"places whole everywhere       : {places:10.0%}   ({len(EXPECTED_PLACES)} places)")
    print(
        json.dumps(
            {
                "ratio": round(ratio, 3),
                "ratio_first_round": round(ours_first / bare_first, 3),
                "chars_per_s": round(chars / ours_best),
                "bare_chars_per_s": round(chars / bare_best),
                "startup_s": round(startup_s, 3),
                "startup_glossary_s": round(glossary_s, 3),
                "startup_annotator_s": round(init_s, 3),
                "names_whole": round(names, 3),
                "places_whole": round(places, 3),
                "chars": chars,
            }
        )
    )


if __name__ == "__main__":
    main()
