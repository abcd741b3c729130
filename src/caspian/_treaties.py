"""The treaty records: agreements, their articles and their ratifications.

>>> import caspian
>>> caspian.agreement("tehran-convention").signed.year
2003
"""

import datetime as _dt
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attr

from caspian import _treaty_filters
from caspian._kind import (
    Kind,
    Problems,
    Record,
    Resolve,
    _Vocabulary,
    after,
    bounded,
    dataset_field,
    existed,
    ref,
)
from caspian._linked import _Linked
from caspian._values import Alternative, Place, Source

if TYPE_CHECKING:
    from caspian._meetings import Meeting
    from caspian._states import State

R = TypeVar("R", bound=Record)

__all__ = [
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Article",
    "Ratification",
    "RatificationStatus",
    "Topic",
]


class AgreementKind(_Vocabulary):
    """The form of a document.

    >>> AgreementKind("convention")
    AgreementKind.CONVENTION
    """

    TREATY = "treaty"
    CONVENTION = "convention"
    PROTOCOL = "protocol"
    AGREEMENT = "agreement"
    DECLARATION = "declaration"
    COMMUNIQUE = "communique"
    MEMORANDUM = "memorandum"


class AgreementStatus(_Vocabulary):
    """The legal status of a document, as far as the sources tell.

    >>> AgreementStatus.NOT_IN_FORCE.value
    'not_in_force'
    """

    IN_FORCE = "in_force"
    NOT_IN_FORCE = "not_in_force"
    TERMINATED = "terminated"
    #: Political documents (declarations, communiqués) that do not enter into force.
    NON_BINDING = "non_binding"
    UNKNOWN = "unknown"


class RatificationStatus(_Vocabulary):
    """Whether a state has ratified (or approved, or acceded to) an agreement.

    >>> RatificationStatus("pending")
    RatificationStatus.PENDING
    """

    RATIFIED = "ratified"
    PENDING = "pending"


class Topic(_Vocabulary):
    """Subjects of agreements and articles.

    >>> Topic("pipelines")
    Topic.PIPELINES
    """

    DEFINITIONS = "definitions"
    LEGAL_STATUS = "legal_status"
    SOVEREIGNTY = "sovereignty"
    BOUNDARIES = "boundaries"
    SEABED = "seabed"
    NAVIGATION = "navigation"
    FISHERIES = "fisheries"
    ENVIRONMENT = "environment"
    POLLUTION = "pollution"
    BIODIVERSITY = "biodiversity"
    SECURITY = "security"
    MILITARY = "military"
    RESOURCES = "resources"
    ENERGY = "energy"
    PIPELINES = "pipelines"
    TRADE = "trade"
    TRANSPORT = "transport"
    EMERGENCIES = "emergencies"
    HYDROMETEOROLOGY = "hydrometeorology"
    SCIENTIFIC_RESEARCH = "scientific_research"
    DISPUTE_SETTLEMENT = "dispute_settlement"
    FINAL_CLAUSES = "final_clauses"
    COOPERATION = "cooperation"


def _agreement_rules(agreement: "Agreement", resolve: Resolve) -> Problems:
    seen = {agreement.id}
    step = agreement.parent
    while step is not None:
        if step in seen:
            yield "parent", f"the chain of parents returns to {step!r}"
            break
        seen.add(step)
        parent = resolve("Agreement", step)
        step = parent.parent if parent is not None else None
    if agreement.in_force_date is not None and agreement.status not in (
        AgreementStatus.IN_FORCE,
        AgreementStatus.TERMINATED,
    ):
        yield "status", "has an entry-into-force date but is not in force or terminated"
    if agreement.signed is not None:
        yield from existed("parties", agreement.parties, agreement.signed.year, resolve)


@attr.frozen(kw_only=True, repr=False, eq=False)
class Agreement(Record):
    """A treaty, convention, protocol, agreement, declaration or communiqué.

    >>> import caspian
    >>> convention = caspian.agreement("Convention on the Legal Status of the Caspian Sea")
    >>> convention.signed.isoformat(), convention.status.value, convention.place.name
    ('2018-08-12', 'not_in_force', 'Aktau')
    """

    KIND: ClassVar[Kind] = Kind(
        file="agreements.json",
        noun="agreement",
        plural="agreements",
        keys=("title", "short_title", "aliases"),
        label="short_title",
        columns=("id", "short_title", "signed", "kind", "status", "in_force_date"),
        order=lambda a: (a.signed or _dt.date.max, a.id),
        rules=(_agreement_rules,),
        cited=("signed", "place", "parties"),
        filters=_treaty_filters.agreement_filters(),
    )

    #: The record's id: a stable lowercase slug, for example ``legal-status-convention``.
    id: str
    #: The full title in English.
    title: str
    #: A short title (``Caspian Convention``).
    short_title: str
    #: Other titles it is looked up by.
    aliases: tuple[str, ...] = ()
    #: The form of the document: treaty, convention, protocol, agreement, declaration,
    #: communiqué or memorandum.
    kind: AgreementKind
    #: The day of signing (Gregorian calendar); ``None`` when the day is not known.
    signed: _dt.date | None = None
    #: Where it was signed, with coordinates where known.
    place: Place | None = None
    #: The id of the meeting where it was signed or adopted, if any.
    meeting: str | None = ref("Meeting")
    #: The id of the instrument this one is a protocol to, if any.
    parent: str | None = ref("Agreement")
    #: The ids of the states that are parties.
    parties: tuple[str, ...] = ref("State", ())
    #: The legal status as far as the sources tell: in force, not (yet) in force, terminated,
    #: non-binding, or unknown.
    status: AgreementStatus = AgreementStatus.UNKNOWN
    #: The day of entry into force, where known.
    in_force_date: _dt.date | None = after("signed")
    #: The day it ceased to have effect, where known.
    ended: _dt.date | None = after("signed", "in_force_date")
    #: The id of the agreement that ended this one (superseded, annulled or replaced it),
    #: where there is one.
    ended_by: str | None = ref("Agreement")
    #: Where a date or the status stays unknown: what was searched for it, and where, so
    #: that the next reader need not search again.
    searched: str | None = None
    #: The number of articles of the full text, where known (``articles`` may hold fewer).
    article_count: int | None = bounded(None, minimum=1, maximum=10_000)
    #: Why the data holds fewer articles than the text has, as the end of a sentence
    #: beginning "These articles are not in the data because" (for example "their text
    #: could not be read in the sources").
    missing_articles_reason: str | None = None
    #: The subjects the document deals with.
    topics: tuple[Topic, ...] = ()
    #: A summary in our own words.
    summary: str = ""
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = dataset_field()

    @property
    def year(self) -> int | None:
        """The year of signing, or ``None``.

        >>> import caspian
        >>> caspian.agreement("tehran-convention").year
        2003
        """
        return self.signed.year if self.signed else None

    if TYPE_CHECKING:  # type checkers see the methods; 0.2's property spelling still runs

        def articles(self) -> "tuple[Article, ...]": ...
        def ratifications(self) -> "tuple[Ratification, ...]": ...

    else:

        @property
        def articles(self) -> Any:
            """The articles recorded in the data, by number (the text may have more).

            .. versionchanged:: 0.3
               A method, like all navigation: call it. Reading ``agreement.articles`` without
               the call, as 0.2's property, still works but warns (``DeprecationWarning``).

            >>> import caspian
            >>> [a.number for a in caspian.agreement("treaty-of-gulistan").articles()]
            [5]
            """
            found = self._named_by(Article, "agreement")
            return _Linked.spelled(Article, "Agreement.articles")(found)

        @property
        def ratifications(self) -> Any:
            """The ratifications recorded in the data, ratified ones first (by date), then
            pending.

            .. versionchanged:: 0.3
               A method, like all navigation: call it. Reading ``agreement.ratifications``
               without the call, as 0.2's property, still works but warns.

            >>> import caspian
            >>> convention = caspian.agreement("legal-status-convention")
            >>> [r.state for r in convention.ratifications()][-1]
            'iran'
            """
            found = self._named_by(Ratification, "agreement")
            return _Linked.spelled(Ratification, "Agreement.ratifications")(found)

    @property
    def missing_articles(self) -> tuple[int, ...]:
        """The numbers of the articles of the text (up to ``article_count``) that the data
        does not hold; ``missing_articles_reason`` says why.

        >>> import caspian
        >>> convention = caspian.agreement("legal-status-convention")
        >>> convention.missing_articles[:3], convention.missing_articles_reason
        ((4, 7, 9), 'their text could not be read in the sources')
        """
        if self.article_count is None:
            return ()
        have = {a.number for a in self.articles()}
        return tuple(n for n in range(1, self.article_count + 1) if n not in have)

    def __repr__(self) -> str:
        shown = super().__repr__()
        missing = self.missing_articles if self._dataset is not None else ()
        if not missing:
            return shown
        return f"{shown[:-1]}, missing_articles={_spans(missing)!r})"

    def article(self, number: int) -> "Article":
        """The article with this number.

        Raises:
            NotFoundError: if the data has no such article; for an article of the text that
                the data does not hold (see :attr:`missing_articles`), the message says so
                and why.
            ArgumentTypeError: if ``number`` is not an int (``"14"``, ``None``, ``True``).

        >>> import caspian
        >>> caspian.agreement("legal-status-convention").article(14).number
        14
        """
        from caspian.errors import ArgumentTypeError, NotFoundError, _shown

        if not isinstance(number, int) or isinstance(number, bool):
            raise ArgumentTypeError(
                f"number must be an article number (int), not {type(number).__name__}: "
                f"{_shown(number)}"
            )
        held_articles = self.articles()
        for art in held_articles:
            if art.number == number:
                return art

        if number in self.missing_articles:
            reason = self.missing_articles_reason or "no reason is recorded"
            held = self.article_count or 0
            hint = (
                f"article {number} is one of the {len(self.missing_articles)} articles missing "
                f"from the data: {reason} (the text has {held} articles; the data holds "
                f"{held - len(self.missing_articles)})"
            )
            raise NotFoundError(number, f"article of {self.id}", (), hint)
        have = [(str(a.number), a.title) for a in held_articles]
        close = [pair for pair in have if abs(int(pair[0]) - number) <= 1][:3]
        raise NotFoundError(number, f"article of {self.id}", close)

    def _named_by(self, kind: type[R], field: str) -> tuple[R, ...]:
        """The records of ``kind`` whose ``field`` names this agreement, in order (from the
        dataset's reverse index: as fast as the answer is short)."""
        return self.dataset._referring(kind, field, self, self.dataset.agreement)

    def party_states(self) -> "tuple[State, ...]":
        """The parties.

        >>> import caspian
        >>> [s.id for s in caspian.agreement("treaty-of-gulistan").party_states()]
        ['russian-empire', 'qajar-persia']
        """
        return tuple(self.dataset.state(p) for p in self.parties)

    def signing_meeting(self) -> "Meeting | None":
        """The meeting where it was signed or adopted, if recorded.

        >>> import caspian
        >>> caspian.agreement("security-agreement-2010").signing_meeting().city.name
        'Baku'
        """
        return self.dataset.meeting(self.meeting) if self.meeting else None

    def parent_agreement(self) -> "Agreement | None":
        """The instrument this one is a protocol to.

        >>> import caspian
        >>> caspian.agreement("aktau-protocol").parent_agreement().short_title
        'Tehran Convention'
        """
        return self.dataset.agreement(self.parent) if self.parent else None

    def protocols(self) -> "tuple[Agreement, ...]":
        """Instruments that name this one as their parent.

        >>> import caspian
        >>> len(caspian.agreement("tehran-convention").protocols())
        4
        """
        return tuple(self.dataset._referring(Agreement, "parent", self, lambda same: same))

    def in_force_on(self, on: int | _dt.date | str) -> bool | None:
        """Whether it was in force on a day: ``True``, ``False``, or ``None`` when the data
        cannot decide (never a guess).

        Args:
            on: A :class:`datetime.date`, an ISO string (``"2015-01-01"``), or a year, which
                means that year's last day.

        Raises:
            ArgumentTypeError: ``on`` is not a year, date or string.
            InvalidQueryError: ``on`` is a string but not an ISO date, or an impossible year.

        .. versionadded:: 0.3

        >>> import caspian
        >>> tehran = caspian.agreement("tehran-convention")
        >>> tehran.in_force_on("2006-08-11"), tehran.in_force_on("2006-08-12")
        (False, True)
        >>> caspian.agreement("legal-status-convention").in_force_on(2020)
        False
        """
        from caspian._dates import day, in_force_on

        return in_force_on(self, day("on", on, end_of_year=True), self.ratifications())

    def binds(self, state: "str | State", *, on: int | _dt.date | str) -> bool | None:
        """Whether it bound ``state`` on a day: in force then, and in effect for that state
        (its ratification, accession or approval had taken effect). ``None`` when the data
        cannot decide.

        A bilateral agreement in force binds both parties, and so does an agreement with no
        ratification records at all (old treaties). For others, it takes effect for a state
        on the day its ratification record gives, else on the entry into force when the state
        ratified on or before it; a later ratification with no such day stays undecided.

        Args:
            state: A :class:`State` or any key for one.
            on: A date, an ISO string, or a year (its last day).

        Raises:
            NotFoundError: ``state`` names no state.
            ArgumentTypeError: ``on`` is not a year, date or string.

        .. versionadded:: 0.3

        >>> import caspian
        >>> caspian.agreement("tehran-convention").binds("KZ", on="2006-08-12")
        True
        >>> caspian.agreement("legal-status-convention").binds("Iran", on=2025)
        False
        """
        from caspian._dates import binds, day

        when = day("on", on, end_of_year=True)
        state_id = self.dataset.state(state).id
        return binds(self, state_id, when, self.ratifications())

    def ratified_by(self) -> "tuple[State, ...]":
        """The states recorded as having ratified it.

        >>> import caspian
        >>> sorted(s.id for s in caspian.agreement("legal-status-convention").ratified_by())
        ['azerbaijan', 'kazakhstan', 'russia', 'turkmenistan']
        """
        return tuple(
            self.dataset.state(r.state)
            for r in self.ratifications()
            if r.status is RatificationStatus.RATIFIED
        )


# ---------------------------------------------------------------------------------------------


def _spans(numbers: tuple[int, ...]) -> str:
    """Numbers in order as short spans: ``(4, 7, 9, 10, 11)`` -> ``"4, 7, 9-11"``.

    >>> _spans((4, 7, 9, 10, 11, 13))
    '4, 7, 9-11, 13'
    """
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][-1] + 1:
            spans[-1].append(n)
        else:
            spans.append([n])
    return ", ".join(f"{s[0]}-{s[-1]}" if len(s) > 2 else ", ".join(map(str, s)) for s in spans)


def _article_rules(article: "Article", resolve: Resolve) -> Problems:
    parent = resolve("Agreement", article.agreement)
    count = parent.article_count if parent is not None else None
    if count is not None and article.number > count:
        yield "number", f"is above the agreement's article_count ({count})"
    if article.id != f"{article.agreement}-art-{article.number}":
        yield "id", f"must be '{article.agreement}-art-{article.number}'"


@attr.frozen(kw_only=True, repr=False, eq=False)
class Article(Record):
    """One article of an agreement, summarised in our own words.

    >>> import caspian
    >>> art = caspian.agreement("legal-status-convention").article(1)
    >>> art.title
    'Definitions'
    """

    KIND: ClassVar[Kind] = Kind(
        file="articles.json",
        noun="article",
        plural="articles",
        keys=(),
        label="title",
        columns=("id", "title", "agreement", "number"),
        order=lambda a: (a.agreement, a.number),
        rules=(_article_rules,),
        cited=("summary",),
        filters=_treaty_filters.article_filters(),
    )

    #: The record's id: the agreement's id and the number, as ``legal-status-convention-art-14``.
    id: str
    #: The id of the agreement the article belongs to.
    agreement: str = ref("Agreement", attr.NOTHING)
    #: The article's number in the agreement.
    number: int = bounded(minimum=1, maximum=10_000)
    #: The article's heading, or a short descriptive label where the text has none.
    title: str
    #: What the article says, in our own words (not a quotation).
    summary: str
    #: The subjects the article deals with.
    topics: tuple[Topic, ...] = ()
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = dataset_field()

    def parent_agreement(self) -> "Agreement":
        """The agreement the article belongs to.

        >>> import caspian
        >>> caspian.articles("treaty-of-turkmenchay")[0].parent_agreement().short_title
        'Treaty of Turkmenchay'
        """
        return self.dataset.agreement(self.agreement)


# ---------------------------------------------------------------------------------------------


def _ratification_rules(ratification: "Ratification", resolve: Resolve) -> Problems:
    treaty = resolve("Agreement", ratification.agreement)
    if treaty is not None:
        if ratification.state not in treaty.parties:
            yield "state", f"is not a party to {treaty.id}"
        if treaty.signed and ratification.date and ratification.date < treaty.signed:
            yield "date", "is before the agreement was signed"
    if ratification.id != f"{ratification.agreement}--{ratification.state}":
        yield "id", f"must be '{ratification.agreement}--{ratification.state}'"
    if ratification.status is RatificationStatus.PENDING and ratification.date is not None:
        yield "date", "a pending ratification has no date"


def _ratification_order(r: "Ratification") -> tuple[bool, _dt.date, str, str]:
    """Ratified first, by date (undated last), then pending; then by agreement and state."""
    return (r.status is RatificationStatus.PENDING, r.date or _dt.date.max, r.agreement, r.state)


@attr.frozen(kw_only=True, repr=False, eq=False)
class Ratification(Record):
    """A state's ratification (or approval) of an agreement, or its absence so far.

    >>> import caspian
    >>> [r.state for r in caspian.ratifications("legal-status-convention", status="pending")]
    ['iran']
    """

    KIND: ClassVar[Kind] = Kind(
        file="ratifications.json",
        noun="ratification",
        plural="ratifications",
        keys=(),
        label="state",
        columns=("id", "status", "date", "agreement", "state", "instrument"),
        order=_ratification_order,
        rules=(_ratification_rules,),
        cited=("date",),
        filters=_treaty_filters.ratification_filters(),
    )

    #: The record's id: the agreement's id and the state's, as
    #: ``legal-status-convention--iran``.
    id: str
    #: The id of the agreement.
    agreement: str = ref("Agreement", attr.NOTHING)
    #: The id of the state.
    state: str = ref("State", attr.NOTHING)
    #: ``ratified`` (ratified, approved or acceded to) or ``pending`` (known not to have
    #: ratified yet).
    status: RatificationStatus
    #: The day this state signed, where it differs from the agreement's ``signed``.
    signed: _dt.date | None = None
    #: The day of the ratifying act; ``None`` when the day is not known.
    date: _dt.date | None = after("signed")
    #: The day the agreement took effect for this state, where a source gives it.
    in_force_date: _dt.date | None = after("date")
    #: The act that ratified it, as the state names it (a law, decree or vote).
    instrument: str | None = None
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = dataset_field()

    def parent_agreement(self) -> "Agreement":
        """The agreement ratified.

        >>> import caspian
        >>> caspian.ratifications(state="IR", status="pending")[0].parent_agreement().year
        2018
        """
        return self.dataset.agreement(self.agreement)

    def ratifying_state(self) -> "State":
        """The state that ratified (or has not yet).

        >>> import caspian
        >>> caspian.ratifications("legal-status-convention")[0].ratifying_state().name
        'Kazakhstan'
        """
        return self.dataset.state(self.state)


#: The docs of the typed query and lookup of each kind here (declared beside their filters).
DOCS = _treaty_filters.DOCS
