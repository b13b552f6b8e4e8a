"""The labeller's cue words: what a number's neighbours say about it (a level of another month, a bound reached,
a metric named after it, a company as the subject...), and the reasons it gives when it sends a number to review."""

from __future__ import annotations

import re

from extractor.text.lexicon import MARKERS, words

_CHANGE_NOUNS = words("up_noun", "down_noun")

# A sentence that breaks down the figure before it ("Of this figure, ...", "This total comprised ...") speaks of
# the same tonnage: it keeps that figure's metal content.
PART_OF_BEFORE = re.compile(
    r"^\W*(?:of (?:this|that|the) (?:figure|total|amount|output)|of which|among (?:them|which)|"
    r"(?:this|the) (?:total|figure) (?:comprised|included|consisted))\b", re.I)


AGO = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:a|one)\s+(month|year)\s+(?:ago|earlier|before)\b", re.I)


BOUND_MOVE = re.compile(r"\b(?:exceed\w*|surpass\w*|top(?:ped|s)?|(?:\w+ing|\w+ed|rose|fell)\s+(?:to\s+)?(?:below|above|under|over|"
                         r"beyond))(?:\s+the)?\s*$", re.I)
METRIC_AFTER = re.compile(r"^\s*of\s+(?:[\w-]+\s+){0,2}?(capacity|output|production|imports|exports|inventor(?:y|ies))\b", re.I)
LOSS_BEFORE = re.compile(r"\b(?:affect|impact|cut|reduc|los[te]|curtail|hit)\w*\s+(?:about|some|around|nearly|roughly)?\s*$", re.I)
SURVEY_SAMPLE = re.compile(r"\b(?:survey(?:ed)?|sampled?|involv\w+|covering|covered|covers|statistics? cover\w*)\b", re.I)
MONTH_LEVEL = re.compile(r"\b(?:from|than|versus|vs\.?)\s+(January|February|March|April|May|June|July|August|September|"
                          r"October|November|December)['’]s\s*$")
NO_PERIOD = "no period: the document names no report month (give it with --report-month)"
RESPECTIVELY = "a 'respectively' list: which label goes with which number needs checking"
# A clause whose subject is a company ("Hoshine Silicon Industry raised production ... up over 10,000 mt").
COMPANY_SUBJECT = re.compile(
    r"^\W*(?:[A-Z][\w&'’.-]*\s+){0,4}(?:Industry|Industries|Group|Co\.?|Company|Corp\.?|Corporation|Ltd\.?|Limited|Chemicals?|"
    r"Mining|Metals|Resources|Holdings|Nonferrous|Smelting|Refinery|Inc\.?)\b(?!\s+(?:output|production))")
# A change named by the noun after its figure: "representing a 3.47% increase", "a 5% YoY decline".
CHANGE_NOUN_AFTER = re.compile(rf"^\s*(?:{MARKERS}\s+)?({_CHANGE_NOUNS})\b", re.I)
# A figure the change starts from ("from 2.715 million in October", "from the record 3.171 million tonnes in August").
FROM_BASE = re.compile(r"\bfrom\s+(?:the\s+|a\s+)?(?:(?!to\b)(?:record|high|peak|previous|revised|[\w-]+)\s+){0,2}?(?:of\s+)?$|"
                       r"\b(?:previous|prior|former)\s+(?:record|high|peak|low)\b[^.;%]{0,35}?\bof\s+$", re.I)
# (also a record's figure: "beat the previous high for an individual month of 3.27 million tonnes in December")
# A change stated against another period after its figure: "2.3% lower than that in April", "5% higher than a year ago".
THAN_AFTER = re.compile(r"^\s*(higher|lower|more|less|above|below)\b(?:\s+than\s+(?!(?:the\s+)?(?:expect|initial|plan|previously))|"
                        rf"\s+{MARKERS}\b)",
                        re.I)
# A comparison marker right after a figure.
MARKER_AFTER = re.compile(rf"^\s*{MARKERS}\b", re.I)
# Output cut for maintenance: "cut the production by 15,000 mt for maintenance".
CUT_BY = re.compile(r"\b(?:cut|reduc\w*|lower\w*|los[te]|curtail\w*)\s+(?:the\s+|their\s+|its\s+)?(?:production|output)"
                    r"\s+by\s*$", re.I)
FOR_MAINTENANCE = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:for|due to|because of|during|amid)\s+(?:\w+\s+){0,2}"
                             r"(?:maintenance|overhauls?)\b", re.I)
# One plant, smelter or project as the clause's subject: its figure is not the commodity's.
ONE_PLANT = re.compile(r"(?:^|[.;,]\s*)(?:as planned,\s*)?(?:the|this|its)\s+(?:plant|smelter|refinery|project|company|mill|"
                       r"mine|facility|potline)\b[^.;]*$", re.I)
# "Rio Tinto's Yarwun alumina refinery ...": a plant a company owns (a country's, "China's", is no company)
NAMED_PLANT = re.compile(r"\b(?!(?:China|Indonesia|India|Australia|Japan|Russia|Chile|Peru|Brazil|Canada|Guinea|Vietnam)['’])"
                         r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['’]s\s+(?:[A-Za-z][\w-]*\s+){0,3}"
                         r"(?:refinery|smelter|plant|mine|project|facility|potline)\b")
# "The output of a smelter in Central China reduced by 25%": one producer's output
ONE_PRODUCER_OUTPUT = re.compile(r"\b(?:output|production|operating rate) (?:at|of) (?:a|one|another) (?:[\w-]+ ){0,2}"
                                 r"(?:smelter|plant|mill|refinery|producer|factory|enterprise|company)\b", re.I)
# "The total output to be affected will reach 10,000 mt": output a cause takes, not the commodity's output
OUTPUT_AFFECTED = re.compile(r"\b(?:(?:output|production)\s+(?:to be\s+|being\s+)?(?:affected|lost|impacted)|"
                             r"(?:affected|lost|impacted)\s+(?:output|production))\b[^.;%]{0,25}$", re.I)
NATIONWIDE = re.compile(r"(?<![Ee]ast )(?<![Ww]est )(?<![Nn]orth )(?<![Ss]outh )(?<![Cc]entral )(?<!-)\b(?:China|China's|[Nn]ational|[Nn]ationwide|"
                        r"[Dd]omestic|industry-wide|SMM)\b")
# A size class's bound ("smelters with annual capacity greater than 100,000 mt"): it names the part, it is no figure.
SIZE_CLASS = re.compile(r"\b(?:with|of)\s+(?:an?\s+)?(?:annual\s+)?capacit(?:y|ies)\s+(?:of\s+)?(?:greater than|more than|above|"
                        r"over|below|under|less than|between|exceeding)\s*$", re.I)

# The largest change among producers ("the highest increase exceeding 1GW"): no change of the commodity's.
LARGEST_CHANGE = re.compile(rf"\b(?:highest|largest|biggest|smallest|sharpest)\s+(?:\w+\s+)?{_CHANGE_NOUNS}\b"
                            r"[^.;,]{0,20}$", re.I)
# A size class written as a range: "smelters with annual capacity of 50,000-100,000 mt".
CAPACITY_OF = re.compile(r"\b(?:with|of)\s+(?:an?\s+)?(?:annual\s+)?capacit(?:y|ies)\s+(?:of\s+)?$", re.I)
MAINTENANCE_WORD = re.compile(r"\b(?:maintenance|overhauls?)\b", re.I)
# "300-series accounted for 1.16 million mt": a part's output stated as its share of the whole.
ACCOUNTED_FOR = re.compile(r"\baccount\w*\s+for\s*$", re.I)
# "40.7 mtpy of completed primary aluminium capacity", "..., of which 36.6 mtpy is operational".
CAPACITY_AFTER = re.compile(r"\s*of\s+(?:[\w-]+\s+){0,4}?capacit", re.I)
OPERATIONAL_AFTER = re.compile(r"\s*(?:is|are|was|were|remained)?\s*(?:in\s+)?operati", re.I)
# "two smelters will reduce annual output by 150,000 mt": the output a year a change takes or adds.
ANNUAL_CHANGE = re.compile(rf"\b(?:{words('up_verb', 'down_verb')}|los[et]|losing)\s+(?:the\s+|their\s+|its\s+)?"
                           r"(?:annual|yearly)\b", re.I)
# "the estimated capacity of refining projects ... from 400,000 tonnes": a project's capacity.
PROJECT = re.compile(r"\bprojects?\b", re.I)

# A move told in the past tense (not "was", which SMM writes of forecast months too).
PAST_NO_MONTH = re.compile(r"\b(?:dropped|fell|rose|increased|decreased|declined|grew|slumped|surged|rebounded)\b")
# "It was also up 5.9 percentage points year on year": the sentence speaks of the figure of the one before.
PRONOUN_SUBJECT = re.compile(r"^\W*(?:It|This|That|The figure)\s+(?:\w+\s+)?(?:was|is|were|rose|fell|grew|increased|"
                             r"decreased|declined|dropped|edged|stood|came|saw|posted|recorded|registered|showed)\b")
# "an 8.4% drop in treatment charges": the change is of what follows "in".
CHANGE_IN = re.compile(rf"\s*(?:{MARKERS}\s+)?{_CHANGE_NOUNS}\s+in\s+", re.I)

# A change whose size moves: "the MoM decline expanding to 7%", "YoY growth narrowed to 3%". The noun is the
# change and gives its sign; the verb only says how its size moved ("expanding" is no rise, "narrowed" no fall).
CHANGE_SIZE_MOVED = re.compile(
    rf"\b(?P<noun>{_CHANGE_NOUNS})\b(?:\s+(?:in|of)\s+(?:[\w-]+\s+){{0,3}}?(?:output|production|supply|rates?))?"
    r"(?:\s+(?:has|have|had|was|were|is|been|further|also|then))*\s+"
    r"(?:expand|widen|narrow|deepen|shrink|shrank|eas|slow|accelerat|quicken|moderat|enlarg|extend|increas|decreas|"
    r"grow|grew)\w*(?:\s+(?:further|slightly|sharply|again|markedly))?\s+to\s*$", re.I)

# A plant named inside the figure's clause as what the figure is of: "cut the capacity of its Kestrel Bay refinery
# by", "a refinery in Guinea will cut its capacity by", "the capacity of the Lowmoor refinery is set to fall".
PLANT_IN_CLAUSE = re.compile(
    r"\b(?:its|their|the|this|that|a|one|another)\s+(?:[\w&'’-]+\s+){0,3}?"
    r"(?:refinery|smelter|plant|mine|project|facility|potline|mill)\b"
    r"(?!\s+(?:output|production|supply|capacity|operating|industry|sector))[^.;,%\d]*$", re.I)
