"""Which named graphs are materialised layers: caches computed from the data, not data.

The statistics (`graph/stats…`), claim months, the network table, document packs and the VoID counts are
rewritten from the documents and authorities at ingest and by `frus-kg index`. They stay queryable (the API
reads them with SPARQL), but describing the dataset with them would count each fact several times and
change with every cache format. So VoID leaves them out, as it leaves out the ingest ledger (which is not
in RDF at all).
"""
from __future__ import annotations

from ontology.namespaces import BASE

__all__ = ["LAYER_GRAPHS", "is_layer_graph", "layer_filter"]

# the first path segment under {BASE}graph/ of every layer: graph/statistics.py (stats, stats/<volume>,
# stats-entities), graph/claim_months.py, graph/networks/table.py, api/resources/document_packs.py, and
# graph/void_description.py; tests/graph/test_void_description.py checks that each layer's name is here
LAYER_GRAPHS = ("stats", "stats-entities", "claim-months", "networks", "documents", "void")
_ROOT = f"{BASE}graph/"


def is_layer_graph(name: str) -> bool:
    if not name.startswith(_ROOT):
        return False
    return name[len(_ROOT):].split("/", 1)[0] in LAYER_GRAPHS


def layer_filter(variable: str = "?g") -> str:
    """A SPARQL FILTER that keeps only the graphs bound to `variable` that are not layers."""
    starts = " || ".join(f'STRSTARTS(STR({variable}), "{_ROOT}{name}")' for name in LAYER_GRAPHS)
    return f"FILTER (!({starts}))"
