import warnings

import pytest

from provsum.errors import InputError
from provsum.summarizers import get_summarizer

DOC = "Sáng 29/10, huyện Bình Liêu tổ chức hội nghị giao ban.\nHội nghị đánh giá công tác dân vận quý III.\nCác đại biểu thảo luận.\nHội nghị bế mạc."


def test_lead_2_takes_the_first_two_lines():
    assert get_summarizer("lead-2").summarize([DOC]) == [
        "Sáng 29/10, huyện Bình Liêu tổ chức hội nghị giao ban. Hội nghị đánh giá công tác dân vận quý III."
    ]


def test_lead_with_k_and_short_document():
    s = get_summarizer("lead", k=5)
    assert s.name == "lead-5" and s.settings == {"system": "lead", "k": 5}
    assert s.summarize(["Một câu duy nhất."]) == ["Một câu duy nhất."]


def test_one_line_document_is_split_into_sentences():
    text = "Ngày 29/10, tại TP. Hạ Long, hội nghị diễn ra. Ông Nguyễn Văn H. phát biểu. Hội nghị bế mạc."
    assert get_summarizer("lead-1").summarize([text]) == ["Ngày 29/10, tại TP. Hạ Long, hội nghị diễn ra."]


def test_empty_document_gives_empty_summary_with_a_counted_warning():
    s = get_summarizer("lead-3")
    with pytest.warns(RuntimeWarning, match="2 empty document"):
        out = s.summarize(["", "  \n ", DOC])
    assert out[:2] == ["", ""] and out[2].startswith("Sáng 29/10")
    assert s.empty_documents == 2


def test_bad_k_and_id_count_are_errors():
    with pytest.raises(InputError, match="k must be at least 1"):
        get_summarizer("lead", k=0)
    with warnings.catch_warnings():
        with pytest.raises(InputError, match="2 documents but 1 ids"):
            get_summarizer("lead-1").summarize([DOC, DOC], ids=["a"])
