"""The authority data in memory: people, posts, territories, institutions and regions, with lookup indexes.

`authorities()` loads the committed derivative once per process (cached) and builds the indexes the
extractor needs: full-name and surname keys, posts by person and by position, territories by name.
Loading takes well under a second; extraction then only does dictionary lookups.
"""
from __future__ import annotations

import gzip
import re
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from .names import _TITLE_WORDS as _TITLE_WORD
from .names import COMMON_KEYS, PARTICLES, article_dropped, name_forms, norm, split_name

__all__ = [
    "Person", "Post", "Territory", "Institution", "Region", "Authorities", "authorities", "DATA_DIR",
    "date_year",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "authorities"
_HYPHEN_IN_WORD = re.compile(r"(?<=[a-z])-(?=[a-z])")
_TITLE_KEYS = frozenset("""president general admiral ambassador secretary senator governor king queen prince princess shah
emperor premier chancellor minister mr mrs ms miss dr sir lord lady dame colonel major captain lieutenant marshal pope
cardinal archbishop bishop father sheikh emir sultan judge justice professor mayor mme mlle madame herr signor""".split())

_ARTICLE_PREFIXED = re.compile(r"(?:al|el)[-–](?=[A-Z])")       # "al-Rifai": the article, then the name


_HONORIFICS = frozenset("sardar tunku tengku raja nawab begum datuk dato tun haji hadji chaudhry".split())


def _given_and_first_surname(variant: str) -> str:
    """Session 58: a Spanish double surname's first surname after the first given name, "Rafael Trujillo" for
    "Trujillo Molina, Rafael Leónidas", as texts print it; "" for any other name."""
    parts = split_name(variant)
    surnames = parts.surname.split()
    given = [w for w in parts.forenames.replace(".", ". ").split() if len(w.strip(".")) > 1]
    if not parts.inverted or len(surnames) != 2 or not given or "-" in parts.surname or parts.titles \
            or any(w.lower() in PARTICLES or not w[:1].isupper() for w in surnames) \
            or any(_TITLE_WORD.match(w) or w.rstrip(".").lower() in _TITLE_KEYS | _HONORIFICS for w in parts.forenames.split()):
        return ""             # "Nguyen Khanh, General", "Hoyer Millar, Sir Frederick": no given name first
    return norm(f"{given[0]} {surnames[0]}")


_LEADING_TITLE = re.compile(r"^(?:(?:Prime|Foreign|Deputy|Vice|Acting|Crown)\s+)?(?:" + "|".join(sorted(_TITLE_KEYS, key=len, reverse=True))
                            + r")\.?\s+(?=\S)", re.IGNORECASE)


def date_year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


@dataclass(frozen=True)
class Post:
    hsg: str | None          # hsg-people id of the holder (canonical), when known
    pocom: str | None        # POCOM person id
    position: str            # POCOM position id ("deputy-secretary", "chief-of-mission-japan", "president")
    title: str               # "Deputy Secretary of State", "Ambassador Extraordinary and Plenipotentiary to Japan"
    start: str               # ISO date (may be "" when unknown)
    end: str                 # ISO date ("" = open)
    kind: str                # principal | chief:<territory> | org:<mission> | president

    def holds_on(self, date: str) -> bool:
        """True if the post was held on `date` (ISO date; a year alone compares by year)."""
        d = date[:10]
        if not self.start and not self.end:
            return False
        start = self.start or "0000"
        end = self.end or "9999"
        if len(d) == 4:
            return start[:4] <= d <= end[:4]
        return start[:len(start)] <= d[:len(start)] and d[:len(end)] <= end


@dataclass
class Person:
    id: str
    name: str                # display form: "William Patrick Clark"
    sort: str                # index form: "Clark, William Patrick"
    variants: tuple[str, ...]
    birth: int | None = None
    death: int | None = None
    viaf: str | None = None
    pocom: str | None = None
    note: str | None = None
    same_as: str | None = None          # canonical record when this one is a folded duplicate
    same_as_reason: str | None = None
    duplicates: list[str] = field(default_factory=list)   # records folded into this one
    # the persons lists' descriptions of namesakes, with the first and last year of the FRUS volumes printing each
    offices: tuple[tuple[str, int, int], ...] = ()

    @property
    def surname(self) -> str:
        return split_name(self.sort).surname

    def alive_in(self, year: int) -> bool | None:
        """None when the record has no years to tell."""
        if self.birth is None and self.death is None:
            return None
        if self.birth is not None and year < self.birth + 15:
            return False
        if self.death is not None and year > self.death:
            return False
        return True


@dataclass(frozen=True)
class Territory:
    id: str
    name: str
    long: str
    since: int
    until: int
    type: str
    qid: str | None
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]

    def valid_in(self, year: int) -> bool:
        return self.since <= year <= self.until


@dataclass(frozen=True)
class Institution:
    key: str
    label: str
    aliases: tuple[str, ...]
    kind: str                 # organization
    note: str = ""


@dataclass(frozen=True)
class Region:
    key: str
    label: str
    aliases: tuple[str, ...]
    note: str = ""


def _read_json(name: str, data_dir: Path) -> dict:
    path = data_dir / name
    if not path.exists():
        raise FileNotFoundError(f"{path}: authority data missing; run `frus-kg authorities build`")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _read_tsv(name: str, data_dir: Path) -> list[list[str]]:
    rows = []
    for line in (data_dir / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


class Authorities:
    """All authority records and the indexes over them. Build with `authorities()` (cached)."""

    def __init__(self, data_dir: Path = DATA_DIR):
        self.data_dir = data_dir
        people = _read_json("people.json.gz", data_dir)
        self.people: dict[str, Person] = {}
        for pid, p in people["people"].items():
            self.people[pid] = Person(pid, p["name"], p["sort"], tuple(p["variants"]), p.get("birth"), p.get("death"),
                                      p.get("viaf"), p.get("pocom"), p.get("note"), p.get("same_as"), p.get("same_as_reason"),
                                      offices=tuple(tuple(o) for o in p.get("offices", ())))
        for pid, p in self.people.items():
            if p.same_as:
                self.people[p.same_as].duplicates.append(pid)
        self.volumes: dict[str, dict[str, str]] = people["volumes"]
        pocom = _read_json("pocom.json.gz", data_dir)
        self.positions: dict[str, str] = pocom["positions"]
        self.pocom_persons: dict[str, dict] = pocom["persons"]
        self.posts: list[Post] = [Post(self.canonical(h) if h else None, pc, pos, title, start or "", end or "", kind)
                                  for h, pc, pos, title, start, end, kind in pocom["posts"]]
        self.pocom_to_hsg = {k: self.canonical(v["hsg"]) for k, v in self.pocom_persons.items() if v.get("hsg")}
        countries = _read_json("countries.json.gz", data_dir)
        self.territories: dict[str, Territory] = {}
        self._territory_raw = countries["territories"]
        for tid, t in countries["territories"].items():
            self.territories[tid] = Territory(tid, t["name"], t.get("long") or "", t["since"] or 0, t["until"] or 9999,
                                              t["type"], t.get("qid"), tuple(t["pred"]), tuple(t["succ"]))
        self.institutions: dict[str, Institution] = {}
        for row in _read_tsv("institutions.tsv", data_dir):
            key, label, aliases = row[0], row[1], tuple(a for a in row[2].split("|") if a)
            self.institutions[key] = Institution(key, label, aliases, "organization", row[3] if len(row) > 3 else "")
        self.regions: dict[str, Region] = {}
        for row in _read_tsv("regions.tsv", data_dir):
            key, label, aliases = row[0], row[1], tuple(a for a in row[2].split("|") if a)
            self.regions[key] = Region(key, label, aliases, row[3] if len(row) > 3 else "")
        # country surface forms: (surface, gsh id, from year, to year, kind, note)
        self.country_forms: list[tuple[str, str, str, str, str, str]] = []
        for row in _read_tsv("country_names.tsv", data_dir):
            surface, tid, y0, y1, kind = row[:5]
            note = row[5] if len(row) > 5 else ""
            if tid not in self.territories and tid != "-":
                raise ValueError(f"{data_dir / 'country_names.tsv'}: unknown gsh territory {tid!r} for {surface!r}")
            # a bound may be a year or an ISO date ("1949-10-01": the PRC from October 1949)
            self.country_forms.append((surface, tid, y0 or "0", y1 or "9999", kind, note))

    # ------------------------------------------------------------ people

    def canonical(self, pid: str) -> str:
        p = self.people.get(pid)
        return p.same_as if p is not None and p.same_as else pid

    def person(self, pid: str) -> Person:
        return self.people[self.canonical(pid)]

    def _derived(self, name: str, build) -> dict[str, frozenset[str]]:
        """An index over the bundled data comes from the on-disk cache (derived_cache.py) when it has it."""
        if self.data_dir != DATA_DIR:
            return build()
        from .derived_cache import cached_json

        kept = cached_json(name, lambda: {k: sorted(v) for k, v in build().items()})
        return {k: frozenset(v) for k, v in kept.items()}

    @cached_property
    def full_index(self) -> dict[str, frozenset[str]]:
        """norm(full name form) -> canonical person ids."""
        return self._derived("full-index", self._full_index)

    def _full_index(self) -> dict[str, frozenset[str]]:
        """Each form as the records print it, and (session 59) with the hyphens inside its words after the first left
        out where no record prints that: "Mao Tsetung", "Chiang Kaishek", "Chiang Chingkuo" as FRUS also prints them,
        which had been cut to "Mao" and "Chiang" (of the father, for the son). Not the first word's: a variant
        "President-elect Kubitschek" would make a name of the misprint "Presidentelect Kubitschek"."""
        index: dict[str, set[str]] = defaultdict(set)
        for pid, p in self.people.items():
            can = self.canonical(pid)
            for v, list_form in self._usable_variants(p):
                full, _ = name_forms(v, list_form=list_form)
                for f in full:
                    first = f.split(" ", 1)[0]
                    if first in _TITLE_KEYS or all(w in COMMON_KEYS or len(w) == 1 for w in f.split()):
                        continue          # "president de gaulle" is a title and a name, not a name form
                    index[f].add(can)
        for f, ids in list(index.items()):
            first, _, rest = f.partition(" ")
            joined = f"{first} {_HYPHEN_IN_WORD.sub('', rest)}"
            if rest and joined != f:
                index.setdefault(joined, set(ids))
        return {k: frozenset(v) for k, v in index.items()}

    @cached_property
    def first_surname_index(self) -> dict[str, frozenset[str]]:
        """norm(first given name + first of two surnames) -> canonical person ids: "rafael trujillo" for "Trujillo
        Molina, Rafael Leónidas". A weaker form than the full index's ("Carlos Sosa", "Juan Perez" are common names):
        the entity layer reads it only for people the volume lists or the document has named."""
        return self._derived("first-surname-index", self._first_surname_index)

    def _first_surname_index(self) -> dict[str, frozenset[str]]:
        index: dict[str, set[str]] = defaultdict(set)
        full = self.full_index
        for pid, p in self.people.items():
            names = {p.sort, p.name, *p.variants}
            for v, _ in self._usable_variants(p):
                key = _given_and_first_surname(v)
                joined = "-".join(split_name(v).surname.split())
                if key and (not any(joined in n for n in names) or norm(f"{key.split()[0]} {joined}") in full):
                    index[key].add(self.canonical(pid))    # not "Frederick Hoyer" of "Frederick Hoyer-Millar"
        return {k: frozenset(v) for k, v in index.items()}

    @staticmethod
    def _usable_variants(p: Person):
        """Variants worth indexing, each with whether an uninverted form puts the family name first.

        A record with an inverted variant ("Funkhouser, Richard") writes Western names; only records
        without any ("Chou En-lai") are read family-name-first. Variants with stray lower-case words
        ("Shah of Iran") or made only of common words ("Security Affairs") are not names. Session 54: an Arabic
        article joined to the surname, or left after the given names, is no stray word: "al-Rifai, Samir", "Rifa'i,
        Samir al-" (94 records had no key).
        """
        names = {p.sort, *p.variants}
        inverted = any("," in n for n in names)
        for n in names:
            parts = split_name(n)
            words = (parts.forenames + " " + parts.surname).split()
            article = parts.surname.split()[0] if _ARTICLE_PREFIXED.match(parts.surname) else None
            if any(w[:1].islower() and w.lower().rstrip("-–") not in PARTICLES and w != article for w in words):
                continue
            yield n, not inverted

    @cached_property
    def surname_index(self) -> dict[str, frozenset[str]]:
        """norm(surname) -> canonical person ids."""
        return self._derived("surname-index", self._surname_index)

    def _surname_index(self) -> dict[str, frozenset[str]]:
        index: dict[str, set[str]] = defaultdict(set)
        given = self._given_names()
        for pid, p in self.people.items():
            can = self.canonical(pid)
            for v, list_form in self._usable_variants(p):
                name = _LEADING_TITLE.sub("", v)                # "Prime Minister Paik": Paik
                _, short = name_forms(name, list_form=list_form)
                short |= {s for s in article_dropped(split_name(name).surname) if s not in given}
                for s in short:
                    if s not in COMMON_KEYS:
                        index[s].add(can)
        return {k: frozenset(v) for k, v in index.items()}

    def _given_names(self) -> frozenset[str]:
        """norm() of every first given name of the people ("saud" of "Saud bin Abdulaziz Al Saud")."""
        return frozenset(norm(f.split()[0]) for p in self.people.values() if (f := split_name(p.sort).forenames))

    @cache
    def volume_people(self, volume_id: str) -> dict[str, str]:
        """The persons list of a volume as the hsg-people source URLs give it: xml:id -> canonical id."""
        return {x: self.canonical(pid) for x, pid in self.volumes.get(volume_id, {}).items()}

    @cached_property
    def attested_years(self) -> dict[str, tuple[int, int]]:
        """Canonical person id -> (first, last) year of the FRUS volumes whose persons lists cite them."""
        import re
        years: dict[str, tuple[int, int]] = {}
        for vol, ids in self.volumes.items():
            m = re.match(r"frus(\d{4})(?:-(\d{2,4}))?", vol)
            if not m:
                continue
            y0 = int(m.group(1))
            y1 = y0 if not m.group(2) else int(m.group(1)[:4 - len(m.group(2))] + m.group(2))
            for pid in ids.values():
                can = self.canonical(pid)
                a, b = years.get(can, (y0, y1))
                years[can] = (min(a, y0), max(b, y1))
        return years

    @cached_property
    def persons_list_volumes(self) -> dict[str, int]:
        """Canonical person id -> the number of FRUS volumes whose persons lists cite the record (or a duplicate
        folded into it): how often the editors of the series described the person, whichever volumes a store holds."""
        counts: dict[str, int] = defaultdict(int)
        for ids in self.volumes.values():
            for can in {self.canonical(pid) for pid in ids.values()}:
                counts[can] += 1
        return dict(counts)

    @cached_property
    def posts_by_person(self) -> dict[str, list[Post]]:
        out: dict[str, list[Post]] = defaultdict(list)
        for p in self.posts:
            if p.hsg:
                out[p.hsg].append(p)
        return dict(out)

    @cached_property
    def posts_by_title(self) -> dict[str, list[Post]]:
        """norm(title) -> posts; principal titles ("deputy secretary of state") and mission titles."""
        out: dict[str, list[Post]] = defaultdict(list)
        for p in self.posts:
            out[norm(p.title)].append(p)
            if p.kind.startswith("chief:") or p.kind.startswith("org:"):
                out[norm(self.positions.get(p.position, p.title))].append(p)
        return dict(out)

    def holders_of_kind(self, kind: str, date: str) -> list[Post]:
        """Posts of this kind ("principal", "org:representative-to-un") held on `date`."""
        return [p for p in self.posts if p.kind == kind and p.holds_on(date)]

    def holders(self, title: str, date: str) -> list[Post]:
        """Posts with this exact title (any case) held on `date`."""
        return [p for p in self.posts_by_title.get(norm(title), []) if p.holds_on(date)]

    # ------------------------------------------------------------ places

    @cached_property
    def territory_names(self) -> dict[str, list[str]]:
        """Exact surface -> territory ids, from gsh short/long/alternate names and rigour English names."""
        out: dict[str, list[str]] = defaultdict(list)
        for tid, t in self._territory_raw.items():
            names = {t["name"], t.get("long") or "", *t.get("alt", []), *t.get("rigour_names", [])}
            for n in names:
                if n and n != "-" and "," not in n:
                    out[n].append(tid)
        return dict(out)

    def label(self, kind: str, key: str) -> str:
        if kind == "person":
            return self.person(key).name
        if kind == "country":
            return self.territories[key].name
        if kind == "organization":
            return self.institutions[key].label if key in self.institutions else key
        if kind == "region":
            return self.regions[key].label
        return key


@cache
def authorities(data_dir: Path | None = None) -> Authorities:
    """The process-wide authority data (loaded once)."""
    return Authorities(data_dir or DATA_DIR)

