"""Train a SentencePiece Unigram tokenizer for a from-scratch model.

The ``sentencepiece`` trainer learns the pieces (it is deterministic: the same text gives the
same model, unlike the ``tokenizers`` Unigram trainer, whose vocabulary changes from run to run);
the pieces and their scores are then loaded into a ``tokenizers`` Unigram model wrapped as a
``PreTrainedTokenizerFast``, saved with ``save_pretrained`` (``tokenizer.json``) and loadable with
``AutoTokenizer.from_pretrained``. Text is NFKC-normalized (Vietnamese stays composed), split on
spaces with the ``▁`` marker, and cased. Special tokens and the template follow the architecture:
T5 ``<pad>=0 </s>=1 <unk>=2`` and appends ``</s>``; BART ``<s>=0 <pad>=1 </s>=2 <unk>=3 <mask>=4``
and wraps the text in ``<s> … </s>``. Train on sentences or short texts: longer lines than
``max_sentence_length`` bytes are skipped by sentencepiece.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Iterable

from provsum.training.configs import ARCHS

IDS = {
    "t5": dict(pad_id=0, eos_id=1, unk_id=2, bos_id=-1),
    "bart": dict(bos_id=0, pad_id=1, eos_id=2, unk_id=3),
}


def train_sentencepiece(texts: Iterable[str], arch: str, vocab_size: int, seed: int = 0) -> bytes:
    """The serialized sentencepiece model proto."""
    import sentencepiece as spm

    spm.set_random_generator_seed(seed)
    model = io.BytesIO()
    extra = {"user_defined_symbols": ["<mask>"]} if arch == "bart" else {}
    spm.SentencePieceTrainer.train(
        sentence_iterator=(t for t in texts if t and t.strip()),
        model_writer=model,
        model_type="unigram",
        vocab_size=int(vocab_size),
        hard_vocab_limit=False,  # a small corpus may not support the full size
        character_coverage=0.9999,
        normalization_rule_name="nmt_nfkc",
        pad_piece="<pad>", eos_piece="</s>", unk_piece="<unk>", bos_piece="<s>",
        num_threads=min(os.cpu_count() or 1, 16),
        minloglevel=2,
        **IDS[arch],
        **extra,
    )
    return model.getvalue()


def train_tokenizer(texts: Iterable[str], arch: str, vocab_size: int, model_max_length: int = 1024,
                    out_dir: str | Path | None = None, seed: int = 0):
    """Train on ``texts``; return the ``PreTrainedTokenizerFast`` (and save it to ``out_dir`` if given)."""
    if arch not in ARCHS:
        raise ValueError(f"unknown architecture {arch!r}; architectures are {', '.join(ARCHS)}")
    import sentencepiece as spm
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    proto = train_sentencepiece(texts, arch, vocab_size, seed)
    sp = spm.SentencePieceProcessor(model_proto=proto)
    vocab = [(sp.id_to_piece(i), 0.0 if sp.is_control(i) or sp.is_unknown(i) else sp.get_score(i))
             for i in range(sp.get_piece_size())]
    tok = Tokenizer(models.Unigram(vocab, unk_id=sp.unk_id(), byte_fallback=False))
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " "), normalizers.Strip()])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    if arch == "t5":
        specials = ["<pad>", "</s>", "<unk>"]
        tok.post_processor = processors.TemplateProcessing(
            single="$A </s>", pair="$A </s> $B </s>", special_tokens=[("</s>", sp.eos_id())]
        )
        kwargs = dict(pad_token="<pad>", eos_token="</s>", unk_token="<unk>")
    else:
        specials = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
        tok.post_processor = processors.TemplateProcessing(
            single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
            special_tokens=[("<s>", sp.bos_id()), ("</s>", sp.eos_id())],
        )
        kwargs = dict(bos_token="<s>", eos_token="</s>", pad_token="<pad>", unk_token="<unk>", mask_token="<mask>",
                      cls_token="<s>", sep_token="</s>")
    tok.add_special_tokens(specials)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, model_max_length=int(model_max_length), **kwargs)
    if out_dir is not None:
        fast.save_pretrained(str(out_dir))
    return fast
