"""A list's total is its own kind's: every kind's total is read together and the wanted one kept."""
from __future__ import annotations

from api.resources.counts import kind_total
from api.resources.links import KINDS
from ontology.namespaces import BASE

_MENTIONED = """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?doc <http://schema.org/mentions> ?e
  FILTER (STRSTARTS(STR(?e), "{prefix}")) }}"""


def test_kind_total_read_from_all_kinds_is_each_kinds_own_count(sample_store):
    """Regression (/people 63 ms on 99 volumes): the total was asked with the kind in the pattern, which
    Oxigraph matched against every person's total node first."""
    totals = {kind: kind_total(sample_store, kind) for kind in KINDS}
    for kind, total in totals.items():
        [(n,)] = sample_store.query(_MENTIONED.format(prefix=BASE + kind + "/")).rows()
        assert total == int(n.value), kind
    assert totals["people"] and totals["countries"] and totals["people"] != totals["countries"]
    assert kind_total(sample_store, "volumes") == 0
