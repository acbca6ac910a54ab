"""report.json: the Report serialised, and read back (``load(dump(r)) == r``).

Why a hand-written mapping rather than ``dataclasses.asdict``: the JSON is a
contract other programs rely on (DESIGN.md §4), so its field names are fixed
here and only ever extended.  Extensions beyond the contract: article
``text``/``encoding``/``url``/``credits``/``paragraphs``/``sentences``,
removed ``start``/``end``, cell entries' sentence ``index``, finding
``label``/``weight``/``confidence``, ``story``, ``run_id``, ``warnings``,
``settings``, ``review`` (#16, only when a reviewer's decisions were
applied), ``headlines`` (#15), ``key_figures`` and ``who_says_so`` (#14).
Tokens are not stored; ``segment.retokenize`` restores them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from compare.align.segment import retokenize
from compare.ingest.headlines import headline_text
from compare.model import (
    Alignment,
    Article,
    CellStatus,
    Dismissal,
    FigureCell,
    Finding,
    InputProblem,
    KeyFigure,
    Kind,
    Notice,
    Outlier,
    PairScore,
    Passage,
    Removed,
    Report,
    ReviewState,
    SaysCell,
    SaysRow,
    Scores,
    Sentence,
    Severity,
    Span,
    Story,
)


def _span(span: Span) -> dict[str, Any]:
    return {"text": span.text, "start": span.start, "end": span.end, "line": span.line}


def _span_in(article_id: str, d: Mapping[str, Any]) -> Span:
    return Span(article_id, d["start"], d["end"], d["line"], d["text"])


def _article(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "path": a.path,
        "sha256": a.sha256,
        "outlet": a.outlet,
        "outlet_source": a.outlet_source,
        "title": a.title,
        "published": a.published,
        "published_source": a.published_source,
        "words": a.words,
        "removed": [{**_span(r.span), "reason": r.reason} for r in a.removed],
        "encoding": a.encoding,
        "url": a.url,
        "credits": list(a.credits),
        "paragraphs": [_span(p) for p in a.paragraphs],
        "sentences": [
            {"index": s.index, "paragraph": s.paragraph, **_span(_sentence_span(s))}
            for s in a.sentences
        ],
        "text": a.text,
        "text_origin": a.text_origin,
    }


def _sentence_span(s: Sentence) -> Span:
    return Span(s.article_id, s.start, s.end, s.line, s.text)


def _article_in(d: Mapping[str, Any]) -> Article:
    aid = d["id"]
    sentences = tuple(
        retokenize(
            Sentence(aid, s["index"], s["paragraph"], s["start"], s["end"], s["line"], s["text"])
        )
        for s in d["sentences"]
    )
    return Article(
        id=aid,
        path=d["path"],
        sha256=d["sha256"],
        text=d["text"],
        outlet=d["outlet"],
        outlet_source=d["outlet_source"],
        title=d["title"],
        published=d["published"],
        published_source=d["published_source"],
        encoding=d["encoding"],
        url=d["url"],
        credits=tuple(d["credits"]),
        paragraphs=tuple(_span_in(aid, p) for p in d["paragraphs"]),
        removed=tuple(Removed(_span_in(aid, r), r["reason"]) for r in d["removed"]),
        sentences=sentences,
        words=d["words"],
        text_origin=d.get("text_origin", "file"),
    )


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "id": f.id,
        "kind": str(f.kind),
        "severity": int(f.severity),
        "passage": f.passage_id,
        "spans": {aid: [_span(s) for s in spans] for aid, spans in f.spans.items()},
        "explanation": f.explanation,
        "time_note": f.time_note,
        "label": f.label,
        "weight": f.weight,
        "confidence": f.confidence,
    }


def _finding_in(d: Mapping[str, Any]) -> Finding:
    return Finding(
        id=d["id"],
        kind=Kind(d["kind"]),
        severity=Severity(d["severity"]),
        passage_id=d["passage"],
        spans={aid: tuple(_span_in(aid, s) for s in v) for aid, v in d["spans"].items()},
        explanation=d["explanation"],
        time_note=d["time_note"],
        label=d["label"],
        weight=d["weight"],
        confidence=d.get("confidence", 1.0),
    )


def _scores(s: Scores) -> dict[str, Any]:
    return {
        "pairs": [{"a": p.a, "b": p.b, "similarity": p.similarity} for p in s.pairs],
        "coverage": dict(s.coverage),
        "reworded": dict(s.reworded),
        "divergence": dict(s.divergence),
        "by_kind": {a: dict(k) for a, k in s.by_kind.items()},
        "cells": {p: {a: str(c) for a, c in row.items()} for p, row in s.cells.items()},
        "typography": dict(s.typography),
        "partial": list(s.partial),
    }


def _scores_in(d: Mapping[str, Any]) -> Scores:
    return Scores(
        pairs=tuple(PairScore(p["a"], p["b"], p["similarity"]) for p in d["pairs"]),
        coverage=dict(d["coverage"]),
        reworded=dict(d["reworded"]),
        divergence=dict(d["divergence"]),
        by_kind={a: dict(k) for a, k in d["by_kind"].items()},
        cells={p: {a: CellStatus(c) for a, c in row.items()} for p, row in d["cells"].items()},
        typography=dict(d["typography"]),
        partial=tuple(d.get("partial", ())),
    )


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, in the contract's field order."""
    articles = {a.id: a for a in report.story.articles}
    passages = []
    for p in report.alignment.passages:
        cells = {
            aid: [{"index": i, **_span(_sentence_span(articles[aid].sentences[i]))} for i in idx]
            for aid, idx in p.cells.items()
        }
        passages.append({"id": p.id, "cells": cells})
    return {
        "schema": report.schema,
        "tool_version": report.tool_version,
        "generated": report.generated,
        "run_id": report.run_id,
        "story": {
            "id": report.story.id,
            "title": report.story.title,
            "outliers": [{"id": o.article_id, "reason": o.reason} for o in report.story.outliers],
        },
        "articles": [_article(a) for a in report.story.articles],
        "compared": list(report.alignment.article_ids),
        "passages": passages,
        "findings": [_finding(f) for f in report.findings],
        "scores": _scores(report.scores),
        "problems": [{"path": p.path, "message": p.message} for p in report.problems],
        "warnings": [{"path": w.path, "message": w.message} for w in report.warnings],
        "settings": dict(report.settings),
        **({} if report.review is None else {"review": _review(report.review)}),
        # Added in #15 (schema 1 readers ignore it): each compared article's
        # headline, the cells of the "headline" passage when there is one.
        "headlines": [
            {"article": a.id, "text": text}
            for a in report.story.articles
            if a.id in report.alignment.article_ids and (text := headline_text(a)) is not None
        ],
        "key_figures": [_key_figure(k) for k in report.key_figures],
        "who_says_so": [_says_row(r) for r in report.who_says_so],
    }


def _says_row(r: SaysRow) -> dict[str, Any]:
    return {
        "claim": r.claim,
        "cells": [
            {
                "article": c.article_id,
                "status": c.status,
                "source": c.source,
                "quote": c.quote,
                "finding": c.finding_id,
                "span": None if c.span is None else _span(c.span),
            }
            for c in r.cells
        ],
    }


def _says_row_in(d: Mapping[str, Any]) -> SaysRow:
    return SaysRow(
        claim=d["claim"],
        cells=tuple(
            SaysCell(
                article_id=c["article"],
                status=c["status"],
                source=c["source"],
                quote=c["quote"],
                finding_id=c["finding"],
                span=None if c.get("span") is None else _span_in(c["article"], c["span"]),
            )
            for c in d["cells"]
        ),
    )


def _review(r: ReviewState) -> dict[str, Any]:
    """The reviewer's decisions: dismissed findings whole, so a later review can restore them."""
    return {
        "dismissed": [
            {
                "finding": _finding(d.finding),
                "reason": d.reason,
                "reviewer": d.reviewer,
                "at": d.at,
                "position": d.position,
            }
            for d in r.dismissed
        ],
        "notes": dict(r.notes),
        "note": r.note,
        "reviewer": r.reviewer,
        "reviewed_at": r.reviewed_at,
        "unmatched": r.unmatched,
    }


def _review_in(d: Mapping[str, Any]) -> ReviewState:
    return ReviewState(
        dismissed=tuple(
            Dismissal(_finding_in(x["finding"]), x["reason"], x["reviewer"], x["at"], x["position"])
            for x in d["dismissed"]
        ),
        notes=dict(d["notes"]),
        note=d["note"],
        reviewer=d["reviewer"],
        reviewed_at=d["reviewed_at"],
        unmatched=d["unmatched"],
    )


def _bound(x: float) -> float | None:
    """JSON has no infinity: an open upper bound ("at least 13") is null."""
    return None if x == float("inf") else x


def _key_figure(k: KeyFigure) -> dict[str, Any]:
    return {
        "what": k.what,
        "finding": k.finding,
        "discrepancy": k.discrepancy,
        "cells": {
            aid: [
                {
                    "text": c.text,
                    "qualifier": c.qualifier,
                    "unit": c.unit,
                    "low": c.low,
                    "high": _bound(c.high),
                    "published": c.published,
                    "span": _span(c.span),
                }
                for c in cells
            ]
            for aid, cells in k.cells.items()
        },
    }


def _key_figure_in(d: Mapping[str, Any]) -> KeyFigure:
    return KeyFigure(
        what=d["what"],
        cells={
            aid: tuple(
                FigureCell(
                    text=c["text"],
                    qualifier=c["qualifier"],
                    unit=c["unit"],
                    low=c["low"],
                    high=float("inf") if c["high"] is None else c["high"],
                    published=c["published"],
                    span=_span_in(aid, c["span"]),
                )
                for c in cells
            )
            for aid, cells in d["cells"].items()
        },
        finding=d["finding"],
        discrepancy=d["discrepancy"],
    )


def dump(report: Report) -> str:
    """report.json text: UTF-8 friendly, stable key order, trailing newline."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=1) + "\n"


def load(text: str) -> Report:
    """Read report.json text back into a Report."""
    d = json.loads(text)
    story = Story(
        id=d["story"]["id"],
        title=d["story"]["title"],
        articles=tuple(_article_in(a) for a in d["articles"]),
        outliers=tuple(Outlier(o["id"], o["reason"]) for o in d["story"]["outliers"]),
    )
    alignment = Alignment(
        article_ids=tuple(d["compared"]),
        passages=tuple(
            Passage(
                p["id"],
                {aid: tuple(c["index"] for c in cells) for aid, cells in p["cells"].items()},
            )
            for p in d["passages"]
        ),
    )
    return Report(
        schema=d["schema"],
        tool_version=d["tool_version"],
        generated=d["generated"],
        run_id=d["run_id"],
        story=story,
        alignment=alignment,
        findings=tuple(_finding_in(f) for f in d["findings"]),
        scores=_scores_in(d["scores"]),
        problems=tuple(InputProblem(p["path"], p["message"]) for p in d["problems"]),
        warnings=tuple(Notice(w["path"], w["message"]) for w in d["warnings"]),
        settings=dict(d["settings"]),
        review=_review_in(d["review"]) if d.get("review") is not None else None,
        key_figures=tuple(_key_figure_in(k) for k in d.get("key_figures", ())),
        who_says_so=tuple(_says_row_in(r) for r in d.get("who_says_so", ())),
    )
