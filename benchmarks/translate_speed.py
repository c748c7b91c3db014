"""Batched CTranslate2 vs argostranslate.translate on a model of real size.

    .venv/bin/python benchmarks/translate_speed.py [--beam 4] [--cap 40]

Builds a transformer-base package (6+6 layers, width 512, ~32k vocabulary,
random int8 weights) whose output is capped at ``--cap`` tokens (a ramp in
one position-encoding dimension that only the end-of-sentence logit reads),
installs it in a temporary argostranslate home together with a rule-based
MiniSBD splitter, and translates the example issue both ways at the same
beam size, each in its own process:

- argostranslate: ``argostranslate.translate.translate`` once per paragraph;
- zhreader: ``Translator.translate`` once for every sentence of the edition.

It prints sentences per second, peak RSS and start-up time (imports and
model load) for both and the ratios; the last line is JSON with
``speedup``, ``rss_ratio`` and ``startup_s``. Needs the test environment.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "linxiang-2020-04.txt"
WIDTH, HEADS, LAYERS, FFN, VOCAB = 512, 8, 6, 2048, 32000


def load_builder():
    """Import scripts/build_test_model.py (the spec and packaging helpers)."""
    spec = importlib.util.spec_from_file_location(
        "build_test_model", ROOT / "scripts" / "build_test_model.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def random_weights(vocab: int, cap: int, eos: int, seed: int = 0) -> dict[str, np.ndarray]:
    """Return transformer-base weights under build_test_model's names, output capped at ``cap``."""
    builder = load_builder()
    rng = np.random.default_rng(seed)

    def normal(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape, dtype=np.float32) * 0.02).astype(np.float32)

    p: dict[str, np.ndarray] = {
        "src_emb.weight": normal(vocab, WIDTH),
        "tgt_emb.weight": normal(vocab, WIDTH),
        "proj.weight": normal(vocab, WIDTH),
        "proj.bias": np.zeros(vocab, np.float32),
    }
    for side in ("encoder", "decoder"):
        p[f"{side}.norm.weight"] = np.ones(WIDTH, np.float32)
        p[f"{side}.norm.bias"] = np.zeros(WIDTH, np.float32)
        attentions = ("self_attn",) if side == "encoder" else ("self_attn", "multihead_attn")
        for i in range(LAYERS):
            k = f"{side}.layers.{i}."
            for name in attentions:
                p[k + f"{name}.in_proj_weight"] = normal(3 * WIDTH, WIDTH)
                p[k + f"{name}.in_proj_bias"] = np.zeros(3 * WIDTH, np.float32)
                p[k + f"{name}.out_proj.weight"] = normal(WIDTH, WIDTH)
                p[k + f"{name}.out_proj.bias"] = np.zeros(WIDTH, np.float32)
            p[k + "linear1.weight"] = normal(FFN, WIDTH)
            p[k + "linear1.bias"] = np.zeros(FFN, np.float32)
            p[k + "linear2.weight"] = normal(WIDTH, FFN)
            p[k + "linear2.bias"] = np.zeros(WIDTH, np.float32)
            for n in (1, 2, 3):
                p[k + f"norm{n}.weight"] = np.ones(WIDTH, np.float32)
                p[k + f"norm{n}.bias"] = np.zeros(WIDTH, np.float32)
    _cap_output(p, builder.sinusoids(512, WIDTH), cap, eos)
    return p


def _cap_output(p: dict[str, np.ndarray], pe: np.ndarray, cap: int, eos: int) -> None:
    """Make </s> certain from position ``cap`` on and nearly impossible before it.

    Dimension 0 of the residual stream carries only a position ramp (no
    sublayer writes it, no embedding has it), and only the </s> row of the
    output projection reads it. Encoder and decoder share the table, which
    does not matter for the encoder: nothing reads its dimension 0 specially.
    """
    pe = pe.copy()
    pe[:, 0] = 0.0
    pe[cap:, 0] = 1000.0
    p["pe"] = pe
    for name in ("src_emb.weight", "tgt_emb.weight"):
        p[name][:, 0] = 0.0
    for key, value in p.items():
        if key.endswith(("out_proj.weight", "linear2.weight")):
            value[0, :] = 0.0
    p["proj.weight"][:, 0] = 0.0
    p["proj.weight"][eos, :] = 0.0
    p["proj.weight"][eos, 0] = 10.0


def build_package(work: Path, cap: int) -> Path:
    """Write the benchmark package folder and return its path."""
    import sentencepiece as spm

    builder = load_builder()
    text = EXAMPLE.read_text(encoding="utf-8")
    corpus = work / "corpus.txt"
    corpus.write_text(text, encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(work / "sp"),
        vocab_size=4000,
        hard_vocab_limit=False,
        character_coverage=1.0,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_file=str(work / "sp.model"))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    # Real zh→en packages have ~32k entries; the rest are English-looking fillers.
    vocabulary = pieces + [f"\u2581w{i}" for i in range(VOCAB - len(pieces))]
    package = work / "translate-zh_en-bench-1_0"
    package.mkdir()
    weights = random_weights(len(vocabulary), cap, eos=sp.eos_id())
    builder.save_ct2(builder.make_spec(weights, LAYERS, HEADS, vocabulary), package / "model")
    (package / "sentencepiece.model").write_bytes((work / "sp.model").read_bytes())
    (package / "minisbd").mkdir()
    (package / "minisbd" / "zh.onnx").write_bytes(builder.minisbd_rule_model())
    metadata = {**builder.METADATA, "code": "translate-zh_en-bench", "package_version": "1.0"}
    (package / "metadata.json").write_text(json.dumps(metadata))
    return package


ARGOS_CHILD = """
import json, sys, time
t0 = time.perf_counter()
import argostranslate.translate as at
translation = at.get_translation_from_codes("zh", "en")
translation.translate("一")  # loads the CTranslate2 model and the splitter
startup = time.perf_counter() - t0
paragraphs = json.loads(sys.stdin.read())
t1 = time.perf_counter()
for paragraph in paragraphs:
    at.translate(paragraph, "zh", "en")
elapsed = time.perf_counter() - t1
rss = PEAK()
print(json.dumps({"startup": startup, "elapsed": elapsed, "rss": rss}))
"""

OURS_CHILD = """
import json, sys, time
t0 = time.perf_counter()
from zhreader.pipeline.build import BuildSettings
from zhreader.pipeline.translate.translator import load_translator
translator = load_translator(BuildSettings(beam_size=int(sys.argv[1])))
startup = time.perf_counter() - t0
sentences = json.loads(sys.stdin.read())
t1 = time.perf_counter()
translator.translate(sentences)
elapsed = time.perf_counter() - t1
rss = PEAK()
print(json.dumps({"startup": startup, "elapsed": elapsed, "rss": rss}))
"""


def example_text() -> tuple[list[str], list[str]]:
    """Return the example's paragraphs (argostranslate's input) and its edition's sentences."""
    from zhreader.model import iter_sentences
    from zhreader.pipeline.structure.ingest import read_source
    from zhreader.pipeline.structure.recover import recover_structure

    source = read_source(EXAMPLE)
    edition, _ = recover_structure(source, None)
    sentences = [s.zh for s in iter_sentences(edition)]
    paragraphs = [line.strip() for line in source.text.splitlines() if line.strip()]
    return paragraphs, sentences


# Peak RSS from /proc: getrusage's ru_maxrss survives exec on Linux, so a
# child would report the (large) parent's peak; VmHWM starts afresh at exec.
PEAK_CODE = (
    "def PEAK():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            return int(line.split()[1]) * 1024\n"
)


def run_child(code: str, payload: list[str], env: dict[str, str], *args: str) -> dict:
    """Run one measured path in a fresh process; return its figures."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK_CODE + code, *args],
        input=json.dumps(payload, ensure_ascii=False),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    """Build the model, run both paths, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--cap", type=int, default=40, help="output tokens per sentence")
    parser.add_argument("--work", type=Path, help="keep (and reuse) the built package here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        home = (args.work or Path(tmp_name)) / f"home-cap{args.cap}"
        packages = home / "data" / "argos-translate" / "packages"
        if not (packages / "translate-zh_en-bench-1_0" / "metadata.json").is_file():
            shutil.rmtree(packages, ignore_errors=True)
            packages.mkdir(parents=True)
            print("building a transformer-base package (random int8 weights)…", flush=True)
            build_package(packages, args.cap)
        for stray in ("corpus.txt", "sp.model", "sp.vocab"):
            (packages / stray).unlink(missing_ok=True)
        env = {
            **os.environ,
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "ARGOS_PACKAGES_DIR": str(packages),
            "ARGOS_BEAM_SIZE": str(args.beam),
            "ARGOS_COMPUTE_TYPE": "int8",
        }
        paragraphs, sentences = example_text()
        n = len(sentences)
        print(f"{n} sentences in {len(paragraphs)} paragraphs, beam {args.beam}", flush=True)
        argos = run_child(ARGOS_CHILD, paragraphs, env)
        ours = run_child(OURS_CHILD, sentences, env, str(args.beam))
    return report(n, argos, ours)


def report(n: int, argos: dict, ours: dict) -> int:
    """Print the table and the JSON line."""
    rows = (("argostranslate.translate", argos), ("zhreader batched", ours))
    print(f"{'path':26}{'sent/s':>10}{'peak RSS MB':>14}{'start-up s':>12}")
    for name, r in rows:
        print(f"{name:26}{n / r['elapsed']:10.1f}{r['rss'] / 1e6:14.0f}{r['startup']:12.2f}")
    speedup = argos["elapsed"] / ours["elapsed"]
    rss_ratio = ours["rss"] / argos["rss"]
    print(
        f"speed-up {speedup:.1f}× (target ≥ 3), peak RSS ratio {rss_ratio:.2f} (target ≤ 0.6), "
        f"start-up {ours['startup']:.2f} s vs {argos['startup']:.2f} s (target < 0.5 s)"
    )
    print(
        json.dumps(
            {
                "sentences": n,
                "speedup": round(speedup, 2),
                "rss_ratio": round(rss_ratio, 3),
                "startup_s": round(ours["startup"], 3),
                "argos_startup_s": round(argos["startup"], 3),
                "ours_sent_per_s": round(n / ours["elapsed"], 2),
                "argos_sent_per_s": round(n / argos["elapsed"], 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
