"""The words causes are written in: each driver category's cues, the words that set its push on output, and the
cues that make one category another ("returned to production from maintenance" is a resumption).

Each entry is (category, cue, default effect, words that flip the effect). A flip is looked for in the clause
that names the cue, so one sentence can carry a cause of each push.
"""

from __future__ import annotations

import re


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_UP_GENERAL = (r"\b(?:strong|robust|boost\w*|increas\w*|ris(?:e|es|ing)|rose|higher|rebound\w*|improv\w*|recover\w*|"
               r"greater|more|spurr?\w*|support\w*|stable|steady|thriving|growth|grew|pick(?:ed|ing)? up|firm|resilient)\b")

CATEGORIES: list[tuple[str, re.Pattern[str], str, re.Pattern[str] | None]] = [
    ("holiday", _words(r"\b(?:chinese new year|spring festival|lantern festival|national day|double festival|lebaran|"
                       r"ramadan|christmas|dragon boat|mid-autumn|golden week|holidays?|festival breaks?)\b"), "down",
     _words(r"\b(?:subsid\w*|eliminat\w*|excluded|after (?:the )?|post-|ended|fad\w*|recover\w*|return\w* from)\b")),
    ("calendar", _words(r"\b(?:production days|working days|workdays|calendar days|fewer days|one day less|one less day|days in|"
                        r"number of days|statistical cycles?|(?:longer|shorter) (?:calendar )?month|(?:is|was|being) (?:longer|shorter) than|"
                        r"one (?:more|fewer|extra) day|extra days?)\b"), "down",
     _words(r"\b(?:more|increase\w*|additional|extra|ris(?:e|es|ing)|rose|higher|longer|extended)\b[^.;]{0,30}\b(?:days|workdays)\b"
            r"|\bdays\b[^.;]{0,20}\b(?:more|increase)|\bextended statistical|\blonger (?:calendar )?month\b|\b(?:is|was) longer than\b|"
            r"\bone (?:more|extra) day\b|\bextra days?\b")),
    ("maintenance", _words(r"\bmaintenance\b|\boverhaul\w*\b|\btechnological (?:transformation|upgrade)s?\b|"
                           r"\bcold repairs?\b|\bequipment upgrad\w*"), "down",
     _words(r"\blower than expected\b|\b(?:few|fewer|less|little)\s+(?:\w+\s+)?maintenance\b")),
    ("resumption", _words(r"\bresum\w*\b|\brestart\w*\b|\breturn\w* (?:to (?:normal )?(?:production|operations?|output)|"
                          r"online|from maintenance)\b|\bback online\b|\bbrought back\b|"
                          r"\brecover\w* (?:production|output|to full)\b|\b(?:production|output) recovery\b|"
                          r"\brecovery (?:of|in) (?:production|output)\b|\brecover\w* from (?:the |its )?(?:\w+ )?maintenance\b|\b(?:completion|end|conclusion) of (?:the )?"
                          r"(?:\w+ )?maintenance|\bmaintenance (?:ended|was completed|concluded)\b|"
                          r"\breturn of (?:\w+ ){0,3}maintenance|\b(?:finished|completed|ended|concluded) (?:\w+ )?maintenance\b"), "up",
     _words(r"\b(?:slow|slower|sluggish|lagging)\s+(?:\w+\s+)?(?:resum\w*|restart\w*)|\b(?:resum\w*|restart\w*)\s+"
            r"(?:\w+\s+){0,3}(?:was|were|remained|proceeded)\s+(?:\w+\s+)?(?:slow\w*|sluggish)")),
    ("new_capacity", _words(r"\bnew(?:ly)?[- ](?:[\w-]+ )?(?:capacit\w+|production lines?|projects?|smelters?|lines?|"
                            r"plants?|furnaces?|potlines?|commissioned|expanded|built|added|ignited)\b|\b(?-i:commission\w*)\b|\bCommission(?:ed|ing)\b|\bramp(?:ing|ed|s)?[- ]up\b|"
                            r"\bput into (?:production|operation)\b|\bexpanded capacit\w+|\bcapacity (?:growth|expansion)\b"),
     "up", _words(r"\blower than expected\b|\bdelay\w*\b|\bpostpon\w*\b")),
    ("weather_seasonal", _words(r"\b(?:dry season|rainy season|heating season|winter(?! (?:stockpil\w*|dismantl\w*|restock\w*|"
                                r"storage|procurement|demand))|cold weather|temperatures?|weather|"
                                r"flood\w*|mudslides?|natural disasters?|heat(?:wave)?|hot weather|rainfall|typhoons?|"
                                r"(?:heavy |torrential )rains?|rainstorms?|downpours?|"
                                r"drought|summer(?! (?:overhaul|maintenance|shutdown|off-season|offseason)))\b"), "down",
     _words(r"\b(?:warm\w*|end of the (?:rainy|dry|heating)|after the (?:rainy|dry|heating|winter)|wet season|"
            r"(?:season|winter) end\w*|advantag\w*|benefit\w*|favou?rable|preferential|cheap\w*|diminish\w*|"
            r"arrival of spring|eas(?:ed|ing)|"
            # the rainy (flood, high-water) season brings hydropower: output back where the clause says so
            r"(?:electricity|power) (?:prices?|charges?|tariffs?)[^.;]{0,50}\b(?:rainy|wet|flood|high[- ]water) season|"
            r"(?:rainy|wet|flood|high[- ]water) season[^.;]{0,100}\bhydro\w*|"
            r"(?:as|with|during|amid|in|entered|for)\s+(?:the\s+|a\s+)?(?:rainy|flood|high[- ]water) season[^.;]{0,140}\b(?:resum\w*|restart\w*|reopen\w*|ramp\w* up|hydro\w*)|"
            r"(?:resum\w*|restart\w*|reopen\w*|recover\w*)[^.;]{0,60}\b(?:rainy|flood|high[- ]water) season)\b")),
    ("policy_environment", _words(r"\b(?:environmental protection|environmental|polic(?:y|ies)|regulat\w*|quotas?|licen[cs]e\w*|"
                                  r"inspect\w*|self-(?:regulation|discipline)|anti-involution|power (?:rationing|restrictions?|"
                                  r"cuts?|shortages?|curbs?|outages)|electricity (?:rationing|restrictions?)|energy consumption|"
                                  r"dual control|production restrictions?|safety (?:checks?|inspections?)|emission\w*)\b"), "down",
     _words(r"\b(?:eas(?:ed|ing)|loosen\w*|lift\w*|relax\w*|ended|complet\w*|renew\w*|benefit\w*|supportive|stimul\w*|"
            r"favou?rable|incentives?|"
            r"(?:licen[cs]e\w*|permits?|quotas?)[^.;]{0,30}\bissued|issued[^.;]{0,20}\b(?:licen[cs]e\w*|permits?|quotas?))\b")),
    # ("issued" eases a policy only where licences, permits or quotas are what was issued, not a rationing notice)
    ("raw_material", _words(r"\b(?:raw materials?|ores?|concentrates?|feedstock\w*|scrap|TCs?|blister copper|anode copper|"
                            r"bauxite|laterite|silica|feed supply|supply of raw|ore supply)\b"), "down",
     _words(r"\b(?:ample|sufficient|improv\w*|eased|abundant|existing stocks|adequate|loosen\w*|recover\w*)\b")),
    ("cost_margin", _words(r"\b(?:loss(?:es)?|profit\w*|margins?|costs?|low-cost|processing fees?|cost inversion)\b"), "down",
     _words(r"\b(?:profit(?:s|ability)? (?:improved|recover\w*|expand\w*|rose|widen\w*)|(?:high|higher|improved|rising) "
            r"profit\w*|offset|turned from loss to profit|profitab\w+ improved|low-cost|margin recovery|"
            r"(?:lower|falling|declin\w+) costs?)\b")),
    ("price", _words(r"(?<!raw material )(?<!ore )(?<!concentrate )(?<!power )(?<!electricity )(?<!coal )\bprices?\b(?! of (?:\w+ ){0,2}(?:raw materials?|ores?|concentrates?|feedstock|scrap))"
                     r"|\bthe \w+ market\b(?= (?:downturn|slump|rally))|\bdownturn in the \w+ market\b"), "down",
     _words(r"\b(?:high|higher|ris(?:e|es|ing)|rose|increas\w*|rall\w*|strong|firm|keeps? increasing|incentive|surg\w*)\b")),
    ("demand", _words(r"\b(?:demand|orders?|off-season|peak season|consumption|(?<!material )procurement|stockpiling|purchas\w*|"
                      r"(?:downstream|end-use|terminal|consumer) (?:[\w-]+ )?markets?|restocking|terminal sales)\b"),
     "down", _words(_UP_GENERAL + r"|\bpeak season\b|\bstockpiling\b")),
    ("trade", _words(r"\b(?:anti-dumping|anti-subsidy|countervailing|tariffs?|export (?:bans?|controls?|restrictions?|polic\w*|"
                     r"quotas?|tax\w*|rebates?)|trade (?:polic\w*|wars?|frictions?|barriers?|tensions?|disputes?)|"
                     r"net imports?|import (?:supply|gap|windows?|arbitrage)|imports? (?:surg\w*|flood\w*))\b"), "down",
     _words(r"\b(?:gap|filled by domestic|rebates? (?:\w+ ){0,2}(?:rais\w*|increas\w*|restor\w*)|window (?:\w+ ){0,2}clos\w*|"
            r"lift\w*|eas\w*|remov\w*|stockpil\w*)\b")),
    ("other", _words(r"\b(?:outages?|accidents?|force majeure|(?:catch up with|complet\w*|fulfil\w*|achiev\w*) (?:\w+ ){0,3}"
                     r"(?:production )?(?:plans?|targets?|goals?)|annual (?:production )?(?:targets?|goals?)|"
                     r"production goals?|inventory pressures?|high inventor(?:y|ies)|sample (?:enterprises|changes?)|"
                     r"number of sample|upgrade projects?|pandemic|epidemic|covid\S*|"
                     r"(?:switch\w*|shift\w*) (?:\w+ ){0,3}(?:production|lines?) (?:\w+ ){0,3}to)\b"), "down",
     _words(r"\bcatch up\b|\bincrease in the number of sample|\bmore sample|\b(?:alleviat\w*|subsided|eased|ended|"
            r"over|resolved|lifted)\b")),
]

# Words that make a market cause push output down whatever else the clause says ("lacking support from demand",
# "the peak season ended", "demand entered the off-season").
WEAK_MARKET = _words(r"\b(?:weak\w*|sluggish\w*|lack\w*|off-season|slow\w*|soft\w*|poor|limited|cautious\w*|subdued|"
                     r"decreas\w*|no (?:\w+ )?improvement|low (?:\w+ )?confidence|"
                     r"destock\w*|tepid|muted|declin\w*|drop\w*|fell|fall\w*|shrink\w*|contract\w*|dampen\w*|"
                     r"suppress\w*|peak season ended|(?:season|peak) (?:ended|is over|passed))\b")

DEMAND_STRONG = _words(_UP_GENERAL + r"|\b(?:high|exceed\w*|stockpil\w*|scheduled|backlogs?|restock\w*|"
                       r"drove|driv\w+|peak season)\b")

# Inputs and margins push output by their direction; a clause that names none ("smelters using copper
# concentrates", "raw material composition") states no cause.
SUPPLY_TIGHT = _words(r"\b(?:tight\w*|short\w*|scarc\w*|insufficient|constrain\w*|deplet\w*|strain\w*|supply gaps?|"
                      r"procurement difficult\w*|difficult\w* (?:in )?(?:procur\w*|sourcing)|"
                      r"(?:reduc\w*|declin\w*|fall\w*|fell|drop\w*|shrink\w*|limited|disrupt\w*) (?:\w+ ){0,3}suppl\w*|"
                      r"suppl\w* (?:\w+ ){0,3}(?:reduc\w*|declin\w*|fell|fall\w*|drop\w*|shrank|tighten\w*|disrupt\w*)|"
                      r"(?:high|higher|rising|ris(?:e|es)|surg\w*) (?:\w+ ){0,3}(?:raw materials?|ores?|concentrates?|"
                      r"feedstock|scrap) prices?|(?:high|higher|rising) prices? of (?:\w+ ){0,2}(?:raw materials?|ores?|"
                      r"concentrates?|feedstock|scrap)|(?:raw materials?|ores?|concentrates?|feedstock|scrap) prices? (?:\w+ ){0,3}"
                      r"(?:ros\w*|rose|increas(?:e|ed|es|ing)\b|climb\w*|surg\w*|high)|"
                      r"(?:declin\w*|lower|low|fall\w*|poor) (?:\w+ ){0,2}(?:ore )?grades?|"
                      r"(?:declin\w*|fall\w*|fell|low|negative) (?:\w+ ){0,3}TCs?|TCs? (?:\w+ ){0,3}(?:declin\w*|fell|fall\w*|"
                      r"negative|low)|(?:inventor\w*|stocks?) (?:\w+ ){0,3}(?:low|declin\w*|fell|fall\w*|decreas\w*))\b")
SUPPLY_EASY = _words(r"\b(?:ample|sufficient|abundant|adequate|eas(?:ed|ing)|loosen\w*|existing stocks|"
                     r"(?:improv\w*|recover\w*) (?:\w+ ){0,2}(?:suppl\w*|availability|inventor\w*|stocks?|imports?)|"
                     r"(?:suppl\w*|availability|imports?) (?:\w+ ){0,2}(?:improv\w*|recover\w*)|"
                     r"(?:increas(?:e|ed|es|ing)\b|ris(?:e|es|ing)|rose|more) (?:\w+ ){0,3}suppl\w*)\b")
MARGIN_GOOD = _words(r"\b(?:(?:good|strong|high|higher|improv\w*|ris\w*|rose|widen\w*|strengthen\w*|recover\w*|"
                     r"expan\w*(?: of)?|healthy|better|stable|moderate|guarantee\w*|enjoy\w*|hedging|positive) "
                     r"(?:\w+ ){0,3}(?:profit\w*|margins?|fees?|spreads?)|"
                     r"(?:profit\w*|margins?|fees?|spreads?) (?:\w+ ){0,3}(?:improv\w*|ros\w*|rose|widen\w*|strengthen\w*|"
                     r"recover\w*|expand\w*|higher)|(?:decreas\w*|declin\w*|fall\w*|lower|drop\w*|reduc\w*) (?:\w+ ){0,4}costs?|"
                     r"costs? (?:\w+ ){0,3}(?:fell|declin\w*|decreas\w*|dropp\w*|eas\w*)|low-cost|turned (?:from loss )?to profit|"
                     r"margin recovery|cost (?:advantages?|support)|"
                     r"(?:offset\w*|alleviat\w*|eas\w*|reduc\w*|narrow\w*) (?:\w+ ){0,3}(?:loss(?:es)?|cost pressures?)|"
                     r"loss(?:es)? (?:\w+ ){0,3}(?:improv\w*|eas\w*|narrow\w*|shrank|reduc\w*))\b")
MARGIN_BAD = _words(r"\b(?:loss(?:es)?|loss-making|squeez\w*|inver\w*|pressures?|unfavou?rable|poor (?:\w+ )?profit\w*|(?:high|higher|ris\w*|rose|increas\w*) "
                    r"(?:\w+ ){0,3}costs?|costs? (?:\w+ ){0,3}(?:ros\w*|rose|increas\w*|climb\w*|surg\w*)|"
                    r"(?:thin|narrow\w*|shrink\w*|declin\w*|fall\w*|lower|weak\w*|compress\w*) (?:\w+ ){0,3}"
                    r"(?:profit\w*|margins?|fees?)|(?:profit\w*|margins?|fees?) (?:\w+ ){0,3}(?:fell|declin\w*|shrank|"
                    r"narrow\w*|dropp\w*|compress\w*))\b")

# A clause that ends a stoppage ("returned to production from maintenance", "resumed after maintenance") states
# a resumption, not a maintenance push.
MAINTENANCE_ENDED = _words(r"\b(?:resum\w*|restart\w*|return\w*|complet\w*|finish\w*|ended|conclud\w*|recover\w* from|after (?:the )?"
                           r"maintenance|back online)\b")

# A clause that only says a price or a demand is unchanged or at a level drives nothing in particular.
CAUSAL = _words(
    r"\b(?:due to|mainly|primarily|driven by|because|owing to|amid|affected by|supported by|boost\w*|"
    r"led to|leading to|resulting in|caused|dragg\w*|contribut\w*|thanks to|as a result|impact(?:ed)? by|"
    r"given|citing|weigh\w*|offset|spurr?\w*|curb\w*|suppress\w*)\b")
