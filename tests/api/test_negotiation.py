"""Content negotiation picks what the client prefers among what we offer (RFC 9110 §12.5.1)."""
from __future__ import annotations

import pytest

from api.negotiation import best_match, parse_accept

RDF = ("text/turtle", "text/html", "application/ld+json", "application/n-triples")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


@pytest.mark.parametrize("accept, chosen", [
    (None, "text/turtle"),                                           # no header: the server's first choice
    ("*/*", "text/turtle"),
    (BROWSER, "text/html"),
    ("application/ld+json", "application/ld+json"),
    ("application/n-triples;q=0.5, text/turtle;q=0.4", "application/n-triples"),
    ("text/*", "text/turtle"),
    ("text/*;q=0.3, application/ld+json;q=0.2", "text/turtle"),
    ("application/*;q=0.9, text/turtle;q=0.1", "application/ld+json"),
    ("text/turtle;q=0, */*", "text/html"),                           # q=0 refuses
    ("APPLICATION/LD+JSON", "application/ld+json"),                  # case does not matter
    ("text/turtle;charset=utf-8;q=0.9", "text/turtle"),              # parameters other than q are ignored
    ("garbage", "text/turtle"),                                      # an unreadable header counts as absent
])
def test_the_preferred_offered_type_wins(accept, chosen):
    assert best_match(RDF, accept) == chosen


def test_the_most_specific_range_sets_the_quality():
    assert best_match(("text/html", "text/turtle"), "text/*;q=0.9, text/html;q=0.1") == "text/turtle"


def test_nothing_acceptable_is_none():
    assert best_match(RDF, "image/png") is None
    assert best_match(RDF, "*/*;q=0") is None


def test_bad_q_values_are_read_safely():
    assert parse_accept("text/html;q=abc, text/plain;q=7") == [("text", "html", 0.0), ("text", "plain", 1.0)]
