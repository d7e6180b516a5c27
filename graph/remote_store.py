"""The store protocol on a SPARQL 1.1 server, through the standards only: Query, Update and the Graph Store Protocol.

`RemoteStore` is what `open_store("sparql+http://…")` returns; ingest, query, export, validate, the API, the
pages and the networks use it as they use the embedded `OxigraphStore`. What differs, and why:

- **Writes** are SPARQL Update requests of up to `batch` bytes: `DROP SILENT GRAPH` then `INSERT DATA` for a
  replaced graph, `INSERT DATA` for new ones; many graphs to a request, never one request per triple, and
  never one graph split over two requests, so each document graph is all-or-nothing (a server runs one
  update request in one transaction). Graphs larger than a request are replaced by one request each.
  With `write=gsp` (Virtuoso, whose SPARQL compiler runs out of memory on an INSERT DATA of a few thousand
  triples) each graph is one Graph Store `PUT` (replace) or `POST` (add) of its N-Triples instead.
- **The ledger** (which document graphs are complete) stays out of RDF, as for the embedded store: a SQLite
  file in a local state folder (`settings.state`, one per server URL), beside the full-text search index.
  The ledger's guarantees rest only on each write being atomic and on their order (ingest/ledger.py), which
  an update request and a SQLite transaction both are; a lost state folder costs a re-ingest, never
  wrong data (a rerun with no ledger replaces what it finds).
- **The union default graph** is the server's: queries without FROM must see every named graph (the
  Oxigraph server needs `--union-default-graph`; Virtuoso does it by default). Opening checks it, so
  `union_default_graph` is always True here. Of the `StoreOptions`, only `trusted` applies (the client parses
  what it loads leniently); `bulk` does not (each graph is one request, so `atomic_loads` is True).
- **Reads of whole graphs** use the Graph Store Protocol (`GET ?graph=`); export walks the named graphs
  one at a time (frus-kg writes nothing in the default graph). Each read is checked against the graph's size
  by SPARQL, since servers cap answers (frus-kg's own says so in `X-Result-Truncated`, Virtuoso's Graph Store
  says nothing): a short graph is an error, never a short export.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import IO, Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox

from .errors import RemoteQueryError, StoreError
from .formats import RDF_FORMATS
from .ledger_file import LEDGER_FILE, LedgerFile
from .query_variables import in_query_order
from .remote_settings import RemoteSettings, remote_settings
from .result_writer import Serialized, serialize_result
from .sparql_client import RemoteStoreError, SparqlClient
from .sparql_guard import GuardLimits, dataset_clause, inspect_query
from .store import QueryResult, StoreOptions, _ntriples, graph_name

__all__ = ["RemoteStore", "RemoteStoreError"]

_QUAD_FORMATS = {"nquads", "trig", "jsonld"}
_ACCEPT = {"construct": "application/n-triples", "describe": "application/n-triples"}   # else results as JSON
_UNLIMITED = GuardLimits(max_depth=10**6, max_operators=10**9, max_length=1 << 62)
_NO_GRAPH = "https://w3id.org/frus-kg/id/graph/none"     # a graph never written: the empty default graph
_CHUNK = 200                     # graph names per existence query


class RemoteStore:
    """A SPARQL 1.1 server as a store. `read_only` refuses writes here (the server may allow them)."""

    atomic_loads = True              # each graph goes in one request (see the module docstring)
    union_default_graph = True       # the server's, checked when opened

    def __init__(self, settings: RemoteSettings, *, read_only: bool = False, row_cap: int = 100_000,
                 options: StoreOptions = StoreOptions()):
        if not options.union_default_graph:
            raise StoreError(f"{settings.url}: a server's default graph is its own configuration, and frus-kg "
                             f"needs it to be the union of the graphs")
        self.settings = settings
        self.url = settings.url
        self.read_only = read_only
        self.row_cap = row_cap
        self.options = options
        self.migrated = 0
        self.path: Path = settings.state            # the local sidecars: ledger and search index
        self._client = SparqlClient(settings)
        try:
            if not read_only:
                self.path.mkdir(parents=True, exist_ok=True)
            self.ledger = LedgerFile(self.path / LEDGER_FILE, read_only=read_only)
            self._check_union()
        except BaseException:
            self._client.close()
            raise

    @classmethod
    def from_url(cls, url: str, *, read_only: bool = False, options: StoreOptions = StoreOptions()) -> "RemoteStore":
        return cls(remote_settings(url), read_only=read_only, options=options)

    def __repr__(self) -> str:
        return f"RemoteStore({self.url})"

    def _check_union(self) -> None:
        """A server whose default graph is only its real default graph would answer every query empty."""
        if self._ask("ASK { GRAPH ?g { ?s ?p ?o } }") and not self._ask("ASK { ?s ?p ?o }"):
            raise RemoteStoreError(f"{self.url}: the server's default graph is not the union of its graphs, and "
                                   f"frus-kg's queries need it (start the Oxigraph server with --union-default-graph)")

    # -- requests ----------------------------------------------------------------------------------
    def _post_query(self, sparql: str, shape: str, default_graphs: Sequence[str] = (),
                    named_graphs: Sequence[str] = (), timeout: float | None = None):
        form = {"query": sparql}
        if default_graphs:
            form["default-graph-uri"] = [graph_name(g)[1:-1] for g in default_graphs]
        if named_graphs:
            form["named-graph-uri"] = [graph_name(g)[1:-1] for g in named_graphs]
        accept = _ACCEPT.get(shape, "application/sparql-results+json")
        return self._client.request("POST", self.settings.query_url, idempotent=True, timeout=timeout, data=form,
                                    headers={"Accept": accept})

    def _ask(self, sparql: str) -> bool:
        return bool(self.query(sparql).boolean)

    def _post_update(self, sparql: str, *, idempotent: bool = True) -> None:
        self._writable()
        self._client.request("POST", self.settings.update_url, idempotent=idempotent, content=sparql.encode("utf-8"),
                             headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.url}: the store is open read-only")

    # -- writes ------------------------------------------------------------------------------------
    def replace_graphs(self, graphs: Mapping[str, Sequence[ox.Quad] | bytes]) -> None:
        """Replace each graph by the given quads (or N-Quads bytes in that graph), each graph inside one request."""
        self._write([(name, _ntriples(name, quads) if quads else "", True) for name, quads in graphs.items()])

    def _write(self, writes: list[tuple[str, str, bool]]) -> None:
        """(graph, N-Triples, replace) to the server: batched SPARQL Update, or a Graph Store PUT (replace) or POST
        (add) per graph when the store URL says `write=gsp`. Graph "" is the default graph."""
        self._writable()
        if self.settings.write != "gsp":
            self._send_batches([(f"DROP SILENT GRAPH {graph_name(n)}" if replace and n else "",
                                 (f"GRAPH {graph_name(n)} {{ {body} }}" if n else body) if body else "")
                                for n, body, replace in writes])
            return
        for name, body, replace in writes:
            if body:
                self._client.request("PUT" if replace else "POST", self.settings.store_url, idempotent=True,
                                     params={"graph": graph_name(name)[1:-1]} if name else {"default": ""},
                                     content=body.encode("utf-8"), headers={"Content-Type": "application/n-triples"})
            elif replace and name:
                self._post_update(f"DROP SILENT GRAPH {graph_name(name)}")

    def _send_batches(self, parts: list[tuple[str, str]]) -> None:
        """(drop, insert) pairs, packed into update requests of about `batch` bytes."""
        drops: list[str] = []
        inserts: list[str] = []
        size = 0
        for drop, insert in parts:
            if size and size + len(drop) + len(insert) > self.settings.batch:
                self._post_update(_update_text(drops, inserts))
                drops, inserts, size = [], [], 0
            if drop:
                drops.append(drop)
            if insert:
                inserts.append(insert)
            size += len(drop) + len(insert)
        if drops or inserts:
            self._post_update(_update_text(drops, inserts))

    def add_graphs_if_absent(self, graphs: Mapping[str, Sequence[ox.Quad]]) -> list[str]:
        self._writable()
        existing = self.existing_graphs(graphs)
        new = {n: q for n, q in graphs.items() if n not in existing}
        self._write([(n, _ntriples(n, q), False) for n, q in new.items() if q])
        return list(new)

    def drop_graphs(self, names: Iterable[str]) -> None:
        self._send_batches([(f"DROP SILENT GRAPH {graph_name(n)}", "") for n in names])

    def load(self, data: bytes | IO[bytes], fmt: str, graph: str | None = None) -> None:
        """Add RDF to the store, as INSERT DATA grouped by graph (the options' `trusted` skips re-checking
        IRIs while parsing; `bulk` makes no difference here)."""
        self._writable()
        target = None if graph is None else ox.NamedNode(graph_name(graph)[1:-1])
        try:
            quads = list(ox.parse(data, format=RDF_FORMATS[fmt], lenient=self.options.trusted))
        except SyntaxError as exc:
            raise StoreError(f"cannot load {fmt} data: {exc}") from None
        by_graph: dict[str, list[ox.Quad]] = {}
        for q in quads:
            g = q.graph_name if fmt in _QUAD_FORMATS or target is None else target
            by_graph.setdefault("" if isinstance(g, ox.DefaultGraph) else g.value, []).append(q)
        self._write([(name, _triples_text(group), False) for name, group in by_graph.items()])

    def update(self, sparql: str) -> None:
        self._post_update(sparql, idempotent=False)

    def checkpoint(self) -> None:
        """Nothing to do: the server manages its own logs."""

    def flush(self) -> None:
        """Nothing to do: every request is committed when it returns."""

    def refresh(self) -> None:
        """Nothing to do: every query sees the server's latest commit."""

    # -- reads -------------------------------------------------------------------------------------
    def query(self, sparql: str, *, default_graphs: Sequence[str] = (),
              named_graphs: Sequence[str] = (), timeout: float | None = None,
              row_cap: int | None = None) -> QueryResult:
        """Run a query on the server (its default graph is the union, see the module docstring); `row_cap` is
        not enforced here (query_serialized caps what it serializes)."""
        form = inspect_query(sparql, _UNLIMITED).form
        dataset = None if default_graphs or named_graphs else dataset_clause(sparql)
        if dataset is not None:         # the server's union default graph would override FROM (Oxigraph does)
            default_graphs, named_graphs = dataset.default or (_NO_GRAPH,), dataset.named
        elif named_graphs and not default_graphs:
            default_graphs = (_NO_GRAPH,)           # Protocol §2.1.4: no default-graph-uri, an empty default graph
        response = self._post_query(sparql, form, default_graphs, named_graphs, timeout)
        media = response.headers.get("content-type", "").split(";")[0].strip()
        cut = _server_cut(response)
        try:
            if media in ("application/sparql-results+json", "application/json"):
                raw = ox.parse_query_results(response.content, ox.QueryResultsFormat.JSON)
                if form == "ask" and not isinstance(raw, ox.QueryBoolean):
                    raw = _ask_from_rows(raw)           # Virtuoso answers ASK with one row of __ASK_RETVAL
                if isinstance(raw, ox.QueryBoolean):
                    return QueryResult("boolean", raw, boolean=bool(raw))
                variables = in_query_order(sparql, tuple(v.value for v in raw.variables))   # Oxigraph's server sorts them
                return QueryResult("solutions", raw, variables=variables, server_cut=cut)
            triples = [ox.Triple(q.subject, q.predicate, q.object)
                       for q in ox.parse(response.content, format=_rdf_format(media, self.url))]
        except SyntaxError as exc:
            raise RemoteStoreError(f"{self.settings.query_url}: the server's answer is not valid {media}: {exc}") from None
        return QueryResult("graph", triples, server_cut=cut)

    def query_serialized(self, sparql: str, fmt: str, *, default_graphs: Sequence[str] = (),
                         named_graphs: Sequence[str] = (), timeout: float | None = None,
                         row_cap: int | None = None) -> Serialized:
        result = self.query(sparql, default_graphs=default_graphs, named_graphs=named_graphs, timeout=timeout)
        written = serialize_result(result, fmt, self.row_cap if row_cap is None else row_cap, spool=None)
        if result.server_cut and not written.truncated:        # cut by the server, not by our own cap
            written = dataclasses.replace(written, truncated=True)
        return written

    def has_graph(self, name: str) -> bool:
        return self._ask(f"ASK {{ GRAPH {graph_name(name)} {{ ?s ?p ?o }} }}")

    def existing_graphs(self, names: Iterable[str]) -> set[str]:
        """Those of `names` the server has, a few hundred to a query."""
        names = list(names)
        found: set[str] = set()
        for i in range(0, len(names), _CHUNK):
            values = " ".join(graph_name(n) for n in names[i:i + _CHUNK])
            rows = self.query(f"SELECT ?g WHERE {{ VALUES ?g {{ {values} }} FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }}")
            found |= {row[0].value for row in rows.rows()}
        return found

    def graph_names(self) -> list[str]:
        """GROUP BY, not DISTINCT: Virtuoso 7.2 answers `SELECT DISTINCT ?g { GRAPH ?g {…} }` from its graph list,
        private graphs included, where GROUP BY honours graph permissions (docs/deploy.md)."""
        return sorted(self._graph_sizes())

    def _graph_sizes(self) -> dict[str, int]:
        """Each named graph and its number of triples, from one query; a list the server cut short is an error
        (whatever walked it would silently miss graphs)."""
        result = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        result.partial_ok = True                    # counted, then refused below with the number
        sizes = {g.value: int(n.value) for g, n in result.rows() if isinstance(g, ox.NamedNode)}
        if result.server_cut:
            raise RemoteStoreError(f"{self.settings.query_url}: the server cut the list of graphs short at "
                                   f"{len(sizes):,} ({result.server_cut}); raise its row limit")
        return sizes

    def quad_count(self) -> int:
        row = next(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows())
        return int(row[0].value)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads of one named graph (a Graph Store GET), or of every named graph, one graph at a time."""
        sizes = {graph: None} if graph is not None else self._graph_sizes()
        for name in sorted(sizes):
            node = ox.NamedNode(graph_name(name)[1:-1])
            for t in self._graph_triples(name, sizes[name]):
                yield ox.Quad(t.subject, t.predicate, t.object, node)

    def _graph_triples(self, name: str, expected: int | None = None) -> list[ox.Triple]:
        """One graph by a Graph Store GET, checked against its size by SPARQL (`expected`, else counted here): a
        server that cut it short (frus-kg's row cap says so in X-Result-Truncated; Virtuoso's ResultSetMaxRows cuts
        in silence) or a 404 for a graph that SPARQL sees (a wrong `store=` endpoint) is an error, never a short
        graph. Oxigraph and Virtuoso both answer 404 for a graph they do not hold: that one is empty."""
        url = self.settings.store_url
        response = self._client.request("GET", url, idempotent=True, missing_ok=True,
                                        params={"graph": graph_name(name)[1:-1]},
                                        headers={"Accept": "application/n-triples"})
        if expected is None:
            expected = self._graph_size(name)
        if response.status_code == 404:
            if expected:
                raise RemoteStoreError(f"{url}: no Graph Store endpoint here (HTTP 404 for graph <{name}>, which holds "
                                       f"{expected:,} triples); name the server's Graph Store endpoint with the store "
                                       f"URL's store= (frus-kg serve: store=rdf-graph-store; Virtuoso: "
                                       f"store=sparql-graph-crud) or FRUS_KG_SPARQL_STORE_URL")
            return []
        media = response.headers.get("content-type", "").split(";")[0].strip()
        try:
            triples = [ox.Triple(q.subject, q.predicate, q.object)
                       for q in ox.parse(response.content, format=_rdf_format(media, self.url))]
        except SyntaxError as exc:
            raise RemoteStoreError(f"{url}: the server's answer for graph <{name}> is not valid {media}: {exc}") from None
        cut = _server_cut(response)
        if cut or len(triples) < expected:
            raise RemoteStoreError(f"{url}: the server sent {len(triples):,} of graph <{name}>'s {expected:,} triples"
                                   f"{f' ({cut})' if cut else ''}: it caps what one request answers (frus-kg serve: "
                                   f"--row-cap; Virtuoso: ResultSetMaxRows), or the graph changed meanwhile. Raise "
                                   f"the server's limit, or export from its store directly")
        return triples

    def _graph_size(self, name: str) -> int:
        row = next(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph_name(name)} {{ ?s ?p ?o }} }}").rows())
        return int(row[0].value)

    def export(self, out: IO[bytes], fmt: str = "nquads", graph: str | None = None) -> None:
        """Every graph is checked whole (`_graph_triples`) before any of it is written."""
        if graph is not None and fmt not in _QUAD_FORMATS:
            ox.serialize(self._graph_triples(graph), out, format=RDF_FORMATS[fmt])
        elif fmt == "nquads":
            sizes = {graph: None} if graph is not None else self._graph_sizes()
            for name in sorted(sizes):
                node = ox.NamedNode(graph_name(name)[1:-1])
                ox.serialize([ox.Quad(t.subject, t.predicate, t.object, node)
                              for t in self._graph_triples(name, sizes[name])], out, format=RDF_FORMATS[fmt])
        elif fmt in _QUAD_FORMATS:
            ox.serialize(list(self.quads(graph)), out, format=RDF_FORMATS[fmt])
        else:
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in self.quads())
            ox.serialize(list(dict.fromkeys(triples)), out, format=RDF_FORMATS[fmt])

    def has_legacy_ledger(self) -> bool:
        return False

    def close(self) -> None:
        self.ledger.close()
        self._client.close()


def _server_cut(response) -> str | None:
    """What the server said when it cut an answer short: frus-kg's X-Result-Truncated, or Virtuoso's
    X-SPARQL-MaxRows (sent only when its ResultSetMaxRows cut a result set); None for a whole answer."""
    said = response.headers.get("x-result-truncated", "")
    if said.lower().startswith("true"):
        return f"X-Result-Truncated: {said}"
    rows = response.headers.get("x-sparql-maxrows")
    return f"X-SPARQL-MaxRows: {rows}" if rows else None


def _ask_from_rows(solutions) -> ox.QueryBoolean:
    """A standard boolean result from a one-row, one-column answer to an ASK (1 or true: true)."""
    row = next(iter(solutions), None)
    value = None if row is None else row[0]
    answer = value is not None and value.value in ("1", "true")
    return ox.parse_query_results(b'{"head":{},"boolean":%s}' % (b"true" if answer else b"false"),
                                  ox.QueryResultsFormat.JSON)


def _update_text(drops: list[str], inserts: list[str]) -> str:
    ops = drops + ([f"INSERT DATA {{ {' '.join(inserts)} }}"] if inserts else [])
    return " ;\n".join(ops)


def _triples_text(quads: list[ox.Quad]) -> str:
    return ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                        format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def _rdf_format(media: str, url: str) -> ox.RdfFormat:
    found = ox.RdfFormat.from_media_type(media) if media else None
    if found is None:
        answered = f"the server answered in {media or 'no declared format'}, which frus-kg cannot read"
        raise RemoteQueryError(f"{url}: {answered}", public=f"the SPARQL {answered}")
    return found
