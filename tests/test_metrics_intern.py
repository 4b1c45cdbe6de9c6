import numpy as np

from provsum.metrics.intern import syllable_ids
from provsum.text.tokenize import tokenize_batch

TEXTS = [
    "Uỷ ban Khánh Hoà 29/10/2020, 3.000 tỷ; 2016-2021 COVID-19 F0 quỳ Ho\u0300a",
    "",
    "ÀÉ hội_nghị 1.-2 1..2 a1,2 ²½ 𝟘𝟙 x𝟘 quà oà1 oàb hoạ. KHOẺ",
    "\u212b x ١٢ ٣",  # a singleton NFC changes, Arabic-Indic digits
    "İstanbul ǅ ß",
]


def _decode(ids, lens, vocab):
    out, k = [], 0
    for n in lens.tolist():
        out.append([vocab[i - 1] for i in ids[k : k + n].tolist()])
        k += n
    return out


def test_vectorized_tokens_equal_the_string_tokenizer():
    for tone_marks in (True, False):
        ids, lens, vocab = syllable_ids(TEXTS, tone_marks)
        assert _decode(ids, lens, vocab) == tokenize_batch(TEXTS, tone_marks=tone_marks)


def test_ids_are_interned_in_order_of_first_appearance():
    ids, lens, vocab = syllable_ids(["Hoà hòa HÒA", "x hòa"])
    assert ids.tolist() == [1, 1, 1, 2, 1] and lens.tolist() == [3, 2] and vocab == ["hòa", "x"]


def test_separator_in_text_falls_back():
    assert syllable_ids(["a\x00b"]) is None
    assert isinstance(syllable_ids(["ab"])[0], np.ndarray)
