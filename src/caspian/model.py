"""The registry of record kinds, and the model's public names.

Each kind is defined, with the values and vocabularies that only it uses, in a module of its
own family (``caspian._states``, ``caspian._meetings``, ``caspian._treaties``,
``caspian._energy``); the sources, places and coordinates that every kind uses are in
``caspian._values``. A family's module is imported the first time one of its names is used,
so the first answer of a query pays only for the kinds it needs. :data:`KINDS` imports them all.

Every record has an ``id`` (a stable lowercase slug), ``sources`` (at least one public page) and
``notes``. Fields that name other records hold their ids; the methods beside them return the
records themselves, from the dataset the record was loaded from. Each class carries the
description of its kind in ``KIND`` (file, noun, lookup keys, columns, order, rules), and the
meaning of each field in the ``#:`` comment above it.

>>> import caspian
>>> summit = caspian.summit("caspian-summit-2018")
>>> summit.city.name, summit.start.isoformat(), summit.ordinal
('Aktau', '2018-08-12', 5)
>>> [kind.__name__ for kind in KINDS][:3]
['State', 'Meeting', 'Summit']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# -- generated (python -m caspian._listing): model --
if TYPE_CHECKING:
    # The names of each module of the model, listed once in its __all__.
    from caspian._energy import *  # noqa: F403
    from caspian._kind import *  # noqa: F403
    from caspian._meetings import *  # noqa: F403
    from caspian._record import *  # noqa: F403
    from caspian._record import Record  # used below
    from caspian._states import *  # noqa: F403
    from caspian._treaties import *  # noqa: F403
    from caspian._values import *  # noqa: F403

    #: Every record kind, in the order their files are loaded.
    KINDS: tuple[type[Record], ...]

#: The names of each module of the model (its ``__all__``).
_NAMES: dict[str, tuple[str, ...]] = {
    "caspian._kind": ("Kind",),
    "caspian._record": ("Record",),
    "caspian._values": ("Alternative", "Coordinates", "Place", "Results", "Source", "SourceKind"),
    "caspian._states": ("CapitalName", "LocalName", "State"),
    "caspian._meetings": ("Attendee", "Meeting", "MeetingKind", "MeetingStatus", "Summit"),
    "caspian._treaties": (
        "Agreement",
        "AgreementKind",
        "AgreementStatus",
        "Article",
        "Ratification",
        "RatificationStatus",
        "Topic",
    ),
    "caspian._energy": (
        "Capacity",
        "CapacityUnit",
        "Commodity",
        "Pipeline",
        "PipelineStatus",
        "ReserveCategory",
        "ReserveEstimate",
        "ReserveUnit",
    ),
}
# -- end of generated (python -m caspian._listing): model --

#: Every record kind: the module that defines it, its class, and its names on the command line
#: (its ``KIND.noun`` and ``KIND.plural``, written here so that the command line knows its
#: commands without defining every kind; a test pins them), in the order their files are
#: loaded. Adding a kind adds it here.
_KINDS = (
    ("caspian._states", "State", "state", "states"),
    ("caspian._meetings", "Meeting", "meeting", "meetings"),
    ("caspian._meetings", "Summit", "summit", "summits"),
    ("caspian._treaties", "Agreement", "agreement", "agreements"),
    ("caspian._treaties", "Article", "article", "articles"),
    ("caspian._treaties", "Ratification", "ratification", "ratifications"),
    ("caspian._energy", "Pipeline", "pipeline", "pipelines"),
    ("caspian._energy", "ReserveEstimate", "reserve estimate", "reserves"),
)


def _kind(module: str, name: str, *names: str) -> type[Record]:
    """The class of one row of :data:`_KINDS` (its module imported, no other)."""
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


#: The module of each public name of the model.
_WHERE = {name: module for module, names in _NAMES.items() for name in names}

#: The modules of the model that define no kind. Each public name of the model is listed once,
#: in the ``__all__`` of the module that defines it (one of these, or a module of ``_KINDS``).
_SHARED = ("caspian._kind", "caspian._record", "caspian._values")

__all__ = sorted(["KINDS", *_WHERE])


def family(kind: type[Record]) -> list[type[Record]]:
    """The kind and the kinds that subclass it (a Summit is a Meeting), each once.

    A kind's subclasses are defined in its own module, so they exist once it does. (attrs
    replaces each slotted class by a new one: the first, left in ``__subclasses__()`` until it
    is collected, is not the one its module holds.)
    """
    import sys

    found = [kind]
    for sub in kind.__subclasses__():
        module = sys.modules.get(sub.__module__)
        if "KIND" in vars(sub) and getattr(module, sub.__name__, None) is sub:
            found.extend(k for k in family(sub) if k not in found)
    return found


def __getattr__(name: str) -> Any:
    if name == "KINDS":
        value: Any = tuple(_kind(*row) for row in _KINDS)
    elif name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
    else:
        raise AttributeError(f"module 'caspian.model' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, *(n for n in globals() if n.startswith("__"))})
