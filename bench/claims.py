"""Claims: accuracy on the hand-annotated gold set, and extraction throughput on the TEI corpus.

Accuracy uses tests/fixtures/claims_gold (see its README), split into the development documents the
rules were tuned on and the held-out ones. Throughput times claim extraction alone on whole
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
HELD_OUT = {"frus1955-57v24/d58", "frus1961-63v05/d144", "frus1952-54Guat/d228", "frus1969-76ve15p1/d87"}


def _gold_section() -> str:
    from ingest.claims import claims_of
    from ingest.claims.evaluation import Evaluation, evaluate, load_gold
    from ingest.entities import extract_entities
    from ingest.tei_reader import read_tei

    gold = load_gold(GOLD / "gold.tsv")
    wanted = {g.document for g in gold}
    parts = {"development (7 docs)": Evaluation(), "held out (4 docs)": Evaluation(), "all (11 docs)": Evaluation()}
    for path in sorted(GOLD.glob("*.xml")):
        for record in read_tei(path):
            key = f"{record.volume.id}/{record.doc_id}"
            if key not in wanted:
                continue
            extract_entities(record)
            ev = evaluate(record, gold, claims_of(record))
            parts["held out (4 docs)" if key in HELD_OUT else "development (7 docs)"].merge(ev)
            parts["all (11 docs)"].merge(ev)
    cols = ["gold claims", "system claims", "precision", "recall", "f1", "non-claims rejected", "type accuracy",
            "claimant accuracy", "about exact", "about precision", "about recall"]
    lines = ["| set | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name, ev in parts.items():
        s = ev.summary()
        lines.append(f"| {name} | " + " | ".join(str(s[c]) for c in cols) + " |")
    total = parts["all (11 docs)"]
    conf = ", ".join(f"{g}→{s} {n}" for (g, s), n in sorted(total.confusion.items()) if g != s)
    out = ["Matching: a claim matches when the other side covers at least half of its characters (text overlap).",
           "", *lines, "", f"Type confusions (gold→system): {conf or 'none'}.", "",
           "Where it fails (all documents):", ""]
    for label, items in (("missed", total.missed), ("wrong claimant", total.wrong_claimant),
                         ("wrong type", total.wrong_type)):
        out.append(f"- {label}: {len(items)}" + ("; e.g. " + "; ".join(i.split(': ', 1)[-1][:70] for i in items[:3]) if items else ""))
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
