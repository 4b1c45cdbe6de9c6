"""Reading hand-checked gold facts (``annotations/gold_facts.jsonl``) for ``fact_scores(gold=...)``."""

from __future__ import annotations

import json
from pathlib import Path

from provsum.errors import InputError

from .normalize import FACT_TYPES


def default_gold_path() -> Path:
    """``annotations/gold_facts.jsonl`` of the repository this package lives in (editable installs)."""
    return Path(__file__).resolve().parents[3] / "annotations" / "gold_facts.jsonl"


def load_gold(path: str | Path | None = None, *, checked_only: bool = True) -> dict[str, list[dict]]:
    """``{id: [{"type", "value", "text"}, ...]}``; by default only the examples checked by hand.

    A malformed line raises ``InputError`` naming the file and line.
    """
    path = Path(path) if path is not None else default_gold_path()
    if not path.exists():
        raise InputError(f"{path}: no gold facts file")
    gold: dict[str, list[dict]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            rid, facts, checked = rec["id"], rec["facts"], rec.get("checked", False)
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}: expected a JSON object with 'id' and 'facts' ({exc})") from None
        for f in facts:
            if not isinstance(f, dict) or f.get("type") not in FACT_TYPES or not f.get("value"):
                raise InputError(f"{path}:{n}: bad fact {f!r} for {rid!r}: needs a type in {FACT_TYPES} and a value")
        if rid in gold:
            raise InputError(f"{path}:{n}: id {rid!r} appears twice")
        if checked or not checked_only:
            gold[rid] = facts
    return gold
