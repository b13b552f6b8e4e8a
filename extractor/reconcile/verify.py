"""The text verifies what the LLM says, field by field (the read strategy).

Nothing here trusts the answer: each check reads the source text around the
figure and says whether the field the LLM gave is *reachable* from it or
*contradicted* by it. The value itself is checked elsewhere (grounding: a number
the regex layer finds in or next to the quote); these checks cover the label:

- period: a month the sentence names (its year stated or implied), the report
  month, the month after it where the sentence expects, the December of a year
  the sentence names (a whole year), or the end of a January-to-N range;
- measure: a quote or sentence that names only YoY is no MoM (and the other
  way), percentage points are no per cent;
- basis: a forecast needs a later month or a forecast word; an actual is no
  later month than the report's;
- metric: capacity, operating rate, inventory, imports, exports and price need
  their word in the sentence; production is no capacity the quote alone names;
- commodity: named in the document (an alias of the id, or its own words);
- region: a country the text names, or china, overseas, global;
- report month: a month and year the text states (or the year of an annual or
  half-year release).

Labels are also normalised to the contract's shapes (snake_case ids,
lower-case segments), so no label an LLM gives can break a later command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.record import Label
from extractor.rules.month_votes import stated_years
from extractor.text import clauses as cl
from extractor.text.commodities import COMMODITY_ALIASES
from extractor.text.countries import regions_named

from .shapes import commodity_id, region_and_group, region_label, segment_label  # noqa: F401 (the verifier's API)
from extractor.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES, month_number, shift_month
from extractor.text.lexicon import words
from extractor.text.vocabulary import FORECAST_CUE

_METRIC_WORDS: dict[str, re.Pattern[str]] = {
    "capacity": re.compile(r"capacit|nameplate|mtpa|mtpy|tpa\b|per (?:year|annum)|/year|"
                           r"\b(?:t|mt|tonnes?|tons?)\s+a\s+year\b(?!\s+(?:ago|earlier|before|on))", re.I),
    "operating_capacity": re.compile(r"capacit", re.I),
    "operating_rate": re.compile(r"operat|utili[sz]ation|run(?:ning)? rate|start[- ]?up rate|capacity usage|"
                                 r"\brates?\b|\bload|running at|run at|ran at", re.I),
    "inventory": re.compile(r"inventor|stock|warehouse|days of (?:supply|consumption|use)", re.I),
    "imports": re.compile(r"import|arriv|inbound|inflow|brought in|shipped (?:in)?to|purchases? (?:from )?abroad|"
                          r"overseas purchases", re.I),
    "exports": re.compile(r"export|shipment|outbound|sold abroad|overseas sales|shipped|d[ei]spatch",
                          re.I),
    "price": re.compile(r"pric|yuan|usd|\$|rmb|cost|premium|discount|quot|offer|tender|\bbid|index|spread|"
                        r"dollar|\beuros?\b|€|£|¥|rupee|\bRs\b|\bcny|\beur\b|\binr\b|\bcents?\b|per (?:pound|lb)|"
                        r"/lb\b|a pound|traded at|"
                        r"fetch|sold at|changed hands|payable", re.I),
    "share": re.compile(r"share|proportion|account(?:ed|ing|s)?\s+for|per ?cent of|% of|ratio|of (?:the )?total|structure|"
                        r"\bmix\b|composition|breakdown|of which|compris|consist|made up|represent|contribut|constitut|"
                        r"came from|half of|majority", re.I),
    "maintenance_impact": re.compile(r"maint|overhaul|outage|impact|affect|loss|lost|cut|shut|halt|suspen", re.I),
}
_PRODUCTION_WORDS = re.compile(r"output|produc|made|make|yield|smelt|turn(?:ed)? out|volume|manufactur", re.I)
# What a quote that names no production word may speak of instead.
_DEMAND_WORDS = re.compile(r"\b(?:sales|sold|consum\w*|demand|usage|use|deliver\w*|offtake|apparent)\b", re.I)
_BALANCE_WORDS = re.compile(r"surplus|deficit|shortfall|\bbalance|exceed\w* (?:supply|demand)", re.I)
_OTHER_METRIC = {"capacity": re.compile(r"capacit", re.I), "inventory": _METRIC_WORDS["inventory"],
                 "demand or sales": _DEMAND_WORDS, "a balance": _BALANCE_WORDS,
                 "price": re.compile(r"pric|yuan|\brmb|\busd|\$|dollar|\beuros?\b|€|£|rupee|per (?:pound|lb)", re.I),
                 "imports": re.compile(r"import", re.I),
                 "exports": re.compile(r"export", re.I)}
_POINTS = re.compile(r"percentage points?|pct points?|\bpp\b|points?\b|bps\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_MONTH_YEAR = re.compile(rf"\b({MONTH_NAMES}|(?:{MONTH_ABBREVIATIONS})\b)\.?,?\s*(?:\d{{1,2}},?\s*)?((?:19|20)\d\d)\b"
                         rf"|\b((?:19|20)\d\d)[-/.](0?[1-9]|1[0-2])\b", re.I)
_MONTH_NAME = re.compile(rf"\b({MONTH_NAMES})\b", re.I)
_ALWAYS_REGIONS = ("china", "overseas", "global")


@dataclass
class Verdict:
    """What the text says of one answer: the problems found (empty when verified)."""

    problems: list[str] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        return not self.problems

    def reason(self) -> str:
        return "; ".join(self.problems)


# Checks -------------------------------------------------------------------------------------------------------------

_GENERIC_WORDS = {"refined", "primary", "secondary", "mined", "high", "carbon", "grade", "metal", "ingot", "alloy",
                  "product", "products", "material", "materials", "total", "china", "overseas", "global", "world", "finished",
                  "ten"}


def _plain(text: str) -> str:
    return (text.lower().replace("aluminium", "aluminum").replace("sulfate", "sulphate").replace("-", "")
            .replace("_", " "))


# Names reports give products in running text that the commodity table's headings do not use.
_TEXT_NAMES = {"alumina": ("aluminum oxide",), "mn3o4": ("manganese oxide", "manganese tetroxide"),
               "lmo": ("lithium manganate",), "lfp": ("lithium iron phosphate",),
               "lco": ("lithium cobaltate", "lithium cobalt oxide"), "ndfeb": ("magnet",),
               "ternary_cathode": ("ternary",), "ternary_precursor": ("precursor",),
               "lithium_ion_battery": ("battery cell", "li-ion", "power batter", "storage batter", "lithium batter"),
               # ferroalloys by their symbols ("75% grade FeSi")
               "ferrosilicon": ("fesi",), "ferromanganese": ("femn",), "ferronickel": ("feni",),
               "ferrovanadium": ("fev ", "fev,", "fev."), "ferromolybdenum": ("femo",),
               "high_carbon_ferrochrome": ("fecr", "hc fecr", "charge chrome")}


def named_in(text: str, commodity: str) -> bool:
    """Whether the document names the product: an alias of its id, or the first distinctive word of the id (its stem:
    'nickel' of nickel_sulphate, 'silver' of mined_silver)."""
    plain = _plain(text)
    names = (*COMMODITY_ALIASES.get(commodity, ()), *_TEXT_NAMES.get(commodity, ()))
    if any(_plain(alias) in plain for alias in names):
        return True
    words = [w for w in commodity.split("_") if len(w) > 2 and w not in _GENERIC_WORDS]
    return _stem(words[0]) in plain if words else any(_stem(w) in plain for w in commodity.split("_"))


def _stem(word: str) -> str:
    for ending in ("ies", "es", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)]
    return word


# Countries named by capitals only, which lower-casing would confuse with words ("US output", not "us").
_CAPITAL_NAMES = {"united states": re.compile(r"\bU\.?S\.?A?\b"), "united kingdom": re.compile(r"\bU\.?K\.?\b")}


def region_named(text: str, region: str) -> bool:
    return (region in _ALWAYS_REGIONS or region in text.lower() or region in regions_named(text)
            or bool(region in _CAPITAL_NAMES and _CAPITAL_NAMES[region].search(text)))


_YEAR_AGO = re.compile(r"a year (?:earlier|ago|before)|year[- ](?:earlier|ago)|last year|same (?:period|month|time)|"
                       r"(?:previous|prior) year|"
                       r"year[- ](?:on|over)[- ]year|y/y|yoy|corresponding", re.I)
_RELATIVE_YEAR = re.compile(r"\b(this|next|last) year\b", re.I)
_MONTH_AGO = re.compile(r"(?:previous|prior|preceding|last) month|a month (?:earlier|ago|before)", re.I)
_PART_OF_YEAR = re.compile(r"\b(?:(first|second|third|fourth)[\s-]quarter|Q([1-4])|(first|second)[\s-]half|H([12]))\b",
                           re.I)
# A quarter or half with its year in short ("3Q24", "Q3'24", "1H 2024", "H2-23"), and a fiscal year ("FY24",
# "fiscal 2023-24", "FY2024/25": it ends in March in India and Japan, in June in Australia).
_SHORT_PART = re.compile(r"\b(?:([1-4])Q|Q([1-4])|([12])H|H([12]))[\s'’-]?((?:19|20)?\d\d)\b", re.I)
_FISCAL = re.compile(r"\b(?:FY|fiscal(?:\s+year)?)\s?['’]?((?:19|20)?\d\d)(?:\s*[-/–]\s*((?:19|20)?\d\d))?\b", re.I)
_HALF_YEAR = re.compile(r"\bhalf[\s-]year", re.I)
_LAST_QUARTER = re.compile(r"\b(?:last|previous|past|latest)\s+quarter\b", re.I)
_PART_END = {"first": 3, "second": 6, "third": 9, "fourth": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def _part_ends(text: str) -> set[int]:
    """The last months of the quarters and halves a text names ("Q3" 9, "the first half" 6)."""
    return {_PART_END[(quarter or q).lower()] if quarter or q else 6 if (half or h).lower() in ("first", "1") else 12
            for quarter, q, half, h in _PART_OF_YEAR.findall(text)}


def reachable_periods(sentence: str, report_month: str | None, bare: bool = False) -> set[str]:
    """The months a figure in this sentence may describe: those it names (with a year-ago month where it compares
    with a year earlier, the December or June of a year it names), else the report month and, where it expects, the
    month after. A bare table cell (`bare`) may be of the report month or either neighbour (a revised or an
    expected column, a year-ago column)."""
    periods = _named_periods(sentence, report_month)
    years = set(_YEAR.findall(sentence))
    if report_month is not None:
        periods |= _around_report_month(sentence, report_month)
        years |= _relative_years(sentence, report_month)
    periods |= _year_parts(sentence, years, report_month) | _dated_parts(sentence, report_month)
    if bare and report_month is not None:
        periods.update(shift_month(report_month, k) for k in range(-13, 2))  # a table's columns name its months
    if _MONTH_AGO.search(sentence):
        periods.update({shift_month(p, -1) for p in list(periods)})
    if _YEAR_AGO.search(sentence):
        periods.update({shift_month(p, -12) for p in list(periods)})
    return periods


def _named_periods(sentence: str, report_month: str | None) -> set[str]:
    """The months the sentence names with their year ("May 2024", "2024-05"), or that the clause reader dates."""
    periods = {m.period for m in cl.month_mentions(sentence, report_month)}
    for match in _MONTH_YEAR.finditer(sentence):
        if match.group(1):
            number = month_number(match.group(1))
            if number:
                periods.add(f"{int(match.group(2)):04d}-{number:02d}")
        else:
            periods.add(f"{int(match.group(3)):04d}-{int(match.group(4)):02d}")
    return periods


def _around_report_month(sentence: str, report_month: str) -> set[str]:
    """The report month, the months named without a year (the latest such month by the report's; a January named
    in a December report may be the next one), and the month after where the sentence expects."""
    periods = {report_month}
    for name in _MONTH_NAME.findall(sentence):  # "April's 4.9 percent", "compared with April"
        number = month_number(name)
        if number:
            year = int(report_month[:4]) - (number > int(report_month[5:]) + 1)
            periods.add(f"{year:04d}-{number:02d}")
            if report_month[5:] == "12" and number == 1:
                periods.add(f"{year + 1:04d}-01")
    for name in _LAST_MONTH_NAMED.findall(sentence):  # "239,000 t in last November": the one before the report's
        number = month_number(name)
        if number:
            year = int(report_month[:4]) - (number >= int(report_month[5:]))
            periods.add(f"{year:04d}-{number:02d}")
    if _forecast(sentence):
        periods.add(shift_month(report_month, 1))
    return periods


_LAST_MONTH_NAMED = re.compile(rf"\blast\s+({MONTH_NAMES})\b", re.I)


def _relative_years(sentence: str, report_month: str) -> set[str]:
    """The years "this year", "next year" and "last year" name, by the report month's."""
    shifts = {"this": 0, "next": 1, "last": -1}
    return {str(int(report_month[:4]) + shifts[m.lower()]) for m in _RELATIVE_YEAR.findall(sentence)}


def _full_year(short: str) -> int:
    return int(short) if len(short) == 4 else 2000 + int(short)


def _dated_parts(sentence: str, report_month: str | None) -> set[str]:
    """The last months of the quarters and halves named with a short year ("3Q24": 2024-09), of a fiscal year (its
    March and June), of a half year (June, December) and of the quarter a report calls its last."""
    periods = set()
    for match in _SHORT_PART.finditer(sentence):
        quarter, q, half, h, year = match.groups()
        end = int(quarter or q) * 3 if quarter or q else 6 * int(half or h)
        periods.add(f"{_full_year(year):04d}-{end:02d}")
    for match in _FISCAL.finditer(sentence):
        end_year = _full_year(match.group(2) or match.group(1))
        periods.update({f"{end_year:04d}-03", f"{end_year:04d}-06"})
    if report_month is not None:
        if _HALF_YEAR.search(sentence):
            periods.update({f"{report_month[:4]}-06", f"{int(report_month[:4]) - 1:04d}-12"})
        if _LAST_QUARTER.search(sentence):
            this_end = shift_month(report_month, (3 - int(report_month[5:]) % 3) % 3)
            periods.update({this_end, shift_month(this_end, -3)})
    return periods


def _year_parts(sentence: str, years: set[str], report_month: str | None) -> set[str]:
    """The Decembers and Junes of the years named (a whole year, a half year), and the last months of the quarters
    and halves named, in those years (or the report's)."""
    periods = set()
    for year in years:
        periods.update({f"{year}-12", f"{year}-06"})  # a whole year, a half year
        if report_month is not None:  # "those in 2011 and 2010 were ...": the report's months of those years
            periods.add(f"{year}-{report_month[5:]}")
    for year in years or ({report_month[:4]} if report_month else set()):
        periods.update(f"{year}-{end:02d}" for end in _part_ends(sentence))
    return periods


def check_change_period(period: str, measure: str, quote: str) -> str | None:
    """A change is not of the month its quote names as its base ("fell 2% compared with March" is no March figure).
    Only the quote: a base named later in its clause may be another figure's."""
    base = _base_named(quote) if measure != "level" and not measure.endswith("direction") else None
    if base and period and month_number(base) == int(period[5:]):
        return f"period {period} is the base the quote compares with, not the month of the change"
    return None


def check_period(period: str, sentence: str, report_month: str | None, bare: bool = False) -> str | None:
    if report_month is None and not cl.month_mentions(sentence, None) and not _YEAR.search(sentence):
        return None  # nothing in the text to hold the period against
    if period in reachable_periods(sentence, report_month, bare):
        return None
    return f"period {period} is neither a month the sentence names nor the report's"


_MORE_FORECAST = re.compile(r"\bestimated\b|\bpreliminar|\bexpect|\bpredict|\bprojected\b|\boutlook\b", re.I)
_QUOTE_FORECAST = re.compile(r"\b(?:(?:is|are) expected to|will|forecast to|projected to|set to)\b", re.I)


def _forecast(sentence: str) -> bool:
    return bool(FORECAST_CUE.search(sentence) or _MORE_FORECAST.search(sentence))


_CLAUSE_BREAK = re.compile(r";|,?\s+(?:but|while|whereas|although|though)\s+|,\s+(?:and|with)\s+|"
                           r"\s+and\s+(?=(?:\w+\s+){0,2}[-−]?\d)", re.I)


def clause_of(sentence: str, quote: str) -> str:
    """The clause of a sentence that holds the quote ("... rose 3.2% YoY but fell 30.6%": the quote "fell 30.6%"
    is in the clause after "but"), or the sentence where the quote is not in it."""
    at = sentence.find(quote)
    if at < 0:
        return sentence
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)), default=0)
    after = _CLAUSE_BREAK.search(sentence, at + len(quote))
    return sentence[start:after.start() if after else len(sentence)]


def _previous_month_named(quote: str, period: str | None) -> bool:
    """ "up from April's 2.49 million tonnes" for May: the quote compares with the month before its period."""
    if not period:
        return False
    before = int(shift_month(period, -1)[5:])
    name = MONTH_NAMES.split("|")[before - 1]
    return bool(re.search(rf"\b(?:from|than|over|against|versus|vs\.?|compared (?:to|with))\s+(?:the\s+)?"
                          rf"{name}", quote, re.I))


def _year_ago_month_named(quote: str, period: str | None) -> bool:
    """ "fell 3.3% compared to December 2019" for 2020-12: the quote compares with its month a year earlier."""
    if not period:
        return False
    name = MONTH_NAMES.split("|")[int(period[5:]) - 1]
    return bool(re.search(rf"\b(?:from|than|over|against|versus|vs\.?|compared (?:to|with)|on)\s+(?:the\s+)?"
                          rf"{name}\w*,?\s+{int(period[:4]) - 1}\b", quote, re.I))


def _compared_month_named(comparison: str, quote: str, period: str | None) -> bool:
    """The quote names the month its change is against: the month before (MoM) or the same month a year earlier
    (YoY)."""
    return (comparison == "mom" and _previous_month_named(quote, period)) or (
        comparison == "yoy" and _year_ago_month_named(quote, period))


def _base_named(quote: str) -> str | None:
    """The one month a quote names as the base of its change, without a year ("up 2% from March", "than in
    March"): not a span ("from January to May") nor a month of another year."""
    match = _BASE_MONTH.search(quote)
    return match.group(1) if match else None


_BASE_MONTH = re.compile(
    rf"\b(?:from|than|over|against|versus|vs\.?|compared (?:to|with))\s+"
    rf"(?:(?:the|that|those|levels?)\s+(?:of|in)\s+|in\s+|the\s+)?({MONTH_NAMES})(?:['’]s)?\b"
    rf"(?!\s*(?:[-–]|to\b|through\b|and\b|,?\s*(?:19|20)\d\d|last\b|of\s+last\b|a\s+year))", re.I)


_UNIT_AFTER = re.compile(r"\s*(?:%|percentage\s+points?|per\s*cent|percent|pct|pp|points?)?\s*,?\s*", re.I)


def _comparison_after(after: str) -> str | None:
    """The comparison a change's number is followed by straight away ("22.97% y-o-y", "3 percent month on month")."""
    rest = after[_UNIT_AFTER.match(after).end():]  # type: ignore[union-attr]
    mom, yoy = cl.MOM.match(rest), cl.YOY.match(rest)
    return "mom" if mom and not yoy else "yoy" if yoy and not mom else None


def check_measure(measure: str, quote: str, sentence: str, unit: str | None, period: str | None = None,
                  after: str = "") -> str | None:
    """`after` is the text right after the change's number: a comparison named there is the number's own."""
    if measure == "level":
        return None
    comparison = measure.split("_")[0]
    stated = _comparison_after(after) if after else None
    if stated is not None and stated != comparison:
        return f"{measure} but the number is followed by {stated.upper()}"
    if _compared_month_named(comparison, quote, period):
        return None
    base = _base_named(quote)
    if comparison == "yoy" and period and base and month_number(base) == int(shift_month(period, -1)[5:]):
        return f"{measure} but the quote compares with {base}, the month before"
    if comparison == "mom" and _year_ago_month_named(quote, period):
        return f"{measure} but the quote compares with the same month a year earlier"
    for stretch in (quote, clause_of(sentence, quote)):
        mom, yoy = bool(cl.MOM.search(stretch)), bool(cl.YOY.search(stretch))
        if mom != yoy:
            stated = "mom" if mom else "yoy"
            if stated != comparison:
                return f"{measure} but the {'quote' if stretch is quote else 'sentence'} says {stated.upper()} only"
            break
    if measure.endswith("_pct") and (unit == "pp" or _POINTS.search(quote)):
        return f"{measure} but the number is in percentage points"
    if measure.endswith("_pp") and unit == "%" and not _POINTS.search(sentence):
        return f"{measure} but the number is a percentage, not points"
    return None


def check_basis(basis: str, period: str, sentence: str, report_month: str | None, quote: str = "") -> str | None:
    """An actual after the report month needs that month named (a survey's early days) and no forecast words in its
    quote; a forecast of a month before the report's needs a forecast word (a report may count its own month, still
    running, as a forecast)."""
    if basis == "actual" and _QUOTE_FORECAST.search(quote):
        return "actual but the quote says it is expected"
    if report_month is None:
        return None
    if basis == "actual" and period > report_month and period not in {
            m.period for m in cl.month_mentions(sentence, report_month)}:
        return f"actual for {period}, after the report month {report_month}"
    if basis == "forecast" and period < report_month and not _forecast(sentence):
        return f"forecast for {period}, before the report month, but the sentence has no forecast word"
    return None


def favours_rules(rules: Label, llm: Label, quote: str, sentence: str,
                  report_month: str | None) -> set[str]:
    """The label fields on which the text speaks for the rules' reading of a number and against the LLM's, where
    both pass the checks above (which only refute): a forecast where the quote, or its clause just before it,
    expects (an estimate of the report month is its preliminary reading), against an actual (an actual in a clause
    without a forecast word is no evidence against a forecast: a report counts its own month, still running, as
    one, and says so in a heading or a sentence away); a total since January against a
    month's production; a clause naming the rules' metric and no output against production."""
    favoured = set()
    clause = clause_of(sentence, quote)
    if {rules.basis, llm.basis} == {"actual", "forecast"} and (llm.period or "") <= (report_month or ""):
        at = clause.find(quote)
        cue = FORECAST_CUE.search(clause[max(0, at - 40):at + len(quote)] if at >= 0 else quote)
        expects = cue is not None and "estimat" not in cue.group(0).lower()
        if rules.basis == "forecast" and expects:
            favoured.add("basis")
    if report_month and llm.period == report_month != rules.period and not _BASE_WORDS.search(clause):
        named = {m.period for m in cl.month_mentions(clause, report_month)}
        if named == {rules.period}:
            favoured.add("period")  # the clause dates its figure to one month, and compares with none
    if llm.metric == "production" and rules.metric != "production" and not _PRODUCTION_WORDS.search(clause):
        words = {"other": _DEMAND_WORDS, "balance": _BALANCE_WORDS}.get(rules.metric, _METRIC_WORDS.get(rules.metric))
        if words is not None and words.search(clause):
            favoured.add("metric")  # the clause names the rules' metric and no output
    if (rules.metric, llm.metric) == ("cumulative_production", "production") and (
            any(m.cumulative for m in cl.month_mentions(clause, report_month)) or _CUMULATIVE_WORDS.search(clause)):
        favoured.add("metric")
    return favoured


# Words of a comparison's base: a figure of a clause that has them may be the base's, of another month.
_BASE_WORDS = re.compile(r"\b(?:from|than|compared|against|versus|vs|earlier|ago|previous|prior|last|same|those|"
                         r"after|since|before|until|that of|respectively)\b|['’]s\b", re.I)


# What says a figure is a total since the year began, besides a span the clause names ("January-May").
_CUMULATIVE_WORDS = re.compile(rf"{words('cumulative_word')}|\btotal\b|\bsame period\b|\bso far\b|\bthis year\b", re.I)


def check_metric(metric: str, quote: str, sentence: str, unit: str | None = None, measure: str = "",
                 headings: str = "") -> str | None:
    """`headings` are the short lines above the figure's paragraph ("December exports"): a metric word there names
    the paragraph's figures."""
    if measure == "level" and unit == "%" and metric in ("production", "cumulative_production", "capacity",
                                                          "imports", "exports"):  # an inventory may be a ratio
        return f"a percentage is no level of {metric}"
    words = _METRIC_WORDS.get(metric)
    if words is not None and not words.search(_metric_stretch(metric, quote, sentence)) and not (
            metric != "capacity" and words.search(headings)):
        return f"{metric} but the sentence has no {metric.replace('_', ' ')} word"
    if metric in ("production", "cumulative_production") and not _PRODUCTION_WORDS.search(quote):
        other = next((name for name, words in _OTHER_METRIC.items() if words.search(quote)), None)
        if other is not None:
            return f"{metric} but the quote speaks of {other}"
    if metric == "production" and cl.CUMULATIVE_RANGE.search(quote):
        return "production but the quote gives a cumulative range"
    return None


def _metric_stretch(metric: str, quote: str, sentence: str) -> str:
    """Where a metric's word must stand: the sentence; for capacity, the sentence up to the end of the quote's
    clause ("12,000 mt, helped by restarted capacity" is no capacity; "capacity of 12,000 mt a year" is)."""
    at = sentence.find(quote)
    if metric != "capacity" or at < 0:
        return sentence
    end = _CLAUSE_END.search(sentence, at + len(quote))
    return sentence[:end.start() if end else len(sentence)]


_CLAUSE_END = re.compile(r"[,;]\s|\s+(?:due to|thanks to|as|because|while|but)\s", re.I)


_FIRST_MONTHS = re.compile(r"\bfirst\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months", re.I)


def _months_named(text: str) -> set[int]:
    """The months a text names without a year: by name, as the end of "the first N months", a quarter or a half."""
    named = {n for n in (month_number(m) for m in re.findall(rf"\b({MONTH_NAMES}|{MONTH_ABBREVIATIONS})\b", text,
                                                               re.I)) if n}
    named.update(int(c) if c.isdigit() else cl.MONTH_COUNTS[c.lower()] for c in _FIRST_MONTHS.findall(text))
    named.update(_part_ends(text))
    return named


def check_report_month(month: str, text: str) -> str | None:
    """A report month is verified when the text states that month with its year, or the month after it (a
    dateline); or names the month (by name, as "the first N months", a quarter's or half's end; an annual
    release's December) and states its year or the next (a report published the year after)."""
    year, number = int(month[:4]), int(month[5:])
    stated: set[tuple[int, int]] = set()
    for match in _MONTH_YEAR.finditer(text):
        if match.group(1):
            n = month_number(match.group(1))
            if n:
                stated.add((int(match.group(2)), n))
        else:
            stated.add((int(match.group(3)), int(match.group(4))))
    years = {int(y) for y in _YEAR.findall(text)}
    after = shift_month(month, 1)
    if (year, number) in stated or (int(after[:4]), int(after[5:])) in stated:
        return None
    named = number in _months_named(text) or number in (6, 12)
    if named and (not years or year in years or year + 1 in years or year in stated_years(text)):
        return None  # stated_years: a year a year-on-year base implies ("compared with 496,600 in August 2017")
    return f"report month {month} is not a month the text states"
