"""`zhreader build`: turn issue files into editions."""

from __future__ import annotations

from pathlib import Path

import click

from zhreader.errors import ZhreaderError
from zhreader.reader.write import DEFAULT_FORMATS, FORMATS

NO_MODEL_HINT = (
    "note: no zh→en translation model is installed, so the English is a word-by-word gloss; "
    "install one with `zhreader models install FILE.argosmodel` (README: Translation models)"
)


def parse_formats(value: str) -> tuple[str, ...]:
    """Split ``json,html`` into known format names, in a fixed order."""
    wanted = {part.strip() for part in value.split(",") if part.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise click.BadParameter(
            f"unknown format {', '.join(unknown)} (expected some of {', '.join(FORMATS)})"
        )
    return tuple(name for name in FORMATS if name in wanted)


def settings_from_options(out: Path, formats: str, cache_path: Path | None, **options):
    """Return the BuildSettings a command's options describe."""
    from zhreader.pipeline.build import BuildSettings
    from zhreader.pipeline.translate.cache import default_cache_path

    return BuildSettings(
        formats=parse_formats(formats),
        cache_path=cache_path or default_cache_path(out),
        **options,
    )


def translation_options(command):
    """Add the options every building command shares (build, batch)."""
    options = [
        click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
                     help="Extra glossary file (repeatable); later files override earlier ones."),
        click.option("--beam-size", default=4, show_default=True, type=click.IntRange(1, 16),
                     help="Beam size for machine translation."),
        click.option("--threads", default=0, show_default=True, type=click.IntRange(0, 64),
                     help="Translation decoding threads (0: one per available core)."),
        click.option("--compute-type", default="int8", show_default=True,
                     type=click.Choice(["int8", "int8_float32", "float32", "default"]),
                     help="CTranslate2 compute type."),
        click.option("--cache", "cache_path", type=click.Path(path_type=Path),
                     help="Translation memory (SQLite); default $ZHREADER_CACHE or "
                          "OUT/.cache/translations.sqlite."),
        click.option("--format", "formats", default=",".join(DEFAULT_FORMATS), show_default=True,
                     help="Comma-separated outputs: json, html, epub, exports, "
                          "anki (<slug>.apkg), vocab (vocab.tsv)."),
        click.option("--vocab-level", default=4, show_default=True, type=click.IntRange(0, 7),
                     help="anki and vocab take the words above this HSK level, and terms."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", default=Path("output"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Output folder.")
@click.option("--paper", help="Newspaper name (overrides the sidecar).")
@click.option("--date", help="Issue date, YYYY-MM-DD (overrides the sidecar and file name).")
@click.option("--page", help="Page label (overrides the sidecar).")
@translation_options
def build(inputs, out, paper, date, page, glossaries, beam_size, threads, compute_type,
          cache_path, formats, vocab_level) -> None:
    """Build the reading editions of each INPUT issue into OUT/<slug>/.

    \b
    Example:
      zhreader build examples/linxiang-2020-04.txt --out output
    """
    from zhreader.pipeline.build import build_issue, load_resources

    settings = settings_from_options(
        out,
        formats,
        cache_path,
        glossaries=tuple(glossaries),
        beam_size=beam_size,
        threads=threads,
        compute_type=compute_type,
        vocab_level=vocab_level,
        paper=paper,
        date=date,
        page=page,
    )
    resources = load_resources(settings)
    for message in getattr(resources.glossary, "overrides", ()):
        click.echo(f"glossary: {message}")
    if resources.translator is None:
        click.echo(NO_MODEL_HINT)
    failures = 0
    for path in inputs:
        try:
            report = build_issue(path, out, settings, resources)
        except ZhreaderError as err:
            failures += 1
            click.echo(f"zhreader: error: {err}", err=True)
            continue
        _print_report(report, out)
    if failures:
        raise SystemExit(1)


def _print_report(report, out: Path) -> None:
    for message in report.messages:
        click.echo(f"{report.slug}: {message}")
    english = (
        f"{report.translated} translated, {report.from_cache} from the cache"
        if report.en_kind == "mt"
        else "English: word-by-word gloss"
    )
    click.echo(
        f"{report.slug}: {report.sentences} sentences, {english}, {report.flagged} flagged "
        f"→ {out / report.slug}/ ({', '.join(p.name for p in report.files)})"
    )
