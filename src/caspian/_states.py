"""The state records: today's states and historic entities, with codes, names and capitals.

>>> import caspian
>>> caspian.state("Persia").name
'Iran'
"""

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attr

from caspian._coerce import datetime as _dt
from caspian._filters import Filter, flag
from caspian._kind import (
    Kind,
    Problems,
    Record,
    Resolve,
    Value,
    after,
    as_day,
    as_year,
    bounded,
    dataset_field,
    ref,
    year_field,
)
from caspian._values import Alternative, Source

if TYPE_CHECKING:
    from caspian._energy import Pipeline
    from caspian._meetings import Meeting, Summit
    from caspian._treaties import Agreement, Ratification

R = TypeVar("R", bound=Record)

__all__ = ["CapitalName", "LocalName", "State"]


@attr.frozen(kw_only=True, repr=False, eq=False)
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


@attr.frozen(kw_only=True, repr=False, eq=False)
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


def _state_rules(state: "State", resolve: Resolve) -> Problems:
    seen = {state.id}
    step = state.successor
    while step is not None:
        if step in seen:
            yield "successor", f"the chain of successors returns to {step!r}"
            return
        seen.add(step)
        following = resolve("State", step)
        step = following.successor if following is not None else None


@attr.frozen(kw_only=True, repr=False, eq=False)
class State(Record):
    """A state: one of the five littoral states, a pipeline transit state, or a historic entity.

    >>> import caspian
    >>> iran = caspian.state("Persia")
    >>> iran.id, iran.iso_alpha3, iran.littoral
    ('iran', 'IRN', True)
    >>> caspian.state("Russian Empire").to_year
    1917
    """

    KIND: ClassVar[Kind] = Kind(
        file="states.json",
        noun="state",
        plural="states",
        keys=(
            "name",
            "official_name",
            "aliases",
            "iso_alpha2",
            "iso_alpha3",
            "iso_numeric",
            "native_names.name",
            "native_names.short_name",
        ),
        label="name",
        columns=("id", "name", "iso_alpha2", "capital", "littoral", "from_year", "to_year"),
        order=lambda s: (s.historic, not s.littoral, s.name),
        rules=(_state_rules,),
        cited=("capital", "from_year"),
        prefer=lambda s: not s.historic,
        filters=(
            flag(
                "littoral",
                meaning="Keep only states on the Caspian shore (``True``) or only others "
                "(``False``).",
            ),
            Filter(
                "as_of",
                "date",
                meaning="A year or date; gives the entities that existed in that year, "
                "historic ones included.",
                test=lambda s, day, _: not s.historic if day is None else s.exists_in(day.year),
                always=True,
            ),
        ),
    )

    #: The record's id: a stable lowercase slug, for example ``iran``, ``russian-empire``.
    id: str
    #: The common English name (``Iran``).
    name: str
    #: The full official name (``Islamic Republic of Iran``).
    official_name: str
    #: Other names it is looked up by (``Persia``, ``Turkey`` for Türkiye).
    aliases: tuple[str, ...] = ()
    #: ISO 3166-1 alpha-2 code (``IR``); ``None`` for historic entities.
    iso_alpha2: str | None = None
    #: ISO 3166-1 alpha-3 code (``IRN``); ``None`` for historic entities.
    iso_alpha3: str | None = None
    #: ISO 3166-1 numeric code as a three-digit string (``364``).
    iso_numeric: str | None = None
    #: The Wikidata item id (``Q794``), where one could be cited.
    wikidata: str | None = None
    #: The Correlates of War state code (``630`` for Iran), for joins with COW data; shared by
    #: the records of one COW state (the Russian Empire, the RSFSR, the USSR and Russia: 365).
    cow_code: int | None = bounded(None, minimum=1, maximum=999)
    #: The Correlates of War state abbreviation (``IRN`` for Iran, ``KZK`` for Kazakhstan);
    #: shared like ``cow_code``.
    cow_abbreviation: str | None = None
    #: The Gleditsch–Ward state code, for joins with data keyed by it; shared like ``cow_code``.
    gw_code: int | None = bounded(None, minimum=1, maximum=999)
    #: Whether the state lies on the Caspian shore.
    littoral: bool
    #: The capital's present name (or its last name, for a historic entity).
    capital: str | None = None
    #: The capital's names over time, with the dates of each.
    capital_history: tuple[CapitalName, ...] = ()
    #: Official names in the state's languages, each with its language code.
    native_names: tuple[LocalName, ...] = ()
    #: Length of the Caspian coastline in kilometres (UNEP figures).
    coastline_km: float | None = bounded(None, exclusiveMinimum=0, maximum=1_000_000)
    #: First year the entity existed; ``None`` if not recorded.
    from_year: int | None = year_field()
    #: Last year the entity existed; ``None`` while it exists.
    to_year: int | None = after("from_year", minimum=1, maximum=9999)
    #: The id of the state that succeeded this entity, if any.
    successor: str | None = ref("State")
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = dataset_field()

    @property
    def historic(self) -> bool:
        """Whether the entity no longer exists.

        >>> import caspian
        >>> caspian.state("USSR").historic, caspian.state("RU").historic
        (True, False)
        """
        return self.to_year is not None

    def exists_in(self, year: int | _dt.date) -> bool:
        """Whether the entity existed in ``year`` (unknown bounds count as open); a date
        counts as its year.

        Raises:
            ArgumentTypeError: if ``year`` is neither an int nor a date.

        >>> import caspian
        >>> caspian.state("soviet-union").exists_in(1940)
        True
        """
        year = as_year("year", year)
        return (self.from_year is None or self.from_year <= year) and (
            self.to_year is None or year <= self.to_year
        )

    def capital_on(self, day: _dt.date) -> str | None:
        """The capital's name on ``day`` (a date; a datetime counts as its date), from the
        capital history.

        Raises:
            ArgumentTypeError: if ``day`` is not a date.

        >>> import caspian, datetime
        >>> caspian.state("KZ").capital_on(datetime.date(2020, 6, 1))
        'Nur-Sultan'
        """
        day = as_day("day", day)
        for entry in self.capital_history:
            if entry.covers(day):
                return entry.name
        return self.capital if not self.capital_history else None

    def native_name(self, language: str) -> str | None:
        """The name in ``language`` (an ISO 639-1 code), or ``None``.

        >>> import caspian
        >>> caspian.state("AZ").native_name("az")
        'Azərbaycan Respublikası'
        """
        for entry in self.native_names:
            if entry.language == language:
                return entry.name
        return None

    def successor_state(self) -> "State | None":
        """The state this entity was succeeded by.

        >>> import caspian
        >>> caspian.state("russian-sfsr").successor_state().name
        'Soviet Union'
        """
        return self.dataset.state(self.successor) if self.successor else None

    def predecessor_states(self) -> "tuple[State, ...]":
        """The entities this state succeeded.

        >>> import caspian
        >>> [s.id for s in caspian.state("iran").predecessor_states()]
        ['pahlavi-iran']
        """
        return tuple(self.dataset._referring(State, "successor", self, lambda same: same))

    def meetings(self) -> "tuple[Meeting, ...]":
        """Meetings of every kind this state took part in, in order.

        >>> import caspian
        >>> len(caspian.state("TM").meetings()) > len(caspian.state("TM").summits())
        True
        """
        from caspian.model import Meeting

        return self._named_by(Meeting, "participants")

    def summits(self) -> "tuple[Summit, ...]":
        """The Caspian Summits this state took part in, in order.

        >>> import caspian
        >>> [s.year for s in caspian.state("TM").summits()]
        [2002, 2007, 2010, 2014, 2018, 2022, None]
        """
        from caspian.model import Summit

        return self._named_by(Summit, "participants")

    def agreements(self) -> "tuple[Agreement, ...]":
        """Documents this state is a party to, in order of signing.

        >>> import caspian
        >>> "legal-status-convention" in [a.id for a in caspian.state("IR").agreements()]
        True
        """
        from caspian.model import Agreement

        return self._named_by(Agreement, "parties")

    def ratifications(self) -> "tuple[Ratification, ...]":
        """This state's ratifications (and known pending ones).

        >>> import caspian
        >>> [r.agreement for r in caspian.state("IR").ratifications() if r.status == "pending"]
        ['legal-status-convention']
        """
        from caspian.model import Ratification

        return self._named_by(Ratification, "state")

    def pipelines(self) -> "tuple[Pipeline, ...]":
        """Pipelines whose route crosses this state.

        >>> import caspian
        >>> [p.id for p in caspian.state("GE").pipelines()][:2]
        ['baku-tbilisi-ceyhan', 'south-caucasus']
        """
        from caspian.model import Pipeline

        return self._named_by(Pipeline, "route")

    def _named_by(self, kind: type[R], field: str) -> tuple[R, ...]:
        """The records of ``kind`` whose ``field`` names this state, in order (from the
        dataset's reverse index: as fast as the answer is short)."""
        return self.dataset._referring(kind, field, self, self.dataset.state)


#: The docs of the typed query and lookup of each kind here: ``caspian.<plural>()``,
#: ``caspian.<noun>()`` and the ``Dataset`` methods of the same names, which
#: ``python -m caspian._listing`` writes into ``__init__.py`` and ``dataset.py``. A line
#: ``Args:`` stands for the arguments, each with its filter's meaning.
DOCS = {
    "states": """
    States: those that exist today, or with ``as_of`` those that existed then.

    Args:

    >>> import caspian
    >>> [s.name for s in caspian.states(littoral=True)]
    ['Azerbaijan', 'Iran', 'Kazakhstan', 'Russia', 'Turkmenistan']
    >>> [s.id for s in caspian.states(as_of=1828, littoral=True)]
    ['qajar-persia', 'russian-empire']
    """,
    "state": """
    The state with this id, ISO code (alpha-2, alpha-3, numeric), name, alias or native name.

    Raises:
        NotFoundError: no state matches; the error suggests close matches.
        AmbiguousKeyError: the key names several states.

    >>> import caspian
    >>> caspian.state("IR").official_name
    'Islamic Republic of Iran'
    >>> caspian.state("Қазақстан Республикасы").id
    'kazakhstan'
    """,
    "Dataset.states": """
    Same as :func:`caspian.states`, on this dataset.

    >>> import caspian
    >>> len(caspian.Dataset.packaged().states(littoral=True))
    5
    """,
    "Dataset.state": """
    Same as :func:`caspian.state`, on this dataset.

    >>> import caspian
    >>> caspian.Dataset.packaged().state("TKM").name
    'Turkmenistan'
    """,
}
