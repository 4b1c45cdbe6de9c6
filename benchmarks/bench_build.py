#!/usr/bin/env python
"""Time and memory of the full build of all configs from the archives, against a peer measured in the
same run: streaming every archive with Python's tarfile and nothing else (the floor any builder pays).

    python benchmarks/bench_build.py [--corpora DIR] [--workers 2]

Targets (issue 2): <= 90 s wall and <= 2 GiB peak memory on the 2-core reference machine. Peak memory is
the largest resident set of the build process or any of its workers (getrusage, Linux: KiB), and their sum
(main + workers x largest worker) as an upper bound. Writes benchmarks/results/build.md and build.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_S, TARGET_GIB = 90.0, 2.0


def stream_all(corpora: Path) -> tuple[float, int]:
    from provsum.data.sources import SOURCES

    t = time.perf_counter()
    n = 0
    for src in SOURCES.values():
        with tarfile.open(corpora / src.archive, mode="r|xz") as tar:
            for m in tar:
                if m.isfile():
                    tar.extractfile(m).read()
                    n += 1
    return time.perf_counter() - t, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=None)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    from provsum.data.sources import corpora_dir

    corpora = corpora_dir(args.corpora)
    peer_s, files = stream_all(corpora)
    with tempfile.TemporaryDirectory() as tmp:
        code = ("import json,resource,sys;from provsum.data.build import build_dataset;"
                f"r=build_dataset({str(corpora)!r},{tmp + '/ds'!r},workers={args.workers},progress=False,log=None);"
                "s=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;c=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
                "print(json.dumps({'self_kib':s,'children_kib':c,'counts':r['counts'],'timings':r['timings_seconds']}))")
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        wall = time.perf_counter() - t
    res = json.loads(out.stdout.strip().splitlines()[-1])
    peak_gib = max(res["self_kib"], res["children_kib"]) / 2**20
    sum_gib = (res["self_kib"] + args.workers * res["children_kib"]) / 2**20
    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "workers": args.workers,
        "build_wall_s": round(wall, 1),
        "peer_tarfile_stream_s": round(peer_s, 1),
        "peer_files": files,
        "ratio_build_over_stream": round(wall / peer_s, 2),
        "peak_rss_gib_largest_process": round(peak_gib, 2),
        "peak_rss_gib_sum_upper_bound": round(sum_gib, 2),
        "stage_seconds": res["timings"],
        "targets": {"wall_s": TARGET_S, "peak_gib": TARGET_GIB},
        "meets_wall": wall <= TARGET_S,
        "meets_memory": sum_gib <= TARGET_GIB,
        "counts": res["counts"],
    }
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "build.json").write_text(json.dumps(result, indent=2) + "\n")
    md = f"""# Build benchmark

Machine: {result['machine']['cpus']} CPUs, Python {result['machine']['python']}, {result['machine']['platform']}; {args.workers} workers.

| measure | value | target |
|---|---|---|
| full build, all configs, from the archives (wall) | {result['build_wall_s']} s | <= {TARGET_S:.0f} s |
| peer: stream every archive member with tarfile | {result['peer_tarfile_stream_s']} s ({files:,} files) | |
| ratio build / stream | {result['ratio_build_over_stream']}x | |
| peak RSS, largest process | {result['peak_rss_gib_largest_process']} GiB | |
| peak RSS, main + workers x largest worker (upper bound) | {result['peak_rss_gib_sum_upper_bound']} GiB | <= {TARGET_GIB:.0f} GiB |

Stages (s): {result['stage_seconds']}
"""
    (results / "build.md").write_text(md)
    print(md)


if __name__ == "__main__":
    main()
