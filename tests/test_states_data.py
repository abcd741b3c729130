"""The packaged state records: COW letter codes, the cited code lists, capitals and exonyms."""

from __future__ import annotations

import datetime as dt

import caspian

#: COW codes and letter codes as read in the 'states' R package's copy of the COW v2016 list.
COW_LETTERS = {
    325: "ITA",
    339: "ALB",
    350: "GRC",
    365: "RUS",
    372: "GRG",
    373: "AZE",
    630: "IRN",
    640: "TUR",
    700: "AFG",
    701: "TKM",
    704: "UZB",
    705: "KZK",
    710: "CHN",
    750: "IND",
    770: "PAK",
}


def every_state() -> list[caspian.State]:
    """Every state record, historic entities included."""
    return list(caspian.Dataset.packaged().records(caspian.State))


def test_every_state_with_a_cow_code_has_its_letter_code() -> None:
    """Each record with a COW code carries the COW letter code of that code."""
    actual = {s.id: s.cow_abbreviation for s in every_state() if s.cow_code is not None}
    expected = {s.id: COW_LETTERS[s.cow_code] for s in every_state() if s.cow_code is not None}
    assert expected == actual


def test_letter_codes_are_cited() -> None:
    """Every record with a COW letter code cites a source that supports it."""
    uncited = [
        s.id
        for s in every_state()
        if s.cow_abbreviation is not None
        and not any("cow_abbreviation" in src.supports for src in s.sources)
    ]
    assert uncited == []


# The student copies of the COW and G-W lists and the other denied hosts (non-English or Simple
# Wikipedia, crawler paths) are checked for every file, alternatives included, by the publisher
# registry: tests/test_provenance.py (test_no_denied_host_is_cited, test_named_hosts_are_denied).


def test_russian_empire_capital_over_time() -> None:
    """The Russian Empire's capital was St Petersburg, renamed Petrograd in 1914."""
    empire = caspian.state("russian-empire")
    actual = [empire.capital_on(dt.date(year, 1, 1)) for year in (1722, 1800, 1915, 1918)]
    assert actual == ["Saint Petersburg", "Saint Petersburg", "Petrograd", None]


#: Names of the littoral states in the littoral languages (CLDR territory display names).
EXONYMS = {
    "azerbaijan": ("Азербайджан", "جمهوری آذربایجان", "Әзірбайжан", "Azərbaycan", "Azerbaýjan"),
    "iran": ("Иран", "İran", "Eýran"),
    "kazakhstan": ("Казахстан", "قزاقستان", "Қазақстан", "Qazaxıstan", "Gazagystan"),
    "russia": ("روسیه", "Ресей", "Rusiya", "Russiýa"),
    "turkmenistan": ("Туркменистан", "ترکمنستان", "Түрікменстан", "Türkmənistan", "Türkmenistan"),
}


def test_littoral_states_are_found_by_their_names_in_littoral_languages() -> None:
    """Each littoral state is found by its name in Russian, Persian, Kazakh, Azerbaijani, Turkmen."""
    expected = {sid: [sid] * len(names) for sid, names in EXONYMS.items()}
    actual = {sid: [caspian.state(name).id for name in names] for sid, names in EXONYMS.items()}
    assert expected == actual
