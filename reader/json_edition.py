"""edition.json: the model written out (documented by zhreader/schema/edition.schema.json).

The text is exactly ``json.dumps(to_dict(edition), ensure_ascii=False,
indent=1)``, but written in pieces straight from the model: neither the
plain-data copy of the model nor the whole text is ever held in memory, and a
token that occurs many times is encoded once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from zhreader.model import Edition, Token, written_fields

_INDENT = " "
_encode_string = json.encoder.encode_basestring  # the ensure_ascii=False form


def edition_json_pieces(edition: Edition) -> Iterator[str]:
    """Yield edition.json's text in pieces (stable, human-readable, UTF-8 text)."""
    tokens: dict[tuple[Token, int], str] = {}
    yield from _value(edition, 0, tokens)
    yield "\n"


def edition_json(edition: Edition) -> str:
    """Return the edition as stable, human-readable JSON (UTF-8 text, not \\u escapes)."""
    return "".join(edition_json_pieces(edition))


def _value(value: Any, level: int, tokens: dict[tuple[Token, int], str]) -> Iterator[str]:
    if isinstance(value, Token):
        key = (value, level)
        text = tokens.get(key)
        if text is None:
            text = tokens[key] = "".join(_object(value, level, tokens))
        yield text
    elif hasattr(value, "__dataclass_fields__"):
        yield from _object(value, level, tokens)
    elif isinstance(value, (tuple, list)):
        yield from _array(value, level, tokens)
    elif isinstance(value, str):
        yield _encode_string(value)
    elif value is None or isinstance(value, (bool, int)):
        yield json.dumps(value)
    else:
        raise TypeError(f"edition.json cannot hold {type(value).__name__}")


def _object(value: Any, level: int, tokens: dict[tuple[Token, int], str]) -> Iterator[str]:
    names = written_fields(value)
    if not names:
        yield "{}"
        return
    inner = "\n" + _INDENT * (level + 1)
    for number, name in enumerate(names):
        yield ("{" if number == 0 else ",") + inner + _encode_string(name) + ": "
        yield from _value(getattr(value, name), level + 1, tokens)
    yield "\n" + _INDENT * level + "}"


def _array(items: Any, level: int, tokens: dict[tuple[Token, int], str]) -> Iterator[str]:
    if not items:
        yield "[]"
        return
    inner = "\n" + _INDENT * (level + 1)
    for number, item in enumerate(items):
        yield ("[" if number == 0 else ",") + inner
        yield from _value(item, level + 1, tokens)
    yield "\n" + _INDENT * level + "]"


__all__ = ["edition_json", "edition_json_pieces"]
