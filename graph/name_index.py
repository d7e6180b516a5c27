"""An in-memory index of the names of people, countries and organizations, read from the authority graphs by SPARQL.

Reconciliation and suggest look names up thousands of times a minute; a SPARQL regex over 44,000 names
per lookup would take most of a second. The index is built with one query (under a second), kept per
store, and rebuilt when the authority graphs change (their own digests, read on every call: `name_index`).
"""
from __future__ import annotations

import bisect
import threading
import time
from dataclasses import dataclass, field

from ontology import iris
from ontology.name_keys import norm
from ontology.namespaces import BASE, FK, RDFS, SCHEMA, SKOS

from .store import Store

__all__ = ["KINDS", "Entry", "NameHit", "NameIndex", "name_index", "surname_of"]

KINDS = {"person": "people", "country": "countries", "organization": "organizations"}
_SUFFIX_WORDS = {"jr", "sr", "ii", "iii", "iv", "2d", "3d"}
# words that open a name as FRUS prints it ("Dr. Kissinger", "Secretary Vance", "Ambassador Dobrynin") and are no part
# of any name the authorities hold: tried without them when the whole query names nothing
_TITLE_WORDS = {"mr", "mrs", "miss", "ms", "dr", "sir", "lord", "lady", "president", "vice", "secretary", "ambassador",
                "senator", "congressman", "representative", "general", "gen", "admiral", "adm", "colonel", "col",
                "governor", "gov", "judge", "justice", "minister", "prime", "foreign", "premier", "chairman", "deputy",
                "under", "assistant", "acting", "chancellor", "mme", "madame", "herr", "monsieur", "señor", "senor"}


def surname_of(name: str) -> str:
    """The family-name key of a personal name: before the comma of an index form, else the last word."""
    if "," in name:
        return norm(name.split(",", 1)[0])
    words = [w for w in norm(name).split() if w not in _SUFFIX_WORDS]
    return words[-1] if words else ""


@dataclass
class Entry:
    iri: str
    kind: str
    label: str
    keys: set[str] = field(default_factory=set)        # norm() of every name
    surnames: set[str] = field(default_factory=set)    # people only
    description: str = ""
    persons_lists: int = 0      # people: FRUS volumes whose persons lists describe them (fk:personsListVolumes)


@dataclass(frozen=True)
class NameHit:
    entry: Entry
    similarity: float        # 0..1, how well the best name matches the query
    exact: bool              # the query is one of the entity's names
    surname_only: bool       # the query is the entity's family name and nothing more


def _tokens(key: str) -> set[str]:
    return set(key.split())


def _begins_words(typed: list[str], name: list[str]) -> bool:
    """Each typed word begins a different word of the name. Longest first: the words a shorter typed word begins
    include those a longer one does that it prefixes, so taking the first free word never blocks a later one."""
    free = list(name)
    for word in sorted(typed, key=len, reverse=True):
        at = next((i for i, w in enumerate(free) if w.startswith(word)), None)
        if at is None:
            return False
        del free[at]
    return True


class NameIndex:
    def __init__(self, entries: dict[str, Entry], folded: dict[str, str] | None = None):
        self.entries = entries
        self.folded = folded or {}      # IRI of a duplicate hsg-people record -> the record it is folded into
        self._by_key: dict[str, set[str]] = {}
        self._by_token: dict[str, set[str]] = {}
        for e in entries.values():
            for k in e.keys | e.surnames:
                self._by_key.setdefault(k, set()).add(e.iri)
                for t in k.split():
                    self._by_token.setdefault(t, set()).add(e.iri)
        self._sorted_keys = sorted(self._by_key)
        self._sorted_tokens = sorted(self._by_token)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, iri: str) -> Entry | None:
        return self.entries.get(iri)

    def resolve(self, ident: str) -> Entry | None:
        """The entity an id names as a client may send it: relative (people/102617), a full IRI, or a bare
        authority id (102617, soviet-union-1991); the id of a duplicate record names the record it is folded into
        (115318 names 102617, docs/entities.md), as /people/115318 does."""
        ident = ident.strip()
        forms = [ident, BASE + ident] + [f"{BASE}{folder}/{ident}" for folder in KINDS.values()]
        forms = [self.folded.get(f, f) for f in forms]
        return next((self.entries[f] for f in forms if f in self.entries), None)

    def lookup(self, query: str, kinds: set[str] | None = None, limit: int = 200) -> list[NameHit]:
        """Entities whose names share every word of the query, best first."""
        q = norm(query)
        if not q:
            return []
        words = q.split()
        found = set.intersection(*(self._by_token.get(w, set()) for w in words))
        if not found and words[0] in _TITLE_WORDS and len(words) > 1:
            rest = words[:]
            while len(rest) > 1 and rest[0] in _TITLE_WORDS:
                rest.pop(0)
            return self.lookup(" ".join(rest), kinds, limit)
        hits = []
        for iri in found:
            e = self.entries[iri]
            if kinds and e.kind not in kinds:
                continue
            exact = q in e.keys
            surname_only = not exact and q in e.surnames
            best = max((len(_tokens(q) & _tokens(k)) / len(_tokens(q) | _tokens(k)) for k in e.keys), default=0.0)
            similarity = 1.0 if exact else max(best, 0.5 if surname_only else 0.0)
            hits.append(NameHit(e, round(similarity, 3), exact, surname_only))
        hits.sort(key=lambda h: (-h.similarity, h.entry.label, h.entry.iri))
        return hits[:limit]

    def prefix(self, text: str, kinds: set[str] | None = None, limit: int = 10, skip: int = 0) -> list[Entry]:
        """Entities for auto-completion: first those with a name (or a family name) starting with `text`, then those
        with a name in which each typed word begins a word, in any order ("henry kissinger", "kissinger h" find
        "Henry A. Kissinger", whose names are "henry a kissinger" and "kissinger henry a")."""
        p = norm(text)
        if not p:
            return []
        out: dict[str, Entry] = {}
        i = bisect.bisect_left(self._sorted_keys, p)
        while i < len(self._sorted_keys) and self._sorted_keys[i].startswith(p) and len(out) < skip + limit:
            for iri in sorted(self._by_key[self._sorted_keys[i]]):
                e = self.entries[iri]
                if not kinds or e.kind in kinds:
                    out.setdefault(iri, e)
            i += 1
        if len(out) < skip + limit:
            for e in self._word_prefixes(p.split(), kinds):
                out.setdefault(e.iri, e)
                if len(out) >= skip + limit:
                    break
        return list(out.values())[skip:skip + limit]

    def _word_prefixes(self, words: list[str], kinds: set[str] | None) -> list[Entry]:
        """Entities with a name each of whose words the typed words begin, by label. Only the entities holding a
        word that the most selective typed word begins are tested, found by bisection as the keys are."""
        spans = [(bisect.bisect_left(self._sorted_tokens, w), bisect.bisect_right(self._sorted_tokens, w + "\U0010ffff"))
                 for w in words]
        lo, hi = min(spans, key=lambda span: span[1] - span[0])
        candidates = set().union(*(self._by_token[t] for t in self._sorted_tokens[lo:hi]))
        found = [e for e in map(self.entries.__getitem__, candidates) if (not kinds or e.kind in kinds)
                 and any(_begins_words(words, k.split()) for k in e.keys)]
        return sorted(found, key=lambda e: (e.label, e.iri))


def _graph_values() -> str:
    return " ".join(f'(<{iris.authority_graph_iri(g)}> "{k}")' for k, g in KINDS.items())


_NAMES = f"""SELECT ?e ?kind ?p ?name WHERE {{
  VALUES (?g ?kind) {{ {_graph_values()} }}
  GRAPH ?g {{ ?e ?p ?name .
    VALUES ?p {{ <{RDFS}label> <{SCHEMA}alternateName> <{SCHEMA}description> <{FK}personsListVolumes> }} }}
}}"""
_FOLDED = f"""SELECT ?dup ?canon WHERE {{
  GRAPH <{iris.authority_graph_iri("people")}> {{ ?dup <{FK}explanation> ?why ; <{SKOS}exactMatch> ?canon .
    FILTER (STRSTARTS(STR(?canon), "{BASE}people/")) }}
}}"""
_COUNT = f"""SELECT (COUNT(*) AS ?n) WHERE {{
  VALUES ?g {{ {" ".join(f"<{iris.authority_graph_iri(g)}>" for g in KINDS.values())} }}
  GRAPH ?g {{ ?e <{RDFS}label> ?l }} }}"""
_DIGESTS = f"""SELECT ?g ?d WHERE {{
  VALUES ?g {{ {" ".join(f"<{iris.authority_graph_iri(g)}>" for g in KINDS.values())} }}
  GRAPH ?g {{ ?g <{FK}graphDigest> ?d }} }}"""


def _build(store: Store) -> NameIndex:
    folded = {row[0].value: row[1].value for row in store.query(_FOLDED).rows()}
    entries: dict[str, Entry] = {}
    pending: list[tuple[str, str]] = []
    for e, kind, p, name in store.query(_NAMES).rows():
        iri, text = e.value, name.value
        if p.value == SCHEMA + "description":
            if iri not in folded:
                entries.setdefault(iri, Entry(iri, kind.value, "")).description = text
            continue
        if p.value == FK + "personsListVolumes":
            if iri not in folded:
                entries.setdefault(iri, Entry(iri, kind.value, "")).persons_lists = int(text)
            continue
        target = folded.get(iri, iri)
        entry = entries.setdefault(target, Entry(target, kind.value, ""))
        if p.value == RDFS + "label" and iri == target:
            entry.label = text
        pending.append((target, text))
    for iri, text in pending:
        e = entries[iri]
        e.keys.add(norm(text))
        if e.kind == "person":
            e.surnames.add(surname_of(text))
    for e in entries.values():
        e.keys.discard("")
        e.surnames.discard("")
        e.label = e.label or min(e.keys, default=e.iri)
    return NameIndex(entries, {dup: canon for dup, canon in folded.items() if canon in entries})


@dataclass(frozen=True)
class _Kept:
    store: object
    index: NameIndex
    digests: frozenset              # (graph, fk:graphDigest) of the authority graphs the index was built from
    count: int | None               # their labels, where a graph has no digest
    checked: float


_CACHE: dict[int, _Kept] = {}
_LOCK = threading.Lock()


def _digests(store: Store) -> frozenset:
    return frozenset((g.value, d.value) for g, d in store.query(_DIGESTS).rows())


def _count(store: Store) -> int:
    return int(next(store.query(_COUNT).rows())[0].value)


def name_index(store: Store, recheck: float = 30.0) -> NameIndex:
    """The index of this store's authority names, built on first use and rebuilt when they change.

    Each authority graph carries its own digest (`fk:graphDigest`, written with it by ingest and `frus-kg
    authorities load`): read on every call (0.1 ms), the index follows a reload as soon as the store shows it,
    as the VoID route follows its counts' digest. The label count this used to compare, every 30 s, missed a reload
    that renamed people but kept their number, until the server was restarted. A graph written without its
    digest (through the Graph Store protocol) is compared by that count (9 ms), at most every `recheck` seconds."""
    with _LOCK:
        cached = _CACHE.get(id(store))
        cached = cached if cached is not None and cached.store is store else None
        now = time.monotonic()
        digests = _digests(store)
        whole = len(digests) == len(KINDS)
        if cached and cached.digests == digests and (whole or now - cached.checked < recheck):
            return cached.index
        count = None if whole else _count(store)
        if cached and cached.digests == digests and cached.count == count:
            _CACHE[id(store)] = _Kept(store, cached.index, digests, count, now)
            return cached.index
        index = _build(store)
        _CACHE[id(store)] = _Kept(store, index, digests, count, now)
        return index
