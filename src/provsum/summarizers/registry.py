"""Name -> summarizer. Systems load lazily, so listing them imports nothing heavy."""

from __future__ import annotations

import importlib
import inspect

from provsum.errors import InputError

# name: (module, class, default options)
SYSTEMS: dict[str, tuple[str, str, dict]] = {
    "lead": ("provsum.summarizers.lead", "LeadSummarizer", {}),
    "lead-1": ("provsum.summarizers.lead", "LeadSummarizer", {"k": 1}),
    "lead-2": ("provsum.summarizers.lead", "LeadSummarizer", {"k": 2}),
    "lead-3": ("provsum.summarizers.lead", "LeadSummarizer", {"k": 3}),
    "textrank": ("provsum.summarizers.graph", "TextRankSummarizer", {}),
    "lexrank": ("provsum.summarizers.graph", "LexRankSummarizer", {}),
    "oracle": ("provsum.summarizers.oracle", "OracleSummarizer", {}),
    "extractive-trained": ("provsum.summarizers.trained", "TrainedExtractiveSummarizer", {}),
    "seq2seq": ("provsum.summarizers.seq2seq", "Seq2SeqSummarizer", {}),
    "llm": ("provsum.summarizers.llm", "LLMSummarizer", {}),
}


def list_systems() -> list[str]:
    return list(SYSTEMS)


def system_class(name: str):
    if name not in SYSTEMS:
        raise InputError(f"unknown system {name!r}; systems are: {', '.join(SYSTEMS)}")
    module, cls, _ = SYSTEMS[name]
    return getattr(importlib.import_module(module), cls)


def system_options(name: str) -> list[str]:
    """The options a system accepts (keyword arguments of its constructor)."""
    params = inspect.signature(system_class(name).__init__).parameters.values()
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    return [p.name for p in params if p.name != "self" and p.kind in kinds]


def get_summarizer(name: str, **options):
    """A summarizer by name; ``options`` override the system's defaults.

    Unknown names and unknown options raise ``InputError`` listing what exists.
    """
    cls = system_class(name)
    accepted = system_options(name)
    unknown = sorted(set(options) - set(accepted))
    if unknown:
        raise InputError(
            f"system {name!r} has no option {', '.join(map(repr, unknown))}; its options are: {', '.join(accepted)}"
        )
    merged = {**SYSTEMS[name][2], **options}
    return cls(**merged)
