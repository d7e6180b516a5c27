"""A government named after its head: "the Johnson Administration", "the Kennedy and Johnson administrations", "the
early Kennedy years", "the Diem regime". The surname there is the head, whoever else of that name the document named
earlier or the volume lists: in 1969 frus1969-76v12 lists U. Alexis Johnson (Under Secretary then), but "the Johnson
Administration" is Lyndon B. Johnson's; in 1965 "the Diem regime" after "Bui Diem" is Ngo Dinh Diem's, though his
listed presidency ended in 1963.

The head is the President of the United States of that surname who took office on or before the document's date (the
latest, where several did: Lyndon, not Andrew Johnson), or a namesake the volume's persons list describes as a
country's head (at any date before or after: a regime is named after its head also once he is gone), as "President
of the Republic of Vietnam until November 1, 1963" or "former Vietnamese President" (frus1964-68v03).
"""
from __future__ import annotations

import re

from ingest.authorities import authorities, norm
from ontology import iris

from .people import Resolution, links_of

__all__ = ["GOVERNMENT_AFTER", "head_of_government", "president_among_presidents", "president_of_administrations"]

_HEAD_WORD = r"(?:President|Prime Minister|Premier|King|Queen|Shah|Emperor|Chancellor|Chief of State)"
# "former Vietnamese President", "South Vietnamese Prime Minister": a country's demonym before a head's title
_DEMONYM_HEAD = re.compile(rf"^(?:former\s+)?(?P<people>(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\s+{_HEAD_WORD}\b")

# After the surname: more heads' surnames ("Kennedy and Johnson administrations"), a possessive, then the word.
GOVERNMENT_AFTER = re.compile(r"(?:['’]s)?(?:(?:,\s+|,?\s+and\s+)[A-Z][\w'’-]+)*\s+"
                              r"(?:[Aa]dministrations?|regime|[Pp]residency|years|era)\b")


def head_of_government(surface: str, ids: frozenset[str] | set[str], date: str | None, heads: dict[str, str],
                       descriptions: dict[str, str]) -> Resolution | None:
    """The namesake among `ids` a government named after `surface` is named after, or None when none or several are.
    `heads`: hsg id -> description, of the people the persons list describes as a country's head ("President of …");
    `descriptions`: every listed person's description (for "former Vietnamese President")."""
    a = authorities()
    presidents = sorted((q.start, q.hsg) for pid in ids for q in a.posts_by_person.get(pid, [])
                        if q.kind == "president" and q.start and (not date or q.start <= date[:10]))
    if presidents:
        start, pid = presidents[-1]
        why = f"took office as President of the United States on {start} (the latest President of that name by the date)"
    else:
        described = {pid: heads.get(pid) or descriptions[pid] for pid in ids
                     if pid in heads or (pid in descriptions and _demonym_head(descriptions[pid]))}
        if len(described) != 1:
            return None
        (pid, description), = described.items()
        why = f"is described by the volume's persons list as \"{description[:80]}\""
    person = a.person(pid)
    return Resolution(iris.person_iri(pid), person.name, 0.85,
                      f"'{surface}' names a government after its head: {person.name} (hsg-people {pid}) {why}",
                      "name-variant", links=links_of(pid), pid=pid)


# A surname printed beside another: "Kennedy and Johnson and Nixon", "Truman, Eisenhower", "the Kennedy-Nixon debates".
_LEFT = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)(?:,\s+|,?\s+and\s+|-)$")
_BRACKETED_NAME = re.compile(r"\(([A-Z][a-z]+)(?:[,)])")
_RIGHT = re.compile(r"(?:,\s+|,?\s+and\s+|-)([A-Z][a-z]+)(?![\w'’-])")


def _former_presidents(date: str | None) -> dict[str, list[tuple[str, str]]]:
    """norm(surname) -> [(took office, hsg id)] of the Presidents of the United States whose term had ended by `date`
    (a sitting President named beside another is news of the day: "Johnson and Kennedy" in 1964 may be Robert)."""
    a = authorities()
    out: dict[str, list[tuple[str, str]]] = {}
    for q in a.posts:
        if q.kind == "president" and q.hsg and q.start and q.end and (not date or q.end[:10] <= date[:10]):
            out.setdefault(norm(a.person(q.hsg).surname), []).append((q.start, q.hsg))
    return out


def president_among_presidents(text: str, s: int, e: int, surface: str, ids: frozenset[str] | set[str],
                               date: str | None) -> Resolution | None:
    """A lone surname printed beside another former President's surname ("Kennedy and Johnson and Nixon are damned for
    Vietnam", 1975; "the Kennedy-Nixon debates", 1976) is a former President too: the latest of that surname by the
    date. Not asked where either is in office at the date."""
    presidents = _former_presidents(date)
    mine = sorted(x for x in presidents.get(norm(surface), []) if x[1] in ids)
    if not mine:
        return None
    left, right = _LEFT.search(text, max(0, s - 30), s), _RIGHT.match(text, e)
    beside = [m.group(1) for m in (left, right) if m and norm(m.group(1)) != norm(surface) and norm(m.group(1)) in presidents]
    if not beside and text[s - 1:s] == "(" and text[e:e + 1] == ")":
        # "Clark Clifford (Truman), David Ginsberg (Truman), Ted Sorensen (Kennedy)": aides listed with their
        # Presidents in brackets; another bracket of the sentence holding a former President's surname
        lo, hi = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s)), text.find("\n", e)
        beside = [m.group(1) for m in _BRACKETED_NAME.finditer(text, lo + 1, hi if hi >= 0 else len(text))
                  if m.start() != s - 1 and norm(m.group(1)) != norm(surface) and norm(m.group(1)) in presidents]
    if not beside:
        return None
    start, pid = mine[-1]
    person = authorities().person(pid)
    return Resolution(iris.person_iri(pid), person.name, 0.8,
                      f"'{surface}' beside '{beside[0]}', a former President's surname: {person.name} (hsg-people {pid}) "
                      f"took office as President of the United States on {start}", "name-variant", links=links_of(pid), pid=pid)


# One Administration set beside another: "the last six months of his Administration", "In this Administration, …"
_ADMINISTRATIONS = re.compile(r"\b(?:[Hh]is|[Tt]his|[Tt]hat|[Tt]he\s+(?:previous|last|preceding|former))\s+Administration\b")


def president_of_administrations(text: str, s: int, e: int, surface: str, ids: frozenset[str] | set[str],
                                 date: str | None) -> Resolution | None:
    """A lone surname of a former President of the United States in a sentence that, or whose next sentence, sets
    one Administration beside another ("Johnson tried to have a summit in the last six months of his Administration";
    "When they had proposed to Johnson to have a European Security Conference, … In this Administration, they were
    accused …", Dobrynin in 1970, frus1969-76v12, which lists only U. Alexis Johnson) is that President: the latest
    of that surname whose term had ended by the date."""
    mine = sorted(x for x in _former_presidents(date).get(norm(surface), []) if x[1] in ids)
    if not mine:
        return None
    lo = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s)) + 1
    hi = e
    for _ in range(2):                  # to the end of this sentence and of the next
        stop = min((k for k in (text.find(". ", hi), text.find("\n", hi)) if k >= 0), default=len(text))
        hi = stop + 1
    if not _ADMINISTRATIONS.search(text, lo, hi):
        return None
    start, pid = mine[-1]
    person = authorities().person(pid)
    return Resolution(iris.person_iri(pid), person.name, 0.8,
                      f"'{surface}' where one Administration is set beside another: {person.name} (hsg-people {pid}), "
                      f"President of the United States from {start}, had left office", "name-variant",
                      links=links_of(pid), pid=pid)


def _demonym_head(description: str) -> bool:
    from .gazetteer import gazetteer
    m = _DEMONYM_HEAD.match(description)
    return bool(m) and any(e.kind == "country" for e in gazetteer().get(m.group("people"), ()))
