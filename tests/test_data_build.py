"""The whole build on our own tiny corpora in every raw format."""

import hashlib
import json
from pathlib import Path

import pytest

from fixtures import raw_corpora as fx
from provsum.data import build as build_mod
from provsum.data.build import build_dataset
from provsum.data.load import load_dataset, load_records
from provsum.errors import ChecksumError, InputError, SourceMissingError


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*.parquet"))}


@pytest.fixture()
def archives(tmp_path):
    registry = fx.write_archives(tmp_path / "corpora")
    return tmp_path / "corpora", registry


def test_build_counts_skips_and_configs(archives, tmp_path):
    corpora, registry = archives
    out = tmp_path / "ds"
    report = build_dataset(corpora, out, sources=registry, workers=1, progress=False, log=None)
    assert report["skips_total"] == 4  # 2-block vietnews, 2-line baomoi2017, invalid utf-8, empty file
    skips = {n: s["skips"] for n, s in report["sources"].items()}
    assert skips["vietnews"] == {"too_few_blocks": 1}
    assert skips["baomoi2017"] == {"too_few_lines": 1}
    assert skips["baomoi2013"] == {"empty_file": 1, "invalid_utf8": 1}
    assert skips["vntc"] == {}
    # the VietNews train/test copy of the same article is one cluster
    assert report["dedup"]["vietnews_train_test_clusters_before"] == 1
    assert report["dedup"]["duplicates_removed"] == 1
    rows = {c: sum(report["counts"][c].values()) for c in report["counts"]}
    ids = {c: [r["id"] for sp in ("train", "validation", "test") for r in load_records(c, sp, out)] for c in rows}
    assert sorted(ids["provincial"]) == [
        "baomoi2013:data/11000001.txt", "baomoi2017:vn_news/data/21000001.txt",
        "vietnews:data/test_tokenized/000001.txt.seg", "vntc:Train_Full/Chinh tri Xa hoi/XH_TT_ (1).txt",
    ]
    assert set(ids["provincial"]) <= set(ids["meetings"])
    assert set(ids["meetings"]).isdisjoint(ids["news"])
    assert "vietnews:data/val_tokenized/000002.txt.seg" in ids["news"]
    assert "baomoi2017:vn_news/data/21000003.txt" in ids["news"]  # a press conference is news
    assert "vietnews:data/train_tokenized/000007.txt.seg" not in ids["meetings"] + ids["news"]  # the duplicate
    rec = next(r for sp in ("train", "validation", "test") for r in load_records("provincial", sp, out)
               if r["id"] == "baomoi2013:data/11000001.txt")
    assert (rec["level"], rec["meeting_type"], rec["province"], rec["date"], rec["outlet"]) == \
        ("provincial", "hdnd_session", "Hà Nội", "2013-07-03", "Hà Nội Mới")
    assert rec["url"] == "https://baomoi.com/c/11000001.epi"
    assert rec["summary"] not in rec["document"]
    card = (out / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\nlanguage:\n- vi\n")
    assert "config_name: provincial" in card and "task_categories:\n- summarization" in card
    assert json.loads((out / "build_report.json").read_text())["counts"] == report["counts"]


def test_rebuild_is_byte_identical(archives, tmp_path):
    corpora, registry = archives
    build_dataset(corpora, tmp_path / "a", sources=registry, workers=1, progress=False, log=None)
    build_dataset(corpora, tmp_path / "b", sources=registry, workers=2, progress=False, log=None)
    da, db = _digest(tmp_path / "a" / "data"), _digest(tmp_path / "b" / "data")
    assert da and da == db
    assert (tmp_path / "a" / "README.md").read_bytes() == (tmp_path / "b" / "README.md").read_bytes()


def test_failed_build_leaves_previous_output(archives, tmp_path, monkeypatch):
    corpora, registry = archives
    out = tmp_path / "ds"
    build_dataset(corpora, out, sources=registry, workers=1, progress=False, log=None)
    before = _digest(out / "data")
    card_before = (out / "README.md").read_bytes()
    calls = []

    real_write = build_mod.write_split

    def failing_write(writer, table):
        calls.append(table.num_rows)
        if len(calls) == 4:
            raise RuntimeError("disk full (simulated)")
        real_write(writer, table)

    monkeypatch.setattr(build_mod, "write_split", failing_write)
    with pytest.raises(RuntimeError, match="simulated"):
        build_dataset(corpora, out, sources=registry, workers=1, progress=False, log=None)
    assert _digest(out / "data") == before
    assert (out / "README.md").read_bytes() == card_before
    assert not (out / ".build-tmp").exists()


def test_checksum_mismatch_is_an_error_unless_no_verify(archives, tmp_path):
    corpora, registry = archives
    bad = dict(registry)
    bad["vntc"] = build_mod.Source(**{**registry["vntc"].__dict__, "sha256": "0" * 64})
    with pytest.raises(ChecksumError, match="vntc-d4352d5.tar.xz: sha256 .* does not match"):
        build_dataset(corpora, tmp_path / "x", sources=bad, workers=1, progress=False, log=None)
    report = build_dataset(corpora, tmp_path / "x", sources=bad, workers=1, progress=False, log=None,
                           verify_checksums=False)
    assert report["checksums_verified"] is False


def test_truncated_archive_names_the_file(archives, tmp_path):
    corpora, registry = archives
    path = corpora / registry["vietnews"].archive
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"vietnews-a20d9b7\.tar\.xz: corrupt or truncated archive of source 'vietnews'"):
        build_dataset(corpora, tmp_path / "x", sources=registry, workers=1, progress=False, log=None,
                      verify_checksums=False)


def test_missing_source_says_how_to_get_it(tmp_path):
    with pytest.raises(SourceMissingError, match=r"git clone https://github.com/ThanhChinhBK/vietnews vietnews && git -C vietnews checkout a20d9b7f"):
        build_dataset(tmp_path / "nothing", tmp_path / "x", workers=1, progress=False, log=None)


def test_build_from_clones_and_load_with_datasets(tmp_path):
    clones = fx.write_clones(tmp_path / "clones")
    out = tmp_path / "ds"
    report = build_dataset(clones, out, workers=1, progress=False, log=None)
    import datasets

    total = 0
    for config in ("provincial", "meetings", "news"):
        dd = datasets.load_dataset(str(out), config)
        assert {sp: len(dd[sp]) for sp in dd} == {sp: k for sp, k in report["counts"][config].items() if k}  # no empty split
        total += sum(len(dd[s]) for s in dd) if config != "provincial" else 0
        assert dd["train"].column_names[:4] == ["id", "title", "document", "summary"]
    assert total == 8
    assert len(load_dataset("meetings", "train", out)) + len(load_dataset("meetings", "validation", out)) + \
        len(load_dataset("meetings", "test", out)) == 4


def test_verified_column_from_hand_labels(archives, tmp_path):
    corpora, registry = archives
    labels = tmp_path / "annotations"
    labels.mkdir()
    rows = [{"id": "baomoi2013:data/11000001.txt", "is_meeting_report": True, "level": "provincial",
             "lead_reports_meeting": True},
            {"id": "vietnews:data/test_tokenized/000001.txt.seg", "is_meeting_report": False, "level": None,
             "lead_reports_meeting": None},
            {"id": "baomoi2017:vn_news/data/21000003.txt", "is_meeting_report": False, "level": None,
             "lead_reports_meeting": None}]
    (labels / "verify_provincial.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "ds"
    report = build_dataset(corpora, out, sources=registry, workers=1, progress=False, log=None, annotations=labels)
    got = {c: {r["id"]: r["verified"] for sp in ("train", "validation", "test") for r in load_records(c, sp, out)}
           for c in ("provincial", "meetings", "news")}
    assert got["provincial"]["baomoi2013:data/11000001.txt"] is True
    assert got["meetings"]["baomoi2013:data/11000001.txt"] is True
    assert got["provincial"]["vietnews:data/test_tokenized/000001.txt.seg"] is False  # rejected by the hand label
    assert got["news"]["baomoi2017:vn_news/data/21000003.txt"] is True  # the press conference: confirmed news
    assert got["provincial"]["baomoi2017:vn_news/data/21000001.txt"] is None  # nobody labelled it
    by = report["verification"]["by_config"]
    assert sum(by["provincial"][sp]["true"] for sp in by["provincial"]) == 1
    assert sum(by["provincial"][sp]["false"] for sp in by["provincial"]) == 1
    assert sum(by["provincial"][sp]["null"] for sp in by["provincial"]) == 2
    assert report["verification"]["hand_labelled_ids"] == 3
    confirmed = [r["id"] for sp in ("train", "validation", "test")
                 for r in load_records("provincial", sp, out, verified_only=True)]
    assert confirmed == ["baomoi2013:data/11000001.txt"]
    assert [r["id"] for sp in ("train", "validation", "test")
            for r in load_dataset("provincial", sp, out, verified_only=True)] == confirmed
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "#### Hand verification (`verified`)" in card and "  - name: verified\n    dtype: bool" in card


def test_build_cli_prints_counts_and_hand_confirmed(archives, tmp_path, monkeypatch, capsys):
    from provsum.cli import main

    corpora, registry = archives
    monkeypatch.setattr(build_mod, "SOURCES", registry)
    out = tmp_path / "ds"
    assert main(["build", "--corpora", str(corpora), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    assert "hand-confirmed / labelled" in printed
    # the repository's hand labels do not name the fixture's articles: nothing labelled
    assert "provincial │ " in printed and "│ 0 / 0 │" in printed
    assert "skipped files: 4" in printed and "duplicates removed: 1" in printed
