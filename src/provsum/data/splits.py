"""Split assignment: a pure function of the duplicate-cluster id, so the same cluster always
lands in the same split, whatever else changes in the corpus.

``split_of(cluster_id)``: xxh64 of the id (seed 0) modulo 100; 0-79 train, 80-89 validation,
90-99 test.
"""

from __future__ import annotations

import xxhash

FRACTIONS = {"train": 80, "validation": 10, "test": 10}


def bucket(cluster_id: str) -> int:
    return xxhash.xxh64_intdigest(cluster_id.encode("utf-8"), seed=0) % 100


def split_of(cluster_id: str) -> str:
    b = bucket(cluster_id)
    if b < FRACTIONS["train"]:
        return "train"
    if b < FRACTIONS["train"] + FRACTIONS["validation"]:
        return "validation"
    return "test"
