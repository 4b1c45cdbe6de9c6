import json

import pytest

from provsum.cli import main

DOCS = [
    {"id": "a", "document": "Sáng 29/10, huyện Bình Liêu tổ chức hội nghị giao ban.\nHội nghị đánh giá công tác dân vận.\nTrời mưa.",
     "summary": "Huyện Bình Liêu tổ chức hội nghị giao ban đánh giá công tác dân vận."},
    {"id": "b", "document": "", "summary": "Không có gì."},
]


@pytest.fixture
def input_file(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), encoding="utf-8")
    return p


def read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_summarize_lead_writes_header_and_records(input_file, tmp_path, capsys):
    out = tmp_path / "p.jsonl"
    assert main(["summarize", "--system", "lead", "--k", "2", "--input", str(input_file), "--out", str(out)]) == 0
    lines = read(out)
    assert lines[0]["system"] == "lead-2" and lines[0]["settings"]["input"] == str(input_file)
    assert lines[1] == {"id": "a", "summary": "Sáng 29/10, huyện Bình Liêu tổ chức hội nghị giao ban. Hội nghị đánh giá công tác dân vận."}
    assert lines[2] == {"id": "b", "summary": ""}
    captured = capsys.readouterr()
    assert "wrote 2 predictions" in captured.out and "1 empty documents" in captured.out
    assert "1 empty document(s) got an empty summary" in captured.err


def test_set_options_and_oracle(input_file, tmp_path):
    out = tmp_path / "o.jsonl"
    assert main(["summarize", "--system", "oracle", "--set", "max_sentences=1", "--set", "objective=rouge1",
                 "--input", str(input_file), "--out", str(out)]) == 0
    lines = read(out)
    assert lines[0]["settings"]["max_sentences"] == 1 and lines[0]["settings"]["objective"] == "rouge1"
    # by hand, ROUGE-1 F1 against the reference (15 tokens): first line 9 hits of 11 tokens -> 18/26 = 0.692,
    # second line 8 hits of 8 tokens -> 16/23 = 0.696: the second line wins
    assert lines[1]["summary"] == "Hội nghị đánh giá công tác dân vận."


def test_errors_are_one_line_exit_1(input_file, tmp_path, capsys):
    out = str(tmp_path / "x.jsonl")
    assert main(["summarize", "--system", "nope", "--input", str(input_file), "--out", out]) == 1
    assert "unknown system 'nope'; systems are: lead" in capsys.readouterr().err
    assert main(["summarize", "--system", "textrank", "--k", "2", "--input", str(input_file), "--out", out]) == 1
    assert "has no option 'k'" in capsys.readouterr().err
    no_refs = tmp_path / "norefs.jsonl"
    no_refs.write_text('{"id": "a", "document": "Câu."}\n', encoding="utf-8")
    assert main(["summarize", "--system", "oracle", "--input", str(no_refs), "--out", out]) == 1
    assert "oracle needs reference summaries: 1 record(s)" in capsys.readouterr().err
    assert main(["summarize", "--system", "lead-1", "--out", out]) == 1
    assert "give --config NAME" in capsys.readouterr().err
    assert main(["summarize", "--system", "lead-1", "--config", "provincial", "--split", "dev", "--out", out]) == 1
    assert "unknown split 'dev'" in capsys.readouterr().err


def test_extractive_train_and_summarize_cli(input_file, tmp_path, capsys):
    model = tmp_path / "ext.json"
    assert main(["train", "--extractive", "--train-file", str(input_file), "--out", str(model)]) == 0
    assert "fitted on 1 documents" in capsys.readouterr().out
    out = tmp_path / "e.jsonl"
    assert main(["summarize", "--system", "extractive-trained", "--model", str(model), "--max-sentences", "1",
                 "--input", str(input_file), "--out", str(out)]) == 0
    assert read(out)[1]["id"] == "a" and read(out)[1]["summary"] in DOCS[0]["document"].split("\n")
