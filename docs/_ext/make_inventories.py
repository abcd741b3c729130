"""Write the small intersphinx inventories in ``docs/_inventories/`` (run by hand; committed).

The documentation build has no internet, so intersphinx reads these local files instead of
fetching ``objects.inv`` from docs.python.org, www.attrs.org and pandas.pydata.org. Each entry is
a real target of those sites: its name, its role, and its page and anchor there. Add a line to
``TARGETS`` when the docs start linking to a new name, then run::

    python docs/_ext/make_inventories.py

``docs/conf.py`` checks at every build that the committed files hold exactly these entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

from sphinx.util.inventory import InventoryFile

HERE = Path(__file__).resolve().parent
OUTPUT = HERE.parent / "_inventories"

#: (name, role, page) per site. The anchor is the name itself, as Sphinx writes it, unless the
#: page gives one (modules are anchored at ``module-NAME``).
Target = tuple[str, str, str]

PYTHON: list[Target] = [
    # built-in types and constants
    ("bool", "class", "library/functions.html"),
    ("dict", "class", "library/stdtypes.html"),
    ("float", "class", "library/functions.html"),
    ("int", "class", "library/functions.html"),
    ("list", "class", "library/stdtypes.html"),
    ("object", "class", "library/functions.html"),
    ("str", "class", "library/stdtypes.html"),
    ("tuple", "class", "library/stdtypes.html"),
    ("type", "class", "library/functions.html"),
    ("None", "data", "library/constants.html"),
    ("True", "data", "library/constants.html"),
    ("False", "data", "library/constants.html"),
    ("Ellipsis", "data", "library/constants.html"),
    ("repr", "function", "library/functions.html"),
    # exceptions
    ("Exception", "exception", "library/exceptions.html"),
    ("FileNotFoundError", "exception", "library/exceptions.html"),
    ("ImportError", "exception", "library/exceptions.html"),
    ("KeyError", "exception", "library/exceptions.html"),
    ("LookupError", "exception", "library/exceptions.html"),
    ("TypeError", "exception", "library/exceptions.html"),
    ("ValueError", "exception", "library/exceptions.html"),
    # standard library
    ("argparse.ArgumentParser", "class", "library/argparse.html"),
    ("collections.abc.Callable", "class", "library/collections.abc.html"),
    ("collections.abc.Iterable", "class", "library/collections.abc.html"),
    ("collections.abc.Iterator", "class", "library/collections.abc.html"),
    ("collections.abc.Mapping", "class", "library/collections.abc.html"),
    ("collections.abc.Sequence", "class", "library/collections.abc.html"),
    (
        "concurrent.futures",
        "module",
        "library/concurrent.futures.html#module-concurrent.futures",
    ),
    ("datetime.date", "class", "library/datetime.html"),
    ("datetime.date.isoformat", "method", "library/datetime.html"),
    ("enum.Enum", "class", "library/enum.html"),
    (
        "importlib.resources",
        "module",
        "library/importlib.resources.html#module-importlib.resources",
    ),
    ("json.dumps", "function", "library/json.html"),
    (
        "multiprocessing",
        "module",
        "library/multiprocessing.html#module-multiprocessing",
    ),
    ("os.PathLike", "class", "library/os.html"),
    ("pathlib.Path", "class", "library/pathlib.html"),
    ("pickle", "module", "library/pickle.html#module-pickle"),
    ("sys.stdout", "data", "library/sys.html"),
    ("typing.Any", "data", "library/typing.html"),
    ("typing.TextIO", "class", "library/typing.html"),
    ("typing.get_type_hints", "function", "library/typing.html"),
]

ATTRS: list[Target] = [
    ("attrs.Attribute", "class", "api.html"),
    ("attrs.define", "function", "api.html"),
    ("attrs.evolve", "function", "api.html"),
    ("attrs.exceptions.FrozenError", "exception", "api.html"),
    ("attrs.exceptions.FrozenInstanceError", "exception", "api.html"),
    ("attrs.field", "function", "api.html"),
    ("attrs.fields", "function", "api.html"),
    ("attrs.frozen", "function", "api.html"),
    ("attrs.has", "function", "api.html"),
]

PANDAS: list[Target] = [
    ("pandas.Categorical", "class", "reference/api/pandas.Categorical.html"),
    ("pandas.DataFrame", "class", "reference/api/pandas.DataFrame.html"),
    ("pandas.to_datetime", "function", "reference/api/pandas.to_datetime.html"),
]

#: file name -> (project, version, targets). The URLs of the sites are in ``docs/conf.py``.
INVENTORIES: dict[str, tuple[str, str, list[Target]]] = {
    "python.inv": ("Python", "3", PYTHON),
    "attrs.inv": ("attrs", "stable", ATTRS),
    "pandas.inv": ("pandas", "stable", PANDAS),
}


class _Domain:
    """The one method of a Sphinx domain that ``InventoryFile.dump`` calls."""

    name = "py"

    def __init__(self, targets: list[Target]) -> None:
        self.targets = targets

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for name, role, page in self.targets:
            uri, _, anchor = page.partition("#")
            yield name, name, role, uri, anchor or name, 1


class _Domains(dict[str, _Domain]):
    def sorted(self) -> list[_Domain]:
        return [self[key] for key in sorted(self)]


def write(path: Path, project: str, version: str, targets: list[Target]) -> None:
    """Write one inventory with Sphinx's own writer."""
    env = SimpleNamespace(
        config=SimpleNamespace(project=project, version=version),
        domains=_Domains(py=_Domain(targets)),
    )
    builder = SimpleNamespace(get_target_uri=lambda page: page)
    InventoryFile.dump(path, env, builder)  # type: ignore[arg-type]


def expected(targets: list[Target]) -> set[tuple[str, str, str]]:
    """The (name, domain:role, page#anchor) entries an inventory of ``targets`` holds."""
    return {
        (name, f"py:{role}", page if "#" in page else f"{page}#{name}")
        for name, role, page in targets
    }


def read(path: Path) -> set[tuple[str, str, str]]:
    """The (name, domain:role, page#anchor) entries of an inventory file."""
    with path.open("rb") as stream:
        data = InventoryFile.load(stream, "", lambda base, uri: uri)
    return {
        (name, kind, _uri(item)) for kind, items in data.items() for name, item in items.items()
    }


def _uri(item: object) -> str:
    """An entry's URI: an attribute since Sphinx 8.2, the third item of a tuple before."""
    uri = getattr(item, "uri", None)
    return str(uri if uri is not None else item[2])  # type: ignore[index]


def main() -> None:
    """Write every inventory and check that Sphinx reads back what was meant."""
    OUTPUT.mkdir(exist_ok=True)
    for filename, (project, version, targets) in INVENTORIES.items():
        path = OUTPUT / filename
        write(path, project, version, targets)
        if read(path) != expected(targets):  # pragma: no cover - a Sphinx format change
            raise SystemExit(f"{path}: the written inventory does not read back")
        print(f"wrote {path.relative_to(HERE.parent.parent)} ({len(targets)} entries)")


if __name__ == "__main__":
    main()
