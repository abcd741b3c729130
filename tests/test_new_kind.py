"""A kind added in the test suite works end to end with no edit to the package.

``Organization`` (tests/organization.py, written with ``from __future__ import annotations``)
is registered the way the packaged kinds are, by one line in ``caspian.model._KINDS``; its data
file is written to a temporary folder. Loading, lookups, queries, the command line, every
export, the schema and the data package then work for it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import caspian
from caspian import model
from caspian.cli import main
from caspian.dataset import Dataset
from organization import DATA, Organization, OrganizationStatus


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Dataset:
    """The packaged data plus the organizations, with Organization registered."""
    # The one line a new kind adds to the registry, as the packaged kinds are listed.
    row = ("organization", "Organization", "organization", "organizations")
    monkeypatch.setattr(model, "_KINDS", (*model._KINDS, row))
    monkeypatch.delattr(model, "KINDS", raising=False)  # made again from _KINDS on first use
    (tmp_path / "organizations.json").write_text(json.dumps(DATA), encoding="utf-8")
    loaded = Dataset.from_directory(tmp_path, base=Dataset.packaged())
    monkeypatch.setattr(caspian, "_dataset", loaded)  # the module functions query it
    return loaded


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_it_is_registered(data: Dataset) -> None:
    """The registry lists the kind after the packaged ones; the dataset counts its records."""
    assert Organization is model.KINDS[-1]
    assert len(data.records(Organization)) == 2
    assert "2 organizations" in repr(data)


def test_loading_builds_typed_records(data: Dataset) -> None:
    """The validating path builds tuples, dates and vocabulary members, and checks references."""
    cep = data.lookup(Organization, "CEP")
    assert isinstance(cep.members, tuple) and OrganizationStatus.DISSOLVED is cep.status
    assert cep.founded.year == 1998  # type: ignore[union-attr]
    assert cep.dataset is data


def test_a_broken_reference_is_a_problem(tmp_path: Path, data: Dataset) -> None:
    """The shared integrity rules read the new kind's ref fields."""
    broken = [{**DATA[0], "members": ["atlantis"]}]
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "organizations.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(caspian.DataError, match="atlantis"):
        Dataset.from_directory(folder, base=Dataset.packaged())


def test_lookups_by_its_keys(data: Dataset) -> None:
    """Lookups by the kind's keys: the generic ones, Dataset.X and caspian.X."""
    assert data.organization("cep").id == "caspian-environment-programme"
    assert caspian.organization("Caspian Research Network").id == "cascade"
    with pytest.raises(caspian.NotFoundError, match="CEPP"):
        caspian.organization("CEPP")


def test_queries_by_its_filters(data: Dataset) -> None:
    """Queries by the declared filters, in the kind's order, with the usual argument checks."""
    assert [o.id for o in data.query(Organization, member="KZ")] == [
        "caspian-environment-programme",
        "cascade",
    ]
    assert [o.id for o in data.organizations(member="IR")] == ["caspian-environment-programme"]
    assert [o.id for o in caspian.organizations(status="active")] == ["cascade"]
    assert [o.id for o in caspian.organizations(year=1998)] == ["caspian-environment-programme"]
    with pytest.raises(caspian.InvalidQueryError, match="'active', 'dissolved'"):
        caspian.organizations(status="asleep")
    with pytest.raises(caspian.ArgumentTypeError, match="takes no argument 'colour'"):
        caspian.organizations(colour="blue")


def test_the_command_line(data: Dataset) -> None:
    """caspian organizations (options from the filters) and caspian organization KEY."""
    status, out, _ = run("organizations", "--member", "IR", "--format", "csv")
    assert (status, out.splitlines()[1].split(",")[0]) == (0, "caspian-environment-programme")
    status, out, _ = run("organization", "CEP")
    assert status == 0 and "caspian-environment-programme" in out
    status, out, _ = run("organizations", "--help")
    assert status == 0 and "active, dissolved" in " ".join(out.split()) and "--member" in out
    status, out, _ = run("organizations", "--status", "active", "--format", "json")
    assert [o["id"] for o in json.loads(out)] == ["cascade"]
    status, out, _ = run("organizations", "--format", "geojson")
    assert [f["geometry"]["coordinates"] for f in json.loads(out)["features"]] == [[49.87, 40.41]]


def test_every_export(data: Dataset) -> None:
    """to_dict and from_dict round trip; JSON, CSV, a DataFrame and GeoJSON."""
    cep = data.organization("CEP")
    assert cep == caspian.from_dict(caspian.to_dict(cep), Organization, dataset=data)
    assert json.loads(caspian.to_json(cep))["acronym"] == "CEP"
    rows = list(csv.DictReader(io.StringIO(caspian.to_csv(data.organizations()))))
    assert rows[0]["founded"] == "1998-05-01" and rows[0]["seat.coordinates.latitude"] == "40.41"
    frame = caspian.to_dataframe(data.organizations())
    assert list(frame["name"]) == ["Caspian Environment Programme", "Caspian Research Network"]
    assert len(caspian.to_geojson(data.organizations())["features"]) == 1


def test_the_schema(data: Dataset) -> None:
    """The schema is made from the class: required fields, refs, the vocabulary, dates."""
    from caspian._schema import schema_for

    schema = schema_for(Organization)
    defined = schema["$defs"]["Organization"]
    assert defined["required"] == ["id", "name", "status", "sources"]
    assert defined["properties"]["status"] == {"enum": ["active", "dissolved"]}
    assert "Office" in schema["$defs"] and "Place" in schema["$defs"]


def test_the_data_package(tmp_path: Path, data: Dataset) -> None:
    """The data package has the kind's table and a table for each of its lists."""
    folder = caspian.to_datapackage(tmp_path / "package", data)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    names = {resource["name"] for resource in package["resources"]}
    assert {"organizations", "organization_members", "organization_offices"} <= names
    members = (folder / "organization_members.csv").read_text(encoding="utf-8").splitlines()
    assert "cascade,1,kazakhstan" in members
