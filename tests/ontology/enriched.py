"""A realistic document graph for SHACL tests: the sample memo with mentions, candidates and claims added.

The extractors are not needed: the mentions are found by string search, so the graph exercises every
shape (annotations, targets, selectors, candidates, claims, roles, pages, notes) with real offsets.
"""
from __future__ import annotations

import copy
import re

from ingest.records import Candidate, Claim, Mention
from ontology.iris import country_iri, person_iri

__all__ = ["enrich", "COUNTRIES"]

COUNTRIES = {"El Salvador": "el-salvador", "Soviet Union": "soviet-union", "Pakistan": "pakistan",
             "Argentina": "argentina", "Japan": "japan", "Afghanistan": "afghanistan", "Poland": "poland"}


def enrich(record, *, claims: int = 6, countries=tuple(COUNTRIES)):
    """A copy of `record` with mentions of `countries` (every occurrence), one ambiguous person
    (Fenwick, with two candidates) and `claims` claims."""
    record = copy.deepcopy(record)
    text = record.text
    mentions = []
    for name in countries:
        gsh = COUNTRIES[name]
        for m in re.finditer(re.escape(name), text):
            mentions.append(Mention(m.start(), m.end(), "country", "gazetteer", 0.9,
                                    entity=country_iri(gsh), label=name, explanation="gazetteer match"))
    for m in re.finditer(r"\bFenwick\b", text):
        mentions.append(Mention(m.start(), m.end(), "person", "name-variant", 0.4,
                                candidates=(Candidate(person_iri("fenwick-millicent"), 0.7, "Millicent Fenwick"),
                                            Candidate(person_iri("fenwick-other"), 0.2, "Another Fenwick"))))
    mentions.sort(key=lambda m: m.start)
    record.mentions = mentions
    sentences = [m for m in re.finditer(r"[A-Z][^.?!\n]{40,400}[.?!]", text) if m.start() > record.body_start][:claims]
    kinds = ["assessment", "recommendation", "decision", "report", "quotation"]
    record.claims = [Claim(s.start(), s.end(), kinds[i % len(kinds)], (person_iri("clark"),),
                           about=(country_iri("soviet-union"),), method="rule", confidence=0.5 + i / 100,
                           explanation="cue word", cue="must")
                     for i, s in enumerate(sentences)]
    return record
