"""The base of the closed vocabularies: string enums whose values are the strings in the files.

Each vocabulary is defined beside the kind that uses it (``MeetingKind`` with the meetings).

>>> from caspian import MeetingKind
>>> [str(kind) for kind in MeetingKind][:2]
['summit', 'ministerial']
"""

from enum import Enum

__all__: list[str] = []


class _Vocabulary(str, Enum):
    """A closed vocabulary whose values are lowercase strings."""

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"
