"""The leaderboard runner on a tiny hand-written dataset: values equal the scorer's, the paired test
equals provsum.compare, the news sample is the seeded one, the trained model is cached, failures are errors."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from bench_fixtures import make_records, write_fake_dataset
from provsum.bench import runner
from provsum.bench.runner import BenchConfig, SystemSpec, content_hash, run_bench, significance
from provsum.errors import InputError, ProvSumError

BOOT = 200


def _cfg(tmp: Path, ds: Path, **kw) -> BenchConfig:
    base = dict(dataset_dir=ds, out_dir=tmp / "out", runs_dir=tmp / "runs", build_if_missing=False, news_sample=5,
                train_documents=20, bootstrap=BOOT, workers=1, progress=False, gold_facts=tmp / "no-gold.jsonl")
    base.update(kw)
    return BenchConfig(**base)


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bench")
    ds = write_fake_dataset(tmp / "ds")
    board = run_bench(_cfg(tmp, ds), log=lambda m: None)
    return tmp, ds, board


def _preds(tmp: Path, config: str, system: str) -> tuple[list[str], list[str]]:
    lines = (tmp / "runs" / "predictions" / config / f"{system}.jsonl").read_text(encoding="utf-8").splitlines()
    recs = [json.loads(x) for x in lines[1:]]
    assert json.loads(lines[0])["system"] == system
    return [r["id"] for r in recs], [r["summary"] for r in recs]


def test_every_cpu_system_on_both_sets_and_files_written(bench):
    tmp, _, board = bench
    assert set(board["results"]) == {"provincial", "news"}
    for res in board["results"].values():
        assert list(res["systems"]) == list(runner.CPU_SYSTEMS)
        assert "vs_baseline" not in res["systems"]["lead-3"]
        for name, s in res["systems"].items():
            if name != "lead-3":
                assert set(s["vs_baseline"]) == {f"{t}:{m}" for t in ("syllable", "word") for m in runner.ROUGE_F} | {"facts:fact_recall"}
            assert {"rouge2_f", "novel_2", "density"} <= set(s["syllable"])
            assert "fact_recall" in s["facts"]
    assert board["not_run"] == ["seq2seq", "llm"]
    assert board["results"]["provincial"]["examples"] == 9 and board["results"]["provincial"]["sample"] is None
    for name in ("leaderboard.json", "leaderboard.md", "leaderboard.png"):
        assert (tmp / "out" / name).stat().st_size > 0
    assert json.loads((tmp / "out" / "leaderboard.json").read_text(encoding="utf-8")) == board


def test_scores_equal_the_scorer_on_the_same_predictions(bench):
    import provsum
    from provsum.summarizers.registry import get_summarizer

    tmp, _, board = bench
    recs = make_records("provincial", "test", 9)
    summaries = get_summarizer("textrank").summarize([r["document"] for r in recs])
    ids, written = _preds(tmp, "provincial", "textrank")
    assert ids == [r["id"] for r in recs] and written == summaries
    refs = [r["summary"] for r in recs]
    syl = provsum.score(summaries, refs, bootstrap=BOOT, documents=[r["document"] for r in recs])
    word = provsum.score(summaries, refs, bootstrap=BOOT, tokenizer="word")
    got = board["results"]["provincial"]["systems"]["textrank"]
    assert got["syllable"]["rouge2_f"] == syl.corpus["rouge2_f"]
    assert got["syllable"]["density"] == syl.corpus["density"]
    assert got["word"]["rougeL_f"] == word.corpus["rougeL_f"]


def test_significance_equals_provsum_compare(bench):
    import provsum

    tmp, _, board = bench
    recs = make_records("provincial", "test", 9)
    _, lead3 = _preds(tmp, "provincial", "lead-3")
    _, lex = _preds(tmp, "provincial", "lexrank")
    refs = [r["summary"] for r in recs]
    for tok in ("syllable", "word"):
        cmp = provsum.compare(lead3, lex, refs, n_samples=BOOT, tokenizer=tok)
        vs = board["results"]["provincial"]["systems"]["lexrank"]["vs_baseline"]
        for m in runner.ROUGE_F:
            assert vs[f"{tok}:{m}"]["delta"] == pytest.approx(cmp["metrics"][m]["delta"], abs=1e-12)
            assert vs[f"{tok}:{m}"]["p_value"] == cmp["metrics"][m]["p_value"]


def test_news_sample_is_the_seeded_one(bench):
    tmp, _, board = bench
    keep = sorted(random.Random(runner.DEFAULT_SAMPLE_SEED).sample(range(12), 5))
    all_news = make_records("news", "test", 12)
    ids, _ = _preds(tmp, "news", "lead-1")
    assert ids == [all_news[i]["id"] for i in keep]
    res = board["results"]["news"]
    assert res["sample"]["size"] == 5 and res["sample"]["seed"] == runner.DEFAULT_SAMPLE_SEED and res["split_size"] == 12
    assert res["content_xxh64"] == content_hash([all_news[i] for i in keep])


def test_extractive_model_is_reused_then_retrained_when_the_sample_changes(bench):
    tmp, ds, board = bench
    assert board["extractive_model"]["origin"] == "trained"
    assert board["extractive_model"]["training"]["documents"] > 0
    again = runner.ensure_extractive_model(_cfg(tmp, ds), ds, log=lambda m: None)
    assert again["origin"] == "cached" and again["path"] == board["extractive_model"]["path"]
    other = runner.ensure_extractive_model(_cfg(tmp, ds, train_documents=15), ds, log=lambda m: None)
    assert other["origin"] == "trained" and other["path"] != again["path"]


def test_requested_system_that_cannot_run_is_an_error(tmp_path, bench):
    _, ds, _ = bench
    cfg = _cfg(tmp_path, ds, news_sample=0, systems=[SystemSpec("lead-3"), SystemSpec("llm", {"base_url": "http://127.0.0.1:9/v1", "retries": 0, "timeout": 2})])
    with pytest.raises(ProvSumError):
        run_bench(cfg, log=lambda m: None)
    assert not (tmp_path / "out" / "leaderboard.json").exists()


def test_systems_are_checked(tmp_path, bench):
    _, ds, _ = bench
    with pytest.raises(InputError, match="lead-3"):
        run_bench(_cfg(tmp_path, ds, systems=[SystemSpec("lead-1")]), log=lambda m: None)
    with pytest.raises(InputError, match="unknown system 'lead-9'"):
        run_bench(_cfg(tmp_path, ds, systems=[SystemSpec("lead-3"), SystemSpec("lead-9")]), log=lambda m: None)
    with pytest.raises(InputError, match="twice"):
        run_bench(_cfg(tmp_path, ds, systems=[SystemSpec("lead-3"), SystemSpec("lead", {"k": 3}, "lead-3")]), log=lambda m: None)


def test_missing_dataset_is_built_or_an_error(tmp_path, monkeypatch):
    ds = tmp_path / "ds"
    with pytest.raises(ProvSumError, match="not built"):
        run_bench(_cfg(tmp_path, ds, systems=[SystemSpec("lead-3")]), log=lambda m: None)
    calls = []

    def fake_build(corpora, out_dir, **kw):
        calls.append((corpora, Path(out_dir)))
        write_fake_dataset(Path(out_dir))
        return {}

    import provsum.data.build

    monkeypatch.setattr(provsum.data.build, "build_dataset", fake_build)
    board = run_bench(_cfg(tmp_path, ds, systems=[SystemSpec("lead-3")], build_if_missing=True, corpora="CORP", news_sample=0),
                      log=lambda m: None)
    assert calls == [("CORP", ds)]
    assert board["dataset"]["built_by_this_run"] is True and list(board["results"]) == ["provincial"]


def test_significance_skips_undefined_examples():
    a = {"m": np.array([0.0, 1.0, np.nan, 0.5]), "z": np.array([np.nan, np.nan])}
    b = {"m": np.array([1.0, 1.0, 0.3, np.nan]), "z": np.array([1.0, 0.0])}
    out = significance(a, b, n_resamples=100, seed=1)
    assert out["m"]["n"] == 2 and out["m"]["delta"] == pytest.approx(0.5)
    assert out["z"] == {"delta": None, "p_value": None, "n": 0}
    same = significance({"m": np.array([0.2, 0.4, 0.9])}, {"m": np.array([0.2, 0.4, 0.9])}, n_resamples=100, seed=1)
    assert same["m"]["delta"] == 0 and same["m"]["p_value"] == 1.0


def test_content_hash_and_gold_file(tmp_path):
    assert runner.load_gold_facts(tmp_path / "absent.jsonl") is None
    recs = make_records("provincial", "test", 3)
    assert content_hash(recs) == content_hash([dict(r) for r in recs])
    changed = [dict(r) for r in recs]
    changed[1]["summary"] += "."
    assert content_hash(changed) != content_hash(recs)
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "checked": true, "facts": []}\n{"id": "b", "checked": false, "facts": []}\n\nnot json\n',
                    encoding="utf-8")
    with pytest.raises(InputError, match="gold.jsonl:4:"):
        runner.load_gold_facts(gold)
    gold.write_text('{"id": "a", "checked": true, "facts": [{"type": "date", "value": "d=1", "text": "1"}]}\n'
                    '{"id": "b", "checked": false, "facts": []}\n', encoding="utf-8")
    assert runner.load_gold_facts(gold) == {"a": [{"type": "date", "value": "d=1", "text": "1"}]}


def test_verified_subset_means_and_paired_test_on_confirmed_examples():
    records = [{"id": str(i), "verified": v} for i, v in enumerate([True, False, True, True])]
    columns = {"lead-2": {"syllable:rouge2_f": np.array([0.2, 0.9, 0.4, 0.6])},
               "other": {"syllable:rouge2_f": np.array([0.3, 0.0, 0.5, 0.7])}}
    out = runner.verified_subset(records, columns, "lead-2", n_resamples=200, seed=1)
    assert out["examples"] == 3 and out["of"] == 4
    assert out["systems"]["lead-2"]["means"]["syllable:rouge2_f"] == pytest.approx(0.4)  # (0.2+0.4+0.6)/3
    assert out["systems"]["other"]["means"]["syllable:rouge2_f"] == pytest.approx(0.5)
    vs = out["systems"]["other"]["vs_baseline"]["syllable:rouge2_f"]
    assert vs["delta"] == pytest.approx(0.1) and vs["n"] == 3
    assert "vs_baseline" not in out["systems"]["lead-2"]
    # a set with an unlabelled example is not a verified set: nothing reported
    assert runner.verified_subset(records + [{"id": "x", "verified": None}],
                                  {k: {c: np.append(v, 0.0) for c, v in cols.items()} for k, cols in columns.items()},
                                  "lead-2", n_resamples=200, seed=1) is None
