"""The layers of the package, checked by import-linter's layers contract (configured in
pyproject.toml, ``[tool.importlinter]``), plus what import-linter cannot see: dynamic imports
(``importlib.import_module``) and imports of the public face (``caspian/__init__.py``).

The contract runs against the ``caspian`` that is imported: the source tree in a development
install, the installed wheel in the nox matrix (which copies pyproject.toml beside ``tests/``)."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest
from importlinter.api import read_configuration

import caspian

PACKAGE = Path(caspian.__file__).parent
HERE = Path(__file__).parent
PYPROJECT = HERE.parent / "pyproject.toml"
CONTRIBUTING = HERE.parent / "docs" / "contributing.md"

#: Modules that may import dynamically, each through a table of module names that the tests
#: below read and check against the layers: the lazy public names and the lazy registry of kinds
#: (which the generator of the listings of public names, _listing, imports too).
DYNAMIC = {
    "__init__": lambda: set(caspian._LAZY.values()),
    "model": lambda: model_targets(),
    "_listing": lambda: model_targets(),
}


def model_targets() -> set[str]:
    from caspian import model

    return {*model._WHERE.values(), *model._SHARED, *(row[0] for row in model._KINDS)}


def contract() -> dict[str, object]:
    """The layers contract as pyproject.toml configures it."""
    options = read_configuration(str(PYPROJECT))["contracts_options"]
    return next(c for c in options if c["id"] == "layers")


def floors() -> dict[str, int]:
    """Each module's floor (1 is the lowest); the public face shares the top floor."""
    layers = contract()["layers"]
    assert isinstance(layers, list)
    found = {
        module.strip(): len(layers) - i
        for i, layer in enumerate(layers)
        for module in re.split(r"[:|]", layer)
    }
    return {**found, "__init__": len(layers)}


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter's command line on the contracts of pyproject.toml, from `cwd` (which
    import-linter puts first on sys.path), on the caspian these tests import."""
    code = "import sys; from importlinter.cli import lint_imports_command; lint_imports_command()"
    # `cwd` first, then the folder of the caspian these tests import (the source tree, or the
    # installed wheel), whatever else is on the path.
    path = [str(cwd), str(PACKAGE.parent), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, path)), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", code, "--config", str(PYPROJECT), "--no-cache", "--no-logo"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def test_the_layers_contract_is_kept(tmp_path: Path) -> None:
    """No import, direct or through a chain, runs up the layers of docs/contributing.md, and
    every module of the package is on a layer (the contract is exhaustive)."""
    result = lint_imports(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_docs_list_the_layers_the_contract_checks() -> None:
    """The table in docs/contributing.md gives each module the floor the contract gives it."""
    documented: dict[str, int] = {}
    for line in CONTRIBUTING.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"\| (\d+) \| (.*?) \|", line):
            for module in re.findall(r"`([\w.]+)\.py`", match[2]):
                documented[module] = int(match[1])
    assert floors() == documented


def test_every_module_is_on_a_layer() -> None:
    """A new module must be given a layer in pyproject.toml (and the docs table)."""
    missing = {p.stem for p in PACKAGE.glob("*.py")} - set(floors())
    assert not missing, (
        f"modules with no layer: {sorted(missing)}; add each to a layer of "
        "[tool.importlinter] in pyproject.toml and to the table in docs/contributing.md"
    )


def test_only_the_top_floor_imports_the_public_face() -> None:
    """No module below the command line imports caspian/__init__.py, which import-linter's
    layers (inside the package) do not cover."""
    graph = grimp.build_graph("caspian", exclude_type_checking_imports=True, cache_dir=None)
    top = max(floors().values())
    importers = {
        m.removeprefix("caspian.") for m in graph.find_modules_that_directly_import("caspian")
    }
    assert {m for m in importers if floors().get(m, 0) < top} == set()


def dynamic_imports(path: Path) -> list[tuple[int, str | None]]:
    """The imports by name at run time in a file (``importlib.import_module``, ``__import__``):
    each call's line, with the module it names when that is a string in the call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name.split(".")[-1] in {"import_module", "__import__"}:
                first = node.args[0] if node.args else None
                named = first.value if isinstance(first, ast.Constant) else None
                found.append((node.lineno, named if isinstance(named, str) else None))
    return sorted(found, key=lambda call: call[0])


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.stem)
def test_dynamic_imports_only_where_the_layers_allow(path: Path) -> None:
    """import-linter does not see importlib.import_module: a module named in the call must be
    on the caller's floor or below, and only the modules of DYNAMIC import modules named
    elsewhere (in tables, which are checked against the floors)."""
    module = path.stem
    named = {target for _, target in dynamic_imports(path) if target is not None}
    if any(target is None for _, target in dynamic_imports(path)):
        assert module in DYNAMIC, f"{module} imports a module named outside the call"
        named |= DYNAMIC[module]()
    outside = {t for t in named if not t.startswith("caspian.")}
    upward = {
        target
        for target in named - outside
        if floors().get(target.removeprefix("caspian."), 99) > floors()[module]
    }
    assert upward == set(), f"{module} imports {sorted(upward)} by name, above its floor"


# -- each hole of the 0.2 check is caught -----------------------------------------------------


def package_with(tmp_path: Path, module: str, code: str) -> Path:
    """A copy of the package's modules under tmp_path, with `code` added to `module`."""
    shutil.copytree(PACKAGE, tmp_path / "caspian", ignore=shutil.ignore_patterns("data", "*.pyc"))
    target = tmp_path / "caspian" / f"{module}.py"
    with target.open("a", encoding="utf-8") as file:
        file.write(code)
    return tmp_path


HOLES = {
    "relative import": "\nfrom . import dataset\n",
    "relative import from": "\nfrom .dataset import Dataset\n",
    "TYPE_CHECKING else branch": (
        "\nfrom typing import TYPE_CHECKING as _TC\n"
        "if _TC:\n    pass\nelse:\n    import caspian.dataset\n"
    ),
    "import in a function": "\ndef _late():\n    from caspian import dataset\n",
}


@pytest.mark.parametrize("hole", HOLES)
def test_an_upward_import_is_caught(tmp_path: Path, hole: str) -> None:
    """model.py (floor 2) importing the dataset (floor 4) breaks the contract, however the
    import is written."""
    result = lint_imports(package_with(tmp_path, "model", HOLES[hole]))
    assert result.returncode == 1, result.stdout
    assert "caspian.model is not allowed to import caspian.dataset" in result.stdout


def test_type_checking_imports_are_allowed(tmp_path: Path) -> None:
    """An upward import only for type checkers (the `if TYPE_CHECKING:` body) is allowed."""
    code = "\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import caspian.dataset\n"
    result = lint_imports(package_with(tmp_path, "model", code))
    assert result.returncode == 0, result.stdout


def test_a_module_without_a_layer_is_caught(tmp_path: Path) -> None:
    """A new module that no layer lists breaks the (exhaustive) contract, by name."""
    root = package_with(tmp_path, "model", "")
    (root / "caspian" / "_new.py").write_text("X = 1\n", encoding="utf-8")
    result = lint_imports(root)
    assert result.returncode == 1, result.stdout
    assert "caspian._new" in result.stdout


def test_a_dynamic_import_is_caught(tmp_path: Path) -> None:
    """importlib.import_module, however it is imported, is found by the explicit check, with
    the module it names when the call spells it out."""
    path = tmp_path / "_values.py"
    path.write_text(
        "import importlib\nfrom importlib import import_module\n"
        "importlib.import_module('caspian.dataset')\nimport_module(NAME)\n"
        "__import__('caspian.dataset')\n",
        encoding="utf-8",
    )
    assert dynamic_imports(path) == [(3, "caspian.dataset"), (4, None), (5, "caspian.dataset")]
    with pytest.raises(AssertionError, match="named outside the call"):
        test_dynamic_imports_only_where_the_layers_allow(path)
    path.write_text("import importlib\nimportlib.import_module('caspian.dataset')\n")
    with pytest.raises(AssertionError, match=r"imports \['caspian.dataset'\] by name, above"):
        test_dynamic_imports_only_where_the_layers_allow(path)
    path.write_text("import importlib\nimportlib.import_module('caspian.errors')\n")
    test_dynamic_imports_only_where_the_layers_allow(path)
