"""One exception family: every error a user can fix prints as one line."""

from __future__ import annotations


class ZhreaderError(Exception):
    """An error a person can act on; the CLI prints ``str(err)`` and exits 1.

    The message names the file (and line or id where known), what was wrong,
    and how to fix it.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line is not None else f"{self.file}: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


class InputError(ZhreaderError):
    """An input issue cannot be read or decoded."""


class SidecarError(ZhreaderError):
    """A sidecar file (issue metadata, structure fixes) is malformed."""


class GlossaryError(ZhreaderError):
    """A glossary file has problems; ``problems`` lists every one of them."""

    def __init__(self, message: str, problems: list[str] | None = None, **kw) -> None:
        super().__init__(message, **kw)
        self.problems = list(problems or [])


class TranslationModelError(ZhreaderError):
    """A translation package is missing, broken or cannot be installed."""


class DictionaryError(ZhreaderError):
    """A dictionary package is missing or its data cannot be read."""


class LearnerSensesError(ZhreaderError):
    """The learner-senses table (pipeline/words/data/learner_senses.tsv) is malformed."""


class TextIntegrityError(ZhreaderError):
    """The edition lost, duplicated or reordered characters of the input (a bug)."""


class TranslationCacheError(ZhreaderError):
    """The translation cache file cannot be opened or is not a cache."""
