"""Corruptions of hand-written leads, and that the fact metrics detect each of them."""

import pytest

from provsum.facts.corrupt import CORRUPTIONS, change_number, change_province, drop_body, swap_date
from provsum.facts.metric import fact_scores

LEADS = [
    ("Ngày 29/10, tại Bình Liêu, Ban Dân vận Tỉnh ủy Quảng Ninh đã tổ chức hội nghị giao ban 9 tháng đầu năm "
     "với 120 đại biểu. Đồng chí Nguyễn Văn Hưởng, Trưởng Ban Dân vận Tỉnh ủy, chủ trì hội nghị."),
    ("Sáng 4-1, HĐND tỉnh Thái Bình khóa XVI khai mạc kỳ họp thứ 12, bầu bổ sung 3 chức danh; "
     "ông Trần Văn Minh đạt 46/47 phiếu."),
    ("Chiều 5-7, UBND TP.HCM tổ chức phiên họp thường kỳ tháng 6, thông qua khoản chi 3,2 tỷ đồng."),
    ("Ngày 15/3/2019, Sở Y tế tỉnh Nghệ An tổ chức hội nghị tổng kết năm 2018 tại TP Vinh, "
     "với 200 đại biểu tham dự."),
]


def test_swap_date_changes_only_the_day():
    assert swap_date(LEADS[0], 0).split(",", 1)[1] == LEADS[0].split(",", 1)[1]
    new = swap_date(LEADS[0], 0)
    assert new.startswith("Ngày ") and not new.startswith("Ngày 29/10") and "/10," in new[:12]


def test_change_province_replaces_every_mention():
    text = "UBND tỉnh Nghệ An và HĐND tỉnh Nghệ An họp tại Hà Nội."
    new = change_province(text, 3)
    assert "Nghệ An" not in new and "Hà Nội" in new
    assert new == change_province(text, 3)  # deterministic


def test_change_number_changes_the_leading_digit():
    new = change_number("Tổng chi 3,2 tỷ đồng.", 0)
    assert new != "Tổng chi 3,2 tỷ đồng." and new.endswith(",2 tỷ đồng.")


def test_drop_body_removes_all_its_mentions():
    assert drop_body("Ngày 2/3, UBND tỉnh Nghệ An họp; UBND tỉnh Nghệ An quyết định.", 0) == "Ngày 2/3, họp; quyết định."


def test_not_applicable_returns_none():
    plain = "Trời hôm nay đẹp."
    assert all(fn(plain, 0) is None for fn in CORRUPTIONS.values())


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_each_corruption_is_detected_on_hand_written_leads(name):
    fn = CORRUPTIONS[name]
    cases = [(lead, fn(lead, 0)) for lead in LEADS]
    cases = [(lead, c) for lead, c in cases if c is not None]
    assert len(cases) >= 3
    leads = [lead for lead, _ in cases]
    orig = fact_scores(leads, leads, leads, bootstrap=0)["per_example"]
    corr = fact_scores([c for _, c in cases], leads, leads, bootstrap=0)["per_example"]
    for o, c in zip(orig, corr):
        assert c["fact_recall"] < o["fact_recall"] or c["unsupported_rate"] > o["unsupported_rate"]
