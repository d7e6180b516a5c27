"""Claims by one entity and of one type, paged from the entity's first months on, are the pages of sorting them all."""
from __future__ import annotations

import pytest

import api.resources.claims as claims
from api.resources.claims import CLAIM_TYPES, ClaimFilter, claim_list
from api.resources.paging import Page

_BUSIEST = """SELECT ?who (COUNT(?c) AS ?n) WHERE {{ ?c a <https://w3id.org/frus-kg/vocab#Claim> ; <{p}> ?who }}
GROUP BY ?who ORDER BY DESC(?n) LIMIT 1"""


def _pages(store, filt: ClaimFilter, limit: int) -> list[tuple[int, list[str]]]:
    pages, offset = [], 0
    while True:
        found = claim_list(store, filt, Page(offset=offset, limit=limit))
        pages.append((found["total"], [item["id"] for item in found["items"]]))
        offset += limit
        if offset >= found["total"]:
            return pages


@pytest.mark.parametrize("role, predicate", [("claimant", "http://www.w3.org/ns/prov#wasAttributedTo"),
                                             ("about", "http://schema.org/about")])
def test_prefix_pages_from_the_month_index_equal_the_sorted_pages(sample_store, monkeypatch, role, predicate):
    [(who, _)] = [tuple(t.value for t in row) for row in sample_store.query(_BUSIEST.format(p=predicate)).rows()]
    compared = 0
    for claim_type in CLAIM_TYPES:
        filt = ClaimFilter(**{role: who}, claim_type=claim_type, params={role: who, "type": claim_type})
        assert claims._prefix_page(sample_store, filt, Page(limit=2), filt.patterns()) is not None or \
            claim_list(sample_store, filt, Page(limit=2))["total"] <= 2, "the month index must be used"
        indexed = _pages(sample_store, filt, 2)
        with monkeypatch.context() as patched:
            patched.setattr(claims, "_prefix_page", lambda *args: None)
            assert indexed == _pages(sample_store, filt, 2), claim_type
        compared += sum(len(ids) for _, ids in indexed)
    assert compared >= 4


@pytest.mark.parametrize("dates", [("1981", "1981"), ("1981-10", "1982-03"), ("1981-10-26", "1981-10-26"),
                                   ("1981-10-27", None), (None, "1981-10-25"), (None, "1981-10-26")])
def test_an_entitys_claims_in_a_date_range_from_the_month_index_equal_the_sorted_pages(sample_store, monkeypatch,
                                                                                        dates):
    from api.resources.params import date_bounds

    [(who, _)] = [tuple(t.value for t in row)
                  for row in sample_store.query(_BUSIEST.format(p="http://schema.org/about")).rows()]
    lower, upper = date_bounds(*dates)
    filt = ClaimFilter(about=who, date_from=lower, date_to=upper, params={"about": who, "from": dates[0]})
    indexed = _pages(sample_store, filt, 2)
    with monkeypatch.context() as patched:
        patched.setattr(claims, "_prefix_page", lambda *args: None)
        assert indexed == _pages(sample_store, filt, 2)
