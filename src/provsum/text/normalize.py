"""Unicode and tone-mark normalization for Vietnamese text.

Convention (used by the dataset and, by default, by the scorer): text is NFC, and
tone marks follow the *new* placement ("kiểu mới") in open syllables ending in
``oa``, ``oe`` and ``uy``: the mark sits on the first vowel (``hòa``, ``khỏe``,
``thủy``, ``ủy``) rather than on the second (``hoà``, ``khoẻ``, ``thuỷ``, ``uỷ``).
Closed syllables (``hoàn``, ``thuyết``) are the same in both conventions, and
``qu`` is a consonant cluster, so ``quý``/``quỷ`` are never changed.

>>> normalize_tone_marks("Uỷ ban nhân dân tỉnh Khánh Hoà")
'Ủy ban nhân dân tỉnh Khánh Hòa'
>>> normalize_tone_marks("hoàn thành, thuyết phục, quỷ, khoẻ")
'hoàn thành, thuyết phục, quỷ, khỏe'
>>> normalize("Ho\u0300a Bi\u0300nh\u00a0 ")
'Hòa Bình'
"""

from __future__ import annotations

import re
import unicodedata

# combining tone marks (NFD): grave, acute, hook above, tilde, dot below
_TONES = "\u0300\u0301\u0309\u0303\u0323"


def _build_old_to_new() -> tuple[list[tuple[str, re.Pattern[str]]], dict[str, str]]:
    table: dict[str, str] = {}
    pairs = [("o", "a"), ("o", "e"), ("u", "y")]
    for first, second in pairs:
        for tone in _TONES:
            for f in (first, first.upper()):
                for s in (second, second.upper()):
                    old = unicodedata.normalize("NFC", f + s + tone)
                    new = unicodedata.normalize("NFC", f + tone + s)
                    table[old] = new
    firsts = "".join(sorted({k[0] for k in table}))
    seconds = "".join(sorted({k[1] for k in table}))
    # one pattern per first letter: a pattern that starts with a literal character is searched
    # several times faster than one that starts with a character class (no look-behind: the "not
    # after q" rule is checked in _swap); the syllable must end here. Replacing a pair never makes
    # or unmakes a match of another pattern, so the patterns can be applied one after the other.
    patterns = [(f, re.compile("(" + f + "[" + seconds + r"])(?![^\W\d_])")) for f in firsts]
    return patterns, table


_OLD_TO_NEW, _OLD_TO_NEW_TABLE = _build_old_to_new()
_RARE = re.compile("[" + "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v\u200b\u200c\u200d\u2060\ufeff\u00ad" + "]")

# spaces that are not plain ASCII spaces, and invisible characters
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_MULTISPACE = re.compile(r" {2,}")
_LINE_STARTS_WITH_SPACE = re.compile("\n ")


def normalize_tone_marks(text: str) -> str:
    """Move tone marks of open ``oa``/``oe``/``uy`` syllables to the new placement.

    The input must already be NFC (``normalize`` takes care of it).
    """
    for first, pattern in _OLD_TO_NEW:
        if first in text:  # a one-character search is cheaper than a call of the pattern
            text = pattern.sub(_swap, text)
    return text


def _swap(m: re.Match) -> str:
    pair = m.group(1)
    start = m.start()
    if start and m.string[start - 1] in "qQ":  # "quý", "quỷ": qu- is a consonant
        return pair
    return _OLD_TO_NEW_TABLE.get(pair, pair)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def normalize(text: str, tone_marks: bool = True) -> str:
    """NFC, unified tone marks, ordinary spaces, no invisible characters.

    Keeps line breaks; collapses runs of spaces and strips each line.
    """
    text = unicodedata.normalize("NFC", text)
    # every character of _RARE, and every whitespace character but the space and the line break,
    # is non-printable: a printable text (line breaks aside) needs no search
    printable = text.replace("\n", " ").isprintable()  # (a same-length replace is the faster)
    if not printable and _RARE.search(text):
        text = _INVISIBLE.sub("", text)
        text = _SPACES.sub(" ", text)
    if tone_marks:
        text = normalize_tone_marks(text)
    if "  " in text:
        text = _MULTISPACE.sub(" ", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text:
        return text.strip()
    # (a regex finds "\n " several times faster than `in`: it looks for the rare line break first)
    if printable and " \n" not in text and not _LINE_STARTS_WITH_SPACE.search(text):  # only the ends to strip
        return text.strip(" ")
    return "\n".join(line.strip() for line in text.split("\n"))
