"""Render: every template autoescapes, hostile text stays literal, nothing is fetched."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

import pytest
from markupsafe import Markup

from compare.model import Chart
from compare.report.html import (
    environment,
    render_handout_html,
    render_html,
    render_index_html,
    scripts,
    stylesheets,
)
from compare.report.view.build import build_handout, build_index_entry, build_view
from compare.report.view.handout import SingleEntry
from compare.util.options import Options

from sample_report import build_report

HOSTILE = (
    "<script>alert(1)</script> </style> <link rel=attachment href=file:///etc/passwd> "
    '<img src=http://example.invalid/x.png> {{ 7*7 }} {% include "x" %}'
)
LABEL = 'Daily "News" style=color:red onmouseover=x <i>'
OPTIONS = Options()


def _poison(value):
    """Every string in a view replaced by ``<b>``, so every printed field is probed."""
    if dataclasses.is_dataclass(value):
        fields = {f.name: _poison(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **fields)
    if isinstance(value, tuple):
        return tuple(_poison(v) for v in value)
    if isinstance(value, str) and not isinstance(value, Markup):
        return "<b>"
    return value


@pytest.fixture(scope="module")
def report():
    return build_report(inject=HOSTILE, outlet_label=LABEL)


@pytest.fixture(scope="module")
def html(report):
    return render_html(build_view(report, (), options=OPTIONS))


class _Tags(HTMLParser):
    """Collects every start tag and its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_every_template_escapes_b(report):
    charts = [Chart(i, "t", "alt", "caption", "<svg/>") for i in ("coverage", "kinds")]
    view = build_view(report, charts, options=OPTIONS)
    view = _poison(dataclasses.replace(view, headline_texts=((view.outlets[0], "h"),)))
    handout = _poison(build_handout(report, options=OPTIONS))
    entries = (_poison(build_index_entry(report, story_slug="s")),)
    env = environment()
    names = env.list_templates()
    assert {"report.html", "handout.html", "index.html", "_findings.html"} <= set(names)
    for name in names:
        out = env.get_template(name).render(
            view=view,
            handout=handout,
            entries=entries,
            css=stylesheets(),
            js=scripts(),
            singles=(SingleEntry("<b>", "<b>", "", "<b>"),),
            tool="<b>",
        )
        assert "&lt;b&gt;" in out, name
        assert "<b>" not in out, name


def test_autoescape_is_unconditional():
    env = environment()
    assert env.autoescape is True
    assert all(name.endswith(".html") for name in env.list_templates())


def test_hostile_article_text_stays_literal(html):
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/style&gt;" in html and "&lt;link rel=attachment" in html
    assert "{{ 7*7 }}" in html and '{% include "x" %}' not in html  # quotes escaped
    assert "{% include &#34;x&#34; %}" in html
    assert "49" not in html.replace(html[html.index("<style") : html.rindex("</style>")], "")


def test_no_element_from_article_text(html):
    tags = _tags(html)
    assert not [t for t, _ in tags if t in ("link", "iframe", "object")]
    # one script: the package's own file (#16), with no attributes (no src)
    assert [a for t, a in tags if t == "script"] == [{}]
    assert f"<script>{scripts()['report']}</script>" in html
    assert all(a["src"].startswith("data:") for t, a in tags if t == "img")
    assert all(a["href"].startswith("#") for t, a in tags if t == "a")


def test_outlet_label_cannot_inject_attributes(html):
    for _, attrs in _tags(html):
        assert "onmouseover" not in attrs and "style" not in attrs
        for name in ("class", "id"):
            if attrs.get(name):
                assert all(c.isalnum() or c in "- _" for c in attrs[name]), attrs
    assert "Daily &#34;News&#34; style=color:red" in html


def test_report_html_has_sections_and_page_one_facts(html):
    for heading in (
        "Summary",
        "Contents",
        "Charts",
        "Numbers that differ",
        "Outlet profiles",
        "Omitted and added passages",
        "Method and limits",
        "Inputs",
    ):
        assert f"{heading}" in html
    assert "Headline findings" in html and "100%" in html
    assert "about a different event" in html and "binary data (NUL bytes)" in html
    assert '<meta name="dcterms.created" content="2021-03-15T00:00:00Z">' in html


def test_changed_words_are_marked(html):
    assert "<mark>15</mark>" in html and "<mark>Rioters</mark>" in html


def test_handout_and_index(report):
    handout = render_handout_html(build_handout(report, options=OPTIONS))
    assert "Answer key" in handout and "Outlet A" in handout
    exercises = handout[: handout.index("Answer key")]
    assert "Northfield" not in exercises and "<mark>" not in exercises
    index = render_index_html([build_index_entry(report, story_slug="harlow-fire")])
    assert 'href="harlow-fire/report.html"' in index
    assert "Factory fire in Harlow" in index


def test_every_internal_link_has_a_target(html):
    tags = _tags(html)
    ids = [a["id"] for _, a in tags if a.get("id")]
    assert len(ids) == len(set(ids))
    hrefs = {a["href"][1:] for t, a in tags if t == "a" and a.get("href")}
    assert hrefs <= set(ids), hrefs - set(ids)


def test_wording_changes_are_rows_and_serious_kinds_are_cards(html):
    assert html.count('<div class="wrow ') == 2
    assert '<section class="kind-group kind-wording_change layout-rows"' in html
    assert html.count('<article class="finding') == 8  # numbers, attribution, hedges, loaded


def test_passages_print_shortened_and_show_whole_on_screen(report, monkeypatch):
    from compare.report.view import build as view_module

    monkeypatch.setattr(view_module, "PASSAGE_CHARS", 24)
    html = render_html(build_view(report, (), options=OPTIONS))
    assert '<span class="brief">Workers had complained …</span><span class="full">' in html
    css = stylesheets()
    assert (
        ".full { display: none; }" in css["print"] and ".brief { display: none; }" in css["screen"]
    )
    assert "Passages left out" not in html  # omissions print once, per outlet


def test_a_direction_override_in_a_label_or_title_is_shown_not_obeyed():
    # U+202E would print "emiT kroY weN" as "New York Time": one outlet posing as another.
    report = build_report(outlet_label="\u202eemiT kroY weN")
    report = dataclasses.replace(
        report, story=dataclasses.replace(report.story, title="Talks \u202eresume")
    )
    html = render_html(build_view(report, (), options=OPTIONS))
    assert "\u202e" not in html
    assert "&lt;U+202E&gt;emiT kroY weN" in html and "Talks &lt;U+202E&gt;resume" in html
    handout = build_handout(report, options=OPTIONS)
    assert "\u202e" not in handout.title and all("\u202e" not in v for _k, v in handout.key)
