"""Round 12: whom "he" or "she" stands for — the person who opens the nearest earlier sentence (this paragraph or the
three before it) as its subject ("The Ambassador seemed impressed by this list…. I also pointed out…. He said of course…" is the
Ambassador; "The Cardinal expressed his appreciation…. He wanted the Secretary to know…" is the Cardinal, not the
Secretary named last).

English carries a sentence-opening "he" to the subject of the sentences before it more often than to the last
speaker or the last name: a memorandum of conversation narrates the other party as the subject of one sentence
after another, with the writer's own "I said…" lines between them. The writer's lines are passed over; any other
sentence that does not open with a person we can read stops the search (the caller falls back to the last speaker).
Also the state of mind such a subject is said to show ("The Ambassador seemed impressed…"), which is his.
"""
from __future__ import annotations

import re

from ..records import DocumentRecord
from .coreference import DocumentPeople, place_word
from .unlinked_names import is_name_word
from .voices import Agent, MentionIndex, agent_of_mentions, named_agent

__all__ = ["held_attitude", "opening_subject", "pronoun_antecedent"]

# A short adverbial before the subject: "At first the Ambassador…", "Finally, Mr. Sato…", "2. Dr. Iwaszkiewicz…".
_LEAD = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:[A-Z][a-z]+ly|Then|Later|Also|However|Afterwards|Again|"
                   r"At\s+first|At\s+this\s+point|Next|In\s+reply|In\s+response),?\s+|[A-Z][a-z]+(?:\s+[a-z]+){0,3},\s+)?")
# Titles and honorifics before a name ("Soviet Ambassador Dobrynin", "Dr. Iwaszkiewicz"), or "the" before a title.
_BEFORE_NAME = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}")
# What follows a subject: an aside between commas, then a verb (a lowercase word that is no preposition or conjunction).
_VERB_AFTER = re.compile(r"(?:\s*,[^;:]{1,80}?,)?\s+(?:(?:\w+ly|also|then|again|further|had|has|was|would|did|could|"
                         r"once|later|still)\s+)*(?P<verb>[a-z][\w’'-]*)")
_SUBORDINATE = re.compile(r"(?:After|When|While|Since|Although|Though|Because|As|If|Before|Once|Until|Unless|Whereas)\s[^,;:]{1,160},\s+")
_NOT_VERBS = frozenset({"and", "or", "of", "in", "to", "for", "with", "on", "at", "by", "from", "nor", "as", "the", "a"})
_TITLE_OR_NAME = re.compile(r"(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w’'-]*)")
# Session 38: a faith or creed opening the sentence ("Moslem countries of Black Africa had religious interest in Morocco….
# He would like…", frus1969-76ve09p1 d63) is no person "he" stands for.
_CREED = re.compile(r"(?:Moslem|Muslim|Islamic|Christian|Catholic|Protestant|Jewish|Buddhist|Hindu|Sikh|Zionist|Marxist|"
                    r"Maoist|Shia|Shiite|Sunni|Druze|Maronite|Coptic|Orthodox)s?")
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?\s")
_WRITER = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:And|But|So|Then|Later|Also|However|Afterwards),?\s+)?"
                     r"(?:I|We|[Mm]y|[Oo]ur)\s")
_PRONOUN = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:And|But|Then|Also|However),?\s+)?(?:He|She)\s")


def _verb_follows(text: str, end: int, limit: int) -> bool:
    m = _VERB_AFTER.match(text, end, limit)
    return m is not None and m.group("verb") not in _NOT_VERBS and not text.startswith(("’s", "'s"), end)


def opening_subject(record: DocumentRecord, start: int, end: int, mentions: MentionIndex,
                    people: DocumentPeople | None, possessor: bool = False) -> Agent | None:
    """The one person who opens text[start:end] as the subject of its verb: a linked mention, or a title or a name
    after an honorific the document settles ("The Ambassador", "Dr. Iwaszkiewicz")."""
    text = record.text
    lead = _LEAD.match(text, start, end)
    at = lead.end() if lead else start
    clause = _SUBORDINATE.match(text, at, end)
    if clause is not None:
        at = clause.end()             # "After Spaak had indicated his desire…, De Gaulle…": the main clause's subject
    before = _BEFORE_NAME.match(text, at, end)
    opening = [m for m in mentions.within(at, end) if m.start <= before.end()]
    # session 31: a person after his country and title ("USSR Permrep Malik gave short shrift…")
    first = next((m for m in opening if m.kind == "person"), opening[0] if opening else None)
    if first is not None:
        if first.kind != "person" or not (_verb_follows(text, first.end, end) or possessor and _possessive_subject(text, first.end, end)):
            return None
        return agent_of_mentions(record, [first], "the person who opens an earlier sentence of the paragraph")
    m = _TITLE_OR_NAME.match(text, at, end)
    if m is None or people is None or not _verb_follows(text, m.end("name"), end):
        return None
    printed = m.group("name")
    the_one = m.group(0) != printed and " " not in printed and not printed.endswith("s") \
        and not place_word(printed)        # "The Cardinal", not "the Korean troops" (session 38)
    if people.title(printed) is None and not _HONORIFIC.match(printed) and not the_one \
            and not (" " not in printed and m.group(0) == printed and is_name_word(printed, people.cues)
                     and not place_word(printed) and not _CREED.fullmatch(printed)):
        return None                   # "Soviet Union", "Embassy": no title, no honorific; session 32: "Herz has just returned…"
    named = people.named(printed)
    return named_agent(named) if named is not None else None


# "Secretary Packard’s performance at this point was superb. Very quietly … he reminded the Minister…": the possessor.
_POSSESSIVE_SUBJECT = re.compile(r"[’']s\s+(?:[a-z][\w-]*\s+){1,2}(?:(?:at|in|on|of)\s+[^,;:.]{1,40}?\s+)?(?:was|were)\s+(?:\w+ly\s+)?[a-z]+[.;,]")


def _possessive_subject(text: str, end: int, limit: int) -> bool:
    return _POSSESSIVE_SUBJECT.match(text, end, limit) is not None


# Session 39: the writer's question or word to a person ("On political front I asked Chamoun where he thought opposition
# leaders now stood. He said…", frus1958-60v11 d61), or the one the writer met ("I found Thuan in more sanguine frame of
# mind than heretofore. He confirmed…", frus1961-63v03 d235): "he" is that person.
_WRITER_ASKS = re.compile(r"(?:I|[Ww]e)\s+(?:(?:\w+ly|then|also|again|further)\s+)*(?:asked|told|queried|pressed|reminded|"
                          r"informed|assured|inquired\s+of|put\s+it\s+to|found|saw|met(?:\s+with)?|called\s+on|"
                          r"(?:talked|spoke)\s+(?:with|to))\s+")


_ASKS_LEAD = re.compile(r"[\s“\"(—–-]*(?:\(?\d{1,3}[.)]\s+)?(?:(?:[A-Z][a-z]*(?:\s+[a-z]+){0,3}|At\s+\w+\s+point),?\s+)?")


def _writer_addressee(record: DocumentRecord, start: int, end: int, mentions: MentionIndex) -> Agent | None:
    m = _WRITER_ASKS.search(record.text, start, min(end, start + 100))
    if m is None or not _ASKS_LEAD.fullmatch(record.text, start, m.start()):
        return None
    before = _BEFORE_NAME.match(record.text, m.end(), end)
    first = next((x for x in mentions.within(m.end(), end) if x.start <= before.end()), None)
    if first is None or first.kind != "person" or not first.entity:
        return None
    return agent_of_mentions(record, [first], "the one the writer's sentence before addresses")


_REACH = 6      # earlier sentences looked at (a memorandum of conversation often gives each sentence its own paragraph)


def pronoun_antecedent(record: DocumentRecord, earlier: list[tuple[int, int]], mentions: MentionIndex,
                       people: DocumentPeople | None, voice_iris: set[str]) -> tuple[Agent, int] | None:
    """The person a sentence-opening "he"/"she" stands for, from the earlier sentences (nearest first, `earlier` in
    text order), with where its sentence starts: the writer's own sentences ("I said…") and those opening with the
    pronoun again are passed over."""
    text = record.text
    for s, e in reversed(earlier[-_REACH:]):
        asked = _writer_addressee(record, s, e, mentions)
        if asked is not None and not set(asked.iris) & voice_iris:
            return asked, s
        if _WRITER.match(text, s, e) or _PRONOUN.match(text, s, e):
            continue
        agent = opening_subject(record, s, e, mentions, people, possessor=True)
        if agent is None or (set(agent.iris) & voice_iris and not _WRITER_AS_AMBASSADOR.match(text, s, e)):
            return None
        return agent, s
    return None


# Session 53: a post's telegram names its writer, the chief of mission, "Ambassador" ("Ambassador replied we could begin
# exchange of views anytime. He noted big difference in Greek and Turkish positions…", frus1964-68v16 d224): then
# "he" is the writer in the third person, as the title was.
_WRITER_AS_AMBASSADOR = re.compile(r"(?:The\s+)?(?:Ambassador|Amb\.?)\s+[a-z]")


# A state of mind shown, the way memoranda of conversation report the other party's reaction ("At first the Ambassador
# was very reluctant…", "The Ambassador seemed impressed by this list…", "The Shah appeared "rather bitter" about…").
_MINDS = (r"impressed|reluctant|grateful|pleased|annoyed|disappointed|bitter|upset|skeptical|sceptical|"
          r"optimistic|pessimistic|confident|satisfied|dissatisfied|unhappy|eager|willing|unwilling|receptive|"
          r"sympathetic|adamant|determined|relieved|startled|surprised|puzzled|irritated|angry|hesitant|"
          r"enthusiastic|cautious|noncommittal|evasive|resentful|disturbed|troubled|uneasy|doubtful|gratified|preoccupied|"
          r"interested|hopeful|curious|firm|obdurate|"
          r"perplexed|nonplused|nonplussed|bewildered|baffled|indignant|dismayed|alarmed|shocked|agitated")   # session 32
_SHOWN = re.compile(r"\s(?:seemed|appeared|was|were|remained|is|are|seems|appears|remains)\s+(?:(?:very|rather|quite|somewhat|"
                    r"\w+ly|most|not|a\s+little|a\s+bit|at\s+first|also|still|then|now)\s+)*[“\"]?"
                    rf"(?P<how>{_MINDS})\b")
# Session 42: telegraphese drops the verb ("Sato deeply interested in hosting…", "Schleinzer considering requesting
# credit…", frus1964-68v29p2 d66, frus1961-63v16 d171): the state of mind right after the name opening the sentence.
_SHOWN_BARE = re.compile(r"\s+(?:(?:very|rather|quite|somewhat|\w+ly|most|also|still|now|not)\s+)*"
                         rf"(?P<how>{_MINDS}|concerned|anxious|worried|keen|considering)\b")


def held_attitude(record: DocumentRecord, start: int, end: int, mentions: MentionIndex,
                  people: DocumentPeople | None, telegraphese: bool = False) -> tuple[Agent, str] | None:
    """The person opening the sentence and the state of mind the sentence says he showed, or None."""
    m = _SHOWN.search(record.text, start, min(end, start + 90))
    if m is None:
        return _shown_bare(record, start, end, mentions) if telegraphese else None
    agent = opening_subject(record, start, m.end(), mentions, people)
    return (agent, m.group("how")) if agent is not None else None


def _shown_bare(record: DocumentRecord, start: int, end: int, mentions: MentionIndex) -> tuple[Agent, str] | None:
    agent = opening_subject(record, start, min(end, start + 90), mentions, None)
    if agent is None or not agent.mentions:
        return None
    m = _SHOWN_BARE.match(record.text, agent.mentions[-1].end, end)
    return (agent, m.group("how")) if m is not None else None
