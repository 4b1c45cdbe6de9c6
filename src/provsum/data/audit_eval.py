"""Precision and recall of the meeting-report classifier on the hand-audit samples.

Every audit phase is a stratified sample of the built dataset with its design (population and sample size per
stratum) stored beside its labels: ``annotations/audit_phase<N>.jsonl`` + ``audit_phase<N>_design.json``.
The held-out phase of the current rules is the last one (phase 7, for rules v5); phases 2, 3, 5 and 6 were the
held-out samples of rules v1 to v4 and are reported as history. Strata of phases 2-5 are source x classifier outcome
(``provincial``, ``national`` meeting, ``news_keyword`` = news with a meeting keyword in title or lead,
``news_body_first`` / ``news_body`` = one only in the first two / five body sentences, ``news_none``).
Each labelled article stands for ``N_h / n_h`` articles of its stratum, so

    TP = sum_h N_h/n_h * #(predicted positive, gold positive in h)     (FP, FN likewise)
    precision = TP / (TP + FP),  recall = TP / (TP + FN)

estimate the figures over the whole dataset. 95% intervals: percentile bootstrap resampling
within strata (2,000 resamples, seed 12345).

Two gold definitions are reported. **Dataset definition** (the target): a meeting report whose lead paragraph itself
reports the meeting (``lead_reports_meeting``), as the lead is the reference summary. **Broad**: any meeting report,
including articles whose lead is a claim or a quote and whose meeting is only named in the body.
"""
from __future__ import annotations

import json
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

from provsum.data.classify import PROVINCIAL_LEVELS

ANNOTATIONS = Path(__file__).resolve().parents[3] / "annotations"
HELDOUT_PHASE = 7
# phase -> (rules version it was held out for, or None for a development sample)
PHASES = {1: None, 2: "v1", 3: "v2", 4: None, 5: "v3", 6: "v4", 7: "v5"}
RESAMPLES = 2000
SEED = 12345
TARGET = {"precision": 0.90, "recall": 0.80}


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def gold_provincial(row: dict) -> bool:
    """Broad: a provincial-level meeting report, whatever its lead says."""
    return bool(row["is_meeting_report"]) and row["level"] in PROVINCIAL_LEVELS


def gold_provincial_lead(row: dict) -> bool:
    """Dataset definition: a provincial-level meeting report whose lead reports the meeting."""
    return gold_provincial(row) and row.get("lead_reports_meeting") is not False


def gold_meeting_lead(row: dict) -> bool:
    return bool(row["is_meeting_report"]) and row.get("lead_reports_meeting") is not False


def pred_provincial(row: dict) -> bool:
    return row["stratum"].endswith("/provincial")


def gold_meeting(row: dict) -> bool:
    return bool(row["is_meeting_report"])


def pred_meeting(row: dict) -> bool:
    return row["stratum"].endswith("/provincial") or row["stratum"].endswith("/national")


def weighted_pr(rows: list[dict], population: dict[str, int], pred, gold, resamples: int = RESAMPLES,
                seed: int = SEED) -> dict:
    strata: dict[str, list[tuple[bool, bool]]] = {}
    for r in rows:
        strata.setdefault(r["stratum"], []).append((pred(r), gold(r)))
    names = sorted(strata)
    arrays = [np.array(strata[h], dtype=bool).reshape(-1, 2) for h in names]
    weights = np.array([population[h] / len(strata[h]) for h in names])

    def estimate(samples):
        tp = fp = fn = 0.0
        for w, a in zip(weights, samples):
            p, g = a[:, 0], a[:, 1]
            tp += w * np.sum(p & g)
            fp += w * np.sum(p & ~g)
            fn += w * np.sum(~p & g)
        prec = tp / (tp + fp) if tp + fp else float("nan")
        rec = tp / (tp + fn) if tp + fn else float("nan")
        return prec, rec, tp, fp, fn

    prec, rec, tp, fp, fn = estimate(arrays)
    # the bootstrap, vectorized: every stratum resampled `resamples` times at once (one index matrix per stratum)
    rng = np.random.default_rng(seed)
    btp = np.zeros(resamples)
    bfp = np.zeros(resamples)
    bfn = np.zeros(resamples)
    for w, a in zip(weights, arrays):
        idx = rng.integers(0, len(a), (resamples, len(a)))
        p, g = a[idx, 0], a[idx, 1]
        btp += w * np.sum(p & g, axis=1)
        bfp += w * np.sum(p & ~g, axis=1)
        bfn += w * np.sum(~p & g, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        boots = np.stack([btp / (btp + bfp), btp / (btp + bfn)], axis=1)
    with warnings.catch_warnings():  # a column that is NaN in every resample (no positive at all) stays NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        lo = np.nanpercentile(boots, 2.5, axis=0)
        hi = np.nanpercentile(boots, 97.5, axis=0)
    counts = {
        "tp": int(sum(np.sum(a[:, 0] & a[:, 1]) for a in arrays)),
        "fp": int(sum(np.sum(a[:, 0] & ~a[:, 1]) for a in arrays)),
        "fn": int(sum(np.sum(~a[:, 0] & a[:, 1]) for a in arrays)),
        "tn": int(sum(np.sum(~a[:, 0] & ~a[:, 1]) for a in arrays)),
    }
    return {"precision": round(float(prec), 4), "precision_ci95": [round(float(lo[0]), 4), round(float(hi[0]), 4)],
            "recall": round(float(rec), 4), "recall_ci95": [round(float(lo[1]), 4), round(float(hi[1]), 4)],
            "weighted": {"tp": round(tp, 1), "fp": round(fp, 1), "fn": round(fn, 1)}, "sample_counts": counts}


def attribute_agreement(rows: list[dict]) -> dict:
    """Among articles both gold and classifier call meeting reports: level / type / province agreement."""
    both = [r for r in rows if gold_meeting(r) and pred_meeting(r)]
    out = {"n": len(both)}
    for field in ("level", "meeting_type"):
        out[field] = round(sum(r["predicted"][field] == r[field] for r in both) / len(both), 4) if both else None
    with_prov = [r for r in both if r["province"]]
    out["province"] = round(sum(r["predicted"]["province"] == r["province"] for r in with_prov) / len(with_prov), 4) \
        if with_prov else None
    out["province_n"] = len(with_prov)
    return out


def cohen_kappa(first: list[bool], second: list[bool]) -> float:
    """Cohen's kappa of two binary labellings of the same items: (p_o - p_e) / (1 - p_e)."""
    a, b = np.asarray(first, dtype=bool), np.asarray(second, dtype=bool)
    observed = float(np.mean(a == b))
    expected = float(a.mean() * b.mean() + (1 - a.mean()) * (1 - b.mean()))
    return 1.0 if expected == 1.0 else (observed - expected) / (1 - expected)


DEFINITIONS = {
    "provincial meeting report, dataset definition": gold_provincial_lead,
    "meeting report of any level, dataset definition": gold_meeting_lead,
    "provincial meeting report, broad": gold_provincial,
    "meeting report of any level, broad": gold_meeting,
}


def annotator_agreement(first: list[dict], second: list[dict], population: dict[str, int]) -> dict:
    """Agreement of a second, independent labelling of a phase with its first one, per gold definition: raw
    agreement and Cohen's kappa on the sample, and the second labelling scored as if it were the classifier against
    the first (stratum-weighted precision / recall, the metric the target uses: a ceiling for any classifier measured
    against one annotator)."""
    by_id = {r["id"]: r for r in second}
    missing = [r["id"] for r in first if r["id"] not in by_id]
    if missing or len(by_id) != len(first):
        raise ValueError(f"second labelling must cover the same ids as the first: {len(missing)} missing, "
                         f"{len(by_id)} labelled for {len(first)} (first missing: {missing[:1]})")
    merged = [dict(r, second=by_id[r["id"]]) for r in first]
    out = {"n": len(first)}
    for name, gold in DEFINITIONS.items():
        a, b = [gold(r) for r in merged], [gold(r["second"]) for r in merged]
        pr = weighted_pr(merged, population, lambda r, g=gold: g(r["second"]), gold)
        out[name] = {"agreement": round(float(np.mean(np.array(a) == np.array(b))), 4),
                     "kappa": round(cohen_kappa(a, b), 4), "positives": [int(sum(a)), int(sum(b))],
                     "second_vs_first": pr}
    return out


def phase_files(root: Path, phase: int) -> tuple[Path, Path]:
    return root / f"audit_phase{phase}.jsonl", root / f"audit_phase{phase}_design.json"


def _phase(root: Path, phase: int) -> tuple[list[dict], dict] | None:
    """(labelled rows, design) of a phase, or None when its files are missing."""
    labels, design = phase_files(root, phase)
    if not labels.exists() or not design.exists():
        return None
    return _load(labels), json.loads(design.read_text(encoding="utf-8"))


def _line(name: str, r: dict) -> str:
    return (f"| {name} | {r['precision']:.3f} [{r['precision_ci95'][0]:.3f}, {r['precision_ci95'][1]:.3f}] | "
            f"{r['recall']:.3f} [{r['recall_ci95'][0]:.3f}, {r['recall_ci95'][1]:.3f}] | "
            f"{r['sample_counts']['tp']} / {r['sample_counts']['fp']} / {r['sample_counts']['fn']} / "
            f"{r['sample_counts']['tn']} |")


def _pr(r: dict) -> str:
    return (f"P {r['precision']:.3f} [{r['precision_ci95'][0]:.3f}, {r['precision_ci95'][1]:.3f}], "
            f"R {r['recall']:.3f} [{r['recall_ci95'][0]:.3f}, {r['recall_ci95'][1]:.3f}]")


def _agreement_md(agreement: dict, phase: int, classifier: dict) -> str:
    rows = "\n".join(
        f"| {name} | {a['positives'][0]} / {a['positives'][1]} | {a['agreement']:.1%} | {a['kappa']:.3f} | "
        f"{a['second_vs_first']['precision']:.3f} / {a['second_vs_first']['recall']:.3f} |"
        for name, a in agreement.items() if name != "n")
    strict = agreement["provincial meeting report, dataset definition"]["second_vs_first"]
    return f"""

**Agreement between annotators.** Every article of phase {phase} was labelled a second time, blind to the first
labels and to the classifier, by other annotators (`audit_phase{phase}_second.jsonl`):

| definition | positives (first / second) | raw agreement | Cohen's kappa | second scored against first: P / R |
|---|---|---|---|---|
{rows}

Scored against the first labels with the target's metric, the second annotators reach precision
{strict['precision']:.3f} and recall {strict['recall']:.3f} on the provincial meeting report (dataset definition),
where the classifier reaches {classifier['precision']:.3f} and {classifier['recall']:.3f}: the labels are consistent,
and the gap to the target is the classifier's. Both labellings were made by annotator sessions of the same kind
working from the same guideline, so this measures how reproducible the labels are, not how much two people from
different backgrounds would differ."""


def evaluate_audit(annotations: Path | None = None, heldout_phase: int = HELDOUT_PHASE) -> dict | None:
    """The held-out phase's estimates (both definitions), the earlier rules' held-out history, and the card text."""
    root = Path(annotations) if annotations else ANNOTATIONS
    loaded = {phase: _phase(root, phase) for phase in sorted(PHASES)}
    if loaded.get(heldout_phase) is None:
        return None
    rows, population = loaded[heldout_phase][0], loaded[heldout_phase][1]["population"]
    prov = weighted_pr(rows, population, pred_provincial, gold_provincial_lead)
    meet = weighted_pr(rows, population, pred_meeting, gold_meeting_lead)
    prov_broad = weighted_pr(rows, population, pred_provincial, gold_provincial)
    meet_broad = weighted_pr(rows, population, pred_meeting, gold_meeting)
    agree = attribute_agreement(rows)
    ok = prov["precision"] >= TARGET["precision"] and prov["recall"] >= TARGET["recall"]
    fn_by_outcome: dict[str, float] = {}
    sampled = Counter(r["stratum"] for r in rows)
    for r in rows:
        if gold_provincial_lead(r) and not pred_provincial(r):
            per = population[r["stratum"]] / sampled[r["stratum"]]
            outcome = r["stratum"].split("/", 1)[1]
            fn_by_outcome[outcome] = fn_by_outcome.get(outcome, 0.0) + per
    fn_total = sum(fn_by_outcome.values()) or 1.0
    misses = ", ".join(f"{k} {v / fn_total:.0%}" for k, v in sorted(fn_by_outcome.items(), key=lambda kv: -kv[1]))

    history, phases_md = {}, []
    for phase, data in loaded.items():
        if data is None:
            continue
        labelled, design = data
        version = PHASES[phase]
        role = (f"held-out for rules {version}" + (" (the current rules)" if phase == heldout_phase else
                                                  "; its errors then guided the next version: development data"))\
            if version else "development sample"
        line = f"- phase {phase}: {len(labelled)} articles, `audit_phase{phase}.jsonl`, {role}"
        for ext in design.get("extensions", []):
            extra = ", ".join(f"{k} +{v} per source" for k, v in ext["extra_per_source"].items())
            line += f" (extended after labelling by {ext['drawn']} articles at random: {extra})"
        if version and phase != heldout_phase:
            h = {"strict": weighted_pr(labelled, design["population"], pred_provincial, gold_provincial_lead),
                 "broad": weighted_pr(labelled, design["population"], pred_provincial, gold_provincial)}
            history[f"rules_{version}"] = h
            line += f". Provincial, dataset definition: {_pr(h['strict'])}; broad: {_pr(h['broad'])}"
        phases_md.append(line + ".")
    n_dev = sum(len(data[0]) for phase, data in loaded.items() if data is not None and phase != heldout_phase)
    second_path = root / f"audit_phase{heldout_phase}_second.jsonl"
    agreement = annotator_agreement(rows, _load(second_path), population) if second_path.exists() else None
    agreement_md = _agreement_md(agreement, heldout_phase, prov) if agreement else ""
    phases_text = "\n".join(phases_md)
    md = f"""The classifier was audited by hand in {len(phases_md)} phase{'s' if len(phases_md) != 1 else ''}. Annotators read each sampled article (title, lead, start of
the body) and labelled it following `annotations/GUIDELINES.md`: meeting report or not, level, meeting type,
province, and whether the lead paragraph itself reports the meeting (`lead_reports_meeting`, added in phase 4 and
given to every earlier positive in a separate pass). Labels are stored as ids + labels + a short note (no article
text) in `annotations/`. Every phase is stratified over sources and classifier outcomes (phase 1: a keyword stratum,
drawn before the classifier existed), with its design in `audit_phase<N>_design.json`; each later phase excludes the
articles of the earlier ones:

{phases_text}

The rules were frozen before the held-out phase {heldout_phase} was drawn. Estimates are weighted by stratum (each
labelled article stands for N_h/n_h articles of its stratum), with 95% percentile-bootstrap intervals ({RESAMPLES:,}
resamples within strata, seed {SEED}).

**Dataset definition** (what the configs are meant to hold, and the target): a meeting report whose lead paragraph
itself reports the meeting, since the lead is the reference summary. **Broad**: any meeting report, including
articles whose lead is a claim or a quote and whose meeting is named only in the body; the rules read the title
and lead only and do not look for those.

| target | precision [95% CI] | recall [95% CI] | sample TP / FP / FN / TN |
|---|---|---|---|
{_line('provincial meeting report, dataset definition (config `provincial`)', prov)}
{_line('meeting report of any level, dataset definition (config `meetings`)', meet)}
{_line('provincial meeting report, broad', prov_broad)}
{_line('meeting report of any level, broad', meet_broad)}

Target for the provincial meeting report: precision >= {TARGET['precision']}, recall >= {TARGET['recall']}:
**{'met' if ok else 'not met'}** on the point estimates (dataset definition). Among the {agree['n']} articles that both
the annotators and the classifier call meeting reports, the level agrees in {agree['level']:.1%}, the meeting type in
{agree['meeting_type']:.1%}, and the province in
{agree['province'] if agree['province'] is None else f"{agree['province']:.1%}"} (of {agree['province_n']} with a gold
province). Where the estimated misses (weighted false negatives, dataset definition) come from, by classifier-outcome
stratum: {misses or 'none'}. The phases, and a comparison of the rules versions on one held-out sample (the fixes
suggested by each sample's errors did not carry over to the next), are in `annotations/AUDIT.md`.{agreement_md}"""
    return {"provincial": prov, "meetings": meet, "provincial_broad": prov_broad, "meetings_broad": meet_broad,
            "attributes": agree, "n": len(rows), "heldout_phase": heldout_phase, "n_development": n_dev,
            "history": history, "false_negatives_by_outcome": fn_by_outcome, "target": TARGET, "target_met": ok,
            "annotator_agreement": agreement,
            "markdown": md}
