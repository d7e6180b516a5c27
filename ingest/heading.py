"""What a FRUS document heading and dateline say: genre, authors and recipients with offices, place, date.

Shared by the plain-text and TEI readers: FRUS prints the same heading in both
("54. Memorandum From the Deputy Secretary of State (Clark) and … to Secretary of State Haig").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DateRefused, check_day

__all__ = ["HeadingParty", "HeadingPost", "genre_of", "parties_of", "posts_of", "sender_range", "parse_dateline", "Dateline", "MONTHS"]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}

# Titles that, followed by a surname, name a person in a heading: "Secretary of State Haig".
_PERSON_TITLES = re.compile(
    r"^(?:the\s+)?(?P<office>(?:Acting\s+|Vice\s+|Deputy\s+|Under\s+|Assistant\s+|Special\s+|Prime\s+)*"
    r"(?:President(?:-[Ee]lect)?|Secretary(?:\s+of\s+(?:State|Defense|the\s+Treasury|Commerce|Agriculture|Labor|War|the\s+Navy|the\s+Army|the\s+Air\s+Force|Energy))?(?:-[Dd]esignate)?|"
    r"Ambassador(?:\s+to\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?|Minister|Chancellor|Senator|Representative|Governor|"
    r"Attorney\s+General|General|Admiral|Chairman(?:\s+of\s+the\s+Joint\s+Chiefs\s+of\s+Staff)?|Director(?:\s+(?:of|for)\s+Central\s+Intelligence)?|"
    r"King|Queen|Shah|Emperor|Premier|Foreign\s+Minister|Foreign\s+Secretary|Prime\s+Minister|Pope|Mayor|Counselor|Consul|Chargé))"
    r"\s+(?P<name>(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)$"
)
# A person named without an office: "Memorandum From Zbigniew Brzezinski to Jimmy Carter", "From William Odom of the
# National Security Council Staff"; words of organisations and groups are never part of such a name.
_PLAIN_NAME = re.compile(r"^(?:the\s+)?(?P<name>(?:(?:Mr|Mrs|Dr)\.\s+)?(?:[A-Z][a-z’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'-]+|(?:[A-Z]\.)+)){1,3}(?:,?\s+Jr\.)?)"
                         r"(?:\s+of\s+the\s+(?P<office>[A-Z].*))?$")
_NOT_NAME_WORDS = set("""Department Council Staff Committee Embassy Embassies Mission Office Bureau States Nations House Government
Delegation Group Agency Secretariat Board Commission Conference Ministry Leadership Chiefs Posts Meeting Nation Congress Senate
Consulate Legation Section Cabinet Party Central Joint National Soviet American British French Chinese Israeli Egyptian Iranian
All Diplomatic Consular Certain Members Representatives Republic Kingdom Union Administration Press Secretary Deputy Under
Assistant President President-Elect President-elect Vice Ambassador Director Chairman Minister Counselor Adviser Executive
Special Acting Chief Legal Senator Governor Prime Foreign Defense Attorney Representative Coordinator Attache Attaché Officer
Officers Consul Chargé Charge Agent Station Team Task Force Working Panel Division Desk Service Services Corps Headquarters
Command Forces Air Army Naval Navy Military Marine Intelligence Operations Planning Affairs Political Economic
Assembly Accounting Motors Electric Staffs
Asian African European Eastern Western Near Far Middle Latin New Hotel""".split())    # session 34: "…Waldorf-Astoria Hotel, New York"
_NOT_PAREN_NAME_WORDS = {"Asian", "African", "European", "Eastern", "Western", "Near", "Far", "Middle", "Latin"}
_RANK = re.compile(r"(Colonel|Lieutenant Colonel|General|Major|Captain|Commander|Admiral|Lieutenant|Mr\.|Mrs\.|Dr\.)\s+(?=[A-Z])")
_COURTESY = ("Mr.", "Mrs.", "Dr.")
# The microfiche supplements print their memoranda by surnames: "Memorandum from Mann to Rusk, January 25, 1961.";
# a memorandum or letter is written by a person, so there a lone capitalised word is a surname (a post sends
# telegrams: "Telegram 746 from Santiago").
_SURNAMES_MEMO = re.compile(r"^\s*(?:\d+\.\s*)?(?:Memorandum|Letter)\s+from\s+[A-Z]")
_SURNAME_ONLY = re.compile(r"^(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)?)(?P<office>)$")
_AFTER_SENDER = re.compile(r"\s+(?:to|Before|before|on|at|in|for|During|during|With|with|Transmitting|Concerning|Regarding)\s+.*$")
# Posts and offices that send and receive: "the Embassy in Iran", "the Department of State", "the Mission to the
# United Nations", "Prepared in the Bureau of Inter-American Affairs".
_POST = re.compile(r"^(?:[Tt]he\s+)?(?P<post>(?:U\.S\.\s+|United\s+States\s+)?(?P<kind>Embassy|Legation|Consulate\s+General|Consulate|"
                   r"Mission|Delegation|Liaison\s+Office|Interests\s+Section)(?:\s+of\s+the\s+[A-Z][a-z]+\s+Embassy)?(?:\s+(?:in|to|at)\s+(?:the\s+)?(?P<place>[A-Z].*))?|"
                   r"(?:Department|Bureau|Office)\s+of\s+(?:the\s+)?[A-Z].*|Joint\s+Chiefs\s+of\s+Staff|"
                   r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:Staff|Agency|Council|House|Board|Headquarters|Station)"
                   r"(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?)$")
# A committee, group or panel that reports or writes, named in full: "the Operations Coordinating Board’s Special
# Committee on Soviet and Related Problems", "the Subcommittee on Regional Economic Integration of the Council on Foreign
# Economic Policy", "the NSC 1290–d Working Group", "the Consultative Group on Arms Limitation in Africa". Its name may
# run on after the body word with capitalised words joined by on/of/for/in/and, never by "and the" (a second sender).
_BODY_WORD = r"(?:Committee|Subcommittee|Sub-[Cc]ommittee|Group|Sub-Group|Panel|Task\s+Force|Working\s+Party|Commission)"
_CAP = r"[A-Z0-9][\w’'.–-]*"
_HOLDER = r"(?:President|Secretary|Ambassador|Mr\.)\s"          # "Survey Group for President Kennedy": the report's reader
_MEETING_END = re.compile(r"\b(?:Meetings?|Report|Reports)$")
_BODY = re.compile(rf"^(?:[Tt]he\s+)?(?P<post>(?:{_CAP}\s+){{0,8}}{_BODY_WORD}"
                   rf"(?:\s+(?:(?:on|of|for|in)\s+(?:(?:the|an?)\s+)?|and\s+(?!the\b|an?\b))?(?!{_HOLDER}){_CAP})*)$")
# An office printed without a name, as sender or recipient: "Telegram From the Secretary of State to the Embassy in
# Indonesia", "Letter From the President to …", "From the Acting Secretary of State".
_OFFICE_ONLY = re.compile(r"^(?:the\s+|The\s+)?(?P<post>(?:Acting\s+)?(?:(?:Deputy|Under)\s+)?Secretary\s+of\s+"
                          r"(?:State|Defense|the\s+Treasury|Commerce|Agriculture|Labor|War|the\s+Navy|the\s+Army|the\s+Air\s+Force|"
                          r"Energy|the\s+Interior)|(?:Acting\s+|Vice\s+)?President(?:\s+of\s+the\s+United\s+States)?|"
                          r"Director\s+of\s+Central\s+Intelligence|Chairman\s+of\s+the\s+Joint\s+Chiefs\s+of\s+Staff)$")
# 1940s and 1950s headings without "From": "No. 304 The Secretary of State to the Embassy in Indonesia", "5. The Ambassador
# in France (Caffery) to the Department of State", and unnumbered "The Secretary of State to the Embassy in Egypt".
_NUMBERED_SENDER = re.compile(r"^\s*(?:(?:No\.\s*)?\d+[A-Za-z]?\.?\s+)?(?=The\s+[A-Z])")
_GENRE_STOP = re.compile(r"\s+(?:From|from|to|To|by|By|Prepared|prepared|for|Between|between|With|with|on|Held)\b")
# what is left of "…, Washington, July 3" or "… at the 375th Meeting" once the place and the number are cut
_GENRE_TAIL = re.compile(r"(?:\s+(?:of|at|the|a|an|on|in))+\s*$")
_IN_PLACE_END = re.compile(r"\s+in\s+(?:[A-Z][\w.’'-]*\s*)+$")
_BETWEEN = re.compile(r"\b[Bb]etween\s+(?=(?:the\s+)?[A-Z])")
_AND_OUTSIDE_PARENTHESES = re.compile(r" and (?![^()]*\))")
_PAREN_PARTY = re.compile(r"(?:^|\s)(?:the\s+)?(?P<office>[^()]*?)\s*\((?P<name>[^()]+)\)")


@dataclass
class HeadingParty:
    role: str          # author | recipient
    name: str
    office: str | None
    start: int         # offsets into the heading string
    end: int


@dataclass
class HeadingPost:
    """A sender or recipient that is a post or an office, not a person: "the Embassy in Iran" (place "Iran")."""
    role: str          # author | recipient
    name: str          # "Embassy in Iran", "Department of State"
    kind: str | None   # Embassy | Consulate General | Mission | … | Office (an office, no name); None for a department
    place: str | None  # "Iran", "the United Nations"
    start: int         # offsets into the heading string
    end: int


def genre_of(heading: str) -> str | None:
    """'Memorandum From … to …' -> 'Memorandum'; 'Memorandum of Conversation' stays whole; the place and date
    after a comma are not part of it ('Memorandum of a Conversation, New York, August' is a memorandum of a conversation)."""
    text = re.sub(r"^\s*\d+[A-Za-z]?\.\s*", "", heading).strip()
    if not text:
        return None
    cut = _GENRE_STOP.search(text)
    genre = text[: cut.start()] if cut else text
    numbered = re.search(r"\s+\S*\d", genre)
    if numbered:
        genre = genre[: numbered.start()]
    genre = _GENRE_TAIL.sub("", genre.split(",", 1)[0]).strip(" ,.;:")
    if len(genre) > 80 or "(" in genre or re.match(r"(?:The|the)\s", genre):
        return None
    return genre or None


_PERSON_NEXT = re.compile(r"(?:President|Ambassadors?|Secretary|Under|Assistant|Senator|Mr\.|Dr\.|General|Admiral)\s")


def _split_recipients(text: str, base: int) -> tuple[tuple[str, int], tuple[str, int] | None]:
    """Split 'A (X) and B (Y) to C' at the ' to ' that is outside parentheses and not part of an office."""
    depth = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and (text.startswith(" to ", i) or (text.startswith("to ", i) and text[i - 1:i] == ")")):
            before = text[:i]       # session 34: also "(McClurkin)to the Assistant Secretary…", printed without a space
            # "Assistant to the President (Kissinger)": the office continues when a '(' follows before
            # the next ' to ' and no ')' closed a party just before.
            skip = 4 if text[i] == " " else 3
            rest = text[i + skip:]
            if re.search(r"(?:Assistant|Adviser|Advisor|Counselor|Ambassador|Representative|Delegation|Mission|Envoy|Embassy|Minister)$", before.strip()) \
                    and not _PERSON_NEXT.match(rest):     # session 34: "…of the Paris Delegation to Ambassador at Large Harriman"
                i += skip
                continue
            return (before, base), (rest, base + i + skip)
        i += 1
    return (text, base), None


def _parties_in(segment: str, offset: int, role: str, plain: bool | str = True) -> list[HeadingParty]:
    found: list[HeadingParty] = []
    for m in _PAREN_PARTY.finditer(segment):
        office = re.sub(r"^(?:and|,)\s+", "", m.group("office").strip(" ,")).strip()
        office = re.sub(r"^(?:the|The)\s+", "", office)
        name = m.group("name").strip()
        if not re.match(r"^[A-Z]", name) or len(name) > 60 or re.search(r"\d", name) or \
                set(name.split()) & _NOT_PAREN_NAME_WORDS:
            continue        # session 34: "…Director for Regional Affairs (Far East), Office of…"
        found.append(HeadingParty(role, name, office or None, offset + m.start("name"), offset + m.start("name") + len(name)))
    if found:
        return found
    for piece in re.finditer(r"[^,]+?(?=,|\s+and\s+|$)", segment):
        chunk = piece.group(0).strip()
        chunk_start = offset + piece.start() + (len(piece.group(0)) - len(piece.group(0).lstrip()))
        chunk = re.sub(r"^and\s+", "", chunk)
        m = _PERSON_TITLES.match(chunk) or _PERSON_TITLES.match(_AFTER_SENDER.sub("", chunk))
        if m and not set(m.group("name").split()) & _NOT_NAME_WORDS:     # "the General Assembly" names no general
            name = m.group("name")
            start = chunk_start + piece.group(0).strip().rfind(name)
            found.append(HeadingParty(role, name, m.group("office").strip(), start, start + len(name)))
            continue
        named = (_PLAIN_NAME.match(chunk) or _PLAIN_NAME.match(_AFTER_SENDER.sub("", chunk))) if plain else None
        named = named or (_SURNAME_ONLY.match(chunk) if plain == "surname" else None)
        if named and not set(named.group("name").split()) & _NOT_NAME_WORDS and not _POST.match(chunk):
            name, office = named.group("name"), named.group("office")
            title = _RANK.match(name)
            if title:                        # "by Colonel J.E. Kelly of the Embassy": the rank is the office
                rank = None if title.group(1) in _COURTESY else title.group(1)      # "Mr." is no office
                name, office = name[title.end():], ", ".join(x for x in (rank, office) if x) or None
            start = chunk_start + piece.group(0).strip().find(name)
            found.append(HeadingParty(role, name, office.strip() if office else None, start, start + len(name)))
    return found


def _body(segment: str, offset: int, role: str) -> HeadingPost | None:
    """The whole sender segment as one committee or group (_BODY), up to the place and date after a comma."""
    head = re.sub(r"\s*\([A-Z][A-Z0-9–-]+\)\s*$", "", segment.split(",", 1)[0])      # "… Disposal (ICASD)"
    m = _named_body(head) if "(" not in head else None
    if m is None:
        return None
    start = offset + segment.find(m.group("post"))
    return HeadingPost(role, m.group("post"), None, None, start, start + len(m.group("post")))


def _named_body(chunk: str) -> re.Match[str] | None:
    """A committee or group named by more than its kind ("the Special Group", not "Committee"), and not a meeting."""
    m = _BODY.match(chunk.strip())
    return m if m and " " in m.group("post") and not _MEETING_END.search(m.group("post")) else None


def _posts_in(segment: str, offset: int, role: str) -> list[HeadingPost]:
    body = _body(segment, offset, role)
    if body is not None:
        return [body]
    found = []
    first = re.search(r"\.\s+[A-Z]", segment)        # the supplements' summaries and citations follow it
    matched = False
    for piece in re.finditer(r"[^,]+?(?=,|\s+and\s+|$)", segment):
        raw = piece.group(0)
        chunk = re.sub(r"^\s*(?:and\s+)?", "", raw)
        chunk = re.sub(r"\s*\(.*$", "", chunk) if "(" in chunk else chunk
        # a committee only in the first sentence, and not as the end of a name cut at "and" ("Guided Missile and
        # Astronautics Intelligence Committee"): after "and", only where what stood before it was a sender too
        body_here = (first is None or piece.start() < first.start()) and (matched or not raw.lstrip().startswith("and "))
        m = _POST.match(chunk.strip()) or _POST.match(_AFTER_SENDER.sub("", chunk.strip())) or \
            (_named_body(chunk) if body_here else None)
        office = None if m else _OFFICE_ONLY.match(chunk.strip())     # whole: "Assistant Secretary … for Far Eastern Affairs"
        if not m and not office:
            matched = False
            continue
        m = m or office
        matched = True
        name = m.group("post")
        start = offset + piece.start() + raw.find(name)
        kind = "Office" if office else re.sub(r"\s+", " ", m.group("kind")) if m.re is _POST and m.group("kind") else None
        place = m.group("place") if m.re is _POST else None
        found.append(HeadingPost(role, name, kind, place.strip() if place else None, start, start + len(name)))
    return found


def posts_of(heading: str) -> list[HeadingPost]:
    """Senders and recipients that are posts or offices: "Telegram From the Embassy in Iran to the Department of
    State", "Paper Prepared in the Department of State". Parties with a person's name in parentheses are people."""
    start = _senders_start(heading)
    if start is not None:
        (senders, s_off), recipients = _split_recipients(heading[start:], start)
        posts = _posts_in(senders, s_off, "author")
        if recipients:
            posts += _posts_in(recipients[0], recipients[1], "recipient")
        return [p for p in posts if not _names_a_person(heading, p)]
    m = re.search(r"\b(?:(?:Prepared|prepared)\s+in|by|By)\s+", heading)
    if m:
        (senders, s_off), _ = _split_recipients(heading[m.end():], m.end())
        body = _body(senders, s_off, "author")
        if body is not None:
            return [body]
        return [p for p in _posts_in(_AFTER_SENDER.sub("", heading[m.end():]), m.end(), "author") if not _names_a_person(heading, p)]
    return []


def _senders_start(heading: str) -> int | None:
    """Where the senders begin: after "From", or after the number of a heading printed "No. 5 The … to …"."""
    m = re.search(r"\b(?:From|from)\s+", heading)
    if m:
        return m.end()
    m = _NUMBERED_SENDER.match(heading)
    if m and " to " in heading[m.end():]:
        return m.end()
    return None


def _names_a_person(heading: str, post: HeadingPost) -> bool:
    """'the Mission to the United Nations (Young)': the name in parentheses is the party, not the post. Session 34: nor is
    an office the heading goes on naming ("the Under Secretary of State for Economic Affairs (Dillon)", "…for Political
    Affairs' Special Assistant (Sullivan)"), which had made the Under Secretary of that day a second author."""
    after = heading[post.end:post.end + 40]
    return after.lstrip().startswith("(") or bool(post.kind == "Office" and _OFFICE_GOES_ON.match(after))


_OFFICE_GOES_ON = re.compile(r"(?:\s+for\s+[A-Z]|['’]s?\s)")


def parties_of(heading: str) -> list[HeadingParty]:
    """Authors and recipients named in a heading, with the office printed beside each name."""
    start = _senders_start(heading)
    parties: list[HeadingParty] = []
    if start is not None:
        (senders, s_off), recipients = _split_recipients(heading[start:], start)
        plain = "surname" if _SURNAMES_MEMO.match(heading) else True
        parties += _parties_in(senders, s_off, "author", plain)
        if recipients:
            parties += _parties_in(recipients[0], recipients[1], "recipient", plain)
        return _authors_possessive(parties, "’" if "’" in heading else "'")
    between = _BETWEEN.search(heading)
    if between:
        return _between_parties(heading, between.end())
    by = re.search(r"\b(?:by|By)\s+", heading)
    m = re.search(r"\s+to\s+", heading[:by.start()] if by else heading)
    if m and re.match(r"^\s*\d*[A-Za-z]?\.?\s*(?:Letter|Telegram|Message|Note|Memorandum)\b", heading):
        end = by.start() if by else len(heading)
        parties += _parties_in(heading[m.end():end], m.end(), "recipient", plain=False)   # "…, En Route to Los Angeles"
    if by:
        # "Memorandum by the Special Assistant to the Secretary of State (Battle)": the "to" of an office is no recipient
        (senders, s_off), recipients = _split_recipients(heading[by.end():], by.end())
        parties += _parties_in(senders, s_off, "author")
        if recipients:
            parties += _parties_in(recipients[0], recipients[1], "recipient", plain=False)
    return parties


_POSSESSIVE = re.compile(r"^(?:His|Her)\s+(?=(?:(?:Special|Deputy|Personal|Military|Press|Senior|Executive)\s+)*"
                         r"(?:Assistant|Adviser|Advisor|Counsel|Counselor|Representative|Envoy|Aide|Chief)\b)")


def _authors_possessive(parties: list[HeadingParty], apostrophe: str) -> list[HeadingParty]:
    """'From President Nixon to His Assistant for National Security Affairs (Kissinger)': 'His' is the one author's,
    so a staff office reads as other headings print it, "the President's Assistant for …" (His Majesty stays)."""
    offices = [p.office for p in parties if p.role == "author" and p.office]
    if len(offices) == 1:
        for p in parties:
            if p.role == "recipient" and p.office and _POSSESSIVE.match(p.office):
                p.office = _POSSESSIVE.sub(f"{offices[0]}{apostrophe}s ", p.office)
    return parties


def _between_parties(heading: str, start: int) -> list[HeadingParty]:
    """'Conversation Between the Secretary of State and the Director of Central Intelligence (Dulles)': each side is a
    party with its office, the first an author and the others recipients (as the editors mark them, from and to). A
    side is cut at ' and ' only where it is whole (a name in parentheses, an office alone, a title and a name), so
    'Assistant Secretary for Research and Intelligence (Armstrong)' stays one side."""
    sides: list[tuple[str, int]] = []
    text, base = heading[start:], start
    for piece in _AND_OUTSIDE_PARENTHESES.split(text):
        if sides and not _whole_side(sides[-1][0]):
            sides[-1] = (sides[-1][0] + " and " + piece, sides[-1][1])
        else:
            sides.append((piece, base))
        base += len(piece) + len(" and ")
    parties: list[HeadingParty] = []
    for k, (side, offset) in enumerate(sides):
        parties += _parties_in(side, offset, "author" if k == 0 else "recipient", plain=False)
    return parties


def _whole_side(side: str) -> bool:
    side = re.sub(r",.*$", "", side.strip()) if "(" not in side else side.strip()
    side = _IN_PLACE_END.sub("", side)     # round 13: "the Secretary of State in Washington and the Representative…
    return side.endswith(")") or bool(_OFFICE_ONLY.match(side) or _PERSON_TITLES.match(side))


def sender_range(heading: str) -> tuple[int, int] | None:
    """Where the heading prints its senders (after "From" or "by", up to the recipients), as offsets into it."""
    start = _senders_start(heading)
    if start is None:
        by = re.search(r"\b(?:by|By)\s+", heading)
        if by is None:
            return None
        start = by.end()
    (senders, s_off), _ = _split_recipients(heading[start:], start)
    return s_off, s_off + len(senders)


@dataclass
class Dateline:
    place: str | None
    date: str | None          # ISO 8601 date or dateTime
    place_span: tuple[int, int] | None
    refused: str | None = None  # why the printed date is not taken (then date is None)


_DATE = re.compile(
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4,})(?:,?\s+(?P<time>\d{3,4})(?:\s*(?P<zone>Z|GMT|[A-Z]{3}))?)?"
)


def _printed_date(m: re.Match[str]) -> tuple[str | None, str | None]:
    """(ISO date, None), or (None, why it is refused): "April 5, 19733" is not cut to 1973."""
    month = MONTHS[m.group("month").lower()]
    try:
        check_day(m.group("year"), month, int(m.group("day")))
    except DateRefused as exc:
        printed = m.group(0) if len(m.group(0)) <= 40 else m.group(0)[:40] + "…"
        return None, f"date refused: the source prints '{printed}', but {exc}"
    date = f"{m.group('year')}-{month:02d}-{int(m.group('day')):02d}"
    if m.group("time") and m.group("zone") in ("Z", "GMT"):
        hhmm = m.group("time").zfill(4)
        if int(hhmm[:2]) < 24 and int(hhmm[2:]) < 60:
            date += f"T{hhmm[:2]}:{hhmm[2:]}:00Z"
    return date, None


def parse_dateline(line: str) -> Dateline | None:
    """'Washington, October 26, 1981' -> place 'Washington', date '1981-10-26' (or no date and why)."""
    m = _DATE.search(line)
    if not m:
        return None
    date, refused = _printed_date(m)
    before = line[: m.start()].rstrip(" ,")
    place = before.strip() or None
    span = None
    if place:
        start = line.index(place)
        span = (start, start + len(place))
    return Dateline(place, date, span, refused)
