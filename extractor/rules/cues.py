"""The labeller's cue words: what a number's neighbours say about it (a level of another month, a bound reached,
a metric named after it, a company as the subject...), and the reasons it gives when it sends a number to review.
The words are the lexicon's categories (text/lexicon_*.py); each pattern here is their grammar."""

from __future__ import annotations

import re

from extractor.text.countries import COUNTRY_NAMES
from extractor.text.lexicon import MARKERS, forms, words
from extractor.text.months import MONTH_NAMES

_CHANGE_NOUNS = words("up_noun", "down_noun")
# A word that hedges or plays down the figure right after it ("accounting for about 54%", "an increase of only 0.6%"),
# read between a figure's verb or noun and the figure.
FIGURE_HEDGE = r"(?:just|only|merely|about|around|some|nearly|almost)"

# A sentence that breaks down the figure before it ("Of this figure, ...", "This total comprised ...") speaks of
# the same tonnage: it keeps that figure's metal content.
_MADE_UP = r"(?:made|makes?|making)\s+up"  # a part's figure as what it made of the whole
PART_OF_BEFORE = re.compile(rf"^\W*(?:{words('breakdown_lead')}\b|of\s+(?:this|that)\s*,)"
                            # "High-grade output accounted for 35.9 kt of that": a part named first
                            rf"|\b(?:{words('region_share')}\s+for|{_MADE_UP})\s+[\d.,]+\s*[a-z]*"
                            r"\s+of\s+(?:that|this|the\s+total)\b",
                            re.I)
# A sentence that names the span before it as its own: "in the given period", "over the same period", "during the
# period", "In this period" (not "the same period last year", a base)
THE_SPAN_AGAIN = re.compile(r"\b(?:in|during|over|for)\s+(?:the\s+(?:(?:given|said|same)\s+)?|this\s+)period\b"
                            r"(?!\s+(?:of|in|last|a|the\s+previous)\b)", re.I)

# A sentence that sets one month apart from the span before it: "March alone came in at 383kt", "In May by itself,
# output was ...", "for the month alone": that month's own figures, no span's
MONTH_ALONE = re.compile(rf"\b(?:{MONTH_NAMES}|the\s+month|that\s+month)\s+(?:alone|by\s+itself|on\s+its\s+own)\b",
                         re.I)

# A clause opening with its figure: "At 2.62 million mt in July, stainless steel production was ...", "Standing at
# 21,000 mt, ...", "At an estimated 97,000 mt, ...", "Totalling 1.2 million mt, ..." (the words before the figure,
# past a dateline: "LONDON, Dec 14 (Wire) - At 32,200 tonnes, ...")
AT_OPENING = re.compile(r"(?:.*\)\s*[-–—]+|\s*date\s+\d{4}-\d\d-\d\d\s)?"  # (a dateline, a publication line)
                        r"\W*(?:(?:(?:standing|estimated|put|coming\s+in)\s+)?at|totall?ing)\s+"
                        r"(?:an?\s+estimated\s+|about\s+|around\s+|some\s+|nearly\s+)?", re.I)
# ... or with its move, its subject after its verb ("Up 21.5 per cent was solar cell production, which ...", "Down
# 12,600 mt, or 3.7%, from June was 400-series output")
MOVE_FRONTED = re.compile(r"\W*(?:up|down)\s+(?:by\s+)?", re.I)
SUBJECT_AFTER_VERB = re.compile(r"(?:[^.;]|\.(?=\d)){0,60}?\s(?:was|were)\s+([^,.;]{1,80}?)(?=,|\s+which\b|\s+at\b|$)",
                                re.I)


def opens_with_figure(local_pre: str) -> bool:
    """Whether a clause opens with the figure whose words before it these are: its subject named after it."""
    return bool(AT_OPENING.fullmatch(local_pre) or MOVE_FRONTED.fullmatch(local_pre))


# A change's other form right after it, before the words both forms share ("a 41%, or 630 000 t, rise in Peruvian
# output", "by 5%, or 900 000 t, in the 11 months", "a 38% (650,000 tonnes copper) hike in Peruvian output")
OTHER_FORM = r"\s*(?:,\s*or\s+[^,;()]{1,20},|\(\s*(?:or\s+)?\d[^;()]{0,30}\))"
# A sentence whose output is of the place the sentence before named: "August output there is expected at ...",
# "production there fell"
OUTPUT_THERE = re.compile(rf"\b{words('output_word')}\s+there\b", re.I)

# A sentence compared as the one before it: "Under the same comparative basis, ...", "On the same basis, ...", "By
# that comparison, ..."
SAME_BASIS = re.compile(r"^\W*(?:under|on|in|by|at|with|during|over|for)\s+"
                        r"(?:(?:the\s+)?(?:same|such|this|that|a\s+similar)\s+compar\w*(?:\s+basis)?"
                        r"|the\s+same\s+basis)\b", re.I)

# A month or a year before ("a year earlier", "the month before", "1,841 mt the year prior"), right after a level
PERIOD_AGO = rf"(?:a|one|the)\s+(month|year)\s+(?:{words('ago')}|prior)\b"
AGO = re.compile(rf"^\s*(?:[a-z]+\s+){{0,2}}?{PERIOD_AGO}", re.I)
# ... and a change's base figure stated so ("to 13,017 kg from 12,354 kg a year ago", "from 1,841 mt the year prior")
BASE_AGO = re.compile(rf"\b(?:{words('compared_base')})\s+[\d.,]+\s*(?:[a-z]+\s+){{0,2}}?{PERIOD_AGO}", re.I)
# A level named with the period a year before ("7.6 mt in the same month last year", "83% in the same period of 2015",
# "150 mt in the corresponding period a year ago", "in the same three-month period of 2019") or the month before
# ("2,100 kt during the previous month").
_YEAR_BEFORE = (rf"(?:in|during|over|for|of)\s+the\s+{words('same_period')}\s+(?:[\w-]+\s+)??{words('period_noun')}\s+"
                r"(?:(?:of|in)\s+)?"
                rf"(?:{words('previous')}\s+(?:fiscal\s+)?year|a\s+year\s+{words('ago')}"
                rf"|the\s+{words('previous')}\s+(?:fiscal\s+)?year|((?:19|20)\d\d))\b")
# (past a participle: "12,100 tons recorded in the same month a year earlier", "72,400 tons seen in the same period")
YEAR_BEFORE_SPAN = re.compile(rf"^\s*(?:(?:recorded|seen|posted|registered|reported|produced)\s+)?{_YEAR_BEFORE}"
                              # "853,000 tons of the year-earlier month", "in the prior-year period"
                              r"|^\s*(?:in|during|over|for|of)\s+the\s+(?:year[- ]earlier|prior[- ]year)\s+"
                              r"(?:month|period)\b",
                              re.I)
# ... and anywhere, a base's: "..., from 7.69 MT during the same month last year" (the year not named)
YEAR_BEFORE_BASE = re.compile(rf"\b{_YEAR_BEFORE}", re.I)
# A stock or a capacity measured at the start of a month ("as of early June", "21kt in early April"): a state that
# was measured when the report was written, not expected.
MONTH_START = re.compile(rf"\b{words('month_start')}\s+(?:{MONTH_NAMES})\b", re.I)
MONTH_BEFORE_SPAN = re.compile(rf"^\s*(?:in|during|over|for)\s+the\s+{words('previous_month')}\s+month\b", re.I)
# The earlier period of a base named bare after it ("down from 2.61 million mt the previous year", "up from 640 kt
# in the year-ago period"): read only after "from" ("the previous year" alone may be a year's own total).
BASE_EARLIER = re.compile(rf"^\s*(?:(?:in|during|over|for)\s+)?(?:the\s+{words('previous_month')}\s+(year|month)|"
                          r"(?:the|a)\s+(year)[- ]ago(?:\s+(?:period|month|quarter))?"
                          r"|last\s+(year|month)\b(?!['’]s)"
                          rf"|{PERIOD_AGO})\b", re.I)  # ("from 90,500 t a year earlier", "from 2.1 mt the month before")


def earlier_months(bare: re.Match[str]) -> int:
    """The months back a base's period is, as `BASE_EARLIER` read it: 1 for the month before, else 12."""
    return 1 if next((g for g in bare.groups() if g), "").lower() == "month" else 12


BOUND_MOVE = re.compile(rf"\b(?:{words('pass_verb')}|(?:\w+ing|\w+ed|{words('bound_move')})\s+(?:to\s+)?"
                        rf"{words('bound_word')})(?:\s+the)?\s*$", re.I)
METRIC_AFTER = re.compile(rf"^\s*of\s+(?:[\w-]+\s+){{0,2}}?({words('named_metric')})\b", re.I)
# A mass said to be produced after it: "A total of 652,379 tonnes was produced in May", "66,940 thousand tons of crude
# steel were turned out"
PRODUCED_AFTER = re.compile(r"^\s*(?:of\s+(?:[\w-]+\s+){1,3}?)?(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
                            r"(?:produced|made|turned\s+out|smelted|output)\b", re.I)
LOSS_BEFORE = re.compile(rf"\b{words('take_verb')}\s+(?:{words('approx')})?\s*$", re.I)
SURVEY_SAMPLE = re.compile(rf"\b{words('survey_word')}\b", re.I)
MONTH_LEVEL = re.compile(rf"\b{words('from_than')}\s+(January|February|March|April|May|June|July|August|September|"
                         r"October|November|December)['’]s(?:\s+(?:[a-z]+\s+){1,3}?of)?\s*$")  # "August's output of"
NO_PERIOD = "no period: the document names no report month (give it with --report-month)"
RESPECTIVELY = "a 'respectively' list: which label goes with which number needs checking"
# A clause whose subject is a company ("Hoshine Silicon Industry raised production ... up over 10,000 mt").
COMPANY_SUBJECT = re.compile(
    rf"^\W*(?:[A-Z][\w&'’.-]*\s+){{0,4}}{words('company_suffix')}\b(?!\s+{words('output_word')})")
# A note under an article or a table ("Note: ...", "*Note: ..."): no statement of the month.
NOTE_LEAD = re.compile(rf"^\s*\*?\s*{words('note')}\b", re.I)
# A "respectively" list after a figure ("... 788,000 mt and 447,000 mt respectively").
RESPECTIVELY_WORD = re.compile(rf"\b{words('respectively')}\b")
# Capacity in operation ("70.86 million mt of capacity ... in operation").
IN_OPERATION = re.compile(rf"\b{words('in_operation')}\b")
# An expectation stated before the figure it is compared with ("expectations (120,600 mt)", "beat expectations by").
EXPECTATIONS_OPEN = re.compile(rf"\b{words('expectation_word')}\s*\(\s*$", re.I)
EXPECTATIONS_BY = re.compile(rf"\b{words('expectation_word', parts=('plural',))} by\s*$", re.I)
# A change named by the noun after its figure: "representing a 3.47% increase", "a 5% YoY decline".
CHANGE_NOUN_AFTER = re.compile(rf"^\s*(?:{MARKERS}\s+)?({_CHANGE_NOUNS})\b", re.I)
# A figure the change starts from ("from 2.715 million in October", "from the record 3.171 million tonnes in August").
# ("higher than the 2.49 million tonnes made in April"; "more/less than" after a percentage only, "8% less than the
# 3,780 mt of April": alone it is a figure's bound, "more than 194,000 tons")
_UP_TO_THE_BASE = r"\s+(?:the\s+|a\s+)?(?:(?!to\b)[\w-]+\s+){0,2}?(?:of\s+)?$"  # ("from the record ", "from ")
FROM_BASE = re.compile(r"(?:\bfrom|\b(?:higher|lower|greater|smaller)\s+than"
                       # a change's noun "on" the figure ("a 5.4 percent rise on the 7.69 MT of the same month")
                       rf"|\b(?:{_CHANGE_NOUNS})\s+on"
                       rf"|(?:%|\bper\s?cent)\s*(?:more|less)\s+than){_UP_TO_THE_BASE}|"
                       rf"\b{words('previous_record')}\s+{words('record_base')}\b[^.;%]{{0,35}}?\bof\s+$", re.I)
# ... or after a change's noun, a figure "over" it ("an increase over the 2.49 million tonnes registered in April": the
# "over" read as the figure's bound)
CHANGE_NOUN_OVER = re.compile(rf"\b{words('up_noun', 'down_noun')}\s*$", re.I)
# ... or after the figure before it, its change ("8% less than the 3,780 mt": the words after the 8%)
THAN_THE_FIGURE = re.compile(rf"^\s*(?:more|less)\s+than{_UP_TO_THE_BASE}", re.I)
# (also a record's figure: "beat the previous high for an individual month of 3.27 million tonnes in December")
# A figure compared with ("compared with 603,000 tonnes in April").
COMPARED_FIGURE_BEFORE = re.compile(rf"\b{words('compared_figure')}\s+$", re.I)
# A target a figure is ("below the 628,600 tons targeted for that year", "the 75 thousand ton goal"): an expected level.
TARGET_AFTER = re.compile(r"^\s*(?:targeted|targetted|target|goal)\b", re.I)
# A growth rate a figure is ("Growth in output slowed in May, to 1.3% year on year, from 6.2% in April"): a change,
# up, whatever the verb moving the rate says; the rate it moved from, the change of the month named after it.
_RATE_MOVE = (r"\bgrowth\b[^.;]{0,60}?\b(?:slowed|eased|quickened|accelerated|picked\s+up|moderated|rebounded)\b"
              r"[^.;\d]{0,40}?\bto\s+")
GROWTH_RATE = re.compile(rf"{_RATE_MOVE}$|{_RATE_MOVE}[\d.]+\s*(?:%|per\s?cent|percent)[^.;\d]{{0,30}}?\bfrom\s+$",
                         re.I)
# Another month's change set beside a change, after a comma ("up 0.1% YoY, compared with 4.2% in April").
CHANGE_COMPARED_BEFORE = re.compile(rf",\s*{words('compared_figure')}\s+$", re.I)
# A balance stated with "by" ("the market was in surplus by 20,000 mt"): its size, a level, not a change.
BALANCE_BY = re.compile(rf"\b{words('balance_word')}\s+by\s*$", re.I)
# A balance word right after a mass ("a 25,000 tonne deficit", "a 95,000 tonnes surplus"): a balance, a deficit (group
# 1) negative.
BALANCE_AFTER = re.compile(rf"^\s*(?:({words('deficit_word', 'shortfall')})|{words('balance_word')})\b", re.I)
# The last balance word before a figure is a deficit ("a deficit of 12,000 mt", "in deficit by 12,000 mt").
DEFICIT_LAST = re.compile(rf"\b{words('deficit_word')}\b(?!.*\b{words('balance_word')}\b)", re.I | re.S)
# A change stated against another period after its figure: "2.3% lower than that in April", "5% higher than a year ago".
# ("5% higher on an annual basis", "0.2% higher this year" too), or with none ("1.1 percent higher.")
THAN_AFTER = re.compile(rf"^(?:,?\s+or\s+[\d.,]+\s*(?:%|per\s?cent|mt|tonnes|tons),?)?"  # ("17,200 mt or 3.5% lower")
                        # ("8.6% down on the same period last year", "3% up YoY")
                        rf"\s*({words('comparative_up', 'comparative_down', 'short_of')}"
                        rf"|(?:up|down)(?=\s+(?:on|{MARKERS})\b))\b"
                        # ("4% ahead of last year", "2% short of March's figure", "3% behind the year-ago level")
                        rf"(?:(?:\s+than|(?:(?<=ahead)|(?<=short))\s+of|(?<=behind))\s+"
                        rf"(?!(?:the\s+)?{words('than_expectation')})|\s+{MARKERS}\b|"
                        rf"\s+(?:on\s+an?\s+{words('mom_basis', 'yoy_basis')}\s+basis|"
                        rf"in\s+{words('mom_basis', 'yoy_basis')}\s+terms)\b|\s+{words('mom_adverb')}\b|"
                        rf"\s+(?:in\s+(?:19|20)\d\d|{words('relative')}\s+year)\b(?!['’]s)|"
                        # "2% above last year's", "2.1% below the previous month"
                        rf"(?<=above|below)\s+(?:a|one|the\s+(?:previous|prior)|last)\s+(?:year|month)\b|"
                        # "4.6 percentage points above the same period a year earlier"
                        r"(?<=above|below)\s+the\s+(?:same|corresponding|year[\s-]earlier|year[\s-]ago)\s+(?:period|month)\b|"
                        rf"(?<=above|below)\s+(?:{MONTH_NAMES})\b|"  # "0.66% below August"
                        # "a rate 2.2 percentage points below that of July"
                        rf"(?<=above|below)\s+(?:that|those)\s+of\s+(?:{MONTH_NAMES}|the\s+(?:previous|prior|same)|"
                        r"a\s+year|last)\b|"
                        # "0.7% below the all-time high of December 2018": against a level named
                        r"(?<=above|below)\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:high|peak|record|level|figure|total)\b|"
                        r"(?:(?<=up)|(?<=down))\s+on\s+(?:the\s+|a\s+)?(?:same|year|month|previous|prior|last)\b|"
                        r"(?=\s*(?:[.;,)]|$))|"  # "demand was 1.1 percent higher.": a change stated bare
                        r"(?=\s+(?:in|during|over|for)\b)|"  # "edged 2% higher in the first two months"
                        r"(?=\s+(?:at|to)\s+(?:about\s+|around\s+)?(?:\d|$)))", re.I)  # "13.5% lower at 506,809t"
# The month a figure is of, right after it ("declined by 7.5% during the month of November year-on-year"): the words
# after it that name its comparison are read past it.
MONTH_AFTER = re.compile(rf"^\s*,?\s*(?:in|during|for)\s+(?:the\s+month\s+of\s+)?(?:{MONTH_NAMES})"
                         r"(?:\s+(?:19|20)\d\d)?\b", re.I)
# A comparison marker right after a figure.
MARKER_AFTER = re.compile(rf"^\s*{MARKERS}\b", re.I)
# "below the 4,000 mt mark": a figure named as a mark is a level, whatever move reaches it
MARK_AFTER = re.compile(rf"^\s*{words('mark_noun')}\b", re.I)
# Output cut for maintenance: "cut the production by 15,000 mt for maintenance".
CUT_BY = re.compile(rf"\b{words('cut_verb')}\s+(?:the\s+|their\s+|its\s+)?{words('output_word')}\s+by\s*$", re.I)
MAINTENANCE_WORD = re.compile(rf"\b{words('maintenance', 'overhaul')}\b", re.I)
FOR_MAINTENANCE = re.compile(rf"^\s*(?:\w+\s+){{0,3}}?{words('maintenance_cause')}\s+(?:\w+\s+){{0,2}}"
                             rf"{words('maintenance', 'overhaul')}\b", re.I)
# One plant, smelter or project as the clause's subject: its figure is not the commodity's.
ONE_PLANT = re.compile(rf"(?:^|[.;,]\s*)(?:as planned,\s*)?(?:the|this|its)\s+{words('one_plant', parts=('base',))}\b"
                       r"[^.;]*$", re.I)
# what one plant did to the whole ("A plant ... suspended, which lowered overall January output by 4% to 600,000 mt"):
# the whole's figure (not its own: "which cut its overall output")
WHOLE_AFTER_PLANT = re.compile(rf"\b(?:which|that)\s+(?:(?!its\b|their\b)\w+\s+){{0,2}}?{words('aggregate')}"
                               rf"\s+(?:[A-Za-z]+\s+){{0,2}}?{words('output_word')}\b[^.;]*$", re.I)
# "newly installed PV capacity reached 34.5 GW": installations, what the market took
NEWLY_INSTALLED = re.compile(r"\bnewly[- ]installed\b", re.I)
# "new PV installations reached", "solar installations" (not "the installations of new lines")
INSTALLATIONS = re.compile(r"\b(?:new\s+(?:PV\s+|solar\s+)?|PV\s+|solar\s+)installations\b", re.I)
# "gross output value rose 27%": an output's worth in money
# the money an output or a trade is worth ("gross output value", "its value fell 4.4% to $13.6 billion")
OUTPUT_VALUE = re.compile(rf"\b(?:{words('output_word')}|exports?|imports?|sales|its|their)\s+value\b", re.I)
# "Yunnan Hillside steel mill restarted, lifting output by ...": a plant named by its own name as the subject (not a
# preposition opening the sentence: "In terms of smelter size, ...")
_OPENING_PREPOSITION = r"(?:In|At|On|For|By|Of|As|With|From|Among|During|Under|Across|World|Global|Worldwide)"
# (nor the world's as the sentence's subject: "World mine copper production rose 3.7%": the mines of the world)
PROPER_PLANT = re.compile(
    rf"(?:^|[.;,]\s*)(?-i:(?:(?!{_OPENING_PREPOSITION}\s)[A-Z][\w&.-]*\s+){{1,4}})(?:[a-z][\w-]*\s+){{0,2}}"
    rf"{words('plant_in_clause', parts=('base',))}\b(?!\s+{words('plant_attribute')})[^.;]*$", re.I)
# "Rio Tinto's Yarwun alumina refinery ...": a plant a company owns (a country's, "China's", is no company)
NAMED_PLANT = re.compile(rf"\b(?!{words('owner_country')}['’])(?!(?i:{COUNTRY_NAMES})['’])"
                         r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['’]s\s+(?:[A-Za-z][\w-]*\s+){0,3}"
                         rf"{words('named_plant', parts=('base',))}\b")
# "The output of a smelter in Central China reduced by 25%": one producer's output
ONE_PRODUCER_OUTPUT = re.compile(rf"\b{words('output_or_rate')} (?:at|of) (?:a|one|another) "
                                 rf"(?:[\w-]+ ){{0,2}}{words('one_producer', parts=('base',))}\b", re.I)
# "The total output to be affected will reach 10,000 mt": output a cause takes, not the commodity's output
OUTPUT_AFFECTED = re.compile(rf"\b(?:{words('output_word')}\s+(?:to be\s+|being\s+)?{words('affected')}|"
                             rf"{words('affected')}\s+{words('output_word')})\b[^.;%]{{0,25}}$", re.I)
NATIONWIDE = re.compile("".join(rf"(?<![{part[0]}{part[0].lower()}]{part[1:]} )" for part in forms("china_part"))
                        + rf"(?<!-)\b{words('whole_industry')}\b")
# The largest change among producers ("the highest increase exceeding 1GW"): no change of the commodity's.
LARGEST_CHANGE = re.compile(rf"\b{words('superlative')}\s+(?:\w+\s+)?{_CHANGE_NOUNS}\b"
                            r"[^.;,]{0,20}$", re.I)
# "300-series accounted for 1.16 million mt": a part's output stated as its share of the whole.
# (or made up: "High-grade NPI made up 35.9 kt of that")
ACCOUNTED_FOR = re.compile(rf"\b(?:{words('account_verb')}\s+for|{_MADE_UP})\s*$", re.I)
# "The production comprised 53.16% MHP, 38.92% high-grade nickel matte, ...": a whole's parts, each a share
# ("the production came 53.16% from MHP, 38.92% from nickel matte": "came" only with a percentage from a part)
COMPOSED_OF = re.compile(rf"\b{words('composed_of')}\b|\b(?:came|comes?)\s+(?=[\d.]+\s*%\s+from\b)", re.I)
# the part a share of a composition names right after its figure (past "from"), up to the list's next item
PART_NAMED_AFTER = re.compile(r"^\s*(?:from\s+)?([A-Za-z][\w/ -]{0,40}?)\s*(?=,|;|\.|$|\s+and\b|\s+by\b)")
# "accounting for 10.7%", "making up 2.4%": a share's level named by its verb
SHARE_VERB_BEFORE = re.compile(rf"\b(?:{words('account_verb')}\s+for|{words('share_verb')})\s*$", re.I)
# "40.7 mtpy of completed primary aluminium capacity", "..., of which 36.6 mtpy is operational".
CAPACITY_AFTER = re.compile(rf"\s*of\s+(?:[\w-]+\s+){{0,4}}?{words('capacity_noun')}", re.I)
OPERATIONAL_AFTER = re.compile(rf"\s*(?:is|are|was|were|remained)?\s*(?:in\s+)?{words('operation_stem')}", re.I)
# "two smelters will reduce annual output by 150,000 mt": the output a year a change takes or adds.
ANNUAL_CHANGE = re.compile(rf"\b(?:{words('up_verb', 'down_verb')}|{words('lose_word')})\s+(?:the\s+|their\s+|its\s+)?"
                           rf"{words('yearly')}\b", re.I)
# "the estimated capacity of refining projects ... from 400,000 tonnes": a project's capacity.
PROJECT = re.compile(rf"\b{words('project_word')}\b", re.I)

# A move told in the past tense (not "was", which SMM writes of forecast months too).
PAST_NO_MONTH = re.compile(rf"\b{words('told_move', parts=('past',))}\b")
# "It was also up 5.9 percentage points year on year": the sentence speaks of the figure of the one before.
# (not the "it" of "It is expected that ...", which stands for what follows: `ANTICIPATORY_IT`)
_ANTICIPATORY = r"it\s+(?:is|was)\s+(?:\w+ed|likely|possible)\s+that\b"
ANTICIPATORY_IT = re.compile(rf"^\W*{_ANTICIPATORY}", re.I)
PRONOUN_SUBJECT = re.compile(rf"^\W*(?!(?i:{_ANTICIPATORY}))"
                             rf"(?:{words('pronoun_lead')}\s+(?:\w+\s+)?(?:was|is|were|"
                             rf"{words('pronoun_move', 'pronoun_record', parts=('past',))})\b"
                             # "The figure shows a 10-percent increase year-on-year"
                             rf"|(?:{words('pronoun_lead')})\s+{words('figure_shows')}\b"
                             # "That's up 1.8% on the month"
                             rf"|(?:{words('pronoun_lead')})['’]s\s)")
# A sentence opening with at most three words and their move ("Refined tin slid 4% ...", "Lead was up 2% ..."): with
# a product for those words, the product's move (`section_state`).
MOVE_OPENING = re.compile(rf"^\W*[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}}?\s+(?:(?:was|were)\s+{words('up_or_down')}|"
                          rf"{words('up_verb', 'down_verb', parts=('past',))}|{words('level_reached')})\b")
# "an 8.4% drop in treatment charges": the change is of what follows "in".
CHANGE_IN = re.compile(rf"\s*(?:{MARKERS}\s+)?{_CHANGE_NOUNS}\s+in\s+", re.I)

# A change whose size moves: "the MoM decline expanding to 7%", "YoY growth narrowed to 3%". The noun is the
# change and gives its sign; the verb only says how its size moved ("expanding" is no rise, "narrowed" no fall).
CHANGE_SIZE_MOVED = re.compile(
    rf"\b(?P<noun>{_CHANGE_NOUNS})\b(?:\s+(?:in|of)\s+(?:[\w-]+\s+){{0,3}}?{words('size_subject')})?"
    r"(?:\s+(?:has|have|had|was|were|is|been|further|also|then))*\s+"
    rf"{words('size_verb')}(?:\s+{words('size_move_degree')})?\s+to\s*$", re.I)

# A plant named inside the figure's clause as what the figure is of: "cut the capacity of its Kestrel Bay refinery
# by", "a refinery in Guinea will cut its capacity by", "the capacity of the Lowmoor refinery is set to fall" (not
# the world's mines: "showed that world mine copper production rose").
PLANT_IN_CLAUSE = re.compile(
    r"\b(?:its|their|the|this|that|a|one|another)\s+(?!(?:world|global|worldwide)\s)(?:[\w&'’-]+\s+){0,3}?"
    rf"{words('plant_in_clause', parts=('base',))}\b"
    rf"(?!\s+{words('plant_attribute')})[^.;,%\d]*$", re.I)
# a product named as an input short or in supply, before another product named as produced ("a short supply of NPI
# ... lowered overall stainless steel output"): no subject of the sentence's figures
INPUT_OF = re.compile(r"\b(?:supply|supplies|shortage|shortages)\s+of\s+(?:the\s+)?(?:[a-z0-9]+\s+){0,2}$")
