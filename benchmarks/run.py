"""Benchmarks: caspian against its floors (attrs, cattrs) and against pycountry and us.

Run on demand (not part of the test suite)::

    pip install -e ".[bench]"
    python benchmarks/run.py            # print the table
    python benchmarks/run.py --record   # also append it to benchmarks/RESULTS.md
    python benchmarks/run.py --steps    # what each step of the cold path buys
    python benchmarks/run.py --issue21 --instructions   # the 0.3 targets (issue 21), one run

Every comparison is measured side by side in the same run, alternating the commands being
compared, and reported as medians and ratios (ours / baseline), so that the ratio stays stable
on a noisy machine even when the absolute numbers move.

Hygiene: every package is compiled to bytecode first (some machines set
``PYTHONDONTWRITEBYTECODE=1``, and no run should pay for compiling); peak memory is read in the
child itself (``getrusage(RUSAGE_SELF)`` at exit), not from the parent; with ``--instructions``
the cold commands are also counted in instructions with ``valgrind --tool=cachegrind``, which
is free of timing noise.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent

COLD = {
    "python": "pass",
    "attrs": "import attrs",
    "attrs+cattrs": "import attrs, cattrs",
    "caspian import": "import caspian",
    "pycountry import": "import pycountry",
    "caspian answer": "import caspian; caspian.summits(after=2007)",
    "caspian state": "import caspian; caspian.state('IR')",
    "pycountry answer": "import pycountry; pycountry.countries.get(alpha_2='IR')",
    "us answer": "import us; us.states.lookup('md')",
}

# (measure, ours, baseline, target ratio): the targets of the 0.2 performance issue.
COLD_RATIOS = [
    ("import caspian vs import attrs", "caspian import", "attrs", 1.00),
    (
        "first answer summits(after=2007) vs import attrs, cattrs",
        "caspian answer",
        "attrs+cattrs",
        1.05,
    ),
    (
        "first answer summits(after=2007) vs pycountry's get",
        "caspian answer",
        "pycountry answer",
        0.95,
    ),
    ("first answer summits(after=2007) vs us's lookup", "caspian answer", "us answer", 0.95),
    ("first answer state('IR') vs pycountry's get", "caspian state", "pycountry answer", 0.95),
]

#: What each step of the 0.2 cold path buys (``--steps``): the first answer against the same
#: answer with every kind loaded (one family of kinds at a time), and every kind loaded by the
#: packaged path against the validating cattrs path (the one user directories take).
_EVERY_KIND = (
    "import caspian; [f() for f in (caspian.states, caspian.meetings, caspian.agreements, "
    "caspian.articles, caspian.ratifications, caspian.pipelines, caspian.reserves)]; "
)
STEPS = {
    "caspian answer": COLD["caspian answer"],
    "every kind, packaged path": _EVERY_KIND + "caspian.summits(after=2007)",
    "every kind, cattrs path": (
        "import caspian, importlib.resources as r; "
        "caspian.Dataset.from_directory(r.files('caspian') / 'data').summits(after=2007)"
    ),
}
STEP_RATIOS = [
    (
        "lazy kinds: first answer vs every kind loaded",
        "caspian answer",
        "every kind, packaged path",
    ),
    (
        "packaged path: every kind vs the cattrs path",
        "every kind, packaged path",
        "every kind, cattrs path",
    ),
]

#: Printed in the child after the command, to read its own peak memory (KiB on Linux).
PEAK = (
    "\nimport resource as _r, sys as _s"
    "\n_s.stderr.write(f'PEAK {_r.getrusage(_r.RUSAGE_SELF).ru_maxrss}')"
)


def compile_everything() -> None:
    """Write bytecode for caspian and the packages compared, so that no run compiles."""
    import compileall
    import importlib.util

    for name in ("caspian", "attrs", "attr", "cattrs", "pycountry", "us"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                compileall.compile_dir(folder, quiet=1)


def run_child(code: str) -> tuple[float, int]:
    """Run ``python -c code`` in a fresh interpreter; return (seconds, its own peak RSS in KiB).

    The interpreter is started by a small shell, not forked from this process: Linux keeps a
    process's peak RSS across ``exec``, so a child forked from this (large) process would
    report at least this process's size.
    """
    start = time.perf_counter()
    proc = subprocess.run(
        ["sh", "-c", '"$0" -c "$1"; exit $?', sys.executable, code + PEAK],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed: {code}\n{proc.stderr}")
    return elapsed, int(proc.stderr.rpartition("PEAK ")[2])


def instructions(code: str) -> int | None:
    """Instructions executed by ``python -c code`` (cachegrind), or None without valgrind."""
    import shutil

    if shutil.which("valgrind") is None:
        return None
    proc = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            "-c",
            code,
        ],
        capture_output=True,
        text=True,
    )
    for line in proc.stderr.splitlines():
        if "I" in line and "refs:" in line:
            return int(line.rpartition("refs:")[2].replace(",", "").strip())
    return None


def cold(rounds: int, commands: dict[str, str] = COLD) -> dict[str, tuple[float, float]]:
    """Median wall time and median peak memory of each cold command, interleaved."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, list[int]] = {name: [] for name in commands}
    for code in commands.values():  # warm the file cache and .pyc files
        run_child(code)
    for index in range(rounds):
        order = list(commands.items())
        if index % 2:
            order.reverse()
        for name, code in order:
            seconds, peak = run_child(code)
            times[name].append(seconds)
            memory[name].append(peak)
    return {n: (statistics.median(times[n]), statistics.median(memory[n])) for n in commands}


def best_per_call(func: Callable[[], Any], number: int, repeat: int) -> float:
    """Median over ``repeat`` runs of the time per call, in seconds."""
    runs = timeit.repeat(func, number=number, repeat=repeat)
    return statistics.median(runs) / number


def warm(repeat: int) -> list[tuple[str, float, float, float | None]]:
    """Warm queries in one process, each against its baseline, alternating."""
    import pycountry

    import caspian

    caspian.summits()  # load once
    pycountry.countries.get(alpha_2="IR")
    summits = caspian.Dataset.packaged().summits()
    cutoff = dt.date(2007, 12, 31)

    def comprehension() -> tuple[Any, ...]:
        return tuple(s for s in summits if s.start is not None and s.start > cutoff)

    pairs = [
        (
            "warm state('IR') vs pycountry get",
            lambda: caspian.state("IR"),
            lambda: pycountry.countries.get(alpha_2="IR"),
            0.50,
        ),
        (
            "warm summits(after=2007) vs comprehension",
            lambda: caspian.summits(after=2007),
            comprehension,
            3.0,
        ),
        (
            "warm state('Persia') (alias) vs pycountry lookup('Iran')",
            lambda: caspian.state("Persia"),
            lambda: pycountry.countries.lookup("Iran"),
            None,
        ),
    ]
    rows = []
    for label, ours, base, target in pairs:
        mine, theirs = [], []
        for _ in range(repeat):
            mine.append(best_per_call(ours, 2000, 3))
            theirs.append(best_per_call(base, 2000, 3))
        rows.append((label, statistics.median(mine), statistics.median(theirs), target))
    return rows


def synthetic(folder: Path, factor: int) -> Path:
    """Write the packaged data copied ``factor`` times (ids, names and references renamed)."""
    from importlib.resources import files

    from caspian.model import KINDS

    folder.mkdir(parents=True, exist_ok=True)
    raw = {
        kind.KIND.file: json.loads((files("caspian") / "data" / kind.KIND.file).read_text("utf-8"))
        for kind in KINDS
    }
    state_ids = {r["id"] for r in raw["states.json"]}
    meeting_ids = {r["id"] for r in raw["summits.json"] + raw["meetings.json"]}
    agreement_ids = {r["id"] for r in raw["agreements.json"]}

    def rename(value: str, ids: set[str], copy: int) -> str:
        return f"{value}-c{copy}" if copy and value in ids else value

    out: dict[str, list[dict[str, Any]]] = {name: [] for name in raw}
    for copy in range(factor):
        suffix = f" c{copy}" if copy else ""
        for name, records in raw.items():
            for record in records:
                new = json.loads(json.dumps(record))
                if copy:
                    new["id"] = f"{record['id']}-c{copy}"
                    for key in ("name", "official_name", "title", "short_title"):
                        if key in new:
                            new[key] = new[key] + suffix
                    if "aliases" in new:
                        new["aliases"] = [a + suffix for a in new["aliases"]]
                    if "native_names" in new:
                        new["native_names"] = [
                            {**n, "name": n["name"] + suffix} for n in new["native_names"]
                        ]
                    for key in ("iso_alpha2", "iso_alpha3", "iso_numeric", "wikidata"):
                        if new.get(key):
                            new[key] = f"{new[key]}{copy}"
                    if name == "summits.json" and new.get("ordinal"):
                        # Ordinals are unique: each copy numbers its summits after the last.
                        new["ordinal"] += copy * len(records)
                    if new.get("meeting"):
                        new["meeting"] = rename(new["meeting"], meeting_ids, copy)
                    if new.get("parent"):
                        new["parent"] = rename(new["parent"], agreement_ids, copy)
                    if name in ("articles.json", "ratifications.json"):
                        new["agreement"] = rename(new["agreement"], agreement_ids, copy)
                    if name == "articles.json":
                        new["id"] = f"{new['agreement']}-art-{new['number']}"
                    if name == "ratifications.json":
                        new["state"] = rename(new["state"], state_ids, copy)
                        new["id"] = f"{new['agreement']}--{new['state']}"
                    for key in ("participants", "parties", "route"):
                        if key in new:
                            new[key] = [rename(s, state_ids, copy) for s in new[key]]
                    for key in ("host", "successor"):
                        if new.get(key):
                            new[key] = rename(new[key], state_ids, copy)
                    for person in new.get("attendees", []):
                        person["state"] = rename(person["state"], state_ids, copy)
                    for key in ("city", "place", "origin", "terminus"):
                        if new.get(key) and new[key].get("state"):
                            new[key]["state"] = rename(new[key]["state"], state_ids, copy)
                    for point in new.get("waypoints", []):
                        if point.get("state"):
                            point["state"] = rename(point["state"], state_ids, copy)
                out[name].append(new)
    for name, records in out.items():
        (folder / name).write_text(json.dumps(records), encoding="utf-8")
    return folder


def growth(repeat: int) -> list[tuple[int, int, float, float, float]]:
    """Load time and key lookup time at 1x, 10x and 100x the packaged data."""
    import caspian

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 10, 100):
            folder = synthetic(Path(tmp) / f"x{factor}", factor)
            loads = []
            for _ in range(repeat if factor < 100 else max(3, repeat // 3)):
                start = time.perf_counter()
                data = caspian.Dataset.from_directory(folder)
                loads.append(time.perf_counter() - start)
            records = len(data.meetings()) + len(data.agreements()) + len(data.states(as_of=2000))
            by_id = best_per_call(partial(data.summit, "caspian-summit-2018"), 5000, 5)
            by_alias = best_per_call(partial(data.state, "Persia"), 5000, 5)
            rows.append((factor, records, statistics.median(loads), by_id, by_alias))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=21, help="cold runs per command (default 21)")
    parser.add_argument("--repeat", type=int, default=7, help="repeats of each warm/growth timing")
    parser.add_argument(
        "--record", action="store_true", help="append the table to benchmarks/RESULTS.md"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the cold commands' instructions with valgrind (slow)",
    )
    parser.add_argument(
        "--issue21",
        action="store_true",
        help="measure the 0.3 targets of issue 21 side by side with their baselines",
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="with --issue21: only the cold commands (the CLI and the first answers)",
    )
    parser.add_argument(
        "--steps",
        action="store_true",
        help="only measure what each step of the cold path buys (see STEPS)",
    )
    args = parser.parse_args()
    compile_everything()
    if args.steps:
        return steps(args.rounds, args.instructions)
    if args.issue21:
        from issue21 import issue21

        return issue21(args)

    import caspian

    lines = [
        f"### {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
        "",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; caspian {caspian.__version__} "
        f"(data {caspian.__data_version__})",
        f"- versions: {versions()}",
        f"- cold runs per command: {args.rounds} (interleaved); warm repeats: {args.repeat}",
        "",
        "| measure | ours | baseline | ratio | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    results = cold(args.rounds)
    for label, ours, base, target in COLD_RATIOS:
        lines.append(row(label, results[ours][0] * 1e3, results[base][0] * 1e3, "ms", target))
    lines.append(
        row(
            "peak memory, first answer vs pycountry's",
            results["caspian answer"][1] / 1024,
            results["pycountry answer"][1] / 1024,
            "MiB",
            0.90,
        )
    )
    lines.append(
        row(
            "peak memory, cold first answer vs import attrs, cattrs",
            results["caspian answer"][1] / 1024,
            results["attrs+cattrs"][1] / 1024,
            "MiB",
            None,
        )
    )
    if args.instructions:
        counts = {name: instructions(code) for name, code in COLD.items()}
        for label, ours, base, target in COLD_RATIOS:
            ours_n, base_n = counts[ours], counts[base]
            if ours_n and base_n:
                lines.append(
                    row(f"{label} (instructions)", ours_n / 1e6, base_n / 1e6, "M", target)
                )
    for label, ours_s, base_s, goal in warm(args.repeat):
        lines.append(row(label, ours_s * 1e6, base_s * 1e6, "µs", goal))
    grow = growth(args.repeat)
    _, _, base_load, base_id, base_alias = grow[0]
    for factor, records, load, by_id, by_alias in grow[1:]:
        lines.append(
            row(
                f"load time at {factor}x data vs 1x ({records} records)",
                load * 1e3,
                base_load * 1e3,
                "ms",
                None,
            )
        )
        lines.append(
            row(
                f"key lookup (id) at {factor}x data vs 1x",
                by_id * 1e6,
                base_id * 1e6,
                "µs",
                1.5 if factor == 100 else None,
            )
        )
        lines.append(
            row(
                f"key lookup (alias) at {factor}x data vs 1x",
                by_alias * 1e6,
                base_alias * 1e6,
                "µs",
                1.5 if factor == 100 else None,
            )
        )
    lines.append("")
    lines.append(
        "Absolute cold times: "
        + ", ".join(f"{n} {t * 1e3:.1f} ms" for n, (t, _) in results.items())
    )
    lines.append("")
    text = "\n".join(lines)
    print(text)
    if args.record:
        with (HERE / "RESULTS.md").open("a", encoding="utf-8") as out:
            out.write("\n" + text + "\n")
    return 0


def steps(rounds: int, count: bool) -> int:
    """Print the ratios of STEP_RATIOS (wall medians, and instructions with ``count``)."""
    print(f"Python {platform.python_version()}, {rounds} interleaved cold runs per command")
    print("| step | with it | without it | ratio |")
    print("| --- | --- | --- | --- |")
    results = cold(rounds, STEPS)
    counts = {name: instructions(code) for name, code in STEPS.items()} if count else {}
    for label, ours, base in STEP_RATIOS:
        mine, theirs = results[ours][0] * 1e3, results[base][0] * 1e3
        print(f"| {label} | {mine:.1f} ms | {theirs:.1f} ms | {mine / theirs:.2f}x |")
        a, b = counts.get(ours), counts.get(base)
        if a and b:
            print(f"| {label} (instructions) | {a / 1e6:.1f} M | {b / 1e6:.1f} M | {a / b:.2f}x |")
    return 0


def row(label: str, ours: float, base: float, unit: str, target: float | None) -> str:
    ratio = ours / base if base else float("inf")
    met = "" if target is None else ("yes" if ratio <= target else "**no**")
    shown = "" if target is None else f"<= {target:g}x"
    return f"| {label} | {ours:.2f} {unit} | {base:.2f} {unit} | {ratio:.2f}x | {shown} | {met} |"


def versions() -> str:
    from importlib.metadata import version

    names = ["attrs", "cattrs", "pycountry", "us"]
    return ", ".join(f"{n} {version(n)}" for n in names)


if __name__ == "__main__":
    raise SystemExit(main())
