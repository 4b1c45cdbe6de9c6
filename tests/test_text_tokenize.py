import pytest

from provsum.text.tokenize import rouge_score_tokenize, tokenize, tokenize_batch


def test_syllables_keep_diacritics_and_lowercase():
    assert tokenize("Hội nghị GIAO BAN, hỏi; hơi!") == ["hội", "nghị", "giao", "ban", "hỏi", "hơi"]


def test_number_and_date_rule():
    text = "Ngày 29/10/2020 lúc 7:30, vốn 3.000 tỷ (3,2%) giai đoạn 2016-2021 và 2016 - 2021; COVID-19, F0"
    assert tokenize(text) == [
        "ngày", "29/10/2020", "lúc", "7:30", "vốn", "3.000", "tỷ", "3,2", "giai", "đoạn",
        "2016-2021", "và", "2016", "2021", "covid", "19", "f0",
    ]


def test_tone_mark_placement_is_unified_by_default():
    assert tokenize("Uỷ ban Khánh Hoà, khoẻ, thuỷ") == tokenize("Ủy ban Khánh Hòa, khỏe, thủy")
    assert tokenize("Khánh Hoà", tone_marks=False) == ["khánh", "hoà"]
    assert tokenize("Khánh Hoà", tone_marks=False) != tokenize("Khánh Hòa", tone_marks=False)


def test_nfc_and_underscore_joiner():
    decomposed = "Ho\u0300a Bi\u0300nh"  # combining grave accents
    assert tokenize(decomposed) == ["hòa", "bình"]
    assert tokenize("hội_nghị tổng_kết") == ["hội", "nghị", "tổng", "kết"]


def test_rouge_score_mode_destroys_diacritics_like_google():
    assert tokenize("hội hỏi hơi", mode="rouge_score") == ["h", "i", "h", "i", "h", "i"]
    assert rouge_score_tokenize("The quick-brown fox's 3.5 jumps!") == ["the", "quick", "brown", "fox", "s", "3", "5", "jumps"]


def test_word_mode_groups_syllables():
    toks = tokenize("Hội nghị tổng kết năm 2020 của UBND tỉnh", mode="word")
    assert "hội_nghị" in toks and "tổng_kết" in toks and "2020" in toks
    assert tokenize("hội_nghị giao_ban", mode="word")[:1] == ["hội_nghị"]


def test_batch_equals_one_by_one():
    texts = ["Khánh Hoà 29/10", "", "Uỷ ban\nnhân dân", "a\u0300 b"]
    assert tokenize_batch(texts) == [tokenize(t) for t in texts]
    assert tokenize_batch(["x\x00y", "z"]) == [tokenize("x\x00y"), ["z"]]


def test_unknown_mode():
    with pytest.raises(ValueError):
        tokenize("x", mode="bpe")


def test_fast_tone_rule_equals_the_shared_normalizer():
    import random
    import unicodedata

    from provsum.text.normalize import normalize_tone_marks
    from provsum.text.tokenize import unify_tone_marks_lower

    rng = random.Random(5)
    alphabet = "aoeuyqhkt òóỏõọàáảãạèéẻẽẹỳýỷỹỵ,.OAUQ1"
    for _ in range(5000):
        s = unicodedata.normalize("NFC", "".join(rng.choice(alphabet) for _ in range(10))).lower()
        assert unify_tone_marks_lower(s) == normalize_tone_marks(s)
