"""Every place that lists the kinds by hand lists each of them: the docs pages, the API
reference, the schema files and the small dataset the tests load. A kind added to the registry
fails here until each place has it."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from caspian.model import KINDS
from conftest import minimal_records

DOCS = Path(__file__).parent.parent / "docs"


def _text(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_each_kind_is_in_the_docs(kind: type) -> None:
    """The schemas page, the data dictionary and the records reference have the kind."""
    file = kind.KIND.file  # type: ignore[attr-defined]
    assert f"## {file}\n" in _text("schemas.md")
    assert f"schema/{file.replace('.json', '.schema.json')}" in _text("schemas.md")
    assert f"{{caspian-fields}} {kind.__name__}\n" in _text("data-dictionary.md")
    assert f".. autoclass:: {kind.__name__}\n" in _text("api/records.md")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_each_kind_is_in_the_query_reference(kind: type) -> None:
    """The queries reference documents the kind's query, and its lookup where it has keys."""
    reference = _text("api/queries.md")
    assert f".. autofunction:: {kind.KIND.plural}\n" in reference  # type: ignore[attr-defined]
    if kind.KIND.keys:  # type: ignore[attr-defined]
        assert f".. autofunction:: {kind.KIND.noun}\n" in reference  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_each_kind_has_its_schema_file_and_test_data(kind: type) -> None:
    """The schema file ships, and the tests' small dataset has records of the kind."""
    file = kind.KIND.file  # type: ignore[attr-defined]
    schema = files("caspian") / "data" / "schema" / file.replace(".json", ".schema.json")
    assert schema.is_file()
    assert minimal_records().get(file)
