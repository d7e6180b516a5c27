"""Letters a telegram relays without quotation marks: "Please deliver following message from President to Prime
Minister: / Dear Winston: … / With warm regard, As Ever, Ike." (frus1955-57v02 d119).

A letter opens on a paragraph that begins with its greeting ("Dear Harold:", "My Dear Chancellor:"), right after a lead-in
that announces a text ("following", "as follows", a closing colon; a dateline between them aside), and runs to the
paragraph that holds its complimentary close ("Sincerely,", "With warm regard,"), with the signer's name in it or on the
line after. A greeting that opens the document, or a letter no close ends, is no relayed letter: the document's own
voice goes on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes import DATE_ONLY, SALUTATION
from .sentences import Block

__all__ = ["Letter", "find_letter", "closing_signature", "is_close_alone"]

MAX_LETTER_BLOCKS = 80
CLOSE_WORDS = (r"(?:(?:Very\s+)?(?:Sincerely|Faithfully|Respectfully|Cordially|Truly)(?:\s+yours)?|Yours\s+(?:sincerely|faithfully|"
               r"ever|truly|respectfully)|As\s+[Ee]ver|(?:With\s+)?(?:[Ww]arm(?:est)?\s+|[Bb]est\s+|[Kk]ind(?:est)?\s+)?"
               r"(?:[Rr]egards?|[Ww]ishes))")
_CLOSE_ALONE = re.compile(r"\s*" + CLOSE_WORDS + r"[,.]?\s*")
_CLOSE_SIGNED = re.compile(r"(?:(?<=\n)|(?<=[.!?]\s)|(?<=[.!?]”\s))\s*(?:" + CLOSE_WORDS + r"[,.]?\s+)+(?P<who>[^\n]{2,60}?)[\s.”]*\Z")
_ANNOUNCES = re.compile(r"\b(?:following|FOLLOWING|follows|FOLLOWS)\b|:\s*\Z")


@dataclass(frozen=True)
class Letter:
    """Blocks first..last hold the letter's text, which ends at text_end; the signer's name is text[sign_start:sign_end]."""
    lead: Block
    first: int
    last: int
    text_end: int
    sign_start: int
    sign_end: int


def closing_signature(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the signer's name stands after a complimentary close that ends text[start:end] ("…regards. Sincerely, John
    F. Kennedy")."""
    m = _CLOSE_SIGNED.search(text, start, end)
    return (m.start("who"), m.end("who")) if m else None


def is_close_alone(text: str, start: int, end: int) -> bool:
    """text[start:end] is a complimentary close on its own line ("Sincerely yours,")."""
    return _CLOSE_ALONE.fullmatch(text, start, end) is not None


def find_letter(text: str, blocks: list[Block], i: int) -> Letter | None:
    """The letter whose greeting opens block i, if a lead-in announces it and a close ends it."""
    block = blocks[i]
    if i < 1 or not SALUTATION.match(text, block.start, block.end):
        return None
    lead = blocks[i - 1]
    if i > 1 and DATE_ONLY.fullmatch(text, lead.start, lead.end):
        lead = blocks[i - 2]
    if not _ANNOUNCES.search(text, lead.start, lead.end):
        return None
    for j in range(i, min(len(blocks), i + MAX_LETTER_BLOCKS)):
        b = blocks[j]
        signed = _CLOSE_SIGNED.search(text, b.start, b.end)
        if signed is not None:
            alone = not text[b.start:signed.start()].strip()
            last = j - 1 if alone else j
            return Letter(lead, i, last, blocks[last].end if alone else signed.start(), signed.start("who"), signed.end("who"))
        if _CLOSE_ALONE.fullmatch(text, b.start, b.end) and j + 1 < len(blocks):
            name = blocks[j + 1]
            return Letter(lead, i, j - 1, blocks[j - 1].end, name.start, name.end)
    return None
