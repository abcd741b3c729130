"""The docs cannot drift from the data: counts, versions, data notes and the README commands."""

from __future__ import annotations

import re
from pathlib import Path

import caspian
from caspian.model import KINDS

ROOT = Path(__file__).parent.parent


def read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def test_changelog_data_section_matches_the_packaged_counts() -> None:
    """The newest Data entry of the changelog names the data version and the current counts."""
    changelog = read("CHANGELOG.md")
    section = changelog.split("### Data (", 1)[1].split("\n## ", 1)[0]
    assert section.startswith(caspian.__data_version__ + ")")
    data = caspian.Dataset.packaged()
    flat = " ".join(section.split())
    for kind in KINDS:
        count = len(data.records(kind))
        assert re.search(rf"\b{count} {kind.KIND.plural}\b", flat), (
            f"CHANGELOG.md's newest Data section should count {count} {kind.KIND.plural}"
        )


def test_data_notes_mention_every_record_with_alternatives() -> None:
    """Every record whose sources disagree (it has alternatives) is discussed in the data notes."""
    notes = read("docs/data-notes.md")
    data = caspian.Dataset.packaged()
    missing = [
        r.id
        for t in KINDS
        for r in data.records(t)
        if getattr(r, "alternatives", ()) and r.id not in notes
    ]
    assert missing == []


def test_data_notes_mention_only_real_ids() -> None:
    """Every backticked id-like name in the data notes that looks like a record id exists."""
    notes = read("docs/data-notes.md")
    data = caspian.Dataset.packaged()
    known = {r.id for t in KINDS for r in data.records(t)}
    candidates = set(re.findall(r"`([a-z0-9]+(?:--?[a-z0-9]+)+)`", notes))
    field_like = {"in-force"}
    assert (
        sorted(c for c in candidates - field_like if c not in known and re.search("[a-z]", c)) == []
    )


def test_readme_gives_the_two_commands() -> None:
    """The README's install-and-run and test commands are present as written in CI."""
    readme = read("README.md")
    assert "pip install . && .venv/bin/caspian summits --after 2007" in readme
    assert 'pip install -e ".[tests]" && .venv/bin/python -m pytest' in readme
    ci = read(".ci/run")
    assert 'python -m pip install -q -e ".[tests]" && python -m pytest' in ci


def test_citation_file_matches_the_package() -> None:
    """CITATION.cff names the library version and the data version of the package."""
    citation = read("CITATION.cff")
    from importlib.metadata import version

    assert f'version: "{version("caspian-diplomacy")}"' in citation
    assert caspian.__data_version__ in citation
