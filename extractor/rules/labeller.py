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

from extractor.record import Fact, Label, ReviewKind as K, ReviewReason, Span, Status
from extractor.rules import cues
from extractor.rules.context import (
    Previous,
    clause_start_of,
    content_of,
    in_percent_range,
    metric_before,
    month_comparison,
    month_named_after,
    period_at,
    segment_after,
    segment_in,
    share_part,
)
from extractor.rules.directions import find_directions, level_directions
from extractor.rules.figures import measure_of, quote_bounds, signed_direction, units_left_off
from extractor.rules.lists import metal_changes, paired_parts, respectively
from extractor.rules.objections import Figure, dated_to_another_year, objection_to
from extractor.rules.overlaps import standing_facts
from extractor.rules.reasons import review_reason
from extractor.rules.sections import Section
from extractor.rules.subjects import clause_section, has_clauses, sentence_sections
from extractor.text import clauses as cl
from extractor.text import vocabulary as vocab
from extractor.text.months import in_window, months_between, resolve_month, shift_month
from extractor.text.numbers import NumberSpan, find_numbers
from schemas.periods import RATE_METRICS


@dataclass
class SectionState:
    """What the sentences of a section pass on to the sentences after them: each paragraph's segment, period and
    metric, whether its period was named in an expectation, the note paragraphs (skipped), the last metric and period
    read, and the mass levels so far (a long section is not read again)."""

    report_month: str | None
    facts: list[Fact] = field(default_factory=list)
    paragraph_segment: dict[int, str | None] = field(default_factory=dict)
    period_by_paragraph: dict[int, str] = field(default_factory=dict)
    metric_by_paragraph: dict[int, str] = field(default_factory=dict)
    note_paragraphs: set[int] = field(default_factory=set)
    forecast_paragraphs: set[int] = field(default_factory=set)
    last_metric: str | None = None
    last_period_seen: str | None = None
    masses: list[Fact] = field(default_factory=list)

    def opens(self, sentence: cl.Sentence) -> bool:
        """Note the paragraph a sentence opens (its segment heading, whether it is a note); False for a note's."""
        if sentence.paragraph not in self.paragraph_segment:
            self.paragraph_segment[sentence.paragraph] = _paragraph_label(sentence.text)
            if re.match(r"^\s*\*?\s*note\b", sentence.text, re.I):
                self.note_paragraphs.add(sentence.paragraph)
        return sentence.paragraph not in self.note_paragraphs

    def carried(self, sentence: cl.Sentence) -> tuple[str | None, str | None]:
        """The period and the metric the sentence takes from the ones before it."""
        report_month, text = self.report_month, sentence.text
        carried = self.period_by_paragraph.get(sentence.paragraph, report_month)
        if carried != report_month and sentence.paragraph in self.forecast_paragraphs and cues.PAST_NO_MONTH.search(
                text) and not cl.month_mentions(text, report_month) and not vocab.FORECAST_CUE.search(text):
            carried = report_month  # "... expected to rise in May. Production in Guangxi dropped": what happened
        metric = self.metric_by_paragraph.get(sentence.paragraph)
        if metric is None and cues.PRONOUN_SUBJECT.match(text) and self.facts:
            metric = self.last_metric  # "It was also up 5.9 percentage points year on year": the sentence before's
            carried = self.last_period_seen or carried
        return carried, metric

    def metal_breakdown(self, sentence: cl.Sentence, facts: list[Fact]) -> list[Fact]:
        """The breakdown of a metal total ("Of this figure, ...") is of metal; after "97,700 mt or 21,500 mt in metal
        content" it is not sure which total is broken down, so nothing is carried."""
        if not (cues.PART_OF_BEFORE.match(sentence.text) and self.masses
                and all(f.label.content == "metal" for f in self.masses[-2:])):
            return facts
        return [f.relabel(content="metal")
                if f.label.content is None and f.label.metric in ("production", "cumulative_production") else f
                for f in facts]

    def take(self, sentence: cl.Sentence, facts: list[Fact], last_period: str | None) -> None:
        """Keep a sentence's facts, and what they pass on to the sentences after it."""
        if last_period:
            self.period_by_paragraph[sentence.paragraph] = last_period
            # whether the period carried on was named in an expectation ("is expected to rise ... in May")
            if vocab.FORECAST_CUE.search(sentence.text):
                self.forecast_paragraphs.add(sentence.paragraph)
            else:
                self.forecast_paragraphs.discard(sentence.paragraph)
        labelled = [f for f in facts if f.label.metric != "other"]
        if labelled:
            self.metric_by_paragraph[sentence.paragraph] = self.last_metric = labelled[-1].label.metric
            self.last_period_seen = labelled[-1].label.period
        self.facts.extend(facts)
        self.masses.extend(f for f in facts if f.label.measure == "level" and (f.unit or "").startswith("mt"))


def label_section(text: str, section: Section, report_month: str | None) -> list[Fact]:
    """Label every number and stated direction in one section of a document.

    `text` is the whole document; offsets in the result index it. Returns facts
    in text order; never raises on odd prose (it flags instead).
    """
    state = SectionState(report_month)
    for sentence, about in zip(section.sentences, sentence_sections(section)):
        if not state.opens(sentence):
            continue
        carried, metric = state.carried(sentence)
        sentence_facts, last_period = _label_sentence(
            sentence, about, report_month, carried, state.paragraph_segment[sentence.paragraph], metric, section,
        )
        state.take(sentence, state.metal_breakdown(sentence, sentence_facts), last_period)
    return standing_facts(state.facts)


def _paragraph_label(first_sentence: str) -> str | None:
    head = first_sentence.split(":", 1)[0] if ":" in first_sentence[:60] else ""
    for pattern, label in vocab.SEGMENT_WORDS:
        if head and pattern.search(head):
            return label
    return None


def _label_sentence(
    sentence: cl.Sentence, section: Section, report_month: str | None, carried: str | None,
    paragraph_segment: str | None, paragraph_metric: str | None = None, base: Section | None = None,
) -> tuple[list[Fact], str | None]:
    base = base or section
    s = sentence.text
    mentions = cl.month_mentions(s, report_month)
    numbers = units_left_off(s, find_numbers(s))
    facts: list[Fact] = []
    previous: Previous | None = None
    previous_clause = -1
    # A month named with a base figure ("from a revised 427,000 tonnes in March") is that figure's, not the
    # period of the figures after it ("... and 0.2% higher than a year earlier").
    bases = {id(named) for n, named in ((n, month_named_after(mentions, s, n.end)) for n in numbers)
             if named is not None and cues.FROM_BASE.search(s[max(0, n.start - 70):n.start])}
    split = has_clauses(s)
    for index, number in enumerate(numbers):
        own = month_named_after(mentions, s, number.end)
        usable = [m for m in mentions if id(m) not in bases or m is own]
        clause_start = clause_start_of(s, number.start)
        if clause_start != previous_clause:
            previous, previous_clause = None, clause_start
        prev_end = max(clause_start, numbers[index - 1].end if index else 0)
        next_start = numbers[index + 1].start if index + 1 < len(numbers) else len(s)
        clause_end = _clause_end(s, number.end)
        fact = _label_number(
            s, sentence.start, number, usable, carried, report_month,
            clause_section(section, base, s, number.start) if split else section,
            clause_start, prev_end, min(next_start, clause_end), previous, paragraph_segment, paragraph_metric,
        )
        if fact is None:
            continue
        facts.append(fact)
        if fact.label.metric == "other":
            previous = None
            continue
        previous = Previous(
            change=fact.label.measure != "level",
            comparison=fact.label.comparison,
            direction=fact.direction,
            segment=fact.label.segment,
            content=fact.label.content,
            metric=fact.label.metric,
        )
    if "respectively" in s:
        facts = respectively(s, sentence.start, facts)
    facts = paired_parts(s, sentence.start, metal_changes(s, sentence.start, facts))
    labelled = [f for f in facts if f.label.metric != "other"]
    facts.extend(find_directions(s, sentence.start, mentions, carried, report_month, section, numbers, labelled,
                                 paragraph_segment))
    facts.extend(level_directions(s, sentence.start, labelled))
    last_period = mentions[-1].period if mentions else None
    return facts, last_period


def _clause_end(s: str, position: int) -> int:
    ends = [i for i in (s.find(";", position), s.find(":", position)) if i >= 0]
    return min(ends) if ends else len(s)


def _label_number(
    s: str, offset: int, number: NumberSpan, mentions: list[cl.MonthMention], carried: str | None,
    report_month: str | None, section: Section, clause_start: int, prev_end: int, next_start: int,
    previous: Previous | None, paragraph_segment: str | None, paragraph_metric: str | None = None,
) -> Fact | None:
    local_pre = s[prev_end:number.qualifier_start]
    post = s[number.end:next_start]
    clause_pre = s[clause_start:number.start]
    reasons: list[ReviewReason] = []

    if vocab.VERSUS_EXPECTATION.match(post) or vocab.EXPECTATION_AFTER.match(post) or re.search(r"\bexpectations by\s*$", local_pre, re.I):
        return _review(number, offset, section, review_reason(K.EXPECTATION_GAP))

    if cues.LARGEST_CHANGE.search(local_pre):
        return _review(number, offset, section, review_reason(K.LARGEST_CHANGE))
    if cues.SIZE_CLASS.search(s[max(0, number.start - 60):number.qualifier_start]) or (
            cues.SIZE_CLASS.search(s[max(0, number.start - 60):number.start])) or (
            number.is_range and cues.CAPACITY_OF.search(s[max(0, number.start - 60):number.start])):
        # "smelters with annual capacity above 100,000 mt", "... of 50,000-100,000 mt at 31.2%": a class's bounds
        return _review(number, offset, section, review_reason(K.SIZE_CLASS))
    metric, metric_end = metric_before(s, number.start)
    if previous is not None and previous.metric is not None and metric_end <= prev_end:
        metric = previous.metric  # the word before the figure before is that figure's ("... 1.16 million mt, up 2.7%")
    if (number.unit or "").startswith("mt") and cues.CUT_BY.search(local_pre) and (
            cues.FOR_MAINTENANCE.match(s[number.end:_clause_end(s, number.end)])
            or cues.MAINTENANCE_WORD.search(s[max(clause_start, number.start - 80):number.start])):
        # "cut production by 15,000 mt for maintenance", "as maintenance at a mill cut production by 100,000 mt"
        return _maintenance_loss(s, offset, number, mentions, carried, report_month, section,
                                 segment_in(clause_pre, paragraph_segment))
    if (number.unit or "").startswith("mt") and cues.OUTPUT_AFFECTED.search(s[clause_start:number.start]):
        return _review(number, offset, section, review_reason(K.OUTPUT_AFFECTED))
    named_after = cues.METRIC_AFTER.match(post) if (number.unit or "").startswith("mt") else None
    if named_after and cues.LOSS_BEFORE.search(local_pre):
        return _review(number, offset, section, review_reason(K.OUTPUT_AFFECTED))
    if named_after:  # "70.86 million mt of capacity ... in operation", "2.6 million mt of output"
        metric = "operating_capacity" if re.search(r"\bin operation\b", post) else \
            {"capacity": "capacity", "output": "production", "production": "production", "imports": "imports",
             "exports": "exports", "inventory": "inventory", "inventories": "inventory"}[named_after.group(1).lower()]
    change_in = cues.CHANGE_IN.match(post)
    if change_in:  # "an 8.4% drop in treatment charges", "a 5% rise in imports": the change is of what follows
        named_in = min(((m.start(), label) for pattern, label in vocab.METRIC_WORDS
                        for m in pattern.finditer(post, change_in.end(), change_in.end() + 60)), default=None)
        metric = named_in[1] if named_in else metric
    if metric is None and previous is not None:
        metric = previous.metric
    if metric is None:
        metric = paragraph_metric
    if number.unit == "pp" and previous is not None and previous.metric in RATE_METRICS:
        metric = previous.metric
    if metric == "share" and (number.unit or "") == "mt" and cues.ACCOUNTED_FOR.search(local_pre):
        metric = "production"  # "300-series accounted for 1.16 million mt": the part's output, not a share
    if number.unit == "mt/year" and cues.CAPACITY_AFTER.match(post):
        metric = "capacity"  # "40.7 mtpy of completed primary aluminium capacity"
    if metric == "capacity" and cues.OPERATIONAL_AFTER.match(post):
        metric = "operating_capacity"  # "..., of which 36.6 mtpy is operational"
    period, cumulative = period_at(mentions, number.start, carried, s=s, number_end=number.end)
    if cumulative and metric in ("production", None):
        metric = "cumulative_production"
    if metric is None:
        return _review(number, offset, section, review_reason(K.NO_METRIC))
    objection = objection_to(Figure(s, number, clause_start, local_pre, post, metric, metric_end, section.commodity))
    if objection is not None:
        return _review(number, offset, section, review_reason(K.NOT_THE_COMMODITY, objection))
    if cues.ANNUAL_CHANGE.search(clause_pre):
        return _review(number, offset, section, review_reason(K.ANNUAL_CHANGE))
    if metric in ("capacity", "operating_capacity") and cues.SURVEY_SAMPLE.search(s):
        return _review(number, offset, section, review_reason(K.SURVEY_SAMPLE))
    project = cues.PROJECT.search(s[max(clause_start, number.start - 70):number.start])
    if metric in ("capacity", "operating_capacity") and project:
        return _review(number, offset, section, review_reason(K.PROJECT_CAPACITY))

    unit = number.unit or ""
    comparison_noun = vocab.COMPARISON_NOUN.search(local_pre)
    level_cue = vocab.LEVEL_CUES.search(local_pre)
    change_cue = vocab.CHANGE_CUES.search(local_pre)
    direction, direction_at = cl.last_direction(local_pre)
    signed = signed_direction(s, number)
    if signed is not None and unit in ("%", "pp"):  # "+7.9% y/y", "-1.5% y/y": the sign is the direction
        direction, direction_at = signed, len(local_pre)
    size_moved = cues.CHANGE_SIZE_MOVED.search(local_pre) if unit in ("%", "pp") else None
    if size_moved:  # "the MoM decline expanding to 7%": the noun's direction, whatever the verb of its size
        direction, direction_at = cl.last_direction(size_moved.group("noun"))[0], size_moved.start()
    comparison_after = cl.comparison_near(post[:40]) if not cl.QOQ.search(post[:12]) else "qoq"
    if comparison_after == "qoq":
        return _review(number, offset, section, review_reason(K.QUARTER_ON_QUARTER))

    expected_level = (bool(vocab.EXPECTED_BEFORE.search(local_pre)) or bool(
        re.search(r"\bexpectations?\s*\(\s*$", local_pre, re.I))) and unit != "pp" and not change_in
    # "the expected 120,600 mt", "expectations (120,600 mt)"; but "an estimated 1.8% drop in ..." is a change
    than_after = cues.THAN_AFTER.match(post)
    month_level = cues.MONTH_LEVEL.search(local_pre)
    if month_level and unit != "pp":  # "up from April's 2.49 million tonnes": April's level
        named = resolve_month(month_level.group(1), report_month)
        period = named or period
        is_change = False
    elif expected_level:
        is_change = False
    elif unit == "pp":
        is_change = True
    elif comparison_noun or change_cue or size_moved:
        is_change = True
    elif than_after is not None and unit in ("%", "pp", "mt"):
        is_change = True  # "was 2.3% lower than that in April"
        direction = "up" if than_after.group(1).lower() in ("higher", "more", "above") else "down"
        direction_at = len(local_pre)
    elif level_cue and (direction is None or level_cue.start() > direction_at):
        is_change = False
    elif (cues.FROM_BASE.search(local_pre) and unit.startswith("mt")
          and month_named_after(mentions, s, number.end) is not None):
        is_change = False  # "increased from 2.715 million in October": October's level, the base of the change
    elif number.qualifier in ("over", "under") and cues.BOUND_MOVE.search(s[prev_end:number.start]):
        is_change = False  # "exceeded the 80,000 mt mark", "falling below 70%": a level reached, not a change
    elif direction in ("up", "down"):
        is_change = True
    elif comparison_after and unit in ("%", "pp"):
        is_change = True
    elif unit == "mt" and cues.MARKER_AFTER.match(post):
        is_change = True  # "and 54kt month on month": a mass with its comparison right after is a change
    elif cues.CHANGE_NOUN_AFTER.match(post) and unit in ("%", "pp", "mt"):
        is_change = True  # "representing a 3.47% increase", "an 11.82% rise"
    elif previous is not None and previous.change and re.fullmatch(r"\s*(?:,|and|,\s*and|or|(?:MoM|YoY)?\s*\()\s*",
                                                                   local_pre or " ", re.I):
        is_change = True  # "up 2.1% and 3% YoY", "down 0.68% MoM (3,300 mt)": the same kind of change
    elif unit in ("%", "pp") and month_comparison(post, period) is not None:
        is_change = True  # "2.2% higher than April and 7.5% more than May 2023": a change against the month named
    else:
        is_change = False

    comparison: str | None = None
    if is_change:
        # The noun names this number's comparison when it stands right before it ("a MoM increase of 5.71%");
        # one further back belongs to an earlier figure ("a 4% MoM increase and a 26% YoY increase").
        adjacent = comparison_noun is not None and bool(re.fullmatch(
            r"[\s\w]{0,3}(?:\s*(?:rate\s+)?(?:of|by|at|was|is|reached|to))?\s*", local_pre[comparison_noun.end():]))
        if comparison_noun and (adjacent or not comparison_after):
            comparison = "mom" if comparison_noun.group(1).lower().startswith("m") else "yoy"
        comparison = comparison or comparison_after or cl.comparison_near(local_pre) or month_comparison(post, period)
        if comparison is None and re.fullmatch(r"\s*(?:or|and|,|to)\s*", post):
            # "up 323,000 mt or 14% MoM", "fall 7.52% to 55.51% in June from a month earlier"
            window = s[next_start:next_start + 60]
            # up to the next figure or a clause of its own ("..., with a year-over-year increase of 8.2%")
            window = re.split(r",?\s+with\s+an?\b|(?<=\s)\d[\d,.]*\s*(?:%|per)", window, maxsplit=1)[0]
            comparison = cl.comparison_near(window) or month_comparison(re.sub(r"^\S+\s*(?:\S+\s+)?in\s+\w+", "", window), period)
        if comparison is None and previous is not None and previous.change:
            comparison = previous.comparison
            if comparison == "yoy" and re.search(r"\b(?:but|while|whereas|although)\b", local_pre):
                comparison = "mom"  # "up 3% YoY but down 2%": both cannot be YoY
        if comparison is None:
            if metric == "cumulative_production":
                comparison = "yoy"
            else:
                comparison = "mom"
                # The guidelines read an unstated comparison as MoM; it is sure enough for the reviewed and the
                # forecast month, and flagged for review for any other period.
                if period is None or report_month is None or months_between(report_month, period) not in (0, 1):
                    reasons.append(review_reason(K.COMPARISON_NOT_STATED))
                dated = dated_to_another_year(local_pre, post, period)
                if dated is not None:
                    reasons.append(review_reason(K.DATED_ELSEWHERE, dated))
        if comparison_noun and (adjacent or direction is None):  # "a MoM decline expanding to 7%" is a decline
            direction = "up" if cl.UP_WORDS.search(comparison_noun.group(2)) else "down"
        if direction is None:
            noun_after = cues.CHANGE_NOUN_AFTER.match(post)
            if noun_after:
                direction, _ = cl.last_direction(noun_after.group(1))
        if direction is None:
            after = re.match(r"^\s*(?:MoM|YoY)?\s*(\w+)", post)
            if after:
                direction, _ = cl.last_direction(after.group(1))
        if direction is None and previous is not None and previous.change:
            direction = previous.direction
        if direction is None:
            direction, _ = cl.last_direction(clause_pre)
        if direction in (None, "flat"):
            reasons.append(review_reason(K.NO_DIRECTION))
            direction = direction or "up"

    measure, unit_out, value = measure_of(number, metric, is_change, comparison, direction)
    if measure is None:
        return _review(number, offset, section, review_reason(K.UNIT_MISFIT, unit or "unitless", metric))

    segment = segment_after(post) or segment_in(clause_pre, paragraph_segment)
    if segment is None and previous is not None and not re.search(r"\b(?:while|whereas|but)\b", local_pre):
        segment = previous.segment if is_change else None
    if segment is None and metric == "share" and measure == "level":
        segment = share_part(s[clause_start:number.qualifier_start], previous is not None and previous.metric == "share")
    if segment == "daily average" and unit_out == "mt":
        unit_out = "mt/day"
    if unit_out == "mt/day" and metric == "production":
        segment = "daily average"  # "98,000 tonnes per day": a rate of a day is the daily average
    if metric == "price":
        price = None
        for match in vocab.PRICE_SEGMENT.finditer(clause_pre):
            price = match.group(1).lower()
        segment = segment or price
        reasons.append(review_reason(K.PRICE_SEGMENT))
    unit_words = number.text[len(number.text.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ")):]
    content = content_of(clause_pre, unit_words + post, previous) if metric not in RATE_METRICS else None

    if period is None:  # every other label is kept; a person (or --report-month) supplies the month
        reasons.insert(0, review_reason(K.NO_PERIOD))
    ago = cues.AGO.match(post)
    if ago and not is_change and period is not None:
        period = shift_month(period, -1 if ago.group(1).lower() == "month" else -12)
    forecast_cue = bool(vocab.FORECAST_CUE.search(s[:number.start]))
    if forecast_cue and not mentions and period == report_month and carried == report_month and report_month:
        period = shift_month(report_month, 1)  # "SMM sees output rising 7.8% YoY": no month named, the next month
    basis = cl.basis_for(period, report_month, forecast_cue) if period else ("forecast" if forecast_cue else "actual")
    if metric == "cumulative_production" and period == report_month:
        basis = "actual"  # a total through the reviewed month has closed, even worded "is expected to be"
    if expected_level:
        basis = "expected"
    if period is not None and not in_window(period, report_month):
        reasons.append(review_reason(K.FAR_PERIOD, period, report_month))
    if metric in RATE_METRICS and measure == "level" and not in_percent_range(value):
        reasons.append(review_reason(K.RATE_RANGE))
    if (measure == "level" and number.qualifier in ("over", "under") and metric in RATE_METRICS
            and vocab.SOME_PRODUCERS.search(clause_pre)):
        return _review(number, offset, section, review_reason(K.SOME_PRODUCERS))

    if re.search(r"\brespectively\b", s[number.end:_clause_end(s, number.end)]):
        reasons.append(review_reason(K.RESPECTIVELY))
    quote_start, quote_end = quote_bounds(
        s, number, local_pre, post, direction_at if is_change else -1, level_cue, change_cue, comparison_noun
    )
    label = Label(section.commodity, section.region, metric, segment, content, period, basis, measure)
    fact = Fact(label, value, unit_out, number.qualifier, s[quote_start:quote_end],
                Span(offset + number.start, offset + number.end), Span(offset + quote_start, offset + quote_end),
                direction=direction if is_change else None, section=section.index)
    for reason in reasons:
        fact.flag(reason)
    if not section.known:
        fact.flag(review_reason(K.UNKNOWN_HEADING, section.heading))
    return fact


def _maintenance_loss(s: str, offset: int, number: NumberSpan, mentions: list[cl.MonthMention], carried: str | None,
                      report_month: str | None, section: Section, segment: str | None) -> Fact:
    """ "cut the production by 15,000 mt for maintenance": the output maintenance takes, a positive level."""
    period, _ = period_at(mentions, number.start, carried, s=s, number_end=number.end)
    if period is None:
        return _review(number, offset, section, review_reason(K.NO_PERIOD))
    basis = cl.basis_for(period, report_month, bool(vocab.FORECAST_CUE.search(s[:number.start])))
    label = Label(section.commodity, section.region, "maintenance_impact", segment, None, period, basis, "level")
    span = Span(offset + number.start, offset + number.end)
    return Fact(label, abs(float(number.value)) if isinstance(number.value, float) else list(number.value), "mt",
                number.qualifier, number.text, span, span, section=section.index)


def _review(number: NumberSpan, offset: int, section: Section, reason: ReviewReason) -> Fact:
    """A number no label could be given: kept, with metric `other`, for a person to review."""
    label = Label(section.commodity, section.region, "other", None, None, None, "actual", "level")
    span = Span(offset + number.start, offset + number.end)
    value = list(number.value) if isinstance(number.value, tuple) else number.value
    return Fact(label, value, number.unit, number.qualifier, number.text, span, span, Status.NEEDS_REVIEW, reason.message,
                section=section.index, reviews=[reason])


