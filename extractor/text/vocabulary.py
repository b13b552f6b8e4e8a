"""Words SMM uses for metrics, segments and content, as ordered regex tables for the labeller."""

from __future__ import annotations

import re

from extractor.text.lexicon import MARKERS, words
from extractor.text.months import MONTH_NAMES

# (pattern, metric): the nearest match before a number names its metric. Longer phrases first.
METRIC_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.I), m)
    for p, m in [
        (r"\b(?:impact|loss(?:es)?|reduction)\s+(?:from|of|due to)\s+(?:the\s+)?maintenance\b|\bmaintenance impact\b", "maintenance_impact"),
        # with the production word it qualifies ("cumulative production", "YTD output"), which it outranks
        (r"\b(?:cumulative\w*|YTD|year-to-date|full[- ]year|annual)\b(?:\s+(?:[\w-]+\s+){0,3}?(?:production|output)\b)?|"
         r"\bfrom January to (?:the end of )?(?:" + MONTH_NAMES + r")\b|\bJanuary-\w+", "cumulative_production"),
        (r"(?<!downstream )(?<!terminal )\b(?:operating|capacity)\s+(?:rates?|utili[sz]ation(?: rates?)?)\b|\butili[sz]ation rates?\b|\boperating levels?\b|"
         r"\brun rates?\b|\bstart(?:ing|-up| up|up)\s+rates?\b|\boperated at\b|\bran at\b", "operating_rate"),
        (r"\boperat(?:ing|ional) (?:\w+\s+){0,2}capacity\b|\bcapacity (?:\w+\s+){0,5}in operation\b|"
         r"\bin operation\b", "operating_capacity"),
        (r"\b(?:existing|total|nominal|built|installed|effective)\s+(?:\w+\s+){0,2}capacity\b|(?<!operating )(?<!operational )\bcapacity (?:was|of|stood|reached|is|at)\b", "capacity"),
        (r"\bimport(?:s|ed)?(?:\s+volumes?)?\b", "imports"),
        (r"\bexport(?:s|ed)?(?:\s+volumes?)?\b", "exports"),
        (r"\binventor(?:y|ies)\b|\bstocks\b|\bstockpiles?\b", "inventory"),
        (r"\bsurplus\b|\bdeficit\b|\bsupply-demand balance\b", "balance"),
        (r"\bshare\b|\bproportion\b|\baccount(?:ing|ed|s)? for\b|\bpercentage of\b", "share"),
        (r"\bprices?\b|\bpremiums?\b|\bquotations?\b|\bindex\b|\bTCs?\b|\b(?:treatment|refining|processing)(?:\s+and\s+refining)?\s+charges?\b|\bcosts?\b|\bprofits?\b|\bloss(?:es)?\b|\bprocessing fees?\b", "price"),
        (r"\bproduc(?:e|es|ed|ing|tion)\b|\boutput\b|\bsupply\b(?! of (?:[\w-]+,? ){0,3}(?:power|electricity|energy))|\bproduction schedules?\b|\bvolume\b|\bma(?:ke|kes|de|king)\b|\bchurn(?:ed|s)? out\b|\bturned out\b|\bgeneration\b", "production"),
    ]
]

SEGMENT_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.I), label)
    for p, label in [
        (r"\blarge(?:-sized)? smelters\b", "large smelters"),
        (r"\bmedium(?:-sized)? smelters\b", "medium smelters"),
        (r"\bsmall(?:-sized)? smelters\b", "small smelters"),
        (r"\bsmelters (?:primarily |mainly )?using copper concentrates?\b", "copper concentrate"),
        (r"\busing copper scrap or copper anodes?\b", "copper scrap or copper anode"),
        (r"(?:\b|#)200[- ]series\b", "200-series"),
        (r"(?:\b|#)300[- ]series\b", "300-series"),
        (r"(?:\b|#)400[- ]series\b", "400-series"),
        (r"\b5[- ]series\b", "5-series"),
        (r"\b6[- ]series\b", "6-series"),
        (r"\b8[- ]series\b", "8-series"),
        (r"\b9[- ]series\b", "9-series"),
        (r"\bhigh-grade\b|\bhigh[- ]NPI\b|\bhigh[- ]nickel pig iron\b", "high-grade"),
        (r"\blow-grade\b|\blow[- ]NPI\b|\blow[- ]nickel pig iron\b", "low-grade"),
        (r"\bspodumene-derived\b|\bderived from spodumene\b|\b(?:spodumene|feldspar)(?= (?:and \w+ )?(?:lithium|enterprises|producers|route))", "spodumene-derived"),
        (r"\blepidolite-derived\b|\bderived from lepidolite\b|\b(?:lepidolite|mica)(?= (?:lithium|enterprises|producers|route))", "lepidolite-derived"),
        (r"\bsalt lake-derived\b|\bderived from salt lakes?\b|\bsalt lake (?:enterprises|producers|lithium)", "salt lake-derived"),
        (r"\bscrap-derived\b|\blithium carbonate from recycling\b|\brecycled lithium carbonate\b|"
         r"\brecycled lithium (?:salt )?(?:enterprises|producers)\b", "scrap-derived"),
        (r"\bsmelting(?:[- ]side)? (?:side|sector|output|production|lines?)\b", "smelting"),
        (r"\bcaustici[sz](?:ation|ing)(?:[- ]side)? (?:side|sector|output|production|lines?)\b", "causticisation"),
        (r"\bglobal (?:production|output)\b|\bglobal solar cell production\b", "global"),
        (r"\bsecondary crude lead\b", "crude lead"),
        (r"\bdaily average\b|\baverage daily\b|\bdaily (?:[a-z]+ ){0,2}(?:output|production|supply)\b|"
         r"\b(?:output|production|supply) per day\b", "daily average"),
        (r"\bzinc alloy\b", "zinc alloy"),
        (r"\bcasting (?:aluminum )?ingot\b", "casting ingot"),
        (r"\bliquid aluminum\b|\bliquid aluminium\b", "liquid aluminum"),
        (r"\bsecondary refined lead\b", "refined lead"),
        (r"\bPr-Nd oxide\b", "pr-nd oxide"),
        (r"\bPr-Nd alloy\b", "pr-nd alloy"),
        (r"\bsocial inventor\w+", "social"),
        (r"\bin-plant inventor\w+", "in-plant"),
        (r"\bsmelters?'? inventor\w+", "smelters"),
        (r"\bproducer inventor\w+", "producers"),
    ]
]

# A part named by its producers' size or tier, as the subject ("top-tier enterprises produced ..."):
# the report's own words become the segment label.
TIER_SEGMENT = re.compile(
    r"\b((?:(?:top|mid|middle|small|second|third|lower|leading|large|medium)[- ](?:tier|sized|scale)|tail-end)\s+"
    r"(?:enterprises|producers|smelters|companies|firms|plants|mills))\b",
    re.I,
)
# "most smelters", "some producers", "individual plants": a part that is no segment, so no fact of the commodity.
SOME_PRODUCERS = re.compile(
    r"\b(?:most|some|many|several|certain|a few|individual|part of(?: the)?)\s+(?:\w+\s+){0,2}"
    r"(?:smelters|producers|enterprises|companies|plants|firms|mills|lines|refineries|factories)\b",
    re.I,
)
# Words that make a figure the whole commodity's even when a company is named ("national", "China's total").
AGGREGATE = re.compile(r"\b(?:China|China's|[Nn]ational|[Nn]ationwide|[Dd]omestic|[Tt]otal|[Oo]verall|industry-wide|SMM)\b")
# A week as the span of a figure ("weekly supply", "9,000 mt per week", "in the last week of May", "down 2% week on
# week"): a week's figure or change is not the month's.
WEEK_SPAN = re.compile(
    r"\bweekly\b|\bweek[- ](?:on|over)[- ]week\b|\b(?:WoW|w/w)\b|\bper week\b|\b(?:a|each|every) week\b|"
    r"\b(?:in|during|for|over)\s+(?:the\s+)?(?:\w+\s+)?week\b(?!s)|\bweek['’]s\b",
    re.I,
)
# What the market takes, not what producers make ("demand will grow 4.6%", "consumption climbed 4%", "sales rose").
DEMAND_WORDS = re.compile(r"\b(?:demand|consumption|usage|sales|orders|offtake)\b", re.I)
# The words before a demand word that make it a cause ("as demand improved", "on strong demand", "driven by
# downstream demand"): it says why a figure moved, not whose figure it is.
CAUSE_BEFORE = re.compile(r"\b(?:as|because of|due to|owing to|thanks to|amid|on|driven by|supported by|boosted by|"
                          r"weighed (?:on )?by|given|despite|with)\s+(?:[\w-]+\s+){0,3}$", re.I)
# A stock word with the words that may name what is stocked: "copper concentrate stocks", "the stockpile of imported
# bauxite", "social inventory of copper cathode".
STOCK_OF = re.compile(r"(?P<before>(?:[A-Za-z][\w-]*\s+){0,3})(?:inventor(?:y|ies)|stocks|stockpiles?)\b"
                      r"(?:\s+of\s+(?P<after>(?:[A-Za-z][\w-]*\s*){1,3}))?", re.I)
# Forms of a metal before it is the refined product, and other feeds: a stock of one is not the product's.
FEED_FORMS = re.compile(r"\b(?:[a-z]+\s+)?(?:concentrates?|ores?|scrap|anodes?|blister|matte|bauxite|raw materials?|"
                        r"feedstocks?|spodumene|lepidolite)\b", re.I)
# Where a sentence turns to another statement: a stock named before it is not the one after it.
CONTRAST_BREAK = re.compile(r";|\b(?:while|whereas|but|meanwhile)\b", re.I)
# A figure dated to a year: "by 8% in 2027", "starting from October 2026", "by mid-2026", "next year".
YEAR_DATED = re.compile(
    r"\b(?:in|by|from|for|during|until|through|since|starting(?:\s+from)?)\s+(?:(?:early|mid|late|the end of)[\s-]+)?"
    r"(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b|\b(next)\s+year\b")
SEGMENT_AFTER = re.compile(r"^\s*(?:at|among|for|in|from)\s+(?:the\s+)?$", re.I)

REGION_NAMES = (
    r"north china|south china|east china|central china|north-?west china|south-?west china|north-?east china|"
    r"inner mongolia|xinjiang|yunnan|sichuan|jiangxi|hunan|henan|shaanxi|shanxi|shandong|guangxi|guizhou|gansu|"
    r"ningxia|qinghai|anhui|hubei|guangdong|fujian|hebei|chongqing|liaoning|jilin|heilongjiang|jiangsu|zhejiang|"
    r"hainan|tibet|tianjin"
)
# A compass word placing an area ("southwestern Sichuan", "northern Xinjiang"): where in the country, not another
# area (the regions named with their compass word, "north china", are names of their own).
AREA_COMPASS = r"\b(?:(?:north|south)(?:-?(?:east|west))?ern|(?:east|west)ern|central)\s+(?!china\b)"
# Any other area named with its kind, capitalised as a name is: "Baotou city", "Baise prefecture".
AREA_KINDS = r"province|city|prefecture|county|district"
AREA_NAMED = rf"(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:{AREA_KINDS})\b"
AREA = rf"(?:{AREA_COMPASS})?(?:{REGION_NAMES}|{AREA_NAMED})"
_REGION_GROUP = rf"({AREA}(?:\s*(?:,|and)\s*{AREA})*)"
REGION_SEGMENT = re.compile(
    rf"(?:\b(?:production|output|supply|operating capacity|operating rates?)\s+(?:(?:of\s+)?(?:[\w-]+\s+){{0,4}}?)?(?:in|of|from)\s+"
    rf"(?:the\s+)?{_REGION_GROUP}(?:\s+(?:region|province))?\b"
    rf"|\b{_REGION_GROUP}(?:\s+province)?(?:'s|’s)\s+(?:\w+\s+){{0,2}}(?:output|production|operating rate)"
    rf"|\b{_REGION_GROUP}(?:\s+province)?,?\s+(?:saw|had|posted|recorded|reported)\s+(?:its\s+)?(?:\w+\s+)?(?:output|production)"
    rf"|\b(?:output|production)\s+(?:\w+\s+){{0,2}}in\s+{_REGION_GROUP}\b"
    rf"|\b(?:was|were)\s+in\s+{_REGION_GROUP}\b"
    rf"|\b{_REGION_GROUP}(?:\s+region)?\s+(?:accounting|accounted|accounts)\s+for"
    rf"|\bsupply from\s+{_REGION_GROUP}\b)",
    re.I,
)

PRICE_SEGMENT = re.compile(
    r"\b((?:average\s+)?(?:monthly\s+average\s+)?(?:spot|retail|tender|procurement tender|bid|ex-factory|futures|"
    r"long-term contract|contract|transaction|steel mill bid|steel mill tender)\s+prices?)\b",
    re.I,
)

METAL_CONTENT = re.compile(
    r"\b(?:metal content|(?:Ni|Co|Li|Mn)\.?\s?content|nickel content|cobalt content|lithium content|metal terms|"
    r"(?:Ni|nickel|Co|cobalt) metal(?!\s+(?:output|production|produc\w+|capacity|prices?|plants?|markets?|"
    r"products?|smelt\w+|sector|industry|demand|suppl\w+))|in (?:Ni|nickel|metal)(?:\s+terms)?|(?:Ni|nickel|Co|cobalt|metal) (?:tons?|tonnes?))\b", re.I)
PHYSICAL_CONTENT = re.compile(r"\bphysical (?:content|terms|volume|tonnage|quantity|tons?|tonnes?)\b|\bgross (?:weight|tonnage)\b", re.I)

LEVEL_CUES = re.compile(
    r"\b(?:was|were|is|are|be|been|being|at|to|reached|reaching|reach|stood|stands|totall?ed|totaling|hit|"
    r"remained|maintained|stabili[sz]\w*|equal\w*|around|of|amounting|amounted|accounting for|accounted for|"
    r"recorded|registered|came in)\s*$",
    re.I,
)
_CHANGE_NOUNS = words("up_noun", "down_noun", "change_noun")
# a change noun "of" its figure: singular only, on purpose: a plural ("gains of 9% in one region and 5% in another")
# lists the parts' changes, not the product's (corpus-wide tune core 0.633 -> 0.631 with the plurals)
CHANGE_CUES = re.compile(
    rf"(?:\bby\s*$|\b(?:{words('up_noun', 'down_noun', 'change_noun', parts=('base',))}|rising|declining)\s+of\s*$)",
    re.I)
COMPARISON_NOUN = re.compile(rf"\b({MARKERS})\s+({_CHANGE_NOUNS})\b", re.I)
VERSUS_EXPECTATION = re.compile(rf"^\s*(?:{MARKERS}\s+)?(?:lower|higher|more|less|above|below|short)\s+(?:than|of)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:forecast|estimate|expect|initial|previous(?:ly)? (?:expect|estimat)|plan)", re.I)
EXPECTED_BEFORE = re.compile(r"\b(?:the|an|initially|originally|previously)\s+(?:expected|planned|estimated|anticipated)\s*$|"
                             r"\b(?:previous|earlier|prior|initial|original)\s+(?:estimates?|expectations?|forecasts?)\s+(?:of\s+)?$",
                             re.I)
EXPECTATION_AFTER = re.compile(r"^\s*,?\s*(?:exceeding|beating|above|below|missing)\s+expectations", re.I)

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
    rf"\b(?:{_EXPECTS}|{_EXPECTED}|{_FORECAST_TO}\s+to|(?:is|are)\s+{words('forecast_to', but=('estimated',))}|"
    rf"{words('forecast_to', but=('expected', 'estimated', 'set'))}|{words('modal', but=('may', 'could'))}|(?-i:may)|"
    r"looking ahead|plans? to|planned to|preliminary|(?<=SMM )sees?|projection)\b"
    # headline grammar: "Output to Continue Growing in June", "Output to increase to 2.7m tonnes"
    r"|^\W*(?:(?!(?:but|and|fail\w*|unable|managed|began|begun|started|tried|used|has|have|had)\b)[\w'’-]+\s+){1,5}"
    rf"to\s+(?:{words('plain_move', parts=('base',))}|grow|climb|drop|continue|edge|extend|hit|reach|remain|stay|"
    r"recover)\b",
    re.I,
)

METRIC_UNITS: dict[str, set[str]] = {
    "production": {"mt", "mt/day", "gw", "mw"},  # PV wafers, cells and modules are counted in watts
    "cumulative_production": {"mt", "mt/year", "gw", "mw"},
    "maintenance_impact": {"mt"},
    "imports": {"mt"},
    "exports": {"mt"},
    "inventory": {"mt"},
    "balance": {"mt"},
    "capacity": {"mt", "mt/year"},
    "operating_capacity": {"mt", "mt/year"},
    "operating_rate": {"%"},
    "share": {"%"},
}

# Text that talks to a machine instead of reporting: a report carrying it may be trying to steer an LLM.
INSTRUCTION_CUE = re.compile(
    r"\b(?:ignore|disregard|forget)\b[^.]{0,40}\b(?:instructions?|prompts?|rules|above)\b"
    r"|\bsystem prompt\b|\byou are (?:an? )?(?:ai|assistant|language model|llm)\b"
    r"|\b(?:as an ai|new instructions?|instead,? (?:report|output|return|answer))\b",
    re.I,
)
