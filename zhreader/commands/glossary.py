"""`zhreader glossary`: check glossary files and report an issue's terms."""

from __future__ import annotations

import json
from pathlib import Path

import click

from zhreader.errors import ZhreaderError


@click.group()
def glossary() -> None:
    """Check the policy glossary and find the terms an issue uses or lacks."""


@glossary.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path), metavar="[FILE]...")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(files: tuple[Path, ...], strict: bool) -> None:
    """Check glossary files; print every problem with its line and exit 1 on errors.

    Without FILE, checks the bundled glossary.tsv. With several files, also
    reports which terms of a later file override an earlier one (the order
    of `zhreader build --glossary`, after the bundled file).

    \b
    Examples:
      zhreader glossary check
      zhreader glossary check my-terms.tsv
    """
    from zhreader.pipeline.glossary.check import parse_glossary_file
    from zhreader.pipeline.glossary.load import bundled_glossary_path, merge_files

    paths = files or (bundled_glossary_path(),)
    parsed = [parse_glossary_file(path) for path in paths]
    problems = [problem for file in parsed for problem in file.problems]
    for problem in problems:
        click.echo(str(problem))
    errors = sum(problem.level == "error" for problem in problems)
    warnings = len(problems) - errors
    if not errors and len(parsed) > 1:
        for message in merge_files(parsed).overrides:
            click.echo(message)
    entries = sum(len(file.entries) for file in parsed)
    click.echo(
        f"{_plural(len(paths), 'file')}, {_plural(entries, 'entry', 'entries')}: "
        f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    )
    if errors or (strict and warnings):
        raise SystemExit(1)


@glossary.command()
@click.argument("source", type=click.Path(path_type=Path), metavar="INPUT")
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra glossary file (repeatable); later files override earlier ones.",
)
@click.option(
    "--min-count",
    default=2,
    show_default=True,
    type=click.IntRange(1),
    help="Least number of occurrences for an unknown word to be a candidate.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "tsv"]),
    default="text",
    show_default=True,
    help="text: for reading; json: for tools; tsv: glossary rows, commented out until "
    "an editor fills in en, category and source.",
)
@click.option(
    "--no-header",
    is_flag=True,
    help="tsv: leave out the header line, to append to an existing glossary file.",
)
def report(
    source: Path, glossaries: tuple[Path, ...], min_count: int, output_format: str, no_header: bool
) -> None:
    """List the glossary terms an issue uses, and candidate terms it lacks.

    Candidates are quoted slogans (“三回头”), frequent multi-character words
    outside the general dictionary (CC-CEDICT) and recurring runs of words;
    person names and runs across phrase boundaries are left out.

    The tsv rows start with "# ", so the file still passes `glossary check`
    after appending; complete a row, remove its "# ", check again.

    \b
    Examples:
      zhreader glossary report examples/linxiang-2020-04.txt
      zhreader glossary report issue.txt --format tsv > candidates.tsv
      zhreader glossary report issue.txt --format tsv --no-header >> my-terms.tsv
    """
    from zhreader.pipeline.glossary.load import load_glossaries
    from zhreader.pipeline.glossary.report import glossary_report
    from zhreader.pipeline.structure.ingest import read_source
    from zhreader.pipeline.structure.recover import recover_structure
    from zhreader.pipeline.structure.sidecar import load_sidecar
    from zhreader.pipeline.words.annotate import Annotator

    if not source.is_file():
        raise ZhreaderError("input file not found", file=str(source))
    merged = load_glossaries(glossaries)
    annotator = Annotator.initialize(merged)
    edition, _messages = recover_structure(read_source(source), load_sidecar(source))
    edition = annotator.annotate(edition)

    def read(text: str) -> tuple[str, ...]:
        return tuple(s for token in annotator.tokens(text) for s in token.pinyin)

    dictionary = annotator.dictionary
    result = glossary_report(
        edition, merged, dictionary.contains, read, min_count, dictionary.word_tag
    )
    if output_format == "tsv":
        text = format_tsv(result, source, merged.fingerprint, header=not no_header)
    else:
        render = {"text": format_text, "json": format_json}[output_format]
        text = render(result, source, merged.fingerprint)
    # Bytes, so that a pipe gets UTF-8 whatever the terminal's locale.
    click.echo(text.encode("utf-8"), nl=False)


def format_text(result, source: Path, fingerprint: str) -> str:
    """Render the report for reading in a terminal."""
    occurrences = sum(use.count for use in result.terms)
    lines = [
        f"{source.name}: {_plural(len(result.terms), 'glossary term')}, "
        f"{_plural(occurrences, 'occurrence')} (glossary gl:{fingerprint})",
        "",
        "Terms found (count, term, pinyin, English):",
    ]
    lines += [f"{u.count:5d}  {u.entry.zh}  {u.entry.pinyin}  {u.entry.en}" for u in result.terms]
    lines += ["", f"Candidates ({len(result.candidates)}): count, text, pinyin, why, first seen"]
    lines += [
        f"{c.count:5d}  {c.zh}  {' '.join(c.pinyin)}  {c.reason}  {c.first}"
        for c in result.candidates
    ]
    return "\n".join(lines) + "\n"


def format_json(result, source: Path, fingerprint: str) -> str:
    """Render the report as one JSON object."""
    data = {
        "input": source.name,
        "glossary": fingerprint,
        "terms": [
            {
                "zh": use.entry.zh,
                "pinyin": use.entry.pinyin,
                "en": use.entry.en,
                "count": use.count,
                "occurrences": list(use.occurrences),
            }
            for use in result.terms
        ],
        "candidates": [
            {
                "zh": c.zh,
                "pinyin": " ".join(c.pinyin),
                "count": c.count,
                "reason": c.reason,
                "first": c.first,
            }
            for c in result.candidates
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def format_tsv(result, source: Path, fingerprint: str, header: bool = True) -> str:
    """Render the candidates as commented-out glossary rows for an editor to complete.

    Commented out, the rows leave a glossary valid when appended to it.
    """
    from zhreader.pipeline.glossary.check import HEADER

    lines = [
        f"# candidates from {source.name} (glossary gl:{fingerprint}): fill in en, "
        "category and source, remove the row's '# ', then run `zhreader glossary check`",
    ]
    if header:
        lines.append(HEADER)
    for c in result.candidates:
        lines.append(f"# {c.reason}, {_plural(c.count, 'time')}, first in {c.first}")
        lines.append("# " + "\t".join([c.zh, "", " ".join(c.pinyin), "", "", "", "", ""]))
    return "\n".join(lines) + "\n"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
