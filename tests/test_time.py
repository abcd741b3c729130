"""Time: status on a date, the chronology, and the panels (issue 22).

Hand-checked cells use facts that do not move as the data grows: the Aktau summit of 2018,
Iran and the 2018 Convention, the Tehran Convention's entry into force on 12 August 2006 for
the three states that had ratified it by then. Properties tie every answer to the fields it
is read from and every panel count to the public queries.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import caspian
from caspian import AgreementStatus as S
from caspian._dates import in_force_on, takes_effect
from caspian._time import operating
from strategies import day_arguments, days, query_values

SETTINGS = settings(
    max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
AGREEMENTS = caspian.agreements()
LITTORAL = [s.id for s in caspian.states(littoral=True)]
YEAR = st.integers(min_value=1990, max_value=2026)


def day_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=1)


# -- status on a date, by hand --------------------------------------------------------------


def test_tehran_convention_enters_into_force_on_12_august_2006() -> None:
    """The Tehran Convention is not in force the day before 12 August 2006, and is on it."""
    tehran = caspian.agreement("tehran-convention")
    assert (tehran.in_force_on("2006-08-11"), tehran.in_force_on("2006-08-12")) == (False, True)
    assert tehran.in_force_on(2005) is False
    assert tehran.in_force_on(dt.date(2020, 1, 1)) is True


@pytest.mark.parametrize("state", ["azerbaijan", "kazakhstan", "turkmenistan"])
def test_tehran_convention_binds_early_ratifiers_from_entry_into_force(state: str) -> None:
    """The three states that ratified before 12 August 2006 are bound from that day."""
    tehran = caspian.agreement("tehran-convention")
    ratified = caspian.ratifications(tehran, state=state)[0].date
    assert ratified is not None
    assert tehran.binds(state, on=day_before(ratified)) is False
    assert tehran.binds(state, on="2006-08-11") is False
    assert tehran.binds(state, on="2006-08-12") is True


def test_tehran_convention_binds_each_party_from_its_own_date() -> None:
    """Every party whose day of effect the data decides is bound from that day, not before."""
    tehran = caspian.agreement("tehran-convention")
    decided = 0
    for ratification in tehran.ratifications():
        effect = takes_effect(tehran, ratification)
        if effect is None:
            assert tehran.binds(ratification.state, on=2030) in (None, True)
            continue
        decided += 1
        assert tehran.binds(ratification.state, on=day_before(effect)) is False
        assert tehran.binds(ratification.state, on=effect) is True
    assert decided >= 3


def test_iran_signed_the_2018_convention_and_it_never_bound_iran() -> None:
    """Iran signed the Caspian Convention in 2018; on no day since did it bind Iran."""
    convention = caspian.agreement("legal-status-convention")
    assert convention in caspian.agreements(party="IR", year=2018)
    signings = caspian.events(kind="signing", state="IR", after=2017, before=2019)
    assert "legal-status-convention" in {e.record for e in signings}
    for year in range(2018, 2027):
        assert convention.binds("IR", on=year) is False
        assert convention not in caspian.agreements(binding="IR", in_force_on=year)


def test_a_bilateral_agreement_in_force_binds_both_parties() -> None:
    """The 1998 Russia–Kazakhstan seabed agreement binds both from its entry into force, and no
    one else."""
    seabed = caspian.agreement("ru-kz-seabed-agreement-1998")
    assert seabed.in_force_date == dt.date(2003, 5, 16)
    for state in ("RU", "KZ"):
        assert seabed.binds(state, on="2003-05-15") is False
        assert seabed.binds(state, on="2003-05-16") is True
    assert seabed.binds("IR", on=2010) is False


def test_an_agreement_without_ratification_records_binds_its_parties_when_in_force() -> None:
    """An old treaty with no ratification records binds its parties exactly when in force."""
    gulistan = caspian.agreement("treaty-of-gulistan")
    assert gulistan.ratifications() == ()
    for on in ("1813-10-23", "1813-10-24", 1850, 1950):
        assert gulistan.binds("qajar-persia", on=on) == gulistan.in_force_on(on)
    assert gulistan.in_force_on("1813-10-23") is False


def test_unknown_dates_are_undecided_never_false() -> None:
    """In force today but with no entry-into-force date: undecided after signing, left out of
    the in_force_on filter, and counted as undecided in the panel."""
    tehran = caspian.agreement("tehran-convention")
    vague = attrs.evolve(tehran, in_force_date=None)
    assert in_force_on(vague, dt.date(2003, 11, 3)) is False
    assert in_force_on(vague, dt.date(2010, 1, 1)) is None
    ratifications = tuple(
        attrs.evolve(r, in_force_date=dt.date(2006, 8, 12)) if r.state == "kazakhstan" else r
        for r in tehran.ratifications()
    )
    assert in_force_on(vague, dt.date(2006, 8, 11), ratifications) is None
    assert in_force_on(vague, dt.date(2006, 8, 12), ratifications) is True
    ended = attrs.evolve(tehran, status=S.TERMINATED, ended=None)
    assert in_force_on(ended, dt.date(2010, 1, 1)) is None
    assert (
        in_force_on(attrs.evolve(tehran, status=S.UNKNOWN, in_force_date=None), dt.date(2010, 1, 1))
        is None
    )


def test_a_pending_ratification_never_binds() -> None:
    """A state known not to have ratified is not bound, whatever the agreement's status."""
    for r in caspian.ratifications(status="pending"):
        assert r.parent_agreement().binds(r.state, on=2030) is False


def test_dates_may_be_a_year_a_date_or_an_iso_string() -> None:
    """A year means its last day; ISO strings and dates are read as days; anything else is
    refused with the documented errors."""
    tehran = caspian.agreement("tehran-convention")
    assert tehran.in_force_on(2006) is tehran.in_force_on("2006-12-31") is True
    assert tehran.in_force_on("2006") is True
    with pytest.raises(caspian.ArgumentTypeError):
        tehran.in_force_on(None)  # type: ignore[arg-type]
    with pytest.raises(caspian.InvalidQueryError):
        tehran.in_force_on("12 August 2006")
    with pytest.raises(caspian.NotFoundError):
        tehran.binds("Atlantis", on=2010)
    with pytest.raises(caspian.InvalidQueryError):
        caspian.agreements(in_force_on="2006-02-30")


# -- the chronology, by hand ----------------------------------------------------------------


def test_kazakhstan_hosted_the_aktau_summit_on_12_august_2018() -> None:
    """The chronology has the Aktau summit on its day, involving Kazakhstan, linked back."""
    found = caspian.events(kind="meeting", state="KZ", after="2018-08-11", before="2018-08-13")
    assert [e.record for e in found] == ["caspian-summit-2018"]
    event = found[0]
    assert (dt.date(2018, 8, 12), 2018, "day") == (event.date, event.year, event.precision.value)
    assert caspian.summit("caspian-summit-2018") == event.linked_record()


def test_year_events_are_kept_only_when_their_whole_year_is_in_range() -> None:
    """The Soviet Union ends in 1991 (a year): kept for after=1990, not for a day inside 1991."""
    ends = [e.record for e in caspian.events(kind="state_end", after=1990, before=1992)]
    assert "soviet-union" in ends
    inside = caspian.events(kind="state_end", after="1991-06-01", before=1992)
    assert "soviet-union" not in [e.record for e in inside]
    with pytest.raises(caspian.InvalidQueryError):
        caspian.events(after=2018, before=2019)
    with pytest.raises(caspian.InvalidQueryError):
        caspian.events(kind="coup")


# -- the panels, by hand ---------------------------------------------------------------------


def test_kazakhstan_2018_state_year() -> None:
    """Kazakhstan in 2018: its codes, the Aktau summit attended and hosted, and as many
    agreements signed as it was party to among those signed that year."""
    (row,) = caspian.panel("state-year", start=2018, end=2018, states=["Kazakhstan"])
    assert (
        row.state,
        row.year,
        row.iso_alpha3,
        row.cow_code,
        row.gw_code,
    ) == ("kazakhstan", 2018, "KAZ", 705, 705)
    assert (row.summits_attended, row.summits_hosted) == (1, 1)
    signed_2018 = {
        e.record for e in caspian.events(kind="signing", state="KZ", after=2017, before=2019)
    }
    assert {"legal-status-convention", "eia-protocol", "aktau-communique-2018"} <= signed_2018
    assert len(signed_2018) == row.agreements_signed


def test_state_year_rows_only_while_the_state_existed() -> None:
    """The Soviet Union has rows up to 1991, Russia from 1991 (both in 1991, sharing COW 365)."""
    rows = caspian.panel("state-year", start=1989, end=1993, states=["soviet-union", "RU"])
    assert [(r.state, r.year) for r in rows if r.state == "russia"] == [
        ("russia", 1991),
        ("russia", 1992),
        ("russia", 1993),
    ]
    assert [r.year for r in rows if r.state == "soviet-union"] == [1989, 1990, 1991]
    assert {365} == {r.cow_code for r in rows}


def test_panel_arguments_are_checked() -> None:
    """An unknown unit, a reversed range, a non-year and an unknown state are refused."""
    with pytest.raises(caspian.InvalidQueryError):
        caspian.panel("country-year")  # type: ignore[call-overload]
    with pytest.raises(caspian.InvalidQueryError):
        caspian.panel("state-year", start=2020, end=2010)
    with pytest.raises(caspian.ArgumentTypeError):
        caspian.panel("state-year", start="2010")  # type: ignore[arg-type]
    with pytest.raises(caspian.NotFoundError):
        caspian.panel("dyad-year", states=["KZ", "Atlantis"])


def test_panels_export_like_any_result() -> None:
    """Panels and events go to CSV and pandas with their columns, even when empty."""
    rows = caspian.panel("dyad-year", start=2018, end=2018, states=LITTORAL)
    assert len(rows) == 10
    header = caspian.to_csv(rows).splitlines()[0].split(",")
    assert header[:3] == ["state_a", "state_b", "year"]
    frame = caspian.to_dataframe(caspian.panel("state-year", start=2000, end=2001, states="IR"))
    assert [str(frame["cow_code"].dtype)] == ["Int64"]
    assert [c for c in caspian.to_csv(caspian.events(after=2999)).split(",") if c == "year"] == [
        "year"
    ]


# -- properties ------------------------------------------------------------------------------


@seed(20261202)
@SETTINGS
@given(st.sampled_from(AGREEMENTS), days)
def test_in_force_on_agrees_with_status_and_dates(
    agreement: caspian.Agreement, on: dt.date
) -> None:
    """True only within [in_force_date, ended) of an agreement in force or terminated; False
    only where a status or a date rules it out; None otherwise."""
    answer = agreement.in_force_on(on)
    start, ended, signed = agreement.in_force_date, agreement.ended, agreement.signed
    took_effect = [r.in_force_date for r in agreement.ratifications() if r.in_force_date]
    if answer is True:
        assert agreement.status in (S.IN_FORCE, S.TERMINATED)
        assert start is not None or took_effect
        assert (start or min(took_effect)) <= on and (ended is None or on < ended)
    elif answer is False:
        assert (
            agreement.status in (S.NON_BINDING, S.NOT_IN_FORCE)
            or (signed is not None and on < signed)
            or (start is not None and on < start)
            or (ended is not None and on >= ended)
        )
    else:
        assert agreement.status in (S.IN_FORCE, S.TERMINATED, S.UNKNOWN)
    if agreement.status is S.IN_FORCE and start is not None and start <= on and ended is None:
        assert answer is True


@seed(20261202)
@SETTINGS
@given(
    st.sampled_from(AGREEMENTS),
    st.sampled_from(caspian.Dataset.packaged().records(caspian.State)),
    day_arguments,
)
def test_binds_never_outruns_in_force(
    agreement: caspian.Agreement, state: caspian.State, on: Any
) -> None:
    """Binding needs being in force and being a party; not in force means not binding."""
    bound = agreement.binds(state, on=on)
    force = agreement.in_force_on(on)
    if bound is True:
        assert force is True and state.id in agreement.parties
    if force is False or state.id not in agreement.parties:
        assert bound is False


def test_events_are_ordered_and_link_to_existing_records() -> None:
    """Events come by year, then by day, and each links to a record and names real states."""
    events = caspian.events()
    keys = [(e.year, e.date is not None, e.date or dt.date.min) for e in events]
    assert keys == sorted(keys)
    states = {s.id for s in caspian.Dataset.packaged().records(caspian.State)}
    for event in events:
        assert event.record == event.linked_record().id
        assert set(event.states) <= states
        assert event.date is None or event.date.year == event.year
        assert (event.date is None) is (event.precision is caspian.Precision.YEAR)
        if event.agreement is not None:
            caspian.agreement(event.agreement)


@seed(20261202)
@SETTINGS
@given(st.sampled_from([*LITTORAL, "georgia", "soviet-union"]), YEAR)
def test_state_year_counts_equal_the_public_queries(state: str, year: int) -> None:
    """Each count of a state-year row is what the public queries return for that state and
    year, and undecided agreements are never counted as binding or not."""
    rows = caspian.panel("state-year", start=year, end=year, states=state)
    if not caspian.state(state).exists_in(year):
        assert rows == ()
        return
    (row,) = rows
    held = {"status": "held", "year": year}
    summits = caspian.summits(participant=state, **held)
    assert len(summits) == row.summits_attended
    assert len(caspian.summits(host=state, **held)) == row.summits_hosted
    others = [m for m in caspian.meetings(participant=state, **held) if m.kind.value != "summit"]
    assert len(others) == row.meetings_attended
    hosted = [m for m in caspian.meetings(host=state, **held) if m.kind.value != "summit"]
    assert len(hosted) == row.meetings_hosted
    own = {r.agreement: r.signed for r in caspian.ratifications(state=state) if r.signed}
    signed = [
        a
        for a in caspian.agreements(party=state)
        if (own.get(a.id) or a.signed or dt.date.min).year == year
    ]
    assert len(signed) == row.agreements_signed
    dated = [
        r
        for r in caspian.ratifications(state=state, status="ratified")
        if r.date and r.date.year == year
    ]
    assert len(dated) == row.ratifications
    assert len(caspian.agreements(binding=state, in_force_on=year)) == row.agreements_binding
    answers = [a.binds(state, on=year) for a in caspian.agreements(party=state)]
    assert answers.count(None) == row.agreements_undecided
    assert answers.count(True) == row.agreements_binding
    lines = [operating(p, year) for p in caspian.pipelines(through=state)]
    assert (lines.count(True), lines.count(None)) == (
        row.pipelines_operational,
        row.pipelines_undecided,
    )


@seed(20261202)
@SETTINGS
@given(st.sampled_from(LITTORAL), st.sampled_from(LITTORAL), YEAR)
def test_dyad_year_counts_equal_the_public_queries(a: str, b: str, year: int) -> None:
    """A dyad-year row counts what both states' public queries share for that year."""
    rows = caspian.panel("dyad-year", start=year, end=year, states=[a, b])
    if a == b or year < 1991:
        assert rows == ()
        return
    (row,) = rows
    assert (row.state_a, row.state_b) == tuple(sorted((a, b)))
    both = [
        m for m in caspian.meetings(participant=a, status="held", year=year) if b in m.participants
    ]
    assert len(both) == row.meetings_attended
    assert len([m for m in both if m.kind.value == "summit"]) == row.summits_attended
    binding = set(caspian.agreements(binding=a, in_force_on=year)) & set(
        caspian.agreements(binding=b, in_force_on=year)
    )
    assert len(binding) == row.agreements_binding
    shared = [x for x in caspian.agreements(party=a) if b in x.parties]
    pairs = [(x.binds(a, on=year), x.binds(b, on=year)) for x in shared]
    undecided = [p for p in pairs if False not in p and None in p]
    assert len(undecided) == row.agreements_undecided


# -- the command line ------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    from caspian.cli import main

    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_agreements_binding_a_state_on_a_day() -> None:
    """caspian agreements --binding KZ --in-force-on DATE lists what bound Kazakhstan then."""
    status, out, _ = run("agreements", "--binding", "KZ", "--in-force-on", "2006-12-31")
    expected = [a.id for a in caspian.agreements(binding="KZ", in_force_on="2006-12-31")]
    assert (status, [line.split()[0] for line in out.splitlines()[2:]]) == (0, expected)
    assert "tehran-convention" in expected


def test_agreements_binding_without_a_day_means_today() -> None:
    """binding= alone asks about today."""
    today = dt.date.today()
    assert caspian.agreements(binding="KZ") == caspian.agreements(binding="KZ", in_force_on=today)


def test_cli_events_as_csv_match_the_api() -> None:
    """caspian events --state KZ --after 2018 gives the events of the API, in order."""
    status, out, _ = run("events", "--state", "KZ", "--after", "2018", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = caspian.events(state="KZ", after=2018)
    assert (status, [r["record"] for r in rows]) == (0, [e.record for e in expected])
    assert {r["kind"] for r in rows} <= {k.value for k in caspian.EventKind}


def test_cli_panel_as_csv_has_every_column() -> None:
    """caspian panel state-year --start 1991 --end 2025 --format csv: one row per littoral
    state and year, every column of StateYear."""
    status, out, _ = run(
        "panel",
        "state-year",
        "--start",
        "1991",
        "--end",
        "2025",
        "--states",
        *LITTORAL,
        "--format",
        "csv",
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert list(rows[0]) == [f.name for f in attrs.fields(caspian.StateYear) if f.init]
    assert len(rows) == 5 * 35
    kz = next(r for r in rows if r["state"] == "kazakhstan" and r["year"] == "2018")
    assert (kz["summits_hosted"], kz["cow_code"]) == ("1", "705")


def test_cli_panel_errors_are_one_line() -> None:
    """A missing or unknown unit, and geojson for rows without places, end with status 2."""
    assert run("panel")[0] == 2
    status, _, err = run("panel", "country-year")
    assert (status, err.count("\n")) == (2, 1)
    assert run("events", "--format", "geojson")[0] == 2


# -- the docs define every column ------------------------------------------------------------


def guide_columns(start: str, end: str) -> list[str]:
    """The column names in the first cells of the table between two markers of the guide."""
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "guide" / "time.md").read_text(encoding="utf-8")
    section = text[text.index(start) : text.index(end)]
    names = []
    for line in section.splitlines():
        if line.startswith("| `"):
            first = line.split("|")[1]
            names += [part.strip(" `") for part in first.split(",")]
    return names


@pytest.mark.parametrize(
    ("cls", "start", "end"),
    [
        (caspian.Event, "## One chronology", "What makes an event"),
        (caspian.StateYear, "**State-year**", "**Dyad-year**"),
        (caspian.DyadYear, "**Dyad-year**", "### Joining"),
    ],
    ids=lambda v: getattr(v, "__name__", "")[:20],
)
def test_the_guide_defines_every_column(cls: type, start: str, end: str) -> None:
    """The guide's table for each row class names exactly its columns, each once."""
    documented = guide_columns(start, end)
    assert sorted(documented) == sorted(
        f.name for f in attrs.fields(cls) if f.init and f.alias != "_dataset"
    )


@seed(20261202)
@SETTINGS
@given(
    st.sampled_from(["events", "panel"]),
    st.dictionaries(
        st.sampled_from(["after", "before", "state", "kind", "start", "end", "states"]),
        query_values,
        max_size=3,
    ),
)
def test_random_time_queries_answer_or_raise_documented_errors(
    function: str, arguments: dict[str, Any]
) -> None:
    """Any mix of arguments gives rows or one of the documented errors."""
    query = getattr(caspian, function)
    args = ("state-year",) if function == "panel" else ()
    try:
        result = query(*args, **arguments)
    except (caspian.ArgumentTypeError, caspian.InvalidQueryError, caspian.NotFoundError):
        return
    except TypeError as error:
        assert "unexpected keyword argument" in str(error)
        return
    assert isinstance(result, tuple)
    assert all(isinstance(r, (caspian.Event, caspian.StateYear)) for r in result)
