"""The corruption experiment: on hand-written leads, and on the provincial test split when built."""

from pathlib import Path

import pytest

from provsum.facts.validate import corruption_experiment, detection_rates

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "annotations" / "gold_facts.jsonl"

LEADS = [
    "Ngày 29/10, tại Bình Liêu, Ban Dân vận Tỉnh ủy Quảng Ninh tổ chức hội nghị giao ban với 120 đại biểu.",
    "Sáng 4-1, HĐND tỉnh Thái Bình khóa XVI khai mạc kỳ họp thứ 12, bầu bổ sung 3 chức danh.",
    "Trời hôm nay đẹp, ai cũng vui.",
]
DOCS = [
    "Hội nghị diễn ra ở Bình Liêu với 120 đại biểu. Ban Dân vận Tỉnh ủy Quảng Ninh chủ trì.",
    "HĐND tỉnh Thái Bình khóa XVI họp kỳ họp thứ 12 và bầu 3 chức danh.",
    "Không có gì.",
]


def test_experiment_on_hand_written_leads():
    result = corruption_experiment(LEADS, DOCS, seed=0)
    rates = detection_rates(result)
    # the third lead has no fact: no corruption applies to it
    assert {k: v["applies"] for k, v in rates.items()} == {
        "swap_date": 2, "change_province": 2, "change_number": 2, "drop_body": 2}
    assert all(v["rate"] == 1.0 for v in rates.values())
    assert result["original"][0]["fact_recall"] == 1.0


def test_gold_facts_are_used_for_the_key_facts():
    gold = {"a": [{"type": "number", "value": "n=120;u=đại biểu", "text": "120 đại biểu"},
                  {"type": "body", "value": "h=ban dân vận", "text": "Ban Dân vận"}]}
    doc = "Ngày 29/10, hội nghị có 120 đại biểu. Ban Dân vận Tỉnh ủy Quảng Ninh chủ trì."
    result = corruption_experiment(LEADS[:1], [doc], ids=["a"], gold=gold, seed=0)
    assert result["original"][0]["n_gold"] == 2
    # no gold date: a date swap does not apply; the number is a gold fact the extractor finds
    assert result["corruptions"]["swap_date"] == []
    assert result["original"][0]["fact_recall"] == 0.5  # the gold "Ban Dân vận" is never found
    [row] = result["corruptions"]["change_number"]
    assert row["row"]["fact_recall"] == 0.0 and row["detected"]
    # "Ban Dân vận" (no such head in the extractor's output) is a gold body it never finds:
    # with targets="found" drop_body does not apply, with targets="gold" it does
    assert result["corruptions"]["drop_body"] == []
    rows = corruption_experiment(LEADS[:1], [doc], ids=["a"], gold=gold, seed=0,
                                 targets="gold")["corruptions"]["drop_body"]
    assert len(rows) == 1 and "Ban Dân vận" not in rows[0]["text"]


def _load_split():
    data = ROOT / "dataset" / "data" / "provincial"
    if not list(data.glob("test-*.parquet")):
        pytest.skip("dataset/data/provincial/test-*.parquet is not built")
    from provsum.data.load import load_records

    return load_records("provincial", "test")


def _load_gold():
    """The hand-checked gold facts (``provsum.facts.gold.load_gold``), or None when the file is absent."""
    from provsum.facts.gold import load_gold

    return load_gold(GOLD) if GOLD.exists() else None


def test_each_corruption_detected_on_the_provincial_test_split():
    records = _load_split()
    result = corruption_experiment(
        [r["summary"] for r in records], [r["document"] for r in records],
        ids=[r["id"] for r in records], gold=_load_gold(), seed=0,
    )
    rates = detection_rates(result)
    for name, r in rates.items():
        assert r["applies"] > 0, name
        assert r["rate"] >= 0.9, (name, r)
