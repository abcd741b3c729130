"""Time: the chronology of events the records imply, and state-year and dyad-year panels.

:class:`Dataset` inherits the queries here (``events``, ``panel``, and the ``in_force_on`` and
``binding`` filters of ``agreements``); :func:`caspian.events` and :func:`caspian.panel` ask
the packaged dataset. The rules for what is counted, at which date, and how unknown dates are
treated are in the guide (``docs/guide/time.md``) and on each column below.

>>> import caspian
>>> [(e.date.isoformat(), e.label) for e in caspian.events(state="KZ", kind="meeting",
...                                                       after="2018-08-11", before=2019)]
[('2018-08-12', 'Fifth Caspian Summit (Aktau)')]
"""

import datetime as _dt
from typing import TYPE_CHECKING, Any, ClassVar

import attr

from caspian import model
from caspian._kind import Record, Value, _Vocabulary, dataset_field
from caspian.errors import ArgumentTypeError, InvalidQueryError, _shown

if TYPE_CHECKING:
    from caspian.model import Pipeline

__all__ = ["DyadYear", "Event", "EventKind", "Precision", "StateYear"]


class EventKind(_Vocabulary):
    """What happened at an :class:`Event`.

    >>> EventKind("entry_into_force")
    EventKind.ENTRY_INTO_FORCE
    """

    #: A state came into existence (its ``from_year``).
    STATE_START = "state_start"
    #: A meeting (a summit or another) was held.
    MEETING = "meeting"
    #: An agreement was signed (by all its parties, or by one on its own day).
    SIGNING = "signing"
    #: A state's act of ratification, approval or accession.
    RATIFICATION = "ratification"
    #: An agreement entered into force (for all, or for one state on its own day).
    ENTRY_INTO_FORCE = "entry_into_force"
    #: An agreement ceased to have effect.
    END = "end"
    #: A pipeline started operating.
    PIPELINE_OPENING = "pipeline_opening"
    #: A state ceased to exist (its ``to_year``).
    STATE_END = "state_end"


class Precision(_Vocabulary):
    """How exactly an event is dated.

    >>> [p.value for p in Precision]
    ['day', 'year']
    """

    DAY = "day"
    YEAR = "year"


_ORDER = {kind: number for number, kind in enumerate(EventKind)}


@attr.frozen(kw_only=True, repr=False, eq=False)
class Event(Value):
    """One dated event that the records imply, with links back to them.

    >>> import caspian
    >>> event = caspian.events(kind="meeting", after="2018-08-11", before="2018-08-13")[0]
    >>> event.date.isoformat(), event.record, event.linked_record().city.name
    ('2018-08-12', 'caspian-summit-2018', 'Aktau')
    """

    #: The columns a table shows (all of them go to CSV, JSON and pandas).
    SHOWN: ClassVar[tuple[str, ...]] = ("date", "year", "kind", "record", "states", "label")

    #: The day; ``None`` for an event known only by its year (``precision`` is then ``year``).
    date: _dt.date | None
    #: The year of the event.
    year: int
    #: ``day`` when the day is known, ``year`` when only the year is.
    precision: Precision
    #: What happened: ``state_start``, ``meeting``, ``signing``, ``ratification``,
    #: ``entry_into_force``, ``end``, ``pipeline_opening`` or ``state_end``.
    kind: EventKind
    #: The noun of the record the event comes from: ``state``, ``meeting``, ``agreement``,
    #: ``ratification`` or ``pipeline``.
    record_kind: str
    #: The id of that record.
    record: str
    #: The id of the agreement concerned, for signings, ratifications, entries into force
    #: and ends; ``None`` for other events.
    agreement: str | None = None
    #: The ids of the states involved: the participants of a meeting, the parties of an
    #: agreement (or the one state of a ratification or of its own signing or entry into
    #: force), the route of a pipeline, the state that began or ended.
    states: tuple[str, ...] = ()
    #: What happened, in one line.
    label: str
    _dataset: Any = dataset_field()

    def linked_record(self) -> Record:
        """The record the event comes from (a meeting, agreement, ratification, pipeline or
        state), from the dataset the event was made from."""
        kind = next(k for k in model.KINDS if k.KIND.noun == self.record_kind)
        return self._dataset._by_id(kind)[self.record]  # type: ignore[no-any-return]


@attr.frozen(kw_only=True, repr=False, eq=False)
class StateYear(Value):
    """One row of the state-year panel: a state in a year it existed, with its codes and
    counts. Counts of meetings, signings and ratifications are of events dated in the year;
    binding agreements and operational pipelines are as at the year's end (31 December).

    >>> import caspian
    >>> row = caspian.panel("state-year", start=2018, end=2018, states=["KZ"])[0]
    >>> row.cow_code, row.summits_hosted, row.summits_attended
    (705, 1, 1)
    """

    #: The caspian id of the state.
    state: str
    #: The year.
    year: int
    #: The state's common English name.
    name: str
    #: ISO 3166-1 alpha-3 code; empty for historic entities.
    iso_alpha3: str | None = None
    #: Correlates of War state code (shared by the entities of one COW state, so a year of
    #: transition, such as 1991 for the Soviet Union and Russia, has two rows with it).
    cow_code: int | None = None
    #: Correlates of War state abbreviation.
    cow_abbreviation: str | None = None
    #: Gleditsch–Ward state code (shared like ``cow_code``).
    gw_code: int | None = None
    #: Caspian Summits held in the year that the state took part in.
    summits_attended: int
    #: Caspian Summits held in the year that the state hosted.
    summits_hosted: int
    #: Other meetings held in the year (ministerial, conferences, forums, negotiations) that
    #: the state took part in.
    meetings_attended: int
    #: Other meetings held in the year that the state hosted.
    meetings_hosted: int
    #: Agreements the state is a party to that it signed in the year (on its own signing day
    #: where the data gives one, else the agreement's).
    agreements_signed: int
    #: The state's ratifications (or approvals, or accessions) whose act is dated in the year.
    ratifications: int
    #: Agreements binding the state on 31 December of the year (see ``Agreement.binds``).
    agreements_binding: int
    #: Agreements to which the state is a party for which the data cannot decide whether they
    #: bound it on 31 December (never counted in ``agreements_binding``).
    agreements_undecided: int
    #: Pipelines whose route crosses the state that were operating on 31 December.
    pipelines_operational: int
    #: Pipelines through the state for which the data cannot decide whether they were
    #: operating then (an operating line with no opening year, or one idle since an unknown
    #: year).
    pipelines_undecided: int


@attr.frozen(kw_only=True, repr=False, eq=False)
class DyadYear(Value):
    """One row of the dyad-year panel: an unordered pair of states in a year both existed.

    >>> import caspian
    >>> row = caspian.panel("dyad-year", start=2018, end=2018, states=["KZ", "IR"])[0]
    >>> row.state_a, row.state_b, row.summits_attended
    ('iran', 'kazakhstan', 1)
    """

    #: The caspian id of the first state (the pair is ordered by id).
    state_a: str
    #: The caspian id of the second state.
    state_b: str
    #: The year.
    year: int
    #: Correlates of War code of the first state.
    cow_code_a: int | None = None
    #: Correlates of War code of the second state.
    cow_code_b: int | None = None
    #: Gleditsch–Ward code of the first state.
    gw_code_a: int | None = None
    #: Gleditsch–Ward code of the second state.
    gw_code_b: int | None = None
    #: ISO 3166-1 alpha-3 code of the first state.
    iso_alpha3_a: str | None = None
    #: ISO 3166-1 alpha-3 code of the second state.
    iso_alpha3_b: str | None = None
    #: Caspian Summits held in the year that both states took part in.
    summits_attended: int
    #: Meetings of every kind (summits included) held in the year that both took part in.
    meetings_attended: int
    #: Agreements to which both are parties that both signed in the year.
    agreements_signed: int
    #: Agreements binding both states on 31 December of the year.
    agreements_binding: int
    #: Agreements to which both are parties that bind neither not (no ``False`` for either)
    #: but are undecided for at least one on 31 December.
    agreements_undecided: int


_HOOKED: list[bool] = []


def _hook() -> None:
    """Export the vocabularies here as their values (the converter is made before them)."""
    if not _HOOKED:
        from caspian._load import converter

        for enum in (EventKind, Precision):
            converter.register_unstructure_hook(enum, lambda member: member.value)
        _HOOKED.append(True)


# -- building blocks --------------------------------------------------------------------------


def operating(pipeline: "Pipeline", year: int) -> bool | None:
    """Whether ``pipeline`` was operating at the end of ``year``; ``None`` if undecidable.

    >>> import caspian
    >>> btc = caspian.pipeline("BTC")
    >>> operating(btc, 2005), operating(btc, 2006)
    (False, True)
    """
    status = model.PipelineStatus
    opened = pipeline.operational_since
    if opened is None:
        never = (status.PROPOSED, status.UNDER_CONSTRUCTION, status.STALLED)
        return False if pipeline.status in never else None
    if year < opened:
        return False
    if pipeline.status is status.OPERATIONAL:
        return True
    if pipeline.status_since is None:
        return None
    return year < pipeline.status_since


def _year(name: str, value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ArgumentTypeError(
            f"{name} must be a year (int), not {type(value).__name__}: {_shown(value)}"
        )
    if not 1 <= value <= 9999:
        raise InvalidQueryError(f"{name} must be a year from 1 to 9999, got {_shown(value)}")
    return value


def _first_day(event: Event) -> _dt.date:
    return event.date or _dt.date(event.year, 1, 1)


def _last_day(event: Event) -> _dt.date:
    return event.date or _dt.date(event.year, 12, 31)


def _event_order(event: Event) -> tuple[int, bool, _dt.date, int, str]:
    """By year; within a year, events known only by their year first, then by day."""
    return (event.year, event.date is not None, _first_day(event), _ORDER[event.kind], event.record)
