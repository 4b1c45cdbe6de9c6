"""Read documents, run a system, write predictions: what ``provsum summarize`` does, callable from Python."""

from __future__ import annotations

from pathlib import Path

from provsum.errors import InputError
from provsum.summarizers.io import read_inputs, write_predictions
from provsum.summarizers.registry import get_summarizer


def load_split(config: str, split: str, limit: int | None = None, seed: int = 0) -> list[dict]:
    """``[{"id", "document", "summary"}]`` of a built split; with ``limit``, a seeded sample of that many
    records (in split order), taken before the rows become Python objects (the news train split is large)."""
    import random

    import pyarrow as pa
    import pyarrow.parquet as pq

    from provsum.data.load import split_files

    tables = [pq.read_table(f, columns=["id", "document", "summary"]) for f in split_files(config, split)]
    table = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
    if limit is not None and table.num_rows > limit:
        keep = sorted(random.Random(seed).sample(range(table.num_rows), int(limit)))
        table = table.take(pa.array(keep, type=pa.int64()))
    return table.to_pylist()


def load_documents(input_path: str | None = None, config: str | None = None, split: str = "test", limit: int | None = None) -> list[dict]:
    """``[{"id", "document", "summary"}]`` from a JSON-lines file or a built dataset split."""
    if input_path:
        records = read_inputs(input_path)
    elif config:
        records = load_split(config, split)
    else:
        raise InputError("give an input file or a dataset config")
    return records[:limit] if limit is not None else records


def run_summarizer(system: str, options: dict | None = None, *, out: str | Path, input_path: str | None = None,
                   config: str | None = None, split: str = "test", limit: int | None = None) -> dict:
    """Summarize every document and write ``out``; returns counts for the caller to print."""
    options = dict(options or {})
    records = load_documents(input_path, config, split, limit)
    if system == "llm" and "cache" not in options:
        options["cache"] = str(out) + ".partial.jsonl"
    summarizer = get_summarizer(system, **options)
    ids = [r["id"] for r in records]
    documents = [r["document"] for r in records]
    if system == "oracle":
        missing = [r["id"] for r in records if not r.get("summary")]
        if missing:
            where = input_path or f"{config}/{split}"
            raise InputError(f"oracle needs reference summaries: {len(missing)} record(s) of {where} have none (first: {missing[0]!r})")
        summaries = summarizer.summarize(documents, ids=ids, references=[r["summary"] for r in records])
    else:
        summaries = summarizer.summarize(documents, ids=ids)
    settings = dict(summarizer.settings)
    settings["input"] = str(input_path) if input_path else {"config": config, "split": split}
    if limit is not None:
        settings["limit"] = limit
    write_predictions(out, summarizer.name, settings, ids, summaries)
    if system == "llm":
        Path(options["cache"]).unlink(missing_ok=True)  # every summary is in `out` now
    return {
        "system": summarizer.name,
        "count": len(ids),
        "empty": sum(1 for d in documents if not (d or "").strip()),
        "truncated": getattr(summarizer, "truncated", 0),
    }
