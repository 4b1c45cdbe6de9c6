"""The Vietnamese stopword list shipped with the package (``stopwords_vi.txt``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Lower-case NFC stopwords; multi-syllable words appear both as ``a_b`` and ``a b``."""
    text = resources.files("provsum.summarizers").joinpath("stopwords_vi.txt").read_text(encoding="utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words.add(line)
        if "_" in line:
            words.add(line.replace("_", " "))
    return frozenset(words)
