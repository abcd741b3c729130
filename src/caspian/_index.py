"""Key indexes: how a key (an id, a code, a name, an alias) finds one record of a kind.

An index is built from the kind's ``KIND.keys`` on the first lookup. Keys as written answer
from one dict; other keys are folded (case, accents, punctuation) and looked up again; a key
that names nothing gets close matches, and one that names several records is refused.

>>> import caspian
>>> from caspian.model import State
>>> index = Index(caspian.Dataset.packaged().records(State), State)
>>> index.find("persia", State).id
'iran'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from caspian._keys import key_index, normalize, suggest
from caspian._kind import Record, value_at
from caspian.errors import AmbiguousKeyError, NotFoundError

__all__ = ["Index", "keys_of"]


def keys_of(record: Record, kind: type[Record] | None = None) -> list[str]:
    """The lookup keys of a record, from the key fields of ``kind`` (its own kind by default:
    in the index of meetings, a summit is found by a meeting's keys, not by its city).

    >>> import caspian
    >>> keys_of(caspian.pipeline("BTC"))[:2]
    ['Baku–Tbilisi–Ceyhan pipeline', 'BTC']
    """
    found: list[str] = []
    for path in (kind or type(record)).KIND.keys:
        value: Any = value_at(record, path)
        if isinstance(value, tuple):
            found.extend(v for v in value if isinstance(v, str))
        elif isinstance(value, str):
            found.append(value)
    return found


class Index:
    """The key index of one kind's records."""

    __slots__ = ("_labels", "exact", "folded")

    def __init__(self, records: Sequence[Record], kind: type[Record]) -> None:
        entries = [(r.id, str(value_at(r, kind.KIND.label)), keys_of(r, kind)) for r in records]
        norms: dict[str, str] = {}

        def fold(key: str) -> str:
            found = norms.get(key)
            if found is None:
                found = norms[key] = normalize(key)
            return found

        folded = key_index(entries, fold, kind.KIND.optional_words)
        by_id = {r.id: r for r in records}
        exact: dict[str, Record] = dict(by_id)
        for ident, _, keys in entries:
            for key in keys:
                ids = folded.get(fold(key), ())
                # Exact only where the key names this record alone (or is its id).
                if ids == (ident,) or (ids[:1] == (ident,) and fold(key) == fold(ident)):
                    exact.setdefault(key, by_id[ident])
        #: Ids, and keys as written that name one record first: one dict answers most calls.
        self.exact = exact
        #: Folded keys and the ids they name.
        self.folded = folded
        self._labels = {ident: label for ident, label, _ in entries}

    @property
    def labels(self) -> dict[str, tuple[str, str]]:
        """Folded keys with the (id, label) shown in suggestions (made when a key misses)."""
        return {key: (ids[0], self._labels[ids[0]]) for key, ids in self.folded.items()}

    def ids(self, key: str) -> tuple[str, ...]:
        """The ids a (string) key names, after folding."""
        return self.folded.get(normalize(key), ())

    def find(self, key: str, kind: type[Record], hint: str | None = None) -> Any:
        """The one record a string key names.

        Raises:
            NotFoundError: nothing matches (with suggestions, or ``hint``).
            AmbiguousKeyError: several records match.
        """
        found = self.exact.get(key)
        if found is not None:
            return found
        ids = self.ids(key)
        if not ids:
            raise NotFoundError(key, kind.KIND.noun, suggest(key, self.labels), hint)
        if len(ids) > 1:
            raise AmbiguousKeyError(key, kind.KIND.noun, ids)
        return self.exact[ids[0]]
