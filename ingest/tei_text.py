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


def render_document(div: etree._Element) -> RenderedDocument:
    """Render one `div type="document"`: the main text in builders[0], one text per note after it.

    One flat loop over lxml's iterwalk events with the text state in local variables: a volume has
    tens of thousands of documents, and a method call per text node would double the reader's time.
    What an element's end must do is pushed on `ends` at its start.
    """
    doc = RenderedDocument(builders=[])
    spans = doc.spans
    notes = doc.notes
    pages: list[tuple[list, str]] = []
    builders: list[list[str]] = [[]]     # parts of each builder; index 0 is the main text
    # state of the builder being written
    parts = builders[0]
    length = 0
    pending = False                      # a collapsed space is owed before the next text
    sep = ""                             # a block separator is owed before the next text
    waiting: list[list] = []             # slots to fill with the offset of the next character
    bi = 0                               # index of the builder being written
    saved: list[tuple] = []              # outer builders' state while inside a note
    ends: list[int] = []                 # per open element: what its end does
    open_spans: list[tuple] = []         # (element, kind, slot, refs) of marked elements being read
    in_head = in_dateline = False
    nested = 0                           # inside quotes, attachments…: their datelines are not the document's
    note_anchor = None                   # (builder, offset) of the outermost open note's mark
    first_head = subject_list = body_slot = None
    head_done = False
    kinds = _KIND

    walker = etree.iterwalk(div, events=("start", "end"))
    next(walker)                         # the div itself
    for event, el in walker:
        if event == "start":
            tag = el.tag
            kind = kinds.get(tag)
            end = _E_NONE
            if kind == _K_INLINE:
                pass
            elif kind == _K_MARKED:
                slot = [None]
                waiting.append(slot)
                if tag == _PERSNAME:
                    open_spans.append((el, "person", slot, el.get("corresp") or el.get("ref")))
                elif tag == _GLOSS:
                    open_spans.append((el, "term", slot, el.get("target")))
                else:                                     # signed: a line of its own
                    open_spans.append((el, "signed", slot, el.get("corresp")))
                    end = _E_LINE
                    if bi:
                        pending = pending or bool(length)
                    elif sep != "\n\n" and sep != "\n":
                        sep = "\n"
            elif kind == _K_P:
                end = _E_BLOCK
                if body_slot is None and head_done and el.getparent() is div:
                    body_slot = [None]
                    waiting.append(body_slot)
                if bi:
                    pending = pending or bool(length)
                elif sep != "\n\n":
                    sep = "\n\n"
            elif kind == _K_NOTE:
                end = _E_NOTE
                index = len(builders)
                note = RenderedNote(builder=index, number=el.get("n"), xml_id=el.get(_XML_ID), type=el.get("type"),
                                    rend=el.get("rend"), parent=bi, anchor=length, in_head=in_head, line=el.sourceline)
                notes.append(note)
                if note_anchor is None:
                    note_anchor = (bi, length)
                saved.append((parts, length, pending, sep, waiting, bi, in_head, in_dateline, note))
                parts = []
                builders.append(parts)
                length, pending, sep, waiting, bi = 0, False, "", [], index
                in_head = in_dateline = False
            elif kind == _K_PB:
                n = el.get("n")
                if n:
                    if bi == 0:
                        slot = [None]
                        waiting.append(slot)
                        pages.append((slot, n))
                    elif note_anchor is not None and note_anchor[0] == 0:
                        # a page break inside a footnote: in the volume's order the new page begins
                        # where the note's mark is, so the main text after the mark is on it
                        pages.append(([note_anchor[1]], n))
                ends.append(end)
                continue                                  # empty element: its tail comes with "end"
            elif kind == _K_BLOCK2 or kind == _K_BLOCK1:
                if tag in _INLINE_IN_P and el.getparent().tag == _P:
                    pass                                  # a quote or label inside running text
                elif kind == _K_BLOCK2:
                    end = _E_BLOCK
                    if tag == _HEAD and first_head is None and el.getparent() is div:
                        first_head = el
                        in_head = True
                        slot = [None]
                        waiting.append(slot)
                        open_spans.append((el, "heading", slot, None))
                    elif tag == _DATELINE and doc.dateline is None and not nested and not bi:
                        doc.dateline = el
                        in_dateline = True
                        if sep != "\n\n":
                            sep = "\n\n"
                        slot = [None]
                        waiting.append(slot)
                        open_spans.append((el, "dateline", slot, None))
                    elif tag == _LIST and subject_list is None and not bi and el.get("type") == "subject":
                        subject_list = el
                    elif tag in _CONTAINERS_NOT_DOCUMENT_LEVEL:
                        nested += 1
                        end = _E_NESTED_BLOCK
                    if body_slot is None and head_done and el.getparent() is div and tag not in _FRONT_MATTER \
                            and el is not subject_list:
                        body_slot = [None]
                        waiting.append(body_slot)
                    if bi:
                        pending = pending or bool(length)
                    elif sep != "\n\n":
                        sep = "\n\n"
                else:
                    end = _E_LINE
                    if tag == _ITEM and subject_list is not None and el.getparent() is subject_list:
                        slot = [None]
                        waiting.append(slot)
                        open_spans.append((el, "subject", slot, None))
                    if bi:
                        pending = pending or bool(length)
                    elif sep != "\n\n" and sep != "\n":
                        sep = "\n"
            elif kind == _K_DATEPLACE:
                if in_dateline:
                    slot = [None]
                    waiting.append(slot)
                    open_spans.append((el, "place" if tag == _PLACENAME else "date", slot, None))
            elif kind == _K_LB:
                if in_head or bi:
                    pending = pending or bool(length)
                elif sep != "\n\n" and sep != "\n":
                    sep = "\n"
                ends.append(end)
                continue
            elif kind == _K_CELL:
                if bi:
                    pending = pending or bool(length)
                elif not sep:
                    sep = "\t"
            elif kind == _K_SEG:
                if bi and el.get("type") == "source":
                    saved[-1][-1].has_source_seg = True
            elif kind == _K_SKIP:
                walker.skip_subtree()
                ends.append(end)
                continue
            elif not isinstance(tag, str) or not tag.startswith(TEI):
                if isinstance(tag, str) and tag.endswith("}attachment"):
                    nested += 1                           # frus:attachment is part of the document's text
                    end = _E_NESTED_BLOCK
                    if bi:
                        pending = pending or bool(length)
                    elif sep != "\n\n":
                        sep = "\n\n"
                else:
                    walker.skip_subtree()                 # frus:file, frus:pdf…: metadata without text
                    ends.append(end)
                    continue
            ends.append(end)
            t = el.text
        else:
            # end of an element: close what it opened, then its tail (which belongs to the parent)
            if el is div:
                break
            if open_spans and open_spans[-1][0] is el:
                while open_spans and open_spans[-1][0] is el:
                    _, skind, slot, refs = open_spans.pop()
                    if slot[0] is None:
                        try:
                            waiting.remove(slot)
                        except ValueError:
                            pass
                        continue
                    if skind == "person" or skind == "term" or skind == "signed":
                        split = [r for r in map(reference, refs.split()) if r] if refs else []
                        for ref in split:
                            spans.append(Span(bi, slot[0], length, skind, ref, el))
                        if not split and skind == "person":          # a person the editors did not identify
                            spans.append(Span(bi, slot[0], length, skind, None, el))
                        if skind == "person" and in_head:
                            ptype = el.get("type")
                            if ptype == "from" or ptype == "to":
                                spans.append(Span(bi, slot[0], length, ptype, split[0] if split else None, el))
                    else:
                        spans.append(Span(bi, slot[0], length, skind, None, el))
            if el is first_head:
                in_head = False
                head_done = True
            elif el is doc.dateline:
                in_dateline = False
            end = ends.pop()
            if end:
                if end == _E_BLOCK:
                    if bi:
                        pending = pending or bool(length)
                    elif sep != "\n\n":
                        sep = "\n\n"
                elif end == _E_NOTE:
                    parts, length, pending, sep, waiting, bi, in_head, in_dateline, _ = saved.pop()
                    if not saved:
                        note_anchor = None
                elif end == _E_LINE:
                    if bi:
                        pending = pending or bool(length)
                    elif sep != "\n\n" and sep != "\n":
                        sep = "\n"
                else:                                     # _E_NESTED_BLOCK
                    nested -= 1
                    if bi:
                        pending = pending or bool(length)
                    elif sep != "\n\n":
                        sep = "\n\n"
            t = el.tail
        # write text t, collapsing XML whitespace across pieces
        if not t:
            continue
        c0 = t[0]
        c1 = t[-1]
        if "\n" in t or "\t" in t or "\r" in t or "  " in t:
            if t.isascii() or not _OTHER_SPACE.search(t):
                core = " ".join(t.split())   # str.split() also splits on NBSP etc.; t has none of those
            else:
                core = _WS.sub(" ", t).strip(" ")
            if not core:
                if length:
                    pending = True
                continue
            lead = c0 in _XML_SPACE
            trail = c1 in _XML_SPACE
        elif c0 == " " or c1 == " ":
            core = t.strip(" ")
            if not core:
                if length:
                    pending = True
                continue
            lead = c0 == " "
            trail = c1 == " "
        else:
            core = t
            lead = trail = False
        if sep:
            if length:
                parts.append(sep)
                length += len(sep)
            sep = ""
        elif pending or (lead and length):
            parts.append(" ")
            length += 1
        if waiting:
            for slot in waiting:
                slot[0] = length
            waiting.clear()
        parts.append(core)
        length += len(core)
        pending = trail

    doc.builders = ["".join(p) for p in builders]
    if body_slot is not None:
        doc.body_start = body_slot[0]
    doc.pages = [(slot[0], n) for slot, n in pages if slot[0] is not None]
    return doc


_E_NONE, _E_BLOCK, _E_LINE, _E_NOTE, _E_NESTED_BLOCK = range(5)


_FRONT_MATTER = {_DATELINE, _OPENER, _NOTE, _PB, _HEAD}
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
