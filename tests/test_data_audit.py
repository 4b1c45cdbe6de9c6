import json

import pytest

from provsum.data.audit import draw, keyword_stratum
from provsum.data.audit_eval import evaluate_audit, weighted_pr, pred_provincial, gold_provincial


def _row(stratum, meeting, level):
    return {"stratum": stratum, "is_meeting_report": meeting, "level": level, "meeting_type": None, "province": None,
            "predicted": {"level": "provincial", "meeting_type": "briefing", "province": None}}


ROWS = [_row("s/provincial", True, "provincial")] * 3 + [_row("s/provincial", False, None)] + \
       [_row("s/news_none", True, "district"), _row("s/news_none", False, None)]
POP = {"s/provincial": 100, "s/news_none": 1000}


def test_weighted_precision_recall_hand_computed():
    r = weighted_pr(ROWS, POP, pred_provincial, gold_provincial, resamples=200)
    # TP = 100/4*3 = 75, FP = 100/4*1 = 25, FN = 1000/2*1 = 500
    assert r["weighted"] == {"tp": 75.0, "fp": 25.0, "fn": 500.0}
    assert r["precision"] == pytest.approx(0.75)
    assert r["recall"] == pytest.approx(75 / 575, abs=1e-4)
    assert r["sample_counts"] == {"tp": 3, "fp": 1, "fn": 1, "tn": 1}
    lo, hi = r["precision_ci95"]
    assert 0 <= lo <= 0.75 <= hi <= 1
    assert weighted_pr(ROWS, POP, pred_provincial, gold_provincial, resamples=200) == r  # seeded


def test_evaluate_audit_files(tmp_path):
    # one of the three predicted positives has a lead that does not report the meeting: a false positive for the
    # dataset definition, still a true positive for the broad one
    rows = [dict(r, lead_reports_meeting=(r["is_meeting_report"] or None)) for r in ROWS]
    rows[0] = dict(rows[0], lead_reports_meeting=False)
    with open(tmp_path / "audit_phase7.jsonl", "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    (tmp_path / "audit_phase7_design.json").write_text(json.dumps({"population": POP}))
    out = evaluate_audit(tmp_path)
    # dataset definition: TP = 25*2 = 50, FP = 25*2 = 50, FN = 500
    assert out["provincial"]["precision"] == pytest.approx(0.5)
    assert out["provincial"]["recall"] == pytest.approx(50 / 550, abs=1e-4)
    assert out["provincial_broad"]["precision"] == pytest.approx(0.75)
    assert out["target_met"] is False
    assert "| provincial meeting report, dataset definition" in out["markdown"]
    assert "phase 7: 6 articles" in out["markdown"]
    assert evaluate_audit(tmp_path / "missing") is None


def test_sampling_is_seeded_and_stratified():
    pop = {("a", "title_lead"): [f"a{i}" for i in range(100)], ("a", "none"): [f"n{i}" for i in range(10)]}
    s1, sizes = draw(pop, plan={"title_lead": 5, "body_only": 0, "none": 20})
    assert draw(pop, plan={"title_lead": 5, "body_only": 0, "none": 20})[0] == s1
    assert sizes == {"a/none": 10, "a/title_lead": 100}
    assert sum(1 for _i, _s, st in s1 if st == "none") == 10  # capped at the stratum size
    assert keyword_stratum("Hội nghị giao ban", "", "") == "title_lead"
    assert keyword_stratum("Giá vàng", "Giá vàng tăng", "tại kỳ họp sau") == "body_only"
    assert keyword_stratum("Giá vàng", "Giá vàng tăng", "không có gì") == "none"


def test_outcome_draw_and_its_extension():
    from provsum.data.audit import draw_records

    pop = {("a", "provincial"): [{"id": f"p{i}"} for i in range(50)],
           ("a", "news_keyword"): [{"id": f"k{i}"} for i in range(30)]}
    first, sizes, counts = draw_records(pop, {"provincial": 5, "news_keyword": 10}, seed=1)
    assert sizes == {"a/news_keyword": 30, "a/provincial": 50}
    assert counts == {"a/news_keyword": 10, "a/provincial": 5}
    assert draw_records(pop, {"provincial": 5, "news_keyword": 10}, seed=1)[0] == first  # seeded
    drawn = {r["id"] for r, _k in first}
    more, sizes2, counts2 = draw_records(pop, {"news_keyword": 25}, seed=101, drawn=drawn)
    assert sizes2 == sizes  # the population (weights) is that of the phase
    assert counts2 == {"a/news_keyword": 20, "a/provincial": 0}  # only the 20 not yet drawn are left
    assert not drawn & {r["id"] for r, _k in more}
