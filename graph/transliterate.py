"""Cyrillic names in Latin letters, as the authorities write them: a query typed from a Russian source finds them.

The authority names (hsg-people, gsh) are Latin ("Andreĭ Andreevich Gromyko"); "Громыко" shared no word with any of
them. The table is the common English romanization (BGN/PCGN without its diacritics), which is how most of those
names are spelled; й and ё lose their marks to the name keys' accent folding first (й -> и -> i, ё -> е -> e).
"""
from __future__ import annotations

import unicodedata

__all__ = ["latin"]

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz",
}
_TABLE = str.maketrans({**_CYRILLIC, **{k.upper(): v.capitalize() for k, v in _CYRILLIC.items()}})


def latin(text: str) -> str:
    """`text` with its Cyrillic letters romanized ("Громыко" -> "Gromyko", "Хрущёв" -> "Khrushchev"); others kept."""
    if text.isascii() or not any("\u0400" <= c <= "\u04ff" for c in text):
        return text
    return unicodedata.normalize("NFKD", text).translate(_TABLE)
