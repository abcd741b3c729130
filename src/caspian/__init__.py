"""Caspian littoral-state diplomacy as typed, immutable, sourced Python objects.

The module-level functions query the data shipped with the library; it is read on the first
query, not at import. Every record carries the public sources its facts were read from.

>>> import caspian
>>> [(s.city.name, s.year) for s in caspian.summits(after=2007, kind="summit")]
[('Baku', 2010), ('Astrakhan', 2014), ('Aktau', 2018), ('Ashgabat', 2022)]
>>> caspian.state("Persia").name
'Iran'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from caspian.errors import (
    AmbiguousKeyError,
    ArgumentTypeError,
    CaspianError,
    DataError,
    InvalidQueryError,
    NotFoundError,
    Problem,
)

if TYPE_CHECKING:
    from caspian.dataset import Dataset, YearOrDate
    from caspian.export import (
        MissingDependencyError,
        cite,
        from_dict,
        to_csv,
        to_dataframe,
        to_dict,
        to_geojson,
        to_json,
    )
    from caspian.model import (
        Agreement,
        AgreementKind,
        AgreementStatus,
        Alternative,
        Article,
        Attendee,
        Capacity,
        CapacityUnit,
        CapitalName,
        Commodity,
        Coordinates,
        LocalName,
        MeetingKind,
        MeetingStatus,
        Pipeline,
        PipelineStatus,
        Place,
        Ratification,
        RatificationStatus,
        Record,
        ReserveCategory,
        ReserveEstimate,
        ReserveUnit,
        Source,
        State,
        Summit,
        Topic,
    )

    __version__: str

# Names loaded on first use, so that ``import caspian`` costs about as much as a plain module:
# the record classes (and attrs) load with the first query or the first use of a class.
_LAZY = {
    "Dataset": "caspian.dataset",
    "YearOrDate": "caspian.dataset",
    "Agreement": "caspian.model",
    "AgreementKind": "caspian.model",
    "AgreementStatus": "caspian.model",
    "Alternative": "caspian.model",
    "Article": "caspian.model",
    "Attendee": "caspian.model",
    "Capacity": "caspian.model",
    "CapacityUnit": "caspian.model",
    "CapitalName": "caspian.model",
    "Commodity": "caspian.model",
    "Coordinates": "caspian.model",
    "LocalName": "caspian.model",
    "MeetingKind": "caspian.model",
    "MeetingStatus": "caspian.model",
    "Pipeline": "caspian.model",
    "PipelineStatus": "caspian.model",
    "Place": "caspian.model",
    "Ratification": "caspian.model",
    "RatificationStatus": "caspian.model",
    "Record": "caspian.model",
    "ReserveCategory": "caspian.model",
    "ReserveEstimate": "caspian.model",
    "ReserveUnit": "caspian.model",
    "Source": "caspian.model",
    "State": "caspian.model",
    "Summit": "caspian.model",
    "Topic": "caspian.model",
    "MissingDependencyError": "caspian.export",
    "cite": "caspian.export",
    "from_dict": "caspian.export",
    "to_csv": "caspian.export",
    "to_dataframe": "caspian.export",
    "to_dict": "caspian.export",
    "to_geojson": "caspian.export",
    "to_json": "caspian.export",
}

#: The version of the packaged data (year.month.serial); cite it with the records you use.
__data_version__ = "2026.11.0"

__all__ = [
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Alternative",
    "AmbiguousKeyError",
    "ArgumentTypeError",
    "Article",
    "Attendee",
    "Capacity",
    "CapacityUnit",
    "CapitalName",
    "CaspianError",
    "Commodity",
    "Coordinates",
    "DataError",
    "Dataset",
    "InvalidQueryError",
    "LocalName",
    "MeetingKind",
    "MeetingStatus",
    "MissingDependencyError",
    "NotFoundError",
    "Pipeline",
    "PipelineStatus",
    "Place",
    "Problem",
    "Ratification",
    "RatificationStatus",
    "Record",
    "ReserveCategory",
    "ReserveEstimate",
    "ReserveUnit",
    "Source",
    "State",
    "Summit",
    "Topic",
    "YearOrDate",
    "agreement",
    "agreements",
    "articles",
    "cite",
    "from_dict",
    "pipeline",
    "pipelines",
    "ratifications",
    "reserves",
    "state",
    "states",
    "summit",
    "summits",
    "to_csv",
    "to_dataframe",
    "to_dict",
    "to_geojson",
    "to_json",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        import importlib

        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("caspian-diplomacy")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0+unknown"
    raise AttributeError(f"module 'caspian' has no attribute {name!r}")


_PACKAGED: list[Dataset] = []


def _data() -> Dataset:
    """The packaged dataset, kept here after the first call for cheap repeated queries."""
    if _PACKAGED:
        return _PACKAGED[0]
    from caspian.dataset import Dataset

    data = Dataset.packaged()
    _PACKAGED[:] = [data]
    return data


def summits(
    *,
    after: YearOrDate | None = None,
    before: YearOrDate | None = None,
    host: str | State | None = None,
    kind: MeetingKind | str | None = None,
    participant: str | State | None = None,
    status: MeetingStatus | str | None = None,
) -> tuple[Summit, ...]:
    """Diplomatic meetings in chronological order (planned meetings without a date come last).

    Args:
        after: Keep meetings that started after this year (after its end) or date. Exclusive.
        before: Keep meetings that started before this year (before its start) or date. Exclusive.
        host: Keep meetings hosted by this state (a :class:`State` or any key for one).
        kind: ``"summit"`` (heads of state), ``"ministerial"``, ``"negotiation"`` or
            ``"conference"``, or a :class:`MeetingKind`.
        participant: Keep meetings this state took part in.
        status: ``"held"`` or ``"planned"``.

    A date filter leaves out meetings without a date.

    Raises:
        ArgumentTypeError: an argument of the wrong type (``after="2007"``).
        InvalidQueryError: an empty range, or an unknown kind or status.
        NotFoundError: a state key that names no state.

    >>> import caspian
    >>> [s.id for s in caspian.summits(after=2007, before=2015, kind="summit")]
    ['caspian-summit-2010', 'caspian-summit-2014']
    >>> [s.name for s in caspian.summits(host="KZ", kind="summit")]
    ['Fifth Caspian Summit (Aktau)']
    """
    return _data().summits(
        after=after, before=before, host=host, kind=kind, participant=participant, status=status
    )


def summit(key: str | Summit) -> Summit:
    """The meeting with this id, name or alias (case- and accent-insensitive).

    Aliases include the seed article's wording, such as ``"Tehran, 2007"``.

    Raises:
        NotFoundError: no meeting matches; the error suggests close matches.

    >>> import caspian
    >>> caspian.summit("Baku, 2010").start.isoformat()
    '2010-11-18'
    """
    return _data().summit(key)


def states(*, littoral: bool | None = None, as_of: YearOrDate | None = None) -> tuple[State, ...]:
    """States: those that exist today, or with ``as_of`` those that existed then.

    Args:
        littoral: Keep only states on the Caspian shore (``True``) or only others (``False``).
        as_of: A year or date; gives the entities that existed in that year, historic ones
            included.

    >>> import caspian
    >>> [s.name for s in caspian.states(littoral=True)]
    ['Azerbaijan', 'Iran', 'Kazakhstan', 'Russia', 'Turkmenistan']
    >>> [s.id for s in caspian.states(as_of=1828)]
    ['qajar-persia', 'russian-empire']
    """
    return _data().states(littoral=littoral, as_of=as_of)


def state(key: str | State) -> State:
    """The state with this id, ISO code (alpha-2, alpha-3, numeric), name, alias or native name.

    Raises:
        NotFoundError: no state matches; the error suggests close matches.
        AmbiguousKeyError: the key names several states.

    >>> import caspian
    >>> caspian.state("IR").official_name
    'Islamic Republic of Iran'
    >>> caspian.state("Қазақстан Республикасы").id
    'kazakhstan'
    """
    return _data().state(key)


def agreements(
    *,
    party: str | State | None = None,
    after: YearOrDate | None = None,
    before: YearOrDate | None = None,
    kind: AgreementKind | str | None = None,
    topic: Topic | str | None = None,
    in_force: bool | None = None,
    summit: str | Summit | None = None,
    status: AgreementStatus | str | None = None,
) -> tuple[Agreement, ...]:
    """Documents in order of signing.

    Args:
        party: Keep documents this state is a party to.
        after: Keep documents signed after this year or date (exclusive).
        before: Keep documents signed before this year or date (exclusive).
        kind: ``"treaty"``, ``"convention"``, ``"protocol"``, ``"agreement"``,
            ``"declaration"``, ``"communique"`` or ``"memorandum"``.
        topic: Keep documents on this :class:`Topic`.
        in_force: ``True`` keeps those in force; ``False`` keeps those known not to be (not
            yet in force, terminated, or non-binding). Documents of unknown status match neither.
        summit: Keep documents signed at this meeting.
        status: An exact :class:`AgreementStatus`.

    >>> import caspian
    >>> [a.id for a in caspian.agreements(party="RU", after=2010, in_force=True)][:3]
    ['aktau-protocol', 'moscow-protocol', 'aquatic-bioresources-agreement-2014']
    """
    return _data().agreements(
        party=party,
        after=after,
        before=before,
        kind=kind,
        topic=topic,
        in_force=in_force,
        summit=summit,
        status=status,
    )


def agreement(key: str | Agreement) -> Agreement:
    """The document with this id, title, short title or alias.

    >>> import caspian
    >>> caspian.agreement("Security and Military Cooperation Agreement").title
    'Agreement on Security Cooperation in the Caspian Sea'
    """
    return _data().agreement(key)


def articles(
    agreement: str | Agreement | None = None,
    *,
    text: str | None = None,
    topic: Topic | str | None = None,
) -> tuple[Article, ...]:
    """Articles, of one agreement or of all, optionally searched.

    Args:
        agreement: Keep the articles of this agreement.
        text: Keep articles whose title or summary contains this text (case- and
            accent-insensitive).
        topic: Keep articles on this :class:`Topic`.

    >>> import caspian
    >>> [a.number for a in caspian.articles("legal-status-convention", text="pipeline")]
    [12, 14, 15]
    """
    return _data().articles(agreement, text=text, topic=topic)


def ratifications(
    agreement: str | Agreement | None = None,
    *,
    state: str | State | None = None,
    status: RatificationStatus | str | None = None,
) -> tuple[Ratification, ...]:
    """Ratifications recorded in the data (``"pending"`` ones say a state has not yet ratified).

    >>> import caspian
    >>> [r.state for r in caspian.ratifications("legal-status-convention", status="ratified")]
    ['kazakhstan', 'azerbaijan', 'russia', 'turkmenistan']
    """
    return _data().ratifications(agreement, state=state, status=status)


def pipelines(
    *,
    through: str | State | None = None,
    commodity: Commodity | str | None = None,
    status: PipelineStatus | str | None = None,
) -> tuple[Pipeline, ...]:
    """Pipelines, optionally those through a state, of a commodity, or in a status.

    >>> import caspian
    >>> [p.id for p in caspian.pipelines(through="Türkiye")]
    ['baku-tbilisi-ceyhan', 'south-caucasus']
    """
    return _data().pipelines(through=through, commodity=commodity, status=status)


def pipeline(key: str | Pipeline) -> Pipeline:
    """The pipeline with this id, name or alias (``"BTC"``, ``"SCP"``, ``"TAPI"``, ...).

    >>> import caspian
    >>> caspian.pipeline("SCP").name
    'South Caucasus Pipeline'
    """
    return _data().pipeline(key)


def reserves(
    *,
    commodity: Commodity | str | None = None,
    category: ReserveCategory | str | None = None,
) -> tuple[ReserveEstimate, ...]:
    """Estimates of the region's oil and gas, with units, basis, year and source.

    >>> import caspian
    >>> oil = caspian.reserves(commodity="oil", category="proved_and_probable")[0]
    >>> oil.value, oil.unit.value, oil.estimator
    (48.0, 'billion_barrels', 'U.S. Energy Information Administration')
    """
    return _data().reserves(commodity=commodity, category=category)
