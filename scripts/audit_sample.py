#!/usr/bin/env python
"""Draw an audit sample of the meeting-report classifier from the built dataset (phases 3-6; phase 1 was drawn
by provsum.data.audit before the classifier existed).

Strata: source x classifier outcome (provincial / national meeting / news with a meeting keyword in the
title or lead / from phase 4, news with one only in the first two body sentences / news with one only in the
first five / other news). From phase 5 the outcome is that of the current rules, computed here, so a sample for
new rules needs no rebuild. Articles labelled in earlier phases are excluded. Writes the design (population and
sample sizes per stratum, seed) to annotations/audit_phase<N>_design.json and the texts to annotate to
OUT_DIR/batch_<k>.jsonl (outside the repository: article text is never committed).

    python scripts/audit_sample.py /tmp/audit6 --phase 6 --batches 5
    python scripts/audit_sample.py /tmp/audit6b --phase 6 --extend news_keyword=60 --batches 3

``--extend STRATUM=K`` adds K more articles per source of that stratum to a phase already drawn (and labelled),
at random among the articles not yet sampled, with a seed of its own: the union is still a simple random sample
of each stratum, so the design's sample counts are updated and the estimator is unchanged. It narrows the interval
of a stratum that holds most of the estimated misses.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

from provsum.data.audit import MEETING_KEYWORDS, draw_records
from provsum.data.classify import PROVINCIAL_LEVELS, classify
from provsum.data.load import load_records

REPO = Path(__file__).resolve().parents[1]
# phase -> (seed, articles per (source, stratum), labelled phases excluded, design file)
PHASES = {
    # held-out for rules v2
    3: (20261128, {"provincial": 40, "national": 10, "news_keyword": 25, "news_body": 20, "news_none": 10},
        (1, 2), "audit_phase3_design.json"),
    # development round for the learned classifier (v3): rich in the hard cases, where the meeting is
    # only named in the first body sentences ("Tại hội nghị ... ngày 5/3, ông X cho biết ...")
    4: (20261201, {"provincial": 30, "national": 10, "news_keyword": 30, "news_body_first": 50,
                   "news_body": 25, "news_none": 8},
        (1, 2, 3), "audit_phase4_design.json"),
    # held-out for rules v3, stratified by their outcome (computed here, so no rebuild is needed)
    5: (20261202, {"provincial": 45, "national": 10, "news_keyword": 30, "news_body_first": 15,
                   "news_body": 8, "news_none": 8},
        (1, 2, 3, 4), "audit_phase5_design.json"),
    # held-out for rules v4 (phase 5 guided them)
    6: (20261203, {"provincial": 45, "national": 10, "news_keyword": 30, "news_body_first": 15,
                   "news_body": 8, "news_none": 8},
        (1, 2, 3, 4, 5), "audit_phase6_design.json"),
    # held-out for rules v5 (phase 6 guided them), with more news_keyword articles from the start
    7: (20261204, {"provincial": 45, "national": 10, "news_keyword": 75, "news_body_first": 15,
                   "news_body": 8, "news_none": 8},
        (1, 2, 3, 4, 5, 6), "audit_phase7_design.json"),
}


def outcome(rec: dict, config: str, phase: int) -> str:
    if config == "meetings":
        return "provincial" if rec["level"] in PROVINCIAL_LEVELS else "national"
    if MEETING_KEYWORDS.search(f"{rec['title']}\n{rec['summary']}".lower()):
        return "news_keyword"
    lines = rec["document"].split("\n")
    if phase >= 4 and MEETING_KEYWORDS.search("\n".join(lines[:2]).lower()):
        return "news_body_first"
    return "news_body" if MEETING_KEYWORDS.search("\n".join(lines[:5]).lower()) else "news_none"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("--batches", type=int, default=4)
    ap.add_argument("--phase", type=int, default=max(PHASES), choices=sorted(PHASES))
    ap.add_argument("--extend", action="append", default=[], metavar="STRATUM=K",
                    help="add K articles per source of STRATUM to the already drawn phase")
    args = ap.parse_args()
    seed, plan, excluded_phases, design_file = PHASES[args.phase]
    prior_design = None
    if args.extend:
        prior_design = json.loads((REPO / "annotations" / design_file).read_text(encoding="utf-8"))
        n_ext = len(prior_design.get("extensions", []))
        seed = seed + 100 * (n_ext + 1)
        plan = {stratum: 0 for stratum in plan}
        for item in args.extend:
            stratum, k = item.split("=")
            plan[stratum] = int(k)
    label_files = {p: f"audit_phase{p}.jsonl" for p in range(1, max(PHASES) + 1)}
    excluded = {json.loads(line)["id"] for p in excluded_phases
                for line in (REPO / "annotations" / label_files[p]).open(encoding="utf-8")}
    population: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for config in ("meetings", "news"):
        for split in ("train", "validation", "test"):
            for rec in load_records(config, split):
                if rec["id"] in excluded:
                    continue
                if args.phase >= 5:  # the current rules' outcome, not that of the build being read
                    label = classify(rec["title"], rec["summary"], rec["document"], rec["outlet"])
                    rec.update(level=label.level, meeting_type=label.meeting_type, province=label.province)
                    config = "meetings" if label.is_meeting_report else "news"
                population[(rec["source"], outcome(rec, config, args.phase))].append(rec)
    drawn = set()
    if prior_design is not None:  # the phase's own labelled articles are drawn already
        drawn = {json.loads(line)["id"] for line in
                 (REPO / "annotations" / label_files[args.phase]).open(encoding="utf-8")}
    sample, sizes, new_counts = draw_records(population, plan, seed, drawn)
    if prior_design is None:
        design = {"phase": args.phase, "seed": seed, "plan": plan, "population": sizes, "sample": new_counts,
                  "excluded": f"articles labelled in phases {', '.join(map(str, excluded_phases))}"}
    else:
        if sizes != prior_design["population"]:
            raise SystemExit(f"the population of phase {args.phase} changed since it was drawn (dataset or rules "
                             "rebuilt?): extending it would mix two designs")
        design = prior_design
        design["sample"] = {h: design["sample"].get(h, 0) + new_counts.get(h, 0) for h in sizes}
        design.setdefault("extensions", []).append({"seed": seed, "extra_per_source": {
            s: k for s, k in plan.items() if k}, "drawn": sum(new_counts.values())})
    (REPO / "annotations" / design_file).write_text(json.dumps(design, ensure_ascii=False, indent=2) + "\n",
                                                             encoding="utf-8")
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    order = list(range(len(sample)))
    random.Random(seed + 1).shuffle(order)
    strata = {}
    for b in range(args.batches):
        with open(out / f"batch_{b}.jsonl", "w", encoding="utf-8") as f:
            for i in order[b:: args.batches]:
                rec, key = sample[i]
                strata[rec["id"]] = {"stratum": "/".join(key), "predicted": {
                    "level": rec["level"], "meeting_type": rec["meeting_type"], "province": rec["province"]}}
                head = "\n".join(rec["document"].split("\n")[:8])[:1500]
                f.write(json.dumps({"id": rec["id"], "title": rec["title"], "lead": rec["summary"], "body_start": head,
                                    "outlet": rec["outlet"], "category": rec["category"]}, ensure_ascii=False) + "\n")
    (out / "strata.json").write_text(json.dumps(strata, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(sample)} articles in {args.batches} batches under {out}; design in annotations/{design_file}")


if __name__ == "__main__":
    main()
