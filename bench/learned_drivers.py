"""Would a classifier learned from the gold drivers beat the rules' drivers? Scored leave-one-document-out.

Usage: python bench/learned_drivers.py [--C 1.0 0.1] (needs scikit-learn: pip install scikit-learn)

Every rules driver of the seeds (eval/gold) and the corpus (../shared/corpus/gold) is a training example. Each
document in turn is held out: the models are trained on the other documents' examples only and applied to the
held-out one, so no score comes from text a model was trained on. Two learned parts are tried:

- relevance: keep a driver only when a logistic regression says its key is in the gold (features: the clause's
  words and word pairs, the rules' category and effect, the cue, its place in the clause and near a causal
  word, how many categories the clause names, how often the document states the key, the format);
- effect: the driver's effect from a logistic regression over the clause's words and its category, where the
  gold names the same category for an overlapping quote, against the rules' effect on the same drivers.

Prints drivers F1 per set for each threshold (0 keeps every rules driver: the rules' own score).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.pipeline import RunOptions, read_structure  # noqa: E402
from extractor.rules import drivers as rules  # noqa: E402
from extractor.rules.driver_words import CATEGORIES, CAUSAL  # noqa: E402
from extractor.text.documents import read_document  # noqa: E402

SETS = {"seeds": (ROOT / "eval" / "gold", ROOT.parent / "shared" / "seeds"),
        "corpus": (ROOT.parent / "shared" / "corpus" / "gold", ROOT.parent / "shared" / "corpus" / "docs")}
KEY = ("commodity", "period", "basis", "effect", "category")
CUES = {category: pattern for category, pattern, _, _ in CATEGORIES}
WORD = re.compile(r"[a-z]+")


def examples(gold_dir: Path, doc_dir: Path) -> list[dict[str, Any]]:
    """One entry per document: its gold driver keys and gold quote spans, and every rules driver's features."""
    documents = []
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text())
        doc = read_document(doc_dir / gold["document"], 10 ** 8)
        reading = read_structure(doc, RunOptions())
        spans = []
        for driver in gold["drivers"]:
            at = doc.text.find(driver["quote"])
            if at >= 0:
                spans.append((at, at + len(driver["quote"]), driver["category"], driver["effect"]))
        items = []
        for section in reading.sections:
            for candidate in rules.candidate_sentences(doc.text, section, reading.month.value):
                found = rules.keyword_drivers(candidate, section.commodity)
                causal_ends = [m.end() for m in CAUSAL.finditer(candidate.text)]
                words = WORD.findall(candidate.text.lower())
                end = candidate.start + len(candidate.text)
                overlapping = [s for s in spans if s[0] < end and candidate.start < s[1]]
                for rank, driver in enumerate(found):
                    cue = CUES[driver.category].search(candidate.text)
                    assert cue is not None
                    near = min((cue.start() - e for e in causal_ends if cue.start() >= e), default=999)
                    features = {f"cat={driver.category}": 1, f"ce={driver.category}{driver.effect}": 1,
                                f"basis={driver.basis}": 1, f"format={reading.format.name}": 1,
                                f"categories={min(len(found), 3)}": 1, f"rank={min(rank, 2)}": 1,
                                f"cue={cue.group(0).lower()}": 1,
                                "causal=" + ("near" if near <= 25 else "mid" if near <= 80 else "far"): 1,
                                f"place={min(cue.start() * 4 // max(len(candidate.text), 1), 3)}": 1}
                    features.update({f"w={w}": 1 for w in words})
                    features.update({f"b={a}_{b}": 1 for a, b in zip(words, words[1:])})
                    same = [s for s in overlapping if s[2] == driver.category]
                    items.append({"key": driver.key(), "features": features, "words": words,
                                  "category": driver.category, "effect": driver.effect,
                                  "gold_up": (same[0][3] == "up") if same else None})
        stated = collections.Counter(item["key"] for item in items)
        for item in items:
            item["features"][f"stated={min(stated[item['key']], 3)}"] = 1
        documents.append({"gold": {tuple(d[k] for k in KEY) for d in gold["drivers"]}, "items": items})
    return documents


def f1(matched: int, gold: int, predicted: int) -> float:
    precision, recall = matched / max(predicted, 1), matched / max(gold, 1)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def held_out(documents: list[dict[str, Any]], features: str, target: str, C: float) -> None:
    """Fill item['p_' + target] for every item, from a model trained on the other documents only."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    for held, document in enumerate(documents):
        train = [item for i, other in enumerate(documents) if i != held for item in other["items"]
                 if item[target] is not None]
        if not document["items"]:
            continue
        vectorizer = DictVectorizer()
        X = vectorizer.fit_transform([item[features] for item in train])
        model = LogisticRegression(C=C, max_iter=3000).fit(X, [bool(item[target]) for item in train])
        probabilities = model.predict_proba(vectorizer.transform([item[features] for item in document["items"]]))
        for item, p in zip(document["items"], probabilities[:, 1]):
            item["p_" + target] = p


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--C", type=float, nargs="+", default=[1.0, 0.1], help="inverse regularisation strengths")
    args = parser.parse_args()
    sets = {name: examples(*dirs) for name, dirs in SETS.items() if dirs[0].is_dir() and dirs[1].is_dir()}
    everything = [document for documents in sets.values() for document in documents]
    for document in everything:
        for item in document["items"]:
            item["relevant"] = item["key"] in document["gold"]
            item["effect_features"] = {f"c={item['category']}": 1, **{f"w={w}": 1 for w in set(item["words"])},
                                       **{f"b={a}_{b}": 1 for a, b in zip(item["words"], item["words"][1:])}}
    print("| learned part | C | threshold | " + " | ".join(f"{name} drivers F1" for name in sets) + " |")
    print("| --- | ---: | ---: | " + " | ".join("---:" for _ in sets) + " |")
    for C in args.C:
        held_out(everything, "features", "relevant", C)
        for threshold in (0.0, 0.2, 0.3, 0.4, 0.5):
            cells = []
            for documents in sets.values():
                matched = gold = predicted = 0
                for document in documents:
                    best: dict[tuple[str, ...], float] = collections.defaultdict(float)
                    for item in document["items"]:
                        best[item["key"]] = max(best[item["key"]], item["p_relevant"])
                    kept = {key for key, p in best.items() if p >= threshold}
                    matched, gold, predicted = (matched + len(kept & document["gold"]), gold + len(document["gold"]),
                                                predicted + len(kept))
                cells.append(f"{f1(matched, gold, predicted):.3f}")
            print(f"| relevance filter | {C} | {threshold} | " + " | ".join(cells) + " |")
    held_out(everything, "effect_features", "gold_up", 1.0)
    labelled = [item for document in everything for item in document["items"] if item["gold_up"] is not None]
    rules_right = sum((item["effect"] == "up") == item["gold_up"] for item in labelled)
    learned_right = sum((item["p_gold_up"] >= 0.5) == item["gold_up"] for item in labelled)
    print(f"\neffect on {len(labelled)} drivers whose category the gold names for an overlapping quote: rules "
          f"{rules_right / len(labelled):.3f}, learned (leave-one-document-out) {learned_right / len(labelled):.3f}")


if __name__ == "__main__":
    main()
