"""Duplicate clusters across all sources: exact (normalized text hashes) and near-duplicate
(MinHash over 5-word body shingles, banded LSH, verified at estimated Jaccard >= 0.8).

Signatures are computed per article in the reader workers (``signature``); clustering runs once
over all of them (``cluster``). Everything is deterministic: word hashes are CRC-32 of the UTF-8
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


def fingerprint(text: str) -> tuple[int, np.ndarray]:
    """(exact key, MinHash signature) of a text from one pass of word hashing: the key is a hash
    of the sequence of word hashes (lower-cased, whitespace differences ignored)."""
    h = word_hashes(text)
    if len(h) == 0:
        return 0, _signature_of_words(h)
    raw = h.tobytes()
    return (zlib.crc32(raw) << 32) | zlib.adler32(raw), _signature_of_words(h)


def signature(text: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint32) of the 5-word shingles of ``text``.

    Shingles are sub-sampled consistently (hash = 0 mod 4; all of them when that leaves fewer than
    8): the Jaccard similarity of the sub-samples estimates that of the full shingle sets, at a
    quarter of the cost.
    """
    return _signature_of_words(word_hashes(text))


def _signature_of_words(h: np.ndarray) -> np.ndarray:
    if len(h) == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    with np.errstate(over="ignore"):
        if len(h) >= SHINGLE:
            n = len(h) - SHINGLE + 1
            sh = h[:n] * _MULTS[0]
            for k in range(1, SHINGLE):
                sh = sh ^ (h[k: k + n] * _MULTS[k])
        else:
            sh = np.array([np.bitwise_xor.reduce(h * _MULTS[: len(h)])], dtype=np.uint64)
        sampled = sh[(sh & SAMPLE_MASK) == 0]
        if len(sampled) >= 8:
            sh = sampled
        mixed = sh[:, None] * _A[None, :] + _B[None, :]
    return (mixed.min(axis=0) >> np.uint64(32)).astype(np.uint32)


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
