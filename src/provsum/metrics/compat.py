"""Bridges to Google's ``rouge_score`` (and API-compatible scorers such as ``rouge-score-rs``).

``ProvSumTokenizer`` is a ``rouge_score`` tokenizer object (it has ``tokenize(text)``)
that applies ProvSum's tokenizer, so any ``rouge_score``-compatible scorer can be run
on exactly the tokens ProvSum scores::

    from rouge_score import rouge_scorer
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"],
                                      tokenizer=ProvSumTokenizer())

With the same tokens and the same sentences, ProvSum's scores equal that scorer's.
"""

from __future__ import annotations

from provsum.text.tokenize import tokenize


class ProvSumTokenizer:
    """``rouge_score.tokenizers.Tokenizer``-compatible wrapper of :func:`provsum.text.tokenize.tokenize`."""

    def __init__(self, mode: str = "syllable", tone_marks: bool = True):
        self.mode = mode
        self.tone_marks = tone_marks

    def tokenize(self, text: str) -> list[str]:
        return tokenize(text, mode=self.mode, tone_marks=self.tone_marks)

    def __repr__(self) -> str:
        return f"ProvSumTokenizer(mode={self.mode!r}, tone_marks={self.tone_marks})"


def google_scorer(rouge_types=("rouge1", "rouge2", "rougeL", "rougeLsum"), mode: str | None = "syllable", tone_marks: bool = True):
    """A ``rouge_score.rouge_scorer.RougeScorer``; ``mode=None`` keeps Google's default tokenizer."""
    from rouge_score import rouge_scorer

    tokenizer = ProvSumTokenizer(mode, tone_marks) if mode else None
    return rouge_scorer.RougeScorer(list(rouge_types), tokenizer=tokenizer)
