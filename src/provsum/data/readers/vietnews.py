"""VietNews (``data/{train,val,test}_tokenized/NNNNNN.txt.seg``).

UTF-8; blocks separated by a blank line: title, abstract (the sapo), body (one sentence per
line), then optional image captions. Text is word-segmented (``Bình_Liêu``) and tokenized
(``25/2 ,``); ``clean.py`` undoes both.
"""

from __future__ import annotations

from provsum.data.readers import RawArticle, Skip, decode_utf8

SOURCE = "vietnews"


def parse(path: str, data: bytes) -> RawArticle:
    text = decode_utf8(path, data)
    if "\r" in text:  # a one-character search: much faster than a search for "\r\n"
        text = text.replace("\r\n", "\n")
    blocks = [b.strip() for b in text.split("\n\n")]
    blocks = [b for b in blocks if b]
    if len(blocks) < 3:
        raise Skip("too_few_blocks", f"{path}: {len(blocks)} non-empty blocks, need title, abstract and body")
    title, lead, body = blocks[0], blocks[1], blocks[2]
    split = path.split("/")[-2].replace("_tokenized", "") if "/" in path else None
    return RawArticle(
        id=f"{SOURCE}:{path}",
        source=SOURCE,
        title=title.replace("\n", " "),
        lead=lead.replace("\n", " "),
        body=body.split("\n"),
        extra={"segmented": True, "captions": blocks[3:], "original_split": split},
    )
