"""Controlled corruptions of a lead, to validate the fact metrics.

Each function takes a text, a seed and optionally the text's facts (hand-checked gold facts as
dicts with ``type``, ``value`` and ``text``; by default the extractor's), and returns the
corrupted text, or None when the corruption does not apply (the text has no date, no
province, ...). With gold facts, the corruption targets a gold fact (so a number is a real
quantity, not an identifier the extractor took for one). The output of every function is
deterministic for a given (text, seed, facts).

- ``swap_date``        the first dated fact (a day if any, else a month, else a year) gets another value
- ``change_province``  every mention of the first province named becomes another province
- ``change_number``    the first quantity gets another leading digit
- ``drop_body``        every mention of the first organizing body is deleted
"""

from __future__ import annotations

import random
import re

from . import patterns
from .extract import Fact, extract_facts, prepare, _GAZ_RE
from .normalize import canonical_province, unpack


def _rng(text: str, seed: int, name: str) -> random.Random:
    import zlib

    return random.Random(zlib.crc32(f"{seed}:{name}:{text}".encode("utf-8")))


def _facts_of(t: str, facts, ftype: str) -> list[Fact]:
    """Facts of ``ftype`` located in ``t``: the extractor's, or the given ones found by their text."""
    if facts is None:
        return [f for f in extract_facts(t) if f.type == ftype]
    out = []
    for d in facts:
        d = d.to_dict() if isinstance(d, Fact) else d
        if d.get("type") != ftype or not d.get("text"):
            continue
        text = prepare(d["text"])
        start = t.find(text)
        if start >= 0:
            out.append(Fact(ftype, text, start, start + len(text), d["value"]))
    return sorted(out, key=lambda f: f.start)


def _splice(t: str, start: int, end: int, new: str) -> str:
    return t[:start] + new + t[end:]


def _tidy(t: str) -> str:
    t = re.sub(r"\s+([,.;:])", r"\1", t)
    t = re.sub(r"([,;:])\s*([,.;:])", r"\2", t)
    t = re.sub(r"^\s*[,;:]\s*", "", t)
    t = re.sub(r"\(\s*\)", "", t)
    return re.sub(r" {2,}", " ", t).strip()


def swap_date(text: str, seed: int = 0, facts=None) -> str | None:
    t = prepare(text)
    dates = _facts_of(t, facts, "date")
    if not dates:
        return None
    rng = _rng(t, seed, "date")
    for key in ("d", "m", "y", "p"):
        for f in dates:
            v = unpack(f.value)
            if key not in v:
                continue
            digits = list(re.finditer(r"\d+", f.text))
            if not digits:
                continue
            if key == "d":
                target, old, lo, hi = digits[0], int(digits[0].group()), 1, 28
            elif key == "m":
                target = next((g for g in digits if g.group().isdigit() and int(g.group()) == int(v["m"])), None)
                if target is None:
                    continue
                old, lo, hi = int(v["m"]), 1, 12
            elif key == "y":
                target = next((g for g in digits if g.group() == v["y"]), None)
                if target is None:
                    continue
                old, lo, hi = int(v["y"]), int(v["y"]) - 3, int(v["y"]) + 3
            else:
                if not digits:
                    continue
                target, old, lo, hi = digits[0], int(digits[0].group()), 1, 11
            choices = [x for x in range(lo, hi + 1) if x != old]
            new = str(rng.choice(choices))
            if len(target.group()) == 2 and len(new) == 1 and key in "dm":
                new = "0" + new if target.group().startswith("0") else new
            s = f.start + target.start()
            return _splice(t, s, s + len(target.group()), new)
    return None


def change_province(text: str, seed: int = 0, facts=None) -> str | None:
    t = prepare(text)
    mentions = list(_GAZ_RE.finditer(t))
    if not mentions:
        return None
    first = canonical_province(mentions[0].group())
    named = {canonical_province(m.group()) for m in mentions}
    rng = _rng(t, seed, "province")
    new = rng.choice(sorted(p for p in patterns.PROVINCES if p not in named))
    if new == "Hồ Chí Minh":
        new = "TP.HCM"
    out = t
    for m in reversed(mentions):
        if canonical_province(m.group()) == first:
            out = _splice(out, m.start(), m.end(), new)
    return out


def change_number(text: str, seed: int = 0, facts=None) -> str | None:
    t = prepare(text)
    numbers = [f for f in _facts_of(t, facts, "number") if re.search(r"\d", f.text)]
    if not numbers:
        return None
    f = numbers[0]
    rng = _rng(t, seed, "number")
    m = re.search(r"\d", f.text)
    old = m.group()
    new = rng.choice([d for d in "123456789" if d != old])
    s = f.start + m.start()
    return _splice(t, s, s + 1, new)


def drop_body(text: str, seed: int = 0, facts=None) -> str | None:
    t = prepare(text)
    bodies = _facts_of(t, facts, "body")
    if not bodies:
        return None
    from .normalize import values_match

    first = bodies[0]
    out = t
    for f in reversed(bodies):
        if values_match("body", first.value, f.value):
            out = _splice(out, f.start, f.end, "")
    return _tidy(out)


CORRUPTIONS = {
    "swap_date": swap_date,
    "change_province": change_province,
    "change_number": change_number,
    "drop_body": drop_body,
}
