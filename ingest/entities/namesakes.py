"""Namesakes a printed title tells apart: after "Allen Dulles", a "Secretary Dulles" is the Secretary of State, not
the Director of Central Intelligence named earlier. The title must fit the one named earlier for him to keep it;
otherwise the one namesake it fits (a post held at the date in POCOM, or the volume's persons list describing him
with that title) is the person. When no namesake holds the title at the date, a former holder fits it: "President
Eisenhower" in 1980 is the former President, not his living brother Milton; so too after a namesake who never bore it
("President Kennedy" in 1964 after "the Kennedy administration" was read as the listed Robert). When the one named
earlier never bore the title's word at all, a namesake whose post of the day has it fits ("Secretary Hoover" in 1956
after J. Edgar Hoover: the Under Secretary of State).
"""
from __future__ import annotations

import re

from ingest.authorities import authorities, norm
from ontology import iris

from .people import TITLE_WORDS, Resolution, links_of

__all__ = ["fits_title", "titled_namesake", "COURTESY"]

_COUNTRY_AFTER = re.compile(r"(?:\s+of\s+|,\s+)(?:the\s+)?(?P<place>[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)*)")
# Titles that say nothing about an office.
COURTESY = frozenset("mr mrs ms miss dr messrs mme mlle m sir lord lady dame herr signor sr sra".split())


def fits_title(pid: str, title: str, when: str | None, description: str, former: bool = False) -> str | None:
    """Why `pid` can bear the printed `title` at `when` (ISO date or year), or None. With `former`, a post he had
    left before `when` also fits (only asked when no namesake holds it at `when`)."""
    wanted = TITLE_WORDS.get(norm(title), ())
    if when:
        for q in authorities().posts_by_person.get(pid, []):
            if q.title in wanted or q.title.lower().startswith(title.lower()):
                if q.holds_on(when):
                    return f"held the post '{q.title}' on {when} (POCOM)"
                if former and wanted and q.start and q.start[:4] <= when[:4] and q.end and q.end[:len(when)] < when \
                        and _cited_near(pid, when):
                    return f"had held the post '{q.title}' ({q.start[:4]}–{q.end[:4]}, POCOM), and no namesake held it on {when}"
    clause = re.search(rf"(?:^|[,;]\s*){re.escape(title)}\b(?![-’'])", description or "", re.I)
    if clause and not (norm(title) == "president" and not _of_a_country(description[clause.end():])):
        return f"the volume's persons list describes him as \"{description[:80]}\""
    return None


def _of_a_country(rest: str) -> bool:
    """Whether a description's "President" goes on with a country ("of the United States", "of the Republic of
    Vietnam", ", Republic of Korea"): "President Eisenhower" in an undated 1952 note is not Milton, "President of
    Pennsylvania State University"."""
    from .gazetteer import gazetteer
    m = _COUNTRY_AFTER.match(rest)
    return bool(m) and any(e.kind == "country" for e in gazetteer().get(m.group("place").rstrip(".,;"), ()))


def titled_namesake(surface: str, title: str | None, known: str | None, candidates: set[str], when: str | None,
                    descriptions: dict[str, str]) -> Resolution | None:
    """The one namesake `title` fits when the person named earlier (`known`; None when several namesakes were
    named) does not fit it, else None."""
    if not title or norm(title) in COURTESY or (known and fits_title(known, title, when, descriptions.get(known, ""))):
        return None
    fit = _fitting(candidates - {known}, title, when, descriptions, False)
    if not fit:
        # a former holder, also after a namesake who never bore the title ("President Kennedy" in 1964 after "the
        # Kennedy administration" was read as Robert F. Kennedy)
        fit = _fitting(candidates - {known}, title, when, descriptions, True)
    if not fit and known and not _ever_bore(known, title, descriptions.get(known, "")):
        fit = _bearing_the_word(candidates - {known}, title, when)
    if len(fit) != 1:
        return None
    (pid, why), = fit.items()
    a = authorities()
    others = (f"{a.person(known).name} (hsg-people {known}), named earlier in this document, does not bear that title"
              if known else "no other namesake named in this document bears it")
    return Resolution(iris.person_iri(pid), a.person(pid).name, 0.85,
                      f"'{title} {surface}': {a.person(pid).name} (hsg-people {pid}) {why}; {others}",
                      "name-variant", links=links_of(pid), pid=pid)


def _head_word(title: str) -> re.Pattern:
    """The printed title's head word as the head of a post's title: "President" is not the Vice President's."""
    not_vice = "" if re.search(r"\bvice\b", title, re.I) else r"(?<!vice )(?<!vice-)"
    return re.compile(rf"{not_vice}\b{re.escape(title.split()[-1])}\b", re.I)


def _ever_bore(pid: str, title: str, description: str) -> bool:
    """Whether any POCOM post of `pid`, at any date, or his persons-list description has the title's head word."""
    word = _head_word(title)
    return bool(word.search(description)) or any(word.search(q.title) for q in authorities().posts_by_person.get(pid, []))


def _bearing_the_word(candidates: set[str], title: str, when: str | None) -> dict[str, str]:
    """Namesakes holding at `when` a POCOM post whose title has the printed title's head word: "Secretary Hoover" in
    1956 is the Under Secretary of State, Herbert Hoover, Jr., once J. Edgar Hoover (named earlier in the document,
    never a Secretary) is ruled out. Asked only when the person named earlier never bore the title."""
    if not when:
        return {}
    word = _head_word(title)
    return {pid: f"held the post '{q.title}' on {when} (POCOM), whose title has the word '{title.split()[-1]}'"
            for pid in sorted(candidates) for q in authorities().posts_by_person.get(pid, [])
            if word.search(q.title) and q.holds_on(when)}


def _cited_near(pid: str, when: str) -> bool:
    """A former holder fits only if FRUS persons lists cite him within 5 years of the date: "Secretary Smith" in 1953
    is the Under Secretary, not Robert Smith, Secretary of State in 1809-1811."""
    span = authorities().attested_years.get(pid)
    return bool(span) and span[0] - 5 <= int(when[:4]) <= span[1] + 5


def _fitting(candidates: set[str], title: str, when: str | None, descriptions: dict[str, str], former: bool) -> dict[str, str]:
    return {pid: why for pid in sorted(candidates) if (why := fits_title(pid, title, when, descriptions.get(pid, ""), former))}
