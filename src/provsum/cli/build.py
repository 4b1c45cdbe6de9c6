"""provsum build: build the dataset from the source corpora."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("build", help="build the dataset (all configs and splits) from the source corpora")
    p.add_argument("--corpora", help="folder with the source archives or clones (default: $PROVSUM_CORPORA, "
                                     "else ../shared/corpora next to the repository)")
    p.add_argument("--out", default=None, help="dataset folder (default: dataset/ of the repository)")
    p.add_argument("--no-verify", action="store_true", help="do not check the archives' sha256")
    p.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.add_argument("--card-only", action="store_true",
                   help="only re-render the dataset card from the last build report and the current annotations")
    p.set_defaults(func=run)


def run(args) -> int:
    from rich.console import Console
    from rich.table import Table

    from provsum.data.build import SPLITS, build_dataset
    from provsum.data.load import default_dataset_dir

    out = args.out or default_dataset_dir()
    if args.card_only:
        from provsum.data.build import rewrite_card

        rewrite_card(out)
        print(f"rewrote {out}/README.md (and DATASET_CARD.md) from {out}/build_report.json")
        return 0
    report = build_dataset(args.corpora, out, verify_checksums=not args.no_verify, workers=args.workers,
                           progress=not args.quiet)
    console = Console()
    table = Table(title=f"ProvSum built in {out} ({report['seconds_total']} s)")
    table.add_column("config")
    for sp in SPLITS:
        table.add_column(sp, justify="right")
    table.add_column("hand-confirmed / labelled", justify="right")
    verification = (report.get("verification") or {}).get("by_config", {})
    for config, c in report["counts"].items():
        v = verification.get(config)
        confirmed = (f"{sum(v[sp]['true'] for sp in SPLITS):,} / {sum(v[sp]['true'] + v[sp]['false'] for sp in SPLITS):,}"
                     if v else "-")
        table.add_row(config, *[f"{c[sp]:,}" for sp in SPLITS], confirmed)
    console.print(table)
    skips = {}
    for s in report["sources"].values():
        for k, v in s["skips"].items():
            skips[k] = skips.get(k, 0) + v
    console.print(f"skipped files: {report['skips_total']:,} ({', '.join(f'{k} {v:,}' for k, v in sorted(skips.items()))}); "
                  f"duplicates removed: {report['dedup']['duplicates_removed']:,}; report: {out}/build_report.json")
    return 0
