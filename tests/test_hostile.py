"""Every promise of docs/guide/errors.md and docs/safety.md under attack: the errors table row by
row, hostile arguments, hostile files, and shared state left as it was."""

from __future__ import annotations

import builtins
import copy
import datetime as dt
import gc
import inspect
import json
import math
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import caspian
from caspian import ArgumentTypeError, DataError, InvalidQueryError, NotFoundError
from caspian.export import has_places
from caspian.model import KINDS
from conftest import minimal_records, write_records

ROOT = Path(__file__).parent.parent
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


# -- the errors table, row by row -------------------------------------------------------------


def table_rows() -> list[tuple[str, str, str]]:
    """(calls, exception name, example) of each row of the table in docs/guide/errors.md."""
    text = (ROOT / "docs" / "guide" / "errors.md").read_text(encoding="utf-8")
    section = text.split("## Which call raises what", 1)[1]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[3].startswith("`") and cells[0] != "Call":
            rows.append((cells[0], cells[1].strip("`"), cells[3].strip("`")))
    return rows


def fresh() -> dict[str, Any]:
    """A deep copy of the minimal dataset (its records share their source dicts)."""
    return copy.deepcopy(minimal_records())


def without_pandas(function: Callable[..., Any], *args: Any) -> Any:
    """Call ``function`` as if pandas were not installed."""
    saved = sys.modules.get("pandas")
    sys.modules["pandas"] = None  # type: ignore[assignment]
    try:
        return function(*args)
    finally:
        if saved is None:
            del sys.modules["pandas"]
        else:
            sys.modules["pandas"] = saved


@pytest.fixture(scope="module")
def namespace(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The names the table's examples use."""
    records = fresh()
    records["states.json"][1]["aliases"] = ["Alphaland"]
    ambiguous = caspian.Dataset.from_directory(
        write_records(tmp_path_factory.mktemp("ambiguous"), records)
    )
    broken = write_records(tmp_path_factory.mktemp("broken"), {"states.json": "[{"})
    handmade = caspian.State(id="x", name="X", official_name="X", littoral=False, sources=())
    taken = tmp_path_factory.mktemp("taken")
    (taken / "states.csv").write_text("the user's own file")
    return {
        "caspian": caspian,
        "attrs": attrs,
        "ambiguous": ambiguous,
        "broken": broken,
        "missing": tmp_path_factory.mktemp("gone") / "missing",
        "handmade": handmade,
        "taken": taken,
        "without_pandas": without_pandas,
    }


@pytest.mark.parametrize(("calls", "raises", "example"), table_rows(), ids=lambda v: v[:40])
def test_each_row_of_the_errors_table(
    calls: str, raises: str, example: str, namespace: dict[str, Any]
) -> None:
    """The row's example raises exactly the exception the row names."""
    expected = getattr(caspian, raises, None) or getattr(builtins, raises)
    with pytest.raises(expected):
        eval(example, dict(namespace))


def test_the_errors_table_covers_every_public_call() -> None:
    """Every public function, every public Dataset method that takes an argument and the raising
    record methods have a row."""
    named = " ".join(calls for calls, _, _ in table_rows())
    # Rows for "every kind's query" and "every kind's lookup" cover each kind's functions, so
    # that a new kind needs no edit here.
    kinds = {k.KIND.plural for k in KINDS} | {k.KIND.noun for k in KINDS}
    assert "every kind's query" in named and "every kind's lookup" in named
    functions = [n for n in caspian.__all__ if n.islower() and n not in kinds]
    assert functions
    for name in functions:
        assert re.search(rf"`{name}`|\b{name}\b", named), name
    methods = [
        name
        for name in dir(caspian.Dataset)
        if not name.startswith("_")
        and callable(method := getattr(caspian.Dataset, name))
        and len(inspect.signature(method).parameters) > 1
    ]
    assert {"from_directory", "records", "summits", "state"} <= set(methods)
    for name in set(methods) - kinds:
        assert re.search(rf"`(Dataset\.)?{name}`", named), f"Dataset.{name}"
    for method in ("article", "capital_on", "exists_in", "sources_for", "in_cubic_metres"):
        assert f".{method}`" in named, method


# -- the examples of the reliability review, one test each --------------------------------------


def test_an_impossible_range_is_an_invalid_query_not_an_overflow() -> None:
    """summits(after=9999, before=2000) and the year 1 do not overflow the date type."""
    with pytest.raises(InvalidQueryError, match="empty range"):
        caspian.summits(after=9999, before=2000)
    with pytest.raises(InvalidQueryError, match="empty range"):
        caspian.meetings(after=1, before=1)


def test_a_huge_integer_argument_gets_a_short_message() -> None:
    """A 5,000-digit year raises InvalidQueryError whose message is short."""
    with pytest.raises(InvalidQueryError) as caught:
        caspian.summits(after=10**5000)
    assert "an integer of" in str(caught.value) and len(str(caught.value)) < 200


@pytest.mark.parametrize("number", ["14", None, True, 14.0])
def test_article_numbers_must_be_ints(number: object) -> None:
    """article() refuses strings, None, bools and floats with ArgumentTypeError."""
    convention = caspian.agreement("legal-status-convention")
    with pytest.raises(ArgumentTypeError, match="number must be an article number"):
        convention.article(number)  # type: ignore[arg-type]


def test_capital_on_and_exists_in_take_what_the_queries_take() -> None:
    """A datetime counts as its date, and a date as its year, as in the queries."""
    kazakhstan = caspian.state("KZ")
    when = dt.datetime(2020, 6, 1, 12, 30)
    assert kazakhstan.capital_on(when) == kazakhstan.capital_on(when.date()) == "Nur-Sultan"
    assert caspian.state("soviet-union").exists_in(dt.date(1940, 1, 1))
    assert caspian.state("soviet-union").exists_in(when) is False


@pytest.mark.parametrize(
    "call",
    [
        lambda: caspian.to_dict(5),  # type: ignore[call-overload]
        lambda: caspian.to_csv(["IR"]),  # type: ignore[list-item]
        lambda: caspian.to_geojson(None),  # type: ignore[arg-type]
        lambda: caspian.to_json("Iran"),  # type: ignore[arg-type]
        lambda: caspian.from_dict("x", caspian.State),  # type: ignore[arg-type]
        lambda: caspian.from_dict({"id": "x"}, caspian.Record),
        lambda: caspian.from_dict({"id": "x"}, dict),  # type: ignore[type-var]
        lambda: caspian.Dataset.from_directory(None),  # type: ignore[arg-type]
        lambda: caspian.Dataset.from_directory(".", base="packaged"),  # type: ignore[arg-type]
    ],
)
def test_exports_and_loading_refuse_wrong_types(call: Callable[[], Any]) -> None:
    """Wrong types raise ArgumentTypeError, never a bare TypeError or AttributeError."""
    with pytest.raises(ArgumentTypeError):
        call()


@pytest.mark.parametrize("text", ["", " ", "!?", "---", "\u2013 \u2014"])
def test_search_text_without_letters_is_refused(text: str) -> None:
    """Punctuation or spaces alone would match every article: refused, not answered."""
    with pytest.raises(InvalidQueryError, match="letter or a digit"):
        caspian.articles(text=text)


def test_from_dict_validates_exactly_as_loading() -> None:
    """from_dict applies the rules: a javascript: source link never reaches the notebook."""
    row = caspian.to_dict(caspian.state("IR"))
    row["sources"][0]["url"] = "javascript:alert(document.cookie)"
    with pytest.raises(DataError, match=r"sources\[0\]\.url: is not an http\(s\) URL"):
        caspian.from_dict(row, caspian.State)
    with pytest.raises(DataError, match="is not an http"):
        caspian.from_dict({"url": "javascript:x", "title": "t", "kind": "primary"}, caspian.Source)


def test_mixed_record_types_keep_every_value_in_a_dataframe() -> None:
    """A frame of meetings and agreements keeps both kinds of `kind`."""
    frame = caspian.to_dataframe(caspian.meetings()[:2] + caspian.agreements()[:2])
    assert frame["kind"].isna().sum() == 0
    assert {"negotiation", "treaty"} <= set(frame["kind"])


def test_version_is_a_plain_string() -> None:
    """__version__ is read once (a module attribute), not from metadata on every access."""
    assert "__version__" in vars(caspian)
    assert isinstance(caspian.__version__, str)


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_was(
    enabled: bool, records: dict[str, Any], write: Callable[[dict[str, Any]], Path]
) -> None:
    """Loading never switches the process-wide collector on or off."""
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        caspian.Dataset.from_directory(write(records))
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


# -- hostile files ------------------------------------------------------------------------------


def load(folder: Path) -> caspian.Dataset | DataError:
    """The dataset, or the DataError; any other exception fails the test."""
    try:
        return caspian.Dataset.from_directory(folder)
    except DataError as error:
        assert error.problems
        assert all(len(str(p)) < 600 for p in error.problems), "a message quotes too much"
        return error


def problems_of(records: dict[str, Any], tmp: Path) -> list[str]:
    outcome = load(write_records(tmp, records))
    assert isinstance(outcome, DataError), "the hostile file was accepted"
    return [str(p) for p in outcome.problems]


def test_a_string_where_an_array_belongs(tmp_path: Path) -> None:
    """ "aliases": "Persia" is an error, not six one-letter aliases."""
    records = fresh()
    records["states.json"][0]["aliases"] = "Persia"
    source = records["summits.json"][0]["sources"][0]
    records["summits.json"][0]["sources"] = [{**source, "supports": "start"}]
    assert problems_of(records, tmp_path) == [
        "states.json: alpha: aliases: expected an array, got a string",
        "summits.json: alpha-summit-2001: sources[0].supports: expected an array, got a string",
    ]


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_refused(token: str, tmp_path: Path) -> None:
    """NaN and Infinity (which Python's json reads) never enter the data."""
    records = fresh()["pipelines.json"]
    records[0]["length_km"] = "__HERE__"
    text = json.dumps(records).replace('"__HERE__"', token)
    (problem,) = problems_of({"pipelines.json": text}, tmp_path)
    assert "is not a number" in problem


def test_a_non_finite_number_from_a_dict_is_refused() -> None:
    """from_dict catches a NaN that never went through JSON."""
    row = caspian.to_dict(caspian.pipeline("BTC"))
    row["length_km"] = math.nan
    with pytest.raises(DataError, match="length_km: must be a finite number"):
        caspian.from_dict(row, caspian.Pipeline)


def test_a_huge_integer_in_a_file(tmp_path: Path) -> None:
    """A 5,000-digit integer is a DataError with a short message, not a bare ValueError."""
    text = '[{"id": "x", "number": ' + "9" * 5000 + "}]"
    (problem,) = problems_of({"articles.json": text}, tmp_path)
    assert "an integer of 5000 digits" in problem and len(problem) < 200


def test_cycles_of_any_length_are_refused(tmp_path: Path) -> None:
    """Successor and parent chains that loop are errors, so chain-walking loops end."""
    records = fresh()
    alpha, beta = records["states.json"]
    alpha["successor"], beta["successor"] = "beta", "alpha"
    alpha["to_year"] = beta["to_year"] = 2020
    treaty = records["agreements.json"][0]
    other = {**treaty, "id": "beta-treaty", "title": "Beta", "short_title": "Beta"}
    treaty["parent"], other["parent"] = "beta-treaty", "alpha-treaty"
    records["agreements.json"].append(other)
    problems = problems_of(records, tmp_path)
    assert "states.json: alpha: successor: the chain of successors returns to 'alpha'" in problems
    assert any("the chain of parents returns to" in p for p in problems)


def test_a_long_value_is_quoted_short(tmp_path: Path) -> None:
    """A multi-megabyte value in an error message is cut."""
    records = fresh()
    records["summits.json"][0]["host"] = "x" * 3_000_000
    (problem,) = problems_of(records, tmp_path)
    assert problem.startswith("summits.json: alpha-summit-2001: host: names no state:")
    assert len(problem) < 200


def test_lone_surrogates_are_refused(tmp_path: Path) -> None:
    """Text that cannot be encoded as UTF-8 (a lone surrogate) is an error."""
    text = json.dumps(fresh()["states.json"]).replace("Alpha City", "Alpha \\ud800")
    (problem,) = problems_of({"states.json": text}, tmp_path)
    assert "alpha: capital: is not valid Unicode text" in problem


hostile_values = st.one_of(
    st.sampled_from(["NaN", "Infinity", "-Infinity", "1" * 400, "1e999", "-0", "[]", "{}"]),
    st.text(max_size=8).map(json.dumps),
    st.sampled_from(
        [
            json.dumps("\u202eevil"),
            json.dumps("\u0000"),
            '"\\ud800"',
            json.dumps("e"),
            json.dumps("Persia"),
            json.dumps("x" * 5000),
        ]
    ),
)


@st.composite
def hostile_files(draw: st.DrawFn) -> dict[str, str]:
    """The minimal dataset with one value replaced by hostile JSON text."""
    records = fresh()
    name = draw(st.sampled_from(sorted(records)))
    record = records[name][0]
    key = draw(st.sampled_from(sorted(record)))
    marker = "__HOSTILE__"
    record[key] = marker
    files = {n: json.dumps(r, ensure_ascii=False) for n, r in records.items()}
    files[name] = files[name].replace(json.dumps(marker), draw(hostile_values))
    return files


@seed(20261201)
@SETTINGS
@given(hostile_files())
def test_hostile_files_load_or_raise_only_data_error(files: dict[str, str]) -> None:
    """Any hostile value loads or raises DataError, and a dataset that loads is whole."""
    with tempfile.TemporaryDirectory() as tmp:
        outcome = load(write_records(Path(tmp), files))
    if isinstance(outcome, caspian.Dataset):
        for kind in KINDS:
            for record in outcome.records(kind):
                assert record.dataset is outcome
                json.dumps(caspian.to_dict(record), allow_nan=False)


# -- hostile arguments --------------------------------------------------------------------------

DOCUMENTED = (
    ArgumentTypeError,
    InvalidQueryError,
    NotFoundError,
    caspian.AmbiguousKeyError,
)

hostile_arguments = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.just(10**5000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["\ud800", "\u202e", "  ", "–", "IR", "summit", "2007", "x" * 10_000]),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=2),
    st.just(caspian),
)


def calls() -> Iterator[Callable[..., Any]]:
    yield from (getattr(caspian, kind.KIND.plural) for kind in KINDS)


@seed(20261201)
@SETTINGS
@given(
    st.sampled_from(list(calls())),
    st.dictionaries(
        st.sampled_from(
            [
                "after",
                "before",
                "host",
                "kind",
                "participant",
                "status",
                "party",
                "topic",
                "in_force",
                "meeting",
                "text",
                "state",
                "through",
                "commodity",
                "category",
                "littoral",
                "as_of",
            ]
        ),
        hostile_arguments,
        max_size=3,
    ),
)
def test_hostile_arguments_answer_or_raise_documented_errors(
    query: Callable[..., Any], arguments: dict[str, Any]
) -> None:
    """Any argument gives records or a documented error with a short message."""
    try:
        result = query(**arguments)
    except DOCUMENTED as error:
        assert len(str(error)) < 1000
        return
    except TypeError as error:
        assert "unexpected keyword argument" in str(error)
        return
    assert isinstance(result, tuple)


@seed(20261201)
@SETTINGS
@given(hostile_arguments)
def test_hostile_keys_and_methods_raise_documented_errors(value: Any) -> None:
    """Lookups and record methods given anything raise documented errors only."""
    kazakhstan = caspian.state("KZ")
    convention = caspian.agreement("legal-status-convention")
    for call in (
        caspian.state,
        caspian.meeting,
        caspian.summit,
        caspian.agreement,
        caspian.pipeline,
        convention.article,
        kazakhstan.capital_on,
        kazakhstan.exists_in,
        kazakhstan.sources_for,
        lambda v: caspian.to_csv(v),
        lambda v: caspian.from_dict(v, caspian.State),
    ):
        try:
            call(value)
        except (*DOCUMENTED, DataError) as error:
            assert len(str(error)) < 1000


@pytest.mark.parametrize("kind", [caspian.State, caspian.Source], ids=lambda k: k.__name__)
def test_records_made_by_hand_are_frozen(kind: type[Any]) -> None:
    """A record or value built with its constructor (not read from data) refuses every change,
    as the packaged records do (tests/test_immutability.py)."""
    if kind is caspian.State:
        made = kind(id="x", name="X", official_name="X", littoral=False, sources=())
    else:
        made = kind(url="https://example.org/", title="T", kind=caspian.SourceKind.PRIMARY)
    for field in attrs.fields(kind):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(made, field.name, getattr(made, field.name))


# -- docs/safety.md -----------------------------------------------------------------------------

PACKAGE = Path(caspian.__file__).parent


def test_no_network_is_touched(
    monkeypatch: pytest.MonkeyPatch,
    records: dict[str, Any],
    write: Callable[[dict[str, Any]], Path],
) -> None:
    """Queries, lookups, exports, citations and loading make no connection."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("caspian opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    data = caspian.Dataset.from_directory(write(records), base=caspian.Dataset.packaged())
    for kind in KINDS:
        everything = data.records(kind)
        caspian.to_json(everything)
        caspian.to_csv(everything)
        if has_places(kind):
            caspian.to_geojson(everything)
    caspian.cite("bibtex")
    caspian.state("Persia").pipelines()


def test_no_data_is_evaluated_or_unpickled() -> None:
    """The package's code never calls eval, exec or pickle on anything."""
    for path in PACKAGE.glob("*.py"):
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(eval|exec)\(|\bimport pickle\b|pickle\.load", code), path.name


def test_nothing_is_written(
    monkeypatch: pytest.MonkeyPatch,
    records: dict[str, Any],
    write: Callable[[dict[str, Any]], Path],
) -> None:
    """Loading, querying and exporting open no file for writing."""
    folder = write(records)
    real_open = builtins.open

    def read_only(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        assert not set(mode) & set("wax+"), f"caspian opened {file!r} for writing"
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", read_only)
    monkeypatch.setattr(Path, "write_text", lambda *a, **k: pytest.fail("write_text"))
    monkeypatch.setattr(Path, "write_bytes", lambda *a, **k: pytest.fail("write_bytes"))
    data = caspian.Dataset.from_directory(folder, base=caspian.Dataset.packaged())
    caspian.to_csv(data.records(caspian.State))
    caspian.to_dataframe(data.records(caspian.Pipeline))
