"""The description of a record kind (:class:`Kind`), the helpers that mark its fields, the base
of the closed vocabularies (``_Vocabulary``) and the metaclass of records, values and kinds
(``_Documented``: ``help()`` shows each field's meaning, and a class, once made, cannot be
changed).

A record class describes its kind once, in a ``KIND`` class attribute: its data file, its noun,
the fields it is looked up by, the columns of its tables, its order and its own integrity rules.
Field meanings are the ``#:`` comments above each field; :func:`field_meanings` reads them, for
``help()`` and for the data dictionary. The loader, the indexes, the command line, the exports,
the schemas and the docs read these descriptions instead of keeping tables of their own.

>>> from caspian.model import State
>>> State.KIND.file, State.KIND.noun
('states.json', 'state')
>>> field_meanings(State)["littoral"]
'Whether the state lies on the Caspian shore.'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Any

import attr

# The helpers below (and those of __getattr__) are re-exported for the kind modules, which take
# everything a kind is written with from here; each lives in the module of its job.
from caspian._coerce import as_day as as_day
from caspian._coerce import as_year as as_year
from caspian._fields import _Frozen
from caspian._filters import Filter

if TYPE_CHECKING:
    from caspian._cells import _plain as _plain
    from caspian._cells import cell as cell
    from caspian._cells import value_at as value_at
    from caspian._record import Record as Record
    from caspian._record import Value as Value

__all__ = ["Kind"]


def __getattr__(name: str) -> object:
    # Record and Value are defined in _record, which needs Kind: they are re-exported on use.
    if name in ("Record", "Value"):
        from caspian import _record

        return getattr(_record, name)
    # The table cells, which the first answer does not show: imported on use.
    if name in ("cell", "value_at", "_plain"):
        from caspian import _cells

        return getattr(_cells, name)
    raise AttributeError(f"module 'caspian._kind' has no attribute {name!r}")


def field_meanings(cls: type) -> dict[str, str]:
    """The meaning of each field of ``cls``: :func:`caspian._meanings.field_meanings`, whose
    module (it reads the sources with :mod:`ast`) is imported on first use, by ``help()``,
    the docs and the exports, not by queries."""
    from caspian._meanings import field_meanings as meanings

    return meanings(cls)


#: What a rule's resolver takes and gives: ``(kind's class name, id) -> record or None``.
Resolve = Callable[[str, str], Any]
#: What a rule yields: ``(field path, message)`` for each problem.
Problems = Iterator[tuple[str, str]]


def existed(field: str, members: tuple[str, ...], year: int, resolve: Resolve) -> Problems:
    """A rule: each state named in ``members`` existed in ``year``."""
    for index, member in enumerate(members):
        state = resolve("State", member)
        if state is not None and not state.exists_in(year):
            yield f"{field}[{index}]", f"{member!r} did not exist in {year}"


class _Documented(type):
    """The metaclass of records and values: ``help()`` shows each field's meaning.

    The meanings are read from the ``#:`` comments on first use, so defining the classes
    costs nothing extra.
    """

    @property
    def __doc__(cls) -> str | None:  # type: ignore[override]
        own: str | None = cls.__dict__.get("__doc__")
        if not (attr.has(cls) or cls.__dict__.get("__slots__")):  # fields: attrs's or Kind's
            return own
        from caspian._meanings import field_meanings  # read for help() only

        lines = [f"    {name}: {text}" for name, text in field_meanings(cls).items()]
        return f"{own or ''}\n\nFields:\n" + "\n".join(lines) if lines else own

    def __setattr__(cls, name: str, value: object) -> None:
        # Record and value classes are shared by every dataset: once attrs has made one, its
        # description (KIND), methods and fields cannot be replaced. (attrs itself sets only
        # dunder names while it builds the class.)
        if "__attrs_attrs__" in cls.__dict__ and not name.startswith("__"):
            raise AttributeError(f"the class {cls.__name__} is shared and immutable")
        super().__setattr__(name, value)

    def __delattr__(cls, name: str) -> None:
        if "__attrs_attrs__" in cls.__dict__ and not name.startswith("__"):
            raise AttributeError(f"the class {cls.__name__} is shared and immutable")
        super().__delattr__(name)


class _Vocabulary(str, Enum):
    """The base of the closed vocabularies: string enums whose values are the strings in the
    files. Each vocabulary is defined beside the kind that uses it (``MeetingKind`` with the
    meetings).

    >>> from caspian import MeetingKind
    >>> [str(kind) for kind in MeetingKind][:2]
    ['summit', 'ministerial']
    """

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


class Kind(_Frozen, metaclass=_Documented):
    """The description of a record kind, kept on its class as ``KIND``. Immutable.

    >>> from caspian.model import Summit
    >>> Summit.KIND.noun, Summit.KIND.plural, Summit.KIND.label
    ('summit', 'summits', 'name')
    """

    # A plain immutable class, like Filter: attrs would generate and compile its methods on
    # every first answer (1.5% of it).
    __slots__ = (  # noqa: RUF023 (in the order of the fields)
        "file",
        "noun",
        "plural",
        "keys",
        "label",
        "columns",
        "order",
        "rules",
        "cited",
        "optional_words",
        "prefer",
        "filters",
    )

    #: The data file that holds records of this kind (``"summits.json"``).
    file: str
    #: The word for one record in messages (``"summit"``).
    noun: str
    #: The word for several, also the name of the query function and CLI command.
    plural: str
    #: Field paths whose values name a record in lookups (``"native_names.name"`` reaches
    #: into a tuple of values).
    keys: tuple[str, ...]
    #: The field shown beside an id in suggestions.
    label: str
    #: The field paths shown as columns in command-line and notebook tables.
    columns: tuple[str, ...]
    #: The sort key of the kind's records; ``None`` keeps the order of the files.
    order: Callable[[Any], Any] | None
    #: Integrity rules of this kind beyond the shared ones (references, ranges, sources): each
    #: takes a record and a resolver ``(kind's class name, id) -> record or None`` and
    #: yields ``(field path, message)`` for each problem.
    rules: tuple[Callable[[Any, Resolve], Problems], ...]
    #: The fields whose value, where set, at least one source must support (``supports``):
    #: the dates, places, parties, lengths and values a user may ask the source of.
    cited: tuple[str, ...]
    #: Words a key may leave out at its end (``("pipeline",)``: ``"Tengiz-Novorossiysk"``
    #: finds the ``"Tengiz–Novorossiysk pipeline"``). Any key may also leave out a closing
    #: ``(...)``. Such shorter forms find a record only where no full key names another.
    optional_words: tuple[str, ...]
    #: When a key names several records and exactly one passes this test, that one answers
    #: (today's state over the historic entities that shared its name); ``None``: no rule.
    prefer: Callable[[Any], bool] | None
    #: The filters of the kind's query (``caspian.summits(host=...)``), in the order of its
    #: arguments: see :mod:`caspian._filters`.
    filters: tuple[Filter, ...]

    def __init__(
        self,
        *,
        file: str,
        noun: str,
        plural: str,
        keys: tuple[str, ...],
        label: str,
        columns: tuple[str, ...],
        order: Callable[[Any], Any] | None = None,
        rules: tuple[Callable[[Any, Resolve], Problems], ...] = (),
        cited: tuple[str, ...] = (),
        optional_words: tuple[str, ...] = (),
        prefer: Callable[[Any], bool] | None = None,
        filters: tuple[Filter, ...] = (),
    ) -> None:
        self._set(
            file,
            noun,
            plural,
            keys,
            label,
            columns,
            order,
            rules,
            cited,
            optional_words,
            prefer,
            filters,
        )

    def __repr__(self) -> str:
        return f"Kind(file={self.file!r}, noun={self.noun!r})"


def ref(target: str, default: Any = None) -> Any:
    """A field that holds the id (or a tuple of ids) of a record of the kind named ``target``.

    The shared integrity rules check that the ids resolve; schemas give them the id pattern.
    """
    return attr.field(default=default, metadata={"ref": target})


def bounded(default: Any = attr.NOTHING, *, unique: bool = False, **limits: float) -> Any:
    """A number field with JSON-Schema-style limits (``minimum``, ``exclusiveMinimum`` ...);
    with ``unique``, no two records of the kind may share a value."""
    metadata: dict[str, Any] = {"limits": limits}
    if unique:
        metadata["unique"] = True
    return attr.field(default=default, metadata=metadata)


def year_field(default: Any = None) -> Any:
    """A year field: from 1 to 9999, the years a :class:`datetime.date` can hold."""
    return bounded(default, minimum=1, maximum=9999)


def after(*first: str, default: Any = None, **limits: float) -> Any:
    """A date or year field that must not come before the fields ``first`` of the same record
    (a year with its ``limits``, as for :func:`bounded`)."""
    metadata: dict[str, Any] = {"not_before": first}
    if limits:
        metadata["limits"] = limits
    return attr.field(default=default, metadata=metadata)


def dataset_field() -> Any:
    """The link from a record to its dataset: kept by :func:`attrs.evolve`, never compared."""
    return attr.field(default=None, eq=False, repr=False, hash=False, alias="_dataset")
