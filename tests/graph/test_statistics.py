"""The statistics layer: equal to the aggregates it stands for, one graph per volume, kept current, and read by the lists."""
from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import open_store
from graph.statistics import (CO_MENTION_LIMIT, CO_MENTION_MIN, STATS_PREFIX, SUMMARY_GRAPH, TOTALS_GRAPH,
                              refresh_statistics, statistics_graph)
from ontology.namespaces import BASE, FK, sparql_prologue

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [ROOT / "examples" / "frus1981-88v41-d54.txt", ROOT / "tests" / "fixtures" / "tei" / "frus1969-76v01-slice.xml",
          ROOT / "tests" / "fixtures" / "tei" / "frus1969-76ve09p1-slice.xml"]
MEMO_VOLUME = BASE + "historicaldocuments/frus1981-88v41"
SLICE_VOLUME = BASE + "historicaldocuments/frus1969-76v01"
CLARK = BASE + "people/102617"
US = BASE + "countries/united-states"
NIXON, KISSINGER = BASE + "people/109882", BASE + "people/107252"
P = sparql_prologue("schema", "fk", "oa", "prov", "rdfs")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The sample memo and two TEI slices (three volumes), ingested and counted once."""
    from ingest import ingest_paths
    from ingest.authorities.rdf import ensure_authority_graphs

    path = tmp_path_factory.mktemp("statistics") / "store"
    db = open_store(path)
    ensure_authority_graphs(db)
    summary = ingest_paths(INPUTS, db)
    assert summary.documents == 14 and not summary.failures, summary.failures
    report = refresh_statistics(db)
    assert (report.volumes, report.removed, report.unchanged, report.totals) == (3, 0, 0, True)
    db.close()
    return path


@pytest.fixture
def db(built, tmp_path):
    """A private copy of the built store, free to change."""
    shutil.copytree(built, tmp_path / "store")
    store = open_store(tmp_path / "store")
    yield store
    store.close()


def rows(store, sparql):
    return [tuple(None if t is None else t.value for t in row) for row in store.query(P + sparql).rows()]


# -- what the statistics say, and what counting directly says -------------------------------------

def stored_counts(store) -> dict[tuple[str, str], dict]:
    """{(volume, entity): {documentCount, …}} as the volumes' statistics graphs hold them."""
    found: dict[tuple[str, str], dict] = defaultdict(dict)
    for v, e, p, o in rows(store, f"""SELECT ?v ?e ?p ?o WHERE {{ GRAPH ?g {{
        ?s a fk:EntityVolumeCount ; fk:volume ?v ; fk:entity ?e ; ?p ?o
        FILTER (?p NOT IN (rdf:type, fk:volume, fk:entity)) }} FILTER (STRSTARTS(STR(?g), "{STATS_PREFIX}")) }}"""
                           .replace("rdf:type", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>")):
        found[v, e][p[len(FK):]] = int(o) if p[len(FK):].endswith("Count") else o
    return dict(found)


def direct_counts(store) -> dict[tuple[str, str], dict]:
    """The same, counted over the documents with grouped SPARQL (mentions found by their target's source)."""
    found: dict[tuple[str, str], dict] = defaultdict(dict)
    for v, e, n in rows(store, """SELECT ?v ?e (COUNT(DISTINCT ?doc) AS ?n) WHERE {
        ?doc a fk:Document ; schema:isPartOf ?v ; schema:mentions ?e } GROUP BY ?v ?e"""):
        found[v, e]["documentCount"] = int(n)
    for v, e, first, last in rows(store, """SELECT ?v ?e (MIN(SUBSTR(STR(?date), 1, 10)) AS ?first)
        (MAX(SUBSTR(STR(?date), 1, 10)) AS ?last) WHERE {
        ?doc a fk:Document ; schema:isPartOf ?v ; schema:mentions ?e ; schema:dateCreated ?date } GROUP BY ?v ?e"""):
        found[v, e].update(firstDate=first, lastDate=last)
    queries = {
        "mentionCount": """SELECT ?v ?e (COUNT(?m) AS ?n) WHERE { ?m a fk:Mention ; oa:hasBody ?e ;
            oa:hasTarget ?t . ?t oa:hasSource ?doc . ?doc a fk:Document ; schema:isPartOf ?v } GROUP BY ?v ?e""",
        "claimsAboutCount": """SELECT ?v ?e (COUNT(?c) AS ?n) WHERE { ?c a fk:Claim ; schema:about ?e ;
            prov:wasDerivedFrom ?doc . ?doc a fk:Document ; schema:isPartOf ?v } GROUP BY ?v ?e""",
        "claimsByCount": """SELECT ?v ?e (COUNT(?c) AS ?n) WHERE { ?c a fk:Claim ; prov:wasAttributedTo ?e ;
            prov:wasDerivedFrom ?doc . ?doc a fk:Document ; schema:isPartOf ?v } GROUP BY ?v ?e""",
    }
    for name, query in queries.items():
        for v, e, n in rows(store, query):
            found[v, e][name] = int(n)
    return dict(found)


def direct_co_mentions(store) -> dict[tuple[str, str], list[tuple[str, int]]]:
    pairs = defaultdict(list)
    for v, e, o, n in rows(store, f"""SELECT ?v ?e ?o (COUNT(?doc) AS ?n) WHERE {{
        ?doc a fk:Document ; schema:isPartOf ?v ; schema:mentions ?e, ?o FILTER (?e != ?o) }}
        GROUP BY ?v ?e ?o HAVING (COUNT(?doc) >= {CO_MENTION_MIN})"""):
        pairs[v, e].append((o, int(n)))
    return {k: sorted(found, key=lambda p: (-p[1], p[0]))[:CO_MENTION_LIMIT] for k, found in pairs.items()}


def stored_co_mentions(store) -> dict[tuple[str, str], list[tuple[str, int]]]:
    pairs = defaultdict(list)
    for g, e, o, n in rows(store, f"""SELECT ?g ?e ?o ?n WHERE {{ GRAPH ?g {{
        ?p fk:entity ?e ; fk:coMentioned ?o ; fk:coMentionCount ?n }} FILTER (STRSTARTS(STR(?g), "{STATS_PREFIX}")) }}"""):
        pairs[g, e].append((o, int(n)))
    return {k: sorted(found, key=lambda p: (-p[1], p[0])) for k, found in pairs.items()}


def test_each_volume_has_its_own_statistics_graph_and_the_corpus_its_totals(db):
    names = [g for g in db.graph_names() if g.startswith(TOTALS_GRAPH)]
    assert names == sorted([TOTALS_GRAPH, SUMMARY_GRAPH,
                            *(STATS_PREFIX + v for v in ("frus1969-76v01", "frus1969-76ve09p1", "frus1981-88v41"))])


def test_the_counts_per_entity_and_volume_equal_the_direct_aggregates(db):
    stored, direct = stored_counts(db), direct_counts(db)
    assert len(stored) > 100
    assert stored == direct
    assert stored[MEMO_VOLUME, CLARK]["documentCount"] == 1 and stored[MEMO_VOLUME, CLARK]["mentionCount"] >= 1


def test_the_co_mentions_per_volume_are_the_direct_top_pairs(db):
    direct = {(statistics_graph(v), e): pairs for (v, e), pairs in direct_co_mentions(db).items()}
    assert direct and stored_co_mentions(db) == direct


def test_the_volume_figures_are_its_documents_and_claims(db):
    stored = {v: (int(d), int(c)) for v, d, c in rows(db, """SELECT ?v ?d ?c WHERE { GRAPH ?g {
        ?g a fk:VolumeStatistics ; fk:volume ?v ; fk:documentCount ?d ; fk:claimCount ?c } }""")}
    direct = {v: (int(d), int(c)) for v, d, c in rows(db, """SELECT ?v (COUNT(DISTINCT ?doc) AS ?d) (COUNT(?c) AS ?c) WHERE {
        ?doc a fk:Document ; schema:isPartOf ?v . OPTIONAL { ?c prov:wasDerivedFrom ?doc } } GROUP BY ?v""")}
    assert stored == direct and stored[MEMO_VOLUME][0] == 1 and stored[SLICE_VOLUME][0] == 8


def test_the_totals_sum_the_volumes_and_rank_each_kind_by_name_people_by_family_name(db):
    totals = {e: int(n) for e, n in rows(db, f"""SELECT ?e ?n WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
        ?t a fk:EntityTotal ; fk:entity ?e ; fk:documentCount ?n }} }}""")}
    direct = {e: int(n) for e, n in rows(db, """SELECT ?e (COUNT(DISTINCT ?doc) AS ?n) WHERE {
        ?doc a fk:Document ; schema:mentions ?e } GROUP BY ?e""")}
    assert {e: n for e, n in totals.items() if n} == direct
    ranked = [e for e, _ in rows(db, f"""SELECT ?e ?rank WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
        ?t fk:entityKind "people" ; fk:nameRank ?rank ; fk:entity ?e }} }} ORDER BY ?rank""")]
    by_name = [e for e, _ in rows(db, f"""SELECT DISTINCT ?e ?name WHERE {{ ?doc a fk:Document ; schema:mentions ?e .
        ?e rdfs:label ?label FILTER (STRSTARTS(STR(?e), "{BASE}people/")) OPTIONAL {{ ?e fk:sortName ?sort }}
        BIND (COALESCE(?sort, ?label) AS ?name) }} ORDER BY LCASE(STR(?name)) ?e""")]
    assert len(ranked) > 10 and ranked == by_name
    assert ranked.index(CLARK) < ranked.index(NIXON)        # "Clark, William Patrick", "Nixon, Richard Milhous"
    by_documents = [e for e, _ in rows(db, f"""SELECT ?e ?rank WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
        ?t fk:entityKind "people" ; fk:documentRank ?rank ; fk:entity ?e }} }} ORDER BY ?rank""")]
    assert by_documents == sorted(ranked, key=lambda e: -totals[e])      # most documents first, then by name
    assert totals[by_documents[0]] > totals[by_documents[-1]]
    firsts = {e: f for e, f in rows(db, """SELECT ?e (MIN(SUBSTR(STR(?date), 1, 10)) AS ?f) WHERE {
        ?doc a fk:Document ; schema:mentions ?e ; schema:dateCreated ?date } GROUP BY ?e""")}
    by_date = [e for e, _ in rows(db, f"""SELECT ?e ?rank WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
        ?t fk:entityKind "people" ; fk:dateRank ?rank ; fk:entity ?e }} }} ORDER BY ?rank""")]
    assert by_date == sorted(ranked, key=lambda e: (e not in firsts, firsts.get(e, "")))   # earliest, then by name
    assert len({firsts.get(e) for e in by_date}) > 2
    lasts = {e: l for e, l in rows(db, """SELECT ?e (MAX(SUBSTR(STR(?date), 1, 10)) AS ?l) WHERE {
        ?doc a fk:Document ; schema:mentions ?e ; schema:dateCreated ?date } GROUP BY ?e""")}
    by_recent = [e for e, _ in rows(db, f"""SELECT ?e ?rank WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
        ?t fk:entityKind "people" ; fk:recentRank ?rank ; fk:entity ?e }} }} ORDER BY ?rank""")]
    latest_first = sorted(ranked, key=lambda e: (e not in lasts, -int(lasts.get(e, "0").replace("-", ""))))
    assert by_recent == latest_first and by_recent != by_date                  # latest, then by name
    for rank, predicate in (("claimsByRank", "prov:wasAttributedTo"), ("claimsAboutRank", "schema:about")):
        claims = {e: int(n) for e, n in rows(db, f"""SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE {{
            ?c a fk:Claim ; {predicate} ?e }} GROUP BY ?e""")}
        by_claims = [e for e, _ in rows(db, f"""SELECT ?e ?rank WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
            ?t fk:entityKind "people" ; fk:{rank} ?rank ; fk:entity ?e }} }} ORDER BY ?rank""")]
        assert by_claims == sorted(ranked, key=lambda e: -claims.get(e, 0)), rank      # most first, then by name
        assert claims.get(by_claims[0], 0) > claims.get(by_claims[-1], 0), rank


def test_bug_an_entity_also_in_an_undated_volume_lost_its_first_and_last_date_in_the_totals(db):
    """MIN and MAX over a group with one unbound value are unbound (SPARQL's aggregates, as Oxigraph follows
    them): the totals summed the volumes with OPTIONAL dates, and the regions of the memo lost theirs."""
    totals = {e: (f, l) for e, f, l in rows(db, f"""SELECT ?e ?f ?l WHERE {{ GRAPH <{TOTALS_GRAPH}> {{
        ?t a fk:EntityTotal ; fk:entity ?e ; fk:firstDate ?f ; fk:lastDate ?l }} }}""")}
    direct = {e: (f, l) for e, f, l in rows(db, """SELECT ?e (MIN(SUBSTR(STR(?date), 1, 10)) AS ?f)
        (MAX(SUBSTR(STR(?date), 1, 10)) AS ?l) WHERE {
        ?doc a fk:Document ; schema:mentions ?e ; schema:dateCreated ?date } GROUP BY ?e""")}
    undated_too = {e for e, in rows(db, """SELECT DISTINCT ?e WHERE { ?doc a fk:Document ; schema:mentions ?e
        FILTER NOT EXISTS { ?doc schema:dateCreated ?date } }""")}
    assert direct and undated_too & set(direct)              # the case the bug lost is in this store
    assert totals == direct


# -- kept current ----------------------------------------------------------------------------------

@pytest.mark.parametrize("rank", ["documentRank", "dateRank", "recentRank", "claimsByRank", "claimsAboutRank"])
def test_totals_from_before_a_rank_existed_are_rewritten_without_counting_a_volume(db, rank):
    kept = list(db.quads(graph=TOTALS_GRAPH))
    old = [q for q in kept if q.predicate.value == FK + rank]
    assert old
    db.replace_graphs({TOTALS_GRAPH: [q for q in kept if q.predicate.value != FK + rank]})
    report = refresh_statistics(db)
    assert (report.volumes, report.totals) == (0, True)
    assert len([q for q in db.quads(graph=TOTALS_GRAPH) if q.predicate.value == FK + rank]) == len(old)
    assert refresh_statistics(db).totals is False


def test_an_unchanged_store_is_not_counted_again(db):
    report = refresh_statistics(db)
    assert (report.volumes, report.removed, report.unchanged, report.totals, report.summary) == (0, 0, 3, False, False)


def test_a_volume_whose_documents_changed_is_counted_again_alone(db):
    before = stored_counts(db)
    db.drop_graphs([SLICE_VOLUME + "/d10"])
    report = refresh_statistics(db)
    assert (report.volumes, report.unchanged, report.totals) == (1, 2, True)
    after = stored_counts(db)
    assert after == direct_counts(db)
    assert {k: c for k, c in after.items() if k[0] != SLICE_VOLUME} == {k: c for k, c in before.items() if k[0] != SLICE_VOLUME}
    assert sum(c.get("documentCount", 0) for k, c in after.items() if k[0] == SLICE_VOLUME) < \
        sum(c.get("documentCount", 0) for k, c in before.items() if k[0] == SLICE_VOLUME)


def test_a_reingested_volume_replaces_its_statistics(db):
    from ingest import ingest_paths

    db.drop_graphs([SLICE_VOLUME + "/d10"])
    refresh_statistics(db)
    summary = ingest_paths([INPUTS[1]], db, force=True)
    assert summary.documents == 8
    report = refresh_statistics(db)
    assert (report.volumes, report.unchanged) == (1, 2)
    assert stored_counts(db) == direct_counts(db)


def test_a_removed_volume_loses_its_statistics_and_its_share_of_the_totals(db):
    db.drop_graphs([MEMO_VOLUME + "/d54", MEMO_VOLUME])
    report = refresh_statistics(db)
    assert (report.volumes, report.removed, report.totals) == (0, 1, True)
    assert not db.has_graph(statistics_graph(MEMO_VOLUME))
    assert stored_counts(db) == direct_counts(db)
    assert not rows(db, f"SELECT ?t WHERE {{ GRAPH <{TOTALS_GRAPH}> {{ ?t fk:entity <{CLARK}> }} }}")


def test_rebuild_counts_every_volume_again(db):
    assert refresh_statistics(db, rebuild=True).volumes == 3


# -- read by the REST resources --------------------------------------------------------------------

def _lists(store) -> dict:
    from api.resources import EntityFilter, Page, entity_detail, entity_list

    return {**{kind: entity_list(store, kind, EntityFilter(), Page(limit=200))
               for kind in ("people", "countries", "organizations", "regions")},
            "page2": entity_list(store, "countries", EntityFilter(), Page(offset=5, limit=5)),
            "named": entity_list(store, "people", EntityFilter(name="k", params={"name": "k"}), Page(limit=200)),
            "clark": entity_detail(store, "people", "102617"),
            "us": entity_detail(store, "countries", "united-states")}


def test_the_lists_and_entity_pages_answer_the_same_with_and_without_the_statistics(db):
    with_stats = _lists(db)
    assert with_stats["people"]["total"] > 10 and with_stats["us"]["documentsTotal"] > 5
    db.drop_graphs([TOTALS_GRAPH])                   # the documented fallback: counted from the mentions
    assert _lists(db) == with_stats


def _pages_by_date(store) -> dict:
    from api.resources import ClaimFilter, DocumentFilter, Page, claim_list, document_list

    return {**{("documents", off, volume): document_list(store, DocumentFilter(volume=volume), Page(offset=off, limit=3))
               for off in (0, 2, 5, 12, 14) for volume in (None, SLICE_VOLUME)},
            **{("claims", off, volume): claim_list(store, ClaimFilter(volume=volume), Page(offset=off, limit=7))
               for off in (0, 5, 40, 90, 200) for volume in (None, SLICE_VOLUME)},
            **{("about", off): claim_list(store, ClaimFilter(about=US), Page(offset=off, limit=4)) for off in (0, 3, 9, 30)},
            **{("mentions", e, off): document_list(store, DocumentFilter(mentions=[e]), Page(offset=off, limit=2))
               for e in (US, KISSINGER, CLARK) for off in (0, 1, 3, 6)},
            **{("by", who, off): claim_list(store, ClaimFilter(claimant=who), Page(offset=off, limit=2))
               for who in (NIXON, KISSINGER, CLARK) for off in (0, 1, 4, 40)},
            **_dated_pages(store)}


DATED = [("1974", "1974"), ("1970-01", "1974-05"), ("1974-05-01", "1974-06-10"), ("1974-05-22", "1974-06"),
         ("1970-01-22", "1970-01-22"), (None, "1970"), ("1973", None), ("1981", "1981"), ("1990", "1991")]


def _dated_pages(store) -> dict:
    """Documents mentioning one entity in a date range (a timeline's year): whole months read the entity's month
    counts, other ranges only its months' documents."""
    from api.resources import DocumentFilter, Page, document_list
    from api.resources.params import date_bounds

    return {("dated", e, bounds, off, sort): document_list(
        store, DocumentFilter(mentions=[e], date_from=lo, date_to=hi, sort=sort), Page(offset=off, limit=2))
        for e in (US, KISSINGER, CLARK) for bounds in DATED for lo, hi in [date_bounds(*bounds)]
        for off in (0, 1, 3, 6) for sort in ("date", "number")}


def test_pages_by_date_read_the_months_they_span_and_equal_a_full_sort(db):
    from api.resources.counts import entity_month_window, month_window

    assert month_window(db, "claimCount", 5, 7) is not None
    assert entity_month_window(db, US, "claimsAboutCount", 3, 4) is not None
    assert entity_month_window(db, US, "documentCount", 3, 2) is not None
    assert entity_month_window(db, US, "documentCount", 1, 2, ("1974-01-01", "1975")) is not None
    assert entity_month_window(db, US, "documentCount", 1, 2, ("1974-01-01", "1974-06-10")) is None   # not whole months
    with_stats = _pages_by_date(db)
    assert with_stats["claims", 0, None]["total"] > 50 and with_stats["documents", 12, None]["items"]
    assert with_stats["about", 9]["total"] > 13 and with_stats["by", KISSINGER, 1]["items"]
    assert with_stats["mentions", US, 3]["total"] > 6 and with_stats["mentions", US, 6]["items"]
    assert with_stats["dated", US, ("1974", "1974"), 3, "date"]["items"]
    assert 0 < with_stats["dated", US, ("1974-05-01", "1974-06-10"), 0, "date"]["total"] \
        < with_stats["dated", US, ("1974", "1974"), 0, "date"]["total"]
    db.drop_graphs([TOTALS_GRAPH] + [g for g in db.graph_names() if g.startswith(STATS_PREFIX)])
    assert month_window(db, "claimCount", 5, 7) is None
    assert _pages_by_date(db) == with_stats


def test_the_lists_read_their_counts_from_the_statistics(db):
    from api.resources import EntityFilter, Page, entity_list

    node = ox.NamedNode(f"{TOTALS_GRAPH}/people/102617")
    count = ox.NamedNode(FK + "documentCount")
    graph = ox.NamedNode(TOTALS_GRAPH)
    doctored = [q for q in db.quads(TOTALS_GRAPH) if not (q.subject == node and q.predicate == count)]
    doctored.append(ox.Quad(node, count, ox.Literal("999", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), graph))
    db.replace_graphs({TOTALS_GRAPH: doctored})
    listing = entity_list(db, "people", EntityFilter(), Page(limit=200))
    assert {i["id"]: i["documentCount"] for i in listing["items"]}[CLARK] == 999


# -- the entity summaries: sums across volumes, read instead of every volume's nodes -----------------

def summarised(store) -> set[str]:
    return {e for e, in rows(store, f"SELECT DISTINCT ?e WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?y fk:yearOf ?e }} }}")}


def test_the_summaries_sum_each_entity_s_months_and_years_over_its_volumes(db):
    volumes = defaultdict(lambda: defaultdict(int))
    for e, month, role, n in rows(db, f"""SELECT ?e ?month ?role ?n WHERE {{ GRAPH ?g {{ ?h fk:entity ?e ; fk:month ?month ;
        ?role ?n FILTER (?role IN (fk:documentCount, fk:claimsAboutCount, fk:claimsByCount)) }}
        FILTER (STRSTARTS(STR(?g), "{STATS_PREFIX}")) }}"""):
        volumes[e, month][role] += int(n)
    summed = defaultdict(dict)
    for e, month, role, n in rows(db, f"""SELECT ?e ?month ?role ?n WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{
        ?h fk:monthOf ?e ; fk:month ?month ; ?role ?n FILTER (?role != fk:monthOf && ?role != fk:month) }} }}"""):
        summed[e, month][role] = int(n)
    in_several = {e for e, n in rows(db, f"""SELECT ?e ?n WHERE {{ GRAPH <{TOTALS_GRAPH}> {{ ?t fk:entity ?e ;
        fk:volumeCount ?n FILTER (?n >= 2) }} }}""")}
    assert US in in_several and KISSINGER in in_several and CLARK not in in_several
    assert summarised(db) == {e for e, _ in volumes if e in in_several}
    assert dict(summed) == {k: dict(v) for k, v in volumes.items() if k[0] in in_several}
    years = defaultdict(lambda: defaultdict(int))
    for (e, month), counts in summed.items():
        for role, n in counts.items():
            years[e, month[:4]][role] += n
    stored = defaultdict(dict)
    for e, year, role, n in rows(db, f"""SELECT ?e ?year ?role ?n WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{
        ?y fk:yearOf ?e ; fk:year ?year ; ?role ?n FILTER (?role != fk:yearOf && ?role != fk:year) }} }}"""):
        stored[e, year][role] = int(n)
    assert dict(stored) == {k: dict(v) for k, v in years.items()}


def _entity_reads(store, entities) -> dict:
    """What an entity's pages read from the statistics, for each entity: its months, the windows of its pages
    by date, its co-mentions, its timeline, and the REST entity with its first pages."""
    from api.page_queries import documents_per_year
    from api.resources import entity_detail
    from api.resources.counts import co_mentioned, entity_month_window, entity_months

    found = {}
    for e in entities:
        kind, ident = e[len(BASE):].split("/")
        for role in ("documentCount", "claimsAboutCount", "claimsByCount"):
            found[e, role] = (entity_months(store, e, role),
                              [entity_month_window(store, e, role, off, n) for off in (0, 1, 3, 7, 20) for n in (1, 2, 5)])
        found[e] = (co_mentioned(store, e, 5), co_mentioned(store, e, CO_MENTION_LIMIT), documents_per_year(store, e),
                    entity_detail(store, kind, ident, documents=3, claims=2, co_mentioned=CO_MENTION_LIMIT))
    return found


def test_the_summaries_answer_as_every_volume_s_nodes_do(db, monkeypatch):
    """The fast path (the summaries) equals the slow one (the volumes' month and co-mention nodes summed per
    request) on the sample memo and the TEI slices, co-mentions included (summed here for every entity of
    several volumes, as FREQUENT is lowered to the fixture's size)."""
    import graph.statistics

    monkeypatch.setattr(graph.statistics, "FREQUENT", 1)
    assert refresh_statistics(db, totals=True).summary
    entities = sorted(summarised(db))
    assert len(entities) > 10 and US in entities and KISSINGER in entities
    assert rows(db, f"SELECT ?p WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?p fk:coMentionOf <{US}> }} }}")
    fast = _entity_reads(db, entities)
    assert any(window for e in entities for window in fast[e, "documentCount"][1])
    assert fast[US][0] and fast[US][2]
    db.drop_graphs([SUMMARY_GRAPH])                 # a store from before the summaries: the volumes' nodes
    assert _entity_reads(db, entities) == fast
    assert _pages_by_date(db) == _pages_by_date_with_summaries(db)


def _pages_by_date_with_summaries(store) -> dict:
    refresh_statistics(store)                       # puts the missing summaries back
    assert store.has_graph(SUMMARY_GRAPH)
    return _pages_by_date(store)


def test_a_store_without_the_summaries_gets_them_from_a_refresh_alone(db):
    """`frus-kg index` upgrades a store written before the summaries: no volume is counted again."""
    before = sorted(map(str, db.quads(SUMMARY_GRAPH)))
    db.drop_graphs([SUMMARY_GRAPH])
    report = refresh_statistics(db)
    assert (report.volumes, report.unchanged, report.totals, report.summary) == (0, 3, False, True)
    assert sorted(map(str, db.quads(SUMMARY_GRAPH))) == before


def test_the_summaries_follow_a_changed_volume(db):
    db.drop_graphs([SLICE_VOLUME + "/d10"])
    report = refresh_statistics(db)
    assert report.totals and report.summary
    fresh = sorted(map(str, db.quads(SUMMARY_GRAPH)))
    db.drop_graphs([SUMMARY_GRAPH])
    refresh_statistics(db)
    assert sorted(map(str, db.quads(SUMMARY_GRAPH))) == fresh


def _rewrite(db, graph: str, nquads: bytes) -> None:
    """Commit one document graph again, as a `--force` re-ingest does (the batch writer and its ledger entries)."""
    from ingest.ledger import INGEST_VOLUME, SOURCE_DIGEST, BatchWriter, Commit

    digest = db.ledger.values(SOURCE_DIGEST, [graph])[graph]
    volume = db.ledger.values(INGEST_VOLUME, [graph])[graph]
    BatchWriter(db).write([Commit(graph=graph, nquads=nquads, digest=digest, volume=volume)])


def test_regression_a_reingest_that_changed_a_graph_but_no_count_left_the_layers_stale(db):
    graph = SLICE_VOLUME + "/d10"
    g = ox.NamedNode(graph)
    quads = [ox.Quad(s, p, o, g) for s, p, o in db.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows()]
    original = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    _rewrite(db, graph, original)
    refresh_statistics(db)
    _rewrite(db, graph, original)                                   # the same graph again: nothing to count
    assert refresh_statistics(db).volumes == 0
    name = ox.NamedNode("http://schema.org/name")
    changed = [ox.Quad(q.subject, q.predicate, ox.Literal("A title corrected in a re-ingest"), g)
               if q.predicate == name and q.subject == g else q for q in quads]
    assert changed != quads
    _rewrite(db, graph, ox.serialize(changed, format=ox.RdfFormat.N_QUADS))
    report = refresh_statistics(db)                                 # same counts, another graph: counted again
    assert (report.volumes, report.unchanged) == (1, 2)
