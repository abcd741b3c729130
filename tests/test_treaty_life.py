"""The life of every packaged treaty: entry into force, end, and what was searched when unknown."""

from __future__ import annotations

import caspian
from caspian import Agreement


def test_every_unknown_value_says_what_was_searched(data: caspian.Dataset) -> None:
    """An agreement with status unknown, or in force without a date, records what was searched."""
    silent = [
        a.id
        for a in data.records(Agreement)
        if (
            a.status.value == "unknown"
            or (a.status.value == "in_force" and a.in_force_date is None)
        )
        and not (a.searched or "").strip()
    ]
    assert silent == []


def test_every_terminated_agreement_has_an_end(data: caspian.Dataset) -> None:
    """Every terminated agreement has the day it ended."""
    endless = [
        a.id for a in data.records(Agreement) if a.status.value == "terminated" and a.ended is None
    ]
    assert endless == []


def test_agreements_are_ended_by_earlier_or_same_day_agreements(data: caspian.Dataset) -> None:
    """Every ended_by target was signed on or before the day the agreement ended."""
    wrong = []
    for a in data.records(Agreement):
        if a.ended_by is None:
            continue
        target = data.agreement(a.ended_by)
        if a.ended is None or target.signed is None or target.signed > a.ended:
            wrong.append((a.id, a.ended_by))
    assert wrong == []


def test_ended_by_is_only_set_on_agreements_that_ended(data: caspian.Dataset) -> None:
    """An agreement that names what ended it is terminated."""
    assert [
        a.id
        for a in data.records(Agreement)
        if a.ended_by is not None and a.status.value != "terminated"
    ] == []
