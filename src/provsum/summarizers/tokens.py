"""Tokens for the graph methods, the oracle and the trained scorer.

They come from ``provsum.text.tokenize.tokenize(text, mode)`` (the tokens the scorer uses, so
that the oracle maximizes the very ROUGE that is reported). Until that module exists, a stand-in
with the same contract is used: NFC, lower-case, ``\\w+`` syllables; ``word`` mode joins the
syllables of a word with ``_`` using pyvi.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MODES = ("syllable", "word")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _shared_tokenize():
    try:
        from provsum.text.tokenize import tokenize  # type: ignore[import-not-found]
    except ImportError:
        return None
    return tokenize


def tokenize(text: str, mode: str = "syllable") -> list[str]:
    if mode not in MODES:
        from provsum.errors import InputError

        raise InputError(f"unknown token mode {mode!r}; modes are {', '.join(MODES)}")
    shared = _shared_tokenize()
    if shared is not None:
        return list(shared(text, mode=mode))
    return _standin(text, mode)


@lru_cache(maxsize=1)
def _shared_batch():
    try:
        from provsum.text.tokenize import tokenize_batch  # type: ignore[import-not-found]
    except ImportError:
        return None
    return tokenize_batch


def tokenize_many(texts: list[str], mode: str = "syllable") -> list[list[str]]:
    """``[tokenize(t, mode) for t in texts]``, in one normalization pass when the shared module allows."""
    batch = _shared_batch()
    if batch is not None and mode in MODES:
        return [list(t) for t in batch(list(texts), mode=mode)]
    return [tokenize(t, mode) for t in texts]


def _standin(text: str, mode: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower()
    if mode == "word":
        from pyvi import ViTokenizer

        text = ViTokenizer.tokenize(text)
        return [t for t in text.split() if _WORD.search(t)]
    return _WORD.findall(text)


def tokenizer_name() -> str:
    """Which tokenizer is in use (recorded in settings)."""
    return "provsum.text.tokenize" if _shared_tokenize() is not None else "standin-nfc-lower-w+"
