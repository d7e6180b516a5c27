"""Build ingest/data/claims/common_words.txt: the words FRUS prints in lower case, from TEI volumes.

    python -m bench.common_words /path/to/frus/volumes [--min 3] [--out PATH]

The claims layer reads a capitalized word as a name only where the corpus does not also print it in lower case
("Moreover", "Government", "Appendix" are words; "Quemoy", "Biafra", "Binh Xuyen" are names), so a name no entity
layer links can still be what a claim is about (ingest/claims/about.py, "unlinked names"). The list is unlabelled
text statistics: no annotation is read. Documents' bodies only (`<div type="document">`), and text in capitals
(telegrams) is skipped since it carries no case.
"""
from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ingest" / "data" / "claims" / "common_words.txt"
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_TEI = "{http://www.tei-c.org/ns/1.0}"


def count(paths: list[Path]) -> Counter:
    counts: Counter = Counter()
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as f:
            for _, div in etree.iterparse(f, tag=f"{_TEI}div", huge_tree=True, recover=True):
                if div.get("type") != "document":
                    continue
                text = " ".join(div.itertext())
                div.clear()
                letters = sum(c.isalpha() for c in text)
                if letters and sum(c.islower() for c in text) < 0.25 * letters:
                    continue
                counts.update(w.lower().replace("’", "'") for w in _WORD.findall(text) if w.islower())
    return counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--min", type=int, default=3, help="times a word must be printed in lower case")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    paths = sorted(p for p in args.folder.iterdir() if p.name.endswith((".xml", ".xml.gz")))
    counts = count(paths)
    words = sorted(w for w, n in counts.items() if n >= args.min)
    header = (f"# Words the FRUS corpus prints in lower case at least {args.min} times ({len(paths)} volumes); "
              "built by bench/common_words.py. One per line.\n")
    args.out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(words)} words from {len(paths)} volumes")


if __name__ == "__main__":
    main()
