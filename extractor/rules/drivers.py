"""The rules' drivers: the causes a section gives for output moving, read clause by clause, each with its
category, its push on output, and the period and basis of its own clause.

The cue words and the words that set a cause's push are in `driver_words`. This is what the rules provider
stores and what the LLM policies (`confirm`, `llm`, `union`) are compared with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from extractor.record import Driver, Span
from extractor.rules.driver_words import (
    CATEGORIES,
    CAUSAL,
    DEMAND_STRONG,
    MAINTENANCE_ENDED,
    MARGIN_BAD,
    MARGIN_GOOD,
    SUPPLY_EASY,
    SUPPLY_TIGHT,
    WEAK_MARKET,
)
from extractor.rules.sections import Section
from extractor.rules.subjects import sentence_sections
from extractor.text import clauses as cl
from extractor.text import prefilter
from extractor.text.commodities import commodity_mentions, normalize_name
from extractor.text.lexicon import words
from extractor.text.months import basis_for, months_between, shift_month
from extractor.text.vocabulary import FORECAST_CUE

# Categories that are also plain market news: a clause must tie them to output to make them a driver.
MARKET_CATEGORIES = ("price", "demand", "raw_material")
# A cause negated before it: up to four words may stand between the negation and the cause ("without large-scale
# suspensions or resumptions", "have not yet received notice to resume"), but not a new clause ("did not last as
# smelters resumed").
_NOT_HAPPENING = re.compile(rf"\b(?:{words('not_happening')}|no\s+news\s+of(?:\s+[\w-]+){{0,4}}?)\s+"
                            r"(?:(?!(?:but|as|and|because|while|after|since|so|which|then|in|of|for|with|from)\b)"
                            r"[\w-]+\s+){0,4}$", re.I)
_PUT_OFF = re.compile(rf"\b{words('put_off')}\s+(?:[\w-]+\s+){{0,3}}$", re.I)
_UNSURE_AFTER = re.compile(rf"^\W*(?:[\w-]+\s+){{0,4}}?{words('unsure')}\b", re.I)
# A good word negated ("did not show significant improvement in consumption") reads the other way.
_NEGATED_BEFORE = re.compile(rf"\b{words('negation')}\s+(?:[\w-]+\s+){{0,2}}$", re.I)
_DIRECTED = {"raw_material": (SUPPLY_TIGHT, SUPPLY_EASY), "cost_margin": (MARGIN_BAD, MARGIN_GOOD),
             "demand": (WEAK_MARKET, DEMAND_STRONG)}
_LINKED = re.compile(rf"\b{words('linked')}\b", re.I)


_RESULT_START = re.compile(rf"^\W*{words('result_lead')}\b", re.I)


# Words that date a clause to the month reviewed whatever its verbs ("some smelters currently plan maintenance").
_NOW = re.compile(rf"\b{words('now')}\b", re.I)


# Demand said to have moved, which a section gives as a cause of its output without saying so ("downstream demand
# rose sharply", "procurement demand is expected to recover").
_DEMAND_MOVED = re.compile(rf"\b{words('demand_subject')}\b(?:,?\s+[\w-]+){{0,6}}?,?\s+(?:{words('demand_verb')}|"
                           rf"{words('demand_state_verb')} (?:\w+ )?{words('demand_state')})\b"
                           rf"|\b{words('demand_adjective')}\s+(?:\w+\s+){{0,2}}{words('demand_object')}\b", re.I)


# The end of a holiday in words of its own ("with the holiday factor eliminated", "the disruption subsided"), and
# output coming back after one.
_HOLIDAY_ENDED = re.compile(rf"\b{words('holiday_ended')}\b", re.I)
_BACK_AFTER = re.compile(rf"\b{words('back_after')}\b", re.I)
_HELD_BACK = re.compile(rf"\b{words('held_back')}\b[^.;]{{0,30}}$", re.I)


# A price as a cause: it moved output ("the price rebound boosted production enthusiasm", "high prices made
# smelters willing to raise output"), or output moved because of it ("smelters cut output due to low prices"); a
# price that output or demand moved, or a pricing act ("raised prices", "price adjustment notices"), is not one.
_CAUSE_VERB = words("cause_verb")
_BECAUSE = words("price_cause")
_PRICE = words("price_move")
_PRICE_ACTS = re.compile(
    rf"\b{_PRICE}\b[^.;]{{0,80}}?\b{_CAUSE_VERB}\b[^.;]{{0,60}}?{_LINKED.pattern}"
    rf"|{_LINKED.pattern}[^.;]{{0,80}}?\b{_BECAUSE}\s+(?:(?!(?:which|that)\b)[\w'-]+,?\s+){{0,8}}?{_PRICE}\b"
    rf"|\b{_BECAUSE}\s+(?:[\w'-]+\s+){{0,8}}?{_PRICE}\b[^.;]{{0,100}}?{_LINKED.pattern}", re.I)


@dataclass(frozen=True)
class Candidate:
    """A clause that may state a driver, with the period and basis it speaks of."""

    text: str
    start: int
    period: str
    basis: str
    commodity: str | None = None  # the commodity the sentence speaks of, where it names one of its own
    # each category pattern's first match in `text`, in CATEGORIES' order, when the reader already searched
    cues: tuple[re.Match[str] | None, ...] | None = field(default=None, compare=False, repr=False)


# Where one sentence holds several causes: ';', ', while', 'but', 'whereas', and numbered lists "1) ... 2) ...".
_CLAUSE_CUT = re.compile(r";|,\s*(?:while|whereas|but|although|meanwhile)\b|\s(?:but|whereas|while)\s|"
                         r"(?:^|\s)(?:\d[.)]|\(\d\)|[①②③④⑤])\s", re.I)
_ABOUT_OUTPUT = re.compile(rf"\b{words('about_output')}\b", re.I)


def clauses_of(text: str) -> list[tuple[int, str]]:
    """The clauses of a sentence, each with its offset in the sentence."""
    cuts = [0, *[m.start() for m in prefilter.finditer(_CLAUSE_CUT, text) if m.start() > 0], len(text)]
    return [(a, text[a:b]) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip(" ,;")]


_NOTE = re.compile(rf"^\s*{words('note')}\b", re.I)


@dataclass(frozen=True)
class _SentenceReading:
    """What a sentence that may give causes says for all its clauses: the period and basis they take unless they
    name their own, whether it names a month, and whether it opens on a word of now ("Currently, ...")."""

    text: str
    start: int
    commodity: str | None  # the commodity the sentence speaks of, where it names one of its own
    period: str
    forecast: bool
    names_month: bool
    opens_now: bool


def candidate_sentences(text: str, section: Section, report_month: str | None) -> list[Candidate]:
    """The clauses of a section that may give a cause of output moving, each with its own period and basis.

    A clause is a candidate when its sentence gives a cause (a causal cue) or speaks of output, and the
    clause names a category's cue. Its period is the month it names, else its sentence's, else the paragraph's;
    an expectation that names no month is of the month after the report month.
    """
    found: list[Candidate] = []
    carried: dict[int, str | None] = {}
    # a sentence the next one says the result of ("... the inspection has ended. As a result, the operating rate is
    # expected to rise") gives causes though it names no output
    explained = {i - 1 for i, s in enumerate(section.sentences) if _RESULT_START.match(s.text)}
    for index, (sentence, commodity) in enumerate(zip(section.sentences, _cause_subjects(section))):
        mentions = cl.month_mentions(sentence.text, report_month)
        period = mentions[0].period if mentions else carried.get(sentence.paragraph, report_month)
        if mentions:
            carried[sentence.paragraph] = mentions[-1].period
        reading = _read_sentence(section, index, commodity, mentions, period, index in explained, report_month)
        if reading is None:
            continue
        for at, clause in clauses_of(sentence.text):
            candidate = _clause_candidate(reading, at, clause, report_month)
            if candidate is not None:
                found.append(candidate)
    return found


def _cause_subjects(section: Section) -> list[str | None]:
    """The commodity each sentence's causes push: the one its figures speak of, but the section's first where the
    figures moved on to another product and a sentence names the first and not that one ("the output of stainless
    steel fell. As a result, the demand for ferrochrome was suppressed. ... Ferrochrome producers in Sichuan were
    closed": a ferrochrome story's causes), up to the next product the figures move on to."""
    abouts = sentence_sections(section)
    home = abouts[0].commodity if abouts else None
    back: str | None = None  # the other product a sentence naming the first turned back from
    out: list[str | None] = []
    for sentence, about in zip(section.sentences, abouts):
        commodity = about.commodity
        if commodity == home or commodity is None or home is None:
            back = None
        elif _demand_source(sentence.text, commodity):
            commodity = home  # "Robust demand from the ternary materials market encouraged producers ...": the
            # product named is the buyer, the causes are the story's product's
        else:
            named = {c for _, _, c, _ in commodity_mentions(normalize_name(sentence.text))}
            if commodity in named:
                back = None  # the sentence names the other product: its causes are that product's
            elif home in named:
                back = commodity
            commodity = home if back == commodity else commodity
        out.append(commodity)
    return out


_DEMAND_FROM = re.compile(rf"\b{words('demand_word')}\s+(?:from|by|of)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?$", re.I)


def _demand_source(text: str, commodity: str) -> bool:
    """Whether the sentence names `commodity` only as the buyer whose demand moves the story's product ("demand from
    the ternary materials market")."""
    normalized = normalize_name(text)
    spans = [(start, end) for start, end, c, _ in commodity_mentions(normalized) if c == commodity]
    return bool(spans) and all(_DEMAND_FROM.search(normalized, 0, start) for start, _ in spans)


def _read_sentence(section: Section, index: int, commodity: str | None, mentions: list[cl.MonthMention],
                   period: str | None, explains: bool, report_month: str | None) -> _SentenceReading | None:
    """The sentence's reading, or None where it can give no cause: no period, a note, or neither a cause nor
    output nor demand moving spoken of (unless the next sentence states its result)."""
    sentence = section.sentences[index]
    text = sentence.text
    if period is None or _NOTE.match(text):
        return None
    if not (prefilter.search(CAUSAL, text) or prefilter.search(_ABOUT_OUTPUT, text) or explains
            or prefilter.search(_DEMAND_MOVED, text)):
        return None
    forecast = bool(prefilter.search(FORECAST_CUE, text))
    if explains and not mentions:  # its causes are of the month the result is stated for
        result = section.sentences[index + 1].text
        named = cl.month_mentions(result, report_month)
        period = named[0].period if named else period
        forecast = forecast or bool(prefilter.search(FORECAST_CUE, result))
        mentions = named
    # "Currently, ...; ..." dates every clause after it
    return _SentenceReading(text, sentence.start, commodity, period, forecast, bool(mentions),
                            bool(_NOW.match(text.lstrip())))


def _clause_candidate(reading: _SentenceReading, at: int, clause: str,
                      report_month: str | None) -> Candidate | None:
    """A clause at `at` of its sentence as a candidate, or None where it names no
    category's cue or speaks of a month the report neither reviews nor forecasts."""
    cues = category_cues(clause.strip())  # each pattern searched once: keyword_drivers reads these
    if not any(cues):
        return None
    own = cl.month_mentions(clause, report_month)
    forecast_here = bool(prefilter.search(FORECAST_CUE, clause))
    # An expectation is of the latest month it names ("maintenance in July ... resume in August").
    period = (max(m.period for m in own) if forecast_here else own[0].period) if own else reading.period
    forecast = forecast_here or (reading.forecast and not own
                                 and bool(prefilter.search(FORECAST_CUE, reading.text[:at])))
    dated = _clause_period(period, forecast, bool(own), clause, reading, report_month)
    if dated is None:
        return None
    # a cause the clause names for the reviewed month is of that month, however it is worded ("is expected to have
    # started ramping up in July" in July's report)
    basis = "actual" if dated == report_month else basis_for(dated, report_month, forecast)
    return Candidate(clause.strip(), reading.start + at + (len(clause) - len(clause.lstrip())), dated, basis,
                     reading.commodity, cues)


def _clause_period(period: str, forecast: bool, names_month: bool, clause: str, reading: _SentenceReading,
                   report_month: str | None) -> str | None:
    """The clause's period against the report month: an expectation naming no month is of the month after; a
    clause of now ("some smelters currently plan maintenance") or of an earlier month ("since production resumed
    in September") is of the month reviewed; None for a month more than two after it ("price rises in 2026")."""
    if forecast and not reading.names_month and period == report_month and report_month is not None:
        period = shift_month(report_month, 1)
    if report_month is None:
        return period
    if not names_month and (reading.opens_now or prefilter.search(_NOW, clause)):
        period = report_month
    period = max(period, report_month)
    return None if months_between(report_month, period) > 2 else period


def category_cues(text: str) -> tuple[re.Match[str] | None, ...]:
    """Each driver category's first cue in text, in CATEGORIES' order (None where it names none)."""
    cues: list[re.Match[str] | None] = [None] * len(CATEGORIES)
    for pattern, index in _CUES.possible(text):
        cues[index] = prefilter.search(pattern, text)
    return tuple(cues)


_CUES = prefilter.Patterns((pattern, index) for index, (_, pattern, _, _) in enumerate(CATEGORIES))


def _not_at_work(category: str, cue: re.Match[str], text: str) -> bool:
    before = text[max(0, cue.start() - 60):cue.start()]
    return bool(prefilter.search(_NOT_HAPPENING, before) or _UNSURE_AFTER.match(text[cue.end():]) or (
        category != "new_capacity" and _PUT_OFF.search(before)))


def _untied_market(category: str, cue: re.Match[str], text: str) -> bool:
    return category in MARKET_CATEGORIES and not (prefilter.search(CAUSAL, text) or _LINKED.search(text) or (
        category == "demand" and prefilter.search(_DEMAND_MOVED, text)))


class _Exclusion(NamedTuple):
    """A cue that is no driver where `applies(category, cue, clause)` holds."""

    name: str
    applies: Callable[[str, re.Match[str], str], bool]


_NOT_A_DRIVER: tuple[_Exclusion, ...] = (
    # "no immediate plans to resume", "resumption depends on", "postponed their resumption": not at work (new
    # capacity put off is the flip that holds output down)
    _Exclusion("negated, uncertain or put off", _not_at_work),
    _Exclusion("maintenance ended: the resumption the clause also names",
               lambda category, cue, text: category == "maintenance" and bool(MAINTENANCE_ENDED.search(text))),
    _Exclusion("a market remark ('spot prices rose') the clause does not tie to output", _untied_market),
    _Exclusion("a price the clause says nothing it did to output (only what moved it)",
               lambda category, cue, text: category == "price" and not _PRICE_ACTS.search(text)),
)


def keyword_drivers(candidate: Candidate, commodity: str) -> list[Driver]:
    """The keyword baseline's drivers for one candidate sentence."""
    found = []
    text = candidate.text
    cues = candidate.cues if candidate.cues is not None else category_cues(text)
    for (category, _, default, flip), match in zip(CATEGORIES, cues):
        if not match or any(rule.applies(category, match, text) for rule in _NOT_A_DRIVER):
            continue
        flipped = _flipped(category, flip, text)
        if flipped is None:
            continue
        effect = ("down" if flipped else "up") if default == "up" else ("up" if flipped else "down")
        quote_from, quote_to = _words_around(text, match.start(), match.end())
        quote = text[quote_from:quote_to]
        start = candidate.start + quote_from
        found.append(Driver(candidate.commodity or commodity, candidate.period, candidate.basis, effect, category,
                            f"{category.replace('_', ' ')} pushed output {effect}", quote, Span(start, start + len(quote))))
    return _subsumed(found)


def _flipped(category: str, flip: re.Pattern[str] | None, text: str) -> bool | None:
    """Whether the clause turns the category's push the other way, or None where it states no push: inputs, margins
    and demand by which way the clause says they went; a holiday by output coming back after it; any other by
    its flip words."""
    if category in _DIRECTED:
        return _directed_flip(category, text)
    flipped = flip is not None and bool(flip.search(text))
    if category == "holiday" and flipped and not _HOLIDAY_ENDED.search(text):
        return _back_after_holiday(text)
    return flipped


def _back_after_holiday(text: str) -> bool | None:
    """ "after the holiday" alone dates what the clause says; it is the holiday's push only where output came back
    after it ("smelters resumed operations after the Chinese New Year"), and that return held back ("had not
    resumed after the holiday", "only resumed after the Lantern Festival") is down."""
    back = _BACK_AFTER.search(text)
    if back is None:
        return None
    return not _HELD_BACK.search(text[max(0, back.start() - 30):back.start()])


def _directed_flip(category: str, text: str) -> bool | None:
    """Inputs, margins and demand: the clause must say which way they went. Weak demand wins over any other word of
    the clause; for the others the last direction stated wins."""
    bad_words, good_words = _DIRECTED[category]
    good = good_words.search(text)
    bad = next((m for m in bad_words.finditer(text)  # "offset losses": the loss is what eased
                if good is None or not good.start() <= m.start() < good.end()), None)
    if good is not None and _NEGATED_BEFORE.search(text[max(0, good.start() - 40):good.start()]):
        good, bad = None, bad or good
    if category == "demand":
        return good is not None and bad is None
    if not bad and not good:
        return None
    return good is not None and (bad is None or bad.start() < good.start())


# Where a clause names a cause and the nearer cause it acts through, the nearer one is the driver: a price that
# deepened losses is the margin, a policy that lifted demand is the demand, an outage beside maintenance is the
# maintenance.
_ACTS_THROUGH = {"price": ("cost_margin",), "policy_environment": ("demand", "trade"), "other": ("maintenance",)}


def _subsumed(found: list[Driver]) -> list[Driver]:
    categories = {d.category for d in found}
    return [d for d in found if not categories.intersection(_ACTS_THROUGH.get(d.category, ()))]


def _words_around(text: str, start: int, end: int, reach: int = 40) -> tuple[int, int]:
    """About `reach` characters either side of [start, end), widened to whole words (never cut mid-word)."""
    left = max(0, start - reach)
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = min(len(text), end + reach)
    while right < len(text) and not text[right].isspace():
        right += 1
    return left, len(text[:right].rstrip(" ,;"))


def unique(drivers: list[Driver]) -> list[Driver]:
    """One driver per (period, basis, effect, category), the first stated."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for driver in drivers:
        key = driver.key()
        if key not in seen:
            seen.add(key)
            kept.append(driver)
    return kept


def find_drivers(text: str, section: Section, report_month: str | None) -> list[Driver]:
    """Drivers a section states by the keyword baseline, one per (period, basis, effect, category), in text order."""
    return unique([d for c in candidate_sentences(text, section, report_month) for d in keyword_drivers(c, section.commodity)])
