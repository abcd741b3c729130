"""The typed query and lookup functions are thin wrappers over the filters and keys each kind
declares: their arguments, types and documented meanings are the declarations, so a filter
added beside a kind fails here until its wrappers take it."""

from __future__ import annotations

import inspect

import pytest

import caspian
from caspian._filters import annotation, meaning
from caspian._options import arguments
from caspian.dataset import Dataset
from caspian.model import KINDS

QUERIED = [kind for kind in KINDS if kind.KIND.filters]
LOOKED_UP = [kind for kind in KINDS if kind.KIND.keys]


def _signature(function: object) -> list[tuple[str, object, str]]:
    parameters = inspect.signature(function).parameters.values()  # type: ignore[arg-type]
    return [(p.name, p.kind, str(p.annotation)) for p in parameters if p.name != "self"]


def test_every_kind_declares_its_filters() -> None:
    """Every packaged kind has a query made from declared filters."""
    assert [k.__name__ for k in KINDS] == [k.__name__ for k in QUERIED]


@pytest.mark.parametrize("kind", QUERIED, ids=lambda k: k.__name__)
def test_the_typed_queries_take_the_declared_filters(kind: type) -> None:
    """caspian.X and Dataset.X take exactly the kind's filters, in order, with their types."""
    keyword, positional = inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD
    declared = [
        (f.name, positional if f.positional else keyword, annotation(kind, f))
        for f in kind.KIND.filters  # type: ignore[attr-defined]
    ]
    plural = kind.KIND.plural  # type: ignore[attr-defined]
    assert declared == _signature(getattr(caspian, plural))
    assert declared == _signature(getattr(Dataset, plural))
    returned = f"tuple[{kind.__name__}, ...]"
    assert returned == inspect.signature(getattr(caspian, plural)).return_annotation
    assert returned == inspect.signature(getattr(Dataset, plural)).return_annotation


@pytest.mark.parametrize("kind", QUERIED, ids=lambda k: k.__name__)
def test_the_documented_arguments_are_the_declared_meanings(kind: type) -> None:
    """The Args: section of caspian.X says what each filter's declared meaning says."""
    documented = arguments(getattr(caspian, kind.KIND.plural))  # type: ignore[attr-defined]
    from caspian._meanings import plain

    declared = {f.name: plain(meaning(kind, f)) for f in kind.KIND.filters}  # type: ignore[attr-defined]
    assert declared == documented


@pytest.mark.parametrize("kind", LOOKED_UP, ids=lambda k: k.__name__)
def test_the_typed_lookups_exist(kind: type) -> None:
    """A kind with lookup keys has caspian.x(key) and Dataset.x(key), typed."""
    noun = kind.KIND.noun  # type: ignore[attr-defined]
    expected = [("key", inspect.Parameter.POSITIONAL_OR_KEYWORD, f"str | {kind.__name__}")]
    assert expected == _signature(getattr(caspian, noun))
    assert expected == _signature(getattr(Dataset, noun))
    assert kind.__name__ == inspect.signature(getattr(caspian, noun)).return_annotation
