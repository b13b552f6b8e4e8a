"""The labels of figures of a product's market rather than its output: what the market uses ("usage totalled 1.1
million t"), what crosses borders, and the balance of the two."""

from __future__ import annotations

import re
from typing import Any

from extractor.record import Label
from extractor.rules import cues
from extractor.rules.features import NumberFeatures
from extractor.text.commodities import commodity_mentions, display_name, normalize_name, refined_of, traded_as
from extractor.text.lexicon import words


def market_or_balance(f: NumberFeatures, label: Label, value: Any) -> tuple[Label, Any]:
    """The label of a figure of what the market uses ("usage totalled 1.1 million t": other, its segment the word and
    a span's), and of a balance: a span's is the segment "cumulative", a deficit's level negative; both of the refined
    metal, where the story is of its mines."""
    if f.market_use is not None:
        return label.replace(metric="other", segment=market_use_segment(f.market_use, f.metric or "", label.period,
                                                                         f.s),
                             content=None, commodity=traded_as(refined_of(label.commodity), f.clause_pre)), value
    if label.metric == "share":
        label = _share_of_whole(f, label)
    if label.metric in ("exports", "imports"):
        label = label.replace(commodity=traded_as(label.commodity, f.clause_pre))
    if label.metric != "balance":
        return label, value
    after = cues.BALANCE_AFTER.match(f.post)  # "a 95,000 tonnes surplus": the word after it, else the last before
    deficit = bool(after.group(1)) if after else bool(cues.DEFICIT_LAST.search(f.clause_pre))
    if label.measure == "level" and isinstance(value, float) and deficit:
        value = -abs(value)  # "in deficit by 12,000 mt", "a deficit of 12,000 mt": the contract's negative balance
    return label.replace(commodity=refined_of(label.commodity),
                         segment=label.segment or ("cumulative" if f.cumulative else None)), value


def market_use_segment(word: str, metric: str, period: str | None, sentence: str = "") -> str:
    """The segment of a market's use: its word, "usage, cumulative" for a span since January, a named year's too
    ("demand will climb 1.5% in 2016", "a further 1.8% next year"); the running year's ("demand will grow 4.6% this
    year") is the word alone."""
    span = metric == "cumulative_production" and not ((period or "").endswith("-12") and _THIS_YEAR.search(sentence))
    return f"{word}, cumulative" if span else word


_THIS_YEAR = re.compile(r"\b(?:this|the\s+current)\s+year\b", re.I)


# "accounting for 46.2% of the total refined lead output" (or "of the total output of refined lead"): the whole a
# part's share is of, named after it
_OF_WHOLE = re.compile(rf"^\s*of\s+(?:the\s+)?(?:country's\s+|china's\s+)?total\s+(?:(.{{3,40}}?)\s+"
                       rf"{words('output_word')}\b|{words('output_word')}\s+of\s+(?:the\s+)?([\w -]{{3,40}}))", re.I)


def _share_of_whole(f: NumberFeatures, label: Label) -> Label:
    """A part's share of another product's whole ("secondary lead output ..., accounting for 46.2% of the total
    refined lead output") is the whole's figure, the part its segment."""
    whole = _OF_WHOLE.match(f.post)
    named = [c for _, _, c, _ in commodity_mentions(normalize_name(whole.group(1) or whole.group(2)))] if whole else []
    if len(named) != 1 or named[0] == label.commodity or label.segment is not None:
        return label
    return label.replace(commodity=named[0], segment=display_name(label.commodity))
