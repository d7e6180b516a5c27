"""`type_strict` in reconciliation queries with several types, through a real `frus-kg serve`: 'any' and 'all' restrict
the candidates, 'should' ranks them; every message checked against the spec's JSON Schemas (post_batch)."""
from __future__ import annotations

import pytest

from api.reconcile_match import SHOULD_TYPE_PENALTY
from tests.api.test_reconcile import post_batch

JAPAN, HIROHITO = "countries/japan", "people/105953"     # the country, and the person whose name holds "Japan"


def _found(answer: dict) -> dict[str, dict]:
    return {c["id"]: c for c in answer["result"]}


def _type_feature(candidate: dict) -> bool:
    return next(f["value"] for f in candidate["features"] if f["id"] == "type")


@pytest.mark.parametrize("how", ["form", "json"])
def test_regression_type_strict_all_and_should_were_read_as_any(server, how):
    """Every `type_strict` was read as 'any'. 'all' asks for entities bearing every type given, and each entity here has
    one: a person-and-country has no candidate. 'should' makes the types a preference: other kinds are candidates too,
    ranked below by the penalty and never a match."""
    both = ["person", "country"]
    body = post_batch(server, {"any": {"query": "Japan", "type": both},
                               "default": {"query": "Japan", "type": both, "limit": 5},
                               "all": {"query": "Japan", "type": both, "type_strict": "all"},
                               "all_one": {"query": "Japan", "type": ["country", "Country"], "type_strict": "all"},
                               "only_person": {"query": "Japan", "type": "person", "type_strict": "any"},
                               "should": {"query": "Japan", "type": "person", "type_strict": "should"},
                               "should_all": {"query": "Japan", "type": ["person", "country", "organization"],
                                              "type_strict": "should", "limit": 100}}, how)
    assert {HIROHITO, JAPAN} <= set(_found(body["any"])) and _found(body["any"])[JAPAN]["match"] is True
    assert body["default"]["result"] == body["any"]["result"]
    assert body["all"]["result"] == []
    assert [c["id"] for c in body["all_one"]["result"]] == [JAPAN] and body["all_one"]["result"][0]["match"] is True
    assert JAPAN not in _found(body["only_person"])
    should = _found(body["should"])
    assert should[JAPAN]["match"] is False and _type_feature(should[JAPAN]) is False
    assert should[JAPAN]["score"] == round(_found(body["any"])[JAPAN]["score"] - SHOULD_TYPE_PENALTY, 2)
    assert body["should"]["result"][0]["id"] == HIROHITO and _type_feature(should[HIROHITO]) is True
    every_kind = [c["id"] for c in body["should_all"]["result"]]
    assert len(every_kind) == len(set(every_kind)) and {JAPAN, HIROHITO} <= set(every_kind)


def test_under_should_a_type_the_service_has_none_of_restricts_nothing(server):
    """`Q5` (a Wikidata type) with 'any' leaves no candidate, as before; with 'should' the service's own candidates are
    answered, none of them a match, since none bears the type asked."""
    body = post_batch(server, {"any": {"query": "Japan", "type": "Q5"},
                               "should": {"query": "Japan", "type": "Q5", "type_strict": "should"}}, "form")
    assert body["any"]["result"] == []
    assert JAPAN in _found(body["should"]) and not any(c["match"] for c in body["should"]["result"])
