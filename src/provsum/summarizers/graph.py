"""Graph-based extractive summarizers: TextRank (Mihalcea & Tarau, 2004) and LexRank (Erkan & Radev, 2004).

Sentences are nodes; edges weigh how much two sentences share. A PageRank walk ranks the
sentences, the best ones fill a budget (``max_sentences``, or ``max_syllables`` when set), and
the summary lists them in document order.

- TextRank: ``sim(i, j) = |Ti ∩ Tj| / (log|Ti| + log|Tj|)`` over content tokens.
- LexRank: tf-idf cosine (idf over the sentences of the document); with ``threshold`` the graph
  keeps edges with cosine >= threshold (unweighted, the original LexRank), with
  ``continuous=True`` it keeps the cosine as the weight.

Tokens are syllables (default) or words (``token_mode="word"``), stopwords removed.
"""

from __future__ import annotations

import math

import numpy as np

from provsum.errors import InputError
from provsum.summarizers.base import Summarizer, join_sentences
from provsum.summarizers.stopwords import stopwords
from provsum.summarizers.tokens import MODES, tokenize, tokenize_many, tokenizer_name


def pagerank(weights: np.ndarray, damping: float = 0.85, tol: float = 1e-10, max_iter: int = 500) -> np.ndarray:
    """Stationary scores of a weighted graph (rows: from, columns: to). Nodes without edges jump uniformly.

    Solved exactly, ``(I - d T^T) p = (1 - d) / n``, for graphs up to 1,000 nodes (one LAPACK
    call, faster than iterating); power iteration beyond.
    """
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    out = weights.sum(axis=1)
    trans = np.empty_like(weights, dtype=float)
    has = out > 0
    trans[has] = weights[has] / out[has, None]
    trans[~has] = 1.0 / n
    if n <= 1000:
        scores = np.linalg.solve(np.eye(n) - damping * trans.T, np.full(n, (1.0 - damping) / n))
        return scores / scores.sum()
    scores = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = (1.0 - damping) / n + damping * (scores @ trans)
        done = np.abs(new - scores).sum() < tol
        scores = new
        if done:
            break
    return scores


class _GraphSummarizer(Summarizer):
    method = "graph"

    def __init__(
        self,
        max_sentences: int = 3,
        max_syllables: int | None = None,
        token_mode: str = "syllable",
        remove_stopwords: bool = True,
        damping: float = 0.85,
    ):
        super().__init__()
        if token_mode not in MODES:
            raise InputError(f"{self.method}: unknown token_mode {token_mode!r}; modes are {', '.join(MODES)}")
        if max_syllables is None and int(max_sentences) < 1:
            raise InputError(f"{self.method}: max_sentences must be at least 1, got {max_sentences}")
        if max_syllables is not None and int(max_syllables) < 1:
            raise InputError(f"{self.method}: max_syllables must be at least 1, got {max_syllables}")
        self.max_sentences = int(max_sentences)
        self.max_syllables = None if max_syllables is None else int(max_syllables)
        self.token_mode = token_mode
        self.remove_stopwords = bool(remove_stopwords)
        self.damping = float(damping)
        self.name = self.method
        self.settings = {
            "system": self.method,
            "max_sentences": self.max_sentences if self.max_syllables is None else None,
            "max_syllables": self.max_syllables,
            "token_mode": token_mode,
            "remove_stopwords": self.remove_stopwords,
            "damping": self.damping,
            "tokenizer": tokenizer_name(),
        }

    # --- tokens -------------------------------------------------------------------------
    def _content_tokens(self, sentences: list[str]) -> list[list[str]]:
        tokens = tokenize_many(sentences, mode=self.token_mode)
        if self.remove_stopwords:
            stop = stopwords()
            tokens = [[t for t in toks if t not in stop] for toks in tokens]
        return tokens

    # --- selection ----------------------------------------------------------------------
    def rank(self, sentences: list[str]) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def summarize_one(self, sentences: list[str]) -> str:
        if len(sentences) == 1:
            return join_sentences(sentences)
        scores = self.rank(sentences)
        order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
        return join_sentences([sentences[i] for i in select_in_budget(sentences, order, self.max_sentences, self.max_syllables)])


def select_in_budget(sentences: list[str], order: list[int], max_sentences: int, max_syllables: int | None) -> list[int]:
    """Indices taken in ranked ``order`` while they fit, returned in document order.

    With ``max_syllables`` a sentence that would overflow is skipped and the next tried; when
    even the best sentence is longer than the budget it is taken alone.
    """
    if max_syllables is None:
        return sorted(order[:max_sentences])
    chosen, used = [], 0
    for i in order:
        n = len(tokenize(sentences[i], mode="syllable"))
        if used + n <= max_syllables:
            chosen.append(i)
            used += n
    if not chosen:
        chosen = [order[0]]
    return sorted(chosen)


def term_counts(tokens: list[list[str]]) -> np.ndarray:
    """Sentence x term counts over the sentences' own vocabulary."""
    vocab: dict[str, int] = {}
    setdefault = vocab.setdefault
    rows: list[int] = []
    cols: list[int] = []
    for i, toks in enumerate(tokens):
        rows.extend([i] * len(toks))
        cols.extend([setdefault(t, len(vocab)) for t in toks])
    n, v = len(tokens), max(len(vocab), 1)
    if not rows:
        return np.zeros((n, v))
    flat = np.asarray(rows, dtype=np.int64) * v + np.asarray(cols, dtype=np.int64)
    return np.bincount(flat, minlength=n * v).astype(float).reshape(n, v)


def textrank_weights(tokens: list[list[str]]) -> np.ndarray:
    """``|Ti ∩ Tj| / (log|Ti| + log|Tj|)`` (distinct shared tokens; 0 on the diagonal; a zero
    denominator, two one-token sentences, counts as 1)."""
    present = (term_counts(tokens) > 0).astype(float)
    overlap = present @ present.T
    logs = np.array([math.log(len(t)) if t else 0.0 for t in tokens])
    denom = logs[:, None] + logs[None, :]
    denom[denom <= 0] = 1.0
    weights = overlap / denom
    np.fill_diagonal(weights, 0.0)
    return weights


def lexrank_weights(tokens: list[list[str]], threshold: float = 0.1, continuous: bool = False) -> np.ndarray:
    """tf-idf cosine between sentences, idf ``log((1+n)/(1+df)) + 1`` over the n sentences;
    edges below ``threshold`` dropped; weight 1 (thresholded) or the cosine (continuous)."""
    counts = term_counts(tokens)
    n = counts.shape[0]
    df = (counts > 0).sum(axis=0)
    tfidf = counts * (np.log((1.0 + n) / (1.0 + df)) + 1.0)
    norms = np.linalg.norm(tfidf, axis=1)
    norms[norms == 0] = 1.0
    unit = tfidf / norms[:, None]
    cos = unit @ unit.T
    np.fill_diagonal(cos, 0.0)
    weights = np.where(cos >= threshold, cos if continuous else 1.0, 0.0)
    np.fill_diagonal(weights, 0.0)
    return weights


class TextRankSummarizer(_GraphSummarizer):
    method = "textrank"

    def rank(self, sentences: list[str]) -> np.ndarray:
        return pagerank(textrank_weights(self._content_tokens(sentences)), self.damping)


class LexRankSummarizer(_GraphSummarizer):
    method = "lexrank"

    def __init__(
        self,
        max_sentences: int = 3,
        max_syllables: int | None = None,
        token_mode: str = "syllable",
        remove_stopwords: bool = True,
        damping: float = 0.85,
        threshold: float = 0.1,
        continuous: bool = False,
    ):
        super().__init__(max_sentences, max_syllables, token_mode, remove_stopwords, damping)
        self.threshold = float(threshold)
        self.continuous = bool(continuous)
        self.settings.update({"threshold": self.threshold, "continuous": self.continuous, "idf": "sentences of the document"})

    def rank(self, sentences: list[str]) -> np.ndarray:
        return pagerank(lexrank_weights(self._content_tokens(sentences), self.threshold, self.continuous), self.damping)
