#!/usr/bin/env python
"""Speed of every CPU summarizer, in documents per second on one core, with a peer measured in the same run.

Documents: the ``provincial`` test split when the dataset is built, else the first N VietNews
test articles streamed from the source archive (desegmented). The extractive-trained model is
fitted first on other documents (``news`` train when built, else VietNews validation articles).

Targets (issue 5): lead-k >= 5,000 docs/s, textrank/lexrank >= 200 docs/s, oracle >= 100 docs/s.
Peers, timed on the same documents in the same process:
- lead-k: the floor, ``"\\n".split`` and a join, nothing else;
- textrank/lexrank: the same similarity graph ranked with ``networkx.pagerank`` (the usual
  implementation), tokenization included;
- oracle: the usual greedy oracle that rescoring each candidate with ``rouge_score``'s
  RougeScorer (ROUGE-1 + ROUGE-2 F1, as in BertSum-style preprocessing scripts).

    python benchmarks/bench_summarizers.py [--n 1000] [--out benchmarks/results/summarizers]
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"  # one core

import argparse
import json
import platform
import re
import tarfile
import time
import warnings
from pathlib import Path

TARGETS = {"lead-3": 5000, "textrank": 200, "lexrank": 200, "oracle": 100}


def vietnews_articles(kind: str, n: int) -> list[dict]:
    """First ``n`` articles of ``{kind}_tokenized`` from the archive, desegmented."""
    root = Path(os.environ.get("PROVSUM_CORPORA", Path(__file__).resolve().parents[2] / "shared" / "corpora"))
    if not root.is_dir():
        root = Path("/work/shared/corpora")
    archive = root / "vietnews-a20d9b7.tar.xz"
    out = []
    space_before = re.compile(r" ([,.;:!?)”])")
    space_after = re.compile(r"([(“]) ")
    with tarfile.open(archive, "r|xz") as tar:
        for member in tar:
            if not member.isfile() or f"/{kind}_tokenized/" not in member.name:
                continue
            text = tar.extractfile(member).read().decode("utf-8").replace("_", " ")
            blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
            if len(blocks) < 3:
                continue
            fix = lambda s: space_after.sub(r"\1", space_before.sub(r"\1", s))  # noqa: E731
            out.append({"id": member.name, "summary": fix(blocks[1].replace("\n", " ")),
                        "document": "\n".join(fix(line) for line in blocks[2].split("\n"))})
            if len(out) >= n:
                break
    return out


def first_records(config: str, split: str, n: int) -> list[dict]:
    """The first ``n`` records of a built split, without converting the whole table."""
    import pyarrow.parquet as pq

    from provsum.data.load import split_files

    rows: list[dict] = []
    for f in split_files(config, split):
        rows.extend(pq.read_table(f, columns=["id", "document", "summary"]).slice(0, n - len(rows)).to_pylist())
        if len(rows) >= n:
            break
    return rows


def documents(n: int) -> tuple[str, list[dict], list[dict]]:
    try:
        test = first_records("provincial", "test", n)
        train = first_records("news", "train", 2000)
        return "provincial/test", test, train
    except Exception:  # noqa: BLE001 - the dataset is not built yet
        return f"VietNews test archive (first {n})", vietnews_articles("test", n), vietnews_articles("val", 2000)


def timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def peer_graph(docs: list[str], method: str) -> None:
    import networkx as nx

    from provsum.summarizers.base import document_sentences
    from provsum.summarizers.graph import lexrank_weights, textrank_weights
    from provsum.summarizers.stopwords import stopwords
    from provsum.summarizers.tokens import tokenize

    stop = stopwords()
    for doc in docs:
        sents = document_sentences(doc)
        toks = [[t for t in tokenize(s) if t not in stop] for s in sents]
        w = textrank_weights(toks) if method == "textrank" else lexrank_weights(toks)
        g = nx.from_numpy_array(w)
        ranks = nx.pagerank(g, alpha=0.85, tol=1e-8, max_iter=200) if g.number_of_edges() else {i: 1 for i in g}
        sorted(ranks, key=lambda i: -ranks[i])[:3]


def peer_oracle(docs: list[str], refs: list[str]) -> None:
    from rouge_score import rouge_scorer

    from provsum.summarizers.base import document_sentences
    from provsum.text.tokenize import tokenize

    class Tok:
        def tokenize(self, text):
            return tokenize(text)

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], tokenizer=Tok())
    for doc, ref in zip(docs, refs):
        sents = document_sentences(doc)
        chosen, best = [], 0.0
        while True:
            cand = None
            for i in range(len(sents)):
                if i in chosen:
                    continue
                text = " ".join(sents[j] for j in sorted(chosen + [i]))
                s = scorer.score(ref, text)
                value = s["rouge1"].fmeasure + s["rouge2"].fmeasure
                if value > best:
                    best, cand = value, i
            if cand is None:
                break
            chosen.append(cand)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="documents")
    ap.add_argument("--peer-n", type=int, default=200, help="documents for the slow oracle peer")
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "summarizers"))
    args = ap.parse_args()
    warnings.simplefilter("ignore", RuntimeWarning)

    from provsum.summarizers import get_summarizer
    from provsum.summarizers.trained import train_extractive

    t0 = time.perf_counter()
    source, test, train = documents(args.n)
    load_s = time.perf_counter() - t0
    docs = [r["document"] for r in test]
    refs = [r["summary"] for r in test]
    n = len(docs)
    sentences = sum(len([s for s in d.split("\n") if s.strip()]) for d in docs) / max(n, 1)
    print(f"{n} documents from {source} ({sentences:.1f} sentences each), loaded in {load_s:.1f} s")

    fit_start = time.perf_counter()
    model = train_extractive([r["document"] for r in train], [r["summary"] for r in train], seed=0, source=source)
    fit_s = time.perf_counter() - fit_start
    model_path = Path(args.out + "-extractive-model.tmp.json")
    model.save(model_path)

    rows = []

    def add(system, seconds, peer_name=None, peer_seconds=None, peer_docs=None):
        dps = n / seconds
        row = {"system": system, "docs": n, "seconds": round(seconds, 4), "docs_per_s": round(dps, 1)}
        if peer_seconds is not None:
            row["peer"] = peer_name
            row["peer_docs_per_s"] = round(peer_docs / peer_seconds, 1)
            row["speedup_vs_peer"] = round(dps / (peer_docs / peer_seconds), 2)
        if system in TARGETS:
            row["target_docs_per_s"] = TARGETS[system]
            row["meets_target"] = dps >= TARGETS[system]
        rows.append(row)
        extra = f", peer {row['peer']} {row['peer_docs_per_s']} docs/s -> x{row['speedup_vs_peer']}" if peer_seconds else ""
        target = f" (target {TARGETS[system]}: {'ok' if row['meets_target'] else 'MISSED'})" if system in TARGETS else ""
        print(f"{system:20s} {dps:10.1f} docs/s{target}{extra}")

    repeat = 5 if n < 500 else 1  # small splits: best of 5 runs
    lead = get_summarizer("lead-3")
    floor = lambda: [" ".join(d.split("\n")[:3]) for d in docs]  # noqa: E731
    add("lead-3", timed(lambda: lead.summarize(docs), 5), "split+join floor", timed(floor, 5), n)
    for system in ("textrank", "lexrank"):
        s = get_summarizer(system)
        add(system, timed(lambda: s.summarize(docs), repeat), "networkx.pagerank",
            timed(lambda: peer_graph(docs, system), repeat), n)
    oracle = get_summarizer("oracle")
    pn = min(args.peer_n, n)
    add("oracle", timed(lambda: oracle.summarize(docs, references=refs), repeat), "rouge_score greedy",
        timed(lambda: peer_oracle(docs[:pn], refs[:pn])), pn)
    trained = get_summarizer("extractive-trained", model=str(model_path))
    add("extractive-trained", timed(lambda: trained.summarize(docs), repeat))
    model_path.unlink()

    import numpy

    result = {
        "benchmark": "summarizers",
        "documents": source,
        "n": n,
        "sentences_per_document": round(sentences, 2),
        "single_core": "OMP/OPENBLAS/MKL threads = 1, one process",
        "extractive_trained_fit": {"documents": model.training["documents"], "seconds": round(fit_s, 2),
                                   "heldout_precision_at_oracle_k": model.training.get("heldout_precision_at_oracle_k")},
        "machine": {"python": platform.python_version(), "numpy": numpy.__version__, "cpus": os.cpu_count(),
                    "processor": platform.processor() or platform.machine()},
        "results": rows,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    lines = [
        "# Summarizer speed (CPU, one core)",
        "",
        f"Documents: {source}, n = {n}, {sentences:.1f} sentences per document. "
        f"Command: `python benchmarks/bench_summarizers.py --n {args.n}`"
        + (" (best of 5 runs per system)." if repeat > 1 else "."),
        "",
        "| system | docs/s | target | met | peer | peer docs/s | speed-up vs peer |",
        "|---|---:|---:|:-:|---|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['system']} | {r['docs_per_s']:,} | {r.get('target_docs_per_s', '')} | "
                     f"{'yes' if r.get('meets_target') else ('no' if 'meets_target' in r else '')} | {r.get('peer', '')} | "
                     f"{r.get('peer_docs_per_s', '')} | {('x' + str(r['speedup_vs_peer'])) if 'speedup_vs_peer' in r else ''} |")
    lines += ["", f"extractive-trained fitted on {model.training['documents']} documents in {fit_s:.1f} s "
              f"(held-out precision at oracle k: {model.training.get('heldout_precision_at_oracle_k')}).", ""]
    out.with_suffix(".md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out.with_suffix('.md')} and {out.with_suffix('.json')}")


if __name__ == "__main__":
    main()
