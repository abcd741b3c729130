"""Status on a date: whether an agreement was in force, and whom it bound, on a given day.

The answers are ``True``, ``False`` or ``None``; ``None`` means that the dates in the data
cannot decide, and is never read as ``False``. The rules, in full, are in the guide
(``docs/guide/time.md``); in short:

- Nothing is in force before it is signed or before its entry into force, nor on or after the
  day it ended. Political documents (``non_binding``) and those ``not_in_force`` are never in
  force (the status says what the sources tell today).
- An agreement ``in_force`` or ``terminated`` is in force from its ``in_force_date`` up to the
  day before it ``ended``; a missing date leaves the days it would decide undecided.
- It binds a party from the day it took effect for that party: the ratification's own
  ``in_force_date``; else, for a ratification made on or before the agreement's entry into
  force, that entry into force. A bilateral agreement, and one with no ratification records
  at all (old treaties), binds its parties whenever it is in force.

>>> import datetime as dt
>>> day("on", "2015-01-01", end_of_year=True), day("on", 2015, end_of_year=True)
(datetime.date(2015, 1, 1), datetime.date(2015, 12, 31))
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from caspian._coerce import day_of
from caspian._treaties import AgreementStatus, RatificationStatus

if TYPE_CHECKING:
    from caspian._treaties import Agreement, Ratification

__all__ = ["binds", "day", "in_force_on", "takes_effect"]

#: What a date argument may be: a year (``2015``), a :class:`datetime.date`, or an ISO string
#: (``"2015"`` or ``"2015-01-01"``).
DayLike = int | _dt.date | str


def day(name: str, value: object, *, end_of_year: bool) -> _dt.date:
    """A year, a date or an ISO string (``"2015"``, ``"2015-01-01"``) as one day; a year is
    its last day with ``end_of_year``, else its first (read as the query functions read it).

    Raises:
        ArgumentTypeError: ``value`` is none of those types (``None``, ``2015.0``, ``True``).
        InvalidQueryError: a year outside 1 to 9999, or a string that is not an ISO date.

    >>> day("on", _dt.datetime(2015, 3, 1, 12), end_of_year=False)
    datetime.date(2015, 3, 1)
    >>> day("on", "2015-13", end_of_year=False)
    Traceback (most recent call last):
    ...
    caspian.errors.InvalidQueryError: on must be a year like 2007 or a date like 2007-10-16, got
    '2015-13'
    """
    return day_of(name, value, end_of_year=end_of_year)


def in_force_on(
    agreement: Agreement, on: _dt.date, ratifications: tuple[Ratification, ...] = ()
) -> bool | None:
    """Whether ``agreement`` was in force on the day ``on``; ``None`` if the data cannot tell.

    Without an ``in_force_date``, a day on or after the day it took effect for one of the
    parties (a ratification's own ``in_force_date``) counts as in force, since it was.
    """
    status = agreement.status
    if status is AgreementStatus.NON_BINDING or status is AgreementStatus.NOT_IN_FORCE:
        return False
    if agreement.signed is not None and on < agreement.signed:
        return False
    start, ended = agreement.in_force_date, agreement.ended
    if start is not None and on < start:
        return False
    if ended is not None and on >= ended:
        return False
    if status is AgreementStatus.UNKNOWN:
        return None
    if start is None:
        starts = [r.in_force_date for r in ratifications if r.in_force_date is not None]
        if not starts or on < min(starts):
            return None
    if status is AgreementStatus.TERMINATED and ended is None:
        return None  # terminated on a day the data does not give
    return True


def takes_effect(agreement: Agreement, ratification: Ratification) -> _dt.date | None:
    """The day ``agreement`` took effect for the ratifying state, where the data decides it.

    The ratification's own ``in_force_date``; else the agreement's entry into force, when the
    ratifying act came on or before it; else ``None`` (a later ratification whose day of
    effect no source gives, an undated one, or a pending one).
    """
    if ratification.status is not RatificationStatus.RATIFIED:
        return None
    if ratification.in_force_date is not None:
        return ratification.in_force_date
    start = agreement.in_force_date
    if start is not None and ratification.date is not None and ratification.date <= start:
        return start
    return None


def binds(
    agreement: Agreement, state: str, on: _dt.date, ratifications: tuple[Ratification, ...]
) -> bool | None:
    """Whether ``agreement`` bound the state with id ``state`` on ``on``; ``None`` if the data
    cannot tell. ``ratifications`` are the agreement's ratification records."""
    if state not in agreement.parties:
        return False
    force = in_force_on(agreement, on, ratifications)
    if force is False:
        return False
    if len(agreement.parties) == 2 or not ratifications:
        return force  # a bilateral agreement in force binds both; so does one without records
    own = next((r for r in ratifications if r.state == state), None)
    if own is None:
        return None  # a multilateral agreement with no record for this party
    if own.status is RatificationStatus.PENDING:
        return False  # known not to have ratified (as of the data)
    effect = takes_effect(agreement, own)
    if effect is not None:
        return False if on < effect else force
    if own.date is not None and on < own.date:
        return False  # not yet ratified
    return None
