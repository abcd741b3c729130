"""One generic query for every kind, driven by the filters declared in its ``KIND.filters``.

:meth:`Dataset.query <caspian.Dataset.query>` checks each argument by what its filter takes
(in the order they are declared, the date range first), then keeps the records every given
filter lets through, in the kind's order.

>>> import caspian
>>> from caspian.model import Pipeline
>>> [p.id for p in query(caspian.Dataset.packaged(), Pipeline, {"status": "proposed"})]
['trans-caspian']
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from caspian import _args
from caspian._coerce import datetime as _dt
from caspian._fields import shape
from caspian._filters import Filter, annotation, args_section
from caspian._kind import Record
from caspian._values import Results
from caspian.errors import ArgumentTypeError, InvalidQueryError, _shown

__all__ = [
    "added",
    "answer",
    "class_named",
    "lookup_function",
    "query",
    "query_function",
    "target_of",
]


def class_named(name: str) -> type[Any]:
    """The record kind, value or vocabulary class of the model called ``name``."""
    from caspian import model

    if name in model._WHERE:  # a packaged name: only its family's module is imported
        found: type[Any] = getattr(model, name)
        return found
    return next(kind for kind in model.KINDS if kind.__name__ == name)


def target_of(kind: type[Record], one: Filter) -> type[Any]:
    """The class a ``"record"`` or ``"value"`` filter's argument names: its ``target``, or
    what its field holds."""
    if one.target is not None:
        return class_named(one.target)
    field = shape(kind, one.fields[0])
    if one.takes == "record":
        assert field.ref is not None, f"{kind.__name__}.{one.name}: the field names no record"
        return class_named(field.ref)
    return field.base  # type: ignore[no-any-return]


def _checked(dataset: Any, kind: type[Record], one: Filter, given: object) -> Any:
    """The argument of one filter, checked and made comparable (a record key becomes an id)."""
    if one.takes == "record":
        return dataset._get(target_of(kind, one), given, one.name).id
    if one.takes == "value":
        return _args.vocabulary(one.name, given, target_of(kind, one))
    if one.takes == "flag":
        return _args.flag(one.name, given)
    if one.takes == "date":
        return _args.bound(one.name, given, end_of_year=False)  # type: ignore[arg-type]
    if one.takes == "day":
        from caspian._dates import day

        return day(one.name, given, end_of_year=True)
    if one.takes == "text":
        needle = _args.text(one.name, given)
        if needle == "":
            raise InvalidQueryError(
                f"{one.name} must hold a letter or a digit to search for, got {_shown(given)}"
            )
        return needle
    return given


def _first(record: Any, fields: tuple[str, ...]) -> Any:
    for name in fields:
        found = getattr(record, name)
        if found is not None:
            return found
    return None


def _keeps(record: Any, one: Filter, wanted: Any, given: Mapping[str, Any]) -> bool:
    if one.test is not None:
        return one.test(record, wanted, given)
    if one.takes == "text":
        # _args.normalize imports key folding on first use (the first answer folds no text)
        text = " ".join(str(getattr(record, f) or "") for f in one.fields)
        return wanted in _args.normalize(text)
    held = getattr(record, one.fields[0])
    if isinstance(held, tuple):
        return wanted in held
    return held is wanted if one.takes in ("value", "flag") else held == wanted


_PLANS: dict[type[Any], tuple[Any, ...]] = {}


def _plan(
    kind: type[Record],
) -> tuple[tuple[Filter, ...], frozenset[str], tuple[Filter, ...], tuple[Filter, ...], Any]:
    """A kind's filters, their names, the date-range filters, the others, and the positions
    of its ``fresh`` filters: worked out once per kind, so that a warm query pays only for
    the arguments it is given."""
    plan = _PLANS.get(kind)
    if plan is None or plan[0] is not kind.KIND.filters:
        filters = kind.KIND.filters
        ranged = tuple(f for f in filters if f.takes in ("after", "before", "year"))
        others = tuple(f for f in filters if all(f is not r for r in ranged))
        fresh = tuple(i for i, f in enumerate(filters) if f.fresh)
        plan = (filters, frozenset(f.name for f in filters), ranged, others, fresh)
        _PLANS[kind] = plan
    return plan


#: The types of the arguments an answer is kept by: values of these exact types that are
#: equal mean the same to every filter (and the types are part of the key, so ``1`` is not
#: ``True``). Any other argument (a record, a list, a float, a vocabulary member) is answered
#: afresh.
_PLAIN = frozenset({type(None), str, int, bool, _dt.date})
#: How many answers a dataset keeps; when full, it forgets them all and starts again.
KEPT = 256


R = TypeVar("R", bound=Record)


def answer(dataset: Any, kind: type[R], values: tuple[Any, ...]) -> tuple[R, ...]:
    """:func:`query` with the arguments given as ``values``, one for each of the kind's
    filters in their order (``None``: not given), answered from the dataset's kept answers
    when the same arguments, of the same types, asked before.

    Only answers are kept, never errors (a query that raises raises again), and only for
    arguments of the :data:`_PLAIN` types; each dataset keeps its own answers (its records
    never change), at most :data:`KEPT` of them.
    """
    key: tuple[Any, ...] | None = (kind, values)
    try:
        kept = dataset._answers.get(key)
    except Exception:  # an argument that does not hash (a list): answered afresh
        kept = key = None
    if kept is not None and kept[0] == tuple(map(type, values)):
        return kept[1]  # type: ignore[no-any-return]
    filters, _names, _ranged, _others, fresh = _plan(kind)
    given = {f.name: v for f, v in zip(filters, values, strict=True) if v is not None}
    found = query(dataset, kind, given)
    types = tuple(map(type, values))
    if key is not None and _PLAIN.issuperset(types) and all(values[i] is None for i in fresh):
        answers = dataset._answers
        if len(answers) >= KEPT:
            answers.clear()
        answers[key] = (types, found)
    return found


def query(dataset: Any, kind: type[Record], arguments: Mapping[str, object]) -> tuple[Any, ...]:
    """The records of ``kind`` in ``dataset`` that the given arguments keep (``None``: not
    given), as the kind's :class:`~caspian.Results`.

    Raises:
        ArgumentTypeError: an argument the kind's query does not take, or of the wrong type.
        InvalidQueryError: an empty range, or an unknown vocabulary value.
        NotFoundError: a key that names no record.
    """
    filters, names, ranged, others, _fresh = _plan(kind)
    if not names.issuperset(arguments):
        unknown = sorted(set(arguments) - names)
        raise ArgumentTypeError(
            f"{kind.KIND.plural} takes no argument {unknown[0]!r}; it takes: "
            + ", ".join(f.name for f in filters)
        )
    pool: Sequence[Any] = dataset._records.get(kind) or dataset.records(kind)
    if ranged:
        get: Any = arguments.get
        low, high = _args.date_range(get("after"), get("before"), get("year"))
        fields = ranged[0].fields
        if low is not None or high is not None:
            # The day of each record: its first field that is set (dates and years are never
            # falsy, so ``or`` picks it), read without a call a record.
            if len(fields) == 2:
                first, second = fields
                days = [(r, getattr(r, first) or getattr(r, second)) for r in pool]
            else:
                days = [(r, _first(r, fields)) for r in pool]
            if high is not None:
                lo = low or _dt.date.min
                pool = [r for r, day in days if day is not None and lo < day < high]
            else:  # the common case (after=...), with one comparison
                pool = [r for r, day in days if day is not None and day > low]
    asked = [
        (one, given)
        for one in others
        if (given := arguments.get(one.name)) is not None or one.always
    ]
    if not asked:  # the common case: a date range alone, or nothing
        return Results.of(kind)(pool)
    checked: dict[str, Any] = {}
    for one, given in asked:
        found = None if given is None else _checked(dataset, kind, one, given)
        checked[one.name] = found if one.prepare is None else one.prepare(dataset, found)
    for one, _given in asked:
        wanted = checked[one.name]
        if one.test is not None or one.takes == "text":
            pool = [r for r in pool if _keeps(r, one, wanted, checked)]
            continue
        # _keeps inlined for the common filters (one call a record is most of a warm query)
        name, same = one.fields[0], one.takes in ("value", "flag")
        pool = [
            r
            for r in pool
            if (
                (wanted in held)
                if isinstance(held := getattr(r, name), tuple)
                else (held is wanted if same else held == wanted)
            )
        ]
    return Results.of(kind)(pool)


def query_function(kind: type[Record], data: Callable[[], Any]) -> Callable[..., Any]:
    """The query function of a kind that has no typed one written for it (``caspian.X``
    or ``Dataset.X`` for a kind you add), with the signature and docs its filters make.

    >>> import caspian
    >>> from caspian.model import Pipeline
    >>> function = query_function(Pipeline, caspian.Dataset.packaged)
    >>> list(inspect.signature(function).parameters)
    ['through', 'commodity', 'status']
    >>> [p.id for p in function(through="GE")][:1]
    ['baku-tbilisi-ceyhan']
    """

    def function(*args: Any, **arguments: Any) -> tuple[Any, ...]:
        positional = [f.name for f in kind.KIND.filters if f.positional]
        if len(args) > len(positional):
            raise ArgumentTypeError(
                f"{kind.KIND.plural}() takes {len(positional)} positional argument(s)"
            )
        arguments.update(zip(positional, args, strict=False))
        found: tuple[Any, ...] = data().query(kind, **arguments)
        return found

    function.__name__ = function.__qualname__ = kind.KIND.plural
    function.__doc__ = (
        f"The {kind.KIND.plural} of the data, kept by the filters given.\n\n" + args_section(kind)
    )
    function.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                f.name,
                inspect.Parameter.POSITIONAL_OR_KEYWORD
                if f.positional
                else inspect.Parameter.KEYWORD_ONLY,
                default=None,
                annotation=annotation(kind, f),
            )
            for f in kind.KIND.filters
        ],
        return_annotation=f"tuple[{kind.__name__}, ...]",
    )
    return function


def lookup_function(kind: type[Record], data: Callable[[], Any]) -> Callable[[Any], Any]:
    """The lookup function of a kind that has no typed one written for it."""

    def function(key: Any) -> Any:
        return data().lookup(kind, key)

    function.__name__ = function.__qualname__ = kind.KIND.noun.replace(" ", "_")
    keys = ", ".join(k.replace("_", " ") for k in kind.KIND.keys)
    function.__doc__ = (
        f"The {kind.KIND.noun} with this {keys}.\n\nRaises:\n    NotFoundError: no "
        f"{kind.KIND.noun} matches; the error suggests close matches."
    )
    return function


def added(name: str, data: Callable[[], Any]) -> Callable[..., Any] | None:
    """The generic query or lookup function called ``name`` (a registered kind's plural or
    noun), or ``None``."""
    import importlib
    import sys

    # A module of the package, being imported (``from caspian import model``): asked of the
    # finders as importlib.util.find_spec would, without importing importlib.util.
    fullname, package = f"caspian.{name}", sys.modules["caspian"]
    if fullname in sys.modules:
        return None
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        if find is not None and find(fullname, package.__path__) is not None:
            return None
    model = importlib.import_module("caspian.model")
    for kind in model.KINDS:
        if kind.KIND.plural == name and kind.KIND.filters:
            return query_function(kind, data)
        if kind.KIND.noun.replace(" ", "_") == name and kind.KIND.keys:
            return lookup_function(kind, data)
    return None
