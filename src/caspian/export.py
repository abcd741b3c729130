"""Exports: plain Python data, JSON, CSV, pandas, GeoJSON, HTML tables, and citations.

Every conversion goes through the same cattrs converter that loads the data, so a record
exported with :func:`to_dict` and structured back is equal to the original.

>>> import caspian
>>> row = caspian.to_dict(caspian.summit("caspian-summit-2018"))
>>> row["start"], row["city"]["name"], row["kind"]
('2018-08-12', 'Aktau', 'summit')
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs

from caspian._cite import cite
from caspian._from_dict import from_dict
from caspian._html import record_html, records_html
from caspian._kind import Record, Value
from caspian._load import converter
from caspian._tables import _items, table, value_fields
from caspian._write import csv_text
from caspian.errors import ArgumentTypeError, MissingDependencyError
from caspian.model import Agreement, Meeting, Pipeline

if TYPE_CHECKING:
    import pandas

__all__ = [
    "cite",
    "from_dict",
    "record_html",
    "records_html",
    "to_csv",
    "to_dataframe",
    "to_dict",
    "to_geojson",
    "to_json",
]

R = TypeVar("R", bound="Record | Value")


@overload
def to_dict(obj: Record | Value) -> dict[str, Any]: ...
@overload
def to_dict(
    obj: Iterable[Record | Value], *, values: str | None = None
) -> list[dict[str, Any]]: ...
def to_dict(
    obj: Record | Value | Iterable[Record | Value], *, values: str | None = None
) -> dict[str, Any] | list[dict[str, Any]]:
    """A record (or a value) as a dict, or several as a list of dicts: dates as ISO strings,
    enums as their values. With ``values="attendees"`` (or another field of values), the
    values inside the records, each with the id of its record under the record's noun.

    Raises:
        ArgumentTypeError: ``obj`` is not records or values, or ``values`` names no field of
            values of its records.

    >>> import caspian
    >>> [d["id"] for d in caspian.to_dict(caspian.pipelines(commodity="oil"))][:2]
    ['baku-tbilisi-ceyhan', 'caspian-pipeline-consortium']
    >>> caspian.to_dict(caspian.summits(year=2018), values="attendees")[0]["summit"]
    'caspian-summit-2018'
    """
    if isinstance(obj, (Record, Value)):
        if values is not None:
            obj = [obj]
        else:
            return converter.unstructure(obj)  # type: ignore[no-any-return]
    if values is None:
        return [converter.unstructure(r) for r in _items(obj)]
    columns, _ = table(obj, values)
    link = columns[0]
    return [
        {link: record.id, **converter.unstructure(value)}
        for record in _items(obj)
        for value in getattr(record, values)
    ]


def to_json(obj: Record | Iterable[Record], *, indent: int | None = 2) -> str:
    """JSON text of a record (an object) or of records (an array).

    >>> import caspian
    >>> print(caspian.to_json(caspian.state("TM"), indent=None)[:40])
    {"id": "turkmenistan", "name": "Turkmeni
    """
    return json.dumps(to_dict(obj), indent=indent, ensure_ascii=False, allow_nan=False)


def to_csv(
    records: Record | Value | Iterable[Record | Value],
    *,
    values: str | None = None,
    kind: type | None = None,
    escape_formulas: bool = False,
) -> str:
    """CSV text with one row per record (or value) and flat columns fixed by its class.

    Nested objects become dotted columns (``city.name``, ``city.coordinates.latitude``), which
    are there, empty, for a record without one; lists of plain values are joined with
    ``"; "`` (``participants``); lists of objects (``sources``, ``attendees``) are JSON text in
    one cell; missing values are empty cells. An empty result still has its header (query
    results know their kind; give ``kind`` for an empty list). With ``values="attendees"``,
    one row per value inside the records, the first column naming its record. With
    ``escape_formulas=True`` (for a file a spreadsheet will open), a text cell that begins with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, as OWASP advises.

    Raises:
        ArgumentTypeError: as for :func:`to_dict`.

    >>> import caspian
    >>> text = caspian.to_csv(caspian.summits(before=2008))
    >>> text.splitlines()[0].split(",")[:4]
    ['id', 'name', 'aliases', 'status']
    >>> text.splitlines()[1].split(",")[0]
    'caspian-summit-2002'
    >>> caspian.to_csv(caspian.summits(year=2018), values="attendees").splitlines()[0]
    'summit,name,state,office'
    """
    columns, rows = table(records, values, kind)
    return csv_text(columns, rows, escape_formulas)


def to_dataframe(
    records: Record | Value | Iterable[Record | Value],
    *,
    values: str | None = None,
    kind: type | None = None,
) -> pandas.DataFrame:
    """A pandas DataFrame with flat columns, as in :func:`to_csv` (``values`` and ``kind``
    too), and proper dtypes.

    Dates are ``datetime64`` columns, closed vocabularies (``kind``, ``status`` ...) are
    categoricals with every allowed value as a category, and numbers are numeric. Needs the
    ``pandas`` extra: ``pip install "caspian-diplomacy[pandas]"``.

    Raises:
        MissingDependencyError: pandas is not installed.
        ArgumentTypeError: as for :func:`to_dict`.

    >>> import caspian
    >>> frame = caspian.to_dataframe(caspian.summits())
    >>> str(frame["start"].dtype), str(frame["kind"].dtype)
    ('datetime64[s]', 'category')
    """
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependencyError(
            'to_dataframe needs pandas: pip install "caspian-diplomacy[pandas]"'
        ) from None
    columns, rows = table(records, values, kind)
    frame: pandas.DataFrame = pd.DataFrame(rows, columns=columns)
    classes = {type(r) for r in _items(records)} or ({kind} if kind else set())
    if not classes and getattr(records, "kind", None):
        classes = {records.kind}  # type: ignore[union-attr]
    if values is not None:
        classes = {value_fields(cls)[values] for cls in classes}
    for name, (shape, enums) in _column_types(classes).items():
        if name not in frame.columns:
            continue
        if shape == "date":
            frame[name] = _dates(frame[name])
        elif shape == "enum":
            # Records of several kinds may share a column name with different vocabularies
            # (a meeting's and an agreement's kind): the categories are all of them.
            allowed = [m.value for enum in enums for m in enum]
            frame[name] = pd.Categorical(frame[name], categories=list(dict.fromkeys(allowed)))
        elif shape == "int":
            frame[name] = frame[name].astype("Int64")
        elif shape == "float":
            frame[name] = frame[name].astype("Float64")
        elif shape == "bool":
            frame[name] = frame[name].astype("boolean")
    return frame


def _dates(column: Any) -> Any:
    """A column of ISO dates as ``datetime64[s]``, parsed directly at that resolution, so that
    every date a record can hold (years 1 to 9999) fits, with any pandas from 2.0."""
    import numpy as np
    import pandas as pd

    days = [value if isinstance(value, str) else "NaT" for value in column]
    return pd.Series(np.array(days, dtype="datetime64[s]"), index=column.index)


def _column_types(kinds: set[type]) -> dict[str, tuple[str, list[type[Enum]]]]:
    """Column name -> (kind, enums) for the scalar columns of the given record types; a column
    whose types differ between record types is left out (it stays as it is)."""
    import datetime as dt

    from caspian._fields import shapes as shapes_of

    seen: dict[str, list[tuple[str, type[Enum] | None]]] = {}

    def walk(cls: type, prefix: str) -> None:
        for field in shapes_of(cls):
            tp = field.hint if field.many else field.base
            name = f"{prefix}{field.name}"
            column = seen.setdefault(name, [])
            if tp is dt.date:
                column.append(("date", None))
            elif isinstance(tp, type) and issubclass(tp, Enum):
                column.append(("enum", tp))
            elif tp is bool:
                column.append(("bool", None))
            elif tp is int:
                column.append(("int", None))
            elif tp is float:
                column.append(("float", None))
            elif isinstance(tp, type) and attrs.has(tp):
                walk(tp, f"{name}.")
            else:
                column.append(("other", None))

    for kind in kinds:
        walk(kind, "")
    found: dict[str, tuple[str, list[type[Enum]]]] = {}
    for name, column in seen.items():
        shapes = {shape for shape, _ in column}
        if len(shapes) == 1 and "other" not in shapes:
            found[name] = (shapes.pop(), [enum for _, enum in column if enum is not None])
    return found


def _point(name: str, coordinates: Any, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": list(coordinates.as_tuple())},
        "properties": {"name": name, **properties},
    }


def _places(record: Record, base: dict[str, Any]) -> list[dict[str, Any]]:
    """A point at each place of a record of another kind (one you add), with its label."""
    from caspian._fields import shapes
    from caspian._kind import value_at
    from caspian._values import Place

    found = []
    title = value_at(record, type(record).KIND.label)
    for shape in shapes(type(record)):
        if shape.base is Place:
            held = getattr(record, shape.name)
            for place in held if isinstance(held, tuple) else (held,):
                if place is not None and place.coordinates:
                    properties = {**base, "title": title, "role": shape.name}
                    found.append(_point(place.name, place.coordinates, properties))
    return found


def has_places(kind: type) -> bool:
    """Whether records of ``kind`` have places to draw (a city, a place of signing, a route).

    >>> from caspian.model import Pipeline, State
    >>> has_places(Pipeline), has_places(State)
    (True, False)
    """
    from caspian._fields import shapes
    from caspian._values import Place

    return any(s.base is Place for s in shapes(kind))


def placed_kinds() -> str:
    """The plurals of the kinds with places, for messages (``"meetings, summits, ..."``)."""
    from caspian import model

    return ", ".join(k.KIND.plural for k in model.KINDS if has_places(k))


def to_geojson(records: Record | Iterable[Record]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the records that have coordinates.

    Meetings become points at their city; agreements, points at their place of signing;
    pipelines, a line from origin through the waypoints to the terminus (when every point has
    coordinates) plus points for the origin and terminus. Records without coordinates are
    left out. Coordinates are ``[longitude, latitude]`` (WGS 84) as GeoJSON requires.

    Raises:
        ArgumentTypeError: the records (or the kind of an empty query result) have no places:
            states, articles, ratifications and reserve estimates.

    >>> import caspian
    >>> layer = caspian.to_geojson(caspian.pipeline("BTC"))
    >>> [f["geometry"]["type"] for f in layer["features"]]
    ['LineString', 'Point', 'Point']
    """
    features: list[dict[str, Any]] = []
    items = _items(records)
    kinds: set[Any] = {type(r) for r in items} or {getattr(records, "kind", None)} - {None}
    for kind in kinds:
        if not has_places(kind):
            raise ArgumentTypeError(
                f"to_geojson needs records with places ({placed_kinds()}); "
                f"{kind.KIND.plural} have none"
            )
    for record in items:
        base = {"id": record.id, "record_type": type(record).__name__}
        if isinstance(record, Meeting) and record.city.coordinates:
            features.append(
                _point(
                    record.city.name,
                    record.city.coordinates,
                    {
                        **base,
                        "title": record.name,
                        "kind": record.kind.value,
                        "start": record.start.isoformat() if record.start else None,
                    },
                )
            )
        elif isinstance(record, Agreement) and record.place and record.place.coordinates:
            features.append(
                _point(
                    record.place.name,
                    record.place.coordinates,
                    {
                        **base,
                        "title": record.title,
                        "signed": record.signed.isoformat() if record.signed else None,
                    },
                )
            )
        elif isinstance(record, Pipeline):
            stops = [record.origin, *record.waypoints, record.terminus]
            props = {
                **base,
                "title": record.name,
                "commodity": record.commodity.value,
                "status": record.status.value,
            }
            if all(p.coordinates for p in stops):
                features.append(
                    {
                        "type": "Feature",
                        "geometry": {
                            "type": "LineString",
                            "coordinates": [
                                list(p.coordinates.as_tuple()) for p in stops if p.coordinates
                            ],
                        },
                        "properties": {"name": record.name, **props},
                    }
                )
            for role, place in (("origin", record.origin), ("terminus", record.terminus)):
                if place.coordinates:
                    features.append(_point(place.name, place.coordinates, {**props, "role": role}))
        elif not isinstance(record, (Meeting, Agreement)):  # another kind: each of its places
            features.extend(_places(record, base))
    return {"type": "FeatureCollection", "features": features}
