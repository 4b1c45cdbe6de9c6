"""The shared-text memos give the original functions' values and are removed after the run."""

from __future__ import annotations

import provsum.facts.metric as facts_metric
import provsum.text.tokenize as tokenize
from bench_fixtures import make_records
from provsum.bench.memo import Memo, shared_text_work


def test_memo_warm_in_processes_equals_the_function():
    texts = [f"văn bản số {i}" for i in range(100)] * 2
    memo = Memo("upper", str.upper)
    assert memo.warm(texts, workers=2) == 100  # distinct texts only
    assert memo.warm(texts, workers=2) == 0
    assert [memo(t) for t in texts] == [t.upper() for t in texts]
    assert memo.hits == 200 and memo.misses == 0
    assert memo("mới") == "MỚI" and memo.misses == 1


def test_scores_unchanged_and_originals_restored():
    import provsum

    recs = make_records("provincial", "test", 6)
    preds = [r["document"].split("\n")[1] + " " + r["document"].split("\n")[0] for r in recs]
    refs = [r["summary"] for r in recs]
    docs = [r["document"] for r in recs]
    plain_word = provsum.score(preds, refs, tokenizer="word", bootstrap=0)
    plain_facts = facts_metric.fact_scores(preds, refs, docs, bootstrap=0)
    before = (tokenize.segment_words, facts_metric.extract_facts)
    with shared_text_work() as shared:
        counts = shared.warm(preds, refs, docs, workers=1)
        assert counts["fact_texts"] == len(set(preds + refs + docs))
        misses = shared.segment.misses
        word = provsum.score(preds, refs, tokenizer="word", bootstrap=0)
        facts = facts_metric.fact_scores(preds, refs, docs, bootstrap=0)
        assert shared.segment.misses == misses and shared.segment.hits > 0  # every sentence was foreseen
        assert shared.facts.hits == 3 * len(preds)
    assert (tokenize.segment_words, facts_metric.extract_facts) == before
    assert word.per_example == plain_word.per_example
    assert facts == plain_facts
