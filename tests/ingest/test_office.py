"""Word and PDF inputs (#16): generated at test time from seed articles, same findings as .txt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compare.ingest.office import NO_TEXT_LAYER, extract_docx, extract_pdf
from compare.pipeline.run import analyze
from compare.util.options import Options

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Two seed articles whose paragraphs are separated by blank lines, each with a "date" line.
CONVERTED = ("001_d9ca5af5030e668e", "003_3d03c7cd54260cbd")


def _body(stem: str) -> tuple[str, list[str]]:
    """The seed's date and its body paragraphs (the leading ``date YYYY-MM-DD`` line removed)."""
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8").strip()
    first, rest = text.split(" ", 2)[1], text.split(" ", 2)[2]
    assert text.startswith("date ")
    return first, [" ".join(p.split()) for p in rest.split("\n\n") if p.strip()]


def write_docx(path: Path, paragraphs: list[str], *, title: str | None = None) -> None:
    from docx import Document

    document = Document()
    if title:
        document.add_paragraph(title, style="Title")
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))


def write_pdf(path: Path, paragraphs: list[str], *, title: str = "Wire copy") -> None:
    """A two-page-or-more PDF with a running header, page numbers and hyphenation."""
    from markupsafe import escape
    from weasyprint import HTML

    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = (
        f'<html lang="en"><head><title>{escape(title)}</title><style>'
        "@page { size: A5; margin: 20mm 15mm;"
        ' @top-center { content: "Agency wire copy: not for publication" }'
        " @bottom-center { content: counter(page) } }"
        "p { hyphens: auto; text-align: justify; font-size: 10pt; margin: 0 0 8pt }"
        f"</style></head><body>{body}</body></html>"
    )
    HTML(string=html).write_pdf(str(path))


def _findings(folder: Path) -> set[tuple[object, ...]]:
    [report] = analyze([folder], options=Options(source_date_epoch=1603152000)).reports
    return {
        (
            f.kind.value,
            int(f.severity),
            tuple(sorted((a, s.text) for a, spans in f.spans.items() for s in spans)),
            f.explanation,
        )
        for f in report.findings
    }


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_word_and_pdf_versions_give_the_same_findings(tmp_path, suffix):
    plain, converted = tmp_path / "txt", tmp_path / suffix.lstrip(".")
    shutil.copytree(SEEDS, plain)
    shutil.copytree(SEEDS, converted)
    manifest = []
    for stem in CONVERTED:
        date, paragraphs = _body(stem)
        (converted / f"{stem}.txt").unlink()
        target = converted / f"{stem}{suffix}"
        if suffix == ".docx":
            write_docx(target, paragraphs, title="Wire copy")
        else:
            write_pdf(target, paragraphs)
        manifest.append(f"{target.name}: {{date: {date}}}")
    (converted / "sources.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    expected = _findings(plain)
    assert expected
    assert _findings(converted) == expected


def test_pdf_text_without_running_heads_numbers_or_hyphens(tmp_path):
    _date, paragraphs = _body(CONVERTED[1])
    write_pdf(tmp_path / "a.pdf", paragraphs, title="Truce")
    extracted = extract_pdf((tmp_path / "a.pdf").read_bytes())
    assert not isinstance(extracted, str)
    assert extracted.title == "Truce"
    assert extracted.text.split("\n\n") == [*paragraphs[:-1], paragraphs[-1] + "\n"]
    assert "Agency wire copy" not in extracted.text


def test_scanned_pdf_is_skipped_with_a_reason(tmp_path):
    from weasyprint import HTML

    svg = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='90' height='40'>"
    svg += "<rect width='90' height='40' fill='gray'/></svg>"
    HTML(string=f'<img src="{svg}">').write_pdf(str(tmp_path / "scan.pdf"))
    assert extract_pdf((tmp_path / "scan.pdf").read_bytes()) == NO_TEXT_LAYER
    assert "OCR" in NO_TEXT_LAYER


def test_docx_title_and_broken_files(tmp_path):
    write_docx(tmp_path / "a.docx", ["First para.", "Second para."], title="Headline")
    extracted = extract_docx((tmp_path / "a.docx").read_bytes())
    assert not isinstance(extracted, str)
    assert (extracted.title, extracted.text) == ("Headline", "First para.\n\nSecond para.\n")
    assert extract_docx(b"PK\x03\x04 truncated").startswith("not a readable Word document")
    assert extract_pdf(b"").startswith("not a readable PDF")


def _padded_docx(path: Path, empty: int) -> bytes:
    """A Word file whose body opens with ``empty`` empty paragraphs (tiny once zipped)."""
    import zipfile

    write_docx(path, ["Armenia and Azerbaijan agreed a truce."], title="Truce")
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    body = parts["word/document.xml"]
    parts["word/document.xml"] = body.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * empty, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path.read_bytes()


def test_docx_with_a_body_of_too_many_paragraphs_is_refused_before_it_is_built(tmp_path):
    data = _padded_docx(tmp_path / "bomb.docx", 60_000)
    assert len(data) < 100_000  # a small file, a huge body
    assert extract_docx(data) == "not read: its body holds more than 50,000 paragraphs"


def test_docx_empty_paragraphs_are_dropped_and_the_title_still_read(tmp_path):
    extracted = extract_docx(_padded_docx(tmp_path / "padded.docx", 2_000))
    assert not isinstance(extracted, str)
    # the empty paragraphs come first, so the title paragraph is no longer first in the
    # body, but it is the first with text
    assert (extracted.title, extracted.text) == (
        "Truce",
        "Armenia and Azerbaijan agreed a truce.\n",
    )


def test_pdf_columns_are_read_one_after_the_other(tmp_path):
    """Two columns whose paragraphs start at the same heights are not interleaved."""
    from weasyprint import HTML

    paragraphs = [
        f"Paragraph {word} says the council met on Tuesday and voted to rebuild the old "
        "bridge over the river before the winter comes."
        for word in ("one", "two", "three", "four", "five", "six")
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    style = (
        "@page { size: A5 landscape; margin: 15mm } body { columns: 2; column-gap: 12mm;"
        " font-size: 10pt } p { margin: 0 0 8pt }"
    )
    HTML(string=f"<style>{style}</style><h1>Bridge vote</h1>{body}").write_pdf(
        str(tmp_path / "c.pdf")
    )
    extracted = extract_pdf((tmp_path / "c.pdf").read_bytes())
    assert not isinstance(extracted, str)
    assert extracted.text.strip().split("\n\n") == ["Bridge vote", *paragraphs]
