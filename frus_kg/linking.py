"""The `frus-kg link`, `load` and `unload` commands: crosswalks out, linksets and other datasets in."""
from __future__ import annotations

import getpass
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .exits import EXIT_QUERY, EXIT_USAGE, err, fail, open_or_exit
from .output_option import dash_is_stdout
from .help_format import Typer

__all__ = ["link_app", "load", "unload", "register"]

link_app = Typer(no_args_is_help=True, help="Links to other datasets: CSV crosswalks out, linksets in.")
StoreOpt = Annotated[Optional[str], typer.Option("--store", help="Store folder or sparql+http(s):// URL [default: $FRUS_KG_STORE or ./data/store]")]


class Kind(str, Enum):
    person = "person"
    country = "country"
    organization = "organization"


@link_app.command("export")
def link_export(
    kind: Annotated[Kind, typer.Option("--kind", help="Which authority records")] = Kind.person,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", callback=dash_is_stdout, help="CSV file to write, - for stdout [default: stdout]")] = None,
    store: StoreOpt = None,
) -> None:
    """Write a CSV crosswalk: frus-kg IRI, label, history.state.gov id, POCOM id, VIAF, Wikidata QID (and years)."""
    from graph.linksets import crosswalk_csv

    db = open_or_exit(store, read_only=True)
    text = crosswalk_csv(db, kind.value)
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}", EXIT_USAGE)
        err.print(f"wrote {text.count(chr(10)) - 1} {kind.value} row(s) to {output}", highlight=False)


@link_app.command("import")
def link_import(
    file: Annotated[Path, typer.Argument(help="CSV: a subject column (our IRI, people/102617, or an hsg-people or gsh id), "
                                              "an object column (the other dataset's IRI, or a Wikidata QID), a relation column")],
    name: Annotated[Optional[str], typer.Option("--name", help="Linkset name: its graph is graph/linkset/NAME [default: the file name]")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Where the links come from (IRI or text) [default: the file name]")] = None,
    who: Annotated[Optional[str], typer.Option("--who", help="Who made the links [default: $USER]")] = None,
    relation: Annotated[Optional[str], typer.Option("--relation", help="Relation for rows without one: exactMatch, closeMatch, relatedMatch")] = None,
    store: StoreOpt = None,
) -> None:
    """Check a linkset (SHACL linkset shape, known frus-kg resources) and store it in its own named graph with its
    provenance; importing the same name again replaces it. A bad line refuses the whole file."""
    from graph.linkset_import import LinksetError, import_linkset
    from graph.void_description import VOID_GRAPH, refresh_void

    db = open_or_exit(store, create=False)
    try:
        graph, count = import_linkset(db, file, name=name, source=source, relation=relation,
                                      who=who or os.environ.get("USER") or getpass.getuser())
    except LinksetError as exc:
        db.close()
        fail(f"{exc}; nothing was stored", EXIT_QUERY)
    if db.has_graph(VOID_GRAPH):            # VoID's counts include the linkset graphs: keep them fresh
        refresh_void(db)
    db.close()
    err.print(f"stored {count} link(s) in {graph}", highlight=False)
    err.print("the crosswalk, /linksets and reconciliation show them now; the networks' `authority` field shows them "
              "after `frus-kg index`, which refreshes the network table", highlight=False)


@link_app.command("remove")
def link_remove(
    name: Annotated[str, typer.Argument(help="The linkset's name, as given to `link import --name`")],
    store: StoreOpt = None,
) -> None:
    """Remove an imported linkset: its links and their provenance, one named graph."""
    from graph.linkset_import import LinksetError, remove_linkset
    from graph.void_description import VOID_GRAPH, refresh_void

    db = open_or_exit(store, create=False)
    try:
        graph = remove_linkset(db, name)
    except LinksetError as exc:
        db.close()
        fail(str(exc), EXIT_USAGE)
    if db.has_graph(VOID_GRAPH):
        refresh_void(db)
    db.close()
    err.print(f"removed {graph}; the networks' `authority` field drops its links after `frus-kg index`", highlight=False)


def load(
    file: Annotated[Path, typer.Argument(help="An RDF file: .ttl, .nt, .nq, .trig, .rdf/.owl/.xml, .jsonld")],
    graph: Annotated[str, typer.Option("--graph", help="Named graph IRI for it (not under frus-kg's own base)")],
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="RDF format when the suffix does not tell: turtle, ntriples, nquads, trig, rdfxml, jsonld")] = None,
    store: StoreOpt = None,
) -> None:
    """Load another RDF dataset into its own named graph, queryable beside ours; loading it again replaces it."""
    from graph.datasets import DatasetError, read_dataset, store_dataset

    try:
        dataset = read_dataset(file, graph, format)        # before the store is opened: a refused file makes none
    except DatasetError as exc:
        fail(str(exc), EXIT_QUERY)
    db = open_or_exit(store)
    count = store_dataset(db, dataset)
    db.close()
    err.print(f"loaded {count} triple(s) into {graph}", highlight=False)


def unload(
    graph: Annotated[str, typer.Option("--graph", help="Named graph IRI of a dataset loaded with `frus-kg load`")],
    store: StoreOpt = None,
) -> None:
    """Remove a dataset loaded with `frus-kg load` (its graph and its description)."""
    from graph.datasets import DatasetError, unload_dataset

    db = open_or_exit(store, create=False)
    try:
        unload_dataset(db, graph)
    except DatasetError as exc:
        db.close()
        fail(str(exc), EXIT_USAGE)
    db.close()
    err.print(f"removed {graph}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(link_app, name="link")
    app.command("load")(load)
    app.command("unload")(unload)
