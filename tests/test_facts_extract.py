"""Extraction on hand-written sentences: each fact type, each date form, spans and values."""

import pytest

from provsum.facts.extract import extract_facts, prepare


def facts_of(text, ftype=None):
    return [(f.type, f.text, f.value) for f in extract_facts(text) if ftype is None or f.type == ftype]


SEED_LEAD = (
    "Ngày 29/10, tại Bình Liêu, Ban Dân vận Tỉnh ủy đã tổ chức hội nghị giao ban công tác dân vận "
    "9 tháng đầu năm, triển khai nhiệm vụ công tác những tháng cuối năm 2020. Đồng chí Nguyễn Văn Hưởng, "
    "Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ tỉnh, chủ trì hội nghị."
)


def test_seed_lead_all_facts_in_order():
    assert facts_of(SEED_LEAD) == [
        ("date", "Ngày 29/10", "d=29;m=10"),
        ("place", "tại Bình Liêu", "c=bình liêu"),
        ("body", "Ban Dân vận Tỉnh ủy", "h=ban dân vận tỉnh ủy"),
        ("meeting", "hội nghị giao ban", "k=hội nghị;q=giao ban"),
        ("date", "9 tháng đầu năm", "p=9m"),
        ("date", "những tháng cuối năm 2020", "p=end;y=2020"),
        ("person", "Nguyễn Văn Hưởng", "n=nguyễn văn hưởng"),
        ("body", "Ban Dân vận Tỉnh ủy", "h=ban dân vận tỉnh ủy"),
        ("body", "Ủy ban MTTQ tỉnh", "h=ủy ban mặt trận tổ quốc;l=tỉnh"),
        ("meeting", "hội nghị", "k=hội nghị"),
    ]


def test_spans_point_into_the_text():
    for f in extract_facts(SEED_LEAD):
        assert SEED_LEAD[f.start : f.end] == f.text


def test_person_role_after_the_name():
    person = [f for f in extract_facts(SEED_LEAD) if f.type == "person"][0]
    assert person.role == "Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ tỉnh"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ngày 29/10, hội nghị diễn ra.", ("Ngày 29/10", "d=29;m=10")),
        ("Sáng 4-1, UBND tỉnh họp.", ("Sáng 4-1", "d=4;m=1")),
        ("Hội nghị khai mạc chiều 5-7 tại Hà Nội.", ("chiều 5-7", "d=5;m=7")),
        ("Phiên họp chiều 14.5 bàn về ngân sách.", ("chiều 14.5", "d=14;m=5")),
        ("Văn bản ký ngày 29/10/2020.", ("ngày 29/10/2020", "d=29;m=10;y=2020")),
        ("Tính đến 30-9-2018, vốn đã giải ngân.", ("30-9-2018", "d=30;m=9;y=2018")),
        ("Ngày 3 tháng 5 năm 2021, tỉnh tổ chức lễ.", ("Ngày 3 tháng 5 năm 2021", "d=3;m=5;y=2021")),
        ("Số liệu đến tháng 10/2020 cho thấy tăng.", ("tháng 10/2020", "m=10;y=2020")),
        ("Kết quả 9 tháng đầu năm rất khả quan.", ("9 tháng đầu năm", "p=9m")),
        ("Kết quả 6 tháng đầu năm 2021 rất khả quan.", ("6 tháng đầu năm 2021", "p=6m;y=2021")),
        ("Nhiệm vụ 6 tháng cuối năm được triển khai.", ("6 tháng cuối năm", "p=6m-end")),
        ("Kết quả quý III/2020 vượt kế hoạch.", ("quý III/2020", "q=3;y=2020")),
        ("Kế hoạch nhiệm kỳ 2020-2025 đã được thông qua.", ("nhiệm kỳ 2020-2025", "t=2020-2025")),
        ("Hôm qua (26/5) dư luận xôn xao.", ("26/5", "d=26;m=5")),
        ("Mục tiêu của năm 2021 là tăng trưởng.", ("năm 2021", "y=2021")),
        ("Hội nghị diễn ra từ ngày 4 đến 6-7.", ("từ ngày 4 đến 6-7", "d=4-6;m=7")),
        ("19-10, Bộ Chính trị làm việc với Thành ủy.", ("19-10", "d=19;m=10")),
    ],
)
def test_date_forms(text, expected):
    assert [(t, v) for _, t, v in facts_of(text, "date")] == [expected]


def test_not_dates():
    # a fraction of votes, a decree number, a day-of-month out of range
    assert facts_of("Đạt 46/47 phiếu theo Nghị quyết số 12/2020 về 35/13.", "date") == []
    assert facts_of("Bản đồ tỷ lệ 1/500 được duyệt.", "date") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("HĐND tỉnh Quảng Ninh khóa XIII họp.", ("HĐND tỉnh Quảng Ninh khóa XIII", "h=hội đồng nhân dân;l=tỉnh;n=quảng ninh;k=13")),
        ("UBND TP. Hà Nội vừa có văn bản.", ("UBND TP. Hà Nội", "h=ủy ban nhân dân;n=hà nội")),
        ("UBND TP.HCM vừa có văn bản.", ("UBND TP.HCM", "h=ủy ban nhân dân;n=hồ chí minh")),
        ("Ủy ban nhân dân Thành phố Hồ Chí Minh vừa có văn bản.",
         ("Ủy ban nhân dân Thành phố Hồ Chí Minh", "h=ủy ban nhân dân;n=hồ chí minh")),
        ("Ban Thường vụ Tỉnh ủy đã họp.", ("Ban Thường vụ Tỉnh ủy", "h=ban thường vụ tỉnh ủy")),
        ("Sở Tài nguyên và Môi trường tỉnh Cà Mau báo cáo.",
         ("Sở Tài nguyên và Môi trường tỉnh Cà Mau", "h=sở tài nguyên môi trường;l=tỉnh;n=cà mau")),
        ("UBND huyện Bình Liêu tổ chức.", ("UBND huyện Bình Liêu", "h=ủy ban nhân dân;l=huyện;n=bình liêu")),
        ("Công an tỉnh Vĩnh Phúc cho biết.", ("Công an tỉnh Vĩnh Phúc", "h=công an;l=tỉnh;n=vĩnh phúc")),
    ],
)
def test_bodies(text, expected):
    assert [(t, v) for _, t, v in facts_of(text, "body")] == [expected]


def test_lower_case_common_nouns_are_not_bodies():
    assert facts_of("Lực lượng công an và thanh tra đã vào cuộc.", "body") == []


def test_body_stops_before_the_name_that_follows_it():
    text = "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung yêu cầu cấp đủ nước."
    assert facts_of(text) == [
        ("body", "UBND TP Hà Nội", "h=ủy ban nhân dân;n=hà nội"),
        ("person", "Nguyễn Đức Chung", "n=nguyễn đức chung"),
    ]
    person = [f for f in extract_facts(text) if f.type == "person"][0]
    assert person.role == "Chủ tịch UBND TP Hà Nội"


def test_persons_and_roles():
    text = "Chiều 4-12, ông Phạm Anh Tuấn - phó chủ tịch UBND tỉnh Tiền Giang, chủ trì họp báo."
    person = [f for f in extract_facts(text) if f.type == "person"]
    assert [(p.text, p.value, p.role) for p in person] == [
        ("Phạm Anh Tuấn", "n=phạm anh tuấn", "phó chủ tịch UBND tỉnh Tiền Giang")
    ]
    # a given name after an honorific
    assert facts_of("Theo ông Hưởng, kết quả khả quan.", "person") == [("person", "Hưởng", "n=hưởng")]


def test_names_that_are_places_are_not_persons():
    text = "Ông ở phường Lê Hồng Phong, đường Nguyễn Du, tỉnh Thái Bình và Hà Nội."
    assert facts_of(text, "person") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Khai mạc kỳ họp thứ 12 HĐND tỉnh.", ("kỳ họp thứ 12", "k=kỳ họp;o=12")),
        ("Phiên họp thường kỳ tháng 6 của UBND tỉnh.", ("Phiên họp thường kỳ tháng 6", "k=phiên họp;q=thường kỳ;m=6")),
        ("Tỉnh tổ chức Hội nghị tổng kết công tác năm.", ("Hội nghị tổng kết", "k=hội nghị;q=tổng kết")),
        ("Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ.", ("Hội nghị lần thứ 5", "k=hội nghị;o=5")),
    ],
)
def test_meetings(text, expected):
    assert [(t, v) for _, t, v in facts_of(text, "meeting")] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hội nghị diễn ra tại Bình Liêu.", ("tại Bình Liêu", "c=bình liêu")),
        ("Hội nghị diễn ra tại TP.HCM.", ("tại TP.HCM", "c=hồ chí minh")),
        ("Hội nghị tại khách sạn Duy Tân, TP. Huế, tỉnh Thừa Thiên - Huế.",
         ("tại khách sạn Duy Tân, TP. Huế, tỉnh Thừa Thiên - Huế", "c=duy tân|huế|thừa thiên huế")),
        ("Học sinh ở Ý Yên (Nam Định) được khen.", ("Nam Định", "c=nam định")),
    ],
)
def test_places(text, expected):
    assert [(t, v) for _, t, v in facts_of(text, "place")] == [expected]


def test_tai_before_a_meeting_is_not_a_place():
    assert facts_of("Phát biểu tại Hội nghị, ông nhấn mạnh.", "place") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tổng vốn 3,2 tỷ đồng.", ("3,2 tỷ đồng", "n=3200000000;u=đồng")),
        ("Ông đạt 46/47 phiếu.", ("46/47 phiếu", "n=46/47;u=phiếu")),
        ("Bầu bổ sung 24 chức danh.", ("24 chức danh", "n=24;u=chức danh")),
        ("Kiến nghị xử lý gần 2.900 tỉ đồng.", ("2.900 tỉ đồng", "n=2900000000000;u=đồng")),
        ("Lãi suất còn 1,93%.", ("1,93%", "n=1.93;u=%")),
        ("Diện tích hơn 2 hecta.", ("2 hecta", "n=2;u=ha")),
        ("Khu đất rộng 7.400m2.", ("7.400m2", "n=7400;u=m2")),
    ],
)
def test_numbers(text, expected):
    assert [(t, v) for _, t, v in facts_of(text, "number")] == [expected]


def test_identifiers_times_and_years_are_not_numbers():
    text = "Quyết định số 3198 về quốc lộ 26, Covid-19, lúc 13:53, từ 2019 theo Chỉ thị 09/CT-TTg."
    assert facts_of(text, "number") == []


def test_old_style_tone_marks_are_normalized():
    old = "UBND tỉnh Khánh Hoà và Uỷ ban MTTQ tỉnh Thanh Hoá"
    assert prepare(old) == "UBND tỉnh Khánh Hòa và Ủy ban MTTQ tỉnh Thanh Hóa"
    assert [v for _, _, v in facts_of(old, "body")] == [
        "h=ủy ban nhân dân;l=tỉnh;n=khánh hòa",
        "h=ủy ban mặt trận tổ quốc;l=tỉnh;n=thanh hóa",
    ]


def test_role_before_a_name_after_tinh():
    text = "Phó Chủ tịch UBND tỉnh Dương Tất Thắng dự và phát biểu."
    assert facts_of(text) == [
        ("body", "UBND tỉnh", "h=ủy ban nhân dân;l=tỉnh"),
        ("person", "Dương Tất Thắng", "n=dương tất thắng"),
    ]


def test_committee_with_a_bare_locality_and_flexible_sector_names():
    assert facts_of("BTV Thị ủy Kỳ Anh họp.", "body") == [
        ("body", "BTV Thị ủy Kỳ Anh", "h=ban thường vụ thị ủy;n=kỳ anh")]
    assert [v for _, _, v in facts_of("Sở Văn hóa Thể thao TP.Hà Nội và Sở Văn hóa - Thể thao tỉnh Nam Định.", "body")] == [
        "h=sở văn hóa thể thao;n=hà nội", "h=sở văn hóa thể thao;l=tỉnh;n=nam định"]


def test_no_person_or_province_inside_other_names():
    text = "Hãng hàng không VietJet Air tham gia Chương trình Đối tác Thái Bình Dương."
    assert facts_of(text, "person") == [] and facts_of(text, "place") == []


def test_errors_found_while_annotating_the_gold():
    # "Bà Rịa" is a province, not the honorific "bà"
    assert facts_of("Phó Chủ tịch UBND tỉnh Bà Rịa-Vũng Tàu chủ trì.", "body") == [
        ("body", "UBND tỉnh Bà Rịa-Vũng Tàu", "h=ủy ban nhân dân;l=tỉnh;n=bà rịa vũng tàu")]
    # a lunar year, a role after "đồng chí", a youth union before its province are not persons
    assert facts_of("Tết Đinh Dậu, đồng chí Chủ tịch gặp bí thư Tỉnh Đoàn Nghệ An.", "person") == []
    # "11 đồng chí" is a count of people, not 11 đồng; a house number is not a quantity
    assert facts_of("Có 11 đồng chí dự tại KS Tray - 47 Lạch Tray.", "number") == [
        ("number", "11 đồng chí", "n=11;u=đồng chí")]
    # ordinals written as words
    assert facts_of("Kỳ họp thứ tư HĐND thành phố bế mạc.", "meeting") == [
        ("meeting", "Kỳ họp thứ tư", "k=kỳ họp;o=4")]
    # "giao Ban ..." is the verb "giao" (assign) before a body, not a briefing
    assert facts_of("Thành ủy giao Ban Cán sự đảng chỉ đạo.", "meeting") == []
