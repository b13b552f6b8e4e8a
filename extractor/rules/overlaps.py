"""Which of a section's facts stand where two say the same thing: a number beats a bare direction of its series.

A percentage that only rounds another of its label (a title's "up 8%" over the body's "rose 8.1%") stands beside
it: the contract makes a figure repeated with different rounding two facts of the same key."""

from __future__ import annotations

from extractor.record import Fact


def standing_facts(facts: list[Fact]) -> list[Fact]:
    """The section's facts without the directions its numbers state."""
    return _numbers_beat_directions(facts)


def _numbers_beat_directions(facts: list[Fact]) -> list[Fact]:
    """Drop a *_direction fact when the section states a number for that comparison of the same series,
    and keep one direction per series: the contract records a direction only where no number is given."""
    def series(fact: Fact) -> tuple[object, ...]:
        f = fact.label
        return (f.commodity, f.metric, f.segment, f.content, f.period, f.basis, f.measure.split("_")[0])

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
