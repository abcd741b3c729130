"""The descriptions the queries and loaders read (filters, field shapes) are immutable values."""

from __future__ import annotations

import pytest

from caspian._fields import shape
from caspian._filters import Filter, record
from caspian.model import Summit


def test_a_filter_is_an_immutable_value() -> None:
    """Filters compare and hash by their values, and cannot be changed."""
    host = record("host", "host", "Keep summits hosted by this state.")
    assert host == Filter("host", "record", ("host",), "Keep summits hosted by this state.")
    assert hash(host) == hash(record("host", "host", "Keep summits hosted by this state."))
    assert host != record("host", "host")
    with pytest.raises(AttributeError, match="immutable"):
        host.name = "guest"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        del host.fields  # type: ignore[misc]


def test_a_filter_takes_what_the_queries_know() -> None:
    """A filter that takes something unknown is refused when it is declared."""
    with pytest.raises(ValueError, match="'takes' must be in"):
        Filter("host", "country")


def test_a_shape_is_an_immutable_value() -> None:
    """A field's shape is cached and shared: it cannot be changed."""
    start = shape(Summit, "start")
    assert (start.kind, start.optional, start.many) == ("date", True, False)
    assert start == shape(Summit, "start")
    assert "Shape(name='start'" in repr(start)
    with pytest.raises(AttributeError, match="immutable"):
        start.kind = "str"  # type: ignore[misc]
