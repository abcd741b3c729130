"""The command line and the API agree: help on every option, closed sets listed, the same
date forms taken by both, usage without a command, errors that name the subcommand, GeoJSON
only for kinds with places, and the version of the library and the data."""

from __future__ import annotations

import argparse
import datetime as dt
import io

import pytest

import caspian
from caspian.cli import build_parser, main
from caspian.model import KINDS


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_option_has_help_without_markup() -> None:
    """Every option and argument of every subcommand has help text, free of reST markup."""
    for name, command in _subcommands().items():
        for action in command._actions:
            assert action.help, (name, action.dest)
            assert "`" not in action.help and ":class:" not in action.help, (name, action.help)
        assert "`" not in (command.description or "")


@pytest.mark.parametrize(
    ("command", "option", "vocabulary"),
    [
        ("meetings", "--status", caspian.MeetingStatus),
        ("meetings", "--kind", caspian.MeetingKind),
        ("agreements", "--kind", caspian.AgreementKind),
        ("agreements", "--topic", caspian.Topic),
        ("pipelines", "--commodity", caspian.Commodity),
        ("pipelines", "--status", caspian.PipelineStatus),
        ("reserves", "--category", caspian.ReserveCategory),
        ("ratifications", "--status", caspian.RatificationStatus),
    ],
)
def test_closed_sets_are_listed_in_help(command: str, option: str, vocabulary: type) -> None:
    """An option with a closed set of values lists every value in its help."""
    parser = _subcommands()[command]
    action = next(a for a in parser._actions if option in a.option_strings)
    assert all(member.value in action.help for member in vocabulary)  # type: ignore[attr-defined, operator]


def test_help_lists_the_values_on_the_command_line() -> None:
    """caspian pipelines --help shows the commodities."""
    status, out, _ = run("pipelines", "--help")
    assert status == 0
    assert "one of: oil, gas" in " ".join(out.split())


@pytest.mark.parametrize(
    ("text", "value"),
    [("2007", 2007), ("2014-09-29", dt.date(2014, 9, 29))],
)
def test_the_api_takes_the_dates_the_command_line_takes(text: str, value: object) -> None:
    """summits(after="2007") and ISO date strings work as in caspian summits --after."""
    assert caspian.summits(after=text) == caspian.summits(after=value)  # type: ignore[arg-type]
    assert caspian.meetings(before=text) == caspian.meetings(before=value)  # type: ignore[arg-type]
    status, out, _ = run("summits", "--after", text, "--format", "json")
    assert status == 0
    assert [s["id"] for s in __import__("json").loads(out)] == [
        s.id for s in caspian.summits(after=text)
    ]
    assert caspian.states(as_of="1828") == caspian.states(as_of=1828)
    assert caspian.summits(year="2018") == caspian.summits(year=2018)  # type: ignore[arg-type]


def test_both_reject_the_same_text() -> None:
    """Text that is no year or date is refused by both, with the same words."""
    with pytest.raises(caspian.InvalidQueryError) as info:
        caspian.summits(after="soon")
    status, _, err = run("summits", "--after", "soon")
    assert status == 2
    assert "a year like 2007 or a date like 2007-10-16, got 'soon'" in str(info.value)
    assert "a year like 2007 or a date like 2007-10-16, got 'soon'" in err


def test_no_command_prints_usage_and_exits_2() -> None:
    """caspian alone prints its usage on stderr and exits with 2."""
    status, out, err = run()
    assert (status, out) == (2, "")
    assert err.startswith("usage: caspian")
    assert "a command is required" in err


def test_extra_arguments_name_the_subcommand() -> None:
    """caspian state Iran Persia names the subcommand in its error."""
    status, _, err = run("state", "Iran", "Persia")
    assert status == 2
    assert err == "caspian state: unrecognized arguments: Persia\n"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.KIND.plural)
def test_geojson_only_for_kinds_with_places(kind: type[caspian.Record]) -> None:
    """--format geojson works for the kinds with places and exits 2 with a clear message for
    the others; to_geojson raises the same."""
    from caspian.export import has_places

    status, out, err = run(kind.KIND.plural, "--format", "geojson")
    records = caspian.Dataset.packaged().records(kind)
    if has_places(kind):
        assert status == 0 and '"FeatureCollection"' in out
        caspian.to_geojson(records)
    else:
        assert status == 2
        assert err.startswith(f"caspian {kind.KIND.plural}: --format geojson needs records")
        with pytest.raises(caspian.ArgumentTypeError, match=f"{kind.KIND.plural} have none"):
            caspian.to_geojson(records)


def test_version_shows_library_and_data() -> None:
    """caspian --version shows the library version and the data version."""
    status, out, _ = run("--version")
    assert status == 0
    assert out == f"caspian {caspian.__version__} (data {caspian.__data_version__})\n"
