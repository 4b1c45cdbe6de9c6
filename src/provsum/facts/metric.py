"""Meeting-fact metrics: fact recall against the reference and unsupported facts against the document.

``fact_scores(predictions, references, documents)``:

- **fact recall** — of the key facts of the reference (extracted, or hand-checked ``gold``),
  the share found in the system summary, matching typed values (``normalize.values_match``:
  date formats, HĐND = Hội đồng nhân dân, TP.HCM = Thành phố Hồ Chí Minh, ``ông Hưởng`` =
  ``Nguyễn Văn Hưởng``). Overall and per type (``fact_recall_date`` ...). Undefined (None)
  for an example whose reference has no fact (of that type); corpus means skip undefined values.
- **unsupported rate** — of the summary's dates, numbers, bodies and persons, the share that no
  fact of the same type in the document matches. Overall and per type. When ``documents`` is
  None the reference plays the document (recorded in ``settings["support"]``).

Both come with percentile bootstrap intervals over examples (seeded; the scorer's
``provsum.metrics.stats.bootstrap_ci``, the same procedure as ROUGE).
"""

from __future__ import annotations

from collections.abc import Sequence

from provsum.errors import InputError

from .extract import EXTRACTOR_VERSION, Fact, extract_facts
from .normalize import FACT_TYPES, canonical_province, unpack, values_match

RECALL_TYPES = FACT_TYPES
UNSUPPORTED_TYPES = ("date", "number", "body", "person")


def _as_fact(d: dict, where: str) -> Fact:
    try:
        ftype, value = d["type"], d["value"]
    except (KeyError, TypeError):
        raise InputError(f"{where}: a gold fact needs 'type' and 'value', got {d!r}") from None
    if ftype not in FACT_TYPES:
        raise InputError(f"{where}: unknown fact type {ftype!r}; expected one of {FACT_TYPES}")
    return Fact(ftype, d.get("text", ""), -1, -1, value)


def _unique(facts: list[Fact], types: Sequence[str]) -> list[Fact]:
    """One fact per thing among ``types``: facts whose values match are merged, and the most
    specific value (the one with most fields: ``Tỉnh ủy Quảng Ninh`` over ``Tỉnh ủy``) is kept,
    at the place of the first mention."""
    out: list[Fact] = []
    for f in facts:
        if f.type not in types:
            continue
        for i, g in enumerate(out):
            if g.type == f.type and values_match(f.type, f.value, g.value):
                if len(unpack(f.value)) > len(unpack(g.value)) or (
                    f.type in ("person", "place") and len(f.value) > len(g.value)
                ):
                    out[i] = f
                break
        else:
            out.append(f)
    return out


def localities(facts: list[Fact]) -> set[str]:
    """Every locality a text names: body localities and place components."""
    out: set[str] = set()
    for f in facts:
        v = unpack(f.value)
        if f.type == "body" and v.get("n"):
            out.add(v["n"])
        elif f.type == "place":
            out.update(filter(None, v.get("c", "").split("|")))
    return out


def _found(fact: Fact, pool: list[Fact], pool_localities: set[str], *, unnamed_ok: bool = False) -> bool:
    """``fact`` is matched by a fact of ``pool``. A body that names its locality
    (``Tỉnh ủy Quảng Ninh``) needs that locality named in the pool's text too, so that
    ``Tỉnh ủy`` next to another province does not match it. With ``unnamed_ok`` (support by
    a document) a pool that names no province at all cannot contradict the province."""
    for p in pool:
        if p.type != fact.type or not values_match(fact.type, fact.value, p.value):
            continue
        if fact.type == "body":
            n = unpack(fact.value).get("n")
            if n and unpack(p.value).get("n") != n and n not in pool_localities:
                if not (unnamed_ok and canonical_province(n) and not any(map(canonical_province, pool_localities))):
                    continue
        return True
    return False


def example_scores(
    pred_facts: list[Fact],
    gold_facts: list[Fact],
    support_facts: list[Fact],
    *,
    recall_types: Sequence[str] = RECALL_TYPES,
    unsupported_types: Sequence[str] = UNSUPPORTED_TYPES,
) -> dict:
    """Scores of one summary, given its facts, the reference's key facts and the document's facts."""
    gold = _unique(gold_facts, recall_types)
    checked = _unique(pred_facts, unsupported_types)
    pred = _unique(pred_facts, FACT_TYPES)
    pred_loc = localities(pred_facts)
    support_loc = localities(support_facts)
    hits = [_found(g, pred, pred_loc) for g in gold]
    unsupported = [not _found(p, support_facts, support_loc, unnamed_ok=True) for p in checked]

    out: dict = {
        "fact_recall": sum(hits) / len(gold) if gold else None,
        "unsupported_rate": sum(unsupported) / len(checked) if checked else None,
    }
    for t in recall_types:
        g = [h for h, f in zip(hits, gold) if f.type == t]
        out[f"fact_recall_{t}"] = sum(g) / len(g) if g else None
    for t in unsupported_types:
        u = [x for x, f in zip(unsupported, checked) if f.type == t]
        out[f"unsupported_{t}"] = sum(u) / len(u) if u else None
    out["n_gold"] = len(gold)
    out["n_pred_facts"] = len(pred)
    out["n_checked"] = len(checked)
    out["missing"] = [f"{f.type}:{f.text or f.value}" for f, h in zip(gold, hits) if not h]
    out["unsupported"] = [f"{f.type}:{f.text}" for f, u in zip(checked, unsupported) if u]
    return out


def bootstrap_interval(values: Sequence[float], *, resamples: int = 1000, seed: int = 12345) -> dict:
    """Mean and 95% percentile bootstrap interval of ``values`` (resampling examples, seeded),
    computed by the scorer's own ``provsum.metrics.stats.bootstrap_ci`` so that fact metrics and
    ROUGE share one procedure. ``n`` is the number of examples where the metric is defined."""
    from provsum.metrics.stats import bootstrap_ci

    n = len(values)
    if n == 0:
        return {"mean": None, "low": None, "high": None, "n": 0}
    mean, low, high = bootstrap_ci([float(v) for v in values], n_resamples=resamples, seed=seed)
    return {"mean": float(mean[0]), "low": float(low[0]), "high": float(high[0]), "n": n}


def metric_names(recall_types: Sequence[str] = RECALL_TYPES,
                 unsupported_types: Sequence[str] = UNSUPPORTED_TYPES) -> list[str]:
    return (["fact_recall", *(f"fact_recall_{t}" for t in recall_types),
             "unsupported_rate", *(f"unsupported_{t}" for t in unsupported_types)])


def fact_scores(
    predictions: Sequence[str],
    references: Sequence[str],
    documents: Sequence[str] | None = None,
    *,
    ids: Sequence[str] | None = None,
    bootstrap: int = 1000,
    seed: int = 12345,
    gold: dict[str, list[dict]] | None = None,
    recall_types: Sequence[str] = RECALL_TYPES,
    unsupported_types: Sequence[str] = UNSUPPORTED_TYPES,
) -> dict:
    """Fact recall and unsupported-fact rates, per example and for the corpus (see module docstring).

    ``gold`` maps an example id to its hand-checked facts (``{"type", "value", "text"}``); those
    replace the facts extracted from the reference for the ids it holds (``ids`` is then required).
    """
    n = len(predictions)
    if len(references) != n:
        raise InputError(f"fact_scores: {n} predictions but {len(references)} references")
    if documents is not None and len(documents) != n:
        raise InputError(f"fact_scores: {n} predictions but {len(documents)} documents")
    if ids is not None and len(ids) != n:
        raise InputError(f"fact_scores: {n} predictions but {len(ids)} ids")
    if gold is not None and ids is None:
        raise InputError("fact_scores: gold facts are keyed by id; pass ids= as well")
    for t in (*recall_types, *unsupported_types):
        if t not in FACT_TYPES:
            raise InputError(f"fact_scores: unknown fact type {t!r}; expected one of {FACT_TYPES}")

    per_example = []
    n_gold_used = 0
    for i in range(n):
        if gold is not None and ids[i] in gold:
            where = f"gold facts of {ids[i]!r}"
            gold_facts = [_as_fact(d, where) for d in gold[ids[i]]]
            n_gold_used += 1
        else:
            gold_facts = extract_facts(references[i])
        support_text = documents[i] if documents is not None else references[i]
        row = example_scores(
            extract_facts(predictions[i]), gold_facts, extract_facts(support_text),
            recall_types=recall_types, unsupported_types=unsupported_types,
        )
        if ids is not None:
            row = {"id": ids[i], **row}
        per_example.append(row)

    corpus = {}
    for name in metric_names(recall_types, unsupported_types):
        vals = [r[name] for r in per_example if r[name] is not None]
        corpus[name] = bootstrap_interval(vals, resamples=bootstrap, seed=seed)

    settings = {
        "extractor_version": EXTRACTOR_VERSION,
        "recall_types": list(recall_types),
        "unsupported_types": list(unsupported_types),
        "gold": "hand-checked" if gold is not None else "extracted from reference",
        "gold_examples": n_gold_used,
        "extracted_gold_examples": n - n_gold_used,
        "support": "document" if documents is not None else "reference",
        "bootstrap": bootstrap,
        "seed": seed,
        "interval": "95% percentile bootstrap over examples; means skip examples where a metric is undefined",
    }
    return {"per_example": per_example, "corpus": corpus, "settings": settings}
