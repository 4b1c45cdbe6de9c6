"""Meeting facts: who met, when, where, what, with which figures — extraction and metrics.

- ``provsum.facts.extract.extract_facts(text)`` -> list of ``Fact`` (type, text, start, end, value, role)
- ``provsum.facts.metric.fact_scores(predictions, references, documents)`` -> fact recall and
  unsupported-fact rates with bootstrap intervals
- ``provsum.facts.corrupt`` — controlled corruptions used to validate the metrics

This package imports only ``provsum.text`` (and ``provsum.errors``), never the dataset code.
"""

from .extract import Fact, extract_facts
from .metric import fact_scores

__all__ = ["Fact", "extract_facts", "fact_scores"]
