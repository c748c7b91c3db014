"""A context model for polyphones: g2pM's BiLSTM, run in plain numpy.

The weights, the character vocabulary, the reading classes and the per-character
reading lists come from the g2pM package (Park & Lee, "A Neural Grapheme-to-
Phoneme Conversion Package for Mandarin Chinese Based on a New Open Benchmark
Dataset", Interspeech 2020; kakaobrain/g2pM, Apache-2.0). The forward pass is
written again here, following g2pM's ``G2pM.predict``, because its own loop
multiplies every input by the weights at every step; here the input side is
folded into one lookup table per direction when the model loads, both
directions run in one matrix product per step, and only the logits of the
character's own readings are compared (g2pM takes the argmax over all 876
classes, so it can answer a reading the character does not have).
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import version
from typing import NamedTuple

import numpy as np

from zhreader.errors import ZhreaderError

# Characters either side of a polyphone that the model reads (see scores_many).
WINDOW = 10
# Rows per matrix product in the LSTM (see _blocked): numpy's BLAS computes up
# to 32 rows alike and without threads; 16 is what the scores were checked with.
_BLOCK = 16
# Windows run side by side in one pass: enough to share each step's overhead
# (a newspaper page holds a few hundred), few enough that a step's arrays stay in cache.
_PASS = 512
# g2pM's sentence markers (Korean syllables in its vocabulary) and unknown token.
_BOS, _EOS, _UNK = "\U0000c2dc", "\U0000b05d", "<UNK>"


@dataclass(frozen=True)
class _Weights:
    """The BiLSTM folded for inference (see the module docstring).

    Gate columns are laid out gate-major, both directions side by side:
    [i_fw i_bw | f_fw f_bw | g_fw g_bw | o_fw o_bw], each ``h`` wide, so each
    gate is one slice that lines up with the joint state [h_fw h_bw]. The
    sigmoid gates' columns are halved, because sigmoid(x) = (tanh(x/2) + 1) / 2
    lets one tanh call per step serve all four gates.
    """

    forward: np.ndarray  # [vocab, 8h]: input side of the forward direction, biases in
    backward: np.ndarray  # [vocab, 8h]: the same for the backward direction
    hidden: np.ndarray  # [2h, 8h]: recurrent weights of both directions
    fc0_w: np.ndarray
    fc0_b: np.ndarray
    fc1_w: np.ndarray
    fc1_b: np.ndarray


def _load_pickle(name: str):
    """Unpickle one of g2pM's shipped data files (trusted package data)."""
    try:
        data = resources.files("g2pM").joinpath(name).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as err:
        raise ZhreaderError(
            f"the polyphone model file g2pM/{name} is missing",
            hint="pip install g2pM==0.1.2.5 (it ships the weights; nothing is downloaded)",
        ) from err
    return pickle.loads(data)  # noqa: S301 - package data, not user input


def _place(block: np.ndarray, direction: int, h: int) -> np.ndarray:
    """Spread one direction's [rows, 4h] gate columns into the joint [rows, 8h] layout."""
    out = np.zeros((block.shape[0], 8 * h), dtype=np.float32)
    for gate in range(4):
        scale = 1.0 if gate == 2 else 0.5  # i, f, o are sigmoids; g is a tanh
        column = (2 * gate + direction) * h
        out[:, column : column + h] = scale * block[:, gate * h : (gate + 1) * h]
    return out


def _fold(state: dict) -> _Weights:
    """Precompute the input side of both LSTM directions into lookup tables."""
    emb = state["embedding.weight"].astype(np.float32)
    h = state["lstm.weight_hh_l0"].shape[1]
    tables = []
    for direction, suffix in enumerate(("", "_reverse")):
        bias = state[f"lstm.bias_ih_l0{suffix}"] + state[f"lstm.bias_hh_l0{suffix}"]
        tables.append(_place(emb @ state[f"lstm.weight_ih_l0{suffix}"].T + bias, direction, h))
    hidden = np.concatenate(
        [
            _place(state["lstm.weight_hh_l0"].T, 0, h),
            _place(state["lstm.weight_hh_l0_reverse"].T, 1, h),
        ]
    )
    return _Weights(
        forward=tables[0],
        backward=tables[1],
        hidden=hidden,
        fc0_w=state["logit_layer.0.weight"].T.astype(np.float32),
        fc0_b=state["logit_layer.0.bias"].astype(np.float32),
        fc1_w=state["logit_layer.2.weight"].T.astype(np.float32),
        fc1_b=state["logit_layer.2.bias"].astype(np.float32),
    )


class PolyphoneModel:
    """Choose a polyphone's reading from its sentence (numbered answers: ``le5``, ``lv4``)."""

    def __init__(self, weights: _Weights, char_ids: dict, readings: dict) -> None:
        self._w = weights
        self._char_ids = char_ids
        self._readings = readings  # char -> (class ids, readings) of its candidates
        self._h = weights.hidden.shape[0] // 2
        self._readings = {c: (ids.tolist(), names) for c, (ids, names) in readings.items()}

    @classmethod
    def load(cls) -> PolyphoneModel:
        """Load g2pM's shipped weights and tables once."""
        return cls.from_state(_load_pickle("np_ckpt.pkl"))

    @classmethod
    def from_state(cls, state: dict) -> PolyphoneModel:
        """Load g2pM's tables with other weights in its layout (the fine-tuning script's)."""
        class_ids = _load_pickle("class2idx.pkl")
        readings = {}
        for char, prons in _load_pickle("digest_cedict.pkl").items():
            known = [p for p in prons if p in class_ids]
            if len(known) > 1:
                # Answer in the reader's spelling: ü as v (g2pM writes lu:4).
                names = tuple(p.replace("u:", "v") for p in known)
                readings[char] = (np.array([class_ids[p] for p in known]), names)
        weights = _fold(state)
        return cls(weights, _load_pickle("char2idx.pkl"), readings)

    @staticmethod
    def version() -> str:
        """Name the model for signatures."""
        return f"g2pM-{version('g2pM')}"

    def handles(self, char: str) -> bool:
        """Return True if the model knows more than one reading of ``char``."""
        return char in self._readings

    def candidates(self, char: str) -> tuple[str, ...]:
        """Return the readings the model chooses among for ``char``."""
        entry = self._readings.get(char)
        return entry[1] if entry else ()

    def predict(self, sentence: str, positions: Sequence[int]) -> list[str]:
        """Return the reading of ``sentence[p]`` for each position (numbered: ``le5``)."""
        return [max(scores, key=scores.__getitem__) for scores in self.scores(sentence, positions)]

    def scores(self, sentence: str, positions: Sequence[int]) -> list[dict[str, float]]:
        """Return the logit of each candidate reading of ``sentence[p]`` per position."""
        return self.scores_many([(sentence, positions)])[0]

    def scores_many(
        self, items: Sequence[tuple[str, Sequence[int]]]
    ) -> list[list[dict[str, float]]]:
        """Score many sentences' polyphones, each from the ``WINDOW`` characters around it.

        Each polyphone is read from its own window (BOS + up to ``WINDOW``
        characters either side + EOS), and the windows run side by side, up
        to ``_PASS`` at a time: a step of the recurrence costs about the same
        for one window or many (numpy's call overhead dominates). On CPP dev
        the window reads as well as the whole sentence (docs/pinyin.md).
        """
        unk, bos, eos = (self._char_ids[m] for m in (_UNK, _BOS, _EOS))
        encoded: dict[str, list[int]] = {}
        windows = []
        for sentence, positions in items:
            ids = encoded.get(sentence)
            if ids is None:
                ids = encoded[sentence] = [self._char_ids.get(c, unk) for c in sentence]
            for position in positions:
                begin = max(0, position - WINDOW)
                seq = [bos, *ids[begin : position + WINDOW + 1], eos]
                windows.append(_Window(sentence[position], seq, position - begin + 1))
        scores = iter(
            [
                found
                for first in range(0, len(windows), _PASS)
                for found in self._logits(windows[first : first + _PASS])
            ]
        )
        return [[next(scores) for _ in positions] for _, positions in items]

    def _logits(self, windows: Sequence[_Window]) -> list[dict[str, float]]:
        """Return the candidate logits of each window's polyphone."""
        rows = self._states(windows)
        layer = np.maximum(_blocked(rows, self._w.fc0_w) + self._w.fc0_b, 0.0)
        logits = _blocked(layer, self._w.fc1_w) + self._w.fc1_b
        # Only a character's own readings are compared: pick those of the 876 classes.
        candidates = [self._readings[window.char] for window in windows]
        picked = logits[
            np.repeat(np.arange(len(windows)), [len(ids) for ids, _ in candidates]),
            [i for ids, _ in candidates for i in ids],
        ].tolist()
        out = []
        first = 0
        for _, names in candidates:
            out.append(dict(zip(names, picked[first : first + len(names)], strict=True)))
            first += len(names)
        return out

    def _states(self, windows: Sequence[_Window]) -> np.ndarray:
        """Run both LSTM directions over each window; return its polyphone's [2h] state.

        Step t feeds the forward LSTM the window's t-th id and the backward one
        its t-th id from the end; both stop once they have reached every
        polyphone (about half the window), and a window shorter than the
        longest reads padding after its end, which never reaches its polyphone.
        """
        count = len(windows)
        ahead = np.array([w.index for w in windows])  # forward steps before the polyphone
        behind = np.array([len(w.ids) - 1 - w.index for w in windows])  # backward steps
        steps = int(max(ahead.max(), behind.max())) + 1
        fw = np.zeros((steps, count), dtype=np.int64)  # 0 is g2pM's <PAD>
        bw = np.zeros((steps, count), dtype=np.int64)
        for row, window in enumerate(windows):
            ids = window.ids[:steps]
            fw[: len(ids), row] = ids
            ids = window.ids[::-1][:steps]
            bw[: len(ids), row] = ids
        h = self._h
        state = np.zeros((count, 2 * h), dtype=np.float32)
        cell = np.zeros((count, 2 * h), dtype=np.float32)
        out = np.empty((steps, count, 2 * h), dtype=np.float32)
        forward, backward, hidden_w = self._w.forward, self._w.backward, self._w.hidden
        i, f, g, o = (slice(k * 2 * h, (k + 1) * 2 * h) for k in range(4))
        for t in range(steps):
            z = np.tanh((forward[fw[t]] + backward[bw[t]]) + _blocked(state, hidden_w))
            gates = z * 0.5 + 0.5
            cell = gates[:, f] * cell + gates[:, i] * z[:, g]
            state = gates[:, o] * np.tanh(cell)
            out[t] = state
        rows = np.arange(count)
        return np.concatenate([out[ahead, rows, :h], out[behind, rows, h:]], axis=1)


class _Window(NamedTuple):
    """One polyphone's window: its character, BOS + ids + EOS, and its index in them."""

    char: str
    ids: list[int]
    index: int


def _blocked(rows: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Return ``rows @ weights``, multiplied ``_BLOCK`` rows at a time in one call.

    A product's bits depend on how many rows BLAS sees at once (OpenBLAS takes
    another kernel for larger ones, and starts threads, slow on a busy
    machine); stacking the rows in blocks of a fixed size keeps every row's
    result the same however many windows a text has.
    """
    count = rows.shape[0]
    blocks = -(-count // _BLOCK)
    padded = np.zeros((blocks * _BLOCK, rows.shape[1]), dtype=rows.dtype)
    padded[:count] = rows
    product = np.matmul(padded.reshape(blocks, _BLOCK, -1), weights)
    return product.reshape(blocks * _BLOCK, -1)[:count]


__all__ = ["PolyphoneModel"]
