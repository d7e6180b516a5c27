"""Choosing the country, institution or region a surface names, by the document's date and context.

The traps, each a rule here and a test in tests/ingest/test_entities_traps.py:
- "US" is the United States, "us" never (matching is case-exact); "US" in an all-capitals line is
  left alone (telegram headings: "LET US").
- "Turkey"/"Chad" capitalised are countries; lower case never. "Chad", "Jordan", "Georgia" directly
  after a capitalised given name or a title ("Hamilton Jordan", "Mr. Jordan") are people, not countries.
- "Georgia" before 1991 is the US state (or the Georgian SSR), never the country (independent 1991).
  After 1991 "Atlanta, Georgia" or "Governor of Georgia" is still the state.
- "China" before October 1949 is the Republic of China; from then on the People's Republic; "Republic
  of China", "Nationalist China", "Taiwan", "GRC" from 1949 are Taiwan.
- "Congo" before 1960 is the Belgian Congo; 1960–1971 it is decided by the document (Leopoldville /
  Kinshasa vs Brazzaville named in it), else left unlinked with both candidates; from 1972 "Zaire" is the
  former Belgian Congo and "Congo" the Brazzaville one.
- Regions and blocs (Western Europe, the West, the Soviet bloc, Latin America) are regions, never countries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.authorities import authorities

from .gazetteer import Entry

__all__ = ["Choice", "choose", "shouting", "GIVEN_NAME_COUNTRIES", "state_of_us_mission"]

GIVEN_NAME_COUNTRIES = {"Chad", "Jordan", "Georgia", "Israel", "India", "Chile", "Kenya", "Jamaica", "Sudan", "Niger",
                        "Lebanon", "Cuba", "Panama", "Turkey", "Mali", "China", "Guinea", "Laos"}
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Senator|Sen|Representative|Rep|Congressman|Governor|Gov|General|Gen|Ambassador|Secretary|"
    r"Judge|Justice|Professor|Prof|Colonel|Col|Admiral|Adm|Captain|Capt|Major|Father|Director|Mayor)\.?|"
    r"\b[A-Z]\.)\s+$")
_US_STATE_CONTEXT = re.compile(
    r"(?:\b(?:Atlanta|Savannah|Augusta|Macon|Columbus|Athens|Governor\s+of|Senator\s+from|Senator\s+of|Representative\s+from|"
    r"Congressman\s+from|state\s+of|State\s+of|University\s+of|Democrat\s+of|Republican\s+of|D-|R-)\s*,?\s*$)")
_STATE_AFTER = re.compile(r"^\s*(?:Senator|Representative|Congressman|Democrat|Republican|delegation|legislature|Tech)\b")
# a country's name as the tail of another name: the U.S. states and places called "New …" (the gazetteer's own "New
# Zealand" or "New Guinea" match whole, so never reach here), and a company "of" a place
_INSIDE_ANOTHER_NAME = re.compile(r"(?:\bNew|\b(?:Company|Corporation)\s+of)\s+$")
# a name whose every record ended (or began) further than this from the document's year is not that state
_FARTHEST_YEARS = 60
_NOT_A_PERSON_WORD = {"The", "In", "On", "At", "To", "From", "And", "But", "For", "With", "By", "Of", "As", "If", "When",
                      "While", "Since", "Both", "Neither", "Either", "Between", "Syria", "Israel", "Iraq", "Egypt",
                      "Lebanon", "Hashemite", "Kingdom", "East", "West", "North", "South", "Northern", "Southern", "Central",
                      "Republic", "Government", "GOJ", "King", "Arab", "Libya", "Sudan", "Niger", "Cameroon", "Nigeria",
                      "Libyan", "Chadian", "French", "Soviet", "Turkish", "Greek", "Iran", "Armenia", "Azerbaijan",
                      "Russia", "Ukraine", "Saudi", "Kuwait", "Jordanian", "Palestinian", "Bank", "River", "Valley",
                      "Upper", "Lower", "Greater", "Transjordan", "Mr", "Mrs", "Dear"}


@dataclass
class Choice:
    entry: Entry | None
    candidates: tuple[tuple[Entry, float], ...] = ()
    explanation: str = ""
    confidence: float = 0.0


def _in_range(e: Entry, year: int | None, date: str | None = None) -> bool:
    if year is None:
        return True
    if date and len(date) >= 10 and (e.d0 or e.d1):
        return (e.d0 or f"{e.y0:04d}-01-01") <= date[:10] <= (e.d1 or f"{e.y1:04d}-12-31")
    return e.y0 <= year <= e.y1


def shouting(text: str, start: int, end: int) -> bool:
    line_start = max(text.rfind("\n", 0, start) + 1, start - 80)
    line_end = text.find("\n", end, end + 80)
    line = text[line_start: line_end if line_end != -1 else min(len(text), end + 80)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.8


# "US" in a line of capitals: the pronoun ("LET US", "TOLD US HE…") unless it heads a noun phrase or a verb
# follows it ("US GOVT", "US WILL SUPPLEMENT…", "THE US", "3. US POSITION…"): the pronoun is never a subject.
_US_NOUN_AFTER = re.compile(
    r"\s*(?:-|(?:GOVT|GOVERNMENT|USG|POLICY|POLICIES|POSITIONS?|VIEWS?|FORCES|TROOPS|OFFICIALS?|EMBASSY|EMB|DELEGATION|DEL|"
    r"DELEG|REPS?|REPRESENTATIVES?|AMBASSADOR|AMB|SIDE|AID|ASSISTANCE|INTERESTS?|MILITARY|NAVY|ARMY|AIR|NAVAL|PROPOSALS?|"
    r"SUPPORT|ATTITUDE|CITIZENS?|NATIONALS|COMPANIES|FIRMS|CONGRESS|PRESS|PUBLIC|OFFERS?|PLANS?|DRAFT|RESOLUTION|"
    r"COMMITMENTS?|PRESENCE|BASES?|INTENTIONS|GOALS?|OBJECTIVES?|ROLE|EFFORTS?|RELATIONS|OIL|ECONOMIC|ECONOMY|"
    r"GOVERNMENT'S|PARTICIPATION|INVOLVEMENT|DECISION|ACTION|REPLY|RESPONSE|STATEMENT|NOTE|PRESIDENT|SECRETARY|"
    r"WILL|WOULD|SHOULD|CAN|COULD|MUST|MAY|MIGHT|SHALL|IS|HAS|HAD|WAS|DOES|DID|CANNOT|HAVE|ARE|WERE)\b)")
_US_THE_BEFORE = re.compile(r"(?:\bTHE|^|\n|[.:;]|\(?\b\d{1,3}[.)]|\(\w\))\s*$")


def us_in_capitals_is_the_country(text: str, start: int, end: int) -> bool:
    return bool(_US_NOUN_AFTER.match(text, end) or _US_THE_BEFORE.search(text[max(0, start - 12):start]))


def choose(surface: str, entries: tuple[Entry, ...], text: str, start: int, end: int, year: int | None,
           date: str | None) -> Choice | None:
    """The entry `surface` names at text[start:end] in a document of `date` (None: not an entity here)."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 30]
    the_before = before.endswith(("the ", "The "))
    usable = [e for e in entries if not e.needs_the or the_before]
    if not usable:
        return None
    if surface == "US" and shouting(text, start, end) and not us_in_capitals_is_the_country(text, start, end):
        return None
    if _INSIDE_ANOTHER_NAME.search(before) or (surface == "Jersey" and after.startswith(" Standard")):
        return None          # "New Jersey", "New Mexico", "Standard Oil Company of Jersey", "Jersey Standard"
    # a given-name country after a given name or title is a person ("Hamilton Jordan", "Mr. Jordan")
    if surface in GIVEN_NAME_COUNTRIES:
        prev = re.search(r"([A-Z][a-z]+)\s$", before)
        if _PERSON_BEFORE.search(before) or (prev and prev.group(1) not in _NOT_A_PERSON_WORD and not before.endswith(("\n", ". ", ", "))):
            return None
        nxt = re.match(r"^\s([A-Z][a-z]+)", after)
        if surface in ("Chad", "Jordan", "Georgia") and nxt and nxt.group(1) not in _NOT_A_PERSON_WORD and \
                nxt.group(1) not in ("Valley", "River", "Government", "Embassy", "Foreign", "Army"):
            # "Chad Smith", "Jordan Hamilton": a given name followed by a surname
            return None
    if surface == "Georgia" or surface == "Georgian" or surface == "Georgians":
        if (year is not None and year < 1991) or _US_STATE_CONTEXT.search(before) or _STATE_AFTER.match(after):
            return None
    # organisations and regions are unambiguous once their surface matched
    fixed = [e for e in usable if e.kind in ("organization", "region")]
    countries = [e for e in usable if e.kind == "country"]
    if fixed and not countries:
        e = fixed[0]
        return Choice(e, explanation=f"'{surface}' is a name of {_label(e)} in the curated list of "
                                         f"{'institutions' if e.kind == 'organization' else 'regions and blocs'}"
                                         + (f" ({e.note})" if e.note else ""), confidence=0.9)
    curated = [e for e in countries if e.form != "base" and _in_range(e, year, date)]
    if curated:
        amb = [e for e in curated if e.key == "-"]
        real = [e for e in curated if e.key != "-"]
        if amb and not real:
            return _ambiguous(surface, amb[0], text, year)
        e = real[0]
        when = f" in a document of {date[:10]}" if date else ""
        kind = "a form of the time for" if e.form == "name" else "the adjective/demonym of"
        expl = f"'{surface}' is {kind} {_label(e)}{when}" + (f" ({e.note})" if e.note else "")
        return Choice(e, explanation=expl, confidence=0.9 if e.form == "name" else 0.8)
    base = [e for e in countries if e.form == "base"]
    if base:
        valid = [e for e in base if _in_range(e, year)]
        if valid:
            valid.sort(key=lambda e: (authorities().territories[e.key].type != "independent-state", -e.y0))
            e = valid[0]
            return Choice(e, explanation=f"'{surface}' is the hsg-gsh name of {_label(e)}, valid {e.y0}–{e.y1 if e.y1 < 9999 else 'today'}",
                          confidence=0.85)
        if year is not None:
            near = min(base, key=lambda e: min(abs(year - e.y0), abs(year - e.y1)))
            if min(abs(year - near.y0), abs(year - near.y1)) > _FARTHEST_YEARS:
                return None  # "late eighteenth century Bourbon" in 1964 is the dynasty, not the island gone in 1848
            return Choice(near, explanation=f"'{surface}' is the hsg-gsh name of {_label(near)} ({near.y0}–{near.y1 if near.y1 < 9999 else 'today'}); "
                                            f"no record of that name is valid in {year}, so the one nearest in time was chosen", confidence=0.6)
        return Choice(base[0], explanation=f"'{surface}' is the hsg-gsh name of {_label(base[0])}", confidence=0.7)
    if fixed:
        e = fixed[0]
        return Choice(e, explanation=f"'{surface}' is a name of {_label(e)}", confidence=0.8)
    return None


def _label(e: Entry) -> str:
    a = authorities()
    if e.kind == "country":
        t = a.territories[e.key]
        return f"{t.name} (hsg-gsh {e.key}{', Wikidata ' + t.qid if t.qid else ''})"
    return a.label(e.kind, e.key)


def _ambiguous(surface: str, e: Entry, text: str, year: int | None) -> Choice:
    """'Congo' 1960–1971, 'Germany' 1949–1990, 'Vietnam' 1954–1975: decide from the document or leave unlinked."""
    if surface in ("Congo", "Congolese"):
        kin = re.search(r"L[eé]opoldville|Kinshasa|Katanga|Lumumba|Mobutu|Tshombe|Adoula|Kasavubu", text)
        bra = re.search(r"Brazzaville|Youlou|Massamba", text)
        k, b = _entry("congo-kinshasa", year), _entry("congo-brazzaville", year)
        if kin and not bra:
            return Choice(k, explanation=f"'{surface}' in {year}: the document names {kin.group(0)}, so Congo (Leopoldville/Kinshasa)", confidence=0.75)
        if bra and not kin:
            return Choice(b, explanation=f"'{surface}' in {year}: the document names {bra.group(0)}, so Congo (Brazzaville)", confidence=0.75)
        return Choice(None, ((k, 0.6), (b, 0.4)), f"'{surface}' in {year} may be either Congo; the document does not say which", 0.0)
    cands = {
        "Germany": ("west-germany-1990", "east-germany-1990"), "German": ("west-germany-1990", "east-germany-1990"),
        "Germans": ("west-germany-1990", "east-germany-1990"),
        "Vietnam": ("south-vietnam-1975", "north-vietnam-1975"), "Viet-Nam": ("south-vietnam-1975", "north-vietnam-1975"),
        "Viet Nam": ("south-vietnam-1975", "north-vietnam-1975"), "Vietnamese": ("south-vietnam-1975", "north-vietnam-1975"),
    }.get(surface, ())
    scored = tuple((_entry(c, year), s) for c, s in zip(cands, (0.6, 0.4)))
    return Choice(None, scored, f"'{surface}' in {year}: {e.note or 'ambiguous'}", 0.0)


def _entry(tid: str, year: int | None) -> Entry:
    t = authorities().territories[tid]
    return Entry("country", tid, t.since, t.until, "name")


def state_of_us_mission(place: str, date: str | None, year: int | None) -> tuple[str, str] | None:
    """(gsh id, why) of the one state a U.S. post or envoy "in Korea" served in the document's year, where the name
    alone is ambiguous ("Korea" after 1948, "Vietnam" 1954–1975): of the states named so (exactly, else as a word of
    their name: "South Korea"), the one to which the United States had a chief of mission that year (POCOM), if it
    was in being then, or its predecessor of the same formal name that was (`_in_being`: "Germany" of 1955-1990, the
    Federal Republic, whose envoys POCOM files under today's Germany). Two such states settle nothing. In running
    text the name stays ambiguous; a U.S. post is at the state Washington recognised."""
    y = int(date[:4]) if date and date[:4].isdigit() else year
    if not y or not place:
        return None
    a = authorities()
    key = re.sub(r"[\s-]", "", place.lower())
    word = re.compile(rf"\b{re.escape(key)}\b")
    served = {p.kind[6:] for p in a.posts if p.kind and p.kind.startswith("chief:") and _served_in(p, y)}
    states = [a.territories[k] for k in sorted(served) if k in a.territories]
    for fits in (lambda t: key in (re.sub(r"[\s-]", "", t.name.lower()), re.sub(r"[\s-]", "", t.long.lower())),
                 lambda t: bool(word.search(t.name.lower().replace("-", "")) or word.search(t.long.lower().replace("-", "")))):
        found = [t for t in states if fits(t)]
        then = _in_being(found[0], y) if len(found) == 1 else None
        if then is not None:
            t = found[0]
            was = "" if then is t else f", the state of that formal name in {y} being {then.name}"
            return then.id, (f"'{place}' in {y}: of the states so named, the United States had a chief of mission only "
                             f"to {t.name} ({t.long or t.name}; POCOM){was}")
        if found:
            return None
    return None


def _in_being(state, year: int):
    """The state itself if in being in `year`, else the one state of its formal name that was: POCOM files the envoys
    to the Federal Republic of Germany of 1955-1990 under today's Germany (gsh: since 1990), so the Embassy in Germany
    of 1962 was in West Germany, its predecessor of the same formal name (session 51). None where no state, or two,
    fit."""
    if state.valid_in(year):
        return state
    same = [t for t in authorities().territories.values()
            if state.id in t.successors and state.long and t.long == state.long and t.valid_in(year)]
    return same[0] if len(same) == 1 else None


def _served_in(post, year: int) -> bool:
    """A chief of mission in post during `year`; an end POCOM does not give is taken as ten years on (an envoy of
    1884 with no recorded end did not serve Korea in 1950)."""
    start = int(post.start[:4]) if post.start[:4].isdigit() else None
    if start is None:
        return False
    end = int(post.end[:4]) if post.end[:4].isdigit() else start + 10
    return start <= year <= end

