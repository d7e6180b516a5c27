"""Whether a person bears the given name printed before his surname: "John Eisenhower" is not Dwight D., "Sir Ralph
Stevenson" not Adlai, "Hashim Atasi" not Fayid al-Atasi, "Abdul Munim Ar-Rifai" not Samir al-Rifai.

A given name counts as borne where a name form of the person's record holds it, spelled alike up to the vowels of a
transliteration ("Mohammed", "Muhammad"), as its beginning or its end ("Derick" of Sir Frederick Hoyer Millar), or as
a short form the table ingest/data/names/hypocorisms.tsv lists ("Bob" for Robert).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ingest.authorities import Person, norm
from ingest.errors import IngestError

__all__ = ["HYPOCORISMS", "read_hypocorisms", "bears_given_name"]

HYPOCORISMS = Path(__file__).resolve().parent.parent / "data" / "names" / "hypocorisms.tsv"


def read_hypocorisms(path: Path) -> dict[str, frozenset[str]]:
    """norm(short form) -> norm(given names) it stands for; a malformed row names the file and the line."""
    out: dict[str, frozenset[str]] = {}
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or not all(re.fullmatch(r"[A-Z][A-Za-z]+", c) for c in cells):
            raise IngestError(f"{path}:{no}: expected 'short form<TAB>given name[<TAB>given name…]', capitalised words")
        out[norm(cells[0])] = frozenset(norm(c) for c in cells[1:])
    return out


@lru_cache(maxsize=1)
def _hypocorisms() -> dict[str, frozenset[str]]:
    return read_hypocorisms(HYPOCORISMS)


def _skeleton(word: str) -> str:
    return re.sub(r"[aeiouy]+", "", word)


_WORDS: dict[str, frozenset[str]] = {}


def _name_words(person: Person) -> frozenset[str]:
    if person.id not in _WORDS:
        forms = (person.name, person.sort or "", *(person.variants or ()))
        _WORDS[person.id] = frozenset(norm(w) for f in forms for w in re.findall(r"[^\W\d_]+", f) if len(w) > 1)
    return _WORDS[person.id]


def bears_given_name(person: Person, word: str) -> bool:
    """Whether `word`, printed before the person's surname, is one of his given names or a form of one."""
    w = norm(word)
    words = _name_words(person)
    if w in words or _hypocorisms().get(w, frozenset()) & words:
        return True
    return any((x[:1] == w[:1] and (_skeleton(x) == _skeleton(w) or x.startswith(w) or w.startswith(x)))
               or (len(w) > 3 and x.endswith(w)) for x in words if len(x) > 2)
