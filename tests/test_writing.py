"""The promises of docs/safety.md about writing files (issue 19, items 1 to 4): never through a
link, never over a user's files, all or nothing, and no formula reaches a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

import caspian
from caspian import ExportError, InvalidQueryError
from caspian._write import MARKER, escape_formula
from caspian.cli import main
from caspian.model import KINDS
from conftest import minimal_records, write_records


def exported(folder: Path) -> set[str]:
    """The names of the files an export wrote into ``folder``, as its marker lists them."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return {*package[MARKER]["files"], "datapackage.json"}


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry of ``folder``: a file's bytes, or what a link points to, or "<dir>"."""
    found: dict[str, bytes | str] = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink():
            found[entry.name] = "-> " + os.readlink(entry)
        elif entry.is_dir():
            found[entry.name] = "<dir>"
        else:
            found[entry.name] = entry.read_bytes()
    return found


# -- 1. never through a link --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["states.csv", "datapackage.json"])
@pytest.mark.parametrize("overwrite", [False, True])
def test_an_export_never_writes_through_a_symbolic_link(
    name: str, overwrite: bool, tmp_path: Path
) -> None:
    """A link among the files an export writes is refused; what it points to is untouched."""
    outside = tmp_path / "precious.txt"
    outside.write_text("mine")
    folder = tmp_path / "out"
    caspian.to_datapackage(folder.mkdir() or folder)
    (folder / name).unlink()
    (folder / name).symlink_to(outside)
    before = snapshot(folder)
    with pytest.raises(ExportError, match="symbolic link"):
        caspian.to_datapackage(folder, overwrite=overwrite)
    assert outside.read_text() == "mine"
    assert before == snapshot(folder)


def test_the_command_line_refuses_a_link_too(tmp_path: Path) -> None:
    """caspian export FOLDER with a link in it: one line, exit 2, the target untouched."""
    outside = tmp_path / "precious.txt"
    outside.write_text("mine")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "states.csv").symlink_to(outside)
    err = io.StringIO()
    assert main(["export", str(folder), "--force"], out=io.StringIO(), err=err) == 2
    assert "symbolic link" in err.getvalue() and err.getvalue().count("\n") == 1
    assert outside.read_text() == "mine"


# -- 2. never over a user's files ---------------------------------------------------------------


def test_an_export_refuses_to_replace_a_users_file(tmp_path: Path) -> None:
    """A folder with the user's own states.csv (no previous export) is refused, unless asked."""
    (tmp_path / "states.csv").write_text("my own work")
    (tmp_path / "notes.txt").write_text("keep")
    with pytest.raises(ExportError, match="not hold a previous caspian export"):
        caspian.to_datapackage(tmp_path)
    assert (tmp_path / "states.csv").read_text() == "my own work"
    assert {"states.csv", "notes.txt"} == {p.name for p in tmp_path.iterdir()}
    caspian.to_datapackage(tmp_path, overwrite=True)
    assert (tmp_path / "states.csv").read_text().startswith("id,")
    assert (tmp_path / "notes.txt").read_text() == "keep"


def test_a_previous_export_is_replaced_and_other_files_are_kept(tmp_path: Path) -> None:
    """Exporting twice into one folder works; files that are not the export's stay."""
    (tmp_path / "README.md").write_text("mine")
    caspian.to_datapackage(tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert MARKER in package
    caspian.to_datapackage(tmp_path)
    names = exported(tmp_path)
    assert {f"{kind.KIND.plural}.csv" for kind in KINDS} < names
    assert {*names, "README.md"} == {p.name for p in tmp_path.iterdir()}
    assert (tmp_path / "README.md").read_text() == "mine"


def test_tables_of_an_older_export_do_not_linger(tmp_path: Path) -> None:
    """A table the previous export listed and this one does not write is removed; a file the
    marker names outside the folder's plain CSV names is never touched."""
    caspian.to_datapackage(tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    package[MARKER]["files"] += ["old_table.csv", "../outside.csv", "notes.txt"]
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    for name in ("old_table.csv", "notes.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path.parent / "outside.csv").write_text("keep")
    caspian.to_datapackage(tmp_path)
    assert not (tmp_path / "old_table.csv").exists()
    assert (tmp_path / "notes.txt").read_text() == "x"
    assert (tmp_path.parent / "outside.csv").read_text() == "keep"
    assert exported(tmp_path) | {"notes.txt"} == {p.name for p in tmp_path.iterdir()}


def test_the_command_line_needs_force_for_a_users_file(tmp_path: Path) -> None:
    """caspian export refuses a user's file with one line and exit 2; --force replaces it."""
    (tmp_path / "states.csv").write_text("my own work")
    err = io.StringIO()
    assert main(["export", str(tmp_path)], out=io.StringIO(), err=err) == 2
    assert "--force" in err.getvalue() and err.getvalue().count("\n") == 1
    assert main(["export", str(tmp_path), "--force"], out=io.StringIO()) == 0
    assert (tmp_path / "states.csv").read_text().startswith("id,")


def test_an_empty_folder_name_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """export "" (an unset variable) never writes into the current directory."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InvalidQueryError, match="must not be empty"):
        caspian.to_datapackage("")
    err = io.StringIO()
    assert main(["export", ""], out=io.StringIO(), err=err) == 2
    assert "must not be empty" in err.getvalue()
    assert list(tmp_path.iterdir()) == []


# -- 3. all or nothing --------------------------------------------------------------------------


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_folder_named_like_a_file_leaves_the_old_export_whole(
    overwrite: bool, tmp_path: Path
) -> None:
    """A folder named datapackage.json: refused even with overwrite, nothing changes."""
    (tmp_path / "datapackage.json").mkdir()
    (tmp_path / "datapackage.json" / "inside.txt").write_text("mine")
    (tmp_path / "states.csv").write_text("old")
    before = snapshot(tmp_path)
    with pytest.raises(ExportError, match="it is a folder"):
        caspian.to_datapackage(tmp_path, overwrite=overwrite)
    assert before == snapshot(tmp_path)
    assert (tmp_path / "datapackage.json" / "inside.txt").read_text() == "mine"


def test_a_failure_midway_leaves_the_old_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If a rename fails after some files moved, every old file is put back, no new one stays."""
    caspian.to_datapackage(tmp_path)
    names = exported(tmp_path)
    (tmp_path / "states.csv").write_text("old states")
    before = snapshot(tmp_path)
    real = os.rename
    calls = []

    def failing(source: object, target: object) -> None:
        calls.append(target)
        if len(calls) == len(names) + 3:  # every old file moved away, three new ones in
            raise OSError(28, "No space left on device")
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", failing)
    with pytest.raises(ExportError, match="No space left"):
        caspian.to_datapackage(tmp_path)
    monkeypatch.setattr(os, "rename", real)
    assert before == snapshot(tmp_path)


def test_ctrl_c_midway_leaves_the_old_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A KeyboardInterrupt between two renames: every old file is put back, then it goes on."""
    caspian.to_datapackage(tmp_path)
    names = exported(tmp_path)
    before = snapshot(tmp_path)
    real = os.rename
    calls = []

    def interrupted(source: object, target: object) -> None:
        calls.append(target)
        if len(calls) == len(names) + 1:
            raise KeyboardInterrupt
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        caspian.to_datapackage(tmp_path)
    monkeypatch.setattr(os, "rename", real)
    assert before == snapshot(tmp_path)


def test_a_failed_write_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while writing the new files: the folder holds the old files only."""
    caspian.to_datapackage(tmp_path)
    before = snapshot(tmp_path)

    def full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="No space left"):
        caspian.to_datapackage(tmp_path)
    assert before == snapshot(tmp_path)


def test_a_folder_that_refuses_writing_is_an_export_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a read-only folder does for any user (root too): ExportError, exit 2 in the CLI."""
    import tempfile

    def refuse(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    with pytest.raises(ExportError, match="Permission denied"):
        caspian.to_datapackage(tmp_path)
    err = io.StringIO()
    assert main(["export", str(tmp_path)], out=io.StringIO(), err=err) == 2
    assert err.getvalue().startswith("caspian: cannot write into")
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_file_of_a_previous_export_is_replaced(tmp_path: Path) -> None:
    """A read-only states.csv of a previous export neither crashes nor survives half-way."""
    caspian.to_datapackage(tmp_path)
    (tmp_path / "states.csv").write_text("old")
    (tmp_path / "states.csv").chmod(0o444)
    caspian.to_datapackage(tmp_path)
    assert (tmp_path / "states.csv").read_text().startswith("id,")


# -- 4. spreadsheet formulas --------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_cells_are_escaped_in_the_data_package(start: str, tmp_path: Path) -> None:
    """A text cell of user data that begins like a formula gets a leading quote in the package."""
    records = minimal_records()
    records["states.json"][0]["capital"] = start + 'HYPERLINK("http://evil")'
    records["summits.json"][0]["city"]["coordinates"]["longitude"] = -50.5
    data = caspian.Dataset.from_directory(write_records(tmp_path / "in", records))
    folder = tmp_path / "out"
    folder.mkdir()
    caspian.to_datapackage(folder, data)
    rows = list(csv.DictReader((folder / "states.csv").open(encoding="utf-8", newline="")))
    capital = next(r["capital"] for r in rows if r["id"] == "alpha")
    assert "'" + start + 'HYPERLINK("http://evil")' == capital
    longitudes = list(csv.DictReader((folder / "summits.csv").open(encoding="utf-8")))
    assert longitudes[0]["city.coordinates.longitude"] == "-50.5"
    caspian.to_datapackage(folder, data, escape_formulas=False)
    rows = list(csv.DictReader((folder / "states.csv").open(encoding="utf-8", newline="")))
    assert start + "HYPERLINK" in next(r["capital"] for r in rows if r["id"] == "alpha")


def test_numbers_are_never_escaped() -> None:
    """Negative numbers stay numbers: only text is escaped."""
    assert escape_formula(-3.5) == -3.5
    assert escape_formula("-3.5") == "'-3.5"
    assert escape_formula("a=b") == "a=b"


def test_to_csv_escapes_formulas_when_asked(tmp_path: Path) -> None:
    """to_csv gives the exact text by default, and escaped cells with escape_formulas=True."""
    records = minimal_records()
    records["states.json"][0]["capital"] = "=1+1"
    data = caspian.Dataset.from_directory(write_records(tmp_path, records))
    states = data.records(caspian.State)
    assert ",=1+1," in caspian.to_csv(states)
    assert ",'=1+1," in caspian.to_csv(states, escape_formulas=True)
