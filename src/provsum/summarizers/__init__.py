"""Summarizers: one interface for every system.

>>> from provsum.summarizers import get_summarizer
>>> get_summarizer("lead-2").summarize(["Câu một.\\nCâu hai.\\nCâu ba."])
['Câu một. Câu hai.']

``get_summarizer(name, **options)`` returns an object with ``.name``, ``.settings`` (a dict,
recorded in the predictions header) and ``.summarize(documents, ids=None)``. Documents keep
one sentence per line. Heavy libraries (torch, transformers) load only when a system needs them.
"""

from provsum.summarizers.registry import SYSTEMS, get_summarizer, list_systems

__all__ = ["SYSTEMS", "get_summarizer", "list_systems"]
