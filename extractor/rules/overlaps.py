"""Which of a section's facts stand where two say the same thing: a number beats a bare direction of its series.

A percentage that only rounds another of its label (a title's "up 8%" over the body's "rose 8.1%") stands beside
it: the contract makes a figure repeated with different rounding two facts of the same key."""

from __future__ import annotations

from extractor.record import LABEL_FIELDS, Fact


def standing_facts(facts: list[Fact], headline_end: int = -1) -> list[Fact]:
    """The section's facts without the directions its numbers state, a headline's figures labelled as the body
    states them (the headline ends at `headline_end`, -1 where the section opens with none)."""
    return _numbers_beat_directions(_headline_echoes(facts, headline_end))


def _headline_echoes(facts: list[Fact], headline_end: int) -> list[Fact]:
    """A headline's figure the body states again, as written or rounded ("at 10.4 million metric tons" over "at 10.4
    mmt stainless steel melt shop production in the first three months"), takes the body's label: the body says its
    period and comparison, which a headline leaves out; one stated the same way twice is one fact."""
    body = [f for f in facts if f.number.start >= headline_end]
    kept = []
    for fact in facts:
        if fact.number.start < headline_end and not fact.label.is_direction:
            twin = next((b for b in body if _echoes(fact, b)), None)
            if twin is not None and twin.value == fact.value:
                continue
            if twin is not None:
                fact = fact.relabel(**{name: getattr(twin.label, name) for name in LABEL_FIELDS})
        kept.append(fact)
    return kept


def _echoes(headline: Fact, body: Fact) -> bool:
    """Whether a headline's figure is the body's, as stated or rounded: the same product, measure and unit."""
    h, b = headline.label, body.label
    if (h.commodity, h.measure, headline.unit) != (b.commodity, b.measure, body.unit) or body.label.is_direction:
        return False
    if not isinstance(headline.value, float) or not isinstance(body.value, float) or body.value == 0:
        return False
    decimals = len(repr(headline.value).split(".")[1].rstrip("0")) if "." in repr(headline.value) else 0
    return round(body.value, decimals) == headline.value or abs(body.value - headline.value) <= abs(body.value) * 0.005


def _numbers_beat_directions(facts: list[Fact]) -> list[Fact]:
    """Drop a *_direction fact when the section states a number for that comparison of the same series,
    and keep one direction per series: the contract records a direction only where no number is given."""
    def series(fact: Fact) -> tuple[object, ...]:
        f = fact.label
        return (f.commodity, f.region, f.metric, f.segment, f.content, f.period, f.basis, f.measure.split("_")[0])

    numbered = {series(f) for f in facts if f.label.metric != "other" and not f.label.is_direction
                and f.label.measure != "level"}
    kept, seen = [], set()
    for fact in facts:
        if fact.label.is_direction:
            key = series(fact)
            if key in numbered or key in seen:
                continue
            seen.add(key)
        kept.append(fact)
    return kept
