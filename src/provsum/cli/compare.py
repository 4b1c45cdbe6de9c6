"""``provsum compare``: paired significance of system B against system A."""

from __future__ import annotations

import json


def register(subparsers) -> None:
    from provsum.cli.score import add_reference_args

    p = subparsers.add_parser("compare", help="paired significance test between two systems",
                              description="Paired bootstrap or approximate randomization test, B against A.")
    p.add_argument("a", metavar="A.jsonl", help="baseline predictions")
    p.add_argument("b", metavar="B.jsonl", help="system predictions")
    add_reference_args(p)
    p.add_argument("--method", default="paired_bootstrap", choices=("paired_bootstrap", "approx_randomization"))
    p.add_argument("--samples", type=int, default=None, help="resamples (bootstrap, default 1000) or trials (AR, default 10000)")
    p.add_argument("--allow-missing", action="store_true", help="score missing or empty predictions as empty")
    p.add_argument("--out", metavar="RESULT.json")
    p.set_defaults(func=run)


def run(args) -> int:
    from provsum.cli.score import load_references
    from provsum.metrics.api import compare
    from provsum.metrics.io import align, read_predictions

    ids, refs, _, source = load_references(args)
    systems = []
    for path in (args.a, args.b):
        preds = read_predictions(path, allow_empty=args.allow_missing)
        texts, _ = align(preds, ids, allow_missing=args.allow_missing, ref_source=source)
        systems.append(texts)
    result = compare(
        systems[0], systems[1], refs, method=args.method, tokenizer=args.tokenizer,
        tone_marks=not args.no_tone_norm, n_samples=args.samples, seed=args.seed,
        multi_ref="jackknife" if args.jackknife else "max", sentence_split=args.sentence_split,
        workers=args.workers,
    )
    result["a"], result["b"] = args.a, args.b
    print(result["signature"])
    print(f"{'metric':<12} {'A':>7} {'B':>7} {'B-A':>7} {'p':>8}")
    for name, m in result["metrics"].items():
        print(f"{name:<12} {m['a'] * 100:7.2f} {m['b'] * 100:7.2f} {m['delta'] * 100:+7.2f} {m['p_value']:8.4f}")
    if args.out:
        from pathlib import Path

        Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0
