"""Fit the claims carry model (ingest/claims/carry.py) on the gold set's development documents, with
document-grouped cross-validation, and write ingest/data/claims/carry.json.

    python -m bench.claims_carry [--split tests/fixtures/claims_gold/split.tsv] [--out PATH] [--folds 5]

Only documents that split.tsv calls "development" are read, so the held-out figures stay held out. A point is
where the rules would carry a report on (A) or give a sentence to its writer while another speaker was heard
lately (B); its label is whether the gold claimant is the other speaker (1) or the writer (0); points where
both or neither match are left out. The fit is L2-regularised logistic regression by full-batch gradient
descent with AdaGrad steps, in plain Python (a few thousand points, a few hundred features): deterministic, so
the same gold set gives the same weights.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "claims_gold"
OUT = ROOT / "ingest" / "data" / "claims" / "carry.json"
L2 = 1.0
ITERATIONS = 400
STEP = 0.5


def points(split_path: Path) -> tuple[list[tuple[str, list[str], int, bool]], list[str]]:
    """(document, features, label, rules' answer) per labelled point, and the development documents read."""
    from ingest.claims.carry import features
    from ingest.claims.evaluation import claimants_match, load_gold, load_split, locate, names_of_entities
    from ingest.claims.extract import carry_points
    from ingest.entities import extract_entities
    from ingest.tei_reader import read_tei

    split = load_split(split_path)
    development = {k for k, v in split.items() if v == "development"}
    gold = defaultdict(list)
    for g in load_gold(GOLD / "gold.tsv"):
        if g.document in development and g.claim_type != "none":
            gold[g.document].append(g)
    out, seen = [], []
    for path in sorted(GOLD.glob("*.xml")):
        for record in read_tei(path):
            key = f"{record.volume.id}/{record.doc_id}"
            if key not in development or key in seen:
                continue
            seen.append(key)
            extract_entities(record)
            claims, log = carry_points(record)
            names = names_of_entities(record, claims)
            spans = [(g, locate(record.text, g.text)) for g in gold[key]]
            for s, e, ctx, other, voice in log:
                g = next((g for g, sp in spans if sp and 2 * (min(e, sp[1]) - max(s, sp[0])) >= sp[1] - sp[0]), None)
                if g is None:
                    continue
                to_other = claimants_match(names, other.iris, g.claimants)
                to_writer = claimants_match(names, voice.iris, g.claimants)
                if to_other != to_writer:
                    out.append((key, features(ctx), int(to_other), ctx.point == "A"))
    return out, sorted(seen)


def fit(data: list[tuple[str, list[str], int, bool]]) -> dict[str, float]:
    w: dict[str, float] = defaultdict(float)
    g2: dict[str, float] = defaultdict(float)
    n = len(data)
    for _ in range(ITERATIONS):
        grad: dict[str, float] = defaultdict(float)
        for _, feats, y, _ in data:
            z = max(-30.0, min(30.0, sum(w[f] for f in feats)))
            err = 1 / (1 + math.exp(-z)) - y
            for f in feats:
                grad[f] += err / n
        for f in set(grad) | set(w):
            gr = grad.get(f, 0.0) + L2 * w[f] / n
            g2[f] += gr * gr
            w[f] -= STEP * gr / (math.sqrt(g2[f]) + 1e-8)
    return {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= 1e-4}


def _decides(weights: dict[str, float], feats: list[str], threshold: float) -> bool:
    z = max(-30.0, min(30.0, sum(weights.get(f, 0.0) for f in feats)))
    return 1 / (1 + math.exp(-z)) >= threshold


def cross_validate(data, folds: int, thresholds=(0.4, 0.5, 0.6, 0.7)) -> dict:
    """Points right by the rules and by the model on documents left out of the fit, grouped by document."""
    docs = sorted({d for d, *_ in data}, key=lambda d: hashlib.sha256(d.encode()).hexdigest())
    fold_of = {d: i % folds for i, d in enumerate(docs)}
    right = {f"{p} {t}": 0 for p in "AB" for t in thresholds}
    rules_right = {"A": 0, "B": 0}
    count = {"A": 0, "B": 0}
    for k in range(folds):
        train = [x for x in data if fold_of[x[0]] != k]
        test = [x for x in data if fold_of[x[0]] == k]
        w = fit(train)
        for _, feats, y, rules in test:
            point = "A" if rules else "B"
            count[point] += 1
            rules_right[point] += int(rules) == y
            for t in thresholds:
                right[f"{point} {t}"] += int(_decides(w, feats, t)) == y
    return {"points": count, "rules_right": rules_right, "model_right": right}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", type=Path, default=GOLD / "split.tsv")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--threshold-a", type=float, default=0.4, help="keep the running report at or above this")
    ap.add_argument("--threshold-b", type=float, default=0.7, help="give the sentence to the last speaker at or above this")
    args = ap.parse_args(argv)
    data, documents = points(args.split)
    cv = cross_validate(data, args.folds)
    print(json.dumps(cv, indent=1))
    weights = fit(data)
    digest = hashlib.sha256("\n".join(documents).encode()).hexdigest()
    args.out.write_text(json.dumps({
        "about": "ingest/claims/carry.py; fitted by bench/claims_carry.py on the claims gold set's development documents",
        "documents": len(documents), "documents_sha256": digest, "documents_list": documents, "points": len(data),
        "thresholds": {"A": args.threshold_a, "B": args.threshold_b}, "cross_validation": cv, "weights": weights}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weights from {len(data)} points of {len(documents)} documents")


if __name__ == "__main__":
    main()
