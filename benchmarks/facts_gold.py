"""Gold key facts of the provincial test split: draft, apply hand corrections, evaluate the extractor.

    python benchmarks/facts_gold.py draft   --out /tmp/gold_draft.txt
        the extractor's facts for every reference lead, numbered, next to the lead (for reading;
        the draft holds article text, so it stays outside the repository)
    python benchmarks/facts_gold.py apply   --corrections annotations/gold_facts_corrections.txt
        extractor facts + hand corrections -> annotations/gold_facts.jsonl ("checked": true for
        every id that has a block in the corrections file, false for the others)
    python benchmarks/facts_gold.py eval
        precision / recall of the extractor against the checked gold, per type
        -> benchmarks/results/facts_extractor.{md,json}

Corrections file: one block per checked example, facts numbered as in the draft::

    @vietnews:data/test_tokenized/000123.txt.seg
    -2                                   delete fact 2 (not a fact, or not a key fact)
    ~3 h=ủy ban nhân dân;l=tỉnh;n=nghệ an  fact 3 gets this value
    +date|d=29;m=10|Ngày 29/10           add a fact the extractor missed: type|value|text

A block with no line means: checked, the extractor was right.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "annotations" / "gold_facts.jsonl"
CORRECTIONS = ROOT / "annotations" / "gold_facts_corrections.txt"
RESULTS = ROOT / "benchmarks" / "results"


def _records(config: str, split: str) -> list[dict]:
    from provsum.data.load import load_records

    return load_records(config, split)


def _extracted(lead: str) -> list[dict]:
    from provsum.facts.extract import extract_facts

    return [{"type": f.type, "value": f.value, "text": f.text} for f in extract_facts(lead)]


def draft(args) -> int:
    records = _records(args.config, args.split)
    if args.unchecked_only and Path(args.corrections).exists():
        done = set(parse_corrections(Path(args.corrections)))
        records = [r for r in records if r["id"] not in done]
    with open(args.out, "w", encoding="utf-8") as out:
        for r in records:
            out.write(f"@{r['id']}\n{r['summary']}\n")
            for i, f in enumerate(_extracted(r["summary"]), 1):
                out.write(f"  {i:2d} {f['type']:<8} {f['text']!r:<50} {f['value']}\n")
            out.write("\n")
    print(f"{len(records)} leads -> {args.out}")
    return 0


def corrections_version(path: Path) -> str | None:
    """The extractor version the corrections were written against (``# extractor_version: 1``)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# extractor_version:"):
            return line.split(":", 1)[1].strip()
    return None


def parse_corrections(path: Path) -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = {}
    current = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("  #", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@"):
            current = line[1:].strip()
            if current in blocks:
                sys.exit(f"{path}:{n}: block {current!r} appears twice")
            blocks[current] = []
        elif current is None:
            sys.exit(f"{path}:{n}: a correction before the first @id line")
        else:
            blocks[current].append(f"{n}\t{line.strip()}")
    return blocks


def apply_block(facts: list[dict], lines: list[str], where: str) -> list[dict]:
    from provsum.facts.normalize import FACT_TYPES

    facts = [dict(f) for f in facts]
    drop: set[int] = set()
    added = []
    for item in lines:
        n, line = item.split("\t", 1)
        op, rest = line[0], line[1:].strip()
        if op in "-~":
            num, _, value = rest.partition(" ")
            k = int(num) - 1
            if not 0 <= k < len(facts):
                sys.exit(f"{where}:{n}: no fact {num} (the extractor gave {len(facts)})")
            if op == "-":
                drop.add(k)
            else:
                facts[k]["value"] = value.strip()
                facts[k]["corrected"] = True
        elif op == "+":
            parts = rest.split("|")
            if len(parts) < 3 or parts[0] not in FACT_TYPES:
                sys.exit(f"{where}:{n}: expected +type|value|text, got {line!r}")
            ftype, text = parts[0], parts[-1]
            value = "|".join(parts[1:-1])
            added.append({"type": ftype, "value": value, "text": text, "added": True})
        else:
            sys.exit(f"{where}:{n}: unknown correction {line!r}")
    return [f for i, f in enumerate(facts) if i not in drop] + added


def apply(args) -> int:
    from provsum.facts.extract import EXTRACTOR_VERSION

    records = _records(args.config, args.split)
    wanted = corrections_version(Path(args.corrections))
    if wanted is not None and wanted != EXTRACTOR_VERSION:
        sys.exit(
            f"{args.corrections} numbers the facts of extractor version {wanted}, this is version "
            f"{EXTRACTOR_VERSION}: run apply with that version's package on PYTHONPATH (see annotations/GOLD_FACTS.md)"
        )
    blocks = parse_corrections(Path(args.corrections))
    known = {r["id"] for r in records}
    unknown = sorted(set(blocks) - known)
    if unknown:  # the split was rebuilt without them: a reported skip
        print(f"skipped {len(unknown)} corrected ids that are not in {args.config}/{args.split} "
              f"(first: {unknown[:3]})", file=sys.stderr)
    n_checked = 0
    gold_path = Path(args.gold)
    gold_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = gold_path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for r in records:
            facts = _extracted(r["summary"])
            checked = r["id"] in blocks
            if checked:
                facts = apply_block(facts, blocks[r["id"]], args.corrections)
                n_checked += 1
            rec = {"id": r["id"], "checked": checked, "extractor_version": EXTRACTOR_VERSION, "facts": facts}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.replace(gold_path)
    print(f"{len(records)} examples, {n_checked} checked by hand -> {gold_path}")
    return 0


def load_gold(path: Path = GOLD, checked_only: bool = True) -> dict[str, list[dict]]:
    gold = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec["checked"] or not checked_only:
                gold[rec["id"]] = rec["facts"]
    return gold


def evaluate(args) -> int:
    from provsum.facts.normalize import FACT_TYPES

    records = {r["id"]: r for r in _records(args.config, args.split)}
    gold = load_gold(Path(args.gold))
    if args.ids:
        keep = {line.strip() for line in Path(args.ids).read_text(encoding="utf-8").splitlines() if line.strip()}
        gold = {i: f for i, f in gold.items() if i in keep}
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in FACT_TYPES}
    for i, facts in gold.items():
        g = {(f["type"], f["value"]) for f in facts}
        p = {(f["type"], f["value"]) for f in _extracted(records[i]["summary"])}
        for t in FACT_TYPES:
            gt = {x for x in g if x[0] == t}
            pt = {x for x in p if x[0] == t}
            counts[t]["tp"] += len(gt & pt)
            counts[t]["fp"] += len(pt - gt)
            counts[t]["fn"] += len(gt - pt)
    rows = {}
    tot = {"tp": 0, "fp": 0, "fn": 0}
    for t, c in [*counts.items(), ("all", tot)]:
        if t != "all":
            for k in tot:
                tot[k] += c[k]
        prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else None
        rows[t] = {**c, "gold": c["tp"] + c["fn"], "precision": prec, "recall": rec}
    from provsum.facts.extract import EXTRACTOR_VERSION

    result = {
        "split": f"{args.config}/{args.split}",
        "examples_checked": len(gold),
        "examples_in_split": len(records),
        "extractor_version": EXTRACTOR_VERSION,
        "matching": "exact (type, normalized value) after de-duplication per lead",
        "note": args.note,
        "per_type": rows,
    }
    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    (results / f"{args.name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def pct(x):
        return "–" if x is None else f"{100 * x:.1f}"

    lines = [
        "# Fact extractor against the hand-checked gold",
        "",
        f"Split `{args.config}/{args.split}`: {len(gold)} of {len(records)} reference leads (checked by hand) evaluated "
        f"(`annotations/gold_facts.jsonl`, guideline in `annotations/GOLD_FACTS.md`). Extractor version "
        f"{EXTRACTOR_VERSION}. A predicted fact is correct when its type and normalized value equal a gold fact "
        "of the same lead (facts de-duplicated per lead).",
        "",
        f"Command: `python benchmarks/facts_gold.py eval --name {args.name}`",
        "",
        *([args.note, ""] if args.note else []),
        "| type | gold facts | extracted | correct | precision % | recall % |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for t, r in rows.items():
        lines.append(f"| {t} | {r['gold']} | {r['tp'] + r['fp']} | {r['tp']} | {pct(r['precision'])} | {pct(r['recall'])} |")
    (results / f"{args.name}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["draft", "apply", "eval"])
    ap.add_argument("--config", default="provincial")
    ap.add_argument("--split", default="test")
    ap.add_argument("--out", default="/tmp/gold_draft.txt")
    ap.add_argument("--corrections", default=str(CORRECTIONS))
    ap.add_argument("--unchecked-only", action="store_true", help="draft: only ids without a corrections block")
    ap.add_argument("--gold", default=str(GOLD), help="the gold JSONL written by apply, read by eval")
    ap.add_argument("--results", default=str(RESULTS), help="folder for <name>.{md,json}")
    ap.add_argument("--name", default="facts_extractor", help="file name of the eval results")
    ap.add_argument("--ids", default="", help="eval: only the ids listed in this file (one a line)")
    ap.add_argument("--note", default="", help="a sentence added to the markdown (e.g. how the extractor was tuned)")
    args = ap.parse_args(argv)
    return {"draft": draft, "apply": apply, "eval": evaluate}[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
