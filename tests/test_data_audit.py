import json

import pytest

from provsum.data.audit import draw, keyword_stratum
from provsum.data.audit_eval import (annotator_agreement, cohen_kappa, evaluate_audit, gold_provincial,
                                     pred_provincial, weighted_pr)


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
    assert out["annotator_agreement"] is None and "Agreement between annotators" not in out["markdown"]
    # a second labelling of the held-out phase (here identical, with ids) adds the agreement table
    with open(tmp_path / "audit_phase7.jsonl", "w") as f, open(tmp_path / "audit_phase7_second.jsonl", "w") as g:
        for i, r in enumerate(rows):
            f.write(json.dumps(dict(r, id=f"a{i}")) + "\n")
            g.write(json.dumps(dict(r, id=f"a{i}")) + "\n")
    out = evaluate_audit(tmp_path)
    assert out["annotator_agreement"]["provincial meeting report, dataset definition"]["kappa"] == 1.0
    assert "| provincial meeting report, dataset definition | 3 / 3 | 100.0% | 1.000 | 1.000 / 1.000 |" \
        in out["markdown"]


def test_cohen_kappa_hand_computed():
    # p_o = 3/4; p_e = 1/2 * 1/4 + 1/2 * 3/4 = 1/2; kappa = (3/4 - 1/2) / (1 - 1/2) = 1/2
    assert cohen_kappa([True, True, False, False], [True, False, False, False]) == pytest.approx(0.5)
    assert cohen_kappa([True, False], [True, False]) == pytest.approx(1.0)
    assert cohen_kappa([False, False], [False, False]) == 1.0  # no chance disagreement possible


def test_annotator_agreement_scores_second_labels_against_first():
    first = [dict(r, id=f"a{i}", lead_reports_meeting=(r["is_meeting_report"] or None)) for i, r in enumerate(ROWS)]
    # the second annotator rejects one provincial positive of the s/provincial stratum and agrees elsewhere
    second = [dict(r) for r in first]
    second[0] = dict(second[0], is_meeting_report=False, level=None, lead_reports_meeting=None)
    out = annotator_agreement(first, second, POP)
    strict = out["provincial meeting report, dataset definition"]
    assert strict["positives"] == [4, 3]
    assert strict["agreement"] == pytest.approx(5 / 6, abs=1e-4)
    # second as classifier: TP = 25*2 (stratum s/provincial, weight 100/4) + 500*1 (s/news_none, weight 1000/2),
    # FP = 0, FN = 25*1: precision 1, recall 550/575
    assert strict["second_vs_first"]["precision"] == pytest.approx(1.0)
    assert strict["second_vs_first"]["recall"] == pytest.approx(550 / 575, abs=1e-4)
    # kappa on the sample: a = [1,1,1,0,1,0], b = [0,1,1,0,1,0]: p_o = 5/6, p_e = 4/6*3/6 + 2/6*3/6 = 1/2
    assert strict["kappa"] == pytest.approx((5 / 6 - 0.5) / 0.5, abs=1e-4)
    with pytest.raises(ValueError, match="same ids"):
        annotator_agreement(first, second[1:], POP)


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
