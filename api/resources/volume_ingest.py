"""Whether a volume's last ingest committed all of it, as the volume's graph says (ingest/incomplete.py writes it).

A volume cut short at ingest keeps the documents read before the break; its page and its list of documents would
look like the whole volume. The page shows this as a notice, `/documents?volume=…` as `incompleteIngest`.
"""
from __future__ import annotations

from graph import Store, sparql_terms as st
from ontology.namespaces import sparql_prologue

from .rows import select

__all__ = ["incomplete_ingest"]

_PROLOGUE = sparql_prologue("schema", "fk")


def incomplete_ingest(store: Store, volume: str) -> dict | None:
    """{file, reason, documentsRead, documentsFailed, line, column} of the volume's last ingest when it left documents
    out (a value the graph does not give is None); None when the graph says nothing of the kind."""
    term = st.iri(volume)
    rows = list(select(store, _PROLOGUE + f"""SELECT ?file ?reason ?read ?failed ?line ?column WHERE {{ GRAPH {term} {{
  {term} fk:incompleteIngest ?i . ?i fk:sourceFile ?file ; schema:description ?reason ; fk:documentsRead ?read .
  OPTIONAL {{ ?i fk:documentsFailed ?failed }} OPTIONAL {{ ?i fk:stoppedAtLine ?line }} OPTIONAL {{ ?i fk:stoppedAtColumn ?column }}
}} }} LIMIT 1"""))
    if not rows:
        return None
    row = rows[0]
    return {"file": row["file"], "reason": row["reason"], "documentsRead": row["read"],
            "documentsFailed": row.get("failed", 0), "line": row.get("line"), "column": row.get("column")}
