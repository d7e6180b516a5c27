"""Full names a volume prints anywhere ("Raymond A. Hare", "J. Klahr Huddle"), by family name.

A telegram's heading often names its sender by family name alone: "The Chargé in India (Donovan) to the
Secretary of State". Volumes without a persons list (1948–1952) give the full name once, in a footnote or a
memorandum's list of participants, and never in the heading. This index is the volume-wide evidence the entity
extractor reads to settle such a name (ingest.entities.extract). It is read in one streamed pass with bounded
memory: no decompressed volume is held whole.
"""
from __future__ import annotations

import codecs
import gzip
import re
import zlib
from pathlib import Path

from .errors import SourceError
from .limits import open_input

__all__ = ["MAX_FORMS", "printed_names", "printed_names_in_file"]

MAX_FORMS = 50_000
_CHUNK = 1 << 20
_WORD = r"(?:Mc|Mac|O’|O')?[A-Z][a-z]+"
_NAME = re.compile(rf"\b(?:(?:[A-Z]\.[ ]?){{1,3}}(?:{_WORD}[ ]+)?|{_WORD}(?:[ ]+(?:[A-Z]\.|{_WORD})){{0,2}}[ ]+)"
                   rf"(?P<family>{_WORD}(?:-{_WORD})?)\b(?![ ]+[A-Z][a-z])")
_TAG = re.compile(r"<[^<>]*>")
_SPACE = re.compile(r"\s+")
_BODY = re.compile(r"<body[\s>]")            # the documents: not the persons list or the index, which print
_BODY_END = re.compile(r"</body\s*>")       # names inverted ("Jones, George Lewis")


def printed_names(text: str) -> dict[str, tuple[str, ...]]:
    """Family name (lower case) -> the forms printed with forenames or initials. A form may start with words that
    are no forename ("Hare Raymond A. Hare" where a list runs on): the reader of the index trims them."""
    return _frozen(_collect(text, {}))


def _frozen(found: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    return {k: tuple(sorted(v)) for k, v in found.items()}


def _collect(text: str, out: dict[str, set[str]]) -> dict[str, set[str]]:
    total = sum(len(v) for v in out.values())
    for m in _NAME.finditer(_SPACE.sub(" ", text)):
        if total >= MAX_FORMS:
            break
        forms = out.setdefault(m.group("family").lower(), set())
        if m.group(0) not in forms:
            forms.add(m.group(0))
            total += 1
    return out


def printed_names_in_file(path: str | Path) -> dict[str, tuple[str, ...]]:
    """`printed_names` over the text of an XML file's body (plain or gzipped), tags dropped, in chunks. A file the
    reader cannot read gives what was read before the fault: the XML reader reports the fault itself."""
    out: dict[str, set[str]] = {}
    carry = ""
    in_body = False
    try:
        raw = open_input(str(path))
        with raw:
            magic = raw.read(2)
            raw.seek(0)
            stream = gzip.GzipFile(fileobj=raw, mode="rb") if magic == b"\x1f\x8b" else raw
            decode = codecs.getincrementaldecoder("utf-8")("replace").decode
            while True:
                chunk = stream.read1(_CHUNK)      # read1: what a truncated .gz held is kept
                if not chunk:
                    break
                text = carry + decode(chunk)
                if not in_body:
                    at = _BODY.search(text)
                    text, in_body = (text[at.start():], True) if at else (text[-100:], False)
                end = _BODY_END.search(text)
                if end:
                    carry = text[:end.start()]
                    break
                cut = text.rfind("\n") + 1          # names run within a line of the file
                if len(text) - cut > _CHUNK:
                    cut = len(text)
                carry = text[cut:]
                _collect(_TAG.sub(" ", text[:cut]), out)
    except (OSError, EOFError, zlib.error, SourceError):
        pass
    if in_body:
        _collect(_TAG.sub(" ", carry), out)
    return _frozen(out)
