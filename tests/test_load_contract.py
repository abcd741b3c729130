"""Loading keeps the contract of docs/guide/datasets.md and errors.md (issue 19, items 8 to 14):
duplicate keys, malformed URLs, every problem at once, printable messages, ranges that exports
can hold, files that would be missed, and the integrity gaps."""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caspian
from caspian import CaspianError, DataError
from caspian.model import KINDS
from conftest import minimal_records, write_records
from strategies import folder_entries, hostile_urls


def fresh() -> dict[str, Any]:
    return copy.deepcopy(minimal_records())


def problems(folder: Path) -> list[str]:
    """The problems of loading ``folder`` as text; the load must fail with a DataError."""
    with pytest.raises(DataError) as caught:
        caspian.Dataset.from_directory(folder)
    return [str(p) for p in caught.value.problems]


# -- 8. duplicate keys --------------------------------------------------------------------------


def test_a_duplicate_key_is_a_problem_naming_file_record_and_key(tmp_path: Path) -> None:
    """{"name": "Azerbaijan", "name": "Atlantis"} is refused, not read as Atlantis."""
    text = json.dumps(fresh()["states.json"]).replace(
        '"name": "Alpha"', '"name": "Azerbaijan", "name": "Atlantis"'
    )
    found = problems(write_records(tmp_path, {"states.json": text}))
    assert found == ["states.json: alpha: the key 'name' appears more than once"]


def test_a_duplicate_key_inside_a_nested_object(tmp_path: Path) -> None:
    """A key twice in a city's coordinates names the path to that object."""
    text = json.dumps(fresh()["summits.json"]).replace(
        '"latitude": 40.0', '"latitude": 40.0, "latitude": 41.0'
    )
    records = {**fresh(), "summits.json": text}
    found = problems(write_records(tmp_path, records))
    assert found == [
        "summits.json: alpha-summit-2001: city.coordinates: the key 'latitude' appears more "
        "than once"
    ]


# -- 9. malformed URLs --------------------------------------------------------------------------

BAD_URLS = [
    ("https://[::1/", "is not a valid URL"),
    ("https://example.org:99999/", "is not a valid URL"),
    ("https://example.org:http/", "is not a valid URL"),
    ("https://user:secret@example.org/", "user name or password"),
    ("https://user@example.org/", "user name or password"),
    ("https://example.org\\@evil.com/", "backslashes"),
    ("https://exa mple.org/", "spaces"),
    ("https://example.org/\x00", "control characters"),
    ("javascript:alert(1)", "is not an http(s) URL"),
]


@pytest.mark.parametrize(("url", "message"), BAD_URLS)
def test_malformed_urls_are_problems_from_a_file(url: str, message: str, tmp_path: Path) -> None:
    """A malformed source URL in a file is a DataError problem, never a bare ValueError."""
    records = fresh()
    records["states.json"][0]["sources"][0]["url"] = url
    (found,) = problems(write_records(tmp_path, records))
    assert found.startswith("states.json: alpha: sources[0].url: ") and message in found


@pytest.mark.parametrize(("url", "message"), BAD_URLS)
def test_malformed_urls_are_problems_from_a_dict(url: str, message: str) -> None:
    """from_dict raises DataError (a CaspianError) for the same URLs."""
    row = caspian.to_dict(caspian.state("IR"))
    row["sources"][0]["url"] = url
    with pytest.raises(DataError, match=r"sources\[0\]\.url: "):
        caspian.from_dict(row, caspian.State)


# -- 10. every problem at once ------------------------------------------------------------------


def test_a_structural_problem_does_not_hide_the_records_other_problems(tmp_path: Path) -> None:
    """A string where an array belongs, and a wrong type and a broken reference in the same
    record: all three are reported."""
    records = fresh()
    summit = records["summits.json"][0]
    summit["participants"] = "alpha"
    summit["end"] = 5
    summit["host"] = "atlantis"
    found = problems(write_records(tmp_path, records))
    assert "summits.json: alpha-summit-2001: participants: expected an array, got a string" in (
        found
    )
    assert any(p.startswith("summits.json: alpha-summit-2001: end: ") for p in found)
    assert "summits.json: alpha-summit-2001: host: names no state: 'atlantis'" in found


def test_a_structural_problem_does_not_skip_the_integrity_pass(tmp_path: Path) -> None:
    """A broken state and a pipeline with a broken reference elsewhere: both reported."""
    records = fresh()
    records["states.json"][1]["littoral"] = "no"
    records["pipelines.json"][0]["operator"] = None
    records["pipelines.json"][0]["route"] = ["alpha", "gamma"]
    found = problems(write_records(tmp_path, records))
    assert any(p.startswith("states.json: beta: littoral: ") for p in found)
    assert any("route[1]: names no state: 'gamma'" in p for p in found)


def test_references_to_a_broken_record_are_not_reported(tmp_path: Path) -> None:
    """A state that cannot be built is not also 'missing' for every record that names it."""
    records = fresh()
    del records["states.json"][1]["name"]
    found = problems(write_records(tmp_path, records))
    assert found == ["states.json: beta: name: required field missing"]


def test_an_unreadable_file_does_not_flood_the_other_files(tmp_path: Path) -> None:
    """states.json that is not JSON: one problem, not one per reference to a state."""
    records = {**fresh(), "states.json": "[{"}
    (found,) = problems(write_records(tmp_path, records))
    assert found.startswith("states.json: is not valid JSON")


def test_from_dict_reports_structure_and_integrity_together() -> None:
    """from_dict lists a structural problem and an integrity problem of one dict at once."""
    row = caspian.to_dict(caspian.pipeline("BTC"))
    row["route"] = ["azerbaijan", "atlantis"]
    row["length_km"] = "long"
    with pytest.raises(DataError) as caught:
        caspian.from_dict(row, caspian.Pipeline)
    paths = {p.path for p in caught.value.problems}
    assert {"length_km", "route[1]"} <= paths


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({1: "a", "b": 2}, "unknown field"),
        ({"sources": [[]]}, "sources[0]: expected an object, got an array"),
        ({"capital_history": [5]}, "capital_history[0]: expected an object, got a number"),
    ],
)
def test_odd_dicts_are_data_errors(change: dict[Any, Any], expected: str) -> None:
    """Keys of mixed types and arrays where objects belong are problems, never a TypeError."""
    row = {**caspian.to_dict(caspian.state("IR")), **change}
    with pytest.raises(DataError, match=re.escape(expected)):
        caspian.from_dict(row, caspian.State)


def test_a_string_where_an_object_belongs(tmp_path: Path) -> None:
    """ "city": "Baku" says it wants an object."""
    records = fresh()
    records["summits.json"][0]["city"] = "Alpha City"
    found = problems(write_records(tmp_path, records))
    assert "summits.json: alpha-summit-2001: city: expected an object, got a string" in found


# -- 11. printable messages ---------------------------------------------------------------------


@pytest.mark.parametrize("ident", ["\ud800", "a\u202eb", "x\x00y", "line\nbreak", "\x1b[31mred"])
def test_messages_escape_what_they_show(
    ident: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An id with a lone surrogate or control characters gives a message that prints, encodes
    as UTF-8, stays on one line and logs."""
    records = fresh()
    records["states.json"][0]["id"] = ident
    text = json.dumps(records["states.json"])
    with pytest.raises(DataError) as caught:
        caspian.Dataset.from_directory(write_records(tmp_path, {"states.json": text}))
    message = str(caught.value)
    message.encode("utf-8")
    assert all(ch.isprintable() for line in message.splitlines() for ch in line)
    assert len(message.splitlines()) == 1 + len(caught.value.problems)
    with caplog.at_level(logging.ERROR):
        logging.getLogger("caspian.test").error("%s", caught.value)
    assert caplog.records


def test_a_problem_made_by_hand_prints_escaped() -> None:
    """Problem escapes each of its parts when shown."""
    shown = str(caspian.Problem("a\ud800.json", "b\x07", "c\u202e", "d\n"))
    assert shown == "a\\ud800.json: b\\x07: c\\u202e: d\\n"


def test_suggestion_labels_are_escaped() -> None:
    """A NotFoundError whose suggestion label holds control characters prints on one line."""
    error = caspian.NotFoundError("x", "state", [("x-y", "Evil\u202e\nname")])
    assert "\n" not in str(error) and "\\u202e" in str(error)


# -- 12. ranges ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "field", "value"),
    [
        ("states.json", "cow_code", 10**29),
        ("states.json", "gw_code", 1000),
        ("states.json", "to_year", 10**20),
        ("states.json", "from_year", 0),
        ("states.json", "coastline_km", 1e308),
        ("pipelines.json", "length_km", 1e308),
        ("pipelines.json", "operational_since", 10**20),
        ("summits.json", "ordinal", 10**20),
        ("reserves.json", "year", -5),
        ("reserves.json", "value", 1e300),
    ],
)
def test_numbers_outside_their_range_are_problems(
    file: str, field: str, value: float, tmp_path: Path
) -> None:
    """Every number has a range; a value outside it is a problem at load time."""
    records = fresh()
    records[file][0][field] = value
    found = problems(write_records(tmp_path, records))
    assert any(f": {field}: must be" in p for p in found), found


def test_every_value_the_loader_accepts_exports(tmp_path: Path) -> None:
    """Values at the ends of every range load, and to_dataframe and to_csv hold them."""
    records = fresh()
    alpha, beta = records["states.json"]
    alpha.update(cow_code=999, gw_code=999, coastline_km=1_000_000, from_year=1, to_year=9999)
    beta["from_year"] = 1
    summit = records["summits.json"][0]
    summit.update(ordinal=1000, start="0001-01-01", end="9999-12-31")
    pipeline = records["pipelines.json"][0]
    pipeline.update(length_km=100_000, operational_since=9999)
    records["reserves.json"][0].update(value=1_000_000, year=9999)
    data = caspian.Dataset.from_directory(write_records(tmp_path, records))
    for kind in KINDS:
        caspian.to_dataframe(data.records(kind))
        caspian.to_csv(data.records(kind))
    frame = caspian.to_dataframe(data.records(caspian.State))
    assert frame.set_index("id").loc["alpha", "to_year"] == 9999


def test_a_large_whole_float_is_not_turned_into_a_huge_integer() -> None:
    """Table cells show a whole float as an int only where it converts exactly."""
    from caspian._kind import _plain

    assert _plain(5.0) == 5 and isinstance(_plain(5.0), int)
    assert isinstance(_plain(1e300), float)


# -- 13. files that would be missed -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("meeting.json", "did you mean 'meetings.json'?"),
        ("Summits.json", "did you mean 'summits.json'?"),
        ("states.jsn", "did you mean 'states.json'?"),
        ("data.json", "the data files are "),
    ],
)
def test_a_misnamed_file_is_a_problem_with_a_suggestion(
    name: str, hint: str, tmp_path: Path
) -> None:
    """A file whose records would be ignored is a problem, with the close data file named."""
    records = fresh()
    (tmp_path / name).write_text(json.dumps(records.pop("summits.json")))
    found = problems(write_records(tmp_path, records))
    assert found[0].startswith(f"{name}: is not a data file") and hint in found[0]


def test_a_folder_named_like_a_data_file_is_a_problem(tmp_path: Path) -> None:
    """A folder called states.json holds no records: said, not ignored."""
    records = fresh()
    del records["states.json"]
    (tmp_path / "states.json").mkdir()
    found = problems(write_records(tmp_path, records))
    assert "states.json: is a folder, not a file of records" in found
    assert not any("names no state" in p for p in found)


def test_other_files_are_left_alone(tmp_path: Path) -> None:
    """A README, a schema folder and hidden files do not stop a load."""
    folder = write_records(tmp_path, fresh())
    (folder / "README.md").write_text("notes")
    (folder / "schema").mkdir()
    (folder / ".DS_Store").write_bytes(b"\0")
    caspian.Dataset.from_directory(folder)


# -- 14. integrity gaps -------------------------------------------------------------------------


def test_two_summits_with_the_same_ordinal_are_refused(tmp_path: Path) -> None:
    """Summit ordinals are unique."""
    records = fresh()
    other = {**records["summits.json"][0], "id": "alpha-summit-2003", "start": "2003-01-01"}
    other["end"] = "2003-01-02"
    records["summits.json"].append(other)
    found = problems(write_records(tmp_path, records))
    assert found == [
        "summits.json: alpha-summit-2003: ordinal: repeats the ordinal of 'alpha-summit-2001': 101"
    ]


def test_a_summit_repeating_a_packaged_ordinal_is_refused(tmp_path: Path) -> None:
    """Extending the packaged data with another 'first summit' is refused too."""
    records = fresh()
    records["summits.json"][0]["ordinal"] = 1
    records["summits.json"][0]["participants"] = ["alpha"]
    folder = write_records(tmp_path, {"summits.json": records["summits.json"]})
    (folder / "states.json").write_text(json.dumps(records["states.json"][:1]))
    with pytest.raises(DataError, match="repeats the ordinal of 'caspian-summit-2002'"):
        caspian.Dataset.from_directory(folder, base=caspian.Dataset.packaged())


def test_ids_that_fold_to_the_same_key_are_refused(tmp_path: Path) -> None:
    """new-land and new--land would be one key in lookups: the second is refused."""
    records = fresh()
    first, second = records["states.json"]
    first["id"], second["id"] = "new-land", "new--land"
    records = {"states.json": [first, second]}
    found = problems(write_records(tmp_path, records))
    assert found == [
        "states.json: new--land: id: folds to the same key as 'new-land', so lookups cannot "
        "tell them apart"
    ]


def test_every_error_is_a_caspian_error_for_hostile_urls() -> None:
    """No URL makes from_dict raise anything but a CaspianError."""
    for url in ["https://[", "http://[::1]:70000/", "https://[v1.x]/", "http://%zz/"]:
        row = caspian.to_dict(caspian.state("IR"))
        row["sources"][0]["url"] = url
        with contextlib.suppress(CaspianError):
            caspian.from_dict(row, caspian.State)


# -- hostile files, as hypothesis draws them ----------------------------------------------------

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def loads_or_data_error(folder: Path) -> caspian.Dataset | DataError:
    """The dataset, or the DataError whose every message prints; anything else fails."""
    try:
        return caspian.Dataset.from_directory(folder)
    except DataError as error:
        str(error).encode("utf-8")
        assert all(str(p).isprintable() and len(str(p)) < 600 for p in error.problems)
        return error


@SETTINGS
@given(hostile_urls)
def test_any_source_url_loads_or_is_a_problem(url: str) -> None:
    """Any text as a source's URL loads (if it is a valid http(s) URL) or is a DataError."""
    records = fresh()
    records["states.json"][0]["sources"][0]["url"] = url
    with tempfile.TemporaryDirectory() as tmp:
        outcome = loads_or_data_error(write_records(Path(tmp), records))
    if isinstance(outcome, DataError):
        assert any(p.path == "sources[0].url" for p in outcome.problems)


@SETTINGS
@given(folder_entries, st.booleans())
def test_any_stray_entry_loads_or_is_a_problem(name: str, folder: bool) -> None:
    """Any extra file or folder in a data folder loads or raises DataError, never another
    error, and a .json name that is not a data file's is always a problem."""
    with tempfile.TemporaryDirectory() as tmp:
        base = write_records(Path(tmp), fresh())
        entry = base / name
        if not entry.exists():
            if folder:
                entry.mkdir()
            else:
                entry.write_text("[]")
        outcome = loads_or_data_error(base)
    known = {kind.KIND.file for kind in KINDS}
    if name.casefold().endswith(".json") and name not in known:
        assert isinstance(outcome, DataError)


@SETTINGS
@given(st.sampled_from(sorted(minimal_records())), st.data())
def test_a_key_repeated_anywhere_is_a_problem(file: str, data: st.DataObject) -> None:
    """A key written twice in any object of any file is reported with its record."""
    records = fresh()
    record = records[file][0]
    key = data.draw(st.sampled_from(sorted(record)))
    text = json.dumps(records[file])
    marker = json.dumps(key) + ": "
    text = text.replace(marker, f"{marker}null, {marker}", 1)
    with tempfile.TemporaryDirectory() as tmp:
        outcome = loads_or_data_error(write_records(Path(tmp), {**records, file: text}))
    assert isinstance(outcome, DataError)
    assert f"the key {key!r} appears more than once" in str(outcome)


json_like = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**25), max_value=10**25),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=10),
        st.sampled_from(["https://[::1/", "\ud800", "2020-01-01", "primary", "iran"]),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@SETTINGS
@given(
    st.sampled_from([caspian.State, caspian.Summit, caspian.Agreement, caspian.Pipeline]),
    st.dictionaries(
        st.one_of(
            st.sampled_from(["id", "name", "sources", "city", "route", "parties"]),
            st.text(max_size=6),
            st.integers(),
        ),
        json_like,
        max_size=3,
    ),
)
def test_any_dict_gives_a_record_or_a_data_error(kind: type[Any], change: dict[Any, Any]) -> None:
    """from_dict with any JSON-like values under any keys: a record or a DataError whose
    message prints, never another exception."""
    row = {**caspian.to_dict(caspian.Dataset.packaged().records(kind)[0]), **change}
    try:
        caspian.from_dict(row, kind)
    except DataError as error:
        assert all(str(p).isprintable() for p in error.problems)


def test_a_rule_that_quotes_a_long_id_is_cut(tmp_path: Path) -> None:
    """A kind's own rule that names a 5,000-character id keeps its message short."""
    records = fresh()
    records["articles.json"][0]["agreement"] = "x" * 5000
    found = problems(write_records(tmp_path, records))
    assert found and all(len(p) < 600 for p in found)
