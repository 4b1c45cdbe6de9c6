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


def sentence_ids(texts: Sequence[str], vocab: dict[str, int], tokenizer: str, tone_marks: bool, sentence_split: str) -> list[list[list[int]]]:
    """Per text, per sentence, the interned token ids (``vocab`` grows; ids start at 1)."""
    sents_per_text = [split_for_lsum(t, sentence_split) for t in texts]
    flat = [s for sents in sents_per_text for s in sents]
    tokens = tokenize_batch(flat, mode=tokenizer, tone_marks=tone_marks)
    for toks in tokens:
        for t in toks:
            if t not in vocab:
                vocab[t] = len(vocab) + 1
    get = vocab.__getitem__
    ids = [list(map(get, toks)) for toks in tokens]
    out = []
    k = 0
    for sents in sents_per_text:
        n = len(sents)
        out.append(ids[k : k + n])
        k += n
    return out


def prepare_texts(texts: Sequence[str], vocab: Vocab, tokenizer: str, tone_marks: bool, sentence_split: str) -> list[Prepared]:
    """The pure-Python path's input (kept as the reference implementation)."""
    return [Prepared(s) for s in sentence_ids(texts, vocab.ids, tokenizer, tone_marks, sentence_split)]


def score_chunk(
    predictions: Sequence[str],
    references: Sequence[Sequence[str]],
    rouge_types: Sequence[str],
    tokenizer: str = "syllable",
    tone_marks: bool = True,
    sentence_split: str = "auto",
    multi_ref: str = "max",
    engine: str = "numpy",
) -> list[list[tuple[float, float, float]]]:
    """Per pair, per rouge type: (precision, recall, fmeasure).

    ``engine="numpy"`` scores the whole chunk vectorized (:mod:`provsum.metrics.fast`);
    ``engine="python"`` pair by pair (:mod:`provsum.metrics.rouge`). Same numbers."""
    kinds = [parse_rouge_type(t) for t in rouge_types]
    combine = jackknife if multi_ref == "jackknife" else select_max
    n_refs = [len(r) for r in references]
    if engine == "python":
        vocab = Vocab()
        preds = prepare_texts(predictions, vocab, tokenizer, tone_marks, sentence_split)
        refs_flat = prepare_texts([r for rs in references for r in rs], vocab, tokenizer, tone_marks, sentence_split)
        base = len(vocab) + 1
        out = []
        k = 0
        for pred, nr in zip(preds, n_refs):
            per_ref = [score_prepared(pred, refs_flat[k + j], kinds, base) for j in range(nr)]
            k += nr
            out.append(combine(per_ref))
        return out
    import numpy as np

    from provsum.metrics.fast import Side, score_sides

    refs_all = [r for rs in references for r in rs]
    pred_sents = [split_for_lsum(t, sentence_split) for t in predictions]
    ref_sents = [split_for_lsum(t, sentence_split) for t in refs_all]
    flat = [s for sents in pred_sents for s in sents] + [s for sents in ref_sents for s in sents]
    n_pred_sents = sum(len(x) for x in pred_sents)
    if tokenizer == "syllable":
        from provsum.metrics.intern import syllable_ids_or_strings

        ids, lens, vocab = syllable_ids_or_strings(flat, tone_marks)
        vocab_size = len(vocab)
    else:
        vocab_d: dict[str, int] = {}
        ids_l: list[int] = []
        lens_l: list[int] = []
        for toks in tokenize_batch(flat, mode=tokenizer, tone_marks=tone_marks):
            for t in toks:
                i = vocab_d.get(t)
                if i is None:
                    i = vocab_d[t] = len(vocab_d) + 1
                ids_l.append(i)
            lens_l.append(len(toks))
        ids, lens, vocab_size = np.array(ids_l, dtype=np.int64), np.array(lens_l, dtype=np.int64), len(vocab_d)
    n_pred_toks = int(lens[:n_pred_sents].sum())
    P = Side(ids[:n_pred_toks], lens[:n_pred_sents], np.array([len(x) for x in pred_sents], dtype=np.int64))
    R = Side(ids[n_pred_toks:], lens[n_pred_sents:], np.array([len(x) for x in ref_sents], dtype=np.int64))
    single = all(nr == 1 for nr in n_refs)
    if not single:
        P = P.take(np.repeat(np.arange(len(predictions)), n_refs))
    scores = score_sides(P, R, kinds, vocab_size)
    rows = [[tuple(x) for x in pair] for pair in scores.tolist()]
    if single:
        return rows
    out = []
    k = 0
    for nr in n_refs:
        out.append(combine(rows[k : k + nr]))
        k += nr
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

    if tokenizer == "syllable":
        from provsum.metrics.intern import _char_table

        _char_table()  # build the one-time table before forking, not once per worker
    size = -(-n // workers)
    tasks = [
        (predictions[i : i + size], references[i : i + size], rouge_types, tokenizer, tone_marks, sentence_split, multi_ref)
        for i in range(0, n, size)
    ]
    with mp.get_context("fork").Pool(workers) as pool:
        parts = pool.map(_run_chunk, tasks)
    return [row for part in parts for row in part]
