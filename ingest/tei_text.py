"""A TEI document div as plain text, with the offsets of what the markup said about it.

The text has the layout of the plain-text reader, so that extractors see the same shape:
heading, blank line, dateline, blank line, body blocks separated by blank lines, then the
footnotes, one per line, as "N. text". Runs of XML whitespace collapse to one space; notes are
lifted out of the running text (their mark's place is kept as the footnote anchor); page breaks
become page starts. persName/@corresp, gloss/@target and signed/@corresp become spans whose
text is exactly the tagged text, whitespace normalised the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

__all__ = ["TEI", "FRUS_NS", "RenderedNote", "Span", "RenderedDocument", "render_document", "plain"]

TEI = "{http://www.tei-c.org/ns/1.0}"
FRUS_NS = ("http://history.state.gov/frus/ns/1.0", "http://history.state.gov/ns/1.0")
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_WS = re.compile(r"[ \t\r\n]+")
_OTHER_SPACE = re.compile(r"[^\S \t\r\n]")     # whitespace for str.split() that XML does not collapse (NBSP…)
_XML_SPACE = " \t\r\n"
_REF_ID = re.compile(r"#([A-Za-z_][\w.-]*)$")
_REF_BARE = re.compile(r"[A-Za-z_][\w.-]*")
_REF_VOLUME = re.compile(r"[A-Za-z0-9][\w.-]*")


def reference(value: str) -> str | None:
    """A pointer as '#id' or 'volume#id'; None if it names no id we can use. Stray punctuation before the
    '#' is a typo and keeps the id: frus1969-76v28 has corresp="^#p_FGR_1" (it made a document unreadable)."""
    m = _REF_ID.search(value)
    if m is None:
        return f"#{value}" if _REF_BARE.fullmatch(value) else None
    volume = value[:m.start()]
    if _REF_VOLUME.fullmatch(volume):
        return f"{volume}#{m.group(1)}"
    return f"#{m.group(1)}" if not any(c.isalnum() for c in volume) else None


def plain(text: str) -> str:
    """XML whitespace collapsed, ends trimmed (other Unicode spaces such as NBSP are text)."""
    return _WS.sub(" ", text).strip(" ")


@dataclass
class Span:
    """Something the markup said about text[start:end] of one builder (0 = the main text)."""
    builder: int
    start: int
    end: int
    kind: str                 # person | term | place | date | signed | from | to | heading | dateline | subject
    ref: str | None = None    # the IRI fragment or reference ("#p_KHA_1")
    element: etree._Element | None = None


@dataclass
class RenderedNote:
    builder: int
    number: str | None
    xml_id: str | None
    type: str | None
    rend: str | None
    parent: int               # builder the note mark sits in
    anchor: int | None        # offset in the parent builder
    in_head: bool
    has_source_seg: bool = False
    line: int | None = None


@dataclass
class RenderedDocument:
    builders: list[str]                  # the main text, then one text per note
    spans: list[Span] = field(default_factory=list)
    notes: list[RenderedNote] = field(default_factory=list)
    pages: list[tuple[int, str]] = field(default_factory=list)   # (offset in main text, page number)
    dateline: etree._Element | None = None
    body_start: int | None = None


_BLOCK2 = {TEI + t for t in ("p", "head", "dateline", "quote", "list", "table", "figure", "postscript", "div", "lg",
                             "ab", "closer", "opener", "floatingText", "epigraph", "argument", "byline", "docAuthor",
                             "listBibl", "sp", "spGrp", "trailer")}
_BLOCK1 = {TEI + t for t in ("item", "row", "l", "salute")}
_SKIP = {TEI + "fw", TEI + "graphic", TEI + "facsimile"}
# The editors' own elements (frus:file, frus:pdf, frus:problem…) hold no text of the document but frus:attachment;
# an element of another namespace, or none (a user's own markup), is read as an unknown TEI element is: its words stay.
_FRUS = tuple(f"{{{ns}}}" for ns in FRUS_NS)
_INLINE_IN_P = {TEI + "quote"}   # inline when inside running text (a <p>)
_CONTAINERS_NOT_DOCUMENT_LEVEL = {TEI + "quote", TEI + "floatingText", TEI + "postscript", TEI + "div"}
_P = TEI + "p"
_HEAD = TEI + "head"
_NOTE = TEI + "note"
_PB = TEI + "pb"
_LB = TEI + "lb"
_CELL = TEI + "cell"
_LIST = TEI + "list"
_ITEM = TEI + "item"
_PERSNAME = TEI + "persName"
_GLOSS = TEI + "gloss"
_SIGNED = TEI + "signed"
_DATELINE = TEI + "dateline"
_PLACENAME = TEI + "placeName"
_DATE = TEI + "date"
_SEG = TEI + "seg"
_OPENER = TEI + "opener"
_FRONT_MATTER = {_DATELINE, _OPENER, _NOTE, _PB, _HEAD}

# What an element's end does (pushed on a stack at its start).
_E_NONE, _E_BLOCK, _E_LINE, _E_NOTE, _E_NESTED_BLOCK = range(5)
# What an element is, for its start.
(_K_MARKED, _K_P, _K_NOTE, _K_PB, _K_INLINE, _K_SEG, _K_LB, _K_DATEPLACE, _K_SKIP, _K_CELL, _K_BLOCK1,
 _K_BLOCK2) = range(12)
_KIND = {
    **{t: _K_BLOCK2 for t in _BLOCK2}, **{t: _K_BLOCK1 for t in _BLOCK1}, **{t: _K_SKIP for t in _SKIP},
    _PERSNAME: _K_MARKED, _GLOSS: _K_MARKED, _SIGNED: _K_MARKED, _P: _K_P, _NOTE: _K_NOTE, _PB: _K_PB,
    _SEG: _K_SEG, _LB: _K_LB, _DATE: _K_DATEPLACE, _PLACENAME: _K_DATEPLACE, _CELL: _K_CELL,
    **{TEI + t: _K_INLINE for t in ("hi", "ref", "name", "orgName", "term", "foreign", "emph", "title", "time",
                                    "del", "add", "unclear", "abbr", "expan", "sic", "corr", "choice", "rs",
                                    "gap", "affiliation", "roleName", "idno", "num", "measure", "q", "said")},
}

# The separator rule. What is owed before the next text is one level; a stronger one wins, and it is
# written only between texts (never first). Inside a note every break is a space.
_NO_GAP, _SPACE, _TAB, _LINE, _PARAGRAPH = range(5)
_GAPS = ("", " ", "\t", "\n", "\n\n")
_END_GAP = {_E_NONE: _NO_GAP, _E_BLOCK: _PARAGRAPH, _E_LINE: _LINE, _E_NOTE: _NO_GAP, _E_NESTED_BLOCK: _PARAGRAPH}


class _State:
    """What the walk knows beyond the text being written: the document-level markers and the open spans."""
    __slots__ = ("div", "doc", "builders", "pages", "saved", "open_spans", "in_head", "in_dateline", "nested",
                 "note_anchor", "first_head", "subject_list", "body_slot", "head_done")

    def __init__(self, div: etree._Element):
        self.div = div
        self.doc = RenderedDocument(builders=[])
        self.builders: list[list[str]] = [[]]     # parts of each builder; index 0 is the main text
        self.pages: list[tuple[list, str]] = []
        self.saved: list[tuple] = []              # outer builders' state while inside a note
        self.open_spans: list[tuple] = []         # (element, kind, slot, refs) of marked elements being read
        self.in_head = self.in_dateline = self.head_done = False
        self.nested = 0                           # inside quotes, attachments…: their datelines are not the document's
        self.note_anchor = None                   # (builder, offset) of the outermost open note's mark
        self.first_head = self.subject_list = self.body_slot = None

    def finish(self) -> RenderedDocument:
        doc = self.doc
        doc.builders = ["".join(p) for p in self.builders]
        if self.body_slot is not None:
            doc.body_start = self.body_slot[0]
        doc.pages = [(slot[0], n) for slot, n in self.pages if slot[0] is not None]
        return doc


def render_document(div: etree._Element) -> RenderedDocument:
    """Render one `div type="document"`: the main text in builders[0], one text per note after it.

    Longer than 80 lines because the text state (parts, length, owed gap, waiting slots, builder) lives in
    local variables of one loop over lxml's iterwalk events, and the frequent events (inline elements, text,
    persName and gloss spans) stay in it: with those in helpers sharing state through an object, rendering
    the 555 documents of three volumes took 7.6% more CPU (docs/ingest.md). The rare events (notes, blocks,
    page breaks, the heading, dateline and subject list) are helpers; every separator goes through one rule,
    in one place (`_GAPS`).
    """
    st = _State(div)
    parts = st.builders[0]
    length = 0
    owed = _NO_GAP                       # the separator owed before the next text
    waiting: list[list] = []             # slots to fill with the offset of the next character
    bi = 0                               # index of the builder being written
    ends: list[int] = []                 # per open element: what its end does
    open_spans = st.open_spans
    spans = st.doc.spans
    first_head = dateline = None         # st's, mirrored here: every end event compares with them
    body_due = False                     # the heading has ended, the body's first block not yet seen
    kinds = _KIND
    walker = etree.iterwalk(div, events=("start", "end"))
    next(walker)                         # the div itself
    for event, el in walker:
        if event == "start":
            tag = el.tag
            kind = kinds.get(tag)
            end = gap = 0                                 # _E_NONE, _NO_GAP
            if kind == _K_INLINE:
                pass
            elif kind == _K_P:
                end = _E_BLOCK
                gap = _PARAGRAPH
                if body_due and el.getparent() is div:
                    waiting.append(_body_slot(st))
                    body_due = False
            elif kind == _K_BLOCK2 or kind == _K_BLOCK1:
                if tag in _INLINE_IN_P and el.getparent().tag == _P:
                    pass                                  # a quote or label inside running text
                elif kind == _K_BLOCK2:
                    end, gap = _open_block(st, el, tag, bi, waiting), _PARAGRAPH
                    first_head, dateline, body_due = st.first_head, st.doc.dateline, st.head_done and st.body_slot is None
                else:
                    end, gap = _E_LINE, _LINE
                    if tag == _ITEM and st.subject_list is not None and el.getparent() is st.subject_list:
                        _open_span(st, el, "subject", None, waiting)
            elif kind == _K_MARKED:                      # persName, gloss: spans; signed: a line of its own
                slot = [None]
                waiting.append(slot)
                if tag == _PERSNAME:
                    open_spans.append((el, "person", slot, el.get("corresp") or el.get("ref")))
                elif tag == _GLOSS:
                    open_spans.append((el, "term", slot, el.get("target")))
                else:
                    open_spans.append((el, "signed", slot, el.get("corresp")))
                    end, gap = _E_LINE, _LINE
            elif kind == _K_LB:
                gap = _SPACE if st.in_head else _LINE
            elif kind == _K_CELL:
                gap = _TAB
            elif kind == _K_NOTE:
                end = _E_NOTE
                note = _open_note(st, el, bi, length)
                st.saved.append((parts, length, owed, waiting, bi, st.in_head, st.in_dateline, note))
                bi = note.builder
                parts, length, owed, waiting = st.builders[bi], 0, _NO_GAP, []
                st.in_head = st.in_dateline = False
            elif kind == _K_PB:
                _page_break(st, el, bi, waiting)
                ends.append(end)
                continue                                  # empty: its tail comes with "end"
            elif kind == _K_DATEPLACE:
                if st.in_dateline:
                    _open_span(st, el, "place" if tag == _PLACENAME else "date", None, waiting)
            elif kind == _K_SEG:
                if bi and el.get("type") == "source":
                    st.saved[-1][-1].has_source_seg = True
            elif kind == _K_SKIP or (kind is None and (not isinstance(tag, str) or tag.startswith(_FRUS))):
                if kind is None and tag.endswith("}attachment"):
                    st.nested += 1                        # frus:attachment is part of the document's text
                    end, gap = _E_NESTED_BLOCK, _PARAGRAPH
                else:
                    walker.skip_subtree()                 # fw, frus:file, frus:pdf…: no text of the document
                    ends.append(end)
                    continue
            ends.append(end)
            t = el.text
        else:
            if el is div:
                break
            while open_spans and open_spans[-1][0] is el:      # the spans it opened cover text[slot:length]
                _, skind, slot, refs = open_spans.pop()
                if slot[0] is None:                       # it held no text: no span
                    if slot in waiting:
                        waiting.remove(slot)
                elif skind == "person" or skind == "term" or skind == "signed":
                    # one span per reference; a person the editors did not identify gets one without, and
                    # in the heading a persName typed from/to is also the author or recipient
                    split = [r for r in map(reference, refs.split()) if r] if refs else []
                    for ref in split:
                        spans.append(Span(bi, slot[0], length, skind, ref, el))
                    if not split and skind == "person":
                        spans.append(Span(bi, slot[0], length, skind, None, el))
                    if skind == "person" and st.in_head:
                        ptype = el.get("type")
                        if ptype == "from" or ptype == "to":
                            spans.append(Span(bi, slot[0], length, ptype, split[0] if split else None, el))
                else:
                    spans.append(Span(bi, slot[0], length, skind, None, el))
            if el is first_head:
                st.in_head = False
                st.head_done = body_due = True
            elif el is dateline:
                st.in_dateline = False
            end = ends.pop()
            if end:
                gap = _END_GAP[end]
                if end == _E_NOTE:
                    parts, length, owed, waiting, bi, st.in_head, st.in_dateline, _ = st.saved.pop()
                    if not st.saved:
                        st.note_anchor = None
                elif end == _E_NESTED_BLOCK:
                    st.nested -= 1
            else:
                gap = 0
            t = el.tail
        if gap > owed:                                    # the separator rule: the stronger gap wins;
            owed = 1 if bi else gap                       # in a note (bi > 0) every gap is a space
        if not t:                                         # write t, collapsing XML whitespace across pieces
            continue
        c0 = t[0]
        c1 = t[-1]
        if "\n" in t or "\t" in t or "\r" in t or "  " in t:
            if t.isascii() or not _OTHER_SPACE.search(t):
                core = " ".join(t.split())   # str.split() also splits on NBSP etc.; t has none of those
            else:
                core = _WS.sub(" ", t).strip(" ")
            if not core:
                if length and not owed:
                    owed = 1                              # _SPACE
                continue
            lead = c0 in _XML_SPACE
            trail = c1 in _XML_SPACE
        elif c0 == " " or c1 == " ":
            core = t.strip(" ")
            if not core:
                if length and not owed:
                    owed = 1                              # _SPACE
                continue
            lead = c0 == " "
            trail = c1 == " "
        else:
            core = t
            lead = trail = False
        if length and (owed or lead):
            if owed > 1:                                  # a tab, a line or a paragraph
                gap_text = _GAPS[owed]
                parts.append(gap_text)
                length += len(gap_text)
            else:                                         # a space (the common case, kept cheap)
                parts.append(" ")
                length += 1
        if waiting:
            for slot in waiting:
                slot[0] = length
            waiting.clear()
        parts.append(core)
        length += len(core)
        owed = trail                                      # True is 1, _SPACE: a space is owed, or nothing
    return st.finish()


def _body_slot(st: _State) -> list:
    st.body_slot = [None]
    return st.body_slot


def _open_span(st: _State, el: etree._Element, kind: str, refs: str | None, waiting: list) -> None:
    slot = [None]
    waiting.append(slot)
    st.open_spans.append((el, kind, slot, refs))


def _open_block(st: _State, el: etree._Element, tag: str, bi: int, waiting: list) -> int:
    """A block element: the document's heading, dateline or subject list, or a nested container; its end."""
    end = _E_BLOCK
    div = st.div
    if tag == _HEAD and st.first_head is None and el.getparent() is div:
        st.first_head = el
        st.in_head = True
        _open_span(st, el, "heading", None, waiting)
    elif tag == _DATELINE and st.doc.dateline is None and not st.nested and not bi:
        st.doc.dateline = el
        st.in_dateline = True
        _open_span(st, el, "dateline", None, waiting)
    elif tag == _LIST and st.subject_list is None and not bi and el.get("type") == "subject":
        st.subject_list = el
    elif tag in _CONTAINERS_NOT_DOCUMENT_LEVEL:
        st.nested += 1
        end = _E_NESTED_BLOCK
    if st.body_slot is None and st.head_done and el.getparent() is div and tag not in _FRONT_MATTER \
            and el is not st.subject_list:
        waiting.append(_body_slot(st))
    return end


def _open_note(st: _State, el: etree._Element, bi: int, length: int) -> RenderedNote:
    """A note gets a builder of its own; its mark stays at (bi, length) of the text around it."""
    note = RenderedNote(builder=len(st.builders), number=el.get("n"), xml_id=el.get(_XML_ID), type=el.get("type"),
                        rend=el.get("rend"), parent=bi, anchor=length, in_head=st.in_head, line=el.sourceline)
    st.doc.notes.append(note)
    if st.note_anchor is None:
        st.note_anchor = (bi, length)
    st.builders.append([])
    return note


def _page_break(st: _State, el: etree._Element, bi: int, waiting: list) -> None:
    n = el.get("n")
    if not n:
        return
    if bi == 0:
        slot = [None]
        waiting.append(slot)
        st.pages.append((slot, n))
    elif st.note_anchor is not None and st.note_anchor[0] == 0:
        # a page break inside a footnote: in the volume's order the new page begins
        # where the note's mark is, so the main text after the mark is on it
        st.pages.append(([st.note_anchor[1]], n))
