"""Personal names: split an index form ("Clark, William P., Jr.") and derive the forms a text uses.

Shared by the authority build (which stores the variants) and the extractor (which looks them up),
so that both sides normalise a name the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ontology.name_keys import norm  # moved to ontology so that api can share it; re-exported here

__all__ = ["NameParts", "split_name", "display_name", "name_forms", "article_dropped", "norm", "SUFFIXES", "PARTICLES",
           "COMMON_KEYS"]

SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2d", "3d", "2nd", "3rd"}
PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "la", "le", "al", "el", "bin", "ibn", "y", "dos", "das", "ter", "ten"}
# Words that are never a name key on their own (norm form): function words, months, offices, bureaucratic nouns.
COMMON_KEYS = frozenset("""a an the this that these those it its he she we they i you his her our their my your there here what which
who whom whose when where why how if in on at by for from to of and but or nor so yet as with without within upon after before
during since until while although though because also all any each every both either neither no not some such only other another
many much more most few several one two three four five six seven eight nine ten first second third last next new old
january february march april may june july august september october november december monday tuesday wednesday thursday
friday saturday sunday mr mrs ms dr sir president secretary ambassador minister general admiral senator governor department
embassy government council committee office bureau agency mission staff army navy air force state states house senate
congress party union republic kingdom federation assembly conference treaty pact plan program act court bank fund note
memorandum telegram letter message paper report summary subject source attachment enclosure tab annex part section chapter
volume document editorial north south east west northern southern eastern western central security affairs international
national political economic military foreign defense policy planning intelligence operations special assistant deputy
under executive legal adviser acting chief director chairman counselor administration commander affairs division
correspondence library papers files collection record records""".split())
_TITLE_WORDS = re.compile(
    r"^(?:Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Sir|Lord|Lady|Dame|General|Gen\.?|Admiral|Adm\.?|Colonel|Col\.?|Major|Maj\.?|Captain|Capt\.?|"
    r"Lieutenant|Lt\.?|Commander|Cdr\.?|Brigadier|Marshal|Field|Air|Vice|Rear|Chief|Sergeant|Father|Rev\.?|Reverend|Bishop|"
    r"Archbishop|Cardinal|Prince|Princess|King|Queen|Sheikh|Shaikh|Emir|Amir|Sultan|Shah|Senator|Ambassador|Judge|Justice|Professor|Prof\.?|Baron|Count|Countess|Duke|"
    r"President|Premier|Chancellor|Minister|Secretary|Governor|Mayor|Pope|Emperor|Generalissimo|Marshal|Monsignor|Msgr\.?|Mme\.?|Mlle\.?|Madame|Signor|Herr)$"
)


@dataclass(frozen=True)
class NameParts:
    surname: str
    forenames: str = ""
    suffix: str = ""
    titles: str = ""
    inverted: bool = True     # written "Surname, Forenames" in the source


def split_name(name: str) -> NameParts:
    """'Clark, William P., Jr.' -> Clark / William P. / Jr.;  'William P. Clark' -> Clark / William P."""
    name = " ".join(name.replace("\u00a0", " ").split()).strip(" ,;")
    name = re.sub(r"\s*\([^)]*\)", "", name)
    if "," in name:
        parts = [p.strip() for p in name.split(",") if p.strip()]
        surname = parts[0]
        rest = parts[1:]
        suffix = ""
        keep = []
        for p in rest:
            if p.lower() in SUFFIXES:
                suffix = p
            else:
                keep.append(p)
        forenames = keep[0] if keep else ""
        titles = []
        words = forenames.split()
        while words and _TITLE_WORDS.match(words[0]) and len(words) > 1:
            titles.append(words.pop(0))
        return NameParts(surname, " ".join(words), suffix, " ".join(titles), True)
    words = name.split()
    suffix = ""
    if len(words) > 1 and words[-1].lower().strip(",") in SUFFIXES:
        suffix = words.pop()
    titles = []
    while len(words) > 1 and _TITLE_WORDS.match(words[0]):
        titles.append(words.pop(0))
    if not words:
        return NameParts(name)
    if len(words) == 1:
        return NameParts(words[0], "", suffix, " ".join(titles), False)
    # keep particles with the surname: "Charles de Gaulle" -> "de Gaulle"
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in PARTICLES:
        i -= 1
    return NameParts(" ".join(words[i:]), " ".join(words[:i]), suffix, " ".join(titles), False)


def display_name(name: str) -> str:
    """The reading form: 'Clark, William Patrick' -> 'William Patrick Clark'; 'Clark, William P., Jr.' -> 'William P. Clark, Jr.'."""
    p = split_name(name)
    full = f"{p.forenames} {p.surname}".strip() if p.inverted else f"{p.forenames} {p.surname}".strip()
    if p.suffix:
        full += f", {p.suffix}" if p.suffix.lower().startswith(("jr", "sr")) else f" {p.suffix}"
    return full


def name_forms(name: str, list_form: bool = False) -> tuple[set[str], set[str]]:
    """(full forms, short forms) a text may use for a person, as lookup keys (norm()).

    Full forms: 'william patrick clark', 'william p clark', 'william clark', 'w p clark'.
    Short forms: the surname ('clark'). `list_form`: the name comes from a FRUS persons list, where
    Western names are always inverted, so an uninverted one ('Chou En-lai') puts the family name first.
    """
    p = split_name(name)
    full: set[str] = set()
    short: set[str] = set()
    sur = p.surname
    if not sur:
        return full, short
    fw = [w for w in p.forenames.replace(".", ". ").split() if w]
    fw = [w.strip() for w in fw if w.strip(". ")]
    if fw:
        given = [w for w in fw if len(w.strip(".")) > 1]
        initials = [w.strip(".")[0] for w in fw]
        full.add(norm(" ".join(fw + [sur])))
        if given:
            full.add(norm(f"{given[0]} {sur}"))
            # William P. Clark: first given name and the initials of the others
            if len(fw) > 1:
                full.add(norm(" ".join([given[0]] + [w.strip(".")[0] for w in fw[1:]] + [sur])))
        full.add(norm(" ".join(initials + [sur])))
        if p.suffix:
            full |= {f"{f} {norm(p.suffix)}" for f in list(full)}
    short.add(norm(sur))
    if " " in sur and sur.split()[0].lower() in PARTICLES:
        short.add(norm(sur.replace(" ", "")))          # "deGaulle"
    # "de Gaulle" is also written "Gaulle" rarely; keep the particle form only.
    if list_form and not p.inverted and fw and not fw[0].endswith(".") and len(fw[0]) > 1:
        # "Chou En-lai", "Hahm Pyong Choon": the first word is the family name
        short.add(norm(fw[0]))
        full.add(norm(" ".join(fw + [sur])))
    # hyphenated or multi-word surnames: "Ayub Khan" -> also "Ayub"
    if " " in sur and sur.split()[0].lower() not in PARTICLES:
        short.add(norm(sur.split()[0]))
    key = norm(sur)
    for alt in _transliterations(sur) - {key}:
        short.add(alt)
        full |= {f[:-len(key)] + alt for f in list(full) if f.endswith(key)}
    return {f for f in full if " " in f}, short


_ARABIC_ARTICLE = re.compile(r"^(?:al|el)[-–‐](?=[A-Z])")     # not "Al-Saud", "Al Sabah": the house of Saud, of Sabah
_APOSTROPHE = re.compile(r"(?<=[a-z])['’‘ʼ](?=[a-z])")


def _transliterations(surname: str) -> set[str]:
    """Session 54: the forms an Arabic surname is printed in: with "al-" or "el-", with or without the apostrophe of an
    ayn or hamza ("al-Rifai, Samir" is the "Samir el-Rifa’i" of the texts). Without the article ("Prime Minister
    Rifa’i", "Azm"): `article_dropped`, which the authorities' index asks only where the rest is no given name
    ("al-Saud, Abdullah" is of the house of Saud, not a "Saud")."""
    m = _ARABIC_ARTICLE.match(surname)
    forms = {f"{article}{surname[m.end():]}" for article in ("al-", "el-")} if m else {surname}
    forms |= {_APOSTROPHE.sub("", f) for f in forms}
    return {norm(f) for f in forms}


def article_dropped(surname: str) -> set[str]:
    """An Arabic surname without its article, with and without the apostrophe ("al-Rifa'i" -> "rifa'i", "rifai"); none
    for any other surname."""
    m = _ARABIC_ARTICLE.match(surname)
    if not m:
        return set()
    base = surname[m.end():]
    return {norm(base), norm(_APOSTROPHE.sub("", base))}
