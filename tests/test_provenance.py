"""The publisher registry and the rule that gives every source its kind (docs/provenance.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from caspian._provenance import (
    DENIED_TYPES,
    Publisher,
    PublisherType,
    Subject,
    address_key,
    cited,
    kind_for,
    main,
    normalise_host,
    publisher_of,
    read_folder,
    registry,
    render,
    subjects,
)
from caspian._schema import render as render_schema
from strategies import host_label, url_path, variant_prefix

DATA = files("caspian") / "data"
AUTHORITY = ("state", "assets", "estimates", "agreements", "codes")


def packaged() -> dict[str, list[dict[str, Any]]]:
    """The raw packaged data files, by name (the registry left out)."""
    return {
        p.name: json.loads(p.read_text("utf-8"))
        for p in DATA.iterdir()
        if p.name.endswith(".json") and p.name != "publishers.json"
    }


def all_sources() -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(file, record, source) for every source of every record, alternatives' included."""
    for name, items in sorted(packaged().items()):
        for item in items:
            for source in cited(item):
                yield name, item, source


# -- the registry file -------------------------------------------------------------------------


def test_registry_schema_is_current_and_satisfied() -> None:
    """The shipped registry schema is what the generator makes, and the registry satisfies it."""
    shipped = (DATA / "schema" / "publishers.schema.json").read_text("utf-8")
    assert render_schema(None) == shipped
    schema = json.loads(shipped)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(
        json.loads((DATA / "publishers.json").read_text("utf-8"))
    )


def test_registry_file_is_formatted_like_the_data() -> None:
    """The registry keeps the data files' format, sorted by host, one entry per host and query."""
    text = (DATA / "publishers.json").read_text("utf-8")
    items = json.loads(text)
    assert render(items) == text
    keys = [(e["host"], e.get("query") or "") for e in items]
    assert sorted(keys) == keys
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("entry", registry(), ids=lambda e: e.host + (e.query or ""))
def test_registry_hosts_are_normalised(entry: Publisher) -> None:
    """Each entry's host is written as the matcher sees it: normalised, path in lower case."""
    host, _, path = entry.host.partition("/")
    assert normalise_host(host) == host
    assert path == path.lower()
    assert not path.endswith("/")


@pytest.mark.parametrize("entry", registry(), ids=lambda e: e.host + (e.query or ""))
def test_authority_fits_the_type(entry: Publisher) -> None:
    """A state belongs to governments and legislatures, agreements to intergovernmental bodies,
    estimates to agencies; a denied publisher is the authority on nothing."""
    if entry.denied:
        assert not any(getattr(entry, name) for name in AUTHORITY)
        assert not entry.official
    if entry.type in (PublisherType.GOVERNMENT, PublisherType.LEGISLATURE):
        assert entry.official
        assert entry.state is not None
    if entry.state is not None:
        assert entry.type in (PublisherType.GOVERNMENT, PublisherType.LEGISLATURE)
    if entry.agreements:
        assert entry.type is PublisherType.INTERGOVERNMENTAL
    if entry.estimates:
        assert entry.type is PublisherType.AGENCY


def test_authority_names_records_that_exist() -> None:
    """Assets are pipeline ids, agreements are agreement or meeting ids, estimates are the
    estimators of reserve records, codes are fields of the state records."""
    data = packaged()
    pipelines = {p["id"] for p in data["pipelines.json"]}
    agreements = {a["id"] for a in data["agreements.json"]} | {
        m["id"] for m in data["meetings.json"]
    }
    estimators = {r["estimator"] for r in data["reserves.json"]}
    fields = {k for s in data["states.json"] for k in s}
    for entry in registry():
        assert set(entry.assets) <= pipelines, entry.host
        assert set(entry.agreements) <= agreements, entry.host
        assert set(entry.estimates) <= estimators, entry.host
        assert set(entry.codes) <= fields, entry.host


# -- (a) every cited host is in the registry; (b) every kind follows the rule ---------------------


def test_every_cited_host_is_in_the_registry() -> None:
    """Every source's address (records' and alternatives') is covered by a registry entry."""
    missing = sorted(
        {address_key(s["url"])[0] for _, _, s in all_sources() if not publisher_of(s["url"])}
    )
    assert missing == []


def test_every_kind_follows_the_rule() -> None:
    """Every source's kind (records' and alternatives') is the rule's answer for its publisher
    and record; 'python -m caspian._provenance --fix' makes it so."""
    about = subjects(packaged())
    wrong = []
    for name, item, source in all_sources():
        entry = publisher_of(source["url"])
        if entry is None:
            continue
        kind = kind_for(entry, about[name, item["id"]], tuple(source.get("supports", ()))).value
        if source["kind"] != kind:
            wrong.append(f"{name} {item['id']}: {source['kind']} should be {kind}: {source['url']}")
    assert wrong == []


def test_no_denied_host_is_cited() -> None:
    """No source (records' or alternatives') is on a host of a denied type: mirrors, scrapers,
    reprint farms, leak mirrors, document-sharing sites, machine translations, non-English or
    Simple Wikipedia, the OpenStreetMap wiki, old revisions."""
    found = sorted(
        f"{name} {item['id']}: {entry.type.value}: {source['url']}"
        for name, item, source in all_sources()
        if (entry := publisher_of(source["url"])) is not None and entry.denied
    )
    assert found == []


# -- (d) the hosts named in issue 17 are registered with a denied type ---------------------------

DENIED_ADDRESSES = [
    "http://www.docstoc.com/docs/114513000/Ministerial_Statement",
    "https://docsbay.net/tehran-convention-cop4",
    "https://www.einpresswire.com/article/1/caspian-economic-forum",
    "https://wikileaks.org/plusd/cables/07BAKU1263.html",
    "https://nn.m.wikipedia.org/wiki/Sangachal",
    "https://nn.wikipedia.org/wiki/Sangachal",
    "https://simple.wikipedia.org/wiki/Baku",
    "https://simple.m.wikipedia.org/wiki/Baku",
    "https://simple.wikipedia.org/wiki/Baku?oldformat=true",
    "https://en.wikipedia.org/wiki/Baku?oldformat=true",
    "http://it.wikipedia.org/wiki/Rasht",
    "https://ur.m.wikipedia.org/wiki/Iran",
    "https://sco.wikipedia.org/wiki/Caspian_Sea",
    "https://wiki.openstreetmap.org/wiki/Trans-Caspian",
    "https://en.wikipedia.org/wiki/T%C3%BCrkg%C3%B6z%C3%BC?oldid=813418590",
    "https://en.m.wikipedia.org/w/index.php?title=Baku&oldid=1",
    "https://ru.m.wikinews.org/wiki/EIA",
    "https://ru.wikinews.org/wiki/EIA",
    "http://crimea.kz/434869-Pogovorili-na-pyat.html",
    "https://dzen.ru/a/xyz",
    "https://menafn.com/1/caspian",
    "https://www.dasfazit.at/nachrichten/international/12846.html",
    "https://theiranproject.com/blog/2016/04/12/x/",
    "https://sea-news.az/en/tapi",
    "http://www.xebersaati.com/news/110074-tapi/",
    "http://kebev.com/news/newsid-10/",
    "http://yuzhongnet.com/english/doc/2005-04/03/content_430551.htm",
    "http://cnchemicals.com/Product/Release/21274.html",
    "https://arabstoday.net/x",
    "https://lulop.com/en_EN/post/show/1",
    "https://news.mail.ru/economics/1/",
    "https://yapresident.com/en/x",
    "https://user.bibliboba.online/x",
    "https://ww-w.yugsn.ru/x",
    "http://tehranconvention.org/index/cop2/cop1/IMG/doc/cop2/spip.php?article3",
    "https://github.com/Wangyin18/My-first-research/blob/282182e/gwstates.csv",
    "https://github.com/vivekmithlesh/GSOC_MIC_TEST/blob/4c03003/states2016.csv",
    "http://media-2.web.britannica.com/eb-diffs/251/513251-12124-109504.html",
]


@pytest.mark.parametrize("url", DENIED_ADDRESSES)
def test_named_hosts_are_denied(url: str) -> None:
    """Every host issue 17 names is in the registry with a denied type."""
    entry = publisher_of(url)
    assert entry is not None, url
    assert entry.type in DENIED_TYPES, (url, entry)


@pytest.mark.parametrize(
    "url",
    [
        "https://en.wikipedia.org/wiki/Baku",
        "https://tehranconvention.org/en/tc/text-convention",
        "https://github.com/pycountry/pycountry/blob/x/iso3166-1.json",
        "https://github.com/unicode-org/cldr-json/blob/x/fa/territories.json",
    ],
)
def test_their_neighbours_are_not_denied(url: str) -> None:
    """The denied paths and query parameters do not catch the same hosts' good pages."""
    entry = publisher_of(url)
    assert entry is not None
    assert not entry.denied


# -- the rule ----------------------------------------------------------------------------------


def kind_of(url: str, subject: Subject, supports: tuple[str, ...] = ()) -> str:
    entry = publisher_of(url)
    assert entry is not None, url
    return kind_for(entry, subject, supports).value


def about(name: str, record_id: str) -> Subject:
    return subjects(packaged())[name, record_id]


@pytest.mark.parametrize(
    ("url", "name", "record_id", "supports", "expected"),
    [
        # a party's own act
        (
            "http://kremlin.ru/acts/1",
            "ratifications.json",
            "legal-status-convention--russia",
            (),
            "primary",
        ),
        (
            "http://kremlin.ru/acts/1",
            "ratifications.json",
            "legal-status-convention--kazakhstan",
            (),
            "secondary",
        ),
        (
            "https://adilet.zan.kz/rus/docs/Z1",
            "agreements.json",
            "hydromet-agreement-2014",
            (),
            "primary",
        ),
        (
            "https://adilet.zan.kz/rus/docs/Z1",
            "agreements.json",
            "dostlug-memorandum-2021",
            (),
            "secondary",
        ),
        ("https://en.kremlin.ru/events/1", "summits.json", "caspian-summit-2018", (), "primary"),
        # a state speaks for the states it continues
        ("http://en.special.kremlin.ru/x", "agreements.json", "treaty-of-gulistan", (), "primary"),
        ("https://president.az/x", "agreements.json", "treaty-of-gulistan", (), "secondary"),
        # a secretariat on its convention, protocols and meetings
        ("https://tehranconvention.org/en/x", "meetings.json", "cop3-2011-aktau", (), "primary"),
        (
            "https://tehranconvention.org/en/x",
            "ratifications.json",
            "aktau-protocol--russia",
            (),
            "primary",
        ),
        (
            "https://tehranconvention.org/en/x",
            "agreements.json",
            "legal-status-convention",
            (),
            "secondary",
        ),
        # an operator on its own pipeline
        ("https://www.bp.com/x", "pipelines.json", "baku-tbilisi-ceyhan", (), "primary"),
        ("https://www.cpc.ru/x", "pipelines.json", "caspian-pipeline-consortium", (), "primary"),
        ("https://www.cpc.ru/x", "pipelines.json", "baku-tbilisi-ceyhan", (), "secondary"),
        # an agency on its own estimate
        (
            "https://pubs.usgs.gov/publication/fs20243047/full",
            "reserves.json",
            "caspian-oil-undiscovered-usgs",
            (),
            "primary",
        ),
        # a code list's maintainer on its own codes
        (
            "https://www.iso.org/obp/ui/#iso:code:3166:GR",
            "states.json",
            "greece",
            ("iso_alpha2", "official_name"),
            "primary",
        ),
        (
            "https://www.iso.org/obp/ui/#iso:code:3166:GR",
            "states.json",
            "greece",
            ("official_name",),
            "tertiary",
        ),
        ("https://correlatesofwar.org/x", "states.json", "azerbaijan", ("cow_code",), "primary"),
        ("https://correlatesofwar.org/x", "states.json", "azerbaijan", ("capital",), "secondary"),
        # by type
        ("https://zakonpravo.kz/x", "agreements.json", "aktau-protocol", (), "secondary"),
        ("https://en.trend.az/x", "pipelines.json", "south-caucasus", (), "secondary"),
        ("https://en.wikipedia.org/wiki/Baku", "states.json", "azerbaijan", (), "tertiary"),
        (
            "https://www.geonames.org/587084",
            "summits.json",
            "caspian-summit-2018",
            ("city",),
            "tertiary",
        ),
        (
            "https://github.com/pycountry/pycountry/blob/x",
            "states.json",
            "azerbaijan",
            ("iso_alpha2",),
            "tertiary",
        ),
    ],
)
def test_the_rule(
    url: str, name: str, record_id: str, supports: tuple[str, ...], expected: str
) -> None:
    """Each clause of the rule stated in docs/provenance.md, on real records."""
    assert expected == kind_of(url, about(name, record_id), supports)


# -- the maintenance command -------------------------------------------------------------------


def copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for item in DATA.iterdir():
        if item.name.endswith(".json"):
            (folder / item.name).write_bytes(item.read_bytes())
    return folder


def test_fix_is_idempotent_and_keeps_the_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--fix relabels once and then finds nothing to change; the files keep their format."""
    folder = copy_data(tmp_path)
    main(["--fix", str(folder)])
    first = {p.name: p.read_text("utf-8") for p in folder.iterdir()}
    capsys.readouterr()
    assert main(["--fix", str(folder)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 labels changed"
    assert first == {p.name: p.read_text("utf-8") for p in folder.iterdir()}
    for name, items in read_folder(folder).items():
        assert render(items) == first[name]


def test_check_lists_missing_hosts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--check names a cited host that the registry does not know, and fails."""
    folder = copy_data(tmp_path)
    states = json.loads((folder / "states.json").read_text("utf-8"))
    states[0]["sources"][0]["url"] = "https://unknown-host.example/page"
    (folder / "states.json").write_text(render(states), encoding="utf-8")
    assert main(["--check", str(folder)]) == 1
    assert "missing from the registry: unknown-host.example (1 sources)" in capsys.readouterr().out


def test_fix_leaves_unknown_hosts_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--fix keeps the kind of a source whose host is not registered, says so, and fails."""
    folder = copy_data(tmp_path)
    states = json.loads((folder / "states.json").read_text("utf-8"))
    states[0]["sources"][0].update(url="https://unknown-host.example/page", kind="primary")
    (folder / "states.json").write_text(render(states), encoding="utf-8")
    assert main(["--fix", str(folder)]) == 1
    assert "not in the registry (kind left as it was): states.json" in capsys.readouterr().out
    after = json.loads((folder / "states.json").read_text("utf-8"))
    assert after[0]["sources"][0]["kind"] == "primary"


def test_usage(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --fix or --check the command explains itself."""
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err


# -- (e) host matching, as properties ----------------------------------------------------------

SETTINGS = settings(max_examples=150, deadline=None)
ENTRIES = registry()


@seed(20261202)
@SETTINGS
@given(st.sampled_from(ENTRIES), variant_prefix, url_path, st.booleans())
def test_variants_and_case_find_the_same_entry(
    entry: Publisher, prefix: str, path: str, upper: bool
) -> None:
    """www./m./amp. variants, upper case and deeper paths find the entry itself."""
    host, _, base = entry.host.partition("/")
    host = prefix + (host.upper() if upper else host)
    query = f"?{entry.query}=1" if entry.query else ""
    url = f"https://{host}{'/' + base if base else ''}{path}{query}"
    found = publisher_of(url)
    assert found is not None
    # the entry itself, unless the random path walked into a longer entry below it
    assert found == entry or found.host.startswith(entry.host + "/")


@seed(20261202)
@SETTINGS
@given(st.sampled_from([e for e in ENTRIES if "/" not in e.host and not e.query]), host_label)
def test_subdomains_belong_to_their_host(entry: Publisher, label: str) -> None:
    """An entry covers its subdomains, unless a longer entry names one."""
    found = publisher_of(f"https://{label}.{entry.host}/")
    assert found is not None
    assert found == entry or found.host.endswith("." + entry.host)


@seed(20261202)
@SETTINGS
@given(host_label, host_label, url_path)
def test_path_prefixes_match_whole_segments(owner: str, suffix: str, path: str) -> None:
    """A path prefix covers the pages below it, not a longer name that starts the same."""
    entries = (
        Publisher(host="example.org", publisher="host", type=PublisherType.NEWS, official=False),
        Publisher(
            host=f"example.org/{owner}", publisher="path", type=PublisherType.MIRROR, official=False
        ),
    )
    assert publisher_of(f"https://example.org/{owner}{path}", entries) == entries[1]
    assert publisher_of(f"https://example.org/{owner.upper()}{path}", entries) == entries[1]
    assert publisher_of(f"https://example.org/{owner}{suffix}{path}", entries) == entries[0]


@seed(20261202)
@SETTINGS
@given(st.lists(host_label, min_size=1, max_size=4), st.lists(variant_prefix, max_size=2))
def test_normalising_is_idempotent(labels: list[str], prefixes: list[str]) -> None:
    """Normalising twice is normalising once, and variant labels in front never survive."""
    host = "".join(prefixes) + ".".join([*labels, "org"])
    once = normalise_host(host)
    assert normalise_host(once) == once
    assert once == ".".join([*labels, "org"])


@seed(20261202)
@SETTINGS
@given(host_label, url_path)
def test_query_entries_need_their_parameter(name: str, path: str) -> None:
    """An entry with a query parameter applies only to addresses that carry it."""
    plain = Publisher(
        host=f"{name}.org", publisher="p", type=PublisherType.ENCYCLOPEDIA, official=False
    )
    old = Publisher(
        host=f"{name}.org",
        query="oldid",
        publisher="o",
        type=PublisherType.OLD_REVISION,
        official=False,
    )
    assert publisher_of(f"https://{name}.org{path}", (plain, old)) == plain
    assert publisher_of(f"https://{name}.org{path}?a=1&oldid=5", (plain, old)) == old
