"""Key normalisation and close-match suggestions for lookups (internal)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

# Letters that Unicode does not decompose into a base letter plus marks, and letters that
# different alphabets write differently for the same sound: Arabic and Persian yeh (and alef
# maksura, written for final yeh in Egypt), Arabic and Persian kaf.
_FOLD = str.maketrans(
    {
        "ə": "e",
        "ı": "i",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "æ": "ae",
        "œ": "oe",
        "\u06cc": "\u064a",  # Persian yeh -> Arabic yeh
        "\u0649": "\u064a",  # alef maksura -> yeh
        "\u06a9": "\u0643",  # Persian keheh -> Arabic kaf
    }
)

# Combining marks that scripts treat as accents, which a key may leave out: the combining
# diacritical blocks shared by Latin, Greek and Cyrillic, Arabic vowel signs (harakat) and
# Quranic marks, Hebrew points. Other marks (an Indic vowel sign or virama) are letters'
# parts: dropping them would make different words one key.
_ACCENTS = (
    (0x0300, 0x036F),
    (0x0483, 0x0489),
    (0x0591, 0x05C7),
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE20, 0xFE2F),
)
# Default-ignorable code points that are not format characters (category Cf, dropped too):
# the combining grapheme joiner, Hangul fillers, Mongolian and other variation selectors.
_IGNORABLE = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xE0100, 0xE01EF),
)
_SEPARATORS = re.compile(r"[\W_]+")


def _within(ranges: tuple[tuple[int, int], ...], code: int) -> bool:
    return any(low <= code <= high for low, high in ranges)


def _kept(ch: str) -> str:
    """What one character of a key becomes before separators are folded: ``""`` for an
    invisible one (a zero-width space, a NUL, a soft hyphen, a variation selector), a space
    for other controls, itself otherwise."""
    category = unicodedata.category(ch)
    if category == "Cf" or _within(_IGNORABLE, ord(ch)):
        return ""
    if category == "Cc":
        return " " if ch.isspace() else ""
    return ch


def _unaccented(ch: str) -> str:
    """``""`` for a combining mark that its script treats as an accent, else the character."""
    accent = unicodedata.category(ch) == "Mn" and _within(_ACCENTS, ord(ch))
    return "" if accent else ch


def _worded(ch: str) -> str:
    """The character if it makes words (a letter, digit or mark), else a space."""
    return ch if ch.isalnum() or unicodedata.category(ch)[0] == "M" else " "


class _Table(dict[int, str]):
    """A :meth:`str.translate` table that works out each code point once, on first sight."""

    def __init__(self, rule: Callable[[str], str]) -> None:
        super().__init__()
        self.rule = rule

    def __missing__(self, code: int) -> str:
        found = self.rule(chr(code))
        if len(self) < 20_000:  # hostile keys cannot make the table grow without end
            self[code] = found
        return found


_INVISIBLE = _Table(_kept)
_ACCENTLESS = _Table(_unaccented)
_WORDS = _Table(_worded)


def normalize(key: str) -> str:
    """Fold a key for lookups: ``"Baku–Tbilisi–Ceyhan"`` -> ``"baku tbilisi ceyhan"``.

    Compatibility forms and case are folded (NFKC and case folding), invisible characters
    (zero-width spaces and joiners, NUL and other controls, variation selectors) are dropped,
    accents are dropped where the script treats them as accents (Latin, Greek, Cyrillic
    diacritics, Arabic and Hebrew vowel points) but not where a mark is part of the letter
    (Indic vowel signs), Arabic and Persian forms of yeh and kaf are one letter, and every run
    of other characters (punctuation, spaces) is one space.

    >>> normalize("  Türkmenbaşy ")
    'turkmenbasy'
    >>> normalize("Azərbaycan") == normalize("azerbaycan")
    True
    >>> normalize("Ir\\u200ban") == normalize("Ir\\x00an") == normalize("IRAN")
    True
    >>> normalize("ايران") == normalize("ایران")
    True
    >>> normalize("भारत") == normalize("भीरत")
    False
    """
    folded = key.casefold()
    if folded.isalnum() and folded.isascii():
        return folded
    if not (folded.isascii() and folded.isprintable()):
        folded = folded.translate(_INVISIBLE)
    if folded.isascii():
        return _SEPARATORS.sub(" ", folded).strip()
    folded = unicodedata.normalize("NFKC", folded).casefold()
    folded = unicodedata.normalize("NFD", folded).translate(_ACCENTLESS).translate(_FOLD)
    # NFKC can make new invisible characters; letters, digits and marks make words, and every
    # run of anything else is one space.
    folded = unicodedata.normalize("NFC", folded).translate(_INVISIBLE).translate(_WORDS)
    return " ".join(folded.split())


def suggest(
    key: str, labels: Mapping[str, tuple[str, str]], limit: int = 3
) -> list[tuple[str, str]]:
    """Close matches for ``key`` among normalised keys; ``labels`` maps a key to (id, label).

    For many keys, make a :class:`Suggestions` once and call it on every miss instead.

    >>> suggest("irn", {"iran": ("iran", "Iran"), "iraq": ("iraq", "Iraq")})
    [('iran', 'Iran')]
    """
    return Suggestions(labels)(key, limit)


#: How many keys, ranked by the letter pairs they share with a missed key, difflib then
#: compares with it.
_CANDIDATES = 12


def _pairs(text: str) -> set[str]:
    """The pairs of adjacent characters of a folded key, with a space at each end.

    >>> sorted(_pairs("iran"))
    [' i', 'an', 'ir', 'n ', 'ra']
    """
    padded = f" {text} "
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class Suggestions:
    """Close matches among many folded keys, from an index of their pairs of adjacent letters.

    A missed key is compared (with :func:`difflib.get_close_matches`, as before 0.3) only with
    the few keys that share the most letter pairs with it (by their Dice coefficient), not with
    every key; a key that is part of longer keys is found through the pairs it holds. The index
    is made once per index of keys, on its first miss, so a miss costs about the same at any
    size of data.

    >>> find = Suggestions({"iran": ("iran", "Iran"), "iraq": ("iraq", "Iraq")})
    >>> find("irn"), find("raq")
    ([('iran', 'Iran')], [('iraq', 'Iraq')])
    """

    __slots__ = ("_grams", "_keys", "_labels", "_sizes")

    def __init__(self, labels: Mapping[str, tuple[str, str]]) -> None:
        self._labels = labels
        self._keys = list(labels)
        grams: dict[str, list[int]] = {}
        sizes = []
        for number, norm in enumerate(self._keys):
            found = _pairs(norm)
            sizes.append(len(found))
            for gram in found:
                grams.setdefault(gram, []).append(number)
        self._grams = grams
        self._sizes = sizes

    def __call__(self, key: str, limit: int = 3) -> list[tuple[str, str]]:
        """Up to ``limit`` (id, label) pairs close to ``key``, best first."""
        import difflib
        import heapq
        from collections import Counter
        from itertools import chain

        wanted = normalize(key)
        wanted_grams = _pairs(wanted)
        postings = sorted((self._grams.get(g, ()) for g in wanted_grams), key=len)
        # The rarer ~two thirds of the pairs: a typo breaks at most two of them.
        postings = postings[: max(2, -(-len(postings) * 2 // 3))]
        shared = Counter(chain.from_iterable(postings))
        size, sizes = len(wanted_grams), self._sizes
        # Keys sharing under half the grams of the best are not worth ranking.
        floor = max(shared.values(), default=0) / 2
        pool = [number for number, count in shared.items() if count >= floor]
        closest = heapq.nlargest(
            _CANDIDATES, pool, key=lambda number: shared[number] / (size + sizes[number])
        )
        candidates = [self._keys[number] for number in closest]
        found: list[tuple[str, str]] = []
        for match in difflib.get_close_matches(wanted, candidates, n=limit * 3, cutoff=0.6):
            pair = self._labels[match]
            if pair not in found:
                found.append(pair)
            if len(found) == limit:
                break
        if not found and len(wanted) >= 3:
            # A key that is part of longer keys: each pair of its letters is one of theirs.
            inner = sorted(
                (self._grams.get(wanted[i : i + 2], []) for i in range(len(wanted) - 1)), key=len
            )
            holding = set(inner[0]).intersection(*inner[1:])
            for number in sorted(holding):
                pair = self._labels[self._keys[number]]
                if wanted in self._keys[number] and pair not in found:
                    found.append(pair)
                    if len(found) == limit:
                        break
        return found


def short_forms(
    key: str, words: Iterable[str] = (), fold: Callable[[str], str] = normalize
) -> list[str]:
    """The folded shorter forms of a key: without a closing ``(...)``, then without each
    optional word at its end.

    >>> short_forms("Caspian Pipeline Consortium pipeline (Tengiz–Novorossiysk)", ["pipeline"])
    ['caspian pipeline consortium pipeline', 'caspian pipeline consortium']
    >>> short_forms("Baku-Novorossiysk oil pipeline", ["pipeline", "oil"])
    ['baku novorossiysk oil', 'baku novorossiysk']
    """
    forms = []
    if key.endswith(")") and "(" in key:
        key = key[: key.rindex("(")]
        forms.append(fold(key))
    folded = fold(key)
    endings = [" " + word for word in words]
    for _ in endings:  # at most one strip per word: a hostile key cannot make this loop long
        ending = next((e for e in endings if folded.endswith(e)), None)
        if ending is None:
            break
        folded = folded[: -len(ending)]
        forms.append(folded)
    return [form for form in forms if form]


def key_index(
    entries: Iterable[tuple[str, str, Iterable[str]]],
    fold: Callable[[str], str] | None = None,
    words: Iterable[str] = (),
) -> dict[str, tuple[str, ...]]:
    """Map every normalised key to the ids of the records it names, ids first.

    ``entries`` holds ``(id, label, keys)`` for each record; ``fold`` normalises a key
    (:func:`normalize`, or a caller's cached version of it). The :func:`short_forms` of the
    keys (with the optional ``words``) come last: they name records only where no key does.

    >>> key_index([("iran", "Iran", ["Persia"]), ("qajar-persia", "Qajar Persia", ["Persia"])])
    {'iran': ('iran',), 'qajar persia': ('qajar-persia',), 'persia': ('iran', 'qajar-persia')}
    >>> key_index([("tcp", "TCP", ["Trans-Caspian pipeline"])], None, ["pipeline"])
    {'tcp': ('tcp',), 'trans caspian pipeline': ('tcp',), 'trans caspian': ('tcp',)}
    """
    fold = fold or normalize
    index: dict[str, list[str]] = {}
    entries = list(entries)
    for ident, _, _ in entries:
        index.setdefault(fold(ident), []).append(ident)
    ids = {fold(ident) for ident, _, _ in entries}
    for ident, _, keys in entries:
        for key in keys:
            norm = fold(key)
            if not norm or norm in ids:
                # An id always names its own record only.
                continue
            bucket = index.setdefault(norm, [])
            if ident not in bucket:
                bucket.append(ident)
    shorter: dict[str, list[str]] = {}
    words = tuple(words)
    for ident, _, keys in entries:
        for key in keys:
            if not words and not key.endswith(")"):
                continue  # it has no shorter forms
            for form in short_forms(key, words, fold):
                if form not in index:
                    bucket = shorter.setdefault(form, [])
                    if ident not in bucket:
                        bucket.append(ident)
    index.update(shorter)
    return {key: tuple(value) for key, value in index.items()}
