"""The round trip back: :func:`caspian.from_dict` validates a dict exactly as a record in a data
file is (its structure, then the integrity rules) and gives the record of that dataset."""

from __future__ import annotations

from typing import Any, TypeVar

from caspian._kind import Record, Value
from caspian._load import structure
from caspian._rules import check, check_value
from caspian.dataset import Dataset
from caspian.errors import ArgumentTypeError, DataError, Problem, _shown

__all__ = ["from_dict"]

R = TypeVar("R", bound="Record | Value")


def from_dict(data: dict[str, Any], record_type: type[R], *, dataset: Any = None) -> R:
    """Structure a dict made by :func:`to_dict` back into a record (the round trip).

    The dict is validated exactly as a record in a data file is: its structure, then the
    integrity rules, with references resolved against ``dataset`` (the packaged one by
    default). The record returned belongs to that dataset, so its navigation methods work.

    Raises:
        DataError: if the dict does not describe a valid record (every problem is listed).
        ArgumentTypeError: if ``data`` is not a dict or ``record_type`` not a record class.

    >>> import caspian
    >>> iran = caspian.state("IR")
    >>> caspian.from_dict(caspian.to_dict(iran), caspian.State) == iran
    True
    """
    if not (
        isinstance(record_type, type)
        and issubclass(record_type, (Record, Value))
        and "__attrs_attrs__" in vars(record_type)
    ):
        raise ArgumentTypeError(
            f"record_type must be a caspian record or value class, not {_shown(record_type)}"
        )
    if not isinstance(data, dict):
        raise ArgumentTypeError(f"data must be a dict, not {type(data).__name__}: {_shown(data)}")
    if dataset is None:
        dataset = Dataset.packaged()
    if not isinstance(dataset, Dataset):
        raise ArgumentTypeError(f"dataset must be a Dataset, not {_shown(dataset)}")
    problems: list[Problem] = []
    damaged: dict[int, set[str]] = {}
    built = structure([data], record_type, "", problems, None, damaged)
    if not built:
        raise DataError(problems)
    record = built[0]
    # Every problem at once: the rules run on what was built, even with structural problems.
    if isinstance(record, Record):
        problems += check(
            {type(record): [record]}, lambda _: "", known=dataset.records, damaged=damaged
        )
    elif not problems:
        problems = check_value(record, known=dataset.records)
    if problems:
        raise DataError(problems)
    if isinstance(record, Record):
        object.__setattr__(record, "_dataset", dataset)
    return record
