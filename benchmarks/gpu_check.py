#!/usr/bin/env python
"""GPU check: from-scratch training on ``news`` for a fixed budget, then ``provincial``/test summaries and scores.

Records the GPU, training tokens/s (non-pad source + target tokens handed to the trainer per second
of training), peak GPU memory of training and of generation, generation docs/s, ROUGE of the model
and of Lead-3 on the same split, into ``benchmarks/results/gpu_check.{md,json}``. Run it through
``benchmarks/gpu_check.sh``. ``--allow-cpu`` runs the same steps on a CPU (a smoke test of the script).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="t5", choices=["t5", "bart"])
    ap.add_argument("--size", default="small", choices=["tiny", "small", "base"])
    ap.add_argument("--budget", type=float, default=240.0, help="seconds of training")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--train-config", default="news")
    ap.add_argument("--test-config", default="provincial")
    ap.add_argument("--max-train-examples", type=int, default=100000, help="bounds loading and encoding time")
    ap.add_argument("--max-test-examples", type=int, default=None)
    ap.add_argument("--gen-batch-size", type=int, default=64)
    ap.add_argument("--num-beams", type=int, default=4)
    ap.add_argument("--run-dir", default="runs/gpu-check")
    ap.add_argument("--results", default=str(Path(__file__).parent / "results" / "gpu_check"))
    ap.add_argument("--allow-cpu", action="store_true")
    ap.add_argument("--set", action="append", default=[], help="model config override KEY=VALUE")
    args = ap.parse_args()

    import torch

    from provsum.data.load import load_records
    from provsum.metrics.api import score
    from provsum.summarizers import get_summarizer
    from provsum.summarizers.io import write_predictions
    from provsum.training.seq2seq import TrainOptions, train_seq2seq

    gpu = torch.cuda.is_available()
    if not gpu and not args.allow_cpu:
        raise SystemExit("no CUDA GPU visible (use --allow-cpu for a smoke test on CPU)")
    overrides = {k: json.loads(v) for k, v in (item.split("=", 1) for item in args.set)}
    run = Path(args.run_dir) / f"{args.arch}-{args.size}"
    opts = TrainOptions(
        output_dir=str(run / "model"), config=args.train_config, from_scratch=True, arch=args.arch, size=args.size,
        model_overrides=overrides, max_train_examples=args.max_train_examples, max_eval_examples=200,
        max_source_length=512, max_target_length=96, epochs=100, max_train_seconds=args.budget,
        batch_size=args.batch_size, learning_rate=1e-3, lr_scheduler="constant_with_warmup", warmup_steps=300,
        eval_steps=0, logging_steps=100, seed=0, progress=False,
    )
    t0 = time.perf_counter()
    train_metrics = train_seq2seq(opts)
    train_wall = time.perf_counter() - t0

    test = load_records(args.test_config, "test")
    if args.max_test_examples:
        test = test[: args.max_test_examples]
    ids = [r["id"] for r in test]
    docs = [r["document"] for r in test]
    refs = [r["summary"] for r in test]
    if gpu:
        torch.cuda.reset_peak_memory_stats()
    s = get_summarizer("seq2seq", model=opts.output_dir, batch_size=args.gen_batch_size, num_beams=args.num_beams,
                       max_target_length=96, progress=False)
    t1 = time.perf_counter()
    preds = s.summarize(docs, ids=ids)
    gen_s = time.perf_counter() - t1
    gen_peak = round(torch.cuda.max_memory_allocated() / 2**30, 3) if gpu else None
    write_predictions(run / "provincial-test.jsonl", s.name, s.settings, ids, preds)
    lead = get_summarizer("lead-3").summarize(docs)
    rep_model = score(preds, refs)
    rep_lead = score(lead, refs)
    pick = ("rouge1_f", "rouge2_f", "rougeL_f", "rougeLsum_f")
    result = {
        "check": "issue 5 item 4: from-scratch training on a GPU for a fixed budget",
        "gpu": torch.cuda.get_device_name(0) if gpu else None,
        "torch": torch.__version__,
        "model": {"arch": args.arch, "size": args.size, "parameters": s.settings["parameters"], "overrides": overrides},
        "train": {
            "config": args.train_config, "budget_s": args.budget, "wall_s": round(train_wall, 1),
            "tokens_per_second": train_metrics["train"]["tokens_per_second"],
            "global_step": train_metrics["train"]["global_step"],
            "stopped_by_time_budget": train_metrics["train"]["stopped_by_time_budget"],
            "train_loss": train_metrics["train"].get("train_loss"),
            "peak_gpu_memory_gib": train_metrics["device"].get("peak_gpu_memory_gib"),
            "batch_size": args.batch_size,
            "validation": {k: v for k, v in train_metrics.get("eval", {}).items() if k.startswith("eval_rouge")},
        },
        "generate": {
            "config": args.test_config, "split": "test", "documents": len(docs), "seconds": round(gen_s, 1),
            "docs_per_s": round(len(docs) / gen_s, 2), "num_beams": args.num_beams, "batch_size": args.gen_batch_size,
            "truncated_documents": s.truncated, "peak_gpu_memory_gib": gen_peak, "dtype": s.settings["dtype"],
        },
        "scores": {"model": {k: rep_model.corpus[k] for k in pick if k in rep_model.corpus},
                   "lead-3": {k: rep_lead.corpus[k] for k in pick if k in rep_lead.corpus}},
    }
    out = Path(args.results)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    md = [
        "# GPU check: from-scratch seq2seq on `news`, scored on `provincial`/test", "",
        f"GPU: {result['gpu']}; model {args.arch}-{args.size} ({result['model']['parameters']:,} parameters); "
        f"training budget {args.budget:.0f} s, {result['train']['global_step']} steps, batch {args.batch_size}.", "",
        f"- training: {result['train']['tokens_per_second']:,} tokens/s, peak GPU memory {result['train']['peak_gpu_memory_gib']} GiB",
        f"- generation: {result['generate']['docs_per_s']} docs/s ({result['generate']['documents']} documents, "
        f"beam {args.num_beams}), peak GPU memory {gen_peak} GiB", "",
        "| system | " + " | ".join(pick) + " |", "|---|" + "---:|" * len(pick),
    ]
    for name, rep in result["scores"].items():
        md.append(f"| {name} | " + " | ".join(f"{rep[k]['mean']:.4f}" if k in rep else "" for k in pick) + " |")
    out.with_suffix(".md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))


if __name__ == "__main__":
    main()
