"""Loading: laziness, thread safety, user directories, and every kind of invalid data."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import caspian
from caspian import DataError, Problem
from caspian.model import KINDS


def run_python(code: str) -> str:
    """Run ``code`` in a fresh interpreter and return what it printed."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_import_reads_no_data_and_skips_cattrs() -> None:
    """``import caspian`` imports neither attrs nor the record classes, and loads no data."""
    out = run_python(
        "import sys\n"
        "import caspian\n"
        "print(sorted(m for m in ('cattrs', 'attrs', 'caspian._load', 'caspian.model', "
        "'caspian.dataset') if m in sys.modules))\n"
        "caspian.State\n"
        "print('cattrs' in sys.modules, 'caspian.dataset' in sys.modules)"
    )
    assert out == "[]\nFalse False"


def test_a_query_reads_only_the_files_it_needs() -> None:
    """summits() reads summits.json alone; meetings() adds meetings.json; each file once."""
    out = run_python(
        "import caspian, caspian.dataset as d\n"
        "read = []\n"
        "real = d._read_packaged\n"
        "d._read_packaged = lambda kind: (read.append(kind.KIND.file), real(kind))[1]\n"
        "caspian.summits(after=2007); print(read)\n"
        "caspian.meetings(); caspian.summits(); print(read)"
    )
    assert out == "[]\n[]" or out.splitlines() == [
        "['summits.json']",
        "['summits.json', 'meetings.json']",
    ]


def test_first_query_loads_once_and_caches() -> None:
    """The first query loads the packaged data; later queries reuse the same objects."""
    out = run_python(
        "import caspian\n"
        "a = caspian.summits()\n"
        "b = caspian.summits()\n"
        "print(a[0] is b[0], caspian.Dataset.packaged() is caspian.Dataset.packaged())"
    )
    assert out == "True True"


def test_concurrent_first_queries_load_once() -> None:
    """Many threads making the first query at once load the data once and share it."""
    out = run_python(
        "import threading, caspian, caspian.dataset as d\n"
        "calls = []\n"
        "real = d._read_packaged\n"
        "def counting(kind):\n"
        "    calls.append(kind)\n"
        "    return real(kind)\n"
        "d._read_packaged = counting\n"
        "barrier = threading.Barrier(16)\n"
        "seen = []\n"
        "def work():\n"
        "    barrier.wait()\n"
        "    seen.append(caspian.meetings()[0])\n"
        "threads = [threading.Thread(target=work) for _ in range(16)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(len(calls), len(seen), len({id(s) for s in seen}))"
    )
    assert out == "2 16 1"


def test_minimal_directory_loads(mini: caspian.Dataset) -> None:
    """A directory of valid files loads, with the links between records working."""
    treaty = mini.agreement("alpha-treaty")
    assert mini.summit("alpha-summit-2001").signed_agreements() == (treaty,)
    assert [m.id for m in mini.meetings()] == ["fm-meeting-2000-beta", "alpha-summit-2001"]
    assert mini.meeting("Beta, 2000").host_state() is mini.state("beta")
    assert [a.number for a in treaty.articles()] == [1]
    assert [r.state for r in treaty.ratifications()] == ["beta"]
    assert mini is treaty.articles()[0].dataset


def test_missing_files_count_as_empty(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """A directory with only some files loads; the other kinds are empty."""
    folder = write({"states.json": records["states.json"]})
    data = caspian.Dataset.from_directory(folder)
    assert data.summits() == ()
    assert len(data.states(as_of=2000)) == 2


def test_not_a_directory(tmp_path: Path) -> None:
    """Loading from a path that is not a directory says so."""
    with pytest.raises(FileNotFoundError, match="no such directory"):
        caspian.Dataset.from_directory(tmp_path / "nowhere")


def test_extend_packaged(write: Callable[[dict[str, Any]], Path], data: caspian.Dataset) -> None:
    """Records in a directory are added to a base dataset, whose own records stay untouched."""
    source = {
        "url": "https://example.org/x",
        "title": "X",
        "kind": "secondary",
        "supports": ["city"],
    }
    meeting = {
        "id": "fm-meeting-2031-aktau",
        "name": "Foreign ministers, Aktau 2031",
        "kind": "ministerial",
        "status": "planned",
        "city": {"name": "Aktau", "state": "kazakhstan"},
        "host": "kazakhstan",
        "notes": "An invented meeting for the test.",
        "sources": [source],
    }
    extended = caspian.Dataset.from_directory(write({"meetings.json": [meeting]}), base=data)
    assert len(data.meetings()) + 1 == len(extended.meetings())
    assert extended.meetings(status="planned")[-1].id == "fm-meeting-2031-aktau"
    assert extended.summits() == data.summits()
    assert data is data.summit("caspian-summit-2018").dataset
    assert extended is extended.summit("caspian-summit-2018").dataset


def test_duplicate_id_with_base_is_an_error(
    write: Callable[[dict[str, Any]], Path], data: caspian.Dataset
) -> None:
    """Adding a record whose id the base already has is a DataError naming the id."""
    iran = {
        "id": "iran",
        "name": "Iran",
        "official_name": "Iran",
        "littoral": True,
        "sources": [{"url": "https://example.org", "title": "x", "kind": "primary"}],
    }
    with pytest.raises(DataError) as info:
        caspian.Dataset.from_directory(write({"states.json": [iran]}), base=data)
    assert Problem("states.json", "iran", "id", "is used by another record") in info.value.problems


def test_dataset_cannot_be_constructed_directly() -> None:
    """``Dataset()`` points to the two ways of getting one."""
    with pytest.raises(TypeError, match=r"Dataset\.packaged\(\)"):
        caspian.Dataset()


# -- invalid data: every problem is reported, with file, record and path -------------------


def load_problems(write: Callable[[dict[str, Any]], Path], records: dict[str, Any]) -> list[str]:
    with pytest.raises(DataError) as info:
        caspian.Dataset.from_directory(write(records))
    return [str(p) for p in info.value.problems]


def test_invalid_json(write: Callable[[dict[str, Any]], Path], records: dict[str, Any]) -> None:
    """Malformed JSON names the file, line and column."""
    records["summits.json"] = '[{"id": "x",]'
    assert load_problems(write, records) == [
        "summits.json: is not valid JSON: Expecting property name enclosed in double quotes (line 1, column 13)"
    ]


def test_not_utf8(write: Callable[[dict[str, Any]], Path], records: dict[str, Any]) -> None:
    """A file that is not UTF-8 is reported as such."""
    records["states.json"] = b'[{"id": "\xff"}]'
    assert load_problems(write, records) == ["states.json: is not UTF-8 (byte 9)"]


def test_top_level_must_be_array(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """A file must hold an array of records."""
    records["pipelines.json"] = {"id": "x"}
    assert load_problems(write, records) == [
        "pipelines.json: must hold a JSON array of records, not dict"
    ]


def test_structure_problems_are_all_listed(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """Wrong types, missing and unknown fields are each reported with their path."""
    summit = records["summits.json"][0]
    summit["start"] = "1 May 2001"
    summit["ordinal"] = "1"
    summit["colour"] = "blue"
    del records["states.json"][1]["official_name"]
    problems = load_problems(write, records)
    assert "states.json: beta: official_name: required field missing" in problems
    assert (
        "summits.json: alpha-summit-2001: start: expected a date as 'YYYY-MM-DD', got '1 May 2001'"
        in problems
    )
    assert any(p.startswith("summits.json: alpha-summit-2001: ordinal:") for p in problems)
    assert any("colour" in p for p in problems)


def test_bool_is_not_coerced(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """A string where true/false is expected is an error, not silently truthy."""
    records["states.json"][0]["littoral"] = "yes"
    problems = load_problems(write, records)
    assert len(problems) == 1
    assert problems[0].startswith("states.json: alpha: littoral:")


def test_links_from_other_files_are_not_fields(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """An agreement's articles come from articles.json: a key for them is an unknown field."""
    records["agreements.json"][0]["articles"] = []
    (problem,) = load_problems(write, records)
    assert problem.startswith("agreements.json: alpha-treaty: unknown field 'articles'")


def test_a_summit_belongs_in_summits_json(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """A meeting of kind 'summit' in meetings.json is refused: summits have ordinals."""
    records["meetings.json"][0]["kind"] = "summit"
    assert load_problems(write, records) == [
        "meetings.json: fm-meeting-2000-beta: kind: a summit of heads of state belongs in "
        "summits.json, with its ordinal"
    ]


def test_ids_are_unique_across_meetings_and_summits(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """A meeting may not take a summit's id: meeting() finds both."""
    records["meetings.json"][0]["id"] = "alpha-summit-2001"
    (problem,) = load_problems(write, records)
    assert problem.endswith("alpha-summit-2001: id: is used by another record")


def test_integrity_problems_are_all_listed(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """Broken references, unordered dates and missing sources are all reported at once."""
    records["summits.json"][0]["host"] = "gamma"
    records["summits.json"][0]["end"] = "2001-04-30"
    records["agreements.json"][0]["sources"] = []
    records["articles.json"][0]["agreement"] = "nothing"
    records["articles.json"][0]["id"] = "nothing-art-1"
    problems = load_problems(write, records)
    assert "summits.json: alpha-summit-2001: host: names no state: 'gamma'" in problems
    assert "summits.json: alpha-summit-2001: end: is before start" in problems
    assert "agreements.json: alpha-treaty: sources: must list at least one source" in problems
    assert "articles.json: nothing-art-1: agreement: names no agreement: 'nothing'" in problems


def test_state_must_exist_when_it_signs(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """A party must have existed in the year it signed."""
    records["states.json"][0]["from_year"] = 2005
    problems = load_problems(write, records)
    assert "agreements.json: alpha-treaty: parties[0]: 'alpha' did not exist in 2001" in problems


def test_ratifying_state_must_be_a_party(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """Only a party can ratify."""
    records["agreements.json"][0]["parties"] = ["alpha"]
    problems = load_problems(write, records)
    assert (
        "ratifications.json: alpha-treaty--beta: state: is not a party to alpha-treaty" in problems
    )


def test_data_error_is_a_value_error(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """DataError can be caught as ValueError and as CaspianError."""
    records["states.json"] = "{"
    with pytest.raises(ValueError, match="1 problem in the data"):
        caspian.Dataset.from_directory(write(records))


def test_packaged_json_is_readable_as_plain_json() -> None:
    """The packaged files are plain JSON arrays readable without the library."""
    from importlib.resources import files

    for kind in KINDS:
        name = kind.KIND.file
        items = json.loads((files("caspian") / "data" / name).read_text(encoding="utf-8"))
        assert isinstance(items, list)
        assert items, name


def test_a_record_needs_more_than_an_encyclopedia(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """A record whose only sources are tertiary is refused."""
    records["pipelines.json"][0]["sources"] = [
        {
            "url": "https://en.wikipedia.org/wiki/X",
            "title": "X",
            "kind": "tertiary",
            "supports": ["length_km", "route"],
        }
    ]
    assert load_problems(write, records) == [
        "pipelines.json: alpha-beta-line: sources: needs a primary or secondary source, not "
        "only an encyclopedia"
    ]


def test_supports_name_fields_of_the_record(
    write: Callable[[dict[str, Any]], Path], records: dict[str, Any]
) -> None:
    """A source's supports list names fields of its record; sources_for() finds them."""
    source = {"url": "https://example.org/x", "title": "X", "kind": "primary"}
    records["summits.json"][0]["sources"] = [
        {**source, "supports": ["start", "city", "city.coordinates", "participants"]},
        {**source, "supports": ["colour"]},
    ]
    assert load_problems(write, records) == [
        "summits.json: alpha-summit-2001: sources[1].supports: names no field: 'colour'"
    ]
    records["summits.json"][0]["sources"].pop()
    summit = caspian.Dataset.from_directory(write(records)).summit("alpha-summit-2001")
    assert [s.url for s in summit.sources_for("start")] == ["https://example.org/x"]
    assert summit.sources_for("host") == ()
    with pytest.raises(caspian.ArgumentTypeError, match="'colour' is not a field of Summit"):
        summit.sources_for("colour")
