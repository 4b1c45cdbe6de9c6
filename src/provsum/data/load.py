"""Load the built dataset (``dataset/data/<config>/<split>-*.parquet``) as a ``datasets.Dataset``."""

from __future__ import annotations

import os
from pathlib import Path

from provsum.errors import ProvSumError

CONFIGS = ("provincial", "meetings", "news")
SPLITS = ("train", "validation", "test")


def default_dataset_dir() -> Path:
    """``$PROVSUM_DATASET`` if set, else ``dataset/`` of the repository this package lives in,
    else ``./dataset``."""
    env = os.environ.get("PROVSUM_DATASET")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[3]
    if (repo / "pyproject.toml").exists():
        return repo / "dataset"
    return Path("dataset")


def split_files(config: str, split: str, dataset_dir: str | Path | None = None) -> list[Path]:
    if config not in CONFIGS:
        raise ProvSumError(f"unknown config {config!r}; configs are {', '.join(CONFIGS)}")
    if split not in SPLITS:
        raise ProvSumError(f"unknown split {split!r}; splits are {', '.join(SPLITS)}")
    root = Path(dataset_dir) if dataset_dir else default_dataset_dir()
    folder = root / "data" / config
    if not folder.is_dir():
        raise ProvSumError(f"no built data for {config!r} under {folder}: run `provsum build` first")
    # a built config with no file for a split means the split is empty (the build writes no empty files)
    return sorted(folder.glob(f"{split}-*.parquet"))


def _read_table(config: str, split: str, dataset_dir, verified_only: bool):
    """The split as one Arrow table; with ``verified_only``, only the rows whose ``verified`` is true."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from provsum.data.build import SCHEMA

    files = split_files(config, split, dataset_dir)
    tables = [pq.read_table(f) for f in files]
    table = pa.concat_tables(tables) if tables else SCHEMA.empty_table()
    if verified_only:
        if "verified" not in table.column_names:
            raise ProvSumError(f"{config}/{split} has no `verified` column (built before hand verification): "
                               "rebuild with `provsum build`")
        table = table.filter(pc.fill_null(table.column("verified"), False))
    return table


def load_dataset(config: str = "provincial", split: str = "test", dataset_dir: str | Path | None = None,
                 verified_only: bool = False):
    """Return one split of one config as a ``datasets.Dataset`` (works offline). With ``verified_only``, only the
    examples a hand label confirms (``verified`` true; see ``provsum.data.verified``)."""
    import datasets

    if not verified_only:
        files = split_files(config, split, dataset_dir)
        if files:
            return datasets.Dataset.from_parquet([str(f) for f in files], split=split)
    return datasets.Dataset(_read_table(config, split, dataset_dir, verified_only), split=split)


def load_records(config: str = "provincial", split: str = "test", dataset_dir: str | Path | None = None,
                 verified_only: bool = False) -> list[dict]:
    """The same split as a list of plain dicts (pyarrow only, no ``datasets`` cache)."""
    return _read_table(config, split, dataset_dir, verified_only).to_pylist()
