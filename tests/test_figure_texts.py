"""The alternative texts of the pictures are written from the data (docs/_ext/alt_text.py), so
they say what the pictures show and cannot drift from it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import caspian

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _alt_text() -> ModuleType:
    spec = importlib.util.spec_from_file_location("alt_text", DOCS / "_ext" / "alt_text.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("alt_text", module)
    spec.loader.exec_module(module)
    return module


def test_the_timeline_alt_text_gives_the_span_and_rows_of_the_data() -> None:
    """The first and last years are those of the dated meetings and documents, the rows those
    drawn, and the undated meetings are named."""
    alt = _alt_text()
    years = [m.when.year for m in caspian.meetings() if m.when]
    years += [a.signed.year for a in caspian.agreements() if a.signed]
    text = alt.timeline_alt()
    assert f"from {min(years)} to {max(years)}" in text
    assert f"on {alt.NUMBERS[len(alt.ROWS)]} rows" in text
    for meeting in caspian.meetings():
        if meeting.when is None:
            assert meeting.name in text


def test_the_map_alt_text_names_the_ends_and_counts_of_the_data() -> None:
    """The map's alt text counts the pipelines and meeting cities, and names the westernmost,
    easternmost and southernmost stops that have coordinates."""
    alt = _alt_text()
    text = alt.map_alt()
    assert f"Map of the {len(caspian.pipelines())} pipelines" in text
    stops = [
        (alt.short(p.name), p.coordinates.longitude, p.coordinates.latitude)
        for pipe in caspian.pipelines()
        for p in (pipe.origin, *pipe.waypoints, pipe.terminus)
        if p.coordinates is not None
    ]
    assert f"from {min(stops, key=lambda s: s[1])[0]} in the west" in text
    assert f"to {max(stops, key=lambda s: s[1])[0]} in the east" in text
    assert f"{min(stops, key=lambda s: s[2])[0]} in the south" in text
    cities = {m.city.name for m in caspian.meetings() if m.city.coordinates}
    assert f"the {len(cities)} cities" in text
    assert "Baku–Tbilisi–Ceyhan pipeline" in text and "South Caucasus Pipeline" in text


def test_the_page_asks_for_the_generated_texts() -> None:
    """Both figures of the page carry the marker that the build fills with the text."""
    alt = _alt_text()
    page = (DOCS / "at-a-glance.md").read_text(encoding="utf-8")
    for name in alt.ALT_TEXTS:
        assert alt.MARKER.format(name) in page
    filled = alt.fill(page)
    assert ":alt: (generated" not in filled
    assert alt.timeline_alt().split()[0] in filled


def test_the_timeline_labels_find_their_meetings_and_treaties() -> None:
    """Each label the timeline writes ("Torkamanchay 1828", "Aktau 2018") finds its meeting,
    and a negotiation's label finds the treaty signed there."""
    alt = _alt_text()
    for meeting in caspian.meetings():
        if meeting.kind.value not in ("summit", "negotiation") or meeting.when is None:
            continue
        label = f"{alt.short(meeting.city.name)} {meeting.when.year}"
        assert caspian.meeting(label) == meeting, label
        if meeting.kind.value == "negotiation":
            assert caspian.agreement(label).year == meeting.when.year
