"""The :class:`Dataset`: records by kind, their key indexes, and the queries over them.

The module-level functions of :mod:`caspian` (``caspian.summits()`` and the rest) query the
packaged dataset, which is created once, on first use, and then shared; each kind of record is
read from its file the first time it is needed. A :class:`Dataset` can also be loaded from a
directory of JSON files in the same format, alone or on top of the packaged data.

>>> import caspian
>>> data = caspian.Dataset.packaged()
>>> [s.city.name for s in data.summits(after=2014)]
['Aktau', 'Ashgabat']
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast, overload

from caspian import _query, model
from caspian._args import YearOrDate
from caspian._construct import build, build_all, package_bytes, parse
from caspian._kind import Record
from caspian._links import _Links
from caspian._values import Results
from caspian.errors import ArgumentTypeError, _shown

if TYPE_CHECKING:
    from caspian._first import FirstIndex, Packaged
    from caspian._index import Index
    from caspian._search import Match
    from caspian._time import DyadYear, Event, EventKind, StateYear

# -- generated (python -m caspian._listing): dataset_types --
if TYPE_CHECKING:
    from caspian.model import (
        Agreement,
        AgreementKind,
        AgreementStatus,
        Article,
        Commodity,
        Meeting,
        MeetingKind,
        MeetingStatus,
        Pipeline,
        PipelineStatus,
        Ratification,
        RatificationStatus,
        ReserveCategory,
        ReserveEstimate,
        State,
        Summit,
        Topic,
    )
# -- end of generated (python -m caspian._listing): dataset_types --

__all__ = ["Dataset", "YearOrDate"]

R = TypeVar("R", bound=Record)

_LOCK = threading.Lock()
#: How many keys a kind's first index (``_first.FirstIndex``) answers before the full index
#: is made.
_FIRST_KEYS = 8
_PACKAGED: list[Dataset] = []


def _read_packaged(kind: type[Record]) -> list[Record]:
    """The packaged records of exactly this kind, built directly (the tests check that they
    pass every rule, and that the validating path builds equal records). A kind without a
    packaged file (one you register) has no packaged records."""
    try:
        content = package_bytes(kind.KIND.file)
    except FileNotFoundError:
        return []
    return build_all(kind, parse(content))


def _keys_of(record: Record, kind: type[Record]) -> list[str]:
    """The lookup keys of a record (:func:`caspian._index.keys_of`)."""
    from caspian._index import keys_of

    return keys_of(record, kind)


def _packaged_objects(kind: type[Record]) -> Packaged:
    """The objects of the packaged file of exactly this kind (none without a file)."""
    from caspian._first import Packaged

    try:
        content = package_bytes(kind.KIND.file)
    except FileNotFoundError:
        content = b"[]"
    return Packaged(content)


class Dataset(_Links):
    """A complete, validated, immutable set of records with indexes and queries.

    Use :meth:`packaged` for the data shipped with the library (the module-level functions use
    it), or :meth:`from_directory` for your own files. The query methods are the same as the
    module-level functions of :mod:`caspian`.

    >>> import caspian
    >>> data = caspian.Dataset.packaged()
    >>> data.state("Kazakhstan").capital
    'Astana'
    >>> data.origin = "mine"
    Traceback (most recent call last):
    ...
    AttributeError: a Dataset is immutable
    """

    __slots__ = (
        "_answers",
        "_indexes",
        "_lock",
        "_own",
        "_pending",
        "_read",
        "_records",
        "_reverse",
        "origin",
    )

    _own: dict[type[Record], tuple[Record, ...]]
    _records: dict[type[Record], tuple[Record, ...]]
    _indexes: dict[type[Record], Index | FirstIndex]
    #: The packaged data's parsed objects of each kind whose records are not all built yet,
    #: and the records built so far, by position (see ``_built``).
    _pending: dict[type[Record], tuple[Packaged, dict[int, Record]]]
    #: The answers of queries asked before, by kind and arguments (see ``_query.answer``).
    _answers: dict[tuple[Any, ...], tuple[tuple[type, ...], tuple[Record, ...]]]
    _read: Callable[[type[Record]], list[Record]] | None
    _lock: threading.RLock
    #: Where the records came from (``"packaged"`` or a directory path).
    origin: str

    def __init__(self) -> None:
        raise TypeError("use Dataset.packaged() or Dataset.from_directory(path) to get a Dataset")

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Dataset is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a Dataset is immutable")

    def __getattr__(self, name: str) -> Any:
        # A kind added to the registry without methods of its own gets generic ones.
        from caspian._query import added

        found = None if name.startswith("_") else added(name, lambda: self)
        if found is None:
            raise AttributeError(f"'Dataset' object has no attribute {name!r}")
        return found

    @classmethod
    def _new(
        cls,
        origin: str,
        own: Mapping[type[Record], Sequence[Record]] = {},
        read: Callable[[type[Record]], list[Record]] | None = None,
    ) -> Dataset:
        self = object.__new__(cls)
        for name, value in (
            ("origin", origin),
            ("_own", {}),
            ("_records", {}),
            ("_indexes", {}),
            ("_reverse", {}),
            ("_answers", {}),
            ("_pending", {}),
            ("_read", read),
            ("_lock", threading.RLock()),
        ):
            object.__setattr__(self, name, value)
        for kind, records in own.items():
            self._own[kind] = self._adopt(records)
        return self

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        object.__setattr__(self, "_answers", {})  # a cache: not carried
        object.__setattr__(self, "_pending", {})

    def _check_copy(self, copy: Record) -> None:
        from caspian._load import check_copy  # attrs.evolve of one of our records: validate

        check_copy(copy, self.records)

    def _adopt(self, records: Iterable[Record]) -> tuple[Record, ...]:
        adopted = tuple(records)
        for record in adopted:
            object.__setattr__(record, "_dataset", self)
        self._travel(adopted)
        return adopted

    # -- loading ----------------------------------------------------------------------------

    @classmethod
    def packaged(cls) -> Dataset:
        """The data shipped with the library, created on first call and then shared.

        Each kind is read from its file on first use. Loading is thread-safe: threads that ask
        at once get the same object, and each file is read once.

        >>> import caspian
        >>> caspian.Dataset.packaged() is caspian.Dataset.packaged()
        True
        """
        if _PACKAGED:
            return _PACKAGED[0]
        with _LOCK:
            if not _PACKAGED:
                _PACKAGED.append(cls._new("packaged", read=_read_packaged))
        return _PACKAGED[0]

    @classmethod
    def from_directory(
        cls, path: str | os.PathLike[str], *, base: Dataset | None = None
    ) -> Dataset:
        """Load records from a directory of JSON files in the packaged format.

        Each kind's file (its ``KIND.file``, as the :doc:`/schemas` page lists them:
        ``[k.KIND.file for k in caspian.model.KINDS]``) is optional; a missing file counts as
        no records. With ``base``, the records are added to those of ``base`` (for example
        ``Dataset.packaged()``), so you can extend the packaged data.

        The files are validated in full: structure (unknown keys are errors), then integrity
        (unique ids, references that resolve, dates in order, a source for every record).

        Raises:
            DataError: listing every problem found; nothing is half-loaded.
            FileNotFoundError: if ``path`` is not a directory.
            ArgumentTypeError: if ``path`` is not a path or ``base`` not a Dataset.

        >>> import json, tempfile, pathlib, caspian
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> source = {"url": "https://example.org/meeting", "title": "Example",
        ...           "kind": "secondary", "supports": ["city"]}
        >>> meeting = {"id": "fm-meeting-2030-baku", "name": "Foreign ministers, Baku 2030",
        ...            "kind": "ministerial", "status": "planned",
        ...            "city": {"name": "Baku", "state": "azerbaijan"},
        ...            "host": "azerbaijan", "notes": "An invented example.",
        ...            "sources": [source]}
        >>> _ = (folder / "meetings.json").write_text(json.dumps([meeting]))
        >>> data = caspian.Dataset.from_directory(folder, base=caspian.Dataset.packaged())
        >>> data.meeting("fm-meeting-2030-baku").host_state().name
        'Azerbaijan'
        """
        from pathlib import Path

        from caspian._load import load_directory

        if not isinstance(path, (str, os.PathLike)):
            raise ArgumentTypeError(
                f"path must be a str or os.PathLike, not {type(path).__name__}: {_shown(path)}"
            )
        if base is not None and not isinstance(base, Dataset):
            raise ArgumentTypeError(
                f"base must be a Dataset or None, not {type(base).__name__}: {_shown(base)}"
            )
        folder = Path(path)
        if not folder.is_dir():
            raise FileNotFoundError(f"no such directory: {str(folder)!r}")
        own = load_directory(
            folder, base._own_records if base is not None else None, base.origin if base else ""
        )
        return cls._new(str(folder), own)

    # -- records ----------------------------------------------------------------------------

    def _own_records(self, kind: type[R]) -> tuple[R, ...]:
        """The records of exactly ``kind`` (read on first use for the packaged data)."""
        found = self._own.get(kind)
        if found is None:
            with self._lock:
                found = self._own.get(kind)
                if found is None:
                    pending = self._pending.pop(kind, None)
                    if pending is not None:  # some built for lookups: the same objects
                        objects, built = pending
                        made = [
                            built[i] if i in built else build(kind, x)
                            for i, x in enumerate(objects.items())
                        ]
                    else:
                        made = self._read(kind) if self._read else []
                    found = self._adopt(made)
                    self._own[kind] = found
        return found  # type: ignore[return-value]

    def records(self, kind: type[R]) -> tuple[R, ...]:
        """Every record of a kind, subclasses included (``Meeting`` includes each ``Summit``),
        in the kind's order.

        Raises:
            ArgumentTypeError: if ``kind`` is not a record class.

        >>> import caspian
        >>> data = caspian.Dataset.packaged()
        >>> len(data.records(caspian.Meeting)) > len(data.records(caspian.Summit))
        True
        """
        found = self._records.get(kind)
        if found is not None:
            return found  # type: ignore[return-value]
        if not (isinstance(kind, type) and issubclass(kind, Record) and "KIND" in vars(kind)):
            names = ", ".join(k.__name__ for k in model.KINDS)
            raise ArgumentTypeError(f"kind must be one of {names}, not {_shown(kind)}")
        with self._lock:
            pool = [r for k in model.family(kind) for r in self._own_records(k)]
            if kind.KIND.order is not None:
                pool.sort(key=kind.KIND.order)
            found = self._records.setdefault(kind, Results.of(kind)(pool))
        return found  # type: ignore[return-value]

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self.records(k))} {k.KIND.plural}" for k in model.KINDS)
        return f"<Dataset {self.origin}: {counts}>"

    # -- lookups ----------------------------------------------------------------------------

    def _index(self, kind: type[Record]) -> Index:
        """The full key index of one kind, built on the first lookup that needs it (it
        replaces the kind's :class:`~caspian._index.FirstIndex`)."""
        from caspian._index import Index  # on the first lookup: key folding is not free

        found = self._indexes.get(kind)
        if not isinstance(found, Index):
            with self._lock:
                found = self._indexes.get(kind)
                if not isinstance(found, Index):
                    found = self._indexes[kind] = Index(self.records(kind), kind)
        return found

    def _first_index(self, kind: type[Record]) -> Index | FirstIndex:
        """The index of a kind's first lookup: for the packaged data, one that builds only
        the record a key names (:class:`~caspian._index.FirstIndex`); the full one else."""
        if self._read is not _read_packaged:
            return self._index(kind)
        from caspian._first import FirstIndex, raw_keys

        with self._lock:
            found = self._indexes.get(kind)
            if found is None:
                entries: list[tuple[Any, str, list[str]]] = []
                for member in model.family(kind):
                    own = self._own.get(member)
                    if own is None:
                        objects, built = self._parsed(member)
                        for i, head in enumerate(objects.heads()):
                            done = built.get(i)
                            if done is None:
                                entries.append(((member, i), head["id"], raw_keys(head, kind)))
                            else:
                                entries.append(((member, i), done.id, _keys_of(done, kind)))
                    else:
                        entries.extend(
                            ((member, i), r.id, _keys_of(r, kind)) for i, r in enumerate(own)
                        )
                found = self._indexes[kind] = FirstIndex(entries, kind, self._built)
        return found

    def _parsed(self, kind: type[Record]) -> tuple[Packaged, dict[int, Record]]:
        """The packaged objects of exactly ``kind``, parsed once (call with the lock held)."""
        found = self._pending.get(kind)
        if found is None:
            found = self._pending[kind] = (_packaged_objects(kind), {})
        return found

    def _built(self, where: tuple[type[Record], int]) -> Record:
        """The packaged record of a kind at a position in its file, built on its own the first
        time a lookup answers it: the same object that ``records()`` later holds."""
        kind, position = where
        with self._lock:
            own = self._own.get(kind)
            if own is not None:
                return own[position]
            objects, built = self._parsed(kind)
            found = built.get(position)
            if found is None:
                found = built[position] = build(kind, objects.item(position))
                object.__setattr__(found, "_dataset", self)
                self._travel((found,))
            return found

    def _get(self, kind: type[R], key: object, name: str = "key") -> R:
        index = self._indexes.get(kind) or self._first_index(kind)
        if key.__class__ is str:
            hit = index.exact.get(key)
            if hit is not None:
                return hit  # type: ignore[return-value]
        if isinstance(key, kind):
            key = key.id
        if not isinstance(key, str):
            raise ArgumentTypeError(
                f"{name} must be a {kind.KIND.noun} id or name (str) or a {kind.__name__}, "
                f"not {type(key).__name__}: {_shown(key)}"
            )
        if index.full:
            full = cast("Index", index)
        else:
            first = cast("FirstIndex", index)
            # The first few keys only: a key that is not one of its records' keys as written
            # is worked out anew on each call, where the full index answers it at once.
            found = first.find(key) if first.asked < _FIRST_KEYS else None
            if found is not None:
                return found  # type: ignore[no-any-return]
            full = self._index(kind)
        hint = None if full.ids(key) else self._elsewhere(kind, key)
        return full.find(key, kind, hint)  # type: ignore[no-any-return]

    def _elsewhere(self, kind: type[Record], key: str) -> str | None:
        """Where a key that names no record of ``kind`` leads in the kind's wider kind."""
        from caspian._cells import value_at

        wider: type[Record] | None = next((k for k in kind.__mro__[1:] if "KIND" in vars(k)), None)
        if wider is None:
            return None
        ids = self._index(wider).ids(key)
        if len(ids) != 1:
            return None
        record = self._index(wider).exact[ids[0]]
        what = getattr(record, "kind", None)
        described = f"a {what.value} {wider.KIND.noun}" if what is not None else wider.KIND.noun
        return (
            f"it names {described}, {record.id!r} ({value_at(record, wider.KIND.label)}): "
            f"use caspian.{wider.KIND.noun}() for that"
        )

    def search(self, text: str, *, kind: str | None = None) -> tuple[Match, ...]:
        """Same as :func:`caspian.search`, on this dataset."""
        from caspian._search import search

        return search(self, text, kind)

    # -- queries ----------------------------------------------------------------------------
    # Each kind declares its filters beside it (``KIND.filters``); :meth:`query` serves them
    # all. The typed methods of each kind (its query and lookup, for precise signatures) are
    # generated from those declarations and the docs its module declares (``DOCS``), at the end
    # of the class, by ``python -m caspian._listing``.

    def query(self, kind: type[R], /, **arguments: Any) -> tuple[R, ...]:
        """The records of ``kind`` that the filters of its query keep: the same as the kind's
        query method (``data.query(Summit, host="KZ")`` is ``data.summits(host="KZ")``), for
        every kind, one added by you included.

        Raises:
            ArgumentTypeError: an argument the kind's query does not take, or of the wrong
                type.
            InvalidQueryError: an empty range, or an unknown vocabulary value.
            NotFoundError: a key that names no record.

        >>> import caspian
        >>> [p.id for p in caspian.Dataset.packaged().query(caspian.Pipeline, status="proposed")]
        ['trans-caspian']
        """
        if kind not in self._records:
            self.records(kind)  # checks the kind
        filters = kind.KIND.filters
        if arguments.keys() - {f.name for f in filters}:
            return _query.query(self, kind, arguments)  # raises: an argument it does not take
        return _query.answer(self, kind, tuple(arguments.get(f.name) for f in filters))

    def lookup(self, kind: type[R], key: str | R, /) -> R:
        """The record of ``kind`` that ``key`` names, by the kind's ``KIND.keys``: the same as
        the kind's lookup method (``data.lookup(State, "IR")`` is ``data.state("IR")``).

        Raises:
            NotFoundError: no record matches; the error suggests close matches.
            AmbiguousKeyError: the key names several records.

        >>> import caspian
        >>> caspian.Dataset.packaged().lookup(caspian.State, "TKM").name
        'Turkmenistan'
        """
        self.records(kind)  # checks the kind
        return self._get(kind, key)

    # -- time -------------------------------------------------------------------------------
    # The chronology and the panels are worked out in :mod:`caspian._timeline`, imported on
    # their first use (the first answer of a query does not pay for it).

    def events(
        self,
        *,
        after: YearOrDate | str | None = None,
        before: YearOrDate | str | None = None,
        state: str | State | None = None,
        kind: EventKind | str | None = None,
    ) -> tuple[Event, ...]:
        """Same as :func:`caspian.events`, on this dataset.

        .. versionadded:: 0.3
        """
        from caspian._timeline import events

        return events(self, after=after, before=before, state=state, kind=kind)

    @overload
    def panel(
        self,
        unit: Literal["state-year"],
        *,
        start: int | None = None,
        end: int | None = None,
        states: Iterable[str | State] | str | State | None = None,
    ) -> tuple[StateYear, ...]: ...
    @overload
    def panel(
        self,
        unit: Literal["dyad-year"],
        *,
        start: int | None = None,
        end: int | None = None,
        states: Iterable[str | State] | str | State | None = None,
    ) -> tuple[DyadYear, ...]: ...
    def panel(
        self,
        unit: str,
        *,
        start: int | None = None,
        end: int | None = None,
        states: Iterable[str | State] | str | State | None = None,
    ) -> tuple[StateYear, ...] | tuple[DyadYear, ...]:
        """Same as :func:`caspian.panel`, on this dataset.

        .. versionadded:: 0.3
        """
        from caspian._timeline import panel

        return panel(self, unit, start=start, end=end, states=states)

    def _ratifications_by_agreement(self) -> dict[str, dict[str, Ratification]]:
        """Each agreement's ratifications by state (for the time queries and the treaty
        filters)."""
        found: dict[str, dict[str, Ratification]] = {}
        for r in self.records(model.Ratification):
            found.setdefault(r.agreement, {})[r.state] = r
        return found

    # -- generated (python -m caspian._listing): methods --
    def states(
        self, *, littoral: bool | None = None, as_of: YearOrDate | None = None
    ) -> tuple[State, ...]:
        """Same as :func:`caspian.states`, on this dataset.

        >>> import caspian
        >>> len(caspian.Dataset.packaged().states(littoral=True))
        5
        """
        return _query.answer(self, model.State, (littoral, as_of))

    def state(self, key: str | State) -> State:
        """Same as :func:`caspian.state`, on this dataset.

        >>> import caspian
        >>> caspian.Dataset.packaged().state("TKM").name
        'Turkmenistan'
        """
        index = self._indexes.get(model.State)  # an id or a key as written: one dict
        found = index.exact.get(key) if index is not None and key.__class__ is str else None
        return found if found is not None else self._get(model.State, key)  # type: ignore[return-value]

    def meetings(
        self,
        *,
        after: YearOrDate | None = None,
        before: YearOrDate | None = None,
        host: str | State | None = None,
        kind: MeetingKind | str | None = None,
        participant: str | State | None = None,
        status: MeetingStatus | str | None = None,
        year: int | None = None,
    ) -> tuple[Meeting, ...]:
        """Same as :func:`caspian.meetings`, on this dataset.

        >>> import caspian
        >>> [m.id for m in caspian.Dataset.packaged().meetings(kind="ministerial", year=2023)]
        ['fm-meeting-2023-moscow']
        """
        return _query.answer(
            self, model.Meeting, (after, before, host, kind, participant, status, year)
        )

    def meeting(self, key: str | Meeting) -> Meeting:
        """Same as :func:`caspian.meeting`, on this dataset.

        >>> import caspian
        >>> caspian.Dataset.packaged().meeting("caspian-summit-2007").city.name
        'Tehran'
        """
        index = self._indexes.get(model.Meeting)  # an id or a key as written: one dict
        found = index.exact.get(key) if index is not None and key.__class__ is str else None
        return found if found is not None else self._get(model.Meeting, key)  # type: ignore[return-value]

    def summits(
        self,
        *,
        after: YearOrDate | None = None,
        before: YearOrDate | None = None,
        host: str | State | None = None,
        participant: str | State | None = None,
        status: MeetingStatus | str | None = None,
        year: int | None = None,
    ) -> tuple[Summit, ...]:
        """Same as :func:`caspian.summits`, on this dataset.

        >>> import caspian
        >>> [s.year for s in caspian.Dataset.packaged().summits(before=2008)]
        [2002, 2007]
        """
        return _query.answer(self, model.Summit, (after, before, host, participant, status, year))

    def summit(self, key: str | Summit) -> Summit:
        """Same as :func:`caspian.summit`, on this dataset.

        >>> import caspian
        >>> caspian.Dataset.packaged().summit("caspian-summit-2007").ordinal
        2
        """
        index = self._indexes.get(model.Summit)  # an id or a key as written: one dict
        found = index.exact.get(key) if index is not None and key.__class__ is str else None
        return found if found is not None else self._get(model.Summit, key)  # type: ignore[return-value]

    def agreements(
        self,
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
        """Same as :func:`caspian.agreements`, on this dataset.

        >>> import caspian
        >>> [a.id for a in caspian.Dataset.packaged().agreements(meeting="caspian-summit-2010")]
        ['security-agreement-2010']
        """
        return _query.answer(
            self,
            model.Agreement,
            (
                party,
                after,
                before,
                kind,
                topic,
                in_force,
                meeting,
                status,
                year,
                in_force_on,
                binding,
            ),
        )

    def agreement(self, key: str | Agreement) -> Agreement:
        """Same as :func:`caspian.agreement`, on this dataset.

        >>> import caspian
        >>> caspian.Dataset.packaged().agreement("Tehran Convention").signed.year
        2003
        """
        index = self._indexes.get(model.Agreement)  # an id or a key as written: one dict
        found = index.exact.get(key) if index is not None and key.__class__ is str else None
        return found if found is not None else self._get(model.Agreement, key)  # type: ignore[return-value]

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
        return _query.answer(self, model.Article, (agreement, text, topic))

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
        return _query.answer(self, model.Ratification, (agreement, state, status))

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
        return _query.answer(self, model.Pipeline, (through, commodity, status))

    def pipeline(self, key: str | Pipeline) -> Pipeline:
        """Same as :func:`caspian.pipeline`, on this dataset.

        >>> import caspian
        >>> caspian.Dataset.packaged().pipeline("TAPI").commodity.value
        'gas'
        """
        index = self._indexes.get(model.Pipeline)  # an id or a key as written: one dict
        found = index.exact.get(key) if index is not None and key.__class__ is str else None
        return found if found is not None else self._get(model.Pipeline, key)  # type: ignore[return-value]

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
        return _query.answer(self, model.ReserveEstimate, (commodity, category))

    # -- end of generated (python -m caspian._listing): methods --
