"""``provsum train``: fine-tune or train from scratch a seq2seq summarizer, or fit the extractive scorer."""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "train",
        help="train a summarizer (seq2seq fine-tuning / from scratch, or the extractive scorer)",
        description="Fine-tune a pretrained seq2seq model (--model PATH_OR_ID), train one from scratch "
        "(--from-scratch --arch t5|bart --size tiny|small|base; a Unigram tokenizer is trained first), or fit "
        "the extractive-trained sentence scorer (--extractive). Runs unchanged under `accelerate launch` "
        "or `torchrun` on several GPUs.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--model", help="pretrained checkpoint: local folder or hub id")
    what.add_argument("--from-scratch", action="store_true", help="randomly initialized model of --arch/--size")
    what.add_argument("--extractive", action="store_true", help="fit the extractive-trained scorer (writes a JSON model)")
    p.add_argument("--arch", default="t5", choices=["t5", "bart"])
    p.add_argument("--size", default="small", choices=["tiny", "small", "base"])
    p.add_argument("--vocab-size", type=int, help="tokenizer vocabulary (default by size: 8000/16000/32000)")
    p.add_argument("--config", default="news", help="dataset config for train/validation")
    p.add_argument("--train-file", help="JSON lines {id, document, summary} instead of a config")
    p.add_argument("--validation-file", help="JSON lines for evaluation (with --train-file)")
    p.add_argument("--out", required=True, help="output folder (seq2seq) or model JSON file (--extractive)")
    p.add_argument("--max-train-examples", type=int, help="seeded sample of the train split")
    p.add_argument("--max-eval-examples", type=int, default=500, help="seeded sample of the validation split")
    p.add_argument("--prefix", default="", help="task prefix prepended to every document (e.g. 'vietnews: ')")
    p.add_argument("--src-lang", help="mBART: source language code, e.g. vi_VN")
    p.add_argument("--tgt-lang", help="mBART: target language code, e.g. vi_VN")
    p.add_argument("--max-source-length", type=int, default=512)
    p.add_argument("--max-target-length", type=int, default=128)
    p.add_argument("--epochs", type=float, default=3.0)
    p.add_argument("--max-steps", type=int, default=-1, help="stop after N optimizer steps (overrides --epochs)")
    p.add_argument("--max-train-seconds", type=float, help="stop after this much training time")
    p.add_argument("--batch-size", type=int, default=8, help="per device")
    p.add_argument("--eval-batch-size", type=int)
    p.add_argument("--gradient-accumulation-steps", type=int, default=1)
    p.add_argument("--learning-rate", type=float, help="default 5e-4 from scratch, 5e-5 fine-tuning")
    p.add_argument("--warmup-ratio", type=float, default=0.05)
    p.add_argument("--warmup-steps", type=int, help="overrides --warmup-ratio")
    p.add_argument("--lr-scheduler", default="linear",
                   help="transformers scheduler: linear, cosine, constant_with_warmup (good with --max-train-seconds) ...")
    p.add_argument("--precision", default="auto", choices=["auto", "fp32", "bf16", "fp16"],
                   help="auto: bf16 on a GPU that supports it, else fp32")
    p.add_argument("--eval-steps", type=int, help="evaluate every N steps (default: every epoch; 0: only at the end)")
    p.add_argument("--metric", default="rouge2", help="metric that picks the best checkpoint (rouge1, rouge2, rougel, rougelsum)")
    p.add_argument("--early-stopping-patience", type=int, default=3, help="0 disables early stopping")
    p.add_argument("--generation-num-beams", type=int, default=1, help="beams when generating for evaluation")
    p.add_argument("--save-total-limit", type=int, default=2)
    p.add_argument("--logging-steps", type=int, default=50)
    p.add_argument("--resume", action="store_true", help="continue from the last checkpoint in --out")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, help="torch CPU threads")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="model config override for --from-scratch (e.g. d_model=64), repeatable")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.set_defaults(func=run)


def run(args) -> int:
    from provsum.errors import InputError

    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    start = time.perf_counter()
    if args.extractive:
        from provsum.summarizers.trained import train_extractive_on

        model = train_extractive_on(
            config=None if args.train_file else args.config,
            train_file=args.train_file,
            max_documents=args.max_train_examples or 20000,
            seed=args.seed,
        )
        path = model.save(args.out)
        print(f"extractive-trained: fitted on {model.training['documents']} documents "
              f"({model.training['sentences']} sentences) in {time.perf_counter() - start:.1f} s; "
              f"held-out precision@oracle-k {model.training.get('heldout_precision_at_oracle_k')}; wrote {path}")
        return 0

    from provsum.training.seq2seq import TrainOptions, train_seq2seq

    overrides = {}
    for item in args.set:
        if "=" not in item:
            raise InputError(f"--set {item!r}: expected KEY=VALUE")
        key, value = item.split("=", 1)
        try:
            overrides[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key.strip()] = value
    opts = TrainOptions(
        output_dir=args.out,
        config=None if args.train_file else args.config,
        train_file=args.train_file,
        validation_file=args.validation_file,
        max_train_examples=args.max_train_examples,
        max_eval_examples=args.max_eval_examples,
        model=args.model,
        from_scratch=args.from_scratch,
        arch=args.arch,
        size=args.size,
        vocab_size=args.vocab_size,
        model_overrides=overrides,
        prefix=args.prefix,
        src_lang=args.src_lang,
        tgt_lang=args.tgt_lang,
        max_source_length=args.max_source_length,
        max_target_length=args.max_target_length,
        epochs=args.epochs,
        max_steps=args.max_steps,
        max_train_seconds=args.max_train_seconds,
        batch_size=args.batch_size,
        eval_batch_size=args.eval_batch_size,
        gradient_accumulation_steps=args.gradient_accumulation_steps,
        learning_rate=args.learning_rate,
        warmup_ratio=args.warmup_ratio,
        warmup_steps=args.warmup_steps,
        lr_scheduler=args.lr_scheduler,
        precision=args.precision,
        eval_steps=args.eval_steps,
        metric=args.metric,
        early_stopping_patience=args.early_stopping_patience,
        generation_num_beams=args.generation_num_beams,
        save_total_limit=args.save_total_limit,
        logging_steps=args.logging_steps,
        resume=args.resume,
        seed=args.seed,
        progress=not args.quiet,
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RuntimeWarning)
        metrics = train_seq2seq(opts)
    for w in caught:
        if issubclass(w.category, RuntimeWarning):
            print(f"provsum train: warning: {w.message}", file=sys.stderr)
    ev = metrics.get("eval", {})
    scores = ", ".join(f"{k[5:]} {v:.4f}" for k, v in ev.items() if k.startswith("eval_rouge"))
    print(f"trained {args.out} in {time.perf_counter() - start:.1f} s "
          f"({metrics['train'].get('tokens_per_second')} tokens/s); validation: {scores or 'not evaluated'}")
    return 0
