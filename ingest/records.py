"""Records: what a reader understood of a document, before any RDF is made.

Readers (plain text, TEI) fill these; extractors add mentions and claims; `triples.py` turns a
`DocumentRecord` into one named graph. All offsets are code-point offsets into `DocumentRecord.text`
(half-open: text[start:end]).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

__all__ = [
    "Span", "Page", "Footnote", "SourceNote", "Party", "Candidate", "Mention", "Claim", "ClaimAgent",
    "VolumeRecord", "DocumentRecord", "ListEntry", "SubjectTerm",
]


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Page:
    """The text printed on one page: text[start:end]."""
    number: str
    start: int
    end: int


@dataclass
class SourceNote:
    """What the source note (footnote 1) says about provenance."""
    text: str
    archive: str | None = None
    file_number: str | None = None
    classification: str | None = None
    printed_from: str | None = None
    drafted_by: str | None = None


@dataclass
class Footnote:
    number: str
    start: int          # the note's text in DocumentRecord.text
    end: int
    anchor: int | None  # offset just after the word the note mark follows
    is_source: bool = False
    xml_id: str | None = None


_SMALL_WORDS = frozenset("a al an and at for in of on the to".split())


@dataclass
class Party:
    """An author or recipient as the heading names them: 'the Deputy Secretary of State (Clark)'."""
    role: str                    # "author" | "recipient"
    name: str                    # surname or name as printed: "Clark"
    office: str | None = None    # "Deputy Secretary of State"
    start: int | None = None     # where the name is in text
    end: int | None = None
    entity: str | None = None    # IRI of the person once resolved
    label: str | None = None     # full name once resolved ("William Patrick Clark")
    office_iri: str | None = None
    explanation: str | None = None
    tei_ref: str | None = None   # "#p_CWP_1" where the TEI tags it

    @property
    def home_key(self) -> str | None:
        """A heading party printed by family name alone, with its office's words (small words aside: "The Consul
        General of Batavia" and "al Batavia" are misprints of "at"): the key of VolumeRecord.party_homes."""
        name = self.name.strip()
        if not name or " " in name or self.role not in ("author", "recipient"):
            return None
        words = [w for w in re.findall(r"\w+", (self.office or "").lower()) if w not in _SMALL_WORDS]
        return f"{name}|{' '.join(words)}"


@dataclass(frozen=True)
class Candidate:
    entity: str
    score: float
    label: str = ""


@dataclass
class Mention:
    """A passage naming an entity. `entity` is None when unresolved; `candidates` then say who it may be."""
    start: int
    end: int
    kind: str                    # person | country | organization | place | region | term
    method: str                  # tei-markup | header | office-and-date | name-variant | gazetteer | acronym | organization-list
    confidence: float
    entity: str | None = None
    label: str | None = None     # preferred label of the entity
    candidates: tuple[Candidate, ...] = ()
    explanation: str | None = None
    office: str | None = None    # office held at the document date, when the mention carries one
    exact: str | None = None     # filled by the reader/extractor from text; checked in triples
    entity_links: tuple[str, ...] = ()   # skos:exactMatch IRIs for the entity (Wikidata, HSG)
    tei_ref: str | None = None   # persName/@corresp or gloss/@target, when from markup


@dataclass(frozen=True)
class ClaimAgent:
    """How a claimant appears in one claim: the office printed with the name ("Representative"),
    and a label for claimants minted locally because their name is not linked to an authority."""
    iri: str
    label: str | None = None
    office: str | None = None
    kind: str = "person"
    local: bool = False          # a document-local IRI (…/d54/persons/fenwick): described by the claim's graph


@dataclass
class Claim:
    start: int
    end: int
    claim_type: str              # assessment | recommendation | decision | report | quotation
    claimants: tuple[str, ...]   # entity IRIs
    about: tuple[str, ...] = ()  # entity IRIs
    method: str = "rule"
    confidence: float = 0.5
    explanation: str | None = None
    cue: str | None = None
    agents: tuple[ClaimAgent, ...] = ()   # per-claimant detail (office, local label), optional
    about_local: tuple[ClaimAgent, ...] = ()   # persons in `about` known only in this document ("Prime Minister"), with their labels


@dataclass
class ListEntry:
    """One entry of a volume's persons or terms list."""
    xml_id: str
    kind: str                    # person | term
    name: str                    # "Kissinger, Henry A." / "CIA"
    description: str = ""        # "Assistant to the President for…" / "Central Intelligence Agency"
    entity: str | None = None    # authority IRI when linked


@dataclass(frozen=True)
class SubjectTerm:
    """A subject heading of the FRUS subject taxonomy (today's TEI: textClass/keywords[@scheme='frus-subject-taxonomy']/term)."""
    label: str                   # the term as printed: "human rights"
    ref: str = ""                # the taxonomy's id of the heading
    subject: str = ""            # the heading's slug: "human-rights"
    category: str = ""           # slugs of the taxonomy's category and subcategory
    subcategory: str = ""
    lcsh: str = ""               # Library of Congress Subject Headings IRI, when mapped
    lcsh_match: str = ""         # how well the LCSH heading fits ("exact", "close", …)


@dataclass
class VolumeRecord:
    id: str                      # frus1981-88v41
    title: str                   # "Foreign Relations of the United States, 1981–1988, Volume XLI, Global Issues II"
    series: str | None = None
    subseries: str | None = None
    volume_number: str | None = None
    volume_title: str | None = None
    editors: tuple[str, ...] = ()
    published: str | None = None
    persons: list[ListEntry] = field(default_factory=list)
    terms: list[ListEntry] = field(default_factory=list)
    places: tuple[str, ...] = ()  # gsh ids from the header keywords
    complete: bool = False        # read from the whole TEI volume (its graph replaces a partial one)
    header_subjects: tuple[SubjectTerm, ...] = ()  # subject keywords of a single-document file's header
    printed_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ingest.printed_names: family -> forms
    party_homes: dict[str, str] = field(default_factory=dict)  # Party.home_key -> the first document printing it


@dataclass
class DocumentRecord:
    volume: VolumeRecord
    doc_id: str                  # d54
    number: str                  # "54"
    heading: str                 # "Memorandum From the Deputy Secretary of State (Clark) … to Secretary of State Haig"
    text: str                    # the plain text all offsets refer to
    source: str                  # file (and place in it) the record was read from
    genre: str | None = None
    subject: str | None = None
    date: str | None = None      # ISO date or dateTime (with zone when given)
    date_max: str | None = None
    date_basis: str | None = None  # how date/date_max were established when not printed as such (a range, an inference)
    place: str | None = None
    place_span: Span | None = None
    is_editorial_note: bool = False
    narrated: tuple[str, str] | None = None  # an undated editorial note: the dates of the dated documents around it
    pages: list[Page] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    source_note: SourceNote | None = None
    parties: list[Party] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    body_start: int = 0          # where the body (after heading, dateline, subject) begins
    body_end: int | None = None  # where footnotes begin
    marked_persons: list[tuple[int, int]] = field(default_factory=list)   # persName without @corresp: a person, unnamed by the editors
    subjects: list[SubjectTerm] = field(default_factory=list)            # subject headings (FRUS subject taxonomy, LCSH)

    def page_at(self, offset: int) -> str:
        """The printed page on which `offset` lies."""
        if not self.pages:
            raise ValueError(f"{self.source}: no pages known for {self.doc_id}")
        for note in self.footnotes:
            if note.start <= offset < note.end and note.anchor is not None:
                offset = max(note.anchor - 1, 0)
                break
        starts = [p.start for p in self.pages]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        return self.pages[i].number

    @property
    def authors(self) -> list[Party]:
        return [p for p in self.parties if p.role == "author"]

    @property
    def recipients(self) -> list[Party]:
        return [p for p in self.parties if p.role == "recipient"]
