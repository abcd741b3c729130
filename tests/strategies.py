"""Hypothesis strategies shared by the property-based tests."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

from hypothesis import strategies as st

from conftest import minimal_records

FILES = list(minimal_records())

# Values of every JSON type, including awkward ones.
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=3000),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def mutated_records(draw: st.DrawFn) -> dict[str, Any]:
    """The minimal dataset with one random mutation: a removed or retyped field, a broken
    reference, an extra key, a swapped record, invalid JSON, a truncated file, or bad bytes."""
    records: dict[str, Any] = copy.deepcopy(minimal_records())
    name = draw(st.sampled_from(FILES))
    items = records[name]
    record = items[0]
    action = draw(
        st.sampled_from(
            [
                "remove",
                "retype",
                "reference",
                "extra",
                "replace_record",
                "invalid_json",
                "truncate",
                "bytes",
                "nested",
            ]
        )
    )
    if action == "remove":
        record.pop(draw(st.sampled_from(sorted(record))))
    elif action == "retype":
        record[draw(st.sampled_from(sorted(record)))] = draw(json_values)
    elif action == "reference":
        for key in ("host", "agreement", "state", "meeting", "successor", "parent"):
            if key in record:
                record[key] = draw(st.text(max_size=12))
        if "participants" in record or "parties" in record or "route" in record:
            field = next(k for k in ("participants", "parties", "route") if k in record)
            record[field] = [*record[field], draw(st.text(max_size=12))]
    elif action == "extra":
        record[draw(st.text(min_size=1, max_size=10))] = draw(json_values)
    elif action == "replace_record":
        items[0] = draw(json_values)
    elif action == "nested":
        for key in ("city", "origin", "capacity", "sources"):
            if key in record:
                record[key] = draw(json_values)
    text = json.dumps(records[name], ensure_ascii=False)
    if action == "invalid_json":
        position = draw(st.integers(min_value=0, max_value=len(text)))
        records[name] = (
            text[:position] + draw(st.sampled_from(["{", "]", ",", "'", "\\"])) + text[position:]
        )
    elif action == "truncate":
        records[name] = text[: draw(st.integers(min_value=0, max_value=len(text) - 1))]
    elif action == "bytes":
        raw = text.encode("utf-8")
        position = draw(st.integers(min_value=0, max_value=len(raw)))
        records[name] = raw[:position] + draw(st.binary(min_size=1, max_size=4)) + raw[position:]
    return records


# Arguments of every query: right and wrong types alike.
query_values = st.one_of(
    st.none(),
    st.integers(min_value=-5, max_value=12000),
    st.text(max_size=15),
    st.sampled_from(
        ["IR", "Russia", "kz", "summit", "oil", "gas", "in_force", "navigation", "2007"]
    ),
    st.booleans(),
    st.floats(allow_nan=True),
    st.dates(),
    st.lists(st.integers(), max_size=2),
)


#: Days across the span of the data, for queries of status on a date.
days = st.dates(min_value=dt.date(1700, 1, 1), max_value=dt.date(2030, 12, 31))
#: The ways a day may be given to the time queries: a date, an ISO string, or a year.
day_arguments = st.one_of(
    days, days.map(dt.date.isoformat), st.integers(min_value=1700, max_value=2030)
)


# Keys for folding: letters of several scripts, accents, marks, invisible characters.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\x00", "\ufe0f"]
fold_keys = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            [
                *INVISIBLE,
                "\u0301",
                "\u0308",
                "\u093e",
                "\u0940",
                "\u0942",
                "\u064a",
                "\u06cc",
                "\ud800",
                "\u202e",
                "\n",
            ]
        ),
        st.sampled_from(list("aeiouAEIOU İıßøəÆ-–_.,' ")),
    ),
    max_size=20,
)


# Source addresses: well-formed, malformed and hostile.
hostile_urls = st.one_of(
    st.text(max_size=30),
    st.builds(
        lambda scheme, middle, tail: f"{scheme}{middle}{tail}",
        st.sampled_from(["https://", "http://", "javascript:", "ftp://", "", "https:"]),
        st.sampled_from(
            ["[::1", "[::1]", "example.org", "u:p@example.org", "example.org:99999", "a\\b.org"]
        ),
        st.text(max_size=10),
    ),
)

# Names of entries in a data folder: data files' names, near misses, anything.
folder_entries = st.one_of(
    st.sampled_from(["meeting.json", "Summits.json", "STATES.JSON", "states.jsn", "x.json"]),
    st.from_regex(r"[A-Za-z0-9_.\-]{1,20}", fullmatch=True).filter(
        lambda name: name not in (".", "..")
    ),
)


# -- addresses, for the host matching of the publisher registry --------------------------------

host_label = st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True).filter(
    lambda label: label not in {"www", "m", "amp", "mobile"}
)
url_path = st.lists(st.from_regex(r"[A-Za-z0-9_.-]{1,12}", fullmatch=True), max_size=4).map(
    lambda segments: "".join(f"/{s}" for s in segments)
)
variant_prefix = st.sampled_from(["", "www.", "m.", "amp.", "WWW.", "mobile."])
