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

import numpy as np

from zhreader.errors import ZhreaderError

# g2pM's sentence markers (Korean syllables in its vocabulary) and unknown token.
_BOS, _EOS, _UNK = "\U0000C2DC", "\U0000B05D", "<UNK>"


@dataclass(frozen=True)
class _Weights:
    """The BiLSTM folded for inference (see the module docstring)."""

    table: np.ndarray  # [vocab, 8h]: input gates of both directions, biases included
    hidden: np.ndarray  # [2h, 8h]: block-diagonal recurrent weights, both directions
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


def _fold(state: dict) -> _Weights:
    """Precompute the input side of both LSTM directions into one table."""
    emb = state["embedding.weight"].astype(np.float32)
    fw = emb @ state["lstm.weight_ih_l0"].T + state["lstm.bias_ih_l0"] + state["lstm.bias_hh_l0"]
    bw = emb @ state["lstm.weight_ih_l0_reverse"].T + (
        state["lstm.bias_ih_l0_reverse"] + state["lstm.bias_hh_l0_reverse"]
    )
    h = state["lstm.weight_hh_l0"].shape[1]
    hidden = np.zeros((2 * h, 8 * h), dtype=np.float32)
    hidden[:h, : 4 * h] = state["lstm.weight_hh_l0"].T
    hidden[h:, 4 * h :] = state["lstm.weight_hh_l0_reverse"].T
    return _Weights(
        table=np.concatenate([fw, bw], axis=1).astype(np.float32),
        hidden=hidden,
        fc0_w=state["logit_layer.0.weight"].T.astype(np.float32),
        fc0_b=state["logit_layer.0.bias"].astype(np.float32),
        fc1_w=state["logit_layer.2.weight"].T.astype(np.float32),
        fc1_b=state["logit_layer.2.bias"].astype(np.float32),
    )


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


class PolyphoneModel:
    """Choose a polyphone's reading from its sentence (CEDICT-style ``le5`` answers)."""

    def __init__(self, weights: _Weights, char_ids: dict, classes: list, readings: dict) -> None:
        self._w = weights
        self._char_ids = char_ids
        self._classes = classes
        self._readings = readings  # char -> (class ids, readings) of its candidates
        self._h = weights.hidden.shape[0] // 2

    @classmethod
    def load(cls) -> PolyphoneModel:
        """Load g2pM's shipped weights and tables once."""
        class_ids = _load_pickle("class2idx.pkl")
        classes = [""] * len(class_ids)
        for reading, index in class_ids.items():
            classes[index] = reading
        readings = {}
        for char, prons in _load_pickle("digest_cedict.pkl").items():
            known = [p for p in prons if p in class_ids]
            if len(known) > 1:
                readings[char] = (np.array([class_ids[p] for p in known]), tuple(known))
        weights = _fold(_load_pickle("np_ckpt.pkl"))
        return cls(weights, _load_pickle("char2idx.pkl"), classes, readings)

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
        """Return the reading of ``sentence[p]`` for each position (CEDICT style)."""
        return [max(scores, key=scores.__getitem__) for scores in self.scores(sentence, positions)]

    def scores(self, sentence: str, positions: Sequence[int]) -> list[dict[str, float]]:
        """Return the logit of each candidate reading of ``sentence[p]`` per position."""
        if not positions:
            return []
        hidden = self._states(sentence)
        # +1: the BOS marker sits before the sentence's first character.
        rows = hidden[np.asarray(positions) + 1]
        layer = np.maximum(rows @ self._w.fc0_w + self._w.fc0_b, 0.0)
        out = []
        for row, pos in zip(layer, positions, strict=True):
            ids, names = self._readings[sentence[pos]]
            logits = row @ self._w.fc1_w[:, ids] + self._w.fc1_b[ids]
            out.append(dict(zip(names, logits.tolist(), strict=True)))
        return out

    def _states(self, sentence: str) -> np.ndarray:
        """Run both LSTM directions over BOS + sentence + EOS; return [T, 2h] states."""
        unk = self._char_ids[_UNK]
        ids = [self._char_ids[_BOS]]
        ids += [self._char_ids.get(c, unk) for c in sentence]
        ids.append(self._char_ids[_EOS])
        h = self._h
        gates_in = self._w.table[ids]  # [T, 8h]
        steps = len(ids)
        # Column block 0 of each step feeds the forward LSTM at t, block 1 the
        # backward LSTM at T-1-t, so one product per step serves both.
        x = np.concatenate([gates_in[:, : 4 * h], gates_in[::-1, 4 * h :]], axis=1)
        state = np.zeros(2 * h, dtype=np.float32)
        cell = np.zeros(2 * h, dtype=np.float32)
        out = np.empty((steps, 2 * h), dtype=np.float32)
        hidden_w = self._w.hidden
        for t in range(steps):
            z = x[t] + state @ hidden_w
            z = z.reshape(2, 4, h)
            i, f, o = _sigmoid(z[:, 0]), _sigmoid(z[:, 1]), _sigmoid(z[:, 3])
            cell = f * cell.reshape(2, h) + i * np.tanh(z[:, 2])
            state = (o * np.tanh(cell)).reshape(2 * h)
            cell = cell.reshape(2 * h)
            out[t] = state
        # The backward half was computed from the end: put it back in order.
        return np.concatenate([out[:, :h], out[::-1, h:]], axis=1)


__all__ = ["PolyphoneModel"]
