"""Bodies a memorandum or letter names the short way, as the office speaking for itself (round 12): "This Department
believes…" in a letter of the Assistant Secretary of State, "The Bureau recommends…" in the Executive Secretary's
memorandum that names the Bureau of African Affairs. The annotation gives such a view to the body, as it gives "The
Department considers…" (which the entity layer tags) and "State requests your approval…"; the rules gave it to the
memorandum's writer, since "This Department" and "the Bureau" named no entity.

- "This/Our Department" is the department the heading sends the document from (the Department of Defense in a
  letter from the Secretary of Defense), else the Department of State.
- "the/this/our Bureau" standing alone is the one bureau the document names in full ("Bureau of African Affairs",
  through the entity layer's gazetteer); the full name itself is that bureau too where no mention covers it. Two
  bureaus named, or none, and the word stays unread.

The record is not changed: claims read copies of its mentions.
"""
from __future__ import annotations

import re

from ingest.authorities import authorities
from ontology import iris

from ..entities.gazetteer import gazetteer
from ..records import DocumentRecord, Mention

__all__ = ["own_bodies"]

_THIS_DEPARTMENT = re.compile(r"\b(?:[Tt]his|[Oo]ur)\s+(?P<body>Department)\b(?!\s+of\b)")
_THE_BUREAU = re.compile(r"\b(?:[Tt]he|[Tt]his|[Oo]ur)\s+(?P<body>Bureau)\b(?!\s+of\b)(?!\s+[A-Z])")
_BUREAU_NAME = re.compile(r"\bBureau\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+|of\s+|for\s+)?[A-Z][\w-]*){0,5}")
# A bureau named by a word before it ("Coordinating Bureau", "Political Bureau", "African Bureau"): another bureau.
_OTHER_BUREAU = re.compile(r"\b(?!The\b|This\b|Our\b)[A-Z][\w-]+\s+Bureau\b")
# The department a heading's sender belongs to ("Letter From the Secretary of Defense (Forrestal) to…").
_DEPARTMENTS = (("Defense", "department-of-defense"), ("Treasury", "treasury"), ("Agriculture", "department-of-agriculture"),
                ("Commerce", "department-of-commerce"), ("Justice", "department-of-justice"))
_FROM_PART = re.compile(r"\bFrom\b(?P<sender>.*?)(?:\s+to\s+|$)", re.IGNORECASE)


def own_bodies(record: DocumentRecord, mentions: list[Mention]) -> list[Mention]:
    """Mentions of "This Department" and of "the Bureau" where no mention covers them."""
    text = record.text
    end = record.body_end if record.body_end is not None else len(text)
    if text.find("Department", record.body_start, end) < 0 and text.find("Bureau", record.body_start, end) < 0:
        return []
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    if _THIS_DEPARTMENT.search(text, record.body_start, end):
        out += _mentions(record, _THIS_DEPARTMENT, _writing_department(record), taken, "the department the heading sends the document from")
    bureau = _one_bureau(record, end) if _THE_BUREAU.search(text, record.body_start, end) else None
    if bureau is not None:
        key, names = bureau
        out += _mentions(record, _THE_BUREAU, key, taken, "the one bureau the document names in full")
        out += [m for m in names if not any(a < m.end and m.start < b for a, b in taken)]
    return out


def _mentions(record: DocumentRecord, pattern: re.Pattern[str], key: str, taken: list[tuple[int, int]], why: str) -> list[Mention]:
    inst = authorities().institutions.get(key)
    if inst is None:
        return []
    out = []
    end = record.body_end if record.body_end is not None else len(record.text)
    for m in pattern.finditer(record.text, record.body_start, end):
        s, e = m.span("body")
        if not any(a < e and s < b for a, b in taken):
            out.append(Mention(s, e, "organization", "own-body", 0.6, iris.organization_iri(key), inst.label,
                               explanation=f"'{m.group(0)}' is the {inst.label}, {why}", exact=m.group("body")))
    return out


def _writing_department(record: DocumentRecord) -> str:
    m = _FROM_PART.search(record.heading or "")
    sender = m.group("sender") if m else ""
    return next((key for word, key in _DEPARTMENTS if word in sender), "department-of-state")


def _one_bureau(record: DocumentRecord, end: int) -> tuple[str, list[Mention]] | None:
    """The one bureau the heading, the source note or the body names in full, with the mentions of its full names."""
    found: dict[str, list[Mention]] = {}
    if _OTHER_BUREAU.search(record.text, 0, end):
        return None          # "the Coordinating Bureau" of the Non-Aligned in an INR note: "The Bureau believes…" is theirs
    for m in _BUREAU_NAME.finditer(record.text, 0, end):
        words = m.group(0).split()
        for k in range(len(words), 2, -1):
            name = " ".join(words[:k])
            entries = [x for x in gazetteer().get(name) or () if x.kind == "organization"]
            if len(entries) == 1:
                key = entries[0].key
                inst = authorities().institutions.get(key)
                if inst is not None and m.start() >= record.body_start:
                    found.setdefault(key, []).append(Mention(
                        m.start(), m.start() + len(name), "organization", "own-body", 0.7, iris.organization_iri(key),
                        inst.label, explanation=f"'{name}' is the {inst.label} (gazetteer)", exact=name))
                elif inst is not None:
                    found.setdefault(key, [])
                break
    return next(iter(found.items())) if len(found) == 1 else None
