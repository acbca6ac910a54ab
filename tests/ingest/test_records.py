"""JSON and JSON Lines article records; the same article in every format gives one analysis."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.ingest import formats as ingest_formats
from compare.ingest.records import from_record, records_in_json
from compare.ingest.run import ingest
from compare.model import Article, IngestResult, Report
from compare.pipeline.run import analyze
from compare.util.options import Options

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "wrenhaven"
HERALD = (
    "Floodwater swept through the coastal town of Wrenhaven on Tuesday after the River Alde "
    "burst its banks, forcing at least 40 families from their homes, police said.",
    "The town council said emergency crews had rescued 12 people from cars trapped on the "
    "harbour road before dawn.",
    "Mayor Elin Marsh described the damage as the worst the town had seen in a generation.",
    "“We have never seen the water rise this fast,” she told reporters outside the flooded "
    "town hall.",
    "Forecasters expect another 30 millimetres of rain to fall on Wednesday, and the regional "
    "weather office has kept its amber warning in place.",
    "Residents criticised the council for delaying repairs to the flood barrier, which "
    "engineers had flagged as unsafe two years ago.",
    "A temporary shelter has opened at Wrenhaven Primary School, where volunteers were handing "
    "out blankets and hot meals.",
    "The railway line between Wrenhaven and Portmere remains closed.",
)
TITLE = "Wrenhaven flood: families forced from homes as river bursts banks"
STORY = (
    "The harbour reopened on Monday after repairs.\n\nFerry crews said the crossing left on time."
)


def _ingest(*paths: Path, **options: object) -> IngestResult:
    return ingest(list(paths), options=Options(**options))


def _jsonl(path: Path, *lines: Any) -> Path:
    rows = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


# ------------------------------------------- one article, four formats, one analysis


def _as_txt(folder: Path) -> None:
    front = (
        f"---\ntitle: {json.dumps(TITLE)}\ndate: 2024-03-05\noutlet: The Northcoast Herald\n---\n"
    )
    (folder / "northcoast-herald.txt").write_text(front + "\n\n".join(HERALD) + "\n", "utf-8")


def _as_html(folder: Path) -> None:
    shutil.copy(FIXTURES / "northcoast-herald.html", folder)


def _as_json(folder: Path) -> None:  # news-please style: maintext with single line breaks
    record = {
        "title": TITLE,
        "maintext": "\n".join(HERALD),
        "date_publish": "2024-03-05 09:12:00",
        "source": "The Northcoast Herald",
        "source_domain": "northcoast-herald.example",
        "authors": ["Ana Ruiz"],
        "url": "https://www.northcoast-herald.example/news/2024/03/05/wrenhaven-flood",
    }
    (folder / "northcoast-herald.json").write_text(json.dumps(record, indent=2), "utf-8")


def _as_jsonl(folder: Path) -> None:  # newspaper4k style, inside an archive of other records
    record = {
        "id": "northcoast-herald",
        "title": TITLE,
        "text": "\n\n".join(HERALD),
        "publish_date": "2024-03-05T09:12:00+00:00",
        "outlet": "The Northcoast Herald",
    }
    _jsonl(folder / "archive.jsonl", record)


def _findings(report: Report) -> list[tuple[Any, ...]]:
    """Findings with outlets in place of ids and without offsets, lines or paths."""
    outlet = {a.id: a.outlet for a in report.story.articles}
    out = []
    for f in report.findings:
        spans = sorted((outlet[aid], tuple(s.text for s in v)) for aid, v in f.spans.items())
        out.append((str(f.kind), int(f.severity), f.label, f.explanation, f.time_note, spans))
    return sorted(out)


@pytest.mark.parametrize("write", [_as_html, _as_json, _as_jsonl])
def test_same_article_in_any_format_gives_the_same_analysis(tmp_path: Path, write: Any) -> None:
    runs = {}
    for how in (_as_txt, write):
        folder = tmp_path / how.__name__
        folder.mkdir()
        for name in ("valley-ledger.html", "coastline-daily.html"):
            shutil.copy(FIXTURES / name, folder)
        how(folder)
        analysis = analyze([folder], options=Options())
        assert analysis.problems == ()
        (runs[how.__name__],) = analysis.reports
    txt, other = runs["_as_txt"], runs[write.__name__]
    herald = {
        r: next(a for a in rep.story.articles if "Northcoast" in a.outlet)
        for r, rep in runs.items()
    }
    a, b = herald["_as_txt"], herald[write.__name__]
    assert [s.text for s in a.sentences] == [s.text for s in b.sentences] == [TITLE, *HERALD]
    assert (a.title, a.published, a.outlet) == (b.title, b.published, b.outlet)
    assert b.text_origin != "file" and a.text_origin == "file"
    assert _findings(txt) == _findings(other)
    assert len(txt.alignment.passages) == len(other.alignment.passages)
    # The article id is "northcoast-herald" in every format, so scores compare directly.
    assert txt.scores.coverage == other.scores.coverage
    assert txt.scores.divergence == other.scores.divergence
    assert txt.scores.by_kind == other.scores.by_kind


# ----------------------------------------------------------------- JSON Lines


def test_jsonl_bad_line_costs_only_that_record(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "archive.jsonl",
        {"id": "a1", "text": STORY, "source_domain": "www.quaypost.example", "date": "2021-06-01"},
        '{"id": "a2", "text": "broken',
        "",
        {"text": STORY, "outlet": "Harbour Times"},
        [1, 2, 3],
        {"id": "a5", "title": "No text here"},
    )
    result = _ingest(path)
    shown = str(path)
    assert [(p.path, p.message) for p in result.problems] == [
        (f"{shown}:2", "line 2: not valid JSON at column 22 (Unterminated string starting)"),
        (f"{shown}:5", "line 5: not an article record (a JSON object) but a list"),
        (
            f"{shown}:6",
            "line 6: no article text: the record has no `maintext`, `text`, `articleBody`, "
            "`content` or `body`",
        ),
    ]
    a1, a4 = result.articles
    assert (a1.id, a1.path, a4.id, a4.path) == ("a1", f"{shown}:1", "archive-4", f"{shown}:4")
    assert (a1.outlet, a1.outlet_source) == (
        "quaypost.example",
        "registrable domain of www.quaypost.example in record field `source_domain`, line 1",
    )
    assert a1.published_source == "record field `date` ('2021-06-01'), line 1"
    assert a4.outlet == "Harbour Times"
    assert a1.text == STORY and a1.paragraphs[1].line == 3
    assert a1.text_origin == (
        "JSON record field `text` (line 1 of the archive): offsets and lines refer to that "
        "field's text"
    )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert a1.sha256 == a4.sha256 == digest
    notices = [(w.path, w.message) for w in result.warnings]
    assert (f"{shown}:4", "record has no `id` field; its id is 'archive-4'") in notices


def test_jsonl_record_cap_and_archive_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = {"id": "big", "text": "Rain fell on the quay. " * 200}
    path = _jsonl(
        tmp_path / "feed.jsonl", {"id": "small", "text": STORY}, big, {"id": "z", "text": STORY}
    )
    assert path.stat().st_size > 2000  # larger than the per-article cap used below: still read
    result = _ingest(path, max_article_bytes=2000)
    assert [a.id for a in result.articles] == ["small", "z"]
    (problem,) = result.problems
    assert problem.path.endswith("feed.jsonl:2")
    assert (
        problem.message == "line 2: record larger than 2,000 bytes limit; use --max-article-bytes"
    )
    monkeypatch.setattr(ingest_formats, "JSONL_MAX_BYTES", 1024)
    result = _ingest(path)
    assert result.articles == ()
    assert [p.message for p in result.problems] == [
        "larger than 1 KiB limit; JSON Lines archives have this fixed limit; split the archive"
    ]


def test_jsonl_ids_stay_unique_across_files(tmp_path: Path) -> None:
    (tmp_path / "quay.txt").write_text(STORY, encoding="utf-8")
    _jsonl(tmp_path / "feed.jsonl", {"id": "quay", "text": STORY}, {"id": "quay", "text": STORY})
    result = _ingest(tmp_path)
    assert [a.id for a in result.articles] == ["quay", "quay-2", "quay-3"]
    assert [a.path.rsplit("/", 1)[-1] for a in result.articles] == [
        "quay.txt",
        "feed.jsonl:1",
        "feed.jsonl:2",
    ]
    assert any("already has the id 'quay'; id 'quay-2'" in w.message for w in result.warnings)


def test_jsonl_blank_archive_and_undecodable_line(tmp_path: Path) -> None:
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n \n\n", encoding="utf-8")
    odd = tmp_path / "odd.jsonl"
    odd.write_bytes(b'{"id": "ok", "text": "Rain fell."}\n\x00\x01\x02\x03\x04\x05\x06\n')
    result = _ingest(blank, odd)
    assert [a.id for a in result.articles] == ["ok"]
    assert [p.message for p in result.problems] == [
        "no records (every line is blank)",
        "line 2: not usable text (binary data (NUL bytes / not decodable))",
    ]


def test_manifest_names_a_record_by_line_or_id(tmp_path: Path) -> None:
    _jsonl(tmp_path / "feed.jsonl", {"id": "r1", "text": STORY}, {"text": STORY})
    (tmp_path / "sources.csv").write_text(
        "file,outlet,date\nr1,Quay Post,2020-01-02\nfeed.jsonl:2,Harbour Times,\n", "utf-8"
    )
    result = _ingest(tmp_path)
    assert [(a.id, a.outlet, a.published) for a in result.articles] == [
        ("feed-2", "Harbour Times", None),
        ("r1", "Quay Post", "2020-01-02"),
    ]
    assert not [w for w in result.warnings if "matches no article" in w.message]


# ---------------------------------------------------------------------- JSON


def test_json_list_of_records(tmp_path: Path) -> None:
    records = [{"id": "x", "articleBody": STORY}, {"headline": "Quay", "content": STORY}, "oops"]
    (tmp_path / "feed.json").write_text(json.dumps(records, indent=1), encoding="utf-8")
    result = _ingest(tmp_path)
    assert [(a.id, a.path.rsplit("/", 1)[-1], a.title) for a in result.articles] == [
        ("feed-2", "feed.json#2", "Quay"),
        ("x", "feed.json#1", None),
    ]
    (problem,) = result.problems
    assert problem.path.endswith("feed.json#3")
    assert problem.message == "not an article record (a JSON object) but text"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{oops",
            "not valid JSON at line 1, column 2 "
            "(Expecting property name enclosed in double quotes)",
        ),
        ("[]", "no records: the JSON list is empty"),
        (
            '[{"text": "a"} {"text": "b"}]',
            "not valid JSON at line 1, column 16 (Expecting ',' delimiter)",
        ),
        ("[" * 100_000, "not valid JSON: nested too deeply"),
        ("1" * 5000, "not valid JSON: a number with too many digits"),
        ('{"text": 5}', "no article text: record field `text` is a number, not text"),
        (
            '{"text": ""}',
            "no article text: the record has no `maintext`, `text`, "
            "`articleBody`, `content` or `body`",
        ),
        ("7", "not an article record (a JSON object) but a number"),
    ],
)
def test_unusable_json_files(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "r.json").write_text(content, encoding="utf-8")
    result = _ingest(tmp_path)
    assert result.articles == ()
    assert [p.message for p in result.problems] == [message]


@pytest.mark.parametrize(
    ("record", "check", "notice"),
    [
        ({"title": 12}, ("title", None), "record field `title` is a number, not text; ignored"),
        (
            {"title": ["a", "b"]},
            ("title", None),
            "record field `title` is a list, not text; ignored",
        ),
        ({"id": [1]}, ("id", "r"), "record field `id` is a list, not text; ignored"),
        ({"id": True}, ("id", "r"), "record field `id` is true/false, not text; ignored"),
        ({"id": 42}, ("id", "r"), None),  # one record per file: the file name is the id
        (
            {"date": False},
            ("published", None),
            "record field `date` is true/false, not text; ignored",
        ),
        ({"date": 1602977989.797736}, ("published", "2020-10-17"), None),
        (
            {"date": "2020-13-45"},
            ("published", None),
            "unparseable date '2020-13-45' in record field `date`; ignored",
        ),
        ({"source": {"id": None, "name": "Quay Post"}}, ("outlet", "Quay Post"), None),
        (
            {"publisher": {"name": 3}},
            ("outlet", "r"),
            "record field `publisher` is an object, not text; ignored",
        ),
        ({"url": "javascript:alert(1)"}, ("url", None), None),
        ({"url": "https://quay.example/a"}, ("outlet", "quay.example"), None),
        ({"authors": {"weird": 1}}, ("title", None), None),
        (
            {"maintext": ["Rain fell.", "Roads closed."]},
            ("text", "Rain fell.\n\nRoads closed."),
            "record field `maintext` is a list of paragraphs; joined with blank lines",
        ),
    ],
)
def test_wrong_field_types_become_notices(
    tmp_path: Path, record: dict[str, Any], check: tuple[str, Any], notice: str | None
) -> None:
    (tmp_path / "r.json").write_text(json.dumps({"text": STORY, **record}), encoding="utf-8")
    result = _ingest(tmp_path)
    assert result.problems == ()
    (article,) = result.articles
    field, expected = check
    assert getattr(article, field) == expected
    messages = [w.message for w in result.warnings]
    assert messages == ([notice] if notice else [])


def test_single_record_json_is_an_article_file(tmp_path: Path) -> None:
    (tmp_path / "quay.json").write_text(json.dumps({"id": "ignored", "text": STORY}), "utf-8")
    (article,) = _ingest(tmp_path).articles
    assert (article.id, Path(article.path).name) == ("quay", "quay.json")
    assert article.text_origin == (
        "JSON record field `text`: offsets and lines refer to that field's text"
    )
    assert article.sha256 == hashlib.sha256((tmp_path / "quay.json").read_bytes()).hexdigest()


def test_json_records_line_numbers() -> None:
    records = records_in_json('[\n {"id": "a", "text": "x"},\n\n {"id": "b", "text": "y"}\n]')
    assert isinstance(records, list)
    assert [(r.line, r.number, r.id) for r in records] == [(2, 1, "a"), (4, 2, "b")]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "title", "text", "maintext", "date", "source", "url", "x"]),
            children,
            max_size=6,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_from_record_never_raises(value: object) -> None:
    result, rid = from_record(value, line=3)
    assert isinstance(result, str) or result.text.strip()
    assert rid is None or (isinstance(rid, str) and rid)


def test_record_articles_round_trip_through_report_json(tmp_path: Path) -> None:
    _as_jsonl(tmp_path)
    for name in ("valley-ledger.html", "coastline-daily.html"):
        shutil.copy(FIXTURES / name, tmp_path)
    from compare.report import jsonio

    (report,) = analyze([tmp_path], options=Options()).reports
    assert jsonio.load(jsonio.dump(report)) == report
    herald = next(a for a in report.story.articles if a.id == "northcoast-herald")
    assert isinstance(herald, Article) and herald.path.endswith("archive.jsonl:1")


def test_lone_surrogate_in_a_record_is_replaced_and_warned_not_fatal(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #19: ``"\\ud800"`` is legal JSON; it once failed every output of the run (exit 1)."""
    from compare.cli.main import main

    from cli_runs import EPOCH, FLOOD, write_articles

    src = write_articles(tmp_path / "in", FLOOD)
    record = {
        "id": "quay\ud800post",
        "outlet": "Quay \udc00Post",
        "title": "Flood \ud800 closes bridge",
        "text": "A flash flood closed the Millbrook bridge on Sunday, officials said.\n\n"
        "At least 12 people \ud800 were rescued from cars trapped on the river road.",
    }
    (src / "wire.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    code = main(
        ["report", str(src), "--out", str(out), "--format", "json,html,csv", "--jobs", "1", "-q"]
    )
    assert code == 0, capsys.readouterr().err
    [folder] = [p for p in out.iterdir() if p.is_dir()]
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    [article] = [a for a in data["articles"] if a["path"].endswith("wire.jsonl:1")]
    assert "\ufffd" in article["text"] and article["outlet"] == "Quay \ufffdPost"
    # one for one: offsets unchanged (the headline is the first paragraph, #15)
    assert len(article["text"]) == len(record["title"]) + 2 + len(record["text"])
    assert any(
        w["path"].endswith("wire.jsonl:1") and "surrogate" in w["message"] for w in data["warnings"]
    )
    (folder / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_wide_jsonl_archive_is_refused_once_with_its_reason(
    tmp_path: Path, encoding: str
) -> None:
    lines = [json.dumps({"text": STORY, "outlet": name}) for name in ("A", "B", "C")]
    path = tmp_path / "archive.jsonl"
    path.write_bytes("\n".join(lines).encode(encoding))  # with its byte-order mark
    result = _ingest(path)
    assert result.articles == ()
    assert [p.message for p in result.problems] == [
        f"a JSON Lines archive in {encoding.upper()} (byte-order mark); save it as UTF-8,"
        " one JSON record per line"
    ]


def test_jsonl_problems_are_listed_in_line_order(tmp_path: Path) -> None:
    good = {"text": STORY, "outlet": "Harbour Times"}
    lines: list[Any] = [good] * 12
    lines[1] = lines[11] = '{"broken'
    result = _ingest(_jsonl(tmp_path / "archive.jsonl", *lines))
    assert [p.path.rsplit(":", 1)[1] for p in result.problems] == ["2", "12"]


def test_a_field_given_twice_in_a_record_is_a_notice(tmp_path: Path) -> None:
    body = json.dumps(STORY)
    twice = f'{{"text": "An older draft of the story.", "title": "T", "text": {body}}}'
    for name, content in (("one.json", twice), ("archive.jsonl", twice + "\n")):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        result = _ingest(path)
        (article,) = result.articles
        assert article.text.endswith(STORY)  # the last one, as JSON reads it
        notes = [w.message for w in result.warnings if "given 2 times" in w.message]
        assert notes == ["record field `text` given 2 times; the last one is used"], name
