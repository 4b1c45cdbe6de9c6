import random

import numpy as np

from provsum.metrics.batch import score_chunk
from provsum.metrics.fast import score_ids
from provsum.metrics.rouge import Prepared, score_prepared

KINDS = [1, 2, 3, "L", "Lsum"]


def _text(rng, n_sents, max_len, vocab):
    return [[rng.randint(1, vocab) for _ in range(rng.randint(0, max_len))] for _ in range(rng.randint(1, n_sents))]


def test_vectorized_equals_pure_python_reference_exactly():
    rng = random.Random(11)
    # short and long sentences (reference sentences over 64 tokens take the big-int path)
    for vocab, max_len in ((4, 8), (6, 30), (3, 90), (60, 70)):
        preds = [_text(rng, 4, max_len, vocab) for _ in range(150)]
        refs = [_text(rng, 3, max_len, vocab) for _ in range(150)]
        fast = score_ids(preds, refs, KINDS, vocab)
        for k, (p, r) in enumerate(zip(preds, refs)):
            slow = np.array(score_prepared(Prepared(p), Prepared(r), KINDS, vocab + 1))
            assert np.array_equal(slow, fast[k]), (p, r)


def test_engines_agree_on_texts_with_multiple_references_and_modes():
    preds = ["Hội nghị giao ban.\nTỉnh Khánh Hoà họp.", "", "Ủy ban 3.000 tỷ đồng", "a b c"]
    refs = [["Hội nghị giao ban tỉnh Khánh Hòa."], ["x"], ["Uỷ ban tỉnh 3.000 tỷ.", "Ủy ban 3.000 tỷ đồng"], ["a x y", "a b c d"]]
    types = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    for tokenizer in ("syllable", "word", "rouge_score"):
        for multi in ("max", "jackknife"):
            a = score_chunk(preds, refs, types, tokenizer=tokenizer, multi_ref=multi, engine="numpy")
            b = score_chunk(preds, refs, types, tokenizer=tokenizer, multi_ref=multi, engine="python")
            assert np.allclose(np.array(a), np.array(b), atol=1e-12, rtol=0)


def test_workers_give_the_same_scores():
    from provsum.metrics.api import rouge_matrix

    preds = [f"hội nghị giao ban tỉnh lần {i}.\nTổng vốn {i}.000 tỷ" for i in range(40)]
    refs = [[f"Hội nghị tỉnh lần {i % 7}, vốn {i}.000 tỷ đồng"] for i in range(40)]
    names, one = rouge_matrix(preds, refs, workers=1)
    _, two = rouge_matrix(preds, refs, workers=2)
    assert names[:3] == ["rouge1_p", "rouge1_r", "rouge1_f"] and np.array_equal(one, two)
