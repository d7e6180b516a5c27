"""A page past a list's end (a page number or a cursor beyond the last: forged, or left from before a removal) is a
404 page that says how far the list goes and links to its last and first pages, over HTTP on the sample store."""
from __future__ import annotations

import base64
import json

import httpx
import pytest

from api.resources.paging import encode_cursor, fingerprint
from test_pages import HTML, find_all, get, parse, text_of


def _search_cursor(given: dict) -> str:
    """A keyset cursor after every hit (a score no hit has)."""
    raw = json.dumps({"s": 1e9, "i": 1, "f": fingerprint(given)}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


PAST = {"the volume's documents": ("/volumes/frus1981-88v41?documents=2", "There is no page 2 of this volume's documents: 1 in all, on 1 page."),
        "the claims": (f"/claims?cursor={encode_cursor(1_000_000, {})}", "There is no page 50,001 of these claims: 57 in all, on 3 pages."),
        "the claims of a filter": (f"/claims?type=assessment&limit=5&cursor={encode_cursor(500, {'type': 'assessment'})}",
                                   "There is no page 101 of these claims:"),
        "the people": (f"/people?limit=2&cursor={encode_cursor(4, {})}", "There is no page 3 of these people: 4 in all, on 2 pages."),
        "the search": (f"/search?q=human&cursor={_search_cursor({'q': 'human'})}",
                       "There are no more results for this search past this point:")}


@pytest.mark.parametrize("path, said", PAST.values(), ids=PAST)
def test_regression_a_page_past_the_end_was_an_empty_list_with_no_message(server, path, said):
    """/volumes/frus1981-88v41?documents=2 showed an empty table and a 'Previous' link, and a forged cursor on /claims
    'page 50001 of 3' over 'Nothing matches these filters'."""
    answer = httpx.get(server + path, headers=HTML, timeout=30)
    assert answer.status_code == 404 and answer.headers["content-type"].startswith("text/html")
    tree = parse(answer.text)
    assert tree.get("lang") == "en" and text_of(find_all(tree, ".//h:title")[0]) == "Not found · frus-kg"
    assert text_of(find_all(tree, ".//h:main//h:p")[0]).startswith(said)
    links = {text_of(a): a.get("href") for a in find_all(tree, ".//h:main//h:li/h:a")}
    assert "The first page" in links
    for text, href in links.items():
        page = parse(get(server, href).text)
        assert find_all(page, ".//h:main//h:li") or find_all(page, ".//h:main//h:tbody/h:tr"), (text, href)


def test_the_last_page_of_a_list_is_no_404(server):
    last = get(server, f"/people?limit=2&cursor={encode_cursor(2, {})}")
    assert len(find_all(parse(last.text), ".//h:ol[@class='entities']/h:li")) == 2


_PAST_FOR_SCRIPTS = {
    "people": (f"/people?limit=2&cursor={encode_cursor(4, {})}", "cursor: there is no page 3 of these people: 4 in all, on 2 pages"),
    "countries": (f"/countries?cursor={encode_cursor(100, {})}", "cursor: there is no page 6 of these countries:"),
    "organizations": (f"/organizations?cursor={encode_cursor(100, {})}", "cursor: there is no page 6 of these organizations:"),
    "regions": (f"/regions?cursor={encode_cursor(100, {})}", "cursor: there is no page 6 of these regions:"),
    "documents": (f"/documents?cursor={encode_cursor(20, {})}", "cursor: there is no page 2 of these documents: 1 in all, on 1 page"),
    "the volume's documents": (f"/documents?volume=frus1981-88v41&cursor={encode_cursor(20, {'volume': 'frus1981-88v41'})}",
                               "cursor: there is no page 2 of these documents: 1 in all, on 1 page"),
    "claims": (f"/claims?limit=5&cursor={encode_cursor(1_000_000, {})}", "cursor: there is no page 200,001 of these claims: 57 in all, on 12 pages"),
    "search": (f"/search?q=human&cursor={_search_cursor({'q': 'human'})}",
               "cursor: there are no more results for this search past this point:"),
}


@pytest.mark.parametrize("path, said", _PAST_FOR_SCRIPTS.values(), ids=_PAST_FOR_SCRIPTS)
@pytest.mark.parametrize("accept", ["application/json", "application/ld+json", "*/*"])
def test_regression_a_json_list_past_the_end_was_a_200_with_no_items(server, path, said, accept):
    """/people?cursor=… past the last person answered 200 `{"total": 4, "items": []}`, as if the list were empty,
    while the page said how far it goes: a script gets the page's 404 as problem details, with its first and last
    pages to go to (a search's last page is `null`: its cursor is the hit before it, known only by reading there)."""
    answer = httpx.get(server + path, headers={"Accept": accept}, timeout=30)
    assert answer.status_code == 404 and answer.headers["content-type"] == "application/problem+json"
    body = answer.json()
    assert body["detail"].startswith(said) and body["parameter"] == "cursor"
    for end in ("first", "last"):
        if body[end] is not None:
            page = httpx.get(body[end], headers={"Accept": "application/json"}, timeout=30)
            assert page.status_code == 200 and page.json()["items"], (end, body[end])
    assert (body["last"] is None) == (body["pages"] == 1 or path.startswith("/search"))


def test_a_script_is_told_what_the_page_tells_a_reader(server):
    """One account of how far a list goes serves both (api/resources/list_end.py)."""
    path = f"/claims?type=assessment&limit=5&cursor={encode_cursor(500, {'type': 'assessment'})}"
    page = parse(httpx.get(server + path, headers=HTML, timeout=30).text)
    problem = httpx.get(server + path, headers={"Accept": "application/json"}, timeout=30).json()
    said = text_of(find_all(page, ".//h:main//h:p")[0]).rstrip(".")
    assert problem["detail"] == "cursor: " + said[:1].lower() + said[1:]


@pytest.mark.parametrize("path", ["/people?name=zzzzz", "/claims?volume=frus1981-88v41&from=1900&to=1901", "/search?q=zzzzzqx"])
def test_a_list_empty_at_its_first_page_is_a_200(server, path):
    answer = httpx.get(server + path, headers={"Accept": "application/json"}, timeout=30)
    assert answer.status_code == 200 and answer.json()["items"] == [] and answer.json()["total"] == 0
