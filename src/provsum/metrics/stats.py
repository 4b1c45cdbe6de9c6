"""Bootstrap confidence intervals and paired significance tests for per-example scores.

The corpus score of a system is the mean of its per-example scores (as ``rouge_score``'s
aggregate). Conventions follow sacrebleu (``sacrebleu.significance``):

- seeded ``numpy.random.default_rng(seed)``, default seed 12345, recorded in the signature;
- bootstrap resample indices ``rng.choice(n, size=(n_resamples, n), replace=True)``
  (1,000 resamples by default); the 95% interval is the 2.5th and 97.5th percentiles
  of the resampled means;
- paired bootstrap (Koehn 2004, as sacrebleu's ``_paired_bs_test``): both systems are
  scored on the same resamples; the statistic is ``|mean_b - mean_a|``; the sampled
  statistics are centred on their mean; two-sided p = (c + 1) / (N + 1);
- approximate randomization (Riezler & Maxwell 2005, as sacrebleu's ``_paired_ar_test``):
  each trial swaps the two systems' outputs of each example with probability 1/2
  (``rng.integers(2, size=(N, n), dtype=bool)``), 10,000 trials by default;
  p = (c + 1) / (N + 1).

One deliberate difference: ``c`` counts sampled statistics **greater than or equal to**
the observed one (Noreen 1989), where sacrebleu counts strictly greater. With ``>=`` a
system compared with itself gets p = 1, as it should; with ``>`` it would get
p = 1/(N+1) and look "significant". Results are identical across runs for a given seed.
"""

from __future__ import annotations

import numpy as np

DEFAULT_SEED = 12345
DEFAULT_BOOTSTRAP = 1000
DEFAULT_AR_TRIALS = 10000
_AR_CHUNK = 2000  # AR trials per block: bounds memory; results do not depend on it


def _as_matrix(values) -> np.ndarray:
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2:
        raise ValueError("values must be a vector or an (examples x metrics) matrix")
    return arr


def resample_indices(n: int, n_resamples: int, seed: int) -> np.ndarray:
    """The bootstrap indices (n_resamples x n), exactly as sacrebleu draws them."""
    rng = np.random.default_rng(seed)
    return rng.choice(n, size=(n_resamples, n), replace=True)


def _resampled_means(values: np.ndarray, idxs: np.ndarray) -> np.ndarray:
    """Means of ``values`` (n x k) over each row of ``idxs``: (n_resamples x k).

    Each resample is ``bincount(indices) @ values / n`` (the same numbers as
    ``values[indices].mean(0)`` up to float rounding, several times faster)."""
    n_resamples, n = idxs.shape
    out = np.empty((n_resamples, values.shape[1]))
    for r in range(n_resamples):
        out[r] = np.bincount(idxs[r], minlength=n) @ values
    out /= n
    return out


def bootstrap_ci(values, n_resamples: int = DEFAULT_BOOTSTRAP, seed: int = DEFAULT_SEED, confidence: float = 0.95):
    """Mean and percentile bootstrap interval of each column.

    Returns ``(mean, low, high)`` arrays (one entry per column; scalars' arrays have one).
    With ``n_resamples=0`` the interval is ``(mean, mean)``.
    """
    vals = _as_matrix(values)
    n = vals.shape[0]
    if n == 0:
        nan = np.full(vals.shape[1], np.nan)
        return nan, nan.copy(), nan.copy()
    mean = vals.mean(axis=0)
    if n_resamples <= 0:
        return mean, mean.copy(), mean.copy()
    means = _resampled_means(vals, resample_indices(n, n_resamples, seed))
    tail = (1.0 - confidence) / 2.0 * 100
    low = np.percentile(means, tail, axis=0)
    high = np.percentile(means, 100 - tail, axis=0)
    return mean, low, high


def p_value(stats: np.ndarray, observed) -> np.ndarray:
    """(#{stats >= observed} + 1) / (N + 1), per column."""
    stats = np.asarray(stats)
    # tolerate float noise: a resample equal to the observed value counts as reaching it
    count = np.sum(stats >= np.asarray(observed) - 1e-12, axis=0)
    return (count + 1) / (stats.shape[0] + 1)


def paired_bootstrap(a, b, n_resamples: int = DEFAULT_BOOTSTRAP, seed: int = DEFAULT_SEED) -> dict:
    """Paired bootstrap test of system b against system a (per-example scores, same order).

    Returns ``{"delta": mean_b - mean_a, "p_value": ..., "a": (mean, low, high), "b": (...)}``
    with one entry per column (arrays)."""
    va, vb = _as_matrix(a), _as_matrix(b)
    if va.shape != vb.shape:
        raise ValueError(f"paired test needs the same examples: shapes {va.shape} and {vb.shape}")
    n = va.shape[0]
    idxs = resample_indices(n, n_resamples, seed)
    ma = _resampled_means(va, idxs)
    mb = _resampled_means(vb, idxs)
    observed = np.abs(vb.mean(axis=0) - va.mean(axis=0))
    sample_diffs = np.abs(mb - ma)
    stats = sample_diffs - sample_diffs.mean(axis=0)
    pct = [2.5, 97.5]
    return {
        "delta": vb.mean(axis=0) - va.mean(axis=0),
        "p_value": p_value(stats, observed),
        "a": (va.mean(axis=0), *np.percentile(ma, pct, axis=0)),
        "b": (vb.mean(axis=0), *np.percentile(mb, pct, axis=0)),
        "n_resamples": n_resamples,
        "seed": seed,
    }


def approximate_randomization(a, b, n_trials: int = DEFAULT_AR_TRIALS, seed: int = DEFAULT_SEED) -> dict:
    """Paired two-sided approximate randomization test of b against a."""
    va, vb = _as_matrix(a), _as_matrix(b)
    if va.shape != vb.shape:
        raise ValueError(f"paired test needs the same examples: shapes {va.shape} and {vb.shape}")
    n = va.shape[0]
    rng = np.random.default_rng(seed)
    pos_sel = rng.integers(2, size=(n_trials, n), dtype=bool)
    d = vb - va  # swapping example i flips the sign of its difference
    stats = np.empty((n_trials, va.shape[1]))
    for start in range(0, n_trials, _AR_CHUNK):
        sign = np.where(pos_sel[start : start + _AR_CHUNK], 1.0, -1.0)
        stats[start : start + sign.shape[0]] = np.abs(sign @ d) / n
    observed = np.abs(d.mean(axis=0))
    return {
        "delta": vb.mean(axis=0) - va.mean(axis=0),
        "p_value": p_value(stats, observed),
        "n_trials": n_trials,
        "seed": seed,
    }
