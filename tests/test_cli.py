"""The command line: tables, JSON and CSV output, help, and one-line errors with exit status 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from caspian.cli import main


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_summits_table() -> None:
    """The default output is an aligned table with a header."""
    status, out, _ = run("summits", "--after", "2007", "--host", "KZ")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["id", "start", "city", "host", "name"]
    assert [line.split()[0] for line in lines[2:]] == [
        "cop3-2011-aktau",
        "fm-meeting-2016-astana",
        "fm-meeting-2018-aktau",
        "caspian-summit-2018",
    ]


def test_agreements_in_force_json() -> None:
    """--format json prints records as a JSON array."""
    status, out, _ = run("agreements", "--party", "RU", "--in-force", "--format", "json")
    assert status == 0
    records = json.loads(out)
    assert records and all(r["status"] == "in_force" and "russia" in r["parties"] for r in records)


def test_state_json_is_an_object() -> None:
    """A single lookup prints one JSON object."""
    status, out, _ = run("state", "iran", "--format", "json")
    assert (status, json.loads(out)["id"]) == (0, "iran")


def test_pipelines_csv() -> None:
    """--format csv prints a header and one row per pipeline."""
    status, out, _ = run("pipelines", "--through", "GE", "--format", "csv")
    assert status == 0
    assert len(out.splitlines()) == 4


def test_articles_text_search() -> None:
    """articles --text finds articles by text."""
    status, out, _ = run("articles", "--agreement", "treaty-of-turkmenchay", "--text", "war")
    assert status == 0
    assert "treaty-of-turkmenchay" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("state", "Atlantis"), "caspian: no state matches 'Atlantis'"),
        (
            ("summits", "--after", "soon"),
            "caspian summits: argument --after: expected a year like 2007, got 'soon'",
        ),
        (("summits", "--kind", "sumit"), "caspian: kind must be one of"),
        (("pipelines", "--bogus"), "caspian: unrecognized arguments: --bogus"),
        (("nonsense",), "caspian: argument COMMAND: invalid choice: 'nonsense'"),
    ],
)
def test_bad_input_is_one_line_and_status_2(args: tuple[str, ...], message: str) -> None:
    """Bad arguments and unknown keys exit with 2 and one line on stderr, no traceback."""
    status, out, err = run(*args)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(message)


def test_help_has_examples() -> None:
    """--help lists examples."""
    with pytest.raises(SystemExit) as info:
        run("--help")
    assert info.value.code == 0


def test_module_and_console_script_run() -> None:
    """python -m caspian works as a program, and bad input gives status 2 without a traceback."""
    ok = subprocess.run(
        [sys.executable, "-m", "caspian", "summits", "--after", "2007"],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and "caspian-summit-2010" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "caspian", "pipeline", "BTX"], capture_output=True, text=True
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert "did you mean" in bad.stderr
