"""Checks a SPARQL request before any engine parses it: nesting depth, operator count, form, SERVICE.

pyoxigraph's parser and evaluator recurse: about 5,000 nested parentheses, 3,000 nested groups or
10,000 chained FILTERs or UNIONs overflow the native stack and kill the process (a SIGSEGV, not an
exception). A lexer that only counts brackets and keywords cannot overflow, so it runs first and refuses
such requests with a message that names the limit. It also tells the query form (so a caller can pick
the result format before running it) and every `SERVICE` target (so federation can be allow-listed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import QueryRefused

__all__ = ["GuardLimits", "QueryShape", "inspect_query", "has_dataset_clause", "dataset_clause", "DatasetClause", "DEFAULT_LIMITS",
           "lexemes"]


@dataclass(frozen=True)
class GuardLimits:
    max_depth: int = 100
    max_operators: int = 500
    max_length: int = 256 * 1024


DEFAULT_LIMITS = GuardLimits()


@dataclass
class QueryShape:
    """What the lexer saw: the form (`select`, `ask`, `construct`, `describe` or `update`), SERVICE IRIs, and
    whether an update has a LOAD operation (which would make the engine fetch a URL or read a file).

    A `SERVICE ?var` target is recorded as None: it names no endpoint that an allow-list could check.
    """
    form: str
    depth: int
    operators: int
    services: list[str | None] = field(default_factory=list)
    loads: bool = False


_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:(?:[\w\-.:%\\\u00b7\u00c0-\uffff]*[\w\-:%\u00b7\u00c0-\uffff])?)
  | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<open>[({\[])
  | (?P<close>[)}\]])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

_FORMS = {"select": "select", "ask": "ask", "construct": "construct", "describe": "describe"}
_UPDATE_WORDS = {"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"}
_OPERATORS = {"union", "filter", "optional", "minus", "service", "graph", "bind", "values", "exists", "select"}


def lexemes(text: str):
    """(kind, text, offset) of each token but white space and comments; kinds are the groups of _TOKEN."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind not in ("ws", "comment"):
            yield kind, match.group(), match.start()


def _tokens(text: str):
    for kind, value, _ in lexemes(text):
        yield kind, value


def inspect_query(text: str, limits: GuardLimits = DEFAULT_LIMITS) -> QueryShape:
    """Lex `text` once and return its shape, or raise QueryRefused naming the limit it breaks."""
    if len(text) > limits.max_length:
        raise QueryRefused(f"the query is {len(text):,} characters long; this service accepts at most "
                           f"{limits.max_length:,}")
    prefixes: dict[str, str] = {}
    form = None
    depth = deepest = operators = 0
    services: list[str | None] = []
    loads = False
    expect: str | None = None     # what the previous keywords announced: 'prefix', 'prefix-iri', 'service'
    pending_prefix = ""
    previous = ""
    for kind, value in _tokens(text):
        lower = value.lower() if kind == "word" and previous != "@" else ""    # after '@': a language tag
        previous = value
        if expect == "prefix" and kind == "pname":
            pending_prefix, expect = value[:-1] if value.endswith(":") else value.split(":", 1)[0], "prefix-iri"
            continue
        if expect == "prefix-iri" and kind == "iri":
            prefixes[pending_prefix] = value[1:-1]
            expect = None
            continue
        if expect == "service":
            if lower == "silent":
                continue
            services.append(_service_target(kind, value, prefixes))
            expect = None
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limits.max_depth:
                raise QueryRefused(f"the query nests brackets more than {limits.max_depth} deep; this service "
                                   "refuses deeper nesting, which would exhaust the query engine's stack")
        elif kind == "close":
            depth -= 1
        elif kind == "word":
            if lower == "prefix":
                expect = "prefix"
            elif lower == "service":
                expect = "service"
            elif lower == "load":
                loads = True
            if form is None and lower in _FORMS:
                form = _FORMS[lower]
            elif form is None and lower in _UPDATE_WORDS:
                form = "update"
            if lower in _OPERATORS:
                operators += 1
                if operators > limits.max_operators:
                    raise QueryRefused(f"the query has more than {limits.max_operators} graph-pattern operators "
                                       "(UNION, FILTER, OPTIONAL, …); this service refuses more")
    return QueryShape(form=form or "unknown", depth=deepest, operators=operators, services=services, loads=loads)


_FROM = re.compile(r"from", re.IGNORECASE)


@dataclass(frozen=True)
class DatasetClause:
    """The IRIs of a query's `FROM` (default) and `FROM NAMED` (named) clauses."""
    default: tuple[str, ...]
    named: tuple[str, ...]


def dataset_clause(text: str) -> DatasetClause | None:
    """The dataset the query names itself (SPARQL 1.1 Query §13.2), or None: `FROM` outside strings, IRIs, comments
    and braces, its IRI resolved through the query's prefixes. Such a query must not see the union default graph."""
    if not _FROM.search(text):
        return None
    prefixes: dict[str, str] = {}
    default: list[str] = []
    named: list[str] = []
    depth, expect, found = 0, None, False
    for kind, value in _tokens(text):
        lower = value.lower() if kind == "word" else ""
        if expect == "prefix" and kind == "pname":
            pending, expect = value.split(":", 1)[0], "prefix-iri"
            continue
        if expect == "prefix-iri" and kind == "iri":
            prefixes[pending] = value[1:-1]
            expect = None
            continue
        if expect in ("from", "named"):
            if expect == "from" and lower == "named":
                expect = "named"
                continue
            iri = _service_target(kind, value, prefixes) if kind in ("iri", "pname") else None
            if iri is not None:
                (named if expect == "named" else default).append(iri)
            expect = None
            continue
        if kind == "open" and value == "{":
            depth += 1
        elif kind == "close" and value == "}":
            depth -= 1
        elif kind == "word" and depth == 0 and lower == "prefix":
            expect = "prefix"
        elif kind == "word" and depth == 0 and lower == "from":
            expect, found = "from", True
    return DatasetClause(tuple(default), tuple(named)) if found else None


def has_dataset_clause(text: str) -> bool:
    return dataset_clause(text) is not None


def _service_target(kind: str, value: str, prefixes: dict[str, str]) -> str | None:
    if kind == "iri":
        return value[1:-1]
    if kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
    return None
