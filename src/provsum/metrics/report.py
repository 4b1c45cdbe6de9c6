"""The scoring Report and its signature string.

The signature names every setting that changes a number, plus the package version, in
the manner of sacrebleu's (``nrefs:1|case:mixed|...|version:2.0.0``)::

    provsum-rouge|v:0.1.0|tok:syllable|tone:new|case:lc|num:joined|lsum:lines+auto|refs:1|multi:max|bs:1000|seed:12345

Fields: ``tok`` syllable / word (pyvi) / rouge_score (Google's, diacritics destroyed);
``tone`` ``new`` when tone marks are unified to the new placement, ``asis`` otherwise;
``case`` lowercasing; ``num`` the number/date rule (``joined``: ``29/10``, ``3.000``,
``2016-2021`` are one token; ``n/a`` in rouge_score mode); ``lsum`` how ROUGE-Lsum finds
sentences (``lines+auto``: the lines of a text that has line breaks, else the automatic
Vietnamese splitter; ``lines``: line breaks only, as rouge_score); ``refs`` references per
example (``var`` when it varies); ``multi`` max or jackknife; ``bs`` bootstrap resamples;
``seed`` the bootstrap seed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


def make_signature(
    *,
    version: str,
    tokenizer: str,
    tone_marks: bool,
    sentence_split: str,
    n_refs: int | str,
    multi_ref: str,
    bootstrap: int,
    seed: int,
) -> str:
    compat = tokenizer == "rouge_score"
    parts = [
        "provsum-rouge",
        f"v:{version}",
        f"tok:{tokenizer}",
        f"tone:{'n/a' if compat else ('new' if tone_marks else 'asis')}",
        "case:lc",
        f"num:{'n/a' if compat else 'joined'}",
        f"lsum:{'lines+auto' if sentence_split == 'auto' else 'lines'}",
        f"refs:{n_refs}",
        f"multi:{multi_ref}",
        f"bs:{bootstrap}",
        f"seed:{seed}",
    ]
    return "|".join(parts)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None or value != value else f"{value:.2f}"


def _scale(metric: str) -> float:
    return 100.0 if metric.startswith("rouge") else 1.0


@dataclass
class Report:
    """Scores of one system.

    ``per_example``: one dict per example (``id`` and ``<metric>: value``; ROUGE values are
    fractions in [0, 1], ``rouge1_p``/``rouge1_r``/``rouge1_f`` ...).
    ``corpus``: ``metric -> {"mean", "low", "high"}`` (95% bootstrap interval).
    ``signature``: all settings (see the module docstring). ``counts``: examples, empty
    predictions/references, skips. ``notes``: anything the reader must know.
    """

    per_example: list[dict[str, Any]]
    corpus: dict[str, dict[str, float]]
    signature: str
    settings: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    system: str | None = None

    def to_dict(self, per_example: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "signature": self.signature,
            "system": self.system,
            "settings": self.settings,
            "counts": self.counts,
            "notes": self.notes,
            "corpus": self.corpus,
        }
        if per_example:
            out["per_example"] = self.per_example
        return out

    def to_json(self, per_example: bool = True, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(per_example), ensure_ascii=False, indent=indent)

    def rows(self, metrics: list[str] | None = None) -> list[tuple[str, float | None, float | None, float | None]]:
        """(metric, mean, low, high), ROUGE scaled to 0-100; None where a metric is undefined."""
        out = []
        for name in metrics or list(self.corpus):
            c = self.corpus[name]
            s = _scale(name)
            vals = [None if c.get(k) is None else c[k] * s for k in ("mean", "low", "high")]
            out.append((name, *vals))
        return out

    def markdown(self) -> str:
        lines = [
            f"`{self.signature}`",
            "",
            "| metric | score | 95% CI |",
            "|---|---:|---|",
        ]
        for name, mean, low, high in self.rows():
            lines.append(f"| {name} | {_fmt(mean)} | [{_fmt(low)}, {_fmt(high)}] |")
        if self.counts:
            lines.append("")
            lines.append(", ".join(f"{k}: {v}" for k, v in self.counts.items()))
        for note in self.notes:
            lines.append(f"- {note}")
        return "\n".join(lines)

    def table(self, title: str | None = None):
        """A ``rich.table.Table`` (print it with ``rich.print``); ``str()`` of it is the markdown."""
        from rich.table import Table

        table = Table(title=title or (self.system or "ProvSum scores"))
        table.add_column("metric")
        table.add_column("score", justify="right")
        table.add_column("95% CI", justify="right")
        for name, mean, low, high in self.rows():
            table.add_row(name, _fmt(mean), f"[{_fmt(low)}, {_fmt(high)}]")
        return table

    def __str__(self) -> str:
        return self.markdown()
