"""Argument checks shared by every query: dates and years, flags, vocabularies, search text.

Each check returns the normalised value or raises :class:`~caspian.ArgumentTypeError` (wrong
type) or :class:`~caspian.InvalidQueryError` (right type, impossible value), with a message
that names the argument, shows the value and says what was expected.

>>> bound("after", 2007, end_of_year=True)
datetime.date(2007, 12, 31)
>>> from caspian import MeetingStatus
>>> vocabulary("status", "Planned", MeetingStatus)
MeetingStatus.PLANNED
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from caspian._coerce import datetime as _dt
from caspian._coerce import day_of, parse_year_or_date
from caspian.errors import ArgumentTypeError, InvalidQueryError, _shown

if TYPE_CHECKING:
    from caspian._keys import normalize as normalize  # also _query's, for text filters
    from caspian._keys import suggest
else:
    # Imported on first use: a query by dates alone (the first answer) normalises no text.
    def normalize(key):
        global normalize, suggest
        from caspian._keys import normalize, suggest

        return normalize(key)

    def suggest(*args, **kwargs):
        global normalize, suggest
        from caspian._keys import normalize, suggest

        return suggest(*args, **kwargs)


__all__ = [
    "YearOrDate",
    "bound",
    "date_range",
    "flag",
    "parse_year_or_date",
    "text",
    "vocabulary",
]

E = TypeVar("E", bound=Enum)

#: What the date filters take: a year (``2007``), a :class:`datetime.date`, or the same as
#: text, as the command line takes them (``"2007"``, ``"2007-10-16"``).
YearOrDate = int | _dt.date | str


def bound(name: str, value: YearOrDate | None, *, end_of_year: bool) -> _dt.date | None:
    """A year or date argument as a date (a year's last day with ``end_of_year``)."""
    return None if value is None else day_of(name, value, end_of_year=end_of_year)


_YEAR_ENDS: dict[object, _dt.date] = {}


def _year_end(year: int) -> _dt.date:
    """31 December of ``year``, kept for the next query (at most 9,999 entries)."""
    return _YEAR_ENDS.setdefault(year, _dt.date(year, 12, 31))


def date_range(
    after: YearOrDate | None, before: YearOrDate | None, year: int | str | None = None
) -> tuple[_dt.date | None, _dt.date | None]:
    """The exclusive bounds of a date range, checked; ``year`` narrows it to one year.

    >>> date_range(2017, None, 2018)
    (datetime.date(2017, 12, 31), datetime.date(2019, 1, 1))
    >>> date_range(2018, 2010)
    Traceback (most recent call last):
    ...
    caspian.errors.InvalidQueryError: empty range: no date is after 2018 and before 2010
    """
    if before is None and year is None:
        if after.__class__ is int and 1 <= after <= 9999:
            return _YEAR_ENDS.get(after) or _year_end(after), None  # the common case, first
        return bound("after", after, end_of_year=True), None
    low = bound("after", after, end_of_year=True)
    high = bound("before", before, end_of_year=False)
    if isinstance(year, str):
        parsed = parse_year_or_date("year", year)
        if not isinstance(parsed, int):
            raise InvalidQueryError(f"year must be a year like 2018, got {_shown(year)}")
        year = parsed
    if year is not None:
        if not isinstance(year, int) or isinstance(year, bool):
            raise ArgumentTypeError(
                f"year must be a year (int), not {type(year).__name__}: {_shown(year)}"
            )
        start = bound("year", year, end_of_year=False)
        end = bound("year", year, end_of_year=True)
        assert start is not None and end is not None
        first = start - _dt.timedelta(days=1) if start.year > 1 or start.month > 1 else None
        last = end + _dt.timedelta(days=1) if end.year < 9999 else None
        low = first if low is None or (first is not None and first > low) else low
        high = last if high is None or (last is not None and last < high) else high
    if low is not None and high is not None and (high - low).days <= 1:
        asked = f"after {_shown(after)} and before {_shown(before)}"
        if year is not None:
            asked = f"in {_shown(year)}" + (f", after {_shown(after)}" if after else "")
            asked += f", before {_shown(before)}" if before else ""
        raise InvalidQueryError(f"empty range: no date is {asked}")
    return low, high


def flag(name: str, value: object) -> bool | None:
    """``True``, ``False`` or ``None``, and nothing else (not ``1``, not ``"yes"``)."""
    if value is None or isinstance(value, bool):
        return value
    raise ArgumentTypeError(
        f"{name} must be True, False or None, not {type(value).__name__}: {_shown(value)}"
    )


def vocabulary(name: str, value: E | str | None, enum: type[E]) -> E | None:
    """A member of ``enum``, given as the member or its value (case and spaces forgiven)."""
    if value is None or isinstance(value, enum):
        return value
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{name} must be a {enum.__name__} or a string, not {type(value).__name__}: "
            f"{_shown(value)}"
        )
    wanted = normalize(value).replace(" ", "_")
    for member in enum:
        if member.value == wanted:
            return member
    allowed = ", ".join(repr(m.value) for m in enum)
    labels = {m.value: (m.value, m.name) for m in enum}
    close = suggest(wanted, labels)
    hint = f" (did you mean {close[0][0]!r}?)" if close else ""
    raise InvalidQueryError(f"{name} must be one of {allowed}; got {_shown(value)}{hint}")


def text(name: str, value: object) -> str | None:
    """Search text, normalised like lookup keys."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{name} must be a string, not {type(value).__name__}: {_shown(value)}"
        )
    return normalize(value)
