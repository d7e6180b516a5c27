"""Rendered document pages kept in memory while what they were made from stays the same.

A packed document's page is made from two things only: its pack (api/resources/document_packs.py) and the
names of the entities, volume and people it shows, read live (an authority graph can be reloaded without
re-ingest). So a page is kept under its document with the digest of its pack's literal, the IRIs it names and
the names it showed, and served again only while the store still holds that pack (one small query) and
`labels` gives the same names (two). A re-ingest that changes the document writes a new pack, so its page is
made again on the next request, and so is a page whose names changed. Without a pack nothing is kept.

The longest document of 99 volumes (870 claims, 1,800 marked spans) takes about 40 ms of CPU to read and
render (90 before its pack was parsed with orjson and its spans and claims written with fewer copies), and 10 ms
to check and send again. The pages are kept up to BUDGET bytes (the `page_cache_bytes` setting; 0 keeps none),
the least recently used dropped first.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from graph import Store

from .resources.links import labels

__all__ = ["BUDGET", "PageCache", "source_digest"]

BUDGET = 32 * 2 ** 20       # bytes of HTML kept per server process: some fifty of the longest pages, hundreds of most


def source_digest(source: str) -> bytes:
    """The digest of a pack's literal (base64, so ASCII)."""
    return hashlib.blake2b(source.encode("ascii"), digest_size=20).digest()


@dataclass(frozen=True)
class _Kept:
    digest: bytes
    iris: tuple[str, ...]
    names: dict[str, str]
    html: bytes


class PageCache:
    """Pages keyed by (volume, document), each valid for one pack digest and one set of names."""

    def __init__(self, budget: int = BUDGET):
        self.budget = budget
        self.hits = self.misses = 0
        self._kept: OrderedDict[tuple[str, str], _Kept] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def fresh(self, store: Store, key: tuple[str, str], source: str) -> bytes | None:
        """The kept page of `key` if it was made from this pack literal and its names are still the same."""
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None and kept.digest == source_digest(source) and labels(store, kept.iris) == kept.names:
            with self._lock:
                self.hits += 1
                if key in self._kept:
                    self._kept.move_to_end(key)
            return kept.html
        with self._lock:
            self.misses += 1
        return None

    def keep(self, key: tuple[str, str], source: str, iris: list[str], names: dict[str, str], html: bytes) -> None:
        """Keep a page made from the pack literal `source` and `names` (the `labels` of `iris`)."""
        if len(html) > self.budget:
            return
        kept = _Kept(source_digest(source), tuple(iris), dict(names), html)
        with self._lock:
            old = self._kept.pop(key, None)
            self._size -= len(old.html) if old else 0
            self._kept[key] = kept
            self._size += len(html)
            while self._size > self.budget:
                _, dropped = self._kept.popitem(last=False)
                self._size -= len(dropped.html)
