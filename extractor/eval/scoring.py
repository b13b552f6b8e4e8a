"""Scoring extracted facts against gold exactly as the contract's Scoring section says.

Facts match on (commodity, region, metric, segment, content, period, basis,
measure) with segments normalized, and values within 0.5% relative or 0.011
absolute, whichever is larger (ranges end by end, directions exactly). Each side
is first reduced to a set; matching is one to one. Core scores count only
segment-null production, operating_rate and cumulative_production facts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from extractor.facts import DocumentFacts, Driver, Fact
from extractor.record import LABEL_FIELDS


def values_agree(gold: Any, other: Any) -> bool:
    """Whether two fact values agree within the contract's tolerance."""
    if isinstance(gold, str) or isinstance(other, str):
        return gold == other
    if isinstance(gold, list) or isinstance(other, list):
        if not (isinstance(gold, list) and isinstance(other, list)) or len(gold) != len(other):
            return False
        return all(values_agree(g, o) for g, o in zip(gold, other))
    tolerance = max(abs(float(gold)) * 0.005, 0.011)
    return abs(float(gold) - float(other)) <= tolerance


def reduce_to_set(facts: Iterable[Fact]) -> list[Fact]:
    """Drop facts that repeat an earlier one's key and value (a figure stated twice is one fact)."""
    kept: list[Fact] = []
    by_key: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for fact in facts:
        if any(values_agree(seen.value, fact.value) for seen in by_key[fact.key()]):
            continue
        by_key[fact.key()].append(fact)
        kept.append(fact)
    return kept


@dataclass
class Match:
    """The outcome of matching one document's facts: pairs, misses and extras."""

    matched: list[tuple[Fact, Fact]] = field(default_factory=list)
    missed: list[Fact] = field(default_factory=list)
    extra: list[Fact] = field(default_factory=list)


def match_facts(gold: Iterable[Fact], predicted: Iterable[Fact]) -> Match:
    """Match predicted facts to gold one to one, after reducing each side to a set."""
    gold_set, predicted_set = reduce_to_set(gold), reduce_to_set(predicted)
    pool: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for fact in predicted_set:
        pool[fact.key()].append(fact)
    result = Match()
    for fact in gold_set:
        candidates = pool.get(fact.key(), [])
        found = next((p for p in candidates if values_agree(fact.value, p.value)), None)
        if found is None:
            result.missed.append(fact)
        else:
            candidates.remove(found)
            result.matched.append((fact, found))
    result.extra = [p for remaining in pool.values() for p in remaining]
    return result


# ---------------------------------------------------------------- why gold facts were missed
# A gold fact the extractor did not match is either *never extracted* (no fact of the document carries its value),
# extracted with a *wrong value* (a fact with its whole label but another value), or extracted with its value under
# a wrong label: then the one field that differs names the kind (wrong segment, commodity, metric, period, measure,
# region, content, basis), and *several fields* when more than one does. Each extra fact explains one miss at most.

# The table's rows in the order a reader looks for them.
KINDS = ("never extracted", "wrong value", *(f"wrong {name}" for name in LABEL_FIELDS), "several fields")


def _differing(gold: Fact, extra: Fact) -> list[str]:
    return [name for name, g, e in zip(LABEL_FIELDS, gold.key(), extra.key()) if g != e]


def _kind(gold: Fact, pool: list[Fact]) -> tuple[str, Fact | None]:
    """The kind of one miss and the extra fact that explains it (None when nothing does)."""
    same_value = [(len(_differing(gold, e)), i, e) for i, e in enumerate(pool) if values_agree(gold.value, e.value)]
    if same_value:
        _, _, extra = min(same_value, key=lambda t: (t[0], t[1]))
        fields = _differing(gold, extra)
        return (f"wrong {fields[0]}" if len(fields) == 1 else "several fields"), extra
    same_label = next((e for e in pool if e.key() == gold.key()), None)
    return ("wrong value", same_label) if same_label else ("never extracted", None)


def miss_kinds(missed: Iterable[Fact], extra: Iterable[Fact]) -> Counter[str]:
    """Count one document's misses by kind, each extra fact explaining one miss at most."""
    pool = list(extra)
    kinds: Counter[str] = Counter()
    for gold in missed:
        kind, used = _kind(gold, pool)
        kinds[kind] += 1
        if used is not None:
            pool.remove(used)
    return kinds


@dataclass
class Score:
    matched: int = 0
    gold: int = 0
    predicted: int = 0

    def add(self, other: "Score") -> None:
        self.matched += other.matched
        self.gold += other.gold
        self.predicted += other.predicted

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"matched": self.matched, "gold": self.gold, "predicted": self.predicted,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _score(match: Match, keep: Callable[[Fact], bool]) -> Score:
    return Score(
        matched=sum(1 for g, _ in match.matched if keep(g)),
        gold=sum(1 for g, _ in match.matched if keep(g)) + sum(1 for g in match.missed if keep(g)),
        predicted=sum(1 for _, p in match.matched if keep(p)) + sum(1 for p in match.extra if keep(p)),
    )


def _has(attribute: str, value: object) -> Callable[[Fact], bool]:
    return lambda fact: getattr(fact, attribute) == value


def score_drivers(gold: list[Driver], predicted: list[Driver]) -> Score:
    gold_keys = {d.key() for d in gold}
    predicted_keys = {d.key() for d in predicted}
    return Score(len(gold_keys & predicted_keys), len(gold_keys), len(predicted_keys))


@dataclass
class Report:
    """Every number the harness reports, plus the misses and extras behind them."""

    overall: dict[str, Score] = field(default_factory=dict)
    by: dict[str, dict[str, Score]] = field(default_factory=dict)
    month_correct: int = 0
    month_total: int = 0
    missed: list[tuple[str, Fact]] = field(default_factory=list)
    extra: list[tuple[str, Fact]] = field(default_factory=list)
    numbers: "NumbersScore | None" = None
    # Per document set, format and year: {group: {value: Slice}} (only where the documents were tagged).
    slices: dict[str, dict[str, "Slice"]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # documents whose extraction failed: they score zero
    miss_kinds: Counter[str] = field(default_factory=Counter)  # why gold facts were missed, by kind (miss_kinds)

    def as_dict(self) -> dict[str, Any]:
        return {
            "slices": {group: {key: s.as_dict() for key, s in sorted(values.items())}
                       for group, values in self.slices.items()},
            "failed": dict(sorted(self.failed.items())),
            "overall": {name: score.as_dict() for name, score in self.overall.items()},
            "numbers": self.numbers.as_dict() if self.numbers else None,
            "report_month_accuracy": round(self.month_correct / self.month_total, 4) if self.month_total else None,
            "by": {group: {key: s.as_dict() for key, s in sorted(scores.items())} for group, scores in self.by.items()},
            "missed_by_kind": dict(self.miss_kinds.most_common()),
            "missed": [{"document": d, **f.model_dump()} for d, f in self.missed],
            "extra": [{"document": d, **f.model_dump()} for d, f in self.extra],
        }


@dataclass
class Slice:
    """Scores of one slice of the documents (a set, a format, a year): core, all, drivers and report months."""

    documents: int = 0
    months_right: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {"core": Score(), "all": Score(), "drivers": Score()})

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "report_month_right": self.months_right,
                **{name: score.as_dict() for name, score in self.scores.items()}}


def score_documents(gold: list[DocumentFacts], predicted: dict[str, DocumentFacts],
                    tags: dict[str, dict[str, str]] | None = None) -> Report:
    """Score predictions (by document name) against gold files; a missing prediction scores as empty.

    `tags` gives documents their slices ({"set": "corpus", "format": "smm_article", "year": "2019"}); the
    report then holds scores per slice as well.
    """
    report = Report(overall={"core": Score(), "all": Score(), "drivers": Score()},
                    by={"commodity": defaultdict(Score), "metric": defaultdict(Score),
                        "measure": defaultdict(Score), "document": defaultdict(Score)})
    for gold_doc in gold:
        pred_doc = predicted.get(gold_doc.document) or DocumentFacts(
            document=gold_doc.document, report_month=None, facts=[], drivers=[])
        report.month_total += 1
        report.month_correct += int(pred_doc.report_month == gold_doc.report_month)
        match = match_facts(gold_doc.facts, pred_doc.facts)
        report.overall["core"].add(_score(match, lambda f: f.is_core))
        report.overall["all"].add(_score(match, lambda f: True))
        report.overall["drivers"].add(score_drivers(gold_doc.drivers, pred_doc.drivers))
        report.by["document"][gold_doc.document].add(_score(match, lambda f: True))
        for group, attribute in (("commodity", "commodity"), ("metric", "metric"), ("measure", "measure")):
            values = {getattr(f, attribute) for f in [*gold_doc.facts, *pred_doc.facts]}
            for value in values:
                report.by[group][value].add(_score(match, _has(attribute, value)))
        for group, value in (tags or {}).get(gold_doc.document, {}).items():
            piece = report.slices.setdefault(group, {}).setdefault(value, Slice())
            piece.documents += 1
            piece.months_right += int(pred_doc.report_month == gold_doc.report_month)
            piece.scores["core"].add(_score(match, lambda f: f.is_core))
            piece.scores["all"].add(_score(match, lambda f: True))
            piece.scores["drivers"].add(score_drivers(gold_doc.drivers, pred_doc.drivers))
        report.miss_kinds.update(miss_kinds(match.missed, match.extra))
        report.missed += [(gold_doc.document, f) for f in match.missed]
        report.extra += [(gold_doc.document, f) for f in match.extra]
    return report


@dataclass
class NumbersScore:
    """The numbers-only view: of the numbers gold assigns to a fact, how many the extractor grounded right.

    A gold number is a position in the text (where its quote stands). It is
    *right* when an extracted fact whose quote covers that position matches the
    gold fact; *wrong* when extracted facts cover it but none matches; *missed*
    when no extracted fact covers it.
    """

    numbers: int = 0
    right: int = 0
    wrong: int = 0
    missed: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.numbers if self.numbers else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"numbers": self.numbers, "right": self.right, "wrong": self.wrong, "missed": self.missed,
                "accuracy": round(self.accuracy, 4)}


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place a quote stands in the text."""
    spans, start = [], text.find(quote) if quote else -1
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def score_numbers(gold: list[DocumentFacts], predicted: dict[str, DocumentFacts], texts: dict[str, str]) -> NumbersScore:
    """Score the numbers-only view for every gold document whose text is known."""
    result = NumbersScore()
    for gold_doc in gold:
        text = texts.get(gold_doc.document)
        if text is None:
            continue
        extracted = predicted.get(gold_doc.document)
        placed = [(span, fact) for fact in (extracted.facts if extracted else [])
                  for span in quote_spans(text, fact.quote)]
        for gold_fact in reduce_to_set(f for f in gold_doc.facts if not f.measure.endswith("_direction")):
            result.numbers += 1
            grade = _number_grade(gold_fact, _covering(placed, quote_spans(text, gold_fact.quote)))
            setattr(result, grade, getattr(result, grade) + 1)
    return result


def _covering(placed: list[tuple[tuple[int, int], Fact]], spans: list[tuple[int, int]]) -> list[Fact]:
    """The extracted facts whose quote overlaps one of the spans."""
    return [fact for (start, end), fact in placed if any(start < g_end and g_start < end for g_start, g_end in spans)]


def _number_grade(gold_fact: Fact, covering: list[Fact]) -> str:
    """'right' where a fact at the gold number's quote has its label and value, 'wrong' where facts there read it
    otherwise, 'missed' where none is there."""
    if any(f.key() == gold_fact.key() and values_agree(gold_fact.value, f.value) for f in covering):
        return "right"
    return "wrong" if covering else "missed"


def parse_thresholds(text: str) -> dict[str, float]:
    """'core_f1=0.9,all_f1=0.8' -> {'core_f1': 0.9, 'all_f1': 0.8}; raises ValueError on bad input."""
    thresholds = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, value = part.partition("=")
        scope, _, metric = name.partition("_")
        if scope not in ("core", "all", "drivers") or metric not in ("precision", "recall", "f1"):
            raise ValueError(f"unknown threshold {name!r}; use e.g. core_f1, all_recall, drivers_precision")
        thresholds[name] = float(value)
    return thresholds


def failed_thresholds(report: Report, thresholds: dict[str, float]) -> list[str]:
    """Descriptions of every threshold the report falls below."""
    failures = []
    for name, minimum in thresholds.items():
        scope, _, metric = name.partition("_")
        actual = getattr(report.overall[scope], metric)
        if actual < minimum:
            failures.append(f"{name} = {actual:.4f} < {minimum}")
    return failures
