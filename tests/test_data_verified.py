import json

import numpy as np
import pytest

from provsum.data.verified import (MEETING, NOT_MEETING, PROVINCIAL, UNLABELLED, codes_for, hand_code,
                                   label_files, load_hand_labels, verified_values)
from provsum.errors import InputError


def _label(i, meeting, level=None, lead=None):
    return {"id": i, "is_meeting_report": meeting, "level": level, "lead_reports_meeting": lead}


def test_hand_code_follows_the_dataset_definition():
    assert hand_code(_label("a", True, "district", True)) == PROVINCIAL
    assert hand_code(_label("a", True, "mixed", None)) == PROVINCIAL  # phases before the field: not false
    assert hand_code(_label("a", True, "national", True)) == MEETING
    assert hand_code(_label("a", True, "provincial", False)) == NOT_MEETING  # the lead does not report it
    assert hand_code(_label("a", False)) == NOT_MEETING


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_files_in_order_first_label_wins(tmp_path):
    _write(tmp_path / "audit_phase10.jsonl", [_label("x", False)])
    _write(tmp_path / "audit_phase2.jsonl", [_label("x", True, "provincial", True), _label("y", True, "national", True)])
    _write(tmp_path / "verify_provincial.jsonl", [_label("y", False), _label("z", True, "commune", True)])
    (tmp_path / "audit_phase2_design.json").write_text("{}")  # not a label file
    assert [p.name for p in label_files(tmp_path)] == ["audit_phase2.jsonl", "audit_phase10.jsonl",
                                                       "verify_provincial.jsonl"]
    labels = load_hand_labels(tmp_path)
    assert labels == {"x": PROVINCIAL, "y": MEETING, "z": PROVINCIAL}
    codes = codes_for(["x", "y", "z", "w"], labels)
    assert codes.tolist() == [PROVINCIAL, MEETING, PROVINCIAL, UNLABELLED] and codes.dtype == np.int8


def test_verified_per_config():
    codes = np.array([UNLABELLED, NOT_MEETING, MEETING, PROVINCIAL], dtype=np.int8)
    for config, expected in (("provincial", [False, False, False, True]), ("meetings", [False, False, True, True]),
                             ("news", [False, True, False, False])):
        value, null = verified_values(config, codes)
        assert value.tolist() == expected and null.tolist() == [True, False, False, False]
    with pytest.raises(ValueError):
        verified_values("all", codes)


def test_bad_label_line_names_file_and_line(tmp_path):
    (tmp_path / "verify_x.jsonl").write_text(json.dumps(_label("a", False)) + "\n{\"id\": \"b\"}\n")
    with pytest.raises(InputError, match=r"verify_x.jsonl: line 2: not a label record"):
        load_hand_labels(tmp_path)
