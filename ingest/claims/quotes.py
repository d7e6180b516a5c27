"""Quoted passages: where quotation marks open and close, also across paragraphs.

Curly quotes pair as “…”; straight double quotes alternate. A passage may span several blocks
(a quoted message of several paragraphs opens in one and closes in a later one). A quotation
that never closes within a few blocks is not trusted: its marks are ignored.
Single quotes are not used: they cannot be told from apostrophes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import Block

__all__ = ["Quote", "find_quotes", "MAX_QUOTE_BLOCKS"]

MAX_QUOTE_BLOCKS = 8
_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'
_MARKS = re.compile('[“”"]')


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
    open_block = 0
    for block in blocks:
        if open_at is not None and block.index - open_block >= MAX_QUOTE_BLOCKS:
            open_at = None          # never closed: not a quotation we can trust
        straight_open = False
        straight_at = 0
        for mark in _MARKS.finditer(text, block.start, block.end):
            i, ch = mark.start(), mark.group(0)
            if ch == _OPEN:
                # A paragraph of a multi-paragraph quotation may open with “ again: it continues the
                # passage. An opening mark inside a later paragraph means the earlier one never closed.
                continues = open_at is not None and (open_block == block.index or not text[block.start:i].strip(" -—–•*"))
                if not continues:
                    open_at, open_block = i + 1, block.index
            elif ch == _CLOSE:
                if open_at is not None:
                    quotes.append(Quote(open_at, i, open_block, block.index))
                    open_at = None
            elif ch == _STRAIGHT:
                if straight_open:
                    quotes.append(Quote(straight_at, i, block.index, block.index))
                    straight_open = False
                else:
                    straight_open, straight_at = True, i + 1
    return [q for q in quotes if q.end > q.start]
