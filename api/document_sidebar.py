"""The document page's side lists as HTML written in Python: its claims and the entities it mentions.

The longest document has 870 claims and links some 2,600 names beside them; a Jinja loop with its attribute
lookups, filters and escapes cost more than the rest of the page's template (about a third of the page's own
rendering). These functions write the same markup the template's loops wrote.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from .pages import entity_html

__all__ = ["claims_html", "entities_html", "truncated"]

_LEEWAY = 5     # Jinja's `truncate` policy: a text at most this much longer than the limit is left whole


def truncated(text: str, length: int = 140, end: str = "...") -> str:
    """Jinja's `truncate(length)`: cut at the last word boundary before `length`, marked by `end`."""
    if len(text) <= length + _LEEWAY:
        return text
    return text[:length - len(end)].rsplit(" ", 1)[0] + end


def _names(refs: list[dict]) -> str:
    return ", ".join(entity_html(ref) for ref in refs)


def _claim(claim: dict) -> str:
    anchor = escape(claim["anchor"])
    about = f" about {_names(claim['about'])}" if claim["about"] else ""
    page = f" · p. {escape(claim['page'])}" if claim["page"] else ""
    return (f'\n      <li><span class="kind">{escape(claim["claimType"])}</span> <a href="#{anchor}" class="claim-link" '
            f'data-claim="{anchor}">{escape(truncated(claim["text"]))}</a>\n        <br><span class="muted">'
            f'{_names(claim["claimants"])}\n        {about}\n        {page}</span></li>\n    ')


def claims_html(claims: list[dict]) -> Markup:
    """The items of the claims list: each claim's type, its text (cut at 140 characters) linking to its passage's
    anchor, who makes it, what it is about, and its page."""
    return Markup("".join(_claim(c) for c in claims))


def entities_html(entities: list[dict]) -> Markup:
    """The items of the "Mentioned" list: each entity linked to its page, with how often the document names it."""
    return Markup("".join(f'<li>{entity_html(e)} <span class="count">{escape(e["count"])}×</span></li>' for e in entities))
