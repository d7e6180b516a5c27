"""Reader for FRUS TEI: whole volumes (.xml, .xml.gz) and single-document TEI files.

Both encodings are read: the 2015 files in the corpus (dateline directly in the document div,
source note as `note type="source"` or as the first untyped note of the head, or an inline
`note rend="inline" type="source"` above the head in the 1940s volumes) and today's HistoryAtState
files (`opener/dateline`, `subtype="historical-document"`, `frus:doc-dateTime-min/max` with time
zones, `seg type="source"` inside the source note, hyphenated title types).

The volume is streamed (lxml pull parser, secure settings, see `secure_xml`): each document div is
turned into a `DocumentRecord` when it ends and is then cleared, so memory stays bounded by the
chunk being parsed plus the header, whatever the size of the volume. A document that cannot be
turned into a record is reported as a SourceError naming the document and its line, and the
others are still read.

Dates. Shapes allow only xsd:date and xsd:dateTime, so a partial date ("1969-01", "1969") becomes a
range: `date` is its first day and `date_max` its last; `from`/`to` and `notBefore`/`notAfter` become
`date`/`date_max` likewise. A `@when` time without zone is local time, kept without zone, unless the
printed date gives the same time in Zulu ("1448Z"), which makes it UTC. Today's
`frus:doc-dateTime-min/max` (with zone) win over the dateline when present. A document printed as
"undated" gets the range between the dated documents the editors placed around it in its chapter
(FRUS orders a chapter by date); `date_basis` says so. When there is no such pair it stays undated,
and `date_basis` says that instead (the document is kept: its date is unknown, not wrong). Documents
without a dateline whose heading prints the date ("Memorandum of Conversation, Washington, January
18, 1955") are dated (and placed) by their heading.

Editorial notes. A document is an editorial note when its `subtype` says so, or (2015 files, no
subtype) when it has no dateline and its heading says "Editorial Note", or when it has no dateline, no
date can be read from its heading and it has no paragraph (a microfiche supplement's entry). An undated
document with a text ("Memorandum From … to President Ford, Washington, undated.", "The British Embassy to
the Department of State") is a historical document: 62 of them in the 99 volumes had been read as notes.

Pages. A document starts on the page of the last `pb` before it in the volume; a `pb` inside a
footnote starts its page at the note's mark. Microfiche supplements, which have no printed pages,
get their first fiche frame ("fiche 3, frame 1") as their one page.
"""
from __future__ import annotations

import calendar
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from lxml import etree

from ontology import iris

from .errors import IngestError, SourceError, SourceNotice
from .date_order import DateOrder
from .dates import DateRefused, check_day, check_range
from .heading import genre_of, parse_dateline, parties_of, posts_of, sender_range
from .limits import size_problem
from .printed_names import printed_names_in_file
from .records import DocumentRecord, Footnote, ListEntry, Mention, Page, Party, SourceNote, Span, VolumeRecord
from .records import SubjectTerm
from .secure_xml import xml_events
from .source_note import parse_source_note
from .calendar_entries import entry_parties, section_date
from .tei_text import FRUS_NS, TEI, RenderedDocument, plain, render_document

__all__ = ["read_tei", "volume_metadata", "document_dates", "ErrorHandler"]

ErrorHandler = Callable[[SourceError], None]

_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_ROOT = TEI + "TEI"
_HEADER = TEI + "teiHeader"
_FRONT = TEI + "front"
_DIV = TEI + "div"
_PB = TEI + "pb"
_ITEM = TEI + "item"
_PERSNAME = TEI + "persName"
_TERM = TEI + "term"
_GLOSS = TEI + "gloss"
_EVENT_TAGS = (_ROOT, _HEADER, _FRONT, _DIV, _PB)
_MIN_ATTRS = tuple(f"{{{ns}}}doc-dateTime-min" for ns in FRUS_NS)
_MAX_ATTRS = tuple(f"{{{ns}}}doc-dateTime-max" for ns in FRUS_NS)
_PLACES_SCHEME = "https://history.state.gov/tags/places"
_SUBJECTS_SCHEME = "frus-subject-taxonomy"

_ISO = re.compile(r"^(?P<y>\d{4,})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}(?:\.\d+)?))?"
                  r"(?P<z>Z|[+-]\d{2}:\d{2})?)?)?)?$")
_ZULU = re.compile(r"\b(?P<hhmm>\d{4})\s*(?:Z\b|GMT\b|Zulu\b|z\b)")
_VOLUME_FROM_NAME = re.compile(r"^(?P<vol>frus[\w-]+?)(?:[-_.](?P<doc>d\d+[a-z]?))?$", re.IGNORECASE)
_EDITORIAL = re.compile(r"\bEditorial\s+Note\b", re.IGNORECASE)
_PARTIAL = re.compile(r"\s*\d{4}(?:-\d{2})?\s*")
_ZONED = re.compile(r"(Z|[+-]\d{2}:\d{2})$")
_NUMBER_PREFIX = re.compile(r"^\s*(\d+[A-Za-z]?)\.\s*")
_HEADING_PLACE = re.compile(
    r",\s+(?P<place>(?:[A-Z][\w.’'-]*)(?:\s+[A-Z][\w.’'-]*){0,2}),\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+\d{1,2},?\s+\d{4}")
_VOLUME_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_FICHE = re.compile(r"^(\d+)/(\d+)\.\w+$")
# what a document's content can make the reader raise: refused dates, limits, text it cannot use
# (ValueError, UnicodeError among them). Anything else (TypeError, KeyError…) is a bug and is raised.
_DATA_ERRORS = (ValueError, IngestError)


# --------------------------------------------------------------------------------- dates

def _iso(value: str | None, *, end: bool = False) -> str | None:
    """A valid xsd:date or xsd:dateTime for an ISO value; partial dates widen to their first (or last) day.

    None when the value is not ISO-shaped; DateRefused when it is, but names no plausible day or time.
    """
    if not value:
        return None
    m = _ISO.match(value.strip())
    if not m:
        return None
    mo = int(m["m"]) if m["m"] else (12 if end else 1)
    try:
        check_day(m["y"], mo, int(m["d"] or 1))
    except DateRefused as exc:
        raise DateRefused(f"the source gives '{value.strip()[:40]}', but {exc}") from None
    d = int(m["d"]) if m["d"] else (calendar.monthrange(int(m["y"]), mo)[1] if end else 1)
    day = f"{m['y']}-{mo:02d}-{d:02d}"
    if m["H"] is None:
        return day
    hh, mm = int(m["H"]), int(m["M"])
    ss = m["S"] or "00"
    if hh > 24 or mm > 59 or float(ss) >= 60 or (hh == 24 and (mm or float(ss))):
        raise DateRefused(f"the source gives '{value.strip()[:40]}', but {hh:02d}:{mm:02d}:{ss} is not a time of day")
    return f"{day}T{hh:02d}:{mm:02d}:{ss if len(ss) >= 2 else ss.zfill(2)}{m['z'] or ''}"


def _is_partial(value: str) -> bool:
    return bool(_PARTIAL.fullmatch(value))


def _range(lo: str | None, hi: str | None) -> str | None:
    """hi, or None when it is lo; DateRefused when the range runs backwards."""
    if lo and hi:
        check_range(lo, hi)
    return hi if lo and hi and hi != lo else None


def _from_frus_attributes(div: etree._Element) -> tuple[str, str | None, str] | None:
    for lo_attr, hi_attr in zip(_MIN_ATTRS, _MAX_ATTRS):
        lo = _iso(div.get(lo_attr))
        if lo:
            return lo, _range(lo, _iso(div.get(hi_attr), end=True)), "frus:doc-dateTime-min/max"
    return None


def _from_date_element(date_el: etree._Element) -> tuple[str, str | None, str] | None:
    when = date_el.get("when")
    lo = _iso(when)
    if lo:
        if _is_partial(when):
            return lo, _range(lo, _iso(when, end=True)), "partial date as a range"
        if "T" in lo and not _ZONED.search(lo):
            zulu = _ZULU.search(plain("".join(date_el.itertext())))
            if zulu and zulu["hhmm"] == lo[11:13] + lo[14:16]:
                lo += "Z"
        return lo, None, "dateline date/@when"
    lo = _iso(date_el.get("from") or date_el.get("notBefore"))
    hi = _iso(date_el.get("to") or date_el.get("notAfter"), end=True)
    if lo or hi:
        return (lo or hi), _range(lo, hi), "dateline date range"
    return None


def _from_text(text: str, how: str) -> tuple[str, None, str] | None:
    parsed = parse_dateline(text)
    if parsed and parsed.refused:
        raise DateRefused(parsed.refused)
    return (parsed.date, None, how) if parsed and parsed.date else None


def _from_section(div: etree._Element, heading: str) -> tuple[str, None, str] | None:
    parent = div.getparent()
    head = parent.find(f"{TEI}head") if parent is not None else None
    found = section_date(_NUMBER_PREFIX.sub("", heading), plain("".join(head.itertext())) if head is not None else None)
    return (found, None, "section heading") if found else None


def document_dates(div: etree._Element, date_el: etree._Element | None, dateline: str | None,
                   heading: str | None = None) -> tuple[str | None, str | None, str | None, str | None]:
    """(date, date_max, how, refused) of a document: from frus:doc-dateTime-min/max, the dateline's date, or the text.

    A source whose date is refused (no such day, outside 1700..2100, a backward range) gives way to the
    next; when none gives a date, `refused` says why the first refused one was (the document keeps no date).
    """
    sources = [lambda: _from_frus_attributes(div)]
    if date_el is not None:
        sources.append(lambda: _from_date_element(date_el))
    if dateline:
        sources.append(lambda: _from_text(dateline, "dateline text"))
    if heading:
        sources.append(lambda: _from_section(div, heading))
        sources.append(lambda: _from_text(_NUMBER_PREFIX.sub("", heading), "heading text"))
    refused = None
    for source in sources:
        try:
            found = source()
        except DateRefused as exc:
            message = str(exc)
            refused = refused or (message if message.startswith("date refused") else f"date refused: {message}")
            continue
        if found:
            return (*found, None)
    return None, None, None, refused


# --------------------------------------------------------------------------------- the volume

def _titles(header: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for t in header.iterfind(f"{TEI}fileDesc/{TEI}titleStmt/{TEI}title"):
        key = (t.get("type") or "").replace("-", "").lower()
        out.setdefault(key, plain("".join(t.itertext())))
    return out


def volume_metadata(header: etree._Element | None, root_id: str | None, path: Path) -> VolumeRecord:
    """Volume id, titles, editors, publication date and place keywords from the teiHeader."""
    titles = _titles(header) if header is not None else {}
    vid = root_id if root_id and root_id.lower().startswith("frus") else None
    if vid is None and header is not None:
        for idno in header.iterfind(f"{TEI}fileDesc/{TEI}publicationStmt/{TEI}idno"):
            if idno.get("type") == "frus" and (idno.text or "").strip():
                vid = idno.text.strip()
                break
        if vid is None:
            for bibl in header.iter(TEI + "bibl"):
                if bibl.get("type") == "frus-volume-id" and (bibl.text or "").strip():
                    vid = bibl.text.strip()
                    break
    if vid is None:
        stem = path.name
        for suffix in (".gz", ".xml", ".tei"):
            stem = stem[: -len(suffix)] if stem.lower().endswith(suffix) else stem
        m = _VOLUME_FROM_NAME.match(stem)
        if not m:
            raise SourceError(str(path), "no volume id: neither TEI/@xml:id, nor idno type='frus', nor a file "
                                         "name like frus1969-76v01.xml")
        vid = m["vol"]
    if not _VOLUME_ID.fullmatch(vid):
        raise SourceError(str(path), f"volume id {vid!r} cannot name a volume (expected e.g. frus1969-76v01)")
    editors: list[str] = []
    published = None
    places: list[str] = []
    if header is not None:
        for ed in header.iterfind(f"{TEI}fileDesc/{TEI}titleStmt/{TEI}editor"):
            name = plain("".join(ed.itertext()))
            if name and name not in editors:
                editors.append(name)
        for d in header.iterfind(f"{TEI}fileDesc/{TEI}publicationStmt/{TEI}date"):
            if d.get("type") in (None, "publication-date"):
                published = d.get("when") or plain("".join(d.itertext())) or None
                break
        for kw in header.iter(TEI + "keywords"):
            if kw.get("scheme") == _PLACES_SCHEME:
                places += [t.get(_XML_ID) or plain("".join(t.itertext())) for t in kw.iter(_TERM)]
    subjects = _subject_terms(header) if header is not None else ()
    return VolumeRecord(
        id=vid,
        title=titles.get("complete") or titles.get("") or vid,
        series=titles.get("series"), subseries=titles.get("subseries"),
        volume_number=titles.get("volumenumber"), volume_title=titles.get("volume"),
        editors=tuple(editors), published=published, places=tuple(p for p in places if p),
        header_subjects=subjects, printed_names=printed_names_in_file(path),
    )


def _subject_terms(header: etree._Element) -> tuple[SubjectTerm, ...]:
    """The header's FRUS subject taxonomy terms (today's per-document encoding), each with its LCSH IRI if mapped."""
    found: dict[str, SubjectTerm] = {}
    for kw in header.iter(TEI + "keywords"):
        if kw.get("scheme") == _SUBJECTS_SCHEME:
            for t in kw.iter(_TERM):
                label = plain("".join(t.itertext())) or (t.get("subject") or "").replace("-", " ")
                term = SubjectTerm(label, t.get("ref") or "", t.get("subject") or "", t.get("category") or "",
                                   t.get("subcategory") or "", (t.get("lcsh-uri") or "").strip(), t.get("lcsh-match") or "")
                if label:
                    found.setdefault(term.subject or term.ref or label, term)
    return tuple(found.values())


def _list_entries(div: etree._Element, kind: str) -> list[ListEntry]:
    """Entries of a persons or terms list: the xml:id'd name and the description after it."""
    tags = (_PERSNAME,) if kind == "person" else (_TERM, _GLOSS, _PERSNAME)
    entries: list[ListEntry] = []
    for item in div.iter(_ITEM):
        named = [e for e in item.iter(*tags) if e.get(_XML_ID)]
        if not named:
            continue
        full = plain("".join(t for t in _item_text(item)))
        for e in named:
            name = plain("".join(e.itertext())).rstrip(",;: ")
            at = full.find(name)
            rest = full[at + len(name):] if at >= 0 else ""
            description = rest.lstrip(" ,;:—–-").strip()
            entries.append(ListEntry(xml_id=e.get(_XML_ID), kind=kind, name=name, description=description))
    return entries


def _item_text(el: etree._Element) -> Iterator[str]:
    """Text of an element without footnotes or page breaks."""
    if el.text:
        yield el.text
    for child in el:
        if child.tag != TEI + "note":
            yield from _item_text(child)
        if child.tail:
            yield child.tail


# --------------------------------------------------------------------------------- a document

@dataclass
class _Context:
    path: Path
    volume: VolumeRecord
    persons: dict[str, ListEntry] = field(default_factory=dict)
    terms: dict[str, ListEntry] = field(default_factory=dict)
    markup: dict[tuple[str, str], tuple] = field(default_factory=dict)   # (span kind, ref) -> mention fields


_MARKUP = {"person": "persName", "term": "gloss", "signed": "signed"}
_MARK_NAMES = {"*": "asterisk", "†": "dagger", "‡": "double dagger", "§": "section sign", "¶": "pilcrow",
               "**": "double asterisk", "††": "double dagger", "‖": "parallel"}
_BASIS = {
    "partial date as a range": "the source gives only the month or year; dateCreated and dateMax are its first and last day",
    "heading text": "read from the heading (the document has no dateline)",
    "section heading": "read from the heading, which prints the day without its year, and the month and year of the "
                       "section it is filed in (a calendar entry of a microfiche supplement)",
}


def _entity(ctx: _Context, ref: str, kind: str) -> tuple[str, str, str | None]:
    """(entity IRI, xml:id, list label) for a reference such as '#p_KHA_1' or 'frus1969-76v02#p_KHA_1'."""
    volume, _, xml_id = ref.rpartition("#")
    volume = volume or ctx.volume.id
    make = iris.volume_person_iri if kind == "person" else iris.term_iri
    entry = None
    if volume == ctx.volume.id:
        entry = (ctx.persons if kind == "person" else ctx.terms).get(xml_id)
    return make(volume, xml_id), xml_id, (entry.name if entry else None)


def _layout(rendered: RenderedDocument) -> tuple[str, list[int], int]:
    """Main text, then the notes one per line; returns (text, base offset of each builder, body end)."""
    main = rendered.builders[0]
    parts = [main]
    length = len(main)
    bases = [0] * len(rendered.builders)
    first = True
    for note in rendered.notes:
        body = rendered.builders[note.builder]
        if not body:
            bases[note.builder] = -1
            continue
        sep = ("\n\n" if first else "\n") if length else ""
        prefix = f"{note.number}. " if note.number else ""
        parts.append(sep + prefix)
        length += len(sep) + len(prefix)
        bases[note.builder] = length
        parts.append(body)
        length += len(body)
        first = False
    return "".join(parts), bases, len(main)


def _slug(label: str) -> str:
    """iris.slug, fast for the usual page and note numbers ("168", "XIX")."""
    return label.lower() if label.isascii() and label.isalnum() else iris.slug(label)


def _pages(rendered: RenderedDocument, start_page: str | None, body_end: int) -> list[Page]:
    starts = ([(0, start_page)] if start_page else []) + sorted(rendered.pages, key=lambda p: p[0])
    if starts and starts[0][0] > 0 and start_page is None and starts[0][1].isdigit() and int(starts[0][1]) > 1:
        starts.insert(0, (0, str(int(starts[0][1]) - 1)))     # the text before the first break is on the page before
    merged: list[tuple[int, str]] = []
    seen: set[str] = set()
    for offset, number in starts:
        offset = min(offset, body_end)
        if merged and merged[-1][0] == offset:
            seen.discard(_slug(merged[-1][1]))
            merged.pop()                                       # an empty page: the later break wins
        if _slug(number) in seen:                          # pages are named by slug: a repeat continues it
            continue
        merged.append((offset, number))
        seen.add(_slug(number))
    pages = []
    for k, (offset, number) in enumerate(merged):
        end = merged[k + 1][0] if k + 1 < len(merged) else body_end
        pages.append(Page(number=number, start=offset, end=max(end, offset)))
    return pages


def _heading_place(heading: str) -> tuple[int, int] | None:
    """Where the place is in a heading that ends with place and date: the short capitalised piece before the date."""
    m = _HEADING_PLACE.search(heading)
    if not m:
        return None
    return m.start("place"), m.end("place")


def _fiche_pages(div: etree._Element, body_end: int) -> list[Page]:
    """Microfiche supplements have no printed pages: their locator is the first fiche frame
    (`<frus:file path="0003/0001.TIF"/>` is fiche 3, frame 1)."""
    for ns in FRUS_NS:
        for f in div.iter(f"{{{ns}}}file"):
            m = _FICHE.match(f.get("path") or "")
            if m:
                return [Page(number=f"fiche {int(m[1])}, frame {int(m[2])}", start=0, end=body_end)]
    return []


def _source_note_index(rendered: RenderedDocument) -> int | None:
    top = [i for i, n in enumerate(rendered.notes) if n.parent == 0]
    for i in top:
        if rendered.notes[i].type == "source":
            return i
    for i in top:
        if rendered.notes[i].has_source_seg:
            return i
    for i in top:                        # older files: the first untyped note of the head
        n = rendered.notes[i]
        if n.in_head and n.type is None:
            return i
        if n.in_head:
            break
    return None


class _Placeholder(ValueError):
    """No heading and no text: nothing of the source is lost by leaving it out (SourceNotice)."""


def _no_heading(div: etree._Element) -> str:
    """Why a document has no heading, with the editors' own note on it where the volume has one."""
    head = div.find(f"{TEI}head")
    what = "its <head> is empty" if head is not None else "no <head>"
    notes = [plain("".join(p.itertext())) for ns in FRUS_NS for p in div.iter(f"{{{ns}}}problem")]
    said = "; ".join(n for n in notes if n)
    return f"{what}: a FRUS document needs its heading" + (f" (the editors' note: {said!r})" if said else "")


def _document(ctx: _Context, div: etree._Element, start_page: str | None, line: int | None) -> DocumentRecord:
    """One document div as a record: its text and layout, then footnotes, dates, place, markup, parties."""
    doc_id = div.get(_XML_ID) or (f"d{div.get('n')}" if div.get("n") else None)
    if not doc_id:
        raise ValueError("document div has neither xml:id nor n")
    rendered = render_document(div)
    text, bases, body_end = _layout(rendered)
    too_large = size_problem(len(text.encode("utf-8")), "its text")
    if too_large:
        raise ValueError(too_large)
    heading_span = next((s for s in rendered.spans if s.kind == "heading"), None)
    if heading_span is None:
        raise (_Placeholder if not text.strip() else ValueError)(_no_heading(div))
    heading = text[heading_span.start:heading_span.end]
    number = div.get("n")
    if not number:
        printed = _NUMBER_PREFIX.match(heading)
        number = printed.group(1) if printed else doc_id.lstrip("d")
    footnotes, source_note = _footnotes(rendered, bases)
    date, date_max, how, basis, editorial = _dating(div, rendered, text, heading)
    place, place_at = _place(rendered, text, heading, heading_span, how)
    record = DocumentRecord(
        volume=ctx.volume, doc_id=doc_id, number=str(number), heading=heading, text=text,
        source=f"{ctx.path}:{line}" if line else str(ctx.path),
        genre=genre_of(heading), date=date, date_max=date_max, date_basis=basis,
        place=place, place_span=place_at, is_editorial_note=editorial,
        pages=_pages(rendered, start_page, body_end) or _fiche_pages(div, body_end),
        footnotes=footnotes, source_note=source_note,
        body_start=rendered.body_start if rendered.body_start is not None else (heading_span.end if text else 0),
        body_end=body_end,
    )
    record.subject = " ".join(text[s.start:s.end] for s in rendered.spans if s.kind == "subject") or None
    _markup_mentions(ctx, record, rendered, bases)
    _parties(ctx, record, rendered, heading_span)
    return record


def _footnotes(rendered: RenderedDocument, bases: list[int]) -> tuple[list[Footnote], SourceNote | None]:
    """The notes laid out after the text, each named by a unique slug-able label, and the source note."""
    footnotes: list[Footnote] = []
    used: set[str] = set()
    source_index = _source_note_index(rendered)
    source_note = None
    unnumbered = 0
    for i, note in enumerate(rendered.notes):
        base = bases[note.builder]
        if base < 0:
            continue
        body = rendered.builders[note.builder]
        start = base - (len(note.number) + 2 if note.number else 0)
        end = base + len(body)
        if note.number:
            label = note.number
        else:
            unnumbered += 1
            label = "source" if i == source_index else f"unnumbered-{unnumbered}"
        if _slug(label) == "x" and label not in ("x", "X"):
            label = f"{label} ({_MARK_NAMES.get(label, 'mark')})"   # "*", "†": the note's IRI needs a word
        unique, k = label, 1
        while _slug(unique) in used:   # notes are named by slug: "* (asterisk)" twice -> "… (2)"
            k += 1
            unique = f"{label} ({k})"
        used.add(_slug(unique))
        parent = bases[note.parent]
        anchor = (None if parent < 0 else parent + note.anchor) if note.rend != "inline" else None
        footnotes.append(Footnote(number=unique, start=start, end=end, anchor=anchor, is_source=i == source_index,
                                  xml_id=note.xml_id))
        if i == source_index:
            source_note = parse_source_note(body, inline=note.rend == "inline")
    return footnotes, source_note


def _dating(div: etree._Element, rendered: RenderedDocument, text: str,
            heading: str) -> tuple[str | None, str | None, str | None, str | None, bool]:
    """(date, date_max, how it was read, fk:dateBasis, is an editorial note)."""
    dateline_span = next((s for s in rendered.spans if s.kind == "dateline"), None)
    dateline_text = text[dateline_span.start:dateline_span.end] if dateline_span else None
    date_span = next((s for s in rendered.spans if s.kind == "date"), None)
    date_el = date_span.element if date_span else (
        rendered.dateline.find(f".//{TEI}date") if rendered.dateline is not None else None)
    subtype = div.get("subtype")
    has_dateline = rendered.dateline is not None
    date, date_max, how, refused = document_dates(
        div, date_el, dateline_text, heading if not has_dateline and not _EDITORIAL.search(heading) else None)
    if subtype == "editorial-note":
        editorial = True
    elif subtype == "historical-document":
        editorial = False
    else:
        editorial = not has_dateline and (bool(_EDITORIAL.search(heading)) or (date is None and div.find(f".//{TEI}p") is None))
    if editorial and not has_dateline and subtype != "editorial-note" and how == "heading text":
        date = date_max = None
    return date, date_max, how, (_BASIS.get(how) if date else refused), editorial


def _place(rendered: RenderedDocument, text: str, heading: str, heading_span, how: str | None) -> tuple:
    """(place, its Span): the dateline's placeName, else the heading's place when the date came from the
    heading, else the place printed in the dateline."""
    place_span = next((s for s in rendered.spans if s.kind == "place"), None)
    if place_span is not None:
        return text[place_span.start:place_span.end], Span(place_span.start, place_span.end)
    if how == "heading text":                    # "Memorandum of Discussion …, Washington, January 5, 1955"
        found = _heading_place(heading)
        if found:
            a = heading_span.start + found[0]
            return text[a:a + found[1] - found[0]], Span(a, a + found[1] - found[0])
        return None, None
    dateline_span = next((s for s in rendered.spans if s.kind == "dateline"), None)
    if dateline_span is not None:                 # no <placeName>: "Washington, January 5, 1961"
        printed = parse_dateline(text[dateline_span.start:dateline_span.end])
        if printed and printed.place and printed.place_span and len(printed.place) <= 60:
            a, b = printed.place_span
            place = printed.place.strip("[] ,")
            a += printed.place.index(place) if place in printed.place else 0
            if place:
                return place, Span(dateline_span.start + a, dateline_span.start + a + len(place))
    return None, None


def _markup_mentions(ctx: _Context, record: DocumentRecord, rendered: RenderedDocument, bases: list[int]) -> None:
    """Mentions the editors tagged (persName, gloss, signed), resolved through the volume's lists."""
    text = record.text
    persons_at: list[tuple[int, int, str]] = []
    cache = ctx.markup
    mentions = record.mentions
    for s in rendered.spans:
        if s.kind not in _MARKUP:
            continue
        base = bases[s.builder]
        if base < 0 or s.end <= s.start:
            continue
        start, end = base + s.start, base + s.end
        if not s.ref:
            if s.kind == "person":
                record.marked_persons.append((start, end))
            continue
        if s.kind == "signed" and any(start <= a and b <= end and ref == s.ref for a, b, ref in persons_at):
            continue                     # <signed corresp> around a <persName> with the same reference
        known = cache.get((s.kind, s.ref))
        if known is None:
            kind = "term" if s.kind == "term" else "person"
            entity, _, label = _entity(ctx, s.ref, kind)
            known = cache[(s.kind, s.ref)] = (kind, entity, label, f"tagged by the FRUS editors ({_MARKUP[s.kind]} {s.ref})")
        kind, entity, label, explanation = known
        exact = text[start:end]
        mentions.append(Mention(start, end, kind, "tei-markup", 1.0, entity, label or exact,
                                explanation=explanation, exact=exact, tei_ref=s.ref))
        if kind == "person":
            persons_at.append((start, end, s.ref))
    mentions.sort(key=lambda m: (m.start, m.end))


def _parties(ctx: _Context, record: DocumentRecord, rendered: RenderedDocument, heading_span) -> None:
    """Authors and recipients: as marked (persName type from/to) in the heading, else as the heading reads. A name
    marked "to" where the heading prints its senders ("From Secretary of State Rusk to …") is an author."""
    text, heading = record.text, record.heading
    h0 = heading_span.start
    marked = [s for s in rendered.spans if s.kind in ("from", "to") and s.builder == 0]
    entry = record.body_start >= len(text.rstrip())          # the heading is all there is: a calendar entry
    guessed = [(p, h0 + p.start, h0 + p.end) for p in (entry_parties(heading) if entry else parties_of(heading))]
    head_people = [(m.start, m.end, m) for m in record.mentions
                   if m.kind == "person" and heading_span.start <= m.start < heading_span.end]
    senders = sender_range(heading)
    if marked:
        def in_senders(s) -> bool:
            return bool(senders) and h0 + senders[0] <= s.start and s.end <= h0 + senders[1]
        def another_sender(s) -> bool:
            """Not the office of the sender's chief, as in "Memorandum of Conversation, by <persName type="from">G.
            Hayden Raynor</persName>, Special Assistant to the Director of the Office of European Affairs
            (<persName type="to">Hickerson</persName>)" (session 34), but a sender joined by "and"."""
            before = [x for x in marked if x.kind == "from" and in_senders(x) and x.end <= s.start]
            return not before or " and " in text[before[-1].end:s.start]
        sender_printed = any(p.role == "author" for p, _, _ in guessed) or any(p.role == "author" for p in posts_of(heading))
        for s in marked:
            role = "author" if s.kind == "from" else "recipient"
            if role == "recipient" and in_senders(s) and another_sender(s):
                role = "author"          # "Memorandum From Secretary of State <persName type="to">Rusk</persName> to …"
            elif role == "author" and senders and s.start >= h0 + senders[1] and sender_printed \
                    and any(p.role == "recipient" and a < s.end and s.start < b for p, a, b in guessed):
                role = "recipient"       # session 34: "Letter From President Diem to President <persName type="from">Kennedy"
            office = next((p.office for p, a, b in guessed if a < s.end and s.start < b and p.role == role), None)
            record.parties.append(_party(ctx, role, text, s.start, s.end, office, s.ref))
        if not any(p.role == "author" for p in record.parties):
            # session 35: "Message From Foreign Secretary Home to Secretary of State <persName type="to">Rusk</persName>":
            # the sender the editors left unmarked, as the heading reads
            for p, a, b in guessed:
                if p.role == "author" and not any(s.start < b and a < s.end for s in marked):
                    ref = next((m.tei_ref for ms, me, m in head_people if ms < b and a < me), None)
                    record.parties.append(_party(ctx, p.role, text, a, b, p.office, ref))
    else:
        for p, a, b in guessed:
            ref = next((m.tei_ref for ms, me, m in head_people if ms < b and a < me), None)
            record.parties.append(_party(ctx, p.role, text, a, b, p.office, ref))


def _party(ctx: _Context, role: str, text: str, start: int, end: int, office: str | None, ref: str | None) -> Party:
    party = Party(role=role, name=text[start:end], office=office, start=start, end=end, tei_ref=ref)
    if ref:
        party.entity, _, label = _entity(ctx, ref, "person")
        party.label = label
        party.explanation = f"tagged by the FRUS editors in the heading (persName → {ref})"
    return party


# --------------------------------------------------------------------------------- the stream

def _clear(el: etree._Element) -> None:
    """Frees what was read; a section's <head> stays, since it dates the calendar entries after it (section_dates)."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    if parent is not None:
        first = 1 if parent[0] is not el and parent[0].tag == f"{TEI}head" else 0
        while parent.index(el) > first:
            del parent[first]


def read_tei(path: str | Path, *, on_error: ErrorHandler | None = None, _homes: bool = True) -> Iterator[DocumentRecord]:
    """The documents of a TEI volume or single-document TEI file, in volume order.

    A document that cannot be read is passed to `on_error` as a SourceError naming the document
    id and line, and reading goes on. Without `on_error`, those errors are raised together, as one
    SourceError, after the last good document has been yielded. Errors that make the file itself
    unreadable (malformed XML, refused entities, truncated .gz…) are raised where they are met.
    """
    path = Path(path)
    where = str(path)
    errors: list[SourceError] = []
    report = on_error or errors.append
    ctx: _Context | None = None
    header = root_id = current_page = start_page = start_line = None
    root_seen = has_front = False
    depth = documents_seen = 0
    seen: set[str] = set()
    order = DateOrder()
    try:
        for event, el in xml_events(path, ("start", "end"), _EVENT_TAGS):
            tag = el.tag
            if event == "start":
                if tag == _DIV:
                    if el.get("type") == "document":
                        if not root_seen:
                            raise _outside_tei(where, el)
                        if depth == 0:
                            start_page, start_line = current_page, el.sourceline
                        depth += 1
                elif tag == _FRONT:
                    has_front = True
                elif tag == _ROOT and not root_seen:
                    root_seen = True
                    _refuse_entities(where, el)
                    root_id = el.get(_XML_ID)
                continue
            if tag == _PB:
                current_page = el.get("n") or current_page
            elif tag == _DIV and el.get("type") == "document":
                depth -= 1
                if depth:
                    continue
                ctx = ctx or _Context(path, volume_metadata(header, root_id, path))
                if not documents_seen:
                    ctx.volume.complete = has_front     # a whole volume, not a single-document file
                    if has_front and _homes:
                        ctx.volume.party_homes = party_homes(path)
                documents_seen += 1
                record = _read_document(ctx, el, seen, has_front, start_page, start_line, report)
                if record is not None:
                    yield from order.add(record, _group(el))
                _clear(el)
            elif tag == _DIV and depth == 0:
                if el.get(_XML_ID) in ("persons", "terms") and el.getparent() is not None:
                    ctx = ctx or _Context(path, volume_metadata(header, root_id, path))
                    _read_list(ctx, el)
                _clear(el)
            elif tag == _HEADER:
                header = el
    except SourceError:
        yield from order.release()               # what was read before the file broke off
        raise
    yield from order.release()
    if not root_seen:
        raise SourceError(where, f"not a TEI file: {_NO_ROOT}", 1, 1)
    if documents_seen == 0:
        raise SourceError(where, "no <div type=\"document\"> found: not a FRUS volume or document")
    _raise_collected(where, errors)


_NO_ROOT = "no <TEI> root element in the TEI namespace (http://www.tei-c.org/ns/1.0)"


def _outside_tei(where: str, div: etree._Element) -> SourceError:
    """A document div before any <TEI> root (a document's div saved alone): the whole file is refused before any of
    it is committed, where its document went in and the file was then reported as not TEI."""
    return SourceError(where, f"not a TEI file: {_NO_ROOT}; the <div type=\"document\"> here is not inside one "
                              "(a document's div saved alone needs the volume's <TEI> and <teiHeader> around it)",
                       div.sourceline)


def party_homes(path: Path) -> dict[str, str]:
    """Each heading party printed by family name alone with its office ("Consul General at Batavia (Livengood)")
    -> the first document that prints it. A sender no authority record settles is then one node for the volume,
    described in that document's graph (ingest.triples.party_person_iri), not one node per telegram. Read by a
    first pass of this reader over the file, which costs about a second a volume; its faults are the main pass's."""
    homes: dict[str, str] = {}
    try:
        for record in read_tei(path, on_error=lambda _: None, _homes=False):
            for party in record.parties:
                if party.home_key:
                    homes.setdefault(party.home_key, record.doc_id)
    except SourceError:
        pass
    return homes


def _read_document(ctx: _Context, el: etree._Element, seen: set[str], has_front: bool, start_page: str | None,
                   start_line: int | None, report: ErrorHandler) -> DocumentRecord | None:
    """The record of one document div, or None after reporting why it cannot be read."""
    doc_id = el.get(_XML_ID) or f"d{el.get('n')}"
    try:
        if doc_id in seen:
            raise ValueError(f"a second document with xml:id {doc_id!r}; the first one is kept")
        record = _document(ctx, el, start_page, start_line)
        if not has_front:              # a single-document file: its header describes it
            record.subjects.extend(ctx.volume.header_subjects)
    except _Placeholder as exc:
        report(SourceNotice(str(ctx.path), f"document {doc_id} is left out: it holds no text and {exc}", start_line))
        return None
    except _DATA_ERRORS as exc:        # one bad document must not lose the rest of the volume
        report(SourceError(str(ctx.path), f"document {doc_id} cannot be read: {exc}", start_line))
        return None
    seen.add(doc_id)
    return record


def _read_list(ctx: _Context, div: etree._Element) -> None:
    """The volume's persons or terms list: entries for the volume record and for resolving references."""
    kind = "person" if div.get(_XML_ID) == "persons" else "term"
    entries = _list_entries(div, kind)
    (ctx.volume.persons if kind == "person" else ctx.volume.terms).extend(entries)
    (ctx.persons if kind == "person" else ctx.terms).update((e.xml_id, e) for e in entries)
    ctx.markup.clear()


def _raise_collected(where: str, errors: list[SourceError]) -> None:
    """Without an error handler, the documents that could not be read, as one SourceError at the end; placeholders
    left out (SourceNotice) as warnings."""
    for notice in (e for e in errors if isinstance(e, SourceNotice)):
        warnings.warn(str(notice), stacklevel=3)
    errors = [e for e in errors if not isinstance(e, SourceNotice)]
    if not errors:
        return
    if len(errors) == 1:
        raise errors[0]
    listed = "; ".join(f"line {e.line}: {e.message}" for e in errors[:20])
    more = f"; and {len(errors) - 20} more" if len(errors) > 20 else ""
    raise SourceError(where, f"{len(errors)} documents cannot be read ({listed}{more})", errors[0].line)


def _group(div: etree._Element) -> tuple:
    """The chapter (or compilation) a document sits in: FRUS orders documents by date within it."""
    parent = div.getparent()
    return (parent.get(_XML_ID), parent.sourceline) if parent is not None else (None, None)


def _refuse_entities(where: str, root: etree._Element) -> None:
    """Second line of defence after the prolog scan: a DTD that declares entities is refused."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise SourceError(where, "the DOCTYPE declares entities; entity declarations are refused", 1, 1)
