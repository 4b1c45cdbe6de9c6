"""The corruption experiment: corrupt each reference lead and check that the fact metrics notice.

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


def corruption_experiment(
    leads: Sequence[str],
    documents: Sequence[str],
    *,
    ids: Sequence[str] | None = None,
    gold: dict[str, list[dict]] | None = None,
    seed: int = 0,
    corruptions: dict | None = None,
) -> dict:
    """Per corruption: the examples where it applies, their scores before and after, detection.

    Returns ``{"original": [row...], "corruptions": {name: [{"index", "text", "row", "detected"}...]}}``
    where a row is ``metric.example_scores`` output.
    """
    corruptions = corruptions or CORRUPTIONS
    originals = []
    key_facts: list[list[Fact]] = []
    doc_facts: list[list[Fact]] = []
    for i, (lead, doc) in enumerate(zip(leads, documents)):
        if gold is not None and ids is not None and ids[i] in gold:
            g = [_as_fact(d, f"gold facts of {ids[i]!r}") for d in gold[ids[i]]]
        else:
            g = extract_facts(lead)
        key_facts.append(g)
        doc_facts.append(extract_facts(doc))
        originals.append(example_scores(extract_facts(lead), g, doc_facts[-1]))

    out: dict = {"original": originals, "corruptions": {}, "seed": seed}
    for name, fn in corruptions.items():
        rows = []
        for i, lead in enumerate(leads):
            new = fn(lead, seed)
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
