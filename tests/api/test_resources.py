"""The REST resources, over a real uvicorn serving the sample memo (FRUS 1981–88 vol. XLI, doc. 54)."""
from __future__ import annotations

import json
import re

import httpx
import pytest
import rdflib

from ontology.namespaces import BASE, FK, PROV, SCHEMA

D54 = BASE + "historicaldocuments/frus1981-88v41/d54"
CLARK, KENNEDY, HAIG, FENWICK = (BASE + f"people/{n}" for n in ("102617", "107031", "105381", "104215"))
FENWICK_QUOTE = ("Americans don't fight and die for a second car or fancy refrigerator. "
                 "They will fight for ideas, for the idea of freedom.")
NINE_COUNTRIES = {"Afghanistan", "Argentina", "Cambodia", "El Salvador", "Japan", "Pakistan", "Poland",
                  "Soviet Union", "United States"}


def get(server, path, **params):
    response = httpx.get(server + path, params=params, timeout=30)
    assert response.status_code == 200, (path, params, response.text[:300])
    return response.json()


def ids(listing):
    return [item["id"] for item in listing["items"]]


@pytest.fixture(scope="module")
def d54(server):
    return get(server, "/documents/frus1981-88v41/d54")


# -- the sample memo ------------------------------------------------------------------------------

def test_the_memo_names_its_authors_and_recipient_with_the_offices_they_held(d54):
    authors = {a["person"]["name"]: a["roleName"] for a in d54["authors"]}
    assert authors == {"William Patrick Clark": "Deputy Secretary of State",
                       "Richard Thomas Kennedy": "Under Secretary of State for Management"}
    assert [(r["person"]["id"], r["roleName"]) for r in d54["recipients"]] == [(HAIG, "Secretary of State")]
    assert d54["authors"][0]["person"]["href"] == "/people/102617"


def test_the_memo_has_its_metadata_source_note_footnotes_and_pages(d54):
    assert (d54["date"], d54["genre"], d54["classification"], d54["fileNumber"]) == \
        ("1981-10-26", "Memorandum", "Confidential", "P820048-0941")
    assert d54["volume"]["volumeId"] == "frus1981-88v41" and d54["place"]["name"] == "Washington"
    assert d54["sourceNote"]["text"].startswith("1. Source: Department of State")
    assert [n["noteNumber"] for n in d54["footnotes"]] == ["1", "2", "3"]
    assert [p["page"] for p in d54["pages"]] == [167, 168, 169, 170]
    note = d54["footnotes"][1]
    assert d54["text"][note["start"]:note["end"]] == note["text"]


def test_the_fenwick_quotation_is_a_claim_at_its_offsets(d54):
    [quote] = [c for c in d54["claims"] if c["claimType"] == "Quotation" and c["text"] == FENWICK_QUOTE]
    assert [who["id"] for who in quote["claimants"]] == [FENWICK]
    assert quote["claimants"][0]["name"] == "Millicent H. Fenwick"
    assert d54["text"][quote["start"]:quote["end"]] == FENWICK_QUOTE
    assert quote["page"] == 167 and quote["document"]["id"] == D54


def test_the_memo_mentions_nine_countries(d54):
    countries = {e["name"] for e in d54["entities"] if e["kind"] == "countries"}
    assert countries == NINE_COUNTRIES


def test_every_mention_quotes_the_text_at_its_offsets(d54):
    assert len(d54["mentions"]) > 20
    for m in d54["mentions"]:
        assert d54["text"][m["start"]:m["end"]] == m["exact"], m
    clark = d54["mentions"][0]
    assert (clark["exact"], clark["entityType"], clark["entity"]["id"], clark["method"]) == \
        ("Clark", "Person", CLARK, "office-and-date")


def test_an_unknown_document_is_404(server):
    assert httpx.get(server + "/documents/frus1981-88v41/d999").status_code == 404
    assert httpx.get(server + "/documents/nosuchvolume/d54").status_code == 404


# -- /documents -----------------------------------------------------------------------------------

@pytest.mark.parametrize("params, found", [
    ({}, True),
    ({"volume": "frus1981-88v41"}, True), ({"volume": "frus1981-88v41", "from": "1982"}, False),
    ({"from": "1981-10-26", "to": "1981-10-26"}, True), ({"from": "1981-10"}, True), ({"to": "1981"}, True),
    ({"from": "1981-10-27"}, False), ({"to": "1981-10-25"}, False),
    ({"genre": "memorandum"}, True), ({"genre": "MEMORANDUM"}, True), ({"genre": "memorandum", "to": "1980"}, False),
    ({"author": "people/102617"}, True), ({"author": KENNEDY}, True), ({"author": "people/105381"}, False),
    ({"recipient": "people/105381"}, True), ({"recipient": "people/102617"}, False),
    ({"mentions": "countries/el-salvador"}, True), ({"mentions": ["countries/japan", "organizations/un"]}, True),
    ({"mentions": "countries/france"}, False),
    ({"text": "HIPPOCRATIC OATH"}, True), ({"text": "no such words here"}, False),
    ({"sort": "number"}, True),
    # regression: an empty entity was read as the base IRI and found nothing, where /claims ignores it
    ({"mentions": ""}, True), ({"author": ""}, True), ({"recipient": ["", "people/105381"]}, True),
])
def test_documents_filters(server, params, found):
    listing = get(server, "/documents", **params)
    assert (ids(listing) == [D54]) is found and listing["total"] == (1 if found else 0)


def test_document_list_items_summarise_each_document(server):
    [item] = get(server, "/documents")["items"]
    assert item["title"].startswith("54. Memorandum From the Deputy Secretary of State (Clark)")
    assert item["href"] == "/documents/frus1981-88v41/d54"
    assert sorted(item["authorNames"]) == ["Richard Thomas Kennedy", "William Patrick Clark"]


def test_regression_a_document_lists_authors_were_in_reverse_of_the_headings_order(server):
    """The heading names Clark, then Kennedy; lists of documents (and so the volume page) said "Kennedy; Clark"."""
    for path in ("/documents", "/documents?volume=frus1981-88v41", "/documents?mentions=people/102617"):
        [item] = get(server, path)["items"]
        assert item["authorNames"] == ["William Patrick Clark", "Richard Thomas Kennedy"], path
        assert item["recipientNames"] == ["Alexander Meigs Haig, Jr."]


@pytest.fixture(scope="module")
def eleven_recipients(tmp_path_factory):
    """The memo's text under a heading naming eleven recipients: roles recipient-2 … recipient-12."""
    from pathlib import Path

    from graph import open_store
    from ingest import ingest_paths
    from ingest.authorities.rdf import ensure_authority_graphs

    memo = (Path(__file__).resolve().parents[2] / "examples" / "frus1981-88v41-d54.txt").read_text(encoding="utf-8")
    head, _, rest = memo.partition("54. Memorandum From")
    names = ["Clark", "Kennedy", "Stoessel", "Buckley", "Eagleburger", "Abrams", "Enders", "Crocker", "Veliotes",
             "Holdridge", "Burt"]
    heading = "55. Memorandum From Secretary of State Haig to " + ", ".join(f"the Assistant Secretary ({n})" for n in names) + "¹"
    source = tmp_path_factory.mktemp("eleven") / "frus1981-88v41-d55.txt"
    source.write_text(head + heading + "\n" + rest.partition("\n")[2], encoding="utf-8")
    db = open_store(source.parent / "store")
    ensure_authority_graphs(db)
    assert ingest_paths([source], db, workers=0).documents == 1
    yield db, names
    db.close()


def test_regression_a_tenth_recipient_was_listed_first(eleven_recipients):
    """Roles were sorted by IRI, so `recipient-10` came before `recipient-2`; the document, its page and its list
    entry now name the recipients in the heading's order."""
    from api.page_documents import document_view
    from api.resources.documents import document_detail, document_summaries

    db, names = eleven_recipients
    detail = document_detail(db, "frus1981-88v41", "d55")
    assert [r["id"].rsplit("-", 1)[1] for r in detail["recipients"]] == [str(n) for n in range(2, 13)]
    in_order = [r["person"]["name"] for r in detail["recipients"]]
    assert len(in_order) == len(names) and all(surname in name for surname, name in zip(names, in_order)), in_order
    assert [r["person"]["name"] for r in document_view(db, "frus1981-88v41", "d55")["recipients"]] == in_order
    [summary] = document_summaries(db, [detail["id"]])
    assert summary["recipientNames"] == in_order and summary["authorNames"] == [detail["authors"][0]["person"]["name"]]


# -- pagination -----------------------------------------------------------------------------------

def test_following_next_links_visits_every_claim_once(server):
    first = get(server, "/claims", limit="10")
    seen, page, pages = ids(first), first, 1
    assert first["total"] > 20 and first["limit"] == 10
    while page["next"]:
        assert page["next"].startswith(server + "/claims?")
        page = httpx.get(page["next"]).json()
        seen += ids(page)
        pages += 1
    assert len(seen) == len(set(seen)) == first["total"]
    assert pages == -(-first["total"] // 10)


def test_regression_a_paged_list_sent_no_link_header_though_cors_exposes_link_for_it(server):
    """RFC 8288 pagination: `requests`' r.links['next'] and harvesters follow the header, not a body key."""
    first = httpx.get(server + "/claims", params={"limit": "10"}, headers={"Accept": "application/json"})
    assert first.links["next"]["url"] == first.json()["next"]
    as_ld = httpx.get(server + "/people", params={"limit": "2"}, headers={"Accept": "application/ld+json"})
    assert as_ld.links["next"]["url"] == as_ld.json()["next"]
    last = httpx.get(server + "/people", params={"limit": "100"}, headers={"Accept": "application/json"})
    assert last.json()["next"] is None and "link" not in last.headers


def test_a_cursor_keeps_the_filters_it_was_made_for(server):
    first = get(server, "/claims", limit="5", about="countries/united-states")
    cursor = httpx.URL(first["next"]).params["cursor"]
    assert httpx.get(server + "/claims", params={"cursor": cursor, "about": "countries/united-states"}).status_code == 200
    other = httpx.get(server + "/claims", params={"cursor": cursor, "about": "countries/japan"})
    assert other.status_code == 400 and "other filters" in other.json()["detail"]


def test_page_size_is_capped(server):
    assert get(server, "/claims", limit="5000")["limit"] == 100
    assert httpx.get(server + "/claims", params={"limit": "0"}).status_code == 400


# -- entities -------------------------------------------------------------------------------------

def test_people_list_counts_documents(server):
    listing = get(server, "/people", limit="100")
    people = {item["id"]: item for item in listing["items"]}
    assert {CLARK, KENNEDY, HAIG, FENWICK} <= set(people)
    assert people[CLARK]["documentCount"] == 1 and people[CLARK]["href"] == "/people/102617"
    assert listing["total"] == len(people)


def test_people_are_listed_by_family_name_as_an_index_of_persons_lists_them(server):
    items = get(server, "/people", limit="100")["items"]
    order = [item["id"] for item in items]
    assert order.index(CLARK) < order.index(FENWICK) < order.index(KENNEDY)     # not William, Millicent, Richard
    keys = [(item.get("sortName") or item["name"]).lower() for item in items]
    assert keys == sorted(keys)
    assert {item["id"]: item.get("sortName") for item in items}[CLARK] == "Clark, William Patrick"
    assert get(server, "/people/102617")["sortName"] == "Clark, William Patrick"


def test_lists_sorted_by_documents_put_the_most_mentioned_first(server):
    for kind in ("people", "countries", "organizations"):
        listing = get(server, f"/{kind}", sort="documents", limit="100")
        counts = [item["documentCount"] for item in listing["items"]]
        assert listing["total"] == len(counts) and counts == sorted(counts, reverse=True), kind
        by_name = get(server, f"/{kind}", limit="100")
        assert {i["id"] for i in by_name["items"]} == {i["id"] for i in listing["items"]}, kind
    first = get(server, "/countries", sort="documents", limit="1")
    assert first["next"] and "sort=documents" in first["next"]
    following = httpx.get(first["next"], headers={"Accept": "application/json"}).json()
    assert following["items"][0]["id"] == get(server, "/countries", sort="documents", limit="2")["items"][1]["id"]
    refused = httpx.get(server + "/people", params={"sort": "age"})
    assert refused.status_code == 400 and "sort: one of name, documents, date, recent, claims-by, claims-about" in \
        refused.json()["detail"]


def test_people_sorted_by_claims_made_put_the_speakers_first(server):
    listing = get(server, "/people", sort="claims-by")
    assert [(i["id"], i["claimsByCount"]) for i in listing["items"]] == [(CLARK, 56), (KENNEDY, 56), (FENWICK, 1),
                                                                         (HAIG, 0)]   # ties by family name
    about = get(server, "/countries", sort="claims-about", limit="100")["items"]
    counts = [i["claimsAboutCount"] for i in about]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]


def test_lists_sorted_by_date_put_the_first_mentioned_first(two_volumes):
    from api.resources.entities import EntityFilter, entity_list
    from api.resources.paging import Page

    for kind in ("people", "countries"):
        items = entity_list(two_volumes, kind, EntityFilter(sort="date"), Page(limit=500))["items"]
        firsts = [i.get("firstDate") for i in items]
        dated = [f for f in firsts if f]
        assert len(set(dated)) > 2 and dated == sorted(dated), kind
        assert firsts == dated + [None] * (len(firsts) - len(dated)), kind      # undated last
        assert {i["id"] for i in items} == {i["id"] for i in entity_list(two_volumes, kind, EntityFilter(),
                                                                        Page(limit=500))["items"]}, kind
    second = entity_list(two_volumes, "people", EntityFilter(sort="date", params={"sort": "date"}), Page(limit=2))
    assert "sort=date" in second["next"]


def test_lists_sorted_by_recent_put_the_last_mentioned_first(two_volumes):
    from api.resources.entities import EntityFilter, entity_list
    from api.resources.paging import Page

    for kind in ("people", "countries"):
        items = entity_list(two_volumes, kind, EntityFilter(sort="recent"), Page(limit=500))["items"]
        lasts = [i.get("lastDate") for i in items]
        dated = [d for d in lasts if d]
        assert len(set(dated)) > 2 and dated == sorted(dated, reverse=True), kind
        assert lasts == dated + [None] * (len(lasts) - len(dated)), kind       # undated last
        assert all(i["firstDate"] <= i["lastDate"] for i in items if i.get("lastDate")), kind
    memo = entity_list(two_volumes, "people", EntityFilter(sort="recent"), Page(limit=1))["items"][0]
    assert memo["lastDate"] == "1981-10-26"          # the 1981 memo is later than the 1969 slice


@pytest.fixture(scope="module")
def two_volumes(tmp_path_factory):
    """The memo and a TEI slice of eight documents, counted: entities mentioned by one to eight documents."""
    from pathlib import Path

    from graph import open_store
    from graph.statistics import refresh_statistics
    from ingest import ingest_paths
    from ingest.authorities.rdf import ensure_authority_graphs

    root = Path(__file__).resolve().parents[2]
    path = tmp_path_factory.mktemp("two-volumes") / "store"
    db = open_store(path)
    ensure_authority_graphs(db)
    assert ingest_paths([root / "examples" / "frus1981-88v41-d54.txt",
                         root / "tests" / "fixtures" / "tei" / "frus1969-76v01-slice.xml"], db, workers=0).documents == 9
    refresh_statistics(db)
    yield db
    db.close()


@pytest.mark.parametrize("sort", ["name", "documents", "date", "recent", "claims-by", "claims-about"])
def test_a_store_without_the_statistics_lists_in_the_same_order(two_volumes, monkeypatch, sort):
    from api.resources import counts, entities
    from api.resources.entities import EntityFilter, entity_list
    from api.resources.paging import Page
    from graph.statistics import TOTALS_GRAPH

    for kind in ("people", "countries"):
        ranked = entity_list(two_volumes, kind, EntityFilter(sort=sort), Page(limit=500))["items"]
        found = [i["documentCount"] for i in ranked]
        assert len(ranked) > 10 and len(set(found)) > 1, kind
        if sort == "documents":
            assert found == sorted(found, reverse=True), kind
        rank = EntityFilter(sort=sort).rank
        with monkeypatch.context() as m:
            m.setattr(counts, "uses_statistics", lambda store: False)
            assert entities.stats.uses_statistics(two_volumes) is False
            counted = entity_list(two_volumes, kind, EntityFilter(sort=sort), Page(limit=500))["items"]
        assert counted == ranked, kind                            # the same order, counts and first dates
        totals = list(two_volumes.quads(graph=TOTALS_GRAPH))      # as counted before this rank existed
        two_volumes.replace_graphs({TOTALS_GRAPH: [q for q in totals if q.predicate.value != FK + rank]})
        try:
            assert counts.has_rank(two_volumes, rank) is False
            stale = entity_list(two_volumes, kind, EntityFilter(sort=sort), Page(limit=500))["items"]
        finally:
            two_volumes.replace_graphs({TOTALS_GRAPH: totals})
        assert counts.has_rank(two_volumes, rank) is True
        assert stale == ranked, kind


@pytest.mark.parametrize("params, expected", [
    ({"name": "clark"}, {CLARK}),                               # the variant "Clark, William Patrick"
    ({"name": "Alexander"}, {HAIG}),
    ({"office": "Secretary of State", "date": "1981-10-26"}, {HAIG}),
    ({"office": "deputy-secretary"}, {CLARK}),
    ({"office": "Under Secretary of State for Management", "date": "1981"}, {KENNEDY}),
    ({"office": "Secretary of State", "date": "1975"}, set()),
])
def test_people_filters(server, params, expected):
    assert set(ids(get(server, "/people", **params))) == expected


def test_countries_filtered_by_name_and_by_date(server):
    assert [i["name"] for i in get(server, "/countries", name="EL")["items"]] == ["El Salvador"]
    assert {i["name"] for i in get(server, "/countries", limit="100")["items"]} == NINE_COUNTRIES
    after_1991 = {i["name"] for i in get(server, "/countries", date="1995", limit="100")["items"]}
    assert "Soviet Union" not in after_1991 and "Japan" in after_1991


@pytest.mark.parametrize("path, name, found", [("/people", "patrick", ["William Patrick Clark"]),
                                               ("/people", "Meigs", ["Alexander Meigs Haig, Jr."]),
                                               ("/people", "jr", ["Alexander Meigs Haig, Jr."]),
                                               ("/people", "patrick clark", ["William Patrick Clark"]),
                                               ("/countries", "salvador", ["El Salvador"]),
                                               ("/people", "atrick", []), ("/people", "clark patrick", [])])
def test_regression_a_name_filter_missed_a_name_with_the_word_in_its_middle(server, path, name, found):
    """`/people?name=patrick` found nobody, as the filter matched only the start of a name or variant ("Clark,
    William Patrick"): it matches the start of any word of them, and words within a word are no match."""
    assert [i["name"] for i in get(server, path, name=name, limit="100")["items"]] == found


def test_regression_a_name_filter_with_or_without_accents_missed_the_other_spelling(server):
    """`/people?name=edde` did not find Raymond Eddé (`?name=eddé` did): the prefix now matches accents aside."""
    from graph.sparql_terms import folded_word_start_pattern

    assert folded_word_start_pattern("edde") == folded_word_start_pattern("Eddé") and "é" in folded_word_start_pattern("edde")
    assert [i["name"] for i in get(server, "/countries", name="él sälvador")["items"]] == ["El Salvador"]
    assert ids(get(server, "/people", name="clárk")) == ids(get(server, "/people", name="Clark")) != []


def test_a_person_has_names_authority_links_offices_documents_claims_and_co_mentions(server):
    kennedy = get(server, "/people/107031")
    assert kennedy["label"] == "Richard Thomas Kennedy" and kennedy["alternateNames"]
    assert {link["authority"] for link in kennedy["exactMatch"]} >= {"POCOM"}
    offices = [(o["roleName"], o["startDate"], o["endDate"]) for o in kennedy["offices"]]
    assert ("Under Secretary of State for Management", "1981-02-28", "1982-12-15") in offices
    assert [o["startDate"] for o in kennedy["offices"]] == sorted(o["startDate"] for o in kennedy["offices"])
    assert ids({"items": kennedy["documents"]}) == [D54] and kennedy["documentsTotal"] == 1
    assert kennedy["claimsByTotal"] > 0 and all(any(w["id"] == KENNEDY for w in c["claimants"])
                                                for c in kennedy["claimsBy"])
    co = {c["entity"]["id"]: c["count"] for c in kennedy["coMentioned"]}
    assert co[CLARK] == 1 and KENNEDY not in co


def test_regression_a_folded_duplicate_record_did_not_say_which_record_holds_its_documents(server):
    """/people/115318 (folded into 102617) gave 0 documents and only an exactMatch to tell where they are."""
    duplicate, canonical = get(server, "/people/115318"), get(server, "/people/102617")
    assert duplicate["foldedInto"] == {"id": CLARK, "name": "William Patrick Clark", "kind": "people",
                                       "href": "/people/102617"}
    assert duplicate["duplicates"] == [] and duplicate["id"].endswith("/people/115318")
    assert canonical["foldedInto"] is None
    assert [d["id"] for d in canonical["duplicates"]] == [BASE + "people/115318"]
    assert get(server, "/people/107031")["foldedInto"] is None and get(server, "/people/107031")["duplicates"] == []


def test_a_country_and_an_organization(server):
    salvador = get(server, "/countries/el-salvador")
    assert "http://www.wikidata.org/entity/Q792" in {link["id"] for link in salvador["exactMatch"]}
    assert [d["id"] for d in salvador["documents"]] == [D54]
    un = get(server, "/organizations/un")
    assert un["name"] == "United Nations" and "UN" in un["alternateNames"]


def test_claims_about_an_entity_on_its_page_and_in_the_list_agree(server):
    us = get(server, "/countries/united-states")
    assert FENWICK_QUOTE in {c["text"] for c in us["claimsAbout"]}
    assert all(any(a["id"] == BASE + "countries/united-states" for a in c["about"]) for c in us["claimsAbout"])
    listing = get(server, "/claims", about="countries/united-states", limit="100")
    assert listing["total"] == us["claimsAboutTotal"]


def test_unknown_entities_are_404(server):
    for path in ("/people/999999999", "/countries/atlantis", "/people/el-salvador", "/organizations/102617"):
        assert httpx.get(server + path).status_code == 404, path


# -- /claims --------------------------------------------------------------------------------------

@pytest.mark.parametrize("params", [
    {"claimant": "people/104215", "type": "quotation"},
    {"about": "countries/united-states", "type": "Quotation"},
    {"about": "countries/united-states", "from": "1981", "to": "1981"},      # read through the year index
    {"about": "countries/united-states", "from": "1981-10-26", "to": "1982-06"},
    {"volume": "frus1981-88v41", "claimant": FENWICK},
])
def test_claims_filters_find_the_fenwick_quotation(server, params):
    texts = [c["text"] for c in get(server, "/claims", limit="100", **params)["items"]]
    assert FENWICK_QUOTE in texts


@pytest.mark.parametrize("params", [
    {"claimant": "people/104215", "type": "decision"},
    {"about": "countries/united-states", "from": "1982"},
    {"about": "countries/united-states", "from": "1960", "to": "1980"},
    {"volume": "frus1981-88v41", "to": "1980"},
])
def test_claims_filters_exclude(server, params):
    assert get(server, "/claims", **params)["total"] == 0


def test_claims_are_in_text_order_within_the_document(server):
    starts = [c["start"] for c in get(server, "/claims", limit="100")["items"]]
    assert starts == sorted(starts)


# -- JSON-LD --------------------------------------------------------------------------------------

def test_json_ld_is_the_default_and_plain_json_drops_only_the_context(server):
    ld = httpx.get(server + "/documents/frus1981-88v41/d54")
    plain = httpx.get(server + "/documents/frus1981-88v41/d54", headers={"accept": "application/json"})
    assert ld.headers["content-type"].startswith("application/ld+json")
    assert "Accept" in ld.headers["vary"].replace(" ", "").split(",")
    assert plain.headers["content-type"].startswith("application/json")
    assert ld.json().pop("@context") == server + "/context.jsonld"
    assert "@context" not in plain.json() and plain.json() == {k: v for k, v in ld.json().items() if k != "@context"}
    assert httpx.get(server + "/documents", headers={"accept": "image/png"}).status_code == 406


def test_the_context_is_published(server):
    response = httpx.get(server + "/context.jsonld")
    assert response.headers["content-type"].startswith("application/ld+json")
    terms = response.json()["@context"]
    assert terms["date"] == "schema:dateCreated" and terms["Quotation"] == "fk:Quotation"


def _graph(server, path, **params) -> rdflib.Graph:
    body = httpx.get(server + path, params=params).text
    return rdflib.Graph().parse(data=body, format="json-ld")


def test_a_document_as_json_ld_gives_triples_with_our_iris(server):
    g = _graph(server, "/documents/frus1981-88v41/d54")
    d54, u = rdflib.URIRef(D54), rdflib.URIRef
    assert (d54, u(SCHEMA + "dateCreated"), rdflib.Literal("1981-10-26")) in g
    assert (d54, u(SCHEMA + "mentions"), u(BASE + "countries/el-salvador")) in g
    assert (u(D54 + "/claims/9"), u(PROV + "wasAttributedTo"), u(FENWICK)) in g
    assert (u(D54 + "/claims/9"), u(PROV + "wasDerivedFrom"), d54) in g
    assert (u(D54 + "/claims/9"), u(FK + "claimType"), u(FK + "Quotation")) in g
    roles = set(g.objects(d54, u(FK + "hasDocumentRole")))
    assert {(g.value(r, u(FK + "roleHolder")), str(g.value(r, u(SCHEMA + "roleName")))) for r in roles} >= \
        {(u(CLARK), "Deputy Secretary of State"), (u(KENNEDY), "Under Secretary of State for Management")}
    assert (u(D54 + "/mentions/1"), u("http://www.w3.org/ns/oa#hasBody"), u(CLARK)) in g
    # offsets live on selectors in the graph, so the JSON-LD does not put them on mentions or claims
    assert not list(g.triples((u(D54 + "/mentions/1"), u(FK + "start"), None)))
    assert not [t for t in g if str(t[0]).startswith("file:") or str(t[2]).startswith("file:")]


def test_lists_as_json_ld_are_hydra_collections(server):
    g = _graph(server, "/claims", limit="5")
    hydra = rdflib.Namespace("http://www.w3.org/ns/hydra/core#")
    [collection] = g.subjects(rdflib.RDF.type, hydra.Collection)
    assert len(list(g.objects(collection, hydra.member))) == 5
    assert int(g.value(collection, hydra.totalItems)) > 5
    assert str(g.value(collection, hydra.next)).startswith(server + "/claims?")


def test_the_entity_page_as_json_ld_links_claims_and_documents(server):
    g = _graph(server, "/people/104215")
    fenwick, u = rdflib.URIRef(FENWICK), rdflib.URIRef
    assert (u(D54), u(SCHEMA + "mentions"), fenwick) in g
    assert (u(D54 + "/claims/9"), u(PROV + "wasAttributedTo"), fenwick) in g


# -- hostile strings ------------------------------------------------------------------------------

HOSTILE = ['"', "'", '"} ; DROP ALL ; {', '> } ; DROP GRAPH <x>', 'x")) } UNION { ?doc a fk:Document } #',
           "line\nbreak", "\\u0022", "\u00e9\u4e2d\U0001f600", "\x00", "x" * 20_000, "%00", "../../etc/passwd",
           "people/1> } ; DROP", "https://w3id.org/frus-kg/id/people/1 2", "{", "?s ?p ?o", "\ufeff", "-1"]
LIST_PARAMS = {
    "/documents": ["volume", "from", "to", "genre", "author", "recipient", "mentions", "text", "sort", "limit", "cursor"],
    "/claims": ["about", "claimant", "type", "from", "to", "volume", "limit", "cursor"],
    "/people": ["name", "office", "date", "sort", "limit", "cursor"],
    "/countries": ["name", "date", "sort", "limit", "cursor"],
    "/organizations": ["name", "sort", "limit", "cursor"],
}


@pytest.mark.parametrize("path", sorted(LIST_PARAMS))
def test_hostile_parameters_are_refused_or_find_nothing(server, path, d54):
    with httpx.Client(base_url=server, timeout=30) as client:
        for name in LIST_PARAMS[path]:
            for value in HOSTILE:
                response = client.get(path, params={name: value})
                assert response.status_code in (200, 400), (name, value[:40], response.status_code, response.text[:200])
                if response.status_code == 200:
                    body = response.json()
                    really_there = name == "text" and value.lower() in d54["text"].lower()
                    assert body["total"] == 0 or really_there, (name, value[:40], body["total"])
                else:
                    assert name in response.json()["detail"] or "cursor" in response.json()["detail"]


@pytest.mark.parametrize("value", ['"', '"}', "> } ; DROP", "%22%7D", "x%00", "\u00e9", "a b", "x" * 5000])
def test_hostile_path_segments_are_404(server, value):
    with httpx.Client(base_url=server, timeout=30) as client:
        for path in (f"/documents/{value}/d54", f"/documents/frus1981-88v41/{value}", f"/people/{value}",
                     f"/countries/{value}", f"/organizations/{value}", f"/regions/{value}"):
            response = client.get(path)
            assert response.status_code == 404, (path[:60], response.status_code, response.text[:200])


def test_the_store_is_intact_after_the_hostile_requests(server, d54):
    assert get(server, "/documents/frus1981-88v41/d54") == d54
    body = json.dumps(get(server, "/documents", text='x")) } UNION { ?doc a fk:Document } #'))
    assert D54 not in body


def test_forged_cursors_are_refused(server):
    import base64

    from api.resources.paging import fingerprint

    def cursor(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")
    mark = fingerprint({})
    for forged in (cursor(json.dumps({"o": -5, "f": mark}).encode()), cursor(json.dumps({"o": 10**12, "f": mark}).encode()),
                   cursor(json.dumps({"o": True, "f": mark}).encode()), cursor(b"[1, 2]"), cursor(b"\xff\xfe"), "=" * 9):
        response = httpx.get(server + "/claims", params={"cursor": forged})
        assert response.status_code == 400 and "cursor" in response.json()["detail"], forged


def test_claims_about_an_entity_in_a_bounded_period_read_the_year_index():
    from api.resources.claims import ClaimFilter

    us = BASE + "countries/united-states"
    indexed = ClaimFilter(about=us, date_from="1981-01-01", date_to="1983").patterns()
    assert "fk:aboutInYear" in indexed and f"<{us}/years/1981>" in indexed and f"<{us}/years/1983>" in indexed
    assert "schema:about" not in indexed
    for open_ended in (ClaimFilter(about=us, date_from="1981-01-01"), ClaimFilter(about=us, date_from="1800-01-01", date_to="1990")):
        assert "schema:about" in open_ended.patterns() and "aboutInYear" not in open_ended.patterns()


def test_claimants_and_subjects_come_in_iri_order_whatever_the_engine_found_first(server):
    """Bug: claimants and `about` came in the engine's order, so Oxigraph and Virtuoso gave different answers."""
    items = get(server, "/claims", limit=100)["items"]
    lists = [c[key] for c in items for key in ("claimants", "about")]
    assert any(len(refs) > 1 for refs in lists)
    assert all([r["id"] for r in refs] == sorted(r["id"] for r in refs) for refs in lists)


@pytest.mark.parametrize("path", ["/people?limit=5&limit=500", "/documents?from=1981&from=1988",
                                  "/claims?type=assessment&type=intention", "/network?kind=person-person&kind=correspondence"])
def test_regression_a_repeated_single_valued_parameter_was_read_as_its_last_value(server, path):
    r = httpx.get(server + path, headers={"Accept": "application/json"})
    assert r.status_code == 400
    name = path.split("?")[1].split("=")[0]
    assert f"{name}: given 2 times" in r.text


def test_a_parameter_that_takes_a_list_may_repeat(server):
    r = httpx.get(server + "/sparql", params=[("query", "ASK {}"), ("default-graph-uri", "urn:a"),
                                              ("default-graph-uri", "urn:b")],
                  headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200


def test_regression_a_volumes_persons_list_led_to_bare_volume_local_pages_not_the_persons_record(two_volumes):
    """frus1958-60v11's persons list linked each entry to /id/…/persons/p_DJF1, a table of triples whose claims and
    network links found nothing; the entry is linked (skos:exactMatch) to the record whose page has all of it."""
    from fastapi.testclient import TestClient

    from api import create_app

    page = TestClient(create_app(two_volumes)).get("/volumes/frus1969-76v01", headers={"Accept": "text/html"})
    assert page.status_code == 200
    links = dict((label, href) for href, label in re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', page.text))
    assert links["Kissinger, Henry A."] == "/people/107252"


def test_regression_a_cursor_of_deeply_nested_json_was_a_500(server):
    import base64

    deep = base64.urlsafe_b64encode(b"[" * 3000 + b"]" * 3000).decode().rstrip("=")
    for path in ("/claims", "/documents", "/people"):
        response = httpx.get(server + path, params={"cursor": deep})
        assert response.status_code == 400 and "cursor" in response.json()["detail"], path
    found = httpx.get(server + "/search", params={"q": "human", "cursor": deep})
    assert found.status_code == 400 and "cursor" in found.json()["detail"]


def test_regression_a_persons_list_entrys_own_page_counted_no_claims_and_did_not_say_who_it_is(two_volumes):
    """/id/…/frus1958-60v11/persons/p_DJF1 showed a table whose "Claims about it" and "Claims by it" found 0, while
    /people/103703 has hundreds; the page now names the record it is the same as, and its claims links go there."""
    from fastapi.testclient import TestClient

    from api import create_app
    from ontology.namespaces import sparql_prologue

    (row,) = two_volumes.query(sparql_prologue("schema") + """SELECT ?e WHERE {
      ?e <http://www.w3.org/2004/02/skos/core#exactMatch> <https://w3id.org/frus-kg/id/people/107252> ;
         a schema:Person }""").rows()
    path = row[0].value.replace("https://w3id.org/frus-kg/id/", "/id/")
    page = TestClient(create_app(two_volumes)).get(path, headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert 'The same as <a href="/people/107252">' in page.text
    assert "/claims?about=https%3A%2F%2Fw3id.org%2Ffrus-kg%2Fid%2Fpeople%2F107252" in page.text


@pytest.mark.parametrize("path, name", [
    ("/claims?claimType=Decision", "claimType"), ("/documents?foo=bar", "foo"), ("/people?name=clark&nmae=clark", "nmae"),
    ("/countries/el-salvador?lang=en", "lang"), ("/documents/frus1981-88v41/d54?text=1", "text"),
    ("/search?q=soviet&knd=claim", "knd"), ("/context.jsonld?v=2", "v")])
def test_regression_an_unknown_parameter_was_ignored_and_the_answer_held_everything(server, path, name):
    r = httpx.get(server + path, headers={"Accept": "application/json"}, timeout=30)
    assert r.status_code == 400, r.text[:300]
    assert r.json()["detail"].startswith(f"{name}: unknown parameter; ")


def test_an_unknown_parameter_is_refused_with_the_parameters_the_route_reads(server):
    r = httpx.get(server + "/claims", params={"claimType": "Decision", "type": "Decision"})
    assert r.json() == {"type": "about:blank", "title": "Bad Request", "status": 400,
                        "detail": "claimType: unknown parameter; /claims accepts: about, claimant, type, from, to, "
                                  "volume, limit, cursor"}
    assert "takes no query parameters" in httpx.get(server + "/people/102617?x=1").json()["detail"]


def test_pages_and_protocol_endpoints_keep_their_own_parameters(server):
    """The check is the REST resources': pages ignore what they do not read, and the SPARQL and reconciliation
    protocols define their own parameters."""
    assert httpx.get(server + "/claims?claimType=Decision", headers={"Accept": "text/html"}).status_code == 200
    assert httpx.get(server + "/search?q=soviet&knd=claim", headers={"Accept": "text/html"}).status_code == 200
    assert httpx.get(server + "/sparql", params={"query": "ASK {}", "timeout": "0"},
                     headers={"Accept": "application/sparql-results+json"}).status_code == 200
    suggest = httpx.get(server + "/reconcile/suggest/entity", params={"prefix": "kissin", "callback": "cb"}, timeout=30)
    assert suggest.status_code == 200 and suggest.json()["result"]


@pytest.mark.parametrize("path", ["/people/102617", "/documents/frus1981-88v41/d54", "/countries/el-salvador"])
def test_regression_a_resource_asked_for_as_turtle_was_a_406_not_sent_to_its_rdf(server, path):
    """`curl -H 'Accept: text/turtle' …/people/102617` got 406 'offered: application/ld+json, application/json',
    though /id/people/102617 writes that resource in Turtle, N-Triples and RDF/XML: it is sent there (303)."""
    r = httpx.get(server + path, headers={"Accept": "text/turtle"})
    assert r.status_code == 303 and r.headers["location"].endswith("/id/" + path.split("/", 1)[1].replace(
        "documents/", "historicaldocuments/"))
    followed = httpx.get(server + path, headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert followed.status_code == 200 and followed.headers["content-type"].startswith("text/turtle")
    assert httpx.get(server + "/people", headers={"Accept": "text/turtle"}).status_code == 406


def test_regression_a_persons_sort_name_dropped_out_of_the_json_ld(server):
    """`sortName` ("Clark, William Patrick") had no mapping in /context.jsonld, so the RDF read from a person's or
    the people list's JSON-LD lost the fk:sortName that /id/people/102617 states."""
    body = httpx.get(server + "/people/102617", headers={"Accept": "application/ld+json"}).text
    triples = rdflib.Graph().parse(data=body, format="json-ld")
    assert (rdflib.URIRef(CLARK), rdflib.URIRef(FK + "sortName"), rdflib.Literal("Clark, William Patrick")) in triples
