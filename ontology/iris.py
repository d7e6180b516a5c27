"""How frus-kg mints IRIs. Paths mirror history.state.gov so that links from other datasets map 1:1.

    {BASE}historicaldocuments/frus1981-88v41            the volume (and its graph)
    {BASE}historicaldocuments/frus1981-88v41/d54        a document (and its named graph)
    {BASE}historicaldocuments/frus1981-88v41/d54/mentions/3, …/claims/2, …/notes/1, …/pages/168
    {BASE}people/102617                                 an Office of the Historian person (hsg-people id)
    {BASE}countries/soviet-union                        a country (hsg-gsh territory id)
    {BASE}organizations/un                              an institution
    {BASE}graph/authority/<name>                        authority graphs
    {entity}/years/1961                                 an entity in one year (claims index, fk:aboutInYear)
    {BASE}subjects, …/subjects/headings/human-rights     the FRUS subject taxonomy (SKOS) and its headings
"""
from __future__ import annotations

import re
import unicodedata

from .namespaces import BASE, FK, HSG

__all__ = [
    "volume_iri", "document_iri", "document_url", "graph_iri", "authority_graph_iri", "person_iri",
    "country_iri", "organization_iri", "region_iri", "term_iri", "slug", "vocab", "volume_person_iri",
    "pocom_url", "place_iri", "position_iri", "year_iri", "subject_scheme_iri", "subject_iri", "subject_category_iri",
]


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def vocab(name: str) -> str:
    return FK + name


def volume_iri(volume_id: str) -> str:
    return f"{BASE}historicaldocuments/{volume_id}"


def document_iri(volume_id: str, doc_id: str) -> str:
    return f"{BASE}historicaldocuments/{volume_id}/{doc_id}"


def document_url(volume_id: str, doc_id: str) -> str:
    return f"{HSG}historicaldocuments/{volume_id}/{doc_id}"


def graph_iri(resource_iri: str) -> str:
    """One named graph per document or volume, named by the resource it describes."""
    return resource_iri


def authority_graph_iri(name: str) -> str:
    return f"{BASE}graph/authority/{name}"


def person_iri(hsg_people_id: str) -> str:
    return f"{BASE}people/{hsg_people_id}"


def volume_person_iri(volume_id: str, xml_id: str) -> str:
    return f"{BASE}historicaldocuments/{volume_id}/persons/{xml_id}"


def term_iri(volume_id: str, xml_id: str) -> str:
    return f"{BASE}historicaldocuments/{volume_id}/terms/{xml_id}"


def pocom_url(pocom_id: str) -> str:
    return f"{HSG}departmenthistory/people/{pocom_id}"


def position_iri(position_id: str) -> str:
    return f"{BASE}positions/{position_id}"


def country_iri(gsh_id: str) -> str:
    return f"{BASE}countries/{gsh_id}"


def place_iri(name: str) -> str:
    return f"{BASE}places/{slug(name)}"


def organization_iri(key: str) -> str:
    return f"{BASE}organizations/{slug(key)}"


def region_iri(key: str) -> str:
    return f"{BASE}regions/{slug(key)}"


def subject_scheme_iri() -> str:
    """The FRUS subject taxonomy as a SKOS concept scheme."""
    return f"{BASE}subjects"


def subject_iri(key: str) -> str:
    """A heading of the FRUS subject taxonomy (its slug)."""
    return f"{BASE}subjects/headings/{slug(key)}"


def subject_category_iri(category: str, subcategory: str | None = None) -> str:
    """A category of the FRUS subject taxonomy, or one of its subcategories."""
    return f"{BASE}subjects/{slug(category)}" + (f"/{slug(subcategory)}" if subcategory else "")


def year_iri(entity_iri: str, year: int | str) -> str:
    """The entity in one year: the key of the claims index (fk:aboutInYear)."""
    year = str(year)
    if not re.fullmatch(r"[0-9]{4}", year):
        raise ValueError(f"a year has four digits, not {year!r}")
    return f"{entity_iri}/years/{year}"
