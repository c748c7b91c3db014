"""edition.json: the model written out (documented by zhreader/schema/edition.schema.json)."""

from __future__ import annotations

import json

from zhreader.model import Edition, to_dict


def edition_json(edition: Edition) -> str:
    """Return the edition as stable, human-readable JSON (UTF-8 text, not \\u escapes)."""
    return json.dumps(to_dict(edition), ensure_ascii=False, indent=1) + "\n"
