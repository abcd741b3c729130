"""The packaged data's fast path: records built directly from parsed JSON, by a plan made once
per class from its attrs fields; and the strict plan, which the validating path tries first.

The packaged files are validated by the tests (the full cattrs path and the integrity rules,
on every supported Python), and a test keeps the records this module builds equal to those of
the cattrs path. So at run time the packaged data needs no validation, and the first answer
does not pay for importing cattrs or generating its hooks. Files from users always take the
validating path (:mod:`caspian._load`), which first tries each object with :func:`strict`: a
plan that builds only objects the converter would build the same way (and raises for any
other, which the converter then decides).

>>> from caspian.model import Coordinates
>>> build(Coordinates, {"longitude": 51, "latitude": 43.6})
Coordinates(longitude=51.0, latitude=43.6)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, TypeVar

from caspian._coerce import datetime as _dt
from caspian._fields import Shape, file_fields, shapes

__all__ = ["build", "build_all", "package_bytes", "parse", "strict"]

#: A day as the data files write it (the validating path's converter takes the same).
ISO_DAY = r"\d{4}-\d{2}-\d{2}"

T = TypeVar("T")
Convert = Callable[[Any], Any]

_PLANS: dict[type, Callable[[dict[str, Any]], Any]] = {}


def _item(shape: Shape) -> Convert | None:
    """How to turn one JSON value into one value of the field's type (``None``: it is one)."""
    if shape.kind == "float":
        return float
    if shape.kind == "date":
        return _dt.date.fromisoformat
    if shape.kind == "enum":
        return shape.base._value2member_map_.__getitem__  # type: ignore[no-any-return]
    if shape.kind == "value":
        return _plan(shape.base)
    return None


def _converter(shape: Shape) -> Convert | None:
    """How to turn a JSON value into the field's value (``None``: it already is one)."""
    item = _item(shape)
    if shape.many:
        convert: Convert | None = tuple if item is None else (lambda v: tuple(map(item, v)))
    else:
        convert = item
    if convert is None or not shape.optional:
        return convert
    inner = convert
    return lambda value: None if value is None else inner(value)


def _plan(cls: type[T]) -> Callable[[dict[str, Any]], T]:
    """A function that builds an instance of ``cls`` from its JSON object."""
    found = _PLANS.get(cls)
    if found is not None:
        return found
    converters = [(s.name, c) for s in shapes(cls) if (c := _converter(s)) is not None]

    def plan(item: dict[str, Any]) -> T:
        # The parsed object is ours alone: convert its values in place, then construct.
        for key, convert in converters:
            if key in item:
                item[key] = convert(item[key])
        return cls(**item)

    _PLANS[cls] = plan
    return plan


class _Refused(Exception):
    """A value the strict plan does not build as it stands: the full path decides."""


def _exactly(kind: type) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if type(value) is kind:
            return value
        raise _Refused

    return convert


def _key(value: Any) -> str:
    """An id, or a reference to one, as one shared string object: an index lookup by a
    reference then finds its key by identity, without reading the key's text (the
    difference shows at 100 times the packaged data, where the keys are out of the cache)."""
    if type(value) is str:
        return sys.intern(value)
    raise _Refused


def _number(value: Any) -> float:
    if type(value) is float:
        return value
    if type(value) is int:
        return float(value)
    raise _Refused


def _day() -> Callable[[Any], _dt.date]:
    iso = re.compile(ISO_DAY).fullmatch

    def convert(value: Any) -> _dt.date:
        if type(value) is str and iso(value):
            return _dt.date.fromisoformat(value)
        raise _Refused

    return convert


def _member(enum: type[Enum]) -> Callable[[Any], Any]:
    members = enum._value2member_map_

    def convert(value: Any) -> Any:
        if type(value) is str:
            found = members.get(value)
            if found is not None:
                return found
        raise _Refused

    return convert


def _strict_value(shape: Shape) -> Callable[[Any], Any]:
    """How the strict plan turns one JSON value into one value of the field's type."""
    kind = shape.kind
    if kind == "str" and (shape.ref is not None or shape.name == "id"):
        return _key
    if kind in ("str", "int", "bool"):
        return _exactly({"str": str, "int": int, "bool": bool}[kind])
    if kind == "float":
        return _number
    if kind == "date":
        return _day()
    if kind == "enum":
        return _member(shape.base)
    if kind == "value":
        return strict(shape.base)
    raise _Refused  # a type the plan does not know: cattrs builds every such record


def _strict_field(shape: Shape) -> Callable[[Any], Any]:
    one = _strict_value(shape)
    convert = one
    if shape.many:
        if shape.kind == "str" and shape.ref is not None:

            def convert(value: Any) -> Any:
                if type(value) is list:
                    return tuple(map(_key, value))
                raise _Refused

        elif shape.kind == "str":

            def convert(value: Any) -> Any:
                if type(value) is list and all(type(v) is str for v in value):
                    return tuple(value)
                raise _Refused

        else:

            def convert(value: Any) -> Any:
                if type(value) is list:
                    return tuple(map(one, value))
                raise _Refused

    if not shape.optional:
        return convert
    inner = convert
    return lambda value: None if value is None else inner(value)


_STRICT: dict[type, Callable[[Any], Any]] = {}


def strict(cls: type[T]) -> Callable[[Any], T]:
    """A plan that builds a ``cls`` from a JSON object exactly as the converter would, for the
    objects it accepts: exactly the fields of ``cls``, each value of exactly the JSON type the
    converter takes. It raises for anything else (which may still be valid, or not), and the
    converter then decides, with its own messages: so every problem is still cattrs's."""
    found = _STRICT.get(cls)
    if found is not None:
        return found
    try:
        steps = tuple((s.name, _strict_field(s)) for s in shapes(cls))
    except _Refused:
        steps = None
    names = frozenset(file_fields(cls))
    required = tuple(s.name for s in shapes(cls) if s.required)

    def plan(item: Any) -> T:
        if (
            steps is None
            or not isinstance(item, dict)
            or not names.issuperset(item)
            or not all(name in item for name in required)
        ):
            raise _Refused
        return cls(**{name: convert(item[name]) for name, convert in steps if name in item})

    _STRICT[cls] = plan
    return plan


def build(cls: type[T], item: dict[str, Any]) -> T:
    """One instance of ``cls`` from a trusted JSON object."""
    return _plan(cls)(item)


def build_all(cls: type[T], items: Iterable[dict[str, Any]]) -> list[T]:
    """Instances of ``cls`` from trusted JSON objects."""
    return list(map(_plan(cls), items))


def package_bytes(name: str) -> bytes:
    """The bytes of ``caspian/data/NAME``, read through the package's own loader.

    That is the loader :mod:`importlib.resources` would use, and it reads zip archives too;
    where it cannot read data, :mod:`importlib.resources` itself is the fallback.

    >>> package_bytes("summits.json")[:1]
    b'['
    """
    spec = __spec__
    get_data = getattr(spec.loader, "get_data", None)
    if get_data is not None and spec.origin:
        folder = spec.origin.rpartition("/" if "/" in spec.origin else "\\")[0]
        try:
            data: bytes = get_data(f"{folder}/data/{name}")
            return data
        except OSError:  # pragma: no cover - a loader that keeps data elsewhere
            pass
    from importlib.resources import files  # pragma: no cover

    return (files("caspian") / "data" / name).read_bytes()  # pragma: no cover


class _Defaults:
    """What the C scanner of :mod:`json` reads from its decoder: :func:`json.loads`' defaults
    (``NaN`` and ``Infinity`` read as floats)."""

    strict = True
    object_hook = object_pairs_hook = None
    parse_float = parse_constant = float
    parse_int = int


def parse(content: bytes) -> Any:
    """The JSON value of a packaged file, as :func:`json.loads` reads it.

    The C scanner that :func:`json.loads` uses reads it directly: importing :mod:`json` would
    also build its pure-Python scanner and compile its regular expressions (2% of the first
    answer). Where there is no C scanner, or the text is not exactly one JSON value,
    :func:`json.loads` reads it (and raises its error).
    """
    found, end, text = None, -1, ""
    try:
        from _json import make_scanner

        text = content.decode("utf-8").strip(" \t\n\r")
        found, end = make_scanner(_Defaults)(text, 0)  # type: ignore[arg-type]
    except Exception:  # no C scanner, or not JSON: json.loads says what is wrong
        pass
    if end != len(text) or not text:
        import json

        return json.loads(content)
    return found
