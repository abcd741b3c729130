"""The package's shape (its layers are in test_layers.py): the module cap, the registry of kinds, the public names, field meanings, errors
that pickle. These fail when a kind or a public name is missing from a place that must list it."""

from __future__ import annotations

import ast
import pickle
import pydoc
from importlib.resources import files
from pathlib import Path

import attrs
import pytest

import caspian
from caspian._kind import field_meanings
from caspian._load import file_fields
from caspian.model import KINDS

PACKAGE = Path(caspian.__file__).parent
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py"))

# The layers are checked by import-linter: see tests/test_layers.py.


@pytest.mark.parametrize("module", MODULES)
def test_no_module_is_over_600_lines(module: str) -> None:
    """Each module keeps to one job and about 600 lines."""
    assert len((PACKAGE / f"{module}.py").read_text(encoding="utf-8").splitlines()) <= 600


# -- the registry of kinds ------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_each_kind_describes_itself(kind: type[caspian.Record]) -> None:
    """Each kind has its own KIND, a data file and schema that ship, a query function on the
    module and on Dataset, and a lookup function where it has lookup keys."""
    assert "KIND" in vars(kind)
    assert (files("caspian") / "data" / kind.KIND.file).is_file()
    schema = kind.KIND.file.replace(".json", ".schema.json")
    assert (files("caspian") / "data" / "schema" / schema).is_file()
    assert callable(getattr(caspian, kind.KIND.plural))
    assert callable(getattr(caspian.Dataset, kind.KIND.plural))
    if kind.KIND.keys:
        assert callable(getattr(caspian, kind.KIND.noun))
        assert callable(getattr(caspian.Dataset, kind.KIND.noun))
    assert kind.__name__ in caspian.__all__
    fields = {f.name for f in attrs.fields(kind)}
    for path in (*kind.KIND.keys, *kind.KIND.columns, kind.KIND.label):
        assert path.split(".")[0] in fields, path


def test_kinds_have_distinct_files_and_names() -> None:
    """No two kinds share a file, a noun or a plural."""
    for attribute in ("file", "noun", "plural"):
        values = [getattr(k.KIND, attribute) for k in KINDS]
        assert len(values) == len(set(values)), attribute


def test_data_files_are_exactly_the_kinds() -> None:
    """Every JSON file in caspian/data belongs to a kind (or is the publisher registry), and
    every kind has one."""
    shipped = {p.name for p in (files("caspian") / "data").iterdir() if p.name.endswith(".json")}
    assert shipped == {k.KIND.file for k in KINDS} | {"publishers.json"}


# -- field meanings live next to the fields -------------------------------------------------


def documented_classes() -> list[type]:
    return [
        obj
        for name in caspian.__all__
        if isinstance(obj := getattr(caspian, name), type) and attrs.has(obj)
    ]


@pytest.mark.parametrize("cls", documented_classes(), ids=lambda c: c.__name__)
def test_every_field_has_a_meaning(cls: type) -> None:
    """Every field a data file may hold has a #: comment, and help() shows it."""
    meanings = field_meanings(cls)
    assert list(meanings) == list(file_fields(cls))
    assert all(text.strip() for text in meanings.values())
    shown = " ".join(pydoc.render_doc(cls, renderer=pydoc.plaintext).split())
    for name, text in meanings.items():
        assert f"{name}: {' '.join(text.split())}" in shown


# -- the public face ------------------------------------------------------------------------


def init_tree() -> ast.Module:
    return ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))


def test_type_checking_imports_match_the_lazy_table() -> None:
    """The names imported for type checkers are exactly the names loaded on first use."""
    block = next(
        n for n in init_tree().body if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n)
    )
    imported = {
        (node.module, alias.name)
        for node in ast.walk(block)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == {(module, name) for name, module in caspian._LAZY.items()}


def test_all_lists_every_public_name_once_and_each_resolves() -> None:
    """__all__ is the errors, the lazy names and the query functions, sorted, and each one can
    be imported."""
    functions = [
        node.name
        for node in init_tree().body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    ]
    expected = sorted({*caspian.errors.__all__, *caspian._LAZY, *functions})
    assert expected == caspian.__all__
    for name in caspian.__all__:
        assert getattr(caspian, name) is not None, name
    functions = {n for n in caspian.__all__ if callable(getattr(caspian, n)) and n.islower()}
    assert {k.KIND.plural for k in KINDS} <= functions


def test_dir_shows_the_public_names_and_hides_typing_helpers() -> None:
    """dir(caspian) (tab completion, help()) lists every public name and no typing helpers."""
    names = dir(caspian)
    assert set(caspian.__all__) <= set(names)
    assert {"__version__", "__data_version__"} <= set(names)
    assert not {"Any", "TYPE_CHECKING", "annotations", "Callable"} & set(names)


def test_help_shows_every_public_name() -> None:
    """help(caspian) names cite, the exports, Dataset and the record classes."""
    text = pydoc.render_doc(caspian, renderer=pydoc.plaintext)
    for name in ("cite", "to_csv", "to_dataframe", "Dataset", "Meeting", "Summit", "State"):
        assert name in text


# -- errors cross process boundaries ----------------------------------------------------------


ERRORS = [
    caspian.NotFoundError("Persa", "state", [("iran", "Iran")]),
    caspian.NotFoundError("x", "summit", (), "it names a ministerial meeting"),
    caspian.AmbiguousKeyError("Persia", "state", ["iran", "qajar-persia"]),
    caspian.InvalidQueryError("empty range"),
    caspian.ArgumentTypeError("after must be a year"),
    caspian.MissingDependencyError("needs pandas"),
    caspian.DataError([caspian.Problem("states.json", "iran", "name", "expected a string")]),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_errors_pickle_with_message_and_attributes(error: caspian.CaspianError) -> None:
    """Each error unpickles equal in type, message and attributes."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.args == error.args
    assert vars(copy) == vars(error)


def test_problem_is_a_named_tuple() -> None:
    """Problem unpacks and compares like a tuple, and prints as a location and a message."""
    problem = caspian.Problem("a.json", "x", "name", "bad")
    file, record, path, message = problem
    assert (file, record, path, message) == ("a.json", "x", "name", "bad")
    assert str(problem) == "a.json: x: name: bad"


def test_the_model_table_names_each_module_exactly() -> None:
    """model._WHERE maps each name to the module that defines it, and misses none of them; the
    type checkers' view of model star-imports each of those modules (their names are listed once,
    in their __all__)."""
    import importlib

    from caspian import model

    by_module: dict[str, set[str]] = {}
    for name, module in model._WHERE.items():
        by_module.setdefault(module, set()).add(name)
    for module, names in by_module.items():
        assert set(importlib.import_module(module).__all__) == names, module
    tree = ast.parse((PACKAGE / "model.py").read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If))
    starred = {
        node.module
        for node in ast.walk(block)
        if isinstance(node, ast.ImportFrom) and [a.name for a in node.names] == ["*"]
    }
    assert starred == set(model._WHERE.values())  # type checkers see every family's names
    assert [f"{m}.{n}" for m, n, *_ in model._KINDS] == [
        f"{k.__module__}.{k.__name__}" for k in KINDS
    ]


def test_the_registry_names_each_kind_as_its_kind_does() -> None:
    """The noun and plural written in each row of the registry (the command line's names,
    read without defining the kinds) are the kind's own ``KIND.noun`` and ``KIND.plural``."""
    from caspian import model

    rows = [(noun, plural) for _, _, noun, plural in model._KINDS]
    assert rows == [(k.KIND.noun, k.KIND.plural) for k in KINDS]


def test_a_query_loads_only_the_kinds_it_needs() -> None:
    """summits() defines the meeting classes and not the treaties', states' or pipelines'."""
    import subprocess
    import sys

    code = (
        "import sys, caspian\n"
        "caspian.summits(after=2007)\n"
        "print(sorted(m for m in sys.modules if m.startswith('caspian.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(ast.literal_eval(out))
    assert {"caspian._meetings", "caspian._values", "caspian.dataset"} <= loaded
    assert not {"caspian._states", "caspian._treaties", "caspian._energy", "caspian._load"} & loaded
    assert "cattrs" not in out
