"""A SPARQL syntax error in words: where the text went wrong (line, column, the text there), the line with a caret
under the place, what is likely wrong (graph/sparql_hints.py) or else what fits there, and the parser's own report.

pyoxigraph's parser is a PEG parser: it reports the furthest point it reached and the alternatives it tried
there, in its own notation (`[_]` for any character, Unicode ranges for the letters of a name). For a misspelt
first keyword that point lies past the word, and what it lists depends on the text that follows: `SELEC ?s WHERE
{…}` is "error at 1:10: expected CONSTRUCT", `SELEC ?s` is "expected one of DESCRIBE, [_]". The store words
every syntax error of a query or update here, so `frus-kg query`, /sparql and the Graph Store say the same thing.
"""
from __future__ import annotations

import re

from .errors import SparqlSyntaxError
from .sparql_guard import lexemes
from .sparql_hints import Hint, hint_for, keyword_like

__all__ = ["QUERY_FORMS", "UPDATE_OPERATIONS", "syntax_error", "syntax_message", "excerpt"]

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_OPERATIONS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

_POSITION = re.compile(r"\bat (\d+):(\d+)(?:-\d+:\d+)?:?")
_EXPECTED = re.compile(r"\bexpected (?:one of )?(.*)", re.DOTALL)
_ALTERNATIVE = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]|[^,]+)\s*(?:,|$)""", re.DOTALL)
_SNIPPET = 24
_WINDOW = 100           # the longest stretch of a line the excerpt shows


def syntax_error(text: str, report: str, forms: tuple[str, ...] = QUERY_FORMS) -> SparqlSyntaxError:
    """`report` (pyoxigraph's SyntaxError text for `text`) as an error that names the place, quotes the line with a
    caret under it and says what is likely wrong. `forms`: the keywords `text` may begin with (a query's forms, or
    UPDATE_OPERATIONS for an update); a first token that is none of them is the error."""
    parser_message = " ".join(report.split())
    if next(lexemes(text), None) is None:          # nothing but blanks and comments: the parser expects "[_]"
        what = "query" if forms == QUERY_FORMS else "update"
        return _located(text, len(text), "", Hint(f"the {what} is empty; {_begins(forms)}", len(text)), parser_message)
    first = _first_token(text)
    if first is not None and first[0].upper() not in QUERY_FORMS + UPDATE_OPERATIONS:
        return _located(text, first[1], "", _form_hint(*first, forms), parser_message)
    found = _POSITION.search(report)
    if found is None:
        return SparqlSyntaxError("SPARQL syntax error (the parser named no place in the query): " + parser_message,
                                 parser_message=parser_message)
    offset = _offset(text, int(found.group(1)), int(found.group(2)))
    wanted = _EXPECTED.search(report[found.end():])
    expected = _readable(wanted.group(1)) if wanted else ()
    said = f"expected {_listed(expected)}" if expected else ""
    return _located(text, offset, said, hint_for(text, offset, expected), parser_message)


def syntax_message(text: str, report: str, forms: tuple[str, ...] = QUERY_FORMS) -> str:
    """The one sentence of `syntax_error`."""
    return str(syntax_error(text, report, forms))


def _form_hint(token: str, offset: int, forms: tuple[str, ...]) -> Hint:
    """What a text must begin with, and the form `token` was probably meant to be."""
    begins = _begins(forms)
    meant = keyword_like(token, forms)
    return Hint(f"did you mean {meant}? {begins[:1].upper() + begins[1:]}" if meant else begins, offset)


def _begins(forms: tuple[str, ...]) -> str:
    return f"{'a query' if forms == QUERY_FORMS else 'an update'} begins with {_either(forms)}"


def _located(text: str, offset: int, expected: str, hint: Hint | None, parser_message: str) -> SparqlSyntaxError:
    """The error at the hint's place (where the mistake is), else at the parser's `offset`."""
    if hint is not None:
        offset = hint.offset
    line, column = _line_column(text, offset)
    where = _text_at(text, offset) or "at the end of the text"
    said = hint.words if hint else expected
    return SparqlSyntaxError(f"SPARQL syntax error at line {line}, column {column} ({where})" + (
        f": {said}" if said else ""), line=line, column=column, excerpt=excerpt(text, offset),
        hint=hint.words if hint else "", parser_message=parser_message)


def excerpt(text: str, offset: int) -> str:
    """The line of `text` holding `offset`, numbered, and under it a caret at the offset's column (tabs kept, so it
    lines up in a terminal); a long line is cut to a window around the place."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start:len(text) if line_end < 0 else line_end].rstrip("\r")
    column = offset - line_start
    cut = max(0, column - _WINDOW // 2) if len(line) > _WINDOW else 0
    shown = ("…" if cut else "") + line[cut:cut + _WINDOW] + ("…" if len(line) > cut + _WINDOW else "")
    before = ("…" if cut else "") + line[cut:column]
    number = str(text.count("\n", 0, offset) + 1)
    gutter = " " * len(number)
    caret = "".join(c if c == "\t" else " " for c in before) + "^"
    return f"  {number} | {shown}\n  {gutter} | {caret}"


def _offset(text: str, line: int, column: int) -> int:
    """The offset of the parser's (line, column), both from 1 and in characters; past the text, its end."""
    lines = text.split("\n")
    if line > len(lines):
        return len(text)
    return min(sum(len(t) + 1 for t in lines[:line - 1]) + min(column - 1, len(lines[line - 1])), len(text))


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


def _either(items) -> str:
    return ", ".join(items[:-1]) + " or " + items[-1]


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _text_at(text: str, offset: int) -> str | None:
    """A short quote of the word or prefixed name at `offset`, else of the text from there to its line's end, `'…'`;
    None at the end of the text."""
    rest = text[offset:]
    if not rest.strip():
        return None
    first = next(lexemes(rest), None)
    if first is not None and first[2] == 0 and first[0] in ("word", "pname"):
        return _quote(first[1])
    return _quote(rest.split("\n", 1)[0].rstrip() or rest.lstrip().split("\n", 1)[0].rstrip())


def _quote(text: str) -> str:
    return "'" + text[:_SNIPPET] + ("…" if len(text) > _SNIPPET else "") + "'"
