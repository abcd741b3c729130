"""The command line keeps the contract of docs/guide/errors.md (issue 19, items 5 to 7): one
line and exit 2 when it cannot write, 141 when the reader goes away, 130 on Ctrl-C, and it works
without docstrings (``python -OO``)."""

from __future__ import annotations

import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caspian import cli
from caspian.cli import main

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell")


def shell(command: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m caspian`` inside a shell command line; ``{py}`` is the interpreter."""
    line = command.format(py=shlex.quote(sys.executable) + " -m caspian")
    return subprocess.run(
        ["sh", "-c", line],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


@POSIX
@pytest.mark.parametrize(
    ("command", "stream"),
    [
        ("{py} states >&-", "stderr"),  # closed stdout
        ("{py} states > /dev/full", "stderr"),  # a full disk
        ("{py} state Utopia 2>&-", "stdout"),  # closed stderr
        ("{py} state Utopia 2>/dev/full", "stdout"),
        ("{py} export /dev/full", "stderr"),  # a device, not a folder
    ],
)
def test_output_that_cannot_be_written_is_exit_2_without_a_traceback(
    command: str, stream: str
) -> None:
    """Closed or full streams and impossible exports end with exit 2, and no traceback."""
    done = shell(command)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "Exception ignored" not in done.stderr
    assert done.stderr.count("\n") <= 1


@POSIX
def test_a_full_disk_says_so_in_one_line() -> None:
    """> /dev/full: the one line names the reason."""
    done = shell("{py} states > /dev/full")
    assert done.stderr == "caspian: cannot write the output: No space left on device\n"


@POSIX
def test_export_onto_a_file_or_a_read_only_file(tmp_path: Path) -> None:
    """caspian export onto an existing (read-only) file: exit 2 and one line."""
    target = tmp_path / "taken"
    target.write_text("mine")
    target.chmod(0o444)
    done = shell(f"{{py}} export {shlex.quote(str(target))}")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert target.read_text() == "mine"


@POSIX
def test_a_folder_named_datapackage_json_is_exit_2(tmp_path: Path) -> None:
    """caspian export into a folder whose datapackage.json is a folder: exit 2, one line."""
    (tmp_path / "datapackage.json").mkdir()
    done = shell(f"{{py}} export {shlex.quote(str(tmp_path))}")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("argv", "env"),
    [
        (["-OO", "-m", "caspian", "summits", "--after", "2017"], {}),
        (["-m", "caspian", "summits", "--after", "2017"], {"PYTHONOPTIMIZE": "2"}),
        (["-OO", "-m", "caspian", "summit", "--help"], {}),
        (["-OO", "-m", "caspian", "state", "Iran", "--format", "json"], {}),
    ],
)
def test_the_command_line_works_without_docstrings(argv: list[str], env: dict[str, str]) -> None:
    """python -OO and PYTHONOPTIMIZE=2 strip docstrings; every command still works."""
    done = subprocess.run(
        [sys.executable, *argv],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout


def test_export_without_docstrings_describes_each_file(tmp_path: Path) -> None:
    """python -OO -m caspian export: each resource still has a real description."""
    done = subprocess.run(
        [sys.executable, "-OO", "-m", "caspian", "export", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    import json

    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert all(r["description"] != "Fields:" for r in package["resources"])


def test_the_help_summary_needs_no_docstring() -> None:
    """Without a docstring, a command's summary is made from its name."""

    def ratifications() -> None: ...

    from caspian._options import _summary

    assert _summary(ratifications) == "ratifications"


def test_ctrl_c_is_exit_130_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    """A KeyboardInterrupt while the command runs: status 130, nothing written."""

    def interrupted(*args: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_output", interrupted)
    out, err = io.StringIO(), io.StringIO()
    try:
        status = main(["summits"], out=out, err=err)
    except KeyboardInterrupt:
        pytest.fail("main let the KeyboardInterrupt through")
    assert status == 130
    assert "" == out.getvalue() == err.getvalue()


@POSIX
def test_ctrl_c_in_a_real_process_is_130() -> None:
    """SIGINT to a running `python -m caspian`: exit 130 and no traceback."""
    code = (
        "import os, signal, caspian.cli as c\n"
        "real = c._output\n"
        "def slow(*a):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(*a)\n"
        "c._output = slow\n"
        "raise SystemExit(c.main(['summits']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 130
    assert done.stderr == ""


def test_a_closed_stream_object_is_exit_2() -> None:
    """An out stream closed in the process is an unwritable output, not a ValueError."""
    out, err = io.StringIO(), io.StringIO()
    out.close()
    assert main(["summits"], out=out, err=err) == 2
    assert "cannot write the output" in err.getvalue()


words = st.one_of(
    st.sampled_from(
        [
            "summits",
            "summit",
            "state",
            "states",
            "export",
            "cite",
            "--after",
            "--format",
            "json",
            "csv",
            "--force",
            "--help",
            "--version",
            "Iran",
            "",
            "-",
            "--",
            "2007",
        ]
    ),
    st.text(max_size=12),
)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(st.lists(words, max_size=4))
def test_any_arguments_give_0_or_2_and_never_raise(argv: list[str]) -> None:
    """Any command line returns 0 or 2 and raises nothing (export is kept out of the way)."""
    if "export" in argv:
        argv = [w for w in argv if w != "export"]
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, out=out, err=err)
    assert status in (0, 2)
    if status == 2:
        assert err.getvalue().count("\n") <= 1 or "usage:" in err.getvalue()
