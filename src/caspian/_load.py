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

import attr
import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter
from cattrs.v import format_exception

from caspian._construct import ISO_DAY, strict
from caspian._fields import file_fields, shapes
from caspian._kind import Record, Value, _Vocabulary
from caspian.errors import DataError, Problem, _shown

__all__ = ["converter", "file_fields", "load_directory", "parse", "structure"]

R = TypeVar("R")

_ISO_DATE = re.compile(ISO_DAY)


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
        extra = ", ".join(_shown(k, 40) for k in sorted(error.extra_fields, key=repr)[:5])
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


def parse(file: str, content: bytes, problems: list[Problem]) -> tuple[list[Any], bool]:
    """The JSON array in ``content`` (an empty list, and problems, if it is not one), and
    whether an object in it holds a key more than once."""
    twice: list[bool] = []

    def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        """A JSON object as a dict, marked when a key appears twice (``object_pairs_hook``)."""
        found = dict(pairs)
        if len(found) == len(pairs):
            return found
        twice.append(True)
        return _marked(found, pairs)

    try:
        items = json.loads(
            content.decode("utf-8"),
            parse_constant=_constant,
            parse_int=_int,
            object_pairs_hook=_object,
        )
    except UnicodeDecodeError as error:
        problems.append(Problem(file, "", "", f"is not UTF-8 (byte {error.start})"))
        return [], False
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        problems.append(Problem(file, "", "", f"is not valid JSON: {error.msg} ({where})"))
        return [], False
    except ValueError as error:  # from _constant or _int
        problems.append(Problem(file, "", "", f"cannot be read: {error}"))
        return [], False
    except RecursionError:
        problems.append(Problem(file, "", "", "is not valid JSON: nested too deeply"))
        return [], False
    if not isinstance(items, list):
        problems.append(
            Problem(file, "", "", f"must hold a JSON array of records, not {type(items).__name__}")
        )
        return [], False
    return items, bool(twice)


class _Duplicated(dict):  # type: ignore[type-arg]
    """A JSON object in which a key appeared more than once (the last value kept, as
    :func:`json.loads` does); :func:`structure` reports each such key as a problem."""

    duplicates: list[str]


def _marked(found: dict[str, Any], pairs: list[tuple[str, Any]]) -> _Duplicated:
    """``found`` marked with the keys that appear more than once in ``pairs``."""
    marked = _Duplicated(found)
    seen: set[str] = set()
    marked.duplicates = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
    return marked


def _duplicates(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """(path, message) for each key that appears twice in an object inside ``value``."""
    if isinstance(value, dict):
        if isinstance(value, _Duplicated):
            for key in dict.fromkeys(value.duplicates):
                yield path, f"the key {_shown(key, 40)} appears more than once"
        for key, inner in value.items():
            if isinstance(inner, (dict, list)):
                yield from _duplicates(inner, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            if isinstance(inner, (dict, list)):
                yield from _duplicates(inner, f"{path}[{index}]")


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
                    else:
                        yield f"{where}[{index}]", f"expected an object, got {_json_name(element)}"
        elif shape.kind == "value":
            if isinstance(value, dict):
                yield from _shape(value, shape.base, where)
            elif value is not None:
                yield where, f"expected an object, got {_json_name(value)}"


def _top(path: str) -> str:
    """The field a problem's path starts with: ``"sources"`` for ``"sources[0].url"``."""
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def structure(
    items: Iterable[Any],
    cls: type[R],
    file: str,
    problems: list[Problem],
    unbuilt: set[str] | None = None,
    damaged: dict[int, set[str]] | None = None,
    duplicates: bool = True,
) -> list[R]:
    """Records of type ``cls`` from parsed JSON objects; each failure becomes a problem.

    Every problem of a record is reported, not only the first: a field of the wrong shape or
    type is left out and the record is built again from the rest. Where that works, the record
    is returned too, and ``damaged`` maps its ``id()`` to the fields left out (so that the
    integrity rules can check the rest of it); where it does not, its id goes into
    ``unbuilt`` (so that references to it are not reported as broken). With ``duplicates``
    false (:func:`parse` found no key twice), objects are not searched for keys given twice.

    A record whose object the strict plan (:func:`~caspian._construct.strict`) builds is
    built by it; any other goes through the converter, which reports its problems.
    """
    records: list[R] = []
    fields = set(file_fields(cls))
    plan = strict(cls)
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            problems.append(Problem(file, f"[{index}]", "", "expected an object"))
            continue
        twice = list(_duplicates(item, "")) if duplicates else []
        if not twice:
            try:
                records.append(plan(item))
                continue
            except Exception:  # not built as it stands: the converter decides, and says why
                pass
        ident = item.get("id")
        label = _shown(ident, 80).strip("'\"") if isinstance(ident, str) and ident else f"[{index}]"
        problems.extend(Problem(file, label, p, m) for p, m in twice)
        wrong = list(_shape(item, cls, ""))
        problems.extend(Problem(file, label, path, message) for path, message in wrong)
        broken = {_top(path) for path, _ in wrong}
        record: R | None = None
        for attempt in (1, 2):
            try:
                record = converter.structure(
                    {k: v for k, v in item.items() if k not in broken}, cls
                )
                break
            except cattrs.ClassValidationError as error:
                failures = problems_of(error, file, label)
            if attempt == 2:
                break
            problems.extend(
                p
                for p in failures
                if not (p.path in broken and p.message == "required field missing")
            )
            before = len(broken)
            broken |= {_top(p.path) for p in failures} | (set(item) - fields)
            broken.discard("")
            if len(broken) == before:
                break
        if record is None:
            if unbuilt is not None and isinstance(ident, str):
                unbuilt.add(ident)
            continue
        records.append(record)
        if broken and damaged is not None:
            damaged[id(record)] = broken
    return records


def check_copy(copy: Record, known: Callable[[type[Record]], Sequence[Record]]) -> None:
    """Validate a copy of a record made with :func:`attrs.evolve` as the loader validates a
    record: its structure (each value of the type its field wants) and the integrity rules,
    with references resolved against ``known`` (its dataset's ``records``). A copy equal to a
    record of the dataset is that record, and passes at once.

    Raises:
        DataError: listing every problem of the copy.
    """
    from caspian._rules import check

    kind = type(copy)
    if any(r.id == copy.id and r == copy for r in known(kind) if type(r) is kind):
        return
    problems: list[Problem] = []
    try:
        data = converter.unstructure(copy)
    except Exception:  # a value that cannot even be written out: find its field
        hints = {s.name: s.hint for s in shapes(kind)}
        for name in file_fields(kind):
            value = getattr(copy, name)
            try:
                converter.unstructure(value, unstructure_as=hints[name])
            except Exception:
                message = f"has a value of the wrong type: {_shown(value)}"
                problems.append(Problem("", _label(copy), name, message))
        raise DataError(
            problems or [Problem("", _label(copy), "", "cannot be validated")]
        ) from None
    damaged: dict[int, set[str]] = {}
    built = structure([data], kind, "", problems, None, damaged)
    if built:
        again = built[0]
        for field in file_fields(kind):
            if field not in damaged.get(id(again), ()) and getattr(again, field) != getattr(
                copy, field
            ):
                problems.append(
                    Problem(
                        "",
                        _label(copy),
                        field,
                        f"has a value of the wrong type: {_shown(getattr(copy, field))}",
                    )
                )
        problems += check({kind: [again]}, lambda _: "", known=known, damaged=damaged)
    if problems:
        raise DataError(problems)


def _label(record: Record) -> str:
    ident = getattr(record, "id", "")
    return _shown(ident, 80).strip("'\"") if isinstance(ident, str) else ""


def load_directory(
    folder: Path, base: Callable[[type[Record]], Sequence[Record]] | None, origin: str
) -> dict[type[Record], list[Record]]:
    """Every kind's records from the files in ``folder``, after those of ``base`` (a dataset's
    own records by kind), validated in full: structure, then the integrity rules, on every
    record that can be checked. A file in the folder whose name is not a data file's (or a
    folder named like one) is a problem too, so that no records go missing silently.

    Raises:
        DataError: listing every problem; nothing is returned half-loaded.
    """
    from caspian._rules import check
    from caspian.model import KINDS

    problems: list[Problem] = _strangers(folder, {kind.KIND.file for kind in KINDS})
    own: dict[type[Record], list[Record]] = {kind: [] for kind in KINDS}
    file_of: dict[int, str] = {}
    unbuilt: dict[type[Record], set[str]] = {kind: set() for kind in KINDS}
    unreadable: set[type[Record]] = set()
    damaged: dict[int, set[str]] = {}
    for kind in KINDS:
        if base is not None:
            for record in base(kind):
                copy = attr.evolve(record, _dataset=None)  # type: ignore[misc]
                own[kind].append(copy)
                file_of[id(copy)] = f"{origin}:{kind.KIND.file}"
        file = folder / kind.KIND.file
        if file.is_file():
            before = len(problems)
            items, twice = parse(kind.KIND.file, file.read_bytes(), problems)
            if len(problems) > before and not items:
                unreadable.add(kind)
            built = structure(
                items, kind, kind.KIND.file, problems, unbuilt[kind], damaged, duplicates=twice
            )
            for record in built:
                own[kind].append(record)
                file_of[id(record)] = kind.KIND.file
        elif file.exists():
            unreadable.add(kind)

    def unchecked(name: str, ident: str) -> bool:
        """Whether a record of that kind and id may exist but could not be built."""
        return any(
            k.__name__ == name or any(b.__name__ == name for b in k.__mro__)
            for k in KINDS
            if k in unreadable or ident in unbuilt[k]
        )

    problems.extend(
        check(own, lambda record: file_of.get(id(record), "?"), None, unchecked, damaged)
    )
    if problems:
        raise DataError(problems)
    return own


def _strangers(folder: Path, names: set[str]) -> list[Problem]:
    """A problem for each entry of ``folder`` that looks like a data file but is not one:
    a ``.json`` file of another name (``meeting.json``, ``Summits.json``) or a name close to
    a data file's, and a folder named like a data file. Hidden files and others (``README``,
    ``schema/``) are left alone."""
    import difflib

    found = []
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        return [Problem("", "", "", f"the folder cannot be read: {error.strerror or error}")]
    for entry in entries:
        name = entry.name
        if name in names:
            if not entry.is_file():
                found.append(Problem(name, "", "", "is a folder, not a file of records"))
            continue
        if name.startswith("."):
            continue
        close = difflib.get_close_matches(name.casefold(), sorted(names), n=1, cutoff=0.75)
        if close or name.casefold().endswith(".json"):
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else "the data files are " + ", ".join(sorted(names))
            )
            found.append(
                Problem(name, "", "", f"is not a data file, so its records would be missed; {hint}")
            )
    return found
