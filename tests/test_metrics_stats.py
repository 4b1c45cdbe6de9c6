import numpy as np
import pytest

from provsum.metrics.api import compare, score
from provsum.metrics.stats import approximate_randomization, bootstrap_ci, paired_bootstrap, resample_indices


def test_bootstrap_is_seeded_and_identical_across_runs():
    vals = np.random.default_rng(0).random((500, 3))
    a = bootstrap_ci(vals, n_resamples=300, seed=1)
    b = bootstrap_ci(vals, n_resamples=300, seed=1)
    c = bootstrap_ci(vals, n_resamples=300, seed=2)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not np.array_equal(a[1], c[1])
    mean, low, high = a
    assert np.allclose(mean, vals.mean(0)) and np.all(low < mean) and np.all(mean < high)


def test_bootstrap_means_equal_direct_resampling():
    vals = np.arange(10, dtype=float)
    idxs = resample_indices(10, 50, seed=5)
    direct = vals[idxs].mean(axis=1)
    _, low, high = bootstrap_ci(vals, n_resamples=50, seed=5)
    assert low[0] == pytest.approx(np.percentile(direct, 2.5))
    assert high[0] == pytest.approx(np.percentile(direct, 97.5))


def test_constant_scores_have_a_degenerate_interval():
    mean, low, high = bootstrap_ci([0.25] * 40, n_resamples=100)
    assert mean[0] == low[0] == high[0] == pytest.approx(0.25)


def test_system_against_itself_has_p_one():
    vals = np.random.default_rng(1).random(200)
    assert paired_bootstrap(vals, vals)["p_value"][0] == 1.0
    assert approximate_randomization(vals, vals, n_trials=500)["p_value"][0] == 1.0


def test_clearly_worse_system_has_small_p():
    rng = np.random.default_rng(2)
    good = rng.random(300) * 0.5 + 0.4
    bad = good - 0.1 - rng.random(300) * 0.05
    assert paired_bootstrap(good, bad)["p_value"][0] < 0.01
    res = approximate_randomization(good, bad, n_trials=2000)
    assert res["p_value"][0] < 0.01 and res["delta"][0] < 0


def test_compare_api_on_texts():
    refs = [f"hội nghị giao ban tỉnh lần {i}" for i in range(60)]
    good = [f"hội nghị giao ban lần {i}" for i in range(60)]
    bad = [f"tỉnh {i}" for i in range(60)]
    same = compare(good, good, refs, method="approx_randomization", n_samples=500)
    assert all(m["p_value"] == 1.0 for m in same["metrics"].values())
    diff = compare(good, bad, refs)
    assert all(m["p_value"] < 0.01 and m["delta"] < 0 for m in diff["metrics"].values())
    assert "pbs:1000" in diff["signature"] and "seed:12345" in diff["signature"]


def test_report_corpus_intervals_are_recorded_and_reproducible():
    preds = ["hội nghị", "giao ban tỉnh", "tổng kết năm", "kỳ họp"] * 5
    refs = ["hội nghị tỉnh", "giao ban", "tổng kết", "kỳ họp thứ"] * 5
    a = score(preds, refs, bootstrap=200, seed=9)
    b = score(preds, refs, bootstrap=200, seed=9)
    assert a.corpus == b.corpus and "bs:200|seed:9" in a.signature
    c = a.corpus["rouge1_f"]
    assert c["low"] <= c["mean"] <= c["high"]
