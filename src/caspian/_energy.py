"""The energy records: pipelines and estimates of reserves.

>>> import caspian
>>> caspian.pipeline("BTC").commodity.value
'oil'
"""

from typing import TYPE_CHECKING, Any, ClassVar

import attr

from caspian._filters import record, value
from caspian._kind import (
    Kind,
    Problems,
    Record,
    Resolve,
    Value,
    _Vocabulary,
    bounded,
    dataset_field,
    ref,
    year_field,
)
from caspian._values import Alternative, Place, Source
from caspian.errors import InvalidQueryError

if TYPE_CHECKING:
    from caspian._states import State


__all__ = [
    "Capacity",
    "CapacityUnit",
    "Commodity",
    "Pipeline",
    "PipelineStatus",
    "ReserveCategory",
    "ReserveEstimate",
    "ReserveUnit",
]


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

    #: Built and carrying oil or gas.
    OPERATIONAL = "operational"
    #: Built, but carrying nothing (flows suspended or halted); ``status_since`` says since when.
    IDLE = "idle"
    #: Being built.
    UNDER_CONSTRUCTION = "under_construction"
    #: Proposed, not yet being built.
    PROPOSED = "proposed"
    #: Proposed or begun, with work halted.
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


@attr.frozen(kw_only=True, repr=False, eq=False)
class Capacity(Value):
    """A pipeline throughput with its unit.

    >>> str(Capacity(value=1.2, unit=CapacityUnit.MILLION_BARRELS_PER_DAY))
    '1.2 million_barrels_per_day'
    """

    #: The throughput, in ``unit``.
    value: float = bounded(exclusiveMinimum=0, maximum=1_000_000_000)
    #: Barrels per day, million barrels per day, billion cubic metres per year, or million
    #: tonnes per year.
    unit: CapacityUnit

    def __str__(self) -> str:
        return f"{self.value:g} {self.unit.value}"


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


def _pipeline_rules(pipeline: "Pipeline", resolve: Resolve) -> Problems:
    if not pipeline.route:
        yield "route", "must name at least one state"
    for end, place in (("origin", pipeline.origin), ("terminus", pipeline.terminus)):
        if place.state is not None and place.state not in pipeline.route:
            yield f"{end}.state", "is not on the route"
    if pipeline.part_of is not None:
        whole = resolve("Pipeline", pipeline.part_of)
        if pipeline.part_of == pipeline.id:
            yield "part_of", "names the pipeline itself"
        elif getattr(whole, "part_of", None) is not None:
            yield "part_of", f"{pipeline.part_of!r} is itself a section: name the whole line"


@attr.frozen(kw_only=True, repr=False, eq=False)
class Pipeline(Record):
    """An oil or gas pipeline that carries Caspian resources (or is planned to).

    >>> import caspian
    >>> btc = caspian.pipeline("BTC")
    >>> btc.name, btc.route
    ('Baku–Tbilisi–Ceyhan pipeline', ('azerbaijan', 'georgia', 'turkey'))
    """

    KIND: ClassVar[Kind] = Kind(
        file="pipelines.json",
        noun="pipeline",
        plural="pipelines",
        keys=("name", "aliases"),
        label="name",
        columns=("id", "name", "status", "commodity", "length_km", "capacity", "route"),
        rules=(_pipeline_rules,),
        cited=("length_km", "route"),
        optional_words=("pipeline", "pipeline system", "oil", "gas"),
        filters=(
            record(
                "through",
                "route",
                "Keep pipelines whose route passes through this state (a :class:`State` or any "
                "key for one).",
            ),
            value("commodity", meaning="Keep pipelines of this :class:`Commodity`."),
            value("status", meaning="Keep pipelines in this :class:`PipelineStatus`."),
        ),
    )

    #: The record's id: a stable lowercase slug, for example ``baku-tbilisi-ceyhan``.
    id: str
    #: The pipeline's name.
    name: str
    #: Other names and abbreviations it is looked up by (``BTC``, ``TAPI``).
    aliases: tuple[str, ...] = ()
    #: What it carries: oil or gas.
    commodity: Commodity
    #: The ids of the states along the route, in order, origin first.
    route: tuple[str, ...] = ref("State", attr.NOTHING)
    #: Where the line starts (a terminal or field), with coordinates where known.
    origin: Place
    #: Where the line ends, with coordinates where known.
    terminus: Place
    #: Places along the route between origin and terminus, in order.
    waypoints: tuple[Place, ...] = ()
    #: Length in kilometres.
    length_km: float | None = bounded(None, exclusiveMinimum=0, maximum=100_000)
    #: Design or current throughput, in the unit of its source.
    capacity: Capacity | None = None
    #: Operational, idle (built but carrying nothing), under construction, proposed or stalled.
    status: PipelineStatus
    #: The year the current status began, where it differs from ``operational_since`` (for
    #: ``idle``: the year flows stopped).
    status_since: int | None = year_field()
    #: The year it started operating.
    operational_since: int | None = year_field()
    #: The id of the whole line this pipeline is a section of, if any (so that sums over
    #: pipelines do not count a section twice).
    part_of: str | None = ref("Pipeline")
    #: The company or companies that operate it.
    operator: str | None = None
    #: A summary in our own words.
    summary: str = ""
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = dataset_field()

    def route_states(self) -> "tuple[State, ...]":
        """The states along the route, in order.

        >>> import caspian
        >>> [s.name for s in caspian.pipeline("south-caucasus").route_states()][:2]
        ['Azerbaijan', 'Georgia']
        """
        return tuple(self.dataset.state(s) for s in self.route)


# ---------------------------------------------------------------------------------------------


@attr.frozen(kw_only=True, repr=False, eq=False)
class ReserveEstimate(Record):
    """An estimate of the region's oil or gas, with explicit units, basis and year.

    >>> import caspian
    >>> gas = caspian.reserves(commodity="gas", category="proved_and_probable")[0]
    >>> gas.value, gas.unit.value, gas.year
    (292.0, 'trillion_cubic_feet', 2012)
    >>> round(gas.in_cubic_metres() / 1e12, 2)
    8.27
    """

    KIND: ClassVar[Kind] = Kind(
        file="reserves.json",
        noun="reserve estimate",
        plural="reserves",
        keys=(),
        label="estimator",
        columns=("id", "value", "unit", "year", "commodity", "category", "estimator"),
        cited=("value",),
        filters=(
            value("commodity", meaning="Keep estimates of this :class:`Commodity`."),
            value("category", meaning="Keep estimates of this :class:`ReserveCategory`."),
        ),
    )

    #: The record's id: a stable lowercase slug, for example
    #: ``caspian-gas-proved-probable-2012``.
    id: str
    #: What is estimated: oil or gas.
    commodity: Commodity
    #: The basis of the estimate: proved and probable reserves, or undiscovered technically
    #: recoverable resources.
    category: ReserveCategory
    #: The estimate, in ``unit``.
    value: float = bounded(minimum=0, maximum=1_000_000)
    #: Billion barrels (oil) or trillion cubic feet (gas), as the source gives it.
    unit: ReserveUnit
    #: The year the estimate refers to, where the source gives it.
    year: int | None = year_field()
    #: Who made the estimate (``U.S. Energy Information Administration``).
    estimator: str
    #: The area the estimate covers, as its source defines it.
    region: str
    #: The id of the state a national figure is for; ``None`` for a regional figure.
    state: str | None = ref("State")
    sources: tuple[Source, ...]
    notes: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    _dataset: Any = dataset_field()

    def in_cubic_metres(self) -> float:
        """A gas estimate converted to cubic metres (1 ft = 0.3048 m exactly).

        Raises:
            InvalidQueryError: for an oil estimate, which is counted in barrels (a
                :class:`ValueError`, as before 0.3).

        >>> import caspian
        >>> oil = caspian.reserves(commodity="oil")[0]
        >>> oil.in_cubic_metres()
        Traceback (most recent call last):
        ...
        caspian.errors.InvalidQueryError: caspian-oil-proved-probable-2012 is counted in ...
        """
        if self.unit is not ReserveUnit.TRILLION_CUBIC_FEET:
            raise InvalidQueryError(
                f"{self.id} is counted in {self.unit.value}, not in a volume of gas"
            )
        return self.value * 1e12 * 0.3048**3


#: Every record kind, in the order their files are loaded. Adding a kind adds it here.


#: The docs of the typed query and lookup of each kind here: ``caspian.<plural>()``,
#: ``caspian.<noun>()`` and the ``Dataset`` methods of the same names, which
#: ``python -m caspian._listing`` writes into ``__init__.py`` and ``dataset.py``. A line
#: ``Args:`` stands for the arguments, each with its filter's meaning.
DOCS = {
    "pipelines": """
    Pipelines, optionally those through a state, of a commodity, or in a status.

    Args:

    >>> import caspian
    >>> [p.id for p in caspian.pipelines(through="Türkiye")]
    ['baku-tbilisi-ceyhan', 'south-caucasus', 'tanap']
    """,
    "pipeline": """
    The pipeline with this id, name or alias (``"BTC"``, ``"SCP"``, ``"TAPI"``, ...).

    >>> import caspian
    >>> caspian.pipeline("SCP").name
    'South Caucasus Pipeline'
    """,
    "Dataset.pipelines": """
    Same as :func:`caspian.pipelines`, on this dataset.

    >>> import caspian
    >>> [p.id for p in caspian.Dataset.packaged().pipelines(status="proposed")]
    ['trans-caspian']
    """,
    "Dataset.pipeline": """
    Same as :func:`caspian.pipeline`, on this dataset.

    >>> import caspian
    >>> caspian.Dataset.packaged().pipeline("TAPI").commodity.value
    'gas'
    """,
    "reserves": """
    Estimates of the region's oil and gas, with units, basis, year and source.

    Args:

    >>> import caspian
    >>> oil = caspian.reserves(commodity="oil", category="proved_and_probable")[0]
    >>> oil.value, oil.unit.value, oil.estimator
    (48.0, 'billion_barrels', 'U.S. Energy Information Administration')
    """,
    "Dataset.reserves": """
    Same as :func:`caspian.reserves`, on this dataset.

    >>> import caspian
    >>> [r.id for r in caspian.Dataset.packaged().reserves(commodity="oil")][:2]
    ['caspian-oil-proved-probable-2012', 'caspian-oil-undiscovered-usgs']
    """,
}
