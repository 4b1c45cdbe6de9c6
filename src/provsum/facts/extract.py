"""Rule-based extraction of meeting facts from Vietnamese news text.

``extract_facts(text)`` returns typed facts with spans and comparable values:

- ``date``     Ngày 29/10, sáng 4-1, chiều 5.7, 29/10/2020, ngày 3 tháng 5 năm 2021,
               tháng 10/2020, tháng 6, 9 tháng đầu năm 2020, những tháng cuối năm, quý III/2020,
               năm 2020, nhiệm kỳ 2020-2025
- ``place``    tại Bình Liêu, tại TP.HCM, tại khách sạn Duy Tân, TP. Huế; bare province names
- ``body``     Ban Dân vận Tỉnh ủy, HĐND tỉnh Quảng Ninh khóa XIII, UBND TP. Hà Nội, Sở Y tế ...
- ``meeting``  hội nghị giao ban, kỳ họp thứ 12, phiên họp thường kỳ tháng 6, hội nghị tổng kết
- ``person``   Nguyễn Văn Hưởng (with ``role`` "Trưởng Ban Dân vận Tỉnh ủy, ..."), ông Hưởng
- ``number``   3,2 tỷ đồng, 46/47 phiếu, 24 chức danh, 1,93%

Spans index the text after NFC and tone-mark normalization (``provsum.text.normalize``),
which has the same length as the input whenever the input is NFC. Overlapping candidates
are resolved longest first. Values are described in ``provsum.facts.normalize``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from provsum.text.normalize import normalize_tone_marks

from . import patterns
from .normalize import (
    body_head,
    canonical_province,
    decimal_text,
    fold,
    number_value,
    pack,
    place_name,
    roman_to_int,
)

EXTRACTOR_VERSION = "2"


@dataclass(frozen=True)
class Fact:
    type: str
    text: str
    start: int
    end: int
    value: str
    role: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        d = asdict(self)
        if d["role"] is None:
            del d["role"]
        return d


# --- character classes and shared pieces -------------------------------------------------------

_UPPER = "".join(
    sorted({c for c in map(chr, range(0x41, 0x1EFF)) if c.isalpha() and c.isupper()})
)
_CAP = rf"[{re.escape(_UPPER)}][^\W\d_]*"  # a capitalized syllable (also all-caps words)
_ALLCAPS_WORD = rf"[{re.escape(_UPPER)}]{{2,}}(?![^\W\d_])"
_CAPSEQ = rf"{_CAP}(?: (?!{_ALLCAPS_WORD}){_CAP}){{0,2}}"


def _alt(words, *, case_insensitive=True) -> str:
    """Regex alternation of phrases, longest first; spaces match any run of spaces."""
    items = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)
    return f"(?i:{body})" if case_insensitive else f"(?:{body})"


def _gazetteer_alt() -> str:
    names = []
    for canonical, variants in patterns.PROVINCES.items():
        names.extend((canonical, *variants))
    items = sorted(set(names), key=len, reverse=True)
    parts = []
    for w in items:
        p = re.escape(w).replace(r"\ ", r"\s+")
        p = p.replace(r"\-", r"\s*[-–]\s*").replace(r"\.", r"\.\s*")
        parts.append(p)
    return "(?:" + "|".join(parts) + r")(?![^\W\d_])"


_GAZ = _gazetteer_alt()
_GAZ_RE = re.compile(r"(?<![^\W\d_])" + _GAZ)
_LEVEL = r"(?i:tỉnh|thành\s+phố|thị\s+xã|thị\s+trấn|huyện|quận|phường|xã|tp\.?|tx\.?|q\.)"

# --- dates -------------------------------------------------------------------------------------

_PART = r"(?i:rạng\s+sáng|sáng|trưa|chiều|tối|đêm|khuya)"
_DAY_PREFIX = rf"(?:{_PART}\s+(?:(?i:nay)\s*,?\s*)?(?:(?i:ngày|hôm)\s+)?|(?i:ngày|hôm\s+nay\s*,?|hôm)\s+|\(\s*)"
_YEAR = r"(?:19|20)\d{2}"

_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy", re.compile(rf"(?:{_DAY_PREFIX})?(?<!\d)(\d{{1,2}})\s*([/.-])\s*(\d{{1,2}})\s*\2\s*({_YEAR})(?!\d)")),
    ("dmy_words", re.compile(
        rf"(?:{_PART}\s+)?(?i:ngày)\s+(\d{{1,2}})\s+(?i:tháng)\s+(\d{{1,2}})(?:\s*,?\s+(?i:năm)\s+({_YEAR}))?(?!\d)")),
    ("range", re.compile(
        rf"(?:{_PART}\s+)?(?:(?i:từ)\s+)?(?i:ngày)\s+(\d{{1,2}})\s*(?:(?i:đến|tới)|[-–])\s*(\d{{1,2}})\s*([/.-])\s*(\d{{1,2}})"
        rf"(?:\s*\3\s*({_YEAR}))?(?![\d/]|[.,-]\d)")),
    ("dm_initial", re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(\d{1,2})\s*([/.-])\s*(\d{1,2})(?=\s*,)")),
    ("dm_prefixed", re.compile(rf"{_DAY_PREFIX}(\d{{1,2}})\s*([/.-])\s*(\d{{1,2}})(?![\d/]|[.,-]\d)")),
    ("dm_slash", re.compile(r"(?<![\w/.,-])(\d{1,2})/(\d{1,2})(?![\w/]|[.,-]\d)")),
    ("my", re.compile(rf"(?i:tháng)\s+(\d{{1,2}})\s*(?:[/.-]|\s+(?i:năm)\s+)\s*({_YEAR})(?!\d)")),
    ("my_bare", re.compile(rf"(?<![\w/.,-])(\d{{1,2}})/({_YEAR})(?![\d/])")),
    ("m", re.compile(r"(?i:tháng)\s+(\d{1,2})(?![\d/]|[.,-]\d|\s*(?i:năm)\s*\d)")),
    ("period", re.compile(
        rf"(\d{{1,2}})\s+(?i:tháng)\s+((?i:đầu|cuối))\s+(?i:năm)(?:\s+({_YEAR}))?(?!\d)")),
    ("period_end", re.compile(rf"(?i:những\s+tháng\s+cuối\s+năm)(?:\s+({_YEAR}))?(?!\d)")),
    ("quarter", re.compile(rf"(?i:quý)\s+(IV|III|II|I|[1-4])(?![\w])(?:\s*(?:/|(?i:năm))\s*({_YEAR}))?")),
    ("term", re.compile(rf"(?i:nhiệm\s+kỳ|giai\s+đoạn)\s+({_YEAR})\s*[-–]\s*({_YEAR})")),
    ("year", re.compile(rf"(?i:năm)\s+({_YEAR})(?!\d)")),
]
_NOT_DATE_BEFORE = re.compile(r"(?i:số|tỷ\s+lệ|tỉ\s+lệ|đạt)\s*$")
_NOT_DATE_AFTER = re.compile(r"\s*(?i:số|phiếu|tổng|người|đại\s+biểu|xã|huyện|ha\b|%)")


def _valid_dm(d: int, m: int) -> bool:
    return 1 <= d <= 31 and 1 <= m <= 12


def _dates(t: str) -> list[Fact]:
    out = []
    for kind, rx in _DATE_PATTERNS:
        for mt in rx.finditer(t):
            g = mt.groups()
            value = None
            if kind == "dmy":
                d, m, y = int(g[0]), int(g[2]), g[3]
                if _valid_dm(d, m):
                    value = pack(d=d, m=m, y=y)
            elif kind == "dmy_words":
                d, m = int(g[0]), int(g[1])
                if _valid_dm(d, m):
                    value = pack(d=d, m=m, y=g[2])
            elif kind == "range":
                d1, d2, m = int(g[0]), int(g[1]), int(g[3])
                if _valid_dm(d1, m) and _valid_dm(d2, m) and d1 < d2:
                    value = pack(d=f"{d1}-{d2}", m=m, y=g[4])
            elif kind in ("dm_prefixed", "dm_slash", "dm_initial"):
                d, m = int(g[0]), int(g[-1])
                if not _valid_dm(d, m):
                    continue
                if kind == "dm_slash" and (
                    _NOT_DATE_BEFORE.search(t[: mt.start()]) or _NOT_DATE_AFTER.match(t, mt.end())
                ):
                    continue
                value = pack(d=d, m=m)
            elif kind in ("my", "my_bare"):
                m = int(g[0])
                if 1 <= m <= 12 and not (kind == "my_bare" and _NOT_DATE_BEFORE.search(t[: mt.start()])):
                    value = pack(m=m, y=g[1])
            elif kind == "m":
                m = int(g[0])
                if 1 <= m <= 12:
                    value = pack(m=m)
            elif kind == "period":
                n = int(g[0])
                if 1 <= n <= 11:
                    side = "m" if g[1].lower() == "đầu" else "m-end"
                    value = pack(p=f"{n}{side}", y=g[2])
            elif kind == "period_end":
                value = pack(p="end", y=g[0])
            elif kind == "quarter":
                q = roman_to_int(g[0]) if not g[0].isdigit() else int(g[0])
                value = pack(q=q, y=g[1])
            elif kind == "term":
                value = pack(t=f"{g[0]}-{g[1]}")
            elif kind == "year":
                value = pack(y=g[0])
            if value:
                start, end = mt.start(), mt.end()
                # the opening bracket of "(26/5)" is not part of the date
                while start < end and t[start] in "( ":
                    start += 1
                out.append(Fact("date", t[start:end], start, end, value))
    return out


# --- persons -----------------------------------------------------------------------------------

_STRONG_SURNAMES = frozenset(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào
    Vương Trịnh Trương Phùng Tạ Lương Đinh Lưu Quách Kiều Triệu Lại Nông Mạc Thân Tăng
    Hứa Đàm Tống Nghiêm Thạch Doãn Lữ Phí Khúc Bạch Cấn Khuất Lường Quàng Sầm Giáp""".split()
)
_HONORIFIC_RE = re.compile(r"(?<![^\W\d_])(?i:đồng\s+chí|đ/c|ông|bà)\s+$")
_CAPRUN_RE = re.compile(rf"{_CAP}(?: {_CAP})*")
_TOKEN_RE = re.compile(rf"{_CAP}")
_ROLE_ALT = _alt(patterns.ROLE_WORDS)
_ROLE_START_RE = re.compile(rf"(?<![^\W\d_]){_ROLE_ALT}(?![^\W\d_])")
_ROLE_AFTER_RE = re.compile(rf"[ \t]*(?:,|[ \t][-–]|\()[ \t]*((?:{_ROLE_ALT})(?![^\W\d_])[^,;().\n]*)")
_ROLE_MORE_RE = re.compile(rf"[ \t]*,[ \t]*((?:{_ROLE_ALT})(?![^\W\d_])[^,;().\n]*)")
_ROLE_STOP_RE = re.compile(
    r"\s[-–]\s.*$|\s(?:tại|chủ\s+trì|cho\s+biết|phát\s+biểu|khẳng\s+định|yêu\s+cầu|nhấn\s+mạnh|đã|vừa|đang|sẽ|"
    r"dự|tham\s+dự|đề\s+nghị|chỉ\s+đạo|ký|trao|tặng|kết\s+luận|báo\s+cáo|được|bị|có|đưa\s+ra|nói|cho\s+rằng|"
    r"thông\s+tin|trả\s+lời|chia\s+sẻ|đánh\s+giá|trình\s+bày|giải\s+trình|nêu|làm|thay|và|là|với|cùng|"
    r"giữ\s+chức|khi|trong|về|của)(?![^\W\d_]).*$"
)
_ROLE_VERB_RE = re.compile(_ROLE_STOP_RE.pattern.replace(r"\s[-–]\s.*$|", "", 1))
_HONORIFIC_TOKENS = frozenset({"Ông", "Bà", "Đồng", "Anh", "Chị"})


def _sentence_safe(t: str) -> str:
    """Same-length copy of ``t`` where the dots of abbreviations (TP., Q., ThS.) are spaces."""
    return re.sub(r"\b(TP|Tp|TX|Q|P|ThS|TS|GS|PGS|Th|BS)\.", lambda m: m.group(1) + " ", t)


def _place_prefixed(t: str, start: int) -> bool:
    before = fold(t[max(0, start - 30) : start])
    if not before:
        return False
    last = before.split(" ")[-1]
    if last.isdigit():
        return True  # an address: "98 Tô Ngọc Vân"
    if last in patterns.PLACE_PREFIXES or t[max(0, start - 3) : start].rstrip().endswith(("TP", "TP.", "Tp.")):
        return True
    return any(before.endswith(p) for p in patterns.PLACE_PREFIX_PHRASES)


def _role_of(t: str, safe: str, start: int, end: int, others: list[int] = ()) -> str | None:
    roles = []
    m = _ROLE_AFTER_RE.match(safe, end)
    nxt = min((o for o in others if o > end), default=len(t))
    # a role segment that runs into the next person's name is that person's role, not ours
    if m and m.end(1) <= nxt:
        roles.append(m.span(1))
        pos = m.end()
        while True:
            m2 = _ROLE_MORE_RE.match(safe, pos)
            if not m2 or m2.end(1) > nxt:
                break
            roles.append(m2.span(1))
            pos = m2.end()
    if not roles:
        # the role written right before the name, in the same clause: "Chủ tịch UBND tỉnh X Nguyễn Văn A"
        clause_start = max(safe.rfind(c, 0, start) for c in ",.;:(\n\"“") + 1
        clause_start = max([clause_start, *(o for o in others if o < start)])
        clause = safe[clause_start:start]
        for rm in _ROLE_START_RE.finditer(clause):
            s, e = clause_start + rm.start(), start
            between = t[s:e]
            if between.strip(" -–,") and not _ROLE_VERB_RE.search(between):
                roles.append((s, e))
                break
    if not roles:
        return None
    parts = []
    for s, e in roles:
        stop = _ROLE_STOP_RE if s >= end else _ROLE_VERB_RE  # a role before the name may hold " - "
        text = stop.sub("", t[s:e]).strip(" -–,.")
        if text:
            parts.append(text)
    return ", ".join(parts) or None


def _persons(t: str, safe: str) -> list[Fact]:
    out = []
    spans: list[tuple[int, int]] = []
    for run in _CAPRUN_RE.finditer(t):
        toks = [(m.start() + run.start(), m.end() + run.start()) for m in _TOKEN_RE.finditer(run.group())]
        # split at all-caps words (UBND, TP) and drop leading honorifics ("Ông Nguyễn ...")
        groups: list[list[tuple[int, int]]] = [[]]
        for s, e in toks:
            word = t[s:e]
            if len(word) > 1 and word.isupper():
                groups.append([])
            else:
                groups[-1].append((s, e))
        for g in groups:
            # "Bà Rịa - Vũng Tàu" is a province, not "bà" + a name
            while g and t[g[0][0] : g[0][1]] in _HONORIFIC_TOKENS and not _GAZ_RE.match(t, g[0][0]):
                if t[g[0][0] : g[0][1]] == "Đồng":  # "Đồng chí" only; "Đồng" alone is a surname
                    if not t.startswith("Đồng chí", g[0][0]):
                        break
                g = g[1:]
            if not g:
                continue
            span = _person_span(t, g)
            if span is not None:
                sub = [(a, b) for a, b in g if a >= span[0]]
                if not _not_a_name(t, sub, [t[a:b] for a, b in sub]):
                    spans.append(span)
    starts = [s for s, _ in spans]
    for s, e in spans:
        name = t[s:e]
        role = _role_of(t, safe, s, e, [o for o in starts if o != s])
        out.append(Fact("person", name, s, e, pack(n=fold(name)), role))
    return out


_ROLE_SYLLABLES = frozenset(
    "Chủ Ủy Phó Bí Trưởng Giám Thứ Tổng Chánh Viện Cục Giáo Tiến Luật Đại Thượng Trung Thiếu".split()
)
_STEMS = frozenset("Giáp Ất Bính Đinh Mậu Kỷ Canh Tân Nhâm Quý".split())
_BRANCHES = frozenset("Tý Sửu Dần Mão Mẹo Thìn Tỵ Ngọ Mùi Thân Dậu Tuất Hợi".split())


def _not_a_name(t: str, g: list[tuple[int, int]], words: list[str]) -> bool:
    """Capitalized words that are not a person: a role ("đồng chí Chủ tịch", "Đoàn Chủ tịch"),
    a lunar year ("Đinh Dậu"), a surname-like word before a province ("Tỉnh Đoàn Nghệ An")."""
    last_end = g[-1][1]
    if words[-1] in _ROLE_SYLLABLES and re.match(r" [a-zà-ỹđ]", t[last_end : last_end + 2]) and t[last_end + 1].islower():
        return True
    if len(words) == 2 and words[0] in _STEMS and words[1] in _BRANCHES:
        return True
    return len(words) >= 3 and canonical_province(" ".join(words[1:])) is not None


def _person_span(t: str, g: list[tuple[int, int]]) -> tuple[int, int] | None:
    words = [t[s:e] for s, e in g]
    if _not_a_name(t, g, words):
        return None
    n = len(words)
    start_text = t[max(0, g[0][0] - 16) : g[0][0]]
    honorific = bool(_HONORIFIC_RE.search(start_text))
    if honorific and n <= 4 and not _place_prefixed(t, g[0][0]):
        return g[0][0], g[-1][1]
    # whole run: a surname and one to three more syllables
    first = words[0]
    whole = " ".join(words)
    # after "tỉnh" only a province can follow, so a surname-led name that is none is a person
    # ("Phó Chủ tịch UBND tỉnh Dương Tất Thắng")
    after_tinh = n >= 3 and re.search(r"(?i:tỉnh|tp\.?|thành\s+phố) $", start_text) is not None
    if (
        2 <= n <= 4
        and (first in _STRONG_SURNAMES or (first in patterns.SURNAMES and n >= 3))
        and canonical_province(whole) is None
        and canonical_province(" ".join(words[:2])) is None
        and (after_tinh or not _place_prefixed(t, g[0][0]))
    ):
        return g[0][0], g[-1][1]
    # a name at the end of a longer run: "Hà Nội Nguyễn Đức Chung"
    for i in range(1, n - 1):
        if words[i] in _STRONG_SURNAMES and 2 <= n - i <= 4:
            return g[i][0], g[-1][1]
    return None


# --- bodies ------------------------------------------------------------------------------------

_PARTY = _alt(patterns.PARTY_COMMITTEES)
_COUNCIL = _alt(patterns.COUNCILS)
_BAN = rf"(?i:ban)\s+{_alt(patterns.BAN_NAMES)}"
_GROUP = _alt(patterns.GROUP_PREFIXES)
def _sector_alt() -> str:
    """Sectors with free connectors: "Văn hóa, Thể thao và Du lịch" = "Văn hóa - Thể thao - Du lịch"."""
    items = []
    for sector in sorted(set(patterns.SECTORS), key=len, reverse=True):
        words = [w for w in re.split(r"\s*(?:,|-|–|\bvà\b)\s*|\s+", sector) if w]
        if len(words) == 1:
            items.append(re.escape(words[0]))
        else:
            items.append(r"\s*(?:[,–-]\s*|\s(?:và\s+)?)?".join(map(re.escape, words)))
    return "(?i:" + "|".join(items) + ")"


_SECTOR_BODY = rf"(?:(?i:sở|bộ)|Phòng)\s+{_sector_alt()}"
_OTHER_CS = _alt([b for b in patterns.OTHER_BODIES if b in patterns.CASE_SENSITIVE_BODIES], case_insensitive=False)
_OTHER_CI = _alt([b for b in patterns.OTHER_BODIES if b not in patterns.CASE_SENSITIVE_BODIES])
_HEAD = (
    rf"(?:(?:{_GROUP})\s+)?(?:{_BAN}\s+)?(?:{_PARTY}|{_COUNCIL})(?![^\W\d_])"
    rf"|{_BAN}(?:\s+(?i:trung\s+ương))?(?![^\W\d_])"
    rf"|{_SECTOR_BODY}(?![^\W\d_])|{_OTHER_CI}(?![^\W\d_])|{_OTHER_CS}(?![^\W\d_])"
)
_LOCALITY = (
    rf"(?:\s*,?\s+(?P<gaz>{_GAZ})"
    rf"|\s+(?P<level>{_LEVEL})(?:\s*(?P<gaz2>{_GAZ})|\s*(?P<name>{_CAPSEQ}|\d+))?)"
)
_BODY_RE = re.compile(
    rf"(?<![^\W\d_])(?P<head>{_HEAD})(?:{_LOCALITY})?(?:\s+(?i:khóa)\s+(?P<khoa>[IVXLC]+|\d+)(?![\w]))?"
)
_BARE_NAME_RE = re.compile(rf" ({_CAP}(?: {_CAP}){{1,2}})(?![^\W\d_])")
_ROLE_END_RE = re.compile(r"(?i:bí\s+thư|chủ\s+tịch|phó\s+chủ\s+tịch|ủy\s+viên)\s+$")
_LEVEL_CANON = {fold(k): v for k, v in patterns.LEVELS.items()}


def _bodies(t: str, person_starts: list[int]) -> list[Fact]:
    out = []
    for m in _BODY_RE.finditer(t):
        start, end = m.start(), m.end()
        # a person's name right after the body is not part of it
        cut = [p for p in person_starts if start < p < end]
        level = m.group("level")
        gaz = m.group("gaz") or m.group("gaz2")
        name = m.group("name")
        khoa = m.group("khoa")
        if cut:
            end = min(cut)
            text = t[start:end].rstrip(" ,-–")
            end = start + len(text)
            hm = _BODY_RE.match(t[:end], start)
            if hm is None:
                continue
            level, gaz, name, khoa = hm.group("level"), hm.group("gaz") or hm.group("gaz2"), hm.group("name"), hm.group("khoa")
            end = hm.end()
        if not (level or gaz or name) and re.search(r"(?i:ủy|đoàn)$", m.group("head")):
            # "Thị ủy Kỳ Anh", "Huyện ủy Bình Liêu": a committee takes its locality without a level word
            bm = _BARE_NAME_RE.match(t, end)
            if bm and not any(end < p < bm.end() for p in person_starts) and not bm.group(1).isupper():
                name = bm.group(1)
                end = bm.end()
        if name and name.isupper() and len(name) > 1 and not name.isdigit():
            # "UBND tỉnh HĐND" is not a locality: drop the name
            end = m.start("name") if not cut else end
            name = None
        head_text = m.group("head")
        # "Phó Bí thư Thường trực Thành ủy": "Thường trực" belongs to the role, not the body
        tm = re.match(r"(?i:thường\s+trực)\s+", head_text)
        if tm and _ROLE_END_RE.search(t[max(0, start - 25) : start]):
            start += tm.end()
            head_text = head_text[tm.end():]
        head = body_head(head_text)
        loc = None
        if gaz:
            loc = place_name(gaz)
        elif name:
            loc = place_name(name)
        lvl = _LEVEL_CANON.get(fold(level)) if level else None
        if loc and canonical_province(loc) in patterns.CENTRAL_CITIES and lvl in ("thành phố", None):
            lvl = None  # "TP Hà Nội" and "Hà Nội" are the same province
        k = None
        if khoa:
            k = khoa if khoa.isdigit() else roman_to_int(khoa)
        text = t[start:end].rstrip(" ,")
        end = start + len(text)
        out.append(Fact("body", text, start, end, pack(h=head, l=lvl, n=loc, k=k)))
    return out


# --- meetings ----------------------------------------------------------------------------------

_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
             "chín": 9, "mười": 10}
_ORDINAL_WORDS = "|".join(_ORDINALS) + r")(?![^\W\d_]"
_MEETING_RE = re.compile(
    rf"(?<![^\W\d_])(?P<noun>{_alt(patterns.MEETING_NOUNS)})"
    rf"(?P<quals>(?:\s+(?:{_alt(patterns.MEETING_QUALIFIERS)}|(?i:lần\s+thứ|thứ|lần)\s+(?:\d+|[IVXLC]+(?![^\W\d_])|(?i:{_ORDINAL_WORDS}))"
    rf"|(?i:tháng)\s+\d{{1,2}}(?![\d/.,-])|(?i:công\s+tác))(?![^\W\d_]))*)"
    rf"|(?<![^\W\d_])(?P<bare>(?i:giao)\s+ban|(?i:sơ\s+kết|tổng\s+kết|tiếp\s+xúc\s+cử\s+tri))(?![^\W\d_])"
)
_QUAL_RE = re.compile(_alt(patterns.MEETING_QUALIFIERS))
_ORD_RE = re.compile(rf"(?i:thứ|lần)\s+(\d+|[IVXLC]+(?![^\W\d_])|(?i:{_ORDINAL_WORDS}))")
_MONTH_RE = re.compile(r"(?i:tháng)\s+(\d{1,2})")


def _meetings(t: str) -> list[Fact]:
    out = []
    for m in _MEETING_RE.finditer(t):
        if m.group("bare"):
            q = fold(m.group("bare"))
            out.append(Fact("meeting", m.group(), m.start(), m.end(), pack(q=q)))
            continue
        quals = m.group("quals") or ""
        # "công tác" only glues qualifiers; drop it when trailing
        text = re.sub(r"(?:\s+(?i:công\s+tác))+$", "", m.group())
        end = m.start() + len(text)
        qs = sorted({fold(x) for x in _QUAL_RE.findall(quals)})
        om = _ORD_RE.search(quals)
        o = None
        if om:
            word = om.group(1)
            o = int(word) if word.isdigit() else _ORDINALS.get(word.lower()) or roman_to_int(word)
        mm = _MONTH_RE.search(quals)
        value = pack(k=fold(m.group("noun")), q="+".join(qs), o=o, m=int(mm.group(1)) if mm else None)
        out.append(Fact("meeting", text, m.start(), end, value))
    return out


# --- places ------------------------------------------------------------------------------------

_VENUE = (
    r"(?i:hội\s+trường|trụ\s+sở|khách\s+sạn|trung\s+tâm\s+hội\s+nghị|nhà\s+văn\s+hóa|"
    r"trung\s+tâm|cung\s+văn\s+hóa|nhà\s+khách|nhà\s+hát|sân\s+vận\s+động|khu\s+di\s+tích)"
)
_COMPONENT = rf"(?:(?:{_LEVEL})\s*)?(?:{_GAZ}|{_CAPSEQ}|(?<=quận )\d+)"
_PLACE_RE = re.compile(
    rf"(?<![^\W\d_])(?i:tại)\s+(?P<venue>{_VENUE}\s+)?(?P<first>{_COMPONENT})"
    rf"(?P<more>(?:\s*,\s*(?:(?:{_LEVEL})\s*(?:{_GAZ}|{_CAPSEQ})|{_GAZ}))*)"
)
_COMPONENT_RE = re.compile(rf"(?:(?P<level>{_LEVEL})\s*)?(?P<name>{_GAZ}|{_CAPSEQ})")
_NOT_PLACE_START = re.compile(
    rf"^(?:{_alt(patterns.MEETING_NOUNS)}|(?i:đây|đó|buổi|lễ|chương\s+trình|phiên|kỳ)|"
    rf"(?:{_HEAD}))(?![^\W\d_])"
)


_INSTITUTION_STARTS = frozenset(
    """Nhà Trung Báo Cảng Chính Quảng Cục Bộ Tổng Cung Phủ Hội Sở Ban Viện Trường Bệnh Công Khu
    Văn Tòa Đài Sân Chợ Ủy Thành Tỉnh Huyện Trụ Cơ Đại Học Phòng Nghị Kỳ Phiên Buổi Lễ Cuộc Quốc""".split()
)


def _component_value(text: str) -> str | None:
    m = _COMPONENT_RE.search(text)
    if not m:
        return None
    name = m.group("name")
    if not m.group("level") and canonical_province(name) is None and name.split(" ")[0] in _INSTITUTION_STARTS:
        return None  # "Nhà hát", "Trung tâm", "Bộ Tư lệnh": a truncated institution, not a place
    if len(name) > 1 and name.isupper() and canonical_province(name) is None:
        return None  # an acronym (UBND), not a place
    return place_name(name)


_PREV_WORD_RE = re.compile(r"([^\W\d_]+)\.? $")
_NEXT_WORD_RE = re.compile(rf" ({_CAP})")
_PREV_OK = frozenset({"Tỉnh", "Thành", "Tp", "Tại", "Ở", "Huyện", "Thị"})


def _places(t: str) -> list[Fact]:
    out = []
    for m in _PLACE_RE.finditer(t):
        first = m.group("first")
        if _NOT_PLACE_START.match(first) and not m.group("venue"):
            continue
        comps = []
        v = _component_value(first)
        if v is None:
            continue
        comps.append(v)
        for piece in re.split(r"\s*,\s*", m.group("more") or ""):
            if piece.strip():
                cv = _component_value(piece)
                if cv:
                    comps.append(cv)
        start = m.start()
        out.append(Fact("place", m.group(), start, m.end(), pack(c="|".join(dict.fromkeys(comps)))))
    for m in _GAZ_RE.finditer(t):
        prev = _PREV_WORD_RE.search(t, 0, m.start())
        if prev and prev.group(1)[0].isupper() and not prev.group(1).isupper() and prev.group(1) not in _PREV_OK:
            continue  # "Thái Bình Dương" (the Pacific), not the province Bình Dương
        nxt = _NEXT_WORD_RE.match(t, m.end())
        if nxt and not nxt.group(1).isupper() and not (
            nxt.group(1) in _STRONG_SURNAMES and _NEXT_WORD_RE.match(t, nxt.end())
        ):
            continue  # "Thái Bình Dương" again, from the other side
        out.append(Fact("place", m.group(), m.start(), m.end(), pack(c=place_name(m.group())), None))
    return out


# --- numbers -----------------------------------------------------------------------------------

_NUM_RE = re.compile(r"(?<![\w.,/:+-])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?:\s*/\s*(\d+))?")
_MULT_RE = re.compile(r"\s*(?P<m1>nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+(?P<m2>tỷ|tỉ))?(?![^\W\d_])", re.I)
_UNIT_RE = re.compile(rf"\s*(?P<u>{_alt(patterns.UNITS)})(?![^\W\d_])")
_ACRONYM_BEFORE_RE = re.compile(rf"(?<![^\W\d_])[{re.escape(_UPPER)}]{{2,}}\s*$")
_GLUED_UNIT_RE = re.compile(rf"(?i:ha|km2|km|m2|m3|m|kg|mw|kwh|usd|đ|tấn)(?![^\W\d_])")
_FREE_UNIT_RE = re.compile(r"\s+(?P<w>[a-zà-ỹđ]+)(?![^\W\d_])")
_BLOCKER_RE = re.compile(rf"(?<![^\W\d_])(?:{_alt(patterns.NUMBER_BLOCKERS)})\.?\s*$")
_UNIT_CANON = {fold(k): v for k, v in patterns.UNITS.items()}
_UNIT_CANON["%"] = "%"


def _numbers(t: str) -> list[Fact]:
    out = []
    for m in _NUM_RE.finditer(t):
        after = t[m.end() : m.end() + 2]
        if re.match(r"[:h]\d", after):
            continue  # a time of day, 13:53 or 8h30
        if after[:1].isalpha() and not _GLUED_UNIT_RE.match(t, m.end()):
            continue  # 5G, 3D (but 7.400m2 and 20ha are quantities)
        if re.match(r"[-–]?[^\W\d_]", after) and after[:1] in "-–":
            continue  # 09-CT
        if _BLOCKER_RE.search(t[max(0, m.start() - 20) : m.start()]):
            continue
        if _ACRONYM_BEFORE_RE.search(t[max(0, m.start() - 12) : m.start()]):
            continue  # PC 67, QL 1A: an identifier
        end = m.end()
        mult = 1
        mm = _MULT_RE.match(t, end)
        if mm:
            mult = patterns.MULTIPLIERS[mm.group("m1").lower()]
            if mm.group("m2"):
                mult *= patterns.MULTIPLIERS[mm.group("m2").lower()]
            end = mm.end()
        unit = None
        um = None if t.startswith(" đồng chí", end) else _UNIT_RE.match(t, end)
        if um:
            unit = _UNIT_CANON.get(fold(um.group("u")), fold(um.group("u")))
            end = um.end()
        else:
            fm = _FREE_UNIT_RE.match(t, end)
            if fm and fm.group("w").islower() and fm.group("w") not in patterns.NOT_UNITS:
                unit = fm.group("w")
                end = fm.end()
                for k in (3, 2):  # "24 chức danh", "hợp tác xã": the whole noun
                    cm = re.match(r"(?: [a-zà-ỹđ]+){%d}(?![^\W\d_])" % (k - 1), t[end:])
                    if cm and fold(unit + cm.group()) in patterns.COMPOUND_UNITS:
                        unit = fold(unit + cm.group())
                        end += cm.end()
                        break
        if unit is None and mult == 1 and re.match(rf" [{re.escape(_UPPER)}][^\W\d_]* [{re.escape(_UPPER)}]", t[end:]):
            continue  # a house number: "47 Lạch Tray", "1 Lê Thánh Tông"
        if m.group(2):
            if not m.group(1).isdigit():
                continue
            n = f"{int(m.group(1))}/{int(m.group(2))}"
        else:
            value = number_value(m.group(1))
            if value is None:
                continue
            if mult == 1 and not um and value == value.to_integral_value() and 1900 <= value <= 2100:
                continue  # a year
            n = decimal_text(value * Decimal(mult))
        out.append(Fact("number", t[m.start() : end], m.start(), end, pack(n=n, u=unit)))
    return out


# --- all together ------------------------------------------------------------------------------

_PRIORITY = {"date": 0, "person": 1, "body": 2, "meeting": 3, "place": 4, "number": 5}


def _resolve(cands: list[Fact]) -> list[Fact]:
    chosen: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for f in sorted(cands, key=lambda f: (-(f.end - f.start), _PRIORITY[f.type], f.start)):
        if f.end <= f.start:
            continue
        if any(f.start < e and s < f.end for s, e in taken):
            continue
        chosen.append(f)
        taken.append((f.start, f.end))
    return sorted(chosen, key=lambda f: (f.start, f.end))


def prepare(text: str) -> str:
    """The text that spans index: NFC with new-style tone marks."""
    return normalize_tone_marks(unicodedata.normalize("NFC", text))


def extract_facts(text: str) -> list[Fact]:
    """Typed facts of ``text`` in order of appearance (see the module docstring)."""
    t = prepare(text)
    safe = _sentence_safe(t)
    persons = _persons(t, safe)
    cands = _dates(t) + persons + _bodies(t, [p.start for p in persons]) + _meetings(t) + _places(t) + _numbers(t)
    return _resolve(cands)
