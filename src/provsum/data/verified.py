"""Hand labels of built articles, as the ``verified`` column of every config.

Two kinds of files in ``annotations/`` hold hand labels (ids + labels, following ``GUIDELINES.md``):

- the audit phases, ``audit_phase<N>.jsonl`` (stratified samples that measure the classifier; their first
  labelling only), and
- verification passes, ``verify_<name>.jsonl``: every article of a config that no audit phase had labelled
  (``verify_provincial.jsonl``: the whole ``provincial`` config as built by rules v5).

The build looks every article up and writes ``verified``: **true** when the hand label confirms that the article
belongs to the config it is in, **false** when the hand label says it does not, **null** when no one has labelled
it. Under the dataset definition (a meeting report whose lead itself reports the meeting):

- ``provincial``: a meeting report of provincial, district, commune or mixed level;
- ``meetings``: a meeting report of any level;
- ``news``: not a meeting report.

The classifier still decides which config an article is in; ``verified`` lets a user keep only hand-confirmed
examples (``provsum.load_dataset(config, split, verified_only=True)``), and gives the card an exact count of the
classifier's false positives in the ``provincial`` config.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from provsum.data.classify import PROVINCIAL_LEVELS
from provsum.errors import InputError

UNLABELLED, NOT_MEETING, MEETING, PROVINCIAL = -1, 0, 1, 2
_AUDIT = re.compile(r"audit_phase(\d+)\.jsonl$")


def hand_code(row: dict) -> int:
    """NOT_MEETING, MEETING (another level) or PROVINCIAL for one labelled row (dataset definition)."""
    if not row["is_meeting_report"] or row.get("lead_reports_meeting") is False:
        return NOT_MEETING
    return PROVINCIAL if row["level"] in PROVINCIAL_LEVELS else MEETING


def label_files(root: Path) -> list[Path]:
    """The audit phases in phase order, then the verification passes in name order."""
    audits = sorted((p for p in root.glob("audit_phase*.jsonl") if _AUDIT.search(p.name)),
                    key=lambda p: int(_AUDIT.search(p.name).group(1)))
    return audits + sorted(root.glob("verify_*.jsonl"))


def load_hand_labels(root: Path) -> dict[str, int]:
    """id -> code over every label file; an id labelled in two files keeps its first label (audit phases first)."""
    codes: dict[str, int] = {}
    for path in label_files(Path(root)):
        for n, line in enumerate(path.open(encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                code = hand_code(row)
                key = row["id"]
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                raise InputError(f"{path}: line {n}: not a label record ({type(e).__name__}: {e})") from None
            codes.setdefault(key, code)
    return codes


def codes_for(ids: list[str], labels: dict[str, int]) -> np.ndarray:
    """The code of every id (UNLABELLED where none), as int8."""
    get = labels.get
    return np.fromiter((get(i, UNLABELLED) for i in ids), dtype=np.int8, count=len(ids))


def verified_values(config: str, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(value, is_null) arrays of the ``verified`` column of ``config`` for articles with these codes."""
    if config == "provincial":
        value = codes == PROVINCIAL
    elif config == "meetings":
        value = codes >= MEETING
    elif config == "news":
        value = codes == NOT_MEETING
    else:
        raise ValueError(f"unknown config {config!r}")
    return value, codes == UNLABELLED
