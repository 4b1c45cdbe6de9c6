import pytest

from fixtures import raw_corpora as fx
from provsum.data.clean import (
    clean_article, desegment, drop_captions, join_broken_lines, repair_run_together, split_credit,
    strip_outlet_prefix,
)
from provsum.data.readers import Skip, baomoi2013, baomoi2017, vietnews


def test_desegment_detokenize():
    assert desegment("Ngày 25/2 , TAND TP. Đà_Nẵng tuyên_phạt Hồ_Xuân_Huy ( SN 1994 ) .") == \
        "Ngày 25/2, TAND TP. Đà Nẵng tuyên phạt Hồ Xuân Huy (SN 1994)."
    assert desegment('Huy “ nổ ” là sĩ_quan , ông nói " đồng_ý " .') == 'Huy “nổ” là sĩ quan, ông nói "đồng ý".'


def test_join_broken_lines():
    assert join_broken_lines(["Tin lời, vợ chồng ông Th.", "đưa cho Huy hơn 1 tỷ đồng.", "Sau đó ông đi."]) == \
        ["Tin lời, vợ chồng ông Th. đưa cho Huy hơn 1 tỷ đồng.", "Sau đó ông đi."]


def test_repair_keeps_numbers_cities_urls():
    assert repair_run_together("ma túy.Sau đó tại TP.HCM có 3.000 người, tăng 10.5%.Đó là baomoi.com.vn") == \
        "ma túy. Sau đó tại TP.HCM có 3.000 người, tăng 10.5%. Đó là baomoi.com.vn"
    assert repair_run_together("Nhịp sống đảo lộnAnh Việt chia sẻ trên VnExpress") == "Nhịp sống đảo lộn\nAnh Việt chia sẻ trên VnExpress"


def test_outlet_prefix():
    assert strip_outlet_prefix("(HNM) - Sáng 3-7, HĐND TP Hà Nội khai mạc kỳ họp thứ 6.") == ("Sáng 3-7, HĐND TP Hà Nội khai mạc kỳ họp thứ 6.", True)
    assert strip_outlet_prefix("ICTnews - Tại một số nước đang phát triển, phụ nữ ít dùng Internet.")[0].startswith("Tại một số")
    assert strip_outlet_prefix("Sáng 3-7, HĐND khai mạc kỳ họp.") == ("Sáng 3-7, HĐND khai mạc kỳ họp.", False)


def test_captions_with_credit():
    assert split_credit("T.B.Tổng số cuộc kiểm tra") == ("T.B.", "Tổng số cuộc kiểm tra")
    repairs = {}
    out = drop_captions(["Quang cảnh hội nghị.", "Ảnh: Hữu Việt) Sau đó, hội nghị thảo luận.", "Câu thường."], repairs)
    assert out == ["Sau đó, hội nghị thảo luận.", "Câu thường."]
    assert repairs == {"captions": 1}


def test_clean_vietnews_article():
    art = clean_article(vietnews.parse("data/test_tokenized/000001.txt.seg", fx.VN_MEETING.encode()))
    assert art.title == "Giao ban công tác dân vận 9 tháng đầu năm"
    assert art.summary.startswith("Ngày 29/10, tại huyện Bình Liêu, Ban Dân vận Tỉnh ủy Quảng Ninh")  # uỷ -> ủy
    lines = art.document.split("\n")
    assert lines[0] == "Đồng chí Nguyễn Văn A, Trưởng Ban Dân vận Tỉnh ủy, chủ trì hội nghị."
    assert '"đột xuất, không báo trước"' in art.document
    assert "Quang cảnh" not in art.document  # the captions block is dropped
    assert art.summary not in art.document


def test_clean_vietnews_rejoins_abbreviation_breaks():
    art = clean_article(vietnews.parse("data/val_tokenized/000002.txt.seg", fx.VN_CRIME.encode()))
    assert "Ông Th. cho biết đã đưa cho B. hơn 1 tỷ đồng nhưng không nhận được xe." in art.document.split("\n")


def test_clean_baomoi2017_lead_repeat_and_byline():
    art = clean_article(baomoi2017.parse("vn_news/data/21000001.txt", fx.BM17_MEETING.encode()))
    doc = art.document.split("\n")
    assert doc[0] == "Theo báo cáo, tăng trưởng kinh tế của thành phố đạt 8,5%."
    assert "Thu ngân sách đạt 9.000 tỷ đồng, tăng 10.5% so với cùng kỳ." in doc
    assert "Chủ tịch UBND TP.HCM và Đà Nẵng đã ký kết hợp tác từ trước." in doc
    assert doc[-1] == "Các sở, ngành cần quyết liệt hơn trong giải ngân vốn đầu tư công."  # byline "Ngọc Hà" dropped
    assert art.repairs["lead_repeat"] == 1


def test_clean_baomoi2013_prefix_and_byline():
    art = clean_article(baomoi2013.parse("data/11000001.txt", fx.BM13_MEETING.encode()))
    assert art.summary.startswith("Sáng 3-7, HĐND TP Hà Nội khóa XIV")
    assert art.document.split("\n")[-1] == "Kỳ họp dự kiến kéo dài 4 ngày và thông qua 12 nghị quyết quan trọng của thành phố."
    assert art.date == "2013-07-03" and art.outlet == "Hà Nội Mới"


def test_summary_in_document_is_skipped():
    text = "Tiêu đề\nĐây là sapo của bài báo với đủ mười từ trở lên nhé bạn.\nMở đầu thân bài dài dòng. " + \
           "Câu thêm nữa cho đủ dài. " * 5 + "Ông nói rằng Đây là sapo của bài báo với đủ mười từ trở lên nhé bạn. Hết."
    with pytest.raises(Skip) as e:
        clean_article(baomoi2017.parse("vn_news/data/1.txt", text.encode()))
    assert e.value.reason == "summary_in_document"


def test_short_document_is_skipped():
    with pytest.raises(Skip) as e:
        clean_article(baomoi2017.parse("vn_news/data/2.txt", "Tiêu đề\nMột sapo đủ dài có hơn mười từ để không bị loại ngay.\nNgắn.".encode()))
    assert e.value.reason == "short_document"
