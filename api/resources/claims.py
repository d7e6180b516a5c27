"""Claims: filtered by what they are about, who made them, type, date, volume or document.

A claim filter with `about` and a bounded date range reads the year index (`fk:aboutInYear` with the
year IRIs named in VALUES) instead of every claim about the entity, as docs/claims.md measures.
OPTIONAL groups hold one triple pattern each: Oxigraph 0.5 evaluates a larger OPTIONAL group on its
own, over every claim in the store, before joining it (measured 75 ms for 20 claims of a small store).
A predicate is never a variable bound by VALUES: Oxigraph evaluates `?claim ?rel ?e` with both unbound
and joins afterwards, reading every quad (275 ms for one document's 264 claims on two volumes; 4 ms as a
UNION of the two predicates).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from graph import Store, sparql_terms as st
from graph.statistics import month_key
from ontology.iris import year_iri
from ontology.namespaces import FK, sparql_prologue

from .claim_months import entity_claims, ordered_layer, type_claims, type_total
from .counts import entity_month_window, entity_months, entity_totals, month_counts, month_window, volume_total
from .links import entity_ref, href, labels, list_page, local_name
from .paging import Page
from .params import BadParameter, date_bounds, entity_ref as checked_entity, volume_ref
from .patterns import date_range
from .rows import count, select

__all__ = ["CLAIM_TYPES", "ClaimFilter", "claim_filter", "claim_list", "claim_lists", "claim_items"]

_PROLOGUE = sparql_prologue("schema", "fk", "oa", "prov", "rdfs")
CLAIM_TYPES = ("Assessment", "Decision", "Quotation", "Recommendation", "Report")
MAX_INDEXED_YEARS = 60
MAX_ABOUT = 10          # entities a claim must all be about, as /documents' author, recipient, mentions in all
COUNT_BEYOND = 100      # a total no layer counts is counted to this many claims past the page, then a lower bound


@dataclass
class ClaimFilter:
    """Checked filter values; `params` are the REST parameters they came from (for cursors and links)."""
    about: str | None = None
    also_about: tuple[str, ...] = ()    # a repeated `about`: each claim is about every one of them
    claimant: str | None = None
    claim_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    volume: str | None = None
    document: str | None = None
    params: dict = field(default_factory=dict)

    def _years(self) -> list[int] | None:
        if not (self.about and self.date_from and self.date_to):
            return None
        first, last = int(self.date_from[:4]), int(self.date_to[:4])
        return list(range(first, last + 1)) if 0 <= last - first < MAX_INDEXED_YEARS else None

    def patterns(self) -> str:
        lines = []
        if self.document:
            lines.append(f"?claim prov:wasDerivedFrom {st.iri(self.document)} .")
        years = self._years()
        if years:
            lines.append(st.values("year", (st.iri(year_iri(self.about, y)) for y in years)))
            lines.append("?claim fk:aboutInYear ?year .")
        elif self.about:
            lines.append(f"?claim schema:about {st.iri(self.about)} .")
        lines += [f"?claim schema:about {st.iri(e)} ." for e in self.also_about]
        if self.claimant:
            lines.append(f"?claim prov:wasAttributedTo {st.iri(self.claimant)} .")
        if self.claim_type:
            lines.append(f"?claim fk:claimType {st.iri(FK + self.claim_type)} .")
        lines.append("?claim a fk:Claim ; prov:wasDerivedFrom ?doc .")
        if self.volume:
            lines.append(f"?doc schema:isPartOf {st.iri(self.volume)} .")
        lines += date_range("claim", self.date_from, self.date_to)
        return "\n  ".join(lines)


def claim_filter(given: dict) -> ClaimFilter:
    """The filter of /claims' parameters as given (`about` one value or a list of them), for the JSON route
    and the page alike, so their cursors are the same; BadParameter for a value the API refuses."""
    claim_type = None
    if "type" in given:
        claim_type = next((t for t in CLAIM_TYPES if t.lower() == given["type"].lower()), None)
        if claim_type is None:
            raise BadParameter(f"type: one of {', '.join(CLAIM_TYPES)}")
    about = given.get("about") or []
    about = [checked_entity("about", a) for a in ([about] if isinstance(about, str) else about)]
    if len(about) > MAX_ABOUT:
        raise BadParameter(f"about: at most {MAX_ABOUT} entities")
    lower, upper = date_bounds(given.get("from"), given.get("to"))
    return ClaimFilter(about=about[0] if about else None, also_about=tuple(about[1:]),
                       claimant=checked_entity("claimant", given["claimant"]) if "claimant" in given else None,
                       claim_type=claim_type, date_from=lower, date_to=upper,
                       volume=volume_ref(given["volume"]) if "volume" in given else None, params=given)


def claim_items(store: Store, iris: list[str]) -> list[dict]:
    """Text, type, offsets, page, document, claimants and what each claim is about, in the given order."""
    if not iris:
        return []
    block = st.values("claim", map(st.iri, iris))
    query = _PROLOGUE + f"""SELECT ?claim ?claimType ?text ?date ?page ?doc ?start ?end ?confidence ?cue ?method ?explanation WHERE {{
  {block}
  ?claim fk:claimType ?claimType ; schema:text ?text ; prov:wasDerivedFrom ?doc ; oa:hasTarget ?target .
  ?target oa:hasSelector ?position . ?position oa:start ?start ; oa:end ?end .
  OPTIONAL {{ ?claim schema:dateCreated ?date }} OPTIONAL {{ ?claim fk:page ?page }}
  OPTIONAL {{ ?claim fk:confidence ?confidence }} OPTIONAL {{ ?claim fk:cue ?cue }}
  OPTIONAL {{ ?claim fk:method ?method }} OPTIONAL {{ ?claim fk:explanation ?explanation }}
}}"""
    found = {row["claim"]: row for row in select(store, query)}
    links = list(select(store, _PROLOGUE + f"""SELECT ?claim ?rel ?e WHERE {{
  {block} {{ ?claim prov:wasAttributedTo ?e BIND (prov:wasAttributedTo AS ?rel) }}
  UNION {{ ?claim schema:about ?e BIND (schema:about AS ?rel) }} }}"""))
    names = labels(store, [link["e"] for link in links] + [row["doc"] for row in found.values()])

    grouped: dict[tuple[str, str], list[dict]] = {}
    for link in links:
        grouped.setdefault((link["claim"], link["rel"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]), []).append(
            entity_ref(link["e"], names))

    def related(claim: str, rel: str) -> list[dict]:
        return sorted(grouped.get((claim, rel), []), key=lambda ref: ref["id"])

    items = []
    for iri in iris:
        row = found.get(iri)
        if row is None:
            continue
        items.append({
            "id": iri, "type": "Claim", "claimType": local_name(row["claimType"]), "text": row["text"],
            "date": row.get("date"), "page": row.get("page"), "start": row.get("start"), "end": row.get("end"),
            "document": {"id": row["doc"], "title": names.get(row["doc"]), "href": href(row["doc"])},
            "claimants": related(iri, "wasAttributedTo"), "about": related(iri, "about"),
            "confidence": row.get("confidence"), "cue": row.get("cue"),
            "method": local_name(row.get("method")),
            "explanation": row.get("explanation"),
        })
    return items


def _unfiltered(filt: ClaimFilter) -> bool:
    """No filter but perhaps a volume: what the statistics layer counts."""
    return not (filt.about or filt.claimant or filt.claim_type or filt.date_from or filt.date_to or filt.document)


def _one_entity(filt: ClaimFilter) -> bool:
    """`about` or `claimant` alone: what the statistics layer counts per entity."""
    return _entity_side(filt) and not (
        filt.claim_type or filt.date_from or filt.date_to or filt.document or filt.volume)


def _entity_side(filt: ClaimFilter) -> bool:
    """One entity, `about` or `claimant`, whose claims the layers count and order (two or more: none)."""
    return bool(filt.about) != bool(filt.claimant) and not filt.also_about


def _known_total(store: Store, filt: ClaimFilter) -> int | None:
    if _unfiltered(filt):
        return volume_total(store, "claimCount", filt.volume)
    if _one_entity(filt):
        role = "claimsAboutCount" if filt.about else "claimsByCount"
        return (entity_totals(store, filt.about or filt.claimant) or {}).get(role)
    if filt.claim_type and not (filt.about or filt.claimant or filt.date_from or filt.date_to or filt.document):
        return type_total(store, filt.claim_type, filt.volume)
    return None


def _bounded_count(store: Store, filt: ClaimFilter, patterns: str, page: Page) -> tuple[int, bool]:
    """(total, whether it is a lower bound) for a filter no layer counts: the matches are counted up to
    `COUNT_BEYOND` past the page's end (a LIMIT inside the count, so Oxigraph stops there), so `next` is
    right while the total may be short. One document's claims (a few hundred at most) are counted whole."""
    if filt.document:
        return count(store, _PROLOGUE, patterns, "claim"), False
    cap = page.offset + (page.limit or 0) + COUNT_BEYOND
    rows = list(select(store, _PROLOGUE + f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT ?claim WHERE {{
  {patterns}
}} LIMIT {cap} }}"""))
    found = int(rows[0]["n"]) if rows else 0
    return found, found >= cap


def _months(store: Store, filt: ClaimFilter, page: Page):
    """The months a page spans, from the statistics layer: (months, skip) with no filter but a volume;
    ((index predicate, month keys), skip) with `about` or `claimant` alone; else None."""
    if not page.limit:
        return None
    if _unfiltered(filt):
        return month_window(store, "claimCount", page.offset, page.limit, filt.volume)
    if not _one_entity(filt):
        return None
    role, predicate = ("claimsAboutCount", "fk:aboutInMonth") if filt.about else ("claimsByCount", "fk:byInMonth")
    window = entity_month_window(store, filt.about or filt.claimant, role, page.offset, page.limit)
    return ((predicate, window[0]), window[1]) if window else None


def claim_list(store: Store, filt: ClaimFilter, page: Page, *, total: int | None = None) -> dict:
    """A page of claims by date, document number and place in the text: {total, totalIsLowerBound, limit,
    items, next}.

    `page.limit=None`: all of them. IRIs come last in the order: comparing them reads their strings
    from the store's dictionary, which made sorting a few thousand claims take most of a second.
    `total`: the caller knows it (from the statistics layer), so it is not counted; a filter that no layer
    counts (`about` with `claimant`, an entity with a volume, dates alone) is counted only up to
    `COUNT_BEYOND` claims past the page, and `totalIsLowerBound` says when the total stopped there.
    The OPTIONALs come after every required pattern: Oxigraph 0.5 joins required patterns written after
    an OPTIONAL only after evaluating them on their own, over every claim's target (4 s instead of 68 ms).
    """
    return claim_lists(store, [(filt, page, total)])[0]


def claim_lists(store: Store, lists: list[tuple[ClaimFilter, Page, int | None]]) -> list[dict]:
    """Several `claim_list`s (filter, page, known total) whose items are read together: an entity page's
    claims by and about it in one pass of `claim_items` (three queries instead of six)."""
    pages = [_claim_page(store, filt, page, total) for filt, page, total in lists]
    wanted = list(dict.fromkeys(i for iris, _, _ in pages for i in iris))      # a claim by and about the entity once
    items = {item["id"]: item for item in claim_items(store, wanted)}
    out = []
    for (filt, page, _), (iris, total, lower_bound) in zip(lists, pages):
        listing = list_page("/claims", filt.params, page, total, [items[i] for i in iris if i in items])
        out.append({"total": listing.pop("total"), "totalIsLowerBound": lower_bound, **listing})
    return out


def _claim_page(store: Store, filt: ClaimFilter, page: Page, total: int | None) -> tuple[list[str], int, bool]:
    """The page's claim IRIs, the total, and whether the total is a lower bound."""
    patterns = filt.patterns()
    iris, counted = _claim_months_page(store, filt, page)
    total = counted if total is None else total
    if iris is None:
        iris = _prefix_page(store, filt, page, patterns)
    if iris is None:
        offset, start = page.offset, ""
        months = _months(store, filt, page)
        if months:     # only the months the page spans (statistics layer), not every claim sorted
            keys, offset = months
            if isinstance(keys, tuple):
                start = f"{st.values('key', map(st.iri, keys[1]))} ?claim {keys[0]} ?key ."
            else:
                start = f"{st.values('month', map(st.literal, keys))} ?doc fk:documentMonth ?month ."
        iris = _page_iris(store, filt, patterns, start, page.limit, offset)
    if not page.limit:
        return iris, len(iris), False
    if total is None:
        total = _known_total(store, filt)
    if total is None and _layer_counted(filt):      # a store without the layers: counted whole, as before them
        total = count(store, _PROLOGUE, patterns, "claim")
    if total is None:
        return iris, *_bounded_count(store, filt, patterns, page)
    return iris, total, False


def _layer_counted(filt: ClaimFilter) -> bool:
    """Filters whose total the statistics or the claim-month layer count when the store has them: no filter
    but a volume, one entity (with a type or dates), a type (with a volume). The others are bounded."""
    one = _entity_side(filt) and not (filt.volume or filt.document)
    typed = filt.claim_type and not (filt.about or filt.claimant or filt.document or filt.date_from or filt.date_to)
    return _unfiltered(filt) or one or bool(typed)


def _page_iris(store: Store, filt: ClaimFilter, patterns: str, start: str, limit: int | None, offset: int,
               ordered: bool = False) -> list[str]:
    """`ordered`: sort by the claims' `fk:claimOrder` (claim-month layer, format 2), one value per claim,
    instead of reading each claim's date, document number and offset."""
    window = f"LIMIT {limit} OFFSET {offset}" if limit else ""
    if ordered:
        query = _PROLOGUE + f"""SELECT ?claim WHERE {{
  {start}
  {patterns}
  ?claim fk:claimOrder ?order .
}} ORDER BY ?order ?claim {window}"""
        return [row["claim"] for row in select(store, query)]
    dated = "" if (filt.date_from or filt.date_to) else "OPTIONAL { ?claim schema:dateCreated ?date }"
    query = _PROLOGUE + f"""SELECT ?claim WHERE {{
  {start}
  {patterns}
  ?claim oa:hasTarget ?target . ?target oa:hasSelector ?position . ?position oa:start ?start .
  {dated} OPTIONAL {{ ?doc schema:position ?n }}
}} ORDER BY (!BOUND(?date)) STR(?date) ?n ?start ?claim {window}"""
    return [row["claim"] for row in select(store, query)]


def _claim_months_page(store: Store, filt: ClaimFilter, page: Page) -> tuple[list[str] | None, int | None]:
    """`about` or `claimant` alone, perhaps with a type and whole months of dates: (the page, the total) from
    the claim-month layer (api/resources/claim_months.py); (None, total) when the page reaches the undated
    claims; (None, None) without the layer or for other filters."""
    if page.limit and filt.claim_type and not (filt.about or filt.claimant or filt.document or filt.date_from
                                               or filt.date_to):
        return _type_page(store, filt, page)
    if not page.limit or not _entity_side(filt) or filt.document or filt.volume:
        return None, None
    found = entity_claims(store, filt.about or filt.claimant, "about" if filt.about else "by", filt.claim_type,
                          CLAIM_TYPES, filt.date_from, filt.date_to)
    window = found.window(page.offset, page.limit) if found else None
    if window is None:
        return None, found.total if found else None
    start, offset = window
    if found.ordered:       # the months' claims ordered by one value each: no pattern but the order key
        return _page_iris(store, filt, "", start, page.limit, offset, ordered=True), found.total
    whole = replace(filt, about=None, claimant=None, claim_type=None, date_from=None, date_to=None)
    return _page_iris(store, whole, whole.patterns(), start, page.limit, offset), found.total


def _type_page(store: Store, filt: ClaimFilter, page: Page) -> tuple[list[str] | None, int | None]:
    """A type alone, or with a volume: the page from the keys of the months it spans (`fk:typeInMonth`) ordered
    by `fk:claimOrder`, and the total, from the claim-month layer (format 2); (None, total) when the page
    reaches the undated claims; (None, None) without the layer."""
    found = type_claims(store, filt.claim_type, filt.volume)
    window = found.window(page.offset, page.limit) if found else None
    if window is None:
        return None, found.total if found else None
    start, offset = window
    return _page_iris(store, filt, "", start, page.limit, offset, ordered=True), found.total


def _month_source(store: Store, filt: ClaimFilter):
    """For a filter whose page can be read from its first months on: ((month, claims) in order, a function
    from months to the pattern joining their claims); None for the others. An entity's months (`about` or
    `claimant` with a type or dates; with both, the one with fewer claims), else (a type or dates, perhaps
    a volume) the month counts of the corpus or of the volume. The counts are of every claim, so they only
    say how many months to read first."""
    if filt.document:
        return None
    sides = [(e, role, predicate) for e, role, predicate in ((filt.about, "claimsAboutCount", "fk:aboutInMonth"),
                                                             (filt.claimant, "claimsByCount", "fk:byInMonth")) if e]
    if sides:
        if filt.volume or (len(sides) == 1 and not (filt.claim_type or filt.date_from or filt.date_to)):
            return None
        entity, role, predicate = min(sides, key=lambda side: (entity_totals(store, side[0]) or {}).get(side[1], 0))
        months = entity_months(store, entity, role)
        return None if months is None else (months, lambda chosen: (
            f"{st.values('key', (st.iri(month_key(entity, role, m)) for m in chosen))} ?claim {predicate} ?key ."))
    if not (filt.claim_type or filt.date_from or filt.date_to):
        return None
    months = month_counts(store, "claimCount", filt.volume)
    return None if months is None else (months, lambda chosen: (
        f"{st.values('month', map(st.literal, chosen))} ?doc fk:documentMonth ?month ."))


def _prefix_page(store: Store, filt: ClaimFilter, page: Page, patterns: str) -> list[str] | None:
    """The page from the first months on (`_month_source`), as many as hold it: the months that hold
    `offset + limit` claims of any kind come first, then four times as many, until the page is full; None
    (sort every claim) when the page reaches the undated claims, or without statistics."""
    source = _month_source(store, filt) if page.limit else None
    if source is None:
        return None
    counts, start_of = source
    months = [(month, n) for month, n in counts
              if (not filt.date_from or month >= filt.date_from[:7]) and (not filt.date_to or month < filt.date_to)]
    ordered = ordered_layer(store)
    wanted, need = 0, page.offset + page.limit
    while months:
        seen, cut = 0, len(months)
        for i, (_, n) in enumerate(months):
            seen += n
            if seen >= need * 4 ** wanted:
                cut = i + 1
                break
        start = start_of([month for month, _ in months[:cut]])
        iris = _page_iris(store, filt, patterns, start, page.limit, page.offset, ordered=ordered)
        if len(iris) == page.limit or (cut == len(months) and (filt.date_from or filt.date_to)):
            return iris         # full, or the last page of a date range (which holds no undated claim)
        if cut == len(months):
            return None
        wanted += 1
    return [] if filt.date_from or filt.date_to else None
