"""The metaclass of records, values and :class:`~caspian.Kind`: ``help()`` shows each field's
meaning, and a class, once made, cannot be changed."""

from __future__ import annotations

import attr

__all__: list[str] = []


class _Documented(type):
    """The metaclass of records and values: ``help()`` shows each field's meaning.

    The meanings are read from the ``#:`` comments on first use, so defining the classes
    costs nothing extra.
    """

    @property
    def __doc__(cls) -> str | None:  # type: ignore[override]
        own: str | None = cls.__dict__.get("__doc__")
        if not (attr.has(cls) or cls.__dict__.get("__slots__")):  # fields: attrs's or Kind's
            return own
        from caspian._meanings import field_meanings  # read for help() only

        lines = [f"    {name}: {text}" for name, text in field_meanings(cls).items()]
        return f"{own or ''}\n\nFields:\n" + "\n".join(lines) if lines else own

    def __setattr__(cls, name: str, value: object) -> None:
        # Record and value classes are shared by every dataset: once attrs has made one, its
        # description (KIND), methods and fields cannot be replaced. (attrs itself sets only
        # dunder names while it builds the class.)
        if "__attrs_attrs__" in cls.__dict__ and not name.startswith("__"):
            raise AttributeError(f"the class {cls.__name__} is shared and immutable")
        super().__setattr__(name, value)

    def __delattr__(cls, name: str) -> None:
        if "__attrs_attrs__" in cls.__dict__ and not name.startswith("__"):
            raise AttributeError(f"the class {cls.__name__} is shared and immutable")
        super().__delattr__(name)
