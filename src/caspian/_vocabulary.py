"""The closed vocabularies of the data: enums whose values are the strings in the JSON files.

>>> from caspian import MeetingKind
>>> [str(kind) for kind in MeetingKind][:2]
['summit', 'ministerial']
"""

from enum import Enum

__all__ = [
    "AgreementKind",
    "AgreementStatus",
    "CapacityUnit",
    "Commodity",
    "MeetingKind",
    "MeetingStatus",
    "PipelineStatus",
    "RatificationStatus",
    "ReserveCategory",
    "ReserveUnit",
    "SourceKind",
    "Topic",
]


class _Vocabulary(str, Enum):
    """A closed vocabulary whose values are lowercase strings."""

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


class MeetingKind(_Vocabulary):
    """What kind of meeting a :class:`Meeting` is.

    >>> MeetingKind("summit") is MeetingKind.SUMMIT
    True
    """

    #: A Caspian Summit of the heads of state (always a :class:`Summit`).
    SUMMIT = "summit"
    #: A meeting of foreign ministers.
    MINISTERIAL = "ministerial"
    #: The negotiation at which a historic treaty was concluded.
    NEGOTIATION = "negotiation"
    #: A conference of the parties of a convention, or a signing conference.
    CONFERENCE = "conference"
    #: An economic forum of the littoral states.
    FORUM = "forum"


class MeetingStatus(_Vocabulary):
    """Whether a meeting has taken place.

    >>> str(MeetingStatus.PLANNED)
    'planned'
    """

    HELD = "held"
    PLANNED = "planned"


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


class Commodity(_Vocabulary):
    """What a pipeline carries, or what a reserve estimate counts.

    >>> [str(c) for c in Commodity]
    ['oil', 'gas']
    """

    OIL = "oil"
    GAS = "gas"


class PipelineStatus(_Vocabulary):
    """Where a pipeline stands.

    >>> PipelineStatus("under_construction")
    PipelineStatus.UNDER_CONSTRUCTION
    """

    OPERATIONAL = "operational"
    UNDER_CONSTRUCTION = "under_construction"
    PROPOSED = "proposed"
    STALLED = "stalled"


class CapacityUnit(_Vocabulary):
    """Units of pipeline throughput.

    >>> CapacityUnit.BCM_PER_YEAR.value
    'bcm_per_year'
    """

    BARRELS_PER_DAY = "barrels_per_day"
    MILLION_BARRELS_PER_DAY = "million_barrels_per_day"
    BCM_PER_YEAR = "bcm_per_year"
    MILLION_TONNES_PER_YEAR = "million_tonnes_per_year"


class ReserveCategory(_Vocabulary):
    """The basis of a reserve estimate.

    >>> ReserveCategory("proved_and_probable")
    ReserveCategory.PROVED_AND_PROBABLE
    """

    #: Proved and probable reserves (2P), as the EIA gives the Caspian region's.
    PROVED_AND_PROBABLE = "proved_and_probable"
    #: Proved reserves only, as national totals are usually given.
    PROVED = "proved"
    #: Resources not yet discovered that could be produced with today's technology (USGS).
    UNDISCOVERED_TECHNICALLY_RECOVERABLE = "undiscovered_technically_recoverable"


class ReserveUnit(_Vocabulary):
    """Units of reserve estimates.

    >>> ReserveUnit.TRILLION_CUBIC_FEET.value
    'trillion_cubic_feet'
    """

    BILLION_BARRELS = "billion_barrels"
    TRILLION_CUBIC_FEET = "trillion_cubic_feet"


class SourceKind(_Vocabulary):
    """How close a source stands to the facts it supports.

    >>> SourceKind("primary")
    SourceKind.PRIMARY
    """

    #: A treaty text, or a party's, secretariat's or legislature's official record.
    PRIMARY = "primary"
    #: A reputable news agency, an operator, an agency such as the EIA or USGS, scholarship.
    SECONDARY = "secondary"
    #: An encyclopedia.
    TERTIARY = "tertiary"
