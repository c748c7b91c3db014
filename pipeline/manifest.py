"""The batch manifest: what was built from what, and the rules for rebuilding.

``OUT/manifest.jsonl`` records, per issue, the hashes of its input and
sidecar, the signature that built it and what it produced. It is a journal:
only the batch's main process writes it (workers return results), appending
one line per finished issue, so saving costs the same at issue 10 and issue
10,000. A SIGKILL can leave at most a torn last line, which loading ignores
(that issue is simply built again); a run compacts the journal (rewritten
through a temporary file and a rename) when dead lines pile up.

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
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from zhreader.errors import ZhreaderError
from zhreader.fsutil import atomic_write_text
from zhreader.signature import parse_signature, short_hash

MANIFEST_NAME = "manifest.jsonl"
# Written by versions before the journal; read once and replaced by it.
OLD_MANIFEST_NAME = "manifest.json"
FORMAT = "zhreader.manifest/2"
OLD_FORMAT = "zhreader.manifest/1"
# Compact when the journal holds this many times more lines than live records.
_COMPACT_RATIO = 3
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


# The type every field of a record must have in the journal (None allowed where typed so).
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "slug": (str,),
    "path": (str,),
    "input_sha256": (str,),
    "sidecar_sha256": (str, type(None)),
    "signature": (str,),
    "glossary_checked": (str,),
    "status": (str,),
    "reason": (str, type(None)),
    "failure": (str, type(None)),
    "files": (list,),
    "terms": (list,),
    "title": (str, type(None)),
    "date": (str, type(None)),
    "paper": (str, type(None)),
    "page": (str, type(None)),
    "sentences": (int,),
}
_REQUIRED = ("slug", "path", "input_sha256", "signature", "glossary_checked", "status")


@dataclass
class Manifest:
    """Issue records by slug, and the glossary snapshots they were checked against.

    On disk it is a journal (``OUT/manifest.jsonl``): one JSON object a line,
    appended as issues finish, so recording issue 10,000 costs what recording
    issue 10 did. Loading replays it (the last line about a slug wins).
    """

    issues: dict[str, IssueRecord] = field(default_factory=dict)
    # fingerprint → {entry zh: [entry hash, [forms]]}
    glossaries: dict[str, dict[str, list]] = field(default_factory=dict)
    # Journal lines that could not be used (line number: why); their issues are rebuilt.
    problems: list[str] = field(default_factory=list)
    lines: int = 0  # lines in the journal on disk
    torn: bool = False  # the journal ends in a line a killed run left half-written
    _written_glossaries: set[str] = field(default_factory=set)

    def to_lines(self) -> list[str]:
        """Return the compacted journal: a header, the used glossaries, one line per issue."""
        used = {r.glossary_checked for r in self.issues.values()}
        lines = [_dump({"format": FORMAT})]
        lines += [
            _dump({"glossary": fp, "entries": self.glossaries[fp]})
            for fp in sorted(self.glossaries)
            if fp in used
        ]
        lines += [_dump(_record_data(self.issues[slug])) for slug in sorted(self.issues)]
        return lines

    def save(self, out: Path) -> None:
        """Rewrite the journal compacted, atomically (once a run, not once an issue)."""
        lines = self.to_lines()
        atomic_write_text(out / MANIFEST_NAME, "".join(line + "\n" for line in lines))
        (out / OLD_MANIFEST_NAME).unlink(missing_ok=True)
        self.lines = len(lines)
        self.torn = False
        self._written_glossaries = {
            json.loads(line)["glossary"] for line in lines if line.startswith('{"glossary"')
        }

    def needs_compaction(self) -> bool:
        """Return True when the journal should be rewritten before appending to it.

        That is when dead lines outnumber live ones by far, when a line could
        not be used, or when a killed run left a torn last line (appending to
        it would glue the next record onto it).
        """
        dead = self.lines > _COMPACT_RATIO * (len(self.issues) + len(self.glossaries) + 1)
        return dead or self.torn or bool(self.problems)

    def record(self, out: Path, record: IssueRecord) -> None:
        """Set an issue's record and append it to the journal (with its glossary, once)."""
        self.issues[record.slug] = record
        if not (out / MANIFEST_NAME).exists():
            self.save(out)  # the first record of a new journal: written with its header
            return
        lines = []
        fp = record.glossary_checked
        if fp in self.glossaries and fp not in self._written_glossaries:
            lines.append(_dump({"glossary": fp, "entries": self.glossaries[fp]}))
            self._written_glossaries.add(fp)
        lines.append(_dump(_record_data(record)))
        self._append(out, lines)

    def remove(self, out: Path, slug: str) -> None:
        """Forget an issue and append the removal to the journal."""
        if self.issues.pop(slug, None) is not None:
            self._append(out, [_dump({"removed": slug})])

    def _append(self, out: Path, lines: list[str]) -> None:
        path = out / MANIFEST_NAME
        if not path.exists():
            self.save(out)  # already holds what the lines say
            return
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("".join(line + "\n" for line in lines))
            handle.flush()
            os.fsync(handle.fileno())
        self.lines += len(lines)


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _record_data(record: IssueRecord) -> dict:
    data = dataclasses.asdict(record)
    data["files"] = list(record.files)
    data["terms"] = list(record.terms)
    return data


def load_manifest(out: Path) -> Manifest:
    """Replay ``OUT/manifest.jsonl`` (or read an old ``manifest.json``); absent is empty.

    A line that is not JSON or whose fields have the wrong types is skipped
    and named in ``problems`` (its issue is then rebuilt); a journal of an
    unknown format is one clear error.
    """
    path = out / MANIFEST_NAME
    if not path.exists():
        old = out / OLD_MANIFEST_NAME
        return _load_old_manifest(old) if old.exists() else Manifest()
    manifest = Manifest()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ZhreaderError(
            f"the manifest is unreadable ({err})", file=str(path), hint=_HINT
        ) from err
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        try:
            _replay(manifest, json.loads(line), number == 1)
        except ZhreaderError as err:
            raise ZhreaderError(str(err), file=f"{path}:{number}", hint=_HINT) from None
        except (ValueError, TypeError, KeyError, AttributeError) as err:
            if number == len(lines) and not text.endswith("\n"):
                manifest.torn = True
                continue  # the last line of a killed run: that issue is built again
            manifest.problems.append(f"{path.name}:{number}: {err}")
    manifest.lines = len(lines)
    manifest._written_glossaries = set(manifest.glossaries)
    return manifest


_HINT = "delete it to rebuild every issue"


def _replay(manifest: Manifest, data: object, first: bool) -> None:
    """Apply one journal line to the manifest."""
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    if first:
        if data.get("format") != FORMAT:
            raise ZhreaderError(
                f"unknown manifest format {data.get('format')!r}, expected {FORMAT!r}"
            )
        return
    if "glossary" in data:
        entries = data.get("entries")
        if not isinstance(data["glossary"], str) or not isinstance(entries, dict):
            raise ValueError("a glossary line needs 'glossary' (text) and 'entries' (an object)")
        manifest.glossaries[data["glossary"]] = entries
    elif "removed" in data:
        manifest.issues.pop(str(data["removed"]), None)
    else:
        record = issue_record(data)
        manifest.issues[record.slug] = record


def issue_record(data: dict) -> IssueRecord:
    """Return a validated record; a missing, unknown or mistyped field is a ValueError."""
    unknown = sorted(set(data) - set(_FIELD_TYPES))
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}")
    for name in _REQUIRED:
        if name not in data:
            raise ValueError(f"field {name!r} is missing")
    for name, value in data.items():
        expected = _FIELD_TYPES[name]
        # bool is an int to Python, but never a sentence count.
        if not isinstance(value, expected) or isinstance(value, bool):
            names = " or ".join("null" if t is type(None) else t.__name__ for t in expected)
            raise ValueError(f"field {name!r}: expected {names}, received {value!r:.40}")
    if data["status"] not in ("built", "failed"):
        raise ValueError(
            f"field 'status': expected 'built' or 'failed', received {data['status']!r}"
        )
    files = data.get("files", ())
    if not all(isinstance(item, str) for item in files):
        raise ValueError("field 'files': expected a list of text")
    values = dict(data)
    values["files"] = tuple(files)
    try:  # ~150 terms an issue: intern() checks them in C, and takes text only
        values["terms"] = shared_terms(data.get("terms", ()))
    except TypeError:
        raise ValueError("field 'terms': expected a list of text") from None
    return IssueRecord(**values)


def shared_terms(terms: Iterable[str]) -> tuple[str, ...]:
    """Return the terms as one shared string each (``sys.intern``).

    Every issue names the glossary terms it uses, ~120 in a daily issue, the
    same few hundred strings over and over: held once each, the driver's
    records weigh ~4 KB per issue instead of ~14 KB.
    """
    return tuple(map(sys.intern, terms))  # a journal of 10,000 issues holds ~1.4M terms


def _load_old_manifest(path: Path) -> Manifest:
    """Read a ``manifest.json`` written before the journal (format 1)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != OLD_FORMAT:
            found = data.get("format") if isinstance(data, dict) else None
            raise ZhreaderError(
                f"unknown manifest format {found!r}, expected {OLD_FORMAT!r}",
                file=str(path),
                hint=_HINT,
            )
        manifest = Manifest(glossaries=dict(data.get("glossaries", {})))
        for slug, record in data.get("issues", {}).items():
            try:
                manifest.issues[slug] = issue_record(record)
            except (ValueError, TypeError) as err:
                manifest.problems.append(f"{path.name}: issue {slug!r}: {err}")
    except (ValueError, TypeError, AttributeError, UnicodeDecodeError) as err:
        raise ZhreaderError(
            f"the manifest is unreadable ({err})", file=str(path), hint=_HINT
        ) from err
    return manifest


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
    present: frozenset[str],
) -> str | None:
    """Return why an issue must be (re)built, or None to keep what is there.

    ``glossary_forms_changed`` is None when the record's glossary snapshot is
    unknown; ``read_text()`` returns the issue's text and is only called when
    only the glossary changed; ``present`` holds the output folder's files,
    named as records name them (relative, with ``/``).
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
    if not present.issuperset(record.files):
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
    "issue_record",
    "Candidate",
    "IssueRecord",
    "Manifest",
    "changed_forms",
    "glossary_snapshot",
    "load_manifest",
    "rebuild_reason",
    "shared_terms",
    "signature_without_glossary",
]
