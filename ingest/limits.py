"""How large one document may be: the per-document memory of an ingest grows with it.

Each document becomes hundreds of quads per kilobyte (every mention and claim is an annotation with
its own target and selectors), and the graph is built, validated and written whole. So one document's
size is bounded, by default at 1 MB: the largest FRUS document of the corpus has 137 KB of text.
`FRUS_KG_MAX_DOCUMENT_BYTES` (or `frus-kg ingest --max-document-bytes`) changes the bound.
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

from .errors import SourceError

__all__ = ["DEFAULT_MAX_DOCUMENT_BYTES", "ENV_MAX_DOCUMENT_BYTES", "max_document_bytes", "size_problem", "open_input"]

DEFAULT_MAX_DOCUMENT_BYTES = 1_000_000
ENV_MAX_DOCUMENT_BYTES = "FRUS_KG_MAX_DOCUMENT_BYTES"


def max_document_bytes() -> int:
    """The bound in bytes of UTF-8 text, from the environment or the default."""
    raw = os.environ.get(ENV_MAX_DOCUMENT_BYTES, "").strip().replace("_", "")
    if not raw:
        return DEFAULT_MAX_DOCUMENT_BYTES
    if not raw.isdigit() or int(raw) <= 0:
        raise SourceError(ENV_MAX_DOCUMENT_BYTES, f"must be a positive number of bytes, not {raw!r}")
    return int(raw)


def size_problem(size: int, what: str) -> str | None:
    """Why a document of `size` bytes is refused (naming the size and the bound), or None."""
    limit = max_document_bytes()
    if size <= limit:
        return None
    return (f"{what} of {size:,} bytes refused: documents are limited to {limit:,} bytes "
            f"(set {ENV_MAX_DOCUMENT_BYTES} or --max-document-bytes to raise it)")


def open_input(path: str) -> BinaryIO:
    """The input file, opened for reading; a FIFO, a device or a folder is refused, never waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        if os.path.islink(path):
            raise SourceError(path, f"a symbolic link to {os.readlink(path)}, which does not exist") from None
        raise SourceError(path, "no such file or folder") from None
    except OSError as exc:
        raise SourceError(path, f"cannot open: {exc.strerror or exc}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise SourceError(path, "not a regular file (a FIFO, a device or a folder): refused")
    return os.fdopen(fd, "rb")
