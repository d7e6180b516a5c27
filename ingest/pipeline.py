"""The inputs of an ingest: which files, the documents in each, and the extractors run on every record.

The one ingest path, from these records to committed graphs, is `ingest.parallel.ingest_corpus`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import SourceError
from .records import DocumentRecord

__all__ = ["Failure", "Extractor", "default_extractors", "find_inputs", "read_inputs", "TEXT_SUFFIXES", "TEI_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".md")
TEI_SUFFIXES = (".xml", ".xml.gz", ".tei", ".tei.gz")

Extractor = Callable[[DocumentRecord], None]


@dataclass
class Failure:
    source: str
    message: str
    kind: str            # "unreadable" | "rejected"


def default_extractors() -> list[Extractor]:
    """Extractors run on every record, in order: entities first, claims after (they use entities).

    Imported here, not at the top, so that a reader-only caller does not load their indexes; an
    ImportError is a broken build and is raised (it once yielded graphs without mentions, silently)."""
    from .claims import extract_claims
    from .entities import extract_entities

    return [extract_entities, extract_claims]


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the files inside folders named, in a stable order."""
    found: list[Path] = []
    for p in map(Path, paths):
        found += _inputs_in(p) if p.is_dir() else [p]
    return found


def _inputs_in(folder: Path) -> list[Path]:
    """Every entry under `folder` named as an input is, through symbolic links to folders (each real folder once).
    A broken link, a FIFO or a subfolder that cannot be listed is in the list too, so that the ingest names it as
    unreadable: none is passed over in silence."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for top, folders, files in os.walk(folder, followlinks=True, onerror=lambda exc: found.append(Path(exc.filename))):
        st = os.stat(top)
        if (st.st_dev, st.st_ino) in seen:
            folders.clear()                      # a link back up the tree: already walked
            continue
        seen.add((st.st_dev, st.st_ino))
        found += (Path(top, name) for name in files if name.endswith(TEXT_SUFFIXES + TEI_SUFFIXES))
    return sorted(found)


def read_inputs(path: Path, on_error: Callable[[SourceError], None] | None = None) -> Iterator[DocumentRecord]:
    """The documents in one input file; raises SourceError if it is not a FRUS document or volume.

    `on_error` receives each document of a volume that cannot be read (the others are still read);
    without it such errors are raised after the volume's last good document.
    """
    if not path.exists():
        raise SourceError(str(path), "no such file or folder")
    name = path.name.lower()
    if name.endswith(TEI_SUFFIXES):
        from .tei_reader import read_tei

        yield from (read_tei(path, on_error=on_error) if on_error else read_tei(path))
        return
    from .text_reader import read_text_document
    yield read_text_document(path)
