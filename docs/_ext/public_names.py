"""Present the public API as ``caspian.X``, wherever each name is defined.

``caspian`` loads its names lazily from ``caspian.model``, ``caspian.dataset``, ``caspian.errors``
and ``caspian.export``. The reference documents each one once, as ``caspian.X``; but type hints
and base classes name the defining module (``caspian.model.State``). This extension resolves
such references to the public entry, and shows the private vocabulary base class as what it is
(a ``str`` and an :class:`enum.Enum`). It also checks that every name in ``caspian.__all__``
has an entry in the reference.
"""

from __future__ import annotations

import pkgutil
from typing import Any, TypeVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

import caspian

logger = logging.getLogger(__name__)

#: Every module of the package (a name defined in one and exported by ``caspian`` is linked
#: to its documented ``caspian.X``).
MODULES = tuple(f"caspian.{module.name}." for module in pkgutil.iter_modules(caspian.__path__))


def public_target(target: str) -> str | None:
    """``caspian.X...`` for a name that the defining module has and ``caspian`` exports."""
    for prefix in MODULES:
        if target.startswith(prefix):
            rest = target.removeprefix(prefix)
            if rest.split(".", 1)[0] in caspian.__all__:
                return f"caspian.{rest}"
    return None


def _is_type_variable(target: str) -> bool:
    """Whether ``target`` names a :class:`typing.TypeVar` of one of caspian's modules."""
    import importlib

    module, _, name = target.rpartition(".")
    if not any(target.startswith(prefix) for prefix in MODULES):
        return False
    return isinstance(getattr(importlib.import_module(module), name, None), TypeVar)


def resolve(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Resolve ``caspian.model.State`` (and the like) to the documented ``caspian.State``."""
    if node.get("refdomain") != "py":
        return None
    if node.get("reftarget", "") in ("Value", "caspian._kind.Value", "caspian._record.Value"):
        # The private base of the value types (Source, Place ...): shown, not linked.
        return contnode
    if _is_type_variable(node.get("reftarget", "")):
        # A type parameter (``R`` in ``from_dict(data, record_type: type[R]) -> R``) is not
        # an object with documentation of its own: show its name without a link.
        return contnode
    target = public_target(node.get("reftarget", ""))
    if target is None:
        return None
    domain: Any = env.get_domain("py")
    return domain.resolve_xref(  # type: ignore[no-any-return]
        env, node.get("refdoc", env.docname), app.builder, node["reftype"], target, node, contnode
    )


def bases(app: Sphinx, name: str, obj: object, options: object, bases: list[type]) -> None:
    """Show the private ``_Vocabulary`` base of the closed vocabularies as ``str, Enum``, and
    leave out the private ``Value`` base of the value types."""
    from enum import Enum

    from caspian._kind import Value, _Vocabulary

    if _Vocabulary in bases:
        bases[bases.index(_Vocabulary) : bases.index(_Vocabulary) + 1] = [str, Enum]
    if Value in bases:
        bases.remove(Value)


def completeness(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn (an error with ``-W``) about every name in ``caspian.__all__`` left undocumented."""
    documented = set(env.get_domain("py").objects)  # type: ignore[attr-defined]
    for name in caspian.__all__:
        if f"caspian.{name}" not in documented:
            logger.warning(
                "caspian.%s is public (in caspian.__all__) but not in the API reference",
                name,
                type="caspian",
                subtype="api",
            )


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("missing-reference", resolve)
    app.connect("env-check-consistency", completeness)
    app.connect("autodoc-process-bases", bases)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
