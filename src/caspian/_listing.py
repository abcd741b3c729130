"""The copies of the public names that ``import caspian`` needs without importing the model.

Each public name of the model is listed by hand once: in the ``__all__`` of the module that
defines it (a kind's family, or ``_kind``, ``_record``, ``_values``: the modules of ``_KINDS``
and ``_SHARED`` in ``model.py``). Each other public name loaded on first use is listed by hand
once, in ``_LAZY_MODULES`` of ``__init__.py``. ``import caspian`` stays light, so it cannot read
those ``__all__`` when it runs, and type checkers need explicit imports: the copies are
generated, between ``# -- generated`` lines, in ``model.py`` (the type checkers' star imports
and ``_WHERE``) and in ``__init__.py`` (the ``TYPE_CHECKING`` imports and ``_MODEL_NAMES``).

The typed wrappers of each kind are generated too: its query and lookup functions in
``__init__.py`` (``caspian.summits()``, ``caspian.summit()``) and methods on ``Dataset`` in
``dataset.py``, with the classes their signatures name, from what the kind declares: its
``KIND.filters`` and ``KIND.keys``, and the docs in ``DOCS`` of its module (a line ``Args:``
there stands for the filters' meanings).

``python -m caspian._listing`` rewrites them; ``python -m caspian._listing --check`` (and a
test) fails while they are stale.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

from caspian import _filters, model

PACKAGE = Path(__file__).parent
_REGION = re.compile(
    r"(?P<begin>^ *# -- generated \(python -m caspian\._listing\): (?P<name>\w+) --\n)"
    r".*?"
    r"(?P<end>^ *# -- end of generated \(python -m caspian\._listing\): (?P=name) --\n)",
    re.DOTALL | re.MULTILINE,
)


def model_names() -> dict[str, tuple[str, ...]]:
    """Each module of the model and the names of its ``__all__``, in the order of ``_SHARED``
    then ``_KINDS``."""
    modules = dict.fromkeys((*model._SHARED, *(row[0] for row in model._KINDS)))
    return {m: tuple(sorted(importlib.import_module(m).__all__)) for m in modules}


def _order(name: str) -> tuple[int, str]:
    """isort's order within one module: constants, classes, then functions."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def _lazy_modules(source: str) -> dict[str, tuple[str, ...]]:
    """The hand-kept ``_LAZY_MODULES`` of ``__init__.py``, read from its source."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and ast.unparse(node.target) == "_LAZY_MODULES":
            assert node.value is not None
            value: dict[str, tuple[str, ...]] = ast.literal_eval(node.value)
            return value
    raise LookupError("__init__.py has no _LAZY_MODULES")


def _tuple(prefix: str, names: list[str] | tuple[str, ...], suffix: str, indent: str = "") -> str:
    """A tuple of strings as ruff formats it: on one line where it fits, else one a line."""
    quoted = [f'"{name}"' for name in names]
    line = f"{indent}{prefix}({', '.join(quoted)}{',' if len(quoted) == 1 else ''}){suffix}"
    if len(line) <= 100:
        return line + "\n"
    inner = "".join(f"{indent}    {name},\n" for name in quoted)
    return f"{indent}{prefix}(\n{inner}{indent}){suffix}\n"


def regions(init_source: str) -> dict[str, str]:
    """The body of each generated region, by its name."""
    by_module = model_names()
    names = sorted(name for found in by_module.values() for name in found)
    record = "    from caspian._record import Record  # used below\n"
    stars = "".join(
        f"    from {m} import *  # noqa: F403\n" + (record if m == "caspian._record" else "")
        for m in sorted(by_module)
    )
    where = "".join(_tuple(f'"{m}": ', found, ",", "    ") for m, found in by_module.items())
    imports = sorted(
        (module, _order(name))
        for module, found in (*_lazy_modules(init_source).items(), ("caspian.model", names))
        for name in found
    )
    return {
        "model": (
            "if TYPE_CHECKING:\n"
            "    # The names of each module of the model, listed once in its __all__.\n"
            f"{stars}\n"
            "    #: Every record kind, in the order their files are loaded.\n"
            "    KINDS: tuple[type[Record], ...]\n\n"
            "#: The names of each module of the model (its ``__all__``).\n"
            f"_NAMES: dict[str, tuple[str, ...]] = {{\n{where}}}\n"
        ),
        "type_checking": (
            "if TYPE_CHECKING:\n"
            + "".join(f"    from {m} import {n} as {n}\n" for m, (_, n) in imports)
        ),
        "model_names": _tuple("_MODEL_NAMES = ", names, ""),
    }


# -- the typed wrappers: caspian.<plural>(...), caspian.<noun>(key) and the Dataset methods --

_Item = str | list[str]


def _flat(item: _Item) -> str:
    if isinstance(item, str):
        return item
    return f"({', '.join(item)}{',' if len(item) == 1 else ''})"


def _call(head: str, items: list[_Item], tail: str, indent: str) -> str:
    """``head(items)tail`` as ruff formats it: on one line where it fits, else the items on one
    line of their own, else one a line (a tuple among them split the same way)."""
    flat = ", ".join(_flat(item) for item in items)
    if len(f"{indent}{head}({flat}){tail}") <= 100:
        return f"{indent}{head}({flat}){tail}\n"
    inner = indent + "    "
    if len(inner + flat) <= 100:
        return f"{indent}{head}(\n{inner}{flat}\n{indent}){tail}\n"
    lines = "".join(
        f"{inner}{_flat(item)},\n"
        if isinstance(item, str) or len(inner + _flat(item)) + 1 <= 100
        else _call("", list(item), ",", inner)
        for item in items
    )
    return f"{indent}{head}(\n{lines}{indent}){tail}\n"


def _docstring(doc: str, kind: Any, indent: str) -> str:
    """A declared doc as the wrapper's docstring: its ``Args:`` line made from the filters."""
    lines = []
    for line in inspect.cleandoc(doc).split("\n"):
        if line != "Args:":
            lines.append(f"{indent}{line}" if line else "")
            continue
        lines.append(f"{indent}Args:")
        for one in kind.KIND.filters:
            lines += textwrap.wrap(
                f"{one.name}: {_filters.meaning(kind, one)}",
                width=100,
                initial_indent=indent + "    ",
                subsequent_indent=indent + "        ",
                break_long_words=False,
                break_on_hyphens=False,
            )
    if len(lines) == 1:
        return '"""' + lines[0][len(indent) :] + '"""\n'
    return '"""' + "\n".join(lines)[len(indent) :] + f"\n{indent}" + '"""\n'


def _docs(kind: Any) -> dict[str, str]:
    """The declared docs of a kind's wrappers: ``DOCS`` of the kind's module."""
    docs: dict[str, str] = getattr(sys.modules[kind.__module__], "DOCS", {})
    return docs


def _doc(kind: Any, name: str, indent: str) -> str:
    doc = _docs(kind).get(name)
    if doc is None:
        raise LookupError(
            f"{kind.__module__} should declare the docs of {name} in its DOCS (see CONTRIBUTING)"
        )
    return indent + _docstring(doc, kind, indent)


def _parameters(kind: Any) -> list[_Item]:
    filters = kind.KIND.filters
    first = [f for f in filters[:1] if f.positional]
    items: list[_Item] = [f"{f.name}: {_filters.annotation(kind, f)} = None" for f in first]
    items.append("*")
    items += [f"{f.name}: {_filters.annotation(kind, f)} = None" for f in filters[len(first) :]]
    return items


def _functions(kind: Any) -> list[str]:
    """The module-level query and lookup functions of one kind, for ``__init__.py``."""
    name, plural, noun = kind.__name__, kind.KIND.plural, kind.KIND.noun
    out = []
    if kind.KIND.filters:
        names: list[str] = [f.name for f in kind.KIND.filters]
        out.append(
            _call(f"def {plural}", _parameters(kind), f" -> tuple[{name}, ...]:", "")
            + _doc(kind, plural, "    ")
            + _call("return _answer", ["_dataset or _data()", f"_model.{name}", names], "", "    ")
        )
    if kind.KIND.keys:
        out.append(
            f"def {noun}(key: str | {name}) -> {name}:\n"
            + _doc(kind, noun, "    ")
            + "    data = _dataset or _data()\n"
            f"    index = data._indexes.get(_model.{name})"
            "  # an id or a key as written: one dict\n"
            "    found = index.exact.get(key) if index is not None and key.__class__ is str"
            " else None\n"
            f"    return found if found is not None else data.{noun}(key)"
            "  # type: ignore[return-value]\n"
        )
    return out


def _methods(kind: Any) -> list[str]:
    """The query and lookup methods of one kind, for ``Dataset`` in ``dataset.py``."""
    name, plural, noun = kind.__name__, kind.KIND.plural, kind.KIND.noun
    out = []
    if kind.KIND.filters:
        names: list[str] = [f.name for f in kind.KIND.filters]
        parameters: list[_Item] = ["self", *_parameters(kind)]
        out.append(
            _call(f"def {plural}", parameters, f" -> tuple[{name}, ...]:", "    ")
            + _doc(kind, f"Dataset.{plural}", "        ")
            + _call("return _query.answer", ["self", f"model.{name}", names], "", "        ")
        )
    if kind.KIND.keys:
        out.append(
            f"    def {noun}(self, key: str | {name}) -> {name}:\n"
            + _doc(kind, f"Dataset.{noun}", "        ")
            + f"        index = self._indexes.get(model.{name})"
            "  # an id or a key as written: one dict\n"
            "        found = index.exact.get(key) if index is not None and key.__class__ is str"
            " else None\n"
            f"        return found if found is not None else self._get(model.{name}, key)"
            "  # type: ignore[return-value]\n"
        )
    return out


def _wrapper_types() -> list[str]:
    """The names of the model that the ``Dataset`` methods' signatures use."""
    names = set()
    for kind in model.KINDS:
        if kind.KIND.filters or kind.KIND.keys:
            names.add(kind.__name__)
        for one in kind.KIND.filters:
            names.update(re.findall(r"\b[A-Z]\w*", _filters.annotation(kind, one)))
    return sorted(names - {"YearOrDate", "None"})


def wrappers() -> dict[str, str]:
    """The bodies of the generated regions of the typed wrappers, by name."""
    kinds = model.KINDS
    types = "".join(f"        {name},\n" for name in _wrapper_types())
    return {
        "functions": "\n\n".join(f for kind in kinds for f in _functions(kind)) + "\n\n",
        "methods": "\n".join(m for kind in kinds for m in _methods(kind)) + "\n",
        "dataset_types": f"if TYPE_CHECKING:\n    from caspian.model import (\n{types}    )\n",
    }


_EXPECTED = {
    "model.py": {"model"},
    "__init__.py": {"type_checking", "model_names", "functions"},
    "dataset.py": {"dataset_types", "methods"},
}


def rendered() -> dict[Path, str]:
    """The text of each file with generated regions, as it should be."""
    texts = {}
    init = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    bodies = regions(init) | wrappers()
    for path in (PACKAGE / "model.py", PACKAGE / "__init__.py", PACKAGE / "dataset.py"):
        text = init if path.name == "__init__.py" else path.read_text(encoding="utf-8")

        def body(match: re.Match[str]) -> str:
            return match["begin"] + bodies[match["name"]] + match["end"]

        texts[path] = _REGION.sub(body, text)
        found = {match["name"] for match in _REGION.finditer(text)}
        expected = _EXPECTED[path.name]
        if found != expected:
            raise LookupError(f"{path.name} should have the generated regions {sorted(expected)}")
    return texts


def stale() -> list[Path]:
    """The files whose generated regions differ from what :func:`rendered` makes."""
    return [path for path, text in rendered().items() if path.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        for path in stale():
            print(f"{path.name} is stale: run python -m caspian._listing", file=sys.stderr)
        return 1 if stale() else 0
    for path, text in rendered().items():
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.name}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
