"""Directions stated without a number ("edged down MoM", "expected to rebound MoM") as *_direction facts."""

from __future__ import annotations

import re

from . import clauses as cl
from . import vocabulary as vocab
from .label_context import LabelledFact, clause_start_of, content_of, metric_before, period_at, segment_in
from .numbers import NumberSpan
from .sections import Section


_DIRECTION_CLAUSE = re.compile(
    r"(?P<verb>\b(?:increas\w*|decreas\w*|declin\w*|rose|rise|rising|fell|fall\w*|drop\w*|grew|grow\w*|rebound\w*|"
    r"edged (?:up|down)|pull\w* back|pullback|dip\w*|climb\w*|contract\w*|remain\w* (?:flat|stable|unchanged)|"
    r"flat|unchanged|little change|no significant change|down|up|increase|decrease|decline|rise|growth|slight rise|"
    r"slight decline|slight increase|slight decrease|upward trend|downward trend))\b"
    r"(?P<gap>[^.;,%\d]{0,40}?)\s*(?P<marker>\bMoM\b|\bYoY\b|month[- ]on[- ]month|year[- ]on[- ]year|M-o-M|Y-o-Y)",
    re.I,
)
_MARKER_FIRST = re.compile(
    r"(?P<marker>\bMoM\b|\bYoY\b)\s+(?P<verb>increase|decrease|decline|rise|growth|drop|pullback|rebound|reduction)\b", re.I
)
_FORECAST_DIRECTION = re.compile(
    r"\b(?:expected|projected|forecast|likely|set|estimated)\s+to\s+(?:continue\s+(?:to\s+)?|further\s+)?(?:show\s+a\s+(?:slight\s+)?|see\s+a\s+(?:slight\s+)?|maintain\s+a\s+slight\s+)?"
    r"(?P<verb>increase|decrease|decline|rise|rebound|drop|fall|grow|contract|pull back|remain flat|remain stable|edge (?:up|down)|"
    r"dip|recover|trend (?:upward|downward)|decline slightly|increase slightly|decrease slightly|rise slightly)\b",
    re.I,
)


def find_directions(
    s: str, offset: int, mentions: list[cl.MonthMention], carried: str | None, report_month: str | None,
    section: Section, numbers: list[NumberSpan], numeric_facts: list[LabelledFact], paragraph_segment: str | None,
) -> list[LabelledFact]:
    """Directions stated with no number for that measure: 'edged down MoM', 'expected to rebound MoM'.

    A clause whose numbers already state a MoM (or YoY) change gets no MoM (YoY)
    direction: the contract records a direction only where no number is given.
    """
    found: list[LabelledFact] = []
    consumed = [(f.quote_start - offset, f.quote_end - offset) for f in numeric_facts]
    stated = {
        (clause_start_of(s, f.quote_start - offset), f.fields["measure"].split("_")[0])
        for f in numeric_facts if f.fields["measure"] != "level"
    }
    candidates: list[tuple[int, int, str, str]] = []
    for match in _DIRECTION_CLAUSE.finditer(s):
        marker = match.group("marker").lower()
        candidates.append((match.start(), match.end(), match.group("verb"), "yoy" if marker.startswith(("y", "year")) else "mom"))
    for match in _MARKER_FIRST.finditer(s):
        candidates.append((match.start(), match.end(), match.group("verb"), "yoy" if match.group("marker").lower() == "yoy" else "mom"))
    if not numbers:
        for match in _FORECAST_DIRECTION.finditer(s):
            if not any(a <= match.start() < b for a, b, _, _ in candidates):
                candidates.append((match.start(), match.end(), match.group("verb"), "mom"))
    seen: set[tuple[str, str | None, str]] = set()
    for start, end, verb, comparison in sorted(candidates):
        if any(a <= start < b or a < end <= b for a, b in consumed):
            continue
        if any(n.start >= start and n.end <= end for n in numbers):
            continue
        clause = clause_start_of(s, start)
        if (clause, comparison) in stated:
            continue
        metric, _ = metric_before(s, end)
        if metric not in ("production", "operating_rate", "cumulative_production"):
            continue
        period, cumulative = period_at(mentions, start, carried, nearest=True)
        if period is None:
            continue
        if cumulative:
            metric = "cumulative_production"
        direction, _ = cl.last_direction(verb)
        if direction is None:
            continue
        segment = segment_in(s[clause:start], paragraph_segment)
        content = content_of(s[clause:start], s[end:end + 40], None)
        basis = cl.basis_for(period, report_month, bool(vocab.FORECAST_CUE.search(s[:end])))
        key = (comparison, segment, metric)
        if key in seen:
            continue
        seen.add(key)
        fields = {
            "commodity": section.commodity, "region": section.region, "metric": metric, "segment": segment,
            "content": content, "period": period, "basis": basis, "measure": f"{comparison}_direction",
            "value": direction, "unit": None, "qualifier": None, "quote": s[start:end],
        }
        fact = LabelledFact(fields, offset + start, offset + end, offset + start, offset + end)
        if not section.known:
            fact.flag(f"heading '{section.heading}' is not in the commodity table")
        found.append(fact)
    return found


