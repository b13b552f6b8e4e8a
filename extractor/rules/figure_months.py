"""Which of the months a sentence names a figure is of: a month named right after it, else the last named before it
(but a clause set against the one before names its own after its figures), else the first named after it, else the
month carried from the sentences before."""

from __future__ import annotations

import re

from extractor.rules import cues
from extractor.text import clauses as cl
from extractor.text.lexicon import MARKERS, words

# (a balance's word between: "a 95,000 tonnes surplus in February")
# (past the figure's other form: "increased by 5%, or 900 000 t, in the 11 months")
# (a record's: "the record of 504,800 tonnes was set in December 2018"; a change's noun: "after a 2.4% fall in May")
# (its comparison's mark: "fell 5.2% year on year in May")
_PERIOD_AFTER = re.compile(rf"^(?:{cues.OTHER_FORM})?\s*(?:{MARKERS}\s+)?(?:of\s+(?:\w+\s+){{0,2}}"
                           rf"|(?:(?:was|were)\s+)?{words('stated_verb')}\s+"
                           rf"|{words('balance_word', 'shortfall', 'up_noun', 'down_noun')}\s+)?"
                           r"(?:in|for|during)\s+(?:the\s+(?:month\s+of\s+)?)?$"
                           r"|^\s*of\s+$", re.I)  # ("the 3,780 mt of April")


def _named_right_after(mention: cl.MonthMention, s: str, number_end: int) -> bool:
    """A month or year named right after a number ("3.6 million tons in August"; "in 2014", whose mention starts
    at its "in")."""
    between = s[number_end:mention.position]
    return 0 <= mention.position - number_end <= 30 and (not between.strip() or bool(_PERIOD_AFTER.match(between)))


def month_named_after(mentions: list[cl.MonthMention], s: str, number_end: int) -> cl.MonthMention | None:
    """The month named right after a number ("3.6 million tons in August"), if any."""
    for mention in mentions:
        if _named_right_after(mention, s, number_end):
            return mention
    return None


def period_at(
    mentions: list[cl.MonthMention], position: int, carried: str | None, nearest: bool = False,
    s: str | None = None, number_end: int | None = None,
) -> tuple[str | None, bool]:
    """The period a number at `position` speaks of: a month named right after it ("3.6 million tons in
    August"), else the last month named before it, else the first named after, else the carried period."""
    mention = _mention_at(mentions, position, nearest, s, number_end)
    return (carried, False) if mention is None else (mention.period, mention.cumulative)


def _mention_at(mentions: list[cl.MonthMention], position: int, nearest: bool, s: str | None,
                number_end: int | None) -> cl.MonthMention | None:
    """The month mention a number at `position` is of (`period_at`), None where it is none's."""
    right_after = None if s is None or number_end is None else month_named_after(mentions, s, number_end)
    if right_after is not None:
        return right_after
    if nearest and mentions:
        return min(mentions, key=lambda m: abs(m.position - position))
    return _before_or_after(mentions, position, s, number_end)


def _before_or_after(mentions: list[cl.MonthMention], position: int, s: str | None,
                     number_end: int | None) -> cl.MonthMention | None:
    """The last month named before a number, else the first named after it; but one named after it in its own clause,
    where that clause is set against the one before."""
    before = [m for m in mentions if m.position < position]
    after = [m for m in mentions if m.position >= position and _may_be_named_after(m, s, number_end)]
    if not before:
        return after[0] if after else None
    return after[0] if after and _own_clause_names_after(s, before[-1], position, number_end, after[0]) \
        else before[-1]


def _own_clause_names_after(s: str | None, before: cl.MonthMention, position: int, number_end: int | None,
                            after: cl.MonthMention) -> bool:
    """Whether a figure's clause, set against the one before, names its period after the figure: "fell 9.5% in
    2020 but rose 12.3% to 861,000 mt last month" (the year is the other clause's)."""
    return s is not None and number_end is not None and bool(_CONTRAST.search(s, before.position, position)) \
        and not _CLAUSE_END.search(s, number_end, after.position)


def _may_be_named_after(mention: cl.MonthMention, s: str | None, number_end: int | None) -> bool:
    """Whether a month named after a number may be its period: not behind a cause or a clause of its own."""
    return s is None or number_end is None \
        or not any(p.search(s, number_end, mention.position) for p in (_CAUSE_BETWEEN, _NEW_SUBJECT))


# A month named after a number behind a cause is the cause's ("up 49% from a year ago, as producers were suspended
# in June-July 2018"), not the figure's.
_CAUSE_BETWEEN = re.compile(rf",\s*as\b|\b{words('cause_between')}\b", re.I)
# A clause set against the one before names its own period after its figures: the period named before them is
# the other clause's ("fell 9.5% in 2020 but rose 12.3% to 861,000 mt last month").
_CONTRAST = re.compile(r"\b(?:but|while|whereas)\b|;", re.I)
_CLAUSE_END = re.compile(r"\b(?:but|while|whereas|and)\b|;|,\s", re.I)
# ... nor a month named after a clause with a subject of its own ("Output was 9% lower, and the January-November total
# rose 63%": the span is the total's)
_NEW_SUBJECT = re.compile(r",\s*(?:and|but|while|whereas)\s+(?:the|its|their)\s", re.I)
