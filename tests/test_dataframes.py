"""DataFrames pinned against the records themselves: every column, dtype and value.

The expected frame is worked out here from the records' attributes and annotations, without
the exporter's code, so that a faster ``to_dataframe`` cannot change what users get.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import typing
from enum import Enum
from typing import Any

import attrs
import pytest

import caspian
from caspian.model import KINDS

pd = pytest.importorskip("pandas")

#: The dtype pandas gives a column of text (``str`` with pandas 3, ``object`` before).
TEXT = pd.Series(["text"]).dtype


def _fields(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in attrs.fields(cls) if f.init and f.name != "_dataset"]


def _one(hint: Any) -> tuple[Any, bool]:
    """The type of one value, and whether the field holds a tuple of them."""
    options = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, type(int | None)) and len(options) == 1:
        hint = options[0]
    if typing.get_origin(hint) is tuple:
        return typing.get_args(hint)[0], True
    return hint, False


def _text(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def flat(cls: type, obj: Any, prefix: str = "") -> dict[str, tuple[Any, Any]]:
    """Column -> (type of the column, expected cell) for one record or value of ``cls``."""
    found: dict[str, tuple[Any, Any]] = {}
    for name, hint in _fields(cls):
        base, many = _one(hint)
        value = None if obj is None else getattr(obj, name)
        column = f"{prefix}{name}"
        if many:
            if value and attrs.has(type(value[0])):
                cell = json.dumps([caspian.to_dict(v) for v in value], ensure_ascii=False)
            else:
                cell = None if value is None else "; ".join(_text(v) for v in value)
            found[column] = (tuple, cell)
        elif attrs.has(base):
            found.update(flat(base, value, f"{column}."))
        elif isinstance(value, Enum):
            found[column] = (base, value.value)
        elif base is dt.date:
            found[column] = (base, None if value is None else pd.Timestamp(value))
        else:
            found[column] = (base, value)
    return found


def expected_dtype(types: set[Any], cells: list[Any], absent: bool) -> Any:
    """The dtype of a column of values of ``types``, holding ``cells``."""
    if len(types) == 1:
        (one,) = types
        if one is dt.date:
            return "datetime64[s]"
        if one is int:
            return "Int64"
        if one is float:
            return "Float64"
        if one is bool:
            return "boolean"
    if all(isinstance(t, type) and issubclass(t, Enum) for t in types):
        categories = [m.value for t in sorted(types, key=lambda t: t.__name__) for m in t]
        return pd.CategoricalDtype(list(dict.fromkeys(categories)))
    if any(c is not None for c in cells):
        return TEXT
    # pandas' guess for a column of ``None``, and of ``NaN`` for the records that lack it
    return "float64" if absent else "object"


def missing(value: Any) -> bool:
    """Whether a cell is empty, as pandas shows it (``None``, ``NA``, ``NaT`` or ``NaN``)."""
    return (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float) and math.isnan(value))
    )


def check(
    frame: Any, classes: list[type], items: list[Any], link: tuple[str, list[str]] | None
) -> None:
    """``frame`` has the columns, dtypes and cells worked out from ``items`` of ``classes``."""
    flats = [flat(type(item), item) for item in items]
    columns: dict[str, set[Any]] = {}
    if link:
        columns[link[0]] = {str}
    for cls in classes:
        for column, (tp, _) in flat(cls, None).items():
            columns.setdefault(column, set()).add(tp)
    assert list(columns) == list(frame.columns)
    for column, types in columns.items():
        if link and column == link[0]:
            cells: list[Any] = list(link[1])
        else:
            cells = [one[column][1] if column in one else None for one in flats]
        dtype = expected_dtype(types, cells, any(column not in one for one in flats))
        if isinstance(dtype, pd.CategoricalDtype):
            order = list(frame[column].cat.categories)
            if len(types) == 1:  # one vocabulary: its order (several: in no promised order)
                assert list(dtype.categories) == order, column
            assert sorted(dtype.categories) == sorted(order), column
            assert str(frame[column].dtype) == "category", column
        else:
            assert str(dtype) == str(frame[column].dtype), column
        shown = [None if missing(v) else v for v in frame[column].tolist()]
        assert cells == shown, column
        if dtype in ("Int64", "Float64"):
            assert all(type(v) is (int if dtype == "Int64" else float) for v in cells if v), column


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.KIND.plural)
def test_every_kind_keeps_its_columns_dtypes_and_values(kind: type[caspian.Record]) -> None:
    """to_dataframe of every record of a kind: the columns, dtypes and cells of the records."""
    records = list(caspian.Dataset.packaged().records(kind))
    classes = list(dict.fromkeys(type(r) for r in records))
    check(caspian.to_dataframe(records), classes, records, None)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.KIND.plural)
def test_an_empty_selection_keeps_its_kinds_columns_and_dtypes(kind: type[caspian.Record]) -> None:
    """An empty selection has its kind's columns, typed as a full one's (text as object)."""
    results = caspian.Dataset.packaged().records(kind)[:0]
    check(caspian.to_dataframe(results), [kind], [], None)
    check(caspian.to_dataframe([], kind=kind), [kind], [], None)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.KIND.plural)
def test_values_inside_records_keep_their_cells(kind: type[caspian.Record]) -> None:
    """values= frames: a link to each record, then the cells of each value."""
    records = list(caspian.Dataset.packaged().records(kind))
    hints = dict(_fields(kind))
    for name, hint in hints.items():
        base, many = _one(hint)
        if not (many and attrs.has(base)):
            continue
        frame = caspian.to_dataframe(records, values=name)
        values = [(r.id, v) for r in records for v in getattr(r, name)]
        nouns = {type(r).KIND.noun.replace(" ", "_") for r in records}
        noun = nouns.pop() if len(nouns) == 1 else "record"
        check(frame, [base], [v for _, v in values], (noun, [i for i, _ in values]))


def test_mixed_kinds_share_a_column_and_its_categories() -> None:
    """Meetings and agreements together: `kind` holds both vocabularies, missing cells empty."""
    items = [*caspian.meetings()[:3], *caspian.agreements()[:3]]
    classes = list(dict.fromkeys(type(r) for r in items))
    check(caspian.to_dataframe(items), classes, items, None)


def test_a_user_dataset_frame_follows_its_own_records(mini: caspian.Dataset) -> None:
    """A user dataset's frame shows its own records, not the packaged ones."""
    for kind in KINDS:
        records = list(mini.records(kind))
        classes = list(dict.fromkeys(type(r) for r in records)) or [kind]
        check(caspian.to_dataframe(records, kind=kind), classes, records, None)


def _variant(title: str) -> dict[str, Any]:
    """The minimal records, with every source titled ``title``."""
    from conftest import minimal_records

    records = minimal_records()
    for rows in records.values():
        for row in rows:
            for source in row.get("sources", ()):
                source["title"] = title
    return records


@pytest.mark.parametrize("limit", [1, 4096])
def test_json_cells_follow_each_datasets_records(
    limit: int, write: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Frames of two datasets, made in turn and kept or not, show each one's own sources."""
    from caspian import _tables

    monkeypatch.setattr(_tables, "SHOWN_LIMIT", limit)
    first = caspian.Dataset.from_directory(write(_variant("First")))
    for round in range(3):
        second = caspian.Dataset.from_directory(write(_variant(f"Second {round}")))
        for data in (first, second, first):
            for kind in KINDS:
                records = list(data.records(kind))
                classes = list(dict.fromkeys(type(r) for r in records)) or [kind]
                check(caspian.to_dataframe(records, kind=kind), classes, records, None)
        del second


def test_a_value_built_with_a_list_shows_the_list_as_it_is_now() -> None:
    """A value built by hand with a list inside is shown afresh: its cell is never kept."""
    supports = ["length_km"]
    source = caspian.Source(
        url="https://example.org",
        title="Example",
        kind=caspian.SourceKind.SECONDARY,
        supports=supports,  # type: ignore[arg-type]
    )
    alternative = caspian.Alternative(field="length_km", value="1 km", sources=(source,))
    before = caspian.to_dataframe([alternative])["sources"].iloc[0]
    supports.append("capacity")
    after = caspian.to_dataframe([alternative])["sources"].iloc[0]
    assert json.loads(before)[0]["supports"] == ["length_km"]
    assert json.loads(after)[0]["supports"] == ["length_km", "capacity"]


def test_a_record_made_by_hand_with_a_list_shows_the_list_as_it_is_now() -> None:
    """A record that belongs to no dataset (not validated) is shown afresh each time."""
    iran = caspian.state("IR")
    supports = list(iran.sources[0].supports)
    source = attrs.evolve(iran.sources[0], supports=supports)
    by_hand = attrs.evolve(iran, _dataset=None, sources=(source,))
    before = caspian.to_dataframe([by_hand])["sources"].iloc[0]
    supports.append("capital")
    after = caspian.to_dataframe([by_hand])["sources"].iloc[0]
    assert json.loads(before)[0]["supports"] == list(iran.sources[0].supports)
    assert json.loads(after)[0]["supports"] == [*iran.sources[0].supports, "capital"]
