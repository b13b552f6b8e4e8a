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

from extractor.rules.stated_years import stated_years
from extractor.text import clauses as cl
from extractor.text.commodities import COMMODITY_ALIASES
from extractor.text.countries import regions_named

from extractor.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES, month_number, shift_month

from .periods import MONTH_YEAR, YEAR, months_in, part_ends, reachable_periods, says_forecast
from .shapes import commodity_id, region_and_group, region_label, segment_label  # noqa: F401 (the verifier's API)

# A price or a currency: what both the price check and the production check's "speaks of a price" read.
_MONEY = r"pric|yuan|\brmb|\busd|\$|dollar|\beuros?\b|€|£|¥|rupee|per (?:pound|lb)"
_METRIC_WORDS: dict[str, re.Pattern[str]] = {
    "capacity": re.compile(r"capacit|nameplate|mtpa|mtpy|tpa\b|per (?:year|annum)|/year|"
                           r"\b(?:t|mt|tonnes?|tons?)\s+a\s+year\b(?!\s+(?:ago|earlier|before|on))", re.I),
    "operating_capacity": re.compile(r"capacit", re.I),
    "operating_rate": re.compile(r"operat|utili[sz]ation|run(?:ning)? rate|start[- ]?up rate|capacity usage|"
                                 r"\brates?\b|\bload|running at|run at|ran at", re.I),
    "inventory": re.compile(r"inventor|(?<!feed)stock|warehouse|days of (?:supply|consumption|use)", re.I),
    "imports": re.compile(r"import|arriv|inbound|inflow|brought in|shipped (?:in)?to|purchases? (?:from )?abroad|"
                          r"overseas purchases", re.I),
    "exports": re.compile(r"export|shipment|outbound|sold abroad|overseas sales|shipped|d[ei]spatch",
                          re.I),
    "price": re.compile(rf"{_MONEY}|cost|premium|discount|quot|offer|tender|\bbid|index|spread|\bRs\b|\bcny|\beur\b|"
                        r"\binr\b|\bcents?\b|/lb\b|a pound|traded at|fetch|sold at|changed hands|payable", re.I),
    "share": re.compile(r"share|proportion|account(?:ed|ing|s)?\s+for|per ?cent of|% of|ratio|of (?:the )?total|structure|"
                        r"\bmix\b|composition|breakdown|of which|compris|consist|made up|represent|contribut|constitut|"
                        r"came from|half of|majority", re.I),
    "maintenance_impact": re.compile(r"maint|overhaul|outage|impact|affect|loss|lost|cut|shut|halt|suspen", re.I),
}
_PRODUCTION_WORDS = re.compile(r"output|produc|made|make|yield|smelt|turn(?:ed)? out|volume|manufactur", re.I)
# What a quote that names no production word may speak of instead.
_DEMAND_WORDS = re.compile(r"\b(?:sales|sold|consum\w*|demand|usage|use|deliver\w*|offtake|apparent)\b", re.I)
_BALANCE_WORDS = re.compile(r"surplus|deficit|shortfall|\bbalances?\b|exceed\w* (?:supply|demand)", re.I)
_OTHER_METRIC = {"capacity": re.compile(r"capacit", re.I), "inventory": _METRIC_WORDS["inventory"],
                 "demand or sales": _DEMAND_WORDS, "a balance": _BALANCE_WORDS,
                 "price": re.compile(_MONEY, re.I),
                 "imports": re.compile(r"import", re.I),
                 "exports": re.compile(r"export", re.I)}
_POINTS = re.compile(r"percentage points?|pct points?|\bpp\b|points?\b|bps\b", re.I)
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
               "high_carbon_ferrochrome": ("fecr", "hc fecr", "charge chrome"),
               "separator": ("diaphragm",),  # a battery separator, in a translation's word
               # batteries for electric vehicles, by the vehicles' names or where they go
               "power_battery": ("ev batter", "xev", "vehicle batter", "car batter", "traction batter",
                                 "automotive batter", "battery deploy", "battery install", "batteries install",
                                 "installed batter")}


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


def check_change_period(period: str, measure: str, quote: str) -> str | None:
    """A change is not of the month its quote names as its base ("fell 2% compared with March" is no March figure).
    Only the quote: a base named later in its clause may be another figure's."""
    base = _base_named(quote) if measure != "level" and not measure.endswith("direction") else None
    if base and period and month_number(base) == int(period[5:]):
        return f"period {period} is the base the quote compares with, not the month of the change"
    return None


def check_period(period: str, sentence: str, report_month: str | None, bare: bool = False) -> str | None:
    if report_month is None and not cl.month_mentions(sentence, None) and not YEAR.search(sentence):
        return None  # nothing in the text to hold the period against
    if period in reachable_periods(sentence, report_month, bare):
        return None
    return f"period {period} is neither a month the sentence names nor the report's"


_QUOTE_FORECAST = re.compile(r"\b(?:(?:is|are) expected to|will|forecast to|projected to|set to)\b", re.I)


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
    return bool(re.search(rf"\b(?:from|than|over|against|versus|vs\.?|compared (?:to|with)|below|above)\s+(?:the\s+)?"
                          rf"{name}", quote, re.I))


def _year_ago_month_named(quote: str, period: str | None) -> bool:
    """ "fell 3.3% compared to December 2019" for 2020-12, "than July last year": the quote compares with its month a
    year earlier."""
    if not period:
        return False
    name = MONTH_NAMES.split("|")[int(period[5:]) - 1]
    year_ago = rf"(?:{int(period[:4]) - 1}\b|(?:of\s+)?last\s+year|a\s+year\s+(?:earlier|ago|before))"
    return bool(re.search(rf"\b(?:from|than|over|against|versus|vs\.?|compared (?:to|with)|on|below|above)\s+"
                          rf"(?:the\s+)?{name}\w*,?\s+{year_ago}", quote, re.I))


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
    return _comparison_problem(measure, quote, sentence, period, after) or _unit_problem(measure, quote, sentence,
                                                                                         unit)


def _comparison_problem(measure: str, quote: str, sentence: str, period: str | None, after: str) -> str | None:
    """A change's comparison against the one its number, its quote's base month, its quote or its clause names."""
    comparison = measure.split("_")[0]
    stated = _comparison_after(after) if after else None
    if stated is not None and stated != comparison:
        return f"{measure} but the number is followed by {stated.upper()}"
    if _compared_month_named(comparison, quote, period):
        return None
    based = _based_problem(measure, comparison, quote, period)
    if based is not None:
        return based
    for stretch in (quote, clause_of(sentence, quote)):
        mom, yoy = bool(cl.MOM.search(stretch)), bool(cl.YOY.search(stretch))
        if mom != yoy:
            stated = "mom" if mom else "yoy"
            if stated != comparison:
                return f"{measure} but the {'quote' if stretch is quote else 'sentence'} says {stated.upper()} only"
            break
    return None


def _based_problem(measure: str, comparison: str, quote: str, period: str | None) -> str | None:
    """A YoY change whose quote compares with the month before, or a MoM one with the same month a year earlier."""
    base = _base_named(quote)
    if comparison == "yoy" and period and base and month_number(base) == int(shift_month(period, -1)[5:]):
        return f"{measure} but the quote compares with {base}, the month before"
    if comparison == "mom" and _year_ago_month_named(quote, period):
        return f"{measure} but the quote compares with the same month a year earlier"
    return None


def _unit_problem(measure: str, quote: str, sentence: str, unit: str | None) -> str | None:
    """A per-cent change stated in points, or a change in points stated as a percentage."""
    if measure.endswith("_pct") and (unit == "pp" or _POINTS.search(quote)):
        return f"{measure} but the number is in percentage points"
    if measure.endswith("_pp") and unit == "%" and not _POINTS.search(sentence):
        return f"{measure} but the number is a percentage, not points"
    return None


def check_basis(basis: str, period: str, sentence: str, report_month: str | None, quote: str = "",
                published: str | None = None) -> str | None:
    """An actual after the report month needs that month named (a survey's early days) and no forecast words in its
    quote; a forecast of a month before the report's, or of one over when the page was published, needs a forecast
    word (a report may count its own month, still running, as a forecast)."""
    if basis == "actual" and _QUOTE_FORECAST.search(quote):
        return "actual but the quote says it is expected"
    if basis == "forecast":
        return _forecast_problem(period, sentence, report_month, published)
    if basis == "actual" and report_month and period > report_month and period not in {
            m.period for m in cl.month_mentions(sentence, report_month)}:
        return f"actual for {period}, after the report month {report_month}"
    return None


def _forecast_problem(period: str, sentence: str, report_month: str | None, published: str | None) -> str | None:
    """A forecast of a month over when the page was published, or before the report month, with no forecast word in
    its sentence."""
    if says_forecast(sentence) or not period:
        return None
    if published and period < published:
        return f"forecast for {period}, over when the page was published ({published}), but the sentence has no " \
               "forecast word"
    if report_month and period < report_month:
        return f"forecast for {period}, before the report month, but the sentence has no forecast word"
    return None


def words_of(metric: str) -> re.Pattern[str] | None:
    """The words that name a metric in a clause: the table's, demand or sales for `other`, a surplus or a deficit
    for a balance (None where there are none to look for)."""
    return {"other": _DEMAND_WORDS, "balance": _BALANCE_WORDS}.get(metric, _METRIC_WORDS.get(metric))


def names_output(text: str) -> bool:
    """Whether a text has a word of output ("output", "produced", "smelted", ...)."""
    return bool(_PRODUCTION_WORDS.search(text))


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
    if metric in ("production", "cumulative_production"):
        return _other_metric_problem(metric, quote, sentence)
    return None


_SUPPLY = re.compile(r"\bsuppl(?:y|ies|ied)\b", re.I)  # "mine supply": a study group's word for output


def _other_metric_problem(metric: str, quote: str, sentence: str) -> str | None:
    """Output against a quote, else a sentence, that speaks of another metric (imports, stocks, usage...) and of no
    output ("bauxite imports were 10.75 million tons"), or a month's output against a cumulative range."""
    if metric == "production" and cl.CUMULATIVE_RANGE.search(quote):
        return "production but the quote gives a cumulative range"
    for stretch, name in ((quote, "quote"), (sentence, "sentence")):
        if _PRODUCTION_WORDS.search(stretch) or (stretch is sentence and _SUPPLY.search(stretch)):
            return None
        other = next((other for other, words in _OTHER_METRIC.items() if words.search(stretch)), None)
        if other is not None:
            return f"{metric} but the {name} speaks of {other}"
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


_FIRST_MONTHS = re.compile(r"\bfirst\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months|"
                           r"\bfirst\s+month\s+of\b", re.I)  # "the first month of 2015": January


def _months_named(text: str) -> set[int]:
    """The months a text names without a year: by name, as the end of "the first N months", a quarter or a half."""
    named = months_in(text)
    named.update(int(c) if c.isdigit() else cl.MONTH_COUNTS[c.lower()]
                 for c in (m.group(1) or "one" for m in _FIRST_MONTHS.finditer(text)))
    named.update(part_ends(text))
    return named


def check_report_month(month: str, text: str) -> str | None:
    """A report month is verified when the text states that month with its year, or the month after it (a
    dateline); or names the month (by name, as "the first N months", a quarter's or half's end; an annual
    release's December) and states its year or the next (a report published the year after)."""
    year, number = int(month[:4]), int(month[5:])
    stated: set[tuple[int, int]] = set()
    for match in MONTH_YEAR.finditer(text):
        if match.group(1):
            n = month_number(match.group(1))
            if n:
                stated.add((int(match.group(2)), n))
        else:
            stated.add((int(match.group(3)), int(match.group(4))))
    years = {int(y) for y in YEAR.findall(text)}
    after = shift_month(month, 1)
    if (year, number) in stated or (int(after[:4]), int(after[5:])) in stated:
        return None
    named = number in _months_named(text) or number in (6, 12)
    if named and (not years or year in years or year + 1 in years or year in stated_years(text)):
        return None  # stated_years: a year a year-on-year base implies ("compared with 496,600 in August 2017")
    return f"report month {month} is not a month the text states"
