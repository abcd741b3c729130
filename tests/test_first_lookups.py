"""The first lookups of the packaged data build only the record a key names, and answer
exactly as the full key index answers (FirstIndex)."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

import caspian
from caspian import Dataset
from caspian._construct import package_bytes, parse
from caspian._first import FirstIndex, Packaged, raw_keys
from caspian._index import Index, keys_of
from caspian._keys import key_index, normalize
from caspian.dataset import _FIRST_KEYS, _packaged_objects, _read_packaged
from caspian.errors import AmbiguousKeyError, NotFoundError
from caspian.model import KINDS, State, family

LOOKED_UP = [k for k in KINDS if k.KIND.keys]


def fresh() -> Dataset:
    """A new dataset of the packaged files, nothing read yet (as in a new interpreter)."""
    return Dataset._new("packaged", read=_read_packaged)


def every_key(kind: type[Any]) -> list[str]:
    """Every id and key as written of the packaged records of ``kind``, and some variants."""
    found = []
    for record in Dataset.packaged().records(kind):
        for key in [record.id, *keys_of(record, kind)]:
            found += [key, key.upper(), key.lower(), f" {key}. ", key.replace(" ", "-")]
    return list(dict.fromkeys(found))


def outcome(call: Any, *arguments: Any) -> tuple[str, Any]:
    """What a call gives: its record's kind and id, or its error's kind and message."""
    try:
        record = call(*arguments)
    except (NotFoundError, AmbiguousKeyError) as error:
        return type(error).__name__, str(error)
    return type(record).__name__, record.id


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_the_keys_of_a_parsed_object_are_those_of_its_record(kind: type[Any]) -> None:
    """raw_keys reads from the JSON object the keys keys_of reads from the record it builds,
    for the keys of the kind itself and those of each wider kind (a summit's meeting keys)."""
    records = Dataset.packaged()._own_records(kind)
    for wider in [k for k in KINDS if kind in family(k)]:
        keys = [raw_keys(item, wider) for item in _packaged_objects(kind).items()]
        assert keys == [keys_of(record, wider) for record in records]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_the_parts_of_a_packaged_file_read_as_the_whole_file(kind: type[Any]) -> None:
    """Each object, and its fields before its sources, read as parse() reads the file; so
    does a file laid out otherwise."""
    objects = _packaged_objects(kind)
    whole = parse(package_bytes(kind.KIND.file))
    assert objects._bodies is not None and len(objects) == len(whole)
    assert [objects.item(i) for i in range(len(objects))] == whole == objects.items()
    for head, item in zip(objects.heads(), whole, strict=True):
        assert head == {name: item[name] for name in head}
        assert "sources" not in head and {"id", *head} <= set(item)
        for wider in [k for k in KINDS if kind in family(k)]:
            assert raw_keys(head, wider) == raw_keys(item, wider)
    other = Packaged(json.dumps(whole).encode())
    assert other._bodies is None and other.heads() == whole == other.items()
    assert [other.item(i) for i in range(len(other))] == whole


@pytest.mark.parametrize("kind", LOOKED_UP, ids=lambda k: k.__name__)
def test_each_folded_form_names_the_records_the_full_index_names(kind: type[Any]) -> None:
    """The proof that FirstIndex answers as Index: in the packaged data, each form that the
    ids and keys of ASCII text fold to names the same records as in the full index, where
    keys of every script are folded; and FirstIndex names them, folding only some keys."""
    records = Dataset.packaged().records(kind)
    full = Index(records, kind)
    plain = [(r.id, "", [k for k in keys_of(r, kind) if k.casefold().isascii()]) for r in records]
    ascii_only = key_index(plain, None, kind.KIND.optional_words)
    first = fresh()._first_index(kind)
    assert isinstance(first, FirstIndex)
    for form, ids in ascii_only.items():
        assert set(ids) == set(full.folded[form]), form
        assert set(first.names(form)) == set(ids), form
        for missing in (form + "x", "x" + form, form + " x"):
            assert set(first.names(missing)) == set(ascii_only.get(missing, ())), missing


@pytest.mark.parametrize("kind", LOOKED_UP, ids=lambda k: k.__name__)
def test_every_key_gives_what_the_full_index_gives(kind: type[Any]) -> None:
    """Every key (ids, keys as written, other cases and punctuation) gives, as a first lookup
    of a new dataset, the record or the error that the full index gives."""
    packaged = Dataset.packaged()
    full = Index(packaged.records(kind), kind)
    first, quick = fresh(), fresh()._first_index(kind)
    assert isinstance(quick, FirstIndex)
    answered = 0
    for key in every_key(kind):
        expected = outcome(full.find, key, kind)
        found = quick.find(key)
        if found is not None:
            answered += 1
            assert (type(found).__name__, found.id) == expected, key
        assert outcome(first.lookup, kind, key) == outcome(packaged.lookup, kind, key)
    assert answered > len(every_key(kind)) // 2  # most keys answer without the full index


def test_the_record_of_a_first_lookup_is_the_one_every_path_gives() -> None:
    """The record built for a first lookup is the same object that the other keys, the
    queries and the full index give later."""
    data = fresh()
    iran = data.state("IR")
    assert data._own.get(State) is None  # only one record built
    assert iran is data.state("iran") is data.state("Persia") is data.state("IRN")
    assert iran in data.states() and iran is data.records(State)[data.records(State).index(iran)]
    assert iran is data.state("Иран")  # answered by the full index
    assert isinstance(data._indexes[State], Index)
    assert iran == caspian.state("IR") and iran.dataset is data
    assert [m.id for m in iran.meetings()] == [m.id for m in caspian.state("IR").meetings()]


def test_keys_answer_the_same_after_the_full_index_replaces_the_first() -> None:
    """A miss makes the full index; what the first index answered stays the same object."""
    data = fresh()
    russia = data.state("RU")
    with pytest.raises(NotFoundError) as missed:
        data.state("Rusia")
    with pytest.raises(NotFoundError) as expected:
        caspian.state("Rusia")
    assert str(missed.value) == str(expected.value)
    assert data.state("RU") is russia is data.state("Россия")


def test_a_summit_key_of_a_meeting_lookup_builds_only_that_summit() -> None:
    """A kind whose records come from several files (meetings and summits) builds one."""
    data = fresh()
    summit = data.meeting("caspian-summit-2018")
    assert type(summit).__name__ == "Summit"
    assert summit is data.summit("caspian-summit-2018")
    assert summit is data.meetings()[list(data.meetings()).index(summit)]


def test_racing_first_lookups_build_one_record(race: Callable[..., list[Any]]) -> None:
    """Threads that look up at once in a new dataset get the same record."""
    data = fresh()
    keys = iter(["KZ", "kazakhstan"] * 4)
    seen = race(lambda: data.state(next(keys)))
    assert len(seen) == 8 and all(s is seen[0] for s in seen)
    assert seen[0] is data.records(State)[list(data.records(State)).index(seen[0])]


def test_a_user_dataset_answers_from_its_own_records(records: dict[str, Any], write: Any) -> None:
    """A dataset from files is built when loaded and looked up through the full index."""
    records["states.json"][0]["iso_alpha2"] = "QQ"
    data = caspian.Dataset.from_directory(write(records))
    found = data.state("QQ")
    assert found.id == records["states.json"][0]["id"] and found.dataset is data
    assert isinstance(data._indexes[State], Index)
    assert normalize(found.iso_alpha2 or "") == "qq"


def test_a_first_lookup_pickles_as_the_packaged_record() -> None:
    """In a new interpreter, the record of a first lookup pickles to itself and is the one
    the queries give."""
    code = (
        "import caspian, pickle, copy; r = caspian.state('IR'); "
        "assert pickle.loads(pickle.dumps(r)) is r is copy.deepcopy(r); "
        "assert r in caspian.states() and r is caspian.state('Persia'); print('ok')"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert ran.stdout.strip() == "ok", ran.stderr


def test_a_first_lookup_of_a_record_or_a_wrong_type_behaves_as_before() -> None:
    """A record as the key gives that record; a key of another type is refused."""
    data = fresh()
    assert data.state(caspian.state("TM")).id == "turkmenistan"
    with pytest.raises(caspian.ArgumentTypeError):
        fresh().state(42)  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(caspian.state("AZ"))) is caspian.state("AZ")


def test_the_full_index_takes_over_after_a_few_keys() -> None:
    """Keys that are not written so in the data make the full index after a few lookups,
    and every key keeps its answer."""
    data = fresh()
    kazakhstan = data.state("KAZAKHSTAN")
    assert not data._indexes[State].full
    for _ in range(_FIRST_KEYS):
        assert data.state("KAZAKHSTAN") is kazakhstan
    assert isinstance(data._indexes[State], Index)
    assert data.state("kz") is kazakhstan is data.state("Kazakhstan")
