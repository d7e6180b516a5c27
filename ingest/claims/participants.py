"""Where a record of a conversation lists its participants: the people present, whom its bare titles mean.

"PARTICIPANTS / United States / The President / … / Austria / Foreign Minister Bruno Kreisky" and then "The Foreign
Minister said…": the Foreign Minister of the talk is the one listed, not the German Foreign Minister the talk mentions.
"""
from __future__ import annotations

import re

from ..records import DocumentRecord

__all__ = ["participants_span"]

_HEAD = re.compile(r"(?m)^[ \t]*(?:PARTICIPANTS|Participants|PRESENT|Present)[ \t]*:?[ \t]*$")
_WORD = re.compile(r"[\w’'-]+")
_SENTENCE_END = re.compile(r"[a-z]{2,}[.!?][”\"]?\s*$")       # "…back to Washington." (not "Herbert Hoover, Jr.")
_FORM_LABEL = re.compile(r"^\s*[A-Z][A-Z ]{3,}:?\s*$")         # "SUBJECT" after the list
_SEARCHED = 3000      # the list opens the body; a later "Present" line is not it
_LINE_WORDS = 16      # "Ambassador Aubrey Casardi, Assistant Secretary General for Political Affairs, NATO" is 10


def participants_span(record: DocumentRecord) -> tuple[int, int] | None:
    """(start, end) of the participants list under its "PARTICIPANTS" line, up to the first line of narration or the
    memorandum's next label, or None. Blank lines inside it are kept ("Government of Japan", a blank line, then its
    people)."""
    text = record.text
    head = _HEAD.search(text, 0, min(len(text), (record.body_start or 0) + _SEARCHED))
    if head is None:
        return None
    start = at = end_of_list = head.end() + 1
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[at:end]
        if line.strip():
            if len(_WORD.findall(line)) > _LINE_WORDS or _SENTENCE_END.search(line) or _FORM_LABEL.match(line):
                break
            end_of_list = end
        at = end + 1
    return (start, end_of_list) if end_of_list > start else None
