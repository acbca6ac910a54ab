"""Charts for the report: ``Report -> Chart[]`` as deterministic SVG.

Why this shape: a ``matplotlib.figure.Figure`` (never pyplot) needs no GUI
backend and no global state, so rendering is safe headless and in batch mode.
Each figure is built inside an ``rc_context`` with its own ``svg.hashsalt`` and
saved with ``metadata={"Date": None}``, which makes the SVG bytes identical
from run to run (RELIABILITY rule 7).  Text stays text (``svg.fonttype`` "none")
in the bundled DejaVu Sans, which the PDF already embeds through ``@font-face``:
glyphs drawn as paths made the charts ten times larger and cost WeasyPrint
seconds to paint.  Labels are still safe, because matplotlib escapes every
string it writes into the SVG (``&lt;``, ``&amp;``), and ``$`` is escaped so no
label starts mathtext.  Cells of one status are drawn as one compound path, so
each hatch pattern is painted once per band, not once per cell.  Figures are
drawn at their printed size (A4 content width), so 8 pt here is 8 pt on paper.
Colours are the Okabe-Ito palette, always paired with hatching, printed values
or labels, so every chart reads in greyscale and for colour-blind readers.
Nothing here computes analysis: charts draw ``report.scores`` and findings.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Callable
from typing import Any

from matplotlib import rc_context
from matplotlib.dates import DateFormatter, DayLocator, date2num
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path

from compare.model import CellStatus, Chart, Kind, Report
from compare.report.view.text import (
    KIND_LABELS,
    compared_ids,
    format_date,
    format_percent,
    iso_date,
    outlet_keys,
    plural,
    short,
)

PORTRAIT_IN = 6.6  # A4 width minus margins, inches
LANDSCAPE_IN = 10.2
PASSAGES_PER_BAND = 60  # matrix columns per band; longer stories get more bands
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000")
MARKERS = ("o", "s", "D", "^", "v", "P", "X")

# status -> (legend label, face colour, hatch); "" is a passage the outlet could not carry.
CELL_STYLE: dict[str, tuple[str, str, str]] = {
    CellStatus.SAME: ("same wording", "#0072B2", ""),
    CellStatus.REWORDED: ("reworded", "#E69F00", "////"),
    CellStatus.OMITTED: ("omitted", "#FFFFFF", "xxx"),
    CellStatus.ONLY_HERE: ("only in this outlet", "#009E73", "---"),
    "": ("another outlet's own passage", "#E8E8E8", ""),
}

_RC: dict[Any, Any] = {  # matplotlib types its keys as literals
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "svg.fonttype": "none",
    "hatch.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
}

Drawn = tuple[Figure, str, str, str]  # figure, title, caption, alt text
# Clickable areas (#16): (axes, target key, data box x0, y0, x1, y1); turned
# into figure fractions once the layout is final, for the HTML's chart links.
Areas = list[tuple[Any, tuple[str, ...], tuple[float, float, float, float]]]


def make_charts(report: Report) -> tuple[Chart, ...]:
    """All report charts in reading order: coverage, similarity, kinds, time line.

    >>> from compare.model import Alignment, Report, Scores, Story
    >>> empty = Report(1, "t", "2020-01-01T00:00:00Z", "r", Story("s", "S", ()),
    ...                Alignment((), ()), (), Scores())
    >>> [chart.id for chart in make_charts(empty)]
    ['coverage', 'similarity', 'kinds', 'timeline']
    """
    return (
        _render("coverage", lambda areas: _coverage(report, areas)),
        _render("similarity", lambda _areas: _similarity(report)),
        _render("kinds", lambda areas: _kinds(report, areas)),
        _render("timeline", lambda _areas: _timeline(report)),
    )


def _fractions(fig: Figure, areas: Areas) -> tuple[tuple[tuple[str, ...], tuple[float, ...]], ...]:
    """Each area as (key, (left, top, width, height)) in fractions of the figure, top-left origin.

    Why after saving: the constrained layout places the axes only when the
    figure is drawn, and fractions do not depend on the resolution.
    """
    out = []
    to_figure = fig.transFigure.inverted()
    for ax, key, (x0, y0, x1, y1) in areas:
        (ax0, ay0), (ax1, ay1) = to_figure.transform(ax.transData.transform([(x0, y0), (x1, y1)]))
        left, right = sorted((float(ax0), float(ax1)))
        bottom, top = sorted((float(ay0), float(ay1)))
        box = (left, 1.0 - top, right - left, top - bottom)
        out.append((key, tuple(round(v, 4) for v in box)))
    return tuple(out)


def _render(chart_id: str, draw: Callable[[Areas], Drawn]) -> Chart:
    """Draw and serialise one figure with a fixed hash salt, for stable bytes."""
    with rc_context({**_RC, "svg.hashsalt": f"compare-{chart_id}"}), warnings.catch_warnings():
        # A character no bundled font has (an emoji in an outlet name) is
        # reported once, by the PDF renderer; matplotlib would repeat it per chart.
        warnings.filterwarnings(
            "ignore", message="Glyph .* missing from font", category=UserWarning
        )
        areas: Areas = []
        fig, title, caption, alt = draw(areas)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return Chart(
        id=chart_id,
        title=title,
        alt=alt,
        caption=caption,
        svg=buffer.getvalue(),
        areas=_fractions(fig, areas),
    )


def _label(text: str, limit: int = 26) -> str:
    """A label safe for matplotlib: shortened, and ``$`` never starts mathtext."""
    return short(text, limit).replace("$", r"\$")


def _names(report: Report, ids: tuple[str, ...]) -> list[str]:
    """``"A  Northfield Gazette"`` tick labels for the given article ids."""
    keys = outlet_keys(report)
    outlets = {a.id: a.outlet for a in report.story.articles}
    return [_label(f"{keys[aid]}  {outlets.get(aid, aid)}") for aid in ids]


def _empty(fig: Figure, message: str) -> None:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center")


def _coverage(report: Report, areas: Areas) -> Drawn:
    ids = compared_ids(report)
    passages = [p.id for p in report.alignment.passages]
    cells = report.scores.cells
    bands = max(1, math.ceil(len(passages) / PASSAGES_PER_BAND))
    band_height = (0.3 if bands == 1 else 0.24) * max(1, len(ids)) + 0.45
    fig = Figure(figsize=(LANDSCAPE_IN, band_height * bands + 0.4), layout="constrained")
    used: set[str] = set()
    if not ids or not passages:
        _empty(fig, "No aligned passages.")
    for band in range(bands if ids and passages else 0):
        ax = fig.add_subplot(bands, 1, band + 1)
        chunk = passages[band * PASSAGES_PER_BAND : (band + 1) * PASSAGES_PER_BAND]
        cells_of: dict[str, list[tuple[int, int]]] = {}
        for col, pid in enumerate(chunk):
            for row, aid in enumerate(ids):
                status = str(cells.get(aid, {}).get(pid, ""))
                cells_of.setdefault(status, []).append((col, row))
                areas.append((ax, ("cell", pid, aid), (col, row, col + 1, row + 1)))
        for status, (_, face, hatch) in CELL_STYLE.items():
            if status in cells_of:
                used.add(status)
                ax.add_patch(
                    PathPatch(
                        _squares(cells_of[status]),
                        facecolor=face,
                        hatch=hatch,
                        edgecolor="#333333",
                        linewidth=0.4,
                    )
                )
        ax.set_xlim(0, PASSAGES_PER_BAND if bands > 1 else len(chunk))
        ax.set_ylim(len(ids), 0)
        ax.set_xticks(
            [c + 0.5 for c in range(len(chunk))],
            [_label(p, 6) for p in chunk],
            rotation=90 if len(chunk) > 24 else 0,
        )
        ax.set_yticks([r + 0.5 for r in range(len(ids))], _names(report, ids))
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
    handles = [
        Patch(facecolor=face, hatch=hatch, edgecolor="#333333", linewidth=0.4, label=name)
        for status, (name, face, hatch) in CELL_STYLE.items()
        if status in used
    ]
    if handles:
        fig.legend(
            handles=handles,
            loc="outside lower center",
            ncols=len(handles),
            frameon=False,
            handleheight=1.5,
            handlelength=2.4,
        )
    keys = outlet_keys(report)
    parts = []
    for aid in ids:
        count = {status: 0 for status in CellStatus}
        for status in cells.get(aid, {}).values():
            count[CellStatus(status)] += 1
        parts.append(
            f"outlet {keys[aid]} carries {count[CellStatus.SAME]} in the shared wording, "
            f"rewords {count[CellStatus.REWORDED]}, omits {count[CellStatus.OMITTED]} "
            f"and has {count[CellStatus.ONLY_HERE]} of its own"
        )
    alt = (
        f"Coverage matrix of {plural(len(passages), 'passage')} (columns, in reading order) "
        f"by {plural(len(ids), 'outlet')} (rows): " + "; ".join(parts) + "."
    )
    caption = (
        "Which outlet carries which passage. Solid blue: same wording; orange with diagonal "
        "lines: reworded; white with crosses: omitted; green with horizontal lines: only in "
        "this outlet."
    )
    return fig, "Coverage: passages by outlet", caption, alt


def _squares(cells: list[tuple[int, int]]) -> Path:
    """Unit squares at ``(column, row)`` as one compound path (one fill, one hatch)."""
    vertices: list[tuple[float, float]] = []
    codes: list[Any] = []  # Path's codes (numpy uint8)
    for x, y in cells:
        vertices += [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1), (x, y)]
        codes += [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]
    return Path(vertices, codes)


def _similarity(report: Report) -> Drawn:
    ids = compared_ids(report)
    keys = outlet_keys(report)
    index = {aid: i for i, aid in enumerate(ids)}
    grid = [[1.0 if i == j else math.nan for j in range(len(ids))] for i in range(len(ids))]
    for pair in report.scores.pairs:
        if pair.a in index and pair.b in index:
            grid[index[pair.a]][index[pair.b]] = grid[index[pair.b]][index[pair.a]] = (
                pair.similarity
            )
    width = min(LANDSCAPE_IN, 2.4 + 0.75 * len(ids))
    fig = Figure(figsize=(width, 0.5 + 0.38 * max(2, len(ids))), layout="constrained")
    if len(ids) < 2:
        _empty(fig, "Fewer than two outlets compared.")
    else:
        ax = fig.add_subplot()
        values = [v for row in grid for v in row if not math.isnan(v) and v < 1.0]
        low = min(values, default=0.0)
        ax.imshow(grid, cmap="Blues", vmin=max(0.0, low - 0.1), vmax=1.0)
        for i, row in enumerate(grid):
            for j, value in enumerate(row):
                text = "–" if math.isnan(value) else format_percent(value)
                dark = not math.isnan(value) and value > (low + 1.0) / 2
                ax.text(
                    j,
                    i,
                    text,
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if dark else "black",
                )
        ax.set_xticks(range(len(ids)), [keys[a] for a in ids])
        ax.set_yticks(range(len(ids)), _names(report, ids))
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
    ranked = sorted(report.scores.pairs, key=lambda p: (p.similarity, p.a, p.b))
    said = [
        f"{keys.get(p.a, p.a)} and {keys.get(p.b, p.b)} {format_percent(p.similarity)}"
        for p in ranked
    ]
    alt = "Pairwise similarity of the outlets over the passages they share, lowest first: "
    alt += ("; ".join(said) if said else "no pairs") + "."
    caption = (
        "Share of wording two outlets have in common over the passages both carry. "
        "Darker is more similar; 100% is identical text."
    )
    return fig, "Similarity of each pair of outlets", caption, alt


def _kinds(report: Report, areas: Areas) -> Drawn:
    ids = compared_ids(report)
    keys = outlet_keys(report)
    by_kind = report.scores.by_kind
    kinds = [k for k in Kind if any(by_kind.get(a, {}).get(k, 0) for a in ids)]
    fig = Figure(figsize=(PORTRAIT_IN, 0.45 + 0.2 * max(3, len(kinds))), layout="constrained")
    if not kinds:
        _empty(fig, "No findings.")
    else:
        ax = fig.add_subplot()
        grid = [[by_kind.get(a, {}).get(k, 0) for a in ids] for k in kinds]
        top = max(max(row) for row in grid)
        ax.imshow(grid, cmap="Oranges", vmin=0, vmax=top * 1.6, aspect="auto")
        for i, row in enumerate(grid):
            for j, value in enumerate(row):
                ax.text(j, i, str(value) if value else "·", ha="center", va="center")
                if value:
                    box = (j - 0.5, i - 0.5, j + 0.5, i + 0.5)
                    areas.append((ax, ("kind", kinds[i].value, ids[j]), box))
        ax.set_xticks(range(len(ids)), [keys[a] for a in ids])
        ax.xaxis.set_ticks_position("top")
        ax.set_yticks(range(len(kinds)), [KIND_LABELS[k] for k in kinds])
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
    parts = []
    for aid in ids:
        counts = [
            f"{KIND_LABELS[k]} {by_kind[aid][k]}" for k in kinds if by_kind.get(aid, {}).get(k, 0)
        ]
        parts.append(f"{keys[aid]}: " + (", ".join(counts) if counts else "none"))
    alt = "Findings of each kind that involve each outlet. " + "; ".join(parts) + "."
    caption = (
        "How many findings of each kind involve each outlet (columns, by key), most serious "
        "kinds at the top. A finding involves every outlet whose text it quotes."
    )
    return fig, "Findings by kind and outlet", caption, alt


def _timeline(report: Report) -> Drawn:
    ids = compared_ids(report)
    keys = outlet_keys(report)
    articles = {a.id: a for a in report.story.articles}
    days = [(aid, iso_date(articles[aid].published)) for aid in ids if aid in articles]
    dated = [(aid, day) for aid, day in days if day is not None]
    numbers: dict[str, list[str]] = {aid: [] for aid in ids}
    for finding in report.findings:
        if finding.kind == Kind.NUMBER_DISCREPANCY and finding.time_note is not None:
            for aid, spans in finding.spans.items():
                if aid in numbers and spans:
                    numbers[aid].append(short(spans[0].text, 24))
    fig = Figure(figsize=(PORTRAIT_IN, 0.7 + 0.32 * max(2, len(dated))), layout="constrained")
    if not dated:
        _empty(fig, "No publication dates known.")
    else:
        ax = fig.add_subplot()
        for row, (aid, day) in enumerate(dated):
            x = date2num(day)
            ax.plot(
                [x],
                [row],
                marker=MARKERS[row % len(MARKERS)],
                markersize=7,
                color=OKABE_ITO[row % len(OKABE_ITO)],
                linestyle="none",
            )
            said = "; ".join(numbers[aid][:3])
            ax.annotate(
                _label(said, 60), (x, row), xytext=(8, -3), textcoords="offset points", fontsize=8
            )
        first = min(day for _, day in dated)
        last = max(day for _, day in dated)
        ax.set_xlim(date2num(first) - 1, date2num(last) + 2)
        ax.xaxis.set_major_locator(DayLocator(interval=max(1, (last - first).days // 8 + 1)))
        ax.xaxis.set_major_formatter(DateFormatter("%d %b %Y"))
        ax.set_yticks(range(len(dated)), _names(report, tuple(a for a, _ in dated)))
        ax.set_ylim(len(dated) - 0.5, -0.5)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.5)
    parts = [
        f"{keys[aid]} published {format_date(articles[aid].published)}"
        + (f", reporting {', '.join(numbers[aid][:3])}" if numbers[aid] else "")
        for aid, _ in dated
    ]
    undated = [keys[aid] for aid in ids if aid not in dict(dated)]
    alt = "Publication time line. " + ("; ".join(parts) if parts else "No dates known") + "."
    caption = "When each outlet published, with the numbers that differ between dates."
    if undated:
        alt += f" Undated: {', '.join(undated)}."
        caption += f" Not shown (no date): {', '.join(undated)}."
    return fig, "Publication time line", caption, alt
