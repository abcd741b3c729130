"""Integrity rules that every dataset must satisfy (internal).

These run on the packaged data in the tests and on every user directory at load time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from caspian.errors import Problem
from caspian.model import (
    Agreement,
    AgreementStatus,
    Article,
    MeetingStatus,
    Pipeline,
    Place,
    Ratification,
    RatificationStatus,
    Record,
    ReserveEstimate,
    State,
    Summit,
)

SLUG = re.compile(r"[a-z0-9]+(?:--?[a-z0-9]+)*")
URL = re.compile(r"https?://[^\s/$.?#][^\s]*")


def check(
    loaded: Mapping[type[Record], Sequence[Record]], file_of: Callable[[Record], str]
) -> list[Problem]:
    """Every integrity problem in ``loaded`` (records by type), in a stable order."""
    problems: list[Problem] = []

    def report(record: Record, path: str, message: str) -> None:
        problems.append(Problem(file_of(record), record.id, path, message))

    ids: dict[type[Record], set[str]] = {}
    for record_type, records in loaded.items():
        seen: set[str] = set()
        for record in records:
            if not SLUG.fullmatch(record.id):
                report(record, "id", "must be a lowercase slug like 'caspian-summit-2018'")
            if record.id in seen:
                report(record, "id", "is used by another record of the same kind")
            seen.add(record.id)
            if not record.sources:
                report(record, "sources", "must list at least one source")
            for index, source in enumerate(record.sources):
                if not URL.fullmatch(source.url):
                    report(
                        record, f"sources[{index}].url", f"is not an http(s) URL: {source.url!r}"
                    )
                if not source.title.strip():
                    report(record, f"sources[{index}].title", "must not be empty")
            field_names = {f.name for f in attrs.fields(type(record))}
            for index, alternative in enumerate(getattr(record, "alternatives", ())):
                if alternative.field not in field_names:
                    report(
                        record,
                        f"alternatives[{index}].field",
                        f"names no field: {alternative.field!r}",
                    )
                if not alternative.sources:
                    report(
                        record, f"alternatives[{index}].sources", "must list at least one source"
                    )
        ids[record_type] = seen

    states = {s.id: s for s in loaded.get(State, ()) if isinstance(s, State)}
    summit_ids = ids.get(Summit, set())
    agreements = {a.id: a for a in loaded.get(Agreement, ()) if isinstance(a, Agreement)}

    def need_state(record: Record, path: str, value: str | None) -> None:
        if value is not None and value not in states:
            report(record, path, f"names no state: {value!r}")

    def need_place(record: Record, path: str, place: Place | None) -> None:
        if place is None:
            return
        need_state(record, f"{path}.state", place.state)
        point = place.coordinates
        if point is not None and not (
            -180 <= point.longitude <= 180 and -90 <= point.latitude <= 90
        ):
            report(record, f"{path}.coordinates", "is outside the range of longitude and latitude")

    def ordered(record: Record, first: str, second: str) -> None:
        low, high = getattr(record, first), getattr(record, second)
        if low is not None and high is not None and high < low:
            report(record, second, f"is before {first}")

    for state in states.values():
        need_state(state, "successor", state.successor)
        if state.successor == state.id:
            report(state, "successor", "is the state itself")
        ordered(state, "from_year", "to_year")
        for index, span in enumerate(state.capital_history):
            if span.start and span.end and span.end < span.start:
                report(state, f"capital_history[{index}].end", "is before start")

    for summit in loaded.get(Summit, ()):
        assert isinstance(summit, Summit)
        need_state(summit, "host", summit.host)
        need_place(summit, "city", summit.city)
        for index, member in enumerate(summit.participants):
            need_state(summit, f"participants[{index}]", member)
        for index, person in enumerate(summit.attendees):
            need_state(summit, f"attendees[{index}].state", person.state)
            if person.state not in summit.participants:
                report(summit, f"attendees[{index}].state", "is not among the participants")
        ordered(summit, "start", "end")
        if summit.status is MeetingStatus.PLANNED and summit.notes is None:
            report(summit, "notes", "a planned meeting needs a note on what was announced")
        if summit.when is not None:
            _existed(report, summit, "participants", summit.participants, summit.when.year, states)

    for agreement in agreements.values():
        need_place(agreement, "place", agreement.place)
        for index, party in enumerate(agreement.parties):
            need_state(agreement, f"parties[{index}]", party)
        if agreement.summit is not None and agreement.summit not in summit_ids:
            report(agreement, "summit", f"names no meeting: {agreement.summit!r}")
        if agreement.parent is not None:
            if agreement.parent not in agreements:
                report(agreement, "parent", f"names no agreement: {agreement.parent!r}")
            elif agreement.parent == agreement.id:
                report(agreement, "parent", "is the agreement itself")
        ordered(agreement, "signed", "in_force")
        ordered(agreement, "in_force", "ended")
        ordered(agreement, "signed", "ended")
        if agreement.in_force is not None and agreement.status not in (
            AgreementStatus.IN_FORCE,
            AgreementStatus.TERMINATED,
        ):
            report(
                agreement,
                "status",
                "has an entry-into-force date but is not in force or terminated",
            )
        if agreement.signed is not None:
            _existed(report, agreement, "parties", agreement.parties, agreement.signed.year, states)

    numbers: set[tuple[str, int]] = set()
    for article in loaded.get(Article, ()):
        assert isinstance(article, Article)
        parent = agreements.get(article.agreement)
        if parent is None:
            report(article, "agreement", f"names no agreement: {article.agreement!r}")
        elif parent.article_count is not None and article.number > parent.article_count:
            report(
                article,
                "number",
                f"is above the agreement's article_count ({parent.article_count})",
            )
        if article.number < 1:
            report(article, "number", "must be 1 or more")
        if article.id != f"{article.agreement}-art-{article.number}":
            report(article, "id", f"must be '{article.agreement}-art-{article.number}'")
        if (article.agreement, article.number) in numbers:
            report(article, "number", "is recorded twice for this agreement")
        numbers.add((article.agreement, article.number))

    for ratification in loaded.get(Ratification, ()):
        assert isinstance(ratification, Ratification)
        need_state(ratification, "state", ratification.state)
        treaty = agreements.get(ratification.agreement)
        if treaty is None:
            report(ratification, "agreement", f"names no agreement: {ratification.agreement!r}")
        else:
            if ratification.state not in treaty.parties:
                report(ratification, "state", f"is not a party to {treaty.id}")
            if treaty.signed and ratification.date and ratification.date < treaty.signed:
                report(ratification, "date", "is before the agreement was signed")
        if ratification.id != f"{ratification.agreement}--{ratification.state}":
            report(ratification, "id", f"must be '{ratification.agreement}--{ratification.state}'")
        if ratification.status is RatificationStatus.PENDING and ratification.date is not None:
            report(ratification, "date", "a pending ratification has no date")

    for pipeline in loaded.get(Pipeline, ()):
        assert isinstance(pipeline, Pipeline)
        for index, step in enumerate(pipeline.route):
            need_state(pipeline, f"route[{index}]", step)
        need_place(pipeline, "origin", pipeline.origin)
        need_place(pipeline, "terminus", pipeline.terminus)
        for index, point in enumerate(pipeline.waypoints):
            need_place(pipeline, f"waypoints[{index}]", point)
        if not pipeline.route:
            report(pipeline, "route", "must name at least one state")
        for end, place in (("origin", pipeline.origin), ("terminus", pipeline.terminus)):
            if place.state is not None and place.state not in pipeline.route:
                report(pipeline, f"{end}.state", "is not on the route")
        if pipeline.length_km is not None and pipeline.length_km <= 0:
            report(pipeline, "length_km", "must be positive")

    for estimate in loaded.get(ReserveEstimate, ()):
        assert isinstance(estimate, ReserveEstimate)
        if estimate.value < 0:
            report(estimate, "value", "must not be negative")
    return problems


def _existed(
    report: Callable[[Record, str, str], None],
    record: Record,
    field: str,
    members: Iterable[str],
    year: int,
    states: Mapping[str, State],
) -> None:
    for index, member in enumerate(members):
        state = states.get(member)
        if state is not None and not state.exists_in(year):
            report(record, f"{field}[{index}]", f"{member!r} did not exist in {year}")
