"""Co-mention windows: the spans of a document text inside which two mentions count as together.

A paragraph is a run of text between blank lines, which is how `schema:text` separates the heading,
the dateline, the body's paragraphs and each footnote. Sentences need FRUS-aware segmentation
(abbreviations, initials, telegram numbering) that lives with the ingest; the caller passes it in.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable, Iterable

from .filters import NetworkError

__all__ = ["WINDOWS", "Segmenter", "paragraphs", "Spans"]

WINDOWS = ("document", "paragraph", "sentence")
Segmenter = Callable[[str], Iterable[tuple[int, int]]]
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _BLANK_LINE.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


class Spans:
    """The window holding an offset, found by bisection over sorted, disjoint spans."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]

    @classmethod
    def of(cls, window: str, text: str, sentences: Segmenter | None) -> "Spans":
        if window == "paragraph":
            return cls(paragraphs(text))
        if sentences is None:
            raise NetworkError("the sentence window needs a sentence splitter; none was given to this service")
        return cls(sentences(text))

    def at(self, offset: int) -> tuple[int, int] | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.spans[i][1]:
            return self.spans[i]
        return None
