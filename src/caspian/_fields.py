"""The shape of each field of a record or value class, worked out once and cached per class.

Every consumer that needs to know what a field holds (the fast path, the validating path,
tables, exports, the data package, the schemas) reads a :class:`Shape` from :func:`shapes`
instead of taking the field's annotation apart again. Annotations are resolved here, once,
with :func:`typing.get_type_hints` (and :func:`attrs.resolve_types`, so that ``field.type``
is the real type too): a kind module written with or without
``from __future__ import annotations`` gives the same shapes.

>>> from caspian.model import Summit
>>> start = shape(Summit, "start")
>>> start.kind, start.optional, start.many
('date', True, False)
>>> shape(Summit, "participants").ref, shape(Summit, "participants").many
('State', True)
>>> shape(Summit, "status").vocabulary
('held', 'planned')
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import attr

from caspian._coerce import datetime as _dt

__all__ = ["Shape", "file_fields", "resolved", "shape", "shapes"]


class _Frozen:
    """Immutable, and compared, hashed and shown by the values of its ``__slots__``: the little
    of attrs that :class:`~caspian.Kind` and :class:`~caspian._filters.Filter` need. (attrs would
    generate and compile their methods when the first query imports them: 3 M instructions
    each, 1% of the first answer.)"""

    __slots__: tuple[str, ...] = ()

    def _set(self, *values: Any) -> None:
        for name, value in zip(self.__slots__, values, strict=True):
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a {type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a {type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(self.__slots__, self._values(), strict=True))
        return f"{type(self).__name__}({shown})"


class Shape(tuple[Any, ...]):
    """What one field holds, read from its annotation and its metadata.

    A tuple of its eleven values, each also an attribute, and so immutable. (A tuple is made
    in one step: the first query makes a shape for every field of each class it builds, and
    setting eleven slots one by one cost 0.2% of the first answer.)
    """

    __slots__ = ()

    #: The names of the values, in order (as :func:`collections.namedtuple` has them).
    _fields = (
        "name",
        "hint",
        "base",
        "kind",
        "optional",
        "many",
        "required",
        "vocabulary",
        "ref",
        "limits",
        "not_before",
    )

    if TYPE_CHECKING:
        #: The field's name.
        name: str
        #: The resolved annotation (``tuple[str, ...] | None``).
        hint: Any
        #: The type of one value: ``X`` from ``X``, ``X | None``, ``tuple[X, ...]``.
        base: Any
        #: ``"date"``, ``"enum"``, ``"value"`` (a nested attrs class), ``"str"``, ``"int"``,
        #: ``"float"``, ``"bool"`` or ``"other"``.
        kind: str
        #: Whether ``None`` is allowed.
        optional: bool
        #: Whether the field holds a tuple of values.
        many: bool
        #: Whether the field has no default (the data must give it).
        required: bool
        #: The values of its vocabulary, for an enum field.
        vocabulary: tuple[str, ...] | None
        #: The name of the kind whose ids the field holds (``ref("State")``).
        ref: str | None
        #: JSON-Schema-style limits (``bounded(minimum=0)``).
        limits: dict[str, float]
        #: The fields of the same record this one must not come before (``after("start")``).
        not_before: tuple[str, ...]

    def __new__(
        cls,
        name: str,
        hint: Any,
        base: Any,
        kind: str,
        optional: bool,
        many: bool,
        required: bool,
        vocabulary: tuple[str, ...] | None = None,
        ref: str | None = None,
        limits: dict[str, float] | None = None,
        not_before: tuple[str, ...] = (),
    ) -> Shape:
        limits = {} if limits is None else limits
        return tuple.__new__(
            cls,
            (name, hint, base, kind, optional, many, required, vocabulary, ref, limits, not_before),
        )

    def __getnewargs__(self) -> tuple[Any, ...]:
        return tuple(self)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Shape is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a Shape is immutable")

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self, strict=True))
        return f"Shape({shown})"


for _index, _name in enumerate(Shape._fields):
    setattr(Shape, _name, property(itemgetter(_index)))
del _index, _name


_SHAPES: dict[type, tuple[Shape, ...]] = {}


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """``(X, True)`` from ``X | None``; ``(hint, False)`` otherwise."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1:
            return options[0], True
    return hint, False


def _kind_of(base: Any) -> str:
    if base is _dt.date:
        return "date"
    if isinstance(base, type) and issubclass(base, Enum):
        return "enum"
    if isinstance(base, type) and attr.has(base):
        return "value"
    for simple in (bool, int, float, str):
        if base is simple:
            return str(simple.__name__)
    return "other"


def resolved(cls: type) -> dict[str, Any]:
    """The resolved annotation of each field of an attrs class (string annotations too)."""
    fields = attr.fields(cls)
    if any(isinstance(field.type, str) for field in fields):
        attr.resolve_types(cls)  # ``field.type`` real types too, for attrs and cattrs
    return {field.name: field.type for field in fields}


def shapes(cls: type) -> tuple[Shape, ...]:
    """The shape of each field the data of ``cls`` may hold (not the link to a dataset)."""
    found = _SHAPES.get(cls)
    if found is not None:
        return found
    hints = resolved(cls)
    made = []
    for field in attr.fields(cls):
        if not field.init or field.alias == "_dataset":
            continue
        hint = hints[field.name]
        inner, optional = _unwrap(hint)
        many = typing.get_origin(inner) is tuple
        base = typing.get_args(inner)[0] if many else inner
        kind = _kind_of(base)
        made.append(
            Shape(
                name=field.name,
                hint=hint,
                base=base,
                kind=kind,
                optional=optional,
                many=many,
                required=field.default is attr.NOTHING,
                vocabulary=tuple(m.value for m in base) if kind == "enum" else None,
                ref=field.metadata.get("ref"),
                limits=dict(field.metadata.get("limits", {})),
                not_before=tuple(field.metadata.get("not_before", ())),
            )
        )
    found = _SHAPES[cls] = tuple(made)
    return found


def shape(cls: type, name: str) -> Shape:
    """The shape of one field of ``cls``.

    Raises:
        KeyError: if ``cls`` has no such field.
    """
    for one in shapes(cls):
        if one.name == name:
            return one
    raise KeyError(name)


def file_fields(cls: type) -> tuple[str, ...]:
    """Names of the fields a record's data may hold.

    >>> from caspian.model import Coordinates
    >>> file_fields(Coordinates)
    ('longitude', 'latitude')
    """
    return tuple(s.name for s in shapes(cls))
