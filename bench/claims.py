"""Claims: accuracy on the hand-annotated gold set, and extraction throughput on the TEI corpus.

Accuracy uses tests/fixtures/claims_gold (see its README), split by its committed split.tsv into the
development documents the rules were tuned on and the held-out ones, each figure with a 95% bootstrap
interval over documents. Throughput times claim extraction alone on whole
volumes (after the TEI reader and the entity layer), against two baselines measured in the same run:
sentence splitting alone, and entity extraction on the same documents.
"""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

TITLE = "Claims: gold-set precision/recall and extraction throughput"

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "claims_gold"
WITH_INTERVAL = ("recall", "claimant_accuracy", "about_precision", "about_recall")


def _gold_evaluations() -> tuple[dict, dict[str, str], dict[str, tuple[str, str]]]:
    """Each gold document's evaluation, its split, and its (genre, decade) for the breakdown."""
    from ingest.claims import claims_of
    from ingest.claims.carry import genre_of_heading
    from ingest.claims.evaluation import evaluate, load_gold, load_split
    from ingest.entities import extract_entities
    from ingest.tei_reader import read_tei

    gold = load_gold(GOLD / "gold.tsv")
    split = load_split(GOLD / "split.tsv")
    per, kinds = {}, {}
    for path in sorted(GOLD.glob("*.xml")):
        for record in read_tei(path):
            key = f"{record.volume.id}/{record.doc_id}"
            if key in split:
                extract_entities(record)
                per[key] = evaluate(record, gold, claims_of(record))
                kinds[key] = (genre_of_heading(record.heading), f"{record.date[:3]}0s" if record.date else "undated")
    return per, split, kinds


def _breakdown(per: dict, split: dict[str, str], kinds: dict[str, tuple[str, str]]) -> list[str]:
    """Claimant accuracy and "about" by genre and by decade, per split: where a user can lean on the claimant."""
    from ingest.claims.intervals import bootstrap_interval, pooled

    lines = ["| set | by | group | documents | gold claims | claimant accuracy | recall | about precision | about recall |",
             "|---|---|---|---|---|---|---|---|---|"]
    for part in ("held-out", "development"):
        for axis, by in ((0, "genre"), (1, "decade")):
            groups: dict[str, list] = {}
            for key, ev in per.items():
                if split[key] == part:
                    groups.setdefault(kinds[key][axis], []).append(ev)
            for group, evs in sorted(groups.items()):
                if len(evs) < 10:
                    continue
                total = pooled(evs)
                s = total.summary()
                lo, hi = bootstrap_interval(evs, "claimant_accuracy")
                lines.append(f"| {part} | {by} | {group} | {len(evs)} | {total.gold} | {s['claimant accuracy']:.3f} "
                             f"[{lo:.2f}, {hi:.2f}] | {s['recall']:.3f} | {s['about precision']:.3f} | "
                             f"{s['about recall']:.3f} |")
    return lines


def _by_decision(per: dict, split: dict[str, str]) -> list[str]:
    """Claimant accuracy per kind of decision that chose the claimant (ingest.claims.evaluation.decision_of), per
    split: where the held-out claims lose, counted, without reading any held-out error."""
    from ingest.claims.intervals import pooled

    totals = {part: pooled([ev for key, ev in per.items() if split[key] == part]).by_decision
              for part in ("development", "held-out")}
    kinds = sorted({k for c in totals.values() for k, what in c if what == "pairs"},
                   key=lambda k: -totals["held-out"][(k, "pairs")])
    lines = ["| decision | development pairs | development claimant accuracy | held-out pairs | held-out claimant accuracy | "
             "held-out pairs wrong |", "|---|---|---|---|---|---|"]
    for k in kinds:
        cells = []
        for part in ("development", "held-out"):
            n, ok = totals[part][(k, "pairs")], totals[part][(k, "claimant ok")]
            cells += [str(n), f"{ok / n:.3f}" if n else "–"]
        wrong = totals["held-out"][(k, "pairs")] - totals["held-out"][(k, "claimant ok")]
        lines.append(f"| {k} | " + " | ".join(cells) + f" | {wrong} |")
    return lines


def _gold_section() -> str:
    return _gold_report(*_gold_evaluations())


def _gold_report(per: dict, split: dict[str, str], kinds: dict[str, tuple[str, str]]) -> str:
    """The accuracy tables. Held-out errors are counted, never quoted (the examples come from development)."""
    from ingest.claims.intervals import bootstrap_interval, pooled

    parts = {name: [ev for key, ev in per.items() if split[key] == name or name == "all"]
             for name in ("held-out", "development", "all")}
    cols = ["precision", "recall", "non-claims rejected", "type accuracy", "claimant accuracy", "about exact",
            "about precision", "about recall"]
    lines = ["| set | documents | gold claims | system claims | " + " | ".join(cols) + " |", "|---" * (len(cols) + 4) + "|"]
    for name, evs in parts.items():
        total = pooled(evs)
        s = total.summary()
        cells = []
        for c in cols:
            key = c.replace(" ", "_")
            if key in WITH_INTERVAL:
                lo, hi = bootstrap_interval(evs, key)
                cells.append(f"{s[c]:.3f} [{lo:.2f}, {hi:.2f}]")
            else:
                cells.append(f"{s[c]:.3f}")
        lines.append(f"| {name} | {len(evs)} | {total.gold} | {total.system} | " + " | ".join(cells) + " |")
    held = pooled(parts["held-out"])
    conf = ", ".join(f"{g}→{s} {n}" for (g, s), n in sorted(held.confusion.items()) if g != s)
    out = ["Matching: a claim matches when the other side covers at least half of its characters (text overlap). "
           "Split: tests/fixtures/claims_gold/split.tsv. Brackets: 95% bootstrap interval over documents "
           "(2,000 resamples of whole documents, seed 16; ingest/claims/intervals.py).",
           "", *lines, "",
           "By genre (from the heading: telegram, memorandum, memorandum of conversation, transcript or telephone "
           "call) and by decade of the document's date; groups of fewer than 10 documents are left out:", "",
           *_breakdown(per, split, kinds), "",
           "By the decision that chose the claimant (read from the claim's explanation; "
           "ingest/claims/evaluation.py, `decision_of`), heaviest held-out first:", "",
           *_by_decision(per, split), "", f"Held-out type confusions (gold→system): {conf or 'none'}.", "",
           "Where it fails: counted on the held-out documents; the examples are development documents only, so that "
           "the report never shows the held-out text to whoever writes the next rule:", ""]
    dev = pooled(parts["development"])
    for label, attr in (("missed", "missed"), ("wrong claimant", "wrong_claimant"), ("wrong type", "wrong_type"),
                        ("about not exact", "wrong_about")):
        held_items, dev_items = getattr(held, attr), getattr(dev, attr)
        out.append(f"- {label}: {len(held_items)} held out, {len(dev_items)} development"
                   + ("; e.g. " + "; ".join(i.split(': ', 1)[-1][:70] for i in dev_items[:3]) if dev_items else ""))
    return "\n".join(out)


def _volumes(corpus: Path, quick: bool) -> list[Path]:
    vols = sorted(corpus.glob("*.xml.gz"))
    n = 2 if quick else 12
    if len(vols) <= n:
        return vols
    step = len(vols) / n
    return [vols[int(i * step)] for i in range(n)]


def _throughput_section(corpus: Path, quick: bool) -> str:
    from ingest.claims import claims_of, split_sentences
    from ingest.entities import extract_entities
    from ingest.tei_reader import read_tei

    vols = _volumes(corpus, quick)
    if not vols:
        return f"No TEI volumes under {corpus}: throughput not measured."
    docs = claims_n = 0
    t_read = t_ent = t_split = t_claims = 0.0
    types: Counter = Counter()
    named_speaker = with_about = 0
    for path in vols:
        t0 = time.perf_counter()
        records = list(read_tei(path))
        t1 = time.perf_counter()
        for r in records:
            extract_entities(r)
        t2 = time.perf_counter()
        for r in records:
            split_sentences(r.text, r.body_start, r.body_end)
        t3 = time.perf_counter()
        for r in records:
            found = claims_of(r)
            claims_n += len(found)
            types.update(c.claim_type for c in found)
            with_about += sum(bool(c.about) for c in found)
            named_speaker += sum(c.claim_type in ("report", "quotation") and "reporting verb" not in (c.explanation or "")
                                 and "writer" not in (c.explanation or "") for c in found)
        t4 = time.perf_counter()
        docs += len(records)
        t_read, t_ent, t_split, t_claims = t_read + t1 - t0, t_ent + t2 - t1, t_split + t3 - t2, t_claims + t4 - t3
    rate = docs / t_claims if t_claims else float("inf")
    lines = [
        f"{len(vols)} volumes ({', '.join(p.name.split('.')[0] for p in vols)}), {docs:,} documents, {claims_n:,} claims "
        f"({claims_n / max(docs, 1):.1f} per document).", "",
        "| step | seconds | documents/s | ratio to claim extraction |", "|---|---|---|---|",
        f"| claim extraction (`claims_of`) | {t_claims:.1f} | {rate:.0f} | 1.00 |",
        f"| baseline: sentence splitting only | {t_split:.1f} | {docs / max(t_split, 1e-9):.0f} | {t_split / max(t_claims, 1e-9):.2f} |",
        f"| baseline: entity extraction | {t_ent:.1f} | {docs / max(t_ent, 1e-9):.0f} | {t_ent / max(t_claims, 1e-9):.2f} |",
        f"| TEI reading | {t_read:.1f} | {docs / max(t_read, 1e-9):.0f} | {t_read / max(t_claims, 1e-9):.2f} |", "",
        "Claims by type: " + ", ".join(f"{t} {n:,} ({n / max(claims_n, 1):.0%})" for t, n in types.most_common()) + ".",
        f"Claims with at least one entity in `schema:about`: {with_about / max(claims_n, 1):.0%}; reports and quotations "
        f"attributed to a named speaker (not the writer): {named_speaker:,}.",
    ]
    return "\n".join(lines)


def run(ctx) -> str:
    out = ["### Accuracy on the gold set", ""]
    try:
        out.append(_gold_section())
    except ImportError as exc:
        out.append(f"Not measured: {exc}.")
    out += ["", "### Throughput on the corpus", ""]
    try:
        out.append(_throughput_section(Path(ctx.corpus), ctx.quick))
    except ImportError as exc:
        out.append(f"Not measured: {exc}.")
    return "\n".join(out)
