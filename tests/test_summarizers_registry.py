import pytest

from provsum.errors import InputError
from provsum.summarizers import get_summarizer, list_systems
from provsum.summarizers.registry import system_options


def test_every_system_is_listed():
    assert list_systems() == ["lead", "lead-1", "lead-2", "lead-3", "textrank", "lexrank", "oracle",
                              "extractive-trained", "seq2seq", "llm"]


def test_unknown_system_lists_what_exists():
    with pytest.raises(InputError) as err:
        get_summarizer("bertsum")
    msg = str(err.value)
    assert "unknown system 'bertsum'" in msg
    for name in ("lead-3", "textrank", "lexrank", "oracle", "extractive-trained", "seq2seq", "llm"):
        assert name in msg


def test_unknown_option_lists_the_options():
    with pytest.raises(InputError, match="has no option 'k'; its options are: max_sentences, max_syllables"):
        get_summarizer("textrank", k=2)
    assert "threshold" in system_options("lexrank") and "max_sentences" in system_options("lexrank")


def test_defaults_are_overridden_by_options():
    assert get_summarizer("lead-3").k == 3
    assert get_summarizer("lexrank", threshold=0.2).settings["threshold"] == 0.2
