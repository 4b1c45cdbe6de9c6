"""extractive-trained: a supervised sentence scorer (hand-made features + logistic regression).

Training labels are the greedy ROUGE oracle's sentences (``oracle.greedy_oracle``); the model
is fit by Newton's method (IRLS) with an L2 penalty, in numpy, so training is deterministic and
takes minutes on CPU for ten thousand documents. The model is a small JSON file (feature names,
standardization, weights and the training record); ``TrainedExtractiveSummarizer(model=PATH)``
reloads it and picks the best-scored sentences within the budget, in document order.
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from provsum.errors import InputError
from provsum.summarizers.base import Summarizer, document_sentences, join_sentences
from provsum.summarizers.graph import select_in_budget, term_counts
from provsum.summarizers.oracle import greedy_oracle
from provsum.summarizers.stopwords import stopwords
from provsum.summarizers.tokens import tokenize_many, tokenizer_name

FORMAT = "provsum-extractive-linear"
FEATURES = (
    "relative_position",
    "is_first",
    "is_second",
    "is_third",
    "log_syllables",
    "log_document_sentences",
    "centroid_cosine",
    "overlap_with_first",
    "digit_ratio",
    "capitalized_ratio",
    "stopword_ratio",
    "has_quote",
    "is_short",
)
_QUOTES = set('"“”‘’«»')


def sentence_features(sentences: list[str], tokens: list[list[str]] | None = None) -> np.ndarray:
    """One row of ``FEATURES`` per sentence."""
    n = len(sentences)
    if tokens is None:
        tokens = tokenize_many(sentences, mode="syllable")
    stop = stopwords()
    content = [[t for t in toks if t not in stop] for toks in tokens]
    counts = term_counts(content)
    df = (counts > 0).sum(axis=0)
    tfidf = counts * (np.log((1.0 + n) / (1.0 + df)) + 1.0)
    centroid = tfidf.sum(axis=0)
    cnorm = np.linalg.norm(centroid) or 1.0
    snorm = np.linalg.norm(tfidf, axis=1)
    snorm[snorm == 0] = 1.0
    centroid_cos = (tfidf @ centroid) / (snorm * cnorm)
    first = set(content[0]) if content else set()
    feats = np.zeros((n, len(FEATURES)))
    log_n = math.log(1 + n)
    for i, (sent, toks, cont) in enumerate(zip(sentences, tokens, content)):
        m = len(toks)
        words = sent.split()
        cset = set(cont)
        union = cset | first
        feats[i] = (
            i / (n - 1) if n > 1 else 0.0,
            i == 0,
            i == 1,
            i == 2,
            math.log(1 + m),
            log_n,
            centroid_cos[i],
            len(cset & first) / len(union) if union else 0.0,
            sum(any(c.isdigit() for c in t) for t in toks) / m if m else 0.0,
            sum(w[:1].isupper() for w in words) / len(words) if words else 0.0,
            (m - len(cont)) / m if m else 0.0,
            any(c in _QUOTES for c in sent),
            m < 6,
        )
    return feats


@dataclass
class LinearModel:
    weights: np.ndarray
    bias: float
    mean: np.ndarray
    std: np.ndarray
    training: dict = field(default_factory=dict)

    def scores(self, feats: np.ndarray) -> np.ndarray:
        return ((feats - self.mean) / self.std) @ self.weights + self.bias

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        obj = {
            "format": FORMAT,
            "version": 1,
            "features": list(FEATURES),
            "weights": self.weights.tolist(),
            "bias": self.bias,
            "mean": self.mean.tolist(),
            "std": self.std.tolist(),
            "training": self.training,
        }
        path.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path) -> "LinearModel":
        path = Path(path)
        if not path.is_file():
            near = sorted(str(p) for p in (path.parent if path.parent.is_dir() else Path(".")).glob("*.json")
                          if _is_model_file(p))
            hint = f"; extractive models found there: {', '.join(near)}" if near else "; no extractive model found there"
            raise InputError(f"extractive-trained: no model file {path}{hint} (train one with `provsum train --extractive`)")
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: not a JSON model file ({exc.msg})") from None
        if obj.get("format") != FORMAT:
            raise InputError(f"{path}: not a {FORMAT} model (format={obj.get('format')!r})")
        if obj.get("features") != list(FEATURES):
            raise InputError(f"{path}: model features {obj.get('features')} differ from this version's {list(FEATURES)}")
        return cls(np.array(obj["weights"]), float(obj["bias"]), np.array(obj["mean"]), np.array(obj["std"]), obj.get("training", {}))


def _is_model_file(p: Path) -> bool:
    try:
        with p.open(encoding="utf-8") as fh:
            return FORMAT in fh.read(200)
    except OSError:
        return False


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, max_iter: int = 50, tol: float = 1e-8):
    """L2-penalized logistic regression by Newton's method; returns (weights, bias) on standardized x."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0  # the bias is not penalized
    for _ in range(max_iter):
        z = np.clip(xb @ w, -30, 30)
        p = 1.0 / (1.0 + np.exp(-z))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < tol:
            break
    return w[:-1], float(w[-1])


def _examples(documents: Sequence[str], references: Sequence[str], max_oracle_sentences: int):
    feats, labels, groups = [], [], []
    for d, (doc, ref) in enumerate(zip(documents, references)):
        sents = document_sentences(doc)
        if not sents or not ref:
            continue
        toks = tokenize_many(sents + [ref], mode="syllable")
        chosen = set(greedy_oracle(toks[:-1], toks[-1], (1, 2), max_oracle_sentences))
        feats.append(sentence_features(sents, toks[:-1]))
        labels.append(np.array([i in chosen for i in range(len(sents))], dtype=float))
        groups.append(np.full(len(sents), d))
    if not feats:
        raise InputError("extractive-trained: no usable training documents (all empty or without a summary)")
    return np.vstack(feats), np.concatenate(labels), np.concatenate(groups)


def train_extractive(
    documents: Sequence[str],
    references: Sequence[str],
    max_oracle_sentences: int = 3,
    l2: float = 1.0,
    heldout_fraction: float = 0.1,
    seed: int = 0,
    source: str = "",
) -> LinearModel:
    """Fit the sentence scorer on oracle labels. A seeded ``heldout_fraction`` of the documents
    is kept aside to report how often the top-k sentences are oracle sentences."""
    if len(documents) != len(references):
        raise InputError(f"extractive-trained: {len(documents)} documents but {len(references)} references")
    start = time.perf_counter()
    order = list(range(len(documents)))
    random.Random(seed).shuffle(order)
    n_held = int(len(order) * heldout_fraction) if len(order) >= 10 else 0
    held, train = set(order[:n_held]), order[n_held:]
    x, y, groups = _examples([documents[i] for i in train], [references[i] for i in train], max_oracle_sentences)
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    w, b = fit_logistic((x - mean) / std, y, l2=l2)
    model = LinearModel(w, b, mean, std)
    record = {
        "source": source,
        "documents": int(len(np.unique(groups))),
        "documents_skipped": len(train) - int(len(np.unique(groups))),  # empty, or without a summary
        "sentences": int(len(y)),
        "positive_rate": round(float(y.mean()), 4),
        "labels": f"greedy oracle rouge1+rouge2, at most {max_oracle_sentences} sentences",
        "l2": l2,
        "seed": seed,
        "tokenizer": tokenizer_name(),
    }
    if held:
        hd = [documents[i] for i in sorted(held)]
        hr = [references[i] for i in sorted(held)]
        xh, yh, gh = _examples(hd, hr, max_oracle_sentences)
        sh = model.scores(xh)
        hits = total = 0
        for g in np.unique(gh):
            idx = np.where(gh == g)[0]
            k = min(int(yh[idx].sum()), len(idx))
            if k == 0:
                continue
            top = idx[np.argsort(-sh[idx], kind="stable")[:k]]
            hits += int(yh[top].sum())
            total += k
        record["heldout_documents"] = len(held)
        record["heldout_precision_at_oracle_k"] = round(hits / total, 4) if total else None
    record["seconds"] = round(time.perf_counter() - start, 2)
    model.training = record
    return model


class TrainedExtractiveSummarizer(Summarizer):
    name = "extractive-trained"

    def __init__(self, model: str | None = None, max_sentences: int = 3, max_syllables: int | None = None):
        super().__init__()
        if model is None:
            raise InputError("extractive-trained needs model=PATH (a JSON file written by `provsum train --extractive`)")
        self.model_path = str(model)
        self.model = LinearModel.load(model)
        self.max_sentences = int(max_sentences)
        self.max_syllables = None if max_syllables is None else int(max_syllables)
        self.settings = {
            "system": "extractive-trained",
            "model": self.model_path,
            "max_sentences": self.max_sentences if self.max_syllables is None else None,
            "max_syllables": self.max_syllables,
            "training": self.model.training,
        }

    def summarize_one(self, sentences: list[str]) -> str:
        scores = self.model.scores(sentence_features(sentences))
        order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
        return join_sentences([sentences[i] for i in select_in_budget(sentences, order, self.max_sentences, self.max_syllables)])


def train_extractive_on(config: str | None = "news", train_file: str | None = None, split: str = "train",
                        max_documents: int | None = 20000, seed: int = 0, **kwargs) -> LinearModel:
    """Fit on a dataset split (default ``news``/train) or a JSON-lines file, on a seeded sample of
    at most ``max_documents`` documents."""
    if train_file:
        from provsum.summarizers.io import read_inputs

        records = read_inputs(train_file)
        source = str(train_file)
    else:
        from provsum.summarizers.run import load_split

        records = load_split(config, split, max_documents, seed)
        source = f"{config}/{split}" + (f" (seeded sample of at most {max_documents}, seed {seed})" if max_documents else "")
    if train_file and max_documents is not None and len(records) > max_documents:
        keep = sorted(random.Random(seed).sample(range(len(records)), int(max_documents)))
        records = [records[i] for i in keep]
        source += f" (seeded sample of {max_documents}, seed {seed})"
    return train_extractive([r["document"] for r in records], [r.get("summary") or "" for r in records],
                            seed=seed, source=source, **kwargs)
