"""Resolving people: an office plus the document date through POCOM, and names through the hsg-people variants.

Evidence used, strongest first: the person holds the printed office on the document's date (POCOM,
Presidents table); the person was already resolved in this document (heading parties, a full name
earlier on); the person is in the volume's persons list (via the hsg-people source URLs); the
person was alive and active (attested in FRUS volumes) at the date. A name is linked only when one
candidate clearly leads; otherwise the mention stays unlinked with its scored candidates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.authorities import Post, authorities, date_year, norm
from ingest.records import Candidate
from ontology import iris

__all__ = ["Resolution", "PersonContext", "resolve_office", "office_titles", "TITLE_WORDS"]

# Titles that may stand before a name in running text, mapped to the POCOM titles they can denote.
TITLE_WORDS = {
    "president": ("President of the United States",),
    "vice president": ("Vice President of the United States",),   # vice_presidents.tsv: "Vice President Johnson" (1961)
    "secretary": ("Secretary of State",),
    "secretary of state": ("Secretary of State",),
    "deputy secretary": ("Deputy Secretary of State",),
    "deputy secretary of state": ("Deputy Secretary of State",),
    "under secretary": ("Under Secretary of State", "Under Secretary of State for Political Affairs",
                        "Under Secretary of State for Economic Affairs", "Under Secretary of State for Management",
                        "Under Secretary of State for Security Assistance, Science and Technology"),
    "acting secretary": ("Deputy Secretary of State", "Under Secretary of State"),
    "assistant secretary": (),
    "ambassador": (),
    "counselor": ("Counselor of the Department of State",),
    "legal adviser": ("Legal Adviser",),
}


@dataclass
class Resolution:
    entity: str | None
    label: str | None
    confidence: float
    explanation: str
    method: str
    candidates: tuple[Candidate, ...] = ()
    office: str | None = None
    office_iri: str | None = None
    links: tuple[str, ...] = ()
    pid: str | None = None


def _when(date: str | None) -> str:
    return f"on {date[:10]}" if date else "(document undated)"


def links_of(pid: str) -> tuple[str, ...]:
    p = authorities().person(pid)
    out = []
    if p.pocom:
        out.append(iris.pocom_url(p.pocom))
    return tuple(out)


# How the 1940s–1950s volumes print the chief of the U.S. mission to the UN ("The United States Representative at the
# United Nations (Austin) to the Secretary of State"); POCOM calls the post "Representative of the U.S.A. to the United
# Nations". A deputy, an acting representative or one on a commission holds another office.
_UN_REPRESENTATIVE = re.compile(r"^(?:(?:the\s+)?United\s+States\s+|U\.\s?S\.\s+)?(?:Permanent\s+)?Representative\s+"
                                r"(?:at|to|in)\s+the\s+United\s+Nations$")


_INR_DIRECTOR = re.compile(r"^Director(?:,\s+|\s+of\s+(?:the\s+)?)(?:Bureau\s+of\s+)?Intelligence\s+and\s+Research$")


def office_titles(office: str) -> list[str]:
    """POCOM titles an office as printed may denote ('the Secretary' -> 'Secretary of State')."""
    o = re.sub(r"^(?:the|The)\s+", "", office.strip())
    o = re.sub(r"\s+", " ", o)
    n = norm(o)
    a = authorities()
    titles = []
    if n in a.posts_by_title:
        titles.append(o)
    own = re.sub(r"\s+(?:of|in)\s+the\s+Department(?:\s+of\s+State)?$", "", o)   # "Executive Secretary of the Department of State"
    if own != o and norm(own) in a.posts_by_title and not norm(own).startswith(("secretary", "assistant secretary", "under", "deputy")):
        titles.append(own)
    if norm(o) in ("director of the policy planning staff", "director of policy planning staff"):
        titles.append("Director of Policy Planning")
    if _INR_DIRECTOR.match(o):          # session 26: the Director of INR ranks as, and POCOM files him as, an Assistant Secretary
        titles.append("Assistant Secretary of State for Intelligence and Research")
    if n in ("president", "the president"):
        titles.append("President of the United States")
    if n in ("secretary",):
        titles.append("Secretary of State")
    if n in ("vice president", "the vice president"):
        titles.append("Vice President of the United States")
    if _UN_REPRESENTATIVE.match(o):
        titles.append("Representative of the U.S.A. to the United Nations")
    m = re.match(r"^(?:Ambassador|Chief of Mission|Minister)\s+(?:to|in)\s+(?:the\s+)?(.+)$", o)
    if m:
        titles.append("@" + m.group(1))
    return titles


def resolve_office(office: str, surname: str, date: str | None) -> tuple[Post, str] | None:
    """The post the office printed beside `surname` denotes on `date`, and its holder, when POCOM knows it."""
    if not date:
        return None
    a = authorities()
    from .gazetteer import gazetteer
    from .places import choose, state_of_us_mission
    posts: list[Post] = []
    for title in office_titles(office):
        if title.startswith("@"):
            place = title[1:]
            entries = gazetteer().get(place)
            if not entries:
                continue
            ch = choose(place, entries, place, 0, len(place), date_year(date), date)
            served = None if ch and ch.entry else state_of_us_mission(place, date, None)
            if served is None and (not ch or not ch.entry):
                continue
            posts += chiefs_of_mission(served[0] if served else ch.entry.key, date)
        else:
            posts += a.holders(title, date)
    key = norm(surname)
    found = []
    for p in posts:
        if not p.hsg:
            continue
        person = a.person(p.hsg)
        names = {norm(person.surname)} | {norm(v.split(",")[0]) for v in person.variants}
        full = {norm(person.name)}
        if key in names or key in full or key.split()[-1:] and key.split()[-1] in names:
            found.append(p)
    holders = {p.hsg for p in found}
    if len(holders) == 1:
        return found[0], found[0].hsg
    return None


def chiefs_of_mission(gsh: str, date: str) -> list[Post]:
    """POCOM's chiefs of mission to territory `gsh` on `date`; where it files none there, those of the one successor
    state it files them under (the envoys to the Soviet Union are POCOM's envoys to Russia). A post without an end
    is taken to last ten years."""
    a = authorities()

    def held(key: str) -> list[Post]:
        return [p for p in a.posts if (p.kind == "chief:" + key or p.position == f"chief-of-mission-{key}")
                and p.holds_on(date) and (p.end or _ten_years_on(p.start) >= date[:10])]

    found = held(gsh)
    if found or gsh not in a.territories:
        return found
    heirs = [h for h in (held(k) for k in a.territories[gsh].successors) if h]
    return heirs[0] if len(heirs) == 1 else []


def _ten_years_on(start: str) -> str:
    """Where POCOM gives no end: an envoy of 1780 with no recorded end did not serve in 1967."""
    return f"{int(start[:4]) + 10}{start[4:10]}" if start[:4].isdigit() else ""


def _son_of(surname: str, surface: str) -> bool:
    """Session 36: "King Saud" after "King Ibn Saud" in one document (frus1955-57v13 d213, 1957) is not the father named
    before: a surname "Ibn Saud" ("son of Saud") printed as the bare "Saud" names the son, not the one already named."""
    return bool(surface) and " " not in surface.strip() and bool(re.fullmatch(rf"(?:ibn|bin)\s+{re.escape(norm(surface))}", norm(surname)))


@dataclass
class PersonContext:
    """What a document (and its volume) tells about who its names refer to."""
    volume_id: str
    date: str | None
    year: int | None
    volume_people: dict[str, str]                         # persons-list xml:id -> canonical id
    volume_ids: set[str] = field(default_factory=set)
    resolved: dict[str, str] = field(default_factory=dict)   # norm(surname or full form) -> canonical id (this document)
    named: dict[str, set[str]] = field(default_factory=dict)  # norm(surname) -> every person of that surname named here
    places: tuple[str, ...] = ()                              # the countries of the heading's posts

    @classmethod
    def of(cls, volume_id: str, date: str | None, use_volume: bool = True) -> "PersonContext":
        a = authorities()
        vp = a.volume_people(volume_id) if use_volume else {}
        return cls(volume_id, date, date_year(date) or _volume_year(volume_id), vp, set(vp.values()))

    def remember(self, pid: str) -> None:
        p = authorities().person(pid)
        self.resolved[norm(p.surname)] = pid
        self.resolved[norm(p.name)] = pid
        self.named.setdefault(norm(p.surname), set()).add(pid)

    # -------------------------------------------------------- scoring

    def score(self, pid: str, title: str | None, surface: str = "") -> tuple[float, list[str]]:
        a = authorities()
        p = a.person(pid)
        s, why = 0.0, []
        if pid in self.resolved.values() and not _son_of(p.surname, surface):
            s += 4
            why.append("already named in this document")
        if pid in self.volume_ids:
            s += 3
            why.append("in the volume's persons list")
        if self.year is not None:
            alive = p.alive_in(self.year)
            if alive is False:
                s -= 6
                why.append(f"not alive/active in {self.year} ({p.birth}–{p.death})")
            elif alive:
                s += 0.5
            span = a.attested_years.get(pid)
            if span and span[0] - 5 <= self.year <= span[1] + 5:
                s += 1
                why.append(f"cited by FRUS persons lists of {span[0]}–{span[1]}")
        if self.date and not title:
            if any(q.holds_on(self.date) and q.kind in ("principal", "president") for q in a.posts_by_person.get(pid, [])):
                s += 2
                why.append(f"held a principal post {_when(self.date)} (POCOM)")
        if title and p.note:
            t = norm(title)
            if len(t) > 3 and t not in ("mr", "mrs", "miss", "sir", "dr") and re.search(rf"\b{re.escape(t)}\b", p.note.lower()):
                s += 3
                why.append(f"described as '{title}' in the persons list")
        if title and self.date:
            posts = [q for q in a.posts_by_person.get(pid, []) if q.holds_on(self.date)]
            wanted = TITLE_WORDS.get(norm(title), ())
            if posts and any(q.title in wanted for q in posts):
                s += 4
                why.append(f"was {posts[0].title} {_when(self.date)}")
            elif posts and norm(title) in ("ambassador",) and any(q.kind.startswith(("chief:", "org:")) for q in posts):
                s += 3
                why.append(f"was {posts[0].title} {_when(self.date)}")
            else:
                former = [q for q in a.posts_by_person.get(pid, []) if q.title in wanted and q.end and q.end < self.date[:10]]
                if former:
                    # session 49: "President Eisenhower" in January 1965 had been President; Milton Eisenhower, a
                    # university's president, no longer wins on his description alone
                    s += 3
                    why.append(f"had been {former[-1].title} until {former[-1].end[:4]} (POCOM)")
        return s, why

    def resolve_name(self, surface: str, ids: frozenset[str] | set[str], title: str | None, full: bool) -> Resolution:
        """Pick among the people a name may denote; link only when one clearly leads."""
        a = authorities()
        scored = []
        for pid in ids:
            s, why = self.score(pid, title, "" if full else surface)
            if full:
                s += 1
            scored.append((s, pid, why))
        scored.sort(key=lambda x: (-x[0], x[1]))
        if not scored:
            return Resolution(None, None, 0.0, f"'{surface}': no authority record has this name", "name-variant")
        best = scored[0]
        second = scored[1][0] if len(scored) > 1 else None
        threshold = 1.0 if full else 3.0
        clear = best[0] >= threshold and (second is None or best[0] - second >= 2)
        if full and len(scored) == 1 and best[0] > -1:
            clear = True
        cands = tuple(Candidate(iris.person_iri(pid), round(max(0.0, min(1.0, (s + 6) / 16)), 3), a.person(pid).name)
                      for s, pid, _ in scored[:5])
        if not clear:
            why = "; ".join(f"{a.person(pid).name} ({', '.join(w) or 'no evidence'})" for _, pid, w in scored[:3])
            return Resolution(None, None, 0.0, f"'{surface}' may be {len(scored)} people; none clearly leads: {why}",
                              "name-variant", cands if len(scored) > 0 else ())
        pid = best[1]
        p = a.person(pid)
        kind = "full name" if full else "surname"
        expl = f"'{surface}' is a {kind} variant of {p.name} (hsg-people {pid}): " + (", ".join(best[2]) or "the only person of that name")
        if len(scored) > 1:
            expl += f"; preferred over {len(scored) - 1} namesake(s)"
        conf = 0.95 if best[0] >= 6 else 0.85 if best[0] >= 4 else 0.7
        return Resolution(iris.person_iri(pid), p.name, conf, expl, "name-variant", links=links_of(pid), pid=pid)


def _volume_year(volume_id: str) -> int | None:
    m = re.match(r"frus(\d{4})", volume_id or "")
    return int(m.group(1)) if m else None
