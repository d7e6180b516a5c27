"""A SPARQL syntax error says where (line, column, the text there) and what would fit there, in words."""
from __future__ import annotations

import pytest

from graph import OxigraphStore, QueryError
from graph.sparql_syntax import syntax_message


def _message(query: str) -> str:
    with pytest.raises(QueryError) as raised:
        OxigraphStore().query(query)
    return str(raised.value)


FORMS = "expected one of SELECT, CONSTRUCT, DESCRIBE, ASK"


@pytest.mark.parametrize("query", ["SELEC ?s WHERE {?s ?p ?o}", "SELEC ?s", "SELEC", "selec * {}"])
def test_regression_a_misspelt_select_was_expected_construct_or_describe_depending_on_what_followed(query):
    """pyoxigraph reported "error at 1:10: expected CONSTRUCT" for the first and "expected one of DESCRIBE, [_]" for
    the second: the furthest point its parser reached, past the misspelt word."""
    assert _message(query) == f"SPARQL syntax error at line 1, column 1 ('{query.split()[0]}'): {FORMS}"


def test_the_misspelt_form_is_found_after_the_prologue_and_comments():
    query = "PREFIX schema: <http://schema.org/>\nBASE <http://example.org/>\n# who\nSELEC ?name {}"
    assert _message(query) == f"SPARQL syntax error at line 4, column 1 ('SELEC'): {FORMS}"


def test_a_query_without_its_form_is_told_which_forms_there_are():
    assert _message("  { ?s ?p ?o }") == f"SPARQL syntax error at line 1, column 3 ('{{'): {FORMS}"


def test_a_later_error_keeps_the_parsers_position_in_characters_and_quotes_the_text_there():
    assert _message("SELECT ?s\n  WHER { ?s ?p ?o }") == \
        "SPARQL syntax error at line 2, column 8 ('{ ?s ?p ?o }'): expected WHERE"
    assert _message('SELECT ("é" AS ?x) WHER {}') == "SPARQL syntax error at line 1, column 25 ('{}'): expected WHERE"


def test_the_parsers_character_classes_are_left_out_of_what_was_expected():
    message = _message("SELECT ?s WHERE { ?s ?p ?o")
    assert message.startswith("SPARQL syntax error at line 1, column 27 (at the end of the text): expected one of")
    assert '"}"' in message and "[" not in message and "\\u{" not in message


def test_nothing_expected_but_any_character_says_only_where():
    assert _message("SELECT WHERE") == "SPARQL syntax error at line 1, column 13 (at the end of the text)"


def test_a_long_stretch_of_text_is_quoted_short():
    message = _message("SELECT ?s WHER { ?s <http://example.org/a-rather-long-predicate-name> ?o }")
    assert "('{ ?s <http://example.org…'): expected one of DISTINCT, WHERE" in message


def test_a_misspelt_update_operation_is_told_the_operations():
    with pytest.raises(QueryError) as raised:
        OxigraphStore().update("INSRT DATA { <http://a> <http://b> <http://c> }")
    assert str(raised.value) == ("SPARQL syntax error at line 1, column 1 ('INSRT'): expected one of INSERT, DELETE, "
                                 "LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD, WITH")


def test_a_prologue_that_does_not_read_leaves_the_position_to_the_parser():
    assert _message("PREFIX x <http://a/> SELECT * {}").startswith(
        "SPARQL syntax error at line 1, column 10 ('<http://a/> SELECT * {}')")


def test_a_report_of_another_shape_is_passed_on():
    assert syntax_message("SELECT", "something else") == "SPARQL syntax error: something else"
