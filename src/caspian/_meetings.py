"""The meeting records: every diplomatic meeting, and the Caspian Summits among them.

>>> import caspian
>>> caspian.summit("Aktau, 2018").ordinal
5
"""

from typing import TYPE_CHECKING, Any, ClassVar

import attr

from caspian._coerce import datetime as _dt
from caspian._filters import Filter, dates, record, value
from caspian._kind import (
    Kind,
    Problems,
    Record,
    Resolve,
    Value,
    _Vocabulary,
    after,
    bounded,
    dataset_field,
    existed,
    ref,
)
from caspian._values import Alternative, Place, Source

if TYPE_CHECKING:
    from caspian._states import State
    from caspian._treaties import Agreement


__all__ = ["Attendee", "Meeting", "MeetingKind", "MeetingStatus", "Summit"]


class MeetingKind(_Vocabulary):
    """What kind of meeting a :class:`Meeting` is.

    >>> MeetingKind("summit") is MeetingKind.SUMMIT
    True
    """

    #: A Caspian Summit of the heads of state (always a :class:`Summit`).
    SUMMIT = "summit"
    #: A meeting of foreign ministers, or of other members of the governments (deputy prime
    #: ministers, ministers) for all five states.
    MINISTERIAL = "ministerial"
    #: The negotiation at which a historic treaty was concluded.
    NEGOTIATION = "negotiation"
    #: A conference of the parties of a convention, or a signing conference.
    CONFERENCE = "conference"
    #: An economic forum of the littoral states.
    FORUM = "forum"
    #: A meeting of the governors or heads of the littoral provinces and regions of the states.
    REGIONAL = "regional"


class MeetingStatus(_Vocabulary):
    """Whether a meeting has taken place.

    >>> str(MeetingStatus.PLANNED)
    'planned'
    """

    HELD = "held"
    PLANNED = "planned"


def _meeting_filters(*, kinds: bool) -> tuple[Filter, ...]:
    """The filters of the meetings' query (and, without ``kind``, of the summits')."""
    after, before, year = dates(
        "start",
        "end",
        after="Keep {plural} that started after this year (after its end) or date. Exclusive.",
        before="Keep {plural} that started before this year (before its start) or date. Exclusive.",
        year="Keep {plural} that started in this year"
        + (" (with ``after`` and ``before``, the years they share)." if kinds else "."),
    )
    kind = value(
        "kind",
        meaning='``"summit"``, ``"ministerial"``, ``"conference"``, ``"forum"``, '
        '``"regional"`` or ``"negotiation"``, or a :class:`MeetingKind`.',
    )
    return (
        after,
        before,
        record(
            "host",
            "host",
            "Keep {plural} hosted by this state (a :class:`State` or any key for one).",
        ),
        *((kind,) if kinds else ()),
        record("participant", "participants", "Keep {plural} this state took part in."),
        value("status", meaning='``"held"`` or ``"planned"``.'),
        year,
    )


@attr.frozen(kw_only=True, repr=False, eq=False)
class Attendee(Value):
    """A person who attended a meeting for a state.

    >>> Attendee(name="Vladimir Putin", state="russia", office="President").office
    'President'
    """

    #: The person's name.
    name: str
    #: The id of the state the person represented.
    state: str = ref("State", attr.NOTHING)
    #: The person's office at the time (``President``).
    office: str | None = None


def _meeting_rules(meeting: "Meeting", resolve: Resolve) -> Problems:
    is_summit = isinstance(meeting, Summit)
    if is_summit and meeting.kind is not MeetingKind.SUMMIT:
        yield "kind", "a Summit's kind is 'summit'"
    if not is_summit and meeting.kind is MeetingKind.SUMMIT:
        yield "kind", "a summit of heads of state belongs in summits.json, with its ordinal"
    for index, person in enumerate(meeting.attendees):
        if person.state not in meeting.participants:
            yield f"attendees[{index}].state", "is not among the participants"
    if meeting.status is MeetingStatus.PLANNED and meeting.notes is None:
        yield "notes", "a planned meeting needs a note on what was announced"
    if meeting.when is not None:
        yield from existed("participants", meeting.participants, meeting.when.year, resolve)


def _chronological(record: Any) -> tuple[_dt.date, str]:
    return (record.when or _dt.date.max, record.id)


@attr.frozen(kw_only=True, repr=False, eq=False)
class Meeting(Record):
    """A diplomatic meeting: a ministers' meeting, a conference, a forum, a negotiation, or a
    Caspian Summit (a :class:`Summit`, which is also a Meeting).

    >>> import caspian
    >>> meeting = caspian.meeting("Nur-Sultan, 2017")
    >>> meeting.kind.value, meeting.city.name, meeting.start.isoformat()
    ('ministerial', 'Moscow', '2017-12-04')
    """

    KIND: ClassVar[Kind] = Kind(
        file="meetings.json",
        noun="meeting",
        plural="meetings",
        keys=("name", "aliases"),
        label="name",
        columns=("id", "name", "start", "kind", "city", "host"),
        order=_chronological,
        rules=(_meeting_rules,),
        cited=("start", "city", "participants"),
        filters=_meeting_filters(kinds=True),
    )

    #: The record's id: a stable lowercase slug, for example ``fm-meeting-2017-moscow``.
    id: str
    #: The meeting's name (``Fifth Caspian Summit (Aktau)``).
    name: str
    #: Other names it is looked up by, such as the seed article's ``Tehran, 2007``.
    aliases: tuple[str, ...] = ()
    #: A summit of heads of state, a ministers' meeting, a conference, a forum or a negotiation.
    kind: MeetingKind
    #: Whether the meeting was held or is planned.
    status: MeetingStatus = MeetingStatus.HELD
    #: Where the meeting took place (or is to), with coordinates where known.
    city: Place
    #: The id of the host state; ``None`` where there was none.
    host: str | None = ref("State")
    #: The first day; ``None`` when the day is not known.
    start: _dt.date | None = None
    #: The last day; ``None`` when the day is not known.
    end: _dt.date | None = after("start")
    #: The ids of the states that took part.
    participants: tuple[str, ...] = ref("State", ())
    #: People named in the sources as attending, with state and office.
    attendees: tuple[Attendee, ...] = ()
    #: A summary in our own words.
    summary: str = ""
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = dataset_field()

    @property
    def when(self) -> _dt.date | None:
        """The first known date (the start, else the end, for talks known only by their close).

        >>> import caspian
        >>> caspian.meeting("turkmenchay-negotiations-1828").when.isoformat()
        '1828-02-22'
        """
        return self.start or self.end

    @property
    def year(self) -> int | None:
        """The year of :attr:`when`, or ``None`` for a meeting without a known date.

        >>> import caspian
        >>> caspian.summit("caspian-summit-2010").year
        2010
        """
        when = self.when
        return when.year if when else None

    def host_state(self) -> "State | None":
        """The host state.

        >>> import caspian
        >>> caspian.summit("caspian-summit-2014").host_state().name
        'Russia'
        """
        return self.dataset.state(self.host) if self.host else None

    def participant_states(self) -> "tuple[State, ...]":
        """The states that took part.

        >>> import caspian
        >>> len(caspian.summit("caspian-summit-2022").participant_states())
        5
        """
        return tuple(self.dataset.state(p) for p in self.participants)

    def signed_agreements(self) -> "tuple[Agreement, ...]":
        """The documents signed or adopted at the meeting, in order of signing.

        >>> import caspian
        >>> [a.id for a in caspian.summit("caspian-summit-2010").signed_agreements()]
        ['security-agreement-2010']
        """
        from caspian._treaties import Agreement

        return self.dataset._referring(Agreement, "meeting", self, self.dataset.meeting)


@attr.frozen(kw_only=True, repr=False, eq=False)
class Summit(Meeting):
    """A Caspian Summit: a meeting of the five heads of state, numbered by its ``ordinal``.

    >>> import caspian
    >>> first = caspian.summit("Ashgabat, 2002")
    >>> first.ordinal, first.start.isoformat(), first.end.isoformat()
    (1, '2002-04-23', '2002-04-24')
    >>> isinstance(first, caspian.Meeting)
    True
    """

    KIND: ClassVar[Kind] = Kind(
        file="summits.json",
        noun="summit",
        plural="summits",
        # A summit is found by its city too, where only one summit was held there.
        keys=("name", "aliases", "city.name"),
        label="name",
        columns=("id", "name", "start", "ordinal", "city", "host"),
        order=_chronological,
        rules=(_meeting_rules,),
        cited=("start", "city", "participants"),
        filters=_meeting_filters(kinds=False),
    )

    #: Always ``summit``.
    kind: MeetingKind = MeetingKind.SUMMIT
    #: 1 for the First Caspian Summit (Ashgabat, 2002) and so on.
    ordinal: int = bounded(minimum=1, maximum=1000, unique=True)


#: The docs of the typed query and lookup of each kind here: ``caspian.<plural>()``,
#: ``caspian.<noun>()`` and the ``Dataset`` methods of the same names, which
#: ``python -m caspian._listing`` writes into ``__init__.py`` and ``dataset.py``. A line
#: ``Args:`` stands for the arguments, each with its filter's meaning.
DOCS = {
    "meetings": """
    Diplomatic meetings of every kind, in chronological order (undated ones last).

    Summits of heads of state are meetings too; :func:`summits` gives only them.

    Args:

    A date filter leaves out meetings without a date.

    Raises:
        ArgumentTypeError: an argument of the wrong type (``after=2007.5``).
        InvalidQueryError: an empty range, or an unknown kind or status.
        NotFoundError: a state key that names no state.

    >>> import caspian
    >>> [m.id for m in caspian.meetings(after=2017, before=2019)]
    ['cop-extraordinary-2018-moscow', 'fm-meeting-2018-aktau', 'caspian-summit-2018']
    """,
    "meeting": """
    The meeting (of any kind, summits included) with this id, name or alias.

    Aliases include the seed article's wording, such as ``"Nur-Sultan, 2017"``.

    Raises:
        NotFoundError: no meeting matches; the error suggests close matches.

    >>> import caspian
    >>> caspian.meeting("Nur-Sultan, 2017").city.name
    'Moscow'
    """,
    "Dataset.meetings": """
    Same as :func:`caspian.meetings`, on this dataset.

    >>> import caspian
    >>> [m.id for m in caspian.Dataset.packaged().meetings(kind="ministerial", year=2023)]
    ['fm-meeting-2023-moscow']
    """,
    "Dataset.meeting": """
    Same as :func:`caspian.meeting`, on this dataset.

    >>> import caspian
    >>> caspian.Dataset.packaged().meeting("caspian-summit-2007").city.name
    'Tehran'
    """,
    "summits": """
    The Caspian Summits of heads of state, in chronological order (undated ones last).

    Other meetings (foreign ministers, conferences, forums) are in :func:`meetings`.

    Args:

    A date filter leaves out a summit without a date (the planned seventh has none).

    Raises:
        ArgumentTypeError: an argument of the wrong type (``after=2007.5``).
        InvalidQueryError: an empty range, or an unknown status.
        NotFoundError: a state key that names no state.

    >>> import caspian
    >>> [s.id for s in caspian.summits(after=2007)]
    ['caspian-summit-2010', 'caspian-summit-2014', 'caspian-summit-2018', 'caspian-summit-2022']
    >>> [s.name for s in caspian.summits(host="KZ")]
    ['Fifth Caspian Summit (Aktau)']
    """,
    "summit": """
    The Caspian Summit with this id, name or alias (case- and accent-insensitive).

    Aliases include the seed article's wording, such as ``"Tehran, 2007"``.

    Raises:
        NotFoundError: no summit matches; the error suggests close matches, or names the
            meeting the key leads to when it is not a summit.

    >>> import caspian
    >>> caspian.summit("Baku, 2010").start.isoformat()
    '2010-11-18'
    """,
    "Dataset.summits": """
    Same as :func:`caspian.summits`, on this dataset.

    >>> import caspian
    >>> [s.year for s in caspian.Dataset.packaged().summits(before=2008)]
    [2002, 2007]
    """,
    "Dataset.summit": """
    Same as :func:`caspian.summit`, on this dataset.

    >>> import caspian
    >>> caspian.Dataset.packaged().summit("caspian-summit-2007").ordinal
    2
    """,
}
