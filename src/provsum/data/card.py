"""The dataset card (``dataset/README.md`` and ``DATASET_CARD.md``): the hub's YAML header and
sections, filled from the build report. Nothing in it is typed by hand except the prose."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa

from provsum.data.build import CONFIGS, OUTPUT_FIELDS, SPLITS

FIELD_DOC = {
    "id": "stable id `<source>:<path of the file in the origin repository>`",
    "title": "article title (empty for most Thanh Niên articles in VNTC, which have none)",
    "document": "the article body, cleaned, one sentence per line (`\\n`)",
    "summary": "the article's own lead paragraph (sapo): the reference summary",
    "source": "`vietnews`, `baomoi2017`, `baomoi2013` or `vntc`",
    "outlet": "publishing outlet where the source records it (baomoi2013, VNTC), else null",
    "date": "ISO date where the source records it (baomoi2013), else null",
    "url": "derived baomoi.com article URL (`https://baomoi.com/c/<id>.epi`) for baomoi sources, else null",
    "category": "the source's topic/category where it has one",
    "level": "meeting level: provincial, district, commune, national or mixed (null in `news`)",
    "meeting_type": "hdnd_session, party_committee, people_committee, briefing, review, working_session, voter_contact, dialogue, congress, conference, other (null in `news`)",
    "province": "canonical province / centrally-run city (63, pre-2025) when identifiable, else null",
    "verified": "boolean: true when a hand label confirms that the article belongs to this config (a meeting report "
                "of this config's levels whose lead reports the meeting; in `news`, not a meeting report), false when "
                "the hand label says it does not, null when no one labelled it (see Annotations)",
}


def _size_category(n: int) -> str:
    for limit, name in [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")]:
        if n < limit:
            return name
    return "1M<n<10M"


def _yaml(report: dict, data_dir: Path | None) -> str:
    counts = report["counts"]
    lines = ["---", "language:", "- vi", "license: other", "license_name: research-use-only-source-text-copyrighted",
             "pretty_name: ProvSum — Vietnamese provincial meeting report summarization",
             "task_categories:", "- summarization", "task_ids:", "- news-articles-summarization",
             "tags:", "- vietnamese", "- meeting-reports", "- government", "size_categories:",
             f"- {_size_category(sum(counts['meetings'].values()) + sum(counts['news'].values()))}",
             "source_datasets:", "- extended|other-vietnews", "- extended|other-baomoi", "- extended|other-vntc",
             "configs:"]
    for config in CONFIGS:
        lines.append(f"- config_name: {config}")
        if config == "provincial":
            lines.append("  default: true")
        lines.append("  data_files:")
        for sp in SPLITS:
            if counts[config][sp]:
                lines += [f"  - split: {sp}", f"    path: data/{config}/{sp}-*.parquet"]
    lines.append("dataset_info:")
    for config in CONFIGS:
        lines += [f"- config_name: {config}", "  features:"]
        for name, type_ in OUTPUT_FIELDS:
            lines += [f"  - name: {name}", f"    dtype: {'bool' if type_ == pa.bool_() else 'string'}"]
        lines.append("  splits:")
        for sp in [sp for sp in SPLITS if counts[config][sp]]:
            f = (data_dir / config / f"{sp}-00000-of-00001.parquet") if data_dir else None
            nbytes = os.path.getsize(f) if f and f.exists() else 0
            lines += [f"  - name: {sp}", f"    num_bytes: {nbytes}", f"    num_examples: {counts[config][sp]}"]
    lines.append("---")
    return "\n".join(lines)


def _table(rows: list[list], header: list[str]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def _fmt(x) -> str:
    return f"{x:,}" if isinstance(x, int) else str(x)


def _verification_md(verification: dict | None) -> str:
    if not verification:
        return "_This build has no hand verification (no `annotations/` folder): `verified` is null throughout._"
    rows = []
    for config in CONFIGS:
        by = verification["by_config"][config]
        cells = []
        for sp in SPLITS:
            t, f, n = by[sp]["true"], by[sp]["false"], by[sp]["null"]
            cells.append(f"{t:,} / {f:,} / {n:,}")
        total = {k: sum(by[sp][k] for sp in SPLITS) for k in ("true", "false", "null")}
        labelled = total["true"] + total["false"]
        share = f"{total['true'] / labelled:.1%}" if labelled else "n/a"
        rows.append([f"`{config}`"] + cells + [f"{labelled:,} of {labelled + total['null']:,}", share])
    return f"""#### Hand verification (`verified`)

Every hand label in `annotations/` ({verification['hand_labelled_ids']:,} articles: the audit phases, and
`verify_provincial.jsonl` / `verify_meetings.jsonl`, which label every article of the `provincial` and `meetings`
configs that no audit phase had labelled) fills the `verified` column: true where the label confirms the article
belongs to its config, false where it does not, null where no one labelled it. The classifier alone decides which
config an article is in; `verified` lets you keep the confirmed examples
(`provsum.load_dataset("provincial", "test", verified_only=True)`, or filter on the column).

{_table(rows, ['config'] + [f'{sp}: true / false / null' for sp in SPLITS] + ['hand-labelled', 'confirmed'])}

In the `provincial` and `meetings` configs every example is hand-labelled, so "confirmed" there is the exact share of
the classifier's decisions that a reader confirms (a census, not a sample; it includes the audit articles the rules
were developed on). In `news` only the audit samples are labelled, and they over-represent articles near the
classifier's boundary, so its share is no estimate of the whole config."""


def render(report: dict, data_dir: Path | None = None) -> str:
    counts = report["counts"]
    prov = report["provincial"]
    dd = report["dedup"]
    src_rows = []
    for name, s in report["sources"].items():
        skips = ", ".join(f"{k} {v:,}" for k, v in s["skips"].items()) or "none"
        src_rows.append([name, s["origin"], _fmt(s["files"]), _fmt(s["articles"]), skips])
    split_rows = [[c] + [_fmt(counts[c][sp]) for sp in SPLITS] + [_fmt(sum(counts[c].values()))] for c in CONFIGS]
    level_rows = [[k, _fmt(v)] for k, v in prov["by_level"].items()]
    type_rows = [[k, _fmt(v)] for k, v in prov["by_meeting_type"].items()]
    # most frequent first (the report file stores keys sorted by name)
    prov_rows = [[k, _fmt(v)] for k, v in sorted(prov["by_province"].items(), key=lambda kv: (-kv[1], kv[0]))]
    len_rows = []
    for c, L in report["lengths"].items():
        for m, st in L.items():
            if st:
                len_rows.append([c, m, st["mean"], st["median"], st["p10"], st["p90"], st["max"]])
    audit = report.get("audit")
    if audit:
        audit_md = audit["markdown"]
    else:
        audit_md = "_No audit labels found in `annotations/`; precision and recall are not reported for this build._"
    repairs = {}
    for s in report["sources"].values():
        for k, v in s["repairs"].items():
            repairs[k] = repairs.get(k, 0) + v
    repair_md = ", ".join(f"{k}: {v:,} articles" for k, v in sorted(repairs.items())) or "none"
    fields_md = "\n".join(f"- `{name}`: {FIELD_DOC[name]}" for name, _ in OUTPUT_FIELDS)
    verification_md = _verification_md(report.get("verification"))
    skip_total = report["skips_total"]

    return f"""{_yaml(report, data_dir)}

# ProvSum: Vietnamese provincial meeting report summarization

<!-- Generated by `provsum build` from the build report; do not edit by hand. -->

## Dataset details

ProvSum collects Vietnamese news reports of **meetings held by provincial bodies** — hội nghị, giao ban,
kỳ họp HĐND, phiên họp UBND, sơ kết / tổng kết of a province's party committee, people's council, people's
committee or mass organisations (and of district and commune bodies, and national bodies meeting a
province). Each example pairs the article body (`document`) with the article's own lead paragraph, the
*sapo* (`summary`), which in this genre says who met, where, when and why. It is built by a script from four
public corpora; the repository distributes code, ids and labels only, never article text.

- **Curated by:** the ProvSum project · **Language:** Vietnamese (`vi`) · **Built with:** provsum {report['provsum_version']}
- **Configs:** `provincial` (default) — {CONFIGS['provincial']} `meetings` — {CONFIGS['meetings']} `news` — {CONFIGS['news']}

## Uses

**Intended:** training and evaluating summarization of Vietnamese provincial meeting reports (lead
generation); transfer from general news (`news`) to the meeting genre; studying factual consistency
(dates, bodies, places, figures) in generated leads; classifier research on meeting reports.

**Out of scope:** redistribution of the article text; any commercial use of the text (it is copyrighted
news, see below); treating the leads as neutral or complete accounts of the meetings; drawing conclusions about
provinces from the counts below (coverage follows what the source crawls happened to collect).

## Dataset structure

Fields (strings, null where unknown, but for the boolean `verified`):

{fields_md}

Examples per config and split:

{_table(split_rows, ['config'] + list(SPLITS) + ['total'])}

Splits are a pure function of the duplicate cluster: `{report['splits']['method']}`. Only one article of each
duplicate cluster is kept (the copy from the source with the most metadata: baomoi2013 > baomoi2017 > VNTC >
VietNews, then the smallest id), so no cluster spans two splits. The `provincial` test split holds
**{counts['provincial']['test']:,}** examples.

`provincial` by level:

{_table(level_rows, ['level', 'examples'])}

`provincial` by meeting type:

{_table(type_rows, ['meeting_type', 'examples'])}

`provincial` by province (name as the classifier found it in the lead, title or first body sentences):

{_table(prov_rows, ['province', 'examples'])}

Lengths in whitespace-separated syllables (`summary_words`, `document_words`) and sentences:

{_table(len_rows, ['config', 'measure', 'mean', 'median', 'p10', 'p90', 'max'])}

## Dataset creation

### Source data

{_table(src_rows, ['source', 'origin (repository @ commit)', 'files', 'articles kept after cleaning', 'skipped files (reason count)'])}

Every source archive's sha256 is checked against the registry in `src/provsum/data/sources.py`
(verified this build: {report['checksums_verified']}). {skip_total:,} files were skipped in all, each for a counted
reason (a few examples per reason are listed in `build_report.json`): `too_few_lines`/`too_few_blocks`
(a file with fewer lines or blocks than its format), `no_lead_marker` (Người Lao Động files in VNTC whose
title and lead run together with no `(NLĐ)-` marker, so no lead can be cut out), `short_summary` (lead under
10 words), `short_document` (body under 40 words or 2 sentences), `summary_in_document` (the lead still
appears verbatim in the body after cleaning), `empty_file`, `invalid_utf8`.

### Processing

1. **Readers** (`src/provsum/data/readers/`, one module per format) stream each archive without extracting it.
2. **Cleaning** (`clean.py`): VietNews word segmentation and tokenization undone (`Bình_Liêu` → `Bình Liêu`,
   `25/2 ,` → `25/2,`); baomoi run-together sentences repaired (`ma túy.Sau` → `ma túy. Sau`) without
   breaking `TP.HCM`, `3.000`, `10.5` or URLs; outlet prefixes dropped from leads (`(HNM) - `); the lead repeated
   at the start of a body, photo captions with a credit, lone dots, bylines and related-article links removed.
   Text is Unicode NFC, with the tone mark on the main vowel of open `oa`/`oe`/`uy` syllables (`hòa`, `khỏe`,
   `thủy`, `ủy`, not `hoà`, `khoẻ`, `thuỷ`, `uỷ`). Repairs made: {repair_md}.
3. **Classification** (`classify.py`, rules v5): transparent rules — a meeting cue in the lead's first sentence
   (or a statement made *at* a meeting later in the lead; a cue in the title alone is not enough, as the lead is
   the summary), exclusions (press conferences, trials, international and foreign meetings, business and sports
   events, visits with gifts, non-state events, interviews, previews of meetings still to come, meetings only
   mentioned, official letters, postponed sessions, crime and incident stories), a Vietnamese party/state/mass-organisation body as organiser; level
   (national when a national body organises or chairs), meeting type and province from the bodies and places
   named.
4. **Deduplication** (`dedup.py`): {dd['method']}. {dd['clusters']:,} clusters over {report['articles_cleaned']:,}
   cleaned articles; {dd['duplicates_removed']:,} duplicates removed ({dd['exact_merges']:,} exact and
   {dd['near_merges']:,} near-duplicate merges; {dd['cross_source_clusters']:,} clusters span two or more sources).
   VietNews train/test overlap: {dd['vietnews_train_test_clusters_before']:,} clusters held articles of both the
   original VietNews train and test splits before deduplication; after it, none (one copy per cluster).
5. **Splits and writing** (`splits.py`, `build.py`): deterministic, byte-identical rebuilds; atomic swap of the
   output folder.

### Annotations

{audit_md}

{verification_md}

## Bias, risks and limitations

- **Licence status.** The source repositories carry no licence for the text (VNTC's README says "License:
  Unknown"); the articles are copyrighted news. ProvSum distributes no text: users rebuild the dataset from
  their own copies of the public source repositories with `provsum build`. Use it for research only.
- **Coverage.** The sources are national and aggregator outlets of 2004–2007 (VNTC), 2013 and 2017 (baomoi) and
  the VietNews years; provincial papers, where most provincial meeting reports appear, are under-represented,
  and national bodies dominate the `meetings` config.
- **Labels are automatic.** Config membership, level, meeting type and province come from rules; their measured
  precision and recall are above. Every example of `provincial` and `meetings` also carries a hand label
  (`verified`), and some of them are not meeting reports of the config's kind (`verified` false): keep
  `verified` true for clean training or evaluation data. Province is null where the text does not name one.
- **Reference summaries are leads** written by journalists: they are not abstractive summaries in the strict sense
  and often carry facts (time, place, who chaired) that the body does not repeat.
- **Cleaning is heuristic**: some captions and glued sub-headings remain in documents.

## Citation

```bibtex
@misc{{provsum,
  title  = {{ProvSum: Vietnamese provincial meeting report summarization}},
  author = {{ProvSum contributors}},
  year   = {{2026}},
  note   = {{Dataset builder, scorer and baselines; built from VietNews (Nguyen et al. 2019), baomoi crawls and VNTC (Hoang et al. 2007)}}
}}
```
Please also cite the source corpora: VietNews (Nguyen, Van-Hau et al., 2019, *VNDS: A Vietnamese Dataset for
Summarization*) and VNTC (Hoang, Vu Cong Duy et al., 2007, *A comparative study on Vietnamese text classification
methods*).
"""


def write_card(report: dict, path: str | os.PathLike) -> None:
    path = Path(path)
    data_dir = path.parent / "data"
    text = render(report, data_dir if data_dir.exists() else None)
    part = path.with_name(path.name + ".part")
    part.write_text(text, encoding="utf-8")
    os.replace(part, path)


def render_from_report_file(report_path: str | os.PathLike) -> str:
    return render(json.loads(Path(report_path).read_text(encoding="utf-8")))
