"""Decoding order: BOM, magic numbers, NUL pattern, UTF-8, cp1252, then a guess."""

from __future__ import annotations

import codecs
import gzip
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.ingest.decode import BINARY_MESSAGE, Decoded, Undecodable, decode

SAMPLE = "Café owners said the river rose 2 m overnight.\nIt fell by noon."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32-le"),
        (codecs.BOM_UTF32_BE + SAMPLE.encode("utf-32-be"), "utf-32-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),  # no BOM: NUL pattern
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("cp1252"), "cp1252"),
        (SAMPLE.encode("latin-1"), "cp1252"),  # "Latin-1" read as its superset
    ],
)
def test_decodes_to_the_same_text_without_bom(data: bytes, encoding: str) -> None:
    result = decode(data)
    assert isinstance(result, Decoded)
    assert result.text == SAMPLE
    assert result.encoding == encoding
    assert "\ufeff" not in result.text and "\x00" not in result.text


def test_cp1252_is_tried_before_any_guess() -> None:
    # charset-normalizer alone turns this into "Moličre" (cp1250).
    result = decode("Un hommage à Molière, dit-il.".encode("cp1252"))
    assert isinstance(result, Decoded) and "Molière" in result.text
    assert any("Windows-1252" in n for n in result.notices)


@pytest.mark.parametrize(
    "broken",
    [b"\xff\xfe\xc3\x28", " Molière".encode("cp1252")],  # garbage; a Latin-1 fragment
    ids=["garbage", "latin-1-fragment"],
)
def test_utf8_with_a_few_broken_bytes_stays_utf8(broken: bytes) -> None:
    # Windows-1252 would turn every curly quote into "â€œ"; a guesser chose mac_iceland.
    text = "Yerevan’s “truce” held, the ministry’s envoy said. “We are ready,” she said."
    result = decode(text.encode() + broken)
    assert isinstance(result, Decoded) and result.encoding == "utf-8"
    assert result.text.startswith(text) and "\ufffd" in result.text
    assert any("replaced by U+FFFD" in n for n in result.notices)


def test_guess_is_recorded_when_cp1252_fails() -> None:
    data = "Привет, это проверка кодировки текста. Ѓ".encode("cp1251")  # 0x81 is not cp1252
    result = decode(data)
    assert isinstance(result, Decoded)
    assert "charset-normalizer" in result.encoding
    assert any("guessed" in n for n in result.notices)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        gzip.compress(b"some words " * 20),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        random.Random(7).randbytes(4096),
        b"\x00" * 300 + b"a few words",
        bytes(range(32)) * 10,
    ],
    ids=["png", "gzip", "pdf", "random", "mostly-nul", "controls"],
)
def test_binary_is_rejected(data: bytes) -> None:
    result = decode(data)
    assert isinstance(result, Undecodable)
    assert result.message.startswith(BINARY_MESSAGE)


def test_stray_nul_is_kept_in_place_and_reported() -> None:
    data = b"The mayor spoke at length about the new bridge\x00 and its cost to taxpayers."
    result = decode(data)
    assert isinstance(result, Decoded)
    assert result.text.index("\x00") == data.index(b"\x00")  # offsets unchanged
    assert any("NUL" in n for n in result.notices)


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00",  # lone high surrogate
        codecs.BOM_UTF8 + b"ok \xff\xfe bad",
    ],
)
def test_bom_with_invalid_data_is_a_clear_problem(data: bytes) -> None:
    result = decode(data)
    assert isinstance(result, Undecodable)
    assert "byte-order mark" in result.message


def test_utf8_encoded_surrogates_never_reach_text() -> None:
    result = decode(b"caf\xed\xa0\x80 is closed")  # CESU-style lone surrogate
    assert isinstance(result, Undecodable) or not any(
        "\ud800" <= c <= "\udfff" for c in result.text
    )


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_are_refused_without_surrogates(data: bytes) -> None:
    result = decode(data)
    if isinstance(result, Decoded):
        assert not any("\ud800" <= c <= "\udfff" for c in result.text)
        result.text.encode("utf-8")  # always encodable for the writers
    else:
        assert result.message
