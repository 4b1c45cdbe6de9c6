"""Benchmark: ProvSum's ROUGE against its peers on the same real Vietnamese pairs, one run.

    python benchmarks/bench_scorer.py [--pairs 5000] [--workers 2] [--skip-slow]

Pairs: (Lead-3 of the body, sapo) of the first N VietNews test files (see scorer_pairs.py);
every text is put one sentence per line first, so that every scorer sees the same
sentences for ROUGE-Lsum. All scorers compute ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum.
Each scorer is warmed up on 20 pairs first (imports, one-time tables), then timed on all
pairs in this process: the fast ones ``--repeat`` times (best kept, as the machine may be
shared), the pure-Python peers once. Prints pairs/s, ratios, mean ROUGE-2 F1 and the largest per-example
difference from rouge_score given the same tokens; writes benchmarks/results/scorer.{md,json}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def machine() -> dict:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import importlib.metadata as md

    versions = {}
    for pkg in ("numpy", "rapidfuzz", "rouge_score", "rouge-score-rs", "multilingual-rouge", "provsum"):
        try:
            versions[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            versions[pkg] = None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_at_start": os.getloadavg(),
        "versions": versions,
    }


def google_rows(scores: list[dict]) -> np.ndarray:
    return np.array([[[s[t].precision, s[t].recall, s[t].fmeasure] for t in TYPES] for s in scores])


REPEAT = 1


def timed(fn, warm, repeat=None):
    """Best of ``repeat`` runs (the machine may be shared: the minimum is the least disturbed)."""
    warm()
    best = None
    for _ in range(repeat or REPEAT):
        t = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return out, best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-slow", action="store_true", help="skip the pure-Python peers (rouge_score, multilingual-rouge)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each fast scorer; the best is kept (default 3)")
    ap.add_argument("--out", default=str(HERE / "results" / "scorer"))
    args = ap.parse_args()
    global REPEAT
    REPEAT = args.repeat

    from scorer_pairs import lead3_pairs

    from provsum.metrics.api import rouge_matrix
    from provsum.metrics.compat import ProvSumTokenizer
    from provsum.metrics.stats import bootstrap_ci
    from provsum.text.sentences import sentences_of

    info = machine()
    _, preds, refs = lead3_pairs(args.pairs)
    preds = ["\n".join(sentences_of(p)) for p in preds]
    refs = ["\n".join(sentences_of(r)) for r in refs]
    n = len(preds)
    print(f"{n} pairs; machine: {info['cpu']}, {info['cores']} cores, load {info['loadavg_at_start']}")

    results: dict[str, dict] = {}
    rows: dict[str, np.ndarray] = {}

    def record(name, arr, seconds, note=""):
        rows[name] = arr
        results[name] = {"seconds": seconds, "pairs_per_s": n / seconds, "rouge2_f": float(arr[:, 1, 2].mean()), "note": note}
        print(f"{name:<44} {n / seconds:9.0f} pairs/s   R-2 F1 {100 * arr[:, 1, 2].mean():6.2f}")

    def provsum_run(p, r, **kw):
        names, arr = rouge_matrix(p, [[x] for x in r], TYPES, sentence_split="lines", **kw)
        return arr.reshape(len(p), 4, 3)

    arr, dt = timed(lambda: provsum_run(preds, refs), lambda: provsum_run(preds[:20], refs[:20]))
    record("provsum (syllable, 1 process)", arr, dt)
    if args.workers > 1:
        arr_w, dt = timed(lambda: provsum_run(preds, refs, workers=args.workers), lambda: None)
        record(f"provsum (syllable, --workers {args.workers})", arr_w, dt)
        assert np.array_equal(arr_w, arr)
    arr, dt = timed(lambda: provsum_run(preds, refs, tokenizer="rouge_score"),
                    lambda: provsum_run(preds[:20], refs[:20], tokenizer="rouge_score"))
    record("provsum (tokenizer=rouge_score)", arr, dt)

    import rouge_score_rs

    rs = rouge_score_rs.RougeScorer(TYPES, tokenizer=ProvSumTokenizer())
    out, dt = timed(lambda: [rs.score(r, p) for p, r in zip(preds, refs)], lambda: [rs.score(r, p) for p, r in zip(preds[:20], refs[:20])])
    record("rouge-score-rs + provsum tokenizer", google_rows(out), dt)
    from rouge_score_rs.tokenizers import UnicodeTokenizer

    rsu = rouge_score_rs.RougeScorer(TYPES, tokenizer=UnicodeTokenizer())
    out, dt = timed(lambda: rsu.score_batch(refs, preds), lambda: rsu.score_batch(refs[:20], preds[:20]))
    record("rouge-score-rs + its native UnicodeTokenizer", google_rows(out), dt,
           "other tokens (no tone-mark unification, no number rule); Rust, all cores (score_batch)")

    if not args.skip_slow:
        from rouge_score import rouge_scorer

        g = rouge_scorer.RougeScorer(TYPES, tokenizer=ProvSumTokenizer())
        out, dt = timed(lambda: [g.score(r, p) for p, r in zip(preds, refs)], lambda: [g.score(r, p) for p, r in zip(preds[:20], refs[:20])], 1)
        record("rouge_score + provsum tokenizer", google_rows(out), dt)
        gd = rouge_scorer.RougeScorer(TYPES)
        out, dt = timed(lambda: [gd.score(r, p) for p, r in zip(preds, refs)], lambda: [gd.score(r, p) for p, r in zip(preds[:20], refs[:20])], 1)
        record("rouge_score default tokenizer (diacritics lost)", google_rows(out), dt)
        try:
            from multilingual_rouge import rouge_scorer as mrs

            m = mrs.RougeScorer(TYPES, lang="vietnamese")
            out, dt = timed(lambda: [m.score(r, p) for p, r in zip(preds, refs)], lambda: [m.score(r, p) for p, r in zip(preds[:20], refs[:20])], 1)
            record("multilingual-rouge (XL-Sum, lang=vietnamese)", google_rows(out), dt, "its own tokenizer")
        except Exception as exc:  # report, don't hide
            results["multilingual-rouge (XL-Sum, lang=vietnamese)"] = {"error": repr(exc)}
            print(f"multilingual-rouge failed: {exc!r}")

    parity = {}
    base = "rouge_score + provsum tokenizer" if "rouge_score + provsum tokenizer" in rows else "rouge-score-rs + provsum tokenizer"
    for name in ("provsum (syllable, 1 process)", "rouge-score-rs + provsum tokenizer"):
        if name != base:
            parity[f"{name} vs {base}"] = float(np.abs(rows[name] - rows[base]).max())
    if "rouge_score default tokenizer (diacritics lost)" in rows:
        parity["provsum (tokenizer=rouge_score) vs rouge_score default"] = float(
            np.abs(rows["provsum (tokenizer=rouge_score)"] - rows["rouge_score default tokenizer (diacritics lost)"]).max())
    for k, v in parity.items():
        print(f"max |difference| {k}: {v:.3g}")

    ours = results["provsum (syllable, 1 process)"]["pairs_per_s"]
    ratios = {name: ours / r["pairs_per_s"] for name, r in results.items() if "pairs_per_s" in r and not name.startswith("provsum")}
    for name, ratio in ratios.items():
        print(f"provsum (1 process) / {name}: {ratio:.2f}x")

    # bootstrap: 1,000 resamples over 20,000 examples, 12 columns (a report's ROUGE matrix)
    rng = np.random.default_rng(0)
    mat = rng.random((20000, 12))
    bootstrap_ci(mat[:100], n_resamples=10)
    t = time.perf_counter()
    bootstrap_ci(mat, n_resamples=1000, seed=12345)
    boot_s = time.perf_counter() - t
    print(f"bootstrap 1000 x 20000 examples x 12 metrics: {boot_s:.3f} s")

    payload = {"pairs": n, "machine": info, "results": results, "ratios_provsum_over": ratios,
               "max_abs_difference": parity, "bootstrap_1000x20000x12_s": boot_s,
               "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]])}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    md = [
        "# Scorer benchmark",
        "",
        f"`{payload['command']}` — {n} VietNews test pairs (Lead-3, sapo), ROUGE-1/2/L/Lsum, "
        f"one sentence per line for every scorer; fast scorers: best of {args.repeat} runs, pure-Python peers: one run.",
        f"Machine: {info['cpu']}, {info['cores']} cores (shared: load average {info['loadavg_at_start'][0]:.2f} at start), "
        f"Python {info['python']}; versions: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()) + ".",
        "",
        "| scorer | pairs/s | provsum (1 process) ÷ it | mean ROUGE-2 F1 | note |",
        "|---|---:|---:|---:|---|",
    ]
    for name, r in results.items():
        if "pairs_per_s" not in r:
            md.append(f"| {name} | failed | | | {r['error']} |")
            continue
        ratio = f"{ratios[name]:.2f}x" if name in ratios else ""
        md.append(f"| {name} | {r['pairs_per_s']:.0f} | {ratio} | {100 * r['rouge2_f']:.2f} | {r['note']} |")
    md += ["", "Largest per-example difference (any type, P/R/F):", ""]
    md += [f"- {k}: {v:.3g}" for k, v in parity.items()]
    md += ["", f"Bootstrap, 1,000 resamples over 20,000 examples x 12 metrics: {boot_s:.3f} s.", ""]
    out.with_suffix(".md").write_text("\n".join(md), encoding="utf-8")
    print(f"wrote {out.with_suffix('.md')} and {out.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
