"""An entity's co-mentions: the entity answer and page show the first 20 and say how many there are in all, and the
whole list (`/people/{id}/co-mentioned`) goes on from there, paged as every list, in one order: most shared documents
first, ties by IRI (docs/http.md, docs/pages.md)."""
from __future__ import annotations

import re

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


def test_a_frequent_entitys_answer_says_its_co_mentions_are_summed_and_links_to_the_whole_list(note_store_path, monkeypatch):
    """From `FREQUENT` documents on, the first 20 are the statistics layer's sums and the total is not counted: the
    answer says None rather than a number it does not know, and links to the first page of the whole list."""
    from api.resources import counts
    from api.resources.entities import entity_detail
    from graph import open_store

    monkeypatch.setattr(counts, "FREQUENT", 3)          # Carter's 3 documents make him frequent here
    store = open_store(note_store_path, read_only=True)
    try:
        entity = entity_detail(store, "people", "102251")
    finally:
        store.close()
    assert entity["coMentionedTotal"] is None
    assert entity["coMentionedNext"] == "/people/102251/co-mentioned?limit=20"
