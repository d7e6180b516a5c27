"""The claim-month layer counts each entity's claims per role, type and month as the claims themselves say."""
from __future__ import annotations

import shutil
from collections import Counter

from graph import open_store
from graph.claim_months import (CLAIM_MONTHS_GRAPH, CLAIM_MONTHS_PREFIX, FORMAT, has_claim_months, layer_format,
                                month_counts_key, order_key, refresh_claim_months, type_count_node,
                                type_month_key)
from graph.statistics import STATS_PREFIX

_CLAIMS = """PREFIX fk: <https://w3id.org/frus-kg/vocab#> PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?role ?type ?e ?date WHERE {
  ?c a fk:Claim ; fk:claimType ?type ; prov:wasDerivedFrom ?doc .
  { ?c schema:about ?e BIND ("about" AS ?role) } UNION { ?c prov:wasAttributedTo ?e BIND ("by" AS ?role) }
  OPTIONAL { ?doc schema:dateCreated ?date } }"""


def _layer_types(store) -> dict[str, Counter]:
    rows = store.query(f"SELECT ?s ?counts WHERE {{ GRAPH <{CLAIM_MONTHS_GRAPH}> {{ "
                       f"?s <https://w3id.org/frus-kg/vocab#monthCounts> ?counts }} }}").rows()
    return {s.value: Counter({m: int(n) for m, _, n in (pair.partition("=") for pair in counts.value.split())})
            for s, counts in rows if s.value.startswith(CLAIM_MONTHS_GRAPH + "/types/")}


def _layer(store) -> dict[str, Counter]:
    rows = store.query(f"SELECT ?s ?counts WHERE {{ GRAPH <{CLAIM_MONTHS_GRAPH}> {{ "
                       f"?s <https://w3id.org/frus-kg/vocab#monthCounts> ?counts }} }}").rows()
    return {s.value: Counter({m: int(n) for m, _, n in (pair.partition("=") for pair in counts.value.split())})
            for s, counts in rows if not s.value.startswith(CLAIM_MONTHS_GRAPH + "/types/")}


def test_the_month_counts_are_each_entitys_claims_by_role_type_and_month(sample_store):
    expected: dict[str, Counter] = {}
    for role, claim_type, e, date in sample_store.query(_CLAIMS).rows():
        key = month_counts_key(e.value, role.value, claim_type.value.rsplit("#", 1)[-1])
        expected.setdefault(key, Counter())[date.value[:7] if date is not None else "undated"] += 1
    assert has_claim_months(sample_store)
    assert expected and _layer(sample_store) == expected


def test_a_refresh_recounts_only_what_changed_and_follows_the_statistics(sample_store_path, tmp_path):
    shutil.copytree(sample_store_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    try:
        before = _layer(db)
        report = refresh_claim_months(db)
        assert (report.volumes, report.removed, report.unchanged) == (0, 0, 1)
        report = refresh_claim_months(db, rebuild=True)
        assert report.volumes == 1 and _layer(db) == before
        db.drop_graphs([n for n in db.graph_names() if n.startswith(STATS_PREFIX)])     # a volume's statistics gone
        report = refresh_claim_months(db)
        assert report.removed == 1
        assert not [n for n in db.graph_names() if n.startswith(CLAIM_MONTHS_PREFIX)] and not has_claim_months(db)
    finally:
        db.close()


_ORDERED = """PREFIX fk: <https://w3id.org/frus-kg/vocab#> PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?claim ?key WHERE {
  ?claim a fk:Claim ; prov:wasDerivedFrom ?doc ; oa:hasTarget ?target . ?target oa:hasSelector ?p . ?p oa:start ?start .
  OPTIONAL { ?claim schema:dateCreated ?date } OPTIONAL { ?doc schema:position ?n }
  OPTIONAL { ?claim fk:claimOrder ?key }
} ORDER BY (!BOUND(?date)) STR(?date) ?n ?start ?claim"""


def test_the_claim_order_keys_sort_as_the_claim_lists_order(sample_store):
    rows = [(c.value, key.value if key is not None else None) for c, key in sample_store.query(_ORDERED).rows()]
    assert rows and all(key for _, key in rows), "every claim with a place in the text has a key"
    assert [c for c, _ in sorted(rows, key=lambda row: (row[1], row[0]))] == [c for c, _ in rows]


def test_order_keys_put_a_date_before_a_longer_one_it_begins_and_undated_claims_last():
    keys = [order_key("1959-01-03", 2, 10), order_key("1959-01-03T10:00:00", 1, 0), order_key("1959-01-04", None, 5),
            order_key("1959-01-04", 1, 7), order_key(None, 1, 3)]
    assert sorted(keys) == keys


def test_the_claims_of_each_type_are_counted_per_volume_and_summed(sample_store):
    counted = {t.value.rsplit("#", 1)[-1]: int(n.value) for t, n in sample_store.query(
        "SELECT ?t (COUNT(?c) AS ?n) WHERE { ?c <https://w3id.org/frus-kg/vocab#claimType> ?t ; "
        "a <https://w3id.org/frus-kg/vocab#Claim> ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc } GROUP BY ?t").rows()}
    stored = {node.value: int(n.value) for node, n in sample_store.query(
        f"SELECT ?node ?n WHERE {{ GRAPH <{CLAIM_MONTHS_GRAPH}> {{ ?node <https://w3id.org/frus-kg/vocab#claimCount> ?n }} }}"
    ).rows()}
    assert counted and stored == {type_count_node(t): n for t, n in counted.items()}
    assert layer_format(sample_store) == FORMAT


def test_a_refresh_recounts_the_volumes_of_an_older_format(sample_store_path, tmp_path):
    """Regression: `frus-kg index` without --rebuild must add the order keys to a store built before them."""
    shutil.copytree(sample_store_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    try:
        before = _layer(db)
        db.update("DELETE WHERE { GRAPH ?g { ?g <https://w3id.org/frus-kg/vocab#claimMonthsFormat> ?f } } ; "
                  "DELETE WHERE { GRAPH ?g { ?c <https://w3id.org/frus-kg/vocab#claimOrder> ?k } }")
        assert layer_format(db) == 1
        report = refresh_claim_months(db)
        assert (report.volumes, report.unchanged) == (1, 0)
        assert layer_format(db) == FORMAT and _layer(db) == before
        [(n,)] = db.query("SELECT (COUNT(*) AS ?n) WHERE { ?c <https://w3id.org/frus-kg/vocab#claimOrder> ?k }").rows()
        assert int(n.value) > 0
    finally:
        db.close()


_TYPED = """PREFIX fk: <https://w3id.org/frus-kg/vocab#> PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?c ?type ?v ?date ?key WHERE { ?c fk:claimType ?type ; a fk:Claim ; prov:wasDerivedFrom ?doc . ?doc schema:isPartOf ?v .
  OPTIONAL { ?doc schema:dateCreated ?date } OPTIONAL { ?c fk:typeInMonth ?key } }"""


def test_each_dated_claim_is_keyed_by_its_volume_type_and_month_and_counted_there(sample_store):
    months: dict[str, Counter] = {}
    for c, claim_type, volume, date, key in sample_store.query(_TYPED).rows():
        name = claim_type.value.rsplit("#", 1)[-1]
        month = date.value[:7] if date is not None else None
        assert (key.value if key is not None else None) == (type_month_key(volume.value, name, month) if month else None)
        months.setdefault(name, Counter())[month or "undated"] += 1
    stored = {node.rsplit("/", 1)[-1]: counts for node, counts in _layer_types(sample_store).items()}
    assert months and stored == months
