"""``provsum bench``: the leaderboard (every CPU system, scored and tested against Lead-3)."""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from pathlib import Path


def register(subparsers) -> None:
    from provsum.bench.runner import (CPU_SYSTEMS, DEFAULT_NEWS_SAMPLE, DEFAULT_SAMPLE_SEED, DEFAULT_TRAIN_DOCUMENTS,
                                      DEFAULT_TRAIN_SEED)
    from provsum.cli.summarize import _FLAGS

    p = subparsers.add_parser(
        "bench",
        help="build the leaderboard: run every CPU system on provincial/test and a news/test sample, score, test vs lead-3",
        description="Run " + ", ".join(CPU_SYSTEMS) + " on provincial/test and a fixed seeded sample of news/test, "
        "score each (syllable and word ROUGE with 95% intervals, fact metrics, abstractiveness), test each against "
        "lead-3 (paired bootstrap) and write leaderboard.{json,md,png}. Builds the dataset first if it is missing. "
        "GPU and endpoint systems run only when asked: --system seq2seq --model DIR_OR_HUB_ID, "
        "--system llm --base-url URL --model NAME (the system options below apply to the systems given with --system).",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("--system", action="append", default=[], metavar="NAME",
                   help="add a system to the default ones (seq2seq, llm, or another setting of a CPU system with --label); repeatable")
    p.add_argument("--label", action="append", default=[], help="leaderboard name of each --system, in order "
                   "(default: seq2seq:<model folder>, llm:<model>, else the system name)")
    p.add_argument("--only", help="comma-separated subset of the default CPU systems (lead-3 is always run)")
    p.add_argument("--news-sample", type=int, default=DEFAULT_NEWS_SAMPLE,
                   help="news/test examples in the fixed seeded sample (0: provincial only)")
    p.add_argument("--sample-seed", type=int, default=DEFAULT_SAMPLE_SEED, help="seed of the news/test sample")
    p.add_argument("--out-dir", default=None, help="results folder (default: benchmarks/results of the repository)")
    p.add_argument("--runs-dir", default=None, help="predictions and the cached extractive model (default: runs/bench)")
    p.add_argument("--workers", type=int, default=2, help="processes for the build and the scorer")
    p.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples (intervals and paired tests)")
    p.add_argument("--seed", type=int, default=12345, help="bootstrap seed")
    p.add_argument("--corpora", help="source corpora for the build (default: $PROVSUM_CORPORA or ../shared/corpora)")
    p.add_argument("--dataset-dir", help="built dataset folder (default: $PROVSUM_DATASET or dataset/)")
    p.add_argument("--no-build", action="store_true", help="fail instead of building a missing dataset")
    p.add_argument("--train-documents", type=int, default=DEFAULT_TRAIN_DOCUMENTS,
                   help="news/train documents (seeded sample) for the extractive-trained model")
    p.add_argument("--train-seed", type=int, default=DEFAULT_TRAIN_SEED, help="seed of that sample and of the training")
    p.add_argument("--extractive-model", help="use this extractive-trained model instead of training or reusing one")
    p.add_argument("--update-readme", nargs="?", const="README.md", default=None, metavar="README",
                   help="also replace the leaderboard block of the README (between the leaderboard markers)")
    p.add_argument("--threads", type=int, help="torch CPU threads (seq2seq on CPU)")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    group = p.add_argument_group("options of the systems given with --system")
    for flag, typ, helptext in _FLAGS:
        group.add_argument(flag, type=typ, help=helptext)
    group.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                       help="any other option of those systems (VALUE parsed as JSON when it can be), repeatable")
    p.set_defaults(func=run)


def default_label(name: str, options: dict) -> str:
    if name == "seq2seq" and options.get("model"):
        return "seq2seq:" + Path(str(options["model"]).rstrip("/")).name
    if name == "llm" and options.get("model"):
        return "llm:" + str(options["model"]).split("/")[-1]
    return name


def build_specs(args) -> list:
    from provsum.bench.runner import BASELINE, CPU_SYSTEMS, SystemSpec
    from provsum.cli.summarize import parse_options
    from provsum.errors import InputError

    cpu = list(CPU_SYSTEMS)
    if args.only:
        wanted = [s.strip() for s in args.only.split(",") if s.strip()]
        unknown = [s for s in wanted if s not in CPU_SYSTEMS]
        if unknown:
            raise InputError(f"--only: not a default system: {', '.join(unknown)}; they are {', '.join(CPU_SYSTEMS)}")
        cpu = [s for s in CPU_SYSTEMS if s in wanted or s == BASELINE]
    specs = [SystemSpec(s) for s in cpu]
    if len(args.label) > len(args.system):
        raise InputError(f"{len(args.label)} --label for {len(args.system)} --system")
    options = parse_options(args)
    if options and not args.system:
        raise InputError("system options (" + ", ".join(sorted(options)) + ") apply to the systems given with --system; give one")
    for k, name in enumerate(args.system):
        opts = dict(options)
        if name in ("seq2seq", "llm"):
            opts.setdefault("progress", not args.quiet)
        label = args.label[k] if k < len(args.label) else default_label(name, opts)
        if not re.fullmatch(r"[\w.:+@-]+", label):
            raise InputError(f"label {label!r}: use letters, digits and . : + @ - _ only (it names a file)")
        specs.append(SystemSpec(name, opts, label))
    return specs


def summary_tables(board: dict) -> list:
    """One compact ``rich`` table per evaluation set (the files hold the intervals and every metric)."""
    from rich.table import Table

    from provsum.bench.readme import _delta, _ordered, _pct, _set_line

    tables = []
    for config, res in board["results"].items():
        table = Table(title=_set_line(config, res).replace("`", ""))
        for col in ("system", "R-1", "R-2", "R-L", "R-2 word", "fact recall %", f"Δ R-2 vs {board['baseline']}"):
            table.add_column(col, justify="left" if col == "system" else "right")
        for name in _ordered(res["systems"]):
            s = res["systems"][name]
            table.add_row(name, _pct(s["syllable"]["rouge1_f"]), _pct(s["syllable"]["rouge2_f"]),
                          _pct(s["syllable"]["rougeL_f"]), _pct(s["word"]["rouge2_f"]),
                          _pct(s["facts"].get("fact_recall"), 100, 1), _delta(s.get("vs_baseline"), "syllable:rouge2_f"))
        tables.append(table)
    return tables


def _command_line() -> str:
    """The command as typed (recorded in the results)."""
    argv = sys.argv[1:]
    if "bench" in argv:
        argv = argv[argv.index("bench") + 1:]
    return " ".join(["provsum bench", *([shlex.join(argv)] if argv else [])])


def run(args) -> int:
    from provsum.bench.runner import BenchConfig, default_out_dir, run_bench

    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    cfg = BenchConfig(
        systems=build_specs(args),
        news_sample=args.news_sample,
        sample_seed=args.sample_seed,
        bootstrap=args.bootstrap,
        seed=args.seed,
        workers=args.workers,
        out_dir=Path(args.out_dir) if args.out_dir else None,
        runs_dir=Path(args.runs_dir) if args.runs_dir else None,
        dataset_dir=Path(args.dataset_dir) if args.dataset_dir else None,
        corpora=args.corpora,
        build_if_missing=not args.no_build,
        train_documents=args.train_documents,
        train_seed=args.train_seed,
        extractive_model=args.extractive_model,
        progress=not args.quiet,
        command=_command_line(),
    )
    board = run_bench(cfg, log=None if not args.quiet else (lambda msg: None))
    from rich.console import Console

    from provsum.bench.readme import update_readme

    console = Console()
    for table in summary_tables(board):
        console.print(table)
    out = cfg.out_dir or default_out_dir()
    console.print(f"wrote {out}/leaderboard.json, leaderboard.md, leaderboard.png in {board['timings_seconds']['total']} s")
    if args.update_readme:
        changed = update_readme(args.update_readme, board)
        console.print(f"{args.update_readme}: leaderboard table {'updated' if changed else 'already up to date'}")
    return 0
