"""What every record kind shares: its description (:class:`Kind`), field helpers, the base class.

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

import ast
import datetime as _dt
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

__all__ = ["Kind", "Record"]

from caspian._filters import Filter
from caspian.errors import ArgumentTypeError, CaspianError, _shown

if TYPE_CHECKING:
    from caspian._values import Alternative, Source
    from caspian.dataset import Dataset


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
        if not attrs.has(cls):
            return own
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


@attrs.frozen(kw_only=True, repr=False)
class Kind(metaclass=_Documented):
    """The description of a record kind, kept on its class as ``KIND``. Immutable.

    >>> from caspian.model import Summit
    >>> Summit.KIND.noun, Summit.KIND.plural, Summit.KIND.label
    ('summit', 'summits', 'name')
    """

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
    order: Callable[[Any], Any] | None = None
    #: Integrity rules of this kind beyond the shared ones (references, ranges, sources): each
    #: takes a record and a resolver ``(kind's class name, id) -> record or None`` and
    #: yields ``(field path, message)`` for each problem.
    rules: tuple[Callable[[Any, Resolve], Problems], ...] = ()
    #: The fields whose value, where set, at least one source must support (``supports``):
    #: the dates, places, parties, lengths and values a user may ask the source of.
    cited: tuple[str, ...] = ()
    #: Words a key may leave out at its end (``("pipeline",)``: ``"Tengiz-Novorossiysk"``
    #: finds the ``"Tengiz–Novorossiysk pipeline"``). Any key may also leave out a closing
    #: ``(...)``. Such shorter forms find a record only where no full key names another.
    optional_words: tuple[str, ...] = ()
    #: When a key names several records and exactly one passes this test, that one answers
    #: (today's state over the historic entities that shared its name); ``None``: no rule.
    prefer: Callable[[Any], bool] | None = None
    #: The filters of the kind's query (``caspian.summits(host=...)``), in the order of its
    #: arguments: see :mod:`caspian._filters`.
    filters: tuple[Filter, ...] = ()

    def __repr__(self) -> str:
        return f"Kind(file={self.file!r}, noun={self.noun!r})"


def ref(target: str, default: Any = None) -> Any:
    """A field that holds the id (or a tuple of ids) of a record of the kind named ``target``.

    The shared integrity rules check that the ids resolve; schemas give them the id pattern.
    """
    return attrs.field(default=default, metadata={"ref": target})


def bounded(default: Any = attrs.NOTHING, *, unique: bool = False, **limits: float) -> Any:
    """A number field with JSON-Schema-style limits (``minimum``, ``exclusiveMinimum`` ...);
    with ``unique``, no two records of the kind may share a value."""
    metadata: dict[str, Any] = {"limits": limits}
    if unique:
        metadata["unique"] = True
    return attrs.field(default=default, metadata=metadata)


def year_field(default: Any = None) -> Any:
    """A year field: from 1 to 9999, the years a :class:`datetime.date` can hold."""
    return bounded(default, minimum=1, maximum=9999)


def after(*first: str, default: Any = None, **limits: float) -> Any:
    """A date or year field that must not come before the fields ``first`` of the same record
    (a year with its ``limits``, as for :func:`bounded`)."""
    metadata: dict[str, Any] = {"not_before": first}
    if limits:
        metadata["limits"] = limits
    return attrs.field(default=default, metadata=metadata)


def dataset_field() -> Any:
    """The link from a record to its dataset: kept by :func:`attrs.evolve`, never compared."""
    return attrs.field(default=None, eq=False, repr=False, hash=False, alias="_dataset")


_COMPARED: dict[type, tuple[str, ...]] = {}


def _compared(cls: type) -> tuple[str, ...]:
    """The fields that equality and hashing compare (all but the link to a dataset)."""
    found = _COMPARED.get(cls)
    if found is None:
        found = _COMPARED[cls] = tuple(f.name for f in attrs.fields(cls) if f.eq)
    return found


class _Compared(metaclass=_Documented):
    """Equality and hashing by field values, shared by every record and value.

    attrs would generate (and compile) ``__eq__`` and ``__hash__`` for each class; one pair
    here does the same for all of them, so that defining the classes costs less.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in _compared(self.__class__))

    def __hash__(self) -> int:
        return hash((self.__class__, *(getattr(self, n) for n in _compared(self.__class__))))


class Value(_Compared):
    """Base of the small value types (:class:`Source`, :class:`Place` ...)."""

    __slots__ = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in _compared(self.__class__))
        return f"{self.__class__.__name__}({fields})"


class Record(_Compared):
    """Behaviour shared by every record type.

    >>> import caspian
    >>> isinstance(caspian.state("IR"), Record)
    True
    """

    __slots__ = ()

    #: The description of the kind (file, noun, lookup keys, columns, order, rules).
    KIND: ClassVar[Kind]

    if TYPE_CHECKING:
        __attrs_attrs__: ClassVar[tuple[attrs.Attribute[Any], ...]]

        #: The record's id: a stable lowercase slug, unique among records of its kind.
        id: str
        #: The public pages the record's facts were read from (at least one).
        sources: tuple[Source, ...]
        #: Caveats in plain words: what is uncertain, how a value was chosen, calendars.
        notes: str | None
        #: Values that other sources give for a field, each with its own sources.
        alternatives: tuple[Alternative, ...]
        _dataset: Any

    @property
    def dataset(self) -> Dataset:
        """The dataset this record belongs to.

        Records from :func:`caspian.state` and the other queries belong to the packaged
        dataset; records from :meth:`Dataset.from_directory` to that dataset.

        Raises:
            CaspianError: for a record made by hand, which belongs to no dataset.

        >>> import caspian
        >>> caspian.state("IR").dataset is caspian.Dataset.packaged()
        True
        """
        found: Dataset | None = self._dataset
        if found is None:
            raise CaspianError(
                f"{type(self).__name__} {self.id!r} was made by hand and belongs to no "
                "dataset; use caspian.from_dict() or a Dataset to get records that do"
            )
        return found

    def __attrs_post_init__(self) -> None:
        # Only attrs.evolve (or a caller passing _dataset) makes a record that claims a
        # dataset: it is validated against that dataset as the loader would validate it.
        if self._dataset is not None:
            self._dataset._check_copy(self)

    def sources_for(self, field: str) -> tuple[Source, ...]:
        """The sources that support one field of this record (those that list it in
        ``supports``).

        Raises:
            ArgumentTypeError: if ``field`` is not a field of the record.

        >>> import caspian
        >>> summit = caspian.summit("caspian-summit-2018")
        >>> all("start" in s.supports for s in summit.sources_for("start"))
        True
        """
        names = {f.name for f in attrs.fields(type(self))}
        if not isinstance(field, str) or field not in names:
            raise ArgumentTypeError(
                f"{_shown(field)} is not a field of {type(self).__name__}; the fields are: "
                + ", ".join(sorted(n for n in names if not n.startswith("_")))
            )
        return tuple(s for s in self.sources if field in s.supports)

    def __repr__(self) -> str:
        parts = []
        for name in self.KIND.columns[:3]:
            value = cell(self, name)
            parts.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def _repr_html_(self) -> str:
        from caspian._html import record_html

        return record_html(self)


def as_day(name: str, value: object) -> _dt.date:
    """An argument that names a day: a :class:`datetime.date` (a datetime counts as its date).

    >>> as_day("day", _dt.datetime(2020, 1, 1, 12))
    datetime.date(2020, 1, 1)
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    raise ArgumentTypeError(
        f"{name} must be a datetime.date, not {type(value).__name__}: {_shown(value)}"
    )


def as_year(name: str, value: object) -> int:
    """An argument that names a year: an ``int``, or a date (its year).

    >>> as_year("year", _dt.date(1940, 5, 1))
    1940
    """
    if isinstance(value, _dt.date):
        return value.year
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ArgumentTypeError(
        f"{name} must be a year (int) or a datetime.date, not {type(value).__name__}: "
        f"{_shown(value)}"
    )


def value_at(record: object, path: str) -> Any:
    """The value of a field path (``"city.name"``); ``None`` if a step is ``None``.

    A step into a tuple gives a tuple of the items' values.

    >>> import caspian
    >>> value_at(caspian.summit("caspian-summit-2018"), "city.name")
    'Aktau'
    """
    value: Any = record
    for step in path.split("."):
        if value is None:
            return None
        if isinstance(value, tuple):
            value = tuple(getattr(item, step) for item in value)
        else:
            value = getattr(value, step)
    return value


def cell(record: object, path: str) -> Any:
    """A field's value as shown in a table: text, a number, a bool or ``None``.

    >>> import caspian
    >>> cell(caspian.pipeline("BTC"), "route")
    'azerbaijan, georgia, turkey'
    """
    return _plain(value_at(record, path))


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        # A whole number shows without ".0"; only where it converts exactly (to 2**53).
        return int(value) if value.is_integer() and abs(value) <= 2**53 else value
    if value is None or isinstance(value, (bool, int, str)):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, tuple):
        return ", ".join(str(_plain(v)) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if attrs.has(type(value)) and hasattr(value, "name"):
        return value.name
    return str(value)


_MEANINGS: dict[type, dict[str, str]] = {}


def field_meanings(cls: type) -> dict[str, str]:
    """The meaning of each field of an attrs class, from the ``#:`` comments above the fields.

    A field without a comment of its own takes the comment of the same name in a base class
    (:class:`Record` documents ``id``, ``sources``, ``notes`` and ``alternatives`` once).

    >>> from caspian.model import Agreement
    >>> field_meanings(Agreement)["in_force_date"]
    'The day of entry into force, where known.'
    """
    found = _MEANINGS.get(cls)
    if found is not None:
        return found
    inherited: dict[str, str] = {}
    for base in reversed(cls.__mro__[1:]):
        if base.__module__.startswith("caspian"):
            inherited.update(_comments(base))
    own = {**inherited, **_comments(cls)}
    if attrs.has(cls):
        names = [f.name for f in attrs.fields(cls) if f.init and f.alias != "_dataset"]
    else:  # a plain annotated class such as Kind
        import inspect

        names = list(inspect.get_annotations(cls))
    result = {name: own[name] for name in names if name in own}
    _MEANINGS[cls] = result
    return result


def _comments(cls: type) -> dict[str, str]:
    """The ``#:`` comments in the body of ``cls``, by the name of the field below them (read
    with :mod:`ast`: the annotated names of the class body, its ``if`` blocks included, and the
    comment lines right above each)."""
    module = sys.modules.get(cls.__module__)
    loader = getattr(module, "__loader__", None)
    try:
        source = loader.get_source(cls.__module__) if loader is not None else None
    except (ImportError, OSError):  # pragma: no cover - a frozen app without sources
        source = None
    if not source:
        return {}
    lines = source.splitlines()
    found: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.ClassDef) and node.name == cls.__name__):
            continue
        for statement in _statements(node.body):
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                above: list[str] = []
                index = statement.lineno - 2
                while index >= 0 and lines[index].strip().startswith("#:"):
                    above.insert(0, lines[index].strip()[2:].strip())
                    index -= 1
                if above:
                    found[statement.target.id] = " ".join(above)
    return found


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements of a class body, those inside its ``if`` blocks included."""
    for statement in body:
        yield statement
        if isinstance(statement, ast.If):
            yield from _statements(statement.body)
            yield from _statements(statement.orelse)
