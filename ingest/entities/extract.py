"""`extract_entities(record)`: people, countries, institutions, regions and acronyms in one pass.

How a document is read:
1. Heading parties ("Deputy Secretary of State (Clark)") are resolved by office plus date (POCOM).
2. Acronyms are expanded from footnotes ("Reference is to multilateral development banks") and from
   the volume's terms list.
3. The text is cut into runs of capitalised words (joined by "of", "the", "and"…). In each run the
   longest known surface wins: a title plus a name ("Secretary Haig", "Representative Millicent
   Fenwick"), a full name variant, a country form or demonym, an institution, a region; a lone
   surname counts only for people this document or its volume's persons list already names.
Plain dictionary lookups over those runs: no model, no per-document index building.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ingest.authorities import authorities, norm, split_name
from ingest.authorities.names import COMMON_KEYS
from ingest.heading import posts_of
from ingest.records import Candidate, DocumentRecord, Mention, Party
from ontology import iris
from ontology.namespaces import WD

from .gazetteer import MAX_TOKENS, gazetteer
from .given_names import bears_given_name
from .governments import GOVERNMENT_AFTER, head_of_government, president_among_presidents, president_of_administrations
from .identity import (canonical_markup, expansion_of, link_persons_list, part_of, retarget_mismatched_tags,
                       retitle_tags_by_office)
from .initials import initials_mentions
from .markup import fall_back, orphan_markup
from .namesakes import COURTESY, titled_namesake
from .named_after import NAMED_AFTER, NAMED_BEFORE, term_phrases, thing_named_after
from .nicknames import nickname_index
from .not_alone import not_alone, without_words_not_alone
from .offices import dates_allow, nationality, office_from_note, office_from_persons_list, office_from_remarks
from .posts import listed_holder, office_holder, resolve_post
from .signatures import department_signature, post_signature
from .titles import describes_country, offices_inside, replaced_tags, retitle_namesake_tags, title_mentions
from .un_secretary_general import UN_SECRETARY_GENERAL, un_secretary_general
from .people import PersonContext, Resolution, TITLE_WORDS, links_of, office_titles, resolve_office
from .places import shouting, choose

__all__ = ["extract_entities", "EntityExtractor"]

# A capitalised word; a hyphen followed by a capital ends it ("Rusk-Gromyko" is two names, "Chou En-lai" one).
# An initial glued to the surname ("Allen W.Dulles") keeps its period and the gap after it is empty.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|(?:(?<![\w])(?:de|van|von|du|di|da|al-|el-))?[A-Z][\w'’]*(?:-(?![A-Z])[\w'’]*)*"
                    r"(?:\.(?=\s[A-Z])|(?<=(?<![\w.])[A-Z])\.(?=[A-Z][a-z]))?|[A-Z]\.")
# "dinh" of Vietnamese names printed lower-case ("Ngo dinh Nhu") joins like "van".
_GAP = re.compile(r"-|(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:of|the|and|for|on|in|de|da|del|van|von|der|al|bin|el|y|du|des|la|le|di|ibn|ul|dinh)"
                  r"(?:[ \t]+|[ \t]*\n[ \t]*))?|(?<=(?<![\w.])[A-Z]\.)(?=[A-Z][a-z])")
_CONNECTORS = {"of", "the", "and", "for", "on", "in"}
_RUN = re.compile(f"({_TOKEN.pattern})(?:(?:{_GAP.pattern})(?:{_TOKEN.pattern}))*")
_PARTICLE_BEFORE = re.compile(r"(?:\b(?:de|De|van|Van|von|Von|du|Du|da|Da|del|Del|della|di|Di|al|El|el|ter|ten)[ -])$")
# A lone surname followed or preceded by these names a thing, not the person.
_CAPS_WORDS = set("""WHO THIS AID IS IT US AS AT ON IN OR AN BE DO GO NO SO TO UP WE ARE CAN MAY NOT ALL ONE ANY USE ACT END SEA
OIL ART ARM ARMS HAS HAD WAS FOR AND THE BUT OUT NOW NEW OLD PM AM IF OF BY MY HE SHE HIS HER OUR ITS FAR NET TAX PAY RAN RUN SET
CAT DOG EYE BAD BIG LOW HIGH WAR LAW MAN MEN MET SAW SEE SAY SAID PUT TOP WIN WON YES AIM HIM""".split())
_SALUTATION = re.compile(r"(?:(?P<dear>\b(?:Dear|DEAR|My dear|MY DEAR)\s+)(?P<name>[A-Z][A-Za-z]+)\s*[:,]"
                         r"|(?m:^[ \t]*(?P<name2>[A-Z][a-z]+)\.?[ \t]*$))")
_SUFFIX = re.compile(r",? (?:Jr\.|Sr\.|III|II|IV)(?![\w])")
_SPEECH = re.compile(r"(?::|\s+(?:said|says|responded|replied|noted|asked|stated|added|observed|remarked|agreed|suggested|"
                     r"commented|explained|thought|felt|believed|indicated|pointed|urged|wanted|told|mentioned|emphasized|"
                     r"interjected|interrupted|continued|concluded|inquired|recalled|opened)\b)")
_COMBINING = set("""Franco Anglo Sino Italo Russo Indo Afro Euro Greco Turco Austro Judeo Hispano Luso Belgo Germano Polono
Soviet Arab Israeli""".split())
_LOWER_NEXT = re.compile(r" ([a-z]+)\b( [a-z]+\b)?")
_LIBRARY = re.compile(r"['’]?s?\s+(?:(?:Presidential\s+)?Library|papers|Diaries|Notes)\b")   # archives named after people
_POSSESSIVE = re.compile(r"['’][sS]?$")
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,6}")
_SHORT_GIVEN = re.compile(r"[A-Z][a-z]{1,4}")
_TITLE = re.compile(
    r"(?:(?:Acting|Deputy|Under|Assistant|Vice|Prime|Foreign|Defense|Defence|Finance|Special|Chief|Field|Lieutenant|Rear|Vice|Former|Ex-)\s+)*"
    r"(?:Mr|Mrs|Ms|Miss|Dr|Messrs|Mme|Mlle|M|Sr|Sra|Herr|Signor|Sir|Lord|Lady|Dame|Presidents|President|President-elect|Pres|Chairman|Secretaries|Secretary(?:[- ]General)?(?:\s+of\s+(?:State|Defense|the\s+Treasury|Commerce|Agriculture|Labor|War|the\s+Navy|the\s+Army|the\s+Air\s+Force|Energy|the\s+Interior|Health|Transportation))?|"
    r"Ambassadors|Ambassador|Senator|Sen|Representative|Rep|Congressman|Congresswoman|Governor|Gov|General|Gen|Admiral|Adm|Colonel|Col|Major|Maj|"
    r"Captain|Capt|Lieutenant|Lt|Commander|Cdr|Marshal|Minister|Premier|Chancellor|Director(?:\s+(?:of|for)\s+Central\s+Intelligence)?|Counselor|Judge|Justice|Mayor|Professor|Prof|"
    r"King|Queen|Prince|Princess|Shah|Emperor|Sheikh|Shaikh|Emir|Amir|Sultan|Pope|Cardinal|Archbishop|Bishop|Father|Rabbi|Chargé|Charge|"
    r"Attorney\s+General|Generalissimo|Chief\s+Justice|Speaker|Leader)\.?[^\S\n]+(?=[A-Z])"
)   # not across a line: "Henry A. Kissinger, Secretary of State\nHedley Donovan, Editor-in-Chief" (session 25)
_TITLE_FIRST = set("""M Mlle Sr Sra Herr Signor Acting Deputy Under Assistant Vice Prime Foreign Defense Defence Finance Special Chief Field Lieutenant Rear
Former Ex- Mr Mrs Ms Miss Dr Messrs Mme Sir Lord Lady Dame President Presidents President-elect Pres Chairman Secretary Secretaries
Secretary-General Ambassadors Senators Generals
Ambassador Senator Sen Representative Rep Congressman Congresswoman Governor Gov General Gen Admiral Adm Colonel Col Major Maj
Captain Capt Lt Commander Cdr Marshal Minister Premier Chancellor Director Counselor Judge Justice Mayor Professor Prof King
Queen Prince Princess Shah Emperor Sheikh Shaikh Emir Amir Sultan Pope Cardinal Archbishop Bishop Father Rabbi Chargé Charge
Attorney Generalissimo Speaker Leader""".split())
_ABBREVIATED = frozenset("Mr Mrs Ms Dr Messrs Mme Mlle M Sr Sra Pres Sen Rep Gov Gen Adm Col Maj Capt Lt Cdr Prof".split())
_PERSON_TITLE_ONLY = {"mr", "mrs", "ms", "miss", "dr", "messrs", "mme", "sir", "lord", "lady", "dame", "senator", "sen",
                      "representative", "rep", "congressman", "congresswoman", "ambassador", "general", "gen", "admiral",
                      "adm", "colonel", "col", "president", "secretary", "governor", "king", "queen", "prince", "shah",
                      "chancellor", "premier", "prime minister", "foreign minister", "minister", "professor", "judge",
                      "sheikh", "emperor", "pope", "cardinal", "father", "chairman", "director", "mayor", "marshal", "field marshal"}
# Capitalised words that are never a lone surname here (sentence starts, months, days, offices, headings).
_NOT_SURNAMES = set("""A An The This That These Those It Its He She We They I You His Her Our Their My Your There Here What Which Who Whom Whose
When Where Why How If In On At By For From To Of And But Or Nor So Yet As With Without Within Upon After Before During Since Until
While Although Though Because Also All Any Each Every Both Either Neither No Not Some Such Only Other Another Many Much More Most
Few Several One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next New Old Great Good Best Better Well
January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday
Saturday Sunday Mr Mrs Ms Dr Sir President Secretary Ambassador Minister General Admiral Senator Governor King Queen Prince
Department Embassy Government Council Committee Office Bureau Agency Mission Staff Army Navy Air Force State States House
Senate Congress Party Union Republic Kingdom Federation Assembly Conference Treaty Pact Plan Program Act Bill Law Court Bank
Fund Note Memorandum Telegram Letter Message Paper Report Summary Subject Source Attachment Enclosure Tab Annex Part Section
Chapter Volume Document Editorial Washington Moscow London Paris Peking Beijing Tokyo Bonn Berlin Rome Cairo Saigon Hanoi
North South East West Northern Southern Eastern Western Central Upper Lower Greater Little Long Young Early Hope Will Rich Price
Strong Power Love Black White Green Brown Gray Grey Bell Wise Hunt Read Noon Battle Little Hill Field Ford Lane Bush Marsh Moss
Street Road House Hall Church Castle Lake River Mount Port Cape Bay Gulf Island Islands Sea Ocean Canal Zone Free Liberty
Peace War Cold Soviet American British French German Chinese Japanese Communist Communists Socialist Democrat Democrats
Democratic Republican Republicans Liberal Conservative Labor Labour National International United Nations Christian Catholic
Muslim Moslem Jewish Arab Arabs Israeli Negro Indian Indians Western Asian African European Latin Human Rights Defense Security
Economic Political Military Foreign Affairs Policy Planning Intelligence Operations Special Assistant Deputy Under Executive
Legal Adviser Acting Chief Director Chairman Counselor Admin Administration Administrator Commander Captain Colonel Major Lieutenant
Marshal Premier Chancellor Speaker Leader Dear Sincerely Yours Regards Thanks Thank Please Yes Ok OK Top Secret Confidential
Unclassified Limited Official Use Eyes Exdis Nodis Limdis Immediate Priority Routine Flash Action Info Ref Refs Reftel Para
Noted Agreed See Cf Ibid Id Per Re Vs Approved Disapproved Attached Drafted Cleared Sent Received Repeated Signed Initialed
Initials Editor Editors Ed Editorial""".split())


# Offices whose holder a lone surname names as readily as a namesake named earlier ("Allen Dulles", then "Dulles").
_TOP_OFFICES = frozenset({"President of the United States", "Secretary of State"})

# Never a lone surname, even after a title.
_NEVER = set("""A An The This That These Those It Its He She We They I You His Her Our Their My Your There Here What Which Who
Whom Whose When Where Why How If In On At By For From To Of And But Or Nor So Yet As With Without Within Upon After Before During
Since Until While Although Though Because Also All Any Each Every Both Either Neither No Not Some Such Only Other Another Many
Much More Most Few Several One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next January February March
April June July September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr Sir
Department Embassy Government Council Committee Office Bureau Agency Mission Staff Subject Source Attachment Enclosure Tab Annex
Part Section Chapter Volume Document Editorial Summary Memorandum Telegram Letter Message Note Paper Report Correspondence
Files File Papers Library Records Yes No Dear Sincerely Please Thanks Thank Secret Confidential Unclassified""".split())


def _fits(printed: str, forenames: str) -> bool:
    """Whether forenames as printed ("Ray L.", "C.", "J. Klahr") may be those of a record ("Raymond LeRoy",
    "Joseph Charles", "Jerome Klahr"): each printed word, in order, begins a word of the record's."""
    have = [w.strip(".").lower() for w in forenames.replace(".", ". ").split() if w.strip(".")]
    i = 0
    for w in (w.strip(".").lower() for w in printed.replace(".", ". ").split() if w.strip(".")):
        while i < len(have) and not have[i].startswith(w):
            i += 1
        if i == len(have):
            return False
        i += 1
    return True


def _title_case(surface: str) -> str:
    return " ".join(w if w.lower() in _CONNECTORS and i else w.capitalize() for i, w in enumerate(surface.split(" "))).replace(
        " Of ", " of ").replace(" The ", " the ").replace(" And ", " and ")


@lru_cache(maxsize=200_000)
def _key(surface: str) -> str:
    return norm(surface)


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(*—-":
        i -= 1
    return i < 0 or text[i] in ".!?:\n;"


class EntityExtractor:
    """One extractor per process holds the gazetteer and authority indexes; `run(record)` per document."""

    def __init__(self, use_volume_lists: bool = True, title_only: bool = False):
        """`title_only` adds title-only mentions ("the Shah"): ingest does (extract_entities); the evaluation against
        the editors' markup does not, because the editors never tag a title alone (docs/entities.md)."""
        self.title_only = title_only
        self.a = authorities()
        self.gaz = gazetteer()
        self.full = _with_nicknames(self.a.full_index)
        self.surnames = without_words_not_alone(self.a.surname_index)
        self.first_surname = self.a.first_surname_index
        self.use_volume_lists = use_volume_lists
        self._next_titled: tuple[int, str] | None = None
        self._forms_of: dict[str, list[str]] | None = None        # hsg id -> its full-name forms (misprints)
        self._forms_for: tuple = (None, None)
        self.phrases: frozenset[str] = frozenset()
        self.descriptions: dict[str, str] = {}
        self.heads: dict[str, str] = {}
        self._descriptions_of: tuple[str, int] | None = None
        self._here: tuple[str, _Spans] | None = None      # the text and the spans taken, while a document is read
        firsts = [w.lower() for p in self.a.people.values()
                  for w in split_name(p.sort).forenames.replace(".", " ").split()[:1] if len(w) > 2]
        self.given_names = set(firsts)
        self.middle_names: dict[str, frozenset[str]] = _middle_names(self.a)
        counts: dict[str, int] = {}
        for w in firsts:
            counts[w] = counts.get(w, 0) + 1
        self.common_given = {w for w, c in counts.items() if c >= 25}
        # first words of every multi-word surface and name: a token that starts none of them, is no
        # surface, no surname and no title cannot start a match (the common case: skip it cheaply)
        # ... and how many words the longest surface starting with it has (bounds the search)
        self.gaz_first: dict[str, int] = {}
        for k in self.gaz:
            first = k.split(" ", 1)[0]
            if first in _NEVER and " " in k:
                continue                   # "The Gambia": not worth trying every "The"
            self.gaz_first[first] = max(self.gaz_first.get(first, 0), k.count(" ") + 1)
        self.name_first: dict[str, int] = {}
        for k in self.full:
            first = k.split(" ", 1)[0]
            if first in COMMON_KEYS:
                continue                   # stray forms that start with "in", "the", "army"…
            self.name_first[first] = max(self.name_first.get(first, 0), k.count(" ") + 1)
        for k in self.first_surname:
            first = k.split(" ", 1)[0]
            self.name_first[first] = max(self.name_first.get(first, 0), 2)
        for k in self.surnames:
            if " " in k:   # "Gaulle" of "de Gaulle"
                self.name_first.setdefault(k.rsplit(" ", 1)[1], 1)

    # ------------------------------------------------------------ entry point

    def run(self, record: DocumentRecord) -> None:
        link_persons_list(record.volume)
        retarget_mismatched_tags(record)
        canonical_markup(record)
        retitle_tags_by_office(record)
        orphans = orphan_markup(record)
        if orphans:
            record.mentions = [m for m in record.mentions if not any(m is o for o in orphans)]
        self.phrases = term_phrases(tuple(t.description for t in record.volume.terms))
        if self._descriptions_of != (record.volume.id, len(record.volume.persons)):
            self._descriptions_of = (record.volume.id, len(record.volume.persons))
            self.descriptions = _descriptions(record.volume.id, record.volume.persons)
            self.heads = self._heads_of_state(record.volume.id, record.volume.persons)
        text = record.text
        self._here = None
        ctx = PersonContext.of(record.volume.id, record.date, self.use_volume_lists)
        ctx.places = _places_written(record)
        year = ctx.year
        self._tagged_terms(record, year)
        found: list[Mention] = []
        taken: list[tuple[int, int]] = [(m.start, m.end) for m in record.mentions]
        found += self._parties(record, ctx)
        found += self._posts(record, ctx)
        found += self._signer(record, found, ctx)
        taken += [(m.start, m.end) for m in found]
        acr = self._acronyms(record)
        occupied = _Spans(taken)
        self._here = (text, occupied)
        for m in self._acronym_mentions(record, acr, occupied, year):
            found.append(m)
            occupied.add(m.start, m.end)
        for m in self._first_names(record, occupied):
            found.append(m)
            occupied.add(m.start, m.end)
        for m in self._bracketed_forenames(text, ctx, occupied):
            found.append(m)
            occupied.add(m.start, m.end)
        for m in self._scan(text, ctx, year, record.date, occupied):
            found.append(m)
            occupied.add(m.start, m.end)
        titles = title_mentions(record, found, year, lambda s, e: not occupied.overlaps(s, e)) if self.title_only else []
        if inner := offices_inside(titles, found):
            found = [m for m in found if not any(m is x for x in inner)]
        for m in titles:
            found.append(m)
            occupied.add(m.start, m.end)
        if replaced := replaced_tags(record, titles):
            record.mentions = [m for m in record.mentions if not any(m is r for r in replaced)]
        found += self._marked_persons(record, found, occupied, ctx)
        found += self._initials(record, found)
        if orphans:
            found += fall_back(orphans, found)
        found = _without_repeated_tags(record.mentions, found)
        found.sort(key=lambda m: (m.start, m.end))
        for m in found:
            m.exact = text[m.start:m.end]
        record.mentions.extend(found)
        retitle_namesake_tags(record, year)
        _parties_take_their_mentions(record)

    def _initials(self, record: DocumentRecord, found: list[Mention]) -> list[Mention]:
        """Session 37: "AWD said…", "CCK replied…": the initials of one person the document names (initials.py)."""
        everyone = [*record.mentions, *found]
        taken = _Spans((m.start, m.end) for m in everyone)
        return initials_mentions(record, everyone, lambda s, e: not taken.overlaps(s, e),
                                 lambda w, s, e: shouting(record.text, s, e) or self._names_no_one(w) or self._names_a_place(w))

    def _marked_persons(self, record: DocumentRecord, found: list[Mention], occupied: "_Spans", ctx: PersonContext):
        """Persons the editors marked without saying who (<persName> without @corresp): the span is a person
        for certain. A person mention the scan made there stays; any other is replaced; an empty span gets an
        unlinked person mention, linked only when the name resolves on its own."""
        if not record.marked_persons:
            return []
        text = record.text
        out = []
        parties = {(p.start, p.end) for p in record.parties}
        tagged = self._tagged_people(record)
        for s, e in record.marked_persons:
            if (s, e) in parties:
                continue                    # a heading party: its own mention says who it is, or that we do not know
            inside = [m for m in found if m.start < e and s < m.end]
            if any(m.kind == "person" for m in inside):
                for m in inside:
                    if m.kind == "person" and m.entity is None and (ids := self._person_ids(text[s:e])) and (
                            res := self._tagged_namesake(record, s, text[s:e], ids, tagged)):
                        m.entity, m.label, m.entity_links, m.candidates = res.entity, res.label, res.links, ()
                        m.confidence = res.confidence
                        m.explanation = f"'{text[s:e]}' is marked as a person by the FRUS editors, who did not say " \
                                        f"who; {res.explanation}"
                    elif m.kind == "person" and m.explanation:
                        m.explanation += "; the FRUS editors mark it as a person without saying who"
                continue
            if occupied.overlaps(s, e) and not inside:
                continue                    # the editors' own tagged mention, or a heading party
            for m in inside:
                found.remove(m)
            surface = text[s:e]
            why = f"'{surface}' is marked as a person by the FRUS editors, who did not say who (persName without @corresp)"
            ids = self._person_ids(surface)
            res = self._tagged_namesake(record, s, surface, ids, tagged) if ids else None
            if res is None:
                res = ctx.resolve_name(surface, ids[0], None, ids[1]) if ids else None
            if res is not None and res.entity:
                out.append(Mention(s, e, "person", "tei-markup", res.confidence, res.entity, res.label, res.candidates,
                                   f"{why}; {res.explanation}", entity_links=res.links))
                ctx.remember(res.pid)
            else:
                out.append(Mention(s, e, "person", "tei-markup", 1.0, None, None,
                                   res.candidates if res is not None else (), why))
        return out

    def _tagged_people(self, record: DocumentRecord) -> dict[str, set[str]]:
        """norm(surname) -> the authority people the editors tag (persName with @corresp) in this document."""
        out: dict[str, set[str]] = {}
        base = iris.person_iri("")
        for m in record.mentions:
            if m.method == "tei-markup" and m.kind == "person" and m.entity and m.entity.startswith(base):
                pid = m.entity[len(base):]
                if pid in self.a.people:
                    out.setdefault(norm(self.a.person(pid).surname), set()).add(pid)
        return out

    def _tagged_namesake(self, record: DocumentRecord, s: int, surface: str, ids: tuple[frozenset[str], bool],
                         tagged: dict[str, set[str]]) -> Resolution | None:
        """A surname the editors mark without saying who, where they tag one person of that surname in the same
        document: that person ("Mr. Johnson said…" 37 times under a participants list that tags "U. Alexis Johnson",
        frus1964-68v29p2 d14). A title before it other than a courtesy one is left to the title rules."""
        key = norm(surface).split()[-1] if surface.strip() else ""
        pool = tagged.get(key, set())
        if len(pool) != 1 or " " in surface.strip() or not set(pool) <= set(ids[0]):
            return None
        before = record.text[max(0, s - 30):s].split()
        if before and norm(before[-1].rstrip(".")) in _RANKS_AND_OFFICES:
            return None
        pid = next(iter(pool))
        p = self.a.person(pid)
        return Resolution(iris.person_iri(pid), p.name, 0.9,
                          f"the editors tag {p.name} (hsg-people {pid}) in this document, the only person of that "
                          f"surname they tag in it", "name-variant", links=links_of(pid), pid=pid)

    # ------------------------------------------------------------ heading parties

    def _parties(self, record: DocumentRecord, ctx: PersonContext) -> list[Mention]:
        out = []
        # "… to Certain Diplomatic Missions and Consular Offices in Europe and the Middle East": the heading's
        # "and" left a place as a party, which would become a person of the document
        # "… Special Committee on Soviet and Related Problems": the "and" left the committee's last words as a party
        record.parties = [p for p in record.parties
                          if p.office or not (self._names_a_place(p.name) or self._names_no_one(p.name))]
        for party in record.parties:
            res = None
            if party.office:
                hit = resolve_office(party.office, party.name, record.date)
                if hit:
                    post, pid = hit
                    p = self.a.person(pid)
                    span = f"in post {post.start or '?'} to {post.end or 'date'}"
                    res = Resolution(iris.person_iri(pid), p.name, 0.95,
                                     f"'{party.office} ({party.name})' {('on ' + record.date[:10]) if record.date else ''}: "
                                     f"{p.name} held the post '{post.title}' ({span}, POCOM)",
                                     "office-and-date", office=party.office, office_iri=iris.position_iri(post.position),
                                     links=links_of(pid), pid=pid)
            if res is None and party.office:
                res = self._office_by_list(record, party)
            if res is None and party.office:
                res = self._office_by_remarks(record, party)     # "Deputy Assistant Secretary of Defense (Bundy)"
            if res is None and party.office:
                res = self._office_by_note(record, party, ctx)   # "The Iranian Prime Minister (Hakimi)", 1948
            if res is None and not party.office and party.start is not None:
                res = self._party_after_title(record.text, party, ctx)     # "Talking points for President Johnson"
            if res is None and not party.office and party.start is not None:
                res = self._party_after_office(record, party)     # "to the President's Special Assistant (Rostow)"
            if res is None:
                ids = self._person_ids(party.name)
                if ids:
                    listed = ids[0] & ctx.volume_ids if not ids[1] else frozenset()
                    # a lone surname goes to its listed bearer first, as in running text: "Ambassador Vance" in
                    # frus1964-68v07 (which lists Cyrus R. Vance) is not Sheldon B. Vance, an ambassador in 1968
                    r = ctx.resolve_name(party.name, listed or ids[0], party.office, ids[1])
                    if r.entity:
                        res = r
                        res.method = "header"
            if res is None:
                res = self._party_by_printed_name(record, party, ctx)
            if res is None:
                continue
            party.entity, party.label, party.explanation = res.entity, res.label, res.explanation
            if res.office_iri:
                party.office_iri = res.office_iri
            if res.pid:
                ctx.remember(res.pid)
            if party.start is not None and party.end is not None and record.text[party.start:party.end] == party.name:
                out.append(Mention(party.start, party.end, "person", res.method, res.confidence, res.entity, res.label,
                                   explanation=res.explanation, office=party.office, entity_links=res.links))
        return out

    def _party_by_printed_name(self, record: DocumentRecord, party, ctx: PersonContext) -> Resolution | None:
        """A family name alone that nothing else settles ("The Chargé in India (Donovan)", "(Hare)" in the 1948
        volumes, which have no persons list): the one person of that family name whom the volume prints with
        forenames anywhere ("Raymond A. Hare" in a footnote), when the authority data holds them and every other
        printed form of the name fits them. Two people printed ("Charles W. Lewis", "George Lewis") leave it
        unlinked, as a form the authority data lacks does ("Howard Donovan"). A volume with a persons list is left
        to it: there a name the list lacks stays unlinked, as in running text (the editors list whom they identify)."""
        if " " in party.name.strip() or not record.volume.printed_names or record.volume.persons or ctx.volume_ids:
            return None          # ctx.volume_ids: the list hsg-people knows, for a plain-text copy of a listed volume
        found: dict[str, str] = {}
        others: list[str] = []
        for form in record.volume.printed_names.get(party.name.strip().lower(), ()):
            form = self._from_forename(form)
            if form is None:
                continue
            ids = self.full.get(norm(form), frozenset())
            canonical = {self.a.canonical(i) for i in ids}
            if len(canonical) == 1:
                found.setdefault(next(iter(canonical)), form)
            else:
                others.append(form)
        if len(found) != 1:
            return None
        (pid, form), = found.items()
        person = self.a.person(pid)
        forenames = split_name(person.sort).forenames
        if any(not _fits(split_name(o).forenames, forenames) for o in others):
            return None
        if ctx.year and person.alive_in(ctx.year) is False:
            return None
        return Resolution(iris.person_iri(pid), person.name, 0.8,
                          f"'{party.name}'" + (f" ({party.office})" if party.office else "")
                          + f": the volume prints one person of that family name, '{form}', who is {person.name} "
                          f"(hsg-people {pid})", "header", office=party.office, links=links_of(pid), pid=pid)

    def _from_forename(self, form: str) -> str | None:
        """The printed form from its first forename or initial on ("Hare Raymond A. Hare" -> "Raymond A. Hare"), or
        None when only the family name remains ("Ambassador Huddle")."""
        words = form.split()
        for k, w in enumerate(words[:-1]):
            if re.fullmatch(r"[A-Z]\.", w) or w.lower() in self.given_names:
                return " ".join(words[k:])
        return None

    def _party_after_office(self, record: DocumentRecord, party) -> Resolution | None:
        """A heading party the reader gave no office, printed in brackets after one ("Memorandum From the Executive
        Secretary … (Read) to the President's Special Assistant (Rostow)", frus1964-68v29p2 d98, October 1967): the
        office decides as for any party (POCOM, else the persons list's descriptions: Walt, not Eugene Rostow)."""
        m = _OFFICE_BEFORE.search(record.text, max(0, party.start - 120), party.start)
        if m is None or record.text[party.end:party.end + 1] != ")":
            return None
        office = m.group("office")
        hit = resolve_office(office, party.name, record.date)
        if hit:
            post, pid = hit
            p = self.a.person(pid)
            return Resolution(iris.person_iri(pid), p.name, 0.9, f"'{office} ({party.name})' on {record.date[:10]}: {p.name} held "
                              f"the post '{post.title}' (POCOM)", "office-and-date", office=office,
                              office_iri=iris.position_iri(post.position), links=links_of(pid), pid=pid)
        return self._office_by_list(record, Party(party.role, party.name, office, party.start, party.end))

    def _party_after_title(self, text: str, party, ctx: PersonContext) -> Resolution | None:
        """A heading party whose name follows a title the heading reader left out of its office ("Talking points for
        President Johnson", frus1964-68v29p1 d192, which lists only U. Alexis Johnson): the one namesake the title fits."""
        tm = _TITLE_BEFORE.search(text, max(0, party.start - 40), party.start)
        if tm is None:
            return None
        ids = self._person_ids(party.name)
        if not ids or ids[1]:
            return None
        when = ctx.date[:10] if ctx.date else (str(ctx.year) if ctx.year else None)
        return self._titled_pick(party.name, tm.group(1), ids[0], ids[0] & ctx.volume_ids, when)

    def _posts(self, record: DocumentRecord, ctx: PersonContext) -> list[Mention]:
        """Senders and recipients that are posts ('the Embassy in Iran'): organization mentions where the heading
        names them; the graph makes them schema:author/recipient (ingest.entities.posts.heading_posts). They are
        not parties, so a claim's voice stays the person who signed."""
        out = []
        at = record.text.find(record.heading) if record.heading else -1
        if at < 0:
            return out
        for post in posts_of(record.heading):
            s, e = at + post.start, at + post.end
            holder = office_holder(post, record.date) or listed_holder(post, record)
            if holder is not None:
                # not remembered as named here: in a volume with a persons list, a lone surname still needs the list
                # (frus1958-60v02 does not list Herter, and the editors tag none of his 28 "Herter"s there)
                if not any(p.role == holder.role and p.entity == holder.entity for p in record.parties):
                    record.parties.append(holder)
                continue
            hit = resolve_post(post, record.date, ctx.year)
            if hit and not any(m.start < e and s < m.end for m in record.mentions):
                out.append(Mention(s, e, "organization", "organization-list", 0.9, hit.iri, hit.label,
                                   explanation=hit.explanation))
        return out

    def _signer(self, record: DocumentRecord, found: list[Mention], ctx: PersonContext) -> list[Mention]:
        """The signature of a telegram the Department of State sent: the Secretary or Acting Secretary of the day who
        bears the surname (POCOM), even where the volume's persons list names only a namesake (signatures.py); where
        it names no one of that surname, the signature is left out as any unlisted surname is."""
        got = department_signature(record) or post_signature(record)
        if got is None:
            return []
        s, e, pid, why = got
        if any(m.start < e and s < m.end for m in (*record.mentions, *found)):
            return []
        if ctx.volume_ids and not self.surnames.get(_key(record.text[s:e]), frozenset()) & ctx.volume_ids:
            return []     # the list names no one of that surname: left out as any unlisted name (frus1958-60v02's "Herter")
        person = self.a.person(pid)
        res = Resolution(iris.person_iri(pid), person.name, 0.9, why, "office-and-date", links=links_of(pid), pid=pid)
        return [self._person(s, e, res, ctx, None)]

    def _office_by_list(self, record: DocumentRecord, party) -> Resolution | None:
        """An office POCOM does not hold, settled by the persons list's descriptions; overrides an editors' tag of
        the same span that points at a namesake (the tag stays as fk:teiRef, the explanation says both)."""
        year = PersonContext.of(record.volume.id, record.date, False).year
        choice = office_from_persons_list(party.office, party.name, record.volume, year) if self.use_volume_lists else None
        if choice is None:
            return None
        pid = self.a.volume_people(record.volume.id).get(choice.xml_id)
        entity = iris.person_iri(pid) if pid else iris.volume_person_iri(record.volume.id, choice.xml_id)
        label = self.a.person(pid).name if pid else choice.name
        why = choice.explanation
        for m in record.mentions:
            if m.method == "tei-markup" and m.kind == "person" and (m.start, m.end) == (party.start, party.end) \
                    and m.entity != entity:
                m.explanation = f"the FRUS editors tag it {m.tei_ref} ({m.label}); {why}"
                m.entity, m.label, m.entity_links = entity, label, links_of(pid) if pid else ()
                why = m.explanation
        return Resolution(entity, label, 0.85, why, "header", office=party.office, links=links_of(pid) if pid else (), pid=pid)

    def _office_by_remarks(self, record: DocumentRecord, party) -> Resolution | None:
        """An office neither POCOM nor this volume's list settles, held by the one namesake whom the persons lists of
        the volumes of the document's years describe with it (the authority records' dated remarks): the Defense
        letters of "the Deputy Assistant Secretary of Defense for International Security Affairs (Bundy)" in
        frus1961-63v21, which lists only McGeorge, are William P. Bundy's."""
        ids = self._person_ids(party.name)
        if not ids or ids[1] or len(ids[0]) < 2:
            return None
        if record.volume.persons and not ids[0] & set(self.a.volume_people(record.volume.id).values()):
            return None     # the list names no one of that surname: left out, as any unlisted name ("(Hughes)", 1963)
        year = PersonContext.of(record.volume.id, record.date, False).year
        hit = office_from_remarks(party.office, ids[0], year, party.name)
        if hit is None:
            return None
        pid, text = hit
        p = self.a.person(pid)
        return Resolution(iris.person_iri(pid), p.name, 0.85,
                          f"'{party.office} ({party.name})' in {year}: {p.name} (hsg-people {pid}) is the one of "
                          f"{len(ids[0])} namesakes whom the persons lists of FRUS volumes of those years describe with "
                          f"the office's words (\"{text[:90]}\")", "header", office=party.office, links=links_of(pid), pid=pid)

    def _office_by_note(self, record: DocumentRecord, party, ctx: PersonContext) -> Resolution | None:
        """In a volume without a persons list, the one bearer of a surname in hsg-people whose note describes them
        with the office printed beside the name (offices.office_from_note)."""
        if record.volume.persons or ctx.volume_ids:
            return None
        ids = self._person_ids(party.name)
        if not ids or ids[1] or len({self.a.canonical(i) for i in ids[0]}) != 1:
            return None
        pid = self.a.canonical(next(iter(ids[0])))
        note = office_from_note(party.office, pid, ctx.year)
        if note is None:
            return None
        p = self.a.person(pid)
        return Resolution(iris.person_iri(pid), p.name, 0.8,
                          f"'{party.office} ({party.name})' in {ctx.year}: {p.name} (hsg-people {pid}) is the one person "
                          f"of that surname in hsg-people, whose note describes them so (\"{note[:90]}\"); the volume "
                          f"has no persons list", "header", office=party.office, links=links_of(pid), pid=pid)

    def _first_names(self, record: DocumentRecord, occupied: "_Spans"):
        """'Dear Walter:' to the recipient Walter S. Robertson; a letter signed 'Foster' by John Foster Dulles."""
        by_first: dict[str, tuple[str, str]] = {}
        for party in record.parties:
            if not party.entity or not party.entity.startswith(iris.person_iri("")):
                continue
            pid = party.entity[len(iris.person_iri("")):]
            if pid not in self.a.people:
                continue
            forenames = split_name(self.a.person(pid).sort).forenames.replace(".", " ").split()
            for f in forenames:
                if len(f) > 2:
                    by_first.setdefault(f.lower(), (pid, party.role))
        if not by_first:
            return
        text = record.text
        for m in _SALUTATION.finditer(text):
            g = "name" if m.group("name") else "name2"
            word = m.group(g)
            hit = by_first.get(word.lower())
            if not hit or occupied.overlaps(m.start(g), m.end(g)):
                continue
            pid, role = hit
            p = self.a.person(pid)
            where = "salutation" if m.group("dear") else "signature"
            yield Mention(m.start(g), m.end(g), "person", "name-variant", 0.8, iris.person_iri(pid), p.name,
                          explanation=f"'{word}' in the {where} is a given name of {p.name} (hsg-people {pid}), "
                                      f"the {role} named in the heading", entity_links=links_of(pid))

    def _bracketed_forenames(self, text: str, ctx: PersonContext, occupied: "_Spans"):
        """'Mr. [Allen] Dulles': a forename the editors supplied in brackets makes a full name, bracket and all (as
        they tag it); read apart, "Allen" went to George V. Allen and "Dulles" to the Secretary named earlier."""
        for m in _BRACKETED.finditer(text):
            ids = self.full.get(_key(f"{m.group(1)} {m.group(2)}"))
            if not ids or occupied.overlaps(m.start(), m.end()):
                continue
            res = ctx.resolve_name(text[m.start():m.end()], ids, None, True)
            res.explanation += "; the forename is the FRUS editors' addition in brackets"
            yield self._person(m.start(), m.end(), res, ctx, None)

    def _person_ids(self, name: str) -> tuple[frozenset[str], bool] | None:
        key = norm(name)
        if key in self.full:
            return self.full[key], True
        last = key.split()[-1] if key else ""
        if last in self.surnames:
            return self.surnames[last], False
        return None

    # ------------------------------------------------------------ acronyms

    def _acronyms(self, record: DocumentRecord) -> dict[str, tuple[str, str]]:
        """Acronym -> (expansion, why) from footnotes that gloss the word they are attached to."""
        out: dict[str, tuple[str, str]] = {}
        text = record.text
        for note in record.footnotes:
            if note.is_source or note.anchor is None:
                continue
            body = text[note.start:note.end]
            m = re.match(r"^\s*(?:\d+\.\s*)?(?:The\s+)?(?:[Rr]eference\s+is\s+(?:presumably\s+|apparently\s+)?to|(?:Presumably|Apparently|An\s+apparent|A)\s+reference\s+to|Reference\s+to)\s+(?:the\s+)?(?P<exp>[^.;:(]+)", body)
            if not m:
                continue
            before = text[max(0, note.anchor - 20):note.anchor]
            w = re.search(r"([A-Z][A-Za-z]*[A-Z][a-z]?s?)\W*$", before)
            if not w:
                continue
            acronym = w.group(1)
            expansion = m.group("exp").strip()
            initials = "".join(x[0] for x in re.findall(r"[A-Za-z]+", expansion) if x.lower() not in _CONNECTORS).upper()
            if not initials.startswith(acronym.rstrip("s").upper()[:2]):
                continue
            out[acronym] = (expansion, f"'{acronym}' is expanded by footnote {note.number}: \"{body.strip()[:120]}\"")
        return out

    def _acronym_mentions(self, record: DocumentRecord, acr: dict[str, tuple[str, str]], occupied: "_Spans", year):
        text = record.text
        terms = _terms_index(tuple((t.xml_id, t.name, t.description) for t in record.volume.terms)) if record.volume.terms else None
        if acr:
            for acronym, (expansion, why) in acr.items():
                for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
                    if occupied.overlaps(m.start(), m.end()):
                        continue
                    mention = self._term_mention(m.start(), m.end(), acronym, expansion, why, year, record)
                    if mention:
                        yield mention
                        occupied.add(m.start(), m.end())
        if terms:
            regex, entries = terms
            for m in regex.finditer(text):
                if occupied.overlaps(m.start(), m.end()):
                    continue
                xml_id, name, desc = entries[m.group(0)]
                if name in _CAPS_WORDS and shouting(text, m.start(), m.end()):
                    continue              # "WHO SEE OUR SUCCESS": an English word in telegram capitals
                why = f"'{name}' is '{desc}' in the volume's list of abbreviations ({xml_id})"
                mention = self._term_mention(m.start(), m.end(), name, desc, why, year, record, xml_id)
                if mention:
                    yield mention
                    occupied.add(m.start(), m.end())

    def _term_mention(self, start, end, surface, expansion, why, year, record, xml_id=None) -> Mention | None:
        known = self._known_term(start, end, surface, expansion, why, year, record)
        if known:
            return known
        if xml_id is None:
            return Mention(start, end, "organization", "acronym", 0.6, iris.organization_iri(expansion), expansion,
                           explanation=f"{why}; not in the curated list of institutions")
        return Mention(start, end, "term", "acronym", 0.9, iris.term_iri(record.volume.id, xml_id), f"{surface}: {expansion}",
                       explanation=why)

    def _names_no_one(self, name: str) -> bool:
        """Words the corpus prints in lower case, none of them a given name or a surname of anyone the authority
        data knows ("Related Problems"): no person, whatever the heading's grammar made of them."""
        from ingest.claims.unlinked_names import common_words
        if name.startswith("[") or office_titles(name):
            return False          # "[name not declassified]" is someone; "the President", "the Secretary of State" too
        words = [w.lower() for w in re.findall(r"[^\W\d_][\w’'-]*", name)]
        common = common_words()
        return bool(words) and bool(common) and all(
            w in common and w not in self.surnames and w not in self.name_first for w in words)

    def _names_a_place(self, name: str) -> bool:
        """A country or region by the gazetteer: never a person, whatever the heading's grammar made of it."""
        return any(e.kind in ("country", "region") for e in self.gaz.get(name, ()))

    def _known_term(self, start, end, surface, expansion, why, year, record) -> Mention | None:
        """The country, institution or region an abbreviation's expansion (or the abbreviation itself) names here;
        not the abbreviation's entity when the expansion names a part of it ("USA, United States Army"). "SYG" is the
        UN Secretary-General of the day (un_secretary_general.py)."""
        sg = un_secretary_general(record.text, start, end, surface, expansion, record.date)
        if sg is not None:
            pid, sg_why = sg
            return Mention(start, end, "person", "office-and-date", 0.85, iris.person_iri(pid), self.a.person(pid).name,
                           explanation=f"{why}; {sg_why}", office=UN_SECRETARY_GENERAL, entity_links=links_of(pid))
        expansion = expansion_of(expansion)
        for probe in (expansion, surface):
            entries = self.gaz.get(probe) or self.gaz.get(probe[:1].upper() + probe[1:])
            if not entries:
                continue
            ch = choose(probe, entries, record.text, start, end, year, record.date)
            if ch and ch.entry:
                e = ch.entry
                entity, label, links = self._entity_of(e)
                if probe is surface and part_of(expansion, label):
                    return None
                return Mention(start, end, e.kind, "acronym", 0.9, entity, label,
                               explanation=f"{why}; {ch.explanation}", entity_links=links)
        return None

    def _tagged_terms(self, record: DocumentRecord, year) -> None:
        """The editors' <gloss> tags of a listed abbreviation take the entity its expansion names ("UAR" of
        t_UAR1 "United Arab Republic" is the country), as the same abbreviation untagged does; the tag stays
        the evidence (fk:teiRef). A term no authority knows stays the volume's term."""
        prefix = iris.term_iri(record.volume.id, "")
        listed = {t.xml_id: t for t in record.volume.terms}
        for i, m in enumerate(record.mentions):
            if m.method != "tei-markup" or m.kind != "term" or not (m.entity or "").startswith(prefix):
                continue
            entry = listed.get(m.entity[len(prefix):])
            if entry is None:
                continue
            why = f"tagged by the FRUS editors ({m.tei_ref or entry.xml_id}): '{entry.name}' is '{entry.description}' " \
                  f"in the volume's list of abbreviations"
            known = self._known_term(m.start, m.end, entry.name, entry.description, why, year, record)
            if known:
                known.method, known.confidence, known.tei_ref, known.exact = m.method, m.confidence, m.tei_ref, m.exact
                record.mentions[i] = known

    def _entity_of(self, e) -> tuple[str, str, tuple[str, ...]]:
        if e.kind == "country":
            t = self.a.territories[e.key]
            return iris.country_iri(e.key), t.name, (WD + t.qid,) if t.qid else ()
        if e.kind == "organization":
            return iris.organization_iri(e.key), self.a.institutions[e.key].label, ()
        return iris.region_iri(e.key), self.a.regions[e.key].label, ()

    # ------------------------------------------------------------ the scan

    def _scan(self, text: str, ctx: PersonContext, year, date, occupied: "_Spans"):
        self._next_titled: tuple[int, str] | None = None     # the second name after a plural title: (start, title)
        first_ok = self._may_start
        token_at = _TOKEN.finditer
        for run in _RUN.finditer(text):
            word = run.group(1)
            if run.end() == run.end(1) and not first_ok(word):
                continue                      # a lone capitalised word that can start nothing (most of them)
            chunk = list(token_at(text, run.start(), run.end()))
            n = len(chunk)
            i = 0
            while i < n:
                got = self._match_at(text, chunk, i, ctx, year, date, occupied)
                if got is None:
                    i += 1
                    continue
                mention, j = got
                if mention is not None:
                    yield mention
                    occupied.add(mention.start, mention.end)
                i = j

    def _may_start(self, tok: str) -> bool:
        """Cheap pre-check: can a match start at this word at all?"""
        if len(tok) == 1:
            return False                   # a lone capital without a period ("S/P", "I")
        if tok.endswith(".") and tok.count(".") == 1:
            tok = tok[:-1]
        tok = _POSSESSIVE.sub("", tok) or tok
        if tok in self.gaz_first or tok in _TITLE_FIRST or tok in self.gaz:
            return True
        low = _key(tok)
        return low in self.name_first or low in self.surnames or (
            tok.isupper() and len(tok) > 3 and tok.capitalize() in self.gaz_first)

    def _match_at(self, text, chunk, i, ctx, year, date, occupied):
        """(mention or None, the token to go on from) for a match starting at token i, or None for no match.
        Tried in order: a title and a name, the longest gazetteer entry or full name, a lone known surname."""
        n = len(chunk)
        start = chunk[i].start()
        if self._next_titled and self._next_titled[0] == start:
            title, self._next_titled = self._next_titled[1], None     # "Porter and Johnson" after "Ambassadors"
            got = self._name_at(text, chunk, i, ctx, title, occupied)
            if got:
                return got
        tok = chunk[i].group(0)
        if tok.endswith(".") and tok.count(".") == 1:
            tok = tok[:-1]                 # "Chad." at the end of a sentence
        tok = _POSSESSIVE.sub("", tok) or tok
        low = _key(tok)
        if _INITIALS.fullmatch(chunk[i].group(0)) and _outline_letter(text, chunk, i):
            return None                    # "B. Diem announces …": an outline letter, not Bui Diem's initial
        if _POSTSCRIPT.match(text, start) and _sentence_start(text, start):
            return None, i + 2             # "P. S. George Ball made …": a postscript, not Scott George's initials
        got = self._misprint_at(text, chunk, i, ctx, occupied)
        if got is not None:
            return got                     # "Cho En-Lai", "Walker S. Robertson": one letter off a listed person's name
        if _INITIALS.fullmatch(chunk[i].group(0)) and (got := self._forename_and_surname(text, chunk, i, ctx, occupied)):
            return got                     # "Robert G. Murphy" (a misprint for Robert D.) is not George Murphy
        if _INITIALS.fullmatch(chunk[i].group(0)):
            # "W.W. Rostow", "A. W. Dulles", "M. Bundy": initials start a full name; "M." alone only where two
            # namesakes need it ("M. Ngo Dinh Nhu" is Monsieur Nhu, not "Ngo Dinh Nhu, Madame" by her "initial")
            got = self._longest_at(text, chunk, i, tok, low[:1], ctx, year, date, occupied) if tok != "M" else None
            got = got or (self._initial_and_surname(text, chunk, i, ctx, occupied)
                          if tok != "M" or self._namesakes_here(chunk, i, ctx) else None)
            if got is not None and got[0] is not None and got[0].kind == "person":
                return got
        caps_title = tok.isupper() and len(tok) > 3 and tok.capitalize() in _TITLE_FIRST
        if tok not in self.gaz_first and low not in self.name_first and low not in self.surnames \
                and tok not in _TITLE_FIRST and tok not in self.gaz and not caps_title \
                and not (tok.isupper() and len(tok) > 3 and tok.capitalize() in self.gaz_first):
            return None
        tm = _TITLE.match(text, start)     # 1. title + name ("Secretary Haig", "Representative Millicent Fenwick")
        if tm is None and caps_title:
            tm = _caps_title(text, start)  # "PRESIDENT JOHNSON" in a telegram's capitals, read as in title case
        if tm and _sentence_end(tm.group(0)):
            tm = None                      # "… left to the President. Hoover added": a sentence ends after the title
        if tm:
            got = self._titled_name_at(text, chunk, i, tm, ctx, occupied)
            if got:
                return got
        got = self._longest_at(text, chunk, i, tok, low, ctx, year, date, occupied)
        if got is not None:
            return got
        # 3. a lone surname of someone this document or its volume names
        if low not in self.surnames and not (i + 1 < n and _key(text[start:chunk[i + 1].end()]) in self.surnames):
            return None
        if tm is not None and low in self.surnames and " " not in tm.group(0).strip():
            return None                    # "Lord Caradon", "King Baudouin": a title before a name, not Winston Lord or Mackenzie King
        return self._name_at(text, chunk, i, ctx, None, occupied, upto=min(n, i + 3))

    def _initial_and_surname(self, text, chunk, i, ctx, occupied):
        """'Mr. W. Bundy' after 'Mr. McG. Bundy': one initial and a surname, where the namesakes listed or named here
        differ by the initial of their first forename, name the one whose forename it starts (no index form 'w bundy'
        exists for William Putnam Bundy). (mention, next token) or None."""
        if i + 1 >= len(chunk) or len(chunk[i].group(0)) != 2 or _continued(text, chunk, i + 1):
            return None
        s, (surface, e) = chunk[i].start(), self._name_surface(text, chunk[i].start(), chunk[i + 1].end())
        key = _key(chunk[i + 1].group(0).rstrip("."))
        here = self.surnames.get(key, frozenset()) & (ctx.volume_ids | set(ctx.resolved.values()))
        fits = {pid for pid in here if _first_forename(self.a.person(pid).sort)[:1] == chunk[i].group(0)[0]}
        if len(here) < 2 or len(fits) != 1 or occupied.overlaps(s, e):
            return None
        (pid,) = fits
        person = self.a.person(pid)
        res = Resolution(iris.person_iri(pid), person.name, 0.85,
                         f"'{surface}': of the {len(here)} people named {chunk[i + 1].group(0).rstrip('.')} listed or named "
                         f"here, only {person.name} (hsg-people {pid}) has a forename with that initial", "name-variant",
                         links=links_of(pid), pid=pid)
        return self._person(s, e, res, ctx, None), i + 2

    def _forename_and_surname(self, text, chunk, i, ctx, occupied):
        """'Robert G. Murphy, Under Secretary' (a misprint for Robert D.): a forename, one wrong middle initial and a
        surname, where no one bears that name as printed but the forename and the surname name the one person listed
        or named here, is he; read from the initial on, "G. Murphy" was George Murphy. (mention, next token) or None."""
        if i == 0 or i + 1 >= len(chunk) or len(chunk[i].group(0)) != 2:
            return None
        prev, nxt = chunk[i - 1], chunk[i + 1]
        if text[prev.end():chunk[i].start()] != " " or text[chunk[i].end():nxt.start()] != " " \
                or not re.fullmatch(r"[A-Z][a-z]+", prev.group(0)) or _continued(text, chunk, i + 1):
            return None
        surface, e = self._name_surface(text, prev.start(), nxt.end())
        surname = _POSSESSIVE.sub("", nxt.group(0)).rstrip(".")
        ids = self.full.get(_key(f"{prev.group(0)} {surname}"), frozenset())
        here = ids & (ctx.volume_ids | set(ctx.resolved.values()))
        why = "the forename and the surname name this one person listed or named here (the middle initial as printed differs)"
        if not here and not self.full.get(_key(surface)):
            here = self._swapped(prev.group(0), chunk[i].group(0)[0], surname, ctx)
            why = (f"the forename, '{surname}' as the middle name and a surname starting '{chunk[i].group(0)[0]}' name this "
                   f"one person listed or named here (the surname and the middle name swapped)")
        if _key(surface) in self.full or len(here) != 1 or occupied.overlaps(prev.start(), e):
            return None
        suffix = _SUFFIX.match(text, e)
        e = suffix.end() if suffix else e            # "Henry L. Cabot, Jr."
        res = ctx.resolve_name(surface, here, None, True)
        res.explanation += f"; no one is named '{surface}', and {why}"
        return self._person(prev.start(), e, res, ctx, None), i + 2

    def _swapped(self, forename: str, initial: str, middle: str, ctx: PersonContext) -> frozenset[str]:
        """"Henry L. Cabot, Jr." (a Whitman File folder, frus1958-60v12 d228) for Henry Cabot Lodge, Jr.: the one
        person listed or named here who bears a name "forename middle surname" whose middle is the printed surname and
        whose surname starts with the printed initial."""
        want = (_key(forename), _key(middle))
        out = set()
        for pid in ctx.volume_ids | set(ctx.resolved.values()):
            p = self.a.person(pid)
            for form in (p.name, *p.variants):
                words = _key(form).replace(".", " ").replace(",", " ").split()
                if len(words) >= 3 and tuple(words[:2]) == want and words[2][:1] == initial.lower():
                    out.add(pid)
        return frozenset(out)

    def _misprint_at(self, text, chunk, i, ctx, occupied):
        """A name of two to four tokens from token i that no one bears but that is one letter off a name form of one
        person the volume lists: (mention, next token) or None."""
        n = len(chunk)
        words = [_POSSESSIVE.sub("", t.group(0)).rstrip(".") for t in chunk[i:i + 4]]
        if words[0] in _TITLE_FIRST or len(words[0]) < 2:
            return None                    # "Mr. Murphy", "The Kennedy": a title or a word before a name
        for j in range(min(n, i + 4), i + 1, -1):
            if any(text[chunk[x].end():chunk[x + 1].start()] not in (" ", "-") for x in range(i, j - 1)) \
                    or any(w in _NEVER or w in _NOT_SURNAMES for w in words[:j - i]) \
                    or any(len(t.group(0)) > 2 and t.group(0).endswith(".") for t in chunk[i:j - 1]) \
                    or (j < n and chunk[j].group(0).rstrip(".") in NAMED_AFTER):
                continue                   # "Erhard. Schroeder", "Comdr. Howe": a sentence's end, an abbreviation
            s = chunk[i].start()
            surface, e = self._name_surface(text, s, chunk[j - 1].end())
            if _key(surface) in self.full:
                return None                # "Pham Dang Lam" is a name as printed: not "Pham Dang" one off "Pham Dong"
            ids = self._misprinted(_key(surface), ctx)
            if ids and not occupied.overlaps(s, e):
                return self._person(s, e, self._misprint_resolution(surface, ids, ctx), ctx, None), j
        return None

    def _misprint_resolution(self, surface: str, ids: frozenset[str], ctx: PersonContext) -> Resolution:
        res = ctx.resolve_name(surface, ids, None, True)
        res.explanation += "; no one bears the name as printed, which is one letter off a name of this person, listed here"
        return res

    def _misprinted(self, key: str, ctx: PersonContext) -> frozenset[str]:
        """The one listed person a printed full name that no authority record bears is one letter (dropped, added or
        replaced) away from: "Cho En-Lai" (Chou En-lai), "William N. Rountree" (William M.), "Walker S. Robertson"
        (Walter S.). Asked only where its last word is a word of a listed person's names, and for names of 9 letters
        or more."""
        if len(key) < 9 or " " not in key or key in self.full or not ctx.volume_ids:
            return frozenset()
        printed = key.replace("-", " ").split()
        if len(printed[-1]) < 3 or printed[0] in _TITLE_WORDS_LOWER or printed[0].rstrip("s") in _TITLE_WORDS_LOWER:
            return frozenset()             # "Alexander Haig R[/Adm.]" is no "Alexander Haig, Jr."; "Representatives …"
        forms, deletions, words = self._listed_forms(ctx)
        if printed[-1] not in words:
            return frozenset()
        hits = set(deletions.get(key, ()))
        for k in range(len(key)):
            d = key[:k] + key[k + 1:]
            hits |= forms.get(d, set()) | deletions.get(d, set())
        return frozenset(hits) if len(hits) == 1 else frozenset()

    def _listed_forms(self, ctx: PersonContext):
        """For the volume's listed people: their full-name forms, the forms less one letter, and their names' words."""
        if self._forms_for[0] != (ctx.volume_id, len(ctx.volume_ids)):
            if self._forms_of is None:
                self._forms_of = {}
                for form, ids in self.full.items():
                    if " " in form:
                        for pid in ids:
                            self._forms_of.setdefault(pid, []).append(form)
            forms: dict[str, set[str]] = {}
            deletions: dict[str, set[str]] = {}
            words: set[str] = set()
            for pid in ctx.volume_ids:
                for form in self._forms_of.get(pid, ()):
                    first = form.split(" ", 1)[0]
                    if len(first) < 2 or first in _TITLE_WORDS_LOWER:
                        continue           # "r murphy", "president-elect kubitschek": no name a misprint is measured from
                    forms.setdefault(form, set()).add(pid)
                    words.update(form.replace("-", " ").split())
                    for k in range(len(form)):
                        deletions.setdefault(form[:k] + form[k + 1:], set()).add(pid)
            self._forms_for = ((ctx.volume_id, len(ctx.volume_ids)), (forms, deletions, words))
        return self._forms_for[1]

    def _namesakes_here(self, chunk, i, ctx) -> bool:
        """Whether the surname after "M." has two namesakes listed or named here ("M. Bundy": McGeorge, not William);
        otherwise "M." is Monsieur ("M. Couve de Murville"), a title outside the span as the editors tag it."""
        if i + 1 >= len(chunk):
            return False
        ids = self.surnames.get(_key(_POSSESSIVE.sub("", chunk[i + 1].group(0))), frozenset())
        return len(ids & (ctx.volume_ids | set(ctx.resolved.values()))) > 1

    def _titled_name_at(self, text, chunk, i, tm, ctx, occupied):
        """A name after the title `tm` that starts at token i, or None."""
        n = len(chunk)
        title = text[chunk[i].start():tm.end()].strip().rstrip(".")
        title = _title_case(title) if title.isupper() else title      # "PRESIDENT" in a telegram's capitals
        title = _DCI_MISPRINT.sub("Director of Central", title)     # "Director for Central Intelligence Dulles"
        title = _PRES.sub("President", title)                           # "Vice Pres Johnson", "Pres. Eisenhower"
        plural = _PLURAL_TITLE.search(title)
        if plural:       # "Secretaries Dulles and Wilson", "Ambassadors Porter and Johnson": each name bears the title
            title = title[:plural.start()] + _PLURAL_TITLES[plural.group(0)]
        k = i
        while k < n and chunk[k].start() < tm.end():
            k += 1
        if k < n and chunk[k].start() >= tm.end():
            if plural and plural.group(0) != "Secretaries" and not self._listed_or_named(chunk, k, ctx):
                return None                # "Senators Sparkman and Smith", unlisted: left out as without the title
            got = self._name_at(text, chunk, k, ctx, title, occupied)
            if got and plural and got[0] is not None and got[1] < n and _AND.fullmatch(text, got[0].end, chunk[got[1]].start()) \
                    and self._listed_or_named(chunk, got[1], ctx):
                # the second name bears the title where a namesake is listed or named here (the editors leave out the
                # unlisted: "Senators Sparkman and Smith")
                self._next_titled = (chunk[got[1]].start(), title)
            return got
        return None

    def _listed_or_named(self, chunk, k, ctx) -> bool:
        """Whether the surname at token k has a namesake the volume lists or this document named."""
        key = _key(_POSSESSIVE.sub("", chunk[k].group(0)).rstrip("."))
        return bool(self.surnames.get(key, frozenset()) & (ctx.volume_ids | set(ctx.resolved.values())))

    def _longest_at(self, text, chunk, i, tok, low, ctx, year, date, occupied):
        """2. The longest gazetteer surface or full name starting at token i: (mention or None, next token), or
        None to go on to the surname rule (no such surface, or a given-name country such as 'Jordan')."""
        n = len(chunk)
        start = chunk[i].start()
        span = max(self.gaz_first.get(tok, 1), self.gaz_first.get(tok.capitalize(), 1), self.name_first.get(low, 1)) + 2
        for j in range(min(n, i + MAX_TOKENS, i + span), i, -1):
            s, e = start, chunk[j - 1].end()
            if j > i + 1 and chunk[j - 1].group(0).lower() in _CONNECTORS and _key(text[s:e]) not in self.full:
                continue               # not "… of", "… the"; but "Trinh Minh The" (session 59) is a name, and ends so
            if occupied.overlaps(s, e):
                continue
            surface, e, entries = self._gazetteer_surface(text, s, e)
            if entries:
                ch = choose(surface, entries, text, s, e, year, date)
                if ch is None:
                    if surface in ("Chad", "Jordan", "Georgia", "Turkey"):
                        return None            # a given-name country used as a name: let the person rules have it
                    return None, j
                return self._gazetteer_mention(ch, s, e), j
            if j - i >= 2:
                got = self._full_name_at(text, s, surface, ctx)
                if got:
                    return got, j
        return None

    def _gazetteer_surface(self, text, s, e):
        """(surface, end, gazetteer entries or None) for text[s:e], extended or trimmed to a gazetteer entry: a
        lower-case continuation ('Soviet bloc'), telegram capitals, a possessive or a sentence's period."""
        surface = text[s:e]
        entries = self.gaz.get(surface)
        lower = _LOWER_NEXT.match(text, e)
        if lower:
            # "Soviet bloc", "Communist bloc": a capitalised run continued by lower-case words
            for ext, end in ((lower.group(1) + (lower.group(2) or ""), lower.end()), (lower.group(1), lower.end(1))):
                if surface + " " + ext in self.gaz:
                    surface, e = surface + " " + ext, end
                    entries = self.gaz[surface]
                    break
        if entries is None and surface.isupper() and len(surface) > 3:
            # telegram capitals: "WHITE HOUSE", "SOVIET UNION"
            entries = self.gaz.get(_title_case(surface))
            if entries:
                surface = _title_case(surface)
        if entries is None:
            pm = _POSSESSIVE.search(surface)
            if pm and surface[:pm.start()] in self.gaz:
                surface = surface[:pm.start()]
                e = s + len(surface)
                entries = self.gaz[surface]
            elif surface.endswith(".") and surface[:-1] in self.gaz:
                surface = surface[:-1]
                e -= 1
                entries = self.gaz[surface]
        return surface, e, entries

    def _gazetteer_mention(self, ch, s, e) -> Mention:
        """The mention for a chosen gazetteer entry; with no entry chosen, an unlinked country with its candidates."""
        if ch.entry is None:
            cands = tuple(Candidate(iris.country_iri(c.key), sc, self.a.territories[c.key].name) for c, sc in ch.candidates)
            return Mention(s, e, "country", "gazetteer", 0.0, None, None, cands, ch.explanation)
        entity, label, links = self._entity_of(ch.entry)
        method = "gazetteer" if ch.entry.kind in ("country", "region") else "organization-list"
        return Mention(s, e, ch.entry.kind, method, ch.confidence, entity, label, explanation=ch.explanation,
                       entity_links=links)

    def _full_name_at(self, text, s, surface, ctx) -> Mention | None:
        """A person by a full name of several tokens starting at s ('Kenneth T. Young, Jr.'), or None."""
        name = surface
        pm = _POSSESSIVE.search(name)
        if pm:
            name = name[:pm.start()]
        if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
            name = name[:-1]             # "Bao Dai." at the end of a sentence
        ids = self._full_name_ids(text, s + len(name), _key(name), ctx)
        if not ids:
            return None
        res = self._full_name(text, s, name, ids, None, ctx)
        end = s + len(name)
        suffix = _SUFFIX.match(text, end)
        if suffix:
            end = suffix.end()       # "Kenneth T. Young, Jr."
        return self._person(s, end, res, ctx, None)

    def _full_name_ids(self, text: str, end: int, key: str, ctx: PersonContext) -> frozenset[str]:
        """The people a full name ending at `end` may be: its full-name forms, a middle name with the surname, and a
        Spanish double surname's first form ("Rafael Trujillo") of someone the volume lists or the document named,
        where no other record holds the form or only a "Jr." does (his son Ramfis, "Trujillo, Rafael Leonidas
        Martinez, Jr.", prints it whole: without the suffix it is as much the father's). Not before a hyphen:
        "Juan Perez-Urruti" is no "Juan Perez"."""
        ids = self.full.get(key) or self._by_middle_name(key, ctx) or frozenset()
        weak = self.first_surname.get(key, frozenset()) & (ctx.volume_ids | set(ctx.resolved.values()))
        if weak and not text.startswith("-", end) and all(_generation(split_name(self.a.person(pid).sort).suffix)
                                                           for pid in ids - weak):
            ids = ids | weak
        return self._suffix_allows(text, end, ids, key)

    def _suffix_allows(self, text: str, end: int, ids: frozenset[str] | None, key: str = "") -> frozenset[str]:
        """The people of a full name whose record's generational suffix, if any, is the one printed after it: "Benigno
        Aquino, Jr." (1971) is not hsg-people 100516 "Aquino, Benigno, 3rd", the President of 2010. Where a record
        holds the name with that very suffix, it alone (session 58): "General Rafael Trujillo, Jr." is his son, not the
        dictator whose name he bears, and "Herbert Hoover, Jr." the Under Secretary; "Frederick Smith, Jr.", whom no
        record holds so (the general's is "Frederic H. Smith, Jr."), stays among his namesakes."""
        printed = _SUFFIX.match(text, end)
        if not ids or not printed:
            return ids or frozenset()
        mark = _generation(printed.group(0))
        marks = {pid: _generation(split_name(self.a.person(pid).sort).suffix) for pid in ids}
        with_suffix = set().union(*(self.full.get(f"{key} {word}", ()) for word in _SPELLINGS.get(mark, (mark,))))
        same = frozenset(pid for pid in ids if marks[pid] == mark and pid in with_suffix)
        return same or frozenset(pid for pid in ids if marks[pid] in ("", mark))

    def _full_name(self, text, s, name, ids, title, ctx: PersonContext) -> Resolution:
        """A full name's person; "Ngo Dinh Nhu", which his wife's record also bears, untitled is he."""
        return self._not_the_wife(text, s, name, title, ids & ctx.volume_ids) or ctx.resolve_name(name, ids, title, True)

    def _name_at(self, text, chunk, k, ctx: PersonContext, title, occupied, upto=None):
        """A person name starting at token k (longest full form first, then a surname): (mention, next token)."""
        hi = min(len(chunk), k + 4) if upto is None else upto
        for j in range(hi, k, -1):
            if chunk[j - 1].group(0).lower() in _CONNECTORS:
                continue
            s = chunk[k].start()
            surface, e = self._name_surface(text, s, chunk[j - 1].end())
            if occupied.overlaps(s, e) or not surface:
                continue
            key = _key(surface)
            if j - k >= 2:
                ids = self._full_name_ids(text, e, key, ctx)
                if ids:
                    return self._person(s, e, self._full_name(text, s, surface, ids, title, ctx), ctx, title), j
                misprint = self._misprinted(key, ctx) if not re.search(r"\n|\w{2,}\.\s", surface) else None
                if misprint:      # "Assistant Secretary of State Walker S. Robertson"
                    return self._person(s, e, self._misprint_resolution(surface, misprint, ctx), ctx, title), j
                if key not in self.surnames:
                    continue
                # a surname of several words ("La Chambre", "Mendes-France", "Ayub Khan"): as a lone surname
            if self._not_a_surname_here(text, chunk, k, j, e, surface, key, title, ctx):
                continue
            particle = _PARTICLE_BEFORE.search(text, max(0, s - 5), s)
            if particle and _key(particle.group(0) + surface) in self.surnames:
                # "de Gaulle": the particle is part of the surname
                s = particle.start()
                surface = text[s:e]
                key = _key(surface)
            soft = surface in _NOT_SURNAMES
            if soft and (title is None or norm(title) not in _PERSON_TITLE_ONLY):
                known_here = ctx.resolved.get(key) or (self.surnames.get(key, frozenset()) & ctx.volume_ids)
                speaks = _SPEECH.match(text, e)
                if not known_here or text.startswith(" of ", e) or (_sentence_start(text, s) and not speaks):
                    continue
            if j - k == 1 and self._family_name_first_other(text, chunk, j, e):
                continue                  # "Kim Chae-chun", "Choi Young Hi": someone else of that family name
            if title is None and j - k == 1:
                s2 = self._given_name_before(text, chunk, k, s)
                if s2 != s and not occupied.overlaps(s2, s):
                    s = s2
            mention = self._surname_mention(text, s, e, surface, key, title, ctx, soft)
            if mention is not None:
                return mention, j
        return None

    @staticmethod
    def _name_surface(text, s, e) -> tuple[str, int]:
        """text[s:e] without a possessive and without a sentence's period (an initial keeps its own)."""
        surface = text[s:e]
        pm = _POSSESSIVE.search(surface)
        if pm:
            surface = surface[:pm.start()]
        surface = surface.rstrip(".") if not re.search(r"\b[A-Z]\.$", surface) else surface
        return surface, s + len(surface)

    def _not_a_surname_here(self, text, chunk, k, j, e, surface, key, title, ctx) -> bool:
        """Words that look like a lone surname here but are not one: too short, a place, an archive, a thing
        named after someone, a combining form, a common given name alone."""
        if len(surface) < 2 or surface in _NEVER or (surface.isupper() and len(surface) <= 3):
            return True
        if surface in self.gaz or surface.title() in self.gaz:
            if title is None or surface.isupper() or any(x.kind == "country" and x.form in ("demonym", "name") for x in self.gaz.get(surface.title(), ())):
                return True
        if _LIBRARY.match(text, e):
            return True                   # "Johnson Library", "Eisenhower Diaries": the archive, not the man
        if title is None:
            n = len(chunk)
            nxt = chunk[j].group(0).rstrip(".") if j < n else ""
            prv = chunk[k - 1].group(0) if k > 0 else ""
            if thing_named_after(prv, surface, nxt, self.phrases, self.given_names):
                return True               # "Johnson Act", "New York Times", "Western Powers", "the Home Front"
            if text.startswith("-", e) and (surface in _COMBINING or nxt in self.gaz):
                return True               # "Franco-Tunisian", "Anglo-American": a combining form, not Franco
            if key in self.common_given and not ctx.resolved.get(key):
                return True               # "Honest John": a lone common given name is not a surname mention
        return False

    def _surname_mention(self, text, s, e, surface, key, title, ctx: PersonContext, soft: bool) -> Mention | None:
        """The person a lone surname (after its title, if any) names: someone named earlier in the document, in
        the volume's persons list, or (no list) the only authority person of that surname at the date."""
        ids = self.surnames.get(key, frozenset())
        known = ctx.resolved.get(key)
        if known in not_alone().get(key, ()):
            known = None                 # "Minh" after "Ho Chi Minh" is not he (not_alone.tsv)
        in_volume = ids & ctx.volume_ids
        when = ctx.date[:10] if ctx.date else (str(ctx.year) if ctx.year else None)
        got = self._by_surroundings(text, s, e, surface, title, ids, known, in_volume, ctx)
        if got is not None:
            return got
        spouse = self._not_the_wife(text, s, surface, title, in_volume)
        if spouse is not None:
            return self._person(s, e, spouse, ctx, title)
        if known and len(ctx.named.get(key, ())) > 1:
            # two people of this surname are named in this document (Allen and John Foster Dulles)
            # the holder of a POCOM title at the date fits it too: "President Johnson" (1968) after U. Alexis and
            # another Johnson were named
            pool = set(ctx.named[key]) | (self._holders(title, ctx.date) & ids)
            res = titled_namesake(surface, title, None, pool, when, self.descriptions) or \
                ctx.resolve_name(surface, frozenset(ctx.named[key]), title, False)
            if title and norm(title) in _WOMEN and res.pid and self._was_president(res.pid):
                # "The President and Mrs. Carter" after Rosalynn and the President were named: not the President
                res = Resolution(None, None, 0.0, f"'{title} {surface}': a woman's title, and {res.label} (hsg-people "
                                 f"{res.pid}) was a President of the United States; left unlinked", "name-variant",
                                 tuple(Candidate(iris.person_iri(pid), 0.5, self.a.person(pid).name)
                                       for pid in sorted(ctx.named[key])))
            return self._person(s, e, res, ctx, title)
        if known:
            pool = ids & (ctx.volume_ids | set(ctx.resolved.values()) | self._holders(title, ctx.date)) | (
                set(ids) if title and TITLE_WORDS.get(norm(title)) else set())   # a POCOM title: any namesake may hold it
            other = titled_namesake(surface, title, known, pool, when, self.descriptions)
            if other is not None:
                return self._person(s, e, other, ctx, title)
            rivals = self._principal_rivals(key, known, ctx)
            if rivals:
                return self._person(s, e, self._ambiguous_surname(surface, known, rivals, ctx), ctx, title)
            a = self.a.person(known)
            res = Resolution(iris.person_iri(known), a.name, 0.9,
                             f"'{surface}': {a.name} (hsg-people {known}) is named earlier in this document", "name-variant",
                             links=links_of(known), pid=known)
            return self._person(s, e, res, ctx, title)
        if (title is None or norm(title) in COURTESY) and in_volume and (
                secretary := self._unlisted_secretary(text, surface, ids, in_volume, ctx)):
            return self._person(s, e, secretary, ctx, title)    # "Dulles initialed his approval" (1955, Allen listed)
        if surface.isupper() and not in_volume:
            return None
        picked = self._titled_pick(surface, title, ids, in_volume, when) if in_volume or not ctx.volume_ids else None
        if picked is not None:
            return self._person(s, e, picked, ctx, title)         # "President Kennedy" in 1977: John F., not Edward M.
        if in_volume and title is None and len(in_volume) > 1:
            then = self._holder_in_printed_year(text, s, e, surface, in_volume, ctx)
            if then is not None:
                return self._person(s, e, then, ctx, title)       # "Kennedy in 1962" in a 1979 memorandum
        named_here = in_volume & set(ctx.resolved.values())
        if title is None and len(in_volume) > 1 and len(named_here) == 1:
            (relative,) = named_here
            rivals = [pid for pid in self._principal_rivals(key, relative, ctx) if pid in in_volume]
            if rivals:     # "Chiang" after "Chiang Ching-kuo" (indexed under another family-name form): his father too
                return self._person(s, e, self._ambiguous_surname(surface, relative, rivals, ctx), ctx, title)
        if in_volume:
            res = ctx.resolve_name(surface, in_volume if len(in_volume) > 0 else ids, title, False)
            if res.entity is None and title and ids:
                res = ctx.resolve_name(surface, ids, title, False)
            if res.entity is None and title is None:
                res = self._namesake_of_the_post(text, s, e, surface, in_volume, ctx) or res
            return self._person(s, e, res, ctx, title)
        if title is None and not ctx.volume_ids and len(ids) == 1 and not soft and ctx.year is not None:
            mention = self._only_bearer_at_date(text, s, e, surface, ids, ctx)
            if mention is not None:
                return mention
        if title and norm(title) in _PERSON_TITLE_ONLY | set(TITLE_WORDS) or (title and " " in title):
            return self._titled_surname(s, e, surface, ids, title, ctx)
        return None

    def _not_his_given_name(self, s: int, e: int, res: Resolution) -> tuple[int, Resolution] | None:
        """A lone surname resolved to someone who does not bear the given name printed before it names a namesake
        no record holds: "a June 22 memorandum, which he sent to John Eisenhower" is not Dwight D., "Abdul Munim
        Ar-Rifai" not Samir al-Rifai (frus1958-60v11 d400), "3. Rasim al-Khalidi, Vice President, Saudi Arabian
        Monetary Agency" not Husayn Fakhri al-Khalidi (frus1955-57v13 d266). The mention takes the given name in and
        is left unlinked, its candidate kept; the document has not named the person, for the names after it."""
        if self._here is None or not res.pid:
            return None
        text, occupied = self._here
        if not re.fullmatch(r"[^\W\d_][\w’'-]*", text[s:e]):
            return None
        g = _GIVEN_BEFORE.search(text, max(0, s - 40), s)
        if g is None:
            return None
        word, ws = g.group(1), g.start(1)
        article = g.group(2) or _ARTICLE.match(text, s, e)
        if not (article or word.lower() in self.given_names) or word in _TITLE_FIRST or word in _NOT_SURNAMES \
                or word in _NEVER or word in self.gaz or word in NAMED_BEFORE or word in _CALENDAR \
                or (_sentence_start(text, ws) and not article) or occupied.overlaps(ws, g.end(1)):
            return None
        person = self.a.person(res.pid)
        if bears_given_name(person, word):
            return None
        why = (f"'{text[ws:e]}': {person.name} (hsg-people {res.pid}) bears no given name '{word}'; a namesake no "
               f"record holds, left unlinked")
        return ws, Resolution(None, None, 0.0, why, res.method, (Candidate(res.entity, 0.3, res.label),))

    def _namesake_of_the_post(self, text: str, s: int, e: int, surface: str, in_volume,
                              ctx: PersonContext) -> Resolution | None:
        """Of listed namesakes no other evidence parts, the one whose description names the country of the post the
        document was sent from or to: "Wang replied:" in a telegram from the Embassy in Poland is Wang Bingnan,
        "Ambassador of the People's Republic of China to Poland", not General Wang Shu-ming (frus1958-60v19 d102).
        Not a surname printed beside another name ("Gia Dinh", "Thich Minh", "Hussein Aziz"), nor where a namesake
        held a principal post or the Presidency at the date (President Johnson beside U. Alexis in Tokyo)."""
        if len(in_volume) != 2 or not ctx.places or _BESIDE_A_NAME.search(text[max(0, s - 30):s]) \
                or _NAME_AFTER.match(text, e):
            return None
        if ctx.date and any(q.holds_on(ctx.date) and q.kind in ("principal", "president")
                            for pid in in_volume for q in self.a.posts_by_person.get(pid, ())):
            return None
        fits = {pid: place for pid in in_volume for place in ctx.places
                if describes_country(self.descriptions.get(pid, ""), place)}
        if len(fits) != 1:
            return None
        ((pid, place),) = fits.items()
        if norm(surface) in {norm(w) for w in self.a.person(pid).name.split()[1:-1]}:
            return None      # a middle name ("Dinh" of Ngo Dinh Luyen, where General Ton That Dinh is meant)
        # the other not a head of state ("Americans write Hussein check": the King, not the UAR's Ambassador Ahmed
        # Hussein), nor of the place too ("Pak responded" at Panmunjom: General Pak Chung-kuk, "North Korean…"),
        # nor of the same country by his description
        here = {x.key for x in self.gaz.get(place, ()) if x.kind == "country"}
        for d in (self.descriptions.get(other, "") for other in in_volume if other != pid):
            if _HEAD_IN_DESCRIPTION.search(d) or place in d or nationality(d) in here:
                return None
        p = self.a.person(pid)
        return Resolution(iris.person_iri(pid), p.name, 0.8,
                          f"'{surface}' names {len(in_volume)} people of the volume's persons list; {p.name} "
                          f"(hsg-people {pid}) is the one it describes with {place}, the country of the heading's post",
                          "name-variant", links=links_of(pid), pid=pid)

    def _not_the_wife(self, text: str, s: int, surface: str, title: str | None, in_volume) -> Resolution | None:
        """Of listed namesakes, where the persons list describes one or more as a wife: after a woman's title ("Mrs.
        Marcos", "Mme Nhu"), the one wife; untitled, the one left when the wives are set aside. "Marcos" is the
        President, not Imelda, "First Lady of the Philippines" (frus1969-76v20 d201); "Nhu" is Ngo Dinh Nhu, not his
        wife (frus1958-60v01, frus1961-63v02)."""
        if len(in_volume) < 2 or (title and norm(title) not in _WOMEN):
            return None
        wives = {pid for pid in in_volume if _WIFE_IN_DESCRIPTION.search(self.descriptions.get(pid, ""))}
        if not wives:
            return None
        before = _WOMANS_TITLE_BEFORE.search(text, max(0, s - 40), s)
        titled = title if title else before.group(1) if before else None
        if before is not None and _COUPLE_BEFORE.search(text, max(0, before.start() - 12), before.start()):
            titled = None    # "Mr. and Mrs. Nhu", whom the editors tag as him
        left = wives if titled else set(in_volume) - wives
        if len(left) != 1:
            return None
        (pid,) = left
        p = self.a.person(pid)
        if titled:
            why = (f"'{surface}' after '{titled}' names {len(in_volume)} people of the volume's persons list; "
                   f"{p.name} (hsg-people {pid}) is the one it describes as a wife "
                   f"('{self.descriptions.get(pid, '')[:60]}')")
        else:
            wife = min(wives)
            why = (f"'{surface}' names {len(in_volume)} people of the volume's persons list; {self.a.person(wife).name} "
                   f"(hsg-people {wife}) is described as a wife ('{self.descriptions.get(wife, '')[:60]}'), whom an "
                   f"untitled surname does not name: {p.name} (hsg-people {pid})")
        return Resolution(iris.person_iri(pid), p.name, 0.8, why, "name-variant", links=links_of(pid), pid=pid)

    def _sub_secretary(self, surface: str, title: str, ids, picked, ctx: PersonContext) -> Resolution | None:
        """A deputy, under or assistant secretary's title before a surname, where no one the document named or the
        volume lists of that surname ever bore it (POCOM, the persons lists of any FRUS volume), goes to the one
        namesake whom the persons lists of the document's years describe with the whole title: "Deputy Assistant
        Secretary of Defense Bundy" (frus1961-63v21, 1962, which lists only McGeorge) is William P. Bundy."""
        if not ctx.year:
            return None
        phrase = re.compile(rf"\b{re.escape(title.lower())}\b")
        bore = lambda pid, year=None: any(phrase.search(t.lower()) for t, y0, y1 in self.a.person(pid).offices
                                          if year is None or y0 <= year <= y1) or any(
            phrase.search(q.title.lower()) for q in self.a.posts_by_person.get(pid, [])
            if year is None or q.holds_on(str(year)))
        if any(bore(pid) or phrase.search(self.descriptions.get(pid, "").lower()) for pid in picked):
            return None
        fit = {self.a.canonical(pid) for pid in ids if bore(pid, ctx.year)}
        if len(fit) != 1:
            return None
        (pid,) = fit
        p = self.a.person(pid)
        desc = next(t for t, y0, y1 in p.offices if y0 <= ctx.year <= y1 and phrase.search(t.lower())) if any(
            y0 <= ctx.year <= y1 and phrase.search(t.lower()) for t, y0, y1 in p.offices) else title
        return Resolution(iris.person_iri(pid), p.name, 0.85,
                          f"'{title} {surface}' in {ctx.year}: no {surface} named here or listed bore that title; "
                          f"{p.name} (hsg-people {pid}) is the one namesake the persons lists of FRUS volumes of those "
                          f"years describe with it (\"{desc[:90]}\")", "name-variant", links=links_of(pid), pid=pid)

    def _unlisted_secretary(self, text: str, surface: str, ids, in_volume, ctx: PersonContext) -> Resolution | None:
        """A lone surname of the Secretary of State of the day whom the volume does not list, where it lists only
        namesakes and the document names none of them otherwise (no fuller name, no word of the office the list gives
        him): the Secretary. frus1955-57v23p2 lists only Allen W. Dulles, the DCI; its notes' "Dulles initialed his
        approval", "Davis accompanied Dulles, who was in Paris for the North Atlantic Council meetings" (1955) are John
        Foster Dulles's. Asked only in documents that name the Secretary of State by his title or his Department."""
        when = ctx.date[:10] if ctx.date else None
        if not when or not (_NAMES_THE_SECRETARY.search(text) or f"Secretary {surface}" in text):
            return None
        sec = {self.a.canonical(p.hsg) for p in self.a.holders("secretary of state", when) if p.hsg} & set(ids)
        if len(sec) != 1 or sec & in_volume:
            return None
        for pid in in_volume:
            p = self.a.person(pid)
            forms = [f for f in (p.name, *p.variants) if " " in f.strip()]
            offices = _OFFICE_WORDS.findall(self.descriptions.get(pid, ""))
            if any(f in text for f in forms) or any(o in text for o in offices):
                return None
        (pid,) = sec
        p = self.a.person(pid)
        listed = ", ".join(self.a.person(x).name for x in sorted(in_volume))
        return Resolution(iris.person_iri(pid), p.name, 0.8,
                          f"'{surface}': {p.name} (hsg-people {pid}) was Secretary of State on {when} (POCOM), and the "
                          f"document names the Secretary or his Department; the volume lists only {listed}, whom it names no otherwise",
                          "office-and-date", links=links_of(pid), pid=pid)

    def _codel(self, s: int, e: int, surface: str, ids, ctx: PersonContext) -> Mention | None:
        """"CODEL Johnson": a congressional delegation is named after the member of Congress who leads it (or the Vice
        President, the President of the Senate): the one namesake whom a persons list describes as a Senator or a
        Representative, or who was Vice President at the date; no one else (frus1961-63v16 d335, September 1962: the
        Vice President's tour, not U. Alexis Johnson's, whom the volume lists too). None when no one or several fit."""
        when = ctx.date[:10] if ctx.date else None
        vice = {self.a.canonical(p.hsg) for p in self.a.holders("vice president of the united states", when)
                if p.hsg} if when else set()
        fit = {self.a.canonical(pid) for pid in ids if self.a.canonical(pid) in vice or any(
            _IN_CONGRESS.search(t) for t, y0, y1 in self.a.person(pid).offices if not ctx.year or y0 <= ctx.year <= y1)}
        here = fit & (ctx.volume_ids | set(ctx.resolved.values()))
        fit = here or fit
        if len(fit) != 1:
            return None
        (pid,) = fit
        p = self.a.person(pid)
        role = "was Vice President of the United States then" if pid in vice else "is described as a member of Congress"
        return self._person(s, e, Resolution(iris.person_iri(pid), p.name, 0.85,
                                             f"'CODEL {surface}': a congressional delegation named after its leader; "
                                             f"{p.name} (hsg-people {pid}) {role}, and no other namesake",
                                             "name-variant", links=links_of(pid), pid=pid), ctx, None)

    def _by_surroundings(self, text, s, e, surface, title, ids, known, in_volume, ctx: PersonContext) -> Mention | None:
        """What the words around a surname settle before who was named or listed does: a delegation, a deputy's
        title, a government, papers, the White House, other Presidents, Administrations compared."""
        if title is None and _CODEL.search(text, max(0, s - 7), s) and (codel := self._codel(s, e, surface, ids, ctx)):
            return codel             # "CODEL Johnson" (1962): the Vice President, not U. Alexis
        if title and len(ids) > 1 and (known or in_volume) and _SUB_SECRETARY.match(title):
            other = self._sub_secretary(surface, title, ids, {known} if known else in_volume, ctx)
            if other is not None:    # "Deputy Assistant Secretary of Defense Bundy" (1962): William, not McGeorge
                return self._person(s, e, other, ctx, title)
        if title is None and (known or in_volume or not ctx.volume_ids) and GOVERNMENT_AFTER.match(text, e):
            head = head_of_government(surface, ids, ctx.date, self.heads, self.descriptions)
            if head is not None:     # "the Johnson Administration" (1969) is Lyndon's, not the listed U. Alexis Johnson
                return self._person(s, e, head, ctx, title)
        if title is None and (known or in_volume) and _PAPERS.match(text, e):
            papers = self._papers_of(surface, ids & (ctx.volume_ids | set(ctx.resolved.values())))
            if papers is not None:   # "Eisenhower Library, Dulles Papers": the Secretary's, whoever was named earlier
                return self._person(s, e, papers, ctx, title)
        if (title is None or norm(title) in COURTESY) and (known or in_volume) and self._at_the_white_house(text, s, e):
            staff = self._presidents_staff(surface, ids & (ctx.volume_ids | set(ctx.resolved.values())))
            if staff is not None:    # "to the White House eyes only for Bundy": McGeorge, not William named earlier
                return self._person(s, e, staff, ctx, title)
        if len(ids) > 1 and (bracketed := self._bracketed_given_name(text, s, surface, ids, ctx)):
            return self._person(s, e, bracketed, ctx, title)   # "[McGeorge] Bundy" (1968): not William, listed
        if title is None and (known or in_volume or not ctx.volume_ids):
            among = president_among_presidents(text, s, e, surface, ids, ctx.date)
            if among is not None:    # "Kennedy and Johnson and Nixon are damned for Vietnam" (1975)
                return self._person(s, e, among, ctx, title)
        if title is None and not known and in_volume:
            former = president_of_administrations(text, s, e, surface, ids - in_volume, ctx.date)
            if former is not None:   # "Johnson tried to have a summit in the last six months of his Administration" (1970)
                return self._person(s, e, former, ctx, title)
        return None

    def _bracketed_given_name(self, text, s, surface, ids, ctx: PersonContext) -> Resolution | None:
        """The one namesake bearing the given name an editor printed in brackets before the surname ("[McGeorge]
        Bundy", "[Allen] Dulles"): the editors' own word on who is meant, above who is listed or named earlier."""
        m = _BRACKETED_GIVEN.search(text, max(0, s - 40), s)
        if m is None:
            return None
        words = m.group(1).split()
        if any(w in _TITLE_FIRST or w.lower() in _TITLE_WORDS_LOWER for w in words):
            return None                  # "[General] MacArthur": a title, which the titled paths read
        for pool in (ids & (ctx.volume_ids | set(ctx.resolved.values())), ids):
            bearers = sorted(pid for pid in pool if all(bears_given_name(self.a.person(pid), w) for w in words))
            if len(bearers) > 1:
                return None
            if bearers:
                pid = bearers[0]
                person = self.a.person(pid)
                return Resolution(iris.person_iri(pid), person.name, 0.9,
                                  f"'[{m.group(1)}] {surface}': the editors' bracketed given name is borne by "
                                  f"{person.name} (hsg-people {pid}) alone of {len(pool)} namesakes "
                                  f"{'listed or named here' if pool is not ids else 'in the authority data'}",
                                  "name-variant", links=links_of(pid), pid=pid)
        return None

    def _was_president(self, pid: str) -> bool:
        return any(q.kind == "president" for q in self.a.posts_by_person.get(pid, []))

    def _papers_of(self, surface: str, ids: set[str]) -> Resolution | None:
        """A collection of papers named after a surname ("Eisenhower Library, Dulles Papers") is not the namesake named
        earlier in the document (Allen W. Dulles, in a note on the CIA's reports) but the one of the namesakes listed or
        named here who ever held the Presidency or the Secretaryship of State (POCOM), when one did."""
        top = sorted(pid for pid in ids if any(q.title in _TOP_OFFICES for q in self.a.posts_by_person.get(pid, [])))
        if len(top) != 1 or len(ids) < 2:
            return None
        pid = top[0]
        person = self.a.person(pid)
        return Resolution(iris.person_iri(pid), person.name, 0.8,
                          f"'{surface} Papers': a collection named after {person.name} (hsg-people {pid}), the one of "
                          f"{len(ids)} namesakes listed or named here who held the Presidency or the Secretaryship of State "
                          f"(POCOM)", "name-variant", links=links_of(pid), pid=pid)

    @staticmethod
    def _at_the_white_house(text: str, s: int, e: int) -> bool:
        """Whether a name is given the White House as its place: "Passed to the White House for Bundy", "to the White
        House eyes only for Bundy", "Messrs. Bundy and Brubeck, The White House"."""
        return bool(_WHITE_HOUSE_BEFORE.search(text, max(0, s - 40), s) or _WHITE_HOUSE_AFTER.match(text, e))

    def _presidents_staff(self, surface: str, ids: set[str]) -> Resolution | None:
        """The one of `ids` the volume's persons list describes as on the President's staff ("President's Special
        Assistant for National Security Affairs"), or None."""
        staff = sorted(pid for pid in ids if _PRESIDENTS_STAFF.search(self.descriptions.get(pid, "")))
        if len(staff) != 1 or len(ids) < 2:
            return None
        pid = staff[0]
        person = self.a.person(pid)
        return Resolution(iris.person_iri(pid), person.name, 0.85,
                          f"'{surface}' at the White House: {person.name} (hsg-people {pid}) is the one of {len(ids)} "
                          f"namesakes listed or named here whom the volume's persons list describes as on the "
                          f"President's staff (\"{self.descriptions[pid][:80]}\")", "name-variant", links=links_of(pid), pid=pid)

    def _titled_pick(self, surface, title, ids, in_volume, when) -> Resolution | None:
        """The one namesake a printed title fits, among the listed namesakes and, for a title POCOM knows
        ("President", "Secretary"), every namesake: "President Johnson" in frus1964-68v29p1, which lists only
        U. Alexis Johnson, is the President of the day; "President Eisenhower" in 1980 the former President. Asked only
        where a namesake is listed or the volume has no list: a list's volume leaves out a titled name it does not
        list (the editors list the people who matter to it), and this must not add one (tune F1 fell 0.8781 -> 0.8776
        when it did)."""
        pool = set(in_volume) | (set(ids) if title and TITLE_WORDS.get(norm(title)) else set())
        if len(pool) < 2:
            return None
        return titled_namesake(surface, title, None, pool, when, self.descriptions)

    def _holder_in_printed_year(self, text, s, e, surface, in_volume, ctx: PersonContext) -> Resolution | None:
        """A lone surname whose listed namesakes include one dead at the document's date: the sentence's printed
        years decide when in each of them exactly that namesake held a principal post (POCOM, the Presidents).
        frus1977-80v01 lists John F. and Edward M. Kennedy; "Kennedy in 1962" is the President, not the living
        senator the document's date alone would pick; "Kennedy" in a sentence dated 1979 stays with the date."""
        if ctx.year is None or not any(self.a.person(pid).alive_in(ctx.year) is False for pid in in_volume):
            return None
        lo = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s), s - 250)
        hi = min(x for x in (text.find(". ", e), text.find("\n", e), e + 250) if x >= 0)
        years = set(_PRINTED_YEAR.findall(text, lo + 1, hi))
        held = {y: {pid for pid in in_volume if any(q.kind in ("principal", "president") and q.holds_on(y)
                                                   for q in self.a.posts_by_person.get(pid, []))} for y in years}
        who = {next(iter(h)) for h in held.values() if len(h) == 1}
        if len(who) != 1 or any(len(h) > 1 for h in held.values()):
            return None
        (pid,) = who
        person = self.a.person(pid)
        if person.alive_in(ctx.year) is not False:
            return None
        year = min(y for y, h in held.items() if h == {pid})
        return Resolution(iris.person_iri(pid), person.name, 0.8,
                          f"'{surface}': the sentence names {year}, when {person.name} (hsg-people {pid}) held a principal "
                          f"post (POCOM) and no other namesake in the volume's persons list did; not alive in {ctx.year}, "
                          f"but the sentence is about {year}", "name-variant", links=links_of(pid), pid=pid)

    def _by_middle_name(self, key: str, ctx: PersonContext) -> frozenset[str]:
        """'Foster Dulles': a middle name and the surname name a person only where the volume lists him or this
        document named him (John Foster Dulles), never on their own."""
        found = self.middle_names.get(key, frozenset()) & (ctx.volume_ids | set(ctx.resolved.values()))
        return frozenset(found)

    def _holders(self, title, date) -> set[str]:
        """hsg ids of the U.S. holders, on the date, of the post a printed title names ("Secretary": POCOM)."""
        if not title or not date:
            return set()
        return {p.hsg for t in TITLE_WORDS.get(norm(title), ()) for p in self.a.holders(t, date[:10]) if p.hsg}

    def _principal_rivals(self, key: str, known: str, ctx: PersonContext) -> list[str]:
        """Namesakes of the one person of this surname named earlier who, at the document's date, are the President or
        the Secretary of State: after "Allen Dulles" or "Milton Eisenhower" a lone "Dulles" or
        "Eisenhower" is as likely the Secretary or the President, so the earlier name does not settle it. The same for
        a namesake the volume's persons list describes as a country's head ("President of the Republic of China"):
        after "Chiang Ching-kuo" a lone "Chiang" is as likely his father, after "Bui Diem" a lone "Diem" President Diem."""
        others = self.surnames.get(key, frozenset()) - {known}
        heads = [] if known in self.heads else sorted(pid for pid in others & ctx.volume_ids if pid in self.heads
                                                      and dates_allow(self.heads[pid], ctx.year)
                                                      and (ctx.year is None or self.a.person(pid).alive_in(ctx.year) is not False))
        if not ctx.date or self._top_office(known, ctx.date):
            return heads
        return sorted(set(heads) | {pid for pid in others if self._top_office(pid, ctx.date)})

    def _heads_of_state(self, volume_id: str, persons) -> dict[str, str]:
        """hsg id -> description, for the people the volume's persons list describes as a country's head: "President
        of the Republic of Vietnam until November 1, 1963", "King of Jordan", "Premier, People's Republic of China" (the
        country as the gazetteer knows it). The description's dates say when he is a rival (offices.dates_allow)."""
        people = authorities().volume_people(volume_id)
        out = {}
        for e in persons:
            m = _HEAD_OF.match(e.description or "")
            if m and e.xml_id in people and any(x.kind == "country" for x in self.gaz.get(m.group("place").rstrip(".,;"), ())):
                out[people[e.xml_id]] = e.description
        return out

    def _top_office(self, pid: str, date: str) -> bool:
        return any(q.title in _TOP_OFFICES and q.holds_on(date) for q in self.a.posts_by_person.get(pid, []))

    def _ambiguous_surname(self, surface: str, known: str, rivals: list[str], ctx: PersonContext) -> Resolution:
        """An unlinked mention with the earlier-named person and the office-holding namesakes as candidates."""
        cands = tuple(Candidate(iris.person_iri(pid), 0.5, self.a.person(pid).name) for pid in (known, *rivals))
        held = ", ".join(f"{self.a.person(pid).name} (hsg-people {pid}) " + (
            f"is described by the volume's persons list as \"{self.descriptions.get(pid, '')[:60]}\"" if pid in self.heads
            else f"held the post of President or Secretary of State on {ctx.date[:10]} (POCOM)") for pid in rivals)
        return Resolution(None, None, 0.0, f"'{surface}': {self.a.person(known).name} (hsg-people {known}) is named "
                          f"earlier in this document, but {held}; left unlinked", "name-variant", cands)

    def _only_bearer_at_date(self, text, s, e, surface, ids, ctx: PersonContext) -> Mention | None:
        """No persons list to go by: a surname borne by one authority person only, who FRUS persons lists cite
        within three years of the document, is linked with low confidence."""
        (pid,) = ids
        span = self.a.attested_years.get(pid)
        person = self.a.person(pid)
        if span and span[0] - 3 <= ctx.year <= span[1] + 3 and person.alive_in(ctx.year) is not False \
                and not _sentence_start(text, s):
            res = Resolution(iris.person_iri(pid), person.name, 0.6,
                             f"'{surface}': the only person of that surname in hsg-people is {person.name} "
                             f"(hsg-people {pid}), whom FRUS persons lists cite for {span[0]}–{span[1]}; no persons "
                             f"list for this volume, so the link rests on the surname and the date", "name-variant",
                             links=links_of(pid), pid=pid)
            return self._person(s, e, res, ctx, None)
        return None

    def _titled_surname(self, s, e, surface, ids, title, ctx: PersonContext) -> Mention | None:
        """A surname after a person's title: resolved if it can be; kept unlinked only where no persons list exists."""
        if surface.isupper() or surface in _NOT_SURNAMES and not ids:
            return None
        if ids:
            res = ctx.resolve_name(surface, ids, title, False)
            if res.entity is None and ctx.volume_ids:
                return None           # not in the volume's persons list and not resolvable: left out
        elif ctx.volume_ids:
            return None               # the volume lists its people: a name with no record at all is left out
        else:
            res = Resolution(None, None, 0.0, f"'{title} {surface}': a title and a name, but no authority record "
                             f"of that name", "name-variant")
        return self._person(s, e, res, ctx, title)

    def _family_name_first_other(self, text, chunk, j, e) -> bool:
        """A family name followed by given names we do not know: a name written family-name first (Korean,
        Chinese, Vietnamese) of a person other than the ones indexed under that family name."""
        n = len(chunk)
        if j >= n or chunk[j].start() != e + 1 or text[e] != " ":
            return False
        nxt = chunk[j].group(0)
        if _HYPHENATED_GIVEN.fullmatch(nxt):
            return _key(text[chunk[j - 1].start():chunk[j].end()]) not in self.full
        if j + 1 < n and chunk[j + 1].start() == chunk[j].end() + 1 and len(text[chunk[j - 1].start():e]) <= 5:
            a, b = nxt, chunk[j + 1].group(0)
            if _SHORT_GIVEN.fullmatch(a) and _SHORT_GIVEN.fullmatch(b) and a not in _NEVER and b not in _NEVER \
                    and a not in self.gaz and b not in self.gaz:
                return _key(text[chunk[j - 1].start():chunk[j + 1].end()]) not in self.full
        return False

    def _given_name_before(self, text, chunk, k, s) -> int:
        """Start of a given name or nickname printed before a lone surname ('Bob Hoey', 'Joe Collins'), else s."""
        if k == 0:
            return s
        prev = chunk[k - 1]
        word = prev.group(0)
        if text[prev.end():s] != " " or not re.fullmatch(r"[A-Z][a-z]+", word) or word in _NOT_SURNAMES or word in _NEVER \
                or word in _TITLE_FIRST or word in self.gaz or word in NAMED_BEFORE or word.lower() not in self.given_names:
            return s
        return prev.start()

    def _person(self, s, e, res: Resolution, ctx: PersonContext, title) -> Mention:
        if title is None and (other := self._not_his_given_name(s, e, res)):
            s, res = other
        if res.pid:
            ctx.remember(res.pid)
        return Mention(s, e, "person", res.method, res.confidence if res.entity else 0.0, res.entity, res.label,
                       res.candidates, res.explanation, office=title or None, entity_links=res.links)


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_SUB_SECRETARY = re.compile(r"(?:Acting\s+)?(?:(?:Deputy|Under|Assistant)\s+)+Secretary\b")   # "Deputy Assistant Secretary of Defense"
_CAPS_TITLE_GOES_BACK = re.compile(r"\b(?:ASST|ASSISTANT|DEP|DEPUTY|UNDER|VICE|ACTING|ASSOC)\.?\s+$")
_CODEL = re.compile(r"\b(?:CODEL|Codel|CoDel)\s+$")
_IN_CONGRESS = re.compile(r"\b(?:Senator|Congress(?:man|woman)|House of Representatives|Representative from|member of Congress)\b")
_NAMES_THE_SECRETARY = re.compile(r"\b(?:the Secretary\b(?! of (?!State))|Secretary of State\b|Department of State\b)")
_OFFICE_WORDS = re.compile(r"(?<=of )(?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)*")   # "Central Intelligence" in "Director of …"
_TITLE_WORDS_LOWER = frozenset(w.lower().rstrip(".") for w in _TITLE_FIRST) | frozenset(
    "comdr cmdr lt col gen maj adm capt sgt cpl hon h.r.h sardar sheikh prince".split()) | frozenset(
    w for t in _PERSON_TITLE_ONLY for w in t.split())
_RANK_IN_NAME = re.compile(r",\s+((?:(?:Lieutenant|Major|Brigadier|Vice|Rear)\s+)?(?:General|Admiral|Colonel|Major|Captain|Commander))\b")
_WOMEN = frozenset({"mrs", "miss", "ms", "madame", "mme", "mlle"})
_PAPERS = re.compile(r"['’]?s?\s+Papers\b")
_WHITE_HOUSE_BEFORE = re.compile(r"\bWhite House (?:eyes only )?for $")
_WHITE_HOUSE_AFTER = re.compile(r"(?:\s+and\s+[A-Z][\w’'.-]+)?,\s+[Tt]he White House\b")
_PRESIDENTS_STAFF = re.compile(r"President['’]s (?:Special )?Assistant|(?:Special )?Assistant to the President|White House")
# The office printed before a heading party's bracketed name: "… to the President's Special Assistant ("
_OFFICE_BEFORE = re.compile(r"(?:\bFrom|\bto|\bBetween|\band|\bby)\s+(?:the\s+)?(?P<office>[A-Z][\w’'.,-]*(?:\s+(?:of|for|on|the|and|[A-Z][\w’'.,-]*))*?)\s+\($")
# A title just before a heading party's name, after a lower-case word or a line's start ("for President Johnson"), not
# part of a longer office ("Vice President Johnson", "Assistant Secretary Bundy")
_RANKS_AND_OFFICES = frozenset(
    "president secretary ambassador minister premier king queen prince princess emperor shah sultan general gen admiral "
    "adm senator sen governor gov colonel col lieutenant lt captain capt major maj commander cdr judge justice chairman "
    "director commissioner representative rep congressman mayor chancellor bishop cardinal father marshal".split())
_TITLE_BEFORE = re.compile(r"(?:^|(?<=\n)|(?<=[\s(])(?=[a-z]+\s)[a-z]+\s+)(President|Secretary of State|Ambassador)\s+$")
_PLURAL_TITLES = {"Secretaries": "Secretary", "Ambassadors": "Ambassador", "Presidents": "President"}
_PLURAL_TITLE = re.compile(r"\b(?:" + "|".join(_PLURAL_TITLES) + r")$")
_AND = re.compile(r",?\s+and\s+|,\s+")
_POSTSCRIPT = re.compile(r"P\.\s?S\.\s")        # "P. S.", "P.S." opening a sentence
_DCI_MISPRINT = re.compile(r"^Director\s+for\s+Central")
_PRES = re.compile(r"\bPres$")
_HEAD_OF = re.compile(r"(?:Generalissimo\s+)?(?:President|Prime Minister|Premier|King|Queen|Shah|Emperor|Chancellor)(?:\s+of\s+|,\s+)"
                      r"(?:the\s+)?(?P<place>[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)*)")
_BRACKETED = re.compile(r"\[([A-Z][a-z]+)\] ([A-Z][\w'’-]*[a-z])")
_PRINTED_YEAR = re.compile(r"(?<![\d–-])(1[89]\d\d)(?![\d–-])")


class _Spans:
    """Occupied character ranges, kept as a sorted list of disjoint intervals (overlaps are merged)."""

    def __init__(self, spans):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(spans):
            self.add(s, e)

    def add(self, s, e):
        i = bisect.bisect_right(self.starts, e)
        j = i
        while j > 0 and self.ends[j - 1] >= s:
            j -= 1
        if j < i:
            s, e = min(s, self.starts[j]), max(e, self.ends[i - 1])
            del self.starts[j:i], self.ends[j:i]
        self.starts.insert(j, s)
        self.ends.insert(j, e)

    def overlaps(self, s, e) -> bool:
        i = bisect.bisect_left(self.starts, e)
        return i > 0 and self.ends[i - 1] > s


@lru_cache(maxsize=64)
def _terms_index(terms: tuple[tuple[str, str, str], ...]):
    entries = {}
    for xml_id, name, desc in terms:
        name = name.strip().rstrip(",")
        if len(name) >= 2 and name not in entries:
            entries[name] = (xml_id, name, desc.strip())
    if not entries:
        return None
    alts = "|".join(re.escape(n) for n in sorted(entries, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])"), entries


def _outline_letter(text: str, chunk, i: int) -> bool:
    """A single capital and period opening a line before a surname, where another line opens with a neighbouring
    letter or numeral ("B. Diem announces …" after "A. …"; "I. Green Recommendations" before "II. …"), is an outline
    letter; a speaker's label ("M. Bundy:") and a name that goes on ("J. Graham Parsons") are names, and so is a line
    "G. Ahmed said …" in a document that has no "F." or "H." line."""
    tok = chunk[i]
    if len(tok.group(0)) != 2 or i + 1 >= len(chunk) or text[max(0, tok.start() - 1):tok.start()] not in ("", "\n"):
        return False
    if _name_goes_on(text, chunk, i + 1) or text.startswith(":", chunk[i + 1].end()):
        return False                       # "J. Graham Parsons, Assistant Secretary", "M. Bundy:": names
    letter = tok.group(0)[0]
    near = {chr(ord(letter) - 1), chr(ord(letter) + 1)} | ({"II"} if letter == "I" else set())
    return any(re.search(rf"(?m)^{x}\. ", text) for x in near if x.isalpha())     # "A." … "B." … "C.": a list


def _caps_title(text: str, start: int) -> re.Match | None:
    """A title printed in capitals before a name in capitals ("PRESIDENT JOHNSON", "SECRETARY ROGERS"), matched as
    its title-case form would be: the match over the printed text, or None."""
    window = text[start:start + 90]
    m = _TITLE.match(_title_case(window))
    if m is None or not window[:m.end()].strip().isupper() or not text[start + m.end():start + m.end() + 2].isupper() \
            or _CAPS_TITLE_GOES_BACK.search(text, max(0, start - 12), start):
        return None             # "ASST SECRETARIES ROGERS, RICHARDSON": a longer title than the one matched
    return re.compile(re.escape(window[:m.end()])).match(text, start)


def _sentence_end(title: str) -> bool:
    """Whether a matched title's period ends a sentence ("the President. Hoover added") rather than abbreviating it
    ("Pres. Eisenhower", "Gen. Taylor", "Mr. Murphy")."""
    words = title.rstrip().split()
    return words[-1].endswith(".") and words[-1].rstrip(".") not in _ABBREVIATED


def _name_goes_on(text: str, chunk, j: int) -> bool:
    """Whether a name goes on after token j: not after a possessive ("B. Diem’s New Proposals") nor into a word that is
    never a name ("C. Johnston Mission"), both an outline letter's heading."""
    return _continued(text, chunk, j) and not _POSSESSIVE.search(chunk[j].group(0)) and chunk[j + 1].group(0) not in _NEVER


def _continued(text: str, chunk, j: int) -> bool:
    """Whether the name token j goes on with another capitalised word after a plain space ("M. Ngo Dinh Nhu")."""
    return j + 1 < len(chunk) and text[chunk[j].end():chunk[j + 1].start()] == " "


def _first_forename(sort: str) -> str:
    """The first forename of an index form that is a name, not an honorific ("Ngo Dinh Nhu, Madame" has none)."""
    words = split_name(sort).forenames.split()
    return words[0] if words and words[0].rstrip(".") not in _TITLE_FIRST | {"Madame"} else ""


def _with_nicknames(full: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The authority full-name index with the nickname forms ("Mac Bundy", "Chip Bohlen") that no record prints whole."""
    return {**full, **nickname_index()}


def _middle_names(a) -> dict[str, frozenset[str]]:
    """norm('Foster Dulles') -> the people whose second forename and surname these are, where no full name is so."""
    out: dict[str, set[str]] = {}
    for pid, p in a.people.items():
        parts = split_name(p.sort)
        words = parts.forenames.split()
        if len(words) >= 2 and len(words[1]) > 2 and "." not in words[1] and words[1][:1].isupper():
            key = norm(f"{words[1]} {parts.surname}")
            if key not in a.full_index:
                out.setdefault(key, set()).add(pid)
    return {k: frozenset(v) for k, v in out.items()}


_BRACKETED_GIVEN = re.compile(r"\[([A-Z][a-z]+(?:[A-Z][a-z]+)?(?: [A-Z][a-z]+){0,2})\] \Z")   # "[McGeorge] Bundy"
_GIVEN_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z][a-z]{2,})[ ]((?:[AaEe][lnrsdtz]|[Aa]sh)-)?\Z")   # "Munim Ar-"
_ARTICLE = re.compile(r"(?:[AaEe][lnrsdtz]|[Aa]sh)-")
_CALENDAR = frozenset("January February March April May June July August September October November December Monday "
                      "Tuesday Wednesday Thursday Friday Saturday Sunday".split())


_SPELLINGS = {"jr": ("jr", "ii", "2nd", "2d"), "iii": ("iii", "3rd", "3d"), "iv": ("iv", "4th")}


def _generation(suffix: str) -> str:
    """'Jr.', ', Jr.', 'III', '3rd' -> one spelling per generation ('jr', 'sr', 'iii', 'iv'); '' for none. "II" is
    "Jr.": Henry Cabot Lodge II is "Henry Cabot Lodge, Jr." in FRUS."""
    word = re.sub(r"[^\w]", "", suffix or "").lower()
    return {"ii": "jr", "2nd": "jr", "3rd": "iii", "4th": "iv"}.get(word, word)


def _person_id(m: Mention) -> str | None:
    """The hsg-people id of a person mention linked to an authority record."""
    hit = re.search(r"/id/people/([^/]+)$", m.entity or "") if m.kind == "person" else None
    return hit.group(1) if hit else None


_BESIDE_A_NAME = re.compile(r"(?:^|(?<=[\s(\[]))[A-Z][\w’'-]*[ ]\Z")
_WOMANS_TITLE_BEFORE = re.compile(r"\b(Mrs|Miss|Ms|Madame|Madam|Mme|Mlle|Lady|Begum|Princess|Queen|Se[nñ]ora)\.?\s+"
                                  r"(?:[A-Z][\w’'-]*\s+){0,3}\Z")
_COUPLE_BEFORE = re.compile(r"\bMr\.?\s+and\s+\Z")
_WIFE_IN_DESCRIPTION = re.compile(r"^(?:[^,;]{0,40}['’]s\s+)?(?:wife|widow)\b|^First Lady\b|^Madame\b", re.I)
_HEAD_IN_DESCRIPTION = re.compile(r"\b(?:King|Queen|Shah|Emperor|President|Prime Minister|Premier|Chancellor)\b(?![-–\s]+(?:elect|designate)\b)")
_NAME_AFTER = re.compile(r"[ ][A-Z][a-z]")


def _places_written(record: DocumentRecord) -> tuple[str, ...]:
    """The countries of the heading's posts ("Embassy in Poland": Poland); not the dateline's city, which the
    descriptions of the post's own staff print ("Saigon", "London")."""
    return tuple(dict.fromkeys(p.place for p in posts_of(record.heading)
                               if p.place and p.kind and not p.place.startswith("the ")))


def _descriptions(volume_id: str, persons) -> dict[str, str]:
    """hsg id -> the volume's persons-list description of that person, with the military rank its name carries
    ("Johnson, General Harold K.", "Eisenhower, Major John S. D.") as a last clause, so that the rank printed before
    the surname fits him ("General Johnson" after President Johnson; "Major Eisenhower" after the President)."""
    people = authorities().volume_people(volume_id)
    out = {}
    for e in persons:
        if e.xml_id in people:
            rank = _RANK_IN_NAME.search(e.name)
            out[people[e.xml_id]] = e.description + (f"; {rank.group(1)}" if rank else "")
    return out


def _parties_take_their_mentions(record: DocumentRecord) -> None:
    """A heading party no rule resolved takes the person that the mention of its own span names: "Letter From the
    Shah of Iran to President Johnson", where the editors tag "Shah" as Mohammad Reza Pahlavi, had an author local to
    the document (16 of them in frus1964-68v22, each its own node of the correspondence network)."""
    by_span = {(m.start, m.end): m for m in record.mentions if m.kind == "person" and m.entity}
    for party in record.parties:
        m = by_span.get((party.start, party.end)) if party.entity is None and party.start is not None else None
        if m is not None:
            party.entity, party.label = m.entity, m.label
            party.explanation = f"the heading's name '{party.name}' is the person its mention names: " + \
                (m.explanation or m.label or m.entity)


def _without_repeated_tags(tagged: list[Mention], found: list[Mention]) -> list[Mention]:
    """Session 56: a heading party's mention on a span the editors tagged with the same person is that tag, which
    takes the heading's office and explanation: one mention, where the graph had held two ("Nixon", "Laird" of
    frus1969-76v01 d10; 84 of the volume's 8,048 mentions, each an author or recipient counted twice)."""
    by_span = {(m.start, m.end, m.entity): m for m in tagged if m.kind == "person" and m.entity}
    out = []
    for m in found:
        tag = by_span.get((m.start, m.end, m.entity)) if m.kind == "person" and m.entity else None
        if tag is None:
            out.append(m)
            continue
        tag.office = tag.office or m.office
        if m.explanation:
            tag.explanation = f"{tag.explanation}; the heading says so too: {m.explanation}" if tag.explanation \
                else m.explanation
    return out


_EXTRACTOR: EntityExtractor | None = None


def extract_entities(record: DocumentRecord) -> None:
    """The pipeline hook: add entity mentions to record.mentions and resolve record.parties in place."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = EntityExtractor(title_only=True)
    _EXTRACTOR.run(record)

