"""Bodies that speak and are spoken about, though the entity layer leaves them as glossary terms or
does not tag them: "FonOff", "HMG", "GOG", "USSR" tagged by the editors as terms of the volume's list,
and capitals standing for their country ("Foreign observers in Moscow…", "London considers…").

A glossary term becomes the country or institution its description in the volume's list names
("Her Majesty's Government" → the United Kingdom; "Union of Soviet Socialist Republics" → the Soviet
Union; "National Security Council" → the NSC), resolved by the entity layer's gazetteer at the
document's date; a description that names an organization the gazetteer does not hold ("Foreign
Office", "Division of Western European Affairs, Department of State") keeps the term's IRI as an
organization. A description with alternatives ("Government of Greece; Government of Germany") is
the one whose entity the document names elsewhere, else none. Capitals come from the claims cues
(`[bodies.cities]`). The record is not changed: claims read copies of its mentions.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from functools import lru_cache

from ingest.authorities import authorities
from ontology import iris

from ..entities.gazetteer import Entry, gazetteer
from ..entities.places import choose
from ..entities.posts import heading_post_named
from ..records import DocumentRecord, ListEntry, Mention
from .cues import Cues
from .local_places import local_places
from .named_bodies import named_bodies
from .own_bodies import own_bodies

__all__ = ["with_bodies"]

_ALTERNATIVES = re.compile(r"\s*;\s*(?:or\s+|also\s+)?")
_PARENTHESIS = re.compile(r"\(([^()]{3,80})\)")
_NOT_CITY_AFTER = re.compile(r"\s+(?:Post|Star|Times|Herald|Evening|Daily|Tribune|Agreement|Accords?|Conference|Summit|Declaration|Protocol)\b")
_NOT_CITY_BEFORE = re.compile(r"(?:George|Jack|Booker|Mr\.|Mrs\.|Dr\.)\s+$")


def with_bodies(record: DocumentRecord, mentions: list[Mention], cues: Cues) -> list[Mention]:
    """The mentions with glossary terms read as the bodies they name, plus capitals in the body."""
    terms = {t.xml_id: t for t in record.volume.terms}
    mentions = [m for m in mentions if not _pronoun_as_name(record, m) and not _title_term(record, m, terms, cues)]
    named = {m.entity for m in mentions if m.entity and m.kind != "term"}
    out = [_term_body(record, m, terms, named, cues) if m.kind == "term" else m
           for m in mentions + _term_repeats(record, mentions) if not _other_case(record, m, terms)]
    local, inside = named_bodies(record, out, cues)
    out = [_open_demonym(record, m, cues) for m in out if id(m) not in inside] + local
    out += _capitals(record, out, cues)
    out += _short_names(record, out, cues)
    out += own_bodies(record, out)                   # round 12: "This Department believes…", "The Bureau recommends…"
    out += _head_word_bodies(record, out, cues)      # round 9: "the Bank" after "Export-Import Bank Loan"
    out += _heading_posts(record, out)               # round 9: "Embassy officer" in the Embassy's telegram
    out += _adjective_regions(record, out, cues)     # round 9: "Western prestige", "Bloc arms"
    out += _acronym_bodies(record, out, cues)        # round 10: "UNGA", "AP story", "VOA and RFE", "the Pathet Lao"
    out += _divided_halves(record, out)              # round 10: "the North" in a telegram about South Korea
    out += _federal_government(record, out)          # session 37: "The Federal Government believes…" about Bonn
    return out + local_places(record, out, cues)       # round 9: "in Java", "trip to Gaza"


# Round 12: pronouns the entity layer took for a word of a name ("You authorized see Rhee…" linked to Yang You Chan).
_PRONOUNS = frozenset({"You", "YOU", "We", "WE", "He", "HE", "She", "SHE", "They", "THEY", "It", "IT", "I", "Me", "Us", "Him", "Her", "Them"})


def _pronoun_as_name(record: DocumentRecord, m: Mention) -> bool:
    """A person mention whose words are only a pronoun ("You" tagged as the Korean Ambassador Yang You Chan): the
    addressee or the writer, not that person."""
    return m.kind == "person" and record.text[m.start:m.end] in _PRONOUNS


def _title_term(record: DocumentRecord, m: Mention, terms: dict[str, ListEntry], cues: Cues) -> bool:
    """Session 38: a term the volume's list glosses also as the title it abbreviates ("PM, Bureau of Politico-Military
    Affairs, Department of State; also prime minister"), in a document that prints the title before a name ("Prime
    Minister Thanom"): the title, which the claims read as its holder ("The PM acknowledged this…"), not the bureau."""
    if m.kind != "term" or record.text[m.start:m.end].lower() not in cues.title_abbreviations:
        return False
    title = cues.title_abbreviations[record.text[m.start:m.end].lower()]
    entry = _entry_of(m, terms)
    description = entry.description if entry else (m.label or "")
    if not any(alt.strip(" .").lower() == title.lower() for alt in _ALTERNATIVES.split(description)):
        return False
    return re.search(rf"\b{title}\s+[A-Z]", record.text[record.body_start:record.body_end]) is not None


def _open_demonym(record: DocumentRecord, m: Mention, cues: Cues) -> Mention:
    """"the Germans" in 1957, which the entity layer leaves unlinked (West, East or the old Germany): the
    country `[bodies] open_demonyms` names for it at the document's date."""
    surface = record.text[m.start:m.end]
    if m.kind != "country" or m.entity or surface not in cues.open_demonyms:
        return m
    hit = next((h for h in (_resolve(n, record) for n in cues.open_demonyms[surface]) if h), None)
    if hit is None:
        return m
    entry, iri = hit
    why = f"'{surface}', left unlinked by the entity layer, is {_label(entry)} at the document's date ([bodies] open_demonyms)"
    return dataclasses.replace(m, kind=entry.kind, entity=iri, label=_label(entry), explanation=why)


def _other_case(record: DocumentRecord, m: Mention, terms: dict[str, ListEntry]) -> bool:
    """'One of our people…' tagged as the glossary term ONE (Office of National Estimates): an acronym
    printed in another case is a word, not the term."""
    entry = _entry_of(m, terms) if m.kind == "term" else None
    name = entry.name.split()[0] if entry and entry.name else ""
    surface = record.text[m.start:m.end]
    return len(name) > 1 and name.isupper() and surface != name and surface.upper() == name


def _term_repeats(record: DocumentRecord, mentions: list[Mention]) -> list[Mention]:
    """A glossary term the editors tagged once in the document ("PRG", "SYG"), printed again in the body
    where no mention covers it: the same term there too (the editors tag a term's first use, not each)."""
    terms = {record.text[m.start:m.end]: m for m in mentions if m.kind == "term" and m.end - m.start >= 2}
    terms = {k: m for k, m in terms.items() if k.isupper() and k.isalpha()}
    if not terms:
        return []
    start, end = record.body_start, record.body_end if record.body_end is not None else len(record.text)
    covered = bytearray(end - start)          # the body's characters some mention covers
    for m in mentions:
        a, b = max(m.start, start), min(m.end, end)
        if a < b:
            covered[a - start:b - start] = b"\x01" * (b - a)
    text, out = record.text, []
    for surface, m in terms.items():            # str.find: a pattern compiled per document costs more
        at = text.find(surface, start, end)
        while at >= 0:
            stop = at + len(surface)
            if not _word_char(text, at - 1) and not _word_char(text, stop) and not any(covered[at - start:stop - start]):
                out.append(dataclasses.replace(m, start=at, end=stop, exact=surface))
            at = text.find(surface, stop, end)
    return sorted(out, key=lambda m: m.start)


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_’'-")


def _year(record: DocumentRecord) -> int | None:
    return int(record.date[:4]) if record.date and record.date[:4].isdigit() else None


def _resolve(name: str, record: DocumentRecord) -> tuple[Entry, str] | None:
    """The country, institution or region `name` is at the document's date, with its IRI."""
    name = name.strip(" .,")
    for probe in (name, name.replace("’", "'"), name.replace("'", "’")):
        entries = gazetteer().get(probe)
        if not entries:
            continue
        ch = choose(probe, entries, probe, 0, len(probe), _year(record), record.date)
        if ch and ch.entry:
            e = ch.entry
            if e.kind == "country":
                return e, iris.country_iri(e.key)
            return e, (iris.organization_iri(e.key) if e.kind == "organization" else iris.region_iri(e.key))
    return None


def _label(e: Entry) -> str:
    a = authorities()
    if e.kind == "country":
        return a.territories[e.key].name
    return a.institutions[e.key].label if e.kind == "organization" else a.regions[e.key].label


def _named_by(description: str, record: DocumentRecord, cues: Cues) -> tuple[Entry, str] | None:
    # "People's Republic of China (see also CPR)": the description without its aside is tried too.
    bare = _PARENTHESIS.sub("", description).strip()
    probes = [description, *([bare] if bare and bare != description else []), *_PARENTHESIS.findall(description)]
    if description in cues.governments:
        probes.insert(0, cues.governments[description])
    for p in cues.government_patterns:
        m = p.match(description)
        if m:
            probes.append(m.group("country"))
    for probe in probes:
        found = _resolve(probe, record)
        if found:
            return found
    return None


def _entry_of(m: Mention, terms: dict[str, ListEntry]) -> ListEntry | None:
    key = (m.tei_ref or "").lstrip("#") or (m.entity or "").rsplit("/", 1)[-1]
    return terms.get(key)


def _term_body(record: DocumentRecord, m: Mention, terms: dict[str, ListEntry], named: set[str], cues: Cues) -> Mention:
    entry = _entry_of(m, terms)
    description = entry.description if entry else (m.label.split(": ", 1)[1] if m.label and ": " in m.label else "")
    surface = record.text[m.start:m.end]
    readings = [r for r in (_reading(alt, record, cues, m.entity) for alt in _ALTERNATIVES.split(description.strip()) if alt) if r]
    if len(readings) > 1:
        # "Government of Greece; Government of Germany": the one the document names elsewhere, else the first.
        readings = [r for r in readings if r[1] in named] or readings[:1]
    if not readings:
        return m
    alt, iri, kind, label = readings[0]
    if iri == m.entity:
        why = f"the glossary term '{surface}' is '{alt}' in the volume's list: an organization known by the term"
    else:
        why = f"the glossary term '{surface}' is '{alt}' in the volume's list, which names {label}"
    return dataclasses.replace(m, kind=kind, entity=iri, label=label, explanation=why)


def _reading(alt: str, record: DocumentRecord, cues: Cues, term_iri: str | None) -> tuple[str, str, str, str] | None:
    """(alternative, IRI, kind, label) for one alternative of a term's description, or None."""
    hit = _named_by(alt, record, cues)
    if hit:
        return alt, hit[1], hit[0].kind, _label(hit[0])
    if term_iri and alt[:1].isupper() and cues.organization_words.search(alt) and not cues.not_bodies.search(alt):
        return alt, term_iri, "organization", alt
    return None


def _capitals(record: DocumentRecord, mentions: list[Mention], cues: Cues) -> list[Mention]:
    """Capitals in the body that no mention covers, as the country they stand for at the date."""
    if not cues.cities:
        return []
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    taken = sorted((m.start, m.end) for m in mentions)
    pattern = re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(c) for c in sorted(cues.cities, key=len, reverse=True)) + r")(?![\w-])")
    out: list[Mention] = []
    for c in pattern.finditer(text, record.body_start, end):
        s, e = c.span()
        if any(a < e and s < b for a, b in taken) or _NOT_CITY_AFTER.match(text, e) or _NOT_CITY_BEFORE.search(text, max(0, s - 12), s):
            continue
        hit = next((h for h in (_resolve(n, record) for n in cues.cities[c.group(0)]) if h), None)
        if hit is None:
            continue
        entry, iri = hit
        why = f"'{c.group(0)}' stands for {_label(entry)}: a capital or a telegraphese name in the claims cues ([bodies.cities], [bodies.country_words])"
        out.append(Mention(s, e, entry.kind, "capital", 0.7, iri, _label(entry), explanation=why, exact=c.group(0)))
    return out


# The capitalized words ending at a head word ("Export-Import Bank", "International Bank for Reconstruction and Development"
# is found by its alias): searched only in the 90 characters before each occurrence of a head word the body uses alone.
_FULL_NAME_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,6}[A-Z][a-z]+$")
_THE_HEAD = re.compile(r"\b[Tt]he (?P<head>[A-Z][a-z]+)(?![\w’'-])(?!\s+(?:of\b|[A-Z]))")


_HEADING_POST = re.compile(r"\b(?:From|to)\s+the\s+(?P<post>(?P<kind>Embassy|Legation|Mission|Consulate(?:\s+General)?|Delegation)\s+(?:in|at|to)\s+"
                           r"(?:the\s+)?[A-Z][^,()]*?)(?=\s+to\s+the\b|\s+to\s+[A-Z]|\s*[,(]|\s*$)")
_BARE_POST = re.compile(r"\b(?P<kind>Embassy|Legation|Mission|Consulate|Delegation)\b(?!\s+(?:in|at|of|to)\s+(?:the\s+)?[A-Z])(?!\s+[A-Z])(?![’'-])")
_BEFORE_POST_OK = frozenset({"the", "The", "this", "This", "our", "Our", "to", "by", "with", "from", "of", "and", "that", "in", "at",
                             "on", "for", "which", "as", "US", "U.S.", "American"})


def _heading_posts(record: DocumentRecord, mentions: list[Mention]) -> list[Mention]:
    """Round 9: 'Embassy' standing alone ("Senate President Ileo has advised Embassy officer…", "Embassy should also
    raise…") is the one post of that kind the heading names as sender or recipient ("Telegram From the Embassy in the
    Congo…", "…to the Embassy in Belgium"), with the IRI the entity layer resolved for that post (else one local to the
    document); not "Polish Embassy", "Embassy Paris", "Embassy in Moscow"."""
    found: dict[str, str] = {}
    for h in _HEADING_POST.finditer(record.heading or ""):
        kind = h.group("kind").split()[0]
        found[kind] = h.group("post").strip() if kind not in found else ""
    found = {k: v for k, v in found.items() if v}
    if not found:
        return []
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    taken = sorted((m.start, m.end) for m in mentions)
    base = iris.document_iri(record.volume.id, record.doc_id)
    out: list[Mention] = []
    for c in _BARE_POST.finditer(text, record.body_start, end):
        label = found.get(c.group("kind"))
        if label is None:
            continue
        before = text[max(record.body_start, c.start() - 30):c.start()].split()
        if before and before[-1][:1].isupper() and before[-1] not in _BEFORE_POST_OK and not _SENTENCE_END.search(before[-1]):
            continue               # "the Polish Embassy", "Soviet Embassy": another country's
        s, e = c.span()
        if any(x < e and s < y for x, y in taken):
            continue
        why = f"'{c.group(0)}' standing alone is the {label} the heading names"
        resolved = heading_post_named(record, label)
        iri, name = (resolved.entity, resolved.label or label) if resolved else (f"{base}/organizations/{iris.slug(label)}", label)
        out.append(Mention(s, e, "organization", "own-post", 0.6, iri, name, explanation=why, exact=c.group(0)))
    return out


_SENTENCE_END = re.compile(r"[.;:!?]$|^\d+\.$")


@lru_cache(maxsize=4)
def _adjective_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w’'-])(?!\s+[A-Z])")


def _adjective_regions(record: DocumentRecord, mentions: list[Mention], cues: Cues) -> list[Mention]:
    """Round 9: "Western prestige", "Bloc offers": a capitalized word of `[bodies] adjective_regions` standing alone
    (not "Western Europe", "Western Union": no capitalized word after it) is that region of the authorities."""
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    if not any(text.find(w, record.body_start, end) >= 0 for w in cues.adjective_regions):
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    pattern = _adjective_pattern(tuple(cues.adjective_regions))
    regions = authorities().regions
    out: list[Mention] = []
    for c in pattern.finditer(text, record.body_start, end):
        s, e = c.span()
        reg = regions.get(cues.adjective_regions[c.group(0)])
        if reg is None or any(a < e and s < b for a, b in taken):
            continue
        why = f"'{c.group(0)}' standing alone is {reg.label} ([bodies] adjective_regions)"
        out.append(Mention(s, e, "region", "adjective-region", 0.6, iris.region_iri(reg.key), reg.label, explanation=why,
                           exact=c.group(0)))
    return out


@lru_cache(maxsize=4)
def _the_heads(heads: tuple[str, ...]) -> re.Pattern[str]:
    """'the Bank', 'The Commission': the head words a body may be called by alone, after 'the'."""
    return re.compile(r"\b[Tt]he (" + "|".join(map(re.escape, heads)) + r")(?![\w’'-])(?!\s+(?:of\b|[A-Z]))")


def _head_word_bodies(record: DocumentRecord, mentions: list[Mention], cues: Cues) -> list[Mention]:
    """Round 9: 'the Bank', 'the Fund', 'the Commission' standing alone are the one body the document names in full
    whose name ends in that word ("Export-Import Bank" in the subject line, "International Monetary Fund", the "Far
    Eastern Commission" local to it); two such bodies, or none, and the word stays unread."""
    heads = set(cues.local_body_heads) | {"Bank", "Fund"}
    named: dict[str, dict[str, Mention]] = {}
    for m in mentions:
        if m.kind == "organization" and m.entity and m.label:
            last = m.label.split()[-1]
            if last in heads and " " in m.label:
                named.setdefault(last, {})[m.entity] = m
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    wanted = {c.group(1) for c in _the_heads(tuple(sorted(heads))).finditer(text, record.body_start, end)}
    if not wanted:
        return []
    # the heading and the subject line name it too ("SUBJECT … Israel Application for an Export-Import Bank Loan")
    for head in wanted:
        at = text.find(head, 0, end)
        while at > 0:
            c = _FULL_NAME_BEFORE.search(text, max(0, at - 90), at + len(head))
            at = text.find(head, at + len(head), end)
            if c is None:
                continue
            words = c.group(0).split()
            for k in range(len(words) - 1):
                entries = [x for x in gazetteer().get(" ".join(words[k:]), ()) if x.kind == "organization"]
                inst = authorities().institutions.get(entries[0].key) if len(entries) == 1 else None
                if inst is not None:
                    named.setdefault(words[-1], {}).setdefault(iris.organization_iri(inst.key), Mention(
                        c.start(), c.end(), "organization", "head-word", 0.6, iris.organization_iri(inst.key), inst.label))
                    break
    if not named:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    out: list[Mention] = []
    for c in _THE_HEAD.finditer(text, record.body_start, end):
        bodies = named.get(c.group("head"), {})
        s, e = c.span("head")
        if len(bodies) != 1 or any(x < e and s < y for x, y in taken):
            continue
        (iri, full), = bodies.items()
        why = f"'the {c.group('head')}' is the {full.label}, the one body of that name the document names in full"
        out.append(Mention(s, e, "organization", "head-word", 0.6, iri, full.label, explanation=why, exact=c.group("head")))
    return out


def _short_names(record: DocumentRecord, mentions: list[Mention], cues: Cues) -> list[Mention]:
    """Institutions named the short way of telegrams and memoranda ("Department has frequently…",
    "prod State", "consult with Defense"), from `[bodies.short_names]`, where no mention covers them."""
    if not cues.short_names:
        return []
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    a = authorities()
    for c in cues.short_name_pattern.finditer(text, record.body_start, end):
        s, e = c.span()
        if any(x < e and s < y for x, y in taken) or _SHORT_NOT_AFTER.match(text, e) or _SHORT_NOT_BEFORE.search(text, max(0, s - 30), s):
            continue
        key = cues.short_names[c.group(0)]
        inst = a.institutions.get(key)
        if inst is None:
            continue
        why = f"'{c.group(0)}' is the short name of the {inst.label} ([bodies.short_names] in the claims cues)"
        out.append(Mention(s, e, "organization", "short-name", 0.7, iris.organization_iri(key), inst.label, explanation=why,
                           exact=c.group(0)))
    return out


# "Department of Agriculture", "State Council", "Defense Minister": a longer name or a title, not the short name.
_SHORT_NOT_AFTER = re.compile(r"\.?\s*(?:of\b|[A-Z][a-z]|’s\s+[A-Z]|'s\s+[A-Z]|-)")
_SHORT_NOT_BEFORE = re.compile(r"(?:\b(?:of|the|a|an|Head|Member|Secretary|Under|Free|Police|Welfare|Security|Civil|Nation|Federal|Eastern|Western)|[A-Z][a-z]+|-)\s*$")


@lru_cache(maxsize=1)
def _institution_acronyms() -> dict[str, str]:
    """The acronyms among the institutions' names ("UNGA" → un-general-assembly, "USIA" → usia): capitals only."""
    out: dict[str, str] = {}
    for key, inst in authorities().institutions.items():
        for name in inst.aliases:
            if re.fullmatch(r"[A-Z]{2,6}", name):
                out.setdefault(name, key)
    return out


_CAPS_WORD = re.compile(r"(?<![\w’'.-])[A-Z]{2,6}(?![\w’'-])")


def _acronym_bodies(record: DocumentRecord, mentions: list[Mention], cues: Cues) -> list[Mention]:
    """Round 10: bodies printed by an acronym or fixed short name that no mention covers: an institution of the
    authorities by one of its acronyms ("In event King’s mediation effort not successful, … UNGA"), else one of
    `[bodies] local_bodies` as an organization local to the document ("Feb 7 AP story", "VOA and RFE"). A telegram
    printed in capitals is read in its mixed-case copy, where a word in capitals is a glossary term or a name."""
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    known = _institution_acronyms()
    found = [(c.start(), c.end(), c.group(0)) for c in _CAPS_WORD.finditer(text, record.body_start, end)
             if c.group(0) in known or c.group(0) in cues.local_bodies]
    for name in cues.local_bodies:
        if not name.isupper():                   # "Pathet Lao", "Viet Cong": a plain search
            i = text.find(name, record.body_start, end)
            while i >= 0:
                if not _word_char(text, i - 1) and not _word_char(text, i + len(name)):
                    found.append((i, i + len(name), name))
                i = text.find(name, i + len(name), end)
    if not found:
        return []
    # a glossary term left unresolved ("UNGA") is read; other mentions take their span
    taken = sorted((m.start, m.end) for m in mentions if m.kind != "term")
    starts = [x for x, _ in taken]
    longest = max((y - x for x, y in taken), default=0)
    base = iris.document_iri(record.volume.id, record.doc_id)
    a = authorities()
    out: list[Mention] = []
    for s, e, word in sorted(found):
        lo = bisect.bisect_left(starts, s - longest)
        hi = bisect.bisect_left(starts, e)
        if any(taken[k][1] > s for k in range(lo, hi)):
            continue
        if word in cues.local_bodies:
            full = cues.local_bodies[word]
            label = full if full == word else f"{full} ({word})"
            why = f"'{word}' is a body the authorities do not hold ([bodies] local_bodies in the claims cues)"
            out.append(Mention(s, e, "organization", "local-body", 0.6, f"{base}/organizations/{iris.slug(full)}", label,
                               explanation=why, exact=word))
        else:
            inst = a.institutions.get(known[word])
            if inst is None:
                continue
            why = f"'{word}' is an acronym of the {inst.label} (the institutions list)"
            out.append(Mention(s, e, "organization", "short-name", 0.7, iris.organization_iri(known[word]), inst.label,
                               explanation=why, exact=word))
    return out


_HALF = re.compile(r"(?<![\w’'-])(?:the\s+)(North|South)(?![\w’'-])(?!\s+(?:[A-Z]|of\b))")


def _divided_halves(record: DocumentRecord, mentions: list[Mention]) -> list[Mention]:
    """Round 10: "the North" and "the South" standing alone in a document that names a divided country by its half
    ("South Korea", "North Vietnam"): that country's half ("reunification talks with the North" is North Korea), where
    the gazetteer holds it at the document's date. Not "the North Atlantic", "the South of France"."""
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    if text.find("the North", record.body_start, end) < 0 and text.find("the South", record.body_start, end) < 0:
        return []
    countries = {m.label for m in mentions if m.kind == "country" and m.label}
    stems = {lab.split(" ", 1)[1] for lab in countries if lab.startswith(("North ", "South ")) and " " in lab}
    if len(stems) != 1:
        return []               # no divided country named, or two (Korea and Vietnam): which one is unsaid
    stem = stems.pop()
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    for c in _HALF.finditer(text, record.body_start, end):
        s, e = c.span(1)
        if any(a < e and s < b for a, b in taken):
            continue
        found = _resolve(f"{c.group(1)} {stem}", record)
        if found is None or found[0].kind != "country":
            continue
        entry, iri = found
        why = f"'the {c.group(1)}' in a document about {stem} is {c.group(1)} {stem}"
        out.append(Mention(s, e, "country", "divided-half", 0.6, iri, _label(entry), explanation=why, exact=c.group(1)))
    return out


# Session 37: the countries FRUS documents call "the Federal Government" by that name alone: Bonn's government
# ("The Federal Government believes, therefore, that the situation has to be taken seriously…", frus1958-60v08 d42)
# and Lagos's; elsewhere (an NSC paper on civil defense) it is Washington's, which names neither.
_FEDERAL = ("West Germany", "Nigeria")
_FEDERAL_GOVERNMENT = re.compile(r"\bFederal\s+(?:Government|Govt)\b(?!\s+of\b)")


def _federal_government(record: DocumentRecord, mentions: list[Mention]) -> list[Mention]:
    """ "The Federal Government" where the document names West Germany or Nigeria, one of them only: that country."""
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    if text.find("Federal", record.body_start, end) < 0:
        return []
    named = {(m.entity, m.label) for m in mentions if m.kind == "country" and m.label in _FEDERAL}
    if len(named) != 1:
        return []
    (iri, label), = named
    taken = [(m.start, m.end) for m in mentions]
    return [Mention(c.start(), c.end(), "country", "federal-government", 0.6, iri, label, exact=c.group(0),
                    explanation=f"'{c.group(0)}' in a document that names {label} is its government")
            for c in _FEDERAL_GOVERNMENT.finditer(text, record.body_start, end)
            if not any(a < c.end() and c.start() < b for a, b in taken)]
