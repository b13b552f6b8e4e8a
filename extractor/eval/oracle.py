"""A test endpoint that answers from gold, right with probability p and otherwise plausibly wrong.

It proves the reconciliation policies without a big model: with p = 1 it is a
perfect reader of the gold, with p = 0.5 a coin that is wrong in the ways
models are wrong (a neighbouring month, the other comparison, actual for
forecast, a figure missed, a value made up, a cause misnamed). Each answer's
draws are seeded by the request itself, so a run is reproducible and the same
question always gets the same answer.

It answers every question the strategies ask: a number's label (assist), a
sentence's drivers (assist), and a whole section's figures and drivers
(section, naive). The answer is validated by the request's own bound schema,
as a model's would be; a wrong answer the schema refuses is replaced by the
right one, as instructor's re-ask would get a model to correct it.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from extractor.eval.scoring import values_agree
from extractor.facts import DocumentFacts, Fact
from extractor.llm.base import LLMError, LLMRequest, LLMResult
from extractor.reconcile import verify
from extractor.strategies.read import occurrences
from extractor.text.numbers import find_numbers
from schemas.periods import shift_month

CATEGORIES = ("maintenance", "resumption", "new_capacity", "raw_material", "demand", "cost_margin", "policy_environment")
METRIC_SWAPS = {"production": "capacity", "capacity": "production", "operating_rate": "share",
                "cumulative_production": "production", "inventory": "production"}


@dataclass(frozen=True)
class GoldDocument:
    text: str
    gold: DocumentFacts


class OracleProvider:
    """Answers structured requests from gold documents (see the module doc)."""

    name = "oracle"
    max_concurrency = 8

    def __init__(self, documents: list[GoldDocument], p: float, seed: int = 0) -> None:
        if not 0 <= p <= 1:
            raise ValueError(f"the oracle's accuracy p must be between 0 and 1, not {p}")
        self.documents = documents
        self.p = p
        self.seed = seed
        self.model = f"gold-p{p:g}"

    def complete(self, request: LLMRequest) -> LLMResult:
        user = request.messages[-1][1]
        rng = random.Random(hashlib.sha256(f"{self.seed}:{self.p}:{user}:{request.purpose}".encode()).digest())
        if request.purpose == "label_number":
            data, right = self._label(user, rng)
            try:
                request.schema.model_validate(data)
            except ValidationError:  # a re-ask gets the model to the right label, as near as the schema lets it
                data = right
                try:
                    request.schema.model_validate(data)
                except ValidationError:
                    data = {**right, "segment": "other"}
        elif request.purpose == "drivers":
            data = self._sentence_drivers(user, rng)
        elif request.purpose == "document_reading":
            data = self._document(user, rng)
        elif request.purpose == "chunk_reading":
            data = self._chunk(user, rng)
        elif request.purpose in ("section_reading", "section_facts"):
            data = self._section(user, rng, with_drivers=request.purpose == "section_reading")
        else:
            raise LLMError(f"oracle: no answer for {request.purpose} questions")
        answer = self._validated(request, data)
        prompt = sum(len(content) for _, content in request.messages)
        return LLMResult(answer, tokens_in=prompt // 4, tokens_out=len(json.dumps(answer)) // 4)

    def _validated(self, request: LLMRequest, data: dict[str, Any]) -> dict[str, Any]:
        """The answer as the schema accepts it: an item it refuses is dropped, as a re-ask would correct it."""
        try:
            return request.schema.model_validate(data).model_dump(mode="json")
        except ValidationError:
            pass
        for key in ("facts", "drivers"):
            kept: list[Any] = []
            for item in data.get(key, []):
                try:
                    request.schema.model_validate({**data, key: [*kept, item]})
                    kept.append(item)
                except ValidationError:
                    continue
            if key in data:
                data = {**data, key: kept}
        try:
            return request.schema.model_validate(data).model_dump(mode="json")
        except ValidationError as e:
            raise LLMError(f"oracle: no valid answer ({e.errors()[0]['msg']})") from e

    def _documents_holding(self, fragment: str) -> list[GoldDocument]:
        return [d for d in self.documents if fragment and fragment in d.text]

    # A number's label ------------------------------------------------------------------------------------------

    def _label(self, user: str, rng: random.Random) -> tuple[dict[str, Any], dict[str, Any]]:
        """The answer given, and the right one."""
        line = _field(user, "Sentence")
        marked = re.search(r"«(.+?)»", line)
        sentence = line.replace("«", "").replace("»", "")
        numbers = find_numbers(marked.group(1)) if marked else []
        gold = [f for d in self._documents_holding(sentence) for f in d.gold.facts
                if f.quote in sentence and numbers and _states(f, numbers[0].value)]
        right = _label_of(gold[0] if gold else None)
        return (right if rng.random() < self.p else _wrong_label(right, rng)), right

    # A sentence's drivers --------------------------------------------------------------------------------------

    def _sentence_drivers(self, user: str, rng: random.Random) -> dict[str, Any]:
        sentence = _field(user, "Sentence")
        gold = [d for doc in self._documents_holding(sentence) for d in doc.gold.drivers if _overlaps(d.quote, sentence)]
        answer = []
        for driver in gold:
            right: dict[str, Any] = {"category": driver.category, "effect": driver.effect}
            item = right if rng.random() < self.p else _wrong_driver(right, rng)
            if item is not None and item not in answer:
                answer.append(item)
        return {"drivers": answer}

    # A whole section -------------------------------------------------------------------------------------------

    def _section(self, user: str, rng: random.Random, with_drivers: bool) -> dict[str, Any]:
        body = user.split("Section:\n", 1)[-1]
        section_commodity = _field(user, "Commodity").replace(" ", "_")
        facts: list[dict[str, Any]] = []
        drivers: list[dict[str, Any]] = []
        for doc in self._documents_holding(body):
            for fact in doc.gold.facts:
                if fact.quote not in body:
                    continue
                right = _section_fact(fact, section_commodity)
                item = right if rng.random() < self.p else _wrong_fact(right, body, rng)
                if item is not None:
                    facts.append(item)
            for driver in doc.gold.drivers:
                if driver.quote in body:
                    one = {"category": driver.category, "effect": driver.effect, "period": driver.period,
                           "basis": driver.basis, "quote": driver.quote}
                    drivers.append(one if rng.random() < self.p else _wrong_section_driver(one, rng))
            break
        return {"facts": facts, "drivers": drivers} if with_drivers else {"facts": facts}


    # The read strategy: what a document is, and every figure of a chunk ---------------------------------------------

    def _document(self, user: str, rng: random.Random) -> dict[str, Any]:
        """The gold report month and products; wrong, the neighbouring month or a product missed."""
        head = user.split("Report:\n", 1)[-1]
        for doc in self.documents:
            if doc.text.startswith(head) or head in doc.text:
                products = sorted({(f.commodity, f.region) for f in doc.gold.facts}
                                  | {(d.commodity, "china") for d in doc.gold.drivers})
                right = {"report_month": doc.gold.report_month, "published": None,
                         "products": [{"id": c, "name": c.replace("_", " "), "region": r} for c, r in products]}
                if rng.random() < self.p:
                    return right
                if rng.random() < 0.5 and right["products"]:
                    return {**right, "products": right["products"][1:]}
                month = doc.gold.report_month
                return {**right, "report_month": shift_month(month, rng.choice((-1, 1))) if month else None}
        return {"report_month": None, "published": None, "products": []}

    def _chunk(self, user: str, rng: random.Random) -> dict[str, Any]:
        """Every gold figure and driver whose quote first stands in this chunk, each right with probability p."""
        body = user.split("Text:\n", 1)[-1]
        facts: list[dict[str, Any]] = []
        drivers: list[dict[str, Any]] = []
        for doc in self._documents_holding(body):
            start = doc.text.find(body)

            def here(quote: str, commodity: str, value: Any = None, metric: str | None = None) -> bool:
                at = home(doc.text, quote, commodity, value, metric)
                return start <= at and at + len(quote) <= start + len(body)

            for fact in doc.gold.facts:
                if here(fact.quote, fact.commodity, fact.value, fact.metric):
                    right = {**_section_fact(fact, ""), "commodity": fact.commodity, "region": fact.region}
                    item = right if rng.random() < self.p else _wrong_fact(right, body, rng)
                    if item is not None:
                        facts.append(item)
            for driver in doc.gold.drivers:
                if here(driver.quote, driver.commodity):
                    one = {"commodity": driver.commodity, "category": driver.category, "effect": driver.effect,
                           "period": driver.period, "basis": driver.basis, "quote": driver.quote}
                    drivers.append(one if rng.random() < self.p else _wrong_section_driver(one, rng))
            break
        return {"facts": facts, "drivers": drivers}


def home(text: str, quote: str, commodity: str, value: Any = None, metric: str | None = None) -> int:
    """Where a gold quote stands in its document. Gold gives a quote, not its offset, and a short quote ("expected
    to increase", "60%") may stand in several paragraphs: a perfect reader finds the figure where its value is
    stated and its product named, so the oracle answers it in that chunk (the first such place)."""
    starts = occurrences(text, quote)
    if len(starts) < 2:
        return starts[0] if starts else -1

    def fits(at: int) -> int:
        before = text[max(0, at - 500):at + len(quote)]
        stated = not isinstance(value, (int, float)) or any(
            not isinstance(n.value, tuple) and values_agree(abs(float(value)), abs(n.value))
            for n in find_numbers(text[at:at + len(quote)]))
        sentence = text[max(0, text.rfind(".", 0, at - 1), text.rfind("\n", 0, at)):at + len(quote)]
        metric_named = metric is None or verify.check_metric(metric, quote, sentence) is None
        return 2 * stated + verify.named_in(before, commodity) + metric_named

    return max(starts, key=lambda at: (fits(at), -at))


def _field(user: str, name: str) -> str:
    match = re.search(rf"^{name}: (.*)$", user, re.M)
    return match.group(1) if match else ""


def _states(fact: Fact, value: Any) -> bool:
    if fact.measure.endswith("_direction"):
        return False
    stated = list(value) if isinstance(value, tuple) else value
    gold = [abs(v) for v in fact.value] if isinstance(fact.value, list) else abs(float(fact.value))  # type: ignore[arg-type]
    return values_agree(gold, [abs(v) for v in stated] if isinstance(stated, list) else abs(stated))


def _overlaps(quote: str, sentence: str) -> bool:
    return quote in sentence or sentence in quote


def _label_of(fact: Fact | None) -> dict[str, Any]:
    if fact is None:
        return {"metric": "other", "kind": "level", "comparison": "none", "segment": None, "metal_content": False,
                "basis": "actual"}
    change = fact.measure != "level"
    return {"metric": fact.metric, "kind": "change" if change else "level",
            "comparison": fact.measure.split("_")[0] if change else "none", "segment": fact.segment,
            "metal_content": fact.content == "metal", "basis": fact.basis}


def _wrong_label(label: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    wrong = dict(label)
    how = rng.choice(("comparison", "basis", "metric", "segment"))
    if how == "comparison" and wrong["kind"] == "change":
        wrong["comparison"] = "yoy" if wrong["comparison"] == "mom" else "mom"
    elif how == "basis" or how == "comparison":
        wrong["basis"] = "forecast" if wrong["basis"] == "actual" else "actual"
    elif how == "metric":
        wrong["metric"] = METRIC_SWAPS.get(wrong["metric"], "production")
    else:
        wrong["segment"] = None if wrong["segment"] else "other"
    return wrong


def _section_fact(fact: Fact, section_commodity: str) -> dict[str, Any]:
    return {"metric": fact.metric, "commodity": None if fact.commodity == section_commodity else fact.commodity,
            "segment": fact.segment, "content": fact.content, "period": fact.period, "basis": fact.basis,
            "measure": fact.measure, "value": fact.value, "quote": fact.quote}


def _wrong_fact(item: dict[str, Any], body: str, rng: random.Random) -> dict[str, Any] | None:
    """A plausible mistake about one figure: missed, a neighbouring month, the other basis or comparison, another
    metric, or a value the text does not state."""
    how = rng.choice(("miss", "period", "basis", "measure", "metric", "value"))
    wrong = dict(item)
    if how == "miss":
        return None
    if how == "period":
        wrong["period"] = shift_month(item["period"], rng.choice((-1, 1)))
    elif how == "basis":
        wrong["basis"] = "forecast" if item["basis"] == "actual" else "actual"
    elif how == "measure" and item["measure"] != "level":
        comparison, kind = item["measure"].split("_")
        wrong["measure"] = f"{'yoy' if comparison == 'mom' else 'mom'}_{kind}"
    elif how == "value" and not isinstance(item["value"], (str, list)):
        wrong["value"] = round(float(item["value"]) * rng.choice((1.1, 0.9, 10)), 3)
    else:
        wrong["metric"] = METRIC_SWAPS.get(item["metric"], "production")
    return wrong


def _wrong_driver(item: dict[str, Any], rng: random.Random) -> dict[str, Any] | None:
    how = rng.choice(("miss", "effect", "category"))
    if how == "miss":
        return None
    if how == "effect":
        return {**item, "effect": "up" if item["effect"] == "down" else "down"}
    return {**item, "category": rng.choice([c for c in CATEGORIES if c != item["category"]])}


def _wrong_section_driver(item: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    wrong = _wrong_driver(item, rng)
    if wrong is None:  # a section reader that misses a cause more often misdates it
        return {**item, "period": shift_month(item["period"], 1)}
    return wrong


def oracle_documents(gold: list[DocumentFacts], texts: dict[str, str]) -> list[GoldDocument]:
    """The gold documents whose text is at hand (the oracle reads quotes against the text)."""
    return [GoldDocument(texts[g.document], g) for g in gold if g.document in texts]


