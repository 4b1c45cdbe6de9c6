"""Integration: the dataset built from ../shared/corpora (or $PROVSUM_CORPORA), loaded with `datasets`."""

import json

import pytest

pytestmark = pytest.mark.integration

CONFIGS = ("provincial", "meetings", "news")


def test_every_config_loads_offline_with_datasets(built_dataset):
    import datasets

    report = json.loads((built_dataset / "build_report.json").read_text())
    for config in CONFIGS:
        dd = datasets.load_dataset(str(built_dataset), config)
        assert {sp: len(dd[sp]) for sp in dd} == report["counts"][config]
        assert dd["test"].column_names == ["id", "title", "document", "summary", "source", "outlet", "date", "url",
                                           "category", "level", "meeting_type", "province", "verified"]
    assert report["counts"]["provincial"]["test"] >= 300


def test_no_id_or_cluster_crosses_splits_and_no_verbatim_lead(built_dataset):
    from provsum.data.dedup import exact_key
    from provsum.data.load import load_records

    seen: dict[str, str] = {}
    keys: dict[int, str] = {}
    for config in ("meetings", "news"):
        for split in ("train", "validation", "test"):
            for rec in load_records(config, split, built_dataset):
                assert rec["id"] not in seen
                seen[rec["id"]] = split
                k = exact_key(rec["document"])
                assert keys.setdefault(k, split) == split, rec["id"]
                assert rec["summary"] and rec["document"]
                assert rec["summary"] not in rec["document"], rec["id"]
                if config == "meetings":
                    assert rec["level"] in {"provincial", "district", "commune", "national", "mixed"}
    provincial = {r["id"] for sp in ("train", "validation", "test") for r in load_records("provincial", sp, built_dataset)}
    assert provincial and all(seen[i] for i in provincial)


def test_report_counts_skips_and_overlap(built_dataset):
    report = json.loads((built_dataset / "build_report.json").read_text())
    assert report["checksums_verified"] is True
    assert set(report["sources"]) == {"vietnews", "baomoi2017", "baomoi2013", "vntc"}
    assert report["sources"]["vietnews"]["files"] == 150704
    assert report["sources"]["baomoi2017"]["skips"]["too_few_lines"] > 0
    assert report["dedup"]["vietnews_train_test_clusters_before"] > 0
    assert report["dedup"]["vietnews_train_test_clusters_after"] == 0
    card = " ".join((built_dataset / "README.md").read_text(encoding="utf-8").split())
    assert f"holds **{report['counts']['provincial']['test']:,}** examples" in card


def test_every_meeting_report_is_hand_labelled(built_dataset):
    """The verification files cover the configs the classifier builds: if the rules change which articles are
    meeting reports, the new ones must be labelled too (annotations/GUIDELINES.md) before this passes again."""
    report = json.loads((built_dataset / "build_report.json").read_text())
    by = report["verification"]["by_config"]
    for config in ("provincial", "meetings"):
        for split, c in by[config].items():
            assert c["null"] == 0, (config, split, c)
            assert c["true"] + c["false"] == report["counts"][config][split]
    assert sum(c["true"] for c in by["provincial"].values()) == 1081
