"""Lead-k: the first k sentences of the document."""

from __future__ import annotations

from provsum.errors import InputError
from provsum.summarizers.base import Summarizer, join_sentences


class LeadSummarizer(Summarizer):
    def __init__(self, k: int = 3):
        super().__init__()
        if int(k) < 1:
            raise InputError(f"lead: k must be at least 1, got {k}")
        self.k = int(k)
        self.name = f"lead-{self.k}"
        self.settings = {"system": "lead", "k": self.k}

    def summarize_one(self, sentences: list[str]) -> str:
        return join_sentences(sentences[: self.k])
