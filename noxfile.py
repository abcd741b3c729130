"""Test matrix: every supported Python, each against the built wheel in a fresh environment.

Run ``nox`` (all sessions) or ``nox -s tests`` (the matrix only). The wheel is built once, and the
tests run from a copy of ``tests/`` outside the source tree, so that only the installed package
can be imported: the proof that the data ships in the wheel.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typing", "docs"]
nox.options.reuse_existing_virtualenvs = False
# A Python of the matrix that is missing is an error, not a silent "skipped".
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


def _wheel(session: nox.Session) -> str:
    """The wheel named by $CASPIAN_WHEEL, else the one in dist/ (built there if missing)."""
    if os.environ.get("CASPIAN_WHEEL"):
        return os.environ["CASPIAN_WHEEL"]
    wheels = sorted(glob.glob(str(ROOT / "dist" / "caspian_diplomacy-*.whl")))
    if not wheels:
        session.install("build")
        session.run("python", "-m", "build", "--wheel", "--outdir", str(ROOT / "dist"), str(ROOT))
        wheels = sorted(glob.glob(str(ROOT / "dist" / "caspian_diplomacy-*.whl")))
    return wheels[-1]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Install the wheel with the test extra and run the suite outside the source tree."""
    wheel = _wheel(session)
    session.install(f"{wheel}[tests]")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "tests", Path(tmp) / "tests")
        shutil.copy(ROOT / "README.md", Path(tmp) / "README.md")
        shutil.copytree(
            ROOT / "docs",
            Path(tmp) / "docs",
            ignore=shutil.ignore_patterns("_build", "_generated"),
        )
        shutil.copy(ROOT / "CHANGELOG.md", Path(tmp) / "CHANGELOG.md")
        session.chdir(tmp)
        shutil.copy(ROOT / "pyproject.toml", Path(tmp) / "pyproject.toml")
        shutil.copytree(ROOT / ".ci", Path(tmp) / ".ci")
        shutil.copy(ROOT / "CITATION.cff", Path(tmp) / "CITATION.cff")
        shutil.copy(ROOT / "noxfile.py", Path(tmp) / "noxfile.py")
        # Only the installed wheel is importable here: there is no src/ in this folder.
        session.run("python", "-m", "pytest", "tests", "README.md", "docs", *session.posargs)
        session.run("python", "-m", "pytest", "-q", "--pyargs", "caspian")


# The sessions below run on the Python that runs nox, whichever supported one that is.
@nox.session(python=None)
def lint(session: nox.Session) -> None:
    """ruff: lint and format check."""
    session.install("ruff")
    paths = [p for p in ("src", "tests", "benchmarks", "docs", "noxfile.py") if (ROOT / p).exists()]
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)


@nox.session(python=None)
def typing(session: nox.Session) -> None:
    """mypy --strict on the package and on the typing tests."""
    session.install("-e", ".[typing]")
    session.run("mypy", "--strict")


# The documentation build: nitpicky, warnings as errors. It reads no network (intersphinx uses the
# inventories in docs/_inventories/), so CI runs it.
SPHINX = ["python", "-m", "sphinx", "-W", "-n", "--keep-going"]


@nox.session(python=None)
def docs(session: nox.Session) -> None:
    """Build the HTML documentation (docs/_build/html) with every reference checked."""
    session.install(".[docs]")
    session.run(*SPHINX, "-b", "html", "docs", "docs/_build/html", *session.posargs)


@nox.session(python=None)
def linkcheck(session: nox.Session) -> None:
    """Check every external link in the docs (needs the internet: not a default session, not CI)."""
    session.install(".[docs]")
    session.run(*SPHINX, "-b", "linkcheck", "docs", "docs/_build/linkcheck", *session.posargs)
