"""What every summarizer shares: a name, its settings, and how documents become sentences."""

from __future__ import annotations

import warnings
from typing import Sequence

from provsum.text.sentences import sentences_of


class Summarizer:
    """Base class. Subclasses set ``name`` and ``settings`` and implement ``summarize_one``
    (or override ``summarize`` for batched systems)."""

    name: str = "summarizer"

    def __init__(self) -> None:
        self.settings: dict = {}
        self.empty_documents = 0  # counted, and warned about once per call

    def summarize(self, documents: Sequence[str], ids: Sequence[str] | None = None) -> list[str]:
        check_ids(documents, ids)
        out = []
        empty = 0
        for doc in documents:
            sents = document_sentences(doc)
            if not sents:
                empty += 1
                out.append("")
                continue
            out.append(self.summarize_one(sents))
        self._warn_empty(empty)
        return out

    def summarize_one(self, sentences: list[str]) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def _warn_empty(self, empty: int) -> None:
        self.empty_documents += empty
        if empty:
            warnings.warn(
                f"{self.name}: {empty} empty document(s) got an empty summary", RuntimeWarning, stacklevel=3
            )


def document_sentences(document: str | None) -> list[str]:
    """The sentences of a document: its non-empty lines, or the automatic split of one-line text."""
    if not document or not document.strip():
        return []
    return sentences_of(document)


def check_ids(documents: Sequence[str], ids: Sequence[str] | None) -> None:
    from provsum.errors import InputError

    if ids is not None and len(ids) != len(documents):
        raise InputError(f"{len(documents)} documents but {len(ids)} ids")


def join_sentences(sentences: Sequence[str]) -> str:
    """A summary is one paragraph: the chosen sentences joined by a space."""
    return " ".join(s.strip() for s in sentences if s.strip())
