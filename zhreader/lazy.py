"""Packages that name their public functions without importing every module at once."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` that imports ``name`` from ``package.<module>`` on first use.

    A stage package lists its public names (name → module) in its ``__init__``;
    importing one module of the stage (the dictionary, say) then costs that
    module alone, not the whole stage with numpy and jieba.
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__


__all__ = ["lazy_exports"]
