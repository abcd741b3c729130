"""Benchmark: every record's navigation at 10x and 100x the packaged data (issues 18 and 21).

Run on demand (not part of the test suite)::

    python benchmarks/navigation.py              # navigation from the reverse indexes
    python benchmarks/navigation.py --scans      # also the 0.2 way (a scan per call), to compare
    python benchmarks/navigation.py --runs 5     # five measures: the spread of the ratios too
                                                 # (the table shows the median run)

The data are the packaged records copied 10 and 100 times with ids, names and references
renamed (``synthetic`` in ``benchmarks/run.py``), loaded with ``Dataset.from_directory``. One
pass calls every navigation method of every record once. The first pass on a fresh dataset
also builds the reverse indexes; later passes read them. Each is reported as the best of
``--repeat`` runs (first passes on fresh loads of the same files), with the ratio 100x / 10x:
navigation linear in data size gives about 10x (target: at most 12x).
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from run import synthetic

import caspian
from caspian.model import Agreement, Article, Meeting, Pipeline, Ratification, State


def copies(folder: Path, factor: int) -> Path:
    """The packaged data copied ``factor`` times (``synthetic``), with the summits numbered in
    order, since ordinals must be unique (a rule since 0.3)."""
    synthetic(folder, factor)
    summits = json.loads((folder / "summits.json").read_text(encoding="utf-8"))
    for number, summit in enumerate(summits, start=1):
        summit["ordinal"] = number
    (folder / "summits.json").write_text(json.dumps(summits), encoding="utf-8")
    return folder


def navigate(data: caspian.Dataset) -> int:
    """Call every navigation method of every record once; the number of records reached."""
    reached = 0
    for s in data.records(State):
        reached += len(s.meetings()) + len(s.summits()) + len(s.agreements())
        reached += len(s.ratifications()) + len(s.pipelines()) + len(s.predecessor_states())
        reached += s.successor_state() is not None
    for m in data.records(Meeting):
        reached += len(m.participant_states()) + len(m.signed_agreements())
        reached += m.host_state() is not None
    for a in data.records(Agreement):
        reached += len(a.articles()) + len(a.ratifications()) + len(a.protocols())
        reached += len(a.party_states()) + len(a.ratified_by()) + len(a.missing_articles)
        reached += (a.signing_meeting() is not None) + (a.parent_agreement() is not None)
    for r in data.records(Article):
        reached += r.parent_agreement() is not None
    for t in data.records(Ratification):
        reached += (t.parent_agreement() is not None) + (t.ratifying_state() is not None)
    for p in data.records(Pipeline):
        reached += len(p.route_states())
    return reached


def touch(data: caspian.Dataset) -> int:
    """The floor: put every record in a dict by its id, then read each once (find it there,
    count its sources). Any linear pass pays what this pays for larger data falling out of
    the CPU caches."""
    by_id = {r.id: r for kind in caspian.model.KINDS for r in data.records(kind)}
    reached = 0
    for kind in caspian.model.KINDS:
        for record in data.records(kind):
            reached += (by_id.get(record.id) is record) + len(record.sources)
    return reached


def scan(data: caspian.Dataset) -> int:
    """What the reverse-indexed methods of :func:`navigate` did in 0.2: a scan per call."""
    reached = 0
    for s in data.records(State):
        reached += len(data.meetings(participant=s)) + len(data.summits(participant=s))
        reached += len(data.agreements(party=s)) + len(data.ratifications(state=s))
        reached += len(data.pipelines(through=s))
        reached += len([x for x in data.records(State) if x.successor == s.id])
    for m in data.records(Meeting):
        reached += len(data.agreements(meeting=m))
    for a in data.records(Agreement):
        reached += len(data.articles(a)) + len(data.ratifications(a))
        reached += len([x for x in data.records(Agreement) if x.parent == a.id])
    return reached


def calls(work: Callable[[], Any]) -> int:
    """The Python function calls ``work`` makes (from cProfile): work counted without the
    noise of timing or of the CPU caches."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.runcall(work)
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def timed(work: Callable[[], Any]) -> float:
    """Seconds ``work`` takes with the cyclic garbage collector paused, as :mod:`timeit` times
    by default. The garbage that loading the data leaves behind (``from_directory`` makes
    millions of objects) triggers a full collection inside some passes and not others (270 ms
    in one first pass at 100x, none in the next two), which says nothing about navigation;
    navigation makes no cycles for the collector to find."""
    gc.disable()
    try:
        start = time.perf_counter()
        work()
        return time.perf_counter() - start
    finally:
        gc.enable()


def measure(folders: dict[int, Path], repeat: int, scans: bool) -> dict[str, dict[int, float]]:
    """The best first and later passes at each size, the sizes alternating in each round."""
    firsts: dict[int, list[float]] = {f: [] for f in folders}
    laters: dict[int, list[float]] = {f: [] for f in folders}
    floors: dict[int, list[float]] = {f: [] for f in folders}
    counts: dict[int, float] = {}
    datasets: dict[int, caspian.Dataset] = {}
    for _ in range(repeat):
        for factor, folder in folders.items():
            data = datasets[factor] = caspian.Dataset.from_directory(folder)
            for kind in caspian.model.KINDS:  # records and key indexes: not navigation
                data.records(kind)
            data.state(data.records(State)[0].id)
            data.meeting(data.records(Meeting)[0].id)
            data.agreement(data.records(Agreement)[0].id)
            firsts[factor].append(timed(partial(navigate, data)))
            laters[factor].extend(timed(partial(navigate, data)) for _ in range(3))
            floors[factor].extend(timed(partial(touch, data)) for _ in range(3))
            counts[factor] = sum(len(data.records(k)) for k in caspian.model.KINDS)
    fresh = {f: caspian.Dataset.from_directory(folder) for f, folder in folders.items()}
    work = {f: float(calls(partial(navigate, d))) for f, d in fresh.items()}
    rows = {
        "records": counts,
        "function calls, first pass": work,
        "first pass": {f: min(v) for f, v in firsts.items()},
        "later pass": {f: min(v) for f, v in laters.items()},
        "floor (read every record once)": {f: min(v) for f, v in floors.items()},
    }
    if scans:
        rows["0.2 scans"] = {f: timed(partial(scan, d)) for f, d in datasets.items()}
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="fresh loads per size (default 3)")
    parser.add_argument("--scans", action="store_true", help="also time 0.2's scans")
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="measure this many times and also report the spread of the time ratios",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = {f: copies(Path(tmp) / f"x{f}", f) for f in (10, 100)}
        runs = [measure(folders, args.repeat, args.scans) for _ in range(max(1, args.runs))]
    # With several runs, the table shows the run whose first-pass ratio is the median one.
    by_ratio = sorted(runs, key=lambda run: run["first pass"][100] / run["first pass"][10])
    rows = by_ratio[(len(by_ratio) - 1) // 2]
    print(f"caspian {caspian.__version__}, Python {platform.python_version()}", end=" ")
    print(f"({platform.python_implementation()}, {platform.machine()})")
    print("| every record's navigation | 10x | 100x | 100x / 10x | target |")
    print("|---|---|---|---|---|")
    notes = {
        "records": ("records", ""),
        "function calls, first pass": ("Python function calls, first pass", "≤ 12x"),
        "first pass": ("time, first pass (builds the reverse indexes)", "≤ 12x"),
        "later pass": ("time, later pass", "≤ 12x"),
        "floor (read every record once)": ("floor: read every record once (time)", "(floor)"),
        "0.2 scans": ("0.2's scans (time)", "(before)"),
    }
    for key, values in rows.items():
        label, target = notes[key]
        timing = "time" in label
        shown = [f"{v * 1000:.1f} ms" if timing else f"{v:.0f}" for v in (values[10], values[100])]
        ratio = values[100] / values[10]
        print(f"| {label} | {shown[0]} | {shown[1]} | {ratio:.1f}x | {target} |")
    if len(runs) > 1:
        for key in ("first pass", "later pass"):
            ratios = sorted(run[key][100] / run[key][10] for run in runs)
            print(
                f"{key}, 100x / 10x over {len(runs)} runs: min {ratios[0]:.1f}x, "
                f"median {statistics.median(ratios):.1f}x, max {ratios[-1]:.1f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
