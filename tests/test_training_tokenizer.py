import pytest

from provsum.training.tokenizer import train_tokenizer

TEXTS = [
    "Hội nghị giao ban công tác dân vận quý III năm 2020 tại huyện Bình Liêu.",
    "UBND tỉnh Quảng Ninh tổ chức phiên họp thường kỳ tháng 10.",
    "Kỳ họp thứ 15 HĐND tỉnh Nghệ An khai mạc sáng nay.",
] * 10


def test_t5_layout_round_trip(tmp_path):
    tok = train_tokenizer(TEXTS, "t5", vocab_size=150, out_dir=tmp_path / "t5")
    assert (tok.pad_token_id, tok.eos_token_id, tok.unk_token_id) == (0, 1, 2)
    ids = tok("Hội nghị tỉnh Quảng Ninh")["input_ids"]
    assert ids[-1] == 1 and 0 not in ids  # ends with </s>, no <s>
    assert tok.decode(ids, skip_special_tokens=True) == "Hội nghị tỉnh Quảng Ninh"
    from transformers import AutoTokenizer

    again = AutoTokenizer.from_pretrained(str(tmp_path / "t5"))
    assert again("Hội nghị tỉnh Quảng Ninh")["input_ids"] == ids


def test_bart_layout_round_trip():
    tok = train_tokenizer(TEXTS, "bart", vocab_size=150)
    assert (tok.bos_token_id, tok.pad_token_id, tok.eos_token_id, tok.unk_token_id, tok.mask_token_id) == (0, 1, 2, 3, 4)
    ids = tok("Kỳ họp thứ 15")["input_ids"]
    assert ids[0] == 0 and ids[-1] == 2
    assert tok.decode(ids, skip_special_tokens=True) == "Kỳ họp thứ 15"


def test_training_is_deterministic():
    a = train_tokenizer(TEXTS, "bart", vocab_size=120)
    b = train_tokenizer(list(TEXTS), "bart", vocab_size=120)
    assert a.get_vocab() == b.get_vocab()


def test_unknown_arch():
    with pytest.raises(ValueError, match="unknown architecture"):
        train_tokenizer(TEXTS, "gpt", vocab_size=100)
