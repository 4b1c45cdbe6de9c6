"""Vietnamese text utilities shared by every layer. Imports nothing else of provsum."""

from provsum.text.normalize import normalize, normalize_tone_marks
from provsum.text.sentences import sentences_of, split_sentences

__all__ = ["normalize", "normalize_tone_marks", "split_sentences", "sentences_of"]
