"""Streaming XML that cannot reach outside the file it reads.

TEI volumes come from outside. An XML file can ask its parser to read local files or URLs
(XXE) or to expand entities exponentially ("billion laughs"). Here a DOCTYPE that declares
entities is refused before a byte reaches the parser, and lxml runs with resolve_entities=False,
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

__all__ = ["xml_events", "CHUNK_SIZE", "MAX_PROLOG"]

CHUNK_SIZE = 1 << 16
MAX_PROLOG = 1 << 20          # a DOCTYPE longer than this is refused rather than buffered
_GZIP_MAGIC = b"\x1f\x8b"
_DOCTYPE = re.compile(rb"<!DOCTYPE\b")
_ENTITY = re.compile(rb"<!ENTITY\b")
_ROOT = re.compile(rb"<[A-Za-z_:]")
_SUBSET_END = re.compile(rb"\]\s*>")
_WHERE = re.compile(r",?\s*line \d+, column \d+\s*$")


def _line_col(data: bytes, pos: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, pos) + 1
    return line, pos - (data.rfind(b"\n", 0, pos) + 1) + 1


def _check_prolog(path: str, head: bytes, eof: bool) -> bool:
    """True once the prolog is known to be safe; False if more bytes are needed. Raises if unsafe."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        raise SourceError(path, "UTF-16/UTF-32 input is not read: FRUS TEI is UTF-8", 1, 1)
    root = _ROOT.search(head)
    doctype = _DOCTYPE.search(head, 0, root.start() if root else len(head))
    if doctype is None:
        if root is not None or eof:
            return True
        if len(head) > MAX_PROLOG:
            raise SourceError(path, f"no root element in the first {MAX_PROLOG} bytes", 1, 1)
        return False
    subset_end = _SUBSET_END.search(head, doctype.end())
    stop = subset_end.end() if subset_end else (root.start() if root else len(head))
    entity = _ENTITY.search(head, doctype.end(), stop)
    if entity is not None:
        line, col = _line_col(head, entity.start())
        raise SourceError(path, "the DOCTYPE declares entities; entity declarations are refused "
                                "(they enable XXE and billion-laughs attacks)", line, col)
    if subset_end or root or eof:
        return True
    if len(head) > MAX_PROLOG:
        line, col = _line_col(head, doctype.start())
        raise SourceError(path, f"DOCTYPE longer than {MAX_PROLOG} bytes refused", line, col)
    return False


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
    try:
        raw = open(path, "rb")
    except FileNotFoundError:
        raise SourceError(str(path), "no such file or folder") from None
    except OSError as exc:
        raise SourceError(str(path), f"cannot open: {exc.strerror or exc}") from None
    magic = raw.read(2)
    raw.seek(0)
    return raw, (gzip.GzipFile(fileobj=raw, mode="rb") if magic == _GZIP_MAGIC else raw)


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
    head = b""
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
                if not _check_prolog(where, head, eof=not chunk):
                    continue
                prolog_ok, chunk, head = True, head, b""
            if not chunk:
                break
            if not seen_text:
                seen_text = bool(chunk.strip())
            fed += len(chunk)
            lines += chunk.count(b"\n")
            try:
                parser.feed(chunk)
                yield from parser.read_events()
            except etree.XMLSyntaxError as exc:
                raise _syntax_error(where, exc, parser.feed_error_log) from None
        if not seen_text:
            raise SourceError(where, "empty file: expected a TEI volume or document" if fed == 0
                              else "file holds only whitespace: expected a TEI volume or document")
        try:
            parser.close()
            yield from parser.read_events()
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(where, exc, parser.feed_error_log) from None
