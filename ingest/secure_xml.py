"""Streaming XML that cannot reach outside the file it reads.

TEI volumes come from outside. An XML file can ask its parser to read local files or URLs (XXE, an
external DTD), to wait on a FIFO or /dev/stdin, or to expand entities exponentially ("billion laughs").
Flags alone do not stop libxml2: with collect_ids=False it loaded a DOCTYPE's external subset despite
load_dtd=False. So the prolog is scanned here before a byte reaches the parser: a DOCTYPE's external
identifier is blanked (the DTD is ignored, never opened), entity declarations, parameter entities and
other encodings than UTF-8 are refused, and XInclude is refused wherever it appears. Behind that, a
resolver refuses any load libxml2 still asks for, and lxml runs with resolve_entities=False,
load_dtd=False, no_network=True and huge_tree=False (libxml2's size and depth limits stay on).
Input is read in chunks (gzip or plain, told apart by magic bytes), so a volume is never held in
memory whole. Every failure is a SourceError naming the file, and the line and column when
meaningful: malformed XML, a truncated or corrupt .gz, bytes that are not UTF-8, an empty file.
"""
from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from lxml import etree

from .errors import SourceError
from .limits import open_input

__all__ = ["xml_events", "CHUNK_SIZE", "MAX_PROLOG"]

CHUNK_SIZE = 1 << 16
MAX_PROLOG = 1 << 20          # a DOCTYPE longer than this is refused rather than buffered
_GZIP_MAGIC = b"\x1f\x8b"
_SPACE = re.compile(rb"[ \t\r\n]*")
_QUOTED = rb"(?:\"[^\"]*\"|'[^']*')"
_DOCTYPE_NAME = re.compile(rb"<!DOCTYPE[ \t\r\n]*[^ \t\r\n\[>]*[ \t\r\n]*")
_EXTERNAL_ID = re.compile(rb"(?:SYSTEM[ \t\r\n]*" + _QUOTED + rb"|PUBLIC[ \t\r\n]*" + _QUOTED
                          + rb"(?:[ \t\r\n]*" + _QUOTED + rb")?)")
_MARKUP_DECL = re.compile(rb"<!(?:ELEMENT|ATTLIST|NOTATION)[ \t\r\n]")
_DECL_TOKEN = re.compile(rb"\"[^\"]*\"?|'[^']*'?|%|>")
_ENCODING = re.compile(rb"<\?xml[ \t\r\n][^>]*?encoding[ \t\r\n]*=[ \t\r\n]*[\"'](?P<enc>[^\"']*)")
_UTF8_NAMES = (b"utf-8", b"utf8", b"us-ascii", b"ascii")
_NOT_UTF8_STARTS = (b"\x4c\x6f\xa7\x94",)          # EBCDIC "<?xm", which libxml2 would decode
_XINCLUDE = re.compile(rb"http://www\.w3\.org/200[13]/XInclude")
_XINCLUDE_TAIL = 40
_WHERE = re.compile(r",?\s*line \d+, column \d+\s*$")


def _line_col(data: bytes, pos: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, pos) + 1
    return line, pos - (data.rfind(b"\n", 0, pos) + 1) + 1


class _MoreBytes(Exception):
    """The prolog is not complete in the bytes read so far."""


_PARAMETER_ENTITY = "the DOCTYPE uses a parameter entity; parameter entities are refused (they can load external DTDs)"


class _Prolog:
    """Scans the prolog (XML declaration, comments, PIs, DOCTYPE) up to the root element, as libxml2 reads it."""

    def __init__(self, path: str, head: bytes, eof: bool):
        self.path, self.head, self.eof = path, head, eof
        self.blank: list[tuple[int, int]] = []       # external DTD identifiers, blanked before parsing

    def refuse(self, pos: int, why: str) -> SourceError:
        return SourceError(self.path, why, *_line_col(self.head, pos))

    def need(self, pos: int, n: int) -> None:
        if len(self.head) - pos < n and not self.eof:
            raise _MoreBytes

    def past(self, token: bytes, pos: int) -> int:
        end = self.head.find(token, pos)
        if end < 0:
            raise _MoreBytes
        return end + len(token)

    def scan(self) -> None:
        head = self.head
        pos = 3 if head.startswith(b"\xef\xbb\xbf") else 0
        while True:
            pos = _SPACE.match(head, pos).end()
            self.need(pos, 10)
            if head.startswith(b"<?", pos):
                end = self.past(b"?>", pos)
                declared = _ENCODING.match(head, pos, end)
                if declared and declared["enc"].lower() not in _UTF8_NAMES:
                    raise self.refuse(pos, f"the file declares encoding {declared['enc'].decode('ascii', 'replace')}: "
                                           "only UTF-8 is read (FRUS TEI is UTF-8)")
                pos = end
            elif head.startswith(b"<!--", pos):
                pos = self.past(b"-->", pos)
            elif head.startswith(b"<!DOCTYPE", pos):
                pos = self.doctype(pos)
            else:
                return                         # the root element, or something libxml2 will report

    def doctype(self, start: int) -> int:
        head = self.head
        pos = _DOCTYPE_NAME.match(head, start).end()
        ext = _EXTERNAL_ID.match(head, pos)
        if ext is not None:
            self.blank.append((pos, ext.end()))
            pos = _SPACE.match(head, ext.end()).end()
        if head.startswith(b"[", pos):
            pos = _SPACE.match(head, self.subset(pos + 1)).end()
        if head.startswith(b">", pos):
            return pos + 1
        self.need(pos, 1 << 30)
        raise self.refuse(start, "malformed or unterminated DOCTYPE")

    def subset(self, pos: int) -> int:
        """Where the internal subset ends (after its ']'); refuses what could reach outside or expand."""
        head = self.head
        while True:
            pos = _SPACE.match(head, pos).end()
            self.need(pos, 10)
            if pos >= len(head):
                raise self.refuse(pos, "unterminated DOCTYPE")
            if head.startswith(b"]", pos):
                return pos + 1
            if head.startswith(b"<!--", pos):
                pos = self.past(b"-->", pos)
            elif head.startswith(b"<?", pos):
                pos = self.past(b"?>", pos)
            elif head.startswith(b"<!ENTITY", pos):
                raise self.refuse(pos, "the DOCTYPE declares entities; entity declarations are refused "
                                       "(they enable XXE and billion-laughs attacks)")
            elif head.startswith(b"%", pos):
                raise self.refuse(pos, _PARAMETER_ENTITY)
            elif _MARKUP_DECL.match(head, pos):
                pos = self.declaration(pos)
            else:
                raise self.refuse(pos, "the DOCTYPE's internal subset holds something other than element, "
                                       "attribute-list and notation declarations and comments: refused")

    def declaration(self, pos: int) -> int:
        """End of an ELEMENT/ATTLIST/NOTATION declaration: its first '>' outside quotes."""
        for m in _DECL_TOKEN.finditer(self.head, pos):
            token = m.group()
            if token == b">":
                return m.end()
            if token == b"%":
                raise self.refuse(m.start(), _PARAMETER_ENTITY)
            if token[:1] in b"'\"" and (len(token) < 2 or token[-1:] != token[:1]):
                break                                  # a quoted string not closed yet
        self.need(pos, 1 << 30)
        raise self.refuse(pos, "unterminated declaration in the DOCTYPE")


def _safe_prolog(path: str, head: bytes, eof: bool) -> bytes | None:
    """The bytes to parse once the prolog is known to be safe (external DTD names blanked), None if more are needed.

    Refuses entity declarations and parameter entities, and blanks `SYSTEM "…"`/`PUBLIC "…" "…"` with
    spaces (newlines kept, so lines and columns stay true): libxml2 never learns a path or URL to load.
    """
    if head[:4] in _NOT_UTF8_STARTS or head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        raise SourceError(path, "UTF-16/UTF-32/EBCDIC input is not read: FRUS TEI is UTF-8", 1, 1)
    prolog = _Prolog(path, head, eof)
    try:
        prolog.scan()
    except _MoreBytes:
        if not eof and len(head) <= MAX_PROLOG:
            return None
        if not eof:
            raise SourceError(path, f"prolog (XML declaration, comments, DOCTYPE) longer than {MAX_PROLOG} "
                                    "bytes refused", 1, 1) from None
    data = bytearray(head)
    for a, b in prolog.blank:
        data[a:b] = bytes(c if c in b"\r\n" else 32 for c in head[a:b])
    return bytes(data)


def _syntax_error(path: str, exc: etree.XMLSyntaxError, log=None) -> SourceError:
    msg = _WHERE.sub("", (exc.msg or str(exc)).strip())
    line, col = exc.position if exc.position and exc.position[0] else (None, None)
    # this parser's own log (the exception's may also hold earlier parsers' errors of the thread)
    first = next((e for e in (log or ()) if e.level_name in ("FATAL", "ERROR") and e.line), None)
    if first is not None and (line is None or "no element found" in msg):
        # the feed parser can report a late "no element found" for an earlier fatal error: name that one
        msg, line, col = first.message.strip(), first.line, first.column
    low = msg.lower()
    if ("not proper utf-8" in low or "invalid utf-8" in low or "encoding error" in low or "bytes: 0x" in low
            or "invalid bytes in character encoding" in low):
        msg = f"not UTF-8 text ({msg})"
    elif "document is empty" in low or "start tag expected" in low and line == 1:
        msg = f"empty or not XML: {msg}"
    elif "entity" in low:
        msg = f"entity refused: {msg}"
    elif "premature end of data" in low or "extra content" in low or "end of document" in low:
        msg = f"truncated or malformed XML: {msg}"
    else:
        msg = f"malformed XML: {msg}"
    return SourceError(path, msg, line, col)


def _open(path: Path) -> tuple[BinaryIO, BinaryIO]:
    raw = open_input(str(path))
    magic = raw.read(2)
    raw.seek(0)
    return raw, (gzip.GzipFile(fileobj=raw, mode="rb") if magic == _GZIP_MAGIC else raw)


class _NoExternalResources(etree.Resolver):
    """A second line behind the blanked DOCTYPE: any load libxml2 still asks for is refused, not opened."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path

    def resolve(self, url, pubid, context):
        raise SourceError(self.path, f"the file asks to load {url or pubid!r}: external resources are never read")


def xml_events(path: str | Path, events: Iterable[str] = ("start", "end"),
               tag: Iterable[str] | None = None) -> Iterator[tuple[str, etree._Element]]:
    """(event, element) pairs of lxml's pull parser over a plain or gzipped XML file, parsed securely.

    The consumer may clear elements it has finished with: the tree is built incrementally.
    """
    path = Path(path)
    where = str(path)
    raw, stream = _open(path)
    parser = etree.XMLPullParser(
        events=tuple(events), tag=list(tag) if tag is not None else None,
        resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
        dtd_validation=False, attribute_defaults=False, collect_ids=False,
        remove_comments=True, remove_pis=True,
    )
    parser.resolvers.add(_NoExternalResources(where))
    head = tail = b""
    prolog_ok = False
    fed = 0
    lines = 1
    seen_text = False
    with raw:
        while True:
            try:
                chunk = stream.read1(CHUNK_SIZE)   # read1: what a truncated .gz held is parsed before its error
            except EOFError:
                raise SourceError(where, "truncated .gz: the compressed stream ends before its end marker "
                                         f"(XML read up to this line)", lines) from None
            except (gzip.BadGzipFile, zlib.error) as exc:
                raise SourceError(where, f"corrupt .gz: {exc} (XML read up to this line)", lines) from None
            except OSError as exc:
                raise SourceError(where, f"cannot read: {exc}", lines) from None
            if not prolog_ok:
                head += chunk
                safe = _safe_prolog(where, head, eof=not chunk)
                if safe is None:
                    continue
                prolog_ok, chunk, head = True, safe, b""
            if not chunk:
                break
            xinclude = _XINCLUDE.search(tail + chunk)
            if xinclude is not None:
                before = (tail + chunk)[:xinclude.start()]
                raise SourceError(where, "XInclude refused: the file uses the XInclude namespace, which would make "
                                         "the reader include other files",
                                  lines - tail.count(b"\n") + before.count(b"\n"))
            tail = chunk[-_XINCLUDE_TAIL:]
            if not seen_text:
                seen_text = bool(chunk.strip())
            fed += len(chunk)
            lines += chunk.count(b"\n")
            try:
                parser.feed(chunk)
            except etree.XMLSyntaxError as exc:
                yield from parser.read_events()        # the elements closed before the break, wherever the chunk began
                raise _syntax_error(where, exc, parser.feed_error_log) from None
            yield from parser.read_events()
        if not seen_text:
            raise SourceError(where, "empty file: expected a TEI volume or document" if fed == 0
                              else "file holds only whitespace: expected a TEI volume or document")
        try:
            parser.close()
            yield from parser.read_events()
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(where, exc, parser.feed_error_log) from None
