"""The encoder classifier trainer, from scratch (tiny) on a hand-written dataset and hand-written labels."""

import json

import numpy as np
import pytest

from bench_fixtures import write_fake_dataset

pytest.importorskip("torch")
pytest.importorskip("transformers")

from provsum.training.classifier import ClassifierOptions, labelled_rows, predict, train_classifier  # noqa: E402


def _label(i, meeting, stratum=None):
    row = {"id": i, "is_meeting_report": meeting, "level": "provincial" if meeting else None,
           "lead_reports_meeting": True if meeting else None}
    return dict(row, stratum=stratum) if stratum else row


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture()
def labelled(tmp_path):
    ds = write_fake_dataset(tmp_path / "ds")
    ann = tmp_path / "annotations"
    ann.mkdir()
    # phase 1 (development): 20 news-train articles, every other one a meeting report, two strata
    _write(ann / "audit_phase1.jsonl", [_label(f"news:train:{i:04d}", i % 2 == 0, "a/x" if i < 10 else "a/y")
                                        for i in range(20)])
    (ann / "audit_phase1_design.json").write_text(json.dumps({"population": {"a/x": 100, "a/y": 40}}))
    # phase 7 (held out): the 9 provincial-test articles
    _write(ann / "audit_phase7.jsonl", [_label(f"provincial:test:{i:04d}", i < 6, "t/provincial" if i < 6 else
                                               "t/news_none") for i in range(9)])
    (ann / "audit_phase7_design.json").write_text(json.dumps({"population": {"t/provincial": 12,
                                                                             "t/news_none": 300}}))
    # a verification pass: six more, one of them already labelled in phase 1 (the audit label wins)
    _write(ann / "verify_x.jsonl", [_label(f"news:train:{i:04d}", True) for i in range(19, 25)])
    return ds, ann


def test_labelled_rows_weights_and_first_label_wins(labelled):
    _ds, ann = labelled
    rows = labelled_rows(ann)
    by = {r["id"]: r for r in rows}
    assert len(rows) == 20 + 9 + 5
    assert by["news:train:0000"]["w"] == pytest.approx(100 / 10) and by["news:train:0015"]["w"] == pytest.approx(40 / 10)
    assert by["provincial:test:0007"]["w"] == pytest.approx(300 / 3) and by["provincial:test:0007"]["phase"] == 7
    assert by["news:train:0019"]["phase"] == 1 and by["news:train:0019"]["y"] is False  # phase 1's label kept
    assert by["news:train:0022"]["phase"] is None and by["news:train:0022"]["y"] is True


def test_train_from_scratch_evaluate_heldout_save_and_reload(labelled, tmp_path):
    ds, ann = labelled
    opts = dict(model=None, from_scratch=True, size="tiny", vocab_size=120, annotations_dir=str(ann),
                dataset_dir=str(ds), heldout_phase=7, max_length=48, epochs=2, batch_size=8, device="cpu", seed=3)
    m1 = train_classifier(ClassifierOptions(output_dir=str(tmp_path / "a"), **opts))
    assert m1["train_examples"] == 25 and m1["train_positives"] == 10 + 5  # the held-out phase is not trained on
    assert m1["steps"] == 2 * 4
    held = m1["heldout"]
    assert held["phase"] == 7 and held["examples"] == 9
    assert set(held["scores"]) == {"rules", "model@0.3", "model@0.5", "model@0.7"}
    # the rules call every templated provincial-test article a provincial report: 6 of 6 TP, 3 weighted FP of 100
    assert held["scores"]["rules"]["sample_counts"] == {"tp": 6, "fp": 3, "fn": 0, "tn": 0}
    # same seed, same run
    m2 = train_classifier(ClassifierOptions(output_dir=str(tmp_path / "b"), **opts))
    assert m2["final_loss"] == m1["final_loss"]
    assert json.dumps(m2["heldout"]["scores"], sort_keys=True) == json.dumps(held["scores"], sort_keys=True)  # NaN-safe
    # the saved model reloads with transformers and scores texts
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    model = AutoModelForSequenceClassification.from_pretrained(str(tmp_path / "a"))
    tok = AutoTokenizer.from_pretrained(str(tmp_path / "a"))
    p = predict(model, tok, ["Hội nghị tỉnh Quảng Ninh\nNgày 3/1, UBND tỉnh tổ chức hội nghị.", "Giá vàng"], 48)
    assert p.shape == (2,) and np.all((p >= 0) & (p <= 1))
    record = json.loads((tmp_path / "a" / "provsum_classifier.json").read_text())
    assert record["options"]["seed"] == 3 and record["segment_words"] is False
