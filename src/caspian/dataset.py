"""The :class:`Dataset`: records loaded from JSON files, their indexes and the queries over them.

The module-level functions of :mod:`caspian` (``caspian.summits()`` and the rest) query the
packaged dataset, which is loaded once, on first use, and then shared. A :class:`Dataset` can
also be loaded from a directory of JSON files in the same format, alone or on top of the
packaged data.

>>> import caspian
>>> data = caspian.Dataset.packaged()
>>> [s.city.name for s in data.summits(kind="summit", after=2014)]
['Aktau', 'Ashgabat']
"""

from __future__ import annotations

import datetime as _dt
import gc
import json
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from typing import Any, TypeVar

import attrs

from caspian._keys import key_index, normalize, suggest
from caspian.errors import (
    AmbiguousKeyError,
    ArgumentTypeError,
    DataError,
    InvalidQueryError,
    NotFoundError,
    Problem,
)
from caspian.model import (
    RECORD_TYPES,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    Commodity,
    MeetingKind,
    MeetingStatus,
    Pipeline,
    PipelineStatus,
    Ratification,
    RatificationStatus,
    Record,
    ReserveCategory,
    ReserveEstimate,
    Results,
    State,
    Summit,
    Topic,
)

__all__ = ["FILES", "Dataset"]

R = TypeVar("R", bound=Record)
E = TypeVar("E", bound=Enum)
YearOrDate = int | _dt.date

#: The data file of each record type.
FILES: Mapping[type[Record], str] = {
    State: "states.json",
    Summit: "summits.json",
    Agreement: "agreements.json",
    Article: "articles.json",
    Ratification: "ratifications.json",
    Pipeline: "pipelines.json",
    ReserveEstimate: "reserves.json",
}

#: The word used for each record type in messages.
KINDS: Mapping[type[Record], str] = {
    State: "state",
    Summit: "summit",
    Agreement: "agreement",
    Article: "article",
    Ratification: "ratification",
    Pipeline: "pipeline",
    ReserveEstimate: "reserve estimate",
}


class _Lookup:
    """The key indexes of one kind of record (see ``Dataset._index``)."""

    __slots__ = ("exact", "keys", "labels")

    def __init__(
        self,
        exact: dict[str, Record],
        keys: dict[str, tuple[str, ...]],
        labels: dict[str, tuple[str, str]],
    ) -> None:
        self.exact = exact
        self.keys = keys
        self.labels = labels


_LOCK = threading.Lock()
_PACKAGED: list[Dataset] = []


def _keys_of(record: Record) -> tuple[str, str, list[str]]:
    """(id, label, lookup keys) of a record."""
    if isinstance(record, State):
        keys = [record.name, record.official_name, *record.aliases]
        keys += [c for c in (record.iso_alpha2, record.iso_alpha3, record.iso_numeric) if c]
        keys += [n.name for n in record.native_names]
        return record.id, record.name, keys
    if isinstance(record, (Summit, Pipeline)):
        return record.id, record.name, [record.name, *record.aliases]
    if isinstance(record, Agreement):
        return record.id, record.short_title, [record.title, record.short_title, *record.aliases]
    return record.id, record.id, []


def _chronological(day: _dt.date | None, ident: str) -> tuple[_dt.date, str]:
    return (day or _dt.date.max, ident)


# ---------------------------------------------------------------------------------------------
# Argument checks shared by every query


def _bound(name: str, value: YearOrDate | None, *, end_of_year: bool) -> _dt.date | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1 <= value <= 9999:
            raise InvalidQueryError(f"{name} must be a year from 1 to 9999, got {value}")
        return _dt.date(value, 12, 31) if end_of_year else _dt.date(value, 1, 1)
    raise ArgumentTypeError(
        f"{name} must be a year (int) or a datetime.date, not {type(value).__name__}: {value!r}"
    )


def _range(
    after: YearOrDate | None, before: YearOrDate | None
) -> tuple[_dt.date | None, _dt.date | None]:
    """The exclusive bounds of a date range, checked."""
    low = _bound("after", after, end_of_year=True)
    high = _bound("before", before, end_of_year=False)
    if low is not None and high is not None and low + _dt.timedelta(days=1) >= high:
        raise InvalidQueryError(f"empty range: no date is after {after!r} and before {before!r}")
    return low, high


def _dated(
    records: Sequence[R],
    dates: Sequence[_dt.date | None],
    low: _dt.date | None,
    high: _dt.date | None,
) -> Sequence[R]:
    """The records whose date lies strictly between ``low`` and ``high`` (undated ones drop)."""
    if low is None and high is None:
        return records
    return [
        r
        for r, day in zip(records, dates, strict=True)
        if day is not None and (low is None or day > low) and (high is None or day < high)
    ]


def _flag(name: str, value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ArgumentTypeError(
        f"{name} must be True, False or None, not {type(value).__name__}: {value!r}"
    )


def _vocabulary(name: str, value: E | str | None, enum: type[E]) -> E | None:
    if value is None or isinstance(value, enum):
        return value
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{name} must be a {enum.__name__} or a string, not {type(value).__name__}: {value!r}"
        )
    wanted = normalize(value).replace(" ", "_")
    for member in enum:
        if member.value == wanted:
            return member
    allowed = ", ".join(repr(m.value) for m in enum)
    labels = {m.value: (m.value, m.name) for m in enum}
    close = suggest(wanted, labels)
    hint = f" (did you mean {close[0][0]!r}?)" if close else ""
    raise InvalidQueryError(f"{name} must be one of {allowed}; got {value!r}{hint}")


def _text(name: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string, not {type(value).__name__}: {value!r}")
    return normalize(value)


# ---------------------------------------------------------------------------------------------


class Dataset:
    """A complete, validated set of records with indexes and queries.

    Use :meth:`packaged` for the data shipped with the library (the module-level functions use
    it), or :meth:`from_directory` for your own files. The query methods are the same as the
    module-level functions of :mod:`caspian`.

    >>> import caspian
    >>> data = caspian.Dataset.packaged()
    >>> data.state("Kazakhstan").capital
    'Astana'
    """

    __slots__ = (
        "_agreement_dates",
        "_agreements",
        "_all_states",
        "_articles",
        "_by_id",
        "_by_key",
        "_lookup",
        "_pipelines",
        "_ratifications",
        "_reserves",
        "_summit_dates",
        "_summits",
        "origin",
    )

    _all_states: tuple[State, ...]
    _summits: tuple[Summit, ...]
    _summit_dates: tuple[_dt.date | None, ...]
    _agreement_dates: tuple[_dt.date | None, ...]
    _agreements: tuple[Agreement, ...]
    _articles: tuple[Article, ...]
    _ratifications: tuple[Ratification, ...]
    _pipelines: tuple[Pipeline, ...]
    _reserves: tuple[ReserveEstimate, ...]
    _by_id: dict[type[Record], dict[str, Record]]
    _lookup: dict[type[Record], _Lookup]
    _by_key: dict[type[Record], dict[str, Record]]
    #: Where the records came from (``"packaged"`` or a directory path).
    origin: str

    def __init__(self) -> None:
        raise TypeError("use Dataset.packaged() or Dataset.from_directory(path) to get a Dataset")

    # -- loading ----------------------------------------------------------------------------

    @classmethod
    def packaged(cls) -> Dataset:
        """The data shipped with the library, loaded on first call and then shared.

        Loading is thread-safe: threads that ask at once get the same object, loaded once.

        >>> import caspian
        >>> caspian.Dataset.packaged() is caspian.Dataset.packaged()
        True
        """
        if _PACKAGED:
            return _PACKAGED[0]
        with _LOCK:
            if not _PACKAGED:
                from importlib.resources import files

                folder = files("caspian") / "data"
                raw = {t: (folder / name).read_bytes() for t, name in FILES.items()}
                # The packaged data passes the integrity rules in the test suite; at run time
                # only its structure is validated, while it is structured.
                _PACKAGED.append(cls._load(raw, origin="packaged", check_integrity=False))
        return _PACKAGED[0]

    @classmethod
    def from_directory(
        cls, path: str | os.PathLike[str], *, base: Dataset | None = None
    ) -> Dataset:
        """Load records from a directory of JSON files in the packaged format.

        Each file (``states.json``, ``summits.json``, ``agreements.json``, ``articles.json``,
        ``ratifications.json``, ``pipelines.json``, ``reserves.json``) is optional; a missing
        file counts as no records. With ``base``, the records are added to those of ``base``
        (for example ``Dataset.packaged()``), so you can extend the packaged data.

        The files are validated in full: structure (unknown keys are errors), then integrity
        (unique ids, references that resolve, dates in order, a source for every record).

        Raises:
            DataError: listing every problem found; nothing is half-loaded.
            FileNotFoundError: if ``path`` is not a directory.

        >>> import json, tempfile, pathlib, caspian
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> source = {"url": "https://example.org/meeting", "title": "Example"}
        >>> meeting = {"id": "fm-meeting-2030-baku", "name": "Foreign ministers, Baku 2030",
        ...            "kind": "ministerial", "status": "planned",
        ...            "city": {"name": "Baku", "state": "azerbaijan"},
        ...            "host": "azerbaijan", "notes": "An invented example.",
        ...            "sources": [source]}
        >>> _ = (folder / "summits.json").write_text(json.dumps([meeting]))
        >>> data = caspian.Dataset.from_directory(folder, base=caspian.Dataset.packaged())
        >>> data.summit("fm-meeting-2030-baku").host_state().name
        'Azerbaijan'
        """
        from pathlib import Path

        folder = Path(path)
        if not folder.is_dir():
            raise FileNotFoundError(f"no such directory: {str(folder)!r}")
        raw: dict[type[Record], bytes | None] = {}
        for record_type, name in FILES.items():
            file = folder / name
            raw[record_type] = file.read_bytes() if file.is_file() else None
        return cls._load(raw, origin=str(folder), base=base)

    @classmethod
    def _load(
        cls,
        raw: Mapping[type[Record], bytes | None],
        *,
        origin: str,
        base: Dataset | None = None,
        check_integrity: bool = True,
    ) -> Dataset:
        # Loading makes many small objects and no reference cycles: pausing the cyclic garbage
        # collector meanwhile keeps the load time linear in the size of the data.
        paused = gc.isenabled()
        gc.disable()
        try:
            return cls._load_records(raw, origin=origin, base=base, check_integrity=check_integrity)
        finally:
            if paused:
                gc.enable()

    @classmethod
    def _load_records(
        cls,
        raw: Mapping[type[Record], bytes | None],
        *,
        origin: str,
        base: Dataset | None,
        check_integrity: bool,
    ) -> Dataset:
        import cattrs

        from caspian._convert import converter, derived_fields, explain

        problems: list[Problem] = []
        loaded: dict[type[Record], list[Record]] = {t: [] for t in RECORD_TYPES}
        file_of: dict[int, str] = {}
        if base is not None:
            for record_type in RECORD_TYPES:
                for record in base._records(record_type):
                    loaded[record_type].append(record)
                    file_of[id(record)] = f"{base.origin}:{FILES[record_type]}"
        for record_type in RECORD_TYPES:
            name = FILES[record_type]
            content = raw.get(record_type)
            if content is None:
                continue
            items = _parse(name, content, problems)
            derived = derived_fields(record_type)
            for index, item in enumerate(items):
                label = f"[{index}]"
                if not isinstance(item, dict):
                    problems.append(Problem(name, label, "", "expected an object"))
                    continue
                ident = item.get("id")
                if isinstance(ident, str) and ident:
                    label = ident
                bad = [key for key in derived if key in item]
                for key in bad:
                    problems.append(
                        Problem(name, label, key, "is filled from another file; remove it")
                    )
                if bad:
                    continue
                try:
                    record = converter.structure(item, record_type)
                except cattrs.ClassValidationError as error:
                    for message in cattrs.transform_error(error, path="", format_exception=explain):
                        text, _, where = message.rpartition(" @ ")
                        problems.append(Problem(name, label, where.lstrip("."), text or message))
                    continue
                except (TypeError, ValueError, KeyError) as error:  # pragma: no cover - safety net
                    problems.append(Problem(name, label, "", f"cannot be read: {error}"))
                    continue
                loaded[record_type].append(record)
                file_of[id(record)] = name
        if problems:
            raise DataError(problems)
        if check_integrity:
            from caspian._integrity import check

            problems = check(loaded, lambda record: file_of.get(id(record), "?"))
            if problems:
                raise DataError(problems)
        return cls._build(loaded, origin, copy=base is not None)

    @classmethod
    def _build(
        cls, loaded: Mapping[type[Record], Sequence[Record]], origin: str, *, copy: bool = True
    ) -> Dataset:
        """Assemble a dataset; ``copy`` makes new record objects (records shared with a base)."""
        self = object.__new__(cls)
        self.origin = origin
        dup: Callable[[Any], Any] = attrs.evolve if copy else _same
        articles: dict[str, list[Article]] = {}
        for art in sorted(loaded[Article], key=lambda a: (a.agreement, a.number)):  # type: ignore[attr-defined]
            assert isinstance(art, Article)
            articles.setdefault(art.agreement, []).append(dup(art))
        ratifications: dict[str, list[Ratification]] = {}
        for rat in loaded[Ratification]:
            assert isinstance(rat, Ratification)
            ratifications.setdefault(rat.agreement, []).append(dup(rat))
        agreements = sorted(
            (
                attrs.evolve(
                    a,
                    articles=tuple(articles.get(a.id, ())),
                    ratifications=tuple(
                        sorted(ratifications.get(a.id, ()), key=_ratification_order)
                    ),
                )
                for a in loaded[Agreement]
                if isinstance(a, Agreement)
            ),
            key=lambda a: _chronological(a.signed, a.id),
        )
        signed_at: dict[str, list[str]] = {}
        for agreement in agreements:
            if agreement.summit:
                signed_at.setdefault(agreement.summit, []).append(agreement.id)
        summits = sorted(
            (
                attrs.evolve(s, agreements=tuple(signed_at.get(s.id, ())))
                for s in loaded[Summit]
                if isinstance(s, Summit)
            ),
            key=lambda s: _chronological(s.when, s.id),
        )
        states = sorted(
            (dup(s) for s in loaded[State] if isinstance(s, State)),
            key=lambda s: (s.historic, not s.littoral, s.name),
        )
        self._all_states = tuple(states)
        self._summits = tuple(summits)
        self._summit_dates = tuple(s.when for s in summits)
        self._agreements = tuple(agreements)
        self._agreement_dates = tuple(a.signed for a in agreements)
        self._articles = tuple(art for a in agreements for art in a.articles)
        self._ratifications = tuple(r for a in agreements for r in a.ratifications)
        self._pipelines = tuple(dup(p) for p in loaded[Pipeline] if isinstance(p, Pipeline))
        self._reserves = tuple(
            dup(r) for r in loaded[ReserveEstimate] if isinstance(r, ReserveEstimate)
        )
        self._by_id = {}
        self._lookup = {}
        for record_type in RECORD_TYPES:
            records = self._records(record_type)
            for record in records:
                record._attach(self)
            self._by_id[record_type] = {r.id: r for r in records}
        # Ids, and once the key index is built the names and codes as written: one dict
        # lookup answers most calls.
        self._by_key = dict(self._by_id)
        return self

    def _index(self, record_type: type[Record]) -> _Lookup:
        """The key indexes of one kind of record, built on the first lookup that needs them.

        Returns the keys as written (names, codes, aliases) that name exactly one record, the
        normalised keys with the ids they name, and the labels used for suggestions. Threads
        that build it at once build equal indexes; the last assignment wins.
        """
        found = self._lookup.get(record_type)
        if found is not None:
            return found
        records = self._records(record_type)
        entries = [_keys_of(r) for r in records]
        index = key_index(entries)
        labels = {ident: label for ident, label, _ in entries}
        by_id = self._by_id[record_type]
        exact: dict[str, Record] = {}
        for ident, _, keys in entries:
            for key in keys:
                ids = index.get(normalize(key), ())
                if ids == (ident,) or (
                    ids and ids[0] == ident and normalize(key) == normalize(ident)
                ):
                    exact.setdefault(key, by_id[ident])
        lookup = _Lookup(
            exact, index, {key: (ids[0], labels[ids[0]]) for key, ids in index.items()}
        )
        self._lookup[record_type] = lookup
        self._by_key[record_type] = {**exact, **by_id}
        return lookup

    def _records(self, record_type: type[R]) -> tuple[R, ...]:
        table: dict[type[Record], tuple[Record, ...]] = {
            State: self._all_states,
            Summit: self._summits,
            Agreement: self._agreements,
            Article: self._articles,
            Ratification: self._ratifications,
            Pipeline: self._pipelines,
            ReserveEstimate: self._reserves,
        }
        return table[record_type]  # type: ignore[return-value]

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(self._records(t))} {FILES[t].removesuffix('.json')}" for t in RECORD_TYPES
        )
        return f"<Dataset {self.origin}: {counts}>"

    # -- lookups ----------------------------------------------------------------------------

    def _get(self, record_type: type[R], key: object, name: str = "key") -> R:
        if key.__class__ is str:
            hit = self._by_key[record_type].get(key)
            if hit is not None:
                return hit  # type: ignore[return-value]
        kind = KINDS[record_type]
        if isinstance(key, record_type):
            key = key.id
        if not isinstance(key, str):
            raise ArgumentTypeError(
                f"{name} must be a {kind} id or name (str) or a {record_type.__name__}, "
                f"not {type(key).__name__}: {key!r}"
            )
        by_id = self._by_id[record_type]
        found = by_id.get(key)
        if found is not None:
            return found  # type: ignore[return-value]
        lookup = self._lookup.get(record_type) or self._index(record_type)
        found = lookup.exact.get(key)
        if found is not None:
            return found  # type: ignore[return-value]
        ids = lookup.keys.get(normalize(key))
        if ids is None:
            raise NotFoundError(key, kind, suggest(key, lookup.labels))
        if len(ids) > 1:
            raise AmbiguousKeyError(key, kind, ids)
        return by_id[ids[0]]  # type: ignore[return-value]

    def state(self, key: str | State) -> State:
        """Same as :func:`caspian.state`, on this dataset.

        >>> import caspian
        >>> caspian.Dataset.packaged().state("TKM").name
        'Turkmenistan'
        """
        return self._get(State, key)

    def summit(self, key: str | Summit) -> Summit:
        """Same as :func:`caspian.summit`, on this dataset.

        >>> import caspian
        >>> caspian.Dataset.packaged().summit("caspian-summit-2007").city.name
        'Tehran'
        """
        return self._get(Summit, key)

    def agreement(self, key: str | Agreement) -> Agreement:
        """Same as :func:`caspian.agreement`, on this dataset.

        >>> import caspian
        >>> caspian.Dataset.packaged().agreement("Tehran Convention").signed.year
        2003
        """
        return self._get(Agreement, key)

    def pipeline(self, key: str | Pipeline) -> Pipeline:
        """Same as :func:`caspian.pipeline`, on this dataset.

        >>> import caspian
        >>> caspian.Dataset.packaged().pipeline("TAPI").commodity.value
        'gas'
        """
        return self._get(Pipeline, key)

    # -- queries ----------------------------------------------------------------------------

    def states(
        self, *, littoral: bool | None = None, as_of: YearOrDate | None = None
    ) -> tuple[State, ...]:
        """Same as :func:`caspian.states`, on this dataset.

        >>> import caspian
        >>> len(caspian.Dataset.packaged().states(littoral=True))
        5
        """
        flag = _flag("littoral", littoral)
        day = _bound("as_of", as_of, end_of_year=False)
        if day is None:
            chosen: Iterable[State] = (s for s in self._all_states if not s.historic)
        else:
            chosen = (s for s in self._all_states if s.exists_in(day.year))
        return Results(s for s in chosen if flag is None or s.littoral is flag)

    def summits(
        self,
        *,
        after: YearOrDate | None = None,
        before: YearOrDate | None = None,
        host: str | State | None = None,
        kind: MeetingKind | str | None = None,
        participant: str | State | None = None,
        status: MeetingStatus | str | None = None,
    ) -> tuple[Summit, ...]:
        """Same as :func:`caspian.summits`, on this dataset.

        >>> import caspian
        >>> [s.year for s in caspian.Dataset.packaged().summits(kind="summit", before=2008)]
        [2002, 2007]
        """
        pool = _dated(self._summits, self._summit_dates, *_range(after, before))
        if host is not None:
            host_id = self._get(State, host, "host").id
            pool = [s for s in pool if s.host == host_id]
        if participant is not None:
            member = self._get(State, participant, "participant").id
            pool = [s for s in pool if member in s.participants]
        if kind is not None:
            wanted_kind = _vocabulary("kind", kind, MeetingKind)
            pool = [s for s in pool if s.kind is wanted_kind]
        if status is not None:
            wanted_status = _vocabulary("status", status, MeetingStatus)
            pool = [s for s in pool if s.status is wanted_status]
        return Results(pool)

    def agreements(
        self,
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
        """Same as :func:`caspian.agreements`, on this dataset.

        >>> import caspian
        >>> [a.id for a in caspian.Dataset.packaged().agreements(summit="caspian-summit-2010")]
        ['security-agreement-2010']
        """
        pool = _dated(self._agreements, self._agreement_dates, *_range(after, before))
        if party is not None:
            party_id = self._get(State, party, "party").id
            pool = [a for a in pool if party_id in a.parties]
        if summit is not None:
            meeting = self._get(Summit, summit, "summit").id
            pool = [a for a in pool if a.summit == meeting]
        if kind is not None:
            wanted_kind = _vocabulary("kind", kind, AgreementKind)
            pool = [a for a in pool if a.kind is wanted_kind]
        if topic is not None:
            wanted_topic = _vocabulary("topic", topic, Topic)
            pool = [a for a in pool if wanted_topic in a.topics]
        if status is not None:
            wanted_status = _vocabulary("status", status, AgreementStatus)
            pool = [a for a in pool if a.status is wanted_status]
        force = _flag("in_force", in_force)
        if force is not None:
            pool = [a for a in pool if _in_force_matches(a.status, force)]
        return Results(pool)

    def articles(
        self,
        agreement: str | Agreement | None = None,
        *,
        text: str | None = None,
        topic: Topic | str | None = None,
    ) -> tuple[Article, ...]:
        """Same as :func:`caspian.articles`, on this dataset.

        >>> import caspian
        >>> [a.number for a in caspian.Dataset.packaged().articles("treaty-of-gulistan")]
        [5]
        """
        pool = self._articles
        if agreement is not None:
            pool = self._get(Agreement, agreement, "agreement").articles
        needle = _text("text", text)
        wanted_topic = _vocabulary("topic", topic, Topic)
        return Results(
            a
            for a in pool
            if (needle is None or needle in normalize(f"{a.title} {a.summary}"))
            and (wanted_topic is None or wanted_topic in a.topics)
        )

    def ratifications(
        self,
        agreement: str | Agreement | None = None,
        *,
        state: str | State | None = None,
        status: RatificationStatus | str | None = None,
    ) -> tuple[Ratification, ...]:
        """Same as :func:`caspian.ratifications`, on this dataset.

        >>> import caspian
        >>> len(caspian.Dataset.packaged().ratifications("legal-status-convention"))
        5
        """
        pool = self._ratifications
        if agreement is not None:
            pool = self._get(Agreement, agreement, "agreement").ratifications
        state_id = self._get(State, state, "state").id if state is not None else None
        wanted = _vocabulary("status", status, RatificationStatus)
        return Results(
            r
            for r in pool
            if (state_id is None or r.state == state_id) and (wanted is None or r.status is wanted)
        )

    def pipelines(
        self,
        *,
        through: str | State | None = None,
        commodity: Commodity | str | None = None,
        status: PipelineStatus | str | None = None,
    ) -> tuple[Pipeline, ...]:
        """Same as :func:`caspian.pipelines`, on this dataset.

        >>> import caspian
        >>> [p.id for p in caspian.Dataset.packaged().pipelines(status="proposed")]
        ['trans-caspian']
        """
        state_id = self._get(State, through, "through").id if through is not None else None
        wanted_commodity = _vocabulary("commodity", commodity, Commodity)
        wanted_status = _vocabulary("status", status, PipelineStatus)
        return Results(
            p
            for p in self._pipelines
            if (state_id is None or state_id in p.route)
            and (wanted_commodity is None or p.commodity is wanted_commodity)
            and (wanted_status is None or p.status is wanted_status)
        )

    def reserves(
        self,
        *,
        commodity: Commodity | str | None = None,
        category: ReserveCategory | str | None = None,
    ) -> tuple[ReserveEstimate, ...]:
        """Same as :func:`caspian.reserves`, on this dataset.

        >>> import caspian
        >>> [r.id for r in caspian.Dataset.packaged().reserves(commodity="oil")][:2]
        ['caspian-oil-proved-probable-2012', 'caspian-oil-undiscovered-usgs']
        """
        wanted_commodity = _vocabulary("commodity", commodity, Commodity)
        wanted_category = _vocabulary("category", category, ReserveCategory)
        return Results(
            r
            for r in self._reserves
            if (wanted_commodity is None or r.commodity is wanted_commodity)
            and (wanted_category is None or r.category is wanted_category)
        )


def _same(record: R) -> R:
    return record


def _ratification_order(r: Ratification) -> tuple[bool, _dt.date, str]:
    """Ratified first, by date (undated last), then pending."""
    return (r.status is RatificationStatus.PENDING, r.date or _dt.date.max, r.state)


def _in_force_matches(status: AgreementStatus, wanted: bool) -> bool:
    if status is AgreementStatus.UNKNOWN:
        return False
    return (status is AgreementStatus.IN_FORCE) is wanted


def _parse(name: str, content: bytes, problems: list[Problem]) -> list[Any]:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(name, "", "", f"is not UTF-8 (byte {error.start})"))
        return []
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(
            Problem(
                name,
                "",
                "",
                f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
            )
        )
        return []
    except RecursionError:
        problems.append(Problem(name, "", "", "is not valid JSON: nested too deeply"))
        return []
    if not isinstance(items, list):
        problems.append(
            Problem(name, "", "", f"must hold a JSON array of records, not {type(items).__name__}")
        )
        return []
    return items
