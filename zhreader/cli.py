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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zhreader")
def main() -> None:
    """Turn Chinese newspaper text into bilingual reading editions."""


def _register() -> None:
    from zhreader.commands import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_register()
