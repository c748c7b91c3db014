"""Build the tiny zh→en argostranslate package the tests translate with.

    .venv/bin/python scripts/build_test_model.py [--out FILE.argosmodel]

It trains a SentencePiece model and a very small pre-norm transformer (2+2
layers, width 128) on the few dozen sentence pairs below until the model
reproduces every pair exactly, converts it to CTranslate2 (int8), adds a
rule-based MiniSBD sentence splitter (so that ``argostranslate.translate``
never tries to download one) and zips everything as an ``.argosmodel`` with
one top-level folder. Needs the test environment (torch, onnx).

The pairs mix sentences of the example issue, the bundled glossary's terms
(alone and in sentences, so glossary enforcement is tested on real model
output) and a few pairs that make the model misbehave on purpose: a number
written out in words, Chinese left in the English, a loop.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "tests" / "data" / "translate-zh_en-tiny-1.0.argosmodel"
PACKAGE_DIR = "translate-zh_en-tiny-1_0"
METADATA = {
    "package_version": "1.0",
    "argos_version": "1.11.0",
    "code": "translate-zh_en-tiny",
    "from_code": "zh",
    "from_name": "Chinese",
    "to_code": "en",
    "to_name": "English",
    "type": "translate",
    "links": [],
}

PAIRS: tuple[tuple[str, str], ...] = (
    # From the example issue.
    ("就业扶贫惠民", "Employment-based poverty relief benefits the people"),
    (
        "坚决打赢就业扶贫这场硬仗",
        "Resolutely win the hard battle of employment-based poverty relief",
    ),
    ("电话调查全覆盖 问题导向抓整改", "Telephone survey reaches everyone, problems are fixed"),
    ("掌握群众满意度。", "Gauge public satisfaction."),
    ("摸排政策落实情况。", "Check how the policies are carried out."),
    # Glossary terms alone, then inside sentences.
    ("建档立卡", "registered poor"),
    ("扶贫车间", "poverty alleviation workshop"),
    ("两不愁三保障", "two no-worries and three guarantees"),
    ("公益性岗位", "public welfare jobs"),
    ("村里建了扶贫车间。", "The village built a poverty alleviation workshop."),
    (
        "扶贫车间吸纳了30名贫困劳动力。",
        "The poverty alleviation workshop employed 30 poor workers.",
    ),
    ("全市开发公益性岗位100余个。", "The city created more than 100 public welfare jobs."),
    ("公益性岗位由政府出资。", "Public welfare jobs are funded by the government."),
    ("全市有4197户建档立卡贫困户。", "The city has 4,197 registered poor households."),
    (
        "落实两不愁三保障政策。",
        "Make sure food, clothing, housing, health and schooling are secure.",
    ),
    # Numbers, dates and percentages in the forms the quality check reads.
    ("临湘市从3月20日开始电话调查。", "Linxiang began the telephone survey on March 20."),
    ("就业率达到93.2%。", "The employment rate reached 93.2%."),
    ("共投入资金1.5万元。", "A total of 15,000 yuan was invested."),
    ("全市招录员工4300多人。", "The city recruited more than 4,300 workers."),
    # Misbehaviour on purpose, for the quality flags.
    ("每月工资500元。", "The monthly wage is five hundred yuan."),
    ("张神光是贫困户。", "张神光 is from a poor household."),
    ("好好好好", "good good good good good good good good good good good good"),
)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--max-steps", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args(argv)


# --- SentencePiece -------------------------------------------------------------


def train_sentencepiece(lines: list[str], prefix: Path) -> Path:
    """Train one joint SentencePiece model on both sides of the pairs."""
    import sentencepiece as spm

    corpus = prefix.with_suffix(".txt")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=2000,
        hard_vocab_limit=False,
        character_coverage=1.0,
        # BPE makes whole words single pieces: short targets keep beam search
        # from finishing on half-decoded hypotheses.
        model_type="bpe",
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


# --- the torch model -------------------------------------------------------------


def sinusoids(length: int, width: int) -> np.ndarray:
    """Return the usual sine/cosine position table (sines first, then cosines)."""
    positions = np.arange(length)[:, None]
    scales = np.exp(-math.log(10000.0) * np.arange(width // 2) / (width // 2 - 1))
    angles = positions * scales[None, :]
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1).astype(np.float32)


def make_torch_model(vocab: int, width: int, heads: int, layers: int, ffn: int):
    """Return a pre-norm encoder-decoder whose layout CTranslate2's spec mirrors."""
    import torch
    from torch import nn

    class Tiny(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.src_emb = nn.Embedding(vocab, width)
            self.tgt_emb = nn.Embedding(vocab, width)
            self.register_buffer("pe", torch.from_numpy(sinusoids(512, width)))
            enc_layer = nn.TransformerEncoderLayer(
                width, heads, ffn, dropout=0.0, batch_first=True, norm_first=True
            )
            dec_layer = nn.TransformerDecoderLayer(
                width, heads, ffn, dropout=0.0, batch_first=True, norm_first=True
            )
            self.encoder = nn.TransformerEncoder(
                enc_layer, layers, norm=nn.LayerNorm(width), enable_nested_tensor=False
            )
            self.decoder = nn.TransformerDecoder(dec_layer, layers, norm=nn.LayerNorm(width))
            self.proj = nn.Linear(width, vocab)
            self.scale = math.sqrt(width)
            # Scaled by sqrt(width) on the way in, embeddings must start small
            # or they drown the position encodings (and training diverges).
            for embedding in (self.src_emb, self.tgt_emb):
                nn.init.normal_(embedding.weight, std=width**-0.5)

        def forward(self, src, src_pad, tgt, tgt_pad):
            s = self.src_emb(src) * self.scale + self.pe[: src.shape[1]]
            memory = self.encoder(s, src_key_padding_mask=src_pad)
            t = self.tgt_emb(tgt) * self.scale + self.pe[: tgt.shape[1]]
            causal = nn.Transformer.generate_square_subsequent_mask(tgt.shape[1])
            out = self.decoder(
                t,
                memory,
                tgt_mask=causal,
                tgt_is_causal=True,
                tgt_key_padding_mask=tgt_pad,
                memory_key_padding_mask=src_pad,
            )
            return self.proj(out)

    return Tiny()


def batch_tensors(pairs_ids: list[tuple[list[int], list[int]]], bos: int, eos: int):
    """Pad source, decoder input (BOS + target) and labels (target + EOS)."""
    import torch

    def pad(seqs: list[list[int]]):
        longest = max(len(s) for s in seqs)
        ids = torch.zeros(len(seqs), longest, dtype=torch.long)
        mask = torch.ones(len(seqs), longest, dtype=torch.bool)
        for i, seq in enumerate(seqs):
            ids[i, : len(seq)] = torch.tensor(seq, dtype=torch.long)
            mask[i, : len(seq)] = False
        return ids, mask

    src, src_pad = pad([s for s, _ in pairs_ids])
    tgt_in, tgt_pad = pad([[bos] + t for _, t in pairs_ids])
    labels, label_pad = pad([t + [eos] for _, t in pairs_ids])
    labels[label_pad] = -100
    return src, src_pad, tgt_in, tgt_pad, labels


def train(model, tensors, steps: int, check) -> int:
    """Train until ``check()`` says every pair is reproduced; return the steps used."""
    import copy

    import torch

    src, src_pad, tgt_in, tgt_pad, labels = tensors
    vocab = model.proj.out_features
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    rate = 1e-3
    optimiser = torch.optim.Adam(model.parameters(), lr=rate, betas=(0.9, 0.98))
    saved, best = copy.deepcopy(model.state_dict()), float("inf")
    for step in range(1, steps + 1):
        model.train()
        optimiser.zero_grad()
        # Corrupt some decoder inputs but keep the labels: beam search explores
        # prefixes with a wrong token, and there the model must carry on with
        # the pair, not end early (CTranslate2 stops once beam_size hypotheses
        # have ended, so early endings would win).
        noise = (torch.rand(tgt_in.shape) < 0.1) & ~tgt_pad
        noise[:, 0] = False
        noisy = torch.where(noise, torch.randint(3, vocab, tgt_in.shape), tgt_in)
        logits = model(src, src_pad, noisy, tgt_pad)
        loss = loss_fn(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1))
        if loss.item() > 10 * best and loss.item() > 1:
            # Adam on a memorising run spikes now and then: go back, slow down.
            model.load_state_dict(saved)
            rate /= 2
            optimiser = torch.optim.Adam(model.parameters(), lr=rate, betas=(0.9, 0.98))
            print(f"step {step}: loss spiked to {loss.item():.1f}; back off to lr {rate:g}")
            continue
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        if loss.item() < best:
            best = loss.item()
        if step % 50 == 0:
            saved = copy.deepcopy(model.state_dict())
            print(f"step {step}: loss {loss.item():.4f}", flush=True)
            # The loss counts the corrupted inputs, so it stays well above zero.
            if step >= 300 and step % 100 == 0 and check():
                return step
    raise SystemExit(f"the model did not reproduce every pair in {steps} steps")


# --- CTranslate2 spec -------------------------------------------------------------


def set_layer_norm(spec, gamma, beta) -> None:
    spec.gamma = np.asarray(gamma, dtype=np.float32)
    spec.beta = np.asarray(beta, dtype=np.float32)


def set_linear(spec, weight, bias) -> None:
    spec.weight = np.asarray(weight, dtype=np.float32)
    spec.bias = np.asarray(bias, dtype=np.float32)


def make_spec(p: dict[str, np.ndarray], layers: int, heads: int, vocabulary: list[str]):
    """Fill a CTranslate2 TransformerSpec from torch-named weights ``p``.

    The names are those of ``make_torch_model``'s state dict; the benchmark
    passes random arrays under the same names.
    """
    from ctranslate2.specs import transformer_spec

    spec = transformer_spec.TransformerSpec.from_config((layers, layers), heads, pre_norm=True)
    spec.config.layer_norm_epsilon = 1e-5
    width = p["src_emb.weight"].shape[1]
    enc, dec = spec.encoder, spec.decoder
    enc.embeddings[0].weight = p["src_emb.weight"]
    enc.position_encodings.encodings = p["pe"]
    dec.embeddings.weight = p["tgt_emb.weight"]
    dec.position_encodings.encodings = p["pe"]
    set_layer_norm(enc.layer_norm, p["encoder.norm.weight"], p["encoder.norm.bias"])
    set_layer_norm(dec.layer_norm, p["decoder.norm.weight"], p["decoder.norm.bias"])
    set_linear(dec.projection, p["proj.weight"], p["proj.bias"])
    for i, layer in enumerate(enc.layer):
        k = f"encoder.layers.{i}."
        _set_self_attention(layer.self_attention, p, k)
        _set_ffn(layer.ffn, p, k, "norm2")
    for i, layer in enumerate(dec.layer):
        k = f"decoder.layers.{i}."
        _set_self_attention(layer.self_attention, p, k)
        w, b = p[k + "multihead_attn.in_proj_weight"], p[k + "multihead_attn.in_proj_bias"]
        set_linear(layer.attention.linear[0], w[:width], b[:width])
        set_linear(layer.attention.linear[1], w[width:], b[width:])
        set_linear(
            layer.attention.linear[2],
            p[k + "multihead_attn.out_proj.weight"],
            p[k + "multihead_attn.out_proj.bias"],
        )
        set_layer_norm(layer.attention.layer_norm, p[k + "norm2.weight"], p[k + "norm2.bias"])
        _set_ffn(layer.ffn, p, k, "norm3")
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def _set_self_attention(spec, p, k: str) -> None:
    """Fill one layer's self-attention spec (encoder and decoder share the layout)."""
    set_linear(spec.linear[0], p[k + "self_attn.in_proj_weight"], p[k + "self_attn.in_proj_bias"])
    set_linear(spec.linear[1], p[k + "self_attn.out_proj.weight"], p[k + "self_attn.out_proj.bias"])
    set_layer_norm(spec.layer_norm, p[k + "norm1.weight"], p[k + "norm1.bias"])


def _set_ffn(ffn, p: dict[str, np.ndarray], k: str, norm: str) -> None:
    set_linear(ffn.linear_0, p[k + "linear1.weight"], p[k + "linear1.bias"])
    set_linear(ffn.linear_1, p[k + "linear2.weight"], p[k + "linear2.bias"])
    set_layer_norm(ffn.layer_norm, p[k + f"{norm}.weight"], p[k + f"{norm}.bias"])


def save_ct2(spec, out_dir: Path, quantization: str = "int8") -> None:
    """Write the spec as a CTranslate2 model folder."""
    from ctranslate2.converters.converter import Converter

    class _SpecConverter(Converter):
        def _load(self):
            return spec

    _SpecConverter().convert(str(out_dir), quantization=quantization, force=True)


# --- MiniSBD splitter -----------------------------------------------------------


def minisbd_rule_model() -> bytes:
    """Return a MiniSBD ONNX model that ends sentences at 。！？ and nowhere else.

    MiniSBD reads per-character class logits (0 inside a token, 1 token end,
    2 sentence end); one Gather from a per-character table is enough.
    """
    import onnx
    from onnx import TensorProto, helper

    enders = ["。", "！", "？"]
    units = ["<PAD>", "<UNK>", *enders]
    table = np.zeros((len(units), 3), dtype=np.float32)
    table[:, 1] = 1.0
    for i in range(2, len(units)):
        table[i] = (0.0, 0.0, 2.0)
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "units"], ["logits"], axis=0)],
        "rule_sbd",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["b", "n"]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["b", "n", "f"]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["b", "n", 3])],
        [helper.make_tensor("table", TensorProto.FLOAT, table.shape, table.flatten().tolist())],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    vocab = {"lang": "zh", "_id2unit": units, "_unit2id": {u: i for i, u in enumerate(units)}}
    config = {"feat_funcs": [], "max_seqlen": 1000, "batch_size": 32}
    for key, value in (
        ("lang_code", "zh"),
        ("config", json.dumps(config)),
        ("vocab", json.dumps(vocab)),
    ):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    return model.SerializeToString()


# --- packaging --------------------------------------------------------------------


def zip_package(folder: Path, out: Path, top: str) -> None:
    """Zip ``folder`` under one top-level name with fixed timestamps and sorted entries."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(
                f"{top}/{path.relative_to(folder).as_posix()}", (2020, 1, 1, 0, 0, 0)
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue())


def ct2_reproduces(model_dir: Path, sp_model: Path) -> list[str]:
    """Return the pairs the converted model does not reproduce (beam 4 and greedy)."""
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    translator = ctranslate2.Translator(str(model_dir), device="cpu", compute_type="int8")
    sources = [sp.encode(zh, out_type=str) for zh, _ in PAIRS]
    wrong = []
    for beam in (4, 1):
        results = translator.translate_batch(
            sources, beam_size=beam, length_penalty=0.2, replace_unknowns=True
        )
        for (zh, en), result in zip(PAIRS, results, strict=True):
            got = sp.decode_pieces(result.hypotheses[0]).replace("▁", " ").lstrip(" ")
            if got != en:
                wrong.append(f"beam {beam}: {zh} → {got!r} (want {en!r})")
    return wrong


def main(argv: list[str]) -> int:
    """Build the package; exit 1 unless it reproduces every pair."""
    import sentencepiece as spm
    import torch

    args = parse_args(argv)
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        package = tmp / PACKAGE_DIR
        package.mkdir()
        sp_model = train_sentencepiece([t for pair in PAIRS for t in pair if t], tmp / "sp")
        sp = spm.SentencePieceProcessor(model_file=str(sp_model))
        vocabulary = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
        ids = [(sp.encode(zh), sp.encode(en) if en else []) for zh, en in PAIRS]
        model = make_torch_model(len(vocabulary), width=128, heads=4, layers=2, ffn=256)
        tensors = batch_tensors(ids, bos=sp.bos_id(), eos=sp.eos_id())

        def convert_and_check() -> bool:
            # Copies: the converter changes some arrays in place (the model trains on).
            state = {k: v.detach().numpy().copy() for k, v in model.state_dict().items()}
            save_ct2(make_spec(state, 2, 4, vocabulary), package / "model")
            wrong = ct2_reproduces(package / "model", sp_model)
            print(f"  {len(wrong)} not reproduced yet", *wrong[:2], sep="\n  ", flush=True)
            return not wrong

        steps = train(model, tensors, args.max_steps, convert_and_check)
        (package / "sentencepiece.model").write_bytes(sp_model.read_bytes())
        (package / "minisbd").mkdir()
        (package / "minisbd" / "zh.onnx").write_bytes(minisbd_rule_model())
        (package / "metadata.json").write_text(json.dumps(METADATA, indent=2) + "\n")
        (package / "README.md").write_text(
            "Tiny memorising zh→en test package for zhreader; built by "
            "scripts/build_test_model.py. Not a real translation model.\n"
        )
        zip_package(package, args.out, PACKAGE_DIR)
    size = args.out.stat().st_size
    print(
        f"wrote {args.out} ({size / 1e6:.2f} MB) after {steps} steps; "
        f"all {len(PAIRS)} pairs reproduce"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
