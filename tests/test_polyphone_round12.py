"""The context model's training on g2pL dev too (--with-dev) and the folds that measure it."""

from __future__ import annotations

import collections
import sys

import pytest
from conftest import loaded_script, require_shared

from zhreader.pipeline.words.context_model import MARK, ContextModel, read_marked


@pytest.fixture(scope="module")
def trainer():
    with loaded_script("train_polyphones") as module:
        yield module


def test_dev_folds_are_line_parity(trainer):
    assert [trainer.dev_fold(k) for k in range(6)] == [0, 1, 0, 1, 0, 1]


def test_dev_folds_hold_every_character_of_g2pl_dev_in_both(trainer):
    """g2pL dev is sorted by character: its file halves share one, its folds all 114."""
    folder = require_shared("eval/g2pl")
    pairs = read_marked(folder / "dev.sent", folder / "dev.lb")
    per_fold = [collections.Counter(), collections.Counter()]
    for k, (sentence, index, _) in enumerate(pairs):
        per_fold[trainer.dev_fold(k)][sentence[index]] += 1
    half = (len(pairs) + 1) // 2
    first = {s[i] for s, i, _ in pairs[:half]}
    assert len(first & {s[i] for s, i, _ in pairs[half:]}) <= 1
    assert set(per_fold[0]) == set(per_fold[1]) and len(per_fold[0]) == 114
    assert all(abs(per_fold[0][c] - per_fold[1][c]) <= 1 for c in per_fold[0])


def _write_split(folder, name: str, rows: list[tuple[str, str, str, str]]) -> None:
    """Write NAME.sent/NAME.lb: (text before, polyphone, text after, reading) per line."""
    sent = [f"{before}{MARK}{char}{MARK}{after}" for before, char, after, _ in rows]
    (folder / f"{name}.sent").write_text("\n".join(sent) + "\n", encoding="utf-8")
    (folder / f"{name}.lb").write_text("\n".join(r[3] for r in rows) + "\n", encoding="utf-8")


def test_with_dev_learns_from_the_dev_split_too_and_is_reproducible(
    trainer, tmp_path, monkeypatch
):
    """行 has one reading in train (nothing to learn), two once dev is added."""
    data = tmp_path / "g2pl"
    data.mkdir()
    train = [("这条路很", "长", "。", "chang2"), ("他是我们的校", "长", "。", "zhang3")] * 3
    train += [("我们一起", "行", "动吧。", "xing2")] * 3
    dev = [("他去银", "行", "取钱。", "hang2"), ("我们一起", "行", "动吧。", "xing2")] * 2
    _write_split(data, "train", train)
    _write_split(data, "dev", dev)

    def built(name: str, *options: str) -> tuple[ContextModel, bytes]:
        out = tmp_path / name
        argv = ["train_polyphones.py", "--data", str(data), "--out", str(out), *options]
        monkeypatch.setattr(sys, "argv", argv)
        trainer.main()
        return ContextModel.load(out), out.read_bytes()

    alone, _ = built("alone.npz")
    both, raw = built("both.npz", "--with-dev")
    assert not alone.handles("行") and alone.candidates("长") == ("chang2", "zhang3")
    assert both.candidates("行") == ("hang2", "xing2")
    probs = both.log_probs("行", ["W:银行@1"])
    assert probs["hang2"] > probs["xing2"]
    assert built("again.npz", "--with-dev")[1] == raw
