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

import inspect
import sys
from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TextIO

import caspian
from caspian import model
from caspian._kind import Record, cell
from caspian._version import __data_version__, __version__
from caspian.errors import CaspianError

if TYPE_CHECKING:  # argparse is imported only for help and for command lines it must read
    import argparse

    from caspian._filters import Filter

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
    kind = getattr(type(records[0]), "KIND", None)
    if kind is not None:
        columns: Sequence[str] = kind.columns
    else:  # the rows of the time queries
        from caspian._html import columns_shown

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


class _UsageError(Exception):
    pass


class _Exit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _write(stream: TextIO | None, text: str) -> None:
    """Write ``text``, escaping what the stream's encoding cannot show (``\\u0420``). A closed
    stream (``None`` when Python started without one) is an :class:`OSError`."""
    if stream is None:
        raise OSError(9, "the stream is closed")
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    except ValueError:  # "I/O operation on closed file"
        raise OSError(9, "the stream is closed") from None


#: The commands of the time queries (:func:`caspian.events`, :func:`caspian.panel`).
_TIME = ("events", "panel")


def _kind(command: str) -> type[Record] | None:
    """The kind a command names by its plural or noun (``"summits"``, ``"summit"``), read
    from the registry's rows: only that kind's module is imported."""
    row = next((r for r in model._KINDS if command in (r[2], r[3])), None)
    return None if row is None else model._kind(*row)


def _query(command: str) -> Callable[..., Any] | None:
    """The query function of a command (a kind's plural, or a time query), if it is one."""
    if command in _TIME or any(command == row[3] for row in model._KINDS):
        return getattr(caspian, command)  # type: ignore[no-any-return]
    return None


def _lookup(command: str) -> Callable[[str], Any] | None:
    """The lookup function of a command (the noun of a kind with keys), if it is one."""
    if not any(command == row[2] for row in model._KINDS):
        return None
    kind = _kind(command)
    if kind is None or not kind.KIND.keys or not hasattr(caspian, command):
        return None
    return getattr(caspian, command)  # type: ignore[no-any-return]


def queries() -> dict[str, Callable[..., Any]]:
    """The query function of each kind, by command name (``"summits"``), and the time
    queries (``"events"``, ``"panel"``)."""
    found = {row[3]: getattr(caspian, row[3]) for row in model._KINDS}
    return {**found, "events": caspian.events, "panel": caspian.panel}


def lookups() -> dict[str, Callable[[str], Any]]:
    """The lookup function of each kind that has one, by command name (``"summit"``)."""
    found = {row[2]: _lookup(row[2]) for row in model._KINDS}
    return {name: function for name, function in found.items() if function is not None}


def build_parser(out: TextIO | None = None, only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests); help goes to ``out``.

    With ``only``, it has that command alone and no help texts (they read docstrings).

    >>> build_parser().prog
    'caspian'
    """
    import argparse

    from caspian._options import (
        EXAMPLES,
        _add_search,
        _format_help,
        _Parser,
        _summary,
        add_option,
        arguments,
        examples,
        filter_option,
    )

    parser = _Parser(
        out=out,
        prog="caspian",
        description="Query Caspian littoral-state diplomacy data: "
        + ", ".join(row[3] for row in model._KINDS[:-1])
        + f" and {model._KINDS[-1][3]}.",
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

    def command(name: str, function: Callable[..., Any]) -> argparse.ArgumentParser:
        shown = examples(name, function) if only is None else []
        cmd = sub.add_parser(
            name,
            help=_summary(function) if only is None else None,
            description=_summary(function) if only is None else None,
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
            help=None if only else _format_help(),
        )
        return cmd

    asked = queries() if only is None else {only: f} if (f := _query(only)) else {}
    for name, function in asked.items():
        cmd = command(name, function)
        kind = None if name in _TIME else _kind(name)
        if kind is not None and kind.KIND.filters:  # a kind's query: options from its filters
            for one in kind.KIND.filters:
                filter_option(cmd, kind, one)
            continue
        meanings = arguments(function) if only is None else {}
        for parameter in inspect.signature(function).parameters.values():
            add_option(cmd, parameter, name, meanings.get(parameter.name))
    found = lookups() if only is None else {only: f} if (f := _lookup(only)) else {}
    for name, function in found.items():
        command(name, function).add_argument(
            "key", help=f"the {name}'s id, or a name, alias or code of it"
        )
    if only in (None, "search"):
        _add_search(sub, out)
    if only not in (None, "cite", "export"):
        return parser
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
    export.add_argument(
        "--force",
        action="store_true",
        help="replace files of the same names even if the folder is not a previous export",
    )
    return parser


def _search_output(args: argparse.Namespace | SimpleNamespace) -> str:
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


def _run(args: argparse.Namespace | SimpleNamespace) -> Sequence[Record] | str:
    command = args.command
    if command == "cite":
        return caspian.cite(args.style)
    if command == "export":
        from pathlib import Path

        if not args.folder:
            raise _UsageError("caspian export: the folder must not be empty (an unset variable?)")
        folder = Path(args.folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _UsageError(f"caspian export: cannot make {str(folder)!r}: {error}") from None
        written = caspian.to_datapackage(folder, overwrite=args.force)
        files = len(list(written.glob("*.csv")))
        return f"wrote {files} CSV files and datapackage.json to {written}"
    single = _lookup(command)
    if single is not None:
        return (single(args.key),)
    function = _query(command)
    assert function is not None  # the parser knows no other command
    kind = None if command in _TIME else _kind(command)
    if kind is not None and kind.KIND.filters:  # the options made from the filters
        required = {one.name: False for one in kind.KIND.filters}
    else:  # the options made from the signature
        required = {
            p.name: p.default is inspect.Parameter.empty
            for p in inspect.signature(function).parameters.values()
        }
    given: dict[str, Any] = {}
    for name, needed in required.items():
        value = getattr(args, name)
        positional = getattr(args, f"_{name}", None)
        if positional is not None:
            if value is not None:
                raise _UsageError(f"caspian {command}: {name} given twice")
            value = positional
        if value is not None:
            given[name] = value
        elif needed:
            raise _UsageError(f"caspian {command}: {name} is required")
    return function(**given)  # type: ignore[no-any-return]


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line with ``argv``; return the exit status: 0, 2 on bad input or when
    the output cannot be written (a full disk, a closed stream), 141 when the reader of the
    output went away (as a shell reports a SIGPIPE), 130 on Ctrl-C. ``--help`` and
    ``--version`` write to ``out`` and return 0. It raises nothing.

    >>> main(["state", "Utopia"], err=sys.stdout)
    caspian: no state matches 'Utopia'
    2
    """
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    try:
        _write(out, _output(argv, out))
        _flush(out)
    except _Exit as done:
        return done.status
    except _UsageError as error:
        return _complain(err, str(error))
    except CaspianError as error:
        return _complain(err, f"caspian: {str(error).splitlines()[0]}")
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence(out)
        return 141
    except OSError as error:
        _silence(out)
        return _complain(err, f"caspian: cannot write the output: {error.strerror or error}")
    return 0


def _flush(stream: TextIO | None) -> None:
    """Flush a stream; a closed one is an :class:`OSError`, as a failed write is."""
    if stream is None:
        raise OSError(9, "the stream is closed")
    try:
        stream.flush()
    except ValueError:  # "I/O operation on closed file"
        raise OSError(9, "the stream is closed") from None


def _complain(err: TextIO | None, message: str) -> int:
    """Write a one-line message to ``err`` if it can be written; return 2."""
    try:
        _write(err, message + "\n")
        _flush(err)
    except OSError:
        _silence(err)
    return 2


def _silence(stream: TextIO | None) -> None:
    """Point the process's own stdout or stderr at /dev/null once writing to it failed, so
    that Python's flush at exit raises nothing (and prints no traceback) either."""
    import contextlib
    import os

    for own in (sys.__stdout__, sys.__stderr__):
        if own is not None and stream is own:
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), own.fileno())


def _command_asked(argv: Sequence[str]) -> str | None:
    """The command that ``argv`` runs, when it asks for no help; else ``None``."""
    if any(w == "-h" or (w.startswith("--h") and "--help".startswith(w)) for w in argv):
        return None
    command = next((w for w in argv if not w.startswith("-")), None)
    if command in ("search", "cite", "export"):
        return command
    return command if command and (_query(command) or _lookup(command)) else None


def _read(argv: Sequence[str], command: str | None) -> SimpleNamespace | None:
    """The arguments of a plain command line, read without building the parser: a kind's
    query or lookup, each option spelt in full and followed by its value, as in ``caspian
    summits --after 2007`` or ``caspian state iran --format json``. ``None`` for anything
    else (an abbreviation, ``--after=2007``, a value that argparse would refuse or read
    otherwise ...): the parser then reads it, with its messages. A test checks that both
    read every example the same.

    >>> vars(_read(["summits", "--after", "2007"], "summits"))["after"]
    2007
    """
    kind = _kind(command) if command and argv and argv[0] == command else None
    if kind is None:
        return None
    lookup = command == kind.KIND.noun
    if not (_lookup(kind.KIND.noun) if lookup else kind.KIND.filters):
        return None
    from caspian._args import parse_year_or_date

    found: dict[str, Any] = {"command": command, "format": "table"}
    options: dict[str, Filter] = {}
    for one in () if lookup else kind.KIND.filters:
        found[one.name] = None
        if one.positional:
            found["_" + one.name] = None
        options["--" + one.name.replace("_", "-")] = one
    words = iter(argv[1:])
    for word in words:
        if lookup and "key" not in found and not word.startswith("-"):
            found["key"] = word
            continue
        negated = options.get("--" + word[5:]) if word.startswith("--no-") else None
        flag = options.get(word) or negated
        if flag is not None and flag.takes == "flag":
            found[flag.name] = negated is None
            continue
        value = next(words, "-")
        if value.startswith("-") or (word not in options and word != "--format"):
            return None
        try:
            if word == "--format":
                if value not in ("table", "json", "csv", "geojson"):
                    return None
                found["format"] = value
            elif options[word].takes in ("after", "before", "date", "day"):
                found[options[word].name] = parse_year_or_date("value", value)
            else:
                found[options[word].name] = int(value) if options[word].takes == "year" else value
        except (CaspianError, ValueError):
            return None
    return SimpleNamespace(**found) if not lookup or "key" in found else None


def _output(argv: Sequence[str] | None, out: TextIO) -> str:
    """The text the command prints."""
    argv = sys.argv[1:] if argv is None else argv
    asked = _command_asked(argv)
    args: argparse.Namespace | SimpleNamespace | None = _read(argv, asked)
    if args is None:  # build only the command asked for
        parser = build_parser(out, only=asked)
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
        single = _lookup(args.command) is not None
        return caspian.to_json(result[0] if single else result) + "\n"
    if fmt == "csv":
        return caspian.to_csv(result)
    if fmt == "geojson":
        import json

        from caspian.export import has_places, placed_kinds

        kind = _kind(args.command)
        if kind is not None and not has_places(kind):
            raise _UsageError(
                f"caspian {args.command}: --format geojson needs records with places "
                f"({placed_kinds()}); {kind.KIND.plural} have none"
            )

        return json.dumps(caspian.to_geojson(result), ensure_ascii=False, indent=2) + "\n"
    return table(result) + "\n"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
