"""Where the text speaks for the rules' reading of a number against a trusted LLM's (the read strategy's decision,
`extractor.reconcile.readings`).

The verifier's checks only refute: a reading they pass may still be wrong where the rules read the number
otherwise. On a few fields the text can say which of two readings it supports, and then the rules' sure reading
stands: a forecast the quote expects, against an actual; a clause that dates its figure to one month and compares
with none, against the report month; a total since January, against a month's production; a clause naming the
rules' metric and no output, against production. An actual in a clause without a forecast word is no evidence
against a forecast: a report counts its own month, still running, as a forecast and may say so a sentence or a
heading away (favouring it cost pages nobody here read 0.055 core F1 with a perfect reader).
"""

from __future__ import annotations

import re

from extractor.record import Label
from extractor.text import clauses as cl
from extractor.text.lexicon import words
from extractor.text.vocabulary import FORECAST_CUE

from . import verify


def favours_rules(rules: Label, llm: Label, quote: str, sentence: str, report_month: str | None) -> set[str]:
    """The label fields on which the text speaks for the rules' reading of a number against the LLM's (read in the
    clause of the LLM's quote)."""
    clause = verify.clause_of(sentence, quote)
    favoured = set()
    if _expected(rules, llm, quote, clause, report_month):
        favoured.add("basis")
    if _dated(rules, llm, clause, report_month):
        favoured.add("period")
    if _named_metric(rules, llm, clause) or _since_january(rules, llm, clause, report_month):
        favoured.add("metric")
    return favoured


def _expected(rules: Label, llm: Label, quote: str, clause: str, report_month: str | None) -> bool:
    """The rules' forecast against an actual of the report month or before, where the quote, or its clause just
    before it, expects (an estimate of the report month is its preliminary reading, no forecast)."""
    if (rules.basis, llm.basis) != ("forecast", "actual") or (llm.period or "") > (report_month or ""):
        return False
    at = clause.find(quote)
    cue = FORECAST_CUE.search(clause[max(0, at - 40):at + len(quote)] if at >= 0 else quote)
    return cue is not None and "estimat" not in cue.group(0).lower()


def _dated(rules: Label, llm: Label, clause: str, report_month: str | None) -> bool:
    """The rules' month against the LLM's report month, where the clause dates its figure to that one month and
    compares with none."""
    if not report_month or llm.period != report_month or rules.period == report_month or _BASE_WORDS.search(clause):
        return False
    return {m.period for m in cl.month_mentions(clause, report_month)} == {rules.period}


def _named_metric(rules: Label, llm: Label, clause: str) -> bool:
    """The rules' metric against production, where the clause names that metric and no output."""
    if llm.metric != "production" or rules.metric == "production" or verify.names_output(clause):
        return False
    named = verify.words_of(rules.metric)
    return named is not None and bool(named.search(clause))


def _since_january(rules: Label, llm: Label, clause: str, report_month: str | None) -> bool:
    """The rules' cumulative production against production, where the clause names a span since January or a
    total."""
    return (rules.metric, llm.metric) == ("cumulative_production", "production") and (
        any(m.cumulative for m in cl.month_mentions(clause, report_month)) or bool(_CUMULATIVE_WORDS.search(clause)))


# Words of a comparison's base: a figure of a clause that has them may be the base's, of another month.
_BASE_WORDS = re.compile(r"\b(?:from|than|compared|against|versus|vs|earlier|ago|previous|prior|last|same|those|"
                         r"after|since|before|until|that of|respectively)\b|['’]s\b", re.I)
# What says a figure is a total since the year began, besides a span the clause names ("January-May").
_CUMULATIVE_WORDS = re.compile(rf"{words('cumulative_word')}|\btotal\b|\bsame period\b|\bso far\b|\bthis year\b", re.I)
