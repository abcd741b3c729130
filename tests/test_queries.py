"""Queries and filters over the packaged data, checked against facts from the cited sources."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import caspian
from caspian import AgreementStatus, MeetingKind


def test_the_headline_call_answers_with_the_summits() -> None:
    """summits(after=2007) is exactly the four heads-of-state summits held since, in order."""
    expected = [
        ("caspian-summit-2010", "Baku"),
        ("caspian-summit-2014", "Astrakhan"),
        ("caspian-summit-2018", "Aktau"),
        ("caspian-summit-2022", "Ashgabat"),
    ]
    assert expected == [(s.id, s.city.name) for s in caspian.summits(after=2007)]
    assert all(type(s) is caspian.Summit for s in caspian.summits())


def test_meetings_hold_every_kind_and_the_summits_too() -> None:
    """meetings() holds ministers' meetings, conferences and the summits, in one order."""
    meetings = caspian.meetings()
    kinds = {m.kind for m in meetings}
    assert {MeetingKind.SUMMIT, MeetingKind.MINISTERIAL, MeetingKind.CONFERENCE} <= kinds
    assert set(caspian.summits()) == {m for m in meetings if isinstance(m, caspian.Summit)}
    assert [m for m in meetings if m.kind is MeetingKind.SUMMIT] == list(caspian.summits())
    assert caspian.meetings(kind="summit") == caspian.summits()


@pytest.mark.parametrize("query", [caspian.summits, caspian.meetings])
def test_meetings_are_chronological(query: Any) -> None:
    """summits() and meetings() are ordered by date, undated ones last."""
    records = query()
    dated = [s.when for s in records if s.when]
    assert sorted(dated) == dated
    first_undated = next(i for i, s in enumerate(records) if s.when is None)
    assert all(s.when is None for s in records[first_undated:])


def test_the_seed_wording_leads_to_the_ministers_meeting() -> None:
    """'Nur-Sultan, 2017' is the Moscow ministers' meeting; as a summit it is not found."""
    meeting = caspian.meeting("Nur-Sultan, 2017")
    assert (
        meeting.id,
        meeting.city.name,
        meeting.kind,
    ) == ("fm-meeting-2017-moscow", "Moscow", MeetingKind.MINISTERIAL)
    with pytest.raises(caspian.NotFoundError) as caught:
        caspian.summit("Nur-Sultan, 2017")
    message = str(caught.value)
    assert "ministerial meeting" in message
    assert "'fm-meeting-2017-moscow'" in message
    assert "caspian.meeting()" in message


def test_a_summit_is_found_as_a_meeting_too() -> None:
    """meeting() finds summits by every key that summit() accepts."""
    assert caspian.meeting("Aktau, 2018") is caspian.summit("Aktau, 2018")
    assert caspian.summit("caspian-summit-2018").ordinal == 5


def test_six_caspian_summits_and_a_planned_seventh() -> None:
    """The six heads-of-state summits have ordinals 1-6 and their cities; the 7th is planned."""
    summits = caspian.summits()
    expected = [
        (1, "Ashgabat", dt.date(2002, 4, 23)),
        (2, "Tehran", dt.date(2007, 10, 16)),
        (3, "Baku", dt.date(2010, 11, 18)),
        (4, "Astrakhan", dt.date(2014, 9, 29)),
        (5, "Aktau", dt.date(2018, 8, 12)),
        (6, "Ashgabat", dt.date(2022, 6, 29)),
    ]
    assert expected == [
        (s.ordinal, s.city.name, s.start) for s in summits if s.status.value == "held"
    ]
    planned = caspian.summits(status="planned")
    assert [s.id for s in planned] == ["caspian-summit-7"]
    assert planned[0].start is None


def test_after_is_exclusive_of_the_whole_year() -> None:
    """after=2007 leaves out meetings of 2007; before=2010 leaves out meetings of 2010."""
    years = {s.year for s in caspian.meetings(after=2007)}
    assert min(years) == 2008
    assert max(s.year for s in caspian.meetings(before=2010) if s.year) == 2008


def test_after_and_before_accept_dates() -> None:
    """Dates bound the range exactly (exclusive)."""
    result = caspian.meetings(after=dt.date(2018, 8, 11), before=dt.date(2018, 8, 13))
    assert [s.id for s in result] == ["caspian-summit-2018"]


def test_datetime_is_accepted_as_its_date() -> None:
    """A datetime counts as its date."""
    result = caspian.summits(after=dt.datetime(2022, 6, 28, 12, 0))
    assert result[0].id == "caspian-summit-2022"


def test_date_filters_leave_out_undated_meetings() -> None:
    """A meeting without any date does not match a date filter."""
    assert all(s.when is not None for s in caspian.meetings(after=1700))
    assert any(s.when is None for s in caspian.meetings())


def test_host_filter_accepts_any_key_and_records() -> None:
    """host= accepts ISO codes, names and State records alike."""
    by_code = caspian.meetings(host="TM")
    assert (
        by_code
        == caspian.meetings(host="Turkmenistan")
        == caspian.meetings(host=caspian.state("tkm"))
    )
    assert {s.host for s in by_code} == {"turkmenistan"}


def test_participant_filter() -> None:
    """participant= keeps meetings the state took part in."""
    historic = caspian.meetings(participant="russian-empire")
    assert [s.id for s in historic] == [
        "gulistan-negotiations-1813",
        "turkmenchay-negotiations-1828",
    ]


def test_kind_filter_accepts_enum_and_string() -> None:
    """kind= accepts the enum or its value, in any case."""
    assert caspian.meetings(kind=MeetingKind.MINISTERIAL) == caspian.meetings(kind="Ministerial")


def test_states_today_and_as_of() -> None:
    """states() gives today's states; as_of gives the entities of that year."""
    assert len(caspian.states(littoral=True)) == 5
    assert len(caspian.states()) == len([s for s in caspian.states(as_of=2026)])
    assert {"russian-empire", "qajar-persia"} == {
        s.id for s in caspian.states(as_of=1828, littoral=True)
    }
    assert {"soviet-union", "pahlavi-iran"} <= {s.id for s in caspian.states(as_of=1940)}
    assert "russia" not in {s.id for s in caspian.states(as_of=1940)}
    assert {"russia", "iran"} <= {s.id for s in caspian.states(as_of=dt.date(2000, 1, 1))}


def test_littoral_filter() -> None:
    """littoral=True gives the five; littoral=False the others."""
    assert [s.id for s in caspian.states(littoral=True)] == [
        "azerbaijan",
        "iran",
        "kazakhstan",
        "russia",
        "turkmenistan",
    ]
    assert not any(s.littoral for s in caspian.states(littoral=False))


def test_agreements_by_party_and_year_in_force() -> None:
    """The docs' question: Russia's agreements after 2010, and which of them are in force."""
    signed = caspian.agreements(party="Russia", after=2010)
    assert all(a.signed and a.signed.year > 2010 and "russia" in a.parties for a in signed)
    in_force = caspian.agreements(party="Russia", after=2010, in_force=True)
    assert {a.id for a in in_force} < {a.id for a in signed}
    assert all(a.status is AgreementStatus.IN_FORCE for a in in_force)
    assert "legal-status-convention" not in {a.id for a in in_force}


def test_in_force_false_excludes_unknown() -> None:
    """in_force=False keeps documents known not to be in force; unknown status matches neither."""
    not_in_force = caspian.agreements(in_force=False)
    assert "legal-status-convention" in {a.id for a in not_in_force}
    unknown = caspian.agreements(status="unknown")
    assert unknown
    assert not {a.id for a in unknown} & {a.id for a in not_in_force}
    assert not {a.id for a in unknown} & {a.id for a in caspian.agreements(in_force=True)}


def test_in_force_filter_and_field_say_the_same() -> None:
    """in_force=True keeps every agreement in force, dated or not; the date is in_force_date."""
    in_force = caspian.agreements(in_force=True)
    assert {a.id for a in in_force} == {
        a.id for a in caspian.agreements() if a.status is AgreementStatus.IN_FORCE
    }
    assert any(a.in_force_date is None for a in in_force)
    assert all(isinstance(a.in_force_date, dt.date) for a in in_force if a.in_force_date)


def test_agreements_by_meeting_topic_and_kind() -> None:
    """meeting=, topic= and kind= filter as documented."""
    aktau = caspian.agreements(meeting="Aktau, 2018")
    assert "legal-status-convention" in {a.id for a in aktau}
    assert all(a.meeting == "caspian-summit-2018" for a in aktau)
    cop = caspian.agreements(meeting=caspian.meeting("tehran-convention-signing-2003"))
    assert [a.id for a in cop] == ["tehran-convention"]
    protocols = caspian.agreements(kind="protocol")
    assert {"aktau-protocol", "moscow-protocol", "ashgabat-protocol", "eia-protocol"} <= {
        p.id for p in protocols
    }
    assert all(
        "pipelines" in [t.value for t in a.topics] for a in caspian.agreements(topic="pipelines")
    )


def test_tehran_convention_is_not_the_2007_summit() -> None:
    """The seed says the Tehran Convention was signed at the 2007 summit; it was signed in 2003."""
    convention = caspian.agreement("Caspian Environment Convention")
    assert dt.date(2003, 11, 4) == convention.signed
    assert dt.date(2006, 8, 12) == convention.in_force_date
    signed = caspian.summit("Tehran, 2007").signed_agreements()
    assert "tehran-declaration-2007" in [a.id for a in signed]


def test_articles_text_search_is_accent_and_case_insensitive() -> None:
    """articles(text=...) searches titles and summaries."""
    found = caspian.articles(text="WARSHIP")
    assert found
    assert all("warship" in (a.title + a.summary).lower() for a in found)


def test_articles_of_an_agreement_are_ordered() -> None:
    """An agreement's articles come in number order."""
    numbers = [a.number for a in caspian.articles("legal-status-convention")]
    assert sorted(numbers) == numbers
    assert numbers[0] == 1


def test_article_one_is_definitions() -> None:
    """Article 1 of the 2018 Convention defines terms (not warship insignia, as the seed says)."""
    article = caspian.agreement("legal-status-convention").article(1)
    assert "definitions" in [t.value for t in article.topics]


def test_missing_article_number_suggests_neighbours() -> None:
    """Asking for an article beyond the text names the agreement and close numbers."""
    with pytest.raises(
        caspian.NotFoundError, match="no article of legal-status-convention matches 25"
    ) as info:
        caspian.agreement("legal-status-convention").article(25)
    assert info.value.suggestions == ()
    with pytest.raises(caspian.NotFoundError) as info:
        caspian.agreement("treaty-of-gulistan").article(6)
    assert info.value.suggestions == ("5",)


def test_a_missing_article_is_declared_with_its_reason() -> None:
    """The articles of the text that the data lacks are computed from article_count and the
    article records; asking for one says it is not in the data and why."""
    convention = caspian.agreement("legal-status-convention")
    held = {a.number for a in caspian.articles(convention)}
    expected = tuple(n for n in range(1, convention.article_count + 1) if n not in held)
    assert expected == convention.missing_articles
    assert 4 in convention.missing_articles
    with pytest.raises(caspian.NotFoundError) as info:
        convention.article(4)
    message = str(info.value)
    assert "article 4 is one of the 14 articles missing from the data: " in message
    assert convention.missing_articles_reason in message
    assert "missing_articles=" in repr(convention)
    assert "<th>missing_articles</th>" in convention._repr_html_()
    gulistan = caspian.agreement("treaty-of-gulistan")
    assert gulistan.missing_articles == ()
    assert "missing_articles" not in repr(gulistan)
    handmade = caspian.Agreement(
        id="x",
        title="X",
        short_title="X",
        kind=caspian.AgreementKind.TREATY,
        article_count=3,
        sources=(),
    )
    assert "missing_articles=" not in repr(handmade)
    assert "<th>missing_articles</th>" not in handmade._repr_html_()


def test_ratifications_of_the_convention() -> None:
    """Four states ratified the 2018 Convention; Iran has not (per the cited sources)."""
    convention = caspian.agreement("legal-status-convention")
    assert sorted(s.id for s in convention.ratified_by()) == [
        "azerbaijan",
        "kazakhstan",
        "russia",
        "turkmenistan",
    ]
    assert [r.state for r in caspian.ratifications(convention, status="pending")] == ["iran"]
    assert caspian.ratifications(state="iran", status="ratified")


def test_pipelines_filters() -> None:
    """through=, commodity= and status= filter pipelines."""
    through_georgia = caspian.pipelines(through="GE")
    assert {"baku-tbilisi-ceyhan", "south-caucasus", "baku-supsa"} == {
        p.id for p in through_georgia
    }
    assert all(p.commodity.value == "gas" for p in caspian.pipelines(commodity="gas"))
    assert [p.id for p in caspian.pipelines(status="proposed")] == ["trans-caspian"]


def test_seed_pipelines_first() -> None:
    """The seed's three pipelines lead the list, in its order."""
    assert [p.id for p in caspian.pipelines()[:3]] == [
        "baku-tbilisi-ceyhan",
        "south-caucasus",
        "tapi",
    ]


def test_reserves_units_follow_the_eia() -> None:
    """Gas reserves are 292 trillion cubic feet (not cubic metres, as the seed says)."""
    gas = [
        g for g in caspian.reserves(commodity="gas", category="proved_and_probable") if not g.state
    ]
    assert [(g.value, g.unit.value, g.year) for g in gas] == [(292.0, "trillion_cubic_feet", 2012)]
    assert pytest.approx(gas[0].in_cubic_metres(), rel=1e-3) == 8.27e12
    oil = [
        o for o in caspian.reserves(commodity="oil", category="proved_and_probable") if not o.state
    ]
    assert [(o.value, o.unit.value) for o in oil] == [(48.0, "billion_barrels")]


def test_navigation_both_ways() -> None:
    """From a summit to its agreements and back; from a state to its pipelines and back."""
    summit = caspian.summit("caspian-summit-2010")
    agreement = summit.signed_agreements()[0]
    assert summit == agreement.signing_meeting()
    assert summit.host_state().name == "Azerbaijan"
    georgia = caspian.state("Georgia")
    assert all(georgia in p.route_states() for p in georgia.pipelines())
    assert caspian.agreement("aktau-protocol") in caspian.agreement("tehran-convention").protocols()
    assert (
        caspian.agreement("tehran-convention")
        == caspian.agreement("aktau-protocol").parent_agreement()
    )
    assert caspian.state("soviet-union") == caspian.state("russian-sfsr").successor_state()
    assert caspian.state("soviet-union") in caspian.state("russia").predecessor_states()
    assert caspian.summit("caspian-summit-2018") in caspian.state("KZ").summits()
    assert caspian.meeting("fm-meeting-2016-astana") in caspian.state("KZ").meetings()
    assert caspian.meeting("fm-meeting-2016-astana") not in caspian.state("KZ").summits()
    assert caspian.ratifications("legal-status-convention", state="IR") == tuple(
        r for r in caspian.state("IR").ratifications() if r.agreement == "legal-status-convention"
    )
    assert caspian.agreement("treaty-of-gulistan") in caspian.state("qajar-persia").agreements()


def test_capital_over_time() -> None:
    """Kazakhstan's capital was called Nur-Sultan between 2019 and 2022, Astana before and after."""
    kazakhstan = caspian.state("KZ")
    assert kazakhstan.capital_on(dt.date(2017, 12, 4)) == "Astana"
    assert kazakhstan.capital_on(dt.date(2020, 1, 1)) == "Nur-Sultan"
    assert kazakhstan.capital_on(dt.date(2024, 1, 1)) == "Astana"
    assert kazakhstan.capital_on(dt.date(1995, 1, 1)) == "Almaty"


def test_records_made_by_hand_belong_to_no_dataset() -> None:
    """A record built by hand has no dataset: navigation says so instead of guessing."""
    summit = caspian.Summit(
        id="x",
        name="X",
        ordinal=9,
        city=caspian.Place(name="Baku"),
        host="azerbaijan",
        sources=(
            caspian.Source(
                url="https://example.org",
                title="x",
                kind=caspian.SourceKind.PRIMARY,
                supports=("city",),
            ),
        ),
    )
    assert summit.kind is MeetingKind.SUMMIT
    with pytest.raises(caspian.CaspianError, match="made by hand and belongs to no dataset"):
        summit.host_state()
    restored = caspian.from_dict(caspian.to_dict(summit), caspian.Summit)
    assert restored.host_state().name == "Azerbaijan"
