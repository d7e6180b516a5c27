"""Reader for plain-text copies of history.state.gov document pages (the sample memo's format).

Layout read: the series line ("FOREIGN RELATIONS OF THE UNITED STATES, 1981-1988, VOLUME XLI, …"),
the numbered heading, the dateline, SUBJECT, the body with page markers ("[Page 168]" or the
Markdown-escaped "[\\[Page 170\\]](#)") and footnote marks (¹²³), and the footnotes at the end.
The record's text is heading, dateline, subject, body and footnotes with markers and marks removed,
so that offsets are stable and every offset has a page.
"""
from __future__ import annotations

import calendar
import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .heading import MONTHS, genre_of, parse_dateline, parties_of
from .limits import max_document_bytes, open_input, size_problem
from .printed_names import printed_names
from .records import DocumentRecord, Footnote, Page, Party, Span, VolumeRecord
from .source_note import parse_source_note

__all__ = ["read_text_document", "parse_text_document", "volume_id_from_title", "roman_to_int"]

# The volume number follows the years (1961 on: "…, 1981-1988, VOLUME XLI, GLOBAL ISSUES II") or the subject (before
# 1961: "…, 1949, THE FAR EAST AND AUSTRALASIA, VOLUME VII, PART 1"; "1952–1954. CHINA AND JAPAN (IN TWO PARTS): VOLUME …").
_TITLE = re.compile(
    r"^FOREIGN RELATIONS OF THE UNITED STATES,\s*(?P<y1>\d{4})(?:\s*[-–]\s*(?P<y2>\d{2,4}))?[,.]\s*"
    r"(?:(?P<pre>\S.*?)[,:.]?\s+)?"
    r"VOLUME\s+(?P<vol>E[-–]?\d+|[IVXLC]+|\d+)(?:,\s*PART\s+(?P<part>\d+|[IVXLC]+))?(?:,\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
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
    subject = m.group("pre") or m.group("rest")
    if subject:
        title = (f"Foreign Relations of the United States, {years}, {_title_case(subject)}, Volume {m.group('vol')}"
                 + (f", Part {m.group('part')}" if m.group("part") else "")) if m.group("pre") else \
            f"{title}, {_title_case(subject)}"
    return vid, title


def _title_case(words: str) -> str:
    """'GLOBAL ISSUES II' -> 'Global Issues II'; 'ARMS CONTROL AND DISARMAMENT' -> 'Arms Control and Disarmament'."""
    out = []
    for k, w in enumerate(words.strip().split()):
        if re.fullmatch(r"[IVXLC]+[,;:]?", w, re.IGNORECASE) and len(w.strip(",;:")) > 1:
            out.append(w.upper())
        elif k and w.lower() in _SMALL_WORDS:
            out.append(w.lower())
        else:
            out.append(re.sub(r"[A-Za-z’']+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), w))
    return " ".join(out)


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

    def trim_end(self) -> int:
        """Drop the spaces that marks removed at the end leave ("2131Z ¹" -> "2131Z"); returns the new length."""
        kept = self.parts[-1].rstrip()
        cut = len(self.parts[-1]) - len(kept)
        self.parts[-1] = kept
        self.length -= cut
        self.anchors = [(min(at, self.length), n) for at, n in self.anchors]
        return self.length

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


def _split_footnotes(lines: list[str], marked: set[str] = frozenset()) -> tuple[list[str], list[tuple[str, str, int]]]:
    """Split the trailing numbered footnotes off the body lines: from the last line "0." (a source note numbered 0,
    1958–1963) or "1." from which the notes run on by one to the end, each with its mark (⁰¹²…) in the text above;
    unnumbered lines among them are a note's further paragraphs. Without such a run, the trailing lines numbered
    1., 2., … (marks or not: `_body_and_notes` names the missing ones). `marked`: the marks of the heading."""
    numbered = [(k, m) for k, line in enumerate(lines) if (m := _FOOTNOTE.match(line.strip()))]
    longest = None           # the longest run: "0." (the source note) before "1." belongs to it
    for at, (k, m) in reversed(list(enumerate(numbered))):
        if m.group("n") not in ("0", "1"):
            continue
        run = numbered[at:]
        first = int(m.group("n"))
        marks = set(marked) | {str(int(x.group(0).translate(str.maketrans(_SUPERSCRIPT, "0123456789"))))
                               for line in lines[:k] for x in _MARK.finditer(line)}
        if all(int(mm.group("n")) == first + j and mm.group("n") in marks for j, (_, mm) in enumerate(run)):
            longest = run
    if longest:
        notes = []
        for j, (kk, mm) in enumerate(longest):
            end = longest[j + 1][0] if j + 1 < len(longest) else len(lines)
            more = [line.strip().rstrip("↵").rstrip() for line in lines[kk + 1:end] if line.strip()]
            notes.append((mm.group("n"), "\n".join([mm.group("text"), *more]), kk))
        return lines[:longest[0][0]], notes
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
    heading_at, first_page, inline_source = _above_heading(lines, _next_nonblank(lines, title_at + 1), source)
    i, number, heading_span = _heading(lines, heading_at, b, source)
    _one_document(lines, i, source)
    front = _Front()
    i = _subject(lines, _dateline(lines, _next_nonblank(lines, i), b, front), b, front)
    body_span, footnotes = _body_and_notes(lines[i:], b, source, inline_source, heading_span)
    if b.anchors and not any(f.number != "source" for f in footnotes):
        first = next(k for k, line in enumerate(lines) if _MARK.search(line))
        raise SourceError(source, "the text has footnote marks (¹²³…) but no numbered footnotes at its end: the copy "
                                  "lost its notes, which hold the source note", line=first + 1, column=1)
    text = b.text
    body_end = footnotes[0].start if footnotes else len(text)
    record = DocumentRecord(
        volume=VolumeRecord(id=vid, title=vtitle, printed_names=printed_names(text)), doc_id=f"d{number}", number=number,
        heading=text[heading_span.start:heading_span.end], text=text, source=source,
        genre=genre_of(text[heading_span.start:heading_span.end]), subject=front.subject, date=front.date,
        date_max=front.date_max, date_basis=front.date_basis, place=front.place, place_span=front.place_span,
        is_editorial_note=front.is_editorial, pages=_pages(lines, b, body_end, first_page, heading_span),
        footnotes=footnotes,
        body_start=body_span.start, body_end=body_end,
    )
    _add_source_note_and_parties(record, heading_span)
    return record


@dataclass
class _Front:
    """What the dateline and the SUBJECT lines after the heading say (an editorial note has no dateline)."""
    date: str | None = None
    date_max: str | None = None
    date_basis: str | None = None
    place: str | None = None
    place_span: Span | None = None
    is_editorial: bool = True
    subject: str | None = None


def _lines_of(raw: str, source: str) -> list[str]:
    if not raw.strip():
        raise SourceError(source, f"{'file holds only whitespace' if raw else 'empty file'}: expected a history.state.gov "
                                  "document copy")
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


_ABOVE_HEADING = 4      # lines a copy may print between the series line and the heading


def _above_heading(lines: list[str], i: int, source: str) -> tuple[int, str | None, str | None]:
    """(the heading's line, the page a '[Page 7]' above it names, the source note printed above it). The 1940s–50s
    volumes print the file number there ("501.BC Indonesia/1–549: Telegram"), as the TEI's inline source note."""
    page, printed = None, []
    k = i
    while k < len(lines) and not _HEADING.match(lines[k].strip()):
        line = lines[k].strip()
        marker = _PAGE.fullmatch(line)
        if marker:
            page = marker.group("n")
        elif line and line.upper() != "OFFICE OF THE HISTORIAN":
            printed.append(line)
        if len(printed) > _ABOVE_HEADING or _TITLE.match(line):
            break
        k += 1
    if k >= len(lines) or not _HEADING.match(lines[k].strip()):
        raise SourceError(source, "expected a numbered document heading such as '54. Memorandum From …'",
                          line=i + 1, column=1)
    return k, page, " ".join(printed) or None


def _heading(lines: list[str], i: int, b: _Builder, source: str) -> tuple[int, str, Span]:
    """(the next line, the document's number, the heading's span in the text) for the heading at line i."""
    heading_match = _HEADING.match(lines[i].strip()) if i < len(lines) else None
    if not heading_match:
        raise SourceError(source, "expected a numbered document heading such as '54. Memorandum From …'",
                          line=i + 1, column=1)
    span = b.add(lines[i].strip())
    return i + 1, heading_match.group("n"), Span(span.start, b.trim_end())    # "…, 2131Z ¹ ²": no space kept


def _one_document(lines: list[str], i: int, source: str) -> None:
    """A file holds one document: a second series line, or after the first document's source note a line that
    breaks the run of footnote numbers and reads as a heading ("79. Editorial Note" after note 4), is a second
    document, refused where it starts."""
    note = None              # the number of the last footnote read, from the source note on
    for k in range(i, len(lines)):
        line = lines[k].strip()
        numbered = _HEADING.match(line)
        if note is None and re.match(r"^\d{1,3}\.\s+Source:", line):
            note = int(numbered.group("n"))
        elif note is not None and numbered and numbered.group("n").isdigit():
            if int(numbered.group("n")) == note + 1:
                note += 1
                continue
            if genre_of(numbered.group("rest")):
                raise SourceError(source, "a second document starts here: a file holds one document copy; save each "
                                          "document in a file of its own", line=k + 1, column=1)
        if _TITLE.match(line):
            raise SourceError(source, "a second document starts here: a file holds one document copy; save each "
                                      "document in a file of its own", line=k + 1, column=1)


_MONTH_ONLY = re.compile(r"^(?P<place>[^,\d]{2,60}),\s+(?P<month>January|February|March|April|May|June|July|August|"
                         r"September|October|November|December),?\s+(?P<year>\d{4})\.?$")
_UNDATED = re.compile(r"^(?P<place>[^,\d]{2,60}),\s+undated\.?$", re.IGNORECASE)
_LOCAL_TIME = re.compile(r"[—–-]\s*(?:(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<half>[ap])\.\s*m\.|(?P<noon>noon)|(?P<midnight>midnight))",
                         re.IGNORECASE)


def _dateline(lines: list[str], i: int, b: _Builder, front: _Front) -> int:
    """Reads the dateline at line i, if it is one, into `front`; returns the next nonblank line. A page marker alone
    on the line before it ("[Page 1]" in the e-book volumes) starts the page there."""
    if i < len(lines) and _PAGE.fullmatch(lines[i].strip()):
        b.page_starts.append((b.length, _PAGE.fullmatch(lines[i].strip()).group("n")))
        i = _next_nonblank(lines, i + 1)
    if i >= len(lines) or len(lines[i].strip()) >= 120:
        return i
    line = lines[i].strip()
    dl = parse_dateline(line)
    month, undated = _MONTH_ONLY.match(line), _UNDATED.match(line)
    if not dl and not month and not undated:
        return i
    b.sep()
    span = b.add(line)
    front.is_editorial = False
    if dl:
        front.date, front.date_basis = _with_local_time(dl.date, line), dl.refused
        place_span = dl.place_span
        if dl.place and place_span:      # "[New York,]": the editors' brackets and comma are not the place's name
            name = dl.place.strip("[] ,\u00a0") or dl.place
            place_span = (place_span[0] + dl.place.index(name), place_span[0] + dl.place.index(name) + len(name))
            front.place = name
    else:
        got = month or undated
        front.place = got.group("place").strip()
        place_span = (got.start("place"), got.start("place") + len(front.place))
        if month:
            n = MONTHS[month.group("month").lower()]
            front.date = f"{month.group('year')}-{n:02d}-01"
            front.date_max = f"{month.group('year')}-{n:02d}-{calendar.monthrange(int(month.group('year')), n)[1]:02d}"
            front.date_basis = "the dateline prints the month only"
        else:
            front.date_basis = "the dateline prints 'undated'"
    if place_span:
        front.place_span = Span(span.start + place_span[0], span.start + place_span[1])
    return _next_nonblank(lines, i + 1)


def _with_local_time(date: str | None, line: str) -> str | None:
    """'July 30, 1948—7 p. m.': the local time the dateline prints, as the TEI's @when gives it (no zone)."""
    m = _LOCAL_TIME.search(line)
    if not date or "T" in date or not m:
        return date
    if m.group("noon") or m.group("midnight"):
        hour, minute = (12, 0) if m.group("noon") else (0, 0)
    else:
        hour, minute = int(m.group("h")) % 12 + (12 if m.group("half").lower() == "p" else 0), int(m.group("m") or 0)
    return f"{date}T{hour:02d}:{minute:02d}:00" if hour < 24 and minute < 60 else date


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


def _body_and_notes(lines: list[str], b: _Builder, source: str, inline_source: str | None = None,
                    heading: Span | None = None) -> tuple[Span, list[Footnote]]:
    """Adds the body, then the source note printed above the heading, then the trailing numbered footnotes; every
    footnote must have its mark in the text. The source note is the one above the heading, else the note whose mark
    is on the heading or that begins "Source:" (footnote 1 of a 1948 volume is an ordinary note)."""
    body_lines, notes = _split_footnotes(lines, {n for _, n in b.anchors})
    while body_lines and not body_lines[-1].strip():
        body_lines.pop()
    b.sep()
    body_span = b.add("\n".join(line.rstrip() for line in body_lines))
    footnotes: list[Footnote] = []
    if inline_source:
        b.sep()
        span = b.add(inline_source)
        footnotes.append(Footnote(number="source", start=span.start, end=span.end, anchor=None, is_source=True))
    anchors = {n: off for off, n in b.anchors}
    for k, (n, note_text, _) in enumerate(notes):
        b.sep("\n\n" if k == 0 and not inline_source else "\n")
        span = b.add(f"{n}. {note_text}")
        anchor = anchors.get(n)
        is_source = not inline_source and not any(f.is_source for f in footnotes) and (
            note_text.startswith("Source:") or (anchor is not None and heading is not None and heading.start <= anchor <= heading.end))
        footnotes.append(Footnote(number=n, start=span.start, end=span.end, anchor=anchor, is_source=is_source))
    if notes and any(n not in anchors for n, *_ in notes):
        missing = [n for n, *_ in notes if n not in anchors]
        raise SourceError(source, f"footnote(s) {', '.join(missing)} have no mark (¹²³…) in the text",
                          line=notes[0][2] + 1, column=1)
    return body_span, footnotes


UNKNOWN_PAGE = "unknown"


def _pages(lines: list[str], b: _Builder, body_end: int, first_page: str | None = None,
           heading: Span | None = None) -> list[Page]:
    """Every offset of heading and body has a page: the page a marker above the heading names; else the page of a
    marker that only the heading precedes; else the page before the first marker; else, in a copy of a document
    printed on one page (the website shows no marker inside it), the page is not known: "unknown"."""
    marked = [(s, n) for s, n in b.page_starts if s > 0]
    if first_page is None and marked and heading is not None and marked[0][0] <= heading.end + 2:
        first_page = marked.pop(0)[1]
    first_page = first_page or _first_page_guess(lines) or UNKNOWN_PAGE
    starts = [(0, first_page)] + marked
    pages = []
    for k, (s, n) in enumerate(starts):
        e = starts[k + 1][0] if k + 1 < len(starts) else body_end
        pages.append(Page(number=n, start=s, end=max(e, s)))
    return pages


def _add_source_note_and_parties(record: DocumentRecord, heading_span: Span) -> None:
    source_note = next((f for f in record.footnotes if f.is_source), None)
    if source_note is not None:
        record.source_note = parse_source_note(record.text[source_note.start:source_note.end],
                                               inline=source_note.number == "source")
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
    return parse_text_document(_utf8_text(_read_bounded(path), str(path)), source=str(path))


def _utf8_text(data: bytes, source: str) -> str:
    """The copy's text. Any other encoding is refused at its place, saying which it looks like and what to do, where a
    copy saved as "Unicode" by Windows Notepad (UTF-16) was refused as "not UTF-8 text (byte 0xff)" and nothing more."""
    nul = 0 if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else data.find(b"\x00", 0, 4096)
    if nul >= 0:
        raise SourceError(source, "not UTF-8 text: NUL bytes (0x00), as in UTF-16 or UTF-32 text (what Windows Notepad "
                                  "saves as 'Unicode') or a file that is no text; save the copy as UTF-8",
                          *_line_and_column(data, nul))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(source, f"not UTF-8 text (byte 0x{data[exc.start]:02x}, perhaps Latin-1 or Windows-1252): "
                                  f"save the copy as UTF-8", *_line_and_column(data, exc.start)) from None


def _line_and_column(data: bytes, at: int) -> tuple[int, int]:
    before = data[:at]
    return before.count(b"\n") + 1, at - (before.rfind(b"\n") + 1) + 1
