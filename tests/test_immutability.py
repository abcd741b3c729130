"""Nothing public can be changed: records, nested values, results and the cached dataset."""

from __future__ import annotations

import attrs
import pytest

import caspian
from caspian.model import KINDS


def test_record_attributes_cannot_be_set() -> None:
    """Assigning to a field of a record raises FrozenInstanceError."""
    iran = caspian.state("IR")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        iran.name = "Persia"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del iran.name  # type: ignore[misc]
    assert caspian.state("IR").name == "Iran"


def test_records_have_no_instance_dict() -> None:
    """Records are slotted: no new attribute can be added."""
    summit = caspian.summit("caspian-summit-2018")
    with pytest.raises((AttributeError, TypeError)):
        summit.extra = 1  # type: ignore[attr-defined]
    assert not hasattr(summit, "__dict__")


def test_nested_values_are_frozen() -> None:
    """Places, coordinates, sources and alternatives are frozen too."""
    summit = caspian.summit("caspian-summit-2018")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        summit.city.name = "Astana"  # type: ignore[misc]
    assert summit.city.coordinates is not None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        summit.city.coordinates.latitude = 0.0  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        summit.sources[0].url = "https://evil.example"  # type: ignore[misc]


@pytest.mark.parametrize("record_type", KINDS, ids=lambda t: t.__name__)
def test_collection_fields_are_tuples(record_type: type[caspian.Record]) -> None:
    """Every collection field of every record is a tuple, so it has no in-place methods."""
    data = caspian.Dataset.packaged()
    for record in data.records(record_type):
        for field in attrs.fields(record_type):
            value = getattr(record, field.name)
            assert not isinstance(value, (list, dict, set)), (record.id, field.name)


def test_results_cannot_be_changed_in_place() -> None:
    """A query result is a tuple: no append, no sort, no item assignment."""
    result = caspian.summits()
    assert isinstance(result, tuple)
    with pytest.raises(AttributeError):
        result.append(None)  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        result.sort()  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        result[0] = None  # type: ignore[index]
    with pytest.raises(AttributeError):
        result.extra = 1  # type: ignore[attr-defined]


def test_cached_dataset_is_unaffected_by_what_callers_do_with_results() -> None:
    """Sorting or slicing a copy of a result leaves the cached data as it was."""
    before = caspian.summits()
    mine = sorted(before, key=lambda s: s.id, reverse=True)
    mine.clear()
    assert before == caspian.summits()


def test_dataset_attributes_cannot_be_set_or_deleted(data: caspian.Dataset) -> None:
    """The shared packaged dataset is immutable: no attribute can be set, replaced or deleted."""
    for name in ("origin", "_own", "_records", "anything"):
        with pytest.raises(AttributeError, match="a Dataset is immutable"):
            setattr(data, name, None)
        with pytest.raises(AttributeError, match="a Dataset is immutable"):
            delattr(data, name)
    assert data.origin == "packaged"
    assert isinstance(data.records(caspian.State), tuple)


def test_evolve_keeps_the_link_to_a_users_dataset(mini: caspian.Dataset) -> None:
    """attrs.evolve of a record from a user's dataset navigates in that dataset, not the packaged."""
    summit = mini.summit("alpha-summit-2001")
    moved = attrs.evolve(summit, host="beta")
    assert moved.dataset is mini
    assert moved.host_state() is mini.state("beta")
    assert moved == attrs.evolve(summit, host="beta")
    assert moved != summit


def test_evolve_makes_a_new_record_and_leaves_the_original() -> None:
    """attrs.evolve gives a changed copy; the packaged record is unchanged."""
    iran = caspian.state("IR")
    renamed = attrs.evolve(iran, name="Persia")
    assert renamed.name == "Persia"
    assert caspian.state("IR").name == "Iran"


def test_records_are_hashable_and_comparable() -> None:
    """Records can go in sets and be keys of dicts."""
    assert len(set(caspian.states(littoral=True))) == 5
    assert {caspian.state("IR"): 1}[caspian.state("iran")] == 1


def test_vocabularies_are_read_only() -> None:
    """Enum members cannot be reassigned."""
    with pytest.raises(AttributeError):
        caspian.MeetingKind.SUMMIT = "x"  # type: ignore[misc]


def test_repr_is_short() -> None:
    """repr() of a record fits on a terminal line."""
    text = repr(caspian.summit("caspian-summit-2018"))
    assert (
        text
        == "Summit(id='caspian-summit-2018', name='Fifth Caspian Summit (Aktau)', start='2018-08-12')"
    )
    assert all(len(repr(a)) < 160 for a in caspian.agreements())


def test_a_kind_is_immutable_and_compared_by_value() -> None:
    """A kind's description cannot be changed, gains no attribute, and equals a copy of it."""
    kind = caspian.State.KIND
    with pytest.raises(AttributeError, match="a Kind is immutable"):
        kind.noun = "country"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="a Kind is immutable"):
        del kind.keys  # type: ignore[misc]
    with pytest.raises(AttributeError):
        kind.extra = 1  # type: ignore[attr-defined]
    assert not hasattr(kind, "__dict__")
    same = caspian.Kind(**{name: getattr(kind, name) for name in kind.__slots__})
    assert (kind, hash(kind)) == (same, hash(same))
    assert kind != caspian.Summit.KIND
    assert kind.noun == "state"
