"""Claim filters that no entity total covers (a type alone, a volume with a type, `about` with `claimant`)
page from their first months on and take their totals from the claim-month layer, or count only a little
past the page and say the total is a lower bound; the pages are those of sorting every match."""
from __future__ import annotations

import pytest

import api.resources.claims as claims
from api.resources.claims import CLAIM_TYPES, ClaimFilter, claim_list
from api.resources.paging import Page
from api.resources.rows import count

_PAIR = """SELECT ?about ?who (COUNT(?c) AS ?n) WHERE { ?c a <https://w3id.org/frus-kg/vocab#Claim> ;
  <http://schema.org/about> ?about ; <http://www.w3.org/ns/prov#wasAttributedTo> ?who }
GROUP BY ?about ?who ORDER BY DESC(?n) ?about ?who LIMIT 1"""
_VOLUME = "SELECT ?v WHERE { ?doc a <https://w3id.org/frus-kg/vocab#Document> ; <http://schema.org/isPartOf> ?v } LIMIT 1"


def _walk(store, filt: ClaimFilter, limit: int = 3) -> tuple[list[str], list[dict]]:
    """Every claim, following the pages while they are full, and each page's envelope without its items."""
    ids, envelopes, offset = [], [], 0
    while True:
        found = claim_list(store, filt, Page(offset=offset, limit=limit))
        ids += [item["id"] for item in found["items"]]
        envelopes.append({k: v for k, v in found.items() if k != "items"})
        if not found["next"]:
            return ids, envelopes
        offset += limit


def _sorted_walk(store, filt: ClaimFilter, monkeypatch) -> tuple[list[str], list[dict]]:
    with monkeypatch.context() as patched:
        patched.setattr(claims, "_prefix_page", lambda *args: None)
        patched.setattr(claims, "type_total", lambda *args: None)
        patched.setattr(claims, "type_claims", lambda *args: None)
        patched.setattr(claims, "ordered_layer", lambda *args: False)
        return _walk(store, filt)


def _exact(store, filt: ClaimFilter) -> int:
    return count(store, claims._PROLOGUE, filt.patterns(), "claim")


@pytest.mark.parametrize("claim_type", CLAIM_TYPES)
@pytest.mark.parametrize("with_volume", [False, True])
def test_a_type_alone_or_with_a_volume_pages_as_sorted_with_the_layers_exact_total(sample_store, monkeypatch,
                                                                                   claim_type, with_volume):
    volume = next(iter(sample_store.query(_VOLUME).rows()))[0].value if with_volume else None
    filt = ClaimFilter(claim_type=claim_type, volume=volume, params={"type": claim_type, "volume": volume})
    ids, envelopes = _walk(sample_store, filt)
    assert (ids, envelopes) == _sorted_walk(sample_store, filt, monkeypatch)
    if len(ids) > 3:
        assert claims._type_page(sample_store, filt, Page(limit=3))[0] is not None, "read by the type's months"
    assert claims.type_total(sample_store, claim_type, volume) == _exact(sample_store, filt) == len(ids)
    assert not any(page["totalIsLowerBound"] for page in envelopes)


def test_about_with_claimant_pages_as_sorted_and_its_total_is_exact_under_the_bound(sample_store, monkeypatch):
    about, who, n = (t.value for t in next(iter(sample_store.query(_PAIR).rows())))
    assert int(n) > 3, "the sample must have a pair with several pages"
    filt = ClaimFilter(about=about, claimant=who, params={"about": about, "claimant": who})
    ids, envelopes = _walk(sample_store, filt)
    assert (ids, envelopes) == _sorted_walk(sample_store, filt, monkeypatch)
    assert len(ids) == int(n) == envelopes[0]["total"] and not envelopes[0]["totalIsLowerBound"]
    assert claims._prefix_page(sample_store, filt, Page(limit=3), filt.patterns()) is not None, "read by months"


def test_a_total_counted_to_its_bound_says_it_is_a_lower_bound_and_next_still_follows(sample_store, monkeypatch):
    about, who, n = (t.value for t in next(iter(sample_store.query(_PAIR).rows())))
    filt = ClaimFilter(about=about, claimant=who, params={"about": about, "claimant": who})
    expected, _ = _walk(sample_store, filt)
    monkeypatch.setattr(claims, "COUNT_BEYOND", 1)
    ids, envelopes = _walk(sample_store, filt)
    assert ids == expected
    first = envelopes[0]
    assert first["totalIsLowerBound"] and first["total"] == 3 + 1 < int(n)
    assert all(page["total"] <= int(n) for page in envelopes)


def test_an_entity_pages_claim_lists_read_together_equal_each_list_alone(sample_store):
    from api.resources.entities import entity_detail
    from api.resources.links import kind_of

    about, who, _ = (t.value for t in next(iter(sample_store.query(_PAIR).rows())))
    for iri in (about, who):
        kind = kind_of(iri)
        if kind is None:
            continue
        page = entity_detail(sample_store, kind, iri.rsplit("/", 1)[-1], claims=5)
        for key, filt in (("claimsBy", ClaimFilter(claimant=iri, params={"claimant": iri})),
                          ("claimsAbout", ClaimFilter(about=iri, params={"about": iri}))):
            alone = claim_list(sample_store, filt, Page(limit=5))
            assert (page[key], page[key + "Total"], page[key + "Next"]) == (alone["items"], alone["total"], alone["next"])
        assert page["claimsBy"] or page["claimsAbout"]


@pytest.mark.parametrize("filters", [{}, {"claim_type": "Assessment"}, {"about": None}])
def test_a_filter_a_layer_counts_is_counted_whole_when_the_store_lacks_the_layer(sample_store, monkeypatch, filters):
    """Regression (test_statistics): without the statistics, /claims with no filter gave a bounded total."""
    about = next(iter(sample_store.query(_PAIR).rows()))[0].value
    filt = ClaimFilter(**{k: about if k == "about" else v for k, v in filters.items()}, params={})
    monkeypatch.setattr(claims, "COUNT_BEYOND", 1)
    monkeypatch.setattr(claims, "_known_total", lambda *args: None)
    monkeypatch.setattr(claims, "_claim_months_page", lambda *args: (None, None))
    monkeypatch.setattr(claims, "_type_page", lambda *args: (None, None))
    found = claim_list(sample_store, filt, Page(limit=2))
    assert found["total"] == _exact(sample_store, filt) > 3 and not found["totalIsLowerBound"]
