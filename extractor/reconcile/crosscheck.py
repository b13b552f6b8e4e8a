"""Cross-checks that catch wrong labels: figures that cannot all be true together.

- Within a document: a level, its MoM change and its MoM percentage must agree
  (the change over the implied previous level is the percentage).
- Against the database: a level and its stated MoM change must agree with the
  previous month's level already stored from another report (run over the whole stored series once a batch is
  written: `reconcile.series`).
- Within a sentence: an output level whose clause names a capacity and no output is a capacity read as output.

A fact that fails a check is not deleted: it goes to review with the reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable

from extractor.record import Fact, Label, Status
from extractor.text.months import shift_month


def _value(fact: Fact) -> float | None:
    return float(fact.value) if isinstance(fact.value, (int, float)) else None


def _series(facts: list[Fact]) -> dict[tuple[object, ...], dict[str, Fact]]:
    """Accepted levels and MoM changes grouped by series (the label without its measure)."""
    groups: dict[tuple[object, ...], dict[str, Fact]] = defaultdict(dict)
    for fact in facts:
        if fact.status == Status.ACCEPTED and fact.label.measure in ("level", "mom_abs", "mom_pct", "mom_pp"):
            groups[(fact.label.replace(measure="level"),)].setdefault(fact.label.measure, fact)
    return groups


def _flag(facts: list[Fact], reason: str) -> None:
    for fact in facts:
        if fact.status == Status.ACCEPTED:
            fact.flag(f"cross-check: {reason}")


def check_document(facts: list[Fact]) -> int:
    """Flag level / MoM change / MoM % triples of one document that disagree; returns how many series failed."""
    failed = 0
    for measures in _series(facts).values():
        level, change, pct = (measures.get(m) for m in ("level", "mom_abs", "mom_pct"))
        if not (level and change and pct):
            continue
        l, a, p = _value(level), _value(change), _value(pct)
        if l is None or a is None or p is None or l == a:
            continue
        implied = a / (l - a) * 100
        if abs(implied - p) > max(0.3, 0.05 * abs(p)):
            _flag([level, change, pct], f"MoM change {a:g} and level {l:g} imply {implied:.2f}% MoM, not {p:g}%")
            failed += 1
    return failed


def check_history(facts: list[Fact], previous_level: Callable[[Label, str], float | None]) -> int:
    """Flag a level and its MoM change that disagree with the previous month's stored level.

    `previous_level(label, period)` answers the accepted actual level of that series for another period.
    """
    failed = 0
    for measures in _series(facts).values():
        level = measures.get("level")
        if level is None or level.label.basis != "actual" or level.label.period is None:
            continue
        current = _value(level)
        previous = previous_level(level.label, shift_month(level.label.period, -1))
        if current is None or previous is None or previous == 0:
            continue
        for measure, implied, slack in (
            ("mom_pct", (current / previous - 1) * 100, lambda v: max(0.5, 0.1 * abs(v))),
            ("mom_abs", current - previous, lambda v: max(0.02 * abs(v), 0.005 * abs(current))),
            ("mom_pp", current - previous, lambda v: 0.15),
        ):
            change = measures.get(measure)
            stated = _value(change) if change else None
            if change is None or stated is None:
                continue
            if abs(implied - stated) > slack(stated) and not _within_rounding(measure, current, previous, stated,
                                                                              slack(stated)):
                _flag([level, change], f"{level.label.period} level {current:g} against the stored {previous:g} for "
                                       f"the month before implies {measure} {implied:.2f}, not {stated:g}")
                failed += 1
    return failed


def _half_unit(value: float) -> float:
    """Half the unit of a level's last significant digit: a round "8 million" may be anything from 7.5 to 8.5
    million."""
    if value == 0 or value != int(value):
        return 0.0
    unit = 1
    while int(value) % (unit * 10) == 0:
        unit *= 10
    return unit / 2 if unit > 1 else 0.0


def _within_rounding(measure: str, current: float, previous: float, stated: float, slack: float) -> bool:
    """Whether a stated change fits the two levels once each may be off by the rounding its digits allow."""
    if measure == "mom_pp":
        return False
    implied = [(c / p - 1) * 100 if measure == "mom_pct" else c - p
               for c in (current - _half_unit(current), current + _half_unit(current))
               for p in (previous - _half_unit(previous), previous + _half_unit(previous)) if p]
    return bool(implied) and min(implied) - slack <= stated <= max(implied) + slack


_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")
_CAPACITY = re.compile(r"\bcapacit(?:y|ies)\b", re.I)
_OUTPUT = re.compile(r"\b(?:output|production|produced|produce|yield)\b", re.I)


def check_capacity(text: str, facts: list[Fact]) -> int:
    """Flag an output level whose own clause, up to its number, names a capacity and no output: a capacity read as
    output ("the existing capacity was about 45 million mt"); returns how many it flagged."""
    failed = 0
    for fact in facts:
        label = fact.label
        if fact.status != Status.ACCEPTED or label.metric != "production" or label.measure != "level":
            continue
        start = fact.number.start
        ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)]
        clause = text[ends[-1] if ends else max(0, start - 300):start]
        clause = clause.rsplit(",", 1)[-1] if _CAPACITY.search(clause.rsplit(",", 1)[-1]) else clause
        if _CAPACITY.search(clause) and not _OUTPUT.search(clause):
            _flag([fact], f"the clause of {fact.quote!r} states a capacity, not output (a capacity read as output?)")
            failed += 1
    return failed
