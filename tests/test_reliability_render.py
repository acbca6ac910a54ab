"""RELIABILITY checklist, rendering and security cases, end to end through the command line.

One folder of hostile inputs (markup and template syntax in the text, an
attribute-injecting outlet label, a non-UTF-8 file name, a NUL byte) is
reported twice: once in this process, with a spy on the PDF fetcher and
umask 022, and once in a headless subprocess with another hash seed.  Most
tests read those two runs; the rest make their own small runs.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from compare.errors import ExitCode
from compare.report import html as render_module
from compare.report.pdf import AssetFetcher

from cli_runs import EPOCH, FLOOD, cli_env, run_cli, run_main, temps, write_articles

HOSTILE_TEXT = (
    "A sign on the bridge read <script>alert(1)</script> </style> "
    "<link rel=attachment href=file:///etc/passwd> <img src=http://127.0.0.1:9/x.png> "
    '{{ 7*7 }} and {% include "x" %} in red paint.'
)
HOSTILE_LABEL = 'Gazette" onmouseover="alert(1)" style="color:red'
FORMATS = ("report.pdf", "report.html", "report.json")


def _hostile_inputs(folder: Path) -> Path:
    gazette = FLOOD["gazette.txt"].replace(
        "outlet: Northfield Gazette", f"outlet: '{HOSTILE_LABEL}'"
    )
    gazette += f"\n{HOSTILE_TEXT}\n"
    write_articles(folder, {"gazette.txt": gazette, "herald.txt": FLOOD["herald.txt"]})
    courier = FLOOD["courier.txt"].replace("the town had", "the town\x00 had")
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(courier.encode("utf-8"))
    return folder


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The hostile folder reported in-process (with a fetch spy) and in a subprocess.

    The in-process run renders in this process (``--jobs 1``: no render
    helper), so the spy sees every fetch; the subprocess renders in its
    helper, and test 53 checks that both give the same bytes.
    """
    base = tmp_path_factory.mktemp("hostile")
    src = _hostile_inputs(base / "in")
    fetched: list[str] = []
    original = AssetFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    class _Capsys:  # run_main's interface, reading this process's stderr is not needed
        def readouterr(self):
            return type("C", (), {"err": ""})()

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        patch.setattr(AssetFetcher, "fetch", spy)
        old_umask = os.umask(0o022)
        try:
            code, _ = run_main(
                ["report", src, "--out", base / "one", "--jobs", "1"], _Capsys(), inputs=[src]
            )
        finally:
            os.umask(old_umask)
    env = cli_env(MPLCONFIGDIR="/dev/null/x", PYTHONHASHSEED="12345")
    second = run_cli(["report", src, "--out", base / "two"], inputs=[src], env=env, timeout=120)
    return {
        "src": src,
        "code": code,
        "one": _story(base / "one"),
        "two": _story(base / "two"),
        "second": second,
        "fetched": fetched,
    }


def _story(out: Path) -> Path:
    [folder] = [p for p in out.iterdir() if p.is_dir()]
    return folder


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pdf_text(runs) -> str:
    return _pdf_text(runs["one"] / "report.pdf")


@pytest.fixture(scope="module")
def html(runs) -> str:
    return (runs["one"] / "report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report_json(runs) -> dict:
    return json.loads((runs["one"] / "report.json").read_text(encoding="utf-8"))


def test_hostile_runs_succeed(runs) -> None:
    assert runs["code"] == ExitCode.OK
    assert runs["second"].returncode == ExitCode.OK, runs["second"].stderr


# 7
def test_7_non_utf8_file_name_is_shown_escaped_in_pdf_html_and_json(
    runs, pdf_text, html, report_json
) -> None:
    shown = f"{runs['src']}/caf\\xe9.txt"
    assert shown in {a["path"] for a in report_json["articles"]}
    assert shown in html
    assert "caf\\xe9.txt" in "".join(pdf_text.split())


# 25
def test_25_nul_byte_is_kept_out_of_the_text_shown_with_a_warning(
    runs, pdf_text, report_json
) -> None:
    [article] = [a for a in report_json["articles"] if a["id"] == "caf\\xe9"]
    offset = article["text"].index("\x00")
    assert article["text"][offset - 8 : offset + 5] == "the town\x00 had"  # original offsets
    assert all("\x00" not in p["text"] for p in article["paragraphs"])
    for span in article["sentences"]:
        assert article["text"][span["start"] : span["end"]] == span["text"]
    assert any("NUL" in w["message"] for w in report_json["warnings"])
    assert "\x00" not in pdf_text and "Critics said the town" in _flat(pdf_text)


# 47, 48
def test_47_48_markup_and_template_syntax_are_literal_and_nothing_is_fetched(
    runs, pdf_text, html
) -> None:
    flat = _flat(pdf_text)
    for literal in ("<script>alert(1)</script>", "<link rel=attachment", "{{ 7*7 }}"):
        assert literal in flat
    assert '{% include "x" %}' in flat.replace("\u201c", '"').replace("\u201d", '"')
    assert "read 49" not in flat and "read 49" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    from compare.report.html import scripts

    own = f"<script>{scripts()['report']}</script>"  # the package's own script (#16), once
    assert html.count(own) == 1
    lowered = html.replace(own, "").lower()
    assert "<script" not in lowered and "<link rel=attachment" not in lowered
    assert "<img src=http" not in lowered
    data = (runs["one"] / "report.pdf").read_bytes()
    assert PdfReader(io.BytesIO(data)).attachments == {}
    assert b"/EmbeddedFile" not in data and b"/URI" not in data
    assert "root:x:0:0" not in pdf_text
    assert runs["fetched"], "the spy saw no fetch at all"
    assert all(u.startswith(("data:", "file:///")) for u in runs["fetched"])
    assert not [u for u in runs["fetched"] if "passwd" in u or "127.0.0.1" in u]


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(tag, name, value) for name, value in attrs]


# 49
def test_49_outlet_label_cannot_inject_attributes(html, pdf_text) -> None:
    parser = _Attributes()
    parser.feed(html)
    names = {name for _tag, name, _value in parser.found}
    assert "onmouseover" not in names
    assert not [v for _t, n, v in parser.found if n == "style" and v and "red" in v]
    for _tag, name, value in parser.found:
        if name in ("class", "id"):
            assert re.fullmatch(r"[\w\- ]*", value or ""), (name, value)
    assert "Gazette&#34; onmouseover=&#34;alert(1)&#34;" in html
    assert 'Gazette" onmouseover="alert(1)"' in _flat(pdf_text)


# 53
def test_53_two_runs_give_identical_pdf_html_and_json(runs) -> None:
    for name in FORMATS:
        assert (runs["one"] / name).read_bytes() == (runs["two"] / name).read_bytes(), name


# 55
def test_55_headless_with_unusable_mplconfigdir_succeeds_with_one_warning(runs) -> None:
    second = runs["second"]
    assert second.returncode == ExitCode.OK
    assert "Traceback" not in second.stderr
    # input warnings ("compare: warning: PATH: …", #16) are the report's, not the environment's
    warnings = [
        line
        for line in second.stderr.splitlines()
        if "WARNING" in line.upper() and not line.startswith("compare: warning: ")
    ]
    assert len(warnings) <= 1, warnings
    assert sorted(p.name for p in runs["two"].iterdir()) == sorted(FORMATS)


# 60
def test_60_new_outputs_are_0644_under_umask_022(runs) -> None:
    for name in FORMATS:
        assert oct((runs["one"] / name).stat().st_mode & 0o777) == "0o644", name
    assert oct(runs["one"].stat().st_mode & 0o777) == "0o755"


# 62
def test_62_pdf_html_and_json_carry_the_same_run_id_and_checksums(
    runs, pdf_text, html, report_json
) -> None:
    run_id = report_json["run_id"]
    assert re.fullmatch(r"[0-9a-f]{16}", run_id)
    assert f"(run {run_id})" in html
    assert f"(run {run_id})" in _flat(pdf_text)
    squashed = "".join(pdf_text.split())
    raw = os.fsencode(runs["src"])
    for name in (b"gazette.txt", b"herald.txt", b"caf\xe9.txt"):
        with open(raw + b"/" + name, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
        assert digest in {a["sha256"] for a in report_json["articles"]}
        assert digest in html
        assert digest in squashed


# 15
def test_15_long_token_is_elided_in_the_pdf_and_whole_in_the_json(tmp_path: Path, capsys) -> None:
    token = "Q" * 200_000
    articles = dict(FLOOD)
    articles["courier.txt"] += f"\nThe attached photo was encoded as {token} by the agency.\n"
    src = write_articles(tmp_path / "in", articles)
    out = tmp_path / "out"
    started = time.monotonic()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        code, err = run_main(
            ["report", src, "--out", out, "--format", "pdf,json"], capsys, inputs=[src]
        )
    assert time.monotonic() - started < 30
    assert code == ExitCode.OK, err
    story = _story(out)
    assert "[199,880 chars]" in _flat(_pdf_text(story / "report.pdf"))
    data = json.loads((story / "report.json").read_text(encoding="utf-8"))
    [courier] = [a for a in data["articles"] if a["id"] == "courier"]
    start = courier["text"].index(token)
    assert any(
        p["start"] <= start and start + len(token) <= p["end"] and token in p["text"]
        for p in courier["paragraphs"]
    )


# 16 (the refusal by default is in test_reliability_inputs)
def test_16_big_article_allowed_then_render_timeout_exits_5_with_old_pdf_intact(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    articles = dict(FLOOD)
    filler = "".join(chr(ord("a") + (i * 7919) % 26) for i in range(2_300_000))
    articles["gazette.txt"] += f"\nThe photo was attached as {filler}\n"
    src = write_articles(tmp_path / "in", articles)
    assert (src / "gazette.txt").stat().st_size > 2_300_000
    out = tmp_path / "out"
    code, err = run_main(
        ["report", src, "--out", out, "--max-article-bytes", "3000000", "--format", "json"],
        capsys,
        inputs=[src],
    )
    assert code == ExitCode.OK, err
    story = _story(out)
    (story / "report.pdf").write_bytes(b"%PDF-old")
    before = {p.name: p.read_bytes() for p in story.iterdir()}
    args = ["report", src, "--out", out, "--max-article-bytes", "3000000", "--render-timeout"]
    code, err = run_main([*args, "0.01"], capsys, inputs=[src])
    assert code == ExitCode.OUTPUT
    assert "render timed out after 0.01 s in pdf stage" in err
    assert {p.name: p.read_bytes() for p in story.iterdir()} == before
    assert temps(out) == []


# 51
def test_51_stylesheet_with_a_url_fails_the_render_loudly_and_keeps_old_outputs(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    sheets = dict(render_module.stylesheets())
    sheets["print"] = sheets["print"] + "body { background: url(file:///etc/passwd) }"
    monkeypatch.setattr(render_module, "stylesheets", lambda: sheets)
    src = write_articles(tmp_path / "in")
    story = tmp_path / "out" / "flood-closes-millbrook-bridge"
    story.mkdir(parents=True)
    for name in FORMATS:
        (story / name).write_bytes(b"old " + name.encode())
    code, err = run_main(["report", src, "--out", tmp_path / "out"], capsys, inputs=[src])
    assert code == ExitCode.INTERNAL
    assert "FatalURLFetchingError" in err and "file:///etc/passwd" in err
    for name in FORMATS:
        assert (story / name).read_bytes() == b"old " + name.encode()
    assert temps(tmp_path / "out") == []


# 54
@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("abc", "must be an integer number of seconds"),
        ("1.5", "must be an integer number of seconds"),
        ("99999999999999", "is past the last second of the year 9999 (253402300799)"),
    ],
)
def test_54_invalid_source_date_epoch_exits_2_with_one_line(
    tmp_path: Path, value: str, why: str
) -> None:
    src = write_articles(tmp_path / "in")
    out = tmp_path / "out"
    result = run_cli(
        ["report", src, "--out", out],
        inputs=[src],
        env=cli_env(SOURCE_DATE_EPOCH=value),
        timeout=60,
    )
    assert result.returncode == ExitCode.USAGE
    assert result.stderr == f"compare: error: SOURCE_DATE_EPOCH {why}\n"
    assert not out.exists()
