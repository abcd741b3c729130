"""The exceptions that :mod:`caspian` raises.

Every exception derives from :class:`CaspianError`, so ``except caspian.CaspianError`` catches all
of them. Each also derives from the built-in exception that fits it (:class:`LookupError`,
:class:`ValueError`, :class:`TypeError` or :class:`ImportError`), so code that already catches
those keeps working. Every error keeps its constructor arguments in ``args``, so it pickles and
crosses process boundaries (``multiprocessing``, ``concurrent.futures``) intact.

>>> import caspian
>>> try:
...     caspian.state("Atlantis")
... except caspian.NotFoundError as error:
...     print(error.kind, error.key)
state Atlantis
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "AmbiguousKeyError",
    "ArgumentTypeError",
    "CaspianError",
    "DataError",
    "ExportError",
    "InvalidQueryError",
    "MissingDependencyError",
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
        suggestions: The ids of up to three close matches, best first.
        hint: Where to look instead, when the key names a record of another kind.

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
        hint: str | None = None,
    ) -> None:
        pairs = tuple((ident, label) for ident, label in suggestions)
        super().__init__(key, kind, pairs, hint)
        self.key = key
        self.kind = kind
        self.suggestions: tuple[str, ...] = tuple(ident for ident, _ in pairs)
        self.hint = hint

    def __str__(self) -> str:
        message = f"no {self.kind} matches {_shown(self.key)}"
        if self.hint:
            return f"{message}; {self.hint}"
        pairs: tuple[tuple[str, str], ...] = self.args[2]
        if pairs:
            hints = ", ".join(f"{ident!r} ({printable(label)})" for ident, label in pairs)
            message += f"; did you mean {hints}?"
        return message


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
        super().__init__(key, kind, tuple(candidates))
        self.key = key
        self.kind = kind
        self.candidates: tuple[str, ...] = tuple(candidates)

    def __str__(self) -> str:
        names = ", ".join(repr(c) for c in self.candidates[:_SHOWN])
        if len(self.candidates) > _SHOWN:
            # Words such as "Caspian" fit dozens: the message stays one readable line.
            more = len(self.candidates) - _SHOWN
            return (
                f"{_shown(self.key)} names {len(self.candidates)} {self.kind} records: {names} "
                f"and {more} more; caspian.search() lists them all"
            )
        return f"{_shown(self.key)} names more than one {self.kind}: {names}; use one of these ids"


#: How many candidates an AmbiguousKeyError's message names.
_SHOWN = 8


class InvalidQueryError(CaspianError, ValueError):
    """A query argument has the right type but an impossible value.

    Raised for an empty date range (``after`` not before ``before``), for a value outside a
    closed vocabulary (an unknown ``kind`` or ``status``), and for a conversion that does not
    apply to the record (an oil estimate in cubic metres).

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
    ...     caspian.summits(after=2007.5)
    ... except caspian.ArgumentTypeError as error:
    ...     print(error)
    after must be a year (int), a datetime.date or such text ('2007', '2007-10-16'), not float:
    2007.5
    """


class MissingDependencyError(CaspianError, ImportError):
    """An optional dependency is needed for this call; the message names the extra to install.

    >>> issubclass(MissingDependencyError, ImportError)
    True
    """


class ExportError(CaspianError, OSError):
    """An export could not write its files, and left the folder as it was: a file it would
    write is a symbolic link, or would replace a file that is not part of a previous caspian
    export (without ``overwrite=True``), or the disk refused (read-only, full).

    >>> issubclass(ExportError, OSError)
    True
    """


class Problem(tuple[str, str, str, str]):
    """One problem found in data: where it is and what is wrong.

    A named tuple of four strings, ``(file, record, path, message)``: it unpacks, compares,
    hashes and pickles as a tuple, and its fields are also attributes. (Written out rather
    than made by :class:`typing.NamedTuple`, which compiles its methods on every import.)

    Attributes:
        file: The data file (``"summits.json"``), or ``""`` for a record given in memory.
        record: The record's id, or ``"[index]"`` when the id is unknown.
        path: The field path inside the record (``"start"``, ``"city.coordinates"``), or ``""``.
        message: What is wrong.

    >>> problem = Problem("summits.json", "caspian-summit-2002", "start", "expected a date")
    >>> print(problem)
    summits.json: caspian-summit-2002: start: expected a date
    >>> problem
    Problem(file='summits.json', record='caspian-summit-2002', path='start', \
message='expected a date')
    >>> problem.path, problem._replace(path="end")[2], problem._asdict()["file"]
    ('start', 'end', 'summits.json')
    """

    __slots__ = ()

    #: The names of the four fields, in order (as :func:`collections.namedtuple` has them).
    _fields = ("file", "record", "path", "message")
    __match_args__ = ("file", "record", "path", "message")

    def __new__(cls, file: str, record: str, path: str, message: str) -> Problem:
        return tuple.__new__(cls, (file, record, path, message))

    @property
    def file(self) -> str:
        """The data file (``"summits.json"``), or ``""`` for a record given in memory."""
        return self[0]

    @property
    def record(self) -> str:
        """The record's id, or ``"[index]"`` when the id is unknown."""
        return self[1]

    @property
    def path(self) -> str:
        """The field path inside the record (``"start"``, ``"city.coordinates"``), or ``""``."""
        return self[2]

    @property
    def message(self) -> str:
        """What is wrong."""
        return self[3]

    @classmethod
    def _make(cls, iterable: Iterable[str]) -> Problem:
        """A problem from an iterable of its four fields."""
        return cls(*iterable)

    def _replace(self, **changes: str) -> Problem:
        """A copy with the given fields replaced."""
        values = dict(zip(self._fields, self, strict=True))
        for name in changes:
            if name not in values:
                raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        values.update(changes)
        return Problem(**values)

    def _asdict(self) -> dict[str, str]:
        """The fields by name."""
        return dict(zip(self._fields, self, strict=True))

    def __getnewargs__(self) -> tuple[str, str, str, str]:
        return (self[0], self[1], self[2], self[3])

    def __repr__(self) -> str:
        return "Problem(file={!r}, record={!r}, path={!r}, message={!r})".format(*self)

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.record, self.path) if p]
        return printable(": ".join(str(p) for p in [*parts, self.message]))


class DataError(CaspianError, ValueError):
    """Data is invalid: malformed JSON, wrong structure, or broken integrity rules.

    Every problem found is listed, not only the first, and nothing half-loaded is returned.

    Attributes:
        problems: Every :class:`Problem` found.

    >>> error = DataError([Problem("states.json", "iran", "iso_alpha2", "expected a string")])
    >>> print(error)
    1 problem in the data:
      states.json: iran: iso_alpha2: expected a string
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        found = tuple(Problem(*p) for p in problems)
        super().__init__(found)
        self.problems: tuple[Problem, ...] = found

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        shown = [f"  {p}" for p in self.problems[:50]]
        if count > 50:
            shown.append(f"  ... and {count - 50} more")
        return "\n".join([head, *shown])


def printable(text: str) -> str:
    """``text`` with every character that would not print escaped as Python escapes it in a
    ``repr``: control and format characters (``\\n``, a right-to-left override), lone
    surrogates, unassigned code points. The result always encodes as UTF-8 and stays on one
    line, so messages can be printed and logged.

    >>> print(printable("caf\\u00e9 \\ud800 \\u202e x\\n"))
    café \\ud800 \\u202e x\\n
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _shown(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut to ``limit`` characters so that a message stays one short line.

    >>> _shown("x" * 100)[-4:], len(_shown("x" * 100))
    ("xx…'", 80)
    >>> _shown(10**5000)
    '<an integer of 16610 bits>'
    """
    if isinstance(value, int) and value.bit_length() > 200:
        return f"<an integer of {value.bit_length()} bits>"
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 2] + "…" + text[-1]
