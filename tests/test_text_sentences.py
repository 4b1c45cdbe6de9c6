from provsum.text.sentences import sentences_of, split_sentences


def test_split_basic_and_abbreviations():
    text = "Sáng 4-1, tại TP. Hạ Long, hội nghị diễn ra. PGS.TS. Nguyễn Văn A phát biểu. Tổng vốn là 3.000 tỷ đồng!"
    assert split_sentences(text) == [
        "Sáng 4-1, tại TP. Hạ Long, hội nghị diễn ra.",
        "PGS.TS. Nguyễn Văn A phát biểu.",
        "Tổng vốn là 3.000 tỷ đồng!",
    ]


def test_no_split_before_lower_case_or_inside_numbers():
    assert split_sentences("Ông H. cho biết tăng 10.5% tại TP.HCM. Xong.") == ["Ông H. cho biết tăng 10.5% tại TP.HCM.", "Xong."]
    assert split_sentences("v.v. và các nội dung khác.") == ["v.v. và các nội dung khác."]


def test_quotes_and_lines():
    assert split_sentences('Ông nói: "Đồng ý." Sau đó, họp tiếp.') == ['Ông nói: "Đồng ý."', "Sau đó, họp tiếp."]
    assert sentences_of("Câu một. Câu hai.\nCâu ba") == ["Câu một. Câu hai.", "Câu ba"]
    assert sentences_of("Câu một. Câu hai.") == ["Câu một.", "Câu hai."]
