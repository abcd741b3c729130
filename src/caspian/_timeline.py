"""The time queries of :class:`Dataset`: the chronology and the panels.

:meth:`Dataset.events` and :meth:`Dataset.panel` call :func:`events` and :func:`panel` here on
first use, so that the first answer of a query does not import this module. The rows they
return, and the rules for what is counted, are in :mod:`caspian._time`; the ``in_force_on``
and ``binding`` filters of ``agreements`` are in :mod:`caspian._treaty_filters`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from caspian import _args, model
from caspian._coerce import datetime as _dt
from caspian._kind import Record
from caspian._values import Results
from caspian.errors import ArgumentTypeError, InvalidQueryError, _shown

if TYPE_CHECKING:
    from caspian._args import YearOrDate
    from caspian._time import DyadYear, Event, EventKind, StateYear
    from caspian.dataset import Dataset
    from caspian.model import Agreement, Meeting, Pipeline, Ratification, State

__all__ = ["events", "panel"]


def _signing_days(agreement: Agreement, own: dict[str, Ratification]) -> dict[str, _dt.date]:
    """Each party's signing day: its own where the data gives one, else the agreement's."""
    days = {}
    for party in agreement.parties:
        mine = own.get(party)
        when = mine.signed if mine is not None and mine.signed else agreement.signed
        if when is not None:
            days[party] = when
    return days


def _all_events(data: Dataset) -> list[Event]:
    from caspian._time import Event, EventKind, Precision, _event_order, _hook

    _hook()
    found: list[Event] = []

    def add(when: _dt.date | int, kind: EventKind, record: Record, label: str, **more: Any) -> None:
        exact = isinstance(when, _dt.date)
        event = Event(
            date=when if isinstance(when, _dt.date) else None,
            year=when.year if isinstance(when, _dt.date) else when,
            precision=Precision.DAY if exact else Precision.YEAR,
            kind=kind,
            record_kind=type(record).KIND.noun,
            record=record.id,
            label=label,
            **more,
        )
        object.__setattr__(event, "_dataset", data)  # as the dataset does for its records
        found.append(event)

    for s in data.records(model.State):
        if s.from_year is not None:
            add(s.from_year, EventKind.STATE_START, s, f"{s.name} begins", states=(s.id,))
        if s.to_year is not None:
            add(s.to_year, EventKind.STATE_END, s, f"{s.name} ends", states=(s.id,))
    for m in data.records(model.Meeting):
        when = m.start or m.end
        if m.status is model.MeetingStatus.HELD and when is not None:
            add(when, EventKind.MEETING, m, m.name, states=m.participants)
    ratified = data._ratifications_by_agreement()
    for a in data.records(model.Agreement):
        own = ratified.get(a.id, {})
        signed_apart = {p for p, r in own.items() if r.signed and r.signed != a.signed}
        tie = {"agreement": a.id}
        if a.signed is not None:
            together = tuple(p for p in a.parties if p not in signed_apart)
            add(
                a.signed,
                EventKind.SIGNING,
                a,
                f"{a.short_title} signed",
                states=together,
                **tie,
            )
        if a.in_force_date is not None:
            text = f"{a.short_title} enters into force"
            add(a.in_force_date, EventKind.ENTRY_INTO_FORCE, a, text, states=a.parties, **tie)
        if a.ended is not None:
            add(a.ended, EventKind.END, a, f"{a.short_title} ends", states=a.parties, **tie)
        for r in own.values():
            name = data.state(r.state).name
            if r.state in signed_apart and r.signed is not None:
                text = f"{a.short_title} signed by {name}"
                add(r.signed, EventKind.SIGNING, r, text, states=(r.state,), **tie)
            if r.status is model.RatificationStatus.RATIFIED and r.date is not None:
                text = f"{a.short_title} ratified by {name}"
                add(r.date, EventKind.RATIFICATION, r, text, states=(r.state,), **tie)
            if r.in_force_date is not None and r.in_force_date != a.in_force_date:
                text = f"{a.short_title} enters into force for {name}"
                add(
                    r.in_force_date,
                    EventKind.ENTRY_INTO_FORCE,
                    r,
                    text,
                    states=(r.state,),
                    **tie,
                )
    for p in data.records(model.Pipeline):
        if p.operational_since is not None:
            text = f"{p.name} starts operating"
            add(p.operational_since, EventKind.PIPELINE_OPENING, p, text, states=p.route)
    found.sort(key=_event_order)
    return found


def events(
    data: Dataset,
    *,
    after: YearOrDate | str | None = None,
    before: YearOrDate | str | None = None,
    state: str | State | None = None,
    kind: EventKind | str | None = None,
) -> tuple[Event, ...]:
    """What :meth:`Dataset.events <caspian.Dataset.events>` gives: the events of ``data``."""
    from caspian._dates import day
    from caspian._time import Event, EventKind, _first_day, _last_day

    low = day("after", after, end_of_year=True) if after is not None else None
    high = day("before", before, end_of_year=False) if before is not None else None
    if low is not None and high is not None and (high - low).days <= 1:
        raise InvalidQueryError(
            f"empty range: no date is after {_shown(after)} and before {_shown(before)}"
        )
    state_id = data.state(state).id if state is not None else None
    wanted = _args.vocabulary("kind", kind, EventKind)
    return Results.of(Event)(
        e
        for e in _all_events(data)
        if (wanted is None or e.kind is wanted)
        and (state_id is None or state_id in e.states)
        and (low is None or _first_day(e) > low)
        and (high is None or _last_day(e) < high)
    )


def panel(
    data: Dataset,
    unit: str,
    *,
    start: int | None = None,
    end: int | None = None,
    states: Iterable[str | State] | str | State | None = None,
) -> tuple[StateYear, ...] | tuple[DyadYear, ...]:
    """What :meth:`Dataset.panel <caspian.Dataset.panel>` gives: the panel of ``data``."""
    from caspian._time import DyadYear, StateYear, _year

    if unit not in ("state-year", "dyad-year"):
        raise InvalidQueryError(f"unit must be 'state-year' or 'dyad-year', got {_shown(unit)}")
    first = _year("start", start)
    last = _year("end", end)
    if first is None:
        first = min((e.year for e in _all_events(data)), default=_dt.date.today().year)
    if last is None:
        last = _dt.date.today().year
    if first > last:
        raise InvalidQueryError(f"empty range: start {first} is after end {last}")
    chosen = _chosen(data, states)
    years = range(first, last + 1)
    if unit == "state-year":
        return Results.of(StateYear)(_state_years(data, chosen, years))
    return Results.of(DyadYear)(_dyad_years(data, chosen, years))


def _chosen(data: Dataset, states: object) -> list[State]:
    if states is None:
        return sorted(data.records(model.State), key=lambda s: s.id)
    if isinstance(states, (str, model.State)):
        states = [states]
    if not isinstance(states, Iterable):
        raise ArgumentTypeError(
            "states must be a state key, a State, or an iterable of them, not "
            f"{type(states).__name__}: {_shown(states)}"
        )
    found = {s.id: s for s in (data.state(key) for key in states)}
    return sorted(found.values(), key=lambda s: s.id)


def _state_years(data: Dataset, chosen: list[State], years: range) -> Iterator[StateYear]:
    from caspian._time import StateYear, operating

    facts = _Facts(data, years)
    for s in chosen:
        for y in years:
            if not s.exists_in(y):
                continue
            bound = facts.binding(s.id, y)
            lines = [operating(p, y) for p in facts.pipelines if s.id in p.route]
            yield StateYear(
                state=s.id,
                year=y,
                name=s.name,
                iso_alpha3=s.iso_alpha3,
                cow_code=s.cow_code,
                cow_abbreviation=s.cow_abbreviation,
                gw_code=s.gw_code,
                summits_attended=facts.count_meetings(y, {s.id}, summit=True),
                summits_hosted=facts.count_meetings(y, {s.id}, summit=True, host=True),
                meetings_attended=facts.count_meetings(y, {s.id}, summit=False),
                meetings_hosted=facts.count_meetings(y, {s.id}, summit=False, host=True),
                agreements_signed=facts.count_signed(y, {s.id}),
                ratifications=facts.ratified_in.get((s.id, y), 0),
                agreements_binding=sum(v is True for v in bound.values()),
                agreements_undecided=sum(v is None for v in bound.values()),
                pipelines_operational=sum(v is True for v in lines),
                pipelines_undecided=sum(v is None for v in lines),
            )


def _dyad_years(data: Dataset, chosen: list[State], years: range) -> Iterator[DyadYear]:
    from caspian._time import DyadYear

    facts = _Facts(data, years)
    for a, b in itertools.combinations(chosen, 2):
        for y in years:
            if not (a.exists_in(y) and b.exists_in(y)):
                continue
            first, second = facts.binding(a.id, y), facts.binding(b.id, y)
            shared = [(first[k], second[k]) for k in first.keys() & second.keys()]
            yield DyadYear(
                state_a=a.id,
                state_b=b.id,
                year=y,
                cow_code_a=a.cow_code,
                cow_code_b=b.cow_code,
                gw_code_a=a.gw_code,
                gw_code_b=b.gw_code,
                iso_alpha3_a=a.iso_alpha3,
                iso_alpha3_b=b.iso_alpha3,
                summits_attended=facts.count_meetings(y, {a.id, b.id}, summit=True),
                meetings_attended=facts.count_meetings(y, {a.id, b.id}, summit=None),
                agreements_signed=facts.count_signed(y, {a.id, b.id}),
                agreements_binding=sum(x is True and z is True for x, z in shared),
                agreements_undecided=sum(
                    x is not False and z is not False and (x is None or z is None)
                    for x, z in shared
                ),
            )


class _Facts:
    """What the panels count, gathered once per panel."""

    def __init__(self, data: Dataset, years: range) -> None:
        self.meetings: list[tuple[int, Meeting]] = [
            (m.when.year, m)
            for m in data.records(model.Meeting)
            if m.status is model.MeetingStatus.HELD and m.when is not None
        ]
        self.agreements: list[Agreement] = list(data.records(model.Agreement))
        self.pipelines: list[Pipeline] = list(data.records(model.Pipeline))
        self.own = data._ratifications_by_agreement()
        self.signing = {a.id: _signing_days(a, self.own.get(a.id, {})) for a in self.agreements}
        self.ratified_in: dict[tuple[str, int], int] = {}
        for r in data.records(model.Ratification):
            if r.status is model.RatificationStatus.RATIFIED and r.date is not None:
                key = (r.state, r.date.year)
                self.ratified_in[key] = self.ratified_in.get(key, 0) + 1
        self._binding: dict[tuple[str, int], dict[str, bool | None]] = {}

    def count_meetings(
        self, year: int, states: set[str], *, summit: bool | None, host: bool = False
    ) -> int:
        return sum(
            1
            for when, m in self.meetings
            if when == year
            and (summit is None or (m.kind is model.MeetingKind.SUMMIT) is summit)
            and (m.host in states if host else states <= set(m.participants))
        )

    def count_signed(self, year: int, states: set[str]) -> int:
        return sum(
            1
            for a in self.agreements
            if states <= set(a.parties)
            and all((d := self.signing[a.id].get(s)) is not None and d.year == year for s in states)
        )

    def binding(self, state: str, year: int) -> dict[str, bool | None]:
        """Agreement id -> whether it bound ``state`` on 31 December (parties' agreements)."""
        key = (state, year)
        found = self._binding.get(key)
        if found is None:
            from caspian._dates import binds

            end = _dt.date(year, 12, 31)
            found = self._binding[key] = {
                a.id: binds(a, state, end, tuple(self.own.get(a.id, {}).values()))
                for a in self.agreements
                if state in a.parties
            }
        return found
