-- Once, after the first start of virtuoso-t with virtuoso.ini (isql-vt 1111 dba dba frus-kg-setup.sql).
-- SPARQL Update through /sparql and the Graph Store Protocol through /sparql-graph-crud run as the SQL user
-- "SPARQL" (HTTP requests without credentials, "nobody" for graph permissions): allow them to write. Put the
-- server behind a proxy that authenticates (basic or bearer, which frus-kg sends) before exposing it.
GRANT SPARQL_UPDATE TO "SPARQL";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 15);
-- Virtuoso's default graph is the union of every graph, its own system graphs included (the quad map metadata,
-- the LDP vocabulary, the service description): make those private so frus-kg's queries see only its data.
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);
DB.DBA.RDF_GRAPH_GROUP_CREATE ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', 1);
DB.DBA.RDF_GRAPH_GROUP_INS ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', 'http://www.openlinksw.com/schemas/virtrdf#');
DB.DBA.RDF_GRAPH_GROUP_INS ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', 'http://www.w3.org/ns/ldp#');
DB.DBA.RDF_GRAPH_GROUP_INS ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', 'http://localuriqaserver/sparql');
checkpoint;
