"""A small record kind defined in the test suite, as a new kind would be written in a kind module.

The module uses ``from __future__ import annotations`` on purpose: its annotations are strings
until the field shapes resolve them, and everything must work as for the packaged kinds.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, ClassVar

import attrs

from caspian._filters import dates, record, value
from caspian._kind import Kind, Record, Value, _Vocabulary, dataset_field, ref
from caspian._values import Alternative, Place, Source

#: The module's public names: a packaged kind's module lists them here, once.
__all__ = ["Office", "Organization", "OrganizationStatus"]


class OrganizationStatus(_Vocabulary):
    """Whether an organization still works."""

    ACTIVE = "active"
    DISSOLVED = "dissolved"


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Office(Value):
    """An office of an organization."""

    #: The city of the office.
    city: str
    #: The state the office is in.
    state: str | None = ref("State")
    #: The day it opened, where known.
    opened: _dt.date | None = None


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Organization(Record):
    """An intergovernmental organization of the region."""

    KIND: ClassVar[Kind] = Kind(
        file="organizations.json",
        noun="organization",
        plural="organizations",
        keys=("id", "name", "acronym"),
        label="name",
        columns=("id", "name", "acronym", "founded", "members", "status"),
        order=lambda o: o.name,
        filters=(
            record("member", "members", "Keep {plural} this state is a member of."),
            value("status", meaning="Keep {plural} in this :class:`OrganizationStatus`."),
            *dates(
                "founded",
                after="Keep {plural} founded after this year or date.",
                before="Keep {plural} founded before this year or date.",
                year="Keep {plural} founded in this year.",
            ),
        ),
    )

    #: The record's id.
    id: str
    #: The organization's name in English.
    name: str
    #: Its acronym (``"CEP"``).
    acronym: str | None = None
    #: The day it was founded.
    founded: _dt.date | None = None
    #: Whether it still works.
    status: OrganizationStatus
    #: The ids of its member states.
    members: tuple[str, ...] = ref("State", ())
    #: Its offices.
    offices: tuple[Office, ...] = ()
    #: Its seat, where it has one.
    seat: Place | None = None
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = dataset_field()


SOURCE = {
    "url": "https://www.tehranconvention.org/",
    "title": "Tehran Convention",
    "kind": "secondary",
    "supports": [],
}

#: The data file of the test kind.
DATA = [
    {
        "id": "caspian-environment-programme",
        "name": "Caspian Environment Programme",
        "acronym": "CEP",
        "founded": "1998-05-01",
        "status": "dissolved",
        "members": ["azerbaijan", "iran", "kazakhstan", "russia", "turkmenistan"],
        "offices": [{"city": "Baku", "state": "azerbaijan", "opened": "1998-05-01"}],
        "seat": {
            "name": "Baku",
            "state": "azerbaijan",
            "coordinates": {"longitude": 49.87, "latitude": 40.41},
        },
        "sources": [SOURCE],
    },
    {
        "id": "cascade",
        "name": "Caspian Research Network",
        "status": "active",
        "members": ["kazakhstan"],
        "sources": [SOURCE],
    },
]
