"""Who speaks a turn of a conversation, by the initials the record gives its speakers.

Transcripts and memoranda of calls print their speakers as initials ("GWB:", "LBJ:", "HAK:", "K:", "C:"), and
memoranda of conversation are often signed with the writer's initials alone ("JFD", "C.A.H."). Initials are
read structurally, not per document: a person of the document (a heading party or a linked mention, the
source note's included) goes by the initial of the surname, the initials of every word of the full name
("George Wildman Ball" -> "GWB") and of the first and last names ("GB"). When two persons share the
initials, the participants decide: those the document names before its first turn (the heading, a
"Cousins/Kissinger" line, a participants list). Initials that pick out two participants pick out nobody.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import DocumentRecord, Mention
from ..triples import party_person_iri

__all__ = ["Speaker", "initials_of", "speaker_by_initials", "signed_initials"]

_NAME_WORD = re.compile(r"[A-Z][\w’'-]*")
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
# A closing line of initials only: "JFD", "C.A.H.", "CK" (not a word such as "SECRET" or "END").
_INITIALS_LINE = re.compile(r"\[?((?:[A-Z]\.?\s?){2,4})\]?")


@dataclass(frozen=True)
class Speaker:
    """A person the initials stand for: IRI, name, and how we know."""
    iri: str
    label: str
    how: str


def initials_of(name: str) -> set[str]:
    """'George Wildman Ball' -> {'B', 'GWB', 'GB'}; 'Henry A. Kissinger' -> {'K', 'HAK', 'HK'}."""
    words = [w for w in _NAME_WORD.findall(name.replace(".", " ")) if w.strip("’'") not in _SUFFIXES]
    if not words:
        return set()
    letters = "".join(w[0] for w in words)
    return {words[-1][0], letters, words[0][0] + words[-1][0]}


def _persons(record: DocumentRecord) -> list[tuple[int, str, str]]:
    """(offset, IRI, full name) of every person the record names: heading parties first, then linked mentions."""
    out = [(-1, party_person_iri(record, p), p.label or p.name) for p in record.parties]
    out += [(m.start, m.entity, m.label) for m in record.mentions if m.kind == "person" and m.entity and m.label]
    return out


def _first_turn(record: DocumentRecord) -> int:
    """Where the first labelled turn opens ("C: This could be…"): the participants are named before it."""
    end = record.body_end if record.body_end is not None else len(record.text)
    m = re.compile(r"(?m)^\[?[A-Z][\w.’' -]{0,30}?:\]?\s").search(record.text, record.body_start, end)
    return m.start() if m else record.body_start


def speaker_by_initials(record: DocumentRecord, letters: str, kind: str = "label") -> Speaker | None:
    """The one person (or the one participant, where the document names several with these initials) who goes by
    `letters` ("GWB", "K", "C.A.H.")."""
    key = letters.replace(".", "").replace(" ", "").upper()
    if not 1 <= len(key) <= 4 or not key.isalpha():
        return None
    hits: dict[str, tuple[str, int]] = {}
    for at, iri, name in _persons(record):
        if key in initials_of(name) and (len(key) > 1 or _surname_initial(name) == key):
            first = hits.get(iri, (name, at))[1]
            hits[iri] = (name, min(first, at))
    if len(hits) > 1:
        before = _first_turn(record)
        hits = {iri: v for iri, v in hits.items() if v[1] < before}
    if len(hits) != 1:
        return None
    (iri, (name, _)), = hits.items()
    return Speaker(iri, name, f"{kind} '{letters}' read as the initials of {name}")


def _surname_initial(name: str) -> str:
    words = [w for w in _NAME_WORD.findall(name.replace(".", " ")) if w.strip("’'") not in _SUFFIXES]
    return words[-1][0] if words else ""


def signed_initials(record: DocumentRecord, last_block: tuple[int, int] | None) -> Speaker | None:
    """A memorandum closed by its writer's initials ("JFD" under Dulles's "I said…", drafted by Greene): the one
    person of the document whose full name has these initials. One letter is no signature."""
    if last_block is None:
        return None
    s, e = last_block
    m = _INITIALS_LINE.fullmatch(record.text[s:e].strip())
    if m is None or len(m.group(1).replace(".", "").replace(" ", "")) < 2:
        return None
    return speaker_by_initials(record, m.group(1), "closing initials")
