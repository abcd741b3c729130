"""Key indexes: how a key (an id, a code, a name, an alias) finds one record of a kind.

An index is built from the kind's ``KIND.keys`` on the first lookup. Keys as written answer
from one dict; other keys are folded (case, accents, punctuation) and looked up again. A key
that still names nothing is read as words (:func:`words_of`): the records whose keys hold every
word of it, where a year also matches a record's year and an ordinal ("fifth", "5th") its
ordinal. A key that names several records is refused, unless the kind's ``prefer`` rule picks
exactly one (today's state over historic entities); one that names nothing gets close matches.

>>> import caspian
>>> from caspian.model import State
>>> index = Index(caspian.Dataset.packaged().records(State), State)
>>> index.find("persia", State).id
'iran'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attr

from caspian._keys import Suggestions, key_index, normalize
from caspian._kind import Record, value_at
from caspian._values import Place
from caspian.errors import AmbiguousKeyError, NotFoundError

__all__ = ["Index", "keys_of", "words_of"]

#: Words a key may hold or leave out without changing what it names.
_LINKING = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def words_of(record: Record, kind: type[Record] | None = None) -> frozenset[str]:
    """The words a record is found by: the words of its keys and its id, the names of its
    places (a meeting's city, an agreement's place of signing), its year, and its ordinal as
    a number, a word and a numeral (``5``, ``fifth``, ``5th``).

    >>> import caspian
    >>> sorted(words_of(caspian.summit("caspian-summit-2018")) & {"5th", "fifth", "2018"})
    ['2018', '5th', 'fifth']
    """
    found: set[str] = set(normalize(record.id).split())
    for key in keys_of(record, kind):
        found.update(normalize(key).split())
    for field in attr.fields(type(record)):
        value = getattr(record, field.name)
        for place in value if isinstance(value, tuple) else (value,):
            if isinstance(place, Place):
                found.update(normalize(place.name).split())
    year = getattr(record, "year", None)
    if isinstance(year, int):
        found.add(str(year))
    ordinal = getattr(record, "ordinal", None)
    if isinstance(ordinal, int):
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(ordinal % 10 if ordinal % 100 // 10 != 1 else 0)
        found.update((str(ordinal), f"{ordinal}{suffix or 'th'}"))
        if ordinal <= len(_ORDINALS):
            found.add(_ORDINALS[ordinal - 1])
    return frozenset(found)


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

    #: The full index (a :class:`caspian._first.FirstIndex` is not).
    full = True

    __slots__ = ("_kind", "_labels", "_records", "_suggestions", "_words", "exact", "folded")

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
        self._kind = kind
        self._records = by_id
        self._words: dict[str, set[str]] | None = None
        self._suggestions: Suggestions | None = None

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
        ids = self.ids(key) or self.by_words(key)
        if not ids:
            if self._suggestions is None:
                # Made on the first miss, once: a miss compares the key with a few keys only.
                self._suggestions = Suggestions(self.labels)
            raise NotFoundError(key, kind.KIND.noun, self._suggestions(key), hint)
        if len(ids) > 1:
            ids = self.preferred(ids)
        if len(ids) > 1:
            raise AmbiguousKeyError(key, kind.KIND.noun, ids)
        return self._records[ids[0]]

    def preferred(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """The one id the kind's ``prefer`` rule picks among ``ids``, or ``ids`` unchanged."""
        prefer = self._kind.KIND.prefer
        if prefer is None:
            return ids
        chosen = tuple(i for i in ids if prefer(self._records[i]))
        return chosen if len(chosen) == 1 else ids

    def by_words(self, key: str) -> tuple[str, ...]:
        """The ids of the records whose words (:func:`words_of`) hold every word of ``key``
        (linking words such as "of" and "the" aside), in the kind's order."""
        wanted = normalize(key).split()
        wanted = [w for w in wanted if w not in _LINKING] or wanted
        if not wanted:
            return ()
        if self._words is None:
            index: dict[str, set[str]] = {}
            for ident, record in self._records.items():
                for word in words_of(record, self._kind):
                    index.setdefault(word, set()).add(ident)
            self._words = index
        found = set(self._words.get(wanted[0], ()))
        for word in wanted[1:]:
            found &= self._words.get(word, set())
        if not found:
            return ()
        return tuple(i for i in self._records if i in found)
