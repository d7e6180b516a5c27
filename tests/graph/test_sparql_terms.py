"""Values from outside become SPARQL terms or a ValueError, never query syntax."""
from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest

from graph.sparql_terms import MAX_TERM_LENGTH, iri, literal, values

HOSTILE = ['"', '\\', '"} ; DROP ALL ; {', "line\nbreak", "tab\tcr\r", "\\u0022 quoted", "\u00e9\u4e2d\U0001f600",
           "'single'", '""" triple', "\b\f"]


def _round_trip(term: str):
    """The value Oxigraph reads back from a term written into a query."""
    [row] = list(ox.Store().query(f"SELECT ?x WHERE {{ BIND({term} AS ?x) }}"))
    return row["x"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_literal_reads_back_as_exactly_the_string_given(text):
    assert _round_trip(literal(text)).value == text


@pytest.mark.parametrize("text", ["a\x00b", "\ud800", "x" * (MAX_TERM_LENGTH + 1)])
def test_literals_that_sparql_or_utf8_cannot_carry_are_refused(text):
    with pytest.raises(ValueError):
        literal(text)


def test_numbers_dates_and_language_tags_are_typed():
    assert _round_trip(literal(42)).value == "42"
    assert _round_trip(literal(0.5)).datatype.value.endswith("#double")
    assert _round_trip(literal(dt.date(1981, 10, 26))).datatype.value.endswith("#date")
    assert _round_trip(literal("Haig", lang="en")).language == "en"
    with pytest.raises(ValueError):
        literal("x", lang='en" . }')
    with pytest.raises(ValueError):
        literal(float("nan"))


def test_a_valid_iri_is_written_in_angle_brackets():
    assert iri("https://w3id.org/frus-kg/id/people/102617") == "<https://w3id.org/frus-kg/id/people/102617>"
    assert _round_trip(iri("https://example.org/é")).value == "https://example.org/é"


@pytest.mark.parametrize("value", ["people/1", "https://x/a b", "https://x/>", "https://x/}", 'https://x/"', "https://x/\\u0020",
                                   "https://x/\n", "https://x/\x00", "https://x/{", "https://x/|", "https://x/^", "https://x/`", ""])
def test_iris_that_iriref_cannot_hold_are_refused(value):
    with pytest.raises(ValueError):
        iri(value)


def test_values_block_lists_the_terms():
    block = values("e", [iri("https://x/a"), literal('b"')])
    rows = list(ox.Store().query(f"SELECT ?e WHERE {{ {block} }}"))
    assert [r["e"].value for r in rows] == ["https://x/a", 'b"']
    with pytest.raises(ValueError):
        values("e }", [])
