"""Lookups answer what people type: native names of today's states, common short names of
agreements and summits, a place shared by several meetings reported as ambiguous."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import caspian
from caspian import AmbiguousKeyError, NotFoundError


@pytest.mark.parametrize(
    ("key", "expected"),
    [("Россия", "russia"), ("ایران", "iran"), ("Russia", "russia"), ("Persia", "iran")],
)
def test_a_key_shared_with_historic_entities_names_the_current_state(
    key: str, expected: str
) -> None:
    """A key that names a current state and historic entities finds the current state."""
    assert expected == caspian.state(key).id


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Russian Empire", "russian-empire"),
        ("russian-empire", "russian-empire"),
        ("Qajar Persia", "qajar-persia"),
        ("pahlavi-iran", "pahlavi-iran"),
        ("USSR", "soviet-union"),
    ],
)
def test_historic_entities_stay_reachable_by_their_own_names_and_ids(
    key: str, expected: str
) -> None:
    """The rule never hides a historic entity: its own names and id still find it."""
    assert expected == caspian.state(key).id


def test_a_key_shared_only_by_historic_entities_stays_ambiguous() -> None:
    """Where no current state shares a key, the historic entities are listed to choose from."""
    with pytest.raises(AmbiguousKeyError) as info:
        caspian.state("Guarded Domains of Iran")
    assert {"qajar-persia", "safavid-persia"} == set(info.value.candidates)


def _state(ident: str, name: str, to_year: int | None, aliases: list[str]) -> dict[str, object]:
    return {
        "id": ident,
        "name": name,
        "official_name": name,
        "aliases": aliases,
        "littoral": False,
        "capital": "Nowhere",
        "from_year": 1900,
        "to_year": to_year,
        "notes": "An invented example.",
        "sources": [
            {
                "url": "https://example.org/" + ident,
                "title": "Example",
                "kind": "secondary",
                "supports": ["capital", "from_year"],
            }
        ],
    }


def test_the_rule_holds_in_a_users_dataset(tmp_path: Path) -> None:
    """In a user's own data too, the current state answers a name it shares with an old one,
    and two current states sharing a name stay ambiguous."""
    states = [
        _state("ruritania", "Ruritania", None, ["Rur", "Twin"]),
        _state("old-ruritania", "Old Ruritania", 1950, ["Rur"]),
        _state("graustark", "Graustark", None, ["Twin"]),
    ]
    (tmp_path / "states.json").write_text(json.dumps(states), encoding="utf-8")
    data = caspian.Dataset.from_directory(tmp_path)
    assert data.state("Rur").id == "ruritania"
    assert data.state("Old Ruritania").id == "old-ruritania"
    with pytest.raises(AmbiguousKeyError) as info:
        data.state("Twin")
    assert {"ruritania", "graustark"} == set(info.value.candidates)
    found = data.search("Rur")
    assert [(m.kind, m.id, m.matched) for m in found] == [
        ("state", "ruritania", "key"),
        ("state", "old-ruritania", "key"),
    ]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Gulistan", "treaty-of-gulistan"),
        ("Turkmenchay", "treaty-of-turkmenchay"),
        ("Torkamanchay", "treaty-of-turkmenchay"),
        ("Treaty of Turkmenchai", "treaty-of-turkmenchay"),
        ("1921 treaty", "russo-persian-treaty-1921"),
        ("treaty of 1921", "russo-persian-treaty-1921"),
        ("Convention on the legal status", "legal-status-convention"),
    ],
)
def test_common_short_names_find_agreements(key: str, expected: str) -> None:
    """The short names people use for treaties find them."""
    assert expected == caspian.agreement(key).id


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("fifth summit", "caspian-summit-2018"),
        ("5th summit", "caspian-summit-2018"),
        ("2018", "caspian-summit-2018"),
        ("2018 summit", "caspian-summit-2018"),
        ("the second summit", "caspian-summit-2007"),
        ("summit 2010", "caspian-summit-2010"),
    ],
)
def test_ordinals_and_years_find_summits(key: str, expected: str) -> None:
    """An ordinal (word or numeral) or a year finds the summit."""
    assert expected == caspian.summit(key).id


def test_a_year_with_several_summits_or_none_is_reported() -> None:
    """A year with no summit is not found; words that fit several summits list them."""
    with pytest.raises(NotFoundError):
        caspian.summit("1999")
    with pytest.raises(AmbiguousKeyError) as info:
        caspian.summit("Caspian Summit")
    assert [s.id for s in caspian.summits()] == list(info.value.candidates)


def test_a_city_of_several_meetings_lists_them() -> None:
    """meeting('Aktau') names every meeting held in Aktau, as summit('Ashgabat') does."""
    held = tuple(m.id for m in caspian.meetings() if m.city.name == "Aktau")
    assert len(held) > 1
    with pytest.raises(AmbiguousKeyError) as info:
        caspian.meeting("Aktau")
    assert held == info.value.candidates
    assert str(info.value).startswith("'Aktau' names more than one meeting: ")


def test_words_that_fit_one_meeting_find_it() -> None:
    """A city and a year that fit one meeting find it."""
    assert caspian.meeting("Aktau 2011").id == "cop3-2011-aktau"


# -- one search across every kind ------------------------------------------------------------


def test_search_finds_records_of_every_kind_best_first() -> None:
    """search('Aktau') lists the summit named by the city first, then records holding the word;
    each match names its kind, and the record is the one the lookups return."""
    found = caspian.search("Aktau")
    assert (found[0].kind, found[0].id, found[0].matched) == (
        "summit",
        "caspian-summit-2018",
        "key",
    )
    ways = [m.matched for m in found]
    assert sorted(ways, key=("key", "words", "text").index) == ways
    kinds = {m.kind for m in found}
    assert {"summit", "meeting", "agreement"} <= kinds
    held = {m.id for m in caspian.meetings() if m.city.name == "Aktau"}
    assert held <= {m.id for m in found}
    for match in found:
        assert (match.kind, match.id) == (type(match.record).KIND.noun, match.record.id)


def test_search_lists_a_summit_once() -> None:
    """A summit is also a meeting, but is listed once, as a summit."""
    ids = [m.id for m in caspian.search("summit")]
    assert len(ids) == len(set(ids))


def test_search_by_kind_and_code() -> None:
    """kind= keeps one kind; a code is a key."""
    assert [(m.kind, m.id, m.matched) for m in caspian.search("BTC")] == [
        ("pipeline", "baku-tbilisi-ceyhan", "key")
    ]
    assert {"agreement"} == {m.kind for m in caspian.search("Tehran", kind="agreement")}
    assert caspian.search("ایران", kind="state")[0].id == "iran"


def test_search_text_inside_a_name() -> None:
    """A fragment of a word finds the records whose names hold it, after the better matches."""
    found = caspian.search("Ashga")
    assert found and {"text"} == {m.matched for m in found}
    assert "caspian-summit-2022" in {m.id for m in found}


def test_search_refuses_bad_arguments() -> None:
    """Empty text, a non-string and an unknown kind are refused with a message."""
    with pytest.raises(caspian.InvalidQueryError, match="letter or a digit"):
        caspian.search("  ")
    with pytest.raises(caspian.ArgumentTypeError, match="text must be a string"):
        caspian.search(2018)  # type: ignore[arg-type]
    with pytest.raises(caspian.InvalidQueryError, match="kind must be one of"):
        caspian.search("Aktau", kind="city")
    assert caspian.search("zzzzqqq") == ()


def test_search_on_the_command_line() -> None:
    """caspian search TEXT prints kind, id, label and how each matched; --format json too."""
    import io

    from caspian.cli import main

    out = io.StringIO()
    assert main(["search", "Aktau"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["kind", "id", "label", "matched"]
    assert lines[2].split()[:2] == ["summit", "caspian-summit-2018"]
    out = io.StringIO()
    assert main(["search", "Gulistan", "--kind", "agreement", "--format", "json"], out=out) == 0
    assert json.loads(out.getvalue()) == [
        {
            "kind": "agreement",
            "id": "treaty-of-gulistan",
            "label": "Treaty of Gulistan",
            "matched": "words",
        }
    ]
    err = io.StringIO()
    assert main(["search", "Aktau", "--kind", "city"], out=io.StringIO(), err=err) == 2
    assert err.getvalue().startswith("caspian search: ")


def test_words_that_fit_many_records_keep_the_message_short() -> None:
    """A word that fits dozens of records names the first few and the count; every id is in
    candidates."""
    fitting = [a.id for a in caspian.agreements() if "caspian" in a.title.casefold()]
    with pytest.raises(AmbiguousKeyError) as info:
        caspian.agreement("Caspian")
    assert len(info.value.candidates) > 8
    assert set(fitting) <= set(info.value.candidates)
    message = str(info.value)
    assert f"names {len(info.value.candidates)} agreement records" in message
    assert "more; caspian.search() lists them all" in message
    assert info.value.candidates[-1] not in message
