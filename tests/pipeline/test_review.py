"""Reviewer decisions (#16): review.json, applying it, the served API, ``report --review``."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from dataclasses import replace
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from compare.cli.review_server import ReviewSession, make_handler
from compare.errors import UsageError
from compare.model import Kind
from compare.pipeline.review import (
    Decision,
    Review,
    apply_review,
    dump_review,
    load_review,
    quotes_of,
    review_from_dict,
    review_of,
    unreviewed,
)
from compare.report import jsonio
from compare.report.documents import data_outputs, render_documents
from compare.report.html import render_html, scripts
from compare.report.view.build import build_view
from compare.util.options import Options, OutputFormat

from cli_runs import FLOOD, run_cli, write_articles
from sample_report import build_report


def _dismiss(report, index: int, reason: str = "not a real difference") -> Review:
    f = report.findings[index]
    return Review((Decision(f.id, f.kind.value, quotes_of(f), True, reason, "", "Ed", "t"),))


def test_dismissed_finding_leaves_findings_and_is_kept_whole():
    report = build_report()
    target = report.findings[0]
    reviewed = apply_review(report, _dismiss(report, 0))
    assert target not in reviewed.findings
    assert reviewed.review is not None
    assert [d.finding for d in reviewed.review.dismissed] == [target]
    assert reviewed.review.dismissed[0].reason == "not a real difference"
    # the per-outlet counts no longer count it
    for aid, spans in target.spans.items():
        if spans and aid in reviewed.scores.by_kind:
            assert (
                reviewed.scores.by_kind[aid][target.kind.value]
                == report.scores.by_kind[aid][target.kind.value] - 1
            )
    assert unreviewed(reviewed).findings == report.findings


def test_decisions_match_by_kind_and_quotes_not_by_id():
    """A re-run that renumbers findings keeps the decision on the same finding."""
    report = build_report()
    review = _dismiss(report, 1)
    renumbered = replace(
        report,
        findings=tuple(replace(f, id=f"f{n + 10}") for n, f in enumerate(report.findings)),
    )
    reviewed = apply_review(renumbered, review)
    assert [d.finding.id for d in reviewed.review.dismissed] == ["f11"]
    assert reviewed.review.unmatched == 0


def test_same_id_other_quotes_is_not_matched():
    report = build_report()
    f = report.findings[0]
    wrong = Review((Decision(f.id, f.kind.value, (("gazette", "elsewhere"),), True, "x"),))
    reviewed = apply_review(report, wrong)
    assert reviewed.findings == report.findings
    assert reviewed.review.unmatched == 1


def test_notes_restore_and_json_round_trip():
    report = build_report()
    f0, f1 = report.findings[0], report.findings[1]
    review = Review(
        (
            Decision(f0.id, f0.kind.value, quotes_of(f0), True, "duplicate"),
            Decision(f1.id, f1.kind.value, quotes_of(f1), False, "", "check with the desk"),
        ),
        note="Read twice.",
        reviewer="Ed",
        reviewed_at="2026-12-04T10:00:00Z",
    )
    reviewed = apply_review(report, review)
    assert reviewed.review.notes == {f1.id: "check with the desk"}
    assert jsonio.load(jsonio.dump(reviewed)) == reviewed
    assert "review" not in json.loads(jsonio.dump(report))  # unreviewed JSON unchanged
    # restoring (an empty review) brings the finding back where it was
    assert apply_review(reviewed, Review()).findings == report.findings
    assert review_of(reviewed).decisions and review_of(reviewed).note == "Read twice."


def test_review_file_round_trip_and_validation(tmp_path):
    report = build_report()
    review = _dismiss(report, 0)
    path = tmp_path / "review.json"
    path.write_bytes(dump_review(review))
    assert load_review(path) == review
    for bad in (
        '{"findings": [{"kind": "nonsense"}]}',
        "[1]",
        '{"findings": [{"kind": "loaded_term", "quotes": "x"}]}',
        "{not json",
        "[" * 100_000,  # was an internal error (RecursionError), exit 1
        '{"findings": 5}',
    ):
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(UsageError, match="is not a valid review: ") as caught:
            load_review(path)
        assert "Error" not in str(caught.value)  # plain words, no exception class
    with pytest.raises(ValueError, match="longer"):
        review_from_dict({"note": "x" * 5000})


def test_view_lists_dismissed_in_method_and_page_one_counts_them():
    report = build_report()
    reviewed = apply_review(report, _dismiss(report, 0, reason="wire update, not an error"))
    html = render_html(build_view(reviewed, (), options=Options()))
    method = html[html.index('id="method"') :]
    assert "1 finding dismissed by the reviewer" in method
    assert "wire update, not an error" in method
    summary = html[: html.index('id="contents"')]
    assert "How this report was made" in summary
    assert "1 finding dismissed by the reviewer" in summary
    fid = report.findings[0].id
    assert f'data-finding="{fid}"' not in html[: html.index('id="method"')]


def test_script_cannot_close_its_element():
    assert "</" not in scripts()["report"]


@pytest.fixture
def served(tmp_path):
    """A review session over a rendered sample report, served on 127.0.0.1 in a thread."""
    folder = tmp_path / "story"
    options = Options(formats=(OutputFormat.HTML, OutputFormat.JSON))
    report = build_report()
    from compare.report.outputs import atomic_write_many

    atomic_write_many(
        [
            *render_documents(report, folder, options=options),
            *data_outputs(report, folder, options=options),
        ]
    )
    session = ReviewSession(folder, options)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(session, "x"))
    host = f"127.0.0.1:{server.server_address[1]}"
    server.RequestHandlerClass = make_handler(session, host)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{host}", folder, report
    server.shutdown()
    server.server_close()


def _call(url, data=None, headers=None):
    body = None if data is None else json.dumps(data).encode()
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_served_save_writes_review_json_and_rerenders(served):
    url, folder, report = served
    status, state = _call(f"{url}/api/review")
    assert status == 200 and state["findings"] == {}
    target = report.findings[0]
    # without the token: refused, nothing written
    status, _ = _call(f"{url}/api/review", {"findings": []}, {"Content-Type": "application/json"})
    assert status == 403 and not (folder / "review.json").exists()
    post = {
        "reviewer": "Ed",
        "reviewed": True,
        "note": "ok",
        "findings": [{"id": target.id, "decision": "dismissed", "reason": "misread"}],
    }
    headers = {"Content-Type": "application/json", "X-Compare-Token": state["token"]}
    status, after = _call(f"{url}/api/review", post, headers)
    assert status == 200, after
    assert after["findings"][target.id]["decision"] == "dismissed"
    saved = json.loads((folder / "review.json").read_text(encoding="utf-8"))
    assert saved["findings"][0]["kind"] == target.kind.value
    assert saved["findings"][0]["reason"] == "misread" and saved["reviewed_at"]
    written = jsonio.load((folder / "report.json").read_text(encoding="utf-8"))
    assert target.id not in {f.id for f in written.findings}
    assert "misread" in (folder / "report.html").read_text(encoding="utf-8")
    # an unknown finding id is a 400, and the files stay as they were
    bad = {"findings": [{"id": "f999", "decision": "dismissed"}]}
    status, _ = _call(f"{url}/api/review", bad, headers)
    assert status == 400
    assert json.loads((folder / "review.json").read_text(encoding="utf-8")) == saved


def test_served_refuses_other_hosts_and_paths(served):
    url, _folder, _report = served
    request = urllib.request.Request(f"{url}/api/review", headers={"Host": "evil.example"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 403
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(f"{url}/../../etc/passwd", timeout=10)
    assert info.value.code == 404


def test_report_review_reapplies_saved_decisions(tmp_path):
    """``compare report --review`` on a fresh analysis keeps a dismissal (matched by quotes)."""
    inputs = write_articles(tmp_path / "in", FLOOD)
    out = tmp_path / "out"
    first = run_cli(["report", inputs, "--out", out, "--format", "json"], inputs=[inputs])
    assert first.returncode in (0, 3), first.stderr
    [folder] = [p for p in out.iterdir() if p.is_dir()]
    report = jsonio.load((folder / "report.json").read_text(encoding="utf-8"))
    number = next(f for f in report.findings if f.kind == Kind.NUMBER_DISCREPANCY)
    review = Review(
        (Decision(number.id, number.kind.value, quotes_of(number), True, "rescue count updated"),)
    )
    saved = tmp_path / "review.json"
    saved.write_bytes(dump_review(review))
    again = run_cli(
        ["report", inputs, "--out", out, "--format", "json,html", "--review", saved],
        inputs=[inputs],
    )
    assert again.returncode in (0, 3), again.stderr
    redone = jsonio.load((folder / "report.json").read_text(encoding="utf-8"))
    assert quotes_of(number) not in {quotes_of(f) for f in redone.findings}
    assert [d.reason for d in redone.review.dismissed] == ["rescue count updated"]
    assert "rescue count updated" in (folder / "report.html").read_text(encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    bad = run_cli(["report", inputs, "--out", out, "--review", broken], inputs=[inputs])
    assert bad.returncode == 2 and "not a valid review" in bad.stderr


def test_a_report_json_compare_did_not_write_is_a_usage_error(tmp_path):

    for text, why in (('{"schema": 1}', "the field 'story' is missing"), ("[" * 100_000, "nested")):
        (tmp_path / "report.json").write_text(text, encoding="utf-8")
        with pytest.raises(UsageError, match=f"not a report compare wrote: {why}"):
            ReviewSession(tmp_path, Options())


def test_story_folder_needs_report_json(tmp_path):
    from compare.cli.review_server import story_folder

    with pytest.raises(UsageError, match=r"no report\.json"):
        story_folder(tmp_path)
    (tmp_path / "report.json").write_text("{}", encoding="utf-8")
    assert story_folder(tmp_path / "report.json") == tmp_path
    assert Path(tmp_path) == story_folder(tmp_path)
