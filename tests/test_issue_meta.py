"""File-name metadata: a table of real-looking archive names."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhreader.pipeline.structure.issue_meta import IssueMeta, metadata_from_filename

CASES = [
    ("2020-04-15.txt", IssueMeta(None, "2020-04-15", None)),
    ("临湘日报-2020-04-15-p3.txt", IssueMeta("临湘日报", "2020-04-15", "3")),
    ("临湘日报_20200415_第03版.txt", IssueMeta("临湘日报", "2020-04-15", "3")),
    ("yueyang-daily.2021.12.31.page12.txt", IssueMeta("yueyang-daily", "2021-12-31", "12")),
    ("20200415.txt", IssueMeta(None, "2020-04-15", None)),
    ("人民日报 2019-10-01 P1.txt", IssueMeta("人民日报", "2019-10-01", "1")),
    # A month is no date; without a date the prefix is not taken as the paper.
    ("linxiang-2020-04.txt", IssueMeta(None, None, None)),
    # Impossible calendar dates and digit runs that are longer than a date.
    ("paper-2020-02-30.txt", IssueMeta(None, None, None)),
    ("id-1202004150.txt", IssueMeta(None, None, None)),
    # Mixed separators are not a date.
    ("2020-04_15.txt", IssueMeta(None, None, None)),
    ("notes.txt", IssueMeta(None, None, None)),
    ("appendix-p2.txt", IssueMeta(None, None, "2")),
    # "p" inside a word is not a page marker.
    ("paper3-2020-01-02.txt", IssueMeta("paper3", "2020-01-02", None)),
]


@pytest.mark.parametrize(("name", "expected"), CASES)
def test_metadata_from_filename(name: str, expected: IssueMeta) -> None:
    assert metadata_from_filename(Path("/archive/in") / name) == expected


def test_the_folder_does_not_count() -> None:
    assert metadata_from_filename(Path("/2020-04-15/issue.txt")) == IssueMeta()
