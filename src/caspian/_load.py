"""From bytes to validated records: JSON parsing, the one cattrs converter, and its errors.

Everything that enters from outside (data files, :func:`caspian.from_dict`) is structured by
the module-level converter below: strict types (no coercion), unknown keys refused, and every
problem translated once into a :class:`~caspian.Problem` with its file, record and field path.

>>> from caspian.model import Coordinates
>>> converter.structure({"longitude": 51.2, "latitude": 43.6}, Coordinates).latitude
43.6
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Iterable
from enum import Enum
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter
from cattrs.v import format_exception

from caspian._kind import Record, Value
from caspian._vocabulary import _Vocabulary
from caspian.errors import Problem

__all__ = ["converter", "file_fields", "parse", "structure"]

R = TypeVar("R")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _strict_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _strict_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _strict_float(value: Any, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return float(value)


def _strict_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {type(value).__name__}")
    return value


def _iso_date(value: Any, _: type) -> _dt.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError(f"expected a date as 'YYYY-MM-DD', got {value!r}")
    return _dt.date.fromisoformat(value)


def _vocabulary(value: Any, enum: type[Enum]) -> Enum:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return enum(value)


def _value(member: Enum) -> Any:
    return member.value


def _is_attrs_class(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, (Record, Value))


def _structure_factory(cls: type) -> Any:
    return make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _dataset=override(omit=True)
    )


def _unstructure_factory(cls: type) -> Any:
    return make_dict_unstructure_fn(cls, converter, _dataset=override(omit=True))


def _make() -> cattrs.Converter:
    made = make_converter(forbid_extra_keys=True, detailed_validation=True)
    made.register_structure_hook(str, _strict_str)
    made.register_structure_hook(int, _strict_int)
    made.register_structure_hook(float, _strict_float)
    made.register_structure_hook(bool, _strict_bool)
    made.register_structure_hook(_dt.date, _iso_date)
    made.register_unstructure_hook(_dt.date, lambda day: day.isoformat())
    # The vocabularies subclass str: give each its own hooks, more specific than str's. They
    # are defined beside their kinds, so every kind is loaded first.
    from caspian.model import KINDS

    assert KINDS
    for enum in _Vocabulary.__subclasses__():
        made.register_structure_hook(enum, _vocabulary)
        made.register_unstructure_hook(enum, _value)
    made.register_structure_hook_factory(_is_attrs_class, _structure_factory)
    made.register_unstructure_hook_factory(_is_attrs_class, _unstructure_factory)
    return made


#: The module-level converter: hooks are generated once per class and cached.
converter = _make()


def file_fields(cls: type) -> tuple[str, ...]:
    """Names of the fields a record's data may hold.

    >>> from caspian.model import Coordinates
    >>> file_fields(Coordinates)
    ('longitude', 'latitude')
    """
    return tuple(f.name for f in attrs.fields(cls) if f.init and f.alias != "_dataset")


def _explain(error: BaseException, target: Any) -> str:
    """A readable message for one structuring error (used with ``cattrs.transform_error``)."""
    if isinstance(error, ForbiddenExtraKeysError):
        allowed = ", ".join(file_fields(error.cl))
        extra = ", ".join(repr(k) for k in sorted(error.extra_fields))
        return f"unknown field {extra}; the fields are: {allowed}"
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(target, type) and issubclass(target, Enum):
        allowed = ", ".join(repr(m.value) for m in target)
        return f"must be one of {allowed}"
    if isinstance(error, (TypeError, ValueError)) and error.args and isinstance(error.args[0], str):
        return error.args[0]
    return format_exception(error, target)


def problems_of(error: cattrs.ClassValidationError, file: str, record: str) -> list[Problem]:
    """The :class:`Problem` of each failure inside one record's structuring error."""
    found = []
    for message in cattrs.transform_error(error, path="", format_exception=_explain):
        text, _, where = message.rpartition(" @ ")
        found.append(Problem(file, record, where.lstrip("."), text or message))
    return found


def parse(file: str, content: bytes, problems: list[Problem]) -> list[Any]:
    """The JSON array in ``content``; an empty list (and problems) if it is not one."""
    try:
        items = json.loads(content.decode("utf-8"))
    except UnicodeDecodeError as error:
        problems.append(Problem(file, "", "", f"is not UTF-8 (byte {error.start})"))
        return []
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        problems.append(Problem(file, "", "", f"is not valid JSON: {error.msg} ({where})"))
        return []
    except RecursionError:
        problems.append(Problem(file, "", "", "is not valid JSON: nested too deeply"))
        return []
    if not isinstance(items, list):
        problems.append(
            Problem(file, "", "", f"must hold a JSON array of records, not {type(items).__name__}")
        )
        return []
    return items


def structure(items: Iterable[Any], cls: type[R], file: str, problems: list[Problem]) -> list[R]:
    """Records of type ``cls`` from parsed JSON objects; each failure becomes a problem."""
    records: list[R] = []
    for index, item in enumerate(items):
        label = f"[{index}]"
        if not isinstance(item, dict):
            problems.append(Problem(file, label, "", "expected an object"))
            continue
        ident = item.get("id")
        if isinstance(ident, str) and ident:
            label = ident
        try:
            records.append(converter.structure(item, cls))
        except cattrs.ClassValidationError as error:
            problems.extend(problems_of(error, file, label))
    return records
