"""The corruption experiment: corrupt each reference lead and check that the fact metrics notice.

With hand-checked gold, each corruption targets a gold fact (the first gold date, number,
body) and applies only where the lead has one.

For every example and every corruption that applies, the corrupted lead is scored as a
summary against the example's key facts (hand-checked gold where given, else the facts of
the original lead) and its document, exactly like the original lead. The corruption is
*detected* when the corrupted lead misses more key facts or has more unsupported facts than
the original one. Text similarity (ROUGE) is left to the caller, which passes the pairs on.
"""

from __future__ import annotations

from collections.abc import Sequence

from .corrupt import CORRUPTIONS
from .extract import Fact, extract_facts
from .metric import _as_fact, example_scores
from .normalize import values_match


def corruption_experiment(
    leads: Sequence[str],
    documents: Sequence[str],
    *,
    ids: Sequence[str] | None = None,
    gold: dict[str, list[dict]] | None = None,
    seed: int = 0,
    corruptions: dict | None = None,
    targets: str = "found",
) -> dict:
    """Per corruption: the examples where it applies, their scores before and after, detection.

    Returns ``{"original": [row...], "corruptions": {name: [{"index", "text", "row", "detected"}...]}}``
    where a row is ``metric.example_scores`` output.

    ``targets`` (only for examples with gold facts): ``"found"`` aims the corruptions at gold facts
    that the extractor also finds in the original lead (the metric's sensitivity to a fact it can
    see); ``"gold"`` at any gold fact (the end-to-end rate, which also pays for extractor misses).
    """
    if targets not in ("found", "gold"):
        raise ValueError(f"targets must be 'found' or 'gold', not {targets!r}")
    corruptions = corruptions or CORRUPTIONS
    originals = []
    key_facts: list[list[Fact]] = []
    aims: list[list[dict] | None] = []
    doc_facts: list[list[Fact]] = []
    for i, (lead, doc) in enumerate(zip(leads, documents)):
        if gold is not None and ids is not None and ids[i] in gold:
            g = [_as_fact(d, f"gold facts of {ids[i]!r}") for d in gold[ids[i]]]
            if targets == "gold":
                aims.append(gold[ids[i]])
            else:
                seen = extract_facts(lead)
                aims.append([d for d, f in zip(gold[ids[i]], g)
                             if any(p.type == f.type and values_match(f.type, f.value, p.value) for p in seen)])
        else:
            g = extract_facts(lead)
            aims.append(None)
        key_facts.append(g)
        doc_facts.append(extract_facts(doc))
        originals.append(example_scores(extract_facts(lead), g, doc_facts[-1]))

    out: dict = {"original": originals, "corruptions": {}, "seed": seed, "targets": targets}
    for name, fn in corruptions.items():
        rows = []
        for i, lead in enumerate(leads):
            new = fn(lead, seed, aims[i])
            if new is None:
                continue
            row = example_scores(extract_facts(new), key_facts[i], doc_facts[i])
            o = originals[i]
            detected = len(row["missing"]) > len(o["missing"]) or len(row["unsupported"]) > len(o["unsupported"])
            rows.append({"index": i, "text": new, "row": row, "detected": detected})
        out["corruptions"][name] = rows
    return out


def detection_rates(result: dict) -> dict[str, dict]:
    """``{name: {"applies": n, "detected": k, "rate": k / n}}`` from ``corruption_experiment``."""
    rates = {}
    for name, rows in result["corruptions"].items():
        k = sum(r["detected"] for r in rows)
        rates[name] = {"applies": len(rows), "detected": k, "rate": k / len(rows) if rows else None}
    return rates
