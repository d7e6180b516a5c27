"""The network page over plain HTTP: browsers get the page at /network, scripts keep the JSON, the filter form
works without JavaScript, entity pages link to their ego network, and the vendored sigma.js is what its README says."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

import test_pages
from test_pages import HTML, find_all, parse, text_of

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "api" / "static" / "vendor"
HAIG = "https://w3id.org/frus-kg/id/people/105381"


@pytest.fixture(scope="module")
def client(sample_store_path):
    from api import create_app
    from graph import open_store

    return TestClient(create_app(open_store(sample_store_path, read_only=True)))


def page(client, path: str, status: int = 200):
    response = client.get(path, headers=HTML)
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    return response


def settings(response) -> dict:
    """The settings the page's script reads."""
    return json.loads(re.search(r'<script type="application/json" id="network-settings">(.*?)</script>',
                                response.text, re.S).group(1))


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_browsers_get_the_page_and_scripts_the_json_at_the_same_url(client):
    html = page(client, "/network")
    assert "Accept" in html.headers["vary"] and "default-src 'self'" in html.headers["content-security-policy"]
    data = client.get("/network", headers={"Accept": "*/*"})
    assert data.headers["content-type"] == "application/json" and "Accept" in data.headers["vary"]
    assert "elements" in data.json()
    assert client.get("/network", params={"format": "cytoscape"}, headers=HTML).json()["elements"]
    assert page(client, "/network?format=html").text == html.text


def test_the_page_loads_the_cytoscape_json_of_its_filters_and_lists_the_passages_of_the_same_network(client):
    html = page(client, "/network?kind=correspondence&window=paragraph&from=1981&volume=frus1981-88v41&min_weight=1")
    found = settings(html)
    assert query(found["dataUrl"]) == {"kind": ["correspondence"], "window": ["paragraph"], "weight": ["documents"],
                                       "from": ["1981"], "volume": ["frus1981-88v41"], "min_weight": ["1"],
                                       "format": ["cytoscape"], "evidence": ["1"], "pages": ["false"]}
    assert query(found["edgeUrl"]) == {"kind": ["correspondence"], "window": ["paragraph"], "weight": ["documents"],
                                       "from": ["1981"], "volume": ["frus1981-88v41"], "limit": ["100"]}
    data = client.get(found["dataUrl"]).json()
    assert len(data["elements"]["edges"]) == 2
    edge = data["elements"]["edges"][0]["data"]
    passages = client.get(found["edgeUrl"], params={"source": edge["source"], "target": edge["target"]})
    assert passages.status_code == 200 and passages.json()["evidence"]


def test_the_pages_script_asks_the_network_only_for_parameters_it_reads(client):
    """/network and /network/edge refuse a parameter they do not read; the page reads its own (`entity`, `size`,
    `colour`) and ignores what a link adds, and its script's requests name only what the routes read."""
    html = page(client, "/network?kind=person-person&entity=" + HAIG + "&size=degree&colour=kind&utm_source=mail")
    found = settings(html)
    data = client.get(found["dataUrl"], headers={"Accept": "application/json"})
    assert data.status_code == 200, data.text[:300]
    edge = data.json()["elements"]["edges"][0]["data"]
    passages = client.get(found["edgeUrl"], params={"source": edge["source"], "target": edge["target"]},
                          headers={"Accept": "application/json"})
    assert passages.status_code == 200, passages.text[:300]
    for name, link in html_exports(html):
        assert client.get(link).status_code == 200, name


def html_exports(html) -> list[tuple[str, str]]:
    tree = parse(html.text)
    return [(text_of(a), a.get("href")) for a in find_all(tree, ".//h:section[@aria-labelledby='exports-heading']//h:a")]


def test_the_filter_form_shows_the_selection_and_offers_its_exports(client):
    tree = parse(page(client, "/network?kind=correspondence&window=paragraph&from=1981&volume=frus1981-88v41").text)
    form = find_all(tree, ".//h:form[@id='network-filters']")[0]
    assert form.get("action") == "/network" and form.get("method") == "get"
    chosen = {s.get("name"): text_of(o) for s in find_all(form, ".//h:select")
              for o in find_all(s, "h:option") if o.get("selected") is not None}
    assert chosen == {"kind": "Who wrote to whom", "window": "paragraph", "weight": "documents",
                      "volume": "frus1981-88v41"}
    assert find_all(form, ".//h:input[@name='from']")[0].get("value") == "1981"
    exports = {text_of(a): a.get("href") for a in find_all(tree, ".//h:section[@aria-labelledby='exports-heading']//h:a")}
    assert set(exports) == {"GEXF (Gephi)", "GraphML", "Cytoscape.js JSON", "node-link JSON", "CSV nodes", "CSV edges"}
    assert query(exports["GEXF (Gephi)"])["format"] == ["gexf"] and query(exports["CSV edges"])["from"] == ["1981"]


def test_the_form_says_how_an_undated_editorial_note_counts_in_a_date_range(client):
    """The dates of the form keep dated documents, and an undated editorial note by the time it tells of: said
    beside the fields, as it was nowhere on the page."""
    tree = parse(page(client, "/network?from=1979&to=1979").text)
    (hint,) = find_all(tree, ".//h:p[@id='dates-hint']")
    assert "undated editorial note counts when the whole time it tells of lies within" in text_of(hint)


def test_empty_form_fields_are_no_filter(client):
    found = settings(page(client, "/network?kind=correspondence&from=&to=&volume=&size=degree&colour=kind"))
    assert "from" not in query(found["dataUrl"]) and "volume" not in query(found["dataUrl"])
    assert (found["size"], found["colour"]) == ("degree", "kind")
    assert settings(page(client, "/network?size=nonsense"))["size"] == "pagerank"


def test_a_selection_the_network_cannot_honour_is_said_on_the_page_with_the_form_kept(client):
    html = page(client, "/network?kind=correspondence&from=1981-13", status=400)
    tree = parse(html.text)
    (alert,) = [p for p in find_all(tree, ".//h:p") if p.get("role") == "alert"]
    assert "1981-13" in text_of(alert)
    assert settings(html)["dataUrl"] is None and find_all(tree, ".//h:form[@id='network-filters']")
    assert page(client, "/network?ego=not%20an%20iri", status=400)


def test_regression_a_browsers_empty_or_malformed_min_weight_got_fastapis_json_422(client):
    """`/network?min_weight=` typed in the address bar answered a JSON 422 instead of the page that keeps the form."""
    assert settings(page(client, "/network?kind=correspondence&min_weight="))["dataUrl"]     # empty: the default
    html = page(client, "/network?kind=correspondence&min_weight=heavy", status=400)
    (alert,) = [p for p in find_all(parse(html.text), ".//h:p") if p.get("role") == "alert"]
    assert "min_weight: a number" in text_of(alert) and "heavy" in text_of(alert)
    for bad in ("heavy", "-1", "nan", "inf"):
        assert client.get("/network", params={"min_weight": bad, "format": "node-link"}).status_code == 400


def test_an_entity_pages_link_opens_the_network_centred_on_it(client):
    person = parse(page(client, "/people/105381").text)
    (link,) = [a.get("href") for a in find_all(person, ".//h:a") if text_of(a) == "See the network"]
    html = page(client, link)
    assert query(settings(html)["dataUrl"])["ego"] == [HAIG]
    assert query(settings(html)["dataUrl"])["kind"] == ["person-person"]
    assert "Centred on Alexander Meigs Haig, Jr." in text_of(parse(html.text).find(".//{*}main"))
    country = settings(page(client, "/network?entity=https://w3id.org/frus-kg/id/countries/el-salvador"))
    assert query(country["dataUrl"])["kind"] == ["country-country"]
    ego = client.get(settings(html)["dataUrl"]).json()
    assert HAIG in {n["data"]["id"] for n in ego["elements"]["nodes"]}


def test_every_network_kind_has_a_name_on_the_page():
    from api.network_page import KIND_NAMES
    from graph.networks import PROJECTIONS

    assert set(KIND_NAMES) == set(PROJECTIONS)


def test_the_page_is_valid_html_with_landmarks_and_labelled_controls(server):
    test_pages.test_pages_are_valid_html_with_landmarks_labels_and_a_language(server, "/network")
    tree = parse(test_pages.get(server, "/network").text)
    drawing = find_all(tree, ".//h:div[@id='network']")[0]
    assert drawing.get("role") == "img" and drawing.get("aria-label")
    assert find_all(tree, ".//h:p[@id='network-status']")[0].get("role") == "status"
    headings = [h.get("id") for h in find_all(tree, ".//h:h2")]
    assert {"filters-heading", "details-heading", "ties-heading", "exports-heading"} <= set(headings)
    scripts = [s.get("src") for s in find_all(tree, ".//h:script") if s.get("src")]
    assert scripts and all(src.startswith("/static/") for src in scripts)


def test_the_vendored_sigma_files_are_the_ones_the_readme_records():
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## `sigma/`"):]
    recorded = dict(re.findall(r"^\| `([^`]+\.js)` \| [\d,]+ \| `([0-9a-f]{64})` \|", section, re.M))
    scripts = sorted(p.name for p in (VENDOR / "sigma").glob("*.js"))
    assert sorted(recorded) == scripts == ["graphology-layout-forceatlas2.min.js", "graphology.umd.min.js", "sigma.min.js"]
    for name, digest in recorded.items():
        assert hashlib.sha256((VENDOR / "sigma" / name).read_bytes()).hexdigest() == digest, name
    licences = {p.name for p in (VENDOR / "sigma").glob("LICENSE*")}
    assert licences == {"LICENSE-sigma.txt", "LICENSE-graphology.txt", "LICENSE-graphology-layout-forceatlas2.txt",
                        "LICENSE-graphology-utils.txt", "LICENSE-events.txt"}


def test_regression_a_network_page_of_an_unknown_kind_was_titled_network_network(server):
    """/network?kind=bad (a 400 page keeping the form) was titled 'Network · network · frus-kg'."""
    for path, title in (("/network?kind=bad", "Error: Network · frus-kg"),
                        ("/network?kind=person-country", "People and countries · network · frus-kg")):
        answer = httpx.get(server + path, headers=HTML, timeout=60)
        assert text_of(find_all(parse(answer.text), ".//h:title")[0]) == title


def test_regression_the_letters_and_claims_networks_called_their_ties_co_mentions(server):
    """Every network page said "A co-mention is a lead, not a relationship", also "Who wrote to whom", whose ties are
    documents' headings naming an author and a recipient, and "Who made claims about what", whose ties are claims.
    Each kind says what its ties are."""
    import httpx

    def lede(kind: str) -> str:
        r = httpx.get(server + "/network", params={"kind": kind}, headers=HTML, timeout=60)
        assert r.status_code == 200, r.text[:300]
        return re.search(r'<p class="lede">(.*?)</p>', r.text, re.S).group(1)

    assert "co-mention is a lead" in lede("person-person") and "co-mention is a lead" in lede("country-country")
    letters, claims = lede("correspondence"), lede("claimant-entity")
    assert "co-mention" not in letters and "heading names one as its author and the other as its recipient" in letters
    assert "co-mention" not in claims and "a claim our reading attributes to one" in claims
