"""The driver cues: each driver category's cues (`<category>_cue`: the words that name the cause, read in the order
written, the first that fits giving the quote) and the words that turn its push on output the other way
(`<category>_flip`), with the words they share (`lexemes` says how a form is written, `<name>` naming another
category's words; `lexicon` compiles them; `rules/driver_words` sets each category's push)."""

from __future__ import annotations

from extractor.text.lexemes import Category, categories_in, category, fixed, word


def _cues(name: str, example: str, *forms: str) -> Category:
    return category(name, example, fixed(*forms), written_order=True)


# (a) words the cues share
RESTART = category("restart", "smelters resumed production", fixed("resum*", "restart*"))
RETURN = category("return", "output returned to normal", fixed("return*"))
RECOVER = category("recover", "output recovered from maintenance", fixed("recover*"))
OPERATION_WORD = category("operation_word", "returned to normal operations",
                          fixed("production", "operations", "operation", "output"), written_order=True)
END_NOUN = category("end_noun", "the completion of maintenance", fixed("completion", "end", "conclusion"))
END_VERB = category("end_verb", "smelters finished maintenance", fixed("finished", "completed", "ended", "concluded"))
LITTLE = category("little", "few smelters held maintenance", fixed("few", "fewer", "less", "little"))
PUT_OFF = category("put_off", "the restart was postponed", fixed("delay*", "postpon*"))
MARKET_TURN = category("market_turn", "the copper market downturn", fixed("downturn", "slump", "rally"))
LOWER_THAN_EXPECTED = category("lower_than_expected", "maintenance was lower than expected",
                               fixed("lower than expected"))
MORE_DAYS = category(
    "more_days", "one more working day in May",
    fixed("more", "increase*", "additional", "extra", "rise", "rises", "rising", "rose", "higher", "longer",
          "extended"), written_order=True)
DAY_WORD = category("day_word", "more working days", fixed("days", "workdays"))
MORE_OR_INCREASE = category("more_or_increase", "days were more", fixed("more*", "increase*"))
SLOW_PACE = category("slow_pace", "slow resumption", fixed("slow", "slower", "sluggish", "lagging"))
PROCEEDED = category("proceeded", "restarts were slow", fixed("was", "were", "remained", "proceeded"))
SLOW_STATE = category("slow_state", "restarts were slow", fixed("slow*", "sluggish"))
NEW_THING = category(
    "new_thing", "new capacity was commissioned",
    fixed("capacit*", "production line[s]", "project[s]", "smelter[s]", "line[s]", "plant[s]", "furnace[s]",
          "potline[s]", "commissioned", "expanded", "built", "added", "ignited"), written_order=True)
SEASON_KIND = category("season_kind", "the end of the rainy season", fixed("rainy", "dry", "heating"))
AFTER_SEASON = category("after_season", "after the winter", fixed("rainy", "dry", "heating", "winter"))
POWER_PRICE = category(
    "power_price", "power prices in the wet season",
    *(fixed(f"{power} {what}[s]") for power in ("electricity", "power") for what in ("price", "charge", "tariff")))
WET_SEASON = category("wet_season", "the flood season", fixed("rainy", "wet", "flood", "high-water"))
FLOOD_SEASON = category("flood_season", "the flood season", fixed("rainy", "flood", "high-water"))
SEASON_ENTRY = category("season_entry", "as the rainy season came",
                        fixed("as", "with", "during", "amid", "in", "entered", "for"))
SEASON_RESTART = category("season_restart", "hydropower smelters restarted",
                          fixed("resum*", "restart*", "reopen*", "ramp* up", "hydro*"))
SEASON_RESTARTED = category("season_restarted", "smelters restarted in the rainy season",
                            fixed("resum*", "restart*", "reopen*", "recover*"))
PERMIT = category("permit", "licences were issued", fixed("licence*", "license*", "permit[s]", "quota[s]"))
PROFIT_NOUN = category("profit_noun", "profits improved", fixed("profit", "profits", "profitability"))
PROFIT_UP = category("profit_up", "profits improved", fixed("improved", "recover*", "expand*", "rose", "widen*"))
PROFIT_ADJECTIVE = category("profit_adjective", "higher profits", fixed("high", "higher", "improved", "rising"))
COST_DOWN = category("cost_down", "lower costs", fixed("lower", "falling", "declin*"))
MARKET_SIDE = category("market_side", "downstream markets", fixed("downstream", "end\\-use", "terminal", "consumer"))
REBATE_UP = category("rebate_up", "export rebates were raised", fixed("rais*", "increas*", "restor*"))
ACHIEVE = category("achieve", "smelters rushed to complete annual targets",
                   fixed("catch up with", "complet*", "fulfil*", "achiev*", "meet", "meeting", "hit"))
TARGET = category("target", "annual production targets", fixed("plan[s]", "target[s]", "goal[s]"))
SWITCH_TO = category("switch_to", "lines switched to other products", fixed("production", "line[s]"))
# words that say a market moved up or is strong ("strong demand", "orders picked up")
MARKET_UP = category(
    "market_up", "downstream demand picked up",
    fixed("strong", "robust", "boost*", "increas*", "rise", "rises", "rising", "rose", "higher", "rebound*", "improv*",
          "recover*", "greater", "more", "spur*", "support*", "stable", "steady", "thriving", "growth", "grew",
          "pick up", "picked up", "picking up", "firm", "resilient", "brisk", "buoyant", "healthy", "solid"),
    written_order=True)

# (b) each driver category's cues and the words that turn its push the other way
HOLIDAY_CUE = _cues(
    "holiday_cue", "output fell over the Spring Festival",
    "chinese new year", "spring festival", "lantern festival", "national day", "double festival", "lebaran", "ramadan",
    "christmas", "dragon boat", "mid\\-autumn", "golden week", "holiday[s]", "festival break[s]", "lunar new year",
    # "CNY" is the holiday only where it names a stoppage (else it is the currency: "CNY 40/kg")
    "cny holiday[s]", "cny closure[s]", "cny break[s]", "cny shutdown[s]", "cny period")
HOLIDAY_FLIP = _cues(
    "holiday_flip", "output recovered after the holiday",
    "subsid*", "eliminat*", "excluded", "after [the ]", "post-", "ended", "fad*", "recover*", "return* from")
CALENDAR_CUE = _cues(
    "calendar_cue", "May had fewer working days",
    "production days", "working days", "workdays", "calendar days", "fewer days", "one day less", "one less day",
    "days in", "number of days", "statistical cycle[s]", "longer [calendar ]month", "shorter [calendar ]month",
    "is longer than", "is shorter than", "was longer than", "was shorter than", "being longer than",
    "being shorter than", "one more day", "one fewer day", "one extra day", "extra day[s]")
CALENDAR_FLIP = _cues(
    "calendar_flip", "May had one more working day",
    "<more_days>{~30}<day_word>", "days{~20}<more_or_increase>", "extended statistical*", "longer [calendar ]month",
    "is longer than", "was longer than", "one more day", "one extra day", "extra day[s]")
MAINTENANCE_CUE = _cues(
    "maintenance_cue", "output fell on maintenance at two smelters",
    "<maintenance>", "overhaul*", "technological transformation[s]", "technological upgrade[s]", "cold repair[s]",
    "equipment upgrad*")
MAINTENANCE_FLIP = _cues("maintenance_flip", "few smelters held maintenance",
                         "<lower_than_expected>", "<little> {1}<maintenance>")
RESUMPTION_CUE = _cues(
    "resumption_cue", "smelters resumed production after maintenance",
    "<restart>", "<return> to [normal ]<operation_word>", "<return> online", "<return> from <maintenance>",
    "back online", "brought back", "<recover> <output_word>", "<recover> to full", "<output_word> recovery",
    "recovery of <output_word>", "recovery in <output_word>", "<recover> from [the ]{1}<maintenance>",
    "<recover> from its {1}<maintenance>", "<end_noun> of [the ]{1}<maintenance>", "<maintenance> ended",
    "<maintenance> was completed", "<maintenance> concluded", "return of {3}<maintenance>",
    "<end_verb> {1}<maintenance>")
RESUMPTION_FLIP = _cues("resumption_flip", "restarts were slow",
                        "<slow_pace> {1}<restart>", "<restart> {3}<proceeded> {1}<slow_state>")
NEW_CAPACITY_CUE = category(
    "new_capacity_cue", "new capacity was put into production",
    fixed("new[ly]-{1-}<new_thing>"), word("commission*", exact_case=True), fixed("Commissioned", "Commissioning"),
    fixed("ramp-up", "ramping-up", "ramped-up", "ramps-up", "put into production", "put into operation",
          "expanded capacit*", "capacity growth", "capacity expansion"), written_order=True)
NEW_CAPACITY_FLIP = _cues("new_capacity_flip", "new capacity was delayed", "<lower_than_expected>", "<put_off>")
WEATHER_CUE = category(
    "weather_seasonal_cue", "floods cut output in the rainy season",
    fixed("dry season", "rainy season", "heating season"),
    word("winter", not_before=(" stockpil*", " dismantl*", " restock*", " storage", " procurement", " demand")),
    fixed("cold weather", "temperature[s]", "weather", "flood*", "mudslide[s]", "natural disaster[s]", "heatwave",
          "heat", "hot weather", "rainfall", "typhoon[s]", "heavy rain[s]", "torrential rain[s]", "rainstorm[s]",
          "downpour[s]", "drought", "water shortage[s]", "lack of water"),
    word("summer", not_before=(" overhaul", " maintenance", " shutdown", " off\\-season", " offseason")),
    written_order=True)
WEATHER_FLIP = _cues(
    "weather_seasonal_flip", "hydropower smelters restarted as the rainy season came",
    "warm*", "end of the <season_kind>", "after the <after_season>", "wet season", "season end*", "winter end*",
    "advantag*", "benefit*", "favourable", "favorable", "preferential", "cheap*", "diminish*", "arrival of spring",
    "eased", "easing", "<power_price>{~50}<wet_season> season", "<wet_season> season{~100}hydro*",
    "<season_entry> [the ]<flood_season> season{~140}<season_restart>",
    "<season_entry> a <flood_season> season{~140}<season_restart>", "<season_restarted>{~60}<flood_season> season")
POLICY_CUE = _cues(
    "policy_environment_cue", "environmental inspections curbed output",
    "environmental protection", "environmental", "policy", "policies", "regulat*", "quota[s]", "licence*", "license*",
    "inspect*", "self\\-regulation", "self\\-discipline", "anti\\-involution", "power rationing",
    "power restriction[s]", "power cut[s]", "power shortage[s]", "power curb[s]", "power outages",
    "electricity rationing", "electricity restriction[s]", "energy consumption", "dual control",
    "production restriction[s]", "safety check[s]", "safety inspection[s]", "emission*")
# ("issued" eases a policy only where licences, permits or quotas are what was issued, not a rationing notice)
POLICY_FLIP = _cues(
    "policy_environment_flip", "power rationing eased",
    "eased", "easing", "loosen*", "lift*", "relax*", "ended", "complet*", "renew*", "benefit*", "supportive", "stimul*",
    "favourable", "favorable", "incentive[s]", "<permit>{~30}issued", "issued{~20}<permit>",
    # "smelters restarted amid the end of environmental inspections"
    "<end_noun> of {2}environmental", "<end_noun> of {2}power rationing", "<end_noun> of {2}production restriction*")
RAW_MATERIAL_CUE = _cues(
    "raw_material_cue", "tight ore supply held output down",
    "raw material[s]", "ore[s]", "concentrate[s]", "feedstock*", "scrap", "TC[s]", "blister copper", "anode copper",
    "bauxite", "laterite", "silica", "feed supply", "supply of raw", "ore supply",
    # the grade of the ore mined ("lower ore grades", "higher grades at the pit"): its way, `lexicon_causes`
    "ore grade[s]", "head grade[s]", "higher grade[s]", "lower grade[s]", "better grade[s]")
RAW_MATERIAL_FLIP = _cues(
    "raw_material_flip", "ample ore supply",
    "ample", "sufficient", "improv*", "eased", "abundant", "existing stocks", "adequate", "loosen*", "recover*")
COST_MARGIN_CUE = _cues(
    "cost_margin_cue", "losses forced smelters to cut output",
    "losses", "loss", "profit*", "margin[s]", "cost[s]", "low\\-cost", "processing fee[s]", "cost inversion")
COST_MARGIN_FLIP = _cues(
    "cost_margin_flip", "profits improved",
    "<profit_noun> <profit_up>", "<profit_adjective> profit*", "offset", "turned from loss to profit",
    "profitab* improved", "low\\-cost", "margin recovery", "<cost_down> cost[s]")
PRICE_CUE = category(
    "price_cue", "low prices led smelters to cut output",
    *(word(form, not_after=("raw material ", "ore ", "concentrate ", "power ", "electricity ", "coal "),
           not_before=(" of {2}<feed>",)) for form in ("prices", "price")),
    word("the {w} market", only_before=(" <market_turn>",)), fixed("downturn in the {w} market"),
    written_order=True)
PRICE_FLIP = _cues(
    "price_flip", "high prices lifted output",
    "high", "higher", "rise", "rises", "rising", "rose", "increas*", "rall*", "strong", "firm", "keep[s] increasing",
    "incentive", "surg*")
DEMAND_CUE = category(
    "demand_cue", "weak demand held output down",
    fixed("demand", "order[s]", "off\\-season", "peak season", "consumption"), word("procurement",
                                                                                    not_after=("material ",)),
    fixed("stockpiling", "purchas*", "<market_side> {1-}market[s]", "restocking", "terminal sales"), written_order=True)
DEMAND_FLIP = _cues("demand_flip", "demand picked up", "<market_up>", "peak season", "stockpiling")
TRADE_CUE = _cues(
    "trade_cue", "anti-dumping duties cut exports",
    "anti\\-dumping", "anti\\-subsidy", "countervailing", "tariff[s]",
    *(f"export {what}"
      for what in ("ban[s]", "control[s]", "restriction[s]", "curb[s]", "polic*", "quota[s]", "tax*", "rebate[s]")),
    *(f"trade {what}" for what in ("polic*", "war[s]", "friction[s]", "barrier[s]", "tension[s]", "dispute[s]")),
    "net import[s]", "import supply", "import gap", "import window[s]", "import arbitrage", "import[s] surg*",
    "import[s] flood*")
TRADE_FLIP = _cues(
    "trade_flip", "the import window closed",
    "gap", "filled by domestic", "rebate[s] {2}<rebate_up>", "window {2}clos*", "lift*", "eas*", "remov*", "stockpil*")
OTHER_CUE = _cues(
    "other_cue", "an outage at one smelter cut output",
    "outage[s]", "accident[s]", "force majeure", "strike[s]", "industrial action", "labor dispute[s]",
    "labour dispute[s]", "blockade[s]", "earthquake[s]", "explosion[s]", "landslide[s]", "<achieve> {3}[production ]<target>", "annual [production ]target[s]",
    "annual [production ]goal[s]", "production goal[s]", "inventory pressure[s]", "high inventory", "high inventories",
    "sample enterprises", "sample change[s]", "number of sample", "upgrade project[s]", "pandemic", "epidemic",
    "covid{S}", "switch* {3}<switch_to> {3}to", "shift* {3}<switch_to> {3}to")
OTHER_FLIP = _cues(
    "other_flip", "the outage was resolved",
    # producers pressed to meet a year's targets raise output (those that met theirs early cut it)
    "to {1}<achieve> {3}[production ]<target>", "catch up", "increase in the number of sample*", "more sample*",
    "alleviat*", "subsided", "eased", "ended", "over",
    "resolved", "lifted")

CATEGORIES = categories_in(globals())
