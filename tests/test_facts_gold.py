"""Loading gold facts: the real annotations file and bad input."""

import json

import pytest

from provsum.errors import InputError
from provsum.facts.gold import default_gold_path, load_gold


def test_load_gold_checked_only(tmp_path):
    p = tmp_path / "g.jsonl"
    rows = [
        {"id": "a", "checked": True, "facts": [{"type": "date", "value": "d=1;m=2", "text": "1/2"}]},
        {"id": "b", "checked": False, "facts": []},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert load_gold(p) == {"a": rows[0]["facts"]}
    assert set(load_gold(p, checked_only=False)) == {"a", "b"}


def test_bad_gold_lines_are_named(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text('{"id": "a", "checked": true, "facts": [{"type": "colour", "value": "x"}]}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"g.jsonl:1: bad fact"):
        load_gold(p)
    p.write_text("not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"g.jsonl:1: expected a JSON object"):
        load_gold(p)


def test_the_committed_gold_file_loads():
    path = default_gold_path()
    if not path.exists():
        pytest.skip("annotations/gold_facts.jsonl is not in this checkout")
    gold = load_gold(path)
    assert len(gold) >= 100
    assert all(f["type"] and f["value"] for facts in gold.values() for f in facts)
