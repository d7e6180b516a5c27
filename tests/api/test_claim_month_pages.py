"""An entity's claims paged from the claim-month layer are the pages of sorting them all, with the same totals;
a store without the layer answers the same through the old path."""
from __future__ import annotations

import shutil

import pytest

import api.resources.claims as claims
from api.resources.claim_months import entity_claims
from api.resources.claims import CLAIM_TYPES, ClaimFilter, claim_list
from api.resources.paging import Page
from api.resources.params import date_bounds
from graph import open_store
from graph.claim_months import CLAIM_MONTHS_GRAPH

_BUSIEST = """SELECT ?who (COUNT(?c) AS ?n) WHERE {{ ?c a <https://w3id.org/frus-kg/vocab#Claim> ; <{p}> ?who }}
GROUP BY ?who ORDER BY DESC(?n) LIMIT 1"""
_ROLES = [("claimant", "http://www.w3.org/ns/prov#wasAttributedTo"), ("about", "http://schema.org/about")]


def _busiest(store, predicate: str) -> str:
    [(who, _)] = [tuple(t.value for t in row) for row in store.query(_BUSIEST.format(p=predicate)).rows()]
    return who


def _pages(store, filt: ClaimFilter, limit: int = 2) -> list[tuple[int, list[str]]]:
    pages, offset = [], 0
    while True:
        found = claim_list(store, filt, Page(offset=offset, limit=limit))
        pages.append((found["total"], [item["id"] for item in found["items"]]))
        offset += limit
        if offset >= found["total"]:
            return pages


def _sorted_pages(store, filt: ClaimFilter, monkeypatch) -> list[tuple[int, list[str]]]:
    with monkeypatch.context() as patched:
        patched.setattr(claims, "entity_claims", lambda *args: None)
        patched.setattr(claims, "_prefix_page", lambda *args: None)
        return _pages(store, filt)


@pytest.mark.parametrize("role, predicate", _ROLES)
@pytest.mark.parametrize("claim_type", [None, *CLAIM_TYPES])
def test_an_entitys_typed_claims_from_the_layer_are_the_sorted_pages(sample_store, monkeypatch, role, predicate,
                                                                      claim_type):
    who = _busiest(sample_store, predicate)
    filt = ClaimFilter(**{role: who}, claim_type=claim_type, params={role: who, "type": claim_type})
    assert entity_claims(sample_store, who, "by" if role == "claimant" else "about", claim_type, CLAIM_TYPES) \
        is not None, "the layer must be read"
    assert _pages(sample_store, filt) == _sorted_pages(sample_store, filt, monkeypatch)


@pytest.mark.parametrize("dates", [("1981", "1981"), ("1981-10", "1982-03"), ("1981-10-26", "1981-10-26"),
                                   ("1981-10-01", "1981-10-31"), ("1981-11", None), (None, "1981-09")])
@pytest.mark.parametrize("role, predicate", _ROLES)
def test_an_entitys_claims_in_a_date_range_from_the_layer_are_the_sorted_pages(sample_store, monkeypatch, dates,
                                                                                role, predicate):
    who = _busiest(sample_store, predicate)
    lower, upper = date_bounds(*dates)
    filt = ClaimFilter(**{role: who}, date_from=lower, date_to=upper, params={role: who, "from": dates[0]})
    assert _pages(sample_store, filt) == _sorted_pages(sample_store, filt, monkeypatch)


def test_whole_months_of_dates_are_read_from_the_layer_and_a_cut_month_is_not(sample_store):
    who = _busiest(sample_store, "http://schema.org/about")
    assert entity_claims(sample_store, who, "about", None, CLAIM_TYPES, *date_bounds("1981-10", "1981-10")).total > 0
    assert entity_claims(sample_store, who, "about", None, CLAIM_TYPES, *date_bounds("1981-10-26", "1981-10-26")) is None


def test_a_store_without_the_layer_answers_the_same_through_the_old_path(sample_store, sample_store_path, tmp_path):
    shutil.copytree(sample_store_path, tmp_path / "store")
    db = open_store(tmp_path / "store")
    db.drop_graphs([CLAIM_MONTHS_GRAPH])
    db.close()
    old = open_store(tmp_path / "store", read_only=True)
    for role, predicate in _ROLES:
        who = _busiest(sample_store, predicate)
        assert entity_claims(old, who, "about", None, CLAIM_TYPES) is None
        for claim_type in (None, *CLAIM_TYPES):
            filt = ClaimFilter(**{role: who}, claim_type=claim_type, params={role: who})
            assert _pages(old, filt) == _pages(sample_store, filt), (role, claim_type)
