"""A realistic synthetic Report for the rendering tests (charts, view, render, pdf).

Why hand-built: the rendering half must be testable while the analysis half
is written in parallel, and a fixed Report makes the PDF deterministic.  The
story (a fire at an invented textile plant) is made up; every span's text
equals ``article.text[start:end]`` so line references and highlights are
checked against real offsets.  ``inject`` appends hostile or huge text to the
first outlet's first sentence so it reaches a highlighted finding excerpt.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Sequence

from compare.claims.attributed_table import who_says_so
from compare.claims.figures import key_figures
from compare.model import (
    SCHEMA_VERSION,
    Alignment,
    Article,
    CellStatus,
    Finding,
    InputProblem,
    Kind,
    Notice,
    Outlier,
    PairScore,
    Passage,
    Removed,
    Report,
    Scores,
    Sentence,
    Severity,
    Span,
    Story,
)
from compare.pipeline.run import with_tokens
from compare.text.offsets import LineIndex

IDS = ("gazette", "wire", "ledger", "valley")
OUTLETS = {
    "gazette": "Northfield Gazette",
    "wire": "Coastal Wire Service",
    "ledger": "The Morning Ledger",
    "valley": "Valley News Online",
}
DATES = {"gazette": "2021-03-09", "wire": "2021-03-10", "ledger": "2021-03-09", "valley": None}

# One row per passage: article id -> sentence (None: not carried).
_FIRE = "A fire broke out at the Brennan Textiles plant in Harlow on Tuesday night"
PASSAGES: tuple[dict[str, str | None], ...] = (
    {
        "gazette": f"{_FIRE}, killing at least 12 workers, officials said.",
        "wire": f"{_FIRE}, killing 15 workers, officials said.",
        "ledger": "A fire tore through the Brennan Textiles plant in Harlow on Tuesday night, "
        "killing at least 12 workers.",
        "valley": f"{_FIRE}, killing at least 12 workers, officials said.",
    },
    {
        "gazette": "Fire chief Mara Olsen said the blaze started in a storage room.",
        "wire": "Fire chief Mara Olson said the blaze started in a storage room.",
        "ledger": "The blaze allegedly started in a storage room, fire chief Mara Olsen claimed.",
        "valley": "Fire chief Mara Olsen said the blaze started in a storage room.",
    },
    {
        "gazette": "About 200 people were inside the building when the alarm sounded.",
        "wire": "More than 200 people were inside the building when the alarm sounded.",
        "ledger": "About 200 people were inside the building when the alarm sounded.",
        "valley": None,
    },
    {
        "gazette": "Protesters gathered outside the plant gates on Wednesday.",
        "wire": "Protesters gathered outside the plant gates on Wednesday.",
        "ledger": "Rioters gathered outside the plant gates on Wednesday.",
        "valley": "Protesters gathered outside the plant gates Wednesday.",
    },
    {
        "gazette": "Workers had complained about blocked exits for months, "
        "according to a union representative.",
        "wire": "Workers had complained about blocked exits for months, "
        "according to a union representative.",
        "ledger": None,
        "valley": "Workers had complained about blocked exits for months, "
        "according to a union representative.",
    },
    {
        "gazette": "The company said it was cooperating fully with investigators.",
        "wire": "The company said it was co-operating fully with investigators.",
        "ledger": "The company said it was cooperating fully with investigators.",
        "valley": "The firm insisted it was cooperating fully with the inquiry.",
    },
    {
        "gazette": "The regional labor ministry has opened an inquiry.",
        "wire": "The regional labour ministry has opened an inquiry.",
        "ledger": "The regional labor ministry has opened an inquiry.",
        "valley": "The regional labor ministry has opened an inquiry.",
    },
    {
        "gazette": "Firefighters needed four hours to bring the flames under control.",
        "wire": "Firefighters needed four hours to bring the flames under control.",
        "ledger": "Firefighters needed four hours to bring the flames under control.",
        "valley": "Firefighters needed four hours to bring the flames under control.",
    },
    {
        "gazette": None,
        "wire": "The plant, founded in 1987, employs about 1,400 people and supplies "
        "several clothing brands.",
        "ledger": None,
        "valley": None,
    },
    {
        "gazette": "Hospital officials said 34 people were treated for smoke inhalation.",
        "wire": "Hospital officials said 41 people were treated for smoke inhalation.",
        "ledger": "Hospital officials said 34 people were treated for smoke inhalation.",
        "valley": "Hospital officials said 34 people were being treated for smoke inhalation.",
    },
    {
        "gazette": "\u201cIt was chaos,\u201d said one survivor, who asked not to be named.",
        "wire": '"It was chaos," said one survivor, who asked not to be named.',
        "ledger": "\u201cIt was chaos,\u201d said one survivor, who asked not to be named.",
        "valley": "\u201cIt was chaos,\u201d said one survivor, who asked not to be named.",
    },
    {
        "gazette": "Residents described hearing a series of explosions shortly after 9 p.m.",
        "wire": "Residents described hearing a series of explosions shortly after 9pm.",
        "ledger": "Residents described hearing a series of explosions shortly after 9 p.m.",
        "valley": "Residents described hearing a series of explosions shortly after 9 p.m.",
    },
    {
        "gazette": "The mayor declared three days of mourning.",
        "wire": "The mayor declared three days of mourning.",
        "ledger": "The mayor declared three days of mourning.",
        "valley": None,
    },
    {
        "gazette": "Investigators are expected to release preliminary findings next week.",
        "wire": "Investigators are expected to release preliminary findings next week.",
        "ledger": "Investigators reportedly expect to release preliminary findings next week.",
        "valley": "Investigators are expected to release preliminary findings next week.",
    },
    {
        "gazette": None,
        "wire": None,
        "ledger": None,
        "valley": "Valley News has reported on safety problems at the plant since 2019.",
    },
    {
        "gazette": "A vigil is planned for Friday evening in the town square.",
        "wire": None,
        "ledger": "A vigil is planned for Friday evening in the town square.",
        "valley": None,
    },
)

# (kind, severity, weight, passage index, {article: substring}, explanation, time note, label)
_T = "Published a day apart: the later report may reflect an updated count."
FINDINGS: tuple[tuple, ...] = (
    (
        Kind.NUMBER_DISCREPANCY,
        Severity.CRITICAL,
        0.9,
        0,
        {"gazette": "at least 12", "wire": "15", "ledger": "at least 12", "valley": "at least 12"},
        "The death toll differs: three outlets say at least 12 workers died, one says 15.",
        _T,
        '"at least 12" vs "15"',
    ),
    (
        Kind.NUMBER_DISCREPANCY,
        Severity.CRITICAL,
        0.8,
        9,
        {"gazette": "34", "wire": "41", "ledger": "34", "valley": "34"},
        "The number treated in hospital differs: 34 in three outlets, 41 in one.",
        _T,
        '"34" vs "41"',
    ),
    (
        Kind.ATTRIBUTION_CHANGE,
        Severity.HIGH,
        0.7,
        0,
        {"gazette": ", officials said", "ledger": "workers."},
        "One outlet states the death toll as fact; the others attribute it to officials.",
        None,
        '"officials said" dropped',
    ),
    (
        Kind.ATTRIBUTION_CHANGE,
        Severity.HIGH,
        0.6,
        1,
        {"gazette": "said", "ledger": "claimed"},
        'The fire chief "said" in most outlets but "claimed" in one, which suggests doubt.',
        None,
        '"said" vs "claimed"',
    ),
    (
        Kind.HEDGE_CHANGE,
        Severity.HIGH,
        0.5,
        1,
        {"gazette": "the blaze started", "ledger": "allegedly"},
        'One outlet adds "allegedly" to the cause of the fire.',
        None,
        '"allegedly" added',
    ),
    (
        Kind.HEDGE_CHANGE,
        Severity.MEDIUM,
        0.4,
        2,
        {"gazette": "About", "wire": "More than"},
        '"About 200" allows fewer than 200 people; "more than 200" does not.',
        None,
        '"About" vs "More than"',
    ),
    (
        Kind.HEDGE_CHANGE,
        Severity.MEDIUM,
        0.3,
        13,
        {"gazette": "are expected", "ledger": "reportedly expect"},
        'One outlet adds "reportedly" to the timing of the findings.',
        None,
        '"reportedly" added',
    ),
    (
        Kind.LOADED_TERM,
        Severity.HIGH,
        0.55,
        3,
        {"gazette": "Protesters", "ledger": "Rioters"},
        'The people at the gates are "protesters" in most outlets but "rioters" in one.',
        None,
        '"Protesters" vs "Rioters"',
    ),
    (
        Kind.OMITTED_PASSAGE,
        Severity.MEDIUM,
        0.45,
        4,
        {"gazette": "Workers had complained about blocked exits for months"},
        "The Morning Ledger leaves out the workers' complaints about blocked exits.",
        None,
        "complaints about blocked exits omitted",
    ),
    (
        Kind.ADDED_PASSAGE,
        Severity.MEDIUM,
        0.35,
        8,
        {"wire": "The plant, founded in 1987, employs about 1,400 people"},
        "Only the wire service gives the plant's background.",
        None,
        "plant background added",
    ),
    (
        Kind.ADDED_PASSAGE,
        Severity.LOW,
        0.3,
        14,
        {"valley": "Valley News has reported on safety problems at the plant since 2019."},
        "Only Valley News refers to its own earlier coverage.",
        None,
        "own coverage mentioned",
    ),
    (
        Kind.WORDING_CHANGE,
        Severity.MEDIUM,
        0.3,
        5,
        {"gazette": "company said", "valley": "firm insisted"},
        '"insisted" makes the company sound defensive where others say it "said".',
        None,
        '"said" vs "insisted"',
    ),
    (
        Kind.WORDING_CHANGE,
        Severity.LOW,
        0.2,
        9,
        {"gazette": "were treated", "valley": "were being treated"},
        "One outlet says people were still being treated.",
        None,
        '"were being treated"',
    ),
    (
        Kind.NAME_VARIANT,
        Severity.LOW,
        0.2,
        1,
        {"gazette": "Olsen", "wire": "Olson"},
        "The fire chief's surname is spelt two ways.",
        None,
        '"Olsen" vs "Olson"',
    ),
    (
        Kind.STYLE_VARIANT,
        Severity.COSMETIC,
        0.1,
        5,
        {"gazette": "cooperating", "wire": "co-operating"},
        "Hyphenation differs.",
        None,
        '"cooperating" vs "co-operating"',
    ),
    (
        Kind.STYLE_VARIANT,
        Severity.COSMETIC,
        0.1,
        3,
        {"gazette": "on Wednesday", "valley": "Wednesday"},
        'House style on "on" before weekdays differs.',
        None,
        '"on Wednesday" vs "Wednesday"',
    ),
    (
        Kind.STYLE_VARIANT,
        Severity.COSMETIC,
        0.05,
        11,
        {"gazette": "9 p.m", "wire": "9pm"},
        "Time style differs.",
        None,
        '"9 p.m." vs "9pm"',
    ),
    (
        Kind.SPELLING_VARIANT,
        Severity.COSMETIC,
        0.1,
        6,
        {"gazette": "labor", "wire": "labour"},
        "US and UK spelling of the same word.",
        None,
        '"labor" vs "labour"',
    ),
    (
        Kind.TYPOGRAPHY,
        Severity.COSMETIC,
        0.0,
        10,
        {"gazette": "\u201cIt was chaos,\u201d", "wire": '"It was chaos,"'},
        "Curly and straight quotes.",
        None,
        "quote style",
    ),
)

OUTLIER_TEXT = (
    "Metro Daily\n\nA warehouse fire in Portside on Sunday caused no injuries, "
    "the harbour authority said.\n\nCrews contained the fire within an hour.\n"
)


def _article(
    aid: str,
    outlet: str,
    text: str,
    sentences: Sequence[tuple[int, str]],
    *,
    published: str | None,
    removed: Sequence[tuple[str, str]] = (),
) -> Article:
    lines = LineIndex(text)
    sents = []
    for index, (paragraph, sentence) in enumerate(sentences):
        start = text.index(sentence)
        sents.append(
            Sentence(
                aid, index, paragraph, start, start + len(sentence), lines.line(start), sentence
            )
        )
    cut = tuple(
        Removed(Span(aid, text.index(t), text.index(t) + len(t), lines.line(text.index(t)), t), r)
        for t, r in removed
    )
    return Article(
        id=aid,
        path=f"articles/{aid}.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        outlet=outlet,
        outlet_source="front matter 'outlet'",
        title=None,
        published=published,
        published_source="front matter 'date'" if published else "none",
        credits=("Reuters",) if aid == "wire" else (),
        removed=cut,
        sentences=tuple(sents),
        words=len(text.split()),
    )


def build_articles(*, inject: str = "", outlet_label: str | None = None) -> tuple[Article, ...]:
    """The four compared articles plus the outlier, texts with a title and boilerplate."""
    articles = []
    for aid in IDS:
        carried = [(i, row[aid]) for i, row in enumerate(PASSAGES) if row[aid] is not None]
        if aid == "gazette" and inject:
            carried[0] = (0, carried[0][1] + " " + inject)
        head = f"{OUTLETS[aid]}\nFactory fire in Harlow\n\nShare this article\n\n"
        body = "\n\n".join(s for _, s in carried)
        text = head + body + "\n\nSubscribe to our newsletter for daily updates.\n"
        label = outlet_label if (outlet_label and aid == "gazette") else OUTLETS[aid]
        boiler = [
            ("Share this article", "social sharing prompt"),
            ("Subscribe to our newsletter for daily updates.", "newsletter prompt"),
        ]
        articles.append(
            _article(
                aid,
                label,
                text,
                [(p, s) for p, (_, s) in enumerate(carried)],
                published=DATES[aid],
                removed=boiler,
            )
        )
    sentences = [(0, s) for s in OUTLIER_TEXT.split("\n\n")[1:]]
    sentences = [(i, s.strip()) for i, (_, s) in enumerate(sentences)]
    articles.append(
        _article("metro", "Metro Daily", OUTLIER_TEXT, sentences, published="2021-03-14")
    )
    return tuple(articles)


def _span(article: Article, passage: int, needle: str) -> Span:
    index = [i for i, row in enumerate(PASSAGES) if row[article.id] is not None].index(passage)
    sentence = article.sentences[index]
    start = article.text.index(needle, sentence.start)
    return Span(article.id, start, start + len(needle), LineIndex(article.text).line(start), needle)


def _scores(
    articles: dict[str, Article], passages: tuple[Passage, ...], findings: tuple[Finding, ...]
) -> Scores:
    cells: dict[str, dict[str, CellStatus]] = {aid: {} for aid in IDS}
    for i, row in enumerate(PASSAGES):
        carriers = [a for a in IDS if row[a] is not None]
        common = max(carriers, key=lambda a: sum(row[b] == row[a] for b in carriers))
        for aid in IDS:
            if row[aid] is None:
                if len(carriers) > 1:
                    cells[aid][passages[i].id] = CellStatus.OMITTED
            elif len(carriers) == 1:
                cells[aid][passages[i].id] = CellStatus.ONLY_HERE
            else:
                same = row[aid] == row[common]
                cells[aid][passages[i].id] = CellStatus.SAME if same else CellStatus.REWORDED
    shared = [p for p in passages if len(p.cells) > 1]
    coverage = {a: sum(a in p.cells for p in shared) / len(shared) for a in IDS}
    reworded = {
        a: sum(s == CellStatus.REWORDED for s in cells[a].values())
        / max(1, sum(s in (CellStatus.SAME, CellStatus.REWORDED) for s in cells[a].values()))
        for a in IDS
    }
    pairs = []
    for x, a in enumerate(IDS):
        for b in IDS[x + 1 :]:
            both = [r for r in PASSAGES if r[a] is not None and r[b] is not None]
            sim = sum(difflib.SequenceMatcher(None, r[a], r[b]).ratio() for r in both)
            pairs.append(PairScore(a, b, round(sim / max(1, len(both)), 3)))
    by_kind: dict[str, dict[str, int]] = {a: {} for a in IDS}
    for f in findings:
        for aid in f.spans:
            by_kind[aid][f.kind.value] = by_kind[aid].get(f.kind.value, 0) + 1
    divergence = {
        a: round(1 - sum(p.similarity for p in pairs if a in (p.a, p.b)) / (len(IDS) - 1), 3)
        for a in IDS
    }
    return Scores(
        pairs=tuple(pairs),
        coverage=coverage,
        reworded=reworded,
        divergence=divergence,
        by_kind=by_kind,
        cells=cells,
        typography={"gazette": 0, "wire": 1, "ledger": 0, "valley": 0},
    )


def build_report(*, inject: str = "", outlet_label: str | None = None) -> Report:
    """The sample Report; ``inject`` text lands in the first finding's excerpt."""
    articles = build_articles(inject=inject, outlet_label=outlet_label)
    by_id = {a.id: a for a in articles}
    passages = []
    for i, row in enumerate(PASSAGES):
        cells = {}
        for aid in IDS:
            if row[aid] is not None:
                cells[aid] = ([j for j, r in enumerate(PASSAGES) if r[aid] is not None].index(i),)
        passages.append(Passage(f"p{i + 1}", cells))
    findings = []
    for n, (kind, sev, weight, p, needles, expl, note, label) in enumerate(FINDINGS, 1):
        spans = {aid: (_span(by_id[aid], p, needle),) for aid, needle in needles.items()}
        findings.append(Finding(f"f{n}", kind, sev, f"p{p + 1}", spans, expl, note, label, weight))
    findings.sort(key=lambda f: (f.severity, -f.weight))
    story = Story(
        id="factory-fire-in-harlow",
        title="Factory fire in Harlow",
        articles=articles,
        outliers=(
            Outlier(
                "metro",
                "about a different event: a warehouse fire in Portside "
                "five days later (shares 6% of its vocabulary with the others)",
            ),
        ),
    )
    settings = {
        "align_threshold": "0.35",
        "outlier_similarity": "0.25",
        "outlier_days": "4",
        "max_token_chars": "120",
    }
    # Page 1's key tables (#14), built from the sample's own text and findings.
    compared = [with_tokens(a) for a in articles if a.id in IDS]
    return Report(
        schema=SCHEMA_VERSION,
        tool_version="0.1.0",
        generated="2021-03-15T00:00:00Z",
        run_id="run-0001",
        story=story,
        alignment=Alignment(IDS, tuple(passages)),
        findings=tuple(findings),
        scores=_scores(by_id, tuple(passages), tuple(findings)),
        problems=(InputProblem("articles/broken.txt", "binary data (NUL bytes)"),),
        warnings=(Notice("articles/valley.txt", "no publication date found"),),
        settings=settings,
        key_figures=key_figures(compared, findings),
        who_says_so=who_says_so(compared, findings, Alignment(IDS, tuple(passages))),
    )
