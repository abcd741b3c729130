"""The arguments of record methods that name a day or a year, made into a date or a year."""

from __future__ import annotations

import datetime as _dt

from caspian.errors import ArgumentTypeError, _shown

__all__ = ["as_day", "as_year"]


def as_day(name: str, value: object) -> _dt.date:
    """An argument that names a day: a :class:`datetime.date` (a datetime counts as its date).

    >>> as_day("day", _dt.datetime(2020, 1, 1, 12))
    datetime.date(2020, 1, 1)
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    raise ArgumentTypeError(
        f"{name} must be a datetime.date, not {type(value).__name__}: {_shown(value)}"
    )


def as_year(name: str, value: object) -> int:
    """An argument that names a year: an ``int``, or a date (its year).

    >>> as_year("year", _dt.date(1940, 5, 1))
    1940
    """
    if isinstance(value, _dt.date):
        return value.year
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ArgumentTypeError(
        f"{name} must be a year (int) or a datetime.date, not {type(value).__name__}: "
        f"{_shown(value)}"
    )
