"""The lexer guard reads a query's shape without parsing it, and refuses what would crash the engine."""
from __future__ import annotations

import pytest

from graph import GuardLimits, QueryRefused, inspect_query


@pytest.mark.parametrize("query,form", [
    ("SELECT * WHERE { ?s ?p ?o }", "select"),
    ("PREFIX ex: <http://e/> ASK { ex:a ?p ?o }", "ask"),
    ("# a comment with SELECT\nCONSTRUCT WHERE { ?s ?p ?o }", "construct"),
    ("DESCRIBE <http://e/x>", "describe"),
    ('INSERT DATA { <http://e/a> <http://e/p> "SELECT" }', "update"),
    ("BASE <http://e/> PREFIX : <x#> DELETE WHERE { ?s ?p ?o }", "update"),
])
def test_the_query_form_is_the_first_form_keyword_outside_strings_and_comments(query, form):
    assert inspect_query(query).form == form


def test_service_targets_are_resolved_through_prefixes_and_variables_are_none():
    shape = inspect_query("""PREFIX other: <http://archive.example/>
        SELECT * WHERE { SERVICE SILENT <http://a.example/sparql> { ?s ?p ?o }
                         SERVICE other:sparql { ?s ?p ?o } SERVICE ?where { ?s ?p ?o } }""")
    assert shape.services == ["http://a.example/sparql", "http://archive.example/sparql", None]


def test_service_inside_a_string_or_an_iri_is_not_a_service():
    shape = inspect_query('SELECT * WHERE { ?s <http://e/SERVICE> "SERVICE <http://x/>" }')
    assert shape.services == []


def test_parenthesis_bomb_is_refused_naming_the_limit():
    with pytest.raises(QueryRefused, match="more than 100 deep"):
        inspect_query("SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }")


def test_group_bomb_is_refused():
    with pytest.raises(QueryRefused):
        inspect_query("SELECT * WHERE " + "{" * 3000 + "}" * 3000)


def test_brackets_inside_strings_do_not_count():
    shape = inspect_query('SELECT * WHERE { ?s ?p "' + "(" * 5000 + '" }')
    assert shape.depth == 1


def test_ten_thousand_unions_are_refused():
    with pytest.raises(QueryRefused, match="operators"):
        inspect_query("SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 10000) + " }")


def test_an_over_long_query_is_refused_before_lexing():
    with pytest.raises(QueryRefused, match="characters long"):
        inspect_query("ASK {}" + " " * 100, GuardLimits(max_length=50))


def test_ordinary_documented_queries_pass():
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs"
    queries = [block.split("```", 1)[0] for path in docs.glob("*.md")
               for block in path.read_text(encoding="utf-8").split("```sparql")[1:] if block.split("```", 1)[0].strip()]
    assert len(queries) > 5
    for query in queries:
        assert inspect_query(query).form in ("select", "ask", "construct", "describe")


@pytest.mark.parametrize("query,default,named", [
    ("SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }", ("http://e/g",), ()),
    ("PREFIX g: <http://e/> select * from g:a from named g:b { ?s ?p ?o }", ("http://e/a",), ("http://e/b",)),
    ("CONSTRUCT { ?s ?p ?o } FROM NAMED <http://e/n> WHERE { GRAPH ?g { ?s ?p ?o } }", (), ("http://e/n",)),
])
def test_a_querys_own_dataset_is_read_from_its_from_clauses(query, default, named):
    from graph.sparql_guard import dataset_clause
    found = dataset_clause(query)
    assert (found.default, found.named) == (default, named)


@pytest.mark.parametrize("query", [
    "SELECT ?from WHERE { ?s <http://e/from> ?from }",
    'SELECT * WHERE { ?s ?p "FROM <http://e/g>" } # FROM <http://e/g>',
    "PREFIX from: <http://e/> SELECT * WHERE { ?s from:x ?o }",
])
def test_from_in_a_variable_string_comment_or_prefixed_name_names_no_dataset(query):
    from graph.sparql_guard import dataset_clause
    assert dataset_clause(query) is None


@pytest.mark.parametrize("update,loads", [
    ("LOAD <http://example.org/data.ttl>", True),
    ("load silent <file:///etc/passwd> INTO GRAPH <http://e/g>", True),
    ('INSERT DATA { <http://e/a> <http://e/p> 1 } ; LOAD <http://e/x>', True),
    ('INSERT DATA { <http://e/load> <http://e/p> "LOAD <http://e/x>", "x"@load } # LOAD', False),
    ("PREFIX load: <http://e/> INSERT DATA { load:a load:b load:c }", False),
])
def test_regression_load_in_an_update_was_not_seen_so_the_server_fetched_urls(update, loads):
    assert inspect_query(update).loads is loads
