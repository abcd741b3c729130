"""The command line: ``caspian`` (or ``python -m caspian``), with subcommands mirroring the API.

Output is an aligned table by default, or ``--format json`` / ``--format csv`` for pipes. Bad
arguments and unknown keys end with exit status 2 and a one-line message, never a traceback.

>>> from caspian.cli import main
>>> main(["summits", "--after", "2017", "--kind", "summit"])
id                   start       city      host          name
-------------------  ----------  --------  ------------  -------------------------------
caspian-summit-2018  2018-08-12  Aktau     kazakhstan    Fifth Caspian Summit (Aktau)
caspian-summit-2022  2022-06-29  Ashgabat  turkmenistan  Sixth Caspian Summit (Ashgabat)
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

import caspian
from caspian.errors import CaspianError
from caspian.model import Record

EXAMPLES = """\
examples:
  caspian summits --after 2007 --host KZ
  caspian agreements --party RU --in-force
  caspian state iran
  caspian pipelines --through GE --format csv
  caspian articles --agreement legal-status-convention --text pipeline
  caspian ratifications legal-status-convention
  caspian cite --style bibtex
"""

# Table columns per record type: (header, getter).
Column = tuple[str, Callable[[Any], object]]
COLUMNS: dict[str, list[Column]] = {
    "State": [
        ("id", lambda r: r.id),
        ("iso", lambda r: r.iso_alpha2),
        ("name", lambda r: r.name),
        ("capital", lambda r: r.capital),
        ("littoral", lambda r: "yes" if r.littoral else "no"),
        ("years", lambda r: f"{r.from_year or ''}-{r.to_year or ''}"),
    ],
    "Summit": [
        ("id", lambda r: r.id),
        ("start", lambda r: r.start),
        ("city", lambda r: r.city.name),
        ("host", lambda r: r.host),
        ("name", lambda r: r.name),
    ],
    "Agreement": [
        ("id", lambda r: r.id),
        ("signed", lambda r: r.signed),
        ("kind", lambda r: r.kind.value),
        ("status", lambda r: r.status.value),
        ("in force", lambda r: r.in_force),
        ("title", lambda r: r.short_title),
    ],
    "Article": [
        ("agreement", lambda r: r.agreement),
        ("no.", lambda r: r.number),
        ("title", lambda r: r.title),
        ("summary", lambda r: r.summary),
    ],
    "Ratification": [
        ("agreement", lambda r: r.agreement),
        ("state", lambda r: r.state),
        ("status", lambda r: r.status.value),
        ("date", lambda r: r.date),
        ("instrument", lambda r: r.instrument),
    ],
    "Pipeline": [
        ("id", lambda r: r.id),
        ("commodity", lambda r: r.commodity.value),
        ("status", lambda r: r.status.value),
        ("km", lambda r: f"{r.length_km:g}" if r.length_km is not None else None),
        ("capacity", lambda r: r.capacity),
        ("route", lambda r: ">".join(r.route)),
    ],
    "ReserveEstimate": [
        ("id", lambda r: r.id),
        ("commodity", lambda r: r.commodity.value),
        ("category", lambda r: r.category.value),
        ("value", lambda r: f"{r.value:g}"),
        ("unit", lambda r: r.unit.value),
        ("year", lambda r: r.year),
    ],
}


#: Widest cell in a table; longer text is cut with an ellipsis (use --format json for all).
WIDTH = 60


def _fit(text: str) -> str:
    """One line of at most WIDTH characters.

    >>> _fit("x" * 70)[-3:], len(_fit("x" * 70))
    ('xx…', 60)
    """
    text = " ".join(text.split())
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def table(records: Sequence[Record]) -> str:
    """An aligned plain-text table of records.

    >>> print(table(caspian.pipelines(status="proposed")))
    id             commodity  status    km   capacity         route
    -------------  ---------  --------  ---  ---------------  -----------------------
    trans-caspian  gas        proposed  300  30 bcm_per_year  turkmenistan>azerbaijan
    """
    if not records:
        return "(no records)"
    columns = COLUMNS[type(records[0]).__name__]
    cells = [[_fit("" if (v := get(r)) is None else str(v)) for _, get in columns] for r in records]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, (h, _) in enumerate(columns)]
    lines = [
        "  ".join(h.ljust(w) for (h, _), w in zip(columns, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    for row in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a year like 2007, got {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests).

    >>> build_parser().prog
    'caspian'
    """
    parser = _Parser(
        prog="caspian",
        description="Query Caspian littoral-state diplomacy data: meetings, agreements, "
        "articles, states and pipelines.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"caspian {caspian.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        cmd = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=EXAMPLES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        cmd.add_argument(
            "--format",
            choices=("table", "json", "csv"),
            default="table",
            help="output format (default: table)",
        )
        return cmd

    cmd = command("summits", "meetings in chronological order")
    cmd.add_argument("--after", type=_year, help="started after this year (exclusive)")
    cmd.add_argument("--before", type=_year, help="started before this year (exclusive)")
    cmd.add_argument("--host", help="host state (id, ISO code or name)")
    cmd.add_argument("--kind", help="summit, ministerial, negotiation or conference")
    cmd.add_argument("--participant", help="a state that took part")
    cmd = command("summit", "one meeting by id, name or alias")
    cmd.add_argument("key")
    cmd = command("states", "states (today's, or those of a year with --as-of)")
    cmd.add_argument(
        "--littoral", action="store_true", default=None, help="only the littoral states"
    )
    cmd.add_argument("--as-of", type=_year, help="the entities that existed in this year")
    cmd = command("state", "one state by id, ISO code, name or alias")
    cmd.add_argument("key")
    cmd = command("agreements", "documents in order of signing")
    cmd.add_argument("--party", help="a state that is a party")
    cmd.add_argument("--after", type=_year, help="signed after this year (exclusive)")
    cmd.add_argument("--before", type=_year, help="signed before this year (exclusive)")
    cmd.add_argument("--kind", help="treaty, convention, protocol, agreement, declaration, ...")
    cmd.add_argument("--topic", help="a topic such as pipelines or security")
    cmd.add_argument("--summit", help="the meeting where they were signed")
    force = cmd.add_mutually_exclusive_group()
    force.add_argument(
        "--in-force", dest="in_force", action="store_true", default=None, help="only those in force"
    )
    force.add_argument(
        "--not-in-force",
        dest="in_force",
        action="store_false",
        help="only those known not to be in force",
    )
    cmd = command("agreement", "one document by id, title or alias")
    cmd.add_argument("key")
    cmd = command("articles", "articles, optionally of one agreement and matching a text")
    cmd.add_argument("--agreement", help="the agreement (id, title or alias)")
    cmd.add_argument("--text", help="text to look for in the title and summary")
    cmd.add_argument("--topic", help="a topic such as navigation")
    cmd = command("ratifications", "ratifications of an agreement, or all")
    cmd.add_argument("agreement", nargs="?", help="the agreement (id, title or alias)")
    cmd.add_argument("--state", help="a state")
    cmd = command("pipelines", "pipelines")
    cmd.add_argument("--through", help="a state on the route")
    cmd.add_argument("--commodity", help="oil or gas")
    cmd.add_argument("--status", help="operational, under_construction, proposed or stalled")
    cmd = command("pipeline", "one pipeline by id, name or alias")
    cmd.add_argument("key")
    command("reserves", "estimates of the region's oil and gas")
    cite = sub.add_parser("cite", help="how to cite the data")
    cite.add_argument("--style", choices=("text", "bibtex"), default="text")
    return parser


def _run(args: argparse.Namespace) -> Sequence[Record] | str:
    c = args.command
    if c == "summits":
        return caspian.summits(
            after=args.after,
            before=args.before,
            host=args.host,
            kind=args.kind,
            participant=args.participant,
        )
    if c == "states":
        return caspian.states(littoral=args.littoral, as_of=args.as_of)
    if c == "agreements":
        return caspian.agreements(
            party=args.party,
            after=args.after,
            before=args.before,
            kind=args.kind,
            topic=args.topic,
            in_force=args.in_force,
            summit=args.summit,
        )
    if c == "articles":
        return caspian.articles(args.agreement, text=args.text, topic=args.topic)
    if c == "ratifications":
        return caspian.ratifications(args.agreement, state=args.state)
    if c == "pipelines":
        return caspian.pipelines(through=args.through, commodity=args.commodity, status=args.status)
    if c == "reserves":
        return caspian.reserves()
    if c == "cite":
        return caspian.cite(args.style)
    lookup: dict[str, Callable[[str], Record]] = {
        "summit": caspian.summit,
        "state": caspian.state,
        "agreement": caspian.agreement,
        "pipeline": caspian.pipeline,
    }
    return (lookup[c](args.key),)


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line with ``argv``; return the exit status (0, or 2 on bad input).

    >>> main(["state", "Atlantis"], err=sys.stdout)
    caspian: no state matches 'Atlantis'
    2
    """
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(out)
            return 0
        result = _run(args)
    except _UsageError as error:
        print(str(error), file=err)
        return 2
    except CaspianError as error:
        print(f"caspian: {str(error).splitlines()[0]}", file=err)
        return 2
    if isinstance(result, str):
        print(result, file=out)
        return 0
    fmt = getattr(args, "format", "table")
    if fmt == "json":
        single = args.command in ("summit", "state", "agreement", "pipeline")
        print(caspian.to_json(result[0] if single else result), file=out)
    elif fmt == "csv":
        print(caspian.to_csv(result), file=out, end="")
    else:
        print(table(result), file=out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
