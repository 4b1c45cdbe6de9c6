"""Parity with Google's rouge_score on 2,000 real VietNews (Lead-3, sapo) pairs, same tokens."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from scorer_pairs import archive_path, lead3_pairs  # noqa: E402

TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def pairs():
    if not archive_path().exists():
        pytest.skip(f"corpus archive not found: {archive_path()}")
    from provsum.text.sentences import sentences_of

    _, preds, refs = lead3_pairs(2000)
    # the same sentences for both scorers: one per line
    return ["\n".join(sentences_of(p)) for p in preds], ["\n".join(sentences_of(r)) for r in refs]


def _google(args):
    from rouge_score import rouge_scorer

    from provsum.metrics.compat import ProvSumTokenizer

    mode, preds, refs = args
    scorer = rouge_scorer.RougeScorer(list(TYPES), tokenizer=ProvSumTokenizer(mode) if mode else None)
    return [scorer.score(r, p) for p, r in zip(preds, refs)]


def _check(preds, refs, tokenizer, google_mode):
    import multiprocessing as mp

    from provsum.metrics.api import score

    ours = score(preds, refs, tokenizer=tokenizer, bootstrap=0, sentence_split="lines")
    half = len(preds) // 2  # rouge_score is slow: two processes
    with mp.get_context("fork").Pool(2) as pool:
        parts = pool.map(_google, [(google_mode, preds[:half], refs[:half]), (google_mode, preds[half:], refs[half:])])
    google = parts[0] + parts[1]
    worst = 0.0
    for row, g in zip(ours.per_example, google):
        for t in TYPES:
            for k, v in (("p", g[t].precision), ("r", g[t].recall), ("f", g[t].fmeasure)):
                worst = max(worst, abs(row[f"{t}_{k}"] - v))
    return worst


def test_syllable_tokens_equal_rouge_score_on_2000_pairs(pairs):
    preds, refs = pairs
    assert len(preds) == 2000
    assert _check(preds, refs, "syllable", "syllable") <= 1e-9


def test_compat_mode_equals_rouge_score_default_on_100_pairs(pairs):
    preds, refs = pairs
    assert _check(preds[:100], refs[:100], "rouge_score", None) <= 1e-9
