"""Train a seq2seq summarizer with transformers' ``Seq2SeqTrainer``.

Two starts:
- fine-tune a pretrained checkpoint: ``TrainOptions(model="VietAI/vit5-base", ...)`` (a local
  folder or a hub id);
- from scratch: ``TrainOptions(from_scratch=True, arch="t5"|"bart", size="tiny"|"small"|"base")``,
  which first trains a Unigram tokenizer on the train split (documents and summaries).

Data: a dataset config (``news``, ``provincial`` ...: train and validation splits) or JSON-lines
files with ``{"id", "document", "summary"}``. Evaluation generates summaries for the validation
set and scores them with the provsum scorer (``evaluation.score_summaries``); the best checkpoint
by ``metric`` is kept and training stops early after ``early_stopping_patience`` evaluations
without improvement. ``resume=True`` continues from the last checkpoint in ``output_dir``.
Precision ``auto`` is bf16 on a GPU that supports it, fp32 elsewhere. The same code runs under
``accelerate launch`` or ``torchrun`` on several GPUs: the Trainer reads the distributed
environment, the tokenizer is trained by the main process first, and only the main process
writes files.

Next to the model, ``output_dir`` holds the tokenizer, ``provsum_training.json`` (every option,
the data used, the seed, counts of truncated examples) and ``metrics.json`` (train and
evaluation metrics, tokens/s, peak memory, the device).
"""

from __future__ import annotations

import json
import math
import random
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path

from provsum.errors import InputError
from provsum.summarizers.base import document_sentences
from provsum.summarizers.seq2seq import TRAINING_RECORD, resolve_model
from provsum.training import configs

PRECISIONS = ("auto", "fp32", "bf16", "fp16")


@dataclass
class TrainOptions:
    output_dir: str
    # data
    config: str | None = "news"
    train_file: str | None = None
    validation_file: str | None = None
    max_train_examples: int | None = None
    max_eval_examples: int | None = 500
    # model
    model: str | None = None
    from_scratch: bool = False
    arch: str = "t5"
    size: str = "small"
    vocab_size: int | None = None
    tokenizer_examples: int = 20000
    model_overrides: dict = field(default_factory=dict)
    prefix: str = ""
    src_lang: str | None = None
    tgt_lang: str | None = None
    max_source_length: int = 512
    max_target_length: int = 128
    # optimization
    epochs: float = 3.0
    max_steps: int = -1
    max_train_seconds: float | None = None
    batch_size: int = 8
    eval_batch_size: int | None = None
    gradient_accumulation_steps: int = 1
    learning_rate: float | None = None
    weight_decay: float = 0.01
    warmup_ratio: float = 0.05
    warmup_steps: int | None = None  # overrides warmup_ratio
    lr_scheduler: str = "linear"  # any transformers scheduler name; "constant_with_warmup" suits time budgets
    precision: str = "auto"
    # evaluation, checkpoints
    eval_steps: int | None = None  # None: every epoch; 0: only once, at the end
    metric: str = "rouge2"
    early_stopping_patience: int = 3
    generation_num_beams: int = 1
    save_total_limit: int = 2
    logging_steps: int = 50
    resume: bool = False
    seed: int = 0
    progress: bool = True

    def check(self) -> None:
        if bool(self.model) == bool(self.from_scratch):
            raise InputError("train: give either a pretrained model (--model PATH_OR_ID) or --from-scratch, not both / neither")
        if self.from_scratch:
            configs.check(self.arch, self.size)
        if self.precision not in PRECISIONS:
            raise InputError(f"train: unknown precision {self.precision!r}; precisions are {', '.join(PRECISIONS)}")
        if not self.train_file and not self.config:
            raise InputError("train: give a dataset config (--config news) or --train-file FILE.jsonl")


# --- data --------------------------------------------------------------------------------------
def load_examples(opts: TrainOptions, split: str) -> list[dict]:
    """``[{"id", "document", "summary"}]`` for ``split`` ("train" or "validation"), subsampled with the seed."""
    path = opts.train_file if split == "train" else opts.validation_file
    if path:
        from provsum.summarizers.io import read_inputs

        records = read_inputs(path)
        for k, r in enumerate(records, 1):
            if not r.get("summary"):
                raise InputError(f"{path}: record {k} (id {r['id']!r}): training needs a non-empty \"summary\"")
    elif opts.train_file:
        return []  # files given for training and none for validation: no evaluation
    limit = opts.max_train_examples if split == "train" else opts.max_eval_examples
    if not path:
        from provsum.summarizers.run import load_split

        try:
            # a seeded sample taken before the rows become Python objects; empty records dropped after
            records = load_split(opts.config, split, limit, opts.seed)
        except Exception as exc:  # noqa: BLE001 - a missing split is reported, not fatal, for validation
            if split == "train":
                raise
            warnings.warn(f"train: no {opts.config}/{split} split ({exc}); training without evaluation", RuntimeWarning)
            return []
    elif limit is not None and len(records) > limit:
        keep = sorted(random.Random(opts.seed).sample(range(len(records)), int(limit)))
        records = [records[i] for i in keep]
    return [r for r in records if document_sentences(r.get("document")) and r.get("summary")]


def source_text(document: str, prefix: str = "") -> str:
    return prefix + " ".join(document_sentences(document))


class _CountingDataset:
    """Tokenized examples; counts the tokens handed to the trainer (for tokens/s)."""

    def __init__(self, items: list[dict]):
        self.items = items
        self.tokens = 0

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> dict:
        item = self.items[i]
        self.tokens += len(item["input_ids"]) + len(item["labels"])
        return item


def encode(records: list[dict], tokenizer, opts: TrainOptions) -> tuple[list[dict], dict]:
    sources = [source_text(r["document"], opts.prefix) for r in records]
    targets = [" ".join(r["summary"].split()) for r in records]
    full_src = tokenizer(sources, verbose=False)["input_ids"]
    full_tgt = tokenizer(text_target=targets, verbose=False)["input_ids"]
    src = tokenizer(sources, max_length=opts.max_source_length, truncation=True)
    tgt = tokenizer(text_target=targets, max_length=opts.max_target_length, truncation=True)
    items = [{"input_ids": a, "attention_mask": m, "labels": b} for a, m, b in zip(src["input_ids"], src["attention_mask"], tgt["input_ids"])]
    counts = {
        "examples": len(items),
        "truncated_sources": sum(len(x) > opts.max_source_length for x in full_src),
        "truncated_targets": sum(len(x) > opts.max_target_length for x in full_tgt),
    }
    return items, counts


# --- model and tokenizer ----------------------------------------------------------------------
def build_model_and_tokenizer(opts: TrainOptions, train_records: list[dict], main_first):
    """Pretrained: load both. From scratch: the main process trains and saves the tokenizer first."""
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, set_seed

    if opts.model:
        resolved = resolve_model(opts.model)
        try:
            tokenizer = AutoTokenizer.from_pretrained(resolved)
            model = AutoModelForSeq2SeqLM.from_pretrained(resolved)
        except (OSError, ValueError) as exc:
            raise InputError(f"train: cannot load model {opts.model!r} ({str(exc).splitlines()[0]})") from None
        if opts.src_lang:
            tokenizer.src_lang = opts.src_lang
        if opts.tgt_lang:
            tokenizer.tgt_lang = opts.tgt_lang
            lang_id = tokenizer.convert_tokens_to_ids(opts.tgt_lang)
            model.generation_config.forced_bos_token_id = lang_id
        return model, tokenizer

    from provsum.training.tokenizer import train_tokenizer

    tok_dir = Path(opts.output_dir) / "tokenizer"
    vocab = opts.vocab_size or configs.VOCAB_SIZES[opts.size]
    with main_first():
        if (tok_dir / "tokenizer.json").exists() and (opts.resume or not _is_main()):
            tokenizer = AutoTokenizer.from_pretrained(str(tok_dir))
        else:
            rng = random.Random(opts.seed)
            sample = train_records if len(train_records) <= opts.tokenizer_examples else rng.sample(train_records, opts.tokenizer_examples)
            texts = (t for r in sample for t in [*document_sentences(r["document"]), r["summary"]])
            tokenizer = train_tokenizer(texts, opts.arch, vocab, opts.max_source_length, out_dir=tok_dir, seed=opts.seed)
    set_seed(opts.seed)
    cfg = configs.model_config(opts.arch, opts.size, tokenizer, opts.max_source_length, opts.model_overrides)
    model = AutoModelForSeq2SeqLM.from_config(cfg)
    return model, tokenizer


def _is_main() -> bool:
    import os

    return int(os.environ.get("RANK", os.environ.get("LOCAL_RANK", "0") or 0)) == 0


def _precision_flags(precision: str) -> dict:
    import torch

    gpu = torch.cuda.is_available()
    if precision == "auto":
        return {"bf16": gpu and torch.cuda.is_bf16_supported(), "fp16": False}
    if precision in ("bf16", "fp16") and not gpu:
        warnings.warn(f"train: {precision} needs a GPU; training in fp32", RuntimeWarning)
        return {"bf16": False, "fp16": False}
    return {"bf16": precision == "bf16", "fp16": precision == "fp16"}


def _time_budget_callback(seconds: float | None):
    from transformers import TrainerCallback

    class TimeBudget(TrainerCallback):
        """Stops training (and saves) once ``seconds`` of training have passed."""

        def __init__(self):
            self.start = None
            self.stopped = False

        def on_train_begin(self, args, state, control, **kwargs):
            self.start = time.perf_counter()

        def on_step_end(self, args, state, control, **kwargs):
            if seconds is not None and time.perf_counter() - self.start >= seconds:
                control.should_training_stop = True
                control.should_save = True
                self.stopped = True
            return control

    return TimeBudget()


# --- the run ---------------------------------------------------------------------------------
def train_seq2seq(opts: TrainOptions) -> dict:
    """Train, evaluate, save. Returns the metrics written to ``metrics.json``."""
    import torch
    from transformers import (
        DataCollatorForSeq2Seq,
        EarlyStoppingCallback,
        Seq2SeqTrainer,
        Seq2SeqTrainingArguments,
    )
    from transformers.trainer_utils import get_last_checkpoint

    from provsum.training.evaluation import score_summaries

    opts.check()
    out = Path(opts.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    train_records = load_examples(opts, "train")
    if not train_records:
        raise InputError("train: no training examples with a document and a summary")
    eval_records = load_examples(opts, "validation")
    has_eval = bool(eval_records)

    eval_every_epoch = opts.eval_steps is None
    strategy = "epoch" if eval_every_epoch else ("steps" if opts.eval_steps else "no")
    if not has_eval:
        strategy = "no"
    save_strategy = strategy if strategy != "no" else "steps"
    learning_rate = opts.learning_rate or (5e-4 if opts.from_scratch else 5e-5)
    precision = _precision_flags(opts.precision)
    args = Seq2SeqTrainingArguments(
        output_dir=str(out),
        per_device_train_batch_size=opts.batch_size,
        per_device_eval_batch_size=opts.eval_batch_size or opts.batch_size,
        gradient_accumulation_steps=opts.gradient_accumulation_steps,
        learning_rate=learning_rate,
        weight_decay=opts.weight_decay,
        warmup_steps=opts.warmup_steps if opts.warmup_steps is not None else opts.warmup_ratio,
        lr_scheduler_type=opts.lr_scheduler,
        num_train_epochs=opts.epochs,
        max_steps=opts.max_steps,
        eval_strategy=strategy,
        eval_steps=opts.eval_steps or None,
        save_strategy=save_strategy,
        save_steps=(opts.eval_steps or 500) if save_strategy == "steps" else None,
        save_total_limit=opts.save_total_limit,
        load_best_model_at_end=strategy != "no",
        metric_for_best_model=f"eval_{opts.metric}" if strategy != "no" else None,
        greater_is_better=True,
        predict_with_generate=True,
        generation_max_length=opts.max_target_length,
        generation_num_beams=opts.generation_num_beams,
        logging_steps=opts.logging_steps,
        seed=opts.seed,
        data_seed=opts.seed,
        report_to="none",
        disable_tqdm=not opts.progress,
        ddp_find_unused_parameters=False,
        dataloader_pin_memory=torch.cuda.is_available(),
        **precision,
    )
    model, tokenizer = build_model_and_tokenizer(opts, train_records, lambda: args.main_process_first(desc="tokenizer"))
    train_items, train_counts = encode(train_records, tokenizer, opts)
    eval_items, eval_counts = encode(eval_records, tokenizer, opts) if has_eval else ([], {})
    for name, counts in (("train", train_counts), ("validation", eval_counts)):
        if counts.get("truncated_sources"):
            warnings.warn(f"train: {counts['truncated_sources']} of {counts['examples']} {name} documents were truncated "
                          f"to {opts.max_source_length} tokens", RuntimeWarning)
    train_data = _CountingDataset(train_items)
    references = [" ".join(r["summary"].split()) for r in eval_records]

    def compute_metrics(eval_pred):
        import numpy as np

        preds = eval_pred.predictions
        if isinstance(preds, tuple):
            preds = preds[0]
        preds = np.where(preds < 0, tokenizer.pad_token_id, preds)
        decoded = [" ".join(t.split()) for t in tokenizer.batch_decode(preds, skip_special_tokens=True)]
        refs = references if len(decoded) == len(references) else [
            " ".join(t.split()) for t in tokenizer.batch_decode(np.where(eval_pred.label_ids < 0, tokenizer.pad_token_id, eval_pred.label_ids), skip_special_tokens=True)
        ]
        return score_summaries(decoded, refs)

    budget = _time_budget_callback(opts.max_train_seconds)
    callbacks = [budget]
    if strategy != "no" and opts.early_stopping_patience > 0:
        callbacks.append(EarlyStoppingCallback(early_stopping_patience=opts.early_stopping_patience))
    trainer = Seq2SeqTrainer(
        model=model,
        args=args,
        data_collator=DataCollatorForSeq2Seq(tokenizer, model=model, label_pad_token_id=-100),
        train_dataset=train_data,
        eval_dataset=eval_items or None,
        processing_class=tokenizer,
        compute_metrics=compute_metrics if has_eval else None,
        callbacks=callbacks,
    )
    resume_from = get_last_checkpoint(str(out)) if opts.resume and out.is_dir() else None
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    started = time.perf_counter()
    result = trainer.train(resume_from_checkpoint=resume_from)
    train_seconds = time.perf_counter() - started
    metrics = {"train": dict(result.metrics)}
    metrics["train"]["global_step"] = result.global_step
    metrics["train"]["tokens_per_second"] = round(train_data.tokens * args.world_size / max(train_seconds, 1e-9), 1)
    metrics["train"]["tokens_seen"] = train_data.tokens * args.world_size
    metrics["train"]["stopped_by_time_budget"] = budget.stopped
    if has_eval:
        metrics["eval"] = trainer.evaluate()
    metrics["device"] = _device_record(args)
    trainer.save_model(str(out))
    if trainer.is_world_process_zero():
        record = asdict(opts)
        record.update({
            "learning_rate": learning_rate,
            "resumed_from": resume_from,
            "parameters": sum(p.numel() for p in model.parameters()),
            "model_type": model.config.model_type,
            "vocab_size": len(tokenizer),
            "data": {"train": train_counts, "validation": eval_counts},
            "precision_used": "bf16" if precision["bf16"] else "fp16" if precision["fp16"] else "fp32",
            "world_size": args.world_size,
            "effective_batch_size": opts.batch_size * opts.gradient_accumulation_steps * args.world_size,
        })
        (out / TRAINING_RECORD).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (out / "metrics.json").write_text(json.dumps(_jsonable(metrics), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tokenizer.save_pretrained(str(out))
    return metrics


def _device_record(args) -> dict:
    import resource

    import torch

    rec = {"world_size": args.world_size}
    if torch.cuda.is_available():
        rec["gpu"] = torch.cuda.get_device_name(0)
        rec["peak_gpu_memory_gib"] = round(torch.cuda.max_memory_allocated() / 2**30, 3)
    else:
        rec["gpu"] = None
        rec["cpu_threads"] = torch.get_num_threads()
    rec["peak_rss_gib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 3)
    return rec


def _jsonable(obj):
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj
