"""Oracle: a greedy extract that maximizes ROUGE against the reference — the extractive upper bound.

Greedy as in Nallapati et al. (2017) / Liu & Lapata (2019): start empty, repeatedly add the
sentence that most increases the objective (by default ROUGE-1 F1 + ROUGE-2 F1, clipped n-gram
counts over the scorer's syllable tokens), stop when no sentence increases it or
``max_sentences`` is reached. N-grams are counted within sentences (no bigram spans two
sentences). The summary lists the chosen sentences in document order.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from provsum.errors import InputError
from provsum.summarizers.base import Summarizer, check_ids, document_sentences, join_sentences
from provsum.summarizers.tokens import MODES, tokenize_many, tokenizer_name

OBJECTIVES = {"rouge1+rouge2": (1, 2), "rouge1": (1,), "rouge2": (2,)}


def _ngram_table(sent_tokens: list[list[str]], ref_tokens: list[str], n: int):
    """Counts of the reference's n-grams in each sentence (matrix), the reference counts and lengths."""
    vocab: dict[tuple, int] = {}
    ref_ids = []
    for i in range(len(ref_tokens) - n + 1):
        ref_ids.append(vocab.setdefault(tuple(ref_tokens[i : i + n]), len(vocab)))
    ref = np.bincount(np.array(ref_ids, dtype=np.int64), minlength=len(vocab)).astype(float) if ref_ids else np.zeros(0)
    mat = np.zeros((len(sent_tokens), len(vocab)))
    lengths = np.zeros(len(sent_tokens))
    get = vocab.get
    for s, toks in enumerate(sent_tokens):
        m = len(toks) - n + 1
        if m <= 0:
            continue
        lengths[s] = m
        row = mat[s]
        for i in range(m):
            j = get(tuple(toks[i : i + n]) if n > 1 else (toks[i],))
            if j is not None:
                row[j] += 1.0
    return mat, ref, lengths, float(len(ref_ids))


def greedy_oracle(
    sent_tokens: list[list[str]],
    ref_tokens: list[str],
    orders: Sequence[int] = (1, 2),
    max_sentences: int | None = None,
) -> list[int]:
    """Indices (document order) of the greedy ROUGE oracle extract."""
    if not sent_tokens or not ref_tokens:
        return []
    tables = [_ngram_table(sent_tokens, ref_tokens, n) for n in orders]
    n_sent = len(sent_tokens)
    chosen: list[int] = []
    available = np.ones(n_sent, dtype=bool)
    selected = [np.zeros_like(t[1]) for t in tables]
    sel_len = [0.0 for _ in tables]
    best = 0.0
    limit = n_sent if max_sentences is None else min(int(max_sentences), n_sent)
    while len(chosen) < limit:
        total = np.zeros(n_sent)
        for k, (mat, ref, lengths, ref_len) in enumerate(tables):
            if ref_len == 0:
                continue
            overlap = np.minimum(selected[k][None, :] + mat, ref[None, :]).sum(axis=1)
            cand_len = sel_len[k] + lengths
            with np.errstate(divide="ignore", invalid="ignore"):
                p = np.where(cand_len > 0, overlap / np.maximum(cand_len, 1e-12), 0.0)
                r = overlap / ref_len
                f = np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)
            total += f
        total[~available] = -1.0
        i = int(np.argmax(total))  # ties: the earliest sentence
        if total[i] <= best + 1e-12:
            break
        best = float(total[i])
        chosen.append(i)
        available[i] = False
        for k, (mat, _, lengths, _) in enumerate(tables):
            selected[k] = selected[k] + mat[i]
            sel_len[k] += lengths[i]
    return sorted(chosen)


class OracleSummarizer(Summarizer):
    name = "oracle"

    def __init__(self, objective: str = "rouge1+rouge2", max_sentences: int | None = None, token_mode: str = "syllable"):
        super().__init__()
        if objective not in OBJECTIVES:
            raise InputError(f"oracle: unknown objective {objective!r}; objectives are {', '.join(OBJECTIVES)}")
        if token_mode not in MODES:
            raise InputError(f"oracle: unknown token_mode {token_mode!r}; modes are {', '.join(MODES)}")
        self.objective = objective
        self.max_sentences = None if max_sentences is None else int(max_sentences)
        self.token_mode = token_mode
        self.settings = {
            "system": "oracle",
            "objective": objective,
            "max_sentences": self.max_sentences,
            "token_mode": token_mode,
            "tokenizer": tokenizer_name(),
            "greedy": True,
        }

    def select(self, sentences: list[str], reference: str) -> list[int]:
        tokens = tokenize_many(list(sentences) + [reference or ""], mode=self.token_mode)
        return greedy_oracle(tokens[:-1], tokens[-1], OBJECTIVES[self.objective], self.max_sentences)

    def summarize(
        self,
        documents: Sequence[str],
        ids: Sequence[str] | None = None,
        references: Sequence[str] | None = None,
    ) -> list[str]:
        check_ids(documents, ids)
        if references is None:
            raise InputError("oracle needs the reference summaries: summarize(documents, references=...)")
        if len(references) != len(documents):
            raise InputError(f"oracle: {len(documents)} documents but {len(references)} references")
        out, empty = [], 0
        for doc, ref in zip(documents, references):
            sents = document_sentences(doc)
            if not sents:
                empty += 1
                out.append("")
                continue
            out.append(join_sentences([sents[i] for i in self.select(sents, ref)]))
        self._warn_empty(empty)
        return out
