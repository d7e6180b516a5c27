"""The document page's claims and entities lists written in Python give, byte for byte, what the template's Jinja
loops gave (escaping, Jinja's `truncate`, the separators and the whitespace)."""
from __future__ import annotations

import pytest
from jinja2 import Environment

from api.document_sidebar import claims_html, entities_html, truncated
from api.page_documents import document_view
from api.pages import entity_html
from api.passages import claim_anchor

CLAIMS_LOOP = """{% for c in claims %}
      <li><span class="kind">{{ c.claimType }}</span> <a href="#{{ c.anchor }}" class="claim-link" data-claim="{{ c.anchor }}">{{ c.text | truncate(140) }}</a>
        <br><span class="muted">{% for p in c.claimants %}{{ entity_html(p) }}{% if not loop.last %}, {% endif %}{% endfor %}
        {% if c.about %} about {% for a in c.about %}{{ entity_html(a) }}{% if not loop.last %}, {% endif %}{% endfor %}{% endif %}
        {% if c.page %} · p. {{ c.page }}{% endif %}</span></li>
    {% endfor %}"""
ENTITIES_LOOP = """{% for e in entities %}<li>{{ entity_html(e) }} <span class="count">{{ e.count }}×</span></li>{% endfor %}"""


def _jinja(source: str, **context) -> str:
    env = Environment(autoescape=True)
    env.globals["entity_html"] = entity_html
    return env.from_string(source).render(**context)


def test_the_memos_claims_and_entities_are_written_as_the_templates_loops_wrote_them(sample_store):
    view = document_view(sample_store, "frus1981-88v41", "d54")
    claims = [{**c, "anchor": claim_anchor(c["id"])} for c in view["claims"]]
    odd = {**claims[0], "claimType": None, "page": None, "about": [], "claimants": [{"id": "x", "name": 'A & "B" <c>'}],
           "text": "word " * 40}
    assert str(claims_html(claims + [odd])) == _jinja(CLAIMS_LOOP, claims=claims + [odd])
    assert str(entities_html(view["entities"])) == _jinja(ENTITIES_LOOP, entities=view["entities"])


@pytest.mark.parametrize("text", ["", "short", "x" * 140, "x" * 145, "x" * 146, "word " * 40, "a" * 200,
                                  " leading and " + "y" * 150, "end with space " * 10])
def test_truncated_is_jinjas_truncate_at_140(text):
    assert truncated(text) == _jinja("{{ t | truncate(140) }}", t=text).replace("&#39;", "'")
