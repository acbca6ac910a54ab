"""Property tests: arbitrary bytes through ingest and segment; fuzzed front matter.

Bounded (examples and per-example deadline) so the file runs in a few
seconds in CI.  The invariant behind every "quote the exact text" claim in
a report: whatever the bytes, ingest gives either an Article whose
paragraph, sentence and token spans slice its decoded text exactly, or an
InputProblem naming the file — never an exception.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from compare.align.segment import segment
from compare.ingest.frontmatter import split_front_matter
from compare.ingest.run import ingest
from compare.text.normalize import strip_invisible
from compare.util.options import Options

OPTIONS = Options(max_article_bytes=64 * 1024)
_FOLDER = Path(tempfile.mkdtemp(prefix="compare-properties-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)

_PIECES = [
    "---\n",
    "--- \r\n",
    "title: T\n",
    "date: 1e400\n",
    "outlet: &a x\n",
    "*a\n",
    "!!python/object/apply:os.system [x]\n",
    "date 2020-10-17\n",
    "\n\n",
    "\r",
    "\r\n",
    "\x0c",
    "\u2028",
    "\x85",
    "Advertisement\n",
    "The U.S. Gov. said 1,234.5 people fled.",
    " Mr. Olsen (AP Photo) said: ",
    "\x00",
    "\ufeff",
    "e\u0301",
    "\u00ad",
    "\u200b",
    "Q" * 300,
    "<script>",
    "{{ 7*7 }}",
]

_BYTES = st.one_of(
    st.binary(max_size=800),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(_PIECES), max_size=25).map(lambda p: "".join(p).encode("utf-8")),
    st.lists(st.sampled_from(_PIECES), max_size=25).map(lambda p: "".join(p).encode("utf-16")),
    st.lists(st.sampled_from(_PIECES[8:]), max_size=25).map(
        lambda p: "".join(p).encode("cp1252", "replace")
    ),
)


@settings(
    max_examples=120,
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    derandomize=True,
)
@given(_BYTES)
@example(b"")
@example(b"\xef\xbb\xbf---\ntitle: x\n---\nBody text here.")
@example("Caf\u00e9 r\u00e9sum\u00e9.\r\nSecond line.\rThird.".encode("utf-16-le"))
@example(b"A sentence.\x00 Another one.\x00\x00")
def test_any_bytes_give_an_exact_article_or_a_problem(data: bytes) -> None:
    path = _FOLDER / "any.txt"
    path.write_bytes(data)
    result = ingest([path], options=OPTIONS)
    assert len(result.articles) + len(result.problems) == 1
    for problem in result.problems:
        assert problem.path == str(path) and problem.message
        assert not problem.message.startswith("internal error"), problem.message
    for raw in result.articles:
        article = segment(raw)
        text = article.text
        assert not any("\ud800" <= c <= "\udfff" for c in text)
        assert article.paragraphs
        for span in (*article.paragraphs, *(r.span for r in article.removed)):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        last = -1
        for sentence in article.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
            assert sentence.start >= last
            last = sentence.end
            for token in sentence.tokens:
                assert sentence.start <= token.start < token.end <= sentence.end
                # as printed: invisible characters left out, offsets kept (issue #19)
                assert strip_invisible(text[token.start : token.end]) == token.text
            assert "\x00" not in sentence.text


_YAML_TOKENS = st.sampled_from(
    [
        "---",
        "--- ",
        "\n",
        "\r\n",
        "\r",
        "title: ",
        "date: ",
        "outlet: ",
        "author: ",
        "url: ",
        "&x ",
        "*x ",
        "<<: *x",
        "!!python/name:os.system ",
        "!custom ",
        "[",
        "]",
        "{",
        "}",
        "- ",
        "? ",
        ": ",
        ", ",
        "'",
        '"',
        "\t",
        "#",
        "|",
        ">",
        "%YAML 1.1",
        "...",
        "no",
        "2020-02-30",
        "1e400",
        ".nan",
        "~",
        "\x00",
        "\ufeff",
        "é",
        "Body.",
    ]
)


@settings(max_examples=400, deadline=1000, derandomize=True)
@given(st.lists(_YAML_TOKENS, max_size=60).map("".join), st.text(max_size=40))
@example("---\n" + "[" * 100_000 + "\n---\nBody.", "")
@example("---\n" + "- " * 20_000 + "x\n---\nBody.", "")
@example("---\na: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n---\nBody.", "")
@example("---\ntitle: " + "x" * 70_000 + "\n---\nBody.", "")
def test_fuzzed_front_matter_is_split_fast_and_never_raises(head: str, body: str) -> None:
    text = head + body
    started = time.monotonic()
    fm = split_front_matter(text)
    assert time.monotonic() - started < 0.5
    assert 0 <= fm.body_start <= len(text)
    assert (fm.body_start == 0) == (fm.lines == 0)
    if fm.body_start:
        closing = text[: fm.body_start].rstrip("\r\n").rstrip(" \t")
        assert closing.endswith("---")
        assert text.startswith("---")
    for field in fm.fields.values():
        assert field.values and all(isinstance(v, str) for v in field.values)
        assert field.line >= 2
    assert all(isinstance(n, str) and n for n in fm.notices)


# Words that drive every rule family: reporting verbs, hedges, figures and
# their styles, loaded terms, names, dates, quotes and bare punctuation.
_WORD_LIST = (
    "the a police said says claimed Kestria Lorvan Ms. Dr. river by force 12 1,200 3.5 "
    "at least about 14 fled crumbling regime government may be between and 10 15 $5m 5 "
    "million £4bn per cent % Sept. 27 September 2020 , . \" “ ” ' ( ) — – - ; : according "
    "to officials witnesses admitted criticised lambasted tweeted found that denied accused "
    "of what it called alleged reportedly so-called one two dozens hundreds colour color"
)
_WORDS = _WORD_LIST.split()
_SENTENCE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14).map(" ".join)


@settings(
    max_examples=100,
    deadline=5000,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(_SENTENCE, min_size=1, max_size=6),
    st.lists(st.lists(st.integers(0, 5), max_size=4), min_size=2, max_size=3),
)
def test_any_story_gives_exact_quotes_and_never_raises(base: list[str], edits: list) -> None:
    """Outlets made of the same sentences, each lightly edited: analysis never raises,
    and every span of every finding quotes its article's text exactly."""
    from compare.pipeline.run import analyze_story

    from builders import story_from_texts

    texts = {}
    for n, picks in enumerate(edits):
        sentences = list(base)
        for k in picks:  # drop, repeat or cut a sentence: what editors do
            i = k % len(sentences)
            if k % 3 == 0 and len(sentences) > 1:
                sentences.pop(i)
            elif k % 3 == 1:
                sentences.insert(i, sentences[i])
            else:
                sentences[i] = sentences[i].rsplit(" ", 1)[0]
        texts[f"o{n}"] = " ".join(
            s.capitalize() if s[-1] in ".!?" else s.capitalize() + "." for s in sentences
        )
    story = story_from_texts(texts)
    report = analyze_story(story, options=Options())
    articles = {a.id: a for a in story.articles}
    for finding in report.findings:
        for aid, spans in finding.spans.items():
            for span in spans:
                assert articles[aid].text[span.start : span.end] == span.text
