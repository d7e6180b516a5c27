"""What every frus-kg process derives from the bundled authority data, kept on disk between processes.

Each `frus-kg ingest`, and each of its workers, built the same name indexes (1.4 s) and the ingest built the
authority graphs again only to compare their digests with the store's (1.5 s). Both depend on nothing but the
bundled data, the code that derives them and the IRI settings, so they are kept under a key made of all three.
A cache that cannot be read is built again and one that cannot be written is not kept: never an error.

JSON, not pickle: a file in a cache folder is no place to run code from.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, Callable

__all__ = ["cache_dir", "fingerprint", "cached_json"]

ENV_CACHE_DIR = "FRUS_KG_CACHE_DIR"
_PACKAGE = Path(__file__).resolve().parent
_SOURCES = (_PACKAGE, _PACKAGE.parent.parent / "ontology")
_MODULES = (_PACKAGE.parent / "ledger.py",)         # the digest's hash function
_DATA = _PACKAGE.parent / "data" / "authorities"
_SETTINGS = ("FRUS_KG_BASE", "FRUS_KG_VOCAB")


def cache_dir() -> Path | None:
    """`$FRUS_KG_CACHE_DIR` (empty: no cache), else `$XDG_CACHE_HOME/frus-kg`, else `~/.cache/frus-kg`."""
    if ENV_CACHE_DIR in os.environ:
        value = os.environ[ENV_CACHE_DIR]
        return Path(value) if value else None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:              # no home directory (a service account): keep no cache
            return None
    return Path(base) / "frus-kg"


@cache
def fingerprint() -> str:
    """sha256 of the bundled authority data, the Python sources that derive from it, and the IRI settings."""
    h = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    files = sorted(p for p in _DATA.rglob("*") if p.is_file())
    files += sorted(p for folder in _SOURCES for p in folder.glob("*.py")) + list(_MODULES)
    for path in files:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _SETTINGS:
        h.update(f"{name}={os.environ.get(name, '')}\0".encode())
    return h.hexdigest()[:32]


def cached_json(name: str, build: Callable[[], Any]) -> Any:
    """`build()`'s JSON value, from the cache when it holds one for this fingerprint, else built and kept."""
    folder = cache_dir()
    path = folder / f"{name}-{fingerprint()}.json" if folder is not None else None
    if path is not None:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    value = build()
    if path is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(value, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
            for old in folder.glob(f"{name}-*.json"):
                if old != path:
                    old.unlink(missing_ok=True)      # kept for other data or code: this install has moved on
        except OSError:
            pass
    return value
