"""Reading inputs: every encoding the issue names, and every way a file can be unusable."""

from __future__ import annotations

import codecs
import hashlib
import time

import pytest

from zhreader.errors import InputError
from zhreader.pipeline.structure.ingest import (
    decode_bytes,
    read_source,
    remove_forbidden,
    split_lines,
)


@pytest.fixture(scope="module")
def example_text(example_path) -> str:
    return example_path.read_text(encoding="utf-8")


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_example_reads_unchanged(example_path, example_text):
    source = read_source(example_path)
    assert source.text == example_text
    assert source.encoding == "utf-8"
    assert source.sha256 == hashlib.sha256(example_path.read_bytes()).hexdigest()
    assert source.removed == ()


@pytest.mark.parametrize(
    ("bom", "codec", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    ],
)
def test_byte_order_marks_decide_the_encoding(tmp_path, example_text, bom, codec, encoding):
    path = _write(tmp_path, "bom.txt", bom + example_text.encode(codec))
    source = read_source(path)
    assert source.text == example_text  # the BOM itself is not text
    assert source.encoding == encoding


def test_gbk_and_gb18030_are_decoded(tmp_path, example_text):
    for codec in ("gbk", "gb18030"):
        source = read_source(_write(tmp_path, f"{codec}.txt", example_text.encode(codec)))
        assert source.text == example_text
        assert source.encoding == "gb18030"  # a superset of GBK: same characters


def test_gb18030_only_characters_survive(tmp_path):
    text = "𠀀字与€符号。\n"  # U+20000 is outside GBK but inside GB18030
    source = read_source(_write(tmp_path, "ext.txt", text.encode("gb18030")))
    assert source.text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings(tmp_path, example_text, newline):
    data = example_text.replace("\n", newline).encode("utf-8")
    source = read_source(_write(tmp_path, "nl.txt", data))
    assert split_lines(source.text) == split_lines(example_text)
    # Full-width punctuation and digits are never normalised.
    assert "（" not in example_text or "（" in source.text
    assert "，" in source.text and "2846" in source.text


def test_empty_file_is_refused(tmp_path):
    path = _write(tmp_path, "empty.txt", b"")
    with pytest.raises(InputError, match=r"empty.txt: input file is empty"):
        read_source(path)


def test_whitespace_only_file_is_refused(tmp_path):
    path = _write(tmp_path, "blank.txt", "\n  \n\u3000\u3000\n\t\r\n".encode())
    with pytest.raises(InputError, match=r"blank.txt: input has no text"):
        read_source(path)


def test_binary_file_is_refused(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    path = _write(tmp_path, "photo.txt", png)
    with pytest.raises(InputError) as err:
        read_source(path)
    message = str(err.value)
    assert message.startswith(f"{path}: input looks binary")
    assert "\n" not in message


def test_undecodable_file_is_refused(tmp_path):
    # 0x80 and 0xFF are neither UTF-8 nor GB18030 lead bytes.
    path = _write(tmp_path, "bad.txt", "临湘".encode() + b"\x80\xff\x80abc")
    with pytest.raises(InputError, match=r"bad.txt: input is neither UTF-8 nor GB18030"):
        read_source(path)


def test_damaged_utf16_after_bom_is_refused(tmp_path):
    path = _write(
        tmp_path, "half.txt", codecs.BOM_UTF16_LE + "临湘".encode("utf-16-le") + b"\x00\xd8"
    )
    with pytest.raises(InputError, match="utf-16-le byte-order mark"):
        read_source(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_source(tmp_path / "nothing.txt")
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)


def test_control_characters_are_removed_and_recorded(tmp_path):
    text = "标题\n\n第一段\x07文字。\n第二段\x0c。\x1f\n"
    source = read_source(_write(tmp_path, "ctl.txt", text.encode()))
    assert source.text == "标题\n\n第一段文字。\n第二段。\n"
    assert source.removed == ("U+0007 at line 3", "U+000C at line 4", "U+001F at line 4")


@pytest.mark.parametrize(
    ("char", "removed"),
    [
        ("\U00000000", True),
        ("\U00000008", True),
        ("\U00000009", False),  # tab is allowed in XML
        ("\U0000000b", True),
        ("\U0000000d", False),
        ("\U0000000e", True),
        ("\U0000001f", True),
        ("\U00000020", False),
        ("\U0000fffd", False),
        ("\U0000fffe", True),
        ("\U0000ffff", True),
        ("\U00010000", False),
    ],
)
def test_forbidden_range_edges(char, removed):
    clean, found = remove_forbidden(f"a{char}b")
    assert (clean == "ab") is removed
    assert bool(found) is removed


def test_decode_bytes_names_the_file():
    with pytest.raises(InputError, match=r"^where\.txt: "):
        decode_bytes(b"", "where.txt")


def test_twenty_megabyte_file(tmp_path, example_path):
    data = example_path.read_bytes()
    path = _write(tmp_path, "big.txt", data * (20_000_000 // len(data) + 1))
    started = time.perf_counter()
    source = read_source(path)
    elapsed = time.perf_counter() - started
    assert len(source.text) > 6_000_000
    assert source.encoding == "utf-8"
    # No timing assertion (shared machine); the figure is in docs/structure.md.
    print(f"read 20 MB in {elapsed:.2f} s")


def test_twenty_megabyte_gbk_file(tmp_path, example_text):
    data = example_text.encode("gbk")
    path = _write(tmp_path, "big-gbk.txt", data * (20_000_000 // len(data) + 1))
    source = read_source(path)
    assert source.encoding == "gb18030"
    assert source.text.startswith(example_text)


def test_many_control_characters_mean_binary(tmp_path):
    path = _write(tmp_path, "ctl.bin", bytes([1, 2, 3, 4, 5, 6, 7, 65]) * 50)
    with pytest.raises(InputError, match="looks binary"):
        read_source(path)
