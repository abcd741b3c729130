"""The command line's argparse parser, and the options of its subcommands: made from a kind's
declared filters, or, for the time queries, from a function's signature and the ``Args:``
section of its docstring. :mod:`caspian.cli` imports this module only to build the parser (for
help, and for command lines it does not read itself).

>>> year_or_date("2007")
2007
"""

from __future__ import annotations

import argparse
import datetime as _dt
import inspect
import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TextIO

from caspian import _filters as filters
from caspian import model
from caspian._filters import Filter
from caspian._kind import Record, _Vocabulary
from caspian.cli import _Exit, _UsageError, _write
from caspian.errors import CaspianError

__all__ = ["add_option", "arguments", "filter_option", "year_or_date"]


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


def _summary(function: Callable[..., Any]) -> str:
    """The first line of a function's docstring; its name where there is none (``python -OO``
    strips docstrings, and the command line must work without them)."""
    from caspian._meanings import plain

    lines = (function.__doc__ or "").strip().splitlines()
    return plain(lines[0]).rstrip(".") if lines else function.__name__.replace("_", " ")


def examples(name: str, function: Callable[..., Any]) -> list[str]:
    """The command lines of the examples in a function's docstring (one place for both).

    >>> import caspian
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


def _format_help() -> str:
    from caspian.export import placed_kinds  # imports the exports: only for help

    return (
        "the output format, one of: table, json, csv, geojson (default: table; "
        f"geojson for the kinds with places: {placed_kinds()})"
    )


def _add_search(sub: Any, out: TextIO | None) -> None:
    """The ``search`` command: :func:`caspian.search` across every kind."""
    nouns = [row[2] for row in model._KINDS]
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


class _Annotation:
    """What a parameter's annotation says (a string, as the future import leaves it), read
    with :mod:`ast` rather than matched as text: its outermost type (``"bool"`` for ``bool |
    None``), every name it uses, and the strings of a ``Literal``.

    >>> read = _Annotation(inspect.Parameter("unit", 1, annotation='Literal["a", "b"] | None'))
    >>> read.head, sorted(read.names), read.texts
    ('Literal', ['Literal'], ['a', 'b'])
    """

    def __init__(self, parameter: inspect.Parameter) -> None:
        import ast

        written = parameter.annotation
        if not isinstance(written, str):
            written = inspect.formatannotation(written)
        try:
            tree = ast.parse(written, mode="eval").body
        except SyntaxError:
            tree = ast.Constant(None)
        head = tree
        while isinstance(head, (ast.BinOp, ast.Subscript)):
            head = head.left if isinstance(head, ast.BinOp) else head.value
        nodes = list(ast.walk(tree))
        self.head = head.id if isinstance(head, ast.Name) else ""
        self.names = {n.id for n in nodes if isinstance(n, ast.Name)}
        self.texts = [
            n.value for n in nodes if isinstance(n, ast.Constant) and type(n.value) is str
        ]

    def choices(self) -> list[str] | None:
        """The values of the vocabulary it names (a public name of :mod:`caspian`), if any."""
        import caspian

        for name in sorted(self.names & set(caspian.__all__)):
            found = getattr(caspian, name)
            if isinstance(found, type) and issubclass(found, _Vocabulary):
                return [m.value for m in found]
        return None


def arguments(function: Callable[..., Any]) -> dict[str, str]:
    """The meaning of each argument, from the ``Args:`` section of a function's docstring, in
    plain words (no markup).

    >>> import caspian
    >>> arguments(caspian.summits)["host"]
    'Keep summits hosted by this state (a State or any key for one).'
    """
    from caspian._meanings import plain

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
    annotation = _Annotation(parameter)
    choices = annotation.choices()
    words = parameter.name.replace("_", " ")
    if choices:
        return f"keep {plural} with this {words}; one of: " + ", ".join(choices)
    if meaning:
        return meaning[0].lower() + meaning[1:]
    if "YearOrDate" in annotation.names:
        return f"{words}: a year (2007) or a day (2007-10-16)"
    if "State" in annotation.names:
        return f"keep {plural} with this {words}: a state id, ISO code or name"
    if annotation.head == "bool":
        return f"keep {plural} that are {words} (--no-{words.replace(' ', '-')}: that are not)"
    return f"keep {plural} with this {words}"


def add_option(
    cmd: argparse.ArgumentParser,
    parameter: inspect.Parameter,
    plural: str = "records",
    meaning: str | None = None,
) -> None:
    """An option for one parameter of a query function, typed from its annotation."""
    annotation = _Annotation(parameter)
    flag = "--" + parameter.name.replace("_", "-")
    shown = _option_help(plural, parameter, meaning)
    if annotation.head == "bool":
        cmd.add_argument(flag, action=argparse.BooleanOptionalAction, default=None, help=shown)
        return
    kwargs: dict[str, Any] = {"dest": parameter.name, "default": None, "help": shown}
    if "YearOrDate" in annotation.names:
        kwargs.update(type=year_or_date, metavar="YEAR|DATE")
    elif annotation.head == "Iterable":
        kwargs.update(nargs="+", metavar="STATE")
    elif annotation.head == "int":
        kwargs.update(type=int, metavar="YEAR")
    if annotation.head == "Literal":
        kwargs["help"] = f"{shown}; one of: " + ", ".join(annotation.texts)
    _add(
        cmd,
        parameter.name,
        flag,
        kwargs,
        positional=parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD,
    )


def filter_option(cmd: argparse.ArgumentParser, kind: type[Record], one: Filter) -> None:
    """The option of one filter of a kind's query: typed by what the filter takes, its help
    from the filter's meaning (a closed set of values is listed)."""
    from caspian._meanings import plain
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
    _add(cmd, one.name, flag, kwargs, positional=one.positional)


def _add(
    cmd: argparse.ArgumentParser, name: str, flag: str, kwargs: dict[str, Any], *, positional: bool
) -> None:
    """The option ``flag`` and, for an argument that may also be given by position, an
    optional positional argument that means the same."""
    if positional:
        cmd.add_argument(
            f"_{name}", nargs="?", metavar=name.upper(), default=None, help=f"the same as {flag}"
        )
    cmd.add_argument(flag, **kwargs)
