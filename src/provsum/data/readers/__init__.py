"""Readers: one module per raw format, each turning one file's bytes into a ``RawArticle``.

``iter_raw(source, root)`` streams the files of a source out of its ``.tar.xz`` archive (never
extracted to disk) or out of a directory that is a user's clone, and hands each to the source's
reader. A file the reader cannot use raises ``Skip`` with a reason; the caller counts it.
"""

from __future__ import annotations

import importlib
import lzma
import os
import tarfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from provsum.data.sources import Source
from provsum.errors import InputError


class Skip(Exception):
    """This file cannot give an article; ``reason`` is a short stable key, ``detail`` says more."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass
class RawArticle:
    id: str  # "<source>:<path in the origin tree>"
    source: str
    title: str
    lead: str
    body: list[str]  # paragraphs or lines as the source has them (not yet cleaned)
    outlet: str | None = None
    date: str | None = None  # ISO 8601 where known
    url: str | None = None
    category: str | None = None
    extra: dict = field(default_factory=dict)


def decode_utf8(path: str, data: bytes) -> str:
    if not data.strip():
        raise Skip("empty_file", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Skip("invalid_utf8", f"{path}: byte {exc.start}: {exc.reason}") from None


def reader_for(source: Source):
    return importlib.import_module(f"provsum.data.readers.{source.reader}")


def _wanted(source: Source, rel: str) -> bool:
    if not rel.endswith(source.suffix):
        return False
    return rel.startswith(source.subdir + "/") if source.subdir else True


class _TarFormatError(Exception):
    pass


class _Chunked:
    """``read(n)`` over a stream read in large chunks: one decompressor call per few megabytes
    rather than three per archive member."""

    CHUNK = 1 << 22

    def __init__(self, stream):
        self.stream = stream
        self.buf = b""
        self.pos = 0

    def read(self, n: int) -> bytes:
        end = self.pos + n
        if end > len(self.buf):
            self.buf = self.buf[self.pos:] + self.stream.read(max(n, self.CHUNK))
            self.pos, end = 0, n
        out = self.buf[self.pos:end]
        self.pos += len(out)
        return out


def _header_checksum(hdr: bytes) -> int:
    """The ustar checksum: the sum of the header's bytes, its checksum field counted as spaces
    (NUL bytes, most of a header, are dropped first: they add nothing)."""
    return sum(hdr.translate(None, b"\0")) - sum(hdr[148:156]) + 8 * 32


def iter_tar_xz(path: Path) -> Iterator[tuple[str, bytes]]:
    """(member name, bytes) of every regular file of a ``.tar.xz``, in archive order.

    A minimal streaming reader of the ustar/pax/GNU formats, several times faster than ``tarfile``
    per member (it parses only name, size, type and checksum); header checksums are verified.
    """
    pax_path: str | None = None
    gnu_long: str | None = None
    with lzma.open(path, "rb") as f:
        read = _Chunked(f).read
        while True:
            hdr = read(512)
            if len(hdr) < 512:
                if hdr.strip(b"\0"):
                    raise _TarFormatError("archive ends inside a header")
                return
            if hdr == b"\0" * 512:
                return
            stored = hdr[148:156].strip(b"\0 ")
            if not stored or int(stored, 8) != _header_checksum(hdr):
                raise _TarFormatError("bad header checksum")
            field = hdr[124:136]
            size = int.from_bytes(field[1:], "big") if field[0] & 0x80 else int(field.strip(b"\0 ") or b"0", 8)
            kind = hdr[156:157]
            data = read(size)
            if len(data) < size:
                raise _TarFormatError("archive ends inside a file")
            pad = (-size) % 512
            if pad:
                read(pad)
            if kind == b"x":  # pax extended header: "<len> key=value\n" records for the next member
                for rec in data.decode("utf-8", "replace").split("\n"):
                    if " path=" in rec:
                        pax_path = rec.split(" path=", 1)[1]
                continue
            if kind == b"L":  # GNU long name for the next member
                gnu_long = data.rstrip(b"\0").decode("utf-8", "replace")
                continue
            if kind == b"g":
                continue
            name = hdr[:100].rstrip(b"\0").decode("utf-8", "replace")
            if hdr[257:262] == b"ustar":
                prefix = hdr[345:500].rstrip(b"\0").decode("utf-8", "replace")
                if prefix:
                    name = prefix + "/" + name
            name = pax_path or gnu_long or name
            pax_path = gnu_long = None
            if kind in (b"0", b"\0", b"7"):
                yield name, data


def iter_files(source: Source, kind: str, location: Path) -> Iterator[tuple[str, bytes]]:
    """Yield (path in the origin tree, bytes) for every article file of a source, in archive order
    (archive) or sorted path order (directory)."""
    if kind == "archive":
        count = 0
        try:
            prefix = source.root + "/"
            for name, data in iter_tar_xz(location):
                if not name.startswith(prefix):
                    continue
                rel = name[len(prefix):]
                if not _wanted(source, rel):
                    continue
                count += 1
                yield rel, data
        except (_TarFormatError, tarfile.TarError, lzma.LZMAError, EOFError, zlib.error, OSError, ValueError) as exc:
            raise InputError(
                f"{location}: corrupt or truncated archive of source {source.name!r} "
                f"(read {count} article files before the error: {type(exc).__name__}: {exc}). "
                f"Re-obtain it: {source.clone_hint()}"
            ) from None
    else:
        base = location / source.subdir if source.subdir else location
        paths = []
        for dirpath, _dirs, files in os.walk(base):
            for name in files:
                full = Path(dirpath) / name
                rel = full.relative_to(location).as_posix()
                if _wanted(source, rel):
                    paths.append(rel)
        for rel in sorted(paths):
            try:
                data = (location / rel).read_bytes()
            except OSError as exc:
                raise InputError(f"{location / rel}: cannot read: {exc}") from None
            yield rel, data


def iter_raw(source: Source, kind: str, location: Path) -> Iterator[tuple[str, RawArticle | Skip]]:
    """Yield (path, RawArticle) or (path, Skip) for every article file."""
    reader = reader_for(source)
    for rel, data in iter_files(source, kind, location):
        try:
            yield rel, reader.parse(rel, data)
        except Skip as skip:
            yield rel, skip
