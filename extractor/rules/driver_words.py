"""The words causes are written in: each driver category's cues, the words that set its push on output, and the
cues that make one category another ("returned to production from maintenance" is a resumption).

Each entry is (category, cue, default effect, words that flip the effect). A flip is looked for in the clause
that names the cue, so one sentence can carry a cause of each push. The words are the lexicon's
(text/lexicon_drivers.py, text/lexicon_causes.py): `<category>_cue` and `<category>_flip`.
"""

from __future__ import annotations

import re

from extractor.text.lexicon import words


def _words(*names: str) -> re.Pattern[str]:
    """The named categories' words, each a whole word."""
    return re.compile(rf"\b{words(*names)}\b", re.I)


# Each category's default push on output, in the order categories are read.
_DEFAULTS = (("holiday", "down"), ("calendar", "down"), ("maintenance", "down"), ("resumption", "up"),
             ("new_capacity", "up"), ("weather_seasonal", "down"), ("policy_environment", "down"),
             ("raw_material", "down"), ("cost_margin", "down"), ("price", "down"), ("demand", "down"), ("trade",
                                                                                                        "down"),
             ("other", "down"))

CATEGORIES: list[tuple[str, re.Pattern[str], str, re.Pattern[str] | None]] = [
    (category, _words(f"{category}_cue"), default, _words(f"{category}_flip")) for category, default in _DEFAULTS
]

# Words that make a market cause push output down whatever else the clause says ("lacking support from demand",
# "the peak season ended", "demand entered the off-season").
WEAK_MARKET = _words("weak_market")

DEMAND_STRONG = _words("demand_strong")

# Inputs and margins push output by their direction; a clause that names none ("smelters using copper
# concentrates", "raw material composition") states no cause.
SUPPLY_TIGHT = _words("supply_tight")
SUPPLY_EASY = _words("supply_easy")
MARGIN_GOOD = _words("margin_good")
MARGIN_BAD = _words("margin_bad")

# A clause that ends a stoppage ("returned to production from maintenance", "resumed after maintenance") states
# a resumption, not a maintenance push.
MAINTENANCE_ENDED = _words("maintenance_ended")

# A clause that only says a price or a demand is unchanged or at a level drives nothing in particular.
CAUSAL = _words("causal")
