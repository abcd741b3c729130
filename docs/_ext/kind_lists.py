"""The docs' lists of kinds and of the model's names, made from the registry at build time.

A page asks for a list with a line ``<!-- caspian-list: NAME -->`` (inside an ``{eval-rst}``
block too: the line is replaced before the page is parsed). A kind added to ``_KINDS`` and its
names added to its module's ``__all__`` then appear on every page that lists them, with no edit
to the pages. Each list leaves out the names that the page already documents by hand (such as
``SourceKind``, shown with the sources).

- ``schemas``: a section with the JSON Schema of each kind's data file;
- ``record-types``, ``value-types``, ``vocabularies``: ``autoclass`` entries for the kinds, the
  value classes inside them, and the closed vocabularies;
- ``value-tables``: a section with the fields table of each value class;
- ``lookups``, ``queries``: ``autofunction`` entries for each kind's lookup (where it has keys)
  and query.
"""

from __future__ import annotations

import enum
import importlib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from caspian import model
from caspian._record import Record

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MARKER = re.compile(r"^[ \t]*<!-- caspian-list: ([\w-]+) -->[ \t]*$", re.MULTILINE)


def model_classes() -> list[type]:
    """The classes among the model's public names, module by module (in the order of
    ``model._NAMES``), each module's in the order it defines them."""
    found = []
    for name, names in model._NAMES.items():
        module = importlib.import_module(name)
        found += [v for n, v in vars(module).items() if n in names and isinstance(v, type)]
    return found


def values() -> list[type]:
    return [
        c
        for c in model_classes()
        if attrs.has(c) and not issubclass(c, Record) and c is not model.Kind
    ]


def vocabularies() -> list[type]:
    return [c for c in model_classes() if issubclass(c, enum.Enum)]


def _autoclass(classes: list[type], options: str) -> list[tuple[str, str]]:
    return [(c.__name__, f".. autoclass:: {c.__name__}\n{options}") for c in classes]


def _schema(kind: Any) -> tuple[str, str]:
    file = kind.KIND.file
    path = f"../src/caspian/data/schema/{file.replace('.json', '.schema.json')}"
    return file, f"## {file}\n\n```{{literalinclude}} {path}\n:language: json\n```\n"


#: Each list: (the name an entry documents, the entry's text), in order.
LISTS: dict[str, Callable[[], list[tuple[str, str]]]] = {
    "schemas": lambda: [_schema(kind) for kind in model.KINDS],
    "record-types": lambda: _autoclass(
        list(model.KINDS), "   :members:\n   :undoc-members:\n   :show-inheritance:\n"
    ),
    "value-types": lambda: _autoclass(values(), "   :members:\n   :undoc-members:\n"),
    "vocabularies": lambda: _autoclass(
        vocabularies(), "   :members:\n   :undoc-members:\n   :show-inheritance:\n"
    ),
    "value-tables": lambda: [
        (c.__name__, f"### {c.__name__}\n\n```{{caspian-fields}} {c.__name__}\n```\n")
        for c in values()
    ],
    "lookups": lambda: [
        (k.KIND.noun, f".. autofunction:: {k.KIND.noun}") for k in model.KINDS if k.KIND.keys
    ],
    "queries": lambda: [(k.KIND.plural, f".. autofunction:: {k.KIND.plural}") for k in model.KINDS],
}

#: What a page's hand-written entry for a name looks like, by list.
_BY_HAND = {
    "schemas": "## {}\n",
    "lookups": ".. autofunction:: {}\n",
    "queries": ".. autofunction:: {}\n",
    "value-tables": "{{caspian-fields}} {}\n",
}


def expand(text: str) -> str:
    """The page with each ``<!-- caspian-list: NAME -->`` line replaced by its list."""

    def entries(match: re.Match[str]) -> str:
        name = match[1]
        if name not in LISTS:
            raise ValueError(f"no list named {name!r}: the lists are {sorted(LISTS)}")
        pattern = _BY_HAND.get(name, ".. autoclass:: {}\n")
        shown = [t for documented, t in LISTS[name]() if pattern.format(documented) not in text]
        separator = "\n" if name in ("lookups", "queries") else "\n\n"
        return separator.join(entry.rstrip("\n") for entry in shown)

    return MARKER.sub(entries, text)


def read(app: Sphinx, docname: str, source: list[str]) -> None:
    source[0] = expand(source[0])


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("source-read", read)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
