"""train -> save -> summarize -> score, end to end on CPU, with tiny models created here (no downloads)."""

import json
import random

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from provsum.cli import main  # noqa: E402
from provsum.errors import InputError  # noqa: E402

PLACES = ["Quảng Ninh", "Lào Cai", "Bắc Giang", "Hà Giang", "Nghệ An", "Cà Mau", "Đắk Lắk", "Thái Bình"]
KINDS = ["hội nghị giao ban", "phiên họp thường kỳ", "hội nghị sơ kết", "kỳ họp HĐND"]
TINY = ["--set", "d_model=32", "--set", "d_ff=64", "--set", "d_kv=8", "--set", "num_heads=2"]
TINY_BART = ["--set", "d_model=32", "--set", "encoder_ffn_dim=64", "--set", "decoder_ffn_dim=64",
             "--set", "encoder_attention_heads=2", "--set", "decoder_attention_heads=2"]


def records(n, seed):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        place, kind, month = rng.choice(PLACES), rng.choice(KINDS), rng.randint(1, 12)
        lead = f"Ngày {month}/10, UBND tỉnh {place} tổ chức {kind} tháng {month}."
        doc = "\n".join([lead, f"Các đại biểu thảo luận về tình hình kinh tế của tỉnh {place}.",
                         "Hội nghị đánh giá kết quả thực hiện nhiệm vụ.",
                         f"Lãnh đạo tỉnh {place} yêu cầu các sở ngành tập trung giải ngân vốn."])
        out.append({"id": f"{seed}-{i}", "document": doc, "summary": lead})
    return out


def write(path, recs):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    torch.set_num_threads(1)  # tiny models: threads only add contention
    d = tmp_path_factory.mktemp("s2s")
    return {"dir": d, "train": write(d / "train.jsonl", records(32, 1)), "val": write(d / "val.jsonl", records(8, 2))}


def train_args(data, out, arch, extra=()):
    return ["train", "--from-scratch", "--arch", arch, "--size", "tiny", "--vocab-size", "200",
            "--train-file", data["train"], "--validation-file", data["val"], "--out", str(out),
            "--max-source-length", "96", "--max-target-length", "24", "--batch-size", "8",
            "--learning-rate", "3e-3", "--logging-steps", "5", "--eval-steps", "0", "--quiet", *extra]


def losses(out):
    state = sorted(out.glob("checkpoint-*/trainer_state.json"))[-1]
    return [e["loss"] for e in json.loads(state.read_text())["log_history"] if "loss" in e]


def test_t5_from_scratch_train_save_summarize_score(data, capsys):
    from provsum.metrics.api import score
    from provsum.summarizers.io import read_predictions

    out = data["dir"] / "t5"
    assert main(train_args(data, out, "t5", ["--max-steps", "40", *TINY])) == 0
    for name in ("config.json", "model.safetensors", "tokenizer.json", "provsum_training.json", "metrics.json"):
        assert (out / name).exists(), name
    record = json.loads((out / "provsum_training.json").read_text())
    assert record["arch"] == "t5" and record["seed"] == 0 and record["precision_used"] == "fp32"
    assert record["data"]["train"]["examples"] == 32 and record["model_type"] == "t5"
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["train"]["tokens_per_second"] > 0 and metrics["device"]["gpu"] is None
    assert {"eval_rouge1", "eval_rouge2", "eval_rougel"} <= set(metrics["eval"])
    ls = losses(out)
    assert ls[-1] < ls[0] / 2  # it learned something

    preds = data["dir"] / "t5.jsonl"
    assert main(["summarize", "--system", "seq2seq", "--model", str(out), "--input", data["val"],
                 "--out", str(preds), "--num-beams", "2", "--quiet"]) == 0
    header, recs = read_predictions(preds)
    assert header["system"] == "seq2seq" and header["settings"]["max_source_length"] == 96  # from the training record
    refs = {r["id"]: r["summary"] for r in records(8, 2)}
    report = score([r["summary"] for r in recs], [refs[r["id"]] for r in recs], bootstrap=0)
    assert report.corpus["rouge1_f"]["mean"] > 0.2  # an untrained model scores about 0 here


def test_bart_from_scratch_then_resume(data):
    from provsum.training.seq2seq import TrainOptions, train_seq2seq

    out = data["dir"] / "bart"
    overrides = dict(d_model=32, encoder_ffn_dim=64, decoder_ffn_dim=64, encoder_attention_heads=2, decoder_attention_heads=2)
    common = dict(output_dir=str(out), train_file=data["train"], validation_file=data["val"], from_scratch=True,
                  arch="bart", size="tiny", vocab_size=200, model_overrides=overrides, max_source_length=96,
                  max_target_length=24, learning_rate=3e-3, eval_steps=10, logging_steps=5, progress=False,
                  early_stopping_patience=5, save_total_limit=3)
    first = train_seq2seq(TrainOptions(max_steps=20, **common))
    assert first["train"]["stopped_by_time_budget"] is False
    assert (out / "checkpoint-20").exists()
    second = train_seq2seq(TrainOptions(max_steps=30, resume=True, **common))
    record = json.loads((out / "provsum_training.json").read_text())
    assert record["resumed_from"].endswith("checkpoint-20") and record["model_type"] == "bart"
    state = json.loads((out / "checkpoint-30" / "trainer_state.json").read_text())
    assert state["global_step"] == 30 and state["best_metric"] is not None
    assert "eval_rouge2" in second["eval"]

    from provsum.summarizers import get_summarizer

    s = get_summarizer("seq2seq", model=str(out), num_beams=1, progress=False)
    with pytest.warns(RuntimeWarning):
        out_texts = s.summarize(["", records(1, 3)[0]["document"]])
    assert out_texts[0] == "" and isinstance(out_texts[1], str)


def test_time_budget_stops_training(data, tmp_path):
    from provsum.training.seq2seq import TrainOptions, train_seq2seq

    overrides = dict(d_model=16, encoder_ffn_dim=32, decoder_ffn_dim=32, encoder_attention_heads=2,
                     decoder_attention_heads=2, encoder_layers=1, decoder_layers=1)
    m = train_seq2seq(TrainOptions(output_dir=str(tmp_path / "b"), train_file=data["train"], from_scratch=True,
                                   arch="bart", size="tiny", vocab_size=100, model_overrides=overrides,
                                   max_steps=1000, max_train_seconds=1e-6, max_source_length=64, progress=False))
    assert m["train"]["stopped_by_time_budget"] is True and m["train"]["global_step"] == 1
    assert "eval" not in m  # no validation file: no evaluation


def test_mbart_fine_tune_with_language_codes(data, tmp_path):
    """The --model path (fine-tuning): a tiny random mBART saved locally, target language forced."""
    from transformers import MBartConfig, MBartForConditionalGeneration

    from provsum.summarizers import get_summarizer
    from provsum.training.tokenizer import train_tokenizer

    texts = [t for r in records(32, 1) for t in (r["document"], r["summary"])]
    tok = train_tokenizer(texts, "bart", vocab_size=200)
    tok.add_special_tokens({"additional_special_tokens": ["vi_VN"]})
    cfg = MBartConfig(vocab_size=len(tok), d_model=32, encoder_layers=1, decoder_layers=1, encoder_ffn_dim=64,
                      decoder_ffn_dim=64, encoder_attention_heads=2, decoder_attention_heads=2,
                      max_position_embeddings=128, pad_token_id=tok.pad_token_id, bos_token_id=tok.bos_token_id,
                      eos_token_id=tok.eos_token_id, decoder_start_token_id=tok.eos_token_id)
    base = tmp_path / "mbart-random"
    torch.manual_seed(0)
    MBartForConditionalGeneration(cfg).save_pretrained(base)
    tok.save_pretrained(base)
    out = tmp_path / "mbart-ft"
    assert main(["train", "--model", str(base), "--tgt-lang", "vi_VN", "--train-file", data["train"],
                 "--out", str(out), "--max-steps", "5", "--max-source-length", "96", "--max-target-length", "24",
                 "--learning-rate", "1e-3", "--quiet"]) == 0
    vi = tok.convert_tokens_to_ids("vi_VN")
    s = get_summarizer("seq2seq", model=str(out), tgt_lang="vi_VN", num_beams=1, max_target_length=8, progress=False)
    assert s.forced_bos_token_id == vi and s.settings["tgt_lang"] == "vi_VN"
    enc = s.tokenizer(["Hội nghị giao ban."], return_tensors="pt")
    gen = s.model.generate(**enc, forced_bos_token_id=vi, max_new_tokens=4, num_beams=1)
    assert gen[0, 1].item() == vi  # after the decoder start token comes the forced language code


def test_truncation_is_counted(data):
    from provsum.summarizers import get_summarizer

    s = get_summarizer("seq2seq", model=str(data["dir"] / "t5"), max_source_length=16, num_beams=1,
                       max_target_length=4, progress=False)
    docs = [r["document"] for r in records(3, 4)] + ["Ngắn."]
    with pytest.warns(RuntimeWarning, match="3 of 4 document\\(s\\) longer than 16 tokens were truncated"):
        s.summarize(docs)
    assert s.truncated == 3


def test_missing_model_path_lists_local_models(data):
    from provsum.summarizers import get_summarizer

    with pytest.raises(InputError) as err:
        get_summarizer("seq2seq", model=str(data["dir"] / "t5-typo"))
    assert "no model at" in str(err.value) and str(data["dir"] / "t5") in str(err.value)
    with pytest.raises(InputError, match="give either a pretrained model"):
        from provsum.training.seq2seq import TrainOptions

        TrainOptions(output_dir="x").check()
