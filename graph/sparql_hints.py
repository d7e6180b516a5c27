"""What is likely wrong with a SPARQL text the parser could not read, in plain words, and where it is.

The parser (pyoxigraph's PEG grammar) reports the furthest point it reached, which can lie past the mistake: a
misspelt keyword is read as far as the longest keyword it might have been (`FILTR(?o)` is reported eight characters
on, where OPTIONAL would end), a missing object after the closing brace. Each hint is read from the query's tokens
(graph.sparql_guard's lexer, which skips strings, IRIs and comments), says where the mistake itself is, and is
given only when the tokens show it plainly; otherwise there is none and the parser's report stands alone.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from ontology.namespaces import PREFIXES

from .sparql_guard import lexemes

__all__ = ["Hint", "KEYWORDS", "hint_for", "keyword_like"]

KEYWORDS = frozenset("""
    BASE PREFIX VERSION SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED ORDER BY ASC DESC LIMIT OFFSET DISTINCT REDUCED
    GROUP HAVING AS VALUES UNDEF OPTIONAL UNION MINUS GRAPH SERVICE SILENT FILTER BIND EXISTS NOT IN A TRUE FALSE
    LATERAL LOAD CLEAR DROP CREATE ADD MOVE COPY TO INTO INSERT DELETE DATA WITH USING DEFAULT ALL
    STR LANG LANGMATCHES LANGDIR DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE
    ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW
    UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRLANGDIR STRDT SAMETERM ISIRI ISURI ISBLANK
    ISLITERAL ISNUMERIC ISTRIPLE TRIPLE SUBJECT PREDICATE OBJECT HASLANG HASLANGDIR REGEX SUBSTR REPLACE ADJUST
    COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR
""".split())
_TERMS = ("var", "iri", "pname", "string")
_PAIRS = {"}": "{", ")": "(", "]": "["}
_KEYWORD_REACH = 20             # how far past a misspelt word the parser may report (the longest keyword, and some)


@dataclass(frozen=True)
class Hint:
    """`words`: what is wrong, one sentence without the place; `offset`: where, in characters from the start."""
    words: str
    offset: int


@dataclass(frozen=True)
class _Error:
    text: str
    tokens: list[tuple[str, str, int]]
    offset: int                     # the parser's place
    expected: tuple[str, ...]       # what the parser would have accepted there, in its words


def hint_for(text: str, offset: int, expected: tuple[str, ...]) -> Hint | None:
    """The plainest hint the tokens support for an error the parser placed at `offset`, or None."""
    error = _Error(text, list(lexemes(text)), offset, expected)
    for find in (_unclosed_string, _broken_iri, _undeclared_prefix, _stray_bracket, _missing_object, _unclosed_bracket,
                 _misspelt_keyword, _parser_sentence):
        hint = find(error)
        if hint is not None:
            return hint
    return None


def keyword_like(word: str, candidates=()) -> str | None:
    """The keyword `word` was probably meant to be (among `candidates` first), or None."""
    for pool in (candidates, sorted(KEYWORDS)):
        found = difflib.get_close_matches(word.upper(), [c.upper() for c in pool], n=1, cutoff=0.75)
        if found:
            return found[0]
    return None


def _place(text: str, offset: int) -> str:
    line, line_start = text.count("\n", 0, offset) + 1, text.rfind("\n", 0, offset) + 1
    return f"line {line}, column {offset - line_start + 1}"


def _unclosed_string(error: _Error) -> Hint | None:
    """A quote the lexer could not pair on its line: a string left open (the parser stops at the line's end)."""
    for kind, value, offset in error.tokens:
        if kind == "other" and value in "\"'" and offset <= error.offset:
            start = offset - 2 if error.text[max(offset - 2, 0):offset + 1] == value * 3 else offset
            return Hint(f"this string is not closed: end it with {value} on the same line (text of several lines "
                        f"goes between {value * 3} and {value * 3})", start)
    return None


def _broken_iri(error: _Error) -> Hint | None:
    """An IRI the parser could not read or found no '>' for; the lexer saw its '<' alone (as it sees a less-than)."""
    if "IRI parsing failed" in error.expected:
        words = "this IRI is not valid: an IRI holds no spaces, quotes, braces, '|', '^', '`' or '\\'"
    elif error.expected == ('">"',):
        words = "this IRI is not closed: end it with '>' (an IRI holds no spaces)"
    else:
        return None
    opened = [offset for kind, value, offset in error.tokens
              if kind == "other" and value == "<" and offset < error.offset]
    return Hint(words, opened[-1]) if opened else None


def _undeclared_prefix(error: _Error) -> Hint | None:
    if "Prefix not found" not in error.expected:
        return None
    names = [(value, offset) for kind, value, offset in error.tokens if kind == "pname" and offset < error.offset]
    if not names:
        return None
    name, offset = names[-1]
    prefix = name.split(":", 1)[0]
    if prefix in PREFIXES:
        return Hint(f"the prefix {prefix}: is not declared: add the line PREFIX {prefix}: <{PREFIXES[prefix]}> "
                    "before the query", offset)
    known = ", ".join(f"{p}:" for p in PREFIXES)
    return Hint(f"the prefix {prefix}: is not declared: add a line PREFIX {prefix}: <namespace IRI> before the query "
                f"(this service knows the prefixes {known}, each declared the same way)", offset)


def _brackets(error: _Error):
    """(problem, offset, the opener and its offset or None) of the first bracket that does not pair, or None: 'stray'
    for a closer that closes nothing or the wrong opener, 'open' for an opener left open at the end of the text."""
    stack: list[tuple[str, int]] = []
    for kind, value, offset in error.tokens:
        if kind == "open":
            stack.append((value, offset))
        elif kind == "close":
            if not stack or stack[-1][0] != _PAIRS[value]:
                return ("stray", offset, stack[-1] if stack else None)
            stack.pop()
    return ("open", stack[-1][1], stack[-1]) if stack else None


def _stray_bracket(error: _Error) -> Hint | None:
    """A closer the parser reached (a later one is not the mistake it met)."""
    found = _brackets(error)
    if found is None or found[0] != "stray" or found[1] > error.offset:
        return None
    _, offset, opener = found
    closer = error.text[offset]
    if opener is None:
        return Hint(f"this '{closer}' closes nothing: no '{_PAIRS[closer]}' before it is still open", offset)
    return Hint(f"this '{closer}' comes before the '{opener[0]}' at {_place(error.text, opener[1])} is closed", offset)


def _unclosed_bracket(error: _Error) -> Hint | None:
    """An opener still open when the parser ran out of text."""
    found = _brackets(error)
    if found is None or found[0] != "open" or error.offset < len(error.text.rstrip()):
        return None
    _, offset, (opener, _) = found
    closer = next(c for c, o in _PAIRS.items() if o == opener)
    return Hint(f"this '{opener}' is never closed: add a '{closer}' where its part of the query ends", offset)


def _missing_object(error: _Error) -> Hint | None:
    """A triple pattern cut short before the parser's place: `?s ?p }`, `?s ?p .`, `; ?q }`, `, }`."""
    found = None
    for start, terms, end in _pattern_runs(error.tokens, len(error.text)):
        if end > error.offset:
            break
        if (start in "{.}" and len(terms) == 2) or (start == ";" and len(terms) == 1) or (start == "," and not terms):
            found = (terms, end)
        else:
            found = None
    if found is None or any(found[1] < o < error.offset for _, _, o in error.tokens):
        return None         # a token between the pattern's end and the parser's place: the parser met another mistake
    terms, end = found
    shown = " ".join(terms)
    if not terms:
        return Hint("an object is missing after this ','", end)
    return Hint(f"the triple pattern '{shown}' has no object: a pattern is a subject, a predicate and an object "
                "(e.g. ?s ?p ?o)" if len(terms) == 2 else f"'{shown}' after ';' has no object", end)


def _pattern_runs(tokens, end_of_text: int):
    """(separator before, terms, offset of the separator after) of each run of tokens between separators inside
    braces; a run holding anything but terms (a keyword, a bracket, a path, a number) is not yielded. The data of
    VALUES, which is no pattern, is skipped."""
    data: list[bool] = []
    run, start, last_word = None, "", ""
    for kind, value, offset in tokens:
        separator = kind in ("open", "close", "other") and value in "{}.;,"
        if separator and run is not None:
            yield start, run, offset
        if kind == "open" and value == "{":
            data.append(last_word == "values")
        elif kind == "close" and value == "}" and data:
            data.pop()
        if separator:
            run, start = (None, "") if not data or data[-1] else ([], value)
        elif run is not None:
            run = run + [value] if kind in _TERMS or value.lower() == "a" else None
        if kind == "word":
            last_word = value.lower()
    if run is not None:
        yield start, run, end_of_text


def _misspelt_keyword(error: _Error) -> Hint | None:
    """A bare word that is no keyword just before the parser's place (never a language tag or an exponent)."""
    for at in range(len(error.tokens) - 1, -1, -1):
        kind, value, offset = error.tokens[at]
        if offset > error.offset or kind != "word":
            continue
        if error.offset - offset > _KEYWORD_REACH:
            return None
        if value.upper() in KEYWORDS or error.text[offset - 1:offset] in ("@", "-") or \
                error.text[offset - 1:offset].isdigit():
            continue
        if at and error.tokens[at - 1][1].lower() == "prefix":
            return Hint(f"a prefix is declared with its colon: PREFIX {value}: <namespace IRI>", offset)
        meant = keyword_like(value, [e for e in error.expected if e.isupper()])
        return Hint(f"'{value}' is not a SPARQL keyword" + (f": did you mean {meant}?" if meant else ""), offset)
    return None


def _parser_sentence(error: _Error) -> Hint | None:
    """The parser's own sentences among what it expected ('Duplicated variable name in SELECT')."""
    sentences = [e for e in error.expected if " " in e and not e.startswith('"')]
    if not sentences:
        return None
    return Hint("; ".join(s[:1].lower() + s[1:] for s in sentences), error.offset)
