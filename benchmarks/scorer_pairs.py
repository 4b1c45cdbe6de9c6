"""Real (Lead-3, sapo) pairs from the VietNews test set, read straight from the archive.

Used by the scorer's benchmark and its parity test. Each file of
``vietnews/data/test_tokenized/`` has blocks separated by blank lines: title, abstract
(the sapo: the reference), body (one sentence per line). Word segmentation ``_`` is
undone. The prediction is the first three body sentences, one per line.
"""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

ARCHIVE = "vietnews-a20d9b7.tar.xz"
PREFIX = "vietnews/data/test_tokenized/"


def corpora_dir() -> Path:
    env = os.environ.get("PROVSUM_CORPORA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "corpora"


def archive_path() -> Path:
    return corpora_dir() / ARCHIVE


def lead3_pairs(n: int, skipped: dict | None = None) -> tuple[list[str], list[str], list[str]]:
    """(ids, predictions, references) of the first ``n`` usable test files in archive order.

    Files without a non-empty abstract and body are skipped and counted in ``skipped``."""
    ids, preds, refs = [], [], []
    skipped = skipped if skipped is not None else {}
    with tarfile.open(archive_path(), "r|xz") as tf:
        for member in tf:
            if not member.isfile() or not member.name.startswith(PREFIX):
                if ids and not member.name.startswith(PREFIX):
                    break  # the test files come first in the archive
                continue
            text = tf.extractfile(member).read().decode("utf-8").replace("_", " ")
            blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
            if len(blocks) < 3:
                skipped["too_few_blocks"] = skipped.get("too_few_blocks", 0) + 1
                continue
            body = [line.strip() for line in blocks[2].split("\n") if line.strip()]
            ids.append("vietnews:" + member.name[len("vietnews/"):])
            refs.append(blocks[1])
            preds.append("\n".join(body[:3]))
            if len(ids) >= n:
                break
    return ids, preds, refs
