"""Places no layer links, read from where the text puts them (round 9): "in Java", "at Jinja", "a trip to Gaza",
"in Kampala and Jinja", "reach Berlin". The gazetteer holds countries, regions, institutions and capitals only;
FRUS documents also name islands, provinces, towns and strips ("Java", "Batavia", "Gaza", "Siberia", "Quemoy"),
which the annotation counts in `about`. A run of up to three capitalized words after a locative preposition ("in",
"at", "near", "throughout"…), or after "to"/"from" that follows a word of going or sending ("trip to", "returned
from"), or after "and" that joins it to a place or country just named, is a place local to the document
(`…/d155/places/jinja`), unless a mention covers it, the document prints it as a person's name, or it is a word
of the cues' lists (titles, bodies' head nouns, subjects that are no person), a month or a day, a language or a
reference word ("Deptel"). Its other occurrences in the body are the same place. The record is not changed:
claims read copies of its mentions.
"""
from __future__ import annotations

import bisect
import re

from ontology import iris

from ..records import DocumentRecord, Mention
from .cues import Cues

__all__ = ["local_places"]

_WORD = r"[A-Z][a-z][a-z]+(?![\w-])"
_RUN = rf"(?P<run>{_WORD}(?:\s+{_WORD}){{0,2}})"
_BEFORE_RUN = re.compile(rf"\b(?P<prep>in|at|near|throughout|outside|inside|around|across|via|into|toward|towards|to|from)\s+{_RUN}")
# A word of going before "to"/"from" ("trip to", "returned from", "went back to"): at most one word between.
_MOTION_BEFORE = re.compile(r"\b(?:trip|trips|visit|visits|visited|visiting|journey|travel|travels|traveled|travelled|travelling|traveling|"
                            r"flight|flew|fly|flying|return|returns|returned|returning|go|goes|going|went|gone|proceed|proceeds|"
                            r"proceeded|proceeding|move|moved|moving|withdraw|withdrawn|withdrew|way|road|route|access|evacuated|"
                            r"evacuate|arrive|arrived|arriving|depart|departed|departing|came|come|coming|reach|reached|reaching)"
                            r"(?:\s+(?:back|directly|there|home))?\s+$")
_WHY_LOCATIVE = "after a locative word"
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
_FUNCTION_WORDS = frozenset("""in and or on at the to of with for there is was were are has had have where which who that but by from as
since until during after before when while if than then into near about against between under over through via across around
will would could should can may might must not also only itself this these those its their his her our a an be being been
do does did so yet still now already again once twice today yesterday tomorrow earlier later recently area region province
city town island islands airport""".split())
_SPEAKS = r"(?:said|says|stated|states|stating|saying|adding|explaining|told|tells|asked|asks|agreed|agrees|felt|feels|thinks|thought|believes|believed|replied|added|urged|insisted|explained|informed|emphasized|indicated|expressed|suggested|stressed|noted|wants|wanted|hopes|hoped)\b"
_HONORIFIC = r"Mr|Mrs|Ms|Dr|Messrs|Sir|Ambassador|Minister|Senator|General|Admiral|Colonel|Secretary|President|Premier|Chairman|Governor"
_AND_AFTER = re.compile(rf"\s+and\s+{_RUN}")
_MONTHS_DAYS = frozenset("""January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())
# Capitalized words after "in"/"at" that name no place in FRUS prose.
_NOT_PLACES = frozenset("""Congress Parliament Cabinet Headquarters Tab Annex Appendix Section Part Paragraph Chapter Article
Item Point Phase Stage Round Class Category Plan Program Programme Operation Project Report Memo Memorandum Telegram Document
Table Figure Number Volume Session Executive Principle Order English French Spanish Russian Chinese German Arabic Latin
Communist Communists Western Eastern Northern Southern Central General Christmas Easter God Government Governments Ministry
Office Department State States Defense Treasury Commerce Justice Agriculture Labor Interior Senate House Court Council
Committee Conference Assembly Secretariat Security White Embassy Mission Consulate Legation Delegation Navy Army Marines Air
Force Forces Corps Staff Bank Fund Agency Administration Bureau Board Division Desk Policy Planning Intelligence Research
Open Press Public Time Times Post News Radio Television Channel Party Parties Front Cold War World Peace Treaty Pact Charter
Agreement Accord Accords Protocol Declaration Resolution Act Law Constitution Amendment Bill Code Summit Meeting Talks
Chairman President Secretary Minister Ambassador Admiral General Colonel Captain Major Governor Senator Congressman Judge
Mister Doctor Professor King Queen Prince Princess Emperor Shah Pope Sheikh Sultan Premier Chancellor Deputy Acting Vice
Under Assistant Special Director Chief Commander Counselor Consul Officer Member Members Representative Representatives
Spokesman People Peoples Nations Union Republic Republics Kingdom Federation Commonwealth Community Alliance Allies Bloc
Free First Second Third Fourth Fifth Last Next New Old Great Little North South East West Upper Lower Greater Inner Outer
Diet National Political Liberal Fiscal Year Years Attachment Attachments Enclosure Allied Opening Title Titles Articles Noon
Condition Status Charge Incident Areas Occupied Jurisdiction Subcommittee Headquarters Ranch Palace
""".split()) | frozenset("""Jap Japs Sect Pres Wash Phil Phils Sept Brit Brits Emb Art Arts Dept Depts Govt Govts Amb Gen Col Sov
Sovs Ref Para Jan Feb Mar Apr Aug Oct Nov Dec Commie Commies Messrs Mr Mrs Dr Gov Sen Rep Adm Lt Maj Capt Sgt
""".split())         # telegraphese abbreviations ("Jap Govt", "Sect 3", "Pres", "Wash", "Emb")
# Round 11: words that open a place's name before another word ("in New York", "to East Berlin", "in West New
# Guinea"), though alone or last they name none ("in the West", "New" proposals).
_PREFIXES = frozenset("New North South East West Upper Lower Greater".split())
# Geographic head nouns: not a place alone ("in Province"), part of one after a name ("Duck Island", "Suez Canal").
_GEO_HEADS = frozenset("""Saint Lake River Mount Mountains Cape Gulf Bay Sea Ocean Island Islands Strait Straits Canal Coast Valley
Basin Peninsula Province Region District Area Zone Sector Camp Base Station Port Fort City Town Village Capital Strip Desert
Delta Plateau Heights Hills Airport Airfield Harbor Harbour""".split())
_SUFFIX_NOT_PLACE = re.compile(r"(?:ish|ese|ian|ean|ans|ics|ors|tels?|ists?|isms?|ites?|ries|try)$")
_NOT_AFTER = re.compile(r"(?:['’]s\s+(?:view|position|opinion|judgment|proposal|statement|letter|message|government))|\s+(?:Post|Times|Herald|Star|Tribune|Agreement|Accords?|Conference|Summit|Declaration|Protocol|Plan|Program|Doctrine|Pact|Treaty|Committee|Commission|Council|Group|Force|Forces)\b")


def local_places(record: DocumentRecord, mentions: list[Mention], cues: Cues) -> list[Mention]:
    """Place mentions for the runs the text puts after a locative word, and their other occurrences in the body."""
    text = record.text
    start, end = record.body_start, record.body_end if record.body_end is not None else len(text)
    spans = sorted((m.start, m.end) for m in mentions)
    persons = [m for m in mentions if m.kind == "person"]
    stop_words = _stop_words(cues)
    found: dict[str, str] = {}          # surface -> why
    places_or_countries = [(m.start, m.end) for m in mentions if m.kind in ("country", "place", "region")]

    def take(run_start: int, run: str, why: str) -> None:
        words = run.split()
        if not words or words[0] in _GEO_HEADS or any(
                (w in stop_words and not (i and w in _GEO_HEADS) and not (w in _PREFIXES and i < len(words) - 1))
                or _SUFFIX_NOT_PLACE.search(w) for i, w in enumerate(words)):
            return
        e = run_start + len(run)
        after = _NEXT_WORD.match(text, e)
        if after and after.group(1) not in _FUNCTION_WORDS:
            return                                      # "Republican leaders", "Federal group": an adjective
        joined = _AND_AFTER.match(text, e)
        if joined and (any(m.kind == "person" and m.start == joined.start("run") for m in persons) or
                       not any(a == joined.start("run") for a, _ in places_or_countries) and why != _WHY_LOCATIVE):
            return                                      # "to Wilson and Pompidou": persons, named together
        if _covered(spans, run_start, e) or _NOT_AFTER.match(text, e) or text[e:e + 1] in "-’'":
            # "at Morrow’s suggestion": a possessive after "at"/"in" is mostly a person's
            return
        found.setdefault(" ".join(words), why)

    for m in _BEFORE_RUN.finditer(text, start, end):
        if m.group("prep") not in ("to", "from"):
            take(m.start("run"), m.group("run"), _WHY_LOCATIVE)
        elif _MOTION_BEFORE.search(text, max(start, m.start() - 40), m.start()):
            take(m.start("run"), m.group("run"), "after a word of going or sending")
    for s, e in places_or_countries:
        a = _AND_AFTER.match(text, e, min(end, e + 60))
        if a:
            take(a.start("run"), a.group("run"), "joined by 'and' to a place or country just named")
    if found:
        names = _person_words(record, mentions)      # "Cottrell", "Kleffens": never a place
        found = {k: v for k, v in found.items() if not any(w in names for w in k.split())}
    if not found:
        return []
    base = iris.document_iri(record.volume.id, record.doc_id)
    out: list[Mention] = []
    body = text[start:end]
    for surface, why in found.items():
        iri = f"{base}/places/{iris.slug(surface)}"
        spots: list[tuple[int, int]] = []
        person = False
        at = body.find(surface)
        while at >= 0 and not person:
            s, e = start + at, start + at + len(surface)
            if not (at and (body[at - 1].isalnum() or body[at - 1] in "’'-")) and not (
                    e < end and (text[e].isalnum() or text[e] in "’'-")):
                # "Hatta said…", "Mr. Cochran": a person the entity layer did not tag, somewhere in the body
                person = bool(_SPEAKS_AFTER.match(text, e) or _HONORIFIC_BEFORE.search(text, max(start, s - 16), s))
                if not _covered(spans, s, e):
                    spots.append((s, e))
            at = body.find(surface, at + len(surface))
        if person:
            continue
        out.extend(Mention(s, e, "place", "local-place", 0.5, iri, surface,
                           explanation=f"'{surface}' names a place ({why}) that no gazetteer holds", exact=surface)
                   for s, e in spots)
    return out


_SPEAKS_AFTER = re.compile(rf"\s+(?:\w+ly\s+)?{_SPEAKS}")
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{_HONORIFIC})\.?\s+$")


def _covered(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_left(spans, (e, e))
    return any(a < e and s < b for a, b in spans[max(0, i - 8):i])


def _person_words(record: DocumentRecord, mentions: list[Mention]) -> frozenset[str]:
    """The words of the persons' names the document prints or links ("Cottrell", "Kleffens"): never a place."""
    names = [record.text[m.start:m.end] for m in mentions if m.kind == "person"]
    names += [m.label for m in mentions if m.kind == "person" and m.label]
    names += [p.name for p in record.parties if p.name]
    names += re.findall(r"\b(?:Mr|Mrs|Ms|Dr|Messrs|Ambassador|Senator|General|Admiral|Minister|President)\.?\s+([A-Z][a-z’'-]+)",
                        record.text[record.body_start:record.body_end])
    return frozenset(w for n in names for w in re.findall(r"[A-Z][a-z’'-]+", n))


_STOP_WORDS: dict[int, frozenset[str]] = {}


def _stop_words(cues: Cues) -> frozenset[str]:
    """The words no place is, once per cues object."""
    if id(cues) not in _STOP_WORDS:
        _STOP_WORDS[id(cues)] = _build_stop_words(cues)
    return _STOP_WORDS[id(cues)]


def _build_stop_words(cues: Cues) -> frozenset[str]:
    titles = {w[:1].upper() + w[1:] for t in cues.speaker_titles for w in t.split()}
    subjects = {w[:1].upper() + w[1:] for w in cues.not_person_subjects}
    return frozenset(_NOT_PLACES | _MONTHS_DAYS | titles | subjects | set(cues.local_body_heads) | set(cues.sentence_starters))
