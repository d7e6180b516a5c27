"""A SPARQL syntax error in words: where the text went wrong (line, column, the text there) and what fits there.

pyoxigraph's parser is a PEG parser: it reports the furthest point it reached and the alternatives it tried
there, in its own notation (`[_]` for any character, Unicode ranges for the letters of a name). For a misspelt
first keyword that point lies past the word, and what it lists depends on the text that follows: `SELEC ?s WHERE
{…}` is "error at 1:10: expected CONSTRUCT", `SELEC ?s` is "expected one of DESCRIBE, [_]". The store words
every syntax error of a query or update here, so `frus-kg query`, /sparql and the Graph Store say the same thing.
"""
from __future__ import annotations

import re

from .sparql_guard import lexemes

__all__ = ["QUERY_FORMS", "UPDATE_OPERATIONS", "syntax_message"]

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_OPERATIONS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

_REPORT = re.compile(r"error at (\d+):(\d+): (?:expected (?:one of )?)?(.*)", re.DOTALL)
_ALTERNATIVE = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]|[^,]+)\s*(?:,|$)""", re.DOTALL)
_SNIPPET = 24


def syntax_message(text: str, report: str, forms: tuple[str, ...] = QUERY_FORMS) -> str:
    """`report` (pyoxigraph's SyntaxError text for `text`) as one sentence. `forms`: the keywords `text` may begin
    with (a query's forms, or UPDATE_OPERATIONS for an update); a first token that is none of them is the error."""
    first = _first_token(text)
    if first is not None and first[0].upper() not in QUERY_FORMS + UPDATE_OPERATIONS:
        token, offset = first
        line, column = _line_column(text, offset)
        return f"SPARQL syntax error at line {line}, column {column} ({_quote(token)}): expected {_listed(forms)}"
    found = _REPORT.match(report.strip())
    if found is None:
        return f"SPARQL syntax error: {report}"
    line, column = int(found.group(1)), int(found.group(2))
    expected = _readable(found.group(3))
    where = _text_at(text, line, column) or "at the end of the text"
    return f"SPARQL syntax error at line {line}, column {column} ({where})" + (
        f": expected {_listed(expected)}" if expected else "")


def _first_token(text: str) -> tuple[str, int] | None:
    """The first token after the prologue (BASE, PREFIX and VERSION declarations) and its offset; None when there is
    none or the prologue does not read cleanly (the parser's own report is then the better guide)."""
    expect = None
    for kind, value, offset in lexemes(text):
        if expect == "pname" and kind == "pname":
            expect = "iri"
        elif expect == "iri" and kind == "iri" or expect == "string" and kind == "string":
            expect = None
        elif expect is not None:
            return None
        elif kind == "word" and value.lower() in ("base", "prefix", "version"):
            expect = {"base": "iri", "prefix": "pname", "version": "string"}[value.lower()]
        else:
            return value, offset
    return None


def _readable(alternatives: str) -> tuple[str, ...]:
    """The parser's alternatives without its character classes (`[_]`, `['A' ..= 'Z' | …]`), which name no token."""
    return tuple(item for item in (m.group(1).strip() for m in _ALTERNATIVE.finditer(alternatives))
                 if item and not item.startswith("["))


def _listed(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else "one of " + ", ".join(items)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _text_at(text: str, line: int, column: int) -> str | None:
    """A short quote of the text from (line, column), `'…'`, or None at the end of the text."""
    lines = text.split("\n")
    if line > len(lines):
        return None
    offset = sum(len(t) + 1 for t in lines[:line - 1]) + column - 1
    rest = text[offset:]
    if not rest.strip():
        return None
    return _quote(rest.split("\n", 1)[0].rstrip() or rest.lstrip().split("\n", 1)[0].rstrip())


def _quote(text: str) -> str:
    return "'" + text[:_SNIPPET] + ("…" if len(text) > _SNIPPET else "") + "'"
