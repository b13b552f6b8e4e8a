"""A review's year typo for its own month: a February 2025 review that writes "February 2024" where it reports
February's output (eval/GUIDELINES.md: such typos are read as the month the number describes).

A figure is taken for a typo only where all of this holds: its period is the report month a year before, its
sentence names that month with that year, the sentence states a MoM change of it (a review reports the month's
change on the month before, never a year-old one), and the document states no figure of the same label for the
report month itself. Its facts then take the report month; without the fix the typo would stand as last year's
figure and supersede the report that really was of that month.
"""

from __future__ import annotations

import re

from extractor.record import Fact
from extractor.text.months import month_name, shift_month

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _sentence(text: str, position: int) -> tuple[int, int]:
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, position - 600), position)]
    after = _SENTENCE_END.search(text, position)
    return (before[-1] if before else max(0, position - 600)), (after.end() if after else len(text))


def correct_year_typos(text: str, report_month: str | None, facts: list[Fact]) -> list[Fact]:
    """The facts with a year typo for the report month corrected (see the module doc)."""
    if not report_month:
        return facts
    year_ago = shift_month(report_month, -12)
    named = re.compile(rf"\b{month_name(int(report_month[5:]))}\.?\s+{year_ago[:4]}\b", re.I)
    stated = {f.label for f in facts if f.label.period == report_month}
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, fact in enumerate(facts):
        if fact.label.period == year_ago and fact.label.basis == "actual":
            by_sentence.setdefault(_sentence(text, fact.number.start), []).append(i)
    corrected = list(facts)
    for (start, end), indexes in by_sentence.items():
        group = [facts[i] for i in indexes]
        if not named.search(text, start, end) or not any(f.label.measure.startswith("mom") for f in group):
            continue
        if any(f.label.replace(period=report_month) in stated for f in group):
            continue
        for i in indexes:
            corrected[i] = facts[i].relabel(period=report_month)
            corrected[i].opinions = {**facts[i].opinions, "period": f"year typo: the text says {year_ago}"}
    return corrected
