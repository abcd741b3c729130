"""Key lookups (ids, codes, names, aliases) and every error a user can meet in a query."""

from __future__ import annotations

import datetime as dt

import pytest

import caspian
from caspian import (
    AmbiguousKeyError,
    ArgumentTypeError,
    CaspianError,
    InvalidQueryError,
    NotFoundError,
)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("iran", "iran"),
        ("IR", "iran"),
        ("irn", "iran"),
        ("364", "iran"),
        ("Persia", "iran"),
        ("islamic republic of iran", "iran"),
        ("جمهوری اسلامی ایران", "iran"),
        ("Russia", "russia"),
        ("Russian Federation", "russia"),
        ("USSR", "soviet-union"),
        ("Soviet Union", "soviet-union"),
        ("Türkiye", "turkey"),
        ("turkiye", "turkey"),
        ("Turkey", "turkey"),
        ("Azərbaycan Respublikası", "azerbaijan"),
        ("azerbaycan respublikasi", "azerbaijan"),
        ("  KAZAKHSTAN ", "kazakhstan"),
        ("Qajar Persia", "qajar-persia"),
    ],
)
def test_state_keys(key: str, expected: str) -> None:
    """A state is found by id, ISO codes, names, aliases and native names, ignoring case and accents."""
    assert expected == caspian.state(key).id


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("BTC", "baku-tbilisi-ceyhan"),
        ("Baku-Tbilisi-Ceyhan pipeline", "baku-tbilisi-ceyhan"),
        ("baku tbilisi ceyhan", "baku-tbilisi-ceyhan"),
        ("Baku–Tbilisi–Erzurum pipeline", "south-caucasus"),
        ("tapi", "tapi"),
    ],
)
def test_pipeline_keys(key: str, expected: str) -> None:
    """Pipelines are found by id, name and alias; dashes and spaces are interchangeable."""
    assert expected == caspian.pipeline(key).id


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Ashgabat, 2002", "caspian-summit-2002"),
        ("Tehran, 2007", "caspian-summit-2007"),
        ("Baku, 2010", "caspian-summit-2010"),
        ("Astrakhan, 2014", "caspian-summit-2014"),
        ("Nur-Sultan, 2017", "fm-meeting-2017-moscow"),
        ("Aktau, 2018", "caspian-summit-2018"),
        ("Treaty of Turkmenchay, 1828", "turkmenchay-negotiations-1828"),
    ],
)
def test_seed_wording_finds_meetings(key: str, expected: str) -> None:
    """Each entry of the seed's "Summits" list resolves to a meeting, by the seed's own wording;
    summit() finds the same record exactly when it is a summit."""
    assert expected == caspian.meeting(key).id
    if expected.startswith("caspian-summit"):
        assert expected == caspian.summit(key).id
    else:
        with pytest.raises(NotFoundError, match=r"use caspian\.meeting\(\) for that"):
            caspian.summit(key)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Security and Military Cooperation Agreement", "security-agreement-2010"),
        ("Agreement on Security Cooperation in the Caspian Sea", "security-agreement-2010"),
        ("Caspian Environment Convention", "tehran-convention"),
        ("Convention on the Legal Status of the Caspian Sea", "legal-status-convention"),
        ("Treaty of Turkmenchay", "treaty-of-turkmenchay"),
        ("Treaty of Gulistan", "treaty-of-gulistan"),
    ],
)
def test_agreement_keys(key: str, expected: str) -> None:
    """Agreements are found by title, short title and alias (the seed's titles included)."""
    assert expected == caspian.agreement(key).id


def test_record_as_key_returns_the_packaged_record() -> None:
    """Passing a record looks it up by its id."""
    iran = caspian.state("iran")
    assert iran is caspian.state(iran)


def test_not_found_message_and_suggestions() -> None:
    """An unknown key names the key and the kind, and suggests close matches."""
    with pytest.raises(NotFoundError) as info:
        caspian.state("Turkmenstan")
    error = info.value
    assert (
        str(error) == "no state matches 'Turkmenstan'; did you mean 'turkmenistan' (Turkmenistan)?"
    )
    assert error.suggestions == ("turkmenistan",)
    assert (error.key, error.kind) == ("Turkmenstan", "state")
    assert isinstance(error, LookupError)
    assert isinstance(error, CaspianError)


def test_not_found_without_suggestions() -> None:
    """A key with nothing close says so plainly."""
    with pytest.raises(NotFoundError) as info:
        caspian.pipeline("zzzzzzzz")
    assert str(info.value) == "no pipeline matches 'zzzzzzzz'"
    assert info.value.suggestions == ()


def test_not_found_substring_suggestion() -> None:
    """A fragment of a word of a long name suggests the records that contain it."""
    with pytest.raises(NotFoundError) as info:
        caspian.agreement("Turkmench")
    assert "treaty-of-turkmenchay" in info.value.suggestions


def test_filter_key_that_resolves_to_nothing_raises() -> None:
    """host='Atlantis' raises NotFoundError naming the parameter's kind, never an empty result."""
    with pytest.raises(NotFoundError, match="no state matches 'Atlantis'"):
        caspian.summits(host="Atlantis")
    with pytest.raises(NotFoundError, match="no meeting matches 'Yalta'"):
        caspian.agreements(meeting="Yalta")
    with pytest.raises(NotFoundError, match="no agreement matches 'Treaty of Nowhere'"):
        caspian.articles("Treaty of Nowhere")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: caspian.summits(before=2007.5),
            "before must be a year (int), a datetime.date or such text ('2007', '2007-10-16'), "
            "not float: 2007.5",
        ),
        (
            lambda: caspian.summits(after=True),
            "after must be a year (int), a datetime.date or such text ('2007', '2007-10-16'), "
            "not bool: True",
        ),
        (
            lambda: caspian.states(as_of=1828.0),
            "as_of must be a year (int), a datetime.date or such text ('2007', '2007-10-16'), "
            "not float: 1828.0",
        ),
        (lambda: caspian.state(42), "key must be a state id or name (str) or a State, not int: 42"),
        (
            lambda: caspian.summits(host=7),
            "host must be a state id or name (str) or a State, not int: 7",
        ),
        (
            lambda: caspian.states(littoral="yes"),
            "littoral must be True, False or None, not str: 'yes'",
        ),
        (
            lambda: caspian.agreements(in_force=1),
            "in_force must be True, False or None, not int: 1",
        ),
        (lambda: caspian.meetings(kind=3), "kind must be a MeetingKind or a string, not int: 3"),
        (lambda: caspian.articles(text=5), "text must be a string, not int: 5"),
    ],
)
def test_wrong_types(call: object, message: str) -> None:
    """A wrong type raises ArgumentTypeError (a TypeError) naming the parameter and what it accepts."""
    with pytest.raises(ArgumentTypeError) as info:
        call()  # type: ignore[operator]
    assert message == str(info.value)
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: caspian.summits(after=2010, before=2010),
            "empty range: no date is after 2010 and before 2010",
        ),
        (
            lambda: caspian.summits(after=2010, before=2011),
            "empty range: no date is after 2010 and before 2011",
        ),
        (
            lambda: caspian.summits(after=dt.date(2010, 1, 2), before=dt.date(2010, 1, 1)),
            "empty range: no date is after datetime.date(2010, 1, 2) and before datetime.date(2010, 1, 1)",
        ),
        (lambda: caspian.summits(after=0), "after must be a year from 1 to 9999, got 0"),
        (
            lambda: caspian.meetings(kind="sumit"),
            "kind must be one of 'summit', 'ministerial', 'negotiation', 'conference', 'forum', 'regional'; got 'sumit' (did you mean 'summit'?)",
        ),
        (
            lambda: caspian.summits(after=9999, before=2000),
            "empty range: no date is after 9999 and before 2000",
        ),
        (
            lambda: caspian.meetings(after=1, before=1),
            "empty range: no date is after 1 and before 1",
        ),
        (
            lambda: caspian.pipelines(status="built"),
            "status must be one of 'operational', 'idle', 'under_construction', 'proposed', 'stalled'; got 'built'",
        ),
    ],
)
def test_impossible_values(call: object, message: str) -> None:
    """An empty range or an unknown vocabulary value raises InvalidQueryError (a ValueError)."""
    with pytest.raises(InvalidQueryError) as info:
        call()  # type: ignore[operator]
    assert message == str(info.value)
    assert isinstance(info.value, ValueError)


def test_vocabulary_values_are_forgiving_about_spelling() -> None:
    """'Under construction' and 'under-construction' mean 'under_construction'."""
    assert caspian.pipelines(status="Under construction") == caspian.pipelines(
        status="under-construction"
    )


def test_unknown_keyword_fails_like_python() -> None:
    """An unknown keyword raises Python's own TypeError; summits() has no kind filter."""
    with pytest.raises(TypeError, match="unexpected keyword argument 'city'"):
        caspian.summits(city="Baku")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'kind'"):
        caspian.summits(kind="summit")  # type: ignore[call-arg]


def test_ambiguous_key(write, records) -> None:  # type: ignore[no-untyped-def]
    """A key shared by two records raises AmbiguousKeyError listing both ids."""
    records["states.json"][1]["aliases"] = ["Alphaland"]
    data = caspian.Dataset.from_directory(write(records))
    with pytest.raises(AmbiguousKeyError) as info:
        data.state("alphaland")
    assert info.value.candidates == ("alpha", "beta")
    assert (
        str(info.value)
        == "'alphaland' names more than one state: 'alpha', 'beta'; use one of these ids"
    )
    assert data.state("beta").id == "beta"


def test_a_key_shared_by_two_records_is_ambiguous_as_written_too() -> None:
    """'Ashgabat' names two summits: as written or folded, it raises AmbiguousKeyError."""
    for key in ("Ashgabat", "ashgabat", "ASHGABAT"):
        with pytest.raises(AmbiguousKeyError) as info:
            caspian.summit(key)
        assert info.value.candidates == ("caspian-summit-2002", "caspian-summit-2022")


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Aktau", "caspian-summit-2018"),
        ("baku", "caspian-summit-2010"),
        ("Astrakhan", "caspian-summit-2014"),
    ],
)
def test_a_summit_is_found_by_its_city_where_it_was_the_only_one(key: str, expected: str) -> None:
    """A city where one summit was held names that summit; meeting() with the city names
    the one meeting held there, or lists every meeting held there."""
    assert expected == caspian.summit(key).id
    held = tuple(m.id for m in caspian.meetings() if m.city.name.casefold() == key.casefold())
    if len(held) == 1:
        assert expected == caspian.meeting(key).id
    else:
        with pytest.raises(AmbiguousKeyError) as info:
            caspian.meeting(key)
        assert held == info.value.candidates


@pytest.mark.parametrize(
    ("lookup", "key", "expected"),
    [
        ("agreement", "2018 Convention", "legal-status-convention"),
        ("agreement", "Caspian Sea Convention", "legal-status-convention"),
        ("agreement", "Kazakhstan-Azerbaijan seabed agreement", "az-kz-seabed-agreement-2001"),
        ("agreement", "‘Dostlug’ field memorandum", "dostlug-memorandum-2021"),
        ("pipeline", "Tengiz-Novorossiysk", "caspian-pipeline-consortium"),
        ("pipeline", "Tengiz—Novorossiysk", "caspian-pipeline-consortium"),
        ("pipeline", "Caspian Pipeline Consortium", "caspian-pipeline-consortium"),
        ("pipeline", "Baku-Tbilisi-Ceyhan", "baku-tbilisi-ceyhan"),
        ("pipeline", "Baku-Novorossiysk", "baku-novorossiysk"),
        ("pipeline", "South Caucasus", "south-caucasus"),
        ("pipeline", "Trans Caspian", "trans-caspian"),
        ("summit", "Fifth Caspian Summit", "caspian-summit-2018"),
        (
            "meeting",
            "Third Meeting of the Conference of the Parties to the Tehran Convention",
            "cop3-2011-aktau",
        ),
    ],
)
def test_common_short_titles_and_typed_dashes_find_the_record(
    lookup: str, key: str, expected: str
) -> None:
    """Short titles people use, any dash or quote, and names without their closing '(...)'
    or (for pipelines) without 'pipeline', 'oil' or 'gas' find the record."""
    assert getattr(caspian, lookup)(key).id == expected


@pytest.mark.parametrize(
    "kind", [caspian.State, caspian.Meeting, caspian.Agreement, caspian.Pipeline]
)
def test_every_full_key_still_finds_its_own_record(kind: type[caspian.Record]) -> None:
    """A shorter form never takes a key from a record that has it in full: every id, name
    and alias finds its own record, or is refused as naming several."""
    from caspian._index import keys_of

    data = caspian.Dataset.packaged()
    lookup = getattr(data, kind.KIND.noun)  # data.state, data.meeting, ...
    for record in data.records(kind):
        for key in [record.id, *keys_of(record, kind)]:
            try:
                found = lookup(key)
            except AmbiguousKeyError as error:
                assert record.id in error.candidates
            else:
                # Or the current state answers a key it shares with historic entities.
                current = getattr(record, "historic", False) and not found.historic
                assert found is record or current, (key, found.id, record.id)


def test_a_shorter_form_yields_to_a_full_key(write, records) -> None:  # type: ignore[no-untyped-def]
    """'Alpha' is one pipeline's name and another's alias without 'pipeline': the full key
    wins; a shorter form shared by two records is ambiguous, not a silent pick."""
    line = records["pipelines.json"][0]
    records["pipelines.json"] = [
        {**line, "id": "one", "name": "Alpha", "aliases": []},
        {**line, "id": "two", "name": "Alpha pipeline", "aliases": ["Gamma gas pipeline"]},
        {**line, "id": "three", "name": "Gamma oil pipeline", "aliases": []},
    ]
    data = caspian.Dataset.from_directory(write(records))
    assert data.pipeline("Alpha").id == "one"
    assert data.pipeline("Alpha pipeline").id == "two"
    assert data.pipeline("Gamma gas").id == "two"
    with pytest.raises(AmbiguousKeyError) as info:
        data.pipeline("Gamma")
    assert info.value.candidates == ("two", "three")


def test_shorter_forms_of_a_hostile_key_stay_few() -> None:
    """A key made of optional words repeated many times yields at most one form per word."""
    from caspian._keys import short_forms

    forms = short_forms("x" + " pipeline" * 100_000 + " (y)", ["pipeline", "oil", "gas"])
    assert len(forms) == 4
