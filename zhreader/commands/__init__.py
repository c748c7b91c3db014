"""The CLI's commands, one module each."""

from __future__ import annotations

import importlib

import click

# (module, attribute): imported at start-up; each module keeps heavy imports
# inside its command functions so that `zhreader --help` stays fast.
_COMMAND_MODULES = (
    ("build", "build"),
    ("annotate", "annotate"),
    ("glossary", "glossary"),
    ("models", "models"),
    ("batch", "batch"),
)


def _load() -> list[click.Command]:
    commands = []
    for module_name, attr in _COMMAND_MODULES:
        try:
            module = importlib.import_module(f"zhreader.commands.{module_name}")
        except ModuleNotFoundError as err:
            if err.name == f"zhreader.commands.{module_name}":
                continue  # not written yet
            raise
        commands.append(getattr(module, attr))
    return commands


COMMANDS = _load()
