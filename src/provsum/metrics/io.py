"""Reading predictions and references (JSON lines) with clear errors.

Predictions: one ``{"id": ..., "summary": ...}`` per line; the first line may be a header
``{"system": ..., "settings": {...}}`` (a line with ``system`` and no ``id``).
References: ``{"id": ..., "summary": ...}`` or ``{"id": ..., "references": [...]}``.

Every problem raises :class:`provsum.errors.InputError` naming the file and line: bytes
that are not UTF-8, a line that is not a JSON object, a missing or non-string ``id`` or
``summary``, a duplicate id, an empty prediction (unless ``allow_empty``), a prediction
whose id is not among the references, a reference without a prediction (unless
``allow_missing``: then it is scored as an empty prediction and counted). Blank lines
are skipped and counted. An empty *reference* is allowed: every ROUGE score of that
example is 0 (as ``rouge_score``), and the report counts it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provsum.errors import InputError


@dataclass
class Records:
    path: str
    ids: list[str] = field(default_factory=list)
    texts: list[Any] = field(default_factory=list)  # str (predictions) or list[str] (references)
    lines: list[int] = field(default_factory=list)
    header: dict | None = None
    blank_lines: int = 0


def _json_lines(path: str | Path):
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from None
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()  # the newline that ends the last line
    for lineno, line in enumerate(lines, start=1):
        if line.endswith(b"\r"):
            line = line[:-1]
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{p}:{lineno}: not valid UTF-8 (byte {exc.start + 1} of the line)") from None
        if not text.strip():
            yield lineno, None
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise InputError(f"{p}:{lineno}: expected a JSON object, got {type(obj).__name__}")
        yield lineno, obj


def _id_of(obj: dict, path, lineno: int) -> str:
    if "id" not in obj:
        raise InputError(f"{path}:{lineno}: no \"id\" field")
    value = obj["id"]
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"{path}:{lineno}: \"id\" must be a string, got {type(value).__name__}")
    return str(value)


def read_predictions(path: str | Path, allow_empty: bool = False) -> Records:
    recs = Records(path=str(path))
    seen: dict[str, int] = {}
    first = True
    for lineno, obj in _json_lines(path):
        if obj is None:
            recs.blank_lines += 1
            continue
        if first and "id" not in obj and "system" in obj:
            recs.header = obj
            first = False
            continue
        first = False
        rid = _id_of(obj, path, lineno)
        if rid in seen:
            raise InputError(f"{path}:{lineno}: duplicate id {rid!r} (first on line {seen[rid]})")
        seen[rid] = lineno
        if "summary" not in obj:
            raise InputError(f"{path}:{lineno}: no \"summary\" field for id {rid!r}")
        summary = obj["summary"]
        if not isinstance(summary, str):
            raise InputError(f"{path}:{lineno}: \"summary\" of id {rid!r} must be a string, got {type(summary).__name__}")
        if not summary.strip() and not allow_empty:
            raise InputError(
                f"{path}:{lineno}: empty summary for id {rid!r} (use --allow-missing to score it as empty)"
            )
        recs.ids.append(rid)
        recs.texts.append(summary)
        recs.lines.append(lineno)
    return recs


def read_references(path: str | Path) -> Records:
    recs = Records(path=str(path))
    seen: dict[str, int] = {}
    for lineno, obj in _json_lines(path):
        if obj is None:
            recs.blank_lines += 1
            continue
        rid = _id_of(obj, path, lineno)
        if rid in seen:
            raise InputError(f"{path}:{lineno}: duplicate id {rid!r} (first on line {seen[rid]})")
        seen[rid] = lineno
        if "references" in obj:
            refs = obj["references"]
            if not isinstance(refs, list) or not refs or not all(isinstance(r, str) for r in refs):
                raise InputError(f"{path}:{lineno}: \"references\" of id {rid!r} must be a non-empty list of strings")
        elif "summary" in obj:
            if not isinstance(obj["summary"], str):
                raise InputError(f"{path}:{lineno}: \"summary\" of id {rid!r} must be a string")
            refs = [obj["summary"]]
        else:
            raise InputError(f"{path}:{lineno}: no \"summary\" or \"references\" field for id {rid!r}")
        recs.ids.append(rid)
        recs.texts.append(refs)
        recs.lines.append(lineno)
    return recs


def align(predictions: Records, ref_ids: list[str], allow_missing: bool = False, ref_source: str = "references"):
    """Predictions in the order of ``ref_ids``.

    Returns ``(texts, missing_ids)``; a missing prediction is an error unless
    ``allow_missing``, when it becomes ``""``."""
    ref_set = set(ref_ids)
    for rid, lineno in zip(predictions.ids, predictions.lines):
        if rid not in ref_set:
            raise InputError(f"{predictions.path}:{lineno}: unknown id {rid!r}: not in {ref_source}")
    by_id = dict(zip(predictions.ids, predictions.texts))
    missing = [rid for rid in ref_ids if rid not in by_id]
    if missing and not allow_missing:
        shown = ", ".join(repr(m) for m in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise InputError(
            f"{predictions.path}: {len(missing)} of {len(ref_ids)} examples of {ref_source} have no prediction "
            f"({shown}{more}); use --allow-missing to score them as empty"
        )
    return [by_id.get(rid, "") for rid in ref_ids], missing
