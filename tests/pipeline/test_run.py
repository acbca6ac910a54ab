"""The whole analysis on the seed articles: every quoted span is exact."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from compare.model import Kind, Report, Story
from compare.pipeline.run import analyze
from compare.report import jsonio
from compare.util.options import Options

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.fixture(scope="module")
def report() -> Report:
    analysis = analyze([SEEDS], options=Options(source_date_epoch=1603152000))
    assert len(analysis.reports) == 1
    return analysis.reports[0]


def test_every_passage_cell_quotes_the_file(report: Report) -> None:
    data = jsonio.to_dict(report)
    files = {a["id"]: _read(SEEDS / Path(a["path"]).name) for a in data["articles"]}
    checked = 0
    for passage in data["passages"]:
        for aid, cells in passage["cells"].items():
            for cell in cells:
                assert files[aid][cell["start"] : cell["end"]] == cell["text"]
                assert files[aid].count("\n", 0, cell["start"]) + 1 == cell["line"]
                checked += 1
    assert checked > 50


def test_every_finding_span_quotes_the_file(report: Report) -> None:
    data = jsonio.to_dict(report)
    files = {a["id"]: _read(SEEDS / Path(a["path"]).name) for a in data["articles"]}
    assert data["findings"]
    for finding in data["findings"]:
        assert finding["spans"], finding["id"]
        for aid, spans in finding["spans"].items():
            for span in spans:
                assert files[aid][span["start"] : span["end"]] == span["text"], finding["id"]
                assert files[aid].count("\n", 0, span["start"]) + 1 == span["line"]


def test_contract_fields_present(report: Report) -> None:
    data = jsonio.to_dict(report)
    for key in (
        "schema",
        "tool_version",
        "generated",
        "articles",
        "passages",
        "findings",
        "scores",
        "problems",
    ):
        assert key in data
    article_keys = {
        "id",
        "path",
        "sha256",
        "outlet",
        "outlet_source",
        "title",
        "published",
        "published_source",
        "words",
        "removed",
    }
    for article in data["articles"]:
        assert article_keys <= article.keys()
        for removed in article["removed"]:
            assert {"text", "reason", "line"} <= removed.keys()
    finding_keys = {"id", "kind", "severity", "passage", "spans", "explanation", "time_note"}
    for finding in data["findings"]:
        assert finding_keys <= finding.keys()
        assert finding["kind"] in {k.value for k in Kind}
    assert data["generated"] == "2020-10-20T00:00:00Z"


def test_json_round_trip(report: Report) -> None:
    assert jsonio.load(jsonio.dump(report)) == report


def _texts(report: Report, kind: Kind) -> list[set[str]]:
    return [
        {s.text for spans in f.spans.values() for s in spans}
        for f in report.findings
        if f.kind is kind
    ]


def test_seed_headline_differences_are_found(report: Report) -> None:
    spelling = _texts(report, Kind.SPELLING_VARIANT)
    assert any({"Defense", "Defence"} <= texts for texts in spelling)
    style = _texts(report, Kind.STYLE_VARIANT)
    assert any({"cease-fire", "ceasefire"} <= {t.split()[0] for t in texts} for texts in style)
    numbers = " | ".join(" / ".join(sorted(t)) for t in _texts(report, Kind.NUMBER_DISCREPANCY))
    assert "13" in numbers and "14" in numbers


def test_no_boilerplate_reaches_the_analysis(report: Report) -> None:
    for article in report.story.articles:
        for sentence in article.sentences:
            assert sentence.text.strip() != "Advertisement"
            assert "Sign up" not in sentence.text
            assert "Getty Images" not in sentence.text
            assert "Credit:" not in sentence.text


def test_article_over_the_sentence_cap_is_skipped_with_a_reason(tmp_path: Path) -> None:
    text = "The dam held overnight. Crews checked the spillway. Rain eased by noon."
    for name in ("a", "b"):  # two texts: the same bytes would be read once
        (tmp_path / f"{name}.txt").write_text(f"{text} Filed by {name}.", encoding="utf-8")
    (tmp_path / "long.txt").write_text(" ".join([text] * 3), encoding="utf-8")
    analysis = analyze([tmp_path], options=Options(max_article_sentences=6))
    (problem,) = analysis.problems
    assert problem.path.endswith("long.txt")
    assert problem.message == (
        "too long to compare: 9 sentences (limit 6; use --max-article-sentences)"
    )
    assert [a.id for a in analysis.reports[0].story.articles] == ["a", "b"]


def test_min_severity_keeps_serious_findings_renumbered() -> None:
    options = Options(source_date_epoch=1603152000, min_severity=2)
    (report,) = analyze([SEEDS], options=options).reports
    assert report.findings
    assert all(f.severity <= 2 for f in report.findings)
    assert [f.id for f in report.findings] == [f"f{n}" for n in range(1, len(report.findings) + 1)]
    assert report.settings["min_severity"] == "2"


WIRE = (
    "Flood waters closed the main bridge in Rivertown on Monday. "
    "Officials said 40 homes were evacuated overnight. "
    "The river is expected to crest on Wednesday. "
    "Volunteers filled sandbags at the town hall."
)
EDIT_A = (
    "Flood waters closed the main bridge in Rivertown on Monday. "
    "Officials said 40 homes were evacuated overnight. "
    "Volunteers filled sandbags at the town hall. "
    "Local schools will stay shut until further notice."
)
EDIT_B = (
    "Flood waters closed the main bridge in Rivertown on Monday. "
    "Officials said 45 homes were evacuated overnight. "
    "Volunteers filled sandbags at the town hall."
)


def _reference_report(tmp_path: Path, reference: str | None) -> Report:
    for name, text in (("wire", WIRE), ("a", EDIT_A), ("b", EDIT_B)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    options = Options(source_date_epoch=1603152000, reference=reference)
    (report,) = analyze([tmp_path], options=options).reports
    return report


def test_reference_mode_measures_cuts_and_additions_against_the_original(tmp_path: Path) -> None:
    plain = _reference_report(tmp_path, None)
    assert not [f for f in plain.findings if f.kind is Kind.OMITTED_PASSAGE]
    report = _reference_report(tmp_path, "wire")
    omitted = [f for f in report.findings if f.kind is Kind.OMITTED_PASSAGE]
    assert sorted(a for f in omitted for a, spans in f.spans.items() if not spans) == ["a", "b"]
    assert all("The reference (wire) carries this passage" in f.explanation for f in omitted)
    added = [f for f in report.findings if f.kind is Kind.ADDED_PASSAGE]
    assert [list(f.spans) for f in added] == [["a"]]
    assert "not in the reference" in added[0].explanation
    for finding in report.findings:
        if finding.kind not in (Kind.OMITTED_PASSAGE, Kind.ADDED_PASSAGE):
            assert "wire" in finding.spans
    assert report.settings["reference"] == "wire"


def test_unknown_reference_is_a_usage_error(tmp_path: Path) -> None:
    from compare.errors import UsageError

    with pytest.raises(UsageError, match="reference article 'nope' is not among"):
        _reference_report(tmp_path, "nope")


def test_articles_read_keep_no_tokens_until_their_story_is_analysed(tmp_path: Path) -> None:
    """Issue #19: tokens of every record of an archive were kept for the whole run (GBs)."""
    from compare.align.segment import segment
    from compare.pipeline.run import analyze_story, read_articles
    from compare.util.options import Options

    from cli_runs import FLOOD, write_articles

    src = write_articles(tmp_path / "in", FLOOD)
    read = read_articles([src], options=Options())
    assert read.articles and all(s.tokens == () for a in read.articles for s in a.sentences)
    assert all(a.sentences and a.words for a in read.articles)
    story = Story("s", "Flood", read.articles)
    report = analyze_story(story, options=Options())
    assert report.findings
    for article in report.story.articles:
        fresh = segment(replace(article, sentences=()))
        assert article.sentences == fresh.sentences  # the tokens made again, the same


def test_grouping_sees_names_and_figures_of_articles_read_without_tokens() -> None:
    """Tokens are left out while articles wait for their story (issue #19), and grouping's
    ``anchors`` (shared names and figures, which link the articles of a small input and
    explain a lone one) read them: every article looked as if it named nobody."""
    from compare.group.vectors import anchors
    from compare.pipeline.run import read_articles, with_tokens

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    read = read_articles([seeds], options=Options())
    assert read.articles
    for article in read.articles:
        found = anchors(article)
        assert found and found == anchors(with_tokens(article))


def test_articles_read_keep_one_copy_of_their_text(tmp_path: Path) -> None:
    """Issue #19: each waiting record held its text three times (article, paragraphs,
    sentences); only the article's copy stays, and analysis gets the others back exactly."""
    from compare.ingest.run import ingest
    from compare.pipeline.run import read_articles, with_tokens

    from cli_runs import FLOOD, write_articles

    src = write_articles(tmp_path / "in", FLOOD)
    read = read_articles([src], options=Options())
    ingested = {a.id: a for a in ingest([src], options=Options()).articles}
    assert any(len(a.paragraphs) > 1 for a in read.articles)
    for article in read.articles:
        assert all(s.text == "" for s in article.sentences)
        assert all(p.text == "" for p in article.paragraphs[1:])
        restored = with_tokens(article)
        assert restored.paragraphs == ingested[article.id].paragraphs
        assert all(s.text and s.tokens for s in restored.sentences)
        assert [s.text for s in restored.sentences] == [
            article.text[s.start : s.end] for s in article.sentences
        ]


def test_settings_name_the_sentence_model_or_say_it_is_off() -> None:
    from compare.align.encoder import MODEL_NAME
    from compare.pipeline.run import settings
    from compare.util.options import Options

    assert settings(Options())["sentence_model"] == MODEL_NAME
    assert settings(Options(sentence_meanings=False))["sentence_model"] == "off"


def test_one_file_given_twice_is_named_in_the_no_report_error() -> None:
    from compare.errors import NoReportError
    from compare.pipeline.run import prepare

    seed = sorted((Path(__file__).resolve().parents[2] / "seeds").iterdir())[0]
    once = r"1 usable, 0 skipped, 1 a copy read once: .*given 2 times; read once"
    with pytest.raises(NoReportError, match=once):
        prepare([seed, seed], options=Options())


def test_one_file_given_many_times_gives_one_notice() -> None:
    from compare.pipeline.run import read_articles

    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").iterdir())[:2]
    read = read_articles([seeds[0]] * 50 + [seeds[1]], options=Options())
    assert len(read.articles) == 2
    notes = [w.message for w in read.warnings if "read once" in w.message]
    assert notes == ["given 50 times; read once"]
