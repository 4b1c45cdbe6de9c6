#!/usr/bin/env python
"""Write the small dataset copy that the GPU check needs, to carry to a device machine.

The built dataset is larger than what travels to a lent GPU machine (64 MiB with the working tree), so
this writes a seeded sample of ``news`` train (40,000 by default, about 45 MB), 500 ``news`` validation
records and the whole ``provincial`` test split under ``runs/gpu-data/data/<config>/`` (git-ignored).
Then, on the device machine: ``PROVSUM_DATASET=runs/gpu-data bash benchmarks/gpu_check.sh``.

    python benchmarks/gpu_check_data.py [--train 40000] [--out runs/gpu-data]
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", type=int, default=40000)
    ap.add_argument("--validation", type=int, default=500)
    ap.add_argument("--out", default="runs/gpu-data")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    import pyarrow as pa
    import pyarrow.parquet as pq

    from provsum.summarizers.run import load_split

    parts = [("news", "train", args.train), ("news", "validation", args.validation), ("provincial", "test", None)]
    total = 0
    for config, split, n in parts:
        rows = load_split(config, split, n, args.seed)
        path = Path(args.out) / "data" / config / f"{split}-00000-of-00001.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows), path, compression="zstd")
        total += path.stat().st_size
        print(f"{config}/{split}: {len(rows)} records -> {path} ({path.stat().st_size / 2**20:.1f} MiB)")
    print(f"total {total / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
