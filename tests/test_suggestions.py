"""Close-match suggestions for a missed key: from an index of letter pairs, made once per index,
agreeing with difflib over every key on typos, and the same at any size of data."""

from __future__ import annotations

import difflib

import pytest

import caspian
from caspian._index import Index
from caspian._keys import Suggestions, normalize
from caspian.model import KINDS

LOOKED_UP = [kind for kind in KINDS if kind.KIND.keys]


def every_label(key: str, labels: dict[str, tuple[str, str]]) -> list[tuple[str, str]]:
    """The suggestions of 0.2: difflib over every key, then keys holding the missed key."""
    wanted = normalize(key)
    found: list[tuple[str, str]] = []
    for match in difflib.get_close_matches(wanted, list(labels), n=9, cutoff=0.6):
        if labels[match] not in found:
            found.append(labels[match])
    found = found[:3]
    if not found and len(wanted) >= 3:
        found = list(dict.fromkeys(p for n, p in labels.items() if wanted in n))[:3]
    return found


def typos(key: str) -> list[str]:
    """A key with its last letter dropped, a middle letter dropped, and one replaced."""
    middle = len(key) // 2
    return [key[:-1], key[:middle] + key[middle + 1 :], key[:middle] + "x" + key[middle + 1 :]]


@pytest.mark.parametrize("kind", LOOKED_UP, ids=lambda k: k.__name__)
def test_a_typo_is_suggested_what_difflib_over_every_key_suggests_first(
    kind: type[caspian.Record], data: caspian.Dataset
) -> None:
    """For every fourth key of every packaged index, with a typo, the best suggestion of a
    difflib scan over every key is among the suggestions."""
    labels = Index(data.records(kind), kind).labels
    suggestions = Suggestions(labels)
    for norm in list(labels)[::4]:
        for key in typos(norm):
            if key in labels or len(key) < 4:
                continue
            expected = every_label(key, labels)[:1]
            assert set(expected) <= set(suggestions(key)), key


@pytest.mark.parametrize("kind", LOOKED_UP, ids=lambda k: k.__name__)
def test_a_part_of_keys_is_found_as_before(
    kind: type[caspian.Record], data: caspian.Dataset
) -> None:
    """A key that is only part of longer keys gets the same records as a scan of every key."""
    labels = Index(data.records(kind), kind).labels
    suggestions = Suggestions(labels)
    for norm in list(labels)[::3]:
        key = norm[len(norm) // 3 : len(norm) // 3 + 5]
        reference = every_label(key, labels)
        if not difflib.get_close_matches(normalize(key), list(labels), n=1, cutoff=0.6):
            assert suggestions(key) == reference, key


def test_suggestions_do_not_change_with_the_size_of_the_data() -> None:
    """A typo among a hundred copies of every key still suggests the original first."""
    labels = Index(caspian.Dataset.packaged().states(), caspian.State).labels
    grown = dict(labels)
    for copy in range(1, 100):
        grown.update(
            {f"{k} c{copy}": (f"{i}-c{copy}", f"{t} c{copy}") for k, (i, t) in labels.items()}
        )
    assert Suggestions(grown)("Kazakhstn")[0] == ("kazakhstan", "Kazakhstan")
    assert Suggestions(grown)("Azerbajan")[0] == ("azerbaijan", "Azerbaijan")


def test_the_suggestion_index_is_made_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Misses after the first reuse the index: the labels are not made again."""
    index = Index(caspian.Dataset.packaged().states(), caspian.State)
    made = []
    labels = Index.labels.fget
    assert labels is not None
    monkeypatch.setattr(Index, "labels", property(lambda self: made.append(1) or labels(self)))
    for key in ("Kazakhstn", "Utopia", "Rusia"):
        with pytest.raises(caspian.NotFoundError):
            index.find(key, caspian.State)
    assert made == [1]


def test_nothing_in_common_gives_no_suggestion() -> None:
    """A key sharing no letters with any key, or an empty one, gets no suggestion."""
    suggestions = Suggestions({"iran": ("iran", "Iran")})
    assert suggestions("qqq") == []
    assert suggestions("") == []
