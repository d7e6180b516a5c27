"""Documents per year as an SVG bar chart drawn on the server: readable without JavaScript, and by screen readers."""
from __future__ import annotations

from html import escape

__all__ = ["timeline_svg"]

WIDTH, HEIGHT, AXIS = 720, 120, 18
MIN_YEARS = 12


def timeline_svg(counts: dict[int, int], label: str = "Documents per year", link: str | None = None,
                 selected: int | None = None) -> str:
    """One bar per year from the first to the last year with documents (empty years stay as gaps).

    With `link` (a pattern with `{year}`), each bar links there; the `selected` year's bar is marked.
    """
    if not counts:
        return ""
    first, last = min(counts), max(counts)
    span = f"{first}–{last}" if last > first else str(first)
    if last - first + 1 < MIN_YEARS:   # a short career still reads as a moment in a longer span
        first -= (MIN_YEARS - (last - first + 1)) // 2
        last = first + MIN_YEARS - 1
    years = list(range(first, last + 1))
    peak = max(counts.values())
    slot = WIDTH / len(years)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if len(years) / s <= 14)
    total = sum(counts.values())
    parts = [f'<svg class="timeline" role="img" viewBox="0 0 {WIDTH} {HEIGHT + AXIS}" width="{WIDTH}" '
             f'height="{HEIGHT + AXIS}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(label)}: {total:,} dated document{'s' if total != 1 else ''}, {span}</title>"]
    for i, year in enumerate(years):
        n = counts.get(year, 0)
        x = i * slot
        if n:
            h = max(2.0, HEIGHT * n / peak)
            bar = (f'<rect class="bar{" selected" if year == selected else ""}" x="{x + slot * 0.1:.1f}" '
                   f'y="{HEIGHT - h:.1f}" width="{slot * 0.8:.1f}" height="{h:.1f}">'
                   f'<title>{year}: {n} document{"s" if n != 1 else ""}</title></rect>')
            if link:
                bar = f'<a href="{escape(link.format(year=year))}">{bar}</a>'
            parts.append(bar)
        if (year - first) % step == 0:
            parts.append(f'<text x="{x + slot / 2:.1f}" y="{HEIGHT + 13}" text-anchor="middle">{year}</text>')
    parts.append("</svg>")
    return "".join(parts)
