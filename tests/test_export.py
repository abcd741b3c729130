"""Exports: dicts, JSON, CSV, pandas, GeoJSON, HTML and citations, with round trips."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

import caspian
from caspian.model import KINDS


@pytest.mark.parametrize("record_type", KINDS, ids=lambda t: t.__name__)
def test_round_trip_through_dicts(record_type: type[caspian.Record]) -> None:
    """to_dict then from_dict gives an equal record, for every packaged record."""
    for record in caspian.Dataset.packaged().records(record_type):
        assert record == caspian.from_dict(caspian.to_dict(record), type(record))


def test_from_dict_validates_like_loading() -> None:
    """from_dict applies the integrity rules: a javascript: source or an unknown host fails."""
    row = caspian.to_dict(caspian.summit("caspian-summit-2018"))
    row["sources"][0]["url"] = "javascript:alert(1)"
    row["host"] = "atlantis"
    with pytest.raises(caspian.DataError) as caught:
        caspian.from_dict(row, caspian.Summit)
    assert [p.path for p in caught.value.problems] == ["host", "sources[0].url"]


def test_round_trip_through_json_text() -> None:
    """to_json then json.loads then from_dict gives equal records."""
    summits = caspian.summits()
    loaded = [caspian.from_dict(d, caspian.Summit) for d in json.loads(caspian.to_json(summits))]
    assert list(summits) == loaded


def test_dicts_hold_plain_json_values() -> None:
    """Dates become ISO strings, enums their values, tuples lists."""
    row = caspian.to_dict(caspian.agreement("tehran-convention"))
    assert row["signed"] == "2003-11-04"
    assert row["kind"] == "convention"
    assert isinstance(row["parties"], list)
    json.dumps(row)  # plain JSON throughout


def test_from_dict_reports_problems_as_data_error() -> None:
    """A malformed dict raises DataError naming the field."""
    row = caspian.to_dict(caspian.state("IR"))
    row["littoral"] = "yes"
    with pytest.raises(caspian.DataError, match="littoral: expected true or false"):
        caspian.from_dict(row, caspian.State)


def test_csv_has_flat_columns_and_one_row_per_record() -> None:
    """CSV columns are flat: nested objects dotted, plain lists joined, object lists as JSON."""
    text = caspian.to_csv(caspian.summits())
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(caspian.summits()) == len(rows)
    first = rows[0]
    assert first["city.name"] == "Ashgabat"
    assert first["city.coordinates.latitude"] == str(
        caspian.summit("caspian-summit-2002").city.coordinates.latitude  # type: ignore[union-attr]
    )
    assert first["participants"] == "azerbaijan; iran; kazakhstan; russia; turkmenistan"
    assert json.loads(first["sources"])[0]["url"].startswith("http")
    assert rows[-1]["start"] == ""  # the planned summit has no date


def test_dataframe_dtypes() -> None:
    """Dates are datetime64, vocabularies categorical with every allowed value, numbers numeric."""
    import pandas

    frame = caspian.to_dataframe(caspian.agreements())
    assert pandas.api.types.is_datetime64_any_dtype(frame["signed"])
    assert isinstance(frame["kind"].dtype, pandas.CategoricalDtype)
    assert list(frame["status"].cat.categories) == [s.value for s in caspian.AgreementStatus]
    assert pandas.api.types.is_integer_dtype(frame["article_count"])
    assert frame.loc[frame["id"] == "treaty-of-gulistan", "signed"].iloc[0].year == 1813
    pipes = caspian.to_dataframe(caspian.pipelines())
    assert pandas.api.types.is_float_dtype(pipes["length_km"])
    assert pandas.api.types.is_float_dtype(pipes["origin.coordinates.longitude"])


def test_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_dataframe says which extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        caspian.MissingDependencyError, match=r'pip install "caspian-diplomacy\[pandas\]"'
    ):
        caspian.to_dataframe(caspian.states())


def test_geojson_points_and_lines() -> None:
    """Meetings are points at their city; pipelines lines; coordinates are [lon, lat]."""
    layer = caspian.to_geojson(caspian.summits() + caspian.pipelines())
    assert layer["type"] == "FeatureCollection"
    aktau = next(f for f in layer["features"] if f["properties"]["id"] == "caspian-summit-2018")
    lon, lat = aktau["geometry"]["coordinates"]
    assert 50 < lon < 52 and 43 < lat < 44
    lines = [f for f in layer["features"] if f["geometry"]["type"] == "LineString"]
    assert {"baku-tbilisi-ceyhan", "baku-supsa"} <= {f["properties"]["id"] for f in lines}
    json.dumps(layer)


def test_geojson_refuses_kinds_without_places() -> None:
    """States (and other kinds without places) are refused, even as an empty result, with a
    message naming the kinds that have places; an empty list of nothing makes no features."""
    with pytest.raises(caspian.ArgumentTypeError, match="states have none"):
        caspian.to_geojson(caspian.states())
    with pytest.raises(caspian.ArgumentTypeError, match="ratifications have none"):
        caspian.to_geojson(caspian.ratifications(status="pending")[:0])
    assert caspian.to_geojson([])["features"] == []


def test_html_escapes_values() -> None:
    """HTML output escapes text from the data."""
    from caspian._html import record_html, records_html

    evil = caspian.Source(
        url='https://x.org/"><script>', title="<b>bold</b> & co", kind=caspian.SourceKind.PRIMARY
    )
    state = caspian.State(
        id="x", name="<Alpha>", official_name="A & B", littoral=False, sources=(evil,)
    )
    page = record_html(state) + records_html((state,))
    assert "<script>" not in page and "<Alpha>" not in page and "<b>bold" not in page
    assert "&lt;Alpha&gt;" in page and "A &amp; B" in page


def test_results_render_as_html_tables() -> None:
    """Query results and records show as tables in Jupyter."""
    html = caspian.summits()._repr_html_()  # type: ignore[attr-defined]
    assert html.startswith("<table>") and html.count("<tr>") == 1 + len(caspian.summits())
    assert "<caption>State iran</caption>" in caspian.state("IR")._repr_html_()


def test_cite_text_and_bibtex() -> None:
    """cite() gives text and BibTeX, both with the data version."""
    assert caspian.__data_version__ in caspian.cite()
    bib = caspian.cite("bibtex")
    assert bib.startswith("@misc{") and f"version = {{{caspian.__data_version__}}}" in bib
    with pytest.raises(caspian.InvalidQueryError, match="style must be 'text' or 'bibtex'"):
        caspian.cite("apa")


def test_export_rejects_non_records() -> None:
    """Exports take records only, and say so."""
    with pytest.raises(caspian.ArgumentTypeError, match="expected caspian records, got int"):
        caspian.to_csv([1, 2])  # type: ignore[list-item]


def test_a_kinds_columns_come_from_its_class_not_its_rows() -> None:
    """Agreements' CSV has the same columns whatever the selection, and no bare object column."""
    every = caspian.to_csv(caspian.agreements()).splitlines()[0]
    recent = caspian.to_csv(caspian.agreements(after=2015)).splitlines()[0]
    assert every == recent
    header = every.split(",")
    assert "place" not in header and "place.coordinates" not in header
    assert {"place.name", "place.coordinates.latitude"} <= set(header)


def test_an_empty_result_still_has_its_header() -> None:
    """A query that finds nothing exports its kind's header; a bare empty list needs kind=."""
    header = caspian.to_csv(caspian.summits(after=2030))
    assert header.splitlines() == [caspian.to_csv(caspian.summits()).splitlines()[0]]
    assert caspian.to_csv([], kind=caspian.Pipeline).startswith("id,name,aliases,commodity")
    assert list(caspian.to_dataframe(caspian.pipelines(status="stalled")).columns)[:2] in (
        ["id", "name"],
    )


def test_values_inside_records_export_with_a_link_to_their_record() -> None:
    """Who attended which summit: one row per attendee, the first column naming the summit."""
    rows = list(csv.DictReader(io.StringIO(caspian.to_csv(caspian.summits(), values="attendees"))))
    assert rows[0].keys() == {"summit", "name", "state", "office"}
    assert {r["summit"] for r in rows} <= {s.id for s in caspian.summits()}
    by_summit = [r["name"] for r in rows if r["summit"] == "caspian-summit-2018"]
    assert by_summit == [a.name for a in caspian.summit("caspian-summit-2018").attendees]
    frame = caspian.to_dataframe(caspian.states(), values="capital_history")
    assert list(frame.columns) == ["state", "name", "start", "end"]
    assert str(frame["start"].dtype) == "datetime64[s]"
    attendee = caspian.summit("caspian-summit-2018").attendees[0]
    assert caspian.to_dict(attendee) == {
        "name": attendee.name,
        "state": attendee.state,
        "office": attendee.office,
    }
    assert len(caspian.to_dataframe(caspian.summit("caspian-summit-2018").attendees)) == 5
    with pytest.raises(caspian.ArgumentTypeError, match="values must name a field of values"):
        caspian.to_csv(caspian.summits(), values="city")


def test_slices_and_sums_of_results_stay_results() -> None:
    """A slice of a result keeps its notebook table and its kind."""
    part = caspian.summits()[:2]
    assert type(part) is type(caspian.summits())
    assert part.kind is caspian.Summit  # type: ignore[attr-defined]
    assert part._repr_html_().count("<tr>") == 3  # type: ignore[attr-defined]
    both = caspian.summits()[:1] + caspian.agreements()[:1]
    assert both._repr_html_().startswith("<table>")  # type: ignore[attr-defined]


def test_the_data_package_is_valid_frictionless(tmp_path: Path) -> None:
    """to_datapackage writes one CSV per kind and a datapackage.json that frictionless validates,
    links between files included."""
    import frictionless

    folder = caspian.to_datapackage(tmp_path)
    report = frictionless.validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["type", "message"])[:5]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert names[: len(KINDS)] == [k.KIND.plural for k in KINDS]
    ratifications = package["resources"][names.index("ratifications")]["schema"]
    assert {"fields": "state", "reference": {"resource": "states", "fields": "id"}} in (
        ratifications["foreignKeys"]
    )
    header = (folder / "pipelines.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == caspian.to_csv(caspian.pipelines()).splitlines()[0]
    status = next(
        f
        for f in package["resources"][names.index("pipelines")]["schema"]["fields"]
        if f["name"] == "status"
    )
    assert status["constraints"]["enum"] == [s.value for s in caspian.PipelineStatus]


def test_the_export_command_writes_the_package(tmp_path: Path) -> None:
    """caspian export FOLDER makes the folder and writes the package."""
    from caspian.cli import main

    out = io.StringIO()
    assert main(["export", str(tmp_path / "new")], out=out) == 0
    files = len(list((tmp_path / "new").glob("*.csv")))
    assert f"wrote {files} CSV files" in out.getvalue()
    assert (tmp_path / "new" / "datapackage.json").is_file()
