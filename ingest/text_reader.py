"""Reader for plain-text copies of history.state.gov document pages (the sample memo's format).

Layout read: the series line ("FOREIGN RELATIONS OF THE UNITED STATES, 1981-1988, VOLUME XLI, …"),
the numbered heading, the dateline, SUBJECT, the body with page markers ("[Page 168]" or the
Markdown-escaped "[\\[Page 170\\]](#)") and footnote marks (¹²³), and the footnotes at the end.
The record's text is heading, dateline, subject, body and footnotes with markers and marks removed,
so that offsets are stable and every offset has a page.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .heading import genre_of, parse_dateline, parties_of
from .limits import max_document_bytes, open_input, size_problem
from .printed_names import printed_names
from .records import DocumentRecord, Footnote, Page, Party, Span, VolumeRecord
from .source_note import parse_source_note

__all__ = ["read_text_document", "parse_text_document", "volume_id_from_title", "roman_to_int"]

_TITLE = re.compile(
    r"^FOREIGN RELATIONS OF THE UNITED STATES,\s*(?P<y1>\d{4})(?:\s*[-–]\s*(?P<y2>\d{2,4}))?,\s*"
    r"VOLUME\s+(?P<vol>E[-–]?\d+|[IVXLC]+|\d+)(?:,\s*PART\s+(?P<part>\d+|[IVXLC]+))?(?:,\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
# Numbers are bounded (int() refuses strings of over 4,300 digits): a longer run is not a heading, mark or note.
_HEADING = re.compile(r"^(?P<n>\d{1,9}[A-Za-z]?)\.\s+(?P<rest>\S.*)$")
_PAGE = re.compile(r"\[\\?\[?Page\s+(?P<n>[0-9]+|[ivxlcdm]+)\\?\]?\](?:\([^)\s]*\))?", re.IGNORECASE)
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARK = re.compile(f"[{_SUPERSCRIPT}]{{1,6}}")
_FOOTNOTE = re.compile(r"^(?P<n>\d{1,6})\.\s+(?P<text>.*?)\s*↵?\s*$")


def roman_to_int(roman: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(roman.upper()):
        v = values[ch]
        total += -v if i + 1 < len(roman) and values[roman[i + 1].upper()] > v else v
    return total


def volume_id_from_title(line: str) -> tuple[str, str] | None:
    """'FOREIGN RELATIONS OF THE UNITED STATES, 1981-1988, VOLUME XLI, GLOBAL ISSUES II' -> ('frus1981-88v41', title)."""
    m = _TITLE.match(line.strip())
    if not m:
        return None
    vid = f"frus{m.group('y1')}"
    if m.group("y2"):
        vid += "-" + m.group("y2")[-2:]
    vol = m.group("vol").upper().replace("–", "-")
    if vol.startswith("E"):
        vid += f"ve{int(vol.lstrip('E-')):02d}"
    else:
        vid += f"v{int(vol) if vol.isdigit() else roman_to_int(vol):02d}"
    if m.group("part"):
        part = m.group("part")
        vid += f"p{int(part) if part.isdigit() else roman_to_int(part)}"
    years = m.group("y1") + (f"–{m.group('y2') if len(m.group('y2')) == 4 else m.group('y1')[:2] + m.group('y2')}" if m.group("y2") else "")
    title = f"Foreign Relations of the United States, {years}, Volume {m.group('vol')}"
    if m.group("part"):
        title += f", Part {m.group('part')}"
    if m.group("rest"):
        title += ", " + m.group("rest").strip().title().replace("Ii", "II").replace("Iii", "III")
    return vid, title


@dataclass
class _Builder:
    """Accumulates the record text, turning page markers into page starts and note marks into anchors."""
    parts: list[str] = field(default_factory=list)
    length: int = 0
    page_starts: list[tuple[int, str]] = field(default_factory=list)
    anchors: list[tuple[int, str]] = field(default_factory=list)

    def add(self, raw: str) -> Span:
        start = self.length
        out: list[str] = []
        here = start
        pos = 0
        tokens = sorted([(m.start(), m.end(), "page", m.group("n")) for m in _PAGE.finditer(raw)]
                        + [(m.start(), m.end(), "mark", m.group(0)) for m in _MARK.finditer(raw)])
        for s, e, kind, value in tokens:
            if s < pos:
                continue
            out.append(raw[pos:s])
            here += s - pos
            if kind == "page":
                if out and out[-1].endswith(" ") and raw[e:e + 1] in (" ", ""):
                    e += 1
                self.page_starts.append((here, value))
            else:
                number = str(int(value.translate(str.maketrans(_SUPERSCRIPT, "0123456789"))))
                self.anchors.append((here, number))
            pos = e
        out.append(raw[pos:])
        text = "".join(out)
        self.parts.append(text)
        self.length += len(text)
        return Span(start, self.length)

    def sep(self, s: str = "\n\n") -> None:
        self.parts.append(s)
        self.length += len(s)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _first_page_guess(lines: list[str]) -> str | None:
    for line in lines:
        m = _PAGE.search(line)
        if m and m.group("n").isdigit():
            return str(int(m.group("n")) - 1)
    return None


def _split_footnotes(lines: list[str]) -> tuple[list[str], list[tuple[str, str, int]]]:
    """Split the trailing numbered footnotes (1., 2., … ↵) off the body lines."""
    notes: list[tuple[str, str, int]] = []
    i = len(lines)
    while i > 0:
        line = lines[i - 1]
        if not line.strip():
            i -= 1
            continue
        m = _FOOTNOTE.match(line.strip())
        if not m or (notes and int(m.group("n")) != int(notes[-1][0]) - 1):
            break
        notes.append((m.group("n"), m.group("text"), i))
        i -= 1
    notes.reverse()
    if notes and notes[0][0] != "1":
        return lines, []
    return lines[:i], notes


def parse_text_document(raw: str, source: str = "<text>") -> DocumentRecord:
    """One document copy as a record: the series line names the volume; heading, dateline, subject, body and
    footnotes are laid end to end in the record's text, in that order. Raises SourceError naming the line."""
    lines = _lines_of(raw, source)
    title_at = _series_line(lines, source)
    vid, vtitle = volume_id_from_title(lines[title_at])
    b = _Builder()
    i, number, heading_span = _heading(lines, _next_nonblank(lines, title_at + 1), b, source)
    front = _Front()
    i = _subject(lines, _dateline(lines, _next_nonblank(lines, i), b, front), b, front)
    body_span, footnotes = _body_and_notes(lines[i:], b, source)
    text = b.text
    body_end = footnotes[0].start if footnotes else len(text)
    record = DocumentRecord(
        volume=VolumeRecord(id=vid, title=vtitle, printed_names=printed_names(text)), doc_id=f"d{number}", number=number,
        heading=text[heading_span.start:heading_span.end], text=text, source=source,
        genre=genre_of(text[heading_span.start:heading_span.end]), subject=front.subject, date=front.date,
        date_basis=front.date_basis, place=front.place, place_span=front.place_span,
        is_editorial_note=front.is_editorial, pages=_pages(lines, b, body_end, source), footnotes=footnotes,
        body_start=body_span.start, body_end=body_end,
    )
    _add_source_note_and_parties(record, heading_span)
    return record


@dataclass
class _Front:
    """What the dateline and the SUBJECT lines after the heading say (an editorial note has no dateline)."""
    date: str | None = None
    date_basis: str | None = None
    place: str | None = None
    place_span: Span | None = None
    is_editorial: bool = True
    subject: str | None = None


def _lines_of(raw: str, source: str) -> list[str]:
    if not raw.strip():
        raise SourceError(source, "empty file: expected a history.state.gov document copy")
    return raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _next_nonblank(lines: list[str], j: int) -> int:
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


def _series_line(lines: list[str], source: str) -> int:
    """The index of the 'FOREIGN RELATIONS OF THE UNITED STATES, …' line, which names the volume."""
    title_at = next((i for i, line in enumerate(lines) if _TITLE.match(line.strip())), None)
    if title_at is None:
        raise SourceError(source, "no series line 'FOREIGN RELATIONS OF THE UNITED STATES, <years>, VOLUME <n>' "
                                  "found: not a history.state.gov document copy", line=1, column=1)
    return title_at


def _heading(lines: list[str], i: int, b: _Builder, source: str) -> tuple[int, str, Span]:
    """(the next line, the document's number, the heading's span in the text) for the heading at line i."""
    heading_match = _HEADING.match(lines[i].strip()) if i < len(lines) else None
    if not heading_match:
        raise SourceError(source, "expected a numbered document heading such as '54. Memorandum From …'",
                          line=i + 1, column=1)
    return i + 1, heading_match.group("n"), b.add(lines[i].strip())


def _dateline(lines: list[str], i: int, b: _Builder, front: _Front) -> int:
    """Reads the dateline at line i, if it is one, into `front`; returns the next nonblank line."""
    if i >= len(lines):
        return i
    dl = parse_dateline(lines[i].strip())
    if not dl or len(lines[i].strip()) >= 120:
        return i
    b.sep()
    span = b.add(lines[i].strip())
    front.date, front.date_basis, front.place, front.is_editorial = dl.date, dl.refused, dl.place, False
    if dl.place_span:
        front.place_span = Span(span.start + dl.place_span[0], span.start + dl.place_span[1])
    return _next_nonblank(lines, i + 1)


def _subject(lines: list[str], i: int, b: _Builder, front: _Front) -> int:
    """Reads a 'SUBJECT' line and the paragraph after it, if line i is one; returns where the body starts."""
    if i >= len(lines) or lines[i].strip().upper() != "SUBJECT":
        return i
    j = _next_nonblank(lines, i + 1)
    k = j
    while k < len(lines) and lines[k].strip():
        k += 1
    front.subject = " ".join(line.strip() for line in lines[j:k])
    b.sep()
    b.add("SUBJECT")
    b.sep()
    b.add(front.subject)
    return _next_nonblank(lines, k)


def _body_and_notes(lines: list[str], b: _Builder, source: str) -> tuple[Span, list[Footnote]]:
    """Adds the body, then the trailing numbered footnotes; every footnote must have its mark in the text."""
    body_lines, notes = _split_footnotes(lines)
    while body_lines and not body_lines[-1].strip():
        body_lines.pop()
    b.sep()
    body_span = b.add("\n".join(line.rstrip() for line in body_lines))
    footnotes: list[Footnote] = []
    anchors = {n: off for off, n in b.anchors}
    for n, note_text, _ in notes:
        b.sep("\n\n" if n == "1" else "\n")
        span = b.add(f"{n}. {note_text}")
        footnotes.append(Footnote(number=n, start=span.start, end=span.end, anchor=anchors.get(n), is_source=n == "1"))
    if notes and len(anchors) < len(notes):
        missing = [n for n, *_ in notes if n not in anchors]
        raise SourceError(source, f"footnote(s) {', '.join(missing)} have no mark (¹²³…) in the text")
    return body_span, footnotes


def _pages(lines: list[str], b: _Builder, body_end: int, source: str) -> list[Page]:
    """Every offset of heading and body has a page: the first is the page before the first marker."""
    first_page = _first_page_guess(lines)
    if first_page is None:
        raise SourceError(source, "no page marker such as '[Page 168]' found: pages cannot be assigned")
    starts = [(0, first_page)] + [(s, n) for s, n in b.page_starts if s > 0]
    pages = []
    for k, (s, n) in enumerate(starts):
        e = starts[k + 1][0] if k + 1 < len(starts) else body_end
        pages.append(Page(number=n, start=s, end=max(e, s)))
    return pages


def _add_source_note_and_parties(record: DocumentRecord, heading_span: Span) -> None:
    source_note = next((f for f in record.footnotes if f.is_source), None)
    if source_note is not None:
        record.source_note = parse_source_note(record.text[source_note.start:source_note.end])
    for p in parties_of(record.heading):
        record.parties.append(Party(role=p.role, name=p.name, office=p.office,
                                    start=heading_span.start + p.start, end=heading_span.start + p.end))


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, refused unread when the file is over the document size bound."""
    try:
        with open_input(str(path)) as f:
            size = os.fstat(f.fileno()).st_size
            data = b"" if size_problem(size, "file") else f.read(max_document_bytes() + 1)
    except OSError as exc:
        raise SourceError(str(path), f"cannot read: {exc.strerror or exc}") from None
    problem = size_problem(max(size, len(data)), "file")
    if problem:
        raise SourceError(str(path), problem)
    return data


def read_text_document(path: str | Path) -> DocumentRecord:
    path = Path(path)
    data = _read_bounded(path)
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise SourceError(str(path), f"not UTF-8 text (byte 0x{data[exc.start]:02x})", line=line, column=column) from None
    return parse_text_document(raw, source=str(path))
