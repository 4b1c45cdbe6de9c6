"""``provsum summarize``: run one system over a dataset split or a JSON-lines file, write predictions."""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings

# convenience flags -> system options (given only when set on the command line)
_FLAGS = [
    ("--k", int, "lead: number of leading sentences"),
    ("--max-sentences", int, "textrank/lexrank/extractive-trained/oracle: sentences in the summary"),
    ("--max-syllables", int, "textrank/lexrank/extractive-trained: a budget in syllables instead"),
    ("--token-mode", str, "textrank/lexrank/oracle: syllable or word tokens"),
    ("--model", str, "extractive-trained: model JSON; seq2seq: model folder or hub id; llm: model name"),
    ("--prefix", str, "seq2seq: task prefix (default: the one recorded at training, else none)"),
    ("--max-source-length", int, "seq2seq: input tokens (longer inputs are truncated and counted)"),
    ("--max-target-length", int, "seq2seq: new tokens at most"),
    ("--num-beams", int, "seq2seq: beam size"),
    ("--batch-size", int, "seq2seq: documents per batch"),
    ("--device", str, "seq2seq: cpu, cuda, cuda:1 ... (default: cuda if available)"),
    ("--dtype", str, "seq2seq: auto, fp32, bf16, fp16"),
    ("--base-url", str, "llm: OpenAI-compatible endpoint, e.g. http://localhost:8000/v1"),
    ("--api-key-env", str, "llm: name of the environment variable holding the key"),
    ("--concurrency", int, "llm: requests in flight"),
]


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "summarize",
        help="run a summarizer and write predictions (JSON lines with a header record)",
        description="Run one summarizer over a dataset split or an input file. Systems: lead-1, lead-2, lead-3, "
        "lead (--k), textrank, lexrank, oracle, extractive-trained, seq2seq, llm.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("--system", required=True, help="system name (see `provsum summarize --list`)")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--input", help="JSON lines with {\"id\", \"document\"[, \"summary\"]}")
    src.add_argument("--config", help="dataset config: provincial, meetings, news")
    p.add_argument("--split", default="test", help="dataset split (with --config)")
    p.add_argument("--out", required=True, help="predictions file to write")
    p.add_argument("--limit", type=int, help="only the first N documents")
    p.add_argument("--threads", type=int, help="torch CPU threads (seq2seq)")
    for flag, typ, helptext in _FLAGS:
        p.add_argument(flag, type=typ, help=helptext)
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="any other system option (VALUE parsed as JSON when it can be), repeatable")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def parse_options(args) -> dict:
    from provsum.errors import InputError

    options = {}
    for flag, _, _ in _FLAGS:
        value = getattr(args, flag[2:].replace("-", "_"))
        if value is not None:
            options[flag[2:].replace("-", "_")] = value
    for item in args.set:
        if "=" not in item:
            raise InputError(f"--set {item!r}: expected KEY=VALUE")
        key, value = item.split("=", 1)
        try:
            options[key.strip().replace("-", "_")] = json.loads(value)
        except json.JSONDecodeError:
            options[key.strip().replace("-", "_")] = value
    return options


def run(args) -> int:
    from provsum.errors import InputError
    from provsum.summarizers.run import run_summarizer

    if not args.input and not args.config:
        raise InputError("give --config NAME (with --split) or --input FILE.jsonl")
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    options = parse_options(args)
    if args.system in ("seq2seq", "llm"):
        options.setdefault("progress", not args.quiet)
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = run_summarizer(
            args.system, options, out=args.out, input_path=args.input, config=args.config, split=args.split, limit=args.limit
        )
    for w in caught:
        print(f"provsum summarize: warning: {w.message}", file=sys.stderr)
    seconds = time.perf_counter() - start
    print(f"{result['system']}: wrote {result['count']} predictions to {args.out} "
          f"({result['empty']} empty documents, {result['truncated']} truncated) in {seconds:.1f} s")
    return 0
