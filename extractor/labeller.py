"""The rules labeller: SMM's formulaic sentences turned into contract facts, each tied to its number's span.

It is the baseline every LLM result is compared with and the fallback when no
LLM is available. For each number with a unit it decides metric (nearest metric
word before it), segment and content (words in its clause), period and basis
(months the sentence speaks of, forecast cues), measure and sign (level or
change cues, direction words, MoM/YoY markers, carried along "up 1% MoM and 2%
YoY" chains). Directions stated without a number ("edged down MoM") become
`*_direction` facts. Anything it cannot label with confidence is kept with
status needs_review and a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import clauses as cl
from . import vocabulary as vocab
from .numbers import NumberSpan, find_numbers
from .sections import Section

ACCEPTED, NEEDS_REVIEW, REJECTED = "accepted", "needs_review", "rejected"


@dataclass
class LabelledFact:
    """A fact with where it came from: document offsets of its number and quote, status and reason."""

    fields: dict[str, Any]
    number_start: int
    number_end: int
    quote_start: int
    quote_end: int
    status: str = ACCEPTED
    reason: str | None = None
    notes: list[str] = field(default_factory=list)

    def flag(self, reason: str) -> None:
        if self.status == ACCEPTED:
            self.status = NEEDS_REVIEW
            self.reason = reason
        else:
            self.notes.append(reason)


@dataclass
class _Previous:
    change: bool
    comparison: str | None
    direction: str | None
    segment: str | None
    content: str | None
    metric: str | None


def label_section(text: str, section: Section, report_month: str | None) -> list[LabelledFact]:
    """Label every number and stated direction in one section of a document.

    `text` is the whole document; offsets in the result index it. Returns facts
    in text order; never raises on odd prose (it flags instead).
    """
    body = text[section.start:section.end]
    sentences = cl.split_sentences(body, section.start)
    facts: list[LabelledFact] = []
    period_by_paragraph: dict[int, str] = {}
    metric_by_paragraph: dict[int, str] = {}
    note_paragraphs: set[int] = set()
    paragraph_segment: dict[int, str | None] = {}
    for sentence in sentences:
        if sentence.paragraph not in paragraph_segment:
            paragraph_segment[sentence.paragraph] = _paragraph_label(sentence.text)
            if re.match(r"^\s*\*?\s*note\b", sentence.text, re.I):
                note_paragraphs.add(sentence.paragraph)
        if sentence.paragraph in note_paragraphs:
            continue
        carried = period_by_paragraph.get(sentence.paragraph, report_month)
        sentence_facts, last_period = _label_sentence(
            sentence, section, report_month, carried, paragraph_segment[sentence.paragraph],
            metric_by_paragraph.get(sentence.paragraph),
        )
        if last_period:
            period_by_paragraph[sentence.paragraph] = last_period
        labelled = [f.fields["metric"] for f in sentence_facts if f.fields["metric"] != "other"]
        if labelled:
            metric_by_paragraph[sentence.paragraph] = labelled[-1]
        facts.extend(sentence_facts)
    return facts


def _paragraph_label(first_sentence: str) -> str | None:
    head = first_sentence.split(":", 1)[0] if ":" in first_sentence[:60] else ""
    for pattern, label in vocab.SEGMENT_WORDS:
        if head and pattern.search(head):
            return label
    return None


def _label_sentence(
    sentence: cl.Sentence, section: Section, report_month: str | None, carried: str | None,
    paragraph_segment: str | None, paragraph_metric: str | None = None,
) -> tuple[list[LabelledFact], str | None]:
    s = sentence.text
    mentions = cl.month_mentions(s, report_month)
    numbers = [n for n in find_numbers(s) if n.is_quantity]
    facts: list[LabelledFact] = []
    previous: _Previous | None = None
    previous_clause = -1
    consumed: list[tuple[int, int]] = []
    for index, number in enumerate(numbers):
        clause_start = _clause_start(s, number.start)
        if clause_start != previous_clause:
            previous, previous_clause = None, clause_start
        prev_end = max(clause_start, numbers[index - 1].end if index else 0)
        next_start = numbers[index + 1].start if index + 1 < len(numbers) else len(s)
        clause_end = _clause_end(s, number.end)
        fact = _label_number(
            s, sentence.start, number, mentions, carried, report_month, section,
            clause_start, prev_end, min(next_start, clause_end), previous, paragraph_segment, paragraph_metric,
        )
        if fact is None:
            continue
        facts.append(fact)
        if fact.fields["metric"] == "other":
            previous = None
            continue
        consumed.append((fact.quote_start - sentence.start, fact.quote_end - sentence.start))
        previous = _Previous(
            change=not fact.fields["measure"] == "level",
            comparison=fact.fields["measure"].split("_")[0] if fact.fields["measure"] != "level" else None,
            direction=fact.fields.pop("_direction", None),
            segment=fact.fields["segment"],
            content=fact.fields["content"],
            metric=fact.fields["metric"],
        )
    facts.extend(_directions(s, sentence.start, mentions, carried, report_month, section, numbers, consumed, paragraph_segment))
    last_period = mentions[-1].period if mentions else None
    return facts, last_period


def _clause_start(s: str, position: int) -> int:
    cut = max(s.rfind(";", 0, position), s.rfind(":", 0, position))
    return cut + 1 if cut >= 0 else 0


def _clause_end(s: str, position: int) -> int:
    ends = [i for i in (s.find(";", position), s.find(":", position)) if i >= 0]
    return min(ends) if ends else len(s)


def _period_at(
    mentions: list[cl.MonthMention], position: int, carried: str | None, nearest: bool = False
) -> tuple[str | None, bool]:
    if nearest and mentions:
        closest = min(mentions, key=lambda m: abs(m.position - position))
        return closest.period, closest.cumulative
    before = [m for m in mentions if m.position < position]
    if before:
        return before[-1].period, before[-1].cumulative
    if mentions:
        return mentions[0].period, mentions[0].cumulative
    return carried, False


def _metric_before(s: str, position: int) -> tuple[str | None, int]:
    """The metric whose word ends nearest before position; ties go to the table's order."""
    best: tuple[str | None, int] = (None, -1)
    head = s[:position]
    for pattern, metric in vocab.METRIC_WORDS:
        for match in pattern.finditer(head):
            if match.end() > best[1]:
                best = (metric, match.end())
    return best


def _segment_in(clause_text: str, paragraph_segment: str | None) -> str | None:
    best: tuple[str | None, int] = (paragraph_segment, -1)
    for pattern, label in vocab.SEGMENT_WORDS:
        for match in pattern.finditer(clause_text):
            if match.start() > best[1]:
                best = (label, match.start())
    region = None
    for match in vocab.REGION_SEGMENT.finditer(clause_text):
        group = next(g for g in match.groups() if g)
        region = re.sub(r"\s+", " ", group.lower().replace("north-west", "northwest").replace("south-west", "southwest"))
        if match.start() > best[1]:
            best = (region, match.start())
    return best[0]


def _label_number(
    s: str, offset: int, number: NumberSpan, mentions: list[cl.MonthMention], carried: str | None,
    report_month: str | None, section: Section, clause_start: int, prev_end: int, next_start: int,
    previous: _Previous | None, paragraph_segment: str | None, paragraph_metric: str | None = None,
) -> LabelledFact | None:
    local_pre = s[prev_end:number.qualifier_start]
    post = s[number.end:next_start]
    clause_pre = s[clause_start:number.start]
    reasons: list[str] = []

    if vocab.VERSUS_EXPECTATION.match(post) or vocab.EXPECTATION_AFTER.match(post) or re.search(r"\bexpectations by\s*$", local_pre, re.I):
        return _review(number, offset, section, "difference from an expectation: no contract measure for it")

    metric, _ = _metric_before(s, number.start)
    if metric is None and previous is not None:
        metric = previous.metric
    if metric is None:
        metric = paragraph_metric
    if number.unit == "pp" and previous is not None and previous.metric in ("operating_rate", "share"):
        metric = previous.metric
    period, cumulative = _period_at(mentions, number.start, carried)
    if cumulative and metric in ("production", None):
        metric = "cumulative_production"
    if metric is None:
        return _review(number, offset, section, "no metric named before the number")

    unit = number.unit or ""
    comparison_noun = vocab.COMPARISON_NOUN.search(local_pre)
    level_cue = vocab.LEVEL_CUES.search(local_pre)
    change_cue = vocab.CHANGE_CUES.search(local_pre)
    direction, direction_at = cl.last_direction(local_pre)
    comparison_after = cl.comparison_near(post[:40]) if not cl.QOQ.search(post[:12]) else "qoq"
    if comparison_after == "qoq":
        return _review(number, offset, section, "quarter-on-quarter change: no contract measure for it")

    expected_level = bool(vocab.EXPECTED_BEFORE.search(local_pre)) and unit != "pp"
    if expected_level:
        is_change = False
    elif unit == "pp":
        is_change = True
    elif comparison_noun or change_cue:
        is_change = True
    elif level_cue and (direction is None or level_cue.start() > direction_at):
        is_change = False
    elif direction in ("up", "down"):
        is_change = True
    elif comparison_after and unit in ("%", "pp"):
        is_change = True
    elif previous is not None and previous.change and re.fullmatch(r"\s*(?:,|and|,\s*and|or)\s*", local_pre or " "):
        is_change = True
    else:
        is_change = False

    comparison: str | None = None
    if is_change:
        if comparison_noun:
            comparison = "mom" if comparison_noun.group(1).lower().startswith("m") else "yoy"
        comparison = comparison or comparison_after or cl.comparison_near(local_pre) or _month_comparison(post, period)
        if comparison is None and previous is not None and previous.change:
            comparison = previous.comparison
        if comparison is None:
            if metric == "cumulative_production":
                comparison = "yoy"
            else:
                comparison = "mom"
                reasons.append("comparison not stated; taken as MoM")
        if direction is None and comparison_noun:
            direction = "up" if cl.UP_WORDS.search(comparison_noun.group(2)) else "down"
        if direction is None:
            after = re.match(r"^\s*(?:MoM|YoY)?\s*(\w+)", post)
            if after:
                direction, _ = cl.last_direction(after.group(1))
        if direction is None and previous is not None and previous.change:
            direction = previous.direction
        if direction is None:
            direction, _ = cl.last_direction(clause_pre)
        if direction in (None, "flat"):
            reasons.append("no direction word for the change")
            direction = direction or "up"

    measure, unit_out, value = _measure(number, metric, is_change, comparison, direction)
    if measure is None:
        return _review(number, offset, section, f"a {unit or 'unitless'} number does not fit metric {metric}")

    segment = _segment_in(clause_pre, paragraph_segment)
    if segment is None and previous is not None and not re.search(r"\b(?:while|whereas|but)\b", local_pre):
        segment = previous.segment if is_change else None
    if segment == "daily average" and unit_out == "mt":
        unit_out = "mt/day"
    if metric == "price":
        price = None
        for match in vocab.PRICE_SEGMENT.finditer(clause_pre):
            price = match.group(1).lower()
        segment = segment or price
        reasons.append("price facts need a named price; check the segment")
    content = _content(clause_pre, post, previous)

    if period is None:
        return _review(number, offset, section, "no period: the report month is unknown")
    basis = cl.basis_for(period, report_month, bool(vocab.FORECAST_CUE.search(s[:number.start])))
    if expected_level:
        basis = "expected"
    if not cl.in_window(period, report_month):
        reasons.append(f"period {period} is far from the report month {report_month}")
    if metric in ("operating_rate", "share") and measure == "level" and not _in_percent_range(value):
        reasons.append("a rate outside 0-100%")

    if re.search(r"\brespectively\b", s[number.end:]):
        reasons.append("a 'respectively' list: which label goes with which number needs checking")
    quote_start, quote_end = _quote_bounds(
        s, number, local_pre, post, direction_at if is_change else -1, level_cue, change_cue, comparison_noun
    )
    fields = {
        "commodity": section.commodity,
        "region": section.region,
        "metric": metric,
        "segment": segment,
        "content": content,
        "period": period,
        "basis": basis,
        "measure": measure,
        "value": value,
        "unit": unit_out,
        "qualifier": number.qualifier,
        "quote": s[quote_start:quote_end],
        "_direction": direction,
    }
    fact = LabelledFact(fields, offset + number.start, offset + number.end, offset + quote_start, offset + quote_end)
    for reason in reasons:
        fact.flag(reason)
    if not section.known:
        fact.flag(f"heading '{section.heading}' is not in the commodity table")
    return fact


def _in_percent_range(value: Any) -> bool:
    values = value if isinstance(value, list) else [value]
    return all(0 <= float(v) <= 100 for v in values)


def _month_comparison(post: str, period: str | None) -> str | None:
    match = re.match(r"^\s*,?\s*(?:from|compared (?:to|with)|than|versus|over)\s+(?:the\s+)?([A-Z][a-z]+)(?:\s+((?:19|20)\d\d))?", post)
    if not match or period is None:
        return None
    from .report_month import resolve_month, months_between

    named = resolve_month(match.group(1), period, match.group(2))
    if named is None:
        return None
    gap = months_between(named, period)
    return {1: "mom", 12: "yoy"}.get(gap)


def _measure(
    number: NumberSpan, metric: str, is_change: bool, comparison: str | None, direction: str | None
) -> tuple[str | None, str | None, Any]:
    unit = number.unit or ""
    raw = list(number.value) if isinstance(number.value, tuple) else number.value
    if not is_change:
        allowed = vocab.METRIC_UNITS.get(metric)
        if allowed is not None and unit not in allowed:
            return None, None, None
        if metric == "price" and not (unit.startswith(("yuan", "usd"))):
            return None, None, None
        unit_out = "mt/year" if metric in ("capacity", "operating_capacity") and unit.startswith("mt") else unit
        return "level", unit_out, raw
    if unit == "pp":
        suffix = "pp"
    elif unit == "%":
        suffix = "pct"
    elif unit == "mt" and metric not in ("operating_rate", "share", "price"):
        suffix = "abs"
    elif unit.startswith(("yuan", "usd")) and metric == "price":
        suffix = "abs"
    else:
        return None, None, None
    sign = -1.0 if direction == "down" else 1.0
    value: Any
    if isinstance(raw, list):
        value = sorted(sign * abs(v) for v in raw)
    else:
        value = sign * abs(raw)
    return f"{comparison}_{suffix}", unit, value


def _content(clause_pre: str, post: str, previous: _Previous | None) -> str | None:
    after = post[:60]
    physical_after = vocab.PHYSICAL_CONTENT.search(after)
    metal_after = vocab.METAL_CONTENT.search(after)
    if metal_after and (not physical_after or metal_after.start() < physical_after.start()):
        return "metal"
    if physical_after:
        return None
    tail = clause_pre[-80:]
    metal_before = list(vocab.METAL_CONTENT.finditer(tail))
    physical_before = list(vocab.PHYSICAL_CONTENT.finditer(tail))
    if metal_before and (not physical_before or metal_before[-1].start() > physical_before[-1].start()):
        return "metal"
    if physical_before:
        return None
    return previous.content if previous is not None else None


def _quote_bounds(
    s: str, number: NumberSpan, local_pre: str, post: str, direction_at: int,
    level_cue: re.Match[str] | None, change_cue: re.Match[str] | None, comparison_noun: re.Match[str] | None,
) -> tuple[int, int]:
    pre_start = number.qualifier_start - len(local_pre)
    starts = [number.qualifier_start]
    if comparison_noun:
        starts.append(pre_start + comparison_noun.start())
    elif direction_at >= 0 and len(local_pre) - direction_at <= 40:
        starts.append(pre_start + direction_at)
    elif change_cue:
        starts.append(pre_start + change_cue.start())
    elif level_cue:
        starts.append(pre_start + level_cue.start())
    start = min(starts)
    end = number.end
    marker = re.match(r"^\s*(MoM|YoY|M-o-M|Y-o-Y|month[- ]on[- ]month|year[- ]on[- ]year)\b", post)
    if marker:
        end = number.end + marker.end()
    return start, end


def _review(number: NumberSpan, offset: int, section: Section, reason: str) -> LabelledFact:
    fields = {
        "commodity": section.commodity, "region": section.region, "metric": "other", "segment": None,
        "content": None, "period": None, "basis": "actual", "measure": "level",
        "value": list(number.value) if isinstance(number.value, tuple) else number.value,
        "unit": number.unit, "qualifier": number.qualifier, "quote": number.text,
    }
    return LabelledFact(
        fields, offset + number.start, offset + number.end, offset + number.start, offset + number.end,
        NEEDS_REVIEW, reason,
    )


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


def _directions(
    s: str, offset: int, mentions: list[cl.MonthMention], carried: str | None, report_month: str | None,
    section: Section, numbers: list[NumberSpan], consumed: list[tuple[int, int]], paragraph_segment: str | None,
) -> list[LabelledFact]:
    """Directions stated with no number for that measure: 'edged down MoM', 'expected to rebound MoM'."""
    found: list[LabelledFact] = []
    stated = {(_clause_start(s, a), m) for a, b in consumed for m in ("mom", "yoy") if re.search(m, s[a:b] + _after(s, b), re.I)}
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
        clause = _clause_start(s, start)
        if (clause, comparison) in stated:
            continue
        metric, _ = _metric_before(s, end)
        if metric not in ("production", "operating_rate", "cumulative_production"):
            continue
        period, cumulative = _period_at(mentions, start, carried, nearest=True)
        if period is None:
            continue
        if cumulative:
            metric = "cumulative_production"
        direction = _direction_of(verb)
        if direction is None:
            continue
        segment = _segment_in(s[clause:start], paragraph_segment)
        content = _content(s[clause:start], s[end:end + 40], None)
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


def _after(s: str, position: int) -> str:
    return s[position:position + 6]


def _direction_of(verb: str) -> str | None:
    verb = verb.lower()
    if re.search(r"flat|stable|unchanged|little change|no significant change", verb):
        return "flat"
    if cl.DOWN_WORDS.search(verb) or "downward" in verb:
        return "down"
    if cl.UP_WORDS.search(verb) or "upward" in verb or "growth" in verb or "grow" in verb or "recover" in verb:
        return "up"
    return None
