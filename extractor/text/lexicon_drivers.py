"""The cue categories of a cause: the words that give a cause ("due to", "driven by"), each driver category's cues and
the words that set its push on output (`lexemes` says how a form is written; `lexicon` compiles them)."""

from __future__ import annotations

from extractor.text.lexemes import categories_in, category, fixed, only

# (a) what gives a cause ("output fell due to maintenance", "rose on strong demand", "weighed on by low prices")
CAUSE = category(
    "cause", "output fell due to maintenance and rose on strong demand",
    fixed("due to", "owing to", "because of", "because", "thanks to", "amid", "driven by", "supported by", "boosted by",
          "affected by", "stimulated by", "weighed by", "weighed on by", "given", "despite", "citing", "benefit* from",
          "as", "on", "with", "under", "from", "for", "during", "after", "since", "when", "which"))
# Narrower sets of those, each as one rule reads it:
# a demand word after one is a cause of the figure, not its subject ("rose 3% as demand improved")
CAUSE_BEFORE = category(
    "cause_before", "output rose 3% as demand improved",
    only(CAUSE, "as", "because of", "due to", "owing to", "thanks to", "amid", "on", "driven by", "supported by",
         "boosted by", "weighed by", "weighed on by", "given", "despite", "with"))
# a month named after one is the cause's ("up 49%, as producers were suspended in June")
CAUSE_BETWEEN = category(
    "cause_between", "up 49% from a year ago because smelters halted in June",
    only(CAUSE, "because", "due to", "owing to", "thanks to", "amid", "after", "since", "when", "which"))
# maintenance given as what output was cut for ("cut by 15,000 mt for maintenance")
MAINTENANCE_CAUSE = category("maintenance_cause", "output was cut by 15,000 mt for maintenance",
                             only(CAUSE, "for", "due to", "because of", "during", "amid"))

CATEGORIES = categories_in(globals())
