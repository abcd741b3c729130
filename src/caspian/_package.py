"""A Frictionless data package: one CSV file per kind, one per list inside the records, and a
``datapackage.json`` that describes every field (type, meaning, allowed values) and the links
between the files.

R, Stata, Excel, DuckDB and any Frictionless tool can then read the data without Python.

>>> import tempfile, json, caspian
>>> folder = caspian.to_datapackage(tempfile.mkdtemp())
>>> package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
>>> [r["name"] for r in package["resources"]][:3]
['states', 'meetings', 'summits']
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attr

from caspian._fields import shape, shapes
from caspian._kind import field_meanings
from caspian._load import converter
from caspian._meanings import plain
from caspian._tables import columns_of, table
from caspian._version import __data_version__, __version__
from caspian._write import MARKER, check_target, csv_text, write_files
from caspian.errors import ArgumentTypeError, _shown

__all__ = ["to_datapackage"]

_TYPES: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _field(cls: type, path: str) -> dict[str, Any]:
    """The Table Schema description of one flat column of ``cls``."""
    head, _, rest = path.partition(".")
    field = shape(cls, head)
    hint = field.base
    if rest:
        inner = _field(hint, rest)
        return {**inner, "name": path}
    described: dict[str, Any] = {"name": path, "type": "string"}
    meaning = field_meanings(cls).get(head)
    if meaning:
        described["description"] = plain(meaning)
    if field.many:
        if field.kind == "value":
            described["type"] = "array"  # JSON text, as in to_csv
        else:
            described["description"] = (
                described.get("description", "") + " The values are joined by '; ' here, and "
                "listed one a row in a table of their own."
            )
    elif field.kind == "date":
        described["type"] = "date"
    elif field.vocabulary is not None:
        described["constraints"] = {"enum": list(field.vocabulary)}
    else:
        described["type"] = _TYPES.get(hint, "string")
    if path == "id":
        described["constraints"] = {"required": True, "unique": True}
    return described


def _references(cls: type, prefix: str = "") -> list[tuple[str, str]]:
    """(column, kind name) of each column that holds the id of one record of another kind."""
    found: list[tuple[str, str]] = []
    for field in shapes(cls):
        if field.ref is not None and not field.many:
            found.append((prefix + field.name, field.ref))
        elif field.kind == "value" and not field.many:
            found.extend(_references(field.base, f"{prefix}{field.name}."))
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

    Every list in the records is also a table of its own, one row per item, with foreign keys
    to the records on both sides (``agreement_parties.csv``: agreement, position, state), and
    so are the sources of every kind (``agreement_sources.csv``).
    The folder is made if it does not exist.

    The files are written safely (see :doc:`/safety`): never through a symbolic link, all or
    nothing, and over existing files only when they are a previous caspian export or
    ``overwrite`` is true. Other files in the folder are left alone. With ``escape_formulas``
    (the default, as the package is meant for spreadsheets too), text cells that begin with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a leading ``'`` so that no
    spreadsheet runs them as formulas (OWASP's advice on CSV injection).

    Raises:
        ArgumentTypeError: ``folder`` is not a path, or ``dataset`` not a Dataset.
        InvalidQueryError: ``folder`` is empty (``""``).
        FileExistsError: ``folder`` is a file.
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
    target = check_target(folder)
    texts: dict[str, str] = {}
    resources = []
    for kind in KINDS:
        name = kind.KIND.plural
        columns, rows = table(dataset.records(kind), kind=kind)
        texts[f"{name}.csv"] = csv_text(columns, rows, escape_formulas)
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
        for wider in (k for k in KINDS if k is not kind and issubclass(kind, k)):
            keys.append(
                {"fields": "id", "reference": {"resource": wider.KIND.plural, "fields": "id"}}
            )
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": describe_kind(kind),
                "schema": {"fields": fields, "primaryKey": ["id"], "foreignKeys": keys},
            }
        )
    for link in link_tables(dataset):
        texts[f"{link['name']}.csv"] = csv_text(
            link.pop("columns"), link.pop("rows"), escape_formulas
        )
        resources.append(
            {
                "name": link["name"],
                "path": f"{link['name']}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": link["description"],
                "schema": link["schema"],
            }
        )
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "caspian-diplomacy",
        "title": "Caspian littoral-state diplomacy: meetings, agreements, pipelines, reserves",
        "version": __data_version__,
        "description": f"Exported by caspian-diplomacy {__version__} (data {__data_version__}). "
        "There is one table per kind of record, and one table per list inside the records "
        "(names, parties, routes, attendees, sources and the rest), so that every list can be "
        "joined without parsing cells. Every record cites its sources in the table of sources "
        "of its kind, such as agreement_sources.csv.",
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
    return write_files(target, texts, overwrite=overwrite)


# -- plain descriptions and link tables ---------------------------------------------------------


def describe_kind(kind: Any) -> str:
    """The description of a kind's table: the first paragraph of its class docstring, in
    plain whole sentences, and where its records are also rows of another table."""
    from caspian.model import KINDS

    doc = (kind.__dict__.get("__doc__") or "").strip().split("\n\n")[0]
    text = plain(doc)
    wider = [k for k in KINDS if k is not kind and issubclass(kind, k)]
    narrower = [k for k in KINDS if k is not kind and issubclass(k, kind)]
    for other in wider:
        text += (
            f" Every row of {kind.KIND.plural}.csv is also a row of {other.KIND.plural}.csv, "
            f"with the same id: a {kind.KIND.noun} is also a {other.KIND.noun}."
        )
    for other in narrower:
        text += (
            f" The {other.KIND.plural} are rows of this table too, and also of "
            f"{other.KIND.plural}.csv, with the same id."
        )
    return text


_SINGULAR = {"aliases": "alias", "supports": "field", "capital_history": "capital_name"}


def _singular(name: str) -> str:
    """``sources`` -> ``source``; ``parties`` -> ``party``."""
    if name in _SINGULAR:
        return _SINGULAR[name]
    if name.endswith("ies"):
        return name[:-3] + "y"
    return name[:-1] if name.endswith("s") else name


def _lists(cls: type, inherited: type | None = None) -> list[tuple[Any, Any]]:
    """(field, item type) of each list field of ``cls`` (not those of ``inherited``)."""
    found = []
    skip = set(attr.fields_dict(inherited)) if inherited is not None else set()
    for field in shapes(cls):
        if field.many and field.name not in skip:
            found.append((field, field.base))
    return found


def _cell(data: Any, column: str) -> Any:
    for step in column.split("."):
        data = data.get(step) if isinstance(data, dict) else None
    return data


def link_tables(dataset: Any) -> list[dict[str, Any]]:
    """One table for every list inside the records, and the missing articles.

    Each table's name is the record's noun and the list's field (``agreement_parties``,
    ``meeting_sources``), with a column naming the record (a foreign key to its table), a
    ``position`` in the list (from 1) and the item: the id of the record it names (a foreign
    key to that table), the value, or the fields of the value. A list inside those values
    (a source's ``supports``) is a table again, keyed by the record and the position.

    >>> import caspian
    >>> tables = {t["name"]: t for t in link_tables(caspian.Dataset.packaged())}
    >>> tables["agreement_parties"]["columns"]
    ['agreement', 'position', 'state']
    >>> tables["agreement_parties"]["schema"]["foreignKeys"][1]
    {'fields': ['state'], 'reference': {'resource': 'states', 'fields': ['id']}}
    """
    from caspian.model import KINDS, Agreement

    found: list[dict[str, Any]] = []
    for kind in KINDS:
        wider = next((k for k in KINDS if k is not kind and issubclass(kind, k)), None)
        noun = kind.KIND.noun.replace(" ", "_")
        parents = [((r.id,), converter.unstructure(r)) for r in dataset.records(kind)]
        for field, item in _lists(kind, wider):
            found.extend(
                _list_table(
                    kind,
                    noun,
                    field,
                    item,
                    [noun],
                    parents,
                    kind.KIND.plural,
                    ["id"],
                    kind.KIND.noun,
                )
            )
    rows = [
        {"agreement": a.id, "article": n, "reason": a.missing_articles_reason}
        for a in dataset.records(Agreement)
        for n in a.missing_articles
    ]
    found.append(
        {
            "name": "agreement_missing_articles",
            "description": "The articles of an agreement's text that the data does not hold "
            "(up to its article_count), with the reason where it is known.",
            "columns": ["agreement", "article", "reason"],
            "rows": rows,
            "schema": {
                "fields": [
                    {"name": "agreement", "type": "string", "description": "The agreement's id."},
                    {"name": "article", "type": "integer", "description": "The article's number."},
                    {
                        "name": "reason",
                        "type": "string",
                        "description": plain(field_meanings(Agreement)["missing_articles_reason"]),
                    },
                ],
                "primaryKey": ["agreement", "article"],
                "foreignKeys": [_key(["agreement"], "agreements", ["id"])],
            },
        }
    )
    return found


def _key(fields: list[str], resource: str, to: list[str]) -> dict[str, Any]:
    return {"fields": fields, "reference": {"resource": resource, "fields": to}}


def _list_table(
    owner: type,
    prefix: str,
    field: Any,
    item: Any,
    keys: list[str],
    parents: list[tuple[tuple[Any, ...], Any]],
    parent: str,
    parent_keys: list[str],
    noun: str,
    whose: str = "",
) -> list[dict[str, Any]]:
    """The table of one list field (and, for values, the tables of the lists inside them)."""
    from caspian.model import KINDS

    name = f"{prefix}_{field.name}"
    meaning = plain(field_meanings(owner).get(field.name, ""))
    head = [
        {"name": keys[0], "type": "string", "description": f"The id of the {noun}."},
        *(
            {"name": k, "type": "integer", "description": f"The position of the {k} in its list."}
            for k in keys[1:]
        ),
        {"name": "position", "type": "integer", "description": "The position in the list, from 1."},
    ]
    foreign = [_key(list(keys), parent, parent_keys)]
    columns: list[str]
    schema_fields: list[dict[str, Any]]
    nested: list[tuple[Any, Any]] = []
    if field.kind == "value":
        nested = _lists(item)
        inner_names = {f.name for f, _ in nested}
        columns = [c for c in columns_of(item) if c.split(".")[0] not in inner_names]
        schema_fields = [_field(item, c) for c in columns]
        for column, target in _references(item):
            referred = next(k for k in KINDS if k.__name__ == target)
            foreign.append(_key([column], referred.KIND.plural, ["id"]))
    elif field.ref is not None:
        referred = next(k for k in KINDS if k.__name__ == field.ref)
        column = referred.KIND.noun.replace(" ", "_")
        columns = [column]
        schema_fields = [
            {"name": column, "type": "string", "description": f"The id of the {column}."}
        ]
        foreign.append(_key([column], referred.KIND.plural, ["id"]))
    else:
        column = _singular(field.name)
        columns = [column]
        described: dict[str, Any] = {"name": column, "type": "string", "description": meaning}
        if field.vocabulary is not None:
            described["constraints"] = {"enum": list(field.vocabulary)}
        schema_fields = [described]
    rows: list[dict[str, Any]] = []
    children: list[tuple[tuple[Any, ...], Any]] = []
    for key, data in parents:
        for position, value in enumerate(data.get(field.name) or (), 1):
            row: dict[str, Any] = dict(zip(keys, key, strict=True))
            row["position"] = position
            if isinstance(value, dict):
                row.update({c: _cell(value, c) for c in columns})
                children.append(((*key, position), value))
            else:
                row[columns[0]] = value
            rows.append(row)
    found = [
        {
            "name": name,
            "description": f"One row per item of the list '{field.name}' of each "
            + (whose or noun)
            + (f": {meaning[0].lower()}{meaning[1:]}" if meaning else ".")
            + ("" if meaning.endswith(".") or not meaning else "."),
            "columns": [*keys, "position", *columns],
            "rows": rows,
            "schema": {
                "fields": [*head, *schema_fields],
                "primaryKey": [*keys, "position"],
                "foreignKeys": foreign,
            },
        }
    ]
    for inner_field, inner_item in nested:
        found.extend(
            _list_table(
                item,
                name,
                inner_field,
                inner_item,
                [*keys, _singular(field.name)],
                children,
                name,
                [*keys, "position"],
                noun,
                f"{_singular(field.name)} ({name}.csv) of a {noun}",
            )
        )
    return found
