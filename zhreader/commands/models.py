"""`zhreader models`: list and install zh→en translation packages."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def models() -> None:
    """List and install zh→en translation packages (argostranslate .argosmodel files).

    \b
    argostranslate keeps packages in $ARGOS_PACKAGES_DIR
    (default ~/.local/share/argos-translate/packages).
    """


@models.command("list")
def list_models() -> None:
    """Show the installed zh→en packages (name, version, size, path).

    \b
    Example:
      zhreader models list
    """
    from zhreader.pipeline.translate.packages import INSTALL_HINT, installed_packages

    packages = installed_packages()
    if not packages:
        click.echo(f"no zh→en translation package is installed; {INSTALL_HINT}")
        return
    for info in reversed(packages):
        click.echo(f"{info.name}\t{info.version}\t{info.size / 1e6:.1f} MB\t{info.path}")


@models.command("install")
@click.argument("source")
def install(source: str) -> None:
    """Install SOURCE: an .argosmodel file (no network), or `zh-en` from argostranslate's index.

    \b
    Examples:
      zhreader models install translate-zh_en-1_9.argosmodel
      zhreader models install zh-en
    """
    from zhreader.pipeline.translate.packages import install_file, install_from_index

    if source == "zh-en" and not Path(source).exists():
        info = install_from_index()
    else:
        info = install_file(Path(source))
    click.echo(f"installed {info.name} {info.version} → {info.path}")
