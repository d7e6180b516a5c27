"""The exact-surface gazetteer: country forms, institutions and regions, indexed once per process.

Surfaces are matched with their case ("US" is the United States, "us" is not; "Turkey" is the
country, "turkey" is not). A surface may carry several entries; the extractor picks one by the
document's date and context (see places.py).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ingest.authorities import authorities

__all__ = ["Entry", "gazetteer", "MAX_TOKENS"]

MAX_TOKENS = 9


@dataclass(frozen=True)
class Entry:
    kind: str            # country | organization | region
    key: str             # gsh id, institution key, region key; "-" for an ambiguous country form
    y0: int = 0
    y1: int = 9999
    form: str = "name"   # name | demonym | ambiguous | base (gsh name)
    note: str = ""
    needs_the: bool = False   # "the West": the surface counts only after "the"
    d0: str = ""              # exact first day when the bound is a date ("1949-10-01"), else ""
    d1: str = ""


@cache
def gazetteer() -> dict[str, tuple[Entry, ...]]:
    """Exact surface -> entries. Built from the authority files on first use."""
    a = authorities()
    out: dict[str, list[Entry]] = defaultdict(list)
    curated = set()
    for surface, tid, y0, y1, kind, note in a.country_forms:
        out[surface].append(Entry("country", tid, int(y0[:4]), int(y1[:4]), kind, note,
                                  d0=y0 if len(y0) == 10 else "", d1=y1 if len(y1) == 10 else ""))
        curated.add(surface)
    heads = {name.rsplit(" ", 1)[1] for name in a.territory_names if " " in name}
    for surface, tids in a.territory_names.items():
        if surface in curated:
            continue
        for tid in tids:
            t = a.territories[tid]
            if surface in heads and surface != t.name:
                continue      # "Island" (Ísland) is a word of "Christmas Island", not Iceland's English name
            out[surface].append(Entry("country", tid, t.since, t.until, "base", "hsg-gsh territory name"))
    for inst in a.institutions.values():
        for alias in inst.aliases:
            if alias.startswith("the "):
                out[alias[4:]].append(Entry("organization", inst.key, needs_the=True, note=inst.note))
            else:
                out[alias].append(Entry("organization", inst.key, note=inst.note))
    for reg in a.regions.values():
        for alias in reg.aliases:
            if alias.startswith("the "):
                out[alias[4:]].append(Entry("region", reg.key, needs_the=True, note=reg.note))
            elif alias in ("West", "East"):
                out[alias].append(Entry("region", reg.key, needs_the=True, note=reg.note))
            else:
                out[alias].append(Entry("region", reg.key, note=reg.note))
    return {k: tuple(v) for k, v in out.items()}
