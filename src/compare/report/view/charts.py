"""Clickable chart areas for the interactive HTML (#16): a chart cell jumps to its findings.

Why links laid over the image rather than an inline SVG or an image map:
the chart stays the same ``data:`` image the PDF tags with its alt text,
image maps do not scale with a responsive image, and ordinary ``<a>``
elements placed in percentages of the image box scale with it, take the
keyboard focus in order, and carry a label a screen reader reads.  The
areas come from ``charts.py`` (where matplotlib placed each cell); this
module only pairs each area with the first listed finding it is about.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compare.model import Chart, Kind
from compare.report.view.model import ChartLink, ChartLinks, FindingView
from compare.report.view.text import KIND_LABELS


def _percent(value: float) -> str:
    return f"{value * 100:.2f}%"


def _target(
    key: tuple[str, ...], findings: Sequence[FindingView], keys: Mapping[str, str]
) -> tuple[FindingView | None, int, str, str, str]:
    """The first finding an area is about, how many there are, a label and filter values."""
    what, value, aid = key
    outlet = keys.get(aid, "?")
    if what == "cell":
        hits = [f for f in findings if f.passage == value and outlet in f.outlet_keys.split()]
        label = f"Passage {value}, outlet {outlet}"
        kind = ""
    else:
        hits = [f for f in findings if f.kind == value and outlet in f.outlet_keys.split()]
        label = f"{KIND_LABELS[Kind(value)]}, outlet {outlet}"
        kind = value
    return (hits[0] if hits else None), len(hits), label, kind, outlet


def chart_links(
    charts: Sequence[Chart], findings: Sequence[FindingView], keys: Mapping[str, str]
) -> tuple[ChartLinks, ...]:
    """For each chart with areas, a link per area that has findings to jump to."""
    out = []
    for chart in charts:
        links = []
        for key, (left, top, width, height) in chart.areas:
            first, count, label, kind, outlet = _target(key, findings, keys)
            if first is None:
                continue
            noun = "finding" if count == 1 else "findings"
            links.append(
                ChartLink(
                    f"#{first.anchor}",
                    f"{label}: {count} {noun}, go to the first",
                    _percent(left),
                    _percent(top),
                    _percent(width),
                    _percent(height),
                    kind,
                    outlet,
                )
            )
        if links:
            out.append(ChartLinks(chart.id, tuple(links)))
    return tuple(out)
