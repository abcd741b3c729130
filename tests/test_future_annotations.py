"""A kind module written with ``from __future__ import annotations`` behaves as one without it:
the field shapes resolve the annotations once, so both paths build tuples, dates and members."""

from __future__ import annotations

import copy
import datetime as _dt

from caspian._construct import build_all
from caspian._fields import shape, shapes
from caspian._load import structure
from caspian.errors import Problem
from caspian.model import Summit
from organization import DATA, Office, Organization, OrganizationStatus


def test_string_annotations_are_resolved() -> None:
    """The shapes of a class with string annotations hold real types, as for a packaged kind."""
    assert isinstance(Organization.__annotations__["members"], str)
    assert (True, "State", str) == (
        shape(Organization, "members").many,
        shape(Organization, "members").ref,
        shape(Organization, "members").base,
    )
    assert (
        shape(Organization, "founded").kind,
        shape(Organization, "founded").optional,
    ) == ("date", True)
    assert shape(Organization, "status").vocabulary == ("active", "dissolved")
    assert Office is shape(Organization, "offices").base
    assert [s.name for s in shapes(Summit)][:2] == ["id", "name"]


def test_the_fast_path_builds_tuples_and_dates() -> None:
    """The fast path builds tuples where tuples belong, dates and vocabulary members."""
    cep = build_all(Organization, copy.deepcopy(DATA))[0]
    assert isinstance(cep.members, tuple)
    assert isinstance(cep.offices, tuple) and isinstance(cep.offices[0], Office)
    assert _dt.date(1998, 5, 1) == cep.founded == cep.offices[0].opened
    assert OrganizationStatus.DISSOLVED is cep.status
    assert isinstance(cep.sources, tuple) and isinstance(cep.sources[0].supports, tuple)


def test_both_paths_build_equal_records() -> None:
    """The validating path gives the same records as the fast path, without problems."""
    problems: list[Problem] = []
    validated = structure(copy.deepcopy(DATA), Organization, "organizations.json", problems)
    assert problems == []
    assert build_all(Organization, copy.deepcopy(DATA)) == validated
    assert all(isinstance(r.members, tuple) for r in validated)


def test_the_validating_path_reports_wrong_shapes() -> None:
    """A string where the class wants an array is a problem, not a tuple of letters."""
    item = {**copy.deepcopy(DATA[0]), "members": "iran"}
    problems: list[Problem] = []
    structure([item], Organization, "organizations.json", problems)
    assert [p[2] for p in problems] == ["members"]
