"""The alternative texts of the pictures, written from the data so that they cannot drift.

``figures.py`` draws the pictures; this module (which needs no matplotlib, so the tests can
read it) says in words what they show, and puts those words into the pages: a figure whose
``:alt:`` is ``(generated from the data: NAME)`` gets the text of :data:`ALT_TEXTS` ``[NAME]``
when the page is read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import caspian
from caspian import MeetingKind

#: The rows of the timeline, bottom to top.
ROWS = [
    MeetingKind.NEGOTIATION,
    MeetingKind.FORUM,
    MeetingKind.REGIONAL,
    MeetingKind.CONFERENCE,
    MeetingKind.MINISTERIAL,
    MeetingKind.SUMMIT,
]
ROW_NAMES = {
    MeetingKind.SUMMIT: "Caspian Summits",
    MeetingKind.MINISTERIAL: "ministers",
    MeetingKind.CONFERENCE: "conferences of the Tehran Convention",
    MeetingKind.NEGOTIATION: "treaty negotiations",
    MeetingKind.FORUM: "economic forums",
    MeetingKind.REGIONAL: "meetings of the governors of littoral regions",
}
NUMBERS = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
#: The corridor west of Baku that the map enlarges: (west, east, south, north).
CORRIDOR = (42.4, 50.4, 39.6, 42.6)


def _number(n: int) -> str:
    return NUMBERS[n] if n < len(NUMBERS) else str(n)


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def short(name: str) -> str:
    """A place's name without its explanation: ``Erzurum (via ...)`` -> ``Erzurum``,
    ``Khangiran gas refinery near Sarakhs`` -> ``Khangiran gas refinery``."""
    for cut in (" (", ",", " near ", " in "):
        name = name.split(cut)[0]
    return name


def timeline_alt() -> str:
    """What the timeline shows: its first and last years, its rows, its documents."""
    meetings = caspian.meetings()
    agreements = caspian.agreements()
    years = [m.when.year for m in meetings if m.when is not None]
    years += [a.signed.year for a in agreements if a.signed is not None]
    undated = [m for m in meetings if m.when is None]
    dated = [a for a in agreements if a.signed is not None]
    rows = [ROW_NAMES[kind] for kind in ROWS]
    text = (
        f"Timeline of Caspian diplomacy from {min(years)} to {max(years)}: "
        f"{len(meetings) - len(undated)} meetings on {_number(len(ROWS))} rows by kind "
        f"({_join(rows)}, from the bottom), and above them the {len(dated)} dated documents, "
        "coloured by legal status and linked to the meetings where they were signed. "
        "The time axis breaks between the historic treaties and the years since 1996."
    )
    if undated:
        names = _join([m.name for m in undated])
        text += f" A box lists what has no date: {names}."
    return text


def pipeline_places() -> list[tuple[str, float, float]]:
    """(name, longitude, latitude) of every stop of every pipeline that has coordinates."""
    found = []
    for pipe in caspian.pipelines():
        for place in (pipe.origin, *pipe.waypoints, pipe.terminus):
            if place.coordinates is not None:
                lon, lat = place.coordinates.as_tuple()
                found.append((short(place.name), lon, lat))
    return found


def map_alt() -> str:
    """What the map shows: its pipelines, the places at its edges, the meeting cities and the
    enlarged corridor."""
    places = pipeline_places()
    west = min(places, key=lambda p: p[1])[0]
    east = max(places, key=lambda p: p[1])[0]
    south = min(places, key=lambda p: p[2])[0]
    north = max(places, key=lambda p: p[2])[0]
    cities = {
        m.city.coordinates.as_tuple() for m in caspian.meetings() if m.city.coordinates is not None
    }
    west_end, east_end, south_end, north_end = CORRIDOR
    inside = sorted(
        {
            pipe.name
            for pipe in caspian.pipelines()
            for place in (pipe.origin, *pipe.waypoints, pipe.terminus)
            if place.coordinates is not None
            and west_end <= place.coordinates.longitude <= east_end
            and south_end <= place.coordinates.latitude <= north_end
        }
    )
    return (
        f"Map of the {len(caspian.pipelines())} pipelines around the Caspian Sea over Natural "
        f"Earth's land and borders, reaching from {west} in the west to {east} in the east, "
        f"{north} in the north and {south} in the south, with stars for the {len(cities)} "
        "cities that hosted meetings. An inset enlarges the corridor west of Baku, where "
        f"{_number(len(inside))} pipelines start or pass ({_join(inside)}), so that lines "
        "sharing it are drawn apart."
    )


ALT_TEXTS: dict[str, Callable[[], str]] = {"timeline": timeline_alt, "map": map_alt}
MARKER = ":alt: (generated from the data: {})"


def fill(source: str) -> str:
    """``source`` with every alt-text marker replaced by the text written from the data."""
    for name, write in ALT_TEXTS.items():
        marker = MARKER.format(name)
        if marker in source:
            source = source.replace(marker, ":alt: " + " ".join(write().split()))
    return source


def on_source_read(app: Any, docname: str, source: list[str]) -> None:
    """Sphinx's ``source-read`` event: fill the markers of the page."""
    source[0] = fill(source[0])
