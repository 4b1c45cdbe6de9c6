import math

import numpy as np
import pytest

from provsum.errors import InputError
from provsum.summarizers import get_summarizer
from provsum.summarizers.graph import lexrank_weights, pagerank, select_in_budget, textrank_weights
from provsum.summarizers.stopwords import stopwords

# S0 shares nothing; S1-S2 share "hội nghị giao ban", S2-S3 "công tác dân vận", S1-S3 "tỉnh quảng ninh"
DOC = "\n".join([
    "Trời hôm nay mưa to.",
    "Tỉnh Quảng Ninh tổ chức hội nghị giao ban.",
    "Hội nghị giao ban đánh giá công tác dân vận.",
    "Công tác dân vận của tỉnh Quảng Ninh đạt kết quả tốt.",
])


def test_pagerank_two_nodes_and_a_star():
    assert np.allclose(pagerank(np.array([[0.0, 1.0], [1.0, 0.0]])), [0.5, 0.5])
    star = np.array([[0, 1, 1], [1, 0, 0], [1, 0, 0]], dtype=float)  # centre 0
    # by hand: c = 0.05 + 0.85 (a + b), a = b = 0.05 + 0.85 c / 2  ->  a = 0.07125 / 0.2775
    a = 0.07125 / 0.2775
    assert np.allclose(pagerank(star), [1 - 2 * a, a, a], atol=1e-7)


def test_pagerank_of_isolated_nodes_is_uniform():
    assert np.allclose(pagerank(np.zeros((4, 4))), 0.25)


def test_textrank_weights_by_hand():
    toks = [["a", "b", "c", "d"], ["a", "b", "e", "f"], ["x", "y"]]
    w = textrank_weights(toks)
    assert w[0, 1] == pytest.approx(2 / (math.log(4) + math.log(4)))
    assert w[0, 2] == 0 and w[1, 0] == w[0, 1] and w[0, 0] == 0


def test_lexrank_weights_threshold_and_cosine():
    toks = [["a", "b"], ["a", "b"], ["c"]]
    assert np.array_equal(lexrank_weights(toks, threshold=0.1), [[0, 1, 0], [1, 0, 0], [0, 0, 0]])
    assert lexrank_weights(toks, threshold=0.1, continuous=True)[0, 1] == pytest.approx(1.0)
    assert lexrank_weights(toks, threshold=1.01).sum() == 0


@pytest.mark.parametrize("system", ["textrank", "lexrank"])
def test_the_unconnected_sentence_is_left_out(system):
    out = get_summarizer(system, max_sentences=3).summarize([DOC])[0]
    assert out == ("Tỉnh Quảng Ninh tổ chức hội nghị giao ban. Hội nghị giao ban đánh giá công tác dân vận. "
                   "Công tác dân vận của tỉnh Quảng Ninh đạt kết quả tốt.")


def test_one_sentence_and_empty_documents():
    s = get_summarizer("textrank")
    with pytest.warns(RuntimeWarning, match="1 empty"):
        assert s.summarize(["Chỉ một câu.", ""]) == ["Chỉ một câu.", ""]


def test_syllable_budget():
    sents = ["một hai ba bốn năm", "sáu bảy", "tám chín mười"]  # 5, 2, 3 syllables
    assert select_in_budget(sents, [0, 1, 2], 3, 7) == [0, 1]
    assert select_in_budget(sents, [2, 0, 1], 3, 5) == [1, 2]  # 0 would overflow and is skipped
    assert select_in_budget(sents, [0, 1, 2], 3, 1) == [0]  # nothing fits: the best alone
    s = get_summarizer("lexrank", max_syllables=9)
    assert s.settings["max_sentences"] is None and s.settings["max_syllables"] == 9
    assert len(s.summarize([DOC])[0].split()) <= 9


def test_stopwords_are_loaded_and_used():
    sw = stopwords()
    assert {"và", "của", "các", "tuy_nhiên", "tuy nhiên"} <= sw and "hội" not in sw
    s = get_summarizer("textrank")
    assert "của" not in s._content_tokens(["Công tác dân vận của tỉnh"])[0]
    assert "của" in get_summarizer("textrank", remove_stopwords=False)._content_tokens(["Công tác của tỉnh"])[0]


def test_bad_options():
    with pytest.raises(InputError, match="unknown token_mode"):
        get_summarizer("textrank", token_mode="char")
    with pytest.raises(InputError, match="max_syllables must be at least 1"):
        get_summarizer("lexrank", max_syllables=0)


def test_word_mode_drops_multi_syllable_stopwords():
    s = get_summarizer("textrank", token_mode="word")
    assert s._content_tokens(["Tuy nhiên, công tác dân vận của tỉnh Quảng Ninh"])[0] == ["công_tác", "dân_vận", "tỉnh", "quảng_ninh"]
    assert s.summarize([DOC], ids=["x"]) == get_summarizer("textrank").summarize([DOC])
