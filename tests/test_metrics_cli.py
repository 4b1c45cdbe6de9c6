import json

from provsum.cli import main


def write_jsonl(path, *objs):
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs), encoding="utf-8")
    return str(path)


def test_score_and_compare_commands(tmp_path, capsys):
    refs = write_jsonl(tmp_path / "r.jsonl", {"id": "a", "summary": "Hội nghị giao ban tỉnh."},
                       {"id": "b", "references": ["Vốn 3.000 tỷ đồng.", "Tổng vốn 3.000 tỷ."]})
    preds = write_jsonl(tmp_path / "p.jsonl", {"system": "lead", "settings": {"k": 1}},
                        {"id": "b", "summary": "Tổng vốn 3.000 tỷ."}, {"id": "a", "summary": "Hội nghị giao ban."})
    out = tmp_path / "report.json"
    assert main(["score", "--predictions", preds, "--references", refs, "--out", str(out), "--bootstrap", "50"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["system"] == "lead" and report["settings"]["system_settings"] == {"k": 1}
    assert [r["id"] for r in report["per_example"]] == ["a", "b"]
    assert report["per_example"][1]["rouge1_f"] == 1.0  # best of the two references
    assert report["signature"].startswith("provsum-rouge|v:") and "bs:50" in report["signature"]
    assert "provsum-rouge|" in capsys.readouterr().out

    assert main(["compare", preds, preds, "--references", refs, "--method", "approx_randomization", "--samples", "100"]) == 0
    assert "1.0000" in capsys.readouterr().out


def test_bad_input_is_one_line_error(tmp_path, capsys):
    refs = write_jsonl(tmp_path / "r.jsonl", {"id": "a", "summary": "x"}, {"id": "b", "summary": "y"})
    preds = write_jsonl(tmp_path / "p.jsonl", {"id": "a", "summary": "x"})
    assert main(["score", "--predictions", preds, "--references", refs]) == 1
    err = capsys.readouterr().err
    assert "provsum score: error:" in err and "no prediction" in err and "Traceback" not in err
    out = tmp_path / "rep.json"
    assert main(["score", "--predictions", preds, "--references", refs, "--allow-missing", "--out", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["counts"]["missing_predictions"] == 1 and report["per_example"][1]["rouge1_f"] == 0.0
