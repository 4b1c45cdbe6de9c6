import json
import random

import numpy as np
import pytest

from provsum.errors import InputError
from provsum.summarizers import get_summarizer
from provsum.summarizers.trained import FEATURES, LinearModel, fit_logistic, sentence_features, train_extractive

PLACES = ["Quảng Ninh", "Lào Cai", "Bắc Giang", "Nghệ An", "Cà Mau", "Thái Bình", "Sơn La", "Yên Bái"]
FILLERS = [
    "Thời tiết hôm nay khá đẹp.",
    "Nhiều người dân đến dự.",
    "Buổi sáng có mưa nhỏ.",
    "Đường phố đông đúc xe cộ.",
    "Giá rau tại chợ tăng nhẹ.",
]


def planted(n, seed):
    """The summary is always the sentence about the meeting, which sits at a random position."""
    rng = random.Random(seed)
    docs, refs = [], []
    for i in range(n):
        place = rng.choice(PLACES)
        key = f"UBND tỉnh {place} tổ chức hội nghị giao ban công tác tháng {rng.randint(1, 12)} năm 2020."
        sents = rng.sample(FILLERS, 4)
        sents.insert(rng.randint(0, 4), key)
        docs.append("\n".join(sents))
        refs.append(f"Hội nghị giao ban của UBND tỉnh {place} tổ chức năm 2020.")
    return docs, refs


def test_features_by_hand():
    f = sentence_features(["Câu đầu tiên có 2020.", "Câu thứ hai.", "Ba.", "Câu “trích dẫn” cuối."])
    assert f.shape == (4, len(FEATURES))
    col = {name: f[:, i] for i, name in enumerate(FEATURES)}
    assert list(col["relative_position"]) == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert list(col["is_first"]) == [1, 0, 0, 0] and list(col["is_third"]) == [0, 0, 1, 0]
    assert col["digit_ratio"][0] == pytest.approx(1 / 5) and col["digit_ratio"][1] == 0
    assert list(col["has_quote"]) == [0, 0, 0, 1]
    assert col["log_syllables"][2] == pytest.approx(np.log(2))
    assert col["overlap_with_first"][0] == 1.0


def test_logistic_regression_separates_a_separable_set():
    x = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    w, b = fit_logistic(x, np.array([0, 0, 1, 1.0]), l2=0.1)
    assert w[0] > 0 and abs(b) < 1e-6  # symmetric data: no bias


def test_train_save_reload_and_pick_the_planted_sentence(tmp_path):
    docs, refs = planted(60, seed=1)
    model = train_extractive(docs, refs, max_oracle_sentences=1, seed=0, source="planted")
    assert model.training["documents"] == 54 and model.training["heldout_documents"] == 6
    assert model.training["heldout_precision_at_oracle_k"] == 1.0
    path = model.save(tmp_path / "ext.json")
    again = LinearModel.load(path)
    test_docs, _ = planted(10, seed=2)
    feats = sentence_features(test_docs[0].split("\n"))
    assert np.allclose(again.scores(feats), model.scores(feats))
    s = get_summarizer("extractive-trained", model=str(path), max_sentences=1)
    assert s.settings["training"]["source"] == "planted"
    for doc, out in zip(test_docs, s.summarize(test_docs)):
        assert out.startswith("UBND tỉnh") and out in doc.split("\n")


def test_missing_or_wrong_model_file(tmp_path):
    good = LinearModel(np.zeros(len(FEATURES)), 0.0, np.zeros(len(FEATURES)), np.ones(len(FEATURES))).save(tmp_path / "m.json")
    with pytest.raises(InputError) as err:
        get_summarizer("extractive-trained", model=str(tmp_path / "other.json"))
    assert "no model file" in str(err.value) and str(good) in str(err.value)
    (tmp_path / "bad.json").write_text(json.dumps({"format": "x"}))
    with pytest.raises(InputError, match="not a provsum-extractive-linear model"):
        get_summarizer("extractive-trained", model=str(tmp_path / "bad.json"))
    with pytest.raises(InputError, match="needs model=PATH"):
        get_summarizer("extractive-trained")


def test_no_usable_documents():
    with pytest.raises(InputError, match="no usable training documents"):
        train_extractive(["", "Câu."], ["Tóm tắt.", ""])
