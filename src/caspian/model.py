"""The record kinds: immutable, slotted, keyword-only attrs classes, each describing itself.

Every record has an ``id`` (a stable lowercase slug), ``sources`` (at least one public page) and
``notes``. Fields that name other records hold their ids; the methods beside them return the
records themselves, from the dataset the record was loaded from. Each class carries the
description of its kind in ``KIND`` (file, noun, lookup keys, columns, order, rules), and the
meaning of each field in the ``#:`` comment above it.

>>> import caspian
>>> summit = caspian.summit("caspian-summit-2018")
>>> summit.city.name, summit.start.isoformat(), summit.ordinal
('Aktau', '2018-08-12', 5)
>>> summit.host_state().name
'Kazakhstan'
"""

from caspian._energy import Pipeline, ReserveEstimate
from caspian._kind import Kind, Record
from caspian._meetings import Meeting, Summit
from caspian._states import State
from caspian._treaties import Agreement, Article, Ratification
from caspian._values import (
    Alternative,
    Attendee,
    Capacity,
    CapitalName,
    Coordinates,
    LocalName,
    Place,
    Results,
    Source,
)
from caspian._vocabulary import (
    AgreementKind,
    AgreementStatus,
    CapacityUnit,
    Commodity,
    MeetingKind,
    MeetingStatus,
    PipelineStatus,
    RatificationStatus,
    ReserveCategory,
    ReserveUnit,
    SourceKind,
    Topic,
)

__all__ = [
    "KINDS",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Alternative",
    "Article",
    "Attendee",
    "Capacity",
    "CapacityUnit",
    "CapitalName",
    "Commodity",
    "Coordinates",
    "Kind",
    "LocalName",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "Pipeline",
    "PipelineStatus",
    "Place",
    "Ratification",
    "RatificationStatus",
    "Record",
    "ReserveCategory",
    "ReserveEstimate",
    "ReserveUnit",
    "Results",
    "Source",
    "SourceKind",
    "State",
    "Summit",
    "Topic",
]

KINDS: tuple[type[Record], ...] = (
    State,
    Meeting,
    Summit,
    Agreement,
    Article,
    Ratification,
    Pipeline,
    ReserveEstimate,
)
