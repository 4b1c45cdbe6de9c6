"""Fact recall and unsupported-fact rates on hand-computed cases."""

import pytest

from provsum.errors import InputError
from provsum.facts.metric import bootstrap_interval, fact_scores

REF = ("Ngày 29/10, tại Bình Liêu, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban. "
       "Đồng chí Nguyễn Văn Hưởng chủ trì hội nghị.")
# reference facts (unique): date 29/10, place bình liêu, body ban dân vận tỉnh ủy,
# meeting hội nghị giao ban (the bare "hội nghị" merges into it), person nguyễn văn hưởng -> 5
DOC = ("Hội nghị giao ban diễn ra ngày 29-10 tại huyện Bình Liêu. Ban Dân vận Tỉnh ủy đánh giá "
       "kết quả. Ông Hưởng chủ trì, 120 đại biểu dự.")


def test_perfect_summary():
    r = fact_scores([REF], [REF], [DOC], bootstrap=0)
    row = r["per_example"][0]
    assert row["n_gold"] == 5
    assert row["fact_recall"] == 1.0
    assert row["fact_recall_date"] == 1.0 and row["fact_recall_number"] is None
    # checked: date, body, person -> all in the document
    assert row["n_checked"] == 3 and row["unsupported_rate"] == 0.0


def test_hand_computed_recall_and_unsupported():
    pred = "Ngày 28/10, Ban Dân vận Tỉnh ủy họp giao ban, ông Hưởng chủ trì, 150 đại biểu dự."
    r = fact_scores([pred], [REF], [DOC], bootstrap=0)
    row = r["per_example"][0]
    # found: body, meeting (giao ban), person (Hưởng = Nguyễn Văn Hưởng); missing: date, place
    assert row["fact_recall"] == pytest.approx(3 / 5)
    assert row["fact_recall_date"] == 0.0
    assert row["fact_recall_place"] == 0.0
    assert row["fact_recall_person"] == 1.0
    assert sorted(row["missing"]) == ["date:Ngày 29/10", "place:tại Bình Liêu"]
    # checked: date 28/10 (unsupported), body (ok), person (ok), number 150 (unsupported)
    assert row["n_checked"] == 4
    assert row["unsupported_rate"] == pytest.approx(2 / 4)
    assert row["unsupported_date"] == 1.0 and row["unsupported_number"] == 1.0
    assert row["unsupported_body"] == 0.0 and row["unsupported_person"] == 0.0


def test_province_named_elsewhere_is_not_the_same_body():
    ref = "UBND tỉnh Quảng Ninh tổ chức hội nghị."
    pred = "UBND tỉnh tổ chức hội nghị tại Lạng Sơn."
    row = fact_scores([pred], [ref], [ref], bootstrap=0)["per_example"][0]
    assert row["fact_recall_body"] == 0.0 and row["unsupported_body"] == 0.0
    pred_ok = "UBND tỉnh tổ chức hội nghị tại Quảng Ninh."
    row = fact_scores([pred_ok], [ref], [ref], bootstrap=0)["per_example"][0]
    assert row["fact_recall_body"] == 1.0


def test_gold_facts_replace_the_reference_facts():
    gold = {"a": [{"type": "date", "value": "d=29;m=10", "text": "29/10"},
                  {"type": "number", "value": "n=120;u=đại biểu", "text": "120 đại biểu"}]}
    r = fact_scores(["Ngày 29/10 có 120 đại biểu."], ["(ignored)"], None, ids=["a"], gold=gold, bootstrap=0)
    row = r["per_example"][0]
    assert row["id"] == "a" and row["n_gold"] == 2 and row["fact_recall"] == 1.0
    assert r["settings"]["gold_examples"] == 1 and r["settings"]["support"] == "reference"


def test_corpus_means_skip_undefined_examples():
    preds = [REF, "Không có thông tin."]
    refs = [REF, "Không có thông tin."]
    r = fact_scores(preds, refs, [DOC, DOC], bootstrap=200, seed=1)
    assert r["corpus"]["fact_recall"]["mean"] == 1.0 and r["corpus"]["fact_recall"]["n"] == 1
    assert r["settings"]["seed"] == 1 and r["settings"]["bootstrap"] == 200


def test_bootstrap_interval_is_seeded_and_brackets_the_mean():
    vals = [0.0, 1.0, 0.5, 0.25, 1.0, 0.75]
    a = bootstrap_interval(vals, resamples=500, seed=7)
    b = bootstrap_interval(vals, resamples=500, seed=7)
    assert a == b
    assert a["mean"] == pytest.approx(3.5 / 6)
    assert a["low"] < a["mean"] < a["high"]
    assert bootstrap_interval([], resamples=10)["mean"] is None


def test_bad_input_is_named():
    with pytest.raises(InputError, match="2 predictions but 1 references"):
        fact_scores(["a", "b"], ["a"], None)
    with pytest.raises(InputError, match="pass ids"):
        fact_scores(["a"], ["a"], None, gold={})
    with pytest.raises(InputError, match="gold facts of 'x'"):
        fact_scores(["a"], ["a"], None, ids=["x"], gold={"x": [{"type": "date"}]})


def test_a_document_that_names_no_province_cannot_contradict_one():
    lead = "Thành ủy TP.HCM tổ chức hội nghị."
    row = fact_scores([lead], [lead], ["Thành ủy tổ chức hội nghị."], bootstrap=0)["per_example"][0]
    assert row["unsupported_body"] == 0.0
    row = fact_scores([lead], [lead], ["Thành ủy tổ chức hội nghị tại Cần Thơ."], bootstrap=0)["per_example"][0]
    assert row["unsupported_body"] == 1.0
