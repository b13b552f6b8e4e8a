"""The wording of the labeller's review reasons: for each kind (record.ReviewKind), the message a person reads.

The message is built from the kind and its details here, once; code that decides by the reason (which numbers the
LLM is asked about) reads the kind, so rewording a message changes nothing but the message.
"""

from __future__ import annotations

from extractor.record import ReviewKind, ReviewReason
from extractor.rules import cues

K = ReviewKind

# Each kind's message; "{0}", "{1}" are its details in order.
WORDING: dict[ReviewKind, str] = {
    K.EXPECTATION_GAP: "difference from an expectation: no contract measure for it",
    K.LARGEST_CHANGE: "the largest change among producers, not the commodity's change",
    K.SIZE_CLASS: "the bound of a size class of producers, not a figure",
    K.OUTPUT_AFFECTED: "output lost or affected: check whether it is a maintenance impact",
    K.NO_METRIC: "no metric named before the number",
    K.NOT_THE_COMMODITY: "{0}",  # the objection's own reason (rules/objections.py)
    K.ANNUAL_CHANGE: "the output a year a change adds or takes, not a figure of the month",
    K.SURVEY_SAMPLE: "the capacity of a survey's sample, not a fact of the commodity",
    K.PROJECT_CAPACITY: "a project's capacity, not the commodity's",
    K.QUARTER_ON_QUARTER: "quarter-on-quarter change: no contract measure for it",
    K.COMPARISON_NOT_STATED: "comparison not stated; taken as MoM",
    K.DATED_ELSEWHERE: "{0}",  # objections.dated_to_another_year's reason
    K.NO_DIRECTION: "no direction word for the change",
    K.UNIT_MISFIT: "a {0} number does not fit metric {1}",
    K.PRICE_SEGMENT: "price facts need a named price; check the segment",
    K.NO_PERIOD: cues.NO_PERIOD,
    K.FAR_PERIOD: "period {0} is far from the report month {1}",
    K.RATE_RANGE: "a rate outside 0-100%",
    K.SOME_PRODUCERS: "a bound on the rates of some producers, not the commodity's rate",
    K.RESPECTIVELY: cues.RESPECTIVELY,
    K.UNKNOWN_HEADING: "{0} is not in the commodity table",
}


def review_reason(kind: ReviewKind, *details: object) -> ReviewReason:
    """The typed reason of this kind, its message worded from the details."""
    return ReviewReason(kind, WORDING[kind].format(*details))
