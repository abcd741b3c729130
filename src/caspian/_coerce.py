"""The arguments of record methods that name a day or a year, made into a date or a year."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from caspian.errors import ArgumentTypeError, InvalidQueryError, _shown

if TYPE_CHECKING:
    import datetime as datetime
else:
    # The C module that ``datetime`` re-exports, with the same classes: importing ``datetime``
    # itself would first run its pure-Python implementation (2% of the first answer). The
    # modules of the first answer take ``datetime`` from here.
    try:
        import _datetime as datetime
    except ImportError:  # pragma: no cover - an interpreter without the C module
        import datetime

__all__ = ["as_day", "as_year", "datetime", "day_of", "parse_year_or_date"]

# Patterns compiled on first use (by ``re``'s cache): the first answer parses no text.
_DATE = r"\d{4}-\d{2}-\d{2}"
_YEAR = r"\d{1,4}"


def as_day(name: str, value: object) -> datetime.date:
    """An argument that names a day: a :class:`datetime.date` (a datetime counts as its date).

    >>> as_day("day", datetime.datetime(2020, 1, 1, 12))
    datetime.date(2020, 1, 1)
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise ArgumentTypeError(
        f"{name} must be a datetime.date, not {type(value).__name__}: {_shown(value)}"
    )


def as_year(name: str, value: object) -> int:
    """An argument that names a year: an ``int``, or a date (its year).

    >>> as_year("year", datetime.date(1940, 5, 1))
    1940
    """
    if isinstance(value, datetime.date):
        return value.year
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ArgumentTypeError(
        f"{name} must be a year (int) or a datetime.date, not {type(value).__name__}: "
        f"{_shown(value)}"
    )


def parse_year_or_date(name: str, text: str) -> int | datetime.date:
    """A year (``"2007"``) or an ISO date (``"2007-10-16"``) given as text, as the command
    line and the query functions both take it.

    >>> parse_year_or_date("after", "2007"), parse_year_or_date("after", " 2007-10-16 ")
    (2007, datetime.date(2007, 10, 16))
    >>> parse_year_or_date("after", "soon")
    Traceback (most recent call last):
    ...
    caspian.errors.InvalidQueryError: after must be a year like 2007 or a date like 2007-10-16,
    got 'soon'
    """
    stripped = text.strip()
    try:
        if re.fullmatch(_DATE, stripped):
            return datetime.date.fromisoformat(stripped)
        if re.fullmatch(_YEAR, stripped):
            return int(stripped)
    except ValueError:
        pass
    raise InvalidQueryError(
        f"{name} must be a year like 2007 or a date like 2007-10-16, got {_shown(text)}"
    )


def day_of(name: str, value: object, *, end_of_year: bool) -> datetime.date:
    """A year, a date or such text (``2007``, ``"2007"``, ``"2007-10-16"``) as one day: a year
    is its last day with ``end_of_year``, else its first. The one reading of a day argument,
    for the query functions, the command line and the record methods alike.

    >>> day_of("on", "2015", end_of_year=True)
    datetime.date(2015, 12, 31)
    >>> day_of("on", datetime.datetime(2015, 3, 1, 12), end_of_year=False)
    datetime.date(2015, 3, 1)
    """
    if isinstance(value, str):
        value = parse_year_or_date(name, value)
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1 <= value <= 9999:
            raise InvalidQueryError(f"{name} must be a year from 1 to 9999, got {_shown(value)}")
        return datetime.date(value, 12, 31) if end_of_year else datetime.date(value, 1, 1)
    raise ArgumentTypeError(
        f"{name} must be a year (int), a datetime.date or such text ('2007', '2007-10-16'), "
        f"not {type(value).__name__}: {_shown(value)}"
    )
