import json

import pytest

from provsum.errors import InputError
from provsum.summarizers.io import read_inputs, read_predictions, write_predictions


def test_predictions_round_trip_with_header(tmp_path):
    path = write_predictions(tmp_path / "sub" / "p.jsonl", "lead-2", {"k": 2}, ["a", "b"], ["Tóm tắt một.", ""])
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    assert header["system"] == "lead-2" and header["settings"] == {"k": 2} and header["count"] == 2
    assert "provsum_version" in header
    assert json.loads(lines[1]) == {"id": "a", "summary": "Tóm tắt một."}
    assert "Tóm tắt" in lines[1]  # written as UTF-8, not \u escapes
    h, recs = read_predictions(path)
    assert h == header and recs == [{"id": "a", "summary": "Tóm tắt một."}, {"id": "b", "summary": ""}]
    assert list(tmp_path.joinpath("sub").iterdir()) == [path]  # no temporary file left


def test_mismatched_lengths(tmp_path):
    with pytest.raises(InputError, match="2 ids but 1 summaries"):
        write_predictions(tmp_path / "p.jsonl", "x", {}, ["a", "b"], ["s"])


def _write(tmp_path, text):
    p = tmp_path / "in.jsonl"
    p.write_text(text, encoding="utf-8")
    return p


def test_read_inputs(tmp_path):
    p = _write(tmp_path, '{"id": 1, "document": "Câu một.\\nCâu hai.", "summary": "Tóm tắt."}\n\n{"id": "b", "document": ""}\n')
    assert read_inputs(p) == [
        {"id": "1", "document": "Câu một.\nCâu hai.", "summary": "Tóm tắt."},
        {"id": "b", "document": "", "summary": None},
    ]


@pytest.mark.parametrize("text, message", [
    ('{"id": "a"}\n', "line 1: missing field 'document'"),
    ('{"id": "a", "document": "x"}\n{"id": "b", "document": 3}\n', "line 2: \"document\" must be a string"),
    ('{"id": "a", "document": "x"}\n{"id": "a", "document": "y"}\n', "line 2: duplicate id 'a'"),
    ('{"id": "a", "document": "x"}\nnot json\n', "line 2: not valid JSON"),
    ('["a"]\n', "line 1: expected a JSON object"),
    ("\n", "no records"),
])
def test_bad_inputs_name_file_and_line(tmp_path, text, message):
    p = _write(tmp_path, text)
    with pytest.raises(InputError) as err:
        read_inputs(p)
    assert str(p) in str(err.value) and message in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_inputs(tmp_path / "nope.jsonl")
