"""Nicknames and short given names as full-name forms: "Chip Bohlen", "Mac Bundy", "McG. Bundy", "Alex Johnson",
"Big Minh".

The authority records carry some nicknames inside their variants ('Bohlen, Charles E. ("Chip")'), and a few whole
bynames ('Dương, Văn Minh (“Big Minh”)', whose last word is one of the names it stands beside); those are derived
here. Forms the records lack are a documented table, ingest/data/names/nicknames.tsv. Without them "Mac Bundy" was
read as a lone "Bundy" and given to William Bundy when he was named earlier (issue 16, session 8: 37 wrong links on
McGeorge Bundy's tags in the report split). A derived form that is already another person's full name ("Dick Clark")
is left out: the record that prints it whole is the better claim.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ingest.authorities import authorities, norm, split_name
from ingest.errors import IngestError

__all__ = ["nickname_index", "read_nicknames", "person_rows", "NICKNAMES"]

NICKNAMES = Path(__file__).resolve().parent.parent / "data" / "names" / "nicknames.tsv"
# A nickname quoted or bracketed inside a variant: '(“Chip”)', '“Ted”', '(Chip)'.
_QUOTED = re.compile(r"[(“\"]+\s*([A-Z][a-z]+)\s*,?[”\")]+")
# A whole quoted byname of several words: 'Dương, Văn Minh (“Big Minh”)', 'Tran Van Minh (“Little Minh”)'.
_QUOTED_BYNAME = re.compile(r"[“\"]\s*([A-Z][a-z]+(?:\s+[A-Z][\w’'-]+)+)\s*[”\"]")


@lru_cache(maxsize=1)
def nickname_index() -> dict[str, frozenset[str]]:
    """norm('Chip Bohlen') -> canonical hsg-people ids, for forms no authority record prints whole."""
    a = authorities()
    out: dict[str, set[str]] = {}
    for pid, person in a.people.items():
        for variant in (person.sort, *person.variants):
            m = _QUOTED.search(variant)
            surname = split_name(_QUOTED.sub("", variant)).surname if m else ""
            if m and surname:
                out.setdefault(norm(f"{m.group(1)} {surname}"), set()).add(a.canonical(pid))
            byname = _QUOTED_BYNAME.search(variant)
            if byname and byname.group(1).split()[-1] in _QUOTED_BYNAME.sub("", variant).split():
                out.setdefault(norm(byname.group(1)), set()).add(a.canonical(pid))
    for key, pid in read_nicknames(NICKNAMES):
        out.setdefault(key, set()).add(a.canonical(pid))
    return {k: frozenset(v) for k, v in out.items() if k not in a.full_index and " " in k}


def read_nicknames(path: Path) -> list[tuple[str, str]]:
    """(norm(form), hsg id) rows of the hand table; a malformed row or an unknown id names the file and the line."""
    return [(norm(cells[0]), cells[1]) for cells in person_rows(
        path, lambda cells: len(cells) >= 2 and " " in cells[0], "given form and surname<TAB>hsg-people id<TAB>where seen")]


def person_rows(path: Path, well_formed, expected: str) -> list[list[str]]:
    """The stripped cells of a hand table's rows whose second cell is an hsg-people id (comments and blank lines
    skipped); a row `well_formed` refuses, or an id the authority data lacks, is an error naming the file and line."""
    rows = []
    people = authorities().people
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not well_formed(cells):
            raise IngestError(f"{path}:{no}: expected '{expected}'")
        if cells[1] not in people:
            raise IngestError(f"{path}:{no}: hsg-people id {cells[1]!r} is not in the authority data")
        rows.append(cells)
    return rows
