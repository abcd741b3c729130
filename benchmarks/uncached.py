"""A query with arguments the dataset has not kept an answer for, against a comprehension.

Every call of ``caspian.summits(after=day)`` gets a day not asked before, so no kept answer
serves it: this is the cost of the argument handling and the filter on each new question. The
comprehension gets the same days. Blocks of 2,000 calls, ours and the comprehension
alternating; the best block of each is reported, with their ratio.

Run on demand::

    python benchmarks/uncached.py
"""

from __future__ import annotations

import datetime as dt
import platform
import time
from collections.abc import Callable

import caspian

BLOCKS, SIZE = 7, 2000


def per_call(run: Callable[[dt.date], object], days: list[dt.date]) -> float:
    start = time.perf_counter()
    for day in days:
        run(day)
    return (time.perf_counter() - start) / len(days)


def main() -> None:
    records = caspian.summits()
    days = [dt.date(1990, 1, 1) + dt.timedelta(n) for n in range(BLOCKS * SIZE)]

    def ours(day: dt.date) -> tuple[caspian.Summit, ...]:
        return caspian.summits(after=day)

    def comprehension(day: dt.date) -> list[caspian.Summit]:
        return [s for s in records if s.start is not None and s.start > day]

    # The same answers, so that the comparison is fair.
    for day in days[:: SIZE // 4]:
        if list(ours(day)) != comprehension(day):
            raise SystemExit(f"the query and the comprehension disagree after {day}")
    a, b = [], []
    for block in range(BLOCKS):
        chunk = days[block * SIZE : (block + 1) * SIZE]
        a.append(per_call(ours, chunk))
        b.append(per_call(comprehension, chunk))
    print(
        f"Python {platform.python_version()}: summits(after=<a day not asked before>) "
        f"{min(a) * 1e6:.2f} us, comprehension {min(b) * 1e6:.2f} us, "
        f"ratio {min(a) / min(b):.1f}x"
    )


if __name__ == "__main__":
    main()
