"""A store folder a command makes by opening it for writing, taken away again when the command stores nothing.

Opening a folder with no store in it for writing creates one (RocksDB's files, the ledger); a command refused after
that (every input of an ingest rejected) left an empty store where the folder held none, which later commands took
for the user's store. Only what the command made goes: the folders it created, or the entries it added to a
folder that was there. The same holds for a shard folder (`ingest --to-shards`), whose store is its ledger file and
manifest.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Optional

from graph import is_remote, store_location
from graph.ledger_file import LEDGER_FILE
from graph.shards import MANIFEST

__all__ = ["NewStoreFolder"]


class NewStoreFolder:
    """Noted before the store is opened: whether opening it makes a store, and what was in its folder then."""

    def __init__(self, store: Optional[str | os.PathLike], marks: tuple[str, ...] = ("CURRENT",)):
        where = store_location(store)
        makes = (not is_remote(where) and not any((Path(where) / mark).exists() for mark in marks)
                 and not Path(where).is_file())
        self.path: Path | None = Path(where) if makes else None
        self.top: Path | None = None          # the highest folder opening the store creates
        self.before: set[str] = set()
        if self.path is None:
            return
        if self.path.is_dir():
            self.before = set(os.listdir(self.path))
        else:
            self.top = self.path
            while not self.top.parent.exists() and self.top.parent != self.top:
                self.top = self.top.parent

    @classmethod
    def of_shards(cls, folder: str | os.PathLike) -> "NewStoreFolder":
        """A shard folder holds a store when a run left its ledger or its manifest there."""
        return cls(folder, (LEDGER_FILE, MANIFEST))

    def discard(self) -> bool:
        """Remove the store this command made (closed first), leaving the folder as it was; False when the store was
        there before (or is a server's), which is kept whatever it holds."""
        if self.path is None:
            return False
        if self.top is not None:
            shutil.rmtree(self.top, ignore_errors=True)
            return True
        for name in set(os.listdir(self.path)) - self.before:
            entry = self.path / name
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
        return True
