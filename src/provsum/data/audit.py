"""The hand-audit sample of the meeting-report classifier.

The sample is drawn *before* and independently of the classifier, stratified over sources and a
keyword stratum computed on the raw text, so that both precision and recall can be estimated
with known inclusion probabilities (each stratum's population size is recorded with the sample):

- ``title_lead``: a meeting keyword in the title or the lead (where almost all reports are),
- ``body_only``: a meeting keyword only in the first part of the body,
- ``none``: no meeting keyword.

Labels of this first phase live in ``annotations/audit_phase1.jsonl`` (ids + labels + a short note; no article text).
"""

from __future__ import annotations

import random
import re

SEED = 20261126
MEETING_KEYWORDS = re.compile(
    r"hội nghị|kỳ họp|kì họp|phiên họp|cuộc họp|giao ban|sơ kết|tổng kết|hội thảo|tiếp xúc cử tri|"
    r"đối thoại|làm việc với|đại hội|họp báo|chất vấn|buổi họp|họp bàn|họp thường kỳ|triển khai nhiệm vụ",
    re.IGNORECASE,
)
STRATA = ("title_lead", "body_only", "none")
# articles drawn per (source, stratum)
PLAN = {"title_lead": 60, "body_only": 25, "none": 25}


def _plain(text: str) -> str:
    return text.replace("_", " ").lower()


def keyword_stratum(title: str, lead: str, body_head: str) -> str:
    if MEETING_KEYWORDS.search(_plain(title)) or MEETING_KEYWORDS.search(_plain(lead)):
        return "title_lead"
    if MEETING_KEYWORDS.search(_plain(body_head)):
        return "body_only"
    return "none"


def draw(population: dict[tuple[str, str], list[str]], plan: dict[str, int] = PLAN, seed: int = SEED):
    """population: (source, stratum) -> ids. Returns (sample ids with their stratum, stratum sizes)."""
    sample, sizes, _counts = draw_records({key: [{"id": i} for i in ids] for key, ids in population.items()}, plan, seed)
    return [(rec["id"], source, stratum) for rec, (source, stratum) in sample], sizes


def draw_records(population: dict[tuple[str, str], list[dict]], plan: dict[str, int], seed: int,
                 drawn: frozenset[str] | set[str] = frozenset()):
    """The outcome-stratified draw of the later phases. ``population``: (source, stratum) -> records with an "id";
    ``plan``: articles per source of each stratum; ``drawn``: ids already sampled in this phase (an extension
    draws among the others). Returns (sample as (record, key) pairs, population size per "source/stratum",
    drawn count per "source/stratum")."""
    rng = random.Random(seed)
    sample, sizes = [], {}
    for key in sorted(population):
        recs = sorted(population[key], key=lambda r: r["id"])
        sizes["/".join(key)] = len(recs)
        left = [r for r in recs if r["id"] not in drawn]
        k = min(plan.get(key[1], 0), len(left))
        for i in sorted(rng.sample(range(len(left)), k)):
            sample.append((left[i], key))
    counts = {"/".join(k): sum(1 for _r, kk in sample if kk == k) for k in sorted(population)}
    return sample, sizes, counts


def summary_for_card() -> dict | None:
    """Precision/recall of the classifier on the hand-audit labels, for the card (None when absent)."""
    from provsum.data.audit_eval import evaluate_audit

    return evaluate_audit()
