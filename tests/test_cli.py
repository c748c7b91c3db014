"""The CLI as a user meets it: help, version, and every command documented."""

from __future__ import annotations

import re

import click
from click.testing import CliRunner
from conftest import ROOT

from zhreader import __version__
from zhreader.cli import main
from zhreader.signature import code_identity


def _command_paths(group: click.Group, prefix: str = "zhreader") -> list[str]:
    paths = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            paths.extend(_command_paths(command, path))
        else:
            paths.append(path)
    return paths


def test_version_prints_the_package_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"zhreader {__version__}\n"


def test_version_verbose_prints_the_signature():
    result = CliRunner().invoke(main, ["--version", "--verbose"])
    assert result.exit_code == 0, result.output
    signature = result.output.splitlines()[1]
    code = code_identity()  # the version and a hash of the packages' files
    assert code.startswith(f"{__version__}+code:")
    assert signature.startswith(f"signature: zhreader:{code}|seg:jieba-")
    assert "|gl:" in signature and "|dict:cedict-" in signature


def test_every_command_is_documented_in_the_readme_with_an_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _command_paths(main)
    assert {"zhreader build", "zhreader annotate", "zhreader batch"} <= set(commands)
    for command in commands:
        # An example line in a code block: the command followed by arguments or options.
        assert re.search(rf"^\$? ?{re.escape(command)}\b", readme, re.M), command


def test_every_command_has_help():
    for command in _command_paths(main):
        args = command.split()[1:] + ["--help"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, (command, result.output)
        assert "Usage:" in result.output


def test_unknown_format_is_a_one_line_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["build", "x.txt", "--format", "pdf", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown format pdf" in result.output
