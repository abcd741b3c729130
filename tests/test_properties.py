"""Property-based tests: bad data never escapes as anything but DataError; bad queries never
escape as anything but the documented errors."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import caspian
from caspian import ArgumentTypeError, DataError, InvalidQueryError, NotFoundError
from conftest import write_records
from strategies import mutated_records, query_values

SETTINGS = settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@seed(20261127)
@SETTINGS
@given(mutated_records())
def test_mutated_files_load_or_raise_data_error(records: dict[str, Any]) -> None:
    """A randomly damaged dataset either loads or raises DataError with at least one problem."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_records(Path(tmp), records)
        try:
            data = caspian.Dataset.from_directory(folder)
        except DataError as error:
            assert error.problems
            assert all(p.file.endswith(".json") for p in error.problems)
            return
        assert data.states(as_of=2000)


DOCUMENTED = (ArgumentTypeError, InvalidQueryError, NotFoundError, caspian.AmbiguousKeyError)


@seed(20261127)
@SETTINGS
@given(
    st.sampled_from(
        [
            "meetings",
            "summits",
            "agreements",
            "states",
            "pipelines",
            "articles",
            "ratifications",
            "reserves",
        ]
    ),
    st.dictionaries(
        st.sampled_from(
            [
                "after",
                "before",
                "host",
                "kind",
                "party",
                "topic",
                "in_force",
                "meeting",
                "through",
                "commodity",
                "status",
                "littoral",
                "as_of",
                "participant",
                "text",
                "category",
                "state",
                "in_force_on",
                "binding",
            ]
        ),
        query_values,
        max_size=3,
    ),
)
def test_random_queries_answer_or_raise_documented_errors(
    function: str, arguments: dict[str, Any]
) -> None:
    """Any mix of arguments gives a tuple of records or one of the documented errors."""
    query = getattr(caspian, function)
    try:
        result = query(**arguments)
    except DOCUMENTED:
        return
    except TypeError as error:
        # Python's own error for a keyword the function does not take.
        assert "unexpected keyword argument" in str(error)
        return
    assert isinstance(result, tuple)
    assert all(isinstance(r, caspian.Record) for r in result)


@seed(20261127)
@SETTINGS
@given(st.one_of(st.text(max_size=30), st.integers(), st.none(), st.binary(max_size=5)))
def test_random_keys_find_a_record_or_raise_lookup_errors(key: Any) -> None:
    """Any key finds a state or raises a LookupError (or ArgumentTypeError for a non-string)."""
    try:
        state = caspian.state(key)
    except (LookupError, ArgumentTypeError):
        return
    assert isinstance(state, caspian.State)


@seed(20261127)
@SETTINGS
@given(
    st.sampled_from(
        caspian.Dataset.packaged().records(caspian.State)
        + caspian.Dataset.packaged().records(caspian.Meeting)
    )
)
def test_every_record_is_found_by_its_own_names(record: caspian.Record) -> None:
    """Each state and meeting is found by its id and by its name."""
    lookup = caspian.state if isinstance(record, caspian.State) else caspian.meeting
    assert record is lookup(record.id)
    assert record is lookup(record.name)  # type: ignore[attr-defined]
