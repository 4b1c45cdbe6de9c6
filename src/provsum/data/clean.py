"""From a ``RawArticle`` to a clean ``Article``: natural text, one sentence per line.

- VietNews: undo word segmentation (``Bình_Liêu`` -> ``Bình Liêu``) and tokenization
  (``25/2 ,`` -> ``25/2,``, quotes and brackets re-attached); re-join sentences the corpus split
  at abbreviations (a line that starts in lower case continues the previous one).
- baomoi: repair run-together sentences (``ma túy.Sau`` -> ``ma túy. Sau``) without touching
  ``TP.HCM``, ``3.000``, ``10.5``, URLs or abbreviations; split glued sub-headings and bylines
  (``đảo lộnAnh Việt``) onto their own line.
- Leads lose outlet prefixes (``(HNM) - ``, ``ICTnews - ``); bodies lose the lead repeated at their
  start, photo captions with a credit (``... Ảnh: TTXVN``, ``(Nguồn: ...)``), lone dots and trailing
  furniture (bylines, ``Tin liên quan``, ``Theo ...`` credits).
- Everything is NFC with the new tone-mark placement (see ``provsum.text.normalize``).

No article's document contains its summary verbatim: sentences of the document that repeat the
summary are removed, and an article where the summary still appears verbatim is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numba
import numpy as np

from provsum.data.readers import RawArticle, Skip
from provsum.text.normalize import normalize
from provsum.text.sentences import ABBREVIATIONS, as_full_stops, last_word, split_sentences

MIN_SUMMARY_WORDS = 10
MIN_DOCUMENT_WORDS = 40
MIN_DOCUMENT_SENTENCES = 2


@dataclass
class Article:
    id: str
    source: str
    title: str
    summary: str
    document: str  # sentences separated by "\n"
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    category: str | None = None
    repairs: dict = field(default_factory=dict)  # what cleaning changed, counted in the build report
    summary_words: int = 0
    document_words: int = 0


# ---------------------------------------------------------------- VietNews de-tokenization

_ATTACHED_BEFORE = ",.;:!?%)]}…”’»"
# "  *" rather than " +": a pattern that starts with a literal character is searched fast
_SPACE_BEFORE_PUNCT = re.compile(r"  *(?=[" + re.escape(_ATTACHED_BEFORE) + "])")
_DETACHED_AFTER = tuple("([{“‘«")
_STRAIGHT_QUOTES = re.compile(r'" ([^"\n]*) "')  # greedy: the same match as lazy (no quote inside), found faster
_LINE_CONTINUES = re.compile(r"^[^\W\d_]")  # checked with str.islower below


def desegment(text: str) -> str:
    """``Ngày 25/2 , TAND TP. Đà_Nẵng tuyên_phạt Hồ_Xuân_Huy ( SN 1994 ) .``
    -> ``Ngày 25/2, TAND TP. Đà Nẵng tuyên phạt Hồ Xuân Huy (SN 1994).``"""
    text = text.replace("_", " ")
    # str.replace is many times faster than a regex pass; tokens are single-space separated
    runs = "  " in text  # no step below adds a space, so runs of spaces exist only if they do now
    if runs:
        text = _SPACE_BEFORE_PUNCT.sub("", text)
    else:  # single spaces only: one replace per punctuation mark present does what the regex does
        for p in _ATTACHED_BEFORE:
            if p in text:
                text = text.replace(" " + p, p)
    for p in _DETACHED_AFTER:
        if p in text and p + " " in text:  # a one-character search first: much faster
            text = text.replace(p + " ", p)
    if '"' in text:
        text = _STRAIGHT_QUOTES.sub(r'"\1"', text)
    if runs:
        text = re.sub(r" {2,}", " ", text)
    return text.strip()


def join_broken_lines(lines: list[str]) -> list[str]:
    """A line that starts with a lower-case letter continues the previous one (VietNews split
    sentences at abbreviations such as ``ông Th .``)."""
    out: list[str] = []
    for line in lines:
        if out and line[0].islower() and _LINE_CONTINUES.match(line):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return out


# ---------------------------------------------------------------- baomoi repair

# Latin letters (Vietnamese included) by case; ranges like "à-ỹ" would mix cases
_LATIN = [chr(c) for c in list(range(0x41, 0x250)) + list(range(0x1E00, 0x1F00))]
_LOWER = re.escape("".join(c for c in _LATIN if c.islower()))
_UPPER = re.escape("".join(c for c in _LATIN if c.isupper()))
# "ma túy.Sau" / "nói.”Sau" / "tháng.(TTXVN)": terminal punctuation glued to the next sentence.
# Searched in the text with every terminal mark turned into "." (``as_full_stops``): a pattern that
# starts with a literal character (not a character class, nor a look-behind) is searched fast; the
# character before is checked in ``_needs_space``
_GLUED = re.compile(rf"(\.\.*[\"”’)]*)(?=[{_UPPER}\"“(])")
_GLUED_BEFORE = re.compile(rf"[{_LOWER}0-9)\"”’%]")
# "đảo lộnAnh Việt": an upper-case letter glued after a lower-case one and followed by one (a
# sub-heading or byline); the pattern starts with the upper-case class, much rarer than lower case
_CAMEL = re.compile(rf"[{_UPPER}](?<=[{_LOWER}][{_UPPER}])(?=[{_LOWER}])")
_URLISH = re.compile(r"(https?://|www\.|\.(com|vn|net|org)\b)", re.IGNORECASE)


def _non_ascii(s: str) -> bool:
    return any(ord(c) > 127 for c in s)


def _needs_space(text: str, start: int, end: int) -> bool:
    """Is the terminal punctuation ``text[start:end]``, glued to an upper-case letter, a sentence end
    (not an abbreviation, a URL or the start of the text)?"""
    if not start or not _GLUED_BEFORE.match(text, start - 1):
        return False
    token = last_word(text[max(0, start - 40): start])
    return not (token in ABBREVIATIONS or _URLISH.search(token + text[start:end + 6]))


def _insert_at(text: str, positions, sep: str) -> str:
    """``text`` with ``sep`` inserted at each of the increasing ``positions`` (the text itself when none)."""
    parts = []
    done = 0
    for pos in positions:
        parts.append(text[done:pos])
        parts.append(sep)
        done = pos
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _space_glued_sentences(text: str) -> str:
    """Insert the missing space after terminal punctuation glued to the next sentence."""
    return _insert_at(text, (m.end() for m in _GLUED.finditer(as_full_stops(text))
                             if _needs_space(text, m.start(), m.end())), " ")


def repair_run_together(text: str) -> str:
    """Insert the missing space after a glued full stop, and a line break at glued sub-headings.

    >>> repair_run_together("về ma túy.Sau hàng tháng tại TP.HCM có 3.000 người, tăng 10.5%.Đó là")
    'về ma túy. Sau hàng tháng tại TP.HCM có 3.000 người, tăng 10.5%. Đó là'
    >>> repair_run_together("Nhịp sống đảo lộnAnh Việt chia sẻ trên VnExpress")
    'Nhịp sống đảo lộn\\nAnh Việt chia sẻ trên VnExpress'
    """
    text = _space_glued_sentences(text)
    return _insert_at(text, (i for i in _glued_capitals(text) if _is_subheading_join(text, i)), "\n")


def _is_subheading_join(text: str, i: int) -> bool:
    """Whether the capital at ``i``, glued to the word before it, starts a new line (not inside a URL, and
    one of the two words is Vietnamese)."""
    lw = last_word(text[max(0, i - 40): i])
    right = re.match(r"\S+", text[i: i + 40])
    rw = right.group(0) if right else ""
    return not _URLISH.search(lw + rw) and (_non_ascii(lw) or _non_ascii(rw))


# a letter's case, by code point, for the compiled search of _CAMEL's matches in long texts
_CASE = np.zeros(0x1F00, dtype=np.uint8)
for _c in _LATIN:
    _CASE[ord(_c)] = 1 if _c.islower() else 2 if _c.isupper() else 0
_COMPILED_FROM = 1000  # characters: below, the regex is faster than the conversion to code points


def _glued_capitals(text: str) -> list[int]:
    """The positions of ``_CAMEL``'s matches: upper-case letters between two lower-case ones."""
    if len(text) < _COMPILED_FROM:
        return [m.start() for m in _CAMEL.finditer(text)]
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    found = np.empty(len(codes), dtype=np.int64)
    return found[:_camel_positions(codes, _CASE, found)].tolist()


@numba.njit(cache=True)
def _camel_positions(codes, case, found):  # pragma: no cover (compiled)
    """Into ``found``: every i with ``case`` 2 (upper) at ``codes[i]`` and 1 (lower) on both sides;
    returns how many."""
    n = 0
    for i in range(1, len(codes) - 1):
        c = codes[i]
        if c < len(case) and case[c] == 2:
            before, after = codes[i - 1], codes[i + 1]
            if before < len(case) and case[before] == 1 and after < len(case) and case[after] == 1:
                found[n] = i
                n += 1
    return n


# ---------------------------------------------------------------- leads and furniture

_OUTLET_PREFIX = re.compile(
    r"^(?:\(\s*[^()]{1,30}\)\s*[-–—:]*\s*|[A-ZĐ][A-Za-zĐđ0-9.]{1,14}(?:\s?[A-Z0-9.]{1,8})?\s*[-–—]\s+)"
)
_CREDIT_MARK = re.compile(r"\(?\s*(?:Ảnh|Nguồn|Photo)\s*:\s*")
# "T.B.Tổng", "UEVFCuộc": a credit glued to the first word of the next sentence
_GLUED_CREDIT = re.compile(rf"^((?:[{_UPPER}]\.)+|[{_UPPER}]{{2,}}?)([{_UPPER}][{_LOWER}]\S*)$")
_TRAILING_FURNITURE = re.compile(
    r"^(?:tin liên quan|xem thêm|nội dung đã đăng|\(?theo\b|nguồn\s*:|->|>>|\(?ttxvn\)?$|\.+$|/\.$)",
    re.IGNORECASE,
)
_LONE_PUNCT = re.compile(r"^[\W_]*$")
_TERMINAL = re.compile(r"[.!?…\"”’)]$")
_TERMINAL_MARKS = frozenset(".!?…\"”’)")
_TRAILING_MARKS = re.compile(r"\s*(?:\./\.|/\.)\s*(?:\((?:TTXVN|[A-ZĐ][\w.]{1,12})\))?\s*$")


def strip_outlet_prefix(lead: str) -> tuple[str, bool]:
    """``(HNM) - Chiều 28-5, ...`` -> ``Chiều 28-5, ...``; ``ICTnews - Tại ...`` -> ``Tại ...``."""
    m = _OUTLET_PREFIX.match(lead)
    if m and len(lead) - m.end() > 20:
        rest = lead[m.end():]
        # the prefix must be followed by the sentence proper (upper case or digit)
        if rest[:1].isupper() or rest[:1].isdigit():
            return rest, True
    return lead, False


def _is_byline(sentence: str) -> bool:
    if sentence[-1:] in _TERMINAL_MARKS or _TERMINAL.search(sentence):  # a cheap look at the end first
        return False
    words = sentence.split()
    if not words or len(words) > 8:
        return False
    capitals = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitals >= len(words) - 1


_FURNITURE_LINES = frozenset({"tin liên quan", "quang cảnh hội nghị.", "ảnh minh họa"})


def _is_furniture_line(s: str) -> bool:
    # (a sentence that starts with a letter or digit is no lone punctuation: no regex needed)
    return bool((not s[:1].isalnum() and _LONE_PUNCT.match(s)) or (len(s) < 24 and s.lower() in _FURNITURE_LINES))


def drop_furniture(sentences: list[str], repairs: dict) -> list[str]:
    # a long sentence that starts with a letter or digit is no furniture line: checked inline, fast
    out = [s for s in sentences if (len(s) >= 24 and s[:1].isalnum()) or not _is_furniture_line(s)]
    if len(out) < len(sentences):
        repairs["furniture_lines"] = repairs.get("furniture_lines", 0) + len(sentences) - len(out)
    # related-article links glued to the last sentence ("... → Lộ diện chân dung ...")
    if out:
        for arrow in (" → ", " -> ", " >> "):
            if arrow in out[-1]:
                out[-1] = out[-1].split(arrow)[0].strip()
                repairs["related_links"] = repairs.get("related_links", 0) + 1
    # trailing bylines and credits
    while out and (_TRAILING_FURNITURE.match(out[-1]) or _is_byline(out[-1])):
        repairs["trailing_furniture"] = repairs.get("trailing_furniture", 0) + 1
        out.pop()
    if out:
        cleaned = _TRAILING_MARKS.sub(".", out[-1]) if "/." in out[-1] and _TRAILING_MARKS.search(out[-1]) else out[-1]
        out[-1] = cleaned.replace("..", ".") if cleaned.endswith("..") and not cleaned.endswith("...") else cleaned
    return out


def split_credit(after: str) -> tuple[str, str]:
    """Split the text after ``Ảnh:`` into (credit, running text).

    >>> split_credit("T.B.Tổng số cuộc kiểm tra")
    ('T.B.', 'Tổng số cuộc kiểm tra')
    >>> split_credit("UEVFCuộc thi ảnh lớn nhất")
    ('UEVF', 'Cuộc thi ảnh lớn nhất')
    >>> split_credit("Hữu Việt) Sau đó, hội nghị")
    ('Hữu Việt)', 'Sau đó, hội nghị')
    """
    tokens = after.split(" ")
    credit: list[str] = []
    for i, tok in enumerate(tokens[:4]):
        glued = _GLUED_CREDIT.match(tok)
        if glued:
            credit.append(glued.group(1))
            return " ".join(credit), " ".join([glued.group(2)] + tokens[i + 1:])
        if not tok or not (tok[0].isupper() or tok[0].isdigit() or tok[0] == "("):
            break
        credit.append(tok)
        if tok.endswith(")") or tok.endswith(".") and len(tok) > 3:
            return " ".join(credit), " ".join(tokens[i + 1:])
    if len(credit) >= 3:  # a name then the next sentence: keep the next sentence's first word
        return " ".join(credit[:2]), " ".join(tokens[2:])
    return " ".join(credit), " ".join(tokens[len(credit):])


# each credit word alone: a regex looks for its first, rare letter (``in`` for its last, a common one)
_CREDIT_WORDS = [re.compile(word) for word in ("Ảnh", "Nguồn", "Photo")]


def drop_captions(sentences: list[str], repairs: dict, text: str | None = None) -> list[str]:
    """A sentence followed by a photo credit (``Ảnh: TTXVN``, ``(Nguồn: Sputnik)``) is a caption:
    both go; running text glued after the credit stays. ``text``: the text the sentences come from,
    if at hand (the credit words have no whitespace: they are in it when they are in a sentence)."""
    text = "\n".join(sentences) if text is None else text
    if not any(word.search(text) for word in _CREDIT_WORDS):
        return list(sentences)
    out: list[str] = []
    for s in sentences:
        m = _CREDIT_MARK.search(s) if ("Ảnh" in s or "Nguồn" in s or "Photo" in s) else None
        if m and m.start() < 250:
            repairs["captions"] = repairs.get("captions", 0) + 1
            _credit, rest = split_credit(s[m.end():])
            if m.start() == 0 and out:
                out.pop()  # "Caption." then "Ảnh: X ..." as the next sentence
            rest = rest.strip()
            if rest:
                out.append(rest)
            continue
        out.append(s)
    return out


def _squash(s: str) -> str:
    """Lower case without whitespace, commas or full stops: for comparing sentences with the lead
    (str methods are several times faster than a regex or translate here; every whitespace
    character but the space is non-printable, so a printable text needs no split/join)."""
    s = s.lower().replace(" ", "")
    if not s.isprintable():
        s = "".join(s.split())
    return s.replace(",", "").replace(".", "")


_SEP = "¶"  # printable, not whitespace, no other character lower-cases to it


def _squash_all(texts: list[str]) -> list[str]:
    """``_squash`` of each text, in one pass over the texts joined by ``_SEP`` (the same result:
    the separator is kept by every step and breaks no lower-casing context)."""
    joined = _SEP.join(texts)
    if joined.count(_SEP) != len(texts) - 1:
        return [_squash(t) for t in texts]
    return _squash(joined).split(_SEP)


def remove_summary_repeats(summary: str, sentences: list[str], repairs: dict) -> list[str]:
    """Drop body sentences that repeat the lead (the lead repeated at the start of a body, or
    any sentence wholly contained in the lead)."""
    lead, *head = _squash_all([summary] + sentences[:6])
    out = []
    for i, s in enumerate(sentences):
        if i >= 6:  # repeats sit at the start; a verbatim lead later is caught by the final check
            out.extend(sentences[i:])
            break
        sq = head[i]
        if sq and len(sq) >= 20 and (sq in lead or (i < 3 and lead and lead in sq and len(sq) < 1.3 * len(lead))):
            repairs["lead_repeat"] = repairs.get("lead_repeat", 0) + 1
            continue
        out.append(s)
    return out


# ---------------------------------------------------------------- the whole article

def clean_article(raw: RawArticle) -> Article:
    """Clean one article; raises ``Skip`` with a reason when it cannot make an example."""
    repairs: dict = {}
    segmented = raw.source == "vietnews"
    title, lead = raw.title, raw.lead
    if segmented:
        title, lead = desegment(title), desegment(lead)
        body = normalize(desegment("\n".join(line for line in raw.body if line.strip())))
        sentences = join_broken_lines([line for line in body.split("\n") if line])
    else:
        body = normalize(repair_run_together("\n".join(raw.body)))
        sentences = split_sentences(body)
    title = normalize(title)
    lead, stripped = strip_outlet_prefix(normalize(lead))
    if stripped:
        repairs["outlet_prefix"] = 1
    if not segmented:
        lead = repair_run_together(lead).replace("\n", " ")
    sentences = drop_captions(sentences, repairs, body)
    sentences = drop_furniture(sentences, repairs)
    sentences = remove_summary_repeats(lead, sentences, repairs)
    sentences = [s for s in sentences if s]

    summary_words = len(lead.split())
    if summary_words < MIN_SUMMARY_WORDS:
        raise Skip("short_summary", f"{raw.id}: lead has {summary_words} words (< {MIN_SUMMARY_WORDS})")
    document = "\n".join(sentences)
    # normalized text has single spaces and no empty lines: words = spaces + line breaks + 1
    n_words = document.count(" ") + len(sentences) if sentences else 0
    if n_words < MIN_DOCUMENT_WORDS or len(sentences) < MIN_DOCUMENT_SENTENCES:
        raise Skip("short_document", f"{raw.id}: body has {n_words} words in {len(sentences)} sentences")
    if lead in document.replace("\n", " "):  # also finds a lead that spans a sentence break
        raise Skip("summary_in_document", f"{raw.id}: the lead appears verbatim in the body")
    return Article(
        id=raw.id,
        source=raw.source,
        title=title,
        summary=lead,
        document=document,
        outlet=raw.outlet,
        date=raw.date,
        url=raw.url,
        category=raw.category,
        repairs=repairs,
        summary_words=summary_words,
        document_words=n_words,
    )
