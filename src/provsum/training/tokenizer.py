"""Train a SentencePiece-style Unigram tokenizer for a from-scratch model (``tokenizers`` library).

Text is NFKC-normalized (Vietnamese stays composed), split on spaces with the ``▁`` marker,
and cased. The special tokens and the template follow the architecture: T5 appends ``</s>``,
BART wraps the text in ``<s> … </s>``. The result is a ``PreTrainedTokenizerFast`` saved with
``save_pretrained`` (``tokenizer.json``), loadable with ``AutoTokenizer.from_pretrained``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from provsum.training.configs import ARCHS, SPECIAL_TOKENS


def train_tokenizer(texts: Iterable[str], arch: str, vocab_size: int, model_max_length: int = 1024, out_dir: str | Path | None = None):
    """Train on ``texts``; return the ``PreTrainedTokenizerFast`` (and save it to ``out_dir`` if given)."""
    from tokenizers import SentencePieceUnigramTokenizer, processors
    from transformers import PreTrainedTokenizerFast

    if arch not in ARCHS:
        raise ValueError(f"unknown architecture {arch!r}; architectures are {', '.join(ARCHS)}")
    specials = SPECIAL_TOKENS[arch]
    unk = "<unk>"
    spm = SentencePieceUnigramTokenizer()
    spm.train_from_iterator(iter(texts), vocab_size=int(vocab_size), special_tokens=specials, unk_token=unk, show_progress=False)
    tok = spm._tokenizer
    ids = {t: tok.token_to_id(t) for t in specials}
    if arch == "t5":
        tok.post_processor = processors.TemplateProcessing(
            single="$A </s>", pair="$A </s> $B </s>", special_tokens=[("</s>", ids["</s>"])]
        )
        kwargs = dict(pad_token="<pad>", eos_token="</s>", unk_token=unk)
    else:
        tok.post_processor = processors.TemplateProcessing(
            single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>", special_tokens=[("<s>", ids["<s>"]), ("</s>", ids["</s>"])]
        )
        kwargs = dict(bos_token="<s>", eos_token="</s>", pad_token="<pad>", unk_token=unk, mask_token="<mask>", cls_token="<s>", sep_token="</s>")
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, model_max_length=int(model_max_length), **kwargs)
    if out_dir is not None:
        fast.save_pretrained(str(out_dir))
    return fast
