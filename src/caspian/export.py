"""Exports: plain Python data, JSON, CSV, pandas, GeoJSON, HTML tables, and citations.

Every conversion goes through the same cattrs converter that loads the data, so a record
exported with :func:`to_dict` and structured back is equal to the original.

>>> import caspian
>>> row = caspian.to_dict(caspian.summit("caspian-summit-2018"))
>>> row["start"], row["city"]["name"], row["kind"]
('2018-08-12', 'Aktau', 'summit')
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar, overload

from caspian._cite import cite
from caspian._fields import shapes as shapes_of
from caspian._from_dict import from_dict
from caspian._html import record_html, records_html
from caspian._kind import Record, Value
from caspian._load import converter
from caspian._tables import _items, columns, table
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
    classes, cells = columns(records, values, kind)
    plan = _plan(tuple(classes))
    data: dict[str, Any] = {}
    for name, column in cells.items():
        convert = plan.get(name, _untyped)
        data[name] = convert(column)
    frame: pandas.DataFrame = pd.DataFrame(data)
    return frame


def _untyped(column: list[Any]) -> Any:
    """A column pandas types from its cells; an empty one holds objects (not floats)."""
    if column:
        return column
    import numpy as np

    return np.array(column, dtype=object)


_NAT = -(2**63)  # numpy's NaT as an int64
_EPOCH = 719163  # the proleptic ordinal of 1970-01-01


def _dates(column: list[Any]) -> Any:
    """Dates as ``datetime64[s]`` (seconds since 1970), so that every date a record can hold
    (years 1 to 9999) fits, with any pandas from 2.0."""
    import numpy as np

    seconds = [
        (day.toordinal() - _EPOCH) * 86400 if isinstance(day, dt.date) else _NAT for day in column
    ]
    return np.array(seconds, dtype=np.int64).view("datetime64[s]")


def _masked(numbers: tuple[type, ...], kind: str) -> Callable[[list[Any]], Any]:
    """A column of numbers or bools as a nullable array (``Int64``, ``Float64``, ``boolean``)."""
    import numpy as np
    import pandas as pd

    arrays = {
        "int": pd.arrays.IntegerArray,
        "float": pd.arrays.FloatingArray,
        "bool": pd.arrays.BooleanArray,
    }
    array, dtype = arrays[kind], {"int": np.int64, "float": np.float64, "bool": np.bool_}[kind]

    def convert(column: list[Any]) -> Any:
        # NaN (a float, or the cell of a row whose class lacks the column) is missing too.
        mask = [not isinstance(v, numbers) or v != v for v in column]
        values = [0 if m else v for v, m in zip(column, mask, strict=True)]
        return array(np.array(values, dtype=dtype), np.array(mask, dtype=np.bool_))

    return convert


def _categories(enums: list[type[Enum]]) -> Callable[[list[Any]], Any]:
    """A column of enum members as a categorical with every allowed value as a category;
    records of several kinds may share a column name with different vocabularies (a
    meeting's and an agreement's kind): the categories are all of them."""
    import numpy as np
    import pandas as pd

    allowed = list(dict.fromkeys(m.value for enum in enums for m in enum))
    dtype = pd.CategoricalDtype(allowed)
    codes = {m: allowed.index(m.value) for enum in enums for m in enum}

    def convert(column: list[Any]) -> Any:
        found = np.array([codes.get(v, -1) for v in column], dtype=np.int64)
        return pd.Categorical.from_codes(found, dtype=dtype)

    return convert


def _plain(column: list[Any]) -> list[Any]:
    """Dates and enums as in a table (a column whose types differ between record types)."""
    return [
        v.value if isinstance(v, Enum) else v.isoformat() if isinstance(v, dt.date) else v
        for v in column
    ]


_PLANS: dict[tuple[type, ...], dict[str, Callable[[list[Any]], Any]]] = {}
_NUMBERS: dict[str, tuple[type, ...]] = {"int": (int,), "float": (int, float), "bool": (bool,)}


def _plan(classes: tuple[type, ...]) -> dict[str, Callable[[list[Any]], Any]]:
    """Column name -> the conversion of its cells, for a frame of records of ``classes``."""
    found = _PLANS.get(classes)
    if found is not None:
        return found
    found = {}
    for name, (shape, enums) in _column_types(classes).items():
        if shape == "date":
            found[name] = _dates
        elif shape == "enum":
            found[name] = _categories(enums)
        elif shape in ("int", "float", "bool"):
            found[name] = _masked(_NUMBERS[shape], shape)
        elif shape == "mixed":
            found[name] = _plain
    _PLANS[classes] = found
    return found


def _column_types(kinds: Iterable[type]) -> dict[str, tuple[str, list[type[Enum]]]]:
    """Column name -> (kind, enums) for the scalar columns of the given record types; a column
    whose types differ between record types is ``"mixed"``: its cells are as in a table."""
    seen: dict[str, list[tuple[str, type[Enum] | None]]] = {}

    def walk(cls: type, prefix: str) -> None:
        for field in shapes_of(cls):
            name = f"{prefix}{field.name}"
            column = seen.setdefault(name, [])
            if field.many:
                column.append(("other", None))
            elif field.kind == "value":
                walk(field.base, f"{name}.")
            elif field.kind in ("date", "enum", "bool", "int", "float"):
                column.append((field.kind, field.base if field.kind == "enum" else None))
            else:
                column.append(("other", None))

    for kind in kinds:
        walk(kind, "")
    found: dict[str, tuple[str, list[type[Enum]]]] = {}
    for name, column in seen.items():
        shapes = {shape for shape, _ in column}
        if len(shapes) == 1 and "other" not in shapes:
            found[name] = (shapes.pop(), [enum for _, enum in column if enum is not None])
        elif shapes & {"date", "enum"}:
            found[name] = ("mixed", [])
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
