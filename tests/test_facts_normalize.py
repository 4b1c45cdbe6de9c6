"""Value normalization and matching rules."""

from decimal import Decimal

import pytest

from provsum.facts.extract import extract_facts
from provsum.facts.normalize import (
    canonical_province,
    decimal_text,
    expand_abbreviations,
    number_value,
    roman_to_int,
    values_match,
)


def value_of(text, ftype):
    [f] = [f for f in extract_facts(text) if f.type == ftype]
    return f.value


def test_abbreviation_expansion():
    assert expand_abbreviations("HĐND tỉnh") == "hội đồng nhân dân tỉnh"
    assert expand_abbreviations("UBND TP. Hà Nội") == "ủy ban nhân dân thành phố hà nội"
    assert expand_abbreviations("Uỷ ban MTTQ tỉnh") == "ủy ban mặt trận tổ quốc tỉnh"
    assert expand_abbreviations("UBND TP.HCM") == "ủy ban nhân dân thành phố hồ chí minh"


@pytest.mark.parametrize("variant", ["TP.HCM", "TP. HCM", "TPHCM", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh"])
def test_hcmc_variants(variant):
    assert canonical_province(variant) == "Hồ Chí Minh"


def test_province_variants():
    assert canonical_province("Thừa Thiên - Huế") == "Thừa Thiên Huế"
    assert canonical_province("Đăk Lăk") == "Đắk Lắk"
    assert canonical_province("Khánh Hoà") == "Khánh Hòa"
    assert canonical_province("Bình Liêu") is None


def test_numbers_and_romans():
    assert number_value("3.000") == Decimal(3000)
    assert number_value("3,2") == Decimal("3.2")
    assert number_value("1.234,5") == Decimal("1234.5")
    assert number_value("10.5") == Decimal("10.5")
    assert decimal_text(Decimal("3.2") * 10**9) == "3200000000"
    assert decimal_text(Decimal("1.930")) == "1.93"
    assert roman_to_int("XIII") == 13 and roman_to_int("IV") == 4 and roman_to_int("ab") is None


@pytest.mark.parametrize(
    "a, b",
    [
        ("Ngày 29/10, hội nghị.", "Hội nghị ngày 29-10-2020."),
        ("Sáng 29/10, hội nghị.", "Ngày 29 tháng 10 năm 2020, hội nghị."),
        ("Số liệu tháng 10/2020.", "Số liệu tháng 10 năm 2020."),
    ],
)
def test_equivalent_dates(a, b):
    assert values_match("date", value_of(a, "date"), value_of(b, "date"))


@pytest.mark.parametrize(
    "a, b",
    [
        ("Ngày 29/10, hội nghị.", "Ngày 28/10, hội nghị."),
        ("Ngày 29/10/2020, hội nghị.", "Ngày 29/10/2019, hội nghị."),
        ("Ngày 29/10, hội nghị.", "Số liệu tháng 10/2020."),  # a day is not its month
        ("Kết quả 9 tháng đầu năm.", "Kết quả 6 tháng đầu năm."),
    ],
)
def test_different_dates(a, b):
    assert not values_match("date", value_of(a, "date"), value_of(b, "date"))


def test_body_equivalences():
    full = value_of("Hội đồng nhân dân tỉnh Quảng Ninh khóa 13 họp.", "body")
    assert values_match("body", full, value_of("HĐND tỉnh Quảng Ninh khóa XIII họp.", "body"))
    assert values_match("body", full, value_of("HĐND tỉnh họp.", "body"))  # less specific, compatible
    assert not values_match("body", full, value_of("HĐND tỉnh Thái Bình khóa XIII họp.", "body"))
    assert not values_match("body", full, value_of("UBND tỉnh Quảng Ninh họp.", "body"))
    assert not values_match("body", full, value_of("HĐND tỉnh Quảng Ninh khóa XIV họp.", "body"))
    hcm = value_of("UBND TP.HCM họp.", "body")
    assert values_match("body", hcm, value_of("Ủy ban nhân dân Thành phố Hồ Chí Minh họp.", "body"))
    assert values_match("body", hcm, value_of("UBND TP. HCM họp.", "body"))


def test_person_name_variants():
    assert values_match("person", "n=nguyễn văn hưởng", "n=hưởng")
    assert values_match("person", "n=văn hưởng", "n=nguyễn văn hưởng")
    assert not values_match("person", "n=nguyễn văn hưởng", "n=nguyễn văn hùng")
    assert not values_match("person", "n=nguyễn văn hưởng", "n=nguyễn")


def test_number_and_place_and_meeting_rules():
    assert values_match("number", value_of("3,2 tỷ đồng", "number"), value_of("3.200 triệu đồng", "number"))
    assert not values_match("number", "n=24;u=chức", "n=25;u=chức")
    assert not values_match("number", "n=24;u=chức", "n=24;u=người")
    assert values_match("number", "n=24;u=chức", "n=24")
    assert values_match("place", "c=duy tân|huế|thừa thiên huế", "c=huế")
    assert not values_match("place", "c=huế|thừa thiên huế", "c=huế|quảng nam")
    assert values_match("meeting", "k=kỳ họp;o=12", "k=kỳ họp;q=chuyên đề;o=12")
    assert not values_match("meeting", "k=kỳ họp;o=12", "k=kỳ họp;o=11")
    assert values_match("meeting", "k=hội nghị;q=giao ban", "q=giao ban")
    assert not values_match("meeting", "k=hội nghị;q=giao ban", "k=hội nghị;q=tổng kết")


def test_unknown_type_is_an_error():
    with pytest.raises(ValueError, match="unknown fact type"):
        values_match("colour", "a", "b")


@pytest.mark.parametrize(
    "a, b",
    [("Sở GD & ĐT", "Sở Giáo dục và Đào tạo"), ("Sở TN&MT", "Sở Tài nguyên - Môi trường"),
     ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"), ("Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch")],
)
def test_department_abbreviations(a, b):
    from provsum.facts.normalize import body_head

    assert body_head(a) == body_head(b)
