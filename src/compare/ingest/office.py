"""Word (``.docx``) and PDF (``.pdf``) inputs: the article text they carry (#16).

Why these libraries: python-docx reads the document body's paragraphs in
reading order (headers, footers and comments live in other parts and are
left out), and pdfminer.six's layout analysis groups a PDF page's characters
into text boxes per column, in reading order, which is what wire copy and
print pages need; both are pure Python, well kept, and imported only when
such a file is read, so text-only runs pay nothing for them.

As for saved web pages, the file is not the article: ``Article.text`` is the
extracted text (paragraphs separated by blank lines), every offset and line
number refers to it, and ``text_origin`` says so.  PDF clean-up, each rule
general rather than tuned to one layout:

* running headers and footers: a line at the top or bottom of a page that
  recurs (digits ignored) on at least half of the pages, and bare page
  numbers ("3", "Page 3 of 7"), are dropped;
* hyphenation: a line ending in ``word-`` followed by a line starting in
  lower case is joined.  A soft hyphen or U+2010 (what typesetters draw at
  a hyphenation break) is dropped; a plain ``-`` is kept only when the
  hyphenated word occurs elsewhere in the document ("cease-fire"), since
  there it may be a real hyphen that happened to end the line;
* a page without any text layer gives no text; a PDF with none at all (a
  scan) is skipped with a reason that says how to get one (OCR).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from compare.ingest.extracted import Extracted
from compare.ingest.formats import extracted_article
from compare.model import Article

if TYPE_CHECKING:
    from compare.ingest.discover import Candidate
    from compare.ingest.formats import Context

OFFICE_SUFFIXES = (".docx", ".pdf")
DOCX_ORIGIN = "the paragraphs of the Word document's body, separated by blank lines"
PDF_ORIGIN = "the text layer of the PDF, paragraphs separated by blank lines"
NO_TEXT_LAYER = (
    "PDF has no text layer (a scanned image?); run OCR on it first (e.g. `ocrmypdf "
    "in.pdf out.pdf`) and compare the result"
)
T = TypeVar("T")
_TITLE_STYLES = ("title", "heading 1")
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d+(\s*(of|/)\s*\d+)?$", re.IGNORECASE)
_HYPHEN_END = re.compile(r"(\w+)([-\u00ad\u2010])$")
_WORD_START = re.compile(r"^(\w+)")


def extract_office(suffix: str, data: bytes) -> Extracted | str:
    """The article in a ``.docx`` or ``.pdf`` file's bytes, or why there is none."""
    if suffix == ".docx":
        return extract_docx(data)
    return extract_pdf(data)


# What a Word document's body may unpack to, and how many paragraphs it may hold, before it
# is read: the file limit (16 MiB) bounds the archive, not what it inflates to, and
# python-docx builds every paragraph ("<w:p/>" is six bytes).  A long report is a few
# megabytes and a few thousand paragraphs; the article limits apply to the text after.
DOCX_MAX_BODY_BYTES = 32 * 1024 * 1024
DOCX_MAX_PARAGRAPHS = 50_000
_PARAGRAPH_TAG = re.compile(rb"<(?:\w+:)?p[\s/>]")


def _docx_body_too_big(data: bytes) -> str | None:
    """Why a Word document's body is too big to read, or None (also when there is none).

    Read from the archive itself, at most one byte over the limit, so a small
    file that inflates to gigabytes costs no more than the limit.
    """
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError:
            return None  # another layout: python-docx finds the body, or says why not
        with archive.open(info) as body:
            xml = body.read(DOCX_MAX_BODY_BYTES + 1)
    if len(xml) > DOCX_MAX_BODY_BYTES:
        return f"its body unpacks to more than {DOCX_MAX_BODY_BYTES // 2**20} MiB"
    if len(_PARAGRAPH_TAG.findall(xml)) > DOCX_MAX_PARAGRAPHS:
        return f"its body holds more than {DOCX_MAX_PARAGRAPHS:,} paragraphs"
    return None


def extract_docx(data: bytes) -> Extracted | str:
    """A Word document's body paragraphs; a leading Title/Heading 1 paragraph is the title.

    >>> extract_docx(b"not a zip")
    'not a readable Word document (.docx): not a zip archive'
    """
    import zipfile

    try:
        too_big = _docx_body_too_big(data)
        if too_big is not None:
            return f"not read: {too_big}"
        from docx import Document

        document = Document(io.BytesIO(data))
    except zipfile.BadZipFile:
        return "not a readable Word document (.docx): not a zip archive"
    except Exception as exc:  # python-docx raises KeyError, ValueError… on broken parts
        return f"not a readable Word document (.docx): {type(exc).__name__}: {exc}"
    kept = [(p, p.text.strip()) for p in document.paragraphs]
    kept = [(p, text) for p, text in kept if text]
    title = (document.core_properties.title or "").strip() or None
    # Only the first paragraph's style is read: python-docx looks a style up by
    # scanning every style, which cost seconds for a body of many empty paragraphs.
    if kept and kept[0][0].style is not None and kept[0][0].style.name.lower() in _TITLE_STYLES:
        title = title or kept[0][1]
        kept = kept[1:]
    text = "\n\n".join(" ".join(t.split()) for _, t in kept)
    if not text:
        return "no article text (the Word document's body is empty)"
    return Extracted(text=text + "\n", origin=DOCX_ORIGIN, title=title)


def extract_pdf(data: bytes) -> Extracted | str:
    """A text-layer PDF's paragraphs in reading order, without running heads or page numbers.

    >>> extract_pdf(b"%PDF-1.4 broken")[:24]
    'not a readable PDF file:'
    """
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextContainer
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfparser import PDFParser

        pages: list[list[Box]] = []
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams()):
            placed = []
            for element in layout:
                if isinstance(element, LTTextContainer):
                    lines = [(" ".join(line.get_text().split()), line.width) for line in element]
                    lines = [(text, width) for text, width in lines if text]
                    if lines:
                        placed.append((element.x0, element.x1, element.y1, lines))
            found = reading_order(placed)
            widest = max((w for lines in found for _, w in lines), default=0.0)
            pages.append(
                [Box([t for t, _ in lines], lines[-1][1] >= 0.9 * widest) for lines in found]
            )
        info = PDFDocument(PDFParser(io.BytesIO(data))).info
    except Exception as exc:  # pdfminer raises its own errors, and others on damaged files
        name = type(exc).__name__
        if "Encrypt" in name or "Password" in name:
            return "encrypted PDF: remove the password first"
        return f"not a readable PDF file: {name}: {exc}"
    paragraphs = _paragraphs(_without_running_lines(pages))
    if not paragraphs:
        return NO_TEXT_LAYER
    return Extracted(text="\n\n".join(paragraphs) + "\n", origin=PDF_ORIGIN, title=_pdf_title(info))


@dataclass
class Box:
    """A text box of a PDF page: its lines, and whether its last line fills the measure.

    A full last line at the foot of a page means the paragraph runs on to
    the next page (the last line of a paragraph is short).
    """

    lines: list[str]
    full_last: bool


def reading_order(placed: Sequence[tuple[float, float, float, T]]) -> list[T]:
    """Text boxes ``(x0, x1, top, item)`` in reading order: bands, then columns, then top-down.

    Why not pdfminer's own order: it weighs height and column together, so two
    columns whose paragraphs start at the same heights came out interleaved.
    Here a box wider than 60% of the text spans the columns (a headline) and
    closes a band; inside a band, boxes whose horizontal extents overlap form
    one column, and columns are read left to right, each from the top.

    >>> reading_order([(0, 40, 90, "a1"), (50, 90, 90, "b1"), (0, 40, 50, "a2"),
    ...                (50, 90, 50, "b2"), (0, 90, 20, "foot")])
    ['a1', 'a2', 'b1', 'b2', 'foot']
    """
    if not placed:
        return []
    left = min(p[0] for p in placed)
    span = (max(p[1] for p in placed) - left) or 1.0
    out: list[T] = []
    band: list[tuple[float, float, float, T]] = []

    def flush() -> None:
        columns: list[list[tuple[float, float, float, T]]] = []
        for box in sorted(band, key=lambda b: b[0]):
            if columns and box[0] < max(b[1] for b in columns[-1]):
                columns[-1].append(box)
            else:
                columns.append([box])
        for column in columns:
            out.extend(b[3] for b in sorted(column, key=lambda b: -b[2]))
        band.clear()

    for box in sorted(placed, key=lambda b: -b[2]):
        if (box[1] - box[0]) / span > 0.6:
            flush()
            out.append(box[3])
        else:
            band.append(box)
    flush()
    return out


def _pdf_title(info: Sequence[dict[str, object]]) -> str | None:
    """The document information dictionary's /Title, when it is text."""
    for entry in info:
        raw = entry.get("Title")
        if isinstance(raw, bytes):
            from pdfminer.utils import decode_text

            raw = decode_text(raw)
        if isinstance(raw, str) and raw.strip():
            return " ".join(raw.split())
    return None


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def _without_running_lines(pages: list[list[Box]]) -> list[list[Box]]:
    """Pages without page numbers and without headers/footers recurring on half the pages."""
    edges: Counter[str] = Counter()
    for boxes in pages:
        if boxes:
            edges.update({_shape(boxes[0].lines[0]), _shape(boxes[-1].lines[-1])})
    recurring = (
        {shape for shape, n in edges.items() if n >= max(2, len(pages) / 2)}
        if len(pages) > 1
        else set()
    )
    cleaned = []
    for boxes in pages:
        kept = []
        for index, box in enumerate(boxes):
            edge = index in (0, len(boxes) - 1)
            rest = [
                line
                for line in box.lines
                if not _PAGE_NUMBER.match(line) and not (edge and _shape(line) in recurring)
            ]
            if rest:
                kept.append(Box(rest, box.full_last and rest[-1] == box.lines[-1]))
        cleaned.append(kept)
    return cleaned


def _paragraphs(pages: list[list[Box]]) -> list[str]:
    """Each text box a paragraph, its lines joined, line-break hyphens resolved.

    A page's last box runs on into the next page's first box when its last
    line fills the measure, or when it ends without a sentence end and the
    next box starts in lower case.
    """
    every = [line for page in pages for box in page for line in box.lines]
    words = Counter(w.lower() for line in every for w in re.findall(r"\w+(?:-\w+)+", line))
    paragraphs: list[str] = []
    carried = False
    for page in pages:
        for index, box in enumerate(page):
            text = _join(box.lines, words)
            runs_on = (
                paragraphs
                and index == 0
                and (
                    carried
                    or (not re.search(r"[.!?:\"”’)]$", paragraphs[-1]) and text[:1].islower())
                )
            )
            if runs_on:
                paragraphs[-1] = _join([paragraphs[-1], text], words)
            else:
                paragraphs.append(text)
        carried = bool(page) and page[-1].full_last
    return paragraphs


def _join(lines: Sequence[str], hyphenated: Counter[str]) -> str:
    """Lines of one paragraph as one line; ``word-`` + ``rest`` as the document spells it."""
    out = lines[0]
    for line in lines[1:]:
        end, start = _HYPHEN_END.search(out), _WORD_START.match(line)
        if end and start:
            # U+00AD and U+2010 at a line end are hyphenation (WeasyPrint and word
            # processors draw them); a plain "-" may be either, so ask the document,
            # and keep it before a capital ("Nagorno-Karabakh").
            whole = f"{end.group(1)}-{start.group(1)}".lower()
            keep = end.group(2) == "-" and (hyphenated[whole] > 0 or line[:1].isupper())
            out = out[:-1] + ("-" if keep else "") + line
        else:
            out = f"{out} {line}"
    return out


def read_office(
    cand: Candidate, data: bytes, *, context: Context, notes: list[str]
) -> Article | str:
    """A ``.docx`` or ``.pdf`` input as an Article (manifest and provenance as for pages)."""
    suffix = cand.path.suffix.lower()
    extracted = extract_office(suffix, data)
    if isinstance(extracted, str):
        return extracted
    # not text: the format stands where a text file's encoding would
    return extracted_article(
        cand, data, extracted, encoding=suffix.lstrip("."), context=context, notes=notes
    )
