"""From-scratch model configurations: ``tiny``, ``small`` and ``base`` for T5 and BART.

Parameters with the default vocabularies (8k / 16k / 32k): ``tiny`` 2.2M (T5 and BART), for tests
and smoke runs; ``small`` 13.5M T5 / 12.0M BART, the few-minutes-on-one-GPU size; ``base`` follows
t5-v1.1-base (gated GELU, d_ff 2048; about 223M, as transformers 5 always ties T5's input and output
embeddings) and bart-base (125M).
"""

from __future__ import annotations

from provsum.errors import InputError

ARCHS = ("t5", "bart")
SIZES = ("tiny", "small", "base")

VOCAB_SIZES = {"tiny": 8000, "small": 16000, "base": 32000}

T5_SIZES = {
    "tiny": dict(d_model=128, d_ff=512, d_kv=32, num_layers=2, num_decoder_layers=2, num_heads=4),
    "small": dict(d_model=256, d_ff=1024, d_kv=64, num_layers=4, num_decoder_layers=4, num_heads=4),
    "base": dict(d_model=768, d_ff=2048, d_kv=64, num_layers=12, num_decoder_layers=12, num_heads=12),
}
BART_SIZES = {
    "tiny": dict(d_model=128, encoder_ffn_dim=512, decoder_ffn_dim=512, encoder_layers=2, decoder_layers=2,
                 encoder_attention_heads=4, decoder_attention_heads=4),
    "small": dict(d_model=256, encoder_ffn_dim=1024, decoder_ffn_dim=1024, encoder_layers=4, decoder_layers=4,
                  encoder_attention_heads=4, decoder_attention_heads=4),
    "base": dict(d_model=768, encoder_ffn_dim=3072, decoder_ffn_dim=3072, encoder_layers=6, decoder_layers=6,
                 encoder_attention_heads=12, decoder_attention_heads=12),
}

# special tokens and their ids, as the tokenizer trainer lays them out
SPECIAL_TOKENS = {
    "t5": ["<pad>", "</s>", "<unk>"],
    "bart": ["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
}


def check(arch: str, size: str) -> None:
    if arch not in ARCHS:
        raise InputError(f"unknown architecture {arch!r}; architectures are {', '.join(ARCHS)}")
    if size not in SIZES:
        raise InputError(f"unknown size {size!r}; sizes are {', '.join(SIZES)}")


def model_config(arch: str, size: str, tokenizer, max_source_length: int = 1024, overrides: dict | None = None):
    """A ``transformers`` config for a randomly initialized model that matches ``tokenizer``."""
    check(arch, size)
    overrides = dict(overrides or {})
    vocab = len(tokenizer)
    if arch == "t5":
        from transformers import T5Config

        params = {**T5_SIZES[size], **overrides}
        return T5Config(
            vocab_size=vocab,
            pad_token_id=tokenizer.pad_token_id,
            eos_token_id=tokenizer.eos_token_id,
            decoder_start_token_id=tokenizer.pad_token_id,
            feed_forward_proj="gated-gelu",
            tie_word_embeddings=False,
            dropout_rate=0.1,
            **params,
        )
    from transformers import BartConfig

    params = {**BART_SIZES[size], **overrides}
    return BartConfig(
        vocab_size=vocab,
        max_position_embeddings=max(int(max_source_length), 128),
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        forced_bos_token_id=tokenizer.bos_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
        dropout=0.1,
        **params,
    )
