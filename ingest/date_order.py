"""Documents in their chapter's date order: undated ones placed between their neighbours, misprinted years read.

FRUS orders a chapter by date, so the dated documents around a document say when it was written. An
undated document gets the range between them. An undated editorial note was written by the editors, not
then: it gets no date, but `narrated`, the same range, the time of the events it tells (what "the
President" of its text is read by). A document whose printed year breaks that order by years,
while a year one digit away fits it ("December 29, 1925" between two telegrams of December 1965), is
read as a misprint of that year; `date_basis` says what was printed and why it was read otherwise.
"""
from __future__ import annotations

from .records import DocumentRecord

__all__ = ["DateOrder", "UNPLACED"]

UNPLACED = ("undated in the source, and no dated documents on both sides of it in its chapter to place it by: "
            "its date is unknown")


class DateOrder:
    """Holds undated documents (and what follows them) until the next dated document of their chapter, and a
    document dated years away from the one before it until the next document; yields records in order."""

    def __init__(self):
        self.held: list[DocumentRecord] = []
        self.group = self.after = self.last_dated = None
        self.suspect: tuple | None = None      # (record, the dated record before it, group)

    def add(self, record: DocumentRecord, group: tuple) -> list[DocumentRecord]:
        """The records ready to be yielded once `record` (of chapter `group`) is read."""
        ready = self._settle(record, group)
        if self.held and group != self.group:
            ready += self.release()                 # no dated document after them in their chapter
        if self.held and all(h.is_editorial_note for h in self.held) and self._suspicious(record, group):
            ready += self.release()                 # a date that may be misprinted places no note
        if record.date is None:
            if not record.is_editorial_note:
                record.date_basis = record.date_basis or UNPLACED   # unless _infer_undated places it
            if not self.held:
                self.group = group
                self.after = self.last_dated if self.last_dated and self.last_dated[0] == group else None
            self.held.append(record)
        elif self.held:
            self.held.append(record)
            if not record.is_editorial_note:
                _infer_undated(self.held, self.after, record)
                ready += self.release()
        elif self._suspicious(record, group):
            self.suspect = (record, self.last_dated[1], group)
            return ready
        else:
            ready.append(record)
        if record.date and not record.is_editorial_note:
            self.last_dated = (group, record)
        return ready

    def release(self) -> list[DocumentRecord]:
        held, self.held = self.held, []
        if self.suspect:
            held.insert(0, self.suspect[0])
            self.suspect = None
        return held

    def _suspicious(self, record: DocumentRecord, group: tuple) -> bool:
        """Dated years away from (or before) the chapter's dated document before it."""
        if record.is_editorial_note or not record.date or not self.last_dated or self.last_dated[0] != group:
            return False
        before = self.last_dated[1].date[:10]
        return record.date[:10] < before or int(record.date[:4]) - int(before[:4]) >= 2

    def _settle(self, record: DocumentRecord, group: tuple) -> list[DocumentRecord]:
        """The held suspect, its year read as a misprint where the document after it shows one."""
        if self.suspect is None:
            return []
        suspect, before, suspect_group = self.suspect
        self.suspect = None
        if group == suspect_group and record.date and not record.is_editorial_note:
            _read_misprint(suspect, before, record)
        self.last_dated = (suspect_group, suspect)
        return [suspect]


def _year_variants(year: str) -> set[str]:
    """Years one misprint away: one of the last two digits changed, or the two swapped."""
    out = {year[:2] + year[3] + year[2]}
    for i in (2, 3):
        out.update(year[:i] + d + year[i + 1:] for d in "0123456789")
    out.discard(year)
    return out


def _read_misprint(record: DocumentRecord, before: DocumentRecord, after: DocumentRecord) -> None:
    lo, hi, printed = before.date[:10], after.date[:10], record.date[:10]
    if lo > hi or lo <= printed <= hi:
        return
    fits = [y for y in _year_variants(printed[:4]) if lo <= y + printed[4:] <= hi]
    if len(fits) != 1:
        return
    year = fits[0]
    record.date = year + record.date[4:]
    record.date_max = year + record.date_max[4:] if record.date_max and record.date_max[:4] == printed[:4] else record.date_max
    why = f"the source prints {printed}"
    record.date_basis = (f"{why}, out of its chapter's date order between {before.doc_id} ({lo}) and "
                         f"{after.doc_id} ({hi}); {year}, one misprinted digit away, fits there and is read instead"
                         + (f" ({record.date_basis})" if record.date_basis else ""))


def _infer_undated(held: list[DocumentRecord], before: tuple | None, after: DocumentRecord) -> None:
    """Date undated documents by the range the editors placed them in: between the dated neighbours."""
    if before is None:
        return
    prev = before[1]
    lo, hi = prev.date[:10], after.date[:10]
    if lo > hi:
        return                           # not in date order here: no inference
    for record in held:
        if record.is_editorial_note and record.date is None:
            record.narrated = (lo, hi)
        if record.is_editorial_note or record.date is not None:
            continue
        why = "undated in the source" if record.date_basis in (None, UNPLACED) else record.date_basis
        record.date, record.date_max = lo, (hi if hi != lo else None)
        record.date_basis = (f"{why}; the editors placed it between {prev.doc_id} ({lo}) and "
                             f"{after.doc_id} ({hi}), the dated documents around it in its chapter")
