"""Syllable tokenization + interning of a whole batch in numpy.

Produces exactly the tokens of :func:`provsum.text.tokenize.tokenize` (mode ``syllable``),
as int ids, without building a Python string per token:

1. the batch is joined with ``\\x00`` and normalized once (NFC only where needed, lower case);
2. code points go to a numpy array; a per-character class table (built once from
   ``str.isalnum``/``str.isdecimal``, the definitions behind ``re``'s ``\\w`` and ``\\d``)
   marks token characters; a separator ``. , / : -`` belongs to a token iff both of its
   neighbours are decimal digits — the same as the regex of ``tokenize``;
3. old-style tone marks (``oà`` -> ``òa`` ...) are moved on the code-point array with the
   same conditions as ``tokenize``'s regex (not after ``q``, not followed by a letter);
4. each token is hashed twice (two independent 64-bit polynomial hashes over its code
   points and its length); tokens are interned by the first hash and the second is
   checked: on any disagreement the batch falls back to the string path, so a collision
   can only go unnoticed if both 64-bit hashes and the length collide at once.

Only used when the batch is large (the fixed costs are a few milliseconds).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from provsum.text.tokenize import tokenize_batch

_SEPS = ".,/:-"
_TABLE: np.ndarray | None = None
_TONE_FIX: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
ALNUM, DIGIT, SEP, NOT_NFC = 1, 2, 4, 8
_MAX_TOKEN = 4096  # longer "tokens" (pathological) make the batch take the string path


def _char_table() -> np.ndarray:
    """Class bits of every code point below U+30000: ALNUM (``\\w`` but not ``_``), DIGIT
    (``\\d``), SEP, and NOT_NFC: a character that can make a text not NFC (combining marks,
    characters NFC changes on their own, second members of canonical compositions, Hangul
    V/T jamo). A text with no NOT_NFC character is already NFC. No character above
    U+30000 has a decomposition or a combining class."""
    global _TABLE
    if _TABLE is None:
        import unicodedata

        t = np.zeros(0x30000, dtype=np.uint8)
        combining, decomposition, normalize = unicodedata.combining, unicodedata.decomposition, unicodedata.normalize
        for cp in range(0x30000):
            c = chr(cp)
            bits = 0
            if c.isalnum():
                bits = ALNUM | (DIGIT if c.isdecimal() else 0)
            if cp >= 0x300 and (combining(c) or normalize("NFC", c) != c):
                bits |= NOT_NFC
            if bits:
                t[cp] = bits
            d = decomposition(c)
            if d and d[0] != "<":
                parts = d.split()
                if len(parts) == 2:
                    t[int(parts[1], 16)] |= NOT_NFC
        t[0x1161:0x1176] |= NOT_NFC
        t[0x11A8:0x11C3] |= NOT_NFC
        for c in _SEPS:
            t[ord(c)] |= SEP
        _TABLE = t
    return _TABLE


def _maybe_not_nfc_mask(cps: np.ndarray) -> np.ndarray:
    return (_char_table()[np.minimum(cps, 0x2FFFF)] & NOT_NFC) != 0


def _maybe_not_nfc(cps: np.ndarray) -> bool:
    return bool(_maybe_not_nfc_mask(cps).any())


def _tone_fix():
    """(first vowel o/u code, second toned vowel codes) -> replacements, as arrays indexed by code point."""
    global _TONE_FIX
    if _TONE_FIX is None:
        from provsum.text.tokenize import _NEW_TONE_LC

        first_new = np.zeros(0x10000, dtype=np.uint32)  # for the second char: the new first char, 0 if none
        second_base = np.zeros(0x10000, dtype=np.uint32)
        second_first = np.zeros(0x10000, dtype=np.uint32)  # the first char the pair needs (o or u)
        for old, new in _NEW_TONE_LC.items():
            s = ord(old[1])
            second_first[s] = ord(old[0])
            first_new[s] = ord(new[0])
            second_base[s] = ord(new[1])
        _TONE_FIX = (first_new, second_base, second_first)
    return _TONE_FIX


def _classes(cps: np.ndarray) -> np.ndarray:
    table = _char_table()
    cls = table[np.minimum(cps, 0x2FFFF)] & np.uint8(ALNUM | DIGIT | SEP)
    big = cps > 0x2FFFF
    if big.any():  # astral characters: classify the few distinct ones in Python
        vals = np.unique(cps[big])
        lut = {}
        for v in vals.tolist():
            c = chr(v)
            lut[v] = (ALNUM if c.isalnum() else 0) | (DIGIT if c.isdecimal() else 0)
        cls[big] = np.array([lut[v] for v in cps[big].tolist()], dtype=np.uint8)
    return cls


def _unify_tones(cps: np.ndarray, cls: np.ndarray) -> bool:
    """In place, on lower-case code points: o+à -> ò+a etc. (see tokenize._OLD_TONE_LC)."""
    first_new, second_base, second_first = _tone_fix()
    n = len(cps)
    if n < 2:
        return False
    small = np.minimum(cps, 0xFFFF)
    need = second_first[small[1:]]  # for each position k+1: the first vowel it needs
    cand = np.flatnonzero((need != 0) & (cps[:-1] == need)) + 0  # k: first vowel position
    if not len(cand):
        return False
    ok = np.ones(len(cand), dtype=bool)
    ok &= ~((cand > 0) & (cps[np.maximum(cand - 1, 0)] == ord("q")))
    after = cand + 2
    has_after = after < n
    letter_after = np.zeros(len(cand), dtype=bool)
    la = cls[np.minimum(after, n - 1)]
    letter_after[has_after] = ((la[has_after] & ALNUM) != 0) & ((la[has_after] & DIGIT) == 0)
    ok &= ~letter_after
    k = cand[ok]
    sec = small[k + 1]
    cps[k] = first_new[sec]
    cps[k + 1] = second_base[sec]
    return bool(len(k))


def _hash(cps: np.ndarray, tok_of_char: np.ndarray, pos: np.ndarray, starts_in_chars: np.ndarray, lens: np.ndarray, seed: int):
    rng = np.random.default_rng(seed)
    w = rng.integers(1, 2**63, size=int(lens.max()) + 1, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    with np.errstate(over="ignore"):
        contrib = (cps.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)) * w[pos]
        h = np.add.reduceat(contrib, starts_in_chars)
        h ^= lens.astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)
    return h


def syllable_ids(texts: Sequence[str], tone_marks: bool = True):
    """Token ids of each text, as ``(ids, lens, vocab)``: ``ids`` concatenates the texts'
    token ids (int64, starting at 1), ``lens`` the number of tokens per text, ``vocab`` the
    list of distinct token strings (``vocab[id - 1]``). ``None`` when the batch cannot take
    this path (it then must use :func:`provsum.text.tokenize.tokenize_batch`)."""
    sep = "\x00"
    joined = sep.join(texts)
    if joined.count(sep) != len(texts) - 1 or not texts:
        return None
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    if _maybe_not_nfc(cps):
        import unicodedata

        bad = _maybe_not_nfc_mask(cps)
        texts_bad = set(np.searchsorted(np.flatnonzero(cps == 0), np.flatnonzero(bad)).tolist())
        joined = sep.join(unicodedata.normalize("NFC", t) if k in texts_bad else t for k, t in enumerate(texts))
    joined = joined.lower()
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).copy()
    n = len(cps)
    cls = _classes(cps)
    if tone_marks:
        if _unify_tones(cps, cls):  # letters stay letters: the classes do not change
            joined = cps.tobytes().decode("utf-32-le")
    alnum = (cls & ALNUM) != 0
    digit = (cls & DIGIT) != 0
    in_tok = alnum.copy()
    if n >= 3:
        joinable = ((cls[1:-1] & SEP) != 0) & digit[:-2] & digit[2:]
        in_tok[1:-1] |= joinable
    prev = np.r_[False, in_tok[:-1]]
    nxt = np.r_[in_tok[1:], False]
    starts = np.flatnonzero(in_tok & ~prev)
    ends = np.flatnonzero(in_tok & ~nxt) + 1
    lens_tok = ends - starts
    n_texts = len(texts)
    seps_at = np.flatnonzero(cps == 0)
    text_of_tok = np.searchsorted(seps_at, starts)
    per_text = np.bincount(text_of_tok, minlength=n_texts).astype(np.int64)
    if not len(starts):
        return np.zeros(0, dtype=np.int64), per_text, []
    if lens_tok.max() > _MAX_TOKEN:
        return None
    chars = np.flatnonzero(in_tok)
    tok_of_char = np.repeat(np.arange(len(starts)), lens_tok)
    pos = chars - starts[tok_of_char]
    starts_in_chars = np.zeros(len(starts), dtype=np.int64)
    np.cumsum(lens_tok[:-1], out=starts_in_chars[1:])
    tok_cps = cps[chars]
    h1 = _hash(tok_cps, tok_of_char, pos, starts_in_chars, lens_tok, 1)
    h2 = _hash(tok_cps, tok_of_char, pos, starts_in_chars, lens_tok, 2)
    uniq, first, inverse = np.unique(h1, return_index=True, return_inverse=True)
    if not (np.array_equal(h2[first][inverse], h2) and np.array_equal(lens_tok[first][inverse], lens_tok)):
        return None
    # ids in order of first appearance (as the string path's dict interning)
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    ids = rank[inverse].astype(np.int64) + 1
    firsts = first[order]
    vocab = [joined[s:e] for s, e in zip(starts[firsts].tolist(), ends[firsts].tolist())]
    return ids, per_text, vocab


def syllable_ids_or_strings(texts: Sequence[str], tone_marks: bool = True):
    """:func:`syllable_ids`, or the same result through the string tokenizer."""
    out = syllable_ids(texts, tone_marks) if len(texts) else None
    if out is not None:
        return out
    tokens = tokenize_batch(list(texts), tone_marks=tone_marks)
    vocab: dict[str, int] = {}
    ids = []
    for toks in tokens:
        for t in toks:
            i = vocab.get(t)
            if i is None:
                i = vocab[t] = len(vocab) + 1
            ids.append(i)
    return np.array(ids, dtype=np.int64), np.array([len(t) for t in tokens], dtype=np.int64), list(vocab)
