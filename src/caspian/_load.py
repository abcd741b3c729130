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
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter
from cattrs.v import format_exception

from caspian._fields import file_fields, shapes
from caspian._kind import Record, Value
from caspian._vocabulary import _Vocabulary
from caspian.errors import DataError, Problem, _shown

__all__ = ["converter", "file_fields", "load_directory", "parse", "structure"]

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
        raise ValueError(f"expected a date as 'YYYY-MM-DD', got {_shown(value)}")
    return _dt.date.fromisoformat(value)


def _vocabulary(value: Any, enum: type[Enum]) -> Enum:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return enum(value)


def _value(member: Enum) -> Any:
    return member.value


def _is_attrs_class(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, (Record, Value))


def _vocabularies(cls: type) -> None:
    """Hooks for the vocabularies of ``cls``'s fields (more specific than ``str``'s), also
    for a kind defined after the converter was made. Resolves string annotations first."""
    for shape in shapes(cls):
        if shape.kind == "enum" and shape.base not in _HOOKED:
            _HOOKED.add(shape.base)
            converter.register_structure_hook(shape.base, _vocabulary)
            converter.register_unstructure_hook(shape.base, _value)


_HOOKED: set[type] = set()


def _structure_factory(cls: type) -> Any:
    _vocabularies(cls)
    return make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _dataset=override(omit=True)
    )


def _unstructure_factory(cls: type) -> Any:
    _vocabularies(cls)
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
        _HOOKED.add(enum)
        made.register_structure_hook(enum, _vocabulary)
        made.register_unstructure_hook(enum, _value)
    made.register_structure_hook_factory(_is_attrs_class, _structure_factory)
    made.register_unstructure_hook_factory(_is_attrs_class, _unstructure_factory)
    return made


#: The module-level converter: hooks are generated once per class and cached.
converter = _make()


def _explain(error: BaseException, target: Any) -> str:
    """A readable message for one structuring error (used with ``cattrs.transform_error``)."""
    if isinstance(error, ForbiddenExtraKeysError):
        allowed = ", ".join(file_fields(error.cl))
        extra = ", ".join(_shown(k, 40) for k in sorted(error.extra_fields)[:5])
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
        items = json.loads(content.decode("utf-8"), parse_constant=_constant, parse_int=_int)
    except UnicodeDecodeError as error:
        problems.append(Problem(file, "", "", f"is not UTF-8 (byte {error.start})"))
        return []
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        problems.append(Problem(file, "", "", f"is not valid JSON: {error.msg} ({where})"))
        return []
    except ValueError as error:  # from _constant or _int
        problems.append(Problem(file, "", "", f"cannot be read: {error}"))
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


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number (JSON has no NaN or Infinity)")


def _int(text: str) -> int:
    if len(text) > 30:
        raise ValueError(f"an integer of {len(text)} digits is longer than any field allows")
    return int(text)


_JSON_NAMES = {dict: "an object", list: "an array", str: "a string", bool: "true or false"}


def _json_name(value: Any) -> str:
    if value is None:
        return "null"
    return _JSON_NAMES.get(type(value), "a number")


def _shape(item: dict[str, Any], cls: type, path: str) -> Iterator[tuple[str, str]]:
    """Where an object holds a string (or anything else) where its class wants an array.

    cattrs would read a string as a sequence of letters, so this runs first.
    """
    for shape in shapes(cls):
        if shape.name not in item:
            continue
        value = item[shape.name]
        where = f"{path}.{shape.name}" if path else shape.name
        if shape.many:
            if not isinstance(value, list):
                yield where, f"expected an array, got {_json_name(value)}"
                continue
            if shape.kind == "value":
                for index, element in enumerate(value):
                    if isinstance(element, dict):
                        yield from _shape(element, shape.base, f"{where}[{index}]")
        elif shape.kind == "value" and isinstance(value, dict):
            yield from _shape(value, shape.base, where)


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
            label = _shown(ident, 80).strip("'\"")
        wrong = list(_shape(item, cls, ""))
        if wrong:
            problems.extend(Problem(file, label, path, message) for path, message in wrong)
            continue
        try:
            records.append(converter.structure(item, cls))
        except cattrs.ClassValidationError as error:
            problems.extend(problems_of(error, file, label))
    return records


def load_directory(
    folder: Path, base: Callable[[type[Record]], Sequence[Record]] | None, origin: str
) -> dict[type[Record], list[Record]]:
    """Every kind's records from the files in ``folder``, after those of ``base`` (a dataset's
    own records by kind), validated in full: structure, then the integrity rules.

    Raises:
        DataError: listing every problem; nothing is returned half-loaded.
    """
    from caspian._rules import check
    from caspian.model import KINDS

    problems: list[Problem] = []
    own: dict[type[Record], list[Record]] = {kind: [] for kind in KINDS}
    file_of: dict[int, str] = {}
    for kind in KINDS:
        if base is not None:
            for record in base(kind):
                copy = attrs.evolve(record, _dataset=None)  # type: ignore[misc]
                own[kind].append(copy)
                file_of[id(copy)] = f"{origin}:{kind.KIND.file}"
        file = folder / kind.KIND.file
        if file.is_file():
            items = parse(kind.KIND.file, file.read_bytes(), problems)
            for record in structure(items, kind, kind.KIND.file, problems):
                own[kind].append(record)
                file_of[id(record)] = kind.KIND.file
    if not problems:
        problems = check(own, lambda record: file_of.get(id(record), "?"))
    if problems:
        raise DataError(problems)
    return own
