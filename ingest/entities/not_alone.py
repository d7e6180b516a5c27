"""Surnames the authority data gives a person whom FRUS never names by that word alone: "Ho Chi Minh" is parsed as
a Western name with the surname "Minh", so every "General Minh" of 1963 after "Ho Chi Minh" was read as him (issue 16,
session 57: 18 tags of Duong Van Minh). The table is ingest/data/names/not_alone.tsv, each row with its evidence."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ingest.authorities import authorities, norm

from .nicknames import person_rows

__all__ = ["NOT_ALONE", "read_not_alone", "not_alone", "without_words_not_alone"]

NOT_ALONE = Path(__file__).resolve().parent.parent / "data" / "names" / "not_alone.tsv"


def read_not_alone(path: Path) -> dict[str, frozenset[str]]:
    """norm(word) -> hsg-people ids never named by it alone; a malformed row or an unknown id names the file and line."""
    out: dict[str, set[str]] = {}
    for cells in person_rows(path, lambda cells: len(cells) >= 3 and bool(re.fullmatch(r"[A-Z][\w’'-]+", cells[0]))
                             and bool(cells[2]), "word<TAB>hsg-people id<TAB>evidence"):
        out.setdefault(norm(cells[0]), set()).add(authorities().canonical(cells[1]))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def not_alone() -> dict[str, frozenset[str]]:
    return read_not_alone(NOT_ALONE)


def without_words_not_alone(surnames: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The surname index without the table's (word, person) pairs; a word left with no one is dropped."""
    out = dict(surnames)
    for key, pids in not_alone().items():
        if key in out:
            rest = out[key] - pids
            if rest:
                out[key] = rest
            else:
                del out[key]
    return out
