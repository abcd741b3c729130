"""A Frictionless data package: one CSV file per kind and a ``datapackage.json`` that describes
every field (type, meaning, allowed values) and the links between the files.

R, Stata, Excel, DuckDB and any Frictionless tool can then read the data without Python.

>>> import tempfile, json, caspian
>>> folder = caspian.to_datapackage(tempfile.mkdtemp())
>>> package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
>>> [r["name"] for r in package["resources"]][:3]
['states', 'meetings', 'summits']
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import attrs

from caspian._kind import field_meanings
from caspian._load import file_fields
from caspian._tables import _unwrap, columns_of, table
from caspian._version import __data_version__, __version__
from caspian._write import MARKER, check_target, escape_formula, write_files
from caspian.errors import ArgumentTypeError, _shown

__all__ = ["to_datapackage"]

_TYPES: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _field(cls: type, path: str) -> dict[str, Any]:
    """The Table Schema description of one flat column of ``cls``."""
    head, _, rest = path.partition(".")
    field = attrs.fields_dict(cls)[head]
    hint = _unwrap(field.type)
    if rest:
        inner = _field(hint, rest)
        return {**inner, "name": path}
    described: dict[str, Any] = {"name": path, "type": "string"}
    meaning = field_meanings(cls).get(head)
    if meaning:
        described["description"] = meaning.replace("``", "`")
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if isinstance(item, type) and attrs.has(item):
            described["type"] = "array"  # JSON text, as in to_csv
        else:
            described["description"] = described.get("description", "") + " (values joined by '; ')"
    elif hint is _dt.date:
        described["type"] = "date"
    elif isinstance(hint, type) and issubclass(hint, Enum):
        described["constraints"] = {"enum": [m.value for m in hint]}
    else:
        described["type"] = _TYPES.get(hint, "string")
    if path == "id":
        described["constraints"] = {"required": True, "unique": True}
    return described


def _references(cls: type, prefix: str = "") -> list[tuple[str, str]]:
    """(column, kind name) of each column that holds the id of one record of another kind."""
    found: list[tuple[str, str]] = []
    for field in attrs.fields(cls):
        if field.name not in file_fields(cls):
            continue
        hint = _unwrap(field.type)
        if "ref" in field.metadata and typing.get_origin(hint) is not tuple:
            found.append((prefix + field.name, field.metadata["ref"]))
        elif isinstance(hint, type) and attrs.has(hint):
            found.extend(_references(hint, f"{prefix}{field.name}."))
    return found


def to_datapackage(
    folder: str | os.PathLike[str],
    dataset: Any = None,
    *,
    overwrite: bool = False,
    escape_formulas: bool = True,
) -> Path:
    """Write the data as a Frictionless data package into ``folder``: one CSV file per kind of
    record (``states.csv``, ``meetings.csv`` ...; meetings include the summits) with the
    columns of :func:`to_csv`, and ``datapackage.json`` describing each field and the
    references between files. Returns the folder.

    The files are written safely (see :doc:`/safety`): never through a symbolic link, all or
    nothing, and over existing files only when they are a previous caspian export or
    ``overwrite`` is true. Other files in the folder are left alone. With ``escape_formulas``
    (the default, as the package is meant for spreadsheets too), text cells that begin with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a leading ``'`` so that no
    spreadsheet runs them as formulas (OWASP's advice on CSV injection).

    Raises:
        ArgumentTypeError: ``folder`` is not a path, or ``dataset`` not a Dataset.
        InvalidQueryError: ``folder`` is empty (``""``).
        FileNotFoundError: ``folder`` does not exist.
        ExportError: a file to write is a symbolic link or a folder, or would replace a
            file that is not part of a previous caspian export (without ``overwrite``), or
            writing failed; the folder is then as it was.

    >>> import tempfile, csv, caspian
    >>> folder = caspian.to_datapackage(tempfile.mkdtemp())
    >>> next(csv.reader((folder / "summits.csv").open(encoding="utf-8")))[:3]
    ['id', 'name', 'aliases']
    """
    from caspian.dataset import Dataset
    from caspian.model import KINDS

    if not isinstance(folder, (str, os.PathLike)):
        raise ArgumentTypeError(
            f"folder must be a path, not {type(folder).__name__}: {_shown(folder)}"
        )
    dataset = Dataset.packaged() if dataset is None else dataset
    if not isinstance(dataset, Dataset):
        raise ArgumentTypeError(f"dataset must be a Dataset, not {_shown(dataset)}")
    check_target(folder)
    texts: dict[str, str] = {}
    resources = []
    for kind in KINDS:
        name = kind.KIND.plural
        columns, rows = table(dataset.records(kind), kind=kind)
        texts[f"{name}.csv"] = _csv(columns, rows, escape_formulas)
        owners = [k for k in KINDS if issubclass(k, kind)]
        fields = []
        for column in columns:
            owner = next(k for k in owners if column in columns_of(k))
            fields.append(_field(owner, column))
        keys = []
        for column, target_kind in dict(r for k in owners for r in _references(k)).items():
            referred = next(k for k in KINDS if k.__name__ == target_kind)
            resource = "" if referred is kind else referred.KIND.plural
            keys.append({"fields": column, "reference": {"resource": resource, "fields": "id"}})
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": _summary(kind),
                "schema": {"fields": fields, "primaryKey": ["id"], "foreignKeys": keys},
            }
        )
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "caspian-diplomacy",
        "title": "Caspian littoral-state diplomacy: meetings, agreements, pipelines, reserves",
        "version": __data_version__,
        "description": f"Exported by caspian-diplomacy {__version__} (data {__data_version__}). "
        "Every record cites its sources in its `sources` column.",
        "licenses": [
            {
                "name": "CC-BY-SA-4.0",
                "path": "https://creativecommons.org/licenses/by-sa/4.0/",
                "title": "Creative Commons Attribution-ShareAlike 4.0",
            }
        ],
        "sources": [
            {
                "title": "Diplomacy of the Caspian littoral states (Wikipedia)",
                "path": "https://en.wikipedia.org/wiki/Diplomacy_of_the_Caspian_littoral_states",
            }
        ],
        "resources": resources,
    }
    package[MARKER] = {"library": __version__, "data": __data_version__, "files": [*texts]}
    if escape_formulas:
        package["description"] += (
            " Text cells that began with =, +, -, @, a tab or a carriage return start with an "
            "added ' so that spreadsheets do not run them as formulas."
        )
    texts["datapackage.json"] = json.dumps(package, ensure_ascii=False, indent=2) + "\n"
    return write_files(folder, texts, overwrite=overwrite)


def _summary(kind: type) -> str:
    """The first line of a kind's own docstring; its plural where there is none (``-OO``)."""
    lines = (kind.__dict__.get("__doc__") or "").strip().splitlines()
    return lines[0] if lines else f"The {kind.KIND.plural}."  # type: ignore[attr-defined]


def _csv(columns: list[str], rows: Any, escape_formulas: bool) -> str:
    """The CSV text of one kind's table, its formula-like text cells escaped if asked."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        cells = {k: ("" if v is None else v) for k, v in row.items()}
        if escape_formulas:
            cells = {k: escape_formula(v) for k, v in cells.items()}
        writer.writerow(cells)
    return buffer.getvalue()
