"""The one Jinja2 environment factory of the editions and the library."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


def make_environment(folder: str) -> Environment:
    """Return a strict environment over ``reader/<folder>`` that escapes everything it renders.

    Autoescape is on for every template, markup or not (scripts and styles
    included: the library's search script is a template too), and for strings.
    """
    return Environment(
        loader=PackageLoader("zhreader.reader", folder),
        autoescape=select_autoescape(
            enabled_extensions=("html", "xhtml", "opf", "xml"),
            default_for_string=True,
            default=True,
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


__all__ = ["make_environment"]
