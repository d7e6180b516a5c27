"""A list filter that names an entity, a volume or a genre the store knows nothing about is a 400 naming the parameter,
with what was meant where it is near, on /documents, /claims, /search and their pages, over HTTP on the sample store
(api/resources/known_values.py)."""
from __future__ import annotations

import httpx
import pytest

from test_pages import HTML, find_all, parse, text_of

JSON = {"Accept": "application/json"}
BASE = "https://w3id.org/frus-kg/id/"


def _problem(server: str, path: str, headers=JSON) -> httpx.Response:
    return httpx.get(server + path, headers=headers, timeout=30)


@pytest.mark.parametrize("path, parameter, iri", [
    ("/claims?about=countries/ussr", "about", BASE + "countries/ussr"),
    ("/claims?about=countries/united-states&about=people/1", "about", BASE + "people/1"),
    ("/claims?claimant=people/0", "claimant", BASE + "people/0"),
    ("/claims?volume=frus1981-88v4l", "volume", BASE + "historicaldocuments/frus1981-88v4l"),
    ("/documents?volume=frus1981-88v4l", "volume", BASE + "historicaldocuments/frus1981-88v4l"),
    ("/documents?author=people/102617&recipient=people/1", "recipient", BASE + "people/1"),
    ("/documents?mentions=https://example.org/somebody", "mentions", "https://example.org/somebody"),
    ("/search?q=human&volume=frus1981-88v4l", "volume", BASE + "historicaldocuments/frus1981-88v4l"),
])
def test_regression_a_filter_naming_nothing_known_was_an_empty_list_read_as_none_found(server, path, parameter, iri):
    """`about=countries/ussr` was a 200 with no claims, which a count reads as "no claims about the Soviet Union"."""
    answer = _problem(server, path)
    assert answer.status_code == 400
    assert answer.json()["detail"].startswith(f"{parameter}: nothing is known about {iri};")


@pytest.mark.parametrize("path, meant", [("/claims?about=united-states", "countries/united-states"),
                                         ("/documents?mentions=102617", "people/102617"),
                                         ("/claims?claimant=countries/102617", "people/102617")])
def test_a_path_without_its_kind_or_with_another_is_answered_with_the_path_meant(server, path, meant):
    detail = _problem(server, path).json()["detail"]
    assert detail.endswith(f"did you mean {meant}?")
    assert httpx.get(server + path.split("=")[0] + "=" + meant, headers=JSON, timeout=30).json()["total"] > 0


def test_an_entity_given_by_its_full_iri_or_its_path_is_known_alike(server):
    by_path = httpx.get(server + "/claims", params={"about": "countries/united-states"}, headers=JSON, timeout=30).json()
    by_iri = httpx.get(server + "/claims", params={"about": BASE + "countries/united-states"}, headers=JSON,
                       timeout=30).json()
    assert by_path["total"] == by_iri["total"] > 0


def test_a_known_entity_with_nothing_in_the_filter_is_still_an_empty_200(server):
    answer = _problem(server, "/claims?about=countries/united-states&from=1900&to=1901")
    assert answer.status_code == 200 and answer.json()["total"] == 0


def test_the_page_of_the_list_says_the_same_as_the_json(server):
    page = _problem(server, "/claims?about=united-states", HTML)
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    said = " ".join(text_of(p) for p in find_all(parse(page.text), ".//h:main//h:p"))
    assert "nothing is known about https://w3id.org/frus-kg/id/united-states; did you mean countries/united-states?" in said


@pytest.mark.parametrize("given", ["http://www.wikidata.org/entity/Q30", "https://www.wikidata.org/wiki/Q30"])
def test_another_datasets_iri_is_answered_with_the_entity_linked_to_it(server, given):
    """A Wikidata IRI is held only as the object of a `skos:exactMatch`: it was "known", and the list was empty."""
    detail = _problem(server, "/claims?about=" + given).json()["detail"]
    assert detail == f"about: {given} is another dataset's IRI; frus-kg's linked to it: countries/united-states"


def test_regression_a_genre_no_document_has_was_an_empty_list_and_the_network_wanted_the_printed_case(server):
    """/documents compared genres in any case and listed nothing for a misspelt one; /network refused "memorandum"
    (printed "Memorandum"), so the two routes disagreed on the same word (graph/genres.py serves both)."""
    assert _problem(server, "/documents?genre=MEMORANDUM").json()["total"] == 1
    network = _problem(server, "/network?genre=memorandum").json()["data"]
    assert network["filters"]["genres"] == ["Memorandum"]
    assert _problem(server, "/network?genre=memorandum").json()["elements"]["nodes"]
    for path in ("/documents?genre=Memorandom", "/network?genre=Memorandom"):
        answer = _problem(server, path)
        assert answer.status_code == 400 and "no document of the genre 'Memorandom' in this store" in answer.json()["detail"]
        assert "did you mean 'Memorandum'?" in answer.json()["detail"]
    assert _problem(server, "/documents?genre=Telegram").json()["detail"].startswith("genre: no document of the genre")
