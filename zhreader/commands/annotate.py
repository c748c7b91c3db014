"""`zhreader annotate`: words, pinyin, glosses and HSK levels, one output line per input line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator

import click

from zhreader.errors import InputError

ANNOTATE_CHUNK = 256  # lines annotated together


def read_lines(source: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) from a file or ``-`` (stdin), decoded as UTF-8."""
    name = "<stdin>" if source == "-" else source
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(source, "rb") as handle:
                data = handle.read()
    except OSError as err:
        raise InputError(f"cannot read the input: {err.strerror}", file=name) from err
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            f"byte {err.start} is not UTF-8", file=name, line=line, hint="save the text as UTF-8"
        ) from err
    # Only line breaks end a line; the characters of each line are kept as they are.
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        yield number, line.removesuffix("\r")


def format_text(tokens: Iterable) -> str:
    """Render tokens as one readable line: 严重[yánzhòng: grave · HSK4], punctuation as is."""
    from zhreader.pinyin_text import join_syllables

    line = ""
    for token in tokens:
        if token.kind in ("space", "punct"):
            line += token.zh
            continue
        notes = [join_syllables(token.pinyin), token.gloss or ""]
        label = ": ".join(n for n in notes if n)
        if token.hsk:
            label += f" · HSK{token.hsk if token.hsk < 7 else '7-9'}"
        if line and not line[-1].isspace():
            line += " "
        line += f"{token.zh}[{label}]" if label else token.zh
    return line


def format_jsonl(text: str, tokens: Iterable) -> str:
    """Render one line as a JSON object: its text and its tokens."""
    from zhreader.model import to_dict

    record = {"text": text, "tokens": [to_dict(t) for t in tokens]}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@click.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help="text: readable words with pinyin and gloss; jsonl: one JSON object per line.",
)
def annotate(source: str, output_format: str) -> None:
    """Annotate Chinese text line by line: words, pinyin, glosses, HSK levels.

    Reads FILE (or standard input) and prints one line per input line. The
    bundled glossary keeps policy terms whole.

    \b
    Examples:
      echo '贫困户张神光每月工资500元。' | zhreader annotate
      zhreader annotate corpus.txt --format jsonl > tokens.jsonl
    """
    from zhreader.pipeline.glossary.load import load_glossaries
    from zhreader.pipeline.words.annotate import Annotator

    lines = list(read_lines(source))
    annotator = Annotator.initialize(load_glossaries(()))
    # UTF-8 whatever the terminal's locale, so a pipe gets the same bytes.
    out = sys.stdout.buffer
    render = format_jsonl if output_format == "jsonl" else lambda _text, t: format_text(t)
    texts = [line for _number, line in lines]
    # Chunks: the pinyin model runs batched, memory stays bounded on a corpus.
    for start in range(0, len(texts), ANNOTATE_CHUNK):
        chunk = texts[start : start + ANNOTATE_CHUNK]
        for line, tokens in zip(chunk, annotator.tokens_many(chunk), strict=True):
            out.write((render(line, tokens) + "\n").encode("utf-8"))
    out.flush()
