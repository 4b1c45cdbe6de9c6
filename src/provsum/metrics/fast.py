"""Vectorized ROUGE over a whole batch (numpy), with the same numbers as :mod:`provsum.metrics.rouge`.

Input: per pair, the prediction's and the reference's sentences as lists of int token ids
(interned by the caller). All pairs are scored together:

- ROUGE-N: every n-gram becomes one int64 key ``pair * V**n + code``; clipped matches are
  ``min`` of the counts of the keys both sides share (``np.unique`` + ``np.intersect1d``).
- ROUGE-L: LCS lengths of the whole texts by ``rapidfuzz.process.cpdist`` (C++).
- ROUGE-Lsum: the bit-parallel LCS of :func:`provsum.metrics.rouge.lcs_indices`, run for
  all (reference sentence, prediction sentence) pairs at once on uint64 words, with the
  same column-wise backtracking (so the same LCS as ``rouge_score``). Reference sentences
  longer than 64 tokens go through the big-int version. The union/clipping step reduces
  to ``hits = sum over tokens t of min(U_t, C_t)`` (``U_t``: positions in the union LCS
  holding ``t``; ``C_t``: count of ``t`` in the prediction), because the reference-side
  counter can never be the binding one (union positions are distinct positions of the
  reference).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from provsum.metrics.rouge import lcs_indices, match_masks

_U64 = np.uint64
_ALL = np.uint64(0xFFFFFFFFFFFFFFFF)


def _prf(hits: np.ndarray, n_pred: np.ndarray, n_ref: np.ndarray) -> np.ndarray:
    """(pairs x 3) precision, recall, F — the same float operations as ``rouge_score``."""
    hits = hits.astype(np.float64)
    p = hits / np.maximum(n_pred, 1)
    r = hits / np.maximum(n_ref, 1)
    s = p + r
    with np.errstate(invalid="ignore", divide="ignore"):
        f = np.where(s > 0, 2 * p * r / np.where(s > 0, s, 1), 0.0)
    return np.stack([p, r, f], axis=1)


class Side:
    """One side (predictions or references) of a batch, flattened: token ids, sentence
    lengths, sentences per text."""

    def __init__(self, tokens: np.ndarray, sent_len: np.ndarray, n_sents: np.ndarray):
        n_texts = len(n_sents)
        self.tokens = np.asarray(tokens, dtype=np.int64)
        self.sent_len = np.asarray(sent_len, dtype=np.int64)
        self.n_sents = np.asarray(n_sents, dtype=np.int64)
        self.sent_start = np.zeros(len(self.sent_len), dtype=np.int64)
        if len(self.sent_len) > 1:
            np.cumsum(self.sent_len[:-1], out=self.sent_start[1:])
        self.sent_pair = np.repeat(np.arange(n_texts, dtype=np.int64), self.n_sents)
        self.text_len = np.bincount(self.sent_pair, weights=self.sent_len, minlength=n_texts).astype(np.int64)
        self.tok_pair = np.repeat(np.arange(n_texts, dtype=np.int64), self.text_len)
        self.text_start = np.zeros(n_texts, dtype=np.int64)
        if n_texts > 1:
            np.cumsum(self.text_len[:-1], out=self.text_start[1:])

    @classmethod
    def from_lists(cls, texts: Sequence[Sequence[Sequence[int]]]) -> "Side":
        return cls(
            np.array([t for sents in texts for s in sents for t in s], dtype=np.int64),
            np.array([len(s) for sents in texts for s in sents], dtype=np.int64),
            np.array([len(sents) for sents in texts], dtype=np.int64),
        )

    def take(self, texts: np.ndarray) -> "Side":
        """The side made of texts ``texts`` (indices, repeats allowed)."""
        first_sent = np.zeros(len(self.n_sents), dtype=np.int64)
        if len(self.n_sents) > 1:
            np.cumsum(self.n_sents[:-1], out=first_sent[1:])
        sents = _ragged_index(first_sent[texts], self.n_sents[texts])
        toks = _ragged_index(self.text_start[texts], self.text_len[texts])
        return Side(self.tokens[toks], self.sent_len[sents], self.n_sents[texts])

    def as_strings(self) -> list[str]:
        """Each text's ids as one str (one code point per token), for rapidfuzz."""
        codes = self.tokens + 1
        codes = codes + (codes >= 0xD800) * 0x800  # skip the surrogate block
        if len(codes) and codes.max() >= 0x110000:
            raise OverflowError("vocabulary too large for the string encoding")
        big = codes.astype("<u4").tobytes().decode("utf-32-le")
        return [big[s : s + n] for s, n in zip(self.text_start.tolist(), self.text_len.tolist())]


def _ngram_keys(side: Side, n: int, vocab_size: int) -> np.ndarray:
    toks = side.tokens
    if len(toks) < n:
        return np.zeros(0, dtype=np.int64)
    valid = side.tok_pair[: len(toks) - n + 1] == side.tok_pair[n - 1 :]
    code = np.zeros(len(toks) - n + 1, dtype=np.int64)
    for i in range(n):
        code = code * vocab_size + toks[i : len(toks) - n + 1 + i]
    return (side.tok_pair[: len(code)] * vocab_size**n + code)[valid]


def _counts(keys: np.ndarray):
    return np.unique(keys, return_counts=True)


def _clipped_hits(keys_a: np.ndarray, keys_b: np.ndarray, divisor: int, n_pairs: int) -> np.ndarray:
    ua, ca = _counts(keys_a)
    ub, cb = _counts(keys_b)
    common, ia, ib = np.intersect1d(ua, ub, assume_unique=True, return_indices=True)
    return np.bincount(common // divisor, weights=np.minimum(ca[ia], cb[ib]), minlength=n_pairs)


def rouge_n(pred: Side, ref: Side, n: int, vocab_size: int) -> np.ndarray:
    n_pairs = len(pred.text_len)
    hits = _clipped_hits(_ngram_keys(pred, n, vocab_size), _ngram_keys(ref, n, vocab_size), vocab_size**n, n_pairs)
    return _prf(hits, np.maximum(pred.text_len - n + 1, 0), np.maximum(ref.text_len - n + 1, 0))


def rouge_l(pred: Side, ref: Side) -> np.ndarray:
    from rapidfuzz import process
    from rapidfuzz.distance import LCSseq

    n_pairs = len(pred.text_len)
    a = pred.as_strings()
    b = ref.as_strings()
    lcs = process.cpdist(a, b, scorer=LCSseq.similarity).astype(np.float64) if n_pairs else np.zeros(0)
    out = _prf(lcs, pred.text_len, ref.text_len)
    out[(pred.text_len == 0) | (ref.text_len == 0)] = 0.0
    return out


def _ragged_index(starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """Concatenation of ``arange(s, s + l)`` for each (s, l)."""
    total = int(lens.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    offs = np.zeros(len(lens), dtype=np.int64)
    np.cumsum(lens[:-1], out=offs[1:])
    return np.repeat(starts - offs, lens) + np.arange(total, dtype=np.int64)


def _bit_length(x: np.ndarray) -> np.ndarray:
    hi = (x >> _U64(32)).astype(np.float64)
    lo = (x & _U64(0xFFFFFFFF)).astype(np.float64)
    return np.where(hi > 0, 32 + np.frexp(hi)[1], np.frexp(lo)[1]).astype(np.int64)


def _lsum_union_entries(pred: Side, ref: Side) -> tuple[np.ndarray, np.ndarray]:
    """(reference sentence, position) of every union-LCS entry (with repeats across prediction sentences)."""
    n_pairs = len(pred.text_len)
    # all (reference sentence, prediction sentence) combinations of each pair
    ref_first = np.zeros(n_pairs, dtype=np.int64)
    pred_first = np.zeros(n_pairs, dtype=np.int64)
    if n_pairs > 1:
        np.cumsum(ref.n_sents[:-1], out=ref_first[1:])
        np.cumsum(pred.n_sents[:-1], out=pred_first[1:])
    combos = ref.n_sents * pred.n_sents
    pair_of = np.repeat(np.arange(n_pairs), combos)
    k = np.arange(int(combos.sum())) - np.repeat(np.cumsum(combos) - combos, combos)
    n_pred_s = pred.n_sents[pair_of]
    rs = ref_first[pair_of] + k // np.maximum(n_pred_s, 1)
    cs = pred_first[pair_of] + k % np.maximum(n_pred_s, 1)
    m = ref.sent_len[rs]
    nc = pred.sent_len[cs]
    keep = (m > 0) & (nc > 0)
    rs, cs, m, nc = rs[keep], cs[keep], m[keep], nc[keep]

    out_s: list[np.ndarray] = []
    out_i: list[np.ndarray] = []
    long = m > 64
    if long.any():  # rare: big-int path
        for s, c in zip(rs[long].tolist(), cs[long].tolist()):
            r_toks = ref.tokens[ref.sent_start[s] : ref.sent_start[s] + ref.sent_len[s]].tolist()
            c_toks = pred.tokens[pred.sent_start[c] : pred.sent_start[c] + pred.sent_len[c]].tolist()
            idx = lcs_indices(r_toks, c_toks, match_masks(r_toks))
            out_s.append(np.full(len(idx), s, dtype=np.int64))
            out_i.append(np.array(idx, dtype=np.int64))
        rs, cs, m, nc = rs[~long], cs[~long], m[~long], nc[~long]
    if len(rs):
        order = np.argsort(-nc, kind="stable")
        rs, cs, m, nc = rs[order], cs[order], m[order], nc[order]
        n_sp = len(rs)
        width = int(nc[0])
        # match masks: for each (sentence pair, prediction position j), bits of the reference positions equal to it
        vocab = int(max(ref.tokens.max(initial=0), pred.tokens.max(initial=0))) + 1
        ref_sent_of_tok = np.repeat(np.arange(len(ref.sent_len)), ref.sent_len)
        ref_pos = np.arange(len(ref.tokens)) - ref.sent_start[ref_sent_of_tok]
        keys = ref_sent_of_tok * vocab + ref.tokens
        bits = np.left_shift(_U64(1), np.minimum(ref_pos, 63).astype(np.uint64))
        order_k = np.argsort(keys, kind="stable")
        keys_sorted = keys[order_k]
        starts = np.flatnonzero(np.r_[True, keys_sorted[1:] != keys_sorted[:-1]])
        ukeys = keys_sorted[starts]
        umask = np.bitwise_or.reduceat(bits[order_k], starts) if len(starts) else np.zeros(0, dtype=np.uint64)
        q_tok = pred.tokens[_ragged_index(pred.sent_start[cs], nc)]
        q_key = np.repeat(rs, nc) * vocab + q_tok
        pos = np.searchsorted(ukeys, q_key)
        pos = np.minimum(pos, max(len(ukeys) - 1, 0))
        found = ukeys[pos] == q_key if len(ukeys) else np.zeros(len(q_key), dtype=bool)
        qmask = np.where(found, umask[pos] if len(ukeys) else _U64(0), _U64(0))
        M = np.zeros((n_sp, width), dtype=np.uint64)
        row = np.repeat(np.arange(n_sp), nc)
        col = np.arange(len(q_key)) - np.repeat(np.cumsum(nc) - nc, nc)
        M[row, col] = qmask
        full = np.where(m >= 64, _ALL, (np.left_shift(_U64(1), np.minimum(m, 63).astype(np.uint64)) - _U64(1)))
        # active prefix per column: pairs are sorted by prediction-sentence length, descending
        active = np.searchsorted(-nc, -np.arange(width), side="left")  # pairs with nc > j
        cols = np.empty((n_sp, width), dtype=np.uint64)
        v = full.copy()
        with np.errstate(over="ignore"):
            for j in range(width):
                a = active[j]
                va = v[:a]
                u = va & M[:a, j]
                va = ((va + u) | (va - u)) & full[:a]
                v[:a] = va
                cols[:a, j] = va
            i = m.copy()
            for j in range(width - 1, -1, -1):
                a = active[j]
                ii = i[:a]
                live = ii > 0
                if not live.any():
                    continue
                below = np.where(ii >= 64, _ALL, np.left_shift(_U64(1), np.minimum(ii, 63).astype(np.uint64)) - _U64(1))
                mk = M[:a, j]
                x = (mk | (full[:a] ^ cols[:a, j])) & below
                x = np.where(live, x, _U64(0))
                bl = _bit_length(x)
                hit = (bl > 0) & (((mk >> np.maximum(bl - 1, 0).astype(np.uint64)) & _U64(1)) == 1)
                if hit.any():
                    out_s.append(rs[:a][hit])
                    out_i.append(bl[hit] - 1)
                i[:a] = np.where(live, bl - hit, 0)
    if not out_s:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(out_s), np.concatenate(out_i)


def rouge_lsum(pred: Side, ref: Side, vocab_size: int) -> np.ndarray:
    n_pairs = len(pred.text_len)
    s, i = _lsum_union_entries(pred, ref)
    # union across prediction sentences: distinct (reference sentence, position)
    u = np.unique(s * 65536 + i) if len(s) else np.zeros(0, dtype=np.int64)
    us, ui = u // 65536, u % 65536
    tok = ref.tokens[ref.sent_start[us] + ui]
    pair = ref.sent_pair[us]
    keys_union = pair * vocab_size + tok
    keys_pred = pred.tok_pair * vocab_size + pred.tokens
    hits = _clipped_hits(keys_union, keys_pred, vocab_size, n_pairs)
    out = _prf(hits, pred.text_len, ref.text_len)
    out[(pred.text_len == 0) | (ref.text_len == 0)] = 0.0
    return out


def score_ids(
    preds: Sequence[Sequence[Sequence[int]]],
    refs: Sequence[Sequence[Sequence[int]]],
    kinds: Sequence[int | str],
    vocab_size: int,
) -> np.ndarray:
    """(pairs x kinds x 3) scores of each (prediction, reference) pair of id sentences."""
    n_pairs = len(preds)
    out = np.zeros((n_pairs, len(kinds), 3))
    if not n_pairs:
        return out
    return score_sides(Side.from_lists(preds), Side.from_lists(refs), kinds, vocab_size)


def score_sides(P: Side, R: Side, kinds: Sequence[int | str], vocab_size: int) -> np.ndarray:
    """(pairs x kinds x 3) scores; ids must be in [1, vocab_size]."""
    n_pairs = len(P.n_sents)
    out = np.zeros((n_pairs, len(kinds), 3))
    if not n_pairs:
        return out
    base = vocab_size + 1
    for k, kind in enumerate(kinds):
        if kind == "L":
            out[:, k] = rouge_l(P, R)
        elif kind == "Lsum":
            out[:, k] = rouge_lsum(P, R, base)
        else:
            if n_pairs * float(base) ** kind >= 2**62:
                raise OverflowError("n-gram keys do not fit in int64")
            out[:, k] = rouge_n(P, R, kind, base)
    return out
