"""Integrity rules, driven by the record kinds: shared rules read from the fields, kind rules
from each class's ``KIND.rules``.

Shared rules: ids are slugs and unique within their kind; every record has a source; source
URLs are http(s) with a host; references name existing records; numbers are finite and within
their field's limits; dates come in order; alternatives name real fields; text is valid
Unicode. They run on every user directory at load time, and on the packaged data in the tests.

>>> import caspian
>>> from caspian.model import KINDS
>>> data = caspian.Dataset.packaged()
>>> own = {kind: [r for r in data.records(kind) if type(r) is kind] for kind in KINDS}
>>> check(own, lambda record: "packaged")
[]
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import attr

from caspian import model
from caspian._keys import normalize
from caspian._kind import Record
from caspian._values import Alternative, Source, SourceKind
from caspian.errors import Problem, _shown, printable

__all__ = ["SLUG", "check", "check_value", "kind_named", "url_problem"]

SLUG = re.compile(r"[a-z0-9]+(?:--?[a-z0-9]+)*")


def kind_named(name: str) -> type[Record]:
    """The kind whose class is called ``name`` (``"State"``)."""
    for kind in model.KINDS:
        if kind.__name__ == name:
            return kind
    raise LookupError(name)  # pragma: no cover - a model error, caught by the tests


def check(
    records: Mapping[type[Record], Sequence[Record]],
    file_of: Callable[[Record], str],
    known: Callable[[type[Record]], Sequence[Record]] | None = None,
    unchecked: Callable[[str, str], bool] | None = None,
    damaged: Mapping[int, set[str]] | None = None,
) -> list[Problem]:
    """Every integrity problem in ``records`` (each kind's own records), in a stable order.

    ``records`` maps each kind to the records of exactly that kind (a Summit is listed under
    ``Summit`` only); references to a kind also find records of its subclasses, and with
    ``known`` (a dataset's ``records``), the records already there. A reference for which
    ``unchecked(kind name, id)`` is true (a record that could not be built) is not reported;
    ``damaged`` maps the ``id()`` of a record built without some of its fields to those
    fields, whose rules are skipped.
    """
    kinds = list(model.KINDS)
    ids: dict[type[Record], dict[str, Record]] = {kind: {} for kind in kinds}
    others: dict[type[Record], dict[str, Record]] = {}
    problems: list[Problem] = []
    folded: dict[type[Record], dict[str, str]] = {kind: {} for kind in kinds}
    for kind, own in records.items():
        family = [k for k in kinds if issubclass(kind, k)]
        problems.extend(_unique_values(kind, own, file_of))
        for record in own:
            if not isinstance(record.id, str) or not SLUG.fullmatch(record.id):
                problems.append(
                    Problem(
                        file_of(record),
                        _label(record),
                        "id",
                        "must be a lowercase slug like 'caspian-summit-2018'",
                    )
                )
                continue
            if any(record.id in ids[k] for k in family):
                problems.append(
                    Problem(file_of(record), _label(record), "id", "is used by another record")
                )
            else:
                key = normalize(record.id)
                twin = next((folded[k][key] for k in family if key in folded[k]), None)
                if twin is not None:
                    problems.append(
                        Problem(
                            file_of(record),
                            _label(record),
                            "id",
                            f"folds to the same key as {twin!r}, so lookups cannot tell them apart",
                        )
                    )
                for k in family:
                    folded[k].setdefault(key, record.id)
            for k in family:
                ids[k].setdefault(record.id, record)

    def resolve(name: str, ident: str) -> Any:
        kind = kind_named(name)
        found = ids[kind].get(ident)
        if found is None and known is not None:
            if kind not in others:
                others[kind] = {r.id: r for r in known(kind)}
            found = others[kind].get(ident)
        return found

    def exists(name: str, ident: str) -> Any:
        found = resolve(name, ident)
        if found is None and unchecked is not None and unchecked(name, ident):
            return ident
        return found

    for kind, own in records.items():
        for record in own:
            if not isinstance(record.id, str) or not SLUG.fullmatch(record.id):
                continue
            found = _shared(record, exists)
            for rule in kind.KIND.rules:
                found.extend(rule(record, resolve))
            if not found:
                continue
            label = _label(record)
            skipped = damaged.get(id(record), set()) if damaged else set()
            problems.extend(
                Problem(file_of(record), label, p, m if len(m) <= 300 else m[:299] + "…")
                for p, m in found
                if re.split(r"[.\[]", p, maxsplit=1)[0] not in skipped
            )
    return problems


def _unique_values(
    kind: type[Record], own: Sequence[Record], file_of: Callable[[Record], str]
) -> Iterator[Problem]:
    """A problem for each record that repeats another's value of a field marked ``unique``
    (the ordinal of a summit)."""
    for field in attr.fields(kind):
        if not field.metadata.get("unique"):
            continue
        seen: dict[Any, str] = {}
        for record in own:
            value = getattr(record, field.name)
            if value is None:
                continue
            try:
                first = seen.setdefault(value, str(record.id))
            except TypeError:  # pragma: no cover - unhashable: a broken record
                continue
            if first != record.id:
                yield Problem(
                    file_of(record),
                    _label(record),
                    field.name,
                    f"repeats the {field.name} of {first!r}: {_shown(value)}",
                )


def check_value(value: Any, known: Callable[[type[Record]], Sequence[Record]]) -> list[Problem]:
    """Every problem of one value (a :class:`Source`, a :class:`Place` ...) given on its own,
    with references resolved against ``known`` (a dataset's ``records``)."""
    ids: dict[str, set[str]] = {}

    def resolve(name: str, ident: str) -> Any:
        if name not in ids:
            ids[name] = {r.id for r in known(kind_named(name))}
        return ident if ident in ids[name] else None

    found: list[tuple[str, str]] = []
    _walk(value, "", resolve, found)
    return [Problem("", "", path, message) for path, message in found]


def _label(record: Record) -> str:
    """The record's id as a problem shows it: at most 80 characters, escaped."""
    ident = printable(str(record.id))
    return ident if len(ident) <= 80 else ident[:79] + "…"


def _shared(record: Record, resolve: Callable[[str, str], Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    sources = record.sources
    if not sources:
        found.append(("sources", "must list at least one source"))
    elif all(s.kind is SourceKind.TERTIARY for s in sources):
        found.append(("sources", "needs a primary or secondary source, not only an encyclopedia"))
    plan = _plan(type(record))
    names = plan.names
    for index, source in enumerate(sources):
        for name in source.supports:
            if name.split(".")[0] not in names:
                found.append((f"sources[{index}].supports", f"names no field: {name!r}"))
    for name in record.KIND.cited if sources else ():
        # ``sources_for(name)``, without checking the name again for every record
        if getattr(record, name) not in (None, (), "") and not any(
            name in s.supports for s in sources
        ):
            found.append(
                (name, "no source supports it: name it in the supports of the page that does")
            )
    for index, alternative in enumerate(getattr(record, "alternatives", ())):
        if isinstance(alternative, Alternative) and alternative.field not in names:
            found.append((f"alternatives[{index}].field", f"names no field: {alternative.field!r}"))
    _walk(record, "", resolve, found, plan)
    return found


@attr.frozen
class _Plan:
    """What the shared rules read from an attrs class, once per class (:func:`_plan`)."""

    #: The names of all its fields.
    names: frozenset[str]
    #: Whether it is a :class:`Source` (its address and title are checked).
    source: bool
    #: Whether it is an :class:`Alternative` (it needs a source).
    alternative: bool
    #: For each field but the link to a dataset: its name, whether it is plain (it names no
    #: kind, follows no other field and has no limits), the kind its ids name (or ``None``),
    #: the fields it must not come before, and its limits (or ``None``).
    fields: tuple[tuple[str, bool, str | None, tuple[str, ...], Mapping[str, float] | None], ...]


_PLANS: dict[type, _Plan | None] = {}


def _plan(cls: type) -> _Plan:
    """The :class:`_Plan` of an attrs class (made on first use, then cached)."""
    found = _PLANS.get(cls)
    if found is None:
        found = _PLANS[cls] = _Plan(
            names=frozenset(f.name for f in attr.fields(cls)),
            source=issubclass(cls, Source),
            alternative=issubclass(cls, Alternative),
            fields=tuple(
                (
                    f.name,
                    not ({"ref", "not_before", "limits"} & set(f.metadata)),
                    f.metadata.get("ref"),
                    tuple(f.metadata.get("not_before", ())),
                    f.metadata.get("limits"),
                )
                for f in attr.fields(cls)
                if f.alias != "_dataset"
            ),
        )
    return found


def _attrs_plan(cls: type) -> _Plan | None:
    """The :class:`_Plan` of ``cls`` if it is an attrs class, else ``None`` (cached)."""
    if cls in _PLANS:
        return _PLANS[cls]
    if attr.has(cls):
        return _plan(cls)
    _PLANS[cls] = None
    return None


def _walk(
    value: Any,
    path: str,
    resolve: Callable[[str, str], Any],
    found: list[tuple[str, str]],
    plan: _Plan | None = None,
) -> None:
    """The shared rules on every field of an attrs value, recursively: each problem, as
    ``(path, message)``, is appended to ``found``, in the order of the fields."""
    if plan is None:
        plan = _plan(type(value))
    if plan.source:
        _source(value, path, found)
    elif plan.alternative and not value.sources:
        found.append((f"{path}.sources", "must list at least one source"))
    for name, plain, ref, not_before, limits in plan.fields:
        item = getattr(value, name)
        if plain and (item is None or type(item) in _INERT):
            continue  # no reference, order or limits to check, and nothing inside
        if not plain:
            many = isinstance(item, tuple)
            if ref is not None:
                for index, ident in enumerate(item) if many else ((0, item),):
                    if isinstance(ident, str) and resolve(ref, ident) is None:
                        at = _at(path, name)
                        at = f"{at}[{index}]" if many else at
                        found.append((at, f"names no {ref.lower()}: {_shown(ident)}"))
            for first in not_before:
                low = getattr(value, first)
                if low is not None and item is not None and item < low:
                    found.append((_at(path, name), f"is before {first}"))
        if isinstance(item, str):
            if limits is None and not item.isascii():
                _text(item, _at(path, name), found)
            continue  # a text (or a vocabulary's value): nothing inside it to walk
        if isinstance(item, float) or limits is not None:
            _number(item, _at(path, name), limits or {}, found)
        if isinstance(item, tuple):
            for index, inner in enumerate(item):
                if isinstance(inner, str):
                    if not inner.isascii():
                        _text(inner, f"{_at(path, name)}[{index}]", found)
                else:
                    inner_plan = _attrs_plan(type(inner))
                    if inner_plan is not None:
                        _walk(inner, f"{_at(path, name)}[{index}]", resolve, found, inner_plan)
        elif item is not None and not isinstance(item, (int, float, _dt.date)):
            inner_plan = _attrs_plan(type(item))
            if inner_plan is not None:
                _walk(item, _at(path, name), resolve, found, inner_plan)


#: The types of values on which the shared rules check nothing (when their field names no
#: kind, follows no other field and has no limits).
_INERT = frozenset({int, bool, _dt.date})


def _at(path: str, name: str) -> str:
    """The path of the field ``name`` of the value at ``path``."""
    return f"{path}.{name}" if path else name


#: An http(s) address whose host is plain dotted labels, with no port or user, and no space
#: or backslash: what most sources hold, and valid (for :func:`url_problem`) if it prints.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#][^ \\]*)?", re.DOTALL)


def url_problem(url: object) -> str | None:
    """What is wrong with a source's address, or ``None``: it must be an http(s) URL with a
    host name, a port in range, no credentials, no spaces, control characters or backslashes.

    >>> url_problem("https://example.org/page") is None
    True
    >>> url_problem("https://[::1/")
    "is not a valid URL (Invalid IPv6 URL): 'https://[::1/'"
    >>> url_problem("https://user:secret@example.org/")
    "must not hold a user name or password: 'https://user:secret@example.org/'"
    """
    if isinstance(url, str) and _PLAIN_URL.fullmatch(url) and url.isprintable():
        return None  # what urlsplit finds for it: a host with a dot, no port, no user
    shown = _shown(url)
    if not isinstance(url, str):
        return f"is not an http(s) URL with a host: {shown}"
    # Every white space but " " is also unprintable: one test of the whole text for both.
    if "\\" in url or " " in url or not url.isprintable():
        return f"must not hold spaces, control characters or backslashes: {shown}"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as error:
        return f"is not a valid URL ({printable(str(error))}): {shown}"
    if parts.username is not None or parts.password is not None:
        return f"must not hold a user name or password: {shown}"
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host or "." not in host or host.endswith("."):
        return f"is not an http(s) URL with a host: {shown}"
    return None


def _source(source: Source, path: str, found: list[tuple[str, str]]) -> None:
    problem = url_problem(source.url)
    if problem is not None:
        found.append((f"{path}.url", problem))
    if isinstance(source.title, str) and not source.title.strip():
        found.append((f"{path}.title", "must not be empty"))


_LIMITS: dict[str, Callable[[float, float], bool]] = {
    "minimum": lambda v, limit: v >= limit,
    "maximum": lambda v, limit: v <= limit,
    "exclusiveMinimum": lambda v, limit: v > limit,
    "exclusiveMaximum": lambda v, limit: v < limit,
}
_WORDS = {
    "minimum": "at least",
    "maximum": "at most",
    "exclusiveMinimum": "above",
    "exclusiveMaximum": "below",
}


def _number(
    value: Any, where: str, limits: Mapping[str, float], found: list[tuple[str, str]]
) -> None:
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    if isinstance(value, float) and not math.isfinite(value):
        found.append((where, f"must be a finite number, not {value}"))
        return
    for name, limit in limits.items():
        if not _LIMITS[name](value, limit):
            found.append((where, f"must be {_WORDS[name]} {limit:g}"))


def _text(value: str, where: str, found: list[tuple[str, str]]) -> None:
    """A lone surrogate in a text (only a text that is not ASCII can hold one)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        found.append((where, "is not valid Unicode text (it holds a lone surrogate)"))
