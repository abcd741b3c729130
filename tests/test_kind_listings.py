"""Every place of the docs that lists the kinds lists each of them: the schemas page, the data
dictionary, the records and queries reference (their lists are made from the registry when the
docs are built, by docs/_ext/kind_lists.py), and the small dataset the tests load. A kind added
to the registry fails here until each hand-written place has it."""

from __future__ import annotations

import importlib.util
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import pytest

from caspian.model import KINDS
from conftest import minimal_records

DOCS = Path(__file__).parent.parent / "docs"


def _lists() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kind_lists", DOCS / "_ext" / "kind_lists.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _text(name: str) -> str:
    """The page as the docs build reads it, its lists made."""
    expanded: str = _lists().expand((DOCS / name).read_text(encoding="utf-8"))
    return expanded


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_each_kind_is_in_the_docs(kind: type) -> None:
    """The schemas page, the data dictionary and the records reference have the kind (the
    data dictionary's section, with the kind's prose, is written by hand)."""
    file = kind.KIND.file  # type: ignore[attr-defined]
    assert f"## {file}\n" in _text("schemas.md")
    assert f"schema/{file.replace('.json', '.schema.json')}" in _text("schemas.md")
    assert f"{{caspian-fields}} {kind.__name__}\n" in _text("data-dictionary.md"), (
        f"docs/data-dictionary.md has no section for {kind.__name__}: write one, with "
        f"```{{caspian-fields}} {kind.__name__}```"
    )
    assert f".. autoclass:: {kind.__name__}\n" in _text("api/records.md")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_each_kind_is_in_the_query_reference(kind: type) -> None:
    """The queries reference documents the kind's query, and its lookup where it has keys."""
    reference = _text("api/queries.md")
    assert f".. autofunction:: {kind.KIND.plural}\n" in reference  # type: ignore[attr-defined]
    if kind.KIND.keys:  # type: ignore[attr-defined]
        assert f".. autofunction:: {kind.KIND.noun}\n" in reference  # type: ignore[attr-defined]


def test_the_lists_show_every_value_and_vocabulary_once() -> None:
    """Each value class and vocabulary of the model is in the reference and the data
    dictionary once (by hand or in a list), and a page's own entry is not repeated."""
    lists = _lists()
    records, dictionary = _text("api/records.md"), _text("data-dictionary.md")
    for cls in [*lists.values(), *lists.vocabularies()]:
        assert records.count(f".. autoclass:: {cls.__name__}\n") == 1, cls.__name__
    for cls in lists.values():
        assert dictionary.count(f"{{caspian-fields}} {cls.__name__}\n") == 1, cls.__name__
    with pytest.raises(ValueError, match="no list named 'kinds'"):
        lists.expand("<!-- caspian-list: kinds -->\n")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_each_kind_has_its_schema_file_and_test_data(kind: type) -> None:
    """The schema file ships, and the tests' small dataset has records of the kind."""
    file = kind.KIND.file  # type: ignore[attr-defined]
    schema = files("caspian") / "data" / "schema" / file.replace(".json", ".schema.json")
    assert schema.is_file()
    assert minimal_records().get(file), (
        f"tests/conftest.py: minimal_records() has no records for {file}: add one or two"
    )
