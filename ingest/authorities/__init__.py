"""Authority data: Office of the Historian people, POCOM posts, gsh territories (+ Wikidata QIDs), institutions, regions.

`authorities()` is the cached, process-wide lookup; `build_authorities()` makes the committed derivative;
`authority_graphs()` turns it into RDF named graphs for the store.
"""
from .load import Authorities, Institution, Person, Post, Region, Territory, authorities, date_year
from .names import display_name, name_forms, norm, split_name

__all__ = [
    "Authorities", "Institution", "Person", "Post", "Region", "Territory", "authorities", "date_year",
    "display_name", "name_forms", "norm", "split_name",
]
