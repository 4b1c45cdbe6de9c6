"""Score a batch of (prediction, references) pairs: sentence split, tokenize, intern, score.

The batch is tokenized in one pass (one normalization over the joined text), tokens are
interned to ints, and each pair is scored by :mod:`provsum.metrics.rouge`. With
``workers > 1`` the pairs are cut into contiguous chunks scored in forked processes; the
result is the same as with one process.
"""

from __future__ import annotations

from typing import Sequence

from provsum.metrics.rouge import Prepared, Vocab, jackknife, parse_rouge_type, score_prepared, select_max
from provsum.text.sentences import sentences_of
from provsum.text.tokenize import tokenize_batch

SENTENCE_SPLITS = ("auto", "lines")


def split_for_lsum(text: str, sentence_split: str = "auto") -> list[str]:
    """Sentences for ROUGE-Lsum: ``lines`` = non-empty lines (``rouge_score``);
    ``auto`` = lines when the text has a line break, else the automatic splitter."""
    if sentence_split == "lines":
        return [s for s in text.split("\n") if s]
    if sentence_split == "auto":
        return sentences_of(text)
    raise ValueError(f"unknown sentence_split {sentence_split!r}; use one of {SENTENCE_SPLITS}")


def prepare_texts(texts: Sequence[str], vocab: Vocab, tokenizer: str, tone_marks: bool, sentence_split: str) -> list[Prepared]:
    sents_per_text = [split_for_lsum(t, sentence_split) for t in texts]
    flat = [s for sents in sents_per_text for s in sents]
    tokens = tokenize_batch(flat, mode=tokenizer, tone_marks=tone_marks)
    encode = vocab.encode
    out = []
    k = 0
    for sents in sents_per_text:
        n = len(sents)
        out.append(Prepared([encode(t) for t in tokens[k : k + n]]))
        k += n
    return out


def score_chunk(
    predictions: Sequence[str],
    references: Sequence[Sequence[str]],
    rouge_types: Sequence[str],
    tokenizer: str = "syllable",
    tone_marks: bool = True,
    sentence_split: str = "auto",
    multi_ref: str = "max",
) -> list[list[tuple[float, float, float]]]:
    """Per pair, per rouge type: (precision, recall, fmeasure)."""
    kinds = [parse_rouge_type(t) for t in rouge_types]
    vocab = Vocab()
    preds = prepare_texts(predictions, vocab, tokenizer, tone_marks, sentence_split)
    n_refs = [len(r) for r in references]
    refs_flat = prepare_texts([r for rs in references for r in rs], vocab, tokenizer, tone_marks, sentence_split)
    base = len(vocab) + 1
    combine = jackknife if multi_ref == "jackknife" else select_max
    out = []
    k = 0
    for pred, nr in zip(preds, n_refs):
        per_ref = [score_prepared(pred, refs_flat[k + j], kinds, base) for j in range(nr)]
        k += nr
        out.append(combine(per_ref))
    return out


def _run_chunk(args):
    return score_chunk(*args)


def score_pairs(
    predictions: Sequence[str],
    references: Sequence[Sequence[str]],
    rouge_types: Sequence[str],
    tokenizer: str = "syllable",
    tone_marks: bool = True,
    sentence_split: str = "auto",
    multi_ref: str = "max",
    workers: int = 1,
) -> list[list[tuple[float, float, float]]]:
    n = len(predictions)
    if workers <= 1 or n < 2 * workers:
        return score_chunk(predictions, references, rouge_types, tokenizer, tone_marks, sentence_split, multi_ref)
    import multiprocessing as mp

    size = -(-n // workers)
    tasks = [
        (predictions[i : i + size], references[i : i + size], rouge_types, tokenizer, tone_marks, sentence_split, multi_ref)
        for i in range(0, n, size)
    ]
    with mp.get_context("fork").Pool(workers) as pool:
        parts = pool.map(_run_chunk, tasks)
    return [row for part in parts for row in part]
