"""Who signed a telegram. One the Department of State (or the travelling Secretary of State) sent: the Secretary of
State of the day, or the Under or Deputy Secretary signing as Acting Secretary. Department telegrams go out over their
name ("Dulles", "Hoover", "Herter" on the last line of the body), whatever namesake the volume's persons list happens
to name: frus1955-57v23p2 lists only Allen W. Dulles, and its 1955-1957 telegrams signed "Dulles" are John Foster
Dulles's (POCOM says who held the post). One an embassy, legation or mission sent: its chief of mission that day,
when the surname is his.
"""
from __future__ import annotations

import re

from ingest.authorities import authorities, norm
from ingest.heading import posts_of
from ingest.records import DocumentRecord

from .people import resolve_office

__all__ = ["department_signature", "post_signature"]

_FROM_DEPARTMENT = re.compile(r"(?:\bFrom\s+|^(?:\d+\.\s+|No\.\s+\d+\s+)?)the\s+(?:Department\s+of\s+State|(?:Acting\s+)?"
                              r"Secretary\s+of\s+State)\s+to\b", re.I)
_SIGNATURE = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")
# The Secretary first; those who sign as Acting Secretary after him.
_SIGNERS = ("secretary of state", "under secretary of state", "deputy secretary of state",
            "under secretary of state for political affairs", "deputy under secretary of state",
            "deputy under secretary of state for political affairs")


def department_signature(record: DocumentRecord) -> tuple[int, int, str, str] | None:
    """(start, end, hsg id, why) of the signature of a telegram the heading says the Department of State or the
    Secretary of State sent, when its surname is that of the Secretary of State on the document's date, else of the
    one Under, Deputy or Deputy Under Secretary (the Acting Secretary) who bears it; None otherwise."""
    if "Editorial Note" in (record.heading or "") or not _FROM_DEPARTMENT.search(record.heading or ""):
        return None          # the reader takes an undated telegram (frus1955-57v23p2 d62) for an editorial note
    dates = [record.date[:10]] if record.date else _volume_years(record.volume.id)
    signed = _signature(record)
    if not dates or signed is None:
        return None
    s, line = signed
    key, date = norm(line), dates[0] if len(dates) == 1 else f"{dates[0]}–{dates[-1]}"
    a = authorities()
    for title in _SIGNERS:
        posts = [p for d in dates for p in a.holders(title, d) if p.hsg and norm(a.person(p.hsg).surname) == key]
        found = {p.hsg for p in posts}
        if len(found) == 1 and (len(dates) == 1 or all(any(p.hsg in found for p in a.holders(title, d)) for d in dates)):
            pid = posts[0].hsg
            why = (f"'{line}' signs a telegram the Department of State sent on {date}: {a.person(pid).name} "
                   f"(hsg-people {pid}) was {posts[0].title} then (POCOM), and the Department's telegrams go out "
                   f"over the name of the Secretary or the Acting Secretary")
            return s, s + len(line), pid, why
        if found:
            return None
    return None


def post_signature(record: DocumentRecord) -> tuple[int, int, str, str] | None:
    """(start, end, hsg id, why) of the signature of a telegram an embassy, legation or mission sent, when POCOM's
    chief of that mission on the document's date bears its surname: "Johnson" under a telegram from the Embassy in
    Japan of July 1967 is U. Alexis Johnson, the ambassador then. A chargé who signs is not in POCOM and stays unlinked."""
    if not record.date or "Editorial Note" in (record.heading or ""):
        return None
    post = next((p for p in posts_of(record.heading or "") if p.role == "author"), None)
    if post is None or post.kind not in _OFFICE_OF_POST or not post.place:
        return None
    signed = _signature(record)
    if signed is None:
        return None
    s, line = signed
    office = _OFFICE_OF_POST[post.kind].format(place=post.place)
    hit = resolve_office(office, line, record.date)
    if hit is None:
        return None
    held, pid = hit
    why = (f"'{line}' signs a telegram the {post.name} sent on {record.date[:10]}: {authorities().person(pid).name} "
           f"(hsg-people {pid}) was {held.title} then (POCOM), the chief of that mission")
    return s, s + len(line), pid, why


_OFFICE_OF_POST = {"Embassy": "Ambassador in {place}", "Legation": "Minister in {place}",
                   "Mission": "Representative at the {place}"}


def _signature(record: DocumentRecord) -> tuple[int, str] | None:
    """(start, name) of a lone surname on the last line of the body: how a telegram is signed."""
    end = record.body_end if record.body_end is not None else len(record.text)
    body = record.text[record.body_start:end]
    stripped = body.rstrip()
    line_start = stripped.rfind("\n") + 1
    line = stripped[line_start:].strip()
    if not _SIGNATURE.fullmatch(line):
        return None
    return record.body_start + line_start + (len(stripped[line_start:]) - len(stripped[line_start:].lstrip())), line


def _volume_years(volume_id: str) -> list[str]:
    """For an undated document: every year its volume covers ("frus1955-57v23p2": 1955, 1956, 1957); the signer must
    have held the post in each (a year compares with a post's dates by year)."""
    m = re.match(r"frus(\d{4})(?:-(\d{2,4}))?", volume_id)
    if not m:
        return []
    first = int(m.group(1))
    last = int(m.group(1)[:4 - len(m.group(2))] + m.group(2)) if m.group(2) else first
    return [str(y) for y in range(first, last + 1)] if 0 <= last - first <= 8 else []
