"""The packaged data: integrity rules, ISO 3166 agreement, sources, and every fact of the seed."""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files

import pycountry
import pytest

import caspian
from caspian._rules import check
from caspian.model import KINDS


def own_records(data: caspian.Dataset) -> dict[type[caspian.Record], list[caspian.Record]]:
    """Each kind's own records (a Summit under Summit only), as the checker takes them."""
    return {k: [r for r in data.records(k) if type(r) is k] for k in KINDS}


def test_packaged_data_passes_every_integrity_rule(data: caspian.Dataset) -> None:
    """The integrity checker finds no problem in the packaged data."""
    assert check(own_records(data), lambda r: "packaged") == []


def test_integrity_checker_is_not_vacuous(data: caspian.Dataset) -> None:
    """The same checker does find a broken reference when one is introduced."""
    import attrs

    loaded = own_records(data)
    loaded[caspian.Summit][0] = attrs.evolve(
        loaded[caspian.Summit][0], host="atlantis", _dataset=None
    )
    assert [f"{p.path}: {p.message}" for p in check(loaded, lambda r: "x")] == [
        "host: names no state: 'atlantis'"
    ]


def test_packaged_data_is_read_as_it_is_checked(data: caspian.Dataset) -> None:
    """The packaged records equal those of a full, validated load of the same files."""
    import shutil
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        for kind in KINDS:
            with (files("caspian") / "data" / kind.KIND.file).open("rb") as src:
                (Path(tmp) / kind.KIND.file).write_bytes(src.read())
        full = caspian.Dataset.from_directory(tmp)
        shutil.rmtree(tmp, ignore_errors=True)
    for kind in KINDS:
        assert full.records(kind) == data.records(kind), kind.__name__


def test_ids_are_unique_across_each_file() -> None:
    """No id appears twice in a data file."""
    for kind in KINDS:
        name = kind.KIND.file
        ids = [r["id"] for r in json.loads((files("caspian") / "data" / name).read_text("utf-8"))]
        assert len(ids) == len(set(ids)), name


def test_every_record_has_an_https_or_http_source(data: caspian.Dataset) -> None:
    """Every record cites at least one public URL with a title."""
    for record_type in KINDS:
        for record in data.records(record_type):
            assert record.sources, record.id
            assert all(
                s.url.startswith(("https://", "http://")) and s.title for s in record.sources
            ), record.id


def test_iso_codes_and_names_agree_with_pycountry() -> None:
    """Current states' ISO alpha-2, alpha-3, numeric codes and names match ISO 3166 (pycountry)."""
    for state in caspian.states():
        country = pycountry.countries.get(alpha_2=state.iso_alpha2)
        assert country is not None, state.id
        assert (country.alpha_2, country.alpha_3, country.numeric) == (
            state.iso_alpha2,
            state.iso_alpha3,
            state.iso_numeric,
        ), state.id
        iso_names = {
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        }
        assert iso_names & {state.name, state.official_name, *state.aliases}, state.id


def test_historic_entities_have_no_iso_codes_and_years() -> None:
    """Historic entities carry no current ISO codes and do carry the years they existed."""
    for state in (
        caspian.states(as_of=1700) + caspian.states(as_of=1850) + caspian.states(as_of=1930)
    ):
        if state.historic:
            assert state.iso_alpha2 is None and state.iso_alpha3 is None
            assert state.from_year is not None and state.to_year is not None


def test_successor_chains() -> None:
    """Russian Empire -> RSFSR -> USSR -> Russia; Qajar -> Pahlavi -> Islamic Republic."""

    def chain(start: str) -> list[str]:
        out = [start]
        state = caspian.state(start)
        while (state := state.successor_state()) is not None:
            out.append(state.id)
        return out

    assert chain("russian-empire") == ["russian-empire", "russian-sfsr", "soviet-union", "russia"]
    assert chain("qajar-persia") == ["qajar-persia", "pahlavi-iran", "iran"]


def test_every_meeting_city_has_coordinates() -> None:
    """Every meeting's city has coordinates (for maps)."""
    missing = [s.id for s in caspian.meetings() if s.city.coordinates is None]
    assert missing == []


def test_pipelines_have_coordinates_for_maps() -> None:
    """Each pipeline has at least one located end; the seed's three have both ends located,
    unless their notes say that no acceptable page gives a point for the other."""
    for pipeline in caspian.pipelines():
        assert pipeline.origin.coordinates or pipeline.terminus.coordinates, pipeline.id
    for pipeline in caspian.pipelines()[:3]:
        for end in (pipeline.origin, pipeline.terminus):
            assert end.coordinates or "no acceptable page" in (pipeline.notes or ""), pipeline.id


# -- every fact of the seed, as the sources have it -----------------------------------------


def test_seed_summits_list() -> None:
    """The seven entries of the seed's Summits list, corrected where the sources differ."""
    assert dt.date(1828, 2, 22) == caspian.agreement("treaty-of-turkmenchay").signed
    first = caspian.summit("Ashgabat, 2002")
    assert (dt.date(2002, 4, 23), dt.date(2002, 4, 24)) == (first.start, first.end)
    assert caspian.summit("Tehran, 2007").id == "caspian-summit-2007"
    baku = caspian.summit("Baku, 2010")
    assert dt.date(2010, 11, 18) == baku.start
    assert [a.id for a in baku.signed_agreements()] == ["security-agreement-2010"]
    astrakhan = caspian.summit("Astrakhan, 2014")
    assert {
        "aquatic-bioresources-agreement-2014",
        "hydromet-agreement-2014",
        "emergencies-agreement-2014",
    } <= {a.id for a in astrakhan.signed_agreements()}
    moscow = caspian.meeting("Nur-Sultan, 2017")
    assert (moscow.kind.value, moscow.city.name) == ("ministerial", "Moscow")
    assert caspian.meeting("Astana, 2016").id == "fm-meeting-2016-astana"
    aktau = caspian.summit("Aktau, 2018")
    assert "legal-status-convention" in {a.id for a in aktau.signed_agreements()}


def test_seed_treaty_facts() -> None:
    """Turkmenchay kept Russia's exclusive right to warships (Art. VIII), as Gulistan did (Art. V)."""
    turkmenchay = caspian.agreement("treaty-of-turkmenchay").article(8)
    gulistan = caspian.agreement("treaty-of-gulistan").article(5)
    for article in (turkmenchay, gulistan):
        text = f"{article.title} {article.summary}".lower()
        assert "warship" in text or "vessels of war" in text, article.id
        assert "navigation" in [t.value for t in article.topics], article.id


def test_seed_convention_articles() -> None:
    """Articles 1, 2 and 5 of the 2018 Convention are in the data; Article 1 is definitions."""
    convention = caspian.agreement("legal-status-convention")
    assert convention.article_count == 24
    assert "definitions" in [t.value for t in convention.article(1).topics]
    assert "sovereign" in convention.article(2).summary.lower()
    text = convention.article(5).summary.lower()
    assert all(
        w in text
        for w in ("internal waters", "territorial waters", "fishery zones", "common maritime space")
    )


def test_seed_pipelines_and_states() -> None:
    """The seed's three pipelines and the states they cross are in the data."""
    for key in (
        "Baku–Tbilisi–Ceyhan pipeline",
        "South Caucasus Pipeline",
        "Turkmenistan–Afghanistan–Pakistan–India Pipeline",
    ):
        pipeline = caspian.pipeline(key)
        assert all(caspian.state(s) for s in pipeline.route)
    assert "tapi" not in {p.id for p in caspian.pipelines(status="operational")}


@pytest.mark.parametrize("name", ["Azerbaijan", "Iran", "Kazakhstan", "Russia", "Turkmenistan"])
def test_seed_littoral_states(name: str) -> None:
    """The five littoral states, with their official names as in the 2018 Convention."""
    state = caspian.state(name)
    assert state.littoral
    assert state.official_name in {
        "Republic of Azerbaijan",
        "Islamic Republic of Iran",
        "Republic of Kazakhstan",
        "Russian Federation",
        "Turkmenistan",
    }


# -- pipelines: sections, idle lines, corrections of 0.3 --------------------------------------


def test_pipeline_sections_name_a_whole_line() -> None:
    """Every ``part_of`` names a pipeline in the data that is not itself a section."""
    ids = {p.id for p in caspian.pipelines()}
    sections = [p for p in caspian.pipelines() if p.part_of is not None]
    assert "atasu-alashankou" in {p.id for p in sections}
    for section in sections:
        assert section.part_of in ids, section.id
        assert caspian.pipeline(section.part_of).part_of is None, section.id
        assert section.sources_for("part_of"), section.id


def test_sums_over_pipelines_can_leave_sections_out() -> None:
    """Summing lengths over whole lines only counts a section's kilometres once."""
    whole = [p for p in caspian.pipelines() if p.part_of is None]
    assert "atasu-alashankou" not in {p.id for p in whole}
    assert "kazakhstan-china-oil" in {p.id for p in whole}
    everything = sum(p.length_km or 0 for p in caspian.pipelines())
    assert (
        everything - sum(p.length_km or 0 for p in whole)
        == caspian.pipeline("atasu-alashankou").length_km
    )


def test_section_rule_is_not_vacuous(data: caspian.Dataset) -> None:
    """The checker rejects a section of a section, and a pipeline that is part of itself."""
    import attrs

    loaded = own_records(data)
    pipelines = loaded[caspian.Pipeline]
    where = {p.id: i for i, p in enumerate(pipelines)}
    i = where["kazakhstan-china-oil"]
    pipelines[i] = attrs.evolve(pipelines[i], part_of="atasu-alashankou", _dataset=None)
    j = where["tap"]
    pipelines[j] = attrs.evolve(pipelines[j], part_of="tap", _dataset=None)
    assert sorted(f"{p.record}: {p.path}: {p.message}" for p in check(loaded, lambda r: "x")) == [
        "atasu-alashankou: part_of: 'kazakhstan-china-oil' is itself a section: name the whole line",
        "kazakhstan-china-oil: part_of: 'atasu-alashankou' is itself a section: name the whole line",
        "tap: part_of: names the pipeline itself",
    ]


@pytest.mark.parametrize("ident", ["baku-supsa", "baku-novorossiysk"])
def test_black_sea_lines_idle_since_2022(ident: str) -> None:
    """Baku–Supsa and Baku–Novorossiysk have carried no regular flows since 2022."""
    pipeline = caspian.pipeline(ident)
    assert (pipeline.status.value, pipeline.status_since) == ("idle", 2022)
    assert pipeline.sources_for("status")


def test_south_caucasus_operator_is_socar_midstream() -> None:
    """SOCAR Midstream Operations has been SCP's technical operator since 2020."""
    scp = caspian.pipeline("south-caucasus")
    assert scp.operator is not None
    assert scp.operator.startswith("SOCAR Midstream Operations")
    assert "BP (technical" not in scp.operator
    assert any("2020" in (a.note or "") for a in scp.alternatives if a.field == "operator")


def test_cpc_capacity_after_debottlenecking() -> None:
    """CPC's capacity is 81.5 Mt/y, with the 67 Mt/y of 2018 kept as an alternative."""
    cpc = caspian.pipeline("caspian-pipeline-consortium")
    assert cpc.capacity is not None
    assert (cpc.capacity.value, cpc.capacity.unit.value) == (81.5, "million_tonnes_per_year")
    assert any(a.value.startswith("67 ") and "2018" in a.value for a in cpc.alternatives)
