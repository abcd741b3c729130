"""Navigation that 0.2 spelled as a property (``agreement.articles``): a method since 0.3,
which the old spelling still reaches, with a :class:`DeprecationWarning` (only the treaty
kinds have such navigation, so only they import this).
"""

import typing
import warnings
from typing import Any

from caspian._values import Results, _results, _Sealed

__all__: list[str] = []


def _deprecated(name: str) -> Any:
    """A tuple operation of :class:`_Linked` that warns, then acts on the plain results."""

    def operation(self: Any, *args: Any) -> Any:
        warnings.warn(
            f"{self._spelling} is a method since caspian 0.3: call it ({self._spelling}()); "
            "reading it without the call is deprecated",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(self(), name)(*args)

    operation.__name__ = name
    return operation


class _Linked(Results):
    """Navigation that 0.2 spelled as a property: a method since 0.3, which the old
    spelling still reaches. Calling it gives the results; reading it as a tuple without
    the call (``for a in agreement.articles``) still works, with a DeprecationWarning.

    >>> import caspian, warnings
    >>> convention = caspian.agreement("legal-status-convention")
    >>> convention.articles()[0].title
    'Definitions'
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     old = convention.articles[0].title
    >>> old, caught[0].category.__name__
    ('Definitions', 'DeprecationWarning')
    """

    __slots__ = ()
    _spelling: typing.ClassVar[str] = ""

    @classmethod
    def spelled(cls, kind: type, spelling: str) -> "type[_Linked]":
        """The class for records of ``kind`` reached by ``spelling`` (made once)."""
        found = _LINKED.get((kind, spelling))
        if found is None:
            made = _Sealed(
                "Results", (cls, Results.of(kind)), {"__slots__": (), "_spelling": spelling}
            )
            found = _LINKED.setdefault((kind, spelling), typing.cast("type[_Linked]", made))
        return found

    def __call__(self) -> Results:
        return _results(self.kind, tuple(tuple.__iter__(self)))

    for _name in (
        "__iter__",
        "__len__",
        "__getitem__",
        "__contains__",
        "__eq__",
        "__ne__",
        "__lt__",
        "__le__",
        "__gt__",
        "__ge__",
        "__hash__",
        "__add__",
        "__mul__",
        "__rmul__",
        "__repr__",
        "index",
        "count",
        "_repr_html_",
    ):
        locals()[_name] = _deprecated(_name)
    del _name


_LINKED: dict[tuple[type, str], type[_Linked]] = {}
