"""How abstractive a summary is with respect to its document.

On the syllable tokens of :func:`provsum.text.tokenize.tokenize` (the scorer's):

- ``compression``: document tokens / summary tokens (Grusky et al. 2018);
- ``novel_n`` (n = 1..4): share of the summary's n-grams (with repeats) that never occur
  in the document;
- ``coverage`` and ``density`` of the extractive fragments of Grusky et al. (2018,
  "Newsroom", §4.1): the greedy fragments F(A, S) shared by article A and summary S;
  coverage = Σ|f| / |S|, density = Σ|f|² / |S|.

An empty summary has compression 0 (undefined ratio, counted by the caller), novel
rates 0, coverage 0 and density 0.
"""

from __future__ import annotations

from typing import Sequence


METRICS = ("compression", "novel_1", "novel_2", "novel_3", "novel_4", "coverage", "density")


def fragments(article: Sequence, summary: Sequence) -> list[int]:
    """Lengths of the greedy extractive fragments F(A, S) (Grusky et al. 2018, Algorithm 1).

    Same result as the paper's double loop; candidate starts in the article are looked up
    by token instead of scanned."""
    positions: dict = {}
    for j, tok in enumerate(article):
        positions.setdefault(tok, []).append(j)
    n_a, n_s = len(article), len(summary)
    out = []
    i = 0
    while i < n_s:
        best = 0
        starts = positions.get(summary[i], ())
        j_next = 0  # the paper skips past each matched run before trying the next start
        for j in starts:
            if j < j_next:
                continue
            k = 1
            while i + k < n_s and j + k < n_a and summary[i + k] == article[j + k]:
                k += 1
            if k > best:
                best = k
            j_next = j + k
        if best:
            out.append(best)
        i += max(best, 1)
    return out


def _ngrams(tokens: Sequence, n: int) -> list:
    if n == 1:
        return list(tokens)
    return list(zip(*(tokens[i:] for i in range(n))))


def abstractiveness_of_tokens(document: Sequence, summary: Sequence) -> dict[str, float]:
    out: dict[str, float] = {}
    n_s = len(summary)
    out["compression"] = len(document) / n_s if n_s else 0.0
    for n in (1, 2, 3, 4):
        grams = _ngrams(summary, n)
        if not grams:
            out[f"novel_{n}"] = 0.0
            continue
        doc_grams = set(_ngrams(document, n))
        out[f"novel_{n}"] = sum(1 for g in grams if g not in doc_grams) / len(grams)
    frags = fragments(document, summary)
    out["coverage"] = sum(frags) / n_s if n_s else 0.0
    out["density"] = sum(f * f for f in frags) / n_s if n_s else 0.0
    return out


def abstractiveness(summaries: Sequence[str], documents: Sequence[str], tone_marks: bool = True) -> list[dict[str, float]]:
    """Per example, the metrics of :data:`METRICS` (on interned syllable ids: same values as on tokens)."""
    if len(summaries) != len(documents):
        raise ValueError(f"{len(summaries)} summaries but {len(documents)} documents")
    from provsum.metrics.intern import syllable_ids_or_strings

    n = len(summaries)
    if not n:
        return []
    ids, lens, _ = syllable_ids_or_strings([*summaries, *documents], tone_marks)
    flat = ids.tolist()
    seqs, k = [], 0
    for length in lens.tolist():
        seqs.append(flat[k : k + length])
        k += length
    return [abstractiveness_of_tokens(seqs[n + i], seqs[i]) for i in range(n)]
