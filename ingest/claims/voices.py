"""Who speaks: the document's own voice (authors, else signer, else drafter), transcript labels,
and the subjects of reporting verbs ("Gromyko said…", "he added…", "De Gaulle, who stated…").

Claimants are entity IRIs from the entity layer (record.parties and record.mentions). A speaker
named in the text whose name the entity layer could not link gets a document-local IRI by the same
rule as unlinked authors (ingest.triples.party_person_iri), so the claim is still attributed and the
graph says the person is known only by that name in this document.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from ontology.iris import document_iri, slug

from ..authorities import authorities
from ..entities.gazetteer import gazetteer
from ..entities.posts import heading_post_named
from ..records import ClaimAgent, DocumentRecord, Mention, Party
from ..triples import party_person_iri
from .coreference import DocumentPeople, Named
from .cues import Cues
from .senders import (closing_signer, closing_word, first_line_sender, heading_sender, memcon_department, routing_senders,
                      routing_sentence_senders, sent_from_post)
from .turns import signed_initials, speaker_by_initials
from .unlinked_names import common_words, is_name_word

__all__ = ["Agent", "MentionIndex", "agent_of_mentions", "document_voice", "label_speaker", "find_subject", "named_agent", "initial_speaker", "apposed_name", "party_agent",
           "post_agent", "SPEAKER_KINDS", "Subject", "AND_HIS_GROUP"]

SPEAKER_KINDS = frozenset({"person", "organization", "country"})
_TITLE_BEFORE = re.compile(
    r"(?:^|[\s(—–-])((?:Acting\s+|Deputy\s+|Under\s+|Assistant\s+|Vice\s+|Prime\s+|Foreign\s+|Defense\s+)?"
    r"(?:Representative|Rep\.|Senator|Sen\.|Congressman|Congresswoman|Ambassador|Amb\.|Secretary(?:\s+of\s+State)?|"
    r"President|Minister|Chancellor|General|Admiral|Governor|Chairman|Director|Mayor|Premier|King|Queen|Shah|"
    r"Emperor|Pope|Chargé|Counselor|Consul))\s+$")
_WORDS = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class Agent:
    """A claimant: one or more entity IRIs (both authors of a joint memo), with how we know."""
    iris: tuple[str, ...]
    names: tuple[str, ...]
    how: str
    details: tuple[ClaimAgent, ...] = ()
    mentions: tuple[Mention, ...] = ()   # the mentions that name the speaker in the text (not 'about')
    kinds: tuple[str, ...] = ()
    one_speaking: bool = False           # a body heard through one of its people ("Foreign Office official replied…")

    def describe(self) -> str:
        return f"{', '.join(self.names)} ({self.how})"


class MentionIndex:
    """The record's mentions, sorted, for span queries."""

    def __init__(self, mentions: list[Mention]):
        self.items = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.items]

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                out.append(self.items[i])
            i += 1
        return out



_OWNERS_ENDING = re.compile(r"(?:[’']s|(?<=s)[’'])$")


def _surface(record: DocumentRecord, m: Mention) -> str:
    """The name as printed, without a possessive: "Kennedy's" is the person Kennedy, one local IRI with "Kennedy"."""
    return _OWNERS_ENDING.sub("", m.exact or record.text[m.start:m.end]) or m.exact


def _office_before(record: DocumentRecord, m: Mention) -> str | None:
    if m.office:
        return m.office
    t = _TITLE_BEFORE.search(record.text, max(0, m.start - 60), m.start)
    return re.sub(r"\s+", " ", t.group(1)) if t else None


def agent_of_mentions(record: DocumentRecord, mentions: list[Mention], how: str) -> Agent | None:
    """The claimant named by these mentions; unlinked person names get a document-local IRI."""
    iris, names, details, used, kinds = [], [], [], [], []
    for m in mentions:
        if m.kind not in SPEAKER_KINDS:
            continue
        name = _surface(record, m)
        if m.entity:
            # session 28: a person the claims layer made local to the document ("Sir Robert" of "Sir Robert Scott")
            iri, local = m.entity, m.entity.startswith(document_iri(record.volume.id, record.doc_id) + "/persons/")
        elif m.kind == "person":
            iri, local = party_person_iri(record, Party(role="speaker", name=name)), True
        else:
            continue
        if iri in iris:
            used.append(m)
            continue
        iris.append(iri)
        names.append(m.label or name)
        kinds.append(m.kind)
        details.append(ClaimAgent(iri=iri, label=m.label or name, office=_office_before(record, m),
                                  kind=m.kind, local=local))
        used.append(m)
    if not iris:
        return None
    return Agent(tuple(iris), tuple(names), how, tuple(details), tuple(used), tuple(kinds))


def party_agent(record: DocumentRecord, parties: list[Party], how: str) -> Agent:
    """Authors and recipients: their office is already in the document's fk:DocumentRole, so no
    per-claim attribution detail is repeated for them (it would add four triples per claim)."""
    iris = tuple(party_person_iri(record, p) for p in parties)
    return Agent(iris, tuple(p.label or p.name for p in parties), how, kinds=("person",) * len(iris))


def document_voice(record: DocumentRecord, mentions: MentionIndex, last_block: tuple[int, int] | None,
                   known: DocumentPeople | None = None, first_blocks: list[tuple[int, int]] = ()) -> Agent | None:
    """Whose statements the document's own sentences are: the sender a telegram's first line names, else the
    authors in the heading, else the person who signed it (a short last line naming a person), else the
    drafter named in the source note, else the body the heading sends it from (ingest/claims/senders.py).
    Editorial notes have no voice: the editors' narration is not a historical claim."""
    if record.is_editorial_note:
        return None
    sender = first_line_sender(record, mentions, list(first_blocks))
    if sender:
        agent = agent_of_mentions(record, sender, "named as the sender in the telegram's first line")
        if agent:
            return agent
    routed = _routed_agent(record, mentions, list(first_blocks), known)
    if routed is not None:
        return routed
    routing = routing_sentence_senders(record, mentions, list(first_blocks))
    agent = agent_of_mentions(record, routing, "named as the sender by a routing sentence opening the telegram") if routing else None
    if agent is not None:
        return agent
    drafting = _drafting_party(record)
    if drafting is not None:
        return party_agent(record, [drafting], "the party of the conversation who drafted its record, per the source note")
    initialled = _initialling_party(record, last_block)
    if initialled is not None:
        return initialled
    domestic = _domestic_side(record)
    if domestic is not None:
        return party_agent(record, [domestic], "the U.S. party of a conversation the heading opens with a foreign one")
    if record.authors:
        return party_agent(record, record.authors, "the document's authors, from the heading")
    return _from_line(record, mentions) or _signed_or_drafted(record, mentions, last_block, known)


# Session 34: "Memorandum of a Conversation Between the British Ambassador (Makins) and the Counselor of the Department of
# State (MacArthur)": the editors mark the first side "from", but a U.S. record is not the foreign envoy's (35 such records
# outside the gold set with no drafter among the parties had the ambassador, the Chancellor or the Prime Minister as writer).
_CONVERSATION_BETWEEN = re.compile(r"\bConversation\s+Between\b")
_FOREIGN_TITLE = re.compile(r"^(?:Chancellor|Prime\s+Minister|King|Queen|Shah|Emperor|Premier|Foreign\s+Minister)\b|^Chairman\s+(?!of\b)[A-Z]|"
                            r"\bof\s+the\s+[A-Z][a-z]+\s+Embassy\b")


def _foreign_office(office: str | None) -> bool:
    if not office:
        return False
    first = re.match(r"(?:the\s+)?([A-Z][a-z]+)", office)
    # session 35: "Vietnamese", "Korean", "German" are the gazetteer's names of the country, not its demonyms
    demonym = first is not None and any(e.kind == "country" and e.key not in ("-", "united-states")
                                        for e in gazetteer().get(first.group(1), ()))
    return demonym or bool(_FOREIGN_TITLE.search(office))


def _domestic_side(record: DocumentRecord) -> Party | None:
    if not _CONVERSATION_BETWEEN.search(record.heading or "") or not record.authors \
            or not all(_foreign_office(p.office) for p in record.authors):
        return None
    us = [p for p in record.recipients if p.office and not _foreign_office(p.office)]
    return us[0] if len(us) == 1 else None


# Session 33: the "FROM:" line of a memorandum's own heading block ("MEMORANDUM FOR: / THE PRESIDENT / FROM: / HENRY A.
# KISSINGER"), read where the FRUS heading names no author ("From the Presidents Assistant…", "Briefing Memorandum
# Prepared by the Bureau of European Affairs": "FROM: EUR - Arthur A. Hartman [AH initialed]").
_FROM_LINE = re.compile(r"(?m)^[ \t]*FROM[ \t]*:[ \t]*\n?(?:[ \t]*\n)*[ \t]*(?P<who>[^\n]+)")


def _from_line(record: DocumentRecord, mentions: MentionIndex) -> Agent | None:
    if _TELEGRAM.search(record.heading or "") or "Conversation" in (record.heading or ""):
        return None      # a cable's own routing, or the covering note of a record of talk ("FROM: WINSTON LORD")
    m = _FROM_LINE.search(record.text, record.body_start, min(record.body_end or len(record.text), record.body_start + 800))
    people = [x for x in mentions.within(m.start("who"), m.end("who")) if x.kind == "person" and x.entity] if m else []
    return agent_of_mentions(record, people[:1], "the memorandum's FROM line names its author") if people else None


_BETWEEN = re.compile(r"\bConversation\s+Between\b", re.IGNORECASE)


def _initialling_party(record: DocumentRecord, last_block: tuple[int, int] | None) -> Agent | None:
    """Session 20: a record of a conversation "Between Secretary of State Dulles and His Special Assistant (Greene)"
    closed by "JG" is Greene's: the initials name its writer among the parties."""
    if not _BETWEEN.search(record.heading or ""):
        return None
    initials = signed_initials(record, last_block)
    if initials is None:
        return None
    parties = {party_person_iri(record, p) for p in record.parties if p not in record.authors}
    if initials.iri not in parties and (parties or initials.iri in {party_person_iri(record, p) for p in record.authors}):
        return None      # session 47: where the heading's other side is an office ("Between the Secretary of State and…"), the initials decide
    return named_agent(Named(initials.iri, initials.label, initials.how))


def _drafting_party(record: DocumentRecord) -> Party | None:
    """Session 20: a record of a conversation "Between President Eisenhower and Secretary of State Dulles" that the
    source note says Dulles drafted is Dulles's "I": the heading's first party is a participant, not its writer."""
    note = record.source_note
    if note is None or not note.drafted_by or not _BETWEEN.search(record.heading or ""):
        return None
    first = re.split(r",|;|\s+and\s+|\s+\(", note.drafted_by.strip(), maxsplit=1)[0].split()
    if not first:
        return None
    hits = [p for p in record.parties if p.name and p.name.split()[-1] == first[-1]]
    return hits[0] if len(hits) == 1 and hits[0] not in record.authors else None


def _routed_agent(record: DocumentRecord, mentions: MentionIndex, first_blocks: list[tuple[int, int]],
                  known: DocumentPeople | None) -> Agent | None:
    """Round 9: the senders named by routing words that open the first paragraph ("For Compub from Palmer.
    Pershings offer…", "For Ambassador from Battle and Macomber."), all of them, linked or local to the document."""
    if known is None:
        return None
    parts: list[Agent] = []
    for name, m in routing_senders(record, mentions, first_blocks, known):
        agent = agent_of_mentions(record, [m], "") if m is not None else None
        if agent is None:
            named = known.us_president() if name == "President" else known.named(name)
            agent = named_agent(named) if named is not None else None
        if agent is None:
            return None
        parts.append(agent)
    if not parts:
        return None
    iris, names, details, used, kinds = [], [], [], [], []
    for a in parts:
        if a.iris[0] in iris:
            continue
        iris += a.iris
        names += a.names
        details += a.details
        used += a.mentions
        kinds += a.kinds
    return Agent(tuple(iris), tuple(names), "named as the sender by the routing words opening the telegram",
                 tuple(details), tuple(used), tuple(kinds))


def _signed_or_drafted(record: DocumentRecord, mentions: MentionIndex, last_block: tuple[int, int] | None,
                       known: DocumentPeople | None) -> Agent | None:
    for_body = _FOR_BODY.search(record.text, max(record.body_start, (last_block or (0, 0))[1] - 200), (last_block or (0, 0))[1]) \
        if last_block is not None else None
    if for_body is not None and re.search(r"\bFrom\s+the\s+" + re.escape(for_body.group(1)) + r"\b", record.heading or ""):
        body = _body_voice(record, mentions, last_block)     # session 32: "For the Joint Chiefs of Staff: … L. L. Lemnitzer"
        if body is not None:
            return body
    if last_block is not None:
        s, e = last_block
        words = _WORDS.findall(record.text[s:e])
        if 0 < len(words) <= 5 and not record.text[s:e].rstrip().endswith(("?", "!", ":")) \
                and not _TURN.match(record.text, s, e) and not _a_sentence(record.text[s:e]):
            # session 34: "Dr. Kissinger: You should." is a turn, "Bech did not speak." a sentence: no signature
            people = [m for m in mentions.within(s, e) if m.kind == "person"]
            if people:
                agent = agent_of_mentions(record, people[:1], "signed the document")
                if agent:
                    return agent
    initials = signed_initials(record, last_block)            # round 11: "JFD" closing Dulles's "I said…", drafted by Greene
    if initials is not None:
        return named_agent(Named(initials.iri, initials.label, initials.how))
    untagged = _untagged_signature(record, last_block, known)
    if untagged is not None:
        return untagged
    note = record.source_note
    drafted = note.drafted_by if note else None
    if note and not drafted:
        d = _DRAFTED.search(note.text)
        drafted = d.group(1) if d else None
    if drafted and not _TELEGRAM.search(record.heading or ""):   # round 11: a telegram's drafter is not its voice
        agent = _drafter(record, mentions, drafted, known)
        if agent:
            return _absent_drafters_participant(record, mentions, agent) or agent
    return _heading_by(record, known) or _unnamed_participant(record, mentions) or _summary_reporter(record, mentions) \
        or _body_voice(record, mentions, last_block, known)


_TURN = re.compile(r"\s*[A-Z][\w.’' -]{0,40}:\s+\S")
_LOWER_WORD = re.compile(r"(?<![\w’'-])(?!(?:de|del|der|van|von|da|di|du|la|le|al|el|bin|ibn|y)\b)[a-z]{2,}\b")


def _a_sentence(block: str) -> bool:
    """A short closing line that is a sentence ("Bech did not speak.", "General Abrams has returned."), not a signature
    ("Herbert Hoover, Jr.", "TOON [MT initialed]", "L.A. M[innich, Jr.]")."""
    line = re.sub(r"\[[^\]]*\]?", "", block).strip()
    return line.endswith(".") and bool(_LOWER_WORD.search(line))


# Session 32: a signature made on a body's behalf, the body the heading sends the document from ("For the Joint Chiefs of
# Staff:" above the Chairman's name, 189 times in the 99 volumes): the body's statement, not its Chairman's.
_FOR_BODY = re.compile(r"(?m)^[ \t]*For the ([A-Z][^:\n]{3,60}):[ \t]*$")


def _short_line(text: str, at: int) -> bool:
    """A line of a participants list ("Boris Sedov, Counselor, Soviet Embassy"), not narration."""
    s, e = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    return len(_WORDS.findall(text[s:e if e >= 0 else len(text)])) <= 12


_RECORD_OF_TALK = re.compile(r"Conversation|Meeting|Memorandum for the Record|Notes", re.IGNORECASE)
_I_OR_ME = re.compile(r"(?:^|[\s“\"(])(?:I\s+[a-z]|me\b|my\s)")


def _unnamed_participant(record: DocumentRecord, mentions: MentionIndex) -> Agent | None:
    """Round 11: the "I" of a record of a conversation that names no writer is the one participant named before
    its first "I"/"me" and never after ("PARTICIPANTS / Dr. Kissinger / Ambassador Dobrynin / Ambassador Dobrynin came to
    see me…"): a writer calls himself "I"."""
    if not _RECORD_OF_TALK.search(record.heading or ""):
        return None
    end = record.body_end if record.body_end is not None else len(record.text)
    first = _I_OR_ME.search(record.text, record.body_start, end)
    if first is None:
        return None
    line_start = record.text.rfind("\n", record.body_start, first.start()) + 1
    before = {m.entity: m for m in mentions.within(record.body_start, max(line_start, record.body_start))
              if m.kind == "person" and m.entity and _short_line(record.text, m.start)}
    after = {m.entity for m in mentions.within(first.start(), end) if m.kind == "person"}
    silent = [m for iri, m in before.items() if iri not in after]
    if len(silent) != 1:
        return None
    return agent_of_mentions(record, silent, "the participant the record names before its first 'I' and never after")


def _absent_drafters_participant(record: DocumentRecord, mentions: MentionIndex, drafter: Agent) -> Agent | None:
    """Session 33: the "I" of a record drafted later by someone who took no part ("Drafted on November 5 by Swihart" under
    Ambassador Toon's "At my request I called on Mr. Petric…"): the participant named before the first "I", where the
    drafter is named nowhere in the record."""
    if any(d.local for d in drafter.details):
        return None      # "Prepared by Deputy Director, Africa Region/ISA Col. A.N. Skogerboe": a title, not one we know
    end = record.body_end if record.body_end is not None else len(record.text)
    body = record.text[record.body_start:end]
    if any(m.entity in drafter.iris for m in mentions.within(record.body_start, end)) \
            or any(re.search(rf"\b{re.escape(name.split()[-1])}\b", body) for name in drafter.names if name.split()):
        return None
    return _unnamed_participant(record, mentions)


# Session 31: the editors' summary of a record no heading, signature or source note signs ("Military Attaché Walters
# reported an “uncomfortable” meeting with…"): the person it opens on as the one who reported it.
_SUMMARY_REPORTER = re.compile(r"(?:\d+\.\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}?(?P<name>[A-Z][\w’'-]+)\s+(?:reported|recorded|summarized|described)\b")


def _summary_reporter(record: DocumentRecord, mentions: MentionIndex) -> Agent | None:
    for fn in record.footnotes:
        if fn.is_source or (fn.anchor is not None and fn.anchor > record.body_start):
            continue
        m = _SUMMARY_REPORTER.match(record.text, fn.start, fn.end)
        person = [x for x in mentions.within(m.start("name"), m.end("name")) if x.kind == "person"] if m else []
        if person:
            return agent_of_mentions(record, person[:1], "reported the meeting, per the editors' summary of the document")
    return None


# Round 11: "Telegram 64317 From the Department of State…": unsigned, it is the sending body's, not its drafter's.
_TELEGRAM = re.compile(r"^\W*(?:\d+\.\s+)?(?:Circular\s+|Backchannel\s+)?Telegram\b", re.IGNORECASE)


def _drafter(record: DocumentRecord, mentions: MentionIndex, drafted: str, known: DocumentPeople | None = None) -> Agent | None:
    """The person the source note's "Drafted by …" names first ("Major William Y Smith, Taylor's aide" is Smith,
    not Taylor, named after him and in "Taylor Papers")."""
    found = []
    for fn in record.footnotes:
        if fn.is_source:
            for m in mentions.within(fn.start, fn.end):
                at = drafted.find(_surface(record, m)) if m.kind == "person" else -1
                if at >= 0:
                    found.append((at, m.start, m))
    for _, _, m in sorted(found, key=lambda x: (x[0], x[1])):
        agent = agent_of_mentions(record, [m], "drafted the document, per the source note")
        if agent:
            return agent
    if re.search(r"Telephone", record.heading or "", re.IGNORECASE):
        return None     # a transcriber no mention names: the call's unattributed lines are not theirs (gold rounds 5-9)
    return _drafter_unlinked(drafted, known)


_PERSONAL_NAME = re.compile(r"(?:(?:Mr|Mrs|Miss|Ms|Dr)\.?\s+)?(?:[A-Z][a-z]+\s+)?(?:[A-Z]\.\s*){0,2}[A-Z][a-z][\w’'-]+")


def _drafter_unlinked(drafted: str, known: DocumentPeople | None) -> Agent | None:
    """Round 11: a drafter or transcriber no mention covers ("Prepared by Phyllis D. Bernau"): the person the document
    names so, else a person local to it, when the first name the note gives is a personal name (not "AF/AFS")."""
    first = re.split(r",|;|\s+and\s+|\s+on\s+|\s+\(", drafted.strip(), maxsplit=1)[0].strip()
    if known is None or not _PERSONAL_NAME.fullmatch(first):
        return None
    named = known.named(first)
    if named is None:
        return None
    agent = named_agent(named)
    return Agent(agent.iris, agent.names, f"drafted the document, per the source note ({named.how})", agent.details,
                 kinds=agent.kinds)


_SIGNATURE = re.compile(r"(?:[A-Z][A-Za-z’'-]+\s){0,2}[A-Z][A-Za-z’'-]+")


def _untagged_signature(record: DocumentRecord, last_block: tuple[int, int] | None, known: DocumentPeople | None) -> Agent | None:
    """Round 11: a signature no mention covers ("Herter" closing a Department telegram "approved by Hanes who signed for
    Herter"): the person the document names so, else, where the source note prints the name too, a person local to it."""
    if last_block is None or known is None:
        return None
    printed = record.text[last_block[0]:last_block[1]].strip()
    words = [w.lower() for w in _WORDS.findall(printed)]
    if not _SIGNATURE.fullmatch(printed) or any(w in known.cues.sentence_starters or w in known.cues.non_speaker_labels
                                                or w in known.cues.not_person_subjects for w in words):
        return None
    named = known.named(printed)
    if named is None or named.local:
        named = known.signer_in_office(printed) or named
    note = record.source_note.text if record.source_note else ""
    if named is None or (named.local and not re.search(r"\b" + re.escape(printed) + r"\b", note, re.IGNORECASE)
                         and not sent_from_post(record)):
        return None
    agent = named_agent(named)
    return Agent(agent.iris, agent.names, f"signed the document ({named.how})", agent.details, kinds=agent.kinds)


_I_IN_TELEGRAM = re.compile(r"(?:^|[\s(])(?:I|me|my|MY|ME)(?=[\s,.;:)])")


def _body_voice(record: DocumentRecord, mentions: MentionIndex, last_block: tuple[int, int] | None,
                known: DocumentPeople | None = None) -> Agent | None:
    """A surname closing a telegram's last paragraph, else the agency or post of the heading, else the
    Department of State for a memorandum of conversation that names nobody as its writer."""
    signer = closing_signer(record, mentions, last_block)
    agent = agent_of_mentions(record, signer, "signed the document (the name closing its last paragraph)") if signer else None
    if agent:
        return agent
    closing = closing_word(record, last_block)
    in_office = known.signer_in_office(closing) if closing and known is not None else None
    if in_office is not None:
        return named_agent(in_office)
    body, how = heading_sender(record), "the body the heading sends the document from"
    chief = known.chief_of_sending_post() if body is not None and known is not None and _TELEGRAM.search(record.heading or "") \
        and _I_IN_TELEGRAM.search(record.text, record.body_start, record.body_end or len(record.text)) else None
    if chief is not None:
        return named_agent(chief)
    if body is None:
        body, how = memcon_department(record), "the Department of State, whose record a memorandum of conversation without a writer is"
    if body is None:
        return None
    return Agent((body.iri,), (body.label,), how, (body,) if body.local else (), kinds=(body.kind,))


_BY = re.compile(r"\bby\s+(?:the\s+)?(?:Mr\.|Mrs\.|Miss|Dr\.)\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})")


# Round 11: "Memorandum From J.F. Abbott of the Military Intelligence Division … to …" (no author party read).
_FROM_PERSON = re.compile(r"\bFrom\s+(?P<name>(?:[A-Z]\.\s?){1,3}[A-Z][a-z][\w’'-]+|[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z][\w’'-]+)"
                          r"(?=\s+(?:of|to)\b|,)")


def _heading_by(record: DocumentRecord, known: DocumentPeople | None) -> Agent | None:
    """'Memorandum of Conversation, by Mr. Charlton Ogburn, Jr., …' when the heading yielded no author party; (round 11)
    'Memorandum From J.F. Abbott of …', a person's name after 'From' that the heading's parties left out."""
    m = _BY.search(record.heading or "")
    if m is None and not any(p.role == "author" for p in record.parties):
        m = _FROM_PERSON.search(record.heading or "")
    named = known.named(m.group(1)) if known is not None and m else None
    if named is None:
        return None
    agent = named_agent(named)
    return Agent(agent.iris, agent.names, f"named after 'by' in the heading; {named.how}", agent.details, kinds=agent.kinds)


# Session 33: also the editors' "No drafting information appears on the memorandum; presumably drafted by Richard
# Solomon." (about 45 in the 99 volumes), not where they name two ("presumably drafted by either Lord or Howe").
_DRAFTED = re.compile(r"\b(?:Drafted|Prepared|[Pp]resumably\s+drafted)(?:\s+and\s+(?:initialed|approved|cleared)|\s+on\s+[A-Z][a-z]+\s+\d{1,2}(?:,\s+\d{4})?)?\s+by\s+(?!either\b)(.{2,120}?)(?:\s+(?:and|on)\s+(?:approved|cleared|initialed)|\s+on\s+[A-Z]|(?<!\b[A-Z])[.;](?:\s|$)|$)")
# "K: …", "The President: …", and the editors' bracketed restoration "[The President:] …".
_LABEL = re.compile(r"\[?([A-Z][\w.’' -]{0,40}?):\]?\s+(?=\S)")


# Round 12: a label joined to its turn by a dash ("General Williams—I also have another piece of news.", "President—That
# is very good.", "Rogers—We…", "RN—What…"): a speaker only where it reads as a person ("Tunisia—Despite…" is a topic).
_DASH_LABEL = re.compile(r"\[?((?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*)\]?\s?—\s?(?=[A-Z“\"])")


def label_speaker(record: DocumentRecord, start: int, end: int, mentions: MentionIndex, cues: Cues,
                  known: DocumentPeople | None = None) -> tuple[int, Agent | None] | None:
    """A transcript label at the start of a block ("K: …", "The President: …"): (label end, speaker).
    Returns None when the block has no label; (end, None) for a label that names no speaker
    ("London: …" addresses a post, "Note: …")."""
    m = _LABEL.match(record.text[start:end])
    if not m:
        dash = _DASH_LABEL.match(record.text[start:end])
        found = _label_of(record, start, dash, mentions, cues, known) if dash else None
        return found if found is not None and found[1] is not None and "person" in found[1].kinds else None
    return _label_of(record, start, m, mentions, cues, known)


def _label_of(record: DocumentRecord, start: int, m: re.Match, mentions: MentionIndex, cues: Cues,
              known: DocumentPeople | None) -> tuple[int, Agent | None] | None:
    label = m.group(1).strip()
    lend = start + m.end()
    if re.match(r"(?i)dear\b|my dear\b", label):
        return lend, None                          # a salutation names the addressee
    if label.lower() in cues.non_speaker_labels or len(_WORDS.findall(label)) > 4:
        return (lend, None) if label.lower() in cues.non_speaker_labels else None
    named = [x for x in mentions.within(start, start + m.end(1))]
    people = _label_speakers(named, start + m.start(1), start + m.end(1))
    if people:
        return lend, agent_of_mentions(record, people, f"speaker label '{label}:'")
    if any(x.kind in ("country", "place", "region") for x in named):
        return lend, None                          # a place or country: an addressee, not a speaker
    if label == "P" and known is not None:         # round 11: "P:" for the President the document names
        president = known.named("President")
        if president is not None and not president.local:
            return lend, named_agent(president)
    if re.fullmatch(r"[A-Z]{1,3}", label):
        hits = [p for p in record.parties if label in _party_initials(record, p)]
        if len(hits) == 1:
            return lend, party_agent(record, hits, f"speaker label '{label}:' read as the initial of a party in the heading")
    if re.fullmatch(r"[A-Z]{1,4}", label):
        by_initials = speaker_by_initials(record, label, "speaker label")      # round 11: "GWB:", "LBJ:", "K:" by participants
        if by_initials is not None:
            return lend, named_agent(Named(by_initials.iri, by_initials.label, by_initials.how))
    title = known.title(label) if known is not None else None
    holders = [p for p in record.parties if title and p.office and p.office.lower().startswith(title)]
    if len(holders) == 1:       # round 12: "President—That is very good." in a conversation between the heading's parties
        return lend, party_agent(record, holders, f"speaker label '{label}' read as the heading's party with that office")
    named = _label_named(label, lend, known)
    if named is None and _a_word_not_a_name(label) and m.group(0).rstrip().endswith(":"):
        return lend, None           # session 54: "Justification:", "Reason:" head a memorandum's paragraphs
    return named


def _party_initials(record: DocumentRecord, p: Party) -> set[str]:
    """The initials a heading party goes by in a transcript or a telephone memorandum ("L" for Lodge)."""
    out = {p.name[:1].upper(), "".join(w[0] for w in p.name.split() if w[:1].isupper())}
    title = _TITLE_BEFORE.search(record.text, max(0, (p.start or 0) - 60), p.start) if p.start is not None else None
    for office in (p.office, title.group(1) if title else None):
        if office:
            out.add(office[:1].upper())
    return out


_CALL_RECORD = re.compile(r"Telephone|Conversation|Transcript|Call\b|Meeting", re.IGNORECASE)


def initial_speaker(record: DocumentRecord, printed: str, people: DocumentPeople | None) -> Agent | None:
    """'L said…' in a telephone memorandum of a Dulles–Lodge call: an initial standing for the one heading
    party, else the one person named in the document, whose name begins with it. Round 10: with its period ("R. said
    Gray has gone to Paris." for Robertson, in Bernau's notes) in a call or conversation, where no list is lettered."""
    if re.fullmatch(r"[B-HJ-Z]\.", printed) and _CALL_RECORD.search(record.heading or ""):
        printed = printed[0]
    if not re.fullmatch(r"[B-HJ-Z]", printed):
        return None                 # "A" and "I" are words, not initials
    hits = [p for p in record.parties if printed in _party_initials(record, p)]
    if len(hits) == 1:
        return party_agent(record, hits, f"'{printed}' read as the initial of a party in the heading")
    named = people.initial(printed) if people is not None else None
    return named_agent(named) if named is not None else None


def _label_speakers(named: list[Mention], s: int, e: int) -> list[Mention]:
    """Round 11: the persons a label names, else a body that is the whole label ("State:"); an acronym of an office
    inside a label with a name ("PM Chou:", PM read as the Bureau of Politico-Military Affairs) is no speaker."""
    persons = [x for x in named if x.kind == "person"]
    if persons:
        return persons
    bodies = [x for x in named if x.kind == "organization"]
    return bodies if bodies and bodies[0].start <= s and bodies[-1].end >= e else []


# Round 11: a label that is a name ("Duff:", "VM Ch'iao:", "Mrs. Shih:"), with a title or honorific before it.
_NAME_LABEL = re.compile(r"(?:[A-Z][A-Za-z]{0,11}\.?\s+){0,2}[A-Z][’']?[a-z][\w’'-]*(?:[\s-][A-Z][’']?[a-z][\w’'-]*)?"
                         r"|(?:MR|MRS|MS|DR|MISS|AMB)\.?\s+[A-Z][A-Z’'-]+")


def _label_named(label: str, lend: int, people: DocumentPeople | None) -> tuple[int, Agent] | None:
    """A label no mention covers: an initial of one person named in the document ("K:"), a title
    ("President:"), a name the document gives in full, or (round 11) a name the entity layer did not link that
    opens two or more paragraphs of the document ("Duff:", "VM Ch'iao:"), a person local to the document."""
    if people is None:
        return None
    named = people.initial(label) if re.fullmatch(r"[A-Z]", label) else people.named(label)
    if named is None or (named.local and people.title(label) is None and not _recurring_name(label, people)):
        return None
    return lend, named_agent(named)


def _a_word_not_a_name(label: str) -> bool:
    """Session 54: a label of one word the corpus prints in lower case that is nobody's surname ("Justification:",
    "Reason:"; "Brown:" is a name)."""
    words = [w.lower() for w in _WORDS.findall(label)]
    return len(words) == 1 and words[0] in common_words() and not authorities().surname_index.get(words[0])


# Who speaks for others or for nobody: no speaker of their own.
_NO_VOICE = frozenset({"interpreter", "translator", "operator", "unidentified", "voice", "voices", "tape", "recording"})


def _recurring_name(label: str, people: DocumentPeople) -> bool:
    words = [w.lower() for w in _WORDS.findall(label)]
    if not _NAME_LABEL.fullmatch(label) or any(w in people.cues.sentence_starters or w in people.cues.non_speaker_labels
                                               or w in _NO_VOICE for w in words):
        return False
    if len(words) > 1 and all(w in common_words() for w in words):
        return False        # session 33: "Current Position:" opening two paragraphs of a survey is no one's label
    if _a_word_not_a_name(label):
        return False
    r = people.record
    turns = re.findall(r"(?m)^\[?" + re.escape(label) + r":", r.text[r.body_start:r.body_end])
    return len(turns) >= 2


@dataclass(frozen=True)
class Subject:
    """The subject of a reporting verb: a named agent, the writer ('first'), or unknown."""
    kind: str                 # "agent" | "first" | "unknown"
    agent: Agent | None = None
    how: str = ""


_FIRST = re.compile(r"(?:^|[\s,;(—–])(I|[Ww]e)\s+(?:[\w’']+\s+){0,2}$")
# Session 42: an aside between commas after the pronoun or its auxiliary ("He, too, thinks…", "He had, however, maintained…").
_PRONOUN = re.compile(r"(?:^|[\s,;(—–])([Hh]e|[Ss]he|[Ii]t|[Tt]hey)(?:\s*,\s*[\w’']+,|\s*,)?\s+(?:[\w’']+(?:,\s*[\w’']+,)?\s+){0,2}$")
# Session 29: what may stand before a sentence's subject: a title or honorific ("Mrs. Meir", "M. Guillamat") after a short
# opening adverbial ("In the Map Room, Dobrynin was extremely cordial and asked…").
_SUBJECT_OPENS = re.compile(r"\W*(?:\(?\w{1,3}[.)]\s+)?(?:(?:In|At|On|After|During|Before|Later|Then|Finally|Next)\b[^,;:()\d]{0,40},\s+)?"
                            # session 36: not a condition's opening word ("If Kuznetsov does not accept…, you authorized…")
                            r"(?:(?!(?:If|When|Unless|Although|Though|While|Since|As|Should|Once|Until|Whether|Because)\b)[A-Z][a-z]*\.?\s+)?")
_SUBORDINATOR = re.compile(r"\b(?:that|if|whether|which|who|whom|when|while|because|unless)\b")
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:(?:\w+ly|also|then|again)\s+)?$")
_CLAUSE_PRONOUN = re.compile(r"(?:^|[\s,])([Hh]e|[Ss]he|[Tt]hey)\s")
# Session 36: when, between a subject and its verb ("General Weizmann today said…", frus1964-68v18 d168)
_WHEN_WORDS = r"today|yesterday|tonight|earlier|(?:this|that)\s+(?:morning|afternoon|evening)|last\s+(?:night|evening)"
_WHO = re.compile(r",?\s*\bwho\s+(?:[\w’']+\s+)?$")
# Session 42: "Humphrey and his friends think we should have a large Government food reserve." (frus1969-76ve14p1 d141)
AND_HIS_GROUP = (r"and\s+(?:his|her|their)\s+(?:\w+\s+)?(?:friends|colleagues|associates|advisers|advisors|supporters|aides|"
                 r"followers|staff|people|government|ministers|cabinet|party)")
_GAP = re.compile(r"^\]?\s*(?:\[[^\]]{1,80}\]\s*)?(?:,[^,;:]{1,40},\s*)?(?:(?:representatives?|officials?|spokesm[ae]n|authorities|leaders|leadership|delegates?|delegation|"
                  r"mission|government|govt|side|officers|people|sources|staff)(?:\s*,[^,;:]{1,60},)?\s+)?"
                  rf"(?:{AND_HIS_GROUP}\s+)?(?:(?:\w+ly|also|then|again|further|both|himself|herself|had|has|have|would|will|did|been|once|twice|still|later|now|first|finally|subsequently|alone|already|long|never|always|not|rather|"
                  rf"{_WHEN_WORDS})\s+)*$", re.IGNORECASE)
# Session 36: one of a body's people as the subject ("Foreign Office official replied…. He expressed belief…", frus1955-57v15
# d367): the body speaks, and "he" after it is that one.
_ONE_OF_ITS_PEOPLE = re.compile(r"\s*(?:official|officer|spokesman|spokeswoman|representative|delegate)\b(?!['’]s)", re.IGNORECASE)


def _pronoun_fits(pronoun: str, ref: Agent | None) -> bool:
    """"He" and "she" stand for a person, or for a body one of whose people spoke; "it" for a body or a country."""
    if ref is None:
        return False
    fits = {"he": {"person"}, "she": {"person"}, "it": {"organization", "country"}}.get(pronoun, SPEAKER_KINDS)
    return set(ref.kinds) <= fits or (ref.one_speaking and pronoun in ("he", "she"))


def _through_one_of_its_people(agent: Agent | None, text: str, end: int, verb_start: int) -> Agent | None:
    if agent is None or not _ONE_OF_ITS_PEOPLE.match(text, end, verb_start):
        return agent
    return dataclasses.replace(agent, one_speaking=True)


def _gap(text: str, m: Mention, sent_start: int, verb_start: int) -> bool:
    """Whether only what may stand between a subject and its verb follows the mention; session 31: also the comma that
    closes a name in apposition ("His opponent in next May’s presidential election, Kim Tae-chung, has charged that…")."""
    between = text[m.end:verb_start]
    if _GAP.match(between):
        return True
    return m.kind == "person" and between.startswith(",") and text[max(sent_start, m.start - 2):m.start] == ", " \
        and bool(_GAP.match(between[1:]))


# Session 32: a relative clause between commas after a country or a body ("Libya, which represents …, has demanded:").
_WHICH_ASIDE = re.compile(r"\s*,\s*which\s")
# An aside between commas after a person's name and before the verb ("Dobrynin, without … in Moscow, said").
# Session 46: also "twice", "once", "still", "never", "not" ("Prime Minister Sato, through Yasukawa, has twice made it clear…").
_NAME_ASIDE = re.compile(r"\s*,[^,;:]{1,200},\s*(?:(?:\w+ly|also|then|again|further|now|has|have|had|would|will|did|twice|once|still|"
                         r"already|never|not|always|first|finally|subsequently|later)\s+)*")
# "Our man in Moscow believes…": the place names where the speaker is, not the speaker.
_SOMEONE_IN = re.compile(r"\b(?:[Oo]ur|[Mm]y|[Tt]heir|[Hh]is|[Hh]er|[Aa]|[Tt]he)\s+(?:man|men|people|person|source|contact|friend|colleague)\s+(?:in|at|from)\s+$")
_AND = re.compile(r"^\s*(?:,\s*(?:the\s+)?|(?:,?\s+and\s+|\s*&\s*)(?:the\s+)?(?:[A-Z][a-z]+\.?\s+){0,2})$")
# A subject that reads as a person or body we cannot link: "The Ambassador said", "Shah insisted", "He said".
_UNNAMED = re.compile(r"(?:(?:^|\s)(?:[Hh]e|[Ss]he|[Tt]hey)|(?:^|[,;:(—–]\s*|\b(?:and|but|that|when|while|then)\s+)(?:[Tt]he\s+)?(?:[A-Z][\w’'.-]+\s+){1,3})"
                      r"(?:(?:\w+ly|also|then|again|further|had|has|have|would|will|did|once|later|already|"
                      rf"{_WHEN_WORDS})\s+)*$")
_PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are|am|get|got|kept|keep|keeps|seem|seems|seemed|appear|appears|appeared|look|looks|looked)\s+(?:\w+ly\s+|not\s+|also\s+)*$", re.IGNORECASE)
# "two reports (attached)", "the proposed agreement": a noun after a determiner or a number, not a verb; session 29: or
# after "of" and an adjective of greeting ("unaware of proposed actions", "sent best regards to…").
_DETERMINER = re.compile(r"(?:^|\s)(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|two|three|four|five|six|"
                         r"of|best|warm|warmest|kind|kindest|"
                         r"seven|eight|nine|ten|several|many|few|other|\d+)\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\s")     # "Truman’s message responded…": the message, not Truman, is the subject
# Session 27: "the Sec" is not the heading's "Secretary of the Army (Brucker)" (frus1955-57v23p1 d144, Dulles's notes).
_ANOTHER_SECRETARY = re.compile(r"\w*\s+of\s+(?!state\b)")
_INITIAL_AFTER = re.compile(r"\s+([B-HJ-Z]\.?)\s*,")
_TITLE_SUBJECT = re.compile(r"(?:^|[\s,;])[Tt]he\s+((?:[A-Z][a-z]+\s+){1,4}?)(?:(?:also|then|again)\s+)?$")


def _speakers(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.kind in SPEAKER_KINDS]


def named_agent(named: Named) -> Agent:
    """A claimant read from a name, title or initial that no linked mention covers."""
    detail = ClaimAgent(iri=named.iri, label=named.label, kind=named.kind, local=named.local)
    return Agent((named.iri,), (named.label,), named.how, (detail,), kinds=(named.kind,))


# A name or title right before the verb, with no mention on it: "Shah insisted", "Franklin, China Desk, suggested".
# Session 28: also after a short opening adverbial ("At this point Tsao said…", "In reply Chou said…").
_CANDIDATE = re.compile(r"(?:^\W*(?:(?:At\s+(?:this|that|one)\s+point|In\s+(?:reply|response)|Then|Later|Finally|However|Also|Next|"
                        r"Subsequently|Afterwards|Thereupon)\s*,?\s+)?|[,;:(—–][”\x22’]?\s*|[”\x22]\s+|\b(?:and|but|that|when|while|then)\s+)(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w’'.-]*\s+(?:(?:van|von|de|den|der|da|di|du|la|le|al|el|bin|ibn)\s+)*){0,3}"
                        r"[A-Z][\w’'.-]*)(?:\s*,(?P<aside>[^,;:]{1,120}),|\s*\([^()]{1,40}\))?\s+(?:(?:\w+ly|also|then|again|further|had|has|have|would|will|did|once|later|already|very|quite|rather|most|"
                        rf"{_WHEN_WORDS})\s+)*$")


_INITIAL = re.compile(r"[B-HJ-Z]")      # "A" and "I" are words


# Round 12: "Finally the Cardinal said…", "Turning to the Near East the Cardinal said…": a title after "the" anywhere in
# the sentence, right before the verb.
_THE_TITLE = re.compile(r"\sthe\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*)\s+(?:(?:\w+ly|also|then|again|further)\s+)*$")


def _title_within(pre: str, people: DocumentPeople | None) -> Subject | None:
    t = _THE_TITLE.search(pre)
    if t is None or people is None:
        return None
    printed = t.group("name")
    if people.title(printed) is None and (" " in printed or printed.endswith("s")):
        return None              # "the Near East", "the Soviets": no title
    named = people.named(printed)
    return Subject("agent", named_agent(named), named.how) if named is not None else None


# Round 12: "The Sec returned the call and C said…": an initial after "and" right before the verb is the speaker.
_AND_INITIAL = re.compile(r"\b(?:and|but)\s+[A-HJ-Z]\.?\s+$")
_LONE_A = re.compile(r"\W*(?:(?:Then|Later|Finally|Next|Also)\s+)?A\.?\s+")     # round 12: "A said…", an initial before the verb, no article


def _initial_a(people: DocumentPeople, printed: str) -> Agent | None:
    """Round 12: "A said the President was worried." in a call or conversation: right before a verb of saying, "A" is no
    article but the initial of the one heading party, else the one person of the document, whose surname it begins
    (Adams)."""
    if printed not in ("A", "A.") or not _CALL_RECORD.search(people.record.heading or ""):
        return None
    hits = [p for p in people.record.parties if "A" in _party_initials(people.record, p)]
    if len(hits) == 1:
        return party_agent(people.record, hits, "'A' read as the initial of a party in the heading")
    named = people.initial("A")
    return named_agent(named) if named is not None else None


def _a_name_alone(word: str, cues: Cues) -> bool:
    """Session 14: a word the corpus never prints in lower case ("Vorontsov said…") is a name even where it opens
    the sentence alone; "Just wanted to tell you…" and "Emboff said…" are not (unlinked_names.py)."""
    return word.strip(".’'").isalpha() and is_name_word(word, cues)


_APPOSED_NAME = re.compile(r"\s*(?P<name>(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w’'-]+)\s*")


def apposed_name(people: DocumentPeople, title: str, aside: str) -> Agent | None:
    """Session 38: the name in apposition after a title speaks ("Minister of Interior, Tahar Belkhodja, told me…",
    "The Prime Minister, Nehru, said…"), not the title, which the document may tie to no one."""
    m = _APPOSED_NAME.fullmatch(aside)
    if m is None or people.title(title) is None or people.title(m.group("name")) is not None:
        return None
    named = people.named(m.group("name"))
    return named_agent(named) if named is not None and named.kind == "person" else None


def _unlinked_subject(pre: str, people: DocumentPeople | None, starters: frozenset[str]) -> Subject | None:
    c = _CANDIDATE.search(pre)
    if c is None:
        return _title_within(pre, people)
    if people is None:
        return None
    printed = c.group("name")
    if c.group("aside") and len(c.group("aside")) > 40 and gazetteer().get(printed):
        return None         # session 34: a long aside only after a person ("Austrian PermRep Jankostisch, in only explanation of vote…, noted")
    initial = initial_speaker(people.record, printed, people) or _initial_a(people, printed) \
        or apposed_name(people, printed, c.group("aside") or "")
    if initial is not None:
        return Subject("agent", initial, initial.how)
    group = people.group(printed) or _unlinked_pair(pre, c, people)
    if group:
        details = tuple(ClaimAgent(iri=n.iri, label=n.label, kind="person", local=n.local) for n in group)
        agent = Agent(tuple(n.iri for n in group), tuple(n.label for n in group), group[0].how, details,
                      kinds=("person",) * len(group))
        return Subject("agent", agent, agent.how)
    if printed.split()[0] in starters and not people.title(printed):
        return None
    named = people.named(printed)
    if named is None or (named.local and " " not in printed and not pre[:c.start("name")].strip(" “\"(—–-")
                         and people.title(printed) is None and not people.named_before(printed)
                         and not _INITIAL.fullmatch(printed) and not _a_name_alone(printed, people.cues)):
        return None         # "Just wanted to tell you…": one capitalized word opening the sentence is no name ("B said…" is an initial)
    return Subject("agent", named_agent(named), named.how)


def _unlinked_pair(pre: str, c: re.Match, people: DocumentPeople) -> list:
    """Session 31: "Generals Li and Tuan said they would accept…": two names joined by "and" after a title in the plural
    (or "Messrs."), neither linked, speak together."""
    m = re.search(r"(?:^|\s)(?P<plural>[A-Z][a-z]+s|Messrs\.?)\s+(?P<first>[A-Z][\w’'-]+)\s+and\s+$", pre[:c.start("name")])
    if m is None or not (m.group("plural").startswith("Messrs") or people.title(m.group("plural")[:-1]) is not None):
        return []
    pair = [people.named(m.group("first")), people.named(c.group("name"))]
    return pair if all(n is not None for n in pair) and pair[0].iri != pair[1].iri else []


_OBJECT_OF = re.compile(r"\b(?:to|for|from|of|at|on|about|especially|including)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,2}$")


def _relative_subject(record: DocumentRecord, sent_start: int, pre: str, mentions: MentionIndex) -> Subject | None:
    """'De Gaulle, who stated…': the person right before the relative pronoun."""
    who = _WHO.search(pre)
    if not who:
        return None
    cut = sent_start + who.start()
    before = _speakers(mentions.within(sent_start, cut))
    if before and _OBJECT_OF.search(record.text, max(sent_start, before[-1].start - 20), before[-1].start):
        return None                # session 30: "…pressure from …, especially Henry Wallace, who argued…": the writer's aside
    if before and not record.text[before[-1].end:cut].strip(" ,"):
        agent = agent_of_mentions(record, [before[-1]], "subject of a relative clause ('who …')")
        if agent:
            return Subject("agent", agent, agent.how)
    return None


# Round 11: a subject opening a clause of place or time after a main clause of the writer's ("…occurs in paragraph 25, on
# page 11, where the Treasury Department proposes…"): the sentence is the writer's.
_SUBORDINATE_WHERE = re.compile(r"\S[^.;:]*?,?\s+(?:where|whereby|in\s+which)\s+(?:the\s+)?$")
# Session 38: a place named after a noun of land or matter and "of" is no subject ("…communications … concerning legislation made
# applicable to the international territory of South West Africa conveyed views…", frus1969-76v28 d14).
_PLACE_OF = re.compile(r"\b(?:territory|territories|area|areas|region|part|parts|coast|border|borders|frontier|interior|north|"
                       r"south|east|west|situation|problem|question|case|independence|status|future|economy|history|"
                       r"security)\s+of\s+(?:the\s+)?$")


# Session 38: the addressee of a paper is not its voice ("My letter to General Gowon observed that history would judge
# harshly…", frus1969-76ve05p1 d89, Nixon's letter).
_PAPER_TO = re.compile(r"\b(?:letter|message|note|reply|telegram|cable|memorandum|communication)s?\s+to\s+(?:the\s+)?"
                       r"(?:[A-Z][\w.’'-]*\s+){0,3}$")


def _no_subject_here(text: str, m: Mention, sent_start: int) -> bool:
    """A mention before the verb that is no subject: in a clause of place after the writer's ("The only bracketed language
    occurs in paragraph 25, where the Treasury Department proposes…", round 11), a place after a noun and "of", or the
    addressee of a paper."""
    return bool(_SUBORDINATE_WHERE.search(text, max(sent_start, m.start - 30), m.start)) \
        or (m.kind != "person" and bool(_PLACE_OF.search(text, max(sent_start, m.start - 40), m.start))) \
        or bool(_PAPER_TO.search(text, max(sent_start, m.start - 60), m.start))
# Round 11: "Captain Robbins of ISA, Office of the Secretary of Defense, has informed me…": a person of a body.
_PERSON_OF = re.compile(r"(?:^|[\s(,;])(?P<name>(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w’'-]+)\s+(?:of|from)\s+(?:the\s+)?$")


def _member_of(record: DocumentRecord, sent_start: int, body: Mention, mentions: MentionIndex,
               people: DocumentPeople | None) -> Subject | None:
    """The person before "of"/"from" a body that stands before the reporting verb speaks, not the body he belongs to
    (an acronym of an office, "ISA", speaks only where nobody of it is named)."""
    if body.kind == "person" or people is None:
        return None
    m = _PERSON_OF.search(record.text, sent_start, body.start)
    if m is None:
        return None
    s, e = m.start("name"), m.end("name")
    named_here = mentions.within(s, e)
    if any(x.kind != "person" for x in named_here):
        return None                                # "Department of State", "Government of Greece"
    persons = [x for x in named_here if x.kind == "person"]
    if persons:
        agent = agent_of_mentions(record, persons[-1:], "a person of the body named after him")
        return Subject("agent", agent, agent.how) if agent else None
    words = m.group("name").split()
    if words[-1].lower() in people.cues.speaker_titles or people.title(m.group("name")) is not None \
            or words[-1].lower() in people.cues.sentence_starters:
        return None                                # "the Secretary of Defense", "Minister of Foreign Affairs"
    named = people.named(m.group("name"))
    if named is None:
        return None
    agent = named_agent(named)
    return Subject("agent", agent, f"a person of the body named after him; {named.how}")


# Round 11: "You asked whether the time has not come…" in a memorandum from the Acting Secretary to the President.
_YOU = re.compile(r"\W*(?:As\s+)?[Yy]ou\s+(?:(?:\w+ly|also|have|had|then)\s+)?$")
_FROM_TO = re.compile(r"\bFrom\b.+\bto\b")


def _addressee(record: DocumentRecord, pre: str, named: list[Mention]) -> Subject | None:
    """"You" before the reporting verb of a memorandum, letter or telegram from someone to someone is its one
    addressee, the heading's recipient (in a call or a transcript "you" is whoever the turn speaks to: not read)."""
    if not _YOU.fullmatch(pre) or not _FROM_TO.search(record.heading or ""):
        return None
    recipients = [p for p in record.parties if p.role == "recipient"]
    if len(recipients) != 1:
        return None
    agent = party_agent(record, recipients, "'You', the addressee of the document (its heading's recipient)")
    agent = Agent(agent.iris, agent.names, agent.how, mentions=tuple(named), kinds=agent.kinds)   # a tag on "You" names him
    return Subject("agent", agent, agent.how)


def _first_addressee_or_relative(record: DocumentRecord, sent_start: int, verb_start: int, pre: str,
                                 mentions: MentionIndex) -> Subject | None:
    """'I said', 'You asked' (round 11: the addressee), 'De Gaulle, who stated'."""
    if _FIRST.search(pre):
        return Subject("first", how="first person")
    addressee = _addressee(record, pre, mentions.within(sent_start, verb_start))
    if addressee is not None:
        return addressee
    return _relative_subject(record, sent_start, pre, mentions)


def _party_read_as_code(record: DocumentRecord, chosen: list[Mention], people: DocumentPeople | None) -> Subject | None:
    """Session 20: "E said that is not our position." in Dulles's notes of a call with Eban: the initial of a party of
    the heading, not the Bureau of Economic Affairs that the office code "E" stands for elsewhere."""
    lone = record.text[chosen[0].start:chosen[0].end]
    if len(chosen) != 1 or chosen[0].kind == "person" or not re.fullmatch(r"[B-HJ-Z]", lone):
        return None
    party = initial_speaker(record, lone, people)
    return Subject("agent", party, party.how) if party is not None and "person" in party.kinds else None


def _named_after_verb(record: DocumentRecord, verb_end: int, mentions: MentionIndex,
                      people: DocumentPeople | None) -> Subject | None:
    """The speaker an inversion names after the verb: "…, said Secretary Wilson," or, by a party's initial, "Whatever,
    said B, the Pres does…" (session 27)."""
    text = record.text
    after = _speakers(mentions.within(verb_end, verb_end + 40))
    if after and after[0].kind != "person" and not re.match(r"\s*[,.;:)—]", text[after[0].end:after[0].end + 3]):
        after = []      # session 37: "…statement which, in terminology typical of…, reiterated US position": a modifier
    if after and re.fullmatch(r"\s*(?:the\s+)?(?:[A-Z][\w.]*\s+){0,3}", text[verb_end:after[0].start]):
        agent = agent_of_mentions(record, [after[0]], "named after the reporting verb")
        if agent:
            return Subject("agent", agent, agent.how)
    initial = _INITIAL_AFTER.match(text, verb_end, verb_end + 12)
    party = initial_speaker(record, initial.group(1), people) if initial and people is not None else None
    return Subject("agent", party, party.how) if party is not None else None


# Session 37: "The Secretary General, said Eban, had made clear that…" (frus1955-57v17 d159): an inverted aside names the
# speaker, not the sentence's subject before it.
_INVERTED_ASIDE = re.compile(r"\s+(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w’'-]+\s*,")


# Session 37: a participle of saying after the main clause ("He started with a discussion of Lebanon, stating that
# Cairo…", "He inclined to the latter view, noting that the Iranians…"): its subject opens the sentence.
_PARTICIPLE = re.compile(r"(?:noting|adding|stating|pointing|explaining|arguing|emphasizing|stressing|observing|remarking|insisting|asserting|commenting)\b")
_OPENING_PRONOUN = re.compile(r"\W*(?:(?:And|But|Then|However),?\s+)?(?P<pro>He|She|he|she)\s")


def _after_the_main_clause(record: DocumentRecord, pre: str, verb_start: int, verb_end: int, mentions: MentionIndex,
                           pronoun_ref: Agent | None, people: DocumentPeople | None, quote_frame: bool) -> Subject | None:
    """The speaker named after the verb ("…, said Secretary Wilson"); for a participle, the pronoun opening the sentence."""
    if _PARTICIPLE.match(record.text, verb_start, verb_end):
        p = _OPENING_PRONOUN.match(pre)
        if p is None or pronoun_ref is None or not _pronoun_fits(p.group("pro").lower(), pronoun_ref):
            return None
        return Subject("agent", pronoun_ref, f"'{p.group('pro')}' read as {', '.join(pronoun_ref.names)}")
    if quote_frame or re.search(r"[,”\"]\s*$", pre):
        return _named_after_verb(record, verb_end, mentions, people)
    return None


def _subject_pronoun(pre: str, sent_start: int, verb_start: int, mentions: MentionIndex) -> re.Match | None:
    """The pronoun that is the verb's subject; session 29: not "it" closing a clause before a comma and a name ("After I
    had read it, Dobrynin asked…")."""
    p = _PRONOUN.search(pre)
    if p and "," in p.group(0) and _speakers(mentions.within(sent_start + p.end(1), verb_start)):
        return None
    return p


def _first_of_joined(record: DocumentRecord, pre: str, sent_start: int, verb_start: int,
                     mentions: MentionIndex, people: DocumentPeople | None = None) -> Subject | re.Match | None:
    """"he returned to the subject and said…": the subject of the first of two joined verbs, a pronoun (the match) or a
    person who opens the sentence with no subordinate clause before the second verb (session 29: "Mrs. Meir … scoffed
    at reports … and said…"; not "Mr. Eden is sending a telegram … that if … and would prefer…")."""
    text = record.text
    first_pronoun = _CLAUSE_PRONOUN.search(pre)
    named = _speakers(mentions.within(sent_start, verb_start))
    if first_pronoun and not any(m.start < sent_start + first_pronoun.start(1) for m in named):
        return first_pronoun
    if named and named[0].kind == "person" and _SUBJECT_OPENS.fullmatch(text, sent_start, named[0].start) \
            and not _SUBORDINATOR.search(text, named[0].end, verb_start):
        agent = agent_of_mentions(record, [named[0]], "subject of the first of two joined verbs")
        if agent:
            return Subject("agent", agent, agent.how)
    honorific = (_HONORIFIC_OPENS.match(pre) or _TITLE_OPENS.match(pre)) if not named and people is not None else None
    if honorific and not _SUBORDINATOR.search(pre, honorific.end()) \
            and (honorific.re is _HONORIFIC_OPENS or people.title(honorific.group("name")) is not None):
        # session 31: "Mr. Gazis called on January 16 and told me of the failure…", a name the entity layer did not tag
        found = people.named(honorific.group("name"))
        if found is not None:
            agent = named_agent(found)
            return Subject("agent", agent, f"subject of the first of two joined verbs; {found.how}")
    return None


_HONORIFIC_OPENS = re.compile(r"\W*(?P<name>(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w’'-]+)\s+(?=[a-z])")
# Session 38: "The Ambassador seemed somewhat taken-aback by the above explanation and stated that…" (frus1958-60v10p2 d116)
_TITLE_OPENS = re.compile(r"\W*[Tt]he\s+(?P<name>(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*)\s+(?=[a-z])")


# Session 30: an envoy or a post named by the place it serves ("The US Ambassador to Laos has requested…", "Our Embassy in
# Ankara now reports…"): the person or the post, not the country.
_POST_BEFORE = re.compile(r"(?:(?:[Tt]he|[Oo]ur)\s+)?(?P<title>(?:(?:US|U\.S\.|American|[A-Z][a-z]+)\s+)?(?P<kind>Ambassador|Embassy|Consulate(?:\s+General)?|"
                          r"Legation|Mission|Consul(?:\s+General)?|Minister))\s+(?:to|in|at)\s+(?:the\s+)?$")


def _post_in(record: DocumentRecord, sent_start: int, chosen: list[Mention]) -> Subject | None:
    if len(chosen) != 1 or chosen[0].kind not in ("country", "place", "region"):
        return None
    m = _POST_BEFORE.search(record.text, max(sent_start, chosen[0].start - 50), chosen[0].start)
    if m is None:
        return None
    label = f"{m.group('title')} {record.text[m.end('title'):chosen[0].end].strip()}"
    label = " ".join(label.split())
    person = m.group("kind") in ("Ambassador", "Consul", "Consul General", "Minister")
    how = f"'{label}': the {'envoy' if person else 'post'} the sentence names by the place it serves"
    agent = _envoy_agent(record, label, how) if person else post_agent(record, label, how)
    return Subject("agent", agent, how)


def _envoy_agent(record: DocumentRecord, label: str, how: str) -> Agent:
    iri = party_person_iri(record, Party(role="speaker", name=label))
    return Agent((iri,), (label,), how, (ClaimAgent(iri=iri, label=label, kind="person", local=True),), kinds=("person",))


def post_agent(record: DocumentRecord, label: str, how: str) -> Agent:
    """A post printed as `label` ("Embassy in Ankara"): the heading's post as the entity layer resolved it, else an
    organization local to the document, one IRI per label."""
    resolved = heading_post_named(record, label)
    if resolved is not None and resolved.entity:
        iri, local = resolved.entity, False
    else:
        iri, local = f"{document_iri(record.volume.id, record.doc_id)}/organizations/{slug(label)}", True
    return Agent((iri,), (label,), how, (ClaimAgent(iri=iri, label=label, kind="organization", local=local),),
                 kinds=("organization",))


# Session 30: "The Ambassador and CINCUNC have requested…", "BOTH THE SECRETARY AND MINIC EMPHASIZED…".
_TITLE_AND = re.compile(r"(?:^|\W)(?:[Bb]oth\s+)?[Tt]he\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*)\s+and\s+$", re.IGNORECASE)


def _title_joined(record: DocumentRecord, sent_start: int, first: int, agent: Agent | None, people: DocumentPeople | None) -> Agent | None:
    """A title the document ties to a name, joined by "and" before the named subject, speaks with it."""
    t = _TITLE_AND.search(record.text, sent_start, first) if agent is not None and people is not None else None
    if t is None or people.title(t.group("name")) is None:
        return agent
    named = people.named(t.group("name"))
    if named is None or named.iri in agent.iris:
        return agent
    one = named_agent(named)
    return dataclasses.replace(agent, iris=one.iris + agent.iris, names=one.names + agent.names, details=one.details + agent.details,
                               kinds=one.kinds + agent.kinds)


# Session 46: "Both Ronne and Fergo felt…", "In the attached, Messrs. Gaud, Schnittker, and Schultze recommend…": names
# joined by commas and "and" that open the sentence speak together, also where the entity layer tagged only some of them.
_ITEM = r"(?:[Tt]he\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*"
_JOINED_SUBJECT = re.compile(
    rf"\W*(?:\(?\w{{1,3}}[.)]\s+)?(?:(?:However|In\s+the\s+attached|In\s+addition|Meanwhile|Moreover),\s+)?"
    rf"(?:(?:[Bb]oth|BOTH|Messrs\.?)\s+)?(?P<run>{_ITEM}(?:\s*,\s*{_ITEM})*\s*,?\s+(?:and|&)\s+{_ITEM})\s+"
    rf"(?:(?:\w+ly|also|then|again|both|have|has|had|would|will|did|{_WHEN_WORDS})\s+)*$")
_ITEM_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")


def _joined_subject(record: DocumentRecord, sent_start: int, pre: str, mentions: MentionIndex,
                    people: DocumentPeople | None) -> Subject | None:
    """Each name of the run is a linked mention ending it, a title the document settles, or a word the corpus never
    prints in lower case; one that is none of these (a place, a department) leaves the subject to the other rules."""
    m = _JOINED_SUBJECT.fullmatch(pre)
    if m is None or people is None:
        return None
    at, run = sent_start + m.start("run"), m.group("run")
    bounds, k = [], 0
    for sep in _ITEM_SEPARATOR.finditer(run):
        bounds.append((k, sep.start()))
        k = sep.end()
    bounds.append((k, len(run)))
    agents, untagged = [], False
    for a, b in bounds:
        printed = re.sub(r"^[Tt]he\s+", "", run[a:b])
        plural = printed.split(maxsplit=1)
        if a == 0 and len(plural) == 2 and plural[0].endswith("s") and people.title(plural[0][:-1]) is not None:
            printed = plural[1]          # "Senators Wiley and Smith", as "Generals Li and Tuan" (session 31)
        tagged = [x for x in _speakers(mentions.within(at + a, at + b)) if x.kind == "person" or x.end == at + b]
        if tagged:
            agent = agent_of_mentions(record, tagged[-1:], "one of the names joined as the subject")
        else:
            words = printed.split()
            if people.title(printed) is None and not is_name_word(words[-1], people.cues) \
                    and not (len(words) > 1 and people.demonym(words[0]) and people.title(" ".join(words[1:]))):
                return None
            named = people.named(printed)
            if named is None or named.kind != "person":
                return None
            agent, untagged = named_agent(named), True
        if agent is None:
            return None
        agents.append(agent)
    iris = tuple(dict.fromkeys(i for x in agents for i in x.iris))
    if not untagged or len(iris) < 2:
        return None
    how = "names joined as the subject of the reporting verb: " + ", ".join(x.names[0] for x in agents)
    joined = Agent(iris, tuple(x.names[0] for x in agents), how, tuple(d for x in agents for d in x.details),
                   tuple(mm for x in agents for mm in x.mentions), tuple(x.kinds[0] for x in agents))
    return Subject("agent", joined, how)


def find_subject(record: DocumentRecord, sent_start: int, verb_start: int, verb_end: int, mentions: MentionIndex,
                 pronoun_ref: Agent | None, quote_frame: bool = False, people: DocumentPeople | None = None) -> Subject | None:
    """Who is the subject of the reporting verb at text[verb_start:verb_end]."""
    text = record.text
    pre = text[sent_start:verb_start]
    if (verb_start > sent_start and text[verb_start].isupper()) or mentions.within(max(0, verb_start - 40), verb_end) and any(
            m.start <= verb_start < m.end for m in mentions.within(max(0, verb_start - 40), verb_end)):
        return None                     # "the United States", "Notes": a name, not a verb
    if (_DETERMINER.search(pre) and not _LONE_A.fullmatch(pre)) or _PASSIVE.search(pre) or re.search(r"['’]s\s+$", pre):
        return None                     # "the proposed agreement", "he was told", "Gromyko's remarks"
    known_subject = _first_addressee_or_relative(record, sent_start, verb_start, pre, mentions) \
        or _joined_subject(record, sent_start, pre, mentions, people)
    if known_subject is not None:
        return known_subject
    opening = [m for m in _speakers(mentions.within(sent_start, verb_start)) if m.kind == "person"][:1]
    first = _speakers(mentions.within(sent_start, verb_start))[:1]
    if not opening and first and _WHICH_ASIDE.match(text, first[0].end, verb_start):
        opening = first        # session 32: "Libya, which represents the Mediterranean countries, has demanded:"
    # session 31: also after a title with its country ("PRC Permrep Huang Hua, in a short speech…, stated that…")
    if opening and re.fullmatch(r"\W*(?:[A-Z][\w.’'-]*\s+){0,3}", text[sent_start:opening[0].start]) \
            and _NAME_ASIDE.fullmatch(text, opening[0].end, verb_start):
        # "Dobrynin, without directly relating his reply to any conversations he had had in Moscow, said…"
        agent = agent_of_mentions(record, opening, "the sentence's subject, before an aside")
        if agent:
            return Subject("agent", agent, agent.how)
    p = _subject_pronoun(pre, sent_start, verb_start, mentions)
    if not p and _COORDINATED.search(pre):
        joined = _first_of_joined(record, pre, sent_start, verb_start, mentions, people)
        if isinstance(joined, Subject):
            return joined
        p = joined
    if p:
        pronoun = p.group(1).lower()
        if not _pronoun_fits(pronoun, pronoun_ref):
            return Subject("unknown", how=f"'{p.group(1)}' not resolved") if pronoun != "it" else None
        return Subject("agent", pronoun_ref, f"'{p.group(1)}' read as {', '.join(pronoun_ref.names)}")
    ms = _speakers(mentions.within(sent_start, verb_start))
    if ms and _gap(text, ms[-1], sent_start, verb_start) and _SOMEONE_IN.search(text, max(sent_start, ms[-1].start - 40), ms[-1].start):
        return Subject("unknown", how="a person in the place named, not named")     # "Our man in Moscow believes…"
    if ms and _gap(text, ms[-1], sent_start, verb_start) and _no_subject_here(text, ms[-1], sent_start):
        return None
    if ms and _gap(text, ms[-1], sent_start, verb_start):
        chosen = [ms[-1]]
        k = len(ms) - 2
        while k >= 0 and _AND.match(text[ms[k].end:chosen[0].start]) and (len(chosen) > 1 or "," not in text[ms[k].end:chosen[0].start]
                                                                         or "and" in text[ms[k].end:chosen[0].start]):
            chosen.insert(0, ms[k])
            k -= 1
        member = _party_read_as_code(record, chosen, people) or _member_of(record, sent_start, chosen[0], mentions, people) \
            or _post_in(record, sent_start, chosen)
        if member is not None:
            return member
        agent = _title_joined(record, sent_start, chosen[0].start, agent_of_mentions(record, chosen, "subject of the reporting verb"), people)
        agent = _through_one_of_its_people(agent, text, chosen[-1].end, verb_start)
        if agent:
            return Subject("agent", agent, agent.how)
    t = _TITLE_SUBJECT.search(pre)
    if t:
        title = t.group(1).strip().lower()
        hits = [p for p in record.parties if p.office and p.office.lower().startswith(title)
                and not (title in ("sec", "secretary") and _ANOTHER_SECRETARY.match(p.office.lower(), len(title)))]
        if len(hits) == 1:
            agent = party_agent(record, hits, f"'the {t.group(1).strip()}' read as the party of the heading with that office")
            return Subject("agent", agent, agent.how)
    if ms and ms[0].kind == "person" and _SUBJECT_OPENS.fullmatch(text, sent_start, ms[0].start) and not _INVERTED_ASIDE.match(text, verb_end) \
            and not any(c in text[ms[0].end:verb_start] for c in ";:") and not _POSSESSIVE.match(text, ms[0].end) \
            and all(m.entity == ms[0].entity for m in ms[1:]) and not _AND_INITIAL.search(pre):
        # "Joe Sisco came up and, in the course of some banter…, said that…": the sentence's subject.
        agent = agent_of_mentions(record, [ms[0]], "the sentence's subject")
        if agent:
            return Subject("agent", agent, agent.how)
    unlinked = _unlinked_subject(pre, people, people.cues.sentence_starters if people else frozenset())
    if unlinked is not None:
        return unlinked
    after = _after_the_main_clause(record, pre, verb_start, verb_end, mentions, pronoun_ref, people, quote_frame)
    if after is not None:
        return after
    if _UNNAMED.search(pre):
        return Subject("unknown", how="speaker not identified")
    return None
