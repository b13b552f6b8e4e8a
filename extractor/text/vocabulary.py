"""The labeller's patterns of metrics, segments, content and cues, as ordered tables: the words are the lexicon's
categories (text/lexicon_*.py), each pattern their grammar."""

from __future__ import annotations

import re

from extractor.text.lexicon import MARKERS, forms, words
from extractor.text.lexicon_segments import SEGMENTS
from extractor.text.months import MONTH_NAMES
from extractor.text.prefilter import Patterns

# A size class of producers described by its capacity ("smelters with annual capacity of 50,000-100,000 mt",
# "whose annual production capacity exceeds 100,000 mt"): its words name a part, not the figure's metric; the
# side of its bound names the part (`SIZE_CLASS_LABELS`): above the large, below the small producers; a range or
# "between" is a middle class whose name the report gives (or not) in its own words.
_SIZE_NUMBER = r"\d[\d,.]*(?:\s*(?:k?mt|tonnes|tons|t)\b(?:\s*/\s*y(?:ea)?r|\s+(?:per|a)\s+year)?)?"
SIZE_CLASS_PHRASE = re.compile(
    rf"\b(?:with|whose|of)\s+(?:an?\s+)?(?:{words('yearly')}\s+)?(?:production\s+|smelting\s+)?"
    rf"(?:{words('capacity_noun')}|(?:actual\s+)?production\s+volumes?)\s+(?:of\s+|is\s+|falls\s+|falling\s+)?"
    rf"(?:(?P<above>{words('size_above')})|(?P<below>{words('size_below')})|(?P<between>{words('size_between')}))?"
    rf"\s*{_SIZE_NUMBER}(?P<range>\s*(?:-|–|to|and)\s*{_SIZE_NUMBER})?(?P<or_more>\s+or\s+(?:more|above))?", re.I)
SIZE_CLASS_LABELS = {"above": "large smelters", "or_more": "large smelters", "below": "small smelters", "between": None,
                     "range": None}
# a middle class takes the size its producers are named with just before it ("middle-sized smelters, with annual
# capacity of 50,000-100,000 mt"), the size as the contract writes it
TIER_BEFORE_CLASS = re.compile(rf"\b(middle|mid|medium|large|small)-(?:sized|scale)\s+(?:[\w-]+\s+){{0,2}}?"
                               rf"{words('tier_producers', parts=('plural',))}\b[\s,]*(?:those\s+|ones\s+)?$", re.I)
TIER_SIZES = {"middle": "medium", "mid": "medium", "medium": "medium", "large": "large", "small": "small"}
# a tier standing for the producers named with the tier before it ("large-scale plants ran at 70%, medium-sized ones
# at 60% and small ones at 40%")
TIER_ONES = re.compile(rf"\b((?:{words('tier')})|{'|'.join(TIER_SIZES)})\s+ones\b", re.I)
# a size as the contract's labels write it ("medium-scale smelters", "middle-sized smelters": medium smelters)
SIZE_WORD = re.compile(r"\b(middle|mid|medium|large|small)-(?:sized|scale)\b", re.I)

# (pattern, metric): the nearest match before a number names its metric. Longer phrases first.
METRIC_WORDS: Patterns[tuple[re.Pattern[str], str]] = Patterns(
    (re.compile(p, re.I), m)
    for p, m in [
        (rf"\b{words('impact_noun')}\s+(?:from|of|due to)\s+(?:the\s+)?{words('maintenance')}\b|"
         rf"\b{words('maintenance')}\s+{words('impact')}\b", "maintenance_impact"),
        # with the production word it qualifies ("cumulative production", "YTD output"), which it outranks
        (rf"\b{words('cumulative_word')}\b(?:\s+(?:[\w-]+\s+){{0,3}}?{words('output_word')}\b)?",
         "cumulative_production"),
        (rf"\b{words('rate_metric')}\b", "operating_rate"),
        # the rate named bare, in a story of a rate ("In June, the rate came in at 95.6%"); not a change's rate
        (r"\b(?:the|its|their)\s+rate\b(?!\s+of\s+(?:increase|decrease|growth|decline|change|return))",
         "operating_rate"),
        # with the month between ("operated in August at 57.3 per cent")
        (rf"\b(?:operated|ran)\s+(?:in|during)\s+(?:{MONTH_NAMES})\s+at\b", "operating_rate"),
        # (with the verb after it, as the capacity's below: "operating aluminium capacity stood at")
        (rf"\b{words('operating_word')} (?:\w+\s+){{0,2}}{words('capacity_noun', parts=('base',))}\b"
         rf"(?:\s+(?:{words('capacity_verb')}|{words('up_verb', 'down_verb')})\b)?|"
         rf"\b{words('capacity_noun', parts=('base',))} (?:\w+\s+){{0,5}}{words('in_operation')}\b|"
         rf"\b{words('in_operation')}\b",
         "operating_capacity"),
        (rf"\b{words('capacity_kind')}\s+(?:\w+\s+){{0,2}}{words('capacity_noun', parts=('base',))}\b|"
         + "".join(rf"(?<!{re.escape(word)} )" for word in forms("operating_word"))
         # (or a move of it: "production capacity increased by 12.0% to 177,000 tons")
         + rf"\b{words('capacity_noun', parts=('base',))} (?:(?:has|have|had)\s+)?"  # ("capacity has reached")
         rf"(?:{words('capacity_verb')}|{words('up_verb', 'down_verb')})\b",
         "capacity"),
        (rf"\b{words('import_word')}\b", "imports"),
        (rf"\b{words('export_word')}\b", "exports"),
        (rf"\b{words('stock_word')}\b", "inventory"),
        (rf"\b{words('balance_word')}\b", "balance"),
        (rf"\b{words('share_word')}\b", "share"),
        # a part's share by the verb that sets it against the whole, right before the figure ("representing 86.9% of
        # total production", "constituting 73.5% of the world's output"; not "representing a 5% increase")
        (rf"\b(?:represent(?:ing|ed|s)?|constitut(?:ing|ed|es?))(?=\s+(?:{words('approx')}\s+)?$)", "share"),
        (rf"\b{words('price_word')}\b", "price"),
        (rf"\b{words('produce_word')}\b", "production"),
        # a month's or a day's total, named by its month ("a June total lower by 1.9 percent", "the month's total was
        # off by 2 percent", "the per-day total of 96 thousand metric tons"): what was produced
        (rf"\b(?:{MONTH_NAMES}|(?:the\s+)?month['’]s|per-day|daily|monthly|smelting)\s+total\b", "production"),
    ]
)

# (pattern, segment label), in the order they are weighed: each segment's words (a segment word may follow '#',
# "#300-series")
SEGMENT_WORDS: Patterns[tuple[re.Pattern[str], str]] = Patterns(
    (re.compile(rf"(?:\b|#){words(entry.name)}\b", re.I), label) for label, entry in SEGMENTS
)

# A part named by its producers' size or tier, as the subject ("top-tier enterprises produced ..."):
# the report's own words become the segment label.
TIER_SEGMENT = re.compile(rf"\b({words('tier')}\s+{words('tier_producers', parts=('plural',))})\b", re.I)
# "most smelters", "some producers", "individual plants": a part that is no segment, so no fact of the commodity.
SOME_PRODUCERS = re.compile(
    rf"\b{words('some')}\s+(?:\w+\s+){{0,2}}{words('some_producers', parts=('plural',))}\b", re.I)
# Words that make a figure the whole commodity's even when a company is named ("national", "China's total").
AGGREGATE = re.compile(rf"\b{words('aggregate')}\b")
# A week as the span of a figure ("weekly supply", "9,000 mt per week", "in the last week of May", "down 2% week on
# week"): a week's figure or change is not the month's.
WEEK_SPAN = re.compile(
    rf"\b{words('week_word')}\b|\b(?:in|during|for|over)\s+(?:the\s+)?(?:\w+\s+)?week\b(?!s)|\bweek['’]s\b", re.I)
# What the market takes, not what producers make ("demand will grow 4.6%", "consumption climbed 4%", "sales rose").
DEMAND_WORDS = re.compile(rf"\b{words('demand_word')}\b", re.I)
# What the market takes as a release counts it, a figure of its own (metric `other`): "usage totalled 1.1 million t".
MARKET_USE = re.compile(words("market_use"), re.I)
# The words before a demand word that make it a cause ("as demand improved", "on strong demand", "driven by
# downstream demand"): it says why a figure moved, not whose figure it is.
CAUSE_BEFORE = re.compile(rf"\b{words('cause_before')}\s+(?:[\w-]+\s+){{0,3}}$", re.I)
# A stock word with the words that may name what is stocked: "copper concentrate stocks", "the stockpile of imported
# bauxite", "social inventory of copper cathode".
STOCK_OF = re.compile(rf"(?P<before>(?:[A-Za-z][\w-]*\s+){{0,3}}){words('stock_word')}\b"
                      r"(?:\s+of\s+(?P<after>(?:[A-Za-z][\w-]*\s*){1,3}))?", re.I)
# Forms of a metal before it is the refined product, and other feeds: a stock of one is not the product's.
FEED_FORMS = re.compile(rf"\b(?:[a-z]+\s+)?{words('feed_form')}\b", re.I)
# Where a sentence turns to another statement: a stock named before it is not the one after it.
CONTRAST_BREAK = re.compile(r";|\b(?:while|whereas|but|meanwhile)\b", re.I)
# A figure dated to a year: "by 8% in 2027", "starting from October 2026", "by mid-2026", "next year".
YEAR_DATED = re.compile(
    rf"\b{words('year_preposition')}\s+(?:{words('period_part')}[\s-]+)?"
    r"(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b|\b(next)\s+year\b")
SEGMENT_AFTER = re.compile(r"^\s*(?:at|among|for|in|from)\s+(?:the\s+)?$", re.I)

REGION_NAMES = words("china_region", "world_region")
WORLD_REGION_OF_ADJECTIVE = {"south american": "south america", "north american": "north america",
                             "latin american": "latin america", "african": "africa", "european": "europe",
                             "middle eastern": "middle east"}
# A compass word placing an area ("southwestern Sichuan", "northern Xinjiang"): where in the country, not another
# area (the regions named with their compass word, "north china", are names of their own).
AREA_COMPASS = rf"\b{words('compass')}\s+(?!china\b)"
# Any other area named with its kind, capitalised as a name is: "Baotou city", "Baise prefecture".
AREA_KINDS = words("area_kind")
AREA_NAMED = rf"(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:{AREA_KINDS})\b"
# (a name with its compass word, "western europe", is read whole first)
AREA = rf"(?:{REGION_NAMES}\b|(?:{AREA_COMPASS})?(?:{REGION_NAMES}|{AREA_NAMED}))"
_REGION_GROUP = rf"({AREA}(?:\s*(?:,|and)\s*{AREA})*)"
# (the ways a clause opens with its region are one alternative, each after the region: the region is tried once at
# each place, not once for each way)
# what may stand between a region and its verb: "Yunnan, which is the largest zinc base, saw ...", "Guangxi, in
# particular, produced ...", "Yunnan, the largest base, turned out ..."
_APPOSITION = (r"(?:,\s+(?:(?:which|that)\s+(?:is|was)\s+|the\s+|China['’]s\s+)[^,.;()]{1,60}?,"
               r"|,\s+(?:in\s+particular|for\s+its\s+part|by\s+contrast|meanwhile|however|too|also|alone),)")
REGION_SEGMENT = re.compile(
    rf"(?:\b{words('region_metric')}\s+(?:(?:of\s+)?(?:[\w-]+\s+){{0,4}}?)?(?:in|of|from|by|across|at|among)\s+"
    rf"(?:the\s+)?{_REGION_GROUP}(?:\s+(?:region|province))?\b"
    rf"|\b{_REGION_GROUP}(?:(?:\s+(?:province|region))?(?:'s|’s)\s+(?:(?:[\w-]+\s+){{0,2}}{words('output_or_rate')}"
    r"|(?:about\s+|roughly\s+|some\s+|nearly\s+)?$)"  # ("..., followed by Henan's 10.32 million tons")
    # ("Henan saw the steepest fall, with its October output down 16.8%"; past an apposition: "Yunnan, which is the
    # largest base, saw its output ...", "Guangxi, in particular, produced ...")
    rf"|{_APPOSITION}?(?:(?:\s+province)?,?\s+{words('region_record')}\s+(?:[^.;]{{0,40}}?\b(?:its|their)\s+)?"
    rf"(?:\w+\s+)?(?:{words('output_word')}|{words('region_figures')})"
    rf"|\s+{words('country_maker_verb')}\b"  # "Inner Mongolia produced 292,700 mt"
    rf"|\s+{words('level_reached')}\s+(?=\d|$)"  # ("Shanxi landed at 62.7 kt", "Ningxia clocked 27.7 kt")
    # ("Sichuan slumped 53.6% on the month"; "by" follows in its own alternative below)
    rf"|\s+{words('up_verb', 'down_verb', parts=('past',))}\s+(?=\d|$)"
    rf"|(?:\s+province)?,?\s+{words('region_record')}\s+an?\s+(?:[\w-]+\s+){{0,2}}$)"  # "Hebei saw a 3% rise"
    rf"|(?:\s+region)?\s+{words('region_share')}\s+for"
    # "Shanxi output was 62.7 kt", "EU output edged up 0.3%"
    rf"|(?:\s+province)?\s+{words('output_or_rate')}\s+(?:was|were|came|stood|reached|totaled|totalled"
    rf"|{words('up_verb', 'down_verb', parts=('past',))})\b"
    rf"|,\s+where\s+(?:[\w-]+\s+){{0,3}}?{words('output_word')}\b)"  # "Leading the fall was Henan, where output ..."
    rf"|\b{words('output_word')}\s+(?:\w+\s+){{0,2}}in\s+{_REGION_GROUP}\b"
    rf"|\b(?:was|were)\s+(?:(?:produced|made|smelted)\s+)?in\s+{_REGION_GROUP}\b"  # ("537,100 mt was produced in X")
    rf"|\b(?:that|those)\s+(?:in|of)\s+{_REGION_GROUP}\b"  # "..., and that in Sichuan was 38,800 mt"
    rf"|\bsupply from\s+{_REGION_GROUP}\b"
    rf"|\btotals?\s+(?:for|in)\s+(?:the\s+)?{_REGION_GROUP}\b"  # "Totals in the Middle East came to ..."
    # a list's next province and its figure: ", Shanxi 96.5 kt", "..., Oceania by 5%", "North America declined by 3%"
    rf"|(?:,|\band)\s+{_REGION_GROUP}(?:\s+province)?\s+(?=\d|$)"
    rf"|(?:^|,|\band)\s*{_REGION_GROUP}\s+(?:{words('up_verb', 'down_verb', parts=('past',))}\s+)?"
    r"by\s+(?=[-–]?\s*\d|$)"
    # a clause opening with its region: "In the rest of Asia, alumina output rose", "In Europe as well, output fell"
    # (past an apposition: "In Shandong, the largest alumina hub, October output slipped")
    rf"|\bIn\s+(?:the\s+)?{_REGION_GROUP}(?:(?:\s+as\s+well)?,\s+(?:(?:[\w'’-]+\s+){{1,5}}?[\w'’-]+,\s+)?"
    rf"(?:[\w-]+,?\s+){{0,3}}?|\s+){words('output_word')}\b"  # (or with no comma: "while in Hunan output rose")
    # a world release's region as its sentence's subject: "The GCC region recorded output of ...", "the EU-27
    # countries, whose output slipped ...", "In second place was North America with a production of 1.6 million t"
    rf"|\b{_REGION_GROUP}\s+(?:(?:region|countries)\b(?!\s+(?:of|in)\b)"
    rf"|with\s+(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?{words('output_word')}\b))",
    re.I,
)
# ... or as where a move was, right before its figure ("declined in Africa by 1.5%, in the Americas by 4%"; not "by
# 2025"): a pattern of its own too
REGION_BY_SEGMENT = re.compile(rf"\bin\s+(?:the\s+)?{_REGION_GROUP}\s+by\s*(?:(?=[-–]?\s*\d)(?!(?:19|20)\d\d\b)|$)",
                               re.I)
# ... or by its adjective (a pattern of its own: in REGION_SEGMENT's alternation it made every search of it slower):
# "The African output, at 1.9 Mt, ...", "the South American countries saw ...", "European smelters produced ..."
REGION_ADJECTIVE_SEGMENT = re.compile(
    # (or with its product between: "Latin American crude steel production")
    rf"\b({words('world_region_adjective')})\s+(?:[a-z][\w-]*\s+){{0,2}}?"
    rf"(?:{words('output_word')}|countries|producers|smelters|refineries|mills|mines)\b", re.I)

PRICE_SEGMENT = re.compile(
    rf"\b((?:average\s+)?(?:monthly\s+average\s+)?{words('price_kind')}\s+{words('price_noun')})\b", re.I)

METAL_CONTENT = re.compile(rf"\b{words('metal_content')}\b", re.I)
PHYSICAL_CONTENT = re.compile(rf"\b{words('physical_content')}\b", re.I)

# (past a record named before the figure: "jumped to a record 3.05 million tonnes", "hit an all-time high of")
LEVEL_CUES = re.compile(rf"\b{words('level_cue')}(?:\s+(?:a|an|the)\s+(?:new\s+|fresh\s+)?(?:all-time\s+|record\s+)?"
                        r"(?:record|high|peak|low)(?:\s+of)?)?\s*$", re.I)
_CHANGE_NOUNS = words("up_noun", "down_noun", "change_noun")
# a change noun "of" its figure: singular only, on purpose: a plural ("gains of 9% in one region and 5% in another")
# lists the parts' changes, not the product's (corpus-wide tune core 0.633 -> 0.631 with the plurals)
CHANGE_CUES = re.compile(
    rf"(?:\bby\s*$|\b(?:{words('up_noun', 'down_noun', 'change_noun', parts=('base', 'plural'))}|"
    rf"{words('change_gerund', parts=('ing',))})\s+of\s*$"
    # "an increase in world demand for the metal of 6%": the change's noun before what changed
    rf"|\b{words('up_noun', 'down_noun', parts=('base',))}\s+in\s+(?:[\w-]+\s+){{1,7}}?of\s*$)",
    re.I)
COMPARISON_NOUN = re.compile(rf"\b({MARKERS})\s+({_CHANGE_NOUNS})\b", re.I)
VERSUS_EXPECTATION = re.compile(
    rf"^\s*(?:{MARKERS}\s+)?{words('comparative_up', 'comparative_down', 'short_of')}\s+(?:than|of)\s+(?:the\s+)?"
    rf"(?:[A-Z][a-z]+\s+)?{words('expectation')}", re.I)
# ("put at an estimated 480,000 mt": the report's own estimate of the figure, no expectation it is compared with)
EXPECTED_BEFORE = re.compile(rf"\b(?!an\s+(?:estimated|anticipated)\b)"  # ("by an anticipated 1%-2%": a change's)
                             rf"{words('expected_lead')}\s+{words('expected_word')}\s*$|"
                             rf"\b{words('earlier_adjective')}\s+{words('expectation_noun')}\s+(?:of\s+)?$",
                             re.I)
EXPECTATION_AFTER = re.compile(rf"^\s*,?\s*{words('beat_word')}\s+{words('expectation_word', parts=('plural',))}", re.I)

# Forecast cues: an expectation's word ("SMM expects", "projected"; not "project", "projects", which name plants,
# nor "expected" or "estimated" alone, which qualify a figure: "the expected 120,600 mt", "an estimated 1.8% drop"),
# a word that takes "to" ("likely to", "set to"; "expected" and "set" only with it, "is" or "are", "estimated" only
# with "to": "output is estimated at 1.2 million mt" is SMM's figure of a month past), a
# modal ("may" only in lower case: "May" is the month; not "could", as often a past ability: "what smaller plants
# could secure" in July, seeds drivers 0.715 -> 0.714 with it).
_EXPECTS = words("forecast_verb", parts=("base", "third"), but=("project",))
_EXPECTED = words("forecast_verb", parts=("past", "participle"), but=("expect", "estimate"))
_FORECAST_TO = words("forecast_to")
FORECAST_CUE = re.compile(
    # ("is estimated to have produced", an estimate of what happened, is none; "are set out below" is no "set to")
    # (a verb's word after a possessive is a noun: "by SMM's estimate, output amounted to ...")
    rf"\b(?:(?<!['’]s\s)(?<!\bour\s)(?:{_EXPECTS})|{_EXPECTED}|{_FORECAST_TO}\s+to(?!\s+have\s+\w+(?:ed|en|wn)\b)|"
    rf"(?:is|are)\s+{words('forecast_to', but=('estimated', 'set'))}|"
    rf"{words('forecast_to', but=('expected', 'estimated', 'set'))}|{words('modal', but=('may', 'could'))}|(?-i:may)|"
    rf"{words('forecast_phrase')}|(?<=SMM )sees?"
    rf"|expected\s+an?\s+(?:[a-z]+\s+)?{words('up_noun', 'down_noun')})\b"  # ("insiders expected a sharp drop")
    # headline grammar: "Output to Continue Growing in June", "Output to increase to 2.7m tonnes"
    rf"|^\W*(?:(?!{words('not_headline_subject')}\b)[\w'’-]+\s+){{1,5}}"
    rf"to\s+{words('plain_move', 'headline_verb', parts=('base',))}\b",
    re.I,
)

METRIC_UNITS: dict[str, set[str]] = {
    # PV in watts, batteries in watt-hours, precious metals in ounces, molybdenum in pounds, as stated. Batteries'
    # GWh are output since installations ("... GWh of batteries were installed") are read as such (objections); a
    # mass in kg or grams as stated (a mining country's gold and silver: "7,051kg"); American steel in short ("net")
    # tons; a battery separator in square metres
    "production": {"mt", "mt/day", "GW", "MW", "GWh", "oz", "lb", "kg", "g", "net tons", "short tons", "m2"},
    "cumulative_production": {"mt", "mt/year", "GW", "MW", "GWh", "oz", "lb", "kg", "g", "net tons", "short tons",
                              "m2"},
    "maintenance_impact": {"mt"},
    "imports": {"mt", "net tons", "short tons"},
    "exports": {"mt", "net tons", "short tons"},
    "inventory": {"mt"},
    "balance": {"mt"},
    "capacity": {"mt", "mt/year"},
    "operating_capacity": {"mt", "mt/year"},
    "operating_rate": {"%"},
    "share": {"%"},
}

# Text that talks to a machine instead of reporting: a report carrying it may be trying to steer an LLM.
INSTRUCTION_CUE = re.compile(
    rf"\b{words('ignore_verb')}\b[^.]{{0,40}}\b{words('instruction_noun')}\b"
    rf"|\byou are (?:an? )?{words('machine_noun')}\b"
    rf"|\b{words('machine_phrase')}\b",
    re.I,
)
