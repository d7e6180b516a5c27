"""Evaluation of claim extraction against a hand-annotated gold set (tests/fixtures/claims_gold).

Matching: a gold claim is *found* when system claims cover at least half of its characters; a
system claim is *correct* when gold claims cover at least half of its characters (text overlap, so
a quotation taken as one passage still matches gold sentences). Each found gold claim is paired with
the system claim overlapping it most, and type, claimant and about are compared on those pairs.
Names are compared loosely: a gold name ("Shah|Pahlavi") matches an entity when one alternative
occurs as words in the entity's label or in a mention of it in the document.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ontology import iris

from ..authorities import authorities
from ..records import Claim, ClaimAgent, DocumentRecord

__all__ = ["GoldClaim", "load_gold", "load_split", "locate", "Evaluation", "evaluate", "names_of_entities",
           "claimants_match", "annotation_as_claims", "decision_of"]


@dataclass(frozen=True)
class GoldClaim:
    document: str                    # frus1969-76v12/d41
    claim_type: str                  # or "none" for a sentence that is not a claim
    claimants: tuple[tuple[str, ...], ...]
    about: tuple[tuple[str, ...], ...]
    text: str
    line: int


def _entities(field_: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(a.strip() for a in item.split("|") if a.strip()) for item in field_.split(";") if item.strip())


def load_gold(path: str | Path) -> list[GoldClaim]:
    rows: list[GoldClaim] = []
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh, start=1) if line.strip() and not line.startswith("#")]
    reader = csv.reader([line for _, line in lines], delimiter="\t", quoting=csv.QUOTE_NONE)
    for (n, _), row in zip(lines, reader):
        if row[0] == "document":
            continue
        if len(row) != 5:
            raise ValueError(f"{path}:{n}: expected 5 tab-separated fields, found {len(row)}")
        doc, ctype, claimants, about, text = row
        rows.append(GoldClaim(doc, ctype, _entities(claimants), _entities(about), text, n))
    return rows


def load_split(path: str | Path) -> dict[str, str]:
    """document -> "development" | "held-out", from the gold set's committed split.tsv."""
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#") or line.startswith("document\t"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 2 or parts[1] not in ("development", "held-out"):
                raise ValueError(f"{path}:{n}: expected 'document<TAB>development|held-out', found {line.strip()!r}")
            out[parts[0]] = parts[1]
    return out


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", re.sub(r"['’`]s\b", "", s)).strip()


def locate(text: str, needle: str) -> tuple[int, int] | None:
    """Where `needle` (whitespace collapsed) is in `text` (any whitespace): the first place, found in the text with
    its whitespace collapsed, which is made once a document rather than a pattern compiled for every gold row."""
    parts = needle.split()
    if not parts:
        return None
    collapsed, offsets = _collapsed(text)
    at = collapsed.find(" ".join(parts))
    if at < 0:
        return None
    end = at + len(" ".join(parts))
    return offsets[at], offsets[end - 1] + 1


@lru_cache(maxsize=8)
def _collapsed(text: str) -> tuple[str, list[int]]:
    """The text with each run of whitespace as one space, and the offset in `text` of each of its characters."""
    chars: list[str] = []
    offsets: list[int] = []
    for m in _RUNS.finditer(text):
        if m.group()[0].isspace():
            chars.append(" ")
            offsets.append(m.start())
        else:
            chars.append(m.group())
            offsets.extend(range(m.start(), m.end()))
    return "".join(chars), offsets


_RUNS = re.compile(r"\s+|\S+")


def names_of_entities(record: DocumentRecord, extra: Iterable[Claim] = ()) -> dict[str, set[str]]:
    """Every name by which the record knows each entity IRI: labels, surfaces, party names."""
    from .bodies import with_bodies
    from .cues import load_cues
    names: dict[str, set[str]] = {}
    for m in with_bodies(record, list(record.mentions), load_cues()):
        if m.entity:
            bucket = names.setdefault(m.entity, set())
            bucket.add(record.text[m.start:m.end])
            if m.label:
                bucket.add(m.label)
    from ..triples import party_person_iri
    for p in record.parties:
        bucket = names.setdefault(party_person_iri(record, p), set())
        bucket.update(x for x in (p.name, p.label, p.office) if x)
    for c in extra:
        for a in (*c.agents, *c.about_local):
            bucket = names.setdefault(a.iri, set())
            bucket.update(x for x in (a.label, a.office) if x)
    people = iris.person_iri("")
    for i in {i for c in extra for i in c.about if i not in names and i.startswith(people)}:
        person = authorities().people.get(i[len(people):])
        if person is not None:      # session 54: a person of `about` no mention covers (authority_names.py)
            names[i] = {person.name, *person.variants}
    for bucket in names.values():
        bucket.update(_with_abbreviations(bucket))
    return names


def _with_abbreviations(names: set[str]) -> set[str]:
    """Session 56: a name that holds an institution's name, also with the institution's abbreviation in its place
    (institutions.tsv): "Central Intelligence Agency Station in Saigon" is the "CIA Station" a gold row names."""
    out: set[str] = set()
    for inst in authorities().institutions.values():
        short = [a for a in inst.aliases if a.isupper() and a.isalpha()]
        for name in names:
            if short and inst.label in name and name != inst.label:
                out.update(name.replace(inst.label, a) for a in short)
    return out


def _display_name(names: set[str]) -> str:
    """The shortest name, ties broken by text, so that error lists do not change with the hash seed."""
    return min(names, key=lambda n: (len(n), n))


def _matches(alternatives: tuple[str, ...], names: set[str]) -> bool:
    normed = [_norm(n) for n in names]
    for alt in alternatives:
        a = _norm(alt)
        pat = re.compile(r"(?<![a-z])" + re.escape(a) + r"(?:s|es|ns)?(?![a-z])")
        if any(pat.search(n) for n in normed):
            return True
    return False


def claimants_match(names: dict[str, set[str]], iris: Iterable[str], gold: tuple[tuple[str, ...], ...]) -> bool:
    """Every gold claimant is among the entities `iris`, and every entity is a gold claimant (names as from
    names_of_entities)."""
    found = [names.get(i, {i.rsplit('/', 1)[-1]}) for i in iris]
    return all(any(_matches(alt, n) for n in found) for alt in gold) and \
        all(any(_matches(alt, n) for alt in gold) for n in found)


@dataclass
class Evaluation:
    gold: int = 0
    system: int = 0
    found: int = 0
    correct: int = 0
    pairs: int = 0
    type_ok: int = 0
    claimant_ok: int = 0
    about_exact: int = 0
    about_gold_items: int = 0
    about_found_items: int = 0
    about_system_items: int = 0
    about_correct_items: int = 0
    confusion: Counter = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_type: list[str] = field(default_factory=list)
    wrong_claimant: list[str] = field(default_factory=list)
    wrong_about: list[str] = field(default_factory=list)
    spurious_on_none: int = 0
    none_total: int = 0           # gold sentences marked as not claims
    none_emitted: int = 0         # … of which the system made a claim anyway
    unlocated: list[str] = field(default_factory=list)
    by_decision: Counter = field(default_factory=Counter)    # (decision_of(claim), "pairs" | "claimant ok")

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def non_claims_rejected(self) -> float:
        """Of the sentences the gold marks as not claims, the share the system left out."""
        return 1 - self.none_emitted / self.none_total if self.none_total else 1.0

    @property
    def type_accuracy(self) -> float:
        return self.type_ok / self.pairs if self.pairs else 0.0

    @property
    def claimant_accuracy(self) -> float:
        return self.claimant_ok / self.pairs if self.pairs else 0.0

    @property
    def about_accuracy(self) -> float:
        return self.about_exact / self.pairs if self.pairs else 0.0

    @property
    def about_precision(self) -> float:
        return self.about_correct_items / self.about_system_items if self.about_system_items else 0.0

    @property
    def about_recall(self) -> float:
        return self.about_found_items / self.about_gold_items if self.about_gold_items else 0.0

    def merge(self, other: "Evaluation") -> None:
        for k, v in vars(other).items():
            mine = getattr(self, k)
            if isinstance(v, (int, float)):
                setattr(self, k, mine + v)
            elif isinstance(v, Counter):
                mine.update(v)
            else:
                mine.extend(v)

    def summary(self) -> dict[str, float]:
        return {
            "gold claims": self.gold, "system claims": self.system, "precision": round(self.precision, 3),
            "recall": round(self.recall, 3), "f1": round(self.f1, 3),
            "non-claims rejected": round(self.non_claims_rejected, 3), "type accuracy": round(self.type_accuracy, 3),
            "claimant accuracy": round(self.claimant_accuracy, 3), "about exact": round(self.about_accuracy, 3),
            "about precision": round(self.about_precision, 3), "about recall": round(self.about_recall, 3),
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


_GROUPED: dict[int, tuple[list[GoldClaim], int, dict[str, list[GoldClaim]]]] = {}


def _by_document(gold: list[GoldClaim]) -> dict[str, list[GoldClaim]]:
    """The gold rows of each document, grouped once for a gold list (keeping the list, so its id is not reused)."""
    kept = _GROUPED.get(id(gold))
    if kept is None or kept[0] is not gold or kept[1] != len(gold):
        grouped: dict[str, list[GoldClaim]] = {}
        for g in gold:
            grouped.setdefault(g.document, []).append(g)
        kept = _GROUPED[id(gold)] = (gold, len(gold), grouped)
    return kept[2]


# Session 32: which rule chose a claim's claimant, read from its explanation, so that claimant accuracy can be reported
# per decision without reading any one error: the first pattern that matches wins.
_DECISIONS = (
    ("continues a report", r"continues the report"),
    ("the writer's own voice", r"writer's own voice|statement in the writer's"),
    ("the writer reports own words", r"the writer reports their own words"),
    ("a pronoun", r"'(?:He|he|She|she|They|they)' read as"),
    ("a name the entity layer did not link", r"a name the entity layer did not link"),
    ("a title", r"a title the document does not tie|read as .*named with that title|read as the party of the heading"),
    ("the subject of the verb", r"subject of the reporting verb|the sentence's subject|subject of the first of two"),
    ("a narrated act", r"narrates what was done"),
    ("a speaker opens the sentence", r"opens the sentence"),
    ("a relayed message or list", r"relay|numbered paragraphs|lead-in|an item of a list"),
    ("an initial", r"read as the initial|initial of a party"),
    ("a transcript's speaker label", r"label '"),
    ("a speaker not identified: the writer", r"whose speaker is not identified|without a subject"),
    ("a state of mind shown", r"state of mind shown"),
    ("a holder of an office on the date", r"\(POCOM\)|persons list describes|Office of the Historian's record"),
    ("a recommendation or decision, the writer's", r"^(?:recommendation|decision): (?:cue|an imperative)"),
    ("a quoted passage", r"^quotation: (?:a quoted passage|a text spelled out)"),
)


def decision_of(explanation: str | None) -> str:
    """The kind of decision that chose a claim's claimant ("continues a report", "a pronoun", …), or "other"."""
    for kind, pattern in _DECISIONS:
        if re.search(pattern, explanation or ""):
            return kind
    return "other"


def evaluate(record: DocumentRecord, gold: list[GoldClaim], claims: list[Claim]) -> Evaluation:
    """Compare one document's claims with its gold claims (rows for other documents are ignored)."""
    key = f"{record.volume.id}/{record.doc_id}"
    rows = _by_document(gold).get(key, [])
    ev = Evaluation()
    spans: list[tuple[GoldClaim, tuple[int, int]]] = []
    for g in rows:
        where = locate(record.text, g.text)
        if where is None:
            ev.unlocated.append(f"{key} line {g.line}: {g.text[:60]}")
            continue
        spans.append((g, where))
    claims_gold = [(g, sp) for g, sp in spans if g.claim_type != "none"]
    none_spans = [sp for g, sp in spans if g.claim_type == "none"]
    names = names_of_entities(record, claims)
    ev.gold, ev.system = len(claims_gold), len(claims)
    sys_spans = [(c, (c.start, c.end)) for c in claims]
    ev.none_total = len(none_spans)
    ev.none_emitted = sum(any(_overlap(n, sp) * 2 >= n[1] - n[0] for _, sp in sys_spans) for n in none_spans)
    for c, sp in sys_spans:
        covered = sum(_overlap(sp, gsp) for _, gsp in claims_gold)
        if covered * 2 >= sp[1] - sp[0]:
            ev.correct += 1
        else:
            ev.spurious.append(f"{key} [{c.claim_type}] {record.text[sp[0]:sp[1]][:90]!r}")
            if any(_overlap(sp, n) * 2 >= sp[1] - sp[0] for n in none_spans):
                ev.spurious_on_none += 1
    for g, gsp in claims_gold:
        covered = sum(_overlap(gsp, sp) for _, sp in sys_spans)
        if covered * 2 < gsp[1] - gsp[0]:
            ev.missed.append(f"{key} [{g.claim_type}] {g.text[:90]!r}")
            continue
        ev.found += 1
        c = max(sys_spans, key=lambda x: _overlap(gsp, x[1]))[0]
        ev.pairs += 1
        ev.confusion[(g.claim_type, c.claim_type)] += 1
        if c.claim_type == g.claim_type:
            ev.type_ok += 1
        else:
            ev.wrong_type.append(f"{key} gold {g.claim_type} / got {c.claim_type} ({c.cue}): {g.text[:70]!r}")
        sys_claimants = [names.get(i, {i.rsplit('/', 1)[-1]}) for i in c.claimants]
        ev.by_decision[(decision_of(c.explanation), "pairs")] += 1
        if claimants_match(names, c.claimants, g.claimants):
            ev.claimant_ok += 1
            ev.by_decision[(decision_of(c.explanation), "claimant ok")] += 1
        else:
            got = "; ".join(sorted(_display_name(n) for n in sys_claimants)) or "-"
            ev.wrong_claimant.append(f"{key} gold {'; '.join('|'.join(a) for a in g.claimants)} / got {got}: {g.text[:60]!r}")
        sys_about = [names.get(i, {i.rsplit('/', 1)[-1]}) for i in c.about]
        found_items = sum(any(_matches(alt, n) for n in sys_about) for alt in g.about)
        correct_items = sum(any(_matches(alt, n) for alt in g.about) for n in sys_about)
        ev.about_gold_items += len(g.about)
        ev.about_found_items += found_items
        ev.about_system_items += len(sys_about)
        ev.about_correct_items += correct_items
        if found_items == len(g.about) and correct_items == len(sys_about):
            ev.about_exact += 1
        else:
            got = "; ".join(sorted(_display_name(n) for n in sys_about)) or "-"
            ev.wrong_about.append(f"{key} gold {'; '.join(a[0] for a in g.about) or '-'} / got {got}: {g.text[:50]!r}")
    return ev


def annotation_as_claims(record: DocumentRecord, rows: list[GoldClaim]) -> list[Claim]:
    """A second annotator's rows for `record`, as claims that `evaluate` scores against the first's.

    Agreement between annotators is then measured with the very matching the system's figures use:
    each named entity becomes a pseudo-IRI known by its alternative names. Rows that are not claims,
    or whose text is not in the document, give no claim.
    """
    key = f"{record.volume.id}/{record.doc_id}"
    claims: list[Claim] = []
    for g in rows:
        where = locate(record.text, g.text) if g.document == key and g.claim_type != "none" else None
        if where is None:
            continue
        agents = tuple(ClaimAgent(f"annotation:{'|'.join(alts)}", label=alt) for alts in g.claimants for alt in alts)
        about = tuple(ClaimAgent(f"annotation:{'|'.join(alts)}", label=alt) for alts in g.about for alt in alts)
        claims.append(Claim(where[0], where[1], g.claim_type,
                            tuple(f"annotation:{'|'.join(alts)}" for alts in g.claimants),
                            tuple(f"annotation:{'|'.join(alts)}" for alts in g.about),
                            method="annotation", agents=agents, about_local=about))
    return claims
