"""`frus-kg evaluate`: measure the plain-text entity extractor against the FRUS editors' own markup.

For each document of a TEI volume: keep the editors' `persName/@corresp` and `gloss/@target` mentions
as the gold standard, remove them (and every link the markup gave the heading parties), run the
extractor on the plain reading text, and compare:

- person mentions: precision, recall and F1, by exact span and by overlap (one-to-one matching);
- person links: of the editor-tagged mentions whose persons-list entry is cited by an hsg-people
  record (the source URL https://history.state.gov/historicaldocuments/<volume>/persons#<id>), the
  share we link to that same person (after folding hsg-people duplicates); and the precision of the
  links we make on tagged mentions;
- terms (`gloss/@target`): the same span figures, and the share of glosses we tie to the same entry
  of the volume's terms list;
- per document: precision/recall/F1 of the set of people (hsg-people ids) a document names, which does
  not depend on how many of the occurrences the editors chose to tag;
- `untagged_repeats`: false positives that name, with our link, a person the editors tagged elsewhere in
  the same document (the untagged repeats the notes speak of), so a reader can see how much of the
  precision gap is the markup's and not ours. It changes no other figure.
- `initials` (session 37): the mentions made of a person's initials printed as a name ("AWD said…", "HAK:",
  ingest/entities/initials.py), which the editors almost never tag: how many we made, how many fall on a tag, and the
  exact figures with them set aside, so the cost of these links to the strict figures can be read apart.

- title-only mentions ("the Secretary", "the Shah"), ours and the editors', are set aside and counted
  (`title_only`: how many we made, how many fall on an editor's tag, how many of those name the same
  person, and the same person meant where a markup-error rule corrects the tag, `same_person_corrected`:
  frus1964-68v16's "the King" is Constantine II, which the editors tag as Gordon D. King), not scored
  with the names;
- `iris_per_person`: for each person the editors tagged (by hsg-people id), the distinct entity IRIs
  our mentions on those tags carry; the mean and the worst over the 100 most-tagged people (one IRI
  per real person is the goal of issue 16). A tag whose text is no name of the person it points at
  ("Bromley Smith" tagged as Ngo Dinh Diem) is the markup's slip, not a split: set aside and counted
  (`tags_naming_another`);
- `iris_per_person_corrected`: the same figure with the editors' tags that hand-checked rules show point at the
  wrong person (ingest/data/evaluation/markup_errors.toml: "President Johnson" tagged as U. Alexis Johnson) moved to
  the person meant, or set aside when he is not one the metric counts; `tags_corrected` and `by_rule` say how many
  tags each rule moved. Both figures are always reported; no other figure uses the corrections;
- `senders`: of the historical documents whose heading names a sender ("From the Embassy in Iran",
  "Memorandum by …", "The Ambassador in France (Caffery) to …"), the share that get an author
  (a heading party, or a post the entity layer resolves).

Untagged `persName` elements (no @corresp) are people too: a prediction on one is neither a hit nor
a false positive. What the editors leave untagged (6–15% of the occurrences of a tagged surname, per
the notes) counts against our precision: the figures are a lower bound.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ingest.calendar_entries import entry_title
from ingest.authorities import authorities, norm
from ingest.entities.people import TITLE_WORDS
from ingest.entities.posts import heading_posts
from ingest.entities.un_secretary_general import SURFACES as UN_SG_SURFACES
from ingest.markup_errors import matching_error
from ingest.records import DocumentRecord, Mention
from ontology import iris

__all__ = ["SpanScore", "LinkScore", "TitleOnly", "Score", "evaluate_records", "evaluate_volume", "split_of", "TUNE", "REPORT",
           "gold_person_id", "uncovered_entries", "false_positive_persons"]

TUNE, REPORT = "tune", "report"


def split_of(volume_id: str, all_ids: Iterable[str]) -> str:
    """The fixed split: in the sorted list of volume ids, every third volume (0, 3, 6, …) is for tuning."""
    ordered = sorted(all_ids)
    return TUNE if ordered.index(volume_id) % 3 == 0 else REPORT


@dataclass
class SpanScore:
    tp: int = 0
    gold: int = 0
    predicted: int = 0

    def add(self, other: "SpanScore") -> None:
        self.tp += other.tp
        self.gold += other.gold
        self.predicted += other.predicted

    def as_dict(self) -> dict:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "gold": self.gold, "predicted": self.predicted,
                "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class LinkScore:
    linkable: int = 0          # gold mentions whose entry maps to an hsg-people record
    correct: int = 0           # ... that we link to that record
    linked_on_gold: int = 0    # our linked mentions that overlap a linkable gold mention
    linked_right: int = 0      # ... and are right

    def add(self, o: "LinkScore") -> None:
        self.linkable += o.linkable
        self.correct += o.correct
        self.linked_on_gold += o.linked_on_gold
        self.linked_right += o.linked_right

    def as_dict(self) -> dict:
        return {"linkable": self.linkable, "correct": self.correct,
                "rate": round(self.correct / self.linkable, 4) if self.linkable else 0.0,
                "linked": self.linked_on_gold,
                "precision": round(self.linked_right / self.linked_on_gold, 4) if self.linked_on_gold else 0.0}


@dataclass
class TitleOnly:
    """Title-only person mentions, set aside from the name scores."""
    predicted: int = 0          # ours
    gold: int = 0               # the editors' tags on a bare title
    on_gold: int = 0            # ours that overlap such a tag
    same_person: int = 0        # ... and link the person the tag names
    same_person_corrected: int = 0      # ... the person meant, where a markup-error rule corrects the tag

    def add(self, o: "TitleOnly") -> None:
        for k, v in vars(o).items():
            setattr(self, k, getattr(self, k) + v)


_BARE_TITLES = frozenset(TITLE_WORDS) | {"shah", "king", "queen", "emperor", "prime minister", "chancellor"} \
    | {s.lower() for s in UN_SG_SURFACES}


def _title_only(record: DocumentRecord, m: Mention) -> bool:
    surface = re.sub(r"\s+", " ", record.text[m.start:m.end]).strip().lower()
    return (surface[4:] if surface.startswith("the ") else surface) in _BARE_TITLES


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
# "Telegram From the Embassy …", "Memorandum from Dungan to …", "Paper Prepared by …": the sender follows from/by
# (or "Report of").
_FROM_OR_BY = re.compile(rf"\b(?:From|from|by)\s+(?:the\s*)?(?!{_MONTH})(?:[A-Z]|\[)|"
                         r"^(?:\d+\.\s*)?(?:[A-Z][a-z]+\s+)?Report\s+of\s+(?:the\s+)?[A-Z]")   # "Report of the … Committee to …"
# "The Ambassador in France (Caffery) to the Department of State", "No. 5 The Secretary of State to …": the heading
# opens with its sender. Not when it opens with the document's type: "Message to Washington", "Minutes of the Fourth
# Meeting of the United States Delegation to …", "Report to the Operations Coordinating Board" name a recipient only.
_DOCUMENT_TYPE = (r"(?:Memorandum|Memoranda|Telegram|Minutes|Letter|Message|Report|Paper|Position|Note|Notes|Instructions?|"
                  r"Discussion|Annex|Addendum|Chronology|Airgram|Circular|Draft|Oral|Transcript|Telephone|Summary|Study|"
                  r"Response|Dispatch|Despatch|Comment|Special|Confidential|Department|Action|Information|Intelligence)\b")
_OPENS_WITH_SENDER = re.compile(rf"^(?:(?:No\.\s*)?\d+[A-Za-z]?\.?\s+)?(?!{_DOCUMENT_TYPE})[A-Z][^,;]*?\)?\s+to\s+(?:the\s+)?[A-Z]")


def _names_sender(record: DocumentRecord) -> bool:
    heading = record.heading or ""
    if record.body_start >= len(record.text.rstrip()):     # a calendar entry: its title, in the supplements' style
        return not record.is_editorial_note and bool(_FROM_OR_BY.search(entry_title(heading)))   # ("Todis 35 to Geneva")
    return not record.is_editorial_note and bool(_FROM_OR_BY.search(heading) or _OPENS_WITH_SENDER.search(heading))


def _has_author(record: DocumentRecord) -> bool:
    return any(p.role == "author" for p in record.parties) or any(role == "author" for role, _ in heading_posts(record))


@dataclass
class Score:
    volume: str
    documents: int = 0
    person_exact: SpanScore = field(default_factory=SpanScore)
    person_overlap: SpanScore = field(default_factory=SpanScore)
    person_link: LinkScore = field(default_factory=LinkScore)
    term_exact: SpanScore = field(default_factory=SpanScore)
    term_overlap: SpanScore = field(default_factory=SpanScore)
    term_link: LinkScore = field(default_factory=LinkScore)
    person_docs: SpanScore = field(default_factory=SpanScore)   # (document, hsg person) pairs
    untagged_repeats: int = 0   # false positives linked to a person the editors tagged elsewhere in the same document
    initials: int = 0           # mentions of a person's initials (initials.py) …
    initials_on_tags: int = 0   # … of which on an editors' tag
    covered_exact: SpanScore = field(default_factory=SpanScore)   # leaving out the entries the editors did not tag
    uncovered_entries: int = 0
    title_only: TitleOnly = field(default_factory=lambda: TitleOnly())
    person_iris: dict[str, set[str]] = field(default_factory=dict)    # hsg id -> our IRIs on its tags
    person_tags: dict[str, int] = field(default_factory=dict)         # hsg id -> tagged mentions
    senders: SpanScore = field(default_factory=SpanScore)             # tp: with an author; gold: heading names a sender
    tags_naming_another: int = 0    # tags whose text is no name of the person they point at (set aside from iris_per_person)
    corrected_iris: dict[str, set[str]] = field(default_factory=dict)   # the same two, on the corrected tags
    corrected_tags: dict[str, int] = field(default_factory=dict)
    corrections: dict[str, int] = field(default_factory=dict)         # markup-error rule id -> tags it moved
    seconds: float = 0.0

    @property
    def marked(self) -> bool:
        """Whether the editors' markup gave anything to score against (a tagged person or gloss): without it every
        figure is a 0.0 that measures nothing."""
        return bool(self.person_exact.gold or self.term_exact.gold)

    def add(self, o: "Score") -> None:
        self.documents += o.documents
        for name in ("person_exact", "person_overlap", "person_link", "term_exact", "term_overlap", "term_link", "person_docs",
                     "covered_exact"):
            getattr(self, name).add(getattr(o, name))
        self.seconds += o.seconds
        self.untagged_repeats += o.untagged_repeats
        self.initials += o.initials
        self.initials_on_tags += o.initials_on_tags
        self.tags_naming_another += o.tags_naming_another
        self.uncovered_entries += o.uncovered_entries
        self.title_only.add(o.title_only)
        self.senders.add(o.senders)
        for pid, found in o.person_iris.items():
            self.person_iris.setdefault(pid, set()).update(found)
        for pid, n in o.person_tags.items():
            self.person_tags[pid] = self.person_tags.get(pid, 0) + n
        for pid, found in o.corrected_iris.items():
            self.corrected_iris.setdefault(pid, set()).update(found)
        for mine, theirs in ((self.corrected_tags, o.corrected_tags), (self.corrections, o.corrections)):
            for k, n in theirs.items():
                mine[k] = mine.get(k, 0) + n

    def as_dict(self) -> dict:
        return {
            "volume": self.volume, "documents": self.documents,
            "persons": {"exact": self.person_exact.as_dict(), "overlap": self.person_overlap.as_dict(),
                        "link": self.person_link.as_dict(), "per_document": self.person_docs.as_dict(),
                        "untagged_repeats": self.untagged_repeats,
                        "initials": {"predicted": self.initials, "on_tags": self.initials_on_tags,
                                     "exact_without": SpanScore(self.person_exact.tp - self.initials_on_tags, self.person_exact.gold,
                                                                self.person_exact.predicted - self.initials).as_dict()},
                        "covered": {"exact": self.covered_exact.as_dict(), "uncovered_entries": self.uncovered_entries}},
            "terms": {"exact": self.term_exact.as_dict(), "overlap": self.term_overlap.as_dict(),
                      "link": self.term_link.as_dict()},
            "title_only": vars(self.title_only).copy(),
            "iris_per_person": {**self.iris_per_person(), "tags_naming_another": self.tags_naming_another},
            "iris_per_person_corrected": {**self.iris_per_person(corrected=True), "tags_corrected": sum(self.corrections.values()),
                                          "by_rule": dict(sorted(self.corrections.items()))},
            "senders": {"heading_names_sender": self.senders.gold, "with_author": self.senders.tp,
                        "share": round(self.senders.tp / self.senders.gold, 4) if self.senders.gold else 0.0},
            "extraction_cpu_seconds": round(self.seconds, 3),
        }

    def iris_per_person(self, top: int = 100, corrected: bool = False) -> dict:
        """Distinct IRIs per real person over the `top` most-tagged people: mean, worst, and who is worst; on the
        editors' tags as they are, or (`corrected`) with the hand-checked markup errors moved to the person meant."""
        tags, found = (self.corrected_tags, self.corrected_iris) if corrected else (self.person_tags, self.person_iris)
        people = sorted(tags, key=lambda pid: (-tags[pid], pid))[:top]
        counts = [len(found.get(pid, ())) for pid in people]
        if not counts:
            return {"people": 0, "mean": 0.0, "worst": 0, "worst_person": None, "one_iri": 0}
        worst = max(people, key=lambda pid: len(found.get(pid, ())))
        return {"people": len(people), "mean": round(sum(counts) / len(counts), 3), "worst": max(counts),
                "worst_person": worst, "one_iri": sum(c == 1 for c in counts)}


def gold_person_id(volume_id: str, ref: str | None) -> str | None:
    """'#p_CWP_1' in frus1981-88v41 -> the canonical hsg-people id its persons-list entry is cited by."""
    if not ref:
        return None
    vol, _, xml_id = ref.rpartition("#")
    return authorities().volume_people(vol or volume_id).get(xml_id)


def uncovered_entries(records: Sequence[DocumentRecord], min_documents: int = 5,
                      max_share: float = 0.2) -> dict[str, dict[str, tuple[str | None, str]]]:
    """Per volume: the persons-list entries its editors (nearly) never tagged, though their surname is printed.

    The markup has such gaps (in frus1964-68v15 "Brandt, Willy (Herbert Frahm)" is tagged in 11 of
    the 81 documents that print "Brandt"). Judged from the markup and the text alone, never from our
    predictions: an entry whose surname no other entry of the list shares, printed in at least
    `min_documents` documents, tagged in fewer than `max_share` of them. Returns, per volume,
    xml_id -> (its hsg-people IRI or None, its volume-person IRI), so that links to it can be set aside.
    """
    out: dict[str, dict[str, tuple[str | None, str]]] = {}
    by_volume: dict[str, list[DocumentRecord]] = {}
    for r in records:
        if r.volume.persons:
            by_volume.setdefault(r.volume.id, []).append(r)
    for vid, docs in by_volume.items():
        hsg = authorities().volume_people(vid)
        key = {e.xml_id: hsg.get(e.xml_id, e.xml_id) for e in docs[0].volume.persons}   # list duplicates are one person
        surnames: dict[str, set[str]] = {}
        for e in docs[0].volume.persons:
            surname = e.name.split(",")[0].strip()
            if len(surname) >= 3:
                surnames.setdefault(surname, set()).add(key[e.xml_id])
        unique = {sn: next(iter(ks)) for sn, ks in surnames.items() if len(ks) == 1}
        if not unique:
            continue
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(sn) for sn in sorted(unique, key=len, reverse=True)) + r")(?![\w-])")
        printed: dict[str, int] = {}
        tagged: dict[str, int] = {}
        for r in docs:
            for k in {unique[m.group(1)] for m in pattern.finditer(r.text)}:
                printed[k] = printed.get(k, 0) + 1
            for k in {key.get(m.tei_ref.rpartition("#")[2]) for m in r.mentions
                      if m.method == "tei-markup" and m.kind == "person" and m.tei_ref}:
                tagged[k] = tagged.get(k, 0) + 1
        gone = {k for k, n in printed.items() if n >= min_documents and tagged.get(k, 0) < max_share * n}
        if gone:
            out[vid] = {x: (iris.person_iri(hsg[x]) if x in hsg else None, iris.volume_person_iri(vid, x))
                        for x, k in key.items() if k in gone}
    return out


def _match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], overlap: bool) -> dict[int, int]:
    """One-to-one matching gold index -> predicted index (exact spans, or greedy by overlap)."""
    out: dict[int, int] = {}
    if not overlap:
        where = {span: k for k, span in enumerate(pred)}
        for i, span in enumerate(gold):
            k = where.get(span)
            if k is not None:
                out[i] = k
        return out
    used: set[int] = set()
    j0 = 0
    order = sorted(range(len(pred)), key=lambda k: pred[k])
    for i in sorted(range(len(gold)), key=lambda i: gold[i]):
        gs, ge = gold[i]
        while j0 < len(order) and pred[order[j0]][1] <= gs:
            j0 += 1
        for j in range(j0, len(order)):
            k = order[j]
            ps, pe = pred[k]
            if ps >= ge:
                break
            if k not in used and ps < ge and gs < pe:
                out[i] = k
                used.add(k)
                break
    return out


def _strip(record: DocumentRecord) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Take the editors' markup off a record: its tagged mentions (gold) and its unidentified persons (neutral)."""
    gold = [m for m in record.mentions if m.method == "tei-markup"]
    record.mentions = [m for m in record.mentions if m.method != "tei-markup"]
    neutral, record.marked_persons = record.marked_persons, []
    for p in record.parties:
        p.entity = p.label = p.explanation = p.office_iri = p.tei_ref = None
    return gold, neutral


def _predicted_persons(record: DocumentRecord) -> list[Mention]:
    ms = [m for m in record.mentions if m.kind == "person"]
    taken = {(m.start, m.end) for m in ms}
    for p in record.parties:
        if p.start is not None and p.end is not None and (p.start, p.end) not in taken:
            ms.append(Mention(p.start, p.end, "person", "header", 0.5, p.entity, p.label))
    return ms


def _people(record: DocumentRecord, gold: list[Mention], neutral: list[tuple[int, int]]) -> tuple[list[Mention], list[Mention]]:
    """The scored people: the editors' identified ones, and ours outside the spans they left unidentified."""
    gold_people = [m for m in gold if m.kind == "person" and m.tei_ref]
    pred_people = [m for m in _predicted_persons(record) if not any(a < m.end and m.start < b for a, b in neutral)]
    return gold_people, pred_people


def false_positive_persons(record: DocumentRecord, extract: Callable[[DocumentRecord], None]) -> list[Mention]:
    """Run `extract` on a record with the markup taken off; our person mentions no editor's tag matches exactly."""
    gold, neutral = _strip(record)
    extract(record)
    if not record.volume.persons:
        return []
    gold_people, pred_people = _people(record, gold, neutral)
    hit = set(_match([(m.start, m.end) for m in gold_people], [(m.start, m.end) for m in pred_people], False).values())
    return [m for k, m in enumerate(pred_people) if k not in hit]


def evaluate_records(records: Iterable[DocumentRecord], extract: Callable[[DocumentRecord], None],
                     volume: str = "") -> Score:
    """Score `extract` on records that carry the editors' markup as tei-markup mentions."""
    import time

    score = Score(volume)
    records = list(records)
    uncovered = uncovered_entries(records)
    for vid, entries in uncovered.items():
        score.uncovered_entries += len(entries)
    for record in records:
        score.volume = score.volume or record.volume.id
        gold, neutral = _strip(record)
        t = time.process_time()
        extract(record)
        score.seconds += time.process_time() - t
        score.documents += 1
        if _names_sender(record):
            score.senders.add(SpanScore(int(_has_author(record)), 1, 0))
        if not record.volume.persons:
            continue                 # no persons list: the editors tagged no one, there is no ground truth
        _score_people(score, record, gold, neutral, uncovered.get(record.volume.id, {}))
        _score_terms(score, record, gold)
    return score


def _set_titles_aside(score: Score, record: DocumentRecord, gold_people: list[Mention],
                      pred_people: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Bare titles ("the Secretary"), ours and the editors', are counted apart and not scored with names."""
    gold_titles = [m for m in gold_people if _title_only(record, m)]
    pred_titles = [m for m in pred_people if _title_only(record, m)]
    score.title_only.gold += len(gold_titles)
    score.title_only.predicted += len(pred_titles)
    for m in pred_titles:
        tags = [g for g in gold_people if g.start < m.end and m.start < g.end]
        score.title_only.on_gold += bool(tags)
        pid = gold_person_id(record.volume.id, tags[0].tei_ref) if tags else None
        score.title_only.same_person += bool(pid and m.entity == iris.person_iri(pid))
        rule = matching_error(record, tags[0], pid) if pid else None
        meant = rule.meant if rule is not None else pid
        score.title_only.same_person_corrected += bool(meant and m.entity == iris.person_iri(meant))
    taken = {id(m) for m in pred_titles}
    kept_gold = [m for m in gold_people if not _title_only(record, m)
                 and not any(p.start < m.end and m.start < p.end for p in pred_titles)]
    return kept_gold, [m for m in pred_people if id(m) not in taken]


def _prints_a_name_of(pid: str, surface: str) -> bool:
    """Whether a tag's text shares a word with any of the tagged person's names: "Dulles", "Foster", "Allen W.
    Dulles" do for Allen W. Dulles; "Bromley Smith" does not for Ngo Dinh Diem (frus1961-63v03)."""
    a = authorities()
    if pid not in a.people:
        return True
    words = set(norm(surface).replace(".", " ").split())
    return bool(words & _name_words(pid))


@lru_cache(maxsize=4096)
def _name_words(pid: str) -> frozenset[str]:
    p = authorities().person(pid)
    return frozenset(w for n in (p.name, p.sort, *p.variants) for w in norm(n).replace(".", " ").replace(",", " ").split()
                     if len(w) > 1)


def _score_people(score: Score, record: DocumentRecord, gold: list[Mention], neutral: list[tuple[int, int]],
                  left_out: dict[str, tuple[str | None, str]]) -> None:
    vid = record.volume.id
    gold_people, pred_people = _set_titles_aside(score, record, *_people(record, gold, neutral))
    g = [(m.start, m.end) for m in gold_people]
    p = [(m.start, m.end) for m in pred_people]
    exact, over = _match(g, p, False), _match(g, p, True)
    score.person_exact.add(SpanScore(len(exact), len(g), len(p)))
    score.person_overlap.add(SpanScore(len(over), len(g), len(p)))
    initials = [k for k, m in enumerate(pred_people) if m.explanation and "is the initials of" in m.explanation]
    score.initials += len(initials)
    score.initials_on_tags += len(set(initials) & set(exact.values()))
    for i, m in enumerate(gold_people):
        hsg = gold_person_id(vid, m.tei_ref)
        if hsg is None:
            continue
        score.person_link.linkable += 1
        k = over.get(i)
        ent = pred_people[k].entity if k is not None else None
        if not _prints_a_name_of(hsg, record.text[m.start:m.end]):
            score.tags_naming_another += 1      # "Bromley Smith" tagged as Ngo Dinh Diem: the tag's slip, not a split
        else:
            score.person_tags[hsg] = score.person_tags.get(hsg, 0) + 1
            if ent:
                score.person_iris.setdefault(hsg, set()).add(ent)
        _count_corrected(score, record, m, hsg, ent)
        if ent and ent.startswith(iris.person_iri("")):
            score.person_link.linked_on_gold += 1
            if ent == iris.person_iri(hsg):
                score.person_link.correct += 1
                score.person_link.linked_right += 1
    # who is in the document at all: (document, person) pairs, whatever the number of tagged occurrences
    gold_set = {gold_person_id(vid, m.tei_ref) for m in gold_people} - {None}
    pred_set = {m.entity[len(iris.person_iri("")):] for m in pred_people
                if m.entity and m.entity.startswith(iris.person_iri(""))}
    score.person_docs.add(SpanScore(len(gold_set & pred_set), len(gold_set), len(pred_set)))
    # the same, leaving out the persons-list entries the editors did not tag in this volume
    if left_out:
        out_iris = {iri for pair in left_out.values() for iri in pair if iri}
        gc = [(m.start, m.end) for m in gold_people if m.tei_ref.rpartition("#")[2] not in left_out]
        pc = [(m.start, m.end) for m in pred_people if m.entity not in out_iris]
        score.covered_exact.add(SpanScore(len(_match(gc, pc, False)), len(gc), len(pc)))
    else:
        score.covered_exact.add(SpanScore(len(exact), len(g), len(p)))
    hit = set(over.values())
    score.untagged_repeats += sum(1 for k, m in enumerate(pred_people) if k not in hit and m.entity
                                  and m.entity[len(iris.person_iri("")):] in gold_set)


def _count_corrected(score: Score, record: DocumentRecord, tag: Mention, hsg: str, ent: str | None) -> None:
    """The tag in the corrected identity count: under the person a markup-error rule says it names, set aside when
    that is no one counted, else as in the raw count."""
    rule = matching_error(record, tag, hsg)
    if rule is not None:
        score.corrections[rule.id] = score.corrections.get(rule.id, 0) + 1
        meant = rule.meant
    else:
        meant = hsg if _prints_a_name_of(hsg, record.text[tag.start:tag.end]) else ""
    if not meant:
        return
    score.corrected_tags[meant] = score.corrected_tags.get(meant, 0) + 1
    if ent:
        score.corrected_iris.setdefault(meant, set()).add(ent)


def _score_terms(score: Score, record: DocumentRecord, gold: list[Mention]) -> None:
    names = {t.xml_id: t.name.strip().rstrip(",") for t in record.volume.terms}
    by_name = {n: x for x, n in names.items()}
    gold_terms = [m for m in gold if m.kind == "term" and m.tei_ref]
    pred_terms = [m for m in record.mentions if m.kind != "person" and
                  (m.method == "acronym" or record.text[m.start:m.end] in by_name)]
    gt = [(m.start, m.end) for m in gold_terms]
    pt = [(m.start, m.end) for m in pred_terms]
    t_exact, t_over = _match(gt, pt, False), _match(gt, pt, True)
    score.term_exact.add(SpanScore(len(t_exact), len(gt), len(pt)))
    score.term_overlap.add(SpanScore(len(t_over), len(gt), len(pt)))
    for i, m in enumerate(gold_terms):
        target = m.tei_ref.rpartition("#")[2]
        score.term_link.linkable += 1
        k = t_over.get(i)
        if k is None:
            continue
        score.term_link.linked_on_gold += 1
        surface = record.text[pred_terms[k].start:pred_terms[k].end]
        if by_name.get(surface) == target or names.get(target) == surface:
            score.term_link.correct += 1
            score.term_link.linked_right += 1


def evaluate_volume(path: str | Path, *, use_volume_lists: bool = True, limit: int | None = None) -> Score:
    """Read a TEI volume and score the extractor on it (documents without markup count as read)."""
    from ingest.entities import EntityExtractor
    from ingest.tei_reader import read_tei

    extractor = EntityExtractor(use_volume_lists=use_volume_lists)
    records = read_tei(path, on_error=lambda e: None)
    if limit:
        import itertools
        records = itertools.islice(records, limit)
    vid = re.sub(r"\.(xml|tei)(\.gz)?$", "", Path(path).name)
    return evaluate_records(records, extractor.run, vid)
