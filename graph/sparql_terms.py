"""RDF terms written as SPARQL text, so that values from outside (REST parameters) never become query syntax.

Every value a caller supplies goes through `iri()` or `literal()`, which follow the SPARQL 1.1
grammar (IRIREF, STRING_LITERAL2 with ECHAR escapes) and refuse what the grammar cannot hold:
`ValueError` means "not a valid term", which an API answers with 400. `values()` writes a VALUES
block from such terms.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal
from typing import Iterable

__all__ = ["iri", "literal", "values", "folded_word_start_pattern", "MAX_TERM_LENGTH"]

MAX_TERM_LENGTH = 4096
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _checked(text: str, what: str) -> str:
    if not isinstance(text, str):
        raise ValueError(f"{what} must be a string, not {type(text).__name__}")
    if len(text) > MAX_TERM_LENGTH:
        raise ValueError(f"{what} is longer than {MAX_TERM_LENGTH} characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{what} is not valid Unicode (a lone surrogate)") from None
    if "\x00" in text:
        raise ValueError(f"{what} contains a NUL character")
    return text


def iri(value: str) -> str:
    """`<value>` for an absolute IRI; ValueError for anything IRIREF cannot hold (spaces, quotes, braces…)."""
    value = _checked(value, "an IRI")
    if not _SCHEME.match(value):
        raise ValueError(f"not an absolute IRI: {value[:80]!r}")
    bad = _IRI_FORBIDDEN.search(value)
    if bad:
        raise ValueError(f"character {bad.group()!r} is not allowed in an IRI")
    return f"<{value}>"


def _string(text: str) -> str:
    return '"' + "".join(_ECHAR.get(ch, ch) for ch in text) + '"'


def literal(value: str | int | float | Decimal | bool | dt.date, *, lang: str | None = None,
            datatype: str | None = None) -> str:
    """A literal: strings quoted and escaped, numbers, booleans and dates typed (or `datatype` given)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Decimal)):
        if not (isinstance(value, Decimal) or math.isfinite(value)):
            raise ValueError("NaN and infinity are not SPARQL numbers")
        return f"{_string(str(value))}^^{iri(_XSD + ('double' if isinstance(value, float) else 'decimal'))}"
    if isinstance(value, (dt.date, dt.datetime)):
        kind = "dateTime" if isinstance(value, dt.datetime) else "date"
        return f"{_string(value.isoformat())}^^{iri(_XSD + kind)}"
    text = _string(_checked(value, "a literal"))
    if lang is not None:
        if datatype is not None or not _LANGUAGE.fullmatch(lang):
            raise ValueError(f"bad language tag {lang!r}")
        return f"{text}@{lang}"
    return f"{text}^^{iri(datatype)}" if datatype is not None else text


def values(variable: str, terms: Iterable[str]) -> str:
    """`VALUES ?variable { … }` from terms already written by `iri()` or `literal()`."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", variable):
        raise ValueError(f"bad variable name {variable!r}")
    return f"VALUES ?{variable} {{ {' '.join(terms)} }}"


# Latin letters and the accented forms FRUS names print with them (Eddé, Hammarskjöld, Muñoz, Ağa, Šik)
_ACCENTED = {base: base + "".join(ch for ch in map(chr, range(0xC0, 0x250))
                                  if unicodedata.normalize("NFKD", ch)[0].lower() == base and ch.islower())
             for base in "abcdefghijklmnopqrstuvwxyz"}
for _base, _extra in (("o", "ø"), ("l", "ł"), ("d", "đ")):        # letters NFKD does not take apart
    _ACCENTED[_base] += _extra


def folded_word_start_pattern(prefix: str) -> str:
    """A REGEX literal matching lower-cased text in which a word starts with `prefix` (the text's first word or one
    after a character that is no letter or digit), accents aside either way: "edde" and "eddé" both find "eddé,
    raymond", and "patrick" finds "william patrick clark". Compare it with LCASE(STR(?x))."""
    base = "".join(ch for ch in unicodedata.normalize("NFKD", prefix.lower()) if not unicodedata.combining(ch))
    parts = []
    for ch in base:
        forms = _ACCENTED.get(ch)
        parts.append(f"[{forms}]" if forms and len(forms) > 1 else re.escape(ch))
    return literal(r"(^|[^\p{L}\p{N}])" + "".join(parts))
