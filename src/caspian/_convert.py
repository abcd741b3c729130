"""The one cattrs converter that loads and exports records (internal; imported on first use)."""

from __future__ import annotations

import datetime as _dt
import re
from enum import Enum
from typing import Any

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.preconf.json import make_converter
from cattrs.v import format_exception

from caspian import model
from caspian.model import RECORD_TYPES, Record

_VOCABULARIES = [
    obj
    for obj in vars(model).values()
    if isinstance(obj, type)
    and issubclass(obj, Enum)
    and obj.__module__ == model.__name__
    and obj is not model._Vocabulary
]

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


def explain(error: BaseException, target: Any) -> str:
    """A readable message for one structuring error (used with ``cattrs.transform_error``)."""
    if isinstance(error, ForbiddenExtraKeysError):
        allowed = ", ".join(file_fields(error.cl)) if issubclass(error.cl, Record) else ""
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


def _vocabulary(value: Any, enum: type[Enum]) -> Enum:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return enum(value)


def _make() -> cattrs.Converter:
    converter = make_converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(float, _strict_float)
    converter.register_structure_hook(bool, _strict_bool)
    converter.register_structure_hook(_dt.date, _iso_date)
    converter.register_unstructure_hook(_dt.date, lambda day: day.isoformat())
    # The vocabularies subclass str: give each its own hooks, more specific than str's.
    for enum in _VOCABULARIES:
        converter.register_structure_hook(enum, _vocabulary)
        converter.register_unstructure_hook(enum, lambda member: member.value)
    return converter


#: The module-level converter: hooks are generated once per record type and cached.
converter = _make()


def derived_fields(cls: type[Record]) -> tuple[str, ...]:
    """Names of the fields that the dataset fills from other files."""
    return tuple(f.name for f in attrs.fields(cls) if f.metadata.get("derived"))


def file_fields(cls: type[Record]) -> tuple[str, ...]:
    """Names of the fields a record's own data file may hold."""
    return tuple(f.name for f in attrs.fields(cls) if f.init and not f.metadata.get("derived"))


__all__ = ["RECORD_TYPES", "converter", "derived_fields", "explain", "file_fields"]
