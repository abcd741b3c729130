"""The filters of a kind's query, declared once beside the kind (in ``KIND.filters``).

Each :class:`Filter` names an argument of the kind's query, what it takes (a record of another
kind, a vocabulary value, a flag, a year or date, text), the field it compares and its meaning.
One generic query (``caspian._query``) checks the arguments and keeps the records; the
``Dataset`` methods and the functions of :mod:`caspian` are thin typed wrappers over it (a test
keeps their signatures equal to the declarations); the command line's options and the
``Args:`` sections of the docs are made from the declarations.

>>> from caspian.model import Pipeline
>>> [f.name for f in Pipeline.KIND.filters]
['through', 'commodity', 'status']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from caspian._fields import _Frozen

__all__ = [
    "Filter",
    "annotation",
    "args_section",
    "dates",
    "flag",
    "meaning",
    "record",
    "text",
    "value",
]

#: What a filter takes: ``"record"`` (a record of another kind, or a key for one),
#: ``"value"`` (a member of the field's vocabulary, or its text), ``"flag"`` (True or False),
#: ``"after"`` / ``"before"`` (a year or a date) and ``"year"`` (one year), ``"date"`` (a year
#: or a date: the year's first day), ``"day"`` (a year, a date or ISO text: the year's last
#: day), ``"text"`` (search text).
TAKES = ("record", "value", "flag", "after", "before", "year", "date", "day", "text")

#: A custom test: ``(record, the argument as checked, every argument as checked) -> keep?``.
Test = Callable[[Any, Any, Mapping[str, Any]], bool]


class Filter(_Frozen):
    """One filter of a kind's query: an argument, what it takes and what it compares.
    Immutable.

    >>> Filter("host", "record", ("host",))
    Filter(name='host', takes='record', fields=('host',), meaning='', target=None, test=None, \
always=False, prepare=None, positional=False, fresh=False)
    """

    __slots__ = (  # noqa: RUF023 (in the order of the fields)
        "name",
        "takes",
        "fields",
        "meaning",
        "target",
        "test",
        "always",
        "prepare",
        "positional",
        "fresh",
    )

    #: The name of the argument (``"host"``).
    name: str
    #: What the argument takes (one of ``TAKES``: ``"record"``, ``"value"``, ``"flag"`` ...).
    takes: str
    #: The field (or fields, the first one set) the argument is compared with; empty for a
    #: filter with its own ``test``.
    fields: tuple[str, ...]
    #: The meaning of the argument, for the docs and the command line's help.
    meaning: str
    #: For ``"record"``: the kind (class name) whose records the argument names; by default the
    #: ``ref`` of the field compared. For ``"value"``: the vocabulary's class name; by default
    #: that of the field.
    target: str | None
    #: A test of its own instead of comparing ``fields`` (``None``: compare).
    test: Test | None
    #: Whether the test also runs when the argument is not given (with ``None``).
    always: bool
    #: What the query does with the checked argument before testing records:
    #: ``(dataset, argument) -> value`` (work done once per query, not once per record).
    prepare: Callable[[Any, Any], Any] | None
    #: Whether the argument may also be given by position (the first one, at most).
    positional: bool
    #: Whether the test reads more than the records and the arguments (today's date): a query
    #: that gives this argument is answered afresh every time, never from the answers a
    #: dataset keeps.
    fresh: bool

    def __init__(
        self,
        name: str,
        takes: str,
        fields: tuple[str, ...] = (),
        meaning: str = "",
        target: str | None = None,
        test: Test | None = None,
        always: bool = False,
        prepare: Callable[[Any, Any], Any] | None = None,
        positional: bool = False,
        fresh: bool = False,
    ) -> None:
        if takes not in TAKES:
            raise ValueError(f"'takes' must be in {TAKES!r} (got {takes!r})")
        self._set(name, takes, fields, meaning, target, test, always, prepare, positional, fresh)


def record(
    name: str, field: str = "", meaning: str = "", *, target: str | None = None, **more: Any
) -> Filter:
    """Keep records whose ``field`` holds the id of the record the argument names (or that
    id among others, for a tuple of ids)."""
    return Filter(name, "record", (field,) if field else (), meaning, target, **more)


def value(name: str, field: str = "", meaning: str = "", **more: Any) -> Filter:
    """Keep records whose ``field`` is the vocabulary value given (or holds it, for a tuple)."""
    return Filter(name, "value", (field or name,), meaning, **more)


def flag(name: str, field: str = "", meaning: str = "", **more: Any) -> Filter:
    """Keep records whose ``field`` is the flag given (``True`` or ``False``)."""
    return Filter(name, "flag", (field,) if field or "test" in more else (name,), meaning, **more)


def dates(*fields: str, after: str, before: str, year: str) -> tuple[Filter, Filter, Filter]:
    """``after``, ``before`` and ``year``: keep records whose date (the first of ``fields``
    that is set) lies strictly inside the range; records without one are left out."""
    return (
        Filter("after", "after", fields, after),
        Filter("before", "before", fields, before),
        Filter("year", "year", fields, year),
    )


def text(name: str, *fields: str, meaning: str = "") -> Filter:
    """Keep records whose ``fields`` together hold the text (case- and accent-insensitive)."""
    return Filter(name, "text", fields, meaning)


def annotation(kind: type, one: Filter) -> str:
    """The type of a filter's argument, as its typed wrapper writes it (``"str | State |
    None"``).

    >>> from caspian.model import Summit
    >>> [annotation(Summit, f) for f in Summit.KIND.filters][2:4]
    ['str | State | None', 'str | State | None']
    """
    if one.takes in ("after", "before", "date"):
        return "YearOrDate | None"
    if one.takes == "day":
        return "YearOrDate | str | None"
    if one.takes == "year":
        return "int | None"
    if one.takes == "flag":
        return "bool | None"
    if one.takes == "text":
        return "str | None"
    from caspian._fields import shape

    field = shape(kind, one.fields[0]) if one.fields else None
    if one.takes == "record":
        target = one.target or (field.ref if field is not None else None)
        return f"str | {target} | None"
    base = one.target or (field.base.__name__ if field is not None else "str")
    return f"{base} | str | None"


def meaning(kind: Any, one: Filter) -> str:
    """A filter's meaning, with the kind's plural in place of ``{plural}``."""
    return one.meaning.replace("{plural}", kind.KIND.plural)


def args_section(kind: Any) -> str:
    """The ``Args:`` section of the docs of a kind's query, made from its filters."""
    lines = ["Args:"]
    for one in kind.KIND.filters:
        lines.append(f"    {one.name}: {meaning(kind, one)}")
    return "\n".join(lines)
