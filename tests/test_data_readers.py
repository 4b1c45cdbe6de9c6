from pathlib import Path

import pytest

from fixtures import raw_corpora as fx
from provsum.data.readers import RawArticle, Skip, iter_raw
from provsum.data.readers import baomoi2013, baomoi2017, vietnews, vntc
from provsum.data.sources import SOURCES, locate


def test_vietnews_blocks():
    a = vietnews.parse("data/test_tokenized/000001.txt.seg", fx.VN_MEETING.encode())
    assert a.id == "vietnews:data/test_tokenized/000001.txt.seg"
    assert a.title == "Giao_ban công_tác dân_vận 9 tháng đầu năm"
    assert a.lead.startswith("Ngày 29/10 , tại huyện Bình_Liêu")
    assert len(a.body) == 5
    assert a.extra["captions"] == ["Quang_cảnh hội_nghị ."]
    assert a.extra["original_split"] == "test"


def test_vietnews_too_few_blocks():
    with pytest.raises(Skip) as e:
        vietnews.parse("data/test_tokenized/000003.txt.seg", fx.VN_TWO_BLOCKS.encode())
    assert e.value.reason == "too_few_blocks"
    assert "000003" in e.value.detail


def test_baomoi2017_lines_and_url():
    a = baomoi2017.parse("vn_news/data/21000001.txt", fx.BM17_MEETING.encode())
    assert a.title == "Đà Nẵng: Sơ kết công tác 6 tháng đầu năm"
    assert a.url == "https://baomoi.com/c/21000001.epi"
    assert len(a.body) == 1
    with pytest.raises(Skip) as e:
        baomoi2017.parse("vn_news/data/21000002.txt", fx.BM17_TWO_LINES.encode())
    assert e.value.reason == "too_few_lines"


def test_baomoi2013_metadata():
    a = baomoi2013.parse("data/11000001.txt", fx.BM13_MEETING.encode())
    assert a.date == "2013-07-03"
    assert a.outlet == "Hà Nội Mới"
    assert a.category == "Xã hội"
    assert a.extra["tags"] == ["HĐND", "Hà Nội", "Kỳ họp"]
    assert baomoi2013.parse_date("29/05/13 07:47 GMT+7") == "2013-05-29"
    assert baomoi2013.parse_date("not a date") is None


@pytest.mark.parametrize("data,reason", [(b"", "empty_file"), (b"\xff\xfe\xfa" * 10, "invalid_utf8")])
def test_bad_bytes_are_counted_skips(data, reason):
    with pytest.raises(Skip) as e:
        baomoi2013.parse("data/x.txt", data)
    assert e.value.reason == reason


def test_vntc_layouts():
    tt = vntc.parse("Train_Full/Chinh tri Xa hoi/XH_TT_ (1).txt", fx.FILES["vntc"]["Train_Full/Chinh tri Xa hoi/XH_TT_ (1).txt"])
    assert (tt.title, tt.outlet, tt.category) == ("Tỉnh ủy Cần Thơ tổng kết năm", "Tuổi Trẻ", "Chinh tri Xa hoi")
    nld = vntc.parse("Test_Full/Kinh doanh/KD_NLD_T_ (2).txt", fx.FILES["vntc"]["Test_Full/Kinh doanh/KD_NLD_T_ (2).txt"])
    assert nld.title == "Giá vàng tăng mạnh"
    assert nld.lead.startswith("Sáng 2-4, giá vàng")
    tn = vntc.parse("Train_Full/Doi song/DS_TN_ (3).txt", fx.FILES["vntc"]["Train_Full/Doi song/DS_TN_ (3).txt"])
    assert tn.title == "" and tn.lead.startswith("Ngày 15-3") and len(tn.body) == 2
    with pytest.raises(Skip) as e:
        vntc.parse("Train_Full/X/XH_NLD_ (9).txt", b"\xff\xfe" + "Tiêu đề và sapo dính nhau\r\nThân bài".encode("utf-16-le"))
    assert e.value.reason == "no_lead_marker"


def test_iter_raw_from_clone_and_archive_agree(tmp_path: Path):
    clones = fx.write_clones(tmp_path / "clones")
    registry = fx.write_archives(tmp_path / "archives")
    for name in fx.FILES:
        kind, loc = locate(SOURCES[name], clones)
        assert kind == "dir"
        from_dir = [(rel, a.id if isinstance(a, RawArticle) else a.reason) for rel, a in iter_raw(SOURCES[name], kind, loc)]
        kind2, loc2 = locate(registry[name], tmp_path / "archives")
        assert kind2 == "archive"
        from_tar = sorted((rel, a.id if isinstance(a, RawArticle) else a.reason) for rel, a in iter_raw(registry[name], kind2, loc2))
        assert from_dir == from_tar
        assert len(from_dir) == len(fx.FILES[name])


@pytest.mark.parametrize("fmt", [__import__("tarfile").PAX_FORMAT, __import__("tarfile").GNU_FORMAT])
def test_fast_tar_reader_matches_tarfile_on_long_names(tmp_path, fmt):
    import io
    import tarfile

    from provsum.data.readers import iter_tar_xz

    path = tmp_path / "a.tar.xz"
    long_name = "root/" + "thư mục dài/" * 12 + "bài (1).txt"
    with tarfile.open(path, "w:xz", format=fmt) as tar:
        for name, data in [("root/a.txt", b"x" * 513), (long_name, "Hội nghị".encode()), ("root/empty.txt", b"")]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        d = tarfile.TarInfo("root/dir")
        d.type = tarfile.DIRTYPE
        tar.addfile(d)
    assert list(iter_tar_xz(path)) == [("root/a.txt", b"x" * 513), (long_name, "Hội nghị".encode()), ("root/empty.txt", b"")]


def test_fast_tar_reader_rejects_a_bad_checksum(tmp_path):
    import io
    import lzma
    import tarfile

    from provsum.data.readers import _TarFormatError, iter_tar_xz

    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        info = tarfile.TarInfo("root/a.txt")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"abc"))
    data = bytearray(raw.getvalue())
    data[0] ^= 0x01  # flip a bit of the name: the header checksum no longer matches
    (tmp_path / "b.tar.xz").write_bytes(lzma.compress(bytes(data)))
    with pytest.raises(_TarFormatError, match="checksum"):
        list(iter_tar_xz(tmp_path / "b.tar.xz"))
