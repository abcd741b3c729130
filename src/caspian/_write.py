"""Writing files safely: the one place that writes to disk (for :func:`caspian.to_datapackage`).

The promises of ``docs/safety.md``, kept here:

- never through a link: a symbolic link among the files an export would write is refused, and
  files are written only into a new private folder, then renamed into place (a rename replaces a
  name, never what a link points to);
- never over files the user made: a file that an export would replace is replaced only when the
  folder holds a previous caspian export (its ``datapackage.json`` carries :data:`MARKER`), or
  when the caller says ``overwrite=True``; an empty path is refused;
- all or nothing: the new files are written beside the old ones first; if anything fails, the
  folder is left as it was.

Cells of text that a spreadsheet would run as a formula are escaped by :func:`escape_formula`.

>>> escape_formula("=HYPERLINK(\\"http://x\\")"), escape_formula("Baku"), escape_formula(-3)
('\\'=HYPERLINK("http://x")', 'Baku', -3)
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from caspian.errors import ExportError, InvalidQueryError

__all__ = [
    "MARKER",
    "check_target",
    "escape_formula",
    "is_previous_export",
    "previous_files",
    "write_files",
]

#: The property of ``datapackage.json`` that marks a folder as a previous caspian export.
MARKER = "caspian-export"

#: Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value: Any) -> Any:
    """A text cell that begins like a formula (``=`` ``+`` ``-`` ``@``, tab, carriage return),
    prefixed with a single quote so that spreadsheets show it as text; anything else as it is.

    >>> escape_formula("@SUM(A1)"), escape_formula("\\tx"), escape_formula("")
    ("'@SUM(A1)", "'\\tx", '')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(
    columns: list[str], rows: Iterable[Mapping[str, Any]], escape_formulas: bool = False
) -> str:
    """The CSV text of one table (a header, if there are columns, then a line a row; ``None``
    as an empty cell), its formula-like text cells escaped if asked.

    >>> print(csv_text(["id", "note"], [{"id": "a", "note": "=1+1"}], escape_formulas=True))
    id,note
    a,'=1+1
    <BLANKLINE>
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    if columns:
        writer.writeheader()
    for row in rows:
        cells = {k: ("" if v is None else v) for k, v in row.items()}
        if escape_formulas:
            cells = {k: escape_formula(v) for k, v in cells.items()}
        writer.writerow(cells)
    return buffer.getvalue()


def _is_link(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def is_previous_export(folder: Path) -> bool:
    """Whether ``folder`` holds a ``datapackage.json`` written by caspian (a regular file, not a
    link, with :data:`MARKER`)."""
    return previous_files(folder) is not None


_CSV_NAME = re.compile(r"[a-z0-9_]+\.csv")


def previous_files(folder: Path) -> list[str] | None:
    """The CSV files a previous caspian export in ``folder`` says it wrote (plain names only),
    or ``None`` if the folder holds no previous export."""
    path = folder / "datapackage.json"
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > 10_000_000:
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(path, flags)
        with os.fdopen(descriptor, "rb") as handle:
            package = json.loads(handle.read().decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    marker = package.get(MARKER) if isinstance(package, dict) else None
    if not isinstance(marker, dict):
        return None
    files = marker.get("files")
    names = files if isinstance(files, list) else []
    return [n for n in names if isinstance(n, str) and _CSV_NAME.fullmatch(n)]


def check_target(folder: str | os.PathLike[str]) -> Path:
    """The folder to write into, made if it does not exist.

    Raises:
        InvalidQueryError: ``folder`` is empty (an unset shell variable would be the current
            folder).
        FileExistsError: ``folder`` is a file.
        ExportError: the folder cannot be made.
    """
    if os.fspath(folder) in ("", b""):
        raise InvalidQueryError(
            "folder must not be empty (an unset variable?); use '.' for the current folder"
        )
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise
    except OSError as error:
        raise ExportError(f"cannot make {str(target)!r}: {_reason(error)}") from error
    return target


def write_files(
    folder: str | os.PathLike[str], files: Mapping[str, str], *, overwrite: bool = False
) -> Path:
    """Write ``files`` (name -> text, UTF-8) into ``folder``, all or nothing. Returns the folder.

    Raises:
        InvalidQueryError: ``folder`` is empty.
        FileExistsError: ``folder`` is a file.
        ExportError: a file to write is a symbolic link or a folder, or would replace a file
            that is not part of a previous caspian export (without ``overwrite``), or the disk
            refused.
    """
    target = check_target(folder)
    present = [name for name in files if os.path.lexists(target / name)]
    for name in present:
        if _is_link(target / name):
            raise ExportError(
                f"refusing to write {str(target / name)!r}: it is a symbolic link; "
                "caspian never writes through links (remove it first)"
            )
        if (target / name).is_dir():
            raise ExportError(
                f"refusing to write {str(target / name)!r}: it is a folder; caspian never "
                "replaces a folder (remove or rename it first)"
            )
    previous = previous_files(target)
    if present and not overwrite and previous is None:
        shown = ", ".join(repr(n) for n in present[:3])
        raise ExportError(
            f"refusing to replace {shown} in {str(target)!r}: the folder does not hold a "
            "previous caspian export; pass overwrite=True (caspian export --force) to replace them"
        )
    try:
        staging = Path(tempfile.mkdtemp(prefix=".caspian-export-", dir=target))
    except OSError as error:
        raise ExportError(f"cannot write into {str(target)!r}: {_reason(error)}") from error
    # Files of the previous export that this one does not write (a table an older version
    # wrote) go too, so that the folder holds the whole new package and nothing of the old.
    stale = [
        name for name in previous or () if name not in files and stat.S_ISREG(_mode(target / name))
    ]
    _swap(target, staging, files, stale)
    shutil.rmtree(staging, ignore_errors=True)
    return target


def _mode(path: Path) -> int:
    try:
        return os.lstat(path).st_mode
    except OSError:
        return 0


def _swap(target: Path, staging: Path, files: Mapping[str, str], stale: list[str]) -> None:
    """Write every file into ``staging``, then rename them into ``target``, the old ones (and
    the ``stale`` files of the previous export) into ``staging/old``; on any failure put
    everything back as it was."""
    new, old = staging / "new", staging / "old"
    try:
        new.mkdir()
        old.mkdir()
        for name, text in files.items():
            with open(new / name, "x", encoding="utf-8", newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
    except BaseException as error:  # a full disk, or Ctrl-C: nothing in target has changed
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):
            raise ExportError(f"cannot write into {str(target)!r}: {_reason(error)}") from error
        raise
    moved_away: list[str] = []
    moved_in: list[str] = []
    try:
        for name in [*files, *stale]:
            if os.path.lexists(target / name):
                os.rename(target / name, old / name)
                moved_away.append(name)
        for name in files:
            os.rename(new / name, target / name)
            moved_in.append(name)
    except BaseException as error:  # put everything back, Ctrl-C included
        try:
            for name in moved_in:
                os.rename(target / name, new / name)
            for name in moved_away:
                os.rename(old / name, target / name)
        except OSError as again:  # pragma: no cover - the disk refuses even the way back
            cause = _reason(error) if isinstance(error, OSError) else "interrupted"
            raise ExportError(
                f"cannot write into {str(target)!r}: {cause}; the old files could not all be "
                f"put back ({_reason(again)}): they are in {str(old)!r}"
            ) from error
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):
            raise ExportError(f"cannot write into {str(target)!r}: {_reason(error)}") from error
        raise


def _reason(error: OSError) -> str:
    where = f" ({os.path.basename(error.filename)!r})" if error.filename else ""
    return f"{error.strerror or error}{where}"
