"""Pictures drawn from the packaged data at build time (matplotlib, Agg backend).

On ``builder-inited`` this writes ``docs/_generated/timeline.png`` (the meetings, coloured by
kind, and the documents signed at them) and ``docs/_generated/map.png`` (a schematic lon/lat map
of the pipelines and the meeting cities, with an inset that enlarges the corridor west of Baku).
The folder is not kept in git: the pictures are always those of the data being documented. Their
alternative texts are written from the same data by ``alt_text.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, ClassVar

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from alt_text import CORRIDOR, ROWS, on_source_read
from alt_text import short as _short
from matplotlib import patheffects
from matplotlib.lines import Line2D
from matplotlib.text import Annotation
from matplotlib.transforms import ScaledTranslation
from sphinx.application import Sphinx

import caspian
from caspian import AgreementStatus, MeetingKind, PipelineStatus

FOLDER = "_generated"
DPI = 150
#: PNG metadata without a date or version, so that the same data draws the same file.
METADATA = {"Software": None}

KIND_COLOURS = {
    MeetingKind.SUMMIT: "#c0392b",
    MeetingKind.MINISTERIAL: "#2e86c1",
    MeetingKind.CONFERENCE: "#27ae60",
    MeetingKind.NEGOTIATION: "#7d3c98",
    MeetingKind.FORUM: "#d68910",
    MeetingKind.REGIONAL: "#16a085",
}
KIND_LABELS = {
    MeetingKind.SUMMIT: "Caspian Summits\n(heads of state)",
    MeetingKind.MINISTERIAL: "Ministers",
    MeetingKind.CONFERENCE: "Conferences\n(Tehran Convention)",
    MeetingKind.NEGOTIATION: "Treaty negotiations",
    MeetingKind.FORUM: "Economic forums",
    MeetingKind.REGIONAL: "Governors of\nlittoral regions",
}
STATUS_COLOURS = {
    AgreementStatus.IN_FORCE: "#1e8449",
    AgreementStatus.NOT_IN_FORCE: "#e67e22",
    AgreementStatus.TERMINATED: "#7f8c8d",
    AgreementStatus.NON_BINDING: "#5dade2",
    AgreementStatus.UNKNOWN: "#ffffff",
}
STATUS_LABELS = {
    AgreementStatus.IN_FORCE: "in force",
    AgreementStatus.NOT_IN_FORCE: "not (yet) in force",
    AgreementStatus.TERMINATED: "terminated",
    AgreementStatus.NON_BINDING: "non-binding",
    AgreementStatus.UNKNOWN: "status unknown",
}
LINESTYLES = {
    PipelineStatus.OPERATIONAL: "-",
    PipelineStatus.IDLE: (0, (3, 1, 1, 1, 1, 1)),
    PipelineStatus.UNDER_CONSTRUCTION: "--",
    PipelineStatus.PROPOSED: ":",
    PipelineStatus.STALLED: "-.",
}
#: The two spans of the timeline: the historic treaties, and the era of the five states.
SPANS = ((1720, 1950), (1996, 2027))
DOC_BASE = len(ROWS) - 0.4
DOC_STEP = 0.5
#: Documents closer than this share of a span are stacked instead of overlapping.
STACK_WIDTH = 0.022


def _year(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def _stacks(
    agreements: tuple[caspian.Agreement, ...], low: float, high: float
) -> list[list[caspian.Agreement]]:
    """Documents dated in ``[low, high)``, in stacks of those that would overlap on the axis."""
    near = STACK_WIDTH * (high - low)
    stacks: list[list[caspian.Agreement]] = []
    for agreement in agreements:
        if agreement.signed is None or not low <= _year(agreement.signed) < high:
            continue
        first = stacks[-1][0].signed if stacks else None
        if first is not None and _year(agreement.signed) - _year(first) <= near:
            stacks[-1].append(agreement)
        else:
            stacks.append([agreement])
    return stacks


def _legend_handles() -> list[Line2D]:
    handles = [
        Line2D([], [], marker="o", linestyle="", color=KIND_COLOURS[k], label=k.value)
        for k in reversed(ROWS)
    ]
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor="#555555",
            label="planned",
        )
    )
    handles += [
        Line2D(
            [],
            [],
            marker="s",
            linestyle="",
            markerfacecolor=colour,
            markeredgecolor="#333333",
            label=STATUS_LABELS[status],
        )
        for status, colour in STATUS_COLOURS.items()
    ]
    handles += [
        Line2D([], [], color="#aaaaaa", linewidth=0.8, label="signed at that meeting"),
        Line2D(
            [],
            [],
            marker="D",
            linestyle="",
            markerfacecolor="#dddddd",
            markeredgecolor="#333333",
            label="signed elsewhere",
        ),
    ]
    return handles


def draw_timeline(path: Path) -> None:
    """The meetings on rows by kind, and above them the documents, coloured by status."""
    summits = caspian.meetings()
    agreements = caspian.agreements()
    undated = [s for s in summits if s.when is None]
    fig, axes = plt.subplots(
        1, 2, figsize=(10, 6.6), sharey=True, gridspec_kw={"width_ratios": [1, 2.4], "wspace": 0.04}
    )
    tallest = 1
    for ax, (low, high) in zip(axes, SPANS, strict=True):
        for row in range(len(ROWS)):
            ax.axhline(row, color="#dddddd", linewidth=0.8, zorder=0)
        ax.axhline(DOC_BASE - 0.5, color="#999999", linewidth=0.8, linestyle=":", zorder=0)
        position: dict[str, tuple[float, float]] = {}
        last_label: dict[int, tuple[float, Annotation]] = {}
        for meeting in summits:
            if meeting.when is None or not low <= _year(meeting.when) < high:
                continue
            x, y = _year(meeting.when), ROWS.index(meeting.kind)
            position[meeting.id] = (x, y)
            planned = meeting.status is caspian.MeetingStatus.PLANNED
            ax.scatter(
                [x],
                [y],
                s=90,
                color="white" if planned else KIND_COLOURS[meeting.kind],
                edgecolor=KIND_COLOURS[meeting.kind],
                linewidth=1.2,
                zorder=3,
            )
            if meeting.kind not in (MeetingKind.SUMMIT, MeetingKind.NEGOTIATION):
                continue
            label = ax.annotate(
                f"{_short(meeting.city.name)}\n{meeting.when.year}",
                (x, y),
                xytext=(0, -9),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=9,
            )
            # Two labels that would overlap move apart: the earlier left, the later right.
            previous = last_label.get(y)
            if previous is not None and x - previous[0] < 0.07 * (high - low):
                previous[1].set(ha="right", position=(-2, -9))
                label.set(ha="left", position=(2, -9))
            last_label[y] = (x, label)
        for stack in _stacks(agreements, low, high):
            assert stack[0].signed is not None
            x = _year(stack[0].signed)
            tallest = max(tallest, len(stack))
            for level, agreement in enumerate(stack):
                ax.scatter(
                    [x],
                    [DOC_BASE + level * DOC_STEP],
                    marker="s" if agreement.meeting else "D",
                    s=55 if agreement.meeting else 48,
                    color=STATUS_COLOURS[agreement.status],
                    edgecolor="#333333",
                    linewidth=0.8,
                    zorder=3,
                )
            for ident in dict.fromkeys(a.meeting for a in stack if a.meeting in position):
                assert ident is not None
                mx, my = position[ident]
                ax.plot([mx, x], [my, DOC_BASE - 0.25], color="#aaaaaa", linewidth=0.8, zorder=1)
        ax.set_xlim(low, high)
        ax.spines[["top"]].set_visible(False)
        ax.grid(axis="x", color="#f0f0f0", zorder=0)
    axes[0].spines["right"].set_visible(False)
    axes[1].spines["left"].set_visible(False)
    axes[1].tick_params(left=False)
    axes[0].set_xticks([1750, 1800, 1850, 1900])
    axes[1].set_xticks(range(1998, 2027, 4))
    axes[0].set_ylim(-1.2, DOC_BASE + DOC_STEP * tallest + 0.2)
    axes[0].set_yticks([*range(len(ROWS)), DOC_BASE + 1.5])
    axes[0].set_yticklabels([*(KIND_LABELS[k] for k in ROWS), "Documents\n(one mark each)"])
    for row, kind in enumerate(ROWS):
        axes[0].get_yticklabels()[row].set_color(KIND_COLOURS[kind])
    # The break between the two spans.
    for ax, x in ((axes[0], 1), (axes[1], 0)):
        ax.plot([x, x], [0, 1], transform=ax.transAxes, color="#555555", linestyle=(0, (2, 3)))
    fig.legend(
        handles=_legend_handles(),
        loc="upper center",
        bbox_to_anchor=(0.5, 0.02),
        fontsize=9,
        ncol=4,
        frameon=False,
        title="Meetings (circles) and documents (squares: signed at a meeting)",
        title_fontsize=9.5,
    )
    if undated:
        lines = [
            f"{s.name}: "
            + (
                "planned, no date yet"
                if s.status is caspian.MeetingStatus.PLANNED
                else "day not known"
            )
            for s in undated
        ]
        axes[1].text(
            0.99,
            0.01,
            "Not on the timeline (no date in the data):\n" + "\n".join(lines),
            transform=axes[1].transAxes,
            ha="right",
            va="bottom",
            fontsize=9,
            bbox={"boxstyle": "round", "facecolor": "#fdf2e9", "edgecolor": "#e59866"},
        )
    fig.suptitle(
        "Caspian diplomacy: meetings and the documents signed at them"
        f" (caspian data {caspian.__data_version__})",
        fontsize=12,
    )
    fig.savefig(path, dpi=DPI, bbox_inches="tight", metadata=METADATA)
    plt.close(fig)


BASEMAP = Path(__file__).resolve().parent.parent / "_data" / "basemap.geojson"
LAND, WATER, BORDER = "#f4efe6", "#d6eaf8", "#b3a899"


def draw_basemap(ax: Any) -> None:
    """Land and borders from Natural Earth (docs/_data/basemap.geojson); the rest is water."""
    from matplotlib.patches import Polygon

    ax.set_facecolor(WATER)
    for feature in json.loads(BASEMAP.read_text(encoding="utf-8"))["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                ax.add_patch(
                    Polygon(ring, closed=True, facecolor=LAND, edgecolor=BORDER, linewidth=0.6)
                )


class Labels:
    """Places each label at the first of a few spots around its point where it overlaps no
    label placed before it and crosses no line; where every spot crosses a line, at the spot
    free of labels that crosses fewest; a label with no spot free of labels is left out."""

    SPOTS: ClassVar[list[tuple[int, int, str]]] = [
        (7, 5, "left"),
        (-7, 5, "right"),
        (7, -13, "left"),
        (-7, -13, "right"),
        (0, 10, "center"),
        (0, -18, "center"),
        (12, -4, "left"),
        (-12, -4, "right"),
        (10, 14, "left"),
        (-10, 14, "right"),
        (10, -22, "left"),
        (-10, -22, "right"),
    ]

    def __init__(self, ax: Any, lines: list[Any] | None = None, within: bool = False) -> None:
        self.ax = ax
        self.placed: list[Any] = []
        self.renderer = ax.figure.canvas.get_renderer()
        #: The frame a label must stay inside (for an inset), if any.
        self.frame = ax.get_window_extent(self.renderer) if within else None
        #: The pipelines' lines, in display coordinates, that labels keep off.
        self.paths = [line.get_transform().transform_path(line.get_path()) for line in lines or ()]

    def add(self, text: str, point: tuple[float, float], **style: Any) -> None:
        fallback = None
        for dx, dy, align in self.SPOTS:
            label = self.ax.annotate(
                text, point, xytext=(dx, dy), textcoords="offset points", ha=align, **style
            )
            box = label.get_window_extent(self.renderer).expanded(1.05, 1.1)
            label.remove()
            if any(box.overlaps(other) for other in self.placed):
                continue
            frame = self.frame
            if frame is not None and not (
                frame.x0 <= box.x0
                and box.x1 <= frame.x1
                and frame.y0 <= box.y0
                and box.y1 <= frame.y1
            ):
                continue
            crossed = sum(path.intersects_bbox(box, filled=False) for path in self.paths)
            if fallback is None or crossed < fallback[0]:
                fallback = (crossed, dx, dy, align, box)
            if not crossed:
                break
        if fallback is None:
            return  # no free spot: the label is left out (the legend names every line)
        _, dx, dy, align, box = fallback
        self.ax.annotate(
            text, point, xytext=(dx, dy), textcoords="offset points", ha=align, **style
        )
        self.placed.append(box)


def draw_map(path: Path) -> None:
    """Pipelines from origin through waypoints to terminus, and the cities that hosted
    meetings, on Natural Earth's land and borders."""
    fig, ax = plt.subplots(figsize=(13, 8.6))
    draw_basemap(ax)
    ax.set_xlim(15, 84)
    ax.set_ylim(24, 58)
    ax.set_aspect(1 / 0.73)  # about 1 / cos(43°): distances look right in the middle of the map
    fig.canvas.draw()
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    lines, places, handles, partial = _draw_pipelines(ax)
    cities: dict[tuple[float, float], list[caspian.Meeting]] = {}
    for meeting in caspian.meetings():
        if meeting.city.coordinates is not None:
            cities.setdefault(meeting.city.coordinates.as_tuple(), []).append(meeting)
    labels = Labels(ax, lines)
    sea = ax.text(
        50.6,
        42.3,
        "Caspian\nSea",
        ha="center",
        va="center",
        fontsize=12,
        color="#2874a6",
        style="italic",
        alpha=0.8,
        zorder=2,
    )
    labels.placed.append(sea.get_window_extent(labels.renderer))
    for (lon, lat), meetings in sorted(cities.items(), key=lambda c: -len(c[1])):
        ax.plot(lon, lat, "*", color="#c0392b", markersize=14, markeredgecolor="black", zorder=6)
        labels.add(
            f"{_short(meetings[0].city.name)} ({len(meetings)})",
            (lon, lat),
            fontsize=10,
            fontweight="bold",
            path_effects=halo,
            zorder=7,
        )
    for point, name in places.items():
        if point not in cities:
            labels.add(
                name,
                point,
                fontsize=8,
                color="#444444",
                style="italic",
                path_effects=halo,
                zorder=5,
            )
    handles += [
        Line2D(
            [],
            [],
            marker="*",
            linestyle="",
            color="#c0392b",
            markeredgecolor="black",
            markersize=12,
            label="city that hosted meetings (number of meetings)",
        ),
        Line2D([], [], marker="s", linestyle="", color="#555555", label="pipeline origin"),
        Line2D([], [], marker="^", linestyle="", color="#555555", label="pipeline terminus"),
    ]
    _draw_corridor(ax, cities)
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.07),
        ncol=3,
        fontsize=8,
        frameon=False,
    )
    ax.set_xlabel("longitude (° east)")
    ax.set_ylabel("latitude (° north)")
    note = (
        f"; {len(partial)} drawn only between the points that have coordinates" if partial else ""
    )
    ax.set_title(
        "Pipelines and meeting cities\n(straight lines between the points in the data"
        f"{note}; land and borders: Natural Earth)",
        fontsize=11,
    )
    fig.savefig(path, dpi=DPI, bbox_inches="tight", metadata=METADATA)
    plt.close(fig)


def _colour(index: int) -> Any:
    """A colour of its own for each pipeline: the dark tab20 colours, then the light ones."""
    colours = list(plt.get_cmap("tab20").colors)
    return colours[(2 * index) % 20 if index < 10 else (2 * index + 1) % 20]


def _direction(ax: Any, points: list[tuple[float, float]]) -> tuple[float, float]:
    """The unit direction, on screen, from a line's first point to its last."""
    (x0, y0), (x1, y1) = ax.transData.transform([points[0], points[-1]])
    length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1e-9)
    return (x1 - x0) / length, (y1 - y0) / length


#: Lines from one point that leave it within this many degrees of each other are drawn apart.
FAN = 15
#: How far apart (points) such lines are drawn.
APART = 3.2


def _draw_pipelines(
    ax: Any, width: float = 2.4
) -> tuple[list[Any], dict[Any, str], list[Any], list[str]]:
    """Each pipeline as a line from origin through waypoints to terminus. Lines that share a
    point and leave it in nearly the same direction (BTC, SCP and the Baku–Supsa line at
    Sangachal) are moved apart, across their direction, by a few points on screen, so that
    each stays visible. Returns the lines, the end points' names, the legend entries and the
    names of the pipelines drawn only in part."""
    import math

    drawn: list[tuple[set[tuple[float, float]], tuple[float, float]]] = []
    places: dict[tuple[float, float], str] = {}
    lines, handles, partial = [], [], []
    for index, pipe in enumerate(caspian.pipelines()):
        stops = [pipe.origin, *pipe.waypoints, pipe.terminus]
        points = [p.coordinates.as_tuple() for p in stops if p.coordinates is not None]
        if len(points) < len(stops):
            partial.append(pipe.name)
        if len(points) < 2:
            continue
        direction = _direction(ax, points)
        close = 0
        for others, towards in drawn:
            cosine = direction[0] * towards[0] + direction[1] * towards[1]
            if others & set(points) and abs(cosine) > math.cos(math.radians(FAN)):
                close += 1
        drawn.append((set(points), direction))
        # 0, +1, -1, +2 ... steps across the line's direction.
        step = (close + 1) // 2 * (1 if close % 2 else -1) * APART / 72
        shift = ScaledTranslation(
            -direction[1] * step, direction[0] * step, ax.figure.dpi_scale_trans
        )
        moved = ax.transData + shift
        colour = _colour(index)
        style = LINESTYLES[pipe.status]
        xs = [lon for lon, _ in points]
        ys = [lat for _, lat in points]
        (line,) = ax.plot(
            xs, ys, color=colour, linestyle=style, linewidth=width, zorder=3, transform=moved
        )
        lines.append(line)
        for place, marker in ((pipe.origin, "s"), (pipe.terminus, "^")):
            if place.coordinates is not None:
                lon, lat = place.coordinates.as_tuple()
                ax.plot(lon, lat, marker, color=colour, markersize=6, zorder=4, transform=moved)
                name = _short(place.name)
                known = places.get((lon, lat))
                if known is None or len(name) < len(known):
                    places[(lon, lat)] = name
        status = pipe.status.value.replace("_", " ")
        handles.append(
            Line2D(
                [],
                [],
                color=colour,
                linestyle=style,
                linewidth=2.4,
                label=f"{pipe.name} ({pipe.commodity.value}, {status})",
            )
        )
    return lines, places, handles, partial


def _tag(pipe: caspian.Pipeline) -> str:
    """A pipeline's shortest name: an all-capitals alias (``BTC``), else its short name."""
    tags = [a for a in pipe.aliases if a.isupper() and " " not in a]
    return min(tags, key=len) if tags else _short(pipe.name).removesuffix(" pipeline")


def _draw_corridor(ax: Any, cities: dict[tuple[float, float], list[caspian.Meeting]]) -> None:
    """An inset that enlarges the corridor west of Baku, where several pipelines start, each
    line named on it."""
    west, east, south, north = CORRIDOR
    inset = ax.inset_axes((0.01, 0.02, 0.42, 0.27))
    draw_basemap(inset)
    inset.set_xlim(west, east)
    inset.set_ylim(south, north)
    inset.set_aspect(1 / 0.75)
    inset.apply_aspect()
    inset.set_xticks([])
    inset.set_yticks([])
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    lines, places, _, _ = _draw_pipelines(inset, width=2.8)
    labels = Labels(inset, lines, within=True)
    for line, pipe in zip(lines, (p for p in caspian.pipelines() if _drawable(p)), strict=True):
        point = _inside_point(list(zip(line.get_xdata(), line.get_ydata(), strict=True)))
        if point is None:
            continue
        display = line.get_transform().transform(point)
        labels.add(
            _tag(pipe),
            tuple(inset.transData.inverted().transform(display)),
            fontsize=8,
            fontweight="bold",
            color=line.get_color(),
            path_effects=halo,
            zorder=7,
        )
    for (lon, lat), meetings in cities.items():
        if west <= lon <= east and south <= lat <= north:
            inset.plot(
                lon, lat, "*", color="#c0392b", markersize=12, markeredgecolor="black", zorder=6
            )
            labels.add(
                _short(meetings[0].city.name),
                (lon, lat),
                fontsize=8,
                fontweight="bold",
                path_effects=halo,
                zorder=7,
            )
    for (lon, lat), name in places.items():
        if west <= lon <= east and south <= lat <= north and (lon, lat) not in cities:
            labels.add(
                name,
                (lon, lat),
                fontsize=7,
                color="#444444",
                style="italic",
                path_effects=halo,
                zorder=5,
            )
    inset.set_title("Enlarged: the corridor west of Baku", fontsize=8, pad=2)
    zoom = ax.indicate_inset_zoom(inset, edgecolor="#555555")
    for connector in getattr(zoom, "connectors", None) or ():
        connector.set_visible(False)  # the box on the map and the inset's title say enough


def _inside_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """A point of a line inside the corridor, part way from its first point inside towards
    the edge, where the line's name goes; ``None`` for a line that has no point inside."""
    west, east, south, north = CORRIDOR
    inside = [k for k, (x, y) in enumerate(points) if west <= x <= east and south <= y <= north]
    if not inside:
        return None
    k = inside[0]
    (x0, y0), (x1, y1) = points[k], points[k + 1] if k + 1 < len(points) else points[k - 1]
    exits = [1.0]
    for low, high, start, end in ((west, east, x0, x1), (south, north, y0, y1)):
        if end != start:
            edge = high if end > start else low
            exits.append((edge - start) / (end - start))
    t = 0.6 * min(exits)
    return x0 + (x1 - x0) * t, y0 + (y1 - y0) * t


def _drawable(pipe: caspian.Pipeline) -> bool:
    """Whether a pipeline has at least two points with coordinates (a line to draw)."""
    stops = [pipe.origin, *pipe.waypoints, pipe.terminus]
    return sum(p.coordinates is not None for p in stops) >= 2


def generate(app: Sphinx) -> None:
    """Draw every picture into ``docs/_generated/``."""
    folder = Path(app.srcdir) / FOLDER
    folder.mkdir(exist_ok=True)
    with plt.rc_context({"font.family": "DejaVu Sans", "font.size": 10}):
        draw_timeline(folder / "timeline.png")
        draw_map(folder / "map.png")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    app.connect("source-read", on_source_read)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
