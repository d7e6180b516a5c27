"""The claim-month layer counts each entity's claims per role, type and month as the claims themselves say."""
from __future__ import annotations

import shutil
from collections import Counter

from graph import open_store
from graph.claim_months import (CLAIM_MONTHS_GRAPH, CLAIM_MONTHS_PREFIX, has_claim_months, month_counts_key,
                                refresh_claim_months)
from graph.statistics import STATS_PREFIX

_CLAIMS = """PREFIX fk: <https://w3id.org/frus-kg/vocab#> PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?role ?type ?e ?date WHERE {
  ?c a fk:Claim ; fk:claimType ?type ; prov:wasDerivedFrom ?doc .
  { ?c schema:about ?e BIND ("about" AS ?role) } UNION { ?c prov:wasAttributedTo ?e BIND ("by" AS ?role) }
  OPTIONAL { ?doc schema:dateCreated ?date } }"""


def _layer(store) -> dict[str, Counter]:
    rows = store.query(f"SELECT ?s ?counts WHERE {{ GRAPH <{CLAIM_MONTHS_GRAPH}> {{ "
                       f"?s <https://w3id.org/frus-kg/vocab#monthCounts> ?counts }} }}").rows()
    return {s.value: Counter({m: int(n) for m, _, n in (pair.partition("=") for pair in counts.value.split())})
            for s, counts in rows}


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
