from pathlib import Path

import pytest

MODULE = Path(__file__).resolve().parents[1] / "metrics" / "provsum_rouge"


def test_evaluate_module_loads_offline_and_matches_the_api(monkeypatch):
    evaluate = pytest.importorskip("evaluate")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    metric = evaluate.load(str(MODULE))
    out = metric.compute(predictions=["hội nghị giao ban", "hỏi"], references=["hội nghị giao ban tỉnh", "hội"])
    assert out["rouge1"] == pytest.approx((2 * 0.8 / 1.8 + 0.0) / 2)
    assert out["signature"].startswith("provsum-rouge|")
    per = metric.compute(predictions=["a b"], references=[["a b", "c"]], use_aggregator=False)
    assert per["rouge2"] == [1.0]
