"""The scorer's Python API: :func:`score` (one system) and :func:`compare` (two systems)."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from provsum.metrics.rouge import ROUGE_TYPES, parse_rouge_type
from provsum.metrics.report import Report, make_signature
from provsum.metrics.stats import DEFAULT_AR_TRIALS, DEFAULT_BOOTSTRAP, DEFAULT_SEED, bootstrap_ci

TOKENIZERS = ("syllable", "word", "rouge_score")
_PRF = ("p", "r", "f")


def _version() -> str:
    from provsum import __version__

    return __version__


def _normalize_references(references, n: int) -> list[list[str]]:
    if len(references) != n:
        raise ValueError(f"{n} predictions but {len(references)} references")
    out = []
    for i, r in enumerate(references):
        if isinstance(r, str):
            out.append([r])
        elif isinstance(r, (list, tuple)) and r and all(isinstance(x, str) for x in r):
            out.append(list(r))
        else:
            raise ValueError(f"reference {i}: expected a string or a non-empty list of strings")
    return out


def _check(predictions, tokenizer, multi_ref, sentence_split, rouge_types):
    if isinstance(predictions, str) or not all(isinstance(p, str) for p in predictions):
        raise ValueError("predictions must be a list of strings")
    if tokenizer not in TOKENIZERS:
        raise ValueError(f"unknown tokenizer {tokenizer!r}; use one of {TOKENIZERS}")
    if multi_ref not in ("max", "jackknife"):
        raise ValueError("multi_ref must be 'max' or 'jackknife'")
    if sentence_split not in ("auto", "lines"):
        raise ValueError("sentence_split must be 'auto' or 'lines'")
    for t in rouge_types:
        parse_rouge_type(t)


def rouge_matrix(
    predictions: Sequence[str],
    references: Sequence[Sequence[str]],
    rouge_types: Sequence[str] = ROUGE_TYPES,
    tokenizer: str = "syllable",
    tone_marks: bool = True,
    sentence_split: str = "auto",
    multi_ref: str = "max",
    workers: int = 1,
) -> tuple[list[str], np.ndarray]:
    """Column names (``rouge1_p``, ``rouge1_r``, ``rouge1_f``, ...) and an (examples x columns) array."""
    from provsum.metrics.batch import score_pairs

    rows = score_pairs(predictions, references, rouge_types, tokenizer, tone_marks, sentence_split, multi_ref, workers)
    names = [f"{t}_{k}" for t in rouge_types for k in _PRF]
    arr = np.array([[v for triple in row for v in triple] for row in rows], dtype=np.float64).reshape(len(rows), len(names))
    return names, arr


def score(
    predictions: list[str],
    references: list[str] | list[list[str]],
    *,
    ids: list[str] | None = None,
    rouge_types: Sequence[str] = ROUGE_TYPES,
    tokenizer: str = "syllable",
    tone_marks: bool = True,
    bootstrap: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
    documents: list[str] | None = None,
    facts: bool = False,
    multi_ref: str = "max",
    sentence_split: str = "auto",
    workers: int = 1,
    system: str | None = None,
    counts: dict[str, int] | None = None,
) -> Report:
    """Score predictions against references (one string or a list of strings per example).

    ROUGE per example and for the corpus (mean with a 95% bootstrap interval); with
    ``documents``, abstractiveness too, and with ``facts=True`` the fact metrics of
    ``provsum.facts`` (skipped with a note if that package is not available).
    """
    rouge_types = tuple(rouge_types)
    _check(predictions, tokenizer, multi_ref, sentence_split, rouge_types)
    n = len(predictions)
    if n == 0:
        raise ValueError("no examples to score")
    refs = _normalize_references(references, n)
    if ids is None:
        ids = [str(i) for i in range(n)]
    elif len(ids) != n:
        raise ValueError(f"{n} predictions but {len(ids)} ids")
    if documents is not None and len(documents) != n:
        raise ValueError(f"{n} predictions but {len(documents)} documents")

    names, arr = rouge_matrix(predictions, refs, rouge_types, tokenizer, tone_marks, sentence_split, multi_ref, workers)
    columns: dict[str, np.ndarray] = {name: arr[:, k] for k, name in enumerate(names)}
    notes: list[str] = []
    per_example: list[dict[str, Any]] = [{"id": i} for i in ids]

    if documents is not None:
        from provsum.metrics.abstractiveness import METRICS, abstractiveness

        rows = abstractiveness(predictions, documents, tone_marks=tone_marks)
        for m in METRICS:
            columns[m] = np.array([r[m] for r in rows], dtype=np.float64)

    extra_corpus: dict[str, dict[str, float]] = {}
    fact_settings = None
    if facts:
        if documents is None:
            notes.append("facts skipped: no documents given")
        else:
            try:
                from provsum.facts.metric import fact_scores
            except ImportError as exc:
                notes.append(f"facts skipped: provsum.facts is not available ({exc})")
            else:
                fs = fact_scores(predictions, [r[0] for r in refs], documents, ids=ids, bootstrap=bootstrap, seed=seed)
                for row, extra in zip(per_example, fs.get("per_example", [])):
                    for k, v in extra.items():
                        if k != "id":
                            row[k] = v
                extra_corpus = dict(fs.get("corpus", {}))
                if fs.get("settings"):
                    fact_settings = fs["settings"]

    corpus: dict[str, dict[str, float]] = {}
    if columns:
        names_all = list(columns)
        mat = np.column_stack([columns[k] for k in names_all]) if n else np.zeros((0, len(names_all)))
        mean, low, high = bootstrap_ci(mat, n_resamples=bootstrap, seed=seed)
        for k, name in enumerate(names_all):
            corpus[name] = {"mean": float(mean[k]), "low": float(low[k]), "high": float(high[k])}
            for row, v in zip(per_example, columns[name]):
                row[name] = float(v)
    corpus.update(extra_corpus)

    ref_counts = {len(r) for r in refs}
    n_refs = ref_counts.pop() if len(ref_counts) == 1 else "var"
    all_counts = {
        "examples": n,
        "empty_predictions": sum(1 for p in predictions if not p.strip()),
        "empty_references": sum(1 for rs in refs if all(not r.strip() for r in rs)),
    }
    if counts:
        all_counts.update(counts)
    settings = {
        "rouge_types": list(rouge_types),
        "tokenizer": tokenizer,
        "tone_marks": tone_marks,
        "sentence_split": sentence_split,
        "multi_ref": multi_ref,
        "bootstrap": bootstrap,
        "seed": seed,
        "version": _version(),
    }
    if documents is not None:
        settings["abstractiveness"] = "syllable tokens; Grusky et al. (2018) fragments"
    if fact_settings is not None:
        settings["facts"] = fact_settings
    signature = make_signature(
        version=_version(),
        tokenizer=tokenizer,
        tone_marks=tone_marks,
        sentence_split=sentence_split,
        n_refs=n_refs,
        multi_ref=multi_ref,
        bootstrap=bootstrap,
        seed=seed,
    )
    return Report(
        per_example=per_example,
        corpus=corpus,
        signature=signature,
        settings=settings,
        counts=all_counts,
        notes=notes,
        system=system,
    )


def compare(
    a: list[str],
    b: list[str],
    references: list[str] | list[list[str]],
    *,
    method: str = "paired_bootstrap",
    rouge_types: Sequence[str] = ROUGE_TYPES,
    tokenizer: str = "syllable",
    tone_marks: bool = True,
    n_samples: int | None = None,
    seed: int = DEFAULT_SEED,
    multi_ref: str = "max",
    sentence_split: str = "auto",
    workers: int = 1,
) -> dict[str, Any]:
    """Is system b different from system a on the same examples? F-measures of each ROUGE type.

    ``method``: ``paired_bootstrap`` (1,000 resamples by default) or
    ``approx_randomization`` (10,000 trials). Returns ``{"signature", "method",
    "n_samples", "seed", "metrics": {name: {"a", "b", "delta", "p_value"}}}``.
    """
    from provsum.metrics.stats import approximate_randomization, paired_bootstrap

    rouge_types = tuple(rouge_types)
    _check(a, tokenizer, multi_ref, sentence_split, rouge_types)
    _check(b, tokenizer, multi_ref, sentence_split, rouge_types)
    if len(a) != len(b):
        raise ValueError(f"system a has {len(a)} predictions, system b {len(b)}")
    if not a:
        raise ValueError("no examples to compare")
    refs = _normalize_references(references, len(a))
    names, ma = rouge_matrix(a, refs, rouge_types, tokenizer, tone_marks, sentence_split, multi_ref, workers)
    _, mb = rouge_matrix(b, refs, rouge_types, tokenizer, tone_marks, sentence_split, multi_ref, workers)
    keep = [k for k, name in enumerate(names) if name.endswith("_f")]
    fa, fb = ma[:, keep], mb[:, keep]
    if method == "paired_bootstrap":
        n_samples = DEFAULT_BOOTSTRAP if n_samples is None else n_samples
        res = paired_bootstrap(fa, fb, n_resamples=n_samples, seed=seed)
        tag = f"pbs:{n_samples}"
    elif method == "approx_randomization":
        n_samples = DEFAULT_AR_TRIALS if n_samples is None else n_samples
        res = approximate_randomization(fa, fb, n_trials=n_samples, seed=seed)
        tag = f"ar:{n_samples}"
    else:
        raise ValueError("method must be 'paired_bootstrap' or 'approx_randomization'")
    metrics = {}
    for col, k in enumerate(keep):
        metrics[names[k]] = {
            "a": float(fa[:, col].mean()),
            "b": float(fb[:, col].mean()),
            "delta": float(res["delta"][col]),
            "p_value": float(res["p_value"][col]),
        }
    ref_counts = {len(r) for r in refs}
    signature = make_signature(
        version=_version(),
        tokenizer=tokenizer,
        tone_marks=tone_marks,
        sentence_split=sentence_split,
        n_refs=ref_counts.pop() if len(ref_counts) == 1 else "var",
        multi_ref=multi_ref,
        bootstrap=0,
        seed=seed,
    ).replace("|bs:0|", f"|{tag}|")
    return {
        "signature": signature,
        "method": method,
        "n_samples": n_samples,
        "seed": seed,
        "examples": len(a),
        "metrics": metrics,
    }
