"""The data dictionary: every record type and field, generated from the attrs classes.

Names and types come from :func:`attrs.fields` and :func:`typing.get_type_hints` at build time;
the meaning of each field is the one hand-written part, and it lives in ``MEANINGS`` below. The
same meanings document the fields in the API reference. The build fails when a field has no
meaning, when a meaning names a field that does not exist, or when a record type of
:mod:`caspian.model` is missing from the data dictionary page. Directives:

``caspian-fields NAME``
    A table of the fields of the attrs class ``caspian.NAME``: field, type, whether the JSON
    file must give it (or its default), and meaning.

``caspian-vocabularies``
    A table of the closed vocabularies (the enums) and their values.
"""

from __future__ import annotations

import re
import types
import typing
from enum import Enum
from typing import Any

import attrs
from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

import caspian
from caspian import model
from caspian.dataset import FILES

_SHARED = {
    "id": "The record's id: a stable lowercase slug, unique among records of its type.",
    "sources": "The public pages the record's facts were read from (at least one).",
    "notes": "Caveats in plain words: what is uncertain, how a value was chosen, calendars.",
    "alternatives": "Values that other sources give for a field, each with its own sources.",
}
_SUMMARY = "A summary in our own words."

#: Record type -> field -> meaning. The only hand-written part of the data dictionary.
MEANINGS: dict[str, dict[str, str]] = {
    "State": {
        "id": _SHARED["id"] + " For example `iran`, `russian-empire`.",
        "name": "The common English name (`Iran`).",
        "official_name": "The full official name (`Islamic Republic of Iran`).",
        "aliases": "Other names it is looked up by (`Persia`, `Turkey` for Türkiye).",
        "iso_alpha2": "ISO 3166-1 alpha-2 code (`IR`); `None` for historic entities.",
        "iso_alpha3": "ISO 3166-1 alpha-3 code (`IRN`); `None` for historic entities.",
        "iso_numeric": "ISO 3166-1 numeric code as a three-digit string (`364`).",
        "wikidata": "The Wikidata item id (`Q794`), where one could be cited.",
        "littoral": "Whether the state lies on the Caspian shore.",
        "capital": "The capital's present name (or its last name, for a historic entity).",
        "capital_history": "The capital's names over time, with the dates of each.",
        "native_names": "Official names in the state's languages, each with its language code.",
        "coastline_km": "Length of the Caspian coastline in kilometres (UNEP figures).",
        "from_year": "First year the entity existed; `None` if not recorded.",
        "to_year": "Last year the entity existed; `None` while it exists.",
        "successor": "The id of the state that succeeded this entity, if any.",
        "sources": _SHARED["sources"],
        "notes": _SHARED["notes"],
        "alternatives": _SHARED["alternatives"],
    },
    "Summit": {
        "id": _SHARED["id"] + " For example `caspian-summit-2018`, `fm-meeting-2017-moscow`.",
        "name": "The meeting's name (`Fifth Caspian Summit (Aktau)`).",
        "aliases": "Other names it is looked up by, such as the seed article's `Tehran, 2007`.",
        "kind": "A summit of heads of state, a ministers' meeting, a negotiation or a conference.",
        "status": "Whether the meeting was held or is planned.",
        "ordinal": "1 for the First Caspian Summit and so on; `None` for other meetings.",
        "city": "Where the meeting took place (or is to), with coordinates where known.",
        "host": "The id of the host state; `None` where there was none.",
        "start": "The first day; `None` when the day is not known.",
        "end": "The last day; `None` when the day is not known.",
        "participants": "The ids of the states that took part.",
        "attendees": "People named in the sources as attending, with state and office.",
        "summary": _SUMMARY,
        "sources": _SHARED["sources"],
        "notes": _SHARED["notes"],
        "alternatives": _SHARED["alternatives"],
        "agreements": "The ids of the documents signed or adopted at the meeting. Derived: "
        "filled from the `summit` field of `agreements.json`.",
    },
    "Agreement": {
        "id": _SHARED["id"] + " For example `legal-status-convention`.",
        "title": "The full title in English.",
        "short_title": "A short title (`Caspian Convention`).",
        "aliases": "Other titles it is looked up by.",
        "kind": "The form of the document: treaty, convention, protocol, agreement, "
        "declaration, communiqué or memorandum.",
        "signed": "The day of signing (Gregorian calendar); `None` when the day is not known.",
        "place": "Where it was signed, with coordinates where known.",
        "summit": "The id of the meeting where it was signed or adopted, if any.",
        "parent": "The id of the instrument this one is a protocol to, if any.",
        "parties": "The ids of the states that are parties.",
        "status": "The legal status as far as the sources tell: in force, not (yet) in force, "
        "terminated, non-binding, or unknown.",
        "in_force": "The day of entry into force, where known.",
        "ended": "The day it ceased to have effect, where known.",
        "article_count": "The number of articles of the full text, where known "
        "(`articles` may hold fewer).",
        "topics": "The subjects the document deals with.",
        "summary": _SUMMARY,
        "sources": _SHARED["sources"],
        "notes": _SHARED["notes"],
        "alternatives": _SHARED["alternatives"],
        "articles": "The articles recorded in the data, by number. Derived: filled from "
        "`articles.json`.",
        "ratifications": "The ratifications recorded in the data, ratified first. Derived: "
        "filled from `ratifications.json`.",
    },
    "Article": {
        "id": _SHARED["id"] + " For example `legal-status-convention-art-14`.",
        "agreement": "The id of the agreement the article belongs to.",
        "number": "The article's number in the agreement.",
        "title": "The article's heading, or a short descriptive label where the text has none.",
        "summary": "What the article says, in our own words (not a quotation).",
        "topics": "The subjects the article deals with.",
        "sources": _SHARED["sources"],
        "notes": _SHARED["notes"],
        "alternatives": _SHARED["alternatives"],
    },
    "Ratification": {
        "id": _SHARED["id"] + " The agreement's id and the state's, as "
        "`legal-status-convention--iran`.",
        "agreement": "The id of the agreement.",
        "state": "The id of the state.",
        "status": "`ratified` (ratified, approved or acceded to) or `pending` (known not to "
        "have ratified yet).",
        "date": "The day of the ratifying act; `None` when the day is not known.",
        "instrument": "The act that ratified it, as the state names it (a law, decree or vote).",
        "sources": _SHARED["sources"],
        "notes": _SHARED["notes"],
        "alternatives": _SHARED["alternatives"],
    },
    "Pipeline": {
        "id": _SHARED["id"] + " For example `baku-tbilisi-ceyhan`.",
        "name": "The pipeline's name.",
        "aliases": "Other names and abbreviations it is looked up by (`BTC`, `TAPI`).",
        "commodity": "What it carries: oil or gas.",
        "route": "The ids of the states along the route, in order, origin first.",
        "origin": "Where the line starts (a terminal or field), with coordinates where known.",
        "terminus": "Where the line ends, with coordinates where known.",
        "waypoints": "Places along the route between origin and terminus, in order.",
        "length_km": "Length in kilometres.",
        "capacity": "Design or current throughput, in the unit of its source.",
        "status": "Operational, under construction, proposed or stalled.",
        "operational_since": "The year it started operating.",
        "operator": "The company or companies that operate it.",
        "summary": _SUMMARY,
        "sources": _SHARED["sources"],
        "notes": _SHARED["notes"],
        "alternatives": _SHARED["alternatives"],
    },
    "ReserveEstimate": {
        "id": _SHARED["id"] + " For example `caspian-gas-proved-probable-2012`.",
        "commodity": "What is estimated: oil or gas.",
        "category": "The basis of the estimate: proved and probable reserves, or undiscovered "
        "technically recoverable resources.",
        "value": "The estimate, in `unit`.",
        "unit": "Billion barrels (oil) or trillion cubic feet (gas), as the source gives it.",
        "year": "The year the estimate refers to, where the source gives it.",
        "estimator": "Who made the estimate (`U.S. Energy Information Administration`).",
        "region": "The area the estimate covers, as its source defines it.",
        "sources": _SHARED["sources"],
        "notes": _SHARED["notes"],
        "alternatives": _SHARED["alternatives"],
    },
    "Source": {
        "url": "The page's address.",
        "title": "The page's title.",
        "publisher": "Who published it, where known.",
    },
    "Alternative": {
        "field": "The name of the field the other value is for (`length_km`).",
        "value": "The other value, as text, as the other source gives it.",
        "sources": "The pages that give the other value.",
        "note": "Why the record keeps its own value instead, or how the two relate.",
    },
    "Coordinates": {
        "longitude": "Degrees east (WGS 84, decimal degrees).",
        "latitude": "Degrees north (WGS 84, decimal degrees).",
    },
    "Place": {
        "name": "The place's name.",
        "state": "The id of the state the place lies in (the present-day state for historic "
        "events).",
        "coordinates": "The point, where known.",
    },
    "LocalName": {
        "language": "An ISO 639-1 language code (`kk`).",
        "name": "The name in that language.",
    },
    "CapitalName": {
        "name": "The capital's name over this span.",
        "start": "The first day of the span; `None` where open or unknown.",
        "end": "The last day of the span; `None` where open or unknown.",
    },
    "Attendee": {
        "name": "The person's name.",
        "state": "The id of the state the person represented.",
        "office": "The person's office at the time (`President`).",
    },
    "Capacity": {
        "value": "The throughput, in `unit`.",
        "unit": "Barrels per day, million barrels per day, billion cubic metres per year, or "
        "million tonnes per year.",
    },
}


def record_classes() -> dict[str, type]:
    """Every attrs class that :mod:`caspian.model` exports, by name."""
    return {
        name: obj
        for name in model.__all__
        if isinstance(obj := getattr(model, name), type) and attrs.has(obj)
    }


def documented_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields of a record type that a user sees (every field set in ``__init__``)."""
    return [field for field in attrs.fields(cls) if field.init]


#: Type hints of every record type, read before autodoc runs: autodoc adds the annotations it
#: finds in the source (those under ``if TYPE_CHECKING:`` too) to the classes, after which
#: :func:`typing.get_type_hints` can no longer evaluate them.
HINTS: dict[str, dict[str, Any]] = {}


def problems() -> list[str]:
    """Every mismatch between ``MEANINGS`` and the attrs classes."""
    found: list[str] = []
    classes = record_classes()
    for name in sorted(classes.keys() - MEANINGS.keys()):
        found.append(f"{name}: a record type of caspian.model with no entry in MEANINGS")
    for name in sorted(MEANINGS.keys() - classes.keys()):
        found.append(f"{name}: in MEANINGS, but caspian.model has no attrs class of that name")
    for name in sorted(classes.keys() & MEANINGS.keys()):
        fields = {field.name for field in documented_fields(classes[name])}
        meanings = MEANINGS[name]
        for field in sorted(fields - meanings.keys()):
            found.append(f"{name}.{field}: the field has no meaning")
        for field in sorted(meanings.keys() - fields):
            found.append(f"{name}.{field}: a meaning for a field that does not exist")
        for field, text in sorted(meanings.items()):
            if field in fields and not text.strip():
                found.append(f"{name}.{field}: the meaning is empty")
        try:
            HINTS[name] = typing.get_type_hints(classes[name])
        except Exception as error:
            found.append(f"{name}: the type hints cannot be resolved ({error})")
    return found


def check(app: Sphinx) -> None:
    """Fail the build when the meanings and the attrs classes disagree."""
    found = problems()
    if found:
        raise ExtensionError(
            "the data dictionary (docs/_ext/data_dictionary.py) does not match caspian.model:\n  "
            + "\n  ".join(found)
        )


# -- rendering ------------------------------------------------------------------------------------


def _xref(target: str, text: str, docname: str, reftype: str = "class") -> nodes.Node:
    ref = pending_xref(
        "", refdomain="py", reftype=reftype, reftarget=target, refexplicit=True, refdoc=docname
    )
    ref += nodes.literal(text, text, classes=["xref", "py", f"py-{reftype}"])
    return ref


def type_nodes(hint: Any, docname: str) -> list[nodes.Node]:
    """Nodes that show a type hint, with each class linked to its documentation."""
    if hint is type(None):
        return [_xref("None", "None", docname, "obj")]
    if hint is Ellipsis:
        return [nodes.Text("...")]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        parts: list[nodes.Node] = []
        for index, arg in enumerate(typing.get_args(hint)):
            if index:
                parts.append(nodes.Text(" | "))
            parts.extend(type_nodes(arg, docname))
        return parts
    if origin is not None:
        parts = [*type_nodes(origin, docname), nodes.Text("[")]
        for index, arg in enumerate(typing.get_args(hint)):
            if index:
                parts.append(nodes.Text(", "))
            parts.extend(type_nodes(arg, docname))
        return [*parts, nodes.Text("]")]
    if hint is Any:
        return [_xref("typing.Any", "Any", docname, "obj")]
    if isinstance(hint, type):
        if hint.__module__ == "builtins":
            return [_xref(hint.__qualname__, hint.__qualname__, docname)]
        if hint.__module__.startswith("caspian") and hint.__name__ in caspian.__all__:
            return [_xref(f"caspian.{hint.__name__}", hint.__name__, docname)]
        name = f"{hint.__module__}.{hint.__qualname__}"
        return [_xref(name, name, docname)]
    raise ExtensionError(f"data dictionary: cannot show the type {hint!r}")


def text_nodes(text: str) -> list[nodes.Node]:
    """Plain text with ``code`` spans in single backticks."""
    parts: list[nodes.Node] = []
    for index, piece in enumerate(re.split(r"`([^`]+)`", text)):
        if index % 2:
            parts.append(nodes.literal(piece, piece))
        elif piece:
            parts.append(nodes.Text(piece))
    return parts


def _default(field: attrs.Attribute[Any]) -> list[nodes.Node]:
    if field.metadata.get("derived"):
        return [nodes.Text("no: derived")]
    if field.default is attrs.NOTHING:
        return [nodes.strong("required", "required")]
    value = field.default
    shown = repr(value.value if isinstance(value, Enum) else value)
    if value is None:
        shown = "None"
    return [nodes.Text("optional, default "), nodes.literal(shown, shown)]


def _table(headers: list[str], widths: list[int], rows: list[nodes.row]) -> nodes.table:
    table = nodes.table(classes=["caspian-data-dictionary"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head_row = nodes.row()
    head += head_row
    for header in headers:
        head_row += nodes.entry("", nodes.paragraph(header, header))
    body = nodes.tbody()
    group += body
    for row in rows:
        body += row
    return table


def _row(*cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for content in cells:
        paragraph = nodes.paragraph()
        paragraph.extend(content)
        row += nodes.entry("", paragraph)
    return row


class FieldsDirective(SphinxDirective):
    """``caspian-fields NAME``: the fields of ``caspian.NAME`` as a table."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        classes = record_classes()
        if name not in classes:
            raise self.error(f"caspian-fields: {name!r} is not an attrs class of caspian.model")
        cls = classes[name]
        hints = HINTS[name]
        docname = self.env.docname
        rows = []
        for field in documented_fields(cls):
            row = _row(
                [nodes.literal(field.name, field.name)],
                type_nodes(hints[field.name], docname),
                _default(field),
                text_nodes(MEANINGS[name][field.name]),
            )
            row["ids"].append(f"field-{name.lower()}-{field.name.replace('_', '-')}")
            rows.append(row)
        rendered: dict[str, set[str]] = getattr(self.env, "caspian_data_dictionary", {})
        rendered.setdefault(docname, set()).add(name)
        self.env.caspian_data_dictionary = rendered  # type: ignore[attr-defined]
        table = _table(["Field", "Type", "In the JSON file", "Meaning"], [16, 26, 18, 40], rows)
        intro = nodes.paragraph()
        intro += nodes.Text("Fields of ")
        intro += _xref(f"caspian.{name}", name, docname)
        if cls in FILES:
            intro += nodes.Text(", one object per record in ")
            intro += nodes.literal(FILES[cls], FILES[cls])
        intro += nodes.Text(":")
        return [intro, table]


class VocabulariesDirective(SphinxDirective):
    """``caspian-vocabularies``: every closed vocabulary of :mod:`caspian.model` and its values."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        rows = []
        for name in model.__all__:
            obj = getattr(model, name)
            if not (isinstance(obj, type) and issubclass(obj, Enum)):
                continue
            values: list[nodes.Node] = []
            for index, member in enumerate(obj):
                if index:
                    values.append(nodes.Text(", "))
                values.append(nodes.literal(member.value, member.value))
            rows.append(_row([_xref(f"caspian.{name}", name, docname)], values))
        return [_table(["Vocabulary", "Values (as written in the JSON files)"], [25, 75], rows)]


def field_docstring(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Give each field in the API reference its meaning from ``MEANINGS`` (one source for both).

    Runs after napoleon, which would otherwise read ``text: more text`` as a type.
    """
    if what != "attribute" or not name.startswith("caspian."):
        return
    record, _, field = name.removeprefix("caspian.").rpartition(".")
    meaning = MEANINGS.get(record, {}).get(field)
    if meaning is not None:
        lines[:] = [re.sub(r"`([^`]+)`", r"``\1``", meaning), ""]


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "caspian_data_dictionary", {}).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    mine: dict[str, set[str]] = getattr(env, "caspian_data_dictionary", {})
    mine.update(getattr(other, "caspian_data_dictionary", {}))
    env.caspian_data_dictionary = mine  # type: ignore[attr-defined]


def coverage(app: Sphinx, env: BuildEnvironment) -> None:
    """Fail the build when a record type has no table on any page."""
    rendered: dict[str, set[str]] = getattr(env, "caspian_data_dictionary", {})
    counts = {name: 0 for name in record_classes()}
    for names in rendered.values():
        for name in names:
            counts[name] += 1
    missing = sorted(name for name, count in counts.items() if count == 0)
    if missing:
        raise ExtensionError(f"the data dictionary has no caspian-fields table for: {missing}")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", check)
    app.connect("autodoc-process-docstring", field_docstring, priority=600)
    app.add_directive("caspian-fields", FieldsDirective)
    app.add_directive("caspian-vocabularies", VocabulariesDirective)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-check-consistency", coverage)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
