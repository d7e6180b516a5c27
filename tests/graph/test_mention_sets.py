"""The co-mentions of an entity counted from the statistics layer's mention lines are those the documents'
`schema:mentions` give, in the same order (graph/mention_sets.py)."""
from __future__ import annotations

import shutil

import pytest

from graph import open_store
from graph.mention_sets import DOCUMENT_MENTIONS, co_mentions
from graph.statistics import STATS_PREFIX, refresh_statistics
from ontology.namespaces import SCHEMA


@pytest.fixture(scope="module")
def store(network_slices_path, tmp_path_factory):
    """The two volume slices (13 documents), with their statistics."""
    path = tmp_path_factory.mktemp("mention-sets") / "store"
    shutil.copytree(network_slices_path, path)
    db = open_store(path)
    refresh_statistics(db)
    yield db
    db.close()


def _from_documents(store, iri: str) -> list[tuple[str, int]]:
    """The aggregate the whole co-mention list ran on every page before session 56, in the list's order."""
    rows = store.query(f"""SELECT ?other (COUNT(?doc) AS ?n) WHERE {{ ?doc <{SCHEMA}mentions> <{iri}> ;
      <{SCHEMA}mentions> ?other FILTER (?other != <{iri}>) }} GROUP BY ?other""").rows()
    return sorted(((other.value, int(n.value)) for other, n in rows), key=lambda pair: (-pair[1], pair[0]))


def _mentioned(store) -> list[str]:
    return sorted(e.value for e, in store.query(f"SELECT DISTINCT ?e WHERE {{ ?d <{SCHEMA}mentions> ?e }}").rows())


def test_every_entitys_co_mentions_are_those_of_its_documents_in_the_same_order(store):
    entities = _mentioned(store)
    assert len(entities) > 50
    lists = {e: co_mentions(store, e) for e in entities}
    assert all(lists[e] == _from_documents(store, e) for e in entities)
    assert max(len(found) for found in lists.values()) > 30 and any(
        a[1] == b[1] for found in lists.values() for a, b in zip(found, found[1:])), "ties are ordered by IRI"
    assert co_mentions(store, "https://w3id.org/frus-kg/id/people/000000") == []


def _statistics(store) -> set:
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in store.quads()
            if q.graph_name.value.startswith(STATS_PREFIX)}


def test_statistics_written_before_the_mention_lines_get_them_and_meanwhile_say_so(store):
    """A store indexed before session 56 has statistics without `fk:documentMentions`: `co_mentions` answers None
    (the list is then counted from the documents), and the next refresh adds the lines to those volumes' statistics,
    which it does not count again, leaving them as they were besides."""
    entity = next(e for e in _mentioned(store) if "/people/" in e)
    counted = _statistics(store)
    store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?g <{DOCUMENT_MENTIONS}> ?lines }} }}")
    assert co_mentions(store, entity) is None
    report = refresh_statistics(store)
    assert (report.volumes, report.lined, report.totals) == (0, 2, False)
    assert _statistics(store) == counted
    assert co_mentions(store, entity) == _from_documents(store, entity)
    assert refresh_statistics(store).lined == 0
