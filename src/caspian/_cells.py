"""A field path's value, and the same value as a table cell (text, a number, a bool or ``None``)."""

from __future__ import annotations

from enum import Enum
from typing import Any

import attr

__all__ = ["cell", "value_at"]


def value_at(record: object, path: str) -> Any:
    """The value of a field path (``"city.name"``); ``None`` if a step is ``None``.

    A step into a tuple gives a tuple of the items' values.

    >>> import caspian
    >>> value_at(caspian.summit("caspian-summit-2018"), "city.name")
    'Aktau'
    """
    value: Any = record
    for step in path.split("."):
        if value is None:
            return None
        if isinstance(value, tuple):
            value = tuple(getattr(item, step) for item in value)
        else:
            value = getattr(value, step)
    return value


def cell(record: object, path: str) -> Any:
    """A field's value as shown in a table: text, a number, a bool or ``None``.

    >>> import caspian
    >>> cell(caspian.pipeline("BTC"), "route")
    'azerbaijan, georgia, turkey'
    """
    return _plain(value_at(record, path))


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        # A whole number shows without ".0"; only where it converts exactly (to 2**53).
        return int(value) if value.is_integer() and abs(value) <= 2**53 else value
    if value is None or isinstance(value, (bool, int, str)):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, tuple):
        return ", ".join(str(_plain(v)) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if attr.has(type(value)) and hasattr(value, "name"):
        return value.name
    return str(value)
