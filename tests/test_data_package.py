"""The data package stands on its own: every list is a link table with foreign keys on both
sides, sources are tables of their own, descriptions are plain whole sentences, and the package
loads into frictionless and DuckDB, where every foreign key joins."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs
import duckdb
import pytest

import caspian
from caspian.model import KINDS


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package, written once for this module."""
    return caspian.to_datapackage(tmp_path_factory.mktemp("package"))


@pytest.fixture(scope="module")
def package(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _resources(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in package["resources"]}


def _keys(resource: dict[str, Any]) -> list[tuple[list[str], str, list[str]]]:
    """(fields, resource, fields referred to) of each foreign key, lists throughout."""
    found = []
    for key in resource["schema"].get("foreignKeys", []):
        fields, ref = key["fields"], key["reference"]
        to = ref["fields"]
        found.append(
            (
                [fields] if isinstance(fields, str) else fields,
                ref["resource"] or resource["name"],
                [to] if isinstance(to, str) else to,
            )
        )
    return found


def test_to_datapackage_makes_the_folder(tmp_path: Path) -> None:
    """to_datapackage(newdir) creates the folder (and its parents), as caspian export does."""
    target = tmp_path / "a" / "b"
    assert caspian.to_datapackage(target) == target
    assert (target / "datapackage.json").is_file()


def test_the_package_validates(folder: Path) -> None:
    """frictionless validates the package, the link tables and their foreign keys included."""
    import frictionless

    report = frictionless.validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["type", "message"])[:5]


def test_every_list_of_references_is_a_link_table_keyed_both_ways(package: dict[str, Any]) -> None:
    """agreement_parties (agreement, position, state), meeting_participants, pipeline_route:
    one row per reference, with a foreign key to each side."""
    resources = _resources(package)
    expected = {
        "agreement_parties": ("agreement", "agreements", "state"),
        "meeting_participants": ("meeting", "meetings", "state"),
        "pipeline_route": ("pipeline", "pipelines", "state"),
    }
    for name, (owner, owners, target) in expected.items():
        resource = resources[name]
        assert [f["name"] for f in resource["schema"]["fields"]] == [owner, "position", target]
        keys = _keys(resource)
        assert ([owner], owners, ["id"]) in keys
        assert ([target], "states", ["id"]) in keys


def test_every_list_field_has_its_table(package: dict[str, Any]) -> None:
    """Each list field of each kind (not inherited from a wider kind) has a table, and sources
    are tables of their own for every kind."""
    from caspian._fields import shapes

    names = set(_resources(package))
    for kind in KINDS:
        wider = [k for k in KINDS if k is not kind and issubclass(kind, k)]
        noun = kind.KIND.noun.replace(" ", "_")
        for field in shapes(kind):
            if wider and field.name in attrs.fields_dict(wider[0]):
                continue
            if field.many:
                assert f"{noun}_{field.name}" in names
        if not wider:
            assert f"{noun}_sources" in names


def test_the_link_tables_hold_the_lists(folder: Path) -> None:
    """Read with frictionless, the link tables give back each record's lists in order."""
    import frictionless

    package = frictionless.Package(str(folder / "datapackage.json"))
    rows = package.get_resource("agreement_parties").read_rows()
    parties: dict[str, list[tuple[int, str]]] = {}
    for row in rows:
        parties.setdefault(row["agreement"], []).append((row["position"], row["state"]))
    for agreement in caspian.agreements():
        assert list(agreement.parties) == [s for _, s in sorted(parties.get(agreement.id, []))]
    sources = package.get_resource("agreement_sources").read_rows()
    convention = caspian.agreement("legal-status-convention")
    urls = [r["url"] for r in sources if r["agreement"] == convention.id]
    assert [s.url for s in convention.sources] == urls


def test_missing_articles_are_in_the_package(folder: Path) -> None:
    """agreement_missing_articles.csv lists the articles the data lacks, with the reason."""
    import csv

    with (folder / "agreement_missing_articles.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    convention = caspian.agreement("legal-status-convention")
    assert [int(r["article"]) for r in rows if r["agreement"] == convention.id] == list(
        convention.missing_articles
    )
    assert {r["reason"] for r in rows if r["agreement"] == convention.id} == {
        convention.missing_articles_reason
    }


def test_descriptions_are_plain_whole_sentences(package: dict[str, Any]) -> None:
    """No description is cut mid-sentence or carries reST or Python markup; meetings.csv and
    summits.csv say that summits are in both."""
    markup = re.compile(r"`|:class:|:func:|:attr:|\bNone\b")
    texts = [package["description"]]
    for resource in package["resources"]:
        texts.append(resource["description"])
        texts.extend(f.get("description", "") for f in resource["schema"]["fields"])
    for text in filter(None, texts):
        assert not markup.search(text), text
        assert text.rstrip(")").endswith((".", "?", "!")), text
    resources = _resources(package)
    assert "summits.csv" in resources["meetings"]["description"]
    assert "meetings.csv" in resources["summits"]["description"]


def test_duckdb_joins_through_every_foreign_key(folder: Path, package: dict[str, Any]) -> None:
    """Every CSV loads into DuckDB, and every foreign key of every table joins: no row names a
    record (or a list item) that is not there."""
    connection = duckdb.connect()
    for resource in package["resources"]:
        path = str(folder / resource["path"])
        connection.execute(
            f'CREATE TABLE "{resource["name"]}" AS SELECT * FROM read_csv(?, header = true, '
            "all_varchar = true)",
            [path],
        )
    joined = 0
    for resource in package["resources"]:
        for fields, target, to in _keys(resource):
            on = " AND ".join(f'c."{f}" = p."{t}"' for f, t in zip(fields, to, strict=True))
            present = " AND ".join(f'c."{f}" IS NOT NULL' for f in fields)
            name = resource["name"]
            orphans = connection.execute(
                f'SELECT count(*) FROM "{name}" c LEFT JOIN "{target}" p ON {on} '
                f'WHERE {present} AND p."{to[0]}" IS NULL'
            ).fetchone()[0]
            assert orphans == 0, (name, fields, target)
            matched = connection.execute(
                f'SELECT count(*) FROM "{name}" c JOIN "{target}" p ON {on}'
            ).fetchone()[0]
            total = connection.execute(
                f'SELECT count(*) FROM "{name}" c WHERE {present}'
            ).fetchone()[0]
            assert matched == total
            joined += 1
    assert joined == sum(len(_keys(r)) for r in package["resources"])
    assert all(_keys(r) for r in package["resources"][len(KINDS) :])
    assert (["id"], "meetings", ["id"]) in _keys(_resources(package)["summits"])
    parties = connection.execute(
        "SELECT s.name FROM agreements a JOIN agreement_parties ap ON ap.agreement = a.id "
        "JOIN states s ON s.id = ap.state WHERE a.id = 'legal-status-convention' "
        "ORDER BY CAST(ap.position AS INTEGER)"
    ).fetchall()
    assert [name for (name,) in parties] == [
        s.name for s in caspian.agreement("legal-status-convention").party_states()
    ]
