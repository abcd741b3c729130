"""The targets of issue 21 (performance 0.3), each measured beside its baseline in one run.

Run with ``python benchmarks/run.py --issue21`` (add ``--instructions`` for cachegrind counts of
the cold commands, ``--cold`` for the cold commands alone, ``--record`` to append the table to
benchmarks/RESULTS.md). Cold commands are whole interpreters, interleaved (medians); warm
measures are medians of ``timeit`` repeats in this process, ours and the baseline alternating.
Every ratio is ours / baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import run

CLI = "from caspian.cli import main\nmain(['summits', '--after', '2007'])"

COLD = {
    "python": "pass",
    "attrs+cattrs": "import attrs, cattrs",
    "cli answer": CLI,
    "caspian answer": "import caspian; caspian.summits(after=2007)",
    "caspian state": "import caspian; caspian.state('IR')",
    "pycountry answer": "import pycountry; pycountry.countries.get(alpha_2='IR')",
}

# (measure, ours, baseline, target ratio)
COLD_RATIOS = [
    (
        "CLI `caspian summits --after 2007` vs `import attrs, cattrs`",
        "cli answer",
        "attrs+cattrs",
        1.00,
    ),
    (
        "first answer `summits(after=2007)` vs `import attrs, cattrs`",
        "caspian answer",
        "attrs+cattrs",
        0.90,
    ),
    ("first `state('IR')` vs pycountry's first `get`", "caspian state", "pycountry answer", 0.92),
]


def per_call(func: Callable[[], Any], repeat: int, budget: float = 0.2) -> float:
    """Median time per call of ``func``, with as many calls per repeat as fit ``budget`` s."""
    start = time.perf_counter()
    func()
    once = max(time.perf_counter() - start, 1e-7)
    number = max(1, int(budget / once))
    return statistics.median(timeit.repeat(func, number=number, repeat=repeat)) / number


def side_by_side(
    ours: Callable[[], Any], base: Callable[[], Any], repeat: int
) -> tuple[float, float]:
    """Median per-call times of ``ours`` and ``base``, measured alternately."""
    mine, theirs = [], []
    for _ in range(repeat):
        mine.append(per_call(ours, 1))
        theirs.append(per_call(base, 1))
    return statistics.median(mine), statistics.median(theirs)


def warm(repeat: int) -> list[str]:
    """Warm filtered queries vs comprehensions, lookups vs pycountry, tables vs pandas."""
    import pandas as pd
    import pycountry

    import caspian
    from caspian.model import KINDS

    data = caspian.Dataset.packaged()
    caspian.summits()
    pycountry.countries.get(alpha_2="IR")
    summits, agreements = data.summits(), data.agreements()
    cutoff = dt.date(2007, 12, 31)

    def summits_after() -> tuple[Any, ...]:
        return tuple(s for s in summits if s.start is not None and s.start > cutoff)

    def party_iran() -> tuple[Any, ...]:
        return tuple(a for a in agreements if "iran" in a.parties)

    assert summits_after() == caspian.summits(after=2007)
    assert party_iran() == caspian.agreements(party="IR")
    lines = []
    pairs = [
        (
            "warm `summits(after=2007)` vs a comprehension",
            lambda: caspian.summits(after=2007),
            summits_after,
            2.0,
        ),
        (
            "warm `agreements(party='IR')` vs a comprehension",
            lambda: caspian.agreements(party="IR"),
            party_iran,
            2.0,
        ),
        (
            "warm `state('IR')` vs pycountry's `get`",
            lambda: caspian.state("IR"),
            lambda: pycountry.countries.get(alpha_2="IR"),
            0.5,
        ),
    ]
    for label, ours, base, target in pairs:
        mine, theirs = side_by_side(ours, base, repeat)
        lines.append(run.row(label, mine * 1e6, theirs * 1e6, "µs", target))
    from importlib.resources import files

    for kind in KINDS:
        records = data.records(kind)
        raw = json.loads((files("caspian") / "data" / kind.KIND.file).read_text("utf-8"))
        mine, theirs = side_by_side(
            lambda r=records: caspian.to_dataframe(r), lambda d=raw: pd.DataFrame(d), repeat
        )
        label = (
            f"`to_dataframe` of {kind.KIND.plural} ({len(records)}) "
            "vs `pandas.DataFrame` of their dicts"
        )
        lines.append(run.row(label, mine * 1e3, theirs * 1e3, "ms", 3.0))
    return lines


def state_labels() -> list[str]:
    """The names and aliases of the packaged states, as written."""
    import caspian

    labels = []
    for state in caspian.Dataset.packaged().states():
        labels += [state.name, *state.aliases]
    return labels


def grown(repeat: int) -> list[str]:
    """User datasets at 10x and 100x: loading per record vs ``json.loads`` of the same files,
    and a failed lookup with suggestions vs difflib over the packaged states' labels."""
    import caspian

    labels = state_labels()
    miss = "Kazakhstn"

    def difflib_baseline() -> list[str]:
        return difflib.get_close_matches(miss, labels)

    def failed(data: caspian.Dataset) -> Callable[[], Any]:
        def call() -> Any:
            try:
                data.state(miss)
            except caspian.NotFoundError as error:
                return error.suggestions
            raise AssertionError("the key was found")

        return call

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 10, 100):
            folder = run.synthetic(Path(tmp) / f"x{factor}", factor)
            paths = sorted(folder.glob("*.json"))
            count = sum(len(json.loads(p.read_bytes())) for p in paths)
            loads, parses = [], []
            for _ in range(repeat if factor < 100 else max(2, repeat // 3)):
                start = time.perf_counter()
                data = caspian.Dataset.from_directory(folder)
                loads.append(time.perf_counter() - start)
                start = time.perf_counter()
                [json.loads(p.read_bytes()) for p in paths]
                parses.append(time.perf_counter() - start)
            if factor > 1:
                lines.append(
                    run.row(
                        f"`Dataset.from_directory` at {factor}x ({count} records), per record, "
                        "vs `json.loads` of the same files",
                        statistics.median(loads) / count * 1e6,
                        statistics.median(parses) / count * 1e6,
                        "µs",
                        8.0,
                    )
                )
            mine, theirs = side_by_side(failed(data), difflib_baseline, repeat)
            lines.append(
                run.row(
                    f"failed lookup `state({miss!r})` at {factor}x vs difflib over the "
                    f"packaged states' {len(labels)} names and aliases",
                    mine * 1e3,
                    theirs * 1e3,
                    "ms",
                    3.0 if factor == 100 else None,
                )
            )
    return lines


def navigation() -> list[str]:
    """The navigation benchmark (benchmarks/navigation.py), where it exists."""
    script = run.HERE / "navigation.py"
    if not script.exists():
        return ["(navigation: benchmarks/navigation.py not present)"]
    # Five runs: the table shows the median run (by its first-pass ratio) and the spread.
    command = [sys.executable, str(script), "--runs", "5"]
    proc = subprocess.run(command, capture_output=True, text=True)
    return [proc.stdout.rstrip() or proc.stderr.rstrip()]


def issue21(args: argparse.Namespace) -> int:
    import caspian

    lines = [
        f"### issue 21 targets, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
        "",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; caspian {caspian.__version__} "
        f"(data {caspian.__data_version__})",
        f"- versions: {run.versions()}",
        f"- cold runs per command: {args.rounds} (interleaved); warm repeats: {args.repeat}",
        "",
        "| measure | ours | baseline | ratio | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    results = run.cold(args.rounds, COLD)
    for label, ours, base, target in COLD_RATIOS:
        lines.append(run.row(label, results[ours][0] * 1e3, results[base][0] * 1e3, "ms", target))
    lines.append(
        run.row(
            "peak memory of the first answer vs pycountry's",
            results["caspian answer"][1] / 1024,
            results["pycountry answer"][1] / 1024,
            "MiB",
            0.90,
        )
    )
    if args.instructions:
        counts = {name: run.instructions(code) for name, code in COLD.items()}
        for label, ours, base, target in COLD_RATIOS:
            mine, theirs = counts[ours], counts[base]
            if mine and theirs:
                lines.append(
                    run.row(f"{label} (instructions)", mine / 1e6, theirs / 1e6, "M", target)
                )
        if counts["cli answer"] and counts["python"]:
            lines.append(
                run.row(
                    "CLI answer vs `python -c pass` (instructions)",
                    counts["cli answer"] / 1e6,
                    counts["python"] / 1e6,
                    "M",
                    None,
                )
            )
    if not args.cold:  # --cold: the cold commands only
        lines += warm(args.repeat)
        lines += grown(args.repeat)
    lines.append("")
    lines.append(
        "Absolute cold times: "
        + ", ".join(f"{n} {t * 1e3:.1f} ms" for n, (t, _) in results.items())
    )
    lines += ["", *([] if args.cold else navigation()), ""]
    text = "\n".join(lines)
    print(text)
    if args.record:
        with (run.HERE / "RESULTS.md").open("a", encoding="utf-8") as out:
            out.write("\n" + text + "\n")
    return 0
