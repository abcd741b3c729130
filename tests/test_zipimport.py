"""The package works when imported from a zip file (zipapps, frozen apps): data is read only
through importlib.resources."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import caspian
from caspian._provenance import registry


def run_from_zip(tmp_path: Path, code: str) -> str:
    """Zip the installed package, run ``code`` with only the zip on ``sys.path``, and return what
    it printed (failing on anything written to standard error)."""
    package = Path(caspian.__file__).parent
    archive = tmp_path / "caspian.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, Path("caspian") / path.relative_to(package))
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1])\n" + code,
            str(archive),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
    return result.stdout.strip()


def test_query_from_a_zip(tmp_path: Path) -> None:
    """Zip the installed package, put only the zip on sys.path, and query it."""
    code = (
        "import caspian\n"
        "assert '.zip' in caspian.__file__, caspian.__file__\n"
        "print(caspian.summit('caspian-summit-2018').city.name, len(caspian.summits()))"
    )
    assert f"Aktau {len(caspian.summits())}" == run_from_zip(tmp_path, code)


def test_the_registry_is_read_from_a_zip(tmp_path: Path) -> None:
    """The publisher registry is read through the package's loader, so it is found inside a zip
    too."""
    code = (
        "from caspian._provenance import registry, __file__ as f\n"
        "assert '.zip' in f, f\n"
        "print(len(registry()))"
    )
    assert str(len(registry())) == run_from_zip(tmp_path, code)
