"""HTML tables for notebooks: a result as a table of its kind's columns, a record field by field.

Every value is escaped; links are drawn only for http(s) source URLs.

>>> import caspian
>>> records_html(caspian.pipelines(status="proposed")).count("<tr>")
2
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import attr

from caspian._kind import Record, cell


def _text(value: Any) -> str:
    return "" if value is None else html.escape(str(value))


def records_html(records: Sequence[Record]) -> str:
    """An HTML table of records (one row each) with the columns of their kind.

    Records of several kinds get the columns of the first one.
    """
    if not records:
        return "<p><em>no records</em></p>"
    columns = columns_shown(type(records[0]))
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_text(_cell(r, c))}</td>" for c in columns) + "</tr>"
        for r in records
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def columns_shown(cls: type) -> tuple[str, ...]:
    """The columns a table shows: a kind's own, or a row class's ``SHOWN`` (events, panels),
    else all its fields.

    >>> import caspian
    >>> columns_shown(caspian.Event)
    ('date', 'year', 'kind', 'record', 'states', 'label')
    """
    kind = getattr(cls, "KIND", None)
    if kind is not None:
        return tuple(kind.columns)
    shown: tuple[str, ...] | None = getattr(cls, "SHOWN", None)
    return shown or tuple(f.name for f in attr.fields(cls) if f.init and f.alias != "_dataset")


def _cell(record: Record, path: str) -> Any:
    try:
        return cell(record, path)
    except AttributeError:  # a record of another kind in a mixed result
        return None


def record_html(record: Record) -> str:
    """An HTML table of one record's fields (field, value), with links to its sources.

    >>> import caspian
    >>> "<th>official_name</th>" in record_html(caspian.state("IR"))
    True
    """
    rows = []
    for field in attr.fields(type(record)):
        if not field.init or field.name in ("sources", "_dataset"):
            continue
        value = getattr(record, field.name)
        if value is None or value == ():
            continue
        if isinstance(value, tuple) and value and attr.has(type(value[0])):
            text = f"{len(value)} item{'s' if len(value) != 1 else ''}"
        else:
            text = str(cell(record, field.name))
        rows.append(f"<tr><th>{html.escape(field.name)}</th><td>{html.escape(text)}</td></tr>")
    # Which articles are missing is known from the dataset (a record made by hand has none).
    missing = getattr(record, "missing_articles", ()) if record._dataset is not None else ()
    if missing:
        text = ", ".join(str(n) for n in missing)
        reason = getattr(record, "missing_articles_reason", None)
        text += f" (not in the data because {reason})" if reason else ""
        rows.append(f"<tr><th>missing_articles</th><td>{html.escape(text)}</td></tr>")
    links = "<br>".join(
        f'<a href="{html.escape(s.url, quote=True)}">{html.escape(s.title)}</a>'
        if s.url.startswith(("https://", "http://"))
        else html.escape(s.title)
        for s in record.sources
    )
    rows.append(f"<tr><th>sources</th><td>{links}</td></tr>")
    title = html.escape(f"{type(record).__name__} {record.id}")
    return f"<table><caption>{title}</caption><tbody>{''.join(rows)}</tbody></table>"
