"""HTTP content negotiation (RFC 9110 §12.5.1): which of the media types we offer an Accept header prefers.

No maintained library is among the project's dependencies (python-mimeparse would fit), so this is
a small function with the same rules: each offered type takes the quality of the most specific
range that matches it (`text/turtle` over `text/*` over `*/*`), q=0 refuses it, and ties go to the
server's order of preference. Media-type parameters other than q are ignored.
"""
from __future__ import annotations

from typing import Sequence

__all__ = ["parse_accept", "best_match"]


def parse_accept(header: str | None) -> list[tuple[str, str, float]]:
    """(type, subtype, q) for each well-formed range of an Accept header; an absent or unreadable one means `*/*`."""
    if header is None or not header.strip():
        return [("*", "*", 1.0)]
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if media.count("/") != 1:
            continue
        main, sub = media.split("/")
        if not main or not sub or (main == "*" and sub != "*"):
            continue
        q = 1.0
        for field in fields[1:]:
            name, _, value = field.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((main, sub, q))
    return ranges or [("*", "*", 1.0)]


def _quality(offered: str, ranges: list[tuple[str, str, float]]) -> float:
    main, sub = offered.lower().split("/")
    best_specificity, quality = -1, 0.0
    for r_main, r_sub, q in ranges:
        if r_main == main and r_sub == sub:
            specificity = 2
        elif r_main == main and r_sub == "*":
            specificity = 1
        elif r_main == "*":
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, quality = specificity, q
    return quality


def best_match(offered: Sequence[str], accept: str | None) -> str | None:
    """The offered media type the client prefers most (server order breaks ties), or None if none is acceptable."""
    ranges = parse_accept(accept)
    best, best_q = None, 0.0
    for media in offered:
        q = _quality(media, ranges)
        if q > best_q:
            best, best_q = media, q
    return best
