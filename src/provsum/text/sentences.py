"""A rule-based Vietnamese sentence splitter for running news text.

It splits after ``.``, ``!``, ``?`` or ``…`` (and any closing quotes or brackets)
when whitespace follows and the next sentence starts with an upper-case letter,
a digit, or an opening quote/bracket. It does not split after common Vietnamese
abbreviations (``TP.``, ``ThS.``, ``PGS.``, ``Th.`` …) or after a single
upper-case initial (``ông Nguyễn Văn H. cho biết``), and never inside numbers
(``3.000``, ``10.5``) or ``TP.HCM`` because those have no space after the dot.

>>> split_sentences("Ngày 29/10, tại TP. Hạ Long, hội nghị diễn ra. Ông Nguyễn Văn H. phát biểu. Tổng vốn là 3.000 tỷ đồng!")
['Ngày 29/10, tại TP. Hạ Long, hội nghị diễn ra.', 'Ông Nguyễn Văn H. phát biểu.', 'Tổng vốn là 3.000 tỷ đồng!']
>>> split_sentences('Ông nói: "Đồng ý." Sau đó, hội nghị bế mạc.')
['Ông nói: "Đồng ý."', 'Sau đó, hội nghị bế mạc.']
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """TP Tp tp Th ThS Ths TS Ts PGS GS BS KS CN TT Q P St Mr Mrs Ms Dr Nxb NXB Tr tr vv
    v.v TSKH ĐH Đ.c đ/c No Co Ltd Inc Corp Jr Sr""".split()
)

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
# a sentence end: terminal punctuation, optional closers, whitespace, then a likely sentence start.
# It is searched in the text with every terminal mark turned into "." (``as_full_stops``; positions
# are the same in both texts): a pattern that starts with a literal character (``\.\.*``, not
# ``\.+`` nor a character class) is searched several times faster.
_BOUNDARY = re.compile(
    r"(\.\.*[" + re.escape(_CLOSERS) + r"]*)\s+(?=[" + re.escape(_OPENERS) + r"]*[^\W\d_]|[0-9])"
)


def as_full_stops(text: str) -> str:
    """``text`` with ``!``, ``?`` and ``…`` turned into ``.`` (same length, same positions)."""
    return text.replace("!", ".").replace("?", ".").replace("…", ".")


def last_word(text: str) -> str:
    r"""The run of non-space characters that ends ``text`` ('' when there is none), as
    ``re.search(r"(\S+)$", text)`` finds it (``$`` also matches before a final line break),
    without trying a match at every position."""
    if text.endswith("\n"):
        text = text[:-1]
    if not text or text[-1].isspace():
        return ""
    return text.rsplit(None, 1)[-1]


def _is_abbreviation(prefix: str) -> bool:
    word = prefix[prefix.rfind(" ") + 1:]  # the last word, when no other whitespace is in it
    if not word.isprintable():  # (every whitespace character but the space is non-printable)
        word = last_word(prefix[-40:])
    word = word.lstrip(_OPENERS)
    # "TP", "PGS.TS" (the last part counts), "v.v"
    if word in ABBREVIATIONS or ("." in word and word.rsplit(".", 1)[-1] in ABBREVIATIONS):
        return True
    # a single upper-case initial such as "H" in "ông Nguyễn Văn H."
    return len(word) == 1 and word.isupper()


def split_sentences(text: str) -> list[str]:
    """Split running text into sentences; existing line breaks are kept as boundaries."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        start = 0
        stops = as_full_stops(line)
        for m in _BOUNDARY.finditer(stops):
            end = m.end()
            next_char = line[end] if end < len(line) else ""
            # "…" or "..." before a lower-case word never ends a sentence (handled by regex);
            # before an upper-case word it usually does.
            if not (next_char.isupper() or next_char.isdigit() or next_char in _OPENERS):
                continue
            # a single full stop (closers may follow) may end an abbreviation instead
            at = m.start()
            if line[at] == "." and stops[at + 1] != "." and _is_abbreviation(line[max(start, at - 40): at]):
                continue
            out.append(line[start: m.end(1)].strip())
            start = end
        tail = line[start:].strip()
        if tail:
            out.append(tail)
    return out


def sentences_of(text: str) -> list[str]:
    """Lines when the text has line breaks, else the automatic split."""
    if "\n" in text:
        return [s.strip() for s in text.split("\n") if s.strip()]
    return split_sentences(text)
