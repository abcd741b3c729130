"""The exceptions that :mod:`caspian` raises.

Every exception derives from :class:`CaspianError`, so ``except caspian.CaspianError`` catches all
of them. Each also derives from the built-in exception that fits it (:class:`LookupError`,
:class:`ValueError` or :class:`TypeError`), so code that already catches those keeps working.

>>> import caspian
>>> try:
...     caspian.state("Atlantis")
... except caspian.NotFoundError as error:
...     print(error.kind, error.key)
state Atlantis
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AmbiguousKeyError",
    "ArgumentTypeError",
    "CaspianError",
    "DataError",
    "InvalidQueryError",
    "NotFoundError",
    "Problem",
]


class CaspianError(Exception):
    """Base class of every error raised by :mod:`caspian`.

    >>> import caspian
    >>> issubclass(caspian.NotFoundError, caspian.CaspianError)
    True
    """


class NotFoundError(CaspianError, LookupError):
    """No record of the requested kind matches a key.

    Attributes:
        key: The key that was looked up, as given.
        kind: The kind of record looked for (``"state"``, ``"summit"``, ...).
        suggestions: Up to three close matches, best first.

    >>> import caspian
    >>> try:
    ...     caspian.state("Kazakhstn")
    ... except caspian.NotFoundError as error:
    ...     print(error)
    ...     print(error.suggestions)
    no state matches 'Kazakhstn'; did you mean 'kazakhstan' (Kazakhstan)?
    ('kazakhstan',)
    """

    def __init__(
        self,
        key: object,
        kind: str,
        suggestions: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.key = key
        self.kind = kind
        self.suggestions: tuple[str, ...] = tuple(ident for ident, _ in suggestions)
        message = f"no {kind} matches {key!r}"
        if suggestions:
            hints = ", ".join(f"{ident!r} ({label})" for ident, label in suggestions)
            message += f"; did you mean {hints}?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class AmbiguousKeyError(CaspianError, LookupError):
    """A key names more than one record; look it up by one of the listed ids instead.

    Attributes:
        key: The key that was looked up.
        kind: The kind of record looked for.
        candidates: The ids of every record the key names.

    >>> import caspian
    >>> error = caspian.AmbiguousKeyError("Persia", "state", ("qajar-persia", "pahlavi-iran"))
    >>> print(error)
    'Persia' names more than one state: 'qajar-persia', 'pahlavi-iran'; use one of these ids
    """

    def __init__(self, key: object, kind: str, candidates: Sequence[str]) -> None:
        self.key = key
        self.kind = kind
        self.candidates: tuple[str, ...] = tuple(candidates)
        names = ", ".join(repr(c) for c in self.candidates)
        super().__init__(f"{key!r} names more than one {kind}: {names}; use one of these ids")

    def __str__(self) -> str:
        return str(self.args[0])


class InvalidQueryError(CaspianError, ValueError):
    """A query argument has the right type but an impossible value.

    Raised for an empty date range (``after`` not before ``before``) and for a value outside a
    closed vocabulary (an unknown ``kind`` or ``status``).

    >>> import caspian
    >>> try:
    ...     caspian.summits(after=2018, before=2010)
    ... except caspian.InvalidQueryError as error:
    ...     print(error)
    empty range: no date is after 2018 and before 2010
    """


class ArgumentTypeError(CaspianError, TypeError):
    """A query argument has the wrong type.

    >>> import caspian
    >>> try:
    ...     caspian.summits(after="2007")
    ... except caspian.ArgumentTypeError as error:
    ...     print(error)
    after must be a year (int) or a datetime.date, not str: '2007'
    """


class Problem:
    """One problem found in data files: where it is and what is wrong.

    Attributes:
        file: The data file (``"summits.json"``).
        record: The record's id, or ``"[index]"`` when the id is unknown.
        path: The field path inside the record (``"start"``, ``"city.coordinates"``), or ``""``.
        message: What is wrong.

    >>> print(Problem("summits.json", "caspian-summit-2002", "start", "expected a date"))
    summits.json: caspian-summit-2002: start: expected a date
    """

    __slots__ = ("file", "message", "path", "record")

    def __init__(self, file: str, record: str, path: str, message: str) -> None:
        self.file = file
        self.record = record
        self.path = path
        self.message = message

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.record, self.path) if p]
        return ": ".join([*parts, self.message])

    def __repr__(self) -> str:
        return f"Problem({self.file!r}, {self.record!r}, {self.path!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.file, self.record, self.path, self.message) == (
            other.file,
            other.record,
            other.path,
            other.message,
        )

    def __hash__(self) -> int:
        return hash((self.file, self.record, self.path, self.message))


class DataError(CaspianError, ValueError):
    """Data files are invalid: malformed JSON, wrong structure, or broken integrity rules.

    Every problem found is listed, not only the first, and nothing half-loaded is returned.

    Attributes:
        problems: Every :class:`Problem` found.

    >>> error = DataError([Problem("states.json", "iran", "iso_alpha2", "expected a string")])
    >>> print(error)
    1 problem in the data:
      states.json: iran: iso_alpha2: expected a string
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        shown = [f"  {p}" for p in self.problems[:50]]
        if count > 50:
            shown.append(f"  ... and {count - 50} more")
        super().__init__("\n".join([head, *shown]))

    def __str__(self) -> str:
        return str(self.args[0])
