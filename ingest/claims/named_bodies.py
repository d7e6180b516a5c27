"""Bodies the authorities do not hold, named in full in the body: "the Multilateral Force", "the Neutral
Nations Supervisory Commission", "the United Nations Command", "the Working Group in Paris", "Task Force
Saigon", and (round 9) broadcasters, "Radio Uganda". A run of capitalized words ending in a head noun of a body (`[bodies] local_body_heads` in the
claims cues: Force, Command, Commission, Teams, Group…) that no linked mention covers is an organization
local to the document (`…/d20/organizations/multilateral-force`), so a claim can be about it. Words the
entity layer linked inside the run ("United Nations" in "United Nations Command") are part of the body's
name, not a second entity of the claim. The record is not changed: claims read copies of its mentions.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ontology import iris

from ..entities.posts import heading_posts
from ..records import DocumentRecord, Mention
from .cues import Cues

__all__ = ["named_bodies"]

# Capitalized words (and the small words inside a name), then a head noun; a capital's or country's name may
# qualify the body after it ("Task Force Saigon").
_CAP = r"[A-Z][a-z][\w’'-]*"
_LINK = r"(?:\s+(?:of|for|on)\s+(?:the\s+)?|\s+and\s+(?!the\b)|\s+)"
# "the Army and Air Force", "the Ambassador and the Country Team": two, where a body or a person stands before "and".
_BEFORE_AND = frozenset({"Army", "Navy", "Marines", "Guard", "Police", "Ambassador", "Embassy", "Government"})
# Words that open a sentence or a noun phrase but do not name a body ("The Committee", "Our Mission"), nor does a
# document that a body writes ("Report of the Strategic Materials Working Group" names the group).
_NOT_NAME = frozenset({"The", "A", "An", "Our", "Their", "His", "Her", "Its", "This", "That", "These", "Those", "Each",
                       "Every", "Any", "No", "Some", "Both", "In", "On", "At", "For", "From", "With", "By", "To", "As",
                       "If", "When", "While", "Since", "After", "Before", "Mr", "Mrs", "Dr", "I", "We", "He", "She",
                       "They", "It", "New", "Next", "First", "Last", "Such", "Your", "My", "Armed", "Second", "Third",
                       "Fourth", "Fifth", "Other", "Report", "Reports", "Memorandum", "Minutes", "Recommendations"})
# An office, not a body: "Army Chief of Staff", "Deputy Chief of Mission", "Executive Secretary of the … Board".
_OFFICE_WORDS = frozenset({"Chief", "Chiefs", "Secretary", "Director", "Ambassador", "Minister", "Administrator",
                           "Chairman", "Commander", "Head", "Counselor", "Attaché", "Officer", "President", "Members", "Member"})
# "a public Presidential Commission", "an Advisory Group": a kind of body, not one named.
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|any|some|another)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


# Round 9: broadcasters named "Radio X" ("Radio Uganda broadcast a statement that…", "Radio Moscow", "Radio Free
# Europe"): the head word comes first.
_RADIO = re.compile(r"(?<![\w’'-])Radio(?:\s+(?:Free\s+)?[A-Z][a-z][\w’'-]*){1,2}(?![\w’'-])")


# Round 10: a body numbered after its head noun ("Committee #5" of the Far Eastern Commission, "Committee No. 2",
# "Task Force 77", "Working Group 3"): one body, though the head noun alone is none.
_NUMBERED = re.compile(r"(?<![\w’'-])(?:Committee|Subcommittee|Commission|Group|Force|Fleet|Army|Corps|Division|Panel)"
                       r"\s+(?:#\s?|No\.\s?|Number\s)?\d{1,3}(?![\w’'-])")
_NUMBERED_HEADS = ("Committee", "Subcommittee", "Commission", "Group", "Force", "Fleet", "Army", "Corps", "Division", "Panel")


def _numbered(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The numbered bodies in text[start:end], found from a plain search for each head noun (one regex per body
    would scan every position)."""
    out = []
    for head in _NUMBERED_HEADS:
        i = text.find(head, start, end)
        while i >= 0:
            m = _NUMBERED.match(text, i, end)
            if m:
                out.append(m)
            i = text.find(head, i + len(head), end)
    return sorted(out, key=lambda m: m.start())


_NAME_BEFORE = re.compile(r"(?:[A-Z][a-z]+\s+){1,2}$")


@lru_cache(maxsize=4)
def _pattern(heads_set: frozenset[str]) -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in sorted(heads_set, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'-])((?:{_CAP}{_LINK}){{1,5}}(?:{heads}))(?![\w’'-])")


def named_bodies(record: DocumentRecord, mentions: list[Mention], cues: Cues) -> tuple[list[Mention], set[int]]:
    """Local organizations named in the body, and the ids of the organization mentions inside their names."""
    if not cues.local_body_heads:
        return [], set()
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    out: list[Mention] = []
    inside: set[int] = set()
    base = iris.document_iri(record.volume.id, record.doc_id)
    posts = [m for _, m in heading_posts(record)]
    for c in _pattern(cues.local_body_heads).finditer(text, record.body_start, end):
        s, e = c.span(1)
        words = c.group(1).split()
        cut = max((i + 1 for i, w in enumerate(words[:-1]) if w in _OFFICE_WORDS or
                   (w in _BEFORE_AND or w in cues.local_body_heads) and words[i + 1] == "and"), default=0)
        while words and (cut or words[0] in _NOT_NAME or words[0].isupper() or words[0] in ("of", "for", "on", "the", "and")):
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
            words, cut = words[1:], max(cut - 1, 0)
        if len(words) < 2 or _INDEFINITE_BEFORE.search(text, max(0, s - 30), s):
            continue
        e = _qualified_end(text, e, cues)
        covering = [m for m in mentions if m.start < e and s < m.end]
        head = c.end(1) - len(words[-1])
        if any(m.start < s or m.end > e or m.kind not in ("organization", "term") or m.end > head for m in covering):
            continue            # a person or country inside, a longer name around it, or a mention naming the body itself
        label = " ".join(text[s:e].split())
        own = _heading_body(posts, label)
        if own is not None:
            out.append(Mention(s, e, "organization", "own-post", 0.6, own.entity, own.label,
                               explanation=f"'{label}' is the {own.label} the heading names", exact=text[s:e]))
            inside.update(id(m) for m in covering)
            continue
        why = f"'{label}' names a body (its last word a head noun of [bodies] local_body_heads) that no authority holds"
        out.append(Mention(s, e, "organization", "local-body", 0.6, f"{base}/organizations/{iris.slug(label)}", label,
                           explanation=why, exact=text[s:e]))
        inside.update(id(m) for m in covering)
    for c in _numbered(text, record.body_start, end):
        s, e = c.span()
        before = _NAME_BEFORE.search(text, max(record.body_start, s - 30), s)
        s = before.start() if before else s                 # "Task Force 77", "Working Group 3"
        while text[s:e].split()[0] in _NOT_NAME:
            s = text.index(text[s:e].split()[1], s + len(text[s:e].split()[0]))
        covering = [m for m in mentions if m.start < e and s < m.end]
        if any(m.start < s or m.end > e or m.kind in ("person", "country") for m in covering) \
                or any(m.start <= s and e <= m.end for m in out):
            continue
        label = " ".join(text[s:e].split())
        why = f"'{label}' names a body by its head noun and number (round 10)"
        out.append(Mention(s, e, "organization", "local-body", 0.6, f"{base}/organizations/{iris.slug(label)}", label,
                           explanation=why, exact=text[s:e]))
        inside.update(id(m) for m in covering)
    for c in (_RADIO.finditer(text, record.body_start, end) if text.find("Radio ", record.body_start, end) >= 0 else ()):
        s, e = c.span()
        covering = [m for m in mentions if m.start < e and s < m.end]
        if any(m.start < s or m.end > e or m.kind in ("person", "organization") for m in covering):
            continue            # "Radio Free Europe" linked by the entity layer, or a person's name
        label = " ".join(text[s:e].split())
        why = f"'{label}' names a broadcaster (round 9: 'Radio' before a capitalized name) that no authority holds"
        out.append(Mention(s, e, "organization", "local-body", 0.6, f"{base}/organizations/{iris.slug(label)}", label,
                           explanation=why, exact=text[s:e]))
        inside.update(id(m) for m in covering)    # "Uganda" in "Radio Uganda" is the station's name
    return out, inside


def _heading_body(posts: list[Mention], label: str) -> Mention | None:
    """Session 26: "the Working Group" in the report of the Strategic Materials Working Group is the committee the
    heading names (the IRI of the document's schema:author), where one heading post's name is or ends with it."""
    hits = {m.entity: m for m in posts if m.label and (m.label == label or m.label.endswith(" " + label))}
    return next(iter(hits.values())) if len(hits) == 1 else None


def _qualified_end(text: str, e: int, cues: Cues) -> int:
    """'Task Force Saigon': a capital or telegraphese country name right after the head noun is part of the name."""
    m = re.match(r" ([A-Z][a-z]+)\b", text[e:e + 30])
    return e + m.end() if m and m.group(1) in cues.cities else e
