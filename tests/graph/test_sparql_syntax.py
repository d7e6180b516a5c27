"""A SPARQL syntax error says where (line, column, the text there), shows the line with a caret under the place, and
says in plain words what is likely wrong, keeping the parser's own report."""
from __future__ import annotations

import pickle
import re

import pytest

from graph import OxigraphStore, QueryError, SparqlSyntaxError
from graph.sparql_syntax import syntax_error, syntax_message


def _error(query: str) -> SparqlSyntaxError:
    with pytest.raises(SparqlSyntaxError) as raised:
        OxigraphStore().query(query)
    return raised.value


def _message(query: str) -> str:
    return str(_error(query))


FORMS = "did you mean SELECT? A query begins with SELECT, CONSTRUCT, DESCRIBE or ASK"


@pytest.mark.parametrize("query", ["SELEC ?s WHERE {?s ?p ?o}", "SELEC ?s", "SELEC", "selec * {}"])
def test_regression_a_misspelt_select_was_expected_construct_or_describe_depending_on_what_followed(query):
    """pyoxigraph reported "error at 1:10: expected CONSTRUCT" for the first and "expected one of DESCRIBE, [_]" for
    the second: the furthest point its parser reached, past the misspelt word."""
    assert _message(query) == f"SPARQL syntax error at line 1, column 1 ('{query.split()[0]}'): {FORMS}"


def test_the_misspelt_form_is_found_after_the_prologue_and_comments():
    query = "PREFIX schema: <http://schema.org/>\nBASE <http://example.org/>\n# who\nSELEC ?name {}"
    assert _message(query) == f"SPARQL syntax error at line 4, column 1 ('SELEC'): {FORMS}"


def test_a_query_without_its_form_is_told_which_forms_there_are():
    assert _message("  { ?s ?p ?o }") == ("SPARQL syntax error at line 1, column 3 ('{ ?s ?p ?o }'): a query begins "
                                         "with SELECT, CONSTRUCT, DESCRIBE or ASK")


def test_a_later_error_keeps_the_parsers_position_in_characters_and_quotes_the_text_there():
    assert _message("SELECT ?s ?p\n  { ?s ?p ?o } GROUP BY ?s") == \
        "SPARQL syntax error at line 2, column 27 (at the end of the text): the SELECT contains a variable that is " \
        "unbound"
    assert _message('SELECT ("é" AS ?x) (COUNT(?s) ?n) {}') == \
        "SPARQL syntax error at line 1, column 35 ('{}'): expected DISTINCT"


def test_the_parsers_character_classes_are_left_out_of_what_was_expected():
    message = _message("SELECT ?s WHERE { ?s ?p ?o . FILTER(?o = 1 }")
    assert message.startswith("SPARQL syntax error at line 1, column 44 ('}'): this '}' comes before")
    message = _message("SELECT ?s (COUNT(?s) ?n) WHERE {}")
    assert message.endswith("expected DISTINCT") and "[" not in message and "\\u{" not in message


def test_nothing_expected_but_any_character_says_only_where():
    assert _message("SELECT WHERE") == "SPARQL syntax error at line 1, column 13 (at the end of the text)"


def test_a_long_stretch_of_text_is_quoted_short():
    message = _message("SELECT (COUNT(?s) ?n) { ?s <http://example.org/a-rather-long-predicate-name> ?o }")
    assert "('{ ?s <http://example.org…'): expected DISTINCT" in message


def test_a_misspelt_update_operation_is_told_the_operations():
    with pytest.raises(QueryError) as raised:
        OxigraphStore().update("INSRT DATA { <http://a> <http://b> <http://c> }")
    assert str(raised.value) == ("SPARQL syntax error at line 1, column 1 ('INSRT'): did you mean INSERT? An update "
                                 "begins with INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD or WITH")


def test_a_prologue_that_does_not_read_leaves_the_position_to_the_parser():
    assert _message("PREFIX x <http://a/> SELECT * {}") == (
        "SPARQL syntax error at line 1, column 8 ('x'): a prefix is declared with its colon: PREFIX x: <namespace IRI>")


def test_a_report_without_a_place_says_so_and_invents_none():
    error = syntax_error("SELECT", "something  else")
    assert str(error) == "SPARQL syntax error (the parser named no place in the query): something else"
    assert error.line is None and error.column is None and error.excerpt == "" and error.hint == ""
    assert syntax_message("SELECT", "something else") == str(syntax_error("SELECT", "something else"))


HINTS = {
    "triple pattern without its object": ("SELECT * WHERE { ?s ?p }", 1, 24,
                                          "the triple pattern '?s ?p' has no object"),
    "object missing before the next pattern": ("SELECT * WHERE {\n  ?s ?p .\n  ?a ?b ?c }", 2, 9,
                                               "the triple pattern '?s ?p' has no object"),
    "object missing after ';'": ("SELECT * WHERE { ?s ?p ?o ; ?q }", 1, 32, "'?q' after ';' has no object"),
    "object missing after ','": ("SELECT * WHERE { ?s ?p ?o , }", 1, 29, "an object is missing after this ','"),
    "undeclared prefix of the dataset": ("SELECT * WHERE {\n  ?d schema:name ?n }", 2, 6,
                                         "the prefix schema: is not declared: add the line PREFIX schema: "
                                         "<http://schema.org/> before the query"),
    "undeclared prefix of another vocabulary": ("SELECT * WHERE { ?s foaf:name ?o }", 1, 21,
                                                "the prefix foaf: is not declared: add a line PREFIX foaf: <namespace "
                                                "IRI> before the query (this service knows the prefixes fk:, fkid:, "
                                                "schema:"),
    "unclosed brace": ("SELECT * WHERE {\n  ?s ?p ?o\n", 1, 16, "this '{' is never closed: add a '}'"),
    "unclosed inner brace": ("SELECT * WHERE { ?s ?p ?o OPTIONAL { ?s ?q ?r }", 1, 16, "this '{' is never closed"),
    "brace closing nothing": ("SELECT * WHERE { ?s ?p ?o } }", 1, 29, "this '}' closes nothing"),
    "parenthesis left open": ("SELECT * WHERE { ?s ?p ?o FILTER(?o = 1 }", 1, 41,
                              "this '}' comes before the '(' at line 1, column 33 is closed"),
    "unclosed string": ('SELECT * WHERE {\n  ?s ?p "Falklands\n}', 2, 9, "this string is not closed: end it with \""),
    "unclosed long string": ('SELECT * WHERE { ?s ?p """abc }', 1, 24, "this string is not closed"),
    "unclosed IRI": ("SELECT * WHERE { ?s <http://a ?o }", 1, 21, "this IRI is not closed: end it with '>'"),
    "IRI with a space": ("SELECT * { <http://a b> ?p ?o }", 1, 12, "this IRI is not valid"),
    "misspelt ORDER": ("SELECT * WHERE { ?s ?p ?o }\nORDR BY ?s", 2, 1,
                       "'ORDR' is not a SPARQL keyword: did you mean ORDER?"),
    "misspelt FILTER": ("SELECT * WHERE { ?s ?p ?o FILTR(?o) }", 1, 27, "did you mean FILTER?"),
    "misspelt WHERE": ("SELECT ?s WHER { ?s ?p ?o }", 1, 11, "did you mean WHERE?"),
    "misspelt function": ('SELECT * { ?s ?p ?o FILTER(CONTIANS(?o, "x")) }', 1, 28, "did you mean CONTAINS?"),
    "misspelt form": ("SELEC ?s WHERE { ?s ?p ?o }", 1, 1, "did you mean SELECT?"),
    "misspelt keyword before a stray brace the parser never reached": ("SELECT ?s WHER { ?s ?p ?o } }", 1, 11,
                                                                       "did you mean WHERE?"),
}


@pytest.mark.parametrize("case", sorted(HINTS))
def test_each_kind_of_mistake_is_placed_where_it_is_and_said_in_plain_words(case):
    query, line, column, hint = HINTS[case]
    error = _error(query)
    assert (error.line, error.column) == (line, column), str(error)
    assert str(error).startswith(f"SPARQL syntax error at line {line}, column {column} (")
    assert hint in error.hint and error.hint in str(error)
    assert error.parser_message.startswith("error at ") and "\n" not in error.parser_message


def test_a_language_tag_or_a_valid_keyword_is_not_taken_for_a_misspelt_one():
    assert "FILTR" in _error('SELECT * WHERE { ?s ?p "x"@en FILTR(1) }').hint
    assert _error("SELECT (COUNT(?s) ?n) WHERE { ?s ?p ?o }").hint == ""


MALFORMED = [query for query, *_ in HINTS.values()] + [
    "SELECT WHERE", "SELECT ?x WHERE { ?s ?p ?o } GROUP BY ?s", "SELECT (1 AS ?x) (2 AS ?x) {}",
    "SELECT * WHERE { ?s ?p ?o } LIMIT 10 garbage", "PREFIX x <http://a/> SELECT * {}", "  { ?s ?p ?o }",
    "SELECT ?s\n\t WHERE { ?s ?p ?o }\n\tLIMT 5", 'SELECT ("é" AS ?x) (COUNT(?s) ?n) {}', "SELECT * WHERE { ?s ?p ?o",
    "# a comment\nSELECT * WHERE { ?s ?p ?o . ?o ?q }", "SELECT * WHERE {\r\n ?s ?p \r\n}",
]


@pytest.mark.parametrize("query", MALFORMED)
def test_every_message_names_the_place_and_the_excerpt_puts_the_caret_under_it(query):
    error = _error(query)
    found = re.match(r"SPARQL syntax error at line (\d+), column (\d+) \(", str(error))
    assert found and (int(found.group(1)), int(found.group(2))) == (error.line, error.column), str(error)
    assert "\n" not in str(error)
    shown, caret = error.excerpt.split("\n")
    gutter = f"  {error.line} | "
    assert shown.startswith(gutter) and caret.endswith("^") and caret.count("^") == 1
    line = query.split("\n")[error.line - 1].rstrip("\r")
    assert shown[len(gutter):] == line
    assert len(caret) - len(gutter) == error.column, error.excerpt
    assert all(c in " \t" for c in caret[len(gutter):-1])


def test_the_explained_error_is_the_sentence_the_excerpt_and_the_parsers_report():
    error = _error("SELECT * WHERE {\n\t?s ?p\n}")
    assert error.explained() == (
        "SPARQL syntax error at line 3, column 1 ('}'): the triple pattern '?s ?p' has no object: a pattern is a "
        "subject, a predicate and an object (e.g. ?s ?p ?o)\n"
        "  3 | }\n"
        "    | ^\n"
        "parser: error at 3:2: expected one of LATERAL, SERVICE, [_]")


def test_a_tab_before_the_place_is_kept_under_it_so_the_caret_lines_up():
    assert _error("SELECT * WHERE {\n\t?s ?p ?o FILTR(?o)\n}").excerpt == (
        "  2 | \t?s ?p ?o FILTR(?o)\n"
        "    | \t         ^")


def test_a_long_line_is_shown_as_a_window_around_the_place():
    query = "SELECT * WHERE { " + " ".join(f"?s{i} ?p ?o ." for i in range(40)) + " ?s ?p }"
    shown, caret = _error(query).excerpt.split("\n")
    assert shown.startswith("  1 | …") and len(shown) < 120 and caret.endswith("^")
    assert shown[len(caret) - 1] == "}"


def test_the_error_pickles_whole_as_a_query_worker_sends_it():
    error = _error("SELECT * WHERE { ?s ?p }")
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, QueryError) and copy.explained() == error.explained()
    assert (copy.line, copy.column, copy.hint) == (error.line, error.column, error.hint)



@pytest.mark.parametrize("query, line, column", [("", 1, 1), ("   \n", 2, 1), ("# only a comment\n", 2, 1)])
def test_regression_an_empty_query_was_told_the_parser_expected_an_underscore(query, line, column):
    """`/sparql?query=` and `frus-kg query ''` answered 'parser: error at 1:1: expected [_]' after a bare 'at the end
    of the text': nothing said the query was empty."""
    assert _message(query) == (f"SPARQL syntax error at line {line}, column {column} (at the end of the text): the query "
                               "is empty; a query begins with SELECT, CONSTRUCT, DESCRIBE or ASK")
