"""What a claim is about where the entity layer names a country but leaves it unlinked (round 11).

Three readings, each from the entity layer's own gazetteer and the document, never from a list of names:

- **A country name of two states at the document's date** ("Germany" in 1961, "Vietnam" in 1963, "the
  Vietnamese"): the entity layer leaves it unlinked and keeps the gazetteer's candidates (West and East Germany;
  South and North Vietnam). For `about` it is the candidate the document links elsewhere ("West Germany" named in
  it), else the gazetteer's likelier one. The annotators count such a name ("Germany", "Vietnam") in about.
- **A country name of another time** ("Korea" in 1955, "Siam" in 1948, "Palestine" in 1958, "Zimbabwe" in 1976,
  "Formosa" in May 1949, "Russia" in 1918): the gazetteer holds the name, but for years the document's date lies
  outside, so the entity layer tags nothing. For `about` it is the country of that name nearest in time, read
  by the gazetteer's own guards ("Jordan" after a given name is a person) at a year inside its range.
- **A glossary term whose description names a country by its people or a state of two** ("RTG", "Royal Thai
  Government"; "GVN", "Government of Vietnam"): that country, read as above; and one whose description is the full
  name of a person the document links ("BG", "David Ben Gurion"): that person.

These readings are the claims layer's: the record's mentions are not changed, and claimants do not use them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ontology import iris

from ..entities.gazetteer import Entry, gazetteer
from ..entities.places import choose
from ..records import DocumentRecord, Mention
from .coreference import DocumentPeople
from .cues import Cues
from .unlinked_names import overlaps as _covered, unlinked_names

__all__ = ["about_readings", "geographic_names"]

# A capitalized word, or two joined by a space or hyphen ("South Korea", "Viet-Nam"): where a country name may stand.
_NAME = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)(?:([ -])([A-Z][a-z]+))?(?![\w’'-])")
# "Royal Thai Government", "Royal Khmer Government", "Imperial Japanese Government": a country's government by its
# people's adjective.
_ADJECTIVE_GOVERNMENT = re.compile(r"^(?:(?:Royal|Imperial)\s+)?(?P<people>[A-Z][a-z]+)\s+(?:Government|Govt)$")
_GOVERNMENT_OF = re.compile(r"^(?:the\s+)?Government\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w -]+)$")


def _year(record: DocumentRecord) -> int | None:
    return int(record.date[:4]) if record.date and record.date[:4].isdigit() else None


def _country_entries(surface: str) -> tuple[Entry, ...]:
    return tuple(e for e in gazetteer().get(surface, ()) if e.kind == "country")


def _pick(candidates: tuple[tuple[Entry, float], ...], linked: set[str]) -> Entry | None:
    """The candidate the document links elsewhere, else the likelier one."""
    named = [e for e, _ in candidates if iris.country_iri(e.key) in linked]
    if len(named) == 1:
        return named[0]
    ranked = sorted(candidates, key=lambda c: -c[1])
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


def _of_two_states(record: DocumentRecord, surface: str, start: int, end: int, linked: set[str]) -> Entry | None:
    """A name the gazetteer gives two states at the document's date: the one the document settles, else the likelier."""
    entries = _country_entries(surface)
    if not entries:
        return None
    ch = choose(surface, entries, record.text, start, end, _year(record), record.date)
    if ch is None or ch.entry is not None or not ch.candidates:
        return None
    return _pick(ch.candidates, linked)


def _of_another_time(record: DocumentRecord, surface: str, start: int, end: int) -> Entry | None:
    """A country name the gazetteer holds only for other years than the document's: the entry nearest in time,
    chosen by the gazetteer's guards at a year inside its range."""
    year = _year(record)
    entries = tuple(e for e in _country_entries(surface) if e.key != "-" and e.form != "base")
    if year is None or not entries or any(e.y0 <= year <= e.y1 for e in _country_entries(surface)):
        return None
    nearest = min(entries, key=lambda e: min(abs(year - e.y0), abs(year - e.y1)))
    at = nearest.y0 if year < nearest.y0 else nearest.y1
    ch = choose(surface, (nearest,), record.text, start, end, at, None)
    return ch.entry if ch is not None else None


def _mention(record: DocumentRecord, start: int, end: int, e: Entry, why: str) -> Mention:
    from .bodies import _label
    return Mention(start, end, "country", "about-country", 0.5, iris.country_iri(e.key), _label(e),
                   explanation=why, exact=record.text[start:end])


def _unlinked_countries(record: DocumentRecord, mentions: list[Mention], linked: set[str]) -> list[Mention]:
    out = []
    for m in mentions:
        if m.kind == "country" and not m.entity:
            surface = record.text[m.start:m.end]
            e = _of_two_states(record, surface, m.start, m.end, linked)
            if e is not None:
                out.append(_mention(record, m.start, m.end, e, f"'{surface}' names two states at the document's date: "
                                                              "the one the document names elsewhere, else the likelier"))
    return out


def _untagged_countries(record: DocumentRecord, taken: list[tuple[int, int]], person_words: set[str]) -> list[Mention]:
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    year = _year(record)
    if year is None:
        return []
    names = _names_of_other_times(year)
    body = text[record.body_start:end]
    out: list[Mention] = []
    for word in sorted(set(_CAPITALIZED.findall(body)) & names.keys()):     # a plain scan first: cheap
        for surface in names[word]:
            at = text.find(surface, record.body_start, end)
            while at >= 0:
                s, e = at, at + len(surface)
                at = text.find(surface, e, end)
                if _word(text, s - 1) or _word(text, e) or surface.lower() in person_words or _covered(taken, s, e) \
                        or any(m.start <= s and e <= m.end for m in out):
                    continue
                found = _of_another_time(record, surface, s, e)
                if found is not None:
                    out.append(_mention(record, s, e, found, f"'{surface}' is a name the gazetteer holds for other years: "
                                                             "the country of that name nearest in time"))
    return out


_CAPITALIZED = re.compile(r"[A-Z][a-z]+")


@lru_cache(maxsize=64)
def _names_of_other_times(year: int) -> dict[str, tuple[str, ...]]:
    """The gazetteer's country names that no entry holds at `year` ("Korea" after 1948, "Siam" after 1939), by their
    first word, longest first ("South Korea" before "South")."""
    out: dict[str, list[str]] = {}
    for name, entries in gazetteer().items():
        countries = [e for e in entries if e.kind == "country"]
        if countries and len(countries) == len(entries) and not any(e.y0 <= year <= e.y1 for e in countries) \
                and any(e.key != "-" and e.form != "base" for e in countries) and name[:1].isupper() and name[1:2].islower():
            out.setdefault(re.split(r"[ -]", name)[0], []).append(name)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _term_countries(record: DocumentRecord, mentions: list[Mention], linked: set[str], terms: dict) -> list[Mention]:
    out = []
    for m in mentions:
        if m.kind != "term":
            continue
        key = (m.tei_ref or "").lstrip("#") or (m.entity or "").rsplit("/", 1)[-1]
        entry = terms.get(key)
        description = (entry.description if entry else "").strip()
        for alt in re.split(r"\s*[;,]\s*", description):
            g = _ADJECTIVE_GOVERNMENT.match(alt) or _GOVERNMENT_OF.match(alt)
            name = (g.group(g.lastgroup) if g else alt).strip()
            found = _of_two_states(record, name, 0, len(name), linked) if _country_entries(name) else None
            if found is None and g is not None:
                ch = choose(name, _country_entries(name), name, 0, len(name), _year(record), record.date)
                found = ch.entry if ch is not None else None
            if found is not None:
                out.append(_mention(record, m.start, m.end, found,
                                    f"the glossary term '{record.text[m.start:m.end]}' is '{alt}', which names {found.key}"))
                break
    return out


def _term_persons(record: DocumentRecord, mentions: list[Mention], people: DocumentPeople, terms: dict) -> list[Mention]:
    """A glossary term whose description is the full name of a person the document links ("BG", "David Ben Gurion"):
    that person. A description that is a title ("SYG", "Secretary General") is left alone: which holder is unsaid."""
    out = []
    for m in mentions:
        entry = terms.get((m.tei_ref or "").lstrip("#") or (m.entity or "").rsplit("/", 1)[-1]) if m.kind == "term" else None
        description = entry.description.strip() if entry else ""
        if not _FULL_NAME.match(description) or people.title(description) is not None:
            continue
        named = people.named(description)
        if named is not None and not named.local:
            out.append(Mention(m.start, m.end, "person", "about-term-person", 0.5, named.iri, named.label,
                               explanation=f"the glossary term '{record.text[m.start:m.end]}' is '{description}': {named.how}",
                               exact=record.text[m.start:m.end]))
    return out


# Round 11: a body named head first ("the Office of Munitions Control", "the Office of the Acting Political Adviser",
# "the Bank of England"), or by a head noun of courts and firms that `[bodies] local_body_heads` lacks ("the
# Constitutional Court", "International Signal and Controls Corporation").
_CAPS = r"[A-Z][a-z][\w’'-]*(?:\s+(?:and\s+|of\s+(?:the\s+)?)?[A-Z][a-z][\w’'-]*){0,4}"
_HEAD_LAST = ("Court", "Corporation", "Company", "Tribunal")
_NOT_OPENING = frozenset({"The", "A", "An", "Our", "Their", "His", "Her", "Its", "This", "That", "In", "On", "At", "For",
                          "From", "With", "By", "To", "As", "If", "When", "While", "After", "Before", "Under", "Supreme"})


@lru_cache(maxsize=4)
def _head_first(heads: frozenset[str]) -> re.Pattern[str]:
    names = "|".join(sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'-])(?:{names})\s+(?:of|for)\s+(?:the\s+)?(?P<tail>{_CAPS})(?![\w’'-])")


_HEAD_LAST_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{_CAPS}\s+(?:{'|'.join(_HEAD_LAST)}))$")


def _full_bodies(record: DocumentRecord, mentions: list[Mention], heads: frozenset[str]) -> list[Mention]:
    """Bodies named in full that no layer links, as organizations local to the document, with their other
    occurrences; a head-first name's words after "of" ("Munitions Control") name the body too where they recur."""
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    found: list[tuple[int, int, str]] = []
    first = _head_first(heads | {"Bank", "Court"})
    all_heads = heads | {"Bank", "Court"}
    for link in (" of ", " for "):                      # each "of"/"for" once, the word before it a head noun?
        at = text.find(link, record.body_start, end)
        while at >= 0:
            w = _LAST_WORD.search(text, max(record.body_start, at - 20), at)
            if w is not None and w.group(0) in all_heads:
                c = first.match(text, w.start(), end)
                if c:
                    found.append((c.start(), c.end(), c.group("tail")))
            at = text.find(link, at + len(link), end)
    for head in _HEAD_LAST:
        at = text.find(" " + head, record.body_start, end)
        while at >= 0:
            stop = at + len(head) + 1
            lo = max(record.body_start, at - 120)
            c = None if _word(text, stop) else _HEAD_LAST_NAME.search(text[lo:stop])
            at = text.find(" " + head, stop, end)
            if c is None or (c.start() == 0 and _word(text, lo - 1)):
                continue
            words = c.group("name").split()
            while words and (words[0] in _NOT_OPENING or words[0] in ("and", "of", "the")):
                words = words[1:]
            if len(words) >= 2:
                found.append((stop - len(" ".join(words)), stop, ""))
    base = iris.document_iri(record.volume.id, record.doc_id)
    out: list[Mention] = []
    for s, e, tail in found:
        if any(m.start < e and s < m.end and (m.kind in ("person", "organization") or m.end >= e) for m in mentions):
            continue             # linked, a person's name inside ("Office of the Secretary Dulles"), or a longer name
        label = " ".join(text[s:e].split())
        iri = f"{base}/organizations/{iris.slug(label)}"
        why = f"'{label}' names a body in full that no authority holds"
        out.append(Mention(s, e, "organization", "about-body", 0.5, iri, label, explanation=why, exact=text[s:e]))
        if tail.count(" ") >= 1:
            at = text.find(tail, record.body_start, end)
            while at >= 0:
                if not (s <= at < e) and not re.search(r"\bof\s+(?:the\s+)?$", text[max(0, at - 8):at]) \
                        and not _word(text, at - 1) and not _word(text, at + len(tail)):
                    out.append(Mention(at, at + len(tail), "organization", "about-body", 0.5, iri, label,
                                       explanation=f"'{tail}' is the {label}, named in full in the document", exact=tail))
                at = text.find(tail, at + len(tail), end)
    return out


_LAST_WORD = re.compile(r"(?<![\w’'-])[A-Z][a-z]+$")


def _word(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "’'-")


# "David Ben Gurion", "John Foster Dulles": two to four capitalized words, nothing else.
_FULL_NAME = re.compile(r"^[A-Z][a-z’'-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z’'-]+)){1,3}$")


# Round 11: a country's or region's name inside the name of a sea, a strait or a gulf ("the Indian Ocean", "the Gulf of
# Oman", "the Taiwan Straits", "the Arabian Peninsula") is part of a place's name, not the country.
_GEO_AFTER = re.compile(r"[^\S\n]+(?:Ocean|Sea|Seas|Gulf|Strait|Straits|Peninsula|Canal|Channel|Bay|Basin|Desert|Islands)(?![\w’'-])")
_GEO_BEFORE = re.compile(r"(?:Gulf|Sea|Strait|Straits|Bay|Isle|Islands|Sea)[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?$")


_COMPASS_BEFORE = re.compile(r"(?<![\w’'-])((?:[Ss]outh|[Nn]orth)(?:east|west)(?:ern)?|[Ss]outhern|[Nn]orthern|[Ee]astern|[Ww]estern|"
                             r"[Cc]entral)[^\S\n]+$")


def _region_part(record: DocumentRecord, compass: str, m: Mention, base: str) -> Mention:
    """The part of a continent a compass word names: the gazetteer's region ("Southeast Asia", "Southern Africa",
    "Eastern Europe"), else a place local to the document ("Southwest Asia")."""
    word = compass[:1].upper() + compass[1:]
    stem = word[:-3] if word.endswith("ern") and word not in ("Eastern", "Western", "Southern", "Northern") else word
    s = record.text.rfind(compass, 0, m.start)
    whole = re.sub(r"^[Tt]he\s+", "", m.label or "")                  # "the Mediterranean" -> "Eastern Mediterranean"
    for name in dict.fromkeys((f"{stem} {whole}", f"{word} {whole}", f"{word[:-2]} {whole}" if word.endswith("rn") else "")):
        entries = [e for e in gazetteer().get(name, ()) if e.kind == "region"] if name else []
        if entries:
            return Mention(s, m.end, "region", "about-region", 0.5, iris.region_iri(entries[0].key), name,
                           explanation=f"'{record.text[s:m.end]}' is {name}, a region of the gazetteer", exact=record.text[s:m.end])
    label = f"{stem} {whole}"
    return Mention(s, m.end, "place", "about-place", 0.5, f"{base}/places/{iris.slug(label)}", label,
                   explanation=f"'{record.text[s:m.end]}' names a part of {m.label} no gazetteer holds", exact=record.text[s:m.end])


def geographic_names(record: DocumentRecord, mentions: list[Mention]) -> tuple[list[Mention], set[int]]:
    """Places named by a sea, a strait or a gulf around a country's or region's name, local to the document, and the
    ids of the country and region mentions inside them (the claim is not about India for "the Indian Ocean")."""
    text = record.text
    base = iris.document_iri(record.volume.id, record.doc_id)
    out: list[Mention] = []
    inside: set[int] = set()
    for m in mentions:
        if m.kind not in ("country", "region") or m.start < record.body_start:
            continue
        compass = _COMPASS_BEFORE.search(text, max(0, m.start - 14), m.start) if m.kind == "region" and m.label else None
        if compass is not None:            # "southern Africa", "Southeastern Asia", "Eastern European": a part of it
            out.append(_region_part(record, compass.group(1), m, base))
            inside.add(id(m))
            continue
        after = _GEO_AFTER.match(text, m.end)
        before = None if after else _GEO_BEFORE.search(text, max(0, m.start - 16), m.start)
        if after is None and before is None:
            continue
        s, e = (m.start, after.end()) if after else (before.start(), m.end)
        label = " ".join(text[s:e].split())
        out.append(Mention(s, e, "place", "about-place", 0.5, f"{base}/places/{iris.slug(label)}", label,
                           explanation=f"'{label}' names a sea, strait or gulf, not the country in its name", exact=text[s:e]))
        inside.add(id(m))
    return out, inside


def about_readings(record: DocumentRecord, mentions: list[Mention], people: DocumentPeople,
                   body_heads: frozenset[str] = frozenset(), cues: Cues | None = None) -> tuple[list[Mention], set[int]]:
    """Country, person, body and place mentions for `about` only, where the document names one no layer links; and the
    ids of the country and region mentions that only name part of a place ("India" in "the Indian Ocean")."""
    linked = {m.entity for m in mentions if m.kind == "country" and m.entity}
    taken = sorted((m.start, m.end) for m in mentions)
    out = _unlinked_countries(record, mentions, linked)
    if any(m.kind == "term" for m in mentions):
        terms = {t.xml_id: t for t in record.volume.terms}
        out += _term_countries(record, mentions, linked, terms) + _term_persons(record, mentions, people, terms)
    places, inside = geographic_names(record, mentions)
    out += _full_bodies(record, mentions, body_heads) + places
    out += _untagged_countries(record, taken, set(people.by_word))
    if cues is not None:                # session 13: names no layer links (unlinked_names.py)
        out += unlinked_names(record, sorted(taken + [(m.start, m.end) for m in out]), cues)
    return sorted(out, key=lambda m: m.start), inside
