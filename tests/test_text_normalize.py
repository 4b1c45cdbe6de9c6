import unicodedata

from provsum.text.normalize import normalize, normalize_tone_marks


def test_old_to_new_tone_marks_in_open_syllables():
    assert normalize_tone_marks("hoà thuận, uỷ ban, thuỷ lợi, khoẻ mạnh, Hoá") == "hòa thuận, ủy ban, thủy lợi, khỏe mạnh, Hóa"


def test_closed_syllables_and_qu_are_unchanged():
    text = "hoàn thành, thuyết phục, quý, quỷ, Quỳnh, khuyến, hoạch"
    assert normalize_tone_marks(text) == text


def test_uppercase_variants():
    assert normalize_tone_marks("UỶ BAN HOÀ") == "ỦY BAN HÒA"


def test_normalize_nfc_spaces_invisible():
    decomposed = unicodedata.normalize("NFD", "Hội nghị")
    assert normalize(decomposed + "\u00a0\u00a0 tỉnh\u200b") == "Hội nghị tỉnh"
    assert normalize(" a  b \r\n c ") == "a b\nc"


def test_normalize_can_keep_tone_marks():
    assert normalize("Khánh Hoà", tone_marks=False) == "Khánh Hoà"
