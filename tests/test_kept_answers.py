"""A dataset keeps the answers of its queries (``caspian._query.answer``): a kept answer is
always the one the query would give afresh, and errors are raised again, every time."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import caspian
from caspian import _query
from caspian.dataset import Dataset
from caspian.model import KINDS, Agreement, State, Summit

QUERIED = [kind for kind in KINDS if kind.KIND.filters]


def afresh(data: Dataset, kind: type, **arguments: Any) -> tuple[Any, ...]:
    """The answer worked out without the kept answers."""
    return _query.query(data, kind, arguments)


def test_an_answer_asked_again_is_the_same(data: Dataset) -> None:
    """Asked twice, a query gives the answer it gives afresh."""
    for _ in range(2):
        assert afresh(data, Summit, after=2007) == data.summits(after=2007)
        assert afresh(data, Agreement, party="IR") == caspian.agreements(party="IR")
        assert afresh(data, Summit) == data.query(Summit)


def test_two_datasets_keep_their_own_answers(data: Dataset, mini: Dataset) -> None:
    """The same arguments on two datasets with different records give each its own records."""
    for _ in range(2):
        assert [s.id for s in mini.summits(after=2000)] == ["alpha-summit-2001"]
        assert data.summits(after=2000)[0].id == "caspian-summit-2002"
        assert [s.id for s in mini.states()] == ["alpha", "beta"]
        assert len(data.states()) > 2


def test_a_user_dataset_on_top_of_the_packaged_answers_with_its_own_records(
    data: Dataset, records: dict[str, Any], write: Callable[[dict[str, Any]], Path]
) -> None:
    """A dataset extending the packaged one gives its extra record where the packaged does not."""
    summit = dict(records["summits.json"][0], id="a-later-summit", name="Later", ordinal=9)
    summit.update(start="2031-05-01", end="2031-05-02", host="kazakhstan")
    summit.update(participants=["kazakhstan"], city={"name": "Aktau", "state": "kazakhstan"})
    extended = Dataset.from_directory(write({"summits.json": [summit]}), base=data)
    for _ in range(2):
        assert "a-later-summit" not in [s.id for s in data.summits(after=2030)]
        assert [s.id for s in extended.summits(after=2030)] == ["a-later-summit"]


@pytest.mark.parametrize(
    ("valid", "invalid"),
    [
        ({"after": 1}, {"after": True}),
        ({"after": 1}, {"after": 1.0}),
        ({"after": 2007}, {"after": 2007.0}),
        ({"year": 2018}, {"year": 2018.0}),
    ],
)
def test_equal_arguments_of_another_type_are_checked_again(
    data: Dataset, valid: dict[str, Any], invalid: dict[str, Any]
) -> None:
    """1, True and 1.0 are equal and hash alike: a kept answer for one is not the other's."""
    assert data.summits(**valid) == afresh(data, Summit, **valid)
    for _ in range(2):
        with pytest.raises(caspian.ArgumentTypeError, match=r"not (bool|float)"):
            data.summits(**invalid)


def test_a_flag_is_not_a_number(data: Dataset) -> None:
    """states(littoral=True) kept does not answer states(littoral=1), which is refused."""
    assert len(data.states(littoral=True)) == 5
    with pytest.raises(caspian.ArgumentTypeError, match="not int: 1"):
        data.states(littoral=1)  # type: ignore[arg-type]
    with pytest.raises(caspian.ArgumentTypeError, match="not int: 0"):
        data.states(littoral=0)  # type: ignore[arg-type]
    assert data.states(littoral=False) == afresh(data, State, littoral=False)


def test_a_key_and_a_record_give_the_same_answer(data: Dataset) -> None:
    """A record as an argument answers as its key does; a changed copy of one too."""
    import attrs

    kazakhstan = data.state("KZ")
    assert [s.id for s in data.summits(host="KZ")] == ["caspian-summit-2018"]
    assert data.summits(host=kazakhstan) == data.summits(host="KZ")
    renamed = attrs.evolve(kazakhstan, name="Renamed")
    assert data.summits(host=renamed) == data.summits(host="KZ")


def test_unhashable_arguments_are_checked_every_time(data: Dataset) -> None:
    """A list is refused with its message, however often it is given."""
    for _ in range(3):
        with pytest.raises(caspian.ArgumentTypeError, match=r"not list: \['IR'\]"):
            data.summits(host=["IR"])  # type: ignore[arg-type]
        with pytest.raises(caspian.ArgumentTypeError, match="takes no argument"):
            data.query(Summit, party=["IR"])


def test_errors_are_raised_again_with_their_messages(data: Dataset) -> None:
    """Nothing is kept for a query that raises: the same error comes every time."""
    for _ in range(3):
        with pytest.raises(caspian.NotFoundError, match="Atlantis"):
            caspian.summits(host="Atlantis")
        with pytest.raises(caspian.InvalidQueryError, match="empty range"):
            caspian.summits(after=2018, before=2010)
        with pytest.raises(caspian.InvalidQueryError, match="did you mean 'held'"):
            caspian.summits(status="hled")


def test_an_answer_that_depends_on_today_is_not_kept(data: Dataset) -> None:
    """binding= without in_force_on asks about today: it is answered afresh each time."""
    day = dt.date(2006, 12, 31)
    assert data.agreements(binding="KZ") == afresh(data, Agreement, binding="KZ")
    assert data.agreements(binding="KZ", in_force_on=day) == afresh(
        data, Agreement, binding="KZ", in_force_on=day
    )
    assert not [k for k in data._answers if k[0] is Agreement and k[1][-1] == "KZ"]
    data.agreements(party="KZ")
    assert [k for k in data._answers if k[0] is Agreement and k[1][0] == "KZ"]


def test_the_kept_answers_are_bounded(mini: Dataset) -> None:
    """A dataset keeps at most KEPT answers, and answers right after forgetting them."""
    for year in range(1, 2 * _query.KEPT + 10):
        mini.summits(after=year)
        assert len(mini._answers) <= _query.KEPT
    assert mini.summits(after=2000) == afresh(mini, Summit, after=2000)


def test_a_dataset_does_not_carry_its_kept_answers(mini: Dataset) -> None:
    """A pickled dataset comes back without the answers kept, and answers the same."""
    mini.summits(after=2000)
    copy = pickle.loads(pickle.dumps(mini))
    assert copy._answers == {}
    assert [s.id for s in copy.summits(after=2000)] == [s.id for s in mini.summits(after=2000)]


def test_threads_get_right_answers(data: Dataset, race: Callable[..., list[Any]]) -> None:
    """Threads asking at once each get the answer the query gives afresh."""
    asked = [{"after": 2000 + i % 20} for i in range(40)] + [{"host": "IR"}, {"year": 2018}]
    expected = [afresh(data, Summit, **a) for a in asked]
    got = race(lambda: [data.summits(**a) for a in asked], threads=4)
    assert [expected] * 4 == got


@pytest.mark.parametrize("kind", QUERIED, ids=lambda k: k.__name__)
def test_each_typed_query_passes_each_argument_in_its_place(
    kind: type, data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dataset.X hands each argument to the generic query as the filter of that name."""
    asked: list[tuple[Any, ...]] = []
    monkeypatch.setattr(_query, "answer", lambda data, kind, values: asked.append(values))
    filters = kind.KIND.filters  # type: ignore[attr-defined]
    for place, one in enumerate(filters):
        getattr(data, kind.KIND.plural)(**{one.name: place})  # type: ignore[attr-defined]
        assert asked[-1] == tuple(place if i == place else None for i in range(len(filters)))


@pytest.mark.parametrize("kind", QUERIED, ids=lambda k: k.__name__)
def test_each_query_function_passes_each_argument_in_its_place(
    kind: type, data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """caspian.X hands each argument to the generic query as the filter of that name."""
    getattr(caspian, kind.KIND.plural)()  # type: ignore[attr-defined]
    asked: list[tuple[Any, ...]] = []
    monkeypatch.setattr(caspian, "_answer", lambda data, kind, values: asked.append(values))
    filters = kind.KIND.filters  # type: ignore[attr-defined]
    for place, one in enumerate(filters):
        getattr(caspian, kind.KIND.plural)(**{one.name: place})  # type: ignore[attr-defined]
        assert asked[-1] == tuple(place if i == place else None for i in range(len(filters)))
