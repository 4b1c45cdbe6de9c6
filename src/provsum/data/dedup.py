"""Duplicate clusters across all sources: exact (normalized text hashes) and near-duplicate
(MinHash over 5-word body shingles, banded LSH, verified at estimated Jaccard >= 0.8).

Keys and signatures are computed in the reader workers, a batch of articles at a time
(``fingerprints``, compiled with numba); clustering runs once over all of them (``cluster``).
Everything is deterministic: word hashes are CRC-32 of the UTF-8 word, permutation parameters come
from a fixed seed.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numba
import numpy as np
import pyarrow as pa

NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: P(candidate) = 0.9998 at J = 0.8, 0.64 at J = 0.5 (then verified)
SHINGLE = 5
THRESHOLD = 0.8
SEED = 1234

_rng = np.random.default_rng(SEED)
_A = (_rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) | np.uint64(1))
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
_MULTS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5, 0x94D049BB133111EB],
                  dtype=np.uint64)


def exact_key(text: str) -> int:
    """A 64-bit key of the lower-cased text's sequence of words (whitespace differences ignored)."""
    data = _single_spaced(text.lower()).encode("utf-8")
    return (zlib.crc32(data) << 32) | zlib.adler32(data) if data else 0


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``, without the split when line breaks are the only whitespace to
    change (every whitespace character but the space is non-printable)."""
    spaced = text.replace("\n", " ")
    if spaced.isprintable() and "  " not in spaced and spaced[:1] != " " and spaced[-1:] != " ":
        return spaced
    return " ".join(text.split())


# CRC-32 (zlib's) one byte at a time, and the ASCII whitespace bytes.split() splits on
def _crc_table() -> np.ndarray:
    table = np.zeros(256, dtype=np.uint32)
    for b in range(256):
        c = b
        for _ in range(8):
            c = (c >> 1) ^ (0xEDB88320 if c & 1 else 0)
        table[b] = c
    return table


_CRC_TABLE = _crc_table()
_SPACE = np.zeros(256, dtype=np.bool_)
_SPACE[list(b" \t\n\r\x0b\x0c")] = True
SAMPLE_MASK = np.uint64(3)  # keep the shingles whose hash is 0 mod 4 (consistent sub-sampling)
MIN_SAMPLED = 8  # ... unless that leaves fewer than 8: then all of them
_NO_LOWER = np.uint32(0xFFFFFFFF)


def _lower_table() -> np.ndarray:
    """``ord(chr(c).lower())`` for every code point of the basic plane, or ``_NO_LOWER`` where
    ``str.lower`` gives two code points (U+0130) or depends on the context (U+03A3, the final sigma)."""
    table = np.empty(0x10000, dtype=np.uint32)
    for c in range(0x10000):
        low = chr(c).lower()
        table[c] = ord(low) if len(low) == 1 else _NO_LOWER
    table[0x3A3] = _NO_LOWER
    return table


_LOWER = _lower_table()
_IS_SPACE = np.array([chr(c).isspace() for c in range(0x10000)], dtype=np.bool_)  # str.split's separators


@numba.njit(cache=True)
def _hash_words(data, starts, ends, table, space, hashes, counts):  # pragma: no cover (compiled)
    """CRC-32 of every word (run of non-space bytes) of each text ``data[starts[t]:ends[t]]`` into
    ``hashes``, texts one after the other; ``counts[t]``: the number of words of text t."""
    n = 0
    for t in range(len(starts)):
        i, end, first = starts[t], ends[t], n
        while i < end:
            if space[data[i]]:
                i += 1
                continue
            crc = np.uint32(0xFFFFFFFF)
            while i < end and not space[data[i]]:
                crc = table[(crc ^ data[i]) & np.uint32(0xFF)] ^ (crc >> np.uint32(8))
                i += 1
            hashes[n] = np.uint64(crc ^ np.uint32(0xFFFFFFFF))
            n += 1
        counts[t] = n - first
    return n


@numba.njit(inline="always")
def _crc_byte(crc, byte, table):  # pragma: no cover (compiled)
    return table[(crc ^ np.uint32(byte)) & np.uint32(0xFF)] ^ (crc >> np.uint32(8))


@numba.njit(cache=True)
def _hash_lower_words(data, starts, ends, lower, table, space, hashes, counts):  # pragma: no cover (compiled)
    """``_hash_words`` of the lower-cased texts, lower-cased on the way: each code point of the UTF-8
    ``data`` goes through ``lower`` and is hashed as the UTF-8 of the result (ASCII whitespace, the word
    separator, is the same before and after). Returns -1, with ``hashes`` unfinished, when a text has
    a code point that ``lower`` does not map (``_NO_LOWER``, or beyond the basic plane)."""
    n = 0
    for t in range(len(starts)):
        i, end, first = starts[t], ends[t], n
        while i < end:
            if space[data[i]]:
                i += 1
                continue
            crc = np.uint32(0xFFFFFFFF)
            while i < end:
                c = np.uint32(data[i])
                if c < 0x80:  # ASCII: A-Z lower-cased, whitespace ends the word
                    if space[c]:
                        break
                    if c - np.uint32(65) < np.uint32(26):
                        c += np.uint32(32)
                    crc = _crc_byte(crc, c, table)
                    i += 1
                    continue
                if c < 0xE0:  # a two-byte sequence
                    cp = ((c & np.uint32(0x1F)) << np.uint32(6)) | (np.uint32(data[i + 1]) & np.uint32(0x3F))
                    i += 2
                elif c < 0xF0:  # three bytes
                    cp = (((c & np.uint32(0x0F)) << np.uint32(12)) | ((np.uint32(data[i + 1]) & np.uint32(0x3F)) << np.uint32(6))
                          | (np.uint32(data[i + 2]) & np.uint32(0x3F)))
                    i += 3
                else:  # beyond the basic plane
                    return -1
                cp = lower[cp]
                if cp == np.uint32(0xFFFFFFFF):
                    return -1
                if cp < 0x80:
                    crc = _crc_byte(crc, cp, table)
                elif cp < 0x800:
                    crc = _crc_byte(crc, np.uint32(0xC0) | (cp >> np.uint32(6)), table)
                    crc = _crc_byte(crc, np.uint32(0x80) | (cp & np.uint32(0x3F)), table)
                else:
                    crc = _crc_byte(crc, np.uint32(0xE0) | (cp >> np.uint32(12)), table)
                    crc = _crc_byte(crc, np.uint32(0x80) | ((cp >> np.uint32(6)) & np.uint32(0x3F)), table)
                    crc = _crc_byte(crc, np.uint32(0x80) | (cp & np.uint32(0x3F)), table)
            hashes[n] = np.uint64(crc ^ np.uint32(0xFFFFFFFF))
            n += 1
        counts[t] = n - first
    return n


@numba.njit(cache=True)
def _minhash(hashes, counts, mults, a, b, sigs):  # pragma: no cover (compiled)
    """MinHash signature of each text (``counts[t]`` word hashes, one text after the other) into
    ``sigs[t]``; a text without words keeps its row."""
    shingles = np.empty(max(1, counts.max()), dtype=np.uint64)
    offset = 0
    for t in range(len(counts)):
        n = counts[t]
        h = hashes[offset: offset + n]
        offset += n
        if n == 0:
            continue
        if n < len(mults):  # one shingle of all the words
            s = np.uint64(0)
            for k in range(n):
                s ^= h[k] * mults[k]
            shingles[0] = s
            m = 1
        else:
            m = n - len(mults) + 1
            kept = 0
            for i in range(m):
                s = h[i] * mults[0]
                for k in range(1, len(mults)):
                    s ^= h[i + k] * mults[k]
                shingles[i] = s
                kept += (s & SAMPLE_MASK) == 0
            if kept >= MIN_SAMPLED:  # the sub-sample, in order
                j = 0
                for i in range(m):
                    if (shingles[i] & SAMPLE_MASK) == 0:
                        shingles[j] = shingles[i]
                        j += 1
                m = kept
        for p in range(len(a)):  # one permutation at a time: its minimum stays in a register
            ap, bp = a[p], b[p]
            low = np.uint64(0xFFFFFFFFFFFFFFFF)
            for i in range(m):
                low = min(low, shingles[i] * ap + bp)
            sigs[t, p] = np.uint32(low >> np.uint64(32))


@numba.njit(inline="always")
def _adler_byte(adler_a, adler_b, byte):  # pragma: no cover (compiled)
    """Adler-32's sums a and b (int64) after one more byte, reduced modulo 65521 only when large
    (the same residues; b >= a, so neither overflows)."""
    adler_a += np.int64(byte)
    adler_b += adler_a
    if adler_b >= np.int64(1) << 62:
        adler_a %= 65521
        adler_b %= 65521
    return adler_a, adler_b


@numba.njit(inline="always")
def _key_feed(data, i, end, state, lower, is_space, table):  # pragma: no cover (compiled)
    """Feed the lower-cased words of ``data[i:end]`` (UTF-8), single-spaced, into the key's running
    (crc, adler a, adler b, bytes so far, space pending, ok) ``state``; ok turns False at a code
    point that ``lower`` does not map."""
    crc, ada, adb, count, pending, ok = state
    while i < end and ok:
        c = np.uint32(data[i])
        if c < 0x80:
            cp = c
            i += 1
        elif c < 0xE0:
            cp = ((c & np.uint32(0x1F)) << np.uint32(6)) | (np.uint32(data[i + 1]) & np.uint32(0x3F))
            i += 2
        elif c < 0xF0:
            cp = (((c & np.uint32(0x0F)) << np.uint32(12)) | ((np.uint32(data[i + 1]) & np.uint32(0x3F)) << np.uint32(6))
                  | (np.uint32(data[i + 2]) & np.uint32(0x3F)))
            i += 3
        else:
            ok = False
            break
        if is_space[cp]:
            pending = count > 0
            continue
        cp = lower[cp]
        if cp == np.uint32(0xFFFFFFFF):
            ok = False
            break
        if pending:  # one space between words
            crc = _crc_byte(crc, np.uint32(32), table)
            ada, adb = _adler_byte(ada, adb, np.uint32(32))
            count += 1
            pending = False
        if cp < 0x80:
            crc = _crc_byte(crc, cp, table)
            ada, adb = _adler_byte(ada, adb, cp)
            count += 1
        elif cp < 0x800:
            for byte in (np.uint32(0xC0) | (cp >> np.uint32(6)), np.uint32(0x80) | (cp & np.uint32(0x3F))):
                crc = _crc_byte(crc, byte, table)
                ada, adb = _adler_byte(ada, adb, byte)
            count += 2
        else:
            for byte in (np.uint32(0xE0) | (cp >> np.uint32(12)), np.uint32(0x80) | ((cp >> np.uint32(6)) & np.uint32(0x3F)),
                         np.uint32(0x80) | (cp & np.uint32(0x3F))):
                crc = _crc_byte(crc, byte, table)
                ada, adb = _adler_byte(ada, adb, byte)
            count += 3
    return crc, ada, adb, count, pending, ok


@numba.njit(cache=True)
def _exact_keys(data1, starts1, ends1, data2, starts2, ends2, lower, is_space, table, keys):  # pragma: no cover
    """``exact_key`` of each text t = part 1 + line break + part 2 (the UTF-8 ``data1[starts1[t]:ends1[t]]``
    and ``data2[...]``) into ``keys[t]``: CRC-32 and Adler-32 of its lower-cased words joined by
    single spaces, fed byte by byte. Returns False at the first text with a code point that ``lower``
    does not map (its key and the later ones not computed)."""
    for t in range(len(starts1)):
        state = (np.uint32(0xFFFFFFFF), np.int64(1), np.int64(0), 0, False, True)
        state = _key_feed(data1, starts1[t], ends1[t], state, lower, is_space, table)
        crc, ada, adb, count, pending, ok = state
        state = (crc, ada, adb, count, count > 0, ok)  # the line break between the parts
        crc, ada, adb, count, pending, ok = _key_feed(data2, starts2[t], ends2[t], state, lower, is_space, table)
        if not ok:
            return False
        if count:
            keys[t] = (np.uint64(crc ^ np.uint32(0xFFFFFFFF)) << np.uint64(32)) | np.uint64(((adb % 65521) << 16) | (ada % 65521))
        else:
            keys[t] = 0
    return True


def _utf8(texts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(UTF-8 bytes of all texts, one after the other; start and end of each text): the buffers of a
    pyarrow string array as they are, or a list's texts encoded."""
    if isinstance(texts, pa.Array):
        offsets = np.frombuffer(texts.buffers()[1], dtype=np.int32)[texts.offset: texts.offset + len(texts) + 1]
        data = texts.buffers()[2]
        data = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8)
        return data, offsets[:-1].astype(np.int64), offsets[1:].astype(np.int64)
    encoded = [t.encode("utf-8") for t in texts]
    lens = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    ends = np.cumsum(lens)
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), ends - lens, ends


def _hashes_of(texts) -> tuple[np.ndarray, np.ndarray]:
    """(word hashes of all lower-cased texts, one after the other; number of words of each text).
    ``texts``: a list of str or a pyarrow string array. Lower-cased in the compiled code, or, for a
    batch with a character it cannot lower-case, by ``str.lower``."""
    data, starts, ends = _utf8(texts)
    hashes = np.empty(len(data) // 2 + 1, dtype=np.uint64)  # a word and a space: 2 bytes at least
    counts = np.empty(len(starts), dtype=np.int64)
    n = _hash_lower_words(data, starts, ends, _LOWER, _CRC_TABLE, _SPACE, hashes, counts)
    if n < 0:
        texts = texts.to_pylist() if isinstance(texts, pa.Array) else texts
        data, starts, ends = _utf8([t.lower() for t in texts])
        n = _hash_words(data, starts, ends, _CRC_TABLE, _SPACE, hashes, counts)
    return hashes[:n], counts


def word_hashes(text: str) -> np.ndarray:
    """CRC-32 of every whitespace-separated word of the lower-cased text (the words of
    ``text.lower().encode().split()``)."""
    return _hashes_of([text])[0]


def fingerprints(texts) -> tuple[np.ndarray, np.ndarray]:
    """(exact keys, MinHash signatures) of many texts (a list of str, or a pyarrow string array,
    whose UTF-8 is hashed as it is), from one pass of word hashing: the key is a hash of the text's
    sequence of word hashes (lower-cased, whitespace differences ignored; 0 for a text without
    words), the signatures are those of ``signature``, one row per text."""
    hashes, counts = _hashes_of(texts)
    keys = np.zeros(len(texts), dtype=np.uint64)
    sigs = np.full((len(texts), NUM_PERM), 0xFFFFFFFF, dtype=np.uint32)
    if len(texts):
        _minhash(hashes, counts, _MULTS, _A, _B, sigs)
    raw = memoryview(hashes).cast("B")  # each text's hashes hashed in place (8 bytes a word)
    ends = np.cumsum(counts * 8).tolist()
    for t, n in enumerate(counts.tolist()):
        if n:
            part = raw[ends[t] - 8 * n: ends[t]]
            keys[t] = (zlib.crc32(part) << 32) | zlib.adler32(part)
    return keys, sigs


def exact_keys(firsts, seconds) -> np.ndarray:
    """``exact_key(first + "\\n" + second)`` for each pair of texts (lists of str or pyarrow string
    arrays of one length), compiled; ``exact_key`` itself for a batch with a character that the
    compiled lower-casing leaves to Python."""
    keys = np.zeros(len(firsts), dtype=np.uint64)
    if _exact_keys(*_utf8(firsts), *_utf8(seconds), _LOWER, _IS_SPACE, _CRC_TABLE, keys):
        return keys
    firsts = firsts.to_pylist() if isinstance(firsts, pa.Array) else firsts
    seconds = seconds.to_pylist() if isinstance(seconds, pa.Array) else seconds
    return np.array([exact_key(a + "\n" + b) for a, b in zip(firsts, seconds)], dtype=np.uint64)


def signature(text: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint32) of the 5-word shingles of ``text``.

    Shingles are sub-sampled consistently (hash = 0 mod 4; all of them when that leaves fewer than
    8): the Jaccard similarity of the sub-samples estimates that of the full shingle sets, at a
    quarter of the cost.
    """
    return fingerprints([text])[1][0]


def _resolve(parent: np.ndarray) -> np.ndarray:
    """Point every entry of a union-find ``parent`` array straight at its root (in place)."""
    while True:
        grand = parent[parent]
        if np.array_equal(grand, parent):
            return parent
        parent[:] = grand


def _union_pairs(parent: np.ndarray, firsts: np.ndarray, others: np.ndarray) -> int:
    """Union-find over ``parent``: join ``firsts[k]`` and ``others[k]`` for every k, the smaller
    root becoming the root (so a cluster's root is its smallest index); returns how many joins
    merged two clusters. Pairs already in one cluster are dropped with numpy first, so the Python
    loop sees only the few that merge."""
    roots = _resolve(parent)
    a, b = roots[firsts], roots[others]
    apart = a != b
    merged = 0
    for x, y in zip(a[apart].tolist(), b[apart].tolist()):
        while parent[x] != x:
            x = parent[x]
        while parent[y] != y:
            y = parent[y]
        if x != y:
            parent[max(x, y)] = min(x, y)
            merged += 1
    return merged


@dataclass
class DedupResult:
    root: np.ndarray  # for each article, the index of its cluster's root
    exact_merges: int
    near_merges: int
    candidate_pairs: int


def _equal_pairs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first, other) index pairs: every row whose key equals that of an earlier row, with the
    first row of that key."""
    order = np.argsort(keys)  # not stable: the first row of each key is found below
    starts = np.ones(len(keys), dtype=bool)
    starts[1:] = keys[order[1:]] != keys[order[:-1]]
    group = np.cumsum(starts) - 1
    first = np.minimum.reduceat(order, np.flatnonzero(starts))[group] if len(keys) else order
    later = first != order
    return first[later], order[later]


def _band_keys(signatures: np.ndarray, band: int) -> np.ndarray:
    rows = NUM_PERM // BANDS
    part = signatures[:, band * rows:(band + 1) * rows]
    keys = np.zeros(len(signatures), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            keys = (keys ^ part[:, r].astype(np.uint64)) * _MULTS[r]
    return keys


def cluster(exact_keys: list[np.ndarray], signatures: np.ndarray, threshold: float = THRESHOLD) -> DedupResult:
    """Union-find over (a) equal exact keys (each array in ``exact_keys`` is one kind of key,
    0 meaning 'no key') and (b) LSH candidates (equal band of the signatures) whose signatures agree
    with the first article of their band on >= threshold. A cluster's root is its smallest index."""
    parent = np.arange(len(signatures), dtype=np.int64)
    exact = 0
    for keys in exact_keys:
        firsts, others = _equal_pairs(keys)
        keyed = keys[firsts] != 0
        exact += _union_pairs(parent, firsts[keyed], others[keyed])
    near = candidates = 0
    for b in range(BANDS):
        firsts, others = _equal_pairs(_band_keys(signatures, b))
        candidates += len(others)
        agree = (signatures[others] == signatures[firsts]).mean(axis=1)
        similar = agree >= threshold
        near += _union_pairs(parent, firsts[similar], others[similar])
    return DedupResult(root=_resolve(parent), exact_merges=exact, near_merges=near, candidate_pairs=candidates)
