"""How to cite the data (:func:`caspian.cite`), with the library and data versions."""

from __future__ import annotations

from caspian._version import __data_version__, __version__
from caspian.errors import InvalidQueryError

__all__ = ["cite"]


def cite(style: str = "text") -> str:
    """How to cite the data, with the data version: ``"text"`` or ``"bibtex"``.

    >>> import caspian
    >>> print(caspian.cite())  # doctest: +ELLIPSIS
    The caspian developers (2026). caspian-diplomacy: ... data version 2026.12.1 ...
    """
    url = "https://github.com/caspian-diplomacy/caspian"
    if style == "text":
        return (
            "The caspian developers (2026). caspian-diplomacy: Caspian littoral-state diplomacy "
            f"data, data version {__data_version__} (library {__version__}). {url}. "
            "Data licensed CC BY-SA 4.0; derived in part from the Wikipedia article "
            "'Diplomacy of the Caspian littoral states'."
        )
    if style == "bibtex":
        return (
            "@misc{caspian_diplomacy,\n"
            "  author = {{The caspian developers}},\n"
            "  title = {caspian-diplomacy: Caspian littoral-state diplomacy data},\n"
            "  year = {2026},\n"
            f"  version = {{{__data_version__}}},\n"
            f"  howpublished = {{\\url{{{url}}}}},\n"
            "  note = {Data licensed CC BY-SA 4.0},\n"
            "}"
        )
    raise InvalidQueryError(f"style must be 'text' or 'bibtex', got {style!r}")
