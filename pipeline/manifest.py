"""The batch manifest: what was built from what, and the rules for rebuilding.

``OUT/manifest.json`` records, per issue, the hashes of its input and sidecar,
the signature that built it and what it produced. Only the batch's main
process writes it (workers return results), and it is rewritten through a
temporary file and a rename after every issue, so a SIGKILL leaves either the
previous manifest or the next one, both consistent with the files on disk.

Rebuild rules (``rebuild_reason``), in order:
  1. never built, or its files are gone            → build
  2. the input's or the sidecar's bytes changed    → build
  3. a signature part other than ``gl`` changed    → build (code, dictionaries,
     translation package, beam, compute type)
  4. it failed last time on bad input (a ``ZhreaderError``) → fail again without
     building; a crash (any other exception) is always retried.
  5. only the glossary changed: build when a form (``zh`` or a variant) of an
     entry that was added, removed or edited since the issue was last checked
     occurs anywhere in the issue's text; otherwise keep the files and note
     that the issue was checked against the new glossary.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from zhreader.errors import ZhreaderError
from zhreader.fsutil import atomic_write_text
from zhreader.signature import parse_signature, short_hash

MANIFEST_NAME = "manifest.json"
FORMAT = "zhreader.manifest/1"
# Where an entry's text came from is no part of what it means.
_ENTRY_PROVENANCE = ("file", "line")


@dataclass(frozen=True)
class IssueRecord:
    """What the manifest knows about one issue."""

    slug: str
    path: str  # relative to the batch's input folder, with forward slashes
    input_sha256: str
    sidecar_sha256: str | None
    signature: str  # the signature that built (or failed to build) the issue
    glossary_checked: str  # fingerprint of the last glossary the issue was checked against
    status: str  # "built" or "failed"
    reason: str | None = None
    failure: str | None = None  # "input" (ZhreaderError) or "crash"
    files: tuple[str, ...] = ()  # relative to OUT
    terms: tuple[str, ...] = ()
    title: str | None = None
    date: str | None = None
    paper: str | None = None
    page: str | None = None
    sentences: int = 0


@dataclass
class Manifest:
    """Issue records by slug, and the glossary snapshots they were checked against."""

    issues: dict[str, IssueRecord] = field(default_factory=dict)
    # fingerprint → {entry zh: [entry hash, [forms]]}
    glossaries: dict[str, dict[str, list]] = field(default_factory=dict)

    def to_json(self) -> str:
        """Return the manifest as stable JSON text."""
        used = {r.glossary_checked for r in self.issues.values()}
        data = {
            "format": FORMAT,
            "issues": {slug: dataclasses.asdict(self.issues[slug]) for slug in sorted(self.issues)},
            "glossaries": {fp: self.glossaries[fp] for fp in sorted(self.glossaries) if fp in used},
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    def save(self, out: Path) -> None:
        """Write the manifest atomically into ``out``."""
        atomic_write_text(out / MANIFEST_NAME, self.to_json())


def load_manifest(out: Path) -> Manifest:
    """Read ``OUT/manifest.json``; an absent file is an empty manifest."""
    path = out / MANIFEST_NAME
    if not path.exists():
        return Manifest()
    hint = "delete it to rebuild every issue"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ZhreaderError(
                f"unknown manifest format {data.get('format')!r}, expected {FORMAT!r}",
                file=str(path),
                hint=hint,
            )
        issues = {slug: _record(record) for slug, record in data.get("issues", {}).items()}
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        raise ZhreaderError(
            f"the manifest is unreadable ({err})", file=str(path), hint=hint
        ) from err
    return Manifest(issues=issues, glossaries=dict(data.get("glossaries", {})))


def _record(data: dict) -> IssueRecord:
    data = dict(data)
    data["files"] = tuple(data.get("files", ()))
    data["terms"] = tuple(data.get("terms", ()))
    return IssueRecord(**data)


def glossary_snapshot(entries: Iterable) -> dict[str, list]:
    """Return {zh: [hash of the entry's meaning, its forms]} for a glossary's entries."""
    snapshot: dict[str, list] = {}
    for entry in entries:
        meaning = {k: v for k, v in dataclasses.asdict(entry).items() if k not in _ENTRY_PROVENANCE}
        digest = short_hash(json.dumps(meaning, ensure_ascii=False, sort_keys=True), 12)
        forms = sorted({entry.zh, *getattr(entry, "variants", ())})
        snapshot[entry.zh] = [digest, forms]
    return snapshot


def changed_forms(old: Mapping[str, list], new: Mapping[str, list]) -> set[str]:
    """Return every form of the entries added, removed or edited between two snapshots."""
    forms: set[str] = set()
    for zh in set(old) | set(new):
        before, after = old.get(zh), new.get(zh)
        if before is None or after is None or before[0] != after[0]:
            for snapshot in (before, after):
                if snapshot is not None:
                    forms.update(snapshot[1])
    return forms


def signature_without_glossary(signature: str) -> dict[str, str]:
    """Return a signature's parts, leaving out the glossary fingerprint."""
    parts = parse_signature(signature)
    parts.pop("gl", None)
    return parts


@dataclass(frozen=True)
class Candidate:
    """An issue found in the input folder, hashed."""

    slug: str
    path: Path
    rel: str
    input_sha256: str
    sidecar_sha256: str | None


def rebuild_reason(
    record: IssueRecord | None,
    candidate: Candidate,
    signature: str,
    glossary_forms_changed: set[str] | None,
    read_text,
    out: Path,
) -> str | None:
    """Return why an issue must be (re)built, or None to keep what is there.

    ``glossary_forms_changed`` is None when the record's glossary snapshot is
    unknown; ``read_text()`` returns the issue's text and is only called when
    only the glossary changed.
    """
    if record is None:
        return "new"
    if record.input_sha256 != candidate.input_sha256:
        return "input changed"
    if record.sidecar_sha256 != candidate.sidecar_sha256:
        return "sidecar changed"
    before = signature_without_glossary(record.signature)
    now = signature_without_glossary(signature)
    if before != now:
        changed = sorted(k for k in set(before) | set(now) if before.get(k) != now.get(k))
        return f"signature changed ({', '.join(changed)})"
    if record.status == "failed":
        return "retry after a crash" if record.failure != "input" else None
    if any(not (out / name).exists() for name in record.files):
        return "output files missing"
    if parse_signature(record.signature).get("gl") == parse_signature(signature).get("gl"):
        return None
    if glossary_forms_changed is None:
        return "glossary changed"
    try:
        text = read_text()
    except (OSError, ZhreaderError):
        return "glossary changed and the text could not be read to check it"
    hits = sorted(form for form in glossary_forms_changed if form in text)
    return f"glossary terms changed ({', '.join(hits[:5])})" if hits else None


__all__ = [
    "MANIFEST_NAME",
    "Candidate",
    "IssueRecord",
    "Manifest",
    "changed_forms",
    "glossary_snapshot",
    "load_manifest",
    "rebuild_reason",
    "signature_without_glossary",
]
