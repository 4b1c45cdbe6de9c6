"""Predictions files and input files (JSON lines).

Predictions: first line a header ``{"system": NAME, "settings": {...}, "provsum_version": ..., "count": N}``,
then one ``{"id": ..., "summary": ...}`` per document, in input order. Written atomically
(a temporary file renamed into place), so a crash never leaves a half file under the final name.

Inputs (``--input FILE.jsonl``): one ``{"id", "document"[, "summary"]}`` per line.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

from provsum.errors import InputError


def header_record(system: str, settings: dict, count: int | None = None) -> dict:
    from provsum import __version__

    header = {"system": system, "settings": settings, "provsum_version": __version__}
    if count is not None:
        header["count"] = count
    return header


def write_predictions(path: str | Path, system: str, settings: dict, ids: Sequence[str], summaries: Sequence[str]) -> Path:
    """Write the header and one ``{"id", "summary"}`` line per document; returns the path."""
    if len(ids) != len(summaries):
        raise InputError(f"{path}: {len(ids)} ids but {len(summaries)} summaries")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(header_record(system, settings, len(ids)), ensure_ascii=False)]
    lines += [json.dumps({"id": i, "summary": s}, ensure_ascii=False) for i, s in zip(ids, summaries)]
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_predictions(path: str | Path) -> tuple[dict | None, list[dict]]:
    """The header (or None) and the ``{"id", "summary"}`` records of a predictions file."""
    header = None
    records = []
    for lineno, obj in _json_lines(path):
        if lineno == 1 and "system" in obj and "summary" not in obj:
            header = obj
            continue
        if "id" not in obj or "summary" not in obj:
            raise InputError(f"{path}: line {lineno}: a prediction needs \"id\" and \"summary\"")
        records.append(obj)
    return header, records


def read_inputs(path: str | Path) -> list[dict]:
    """Records ``{"id", "document"[, "summary"]}`` of an input JSON-lines file, checked."""
    records = []
    seen: set[str] = set()
    for lineno, obj in _json_lines(path):
        for field in ("id", "document"):
            if field not in obj:
                raise InputError(f"{path}: line {lineno}: missing field {field!r} (need \"id\" and \"document\")")
        if not isinstance(obj["document"], str):
            raise InputError(f"{path}: line {lineno}: \"document\" must be a string")
        if "summary" in obj and obj["summary"] is not None and not isinstance(obj["summary"], str):
            raise InputError(f"{path}: line {lineno}: \"summary\" must be a string")
        key = str(obj["id"])
        if key in seen:
            raise InputError(f"{path}: line {lineno}: duplicate id {key!r}")
        seen.add(key)
        records.append({"id": key, "document": obj["document"], "summary": obj.get("summary")})
    if not records:
        raise InputError(f"{path}: no records")
    return records


def _json_lines(path: str | Path) -> Iterable[tuple[int, dict]]:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}: line {lineno}: not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise InputError(f"{path}: line {lineno}: expected a JSON object")
            yield lineno, obj
