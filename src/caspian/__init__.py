"""Caspian littoral-state diplomacy as typed, immutable, sourced Python objects.

The module-level functions query the data shipped with the library; each kind of record is read
on its first query, not at import. Every record carries the public sources its facts were read
from.

>>> import caspian
>>> [(s.city.name, s.year) for s in caspian.summits(after=2007)]
[('Baku', 2010), ('Astrakhan', 2014), ('Aktau', 2018), ('Ashgabat', 2022)]
>>> caspian.state("Persia").name
'Iran'
"""

from __future__ import annotations

from types import FunctionType
from typing import TYPE_CHECKING, Any

from caspian.errors import *  # noqa: F403  (the errors, listed once in their __all__)
from caspian.errors import __all__ as _ERRORS

# -- generated (python -m caspian._listing): type_checking --
if TYPE_CHECKING:
    from caspian._chronicle import events as events
    from caspian._chronicle import panel as panel
    from caspian._package import to_datapackage as to_datapackage
    from caspian._search import Match as Match
    from caspian._time import DyadYear as DyadYear
    from caspian._time import Event as Event
    from caspian._time import EventKind as EventKind
    from caspian._time import Precision as Precision
    from caspian._time import StateYear as StateYear
    from caspian.dataset import Dataset as Dataset
    from caspian.dataset import YearOrDate as YearOrDate
    from caspian.export import cite as cite
    from caspian.export import from_dict as from_dict
    from caspian.export import to_csv as to_csv
    from caspian.export import to_dataframe as to_dataframe
    from caspian.export import to_dict as to_dict
    from caspian.export import to_geojson as to_geojson
    from caspian.export import to_json as to_json
    from caspian.model import Agreement as Agreement
    from caspian.model import AgreementKind as AgreementKind
    from caspian.model import AgreementStatus as AgreementStatus
    from caspian.model import Alternative as Alternative
    from caspian.model import Article as Article
    from caspian.model import Attendee as Attendee
    from caspian.model import Capacity as Capacity
    from caspian.model import CapacityUnit as CapacityUnit
    from caspian.model import CapitalName as CapitalName
    from caspian.model import Commodity as Commodity
    from caspian.model import Coordinates as Coordinates
    from caspian.model import Kind as Kind
    from caspian.model import LocalName as LocalName
    from caspian.model import Meeting as Meeting
    from caspian.model import MeetingKind as MeetingKind
    from caspian.model import MeetingStatus as MeetingStatus
    from caspian.model import Pipeline as Pipeline
    from caspian.model import PipelineStatus as PipelineStatus
    from caspian.model import Place as Place
    from caspian.model import Ratification as Ratification
    from caspian.model import RatificationStatus as RatificationStatus
    from caspian.model import Record as Record
    from caspian.model import ReserveCategory as ReserveCategory
    from caspian.model import ReserveEstimate as ReserveEstimate
    from caspian.model import ReserveUnit as ReserveUnit
    from caspian.model import Results as Results
    from caspian.model import Source as Source
    from caspian.model import SourceKind as SourceKind
    from caspian.model import State as State
    from caspian.model import Summit as Summit
    from caspian.model import Topic as Topic
# -- end of generated (python -m caspian._listing): type_checking --

if TYPE_CHECKING:  # read on use (``__getattr__``), as attrs reads its own
    from caspian._version import __data_version__ as __data_version__
    from caspian._version import __version__ as __version__

# The names loaded on first use (so that ``import caspian`` stays cheap), each listed once: here
# by module for those outside the model, and in the ``__all__`` of the module that defines it
# for those of the model (``_MODEL_NAMES`` below and the ``TYPE_CHECKING`` imports above are
# generated from both by ``python -m caspian._listing``; a test fails while they are stale).
# ``__all__`` (at the end of this module) and ``__dir__`` are derived from them, the errors' own
# ``__all__`` and the functions defined here.
_LAZY_MODULES: dict[str, tuple[str, ...]] = {
    "caspian._chronicle": ("events", "panel"),
    "caspian._package": ("to_datapackage",),
    "caspian._time": ("DyadYear", "Event", "EventKind", "Precision", "StateYear"),
    "caspian._search": ("Match",),
    "caspian.dataset": ("Dataset", "YearOrDate"),
    "caspian.export": (
        "cite",
        "from_dict",
        "to_csv",
        "to_dataframe",
        "to_dict",
        "to_geojson",
        "to_json",
    ),
}

# -- generated (python -m caspian._listing): model_names --
_MODEL_NAMES = (
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
    "Kind",
    "LocalName",
    "Meeting",
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
    "SourceKind",
    "State",
    "Summit",
    "Topic",
)
# -- end of generated (python -m caspian._listing): model_names --

_LAZY = {
    name: module
    for module, names in (*_LAZY_MODULES.items(), ("caspian.model", _MODEL_NAMES))
    for name in names
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None and name in ("__version__", "__data_version__"):
        module = "caspian._version"  # read on use, as attrs reads its own
    if module is None:
        # A kind added to the registry without functions of its own gets generic ones.
        found = None if name.startswith("_") else _added(name)
        if found is None:
            raise AttributeError(f"module 'caspian' has no attribute {name!r}")
        return found
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(
        {*__all__, "__version__", "__data_version__"}
        | {n for n in globals() if n.startswith("__") and n.endswith("__")}
    )


def _added(name: str) -> Any:
    from caspian._query import added

    return added(name, lambda: _dataset or _data())


#: The packaged dataset, once a query has asked for it (:meth:`Dataset.packaged` makes it,
#: and keeps it): holding it here saves each call a lookup.
_dataset: Dataset | None = None


if TYPE_CHECKING:
    from caspian._query import answer as _answer
else:

    def _answer(data, kind, values):
        """The first query's answer: then the generic answer is bound here, and answers every
        query function directly (as the ``Dataset`` methods do, one call fewer)."""
        global _answer
        from caspian._query import answer as _answer

        return _answer(data, kind, values)


class _Model:
    """``caspian.model``, imported when a query function first names a kind in it (so that
    ``import caspian`` does not import it)."""

    def __getattr__(self, name: str) -> Any:
        global _model
        import caspian.model as _model

        return getattr(_model, name)


_model: Any = _Model()


def _data() -> Dataset:
    """The packaged dataset, made on the first query."""
    global _dataset
    from caspian.dataset import Dataset

    _dataset = Dataset.packaged()
    return _dataset


# -- generated (python -m caspian._listing): functions --
def states(*, littoral: bool | None = None, as_of: YearOrDate | None = None) -> tuple[State, ...]:
    """States: those that exist today, or with ``as_of`` those that existed then.

    Args:
        littoral: Keep only states on the Caspian shore (``True``) or only others (``False``).
        as_of: A year or date; gives the entities that existed in that year, historic ones included.

    >>> import caspian
    >>> [s.name for s in caspian.states(littoral=True)]
    ['Azerbaijan', 'Iran', 'Kazakhstan', 'Russia', 'Turkmenistan']
    >>> [s.id for s in caspian.states(as_of=1828, littoral=True)]
    ['qajar-persia', 'russian-empire']
    """
    return _answer(_dataset or _data(), _model.State, (littoral, as_of))


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
    data = _dataset or _data()
    index = data._indexes.get(_model.State)  # an id or a key as written: one dict
    found = index.exact.get(key) if index is not None and key.__class__ is str else None
    return found if found is not None else data.state(key)  # type: ignore[return-value]


def meetings(
    *,
    after: YearOrDate | None = None,
    before: YearOrDate | None = None,
    host: str | State | None = None,
    kind: MeetingKind | str | None = None,
    participant: str | State | None = None,
    status: MeetingStatus | str | None = None,
    year: int | None = None,
) -> tuple[Meeting, ...]:
    """Diplomatic meetings of every kind, in chronological order (undated ones last).

    Summits of heads of state are meetings too; :func:`summits` gives only them.

    Args:
        after: Keep meetings that started after this year (after its end) or date. Exclusive.
        before: Keep meetings that started before this year (before its start) or date. Exclusive.
        host: Keep meetings hosted by this state (a :class:`State` or any key for one).
        kind: ``"summit"``, ``"ministerial"``, ``"conference"``, ``"forum"``, ``"regional"`` or
            ``"negotiation"``, or a :class:`MeetingKind`.
        participant: Keep meetings this state took part in.
        status: ``"held"`` or ``"planned"``.
        year: Keep meetings that started in this year (with ``after`` and ``before``, the years they
            share).

    A date filter leaves out meetings without a date.

    Raises:
        ArgumentTypeError: an argument of the wrong type (``after=2007.5``).
        InvalidQueryError: an empty range, or an unknown kind or status.
        NotFoundError: a state key that names no state.

    >>> import caspian
    >>> [m.id for m in caspian.meetings(after=2017, before=2019)]
    ['cop-extraordinary-2018-moscow', 'fm-meeting-2018-aktau', 'caspian-summit-2018']
    """
    return _answer(
        _dataset or _data(), _model.Meeting, (after, before, host, kind, participant, status, year)
    )


def meeting(key: str | Meeting) -> Meeting:
    """The meeting (of any kind, summits included) with this id, name or alias.

    Aliases include the seed article's wording, such as ``"Nur-Sultan, 2017"``.

    Raises:
        NotFoundError: no meeting matches; the error suggests close matches.

    >>> import caspian
    >>> caspian.meeting("Nur-Sultan, 2017").city.name
    'Moscow'
    """
    data = _dataset or _data()
    index = data._indexes.get(_model.Meeting)  # an id or a key as written: one dict
    found = index.exact.get(key) if index is not None and key.__class__ is str else None
    return found if found is not None else data.meeting(key)  # type: ignore[return-value]


def summits(
    *,
    after: YearOrDate | None = None,
    before: YearOrDate | None = None,
    host: str | State | None = None,
    participant: str | State | None = None,
    status: MeetingStatus | str | None = None,
    year: int | None = None,
) -> tuple[Summit, ...]:
    """The Caspian Summits of heads of state, in chronological order (undated ones last).

    Other meetings (foreign ministers, conferences, forums) are in :func:`meetings`.

    Args:
        after: Keep summits that started after this year (after its end) or date. Exclusive.
        before: Keep summits that started before this year (before its start) or date. Exclusive.
        host: Keep summits hosted by this state (a :class:`State` or any key for one).
        participant: Keep summits this state took part in.
        status: ``"held"`` or ``"planned"``.
        year: Keep summits that started in this year.

    A date filter leaves out a summit without a date (the planned seventh has none).

    Raises:
        ArgumentTypeError: an argument of the wrong type (``after=2007.5``).
        InvalidQueryError: an empty range, or an unknown status.
        NotFoundError: a state key that names no state.

    >>> import caspian
    >>> [s.id for s in caspian.summits(after=2007)]
    ['caspian-summit-2010', 'caspian-summit-2014', 'caspian-summit-2018', 'caspian-summit-2022']
    >>> [s.name for s in caspian.summits(host="KZ")]
    ['Fifth Caspian Summit (Aktau)']
    """
    return _answer(
        _dataset or _data(), _model.Summit, (after, before, host, participant, status, year)
    )


def summit(key: str | Summit) -> Summit:
    """The Caspian Summit with this id, name or alias (case- and accent-insensitive).

    Aliases include the seed article's wording, such as ``"Tehran, 2007"``.

    Raises:
        NotFoundError: no summit matches; the error suggests close matches, or names the
            meeting the key leads to when it is not a summit.

    >>> import caspian
    >>> caspian.summit("Baku, 2010").start.isoformat()
    '2010-11-18'
    """
    data = _dataset or _data()
    index = data._indexes.get(_model.Summit)  # an id or a key as written: one dict
    found = index.exact.get(key) if index is not None and key.__class__ is str else None
    return found if found is not None else data.summit(key)  # type: ignore[return-value]


def agreements(
    *,
    party: str | State | None = None,
    after: YearOrDate | None = None,
    before: YearOrDate | None = None,
    kind: AgreementKind | str | None = None,
    topic: Topic | str | None = None,
    in_force: bool | None = None,
    meeting: str | Meeting | None = None,
    status: AgreementStatus | str | None = None,
    year: int | None = None,
    in_force_on: YearOrDate | str | None = None,
    binding: str | State | None = None,
) -> tuple[Agreement, ...]:
    """Documents in order of signing.

    Args:
        party: Keep documents this state is a party to.
        after: Keep documents signed after this year or date (exclusive).
        before: Keep documents signed before this year or date (exclusive).
        kind: ``"treaty"``, ``"convention"``, ``"protocol"``, ``"agreement"``, ``"declaration"``,
            ``"communique"`` or ``"memorandum"``.
        topic: Keep documents on this :class:`Topic`.
        in_force: ``True`` keeps those in force; ``False`` keeps those known not to be (not yet in
            force, terminated, or non-binding). Documents of unknown status match neither.
        meeting: Keep documents signed or adopted at this meeting (a summit or another).
        status: An exact :class:`AgreementStatus`.
        year: Keep documents signed in this year.
        in_force_on: Keep documents known to be in force on this day (a date, an ISO string, or a
            year: its last day); see :meth:`Agreement.in_force_on`. Undecided ones are left out.
        binding: Keep documents known to bind this state (on ``in_force_on``, else today); see
            :meth:`Agreement.binds`. Undecided ones are left out.

    >>> import caspian
    >>> [a.id for a in caspian.agreements(party="RU", after=2010, in_force=True)][:3]
    ['aktau-protocol', 'moscow-protocol', 'aquatic-bioresources-agreement-2014']
    >>> [a.id for a in caspian.agreements(binding="KZ", in_force_on="2006-12-31")]
    ['ru-kz-seabed-agreement-1998', 'tehran-convention']

    .. versionchanged:: 0.3 ``in_force_on`` and ``binding``.
    """
    return _answer(
        _dataset or _data(),
        _model.Agreement,
        (party, after, before, kind, topic, in_force, meeting, status, year, in_force_on, binding),
    )


def agreement(key: str | Agreement) -> Agreement:
    """The document with this id, title, short title or alias.

    >>> import caspian
    >>> caspian.agreement("Security and Military Cooperation Agreement").title
    'Agreement on Security Cooperation in the Caspian Sea'
    """
    data = _dataset or _data()
    index = data._indexes.get(_model.Agreement)  # an id or a key as written: one dict
    found = index.exact.get(key) if index is not None and key.__class__ is str else None
    return found if found is not None else data.agreement(key)  # type: ignore[return-value]


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
    return _answer(_dataset or _data(), _model.Article, (agreement, text, topic))


def ratifications(
    agreement: str | Agreement | None = None,
    *,
    state: str | State | None = None,
    status: RatificationStatus | str | None = None,
) -> tuple[Ratification, ...]:
    """Ratifications recorded in the data (``"pending"`` ones say a state has not yet ratified).

    Args:
        agreement: Keep the ratifications of this agreement.
        state: Keep the ratifications of this state (a :class:`State` or any key for one).
        status: Keep the ratifications in this :class:`RatificationStatus`.

    >>> import caspian
    >>> [r.state for r in caspian.ratifications("legal-status-convention", status="ratified")]
    ['kazakhstan', 'azerbaijan', 'russia', 'turkmenistan']
    """
    return _answer(_dataset or _data(), _model.Ratification, (agreement, state, status))


def pipelines(
    *,
    through: str | State | None = None,
    commodity: Commodity | str | None = None,
    status: PipelineStatus | str | None = None,
) -> tuple[Pipeline, ...]:
    """Pipelines, optionally those through a state, of a commodity, or in a status.

    Args:
        through: Keep pipelines whose route passes through this state (a :class:`State` or any key
            for one).
        commodity: Keep pipelines of this :class:`Commodity`.
        status: Keep pipelines in this :class:`PipelineStatus`.

    >>> import caspian
    >>> [p.id for p in caspian.pipelines(through="Türkiye")]
    ['baku-tbilisi-ceyhan', 'south-caucasus', 'tanap']
    """
    return _answer(_dataset or _data(), _model.Pipeline, (through, commodity, status))


def pipeline(key: str | Pipeline) -> Pipeline:
    """The pipeline with this id, name or alias (``"BTC"``, ``"SCP"``, ``"TAPI"``, ...).

    >>> import caspian
    >>> caspian.pipeline("SCP").name
    'South Caucasus Pipeline'
    """
    data = _dataset or _data()
    index = data._indexes.get(_model.Pipeline)  # an id or a key as written: one dict
    found = index.exact.get(key) if index is not None and key.__class__ is str else None
    return found if found is not None else data.pipeline(key)  # type: ignore[return-value]


def reserves(
    *, commodity: Commodity | str | None = None, category: ReserveCategory | str | None = None
) -> tuple[ReserveEstimate, ...]:
    """Estimates of the region's oil and gas, with units, basis, year and source.

    Args:
        commodity: Keep estimates of this :class:`Commodity`.
        category: Keep estimates of this :class:`ReserveCategory`.

    >>> import caspian
    >>> oil = caspian.reserves(commodity="oil", category="proved_and_probable")[0]
    >>> oil.value, oil.unit.value, oil.estimator
    (48.0, 'billion_barrels', 'U.S. Energy Information Administration')
    """
    return _answer(_dataset or _data(), _model.ReserveEstimate, (commodity, category))


# -- end of generated (python -m caspian._listing): functions --
def search(text: str, *, kind: str | None = None) -> tuple[Match, ...]:
    """The records of every kind that ``text`` names, best first, each with its kind named.

    A name, alias, code or id that is the text comes first; then records that hold every word
    of the text (their names, places, year and ordinal, as in lookups); then records whose
    name holds the text. ``kind`` (a noun: ``"summit"``, ``"agreement"`` ...) keeps one kind.

    Raises:
        InvalidQueryError: ``text`` holds no letter or digit, or ``kind`` names no kind.

    >>> import caspian
    >>> [(m.kind, m.id) for m in caspian.search("Aktau")][:2]
    [('summit', 'caspian-summit-2018'), ('meeting', 'cop3-2011-aktau')]
    >>> caspian.search("Turkmenchay", kind="agreement")[0].label
    'Treaty of Turkmenchay'
    """
    return (_dataset or _data()).search(text, kind=kind)


#: Every public name: the errors, the names loaded on first use, and the functions above.
__all__ = sorted(
    {*_ERRORS, *_LAZY}
    | {
        name
        for name, value in list(globals().items())
        if isinstance(value, FunctionType) and value.__module__ == __name__ and name[0] != "_"
    }
)
