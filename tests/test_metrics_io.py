import json

import pytest

from provsum.errors import InputError
from provsum.metrics.io import align, read_predictions, read_references


def write(tmp_path, name, content):
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return p


def lines(*objs):
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


def test_header_and_records(tmp_path):
    p = write(tmp_path, "p.jsonl", lines({"system": "lead3", "settings": {"k": 3}}, {"id": "a", "summary": "x"}) + "\n")
    recs = read_predictions(p)
    assert recs.header == {"system": "lead3", "settings": {"k": 3}}
    assert recs.ids == ["a"] and recs.texts == ["x"] and recs.lines == [2] and recs.blank_lines == 1


@pytest.mark.parametrize(
    "content, message",
    [
        (lines({"id": "a", "summary": "x"}, {"id": "a", "summary": "y"}), ":2: duplicate id 'a' (first on line 1)"),
        ('{"id": "a", "summary": "x"}\n{"id": "b", summary}\n', ":2: invalid JSON"),
        (b'{"id": "a", "summary": "x"}\n{"id": "b", "summary": "\xff"}\n', ":2: not valid UTF-8"),
        (lines({"id": "a", "summary": ""}), ":1: empty summary for id 'a'"),
        (lines({"id": "a"}), ':1: no "summary" field'),
        (lines({"summary": "x"}), ':1: no "id" field'),
        (lines([1, 2]), ":1: expected a JSON object"),
        (lines({"id": "a", "summary": 3}), ":1: \"summary\" of id 'a' must be a string"),
    ],
)
def test_bad_predictions_name_the_line(tmp_path, content, message):
    p = write(tmp_path, "p.jsonl", content)
    with pytest.raises(InputError) as exc:
        read_predictions(p)
    assert str(p) in str(exc.value) and message in str(exc.value)


def test_unknown_and_missing_ids(tmp_path):
    p = write(tmp_path, "p.jsonl", lines({"id": "a", "summary": "x"}, {"id": "zz", "summary": "y"}))
    with pytest.raises(InputError, match=r":2: unknown id 'zz'"):
        align(read_predictions(p), ["a", "b"])
    p2 = write(tmp_path, "p2.jsonl", lines({"id": "a", "summary": "x"}))
    with pytest.raises(InputError, match=r"1 of 2 examples .* no prediction \('b'\).*--allow-missing"):
        align(read_predictions(p2), ["a", "b"])
    texts, missing = align(read_predictions(p2), ["b", "a"], allow_missing=True)
    assert texts == ["", "x"] and missing == ["b"]


def test_empty_prediction_allowed_with_flag(tmp_path):
    p = write(tmp_path, "p.jsonl", lines({"id": "a", "summary": " "}))
    assert read_predictions(p, allow_empty=True).texts == [" "]


def test_references_single_and_multi(tmp_path):
    r = write(tmp_path, "r.jsonl", lines({"id": "a", "summary": "x"}, {"id": "b", "references": ["y", "z"]}, {"id": "c", "summary": ""}))
    recs = read_references(r)
    assert recs.ids == ["a", "b", "c"] and recs.texts == [["x"], ["y", "z"], [""]]
    bad = write(tmp_path, "bad.jsonl", lines({"id": "a", "references": []}))
    with pytest.raises(InputError, match=":1: \"references\" of id 'a' must be a non-empty list"):
        read_references(bad)
    with pytest.raises(InputError, match="cannot read"):
        read_references(tmp_path / "missing.jsonl")
