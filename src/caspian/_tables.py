"""Flat tables of records or of the values inside them, with columns fixed by their class.

A kind's columns come from its class, not from the rows at hand: a nested object becomes
dotted columns (``place.name``, ``place.coordinates.latitude``) whether or not a row has one,
and an empty result still has its header. The values inside records (attendees, sources,
capital history ...) make tables of their own, with a column naming the record of each row.

>>> import caspian
>>> columns, rows = table(caspian.summits(after=2030))
>>> rows, columns[:3]
([], ['id', 'name', 'aliases'])
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from typing import Any

from caspian._fields import shapes
from caspian._kind import Record, Value
from caspian._load import converter
from caspian.errors import ArgumentTypeError, _shown

__all__ = ["columns", "columns_of", "table", "value_fields"]

_COLUMNS: dict[type, list[str]] = {}


def columns_of(cls: type) -> list[str]:
    """The flat columns of a class: its fields, nested objects as dotted columns.

    >>> from caspian.model import Place
    >>> columns_of(Place)
    ['name', 'state', 'coordinates.longitude', 'coordinates.latitude']
    """
    found = _COLUMNS.get(cls)
    if found is None:
        found = []
        for shape in shapes(cls):
            if shape.kind == "value" and not shape.many:
                found.extend(f"{shape.name}.{inner}" for inner in columns_of(shape.base))
            else:
                found.append(shape.name)
        _COLUMNS[cls] = found
    return found


def value_fields(kind: type) -> dict[str, type]:
    """The fields of a kind that hold a tuple of values, with the class of those values.

    >>> from caspian.model import Meeting
    >>> sorted(value_fields(Meeting))
    ['alternatives', 'attendees', 'sources']
    """
    found: dict[str, type] = {}
    for shape in shapes(kind):
        if shape.many and isinstance(shape.base, type) and issubclass(shape.base, Value):
            found[shape.name] = shape.base
    return found


_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False)


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return "; ".join("" if v is None else str(v) for v in value)
        return _JSON(value)
    return value


def _row(item: Any, columns: list[str], link: tuple[str, str] | None) -> dict[str, Any]:
    data = converter.unstructure(item)
    row: dict[str, Any] = {link[0]: link[1]} if link else {}
    for column in columns:
        value: Any = data
        for step in column.split("."):
            value = value.get(step) if isinstance(value, dict) else None
        row[column] = _cell(value)
    return row


def _items(obj: Any) -> list[Any]:
    """The records or values of ``obj`` (one of them, or an iterable of them)."""
    if isinstance(obj, (Record, Value)):
        return [obj]
    if isinstance(obj, (str, bytes, dict)) or not isinstance(obj, Iterable):
        raise ArgumentTypeError(
            "expected a caspian record or value, or an iterable of them, not "
            f"{type(obj).__name__}: {_shown(obj)}"
        )
    items = list(obj)
    for item in items:
        if not isinstance(item, (Record, Value)):
            raise ArgumentTypeError(
                f"expected caspian records, got {type(item).__name__}: {_shown(item)}"
            )
    return items


def _selection(
    items: list[Any], values: str | None, kind: type | None
) -> tuple[list[Any], list[type], tuple[str, list[str]] | None]:
    """The items to tabulate (from ``items``, checked by :func:`_items`), their classes, and
    the link column (its name and one record id a row) when they are the values in the field
    ``values`` of records; ``kind`` is the class of no items."""
    classes = list(dict.fromkeys(type(item) for item in items)) or ([kind] if kind else [])
    if values is None:
        return items, classes, None
    if not isinstance(values, str):
        raise ArgumentTypeError(f"values must be a field name, not {_shown(values)}")
    holders = [cls for cls in classes if issubclass(cls, Record)]
    if len(holders) != len(classes) or not holders:
        raise ArgumentTypeError("values= takes records, whose field of values it exports")
    inner = {value_fields(cls).get(values) for cls in holders}
    if None in inner or len(inner) != 1:
        names = ", ".join(sorted(set.intersection(*(set(value_fields(c)) for c in holders))))
        raise ArgumentTypeError(
            f"values must name a field of values of every record ({names}), not {_shown(values)}"
        )
    value_class = inner.pop()
    assert value_class is not None
    nouns = {cls.KIND.noun.replace(" ", "_") for cls in holders}
    link = nouns.pop() if len(nouns) == 1 else "record"
    inside = [(record.id, value) for record in items for value in getattr(record, values)]
    return [value for _, value in inside], [value_class], (link, [key for key, _ in inside])


def table(
    obj: Any, values: str | None = None, kind: type | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns and the rows of ``obj``, or of the values in its field ``values``.

    ``kind`` names the class of an empty iterable that does not know it (query results do).

    Raises:
        ArgumentTypeError: ``obj`` holds something else than records or values, or
            ``values`` names no field of values of its records.
    """
    items, classes, link = _selection(_items(obj), values, kind or getattr(obj, "kind", None))
    columns = list(dict.fromkeys(c for cls in classes for c in columns_of(cls)))
    if link is None:
        return columns, [_row(item, columns_of(type(item)), None) for item in items]
    name, keys = link
    rows = [_row(item, columns, (name, key)) for item, key in zip(items, keys, strict=True)]
    return [name, *columns], rows


#: How many cells :func:`_json` keeps for one field (the packaged data makes at most 61).
SHOWN_LIMIT = 1024
_SHOWN: list[dict[int, tuple[Any, Any]]] = []  # every field's kept cells


@functools.cache
def _json(hint: Any, values: bool, keep: bool) -> Callable[[Any], Any]:
    """A field's value as its table cell, the way :func:`_row` makes it (lists joined or
    JSON), with the converter's hook for the field's type looked up once. ``values``: the
    field holds a tuple of values (attrs classes).

    With ``keep``, for the fields of records that belong to a dataset (validated down to their
    last value, so holding only tuples and frozen values), the cell of a tuple is kept by the
    tuple's identity, with the tuple itself so that its id cannot be reused while the entry
    lives: the cell of such a tuple never changes. A value made by hand may hold a list that
    changes, so its cells are made afresh each time.
    """
    get_hook = getattr(converter, "get_unstructure_hook", None)  # cattrs 24.1+
    if get_hook is None:  # pragma: no cover

        def hook(value: Any) -> Any:
            return converter.unstructure(value, unstructure_as=hint)

    else:
        hook = get_hook(hint)

    if values:  # a tuple of values: a JSON list of objects, or "" for none

        def made(value: Any) -> Any:
            return None if value is None else _JSON(hook(value)) if value else ""

    else:

        def made(value: Any) -> Any:
            return "" if value == () else _cell(hook(value))  # an empty tuple is an empty list

    if not keep:
        return made
    shown: dict[int, tuple[Any, Any]] = {}
    _SHOWN.append(shown)

    def kept(value: Any) -> Any:
        if type(value) is not tuple or value == ():
            return made(value)
        found = shown.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        text = made(value)
        if len(shown) >= SHOWN_LIMIT:
            shown.clear()
        shown[id(value)] = (value, text)
        return text

    return kept


def _cells(cls: type, objs: list[Any], prefix: str, keep: bool, out: dict[str, list[Any]]) -> None:
    """Add the column of each flat column of ``cls`` for ``objs`` (``None`` for no object)
    to ``out``: table cells, except that dates, enums, numbers and bools stay as they are.
    ``keep``: the objects are records of a dataset, or values from them (see :func:`_json`)."""
    nested = prefix != ""
    for shape in shapes(cls):
        name = shape.name
        got = (
            [None if o is None else getattr(o, name) for o in objs]
            if nested
            else [getattr(o, name) for o in objs]
        )
        if shape.many:
            if shape.base is str:
                got = [None if v is None else "; ".join(v) for v in got]
            else:
                got = list(map(_json(shape.hint, shape.kind == "value", keep), got))
        elif shape.kind == "value":
            _cells(shape.base, got, f"{prefix}{name}.", keep, out)
            continue
        elif shape.kind == "other":
            got = list(map(_json(shape.hint, False, keep), got))
        out[f"{prefix}{name}"] = got


def columns(
    obj: Any, values: str | None = None, kind: type | None = None
) -> tuple[list[type], dict[str, list[Any]]]:
    """The classes tabulated and each column of :func:`table` as a list, in its order; the
    cells of a date, an enum, a number or a bool are the values themselves, and a row whose
    class lacks a column holds ``NaN`` there.

    Raises:
        ArgumentTypeError: as for :func:`table`.
    """
    items = _items(obj)
    keep = all(getattr(item, "_dataset", None) is not None for item in items)
    items, classes, link = _selection(items, values, kind or getattr(obj, "kind", None))
    found: dict[str, list[Any]] = {link[0]: link[1]} if link else {}
    if len(classes) == 1:
        _cells(classes[0], items, "", keep, found)
        return classes, found
    names = dict.fromkeys(c for cls in classes for c in columns_of(cls))
    for name in names:
        found[name] = [_ABSENT] * len(items)
    for cls in classes:
        where = [i for i, item in enumerate(items) if type(item) is cls]
        part: dict[str, list[Any]] = {}
        _cells(cls, [items[i] for i in where], "", keep, part)
        for name, cells in part.items():
            column = found[name]
            for i, cell in zip(where, cells, strict=True):
                column[i] = cell
    return classes, found


_ABSENT = float("nan")
