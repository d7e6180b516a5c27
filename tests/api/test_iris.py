"""Every IRI we mint resolves under /id/ by content negotiation, and the vocabulary at /vocab."""
from __future__ import annotations

import html
import re

import httpx
import pytest
import rdflib
import rdflib.compare

from ontology.namespaces import BASE, FK, OA, PROV, SCHEMA
from tests.api.conftest import declared_prefixes_unused

D54 = "historicaldocuments/frus1981-88v41/d54"
MINTED = [
    "historicaldocuments/frus1981-88v41", D54, f"{D54}/claims/9", f"{D54}/mentions/1", f"{D54}/notes/1",
    f"{D54}/pages/168", f"{D54}/roles/author-1", f"{D54}/place", "people/102617", "countries/el-salvador",
    "organizations/un", "regions/europe", "positions/deputy-secretary", "countries/united-states/years/1981",
    "graph/authority/people", f"{D54}/names/hippocratic",
]
RDF_FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
               "application/rdf+xml": "xml"}


def fetch(server, path, accept="*/*", **params):
    return httpx.get(f"{server}/id/{path}", headers={"accept": accept}, params=params, follow_redirects=False)


def graph(response, fmt="turtle") -> rdflib.Graph:
    assert response.status_code == 200, response.text[:300]
    return rdflib.Graph().parse(data=response.text, format=fmt)


@pytest.mark.parametrize("path", ["people/102617", D54, f"{D54}/claims/9", f"{D54}/names/hippocratic"])
def test_regression_turtle_writes_our_iris_in_full_not_as_prefixed_names_with_escaped_slashes(server, path):
    # Served as "fkid:people\/102617" until session 13: valid Turtle 1.1, but unreadable and refused by older parsers.
    text = fetch(server, path, accept="text/turtle").text
    assert "\\/" not in text and "fkid:" not in text
    assert f"<{BASE}{path}>" in text


def test_the_page_of_an_unlinked_name_leads_to_the_claims_about_it_with_their_passages(server):
    page = fetch(server, f"{D54}/names/hippocratic", accept="text/html")
    assert page.status_code == 200 and "<h1>Hippocratic</h1>" in page.text
    link = re.search(r'<a href="(/claims\?about=[^"]+)">Claims about it</a>', page.text)
    assert link and "Claims by it" not in page.text          # an unlinked name is never a claimant
    claims = httpx.get(server + html.unescape(link.group(1)), headers={"accept": "application/json"}).json()
    assert claims["total"] == 1 and "Hippocratic oath" in claims["items"][0]["text"]


@pytest.mark.parametrize("path", MINTED)
def test_every_kind_of_minted_iri_resolves_to_triples_about_it(server, path):
    response = fetch(server, path)
    assert response.headers["content-type"].startswith("text/turtle")
    assert "Accept" in response.headers["vary"].replace(" ", "").split(",")
    g = graph(response)
    iri = rdflib.URIRef(BASE + path)
    assert (iri, None, None) in g or (None, None, iri) in g


@pytest.mark.parametrize("media, fmt", sorted(RDF_FORMATS.items()))
def test_the_formats_carry_the_same_triples(server, media, fmt):
    turtle = graph(fetch(server, f"{D54}/claims/9"))
    other = fetch(server, f"{D54}/claims/9", accept=media)
    assert other.headers["content-type"].startswith(media)
    assert rdflib.compare.isomorphic(graph(other, fmt), turtle)


def test_a_claim_comes_with_its_target_and_selectors(server):
    g = graph(fetch(server, f"{D54}/claims/9"))
    claim, u = rdflib.URIRef(BASE + f"{D54}/claims/9"), rdflib.URIRef
    assert (claim, u(PROV + "wasAttributedTo"), u(BASE + "people/104215")) in g
    assert (claim, u(FK + "claimType"), u(FK + "Quotation")) in g
    assert int(g.value(u(BASE + f"{D54}/claims/9/position"), u(OA + "start"))) == 1239
    assert not any(str(s).startswith(BASE + f"{D54}/claims/10") for s in g.subjects())


def test_a_document_is_its_whole_graph_without_ingest_bookkeeping(server):
    g = graph(fetch(server, D54))
    doc, u = rdflib.URIRef(BASE + D54), rdflib.URIRef
    assert str(g.value(doc, u(SCHEMA + "genre"))) == "Memorandum"
    assert (u(BASE + f"{D54}/mentions/1"), u(OA + "hasBody"), u(BASE + "people/102617")) in g
    assert not list(g.triples((doc, u(FK + "sourceDigest"), None)))


def test_a_person_comes_with_the_tenures_of_their_offices(server):
    g = graph(fetch(server, "people/102617"))
    u = rdflib.URIRef
    assert (u(BASE + "people/102617"), u(SCHEMA + "alternateName"), rdflib.Literal("Clark, William Patrick")) in g
    tenures = set(g.objects(u(BASE + "people/102617"), u(SCHEMA + "memberOf")))
    assert "Deputy Secretary of State" in {str(g.value(t, u(SCHEMA + "roleName"))) for t in tenures}


def test_regression_an_iri_with_a_trailing_slash_was_a_404_where_every_other_route_drops_the_slash(server):
    response = fetch(server, "people/102617/", format="ttl")
    assert response.status_code == 307 and response.headers["location"] == "/id/people/102617?format=ttl"
    assert fetch(server, "people/102617", format="ttl").status_code == 200


def test_browsers_are_sent_to_the_page_of_a_document_or_entity(server):
    for path, page in ((D54, "/documents/frus1981-88v41/d54"), ("people/102617", "/people/102617"),
                       ("historicaldocuments/frus1981-88v41", "/volumes/frus1981-88v41")):
        response = fetch(server, path, accept="text/html,application/xhtml+xml,*/*;q=0.8")
        assert response.status_code == 303 and response.headers["location"] == page


def test_regression_a_browser_opening_a_claim_iri_got_a_bare_triple_table_not_the_claim_in_its_passage(server):
    """A new user's walkthrough: …/d54/claims/9 in a browser showed an unstyled table of triples. A browser is sent
    (303) to the claim's passage in its document's page; data clients still get the claim at its IRI (200)."""
    claim = f"{D54}/claims/9"
    for page in (fetch(server, claim, accept="text/html,application/xhtml+xml,*/*;q=0.8"),
                 fetch(server, claim, format="html")):
        assert page.status_code == 303 and page.headers["location"] == "/documents/frus1981-88v41/d54#claim-9"
        assert "Accept" in page.headers["vary"]
    passage = httpx.get(server + "/documents/frus1981-88v41/d54", headers={"accept": "text/html"}).text
    assert re.search(r'<span class="claim" id="claim-9" data-claim="claim-9"', passage)
    for accept, fmt in (("text/turtle", "turtle"), ("*/*", "turtle"), ("application/ld+json", "json-ld")):
        data = fetch(server, claim, accept=accept)
        assert data.status_code == 200 and (rdflib.URIRef(BASE + claim), None, None) in graph(data, fmt)
    assert fetch(server, f"{D54}/claims/99999", accept="text/html").status_code == 404
    assert fetch(server, f"{claim}/position", accept="text/html").status_code == 200    # a claim's part: no passage id


def test_browsers_get_a_minimal_page_for_other_iris(server):
    response = fetch(server, f"{D54}/mentions/1", accept="text/html")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert BASE + f"{D54}/mentions/1" in response.text and 'href="/people/102617"' in response.text


def test_regression_the_page_of_other_iris_was_a_bare_table_with_an_empty_first_column(server):
    """A mention's page had no site header or stylesheet, and a subject column left empty on each of the mention's
    own rows. It is a page of the site; the mention's statements are (predicate, value) rows, and each node minted
    under it (target, selectors) has its own heading and rows."""
    page = fetch(server, f"{D54}/mentions/1", accept="text/html")
    assert page.status_code == 200 and "Accept" in page.headers["vary"]
    assert '<link rel="stylesheet" href="/static/site.css">' in page.text and '<header class="site">' in page.text
    rows = re.findall(r"<tr>(.*?)</tr>", page.text, re.S)
    assert rows and all(re.fullmatch(r'<th scope="row">.+</th><td>.+</td>', row.strip()) for row in rows), rows
    parts = re.findall(r'<h2><a href="/id/historicaldocuments/frus1981-88v41/d54/mentions/1/(\w+)">\1</a></h2>', page.text)
    assert sorted(parts) == ["position", "quote", "target"]
    vocab = httpx.get(server + "/vocab", headers={"accept": "text/html"}).text
    assert '<header class="site">' in vocab and re.search(r"<h2><a href=\"[^\"]+#Claim\">fk:Claim</a></h2>", vocab)


def test_the_format_parameter_overrides_accept(server):
    response = fetch(server, "people/102617", accept="text/html", format="nt")
    assert response.headers["content-type"].startswith("application/n-triples")
    assert fetch(server, "people/102617", format="pdf").status_code == 400


def test_unknown_iris_and_unacceptable_formats(server):
    assert fetch(server, "people/999999999").status_code == 404
    assert fetch(server, f"{D54}/claims/99999").status_code == 404
    assert fetch(server, "people/102617", accept="image/png").status_code == 406
    for hostile in ('people/"> } ; DROP ALL', "people/x%00", "people/a b", "{", "x" * 5000):
        assert fetch(server, hostile).status_code == 404


def test_the_vocabulary_resolves_at_its_namespace(server):
    turtle = httpx.get(server + "/vocab")
    assert turtle.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=turtle.text, format="turtle")
    assert (rdflib.URIRef(FK + "Claim"), rdflib.RDF.type, rdflib.OWL.Class) in g
    ld = httpx.get(server + "/vocab", headers={"accept": "application/ld+json"})
    assert rdflib.compare.isomorphic(rdflib.Graph().parse(data=ld.text, format="json-ld"), g)
    page = httpx.get(server + "/vocab", headers={"accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html") and "fk:Claim" in page.text


def test_head_answers_as_get_does_without_a_body(server):
    for path in ("/id/people/102617", "/vocab"):
        response = httpx.head(server + path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
        assert not response.content
    assert httpx.head(server + "/id/people/999999999").status_code == 404


@pytest.mark.parametrize("path", ["/", "/documents", "/people/102617", "/context.jsonld", "/.well-known/void",
                                  "/sparql?query=ASK%7B%7D", "/people", "/search?q=Clark"])
def test_regression_head_was_a_405_on_every_route_but_the_iris(server, path):
    """RFC 9110 §9.3.2: a server that answers GET answers HEAD, with GET's headers and no body."""
    got, head = httpx.get(server + path), httpx.head(server + path)
    assert head.status_code == got.status_code == 200 and not head.content
    assert head.headers["content-type"] == got.headers["content-type"]
    if "content-length" in got.headers:
        assert head.headers["content-length"] == got.headers["content-length"]


@pytest.mark.parametrize("predicate", ["byInMonth", "aboutInMonth", "typeInMonth", "aboutInYear"])
def test_regression_the_month_keys_a_claim_links_to_were_404(server, predicate):
    """A claim's /id/ description links its month and type-month keys; following them gave 404 (only year keys
    were described): a key is described by the nodes that point to it."""
    q = f"SELECT ?c ?k WHERE {{ ?c <https://w3id.org/frus-kg/vocab#{predicate}> ?k }} LIMIT 1"
    row = httpx.get(server + "/sparql", params={"query": q}).json()["results"]["bindings"][0]
    key, claim = row["k"]["value"], row["c"]["value"]
    r = httpx.get(server + "/id/" + key.split("/id/", 1)[1], headers={"accept": "application/n-triples"})
    assert r.status_code == 200 and f"<{claim}>" in r.text and f"<{key}>" in r.text


@pytest.mark.parametrize("path", ["/id/people/102617", "/vocab"])
def test_regression_an_iri_answered_a_parameter_it_does_not_read_as_if_it_were_not_there(server, path):
    """`?fromat=nt` (a slip for `format`) got Turtle; it is a 400 that names it. `format` is read, and the page a
    browser gets ignores what links add (`utm_source`)."""
    r = httpx.get(server + path, params={"fromat": "nt"})
    assert r.status_code == 400 and "fromat: unknown parameter" in r.text and "accepts: format" in r.text
    assert httpx.get(server + path, params={"format": "nt"}).headers["content-type"].startswith("application/n-triples")
    for page in ({"format": "html", "utm_source": "mail"}, {"utm_source": "mail"}):
        assert httpx.get(server + path, params=page, headers={"accept": "text/html"}).status_code in (200, 303)
    assert httpx.get(server + path, params={"format": "html", "utm_source": "mail"}).status_code in (200, 303)


@pytest.mark.parametrize("path", ["/id/people/102617", f"/id/{D54}", f"/id/{D54}/claims/9", "/vocab", "/.well-known/void"])
def test_regression_the_iris_answered_406_to_json_and_plain_text_that_sparql_and_linksets_answer(server, path):
    """`Accept: application/json` (requests, fetch) and `text/plain` were a 406 at the IRIs, the vocabulary and the VoID
    description, while /sparql, the Graph Store and /linksets answer them JSON-LD and N-Triples, labelled as asked."""
    def get(accept):
        r = httpx.get(server + path, headers={"accept": accept}, timeout=30)
        assert r.status_code == 200, (accept, r.status_code, r.text[:200])
        return r

    turtle = rdflib.Graph().parse(data=get("text/turtle").text, format="turtle")
    as_json = get("application/json")
    assert as_json.headers["content-type"].split(";")[0] == "application/json" and "Accept" in as_json.headers["vary"]
    assert rdflib.compare.isomorphic(rdflib.Graph().parse(data=as_json.text, format="json-ld"), turtle)
    plain = get("text/plain")
    assert plain.headers["content-type"].startswith("text/plain")
    assert rdflib.compare.isomorphic(rdflib.Graph().parse(data=plain.text, format="nt"), turtle)
    assert get("*/*").headers["content-type"].startswith("text/turtle")


@pytest.mark.parametrize("path, back", [(f"{D54}/mentions/1", f"/documents/{D54[20:]}"),
                                        (f"{D54}/names/hippocratic", f"/documents/{D54[20:]}"),
                                        (f"{D54}/pages/168", f"/documents/{D54[20:]}")])
def test_regression_the_page_of_a_node_inside_a_document_did_not_lead_back_to_it(server, path, back):
    """A mention's, a page's or a document-local name's page showed its statements and nothing to follow back to
    the document that holds it (its IRI says which): a reader who arrived from a link was at a dead end."""
    page = fetch(server, path, accept="text/html")
    assert f'<p>In <a href="{back}">document 54 of frus1981-88v41</a></p>' in page.text
    assert "<p>In <a" not in fetch(server, "positions/deputy-secretary", accept="text/html").text


@pytest.mark.parametrize("path", MINTED)
def test_regression_turtle_declared_every_prefix_of_the_table_whatever_it_used(server, path):
    """Each answer declared the ten prefixes of the table (`owl:`, `wd:`, `skos:`, … atop a claim that uses none of
    them): it declares those its statements write, and `rdf:` and `xsd:` only where `a` and bare numbers do not do."""
    response = fetch(server, path, accept="text/turtle")
    declared, unused = declared_prefixes_unused(response.text)
    assert not unused, (declared, unused)
    assert rdflib.compare.isomorphic(graph(response), graph(fetch(server, path, accept="application/n-triples"), "nt"))


@pytest.mark.parametrize("path", ["/id/people/102617", f"/id/{D54}", f"/id/{D54}/claims/9", "/vocab"])
def test_regression_the_iris_answered_406_to_n3(server, path):
    """`Accept: text/n3` (cwm, EYE, rdflib's n3 format) was a 406, though every Turtle document is N3: it gets the
    Turtle, labelled text/n3; `format=n3` the same. `*/*` and `text/*` still get text/turtle."""
    def get(accept, **params):
        r = httpx.get(server + path, headers={"accept": accept}, params=params, timeout=30)
        assert r.status_code == 200, (accept, r.status_code, r.text[:200])
        return r

    turtle = get("text/turtle")
    for n3 in (get("text/n3"), get("text/html;q=0.1, text/n3"), get("*/*", format="n3")):
        assert n3.headers["content-type"] == "text/n3; charset=utf-8" and "Accept" in n3.headers["vary"]
        assert n3.content == turtle.content
        assert rdflib.compare.isomorphic(rdflib.Graph().parse(data=n3.text, format="n3"),
                                         rdflib.Graph().parse(data=turtle.text, format="turtle"))
    assert get("text/*").headers["content-type"].startswith("text/turtle")
