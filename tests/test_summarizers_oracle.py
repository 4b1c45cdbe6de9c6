import pytest

from provsum.errors import InputError
from provsum.summarizers import get_summarizer
from provsum.summarizers.oracle import greedy_oracle

FILLER = ["Thời tiết hôm nay đẹp, nhiều người đi dạo.", "Giá rau tại chợ tăng nhẹ."]
KEY = ["UBND tỉnh Quảng Ninh tổ chức hội nghị giao ban công tác dân vận quý III.",
       "Hội nghị đánh giá kết quả thực hiện nhiệm vụ năm 2020."]
DOC = "\n".join(FILLER + KEY)
REF = ("Ngày 29/10, UBND tỉnh Quảng Ninh tổ chức hội nghị giao ban công tác dân vận quý III, "
       "đánh giá kết quả thực hiện nhiệm vụ năm 2020.")


def test_greedy_by_hand():
    sents = [["a", "b"], ["c", "d"], ["a", "b", "c"]]
    assert greedy_oracle(sents, ["a", "b", "c"]) == [2]  # F1 = 1 for both orders; adding more lowers it
    assert greedy_oracle([["x"], ["y"]], ["a"]) == []  # nothing helps: nothing chosen
    assert greedy_oracle([["a"], ["b"], ["c"]], ["a", "b", "c"], orders=(1,)) == [0, 1, 2]
    assert greedy_oracle([["a"], ["b"], ["c"]], ["a", "b", "c"], orders=(1,), max_sentences=2) == [0, 1]
    assert greedy_oracle([], ["a"]) == [] and greedy_oracle([["a"]], []) == []


def test_oracle_finds_the_planted_sentences_and_beats_lead():
    from provsum.metrics.api import score

    oracle = get_summarizer("oracle").summarize([DOC], references=[REF])
    assert oracle == [" ".join(KEY)]
    lead = get_summarizer("lead-2").summarize([DOC])
    r_oracle = score(oracle, [REF], bootstrap=0).corpus["rouge2_f"]["mean"]
    r_lead = score(lead, [REF], bootstrap=0).corpus["rouge2_f"]["mean"]
    assert r_lead == 0.0 and r_oracle > 0.6


def test_objective_and_max_sentences_are_recorded():
    s = get_summarizer("oracle", objective="rouge1", max_sentences=1)
    assert s.settings["objective"] == "rouge1" and s.settings["max_sentences"] == 1
    assert s.summarize([DOC], references=[REF]) == [KEY[0]]


def test_oracle_needs_references():
    s = get_summarizer("oracle")
    with pytest.raises(InputError, match="needs the reference summaries"):
        s.summarize([DOC])
    with pytest.raises(InputError, match="1 documents but 2 references"):
        s.summarize([DOC], references=[REF, REF])
    with pytest.raises(InputError, match="unknown objective"):
        get_summarizer("oracle", objective="bleu")
