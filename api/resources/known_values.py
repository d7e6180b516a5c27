"""A list filter names only what the store knows: `about=countries/ussr`, `volume=frus1981-88v4l` or
`genre=Telegarm` was an empty list, which reads as "no claims" or "no documents" and gets counted so. Now it is a 400 naming the parameter and,
where one is near, the path meant (`united-states` → `countries/united-states`; Wikidata's Q30 → the entity linked to
it), as django-filter answers a choice that does not exist."""
from __future__ import annotations

from graph import Store, sparql_terms as st
from graph.genres import nearest_genres, printed_genres
from graph.identifier_lookup import identified
from ontology.namespaces import BASE

from .claims import ClaimFilter
from .documents import DocumentFilter
from .links import KINDS
from .params import BadParameter
from .rows import select

__all__ = ["require_known", "require_known_iris"]


def _named(filt: DocumentFilter | ClaimFilter) -> list[tuple[str, str]]:
    """(parameter, IRI) of every entity and volume the filter names, in the order the parameters are documented."""
    if isinstance(filt, DocumentFilter):
        named = [("volume", filt.volume)] + [("author", i) for i in filt.authors] \
            + [("recipient", i) for i in filt.recipients] + [("mentions", i) for i in filt.mentions]
    else:
        named = [("about", i) for i in (filt.about, *filt.also_about)] + [("claimant", filt.claimant),
                                                                           ("volume", filt.volume)]
    return [(name, iri) for name, iri in named if iri]


def _unknown(store: Store, iris: list[str]) -> set[str]:
    """Those of `iris` that are not frus-kg's (every entity, claim and volume is minted under the base), or that no
    triple of the store has as its subject or object."""
    ours = [i for i in dict.fromkeys(iris) if i.startswith(BASE)]
    rows = select(store, f"""SELECT ?e WHERE {{ {st.values("e", map(st.iri, ours))}
  FILTER NOT EXISTS {{ {{ ?e ?p ?o }} UNION {{ ?s ?q ?e }} }} }}""") if ours else []
    return {row["e"] for row in rows} | {i for i in iris if not i.startswith(BASE)}


def _near(store: Store, iri: str) -> str | None:
    """The path of an entity the value names without its kind (`united-states`), or with another kind; or, for another
    dataset's IRI (Wikidata's, VIAF's), the paths of the entities linked to it (`skos:exactMatch`)."""
    if not iri.startswith(BASE):
        linked = [found.entity[len(BASE):] for found in identified(store, iri)]
        return " or ".join(linked[:3]) if linked else None
    tail = iri[len(BASE):].rsplit("/", 1)[-1]
    tries = [f"{BASE}{kind}/{tail}" for kind in KINDS if f"{BASE}{kind}/{tail}" != iri]
    unknown = _unknown(store, tries)
    return next((i[len(BASE):] for i in tries if i not in unknown), None)


def require_known(store: Store, filt: DocumentFilter | ClaimFilter) -> None:
    """BadParameter for the first entity, volume or genre the filter names that the store knows nothing about."""
    require_known_iris(store, _named(filt))
    genre = getattr(filt, "genre", None)
    if genre and not printed_genres(store, genre):
        near = nearest_genres(store, genre)
        raise BadParameter(f"genre: no document of the genre {genre!r} in this store; " + (
            f"did you mean {' or '.join(repr(g) for g in near)}?" if near else
            "genres are as the headings print them, in any case (Telegram, Memorandum of Conversation)"))


def require_known_iris(store: Store, named: list[tuple[str, str]]) -> None:
    """BadParameter for the first (parameter, IRI) whose IRI the store knows nothing about."""
    if not named:
        return
    unknown = _unknown(store, [iri for _, iri in named])
    for name, iri in named:
        if iri not in unknown:
            continue
        near = _near(store, iri) if name != "volume" else None
        if near and not iri.startswith(BASE):
            raise BadParameter(f"{name}: {iri} is another dataset's IRI; frus-kg's linked to it: {near}")
        hint = f"; did you mean {near}?" if near else \
            "; a volume is given by its id (frus1981-88v41)" if name == "volume" else \
            "; an entity is given by its IRI or its path (people/102617, countries/el-salvador)"
        raise BadParameter(f"{name}: nothing is known about {iri}{hint}")
