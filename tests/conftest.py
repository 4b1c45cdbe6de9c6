"""Shared fixtures. ``built_dataset`` gives the path of a built ProvSum dataset: the repository's
``dataset/`` when it has been built, else it builds it from ``../shared/corpora`` (or
``$PROVSUM_CORPORA``) once per test session; tests that need it are skipped when no corpora exist."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

REPO = Path(__file__).resolve().parents[1]


def corpora_available() -> bool:
    from provsum.data.sources import SOURCES, corpora_dir, locate

    try:
        root = corpora_dir()
        for src in SOURCES.values():
            locate(src, root)
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def built_dataset() -> Path:
    from provsum.data.load import default_dataset_dir

    out = default_dataset_dir()
    ready = all((out / "data" / c).glob("test-*.parquet") for c in ("provincial", "meetings", "news")) and all(
        any((out / "data" / c).glob("test-*.parquet")) for c in ("provincial", "meetings", "news")
    )
    if not ready:
        if not corpora_available():
            pytest.skip("no built dataset and no source corpora (../shared/corpora or $PROVSUM_CORPORA)")
        from provsum.data.build import build_dataset

        build_dataset(None, out, workers=2, progress=False, log=None)
    os.environ.setdefault("PROVSUM_DATASET", str(out))
    return out
