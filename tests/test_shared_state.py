"""Shared state stays shared and unchanged (issue 19, item 16): the classes of results and
records cannot be changed, and attrs.evolve validates its copy as the loader would."""

from __future__ import annotations

import attrs
import pytest

import caspian
from caspian import DataError


def test_the_kind_of_a_results_class_cannot_be_set() -> None:
    """type(caspian.summits()).kind = ... is refused, and later results keep their kind."""
    result = caspian.summits()
    with pytest.raises(AttributeError, match="shared and immutable"):
        type(result).kind = caspian.State  # type: ignore[misc]
    with pytest.raises(AttributeError):
        caspian.Results.kind = caspian.State  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del type(result).kind
    assert caspian.summits().kind is caspian.Summit
    assert caspian.to_csv(caspian.summits(after=2100)).startswith("id,name")


def test_record_classes_cannot_be_changed() -> None:
    """A record class's KIND and methods are shared by every dataset: they cannot be set."""
    with pytest.raises(AttributeError, match="shared and immutable"):
        caspian.State.KIND = caspian.Summit.KIND  # type: ignore[misc]
    with pytest.raises(AttributeError):
        caspian.Summit.host_state = lambda self: None  # type: ignore[method-assign]
    with pytest.raises(AttributeError):
        del caspian.Pipeline.KIND
    assert caspian.State.KIND.noun == "state"


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"name": 5}, "name"),
        ({"successor": "atlantis"}, "successor"),
        ({"from_year": 10**20}, "from_year"),
        ({"sources": ()}, "sources"),
        ({"iso_alpha2": ("I", "R")}, "iso_alpha2"),
    ],
)
def test_evolve_validates_like_the_loader(changes: dict[str, object], path: str) -> None:
    """attrs.evolve of a dataset's record with a value the loader would refuse raises
    DataError naming the field; the packaged record is untouched."""
    iran = caspian.state("IR")
    with pytest.raises(DataError) as caught:
        attrs.evolve(iran, **changes)
    assert path in {p.path for p in caught.value.problems}
    assert caspian.state("IR") is iran and iran.name == "Iran"


def test_evolve_refuses_a_value_of_the_wrong_type_even_if_it_reads_back() -> None:
    """A date field given the string '2020-01-01' is refused: the loader would hold a date."""
    summit = caspian.summit("caspian-summit-2018")
    with pytest.raises(DataError, match="start: has a value of the wrong type"):
        attrs.evolve(summit, start="2018-08-12")


def test_a_valid_evolved_copy_is_checked_and_linked_like_from_dict() -> None:
    """A valid changed copy is linked to the dataset it was validated against, exactly as
    from_dict's record is; an unchanged copy is equal to the original."""
    iran = caspian.state("IR")
    renamed = attrs.evolve(iran, name="Persia")
    assert renamed == caspian.from_dict(caspian.to_dict(renamed), caspian.State)
    assert attrs.evolve(iran) == iran
