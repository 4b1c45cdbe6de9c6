"""baomoi.com crawl of May-June 2013 (``data/<baomoi-id>.txt``).

UTF-8, seven lines: title, sapo (sometimes prefixed by an outlet code such as ``(HNM) - ``),
body (one line; run-together sentences; byline glued to the end), date
(``29/05/13 07:47 GMT+7``), category, comma-separated tags, outlet name.
"""

from __future__ import annotations

import re

from provsum.data.readers import RawArticle, Skip, decode_utf8

SOURCE = "baomoi2013"
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2,4})(?:\s+(\d{1,2}):(\d{2}))?")


def parse_date(value: str) -> str | None:
    """``29/05/13 07:47 GMT+7`` -> ``2013-05-29``."""
    m = _DATE.match(value.strip())
    if not m:
        return None
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 2000
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse(path: str, data: bytes) -> RawArticle:
    text = decode_utf8(path, data)
    if "\r" in text:  # a one-character search: much faster than a search for "\r\n"
        text = text.replace("\r\n", "\n")
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) < 7:
        raise Skip("too_few_lines", f"{path}: {len(lines)} lines, need 7 (title, sapo, body, date, category, tags, outlet)")
    title, lead, body, date, category, tags, outlet = lines[:7]
    if not body:
        raise Skip("empty_body", path)
    stem = path.rsplit("/", 1)[-1].split(".")[0]
    return RawArticle(
        id=f"{SOURCE}:{path}",
        source=SOURCE,
        title=title,
        lead=lead,
        body=[body],
        outlet=outlet or None,
        date=parse_date(date),
        url=f"https://baomoi.com/c/{stem}.epi" if stem.isdigit() else None,
        category=category or None,
        extra={"tags": [t.strip() for t in tags.split(",") if t.strip()]},
    )
