"""Duplicate clusters across all sources: exact (normalized text hashes) and near-duplicate
(MinHash over 5-word body shingles, banded LSH, verified at estimated Jaccard >= 0.8).

Keys and signatures are computed in the reader workers, a batch of articles at a time
(``fingerprints``); clustering runs once over all of them (``cluster``). Everything is deterministic: word hashes are CRC-32 of the UTF-8
word, permutation parameters come from a fixed seed.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

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
    data = " ".join(text.lower().split()).encode("utf-8")
    return (zlib.crc32(data) << 32) | zlib.adler32(data) if data else 0


def word_hashes(text: str) -> np.ndarray:
    """CRC-32 of every whitespace-separated word of the lower-cased text (``bytes.split`` and
    ``zlib.crc32`` run in C; this is several times faster than numpy on article-sized text)."""
    words = text.lower().encode("utf-8").split()
    return np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))


SAMPLE_MASK = np.uint64(3)  # keep the shingles whose hash is 0 mod 4 (consistent sub-sampling)


def _key_of_words(h: np.ndarray) -> int:
    """The exact key of a text from its word hashes (0 for a text without words)."""
    if len(h) == 0:
        return 0
    raw = h.tobytes()
    return (zlib.crc32(raw) << 32) | zlib.adler32(raw)


def fingerprints(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(exact keys, MinHash signatures) of many texts from one pass of word hashing each: the key
    is a hash of the text's sequence of word hashes (lower-cased, whitespace differences ignored),
    the signatures are those of ``signature``, one row per text."""
    hashes = [word_hashes(t) for t in texts]
    keys = np.fromiter(map(_key_of_words, hashes), dtype=np.uint64, count=len(hashes))
    return keys, signatures_of_words(hashes)


def signature(text: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint32) of the 5-word shingles of ``text``.

    Shingles are sub-sampled consistently (hash = 0 mod 4; all of them when that leaves fewer than
    8): the Jaccard similarity of the sub-samples estimates that of the full shingle sets, at a
    quarter of the cost.
    """
    return signatures_of_words([word_hashes(text)])[0]


def _shingles(hashes: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The kept (sub-sampled) shingle hashes of every text, grouped by text in text order, and
    the index of the text of each. A text of fewer than ``SHINGLE`` words has one shingle of all
    its words; a text without words has none."""
    lens = np.fromiter(map(len, hashes), dtype=np.int64, count=len(hashes))
    words = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)
    m = max(len(words) - SHINGLE + 1, 0)
    with np.errstate(over="ignore"):
        sh = words[:m] * _MULTS[0]
        for k in range(1, SHINGLE):
            sh ^= words[k: k + m] * _MULTS[k]
    text_of = np.repeat(np.arange(len(hashes)), lens)[:m]
    inside = np.arange(SHINGLE, m + SHINGLE) <= np.cumsum(lens)[text_of]  # not across two texts
    sampled = inside & ((sh & SAMPLE_MASK) == 0)
    few = np.bincount(text_of[sampled], minlength=len(hashes)) < 8
    keep = sampled | (inside & few[text_of])
    rows, owner = sh[keep], text_of[keep]
    short = np.flatnonzero((lens > 0) & (lens < SHINGLE))
    if len(short):
        with np.errstate(over="ignore"):
            whole = [np.bitwise_xor.reduce(hashes[i] * _MULTS[: len(hashes[i])]) for i in short]
        rows = np.concatenate([rows, np.array(whole, dtype=np.uint64)])
        owner = np.concatenate([owner, short])
        order = np.argsort(owner, kind="stable")
        rows, owner = rows[order], owner[order]
    return rows, owner


_CHUNK_ROWS = 1024  # shingles permuted per numpy call: a (1024, NUM_PERM) uint64 block stays in cache


def signatures_of_words(hashes: list[np.ndarray]) -> np.ndarray:
    """MinHash signatures (one row of ``NUM_PERM`` uint32 per text) from the texts' word hashes,
    computed for all texts together, in blocks of whole texts of about ``_CHUNK_ROWS`` shingles."""
    sigs = np.full((len(hashes), NUM_PERM), 0xFFFFFFFF, dtype=np.uint32)
    rows, owner = _shingles(hashes)
    if len(rows) == 0:
        return sigs
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    bounds = np.append(starts, len(rows))
    mins = np.empty((len(starts), NUM_PERM), dtype=np.uint64)
    block = np.empty((_CHUNK_ROWS + int(np.diff(bounds).max()), NUM_PERM), dtype=np.uint64)
    i = 0
    with np.errstate(over="ignore"):
        while i < len(starts):
            j = max(i + 1, int(np.searchsorted(bounds, bounds[i] + _CHUNK_ROWS, side="right")) - 1)
            a, b = bounds[i], bounds[j]
            mixed = block[: b - a]
            np.multiply(rows[a:b, None], _A[None, :], out=mixed)
            mixed += _B[None, :]
            mins[i:j] = np.minimum.reduceat(mixed, starts[i:j] - a, axis=0)
            i = j
    sigs[owner[starts]] = (mins >> np.uint64(32)).astype(np.uint32)
    return sigs


class UnionFind:
    def __init__(self, n: int):
        self.parent = np.arange(n, dtype=np.int64)

    def find(self, x: int) -> int:
        p = self.parent
        root = x
        while p[root] != root:
            root = p[root]
        while p[x] != root:
            p[x], x = root, p[x]
        return int(root)

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if ra < rb:
            self.parent[rb] = ra
        else:
            self.parent[ra] = rb
        return True


@dataclass
class DedupResult:
    root: np.ndarray  # for each article, the index of its cluster's root
    exact_merges: int
    near_merges: int
    candidate_pairs: int


def _group_equal(keys: np.ndarray) -> list[np.ndarray]:
    """Groups (index arrays, size >= 2) of equal keys, in a deterministic order."""
    order = np.argsort(keys, kind="stable")
    sk = keys[order]
    if len(sk) == 0:
        return []
    change = np.flatnonzero(sk[1:] != sk[:-1]) + 1
    bounds = np.concatenate([[0], change, [len(sk)]])
    return [order[a:b] for a, b in zip(bounds[:-1], bounds[1:]) if b - a >= 2]


def cluster(exact_keys: list[np.ndarray], signatures: np.ndarray, threshold: float = THRESHOLD) -> DedupResult:
    """Union-find over (a) equal exact keys (each array in ``exact_keys`` is one kind of key,
    0 meaning 'no key') and (b) LSH candidates whose signatures agree on >= threshold."""
    n = len(signatures)
    uf = UnionFind(n)
    exact = 0
    for keys in exact_keys:
        for group in _group_equal(keys):
            if keys[group[0]] == 0:
                continue
            for j in group[1:]:
                exact += uf.union(int(group[0]), int(j))
    near = 0
    candidates = 0
    rows = NUM_PERM // BANDS
    for b in range(BANDS):
        band = np.ascontiguousarray(signatures[:, b * rows:(b + 1) * rows])
        keys = np.zeros(n, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for r in range(rows):
                keys = (keys ^ band[:, r].astype(np.uint64)) * _MULTS[r]
        for group in _group_equal(keys):
            first = int(group[0])
            sig0 = signatures[first]
            others = group[1:]
            agree = (signatures[others] == sig0).mean(axis=1)
            candidates += len(others)
            for j, a in zip(others, agree):
                if a >= threshold:
                    near += uf.union(first, int(j))
    roots = np.array([uf.find(i) for i in range(n)], dtype=np.int64)
    return DedupResult(root=roots, exact_merges=exact, near_merges=near, candidate_pairs=candidates)
