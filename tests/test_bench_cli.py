"""``provsum bench`` on a tiny hand-written dataset, and its argument errors."""

from __future__ import annotations

import json

import pytest

from bench_fixtures import write_fake_dataset
from provsum.cli import main
from provsum.cli.bench import default_label


def test_bench_command_writes_results_and_updates_readme(tmp_path, capsys):
    ds = write_fake_dataset(tmp_path / "ds")
    readme = tmp_path / "README.md"
    readme.write_text("x\n<!-- leaderboard:start -->\n<!-- leaderboard:end -->\n", encoding="utf-8")
    rc = main(["bench", "--dataset-dir", str(ds), "--no-build", "--only", "lead-1", "--news-sample", "4",
               "--out-dir", str(tmp_path / "out"), "--runs-dir", str(tmp_path / "runs"), "--bootstrap", "50",
               "--workers", "1", "--quiet", "--update-readme", str(readme)])
    assert rc == 0
    board = json.loads((tmp_path / "out" / "leaderboard.json").read_text(encoding="utf-8"))
    assert {c: list(r["systems"]) for c, r in board["results"].items()} == {"provincial": ["lead-1", "lead-3"],
                                                                           "news": ["lead-1", "lead-3"]}
    assert board["settings"]["bootstrap"] == 50 and board["results"]["news"]["examples"] == 4
    assert board["extractive_model"] is None
    assert "| **lead-3** |" in readme.read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert "leaderboard table updated" in out and "lead-1" in out


@pytest.mark.parametrize("argv,msg", [
    (["--only", "lead-9"], "--only: not a default system: lead-9"),
    (["--model", "m"], "apply to the systems given with --system"),
    (["--system", "seq2seq", "--model", "m", "--label", "a b"], "label 'a b'"),
    (["--system", "llm", "--label", "a", "--label", "b"], "2 --label for 1 --system"),
])
def test_bad_arguments(tmp_path, capsys, argv, msg):
    assert main(["bench", "--dataset-dir", str(tmp_path), "--no-build", *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("provsum bench: error: ") and msg in err


def test_default_labels():
    assert default_label("seq2seq", {"model": "runs/t5-small-news/"}) == "seq2seq:t5-small-news"
    assert default_label("llm", {"model": "Qwen/Qwen2.5-7B-Instruct"}) == "llm:Qwen2.5-7B-Instruct"
    assert default_label("textrank", {}) == "textrank"
