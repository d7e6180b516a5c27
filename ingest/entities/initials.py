"""A person's initials printed as a name: "AWD said he had been talking there about it." in the Secretary's notes of
his calls with his brother, "CAH telephoned Mr. Murphy…", "CCK replied…" in the Taipei embassy's telegrams, "HAK
said he agrees." The editors almost never tag them (none of 113 "AWD", 265 "HAK" or 133 "CCK" in the 99 volumes), so
the claims their sentences make went to a person local to the document, not to Allen Dulles, Kissinger or Chiang
Ching-kuo (session 37).

Three or four capitals are a person's initials where exactly one person the document names (a linked mention or a
heading party) has them, from the authority name in written order ("Chiang Ching-kuo": C, C, K), and the word is
no English word, no place and no acronym the document already reads; never in a telegram's capitals, where every
word looks like one.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ingest.authorities import authorities
from ingest.records import DocumentRecord, Mention
from ontology import iris

from .people import links_of

__all__ = ["initials_mentions", "initials_of"]

_CAPITALS = re.compile(r"(?<![\w.’'-])[A-Z]{3,4}(?![\w’'-]|\.[A-Za-z])")
# "CCK Air Base", the Ching Chuan Kang base the same glossary entry names.
_PLACE_AFTER = re.compile(r"\s+(?:Air\b|air\b|AB\b|[Bb]ase\b|airfield\b|[Aa]irport\b)")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "general", "admiral"})


def initials_of(name: str) -> str | None:
    """'Allen W. Dulles' → 'AWD', 'Chiang Ching-kuo' → 'CCK', 'Christian Archibald Herter, Sr.' → 'CAH'."""
    parts = [p for p in re.split(r"[\s-]+", name.split(",")[0].split("(")[0]) if p[:1].isalpha()
             and p.lower().strip(".") not in _HONORIFICS]
    letters = "".join(p[0] for p in parts).upper()
    return letters if 3 <= len(letters) <= 4 else None


def initials_mentions(record: DocumentRecord, people: Iterable[Mention], free: Callable[[int, int], bool],
                      not_a_name: Callable[[str, int, int], bool]) -> list[Mention]:
    """Mentions of the initials of the persons `people` link, where `free` and `not_a_name` allow; the editors' glosses
    of such initials ("CCK" tagged as the volume's term t_CCK1, "Chiang Ching-kuo") take that person, in place."""
    by_initials: dict[str, dict[str, Mention]] = {}
    for m in people:
        if m.kind == "person" and m.entity and (name := _written_name(m)) and (key := initials_of(name)):
            by_initials.setdefault(key, {})[m.entity] = m
    if not by_initials:
        return []
    _glossed_initials(record, by_initials)
    text = record.text
    out = []
    for c in _CAPITALS.finditer(text, record.body_start, record.body_end or len(text)):
        holders = by_initials.get(c.group(0), {})
        if len(holders) != 1 or not free(c.start(), c.end()) or not_a_name(c.group(0), c.start(), c.end()) \
                or _PLACE_AFTER.match(text, c.end()):
            continue
        (iri, m), = holders.items()
        out.append(Mention(c.start(), c.end(), "person", "name-variant", 0.7, iri, m.label,
                           explanation=f"'{c.group(0)}' is the initials of {m.label}, the one person the document "
                                       "names whose names begin with those letters",
                           entity_links=m.entity_links, office=m.office))
    return out


def _glossed_initials(record: DocumentRecord, by_initials: dict[str, dict[str, Mention]]) -> None:
    prefix = iris.term_iri(record.volume.id, "")
    listed = {t.xml_id: t for t in record.volume.terms}
    for i, m in enumerate(record.mentions):
        entry = listed.get(m.entity[len(prefix):]) if m.kind == "term" and (m.entity or "").startswith(prefix) else None
        holders = by_initials.get(record.text[m.start:m.end], {}) if entry is not None else {}
        (iri, person), = holders.items() if len(holders) == 1 else ((None, None),)
        if person is None or _PLACE_AFTER.match(record.text, m.end) or not any(
                initials_of(part) == entry.name and _surname(person) in part.lower() for part in (entry.description or "").split(";")):
            continue
        record.mentions[i] = Mention(m.start, m.end, "person", m.method, m.confidence, iri, person.label,
                                     explanation=f"tagged by the FRUS editors ({m.tei_ref or entry.xml_id}): '{entry.name}' is "
                                                 f"'{entry.description}' in the volume's list of abbreviations, "
                                                 f"{person.label}, whom the document names", entity_links=person.entity_links,
                                     office=person.office, exact=m.exact, tei_ref=m.tei_ref)


def _surname(m: Mention) -> str:
    return m.label.split(",")[0].split()[-1].lower()


def _written_name(m: Mention) -> str | None:
    prefix = iris.person_iri("")
    if m.entity.startswith(prefix) and (pid := m.entity[len(prefix):]) in authorities().people:
        return authorities().person(pid).name
    return m.label
