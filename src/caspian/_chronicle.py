"""The time queries on the packaged data: :func:`caspian.events` and :func:`caspian.panel`.

They are the methods of :class:`Dataset` (written in :mod:`caspian._timeline`) on
:meth:`Dataset.packaged`; the rows they return are defined in :mod:`caspian._time`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, overload

from caspian.dataset import Dataset

if TYPE_CHECKING:
    from caspian._args import YearOrDate
    from caspian._time import DyadYear, Event, EventKind, StateYear
    from caspian.model import State

__all__ = ["events", "panel"]


def events(
    *,
    after: YearOrDate | str | None = None,
    before: YearOrDate | str | None = None,
    state: str | State | None = None,
    kind: EventKind | str | None = None,
) -> tuple[Event, ...]:
    """The dated events the records imply, in order: meetings held, signings, ratifications,
    entries into force, ends, pipeline openings, states' starts and ends.

    Args:
        after: Keep events after this year (after its end), date or ISO date. Exclusive.
        before: Keep events before this year (before its start), date or ISO date. Exclusive.
        state: Keep events that involve this state.
        kind: An :class:`EventKind` (``"meeting"``, ``"signing"``, ``"ratification"`` ...).

    An event known only by its year is kept only when its whole year lies in the range.

    .. versionadded:: 0.3

    >>> import caspian
    >>> [(e.kind.value, e.record) for e in caspian.events(state="IR", after="2018-08-11")][:2]
    [('meeting', 'caspian-summit-2018'), ('signing', 'aktau-communique-2018')]
    """
    return Dataset.packaged().events(after=after, before=before, state=state, kind=kind)


@overload
def panel(
    unit: Literal["state-year"],
    *,
    start: int | None = None,
    end: int | None = None,
    states: Iterable[str | State] | str | State | None = None,
) -> tuple[StateYear, ...]: ...
@overload
def panel(
    unit: Literal["dyad-year"],
    *,
    start: int | None = None,
    end: int | None = None,
    states: Iterable[str | State] | str | State | None = None,
) -> tuple[DyadYear, ...]: ...
def panel(
    unit: Literal["state-year", "dyad-year"],
    *,
    start: int | None = None,
    end: int | None = None,
    states: Iterable[str | State] | str | State | None = None,
) -> tuple[StateYear, ...] | tuple[DyadYear, ...]:
    """A state-year or dyad-year panel, for joins with peace-science data by COW or
    Gleditsch–Ward code; every column is defined in the guide (``Time and panels``).

    Args:
        unit: ``"state-year"`` (a :class:`StateYear` row per state and year it existed) or
            ``"dyad-year"`` (a :class:`DyadYear` row per unordered pair and year).
        start: The first year (default: the year of the first event).
        end: The last year (default: this year).
        states: The states (keys or :class:`State` records); default: all of them.

    .. versionadded:: 0.3

    >>> import caspian
    >>> rows = caspian.panel("state-year", start=2017, end=2018, states="KZ")
    >>> [(r.year, r.summits_hosted) for r in rows]
    [(2017, 0), (2018, 1)]
    """
    return Dataset.packaged().panel(unit, start=start, end=end, states=states)
