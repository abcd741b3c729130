"""The record types: immutable, slotted, keyword-only attrs classes.

Every record has an ``id`` (a stable lowercase slug), ``sources`` (at least one public page) and
``notes``. Fields that name other records hold their ids; the methods beside them return the
records themselves, from the dataset the record was loaded from.

>>> import caspian
>>> summit = caspian.summit("caspian-summit-2018")
>>> summit.city.name, summit.start.isoformat()
('Aktau', '2018-08-12')
>>> summit.host_state().name
'Kazakhstan'
"""

import datetime as _dt
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

if TYPE_CHECKING:
    from caspian.dataset import Dataset

__all__ = [
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Alternative",
    "Article",
    "Attendee",
    "Capacity",
    "CapacityUnit",
    "CapitalName",
    "Commodity",
    "Coordinates",
    "LocalName",
    "MeetingKind",
    "MeetingStatus",
    "Pipeline",
    "PipelineStatus",
    "Place",
    "Ratification",
    "RatificationStatus",
    "Record",
    "ReserveCategory",
    "ReserveEstimate",
    "ReserveUnit",
    "Results",
    "Source",
    "State",
    "Summit",
    "Topic",
]


class _Vocabulary(str, Enum):
    """A closed vocabulary whose values are lowercase strings."""

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


class MeetingKind(_Vocabulary):
    """What kind of meeting a :class:`Summit` record is.

    >>> MeetingKind("summit") is MeetingKind.SUMMIT
    True
    """

    #: A summit of the heads of state (the numbered Caspian Summits).
    SUMMIT = "summit"
    #: A meeting of foreign ministers.
    MINISTERIAL = "ministerial"
    #: The negotiation at which a historic treaty was concluded.
    NEGOTIATION = "negotiation"
    #: A conference of the parties of a convention, or a signing conference.
    CONFERENCE = "conference"


class MeetingStatus(_Vocabulary):
    """Whether a meeting has taken place.

    >>> str(MeetingStatus.PLANNED)
    'planned'
    """

    HELD = "held"
    PLANNED = "planned"


class AgreementKind(_Vocabulary):
    """The form of a document.

    >>> AgreementKind("convention")
    AgreementKind.CONVENTION
    """

    TREATY = "treaty"
    CONVENTION = "convention"
    PROTOCOL = "protocol"
    AGREEMENT = "agreement"
    DECLARATION = "declaration"
    COMMUNIQUE = "communique"
    MEMORANDUM = "memorandum"


class AgreementStatus(_Vocabulary):
    """The legal status of a document, as far as the sources tell.

    >>> AgreementStatus.NOT_IN_FORCE.value
    'not_in_force'
    """

    IN_FORCE = "in_force"
    NOT_IN_FORCE = "not_in_force"
    TERMINATED = "terminated"
    #: Political documents (declarations, communiqués) that do not enter into force.
    NON_BINDING = "non_binding"
    UNKNOWN = "unknown"


class RatificationStatus(_Vocabulary):
    """Whether a state has ratified (or approved, or acceded to) an agreement.

    >>> RatificationStatus("pending")
    RatificationStatus.PENDING
    """

    RATIFIED = "ratified"
    PENDING = "pending"


class Topic(_Vocabulary):
    """Subjects of agreements and articles.

    >>> Topic("pipelines")
    Topic.PIPELINES
    """

    DEFINITIONS = "definitions"
    LEGAL_STATUS = "legal_status"
    SOVEREIGNTY = "sovereignty"
    BOUNDARIES = "boundaries"
    SEABED = "seabed"
    NAVIGATION = "navigation"
    FISHERIES = "fisheries"
    ENVIRONMENT = "environment"
    POLLUTION = "pollution"
    BIODIVERSITY = "biodiversity"
    SECURITY = "security"
    MILITARY = "military"
    RESOURCES = "resources"
    ENERGY = "energy"
    PIPELINES = "pipelines"
    TRADE = "trade"
    TRANSPORT = "transport"
    EMERGENCIES = "emergencies"
    HYDROMETEOROLOGY = "hydrometeorology"
    SCIENTIFIC_RESEARCH = "scientific_research"
    DISPUTE_SETTLEMENT = "dispute_settlement"
    FINAL_CLAUSES = "final_clauses"
    COOPERATION = "cooperation"


class Commodity(_Vocabulary):
    """What a pipeline carries, or what a reserve estimate counts.

    >>> [str(c) for c in Commodity]
    ['oil', 'gas']
    """

    OIL = "oil"
    GAS = "gas"


class PipelineStatus(_Vocabulary):
    """Where a pipeline stands.

    >>> PipelineStatus("under_construction")
    PipelineStatus.UNDER_CONSTRUCTION
    """

    OPERATIONAL = "operational"
    UNDER_CONSTRUCTION = "under_construction"
    PROPOSED = "proposed"
    STALLED = "stalled"


class CapacityUnit(_Vocabulary):
    """Units of pipeline throughput.

    >>> CapacityUnit.BCM_PER_YEAR.value
    'bcm_per_year'
    """

    BARRELS_PER_DAY = "barrels_per_day"
    MILLION_BARRELS_PER_DAY = "million_barrels_per_day"
    BCM_PER_YEAR = "bcm_per_year"
    MILLION_TONNES_PER_YEAR = "million_tonnes_per_year"


class ReserveCategory(_Vocabulary):
    """The basis of a reserve estimate.

    >>> ReserveCategory("proved_and_probable")
    ReserveCategory.PROVED_AND_PROBABLE
    """

    PROVED_AND_PROBABLE = "proved_and_probable"
    UNDISCOVERED_TECHNICALLY_RECOVERABLE = "undiscovered_technically_recoverable"


class ReserveUnit(_Vocabulary):
    """Units of reserve estimates.

    >>> ReserveUnit.TRILLION_CUBIC_FEET.value
    'trillion_cubic_feet'
    """

    BILLION_BARRELS = "billion_barrels"
    TRILLION_CUBIC_FEET = "trillion_cubic_feet"


# ---------------------------------------------------------------------------------------------
# Small value types


@attrs.frozen(kw_only=True)
class Source:
    """A public page that a record's facts were read from.

    >>> Source(url="https://example.org/treaty", title="Treaty text").url
    'https://example.org/treaty'
    """

    url: str
    title: str
    publisher: str | None = None


@attrs.frozen(kw_only=True)
class Alternative:
    """A value that another source gives for one field of a record.

    The record keeps one value (the best-sourced); alternatives list the others with their
    sources, so disagreements are visible instead of hidden.

    >>> alt = Alternative(field="length_km", value="1,776 km",
    ...                   sources=(Source(url="https://example.org", title="Example"),))
    >>> alt.field
    'length_km'
    """

    field: str
    value: str
    sources: tuple[Source, ...]
    note: str | None = None


@attrs.frozen(kw_only=True)
class Coordinates:
    """A point in decimal degrees (WGS 84), longitude first as in GeoJSON.

    >>> Coordinates(longitude=51.17, latitude=43.65).as_tuple()
    (51.17, 43.65)
    """

    longitude: float
    latitude: float

    def as_tuple(self) -> tuple[float, float]:
        """Return ``(longitude, latitude)``.

        >>> Coordinates(longitude=1.5, latitude=2.5).as_tuple()
        (1.5, 2.5)
        """
        return (self.longitude, self.latitude)


@attrs.frozen(kw_only=True)
class Place:
    """A named place: a city, a terminal, a field.

    >>> Place(name="Aktau", state="kazakhstan").name
    'Aktau'
    """

    name: str
    #: The id of the state the place lies in.
    state: str | None = None
    coordinates: Coordinates | None = None


@attrs.frozen(kw_only=True)
class LocalName:
    """A name in one language (an ISO 639-1 code).

    >>> LocalName(language="kk", name="Қазақстан Республикасы").language
    'kk'
    """

    language: str
    name: str


@attrs.frozen(kw_only=True)
class CapitalName:
    """The name a capital had over a span of time (``None`` where open or unknown).

    >>> import datetime
    >>> name = CapitalName(name="Nur-Sultan", start=datetime.date(2019, 3, 20),
    ...                    end=datetime.date(2022, 9, 17))
    >>> name.covers(datetime.date(2020, 1, 1))
    True
    """

    name: str
    start: _dt.date | None = None
    end: _dt.date | None = None

    def covers(self, day: _dt.date) -> bool:
        """Whether ``day`` falls in this span (both ends included).

        >>> import datetime
        >>> CapitalName(name="Astana", start=datetime.date(2022, 9, 17)).covers(
        ...     datetime.date(2020, 1, 1))
        False
        """
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
class Attendee:
    """A person who attended a meeting for a state.

    >>> Attendee(name="Vladimir Putin", state="russia", office="President").office
    'President'
    """

    name: str
    state: str
    office: str | None = None


@attrs.frozen(kw_only=True)
class Capacity:
    """A pipeline throughput with its unit.

    >>> str(Capacity(value=1.2, unit=CapacityUnit.MILLION_BARRELS_PER_DAY))
    '1.2 million_barrels_per_day'
    """

    value: float
    unit: CapacityUnit

    def __str__(self) -> str:
        return f"{self.value:g} {self.unit.value}"


# ---------------------------------------------------------------------------------------------
# Records


def _dataset_field() -> Any:
    return attrs.field(default=None, init=False, eq=False, repr=False, hash=False)


def _derived(default: Any = ()) -> Any:
    """A field filled by the dataset from other files; never set in a record's own file."""
    return attrs.field(default=default, metadata={"derived": True})


class Record:
    """Behaviour shared by every record type (mixed into the attrs classes).

    >>> import caspian
    >>> isinstance(caspian.state("IR"), Record)
    True
    """

    __slots__ = ()

    if TYPE_CHECKING:
        __attrs_attrs__: ClassVar[tuple[attrs.Attribute[Any], ...]]

    id: str
    sources: tuple[Source, ...]
    notes: str | None
    _dataset: Any

    @property
    def dataset(self) -> "Dataset":
        """The dataset this record belongs to (the packaged one for records made by hand).

        >>> import caspian
        >>> caspian.state("IR").dataset is caspian.Dataset.packaged()
        True
        """
        from caspian.dataset import Dataset

        if isinstance(self._dataset, Dataset):
            return self._dataset

        return Dataset.packaged()

    def _attach(self, dataset: "Dataset") -> None:
        object.__setattr__(self, "_dataset", dataset)

    #: The fields shown by ``repr()``: enough to recognise the record in a terminal.
    _short: tuple[str, ...] = ("id",)

    def __repr__(self) -> str:
        parts = []
        for name in self._short:
            value = getattr(self, name)
            if isinstance(value, _dt.date):
                value = value.isoformat()
            elif isinstance(value, Enum):
                value = value.value
            parts.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def _repr_html_(self) -> str:
        from caspian.export import record_html

        return record_html(self)


@attrs.frozen(kw_only=True, repr=False)
class State(Record):
    """A state: one of the five littoral states, a pipeline transit state, or a historic entity.

    >>> import caspian
    >>> iran = caspian.state("Persia")
    >>> iran.id, iran.iso_alpha3, iran.littoral
    ('iran', 'IRN', True)
    >>> caspian.state("Russian Empire").to_year
    1917
    """

    _short = ("id", "name")

    id: str
    name: str
    official_name: str
    aliases: tuple[str, ...] = ()
    iso_alpha2: str | None = None
    iso_alpha3: str | None = None
    iso_numeric: str | None = None
    wikidata: str | None = None
    littoral: bool
    capital: str | None = None
    capital_history: tuple[CapitalName, ...] = ()
    native_names: tuple[LocalName, ...] = ()
    coastline_km: float | None = None
    #: First year the entity existed (``None`` if not recorded).
    from_year: int | None = None
    #: Last year the entity existed (``None`` while it exists).
    to_year: int | None = None
    successor: str | None = None
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = _dataset_field()

    @property
    def historic(self) -> bool:
        """Whether the entity no longer exists.

        >>> import caspian
        >>> caspian.state("USSR").historic, caspian.state("RU").historic
        (True, False)
        """
        return self.to_year is not None

    def exists_in(self, year: int) -> bool:
        """Whether the entity existed in ``year`` (unknown bounds count as open).

        >>> import caspian
        >>> caspian.state("soviet-union").exists_in(1940)
        True
        """
        return (self.from_year is None or self.from_year <= year) and (
            self.to_year is None or year <= self.to_year
        )

    def capital_on(self, day: _dt.date) -> str | None:
        """The capital's name on ``day``, from the capital history.

        >>> import caspian, datetime
        >>> caspian.state("KZ").capital_on(datetime.date(2020, 6, 1))
        'Nur-Sultan'
        """
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
        return tuple(s for s in self.dataset._all_states if s.successor == self.id)

    def summits(self) -> "tuple[Summit, ...]":
        """Meetings this state took part in, in order.

        >>> import caspian
        >>> len(caspian.state("TM").summits()) >= 6
        True
        """
        return self.dataset.summits(participant=self)

    def agreements(self) -> "tuple[Agreement, ...]":
        """Documents this state is a party to, in order of signing.

        >>> import caspian
        >>> "legal-status-convention" in [a.id for a in caspian.state("IR").agreements()]
        True
        """
        return self.dataset.agreements(party=self)

    def pipelines(self) -> "tuple[Pipeline, ...]":
        """Pipelines whose route crosses this state.

        >>> import caspian
        >>> [p.id for p in caspian.state("GE").pipelines()][:2]
        ['baku-tbilisi-ceyhan', 'south-caucasus']
        """
        return self.dataset.pipelines(through=self)


@attrs.frozen(kw_only=True, repr=False)
class Summit(Record):
    """A diplomatic meeting: a Caspian Summit, a ministers' meeting, a negotiation, a conference.

    >>> import caspian
    >>> first = caspian.summit("Ashgabat, 2002")
    >>> first.ordinal, first.start.isoformat(), first.end.isoformat()
    (1, '2002-04-23', '2002-04-24')
    """

    _short = ("id", "name", "start")

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: MeetingKind
    status: MeetingStatus = MeetingStatus.HELD
    #: 1 for the First Caspian Summit and so on; ``None`` for other meetings.
    ordinal: int | None = None
    city: Place
    #: The id of the host state.
    host: str | None = None
    start: _dt.date | None = None
    end: _dt.date | None = None
    participants: tuple[str, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    summary: str = ""
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    #: Ids of the documents signed or adopted at the meeting (from the agreements' ``summit``).
    agreements: tuple[str, ...] = _derived()
    _dataset: Any = _dataset_field()

    @property
    def when(self) -> _dt.date | None:
        """The first known date (the start, else the end, for talks known only by their close).

        >>> import caspian
        >>> caspian.summit("turkmenchay-negotiations-1828").when.isoformat()
        '1828-02-22'
        """
        return self.start or self.end

    @property
    def year(self) -> int | None:
        """The year of :attr:`when`, or ``None`` for a meeting without a known date.

        >>> import caspian
        >>> caspian.summit("caspian-summit-2010").year
        2010
        """
        when = self.when
        return when.year if when else None

    def host_state(self) -> "State | None":
        """The host state.

        >>> import caspian
        >>> caspian.summit("caspian-summit-2014").host_state().name
        'Russia'
        """
        return self.dataset.state(self.host) if self.host else None

    def participant_states(self) -> "tuple[State, ...]":
        """The states that took part.

        >>> import caspian
        >>> len(caspian.summit("caspian-summit-2022").participant_states())
        5
        """
        return tuple(self.dataset.state(p) for p in self.participants)

    def signed_agreements(self) -> "tuple[Agreement, ...]":
        """The documents signed or adopted at the meeting.

        >>> import caspian
        >>> [a.id for a in caspian.summit("caspian-summit-2010").signed_agreements()]
        ['security-agreement-2010']
        """
        return tuple(self.dataset.agreement(a) for a in self.agreements)


@attrs.frozen(kw_only=True, repr=False)
class Article(Record):
    """One article of an agreement, summarised in our own words.

    >>> import caspian
    >>> art = caspian.agreement("legal-status-convention").article(1)
    >>> art.title
    'Definitions'
    """

    _short = ("id", "title")

    id: str
    #: The id of the agreement.
    agreement: str
    number: int
    title: str
    summary: str
    topics: tuple[Topic, ...] = ()
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = _dataset_field()

    def parent_agreement(self) -> "Agreement":
        """The agreement the article belongs to.

        >>> import caspian
        >>> caspian.articles("treaty-of-turkmenchay")[0].parent_agreement().short_title
        'Treaty of Turkmenchay'
        """
        return self.dataset.agreement(self.agreement)


@attrs.frozen(kw_only=True, repr=False)
class Ratification(Record):
    """A state's ratification (or approval) of an agreement, or its absence so far.

    >>> import caspian
    >>> [r.state for r in caspian.ratifications("legal-status-convention", status="pending")]
    ['iran']
    """

    _short = ("id", "status", "date")

    id: str
    agreement: str
    state: str
    status: RatificationStatus
    date: _dt.date | None = None
    #: The act that ratified it, as its state names it.
    instrument: str | None = None
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = _dataset_field()


@attrs.frozen(kw_only=True, repr=False)
class Agreement(Record):
    """A treaty, convention, protocol, agreement, declaration or communiqué.

    >>> import caspian
    >>> convention = caspian.agreement("Convention on the Legal Status of the Caspian Sea")
    >>> convention.signed.isoformat(), convention.status.value, convention.place.name
    ('2018-08-12', 'not_in_force', 'Aktau')
    """

    _short = ("id", "short_title", "signed")

    id: str
    title: str
    short_title: str
    aliases: tuple[str, ...] = ()
    kind: AgreementKind
    signed: _dt.date | None = None
    place: Place | None = None
    #: The id of the meeting where it was signed, if any.
    summit: str | None = None
    #: The id of the instrument this one is a protocol to, if any.
    parent: str | None = None
    parties: tuple[str, ...] = ()
    status: AgreementStatus = AgreementStatus.UNKNOWN
    #: The date of entry into force, where known.
    in_force: _dt.date | None = None
    ended: _dt.date | None = None
    #: The number of articles in the full text, where known (``articles`` may hold fewer).
    article_count: int | None = None
    topics: tuple[Topic, ...] = ()
    summary: str = ""
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    #: The articles recorded in the data (from ``articles.json``).
    articles: tuple[Article, ...] = _derived()
    #: The ratifications recorded in the data (from ``ratifications.json``).
    ratifications: tuple[Ratification, ...] = _derived()
    _dataset: Any = _dataset_field()

    @property
    def year(self) -> int | None:
        """The year of signing, or ``None``.

        >>> import caspian
        >>> caspian.agreement("tehran-convention").year
        2003
        """
        return self.signed.year if self.signed else None

    def article(self, number: int) -> "Article":
        """The article with this number.

        Raises:
            NotFoundError: if the data has no such article.

        >>> import caspian
        >>> caspian.agreement("legal-status-convention").article(14).number
        14
        """
        for art in self.articles:
            if art.number == number:
                return art
        from caspian.errors import NotFoundError

        have = [(str(a.number), a.title) for a in self.articles]
        close = [pair for pair in have if abs(int(pair[0]) - number) <= 1][:3]
        raise NotFoundError(number, f"article of {self.id}", close)

    def party_states(self) -> "tuple[State, ...]":
        """The parties.

        >>> import caspian
        >>> [s.id for s in caspian.agreement("treaty-of-gulistan").party_states()]
        ['russian-empire', 'qajar-persia']
        """
        return tuple(self.dataset.state(p) for p in self.parties)

    def meeting(self) -> "Summit | None":
        """The meeting where it was signed or adopted, if recorded.

        >>> import caspian
        >>> caspian.agreement("security-agreement-2010").meeting().city.name
        'Baku'
        """
        return self.dataset.summit(self.summit) if self.summit else None

    def parent_agreement(self) -> "Agreement | None":
        """The instrument this one is a protocol to.

        >>> import caspian
        >>> caspian.agreement("aktau-protocol").parent_agreement().short_title
        'Tehran Convention'
        """
        return self.dataset.agreement(self.parent) if self.parent else None

    def protocols(self) -> "tuple[Agreement, ...]":
        """Instruments that name this one as their parent.

        >>> import caspian
        >>> len(caspian.agreement("tehran-convention").protocols())
        4
        """
        return tuple(a for a in self.dataset.agreements() if a.parent == self.id)

    def ratified_by(self) -> "tuple[State, ...]":
        """The states recorded as having ratified it.

        >>> import caspian
        >>> sorted(s.id for s in caspian.agreement("legal-status-convention").ratified_by())
        ['azerbaijan', 'kazakhstan', 'russia', 'turkmenistan']
        """
        return tuple(
            self.dataset.state(r.state)
            for r in self.ratifications
            if r.status is RatificationStatus.RATIFIED
        )


@attrs.frozen(kw_only=True, repr=False)
class Pipeline(Record):
    """An oil or gas pipeline that carries Caspian resources (or is planned to).

    >>> import caspian
    >>> btc = caspian.pipeline("BTC")
    >>> btc.name, btc.route
    ('Baku–Tbilisi–Ceyhan pipeline', ('azerbaijan', 'georgia', 'turkey'))
    """

    _short = ("id", "name", "status")

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    commodity: Commodity
    #: State ids in order along the route, origin first.
    route: tuple[str, ...]
    origin: Place
    terminus: Place
    waypoints: tuple[Place, ...] = ()
    length_km: float | None = None
    capacity: Capacity | None = None
    status: PipelineStatus
    operational_since: int | None = None
    operator: str | None = None
    summary: str = ""
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = _dataset_field()

    def route_states(self) -> "tuple[State, ...]":
        """The states along the route, in order.

        >>> import caspian
        >>> [s.name for s in caspian.pipeline("south-caucasus").route_states()][:2]
        ['Azerbaijan', 'Georgia']
        """
        return tuple(self.dataset.state(s) for s in self.route)


@attrs.frozen(kw_only=True, repr=False)
class ReserveEstimate(Record):
    """An estimate of the region's oil or gas, with explicit units, basis and year.

    >>> import caspian
    >>> gas = caspian.reserves(commodity="gas", category="proved_and_probable")[0]
    >>> gas.value, gas.unit.value, gas.year
    (292.0, 'trillion_cubic_feet', 2012)
    >>> round(gas.in_cubic_metres() / 1e12, 2)
    8.27
    """

    _short = ("id", "value", "unit", "year")

    id: str
    commodity: Commodity
    category: ReserveCategory
    value: float
    unit: ReserveUnit
    #: The year the estimate refers to, where the source gives it.
    year: int | None = None
    estimator: str
    region: str
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = _dataset_field()

    def in_cubic_metres(self) -> float:
        """A gas estimate converted to cubic metres (1 ft = 0.3048 m exactly).

        Raises:
            ValueError: for an oil estimate, which is counted in barrels.

        >>> import caspian
        >>> oil = caspian.reserves(commodity="oil")[0]
        >>> oil.in_cubic_metres()
        Traceback (most recent call last):
        ...
        ValueError: caspian-oil-proved-probable-2012 is counted in billion_barrels, not ...
        """
        if self.unit is not ReserveUnit.TRILLION_CUBIC_FEET:
            raise ValueError(f"{self.id} is counted in {self.unit.value}, not in a volume of gas")
        return self.value * 1e12 * 0.3048**3


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
        from caspian.export import records_html

        return records_html(self)


#: Record types in the order their files are loaded.
RECORD_TYPES: tuple[type[Record], ...] = (
    State,
    Summit,
    Agreement,
    Article,
    Ratification,
    Pipeline,
    ReserveEstimate,
)
