"""Check what a built wheel carries: the code, py.typed, every data file and schema, and
nothing else (no tests, no caches). Run by .ci/run: ``python tests/wheel_contents.py WHEEL``."""

from __future__ import annotations

import sys
import zipfile

from caspian.model import KINDS

DATA = [kind.KIND.file.removesuffix(".json") for kind in KINDS] + ["publishers"]
REQUIRED = {
    "caspian/__init__.py",
    "caspian/py.typed",
    *(f"caspian/data/{name}.json" for name in DATA),
    *(f"caspian/data/schema/{name}.schema.json" for name in DATA),
}


def problems(wheel: str) -> list[str]:
    """Everything wrong with the wheel's contents."""
    names = set(zipfile.ZipFile(wheel).namelist())
    found = [f"missing: {name}" for name in sorted(REQUIRED - names)]
    for name in sorted(names):
        top = name.split("/")[0]
        if top.endswith(".dist-info"):
            continue
        if top != "caspian":
            found.append(f"stray top-level entry: {name}")
        if "__pycache__" in name or name.endswith((".pyc", ".orig", ".rej")) or "/tests/" in name:
            found.append(f"stray file: {name}")
    licences = [n for n in names if ".dist-info/licenses/" in n]
    if not any(n.endswith("LICENSE-DATA") for n in licences):
        found.append("missing: the data licence in .dist-info/licenses/")
    return found


if __name__ == "__main__":
    wheel = sys.argv[1]
    issues = problems(wheel)
    for issue in issues:
        print(issue)
    print(f"wheel contents: {'FAILED' if issues else 'ok'} ({wheel})")
    raise SystemExit(1 if issues else 0)
