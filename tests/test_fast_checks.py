"""The loader's fast paths give the answers of the slow ones: a plain URL passes exactly when
``urlsplit`` would let it, text checks skip only what cannot be wrong, the per-class plans of
the rules see each class's own fields, and the strict plan builds what the converter builds
and leaves everything else to it."""

from __future__ import annotations

from urllib.parse import urlsplit

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caspian
from caspian._construct import strict
from caspian._load import converter
from caspian._rules import _plan, check_value, url_problem
from caspian._values import Coordinates, Place, Source
from caspian.errors import _shown, printable
from caspian.model import KINDS
from strategies import hostile_urls


def reference_url_problem(url: object) -> str | None:
    """url_problem as 0.2 wrote it: every character tested, then ``urlsplit`` on every URL."""
    shown = _shown(url)
    if not isinstance(url, str):
        return f"is not an http(s) URL with a host: {shown}"
    if "\\" in url or any(ch.isspace() or not ch.isprintable() for ch in url):
        return f"must not hold spaces, control characters or backslashes: {shown}"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018
    except ValueError as error:
        return f"is not a valid URL ({printable(str(error))}): {shown}"
    if parts.username is not None or parts.password is not None:
        return f"must not hold a user name or password: {shown}"
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host or "." not in host or host.endswith("."):
        return f"is not an http(s) URL with a host: {shown}"
    return None


plain_urls = st.builds(
    lambda scheme, labels, tail: f"{scheme}{'.'.join(labels)}{tail}",
    st.sampled_from(["https://", "http://", "HTTP://", "https:/", "https:///"]),
    st.lists(st.from_regex(r"[A-Za-z0-9-]{0,6}", fullmatch=True), min_size=1, max_size=4),
    st.one_of(
        st.just(""),
        st.sampled_from(["/", "/a b", "?q=1", "#x", ":80/", "@evil.org", ".", "./", "\u00a0"]),
        st.text(max_size=8),
    ),
)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.one_of(hostile_urls, plain_urls))
def test_url_problem_answers_as_the_full_check(url: str) -> None:
    """Any address gets the message the character-by-character and urlsplit check gives."""
    assert reference_url_problem(url) == url_problem(url)


def test_url_problem_refuses_what_looks_plain() -> None:
    """Near misses of a plain address still get their problems."""
    near = ["https://example", "https://example.org.", "https://a..b/", "https://exa_mple.org"]
    near += ["https://u:p@example.org/", "http://user@example.org", "https://example.org:99999/"]
    near += ["https://example.org:80/", "https://[::1]/", "https://example.org\\x", "HTTPS://A.B"]
    near += ["https://example.org/\u00a0", "https://example.org/ x", "https://ex\u00e4mple.org/"]
    for url in near:
        assert reference_url_problem(url) == url_problem(url)
    assert url_problem("https://example.org/x") is None
    assert url_problem("https://example.") is not None


def test_lone_surrogates_are_found_in_every_kind_of_text() -> None:
    """A lone surrogate in a text field, a tuple of texts and a nested value is reported,
    while accented text passes."""
    source = Source(
        url="https://example.org/",
        title="Caf\ud800",
        kind="secondary",  # type: ignore[arg-type]
        supports=("name", "x\udfff"),
    )
    found = check_value(source, known=lambda kind: ())
    assert [(p.path, p.message) for p in found] == [
        ("title", "is not valid Unicode text (it holds a lone surrogate)"),
        ("supports[1]", "is not valid Unicode text (it holds a lone surrogate)"),
    ]
    assert check_value(attrs.evolve(source, title="Café", supports=("ñ",)), lambda kind: ()) == []


def test_plans_are_made_per_class() -> None:
    """Each class's plan lists its own fields (a subclass's too), not those of another."""
    assert {name for name, *_ in _plan(Source).fields} == {f.name for f in attrs.fields(Source)}
    place = _plan(Place)
    assert {name for name, *_ in place.fields} == {f.name for f in attrs.fields(Place)}
    assert [ref for name, _, ref, *_ in place.fields if name == "state"] == ["State"]
    assert _plan(Source).source and not place.source


def typed(value: object) -> object:
    """A value with the type of every part spelled out (1 and 1.0 differ, tuples and lists)."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return (type(value), tuple((f.name, typed(getattr(value, f.name))) for f in fields))
    if isinstance(value, (tuple, list)):
        return (type(value), tuple(typed(v) for v in value))
    return (type(value), value)


def test_the_strict_plan_builds_what_the_converter_builds() -> None:
    """Every packaged record, written out and read back by the strict plan, is the record
    the converter builds, down to the type of every value."""
    data = caspian.Dataset.packaged()
    for kind in KINDS:
        for record in data.records(kind):
            if type(record) is not kind:
                continue
            row = converter.unstructure(record)
            assert typed(converter.structure(row, kind)) == typed(strict(kind)(row))


REFUSED = [
    ("longitude", True),  # a bool is not a number
    ("longitude", "51"),
    ("longitude", None),
    ("latitude", [1.0]),
    ("extra", 1),  # a field Coordinates does not have
]


@pytest.mark.parametrize(("field", "value"), REFUSED)
def test_the_strict_plan_leaves_what_it_does_not_take_to_the_converter(
    field: str, value: object
) -> None:
    """An object the converter refuses (or might) is never built by the strict plan."""
    row = {"longitude": 51, "latitude": 43.6, field: value}
    with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal sends it to the converter
        strict(Coordinates)(row)
    with pytest.raises(Exception):  # noqa: B017, PT011 - and the converter refuses it too
        converter.structure(row, Coordinates)


def test_the_strict_plan_refuses_a_missing_field_and_a_word_outside_the_vocabulary() -> None:
    """A source without its title, or of an unknown kind, is left to the converter; a whole
    number where a float belongs is a float, as the converter makes it."""
    whole = {"longitude": 51, "latitude": 43}
    assert typed(strict(Coordinates)(whole)) == typed(converter.structure(whole, Coordinates))
    row = {"url": "https://example.org/", "title": "T", "kind": "secondary", "supports": ["x"]}
    assert strict(Source)(row) == converter.structure(row, Source)
    for broken in ({**row, "kind": "tertiary-ish"}, {k: v for k, v in row.items() if k != "title"}):
        with pytest.raises(Exception):  # noqa: B017, PT011
            strict(Source)(broken)


def test_references_are_the_ids_they_name(mini: caspian.Dataset) -> None:
    """In a loaded dataset a reference is the very string of the id it names (so that index
    lookups match by identity), and still equal to it."""
    states = {s.id: s for s in mini.records(caspian.State)}
    for meeting in mini.records(caspian.Meeting):
        for ident in meeting.participants:
            assert ident == states[ident].id
            assert ident is states[ident].id
        assert [s.id for s in meeting.participant_states()] == list(meeting.participants)
