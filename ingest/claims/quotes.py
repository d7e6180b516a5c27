"""Quoted passages: where quotation marks open and close, also across paragraphs.

Curly quotes pair as “…”; straight double quotes alternate. A passage may span several blocks
(a quoted message of several paragraphs opens in one and closes in a later one). A quotation
that never closes within a few blocks is not trusted: its marks are ignored, unless it opens a
paragraph after a lead-in ending with ':' ("Following is letter from President Nyerere…: / “Dear Dr.
Kissinger, …”"), where a whole letter of many paragraphs is quoted with one pair of marks; there a
pair of marks inside one later paragraph is a quotation within the letter.
Single quotes are not used: they cannot be told from apostrophes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import Block

__all__ = ["Quote", "find_quotes", "MAX_QUOTE_BLOCKS", "DATE_ONLY", "LETTER_DATE", "SALUTATION"]

MAX_QUOTE_BLOCKS = 8
MAX_LETTER_BLOCKS = 80
_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'
_MARKS = re.compile('[“”"]')
SALUTATION = re.compile(r"(?:My\s+|MY\s+)?(?:[Dd]ear|DEAR)\s+[^:\n.]{1,40}(?<!\s)(?:\.\s[^:\n.]{1,30})?[:,](?:\s|\Z)")
LETTER_DATE = re.compile(r"\s*(?:[A-Z][a-z]+\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)\.?(?:\s+Personal\.)?\s*")
_NUMBER_ONLY = re.compile(r"[\s\-—–•*]*(?:\(?\d{1,3}[.)]\s*)?")
DATE_ONLY = re.compile(r"\s*(?:[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\.?\s*")
# Session 37: a lead-in ending on a full stop that names the paper whose text follows ("General Westmoreland is carrying
# letter from President Nixon to President Suharto. Text follows. / “General Westmoreland's visit with you…", frus1969-76v20 d327).
_PAPER_FROM = re.compile(r"\b(?:(?:letter|message|text|note|reply)\s+(?:from|of)\b[^.]*|(?:text|message|letter)\s+(?:follows|reads))\.$",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Quote:
    """Quoted text text[start:end], without its marks; first_block..last_block are the blocks it spans."""
    start: int
    end: int
    first_block: int
    last_block: int

    def pieces(self, blocks: list[Block]) -> list[tuple[int, int, int]]:
        """(block index, start, end) of the quoted text inside each block it spans."""
        out = []
        for b in blocks[self.first_block:self.last_block + 1]:
            s, e = max(self.start, b.start), min(self.end, b.end)
            if e > s:
                out.append((b.index, s, e))
        return out


def find_quotes(text: str, blocks: list[Block]) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None      # offset just after the opening mark
    open_block, limit = 0, MAX_QUOTE_BLOCKS
    for block in blocks:
        if open_at is not None and block.index - open_block >= limit:
            open_at = None          # never closed: not a quotation we can trust
        straight_open = False
        straight_at = 0
        inner = False               # a quotation inside a quoted letter's paragraph
        for mark in _MARKS.finditer(text, block.start, block.end):
            i, ch = mark.start(), mark.group(0)
            if ch == _OPEN:
                # A paragraph of a multi-paragraph quotation may open with “ again: it continues the
                # passage. An opening mark inside a later paragraph means the earlier one never closed.
                continues = open_at is not None and (open_block == block.index or not text[block.start:i].strip(" -—–•*"))
                if open_at is not None and not continues and _misprinted_close(text, i, block):
                    quotes.append(Quote(open_at, i, open_block, block.index))
                    open_at = None
                elif not continues and limit == MAX_LETTER_BLOCKS and open_at is not None \
                        and text.find(_CLOSE, i, block.end) > 0:
                    inner = True
                elif not continues:
                    open_at, open_block = i + 1, block.index
                    limit = MAX_LETTER_BLOCKS if _after_lead_in(text, blocks, block, i) or _opens_letter(text, blocks, block, i) \
                        else MAX_QUOTE_BLOCKS
            elif ch == _CLOSE and inner:
                inner = False
            elif ch == _CLOSE:
                if open_at is not None:
                    quotes.append(Quote(open_at, i, open_block, block.index))
                    open_at = None
                elif straight_open:     # session 38: "VERY PRIVATELY,” opened straight, closed curly (frus1969-76ve04 d46)
                    quotes.append(Quote(straight_at, i, block.index, block.index))
                    straight_open = False
            elif ch == _STRAIGHT:
                if straight_open:
                    quotes.append(Quote(straight_at, i, block.index, block.index))
                    straight_open = False
                else:
                    straight_open, straight_at = True, i + 1
    return [q for q in quotes if q.end > q.start]


def _opens_paragraph(text: str, block: Block, mark: int) -> bool:
    """Nothing but a paragraph's number or dash stands before the mark ("2. “Dear Mr. President:")."""
    return _NUMBER_ONLY.fullmatch(text, block.start, mark) is not None


def _opens_letter(text: str, blocks: list[Block], block: Block, mark: int) -> bool:
    """Session 41: the mark opens its paragraph with a letter's greeting ("“Dear Mr. Chairman:", frus1961-63v06 d111,
    after "Presidential letter to Khrushchev follows and is for your delivery…. Message open for amendment…"), or with
    the letter's date above its greeting ("“September 11, 1959. / Dear Harold: …", frus1958-60v07p2 d136)."""
    if not _opens_paragraph(text, block, mark):
        # session 43: the lead-in runs into the letter ("728. Please pass following to Prime Minister from President: “Dear
        # Harold:", frus1955-57v13 d150)
        return text[block.start:mark].rstrip().endswith(":") and SALUTATION.match(text, mark + 1, block.end) is not None
    if SALUTATION.match(text, mark + 1, block.end):
        return True
    dated = LETTER_DATE.fullmatch(text, mark + 1, block.end)
    after = blocks[block.index + 1] if dated and block.index + 1 < len(blocks) else None
    return after is not None and SALUTATION.match(text, after.start, after.end) is not None


def _misprinted_close(text: str, i: int, block: Block) -> bool:
    """Session 41: an opening mark that ends its paragraph right after a word closes the open quotation ("Sincerely, / John F.
    Kennedy“", frus1961-63v19 d264)."""
    return i > block.start and not text[i - 1].isspace() and not text[i + 1:block.end].strip()


def _after_lead_in(text: str, blocks: list[Block], block: Block, mark: int) -> bool:
    """The mark opens its paragraph, and the paragraph before ends with ':' (a dateline between them aside)."""
    if not _opens_paragraph(text, block, mark) or block.index == 0:
        return False
    before = blocks[block.index - 1]
    if block.index > 1 and DATE_ONLY.fullmatch(text, before.start, before.end):
        before = blocks[block.index - 2]
    lead = text[before.start:before.end].rstrip()
    return lead.endswith(":") or (lead.endswith(".") and bool(_PAPER_FROM.search(lead[-200:])))
