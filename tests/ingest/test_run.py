"""The ingest stage end to end: files in, Articles and reasons out, never a crash."""

from __future__ import annotations

import codecs
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.errors import UsageError
from compare.ingest import run as ingest_module
from compare.ingest.run import ingest
from compare.model import Article, IngestResult
from compare.util.options import Options

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OPTIONS = Options()
STORY = (
    "The harbour reopened on Monday after a week of repairs.\n\n"
    "Ferry crews said the first crossing left on time.\n"
)


def _ingest(*paths: Path, **options: object) -> IngestResult:
    return ingest(list(paths), options=Options(**options))


def _one(path: Path, data: bytes | str) -> Article:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    result = _ingest(path)
    assert result.problems == (), result.problems
    (article,) = result.articles
    return article


def _messages(result: IngestResult) -> list[str]:
    return [w.message for w in result.warnings]


def _assert_exact(article: Article) -> None:
    for span in (*article.paragraphs, *(r.span for r in article.removed)):
        assert article.text[span.start : span.end] == span.text
        assert span.article_id == article.id


def test_seeds() -> None:
    result = ingest([SEEDS], options=OPTIONS)
    assert result.problems == ()
    by_id = {a.id[:3]: a for a in result.articles}
    assert sorted(by_id) == ["000", "001", "002", "003", "004"]
    assert {k: a.published for k, a in by_id.items()} == {
        "000": "2020-10-17",
        "001": "2020-10-17",
        "002": "2020-10-10",
        "003": "2020-10-19",
        "004": None,
    }
    assert "epoch 1602977989.797736" in by_id["000"].published_source
    assert "inline header" in by_id["001"].published_source
    assert {"The Associated Press", "The New York Times"} <= set(by_id["004"].credits)
    assert by_id["000"].title == "Armenia and Azerbaijan announce new attempt at cease-fire"
    banned = ("Advertisement", "Sign up", "newsletter", "Getty Images", "AP Photo", "Credit:")
    banned += ("Contact us", "contributed", "___", "With inputs from", "date 2020-")
    for article in result.articles:
        _assert_exact(article)
        for paragraph in article.paragraphs:
            assert not any(b in paragraph.text for b in banned), (article.id, paragraph.text)
        assert article.outlet and article.outlet_source
    assert by_id["004"].outlet_source == "no outlet evidence; label from file name"


def test_articles_are_sorted_and_independent_of_argument_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):  # three texts: the same bytes are read once
        (tmp_path / name).write_text(f"{STORY}\n\nFiled as {name}.\n", encoding="utf-8")
    paths = [tmp_path / "c.md", tmp_path / "a.txt", tmp_path / "b.txt"]
    forward = ingest(paths, options=OPTIONS)
    assert [a.id for a in forward.articles] == ["a", "b", "c"]
    assert ingest(paths[::-1], options=OPTIONS) == forward


def test_missing_input_is_the_only_raise(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"input folder '.*nowhere' not found"):
        _ingest(tmp_path / "nowhere")
    with pytest.raises(UsageError, match="sources file"):
        _ingest(tmp_path, sources_file=tmp_path / "missing.yaml")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n ", "no article text"),
        (b"---\ntitle: Only metadata\n---\n\n  \n", "no article text (front matter only)"),
        (b"Advertisement\n\nSign up for our newsletter in your inbox", "no article text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data (NUL bytes / not decodable)"),
        (bytes(range(256)) * 8, "binary data (NUL bytes / not decodable)"),
    ],
)
def test_unusable_files_become_problems(tmp_path: Path, data: bytes, message: str) -> None:
    (tmp_path / "x.txt").write_bytes(data)
    result = _ingest(tmp_path / "x.txt")
    assert result.articles == ()
    (problem,) = result.problems
    assert problem.message.startswith(message) and problem.path.endswith("x.txt")


def test_size_cap_comes_from_options(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(STORY * 10, encoding="utf-8")
    result = _ingest(tmp_path, max_article_bytes=100)
    assert result.problems[0].message == "larger than 100 bytes limit; use --max-article-bytes"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("utf-16-le"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom"],
)
def test_encodings_give_the_same_article_as_utf8(tmp_path: Path, encode) -> None:
    text = "---\ntitle: Ferry returns\ndate: 2021-05-06\n---\n" + STORY
    twin = _one(tmp_path / "plain.txt", text)
    other = _one(tmp_path / "other.txt", encode(text))
    assert other.text == twin.text and "\ufeff" not in other.text
    assert other.title == "Ferry returns" and other.published == "2021-05-06"
    assert [p.text for p in other.paragraphs] == [p.text for p in twin.paragraphs]


def test_latin1_is_read_as_cp1252(tmp_path: Path) -> None:
    article = _one(tmp_path / "x.txt", "Le café de Molière a rouvert.\n".encode("latin-1"))
    assert article.paragraphs[0].text == "Le café de Molière a rouvert."
    assert article.encoding == "cp1252"


def test_line_numbers_match_sed_for_mixed_line_breaks(tmp_path: Path) -> None:
    data = b"First para\x0cgraph.\r\n\r\nSecond one.\r\rThird\xe2\x80\xa8one.\n\nFourth one.\n"
    article = _one(tmp_path / "x.txt", data)
    sed_lines = data.decode().replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for paragraph in article.paragraphs:
        assert sed_lines[paragraph.line - 1].startswith(paragraph.text[:5])
    assert [p.line for p in article.paragraphs] == [1, 3, 5, 7]


def test_nul_bytes_keep_offsets_and_warn(tmp_path: Path) -> None:
    data = STORY.replace("reopened", "re\x00opened").encode()
    (tmp_path / "x.txt").write_bytes(data)
    result = _ingest(tmp_path / "x.txt")
    (article,) = result.articles
    assert article.text == data.decode()
    assert all("\x00" not in p.text for p in article.paragraphs)
    assert any("NUL" in m for m in _messages(result))
    _assert_exact(article)


@pytest.mark.parametrize(
    ("front", "header", "published", "notice"),
    [
        ("date: 1602977989.797736", "", "2020-10-17", None),
        ("date: '2020-10-18'", " date 2020-10-17 ", "2020-10-18", "dates disagree"),
        ("date: 2020-02-30", " date 2020-10-17 ", "2020-10-17", "unparseable date"),
        ("date: .nan", "", None, "unparseable date"),
        ("date: 1e400", "", None, "unparseable date"),
        ("date: 10**30", "", None, "unparseable date"),
        ("date: -86400", "", None, "unparseable date"),
        ("date: 0000-01-01", "", None, "date outside 1900-2099"),
        ("published: 2021-01-02T23:30:00-05:00", "", "2021-01-02", None),  # its own day
    ],
)
def test_dates_with_precedence_and_notices(
    tmp_path: Path, front: str, header: str, published: str | None, notice: str | None
) -> None:
    path = tmp_path / "x.txt"
    path.write_text(f"---\ntitle: T\n{front}\n---\n{header}{STORY}", encoding="utf-8")
    result = _ingest(path)
    (article,) = result.articles
    assert article.published == published
    if notice is None:
        assert _messages(result) == []
    else:
        assert any(notice in m for m in _messages(result))
    assert article.paragraphs[0].text == "T"  # the front-matter title is the headline (#15)
    assert article.paragraphs[1].text.startswith("The harbour")  # header not in the paragraph


def test_date_is_the_same_in_every_time_zone(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "x.txt"
    path.write_text(f"---\ndate: 1602977989.797736\n---\n{STORY}", encoding="utf-8")
    seen = set()
    for zone in ("Asia/Tokyo", "UTC", "Pacific/Honolulu"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        seen.add(_ingest(path).articles[0])
    monkeypatch.undo()
    time.tzset()
    assert len(seen) == 1


@pytest.mark.parametrize(
    ("files", "outlet", "source"),
    [
        ({"sources.yaml": "x.txt: Harbour Daily\n"}, "Harbour Daily", "sources manifest"),
        ({"sources.yaml": "x: {outlet: Valley Post}\n"}, "Valley Post", "sources manifest"),
        (
            {"sources.csv": "file,outlet,url,date\nx.txt,Hill Times,,\n"},
            "Hill Times",
            "sources.csv",
        ),
        ({"front": "outlet: Coast Herald"}, "Coast Herald", "front matter `outlet`, line 3"),
        ({"front": "site_name: Coast Herald"}, "Coast Herald", "front matter `site_name`"),
        ({"front": "url: https://www.coastherald.example.com/a/b"}, "example.com", "`url`"),
        ({"front": "image: https://img.coast.example.org/p.jpg"}, "example.org", "image URL"),
        ({"front": "image: https://coast-herald.cloudfront.net/p.jpg"}, "coast-herald", "weaker"),
        ({"body": "Contact us at desk@coastherald.example.net."}, "example.net", "e-mail"),
        ({"body": "Contact us at someone@gmail.com."}, "x", "no outlet evidence"),
        ({}, "x", "no outlet evidence; label from file name"),
    ],
)
def test_outlet_label_from_evidence_only(
    tmp_path: Path, files: dict[str, str], outlet: str, source: str
) -> None:
    for name, content in files.items():
        if name.startswith("sources"):
            (tmp_path / name).write_text(content, encoding="utf-8")
    front = f"---\ntitle: T\n{files['front']}\n---\n" if "front" in files else ""
    body = f"\n\n{files['body']}\n" if "body" in files else ""
    (tmp_path / "x.txt").write_text(front + STORY + body, encoding="utf-8")
    (article,) = _ingest(tmp_path).articles
    assert article.outlet == outlet
    assert source in article.outlet_source


def test_sources_file_option_and_unused_entries(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(STORY, encoding="utf-8")
    manifest = tmp_path / "elsewhere.yaml"
    manifest.write_text(
        "x.txt: {outlet: Ridge News, url: 'https://ridge.example.com/s', date: '2021-02-03'}\n"
        "ghost.txt: Nobody\n",
        encoding="utf-8",
    )
    result = _ingest(tmp_path, sources_file=manifest)
    (article,) = result.articles
    assert (article.outlet, article.url, article.published) == (
        "Ridge News",
        "https://ridge.example.com/s",
        "2021-02-03",
    )
    assert any("ghost.txt" in m for m in _messages(result))


@pytest.mark.parametrize(
    ("front", "notice"),
    [
        ("title: [unclosed\ndate: 2021-01-01", "malformed front matter at line"),
        ('title: !!python/object/apply:os.system ["echo hi"]', "not allowed"),
        ("a: &a [x, x]\nb: *a\ntitle: T", "aliases not allowed"),
        ("title: one\ntitle: two", "'one' (line 2) and 'two' (line 3)"),
    ],
)
def test_bad_front_matter_still_gives_the_body(tmp_path: Path, front: str, notice: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(f"---\n{front}\n---\n{STORY}", encoding="utf-8")
    result = _ingest(path)
    (article,) = result.articles
    body = article.paragraphs[1:] if article.title else article.paragraphs  # headline (#15)
    assert body[0].text.startswith("The harbour")
    assert any(notice in m for m in _messages(result)), _messages(result)


@pytest.mark.parametrize(
    ("text", "kept", "notice"),
    [
        ("---\nA plain paragraph.\n---\nMore text.", "A plain paragraph.", "plain YAML scalar"),
        (
            "---\nPORTVILLE: Crews said it.\n---\nMore.",
            "PORTVILLE: Crews said it.",
            "no known keys",
        ),
        ("---\ntitle: Lost\n\nThe body.\n", "title: Lost", "unterminated front matter"),
    ],
)
def test_blocks_that_are_not_metadata_stay_text(
    tmp_path: Path, text: str, kept: str, notice: str
) -> None:
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    result = _ingest(tmp_path)
    (article,) = result.articles
    assert kept in [p.text for p in article.paragraphs]
    assert article.title is None
    assert any(notice in m for m in _messages(result))


def test_non_utf8_file_name_reaches_the_article_printable(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as handle:
        handle.write(STORY.encode())
    (article,) = _ingest(tmp_path).articles
    assert article.id == "caf\\xe9" and article.path.endswith("caf\\xe9.txt")
    (article.id + article.path + article.outlet).encode("utf-8")


def test_title_literal_and_folded(tmp_path: Path) -> None:
    article = _one(tmp_path / "x.txt", f"--- \ntitle: > \n  no \n--- \n{STORY}")
    assert article.title == "no"


def test_internal_error_costs_one_article(tmp_path: Path, monkeypatch) -> None:
    for name in ("good.txt", "bad.txt"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    real = ingest_module.split_body

    def flaky(text: str, **kwargs: object):
        if kwargs["article_id"] == "bad":
            raise RuntimeError("boom")
        return real(text, **kwargs)

    monkeypatch.setattr(ingest_module, "split_body", flaky)
    result = _ingest(tmp_path)
    assert [a.id for a in result.articles] == ["good"]
    assert result.problems[0].message == "internal error while reading: RuntimeError: boom"


def test_file_vanishing_after_listing(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    real = ingest_module.discover

    def listing_then_delete(paths):
        found = real(paths)
        (tmp_path / "b.txt").unlink()
        return found

    monkeypatch.setattr(ingest_module, "discover", listing_then_delete)
    result = _ingest(tmp_path)
    assert [a.id for a in result.articles] == ["a"]
    assert result.problems[0].message.startswith("vanished")


@pytest.fixture
def alarm() -> Iterator[None]:
    """A FIFO or /dev/zero that got opened would hang: fail instead."""

    def _timeout(signum: int, frame: object) -> None:
        raise TimeoutError("ingest hung on a non-regular file")

    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_batch_lists_each_bad_input_once(tmp_path: Path, alarm: None) -> None:
    for name in ("good1.txt", "good2.txt", "good3.md"):
        (tmp_path / name).write_text(f"{STORY}\n\nFiled as {name}.\n", encoding="utf-8")
    (tmp_path / "empty.txt").touch()
    (tmp_path / "blank.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "dir.txt").mkdir()
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "report.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".report.pdf.ab12.tmp").write_bytes(b"%PDF-")
    (tmp_path / "huge.txt").write_bytes(b"x" * 2000)
    result = _ingest(tmp_path, max_article_bytes=1000)
    assert [a.id for a in result.articles] == ["good1", "good2", "good3"]
    problems = {Path(p.path).name: p.message for p in result.problems}
    assert len(problems) == len(result.problems) == 8
    assert problems["pipe.txt"].startswith("not a regular file (a FIFO")
    assert problems["zero.txt"].startswith("not a regular file (a character device")
    assert problems["dir.txt"].startswith("not a regular file (a directory")
    assert problems["loop.txt"] == "symbolic link loop"


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.one_of(
        st.binary(max_size=600),
        st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(
            st.sampled_from(
                [
                    "---\n",
                    "--- \n",
                    "title: T\n",
                    "date: 2020-01-01\n",
                    " date 2020-10-17 ",
                    "\n\n",
                    "Advertisement\n",
                    "Words here.",
                    "\x00",
                    "\r",
                    "(AP Photo)",
                    "\ufeff",
                    "é",
                ]
            ),
            max_size=30,
        ).map(lambda parts: "".join(parts).encode("utf-8")),
    )
)
def test_any_bytes_give_one_exact_article_or_a_problem(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    result = ingest([path], options=OPTIONS)
    assert len(result.articles) + len(result.problems) == 1
    for article in result.articles:
        assert article.paragraphs
        assert not any("\ud800" <= c <= "\udfff" for c in article.text)
        _assert_exact(article)


@pytest.mark.parametrize("char", ["\u200b", "\u2063", "\u2060", "\u200e", "\u202e", "\ufeff"])
def test_invisible_format_characters_are_ignored_when_comparing(tmp_path: Path, char: str) -> None:
    """Issue #19: zero-width characters between letters of one article changed its findings.

    The analysis must be the one of the clean text, with one warning for the
    article, and every quoted span must still be the original file's text.
    """
    import re

    from compare.pipeline.run import analyze

    from cli_runs import FLOOD

    def findings(folder: Path) -> tuple[list[tuple[str, tuple[str, ...]]], object]:
        analysis = analyze([folder], options=Options())
        [report] = analysis.reports
        return sorted((f.kind.value, tuple(sorted(f.spans))) for f in report.findings), analysis

    clean = tmp_path / "clean"
    clean.mkdir()
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    for name, text in FLOOD.items():
        (clean / name).write_text(text, encoding="utf-8")
        if name == "herald.txt":
            head, body = text.split("---\n", 2)[1:]
            body = re.sub(r"(?<=\w)(?=\w)", char, body)
            text = f"---\n{head}---\n{body}"
        (hidden / name).write_text(text, encoding="utf-8")
    expected, _ = findings(clean)
    got, analysis = findings(hidden)
    assert got == expected
    warned = [w for w in analysis.warnings if "invisible format character" in w.message]
    assert [w.path.endswith("herald.txt") for w in warned] == [True]
    original = (hidden / "herald.txt").read_text(encoding="utf-8")
    [report] = analysis.reports
    [herald] = [a for a in report.story.articles if a.id == "herald"]
    assert herald.text == original
    for sentence in herald.sentences:
        assert original[sentence.start : sentence.end] == sentence.text
    spans = [s for f in report.findings for s in f.spans.get("herald", ())]
    assert spans and all(original[s.start : s.end] == s.text for s in spans)
    assert any(char in s.text for s in spans)


@pytest.mark.parametrize("suffix", ["yaml", "csv"])
def test_a_manifest_of_thousands_of_entries_is_read(tmp_path: Path, suffix: str) -> None:
    """Issue #19: a ``sources.yaml`` of more than about 1,660 entries was silently ignored."""
    (tmp_path / "x.txt").write_text(STORY, encoding="utf-8")
    others = [f"other-{n:05d}.txt" for n in range(5000)]
    if suffix == "yaml":
        rows = [f"{name}: Outlet {n}" for n, name in enumerate(others)] + ["x.txt: Harbour Daily"]
        text = "\n".join(rows) + "\n"
    else:
        rows = [f"{name},Outlet {n},," for n, name in enumerate(others)] + ["x.txt,Harbour Daily,,"]
        text = "file,outlet,url,date\n" + "\n".join(rows) + "\n"
    (tmp_path / f"sources.{suffix}").write_text(text, encoding="utf-8")
    result = _ingest(tmp_path)
    (article,) = result.articles
    assert article.outlet == "Harbour Daily"
    assert result.problems == ()


def test_a_manifest_that_cannot_be_used_is_a_listed_problem(tmp_path: Path) -> None:
    """Issue #19: refused manifests (too large, malformed) were only a warning in the report."""
    (tmp_path / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("x.txt: [unclosed\n", encoding="utf-8")
    result = _ingest(tmp_path)
    assert [p.path.endswith("sources.yaml") for p in result.problems] == [True]
    # said once, in a manifest's words: not "sources manifest not used: sources manifest
    # .../sources.yaml: malformed front matter ...; ignored"
    assert result.problems[0].message.startswith("sources manifest not used: not valid YAML at")
    assert result.problems[0].message.count("manifest") == 1
    assert "front matter" not in result.problems[0].message
    big = tmp_path / "big"
    big.mkdir()
    (big / "x.txt").write_text(STORY, encoding="utf-8")
    (big / "sources.csv").write_bytes(b"file,outlet\n" + b"a.txt,A\n" * 200_000)
    result = _ingest(big)
    assert [p.message for p in result.problems] == [
        "sources manifest not used: larger than 1 MiB limit; "
        "manifests have this fixed limit; split it by folder"
    ]


def test_a_date_line_under_a_plain_text_headline_dates_the_article(tmp_path: Path) -> None:
    """ "March 2, 2026" alone on the line after the headline is the story's date, not text."""
    article = _one(
        tmp_path / "courier.txt",
        "Ferry capsizes in storm\n\nMarch 2, 2026\nBy Jo Roe, Maritime Correspondent\n\n"
        "At least 19 people were killed when a ferry capsized on Sunday evening.\n",
    )
    assert article.published == "2026-03-02"
    assert "line 3" in article.published_source
    assert not any("March 2" in p.text for p in article.paragraphs)
    assert any(r.reason == "date header" for r in article.removed)


def test_a_dated_sentence_under_the_headline_stays_text(tmp_path: Path) -> None:
    article = _one(
        tmp_path / "courier.txt",
        "Ferry capsizes in storm\n\nMarch 2, 2026 was the stormiest day of the year.\n\n"
        "At least 19 people were killed when a ferry capsized on Sunday evening.\n",
    )
    assert article.published is None
    assert article.paragraphs[1].text.startswith("March 2, 2026 was")


def test_a_date_line_straight_under_the_headline_makes_both(tmp_path: Path) -> None:
    """A page copied from a browser: headline, date on the next line, then a blank line."""
    article = _one(
        tmp_path / "courier.txt",
        "Ferry capsizes in storm\nMonday 2 March 2026\n\nBy Jo Roe, Maritime Correspondent\n\n"
        "At least 19 people were killed when a ferry capsized on Sunday evening.\n",
    )
    assert article.title == "Ferry capsizes in storm"
    assert article.published == "2026-03-02"
    assert article.paragraphs[0].text == "Ferry capsizes in storm"
    assert not any("March" in p.text for p in article.paragraphs)


def test_a_second_line_that_is_not_a_date_leaves_no_headline(tmp_path: Path) -> None:
    article = _one(
        tmp_path / "courier.txt",
        "Ferry capsizes in storm\nThe ferry sank on Sunday.\n\n"
        "At least 19 people were killed when a ferry capsized on Sunday evening.\n",
    )
    assert article.title is None
    assert article.published is None


def test_a_page_header_under_the_headline_dates_the_article_and_is_no_text(
    tmp_path: Path,
) -> None:
    # read blind (seventh round): headline, section path, byline block with the date
    article = _one(
        tmp_path / "courier.txt",
        "Calvera to ration water as reservoir hits record low\n"
        "CALVERA DAILY COURIER | Local > Environment\n\n"
        "By Nuria Castell, City Reporter\nThursday 15 August 2024, 18:20 | Updated 20:05\n\n"
        "Households in Calvera will be limited to 120 litres of water a day from Monday.\n",
    )
    assert article.title == "Calvera to ration water as reservoir hits record low"
    assert article.published == "2024-08-15"
    assert [p.text for p in article.paragraphs] == [
        "Calvera to ration water as reservoir hits record low",
        "Households in Calvera will be limited to 120 litres of water a day from Monday.",
    ]


def test_a_headline_over_a_masthead_alone_then_the_header_block(tmp_path: Path) -> None:
    # read blind (eighth round): the masthead alone on the line under the headline
    article = _one(
        tmp_path / "record.txt",
        "Fourteen miners trapped after collapse at coal pit\nTHE MORNING RECORD\n"
        "Home > News > National\nBy Record Staff, with Vireo Wire\n"
        "Published 15 October 2025, 18:52 | Updated 15 October 2025, 21:10\n"
        "Share on Facebook | Share on X | Email | Print\n\n"
        "Fourteen miners were trapped underground on Wednesday, officials said.\n",
    )
    assert article.title == "Fourteen miners trapped after collapse at coal pit"
    assert article.published == "2025-10-15"
    assert [p.text for p in article.paragraphs] == [
        "Fourteen miners trapped after collapse at coal pit",
        "Fourteen miners were trapped underground on Wednesday, officials said.",
    ]


def test_the_masthead_line_under_the_headline_names_the_outlet(tmp_path: Path) -> None:
    article = _one(
        tmp_path / "record.txt",
        "Fourteen miners trapped after collapse at coal pit\nTHE MORNING RECORD\n"
        "Home > News > National\nBy Record Staff\nPublished 15 October 2025\n\n"
        "Fourteen miners were trapped underground on Wednesday, officials said.\n",
    )
    assert article.outlet == "The Morning Record"
    assert article.outlet_source == "masthead `THE MORNING RECORD` (line 2)"


def test_a_page_header_above_the_headline(tmp_path: Path) -> None:
    # read blind (ninth round): masthead with its motto, section path ending in the
    # story's own slug, then the headline, byline and date; the masthead was taken for
    # the headline, the path kept as text, the date lost and the headline removed
    article = _one(
        tmp_path / "courier.txt",
        "THE HALDSTEAD COURIER | Your city, every day\n\n"
        "Home > News > Health > Measles outbreak\n\n"
        "Measles outbreak spreads to six schools\n\n"
        "By Courier staff, with Kestrel News Agency\n"
        "Published Monday 10 March 2025, 14:32 | Updated 15:05\n\n"
        "Share:  Facebook | X | WhatsApp | Email | Copy link\n\n"
        "A measles outbreak has spread to six schools, health officials said on Monday.\n",
    )
    assert article.title == "Measles outbreak spreads to six schools"
    assert article.published == "2025-03-10"
    assert article.outlet == "The Haldstead Courier"
    assert [p.text for p in article.paragraphs] == [
        "Measles outbreak spreads to six schools",
        "A measles outbreak has spread to six schools, health officials said on Monday.",
    ]
    assert "Home > News > Health > Measles outbreak" in [r.span.text for r in article.removed]


def test_a_site_s_header_menu_and_standfirst_above_the_byline(tmp_path: Path) -> None:
    # read blind (tenth round): "Skip to main content", the site's name, its menu and a
    # section label above the headline, and a standfirst above the byline block with an
    # abbreviated weekday: the whole header was reported as one outlet's own passage,
    # and the date was lost
    article = _one(
        tmp_path / "courier.txt",
        "Skip to main content\nThe Halvern Courier\nNews | Sport | Business | Opinion\n"
        "Search    Sign in    Subscribe\n\nEnvironment\n\n"
        "Tanker spill blackens the coast\n\n"
        "Authorities have closed beaches after the tanker struck a reef\n\n"
        "By Mira Solberg, Environment Correspondent, and Skellwire\n"
        "Listen to this article \u00b7 5 min\nTue 11 Mar 2025 18.05\n\n"
        "Crude oil from a stricken tanker washed ashore on Tuesday, officials said.\n",
    )
    assert article.title == "Tanker spill blackens the coast"
    assert article.outlet == "The Halvern Courier"
    assert article.published == "2025-03-11"
    assert [p.text for p in article.paragraphs] == [
        "Tanker spill blackens the coast",
        "Authorities have closed beaches after the tanker struck a reef",
        "Crude oil from a stricken tanker washed ashore on Tuesday, officials said.",
    ]


@pytest.mark.parametrize(
    ("header", "byline"),
    [
        # read blind (eleventh round): a motto on the line under the masthead, more
        # "Skip to ..." lines, a weather strip, "You are here:", "Subscribe from ...";
        # all four copied pages lost their outlet, headline and date
        (
            "Skip to main content\nSkip to navigation\nAccessibility help\n\n"
            "THE HARBOUR POST\nIndependent since 1887\n\n"
            "Home | News | World | Business | Sport\nSubscribe   |   Sign in   |   Search\n\n"
            "Home > News > World\n\nWORLD",
            "By Aldwater News Agency\nSun 14 Sep 2025 09.12 BST\n"
            "Last modified on Sun 14 Sep 2025 09.40 BST\n\n"
            "Share   |   Email   |   Copy link   |   Save for later",
        ),
        (
            "Skip to content\nSkip to footer\n\nTHE HARBOUR POST\nThe news. Told straight.\n\n"
            "Menu\nNews    Politics    Business\nLog in   |   Subscribe from 1 a week\n\n"
            "Business > Economy > Central banks",
            "Tom Aldane\nBusiness reporter, Kolvar\n14 September 2025 - 17:22 CEST\n\n"
            "[f] Share   [in] Share   [@] Email   [+] Save",
        ),
        (
            "Skip to content\nSkip to main navigation\n\n"
            "THE HARBOUR POST\nThe voice of the harbour and the valley since 1871\n\n"
            "Home | News | Health | Sport\nSign in | Search\n\n"
            "Weather: Castmere 9C, light rain\n\nYou are here: Home > News > Health\n\n"
            "Advertisement",
            "By Idris Mallow, Caldwen Press Association\n"
            "Published: 14 September 2025, 12:05 pm | Last updated: 14 September 2025, 12:41 pm",
        ),
    ],
)
def test_a_copied_page_s_header_above_the_headline_in_other_sites_shapes(
    tmp_path: Path, header: str, byline: str
) -> None:
    article = _one(
        tmp_path / "page.txt",
        f"{header}\n\nCoach plunges off mountain road\n\n"
        f"Dozens were on board when it broke through a barrier\n\n{byline}\n\n"
        "A coach left the road on Saturday evening, police said.\n",
    )
    assert article.outlet == "The Harbour Post"
    assert article.title == "Coach plunges off mountain road"
    assert article.published == "2025-09-14"
    assert [p.text for p in article.paragraphs] == [
        "Coach plunges off mountain road",
        "Dozens were on board when it broke through a barrier",
        "A coach left the road on Saturday evening, police said.",
    ]


@pytest.mark.parametrize(
    ("header", "under"),
    [
        # read blind (twelfth round): a menu of 14 sections, one in sentence case, and a
        # standfirst straight under the headline, then "Agency in Place" over the date;
        # the masthead was taken for the headline and the date was lost
        (
            "The Harbour Post\nSkip to main content\nSkip to navigation\n"
            "Support independent journalism: subscribe from \u00a31 a week\n"
            "Sign in    Search    Edition: UK\n"
            + "\n".join(["News", "Opinion", "Sport", "Culture", "Lifestyle", "Travel", "World"])
            + "\nUK\nEurope\nAsia\nMiddle East\nClimate crisis\nWorld \u203a Europe \u203a Georgia",
            "\nDozens were on board when it broke through a barrier\n\n"
            "Aldwater News Agency in Castmere\nSun 14 Sep 2025 16.52 BST\n"
            "Share on Facebook\nShare on X\nCopy link",
        ),
        # a two-item section path ("Business \u203a Trade") after a long menu
        (
            "THE HARBOUR POST\nMenu\n"
            + "\n".join(["Home", "UK", "World", "Business", "Money", "Politics", "Tech"])
            + "\nScience\nSport\nVideo\nLive\nLog in  |  Register\nBusiness \u203a Trade",
            "\n\nBy Ann Roe, Business Reporter\nSunday 14 September 2025 15:20 BST\n"
            "Share this article\nFacebook  X  WhatsApp  Email  Copy link",
        ),
        # "Skip to main content" above the masthead, its motto, and a dated menu strip
        (
            "Skip to main content\n\nTHE HARBOUR POST\nIndependent since 1911\n"
            "Sunday, September 14, 2025  |  Today's Paper  |  Subscribe: $1 a week  |  Sign In\n\n"
            + "\n".join(["Home", "U.S.", "World", "Politics", "Business", "Tech", "Opinion"])
            + "\nSports\nArts\nTravel\nSearch\n\nWorld  >  Europe",
            "\n\nBy Aldwater News Agency\nSeptember 14, 2025 at 5:12 p.m. EST\n\n"
            "Share\nFacebook\nX\nEmail\nCopy link\nGift this article\n\n"
            "Listen to this article  4 min",
        ),
    ],
)
def test_page_headers_read_blind_in_the_twelfth_round(
    tmp_path: Path, header: str, under: str
) -> None:
    article = _one(
        tmp_path / "page.txt",
        f"{header}\n\nCoach plunges off mountain road{under}\n\n"
        "A coach left the road on Saturday evening, police said.\n",
    )
    assert article.outlet == "The Harbour Post"
    assert article.title == "Coach plunges off mountain road"
    assert article.published == "2025-09-14"
    assert article.paragraphs[0].text == "Coach plunges off mountain road"
    assert article.paragraphs[-1].text == (
        "A coach left the road on Saturday evening, police said."
    )
    assert len(article.paragraphs) <= 3  # headline, standfirst (when there is one), text


@pytest.mark.parametrize(
    "header",
    [
        # read blind (thirteenth round): "Support independent journalism | Subscribe | Sign in"
        # in the header, and a site's one-word name in camel case ("NorthWire")
        "Skip to main content\nSkip to navigation\nHarbourPost\nSunday 14 September 2025\n"
        "Support independent journalism | Subscribe | Sign in\nSearch\n\nNews\nWorld\nUK\n"
        "Business\n\nWorld  >  Asia  >  Kazakhstan",
        "HarbourPost\nHome\nWorld\nEurope\nBusiness\nLog in\nSubscribe\n\nEurope | Bulgaria",
    ],
)
def test_page_headers_read_blind_in_the_thirteenth_round(tmp_path: Path, header: str) -> None:
    article = _one(
        tmp_path / "page.txt",
        f"{header}\n\nCoach plunges off mountain road\n\nBy Ann Roe\n"
        "Sunday 14 September 2025 09.42 BST\n\n"
        "A coach left the road on Saturday evening, police said.\n",
    )
    assert article.outlet == "HarbourPost"
    assert article.title == "Coach plunges off mountain road"
    assert article.published == "2025-09-14"


def test_a_page_copied_with_no_blank_line_above_the_text(tmp_path: Path) -> None:
    # read blind (fourteenth round): header, headline, caption, byline, date and share bar
    # all in one block lost the headline, the date and the outlet
    article = _one(
        tmp_path / "page.txt",
        "Skip to main content\nAccessibility help\nThe Harbour Post\nSunday 14 September 2025\n"
        "Subscribe    Sign in    Search\nNews\nWorld\nSport\nWorld  >  Europe  >  Austria\n"
        "Coach plunges off mountain road\n"
        "Rescuers at the scene on Saturday. Photograph: Ann Lee/Globus Wire\n"
        "By Globus Wire staff\nSun 14 Sep 2025 18.42 BST\nShare on Facebook\nCopy link\n"
        "Comments (214)\n"
        "A coach left the road on Saturday evening, police said.\n\n"
        "Six people were hurt, two of them seriously.\n",
    )
    assert article.outlet == "The Harbour Post"
    assert article.title == "Coach plunges off mountain road"
    assert article.published == "2025-09-14"
    assert [p.text for p in article.paragraphs] == [
        "Coach plunges off mountain road",
        "A coach left the road on Saturday evening, police said.",
        "Six people were hurt, two of them seriously.",
    ]


def test_a_caption_over_the_dateline_and_set_apart_furniture_are_removed(tmp_path: Path) -> None:
    # read blind (fourteenth round): a caption ending in its agency's credit above the
    # dateline, an italic caption under a Markdown image, "*\u2014 Advertisement \u2014*", a
    # bio in italics naming the outlet without a possessive, "Originally published" and
    # a lone "Comment" button
    page = _one(
        tmp_path / "page.txt",
        "Coach plunges off mountain road\n\nBy Ann Roe | Globus Wire\n\nShare\nComment\nSave\n\n"
        "Rescuers tend to the injured below the pass in Vell County. (Globus Wire)\n\n"
        "VELL, Norland (Globus Wire) \u2014 A coach left the road on Saturday, police said.\n\n"
        "Six people were hurt, two of them seriously.\n",
    )
    assert [p.text for p in page.paragraphs][1:] == [
        "VELL, Norland (Globus Wire) \u2014 A coach left the road on Saturday, police said.",
        "Six people were hurt, two of them seriously.",
    ]
    md = _one(
        tmp_path / "post.md",
        "---\ntitle: Coach plunges off mountain road\noutlet: Harbour Post\n---\n\n"
        "**By Ann Roe, Globus Wire** \u00b7 Updated March 12, 2025, 9:48 a.m. \u00b7 "
        "Originally published March 11, 2025\n\n"
        "![A coach on its side](/img/coach.jpg)\n*Rescuers at the scene on Saturday. (Harbour "
        "Post)*\n\nA coach left the road on Saturday evening, police said.\n\n"
        "*\u2014 Advertisement \u2014*\n\nSix people were hurt, two of them seriously.\n\n"
        "*Ann Roe is a Harbour Post travel correspondent based in Vell.*\n",
    )
    assert [p.text for p in md.paragraphs][1:] == [
        "A coach left the road on Saturday evening, police said.",
        "Six people were hurt, two of them seriously.",
    ]
    plain = _one(
        tmp_path / "news.txt",
        "Reporter freed\n\nA court freed the reporter on Monday, his lawyer said.\n\n"
        "Ann Roe is a Harbour Post reporter held since June.\n",
    )
    assert plain.paragraphs[-1].text == "Ann Roe is a Harbour Post reporter held since June."


def test_a_syndication_notice_glued_under_the_last_paragraph_is_removed(tmp_path: Path) -> None:
    # read blind (fourteenth round): reported as a passage only one outlet carries
    article = _one(
        tmp_path / "page.txt",
        "Coach plunges off mountain road\n\nA coach left the road on Saturday, police said.\n\n"
        "Six people were hurt, two of them seriously.\n"
        "Globus Wire is an international news agency. This article was supplied by Globus "
        "Wire and edited for the Post.\n",
    )
    assert article.paragraphs[-1].text == "Six people were hurt, two of them seriously."


def test_a_masthead_names_the_outlet_better_than_a_contact_address_s_bare_host(
    tmp_path: Path,
) -> None:
    article = _one(
        tmp_path / "page.txt",
        "Harbour Morning Post\nNEWS  |  WORLD  |  SPORT\nLog in   Register\n\n"
        "Coach plunges off mountain road\n\nBy Ann Roe\nSunday 14 September 2025 4:05pm\n\n"
        "A coach left the road on Saturday evening, police said.\n\n"
        "Got a story? Email news@harbourpost.example or message us.\n",
    )
    assert article.outlet == "Harbour Morning Post"


def test_a_line_in_capitals_over_text_stays_the_headline(tmp_path: Path) -> None:
    article = _one(
        tmp_path / "post.txt",
        "RIVER BURSTS ITS BANKS\n\nBy Ann Roe\n\nThe river burst its banks on Monday.\n",
    )
    assert article.title == "RIVER BURSTS ITS BANKS"
    assert article.outlet == "post"


def test_a_numeric_header_date_is_not_guessed(tmp_path: Path) -> None:
    article = _one(
        tmp_path / "post.txt",
        "Guards freed as riot ends\n\nBy Orbis Press | Published: 11/06/2024 16:42\n\n"
        "Rioting inmates freed seven guards on Tuesday, officials said.\n",
    )
    assert article.published is None
    assert not any("11/06" in p.text for p in article.paragraphs)


def test_a_masthead_under_a_bar_of_links_names_the_outlet(tmp_path: Path) -> None:
    # read blind (twentieth round): "Skip to ..." lines and a bar mixing the site's links
    # with "Sign in" above the masthead: the masthead was not read, and the page's title
    # became "Skip to main content"
    article = _one(
        tmp_path / "ledger.txt",
        "Skip to main content\nSkip to navigation\n"
        "Print subscriptions | Sign in | Search jobs | Search\nTHE HALVERN LEDGER\n"
        "Independent journalism since 1871\nNews\nWorld\nSport\nOpinion\nMore\n"
        "World > Americas > Peru\n\n"
        "Landslide buries mountain highway, killing at least 14\n\n"
        "Compass News Agency\nWed 12 Feb 2025 09.42 GMT\n\n"
        "A landslide buried a stretch of highway on Tuesday night, officials said.\n",
    )
    assert article.outlet == "The Halvern Ledger"
    assert article.title == "Landslide buries mountain highway, killing at least 14"
    assert article.published == "2025-02-12"


def test_a_menu_spaced_with_two_spaces_is_no_headline(tmp_path: Path) -> None:
    # read blind (twentieth round): "NFL  NBA  MLB ..." (items two spaces apart) was read as
    # the headline inside the page header
    article = _one(
        tmp_path / "sports.txt",
        "CAPITAL SPORTS DAILY\nScores | Schedules | Standings | Shop\n"
        "Log In   Create Free Account\nNFL  NBA  MLB  NHL  College  Soccer  Golf  More\n"
        "Soccer Home  |  MLS  |  Premier League  |  International\n\n"
        "INTERNATIONAL SOCCER\n\n"
        "Federation parts ways with coach after early exit\n\n"
        "By Marcus Bell\nPublished Jan. 25, 2027 at 2:47 p.m. ET\n\n"
        "The football federation dismissed its head coach on Monday, officials said.\n",
    )
    assert article.title == "Federation parts ways with coach after early exit"
    assert article.outlet == "Capital Sports Daily"


def test_a_date_bar_and_a_sentence_case_section_path_are_page_header(tmp_path: Path) -> None:
    # read before judging (twenty-first round): "Thursday 20 November 2025 | Today's paper |
    # Puzzles | Subscribe" and "World news / Europe / Greece" under the site's name ended
    # the page header, and the page's title became the date bar
    article = _one(
        tmp_path / "chronicle.txt",
        "Kingsbridge Chronicle\n"
        "Thursday 20 November 2025   |   Today's paper   |   Puzzles   |   Subscribe\n"
        "News   Politics   World   Business   Sport\n"
        "World news  /  Europe  /  Greece\n\n"
        "Mayor held in corruption inquiry into building contracts\n\n"
        "Rachel Whitford in Thessaloniki\nThursday 20 November 2025 16:20 GMT\n\n"
        "The mayor was arrested at his home on Thursday morning, prosecutors said.\n",
    )
    assert article.outlet == "Kingsbridge Chronicle"
    assert article.title == "Mayor held in corruption inquiry into building contracts"
    assert article.published == "2025-11-20"
