"""Small value types used inside the records: sources, places, names, attendees, capacities.

>>> from caspian import Place, Coordinates
>>> Place(name="Aktau", state="kazakhstan",
...       coordinates=Coordinates(longitude=51.17, latitude=43.65)).coordinates.as_tuple()
(51.17, 43.65)
"""

import datetime as _dt
from typing import Any

import attrs

from caspian._kind import Value, after, bounded, ref
from caspian._vocabulary import CapacityUnit, SourceKind

__all__ = [
    "Alternative",
    "Attendee",
    "Capacity",
    "CapitalName",
    "Coordinates",
    "LocalName",
    "Place",
    "Results",
    "Source",
]


@attrs.frozen(kw_only=True)
class Source(Value):
    """A public page that a record's facts were read from.

    >>> Source(url="https://example.org/treaty", title="Treaty text").url
    'https://example.org/treaty'
    """

    #: The page's address (http or https).
    url: str
    #: The page's title.
    title: str
    #: Who published it, where known.
    publisher: str | None = None
    #: Primary (a treaty text or official record), secondary (news agency, operator, agency,
    #: scholarship) or tertiary (an encyclopedia); ``None`` where not yet classified.
    kind: SourceKind | None = None
    #: The names of the record's fields this page supports (``"signed"``, ``"place"``).
    supports: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Alternative(Value):
    """A value that another source gives for one field of a record.

    The record keeps one value (the best-sourced); alternatives list the others with their
    sources, so disagreements are visible instead of hidden.

    >>> alt = Alternative(field="length_km", value="1,776 km",
    ...                   sources=(Source(url="https://example.org", title="Example"),))
    >>> alt.field
    'length_km'
    """

    #: The name of the field the other value is for (``length_km``).
    field: str
    #: The other value, as text, as the other source gives it.
    value: str
    #: The pages that give the other value.
    sources: tuple[Source, ...]
    #: Why the record keeps its own value instead, or how the two relate.
    note: str | None = None


@attrs.frozen(kw_only=True)
class Coordinates(Value):
    """A point in decimal degrees (WGS 84), longitude first as in GeoJSON.

    >>> Coordinates(longitude=51.17, latitude=43.65).as_tuple()
    (51.17, 43.65)
    """

    #: Degrees east (WGS 84, decimal degrees).
    longitude: float = bounded(minimum=-180, maximum=180)
    #: Degrees north (WGS 84, decimal degrees).
    latitude: float = bounded(minimum=-90, maximum=90)

    def as_tuple(self) -> tuple[float, float]:
        """Return ``(longitude, latitude)``.

        >>> Coordinates(longitude=1.5, latitude=2.5).as_tuple()
        (1.5, 2.5)
        """
        return (self.longitude, self.latitude)


@attrs.frozen(kw_only=True)
class Place(Value):
    """A named place: a city, a terminal, a field.

    >>> Place(name="Aktau", state="kazakhstan").name
    'Aktau'
    """

    #: The place's name.
    name: str
    #: The id of the state the place lies in (the present-day state for historic events).
    state: str | None = ref("State")
    #: The point, where known.
    coordinates: Coordinates | None = None


@attrs.frozen(kw_only=True)
class LocalName(Value):
    """A name in one language (an ISO 639-1 code).

    >>> LocalName(language="kk", name="Қазақстан Республикасы").language
    'kk'
    """

    #: An ISO 639-1 language code (``kk``).
    language: str
    #: The official name in that language.
    name: str
    #: The short name people type in that language (``Қазақстан``), where it differs.
    short_name: str | None = None


@attrs.frozen(kw_only=True)
class CapitalName(Value):
    """The name a capital had over a span of time (``None`` where open or unknown).

    >>> import datetime
    >>> name = CapitalName(name="Nur-Sultan", start=datetime.date(2019, 3, 20),
    ...                    end=datetime.date(2022, 9, 17))
    >>> name.covers(datetime.date(2020, 1, 1))
    True
    """

    #: The capital's name over this span.
    name: str
    #: The first day of the span; ``None`` where open or unknown.
    start: _dt.date | None = None
    #: The last day of the span; ``None`` where open or unknown.
    end: _dt.date | None = after("start")

    def covers(self, day: _dt.date) -> bool:
        """Whether ``day`` falls in this span (both ends included).

        >>> import datetime
        >>> CapitalName(name="Astana", start=datetime.date(2022, 9, 17)).covers(
        ...     datetime.date(2020, 1, 1))
        False
        """
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
class Attendee(Value):
    """A person who attended a meeting for a state.

    >>> Attendee(name="Vladimir Putin", state="russia", office="President").office
    'President'
    """

    #: The person's name.
    name: str
    #: The id of the state the person represented.
    state: str = ref("State", attrs.NOTHING)
    #: The person's office at the time (``President``).
    office: str | None = None


@attrs.frozen(kw_only=True)
class Capacity(Value):
    """A pipeline throughput with its unit.

    >>> str(Capacity(value=1.2, unit=CapacityUnit.MILLION_BARRELS_PER_DAY))
    '1.2 million_barrels_per_day'
    """

    #: The throughput, in ``unit``.
    value: float = bounded(exclusiveMinimum=0)
    #: Barrels per day, million barrels per day, billion cubic metres per year, or million
    #: tonnes per year.
    unit: CapacityUnit

    def __str__(self) -> str:
        return f"{self.value:g} {self.unit.value}"


class Results(tuple[Any, ...]):
    """The tuple that queries return: a plain, immutable tuple that also shows as a table in
    Jupyter.

    >>> import caspian
    >>> result = caspian.pipelines(status="proposed")
    >>> isinstance(result, tuple), result
    (True, (Pipeline(id='trans-caspian', name='Trans-Caspian Gas Pipeline', status='proposed'),))
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        from caspian._html import records_html

        return records_html(self)
