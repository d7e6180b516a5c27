"""Writers the heading does not name as a person (round 8): the sender a telegram's first line names
("For the President and Secretary from Harriman."), a signature closing the last paragraph of a telegram
in capitals ("…PLENARY CONSIDERATION. SCALI"), the agency or post the heading sends the document from
("Memorandum From the Central Intelligence Agency to the 303 Committee", "Telegram From the Mission to the
United Nations…"), and, for a memorandum of conversation that names no author, drafter or signer, the
Department of State whose record it is (the annotation guide's round-7 decision).
"""
from __future__ import annotations

import re

from ingest.authorities import authorities
from ontology import iris

from ..entities.gazetteer import gazetteer
from ..entities.offices import nationality
from ..entities.places import choose
from ..entities.posts import heading_post_named, heading_posts
from ..records import ClaimAgent, DocumentRecord, Mention

__all__ = ["first_line_sender", "routing_sentence_senders", "routing_senders", "is_routing_line", "routing_end", "closing_signer", "closing_word", "heading_sender", "memcon_department", "sent_from_post", "quoted_signature", "cable_sender", "host_country"]

# "1060. For the President and Secretary from Harriman." / "Eyes only for Secretary from Lodge."
# Session 43: the number of a cable in its series ("Delga 665.", "Dulte 34.", "CAP 65968.", "21178/Delto 751.") as well
# as a bare number, "Eyes only Secretary from Lodge." with no "for", and "773. Following from Page.".
_CABLE_NUMBER = r"(?:(?:[A-Z][A-Za-z]{1,6}\s+)?\d{1,6}(?:/[A-Z][a-z]{2,6}\s+\d{1,6})?\.\s+)?"
_FOR_FROM = re.compile(_CABLE_NUMBER + r"(?:(?:Literally\s+)?Eyes\s+only\s+(?:to\s+|for\s+)?(?=[^.\n]{1,80}?\s+from\s)|Personal\s+)?"
                       r"(?:for\s+[^.\n]{1,80}?\s+|(?<=only\s)[^.\n]{1,80}?\s+|Following\s+)?from\s+"
                       r"(?P<who>[A-Z][^.\n]{1,60}?)\.?\s*$", re.IGNORECASE)
# "…CONSIDERATION. SCALI": a surname after the last sentence of the last paragraph.
# Round 9: the routing words run into the paragraph ("3502. For Compub from Palmer. Pershings offer…",
# "21112. For Sisson from Creel: Emphasize…", "196786. Embtel 4488. For Ambassador from Battle and Macomber.
# Subject: …"): after the telegram's number and its reference lines, "For X from Y" ending in a period or a
# colon, Y one or more names joined by "and" or commas.
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){0,2}"
# Round 10: the family, not the instance: the routing words may open inside a quotation mark ("9694. “For Creel
# from Sisson. April 24. Trust that…") and follow a precedence or classification word ("937. Urgent. For Creel and
# Sisson Compub from Keeley.", "Confidential.", "Most urgent.", "Strictly confidential and personal.").
_PRECEDENCE = (r"(?:(?:Most\s+|Very\s+|Strictly\s+)?(?:Urgent|Immediate|Priority|Important|Confidential|Secret|Personal|Private|"
               r"Paraphrase|Triple\s+priority|Rush)(?:\s+and\s+(?:confidential|personal|secret|urgent))?\.\s+){0,2}")
_ROUTING_OPENS = re.compile(_CABLE_NUMBER + _PRECEDENCE + r"[“\"]?(?:(?:[A-Z][a-z]{1,6}tels?|[A-Z][a-z]+\s+tel|Ref|Reftel|Reurtel|Urtel|Your)\.?\s+[\w/-]+\.\s+){0,3}"
                            r"(?:(?:Literally\s+)?Eyes\s+[Oo]nly\s+|Personal\s+)?"
                            # session 34: "White House please pass San Clemente for Secretary Rogers and Kissinger from
                            # Sisco.", "Pass Treasury for Deming from Griffin."
                            r"(?:(?:[A-Z][a-z]+\s+){0,2}(?:[Pp]lease\s+)?[Pp]ass\s+(?:[A-Z][\w]*\s+){1,3})?"
                            r"(?:(?:(?:[Ff]or|To)\s+|(?<=[Oo]nly\s)(?:to\s+|for\s+)?)(?P<to>[^.:\n]{1,60}?)(?:\s+[Ff]rom(?:\s+the(?=\s+President\b))?|\.\s+From)|"
                            # session 28: "296. From Acheson. Had interim sort of meeting with Turks…" (no addressee)
                            # session 33: "819. From Murphy for the Secretary. Yesterday we ran into…" (26 in the volumes)
                            r"(?P<alone>From)(?=\s+[A-Z][\w’'-]+(?:\s+(?:for|to)\s+[^.:\n]{1,60}?)?\s*[.:]\s))\s+"
                            # round 12: "31. For Secretary Dulles. From Conant in Berlin. Yesterday in Bonn I…": the
                            # sender in a sentence of his own, with the place he writes from
                            # session 34: "046476. For Ambassador from Asst. Secretary Green." (the abbreviation's period)
                            r"(?:(?:Asst|Dep|Amb|Adm|Gen)\.\s+)?"
                            rf"(?P<who>{_NAME}(?:(?:\s*,\s*|\s+and\s+|,\s+and\s+){_NAME})*)(?:\s+(?:in|at)\s+[A-Z][a-z]+)?"
                            r"(?(alone)(?:\s+(?:for|to)\s+[^.:\n]{1,60}?)?)\s*[.:](?=\s|$)")
_NAME_PARTS = re.compile(rf"{_NAME}")
_ROUTING_SENTENCE = re.compile(r"[^.\n]+(?:\.(?=\s|$)|$)")
# "from Secretary to Macmillan", "from President to Eden follows", "from Conant for Lyon": not names alone
_LOWER_IN_NAMES = re.compile(r"\b(?!(?:and|the)\b)[a-z]+\b")
_CLOSING = re.compile(r"[.!][”\"’]?\s+(?P<who>[A-Z][A-Za-z’'-]+(?:\s+[A-Z][A-Za-z’'-]+)?)\s*$")
_HEADING_FROM = re.compile(r"\bFrom\s+(?:the\s+)?(?P<who>.+?)\s+to\s+(?:the\s+)?", re.IGNORECASE)
_BARE_MEMCON = re.compile(r"(?:\d+\.\s+)?Memorandum of (?:a )?Conversation\s*(?:,|$)")
# Session 33: the labels of a memorandum's form ("DATE:", "SUBJECT:", "PARTICIPANTS:") are no speakers' labels.
_FIRST_PERSON = re.compile(r"(?:^|[\s“\"(])I\s+[a-z]|^\s*(?!(?i:date|time|date\s*&\s*time|place|location|subject|participants|"
                           r"copies\s+to|distribution|summary|ref|to|from|through|cc)\s*:)[A-Z][\w.’' ]{0,30}:\s", re.MULTILINE)
_POST = re.compile(r"^(?P<post>(?:(?:United\s+States|U\.S\.|Military\s+Liaison)\s+)?(?:Mission|Delegation|Embassy|Legation|Consulate(?:\s+General)?|"
                   # round 11: "the Central Intelligence Agency Station in Saigon", "the Office of the Permanent
                   # Representative to the North Atlantic Treaty Organization"
                   r"(?:[A-Z][\w.]*\s+){0,3}Station|Office\s+of\s+the\s+(?:[A-Z][\w.]*\s+){0,3}Representative|"
                   # session 34: "Telegram From Operation PBSUCCESS Headquarters in Florida to the Central Intelligence Agency"
                   r"Operation\s+[A-Z][\w.]*\s+Headquarters)"
                   r"\s+(?:to|in|at)\s+(?:the\s+)?.+)$")
_FROM_ALONE = re.compile(r"\bFrom\s+(?:the\s+)?(?P<who>[^\[,;]+?)\s*(?:\[|,|;|$)")
# Session 28: "Telegram 1098 From the Mission to Geneva to the Department of State": the post's own "to", which the
# lazy sender of _HEADING_FROM stops at ("Mission").
_MISSION_TO = re.compile(r"\bFrom\s+(?:the\s+)?(?:U\.?S\.?\s+)?(?:Mission|Delegation|Office\s+of\s+the\s+(?:[A-Z][\w.]*\s+){0,3}"
                         r"Representative)\s+to\s+(?:the\s+)?[A-Z]")
_CONVERSATION = re.compile(r"\bConversations?\b")
_TO = re.compile(r"\s+to\s+(?:the\s+)?", re.IGNORECASE)


def _people(mentions, s: int, e: int) -> list[Mention]:
    return [m for m in mentions.within(s, e) if m.kind == "person"]


def first_line_sender(record: DocumentRecord, mentions, first_blocks: list[tuple[int, int]]) -> list[Mention]:
    """The person a telegram's routing line names after 'from' ("For the President and Secretary from Harriman."),
    or the persons the routing words opening its first paragraph name ("For Ambassador from Battle and Macomber.")."""
    if not re.search(r"\bTelegram\b", record.heading or ""):
        return []
    for s, e in first_blocks[:2]:
        line = record.text[s:e].strip()
        m = _FOR_FROM.fullmatch(line)
        if m and len(line.split()) <= 16:
            at = s + record.text[s:e].index(line) + m.start("who")
            who = re.split(r"\s+(?:to|for)\s+", m.group("who"), maxsplit=1)[0]
            return _people(mentions, at, at + len(who))     # session 43: "From Harriman and Vance.", both
    return []


def routing_sentence_senders(record: DocumentRecord, mentions, first_blocks: list[tuple[int, int]]) -> list[Mention]:
    """Session 43: the persons a routing sentence among the first four of a telegram's first paragraph names after
    "from", behind its addressees, subject or reference lines ("Dulte 7. Paris pass USCINCEUR, SHAPE. From Bruce.",
    "Subject: Meeting with Abrasimov. From Ambassador McGhee.", "Joint Embassy–USOM. From Gallman and Seager.")."""
    if not re.search(r"\bTelegram\b", record.heading or "") or not first_blocks:
        return []
    s, e = first_blocks[0]
    for piece in list(_ROUTING_SENTENCE.finditer(record.text, s, e))[:4]:
        m = _FOR_FROM.fullmatch(piece.group(0).strip())
        if m and len(piece.group(0).split()) <= 12 and not _LOWER_IN_NAMES.search(m.group("who")):
            at = piece.start() + len(piece.group(0)) - len(piece.group(0).lstrip()) + m.start("who")
            people = _people(mentions, at, at + len(m.group("who")))
            if people:
                return people
    return []


def routing_senders(record: DocumentRecord, mentions, first_blocks: list[tuple[int, int]], known) -> list[tuple[str, Mention | None]]:
    """Round 9: the senders the routing words opening a telegram's first paragraph name, when they run into its
    text ("3502. For Compub from Palmer. Pershings offer…") or name several ("…from Battle and Macomber."): each
    name with its person mention, or None where the entity layer tagged none ("Palmer"). Names that are a
    country, an institution, a post or a title ("from Department", "from Secretary") are not persons: no sender."""
    if not re.search(r"\bTelegram\b", record.heading or "") or not first_blocks:
        return []
    s, e = first_blocks[0]
    at = s + len(record.text[s:e]) - len(record.text[s:e].lstrip())
    m = _ROUTING_OPENS.match(record.text, at, e)
    if m is None:
        return []
    out: list[tuple[str, Mention | None]] = []
    if m.group("who") == "President":
        return [("President", None)]     # session 32: "Eyes only for the Ambassador from the President." (his message)
    for part in _NAME_PARTS.finditer(record.text, m.start("who"), m.end("who")):
        name = part.group(0)
        if gazetteer().get(name) or name.split()[0].lower().strip(".") in known.cues.not_person_subjects \
                or known.title(name) is not None or name.lower() in known.cues.speaker_titles:
            return []
        ms = [x for x in mentions.within(part.start(), part.end()) if x.kind != "term"]
        if ms and any(x.kind != "person" for x in ms):
            return []
        out.append((name, ms[0] if ms else None))
    return out


def routing_end(record: DocumentRecord, first_block: tuple[int, int] | None) -> int:
    """Round 9: where the routing words opening a telegram's first paragraph end ("21112. For Sisson from Creel:"), or
    the body's start: the addressee and sender they name are no entities the text after them is about."""
    if first_block is None or not re.search(r"\bTelegram\b", record.heading or ""):
        return record.body_start
    s, e = first_block
    at = s + len(record.text[s:e]) - len(record.text[s:e].lstrip())
    m = _ROUTING_OPENS.match(record.text, at, e)
    return m.end() if m else record.body_start


def is_routing_line(sentence: str) -> bool:
    """Round 9: a sentence that is only routing words ("941. For Whiting from JMBLUG.", "For Compub from Palmer."):
    not a claim, as the annotation guide's routing lines."""
    if len(sentence) > 160 or " from " not in sentence:
        return False
    m = _ROUTING_OPENS.match(sentence)
    return m is not None and m.end() >= len(sentence.rstrip())


def closing_signer(record: DocumentRecord, mentions, last_block: tuple[int, int] | None) -> list[Mention]:
    """The person whose surname closes the last paragraph after its last sentence (a telegram in capitals)."""
    if last_block is None:
        return []
    s, e = last_block
    m = _CLOSING.search(record.text, max(s, e - 80), e)
    if m is None:
        return []
    return _people(mentions, m.start("who"), m.end("who"))[:1]


def closing_word(record: DocumentRecord, last_block: tuple[int, int] | None) -> str | None:
    """The capitalized word that closes the last paragraph after its last sentence, tagged or not ("…IN THE WFC. VOLPE")."""
    if last_block is None:
        return None
    m = _CLOSING.search(record.text, max(last_block[0], last_block[1] - 80), last_block[1])
    return m.group("who") if m is not None and " " not in m.group("who") else None


def heading_sender(record: DocumentRecord) -> ClaimAgent | None:
    """The body the heading sends the document from, when it names no person: an institution the
    authorities hold ("the Central Intelligence Agency"), else the post as the entity layer resolved it for the
    document's author ("the Mission to the United Nations" is us-mission-un), else a post local to the document."""
    m = _HEADING_FROM.search(record.heading or "")
    if m is None:
        old = _OLD_FORM_SENDER.match(record.heading or "")
        return _heading_from_alone(record) or _author_post(record) or _issuer(record) or (
            _national_body(record, old.group("who")) if old else None)
    heading = record.heading or ""
    for to in _TO.finditer(heading, m.start("who")):      # round 11: "From the Delegation to the Conference on the Law
        found = _sender_body(record, heading[m.start("who"):to.start()].strip(" ,"))   # of the Sea to the Department"
        if found is not None:
            return found
    return _author_post(record)


def _author_post(record: DocumentRecord) -> ClaimAgent | None:
    """Session 26: the post, agency or committee the entity layer made the document's schema:author ("Report by the
    Operations Coordinating Board's Special Committee on Soviet and Related Problems", "Paper Prepared in the
    Department of State"), so a report's own sentences have the claimant its author has."""
    if _CONVERSATION.search(record.heading or ""):
        return None            # "Memorandum of Telephone Conversation, Prepared in the Department of State": its parties speak
    post = next((m for role, m in heading_posts(record) if role == "author"), None)
    if post is None:
        return None
    return ClaimAgent(iri=post.entity, label=post.label or record.text[post.start:post.end], kind="organization")


# Session 33: kinds of document whose heading names their issuer by the kind alone ("National Intelligence Estimate",
# "National Security Council Report"); 75 documents of twelve volumes had no writer, so none of their sentences a claim.
_ISSUERS = ((re.compile(r"^\W*(?:\d+\.\s+)?(?:Special\s+)?National\s+Intelligence\s+Estimate\b|"
                        r"^\W*(?:\d+\.\s+)?(?:Central\s+Intelligence\s+Agency\s+Information\s+(?:Cable|Report)|Intelligence\s+Memorandum)\b"),
             "cia"),
            (re.compile(r"^\W*(?:\d+\.\s+)?National\s+Security\s+Council\s+Report\b"), "nsc"))


def _issuer(record: DocumentRecord) -> ClaimAgent | None:
    for pattern, key in _ISSUERS:
        inst = authorities().institutions.get(key) if pattern.search(record.heading or "") else None
        if inst is not None:
            return ClaimAgent(iri=iris.organization_iri(key), label=inst.label, kind="organization")
    return None


def _heading_from_alone(record: DocumentRecord) -> ClaimAgent | None:
    """Round 11: "Telegram From the Embassy in Thailand [text not declassified]": a sender the heading names without
    a recipient after it."""
    m = _FROM_ALONE.search(record.heading or "")
    return _sender_body(record, m.group("who").strip(" ,")) if m else None


_GOVERNMENT_OF = re.compile(r"(?:the\s+)?(?:Royal\s+|Imperial\s+)?Government\s+of\s+(?:the\s+)?(.+)")
# Session 35: a government, its leaders or its embassy named by the nation's adjective ("Message From the Soviet Government
# to President Johnson", "Note From Soviet Leaders to…", "Aide-Mémoire From the Israeli Embassy to…", "The British Embassy
# to the Department of State"): 45 documents of the 99 volumes had no writer.
_NATIONAL_BODY = re.compile(r"(?:the\s+|The\s+)?(?P<nation>U\.S\.|United\s+States|[A-Z][a-z]+)\s+(?P<body>Government|Leaders|Leadership|"
                            r"Embassy|Mission\s+at\s+the\s+United\s+Nations)(?:\s+at\s+Washington)?")
_OLD_FORM_SENDER = re.compile(r"^\W*(?:No\.\s*)?(?:\d+\.\s+)?The\s+(?P<who>[A-Z][a-z]+\s+Embassy)\s+to\s+the\s+")


def _national_body(record: DocumentRecord, who: str) -> ClaimAgent | None:
    """The country that speaks through its government or leaders; a foreign embassy or mission, as an organization of
    the document; a U.S. one is a post, left to the posts."""
    m = _NATIONAL_BODY.fullmatch(who)
    nation = m.group("nation") if m else ""
    country = "united-states" if nation in ("U.S.", "United States") else nationality(nation) if m else None
    if country is None or country not in authorities().territories:
        return None
    if m.group("body") in ("Government", "Leaders", "Leadership"):
        return ClaimAgent(iri=iris.country_iri(country), label=authorities().territories[country].name, kind="country")
    if country == "united-states":
        return None
    label = re.sub(r"^(?:the|The)\s+", "", who)
    base = iris.document_iri(record.volume.id, record.doc_id)
    return ClaimAgent(iri=f"{base}/organizations/{iris.slug(label)}", label=label, kind="organization", local=True)


def _sender_body(record: DocumentRecord, who: str) -> ClaimAgent | None:
    if (national := _national_body(record, who)) is not None:
        return national
    government = _GOVERNMENT_OF.fullmatch(who)
    name = government.group(1) if government else who
    entries = gazetteer().get(name)
    if entries:
        year = int(record.date[:4]) if record.date and record.date[:4].isdigit() else None
        ch = choose(name, entries, name, 0, len(name), year, record.date)
        if ch and ch.entry and ch.entry.kind == "organization" and not government:
            label = authorities().institutions[ch.entry.key].label
            return ClaimAgent(iri=iris.organization_iri(ch.entry.key), label=label, kind="organization")
        if ch and ch.entry and ch.entry.kind == "country" and government:
            # session 33: "Message From the Government of the People's Republic of China to the Government of…"
            return ClaimAgent(iri=iris.country_iri(ch.entry.key), label=name, kind="country")
    post = _POST.match(who)
    if post:
        label = post.group("post")
        resolved = heading_post_named(record, label)
        if resolved is not None:
            return ClaimAgent(iri=resolved.entity, label=resolved.label or label, kind="organization")
        base = iris.document_iri(record.volume.id, record.doc_id)
        return ClaimAgent(iri=f"{base}/organizations/{iris.slug(label)}", label=label, kind="organization", local=True)
    return None


def memcon_department(record: DocumentRecord) -> ClaimAgent | None:
    """A memorandum of conversation with no author, drafter or signer is the Department of State's record:
    only a bare heading ("Memorandum of Conversation", no "Between the President and the Secretary of State",
    whose writer is one of them) over a body without a first person ("I said…") or speaker labels."""
    if not _BARE_MEMCON.match(record.heading or ""):
        return None
    end = record.body_end if record.body_end is not None else len(record.text)
    if _FIRST_PERSON.search(record.text, record.body_start, end):
        return None
    inst = authorities().institutions.get("department-of-state")
    return ClaimAgent(iri=iris.organization_iri("department-of-state"), label=inst.label, kind="organization") if inst else None


def sent_from_post(record: DocumentRecord) -> bool:
    """Round 12: whether the heading sends the document from a post ("Telegram From the Embassy in Lebanon to the
    Department of State", "From the Mission in Berlin…"): its closing surname ("Emmerson") is the chief of mission
    who signs it, a person even where no mention or note names him, not the post."""
    m = _HEADING_FROM.search(record.heading or "") or _FROM_ALONE.search(record.heading or "")
    return (m is not None and _POST.match(m.group("who").strip(" ,")) is not None) \
        or _MISSION_TO.search(record.heading or "") is not None


_SIGNED_QUOTE = re.compile(r"\s*(?:(?:Sincerely|Sincerely\s+yours|Respectfully|Faithfully|Cordially|Regards|Best\s+regards|Warm\s+regards)"
                           r"[,.]?\s+)?(?P<who>[^\n]{2,60}?)\s*(?:Unquote|UNQUOTE|UNQTE|Unqte|End\s+(?:[Vv]erbatim\s+)?[Tt]ext|END\s+(?:VERBATIM\s+)?TEXT)\.?\s*\Z")


def quoted_signature(record: DocumentRecord, mentions, last_block: tuple[int, int]) -> list[Mention]:
    """Round 12: the person whose name closes a text a telegram spells out between "Quote" and "Unquote" ("Sincerely, /
    Richard Nixon Unquote"): the letter's author, whose words the post hands over, not the government it speaks for."""
    s, e = last_block
    m = _SIGNED_QUOTE.fullmatch(record.text, s, e)
    if m is None or len(m.group("who").split()) > 5:
        return []
    return _people(mentions, m.start("who"), m.end("who"))[:1]


# Round 12: a telegram of another post cited by its number as the subject ("USUN 1815 SUPPORTED OUR RECOMMENDATION…",
# "Bern’s 901 repeated Seoul 13 indicates Swiss not prepared…"): the post says it, not the writer who cites it.
_CABLE_SUBJECT = re.compile(r"[\s“\"(]*(?:\(?\d{1,3}[.)]\s+)?(?P<post>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)(?:['’]s)?\s+"
                            r"(?:[Tt]el(?:egram)?\s+|No\.\s+)?\d{2,6}\b[^.;:]{0,60}?\s+"
                            r"(?:supported|supports|indicates|indicated|reports|reported|states|stated|says|said|suggests|suggested|"
                            r"notes|noted|confirms|confirmed|recommends|recommended|proposes|proposed|points\s+out|pointed\s+out)\b",
                            re.IGNORECASE)


_TWO_DIGITS = re.compile(r"\d\d")


def cable_sender(record: DocumentRecord, mentions, s: int, e: int) -> list[Mention]:
    """The post (an institution, a mission or a capital standing for its country) whose telegram, cited by number,
    opens the sentence as the subject of a reporting verb."""
    if _TWO_DIGITS.search(record.text, s, min(e, s + 40)) is None:
        return []           # most sentences: no telegram number near their start, the longer pattern is not tried
    m = _CABLE_SUBJECT.match(record.text, s, e)
    if m is None or not m.group("post")[:1].isupper():
        return []
    return [x for x in mentions.within(m.start("post"), m.end("post")) if x.kind in ("organization", "country") and x.entity][:1]


# Round 12: a lead-in naming the host government or one of its officials as the source of the text that follows.
_HOST_SOURCE = re.compile(r"\b(?:Foreign\s+[Mm]inist(?:er|ry)|Prime\s+Minister|Foreign\s+Office|FonOff|FonMin|Ministry|"
                          r"Government|Premier|Chancellor|Foreign\s+Secretary)\b")
_POST_IN = re.compile(r"\bFrom\s+the\s+(?:Embassy|Legation)\s+in\s+(?:the\s+)?(?P<country>[A-Z][\w ’'-]+?)\s+to\b")


def host_country(record: DocumentRecord, lead_in: str) -> ClaimAgent | None:
    """The country of the embassy sending the telegram ("From the Embassy in Japan to…"), when the lead-in of a text it
    spells out names that country's government or an official of it as the text's source ("Foreign Minister yesterday
    afternoon gave me following which is text of statement made to Government of China:")."""
    m = _POST_IN.search(record.heading or "")
    if m is None or not _HOST_SOURCE.search(lead_in):
        return None
    name = m.group("country")
    entries = [x for x in gazetteer().get(name) or () if x.kind == "country"]
    if not entries:
        return None
    year = int(record.date[:4]) if record.date and record.date[:4].isdigit() else None
    ch = choose(name, entries, name, 0, len(name), year, record.date)
    if ch is None or ch.entry is None:
        return None
    iri = iris.country_iri(ch.entry.key)
    return ClaimAgent(iri=iri, label=name, kind="country")
