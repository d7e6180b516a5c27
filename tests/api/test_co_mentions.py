"""An entity's co-mentions: the entity answer and page show the first 20 and say how many there are in all, and the
whole list (`/people/{id}/co-mentioned`) goes on from there, paged as every list, in one order: most shared documents
first, ties by IRI (docs/http.md, docs/pages.md)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

CARTER = "/people/102251"
JSON = {"Accept": "application/json"}
HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def server(note_store_path, launch_for_module) -> str:
    """A server on frus1977-80v01's slice around an editorial note, where Carter has 67 co-mentions."""
    _, base = launch_for_module(note_store_path)
    return base


def _counted(base: str, path: str) -> list[tuple[str, int]]:
    """Every co-mention of the entity, counted by the SPARQL endpoint, in the documented order."""
    iri = "https://w3id.org/frus-kg/id" + path
    query = f"""SELECT ?other (COUNT(?doc) AS ?n) WHERE {{ ?doc <http://schema.org/mentions> <{iri}> ;
      <http://schema.org/mentions> ?other FILTER (?other != <{iri}>) }} GROUP BY ?other"""
    rows = httpx.get(f"{base}/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}).json()
    return sorted(((r["other"]["value"], int(r["n"]["value"])) for r in rows["results"]["bindings"]), key=lambda p: (-p[1], p[0]))


def test_regression_co_mentions_were_cut_at_20_silently(server):
    """Carter's answer listed 20 of his 67 co-mentions, said nothing of the others and linked to none of them; it says
    how many there are and its `coMentionedNext` is the whole list's second page, which goes on in the same order."""
    expected = _counted(server, CARTER)
    assert len(expected) == 67 and expected[19][1] == expected[20][1]      # the cut falls inside a tie
    entity = httpx.get(server + CARTER, headers=JSON).json()
    listed = [(c["entity"]["id"], c["count"]) for c in entity["coMentioned"]]
    assert entity["coMentionedTotal"] == 67 and listed == expected[:20]
    url, pages = entity["coMentionedNext"], 0
    while url:
        page = httpx.get(url, headers=JSON).json()
        assert page["type"] == "Collection" and page["total"] == 67
        listed += [(c["entity"]["id"], c["count"]) for c in page["items"]]
        url, pages = page["next"], pages + 1
    assert listed == expected and pages == 3


def test_the_whole_list_of_co_mentions_is_paged_as_every_list(server):
    first = httpx.get(f"{server}{CARTER}/co-mentioned", params={"limit": 50}, headers=JSON)
    assert first.status_code == 200 and first.json()["limit"] == 50 and len(first.json()["items"]) == 50
    assert 'rel="next"' in first.headers["link"]
    beyond = httpx.get(f"{server}{CARTER}/co-mentioned", params={"cursor": _cursor_at(first.json()["next"], 500)}, headers=JSON)
    assert beyond.status_code == 404 and "67 in all" in beyond.json()["detail"]
    assert httpx.get(f"{server}/people/000000/co-mentioned", headers=JSON).status_code == 404
    assert httpx.get(f"{server}{CARTER}/co-mentioned", params={"limit": "x"}, headers=JSON).status_code == 400


def _cursor_at(url: str, offset: int) -> str:
    """The cursor of `url` moved to `offset` (a forged cursor, as a stale link would be)."""
    import base64
    import json

    cursor = re.search(r"cursor=([^&]+)", url).group(1)
    data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    return base64.urlsafe_b64encode(json.dumps({**data, "o": offset}).encode()).decode().rstrip("=")


def test_regression_the_entity_page_cut_its_co_mentions_at_20_silently(server):
    """The page listed 20 names under "Mentioned in the same documents" and stopped; it says 20 of 67, in which order,
    and links to the list of all of them, whose pages a reader can walk to the end."""
    page = httpx.get(server + CARTER, headers=HTML).text
    section = page.split('id="co-mentioned"', 1)[1].split("</ul>", 1)[0]
    assert "The 20 that share most documents with it, of 67" in section and "ties in the order of their IRIs" in section
    link = re.search(r'<a href="([^"]+)">All 67</a>', section).group(1)
    names, url = [], server + link
    while url:
        html = httpx.get(url, headers=HTML).text
        assert "67 in all" in html
        names += re.findall(r'<li><a href="[^"]+">([^<]+)</a> <span class="count">', html.split('<ol class="entities"', 1)[1])
        after = re.search(r'<a href="([^"]+)" rel="next">', html)
        url = server + after.group(1).replace("&amp;", "&") if after else None
    assert len(names) == 67 and names[0] in section


def _ingest(path: Path) -> Path:
    run = subprocess.run([str(Path(sys.executable).with_name("frus-kg")), "ingest", "--store", str(path),
                          str(Path(__file__).parents[1] / "fixtures/tei/frus1977-80v01-editorial-note.xml")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return path


@pytest.fixture(scope="module")
def frequent_server(tmp_path_factory, launch_for_module) -> str:
    """The same slice ingested by `frus-kg ingest`, its totals written again with `FREQUENT` lowered to 3 (Carter's 3
    documents make him frequent), served by `frus-kg serve`: the server reads the threshold from the totals."""
    import graph.statistics
    from graph import open_store
    from graph.statistics import refresh_statistics

    path = _ingest(tmp_path_factory.mktemp("frequent") / "store")
    patch = pytest.MonkeyPatch()
    patch.setattr(graph.statistics, "FREQUENT", 3)
    store = open_store(path)
    try:
        assert refresh_statistics(store, totals=True).totals
    finally:
        store.close()
        patch.undo()
    _, base = launch_for_module(path)
    return base


def test_regression_a_frequent_entitys_co_mention_total_was_null(frequent_server):
    """From `FREQUENT` documents on, the answer's 20 are the statistics layer's sums, and its `coMentionedTotal` was
    null and the page said no number; the total is the one the statistics layer counted when it wrote the totals, the
    same the whole list counts, and the answer says its counts are summed."""
    expected = _counted(frequent_server, CARTER)
    entity = httpx.get(frequent_server + CARTER, headers=JSON).json()
    counted = dict(expected)
    shown = [(c["entity"]["id"], c["count"]) for c in entity["coMentioned"]]
    assert entity["coMentionedSummed"] is True and all(counted[e] == n >= 2 for e, n in shown)   # one volume: exact
    assert entity["coMentionedTotal"] == len(expected) == 67
    assert entity["coMentionedNext"] == frequent_server + "/people/102251/co-mentioned?limit=20"
    assert httpx.get(entity["coMentionedNext"], headers=JSON).json()["total"] == 67
    page = httpx.get(frequent_server + CARTER, headers=HTML).text
    section = page.split('id="co-mentioned"', 1)[1].split("</ul>", 1)[0]
    assert f"The {len(shown)} that share most documents with it (summed over the volumes' lists: a close lower bound), of 67" in section
    assert re.search(r'<a href="/people/102251/co-mentioned">All 67</a>', section)


def test_an_entity_below_the_threshold_is_counted_and_says_so(server):
    entity = httpx.get(server + CARTER, headers=JSON).json()
    assert entity["coMentionedSummed"] is False and entity["coMentionedTotal"] == 67


def test_totals_written_before_they_held_co_mention_totals_are_rewritten(tmp_path):
    """A store indexed before session 55 has totals without `fk:frequentFrom`: its entity answers say null (and take
    `FREQUENT`), and the next refresh writes the totals again, counting no volume."""
    from api.resources import counts
    from graph import open_store
    from graph.statistics import TOTALS_GRAPH, refresh_statistics
    from ontology.namespaces import FK

    _ingest(tmp_path / "store")
    store = open_store(tmp_path / "store")
    try:
        assert counts.co_mention_total(store, "https://w3id.org/frus-kg/id/people/102251") == (100, None)
        store.update(f"DELETE WHERE {{ GRAPH <{TOTALS_GRAPH}> {{ <{TOTALS_GRAPH}> <{FK}frequentFrom> ?n }} }}")
        report = refresh_statistics(store)
        assert report.totals and report.volumes == 0
        assert store.query(f"ASK {{ GRAPH <{TOTALS_GRAPH}> {{ <{TOTALS_GRAPH}> <{FK}frequentFrom> 100 }} }}").boolean
    finally:
        store.close()


class _Sent:
    """A store that keeps the SPARQL of every query sent to it."""

    def __init__(self, store):
        self.store, self.queries = store, []

    def query(self, sparql: str, **options):
        self.queries.append(sparql)
        return self.store.query(sparql, **options)

    def __getattr__(self, name):
        return getattr(self.store, name)


def test_regression_every_page_of_the_co_mention_list_counted_all_the_entitys_documents_again(note_store_path):
    """Each page of `/people/{id}/co-mentioned` (and the first 20 of an entity below `FREQUENT`) sent a SPARQL
    aggregate (COUNT … GROUP BY) over every document mentioning the entity: 10 ms a page for the United States in
    frus1977-80v01 alone, growing with its documents. The pages are counted from the statistics layer's mention
    lines (graph/mention_sets.py), and are the same: the aggregate's list, paged."""
    from api.resources.co_mentions import co_mention_list, co_mentioned_first
    from api.resources.paging import Page
    from graph import open_store

    iri = "https://w3id.org/frus-kg/id" + CARTER
    store = open_store(note_store_path, read_only=True)
    try:
        query = f"""SELECT ?other (COUNT(?doc) AS ?n) WHERE {{ ?doc <http://schema.org/mentions> <{iri}> ;
          <http://schema.org/mentions> ?other FILTER (?other != <{iri}>) }} GROUP BY ?other"""
        expected = sorted(((o.value, int(n.value)) for o, n in store.query(query).rows()), key=lambda p: (-p[1], p[0]))
        sent = _Sent(store)
        pages = [co_mention_list(sent, iri, CARTER + "/co-mentioned", Page(offset=k, limit=20)) for k in (0, 20, 40, 60)]
        first = co_mentioned_first(sent, iri, CARTER + "/co-mentioned", frequent=False)
    finally:
        store.close()
    assert not [q for q in sent.queries if "COUNT(" in q.upper() or "schema:mentions" in q or "schema.org/mentions" in q]
    assert [(c["entity"]["id"], c["count"]) for page in pages for c in page["items"]] == expected
    assert {page["total"] for page in pages} == {len(expected)} == {67}
    assert first["pairs"] == expected[:20] and first["total"] == 67
