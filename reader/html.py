"""Render the side-by-side and the interlinear HTML editions.

Each edition is one self-contained file: its CSS and script are inlined, it
loads nothing from anywhere, and it works opened from disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib.resources import files

from jinja2 import Environment
from markupsafe import Markup

from zhreader.model import Edition
from zhreader.reader.context import EditionContext, build_context, lang_of
from zhreader.reader.templating import make_environment


@cache
def environment() -> Environment:
    """Return the Jinja2 environment of the editions (autoescape on, strict)."""
    env = make_environment("templates")
    env.globals["lang_of"] = lang_of
    # The word panel's data: sorted (same bytes on rebuild), Chinese as written.
    env.policies["json.dumps_kwargs"] = {
        "sort_keys": True,
        "ensure_ascii": False,
        "separators": (",", ":"),
    }
    return env


@cache
def static_text(name: str) -> Markup:
    """Return one of our own static files (CSS, script) for inlining."""
    text = files("zhreader.reader").joinpath("static", name).read_text(encoding="utf-8")
    # Our files never close their element early; the check keeps it so.
    if "</style" in text.lower() or "</script" in text.lower():
        raise ValueError(f"static/{name} must not contain a closing style or script tag")
    return Markup(text)


def _pieces(
    template: str, context: EditionContext, edition_name: str, body_class: str
) -> Iterator[str]:
    return (
        environment()
        .get_template(template)
        .generate(
            c=context,
            edition_name=edition_name,
            body_class=body_class,
            css=static_text("edition.css"),
            js=static_text("edition.js"),
            glossary=context.glossary,
            href=lambda sentence_id: f"#{sentence_id}" if sentence_id in context.homes else None,
        )
    )


def side_by_side_pieces(edition: Edition) -> Iterator[str]:
    """Yield the side-by-side edition's HTML in pieces, as the template renders it."""
    return _pieces("side-by-side.html", build_context(edition), "side-by-side", "sbs")


def interlinear_pieces(edition: Edition) -> Iterator[str]:
    """Yield the interlinear edition's HTML in pieces, as the template renders it."""
    return _pieces("interlinear.html", build_context(edition), "interlinear", "interlinear")


def render_side_by_side(edition: Edition) -> str:
    """Render the side-by-side edition (Chinese left, English right) as one HTML file."""
    return "".join(side_by_side_pieces(edition))


def render_interlinear(edition: Edition) -> str:
    """Render the interlinear edition (ruby pinyin, glosses, reader controls) as one HTML file."""
    return "".join(interlinear_pieces(edition))


__all__ = [
    "environment",
    "interlinear_pieces",
    "lang_of",
    "render_interlinear",
    "render_side_by_side",
    "side_by_side_pieces",
]
