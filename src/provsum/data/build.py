"""Build the ProvSum dataset from the source corpora.

    sources ─readers─▶ RawArticle ─clean─▶ Article ─classify─▶ labelled row + dedup keys
        (batches of files cleaned by a pool of workers, rows streamed to one Arrow file per source)
    ─dedup (clusters across all sources)─▶ one representative per cluster ─splits─▶
    dataset/data/<config>/<split>-00000-of-00001.parquet + dataset/README.md + build_report.json

The main process streams the archives and hands batches of files to a pool of worker processes
(bounded, so raw bytes never pile up); their rows come back in order and go to one Arrow file per
source. The pool starts while the checksums are verified, and one of its workers computes the
card's audit figures before its first batch. Deduplication and split assignment then use only
small columns (ids, keys, signatures), with numpy; the parquet files are written in one sequential
pass (sources in name order, rows in archive order), each output file by a thread of its own.
Everything is written into ``<out>/.build-tmp`` first and swapped in at the end, so a failed or
interrupted build leaves the previous dataset as it was. Parquet is written without timestamps, so
two builds from the same inputs are byte-identical.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import shutil
import statistics
import time
from collections import Counter, defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

from provsum import __version__
from provsum.data import classify as classify_mod
from provsum.data import dedup
from provsum.data import verified as verified_mod
from provsum.data.clean import clean_article
from provsum.data.readers import Skip, iter_files
from provsum.data.sources import SOURCES, Source, corpora_dir, locate, verify
from provsum.data.splits import FRACTIONS, SPLIT_METHOD, splits_of
from provsum.errors import ProvSumError

CONFIGS = {
    "provincial": "Meeting reports of provincial-level, district and commune bodies, and of national bodies meeting a province (levels provincial, district, commune, mixed). The default.",
    "meetings": "Meeting reports of every level, national included.",
    "news": "All other articles (not meeting reports), for pre-training and transfer.",
}
SPLITS = ("train", "validation", "test")
# which source's copy represents a duplicate cluster: the one with the most metadata
SOURCE_PREFERENCE = {"baomoi2013": 0, "baomoi2017": 1, "vntc": 2, "vietnews": 3}

ROW_FIELDS = [
    ("id", pa.string()), ("title", pa.string()), ("document", pa.string()), ("summary", pa.string()),
    ("source", pa.string()), ("outlet", pa.string()), ("date", pa.string()), ("url", pa.string()),
    ("category", pa.string()), ("level", pa.string()), ("meeting_type", pa.string()), ("province", pa.string()),
]
# the written columns: the article's fields, then whether a hand label confirms it belongs to its config
OUTPUT_FIELDS = ROW_FIELDS + [("verified", pa.bool_())]
SCHEMA = pa.schema(OUTPUT_FIELDS)
_WORK_FIELDS = ROW_FIELDS + [
    ("is_meeting", pa.bool_()), ("original_split", pa.string()),
    ("key_doc", pa.uint64()), ("key_lead", pa.uint64()),
    ("signature", pa.list_(pa.uint32(), dedup.NUM_PERM)),
    ("summary_words", pa.int32()), ("document_words", pa.int32()), ("document_sentences", pa.int32()),
]
WORK_SCHEMA = pa.schema(_WORK_FIELDS)
BATCH_FILES = 400  # files per task sent to a worker
MAX_PENDING = 6  # tasks in flight per worker: bounds the memory of raw bytes waiting to be processed
SKIP_EXAMPLES = 5


# ------------------------------------------------------------------------------- per batch

def _new_stats() -> dict:
    return {"files": 0, "articles": 0, "skips": Counter(), "skip_examples": defaultdict(list), "repairs": Counter()}


_COMPUTED = ("key_doc", "key_lead", "signature")  # columns computed for the whole batch at once
_ROW_COLUMNS = [name for name, _ in _WORK_FIELDS if name not in _COMPUTED]


def _row(raw, art, label) -> tuple:
    """The values of ``_ROW_COLUMNS`` for one article."""
    meeting = label.is_meeting_report
    return (
        art.id, art.title, art.document, art.summary, art.source, art.outlet, art.date, art.url, art.category,
        label.level if meeting else None, label.meeting_type if meeting else None, label.province if meeting else None,
        meeting, raw.extra.get("original_split") or raw.extra.get("vntc_split"),
        art.summary_words, art.document_words, art.document.count("\n") + 1,
    )


def process_batch(items: list[tuple[str, bytes]], source: Source) -> tuple[pa.RecordBatch, dict]:
    """Parse, clean, classify and fingerprint a batch of (path, bytes) of one source. Runs in a
    worker process; returns the rows as an Arrow record batch and the batch's statistics."""
    from provsum.data.readers import reader_for

    reader = reader_for(source)
    stats = _new_stats()
    rows = []
    for rel, data in items:
        try:
            raw = reader.parse(rel, data)
            art = clean_article(raw)
        except Skip as skip:
            stats["skips"][skip.reason] += 1
            if len(stats["skip_examples"][skip.reason]) < SKIP_EXAMPLES:
                stats["skip_examples"][skip.reason].append(skip.detail or rel)
            continue
        label = classify_mod.classify(art.title, art.summary, art.document, art.outlet)
        stats["repairs"].update(art.repairs.keys())
        rows.append(_row(raw, art, label))
    stats["files"], stats["articles"] = len(items), len(rows)
    cols = dict(zip(_ROW_COLUMNS, zip(*rows))) if rows else {name: () for name in _ROW_COLUMNS}
    # the text columns first: the keys are computed from their UTF-8 (no second encoding)
    arrays = {name: pa.array(cols[name], type=pa.string()) for name in ("title", "summary", "document")}
    key_doc, sigs = dedup.fingerprints(arrays["document"])
    key_lead = dedup.exact_keys(arrays["title"], arrays["summary"])  # title + lead, for leads of 20 words or more
    key_lead[np.asarray(cols["summary_words"], dtype=np.int64) < 20] = 0
    arrays["key_doc"], arrays["key_lead"] = pa.array(key_doc), pa.array(key_lead)
    # a 2-D numpy block becomes a fixed-size list array without a Python loop
    arrays["signature"] = pa.FixedSizeListArray.from_arrays(pa.array(sigs.ravel(), type=pa.uint32()), dedup.NUM_PERM)
    for name, kind in _WORK_FIELDS:
        if name not in arrays:
            arrays[name] = pa.array(cols[name], type=kind)
    return pa.record_batch([arrays[name] for name, _ in _WORK_FIELDS], schema=WORK_SCHEMA), stats


def _merge_stats(total: dict, part: dict) -> None:
    total["files"] += part["files"]
    total["articles"] += part["articles"]
    total["skips"].update(part["skips"])
    total["repairs"].update(part["repairs"])
    for reason, examples in part["skip_examples"].items():
        room = SKIP_EXAMPLES - len(total["skip_examples"][reason])
        total["skip_examples"][reason].extend(examples[:max(0, room)])


# ------------------------------------------------------------------------------- whole build

class _Progress:
    """A tqdm bar per source (or nothing when quiet)."""

    def __init__(self, expected: dict[str, int], enabled: bool):
        self.bars = {}
        if enabled:
            from tqdm import tqdm

            for i, (name, total) in enumerate(expected.items()):
                self.bars[name] = tqdm(total=total, desc=f"read+clean {name:<10}", unit="file", position=i,
                                       leave=True, mininterval=0.5)

    def update(self, name: str, n: int):
        if name in self.bars:
            self.bars[name].update(n)

    def close(self):
        for bar in self.bars.values():
            bar.close()


EXPECTED_FILES = {"vietnews": 150704, "baomoi2017": 35440, "baomoi2013": 21448, "vntc": 84132}


def _length_stats(values: list[int]) -> dict:
    if not values:
        return {}
    values = sorted(values)
    q = lambda p: values[min(len(values) - 1, int(p * len(values)))]  # noqa: E731
    return {"mean": round(statistics.fmean(values), 1), "median": q(0.5), "p10": q(0.1), "p90": q(0.9),
            "min": values[0], "max": values[-1]}


def build_dataset(
    corpora: str | os.PathLike | None = None,
    out_dir: str | os.PathLike = "dataset",
    *,
    verify_checksums: bool = True,
    workers: int = 2,
    sources: dict[str, Source] | None = None,
    progress: bool = True,
    log: Callable[[str], None] | None = print,
    annotations: str | os.PathLike | None = None,
) -> dict:
    """Build every config and split into ``out_dir``; returns the build report (also written
    to ``out_dir/build_report.json``). ``annotations``: the folder of hand labels that fill the
    ``verified`` column (default: the repository's ``annotations/``; all null where there is none)."""
    t_start = time.perf_counter()
    log = log or (lambda _msg: None)
    registry = sources or SOURCES
    root = corpora_dir(corpora)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    located = {name: locate(src, root) for name, src in registry.items()}
    tmp = out_dir / ".build-tmp"
    previous = _sigterm_as_exit()
    try:
        with _worker_pool(workers) as pool:  # the workers start up while the checksums are verified
            for name, (kind, loc) in located.items():
                if kind == "archive" and verify_checksums:
                    verify(registry[name], loc)
            if tmp.exists():
                shutil.rmtree(tmp)
            (tmp / "work").mkdir(parents=True)
            report = _build_into(tmp, located, registry, pool, workers, progress, log, root, verify_checksums,
                                 annotations)
        report["seconds_total"] = round(time.perf_counter() - t_start, 1)
        (tmp / "build_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                               encoding="utf-8")
        from provsum.data.card import write_card

        write_card(report, tmp / "README.md")
        shutil.rmtree(tmp / "work")
        _swap_in(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        _restore_sigterm(previous)
    top_card = Path(out_dir).resolve().parent / "DATASET_CARD.md"
    if (Path(out_dir).resolve().parent / "pyproject.toml").exists():
        _atomic_copy(out_dir / "README.md", top_card)
    log(f"built {out_dir} in {report['seconds_total']} s")
    return report


def rewrite_card(out_dir: str | os.PathLike) -> None:
    """Re-render the card from the last build report with the current audit labels (no rebuild)."""
    from provsum.data.card import write_card

    out_dir = Path(out_dir)
    path = out_dir / "build_report.json"
    if not path.exists():
        raise ProvSumError(f"{path} not found: run `provsum build` first")
    report = json.loads(path.read_text(encoding="utf-8"))
    report["audit"] = _audit_summary()
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(part, path)
    write_card(report, out_dir / "README.md")
    if (out_dir.resolve().parent / "pyproject.toml").exists():
        _atomic_copy(out_dir / "README.md", out_dir.resolve().parent / "DATASET_CARD.md")


def _sigterm_as_exit():
    """A SIGTERM becomes SystemExit, so the worker pool is terminated and the temporary folder
    removed (a plain SIGTERM would leave the workers running)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):
        raise SystemExit(128 + signum)

    return signal.signal(signal.SIGTERM, handler)


def _restore_sigterm(previous) -> None:
    import signal

    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


def _atomic_copy(src: Path, dst: Path) -> None:
    part = dst.with_name(dst.name + ".part")
    shutil.copyfile(src, part)
    os.replace(part, dst)


def _swap_in(tmp: Path, out_dir: Path) -> None:
    """Replace out_dir/data, README.md and build_report.json with the new ones. The old data
    folder is renamed aside first and removed only once the new one is in place."""
    old = out_dir / ".data-old"
    if old.exists():
        shutil.rmtree(old)
    if (out_dir / "data").exists():
        os.replace(out_dir / "data", old)
    os.replace(tmp / "data", out_dir / "data")
    for name in ("README.md", "build_report.json"):
        os.replace(tmp / name, out_dir / name)
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


def _batches(source: Source, kind: str, location: Path):
    batch: list[tuple[str, bytes]] = []
    for rel, data in iter_files(source, kind, location):
        batch.append((rel, data))
        if len(batch) >= BATCH_FILES:
            yield batch
            batch = []
    if batch:
        yield batch


@contextmanager
def _worker_pool(workers: int):
    """A pool of ``workers`` processes (None for one: everything runs in this process), terminated
    on exit whatever happens."""
    if workers <= 1:
        yield None
        return
    pool = mp.get_context("spawn").Pool(workers, initializer=_warm_up)
    try:
        yield pool
    finally:
        pool.terminate()
        pool.join()


def _warm_up() -> None:
    """Run in each new worker: load the compiled fingerprint code before the first batch comes."""
    dedup.fingerprints(["warm up"])


def _read_all(tmp: Path, located, registry, pool, max_pending: int, progress: bool) -> dict[str, dict]:
    """Stream every source in this process; workers (``pool``, or this process when None) clean,
    classify and fingerprint batches, at most ``max_pending`` at a time; results come back in order
    and are appended to one Arrow file per source."""
    per_source = {name: _new_stats() for name in sorted(located)}
    bar = _Progress({n: EXPECTED_FILES.get(n, 0) for n in sorted(located)}, progress)
    try:
        for name in sorted(located):
            kind, loc = located[name]
            source = registry[name]
            t0 = time.perf_counter()
            with open(tmp / "work" / f"{name}.arrow", "wb") as f, ipc.new_file(f, WORK_SCHEMA) as writer:
                def handle(result):
                    batch, stats = result
                    if batch.num_rows:
                        writer.write_batch(batch)
                    _merge_stats(per_source[name], stats)
                    bar.update(name, stats["files"])

                if pool is None:
                    for items in _batches(source, kind, loc):
                        handle(process_batch(items, source))
                else:
                    pending: deque = deque()
                    for items in _batches(source, kind, loc):
                        pending.append(pool.apply_async(process_batch, (items, source)))
                        while len(pending) >= max_pending:
                            handle(pending.popleft().get())
                    while pending:
                        handle(pending.popleft().get())
            st = per_source[name]
            st.update(source=name, kind=kind, location=str(loc), seconds=round(time.perf_counter() - t0, 2))
            st["skips"] = dict(sorted(st["skips"].items()))
            st["skip_examples"] = {k: v for k, v in sorted(st["skip_examples"].items())}
            st["repairs"] = dict(sorted(st["repairs"].items()))
    finally:
        bar.close()
    return per_source


def _build_into(tmp: Path, located, registry, pool, workers, progress, log, root, verify_checksums,
                annotations=None) -> dict:
    t0 = time.perf_counter()
    # the audit figures for the card need no build: a worker computes them first (the other one takes
    # the first batches), so they are ready long before the report
    audit = pool.apply_async(_audit_summary) if pool is not None else None
    per_source = _read_all(tmp, located, registry, pool, MAX_PENDING * workers, progress)
    t_read = time.perf_counter() - t0
    log(f"read, cleaned and classified {sum(s['articles'] for s in per_source.values()):,} articles "
        f"in {t_read:.1f} s")

    # -------- the work tables, memory-mapped; only small columns are brought into Python
    t1 = time.perf_counter()
    maps = [pa.memory_map(str(tmp / "work" / f"{n}.arrow")) for n in sorted(located)]
    table = pa.concat_tables([ipc.open_file(m).read_all() for m in maps])
    n = table.num_rows
    if n == 0:
        raise ProvSumError(f"no articles could be read from {root}: see the skip counts")
    sigs = np.asarray(table.column("signature").combine_chunks().flatten()).reshape(n, dedup.NUM_PERM)
    key_doc = np.asarray(table.column("key_doc").to_numpy(), dtype=np.uint64)
    key_lead = np.asarray(table.column("key_lead").to_numpy(), dtype=np.uint64)
    result = dedup.cluster([key_doc, key_lead], sigs)
    del sigs
    sources_col = table.column("source").to_pylist()
    clusters = _clusters(table, result.root)
    keep = np.zeros(n, dtype=bool)
    keep[clusters["representatives"]] = True
    split = clusters["split"]
    t_dedup = time.perf_counter() - t1
    dup_removed = int(n - keep.sum())
    log(f"dedup: {n:,} articles in {len(clusters['representatives']):,} clusters; removed {dup_removed:,} duplicates "
        f"({result.exact_merges:,} exact merges, {result.near_merges:,} near) in {t_dedup:.1f} s")

    # -------- configs: one sequential pass over the work files, a chunk of text in memory at a time
    is_meeting = np.asarray(table.column("is_meeting").to_numpy(zero_copy_only=False), dtype=bool)
    levels = table.column("level").to_pylist()
    provinces = table.column("province").to_pylist()
    mtypes = table.column("meeting_type").to_pylist()
    is_prov = np.array([lv in classify_mod.PROVINCIAL_LEVELS for lv in levels]) & is_meeting
    selectors = {"provincial": keep & is_prov, "meetings": keep & is_meeting, "news": keep & ~is_meeting}
    t2 = time.perf_counter()
    hand = _hand_labels(annotations)
    codes = verified_mod.codes_for(table.column("id").to_pylist(), hand)
    counts = write_configs(tmp, [tmp / "work" / f"{n}.arrow" for n in sorted(located)], selectors, split, codes)
    t_write = time.perf_counter() - t2

    # -------- statistics for the report and the card (lengths were counted by the workers)
    kept_idx = np.flatnonzero(keep)
    len_cols = {c: table.column(c).to_numpy() for c in ("summary_words", "document_words", "document_sentences")}

    def lengths(sel):
        idx = np.flatnonzero(sel)
        return {c: _length_stats(v[idx].tolist()) for c, v in len_cols.items()}

    prov_sel = selectors["provincial"]
    meet_sel = selectors["meetings"]
    report = {
        "provsum_version": __version__,
        "corpora": str(root),
        "checksums_verified": verify_checksums,
        "sources": {name: {**per_source[name], "origin": f"{registry[name].repo_url} @ {registry[name].commit}",
                           "archive": registry[name].archive, "sha256": registry[name].sha256}
                    for name in sorted(per_source)},
        "articles_cleaned": n,
        "skips_total": sum(sum(s["skips"].values()) for s in per_source.values()),
        "dedup": {
            "method": f"exact (the lower-cased body's word sequence; title+lead when the lead has >= 20 words) + "
                      f"MinHash {dedup.NUM_PERM} permutations, {dedup.SHINGLE}-word shingles, LSH {dedup.BANDS} bands, "
                      f"verified at estimated Jaccard >= {dedup.THRESHOLD}",
            "clusters": len(clusters["representatives"]), "duplicates_removed": dup_removed,
            "exact_merges": result.exact_merges, "near_merges": result.near_merges,
            "lsh_candidate_pairs": result.candidate_pairs,
            "cross_source_clusters": clusters["cross_source"],
            "vietnews_train_test_clusters_before": clusters["vietnews_train_test"],
            "vietnews_train_test_clusters_after": 0,
        },
        "splits": {"method": SPLIT_METHOD, "fractions": FRACTIONS},
        "counts": counts,
        "meetings": {
            "by_level": dict(sorted(Counter(levels[i] for i in np.flatnonzero(meet_sel)).items())),
            "by_meeting_type": dict(sorted(Counter(mtypes[i] for i in np.flatnonzero(meet_sel)).items())),
            "by_source": dict(sorted(Counter(sources_col[i] for i in np.flatnonzero(meet_sel)).items())),
        },
        "provincial": {
            "by_level": dict(sorted(Counter(levels[i] for i in np.flatnonzero(prov_sel)).items())),
            "by_meeting_type": dict(sorted(Counter(mtypes[i] for i in np.flatnonzero(prov_sel)).items())),
            "by_province": dict(sorted(Counter(provinces[i] or "(unidentified)" for i in np.flatnonzero(prov_sel)).items(),
                                       key=lambda kv: (-kv[1], kv[0]))),
            "by_source": dict(sorted(Counter(sources_col[i] for i in np.flatnonzero(prov_sel)).items())),
        },
        "lengths": {"provincial": lengths(prov_sel), "meetings": lengths(meet_sel), "news": lengths(selectors["news"])},
        "kept": int(len(kept_idx)),
        "verification": {"hand_labelled_ids": len(hand),
                         "by_config": verification_stats(codes, selectors, split)},
        "timings_seconds": {"read_clean_classify": round(t_read, 1), "dedup": round(t_dedup, 1),
                            "write": round(t_write, 1)},
        "audit": audit.get() if audit is not None else _audit_summary(),
    }
    return report


def _clusters(table: pa.Table, root: np.ndarray) -> dict:
    """Per duplicate cluster (``root``: each row's cluster root), with numpy rather than a Python
    loop over the rows: ``representatives``, the row that represents each cluster (the preferred
    source, then the smallest id, then the first row); ``split``, each row's split (that of its
    cluster's representative's id); ``cross_source``, the number of clusters with rows of several
    sources; ``vietnews_train_test``, of clusters with VietNews rows of both its train and test."""
    n = len(root)
    sources = table.column("source").combine_chunks().dictionary_encode()
    source_code = sources.indices.to_numpy()
    names = sources.dictionary.to_pylist()
    preference = np.array([SOURCE_PREFERENCE.get(name, 9) for name in names])[source_code]
    id_rank = np.empty(n, dtype=np.int64)
    id_rank[pc.sort_indices(table.column("id")).to_numpy()] = np.arange(n)  # UTF-8 order = str order
    order = np.lexsort((id_rank, preference, root))
    first = np.ones(n, dtype=bool)
    first[1:] = root[order[1:]] != root[order[:-1]]
    representatives = order[first]  # in the order of their roots
    cluster_of = np.searchsorted(root[representatives], root)
    rep_ids = table.column("id").take(pa.array(representatives)).to_pylist()
    split = splits_of(rep_ids)[cluster_of]

    pairs = np.unique(root * len(names) + source_code)  # distinct (cluster, source)
    _, sources_per_cluster = np.unique(pairs // len(names), return_counts=True)
    vietnews = source_code == names.index("vietnews") if "vietnews" in names else np.zeros(n, dtype=bool)
    original = np.asarray(table.column("original_split").to_pylist(), dtype=object)
    in_train, in_test = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    in_train[root[vietnews & (original == "train")]] = True
    in_test[root[vietnews & (original == "test")]] = True
    return {"representatives": representatives, "split": split,
            "cross_source": int((sources_per_cluster > 1).sum()),
            "vietnews_train_test": int((in_train & in_test).sum())}


def _audit_summary() -> dict | None:
    try:
        from provsum.data.audit import summary_for_card
    except ImportError:
        return None
    return summary_for_card()


WRITE_CHUNK = 20000
MAX_QUEUED_ROW_GROUPS = 4  # row groups waiting for (or in) a writer thread: bounds their memory


def _hand_labels(annotations) -> dict[str, int]:
    """id -> hand-label code from ``annotations`` (default: the repository's folder; none when it is missing)."""
    from provsum.data.audit_eval import ANNOTATIONS

    root = Path(annotations) if annotations is not None else ANNOTATIONS
    return verified_mod.load_hand_labels(root) if root.is_dir() else {}


def verification_stats(codes: np.ndarray, selectors: dict[str, np.ndarray], split: np.ndarray) -> dict:
    """Per config and split: how many examples a hand label confirms (true), rejects (false) or leaves null."""
    out = {}
    for config, sel in selectors.items():
        out[config] = {}
        for sp in SPLITS:
            c = codes[sel & (split == sp)]
            value, null = verified_mod.verified_values(config, c)
            out[config][sp] = {"true": int((value & ~null).sum()), "false": int((~value & ~null).sum()),
                               "null": int(null.sum())}
    return out


def write_configs(tmp: Path, work_files: list[Path], selectors: dict[str, np.ndarray], split: np.ndarray,
                  codes: np.ndarray | None = None) -> dict:
    """Write every config/split in one sequential pass over the work files (sources in name order,
    rows in archive order). Rows are buffered per output and flushed as row groups of ``WRITE_CHUNK``
    rows, so memory holds one batch, the buffers and a few row groups waiting to be written, never
    the whole text. Each output file has a writer thread of its own (parquet encoding and compression
    release the GIL), so files are written side by side while this thread selects rows. Deterministic:
    the same inputs give the same batches, rows and row groups, appended to each file in order."""
    outputs = [(c, sp) for c in selectors for sp in SPLITS]
    masks = {(c, sp): selectors[c] & (split == sp) for c, sp in outputs}
    counts = {c: {sp: int(masks[(c, sp)].sum()) for sp in SPLITS} for c in selectors}
    writers: dict = {}
    threads = {key: ThreadPoolExecutor(max_workers=1) for key in outputs}
    queued: deque = deque()  # row groups handed to a writer thread, oldest first
    buffers: dict = {key: [] for key in outputs}
    buffered = dict.fromkeys(outputs, 0)
    names = [name for name, _ in ROW_FIELDS]
    if codes is None:
        codes = np.full(len(split), verified_mod.UNLABELLED, dtype=np.int8)

    def flush(key, final=False):
        while buffered[key] >= WRITE_CHUNK or (final and buffered[key]):
            table = pa.concat_tables(buffers[key])
            head, rest = table.slice(0, WRITE_CHUNK), table.slice(WRITE_CHUNK)
            if key not in writers:
                c, sp = key
                (tmp / "data" / c).mkdir(parents=True, exist_ok=True)
                writers[key] = pq.ParquetWriter(tmp / "data" / c / f"{sp}-00000-of-00001.parquet", SCHEMA,
                                                compression="zstd", write_statistics=True,
                                                use_dictionary=["source", "outlet", "category", "level",
                                                                "meeting_type", "province"])
            while len(queued) >= MAX_QUEUED_ROW_GROUPS:
                queued.popleft().result()
            queued.append(threads[key].submit(write_split, writers[key], head))
            buffers[key] = [rest] if rest.num_rows else []
            buffered[key] = rest.num_rows

    offset = 0
    try:
        for path in work_files:
            with pa.OSFile(str(path)) as f:  # not memory-mapped: pages are freed batch by batch
                reader = ipc.open_file(f)
                for b in range(reader.num_record_batches):
                    batch = reader.get_batch(b)
                    rows = batch.num_rows
                    part = pa.Table.from_batches([batch]).select(names)
                    row_codes = codes[offset: offset + rows]
                    for key in outputs:
                        mask = masks[key][offset: offset + rows]
                        selected = int(np.count_nonzero(mask))
                        if selected:  # (a filter copies the rows faster than a take)
                            value, null = verified_mod.verified_values(key[0], row_codes[mask])
                            buffers[key].append(part.filter(pa.array(mask)).append_column(
                                "verified", pa.array(value, mask=null)))
                            buffered[key] += selected
                            flush(key)
                    offset += rows
        for key in outputs:
            flush(key, final=True)
        while queued:
            queued.popleft().result()
    finally:
        for thread in threads.values():
            thread.shutdown(cancel_futures=True)
        for w in writers.values():
            w.close()
    (tmp / "data").mkdir(exist_ok=True)
    for c in selectors:
        (tmp / "data" / c).mkdir(exist_ok=True)
    return counts


def write_split(writer: pq.ParquetWriter, table: pa.Table) -> None:
    """Append one row group (at most ``WRITE_CHUNK`` rows)."""
    writer.write_table(table, row_group_size=WRITE_CHUNK)
