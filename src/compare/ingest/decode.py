"""Turning an input file's bytes into text, in a fixed and explainable order.

Why a fixed order (RELIABILITY.md rule 5): guessing first is how "Molière"
becomes "Moličre".  We try, in turn:

1. a byte-order mark (UTF-32, then UTF-8, then UTF-16: the UTF-32 LE mark
   begins with the UTF-16 LE one);
2. magic numbers of common binary formats (PNG, gzip, PDF, ZIP, JPEG, GIF):
   a text article never starts with them, so they are rejected before a
   lucky ASCII prefix could pass as UTF-8;
3. the NUL pattern: BOM-less UTF-16/UTF-32 has NULs in every other (or three
   of four) bytes; other files dense in control bytes are binary;
4. strict UTF-8; and UTF-8 with its few broken sequences replaced by U+FFFD
   when the file holds more valid multi-byte characters than broken ones
   (a Latin-1 fragment pasted into UTF-8 copy), as browsers decide;
5. Windows-1252 (what "Latin-1" means in practice, and a superset of it);
6. only then charset-normalizer, whose guess is recorded in the encoding name
   and announced in a notice.

The text keeps every character of the file except the BOM, so offsets and
line numbers index the original.  A few stray NULs are kept (and reported):
removing them would shift every offset after them; ``boilerplate`` keeps them
out of paragraphs instead.  Lone surrogates can never leave this module.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass

BINARY_MESSAGE = "binary data (NUL bytes / not decodable)"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
)
# C0 controls that never appear in prose (tab, LF, VT, FF, CR and ESC allowed).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_BINARY_CONTROL_SHARE = 0.02
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used and any warnings about the decoding."""

    text: str
    encoding: str
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Undecodable:
    """Why the bytes are not usable as text."""

    message: str


def decode(data: bytes) -> Decoded | Undecodable:
    """Decode an article file's bytes; never raises.

    >>> decode("Molière".encode("cp1252")).text
    'Molière'
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n...").message
    'binary data (NUL bytes / not decodable): looks like a PNG image'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _finish(_strict(data[len(bom) :], name, bom=True))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return Undecodable(f"{BINARY_MESSAGE}: looks like {what}")
    if b"\x00" in data:
        wide = _bomless_wide(data)
        if wide is not None:
            return _finish(wide)
    controls = len(_CONTROL_BYTES.findall(data))
    if data and controls / len(data) > _BINARY_CONTROL_SHARE:
        return Undecodable(BINARY_MESSAGE)
    result = _strict(data, "utf-8", bom=False)
    if isinstance(result, Decoded):
        return _finish(result)
    if mostly_utf8(data):  # UTF-8 with a few broken bytes: Windows-1252 would garble it all
        return _finish(replaced(data, "utf-8", "utf-8"))
    result = _strict(data, "cp1252", bom=False)
    if isinstance(result, Decoded):
        return _finish(result)
    return _finish(_guess(data))


def replaced(data: bytes, codec: str, shown: str, notes: Sequence[str] = ()) -> Decoded:
    """``data`` decoded with ``codec``, undecodable bytes replaced by U+FFFD and counted.

    Shared by text files (UTF-8 with a few broken bytes, RELIABILITY rule 26)
    and saved web pages (a declared or detected charset).
    """
    text = data.decode(codec, "replace")
    notices = list(notes)
    bad = text.count("\ufffd") - data.decode(codec, "ignore").count("\ufffd")
    if bad:
        notices.append(f"{bad} byte sequence(s) not valid {shown} replaced by U+FFFD")
    if shown in ("cp1252",):
        notices.append("not UTF-8; decoded as Windows-1252 (a superset of Latin-1)")
    return Decoded(text, shown, tuple(notices))


def mostly_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 with a few broken sequences, as browsers' detectors judge.

    >>> mostly_utf8("Armênia “truce”".encode() + b"\\xff")
    True
    >>> mostly_utf8("Café".encode("cp1252"))
    False
    """
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
    wide = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return wide > broken


def _strict(data: bytes, name: str, *, bom: bool) -> Decoded | Undecodable:
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
        if bom:
            return Undecodable(f"starts with a {name} byte-order mark but is not {name} ({where})")
        return Undecodable(f"{BINARY_MESSAGE}: not {name} at {where}")
    notices: tuple[str, ...] = ()
    if name == "cp1252":
        notices = ("not UTF-8; decoded as Windows-1252 (a superset of Latin-1)",)
    return Decoded(text, name, notices)


def _bomless_wide(data: bytes) -> Decoded | None:
    """UTF-16/UTF-32 without a BOM, recognised by where the NULs sit.

    ASCII-range text in UTF-16 LE has a NUL in (nearly) every odd byte and
    none in the even ones; the checks below accept only that clear pattern
    and text that then decodes strictly without control characters.
    """
    for name, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) < width * 2 or len(data) % width:
            continue
        units = len(data) // width
        if width == 2:
            text_at = 0 if name.endswith("le") else 1
            nul_share = data[1 - text_at :: 2].count(0) / units
            text_nuls = data[text_at::2].count(0)
        else:
            text_at = 0 if name.endswith("le") else 3
            zeros = [data[i::4].count(0) for i in range(4)]
            nul_share = min(z for i, z in enumerate(zeros) if i != text_at) / units
            text_nuls = zeros[text_at]
        if nul_share < 0.9 or text_nuls > units // 20:
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _CONTROL_BYTES.search(text.encode("utf-8", "surrogatepass")):
            continue
        note = f"no byte-order mark; recognised as {name} from its NUL pattern"
        return Decoded(text, name, (note,))
    return None


def _guess(data: bytes) -> Decoded | Undecodable:
    """Last resort: charset-normalizer, with its guess made visible."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # a third-party guesser must not take an article down
        best = None
    if best is None:
        return Undecodable(BINARY_MESSAGE)
    name = best.encoding
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return Undecodable(BINARY_MESSAGE)
    note = f"encoding guessed as {name} by charset-normalizer; check accented names"
    return Decoded(text, f"{name} (charset-normalizer guess)", (note,))


def replace_unencodable(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, and how many there were.

    Why: a lone surrogate is legal in a JSON string (``"\\ud800"``) and in a
    Python ``str``, but no UTF-8 writer accepts it, so one such character in
    one record made every output of the run fail.  The replacement is one
    for one, so offsets into the text do not move.

    >>> replace_unencodable("a\\ud800b")
    ('a\\ufffdb', 1)
    """
    found = len(_SURROGATE.findall(text))
    return (_SURROGATE.sub("\ufffd", text), found) if found else (text, 0)


def _finish(result: Decoded | Undecodable) -> Decoded | Undecodable:
    """Guarantee no lone surrogate and no BOM character starts the text.

    Surrogates are replaced one for one by U+FFFD so offsets do not move.
    """
    if isinstance(result, Undecodable):
        return result
    text, notices = result.text, list(result.notices)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
        notices.append("lone surrogate code points replaced by U+FFFD")
    nuls = text.count("\x00")
    if nuls:
        notices.append(f"{nuls} NUL character(s) in the text; left out of the paragraphs")
    return Decoded(text, result.encoding, tuple(notices))
