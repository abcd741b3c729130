"""The data dictionary: every record type and field, generated from the attrs classes.

Names and types come from :func:`attrs.fields` and :func:`typing.get_type_hints` at build time,
and the meaning of each field from the ``#:`` comment above the field in the source
(:func:`caspian._kind.field_meanings`, which ``help()`` reads too). The build fails when a
field has no meaning, or when a record type of :mod:`caspian.model` is missing from the data
dictionary page. Directives:

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
from caspian._kind import Record, field_meanings
from caspian._load import file_fields


def record_classes() -> dict[str, type]:
    """Every attrs class that :mod:`caspian.model` exports, by name (records and values; not
    :class:`~caspian.Kind`, the description of a kind)."""
    return {
        name: obj
        for name in model.__all__
        if isinstance(obj := getattr(model, name), type)
        and attrs.has(obj)
        and obj is not model.Kind
    }


def documented_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields of a record type that a data file may hold."""
    names = file_fields(cls)
    return [field for field in attrs.fields(cls) if field.name in names]


#: Type hints of every record type, read before autodoc runs: autodoc adds the annotations it
#: finds in the source (those under ``if TYPE_CHECKING:`` too) to the classes, after which
#: :func:`typing.get_type_hints` can no longer evaluate them.
HINTS: dict[str, dict[str, Any]] = {}


def problems() -> list[str]:
    """Every field without a meaning, and every class whose type hints cannot be resolved."""
    found: list[str] = []
    for name, cls in sorted(record_classes().items()):
        meanings = field_meanings(cls)
        for field in documented_fields(cls):
            if not meanings.get(field.name, "").strip():
                found.append(f"{name}.{field.name}: the field has no #: comment (its meaning)")
        try:
            HINTS[name] = typing.get_type_hints(cls)
        except Exception as error:
            found.append(f"{name}: the type hints cannot be resolved ({error})")
    return found


def check(app: Sphinx) -> None:
    """Fail the build when the meanings and the attrs classes disagree."""
    found = problems()
    if found:
        raise ExtensionError(
            "the data dictionary cannot be made from caspian.model:\n  " + "\n  ".join(found)
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
                text_nodes(_markdown(field_meanings(cls)[field.name])),
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
        if issubclass(cls, Record) and "KIND" in vars(cls):
            intro += nodes.Text(", one object per record in ")
            intro += nodes.literal(cls.KIND.file, cls.KIND.file)
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


def _markdown(text: str) -> str:
    """The reST literals of a ``#:`` comment (````x````) as the single backticks of the tables."""
    return text.replace("``", "`")


def field_docstring(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Show each field's ``#:`` comment as written.

    Runs after napoleon, which would otherwise read ``text: more text`` as a type.
    """
    if what != "attribute" or not name.startswith("caspian."):
        return
    record, _, field = name.removeprefix("caspian.").rpartition(".")
    cls = getattr(caspian, record, None)
    if isinstance(cls, type):
        meaning = field_meanings(cls).get(field)
        if meaning is not None:
            lines[:] = [meaning, ""]


def class_docstring(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Drop the "Fields:" list that ``help()`` shows: the reference documents each field
    itself, from the same ``#:`` comments."""
    if what == "class" and "Fields:" in lines:
        del lines[lines.index("Fields:") :]


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
    app.connect("autodoc-process-docstring", class_docstring)
    app.connect("autodoc-process-docstring", field_docstring, priority=600)
    app.add_directive("caspian-fields", FieldsDirective)
    app.add_directive("caspian-vocabularies", VocabulariesDirective)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-check-consistency", coverage)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
