"""Work shared by the systems of one leaderboard run, done once (and on every core).

Every system is scored against the same references and documents, and extractive systems output
the same document sentences, so the two slow, pure text functions of the scorer are computed once
per distinct text for the whole run:

- pyvi's word segmentation (``provsum.text.tokenize.segment_words``: word ROUGE),
- fact extraction (``provsum.facts.metric.extract_facts``: the fact metrics).

:func:`shared_text_work` swaps in memoized versions for the duration of the run (restored after);
:meth:`Memo.warm` fills a memo for many texts with a process pool before the scorer runs, and the
scorer's forked workers inherit the filled memo. Values are those of the original functions, so
scores are unchanged (tested); a text the warm-up did not foresee is computed on demand.
"""

from __future__ import annotations

import multiprocessing as mp
import unicodedata
from contextlib import contextmanager
from typing import Callable, Iterable

_ORIGINALS: dict[str, Callable] = {}  # read by pool workers (forked, so they see it)


def _call(args):
    name, text = args
    return _ORIGINALS[name](text)


class Memo:
    def __init__(self, name: str, fn: Callable[[str], object]):
        self.name = name
        self.fn = fn
        self.cache: dict[str, object] = {}
        self.hits = 0
        self.misses = 0

    def __call__(self, text):
        try:
            value = self.cache[text]
        except (KeyError, TypeError):
            self.misses += 1
            value = self.fn(text)
            try:
                self.cache[text] = value
            except TypeError:  # not hashable: not cached
                pass
            return value
        self.hits += 1
        return value

    def warm(self, texts: Iterable[str], workers: int = 1) -> int:
        """Compute the texts not cached yet (with ``workers`` forked processes); returns how many."""
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if not todo:
            return 0
        if workers > 1 and len(todo) >= 64:
            _ORIGINALS[self.name] = self.fn
            chunk = max(1, len(todo) // (workers * 8))
            with mp.get_context("fork").Pool(workers) as pool:
                values = pool.map(_call, [(self.name, t) for t in todo], chunksize=chunk)
        else:
            values = [self.fn(t) for t in todo]
        self.cache.update(zip(todo, values))
        return len(todo)


class SharedTextWork:
    """The two memos, and how to warm them for a set of summaries, references and documents."""

    def __init__(self, segment: Memo, facts: Memo):
        self.segment = segment
        self.facts = facts

    def warm(self, summaries: Iterable[str], references: Iterable[str], documents: Iterable[str], workers: int = 1) -> dict:
        from provsum.metrics.batch import split_for_lsum
        from provsum.text.normalize import normalize_tone_marks

        summaries, references, documents = list(summaries), list(references), list(documents)
        # what the word tokenizer hands to pyvi: each Lsum sentence, NFC, tone marks unified
        sentences = [normalize_tone_marks(unicodedata.normalize("NFC", sent))
                     for text in summaries + references for sent in split_for_lsum(text, "auto")]
        n_seg = self.segment.warm(sentences, workers)
        n_facts = self.facts.warm(summaries + references + documents, workers)
        return {"segmented": n_seg, "fact_texts": n_facts}


@contextmanager
def shared_text_work():
    """Memoize word segmentation and fact extraction inside the ``with`` block."""
    import provsum.facts.metric as facts_metric
    import provsum.text.tokenize as tokenize

    original_segment = tokenize.segment_words
    original_facts = facts_metric.extract_facts
    segment = Memo("segment", original_segment)
    facts = Memo("facts", original_facts)
    tokenize.segment_words = segment
    facts_metric.extract_facts = facts
    try:
        yield SharedTextWork(segment, facts)
    finally:
        tokenize.segment_words = original_segment
        facts_metric.extract_facts = original_facts

