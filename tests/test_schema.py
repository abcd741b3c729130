"""The published JSON Schemas: shipped, current, in agreement with the classes, and satisfied."""

from __future__ import annotations

import json
from importlib.resources import files

import attrs
import jsonschema
import pytest

from caspian._load import file_fields
from caspian._schema import render, schema_for
from caspian.model import KINDS

SCHEMA_DIR = files("caspian") / "data" / "schema"


def schema_text(record_type: type) -> str:
    return (SCHEMA_DIR / record_type.KIND.file.replace(".json", ".schema.json")).read_text("utf-8")


@pytest.mark.parametrize("record_type", KINDS, ids=lambda t: t.__name__)
def test_shipped_schema_is_current(record_type: type) -> None:
    """The shipped schema file equals what the generator makes from the classes today."""
    assert render(record_type) == schema_text(record_type)


@pytest.mark.parametrize("record_type", KINDS, ids=lambda t: t.__name__)
def test_packaged_data_validates(record_type: type) -> None:
    """Every packaged data file is valid against its schema."""
    schema = json.loads(schema_text(record_type))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads((files("caspian") / "data" / record_type.KIND.file).read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)


@pytest.mark.parametrize("record_type", KINDS, ids=lambda t: t.__name__)
def test_schema_and_class_agree_field_by_field(record_type: type) -> None:
    """The schema's properties are the fields a file may hold; required ones have no default."""
    definition = schema_for(record_type)["$defs"][record_type.__name__]
    assert list(file_fields(record_type)) == list(definition["properties"])
    required = [
        f.name
        for f in attrs.fields(record_type)
        if f.name in file_fields(record_type) and f.default is attrs.NOTHING
    ]
    assert required == definition["required"]
    assert definition["additionalProperties"] is False


def test_schema_rejects_what_the_loader_rejects() -> None:
    """An unknown key or a malformed date fails schema validation too."""
    from caspian.model import Summit

    validator = jsonschema.Draft202012Validator(json.loads(schema_text(Summit)))
    good = json.loads((files("caspian") / "data" / "summits.json").read_text("utf-8"))[0]
    assert validator.is_valid([good])
    assert not validator.is_valid([{**good, "colour": "blue"}])
    assert not validator.is_valid([{**good, "start": "1 May 2001"}])
    assert not validator.is_valid([{**good, "sources": []}])
