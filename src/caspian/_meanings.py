"""Field meanings: the ``#:`` comments above each field of a class, read with :mod:`ast`, for
``help()``, the data dictionary, the schemas and the data package.

>>> from caspian.model import State
>>> field_meanings(State)["littoral"]
'Whether the state lies on the Caspian shore.'
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator

import attr

__all__ = ["field_meanings", "plain"]


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
    if attr.has(cls):
        names = [f.name for f in attr.fields(cls) if f.init and f.alias != "_dataset"]
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


_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")


def plain(text: str) -> str:
    """Docstring text as plain words: no reST roles or literals; ``None`` is an empty cell.

    >>> plain("A Caspian Summit (a :class:`~caspian.Summit`), numbered by its ``ordinal``.")
    'A Caspian Summit (a Summit), numbered by its ordinal.'
    >>> plain("The id of the host; ``None`` where there was none.")
    'The id of the host; empty where there was none.'
    """
    text = _ROLE.sub(lambda m: m.group(1).rsplit(".", 1)[-1], text)
    text = re.sub(r"`+None`+", "empty", text)
    return " ".join(text.replace("`", "").split())
