"""What the sentences of a section pass on to the sentences after them while the labeller reads it (`labeller.py`):
each paragraph's segment, period and metric, the spans carried (a release's, a review's year), the last figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extractor.record import Fact
from extractor.rules import cues
from extractor.rules.context import metric_before, region_label, segment_in
from extractor.rules.sections import Section
from extractor.text import clauses as cl
from extractor.text import prefilter
from extractor.text import vocabulary as vocab
from extractor.text.commodities import commodity_mentions, normalize_name
from extractor.text.contract_products import CONTRACT_IDS
from extractor.text.countries import COUNTRY


# the year named before, spoken of again ("in the given year", "in that year"; not "the same period last year")
_THAT_YEAR = re.compile(r"\b(?<!of\s)(?<!from\s)(?<!than\s)(?:the\s+(?:given|same)|that)\s+year\b(?!['’]s)", re.I)
_IT_IS_SAID = re.compile(r"^\W*it\s+(?:is|was)\s+\w+ed\b", re.I)  # ("It is estimated ...": what follows is said)


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
    span_paragraphs: set[int] = field(default_factory=set)  # whose carried period was named as a span (a year)
    cumulative_paragraphs: set[int] = field(default_factory=set)  # whose carried period is any span's
    month_named: bool = False  # whether a single month was named as a period yet (no yearly review then)
    spans_carry: bool = False  # a release's span since January is of every figure naming no period (its format's)
    release_span: str | None = None  # that span, once named
    review_span: str | None = None  # the span a report reviews where it names no month: its year whole, or a span
    # ending in its month ("during the April-August period")
    review_part: str | None = None  # that span's part, where it names one ("april-august")
    last_metric: str | None = None
    figureless: str | None = None  # the sentence read last, where it gave no figure (the metric it names is read on)
    breakdown_paragraph: int = -1  # the paragraph a breakdown of the figure before opened
    list_metric: str | None = None  # the metric of the list whose lines follow (its opening line ends with ":")
    last_period_seen: str | None = None
    last_span: str | None = None  # the period of the span named last
    span_recalled: bool = False  # whether a paragraph named the review's span again ("during the period")
    masses: list[Fact] = field(default_factory=list)
    sentence_facts: list[Fact] = field(default_factory=list)  # the facts of the sentence read last

    def opens(self, sentence: cl.Sentence) -> bool:
        """Note the paragraph a sentence opens (its segment heading, whether it is a note); False for a note's."""
        if sentence.paragraph not in self.paragraph_segment:
            self.paragraph_segment[sentence.paragraph] = _paragraph_label(sentence.text)
            span = self.release_span or (self.review_span if not self.month_named or self.span_recalled else None)
            if span is not None:  # a release's span, or a review's year: every paragraph's that names no other
                self._carry_span(sentence.paragraph, span)
            if cues.NOTE_LEAD.match(sentence.text):
                self.note_paragraphs.add(sentence.paragraph)
            if self.last_span is not None and self.last_span.endswith("-12") and _THAT_YEAR.search(sentence.text):
                self._carry_span(sentence.paragraph, self.last_span)  # "..., demand in the given year was ...": the
                # year named before, in a paragraph of its own
        recalled = self.review_span or self.last_span
        if recalled is not None and self.last_span == self.report_month \
                and sentence.paragraph not in self.period_by_paragraph and cues.THE_SPAN_AGAIN.search(sentence.text):
            # "The largest producer during the period was ...": a paragraph that names the span ending in the report
            # month again goes on with it, and so does every paragraph after it that names no other period
            self.review_span, self.span_recalled = recalled, True
            self._carry_span(sentence.paragraph, recalled)
        return sentence.paragraph not in self.note_paragraphs

    def breaks_down(self, sentence: cl.Sentence) -> bool:
        """Whether the sentence breaks down the figure before it ("Within this total, Shaanxi produced ..."), or goes
        on with a breakdown its paragraph opened."""
        if cues.PART_OF_BEFORE.search(sentence.text):
            self.breakdown_paragraph = sentence.paragraph
        return self.breakdown_paragraph == sentence.paragraph

    def pronoun_product(self, sentence: cl.Sentence, about: Section) -> Section:
        """The section of a sentence that speaks of the figure before by pointing back to it and names no product of
        its own ("Iran produced 6.98 million tons of steel products. The figure shows a 10-percent increase"): the
        product of the sentence before's last figure."""
        last = self.sentence_facts[-1].label if self.sentence_facts else None
        if last is None or last.commodity == about.commodity or not cues.PRONOUN_SUBJECT.match(sentence.text) \
                or _IT_IS_SAID.match(sentence.text) or self.breakdown_paragraph == sentence.paragraph \
                or commodity_mentions(sentence.text):
            return about  # (not "It is estimated April output will rise", nor after a breakdown's parts)
        return replace(about, commodity=last.commodity, known=about.known and last.commodity in CONTRACT_IDS)

    def segment_of(self, sentence: cl.Sentence) -> str | None:
        """The part the sentence's figures are of where they name none: the paragraph's, or the place the sentence
        before named where it speaks of the output "there"."""
        before = next((f.label.segment for f in reversed(self.sentence_facts) if f.label.segment), None)
        there = _place_there(sentence.text, before)
        if there is not None:
            return there
        if before is not None and cues.PRONOUN_SUBJECT.match(sentence.text):
            return before  # "Daily output came to 200,300 mt. That was 1.8% more than in April": the same part's
        if self.figureless and (_POSSESSIVE_OPENING.match(sentence.text) or cues.OUTPUT_THERE.search(sentence.text)):
            # "Henan posted the steepest drop. Its October production fell 16.8%": the part the sentence before named
            # (or "Yunnan first. Output there is expected to ...")
            named = _SUBJECT_PLACE.match(self.figureless)
            return segment_in(self.figureless, None) or (region_label(named.group(1)) if named else None) \
                or self.paragraph_segment[sentence.paragraph]
        return self.paragraph_segment[sentence.paragraph]

    def _carry_span(self, paragraph: int, span: str) -> None:
        self.period_by_paragraph[paragraph] = span
        self.span_paragraphs.add(paragraph)
        self.cumulative_paragraphs.add(paragraph)

    def lists_on(self, sentence: cl.Sentence, commodity: str) -> bool:
        """Whether the sentence goes on with another product a span's list ("From January to October, polysilicon
        output reached 1.1 million tons. Solar cell production reached about 560GW"): the span is its figures'."""
        last = self.facts[-1].label if self.facts else None
        return sentence.paragraph in self.cumulative_paragraphs and last is not None \
            and last.metric == "cumulative_production" and last.commodity != commodity

    def carried(self, sentence: cl.Sentence) -> tuple[str | None, str | None]:
        """The period and the metric the sentence takes from the ones before it."""
        report_month, text = self.report_month, sentence.text
        carried = self._period_carried(sentence)
        metric = self.metric_by_paragraph.get(sentence.paragraph)
        if cues.MONTH_ALONE.search(text):  # "March alone came in at 383kt" after the quarter's: the month's own
            return report_month, "production" if metric in _OUTPUT else metric
        if metric is None and cues.PRONOUN_SUBJECT.match(text):
            # "It was also up 5.9 percentage points year on year": the sentence before's (its figures', or the metric
            # it named with none: "Output kept growing in October. It was up 11.3% ...")
            named = metric_before(self.figureless, len(self.figureless))[0] if self.figureless else None
            # (not after a sentence whose figures have no period of their own: "August printed at 51.7%.")
            if (self.facts or named) and not (self.sentence_facts and all(
                    f.label.period is None for f in self.sentence_facts)):
                return self.last_period_seen or carried, named or self.last_metric
        return carried, metric or self._metric_unnamed(text)

    def _period_carried(self, sentence: cl.Sentence) -> str | None:
        """The period the sentence's paragraph carries on (the report month's where none), but the report month
        after an expectation where the sentence says what happened ("... expected to rise in May. Production in
        Guangxi dropped")."""
        report_month, text = self.report_month, sentence.text
        carried = self.period_by_paragraph.get(sentence.paragraph, report_month)
        if carried != report_month and sentence.paragraph in self.forecast_paragraphs and cues.PAST_NO_MONTH.search(
                text) and not cl.month_mentions(text, report_month) and not prefilter.search(vocab.FORECAST_CUE, text):
            return report_month
        return carried

    def _metric_unnamed(self, text: str) -> str | None:
        """The metric of a sentence naming none, from the figures before it: "It is expected that ... will rise by
        2%" (theirs), "Tin slid 4% to 2,100 t." after figures of output (the product's output)."""
        if cues.ANTICIPATORY_IT.match(text) and self.facts:
            return self.last_metric
        return "production" if self.last_metric in _OUTPUT and _product_moved(text) else None

    def carried_span(self, carried: str | None) -> cl.MonthMention | None:
        """The span a sentence naming no period takes from the ones before it, with its part where it is the
        review's ("april-august")."""
        if carried is None:
            return None
        part = self.review_part if carried == self.review_span else None
        return cl.MonthMention(0, carried, cumulative=True, part=part)

    def metal_breakdown(self, sentence: cl.Sentence, facts: list[Fact]) -> list[Fact]:
        """The breakdown of a metal total ("Of this figure, ...") is of metal; after "97,700 mt or 21,500 mt in metal
        content" it is not sure which total is broken down, so nothing is carried."""
        if not (cues.PART_OF_BEFORE.search(sentence.text) and self.masses
                and all(f.label.content == "metal" for f in self.masses[-2:])):
            return facts
        return [f.relabel(content="metal")
                if f.label.content is None and f.label.metric in ("production", "cumulative_production") else f
                for f in facts]

    def _note_span(self, sentence: cl.Sentence, last: cl.MonthMention) -> None:
        """Whether the period the paragraph carries on is a span's: a whole year's ("... in 2016. Solar cell
        production climbed to 49 GW": the next figures' too, in a review of years; where a month is named, "The 2024
        total ..." is one figure's, the others monthly), or any span's (for its breakdown); in a release whose format
        carries spans, its own span (named before its first figure or with it) wherever it is named again."""
        self._note_months(sentence)
        if last.cumulative and not self.month_named and last.period == self.report_month:
            # a review of the report's year, or of a span ending in its month ("during the April-August period")
            # where no month is named: the span of the sentences and paragraphs after it, with its part
            self.review_span, self.review_part = last.period, last.part
        whole_year = last.cumulative and (last.period.endswith("-12") and not self.month_named
                                          or last.period in (self.release_span, self.review_span))
        (self.span_paragraphs.add if whole_year else self.span_paragraphs.discard)(sentence.paragraph)
        (self.cumulative_paragraphs.add if last.cumulative else self.cumulative_paragraphs.discard)(sentence.paragraph)
        if last.cumulative:
            self.last_span = last.period

    def _note_months(self, sentence: cl.Sentence) -> None:
        """Whether a single month was named yet, and a release's own span where its first figures name it."""
        mentions = cl.month_mentions(sentence.text, self.report_month)
        self.month_named = self.month_named or any(not m.cumulative for m in mentions)
        if self.spans_carry and self.release_span is None and not self.facts:
            self.release_span = next((m.period for m in mentions if m.cumulative and m.period == self.report_month),
                                     None)

    def take(self, sentence: cl.Sentence, facts: list[Fact], last: cl.MonthMention | None) -> None:
        """Keep a sentence's facts, and what they pass on to the sentences after it."""
        if last is not None:
            self.period_by_paragraph[sentence.paragraph] = last.period
            self._note_span(sentence, last)
            # whether the period carried on was named in an expectation ("is expected to rise ... in May")
            if prefilter.search(vocab.FORECAST_CUE, sentence.text):
                self.forecast_paragraphs.add(sentence.paragraph)
            else:
                self.forecast_paragraphs.discard(sentence.paragraph)
        labelled = [f for f in facts if f.label.metric != "other"]
        self.figureless = None if facts else sentence.text
        if labelled:
            self.metric_by_paragraph[sentence.paragraph] = self.last_metric = labelled[-1].label.metric
            self.last_period_seen = labelled[-1].label.period
        self.facts.extend(facts)
        self.sentence_facts = facts
        self.masses.extend(f for f in facts if f.label.measure == "level" and (f.unit or "").startswith("mt"))


def _paragraph_label(first_sentence: str) -> str | None:
    """The part a paragraph's label names before its colon ("200-series: ...", "Shanxi: The operating rate ...")."""
    head = first_sentence.split(":", 1)[0] if ":" in first_sentence[:60] else ""
    for pattern, label in vocab.SEGMENT_WORDS:
        if head and pattern.search(head):
            return label
    return region_label(head.strip()) if head and _PLACE.fullmatch(head.strip()) else None


_OUTPUT = ("production", "cumulative_production")


def _place_there(text: str, before: str | None) -> str | None:
    """The place a sentence speaking of the output "there" means: the one it opens with ("Henan saw the steepest
    fall: October production there came in at ..."), else the place the sentence before named; None where it speaks
    of no output there."""
    there = cues.OUTPUT_THERE.search(text)
    if there is None:
        return None
    named = _SUBJECT_PLACE.match(text, 0, there.start())
    if named is not None:
        return region_label(named.group(1))
    return before if before is not None and _PLACE.fullmatch(before) else None


_PLACE = re.compile(vocab.AREA, re.I)  # a segment that is a place
# a place opening a sentence as its subject ("Henan posted the steepest drop.")
_SUBJECT_PLACE = re.compile(rf"\W*({vocab.AREA})\s+(?!and\b|or\b)[a-z]", re.I)
# a sentence whose subject is the output of what the sentence before named ("Its October production fell 16.8%")
_POSSESSIVE_OPENING = re.compile(r"\W*(?:Its|Their)\s+(?:[\w-]+\s+){0,3}?(?:output|production|operating\s+rates?)\b")


def _product_moved(text: str) -> bool:
    """Whether a sentence opens with a product, or a country, and its move, naming no metric ("Tin slid 4% to 2,100
    t.", "India slipped 0.2 per cent to 11.7 mt" in a release of countries' output)."""
    opening = cues.MOVE_OPENING.match(text)
    if opening is None:
        return False
    head = normalize_name(opening.group(0))
    return any(start == 0 for start, *_ in commodity_mentions(head)) or bool(_COUNTRY_OPENING.match(head))


_COUNTRY_OPENING = re.compile(rf"(?:the\s+)?{COUNTRY.pattern}\s", COUNTRY.flags)  # (the opening words normalized)
