"""RDF terms as N-Triples strings: read N-Quads text into (s, p, o) string triples, and take literals apart.

Why strings: reading `q.subject`/`q.predicate`/`q.object` of a pyoxigraph Quad costs ~5 µs per quad
(each access builds new Python objects), while pyoxigraph serialises N-Quads at ~1.3 µs a quad and
Python splits the lines at ~1 µs. The fast SHACL engine therefore validates the very N-Quads bytes a
worker ships to the store: "<iri>", "_:b", '"lexical"', '"lexical"@en', '"lexical"^^<datatype>'.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

import pyoxigraph as ox

from .namespaces import RDF, XSD

__all__ = ["triples_from_nquads", "nquads_of", "literal_parts", "unescape", "is_iri", "is_literal", "is_blank",
           "iri_value", "term_value", "to_ox"]

_STRING = XSD + "string"
_LANG_STRING = RDF + "langString"
_ESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def nquads_of(quads: Iterable[ox.Quad | ox.Triple]) -> bytes:
    """N-Quads (or N-Triples, for triples) bytes of pyoxigraph quads."""
    quads = quads if isinstance(quads, list) else list(quads)
    if quads and isinstance(quads[0], ox.Triple):
        return ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def triples_from_nquads(data: bytes | str) -> Iterator[tuple[str, str, str]]:
    """(subject, predicate, object) N-Triples strings of each line of N-Quads/N-Triples (graph names dropped)."""
    text = data.decode("utf-8") if isinstance(data, (bytes, bytearray, memoryview)) else data
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        if not line.endswith("."):
            raise ValueError(f"not an N-Quads line: {line[:80]!r}")
        # subject and predicate never contain spaces; an IRI or blank-node object is one token; a
        # literal ends at the last '"' of the line (no IRI contains one), then its @lang or ^^<datatype>
        s_end = line.index(" ")
        p_end = line.index(" ", s_end + 1)
        if line[p_end + 1] == '"':
            o_end = line.index(" ", line.rindex('"'))
        else:
            o_end = line.index(" ", p_end + 1)
        yield line[:s_end], line[s_end + 1:p_end], line[p_end + 1:o_end]


def is_iri(term: str) -> bool:
    return term[0] == "<"


def is_literal(term: str) -> bool:
    return term[0] == '"'


def is_blank(term: str) -> bool:
    return term[0] == "_"


def iri_value(term: str) -> str:
    return term[1:-1]


def unescape(raw: str) -> str:
    if "\\" not in raw:
        return raw

    def one(m: re.Match) -> str:
        if m.group(1) or m.group(2):
            return chr(int(m.group(1) or m.group(2), 16))
        return _SIMPLE.get(m.group(3), m.group(3))
    return _ESCAPE.sub(one, raw)


def literal_parts(term: str) -> tuple[str, str, str | None]:
    """(lexical form, datatype IRI, language) of a literal term."""
    end = term.rfind('"')
    lexical = unescape(term[1:end])
    suffix = term[end + 1:]
    if not suffix:
        return lexical, _STRING, None
    if suffix[0] == "@":
        return lexical, _LANG_STRING, suffix[1:]
    return lexical, suffix[3:-1], None


def term_value(term: str) -> str:
    """What a report shows of a term: the IRI, the blank node id, or the literal's lexical form."""
    if term[0] == "<":
        return term[1:-1]
    if term[0] == '"':
        return literal_parts(term)[0]
    return term[2:]


def to_ox(term: str):
    """A pyoxigraph term for an N-Triples term string (used only off the fast path)."""
    if term[0] == "<":
        return ox.NamedNode(term[1:-1])
    if term[0] == "_":
        return ox.BlankNode(term[2:])
    lexical, datatype, language = literal_parts(term)
    return ox.Literal(lexical, language=language) if language else ox.Literal(lexical, datatype=ox.NamedNode(datatype))
