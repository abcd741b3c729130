"""One search across every kind of record: :func:`search`, best matches first, kind named.

A record matches in one of three ways, and the best way comes first: a key (an id, a name, an
alias, a code) that is the text itself; every word of the text among the record's words (the
words of its keys, its label, its places, its year and ordinal, as in lookups); the text inside
its label or one of its keys. Within each way, the kinds come in the order of
:data:`caspian.model.KINDS` and the records in their kind's order. A summit is listed once, as
a summit.

>>> import caspian
>>> [(m.kind, m.id) for m in caspian.search("Aktau")][:2]
[('summit', 'caspian-summit-2018'), ('meeting', 'cop3-2011-aktau')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from caspian import _args
from caspian._index import keys_of, words_of
from caspian._keys import normalize
from caspian._kind import Record, value_at
from caspian.errors import ArgumentTypeError, InvalidQueryError, _shown

if TYPE_CHECKING:
    from caspian.dataset import Dataset

__all__ = ["Match", "search"]

#: How a record matched, best first.
WAYS = ("key", "words", "text")


class Match(NamedTuple):
    """One record found by :func:`caspian.search`.

    >>> import caspian
    >>> caspian.search("SCP")[0]
    Match(kind='pipeline', id='south-caucasus', label='South Caucasus Pipeline', matched='key')
    """

    #: The noun of the record's kind (``"summit"``, ``"agreement"``).
    kind: str
    #: The record's id.
    id: str
    #: The record's label: its name or title.
    label: str
    #: How it matched, best first: ``"key"`` (a name, alias, code or id is the text),
    #: ``"words"`` (every word of the text is among its words), ``"text"`` (the text is
    #: inside its label or one of its keys).
    matched: str
    #: The record itself.
    record: Any = None

    def __repr__(self) -> str:
        return (
            f"Match(kind={self.kind!r}, id={self.id!r}, label={self.label!r}, "
            f"matched={self.matched!r})"
        )


def search(dataset: Dataset, text: object, kind: object = None) -> tuple[Match, ...]:
    """The records of every kind (or of the kind named by its noun) that ``text`` names.

    Raises:
        ArgumentTypeError: ``text`` is not a string, or ``kind`` neither a noun nor ``None``.
        InvalidQueryError: ``text`` holds no letter or digit, or ``kind`` is no kind's noun.
    """
    from caspian.model import KINDS

    wanted = _args.text("text", text)
    if wanted is None:
        raise ArgumentTypeError(f"text must be a string, not {_shown(text)}")
    if wanted == "":
        raise InvalidQueryError(
            f"text must hold a letter or a digit to search for, got {_shown(text)}"
        )
    nouns = {k.KIND.noun: k for k in KINDS}
    if kind is not None and not isinstance(kind, str):
        raise ArgumentTypeError(
            f"kind must be a kind's noun (str) or None, not {type(kind).__name__}: {_shown(kind)}"
        )
    if kind is not None and kind not in nouns:
        allowed = ", ".join(repr(n) for n in nouns)
        raise InvalidQueryError(f"kind must be one of {allowed}; got {_shown(kind)}")
    words = wanted.split()
    found: list[tuple[int, int, int, Match]] = []
    for order, each in enumerate(KINDS):
        if kind is not None and each is not nouns[kind]:
            continue
        index = dataset._index(each)
        named = set(index.ids(wanted))
        for position, record in enumerate(dataset.records(each)):
            if type(record) is not each:
                continue  # a summit is listed once, as a summit
            way = _way(record, each, wanted, words, named)
            if way is not None:
                label = str(value_at(record, each.KIND.label))
                match = Match(each.KIND.noun, record.id, label, WAYS[way], record)
                found.append((way, order, position, match))
    found.sort(key=lambda item: item[:3])
    return tuple(item[3] for item in found)


def _way(
    record: Record, kind: type[Record], wanted: str, words: list[str], named: set[str]
) -> int | None:
    """How ``record`` matches the folded text (an index into :data:`WAYS`), or ``None``."""
    if record.id in named:
        return 0
    label = normalize(str(value_at(record, kind.KIND.label)))
    own = words_of(record, kind) | set(label.split())
    if all(word in own for word in words):
        return 1
    if len(wanted) >= 3 and any(
        wanted in normalize(key) for key in (label, *keys_of(record, kind))
    ):
        return 2
    return None
