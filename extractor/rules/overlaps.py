"""Which of a section's facts stand where two say the same thing: a number beats a bare direction of its series,
and a precise percentage beats one that only rounds it."""

from __future__ import annotations

from extractor.record import Fact, Label


def standing_facts(facts: list[Fact]) -> list[Fact]:
    """The section's facts without the directions its numbers state and the percentages that round others."""
    return _rounded_restatements(_numbers_beat_directions(facts))


def _decimals(value: float) -> int:
    """How many decimals a value is written with (its shortest repr)."""
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def _percentages_by_label(facts: list[Fact]) -> dict[Label, list[tuple[Fact, float]]]:
    """The facts stated in percent or points (with their values), by label, leaving out metric "other"."""
    by_label: dict[Label, list[tuple[Fact, float]]] = {}
    for f in facts:
        if f.label.metric != "other" and f.unit in ("%", "pp") and isinstance(f.value, float):
            by_label.setdefault(f.label, []).append((f, f.value))
    return by_label


def _rounded_restatements(facts: list[Fact]) -> list[Fact]:
    """Drop a percentage that only rounds another of the same label: a title's "up 8%" over the body's "rose
    8.1%", "declined 2.7%" over "decreasing 2.67%". The more precise figure is the fact."""
    rounded: set[int] = set()
    for same in _percentages_by_label(facts).values():  # one pass per label and number of decimals, never every pair
        if len(same) < 2:
            continue
        changes = [(f, value, _decimals(value)) for f, value in same]
        roundings = {places: {round(precise, places) for _, precise, more in changes if more > places}
                     for places in {places for _, _, places in changes}}
        rounded.update(id(fact) for fact, value, places in changes if value in roundings[places])
    return [f for f in facts if id(f) not in rounded]


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
