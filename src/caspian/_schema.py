"""JSON Schemas of the data files, generated from the record classes.

The schemas ship in ``caspian/data/schema/``; ``python -m caspian._schema`` rewrites them after a
change to the classes, and a test fails while the shipped files differ from what this produces.

>>> from caspian import State
>>> schema = schema_for(State)
>>> schema["items"]["$ref"], schema["$defs"]["State"]["additionalProperties"]
('#/$defs/State', False)
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import attr

from caspian import model
from caspian._fields import shapes
from caspian._provenance import REGISTRY_FILE, Publisher
from caspian.model import Record

SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE = "https://caspian-diplomacy.readthedocs.io/schema/"
ID_PATTERN = "^[a-z0-9]+(?:--?[a-z0-9]+)*$"


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = (
            _type_schema(options[0], defs)
            if len(options) == 1
            else {"anyOf": [_type_schema(a, defs) for a in options]}
        )
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0], defs)}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is str:
        return {"type": "string"}
    if tp is _dt.date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if attr.has(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # reserve the name first: nested types may refer back
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in shapes(cls):
        schema = _type_schema(field.hint, defs)
        if field.name == "id" or field.ref is not None:
            schema = _with(schema, {"pattern": ID_PATTERN})
        schema = _with(schema, field.limits)
        if field.name == "sources" and issubclass(cls, Record):
            schema = {**schema, "minItems": 1}
        properties[field.name] = schema
        if field.required:
            required.append(field.name)
    defs[cls.__name__] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _with(schema: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with ``extra`` keywords on its scalar part (or on its array's items)."""
    if not extra:
        return schema
    if "anyOf" in schema:
        return {"anyOf": [_with(schema["anyOf"][0], extra), *schema["anyOf"][1:]]}
    if schema.get("type") == "array":
        return {**schema, "items": _with(schema["items"], extra)}
    return {**schema, **extra}


def schema_for(record_type: type[Record]) -> dict[str, Any]:
    """The JSON Schema of the data file that holds records of ``record_type``.

    >>> from caspian import State
    >>> schema_for(State)["$defs"]["State"]["required"]
    ['id', 'name', 'official_name', 'littoral', 'sources']
    """
    defs: dict[str, Any] = {}
    _define(record_type, defs)
    name = record_type.KIND.file
    return {
        "$schema": SCHEMA_DRAFT,
        "$id": f"{SCHEMA_BASE}{name.replace('.json', '.schema.json')}",
        "title": f"caspian {name}",
        "description": f"An array of {record_type.__name__} records (caspian-diplomacy format).",
        "type": "array",
        "items": {"$ref": f"#/$defs/{record_type.__name__}"},
        "$defs": dict(sorted(defs.items())),
    }


def registry_schema() -> dict[str, Any]:
    """The JSON Schema of the publisher registry, ``publishers.json``.

    >>> registry_schema()["$defs"]["Publisher"]["required"]
    ['host', 'publisher', 'type', 'official']
    """
    defs: dict[str, Any] = {}
    _define(Publisher, defs)
    name = REGISTRY_FILE.replace(".json", ".schema.json")
    return {
        "$schema": SCHEMA_DRAFT,
        "$id": f"{SCHEMA_BASE}{name}",
        "title": f"caspian {REGISTRY_FILE}",
        "description": "The registry of the publishers the data cites (caspian-diplomacy format).",
        "type": "array",
        "items": {"$ref": "#/$defs/Publisher"},
        "$defs": defs,
    }


def render(record_type: type[Record] | None) -> str:
    """The schema file's exact text (the registry's for ``None``)."""
    schema = registry_schema() if record_type is None else schema_for(record_type)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write every schema into ``src/caspian/data/schema`` (or the folder given)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(__file__).parent / "data" / "schema"
    folder.mkdir(parents=True, exist_ok=True)
    for record_type in model.KINDS:
        name = record_type.KIND.file.replace(".json", ".schema.json")
        (folder / name).write_text(render(record_type), encoding="utf-8")
    registry = REGISTRY_FILE.replace(".json", ".schema.json")
    (folder / registry).write_text(render(None), encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
