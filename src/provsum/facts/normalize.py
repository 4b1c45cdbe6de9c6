"""Comparable values for facts, and the rules that decide when two values match.

A value is a short ``key=value;key=value`` string, readable and editable by hand in
``annotations/gold_facts.jsonl``:

- date:    ``d=29;m=10;y=2020`` (day, month, year; any may be absent), ``p=9m;y=2020``
           (the first 9 months), ``p=end`` (the last months), ``q=1;y=2020`` (quarter),
           ``y=2020`` (a year), ``t=2020-2025`` (a term).
- number:  ``n=3200000000;u=đồng`` (exact decimal, unit), ``n=46/47;u=phiếu`` (a ratio).
- body:    ``h=hội đồng nhân dân;l=tỉnh;n=quảng ninh;k=13`` (head, level, locality, term).
- meeting: ``k=hội nghị;q=giao ban;o=12;m=6`` (kind, type qualifiers joined by ``+``, ordinal, month).
- person:  ``n=nguyễn văn hưởng``.
- place:   ``c=bình liêu|quảng ninh`` (components, admin prefixes dropped).

Matching (``values_match(type, gold, pred)``) is symmetric and lenient where news text is:
a date without a year matches the same day and month with a year; ``HĐND tỉnh`` matches
``HĐND tỉnh Quảng Ninh``; ``ông Hưởng`` matches ``Nguyễn Văn Hưởng``; a place matches when
one set of components contains the other.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from provsum.text.normalize import normalize_tone_marks

from . import patterns

_PUNCT = re.compile(r"[^\w\s&%/]+")
_SPACES = re.compile(r"\s+")

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> int | None:
    """``XIII`` -> 13; None when ``s`` is not a Roman numeral."""
    s = s.upper()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        if i + 1 < len(s) and _ROMAN[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def fold(text: str) -> str:
    """NFC, new-style tone marks, lower case, punctuation to spaces, single spaces."""
    text = normalize_tone_marks(unicodedata.normalize("NFC", text)).lower()
    text = text.replace("–", "-").replace("—", "-")
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def expand_abbreviations(text: str) -> str:
    """Fold, then replace whole-word abbreviations (HĐND, UBND, MTTQ, TP, ...) by their long form."""
    text = normalize_tone_marks(unicodedata.normalize("NFC", text)).lower()
    # "tp.hcm" and friends first: the province table knows them
    for variant in ("tp.hcm", "tp. hcm", "tp hcm", "tphcm", "tp.hồ chí minh", "tp. hồ chí minh"):
        text = text.replace(variant, "thành phố hồ chí minh")
    text = re.sub(r"\b(tp|tx|q)\.\s*", r"\1 ", text)
    text = re.sub(r"\b(gd|tn|kh|nn|lđ)\s*-\s*(đt|mt|ptnt|tbxh)\b", r"\1&\2", text)  # "gd-đt" -> "gd&đt"
    text = re.sub(r"\s*&\s*", "&", text)  # "gd & đt" -> "gd&đt"
    text = re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_]+&)", "", text)  # "lđ-tb&xh" -> "lđtb&xh"
    words = fold(text).split(" ")
    out = [patterns.ABBREVIATIONS.get(w, w) for w in words]
    return " ".join(w for w in out if w)


def body_head(text: str) -> str:
    """The comparable head of a body: abbreviations expanded, without "và"
    (``Sở TN&MT`` = ``Sở Tài nguyên - Môi trường`` = ``sở tài nguyên môi trường``)."""
    return " ".join(w for w in expand_abbreviations(text).split(" ") if w != "và")


# --- provinces ------------------------------------------------------------------------------

def _build_province_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, variants in patterns.PROVINCES.items():
        for name in (canonical, *variants):
            index[fold(name)] = canonical
            index[fold(name).replace(" ", "")] = canonical
    return index


_PROVINCE_INDEX = _build_province_index()


def canonical_province(name: str) -> str | None:
    """``Thừa Thiên - Huế`` -> ``Thừa Thiên Huế``; ``TP.HCM`` -> ``Hồ Chí Minh``; else None."""
    key = fold(name)
    for prefix in ("thành phố ", "tp ", "tỉnh "):
        if key.startswith(prefix) and key[len(prefix):] in _PROVINCE_INDEX:
            key = key[len(prefix):]
            break
    return _PROVINCE_INDEX.get(key) or _PROVINCE_INDEX.get(key.replace(" ", ""))


def place_name(name: str) -> str:
    """A locality's comparable name: the canonical province if it is one, else folded."""
    province = canonical_province(name)
    return fold(province) if province else fold(name)


# --- value strings ----------------------------------------------------------------------------

def pack(**fields: object) -> str:
    """``pack(d=29, m=10)`` -> ``'d=29;m=10'``; fields that are None or empty are left out."""
    return ";".join(f"{k}={v}" for k, v in fields.items() if v not in (None, ""))


def unpack(value: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in value.split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip()] = v.strip()
    return out


def number_value(digits: str) -> Decimal | None:
    """Vietnamese number text to a Decimal: ``3.000`` = 3000, ``3,2`` = 3.2, ``1.234,5`` = 1234.5.

    A dot followed by exactly three digits (repeated) separates thousands; otherwise a dot
    or a comma is the decimal mark.
    """
    s = digits.strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(,\d{3}){2,}", s):  # 1,000,000 (English style, unambiguous)
        s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def decimal_text(d: Decimal) -> str:
    """Exact, exponent-free decimal text: 3200000000, 1.93, 0.5."""
    text = format(d.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# --- matching ---------------------------------------------------------------------------------

def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _date_match(a: dict[str, str], b: dict[str, str]) -> bool:
    ka = set(a) - {"y"}
    kb = set(b) - {"y"}
    if ka != kb:
        return False
    if any(a[k] != b[k] for k in ka):
        return False
    if not ka:  # year only, or term only
        return a.get("y") == b.get("y")
    return _compatible(a.get("y"), b.get("y"))


def _number_match(a: dict[str, str], b: dict[str, str]) -> bool:
    if a.get("n") != b.get("n"):
        return False
    return _compatible(a.get("u"), b.get("u"))


def _body_match(a: dict[str, str], b: dict[str, str]) -> bool:
    if a.get("h") != b.get("h"):
        return False
    if a.get("n") and b.get("n"):
        if a["n"] != b["n"] or not _compatible(a.get("l"), b.get("l")):
            return False
    elif not _compatible(a.get("l"), b.get("l")):
        return False
    return _compatible(a.get("k"), b.get("k"))


def _meeting_match(a: dict[str, str], b: dict[str, str]) -> bool:
    if not _compatible(a.get("o"), b.get("o")) or not _compatible(a.get("m"), b.get("m")):
        return False
    qa = set(filter(None, a.get("q", "").split("+")))
    qb = set(filter(None, b.get("q", "").split("+")))
    if qa and qb:
        return bool(qa & qb)
    if qa or qb:
        # one names a type, the other only a kind: same kind required
        return a.get("k") is not None and a.get("k") == b.get("k")
    return a.get("k") == b.get("k") and (a.get("o") is not None or a.get("k") is not None)


def _person_match(a: dict[str, str], b: dict[str, str]) -> bool:
    na = a.get("n", "").split()
    nb = b.get("n", "").split()
    if not na or not nb:
        return False
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    return long_[len(long_) - len(short):] == short


def _place_match(a: dict[str, str], b: dict[str, str]) -> bool:
    ca = set(filter(None, a.get("c", "").split("|")))
    cb = set(filter(None, b.get("c", "").split("|")))
    if not ca or not cb:
        return False
    return ca <= cb or cb <= ca


_MATCHERS = {
    "date": _date_match,
    "number": _number_match,
    "body": _body_match,
    "meeting": _meeting_match,
    "person": _person_match,
    "place": _place_match,
}

FACT_TYPES = tuple(_MATCHERS)


def values_match(fact_type: str, a: str, b: str) -> bool:
    """True when two values of ``fact_type`` name the same thing (see the module docstring)."""
    if a == b:
        return True
    try:
        matcher = _MATCHERS[fact_type]
    except KeyError:
        raise ValueError(f"unknown fact type {fact_type!r}; expected one of {FACT_TYPES}") from None
    return matcher(unpack(a), unpack(b))
