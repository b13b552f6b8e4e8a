"""The cue categories of how a cause is given and which way it pushes: the words that give a cause ("due to", "driven
by"), the words that tie it to output, negate it or put it off, and the directed words of inputs, margins and demand
(`lexemes` says how a form is written, `<name>` naming another category's words; `lexicon` compiles them)."""

from __future__ import annotations

from extractor.text.lexemes import Category, categories_in, category, fixed, only, pairs


def _ordered(name: str, example: str, *forms: str) -> Category:
    return category(name, example, fixed(*forms), written_order=True)


# (a) what gives a cause ("output fell due to maintenance", "rose on strong demand", "weighed on by low prices")
CAUSE = category(
    "cause", "output fell due to maintenance and rose on strong demand",
    fixed("due to", "owing to", "because of", "because", "thanks to", "amid", "driven by", "supported by", "boosted by",
          "affected by", "stimulated by", "weighed by", "weighed on by", "given", "despite", "citing", "benefit* from",
          "hit by", "hurt by", "pressured by", "as", "on", "with", "under", "from", "for", "during", "after", "since",
          "when", "which"))
# Narrower sets of those, each as one rule reads it:
# a demand word after one is a cause of the figure, not its subject ("rose 3% as demand improved")
CAUSE_BEFORE = category(
    "cause_before", "output rose 3% as demand improved",
    only(CAUSE, "as", "because of", "due to", "owing to", "thanks to", "amid", "on", "driven by", "supported by",
         "boosted by", "weighed by", "weighed on by", "given", "despite", "with"))
# a month named after one is the cause's ("up 49% from a year ago, because smelters halted in June")
CAUSE_BETWEEN = category(
    "cause_between", "up 49% from a year ago because smelters halted in June",
    only(CAUSE, "because", "due to", "owing to", "thanks to", "amid", "after", "since", "when", "which"))
# maintenance given as what output was cut for ("cut by 15,000 mt for maintenance")
MAINTENANCE_CAUSE = category("maintenance_cause", "output was cut by 15,000 mt for maintenance",
                             only(CAUSE, "for", "due to", "because of", "during", "amid"))
# a price given as the cause ("smelters cut output due to low prices", "under high prices")
PRICE_CAUSE = category(
    "price_cause", "smelters cut output due to low prices",
    only(CAUSE, "due to", "owing to", "because of", "amid", "given", "thanks to", "driven by", "affected by",
         "supported by", "benefit* from", "stimulated by", "hit by", "hurt by", "pressured by", "under", "with", "as",
         "on", "citing", "from"))
# a sentence that gives a cause at all ("mainly", "led to", "weighed on"): else a market remark is no driver
CAUSAL = category(
    "causal", "output fell, mainly because smelters cut runs",
    only(CAUSE, "due to", "driven by", "because", "owing to", "amid", "affected by", "supported by", "thanks to",
         "given", "citing", "hit by", "hurt by", "pressured by"),
    fixed("mainly", "primarily", "boost*", "led to", "leading to", "resulting in", "caused", "dragg*", "contribut*",
          "as a result", "impact by", "impacted by", "weigh*", "offset", "spur*", "curb*", "suppress*"))
# what a price did to output ("the price rebound boosted production", "low prices forced cuts")
CAUSE_VERB = category(
    "cause_verb", "the price rebound boosted output",
    fixed("boost*", "stimulat*", "dampen*", "weigh*", "prompt*", "encourag*", "support*", "driv*", "drov*", "curb*",
          "suppress*", "led", "lead*", "result*", "caus*", "spur*", "inject*", "motivat*", "incentiv*", "forc*",
          "push*", "hit", "squeez*", "improv*", "enhanc*", "rais*", "lift*", "willing*", "keen", "eager"))
PRICE_MOVE = _ordered("price_move", "the copper market downturn cut output",
                      "price[s]", "downturn in the {w} market", "{w} market <market_turn>")
# the sentence after a cause that states its result ("As a result, the operating rate is expected to rise")
RESULT_LEAD = category(
    "result_lead", "As a result, output is expected to rise",
    fixed("As a result", "Therefore", "Thus", "Consequently", "Hence", "Because of this", "This led", "This resulted"),
    pairs(("Under these", "Under such"), ("circumstances", "conditions")))

# (b) what ties a cause to output, or says it is not at work
LINKED = category(
    "linked", "high prices lifted production enthusiasm",
    fixed("<output_word>", "produce", "produced", "producing", "producer", "producers", "operating rate[s]",
          "enthusiasm", "incentive", "cut*", "curtail*", "<restart>", "halt*", "suspend*", "idl*", "utilisation",
          "utilization"))
ABOUT_OUTPUT = category(
    "about_output", "smelters cut output",
    fixed("<output_word>", "produc*", "operating rate[s]", "supply", "smelter[s]", "plant[s]", "mill[s]", "refinery",
          "refineries", "capacity", "capacities", "operation[s]", "furnace[s]", "potline[s]", "enterprises",
          "factories", "industry"))
NOT_HAPPENING = category(
    "not_happening", "smelters have no plans to resume",
    fixed("no {1}plan[s] to", "no", "no new", "no further", "no additional", "no major", "not", "not yet", "yet to",
          "failed to", "unlikely to", "unknown whether", "unclear whether", "uncertain whether", "difficult to",
          "without"))
UNSURE = category(
    "unsure", "the restart depends on prices",
    fixed("depend[s]", "hinge[s]", "will depend", "remain[s] unclear", "remain[s] uncertain", "remain[s] to be seen",
          "difficult", "unlikely", "have to wait", "has to wait", "had to wait"),
    pairs(("may", "will", "would"), ("have to wait", "has to wait", "had to wait")))
NEGATION = category("negation", "demand did not show improvement",
                    fixed("not", "no", "never", "without", "fail* to", "lack of"))
HELD_BACK = category("held_back", "smelters had not resumed after the holiday",
                     fixed("not", "only", "yet to", "slow", "slowly", "delay*", "fail* to"))
# a holiday ended in words of its own, and output back after one
HOLIDAY_ENDED = category(
    "holiday_ended", "the holiday factor was eliminated",
    fixed("eliminat*", "excluded", "ended", "fad*", "subsid*", "recover* from", "return* from",
          "recovery of [full ]production"))
BACK_SUBJECT = category("back_subject", "operating rates recovered", fixed("operating rate[s]", "output", "production"))
BACK_OBJECT = category("back_object", "smelters recovered operations",
                       fixed("production", "output", "operation[s]", "operating"))
BACK_AFTER = _ordered(
    "back_after", "smelters resumed operations after the holiday",
    "<restart>", "return* to normal", "back to normal", "return* of {2}workers", "<back_subject> {4}<up_verb@past>",
    "recover* {2}<back_object>", "<back_subject> {2}recover*")
# a stoppage ended ("returned to production from maintenance"): a resumption, not a maintenance push
MAINTENANCE_ENDED = category(
    "maintenance_ended", "smelters returned from maintenance",
    fixed("<restart>", "return*", "complet*", "finish*", "ended", "conclud*", "recover* from",
          "after [the ]<maintenance>", "back online"))

# (c) which way a market cause went: demand, inputs and margins
WEAK_MARKET = _ordered(
    "weak_market", "demand was sluggish and the peak season ended",
    "weak*", "sluggish*", "lack*", "off\\-season", "slow*", "soft*", "poor", "limited", "cautious*", "subdued",
    "decreas*", "no {1}improvement", "low {1}confidence", "destock*", "tepid", "muted", "declin*", "drop*", "fell",
    "fall*", "shrink*", "contract*", "dampen*", "suppress*", "peak season ended", "season ended", "season is over",
    "season passed", "peak ended", "peak is over", "peak passed")
DEMAND_STRONG = _ordered(
    "demand_strong", "orders stayed high",
    "<market_up>", "high", "exceed*", "stockpil*", "scheduled", "backlog[s]", "restock*", "drove", "driv*",
    "peak season")
DEMAND_SUBJECT = category("demand_subject", "orders rose",
                          fixed("demand", "orders", "procurement", "purchas*", "consumption"))
DEMAND_VERB = category(
    "demand_verb", "demand rebounded",
    fixed("ros*", "rose", "increas*", "grew", "grow*", "recover*", "rebound*", "strong*", "weak*", "declin*",
          "decreas*", "fell", "fall*", "dropped", "shrank*", "shrink*", "shrunk*", "slow*"))
DEMAND_STATE_VERB = category("demand_state_verb", "demand remained weak",
                             fixed("remain*", "has been", "have been", "was", "were", "is", "are", "stayed"))
DEMAND_STATE = category("demand_state", "demand stayed robust",
                        fixed("high", "strong", "weak", "sluggish", "poor", "robust", "subdued"))
DEMAND_ADJECTIVE = category("demand_adjective", "weak downstream orders",
                            fixed("strong", "weak", "sluggish", "robust", "rising", "falling", "recovering",
                                  "increased", "reduced"))
DEMAND_OBJECT = category("demand_object", "strong procurement", fixed("demand", "orders", "procurement"))
SUPPLY_TIGHT = _ordered(
    "supply_tight", "tight ore supply and falling TCs",
    "tight*", "short*", "scarc*", "insufficient", "constrain*", "deplet*", "strain*", "supply gap[s]",
    "procurement difficult*", "difficult* [in ]<procure>", "<supply_cut> {3}suppl*", "suppl* {3}<supply_fell>",
    "<feed_up> {3}<feed> price[s]", "<high_price> price[s] of {2}<feed>", "<feed> price[s] {3}<feed_price_up>",
    "<grade_down> {2}[ore ]grade[s]", "<tc_down> {3}TC[s]", "TC[s] {3}<tc_down>", "<stock_noun> {3}<stock_down>")
PROCURE = category("procure", "difficulties in procurement", fixed("procur*", "sourcing"))
SUPPLY_CUT = category("supply_cut", "disrupted ore supply",
                      fixed("reduc*", "declin*", "fall*", "fell", "drop*", "shrink*", "limited", "disrupt*"))
SUPPLY_FELL = category("supply_fell", "supply tightened",
                       fixed("reduc*", "declin*", "fell", "fall*", "drop*", "shrank", "tighten*", "disrupt*"))
FEED_UP = category("feed_up", "rising ore prices", fixed("high", "higher", "rising", "rise", "rises", "surg*"))
HIGH_PRICE = category("high_price", "high prices of ore", fixed("high", "higher", "rising"))
FEED_PRICE_UP = category(
    "feed_price_up", "ore prices climbed",
    fixed("ros*", "rose", "increase", "increased", "increases", "increasing", "climb*", "surg*", "high"))
GRADE_DOWN = category("grade_down", "declining ore grades", fixed("declin*", "lower", "low", "fall*", "poor"))
GRADE_UP = category("grade_up", "higher ore grades", fixed("higher", "high", "better", "improv*", "richer", "rising"))
TC_DOWN = category("tc_down", "negative TCs", fixed("declin*", "fall*", "fell", "low", "negative"))
STOCK_NOUN = category("stock_noun", "stocks fell", fixed("inventor*", "stock[s]"))
STOCK_DOWN = category("stock_down", "inventories declined", fixed("low", "declin*", "fell", "fall*", "decreas*"))
SUPPLY_EASY = _ordered(
    "supply_easy", "ample ore supply",
    "ample", "sufficient", "abundant", "adequate", "eased", "easing", "loosen*", "existing stocks",
    "<better> {2}<availability>", "<available> {2}<better>", "<more_supply> {3}suppl*",
    "<grade_up> {2}[ore ]grade[s]")
BETTER = category("better", "supply improved", fixed("improv*", "recover*"))
AVAILABILITY = category("availability", "improved availability",
                        fixed("suppl*", "availability", "inventor*", "stock[s]", "import[s]"))
AVAILABLE = category("available", "imports recovered", fixed("suppl*", "availability", "import[s]"))
MORE_SUPPLY = category("more_supply", "more supply",
                       fixed("increase", "increased", "increases", "increasing", "rise", "rises", "rising", "rose",
                             "more"))
MARGIN_GOOD = _ordered(
    "margin_good", "profits improved and costs fell",
    "<margin_lead> {3}<margin_noun>", "<margin_noun> {3}<margin_rose>", "<cost_cut> {4}cost[s]",
    "cost[s] {3}<cost_fell>", "low\\-cost", "turned [from loss ]to profit", "margin recovery", "cost advantage[s]",
    "cost support", "<loss_eased> {3}<loss_noun>", "loss[es] {3}<loss_better>")
MARGIN_LEAD = _ordered(
    "margin_lead", "healthy margins",
    "good", "strong", "high", "higher", "improv*", "ris*", "rose", "widen*", "strengthen*", "recover*", "expan* of",
    "expan*", "healthy", "better", "stable", "moderate", "guarantee*", "enjoy*", "hedging", "positive")
MARGIN_NOUN = category("margin_noun", "processing fees rose", fixed("profit*", "margin[s]", "fee[s]", "spread[s]"))
MARGIN_ROSE = category("margin_rose", "margins widened",
                       fixed("improv*", "ros*", "rose", "widen*", "strengthen*", "recover*", "expand*", "higher"))
COST_CUT = category("cost_cut", "lower costs", fixed("decreas*", "declin*", "fall*", "lower", "drop*", "reduc*"))
COST_FELL = category("cost_fell", "costs eased", fixed("fell", "declin*", "decreas*", "dropp*", "eas*"))
LOSS_EASED = category("loss_eased", "offset losses", fixed("offset*", "alleviat*", "eas*", "reduc*", "narrow*"))
LOSS_NOUN = category("loss_noun", "eased cost pressures", fixed("loss[es]", "cost pressure[s]"))
LOSS_BETTER = category("loss_better", "losses narrowed", fixed("improv*", "eas*", "narrow*", "shrank", "reduc*"))
MARGIN_BAD = _ordered(
    "margin_bad", "losses deepened as costs rose",
    "loss[es]", "loss\\-making", "squeez*", "inver*", "pressure[s]", "unfavourable", "unfavorable", "poor {1}profit*",
    "<cost_rise_lead> {3}cost[s]", "cost[s] {3}<cost_rose>", "<margin_thin> {3}<margin_fee>",
    "<margin_fee> {3}<margin_fell>")
COST_RISE_LEAD = category("cost_rise_lead", "rising costs", fixed("high", "higher", "ris*", "rose", "increas*"))
COST_ROSE = category("cost_rose", "costs climbed", fixed("ros*", "rose", "increas*", "climb*", "surg*"))
MARGIN_THIN = category("margin_thin", "thin margins",
                       fixed("thin", "narrow*", "shrink*", "declin*", "fall*", "lower", "weak*", "compress*"))
MARGIN_FEE = category("margin_fee", "fees fell", fixed("profit*", "margin[s]", "fee[s]"))
MARGIN_FELL = category("margin_fell", "margins narrowed",
                       fixed("fell", "declin*", "shrank", "narrow*", "dropp*", "compress*"))

CATEGORIES = categories_in(globals())
