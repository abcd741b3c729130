"""Pictures drawn from the packaged data at build time (matplotlib, Agg backend).

On ``builder-inited`` this writes ``docs/_generated/timeline.png`` (the meetings, coloured by
kind, and the documents signed at them) and ``docs/_generated/map.png`` (a schematic lon/lat map
of the pipelines and the meeting cities). The folder is not kept in git: the pictures are always
those of the data being documented.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib import patheffects
from matplotlib.lines import Line2D
from matplotlib.text import Annotation
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
}
KIND_LABELS = {
    MeetingKind.SUMMIT: "Caspian Summits\n(heads of state)",
    MeetingKind.MINISTERIAL: "Foreign ministers",
    MeetingKind.CONFERENCE: "Conferences\n(Tehran Convention)",
    MeetingKind.NEGOTIATION: "Treaty negotiations",
}
ROWS = [
    MeetingKind.NEGOTIATION,
    MeetingKind.CONFERENCE,
    MeetingKind.MINISTERIAL,
    MeetingKind.SUMMIT,
]
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
    PipelineStatus.UNDER_CONSTRUCTION: "--",
    PipelineStatus.PROPOSED: ":",
    PipelineStatus.STALLED: "-.",
}
#: The two spans of the timeline: the historic treaties, and the era of the five states.
SPANS = ((1720, 1950), (1996, 2027))
DOC_BASE = 4.6
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


def _short(name: str) -> str:
    """A place's name without its explanation: ``Erzurum (via ...)`` -> ``Erzurum``."""
    return name.split(" (")[0].split(",")[0]


def draw_map(path: Path) -> None:
    """Pipelines from origin through waypoints to terminus, and the cities that hosted meetings."""
    fig, ax = plt.subplots(figsize=(10, 7.6))
    colours = plt.get_cmap("tab10").colors
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    drawn: list[set[tuple[tuple[float, float], tuple[float, float]]]] = []
    termini: dict[tuple[float, float], str] = {}
    handles = []
    for index, pipe in enumerate(caspian.pipelines()):
        stops = [pipe.origin, *pipe.waypoints, pipe.terminus]
        points = [p.coordinates.as_tuple() for p in stops if p.coordinates is not None]
        segments = set(itertools.pairwise(points))
        # Lines that share a stretch (BTC and SCP) are drawn side by side.
        shift = 0.18 * sum(1 for other in drawn if other & segments)
        drawn.append(segments)
        xs = [lon for lon, _ in points]
        ys = [lat + shift for _, lat in points]
        colour = colours[index % len(colours)]
        style = LINESTYLES[pipe.status]
        ax.plot(xs, ys, color=colour, linestyle=style, linewidth=2.4, zorder=2)
        ax.plot(xs[1:-1], ys[1:-1], "o", color=colour, markersize=3.5, zorder=3)
        if stops[0].coordinates is not None:
            ax.plot(xs[0], ys[0], "s", color=colour, markersize=6, zorder=3)
        terminus = pipe.terminus.coordinates
        if terminus is not None:
            ax.plot(xs[-1], ys[-1], "^", color=colour, markersize=7, zorder=3)
            # Termini shared by several lines get one label: the shortest of their names.
            name = _short(pipe.terminus.name)
            known = termini.get(terminus.as_tuple())
            if known is None or len(name) < len(known):
                termini[terminus.as_tuple()] = name
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
    for point, name in termini.items():
        ax.annotate(
            name,
            point,
            xytext=(5, -11),
            textcoords="offset points",
            fontsize=9,
            color="#444444",
            style="italic",
            path_effects=halo,
            zorder=4,
        )
    cities: dict[tuple[float, float], list[caspian.Meeting]] = {}
    for meeting in caspian.meetings():
        if meeting.city.coordinates is not None:
            cities.setdefault(meeting.city.coordinates.as_tuple(), []).append(meeting)
    for (lon, lat), meetings in cities.items():
        ax.plot(lon, lat, "*", color="#c0392b", markersize=14, markeredgecolor="black", zorder=5)
        # A label goes left of its star when another city lies close to its right.
        crowded = any(
            0 < other - lon < 4.5 and abs(other_lat - lat) < 1.5 for other, other_lat in cities
        )
        ax.annotate(
            f"{_short(meetings[0].city.name)} ({len(meetings)})",
            (lon, lat),
            xytext=(-7, 5) if crowded else (7, 5),
            ha="right" if crowded else "left",
            textcoords="offset points",
            fontsize=11,
            fontweight="bold",
            path_effects=halo,
            zorder=6,
        )
    ax.text(
        50.5,
        42.6,
        "Caspian\nSea",
        ha="center",
        va="center",
        fontsize=13,
        color="#2874a6",
        style="italic",
        alpha=0.8,
        path_effects=halo,
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
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.08),
        ncol=2,
        fontsize=9,
        frameon=False,
    )
    ax.set_xlabel("longitude (° east)")
    ax.set_ylabel("latitude (° north)")
    ax.set_aspect(1 / 0.73)  # about 1 / cos(43°): distances look right in the middle of the map
    ax.grid(color="#eeeeee")
    ax.set_title(
        "Pipelines and meeting cities\n(schematic: straight lines between the points in the data)",
        fontsize=12,
    )
    fig.savefig(path, dpi=DPI, bbox_inches="tight", metadata=METADATA)
    plt.close(fig)


def generate(app: Sphinx) -> None:
    """Draw every picture into ``docs/_generated/``."""
    folder = Path(app.srcdir) / FOLDER
    folder.mkdir(exist_ok=True)
    with plt.rc_context({"font.family": "DejaVu Sans", "font.size": 10}):
        draw_timeline(folder / "timeline.png")
        draw_map(folder / "map.png")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
