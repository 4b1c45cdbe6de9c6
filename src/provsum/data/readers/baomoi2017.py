"""baomoi.com crawl of early 2017 (``vn_news/data/<baomoi-id>.txt``).

UTF-8, three lines: title, sapo, body (one line, sentences often run together). A few files
have only two lines (no body): they are skipped with the reason ``too_few_lines``.
"""

from __future__ import annotations

from provsum.data.readers import RawArticle, Skip, decode_utf8

SOURCE = "baomoi2017"


def parse(path: str, data: bytes) -> RawArticle:
    text = decode_utf8(path, data)
    if "\r" in text:  # a one-character search: much faster than a search for "\r\n"
        text = text.replace("\r\n", "\n")
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) < 3 or not lines[2]:
        raise Skip("too_few_lines", f"{path}: {len(lines)} lines, need title, sapo and body")
    stem = path.rsplit("/", 1)[-1].split(".")[0]
    return RawArticle(
        id=f"{SOURCE}:{path}",
        source=SOURCE,
        title=lines[0],
        lead=lines[1],
        body=[" ".join(lines[2:])],
        url=f"https://baomoi.com/c/{stem}.epi" if stem.isdigit() else None,
    )
