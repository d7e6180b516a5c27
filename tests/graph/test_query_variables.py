"""`SELECT *` columns in the query's order: what the scan takes for a variable, and what it leaves alone."""
from __future__ import annotations

import pytest

from graph import OxigraphStore
from graph.query_variables import in_query_order


@pytest.mark.parametrize("query, expected", [
    ("SELECT * WHERE { ?s ?p ?o }", ("s", "p", "o")),
    ("select distinct * { $s ?p ?o }", ("s", "p", "o")),
    ("SELECT REDUCED * { ?s ?p ?o }", ("s", "p", "o")),
    ('PREFIX select: <http://x/?a#> # ?o first in a comment\nSELECT * { ?s ?p "who ?p" ; ?p ?o FILTER (?s != <http://y/?o>) }',
     ("s", "p", "o")),
    ('SELECT * { ?s ?p """a ?o\nlong ?p""" . ?s ?p ?o }', ("s", "p", "o")),
    ("SELECT * { ?s ?p ?o FILTER (?s < ?o && ?o > ?s) }", ("s", "p", "o")),
    ("SELECT * { { SELECT ?o ?s WHERE { ?s ?p ?o } } }", ("o", "s")),
])
def test_select_star_follows_the_text(query, expected):
    found = OxigraphStore().query(query).variables
    assert found == expected and in_query_order(query, tuple(sorted(expected))) == expected


def test_an_explicit_projection_keeps_the_engines_order():
    assert in_query_order("SELECT ?o ?s WHERE { ?s ?p ?o }", ("o", "s")) == ("o", "s")
    assert OxigraphStore().query("SELECT ?o ?s WHERE { ?s ?p ?o }").variables == ("o", "s")


def test_a_variable_the_text_does_not_name_keeps_its_place_after_the_others():
    assert in_query_order("SELECT * { ?b ?a ?c }", ("a", "b", "c", "z")) == ("b", "a", "c", "z")
