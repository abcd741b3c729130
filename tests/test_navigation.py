"""Navigation from reverse indexes (issue 18): every navigation method gives what a scan of the
dataset gives, in the same order, on the packaged data, on user data and on random links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

import caspian
from caspian import Agreement, Meeting, Ratification, State, Summit
from caspian.dataset import Dataset
from caspian.model import KINDS


def scanned(data: Dataset, kind: type[Any], test: Any) -> tuple[Any, ...]:
    """What a scan of every record of ``kind`` in ``data`` gives, in the kind's order."""
    return tuple(r for r in data.records(kind) if test(r))


def check_every_navigation(data: Dataset) -> None:
    """Each navigation method of each record equals the scan it replaces."""
    for s in data.records(State):
        assert scanned(data, State, lambda r, s=s: r.successor == s.id) == s.predecessor_states()
        assert scanned(data, Meeting, lambda r, s=s: s.id in r.participants) == s.meetings()
        assert scanned(data, Summit, lambda r, s=s: s.id in r.participants) == s.summits()
        assert scanned(data, Agreement, lambda r, s=s: s.id in r.parties) == s.agreements()
        assert scanned(data, Ratification, lambda r, s=s: r.state == s.id) == s.ratifications()
        assert scanned(data, caspian.Pipeline, lambda r, s=s: s.id in r.route) == s.pipelines()
        assert data.meetings(participant=s) == s.meetings()
        assert data.agreements(party=s) == s.agreements()
    for m in data.records(Meeting):
        expected = scanned(data, Agreement, lambda r, m=m: r.meeting == m.id)
        assert expected == m.signed_agreements() == data.agreements(meeting=m)
    for a in data.records(Agreement):
        expected = scanned(data, caspian.Article, lambda r, a=a: r.agreement == a.id)
        assert expected == a.articles() == data.articles(a)
        expected = scanned(data, Ratification, lambda r, a=a: r.agreement == a.id)
        assert expected == a.ratifications() == data.ratifications(a)
        assert scanned(data, Agreement, lambda r, a=a: r.parent == a.id) == a.protocols()


def test_navigation_equals_the_scans_on_the_packaged_data(data: Dataset) -> None:
    """On the packaged data, every record's navigation gives the scan's records in order."""
    check_every_navigation(data)


def test_navigation_equals_the_scans_on_a_user_dataset(mini: Dataset) -> None:
    """On a user dataset, navigation reads that dataset's own records."""
    check_every_navigation(mini)
    assert all(m.dataset is mini for s in mini.records(State) for m in s.meetings())


def test_navigation_answers_keep_their_kind(data: Dataset) -> None:
    """Navigation that gave query results still gives results of the right kind, even empty."""
    iran = data.state("IR")
    assert iran.meetings().kind is Meeting  # type: ignore[attr-defined]
    assert data.state("russian-empire").summits().kind is Summit  # type: ignore[attr-defined]
    assert data.state("russian-empire").summits() == ()
    assert type(iran.predecessor_states()) is tuple
    assert type(data.agreement("tehran-convention").protocols()) is tuple


def test_event_links_find_their_record(data: Dataset) -> None:
    """Each event's linked record is the record of its kind and id."""
    for event in data.events():
        record = event.linked_record()
        assert (record.id, record.KIND.noun) == (event.record, event.record_kind)


def test_an_evolved_copy_navigates_as_its_original(data: Dataset) -> None:
    """A changed copy of a record (same id) navigates like the record it copies."""
    iran = data.state("IR")
    renamed = attrs.evolve(iran, name="Persia")
    assert renamed.meetings() == iran.meetings()
    assert renamed.ratifications() == iran.ratifications()


def test_reverse_indexes_are_built_once_by_racing_threads(
    race: Callable[..., list[Any]],
) -> None:
    """Threads that navigate a new dataset at once get the same index, built once."""
    data = Dataset._new("race", {k: data_records(k) for k in KINDS})
    seen = race(lambda: data.state("RU").meetings())
    assert len(seen) == 8 and all(s is seen[0] for s in seen)


def data_records(kind: type[Any]) -> list[Any]:
    """Unlinked copies of the packaged records of exactly ``kind``."""
    packaged = Dataset.packaged()
    return [attrs.evolve(r, _dataset=None) for r in packaged._own_records(kind)]


STATE_IDS = sorted(s.id for s in Dataset.packaged().records(State))
MEETING_IDS = sorted(m.id for m in Dataset.packaged().records(Meeting))


@settings(max_examples=25, deadline=None)
@given(
    participants=st.lists(
        st.lists(st.sampled_from(STATE_IDS), max_size=6), min_size=1, max_size=50
    ),
    meetings=st.lists(st.none() | st.sampled_from(MEETING_IDS), min_size=1, max_size=60),
)
def test_navigation_equals_the_scans_on_random_links(
    participants: list[list[str]], meetings: list[str | None]
) -> None:
    """With random participants (repeats included) and signing meetings, navigation still
    equals the scans (the links are not checked: only navigation is under test)."""
    own = {k: data_records(k) for k in KINDS}
    for kind in (Meeting, Summit):
        own[kind] = [
            attrs.evolve(m, participants=tuple(participants[i % len(participants)]))
            for i, m in enumerate(own[kind])
        ]
    own[Agreement] = [
        attrs.evolve(a, meeting=meetings[i % len(meetings)]) for i, a in enumerate(own[Agreement])
    ]
    check_every_navigation(Dataset._new("random", own))


@pytest.mark.parametrize("name", ["articles", "ratifications"])
def test_the_old_property_spelling_still_works_and_warns(data: Dataset, name: str) -> None:
    """agreement.articles (without the call) still reads as the tuple, with a warning."""
    convention = data.agreement("legal-status-convention")
    with pytest.warns(DeprecationWarning, match=rf"Agreement\.{name}\(\)"):
        old = list(getattr(convention, name))
    assert tuple(old) == getattr(convention, name)()


def test_a_copy_with_a_new_id_navigates_as_the_queries_do(data: Dataset) -> None:
    """A changed copy whose id names nothing: methods that were queries raise NotFoundError
    as the queries do; those that were scans by id find nothing."""
    newland = attrs.evolve(data.state("IR"), id="newland")
    with pytest.raises(caspian.NotFoundError, match="newland"):
        data.meetings(participant=newland)
    with pytest.raises(caspian.NotFoundError, match="newland"):
        newland.meetings()
    assert newland.predecessor_states() == ()
    copy = attrs.evolve(data.agreement("tehran-convention"), id="tc2")
    with pytest.raises(caspian.NotFoundError, match="tc2"):
        copy.articles()
    assert copy.protocols() == ()
