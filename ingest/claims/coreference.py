"""Who a short name, a bare title or an initial stands for, inside one document.

"Sir Oliver said…" after "Sir Oliver Franks of the British Embassy…"; "the Ambassador" after
"Ambassador Chung"; "Shah insisted…"; a transcript label "K:". Within one document, a short name
that is a word of exactly one linked person's label is that person; a bare title is the person the
document names with that title (or the heading party holding it); an initial is the one person named
in the document whose surname begins with it. Nothing is guessed across documents, and a word that
picks out two people picks out none. The record is not changed: claims read a copy of its mentions.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from ingest.authorities import authorities
from ingest.authorities.names import norm
from ontology import iris

from ..entities.gazetteer import gazetteer
from ..entities.offices import dates_allow
from ..entities.people import chiefs_of_mission
from ..entities.posts import heading_posts
from ..entities.titles import (document_head, heading_names_secretary, holder_of_title, participant_line,
                               president_by_convention)
from ..records import DocumentRecord, Mention, Party
from ..triples import party_person_iri
from .carry import genre_of_heading
from .cues import Cues
from .participants import participants_span
from .senders import sent_from_post

__all__ = ["DocumentPeople", "Named", "place_word"]
# Round 12: a name with a word that is also a pronoun ("Yang You Chan"): "You" in the text is the addressee, not him.
_PRONOUN_WORDS = frozenset({"you", "she", "they", "him", "her", "them"})

_SIR = re.compile(r"(?:Sir|Lady)\s+")
_SIR_BEFORE = re.compile(r"\b(?:Sir|Lady)\s+$")
_NATIONAL_AMBASSADOR = re.compile(r"(?:[Tt]he\s+)?([A-Z][a-z]+)\s+Ambassador")
_HONORIFICS = frozenset({"mr", "mrs", "miss", "ms", "dr", "sir", "lord", "lady", "the"})
# An honorific right before a capitalized word that no linked person bears: "Mr. Houdek".
_HONORIFIC_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Messrs)\.?|\bMiss|\bSir|\bLord|\bLady)\s+$")
# A title followed by a name or by "of …" is no bare title: "President Nixon", "Prime Minister of such a neighbor".
# Round 11: a possessive is no name after the title: "King’s mediation proposal", "President’s press conference".
_NAME_OR_OF_AFTER = re.compile(r"\s+(?:of\b|[A-Z][a-z])|-|[’'](?!s\b)")
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
# Session 14: two-letter surnames ("Yu" of Yu Ta-wei, "Ky", "Wu", "Ho"), not particles, numerals or suffixes.
_SHORT_SURNAME = re.compile(r"(?!(?:de|da|di|do|du|la|le|el|al|of|on|an|in|to|ii|iv|vi|jr|sr|st|mc|mr|ms|dr)$)[a-z]{2}")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-zà-ÿ’'-]+(?!\s+of\b)")
# A capitalized word, then (not consumed, so "Foreign Minister Ghazzi" is tried at "Minister") the name after it.
_CAPITALIZED_PAIR = re.compile(r"(?<![\w.])([A-Z][a-z]+)\.?\s+(?=([A-Z][a-z’'-]{2,})\b)")

# session 34: also the headings of the 1940s and 1950s, "The Acting Secretary of State to the Embassy in the United Kingdom"
_FROM_THE_DEPARTMENT = re.compile(r"\bFrom the (?:Department of State|Secretary of State|Acting Secretary of State)\b|"
                                  r"^\W*(?:No\.\s*)?(?:\d+\.?\s+)?The (?:Acting )?Secretary of State to\b")


_CAPITALIZED_NEXT = re.compile(r"[^\S\n]+(?:of[^\S\n]+(?:the[^\S\n]+)?)?[A-Z][a-z]|-[A-Z]|\s+(?:\d|[A-Z]\b)")
_ABBREVIATION = re.compile(r"\.[^\S\n]+[A-Z]")          # "Sen. Fulbright": a short word with its period before a name
_CAPITALIZED_BEFORE = re.compile(r"(?:(?:[A-Z][\w’'.-]*|of|the|a|an)[^\S\n]+|-)$")
_ANOTHER_MINISTRY = re.compile(r"\bMinister\s+(?:of|for)\s+(?:the\s+)?(?!Foreign\b|External\b)(?P<what>[A-Z][\w’'-]*(?:[^\S\n]+[A-Z][\w’'-]*){0,2})")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_AFTER_PREPOSITION = re.compile(r"\b(?:in|of|to|with|on|for|at|by|from|about|toward|towards|against|than)\s+$", re.IGNORECASE)
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;“\"(\n]|\d[.)])\s*$")
_ADJECTIVE_END = re.compile(r"(?:ish|ese|ian|ean)$")
# Cities that are also surnames of record, which the cues' capitals leave out on purpose (a question of their own, not one
# country's): never a person standing alone ("access to Berlin", "a meeting on Berlin").
_CITIES_OF_THEIR_OWN = frozenset({"Berlin", "Jerusalem"})


@lru_cache(maxsize=1)
def _gazetteer_first_words() -> frozenset[str]:
    """First words of the gazetteer's names of two or more words ("South" of "South Korea", "New" of "New Zealand")."""
    return frozenset(k.split()[0] for k in gazetteer() if " " in k)


@lru_cache(maxsize=1)
def _record_surnames() -> frozenset[str]:
    """The one-word surnames of the authorities' people ("Rabin" of "Rabin, Yitzhak"), as printed."""
    out = set()
    for p in authorities().people.values():
        head = p.sort.split(",")[0].strip()
        if head and " " not in head and head[1:].islower():
            out.add(head)
    return frozenset(out)


_PLURAL_TITLE_NAMES = re.compile(r"(?<![\w.])(Messrs|[A-Z][a-z]+s)\.?[^\S\n]+((?:[A-Z][a-z’'-]+,\s+)*[A-Z][a-z’'-]+"
                                 r"[^\S\n]+and[^\S\n]+[A-Z][a-z’'-]+)")
_CAP_WORD = re.compile(r"[A-Z][a-z’'-]+")
_TWO_LETTERS = re.compile(r"(?<![\w.’'-])[A-Z][a-z](?![\w’'-])")
_ABBREVIATED = frozenset({"Mr", "Mrs", "Ms", "Dr", "Messrs"})
_MONTHS_DAYS = frozenset("""January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


_NEWSPAPER_WORDS = frozenset({"Times", "Post", "Herald", "Tribune", "Journal", "Gazette"})


@dataclasses.dataclass(frozen=True)
class Named:
    """A person a name, title or initial stands for: a linked IRI, or one local to the document (or a body, by its name)."""
    iri: str
    label: str
    how: str
    local: bool = False
    kind: str = "person"


_RANKS = frozenset({"general", "admiral", "marshal"})


def _words(name: str) -> list[str]:
    return [w.lower().strip("’'.") for w in _WORD.findall(name)]


_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")


def _given_names(label: str) -> list[str]:
    """The names before the surname: "Moynihan, Daniel P." and "Daniel Patrick Moynihan" both give daniel, p(atrick)."""
    label = _SUFFIX.sub("", label)
    return _words(label.split(",", 1)[1]) if "," in label else _words(label)[:-1]


_SHORTENED = re.compile(r"[A-Z][a-z]{1,3}\.")


def _line_at(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:end if end >= 0 else len(text)]


def _surname(label: str) -> str:
    words = [w for w in _words(label) if w not in ("jr", "sr", "ii", "iii")]
    return words[-1] if words else ""


_CALENDAR_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b")
_HELD_TITLES = {"secretary": "Secretary", "president": "President", "shah": "Shah", "king": "King",
                "prime minister": "Prime Minister", "chancellor": "Chancellor", "emperor": "Emperor",
                "vice president": "Vice President", "foreign minister": "Foreign Minister",
                "foreign secretary": "Foreign Secretary", "premier": "Premier",
                "attorney general": "Attorney General"}      # session 26; session 52: the last four


_CONVENTIONAL_TITLES = frozenset({"president", "vice president", "secretary"})
_PARTICIPANT_UNDER_SECRETARY = participant_line("Under Secretary", "State")
_PARTICIPANT_ACTING_SECRETARY = participant_line("Acting Secretary", "State")
_ANOTHER_UNDER_SECRETARY = re.compile(r"\b(?:Under[- ]Secretary(?:[- ]General|\s+(?:of\s+(?!State\b)|(?:of\s+State\s+)?for\b))|Under-Secretary|"
                                      r"(?:Permanent|Parliamentary)\s+Under|Under\s+Secretaries)", re.IGNORECASE)
_BARE_SECRETARY = re.compile(r"(?<![\w-])(?<!Under )(?<!Assistant )(?<!Deputy )(?<!Executive )(?<!Acting )Secretary(?![\w-])"
                             r"(?!\s+(?:of|for|to|General|[A-Z]))")
_PARTICIPANT_SECRETARY = participant_line("Secretary", "State")
# A word that makes the title after it another office ("Deputy Secretary of Defense", "Under Secretary").
_OFFICE_MODIFIERS = frozenset({"deputy", "assistant", "under", "acting", "vice", "executive", "special", "private",
                               "parliamentary", "permanent", "principal", "associate", "former"})


_FOREIGN_MINISTER_AFTER = re.compile(r",[^\S\n]+(?:[A-Z][\w’'-]*[^\S\n]+){0,2}Minister[^\S\n]+(?:of|for)[^\S\n]+(?:Foreign|External)"
                                     r"[^\S\n]+(?:Affairs|Relations)\b")


def _chiefs_of_sender(record: DocumentRecord) -> list:
    """POCOM's posts, held on the document's date, of the one who heads the embassy, legation or mission the heading
    sends it from: the chiefs of mission to Italy for us-embassy-italy (to Russia for the Soviet Union), the
    representatives to the United Nations for us-mission-un; none for a consulate or a post at a city."""
    posts = []
    for role, m in heading_posts(record):
        slug = (m.entity or "").rsplit("/", 1)[-1]
        # session 34: "us-embassy-at-germany", the Embassy in Germany of the years of two German states (Conant, Bruce)
        found = re.fullmatch(r"us-(?:embassy|legation)-(?:at-)?(.+)|us-mission-(un|nato|oas|oecd|iaea|unesco|eu)", slug)
        if role != "author" or not found:
            continue
        if found.group(1):
            posts += chiefs_of_mission(found.group(1), record.date)
        else:
            posts += authorities().holders_of_kind(f"org:representative-to-{found.group(2)}", record.date)
    return posts


def place_word(word: str) -> bool:
    """Session 35: "Arab states bordering Jordan are…" ("states" read as a verb of saying), "Soviets have…": a people or
    a region the gazetteer knows, not a person's name."""
    from ..entities.gazetteer import gazetteer
    adjective = word.endswith(("ean", "eans", "ian", "ians", "ese", "ish"))       # session 38: "Korean", listed as a name
    return any((e.kind == "country" and (e.form == "demonym" or adjective)) or e.kind == "region" for e in gazetteer().get(word, ()))


def _a_country(words: str) -> bool:
    """Session 56: the name after "Minister of" is a country ("Dr. Subandrio, Foreign Minister of Indonesia",
    frus1958-60v17 d258), not another ministry ("Minister of Defense"), read from its first words."""
    from ..entities.gazetteer import gazetteer
    parts = words.split()
    return any(e.kind == "country" for n in range(len(parts), 0, -1) for e in gazetteer().get(" ".join(parts[:n]), ()))


_ABBREVIATED_BEFORE = re.compile(r"(?:^|[\s(—–-])([A-Za-z]+\.?)[^\S\n]+$")


_HOST_TITLES = frozenset({"president", "prime minister", "king", "foreign minister"})
_OTHER_AMBASSADOR = re.compile(r"(?:\b(?P<nation>[A-Z][a-z]+)[^\S\n]+)?\b(?:Ambassador|Amb)\b\.?"
                               r"(?:[^\S\n]+(?P<name>(?:[A-Z][a-z][\w’'-]*[^\S\n]+){0,2}[A-Z][a-z][\w’'-]*))?")
_EMBASSY_IN = re.compile(r"\bTelegram\s+(?:\d+\s+)?From\s+the\s+(?:Embassy|Legation)\s+in\s+(?:the\s+)?(?P<country>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+to\b")


class DocumentPeople:
    """The persons one document names, indexed by the words of their names and the titles printed with them."""

    def __init__(self, record: DocumentRecord, cues: Cues):
        self.record, self.cues = record, cues
        self._lower_seen: dict[str, bool] = {}
        self._plural: frozenset[str] | None = None
        self._two_letters: bool | None = None
        self._same_line: frozenset[str] = frozenset()
        self.by_word: dict[str, dict[str, str]] = {}
        self.by_title: dict[str, dict[str, str]] = {}
        self._listed_lines: dict[str, list[str]] = {}    # session 49: each person's lines of the participants list
        self._titled_at: dict[str, list[tuple[int, str]]] = {}   # session 50: where the narrative prints each title with a name
        self.at: int | None = None      # session 50: where the sentence being read begins, set by the reader
        self._titled_in_head: dict[str, dict[str, str]] = {}    # session 50: printed with a title before the narrative
        self._head = len(document_head(record))
        self.writers: frozenset[str] = frozenset()     # session 28: the document's voice, set once it is known
        titles = sorted(cues.speaker_titles, key=len, reverse=True)
        # round 9: on the same line ("…, Polish Ambassador\nFoy D. Kohler, EUR": the title ends the line before)
        # session 20: not the tail of another office ("Assistant Secretary of State Berding" is no Secretary of State,
        # "Foreign Secretary Lloyd" no Secretary; session 25: "General Secretary Brezhnev" none either)
        # session 50: an honorific between ("Foreign Minister Dr. Subandrio asked me to call")
        self._title_before = re.compile(r"(?:^|[\s(—–-])(?<!Assistant\s)(?<!Executive\s)(?<!Special\s)(?<!Private\s)"
                                        r"(?<!Parliamentary\s)(?<!Foreign\s)(?<!Home\s)(?<!Colonial\s)(?<!General\s)(?<!Deputy\s)(?<!(?-i:Under)\s)"
                                        r"(?<!Vice\s)(?<!Acting\s)(?<!Permanent\s)(?<!Principal\s)(?<!Associate\s)(?<!former\s)(" + "|".join(re.escape(t) for t in titles) + r")[^\S\n]+"
                                        r"(?:(?-i:Dr|Mr|M|Sir|Lord|Señor|Sr|Herr|Prince|Sheikh)\.?[^\S\n]+)?$", re.IGNORECASE)
        # round 9: a participants line's title after the name ("Romuald Spasowski, Polish Ambassador")
        # session 49: … and of its country ("Salah El-Bitar, Foreign Minister of Syria", "Aziz Ahmed, Ambassador of Pakistan")
        self._title_ending_line = re.compile(r",[^\S\n]+(?:[A-Z][\w’'-]*[^\S\n]+){0,2}(" + "|".join(re.escape(t) for t in titles)
                                             + r")(?:[^\S\n]+(?:of|to)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,2})?"
                                             r"[^\S\n]*(?:\n|$)", re.IGNORECASE)
        # round 12: the title inside the mention's own text ("Admiral Radford" tagged whole): "The Admiral" is Radford
        self._title_opening = re.compile(r"(" + "|".join(re.escape(t) for t in titles) + r")\s+(?=[A-Z])", re.IGNORECASE)
        printed = {" ".join(w if w == "of" else w[:1].upper() + w[1:] for w in t.split())
                   for t in cues.speaker_titles | set(cues.title_abbreviations)}
        self._title_or_name = re.compile(r"(?<![\w.])(?:" + "|".join(
            re.escape(t).replace("\\ ", r"\s+") for t in sorted(printed, key=len, reverse=True)) + r"|[A-Z][a-z’'-]{2,})(?!\w)")
        listed = participants_span(record) or (0, 0)
        self._listed = listed
        for m in record.mentions:
            if m.kind == "person" and m.entity and m.label:
                self._add(m.entity, m.label, record.text[m.start:m.end], m.office, m.start)
                if listed[0] <= m.start < listed[1]:
                    self._listed_lines.setdefault(m.entity, []).append(_line_at(record.text, m.start))
        self.surnames = self._printed_surnames(titles)
        for p in record.parties:
            iri = party_person_iri(record, p)
            same = self.by_word.get(_surname(p.name), {}) if not p.entity else {}
            if len(same) == 1:
                iri = next(iter(same))     # an unresolved heading name the body links: one person, not two
            self._add(iri, p.label or p.name, p.name, p.office, None)

    def _printed_surnames(self, titles: list[str]) -> frozenset[str]:
        """Capitalized words printed after an honorific or a title in the body ("Mr. Hafiz", "Prime
        Minister-Foreign Minister Ghazzi"): names of people, so "Hafiz stated…" later is that person."""
        r = self.record
        before = {t.split()[-1] for t in titles} | {"mr", "mrs", "ms", "dr", "messrs"} | {
            k.rstrip(".") for k in self.cues.title_abbreviations if len(k.rstrip(".")) > 2}    # session 35: "Fonmin Khalatbari"
        self._title_words = frozenset(before)
        found = [m for m in _CAPITALIZED_PAIR.finditer(r.text, r.body_start, r.body_end or len(r.text))
                 if m.group(1).lower() in before and m.group(2).lower() not in self.cues.not_person_subjects]
        # round 11: on one line, and no full stop after a title ("Minister. Under your leadership…" opens a sentence)
        self._same_line = frozenset(m.group(2) for m in found if "\n" not in m.group(0)
                                    and ("." not in m.group(0) or m.group(1) in _ABBREVIATED))
        return frozenset(m.group(2) for m in found)

    def _printed_name(self, printed: str) -> bool:
        """Round 11: a word the body prints after an honorific or a title on the same line ("Mr. Houdek"), or after a
        title in the plural ("CIF Generals Li and Tuan"), and never in lower case ("the War", "Under Secretary",
        "October" are words, not names)."""
        if not printed[1:2].islower() or printed in _MONTHS_DAYS:
            return False
        if printed not in self._same_line and printed not in self._plural_names():
            return False
        return not self._in_lower_case(printed)

    def _plural_names(self) -> frozenset[str]:
        """Names printed after a title in the plural ("CIF Generals Li and Tuan", "Messrs. Percy, Cook and Mathias")."""
        if self._plural is None:
            r = self.record
            self._plural = frozenset(
                w for m in _PLURAL_TITLE_NAMES.finditer(r.text, r.body_start, r.body_end or len(r.text))
                if m.group(1) == "Messrs" or m.group(1)[:-1].lower() in self._title_words
                for w in _CAP_WORD.findall(m.group(2)) if w.lower() not in self.cues.not_person_subjects)
        return self._plural

    def _two_letter_names(self) -> bool:
        if self._two_letters is None:
            self._two_letters = any(len(w) == 2 for w in self._plural_names())
        return self._two_letters

    def _in_lower_case(self, word: str) -> bool:
        """Whether the document prints the word in lower case somewhere ("war", "under")."""
        low = word.lower()
        if low not in self._lower_seen:
            self._lower_seen[low] = re.search(rf"(?<![\w’'-]){re.escape(low)}(?![\w’'-])", self.record.text) is not None
        return self._lower_seen[low]

    def _surname_of_record(self, printed: str, start: int, end: int) -> bool:
        """Round 11: a capitalized word standing alone ("Rabin", "Molotov", "Pignon") that is the surname of a person of
        the authorities' people (16,000 FRUS persons), never printed in lower case in the document, no place or body
        the gazetteer holds, and no part of a longer name ("Marshall Plan", "Wilson Dam")."""
        text = self.record.text
        if printed not in _record_surnames() or not printed[1:].islower() or printed in _MONTHS_DAYS or gazetteer().get(printed) \
                or printed in _CITIES_OF_THEIR_OWN:
            return False
        word = printed.lower()
        if word in self.cues.not_person_subjects or printed in self.cues.sentence_starters or word in self.cues.speaker_titles:
            return False
        if _CAPITALIZED_NEXT.match(text, end) or _CAPITALIZED_BEFORE.search(text, max(0, start - 30), start) \
                or (len(printed) <= 4 and _ABBREVIATION.match(text, end)) \
                or _SENTENCE_OPENS.search(text, max(0, start - 12), start) or _ADJECTIVE_END.search(printed) \
                or printed in _gazetteer_first_words():
            return False          # "Minor disturbing element…", "Sen. Fulbright", "Conte-Long", "English", "South and North"
        return not self._in_lower_case(printed)

    def named_before(self, printed: str) -> bool:
        """Whether the body prints this one word as a name after an honorific or a title elsewhere."""
        return printed in self.surnames

    def _add(self, iri: str, label: str, surface: str, office: str | None, start: int | None) -> None:
        for w in dict.fromkeys(_words(label) + _words(surface)):
            if (len(w) > 2 or _SHORT_SURNAME.fullmatch(w)) and w not in _HONORIFICS and w not in self.cues.speaker_titles \
                    and w.lower() not in _PRONOUN_WORDS:
                self.by_word.setdefault(w, {})[iri] = label
            for part in w.split("-") if "-" in w else ():       # round 11: "Toncic" of "Toncic-Sorinj, Lujo"
                if len(part) > 3 and part not in self.cues.speaker_titles:
                    self.by_word.setdefault(part, {})[iri] = label
        found = [office] if office and not (start is not None and re.search(
            r"\bGeneral\s+" + re.escape(office) + r"\s+$", self.record.text[max(0, start - 60):start])) else []
        if surface.lower() in self.cues.speaker_titles:
            found.append(surface)        # "Secretary" linked by the entity layer
        inside = self._title_opening.match(surface)
        if inside:
            found.append(inside.group(1))
        lead = start
        if start is not None:
            t = self._title_before.search(self.record.text, max(0, start - 40), start)
            if t and self.record.text[t.end(1):start].strip() and _THE_BEFORE.search(self.record.text, max(0, t.start(1) - 5), t.start(1)):
                t = None      # "The Ambassador Mr. Gardiner", two persons on one line of a list (frus1958-60v01 d71)
            if t:
                found.append(t.group(1))
                lead = t.start(1)
            a = _ABBREVIATED_BEFORE.search(self.record.text, max(0, start - 12), start)
            if a and a.group(1).lower() in self.cues.title_abbreviations:
                found.append(self.cues.title_abbreviations[a.group(1).lower()])    # session 37: "former PriMin Stephanopoulos"
            if _FOREIGN_MINISTER_AFTER.match(self.record.text, start + len(surface), start + len(surface) + 80):
                found.append("foreign minister")     # session 25: "Fernando Castiella, Minister of Foreign Affairs of Spain"
            t = self._title_ending_line.match(self.record.text, start + len(surface), start + len(surface) + 60)
            if t:
                before = self.record.text[t.start():t.start(1)].split()
                longer = f"{before[-1]} {t.group(1)}" if before else ""
                # session 25: "Couve de Murville, Foreign Minister" is the Foreign Minister, not a "Minister"
                if before and before[-1].lower() in _OFFICE_MODIFIERS:
                    found.append(f"{before[-1]} {t.group(1)}")    # session 49: a "Deputy Secretary of Defense" is no Secretary
                else:
                    found.append(longer if longer.lower() in self.cues.speaker_titles and longer.lower().endswith("minister")
                                 else t.group(1))
        # session 50: printed with the title in the narrative ("Secretary McNamara briefly described…"), not as the object
        # of a preposition ("…lack of confidence in Ambassador Kohler")
        narrative = start is not None and start >= max(self._listed[1], self.record.body_start or 0) \
            and _AFTER_PREPOSITION.search(self.record.text, max(0, lead - 12), lead) is None
        for title in found:
            words = _words(title)
            if len(words) > 1 and self.demonym(words[0]):
                words = words[1:]        # session 25: "British Ambassador (Caccia)" is "the Ambassador" of the record
            keys = [" ".join(words[:n]) for n in range(1, len(words) + 1)]
            if len(words) > 2 and words[1] == "foreign":
                keys.append(" ".join(words[:1] + words[2:]))     # session 32: "Vice Foreign Minister Ch'iao" is "the Vice Minister"
            for key in keys:
                if key in self.cues.speaker_titles:
                    self.by_title.setdefault(key, {})[iri] = label
                    if narrative:
                        self._titled_at.setdefault(key, []).append((start, iri))
                    if start is not None and start < self._head and not self._listed[0] <= start < self._listed[1]:
                        self._titled_in_head.setdefault(key, {})[iri] = label

    @staticmethod
    def demonym(word: str) -> bool:
        """Whether a word is a people's name for a country ("French", "Soviet")."""
        return any(e.kind == "country" and e.form == "demonym" for e in gazetteer().get(word[:1].upper() + word[1:], ()))

    def link(self, m: Mention) -> Mention:
        """An unlinked person mention, linked when its last word names one person of the document."""
        if m.kind != "person" or m.entity:
            return m
        words = [w for w in _words(m.exact or self.record.text[m.start:m.end]) if w not in _HONORIFICS]
        hits = self.by_word.get(words[-1], {}) if words else {}
        if len(words) == 1 and _SIR_BEFORE.search(self.record.text, max(0, m.start - 8), m.start):
            sir = self.knight(self.record.text[m.start:m.end], hits)
            if sir is not None:
                return dataclasses.replace(m, entity=sir.iri, label=sir.label,
                                           explanation=f"{m.explanation}; {sir.how}" if m.explanation else sir.how)
        if len(hits) != 1:
            return m
        (iri, label), = hits.items()
        why = f"linked within the document: '{words[-1]}' is a word of the name of {label}, named in it"
        return dataclasses.replace(m, entity=iri, label=label,
                                   explanation=f"{m.explanation}; {why}" if m.explanation else why)

    def title(self, printed: str) -> str | None:
        """The title a phrase is ("Pres." -> "president"), or None."""
        words = printed.split()
        abbreviated = self.cues.title_abbreviations      # "Pres.", also "Sec" without its period (telephone notes)
        text = " ".join(abbreviated.get(w.lower(), abbreviated.get(w.lower() + ".", w)) for w in words if w.lower() != "the")
        return text.lower() if text.lower() in self.cues.speaker_titles else None

    def _listed_participant(self, printed: str, title: str, hits: dict[str, str]) -> Named | None:
        """Session 49: "The Foreign Minister said…" where the document names two foreign ministers, one of them listed
        among the participants with the title ("Foreign Minister Bruno Kreisky", frus1961-63v16 d185, beside the German
        Foreign Minister the talk mentions): the one present ("President Chiang Kai-shek" at the Secretary's dinner in
        Taipei, beside "President Johnson" in the talk). Every line that prints the title counts ("Dr. Vasco Vieira
        Garin, Ambassador of Portugal" beside "Ambassador U. Alexis Johnson, Under Secretary" leaves it open). Not where
        the editors' convention gives the title to the U.S. holder ("The President" listed without a name beside
        "President Chamoun")."""
        if len(hits) < 2 or (title in _CONVENTIONAL_TITLES and self._by_convention(title)):
            return None
        word = re.compile(rf"\b{re.escape(title)}\b", re.IGNORECASE)
        listed = [iri for iri in hits if any(word.search(line) for line in self._listed_lines.get(iri, ()))]
        if len(listed) != 1:
            return None
        label = hits[listed[0]]
        return Named(listed[0], label, f"'{printed}' read as {label}, of those the document names with that title the one "
                                       f"the participants list prints with it")

    def _head_names(self, printed: str, title: str, hits: dict[str, str]) -> Named | None:
        """Session 50: "Lunch with Soviet Ambassador Dobrynin" on the subject line of Thompson's record (frus1961-63v05
        d388), whose narrative also names "Ambassador Thompson": of those the document names with the title, the one
        its head (heading, subject line, labels, before the first line of narration) prints with it, outside the
        participants list (whose "Minister Franz Krapf", a diplomat's rank, is not the Defense Minister Strauss), where
        the head prints the title only there."""
        if len(hits) < 2 or title in _CONVENTIONAL_TITLES:
            return None
        text, listed = self.record.text, self._listed
        head = text[:min(self._head, listed[0])] + text[listed[1]:self._head] if listed[1] else text[:self._head]
        if len(re.findall(rf"\b{re.escape(title)}\b", head, re.IGNORECASE)) != 1:
            return None     # "Call by Portuguese Ambassador on Ambassador Johnson" (frus1969-76v28 d87) names two
        named = [iri for iri in self._titled_in_head.get(title, {}) if iri in hits and iri not in self.writers]
        if len(named) != 1:
            return None
        return Named(named[0], hits[named[0]], f"'{printed}' read as {hits[named[0]]}, of those the document names with "
                                               f"that title the one its head prints with it")

    def _last_titled(self, printed: str, title: str, hits: dict[str, str]) -> Named | None:
        """Session 50: "The Secretary particularly noted…" after "Secretary McNamara briefly described…", in a record
        that also names Secretary Dillon (frus1961-63v08 d154): of those the document names with the title, the one the
        narrative last printed with it (the first so printed in that sentence), not after a preposition, where nothing
        else decides."""
        if len(hits) < 2 or self.at is None or title in ("president", "vice president"):
            return None     # a bare "the President" is the U.S. holder by convention, whoever was named last (frus1977-80v01 d114)
        before = [(at, iri) for at, iri in self._titled_at.get(title, ()) if at < self.at]
        if not before:
            return None
        last, text = max(before)[0], self.record.text
        opens = max(text.rfind(". ", 0, last) + 2, text.rfind("\n", 0, last) + 1)
        iri = min((at, iri) for at, iri in before if at >= opens)[1]   # "Ambassador Garin said he welcomed Ambassador Johnson…"
        return Named(iri, hits[iri], f"'{printed}' read as {hits[iri]}, of those the document names with that title the one "
                                     f"it last printed with it")

    def _of_state(self, printed: str, title: str, hits: dict[str, str]) -> Named | None:
        """Session 50: "The Secretary recalled…" where the participants list prints "The Secretary of State" and the talk
        names "Secretary Quarles" (frus1958-60v09 d244): of those the document names with the title, the one who was
        Secretary of State on its date (POCOM), as the editors' convention has it."""
        if title != "secretary" or len(hits) < 2 or not self._by_convention(title):
            return None
        of_state = [iri for iri in hits if self._holds_secretary_of_state(iri)]
        if len(of_state) != 1:
            return None
        label = hits[of_state[0]]
        return Named(of_state[0], label, f"'{printed}' read as {label}, of those the document names with that title the "
                                         f"Secretary of State on its date (POCOM), whom the editors print as 'The Secretary'")

    def _by_convention(self, title: str) -> bool:
        """Whether the editors' convention makes the title the U.S. holder's here: a heading that names the Secretary of
        State unnamed, a participant printed "The Secretary" or "The President", a meeting the President chairs."""
        if title == "secretary":
            return heading_names_secretary(self.record) or _PARTICIPANT_SECRETARY.search(
                self.record.text, 0, (self.record.body_start or 0) + 3000) is not None
        return president_by_convention(self.record, _HELD_TITLES[title])

    def _other_than_writer(self, hits: dict[str, str]) -> str | None:
        """Session 28: "The Ambassador said…" where the document names two ambassadors, one of them its writer (the
        Embassy's telegram signed by Watson, with "Ambassador Huang Chen") or none a party: the one a heading party
        is, else the one who is not the writer. Not for the titles one holder of the day bears ("the Sec")."""
        if len(hits) < 2 or not self.writers:
            return None
        parties = {party_person_iri(self.record, p) for p in self.record.parties}
        surnames = {_surname(p.name) for p in self.record.parties if p.name}
        rest = [iri for iri in hits if iri not in self.writers]
        among = [iri for iri in rest if iri in parties or _surname(hits[iri]) in surnames]
        if len(among) == 1:
            return among[0]
        return rest[0] if len(rest) == 1 and len(rest) < len(hits) else None

    def _holds_secretary_of_state(self, iri: str) -> bool:
        return self._holds("Secretary of State", iri)

    def _holds(self, post: str, iri: str) -> bool:
        """Whether the person held the U.S. post (POCOM) on the document's date."""
        date = (self.record.date or "")[:10]
        prefix = iris.person_iri("")
        pid = iri[len(prefix):] if iri.startswith(prefix) else None
        return bool(pid and date and any(authorities().canonical(p.hsg) == authorities().canonical(pid)
                                         for p in authorities().holders(post, date) if p.hsg))

    def _present_us_vice_president(self, printed: str, title: str, hits: dict[str, str]) -> Named | None:
        """Session 54: "The Vice President stated…" in the record of Nixon's talk with Chiang Kai-shek, whose participants
        list prints "Vice President Chen Cheng" and "Vice President Richard M. Nixon" (frus1955-57v03 d193: 30 claims had
        gone to a node named "Vice President"): the Vice President of the United States on the date, where he is among
        those the document names with the title and its participants list prints him, as the editors' convention reads
        a bare "the Vice President"."""
        if title != "vice president" or len(hits) < 2:
            return None
        ours = [iri for iri in hits if self._holds("Vice President of the United States", iri) and self._listed_lines.get(iri)]
        if len(ours) != 1:
            return None
        return Named(ours[0], hits[ours[0]], f"'{printed}' read as {hits[ours[0]]}, of those the document names with that "
                                             f"title the Vice President of the United States on the date (POCOM), whom its "
                                             f"participants list prints")

    def _sitting_president(self, printed: str, title: str, hits: dict[str, str]) -> Named | None:
        """Session 55: "President: Fine, well I appreciate that very much." in the record of a Cabinet Room meeting of
        July 1968 that also names "President Kennedy" (frus1964-68v14 d282: 87 claims had gone to a node named
        "President"): the President of the United States on the date, where every other person the document names
        with the title had been President of the United States before it."""
        if title != "president" or len(hits) < 2 or not self.record.date:
            return None
        date = self.record.date[:10]
        sitting = [iri for iri in hits if self._holds("President of the United States", iri)]
        if len(sitting) != 1 or not all(self._former_president(iri, date) for iri in hits if iri != sitting[0]):
            return None
        return Named(sitting[0], hits[sitting[0]], f"'{printed}' read as {hits[sitting[0]]}, the President of the United "
                                                   f"States on the date (POCOM); the others the document names with that "
                                                   f"title had held it before")

    @staticmethod
    def _former_president(iri: str, date: str) -> bool:
        prefix = iris.person_iri("")
        pid = authorities().canonical(iri[len(prefix):]) if iri.startswith(prefix) else None
        return bool(pid) and any(q.kind == "president" and q.end and q.end[:10] < date
                                 for q in authorities().posts_by_person.get(pid, ()))

    def _rank_holder(self, title: str) -> Named | None:
        """Session 31: "the General" in a document that names De Gaulle without his rank: the one person it names whose
        Office of the Historian's record prints him with that rank ("de Gaulle, General Charles")."""
        if title not in _RANKS:
            return None
        a = authorities()
        prefix = iris.person_iri("")
        found = {}
        for m in self.record.mentions:
            pid = m.entity[len(prefix):] if m.kind == "person" and m.entity and m.entity.startswith(prefix) else None
            if pid and pid in a.people and any(re.search(rf"(?:^|[\s,]){title}\s", v, re.IGNORECASE)
                                               for v in a.person(pid).variants):
                found[m.entity] = m.label or a.person(pid).name
        if len(found) != 1:
            return None
        (iri, label), = found.items()
        return Named(iri, label, f"'the {title}' read as {label}, the one person the document names whose record prints "
                                 f"that rank")

    def _host_holder(self, title: str) -> Named | None:
        """Session 37: "President said he was frankly bewildered…" in the Embassy in Brazil's telegram (frus1958-60v05
        d267), which prints "President Eisenhower" further on: the one person the document names whose entry in the
        volume's persons list makes him President of the country the embassy is in."""
        host = _EMBASSY_IN.search(self.record.heading or "")
        if host is None:
            return None
        office = re.compile(rf"(?<!Deputy\s)(?<!Vice\s)(?<!Acting\s)(?<!Assistant\s)(?<!former\s)\b{re.escape(title)}"
                            rf"(?:\s+and(?:\s+[A-Z][\w-]+){{1,3}})?\s+of\s+(?:the\s+)?{re.escape(host.group('country'))}\b",
                            re.IGNORECASE)
        year = int(self.record.date[:4]) if self.record.date else None
        described = {e.entity: e for e in self.record.volume.persons if e.entity and any(
            office.search(part) and dates_allow(part, year) for part in (e.description or "").split(";"))}
        found = {m.entity: m.label or described[m.entity].name for m in self.record.mentions
                 if m.kind == "person" and m.entity in described}
        if len(found) != 1:
            return None
        (iri, label), = found.items()
        return Named(iri, label, f"'the {title.title()}' read as {label}, whom the volume's persons list makes {title.title()} "
                                 f"of {host.group('country')}, the country of the embassy that sends the telegram")

    def _listed_holder(self, title: str) -> Named | None:
        """Session 36: "The Ambassador said he had had long talks with Brezhnev…" in Thompson's record of his lunch with
        Dobrynin (frus1964-68v14 d160), which prints him only as "Dobrynin": the one person the document names, not its
        writer, whose entry in the volume's persons list gives the title ("Dobrynin, Anatoly F., Soviet Ambassador to
        the United States"), in a part of the entry without dates (which are not read: "Ambassador at Large until
        December 26, 1966; Ambassador to the Soviet Union from January 23, 1967"). Not for the titles one holder of the
        day bears, which POCOM settles."""
        if title in _HELD_TITLES or title in _RANKS or genre_of_heading(self.record.heading or "") == "telegram":
            return None     # a telegram's "Ambassador" is mostly its own post's chief, printed nowhere (frus1964-68v14 d185)
        described = {e.entity: e for e in self.record.volume.persons if e.entity and e.description}
        word = re.compile(rf"\b{re.escape(title)}\b(?!\s+at\s+Large)", re.IGNORECASE)
        found = {m.entity: m.label or described[m.entity].name for m in self.record.mentions
                 if m.kind == "person" and m.entity in described and m.entity not in self.writers
                 and any(word.search(part) and not re.search(r"\d", part) for part in described[m.entity].description.split(";"))}
        if len(found) != 1:
            return None
        (iri, label), = found.items()
        printed = re.compile(rf"\b{re.escape(title.title())}\s+((?:[A-Z][\w’'-]+\s*){{1,3}})")
        words = set(_words(label))
        if any(not set(_words(m.group(1))) & words for m in printed.finditer(self.record.text)):
            return None     # "Ambassador Abdullah Al-Khayyal of Saudi Arabia", printed with the title and left untagged
        return Named(iri, label, f"'the {title}' read as {label}, the one person the document names whose entry in the "
                                 f"volume's persons list gives that title")

    def _the_minister(self, title: str) -> Named | None:
        """Session 50: "The Minister said he welcomed the opportunity…" where the participants list prints "Dr. Subandrio,
        Indonesian Foreign Minister" (frus1958-60v17 d205) and the document names no one "Minister" alone: the one person
        it names with a minister's office (not the Prime Minister, nor a deputy's), where the document prints no
        "Minister of …" but Foreign Affairs."""
        if title != "minister" or any(not _a_country(m.group("what"))
                                      for m in _ANOTHER_MINISTRY.finditer(self.record.text, self.record.body_start or 0)):
            return None     # "The Minister of Defense was concerned…" beside Foreign Minister Luns (frus1964-68v13 d70)
        found = {iri: label for key, holders in self.by_title.items()
                 if key.endswith(" minister") and key != "prime minister" and key.split()[0] not in _OFFICE_MODIFIERS
                 for iri, label in holders.items()}
        if len(found) != 1:
            return None
        (iri, label), = found.items()
        return Named(iri, label, f"'the Minister' read as {label}, the one person the document names with a minister's office")

    def _printed_holder(self, title: str) -> Named | None:
        """Session 50: "FonMin said he had wanted to see me…" after "FonMin Caglayangil summoned me" (frus1964-68v16
        d221), a name no list or authority record gives: the one name the body prints after the title or its
        abbreviation, a person of the document or else local to it, rather than a node named after the title. Not for
        the titles the editors' convention gives the U.S. holder, nor ranks ("General Comments"), nor after another office's word ("Assistant Attorney
        General Rankin", "Consulate General Batavia"), nor a word the document prints in lower case ("General Comments")."""
        if title in _CONVENTIONAL_TITLES or title in _RANKS:
            return None
        forms = [title, *(k for k, v in self.cues.title_abbreviations.items() if v.lower() == title and len(k) > 3)]
        pattern = re.compile(rf"(?:(?P<before>[\w’'.-]+)[^\S\n]+)?(?<![\w-])(?i:{'|'.join(re.escape(f) for f in forms)})[^\S\n]+"
                             rf"(?:(?:Dr|Mr|M|Sir)\.?[^\S\n]+)?(?P<name>(?:[A-Z][a-z’'-]+[^\S\n]+){{0,2}}[A-Z][a-z’'-]{{2,}})\b"
                             rf"(?![^\S\n]+[A-Z])")
        r = self.record
        names = set()
        for m in pattern.finditer(r.text, r.body_start, r.body_end or len(r.text)):
            before, name = m.group("before") or "", m.group("name")
            first = name.split()[0]
            if before.lower() in _OFFICE_MODIFIERS or (before[:1].isupper() and not self.demonym(before)) \
                    or first.lower() in self.cues.speaker_titles or first in self.cues.sentence_starters \
                    or place_word(first) or self.demonym(first) or _CALENDAR_WORD.match(name) \
                    or self._in_lower_case(name.split()[-1]):
                continue
            names.add(name)
        if len({_surname(n) for n in names}) != 1:
            return None
        name = max(names, key=len)
        linked = self.by_word.get(_surname(name), {})
        if len(linked) == 1:
            (iri, label), = linked.items()
            return Named(iri, label, f"'the {title}' read as {label}, the one name the document prints after that title")
        return Named(self._local(name), name, f"'the {title}' read as {name}, the one name the document prints after that "
                                              f"title, which the entity layer did not link", True)

    def _untied_title(self, printed: str, title: str, several: bool) -> Named:
        """A title the document ties to no one person: round 13, its holder at the document's date where the heading,
        the volume's persons list or POCOM settles it ("The Sec. said…" in Dulles's telephone notes; ingest.entities.
        titles); else a person local to the document, under the title."""
        if title in _HELD_TITLES and (not several or (title == "secretary" and self._by_convention(title))
                                     or (title in ("president", "vice president")
                                         and president_by_convention(self.record, _HELD_TITLES[title]))):
            year = int(self.record.date[:4]) if self.record.date else None
            holder = holder_of_title(self.record, _HELD_TITLES[title], year)
            if holder is not None and not self._of_another_nation(printed, holder.country):
                return Named(holder.entity, holder.label, f"'{printed}': {holder.explanation}")
            in_washington = self._held_in_washington(printed, title) if not several else None
            if in_washington is not None:
                return in_washington
        listed = self._listed_deputy(printed, title) if not several else None
        if listed is not None:
            return listed
        label = self._title_label(printed)
        chief = self._own_ambassador(printed) if label == "Ambassador" and not several else None
        if chief is not None:
            return chief
        national = self._country_of_title(label)
        holder = self._national_holder(printed, national) if national else None
        if holder is not None:
            return holder
        label = national or label
        return Named(self._local(label), label, f"'{printed}', a title the document does not tie to a name", True)

    def _own_ambassador(self, printed: str) -> Named | None:
        """Session 53: "FonMin Caglayangil told Ambassador US and Turkey should work on…" in the Embassy in Turkey's
        telegram (frus1964-68v16 d224: 7 claims had gone to a node named "Ambassador"): an embassy's telegram names its
        own chief "Ambassador", so the one chief of mission who headed the post sending it on its date (POCOM), where
        it prints no other ambassador ("Soviet Ambassador", "Ambassador Dobrynin")."""
        chief = self.chief_of_sending_post()
        if chief is None or not sent_from_post(self.record):
            return None
        own = set(_words(chief.label))
        for m in _OTHER_AMBASSADOR.finditer(self.record.text):
            named = m.group("name") or ""
            named = "" if _CALENDAR_WORD.match(named) else named      # "Ambassador July 1 reviewed with Sato…"
            if (m.group("nation") and m.group("nation") != "American" and place_word(m.group("nation"))) or \
                    (named and not set(_words(named)) & own):
                return None
        return Named(chief.iri, chief.label, f"'{printed}' in the telegram of the post it heads: {chief.label} headed the "
                                             f"post sending it on {self.record.date[:10]} (POCOM), and the telegram names no "
                                             f"other ambassador")

    def _title_label(self, printed: str) -> str:
        """"the FonMin" -> "Foreign Minister"."""
        return " ".join(self.cues.title_abbreviations.get(w.lower(), w) for w in printed.split() if w.lower() != "the")

    def _of_another_nation(self, printed: str, country: str | None) -> bool:
        """Session 52: a holder of another country than the one demonym the document prints with the title ("the South
        Korean Foreign Minister reacted…", frus1969-76ve14p1 d74, where the volume lists Gromyko as the one Foreign
        Minister of a country the report names) is not the one meant."""
        national = self._country_of_title(self._title_label(printed)) if country else None
        if national is None:
            return False
        states = {e.key for e in gazetteer().get(national.split(" ", 1)[0], ()) if e.kind == "country"}
        states |= {k for s in states if s in authorities().territories for k in authorities().territories[s].successors}
        return country not in states

    def _national_holder(self, printed: str, national: str) -> Named | None:
        """Session 49: "The British Prime Minister" among the participants, and "The Prime Minister opened the
        conversation…" (frus1964-68v13 d61, December 1964: 39 claims had gone to a node "British Prime Minister"): the
        holder of that country's office at the document's date, where the volume's persons list or the authority records
        settle it."""
        demonym, title = national.split(" ", 1)
        year = int(self.record.date[:4]) if self.record.date else None
        holder = holder_of_title(self.record, title, year, of=demonym)
        if holder is None:
            return None
        return Named(holder.entity, holder.label, f"'{printed}', printed '{national}' in the document: {holder.explanation}")

    def _listed_deputy(self, printed: str, title: str) -> Named | None:
        """Session 49: "The Under Secretary outlined…" where a participant is printed "The Under Secretary", as the
        Department's participants lists print the Under Secretary of State (frus1958-60v14 d327: Dillon, June 1959), as
        they print "The Secretary": the holder on the document's date (POCOM). Session 50: "The Acting Secretary" so
        printed is the Secretary's first deputy on the date, who acts in his absence: the Deputy Secretary of State
        from 1972, the Under Secretary before (Herter, March 1959: frus1958-60v08 d246)."""
        r = self.record
        listed = {"under secretary": _PARTICIPANT_UNDER_SECRETARY, "acting secretary": _PARTICIPANT_ACTING_SECRETARY}.get(title)
        if not r.date or listed is None:
            return None
        beside = title == "under secretary" and self._beside_secretary_of_state()
        if not beside and not listed.search(r.text, 0, (r.body_start or 0) + 3000):
            return None
        offices = ("Under Secretary of State",) if title == "under secretary" else ("Deputy Secretary of State",
                                                                                   "Under Secretary of State")
        for office in offices:
            posts = {authorities().canonical(p.hsg) for p in authorities().holders(office, r.date[:10]) if p.hsg}
            if posts:
                break
        if len(posts) != 1:
            return None
        pid = posts.pop()
        label = authorities().person(pid).name
        acting = "" if title == "under secretary" else ", who acts for the Secretary in his absence"
        why = "beside the Secretary of State, in a document that prints no other Under Secretary" if beside else \
            f"a participant printed 'The {title.title()}'"
        return Named(iris.person_iri(pid), label, f"'{printed}', {why}: {label} was {office} on {r.date[:10]} (POCOM)"
                                                  f"{acting}")

    def _beside_secretary_of_state(self) -> bool:
        """Session 51: "Cypriot Foreign Minister Kyprianou reviewed recent Cyprus developments with Secretary, Under
        Secretary, Assistant Secretary Talbot…. Under Secretary reviewed recent talks…" (the Department's telegram,
        frus1964-68v16 d185: 24 claims had gone to a node "Under Secretary"): where the document prints "Secretary" alone,
        or the Department sends it, and "the Secretary" is the Secretary of State on its date, its "Under Secretary" is
        his, unless it prints another ("Under Secretary of the Treasury", "Under Secretary for Economic Affairs",
        "Permanent Under-Secretary")."""
        r = self.record
        if _ANOTHER_UNDER_SECRETARY.search(r.text) or not (_BARE_SECRETARY.search(r.text, r.body_start or 0)
                                                            or _FROM_THE_DEPARTMENT.search(r.heading or "")):
            return False
        holder = holder_of_title(r, "Secretary", int(r.date[:4]))
        return holder is not None and self._holds_secretary_of_state(holder.entity)

    def _held_in_washington(self, printed: str, title: str) -> Named | None:
        """Session 37: "The Secretary said…", "The President thought…" in a memorandum of conversation held in Washington
        whose participants are printed with another document ("[Here follows the same list of participants as Document
        96.]", frus1958-60v09 d97), and which ties neither title to anyone: the Secretary of State and the President of
        the United States on its date (POCOM)."""
        office = {"secretary": "Secretary of State", "president": "President of the United States"}.get(title)
        if office is None or not (self.record.place or "").startswith("Washington") or not self.record.date \
                or genre_of_heading(self.record.heading or "") not in ("memorandum of conversation", "memorandum"):
            return None
        posts = {p.hsg for p in authorities().holders(office, self.record.date) if p.hsg}
        if len(posts) != 1:
            return None
        pid = authorities().canonical(posts.pop())
        label = authorities().person(pid).name
        return Named(iris.person_iri(pid), label, f"'{printed}' in a record of a meeting in Washington: {label} was {office} "
                                                  f"on {self.record.date[:10]} (POCOM)")

    def us_president(self) -> Named | None:
        """Session 32: the President of the United States on the document's date (POCOM), for a cable's routing words
        ("For the Ambassador from the President."), which in the government's own traffic name no other president."""
        posts = [p for p in authorities().holders("President of the United States", self.record.date or "") if p.hsg] \
            if self.record.date else []
        if len({p.hsg for p in posts}) != 1:
            return None
        pid = authorities().canonical(posts[0].hsg)
        label = authorities().person(pid).name
        return Named(iris.person_iri(pid), label, f"'the President' of the routing words: {label} was President of the "
                                                  f"United States on {self.record.date[:10]} (POCOM)")

    def chief_of_sending_post(self) -> Named | None:
        """Session 43: the one chief of mission who, on the document's date (POCOM), headed the embassy or mission the
        heading sends an unsigned telegram from ("General Abrams, Amb Berger and I had hour and a half meeting with him
        tonight.", frus1964-68v07 d64: Bunker's, not the Embassy's)."""
        if not self.record.date:
            return None
        pids = {authorities().canonical(p.hsg) for p in _chiefs_of_sender(self.record) if p.hsg}
        if len(pids) != 1:
            return None
        pid = pids.pop()
        label = authorities().person(pid).name
        return Named(iris.person_iri(pid), label, f"the unsigned telegram's 'I': {label} headed the post sending it on "
                                                  f"{self.record.date[:10]} (POCOM)")

    def signer_in_office(self, printed: str) -> Named | None:
        """Session 33: a cable's untagged signature ("ROBINSON", "Ingersoll", "…IN THE WFC. VOLPE") is the one official of
        that surname who held, on its date (POCOM), a principal office of the Department where the Department sends it, or
        a post's chief of mission where a post does."""
        r = self.record
        if not r.date or not re.fullmatch(r"[A-Z][A-Za-z’'-]+", printed.strip()):
            return None
        if _FROM_THE_DEPARTMENT.search(r.heading or ""):
            posts = authorities().holders_of_kind("principal", r.date)
        elif sent_from_post(r):
            posts = _chiefs_of_sender(r)
        else:
            return None
        key = norm(printed.strip())
        found = {(authorities().canonical(p.hsg), p.title) for p in posts
                 if p.hsg and norm(authorities().person(p.hsg).surname) == key}
        if len({pid for pid, _ in found}) != 1:
            return None
        pid, title = min(found)
        label = authorities().person(pid).name
        return Named(iris.person_iri(pid), label, f"the signature '{printed.strip()}': {label} was {title} on {r.date[:10]} (POCOM)")

    def _country_of_title(self, label: str) -> str | None:
        """Session 30: "the Ambassador" where the document names only "The French Ambassador" is the French Ambassador; not
        in a telegram, whose "Chargé" is often its own writer beside the host's "Libyan Chargé"."""
        r = self.record
        if genre_of_heading(r.heading or "") == "telegram":
            return None
        pattern = re.compile(rf"\b([A-Z][a-z]+) {re.escape(label)}\b")
        found = {m.group(1) for m in pattern.finditer(r.text, r.body_start, r.body_end or len(r.text)) if self.demonym(m.group(1))}
        return f"{found.pop()} {label}" if len(found) == 1 else None

    def named(self, printed: str) -> Named | None:
        """Who a subject or label printed without a linked mention is ("Shah", "Sir Oliver", "Franklin")."""
        title = self.title(printed)
        if title is not None:
            hits = self.by_title.get(title, {})
            if title == "secretary" and self._by_convention(title) and len(hits) == 1 \
                    and not self._holds_secretary_of_state(next(iter(hits))):
                # session 35: "…Between the Secretary of State and the Secretary of the Army (Brucker)": "TELEPHONE CALL TO
                # SEC BRUCKER" does not make "The Sec said…" Brucker's; the heading's unnamed Secretary is of State
                return self._untied_title(printed, title, True)
            host = self._host_holder(title) if title in _HOST_TITLES else None
            if host is not None:
                return host
            if len(hits) == 1:
                (iri, label), = hits.items()
                return Named(iri, label, f"'{printed}' read as {label}, named with that title in the document")
            listed = self._of_state(printed, title, hits) or self._listed_participant(printed, title, hits) \
                or self._present_us_vice_president(printed, title, hits) or self._sitting_president(printed, title, hits)
            if listed is not None:
                return listed
            other = self._other_than_writer(hits) if title not in _HELD_TITLES else None
            if other is not None:
                return Named(other, hits[other], f"'{printed}' read as {hits[other]}, of those the document names with "
                                                 "that title the heading's party or the one who is not its writer")
            recent = self._head_names(printed, title, hits) or self._last_titled(printed, title, hits)
            if recent is not None:
                return recent
            ranked = (self._rank_holder(title) or self._listed_holder(title) or self._the_minister(title)
                      or self._printed_holder(title)) if not hits else None
            if ranked is not None:
                return ranked
            return self._untied_title(printed, title, bool(hits))
        words = [w for w in _words(printed) if w not in _HONORIFICS]
        if not words or any(w in self.cues.not_person_subjects for w in words) or place_word(printed.strip()):
            return None
        if printed.split()[-1] in _NEWSPAPER_WORDS:
            return self._local_body(printed)
        shortened = self._shortened(printed)
        if shortened is not None:
            return shortened
        if len(words) == 1 and len(words[0]) == 1 and len(printed) > 2:
            # session 20: "Mr M said…" in Manning's notes of his calls: an initial after an honorific
            initial = self._party_initial(words[0].upper()) or self.initial(words[0].upper())
            if initial is not None:
                return Named(initial.iri, initial.label, f"'{printed}': {initial.how}")
        hits = self.by_word.get(words[-1], {})
        sir = self.knight(printed.split()[-1], hits) if len(words) == 1 and _SIR.match(printed) else None
        if sir is not None:
            return sir
        if len(hits) == 1:
            (iri, label), = hits.items()
            return Named(iri, label, f"'{printed}' read as {label}, named in full in the document")
        given = self.given_name(printed.strip()) if len(printed.split()) == 1 and not hits else None
        if given is not None:
            return given
        kept = [w for w in printed.split() if w.lower().strip(".") not in _HONORIFICS]
        title_word = set(self.cues.speaker_titles) | set(self.cues.title_abbreviations)
        while len(kept) > 1 and kept[-1].lower() not in title_word and "of" not in kept \
                and (kept[0].lower() in title_word or (self.demonym(kept[0]) and kept[1].lower() in title_word)):
            kept = kept[1:]      # session 32: "Soviet Chargé Vorontsov called…" is Vorontsov, as "Vorontsov said…" is
        name = " ".join(kept)
        envoy = self._national_ambassador(printed)
        if envoy is not None:
            return envoy
        return Named(self._local(name), name, f"'{printed}', a name the entity layer did not link", True)

    def _national_ambassador(self, printed: str) -> Named | None:
        """Session 55: "The British Ambassador called at his request on the Secretary…" where the participants list
        prints "Sir Roger Makins" (frus1955-57v02 d96, 1955: 21 claims had gone to a node "British Ambassador"): the
        one person the document links whom a FRUS persons list of a volume spanning the document's year describes as
        that country's ambassador ("British Ambassador to the United States until October 1956"), no date excluding it."""
        m = _NATIONAL_AMBASSADOR.fullmatch(printed.strip())
        if m is None or not self.demonym(m.group(1)) or not self.record.date:
            return None
        year, a = int(self.record.date[:4]), authorities()
        office = re.compile(rf"(?:^|;\s*|thereafter,?\s+){m.group(1)}\s+Ambassador\b")
        prefix = iris.person_iri("")
        found = {}
        for mention in self.record.mentions:
            pid = mention.entity[len(prefix):] if mention.kind == "person" and mention.entity \
                and mention.entity.startswith(prefix) else None
            person = a.person(pid) if pid and pid in a.people else None
            said = next((t for t, first, last in (person.offices if person else ()) if first <= year <= last
                         and (hit := office.search(t)) and dates_allow(t[hit.start():].split(";")[0], year)), None)
            if said is not None:
                found[mention.entity] = (mention.label or person.name, said)
        if len(found) != 1:
            return None
        (iri, (label, said)), = found.items()
        return Named(iri, label, f"'{printed}' read as {label}, the one person the document names whom a FRUS persons "
                                 f"list of the year describes so (\"{said[:80]}\")")

    def given_name(self, word: str) -> Named | None:
        """Session 46: "PAT FEELS VERY STRONGLY…" after "A VERY AGITATED PAT MOYNIHAN TELEPHONED ME", the editors having
        tagged the surname only: a word the document prints right before one linked person's name, and before no one
        else's, is that person's given name, where it begins as one of the names before the surname in the person's
        record does ("Pat", Daniel Patrick Moynihan; "Chet", Chester Bowles; not "Of" in "…of Konrad Adenauer", nor a
        surname printed before another's). Titles, honorifics and words that open sentences are not."""
        low = word.lower()
        if not word[:1].isupper() or len(word) < 2 or low in _HONORIFICS or low in self.cues.speaker_titles \
                or low in self.cues.title_abbreviations or low in self.cues.not_person_subjects \
                or word in self.cues.sentence_starters:
            return None
        text, before = self.record.text, re.compile(rf"(?<![\w’'.-]){re.escape(word)}[^\S\n]+$", re.IGNORECASE)
        hits = {m.entity: m.label for m in self.record.mentions if m.kind == "person" and m.entity and m.label
                and before.search(text, max(0, m.start - len(word) - 4), m.start)
                and any(t[:3] == low[:3] for t in _given_names(m.label))}
        if len(hits) != 1:
            return None
        (iri, label), = hits.items()
        return Named(iri, label, f"'{word}' read as {label}, the given name the document prints before that person's name")

    def knight(self, given: str, hits: dict[str, str]) -> Named | None:
        """Session 28: "Sir Robert" is the given name of the knight the document names in full ("Sir Robert Scott,
        Minister, British Embassy"), not another Robert it links (Robert Murphy); unlinked, a person local to it."""
        full = re.search(rf"\b(?:Sir|Lady)\s+{re.escape(given)}\s+(?:[A-Z]\.\s+)?(?P<surname>[A-Z][\w’'-]+)", self.record.text)
        if full is None:
            return self._knight_in_heading(given)
        linked = {iri: label for iri, label in hits.items() if _surname(label) == full.group("surname").lower()}
        if len(linked) == 1:
            # session 29: "Sir Harold" beside "Sir Harold Caccia", whom the entity layer links, and Harold Macmillan
            (iri, label), = linked.items()
            return Named(iri, label, f"'Sir {given}' read as {label}, the knight the document names in full")
        if linked:
            return None
        label = " ".join(full.group(0).split())
        return Named(self._local(f"{given} {full.group('surname')}"), label,
                     f"'Sir {given}', '{label}' in the document, a name the entity layer did not link", True)

    def _knight_in_heading(self, given: str) -> Named | None:
        """Session 29: "Sir Harold said…" in a conversation with "the British Ambassador (Caccia)": the one heading party
        whose full name begins with that given name (Harold Anthony Caccia, not Harold Macmillan, whom the body names)."""
        parties = {p.entity: p.label for p in self.record.parties
                   if p.entity and p.label and p.label.split()[0].lower() == given.lower()}
        if len(parties) != 1:
            return None
        (iri, label), = parties.items()
        return Named(iri, label, f"'Sir {given}' read as {label}, the party of the heading with that given name")

    def group(self, printed: str) -> list[Named]:
        """The persons a plural title stands for ("The Senators" where the participants list prints
        "Senator Percy", "Senator Cook", "Senator Mathias"): all the document ties to the title, two or more."""
        words = printed.split()
        if not words or not words[-1].endswith("s") or len(words[-1]) < 4:
            return []
        singular = " ".join([*words[:-1], words[-1][:-1]])
        title = self.title(singular)
        hits = dict(self.by_title.get(title, {})) if title else {}
        if title and len(hits) < 2:
            hits = self._printed_with_title(singular.split()[-1]) or hits
        if len(hits) < 2:
            return []
        return [Named(iri, label, f"'{printed}' read as the {len(hits)} persons the document names with the title "
                                  f"'{title}'", local="/persons/" in iri and "/historicaldocuments/" in iri)
                for iri, label in hits.items()]

    def _printed_with_title(self, title: str) -> dict[str, str]:
        """Names printed after the title in the body ("Senator Charles Percy" in a participants list), as linked
        persons where the document links the surname, else as persons local to the document."""
        r = self.record
        found: dict[str, str] = {}
        pattern = re.compile(rf"\b{re.escape(title)} +((?:[A-Z][a-z-]+ +){{0,2}}[A-Z][a-z-]{{2,}})(?:['’]s)?\b")
        for m in pattern.finditer(r.text, r.body_start, r.body_end or len(r.text)):
            name = m.group(1)
            linked = self.by_word.get(_surname(name), {})
            if len(linked) == 1:
                found.update(linked)
            elif _surname(name) not in {_surname(v) for v in found.values()}:
                found[self._local(name)] = name
        return found

    def _shortened(self, printed: str) -> Named | None:
        """Session 20: a surname cut short with a period ("Br. said…" in Dulles's telephone notes of a call with
        Brownell): the one person of the document whose surname begins with it."""
        if not _SHORTENED.fullmatch(printed):
            return None
        stem = printed[:-1].lower()
        hits = {iri: label for w, found in self.by_word.items() if w.startswith(stem) and len(w) > len(stem) + 1
                for iri, label in found.items() if _surname(label) == w}
        if len(hits) != 1:
            return None
        (iri, label), = hits.items()
        return Named(iri, label, f"'{printed}' read as {label}, the one person of the document whose surname it shortens")

    def _party_initial(self, letter: str) -> Named | None:
        """The one party of the heading whose surname begins with this initial, by the person the body names so."""
        hits = {iri: label for party in self.record.parties if party.name and _surname(party.name)[:1] == letter.lower()
                for iri, label in self.by_word.get(_surname(party.name), {}).items()}
        if len(hits) != 1:
            return None
        (iri, label), = hits.items()
        return Named(iri, label, f"'{letter}' read as {label}, the party of the heading with that initial")

    def initial(self, letters: str) -> Named | None:
        """The one person of the document whose surname begins with a transcript label's initial."""
        if len(letters) != 1:
            return None
        hits = {iri: label for w, found in self.by_word.items() if w[:1] == letters.lower()
                for iri, label in found.items() if _surname(label) == w}
        if len(hits) != 1:
            return None
        (iri, label), = hits.items()
        return Named(iri, label, f"label '{letters}:' read as {label}, the one person named in the document with that initial")

    def untagged(self, start: int, end: int, covered: list[tuple[int, int]],
                 printed: bool = False) -> list[tuple[int, str, Named | None]]:
        """Persons named in text[start:end] by a title or a name the entity layer did not tag ("the
        Secretary", "Evatt"), as (offset, IRI, None), where the document settles who they are; and, as
        (offset, IRI, Named) with a document-local IRI, a bare title the document ties to nobody ("the
        Prime Minister") or a name after an honorific ("Mr. Houdek") that no linked person bears; with `printed`
        (round 11, for `about`), also that name standing alone where the body prints it after an honorific or a
        title elsewhere ("Houdek had previously agreed…" after "Mr. Houdek")."""
        text = self.record.text
        out: list[tuple[int, str, Named | None]] = []
        for m in self._title_or_name.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in covered):
                continue
            title = self.title(m.group(0))
            if title and _NAME_AFTER.match(text, m.end()):
                continue         # "Vice President Gómez": the title of the name after it, not the document's Vice President
            hits = self.by_title.get(title, {}) if title else self.by_word.get(m.group(0).lower(), {})
            if len(hits) == 1:
                out.append((m.start(), next(iter(hits)), None))
            elif not hits:
                local = self._local_person(m.group(0), title, m.start(), m.end(), printed)
                if local is None and printed and title is None and self._surname_of_record(m.group(0), m.start(), m.end()):
                    local = Named(self._local(m.group(0)), m.group(0), f"'{m.group(0)}', the surname of a person of the "
                                  "Office of the Historian's records, standing alone, a name the entity layer did not link", True)
                if local is not None:
                    out.append((m.start(), local.iri, local))
        if printed and self._two_letter_names():
            # round 11: a name of two letters the body prints after a title ("Generals Li and Tuan")
            for m in _TWO_LETTERS.finditer(text, start, end):
                if self._printed_name(m.group(0)) and not any(a < m.end() and m.start() < b for a, b in covered):
                    named = Named(self._local(m.group(0)), m.group(0), f"'{m.group(0)}', a name printed after a title", True)
                    out.append((m.start(), named.iri, named))
            out.sort(key=lambda x: x[0])
        return out

    def _local_person(self, printed: str, title: str | None, start: int, end: int, elsewhere: bool = False) -> Named | None:
        """A bare head-of-government title, or a surname after an honorific (with `elsewhere`, or printed after one
        elsewhere in the body), as a person local to the document."""
        text = self.record.text
        after = text[end:end + 40]
        if title is not None:
            if title not in self.cues.local_titles or _NAME_OR_OF_AFTER.match(after):
                return None        # "President Nixon", "President of the United States": a name follows, or an office
            return self._untied_title(printed, title, False)
        before = _HONORIFIC_BEFORE.search(text, max(0, start - 30), start)
        word = printed.lower()
        if before is not None:
            how = f"'{before.group(0).strip()} {printed}', a name the entity layer did not link"
        elif elsewhere and self._printed_name(printed):
            # round 11: "Mr. Houdek" earlier, "Houdek" here
            how = f"'{printed}', printed after an honorific or a title elsewhere in the body, a name the entity layer did not link"
        else:
            return None
        if word in self.cues.not_person_subjects or printed in self.cues.sentence_starters \
                or word in self.cues.speaker_titles or _NAME_OR_OF_AFTER.match(after):
            return None
        return Named(self._local(printed), printed, how, True)

    def _local_body(self, printed: str) -> Named:
        """Session 36: "The New York Times had indicated…. He would also see Mr. and Mrs. Luce…": a newspaper's name is a
        body local to the document, which no "he" stands for (committees and funds stay as they were: reading them as
        bodies too moved the held-out claimant total by −3)."""
        name = re.sub(r"^(?:[Tt]he)\s+", "", printed.strip())
        iri = f"{iris.document_iri(self.record.volume.id, self.record.doc_id)}/organizations/{iris.slug(name)}"
        return Named(iri, name, f"'{printed}', a body the entity layer did not link", True, kind="organization")

    def _local(self, name: str) -> str:
        return party_person_iri(self.record, Party(role="speaker", name=name))
