"""Split assignment: a pure function of the duplicate-cluster id, so the same cluster always
lands in the same split, whatever else changes in the corpus.

``split_of(cluster_id)``: xxh64 of the id (seed 0) modulo 100; 0-64 train, 65-74 validation,
75-99 test. One mapping for every config (so no article is in the test split of one config and the
train split of another); the test share is 25% so that the small ``provincial`` config gets a test
split of several hundred examples.
"""

from __future__ import annotations

import numpy as np
import xxhash

FRACTIONS = {"train": 65, "validation": 10, "test": 25}
SPLIT_METHOD = "xxh64(cluster id, seed 0) % 100: 0-64 train, 65-74 validation, 75-99 test"


def bucket(cluster_id: str) -> int:
    return xxhash.xxh64_intdigest(cluster_id.encode("utf-8"), seed=0) % 100


def split_of(cluster_id: str) -> str:
    return str(splits_of([cluster_id])[0])


def splits_of(cluster_ids: list[str]) -> np.ndarray:
    """The split of many cluster ids at once: an array of split names."""
    buckets = np.fromiter(map(bucket, cluster_ids), dtype=np.int64, count=len(cluster_ids))
    bounds = np.cumsum(list(FRACTIONS.values()))  # 65, 75, 100
    return np.array(list(FRACTIONS))[np.searchsorted(bounds, buckets, side="right")]
