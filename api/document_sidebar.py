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


def _escaped(value) -> str:
    """markupsafe's `escape` as a plain string (its same five replacements): a Markup made of every piece of 870
    claims cost more than writing them."""
    return (str(value).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;")
            .replace('"', "&#34;"))


def _names(refs: list[dict], links: dict) -> str:
    """The names linked to their pages, each link written once per page (`links`: by href and name)."""
    out = []
    for ref in refs:
        key = (ref.get("href"), ref.get("name") or ref.get("id"))
        link = links.get(key)
        if link is None:
            link = links[key] = str(entity_html(ref))
        out.append(link)
    return ", ".join(out)


def _claim(claim: dict, links: dict) -> str:
    anchor = _escaped(claim["anchor"])
    about = f" about {_names(claim['about'], links)}" if claim["about"] else ""
    page = f" · p. {_escaped(claim['page'])}" if claim["page"] else ""
    return (f'\n      <li><span class="kind">{_escaped(claim["claimType"])}</span> <a href="#{anchor}" class="claim-link" '
            f'data-claim="{anchor}">{_escaped(truncated(claim["text"]))}</a>\n        <br><span class="muted">'
            f'{_names(claim["claimants"], links)}\n        {about}\n        {page}</span></li>\n    ')


def claims_html(claims: list[dict]) -> Markup:
    """The items of the claims list: each claim's type, its text (cut at 140 characters) linking to its passage's
    anchor, who makes it, what it is about, and its page."""
    links: dict = {}
    return Markup("".join([_claim(c, links) for c in claims]))


def entities_html(entities: list[dict]) -> Markup:
    """The items of the "Mentioned" list: each entity linked to its page, with how often the document names it."""
    return Markup("".join(f'<li>{entity_html(e)} <span class="count">{escape(e["count"])}×</span></li>' for e in entities))
