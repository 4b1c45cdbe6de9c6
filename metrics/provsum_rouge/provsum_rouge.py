"""ProvSum ROUGE for Vietnamese as a Hugging Face ``evaluate`` metric (loads offline).

    import evaluate
    rouge = evaluate.load("path/to/provsum/metrics/provsum_rouge")
    rouge.compute(predictions=[...], references=[...])

A thin wrapper over ``provsum.metrics`` (the ``provsum`` package must be installed).
"""

import datasets
import evaluate

_CITATION = """\
@inproceedings{lin-2004-rouge,
  title = "{ROUGE}: A Package for Automatic Evaluation of Summaries",
  author = "Lin, Chin-Yew",
  booktitle = "Text Summarization Branches Out",
  year = "2004",
  pages = "74--81",
}
"""

_DESCRIPTION = """\
ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum for Vietnamese, computed by ProvSum: tokens are
Vietnamese syllables with their diacritics (NFC, unified tone-mark placement, lower case),
so "hội", "hỏi" and "hơi" are different words, unlike Google's rouge_score, which deletes
every non-ASCII letter. With tokenizer="rouge_score" it reproduces Google's numbers.
"""

_KWARGS_DESCRIPTION = """
Args:
    predictions: list of predicted summaries (str).
    references: list of references: a str, or a list of str (several references) per prediction.
    rouge_types: subset of ("rouge1", "rouge2", "rougeL", "rougeLsum") (default all four).
    tokenizer: "syllable" (default), "word" (pyvi word segmentation) or "rouge_score".
    tone_marks: unify old/new tone-mark placement (default True).
    use_aggregator: return corpus means (default True) or per-example lists.
    bootstrap: bootstrap resamples for the 95% intervals (default 0: no intervals).
    seed: bootstrap seed (default 12345).
Returns:
    {"rouge1": F1, "rouge2": F1, "rougeL": F1, "rougeLsum": F1, "signature": str}
    (with use_aggregator=False, lists of per-example F1; with bootstrap > 0, also
    "<type>_low" and "<type>_high").
Examples:
    >>> rouge = evaluate.load("metrics/provsum_rouge")
    >>> rouge.compute(predictions=["hội nghị giao ban"], references=["hội nghị giao ban tỉnh"])["rouge1"]
    0.888...
"""


@evaluate.utils.file_utils.add_start_docstrings(_DESCRIPTION, _KWARGS_DESCRIPTION)
class ProvsumRouge(evaluate.Metric):
    def _info(self):
        return evaluate.MetricInfo(
            description=_DESCRIPTION,
            citation=_CITATION,
            inputs_description=_KWARGS_DESCRIPTION,
            features=[
                datasets.Features(
                    {
                        "predictions": datasets.Value("string", id="sequence"),
                        "references": datasets.Sequence(datasets.Value("string", id="sequence")),
                    }
                ),
                datasets.Features(
                    {
                        "predictions": datasets.Value("string", id="sequence"),
                        "references": datasets.Value("string", id="sequence"),
                    }
                ),
            ],
            reference_urls=["https://aclanthology.org/W04-1013/"],
        )

    def _compute(self, predictions, references, rouge_types=None, tokenizer="syllable", tone_marks=True,
                 use_aggregator=True, bootstrap=0, seed=12345):
        from provsum.metrics.api import score

        rouge_types = tuple(rouge_types or ("rouge1", "rouge2", "rougeL", "rougeLsum"))
        report = score(list(predictions), list(references), rouge_types=rouge_types, tokenizer=tokenizer,
                       tone_marks=tone_marks, bootstrap=bootstrap, seed=seed)
        out = {"signature": report.signature}
        for t in rouge_types:
            if use_aggregator:
                out[t] = report.corpus[f"{t}_f"]["mean"]
                if bootstrap:
                    out[f"{t}_low"] = report.corpus[f"{t}_f"]["low"]
                    out[f"{t}_high"] = report.corpus[f"{t}_f"]["high"]
            else:
                out[t] = [row[f"{t}_f"] for row in report.per_example]
        return out
