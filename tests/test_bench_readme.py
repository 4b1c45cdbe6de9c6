"""Leaderboard tables rendered from a hand-written results dict; the README block replacement."""

from __future__ import annotations

import json

import pytest

from provsum.bench import readme
from provsum.bench.readme import END, START, render_markdown, render_readme_block, replace_block, update_readme
from provsum.errors import InputError


def ci(mean, low, high):
    return {"mean": mean, "low": low, "high": high}


def system(name, r1, r2, recall, vs=None):
    s = {
        "system": name,
        "settings": {"system": name, "k": 3},
        "counts": {},
        "seconds": {"summarize": 0.5, "score": 1.25},
        "docs_per_second": 266.0,
        "syllable": {"rouge1_f": ci(r1, r1 - 0.01, r1 + 0.01), "rouge2_f": ci(r2, r2 - 0.02, r2 + 0.02),
                     "rougeL_f": ci(r1 - 0.1, r1 - 0.12, r1 - 0.08), "rougeLsum_f": ci(r1, r1, r1),
                     "novel_2": ci(0.0, 0.0, 0.0), "coverage": ci(1.0, 1.0, 1.0), "density": ci(20.0, 18.0, 22.0),
                     "compression": ci(3.0, 2.5, 3.5)},
        "word": {"rouge2_f": ci(r2 + 0.01, r2, r2 + 0.02)},
        "facts": {"fact_recall": ci(recall, recall - 0.1, recall + 0.1), "unsupported_rate": ci(0.05, 0.0, 0.1)},
    }
    if vs is not None:
        s["vs_baseline"] = vs
    return s


def board():
    vs_tr = {"syllable:rouge2_f": {"delta": 0.015, "p_value": 0.01, "n": 100},
             "word:rouge2_f": {"delta": 0.01, "p_value": 0.2, "n": 100},
             "facts:fact_recall": {"delta": -0.05, "p_value": 0.0004, "n": 80}}
    vs_or = {"syllable:rouge2_f": {"delta": 0.2, "p_value": 0.001, "n": 100}}
    return {
        "format": "provsum-leaderboard", "format_version": 1, "provsum_version": "0.1.0", "baseline": "lead-3",
        "command": "provsum bench", "signatures": {"syllable": "SIG-S", "word": "SIG-W", "significance": "SIG-P"},
        "settings": {}, "not_run": ["seq2seq", "llm"], "dataset": {}, "extractive_model": None,
        "machine": {}, "timings_seconds": {"total": 1.0},
        "results": {"provincial": {"split": "test", "examples": 100, "split_size": 100, "sample": None,
                                   "gold_fact_examples": 100,
                                   "systems": {"oracle": system("oracle", 0.6, 0.45, 0.9, vs_or),
                                               "lead-3": system("lead-3", 0.40, 0.2, 0.5),
                                               "textrank": system("textrank", 0.41, 0.215, 0.45, vs_tr)}},
                    "news": {"split": "test", "examples": 10, "split_size": 2000, "sample": {"size": 10, "seed": 7},
                             "systems": {"lead-3": system("lead-3", 0.3, 0.1, 0.4)}}},
    }


def test_readme_block_rows_in_order_with_deltas():
    text = render_readme_block(board())
    lines = text.splitlines()
    rows = [x for x in lines if x.startswith("| ") and not x.startswith("| system")]
    assert rows[0] == "| textrank | 41.00 [40.00, 42.00] | 21.50 [19.50, 23.50] | 31.00 [29.00, 33.00] | 22.50 | 45.0 | +1.50* (p=0.010) |"
    assert rows[1] == "| **lead-3** | 40.00 [39.00, 41.00] | 20.00 [18.00, 22.00] | 30.00 [28.00, 32.00] | 21.00 | 50.0 | — |"
    assert rows[2].startswith("| oracle (upper bound) | 60.00")  # the upper bound goes last although it scores best
    assert "**`provincial`/test: 100 examples; key facts hand-checked for 100 of them**" in lines
    assert "**`news`/test: 10 examples (a fixed sample of the 2,000, seed 7)**" in lines
    assert lines[-1] == "Not run here (GPU or endpoint, on request): seq2seq, llm."


def test_markdown_has_every_table_and_the_signatures():
    md = render_markdown(board())
    assert "`SIG-S`" in md and "`SIG-W`" in md and "`SIG-P`" in md
    assert "| textrank | 45.0 [35.0, 55.0] | 5.0 [0.0, 10.0] | -5.00* (p<0.001) | 0.0% | 1.00 | 20.00 | 3.0 |" in md
    assert "| textrank | 41.00 [40.00, 42.00] | 21.50 [19.50, 23.50] | 31.00 [29.00, 33.00] | 41.00 [41.00, 41.00] | " \
           "22.50 [21.50, 23.50] | +1.50* (p=0.010) | +1.00 (p=0.200) |" in md
    assert md.count("### Speed") == 2


def test_replace_block_keeps_everything_else():
    text = f"# T\n\nintro\n{START}\nold table\n{END}\nafter\n"
    assert replace_block(text, "NEW\n") == f"# T\n\nintro\n{START}\nNEW\n{END}\nafter\n"
    assert replace_block(replace_block(text, "NEW"), "NEW") == replace_block(text, "NEW")


@pytest.mark.parametrize("text,msg", [
    ("no markers\n", "no <!-- leaderboard:start --> and <!-- leaderboard:end --> marker"),
    (f"{START}\nx\n", f"no {END} marker"),
    (f"{END}\n{START}\n", "comes before"),
    (f"{START}\n{END}\n{START}\n{END}\n", "more than once"),
])
def test_replace_block_errors(text, msg):
    with pytest.raises(InputError) as err:
        replace_block(text, "x")
    assert str(err.value).startswith("README.md: ") and msg in str(err.value)


def test_update_readme_and_check(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(f"top\n{START}\n{END}\n", encoding="utf-8")
    assert update_readme(path, board(), check=True) is True
    assert path.read_text(encoding="utf-8") == f"top\n{START}\n{END}\n"
    assert update_readme(path, board()) is True
    assert "| **lead-3** |" in path.read_text(encoding="utf-8")
    assert update_readme(path, board()) is False
    results = tmp_path / "leaderboard.json"
    results.write_text(json.dumps(board()), encoding="utf-8")
    assert readme.main(["--results", str(results), "--readme", str(path), "--check"]) == 0
    path.write_text(f"top\n{START}\nstale\n{END}\n", encoding="utf-8")
    assert readme.main(["--results", str(results), "--readme", str(path), "--check"]) == 1


def test_bad_results_file(tmp_path):
    p = tmp_path / "leaderboard.json"
    p.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: not JSON"):
        readme.load_board(p)
    b = board()
    del b["results"]["news"]["systems"]["lead-3"]["word"]
    p.write_text(json.dumps(b), encoding="utf-8")
    with pytest.raises(InputError, match="results.news.systems.lead-3 has no 'word'"):
        readme.load_board(p)
    p.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(InputError, match="not a provsum-leaderboard file"):
        readme.load_board(p)


def test_hand_verified_subset_rendered_when_present():
    b = board()
    assert "Hand-verified" not in render_markdown(b) and "hand label confirms" not in render_readme_block(b)
    b["results"]["provincial"]["verified_subset"] = {"examples": 80, "of": 100, "systems": {
        "lead-3": {"means": {"syllable:rouge1_f": 0.5, "syllable:rouge2_f": 0.25, "syllable:rougeL_f": 0.4,
                             "word:rouge2_f": 0.26, "facts:fact_recall": 0.555}},
        "textrank": {"means": {"syllable:rouge1_f": 0.52, "syllable:rouge2_f": 0.27, "syllable:rougeL_f": 0.41,
                               "word:rouge2_f": 0.28, "facts:fact_recall": None},
                     "vs_baseline": {"syllable:rouge2_f": {"delta": 0.02, "p_value": 0.004, "n": 80}}}}}
    md = render_markdown(b)
    assert "### Hand-verified examples" in md
    assert "| textrank | 52.00 | 27.00 | 41.00 | 28.00 | n/a | +2.00* (p=0.004) |" in md
    assert "| **lead-3** | 50.00 | 25.00 | 40.00 | 26.00 | 55.5 | — |" in md
    assert ("On the 80 of these 100 examples that a hand label confirms (`verified`), R-2: textrank 27.00*, "
            "lead-3 25.00.") in render_readme_block(b)
