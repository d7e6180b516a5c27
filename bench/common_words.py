"""Build the claims layer's word lists from TEI volumes: common_words.txt and weapon_names.txt.

    python -m bench.common_words /path/to/frus/volumes [--min 3] [--out-dir PATH]

The claims layer reads a capitalized word as a name only where the corpus does not also print it in lower case
("Moreover", "Government", "Appendix" are words; "Quemoy", "Biafra", "Binh Xuyen" are names), so a name no entity
layer links can still be what a claim is about (ingest/claims/unlinked_names.py). Weapons and ships are no such
name (the annotation guide does not count them): weapon_names.txt holds the capitalized words the corpus prints
before a weapon's or vessel's noun ("Titan missile", "Polaris submarines"; `[bodies] vessel_heads` of the cues
file) or after a ship's prefix ("USS Pueblo") in at least 5% of their occurrences, and at least 3 times. Both
lists are unlabelled text statistics: no annotation is read. Documents' bodies only (`<div type="document">`);
text in capitals (telegrams) is skipped since it carries no case.
"""
from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "ingest" / "data" / "claims"
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_CAPITALIZED = re.compile(r"(?<![\w’'-])[A-Z][a-z]+(?:[-–][A-Z0-9]\w*)?(?=\W)")
_AFTER = re.compile(r"\s+(?:[IVX]+\s+|[A-Z]?\d\S*\s+)?([a-z]+)")
_SHIP = re.compile(r"\b(?:USS|U\.S\.S\.|SS|S\.S\.|HMS|H\.M\.S\.|M/V|M\.V\.)\s+([A-Z][a-z]+)")
_TEI = "{http://www.tei-c.org/ns/1.0}"
WEAPON_SHARE, WEAPON_MIN = 0.05, 3


def _bodies(paths: list[Path]):
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as f:
            for _, div in etree.iterparse(f, tag=f"{_TEI}div", huge_tree=True, recover=True):
                if div.get("type") != "document":
                    continue
                text = " ".join(div.itertext())
                div.clear()
                letters = sum(c.isalpha() for c in text)
                if letters and sum(c.islower() for c in text) >= 0.25 * letters:
                    yield text


def count(paths: list[Path], vessel_heads: frozenset[str]) -> tuple[Counter, Counter, Counter]:
    """Lower-case words; capitalized words; capitalized words before a vessel noun or after a ship's prefix."""
    lower, capitalized, weapons = Counter(), Counter(), Counter()
    for text in _bodies(paths):
        lower.update(w.lower().replace("’", "'") for w in _WORD.findall(text) if w.islower())
        for m in _CAPITALIZED.finditer(text):
            capitalized[m.group(0)] += 1
            after = _AFTER.match(text, m.end())
            if after and after.group(1) in vessel_heads:
                weapons[m.group(0)] += 1
        weapons.update(m.group(1) for m in _SHIP.finditer(text))
    return lower, capitalized, weapons


def _write(path: Path, header: str, words: list[str]) -> None:
    path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {path}: {len(words)} words")


def main(argv: list[str] | None = None) -> None:
    from ingest.claims.cues import load_cues

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--min", type=int, default=3, help="times a word must be printed in lower case")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    paths = sorted(p for p in args.folder.iterdir() if p.name.endswith((".xml", ".xml.gz")))
    lower, capitalized, weapons = count(paths, load_cues().vessel_heads)
    _write(args.out_dir / "common_words.txt",
           f"# Words the FRUS corpus prints in lower case at least {args.min} times ({len(paths)} volumes); "
           "built by bench/common_words.py. One per line.\n",
           sorted(w for w, n in lower.items() if n >= args.min))
    _write(args.out_dir / "weapon_names.txt",
           f"# Capitalized words the FRUS corpus prints before a weapon's or vessel's noun, or after a ship's prefix, "
           f"in at least {WEAPON_SHARE:.0%} of their occurrences and at least {WEAPON_MIN} times ({len(paths)} volumes); "
           "built by bench/common_words.py. One per line.\n",
           sorted(w for w, n in weapons.items() if n >= WEAPON_MIN and n >= WEAPON_SHARE * max(capitalized[w], n)))


if __name__ == "__main__":
    main()
