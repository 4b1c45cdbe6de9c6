"""Fine-tune an encoder to recognise provincial meeting reports from the hand labels.

The rules (``provsum.data.classify``) and linear models plateau well below the target (precision 0.90, recall
0.80; ``annotations/AUDIT.md``). The next step is a pretrained Vietnamese encoder fine-tuned on the hand labels:

    ClassifierOptions(output_dir="runs/clf-phobert", model="vinai/phobert-base")   # a hub id or a local folder

Pretrained weights cannot be downloaded in every workplace, so the same code also trains a small RoBERTa-style
encoder from scratch (``from_scratch=True``; a SentencePiece tokenizer trained on the labelled texts first): tests
and smoke runs use it.

Data. Every labelled article (audit phases ``annotations/audit_phase<N>.jsonl`` and verification passes
``verify_*.jsonl``), its text read from the built dataset; the gold label is the dataset definition (a
provincial-level meeting report whose lead reports the meeting). The input is the title and the lead (the rules read
the same). PhoBERT expects word-segmented text: with ``segment_words`` (default: when the model name contains
``phobert``) the text is segmented by pyvi first (``Ban Dân_vận Tỉnh_ủy``).

Evaluation. ``heldout_phase`` (default 7, the phase no rules version saw) is left out of training entirely, and the
model is scored on it with the card's stratum-weighted precision / recall (``provsum.data.audit_eval.weighted_pr``)
at several thresholds, beside the rules on the same articles. Training examples are weighted by sqrt(N_h / n_h) of
their audit stratum (verification labels: 1), as in ``benchmarks/classifier_learned.py``.

``output_dir`` receives the model and tokenizer, ``provsum_classifier.json`` (options, data counts, seed) and
``metrics.json``.
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from provsum.errors import InputError

THRESHOLDS = (0.3, 0.5, 0.7)
SIZES = {
    "tiny": dict(hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128),
    "small": dict(hidden_size=256, num_hidden_layers=4, num_attention_heads=4, intermediate_size=1024),
}


@dataclass
class ClassifierOptions:
    output_dir: str
    model: str | None = "vinai/phobert-base"
    from_scratch: bool = False
    size: str = "tiny"
    vocab_size: int = 8000
    segment_words: bool | None = None  # None: when the model name contains "phobert"
    annotations_dir: str | None = None  # default: the repository's annotations/
    dataset_dir: str | None = None  # default: $PROVSUM_DATASET or dataset/
    heldout_phase: int | None = 7
    max_length: int = 256
    epochs: int = 3
    batch_size: int = 16
    learning_rate: float | None = None  # default: 2e-5 fine-tuning, 5e-4 from scratch
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    seed: int = 42
    device: str | None = None


def labelled_rows(annotations: Path) -> list[dict]:
    """Every hand-labelled article once: ``{"id", "phase" (None for a verification pass), "stratum", "w", "y"}``.
    Audit rows carry their stratum weight N_h / n_h; an id labelled twice keeps its first label."""
    from provsum.data.audit_eval import PHASES, _phase, gold_provincial_lead

    rows, seen = [], set()
    for phase in sorted(PHASES):
        loaded = _phase(annotations, phase)
        if loaded is None:
            continue
        labels, design = loaded
        sampled: dict[str, int] = {}
        for r in labels:
            sampled[r["stratum"]] = sampled.get(r["stratum"], 0) + 1
        for r in labels:
            if r["id"] not in seen:
                seen.add(r["id"])
                rows.append({"id": r["id"], "phase": phase, "stratum": r["stratum"], "row": r,
                             "w": design["population"][r["stratum"]] / sampled[r["stratum"]],
                             "y": gold_provincial_lead(r)})
    for path in sorted(annotations.glob("verify_*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                if r["id"] not in seen:
                    seen.add(r["id"])
                    rows.append({"id": r["id"], "phase": None, "stratum": None, "row": r, "w": 1.0,
                                 "y": gold_provincial_lead(r)})
    return rows


def labelled_articles(dataset: Path, ids: set[str]) -> dict[str, dict]:
    """``id -> {title, summary, document, outlet, source}`` for the ids found in any config of the built dataset."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    out = {}
    for config in ("provincial", "meetings", "news"):
        files = sorted((dataset / "data" / config).glob("*.parquet"))
        if files:
            table = ds.dataset([str(f) for f in files], format="parquet").to_table(
                columns=["id", "title", "summary", "document", "outlet", "source"],
                filter=pc.field("id").isin(sorted(ids)))
            for rec in table.to_pylist():
                out[rec["id"]] = rec
    return out


def input_text(article: dict, segment: bool) -> str:
    """Title and lead, one per line; word-segmented (pyvi) for PhoBERT-style vocabularies."""
    text = f"{article['title']}\n{article['summary']}".strip()
    if segment:
        from provsum.text.tokenize import segment_words

        text = segment_words(text)
    return text


def _seed_everything(seed: int) -> None:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def build_model_and_tokenizer(opts: ClassifierOptions, texts: list[str]):
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, RobertaConfig, \
        RobertaForSequenceClassification

    if not opts.from_scratch:
        from provsum.summarizers.seq2seq import resolve_model

        name = resolve_model(opts.model)
        tokenizer = AutoTokenizer.from_pretrained(name)
        model = AutoModelForSequenceClassification.from_pretrained(name, num_labels=2)
        return model, tokenizer
    if opts.size not in SIZES:
        raise InputError(f"unknown size {opts.size!r}; sizes are {', '.join(SIZES)}")
    from provsum.training.tokenizer import train_tokenizer

    tokenizer = train_tokenizer(texts, "bart", opts.vocab_size, model_max_length=opts.max_length, seed=opts.seed)
    config = RobertaConfig(vocab_size=len(tokenizer), max_position_embeddings=opts.max_length + 2,
                           pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
                           eos_token_id=tokenizer.eos_token_id, num_labels=2, **SIZES[opts.size])
    return RobertaForSequenceClassification(config), tokenizer


def predict(model, tokenizer, texts: list[str], max_length: int, batch_size: int = 32, device: str = "cpu") -> np.ndarray:
    """P(provincial meeting report) of each text."""
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(texts), batch_size):
            enc = tokenizer(texts[i: i + batch_size], truncation=True, max_length=max_length, padding=True,
                            return_tensors="pt").to(device)
            out.append(torch.softmax(model(**enc).logits.float(), dim=-1)[:, 1].cpu().numpy())
    return np.concatenate(out) if out else np.zeros(0)


def _train(model, tokenizer, texts: list[str], y: np.ndarray, w: np.ndarray, opts: ClassifierOptions,
           device: str) -> dict:
    import torch
    from transformers import get_linear_schedule_with_warmup

    lr = opts.learning_rate or (5e-4 if opts.from_scratch else 2e-5)
    model.to(device).train()
    optim = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=opts.weight_decay)
    steps = opts.epochs * math.ceil(len(texts) / opts.batch_size)
    sched = get_linear_schedule_with_warmup(optim, int(opts.warmup_ratio * steps), steps)
    order_rng = random.Random(opts.seed)
    losses = []
    for _epoch in range(opts.epochs):
        order = list(range(len(texts)))
        order_rng.shuffle(order)
        for i in range(0, len(order), opts.batch_size):
            idx = order[i: i + opts.batch_size]
            enc = tokenizer([texts[j] for j in idx], truncation=True, max_length=opts.max_length, padding=True,
                            return_tensors="pt").to(device)
            logits = model(**enc).logits
            target = torch.tensor(y[idx].astype(np.int64), device=device)
            weight = torch.tensor(w[idx], dtype=torch.float32, device=device)
            loss = (torch.nn.functional.cross_entropy(logits, target, reduction="none") * weight).sum() / weight.sum()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            losses.append(float(loss.detach()))
    return {"steps": len(losses), "learning_rate": lr, "final_loss": round(float(np.mean(losses[-20:])), 4)}


def heldout_scores(rows: list[dict], prob: np.ndarray, rules: np.ndarray, population: dict[str, int]) -> dict:
    """Weighted precision / recall of the model at each threshold and of the rules, on one audit phase."""
    from provsum.data.audit_eval import gold_provincial_lead, weighted_pr

    labelled = [dict(r["row"], stratum=r["stratum"], _p=float(p), _rule=bool(q)) for r, p, q in zip(rows, prob, rules)]
    out = {"rules": weighted_pr(labelled, population, lambda r: r["_rule"], gold_provincial_lead, resamples=500)}
    for th in THRESHOLDS:
        out[f"model@{th}"] = weighted_pr(labelled, population, lambda r, t=th: r["_p"] >= t, gold_provincial_lead,
                                         resamples=500)
    return out


def train_classifier(opts: ClassifierOptions) -> dict:
    """Train, evaluate on the held-out phase, save; returns the metrics (also written to ``metrics.json``)."""
    import torch

    from provsum.data import classify
    from provsum.data.audit_eval import ANNOTATIONS, phase_files
    from provsum.data.load import default_dataset_dir
    from provsum.summarizers.seq2seq import pick_device

    t0 = time.perf_counter()
    _seed_everything(opts.seed)
    annotations = Path(opts.annotations_dir) if opts.annotations_dir else ANNOTATIONS
    dataset = Path(opts.dataset_dir) if opts.dataset_dir else default_dataset_dir()
    rows = labelled_rows(annotations)
    if not rows:
        raise InputError(f"no hand labels under {annotations}")
    arts = labelled_articles(dataset, {r["id"] for r in rows})
    missing = sum(r["id"] not in arts for r in rows)
    rows = [r for r in rows if r["id"] in arts]
    segment = opts.segment_words if opts.segment_words is not None else "phobert" in (opts.model or "").lower()
    train = [r for r in rows if r["phase"] != opts.heldout_phase]
    test = [r for r in rows if opts.heldout_phase is not None and r["phase"] == opts.heldout_phase]
    if not train:
        raise InputError("no training labels left after holding out the evaluation phase")
    train_texts = [input_text(arts[r["id"]], segment) for r in train]
    model, tokenizer = build_model_and_tokenizer(opts, train_texts)
    device = pick_device(opts.device)
    y = np.array([r["y"] for r in train], dtype=bool)
    w = np.sqrt(np.array([r["w"] for r in train]))
    fit = _train(model, tokenizer, train_texts, y, w, opts, device)
    metrics: dict = {"train_examples": len(train), "train_positives": int(y.sum()), "labelled_missing": missing,
                     "device": device, **fit}
    if test:
        prob = predict(model, tokenizer, [input_text(arts[r["id"]], segment) for r in test], opts.max_length,
                       device=device)
        rules = np.array([classify.classify(arts[r["id"]]["title"], arts[r["id"]]["summary"],
                                            arts[r["id"]]["document"], arts[r["id"]]["outlet"]).is_provincial
                          for r in test])
        design = json.loads(phase_files(annotations, opts.heldout_phase)[1].read_text(encoding="utf-8"))
        metrics["heldout"] = {"phase": opts.heldout_phase, "examples": len(test),
                              "scores": heldout_scores(test, prob, rules, design["population"])}
    metrics["seconds"] = round(time.perf_counter() - t0, 1)
    out = Path(opts.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
    record = {"options": asdict(opts), "segment_words": segment, "torch": torch.__version__}
    (out / "provsum_classifier.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    (out / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n")
    return metrics
