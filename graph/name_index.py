"""An in-memory index of the names of people, countries and organizations, read from the authority graphs by SPARQL.

Reconciliation and suggest look names up thousands of times a minute; a SPARQL regex over 44,000 names
per lookup would take most of a second. The index is built with one query (under a second), kept per
store, and rebuilt when the authority graphs change (their own digests, read on every call: `name_index`).
Suggest lists the most mentioned first: each entity's documents are read from the statistics' totals with the
names, and again alone when the totals are rewritten (`_documents`).
"""
from __future__ import annotations

import bisect
import copy
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from ontology import iris
from ontology.name_keys import norm
from ontology.namespaces import BASE, FK, RDFS, SCHEMA, SKOS

from .linksets import DATASET_IRI
from .transliterate import latin
from .statistics import TOTALS_GRAPH
from .store import Store
from .void_description import VOID_GRAPH

__all__ = ["KINDS", "Entry", "NameHit", "NameIndex", "name_index", "surname_of"]

KINDS = {"person": "people", "country": "countries", "organization": "organizations"}
_SUFFIX_WORDS = {"jr", "sr", "ii", "iii", "iv", "2d", "3d"}
# words that open a name as FRUS prints it ("Dr. Kissinger", "Secretary Vance", "Ambassador Dobrynin") and are no part
# of any name the authorities hold: tried without them when the whole query names nothing
# the most a one-word query scores for a person whose family name it is not ("Clark" for Clark M. Clifford, whose
# "Clark Clifford" shares half its words): below any namesake's 0.5, as FRUS names people by their family names
_GIVEN_NAME_ONLY = 0.4
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")       # a parenthesized or bracketed aside in a name as a table gives it
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
    since: str = ""             # countries: the first and last years of the territory as named (fk:validSince, …Until)
    until: str = ""

    @property
    def years(self) -> str:
        """A country's years as named ("1922–1958", "since 1971", "until 1922"): all that tells the three "Egypt"s
        apart in a list of candidates or suggestions, where their descriptions are empty."""
        if self.since and self.until:
            return f"{self.since}\u2013{self.until}"
        return f"since {self.since}" if self.since else (f"until {self.until}" if self.until else "")


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


def _prominence(entries: dict[str, Entry], documents: dict[str, int]) -> dict[str, int]:
    """Each entity's place in the suggest order: most documents first, then the most FRUS volumes whose persons lists
    describe the person (the series' own measure, which a store of a few documents still has: "kiss" gives Henry A.
    Kissinger before August W. Kissner on the sample store), then by label and IRI (a stable order)."""
    ranked = sorted(entries.values(), key=lambda e: (-documents.get(e.iri, 0), -e.persons_lists, e.label, e.iri))
    return {e.iri: rank for rank, e in enumerate(ranked)}


class NameIndex:
    def __init__(self, entries: dict[str, Entry], folded: dict[str, str] | None = None,
                 documents: dict[str, int] | None = None):
        self.entries = entries
        self.folded = folded or {}      # IRI of a duplicate hsg-people record -> the record it is folded into
        self.documents = documents or {}    # IRI -> documents that mention it (the statistics' fk:EntityTotal)
        self._rank = _prominence(entries, self.documents)
        self._by_key: dict[str, set[str]] = {}
        self._by_token: dict[str, set[str]] = {}
        for e in entries.values():
            for k in e.keys | e.surnames:
                self._by_key.setdefault(k, set()).add(e.iri)
                for t in k.split():
                    self._by_token.setdefault(t, set()).add(e.iri)
        self._sorted_keys = sorted(self._by_key)
        self._sorted_tokens = sorted(self._by_token)

    def with_documents(self, documents: dict[str, int]) -> NameIndex:
        """The same names in the order of new document counts: refreshed statistics need not read the names again."""
        index = copy.copy(self)
        index.documents = documents
        index._rank = _prominence(self.entries, documents)
        return index

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
        """Entities whose names share every word of the query (in Latin letters), best first."""
        q = norm(latin(query))
        if not q:
            return []
        words = q.split()
        found = set.intersection(*(self._by_token.get(w, set()) for w in words))
        if not found and (bare := _ASIDE.sub(" ", query)) != query and norm(bare):
            return self.lookup(bare, kinds, limit)      # "Kissinger (Secretary of State)": the name without its aside
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
            if e.kind == "person" and len(words) == 1 and not exact and not surname_only:
                best = min(best, _GIVEN_NAME_ONLY)
            similarity = 1.0 if exact else max(best, 0.5 if surname_only else 0.0)
            hits.append(NameHit(e, round(similarity, 3), exact, surname_only))
        hits.sort(key=lambda h: (-h.similarity, h.entry.label, h.entry.iri))
        return hits[:limit]

    def prefix(self, text: str, kinds: set[str] | None = None, limit: int = 10, skip: int = 0) -> list[Entry]:
        """Entities for auto-completion: first those with a name (or a family name) that is `text`, then those with
        one starting with it, then those with a name in which each typed word begins a word, in any order ("henry
        kissinger", "kissinger h" find "Henry A. Kissinger", whose names are "henry a kissinger" and "kissinger henry
        a"); each part most mentioned first (`_prominence`: "kiss" is Kissinger before Kissick), so `skip` pages it."""
        p = norm(latin(text))
        if not p:
            return []
        exact = self._of_kinds(self._by_key.get(p, set()), kinds)
        starting = self._of_kinds(self._starting_with(p), kinds) - exact
        found = self._ranked(exact) + self._ranked(starting)
        if len(found) < skip + limit:
            found += self._ranked(self._word_prefixes(p.split(), kinds) - exact - starting)
        return [self.entries[iri] for iri in found[skip:skip + limit]]

    def _of_kinds(self, iris: set[str], kinds: set[str] | None) -> set[str]:
        return {iri for iri in iris if self.entries[iri].kind in kinds} if kinds else iris

    def _ranked(self, iris: set[str]) -> list[str]:
        return sorted(iris, key=self._rank.__getitem__)

    def _starting_with(self, p: str) -> set[str]:
        """Entities with a name or family name starting with `p`: a bisection of the sorted names."""
        lo = bisect.bisect_left(self._sorted_keys, p)
        hi = bisect.bisect_left(self._sorted_keys, p + "\U0010ffff", lo)
        return set().union(*(self._by_key[k] for k in self._sorted_keys[lo:hi]))

    def _word_prefixes(self, words: list[str], kinds: set[str] | None) -> set[str]:
        """Entities with a name each of whose words the typed words begin. Only the entities holding a word that the
        most selective typed word begins are tested, found by bisection as the keys are."""
        tokens = self._sorted_tokens
        spans = [(bisect.bisect_left(tokens, w), bisect.bisect_right(tokens, w + "\U0010ffff")) for w in words]
        lo, hi = min(spans, key=lambda span: span[1] - span[0])
        candidates = set().union(*(self._by_token[t] for t in self._sorted_tokens[lo:hi]))
        return {iri for iri in self._of_kinds(candidates, kinds)
                if any(_begins_words(words, k.split()) for k in self.entries[iri].keys)}


def _graph_values() -> str:
    return " ".join(f'(<{iris.authority_graph_iri(g)}> "{k}")' for k, g in KINDS.items())


_NAMES = f"""SELECT ?e ?kind ?p ?name WHERE {{
  VALUES (?g ?kind) {{ {_graph_values()} }}
  GRAPH ?g {{ ?e ?p ?name .
    VALUES ?p {{ <{RDFS}label> <{SCHEMA}alternateName> <{SCHEMA}description> <{FK}personsListVolumes>
      <{FK}validSince> <{FK}validUntil> }} }}
}}"""
_FOLDED = f"""SELECT ?dup ?canon WHERE {{
  GRAPH <{iris.authority_graph_iri("people")}> {{ ?dup <{FK}explanation> ?why ; <{SKOS}exactMatch> ?canon .
    FILTER (STRSTARTS(STR(?canon), "{BASE}people/")) }}
}}"""
_COUNT = f"""SELECT (COUNT(*) AS ?n) WHERE {{
  VALUES ?g {{ {" ".join(f"<{iris.authority_graph_iri(g)}>" for g in KINDS.values())} }}
  GRAPH ?g {{ ?e <{RDFS}label> ?l }} }}"""
# the authority graphs' digests, and those of the statistics' totals (`_documents`) and of VoID's counts, rewritten
# with them (the totals' own digest is absent from a store whose totals were written before it existed)
_COUNT_GRAPHS = (TOTALS_GRAPH, VOID_GRAPH)
_DIGESTS = f"""SELECT ?g ?d WHERE {{
  VALUES (?g ?s) {{ {" ".join(f"(<{g}> <{g}>)" for g in map(iris.authority_graph_iri, KINDS.values()))}
    (<{TOTALS_GRAPH}> <{TOTALS_GRAPH}>) (<{VOID_GRAPH}> <{DATASET_IRI}>) }}
  GRAPH ?g {{ ?s <{FK}graphDigest> ?d }} }}"""
_DOCUMENTS = f"""SELECT ?e ?n WHERE {{
  GRAPH <{TOTALS_GRAPH}> {{ ?t a <{FK}EntityTotal> ; <{FK}entity> ?e ; <{FK}documentCount> ?n }}
  FILTER ({" || ".join(f'STRSTARTS(STR(?e), "{BASE}{folder}/")' for folder in KINDS.values())}) }}"""


def _documents(store: Store, folded: dict[str, str]) -> dict[str, int]:
    """Documents that mention each entity, as the statistics' totals count them (none before `frus-kg index`), a
    folded duplicate's with its record's: one query when the index is built, never per request."""
    documents: Counter[str] = Counter()
    for e, n in store.query(_DOCUMENTS).rows():
        documents[folded.get(e.value, e.value)] += int(n.value)
    return dict(documents)


def _reading_form(name: str) -> str:
    """An index form in reading order ("Kissinger, Henry" → "Henry Kissinger", "Haig, Alexander M., Jr." → "Alexander
    M. Haig Jr."): a spreadsheet's "Henry Kissinger" is the name hsg-people lists, not a near miss that never matches."""
    surname, _, rest = name.partition(",")
    given, *suffixes = (part.strip() for part in rest.split(","))
    return " ".join([given, surname.strip(), *suffixes])


# what an entity's record says besides its names, kept on its entry (a folded duplicate's is not)
_FACTS = {
    SCHEMA + "description": lambda e, text: setattr(e, "description", text),
    FK + "personsListVolumes": lambda e, text: setattr(e, "persons_lists", int(text)),
    FK + "validSince": lambda e, text: setattr(e, "since", text),
    FK + "validUntil": lambda e, text: setattr(e, "until", text),
}


def _build(store: Store) -> NameIndex:
    folded = {row[0].value: row[1].value for row in store.query(_FOLDED).rows()}
    entries: dict[str, Entry] = {}
    pending: list[tuple[str, str]] = []
    for e, kind, p, name in store.query(_NAMES).rows():
        iri, text = e.value, name.value
        if p.value in _FACTS:
            if iri not in folded:
                _FACTS[p.value](entries.setdefault(iri, Entry(iri, kind.value, "")), text)
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
            if "," in text:
                e.keys.add(norm(_reading_form(text)))
    for e in entries.values():
        e.keys.discard("")
        e.surnames.discard("")
        e.label = e.label or min(e.keys, default=e.iri)
    kept = {dup: canon for dup, canon in folded.items() if canon in entries}
    return NameIndex(entries, kept, _documents(store, folded))


@dataclass(frozen=True)
class _Kept:
    store: object
    index: NameIndex
    digests: frozenset              # (graph, fk:graphDigest) of the authority graphs and VoID's counts read
    count: int | None               # their labels, where a graph has no digest
    checked: float


_CACHE: dict[int, _Kept] = {}
_LOCK = threading.Lock()


def _digests(store: Store) -> frozenset:
    return frozenset((g.value, d.value) for g, d in store.query(_DIGESTS).rows())


def _count(store: Store) -> int:
    return int(next(store.query(_COUNT).rows())[0].value)


def _names(digests: frozenset) -> frozenset:
    return frozenset((g, d) for g, d in digests if g not in _COUNT_GRAPHS)


def _fresh(store: Store, cached: _Kept | None, digests: frozenset, count: int | None) -> NameIndex:
    """A new index: where only the statistics changed, the cached names with the new document counts (one query)."""
    if cached and _names(cached.digests) == _names(digests) and cached.count == count:
        return cached.index.with_documents(_documents(store, cached.index.folded))
    return _build(store)


def name_index(store: Store, recheck: float = 30.0) -> NameIndex:
    """The index of this store's authority names, built on first use and rebuilt when they change.

    Each authority graph carries its own digest (`fk:graphDigest`, written with it by ingest and `frus-kg
    authorities load`): read on every call (0.1 ms), the index follows a reload as soon as the store shows it,
    as the VoID route follows its counts' digest. The label count this used to compare, every 30 s, missed a reload
    that renamed people but kept their number, until the server was restarted. A graph written without its
    digest (through the Graph Store protocol) is compared by that count (9 ms), at most every `recheck` seconds.
    The suggest order's document counts follow the statistics' totals by their own digest (`frus-kg index`, ingest),
    and by that of VoID's counts, rewritten with them, where the totals have none: a change there re-reads only the
    counts. VoID's alone missed a re-ingest that moved mentions from one entity to another and kept every count it
    holds, and suggest kept the old order until a restart."""
    with _LOCK:
        cached = _CACHE.get(id(store))
        cached = cached if cached is not None and cached.store is store else None
        now = time.monotonic()
        digests = _digests(store)
        whole = len(_names(digests)) == len(KINDS)
        if cached and cached.digests == digests and (whole or now - cached.checked < recheck):
            return cached.index
        count = None if whole else _count(store)
        if cached and cached.digests == digests and cached.count == count:
            _CACHE[id(store)] = _Kept(store, cached.index, digests, count, now)
            return cached.index
        index = _fresh(store, cached, digests, count)
        _CACHE[id(store)] = _Kept(store, index, digests, count, now)
        return index
