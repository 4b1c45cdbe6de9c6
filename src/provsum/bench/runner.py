"""The leaderboard run: every system on the evaluation sets, scored, tested against Lead-3, written out.

``run_bench(BenchConfig(...))`` is what ``provsum bench`` and ``benchmarks/leaderboard.py`` do:

1. make sure the dataset is built (``provsum.data.build.build_dataset`` when it is missing);
2. load the evaluation sets: all of ``provincial``/test and a fixed seeded sample of ``news``/test
   (``news_sample`` examples, seed ``sample_seed``; the sample's ids are hashed into the results);
3. get the ``extractive-trained`` model: the one given, a cached one under ``runs/bench/`` trained on the
   same records with the same options, or a new one fitted on a seeded subset of ``news``/train;
4. run every system, write its predictions under ``runs/bench/predictions/`` (git-ignored: they are
   corpus text), score them with syllable and word ROUGE (95% bootstrap intervals), abstractiveness and
   the meeting-fact metrics, and test each system against Lead-3 with the paired bootstrap;
5. write ``leaderboard.json``, ``leaderboard.md`` and ``leaderboard.png`` into ``out_dir``.

Systems that need a GPU or an endpoint (``seq2seq``, ``llm``) run only when they are asked for; a
failure is an error, never a silent skip, and the results list which systems were not run.
"""

from __future__ import annotations

import json
import platform
import random
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from provsum.errors import InputError, ProvSumError

CPU_SYSTEMS = ("lead-1", "lead-2", "lead-3", "textrank", "lexrank", "extractive-trained", "oracle")
ON_REQUEST_SYSTEMS = ("seq2seq", "llm")  # need a GPU (or patience) or an endpoint: run only when asked
BASELINE = "lead-3"
CONFIGS = ("provincial", "news")
DEFAULT_NEWS_SAMPLE = 1000
DEFAULT_SAMPLE_SEED = 12345
DEFAULT_TRAIN_DOCUMENTS = 4000
DEFAULT_TRAIN_SEED = 0
ROUGE_F = ("rouge1_f", "rouge2_f", "rougeL_f", "rougeLsum_f")
FORMAT = "provsum-leaderboard"
FORMAT_VERSION = 1


def repo_root() -> Path | None:
    """The repository this package lives in (an editable install), else None."""
    root = Path(__file__).resolve().parents[3]
    return root if (root / "pyproject.toml").exists() else None


def default_out_dir() -> Path:
    root = repo_root()
    return root / "benchmarks" / "results" if root else Path("benchmarks") / "results"


def default_runs_dir() -> Path:
    root = repo_root()
    return root / "runs" / "bench" if root else Path("runs") / "bench"


@dataclass
class SystemSpec:
    """One system of the leaderboard: a registry name, its options, and the label shown."""

    name: str
    options: dict = field(default_factory=dict)
    label: str | None = None

    @property
    def display(self) -> str:
        return self.label or self.name


@dataclass
class BenchConfig:
    systems: list[SystemSpec] = field(default_factory=lambda: [SystemSpec(s) for s in CPU_SYSTEMS])
    configs: Sequence[str] = CONFIGS
    news_sample: int = DEFAULT_NEWS_SAMPLE
    sample_seed: int = DEFAULT_SAMPLE_SEED
    bootstrap: int = 1000
    seed: int = 12345
    workers: int = 1
    out_dir: Path | None = None
    runs_dir: Path | None = None
    dataset_dir: Path | None = None
    corpora: str | None = None
    build_if_missing: bool = True
    train_documents: int = DEFAULT_TRAIN_DOCUMENTS
    train_seed: int = DEFAULT_TRAIN_SEED
    extractive_model: str | None = None
    gold_facts: Path | None = None  # default: annotations/gold_facts.jsonl of the repository, if there
    progress: bool = True
    command: str | None = None  # recorded as is


# ---------------------------------------------------------------------------------------------- data


def dataset_ready(dataset_dir: Path, configs: Sequence[str], need_train: bool) -> bool:
    data = Path(dataset_dir) / "data"
    for c in configs:
        if not any((data / c).glob("test-*.parquet")):
            return False
    if need_train and not any((data / "news").glob("train-*.parquet")):
        return False
    return True


def ensure_dataset(cfg: BenchConfig, need_train: bool, log: Callable[[str], None]) -> dict:
    """Build the dataset when a needed split is missing; returns what happened (recorded)."""
    from provsum.data.load import default_dataset_dir

    dataset_dir = Path(cfg.dataset_dir) if cfg.dataset_dir else default_dataset_dir()
    if dataset_ready(dataset_dir, cfg.configs, need_train):
        return {"dataset_dir": str(dataset_dir), "built": False, "seconds": 0.0}
    if not cfg.build_if_missing:
        raise ProvSumError(f"the dataset is not built under {dataset_dir}: run `provsum build` (or drop --no-build)")
    from provsum.data.build import build_dataset

    log(f"dataset missing under {dataset_dir}: building it (provsum build)")
    start = time.perf_counter()
    build_dataset(cfg.corpora, dataset_dir, workers=max(1, cfg.workers), progress=cfg.progress)
    seconds = time.perf_counter() - start
    if not dataset_ready(dataset_dir, cfg.configs, need_train):
        raise ProvSumError(f"the build finished but {dataset_dir}/data lacks a split the benchmark needs")
    return {"dataset_dir": str(dataset_dir), "built": True, "seconds": round(seconds, 1)}


def read_split(config: str, split: str, dataset_dir: Path | None, limit: int | None = None, seed: int = 0,
               columns: Sequence[str] = ("id", "document", "summary")) -> tuple[list[dict], int]:
    """Records of a built split and the split's size; with ``limit``, a seeded sample of that many
    rows (``random.Random(seed).sample`` over row numbers, kept in split order), taken in pyarrow
    before the rows become Python objects."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from provsum.data.load import split_files

    files = split_files(config, split, dataset_dir)
    if not files:
        raise ProvSumError(f"{config}/{split} is empty in the built dataset")
    tables = [pq.read_table(f, columns=list(columns)) for f in files]
    table = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
    total = table.num_rows
    if limit is not None and limit < total:
        keep = sorted(random.Random(seed).sample(range(total), int(limit)))
        table = table.take(pa.array(keep, type=pa.int64()))
    return table.to_pylist(), total


def content_hash(records: Sequence[dict], fields: Sequence[str] = ("id", "document", "summary")) -> str:
    """xxh64 of the records' fields: identifies an evaluation set or a training sample exactly."""
    import xxhash

    h = xxhash.xxh64()
    for r in records:
        for f in fields:
            h.update((r.get(f) or "").encode("utf-8"))
            h.update(b"\x00")
        h.update(b"\x01")
    return h.hexdigest()


def load_eval_sets(cfg: BenchConfig, dataset_dir: Path | None) -> dict[str, dict]:
    """``{config: {"records", "split_size", "sample", "hash"}}``: provincial/test whole, news/test sampled."""
    out = {}
    for config in cfg.configs:
        limit = cfg.news_sample if config == "news" else None
        if limit is not None and limit <= 0:
            continue
        columns = ("id", "document", "summary") + (("verified",) if _has_column(config, "verified", dataset_dir) else ())
        records, total = read_split(config, "test", dataset_dir, limit, cfg.sample_seed, columns)
        bad = [i for i, r in enumerate(records) if not isinstance(r.get("summary"), str) or not isinstance(r.get("document"), str)]
        if bad:
            r = records[bad[0]]
            raise InputError(f"{config}/test: record {r.get('id')!r} has no document or summary text ({len(bad)} such records)")
        out[config] = {
            "records": records,
            "split_size": total,
            "sample": None if limit is None or limit >= total else {"size": len(records), "seed": cfg.sample_seed,
                                                                     "method": "random.Random(seed).sample over row numbers, split order"},
            "hash": content_hash(records),
        }
    return out


def _has_column(config: str, column: str, dataset_dir: Path | None) -> bool:
    import pyarrow.parquet as pq

    from provsum.data.load import split_files

    files = split_files(config, "test", dataset_dir)
    return bool(files) and column in pq.read_schema(files[0]).names


def verified_subset(records: list[dict], columns: dict[str, dict[str, np.ndarray]], baseline: str, *,
                    n_resamples: int, seed: int) -> dict | None:
    """Scores on the examples a hand label confirms (``verified`` true), when every example of the set has a hand
    label (a fully verified test set; otherwise None): mean per-example F1 of each ROUGE column and fact recall, and
    the paired bootstrap against the baseline on the same subset."""
    flags = [r.get("verified") for r in records]
    if not flags or any(f is None for f in flags):
        return None
    keep = np.array([bool(f) for f in flags])
    systems = {}
    for label, cols in columns.items():
        sub = {k: v[keep] for k, v in cols.items()}
        systems[label] = {"means": {k: (float(np.nanmean(v)) if np.isfinite(v).any() else None) for k, v in sub.items()}}
        if label != baseline:
            systems[label]["vs_baseline"] = significance({k: v[keep] for k, v in columns[baseline].items()}, sub,
                                                         n_resamples=n_resamples, seed=seed)
    return {"examples": int(keep.sum()), "of": len(records), "systems": systems}


def load_gold_facts(path: Path | None) -> dict[str, list[dict]] | None:
    """Hand-checked key facts by id (``provsum.facts.gold.load_gold``: checked records only; default
    ``annotations/gold_facts.jsonl`` of the repository), or None when there is no such file."""
    from provsum.facts.gold import default_gold_path, load_gold

    path = Path(path) if path is not None else default_gold_path()
    return load_gold(path) if path.exists() else None


# ------------------------------------------------------------------------------------ trained model


def ensure_extractive_model(cfg: BenchConfig, dataset_dir: Path | None, log: Callable[[str], None]) -> dict:
    """The extractive-trained model to use: given, cached (same training records and options) or trained now."""
    if cfg.extractive_model:
        path = Path(cfg.extractive_model)
        if not path.exists():
            raise InputError(f"extractive model {path} does not exist")
        return {"path": str(path), "origin": "given", "seconds": 0.0}
    from provsum.summarizers.trained import LinearModel, train_extractive

    start = time.perf_counter()
    records, total = read_split("news", "train", dataset_dir, cfg.train_documents, cfg.train_seed,
                                columns=("id", "document", "summary"))
    key = content_hash(records)
    runs = Path(cfg.runs_dir) if cfg.runs_dir else default_runs_dir()
    path = runs / f"extractive-news-{len(records)}-seed{cfg.train_seed}-{key[:12]}.json"
    source = f"news/train (seeded sample of {len(records)} of {total}, seed {cfg.train_seed}, content xxh64 {key})"
    if path.exists():
        try:
            model = LinearModel.load(path)
        except InputError:  # written by another version: train again
            model = None
        if model is not None and (model.training or {}).get("source") == source:
            log(f"extractive-trained: reusing {path}")
            return {"path": str(path), "origin": "cached", "seconds": round(time.perf_counter() - start, 2),
                    "training": model.training}
    log(f"extractive-trained: training on {len(records)} news/train documents (seed {cfg.train_seed})")
    model = train_extractive([r["document"] or "" for r in records], [r["summary"] or "" for r in records],
                             seed=cfg.train_seed, source=source)
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path)
    return {"path": str(path), "origin": "trained", "seconds": round(time.perf_counter() - start, 2),
            "training": model.training}


# -------------------------------------------------------------------------------------- one system


def summarize_records(spec: SystemSpec, records: list[dict]) -> tuple[list[str], dict, dict]:
    """Run one system; returns summaries, its settings and counts (empty documents, truncations, warnings)."""
    from provsum.summarizers.registry import get_summarizer

    summarizer = get_summarizer(spec.name, **spec.options)
    docs = [r["document"] for r in records]
    ids = [r["id"] for r in records]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if spec.name == "oracle":
            summaries = summarizer.summarize(docs, ids=ids, references=[r["summary"] for r in records])
        else:
            summaries = summarizer.summarize(docs, ids=ids)
    if len(summaries) != len(records):
        raise ProvSumError(f"{spec.display}: {len(summaries)} summaries for {len(records)} documents")
    counts = {
        "empty_documents": sum(1 for d in docs if not (d or "").strip()),
        "empty_summaries": sum(1 for s in summaries if not s.strip()),
        "truncated": int(getattr(summarizer, "truncated", 0) or 0),
    }
    notes = [str(w.message) for w in caught]
    return summaries, {**dict(summarizer.settings), **({"warnings": notes} if notes else {})}, counts


def score_system(summaries: list[str], records: list[dict], *, gold: dict | None, bootstrap: int, seed: int,
                 workers: int) -> dict:
    """Syllable ROUGE + abstractiveness, word ROUGE, fact metrics; corpus values and per-example columns."""
    from provsum.facts.metric import fact_scores
    from provsum.metrics.api import score

    ids = [r["id"] for r in records]
    refs = [r["summary"] for r in records]
    docs = [r["document"] for r in records]
    if workers > 1:
        # load pyvi's model here, once: forked scorer workers inherit it instead of loading it per call
        from provsum.text.tokenize import tokenize

        tokenize("hội nghị", mode="word")
    syl = score(summaries, refs, ids=ids, documents=docs, bootstrap=bootstrap, seed=seed, workers=workers)
    word = score(summaries, refs, ids=ids, tokenizer="word", bootstrap=bootstrap, seed=seed, workers=workers)
    usable_gold = {i: gold[i] for i in ids if gold and i in gold} or None
    facts = fact_scores(summaries, refs, docs, ids=ids, bootstrap=bootstrap, seed=seed, gold=usable_gold)
    columns = {f"syllable:{m}": np.array([row[m] for row in syl.per_example]) for m in ROUGE_F}
    columns.update({f"word:{m}": np.array([row[m] for row in word.per_example]) for m in ROUGE_F})
    columns["facts:fact_recall"] = np.array(
        [np.nan if row["fact_recall"] is None else row["fact_recall"] for row in facts["per_example"]], dtype=float)
    return {
        "syllable": syl.corpus,
        "word": {k: v for k, v in word.corpus.items() if k.startswith("rouge")},
        "facts": facts["corpus"],
        "signatures": {"syllable": syl.signature, "word": word.signature},
        "facts_settings": facts["settings"],
        "score_counts": syl.counts,
        "columns": columns,
    }


def significance(baseline: dict[str, np.ndarray], system: dict[str, np.ndarray], *, n_resamples: int,
                 seed: int) -> dict[str, dict]:
    """Paired bootstrap (``provsum.metrics.stats.paired_bootstrap``) of each column, system against
    baseline; columns with undefined examples (NaN, e.g. fact recall without key facts) use the
    examples defined for both. ``{column: {"delta", "p_value", "n"}}``."""
    from provsum.metrics.stats import paired_bootstrap

    out = {}
    for name, a in baseline.items():
        b = system[name]
        keep = ~(np.isnan(a) | np.isnan(b))
        if not keep.any():
            out[name] = {"delta": None, "p_value": None, "n": 0}
            continue
        res = paired_bootstrap(a[keep], b[keep], n_resamples=n_resamples, seed=seed)
        out[name] = {"delta": float(res["delta"][0]), "p_value": float(res["p_value"][0]), "n": int(keep.sum())}
    return out


def _summarize_to_file(spec: SystemSpec, records: list[dict], config: str, runs: Path, model_info: dict | None) -> tuple:
    """Run one system and write its predictions; (summaries, settings, counts, path, seconds)."""
    from provsum.summarizers.io import write_predictions

    options = dict(spec.options)
    if spec.name == "extractive-trained" and "model" not in options:
        options["model"] = model_info["path"]
    pred_path = runs / "predictions" / config / f"{_safe(spec.display)}.jsonl"
    partial = pred_path.with_name(pred_path.name + ".partial.jsonl")
    if spec.name == "llm" and "cache" not in options:  # a rerun resumes where a failed run stopped
        pred_path.parent.mkdir(parents=True, exist_ok=True)
        options["cache"] = str(partial)
    t0 = time.perf_counter()
    try:
        summaries, settings, counts = summarize_records(SystemSpec(spec.name, options, spec.label), records)
    except ProvSumError:
        raise
    except Exception as exc:  # a requested system that cannot run is an error, not a skip
        raise ProvSumError(f"{spec.display} failed on {config}/test: {type(exc).__name__}: {exc}") from exc
    seconds = time.perf_counter() - t0
    write_predictions(pred_path, spec.display, {**settings, "input": {"config": config, "split": "test"}},
                      [r["id"] for r in records], summaries)
    partial.unlink(missing_ok=True)
    return summaries, settings, counts, pred_path, seconds


# ------------------------------------------------------------------------------------------ the run


def _progress(enabled: bool):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, disable=not enabled, transient=False)


def _check_systems(systems: Sequence[SystemSpec]) -> None:
    from provsum.summarizers.registry import list_systems

    known = list_systems()
    labels = [s.display for s in systems]
    for s in systems:
        if s.name not in known:
            raise InputError(f"unknown system {s.name!r}; systems are: {', '.join(known)}")
    dup = sorted({x for x in labels if labels.count(x) > 1})
    if dup:
        raise InputError(f"system label(s) given twice: {', '.join(dup)} (give each a distinct label)")
    if BASELINE not in labels:
        raise InputError(f"the leaderboard tests every system against {BASELINE}: include it")


def run_bench(cfg: BenchConfig, log: Callable[[str], None] | None = None) -> dict:
    """Run the whole benchmark and write the results; returns the leaderboard dict (as written)."""
    from provsum import __version__
    from provsum.bench.memo import shared_text_work
    from provsum.bench.plots import plot_leaderboard
    from provsum.bench.readme import render_markdown

    t_start = time.perf_counter()
    _check_systems(cfg.systems)
    out_dir = Path(cfg.out_dir) if cfg.out_dir else default_out_dir()
    runs = Path(cfg.runs_dir) if cfg.runs_dir else default_runs_dir()
    timings: dict[str, float] = {}
    with _progress(cfg.progress) as progress:
        say = log or (lambda msg: progress.console.print(msg))
        need_model = any(s.name == "extractive-trained" and "model" not in s.options for s in cfg.systems) and not cfg.extractive_model
        build = ensure_dataset(cfg, need_model, say)
        timings["build"] = build["seconds"]
        dataset_dir = Path(build["dataset_dir"])

        t = time.perf_counter()
        sets = load_eval_sets(cfg, dataset_dir)
        if not sets:
            raise InputError("nothing to evaluate: no config selected (is --news-sample 0 and provincial left out?)")
        gold = load_gold_facts(cfg.gold_facts)
        timings["load"] = round(time.perf_counter() - t, 2)

        model_info = None
        if any(s.name == "extractive-trained" and "model" not in s.options for s in cfg.systems):
            model_info = ensure_extractive_model(cfg, dataset_dir, say)
            timings["extractive_model"] = model_info["seconds"]

        if cfg.workers > 1:  # pyvi's model, loaded once before the scorer forks its workers
            t = time.perf_counter()
            from provsum.text.tokenize import tokenize

            tokenize("hội nghị", mode="word")
            timings["load_word_tokenizer"] = round(time.perf_counter() - t, 2)

        total = 2 * len(sets) * len(cfg.systems)
        task = progress.add_task("systems", total=total)
        results: dict[str, Any] = {}
        signatures: dict[str, str] = {}
        facts_settings = None
        shared_seconds = 0.0
        for config, data in sets.items():
            records = data["records"]
            columns: dict[str, dict[str, np.ndarray]] = {}
            systems_out: dict[str, Any] = {}
            outputs: dict[str, tuple] = {}
            for spec in cfg.systems:  # 1. summarize with every system
                progress.update(task, description=f"{config}: summarize with {spec.display}")
                outputs[spec.display] = _summarize_to_file(spec, records, config, runs, model_info)
                progress.advance(task)
            with shared_text_work() as shared:  # 2. text work shared by the systems, on every core
                progress.update(task, description=f"{config}: word segmentation and facts of distinct texts")
                t = time.perf_counter()
                all_summaries = [summary for out in outputs.values() for summary in out[0]]
                warmed = shared.warm(all_summaries, [r["summary"] for r in records], [r["document"] for r in records],
                                     cfg.workers)
                shared_seconds += time.perf_counter() - t
                say(f"{config}: {warmed['segmented']:,} distinct sentences segmented, facts of {warmed['fact_texts']:,} "
                    f"distinct texts extracted in {time.perf_counter() - t:.1f} s")
                for spec in cfg.systems:  # 3. score every system
                    progress.update(task, description=f"{config}: score {spec.display}")
                    summaries, settings, counts, pred_path, seconds = outputs[spec.display]
                    t1 = time.perf_counter()
                    scored = score_system(summaries, records, gold=gold, bootstrap=cfg.bootstrap, seed=cfg.seed,
                                          workers=cfg.workers)
                    t2 = time.perf_counter()
                    columns[spec.display] = scored.pop("columns")
                    signatures.update(scored.pop("signatures"))
                    facts_settings = scored.pop("facts_settings")
                    systems_out[spec.display] = {
                        "system": spec.name,
                        "settings": _jsonable({**settings, **({"model": _rel(Path(settings["model"]))}
                                                               if spec.name == "extractive-trained" and settings.get("model") else {})}),
                        "counts": {**counts, **scored.pop("score_counts")},
                        "seconds": {"summarize": round(seconds, 2), "score": round(t2 - t1, 2)},
                        "docs_per_second": round(len(records) / max(seconds, 1e-9), 1),
                        "predictions": _rel(pred_path),
                        **scored,
                    }
                    progress.advance(task)
                    say(f"{config}: {spec.display:<20} R-2 {100 * scored['syllable']['rouge2_f']['mean']:6.2f}  "
                        f"(summarize {seconds:5.1f} s, score {t2 - t1:5.1f} s)")
            base = columns[BASELINE]
            for label, cols in columns.items():
                if label != BASELINE:
                    systems_out[label]["vs_baseline"] = significance(base, cols, n_resamples=cfg.bootstrap, seed=cfg.seed)
            verified = verified_subset(records, columns, BASELINE, n_resamples=cfg.bootstrap, seed=cfg.seed)
            results[config] = {
                "split": "test",
                "examples": len(records),
                "split_size": data["split_size"],
                "sample": data["sample"],
                "content_xxh64": data["hash"],
                "gold_fact_examples": sum(1 for r in records if gold and r["id"] in gold),
                "systems": systems_out,
                "verified_subset": verified,
            }
        timings["shared_text_work"] = round(shared_seconds, 1)
        progress.update(task, description="writing results")
        timings["total"] = round(time.perf_counter() - t_start, 1)
        requested = {s.name for s in cfg.systems}
        board = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "provsum_version": __version__,
            "baseline": BASELINE,
            "command": cfg.command,
            "signatures": {**signatures, "significance": f"paired_bootstrap|pbs:{cfg.bootstrap}|seed:{cfg.seed}"},
            "settings": {
                "bootstrap": cfg.bootstrap, "seed": cfg.seed, "news_sample": cfg.news_sample,
                "sample_seed": cfg.sample_seed, "workers": cfg.workers, "facts": facts_settings,
                "train_documents": cfg.train_documents, "train_seed": cfg.train_seed,
            },
            "not_run": [s for s in ON_REQUEST_SYSTEMS if s not in requested],
            "dataset": _dataset_info(dataset_dir, build),
            "extractive_model": _jsonable(model_info and {**model_info, "path": _rel(Path(model_info["path"]))}),
            "machine": {"python": platform.python_version(), "platform": platform.platform(),
                        "processor": platform.processor() or platform.machine(), "cpus": _cpus()},
            "timings_seconds": timings,
            "results": results,
        }
        out_dir.mkdir(parents=True, exist_ok=True)
        _write_atomic(out_dir / "leaderboard.json", json.dumps(board, ensure_ascii=False, indent=1) + "\n")
        _write_atomic(out_dir / "leaderboard.md", render_markdown(board))
        plot_leaderboard(board, out_dir / "leaderboard.png")
        progress.update(task, description="done")
    return board


# -------------------------------------------------------------------------------------------- utils


def _safe(label: str) -> str:
    import re

    return re.sub(r"[^\w.+@-]+", "_", label)


def _cpus() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _rel(path: Path) -> str:
    root = repo_root()
    try:
        return str(Path(path).resolve().relative_to(root)) if root else str(path)
    except ValueError:
        return str(path)


def _dataset_info(dataset_dir: Path, build: dict) -> dict:
    info: dict[str, Any] = {"dir": _rel(dataset_dir), "built_by_this_run": build["built"], "build_seconds": build["seconds"]}
    report = Path(dataset_dir) / "build_report.json"
    if report.exists():
        try:
            r = json.loads(report.read_text(encoding="utf-8"))
            info["counts"] = r.get("counts")
            info["build_report_seconds_total"] = r.get("seconds_total")
        except json.JSONDecodeError:
            info["build_report"] = "unreadable"
    return info


def _jsonable(obj):
    return json.loads(json.dumps(obj, ensure_ascii=False, default=str))


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
