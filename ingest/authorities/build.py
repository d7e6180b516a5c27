"""`frus-kg authorities build`: make the compact authority derivative from the Office of the Historian data.

Reads the original archives (hsg-people, hsg-pocom, hsg-gsh tarballs and the rigour territories
tarball with Wikidata QIDs) and writes three gzipped JSON files into ingest/data/authorities/:

    people.json.gz     hsg-people: display name, index name, name variants, birth/death years, VIAF,
                       POCOM id, the FRUS persons-list ids each record cites (volume -> xml:id -> id),
                       and the duplicates folded into a canonical record
    pocom.json.gz      POCOM posts with dates: principal officers, chiefs of mission to countries and
                       to international organisations, plus the Presidents and Vice Presidents (hand tables,
                       presidents.tsv, vice_presidents.tsv), and the Secretaries-General of the United
                       Nations (un_secretaries_general.tsv)
    countries.json.gz  hsg-gsh territories with years of validity, predecessors/successors, and the
                       Wikidata QID where the rigour data gives one (never guessed)

The build is deterministic (sorted keys, fixed gzip mtime) so that a rebuild from the same sources
gives byte-identical files. Only the build reads the archives; the product reads the derivative.
"""
from __future__ import annotations

import gzip
import io
import json
import re
import tarfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from lxml import etree

from .names import display_name, norm, split_name

__all__ = ["build_authorities", "BuildReport", "DATA_DIR", "find_duplicates", "parse_rigour_yaml"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "authorities"
UN_SECRETARY_GENERAL = "Secretary-General of the United Nations"
_PERSONS_URL = re.compile(r"https://history\.state\.gov/historicaldocuments/(?P<vol>[^/]+)/persons#(?P<id>[\w.-]+)$")
_POCOM_URL = re.compile(r"https://history\.state\.gov/departmenthistory/people/(?P<id>[a-z0-9-]+)$")
_PRESIDENT_URL = re.compile(r"presidents\.xml#(?P<id>[a-z0-9-]+)$")


@dataclass
class BuildReport:
    files: dict[str, int] = field(default_factory=dict)     # file -> bytes
    counts: dict[str, int] = field(default_factory=dict)

    def format(self) -> str:
        lines = [f"{name}: {size / 1024:.0f} KiB" for name, size in sorted(self.files.items())]
        lines += [f"{k}: {v}" for k, v in sorted(self.counts.items())]
        return "\n".join(lines)


def _members(archive: Path, suffix: str = ".xml") -> Iterator[tuple[str, bytes]]:
    with tarfile.open(archive) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(suffix):
                yield member.name, tar.extractfile(member).read()


def _text(el, path: str) -> str:
    found = el.find(path)
    return " ".join((found.text or "").split()) if found is not None and found.text else ""


def _year(value: str) -> int | None:
    m = re.match(r"^\s*(\d{4})", value or "")
    return int(m.group(1)) if m else None


def _write(path: Path, data: object) -> int:
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    path.write_bytes(buf.getvalue())
    return len(buf.getvalue())


# ---------------------------------------------------------------- POCOM

# POCOM's missions name a country by its id in the older gsh country list; where a chief's record has no
# contemporary territory, that id must be today's gsh territory. Six ids differ: without this, the ambassadors to the
# Republic of Korea since 1949 (Muccio, …) held a post in no country the gazetteer knows.
_POCOM_TERRITORIES = {"korea": "korea-south", "german-democratic-republic": "east-germany-1990",
                      "bosnia-herzegovina": "bosnia-and-herzegovina", "hawaii": "kingdom-of-hawaii-1898",
                      "texas": "republic-of-texas-1845", "yugoslavia": "kingdom-of-serbs-croats-and-slovenes-1929"}


def _pocom(archive: Path, gsh_names: dict[str, str]) -> dict:
    persons: dict[str, dict] = {}
    positions: dict[str, str] = {}
    roles: dict[str, str] = {}
    posts: list[list] = []
    raw: dict[str, bytes] = dict(_members(archive))
    for name, data in raw.items():
        if "/roles-country-chiefs/" in name:
            el = etree.fromstring(data)
            roles[_text(el, "id")] = _text(el, "names/singular")
    for name, data in sorted(raw.items()):
        if "/people/" in name and "/people-pending/" not in name:
            el = etree.fromstring(data)
            pid = _text(el, "id")
            sur, fore = _text(el, "persName/surname"), _text(el, "persName/forename")
            gen = _text(el, "persName/genName")
            persons[pid] = {
                "name": " ".join(x for x in (fore, sur) if x) + (f", {gen}" if gen else ""),
                "sort": f"{sur}, {fore}" + (f", {gen}" if gen else ""),
                "alt": [" ".join((a.text or "").split()) for a in el.findall("persName/altname") if a.text],
                "birth": _year(_text(el, "birth")), "death": _year(_text(el, "death")),
            }
        elif "/positions-principals/" in name:
            el = etree.fromstring(data)
            pos = _text(el, "id")
            title = _text(el, "names/singular")
            positions[pos] = title
            for p in el.iter("principal"):
                start = _text(p, "started/date") or _text(p, "appointed/date")
                posts.append([_text(p, "person-id"), pos, title, start, _text(p, "ended/date"), "principal"])
        elif "/missions-countries/" in name:
            el = etree.fromstring(data)
            territory = _text(el, "territory-id")
            for c in el.iter("chief"):
                where = _text(c, "contemporary-territory-id") or territory
                where = _POCOM_TERRITORIES.get(where, where)
                role = roles.get(_text(c, "role-title-id"), _text(c, "role-title-id"))
                title = f"{role} to {gsh_names.get(where, where)}"
                pos = f"chief-of-mission-{territory}"
                country = _POCOM_TERRITORIES.get(territory, territory)
                positions.setdefault(pos, f"Chief of Mission to {gsh_names.get(country, country)}")
                start = _text(c, "started/date") or _text(c, "arrived/date") or _text(c, "appointed/date")
                posts.append([_text(c, "person-id"), pos, title, start, _text(c, "ended/date"), "chief:" + where])
        elif "/missions-orgs/" in name:
            el = etree.fromstring(data)
            pos = _text(el, "id")
            title = _text(el, "names/singular")
            positions[pos] = title
            for c in el.iter("chief"):
                start = _text(c, "started/date") or _text(c, "appointed/date")
                posts.append([_text(c, "person-id"), pos, title, start, _text(c, "ended/date"), "org:" + pos])
    posts.sort(key=lambda p: (p[1], p[3], p[0]))
    return {"persons": persons, "positions": positions, "posts": posts}


# ---------------------------------------------------------------- people

def _people(archive: Path) -> dict[str, dict]:
    people: dict[str, dict] = {}
    for _, data in _members(archive):
        el = etree.fromstring(data)
        pid = _text(el, "id")
        variants: list[str] = []
        urls: list[str] = []
        for o in el.findall("names/originals/original"):
            n = _text(o, "name")
            if n and n not in variants:
                variants.append(n)
            urls += [" ".join((u.text or "").split()) for u in o.findall("source-url") if u.text]
        remarks = [_text(r, "p") for r in el.findall("remarks/remark") if _text(r, "p")]
        dated = [[_text(r, "p")[:200], *span] for r in el.findall("remarks/remark")
                 if _text(r, "p") and (span := _years_of(" ".join(u.text or "" for u in r.findall("source-url"))))]
        people[pid] = {
            "pref": _text(el, "names/preferred/name"),
            "variants": variants,
            "titles": sorted({_text(t, "name") for t in el.findall("names/titles-from-name/title") if _text(t, "name")}),
            "birth": _year(_text(el, "birth-year")), "death": _year(_text(el, "death-year")),
            "viaf": _text(el, "authorities/authority") or None,
            "urls": urls,
            "remarks": remarks,
            "dated_remarks": dated,
        }
    return people


_VOLUME_YEARS = re.compile(r"/historicaldocuments/frus(?P<y0>1[89]\d\d|20\d\d)(?:-(?P<y1>\d{2,4}))?")


def _years_of(urls: str) -> list[int] | None:
    """[first, last] year of the FRUS volumes (persons lists) that print a remark: 'frus1961-63v21' -> 1961-1963."""
    years = []
    for m in _VOLUME_YEARS.finditer(urls):
        y0 = int(m.group("y0"))
        y1 = m.group("y1")
        y1 = y0 if not y1 else int(y1) if len(y1) == 4 else int(m.group("y0")[:2] + y1)
        years += [y0, max(y0, y1)]
    return [min(years), max(years)] if years else None


def _forenames_compatible(a: str, b: str) -> bool:
    """'William Patrick' ~ 'William P.'; 'William P.' !~ 'Walter P.'; an empty side is not enough."""
    wa = [w.strip(".") for w in a.replace(".", ". ").split() if w.strip(".")]
    wb = [w.strip(".") for w in b.replace(".", ". ").split() if w.strip(".")]
    if not wa or not wb:
        return False
    if norm(wa[0]) != norm(wb[0]):
        return False
    for x, y in zip(wa[1:], wb[1:]):
        if x[0].lower() != y[0].lower():
            return False
        if len(x) > 1 and len(y) > 1 and norm(x) != norm(y):
            return False
    return True


def find_duplicates(people: dict[str, dict], pocom: dict, posts_by_pocom: dict[str, list[list]]) -> dict[str, tuple[str, str]]:
    """Records that describe the same person: {duplicate id: (canonical id, reason)}.

    Conservative rule: a record cited only by FRUS persons lists is folded into a record that
    carries a POCOM link when the surnames are equal, the forenames compatible (William P. ~
    William Patrick), the generational suffixes not in conflict, the birth/death years not in
    conflict, and most remarks of the FRUS record name a post the POCOM person held (by title).
    The POCOM-linked record is canonical: it has the dated posts and the vital years.
    """
    by_surname: dict[str, list[str]] = defaultdict(list)
    for pid, rec in people.items():
        by_surname[norm(split_name(rec["pref"]).surname)].append(pid)
    merged: dict[str, tuple[str, str]] = {}
    for surname, ids in by_surname.items():
        if len(ids) < 2:
            continue
        anchored = [i for i in ids if people[i].get("pocom")]
        loose = [i for i in ids if not people[i].get("pocom")]
        for dup in loose:
            d = people[dup]
            dp = split_name(d["pref"])
            if re.search(r"\b(?:Mrs|Miss|Madame|Mme|Lady)\b", d["pref"]) or not d["remarks"]:
                continue
            remarks = [r.lower() for r in d["remarks"]]
            hits = []
            for can in anchored:
                c = people[can]
                cp = split_name(c["pref"])
                # the POCOM-linked record may list the other's very form as a variant ("Jones, George Lewis" lists
                # "G. Lewis Jones", the form of the record cited by the persons lists of 1945–1968)
                listed = not _forenames_compatible(cp.forenames, dp.forenames) and any(
                    _spelling_key(_no_suffix(v)) == _spelling_key(_no_suffix(d["pref"])) for v in c.get("variants", ()))
                if not listed and not _forenames_compatible(cp.forenames, dp.forenames):
                    continue
                if cp.suffix and dp.suffix and norm(cp.suffix) != norm(dp.suffix):
                    continue
                if (c["birth"] and d["birth"] and c["birth"] != d["birth"]) or (c["death"] and d["death"] and c["death"] != d["death"]):
                    continue
                titles = {p[2] for p in posts_by_pocom.get(c["pocom"], [])}
                # most remarks must name a post of the POCOM person: one stray remark can be a
                # namesake folded into the same hsg-people record (Raúl Castro / Raul H. Castro)
                named = [r for r in remarks if any(_title_in_remark(t, r) for t in titles)]
                if named and (listed or 2 * len(named) >= len(remarks) + (len(remarks) > 1)):
                    shared = sorted(t for t in titles if _title_in_remark(t, named[0]))
                    hits.append((can, shared[0], listed))
            if len(hits) == 1:
                can, title, listed = hits[0]
                names = (f"the POCOM-linked record lists the other's form as its variant ({people[can]['pref']} / "
                         f"{d['pref']})") if listed else \
                    f"same surname, compatible forenames ({people[can]['pref']} / {d['pref']})"
                merged[dup] = (can, f"{names}, and the FRUS persons-list remark names the POCOM post '{title}'")
    return merged


def _no_suffix(name: str) -> str:
    parts = split_name(name)
    return f"{parts.forenames} {parts.surname}"


def _spelling_key(name: str) -> str:
    """One key for spellings that differ in diacritics, hyphens, apostrophes and 'Surname, Forenames' order."""
    return " ".join(norm(w) for w in display_name(name).replace("-", "").replace("’", "").replace("'", "").split())


def find_other_spellings(people: dict[str, dict], folded: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Records that another record's persons-list variant gives as its other spelling: {duplicate: (canonical, reason)}.

    A FRUS persons list that prints "Park Chung Hee (Pak Chong-hui)" says that Pak Chōng-hūi, a record of its
    own, is Park Chung Hee. Folded only when exactly one record gives the name so (two or more words), the
    record has no POCOM link, and it knows no spelling of its own that the other record lacks ("Yan Jiagan",
    whose "Yen Chia-kan" and "C.K. Yen" Ye Jianying's record does not know, stays apart).
    """
    alternatives: dict[str, set[str]] = defaultdict(set)
    known: dict[str, set[str]] = defaultdict(set)
    for pid, rec in people.items():
        for v in rec["variants"] + [rec["pref"]]:
            known[pid].add(_spelling_key(re.sub(r"\([^)]*\)", "", v)))
            for inner in re.findall(r"\(([^)]*)\)", v):
                for alt in inner.split(","):
                    key = _spelling_key(alt.strip(" ”“\""))
                    known[pid].add(key)
                    if len(key.split()) >= 2:
                        alternatives[key].add(pid)
    merged: dict[str, tuple[str, str]] = {}
    for pid, rec in sorted(people.items()):
        givers = alternatives.get(_spelling_key(rec["pref"]), set()) - {pid}
        if rec["pocom"] or pid in folded or len(givers) != 1:
            continue
        can = next(iter(givers))
        own = {_spelling_key(re.sub(r"\([^)]*\)", "", v)) for v in rec["variants"] + [rec["pref"]]}
        if can in folded or not own <= known[can]:
            continue
        shown = next(v for v in people[can]["variants"] if "(" in v and _spelling_key(rec["pref"]) in
                     {_spelling_key(a.strip(" ”“\"")) for i in re.findall(r"\(([^)]*)\)", v) for a in i.split(",")})
        merged[pid] = (can, f"a FRUS persons list gives {display_name(rec['pref'])} as another name of "
                            f"{display_name(people[can]['pref'])} ('{shown}')")
    return merged


_DATED_REMARK = re.compile(r"\b(?:from|since|until|after)\s+[A-Z][a-z]+\s+\d{1,2},?\s+(?:1[89]|20)\d\d\b")


def _remark_key(remark: str) -> str:
    """A remark with punctuation and 'of the United States' aside: "First Lady from January 20, 1977, until …" and
    "First Lady of the United States from January 20, 1977 until …" are one description."""
    return " ".join(re.sub(r"\bof the United States\b|[^\w\s]", " ", remark).lower().split())


_OFFICE_START = re.compile(r"^(?P<office>[^;,(]+?) from (?:[A-Z][a-z]+ (?:\d{1,2}, )?)?(?P<year>(?:19|20)\d\d)\b")


def _office_starts(remarks: list[str]) -> set[str]:
    """'prime minister of south africa from 1966' for "Prime Minister of South Africa from September 1966" and for
    "Prime Minister of South Africa from 1966 until 1978; President …": an office and the year it began."""
    out = set()
    for remark in remarks:
        for part in remark.split(";"):
            m = _OFFICE_START.match(part.strip())
            if m:
                out.add(f"{_remark_key(m.group('office'))} from {m.group('year')}")
    return out


def find_same_descriptions(people: dict[str, dict], folded: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Records of FRUS persons lists that describe one person in the same dated words: {duplicate: (canonical, reason)}.

    "Carter, Eleanor Rosalynn" (frus1977-80v01: "First Lady of the United States from January 20, 1977, until
    January 20, 1981") and "Carter, Rosalynn" ("First Lady from January 20, 1977, until January 20, 1981"): the same
    surname, the one's given names all among the other's, neither with a POCOM link or a vital year in conflict, and a
    remark that dates an office to the day (punctuation and "of the United States" aside) the same in both, or the
    same office begun in the same year ("Prime Minister of South Africa from September 1966" / "… from 1966 until
    1978": B. J. and "John" Vorster; session 57). Folded only when exactly one other record fits; the record with
    more persons-list variants is canonical."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for pid, rec in people.items():
        if not rec["pocom"] and pid not in folded:
            by_surname[norm(split_name(rec["pref"]).surname)].append(pid)
    dated = {pid: {_remark_key(r) for r in rec["remarks"] if _DATED_REMARK.search(r)} | _office_starts(rec["remarks"])
             for pid, rec in people.items()}
    merged: dict[str, tuple[str, str]] = {}
    for surname, ids in by_surname.items():
        for a in sorted(ids):
            fits = []
            for b in ids:
                if b == a or not dated[a] & dated[b]:
                    continue
                x, y = people[a], people[b]
                fa = {norm(w.strip(".")) for w in split_name(x["pref"]).forenames.split()}
                fb = {norm(w.strip(".")) for w in split_name(y["pref"]).forenames.split()}
                if not fa or not fb or not (fa <= fb or fb <= fa):
                    continue
                if (x["birth"] and y["birth"] and x["birth"] != y["birth"]) or (x["death"] and y["death"] and x["death"] != y["death"]):
                    continue
                fits.append(b)
            if len(fits) != 1:
                continue
            b = fits[0]
            can, dup = sorted((a, b), key=lambda i: (-len(people[i]["variants"]), i))
            if dup in merged or can in merged:
                continue
            shared = max(sorted(dated[a] & dated[b]), key=len)      # the remark dated to the day, where there is one
            merged[dup] = (can, f"same surname, the given names of {display_name(people[dup]['pref'] if len(split_name(people[dup]['pref']).forenames) < len(split_name(people[can]['pref']).forenames) else people[can]['pref'])} "
                                f"among the other's ({people[can]['pref']} / {people[dup]['pref']}), and the same dated "
                                f"persons-list remark ('{shared}')")
    return merged


_VISITS_URL = re.compile(r"https://history\.state\.gov/departmenthistory/visits/")
_VISIT_REMARK = re.compile(r"^(?P<title>[^,.]+), (?P<country>[^.]+)\. Visited U\.S\. [^,]+, (?P<year>1[89]\d\d|20\d\d)")


def _name_words(name: str) -> frozenset[str]:
    """The words of a name in any order, diacritics, case, commas and a generational suffix aside."""
    return frozenset(w for w in _spelling_key(_no_suffix(re.sub(r"\([^)]*\)", "", name))).split() if len(w) > 1)


def find_visit_duplicates(people: dict[str, dict], folded: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Records of the leaders' visits that are a FRUS persons-list record again: {duplicate: (canonical, reason)}.

    The visits data has a record of its own for each visiting leader ("Mateos, Lopez": "President, Mexico. Visited
    U.S. 2 times, 1959–1964"), often with the name inverted at the wrong word. Folded into the one record without a
    visit of its own whose name has the same words (in any order, the persons-list record's surname among them; else
    the one name's words all among the other's, two at least),
    whose remarks print the visit's title and country ("President of Mexico from December 1, 1958"), whose persons
    lists are of volumes within 15 years of the first visit (Eduardo Frei Ruiz-Tagle, 1994, is not his father, whom
    the volumes of 1964–1976 list), and whose vital years do not conflict. The persons-list record is canonical."""
    def is_visit(rec: dict) -> bool:
        return bool(rec["urls"]) and all(_VISITS_URL.match(u) for u in rec["urls"])

    by_word: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
    for pid, rec in people.items():
        if pid in folded or is_visit(rec):
            continue
        forms[pid] = [(_name_words(v), _name_words(split_name(v).surname)) for v in [rec["pref"], *rec["variants"]]]
        for words, _ in forms[pid]:
            for w in words:
                by_word[w].add(pid)

    def fits(can: str, rec: dict, own: frozenset[str], title: str, country: str, year: int, nested: bool) -> bool:
        c = people[can]
        span = _years_of(" ".join(c["urls"]))
        return (any(len(words) >= 2 and surname and surname <= own and ((words < own or own < words) if nested else words == own)
                    for words, surname in forms[can])
                and any(re.search(rf"\b{re.escape(title)}\b", r, re.I) and country in r.lower() for r in c["remarks"])
                and span is not None and span[0] - 15 <= year <= span[1] + 15
                and not ((c["birth"] and rec["birth"] and c["birth"] != rec["birth"])
                         or (c["death"] and rec["death"] and c["death"] != rec["death"])))

    merged: dict[str, tuple[str, str]] = {}
    for pid, rec in sorted(people.items()):
        m = next((_VISIT_REMARK.match(r) for r in rec["remarks"] if _VISIT_REMARK.match(r)), None)
        if pid in folded or not is_visit(rec) or rec["pocom"] or m is None:
            continue
        own = _name_words(rec["pref"])
        title, country, year = m.group("title").lower(), m.group("country").lower(), int(m.group("year"))
        near = sorted({c for w in own for c in by_word.get(w, set())})
        found = [c for c in near if fits(c, rec, own, title, country, year, False)] or \
                [c for c in near if fits(c, rec, own, title, country, year, True)]
        if len(found) != 1:
            continue
        can = found[0]
        merged[pid] = (can, f"a record of the leaders' visits ('{rec['remarks'][0][:80]}') whose name has the words of "
                            f"{display_name(people[can]['pref'])}, whom FRUS persons lists of the visit's years describe "
                            f"with the visit's title and country")
    return merged


def _title_in_remark(title: str, remark: str) -> bool:
    t = title.lower()
    if " to " in t and t.startswith(("ambassador", "envoy", "minister")):
        country = t.split(" to ", 1)[1]
        return ("ambassador" in remark or "minister" in remark) and country in remark
    return t in remark


# ---------------------------------------------------------------- countries

def parse_rigour_yaml(text: str) -> dict:
    """The subset of YAML the rigour territory files use: top-level scalars and lists of scalars."""
    out: dict = {}
    key = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^([a-z_0-9]+):\s*(.*)$", line)
        if m:
            key, value = m.group(1), m.group(2).strip()
            value = re.sub(r"\s+#.*$", "", value)
            if value in (">-", ">", "|", "|-"):
                out[key] = ""
                key = None
            elif value == "":
                out[key] = []
            else:
                out[key] = {"true": True, "false": False}.get(value, value.strip("'\""))
            continue
        m = re.match(r"^\s+-\s+(.*)$", line)
        if m and key is not None and isinstance(out.get(key), list):
            value = re.sub(r"\s+#.*$", "", m.group(1)).strip().strip("'\"")
            out[key].append(value)
    return out


# gsh territories whose Wikidata QID the rigour data gives under another code (historical states).
_GSH_TO_RIGOUR = {
    "soviet-union-1991": "suhh", "east-germany-1990": "dd", "socialist-federal-republic-of-yugoslavia-1992": "yucs",
    "czechoslovakia-1993": "cshh", "rhodesia-1979": "zw#other", "zaire-1997": "zr", "burma": "mm",
    "united-states": "us", "congo-kinshasa": "cd", "congo-brazzaville": "cg", "korea-south": "kr", "korea-north": "kp",
}


def _countries(gsh: Path, rigour: Path) -> dict:
    territories: dict[str, dict] = {}
    old: dict[str, dict] = {}
    for name, data in _members(gsh):
        if "/territories/" in name:
            el = etree.fromstring(data)
            tid = _text(el, "id")
            territories[tid] = {
                "name": _text(el, "short-form-name"), "long": _text(el, "long-form-name"),
                "since": _year(_text(el, "valid-since")), "until": _year(_text(el, "valid-until")),
                "type": _text(el, "type-of-territory"),
                "pred": [p.text for p in el.iter("predecessor") if p.text],
                "succ": [s.text for s in el.iter("successor") if s.text],
            }
        elif "/countries-old/" in name:
            el = etree.fromstring(data)
            old[_text(el, "id")] = {"iso2": _text(el, "iso2"), "label": _text(el, "label"),
                                    "alt": [" ".join((a.text or "").split()) for a in el.iter("alternate-label") if a.text]}
    rig: dict[str, dict] = {}
    for name, data in _members(rigour, ".yml"):
        code = Path(name).stem
        rig[code] = parse_rigour_yaml(data.decode("utf-8"))
    by_name: dict[str, list[str]] = defaultdict(list)
    for code, r in rig.items():
        for n in [r.get("name", ""), r.get("full_name", "")]:
            if n:
                by_name[norm(n)].append(code)
    for tid, t in territories.items():
        code = None
        explicit = _GSH_TO_RIGOUR.get(tid)
        if explicit:
            code = explicit
        elif tid in old and old[tid]["iso2"] and old[tid]["iso2"].lower() in rig and t["until"] == 9999:
            code = old[tid]["iso2"].lower()
        elif t["until"] == 9999:
            found = by_name.get(norm(t["name"])) or by_name.get(norm(t["long"]))
            if found and len(found) == 1:
                code = found[0]
        qid = None
        if code == "zw#other":
            qids = rig["zw"].get("other_qids") or []
            qid = qids[0] if isinstance(qids, list) and qids else None
            code = "zw"
        elif code and code in rig:
            qid = rig[code].get("qid") or None
        t["qid"] = qid
        t["rigour"] = code if qid else None
        if tid in old:
            t["alt"] = old[tid]["alt"]
        if code and code in rig:
            t["rigour_names"] = [n for n in (rig[code].get("names_strong") or []) if re.fullmatch(r"[A-Za-z .'’()-]+", n)]
    return {"territories": territories}


# ---------------------------------------------------------------- presidents

def _presidents(path: Path, people: dict[str, dict]) -> list[list]:
    """Hand table of presidential terms (presidents.tsv: anchor, start, end) -> posts with hsg ids."""
    anchor_to_id = {}
    for pid, rec in people.items():
        for u in rec["urls"]:
            m = _PRESIDENT_URL.search(u)
            if m:
                anchor_to_id[m.group(1)] = pid
    posts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        anchor, start, end = line.split("\t")[:3]
        if anchor in anchor_to_id:
            posts.append([anchor_to_id[anchor], "president", "President of the United States", start, end, "president"])
    return posts


def _hand_posts(path: Path, people: dict[str, dict], position: str, title: str) -> list[list]:
    """A hand table of one office's terms (vice_presidents.tsv, un_secretaries_general.tsv: hsg id, name, start,
    end) -> posts; a row whose hsg id is "-" (no hsg-people record) is skipped, a row whose name does not share its
    surname with the record's is an error (a mistyped id)."""
    posts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        hsg, name, start, end = line.split("\t")[:4]
        if hsg == "-":
            continue
        if hsg not in people or norm(split_name(name).surname) not in norm(people[hsg]["pref"]):
            raise ValueError(f"{path.name}: {name} is not hsg-people {hsg}")
        posts.append([hsg, position, title, start, end, position])
    return posts


# ---------------------------------------------------------------- the build

def _people_entries(raw: dict[str, dict], merged: dict[str, tuple[str, str]]) -> tuple[dict[str, dict], dict[str, dict[str, str]]]:
    """The people file's entries, and each volume's persons-list ids mapped to their canonical record."""
    # dated remarks are kept where they may tell namesakes apart ("Deputy Assistant Secretary of Defense (Bundy)", 1962)
    shared_surname: dict[str, int] = defaultdict(int)
    for pid, rec in raw.items():
        if pid not in merged:
            shared_surname[norm(split_name(rec["pref"]).surname)] += 1
    volumes: dict[str, dict[str, str]] = defaultdict(dict)
    people_out: dict[str, dict] = {}
    for pid, rec in sorted(raw.items()):
        canonical = merged.get(pid, (pid, ""))[0]
        for u in rec["urls"]:
            m = _PERSONS_URL.match(u)
            if m:
                volumes[m.group("vol")][m.group("id")] = canonical
        entry = {
            "name": display_name(rec["pref"]), "sort": rec["pref"], "variants": rec["variants"],
            "birth": rec["birth"], "death": rec["death"],
        }
        if rec["viaf"]:
            entry["viaf"] = rec["viaf"]
        if rec["pocom"]:
            entry["pocom"] = rec["pocom"]
        if rec["titles"]:
            entry["titles"] = rec["titles"]
        if rec["remarks"]:
            entry["note"] = rec["remarks"][0][:200]
        if rec["dated_remarks"] and shared_surname[norm(split_name(rec["pref"]).surname)] > 1:
            entry["offices"] = rec["dated_remarks"]     # [remark, first year, last year of the volumes printing it]
        if pid in merged:
            entry["same_as"] = merged[pid][0]
            entry["same_as_reason"] = merged[pid][1]
        people_out[pid] = entry
    return people_out, volumes


def build_authorities(shared: Path, out: Path = DATA_DIR) -> BuildReport:
    """Build the derivative from the archives in `shared` (the folder holding hsg-*.tar.gz)."""
    shared = Path(shared)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    for need in ("hsg-people.tar.gz", "hsg-pocom.tar.gz", "hsg-gsh.tar.gz"):
        if not (shared / need).exists():
            raise FileNotFoundError(f"{shared / need}: missing; `authorities build` needs the Office of the Historian archives")
    rigour = shared / "countries-wikidata" / "rigour-territories.tar.gz"
    countries = _countries(shared / "hsg-gsh.tar.gz", rigour)
    gsh_names = {tid: t["name"] for tid, t in countries["territories"].items()}
    pocom = _pocom(shared / "hsg-pocom.tar.gz", gsh_names)
    raw = _people(shared / "hsg-people.tar.gz")

    pocom_to_hsg: dict[str, str] = {}
    for pid, rec in raw.items():
        rec["pocom"] = None
        for u in rec["urls"]:
            m = _POCOM_URL.match(u)
            if m:
                rec["pocom"] = m.group("id")
                pocom_to_hsg.setdefault(m.group("id"), pid)
    posts_by_pocom: dict[str, list[list]] = defaultdict(list)
    for p in pocom["posts"]:
        posts_by_pocom[p[0]].append(p)
    merged = find_duplicates(raw, pocom, posts_by_pocom)
    merged.update(find_other_spellings(raw, merged))
    merged.update(find_same_descriptions(raw, merged))
    merged.update(find_visit_duplicates(raw, merged))

    people_out, volumes = _people_entries(raw, merged)

    posts = []
    for p in pocom["posts"]:
        hsg = pocom_to_hsg.get(p[0])
        posts.append([hsg, *p])
    presidents = _presidents(Path(__file__).resolve().parent.parent / "data" / "authorities" / "presidents.tsv", raw)
    posts += [[p[0], None, *p[1:]] for p in presidents]
    for table, position, title in (("vice_presidents.tsv", "vice-president", "Vice President of the United States"),
                                   ("un_secretaries_general.tsv", "un-secretary-general", UN_SECRETARY_GENERAL)):
        posts += [[p[0], None, *p[1:]] for p in _hand_posts(DATA_DIR / table, raw, position, title)]
    pocom_persons = {k: {**v, "hsg": pocom_to_hsg.get(k)} for k, v in pocom["persons"].items()}

    report.files["people.json.gz"] = _write(out / "people.json.gz", {"people": people_out, "volumes": volumes})
    report.files["pocom.json.gz"] = _write(out / "pocom.json.gz", {"persons": pocom_persons, "positions": pocom["positions"], "posts": posts})
    report.files["countries.json.gz"] = _write(out / "countries.json.gz", countries)
    report.counts.update({
        "people": len(people_out), "duplicates folded": len(merged), "volumes with persons lists": len(volumes),
        "posts": len(posts), "pocom persons linked to hsg-people": sum(1 for v in pocom_persons.values() if v["hsg"]),
        "territories": len(countries["territories"]),
        "territories with a Wikidata QID": sum(1 for t in countries["territories"].values() if t["qid"]),
    })
    return report
