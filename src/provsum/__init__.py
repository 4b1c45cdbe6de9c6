"""ProvSum: a dataset and evaluation toolkit for summarizing Vietnamese provincial meeting reports.

Public API (imported lazily so that ``import provsum`` stays fast):

- ``provsum.load_dataset(config="provincial", split="test", verified_only=False)`` — the built dataset
- ``provsum.score(predictions, references, ...)`` — ROUGE report for Vietnamese
- ``provsum.compare(...)`` — paired significance between two systems
"""

from __future__ import annotations

__version__ = "0.1.0"

_LAZY = {
    "load_dataset": ("provsum.data.load", "load_dataset"),
    "build_dataset": ("provsum.data.build", "build_dataset"),
    "score": ("provsum.metrics.api", "score"),
    "compare": ("provsum.metrics.api", "compare"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'provsum' has no attribute {name!r}")


__all__ = ["__version__", *_LAZY]
