"""Cross-checks over a whole stored series, whatever order its reports were stored in.

Run once a batch is written, over every stored document of the commodities it touched, so storing a month
re-checks its neighbours and the outcome does not depend on which report came first:

- a level and its stated MoM change must agree with the month before's level stated by another report
  (`crosscheck.check_history`);
- a level a tenth or ten times the median of its neighbours' (at least two other months within three months
  of it) is out of its series' scale: most often a capacity or a cumulative figure read as the month's output.

Every fact is judged from the same starting point (facts an earlier run of these checks flagged are judged
again as if accepted), so the result is a function of the stored data alone. A fact that fails goes to review
with the reason; one that no longer fails is accepted again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from statistics import median

from extractor.record import Fact, Label, Status
from extractor.text.months import shift_month

from . import crosscheck

PREFIX = "series check: "  # the reason of every fact these checks send to review (and only of those)
_WINDOW = 3  # months either side that count as a level's neighbours
_SCALE = 10.0  # a level this many times its neighbours' median, or that fraction of it, is out of scale


@dataclass(frozen=True)
class StoredFact:
    """A stored fact these checks judge: its row id, its document and report month, and the fact itself."""

    fact_id: int
    document_id: str
    report_month: str | None
    fact: Fact


def _series(label: Label) -> Label:
    return label.replace(period=None, measure="level")


def _number(fact: Fact) -> float | None:
    return float(fact.value) if isinstance(fact.value, (int, float)) and not isinstance(fact.value, bool) else None


def check_series(stored: list[StoredFact]) -> dict[int, str | None]:
    """For each stored fact, the reason it goes to review, or None where it stands."""
    levels = _levels(stored)
    reasons: dict[int, str | None] = {item.fact_id: None for item in stored}
    reasons.update(_history_reasons(stored, levels))
    reasons.update(_scale_reasons(levels))  # a level out of scale says so, whatever its history says
    return reasons


_Levels = dict[tuple[Label, str], list[StoredFact]]  # the actual levels stated of each series and month


def _levels(stored: list[StoredFact]) -> _Levels:
    levels: _Levels = defaultdict(list)
    for item in stored:
        label = item.fact.label
        if label.measure == "level" and label.basis == "actual" and label.period and _number(item.fact) is not None:
            levels[(_series(label), label.period)].append(item)
    return levels


def _history_reasons(stored: list[StoredFact], levels: _Levels) -> dict[int, str]:
    """The facts each document's history check fails (its levels and changes against the month before's level
    another report states), each judged afresh as if accepted."""
    reasons: dict[int, str] = {}
    by_document: dict[str, list[StoredFact]] = defaultdict(list)
    for item in stored:
        by_document[item.document_id].append(item)
    for document_id, items in sorted(by_document.items()):
        fresh = [_afresh(i.fact) for i in items]
        crosscheck.check_history(fresh, partial(_previous_level, levels, document_id))
        for item, fact in zip(items, fresh):
            if fact.status != Status.ACCEPTED and fact.reason:
                reasons[item.fact_id] = PREFIX + fact.reason.removeprefix("cross-check: ")
    return reasons


def _afresh(fact: Fact) -> Fact:
    """A copy of the fact judged afresh: accepted, with no reason or notes."""
    copy = fact.relabel(notes=[])
    copy.accept()
    return copy


def _previous_level(levels: _Levels, document_id: str, label: Label, period: str) -> float | None:
    """The level of the label's series in that month as another document states it (the latest report's)."""
    others = [i for i in levels.get((_series(label), period), []) if i.document_id != document_id]
    if not others:
        return None
    standing = max(others, key=lambda i: (i.report_month or "", i.document_id, i.fact_id))
    return _number(standing.fact)


def _scale_reasons(levels: _Levels) -> dict[int, str]:
    """The levels a tenth or ten times the median of their neighbours' (two months or more within _WINDOW)."""
    reasons: dict[int, str] = {}
    for (series, period), items in levels.items():
        neighbours = _neighbours(levels, series, period)
        values = [v for vs in neighbours.values() for v in vs if v]
        if len(neighbours) < 2 or not values:
            continue
        middle = median(abs(v) for v in values if v is not None)
        for item in items:
            value = abs(_number(item.fact) or 0.0)
            if _out_of_scale(value, middle):
                reasons[item.fact_id] = (f"{PREFIX}the {period} level {value:g} is {value / middle:.3g} times the median "
                                         f"{middle:g} of its neighbours ({', '.join(sorted(neighbours))}): out of the "
                                         "series' scale (a capacity or a cumulative figure read as the month's?)")
    return reasons


def _neighbours(levels: _Levels, series: Label, period: str) -> dict[str, list[float | None]]:
    """The levels stated of the series in each month within _WINDOW of the period (not the period itself)."""
    around = [shift_month(period, k) for k in range(-_WINDOW, _WINDOW + 1) if k]
    return {p: [_number(i.fact) for i in levels[(series, p)]] for p in around if (series, p) in levels}


def _out_of_scale(value: float, middle: float) -> bool:
    return bool(middle and value and (value > _SCALE * middle or value < middle / _SCALE))
