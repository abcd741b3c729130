"""The base classes of records and values: equality and hashing shared by all of them, ``help()``
that shows each field's meaning, and what every record has (its dataset, its sources, its
``repr``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import attr

from caspian._kind import Kind, _Documented
from caspian.errors import ArgumentTypeError, CaspianError, _shown

if TYPE_CHECKING:
    from caspian._values import Alternative, Source
    from caspian.dataset import Dataset

__all__ = ["Record"]


_COMPARED: dict[type, tuple[str, ...]] = {}


def _compared(cls: type) -> tuple[str, ...]:
    """The fields that equality and hashing compare (all but the link to a dataset)."""
    found = _COMPARED.get(cls)
    if found is None:
        found = _COMPARED[cls] = tuple(f.name for f in attr.fields(cls) if f.eq)
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
        __attrs_attrs__: ClassVar[tuple[attr.Attribute[Any], ...]]

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
        names = {f.name for f in attr.fields(type(self))}
        if not isinstance(field, str) or field not in names:
            raise ArgumentTypeError(
                f"{_shown(field)} is not a field of {type(self).__name__}; the fields are: "
                + ", ".join(sorted(n for n in names if not n.startswith("_")))
            )
        return tuple(s for s in self.sources if field in s.supports)

    def __repr__(self) -> str:
        from caspian._cells import cell  # shown on use: the first answer shows nothing

        parts = []
        for name in self.KIND.columns[:3]:
            value = cell(self, name)
            parts.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def _repr_html_(self) -> str:
        from caspian._html import record_html

        return record_html(self)
