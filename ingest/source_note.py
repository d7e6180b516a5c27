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
_FILE_NUMBER = re.compile(r"^(?:[A-Z]{0,4}\d[\w/-]*\d[\w]*|\d+)$")


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z])", text)
    return [p.strip().rstrip(".") for p in parts if p.strip()]


def parse_source_note(text: str) -> SourceNote:
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
            if len(items) > 1 and _FILE_NUMBER.match(items[-1].split()[-1] if items[-1] else ""):
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
        m = re.match(r"Drafted by (?P<who>.+?)(?:\s+on\s+|\s*;|$)", sentence)
        if m and note.drafted_by is None:
            note.drafted_by = m.group("who")
    return note
