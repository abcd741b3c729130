"""How a dataset's records reach each other and travel: reverse indexes, and pickling.

Fields that name other records hold ids, so the way back (a state's meetings, an agreement's
articles) is a question about every record of a kind. A :class:`Dataset` answers it from
reverse indexes, built once per dataset and field on first use (thread-safe, like the key
indexes), so navigation costs what its answer holds, not the size of the data.

Records, results and datasets pickle and deep-copy. A record of the packaged data travels as
its kind and id and comes back as the same record of the packaged data; a record of another
dataset carries that dataset (its records, not its caches) and navigates within it.

>>> import caspian, copy
>>> copy.deepcopy(caspian.state("IR")) is caspian.state("IR")
True
"""

from __future__ import annotations

import copyreg
import threading
from typing import TYPE_CHECKING, Any, TypeVar

from caspian._kind import Record
from caspian._values import Results

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["_Links"]

R = TypeVar("R", bound=Record)

#: The record classes whose pickling :func:`_reduce_record` decides.
_TRAVELLING: set[type] = set()


def _reduce_record(record: Record) -> Any:
    """How a record pickles: a record of the packaged data as a lookup by kind and id,
    any other as its values (and its dataset, which carries its records)."""
    dataset = record._dataset
    if dataset is not None and dataset._read is not None:  # the packaged data
        kind = type(record)
        if dataset._by_id(kind).get(record.id) is record:
            return (_packaged_record, (dataset, kind, record.id))
    return record.__reduce_ex__(2)


#: The empty answer of each kind's navigation (a Results is immutable: one serves all).
_NONE: dict[type, Results] = {}


def _none(kind: type[Record]) -> Results:
    """The empty :class:`Results` of ``kind``."""
    found = _NONE.get(kind)
    if found is None:
        found = _NONE.setdefault(kind, Results.of(kind)())
    return found


def _packaged_record(dataset: _Links, kind: type[Record], ident: str) -> Record:
    """The record of ``kind`` with this id in ``dataset`` (unpickling a packaged record)."""
    return dataset._by_id(kind)[ident]


class _Links:
    """The reverse indexes and pickling of :class:`Dataset` (mixed in, so that they live
    here)."""

    __slots__ = ()

    if TYPE_CHECKING:
        origin: str
        _own: dict[type[Record], tuple[Record, ...]]
        _read: Callable[[type[Record]], list[Record]] | None
        _lock: threading.RLock
        _reverse: dict[tuple[type[Record], str], dict[str, Any]]

        def records(self, kind: type[R]) -> tuple[R, ...]: ...

    def _travel(self, records: tuple[Record, ...]) -> None:
        """Let the classes of ``records`` pickle through :func:`_reduce_record`."""
        for kind in {type(r) for r in records} - _TRAVELLING:
            copyreg.pickle(kind, _reduce_record)
            _TRAVELLING.add(kind)

    def _by_id(self, kind: type[R]) -> dict[str, R]:
        """The records of ``kind`` (subclasses included) by id."""
        key = (kind, "")
        found = self._reverse.get(key)
        if found is None:
            with self._lock:
                found = self._reverse.setdefault(key, {r.id: r for r in self.records(kind)})
        return found

    def _referring(
        self, kind: type[R], field: str, record: Record, lookup: Callable[[Any], Record]
    ) -> tuple[R, ...]:
        """The records of ``kind`` whose ``field`` (an id, or a tuple of ids) names
        ``record``, in the kind's order: what ``records(kind)`` filtered on that field gives,
        from an index built on first use. A record whose id is not in the dataset (a changed
        copy) is looked up with ``lookup`` first, as the queries do. The answers are made
        once, with the index: a call makes nothing."""
        table = self._reverse.get((kind, field))
        if table is None:
            table = self._reverse_index(kind, field)
        found = table.get(record.id)
        if found is None:
            if record.id not in self._by_id(type(record)):
                found = table.get(lookup(record).id)
            if found is None:
                found = _none(kind)
        return found

    def _reverse_index(self, kind: type[Record], field: str) -> dict[str, Any]:
        with self._lock:
            table = self._reverse.get((kind, field))
            if table is None:
                lists: dict[str, list[Record]] = {}
                for record in self.records(kind):
                    value = getattr(record, field)
                    for ident in value if isinstance(value, tuple) else (value,):
                        if ident is None:
                            continue
                        found = lists.get(ident)
                        if found is None:
                            lists[ident] = [record]
                        elif found[-1] is not record:  # an id twice in one record: once
                            found.append(record)
                made = Results.of(kind)
                table = self._reverse.setdefault(
                    (kind, field), {ident: made(found) for ident, found in lists.items()}
                )
        return table

    # -- pickling and copying ---------------------------------------------------------------

    def __reduce__(self) -> Any:
        if self._read is not None:  # the packaged data: the same in every process
            return (type(self).packaged, ())  # type: ignore[attr-defined]
        newobj = copyreg.__newobj__  # type: ignore[attr-defined]
        return (newobj, (type(self),), self.__getstate__())

    def __getstate__(self) -> dict[str, Any]:
        """What a dataset pickles: where it came from and its records (not its caches)."""
        return {"origin": self.origin, "_own": dict(self._own), "_read": self._read}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in (
            ("origin", state["origin"]),
            ("_own", dict(state["_own"])),
            ("_read", state["_read"]),
            ("_records", {}),
            ("_indexes", {}),
            ("_reverse", {}),
            ("_lock", threading.RLock()),
        ):
            object.__setattr__(self, name, value)
        for records in self._own.values():
            self._travel(records)

    def __copy__(self) -> _Links:
        return self  # immutable

    def __deepcopy__(self, memo: dict[int, Any]) -> _Links:
        return self  # immutable: its records are shared, as tuples share immutable items
