"""The filters of the treaty kinds' queries (see :mod:`caspian._filters`), beside the kinds.

The time filters (``in_force_on``, ``binding``) apply the rules of :mod:`caspian._dates` with the
ratifications of the dataset, gathered once per query.

>>> [f.name for f in agreement_filters()][:3]
['party', 'after', 'before']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from caspian._filters import Filter, dates, flag, record, text, value

if TYPE_CHECKING:
    from caspian._treaties import Agreement

__all__ = ["agreement_filters", "article_filters", "ratification_filters"]


def _ratified(data: Any, wanted: Any) -> tuple[Any, dict[str, dict[str, Any]], Any]:
    """An argument with the ratifications of the dataset by agreement and the rules of
    :mod:`caspian._dates`, once per query."""
    from caspian import _dates  # it reads the agreements' vocabularies: imported on first use

    return wanted, data._ratifications_by_agreement(), _dates


def _in_force_then(agreement: Agreement, checked: Any, given: Mapping[str, Any]) -> bool:
    when, ratified, rules = checked
    own = tuple(ratified.get(agreement.id, {}).values())
    return "binding" in given or rules.in_force_on(agreement, when, own) is True


def _binding(agreement: Agreement, checked: Any, given: Mapping[str, Any]) -> bool:
    state_id, ratified, rules = checked
    when = given["in_force_on"][0] if "in_force_on" in given else _dt.date.today()
    own = tuple(ratified.get(agreement.id, {}).values())
    return rules.binds(agreement, state_id, when, own) is True


def _in_force_matches(agreement: Agreement, wanted: bool, _: Mapping[str, Any]) -> bool:
    status = agreement.status.value
    return status != "unknown" and (status == "in_force") is wanted


def agreement_filters() -> tuple[Filter, ...]:
    """The filters of :func:`caspian.agreements`, in the order of its arguments."""
    after, before, year = dates(
        "signed",
        after="Keep documents signed after this year or date (exclusive).",
        before="Keep documents signed before this year or date (exclusive).",
        year="Keep documents signed in this year.",
    )
    return (
        record("party", "parties", "Keep documents this state is a party to."),
        after,
        before,
        value(
            "kind",
            meaning='``"treaty"``, ``"convention"``, ``"protocol"``, ``"agreement"``, '
            '``"declaration"``, ``"communique"`` or ``"memorandum"``.',
        ),
        value("topic", "topics", "Keep documents on this :class:`Topic`."),
        flag(
            "in_force",
            meaning="``True`` keeps those in force; ``False`` keeps those known not to be (not "
            "yet in force, terminated, or non-binding). Documents of unknown status match "
            "neither.",
            test=_in_force_matches,
        ),
        record(
            "meeting",
            "meeting",
            "Keep documents signed or adopted at this meeting (a summit or another).",
        ),
        value("status", meaning="An exact :class:`AgreementStatus`."),
        year,
        Filter(
            "in_force_on",
            "day",
            meaning="Keep documents known to be in force on this day (a date, an ISO string, "
            "or a year: its last day); see :meth:`Agreement.in_force_on`. Undecided ones are "
            "left out.",
            test=_in_force_then,
            prepare=_ratified,
        ),
        Filter(
            "binding",
            "record",
            meaning="Keep documents known to bind this state (on ``in_force_on``, else today); "
            "see :meth:`Agreement.binds`. Undecided ones are left out.",
            target="State",
            test=_binding,
            prepare=_ratified,
            fresh=True,  # without in_force_on, it asks about today
        ),
    )


def article_filters() -> tuple[Filter, ...]:
    """The filters of :func:`caspian.articles`, in the order of its arguments."""
    return (
        record("agreement", "agreement", "Keep the articles of this agreement.", positional=True),
        text(
            "text",
            "title",
            "summary",
            meaning="Keep articles whose title or summary contains this text (case- and "
            "accent-insensitive).",
        ),
        value("topic", "topics", "Keep articles on this :class:`Topic`."),
    )


def ratification_filters() -> tuple[Filter, ...]:
    """The filters of :func:`caspian.ratifications`, in the order of its arguments."""
    return (
        record(
            "agreement",
            "agreement",
            "Keep the ratifications of this agreement.",
            positional=True,
        ),
        record(
            "state",
            "state",
            "Keep the ratifications of this state (a :class:`State` or any key for one).",
        ),
        value("status", meaning="Keep the ratifications in this :class:`RatificationStatus`."),
    )
