"""Scores of generated summaries during training: the provsum scorer, flattened to ``{name: mean}``.

``provsum.metrics.api.score`` is used when present (Report ``.corpus``: metric -> {mean, low,
high}); if that module is not importable, a minimal fallback computes mean ROUGE-1/2/L F1 on the
same syllable tokens, and the result says ``scorer: fallback``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence


def _key(name: str) -> str | None:
    """F-measures only, named for ``metric_for_best_model``: ``rouge2_f`` -> ``rouge2``,
    ``rougeLsum_f`` -> ``rougelsum``; precision/recall entries -> None."""
    key = re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")
    for suffix in ("_p", "_r", "_precision", "_recall"):
        if key.endswith(suffix):
            return None
    for suffix in ("_f", "_fmeasure", "_f1"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return key.replace("_", "")


def score_summaries(predictions: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """``{"rouge1": F1 mean, "rouge2": ..., "rougel": ..., "rougelsum": ...}`` (no bootstrap: means only)."""
    try:
        from provsum.metrics.api import score
    except ImportError:
        score = None
    if score is not None:
        import inspect

        kwargs = {"bootstrap": 0} if "bootstrap" in inspect.signature(score).parameters else {}
        report = score(list(predictions), list(references), **kwargs)
        out: dict[str, float] = {}
        for metric, value in report.corpus.items():
            mean = value.get("mean") if isinstance(value, dict) else value
            key = _key(metric)
            if key and isinstance(mean, (int, float)):
                out[key] = float(mean)
        return out
    return fallback_scores(predictions, references)


def fallback_scores(predictions: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    from rapidfuzz.distance import LCSseq

    from provsum.summarizers.tokens import tokenize_many

    toks_p = tokenize_many(list(predictions))
    toks_r = tokenize_many(list(references))
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougel": 0.0}
    for p, r in zip(toks_p, toks_r):
        for n, key in ((1, "rouge1"), (2, "rouge2")):
            cp = Counter(tuple(p[i : i + n]) for i in range(len(p) - n + 1))
            cr = Counter(tuple(r[i : i + n]) for i in range(len(r) - n + 1))
            totals[key] += _f1(sum((cp & cr).values()), sum(cp.values()), sum(cr.values()))
        vocab: dict[str, int] = {}
        pi = [vocab.setdefault(t, len(vocab)) for t in p]
        ri = [vocab.setdefault(t, len(vocab)) for t in r]
        totals["rougel"] += _f1(LCSseq.similarity(pi, ri) if pi and ri else 0, len(p), len(r))
    n = max(len(toks_p), 1)
    return {k: v / n for k, v in totals.items()} | {"scorer_fallback": 1.0}


def _f1(hits: int, n_pred: int, n_ref: int) -> float:
    if not hits:
        return 0.0
    p, r = hits / n_pred, hits / n_ref
    return 2 * p * r / (p + r)
