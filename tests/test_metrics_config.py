"""`provsum score --config`: reads the built dataset (here a tiny fake one) and adds documents."""

import json

import pytest

from provsum.cli import main


def test_score_against_a_built_split_adds_abstractiveness(tmp_path, monkeypatch, capsys):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    rows = [
        {"id": "x:1", "title": "t", "document": "Sáng 29/10, tỉnh Quảng Ninh tổ chức hội nghị giao ban.\nTổng vốn 3.000 tỷ đồng.",
         "summary": "Tỉnh Quảng Ninh tổ chức hội nghị giao ban.", "source": "s", "outlet": None, "date": None,
         "url": None, "level": "province", "meeting_type": "giao_ban", "province": "Quảng Ninh"},
        {"id": "x:2", "title": "t", "document": "Kỳ họp thứ 5 HĐND tỉnh bế mạc.", "summary": "HĐND tỉnh bế mạc kỳ họp thứ 5.",
         "source": "s", "outlet": None, "date": None, "url": None, "level": "province", "meeting_type": "ky_hop",
         "province": None},
    ]
    (tmp_path / "data" / "provincial").mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "data" / "provincial" / "test-00000.parquet")
    monkeypatch.setenv("PROVSUM_DATASET", str(tmp_path))
    preds = tmp_path / "p.jsonl"
    preds.write_text(
        json.dumps({"id": "x:1", "summary": "Sáng 29/10, tỉnh Quảng Ninh tổ chức hội nghị giao ban."}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "x:2", "summary": "Kỳ họp thứ 5 HĐND tỉnh bế mạc."}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.json"
    assert main(["score", "--predictions", str(preds), "--config", "provincial", "--split", "test",
                 "--out", str(out), "--bootstrap", "20"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["settings"]["references"] == "provincial/test"
    first = report["per_example"][0]
    assert first["coverage"] == 1.0 and first["novel_1"] == 0.0  # copied from the document
    assert report["corpus"]["coverage"]["mean"] == 1.0
    # facts are either merged or skipped with a note, never silently absent
    assert "fact_recall" in report["corpus"] or any("facts" in n for n in report["notes"])
