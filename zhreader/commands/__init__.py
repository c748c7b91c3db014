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
    return [
        getattr(importlib.import_module(f"zhreader.commands.{module_name}"), attr)
        for module_name, attr in _COMMAND_MODULES
    ]


COMMANDS = _load()
