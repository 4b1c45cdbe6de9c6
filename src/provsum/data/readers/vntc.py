"""VNTC (``{Train_Full,Test_Full}/<topic>/<code>_<outlet>_T_ (<n>).txt``).

UTF-16 with a BOM, CRLF, one paragraph per line, non-breaking spaces inside names. VnExpress
and most Tuổi Trẻ files: line 1 title, line 2 lead, then body. Người Lao Động files put title
and lead on line 1, the lead starting at ``(NLĐ)-``. Most Thanh Niên files have no title
(line 1 is the lead). The outlet comes from the file name, the topic from the folder.
"""

from __future__ import annotations

import re

from provsum.data.readers import RawArticle, Skip

SOURCE = "vntc"
OUTLETS = {
    "VNE": "VnExpress",
    "TT": "Tuổi Trẻ",
    "TN": "Thanh Niên",
    "NLD": "Người Lao Động",
}
_NAME = re.compile(r"^[A-Z]+_([A-Za-z]+)_")
_NLD = re.compile(r"\(\s*NLĐ\s*\)\s*[-–—]?\s*")


def parse(path: str, data: bytes) -> RawArticle:
    if not data.strip(b"\x00\xff\xfe \r\n"):
        raise Skip("empty_file", path)
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise Skip("invalid_utf16", f"{path}: byte {exc.start}: {exc.reason}") from None
    # (a CRLF line's "\r" is whitespace at its end, stripped with the rest: no replace needed)
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    name = path.rsplit("/", 1)[-1]
    m = _NAME.match(name)
    code = m.group(1) if m else ""
    outlet = OUTLETS.get(code, code or None)
    parts = path.split("/")
    topic = parts[-2] if len(parts) >= 2 else None
    title = ""
    if code == "NLD" or _NLD.search(lines[0] if lines else ""):
        first = lines[0] if lines else ""
        m2 = _NLD.search(first)
        if not m2:
            raise Skip("no_lead_marker", f"{path}: Người Lao Động file without '(NLĐ)-' lead marker")
        title, lead, body = first[: m2.start()].strip(), first[m2.end():].strip(), lines[1:]
    elif code == "TN":
        lead, body = (lines[0] if lines else ""), lines[1:]
    else:
        if len(lines) < 3:
            raise Skip("too_few_lines", f"{path}: {len(lines)} non-empty lines, need title, lead and body")
        title, lead, body = lines[0], lines[1], lines[2:]
    if not lead or not body:
        raise Skip("too_few_lines", f"{path}: no lead or no body")
    return RawArticle(
        id=f"{SOURCE}:{path}",
        source=SOURCE,
        title=title,
        lead=lead,
        body=body,
        outlet=outlet,
        category=topic,
        extra={"vntc_split": parts[0] if parts else None},
    )
