import pytest

from provsum.metrics.abstractiveness import abstractiveness, abstractiveness_of_tokens, fragments


def test_fragments_hand_computed():
    article = "a b c d e f".split()
    # "a b c" copied, "x" novel, "e f" copied
    assert fragments(article, "a b c x e f".split()) == [3, 2]
    # the longest fragment at each summary position is taken greedily
    assert fragments("a b x a b c".split(), "a b c".split()) == [3]
    assert fragments(article, "x y".split()) == []


def test_metrics_hand_computed():
    m = abstractiveness_of_tokens("a b c d e f".split(), "a b c x e f".split())
    assert m["compression"] == pytest.approx(6 / 6)
    assert m["coverage"] == pytest.approx(5 / 6)
    assert m["density"] == pytest.approx((9 + 4) / 6)
    assert m["novel_1"] == pytest.approx(1 / 6)
    assert m["novel_2"] == pytest.approx(2 / 5)  # "c x", "x e"
    assert m["novel_4"] == pytest.approx(3 / 3)


def test_on_vietnamese_text_with_tone_unification():
    rows = abstractiveness(["Uỷ ban tỉnh Khánh Hoà họp"], ["Ủy ban tỉnh Khánh Hòa họp sáng nay."])
    assert rows[0]["novel_1"] == 0.0 and rows[0]["coverage"] == 1.0 and rows[0]["density"] == pytest.approx(6.0)
    empty = abstractiveness([""], ["x y"])[0]
    assert empty == {"compression": 0.0, "novel_1": 0.0, "novel_2": 0.0, "novel_3": 0.0, "novel_4": 0.0,
                     "coverage": 0.0, "density": 0.0}


def test_interned_batch_equals_token_path():
    from provsum.text.tokenize import tokenize

    docs = ["Sáng 29/10, UBND tỉnh Khánh Hoà họp. Tổng vốn 3.000 tỷ đồng.", "a b c a b c d", "x"]
    sums = ["UBND tỉnh Khánh Hòa họp, vốn 3.000 tỷ.", "a b c d e", ""]
    rows = abstractiveness(sums, docs)
    assert rows == [abstractiveness_of_tokens(tokenize(d), tokenize(s)) for d, s in zip(docs, sums)]
