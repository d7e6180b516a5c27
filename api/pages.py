"""HTML pages. For now a home page with a SPARQL form; entity pages come with the full API."""
from __future__ import annotations

import html

from ontology.namespaces import sparql_prologue

__all__ = ["index_page", "EXAMPLE_QUERY"]

EXAMPLE_QUERY = sparql_prologue("schema", "fk") + """
SELECT ?doc ?name ?role ?office WHERE {
  ?doc fk:hasDocumentRole ?r .
  ?r fk:roleHolder ?p ; fk:roleKind ?role ; schema:roleName ?office .
  ?p schema:name ?name .
} LIMIT 20"""


def index_page() -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>frus-kg</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
textarea{{width:100%;height:14rem;font:14px monospace}}</style></head>
<body><h1>frus-kg</h1>
<p>A knowledge graph of <cite>Foreign Relations of the United States</cite>. Query it with SPARQL 1.1 at
<code>/sparql</code> (GET or POST), or below.</p>
<form action="/sparql" method="get">
<textarea name="query" aria-label="SPARQL query">{html.escape(EXAMPLE_QUERY)}</textarea>
<p><label>Format <select name="format"><option>json</option><option>csv</option><option>tsv</option>
<option>xml</option><option>turtle</option></select></label> <button type="submit">Run query</button></p>
</form></body></html>"""
