"""A name filter narrowed by the full-text index gives exactly the answer of testing every name."""
from __future__ import annotations

import pytest

import api.resources.entities as entities
from api.resources.entities import EntityFilter, entity_list
from api.resources.name_candidates import name_candidates
from api.resources.paging import Page


def _listing(store, kind: str, name: str) -> tuple[int, list[str]]:
    found = entity_list(store, kind, EntityFilter(name=name, params={"name": name}), Page(limit=100))
    return found["total"], [item["id"] for item in found["items"]]


@pytest.mark.parametrize("kind, name", [("people", "cl"), ("people", "CLARK, w"), ("people", "Fenw"),
                                        ("people", "zz"), ("countries", "el"), ("countries", "Sov"),
                                        ("organizations", "un")])
def test_the_index_narrows_a_name_filter_to_the_same_answer(sample_store, monkeypatch, kind, name):
    candidates = name_candidates(sample_store, kind, name)
    assert candidates is not None, "the sample store has a search index: the filter must use it"
    narrowed = _listing(sample_store, kind, name)
    monkeypatch.setattr(entities, "name_candidates", lambda *args: None)
    assert narrowed == _listing(sample_store, kind, name)


def test_the_candidates_hold_every_entity_whose_name_starts_so(sample_store):
    total, every = _listing(sample_store, "people", "cl")
    assert total >= 1 and set(every) <= set(name_candidates(sample_store, "people", "cl"))


@pytest.mark.parametrize("kind, name", [("people", "c"), ("people", "o'b"), ("regions", "eu"), ("people", "-")])
def test_without_a_two_letter_word_or_an_indexed_kind_every_name_is_tested(sample_store, kind, name):
    assert name_candidates(sample_store, kind, name) is None


def test_a_store_without_an_index_tests_every_name(tmp_path):
    class Remote:           # a store with no folder of its own, as a remote SPARQL server
        path = None

    assert name_candidates(Remote(), "people", "cl") is None

    class Unindexed:
        path = tmp_path

    assert name_candidates(Unindexed(), "people", "cl") is None
