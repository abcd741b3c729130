"""Who published each cited page, and the rule that gives every source its kind.

The packaged registry ``caspian/data/publishers.json`` describes each publisher the data cites
once: the host (or host and path prefix) it publishes on, its name, what it is, whether it is
official, and what it is the authority on. :func:`kind_for` is the rule: the kind of a source
follows from its publisher and the record it is cited by, never from a hand-made label.

The rule, in order (the first that applies gives the kind):

1. A publisher of a denied type (a mirror, scraper, reprint farm, leak mirror, document-sharing
   site, machine translation, non-English or "simple" Wikipedia, the OpenStreetMap wiki, an old
   Wikipedia revision) must not be cited at all; a test fails while one is. Until it is
   replaced, its kind is tertiary for the wiki-like types (non-English Wikipedia, the
   OpenStreetMap wiki, old revisions) and secondary for the copies (a copy is at best a
   secondary witness of what it copies).
2. The maintainer of a code list on its own codes is primary: a page whose ``supports`` name one
   of the publisher's ``codes`` (ISO on the ISO 3166 codes, the Correlates of War project on COW
   codes, Gleditsch on Gleditsch-Ward codes).
3. A party's own publication of its own act is primary: a government or legislature whose
   ``state`` is a state the record is about (an agreement's parties, a ratification's state, a
   meeting's participants and host, the state record itself; a state also speaks for the states
   it continues, following ``successor`` in ``states.json``).
4. An intergovernmental body on its own convention, protocols and meetings is primary (the
   record, or the agreement an article or ratification belongs to, is in its ``agreements``).
5. An operator or owner on its own pipeline is primary (the pipeline is in its ``assets``).
6. An agency on its own estimate is primary (the reserve record's estimator is in its
   ``estimates``).
7. Otherwise encyclopedias, gazetteers and reference data (code lists, locale data) are
   tertiary, and everything else (news, scholarship, legal databases, and governments,
   intergovernmental bodies, operators and agencies on what is not their own) is secondary.

Hosts are matched after a documented normalisation (:func:`normalise_host`): lower case, no
port, and the ``www.``, ``m.``, ``amp.`` and ``mobile.`` labels dropped. An entry covers its host
and every subdomain of it, and a path prefix (``github.com/pycountry/pycountry``) covers the pages
below it; the longest entry that matches wins, and an entry that names a ``query`` parameter
(``oldid``) applies only to addresses that carry it, and then wins over entries without one.

>>> publisher_of("https://www.Kremlin.ru/events/president/news/1").publisher
'President of Russia'
>>> publisher_of("https://en.m.wikipedia.org/wiki/Baku").type
PublisherType.ENCYCLOPEDIA
>>> publisher_of("https://en.wikipedia.org/wiki/Baku?oldid=1").type
PublisherType.OLD_REVISION

``python -m caspian._provenance --fix`` rewrites every source's kind in the data files to the
rule's answer and prints what changed; ``--check`` lists the cited hosts missing from the
registry and the cited hosts of a denied type.
"""

from __future__ import annotations

import functools
import json
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attr

from caspian._construct import package_bytes
from caspian._kind import _Vocabulary
from caspian._values import SourceKind

__all__ = [
    "DENIED_TYPES",
    "Publisher",
    "PublisherType",
    "Subject",
    "kind_for",
    "normalise_host",
    "publisher_of",
    "registry",
]

#: The registry's file in ``caspian/data``.
REGISTRY_FILE = "publishers.json"


class PublisherType(_Vocabulary):
    """What a publisher is.

    >>> PublisherType("legal-database")
    PublisherType.LEGAL_DATABASE
    """

    #: A state's government: its president, ministries, embassies, official legal portals.
    GOVERNMENT = "government"
    #: A state's legislature.
    LEGISLATURE = "legislature"
    #: An intergovernmental body or a convention's secretariat (and the UN's agencies).
    INTERGOVERNMENTAL = "intergovernmental"
    #: A company that operates or owns pipelines or fields.
    OPERATOR = "operator"
    #: A statistical or geological agency, or a similar public body that makes estimates.
    AGENCY = "agency"
    #: A news agency, newspaper, broadcaster or trade journal.
    NEWS = "news"
    #: Scholarship: journals, books, universities, think tanks, archives, scholarly editions.
    SCHOLARSHIP = "scholarship"
    #: A database of legal texts that is not the publishing state's own.
    LEGAL_DATABASE = "legal-database"
    #: An encyclopedia (English Wikipedia, Britannica) or a Wikimedia library.
    ENCYCLOPEDIA = "encyclopedia"
    #: A gazetteer (GeoNames).
    GAZETTEER = "gazetteer"
    #: A code list or locale data (ISO 3166, CLDR, pycountry, the COW and G-W lists).
    REFERENCE_DATA = "reference-data"
    #: Denied: a copy of other sites' pages (including unofficial copies of datasets).
    MIRROR = "mirror"
    #: Denied: pages made by scraping or crawling (crawler path loops, scraped news).
    SCRAPER = "scraper"
    #: Denied: a site that reprints press releases or others' articles for traffic.
    REPRINT_FARM = "reprint-farm"
    #: Denied: a mirror of leaked documents.
    LEAK_MIRROR = "leak-mirror"
    #: Denied: a document-sharing site (uploads by anyone).
    DOCUMENT_SHARING = "document-sharing"
    #: Denied: a machine translation of another page.
    MACHINE_TRANSLATION = "machine-translation"
    #: Denied: a Wikipedia in another language than English, or the "simple" English one (and
    #: Russian Wikinews, which issue 17 names with them).
    NON_ENGLISH_WIKIPEDIA = "non-english-wikipedia"
    #: Denied: the OpenStreetMap wiki.
    OSM_WIKI = "osm-wiki"
    #: Denied: an old revision of a wiki page (``oldid=``) or a link made by a Wikipedia reader.
    OLD_REVISION = "old-revision"


#: The types whose pages must never be cited.
DENIED_TYPES = frozenset(
    {
        PublisherType.MIRROR,
        PublisherType.SCRAPER,
        PublisherType.REPRINT_FARM,
        PublisherType.LEAK_MIRROR,
        PublisherType.DOCUMENT_SHARING,
        PublisherType.MACHINE_TRANSLATION,
        PublisherType.NON_ENGLISH_WIKIPEDIA,
        PublisherType.OSM_WIKI,
        PublisherType.OLD_REVISION,
    }
)
_TERTIARY_TYPES = frozenset(
    {
        PublisherType.ENCYCLOPEDIA,
        PublisherType.GAZETTEER,
        PublisherType.REFERENCE_DATA,
        PublisherType.NON_ENGLISH_WIKIPEDIA,
        PublisherType.OSM_WIKI,
        PublisherType.OLD_REVISION,
    }
)
#: Host labels that name a variant of the same site (dropped by :func:`normalise_host`).
VARIANT_LABELS = frozenset({"www", "m", "amp", "mobile"})


@attr.frozen(kw_only=True)
class Publisher:
    """One entry of the registry: a publisher and the addresses it publishes on.

    >>> p = Publisher(host="cpc.ru", publisher="Caspian Pipeline Consortium",
    ...               type=PublisherType.OPERATOR, official=False,
    ...               assets=("caspian-pipeline-consortium",))
    >>> p.denied
    False
    """

    #: The host, normalised (``kremlin.ru``), or host and path prefix for a shared host
    #: (``github.com/pycountry/pycountry``); it covers subdomains and the pages below the path.
    host: str
    #: A query parameter the address must carry for this entry to apply (``oldid``).
    query: str | None = None
    #: The publisher's name.
    publisher: str
    #: What the publisher is.
    type: PublisherType
    #: Whether it is an official body (a state's or an intergovernmental organisation's own).
    official: bool
    #: The id of the state a government or legislature belongs to.
    state: str | None = None
    #: The ids of the pipelines it operates or owns.
    assets: tuple[str, ...] = ()
    #: The estimators (as ``reserves.json`` names them) whose estimates are its own.
    estimates: tuple[str, ...] = ()
    #: The ids of the agreements and meetings it is the secretariat of.
    agreements: tuple[str, ...] = ()
    #: The record fields whose codes it maintains (``iso_alpha2``, ``cow_code``).
    codes: tuple[str, ...] = ()
    #: Why it is classified so, where that needs saying.
    note: str | None = None

    @property
    def denied(self) -> bool:
        """Whether pages of this publisher must never be cited."""
        return self.type in DENIED_TYPES


@attr.frozen(kw_only=True)
class Subject:
    """What a record is about, as far as the rule needs to know.

    >>> Subject(ids=frozenset({"tehran-convention"})).estimator is None
    True
    """

    #: The record's id and the agreement it belongs to (for articles and ratifications).
    ids: frozenset[str] = frozenset()
    #: The states whose own act the record describes, with the states they continue.
    states: frozenset[str] = frozenset()
    #: A reserve record's estimator.
    estimator: str | None = None


def normalise_host(host: str) -> str:
    """``host`` in lower case, without a port, a trailing dot or variant labels (``www``,
    ``m``, ``amp``, ``mobile``) in front of the registrable name.

    >>> normalise_host("WWW.BP.com:443"), normalise_host("nn.m.wikipedia.org")
    ('bp.com', 'nn.wikipedia.org')
    >>> normalise_host("m.lenta.ru"), normalise_host("ww-w.yugsn.ru")
    ('lenta.ru', 'ww-w.yugsn.ru')
    """
    labels = host.lower().rstrip(".").rpartition("@")[2].split(":")[0].split(".")
    last = len(labels) - 2
    return ".".join(x for i, x in enumerate(labels) if i >= last or x not in VARIANT_LABELS)


def address_key(url: str) -> tuple[str, str, frozenset[str]]:
    """The normalised host, the lower-case path and the query's parameter names of ``url``.

    >>> address_key("https://www.GitHub.com/PyCountry/pycountry/blob/x?a=1")
    ('github.com', '/pycountry/pycountry/blob/x', frozenset({'a'}))
    """
    parts = urlsplit(url.strip())
    query = frozenset(parse_qs(parts.query, keep_blank_values=True))
    return normalise_host(parts.hostname or ""), parts.path.lower(), query


def _covers(entry: Publisher, host: str, path: str, query: frozenset[str]) -> bool:
    entry_host, _, prefix = entry.host.partition("/")
    if host != entry_host and not host.endswith("." + entry_host):
        return False
    if prefix:
        prefix = "/" + prefix.rstrip("/")
        if path != prefix and not path.startswith(prefix + "/"):
            return False
    return entry.query is None or entry.query in query


@functools.lru_cache(maxsize=1)
def registry() -> tuple[Publisher, ...]:
    """The packaged registry, read through the package's loader (once).

    >>> len(registry()) > 300
    True
    """
    return parse_registry(package_bytes(REGISTRY_FILE))


def parse_registry(data: bytes | str) -> tuple[Publisher, ...]:
    """Publishers from the registry file's text."""
    entries = []
    for item in json.loads(data):
        values = dict(item)
        values["type"] = PublisherType(values["type"])
        for name in ("assets", "estimates", "agreements", "codes"):
            values[name] = tuple(values.get(name, ()))
        entries.append(Publisher(**values))
    return tuple(entries)


@functools.lru_cache(maxsize=1)
def _by_host() -> dict[str, tuple[Publisher, ...]]:
    found: dict[str, list[Publisher]] = {}
    for entry in registry():
        found.setdefault(entry.host.partition("/")[0], []).append(entry)
    return {host: tuple(entries) for host, entries in found.items()}


def publisher_of(url: str, entries: tuple[Publisher, ...] | None = None) -> Publisher | None:
    """The registry entry that covers ``url`` (the longest match), or ``None``.

    >>> publisher_of("https://github.com/unicode-org/cldr-json/blob/x/fa.json").publisher
    'Unicode Consortium, Common Locale Data Repository (CLDR)'
    >>> publisher_of("https://example.invalid/") is None
    True
    """
    host, path, query = address_key(url)
    if entries is None:
        index = _by_host()
        labels = host.split(".")
        candidates = [e for i in range(len(labels)) for e in index.get(".".join(labels[i:]), ())]
    else:
        candidates = list(entries)
    matches = [e for e in candidates if _covers(e, host, path, query)]
    if not matches:
        return None
    return max(matches, key=lambda e: (e.query is not None, len(e.host)))


def kind_for(publisher: Publisher, subject: Subject, supports: tuple[str, ...] = ()) -> SourceKind:
    """The kind of a page by ``publisher`` cited by a record about ``subject`` for the fields
    ``supports`` (the rule stated in this module's docstring and in the docs).

    >>> bp = Publisher(host="bp.com", publisher="bp", type=PublisherType.OPERATOR,
    ...                official=False, assets=("baku-tbilisi-ceyhan",))
    >>> kind_for(bp, Subject(ids=frozenset({"baku-tbilisi-ceyhan"}))).value
    'primary'
    >>> kind_for(bp, Subject(ids=frozenset({"tap"}))).value
    'secondary'
    """
    kind = publisher.type
    if kind in DENIED_TYPES:
        return SourceKind.TERTIARY if kind in _TERTIARY_TYPES else SourceKind.SECONDARY
    if set(supports) & set(publisher.codes):
        return SourceKind.PRIMARY
    if publisher.state is not None and publisher.state in subject.states:
        return SourceKind.PRIMARY
    if subject.ids & {*publisher.agreements, *publisher.assets}:
        return SourceKind.PRIMARY
    if subject.estimator is not None and subject.estimator in publisher.estimates:
        return SourceKind.PRIMARY
    return SourceKind.TERTIARY if kind in _TERTIARY_TYPES else SourceKind.SECONDARY


# -- the data files ----------------------------------------------------------------------------


def _continued(states: Mapping[str, Any], ids: list[str]) -> frozenset[str]:
    """``ids`` with every state that continues them (following ``successor``)."""
    found: set[str] = set()
    for first in ids:
        state: str | None = first
        while state and state not in found:
            found.add(state)
            state = (states.get(state) or {}).get("successor")
    return frozenset(found)


def subjects(data: Mapping[str, list[dict[str, Any]]]) -> dict[tuple[str, str], Subject]:
    """What each record of the raw data files (by file name) is about, by (file, id)."""
    states = {s["id"]: s for s in data.get("states.json", [])}
    agreements = {a["id"]: a for a in data.get("agreements.json", [])}
    found: dict[tuple[str, str], Subject] = {}
    for name, items in data.items():
        for item in items:
            ids = [item["id"]]
            parties: list[str] = []
            if name == "agreements.json":
                parties = list(item.get("parties", []))
            elif name in ("articles.json", "ratifications.json"):
                ids.append(item["agreement"])
                parties = (
                    [item["state"]]
                    if name == "ratifications.json"
                    else list(agreements.get(item["agreement"], {}).get("parties", []))
                )
            elif name in ("meetings.json", "summits.json"):
                parties = [*item.get("participants", []), *filter(None, [item.get("host")])]
            elif name == "states.json":
                parties = [item["id"]]
            found[name, item["id"]] = Subject(
                ids=frozenset(ids),
                states=_continued(states, parties),
                estimator=item.get("estimator") if name == "reserves.json" else None,
            )
    return found


def cited(item: Any) -> Iterator[dict[str, Any]]:
    """Every source object anywhere inside a raw record (its own and its alternatives')."""
    if isinstance(item, dict):
        if isinstance(item.get("url"), str) and "kind" in item:
            yield item
        for value in item.values():
            yield from cited(value)
    elif isinstance(item, list):
        for value in item:
            yield from cited(value)


def read_folder(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """The raw data files of ``folder`` (every ``*.json`` but the registry), by name."""
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.json"))
        if path.name != REGISTRY_FILE
    }


def relabel(
    data: Mapping[str, list[dict[str, Any]]],
) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Set every source's kind in ``data`` (in place) to the rule's answer.

    Returns the changes made (one line each) and the (file, record id, address) of every
    source that no registry entry covers (those keep their kind).
    """
    about = subjects(data)
    changes: list[str] = []
    missing: list[tuple[str, str, str]] = []
    for name, items in data.items():
        for item in items:
            for source in cited(item):
                entry = publisher_of(source["url"])
                if entry is None:
                    missing.append((name, item["id"], source["url"]))
                    continue
                kind = kind_for(entry, about[name, item["id"]], tuple(source.get("supports", ())))
                if source["kind"] != kind.value:
                    changes.append(
                        f"{name} {item['id']}: {source['kind']} -> {kind.value}  {source['url']}"
                    )
                    source["kind"] = kind.value
    return changes, missing


def render(items: list[dict[str, Any]]) -> str:
    """A data file's exact text (the format every data file keeps)."""
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``--fix [FOLDER]``: relabel the data files' sources; ``--check [FOLDER]``: list the
    cited hosts missing from the registry or of a denied type. FOLDER defaults to
    ``src/caspian/data`` (run from the repository's root)."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in ("--fix", "--check"):
        print("usage: python -m caspian._provenance --fix|--check [FOLDER]", file=sys.stderr)
        return 2
    folder = Path(args[1] if len(args) > 1 else "src/caspian/data")
    data = read_folder(folder)
    before = {name: render(items) for name, items in data.items()}
    changes, missing = relabel(data)
    if args[0] == "--check":
        hosts = Counter(address_key(url)[0] for _, _, url in missing)
        for host, count in sorted(hosts.items()):
            print(f"missing from the registry: {host} ({count} sources)")
        denied = Counter(
            f"{entry.host} ({entry.type.value})"
            for items in data.values()
            for item in items
            for source in cited(item)
            if (entry := publisher_of(source["url"])) is not None and entry.denied
        )
        for host, count in sorted(denied.items()):
            print(f"denied host cited: {host}: {count} sources")
        print(f"{len(hosts)} hosts missing, {len(denied)} denied hosts cited")
        return 1 if hosts or denied else 0
    for line in changes:
        print(line)
    for name, record, url in missing:
        print(f"not in the registry (kind left as it was): {name} {record}: {url}")
    for name, items in data.items():
        text = render(items)
        if text != before[name]:
            (folder / name).write_text(text, encoding="utf-8")
    moves = Counter(line.split(": ", 1)[1].split("  ")[0] for line in changes)
    summary = ", ".join(f"{move}: {n}" for move, n in sorted(moves.items()))
    print(f"{len(changes)} labels changed" + (f" ({summary})" if summary else ""))
    return 1 if missing else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
