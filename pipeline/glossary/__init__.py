"""Glossary: the curated policy terms, their checker and the term report."""

from zhreader.pipeline.glossary.check import GlossaryEntry, check_glossary_file, parse_glossary_file
from zhreader.pipeline.glossary.load import (
    Glossary,
    bundled_glossary_path,
    glossary_appendix,
    load_glossaries,
)
from zhreader.pipeline.glossary.report import glossary_report

__all__ = [
    "Glossary",
    "GlossaryEntry",
    "bundled_glossary_path",
    "check_glossary_file",
    "glossary_appendix",
    "glossary_report",
    "load_glossaries",
    "parse_glossary_file",
]
