"""Command-line interface: a thin click layer over the pipeline and the readers.

Each command lives in its own module under ``zhreader/commands``; this module
only assembles the group and turns ``ZhreaderError`` into one line and exit 1.
"""

from __future__ import annotations

import sys

import click

from zhreader import __version__
from zhreader.errors import ZhreaderError


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ZhreaderError as err:
            click.echo(f"zhreader: error: {err}", err=True)
            sys.exit(1)
        except OSError as err:
            # The file system said no where no stage expected it: still one line.
            where = f"{err.filename}: " if err.filename else ""
            click.echo(f"zhreader: error: {where}{err.strerror or err}", err=True)
            sys.exit(1)
        except click.UsageError as err:
            # One line, like every other error; exit 2 as click's usage errors do.
            where = f" (see {err.ctx.command_path} --help)" if err.ctx is not None else ""
            click.echo(f"zhreader: error: {err.format_message()}{where}", err=True)
            sys.exit(2)


@click.group(
    cls=_Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--version", "show_version", is_flag=True, help="Show the version and exit.")
@click.option(
    "--verbose", is_flag=True, help="With --version: also print the signature of this setup."
)
@click.pass_context
def main(ctx: click.Context, show_version: bool, verbose: bool) -> None:
    """Turn Chinese newspaper text into bilingual reading editions.

    \b
    zhreader build examples/linxiang-2020-04.txt --out output
    zhreader annotate --format text - <<< '建档立卡贫困户'
    zhreader glossary check
    zhreader models list
    zhreader batch issues/ --out library
    """
    if show_version:
        click.echo(f"zhreader {__version__}")
        if verbose:
            click.echo(f"signature: {current_signature()}")
        ctx.exit(0)
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


def current_signature() -> str:
    """Return the signature a build with default settings would carry now."""
    from zhreader.pipeline.build import BuildSettings, load_resources
    from zhreader.signature import make_signature

    return make_signature(load_resources(BuildSettings()).signature_parts)


def _register() -> None:
    from zhreader.commands import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_register()
