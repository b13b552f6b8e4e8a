"""The rules labeller: SMM's formulaic sentences turned into contract facts, each tied to its number's span.

It is the baseline every LLM result is compared with and the fallback when no
LLM is available. For each number with a unit it decides metric (nearest metric
word before it), segment and content (words in its clause), period and basis
(months the sentence speaks of, forecast cues), measure and sign (level or
change cues, direction words, MoM/YoY markers, carried along "up 1% MoM and 2%
YoY" chains). Directions stated without a number ("edged down MoM") become
`*_direction` facts. Anything it cannot label with confidence is kept with
status needs_review and a typed reason (record.ReviewReason).

The decisions are tables of named rules (rules/label_rules.py) over each
number's features, read once (rules/features.py); this module walks the
section's sentences (what one passes to the next is a `SectionState`), reads
each number through the tables and builds its fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from extractor.record import Fact, Label, ReviewReason, Span, Status, as_basis, as_measure, as_metric
from extractor.record import ReviewKind as K
from extractor.rules import cues
from extractor.rules.bare_changes import on_the_same_basis
from extractor.rules.changes import comparison_of, direction_of
from extractor.rules.context import (
    Previous,
    clause_start_of,
    content_of,
    own_part,
    region_referred,
    segment_after,
    segment_in,
    share_part,
)
from extractor.rules.figure_months import month_named_after, period_at
from extractor.rules.country_moves import country_moves
from extractor.rules.dating import base_months, dating, period_passed_on, sentence_mentions
from extractor.rules.directions import find_directions, level_directions
from extractor.rules.features import NumberFeatures, NumberPlace, clause_end, features_of, in_composition
from extractor.rules.figures import measure_of, quote_bounds, units_left_off
from extractor.rules.label_rules import (
    FLAGS,
    LATE_SCREENS,
    MEASURES,
    SCREENS,
    Draft,
    Measured,
    Verdict,
    all_matches,
    first_match,
)
from extractor.rules.list_lines import keeps_list, list_place, opening_metric
from extractor.rules.lists import metal_changes, paired_months, paired_parts, respectively
from extractor.rules.markets import market_or_balance
from extractor.rules.overlaps import standing_facts
from extractor.rules.reasons import review_reason
from extractor.rules.figure_products import FigureProducts
from extractor.rules.section_state import SectionState
from extractor.rules.sections import Section
from extractor.rules.subjects import clause_country, clause_section, has_clauses, sentence_sections
from extractor.text import clauses as cl
from extractor.text import lexicon, prefilter
from extractor.text import vocabulary as vocab
from extractor.text.months import basis_for
from extractor.text.numbers import NumberSpan, find_numbers
from schemas.periods import RATE_METRICS


def label_section(text: str, section: Section, report_month: str | None, spans_carry: bool = False) -> list[Fact]:
    """Label every number and stated direction in one section of a document.

    `text` is the whole document; offsets in the result index it. Returns facts
    in text order; never raises on odd prose (it flags instead).
    """
    state = SectionState(report_month, spans_carry=spans_carry)
    previous = ""
    for sentence, about in zip(section.sentences, sentence_sections(section)):
        if not state.opens(sentence):
            continue
        carried, metric = state.carried(sentence)
        about = state.pronoun_product(sentence, about)
        place = list_place(sentence.text) if state.list_metric else None
        if place is not None:  # a list's line: its place's figure, of the metric its opening line named
            about, metric = replace(about, region=place), metric or state.list_metric
        # the span carried on: a whole year's, or any span's to its breakdown ("Of this figure, Shaanxi's output ...",
        # and the sentences after it in its paragraph: "Shanxi produced 62.7 kt.")
        spans = state.cumulative_paragraphs if state.breaks_down(sentence) \
            or cues.THE_SPAN_AGAIN.search(sentence.text) else state.span_paragraphs
        alone = cues.MONTH_ALONE.search(sentence.text)  # ("March alone came in at 383kt": no span's figure)
        span = carried == state.period_by_paragraph.get(sentence.paragraph) and not alone and (
            sentence.paragraph in spans or state.lists_on(sentence, about.commodity))
        sentence_facts, last = _label_sentence(
            sentence, about, report_month, carried, state.segment_of(sentence), metric, section,
            state.carried_span(carried) if span else None,
        )
        sentence_facts = on_the_same_basis(sentence.text, sentence_facts, state.sentence_facts, previous)
        sentence_facts += country_moves(sentence, about, section, state.facts, sentence_facts, previous)
        state.take(sentence, state.metal_breakdown(sentence, sentence_facts), last)
        previous = sentence.text
        state.list_metric = opening_metric(sentence.text) or (state.list_metric if keeps_list(sentence.text, place)
                                                              else None)
    return standing_facts(state.facts, _headline_end(section))


def _headline_end(section: Section) -> int:
    """Where the article's headline ends: a first paragraph of one short line, no sentence ended with a full stop,
    with more after it, in a section under no heading (-1: none)."""
    sentences = section.sentences
    if section.heading is not None or len(sentences) < 2 or sentences[1].paragraph == sentences[0].paragraph \
            or len(sentences[0].text) > 200 or sentences[0].text.rstrip().endswith("."):
        return -1
    return sentences[0].end


def _label_sentence(
    sentence: cl.Sentence, section: Section, report_month: str | None, carried: str | None,
    paragraph_segment: str | None, paragraph_metric: str | None = None, base: Section | None = None,
    carried_span: cl.MonthMention | None = None,
) -> tuple[list[Fact], cl.MonthMention | None]:
    base = base or section
    s = sentence.text
    mentions = sentence_mentions(s, report_month, carried_span)
    numbers = units_left_off(s, find_numbers(s))
    facts: list[Fact] = []
    previous: Previous | None = None
    previous_clause = -1
    bases = base_months(s, mentions, numbers)
    split = has_clauses(s)
    products = FigureProducts(base, s)
    for index, number in enumerate(numbers):
        own = month_named_after(mentions, s, number.end)
        clause_start = clause_start_of(s, number.start)
        if clause_start != previous_clause:
            previous, previous_clause = None, clause_start
        next_start = numbers[index + 1].start if index + 1 < len(numbers) else len(s)
        place = NumberPlace(
            s, sentence.start, number, [m for m in mentions if id(m) not in bases or m is own], carried, report_month,
            clause_country(products.of(clause_section(section, base, s, number.start) if split else section, number),
                           base, s, number.start, number.end),
            clause_start,
            max(clause_start, numbers[index - 1].end if index else 0), min(next_start, clause_end(s, number.end)),
            previous, paragraph_segment, paragraph_metric,
        )
        fact = _label_number(place)
        facts.append(fact)
        previous = _previous_of(fact, previous)
    facts = _with_the_sentences_own(sentence, facts, mentions, numbers, carried, report_month, section,
                                    paragraph_segment)
    return facts, period_passed_on(mentions, bases)


def _with_the_sentences_own(sentence: cl.Sentence, facts: list[Fact], mentions: list[cl.MonthMention],
                            numbers: list[NumberSpan], carried: str | None, report_month: str | None,
                            section: Section, paragraph_segment: str | None) -> list[Fact]:
    """The numbers' facts read again as the sentence reads them (a "respectively" list, parts paired, metal
    changes), with the directions it states without a figure."""
    s = sentence.text
    if "respectively" in s:
        facts = respectively(s, sentence.start, facts, [m.period for m in mentions if not m.cumulative])
    facts = paired_parts(s, sentence.start, metal_changes(s, sentence.start, facts))
    facts = paired_months(s, sentence.start, facts, report_month)
    labelled = [f for f in facts if f.label.metric != "other"]
    facts.extend(find_directions(s, sentence.start, mentions, carried, report_month, section, numbers, labelled,
                                 paragraph_segment))
    facts.extend(level_directions(s, sentence.start, labelled))
    return facts


def _previous_of(fact: Fact, before: Previous | None) -> Previous | None:
    """What a figure passes to the next one in its clause (nothing, from a number with no label), with the
    comparison of the clause's last change so far."""
    if fact.label.metric == "other":
        return None
    change = fact.label.measure != "level"
    last = fact.label.comparison if change else (before.last_comparison if before is not None else None)
    other = before.other_period if before is not None else None
    if not change and before is not None and not before.change and before.period != fact.label.period:
        other = before.period
    return Previous(change=change, comparison=fact.label.comparison, direction=fact.direction,
                    segment=fact.label.segment, content=fact.label.content, metric=fact.label.metric,
                    last_comparison=last, period=fact.label.period, other_period=other)


def _label_number(place: NumberPlace) -> Fact:
    """The fact of one number: screened by the tables of rules/label_rules.py, else labelled and flagged."""
    f = features_of(place)
    screened = first_match(SCREENS, f)
    if screened is not None:
        return _screened(f, screened[1])
    _, measured = first_match(MEASURES, f) or ("", _LEVEL)
    comparison, comparison_guessed, direction, direction_guessed = None, False, None, False
    if measured.is_change:
        read = comparison_of(f, measured.period)
        comparison, comparison_guessed = read.comparison, read.guessed
        direction, direction_guessed = direction_of(f, measured.direction)
    metric = f.metric
    assert metric is not None  # a number with no metric is screened
    measure, unit, value = measure_of(f.number, metric, measured.is_change, comparison, direction)
    draft = Draft(f, measured.is_change, comparison_guessed, direction_guessed, measure, unit, value,
                  measured.period, measured.period)
    late = first_match(LATE_SCREENS, draft)
    if late is not None:
        return _screened(f, late[1])
    assert measure is not None  # a measure the metric has none for is screened
    segment, unit = _segment(f, measure, unit, measured.is_change)
    period, basis = dating(f, measured)
    draft = replace(draft, unit=unit, period=period)
    quote_start, quote_end = quote_bounds(f.s, f.number, f.local_pre, f.post,
                                          measured.direction_at if measured.is_change else -1, f.level_cue,
                                          f.change_cue, f.comparison_noun)
    content = content_of(f.clause_pre, _unit_words(f.number) + f.post, f.previous) \
        if f.metric not in RATE_METRICS else None
    section, offset, number = place.section, place.offset, place.number
    label = Label(section.commodity, _region_of_part(section.region, segment), as_metric(metric), segment, content,
                  period, as_basis(basis), as_measure(measure))
    label, value = market_or_balance(f, label, value)
    fact = Fact(label, value, unit, number.qualifier, f.s[quote_start:quote_end],
                Span(offset + number.start, offset + number.end), Span(offset + quote_start, offset + quote_end),
                direction=direction if measured.is_change else None, section=section.index)
    for reason in all_matches(FLAGS, draft):
        fact.flag(reason)
    return fact


_LEVEL = Measured(False, None, -1, None)  # (never used: the last measure rule always holds)


def _screened(f: NumberFeatures, verdict: Verdict) -> Fact:
    """The fact a screen makes of a number: the output maintenance takes, or a number kept for review."""
    place = f.place
    if verdict.review is None:
        return _maintenance_loss(place, segment_in(f.clause_pre, place.paragraph_segment))
    return _review(place.number, place.offset, place.section, verdict.review)


def _unit_words(number: NumberSpan) -> str:
    """The words of a number's unit as written ("million mt")."""
    return number.text[len(number.text.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ")):]


_TURN = re.compile(r"\b(?:while|whereas|but)\b")  # another statement: a part named before it is not this one's
_OF_THE_WORLD = re.compile(r"\s*of\s+(?:the\s+)?(?:global|world['’]?s?|worldwide)\b", re.I)


def _segment(f: NumberFeatures, measure: str, unit: str | None, is_change: bool) -> tuple[str | None, str | None]:
    """The segment of a number (named after it, in its clause or paragraph, or the figure's before it) and its unit
    (a mass a day is mt/day)."""
    previous = f.previous
    share = f.metric == "share" and measure == "level"
    segment = _named_segment(f, share)
    if segment is None and previous is not None and not _TURN.search(f.local_pre) \
            and segment_after(f.local_pre) != previous.segment:  # the figure before's own ("by 2% in Europe and")
        segment = previous.segment if is_change else None
    if segment is None and share:
        segment = share_part(f.s[f.place.clause_start:f.number.qualifier_start],
                             previous is not None and previous.metric == "share")
    segment, unit = _daily_average(f.metric, segment, unit)
    segment = _span_segment(f, own_part(_within_region(f, segment), f.place.section.commodity))
    if f.metric == "price":
        segment = segment or _price_named(f.clause_pre)
    return segment, unit


def _named_segment(f: NumberFeatures, share: bool) -> str | None:
    """The part a figure's own words name: a share's part, a part named after it, else in its clause or paragraph
    (a share "of global output" is a country's share of the world's: the world is its whole, no part)."""
    after = None if share and _OF_THE_WORLD.match(f.post) else segment_after(f.post)
    return (_composed_part(f) if share else None) or after \
        or region_referred(f.clause_pre, f.s[:f.number.start]) \
        or segment_in(f.clause_pre + _subject_after(f), f.place.paragraph_segment)


_WORLD_PARTS = frozenset(vocab.WORLD_REGION_OF_ADJECTIVE.values())


def _region_of_part(region: str, segment: str | None) -> str:
    """A part of the world named as its figure's subject ("Latin American crude steel production totaled ...") is a
    part of the world's figures (region `global`, the part its segment), not the default country's."""
    return "global" if region == "china" and segment in _WORLD_PARTS else region


def _within_region(f: NumberFeatures, segment: str | None) -> str | None:
    """The segment, unless it is a part of the world and the figure is one country's ("fell 3.3% in the Asia region,
    while decreasing by 2.9% in the US": no part of Asia)."""
    region = f.place.section.region
    if segment is not None and region not in ("china", "global") and lexicon.category_of(segment, "world_region"):
        return None
    return segment


def _subject_after(f: NumberFeatures) -> str:
    """The words after a figure that opens its clause up to its verb ("At 418,000 mt in July, 400-series output was
    ...", "At 69.45% in October, the operating rate of smelters with capacity above 100,000 mt was ..."), or after
    its verb where the clause opens with its move ("Up 21.5 per cent was solar cell production, which ..."), where
    they name its subject; else none."""
    after = f.s[f.number.end:f.number.end + 160]  # (past the figures the subject names: "above 100,000 mt")
    if cues.MOVE_FRONTED.fullmatch(f.local_pre):  # "Up 21.5 per cent was solar cell production, which ..."
        inverted = cues.SUBJECT_AFTER_VERB.match(after)
        return inverted.group(1) if inverted else ""
    if not cues.AT_OPENING.fullmatch(f.local_pre):
        return ""
    verb = _SUBJECT_VERB.search(after)
    return after[:verb.start()] if verb else ""


_SUBJECT_VERB = re.compile(r"\s(?:was|were|is|are|stood|came|rose|fell|climbed|dropped|declined|increased|grew)\b")


# The metrics a span since January (or a whole year) makes no metric of their own for: the span is their segment
# (cumulative output is the contract's `cumulative_production`).
_SPAN_METRICS = ("imports", "exports", "balance")


def _span_segment(f: NumberFeatures, segment: str | None) -> str | None:
    """The segment a figure's span gives: the part of a year it names ("68,000 mt in the second half of 2019"), after
    the part the figure is of where it names one ("by converter ... in fiscal 2018": "converter, april-march"), and
    for trade and a balance a span since January ("imports from January to May", "a surplus of 709 kt in the first
    quarter") after the part named."""
    part = _part_named(f)  # (after a part named of its own: "converter, april-march")
    if part is not None and part not in (segment or ""):
        segment = f"{segment}, {part}" if segment else part
    if f.cumulative and f.metric in _SPAN_METRICS and "cumulative" not in (segment or ""):
        segment = f"{segment}, cumulative" if segment else "cumulative"
    return segment


def _part_named(f: NumberFeatures) -> str | None:
    """The part of a year the sentence names of the figure's period, unless a span since January of that period is
    named between it and the figure ("In the third quarter, ... while in the first nine months it grew ... to 1.5
    million mt": the span's figure)."""
    same = [m for m in f.place.mentions if m.period == f.period]
    before = [m for m in same if m.position < f.number.start]
    if before and before[-1].cumulative and not before[-1].part:
        return None
    return next((m.part for m in same if m.part), None)


def _composed_part(f: NumberFeatures) -> str | None:
    """The part a composition's share names right after its figure ("comprised ..., 53.16% MHP, ...": mhp)."""
    if not in_composition(f.place):
        return None
    named = cues.PART_NAMED_AFTER.match(f.post)
    return named.group(1).strip().lower() if named else None


def _daily_average(metric: str | None, segment: str | None, unit: str | None) -> tuple[str | None, str | None]:
    """A daily average's mass is a mass a day, and a mass a day of output is the daily average."""
    if segment == "daily average" and unit == "mt":
        unit = "mt/day"
    if unit == "mt/day" and metric == "production":
        segment = "daily average"  # "98,000 tonnes per day": a rate of a day is the daily average
    return segment, unit


def _price_named(clause_pre: str) -> str | None:
    """The last price the clause names before the number ("the spot price"), if any."""
    price = None
    for match in vocab.PRICE_SEGMENT.finditer(clause_pre):
        price = match.group(1).lower()
    return price


def _maintenance_loss(place: NumberPlace, segment: str | None) -> Fact:
    """ "cut the production by 15,000 mt for maintenance": the output maintenance takes, a positive level."""
    s, number, section = place.s, place.number, place.section
    period, _ = period_at(place.mentions, number.start, place.carried, s=s, number_end=number.end)
    if period is None:
        return _review(number, place.offset, section, review_reason(K.NO_PERIOD))
    basis = basis_for(period, place.report_month, bool(prefilter.search(vocab.FORECAST_CUE, s[:number.start])))
    label = Label(section.commodity, section.region, "maintenance_impact", segment, None, period, as_basis(basis),
                  "level")
    span = Span(place.offset + number.start, place.offset + number.end)
    return Fact(label, abs(float(number.value)) if isinstance(number.value, float) else list(number.value), "mt",
                number.qualifier, number.text, span, span, section=section.index)


def _review(number: NumberSpan, offset: int, section: Section, reason: ReviewReason) -> Fact:
    """A number no label could be given: kept, with metric `other`, for a person to review."""
    label = Label(section.commodity, section.region, "other", None, None, None, "actual", "level")
    span = Span(offset + number.start, offset + number.end)
    value = list(number.value) if isinstance(number.value, tuple) else number.value
    return Fact(label, value, number.unit, number.qualifier, number.text, span, span, Status.NEEDS_REVIEW, reason.message,
                section=section.index, reviews=[reason])


