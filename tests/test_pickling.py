"""Records, results and datasets pickle and deep-copy (issue 18): a packaged record comes back
as the same record, a user dataset's record with its values and its navigation, also through
a process pool."""

from __future__ import annotations

import copy
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

import caspian
from caspian.dataset import Dataset
from caspian.model import KINDS

PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)


def round_trip(value: Any, protocol: int = pickle.DEFAULT_PROTOCOL) -> Any:
    """``value`` pickled and unpickled."""
    return pickle.loads(pickle.dumps(value, protocol))


@settings(max_examples=60, deadline=None)
@given(
    pick=st.sampled_from([(k, r.id) for k in KINDS for r in Dataset.packaged()._own_records(k)]),
    protocol=st.sampled_from(PROTOCOLS),
)
def test_a_packaged_record_comes_back_as_itself(pick: tuple[type[Any], str], protocol: int) -> None:
    """Any record of the packaged data unpickles (any protocol) and deep-copies as itself."""
    kind, ident = pick
    record = Dataset.packaged()._by_id(kind)[ident]
    assert round_trip(record, protocol) is record
    assert copy.deepcopy(record) is record
    assert copy.copy(record) is record


def test_a_packaged_record_travels_as_a_lookup() -> None:
    """A packaged record pickles small: its kind and id, not its dataset's records."""
    assert len(pickle.dumps(caspian.state("IR"))) < 300


def test_the_packaged_dataset_comes_back_as_itself() -> None:
    """The packaged Dataset unpickles and copies as the shared packaged Dataset."""
    data = Dataset.packaged()
    assert round_trip(data) is data
    assert copy.deepcopy(data) is data and copy.copy(data) is data


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_results_pickle_with_their_kind(kind: type[Any]) -> None:
    """Each kind's results, even empty ones, unpickle and deep-copy as results of that kind."""
    everything = Dataset.packaged().records(kind)
    for results in (everything, everything[:0], everything[:2]):
        for back in (round_trip(results), copy.deepcopy(results)):
            assert back == results
            assert type(back) is type(results) and back.kind is kind
            assert all(a is b for a, b in zip(back, results, strict=True))


def test_unpickled_results_keep_their_class_sealed() -> None:
    """A Results class that came back from a pickle is still shared and immutable."""
    back = round_trip(caspian.summits())
    with pytest.raises(AttributeError, match="shared and immutable"):
        type(back).kind = caspian.State  # type: ignore[misc]
    assert caspian.summits().kind is caspian.Summit
    assert type(round_trip(caspian.Results((1, 2)))) is caspian.Results


def test_events_and_evolved_copies_pickle() -> None:
    """Events, a changed copy of a packaged record and a hand-made record round-trip equal;
    those linked to the packaged data stay linked to it."""
    events = caspian.events(kind="signing")[:5]
    assert round_trip(events) == events
    assert round_trip(events)[0].linked_record() is events[0].linked_record()
    renamed = attrs.evolve(caspian.state("IR"), name="Persia")
    back = round_trip(renamed)
    assert back == renamed and back is not renamed and back.dataset is Dataset.packaged()
    made = caspian.Source(url="https://example.org", title="t", kind=caspian.SourceKind.PRIMARY)
    assert round_trip(made) == made


@pytest.fixture
def mine(tmp_path: Path) -> Dataset:
    """The packaged data plus one planned meeting, as a user dataset."""
    return make_user_dataset(tmp_path)


def make_user_dataset(folder: Path) -> Dataset:
    """Write one planned meeting into ``folder`` and load it on top of the packaged data."""
    import json

    meeting = {
        "id": "fm-meeting-2030-baku",
        "name": "Foreign ministers, Baku 2030",
        "kind": "ministerial",
        "status": "planned",
        "city": {"name": "Baku", "state": "azerbaijan"},
        "host": "azerbaijan",
        "participants": ["azerbaijan", "iran"],
        "notes": "An invented example.",
        "sources": [
            {
                "url": "https://example.org/meeting",
                "title": "Example",
                "kind": "secondary",
                "supports": ["city", "participants"],
            }
        ],
    }
    (folder / "meetings.json").write_text(json.dumps([meeting]), encoding="utf-8")
    return Dataset.from_directory(folder, base=Dataset.packaged())


def test_a_user_record_keeps_its_values_and_navigation(mine: Dataset) -> None:
    """A user dataset's record unpickles equal, with a dataset that holds the user's records,
    so that it navigates as before; the copy's caches start empty and work."""
    iran = mine.state("IR")
    iran.meetings()  # fill the original's caches: they do not travel
    back = round_trip(iran)
    assert back == iran and back is not iran
    assert back.dataset is not mine and back.dataset.origin == mine.origin
    assert [m.id for m in back.meetings()] == [m.id for m in iran.meetings()]
    assert "fm-meeting-2030-baku" in [m.id for m in back.meetings()]
    assert back.dataset.meeting("fm-meeting-2030-baku").host_state() == mine.state("AZ")
    assert all(m.dataset is back.dataset for m in back.meetings())


def test_records_pickled_together_share_one_dataset(mine: Dataset) -> None:
    """Records pickled in one call come back in one dataset (pickle keeps shared objects)."""
    iran, baku = round_trip((mine.state("IR"), mine.meeting("fm-meeting-2030-baku")))
    assert iran.dataset is baku.dataset
    assert baku in iran.meetings()


def test_a_user_dataset_pickles_and_deep_copies(mine: Dataset) -> None:
    """A user Dataset round-trips with its origin and records; deep copies share it."""
    back = round_trip(mine)
    assert back.origin == mine.origin and repr(back) == repr(mine)
    for kind in KINDS:
        assert back.records(kind) == mine.records(kind)
    with pytest.raises(AttributeError, match="immutable"):
        back.origin = "elsewhere"  # type: ignore[misc]
    assert copy.deepcopy(mine) is mine
    record = mine.meeting("fm-meeting-2030-baku")
    deep = copy.deepcopy(record)
    assert deep == record and deep.dataset is mine


def in_a_worker(folder: str, sent: Any) -> tuple[Any, ...]:
    """What a worker process returns: a packaged record, results, a user dataset's record,
    and the navigation of a record it was sent."""
    return (
        caspian.state("IR"),
        caspian.summits(after=2010),
        make_user_dataset(Path(folder)).meeting("fm-meeting-2030-baku"),
        sent.meetings(),
    )


def test_records_cross_a_process_pool(tmp_path: Path, mine: Dataset) -> None:
    """Through a spawned process pool, records and results go both ways: the packaged ones
    come back as themselves, a user dataset's record with its values and navigation."""
    (tmp_path / "w").mkdir()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        iran, summits, meeting, navigated = pool.submit(
            in_a_worker, str(tmp_path / "w"), mine.state("IR")
        ).result(timeout=120)
    assert iran is caspian.state("IR")
    assert summits == caspian.summits(after=2010) and summits.kind is caspian.Summit
    assert meeting == mine.meeting("fm-meeting-2030-baku")
    assert [s.id for s in meeting.participant_states()] == ["azerbaijan", "iran"]
    assert meeting in meeting.dataset.state("AZ").meetings()
    assert [m.id for m in navigated] == [m.id for m in mine.state("IR").meetings()]
