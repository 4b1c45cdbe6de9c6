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


def overlap(a: dict, b: dict) -> int:
    """Clipped matches: sum over keys of min(a[k], b[k])."""
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    hits = 0
    for k, v in a.items():
        w = get(k)
        if w:
            hits += v if v < w else w
    return hits


def rouge_n_counts(pred: Counter, ref: Counter, n_pred: int | None = None, n_ref: int | None = None) -> tuple[float, float, float]:
    if n_pred is None:
        n_pred = sum(pred.values())
    if n_ref is None:
        n_ref = sum(ref.values())
    return _prf(overlap(pred, ref), n_pred, n_ref)


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


def match_masks(seq: Sequence[int]) -> dict[int, int]:
    """token -> bit mask of its positions in ``seq``."""
    masks: dict[int, int] = {}
    get = masks.get
    for j, tok in enumerate(seq):
        masks[tok] = get(tok, 0) | (1 << j)
    return masks


def lcs_indices(ref: Sequence[int], can: Sequence[int], masks: dict[int, int] | None = None) -> list[int]:
    """Indices into ``ref`` of one LCS of ``ref`` and ``can``: the one ``rouge_score.lcs_ind`` returns.

    ``masks`` is ``match_masks(ref)`` (bits = positions in ``ref``). Column ``j`` of the DP
    table ``t`` is held as the bit vector ``V_j`` of Hyyrö's bit-parallel LCS:
    ``t[i][j]`` = number of zero bits of ``V_j`` below bit ``i``, so row ``i`` is a *step*
    of column ``j`` (``t[i-1][j] < t[i][j]``) iff bit ``i-1`` of ``V_j`` is 0.

    ``rouge_score`` backtracks from ``(len(ref), len(can))``: on a match it takes it;
    otherwise it goes left if ``t[i][j-1] > t[i-1][j]`` (equivalently, on a mismatch,
    if row ``i`` is a step of column ``j``) and up if not. So within column ``j`` it
    climbs to the highest row ``i' <= i`` that is a match or a step — the highest set
    bit of ``(match_j | ~V_j)`` below bit ``i`` — then takes the match there, or else
    moves left. One column costs a few big-int operations.
    """
    m = len(ref)
    if not m or not can:
        return []
    if masks is None:
        masks = match_masks(ref)
    full = (1 << m) - 1
    v = full
    cols = []
    append = cols.append
    get = masks.get
    for tok in can:
        mk = get(tok)
        if mk is not None:
            u = v & mk
            v = ((v + u) | (v - u)) & full
        append(v)
    if v == full:
        return []
    out: list[int] = []
    i = m
    for j in range(len(can) - 1, -1, -1):
        mk = get(can[j], 0)
        x = (mk | (full ^ cols[j])) & ((1 << i) - 1)
        if not x:
            break
        i = x.bit_length()
        if (mk >> (i - 1)) & 1:
            i -= 1
            out.append(i)
            if not i:
                break
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
    pred_sets = [set(c) for c in pred_sents]
    hits = 0
    for r in ref_sents:
        union: set[int] = set()
        rmasks = match_masks(r)
        for c, cs in zip(pred_sents, pred_sets):
            if cs.isdisjoint(rmasks):
                continue
            union.update(lcs_indices(r, c, rmasks))
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
            out.append(rouge_n_counts(pred.counts(kind, base), ref.counts(kind, base),
                                      max(len(pred.ids) - kind + 1, 0), max(len(ref.ids) - kind + 1, 0)))
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
