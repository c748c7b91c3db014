"""Score zhreader's structure recovery on pages with gold structure.

    python benchmarks/structure_pages.py ../shared/corpus/pages [--baseline REF] [--verbose]

DIR holds ``NAME.txt`` pages with ``NAME.gold.json`` gold files in the format
of ``shared/corpus/pages/README.md``. Each page goes through the real
structure stages (``read_source`` → ``recover_structure`` →
``check_text_preserved``) and every gold claim is checked, whitespace
removed on both sides:

- headlines: each is some article's headline, plus one check per page that the
  articles are exactly the gold headlines, in order;
- kickers: inside that article's kicker, section or deck;
- decks: inside that article's deck (leading dashes ignored);
- bylines: one of the edition's article bylines;
- subheads: inside a ``subhead`` block and no article's headline;
- captions: inside the sentences of a ``figure`` block; credits: inside a
  figure's credit;
- joins: inside one sentence;
- conservation: one check per page that the text-is-sacred check passes.

Pages are split into a development half and a held-out half: within each
paper (the name before the first ``-``), pages sorted by name alternate dev,
held-out, dev, … Rules are tuned on the dev half only.

``--baseline REF`` scores the code of a git ref (default ``main``) in the
same run, from a ``git archive`` of it. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

CATEGORIES = (
    "headlines",
    "kickers",
    "decks",
    "bylines",
    "subheads",
    "captions",
    "credits",
    "joins",
    "conservation",
)
_SPACE = re.compile(r"\s+")
# The checkout this script lies in, not whichever zhreader is installed: a
# baseline checkout run with another checkout's interpreter measures its own code.
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def squeeze(text: str | None) -> str:
    """Return the text without any whitespace (the gold's comparison rule)."""
    return _SPACE.sub("", text or "")


def zh(sentence) -> str:
    return squeeze(sentence.zh) if sentence is not None else ""


def build(path: Path):
    """Run the structure stages on one page; return (edition, conservation error or None)."""
    from zhreader.pipeline.structure.ingest import read_source
    from zhreader.pipeline.structure.integrity import check_text_preserved
    from zhreader.pipeline.structure.recover import recover_structure

    source = read_source(path)
    edition, _ = recover_structure(source, None)
    try:
        check_text_preserved(source, edition)
    except Exception as error:  # noqa: BLE001 - any failure is a failed check, reported
        return edition, str(error)
    return edition, None


def score_page(edition, conservation_error: str | None, gold: dict) -> dict[str, list]:
    """Return, per category, a list of (claim, held) pairs."""
    articles = list(edition.articles)
    by_headline = {zh(a.headline): a for a in articles}
    headlines = [zh(a.headline) for a in articles]
    out: dict[str, list] = defaultdict(list)
    for headline in gold["headlines"]:
        out["headlines"].append((headline, squeeze(headline) in by_headline))
    exact = headlines == [squeeze(h) for h in gold["headlines"]]
    out["headlines"].append(("(exactly these articles, in order)", exact))
    for headline, kicker in gold["kickers"].items():
        article = by_headline.get(squeeze(headline))
        where = ""
        if article is not None:
            fields = ("kicker", "section", "deck")
            where = "|".join(zh(getattr(article, name, None)) for name in fields)
        out["kickers"].append((kicker, bool(article) and squeeze(kicker) in where))
    for headline, deck in gold["decks"].items():
        article = by_headline.get(squeeze(headline))
        held = article is not None and squeeze(deck).lstrip("—-") in zh(article.deck)
        out["decks"].append((deck, held))
    bylines = {squeeze(name) for a in articles for name in a.bylines}
    for name in gold["bylines"]:
        out["bylines"].append((name, squeeze(name) in bylines))
    blocks = [b for a in articles for b in a.blocks]
    subheads = "|".join(zh(s) for b in blocks if b.kind == "subhead" for s in b.sentences)
    for subhead in gold["subheads"]:
        text = squeeze(subhead)
        out["subheads"].append((subhead, text in subheads and text not in headlines))
    figures = [b for b in blocks if b.kind == "figure"]
    captions = "|".join("".join(zh(s) for s in b.sentences) for b in figures)
    credits = "|".join(zh(b.credit) for b in figures)
    for caption in gold["captions"]:
        out["captions"].append((caption, squeeze(caption) in captions))
    for credit in gold["credits"]:
        out["credits"].append((credit, squeeze(credit) in credits))
    sentences = "|".join(zh(s) for a in articles for s in _sentences(a))
    for join in gold["joins"]:
        out["joins"].append((join, squeeze(join) in sentences))
    out["conservation"].append((conservation_error or "text conserved", not conservation_error))
    return out


def _sentences(article):
    from zhreader.model import article_sentences

    return article_sentences(article)


def split_pages(names: list[str]) -> dict[str, str]:
    """Give each page its half: within each paper, sorted pages alternate dev and held-out."""
    by_paper: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        by_paper[name.split("-")[0]].append(name)
    return {
        name: ("dev" if index % 2 == 0 else "held-out")
        for pages in by_paper.values()
        for index, name in enumerate(pages)
    }


def score_folder(folder: Path, verbose: bool) -> dict:
    """Score every page of the folder; print per-page lines; return the figures."""
    golds = sorted(folder.glob("*.gold.json"))
    if not golds:
        sys.exit(f"{folder}: no NAME.gold.json files")
    halves = split_pages([g.name.removesuffix(".gold.json") for g in golds])
    totals = {half: defaultdict(lambda: [0, 0]) for half in ("all", "dev", "held-out")}
    pages = {}
    for gold_path in golds:
        name = gold_path.name.removesuffix(".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        edition, error = build(folder / f"{name}.txt")
        results = score_page(edition, error, gold)
        held = sum(ok for items in results.values() for _, ok in items)
        count = sum(len(items) for items in results.values())
        pages[name] = {"half": halves[name], "checks": count, "held": held}
        print(f"{name:24} {halves[name]:8} {held:3}/{count:3}", file=sys.stderr)
        for category, items in results.items():
            for half in ("all", halves[name]):
                totals[half][category][0] += sum(ok for _, ok in items)
                totals[half][category][1] += len(items)
            if verbose:
                for claim, ok in items:
                    if not ok:
                        print(f"    miss {category}: {claim}", file=sys.stderr)
    return {"pages": pages, **{half: _summary(totals[half]) for half in totals}}


def _summary(totals: dict) -> dict:
    held = sum(totals[c][0] for c in CATEGORIES)
    checks = sum(totals[c][1] for c in CATEGORIES)
    return {
        "checks": checks,
        "held": held,
        "ratio": round(held / checks, 3) if checks else 0.0,
        **{c: f"{totals[c][0]}/{totals[c][1]}" for c in CATEGORIES},
    }


def score_ref(ref: str, folder: Path) -> dict:
    """Score the code of a git ref in a subprocess, from a ``git archive`` of it."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "ref.tar"
        subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), ref], check=True)
        tree = Path(tmp) / "tree"
        with tarfile.open(archive) as tar:
            tar.extractall(tree, filter="data")
        package = Path(tmp) / "site" / "zhreader"
        package.parent.mkdir()
        (tree / "zhreader").rename(package)
        (tree / "pipeline").rename(package / "pipeline")
        (tree / "reader").rename(package / "reader")
        done = subprocess.run(
            [sys.executable, __file__, str(folder)],
            env={"PYTHONPATH": str(package.parent), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(done.stdout.strip().splitlines()[-1])


def _print_table(label: str, figures: dict) -> None:
    row = "  ".join(f"{c} {figures[c]}" for c in CATEGORIES)
    print(f"{label:18} {figures['held']}/{figures['checks']} ({figures['ratio']:.0%})  {row}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--baseline", metavar="REF", help="also score this git ref (e.g. main)")
    parser.add_argument("--verbose", action="store_true", help="list every failed claim")
    args = parser.parse_args()
    figures = score_folder(args.folder, args.verbose)
    result = {"pages_scored": len(figures["pages"])}
    if args.baseline:
        base = score_ref(args.baseline, args.folder)
        for half in ("all", "dev", "held-out"):
            _print_table(f"{args.baseline} {half}", base[half])
        result["baseline"] = {
            "ref": args.baseline,
            **{h: base[h] for h in ("all", "dev", "held-out")},
        }
    for half in ("all", "dev", "held-out"):
        _print_table(f"zhreader {half}", figures[half])
    result.update({half: figures[half] for half in ("all", "dev", "held-out")})
    result["pages"] = figures["pages"]
    # Top-level figures of the whole folder (checks, held, ratio, per category).
    result.update(figures["all"])
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
