"""The rules' drivers: the causes a section gives for output moving, read clause by clause, each with its
category, its push on output, and the period and basis of its own clause.

The cue words and the words that set a cause's push are in `driver_words`. This is what the rules provider
stores and what the LLM policies (`confirm`, `llm`, `union`) are compared with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
from extractor.text.months import months_between, shift_month
from extractor.text.vocabulary import FORECAST_CUE

# Categories that are also plain market news: a clause must tie them to output to make them a driver.
MARKET_CATEGORIES = ("price", "demand", "raw_material")
# A cause negated before it: up to four words may stand between the negation and the cause ("without large-scale
# suspensions or resumptions", "have not yet received notice to resume"), but not a new clause ("did not last as
# smelters resumed").
_NOT_HAPPENING = re.compile(r"\b(?:no\s+(?:\w+\s+)?plans?\s+to|no(?:\s+(?:new|further|additional|major))?|not(?:\s+yet)?|"
                            r"yet\s+to|failed\s+to|unlikely\s+to|"
                            r"(?:unknown|unclear|uncertain)\s+whether|"
                            r"difficult\s+to|without|no\s+news\s+of(?:\s+[\w-]+){0,4}?)\s+"
                            r"(?:(?!(?:but|as|and|because|while|after|since|so|which|then|in|of|for|with|from)\b)"
                            r"[\w-]+\s+){0,4}$", re.I)
_PUT_OFF = re.compile(r"\b(?:postpon\w*|delay\w*)\s+(?:[\w-]+\s+){0,3}$", re.I)
_UNSURE_AFTER = re.compile(r"^\W*(?:[\w-]+\s+){0,4}?(?:depends?|hinges?|will depend|remains? (?:unclear|uncertain|"
                           r"to be seen)|difficult|unlikely|(?:may |will |would )?(?:have|has|had) to wait)\b",
                           re.I)
# A good word negated ("did not show significant improvement in consumption") reads the other way.
_NEGATED_BEFORE = re.compile(r"\b(?:not|no|never|without|fail\w* to|lack of)\s+(?:[\w-]+\s+){0,2}$", re.I)
_DIRECTED = {"raw_material": (SUPPLY_TIGHT, SUPPLY_EASY), "cost_margin": (MARGIN_BAD, MARGIN_GOOD),
             "demand": (WEAK_MARKET, DEMAND_STRONG)}
_LINKED = re.compile(r"\b(?:output|production|produc(?:e|ed|ing|ers?)|operating rates?|enthusiasm|incentive|"
                     r"cut\w*|curtail\w*|restart\w*|resum\w*|halt\w*|suspend\w*|idl\w*|utili[sz]ation)\b", re.I)


_RESULT_START = re.compile(r"^\W*(?:As a result|Therefore|Thus|Consequently|Hence|Because of this|This led|This "
                           r"resulted|Under (?:these|such) (?:circumstances|conditions))\b", re.I)


# Words that date a clause to the month reviewed whatever its verbs ("some smelters currently plan maintenance").
_NOW = re.compile(r"\b(?:this month|during the month|in the month|currently|at present|so far)\b", re.I)


# Demand said to have moved, which a section gives as a cause of its output without saying so ("downstream demand
# rose sharply", "procurement demand is expected to recover").
_DEMAND_MOVED = re.compile(r"\b(?:demand|orders|procurement|purchas\w*|consumption)\b(?:,?\s+[\w-]+){0,6}?,?\s+(?:ros\w*|"
                           r"rose|increas\w*|grew|grow\w*|recover\w*|rebound\w*|strong\w*|weak\w*|declin\w*|decreas\w*|"
                           r"fell|fall\w*|dropped|shr[aiu]nk\w*|slow\w*|(?:remain\w*|has been|have been|was|were|is|are|"
                           r"stayed) (?:\w+ )?(?:high|strong|weak|sluggish|poor|robust|subdued))\b"
                           r"|\b(?:strong|weak|sluggish|robust|rising|falling|recovering|increased|reduced)\s+(?:\w+\s+){0,2}"
                           r"(?:demand|orders|procurement)\b", re.I)


# The end of a holiday in words of its own ("with the holiday factor eliminated", "the disruption subsided"), and
# output coming back after one.
_HOLIDAY_ENDED = re.compile(r"\b(?:eliminat\w*|excluded|ended|fad\w*|subsid\w*|recover\w* from|return\w* from|"
                            r"recovery of (?:full )?production)\b", re.I)
_BACK_AFTER = re.compile(r"\b(?:resum\w*|restart\w*|return\w* to normal|back to normal|return\w* of (?:\w+ ){0,2}workers|"
                         r"(?:operating rates?|output|production) (?:\w+ ){0,4}(?:rose|increased|picked up|rebounded)|"
                         r"recover\w* (?:\w+ ){0,2}"
                         r"(?:production|output|operations?|operating)|(?:production|output|operating rates?) "
                         r"(?:\w+ ){0,2}recover\w*)\b", re.I)
_HELD_BACK = re.compile(r"\b(?:not|only|yet to|slow(?:ly)?|delay\w*|fail\w* to)\b[^.;]{0,30}$", re.I)


# A price as a cause: it moved output ("the price rebound boosted production enthusiasm", "high prices made
# smelters willing to raise output"), or output moved because of it ("smelters cut output due to low prices"); a
# price that output or demand moved, or a pricing act ("raised prices", "price adjustment notices"), is not one.
_CAUSE_VERB = (r"(?:boost\w*|stimulat\w*|dampen\w*|weigh\w*|prompt\w*|encourag\w*|support\w*|dr[io]v\w*|curb\w*|"
               r"suppress\w*|led|lead\w*|result\w*|caus\w*|spurr?\w*|inject\w*|motivat\w*|incentiv\w*|forc\w*|"
               r"push\w*|hit|squeez\w*|improv\w*|enhanc\w*|rais\w*|lift\w*|willing\w*|keen|eager)")
_BECAUSE = (r"(?:due to|owing to|because of|amid|given|thanks to|driven by|affected by|supported by|benefit\w* from|"
            r"stimulated by|under|with|as|on|citing|from)")
_PRICE = r"(?:prices?|downturn in the \w+ market|\w+ market (?:downturn|slump|rally))"
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
_ABOUT_OUTPUT = re.compile(r"\b(?:output|production|produc\w+|operating rates?|supply|smelters?|plants?|mills?|"
                           r"refiner(?:y|ies)|capacity|capacities|operations?|furnaces?|potlines?|enterprises|"
                           r"factories|industry)\b", re.I)


def clauses_of(text: str) -> list[tuple[int, str]]:
    """The clauses of a sentence, each with its offset in the sentence."""
    cuts = [0, *[m.start() for m in _CLAUSE_CUT.finditer(text) if m.start() > 0], len(text)]
    return [(a, text[a:b]) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip(" ,;")]


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
    for index, (sentence, about) in enumerate(zip(section.sentences, sentence_sections(section))):
        mentions = cl.month_mentions(sentence.text, report_month)
        sentence_period = mentions[0].period if mentions else carried.get(sentence.paragraph, report_month)
        if mentions:
            carried[sentence.paragraph] = mentions[-1].period
        if sentence_period is None or re.match(r"^\s*note\b", sentence.text, re.I):
            continue
        if not (CAUSAL.search(sentence.text) or _ABOUT_OUTPUT.search(sentence.text) or index in explained
                or _DEMAND_MOVED.search(sentence.text)):
            continue
        sentence_forecast = bool(FORECAST_CUE.search(sentence.text))
        if index in explained and not mentions:  # its causes are of the month the result is stated for
            result = section.sentences[index + 1].text
            named = cl.month_mentions(result, report_month)
            sentence_period = named[0].period if named else sentence_period
            sentence_forecast = sentence_forecast or bool(FORECAST_CUE.search(result))
            mentions = named
        opens_now = bool(_NOW.match(sentence.text.lstrip()))  # "Currently, ...; ..." dates every clause after it
        for at, clause in clauses_of(sentence.text):
            cues = category_cues(clause.strip())  # each pattern searched once: keyword_drivers reads these
            if not any(cues):
                continue
            own = cl.month_mentions(clause, report_month)
            forecast_here = bool(FORECAST_CUE.search(clause))
            # An expectation is of the latest month it names ("maintenance in July ... resume in August").
            period = (max(m.period for m in own) if forecast_here else own[0].period) if own else sentence_period
            forecast = bool(FORECAST_CUE.search(clause)) or (sentence_forecast and not own and
                                                           bool(FORECAST_CUE.search(sentence.text[:at])))
            if forecast and not mentions and period == report_month and report_month is not None:
                period = shift_month(report_month, 1)
            if report_month is not None:
                if not own and (opens_now or _NOW.search(clause)):
                    period = report_month  # "some smelters currently plan maintenance"
                # "since production resumed in September": a cause of the reviewed month
                period = max(period, report_month)
                if months_between(report_month, period) > 2:
                    continue  # a cause of a month the report neither reviews nor forecasts ("price rises in 2026")
            # a cause the clause names for the reviewed month is of that month, however it is worded ("is
            # expected to have started ramping up in July" in July's report)
            basis = "actual" if period == report_month else cl.basis_for(period, report_month, forecast)
            found.append(Candidate(clause.strip(), sentence.start + at + (len(clause) - len(clause.lstrip())),
                                   period, basis, about.commodity, cues))
    return found


def category_cues(text: str) -> tuple[re.Match[str] | None, ...]:
    """Each driver category's first cue in text, in CATEGORIES' order (None where it names none)."""
    return tuple(pattern.search(text) for _, pattern, _, _ in CATEGORIES)


def keyword_drivers(candidate: Candidate, commodity: str) -> list[Driver]:
    """The keyword baseline's drivers for one candidate sentence."""
    found = []
    cues = candidate.cues if candidate.cues is not None else category_cues(candidate.text)
    for (category, _, default, flip), match in zip(CATEGORIES, cues):
        if not match:
            continue
        before = candidate.text[max(0, match.start() - 60):match.start()]
        if _NOT_HAPPENING.search(before) or _UNSURE_AFTER.match(candidate.text[match.end():]) or (
                category != "new_capacity" and _PUT_OFF.search(before)):
            continue  # "no immediate plans to resume", "resumption depends on", "postponed their resumption": not
            # at work (new capacity put off is the flip that holds output down)
        if category == "maintenance" and MAINTENANCE_ENDED.search(candidate.text):
            continue  # the end of maintenance is the resumption the clause also names
        if category in MARKET_CATEGORIES and not (CAUSAL.search(candidate.text) or _LINKED.search(candidate.text)
                                                   or (category == "demand" and _DEMAND_MOVED.search(candidate.text))):
            continue  # a market remark ("spot prices rose") is a cause only where the clause ties it to output
        if category == "price" and not _PRICE_ACTS.search(candidate.text):
            continue  # a price is a driver where the clause says what it did to output, not what moved it
        flipped = flip is not None and bool(flip.search(candidate.text))
        if category == "holiday" and flipped and not _HOLIDAY_ENDED.search(candidate.text):
            # "after the holiday" alone dates what the clause says; it is the holiday's push only where output
            # came back after it ("smelters resumed operations after the Chinese New Year"), and that return
            # held back ("had not resumed after the holiday", "only resumed after the Lantern Festival") is down
            back = _BACK_AFTER.search(candidate.text)
            if back is None:
                continue
            flipped = not _HELD_BACK.search(candidate.text[max(0, back.start() - 30):back.start()])
        directed = _DIRECTED.get(category)
        if directed is not None:  # inputs and margins: the clause must say which way they went
            good = directed[1].search(candidate.text)
            bad = next((m for m in directed[0].finditer(candidate.text)  # "offset losses": the loss is what eased
                        if good is None or not good.start() <= m.start() < good.end()), None)
            if good is not None and _NEGATED_BEFORE.search(candidate.text[max(0, good.start() - 40):good.start()]):
                good, bad = None, bad or good
            if not bad and not good and category != "demand":
                continue
            if category == "demand":  # weak demand wins over any other word of the clause
                flipped = good is not None and bad is None
            else:  # the last direction stated wins
                flipped = good is not None and (bad is None or bad.start() < good.start())
        effect = ("down" if flipped else "up") if default == "up" else ("up" if flipped else "down")
        quote_from, quote_to = _words_around(candidate.text, match.start(), match.end())
        quote = candidate.text[quote_from:quote_to]
        start = candidate.start + quote_from
        found.append(Driver(candidate.commodity or commodity, candidate.period, candidate.basis, effect, category,
                            f"{category.replace('_', ' ')} pushed output {effect}", quote, Span(start, start + len(quote))))
    return _subsumed(found)


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
