"""The copies of the public names that ``import caspian`` needs without importing the model.

Each public name of the model is listed by hand once: in the ``__all__`` of the module that
defines it (a kind's family, or ``_kind``, ``_record``, ``_values``: the modules of ``_KINDS``
and ``_SHARED`` in ``model.py``). Each other public name loaded on first use is listed by hand
once, in ``_LAZY_MODULES`` of ``__init__.py``. ``import caspian`` stays light, so it cannot read
those ``__all__`` when it runs, and type checkers need explicit imports: the copies are
generated, between ``# -- generated`` lines, in ``model.py`` (the type checkers' star imports
and ``_WHERE``) and in ``__init__.py`` (the ``TYPE_CHECKING`` imports and ``_MODEL_NAMES``).

``python -m caspian._listing`` rewrites them; ``python -m caspian._listing --check`` (and a
test) fails while they are stale.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
from pathlib import Path

from caspian import model

PACKAGE = Path(__file__).parent
_REGION = re.compile(
    r"(?P<begin>^# -- generated \(python -m caspian\._listing\): (?P<name>\w+) --\n)"
    r".*?"
    r"(?P<end>^# -- end of generated \(python -m caspian\._listing\): (?P=name) --\n)",
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


def rendered() -> dict[Path, str]:
    """The text of each file with generated regions, as it should be."""
    texts = {}
    init = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    bodies = regions(init)
    for path in (PACKAGE / "model.py", PACKAGE / "__init__.py"):
        text = init if path.name == "__init__.py" else path.read_text(encoding="utf-8")

        def body(match: re.Match[str]) -> str:
            return match["begin"] + bodies[match["name"]] + match["end"]

        texts[path] = _REGION.sub(body, text)
        found = {match["name"] for match in _REGION.finditer(text)}
        expected = {"model"} if path.name == "model.py" else {"type_checking", "model_names"}
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
