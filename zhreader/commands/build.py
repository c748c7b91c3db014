"""`zhreader build`: turn issue files into editions."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path, PurePath

import click

from zhreader.errors import ZhreaderError, output_error
from zhreader.pipeline.inbox import DEFAULT_MAX_INPUT_MB
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


def settings_from_options(
    out: Path, formats: str, cache_path: Path | None, glossaries: tuple[Path, ...], **options
):
    """Return the BuildSettings a command's options describe (``translation_options`` and more)."""
    from zhreader.pipeline.build import BuildSettings
    from zhreader.pipeline.translate.cache import default_cache_path

    return BuildSettings(
        formats=parse_formats(formats),
        cache_path=cache_path or default_cache_path(out),
        glossaries=tuple(glossaries),
        **options,
    )


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Accept only an ISO date (YYYY-MM-DD) that exists in the calendar."""
    if value is None:
        return None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise click.BadParameter(f"{value!r} is not a date that exists, written YYYY-MM-DD")


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
        click.option("--max-input-mb", default=DEFAULT_MAX_INPUT_MB, show_default=True,
                     type=click.FloatRange(0), help="Refuse larger inputs unread (0: no limit)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", default=Path("output"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Output folder.")
@click.option("--paper", help="Newspaper name (overrides the sidecar).")
@click.option("--date", callback=iso_date,
              help="Issue date, YYYY-MM-DD (overrides the sidecar and file name).")
@click.option("--page", help="Page label (overrides the sidecar).")
@translation_options
def build(inputs, out, paper, date, page, **options) -> None:
    """Build the reading editions of each INPUT issue into OUT/<slug>/.

    \b
    Example:
      zhreader build examples/linxiang-2020-04.txt --out output
    """
    from zhreader.pipeline.build import build_issue, load_resources

    settings = settings_from_options(out, paper=paper, date=date, page=page, **options)
    resources = load_resources(settings)
    for message in getattr(resources.glossary, "overrides", ()):
        click.echo(f"glossary: {message}")
    if resources.translator is None:
        click.echo(NO_MODEL_HINT)
    failures = 0
    with batch_lock(out):
        batch_slugs = slugs_of_batch(out)
        for path in inputs:
            try:
                refuse_batch_slug(path, out, batch_slugs)
                report = build_issue(path, out, settings, resources)
            except ZhreaderError as err:
                failures += 1
                click.echo(f"zhreader: error: {err}", err=True)
                continue
            _print_report(report, out)
    if failures:
        raise SystemExit(1)


@contextlib.contextmanager
def batch_lock(out: Path):
    """Hold the batch lock of OUT while building into it, when OUT is a batch's folder."""
    from zhreader.pipeline.batch import LOCK_NAME, _Lock
    from zhreader.pipeline.manifest import MANIFEST_NAME

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise output_error(out, err) from err
    if (out / LOCK_NAME).exists() or (out / MANIFEST_NAME).exists():
        with _Lock(out):
            yield
    else:
        yield


def slugs_of_batch(out: Path) -> set[str]:
    """Return the slugs a batch's manifest in OUT records (none when OUT is no batch folder)."""
    from zhreader.pipeline.manifest import MANIFEST_NAME, load_manifest

    if not (out / MANIFEST_NAME).exists():
        return set()
    return set(load_manifest(out).issues)


def refuse_batch_slug(path: Path, out: Path, batch_slugs: set[str]) -> None:
    """Refuse to overwrite an issue a batch built and its manifest records."""
    from zhreader.pipeline.inbox import slug_for

    slug = slug_for(PurePath(Path(path).name))
    if slug in batch_slugs:
        raise ZhreaderError(
            f"{out / slug} is an issue of the batch library in {out} (see its manifest.json)",
            file=str(path),
            hint="build into another --out, or add the file to the batch's input folder",
        )


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
