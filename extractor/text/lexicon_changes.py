"""The cue categories of a change and its comparison: the MoM and YoY markers, the change verbs and nouns by the way
they move, and the cues of a forecast (`lexemes` says how a form is written; `lexicon` compiles them)."""

from __future__ import annotations

from extractor.text.lexemes import categories_in, category, fixed, noun, only, pairs, verb, verbs, word

# (a) comparison markers: the short marks written beside a figure or a change noun
MOM_MARKER = category(
    "mom_marker", "output rose 3% MoM; a month-on-month decline",
    fixed("MoM", "M-o-M", "M-on-M", "m/m", "month-on-month", "month-over-month", "on the month", "on a month", "on-month"))
YOY_MARKER = category(
    "yoy_marker", "output rose 3% YoY; a year-on-year decline; up 2% y-on-y",
    fixed("YoY", "Y-o-Y", "Y-on-Y", "y/y", "yr/yr", "year-on-year", "year-over-year", "on the year", "on a year",
          "on-year"))

# (b) change verbs, by the way they move
UP_VERB = category(
    "up_verb", "output climbed 3% in May",
    verb("rise", "rose", "risen"), verb("grow", "grew", "grown"), verb("go up", "went", "gone"),
    verb("go north", "went", "gone"),
    verbs("increase", "gain", "climb", "surge", "rebound", "jump", "expand", "boost", "soar", "recover", "exceed",
          "raise", "hike", "improve", "accelerate", "strengthen", "advance", "double", "triple", "spike", "rally",
          "edge up", "pick up", "ramp up", "step+ up", "bounce back", "tick up", "add", "lift", "nudge up", "inch up",
          "creep up", "pile up", "build up", "accumulate"))
DOWN_VERB = category(
    "down_verb", "output slid 3% in May",
    verb("fall", "fell", "fallen"), verb("slide", "slid", "slid"), verb("shrink", "shrank", "shrunk"),
    verb("cut", "cut", "cut", double=True), verb("sink", "sank", "sunk"), verb("go south", "went", "gone"),
    verb("go down", "went", "gone"),
    verbs("decrease", "decline", "drop+", "lower", "slip+", "contract", "reduce", "dip+", "narrow", "pull back",
          "slump", "plunge", "collapse", "edge down", "weaken", "retreat", "ease", "nosedive", "tumble", "slash",
          "curtail", "trim+", "worsen", "deteriorate", "halve", "decelerate", "sag+", "dwindle", "tick down", "deplete",
          "draw down", "destock", "nudge down", "inch down"))
FLAT_VERB = category(
    "flat_verb", "output held steady in May",
    verb("hold steady", "held"), verb("hold stable", "held"), verb("hold flat", "held"),
    verbs("remain flat", "remain stable", "remain unchanged", "remain steady", "remain level", "stay flat",
          "stay stable", "stay steady", "stay unchanged", "stabilize", "stabilise", "plateau", "hover", "flatten"))

# directions in words other than a change verb or noun
UP_WORD = category(
    "up_word", "output was up 3%; prices moved higher",
    # ("made up 9.8%" is a share)
    word("up", not_after=("start-", "start ", "ramp-", "made ", "making ", "makes ", "make ")),
    fixed("higher", "upward"))
DOWN_WORD = category(
    "down_word", "output was down 3%; a weaker trend",
    fixed("down", "downward", "negative", "less", "weak trend", "weaker trend"),
    fixed("off by"))  # ("it was off by 2 percent on the year")
FLAT_WORD = category(
    "flat_word", "output was little changed in May; roughly the same level",
    fixed("unchanged", "flat", "little-change", "little-changed", "little-changes", "no change",
          "no significant change", "not change significantly", "no change significantly", "stable", "steady",
          "basically flat", "maintain*", "remain* low", "remain* high", "remain* at", "remain* around", "sideways",
          "on par"),
    pairs(("roughly", "largely", "broadly", "virtually", "basically", "essentially", "more or less"),
          ("the same", "unchanged", "stable", "steady", "flat")),
    fixed("the same level", "same level", "similar level", "similar levels"),
    pairs(("barely", "hardly"), ("chang*", "mov*")),
    fixed("little movement"),
    pairs(("no",), ("obvious change", "notable change", "marked change", "major change", "big change",
                    "significant change")),
    fixed("did not change", "does not change", "do not change", "not much change"))
# a list's product with its move ("copper output was up 7.7%, aluminium was down 1.6%")
UP_OR_DOWN = category("up_or_down", "aluminium was down 1.6%", only(UP_WORD, "up"), only(DOWN_WORD, "down"))
# a trend named as the move ("an upward trend", "expected to trend downward")
UP_TREND = category("up_trend", "output kept an upward trend", fixed("upward trend", "trend upward"))
DOWN_TREND = category("down_trend", "output is expected to keep its declining trend",
                      fixed("downward trend", "trend downward", "declining trend", "weak trend"))
# a move back to where it was: read in a rate's level move ("dropped back to 75%") and an outlook ("expected to drop
# back"), not with the down verbs (where it would lengthen the quotes of "expected to drop back slightly")
BACK_VERB = category("back_verb", "the operating rate dropped back to 75% in May", verbs("drop+ back"))
# the direction words a marker may follow with no verb ("flat MoM", "down YoY", "an upward trend MoM"): narrower
# than the direction words on purpose ("higher MoM", "stable YoY" are read with their figures)
BARE_DIRECTION = category(
    "bare_direction", "output was flat MoM and down YoY",
    only(FLAT_WORD, "flat", "unchanged", "little-change", "no significant change"), only(DOWN_WORD, "down"),
    only(UP_WORD, "up"), only(UP_TREND, "upward trend"), only(DOWN_TREND, "downward trend"))
# what makes a move's verb a flat one ("remain stable", "hold flat")
FLAT_STATE = category("flat_state", "output held flat", only(FLAT_WORD, "flat", "stable", "unchanged"))
# a move that turns: read as the move it turns to ("stop falling and rebound" is up)
TURN_MOVE = category("turn_move", "output is expected to stop falling and rebound", fixed("stop falling and rebound"))
# what a move is seen, shown or kept as ("expected to see a slight rise", "will maintain a steady increase")
SEE_VERB = category("see_verb", "output is expected to see a slight rise in June",
                    fixed("show", "see", "maintain", "achieve", "experience", "turn to"))
CONTINUE_VERB = category("continue_verb", "output may continue to decline in June; will keep growing",
                         fixed("continue", "keep"))
# how far or how again a move goes, between its words ("edged down slightly", "rose further", "also fell")
DEGREE = category("degree", "output also fell slightly and may decline further",
                  fixed("slightly", "significantly", "sharply", "further", "noticeably", "markedly", "gradually",
                        "again", "also", "still", "back"))
# how big a move is called, before its noun ("a slight rise", "a further decline")
DEGREE_ADJECTIVE = category("degree_adjective", "output may see a slight rise",
                            fixed("slight", "significant", "further", "steady"))
# Narrower sets of those, each where a rule reads a move's extent (its quote) and a wider set would lengthen it:
SLIGHT = category("slight", "a slight decline MoM", only(DEGREE_ADJECTIVE, "slight"))
SLIGHTLY = category("slightly", "output is expected to rise slightly", only(DEGREE, "slightly"))
FURTHER = category("further", "output is expected to further decline", only(DEGREE, "further"))
# before the move an outlook names ("may also gradually decline")
OUTLOOK_DEGREE = category("outlook_degree", "output may still gradually decline",
                          only(DEGREE, "also", "still", "further", "gradually", "significantly", "slightly"))
# between a rate's move and its level ("rose sharply to 75%")
LEVEL_MOVE_DEGREE = category("level_move_degree", "the operating rate rose sharply to 75%",
                             only(DEGREE, "slightly", "significantly", "sharply", "further", "noticeably", "back"))
# before a plain past move ("output also fell")
PAST_MOVE_DEGREE = category("past_move_degree", "output also fell in May",
                            only(DEGREE, "also", "further", "again", "slightly"))
# after a change's size moved ("the decline widened further to 7%")
SIZE_MOVE_DEGREE = category("size_move_degree", "the YoY decline widened further to 7%",
                            only(DEGREE, "further", "slightly", "sharply", "again", "markedly"))
# what a forecast sees a move as ("expected to see a rise", "to show a slight decline"): not "maintain" but with
# "a slight" ("to maintain a slight rise")
SEE_A = category("see_a", "output is expected to show a slight rise", only(SEE_VERB, "show", "see"))
KEEP_A = category("keep_a", "output is expected to maintain a slight rise", only(SEE_VERB, "maintain"))
# the trends an outlook names (not "trend upward", which a forecast reads: "expected to trend upward")
OUTLOOK_TREND = category(
    "outlook_trend", "output may keep its declining trend",
    only(UP_TREND, "upward trend"), only(DOWN_TREND, "downward trend", "declining trend", "weak trend"))
FORECAST_TREND = category("forecast_trend", "output is expected to trend upward",
                          only(UP_TREND, "trend upward"), only(DOWN_TREND, "trend downward"))
# a level held, not moved ("the operating rate remained at 75%", "stood steady at 75%")
HOLD_VERB = category("hold_verb", "the operating rate stayed at 75% in May",
                     verb("remain"), verb("stay"), verb("stand steady", "stood"))

# (c) change nouns, by the way they move: the change named ("a 3% hike", "the MoM decline", "an increase of 2%")
UP_NOUN = category(
    "up_noun", "a 3% hike in output; the YoY gain narrowed to 2%",
    noun("increase"), noun("rise"), noun("gain"), noun("growth"), noun("hike"), noun("jump"), noun("surge"),
    noun("rebound"), noun("uptick"), noun("expansion"), noun("recovery", "recoveries"), noun("improvement"),
    noun("acceleration"), noun("increment"), noun("upturn"), noun("upswing"), noun("uptrend"), noun("climb"),
    noun("pileup"), noun("buildup"), noun("accumulation"), noun("boost"), noun("spike"), noun("rally", "rallies"))
DOWN_NOUN = category(
    "down_noun", "a 3% dip in output; the MoM decline widened to 2%",
    noun("decrease"), noun("depletion"), noun("drawdown"), noun("destocking"), noun("decline"), noun("drop"),
    noun("fall"), noun("dip"), noun("cut"), noun("reduction"), noun("contraction"), noun("pullback"), noun("slide"),
    noun("slump"), noun("loss", "losses"), noun("downturn"), noun("downtrend"), noun("plunge"),
    noun("deterioration"), noun("deceleration"), noun("decrement"), noun("retreat"), noun("slip"))
CHANGE_NOUN = category("change_noun", "a 3% change in output", noun("change"))

# (d) forecast cues: what says a figure or a move is expected, not reported
FORECAST_TO = category(
    "forecast_to", "output is expected to rise in June; output is set to fall",
    fixed("expected", "projected", "forecast", "forecasted", "estimated", "anticipated", "predicted", "likely", "set",
          "poised", "slated"))
FORECAST_VERB = category(
    "forecast_verb", "SMM expects output to rise in June",
    verb("forecast", "forecast"), verb("foresee", "foresaw", "foreseen"),
    verbs("expect", "project", "estimate", "anticipate", "predict"))
MODAL = category("modal", "output will rise in June", fixed("will", "would", "may", "might", "could", "shall"))
# what the sentence before did, as the subject that moves output ("This is set to increase the output of primary
# lead"), not producers and their own plans ("smelters will ramp up production")
MOVING_SUBJECT = category("moving_subject", "This is set to increase the output of zinc",
                          fixed("this", "that", "these", "it", "which"))
# how sure a modal's move is, between the two ("output will likely decline in June")
MODAL_HEDGE = category("modal_hedge", "output will likely decline in June",
                       only(FORECAST_TO, "likely"), fixed("probably", "possibly"))
FORECAST_PHRASE = category("forecast_phrase", "looking ahead, smelters plan to raise output",
                           fixed("looking ahead", "plan to", "plans to", "planned to", "projection"),
                           # a year's preliminary data are what was measured, not an outlook
                           word("preliminary", not_before=(" data", " figures", " statistics", " results")))
# a headline's expectation ("Output to Rise in June"): a subject of up to five words, "to" and its move; not where
# the words before "to" say what was done ("began to rise", "failed to recover")
NOT_HEADLINE_SUBJECT = category(
    "not_headline_subject", "smelters began to raise output",
    fixed("but", "and", "fail*", "unable", "managed", "began", "begun", "started", "tried", "used", "has", "have",
          "had"))

# the plain moves a bare "output <verb>" states as the month's move with no figure; narrower than the change verbs
# on purpose: with every change verb it reads a year's growth ("output grew at its slowest pace in 2018") and a
# country's ("output surged higher in Brazil") as the month's (corpus-wide tune core 0.593 -> 0.591); "hike" is here
# as "increase" is, its plain synonym (tests/test_synonyms.py)
PLAIN_MOVE = category(
    "plain_move", "production edged down in May",
    only(UP_VERB, "rise", "increase", "hike", "rebound", "edge up"),
    only(DOWN_VERB, "fall", "decrease", "decline", "edge down"),
    only(FLAT_VERB, "remain flat", "remain stable", "remain unchanged"))

HEADLINE_VERB = category(
    "headline_verb", "Copper Output to Climb in June",
    only(UP_VERB, "grow", "climb", "recover"), only(DOWN_VERB, "drop"), CONTINUE_VERB,
    only(HOLD_VERB, "remain", "stay"),
    fixed("edge", "extend", "hit", "reach", "see"))

# a country's output told by how it compares, with no figure: "output was higher in Chile", "Peru saw declines"
UP_STATE = category("up_state", "output was higher in Chile; stronger output in Peru; it was up in Canada",
                    fixed("higher", "stronger", "increased", "greater", "more", "up"))
DOWN_STATE = category("down_state", "output was lower in Chile; reduced output in Peru; it was down in Canada",
                      fixed("lower", "weaker", "reduced", "decreased", "smaller", "less", "down"))
SAW_VERB = category("saw_verb", "Chile and Peru saw declines; Canada registered a drop",
                    fixed("saw", "see", "sees", "had", "has", "registered", "recorded", "reported", "posted", "showed",
                          "witnessed", "experienced"))
# a word or phrase set off between a product and its move, or opening the sentence before it: "Refined copper, by
# contrast, shrank", "Meanwhile, copper volume dropped", "Lead, for its part, fell"
ASIDE_WORD = category("aside_word", "Refined copper, by contrast, shrank; Meanwhile, zinc rose",
                      fixed("also", "too", "likewise", "by contrast", "in contrast", "meanwhile", "however", "though",
                            "for its part", "elsewhere", "in turn", "separately"))

CATEGORIES = categories_in(globals())
