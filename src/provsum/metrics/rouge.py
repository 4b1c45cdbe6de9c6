"""ROUGE-N, ROUGE-L and ROUGE-Lsum on token sequences, equal to Google's ``rouge_score``.

Given the same tokens, every number here equals ``rouge_score.rouge_scorer`` (v0.1.2) to
1e-9 (tested): ROUGE-N counts clipped n-gram matches; ROUGE-L is the sentence-level LCS
of the whole texts; ROUGE-Lsum is the summary-level union LCS of Lin (2004) §3.2 with
ROUGE-1.5.5's guard against double counting, and it picks the *same* LCS as
``rouge_score`` when several exist (its backtracking order), because the union depends
on that choice.

Speed: tokens are interned to ints once per batch; n-gram overlaps are ``Counter``
intersections over ints (bigrams packed into one int); the whole-text LCS length comes
from ``rapidfuzz`` (bit-parallel, C++); the per-sentence LCS for Lsum is a bit-parallel
LCS over Python ints (Hyyrö 2004) whose rows are kept to replay ``rouge_score``'s
backtracking exactly.

Scores are ``(precision, recall, fmeasure)`` tuples.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
ZERO = (0.0, 0.0, 0.0)


def parse_rouge_type(rouge_type: str) -> int | str:
    """``"rouge2"`` -> 2, ``"rougeL"`` -> ``"L"``, ``"rougeLsum"`` -> ``"Lsum"``."""
    if rouge_type == "rougeL":
        return "L"
    if rouge_type == "rougeLsum":
        return "Lsum"
    if rouge_type.startswith("rouge") and rouge_type[5:].isdigit() and int(rouge_type[5:]) > 0:
        return int(rouge_type[5:])
    raise ValueError(f"invalid rouge type {rouge_type!r}: use rouge1..rouge9, rougeL or rougeLsum")


def fmeasure(precision: float, recall: float) -> float:
    if precision + recall > 0:
        return 2 * precision * recall / (precision + recall)
    return 0.0


def _prf(hits: int, n_pred: int, n_ref: int) -> tuple[float, float, float]:
    p = hits / max(n_pred, 1)
    r = hits / max(n_ref, 1)
    return (p, r, fmeasure(p, r))


class Vocab:
    """Interns tokens to consecutive ints (ids start at 1)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def encode(self, tokens: Iterable[str]) -> list[int]:
        ids = self.ids
        get = ids.get
        out = []
        for t in tokens:
            i = get(t)
            if i is None:
                i = ids[t] = len(ids) + 1
            out.append(i)
        return out

    def __len__(self) -> int:
        return len(self.ids)


# ---------------------------------------------------------------- n-grams


def ngram_keys(ids: Sequence[int], n: int, base: int) -> list:
    """n-grams of int ids packed into one int each (``base`` > every id)."""
    if n == 1:
        return list(ids)
    if n == 2:
        return [a * base + b for a, b in zip(ids, ids[1:])]
    return [tuple(ids[i : i + n]) for i in range(len(ids) - n + 1)]


def rouge_n_counts(pred: Counter, ref: Counter) -> tuple[float, float, float]:
    hits = sum((pred & ref).values())
    return _prf(hits, sum(pred.values()), sum(ref.values()))


# ---------------------------------------------------------------- LCS


def lcs_length(a: Sequence[int], b: Sequence[int]) -> int:
    if not a or not b:
        return 0
    from rapidfuzz.distance import LCSseq

    return int(LCSseq.similarity(a, b))


def rouge_l(pred: Sequence[int], ref: Sequence[int]) -> tuple[float, float, float]:
    if not pred or not ref:
        return ZERO
    return _prf(lcs_length(pred, ref), len(pred), len(ref))


def match_masks(can: Sequence[int]) -> dict[int, int]:
    """token -> bit mask of its positions in ``can``."""
    masks: dict[int, int] = {}
    get = masks.get
    for j, tok in enumerate(can):
        masks[tok] = get(tok, 0) | (1 << j)
    return masks


def lcs_indices(ref: Sequence[int], can: Sequence[int], masks: dict[int, int] | None = None) -> list[int]:
    """Indices into ``ref`` of one LCS of ``ref`` and ``can``: the one ``rouge_score.lcs_ind`` returns.

    Row ``i`` of the DP table is held as the bit vector ``V_i`` of Hyyrö's algorithm:
    ``t[i][j]`` = number of zero bits of ``V_i`` below bit ``j``. The backtracking is
    ``rouge_score``'s: take a match; else go left only if ``t[i][j-1] > t[i-1][j]``,
    i.e. only if ``t[i-1][j] < t[i][j]``.
    """
    n = len(can)
    if not ref or not n:
        return []
    if masks is None:
        masks = match_masks(can)
    full = (1 << n) - 1
    v = full
    rows = [v]
    append = rows.append
    get = masks.get
    for tok in ref:
        m = get(tok)
        if m is not None:
            u = v & m
            v = ((v + u) | (v - u)) & full
        append(v)
    if v == full:
        return []
    out: list[int] = []
    i, j = len(ref), n
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            i -= 1
            j -= 1
            out.append(i)
            continue
        below = (1 << j) - 1
        # zeros of V below bit j: equal counts <=> t[i-1][j] == t[i][j] -> go up
        if (rows[i] & below).bit_count() == (rows[i - 1] & below).bit_count():
            i -= 1
        else:
            j -= 1
    out.reverse()
    return out


def rouge_lsum(pred_sents: Sequence[Sequence[int]], ref_sents: Sequence[Sequence[int]]) -> tuple[float, float, float]:
    """Summary-level union LCS (``rouge_score._summary_level_lcs``)."""
    pred_sents = [s for s in pred_sents if s]
    ref_sents = [s for s in ref_sents if s]
    if not pred_sents or not ref_sents:
        return ZERO
    m = sum(map(len, ref_sents))
    n = sum(map(len, pred_sents))
    cnt_r: Counter = Counter()
    cnt_c: Counter = Counter()
    for s in ref_sents:
        cnt_r.update(s)
    for s in pred_sents:
        cnt_c.update(s)
    pred_masks = [match_masks(c) for c in pred_sents]
    pred_sets = [set(c) for c in pred_sents]
    hits = 0
    for r in ref_sents:
        union: set[int] = set()
        rset = set(r)
        for c, cm, cs in zip(pred_sents, pred_masks, pred_sets):
            if rset.isdisjoint(cs):
                continue
            union.update(lcs_indices(r, c, cm))
        for k in sorted(union):
            t = r[k]
            if cnt_c[t] > 0 and cnt_r[t] > 0:
                hits += 1
                cnt_c[t] -= 1
                cnt_r[t] -= 1
    return _prf(hits, n, m)


# ---------------------------------------------------------------- one pair, all types


class Prepared:
    """A tokenized text: interned ids of the whole text and of each sentence."""

    __slots__ = ("ids", "sents", "ngrams")

    def __init__(self, sents: list[list[int]]):
        self.sents = sents
        self.ids = [t for s in sents for t in s]
        self.ngrams: dict[int, Counter] = {}

    def counts(self, n: int, base: int) -> Counter:
        c = self.ngrams.get(n)
        if c is None:
            c = self.ngrams[n] = Counter(ngram_keys(self.ids, n, base))
        return c


def score_prepared(pred: Prepared, ref: Prepared, kinds: Sequence[int | str], base: int) -> list[tuple[float, float, float]]:
    out = []
    for kind in kinds:
        if kind == "L":
            out.append(rouge_l(pred.ids, ref.ids))
        elif kind == "Lsum":
            out.append(rouge_lsum(pred.sents, ref.sents))
        else:
            out.append(rouge_n_counts(pred.counts(kind, base), ref.counts(kind, base)))
    return out


def select_max(per_ref: list[list[tuple[float, float, float]]]) -> list[tuple[float, float, float]]:
    """For each type, the reference with the highest F (first one on ties), as ``score_multi``."""
    if len(per_ref) == 1:
        return per_ref[0]
    out = []
    for k in range(len(per_ref[0])):
        best = per_ref[0][k]
        for scores in per_ref[1:]:
            if scores[k][2] > best[2]:
                best = scores[k]
        out.append(best)
    return out


def jackknife(per_ref: list[list[tuple[float, float, float]]]) -> list[tuple[float, float, float]]:
    """ROUGE-1.5.5 jackknifing: with K >= 2 references, the mean over the K leave-one-out
    subsets of the best-F score in each subset (P, R and F of the chosen reference are
    averaged separately). With one reference it is the plain score."""
    k_refs = len(per_ref)
    if k_refs == 1:
        return per_ref[0]
    out = []
    for k in range(len(per_ref[0])):
        acc = [0.0, 0.0, 0.0]
        for left_out in range(k_refs):
            subset = [per_ref[r][k] for r in range(k_refs) if r != left_out]
            best = subset[0]
            for s in subset[1:]:
                if s[2] > best[2]:
                    best = s
            acc[0] += best[0]
            acc[1] += best[1]
            acc[2] += best[2]
        out.append((acc[0] / k_refs, acc[1] / k_refs, acc[2] / k_refs))
    return out
