"""What a FRUS source note says: archive, file number, classification, what it was printed from.

"Source: Department of State, Central Foreign Policy File, P820048-0941. Confidential. Printed
from an unsigned copy." Shared by both readers.
"""
from __future__ import annotations

import re

from .records import SourceNote

__all__ = ["parse_source_note", "CLASSIFICATIONS"]

CLASSIFICATIONS = (
    "Top Secret", "Secret", "Confidential", "Unclassified", "Limited Official Use",
    "Official Use Only", "Restricted", "Strictly Confidential", "Personal and Confidential",
)
_CLASSIFICATION = re.compile(
    r"(?:^|[.;]\s+|\n)(?P<c>(?:" + "|".join(c.replace(" ", r"\s+") for c in CLASSIFICATIONS) + r")\b[^.]*?)(?=\.(?:\s|$)|$)"
)
# A document number (P820048-0941, 611.61/5-1453) or a Central Files subject code (POL 27 ARAB–ISR).
_FILE_NUMBER = re.compile(
    r"^(?:(?=[^\s]*\d)[A-Z0-9][\w./–-]*\d[\w./–-]*|[A-Z]{2,5}\s+\d+(?:[–-]\d+)?(?:\s+[A-Z][A-Z–-]*)*)$"
)
_MONTH = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Dr|No|Nos|St|Amb|Gen|Jr|Sr|Col|Adm|Lt|Vol|Vols|p|pp|ca|Doc|Docs))$")


# "Drafted by Hanes on June 17", and (104 times in the 99 volumes) "Drafted on June 17 by Hanes"; the drafters end where
# the clearances begin ("Drafted by Rockwell and cleared by Rountree", "Drafted by Garthoff, cleared by Kohler, and…").
_DRAFTED_BY = re.compile(r"Drafted(?:\s+on\s+[A-Z][a-z]+\s+\d{1,2}(?:,\s+\d{4})?)?\s+by (?P<who>.+?)(?:\s+on\s+|\s*;|,?\s+(?:and\s+)?(?:approved|cleared|initialed|revised)\b|$)")

def _sentences(text: str) -> list[str]:
    """Split at '. ' before a capital, except after initials (U.S.) and common abbreviations (Vol., No.)."""
    parts, start = [], 0
    for m in re.finditer(r"\.\s+(?=[A-Z])", text):
        if _ABBREVIATION.search(text[start:m.start()]):
            continue
        parts.append(text[start:m.start()])
        start = m.end()
    parts.append(text[start:])
    return [p.strip().rstrip(".") for p in parts if p.strip()]


_FILE_NUMBER_ONLY = re.compile(r"^[\w.()/–—-]*\d[\w.()/–—-]*(?:\s+[\w.()/–—-]+){0,3}$")


def parse_source_note(text: str, inline: bool = False) -> SourceNote:
    """`inline`: the note the 1940s volumes print above the heading, only the decimal file number, sometimes with
    the form ("501.BC Indonesia/3–1249: Telegram"), in the TEI and in a copy of the website alike."""
    if inline:
        number = text.strip().partition(":")[0].strip()
        if "/" in number and _FILE_NUMBER_ONLY.match(number):
            return SourceNote(text=text.strip(), file_number=number)
    note = SourceNote(text=text.strip())
    body = re.sub(r"^\s*(?:\d+\.\s*)?", "", note.text)
    summary = re.search(r"Source:\s*", body)
    if summary:
        body = body[summary.end():]
    sentences = _sentences(body)
    if sentences:
        first = sentences[0]
        if not any(first.startswith(c) for c in CLASSIFICATIONS):
            items = [i.strip() for i in first.split(",")]
            if len(items) > 1 and _FILE_NUMBER.match(items[-1]) and not _MONTH.search(items[-1]):
                note.file_number = items[-1]
                note.archive = ", ".join(items[:-1])
            else:
                note.archive = first
    for sentence in sentences:
        head = sentence.split(";")[0].strip()
        if note.classification is None and any(re.fullmatch(c.replace(" ", r"\s+"), head, flags=re.I) for c in CLASSIFICATIONS):
            note.classification = " ".join(sentence.split())
        m = re.match(r"Printed from (?P<what>.+)$", sentence)
        if m and note.printed_from is None:
            note.printed_from = m.group("what")
        m = _DRAFTED_BY.match(sentence)
        if m and note.drafted_by is None:
            note.drafted_by = m.group("who")
    return note
