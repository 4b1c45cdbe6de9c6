#!/usr/bin/env python
"""Would a learned classifier beat the rules? Leave-one-phase-out on the hand-audit labels.

    python benchmarks/classifier_learned.py [--dataset DIR] [--quick]

Every audit phase (``annotations/audit_phase<N>.jsonl``) is held out in turn; a model is trained on the labels of
all other phases and scored on the held-out one with the same stratum-weighted precision / recall as the card
(``provsum.data.audit_eval``), gold = provincial meeting report, dataset definition. Reported: phase 7 (the only
phase no version of the rules has seen; a model trained on phases 1-6), and the mean over the seven held-out
phases (for the rules, phases 1-6 are their own development data, so their mean is an optimistic in-sample figure).

Models (scikit-learn, the ``bench`` extra):
- ``rules``: ``provsum.data.classify`` as shipped (v5);
- ``lr``: logistic regression (C=0.3, weights sqrt(N_h/n_h)) on the rules' own signals (decision, reason, level,
  type, cues, bodies, at-meeting, date start) and word uni/bigrams of the title and of the lead's first sentence,
  unigrams of the rest of the lead;
- ``lr_text``: the same without the rules' signals (bag of words only);
- ``gbt``: histogram gradient boosting (150 rounds, 15 leaves) on the 300 most frequent of the ``lr`` features;
- a learning curve of ``lr`` on 25 / 50 / 75 / 100% of the training labels.

Reads the articles' text from the built dataset (``$PROVSUM_DATASET`` or ``dataset/``). Writes
``benchmarks/results/classifier_learned.md`` and ``.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import warnings
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
THRESHOLDS = (0.3, 0.5, 0.7)
SEED = 0
WORD = re.compile(r"[^\W\d_]+|\d+")
DATE_START = re.compile(r"^\s*(?:\(?[^\s,]{0,20}\)?\s*[-–]\s*)?(?:(?:sáng|chiều|tối|trưa|ngày|hôm|đêm)"
                        r"(?: nay| qua| hôm qua)?\s*(?:\(?\d{1,2}\s*[/-]\s*\d{1,2}|\d{1,2})|trong (?:hai |2 |ba |3 )?ngày)",
                        re.IGNORECASE)


def labelled_rows(annotations: Path) -> list[dict]:
    """The audit phases' labelled articles (the verification passes have no stratum design: left out)."""
    from provsum.training.classifier import labelled_rows as all_rows

    return [r for r in all_rows(annotations) if r["phase"] is not None]


def _grams(text: str, prefix: str, out: dict, bigrams: bool = True) -> None:
    toks = WORD.findall(text.lower())
    for t in toks:
        out[prefix + t] = 1
    if bigrams:
        for a, b in zip(toks, toks[1:]):
            out[prefix + a + "_" + b] = 1


def features(a: dict, rules: bool = True) -> dict:
    from provsum.data import classify as C
    from provsum.data.audit import MEETING_KEYWORDS

    title, lead = a["title"], a["summary"]
    head = C.first_sentence(lead)
    f: dict = {"src:" + a["source"]: 1}
    _grams(title, "t:", f)
    _grams(head, "h:", f)
    _grams(lead[len(head):], "l:", f, bigrams=False)
    if not rules:
        return f
    lab = C.classify(title, lead, a["document"], a.get("outlet"))
    f["rule:" + lab.reason.split(":")[0]] = 1
    f["rule_prov"], f["rule_meet"] = int(lab.is_provincial), int(lab.is_meeting_report)
    if lab.is_meeting_report:
        f[f"rule_level:{lab.level}"] = f[f"rule_type:{lab.meeting_type}"] = 1
    for name, text in (("t", title), ("h", head), ("l", lead)):
        v = C.VENUES.sub(" ", text)
        cue = C._cue(v)
        if cue:
            f[f"cue_{name}:{cue}"] = 1
        if C.AT_MEETING.search(v):
            f[f"at_meeting:{name}"] = 1
        if MEETING_KEYWORDS.search(v.lower()):
            f[f"kw:{name}"] = 1
        for _pos, level in C._bodies(v)[:3]:
            f[f"body_{name}:{level}"] = 1
    if DATE_START.search(lead):
        f["date_start"] = 1
    return f


def weighted(pred: np.ndarray, y: np.ndarray, w: np.ndarray, mask: np.ndarray) -> tuple[float, float]:
    tp = float((w * (pred & y) * mask).sum())
    fp = float((w * (pred & ~y) * mask).sum())
    fn = float((w * (~pred & y) * mask).sum())
    return (tp / (tp + fp) if tp + fp else float("nan")), (tp / (tp + fn) if tp + fn else float("nan"))


def leave_one_phase_out(X: list[dict], y, w, ph, model: str, frac: float = 1.0, seed: int = SEED) -> np.ndarray:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(seed)
    prob = np.zeros(len(y))
    for phase in sorted(set(ph)):
        train = (ph != phase) & (rng.random(len(y)) < frac)
        test = ph == phase
        vec = DictVectorizer()
        Xtr = vec.fit_transform([x for x, m in zip(X, train) if m])
        Xte = vec.transform([x for x, m in zip(X, test) if m])
        if model == "gbt":
            keep = np.argsort(-np.asarray(Xtr.sum(0)).ravel(), kind="stable")[:300]
            clf = HistGradientBoostingClassifier(learning_rate=0.1, max_iter=150, max_leaf_nodes=15,
                                                 l2_regularization=1.0, random_state=seed)
            clf.fit(Xtr[:, keep].toarray(), y[train], sample_weight=np.sqrt(w[train]))
            prob[test] = clf.predict_proba(Xte[:, keep].toarray())[:, 1]
        else:
            clf = LogisticRegression(C=0.3, max_iter=5000)
            clf.fit(Xtr, y[train], sample_weight=np.sqrt(w[train]))
            prob[test] = clf.predict_proba(Xte)[:, 1]
    return prob


def summary(pred, y, w, ph) -> dict:
    per = {int(p): weighted(pred, y, w, ph == p) for p in sorted(set(ph))}
    last = max(per)
    return {"heldout_last_phase": {"phase": last, "precision": round(per[last][0], 3), "recall": round(per[last][1], 3)},
            "mean_over_phases": {"precision": round(float(np.nanmean([v[0] for v in per.values()])), 3),
                                 "recall": round(float(np.nanmean([v[1] for v in per.values()])), 3)},
            "per_phase": {p: [round(v[0], 3), round(v[1], 3)] for p, v in per.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default=None, help="built dataset folder (default: $PROVSUM_DATASET or dataset/)")
    ap.add_argument("--quick", action="store_true", help="skip gradient boosting and the learning curve")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    from provsum.data import classify as C
    from provsum.data.load import default_dataset_dir
    from provsum.training.classifier import labelled_articles

    dataset = Path(args.dataset) if args.dataset else default_dataset_dir()
    rows = labelled_rows(REPO / "annotations")
    arts = labelled_articles(dataset, {r["id"] for r in rows})
    missing = [r["id"] for r in rows if r["id"] not in arts]
    rows = [r for r in rows if r["id"] in arts]
    print(f"{len(rows)} labelled articles found in {dataset} ({len(missing)} labelled ids not in this build: "
          "merged into a duplicate cluster by a later build, skipped)")
    y = np.array([r["y"] for r in rows])
    w = np.array([r["w"] for r in rows])
    ph = np.array([r["phase"] for r in rows])
    results = {"rules": summary(np.array([C.classify(arts[r["id"]]["title"], arts[r["id"]]["summary"],
                                                     arts[r["id"]]["document"], arts[r["id"]]["outlet"]).is_provincial
                                          for r in rows]), y, w, ph)}
    X = [features(arts[r["id"]]) for r in rows]
    Xtext = [features(arts[r["id"]], rules=False) for r in rows]
    models = [("lr", X), ("lr_text", Xtext)] + ([] if args.quick else [("gbt", X)])
    for name, feats in models:
        prob = leave_one_phase_out(feats, y, w, ph, name if name == "gbt" else "lr")
        for th in THRESHOLDS:
            results[f"{name}@{th}"] = summary(prob >= th, y, w, ph)
        print(name, "done", flush=True)
    curve = {}
    if not args.quick:
        for frac in (0.25, 0.5, 0.75, 1.0):
            runs = [summary(leave_one_phase_out(X, y, w, ph, "lr", frac, seed) >= 0.5, y, w, ph)["mean_over_phases"]
                    for seed in (range(3) if frac < 1 else range(1))]
            curve[frac] = {k: round(float(np.mean([r[k] for r in runs])), 3) for k in ("precision", "recall")}
    out = {"n_labelled": len(rows), "n_missing": len(missing), "gold": "provincial meeting report, dataset definition",
           "results": results, "learning_curve_lr_0.5": curve}
    res_dir = REPO / "benchmarks" / "results"
    res_dir.mkdir(parents=True, exist_ok=True)
    (res_dir / "classifier_learned.json").write_text(json.dumps(out, indent=2) + "\n")
    last = results["rules"]["heldout_last_phase"]["phase"]
    lines = ["# Learned classifiers against the rules (leave one audit phase out)", "",
             f"{len(rows)} labelled articles, gold = provincial meeting report (dataset definition); stratum-weighted "
             f"precision / recall as in the card. `python benchmarks/classifier_learned.py`.", "",
             f"| model | phase {last} P / R (held out) | mean of per-phase P / R |", "|---|---|---|"]
    for name, r in results.items():
        a, m = r["heldout_last_phase"], r["mean_over_phases"]
        lines.append(f"| {name} | {a['precision']:.3f} / {a['recall']:.3f} | {m['precision']:.3f} / {m['recall']:.3f} |")
    if curve:
        lines += ["", "Learning curve (`lr` at 0.5, share of the training labels kept; mean of per-phase P / R):", "",
                  "| labels kept | P | R |", "|---|---|---|"]
        lines += [f"| {int(k * 100)}% | {v['precision']:.3f} | {v['recall']:.3f} |" for k, v in curve.items()]
    lines += ["", "For the rules the mean includes their own development phases (1-6): in-sample. Target: precision "
              ">= 0.90 and recall >= 0.80 together."]
    (res_dir / "classifier_learned.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
