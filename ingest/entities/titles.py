"""Title-only mentions ("the Shah", "the King", "the Secretary", "the President", "the Prime Minister") resolved to
the holder at the document's date and place, where one source settles it; otherwise no mention at all.

Sources, in order:
1. the heading: one party printed with that office ("Secretary of State Vance" -> "the Secretary");
2. the volume's persons list: the one entry described with that title ("Pahlavi, Mohammed Reza, Shah of Iran")
   whose country the document names (its heading post, "the King of Jordan", or a country it mentions) and
   whose printed dates do not exclude the document's;
3. POCOM: "the President" and "the Secretary" in a document of the U.S. government (no foreign holder of the
   title is in play), the President of the United States / Secretary of State on the document's date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ingest.authorities import authorities, norm, split_name
from ingest.records import DocumentRecord, Mention
from ontology import iris

from .gazetteer import gazetteer
from .offices import dates_allow, month_number, nationality
from .people import links_of
from .posts import is_minted_post, post_description
from .un_secretary_general import spelled_out_holder

__all__ = ["TITLE_ONLY", "TitleHolder", "title_holders", "holder_of_title", "heading_names_secretary", "president_by_convention",
           "describes_country",
           "united_states_holder", "document_head", "participant_line",
           "title_mentions", "replaced_tags", "retitle_namesake_tags", "offices_inside"]

TITLE_ONLY = re.compile(r"\b(?:the|The)\s+(?P<title>Shah|King|Queen|Emperor|Secretary[-–\s]General|Secretary|President|"
                        r"Prime\s+Minister|Chancellor|Generalissimo)"
                        r"(?:[ ]+of[ ]+(?P<of>[A-Z][\w’'-]+(?:[ ]+[A-Z][\w’'-]+)?))?(?![\w-]|[ ]+[A-Z]|['’]s\s+[A-Z]|[ ]+of[ ]+the[ ]+[A-Z])")
# Session 32: a telegram in capitals prints "THE SHAH", "THE PRIME MINISTER OF JORDAN"; its telegraphese drops the article
# before an abbreviated title ("PRIMIN TOLD ME…", "PriMin indicated…").
_TITLE_IN_CAPITALS = re.compile(r"\bTHE\s+(?P<title>SHAH|KING|QUEEN|EMPEROR|SECRETARY[-–\s]GENERAL|SECRETARY|PRESIDENT|"
                                r"PRIME\s+MINISTER|CHANCELLOR)(?:[ ]+OF[ ]+(?P<of>[A-Z][A-Z’'-]+))?\b(?![-’']|[-–\s]+GENERAL)")
# Session 34: … and before a monarch's title ("9. AMPLIFYING REMARK ABOUT …, SHAH SAID THAT…", "SHAH RECEIVED ME…"), where a
# verb follows it and no capitalised word stands before it ("ZAHIR SHAH", "MOHAMMED REZA SHAH" are names).
_BARE_MONARCH_IN_CAPITALS = re.compile(
    r"(?<![A-Z] )(?<![A-Z’'-])(?P<title>SHAH|KING|EMPEROR)(?P<of>)(?=\s+(?:SAID|TOLD|STATED|ADDED|NOTED|ASKED|REPLIED|AGREED|"
    r"INDICATED|EXPRESSED|STRESSED|EMPHASIZED|RECEIVED|COMMENTED|REMARKED|CONTINUED|THOUGHT|FELT|BELIEVED|WANTED|SAYS|"
    r"POINTED|MADE|GAVE|WAS|IS|HAS|HAD|WOULD|WILL|THEN|ALSO|HIMSELF)\b)")
# Session 35: "HIM" (His Imperial Majesty, in the terms lists of the Iran and Ethiopia volumes) as the subject of a verb:
# "HIM inquired as to the status of…", "3. HIM STATED HIS COMPLETE SATISFACTION…", "I HOPED HIM WOULD UNDERSTAND…"; never
# the pronoun after a verb or a preposition ("KEEPING HIM INFORMED", "WE ASSURED HIM WOULD…").
_HIS_IMPERIAL_MAJESTY = re.compile(
    r"(?:^|(?<=[.:;,()])|\d\.|\b(?i:and|but|that|whether|after|when|as|which|whom|who|while|since|if|because|naturally|hoped|"
    r"thought|believe|believes|believed))[^\S\n]*(?P<title>HIM)(?P<of>)(?=[^\S\n]+(?:(?i:also|then|again|further)[^\S\n]+)?"
    r"(?i:stated|said|says|expressed|asked|replied|noted|commented|observed|agreed|emphasi[sz]ed|insisted|inquired|"
    r"informed|suggested|indicated|pointed|remarked|added|continued|felt|thought|believes|believed|knows|wants|wanted|"
    r"wishes|wished|was|is|has|had|would|will|received|told|made|gave|mentioned|seemed|appeared|took|responded|"
    r"explained|spoke|repeated|referred|described|stressed|hoped|considered|may|might|could|should|must|intends|approved|accepted|"
    r"decided|raised|opened)\b)", re.MULTILINE)
_MAJESTIES = {"iran": "Shah", "ethiopia": "Emperor"}
# Session 48: the honorific spelled out, which the editors never tag (about 550 times in 28 volumes; 313 in the Saudi
# Arabia compilation): "His Majesty said that he also regretted…", "HIS IMPERIAL MAJESTY STATED…", "Her Majesty". Not
# followed by a name ("His Majesty King Saud" is his mention) nor the Crown's institutions ("His Majesty’s Government",
# "Her Majesty’s Ambassador", "His Majesty’s forces").
_HONORIFIC = re.compile(
    r"\b(?P<title>(?:His|HIS|Her|HER)\s+(?:(?:Imperial|IMPERIAL)\s+)?(?:Majesty|MAJESTY))(?P<of>)"
    r"(?![\w-]|\s+[A-Z]|,?\s+(?:the|The|THE)\s+(?:Shah|King|Emperor|Queen|SHAH|KING|EMPEROR|QUEEN)\b|['’]s?\s+(?:[A-Z]|(?:government|forces|ships?|embassy|ambassadors?|representatives?|service|"
    r"stationery)\b))")
_REALM = {"Shah": {"iran"}, "Emperor": {"ethiopia", "japan"}}     # "the Shah" needs no country; "His Majesty" does
_HONORIFIC_TITLES = {"His Majesty": ("King", "Shah", "Emperor"), "Her Majesty": ("Queen",),
                     "His Imperial Majesty": ("Shah", "Emperor")}
# Session 35: an office "of" an agency or of the government's departments, which TITLE_ONLY leaves to countries: "The
# Director of Central Intelligence said…", "The Secretary of the Treasury pointed out…", "the Chairman of the Joint
# Chiefs of Staff" (the speakers of the National Security Council's records), held by the one persons-list entry
# described with that office at the document's date.
_OFFICE_OF = re.compile(r"\b(?:the|The)\s+(?P<title>Director|Chairman|Administrator|Under\s+Secretary|Deputy\s+Secretary|"
                        r"Secretary(?=\s+of\s+the\s))\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w.’'-]*(?:[ ]+(?:of[ ]+(?:the[ ]+)?|and[ ]+)?"
                        r"[A-Z][\w.’'-]*){0,4})(?![\w’'-])")
# Session 45: telegraphese's "Secy" ("Secy said he speaking only for US…"), not "Secy Gen", "Secy of Defense", "Secy Rusk".
_ABBREVIATED_TITLE = re.compile(r"(?<![\w-])(?:(?:the|The|THE)\s+)?(?P<title>Pri[Mm]in|PRIMIN|Secy|SECY|Gimo|GIMO)(?P<of>)\b"
                                r"(?!\.?(?:[-’']|[ ]+[A-Z][a-z]|[ ]+(?:of|for|OF|FOR|GEN|Gen)\b))\.?")
_ABBREVIATIONS = {"primin": "Prime Minister", "secy": "Secretary", "gimo": "Generalissimo"}
_NAME_THEN_VERB = re.compile(r"[ ]+[A-Z]{2,}[ ]+(?:SAID|TOLD|STATED|ADDED|NOTED|ASKED|REPLIED|AGREED|INDICATED|EXPRESSED|STRESSED)\b")  # "PRIMIN KIM SAID"
_QUALIFIED = re.compile(r"(?:\b[A-Z]{2,}|[A-Z][a-z]+)[ ]+$")      # "ROK PriMin", "Turk PriMin", "Greek PRIMIN"
_POCOM = {"President": "President of the United States", "Secretary": "Secretary of State",
          "Vice President": "Vice President of the United States"}
_UNNAMED_SECRETARY = re.compile(r"\b(?:the|and|From|To)\s+Secretary\s+of\s+State\b(?!\s*\()(?!\s+\w+\s*\()")
_HEADING_OFFICE = {"Secretary": re.compile(r"^Secretary of State$"), "President": re.compile(r"^President$")}
# After a title in a persons-list description: the office is another person's ("Secretary of State Dulles’ Personal
# Assistant", "Secretary to the Secretary of State": Phyllis D. Bernau, frus1955-57v17, v24), not the title itself.
_ANOTHERS_OFFICE = re.compile(r"(?:\s+of\s+[A-Z][a-z]+)?\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s?(?:\s|$)|\s+to\b")
_OFFICE_TO = re.compile(r"\b(?:(?:Assistant|Counselor|Counsel|Adviser|Advisor|Representative|Envoy|Secretary)\s+to|Office\s+of)\s+$", re.IGNORECASE)   # an office's name


@dataclass(frozen=True)
class TitleHolder:
    pid: str | None
    entity: str
    label: str
    explanation: str
    country: str | None = None       # the realm or state of the office, where a source names it
    printed: str = ""                # the persons list's name of the holder, with its variants


def _in_office(desc: str, title: str, year: int | None, clause: int | None = None, month: int | None = None) -> bool:
    """Whether the clause of `desc` naming `title` leaves `year` possible. Session 32: "…Minister of Finance March
    1964–January 1965; thereafter, Prime Minister" begins in the last year of the clause before; "Prime Minister of
    Iran from March 1964 until his death in January 1965" ends then."""
    clauses = desc.split(";")
    k = clause if clause is not None else next((i for i, c in enumerate(clauses) if title.lower() in c.lower()), None)
    if k is None:
        return dates_allow(desc, year, month)
    before = re.findall(r"(?:\b([A-Z][a-z]+)\.?\s+(?:\d{1,2},\s+)?)?\b(1[89]\d\d|20\d\d)\b", clauses[k - 1]) \
        if k and _THEREAFTER.match(clauses[k]) else []
    if year is not None and before and (int(before[-1][1]), month_number(before[-1][0]) or 0) > (year, month or 12):
        return False       # session 50: "…until June 1960; thereafter Chancellor of the Exchequer" is not March 1960's
    clause = _own_part(clauses[k], title)
    span = _printed_span(clause)
    if year is not None and span is not None and not span[0] <= year <= span[1]:
        return False           # session 35: "Under Secretary of State, January 25-December 3, 1961" (Bowles) is not 1962's
    return dates_allow(_UNTIL_DEATH.sub("until ", clause), year, month)


_DATED_AND = re.compile(r"\s+and,\s+(?=(?:until|from|since|after|through)\b)")


def _own_part(clause: str, title: str) -> str:
    """Session 56: the part of a clause that prints the title, where "and," brings in another office with its own
    dates: "Chancellor of the Federal Republic of Germany and, until May 1955, Minister of Foreign Affairs"
    (Adenauer, four volumes of 1955–1957) was no Chancellor after May 1955."""
    parts = _DATED_AND.split(clause)
    return next((p for p in parts if title.lower() in p.lower()), clause) if len(parts) > 1 else clause


_SPAN_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)(?:\s*[-–]\s*(\d\d)\b(?![,\d]))?")


def _printed_span(clause: str) -> tuple[int, int] | None:
    """The years a clause's dates close on both sides ("January 25-December 3, 1961", "1969–74", "1953-1961"), or None
    where it prints none, opens with "from"/"until"/"since"/"thereafter" or is left open ("1964–")."""
    if _OPEN_DATES.search(clause):
        return None
    years = []
    for m in _SPAN_YEAR.finditer(clause):
        years.append(int(m.group(1)))
        if m.group(2):
            years.append(int(m.group(1)[:2] + m.group(2)))
    return (min(years), max(years)) if years else None


_OPEN_DATES = re.compile(r"\b(?:from|until|since|after|before|thereafter|to\s+date|present)\b|[-–]\s*$|\d\s*[-–]\s*(?:$|;|\))",
                         re.IGNORECASE)


_THEREAFTER = re.compile(r"\s*thereafter\b", re.IGNORECASE)
_UNTIL_DEATH = re.compile(r"\buntil\s+(?:his|her)\s+death\s+(?:in\s+|on\s+)?")


class _Countries(set):
    """Country ids a document names; `by_post` those it names only as a post's country ("the Embassy in Germany"),
    `surnames` the last words of the persons it names."""
    by_post: frozenset = frozenset()
    surnames: frozenset = frozenset()


def _countries(record: DocumentRecord, mentions: list[Mention]) -> _Countries:
    """Countries the document names, including the country of a post in its heading (the Embassy in Iran)."""
    prefix = iris.country_iri("")
    out = _Countries(m.entity[len(prefix):] for m in mentions
                     if m.kind == "country" and m.entity and m.entity.startswith(prefix))
    posts = {post_description(m.entity)[0] for m in mentions
             if m.kind == "organization" and m.entity and is_minted_post(m.entity)} - {None}
    out.by_post = frozenset(c[len(prefix):] for c in posts) - out
    out.update(out.by_post)
    out.surnames = frozenset(record.text[m.start:m.end].split()[-1] for m in [*mentions, *record.mentions]
                             if m.kind == "person" and record.text[m.start:m.end].split())
    return out


def _in_play_at_home(record: DocumentRecord, title: str, holder: TitleHolder) -> bool:
    """Session 52: in a document written in Washington (or that prints no place) and not sent to or from a post abroad
    (a memorandum, notes of a meeting; not the Department's telegrams and circulars), a foreign President the
    volume's persons list describes is in play only where the text prints him "President <name>" with no country
    before it: Washington's writers name a foreign president with his name or country ("Egyptian President Anwar
    el-Sadat", "the President of Egypt") and the President of the United States "the President" (frus1961-63v05
    d167, Salinger's diary; frus1958-60v04 d305, a Legislative Leadership Meeting: their claims had gone to a node
    named "President" because the volume lists a President of a country they name)."""
    abroad = record.place and "Washington" not in record.place
    if title != "President" or abroad or _AT_A_POST.search(record.heading or ""):
        return True
    surname = split_name(holder.label).surname
    if not surname:
        return True
    printed = re.compile(rf"\bPresident\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}{re.escape(surname)}\b")
    return any(not _QUALIFIED_BEFORE.search(record.text, max(0, m.start() - 30), m.start())
               for m in printed.finditer(record.text))


_AT_A_POST = re.compile(r"\bCircular\b|\bFrom\s+the\s+Department\s+of\s+State\s+to\b|"
                        r"\b(?:Embassy|Legation|Consulate|Mission|Delegation|Office)\s+(?:General\s+)?(?:in|at|to)\s+(?:the\s+)?[A-Z]|"
                        r"\b(?:Ambassador|Chargé|Charge|Minister|Consul|Consul\s+General|High\s+Commissioner)\s+(?:in|at)\s+(?:the\s+)?[A-Z]")
_QUALIFIED_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+(?:['’]s)?|\bof\s+(?:the\s+)?[A-Z][\w-]+)\s+$")


def _host_of_the_post_only(named: set[str], holder: TitleHolder) -> bool:
    """Session 51: a foreign holder of a title the United States also has ("President") whose country the document
    names only as its post's and whom it does not name: in the Embassy in Germany's telegrams, "the President" stays
    the President of the United States, as before that post had a country, not Heuss or Luebke, whom they never name."""
    words = set(re.findall(r"[\w’'-]+", holder.label))
    return holder.country in getattr(named, "by_post", ()) and not words & getattr(named, "surnames", frozenset())


def title_holders(record: DocumentRecord, mentions: list[Mention], year: int | None) -> dict[tuple[str, str | None, bool], TitleHolder]:
    """(title, 'of' country name, abbreviated) -> holder, for the titles this document prints alone; titles no source
    settles are left out. An abbreviated title ("PriMin") is the holder of the heading post's country only."""
    a = authorities()
    wanted = {(title, of, abbreviated) for _, title, of, abbreviated in _printed_titles(record, mentions)}
    if not wanted:
        return {}
    out: dict[tuple[str, str | None, bool], TitleHolder] = {}
    named = _countries(record, mentions)
    host = _countries(record, [m for m in mentions if m.end <= len(record.heading or "")])
    people = a.volume_people(record.volume.id)
    persons = {m.entity: m.start for m in sorted([*mentions, *record.mentions], key=lambda m: -m.start)
               if m.kind == "person" and m.entity}
    for title, of, abbreviated in wanted:
        holder = _honorific(record, title, named, host, year, people, persons) if title in _HONORIFIC_TITLES else \
            _holder(record, title, of, host if abbreviated else named, year, people)
        if holder:
            out[(title, of, abbreviated)] = holder
    return out


def holder_of_title(record: DocumentRecord, title: str, year: int | None, of: str | None = None) -> TitleHolder | None:
    """The holder of a title printed alone ("Secretary", "Shah"), or of a country's (`of`: "British"), by the same
    sources as `title_holders`, for a title printed otherwise than TITLE_ONLY reads it ("The Sec. said…" in a telephone
    memorandum, "The British Prime Minister" among the participants)."""
    return _holder(record, title, of, _countries(record, record.mentions), year,
                   authorities().volume_people(record.volume.id))


def heading_names_secretary(record: DocumentRecord) -> bool:
    """The heading names "the Secretary of State" as a party without his name (Dulles's telephone memoranda)."""
    return bool(record.date and _UNNAMED_SECRETARY.search(record.heading or ""))


def united_states_holder(record: DocumentRecord, title: str, why: str) -> TitleHolder | None:
    """The U.S. holder of a title on the document's date (POCOM), where the caller's context (`why`) settles that the
    title is the American one ("letter below from the President to President Marcos" in the Department's telegram)."""
    return _from_pocom(record, title, why=why) if record.date and title in _POCOM else None


def president_by_convention(record: DocumentRecord, title: str = "President") -> bool:
    """The editors' convention makes this document's "the President" (or "the Vice President") the U.S. holder,
    whatever other presidents it names (`_unqualified_president`, `_us_vice_president`)."""
    convention = _unqualified_president if title == "President" else _us_vice_president
    return bool(record.date) and convention(record) is not None


def _printed_titles(record: DocumentRecord, mentions: list[Mention]):
    """(match, title key, 'of' country name, abbreviated) for each title printed alone: in title case, in a dated
    telegram's capitals where no name follows it ("THE SHAH SAID", not "THE PRIME MINISTER BHUTTO"), and abbreviated
    where neither a name follows nor a country or another title word stands before it ("ROK PRIMIN KIM")."""
    names = {m.start for m in mentions if m.kind == "person"}
    for m in TITLE_ONLY.finditer(record.text):
        yield m, _title_key(m.group("title")), m.group("of"), False
    if not record.date:
        return
    for m in (*_TITLE_IN_CAPITALS.finditer(record.text), *_BARE_MONARCH_IN_CAPITALS.finditer(record.text)):
        capitals = not re.search(r"[a-z]", record.text[max(0, m.start() - 40):m.start()]) or not re.search(r"[a-z]", record.text[m.end():m.end() + 40])
        if capitals and not _name_follows(record.text, m.end(), names):
            yield m, _title_key(m.group("title")), m.group("of").title() if m.group("of") else None, False
    for m in _HIS_IMPERIAL_MAJESTY.finditer(record.text):
        yield m, "HIM", None, False
    for m in _HONORIFIC.finditer(record.text):
        yield m, re.sub(r"\s+", " ", m.group("title")).title(), None, False
    for m in _OFFICE_OF.finditer(record.text):
        if not _name_follows(record.text, m.end(), names):
            yield m, _title_key(m.group("title")), m.group("of"), False
    for m in _ABBREVIATED_TITLE.finditer(record.text):
        if not _name_follows(record.text, m.end(), names) and not _QUALIFIED.search(record.text, max(0, m.start() - 20), m.start()) \
                and not _NAME_THEN_VERB.match(record.text, m.end()):
            yield m, _title_key(m.group("title")), None, True


def _name_follows(text: str, end: int, names: set[int]) -> bool:
    after = re.match(r"\s+", text[end:end + 5])
    return end + (after.end() if after else 0) in names


def _title_key(printed: str) -> str:
    """'Prime  Minister' -> 'Prime Minister'; 'Secretary General', 'Secretary–General' -> 'Secretary-General';
    'PRIME MINISTER' and 'PriMin' -> 'Prime Minister'."""
    key = _ABBREVIATIONS.get(printed.lower()) or re.sub(r"\s+", " ", printed)
    if key.isupper():
        key = key.title()
    return "Secretary-General" if key.startswith("Secretary") and key.endswith("General") else key


def _holder(record: DocumentRecord, title: str, of: str | None, named: set[str], year: int | None,
            people: dict[str, str]) -> TitleHolder | None:
    if record.date is None and record.narrated:
        return _narrated_holder(record, title, of, named, people)
    return _dated_holder(record, title, of, named, year, people)


def _narrated_holder(record: DocumentRecord, title: str, of: str | None, named: set[str],
                     people: dict[str, str]) -> TitleHolder | None:
    """An undated editorial note's title is its holder where the same person held it at both ends of the time
    the note tells (frus1977-80v01 d114: "the President arrived in Cairo" is Carter)."""
    lo, hi = record.narrated
    ends = [_dated_holder(replace(record, date=d), title, of, named, int(d[:4]), people) for d in (lo, hi)]
    if not all(ends) or ends[0].entity != ends[1].entity:
        return None
    why = (f"the editorial note is undated; the editors placed it between documents of {lo} and {hi}, and the same "
           f"person held the title at both dates: {ends[0].explanation}")
    return replace(ends[0], explanation=why)


def _dated_holder(record: DocumentRecord, title: str, of: str | None, named: set[str], year: int | None,
                  people: dict[str, str]) -> TitleHolder | None:
    if title == "HIM":
        return _majesty(record, named, year, people)
    if title == "President" and of is None and record.is_editorial_note and record.date and _tells_of_a_foreign_president(record):
        return None
    if title == "Secretary-General":
        found = spelled_out_holder(record.text, record.date) if of is None else None
        return TitleHolder(found[0], iris.person_iri(found[0]), authorities().person(found[0]).name, found[1]) \
            if found else None
    holder = _from_heading(record, title) if of is None else None
    if holder is None and of is None and title == "President" and record.date and (why := _unqualified_president(record)):
        holder = _from_pocom(record, title, why=why)
    if holder is None and of is None and title == "Vice President" and record.date and (why := _us_vice_president(record)):
        holder = _from_pocom(record, title, why=why)
    if holder is None and of is None and title == "Secretary" and record.date and (why := _participant_secretary(record)):
        holder = _from_pocom(record, title, heading=True, why=why)
    if holder is None:
        found = _from_persons_list(record, title, of, named, year, people)
        if of is None and title in _POCOM and record.date:
            found = [h for h in found if not _host_of_the_post_only(named, h) and _in_play_at_home(record, title, h)]
            found += [h for h in [_from_pocom(record, title)] if h]
        if not found and title in _MONARCHS:
            found = _from_authority_records(record, title, of, named, year)
        if not found and title == "Generalissimo" and of is None:
            found = _generalissimo(record, year, people)
        if len({h.entity for h in found}) > 1 and of is None:
            found = _of_the_meeting(record, found)
        if len({h.entity for h in found}) == 1:
            holder = found[-1]
    return holder


def _majesty(record: DocumentRecord, named: set[str], year: int | None, people: dict[str, str]) -> TitleHolder | None:
    """"HIM" is the Shah in a document that names Iran and not Ethiopia, the Emperor in one that names Ethiopia and not
    Iran; his holder by the sources of any monarch's title."""
    titles = {title for country, title in _MAJESTIES.items() if country in named}
    if len(titles) != 1:
        return None
    title, = titles
    holder = _holder(record, title, None, named, year, people)
    if holder is None:
        return None
    country = next(c for c, t in _MAJESTIES.items() if t == title)
    return TitleHolder(holder.pid, holder.entity, holder.label,
                       f"'HIM' (His Imperial Majesty) in a document that names {authorities().territories[country].name}: "
                       + holder.explanation)


def _honorific(record: DocumentRecord, honorific: str, named: set[str], host: set[str], year: int | None,
               people: dict[str, str], persons: dict[str, int]) -> TitleHolder | None:
    """"His Majesty" is the one monarch (King, Shah or Emperor; "Her Majesty": Queen) the sources of a monarch's title
    settle in this document. Where several are in play (the Kings of Saudi Arabia, Iraq and Jordan), the one of the
    heading's country (the Embassy in Morocco's telegram), else the one the document names by name, else the one its
    opening (a participants list) names; otherwise no one."""
    found: dict[str, TitleHolder] = {}
    for title in _HONORIFIC_TITLES[honorific]:
        if title not in _REALM or _REALM[title] & named:
            for h in _from_persons_list(record, title, None, named, year, people) \
                    or _from_authority_records(record, title, None, named, year):
                found.setdefault(h.entity, h)
    why = "the one monarch in play"
    if len(found) > 1:
        opening = (record.body_start or 0) + 800
        for narrower, reason in (({e for e, h in found.items() if h.country in host}, "the monarch of the heading's country"),
                                 ({e for e in found if e in persons}, "the one monarch in play the document names"),
                                 ({e for e in found if persons.get(e, opening) < opening}, "the monarch its opening names")):
            if len(narrower) == 1:
                found, why = {e: found[e] for e in narrower}, reason
                break
    if len(found) != 1:
        return None
    h, = found.values()
    return TitleHolder(h.pid, h.entity, h.label, f"'{honorific}', {why}: " + h.explanation)


def _from_heading(record: DocumentRecord, title: str) -> TitleHolder | None:
    pattern = _HEADING_OFFICE.get(title)
    hits = {p.entity: p for p in record.parties if p.entity and p.office and pattern and pattern.match(p.office)}
    if not hits and title == "Secretary" and heading_names_secretary(record):
        return _from_pocom(record, title, heading=True)
    if len(hits) != 1:
        return None
    (entity, party), = hits.items()
    pid = entity[len(iris.person_iri("")):] if entity.startswith(iris.person_iri("")) else None
    return TitleHolder(pid, entity, party.label or party.name,
                       f"'the {title}': the heading names {party.label or party.name} as {party.office}")


def _from_persons_list(record: DocumentRecord, title: str, of: str | None, named: set[str], year: int | None,
                       people: dict[str, str]) -> list[TitleHolder]:
    """Every persons-list entry described with the title (alone or after a demonym: 'Israeli Prime Minister', never
    'Vice President' or 'Foreign Secretary') of a country the document names, in office at its date."""
    a = authorities()
    out = []
    month = _month_of(record.date)
    for e in record.volume.persons:
        desc = e.description
        country = _state_then(nationality(desc), named, year)
        k = _office_clause(desc, title, of) if of is not None else None
        if k is not None:
            if not _in_office(desc, title, year, k, month):
                continue
        else:
            printed = "|".join(re.escape(t) for t in _SAME_OFFICE.get(title, (title,)))
            if not any(_holds_in_clause(desc, hit, title, year, month) for hit in re.finditer(
                    rf"(?:(?:^|[,;(]\s*)(?:(?:also|and|thereafter,?|then)\s+)?|\b(?P<adj>[A-Z][a-z]+)\s+)(?:{printed})\b(?![-–]|\s+General\b)", desc)) \
                    or (title == "Secretary" and country not in (None, "united-states")):
                continue
            if country is None and title in _US_ONLY:
                country = "united-states"
            if of is not None and not (country and country in _gsh_of(of, record, year)):
                continue
            if of is None and country not in named and not (title in ("Shah", "Emperor") and country is not None) \
                    and not (title not in _POCOM and _names_the_post(desc, title, record)):
                continue
        pid = people.get(e.xml_id)
        entity = iris.person_iri(pid) if pid else iris.volume_person_iri(record.volume.id, e.xml_id)
        label = a.person(pid).name if pid else e.name
        where = f"of {of}" if k is not None else f"of {a.territories[country].name if country in a.territories else country}"
        out.append(TitleHolder(pid, entity, label, f"'the {title}': the volume's persons list describes {e.name} "
                                                   f"({e.xml_id}) as {title} {where} at the document's date "
                                                   f"(\"{desc[:90]}\"), and no other holder is in play", country, e.name))
    return out


def _names_the_post(desc: str, title: str, record: DocumentRecord) -> bool:
    """Session 56: the description names the country of the post the heading sends from or to, where the document
    names that country only ambiguously: "the Chancellor" of "Telegram From the Ambassador in Germany (Conant)" of
    1956, whose "Germany" and "German" are left unlinked, is Adenauer, "Chancellor of the Federal Republic of
    Germany" (frus1955-57v04 d197). In the clause that prints the title: Kim Il Sung, "Premier … of the DPRK …; and
    General Secretary of the Central Committee of the Workers’ Party of Korea", is not the Embassy in Korea's."""
    places = _post_places(record.heading or "")
    printed = _SAME_OFFICE.get(title, (title,))
    return any(describes_country(clause, place) for clause in desc.split(";") if any(p in clause for p in printed)
               for place in places)


def describes_country(description: str, place: str) -> bool:
    """Whether a description names the country, and never as another state of its name: "Minh" in Saigon is not Ho
    Chi Minh, "President of the Democratic Republic of Vietnam; … Workers' Party of Vietnam"; "the Prime Minister" of
    the Embassy in Korea is not North Korea's Premier."""
    hits = list(re.finditer(rf"(?<![\w’'-]){re.escape(place)}(?![\w’'-])", description))
    return bool(hits) and not any(_QUALIFIED_STATE.search(description, 0, h.start()) for h in hits)


_QUALIFIED_STATE = re.compile(r"\b(?:Democratic|People['’]s|North|South|East|West)\s+(?:[A-Z]\w+\s+)?(?:Republic\s+of\s+(?:the\s+)?)?\Z")


_POST_IN_HEADING = re.compile(r"\b(?:Embassy|Legation|Mission|Consulate|Ambassador|Chargé|Charge|Minister|Consul|High\s+"
                              r"Commissioner)(?:\s+General)?\s+(?:in|at|to)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")


def _post_places(heading: str) -> set[str]:
    return {m.group(1) for m in _POST_IN_HEADING.finditer(heading)}


def _state_then(country: str | None, named: set[str], year: int | None) -> str | None:
    """Session 52: a description's country that was not in being at the document's date stands for the one state
    that preceded or succeeded it (hsg-gsh's successions, followed one way) that was and that the document names: "Korean Foreign Minister" (Korea
    of 1945-1948) in a 1965 memorandum that names South Korea and not North Korea is South Korea's, "German" (of
    1918-1933) in one of 1962 naming West Germany West Germany's."""
    a = authorities()
    t = a.territories.get(country) if country else None
    if t is None or year is None or country in named or t.valid_in(year):
        return country
    later = year > t.until
    kin, frontier = {country}, [country]
    while frontier:
        k = frontier.pop()
        for r in a.territories[k].successors if later else _predecessors().get(k, ()):
            if r in a.territories and r not in kin:
                kin.add(r)
                frontier.append(r)
    then = {k for k in kin & named if a.territories[k].valid_in(year)}
    return then.pop() if len(then) == 1 else country


@lru_cache(maxsize=1)
def _predecessors() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for t in authorities().territories.values():
        for k in t.successors:
            out.setdefault(k, []).append(t.id)
    return {k: tuple(v) for k, v in out.items()}


# Session 52: the office as persons lists print it, where the documents print it otherwise: "Popović, Koca, Yugoslav
# Secretary of State for Foreign Affairs" is the Embassy's "Foreign Secretary"; "Ch’en Ch’eng, … President of Executive
# Yuan (Premier)" its "Premier"; an American's description names no country ("Katzenbach, Attorney General…").
_SAME_OFFICE = {"Prime Minister": ("Prime Minister", "Premier"), "Premier": ("Premier", "Prime Minister"),
                "Foreign Minister": ("Foreign Minister", "Minister of Foreign Affairs", "Minister for Foreign Affairs"),
                "Foreign Secretary": ("Foreign Secretary", "Secretary of State for Foreign Affairs",
                                      "Secretary for Foreign Affairs")}
_US_ONLY = frozenset({"Attorney General"})
_POSSESSIVE_AFTER = re.compile(r"(?:\s+of\s+[A-Z][\w-]*)?['’]s?\b")


def _of_no_country(desc: str, end: int, title: str) -> bool:
    """Whether the title goes on with "of" something that is no country: "thereafter Chancellor of the Exchequer"
    (Selwyn Lloyd) is no Chancellor, "President of the Council of Ministers" no President."""
    of = re.match(r"\s+of\s+(?:the\s+)?(?P<words>(?:[A-Z][\w’'.-]*[^\S\n]*){1,4})[^;,]*", desc[end:])
    if of is None or (title == "Secretary" and of.group("words").startswith("State")):
        return False
    if re.match(r"(?:Revolutionary|Provisional|Rebel|Exile)\b", of.group("words")):
        return True        # session 52: "Prime Minister of the Revolutionary Government of the Republic of Indonesia"
    return nationality(of.group(0), demonyms=False) is None


def _holds_in_clause(desc: str, hit: re.Match, title: str, year: int | None, month: int | None) -> bool:
    """Whether this printing of the title in a description is the entry's own office at the date. Session 50: every
    clause that prints it counts, not the first only ("Deputy Italian Prime Minister…, July 1958–January 1959; Prime
    Minister, February 1959–February 1960": Segni in October 1959); a deputy's is not the office."""
    if hit.group("adj") and (not _country_word(hit.group("adj")) or re.search(r"\b(?:Deputy|Vice|Acting|First|former|Former)\s+$",
                                                                            desc[:hit.start()])):
        return False       # session 52: "former Indonesian Prime Minister" (Hatta, 1958) is not the Prime Minister
    if _ANOTHERS_OFFICE.match(desc, hit.end()) or _POSSESSIVE_AFTER.match(desc, hit.end()) \
            or _of_no_country(desc, hit.end(), title):
        return False       # "Director General of the Israeli Prime Minister’s Office" (Kollek) is no Prime Minister
    k = desc[:hit.end()].count(";")
    clauses = desc.split(";")
    return _in_office(desc, title, year, k, month) or any(
        _in_office(desc, title, year, j, month) for j in range(k + 1, len(clauses)) if _dates_only(clauses[k + 1:j + 1]))


_MONTH_NAME = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b\.?")
_DATE_WORDS = re.compile(r"\b(?:and|again|also|from|until|to|since|through|\d+)\b|[-–,.()\s]")


def _country_word(word: str) -> bool:
    """A demonym ("Italian") or, session 52, a country's name in a demonym's place ("Republic of Korea Foreign
    Minister")."""
    return nationality(word) is not None or any(e.kind == "country" and e.key != "-" for e in gazetteer().get(word, ()))


def _dates_only(clauses: list[str]) -> bool:
    """Session 52: clauses that print dates and nothing else go on with the office before them: "Republic of Korea
    Foreign Minister until May 1964; and July 1964–December 1966" (Lee Tong-won, frus1964-68v29p1), "Italian Foreign
    Minister, March 5, 1965-December 29, 1965; and February 23, 1966-June 5, 1968" (Fanfani)."""
    return all(re.search(r"\d{4}", c) and not _DATE_WORDS.sub("", _MONTH_NAME.sub("", c)) for c in clauses)


def _of_the_meeting(record: DocumentRecord, found: list[TitleHolder]) -> list[TitleHolder]:
    """Session 49: of several holders, those of the country the heading or the subject line names ("McGhee Meeting
    with Greek Prime Minister" in Athens, which also names Macmillan and Menderes: frus1958-60v10p2 d255, 50 claims had
    gone to a node named "Prime Minister"); all of them where it names none of theirs, or several, or where the U.S.
    holder is among them."""
    if any(h.country is None for h in found):
        return found        # the U.S. holder (POCOM) is in play: a subject line about France does not make Joxe "the Secretary"
    words = re.findall(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?", f"{record.heading or ''}\n{record.subject or ''}")
    named = {e.key for w in words for part in {w, w.split()[0]} for e in gazetteer().get(part, ()) if e.kind == "country"}
    mine = [h for h in found if h.country in named]
    if len({h.entity for h in mine}) != 1:
        return _named_in_head(record, found)
    return [replace(h, explanation=h.explanation.replace("no other holder is in play", "of the holders in play the one of "
                                                           "the country its heading or subject line names")) for h in mine]


def _named_in_head(record: DocumentRecord, found: list[TitleHolder]) -> list[TitleHolder]:
    """Session 50: of several foreign holders, the one whose surname the document's head prints before its body
    ("SEGNI VISIT" above the subject line, frus1958-60v07p2 d256, beside Debré, whom the talk names); all of them where
    it prints none of theirs, or several."""
    head = document_head(record).lower()
    mine = [h for h in found if (surname := split_name(h.label).surname.lower())
            and re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", head)]
    if len({h.entity for h in mine}) != 1:
        return found
    return [replace(h, explanation=h.explanation.replace("no other holder is in play", "of the holders in play the one "
                                                           "the document's head names")) for h in mine]


def document_head(record: DocumentRecord) -> str:
    """The document's text before its first line of narration (80 characters or more): heading, date, the labels of a
    conference, subject and participants."""
    narration = re.compile(r"(?m)^[^\n]{80,}$")
    first = narration.search(record.text, record.body_start or 0)
    return record.text[:first.start() if first else len(record.text)]


def _month_of(date: str | None) -> int | None:
    """The month of an ISO date ("1964-12-08" -> 12), where it has one."""
    return int(date[5:7]) if date and len(date) >= 7 and date[5:7].isdigit() else None


def _office_clause(desc: str, title: str, of: str) -> int | None:
    """Session 35: the clause of a description that opens with the office ("Secretary of the Treasury from May 8, 1974",
    "thereafter Under Secretary of State"), not one that goes on ("…of State for Economic Affairs": "Canadian Secretary of
    State for External Affairs" is no Secretary of State) nor another's ("Deputy Secretary of the Treasury")."""
    office = re.compile(rf"(?:^|[,;])\s*(?:thereafter,?\s+)?{re.escape(title)}\s+of\s+(?:the\s+)?{re.escape(of)}"
                        rf"(?!\s+for\b)(?![\w-])")
    m = office.search(desc)
    if m is None or _ANOTHERS_OFFICE.match(desc, m.end()):
        return None      # "Secretary of State Dulles’ Personal Assistant" (Bernau)
    return desc[:m.start() + 1].count(";")


# Session 49: a foreign "Secretary" ("British Secretary of State for Foreign Affairs", "Canadian Secretary of State for
# External Affairs", "British Secretary of the Cabinet") is printed "the Foreign Secretary", "Pearson", "Trend"; a bare "the
# Secretary" in FRUS is a U.S. Secretary (frus1958-60v08 d157, a Secto telegram from London: 51 claims had gone to a node
# named "Secretary", Lloyd and Dulles both in play).
_MONARCHS = frozenset({"Shah", "King", "Queen", "Emperor"})
_REIGN = re.compile(r"(?:The\s+)?(?P<title>Shah|King|Queen|Emperor)(?:[- ]in[- ][Ss]hah)?\s+of\s+")


@lru_cache(maxsize=1)
def _reigns() -> dict[str, list[tuple[str, str, int, int, tuple[tuple[str, int, int], ...]]]]:
    """title -> (person id, country, first year, last year, offices) from the offices of the authority records that open
    with a monarch's title and its country ("King of Jordan from 1953", "Shah of Iran until February 11, 1979"): the
    years span the volumes that describe him so, and the offices keep the dates they print."""
    a = authorities()
    spans: dict[tuple[str, str, str], tuple[int, int, tuple[tuple[str, int, int], ...]]] = {}
    for pid, person in a.people.items():
        for text, first, last in person.offices or ():
            m = _REIGN.match(text)
            country = nationality(text.rstrip(" .,;")) if m else None
            if country is None:
                continue
            key = (m.group("title"), a.canonical(pid), country)
            f, l, texts = spans.get(key, (first, last, ()))
            spans[key] = (min(f, first), max(l, last), texts + ((text, first, last),))
    out: dict[str, list[tuple[str, str, int, int, tuple[tuple[str, int, int], ...]]]] = {}
    for (title, pid, country), (first, last, texts) in sorted(spans.items()):
        out.setdefault(title, []).append((pid, country, first, last, texts))
    return out


def _from_authority_records(record: DocumentRecord, title: str, of: str | None, named: set[str],
                            year: int | None) -> list[TitleHolder]:
    """Session 31: a monarch's title where no persons list describes it (a volume without one, a single document, plain
    text): the holder by the Office of the Historian's records, of a country the document names ("the King" in a
    document naming Jordan in 1970 is Hussein; "the Shah" needs no country: Iran's is the one of the period), where
    the volumes describing him so span the document's year and none of their dates excludes it ("King of Libya until
    September 1969")."""
    if year is None:
        return []
    countries = _gsh_of(of, record, year) if of is not None else named
    a = authorities()
    out = []
    for pid, country, first, last, texts in _reigns().get(title, ()):
        if not first <= year <= last or not all(dates_allow(t, year, spans=False) for t, _, _ in texts):
            # spans left to the volumes' years: the record of Mohammad Reza Pahlavi quotes his father's "1925–1941"
            continue
        if country not in countries and not (title == "Shah" and of is None):
            continue
        where = a.territories[country].name if country in a.territories else country
        quoted = next((t for t, f, l in texts if f <= year <= l), texts[-1][0])
        out.append(TitleHolder(pid, iris.person_iri(pid), a.person(pid).name,
                               f"'the {title}': the Office of the Historian's record of {a.person(pid).name} (hsg-people "
                               f"{pid}) describes him as \"{quoted[:80]}\" in volumes of {first}–{last}, with no date "
                               f"that excludes the document's year" + (f", and the document names {where}"
                                                                         if title != "Shah" or of is not None else ""),
                               country))
    return out


def _generalissimo(record: DocumentRecord, year: int | None, people: dict[str, str]) -> list[TitleHolder]:
    """"The Generalissimo", "Gimo": the one person of the volume's persons list whom a FRUS persons list names or
    describes with that rank as his own ("Chiang Kai-shek, Generalissimo"), alive at the date. frus1964-68v30 lists
    Chiang only as "President of the Republic of China", and prints "Gimo" 204 times."""
    a = authorities()
    out = []
    for pid in sorted(set(people.values())):
        p = a.person(pid)
        own = next((v for v in p.variants or () if _GENERALISSIMO_IN_NAME.search(v)), None) or next(
            (t for t, _, _ in p.offices or () if t.startswith("Generalissimo")), None)
        if own is None or (year is not None and p.alive_in(year) is False):
            continue
        out.append(TitleHolder(pid, iris.person_iri(pid), p.name,
                               f"'the Generalissimo': {p.name} (hsg-people {pid}), the one person of the volume's "
                               f"persons list whom a FRUS persons list gives that rank (\"{own[:80]}\")"))
    return out


_GENERALISSIMO_IN_NAME = re.compile(r",\s+(?:\w+\s+)*Generalissimo\b")


def _gsh_of(name: str, record: DocumentRecord, year: int | None) -> set[str]:
    from .gazetteer import gazetteer
    from .places import choose
    entries = gazetteer().get(name)
    if not entries:
        return set()
    ch = choose(name, entries, name, 0, len(name), year, record.date)
    return {ch.entry.key} if ch and ch.entry else set()


def _unqualified_president(record: DocumentRecord) -> str | None:
    """Why "the President" of this document is the President of the United States, by the editors' convention: their
    headings, subject lines and participants lists name a foreign president with his name or country ("President
    Chamoun") and the President of the United States as "the President" alone ("Memorandum of a Conference With the
    President", "The President" among the participants); he also chairs the National Security Council and the
    Cabinet. Other presidents named in the text do not unsettle it (frus1958-60v11 d397: 45 claims had gone to a
    node of the document)."""
    if _BARE_PRESIDENT.search(record.heading or ""):
        return "the heading names 'the President' with no name or country, as FRUS headings name the President of the United States"
    if _BARE_PRESIDENT.search(record.subject or ""):
        return "the subject line names 'the President' with no name or country, as FRUS headings name the President of the United States"
    if _CHAIRED.search(record.heading or ""):
        return "a meeting of the National Security Council or the Cabinet, which the President of the United States chairs"
    if _PARTICIPANT_PRESIDENT.search(record.text, 0, (record.body_start or 0) + 3000):
        return "a participant is printed 'The President', as FRUS participants lists name the President of the United States"
    return _named_participant_president(record) or _heading_names_us_president(record) or \
        _to_a_post_without_president(record) or _departments_circular(record) or _editorial_note_president(record)


def _editorial_note_president(record: DocumentRecord) -> str | None:
    """Session 53: FRUS's editors name a foreign president with his name or country and the President of the United
    States "the President" (frus1969-76v03 d203: "the Azores Summit with President Pompidou… the President returned to
    the question of convertibility")."""
    if not record.is_editorial_note or not record.date or _tells_of_a_foreign_president(record):
        return None
    return "an editorial note: FRUS's editors name a foreign president with his name or country and the President of the United States 'the President'"


def _tells_of_a_foreign_president(record: DocumentRecord) -> bool:
    """An editorial note that tells of a foreign president it names ("President Pak announced… The President reportedly
    called the meeting", frus1964-68v29p1 d143) and never names the President of the United States (by the editors'
    tags or the names the entity layer links: not "Johnson Library"); presidents named inside the speeches it quotes
    do not count; the presidents of any country the volume's persons list describes count, as the note may not name
    the country. Its "the President" stays untied."""
    held = [p.hsg for p in authorities().holders(_POCOM["President"], record.date[:10]) if p.hsg]
    if len(held) != 1 or any(m.entity == iris.person_iri(held[0]) and m.method != "office-and-date" for m in record.mentions):
        return False
    listed = _from_persons_list(record, "President", None, set(authorities().territories), int(record.date[:4]),
                                authorities().volume_people(record.volume.id))
    return any(_prints_president(record, h) for h in listed if h.pid != held[0])


def _prints_president(record: DocumentRecord, holder: TitleHolder) -> bool:
    """The text prints "President <any name the persons list gives him>" ("President Pak", listed as "Pak Chong-hui
    (Pak Chung-hui, Park Chung Hee…)"), outside the speeches it quotes and with no country before it."""
    names = {split_name(holder.label).surname, *re.findall(r"\b[A-Z][\w’'-]{2,}", holder.printed)} - {""}
    if not names:
        return False
    printed = re.compile(rf"\bPresident\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}(?:{'|'.join(map(re.escape, sorted(names)))})\b")
    return any(not _QUALIFIED_BEFORE.search(record.text, max(0, m.start() - 30), m.start()) and not _quoted(record.text, m.start())
               for m in printed.finditer(record.text))


def _quoted(text: str, at: int) -> bool:
    """Inside a quotation: its paragraph opens more quotation marks than it closes before `at` (FRUS opens every
    paragraph of a long quotation, and closes only the last)."""
    before = text[text.rfind("\n\n", 0, at) + 1:at]
    return before.count("“") > before.count("”")


def _heading_names_us_president(record: DocumentRecord) -> str | None:
    """Session 50: "Memorandum of Conference With President Eisenhower" (frus1958-60v09 d136, April 1960, with General de
    Gaulle, by then President of France): a heading that names the President of the United States on the date by his
    title and name, and no other President, makes him the record's "the President"; session 51: also in the possessive,
    "Notes on President Johnson's Meeting With Congressional Leaders" (frus1964-68v20 d248), whose name had been read as
    "Johnson's Meeting With"."""
    printed = re.findall(r"\bPresident\s+((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]+)", record.heading or "")
    if len(printed) != 1 or not record.date:
        return None
    held = {p.hsg for p in authorities().holders(_POCOM["President"], record.date[:10]) if p.hsg}
    if len(held) != 1 or norm(printed[0].split()[-1]) not in norm(authorities().person(held.pop()).name).split():
        return None
    return f"the heading names the President of the United States, '{'President ' + printed[0]}', and no other President"


def _to_a_post_without_president(record: DocumentRecord) -> str | None:
    """Session 50: "President desires Canton accompany you…" in the Department's telegram to the Embassy in Morocco
    (frus1961-63v21 d154, which names President Ben Bella of Algeria): the Department's "President" is the President
    of the United States where the country of the post it writes to, or that writes to it, has no President at the
    date (the volume's persons list; the Embassy in Thailand's telegram that names President Chiang Kai-shek), and the
    text prints no foreign "President of …". Not a republic's post: to the Embassy in Lebanon it is Chamoun's as often
    as Eisenhower's."""
    m = _DEPARTMENT_TO_POST.search(record.heading or "") or _POST_TO_DEPARTMENT.search(record.heading or "")
    if m is None or not record.date or _FOREIGN_PRESIDENCY.search(record.text):
        return None     # "The President of Israel spoke; later the President agreed" (Embassy in Iran): his
    host = {e.key for e in gazetteer().get(m.group("country"), ()) if e.kind == "country"}
    year = int(record.date[:4])
    if len(host) != 1 or _from_persons_list(record, "President", None, host, year, authorities().volume_people(record.volume.id)):
        return None
    country = authorities().territories[next(iter(host))].name if next(iter(host)) in authorities().territories else m.group("country")
    return (f"the telegram between the Department and its post in {country}, which had no President at the date (the "
            f"volume's persons list), names the President of the United States 'President' alone")


def _departments_circular(record: DocumentRecord) -> str | None:
    """Session 51: "President plans make following points re Cuban problem…" in the Department's circular telegram to
    posts in the American Republics (frus1961-63v12 d161: 13 claims had gone to a node named "President"): a circular
    goes to many countries, so its "President" is none of theirs but the President of the United States, where the
    text prints no foreign "President of …" nor a President by name."""
    if not _CIRCULAR.search(record.heading or "") or _FOREIGN_PRESIDENCY.search(record.text) \
            or _NAMED_PRESIDENT.search(record.text, record.body_start or 0):
        return None
    return "the Department's circular telegram, sent to many posts, names the President of the United States 'President' alone"


_CIRCULAR = re.compile(r"\bCircular\s+(?:Telegram|Airgram|Instruction)\s+From\s+the\s+Department\s+of\s+State\b")
_NAMED_PRESIDENT = re.compile(r"\bPresident\s+(?!of\b)[A-Z][a-z]")


def _named_participant_president(record: DocumentRecord) -> str | None:
    """Session 26: the one participant printed with the title President is the President of the United States on the
    date ("President Nixon" above "The President: We have a subject…", frus1969-76v38p1 d33: 46 claims had gone to a
    node of the document)."""
    lines = _PARTICIPANT_NAMED_PRESIDENT.findall(record.text, 0, (record.body_start or 0) + 3000)
    if len(lines) != 1 or not record.date:
        return None
    held = {p.hsg for p in authorities().holders(_POCOM["President"], record.date[:10]) if p.hsg}
    if len(held) != 1:
        return None
    if norm(lines[0].split()[-1]) not in norm(authorities().person(held.pop()).name).split():
        return None
    return f"the one participant printed with the title, '{lines[0].strip()}', is the President of the United States"


def _us_vice_president(record: DocumentRecord) -> str | None:
    """Session 26: "the Vice President" of a meeting of the National Security Council or the Cabinet, of which the Vice
    President of the United States is a member, or of a participants list that prints him "The Vice President"
    (frus1977-80v01 d94: Mondale's 28 turns went to a node of the document, Egypt's Vice President being listed)."""
    if _CHAIRED.search(record.heading or ""):
        return "a meeting of the National Security Council or the Cabinet, of which the Vice President of the United States is a member"
    if _PARTICIPANT_VICE_PRESIDENT.search(record.text, 0, (record.body_start or 0) + 3000):
        return "a participant is printed 'The Vice President', as FRUS participants lists name the Vice President of the United States"
    return None


def _participant_secretary(record: DocumentRecord) -> str | None:
    """A participant printed "The Secretary" is the Secretary of State, as the Department's participants lists print
    him (frus1969-76v38p1 d23, November 1973: 127 claims went to a node of the document), unless the heading or the
    source note place the document in the Department of Defense, whose Secretary its own lists print so."""
    head = record.text[:(record.body_start or 0) + 3000]
    if not _PARTICIPANT_SECRETARY.search(head) or _in_defense(record):
        return None
    return "a participant is printed 'The Secretary', as the Department of State's participants lists name the Secretary of State"




def participant_line(title: str, of: str | None = None) -> re.Pattern:
    """A participants list's line that prints the office alone ("The President", "The Secretary of State,"), by the
    convention that names the U.S. holders so; session 51: also with a note in parentheses ("The President (Present as
    noted in text)", frus1964-68v20 d40, where the President's 22 claims had gone to a node named "President")."""
    of_part = rf"(?: of {of})?" if of else ""
    return re.compile(rf"(?m)^[ \t]*The {title}{of_part}[ \t]*[,.;]?[ \t]*(?:\([^()\n]*\)[ \t]*)?$")


_PARTICIPANT_SECRETARY = participant_line("Secretary")
_DEFENSE = re.compile(r"Department of Defense|Defense Department|Pentagon|\bOSD\b|\bRG 330\b|Office of the Secretary of Defense")


def _in_defense(record: DocumentRecord) -> bool:
    """The heading or the source note place the document in the Department of Defense (not a participant who is
    its Deputy Secretary: frus1964-68v12 d218, Rusk with Nitze)."""
    note = next((n for n in record.footnotes if n.is_source), None)
    return bool(_DEFENSE.search(record.heading or "") or (note and _DEFENSE.search(record.text, note.start, note.end)))


_DEPARTMENT_TO_POST = re.compile(r"\b(?:From\s+the\s+Department\s+of\s+State|^\W*(?:\d+\.\s+)?The\s+(?:Acting\s+)?Secretary\s+of\s+State)"
                                 r"\s+to\s+the\s+(?:Embassy|Legation)\s+in\s+(?:the\s+)?(?P<country>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_FOREIGN_PRESIDENCY = re.compile(r"\bPresident\s+of\s+(?!the\s+United\s+States\b)(?:the\s+)?[A-Z]")
_POST_TO_DEPARTMENT = re.compile(r"\bFrom\s+the\s+(?:Embassy|Legation)\s+in\s+(?:the\s+)?(?P<country>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
                                 r"\s+to\s+the\s+Department\s+of\s+State\b")
# session 50: "the President's Luncheon Meeting" (frus1964-68v29p1 d225) is the President; "the President's Special
# Assistant" is an office
_BARE_PRESIDENT = re.compile(r"\b(?:the|The)\s+President\b(?!['’]s\s+(?!(?:Luncheon|Lunch|Breakfast|Dinner|Meeting|Trip|"
                             r"Visit|Conversation|Talks?|Call|Telephone)\b)[A-Z]|\s+of\b|\s+[A-Z]|-)")
_CHAIRED = re.compile(r"\bMeeting of the National Security Council\b|\bNational Security Council Meeting\b|\bCabinet Meeting\b|"
                      r"\bMeeting of the Cabinet\b")
_PARTICIPANT_PRESIDENT = participant_line("President", "the United States")
_PARTICIPANT_VICE_PRESIDENT = participant_line("Vice President", "the United States")
_PARTICIPANT_NAMED_PRESIDENT = re.compile(r"(?m)^[ \t]*(President(?:[ \t]+[A-Z][\w.’'-]*){1,3})[ \t]*[,.;]?[ \t]*$")


def _from_pocom(record: DocumentRecord, title: str, heading: bool = False, why: str | None = None) -> TitleHolder | None:
    """The U.S. holder on the document's date (POCOM), unless another department's Secretary is in play (a heading
    that names "the Secretary of State" unnamed as a party settles it: `heading`; so does the convention `why` names),
    or the heading or source note place the document in the Department of Defense."""
    if title == "Secretary" and not heading and (_ANOTHER_SECRETARY.search(record.text) or _in_defense(record)):
        return None
    a = authorities()
    posts = [p for p in a.holders(_POCOM[title], record.date) if p.hsg]
    if len({p.hsg for p in posts}) != 1:
        return None
    pid = a.canonical(posts[0].hsg)
    why = why or ("the heading names the Secretary of State as a party" if heading else
                  "no foreign holder of the title is in play in this document")
    return TitleHolder(pid, iris.person_iri(pid), a.person(pid).name,
                       f"'the {title}': {a.person(pid).name} was {_POCOM[title]} on {record.date[:10]} (POCOM), and {why}")


# Session 52: not "…stressed seriousness to Secretary of Iran's interest in…" (the Department's telegram, frus1964-68v22
# d269: 16 claims had gone to a node named "Secretary").
_ANOTHER_SECRETARY = re.compile(r"\b(?:Secretary\s+of\s+(?!State\b)|SECRETARY\s+OF\s+(?!STATE\b))[A-Z][\w-]*\b(?![’']s\b)")
# The editors' terms lists gloss these as titles ("HIM, His Imperial Majesty"; session 46: "Secy, Secretary" in 8 volumes,
# 143 of the 627 "Secy" printed): a tagged one is read as its holder, as an untagged one is, and the tag is kept.
_GLOSSED_TITLES = frozenset({"HIM", "Secy", "SECY"})


def title_mentions(record: DocumentRecord, mentions: list[Mention], year: int | None, free) -> list[Mention]:
    """Mentions for the titles `title_holders` settles; `free(start, end)` says a span is not taken."""
    holders = title_holders(record, mentions, year)
    glossed = {(m.start, m.end): m for m in record.mentions if m.kind == "term" and m.tei_ref and record.text[m.start:m.end] in _GLOSSED_TITLES}
    out = []
    for m, title, of, abbreviated in _printed_titles(record, mentions):
        holder = holders.get((title, of, abbreviated))
        s, e = m.start("title"), m.end() if m.re is _OFFICE_OF else m.end("title")    # the whole office: "Secretary of the Army"
        tag = glossed.get((s, e))
        if any(o.start < e and s < o.end for o in out):
            continue
        if m.re is _OFFICE_OF and holder and free(s, m.end("title")) and not free(s, e):
            inner = [x for x in (*mentions, *record.mentions) if x.start < e and s < x.end]
            if all(x.kind == "organization" and s <= x.start and x.end <= e and x.method != "tei-markup" for x in inner):
                free = _everything_free      # "Secretary of the Treasury": the office, not the Department it names
        if holder and (free(s, e) or tag) and not _OFFICE_TO.search(record.text, max(0, m.start() - 40), m.start()):
            out.append(Mention(s, e, "person", "office-and-date", 0.8, holder.entity, holder.label,
                               explanation=(f"tagged by the FRUS editors ({tag.tei_ref}); " if tag else "")
                               + (f"'{record.text[s:e]}' abbreviates the title; " if abbreviated else "") + holder.explanation,
                               office="His Imperial Majesty" if title == "HIM" else title if title in _HONORIFIC_TITLES else
                               m.group(0).split(None, 1)[1] if m.re in (TITLE_ONLY, _OFFICE_OF) else title + (f" of {of}" if of else ""),
                               entity_links=links_of(holder.pid) if holder.pid else (), tei_ref=tag.tei_ref if tag else None))
    return out


_BARE_TITLE_TAG = frozenset({"King", "Queen", "Shah", "Emperor"})
_RANK_BEFORE = re.compile(r"\b(?:Col|Colonel|Gen|General|Maj|Major|Capt|Captain|Adm|Admiral|Mr|Mrs|Miss|Dr|Lt)\.?\s+$")


def retitle_namesake_tags(record: DocumentRecord, year: int | None) -> None:
    """Session 35: the editors of frus1964-68v16 tag the body's "King" (Constantine II) 133 times as Gordon D. King, an
    officer of the Department who drafted some of its telegrams: a tag of a bare monarch's title, in the body, pointing
    at someone of that surname, is the title's holder where one source settles him (the tag stays as `tei_ref`).

    Session 59: the same holds for the untagged mentions, which had read "King" as the listed Gordon D. King's surname
    (about 400 in that volume: "The King responded with thanks", "Queen Frederika is exploiting King's sense of
    honor"), with two guards of their own: after "the" the word is always the title, in the editors' notes too;
    without it, only in the body and where the namesake is not printed in full there (a participant "Gordon D.
    King" makes a bare "King" his)."""
    end = record.body_end if record.body_end is not None else len(record.text)
    for m in record.mentions:
        word = record.text[m.start:m.end]
        label = m.label or ""
        namesake = label.startswith(word + ",") or label.endswith(" " + word)      # "King, Gordon D.", "Gordon D. King"
        if m.kind != "person" or word not in _BARE_TITLE_TAG or not namesake or m.start < record.body_start \
                or _RANK_BEFORE.search(record.text, max(0, m.start - 12), m.start):
            continue          # "WH Division—Col. King" (frus1952-54Guat) is the colonel
        tagged = m.method == "tei-markup"
        article = _ARTICLE_BEFORE.search(record.text, max(0, m.start - 5), m.start) is not None
        if not (m.start < end or article) or not tagged and not article and _printed_in_full(record, m, end):
            continue          # the editors' notes: "the King" only ("Drafted by King and Moffitt" is the drafter)
        holder = holder_of_title(record, word, year)
        if holder is None or holder.entity == m.entity:
            continue
        m.explanation = (f"the FRUS editors tag it {m.tei_ref} ({m.label}), a namesake of the title; " if tagged else
                         f"'{word}' read as the title, not as the surname of {m.label}"
                         + (" (after 'the')" if article else ", whom the body does not name in full") + "; ") \
            + holder.explanation
        m.entity, m.label, m.office = holder.entity, holder.label, word
        m.entity_links = links_of(holder.pid) if holder.pid else ()


_ARTICLE_BEFORE = re.compile(r"\b(?:the|The|THE)\s+$")


def _printed_in_full(record: DocumentRecord, bare: Mention, end: int) -> bool:
    """Whether the body prints the bare mention's person by more than the one word (a participant "Gordon D. King")."""
    return any(m.entity == bare.entity and m is not bare and m.end - m.start > bare.end - bare.start
               and record.body_start <= m.start < end for m in record.mentions)


def _everything_free(start: int, end: int) -> bool:
    return True


def offices_inside(titles: list[Mention], found: list[Mention]) -> list[Mention]:
    """The organization mentions inside an office a title mention reads whole ("Treasury" of "the Secretary of the
    Treasury"), which that mention replaces."""
    spans = [(t.start, t.end) for t in titles if t.office and " of " in t.office and t.end - t.start > len(t.office.split()[0])]
    return [m for m in found if m.kind == "organization" and any(a <= m.start and m.end <= b for a, b in spans)]


def replaced_tags(record: DocumentRecord, titles: list[Mention]) -> list[Mention]:
    """The editors' term tags ("HIM" glossed as His Imperial Majesty) whose span a title mention now reads as a person."""
    spans = {(m.start, m.end) for m in titles if m.tei_ref}
    return [m for m in record.mentions if m.kind == "term" and (m.start, m.end) in spans]

