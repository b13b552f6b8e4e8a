"""The cue categories of a change and its comparison: the MoM and YoY markers, the change verbs and nouns by the way
they move, and the cues of a forecast (`lexemes` says how a form is written; `lexicon` compiles them)."""

from __future__ import annotations

from extractor.text.lexemes import category, fixed, noun, only, verb, verbs

# (a) comparison markers: the short marks written beside a figure or a change noun
MOM_MARKER = category(
    "mom_marker", "output rose 3% MoM; a month-on-month decline",
    fixed("MoM", "M-o-M", "m/m", "month-on-month", "month-over-month", "on the month", "on a month", "on-month"))
YOY_MARKER = category(
    "yoy_marker", "output rose 3% YoY; a year-on-year decline",
    fixed("YoY", "Y-o-Y", "y/y", "year-on-year", "year-over-year", "on the year", "on a year", "on-year"))

# (b) change verbs, by the way they move
UP_VERB = category(
    "up_verb", "output climbed 3% in May",
    verb("rise", "rose", "risen"), verb("grow", "grew", "grown"), verb("go up", "went", "gone"),
    verb("go north", "went", "gone"),
    verbs("increase", "gain", "climb", "surge", "rebound", "jump+", "expand", "boost", "soar", "recover", "exceed",
          "raise", "hike", "improve", "accelerate", "strengthen", "advance", "double", "triple", "spike", "rally",
          "edge up", "pick up", "ramp up", "step+ up", "bounce back", "tick up", "add", "lift", "nudge up", "inch up",
          "creep up", "pile up", "build up", "accumulate"))
DOWN_VERB = category(
    "down_verb", "output slid 3% in May",
    verb("fall", "fell", "fallen"), verb("slide", "slid", "slid"), verb("shrink", "shrank", "shrunk"),
    verb("cut", "cut", "cut", double=True), verb("sink", "sank", "sunk"), verb("go south", "went", "gone"),
    verbs("decrease", "decline", "drop+", "lower", "slip+", "contract", "reduce", "dip+", "narrow", "pull back",
          "slump", "plunge", "edge down", "weaken", "retreat", "ease", "nosedive", "tumble", "slash", "curtail", "trim+",
          "worsen", "deteriorate", "halve", "decelerate", "sag+", "dwindle", "tick down", "deplete", "draw down",
          "destock", "nudge down", "inch down"))
FLAT_VERB = category(
    "flat_verb", "output held steady in May",
    verb("hold steady", "held"), verb("hold stable", "held"), verb("hold flat", "held"),
    verbs("remain flat", "remain stable", "remain unchanged", "remain steady", "remain level", "stay flat",
          "stay stable", "stay steady", "stay unchanged", "stabilize", "stabilise", "plateau", "hover", "flatten"))

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
    noun("deterioration"), noun("deceleration"), noun("decrement"), noun("retreat"))
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

# the plain moves a bare "output <verb>" states as the month's move with no figure; narrower than the change verbs
# on purpose: with every change verb it reads a year's growth ("output grew at its slowest pace in 2018") and a
# country's ("output surged higher in Brazil") as the month's (corpus-wide tune core 0.593 -> 0.591); "hike" is here
# as "increase" is, its plain synonym (tests/test_synonyms.py)
PLAIN_MOVE = category(
    "plain_move", "production edged down in May",
    only(UP_VERB, "rise", "increase", "hike", "rebound", "edge up"), only(DOWN_VERB, "fall", "decrease", "decline", "edge down"),
    only(FLAT_VERB, "remain flat", "remain stable", "remain unchanged"))

CATEGORIES = (MOM_MARKER, YOY_MARKER, UP_VERB, DOWN_VERB, FLAT_VERB, UP_NOUN, DOWN_NOUN, CHANGE_NOUN, FORECAST_TO,
              FORECAST_VERB, MODAL, PLAIN_MOVE)
