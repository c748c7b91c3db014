"""Render the side-by-side and the interlinear HTML editions.

Each edition is one self-contained file: its CSS and script are inlined, it
loads nothing from anywhere, and it works opened from disk.
"""

from __future__ import annotations

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


def _render(template: str, context: EditionContext, edition_name: str, body_class: str) -> str:
    return (
        environment()
        .get_template(template)
        .render(
            c=context,
            edition_name=edition_name,
            body_class=body_class,
            css=static_text("edition.css"),
            js=static_text("edition.js"),
            glossary=context.glossary,
            href=lambda sentence_id: f"#{sentence_id}" if sentence_id in context.homes else None,
        )
    )


def render_side_by_side(edition: Edition) -> str:
    """Render the side-by-side edition (Chinese left, English right) as one HTML file."""
    return _render("side-by-side.html", build_context(edition), "side-by-side", "sbs")


def render_interlinear(edition: Edition) -> str:
    """Render the interlinear edition (ruby pinyin, glosses, reader controls) as one HTML file."""
    return _render("interlinear.html", build_context(edition), "interlinear", "interlinear")


__all__ = ["environment", "lang_of", "render_interlinear", "render_side_by_side"]
