"""Senders and recipients that are posts or offices ("the Embassy in Iran", "the Department of State", "the Mission
to the United Nations") as organizations: an institution of the curated list where it is one, else a U.S. post
minted once per kind and territory (`…/organizations/us-embassy-iran`), linked to its country and to the
Department of State. The heading names the post; the territory is the one the gazetteer gives for its place
at the document's date (the Embassy in the Soviet Union in 1978 is in soviet-union-1991).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.authorities import authorities, date_year
from ingest.heading import HeadingPost, posts_of
from ingest.records import DocumentRecord, Mention, Party
from ontology import iris

from .gazetteer import gazetteer
from .places import choose, state_of_us_mission

__all__ = ["PostEntity", "resolve_post", "office_holder", "listed_holder", "post_description", "is_minted_post", "heading_posts", "heading_post_named", "ORGANIZATIONS"]

ORGANIZATIONS = iris.organization_iri("un").removesuffix("un")     # …/organizations/
_PREFIX = "us-"
_KINDS = ("consulate-general", "liaison-office", "interests-section", "embassy", "legation", "consulate", "mission",
          "delegation")


@dataclass(frozen=True)
class PostEntity:
    iri: str
    label: str
    explanation: str


def _institution(name: str) -> str | None:
    for surface in (name, name.removeprefix("U.S. "), "U.S. " + name):
        for e in gazetteer().get(surface, ()):
            if e.kind == "organization":
                return e.key
    return None


# An office printed without a name: its POCOM title, and the institution that speaks for it when POCOM names no holder
# (an Acting Secretary is whoever stood in that day; Defense and the Treasury are outside POCOM).
_POCOM_TITLE = {"President": "President of the United States"}
_DEPARTMENT = re.compile(r"^(?:Acting\s+)?(?:(?:Deputy|Under|Assistant)\s+)?(?:Secretary\s+of\s+(?P<dept>.+)|(?P<other>.+))$")
_OFFICE_BODY = {"Director of Central Intelligence": "Central Intelligence Agency",
                "Chairman of the Joint Chiefs of Staff": "Joint Chiefs of Staff"}


def office_holder(post: HeadingPost, date: str | None) -> Party | None:
    """'the Secretary of State' as sender on 1955-03-16: POCOM's one holder of that office that day, as a heading
    party without a span (the heading prints the office, not the name)."""
    if post.kind != "Office" or not date or post.name.startswith("Acting"):
        return None
    a = authorities()
    title = _POCOM_TITLE.get(post.name, post.name)
    held = [p for p in a.holders(title, date[:10]) if p.hsg]
    if len({p.hsg for p in held}) != 1:
        return None
    person = a.person(held[0].hsg)
    return Party(post.role, post.name, post.name, None, None, iris.person_iri(held[0].hsg), person.name,
                 iris.position_iri(held[0].position),
                 f"the heading names the office '{post.name}' without a name; on {date[:10]} POCOM's holder of "
                 f"'{held[0].title}' is {person.name} (hsg-people {held[0].hsg})")


_US_VICE_PRESIDENT = re.compile(r"\bVice President of the United States\b|\bU\.S\. Vice President\b|^\s*Vice President\b(?!['’]s|\s+of\b)")


def listed_holder(post: HeadingPost, record: DocumentRecord) -> Party | None:
    """'Report by the Vice President': an office POCOM does not hold, settled by the volume's persons list when one
    entry is described as Vice President of the United States with printed dates that allow the document's year
    (frus1961-63v01: "Johnson, Lyndon B., Vice President of the United States from January 20, 1961")."""
    if post.kind != "Office" or post.name != "Vice President" or not record.volume.persons:
        return None
    from .offices import dates_allow
    year = date_year(record.date)
    found = []
    for e in record.volume.persons:
        clause = next((c for c in e.description.split(";") if "Vice President" in c), "")
        if _US_VICE_PRESIDENT.search(clause) and dates_allow(clause, year):
            found.append(e)
    if len(found) != 1:
        return None
    entry = found[0]
    pid = authorities().volume_people(record.volume.id).get(entry.xml_id)
    entity = iris.person_iri(pid) if pid else iris.volume_person_iri(record.volume.id, entry.xml_id)
    label = authorities().person(pid).name if pid else entry.name
    return Party(post.role, post.name, post.name, None, None, entity, label, None,
                 f"the heading names the office '{post.name}' without a name, which POCOM does not cover; the volume's "
                 f"persons list describes {entry.name} ({entry.xml_id}) as \"{clause.strip()[:90]}\", the only such "
                 f"entry whose dates allow {year or 'the document'}")


def _office_body(post: HeadingPost) -> PostEntity | None:
    """The institution an office without a known holder speaks for: the Acting Secretary of State for the Department."""
    m = _DEPARTMENT.match(post.name)
    body = _OFFICE_BODY.get(post.name) or (f"Department of {m.group('dept')}" if m and m.group("dept") else None)
    key = _institution(body) if body else None
    if key is None:
        return None
    label = authorities().institutions[key].label
    return PostEntity(iris.organization_iri(key), label,
                      f"the heading names the office '{post.name}' as {post.role}, without a name, and POCOM gives no "
                      f"single holder at the date: the office's institution, {label}")


_WITH_ARTICLE = re.compile(r"^(?:United|Union|Kingdom|Republic|Federation|Federal|Trust|Territory|Socialist|People’s|Democratic|"
                           r"Conference|Council|Meeting|Commission|Committee|Session)\b|"
                           r"\b(?:Republic|Union|Kingdom|States|Islands|Emirates|Federation|Empire|Commonwealth|"
                           r"Confederation|Protectorate|Territory|Netherlands|Philippines|Maldives|Comoros|Holy See|Congo|Free State|Strip|"
                           r"Meeting|Meetings|Conference|Council|Assembly|Session|Talks|Commission|Committee|Nations)$")


def place_phrase(name: str) -> str:
    """A country's name as it follows "in" or "to": "the United Kingdom", "the Philippines", "the Dominican
    Republic", but "France"; a name printed with its article ("The Gambia") keeps it, lower-cased."""
    if name.startswith("The "):
        return "the " + name[4:]
    return f"the {name}" if _WITH_ARTICLE.search(re.sub(r"\s*\(.*\)$", "", name)) else name


def _by_place(post: HeadingPost, kind: str, why: str) -> PostEntity:
    """A post at a place that is no country we can settle ('Mission at Berlin', 'Delegation to the Foreign Ministers
    Meeting', 'Embassy in Germany' in 1958): minted by kind and the place as printed."""
    place = re.sub(r"^the\s+", "", post.place or "")
    to = "to" if kind in ("mission", "delegation") else "in"
    where = place_phrase(place)
    return PostEntity(iris.organization_iri(f"{_PREFIX}{kind}-at-{iris.slug(place)}"), f"U.S. {post.kind} {to} {where}",
                      f"the heading names '{post.name}' as {post.role}: the U.S. {post.kind.lower()} {to} {where} ({why})")


def resolve_post(post: HeadingPost, date: str | None, year: int | None) -> PostEntity | None:
    """The organization a heading's post denotes, or None ('All Diplomatic Posts', a place we cannot place)."""
    a = authorities()
    if post.kind == "Office":
        return _office_body(post)
    key = _institution(post.name)
    if key:
        label = a.institutions[key].label
        return PostEntity(iris.organization_iri(key), label,
                          f"the heading names '{post.name}' as {post.role}: {label}, in the curated list of institutions")
    if post.kind and post.place:
        kind = post.kind.lower().replace(" ", "-")
        held = _institution(post.place)
        served = None
        entries = gazetteer().get(post.place) or gazetteer().get("the " + post.place)
        if held:
            label = a.institutions[held].label
            where, target = (label if label.isupper() else "the " + label), held
        elif entries:
            ch = choose(post.place, entries, post.place, 0, len(post.place), year, date)
            served = None if ch and ch.entry and ch.entry.kind == "country" else state_of_us_mission(post.place, date, year)
            if served:
                target, why = served
                where = place_phrase(a.territories[target].name)
            elif ch is None or ch.entry is None or ch.entry.kind != "country":
                return _by_place(post, kind, "the gazetteer does not settle one country for the place at the date")
            else:
                where, target = place_phrase(a.territories[ch.entry.key].name), ch.entry.key
        else:
            return _by_place(post, kind, "a place or meeting, not a country of the gazetteer")
        key = f"{_PREFIX}{kind}-{target}"
        label = (a.institutions[key].label if key in a.institutions
                 else f"U.S. {post.kind} {'to' if held or post.kind == 'Mission' else 'in'} {where}")
        return PostEntity(iris.organization_iri(key), label,
                          f"the heading names '{post.name}' as {post.role}: the U.S. {post.kind.lower()} "
                          f"{'to' if held else 'in'} {where}" + ("" if held else f" (hsg-gsh {target} at the document's date)")
                          + (f"; {served[1]}" if served else ""))
    if post.kind is None and post.name[:1].isupper():
        return PostEntity(iris.organization_iri(_PREFIX + iris.slug(post.name)), post.name,
                          f"the heading names '{post.name}' as {post.role}; not in the curated list of institutions")
    return None


def is_minted_post(iri: str) -> bool:
    return iri.startswith(ORGANIZATIONS + _PREFIX)


def post_description(iri: str) -> tuple[str | None, str | None]:
    """(country IRI, parent organization IRI) of a minted post: what the document graph states about it."""
    rest = iri[len(ORGANIZATIONS + _PREFIX):]
    for kind in _KINDS:
        if rest.startswith(kind + "-"):
            target = rest[len(kind) + 1:]
            country = iris.country_iri(target) if target in authorities().territories else None
            return country, iris.organization_iri("department-of-state")
    return None, None


def heading_posts(record: DocumentRecord) -> list[tuple[str, Mention]]:
    """(role, organization mention) for each post the heading names as sender or recipient and the entity
    extractor resolved: what the graph writes as schema:author and schema:recipient."""
    at = record.text.find(record.heading) if record.heading else -1
    if at < 0:
        return []
    by_span = {(m.start, m.end): m for m in record.mentions if m.kind == "organization" and m.entity}
    out = []
    for post in posts_of(record.heading):
        m = by_span.get((at + post.start, at + post.end))
        if m is not None:
            out.append((post.role, m))
    return out


def heading_post_named(record: DocumentRecord, printed: str) -> Mention | None:
    """The resolved mention of the post the heading prints as `printed` ("Embassy in Iran"): the one IRI the
    document's author or recipient has, for the claims that the post makes or is about."""
    wanted = " ".join(printed.split()).lower()
    for _, m in heading_posts(record):
        if " ".join(record.text[m.start:m.end].split()).lower() == wanted:
            return m
    return None
