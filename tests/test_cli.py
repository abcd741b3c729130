"""The command line: tables, JSON and CSV output, help, and one-line errors with exit status 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

import caspian
from caspian.cli import main


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_summits_table() -> None:
    """The default output is an aligned table with the kind's columns as its header."""
    status, out, _ = run("summits", "--after", "2007")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == list(caspian.Summit.KIND.columns)
    assert [line.split()[0] for line in lines[2:]] == [
        "caspian-summit-2010",
        "caspian-summit-2014",
        "caspian-summit-2018",
        "caspian-summit-2022",
    ]


def test_meetings_table() -> None:
    """caspian meetings lists every kind of meeting, with the meeting filters."""
    status, out, _ = run("meetings", "--after", "2007", "--host", "KZ")
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()[2:]] == [
        "cop3-2011-aktau",
        "fm-meeting-2016-astana",
        "fm-meeting-2018-aktau",
        "caspian-summit-2018",
    ]


def test_dates_take_a_year_or_a_day() -> None:
    """--after and --before take YYYY or YYYY-MM-DD."""
    status, out, _ = run("meetings", "--after", "2018-08-11", "--before", "2018-08-13")
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()[2:]] == ["caspian-summit-2018"]


def test_every_query_filter_has_an_option() -> None:
    """Each keyword of each query function is an option of its command, and nothing else is."""
    import argparse
    import inspect

    from caspian.cli import build_parser, queries

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, function in queries().items():
        options = {
            a.dest
            for a in commands.choices[name]._actions
            if a.option_strings and a.dest not in ("help", "format")
        }
        assert options == set(inspect.signature(function).parameters), name


def test_summit_lookup_of_a_ministers_meeting_points_to_meeting() -> None:
    """caspian summit 'Nur-Sultan, 2017' fails with the hint; caspian meeting finds it."""
    status, _, err = run("summit", "Nur-Sultan, 2017")
    assert status == 2
    assert "use caspian.meeting()" in err
    status, out, _ = run("meeting", "Nur-Sultan, 2017")
    assert (status, out.splitlines()[2].split()[0]) == (0, "fm-meeting-2017-moscow")


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
            "caspian summits: argument --after: expected a year like 2007 or a date like "
            "2007-10-16, got 'soon'",
        ),
        (("meetings", "--kind", "sumit"), "caspian: kind must be one of"),
        (("summits", "--kind", "summit"), "caspian summits: unrecognized arguments: --kind summit"),
        (("pipelines", "--bogus"), "caspian pipelines: unrecognized arguments: --bogus"),
        (("state", "Iran", "Persia"), "caspian state: unrecognized arguments: Persia"),
        (("states", "--format", "geojson"), "caspian states: --format geojson needs records"),
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


def test_help_and_version_return_and_write_to_out() -> None:
    """--help and --version write to the given stream and return 0, without SystemExit."""
    status, out, err = run("--help")
    assert (status, err) == (0, "")
    assert out.startswith("usage: caspian") and "examples:" in out
    status, out, _ = run("summits", "--help")
    assert status == 0 and "--after YEAR|DATE" in out
    status, out, _ = run("--version")
    expected = f"caspian {caspian.__version__} (data {caspian.__data_version__})\n"
    assert (status, out) == (0, expected)


def test_a_closed_pipe_ends_quietly() -> None:
    """When the reader goes away (``caspian agreements --format json | head -1``), the command
    ends without a traceback, with the exit status a SIGPIPE gives in a shell (141)."""
    import os

    read, write = os.pipe()
    os.close(read)  # the reader has gone before the first line is written
    proc = subprocess.run(
        [sys.executable, "-m", "caspian", "agreements", "--format", "json"],
        stdout=write,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write)
    assert (proc.returncode, proc.stderr) == (141, "")


def test_output_the_terminal_cannot_encode_is_escaped() -> None:
    """On an ASCII-only terminal, Cyrillic and Persian names are escaped, not a traceback."""
    import os

    proc = subprocess.run(
        [sys.executable, "-m", "caspian", "state", "RU", "--format", "json"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("ascii")
    assert "\\u0420" in text  # the Р of Российская Федерация
    assert b"Traceback" not in proc.stderr


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


def test_each_command_has_its_own_examples_and_they_run() -> None:
    """Every command's help lists examples taken from its function's docstring, and each one
    runs with status 0."""
    import shlex

    from caspian._options import examples
    from caspian.cli import lookups, queries

    for name, function in {**queries(), **lookups()}.items():
        shown = examples(name, function)
        assert shown, name
        status, out, _ = run(name, "--help")
        assert status == 0 and all(example in out for example in shown), name
        for example in shown:
            assert run(*shlex.split(example)[1:])[0] == 0, example


def test_the_docs_build_on_any_python_and_nox_refuses_missing_ones() -> None:
    """nox's docs session is not pinned to one Python, and a missing matrix Python fails."""
    from pathlib import Path

    noxfile = (Path(__file__).parent.parent / "noxfile.py").read_text(encoding="utf-8")
    assert "nox.options.error_on_missing_interpreters = True" in noxfile
    assert "@nox.session(python=None)\ndef docs(" in noxfile


def command_lines() -> list[list[str]]:
    """Every example of every command (from its docstring), as words after ``caspian``."""
    import shlex

    from caspian import _options, cli

    found = []
    for name, function in {**cli.queries(), **cli.lookups()}.items():
        found += [shlex.split(line)[1:] for line in _options.examples(name, function)]
    return found


@pytest.mark.parametrize("words", command_lines(), ids=" ".join)
def test_a_parser_of_one_command_reads_its_examples_as_the_whole_parser(words: list[str]) -> None:
    """The parser built for the command asked for (issue 21) reads each example exactly as the
    parser of every command does."""
    from caspian import cli

    assert cli._command_asked(words) == words[0]
    whole = cli.build_parser().parse_known_args(words)
    assert whole == cli.build_parser(only=words[0]).parse_known_args(words)


def test_examples_are_parsed_only_when_help_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Running a command reads no docstring examples; asking for its help does."""
    from caspian import _options

    asked: list[str] = []
    real = _options.examples
    monkeypatch.setattr(_options, "examples", lambda name, f: asked.append(name) or real(name, f))
    out = io.StringIO()
    assert main(["summits", "--after", "2017"], out=out) == 0
    assert asked == []
    assert main(["summits", "--help"], out=out) == 0
    assert "caspian summits --after 2007" in out.getvalue()
    assert "summits" in asked
    assert main(["summits", "--he"], out=io.StringIO()) == 0


#: Command lines the command line reads itself (without argparse), and ones it leaves to the
#: parser: abbreviations, ``=``, values argparse refuses or reads otherwise, positionals.
READ = [
    ["summits", "--after", "2007"],
    ["summits", "--after", "2007-10-16", "--format", "json"],
    ["summits", "--after", "2007", "--after", "2010", "--year", "2018"],
    ["summits", "--host", "KZ", "--status", "held", "--participant", "IR"],
    ["agreements", "--party", "RU", "--in-force"],
    ["agreements", "--in-force", "--no-in-force", "--format", "csv"],
    ["pipelines", "--through", "GE", "--format", "geojson"],
    ["meetings", "--kind", "ministerial", "--after", "2015"],
    ["states", "--littoral", "--as-of", "1828"],
    ["state", "iran"],
    ["state", "--format", "json", "iran"],
    ["summit", "Baku, 2010", "--format", "csv"],
]
LEFT = [
    ["summits", "--aft", "2007"],
    ["summits", "--after=2007"],
    ["summits", "--after", "20x7"],
    ["summits", "--year", "x"],
    ["summits", "--after"],
    ["summits", "--host", "-5"],
    ["summits", "--format", "xml"],
    ["summits", "--no-after", "2007"],
    ["summits", "in-force"],
    ["articles", "legal-status-convention", "--text", "pipeline"],
    ["state"],
    ["state", "iran", "extra"],
    ["state", "--", "iran"],
    ["events", "--after", "2018"],
    ["--version"],
    ["summits", "--help"],
]


@pytest.mark.parametrize("words", READ + LEFT + command_lines(), ids=" ".join)
def test_a_plain_command_line_is_read_as_the_parser_reads_it(words: list[str]) -> None:
    """The command lines read without building the parser (issue 21) give the arguments
    argparse gives; the others are left to it."""
    from caspian import cli

    asked = cli._command_asked(words)
    read = cli._read(words, asked)
    if words in READ:
        assert read is not None
    if words in LEFT:
        assert read is None
    if read is not None:
        parsed, extra = cli.build_parser(only=asked).parse_known_args(words)
        assert vars(read) == vars(parsed) and extra == []


def test_the_first_answer_builds_no_parser() -> None:
    """``caspian summits --after 2007`` imports nothing that ``caspian.summits(after=2007)``
    does not, but the command line itself: no argparse, no other kind (fresh interpreters)."""
    import subprocess
    import sys

    def imported(code: str) -> set[str]:
        code += "\nimport sys\nprint(' '.join(sys.modules))"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return set(done.stdout.splitlines()[-1].split())

    plain = imported("import caspian\ncaspian.summits(after=2007)")
    command = imported("from caspian.cli import main\nmain(['summits', '--after', '2007'])")
    # The version, which only the command line's --version reads at once, and the table cells
    # it prints (the library imports both on first use).
    assert command - plain == {"caspian.cli", "caspian._version", "caspian._cells"}


def test_the_time_queries_options_do_not_depend_on_what_was_imported() -> None:
    """``caspian events --help`` lists the event kinds in a fresh interpreter too (the
    vocabulary is found by the name its annotation uses, not among the classes defined so
    far)."""
    import subprocess
    import sys

    code = "from caspian.cli import main\nmain(['events', '--help'])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "signing, ratification, entry_into_force" in " ".join(done.stdout.split())
