import random

import pytest

from provsum.metrics.api import score
from provsum.metrics.rouge import lcs_indices, rouge_lsum

TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def f(report, name, k="f"):
    return report.per_example[0][f"{name}_{k}"]


def one(pred, ref, **kw):
    return score([pred], [ref], bootstrap=0, **kw)


def test_hand_computed_rouge_1_2_l():
    r = one("hội nghị giao ban", "Hội nghị giao ban tỉnh")
    assert f(r, "rouge1", "p") == 1.0 and f(r, "rouge1", "r") == pytest.approx(0.8)
    assert f(r, "rouge1") == pytest.approx(2 * 0.8 / 1.8)
    assert f(r, "rouge2", "p") == 1.0 and f(r, "rouge2", "r") == pytest.approx(0.75)
    assert f(r, "rouge2") == pytest.approx(6 / 7)
    assert f(r, "rougeL") == pytest.approx(2 * 0.8 / 1.8)


def test_diacritic_only_differences_score_zero_but_rouge_score_mode_matches_them():
    r = one("hội nghị hơi", "hỏi nghỉ hới")
    for t in TYPES:
        assert f(r, t) == 0.0
    compat = one("hội nghị hơi", "hỏi nghỉ hới", tokenizer="rouge_score")
    for t in TYPES:
        assert f(compat, t) == 1.0  # all become "h i ngh h i": the inflation


def test_tone_mark_placement_equivalence():
    r = one("Uỷ ban tỉnh Khánh Hoà", "Ủy ban tỉnh Khánh Hòa")
    assert all(f(r, t) == 1.0 for t in TYPES)
    off = one("Uỷ ban tỉnh Khánh Hoà", "Ủy ban tỉnh Khánh Hòa", tone_marks=False)
    assert f(off, "rouge1") == pytest.approx(3 / 5)
    assert "tone:asis" in off.signature and "tone:new" in r.signature


def test_lsum_with_and_without_newlines():
    # sentences swapped: ROUGE-L sees LCS 2 of 4, ROUGE-Lsum unions both sentences' LCS
    r = one("d e\na b", "a b d e")
    assert f(r, "rougeL") == pytest.approx(0.5)
    assert f(r, "rougeLsum") == pytest.approx(1.0)
    assert f(one("d e a b", "a b d e"), "rougeLsum") == pytest.approx(0.5)  # one sentence
    # no newline: the automatic splitter finds two sentences ...
    auto = one("Dờ e. A bê.", "a bê dờ e")
    assert f(auto, "rougeLsum") == pytest.approx(1.0)
    # ... unless Lsum is told to use line breaks only (rouge_score's behaviour)
    lines = one("Dờ e. A bê.", "a bê dờ e", sentence_split="lines")
    assert f(lines, "rougeLsum") == pytest.approx(0.5)
    assert "lsum:lines|" in lines.signature and "lsum:lines+auto" in auto.signature


def test_lsum_double_counting_guard():
    # ref token "a" appears once: two candidate sentences both matching it count once
    assert rouge_lsum([[1], [1]], [[1, 2]]) == pytest.approx((0.5, 0.5, 0.5))


def test_multi_reference_max_and_jackknife():
    r = score(["a b c"], [["a x y", "a b c d"]], bootstrap=0)
    assert f(r, "rouge1") == pytest.approx(6 / 7)
    assert "refs:2" in r.signature
    jk = score(["a b c"], [["a x y", "a b c d"]], bootstrap=0, multi_ref="jackknife")
    assert f(jk, "rouge1") == pytest.approx((6 / 7 + 1 / 3) / 2)
    assert "multi:jackknife" in jk.signature


def test_empty_prediction_and_reference_score_zero_and_are_counted():
    r = score(["", "a b"], ["a b", ""], bootstrap=0)
    for row in r.per_example:
        assert all(row[f"{t}_f"] == 0.0 for t in TYPES)
    assert r.counts["empty_predictions"] == 1 and r.counts["empty_references"] == 1


def _random_text(rng, vocab, n_sents):
    return "\n".join(" ".join(rng.choice(vocab) for _ in range(rng.randint(0, 12))) for _ in range(n_sents))


def test_parity_with_rouge_score_on_random_vietnamese_texts():
    from rouge_score import rouge_scorer

    from provsum.metrics.compat import ProvSumTokenizer

    rng = random.Random(7)
    vocab = ["hội", "hỏi", "hơi", "nghị", "tỉnh", "Hoà", "hòa", "3.000", "29/10", "ban", "a", "b"]
    preds = [_random_text(rng, vocab, rng.randint(1, 4)) for _ in range(300)]
    refs = [_random_text(rng, vocab, rng.randint(1, 3)) for _ in range(300)]
    ours = score(preds, refs, bootstrap=0, sentence_split="lines")
    google = rouge_scorer.RougeScorer(list(TYPES), tokenizer=ProvSumTokenizer())
    for row, p, ref in zip(ours.per_example, preds, refs):
        g = google.score(ref, p)
        for t in TYPES:
            assert row[f"{t}_p"] == pytest.approx(g[t].precision, abs=1e-9)
            assert row[f"{t}_r"] == pytest.approx(g[t].recall, abs=1e-9)
            assert row[f"{t}_f"] == pytest.approx(g[t].fmeasure, abs=1e-9)


def test_compat_mode_equals_rouge_score_defaults_on_english():
    from rouge_score import rouge_scorer

    preds = ["The cat sat on the mat.\nIt was happy!", "A quick brown fox's jump", "x", "Numbers 3.5 and 2016-2021"]
    refs = ["the cat was on the mat", "Quick brown foxes jumped over it.\nA fox jumps.", "", "numbers: 3.5, 2016 to 2021"]
    ours = score(preds, refs, bootstrap=0, tokenizer="rouge_score", sentence_split="lines")
    google = rouge_scorer.RougeScorer(list(TYPES))
    for row, p, ref in zip(ours.per_example, preds, refs):
        g = google.score(ref, p)
        for t in TYPES:
            assert row[f"{t}_f"] == pytest.approx(g[t].fmeasure, abs=1e-12)
            assert row[f"{t}_p"] == pytest.approx(g[t].precision, abs=1e-12)


def test_lcs_indices_pick_the_same_lcs_as_rouge_score():
    from rouge_score.rouge_scorer import lcs_ind

    rng = random.Random(3)
    for _ in range(3000):
        a = [rng.randint(1, 4) for _ in range(rng.randint(0, 80))]
        b = [rng.randint(1, 4) for _ in range(rng.randint(0, 15))]
        assert lcs_indices(a, b) == lcs_ind(a, b)


def test_invalid_arguments():
    with pytest.raises(ValueError):
        score(["a"], ["a", "b"])
    with pytest.raises(ValueError):
        score(["a"], ["a"], rouge_types=("rougeX",))
    with pytest.raises(ValueError):
        score(["a"], ["a"], tokenizer="bpe")
