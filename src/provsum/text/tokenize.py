"""Tokenizers for scoring Vietnamese text.

Three modes:

``syllable`` (default)
    NFC, tone marks unified to the new placement (``hoà`` = ``hòa``, ``uỷ`` = ``ủy``;
    switch off with ``tone_marks=False``), lowercase, then tokens are maximal runs of
    letters and digits — Vietnamese syllables with their diacritics kept, so ``hội``,
    ``hỏi`` and ``hơi`` are three different tokens. Punctuation and ``_`` (the joiner of
    word-segmented corpora such as VietNews) separate tokens.

    **Numbers and dates**: a dot, comma, slash, colon or hyphen *between two digits*
    does not split, so a number or date as written is one token: ``29/10``,
    ``29/10/2020``, ``3.000``, ``3,2``, ``7:30``, ``2016-2021`` are single tokens.
    With spaces around the separator (``2016 - 2021``) the parts are separate tokens.
    Letters and digits that touch stay together (``f0``, ``h5n1``), but a hyphen after a
    letter splits (``covid-19`` -> ``covid``, ``19``).

``word``
    The same normalization, then syllables grouped into words by pyvi's Vietnamese word
    segmenter and joined with ``_`` (``hội_nghị``). Text that is already segmented with
    ``_`` keeps its segmentation.

``rouge_score``
    Exactly Google's ``rouge_score`` default tokenizer (no stemming): lowercase, every
    character outside ``[a-z0-9]`` becomes a space. No NFC and no tone-mark
    normalization (``tone_marks`` is ignored). On Vietnamese it destroys the
    diacritics: ``hội``, ``hỏi`` and ``hơi`` all become ``h i``. Provided only to
    reproduce published numbers and to show the inflation side by side.

>>> tokenize("Hội nghị giao ban ngày 29/10/2020, tổng vốn 3.000 tỷ đồng (giai đoạn 2016-2021).")
['hội', 'nghị', 'giao', 'ban', 'ngày', '29/10/2020', 'tổng', 'vốn', '3.000', 'tỷ', 'đồng', 'giai', 'đoạn', '2016-2021']
>>> tokenize("UBND tỉnh Khánh Hoà") == tokenize("ubnd tỉnh khánh hòa")
True
>>> tokenize("hội hỏi hơi", mode="rouge_score")
['h', 'i', 'h', 'i', 'h', 'i']
"""

from __future__ import annotations

import re
import unicodedata

from provsum.text.normalize import normalize_tone_marks

MODES = ("syllable", "word", "rouge_score")

# a run of letters/digits; separators . , / : - are kept only between two digits
TOKEN_PATTERN = r"[^\W_]+(?:(?<=\d)[.,/:\-](?=\d)[^\W_]+)*"
_TOKEN_RE = re.compile(TOKEN_PATTERN)
# word mode: the same, with "_" joining syllables of one word
WORD_PATTERN = r"[^\W_]+(?:(?:(?<=\d)[.,/:\-](?=\d)|_)[^\W_]+)*"
_WORD_RE = re.compile(WORD_PATTERN)

# rouge_score.tokenize, verbatim
_RS_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_RS_SPACES = re.compile(r"\s+")
_RS_VALID = re.compile(r"^[a-z0-9]+$")


# Old-style tone placement in lower-case text: o+à/á/ả/ã/ạ, o+è/é/ẻ/ẽ/ẹ, u+ỳ/ý/ỷ/ỹ/ỵ closing an
# open syllable, not after q. Same result as provsum.text.normalize.normalize_tone_marks on
# lower-case text (tested), but a character class instead of a 60-way alternation: 6x faster.
_OLD_TONE_LC = re.compile(r"(?<!q)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![^\W\d_])")
_NEW_TONE_LC = {
    unicodedata.normalize("NFC", f + s + tone): unicodedata.normalize("NFC", f + tone + s)
    for f, s in (("o", "a"), ("o", "e"), ("u", "y"))
    for tone in "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook above, tilde, dot below
}


def _new_tone(m: re.Match) -> str:
    return _NEW_TONE_LC[m.group(1)]


def unify_tone_marks_lower(text: str) -> str:
    """``normalize_tone_marks`` for text that is already NFC and lower-case."""
    return _OLD_TONE_LC.sub(_new_tone, text)


def prepare(text: str, tone_marks: bool = True) -> str:
    """The normalization every non-compat mode applies before splitting: NFC, lowercase, tone marks."""
    text = unicodedata.normalize("NFC", text).lower()
    if tone_marks:
        text = unify_tone_marks_lower(text)
    return text


def rouge_score_tokenize(text: str) -> list[str]:
    """Google ``rouge_score``'s ``tokenize(text, stemmer=None)``, reproduced exactly."""
    text = _RS_NON_ALNUM.sub(" ", text.lower())
    return [t for t in _RS_SPACES.split(text) if _RS_VALID.match(t)]


def segment_words(text: str) -> str:
    """pyvi word segmentation, line by line, case and punctuation kept (``Ban Dân_vận Tỉnh_ủy``)."""
    from pyvi import ViTokenizer  # heavy (loads a CRF model): imported only in word mode

    lines = []
    for line in text.split("\n"):
        lines.append(ViTokenizer.tokenize(line) if line.strip() else "")
    return "\n".join(lines)


def tokenize(text: str, mode: str = "syllable", tone_marks: bool = True) -> list[str]:
    """Tokens of ``text`` for scoring; see the module docstring for the rules of each mode."""
    if mode == "syllable":
        return _TOKEN_RE.findall(prepare(text, tone_marks))
    if mode == "word":
        text = unicodedata.normalize("NFC", text)
        if tone_marks:
            text = normalize_tone_marks(text)
        return _WORD_RE.findall(segment_words(text).lower())
    if mode == "rouge_score":
        return rouge_score_tokenize(text)
    raise ValueError(f"unknown tokenizer mode {mode!r}; modes are {', '.join(MODES)}")


def tokenize_batch(texts: list[str], mode: str = "syllable", tone_marks: bool = True) -> list[list[str]]:
    """``[tokenize(t, mode, tone_marks) for t in texts]``, faster: the batch is normalized in one pass."""
    if mode != "syllable" or not texts:
        return [tokenize(t, mode, tone_marks) for t in texts]
    # no text may contain the separator, else fall back to one text at a time
    sep = "\x00"
    joined = sep.join(texts)
    if joined.count(sep) != len(texts) - 1:
        return [tokenize(t, mode, tone_marks) for t in texts]
    findall = _TOKEN_RE.findall
    return [findall(t) for t in prepare(joined, tone_marks).split(sep)]
