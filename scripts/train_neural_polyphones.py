"""EXPERIMENTAL (not shipped): fine-tune g2pM's BiLSTM on g2pL's training split with PyTorch.

    python scripts/train_neural_polyphones.py [--data ../shared/eval/g2pl]
        [--cpp ../shared/eval/cpp-dev] [--epochs 3] [--distill 1.0]
        [--distill-items 150000] [--anchor 0.0] [--adjust 0.0] [--lr 0.001]
        [--grid] [--keep DIR] [--components FILE] [--out FILE]

Training time only: needs PyTorch (``pip install torch==2.13.0``, the CPU
build; never a runtime or test dependency). The model starts from g2pM's own
weights (Park & Lee 2020, trained by its authors on CPP's training split) and
learns g2pL's contexts from the labelled polyphone of each training sentence
(cross-entropy over the character's own readings, on the same window of
``polyphone.WINDOW`` characters either side that the reader's numpy port
reads), while it keeps what g2pM knew: the original model's distribution over
the readings of ``--distill-items`` of the *other* polyphones of the same
sentences is a distillation target (KL, weight ``--distill``), and
``--anchor`` pulls the weights towards the original (L2). ``--adjust`` trains
with logit adjustment (that much of the log of each reading's share of g2pL
train added to the logits in the loss only), so the fine-tuned logits hold the
context's evidence rather than g2pL's designed reading shares. Seeded
(``SEED``), two threads: the same setting gives the same weights on one
machine.

It writes nothing into the package. ``--out FILE`` writes the fine-tuned
weights (float16, fixed zip dates) under g2pM's checkpoint names;
``PolyphoneModel.from_state`` runs them in numpy. Otherwise it reports, for
the given setting (or each of ``SETTINGS`` with ``--grid``; ``--keep DIR``
saves each model), the model alone and the reader with every combination of
``COMBINATIONS`` on both halves of g2pL dev and CPP dev, computed on the
reader's components cached per sentence (rules, dictionaries, segmenter and
the trained regression run once; ``--components FILE`` keeps them between
runs), and ``pick``s one on the first halves only; the second halves are held
out. The last line is one JSON object. docs/pinyin.md has the figures: the
frontier between CPP and g2pL moved by about 0.1 point, so nothing was shipped.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import pickle
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "g2pl"
DEFAULT_CPP = ROOT.parent / "shared" / "eval" / "cpp-dev"
SEED = 13
# How the reader combines the fine-tuned model: (share, context weight, shift,
# tuned shift). For the characters the trained regression knows (g2pL's 114),
# g2pM's logits become (1 - share) x g2pM's + share x (the fine-tuned model's
# less ``tuned shift`` x the log of g2pL's reading shares); the other
# polyphones keep g2pM's (fine-tuning moves them too: distillation slows that
# down, it does not stop it). The regression is added as on main (weight,
# label shift). Main is (0, 3, 0.5, 0).
COMBINATIONS = tuple(
    (share, weight, shift, tuned_shift)
    for share in (0.25, 0.5, 0.75, 1.0)
    for weight in (1.0, 2.0, 3.0)
    for shift in (0.5, 1.0)
    for tuned_shift in (0.0, 0.5)
)
MAIN = (0.0, 3.0, 0.5, 0.0)


class Vocabulary:
    """g2pM's character ids, reading classes and each polyphone's candidate classes."""

    def __init__(self) -> None:
        from zhreader.pipeline.words.polyphone import _BOS, _EOS, _UNK, _load_pickle

        self.state = _load_pickle("np_ckpt.pkl")
        self.char_ids = _load_pickle("char2idx.pkl")
        self.class_ids = _load_pickle("class2idx.pkl")
        self.candidates = {}
        for char, prons in _load_pickle("digest_cedict.pkl").items():
            known = [self.class_ids[p] for p in prons if p in self.class_ids]
            if len(known) > 1:
                self.candidates[char] = known
        self.unk, self.bos, self.eos = (self.char_ids[m] for m in (_UNK, _BOS, _EOS))
        self.names = {i: p.replace("u:", "v") for p, i in self.class_ids.items()}

    def window(self, sentence: str, position: int) -> tuple[list[int], int]:
        """Return BOS + the ids ``WINDOW`` either side + EOS, and the polyphone's index."""
        from zhreader.pipeline.words.polyphone import WINDOW

        begin = max(0, position - WINDOW)
        ids = [self.char_ids.get(c, self.unk) for c in sentence[begin : position + WINDOW + 1]]
        return [self.bos, *ids, self.eos], position - begin + 1


def build_net(state: dict):
    """Return g2pM's network in PyTorch, holding ``state`` (g2pM's numpy checkpoint)."""
    import torch
    from torch import nn
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            vocab, dim = state["embedding.weight"].shape
            hidden = state["lstm.weight_hh_l0"].shape[1]
            self.embedding = nn.Embedding(vocab, dim)
            self.lstm = nn.LSTM(dim, hidden, batch_first=True, bidirectional=True)
            self.fc0 = nn.Linear(2 * hidden, state["logit_layer.0.weight"].shape[0])
            self.fc1 = nn.Linear(*state["logit_layer.2.weight"].shape[::-1])

        def forward(self, ids, lengths, index):
            packed = pack_padded_sequence(
                self.embedding(ids), lengths, batch_first=True, enforce_sorted=False
            )
            out, _ = pad_packed_sequence(self.lstm(packed)[0], batch_first=True)
            at = out[torch.arange(len(index)), index]
            return self.fc1(torch.relu(self.fc0(at)))

    net = Net()
    own = net.state_dict()
    for key, value in state.items():
        name = key.replace("logit_layer.0", "fc0").replace("logit_layer.2", "fc1")
        own[name] = torch.tensor(np.asarray(value, dtype=np.float32))
    net.load_state_dict(own)
    return net


def numpy_state(net) -> dict[str, np.ndarray]:
    """Return the network's weights under g2pM's checkpoint names (float32)."""
    out = {}
    for name, value in net.state_dict().items():
        key = name.replace("fc0", "logit_layer.0").replace("fc1", "logit_layer.2")
        out[key] = value.detach().numpy().astype(np.float32)
    return out


class Windows:
    """Padded windows, the polyphone's index in each, and its candidate mask row."""

    def __init__(self, vocab: Vocabulary, items) -> None:
        import torch

        pairs = [vocab.window(sentence, position) for sentence, position in items]
        width = max(len(ids) for ids, _ in pairs)
        self.ids = torch.zeros((len(pairs), width), dtype=torch.long)  # 0: g2pM's <PAD>
        for row, (ids, _) in enumerate(pairs):
            self.ids[row, : len(ids)] = torch.tensor(ids)
        self.lengths = torch.tensor([len(ids) for ids, _ in pairs])
        self.index = torch.tensor([index for _, index in pairs])
        mask = torch.zeros((len(pairs), len(vocab.class_ids)), dtype=torch.bool)
        for row, (sentence, position) in enumerate(items):
            mask[row, vocab.candidates[sentence[position]]] = True
        self.mask = mask

    def __len__(self) -> int:
        return len(self.index)

    def logits(self, net, rows=None):
        """Return the masked logits (non-candidates at -inf) of the chosen rows."""
        rows = slice(None) if rows is None else rows
        raw = net(self.ids[rows], self.lengths[rows], self.index[rows])
        return raw.masked_fill(~self.mask[rows], float("-inf"))


def training_items(vocab: Vocabulary, pairs):
    """Return the labelled (sentence, position, class) items and the other polyphones' sites."""
    labelled, others = [], []
    for sentence, index, label in pairs:
        if label in vocab.class_ids and vocab.class_ids[label] in vocab.candidates.get(
            sentence[index], ()
        ):
            labelled.append((sentence, index, vocab.class_ids[label]))
        others.extend(
            (sentence, p)
            for p, c in enumerate(sentence)
            if p != index and c in vocab.candidates
        )
    return labelled, others


def log_shares(vocab: Vocabulary, labelled):
    """Return a [classes] log-share table per labelled item (g2pL's reading shares)."""
    import torch

    counts: dict[str, dict[int, int]] = {}
    for sentence, index, cls in labelled:
        per = counts.setdefault(sentence[index], {})
        per[cls] = per.get(cls, 0) + 1
    table = {}
    for char, per in counts.items():
        row = torch.zeros(len(vocab.class_ids))
        options = vocab.candidates[char]
        total = sum(per.values()) + len(options)
        for cls in options:
            row[cls] = math.log((per.get(cls, 0) + 1) / total)
        table[char] = row
    return torch.stack([table[s[i]] for s, i, _ in labelled])


def train(vocab: Vocabulary, labelled, others, args, log=print):
    """Fine-tune g2pM's network; return it (seeded, deterministic on one machine)."""
    import torch

    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    net = build_net(vocab.state)
    original = {k: v.detach().clone() for k, v in net.state_dict().items()}
    gold = Windows(vocab, [(s, i) for s, i, _ in labelled])
    targets = torch.tensor([c for _, _, c in labelled])
    shares = log_shares(vocab, labelled) * args.adjust
    chosen = rng.choice(len(others), size=min(len(others), args.distill_items), replace=False)
    soft = Windows(vocab, [others[k] for k in sorted(chosen)])
    with torch.no_grad():
        teacher = torch.cat(
            [
                torch.log_softmax(soft.logits(net, slice(b, b + 2048)), dim=1)
                for b in range(0, len(soft), 2048)
            ]
        )
    optimiser = torch.optim.Adam(net.parameters(), lr=args.lr)
    batch = args.batch
    steps = math.ceil(len(gold) / batch)
    for epoch in range(args.epochs):
        order = torch.tensor(rng.permutation(len(gold)))
        soft_order = torch.tensor(rng.permutation(len(soft)))
        soft_batch = max(1, len(soft) // steps)
        total = 0.0
        net.train()
        for step in range(steps):
            rows = order[step * batch : (step + 1) * batch]
            logits = gold.logits(net, rows) + shares[rows]
            loss = torch.nn.functional.cross_entropy(logits, targets[rows])
            if args.distill > 0:
                srows = soft_order[step * soft_batch : (step + 1) * soft_batch]
                student = torch.log_softmax(soft.logits(net, srows), dim=1)
                t = teacher[srows]
                kl = (t.exp() * (t - student)).masked_fill(~soft.mask[srows], 0.0).sum(1)
                loss = loss + args.distill * kl.mean()
            if args.anchor > 0:
                drift = sum(((p - original[n]) ** 2).sum() for n, p in net.named_parameters())
                loss = loss + args.anchor * drift
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += float(loss.detach())
        log(f"  epoch {epoch + 1}: loss {total / steps:.4f}")
    net.eval()
    return net


class Cached:
    """One benchmark sentence's reader components, computed once (rules, evidence, trained LR)."""

    __slots__ = ("decided", "gold", "text", "index", "bonus", "context", "priors", "g2pm")

    def __init__(self, gold: str) -> None:
        self.gold = gold
        self.decided: str | None = None  # the reader's answer where no model decides
        self.text = ""
        self.index = 0
        self.bonus: dict[str, float] = {}
        self.context: dict[str, float] = {}
        self.priors: dict[str, float] = {}
        self.g2pm: dict[str, float] = {}


def cache_components(pairs, reader, segmenter) -> list[Cached]:
    """Return each sentence's reader components for its marked polyphone.

    Reads the reader's own pending polyphones (``_prepare``) and its trained
    model's scores, so that the figures are the reader's (the main row
    reproduces benchmarks/polyphones.py's) while the networks vary.
    """
    from zhreader.han import is_han
    from zhreader.pinyin_text import numbered
    from zhreader.pipeline.words.context_model import Site

    out = []
    for sentence, index, label in pairs:
        item = Cached(label.replace("u:", "v"))
        pieces = segmenter.segment(sentence)
        words, kinds = [p.text for p in pieces], [p.kind for p in pieces]
        site = Site.at(words, index)
        _, pending = reader._prepare(words, kinds)
        poly = next(
            (p for p in pending if p.word == site.word and p.site.offset == site.offset), None
        )
        if poly is None:
            syllables = [s for found in reader.read(words, kinds) for s in found]
            han = sum(1 for c in sentence[:index] if is_han(c))
            item.decided = numbered(syllables[han]) if han < len(syllables) else ""
        else:
            item.text, item.index, item.bonus = poly.text, poly.index, dict(poly.bonus)
            item.context = reader._context_scores_many([poly])[0]
            if item.context:
                # Undo the reader's shift: keep the raw log-probabilities and priors.
                char = poly.text[poly.index]
                item.priors = reader._context.log_priors(char)
                shift = reader._prior_shift
                item.context = {r: v + shift * item.priors[r] for r, v in item.context.items()}
            (item.g2pm,) = reader._model.scores_many([(poly.text, [poly.index])])[0]
        out.append(item)
    return out


def model_logits(net, cached: dict[str, list[Cached]]) -> dict[str, list]:
    """Return the fine-tuned model's logits over each open polyphone's readings, per set."""
    from zhreader.pipeline.words.polyphone import PolyphoneModel

    model = PolyphoneModel.from_state(numpy_state(net))
    out = {}
    for name, items in cached.items():
        open_items = [c for c in items if c.decided is None]
        scores = model.scores_many([(c.text, [c.index]) for c in open_items])
        found = iter(s for (s,) in scores)
        out[name] = [next(found) if c.decided is None else {} for c in items]
    return out


def combined(cached: list[Cached], tuned, combination) -> list[bool]:
    """Return whether the reader's sum (as ``PinyinReader.choose``) reads each sentence right."""
    share, weight, shift, tuned_shift = combination
    right = []
    for item, logits in zip(cached, tuned, strict=True):
        if item.decided is not None:
            right.append(item.decided == item.gold)
            continue
        options = dict(item.g2pm)
        if item.context and logits:
            low = min(item.priors.values())
            options = {
                r: (1 - share) * v
                + share * (logits[r] - tuned_shift * item.priors.get(r, low))
                for r, v in options.items()
            }
        context = {r: v - shift * item.priors[r] for r, v in item.context.items()}
        floor = min(context.values(), default=0.0)
        best = max(
            options,
            key=lambda r: options[r] + weight * context.get(r, floor) + item.bonus.get(r, 0.0),
        )
        right.append(best == item.gold)
    return right


def alone(vocab: Vocabulary, net, pairs) -> list[bool]:
    """Return whether the model alone (argmax over the readings) reads each sentence right."""
    import torch

    items = [(s, i) for s, i, _ in pairs]
    windows = Windows(vocab, items)
    with torch.no_grad():
        best = torch.cat(
            [
                windows.logits(net, slice(b, b + 2048)).argmax(1)
                for b in range(0, len(windows), 2048)
            ]
        )
    golds = [g.replace("u:", "v") for _, _, g in pairs]
    return [vocab.names[int(k)] == g for k, g in zip(best, golds, strict=True)]


def halves(right: list[bool]) -> list[float]:
    """Return accuracy on the whole file and its first and second half (as the benchmark)."""
    half = (len(right) + 1) // 2
    return [
        round(100 * sum(part) / max(len(part), 1), 2)
        for part in (right, right[:half], right[half:])
    ]


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write float16 weights with fixed zip dates (same inputs, same bytes), temp then rename."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            data = io.BytesIO()
            np.lib.format.write_array(data, arrays[name].astype(np.float16), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data.getvalue())
    temp = path.with_suffix(".tmp")
    temp.write_bytes(buffer.getvalue())
    os.replace(temp, path)


SETTINGS = (
    # (epochs, distill, distilled sites, anchor, adjust, lr): docs/pinyin.md's rows
    (3, 1.0, 150_000, 0.0, 0.0, 1e-3),
    (2, 1.0, 80_000, 0.0, 1.0, 1e-3),
    (2, 1.0, 80_000, 0.01, 1.0, 1e-3),
    (2, 3.0, 80_000, 0.0, 1.0, 5e-4),
)
# Also measured: --epochs 3 --distill 3 --distill-scope labelled (docs/pinyin.md).


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cpp", type=Path, default=DEFAULT_CPP)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--distill", type=float, default=1.0)
    parser.add_argument("--distill-items", type=int, default=150_000)
    parser.add_argument(
        "--distill-scope",
        choices=("all", "labelled"),
        default="all",
        help="distil every other polyphone, or only those of the characters g2pL labels",
    )
    parser.add_argument("--anchor", type=float, default=0.0)
    parser.add_argument("--adjust", type=float, default=0.0)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--grid", action="store_true", help="score SETTINGS; write nothing")
    parser.add_argument("--out", type=Path, help="write the fine-tuned weights here")
    parser.add_argument("--keep", type=Path, help="write each trained model into this folder")
    parser.add_argument(
        "--components", type=Path, help="keep the cached reader components in this file (reuse)"
    )
    args = parser.parse_args()

    import torch

    torch.set_num_threads(2)
    from zhreader.pipeline.words.context_model import read_marked

    started = time.perf_counter()
    vocab = Vocabulary()
    labelled, others = training_items(
        vocab, read_marked(args.data / "train.sent", args.data / "train.lb")
    )
    if args.distill_scope == "labelled":
        # The labelled characters where they occur unchosen: running text's readings.
        chars = {sentence[index] for sentence, index, _ in labelled}
        others = [(sentence, p) for sentence, p in others if sentence[p] in chars]
    print(f"{len(labelled)} labelled polyphones, {len(others)} others to distil")
    if args.out:
        net = train(vocab, labelled, others, args)
        write_npz(args.out, numpy_state(net))
        print(f"wrote {args.out} ({time.perf_counter() - started:.0f} s)")
        return
    measure(vocab, labelled, others, args, started)


def measure(vocab: Vocabulary, labelled, others, args, started: float) -> None:
    """Train each setting and print the model alone and every combination in the reader."""
    from zhreader.pipeline.words.context_model import read_marked

    dev = {
        "g2pl": read_marked(args.data / "dev.sent", args.data / "dev.lb"),
        "cpp": read_marked(args.cpp / "dev.sent", args.cpp / "dev.lb"),
    }
    cached = load_components(dev, args.components)
    print(f"components cached ({time.perf_counter() - started:.0f} s)")
    rows = []
    for combination in (MAIN, (0.0, 0.0, 0.0, 0.0)):
        row = {"model": "g2pM (main)", "combination": combination}
        for name, items in cached.items():
            row[name] = halves(combined(items, [{} for _ in items], combination))
        rows.append(row)
        print(json.dumps(row))
    settings = SETTINGS if args.grid else [
        (args.epochs, args.distill, args.distill_items, args.anchor, args.adjust, args.lr)
    ]
    for setting in settings:
        epochs, distill, items, anchor, adjust, lr = setting
        args.epochs, args.distill, args.distill_items = epochs, distill, items
        args.anchor, args.adjust, args.lr = anchor, adjust, lr
        tick = time.perf_counter()
        net = train(vocab, labelled, others, args)
        name = f"fine-tuned e{epochs} d{distill}x{items}{args.distill_scope}"
        name += f" a{anchor} t{adjust} lr{lr}"
        print(f"{name}: trained in {time.perf_counter() - tick:.0f} s")
        if args.keep:
            write_npz(args.keep / f"{name.replace(' ', '_')}.npz", numpy_state(net))
        scores = {k: halves(alone(vocab, net, p)) for k, p in dev.items()}
        print(json.dumps({"model": name, "alone": scores}))
        rows.extend(combinations(name, cached, model_logits(net, cached)))
    summary = {"main": rows[0], "pick": pick(rows), "rows": rows}
    print(json.dumps({**summary, "seconds": round(time.perf_counter() - started)}))


def load_components(dev: dict, path: Path | None) -> dict[str, list[Cached]]:
    """Return each set's cached reader components (from ``path`` if it exists, else computed)."""
    if path and path.exists():
        with path.open("rb") as stream:
            return pickle.load(stream)  # noqa: S301 - written by this script (--components)
    from zhreader.pipeline.words.dictionary import Dictionary
    from zhreader.pipeline.words.pinyin import PinyinReader
    from zhreader.pipeline.words.segment import Segmenter

    dictionary = Dictionary.load()
    segmenter = Segmenter.initialize(dictionary)
    reader = PinyinReader.initialize(dictionary)
    cached = {name: cache_components(pairs, reader, segmenter) for name, pairs in dev.items()}
    if path:
        with path.open("wb") as stream:
            pickle.dump(cached, stream)
    return cached


def pick(rows: list[dict]) -> dict:
    """Return the row chosen on first halves only: best g2pL with CPP at least main's."""
    floor = rows[0]["cpp"][1]
    allowed = [r for r in rows if r["cpp"][1] >= floor]
    return max(allowed, key=lambda r: (r["g2pl"][1], r["cpp"][1]))


def combinations(name: str, cached, logits) -> list[dict]:
    """Score every combination in ``COMBINATIONS``, ranked as chosen: first halves only."""
    rows = []
    for combination in COMBINATIONS:
        row = {"model": name, "combination": combination}
        for k, items in cached.items():
            row[k] = halves(combined(items, logits[k], combination))
        rows.append(row)
        print(json.dumps(row))
    return rows


if __name__ == "__main__":
    main()
