"""Small value types used inside the records: sources, places, names, attendees, capacities.

>>> from caspian import Place, Coordinates
>>> Place(name="Aktau", state="kazakhstan",
...       coordinates=Coordinates(longitude=51.17, latitude=43.65)).coordinates.as_tuple()
(51.17, 43.65)
"""

import typing
from typing import Any, SupportsIndex

import attr

from caspian._kind import Value, _Vocabulary, bounded, ref

__all__ = ["Alternative", "Coordinates", "Place", "Results", "Source", "SourceKind"]


class SourceKind(_Vocabulary):
    """How close a source stands to the facts it supports.

    The kind of every packaged source follows from its publisher and the record citing it, by
    the rule in ``docs/provenance.md`` (a test keeps the data in line with it).

    >>> SourceKind("primary")
    SourceKind.PRIMARY
    """

    #: A party's own publication of its own act (its government or legislature), a secretariat
    #: on its own convention and meetings, an operator or owner on its own pipeline, an agency
    #: on its own estimate, a code list's maintainer on its own codes.
    PRIMARY = "primary"
    #: News, scholarship, legal databases, and official bodies on what is not their own.
    SECONDARY = "secondary"
    #: An encyclopedia, a gazetteer or reference data (GeoNames, CLDR, pycountry).
    TERTIARY = "tertiary"


@attr.frozen(kw_only=True, repr=False, eq=False)
class Source(Value):
    """A public page that a record's facts were read from.

    >>> Source(url="https://example.org/treaty", title="Treaty text", kind=SourceKind.PRIMARY).url
    'https://example.org/treaty'
    """

    #: The page's address (http or https).
    url: str
    #: The page's title.
    title: str
    #: Who published it, where known.
    publisher: str | None = None
    #: Primary (a party's, secretariat's, operator's or agency's own publication on its own act,
    #: convention, pipeline or estimate), secondary (news, scholarship, legal databases, official
    #: bodies on what is not their own) or tertiary (encyclopedias, gazetteers, reference data).
    kind: SourceKind
    #: The names of the record's fields this page supports (``"signed"``, ``"place"``).
    supports: tuple[str, ...] = ()


@attr.frozen(kw_only=True, repr=False, eq=False)
class Alternative(Value):
    """A value that another source gives for one field of a record.

    The record keeps one value (the best-sourced); alternatives list the others with their
    sources, so disagreements are visible instead of hidden.

    >>> source = Source(url="https://example.org", title="Example", kind=SourceKind.SECONDARY)
    >>> alt = Alternative(field="length_km", value="1,776 km", sources=(source,))
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


@attr.frozen(kw_only=True, repr=False, eq=False)
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


@attr.frozen(kw_only=True, repr=False, eq=False)
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


class _Sealed(type):
    """The metaclass of :class:`Results`: its classes are shared by every query, so none of
    their attributes can be set or deleted (``type(result).kind = ...`` would change every
    later result)."""

    def __setattr__(cls, name: str, value: object) -> None:
        raise AttributeError(f"the class {cls.__name__} is shared and immutable")

    def __delattr__(cls, name: str) -> None:
        raise AttributeError(f"the class {cls.__name__} is shared and immutable")


class Results(tuple[Any, ...], metaclass=_Sealed):
    """The tuple that queries return: a plain, immutable tuple that also shows as a table in
    Jupyter.

    A slice of results is results too, and so is the sum of two, so they keep their table.
    Results of a query know the kind of record they hold (``kind``), so that even an empty one
    exports with its columns.

    >>> import caspian
    >>> result = caspian.pipelines(status="proposed")
    >>> isinstance(result, tuple), result
    (True, (Pipeline(id='trans-caspian', name='Trans-Caspian Gas Pipeline', status='proposed'),))
    >>> type(caspian.summits()[:2]).__name__, type(caspian.summits() + caspian.meetings()).__name__
    ('Results', 'Results')
    """

    __slots__ = ()

    #: The kind of record the results hold, where a query made them (``None`` otherwise).
    kind: typing.ClassVar[type | None] = None

    @classmethod
    def of(cls, kind: type) -> "type[Results]":
        """The Results class for records of ``kind`` (made once per kind)."""
        found = _TYPED.get(kind)
        if found is None:
            made = _Sealed("Results", (Results,), {"__slots__": (), "kind": kind})
            found = _TYPED.setdefault(kind, typing.cast("type[Results]", made))
        return found

    @typing.overload
    def __getitem__(self, index: SupportsIndex) -> Any: ...
    @typing.overload
    def __getitem__(self, index: slice) -> "Results": ...
    def __getitem__(self, index: SupportsIndex | slice) -> Any:
        found = tuple.__getitem__(self, index)
        return type(self)(found) if isinstance(index, slice) else found

    def __add__(self, other: tuple[Any, ...]) -> "Results":
        same = getattr(other, "kind", None) is self.kind
        return (type(self) if same else Results)(tuple.__add__(self, other))

    def _repr_html_(self) -> str:
        from caspian._html import records_html

        return records_html(self)

    def __reduce__(self) -> tuple[Any, ...]:
        # A kind's Results class is made at run time: it pickles as its kind and items.
        return (_results, (self.kind, tuple(self)))


_TYPED: dict[type, type[Results]] = {}


def _results(kind: type | None, items: tuple[Any, ...]) -> Results:
    """Results of ``kind`` holding ``items`` (how results unpickle)."""
    return (Results if kind is None else Results.of(kind))(items)
