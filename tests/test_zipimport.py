"""The package works when imported from a zip file (zipapps, frozen apps): data is read only
through importlib.resources."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import caspian


def test_query_from_a_zip(tmp_path: Path) -> None:
    """Zip the installed package, put only the zip on sys.path, and query it."""
    package = Path(caspian.__file__).parent
    archive = tmp_path / "caspian.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, Path("caspian") / path.relative_to(package))
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import caspian\n"
        "assert '.zip' in caspian.__file__, caspian.__file__\n"
        "print(caspian.summit('caspian-summit-2018').city.name, len(caspian.summits()))"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", code, str(archive)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
    assert f"Aktau {len(caspian.summits())}" == result.stdout.strip()
