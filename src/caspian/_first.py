"""The first lookups of the packaged data: each object of a packaged file parsed when it is
needed (:class:`Packaged`), and a key index that builds only the record a key names
(:class:`FirstIndex`). Imported on the first lookup only.

>>> import caspian
>>> raw_keys({"id": "x", "name": "X", "city": {"name": "Baku"}}, caspian.Summit)
['X', 'Baku']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from caspian._construct import parse
from caspian._keys import key_index, normalize

if TYPE_CHECKING:
    from caspian._record import Record

__all__ = ["FirstIndex", "Packaged", "raw_keys"]


#: How the packaged files are laid out (as ``json.dumps(records, indent=2)`` writes a list
#: of objects): where the list opens, where one object ends and the next begins, where the
#: list closes. A JSON string holds no line break, so these are never inside a value.
_OPEN, _NEXT, _CLOSE = b"[\n  {\n", b"\n  },\n  {\n", b"\n  }\n]"
#: Where the sources of an object start.
_SOURCES = b'\n    "sources": '


class Packaged:
    """The objects of one packaged file, each parsed when it is needed: for a first lookup,
    the fields of each object before its sources (its id and lookup keys); the whole object
    when its record is built; every object when the kind's records are all built.

    A file laid out otherwise than the packaged files are is parsed whole at once. The tests
    check that the fields read this way are those :func:`parse` reads.

    >>> lines = [b"[", b"  {", b'    "id": "a",', b'    "sources": []', b"  }", b"]"]
    >>> found = Packaged(bytes([10]).join(lines))
    >>> len(found), found.heads(), found.item(0)
    (1, [{'id': 'a'}], {'id': 'a', 'sources': []})
    """

    __slots__ = ("_bodies", "_content", "_items")

    def __init__(self, content: bytes) -> None:
        self._content = content
        self._items: list[dict[str, Any]] | None = None
        self._bodies: list[bytes] | None = None
        end = content.rfind(_CLOSE)
        if content.startswith(_OPEN) and end >= 0 and not content[end + len(_CLOSE) :].strip():
            bodies = self._bodies = content.split(_NEXT)
            bodies[0] = bodies[0][len(_OPEN) :]
            bodies[-1] = bodies[-1][: len(bodies[-1]) - (len(content) - end)]
        else:
            self._items = parse(content)

    def __len__(self) -> int:
        return len(self._bodies if self._bodies is not None else self._items or ())

    def heads(self) -> list[dict[str, Any]]:
        """Each object with only its fields before ``sources`` (in the packaged files, the id
        and lookup keys of a record come before its sources: the tests check). Do not change
        them."""
        if self._bodies is None:
            return self._items  # type: ignore[return-value]
        cut = [body.find(_SOURCES) for body in self._bodies]
        found: list[dict[str, Any]] = parse(
            b"[{"
            + b"},{".join(
                b if c < 0 else b[:c].rstrip(b",") for b, c in zip(self._bodies, cut, strict=True)
            )
            + b"}]"
        )
        return found

    def item(self, position: int) -> dict[str, Any]:
        """One whole object, for the caller to build its record from (once: the record's
        plan may change it)."""
        if self._bodies is None:
            return self._items[position]  # type: ignore[index]
        found: dict[str, Any] = parse(b"{" + self._bodies[position] + b"}")
        return found

    def items(self) -> list[dict[str, Any]]:
        """Every object, for the caller to build the records it has not built yet from (a
        file laid out otherwise gives the same objects as :meth:`item`)."""
        found: list[dict[str, Any]] = (
            self._items if self._items is not None else parse(self._content)
        )
        return found


#: The first step of each key path of a kind, and the steps after it (``"native_names"``,
#: ``["name"]``).
_STEPS: dict[type, list[tuple[str, list[str]]]] = {}


def raw_keys(item: dict[str, Any], kind: type[Record]) -> list[str]:
    """The lookup keys of a record's parsed JSON object, as :func:`caspian._index.keys_of`
    gives them for the record it builds (the tests check this for every packaged record).

    >>> import caspian
    >>> raw_keys({"id": "x", "name": "X", "city": {"name": "Baku"}}, caspian.Summit)
    ['X', 'Baku']
    """
    paths = _STEPS.get(kind)
    if paths is None:
        paths = _STEPS[kind] = [(p.split(".")[0], p.split(".")[1:]) for p in kind.KIND.keys]
    found: list[str] = []
    for first, steps in paths:
        value: Any = item.get(first)
        for step in steps:
            if value.__class__ is list:
                value = [v.get(step) if v.__class__ is dict else None for v in value]
            else:
                value = value.get(step) if value.__class__ is dict else None
        if value.__class__ is str:
            found.append(value)
        elif value.__class__ is list:
            found += [v for v in value if v.__class__ is str]
    return found


class FirstIndex:
    """The key index of a packaged kind for its first lookups: it builds only the record
    that a key names, not every record of the kind, and folds only the keys that could name
    it.

    ``entries`` holds ``(where, id, keys as written)`` for each record, and ``build(where)``
    gives the record (the same object each time, and the one the dataset's ``records()``
    holds). A key answers here when it is an id, or when its folded form is that of a key of
    ASCII text and names one record (or the kind's ``prefer`` rule picks one); anything else
    (a miss, an ambiguous key, a key that only text in other scripts folds to) answers
    :meth:`find`'s ``None``, and the dataset asks the full index
    (:class:`caspian._index.Index`).

    The records a folded form names are those :func:`caspian._keys.key_index` gives it from
    the ids and the keys of ASCII text (:meth:`names`). It folds only the ids and keys that
    hold the form's first word: the folded form of ASCII text is its runs of letters and
    digits, lower-cased, so a key (or a shorter form of it) that folds to the form holds
    that word as written, in any case. This gives the full index's answer because, in the
    packaged data, a key of non-ASCII text never folds to the form of an ASCII key of another
    record: the tests check, for every packaged kind, that each form names the same records
    here as in the full index (``tests/test_first_lookups.py``). Only the packaged data is
    indexed this way: the records of other datasets are built, and checked, when they are
    loaded.
    """

    __slots__ = ("_build", "_keys", "_kind", "_where", "asked", "exact")

    #: Not the full index (:class:`caspian._index.Index`, whose ``full`` is true).
    full = False

    def __init__(
        self,
        entries: Sequence[tuple[Any, str, list[str]]],
        kind: type[Record],
        build: Callable[[Any], Record],
    ) -> None:
        #: Each id, case-folded, and its keys of ASCII text as written and case-folded (a key
        #: with control characters is always folded: they may join its words).
        self._keys = [
            (
                ident,
                ident.casefold() if ident.isascii() and ident.isprintable() else "",
                [(k, f if k.isprintable() else "") for k in keys if (f := k.casefold()).isascii()],
            )
            for _, ident, keys in entries
        ]
        self._where = {ident: where for where, ident, _ in entries}
        self._build = build
        self._kind = kind
        #: Ids, and the keys as written of the records built so far that name them alone:
        #: what the full index's ``exact`` holds for them.
        self.exact: dict[str, Record] = {}
        #: How many keys :meth:`find` was asked (the dataset makes the full index after a
        #: few: it answers other keys than ``exact`` holds faster).
        self.asked = 0

    def names(self, form: str) -> tuple[str, ...]:
        """The ids that a folded form of ASCII text names, as
        :func:`caspian._keys.key_index` gives them from every id and key of ASCII text."""
        word = form.split(" ", 1)[0]
        if not word:
            return ()
        near = []
        for ident, folded, keys in self._keys:
            kept = [k for k, f in keys if not f or word in f]
            if kept or not folded or word in folded:
                near.append((ident, "", kept))
        return key_index(near, None, self._kind.KIND.optional_words).get(form, ())

    def find(self, key: str) -> Any:
        """The record ``key`` names, or ``None`` where the full index must answer."""
        self.asked += 1
        where = self._where.get(key)
        if where is None:
            form = normalize(key)
            if not form.isascii():
                return None
            named = self.names(form)
            ids = named
            if not ids:
                return None
            if len(ids) > 1:
                prefer = self._kind.KIND.prefer
                if prefer is None:
                    return None
                ids = tuple(i for i in ids if prefer(self._build(self._where[i])))
                if len(ids) != 1:
                    return None
            found = self._build(self._where[ids[0]])
            if named == (found.id,) and key in self._written(found.id):
                self.exact[key] = found  # as the full index's exact holds it
        else:
            found = self._build(where)
        self.exact[found.id] = found
        return found

    def _written(self, ident: str) -> list[str]:
        """The keys of ASCII text of the record ``ident``, as written."""
        return next(([k for k, _ in keys] for i, _, keys in self._keys if i == ident), [])
