"""Type-checked, never run: the public API's inferred types (``mypy --strict`` in CI)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas
from typing_extensions import assert_type

import caspian
from caspian import (
    Agreement,
    Article,
    Dataset,
    Match,
    Meeting,
    Pipeline,
    Ratification,
    ReserveEstimate,
    State,
    Summit,
)

assert_type(caspian.summits(), tuple[Summit, ...])
assert_type(
    caspian.summits(after=2007, before=dt.date(2020, 1, 1), host="KZ", status="held"),
    tuple[Summit, ...],
)
assert_type(caspian.summit("caspian-summit-2018"), Summit)
assert_type(caspian.summits(after="2007"), tuple[Summit, ...])
assert_type(caspian.search("Aktau", kind="summit"), tuple[Match, ...])
assert_type(caspian.search("Aktau")[0].kind, str)
assert_type(caspian.agreement("legal-status-convention").missing_articles, tuple[int, ...])
assert_type(caspian.meetings(kind="ministerial", participant="IR"), tuple[Meeting, ...])
assert_type(caspian.meeting("Nur-Sultan, 2017"), Meeting)
assert_type(caspian.states(littoral=True, as_of=1828), tuple[State, ...])
assert_type(caspian.state("IR"), State)
assert_type(
    caspian.agreements(party="RU", in_force=True, topic=caspian.Topic.SECURITY),
    tuple[Agreement, ...],
)
assert_type(caspian.agreement("tehran-convention"), Agreement)
assert_type(caspian.articles("legal-status-convention", text="pipeline"), tuple[Article, ...])
assert_type(
    caspian.ratifications("legal-status-convention", status="pending"), tuple[Ratification, ...]
)
assert_type(caspian.pipelines(through="GE", commodity=caspian.Commodity.OIL), tuple[Pipeline, ...])
assert_type(caspian.pipeline("BTC"), Pipeline)
assert_type(caspian.reserves(commodity="gas"), tuple[ReserveEstimate, ...])

data = Dataset.packaged()
assert_type(data, Dataset)
assert_type(Dataset.from_directory("data", base=data), Dataset)
assert_type(data.summits(status=caspian.MeetingStatus.HELD), tuple[Summit, ...])
assert_type(data.meetings(kind=caspian.MeetingKind.SUMMIT), tuple[Meeting, ...])
assert_type(data.records(caspian.Pipeline), tuple[Pipeline, ...])
assert_type(data.records(Summit)[0].ordinal, int)
assert_type(data.state(caspian.state("IR")), State)

summit = caspian.summit("caspian-summit-2018")
assert_type(summit.start, dt.date | None)
assert_type(summit.city, caspian.Place)
assert_type(summit.host_state(), State | None)
assert_type(summit.signed_agreements(), tuple[Agreement, ...])
assert_type(summit.ordinal, int)
assert_type(summit.kind, caspian.MeetingKind)
assert_type(summit.year, int | None)

agreement = caspian.agreement("legal-status-convention")
assert_type(agreement.articles(), tuple[Article, ...])
assert_type(agreement.article(1), Article)
assert_type(agreement.party_states(), tuple[State, ...])
assert_type(agreement.signing_meeting(), Meeting | None)
assert_type(agreement.meeting, str | None)
assert_type(agreement.in_force_date, dt.date | None)
assert_type(agreement.ratifications(), tuple[Ratification, ...])
assert_type(agreement.ratified_by(), tuple[State, ...])
assert_type(agreement.status, caspian.AgreementStatus)

state = caspian.state("KZ")
assert_type(state.pipelines(), tuple[Pipeline, ...])
assert_type(state.meetings(), tuple[Meeting, ...])
assert_type(state.summits(), tuple[Summit, ...])
assert_type(state.ratifications(), tuple[Ratification, ...])
assert_type(state.dataset, Dataset)
assert_type(state.capital_on(dt.date(2020, 1, 1)), str | None)
assert_type(state.successor_state(), State | None)

gas = caspian.reserves()[0]
assert_type(gas.in_cubic_metres(), float)

assert_type(caspian.to_dict(summit), dict[str, Any])
assert_type(caspian.to_dict(caspian.summits()), list[dict[str, Any]])
assert_type(caspian.from_dict({}, State), State)
assert_type(caspian.to_json(summit), str)
assert_type(caspian.to_csv(caspian.summits()), str)
assert_type(caspian.to_geojson(caspian.pipelines()), dict[str, Any])
assert_type(caspian.cite("bibtex"), str)
assert_type(caspian.to_dataframe(caspian.agreements()), pandas.DataFrame)
assert_type(caspian.from_dict(caspian.to_dict(summit), Summit), Summit)
assert_type(data.articles("tehran-convention"), tuple[Article, ...])
assert_type(data.ratifications(state="iran"), tuple[Ratification, ...])
assert_type(data.reserves(category="proved_and_probable"), tuple[ReserveEstimate, ...])
assert_type(data.pipeline("TAPI"), Pipeline)
assert_type(data.agreement("tehran-convention"), Agreement)
assert_type(data.summit("caspian-summit-2018"), Summit)
assert_type(data.states(), tuple[State, ...])
assert_type(data.agreements(party="IR"), tuple[Agreement, ...])
assert_type(data.pipelines(status="proposed"), tuple[Pipeline, ...])
assert_type(caspian.__data_version__, str)
assert_type(caspian.__version__, str)

error = caspian.NotFoundError("x", "state")
assert_type(error.suggestions, tuple[str, ...])

# Time (0.3): status on a date, the chronology, the panels.
tehran = caspian.agreement("tehran-convention")
assert_type(tehran.in_force_on(2015), bool | None)
assert_type(tehran.in_force_on("2015-01-01"), bool | None)
assert_type(tehran.binds("KZ", on=dt.date(2015, 1, 1)), bool | None)
assert_type(caspian.agreements(in_force_on="2015-01-01", binding="KZ"), tuple[Agreement, ...])
assert_type(data.agreements(in_force_on=2015, binding=caspian.state("KZ")), tuple[Agreement, ...])
assert_type(caspian.events(after=2017, state="KZ", kind="signing"), tuple[caspian.Event, ...])
assert_type(data.events(kind=caspian.EventKind.MEETING), tuple[caspian.Event, ...])
assert_type(caspian.events()[0].date, dt.date | None)
assert_type(caspian.events()[0].precision, caspian.Precision)
assert_type(caspian.events()[0].linked_record(), caspian.Record)
assert_type(caspian.panel("state-year", start=1991, end=2025), tuple[caspian.StateYear, ...])
assert_type(caspian.panel("dyad-year", states=["KZ", "IR"]), tuple[caspian.DyadYear, ...])
assert_type(data.panel("state-year", states="KZ")[0].cow_code, int | None)
assert_type(data.panel("dyad-year")[0].agreements_undecided, int)
assert_type(caspian.to_dataframe(caspian.panel("state-year")), pandas.DataFrame)
