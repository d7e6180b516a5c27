"""What an edge rests on: its documents and passages (capped lists with full counts) and its dates.

A historian must be able to open every edge. The lists keep the first `cap` documents and passages
in document order so that an export stays small; the counts are always complete. `first` and `last` are dates of
its dated documents; an undated editorial note has none, and gives the interval it tells of instead (`told`,
"1979-02-24/1979-03-30", schema:temporalCoverage), which the projections pass where a date goes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .table import expand

__all__ = ["Passage", "Evidence", "DEFAULT_CAP"]

DEFAULT_CAP = 20


@dataclass(frozen=True)
class Passage:
    """document text[start:end]; `targets` are the oa:SpecificResource IRIs of the mentions (or claim) in it."""
    document: str
    start: int
    end: int
    targets: tuple[str, ...] = ()

    @property
    def iri(self) -> str:
        """An RFC 5147 text fragment of the document: a citable address for the passage."""
        return f"{self.document}#char={self.start},{self.end}"


@dataclass
class Evidence:
    cap: int = DEFAULT_CAP
    documents: list[str] = field(default_factory=list)
    stored: list[Passage] = field(default_factory=list)
    document_count: int = 0
    passage_count: int = 0
    first: str | None = None
    last: str | None = None
    _last_document: str | None = None
    later: Callable[[], list[Passage]] | None = field(default=None, repr=False, compare=False)
    told: list[str] | None = None       # the intervals its undated editorial notes tell of, distinct, in order

    @staticmethod
    def is_interval(when: str | None) -> bool:
        """Whether a document's `when` is an undated editorial note's interval ("1979-02-24/1979-03-30"), not a date."""
        return when is not None and "/" in when

    @classmethod
    def seen_once(cls, cap: int, document: str, later: Callable[[], list[Passage]], day: str | None) -> "Evidence":
        """The evidence of a tie seen in one place of one document, its passage worked out `later`: most ties of
        a corpus slice, made without the dataclass's keyword handling (30,000 on the busiest two years)."""
        told = [day] if cls.is_interval(day) else None
        day = None if told else day
        evidence = cls.__new__(cls)
        evidence.__dict__ = {"cap": cap, "documents": [document], "stored": [], "document_count": 1, "passage_count": 1,
                             "first": day, "last": day, "_last_document": None, "later": later, "told": told}
        return evidence

    @property
    def passages(self) -> list[Passage]:
        """The first `cap` passages. A corpus network works them out when first asked for (an export, the
        evidence of an edge), not when it is drawn: a ranking or Louvain never needs a million of them."""
        if self.later is not None:
            self.stored, self.later = self.later(), None
        return self.stored

    def add(self, passage: Passage, date: str | None) -> None:
        """Record one passage; documents must arrive together (all passages of a document in a row)."""
        self.add_at(passage.document, passage.start, passage.end, passage.targets, date)

    def add_at(self, document: str, start: int, end: int, targets: tuple, date: str | None) -> None:
        """`add` of the passage document[start:end], made only when it is among the first `cap` (a corpus
        slice has 100,000 claims and keeps 20 passages of each tie); targets may be as the network table
        packs them (`table.expand`); `date` is the document's, or an undated editorial note's interval."""
        if document != self._last_document:
            self._last_document = document
            self.document_count += 1
            if len(self.documents) < self.cap:
                self.documents.append(document)
        self.passage_count += 1
        if self.later is not None:
            self.passages                   # worked out first, as `passages` would
        if len(self.stored) < self.cap:
            self.stored.append(Passage(document, start, end, tuple(expand(t, document) for t in targets)))
        if self.is_interval(date):
            if date not in (self.told or ()):
                self.told = sorted([*(self.told or ()), date])
        elif date:
            day = date[:10]
            if self.first is None or day < self.first:
                self.first = day
            if self.last is None or day > self.last:
                self.last = day

    def weight(self, by: str) -> int:
        return self.document_count if by == "documents" else self.passage_count
