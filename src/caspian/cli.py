"""The command line: ``caspian`` (or ``python -m caspian``), with subcommands mirroring the API.

The subcommands are made from the record kinds and the query functions: ``caspian summits``
takes the keyword arguments of :func:`caspian.summits` as options, and ``caspian summit KEY``
looks one record up. Output is an aligned table of the kind's columns by default, or
``--format json`` / ``csv`` / ``geojson`` for pipes. Bad arguments and unknown keys end with
exit status 2 and a one-line message, never a traceback.

>>> from caspian.cli import main
>>> main(["summits", "--after", "2017"])
id                   name                             start       ordinal  city      host
-------------------  -------------------------------  ----------  -------  --------  ------------
caspian-summit-2018  Fifth Caspian Summit (Aktau)     2018-08-12  5        Aktau     kazakhstan
caspian-summit-2022  Sixth Caspian Summit (Ashgabat)  2022-06-29  6        Ashgabat  turkmenistan
0
"""

from __future__ import annotations

import argparse
import datetime as _dt
import inspect
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

import caspian
from caspian import _filters as filters
from caspian import model
from caspian._filters import Filter
from caspian._html import columns_shown
from caspian._kind import Record, cell
from caspian._version import __data_version__, __version__
from caspian._vocabulary import _Vocabulary
from caspian.errors import CaspianError

EXAMPLES = """\
examples:
  caspian summits --after 2007
  caspian meetings --kind ministerial --after 2015
  caspian agreements --party RU --in-force
  caspian state iran
  caspian search Aktau
  caspian pipelines --through GE --format csv
  caspian articles legal-status-convention --text pipeline
  caspian ratifications legal-status-convention
  caspian agreements --binding KZ --in-force-on 2015-01-01
  caspian events --state KZ --after 2018
  caspian panel state-year --start 1991 --end 2025 --format csv
  caspian cite --style bibtex
"""

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
    """An aligned plain-text table of records, with the columns of their kind.

    >>> print(table(caspian.states(as_of=1828, littoral=True)))
    id              name            iso_alpha2  capital    littoral  from_year  to_year
    --------------  --------------  ----------  ---------  --------  ---------  -------
    qajar-persia    Qajar Persia                Tehran     True      1789       1925
    russian-empire  Russian Empire              Petrograd  True      1721       1917
    """
    if not records:
        return "(no records)"
    columns = columns_shown(type(records[0]))
    cells = [[_fit("" if (v := cell(r, c)) is None else str(v)) for c in columns] for r in records]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(columns)]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(columns, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    for row in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit status 2, which writes help and
    the version to the stream it is given and returns instead of exiting."""

    def __init__(self, *args: Any, out: TextIO | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.out = out

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            _write(self.out if file in (None, sys.stdout) and self.out else file, message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise _Exit(status)


class _UsageError(Exception):
    pass


class _Exit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _write(stream: TextIO, text: str) -> None:
    """Write ``text``, escaping what the stream's encoding cannot show (``\\u0420``)."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))


def year_or_date(text: str) -> int | _dt.date:
    """A command-line year (``2007``) or date (``2007-10-16``).

    >>> year_or_date("2007"), year_or_date("2007-10-16")
    (2007, datetime.date(2007, 10, 16))
    """
    from caspian._args import parse_year_or_date  # the API reads text the same way

    try:
        return parse_year_or_date("value", text)
    except CaspianError:
        raise argparse.ArgumentTypeError(
            f"expected a year like 2007 or a date like 2007-10-16, got {text!r}"
        ) from None


def _choices(annotation: str) -> list[str] | None:
    """The values of the vocabulary named in a parameter's annotation, if any."""
    for enum in _Vocabulary.__subclasses__():
        if re.search(rf"\b{enum.__name__}\b", annotation):
            return [m.value for m in enum]
    return None


def arguments(function: Callable[..., Any]) -> dict[str, str]:
    """The meaning of each argument, from the ``Args:`` section of a function's docstring, in
    plain words (no markup).

    >>> arguments(caspian.summits)["host"]
    'Keep summits hosted by this state (a State or any key for one).'
    """
    from caspian._package import plain

    found: dict[str, str] = {}
    name = None
    inside = False
    for line in (inspect.getdoc(function) or "").splitlines():
        if line.strip() == "Args:":
            inside = True
            continue
        if not inside:
            continue
        match = re.match(r"    (\w+): (.*)", line)
        if match:
            name = match.group(1)
            found[name] = match.group(2)
        elif name and line.startswith("        "):
            found[name] += " " + line.strip()
        else:
            break
    return {key: plain(text) for key, text in found.items()}


def _option_help(plural: str, parameter: inspect.Parameter, meaning: str | None) -> str:
    """The help of one option: its meaning, or words made from its type; a closed set of
    values is listed."""
    annotation = str(parameter.annotation)
    choices = _choices(annotation)
    words = parameter.name.replace("_", " ")
    if choices:
        return f"keep {plural} with this {words}; one of: " + ", ".join(choices)
    if meaning:
        return meaning[0].lower() + meaning[1:]
    if "YearOrDate" in annotation:
        return f"{words}: a year (2007) or a day (2007-10-16)"
    if "State" in annotation:
        return f"keep {plural} with this {words}: a state id, ISO code or name"
    if annotation.startswith("bool"):
        return f"keep {plural} that are {words} (--no-{words.replace(' ', '-')}: that are not)"
    return f"keep {plural} with this {words}"


def _add_option(
    cmd: argparse.ArgumentParser,
    parameter: inspect.Parameter,
    plural: str = "records",
    meaning: str | None = None,
) -> None:
    """An option for one parameter of a query function, typed from its annotation."""
    annotation = str(parameter.annotation)
    flag = "--" + parameter.name.replace("_", "-")
    shown = _option_help(plural, parameter, meaning)
    if annotation.startswith("bool"):
        cmd.add_argument(flag, action=argparse.BooleanOptionalAction, default=None, help=shown)
        return
    kwargs: dict[str, Any] = {"dest": parameter.name, "default": None, "help": shown}
    if "YearOrDate" in annotation:
        kwargs.update(type=year_or_date, metavar="YEAR|DATE")
    elif annotation.startswith("Iterable"):
        kwargs.update(nargs="+", metavar="STATE")
    elif annotation.startswith("int"):
        kwargs.update(type=int, metavar="YEAR")
    if annotation.startswith("Literal"):
        literal = re.findall(r"[\"']([^\"']+)[\"']", annotation)
        kwargs["help"] = f"{shown}; one of: " + ", ".join(literal)
    if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
        cmd.add_argument(
            f"_{parameter.name}",
            nargs="?",
            metavar=parameter.name.upper(),
            default=None,
            help=f"the same as {flag}",
        )
    cmd.add_argument(flag, **kwargs)


def _filter_option(cmd: argparse.ArgumentParser, kind: type[Record], one: Filter) -> None:
    """The option of one filter of a kind's query: typed by what the filter takes, its help
    from the filter's meaning (a closed set of values is listed)."""
    from caspian._package import plain
    from caspian._query import target_of

    plural = kind.KIND.plural
    flag = "--" + one.name.replace("_", "-")
    words = one.name.replace("_", " ")
    meaning = plain(filters.meaning(kind, one))
    shown = meaning[:1].lower() + meaning[1:] if meaning else f"keep {plural} with this {words}"
    if one.takes == "value":
        values = ", ".join(m.value for m in target_of(kind, one))
        shown = f"keep {plural} with this {words}; one of: {values}"
    if one.takes == "flag":
        cmd.add_argument(flag, action=argparse.BooleanOptionalAction, default=None, help=shown)
        return
    kwargs: dict[str, Any] = {"dest": one.name, "default": None, "help": shown}
    if one.takes in ("after", "before", "date", "day"):
        kwargs.update(type=year_or_date, metavar="YEAR|DATE")
    elif one.takes == "year":
        kwargs.update(type=int, metavar="YEAR")
    if one.positional:
        cmd.add_argument(
            f"_{one.name}",
            nargs="?",
            metavar=one.name.upper(),
            default=None,
            help=f"the same as {flag}",
        )
    cmd.add_argument(flag, **kwargs)


def queries() -> dict[str, Callable[..., Any]]:
    """The query function of each kind, by command name (``"summits"``), and the time
    queries (``"events"``, ``"panel"``)."""
    found = {kind.KIND.plural: getattr(caspian, kind.KIND.plural) for kind in model.KINDS}
    return {**found, "events": caspian.events, "panel": caspian.panel}


def lookups() -> dict[str, Callable[[str], Any]]:
    """The lookup function of each kind that has one, by command name (``"summit"``)."""
    return {
        kind.KIND.noun: getattr(caspian, kind.KIND.noun)
        for kind in model.KINDS
        if kind.KIND.keys and hasattr(caspian, kind.KIND.noun)
    }


def _summary(function: Callable[..., Any]) -> str:
    from caspian._package import plain

    return plain((function.__doc__ or "").strip().splitlines()[0]).rstrip(".")


def examples(name: str, function: Callable[..., Any]) -> list[str]:
    """The command lines of the examples in a function's docstring (one place for both).

    >>> examples("summits", caspian.summits)[:1]
    ['caspian summits --after 2007']
    """
    import ast
    import shlex

    found = []
    for line in (function.__doc__ or "").splitlines():
        code = line.strip().removeprefix(">>> ")
        if "caspian." + name + "(" not in code:
            continue
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == name
                and all(isinstance(a, ast.Constant) for a in node.args)
                and all(isinstance(k.value, ast.Constant) and k.arg for k in node.keywords)
            ):
                continue
            words = ["caspian", name, *(str(a.value) for a in node.args)]  # type: ignore[attr-defined]
            for keyword in node.keywords:
                value = keyword.value.value  # type: ignore[attr-defined]
                flag = "--" + str(keyword.arg).replace("_", "-")
                if value is True or value is False:
                    words.append(flag if value else "--no-" + flag[2:])
                else:
                    words += [flag, str(value)]
            found.append(shlex.join(words))
    return found


def build_parser(out: TextIO | None = None) -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests); help goes to ``out``.

    >>> build_parser().prog
    'caspian'
    """
    parser = _Parser(
        out=out,
        prog="caspian",
        description="Query Caspian littoral-state diplomacy data: "
        + ", ".join(k.KIND.plural for k in model.KINDS[:-1])
        + f" and {model.KINDS[-1].KIND.plural}.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"caspian {__version__} (data {__data_version__})",
        help="show the library version and the data version, and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    from caspian.export import placed_kinds

    def command(name: str, function: Callable[..., Any]) -> argparse.ArgumentParser:
        shown = examples(name, function)
        cmd = sub.add_parser(
            name,
            help=_summary(function),
            description=_summary(function),
            epilog="examples:\n" + "\n".join(f"  {e}" for e in shown) if shown else None,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            out=out,
        )
        cmd.add_argument(
            "--format",
            choices=(
                "table",
                "json",
                "csv",
                *(() if name in ("events", "panel") else ("geojson",)),
            ),
            default="table",
            help="the output format, one of: table, json, csv, geojson (default: table; "
            f"geojson for the kinds with places: {placed_kinds()})",
        )
        return cmd

    kinds = {kind.KIND.plural: kind for kind in model.KINDS if kind.KIND.filters}
    for name, function in queries().items():
        cmd = command(name, function)
        if name in kinds:  # the options of a kind's query: made from its filters
            for one in kinds[name].KIND.filters:
                _filter_option(cmd, kinds[name], one)
            continue
        meanings = arguments(function)
        for parameter in inspect.signature(function).parameters.values():
            _add_option(cmd, parameter, name, meanings.get(parameter.name))
    for name, function in lookups().items():
        command(name, function).add_argument(
            "key", help=f"the {name}'s id, or a name, alias or code of it"
        )
    _add_search(sub, out)
    cite = sub.add_parser("cite", help="how to cite the data", out=out)
    cite.add_argument(
        "--style",
        choices=("text", "bibtex"),
        default="text",
        help="the citation style, one of: text, bibtex (default: text)",
    )
    export = sub.add_parser(
        "export",
        help="write a Frictionless data package (a CSV per kind and per list) into a folder",
        description="Write one CSV file per kind of record, one per list inside the records "
        "(parties, routes, sources ...), and a datapackage.json describing every field and "
        "the links between the files, for R, Stata, Excel or DuckDB.",
        epilog="examples:\n  caspian export caspian-data",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        out=out,
    )
    export.add_argument("folder", help="the folder to write into (made if it does not exist)")
    return parser


def _add_search(sub: Any, out: TextIO | None) -> None:
    """The ``search`` command: :func:`caspian.search` across every kind."""
    nouns = [kind.KIND.noun for kind in model.KINDS]
    search = sub.add_parser(
        "search",
        help="records of every kind that a text names, best first",
        description="Records of every kind that a text names, best first, each with its kind: "
        "a name, alias, code or id that is the text, then records holding every word of it, "
        "then records whose name holds it.",
        epilog="examples:\n  caspian search Aktau\n  caspian search Gulistan --kind agreement",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        out=out,
    )
    search.add_argument("text", help="the text to look for (a name, a word, a year)")
    search.add_argument(
        "--kind", choices=nouns, metavar="KIND", help="keep one kind; one of: " + ", ".join(nouns)
    )
    search.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="output format, one of: table, json, csv (default: table)",
    )


def _search_output(args: argparse.Namespace) -> str:
    """What ``caspian search`` prints: kind, id, label and how each record matched."""
    import csv
    import io
    import json

    found = caspian.search(args.text, kind=args.kind)
    rows = [{"kind": m.kind, "id": m.id, "label": m.label, "matched": m.matched} for m in found]
    if args.format == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if args.format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["kind", "id", "label", "matched"])
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue().replace("\r\n", "\n")
    if not rows:
        return "(no records)\n"
    columns = ["kind", "id", "label", "matched"]
    cells = [[_fit(row[c]) for c in columns] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(columns)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def _run(args: argparse.Namespace) -> Sequence[Record] | str:
    command = args.command
    if command == "cite":
        return caspian.cite(args.style)
    if command == "export":
        from pathlib import Path

        folder = Path(args.folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _UsageError(f"caspian export: cannot make {str(folder)!r}: {error}") from None
        written = caspian.to_datapackage(folder)
        files = len(list(written.glob("*.csv")))
        return f"wrote {files} CSV files and datapackage.json to {written}"
    single = lookups().get(command)
    if single is not None:
        return (single(args.key),)
    function = queries()[command]
    given: dict[str, Any] = {}
    for parameter in inspect.signature(function).parameters.values():
        value = getattr(args, parameter.name)
        positional = getattr(args, f"_{parameter.name}", None)
        if positional is not None:
            if value is not None:
                raise _UsageError(f"caspian {command}: {parameter.name} given twice")
            value = positional
        if value is not None:
            given[parameter.name] = value
        elif parameter.default is inspect.Parameter.empty:
            raise _UsageError(f"caspian {command}: {parameter.name} is required")
    return function(**given)  # type: ignore[no-any-return]


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line with ``argv``; return the exit status: 0, 2 on bad input, 141 when
    the reader of the output went away (as a shell reports a SIGPIPE). ``--help`` and
    ``--version`` write to ``out`` and return 0.

    >>> main(["state", "Utopia"], err=sys.stdout)
    caspian: no state matches 'Utopia'
    2
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        _write(out, _output(argv, out))
        out.flush()
    except _Exit as done:
        return done.status
    except _UsageError as error:
        _write(err, f"{error}\n")
        return 2
    except CaspianError as error:
        _write(err, f"caspian: {str(error).splitlines()[0]}\n")
        return 2
    except BrokenPipeError:
        stdout = sys.__stdout__
        if stdout is not None and out is stdout:
            # Python flushes stdout again at exit: point it at /dev/null first.
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
        return 141
    return 0


def _output(argv: Sequence[str] | None, out: TextIO) -> str:
    """The text the command prints."""
    parser = build_parser(out)
    args, extra = parser.parse_known_args(argv)
    if extra:
        where = f"caspian {args.command}" if args.command else "caspian"
        raise _UsageError(f"{where}: unrecognized arguments: {' '.join(extra)}")
    if args.command is None:
        raise _UsageError(
            f"{parser.format_usage().rstrip()}\ncaspian: a command is required "
            "(caspian --help lists them)"
        )
    if args.command == "search":
        return _search_output(args)
    result = _run(args)
    if isinstance(result, str):
        return result + "\n"
    fmt = getattr(args, "format", "table")
    if fmt == "json":
        single = args.command in lookups()
        return caspian.to_json(result[0] if single else result) + "\n"
    if fmt == "csv":
        return caspian.to_csv(result)
    if fmt == "geojson":
        import json

        from caspian.export import has_places, placed_kinds

        kind = next((k for k in model.KINDS if k.KIND.plural == args.command), None)
        kind = kind or next((k for k in model.KINDS if k.KIND.noun == args.command), None)
        if kind is not None and not has_places(kind):
            raise _UsageError(
                f"caspian {args.command}: --format geojson needs records with places "
                f"({placed_kinds()}); {kind.KIND.plural} have none"
            )

        return json.dumps(caspian.to_geojson(result), ensure_ascii=False, indent=2) + "\n"
    return table(result) + "\n"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
