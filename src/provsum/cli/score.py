"""``provsum score``: ROUGE (+ abstractiveness, facts) of one system's predictions."""

from __future__ import annotations

import argparse
import sys


def add_reference_args(p: argparse.ArgumentParser) -> None:
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--references", metavar="REFS.jsonl", help='{"id", "summary"} or {"id", "references": [...]} per line')
    src.add_argument("--config", choices=("provincial", "meetings", "news"), help="score against the built dataset")
    p.add_argument("--split", default="test", choices=("train", "validation", "test"))
    p.add_argument("--tokenizer", default="syllable", choices=("syllable", "word", "rouge_score"))
    p.add_argument("--no-tone-norm", action="store_true", help="do not unify old/new tone-mark placement")
    p.add_argument("--seed", type=int, default=12345)
    p.add_argument("--workers", type=int, default=1, help="processes for ROUGE (default 1)")
    p.add_argument("--jackknife", action="store_true", help="jackknife over multiple references instead of max")
    p.add_argument("--sentence-split", default="auto", choices=("auto", "lines"),
                   help="ROUGE-Lsum sentences: lines, else automatic splitter (auto); or lines only (rouge_score)")


def load_references(args) -> tuple[list[str], list[list[str]], list[str] | None, str]:
    """(ids, references, documents or None, description of the source)."""
    if args.references:
        from provsum.metrics.io import read_references

        from provsum.errors import InputError

        recs = read_references(args.references)
        if not recs.ids:
            raise InputError(f"{args.references}: no references")
        return recs.ids, recs.texts, None, args.references
    from provsum.data.load import load_records  # the CLI may read the dataset; metrics/ never does

    rows = load_records(args.config, args.split)
    return [r["id"] for r in rows], [[r["summary"] or ""] for r in rows], [r["document"] or "" for r in rows], f"{args.config}/{args.split}"


def register(subparsers) -> None:
    p = subparsers.add_parser("score", help="score predictions (ROUGE with CIs, abstractiveness, facts)",
                              description="Score predictions.jsonl against references or the built dataset.")
    p.add_argument("--predictions", required=True, metavar="PREDS.jsonl")
    add_reference_args(p)
    p.add_argument("--out", metavar="REPORT.json", help="write the report (with per-example scores) here")
    p.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples for the intervals (default 1000)")
    p.add_argument("--allow-missing", action="store_true", help="score missing or empty predictions as empty (counted)")
    p.add_argument("--no-facts", action="store_true", help="with --config: skip the fact metrics")
    p.set_defaults(func=run)


def run(args) -> int:
    from provsum.metrics.api import score
    from provsum.metrics.io import align, read_predictions

    preds = read_predictions(args.predictions, allow_empty=args.allow_missing)
    ids, refs, documents, source = load_references(args)
    texts, missing = align(preds, ids, allow_missing=args.allow_missing, ref_source=source)
    header = preds.header or {}
    report = score(
        texts, refs, ids=ids, tokenizer=args.tokenizer, tone_marks=not args.no_tone_norm,
        bootstrap=args.bootstrap, seed=args.seed, documents=documents,
        facts=documents is not None and not args.no_facts, workers=args.workers,
        multi_ref="jackknife" if args.jackknife else "max", sentence_split=args.sentence_split,
        system=header.get("system"), counts={"missing_predictions": len(missing), "blank_lines": preds.blank_lines},
    )
    if header.get("settings") is not None:
        report.settings["system_settings"] = header["settings"]
    report.settings["references"] = source
    from rich.console import Console

    Console().print(report.table())
    print(report.signature)
    counts = ", ".join(f"{k}: {v}" for k, v in report.counts.items())
    print(counts)
    for note in report.notes:
        print(f"note: {note}")
    if args.out:
        from pathlib import Path

        Path(args.out).write_text(report.to_json() + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0
