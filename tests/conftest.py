"""Shared fixtures: the packaged dataset, and small datasets written to temporary folders."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import caspian


def source(*supports: str) -> dict[str, Any]:
    """A primary source that supports the given fields."""
    return {
        "url": "https://example.org/source",
        "title": "An example source",
        "publisher": None,
        "kind": "primary",
        "supports": list(supports),
    }


SOURCE = source()


def minimal_records() -> dict[str, list[dict[str, Any]]]:
    """A small, valid dataset: two states, a summit and a ministers' meeting, an agreement with an
    article and a ratification, a pipeline and a reserve estimate."""
    return {
        "states.json": [
            {
                "id": "alpha",
                "name": "Alpha",
                "official_name": "Republic of Alpha",
                "aliases": ["Alphaland"],
                "iso_alpha2": "AA",
                "iso_alpha3": "AAA",
                "littoral": True,
                "capital": "Alpha City",
                "from_year": 1991,
                "sources": [source("capital", "from_year")],
            },
            {
                "id": "beta",
                "name": "Beta",
                "official_name": "Kingdom of Beta",
                "littoral": False,
                "from_year": 1900,
                "sources": [source("from_year")],
            },
        ],
        "summits.json": [
            {
                "id": "alpha-summit-2001",
                "name": "Alpha Summit",
                "ordinal": 101,
                "city": {
                    "name": "Alpha City",
                    "state": "alpha",
                    "coordinates": {"longitude": 50.0, "latitude": 40.0},
                },
                "host": "alpha",
                "start": "2001-05-01",
                "end": "2001-05-02",
                "participants": ["alpha", "beta"],
                "summary": "A meeting.",
                "sources": [source("start", "city", "participants")],
            }
        ],
        "meetings.json": [
            {
                "id": "fm-meeting-2000-beta",
                "name": "Beta ministers' meeting",
                "aliases": ["Beta, 2000"],
                "kind": "ministerial",
                "city": {"name": "Beta Port", "state": "beta"},
                "host": "beta",
                "start": "2000-03-01",
                "participants": ["alpha", "beta"],
                "sources": [source("start", "city", "participants")],
            }
        ],
        "agreements.json": [
            {
                "id": "alpha-treaty",
                "title": "Treaty of Alpha",
                "short_title": "Alpha Treaty",
                "kind": "treaty",
                "signed": "2001-05-02",
                "meeting": "alpha-summit-2001",
                "parties": ["alpha", "beta"],
                "status": "in_force",
                "in_force_date": "2002-01-01",
                "article_count": 3,
                "topics": ["navigation"],
                "sources": [source("signed", "parties")],
            }
        ],
        "articles.json": [
            {
                "id": "alpha-treaty-art-1",
                "agreement": "alpha-treaty",
                "number": 1,
                "title": "Ships",
                "summary": "Ships may sail.",
                "topics": ["navigation"],
                "sources": [source("summary")],
            }
        ],
        "ratifications.json": [
            {
                "id": "alpha-treaty--beta",
                "agreement": "alpha-treaty",
                "state": "beta",
                "status": "ratified",
                "date": "2001-12-01",
                "sources": [source("date")],
            }
        ],
        "pipelines.json": [
            {
                "id": "alpha-beta-line",
                "name": "Alpha–Beta line",
                "commodity": "oil",
                "route": ["alpha", "beta"],
                "origin": {"name": "Alpha City", "state": "alpha"},
                "terminus": {"name": "Beta Port", "state": "beta"},
                "length_km": 100,
                "capacity": {"value": 1.0, "unit": "million_barrels_per_day"},
                "status": "operational",
                "operational_since": 2005,
                "sources": [source("length_km", "route")],
            }
        ],
        "reserves.json": [
            {
                "id": "alpha-oil",
                "commodity": "oil",
                "category": "proved_and_probable",
                "value": 1.5,
                "unit": "billion_barrels",
                "year": 2012,
                "estimator": "Example agency",
                "region": "Alpha",
                "sources": [source("value")],
            }
        ],
    }


def write_records(folder: Path, records: dict[str, Any]) -> Path:
    """Write each file's records as JSON into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in records.items():
        text = (
            content
            if isinstance(content, (str, bytes))
            else json.dumps(content, ensure_ascii=False)
        )
        if isinstance(text, bytes):
            (folder / name).write_bytes(text)
        else:
            (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def records() -> dict[str, list[dict[str, Any]]]:
    """A fresh, mutable copy of the minimal dataset's records."""
    return copy.deepcopy(minimal_records())


@pytest.fixture
def write(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    """Write records into a new temporary folder and return the folder."""
    counter = iter(range(1_000_000))

    def _write(content: dict[str, Any]) -> Path:
        return write_records(tmp_path / f"data{next(counter)}", content)

    return _write


@pytest.fixture
def mini(records: dict[str, Any], write: Callable[[dict[str, Any]], Path]) -> caspian.Dataset:
    """The minimal dataset, loaded."""
    return caspian.Dataset.from_directory(write(records))


@pytest.fixture(scope="session")
def data() -> caspian.Dataset:
    """The packaged dataset."""
    return caspian.Dataset.packaged()


def _race(call: Callable[[], Any], threads: int = 8) -> list[Any]:
    """What ``call`` answers in each of ``threads`` threads started at once."""
    barrier = threading.Barrier(threads)
    seen: list[Any] = []

    def run() -> None:
        barrier.wait()
        seen.append(call())

    started = [threading.Thread(target=run) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return seen


@pytest.fixture
def race() -> Callable[..., list[Any]]:
    """Run a call in several threads at once (``race(call, threads=8)``) and give each answer."""
    return _race
