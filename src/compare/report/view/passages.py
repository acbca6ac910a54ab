"""The omitted and added passages section: per outlet, each passage once.

Why apart from ``view``: this section reads the coverage cells and the
passage findings together (which outlet leaves what out, which passages are
only one outlet's), a job of its own beside the findings cards; it formats
what the analysis decided and never decides anything itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from compare.model import CellStatus, Finding, Kind, Passage, Report
from compare.report.view.model import FindingView, OutletPassages, OutletView, PassageExcerpt
from compare.report.view.text import Source, clip, format_percent, plural, runs, sentences, slug


class Builder(Protocol):
    """What this section reads from the report view's shared lookups (``view._Builder``).

    Why a protocol and not an import of ``view``: ``view`` builds the whole
    report view and calls this module, so importing it back made a cycle
    (issue #17).  The builder fits this shape as it is; mypy checks it where
    ``view`` passes it in.
    """

    @property
    def report(self) -> Report: ...
    @property
    def ids(self) -> tuple[str, ...]: ...
    @property
    def order(self) -> Sequence[str]: ...
    @property
    def passages(self) -> Mapping[str, Passage]: ...
    @property
    def sources(self) -> Mapping[str, Source]: ...
    @property
    def passage_chars(self) -> int: ...
    def status(self, aid: str, passage_id: str | None) -> str: ...
    def cell(self, passage_id: str | None, aid: str) -> tuple[int, int] | None: ...
    def name(self, aid: str) -> str: ...
    def outlet(self, aid: str) -> OutletView: ...
    def quote(self, source: Source, start: int, end: int) -> str: ...


def passage_sections(
    b: Builder, findings: Sequence[tuple[Finding, FindingView]]
) -> tuple[OutletPassages, ...]:
    """Per outlet: passages it leaves out and passages only it carries, each once.

    A passage a finding is about carries the finding's anchor and reason, so
    headline links land on it; the rest come from the coverage cells.  A brief
    outlet's unflagged omissions are summarised in one line (``Scores.partial``).
    """
    cells = b.report.scores.cells
    flagged: dict[tuple[str, str, str], FindingView] = {}
    for finding, view in findings:
        pid = finding.passage_id or ""
        if finding.kind == Kind.OMITTED_PASSAGE:
            quoted = {a for a in b.ids if finding.spans.get(a)}
            omitting = [a for a in b.ids if b.status(a, pid) == CellStatus.OMITTED]
            omitting = omitting or [a for a in b.ids if a not in quoted]
            for aid in omitting:
                flagged.setdefault(("omitted", aid, pid), view)
        else:
            owners = [a for a in b.ids if finding.spans.get(a)]
            for aid in owners:
                flagged.setdefault(("added", aid, pid), view)
    result = []
    placed: set[str] = set()
    for aid in b.ids:
        row = cells.get(aid, {})
        omitted_ids = [p for p in b.order if row.get(p) == CellStatus.OMITTED]
        omitted_ids += [
            pid
            for (what, a, pid) in flagged
            if what == "omitted" and a == aid and pid not in omitted_ids
        ]
        added_ids = [p for p in b.order if row.get(p) == CellStatus.ONLY_HERE]
        added_ids += [
            pid
            for (what, a, pid) in flagged
            if what == "added" and a == aid and pid not in added_ids
        ]
        share = b.report.scores.coverage.get(aid)
        brief = aid in b.report.scores.partial and bool(omitted_ids)
        listed = [p for p in omitted_ids if not brief or ("omitted", aid, p) in flagged]
        summary = ""
        if brief:
            rest = [p for p in omitted_ids if p not in listed]
            summary = (
                f"Outlet {b.name(aid)} carries only {format_percent(share or 0)} of the "
                f"shared passages, so it is probably a brief or a follow-up. It leaves out "
                f"{plural(len(omitted_ids), 'passage')} that other outlets carry"
                + (f"; not quoted here: {runs(rest, b.order)}" if rest else "")
                + "."
                + (
                    f" The {plural(len(listed), 'omission')} the analysis flags "
                    f"{'is' if len(listed) == 1 else 'are'} quoted below."
                    if listed
                    else ""
                )
            )
        omitted = [
            _entry(b, p, _omitted_source(b, p), flagged.get(("omitted", aid, p)), placed)
            for p in listed
        ]
        added = [_entry(b, p, aid, flagged.get(("added", aid, p)), placed) for p in added_ids]
        heading = ", ".join(
            filter(
                None,
                (
                    f"leaves out {plural(len(omitted_ids), 'passage')}" if omitted_ids else "",
                    f"{plural(len(added_ids), 'passage')} of its own" if added_ids else "",
                ),
            )
        )
        result.append(
            OutletPassages(
                b.outlet(aid),
                tuple(e for e in omitted if e is not None),
                tuple(e for e in added if e is not None),
                summary,
                heading or "carries every shared passage and has none of its own",
                f"passages-{slug(b.name(aid))}",
            )
        )
    return tuple(result)


def _omitted_source(b: Builder, passage_id: str) -> str | None:
    """The outlet to quote an omitted passage from: one in the shared wording first."""
    passage = b.passages.get(passage_id)
    if passage is None:
        return None
    carriers = [a for a in b.ids if a in passage.cells]
    same = [a for a in carriers if b.status(a, passage_id) == CellStatus.SAME]
    return next(iter(same or carriers), None)


def _entry(
    b: Builder, passage_id: str, aid: str | None, view: FindingView | None, placed: set[str]
) -> PassageExcerpt | None:
    """One quoted passage; the first entry of a finding takes its anchor."""
    cell = None if aid is None else b.cell(passage_id, aid)
    if aid is None or cell is None:
        return None
    source = b.sources[aid]
    full = b.quote(source, *cell)
    anchor, note, severity = "", "", ""
    if view is not None:
        if view.anchor not in placed:
            anchor = view.anchor
            placed.add(anchor)
        parts = sentences(view.explanation)
        note = " ".join(parts[1:]) if len(parts) > 1 else view.explanation
        severity = view.severity
    return PassageExcerpt(
        passage_id,
        b.outlet(aid),
        clip(full, b.passage_chars),
        source.line_range(*cell),
        full,
        anchor,
        note,
        severity,
        view.id if view is not None else "",
        view.kind if view is not None else "",
        view.severity_rank if view is not None else 0,
    )
