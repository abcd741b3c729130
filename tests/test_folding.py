"""Key folding (issue 19, item 15): NFKC and case folding; invisible characters dropped alike;
accents dropped only where the script treats them as accents; Arabic and Persian letters one."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caspian
from caspian._keys import normalize
from strategies import INVISIBLE, fold_keys

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)


def test_indic_vowel_signs_are_letters_not_accents() -> None:
    """'भीरत गणराज्य' and 'भूरत गणराज्य' do not find India; 'भारत गणराज्य' does."""
    assert caspian.state("भारत गणराज्य").id == "india"
    for wrong in ("भीरत गणराज्य", "भूरत गणराज्य"):
        with pytest.raises(caspian.NotFoundError):
            caspian.state(wrong)
    assert normalize("भारत") != normalize("भीरत") != normalize("भूरत")


@pytest.mark.parametrize("invisible", INVISIBLE)
def test_invisible_characters_never_block_a_match(invisible: str) -> None:
    """A zero-width space, a joiner, a soft hyphen and a NUL are all dropped: 'Ir?an' is Iran."""
    assert caspian.state(f"Ir{invisible}an").id == "iran"
    assert caspian.state(f"{invisible}Iran{invisible}").id == "iran"


def test_arabic_and_persian_yeh_and_kaf_are_one_letter() -> None:
    """Iran's Persian name typed with Arabic yeh (U+064A) finds Iran; kaf likewise folds."""
    persian = "جمهوری اسلامی ایران"
    arabic = persian.replace("\u06cc", "\u064a")
    assert arabic != persian
    assert caspian.state(arabic).id == "iran"
    assert normalize("\u06a9") == normalize("\u0643")
    assert normalize("\u0649") == normalize("\u064a")


def test_compatibility_forms_and_case_fold() -> None:
    """NFKC: full-width letters and ligatures fold; case folds (ß is ss)."""
    assert normalize("ＩＲＡＮ") == "iran"
    assert normalize("ﬁnland") == "finland"
    assert normalize("STRASSE") == normalize("straße")


@SETTINGS
@given(fold_keys)
def test_folding_is_idempotent(key: str) -> None:
    """A folded key folds to itself."""
    once = normalize(key)
    assert normalize(once) == once


@SETTINGS
@given(fold_keys, st.sampled_from(INVISIBLE), st.integers(min_value=0, max_value=20))
def test_an_invisible_character_anywhere_changes_nothing(
    key: str, invisible: str, where: int
) -> None:
    """Inserting a zero-width or control character anywhere leaves the folded key as it was."""
    assert normalize(key[:where] + invisible + key[where:]) == normalize(key)


@SETTINGS
@given(fold_keys)
def test_a_folded_key_is_clean(key: str) -> None:
    """No controls, format characters, accents or outer spaces survive folding; and spacing
    marks (category Mc, such as Indic vowel signs) always do."""
    folded = normalize(key)
    assert folded == folded.strip() and "  " not in folded
    for ch in folded:
        assert unicodedata.category(ch) not in ("Cc", "Cf")
        assert not ("\u0300" <= ch <= "\u036f")
    marks = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", key))
    spacing = [ch for ch in marks if unicodedata.category(ch) == "Mc"]
    for mark in spacing:
        assert mark in unicodedata.normalize("NFD", folded), (key, folded)


@pytest.mark.parametrize("key", ["\u01fc", "\u01fe", "\u1e9e", "\u0130", "\ufb01"])
def test_letters_that_fold_in_steps_are_idempotent(key: str) -> None:
    """Ǽ folds to 'ae' at once (its accent goes before æ becomes 'ae'), and so on."""
    assert normalize(normalize(key)) == normalize(key)


def test_a_composed_spacing_mark_is_kept() -> None:
    """A Malayalam vowel sign that decomposes into two spacing marks survives folding."""
    assert normalize("\u0d15\u0d4a") != normalize("\u0d15")


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz")), min_size=1))
def test_latin_accents_fold_away(word: str) -> None:
    """An acute or a diaeresis on a Latin letter is an accent: the key folds to the bare word."""
    accented = "".join(ch + "\u0301" for ch in word)
    assert normalize(accented) == normalize(word.upper()) == word


@SETTINGS
@given(fold_keys)
def test_lookup_errors_print_whatever_the_key(key: str) -> None:
    """A lookup with any key (lone surrogates, controls, marks) answers or raises an error
    whose message prints on one line and encodes as UTF-8."""
    for lookup in (caspian.state, caspian.summit, caspian.agreement, caspian.pipeline):
        try:
            lookup(key)
        except caspian.CaspianError as error:
            message = str(error)
            message.encode("utf-8")
            assert message.isprintable(), message
