"""The cue categories of what a figure is of and how it is stated: the metric words, the level cues, the words that
qualify a figure or bound it (`lexemes` says how a form is written; `lexicon` compiles them)."""

from __future__ import annotations

from dataclasses import replace

from extractor.text.lexemes import categories_in, category, fixed, noun, nouns, only, pairs, verb, verbs, word
from extractor.text.lexicon_changes import DEGREE, DOWN_VERB, UP_VERB
from extractor.text.lexicon_periods import PREVIOUS, YTD

# (a) what qualifies or bounds a figure ("about 3,000 mt", "more than 5%", "below 40%")
APPROX = category(
    "approx", "about 3,000 mt; close to 5%",
    fixed("approximately", "approx.", "approx", "about", "around", "nearly", "almost", "roughly", "close to", "circa",
          "some", "~"))
ABOVE = category(
    "above", "more than 3,000 mt; output topped 50,000 mt",
    fixed("over", "more than", "above"), verb("exceed"), fixed("in excess of", "upwards of", "at least"),
    verb("surpass"), fixed("topped"))
# the approximations a figure after a move may carry ("rose to about 75%"): narrower than the approximations on
# purpose ("climbed to roughly 71.8 million tons" is a move the rules still read, with its figure)
FIGURE_APPROX = category("figure_approx", "output is expected to rise by about 3%",
                         only(APPROX, "about", "around", "approximately", "nearly", "some"), only(ABOVE, "over"))
BELOW = category("below", "less than 3,000 mt; within 2%",
                 fixed("under", "less than", "below", "fewer than", "at most", "within"))
# a size class's bound ("smelters with a capacity above 100,000 mt"): it names a part, it is no figure; its side
# names the part ("above": the large producers, "below": the small, "between": the medium-sized)
SIZE_ABOVE = category("size_above", "smelters whose annual capacity exceeds 100,000 mt",
                      fixed("greater than"), only(ABOVE, "more than", "above", "over"), fixed("exceeding", "exceeds"))
SIZE_BELOW = category("size_below", "plants with annual capacity below 50,000 mt",
                      only(BELOW, "below", "under", "less than"))
SIZE_BETWEEN = category("size_between", "smelters whose capacity falls between 50,000 and 100,000 mt",
                        fixed("between"))
# a round level as a mark a figure passes or nears ("fell below the 4,000 mt mark"): the level, not a change
MARK_NOUN = category("mark_noun", "output neared the 3,000 mt mark; fell below the 4,000 mt level",
                     fixed("mark", "threshold", "milestone", "level"))
# a level passed ("topped the 50,000 mt mark", "rose above 80%")
PASS_VERB = category("pass_verb", "output surpassed 50,000 mt", fixed("exceed*", "surpass*", "top", "topped", "tops"))
BOUND_WORD = category("bound_word", "the operating rate rose above 80%",
                      fixed("below", "above", "under", "over", "beyond"))
BOUND_MOVE = category("bound_move", "the operating rate fell below 60%", fixed("rose", "fell"))

# (b) level cues: the words that state a figure as a level ("stood at", "reached", "totalled", "accounted for")
LEVEL_CUE = category(
    "level_cue", "output stood at 3,000 mt; totalled 3,000 mt; accounted for 30%",
    fixed("was", "were", "is", "are", "be", "been", "being", "at", "to", "reached", "reaching", "reach", "stood",
          "stands", "totaled", "totalled", "totaling", "hit", "remained", "maintained", "stabilis*", "stabiliz*",
          "equal*", "around", "of", "amounting", "amounted", "accounting for", "accounted for", "recorded",
          "registered", "came in", "sit", "sits", "sat", "sitting", "hover*"))
# what a part's figure is stated as ("300-series accounted for 1.16 million mt")
ACCOUNT_VERB = category("account_verb", "300-series accounted for 1.16 million mt", fixed("account*"))
# the level a product came to, named right after it in a roundup ("Alumina tallied 6.7 million mt")
LEVEL_REACHED = category("level_reached", "alumina tallied 6.7 million mt",
                         fixed("totalled", "totaled", "tallied", "reached", "stood at", "came in at", "came to",
                               "amounted to", "landed at", "clocked", "printed at", "settled at", "finished at"))
# what reports a level ("the figure stood at", "the region posted", "output came in at")
RECORD_VERB = category(
    "record_verb", "Yunnan posted output of 3,000 mt",
    verb("stand", "stood"), verb("come", "came", "come"), verb("see", "saw", "seen"),
    verbs("post", "record", "register", "show", "report"),
    verb("have", "had"))
PRONOUN_RECORD = category("pronoun_record", "It stood at 3,000 mt",
                          only(RECORD_VERB, "stand", "come", "see", "post", "record", "register", "show"))
# what the figure before is said to be, by the words that point back to it ("The figure shows a 10-percent increase")
FIGURE_SHOWS = category("figure_shows", "The figure shows a 10-percent increase; This marks a 3% rise",
                        verbs("show", "mark", "represent", "reflect"))
# the moves a sentence tells in the past tense ("output rose", "production fell"): not "was", which SMM writes of
# forecast months too; narrower than the change verbs on purpose (not "cut", which is also a noun)
TOLD_MOVE = category(
    "told_move", "output dropped in May",
    only(DOWN_VERB, "drop", "fall", "decrease", "decline", "slump"),
    only(UP_VERB, "rise", "increase", "grow", "surge", "rebound"))
# the moves a pronoun's sentence tells of the figure before ("It rose 5.9 percentage points year on year")
PRONOUN_MOVE = category(
    "pronoun_move", "It edged up 2% year on year",
    only(UP_VERB, "rise", "grow", "increase"), only(DOWN_VERB, "fall", "decrease", "decline", "drop"), verbs("edge"))
# what a subject does to its share ("recycled feed accounted for 30%", "MHP made up 18%")
SHARE_VERB = category("share_verb", "cobalt chloride accounted for 15%",
                      fixed("accounted", "accounting", "accounts", "made up", "making up", "represented",
                            "representing"))
# what lists a whole's parts, each as its share ("the output comprised 48.5% MHP, 41.2% high-grade nickel matte")
COMPOSED_OF = category("composed_of", "the output comprised 48.5% MHP and 51.5% nickel matte",
                       fixed("comprised", "comprises", "comprising", "consisted of", "consists of", "made up of",
                             "composed of"))
SHARE_LEVEL_VERB = category(
    "share_level_verb", "the proportion of recycled feed climbed to 27%",
    fixed("rose", "increased", "grew", "climbed", "fell", "declined", "decreased", "dropped", "slipped", "edged up",
          "edged down", "edged higher", "edged lower", "was", "were", "stood", "reached", "remained", "stayed", "held",
          "hit", "came in"))
SHARE_DEGREE = category("share_degree", "the share of scrap also rose to 20%", only(DEGREE, "further", "also", "still"))
SHARE_NOUN = category("share_noun", "the share of recycled feed rose to 27%",
                      fixed("proportion", "share", "percentage"))
# a change written as a noun of its figure ("a rise of 3%"): the participles that serve as one
CHANGE_GERUND = category("change_gerund", "a rising of 3%", only(UP_VERB, "rise"), only(DOWN_VERB, "decline"))
# the size of a change moving, not the change ("the MoM decline expanding to 7%", "YoY growth narrowed to 3%")
SIZE_VERB = category(
    "size_verb", "the YoY decline narrowed to 3%",
    fixed("expand*", "widen*", "narrow*", "deepen*", "shrink*", "shrank*", "eas*", "slow*", "accelerat*", "quicken*",
          "moderat*", "enlarg*", "extend*", "increas*", "decreas*", "grow*", "grew*"))
# what a change's size is of ("the decline in output narrowed to 2%")
SIZE_SUBJECT = category("size_subject", "the decline in output narrowed to 2%",
                        fixed("output", "production", "supply", "rate", "rates"))
# the largest change among producers ("the highest increase exceeding 1 GW"): no change of the commodity's
SUPERLATIVE = category("superlative", "the largest increase among producers",
                       fixed("highest", "largest", "biggest", "smallest", "sharpest"))
# a change stated against another period ("2.3% lower than in April"), by the way it goes
COMPARATIVE_UP = category("comparative_up", "5% higher than a year ago; 4% ahead of last year",
                          fixed("higher", "more", "above", "better", "ahead"))
COMPARATIVE_DOWN = category("comparative_down", "2.3% lower than in April; 3% behind last year",
                            fixed("lower", "less", "below", "worse", "behind"))

# (c) the figures a breakdown speaks of ("Of this total, ...", "of which 36.6 mtpy is operational")
BREAKDOWN_LEAD = category(
    "breakdown_lead", "Of this total, refined output made up 60%",
    pairs(("of this", "of that", "of the", "within this", "within that", "within the"),
          ("figure", "total", "amount", "output")),
    fixed("of which", "among them", "among which"),
    pairs(("this total", "the total", "this figure", "the figure"), ("comprised", "included", "consisted")))
# the subject of a sentence that speaks of the figure before ("It was also up 5.9%")
PRONOUN_LEAD = category("pronoun_lead", "It was also up 5.9% year on year", fixed("It", "This", "That", "The figure"))

# (d) metric words: what a figure is of, each metric's words (`vocabulary.METRIC_WORDS` reads them in its order)
OUTPUT_WORD = category("output_word", "production edged up in May; output of copper; manufacturing of refined lead",
                       fixed("production", "output"), word("manufacturing", only_before=(" of",)))
# output or its rate, as a region's or a producer's ("Guangxi's operating rate", "the output of a smelter")
OUTPUT_OR_RATE = category("output_or_rate", "Guangxi's operating rate rose", OUTPUT_WORD, fixed("operating rate"))
MAINTENANCE = category("maintenance", "output lost to maintenance", fixed("maintenance"))
OVERHAUL = category("overhaul", "two smelters began overhauls", noun("overhaul"))
IMPACT_NOUN = category("impact_noun", "the loss from maintenance was 20,000 mt",
                       fixed("impact", "losses", "loss", "reduction"))
IMPACT = category("impact", "the maintenance impact was 20,000 mt", only(IMPACT_NOUN, "impact"))
CUMULATIVE_WORD = category(
    "cumulative_word", "cumulative output reached 3 million mt; YTD production",
    fixed("cumulative*"), YTD, fixed("full-year"), word("annual", not_before=(" basis",)))  # ("on an annual basis":
# a comparison)
RATE_METRIC = category(
    "rate_metric", "the operating rate rose to 75%; capacity utilization held at 80%",
    *(word(f"{head} {tail}", not_after=("downstream ", "terminal "))
      for head in ("operating", "capacity")
      for tail in ("rates", "rate", "utilisation rates", "utilisation rate", "utilisation", "utilization rates",
                   "utilization rate", "utilization")),
    fixed("utilisation rates", "utilisation rate", "utilization rates", "utilization rate", "operating levels",
          "operating level", "run rates", "run rate", "starting rates", "starting rate", "start-up rates",
          "start-up rate", "startup rates", "startup rate", "operated at", "ran at", "operation rates", "operation rate",
          "operations rates", "operations rate", "opening rates", "opening rate",
          # the rate of a sector or tier named bare ("the rate for industrial extrusion edged down")
          "the rate for", "the rates for", "the rate across", "the rates across", "the rate among", "the rates among"))
IMPORT_WORD = category("import_word", "imports rose 3%; import volumes",
                       fixed("import", "imports", "imported"),
                       pairs(("import", "imports", "imported"), ("volume", "volumes")))
EXPORT_WORD = category("export_word", "exports fell 3%; export volumes",
                       fixed("export", "exports", "exported"),
                       pairs(("export", "exports", "exported"), ("volume", "volumes")))
# capacity, and the words that make it operating capacity or capacity as built
CAPACITY_NOUN = category("capacity_noun", "capacity in operation rose; capacities of 50,000 mt",
                         noun("capacity", "capacities"))
OPERATING_WORD = category("operating_word", "operating capacity rose", fixed("operating", "operational"))
OPERATION_STEM = category("operation_stem", "of which 36.6 mtpy is operational", fixed("operati*"))
IN_OPERATION = category("in_operation", "40 mt of capacity in operation", fixed("in operation"))
CAPACITY_KIND = category("capacity_kind", "existing capacity stood at 45 million mt",
                         fixed("existing", "total", "nominal", "built", "installed", "effective"))
CAPACITY_VERB = category("capacity_verb", "capacity stood at 45 million mt",
                         fixed("was", "of", "stood", "reached", "is", "at"))
STOCK_WORD = category("stock_word", "social inventory fell; port stocks rose; stock levels fell",
                      noun("inventory", "inventories"), fixed("stocks"), noun("stockpile"), noun("stock level"))
_EXCEEDED = ("exceeded", "exceeds", "exceed", "outstripped", "outstrips", "outpaced")
# a balance named by which side exceeds the other ("world supply of the metal exceeded demand by 20,000 mt")
_DEMAND_ABOVE = tuple(f"demand {{6}}{verb} supply" for verb in _EXCEEDED)
BALANCE_WORD = category("balance_word", "a surplus of 20,000 mt; demand for the metal exceeded supply by 9,000 mt",
                        fixed("surplus", "oversupply", "oversupplied", "deficit", "supply-demand balance",
                              "supply shortage", "supply gap", "market shortage"),
                        fixed(*(f"supply {{6}}{verb} demand" for verb in _EXCEEDED)), fixed(*_DEMAND_ABOVE))
DEFICIT_WORD = category("deficit_word", "a deficit of 20,000 mt; demand exceeded supply",
                        only(BALANCE_WORD, "deficit", "supply shortage", "supply gap", "market shortage",
                             *_DEMAND_ABOVE))
# a deficit named after its mass only ("a 415,000 tonne shortfall a year earlier"): not a balance word on its own ("a
# shortfall of ore")
SHORTFALL = category("shortfall", "a 415,000 tonne shortfall a year earlier", fixed("shortfall"))
SHARE_WORD = category(
    "share_word", "its share rose to 30%; accounting for 30%",
    fixed("share", "proportion", "account for", "accounting for", "accounted for", "accounts for", "percentage of",
          "making up", "made up", "makes up"))
PRICE_WORD = category(
    "price_word", "prices rose; treatment charges fell; processing fees",
    noun("price"), noun("premium"), noun("quotation"), fixed("index", "TC", "TCs"),
    *(noun(f"{kind} charge") for kind in (
        "treatment", "refining", "processing", "treatment and refining", "refining and refining",
        "processing and refining")),
    noun("cost"), noun("profit"), noun("loss", "losses"), noun("processing fee"))
PRODUCE_WORD = category(
    "produce_word", "smelters produced 3,000 mt; output; supply; generation",
    fixed("produce", "produces", "produced", "producing"),
    # (an output's value in money is no output: "gross output value rose 27% to 336 billion yuan")
    *(word(form, not_before=(" value",)) for form in ("production", "output")),
    word("supply", not_before=(" of {3,}power", " of {3,}electricity", " of {3,}energy")),
    noun("production schedule"), fixed("volume"),
    replace(verb("make", "made"), not_before=(" up",)),  # ("making up 24.3%": a share)
    fixed("churn out", "churned out", "churns out"),
    fixed("turned out", "generation"),
    word("manufacturing", only_before=(" of",)), fixed("manufactured"),  # ("Manufacturing of refined lead amounted")
    fixed("mined", "extracted", "extraction"),  # a mine's ("Chile mined 410,000 t", "ore extraction rose 5%")
    fixed("generated"),  # ("Indonesia generated 1.1 million tons of primary nickel")
    written_order=True)
# what a mass after its figure names ("2.6 million mt of output"; `features._NAMED_AFTER` maps each to its metric)
PRICE_NOUN = category("price_noun", "spot prices rose", only(PRICE_WORD, "price"))
NAMED_METRIC = category(
    "named_metric", "2.6 million mt of capacity",
    fixed("capacity", "output", "production", "imports", "exports"), noun("inventory", "inventories"))

# a list whose numbers go with the parts named before it in order ("... 788,000 mt and 447,000 mt respectively")
RESPECTIVELY = category("respectively", "200- and 300-series rose 2% and 3% respectively", fixed("respectively"))
# a note under a table or an article, not a statement of the month ("Note: ...")
NOTE = category("note", "Note: the data cover 40 smelters", fixed("note"))

# (e) what a figure is no level of the commodity's for
# a figure of output a cause took ("the loss affected about 10,000 mt", "cut about 5,000 mt")
TAKE_VERB = category("take_verb", "the outage affected about 10,000 mt",
                     fixed("affect*", "impact*", "cut*", "reduc*", "lost*", "lose*", "curtail*", "hit*"))
# output cut by a figure ("cut the production by 15,000 mt for maintenance")
CUT_VERB = category("cut_verb", "two plants cut their output by 15,000 mt",
                    fixed("cut", "reduc*", "lower*", "lost", "lose", "curtail*"))
# a survey's sample ("the survey covered 40 smelters with 3 million mt of capacity")
SURVEY_WORD = category(
    "survey_word", "the survey covered smelters with 3 million mt of capacity",
    fixed("survey", "surveyed", "sample", "sampled", "involv*", "covering", "covered", "covers", "statistic cover*",
          "statistics cover*"))
# the opening of an aside between commas that describes where a figure comes from ("The output figure, based on a
# survey of smelters with 80% of capacity, was up 7.7%"): its metric words are no metric of the figure after it
SOURCE_ASIDE = category("source_aside", "output, based on a survey of plants holding 80% of capacity, rose 3%",
                        fixed("based on", "according to", "accounting for", "which account for", "which accounts for",
                              "representing", "covering"))
LOSE_WORD = category("lose_word", "smelters will lose annual output of 20,000 mt", fixed("lose", "lost", "losing"))
YEARLY = category("yearly", "two smelters will reduce annual output by 150,000 mt", fixed("annual", "yearly"))
PROJECT_WORD = category("project_word", "the capacity of refining projects", noun("project"))
# output a cause takes ("the total output to be affected", "lost production")
AFFECTED = category("affected", "the output affected will reach 10,000 mt", fixed("affected", "lost", "impacted"))
# what a figure is compared with as an expectation ("2% lower than forecast", "the expected 120,600 mt")
EXPECTATION = category(
    "expectation", "output came in 2% lower than forecast",
    fixed("forecast*", "estimate*", "expect*", "initial*", "previous expect*", "previously expect*",
          "previous estimat*", "previously estimat*", "plan*"))
THAN_EXPECTATION = category("than_expectation", "output was 2% higher than expected",
                            fixed("expect*", "initial*", "plan*", "previously*"))
EXPECTED_WORD = category("expected_word", "the expected 120,600 mt",
                         fixed("expected", "planned", "estimated", "anticipated"))
EXPECTED_LEAD = category("expected_lead", "the initially planned 120,000 mt",
                         fixed("the", "an", "initially", "originally", "previously"))
EARLIER_ADJECTIVE = category("earlier_adjective", "earlier estimates of 120,000 mt",
                             only(PREVIOUS, "previous", "earlier", "prior"), fixed("initial", "original"))
EXPECTATION_NOUN = category("expectation_noun", "earlier estimates of 120,000 mt",
                            nouns("estimate", "expectation", "forecast"))
EXPECTATION_WORD = category("expectation_word", "output beat expectations", only(EXPECTATION_NOUN, "expectation"))
BEAT_WORD = category("beat_word", "output reached 3,000 mt, beating expectations",
                     fixed("exceeding", "beating", "above", "below", "missing"))
SHORT_OF = category("short_of", "output fell 2% short of the plan", fixed("short"))

CATEGORIES = categories_in(globals())
