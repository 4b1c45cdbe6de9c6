"""The registry of source corpora: where each comes from, how it is packed, how to read it.

A new source is one ``Source`` entry here plus one reader module in ``readers/``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from provsum.errors import ChecksumError, SourceMissingError


@dataclass(frozen=True)
class Source:
    name: str
    repo_url: str
    commit: str
    archive: str  # file name of the .tar.xz of the repository tree
    sha256: str
    root: str  # top-level folder of the tree inside the archive (a clone's own folder name)
    subdir: str  # folder inside the tree that holds the article files
    suffix: str  # article file name suffix
    reader: str  # module name under provsum.data.readers
    licence: str
    description: str

    def clone_hint(self) -> str:
        return f"git clone {self.repo_url} {self.root} && git -C {self.root} checkout {self.commit}"


SOURCES: dict[str, Source] = {
    s.name: s
    for s in [
        Source(
            name="vietnews",
            repo_url="https://github.com/ThanhChinhBK/vietnews",
            commit="a20d9b7f5d37b95f39f28f08999092f9fa400983",
            archive="vietnews-a20d9b7.tar.xz",
            sha256="81d598f9863e1200fb3c25d4728b9bfc38e98953f94413b284ea95f8ebe87ef6",
            root="vietnews",
            subdir="data",
            suffix=".txt.seg",
            reader="vietnews",
            licence="no licence file in the repository; copyrighted news text",
            description="VietNews / VNDS (Nguyen et al. 2019): word-segmented, tokenized; title, abstract, body, captions",
        ),
        Source(
            name="baomoi2017",
            repo_url="https://github.com/magizbox/scraper",
            commit="3387ada618569fd73517092f2215a89398d8f7ee",
            archive="baomoi2017-3387ada.tar.xz",
            sha256="f2409a0a2301ec933d2b5eb78ee7ea24a5e67030f805905e780546531b183a1f",
            root="scraper",
            subdir="vn_news/data",
            suffix=".txt",
            reader="baomoi2017",
            licence="no licence file in the repository; copyrighted news text",
            description="baomoi.com crawl, early 2017: title, sapo, body on one line",
        ),
        Source(
            name="baomoi2013",
            repo_url="https://github.com/dzungcamlang/crawler_baomoi",
            commit="82860ea6c6e36130e83d3282dc60a8f4cda81870",
            archive="baomoi2013-82860ea.tar.xz",
            sha256="104b5b84b0b77abe1dd78dcad64e6264374529cdd21fc501029e702c2d4bd30e",
            root="crawler_baomoi",
            subdir="data",
            suffix=".txt",
            reader="baomoi2013",
            licence="no licence file in the repository; copyrighted news text",
            description="baomoi.com crawl, May-June 2013: title, sapo, body, date, category, tags, outlet",
        ),
        Source(
            name="vntc",
            repo_url="https://github.com/magizbox/underthesea.classification",
            commit="d4352d57af476eb88524233e0f0eb6e7fb5f905f",
            archive="vntc-d4352d5.tar.xz",
            sha256="46f9bf8a6fba43c0b530d0481477d8cba5f2d119cc018094a42234965e6de127",
            root="VNTC",
            subdir="",
            suffix=".txt",
            reader="vntc",
            licence="VNTC README: 'License: Unknown' (copied from a GPL-3.0 code repository); copyrighted news text",
            description="VNTC (Hoang et al. 2007), 2004-2007 news, UTF-16; clone's folder data/VNTC/raw",
        ),
    ]
}


def corpora_dir(explicit: str | os.PathLike | None = None) -> Path:
    """``--corpora DIR``, else ``$PROVSUM_CORPORA``, else ``../shared/corpora`` next to the repository."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("PROVSUM_CORPORA")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[3]
    for candidate in (repo.parent / "shared" / "corpora", Path.cwd().parent / "shared" / "corpora"):
        if candidate.is_dir():
            return candidate
    return repo.parent / "shared" / "corpora"


def locate(source: Source, root: Path) -> tuple[str, Path]:
    """Find a source under ``root``: ('archive', file) or ('dir', tree root of a user's clone).

    A clone may sit at ``root/<source.root>`` (or, for VNTC, at ``root/<clone>/data/VNTC/raw``).
    """
    archive = root / source.archive
    if archive.is_file():
        return "archive", archive
    for tree in (root / source.root, root / source.name, root / source.root / "data" / "VNTC" / "raw"):
        if (tree / source.subdir).is_dir() and tree.is_dir():
            return "dir", tree
    raise SourceMissingError(
        f"source {source.name!r} not found under {root}: expected the archive {source.archive} "
        f"or a clone at {root / source.root}. Obtain it with: {source.clone_hint()} "
        f"(or pass --corpora DIR / set PROVSUM_CORPORA)"
    )


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def verify(source: Source, archive: Path) -> None:
    digest = sha256_file(archive)
    if digest != source.sha256:
        raise ChecksumError(
            f"{archive}: sha256 {digest} does not match the registered {source.sha256} for source "
            f"{source.name!r} ({source.repo_url} @ {source.commit}); the archive is corrupt or a different "
            f"version. Re-obtain it, or build anyway with --no-verify"
        )
