"""The cue categories of which part of the commodity a figure is of and whose figure it is: the segment words (each
segment label with its words), producer tiers and regions, the content a mass is counted in, and the subjects that
make a figure no figure of the commodity's (one plant, one company, demand, another product's stock) (`lexemes` says
how a form is written; `lexicon` compiles them)."""

from __future__ import annotations

from extractor.text.lexemes import Category, categories_in, category, fixed, noun, nouns, only, pairs, word

# (a) segment words: each label (as the facts give it) with the words that name it (after a '#' too: "#300-series");
# `vocabulary.SEGMENT_WORDS` reads them in this order, the first of two that start at one place winning
_SIZES = ("large", "medium", "small")
_DERIVED_FROM_TARGET = (" lithium", " enterprises", " producers", " route")


def _segment(label: str, example: str, *forms: str) -> tuple[str, Category]:
    return label, category(f"segment:{label}", example, *(fixed(form) for form in forms), written_order=True)


def _sided(heads: tuple[str, ...]) -> tuple[str, ...]:
    """A process's side ("smelting side output", "causticising-side lines"), as the segment table writes it."""
    return tuple(f"{head}{side} {tail}" for head in heads for side in ("", "-side", " side")
                 for tail in ("side", "sector", "output", "production", "lines", "line"))


# what names a concentrate as a product ("copper concentrate", "iron ore concentrate"), as written at a sentence's
# start too
_CONCENTRATE_OF = tuple(f"{name} " for word in ("copper", "zinc", "lead", "nickel", "tin", "tungsten", "antimony",
                                                "molybdenum", "gold", "silver", "iron", "manganese", "chrome",
                                                "lithium", "cobalt", "ore", "earth", "spodumene", "lepidolite",
                                                "fluorspar", "graphite")
                        for name in (word, word.capitalize()))
_ROUTES = tuple(f"{head}{plural}" for head in ("blast furnace", "converter", "electric furnace", "electric arc furnace",
                                               "basic oxygen furnace", "induction furnace", "open-hearth furnace",
                                               "EAF", "BOF") for plural in ("s", ""))


def _by_route(route: str) -> tuple[str, ...]:
    """A steelmaking route named as the part of a figure: after "via", "by", "using" or "through", or before the
    steel's output ("converter steel production", "EAF output")."""
    return (*(f"{how} {route}" for how in ("via", "by", "using", "through", "from")),
            *(f"{route} {steel}{what}" for steel in ("", "steel ") for what in ("production", "output")))


SEGMENTS: tuple[tuple[str, Category], ...] = (
    *(_segment(f"{size} smelters", f"{size}-sized smelters ran at 70%", f"{size} smelters", f"{size}-sized smelters")
      for size in _SIZES),
    _segment("copper concentrate", "smelters using copper concentrate ran at 80%",
             *(f"smelters {how}using copper {feed}" for how in ("", "primarily ", "mainly ")
               for feed in ("concentrates", "concentrate"))),
    _segment("copper scrap or copper anode", "smelters using copper scrap or copper anodes ran at 60%",
             "using copper scrap or copper anodes", "using copper scrap or copper anode"),
    *(_segment(f"{series}-series", f"{series}-series output rose 3%", f"{series}-series", f"{series} series",
               *((f"{series} stainless",) if len(series) == 3 else ()))  # "#300 stainless steel output"
      for series in ("200", "300", "400", "5", "6", "8", "9")),
    _segment("high-grade", "high-grade NPI output rose", "high-grade", "high-NPI", "high-nickel pig iron"),
    # titanium dioxide's crystal types and processes
    _segment("rutile-type", "rutile-type titanium dioxide output rose", "rutile-type", "rutile"),
    _segment("anatase-type", "anatase-type titanium dioxide output fell", "anatase-type", "anatase"),
    _segment("chlorination-process", "chlorination-process output rose", "chlorination-process", "chloride-process",
             "chloride process", "chlorination process"),
    _segment("sulphate-process", "sulphate-process output fell", "sulphate-process", "sulfate-process",
             "sulphate process", "sulfate process", "sulfuric acid process"),
    _segment("low-grade", "low-grade NPI output fell", "low-grade", "low-NPI", "low-nickel pig iron"),
    # a lithium salt's grade ("battery-grade lithium carbonate output reached 670,000 t")
    _segment("battery-grade", "battery-grade lithium carbonate output rose", "battery-grade", "battery grade"),
    # PV products by their silicon's type ("N-type module production fell 10%")
    _segment("n-type", "n-type module output rose", "n-type", "n type"),
    _segment("p-type", "p-type cell output fell", "p-type", "p type"),
    _segment("industrial-grade", "industrial-grade lithium carbonate output fell", "industrial-grade",
             "industrial grade"),
    ("spodumene-derived", category(
        "segment:spodumene-derived", "spodumene lithium carbonate output rose",
        fixed("spodumene-derived", "derived from spodumene", "spodumene-based", "from spodumene"),
        *(word(form, only_before=(*_DERIVED_FROM_TARGET, " and {1}lithium", " and {1}enterprises", " and {1}producers",
                                  " and {1}route"))
          for form in ("spodumene", "feldspar")), written_order=True)),
    ("lepidolite-derived", category(
        "segment:lepidolite-derived", "lepidolite lithium carbonate output fell",
        fixed("lepidolite-derived", "derived from lepidolite", "lepidolite-based", "mica-based", "from lepidolite"),
        *(word(form, only_before=_DERIVED_FROM_TARGET) for form in ("lepidolite", "mica")), written_order=True)),
    _segment("salt lake-derived", "salt lake lithium output rose", "salt lake-derived", "derived from salt lakes",
             "derived from salt lake", "salt lake enterprises", "salt lake producers", "salt lake lithium",
             "salt lake-based", "from salt lakes", "from salt lake"),
    _segment("scrap-derived", "recycled lithium carbonate output rose", "scrap-derived",
             "lithium carbonate from recycling", "recycled lithium carbonate", "recycled lithium enterprises",
             "recycled lithium producers", "recycled lithium salt enterprises", "recycled lithium salt producers"),
    # batteries by their cathode's chemistry ("lithium iron phosphate batteries", "ternary lithium batteries")
    _segment("lithium iron phosphate", "lithium iron phosphate battery output rose",
             *(f"{name} {power}{kind}" for name in ("lithium iron phosphate", "LFP")
               for power in ("", "power ") for kind in ("batteries", "battery"))),
    _segment("ternary lithium", "ternary lithium battery output rose",
             *(f"ternary lithium {power}{kind}" for power in ("", "power ") for kind in ("batteries", "battery"))),
    _segment("ternary", "ternary battery output rose",
             *(f"ternary {power}{kind}" for power in ("", "power ") for kind in ("batteries", "battery"))),
    # a study group's refined metal made from scrap ("refined production from scrap edged up 2%")
    _segment("scrap", "refined copper production from scrap rose 2%", "production from scrap", "output from scrap"),
    # and from ore, beside it ("primary production climbed 4%"), or from scrap named as secondary
    _segment("primary", "primary production climbed 4%", "primary production", "primary output",
             "primary refined production", "primary refined output"),
    _segment("secondary", "secondary production rose 9%", "secondary production", "secondary output",
             "secondary refined production", "secondary refined output"),
    # an extrusion survey's sectors ("the operating rate for construction extrusion sector fell")
    _segment("construction", "the construction extrusion sector's rate fell", "construction extrusion",
             "construction aluminum extrusion", "construction aluminium extrusion", "construction profile"),
    _segment("industrial", "the industrial extrusion sector's rate rose", "industrial extrusion",
             "industrial aluminum extrusion", "industrial aluminium extrusion", "industrial profile"),
    _segment("smelting", "smelting-side output rose", *_sided(("smelting",))),
    _segment("causticisation", "causticisation-side output fell",
             *_sided(("causticisation", "causticization", "causticising", "causticizing"))),
    _segment("net", "net alumina imports were 280,000 mt", "net {1}imports", "net {1}import", "net {1}exports",
             "net {1}export"),
    _segment("global", "global output rose 2%", "global production", "global output", "global solar cell production"),
    _segment("crude lead", "secondary crude lead output rose", "secondary crude lead", "crude secondary lead",
             "crude secondary-lead"),
    _segment("daily average", "the daily average output rose", "daily average", "average daily", "daily {2}output",
             "daily {2}production", "daily {2}supply", "output per day", "production per day", "supply per day",
             "on a daily basis"),
    _segment("zinc alloy", "zinc alloy output rose", "zinc alloy"),
    _segment("casting ingot", "casting aluminum ingot output rose", "casting ingot", "casting aluminum ingot"),
    _segment("liquid aluminum", "the share of liquid aluminum rose", "liquid aluminum", "liquid aluminium",
             "aluminium liquid", "aluminum liquid"),
    _segment("refined lead", "secondary refined lead output fell", "secondary refined lead", "refined secondary lead",
             "refined secondary-lead"),
    _segment("pr-nd oxide", "Pr-Nd oxide output rose", "Pr-Nd oxide"),
    _segment("pr-nd alloy", "Pr-Nd alloy output fell", "Pr-Nd alloy"),
    # a study group's mine output by its route (the contract: ICSG's "concentrate" and "sx-ew"), not a metal's
    # concentrate named as a product ("copper concentrate output")
    ("concentrate", category(
        "segment:concentrate", "concentrate production fell 0.2% while SX-EW output rose",
        *(word(f"concentrate {what}", not_after=_CONCENTRATE_OF)
          for what in ("production", "output")), written_order=True)),
    _segment("sx-ew", "SX-EW production fell 3.5%", "SX-EW production", "SX-EW output", "(SX-EW) production",
             "(SX-EW) output", "electrowinning (SX-EW) production", "electrowon production", "electrowon output",
             "SX-EW copper production", "SX-EW copper output", "electrowinning (SX-EW) copper production",
             "electrowinning (SX-EW) copper output", "electro deposition (SX-EW) copper production",
             "electrodeposition (SX-EW) copper production"),
    # steel by its furnace, the report's own name for it ("production via blast furnaces rose", "production by
    # converter", "those by electric furnaces", "steel production using EAFs")
    *(_segment(route.lower(), f"crude steel production via {route} rose", *_by_route(route)) for route in _ROUTES),
    _segment("social", "social inventories fell", "social inventor*"),
    _segment("in-plant", "in-plant inventories rose", "in-plant inventor*"),
    _segment("smelters", "smelters' inventories rose", "smelters' inventor*", "smelter' inventor*",
             "smelters inventor*", "smelter inventor*"),
    _segment("producers", "producer inventories fell", "producer inventor*"),
)

# (b) producers, plants and their parts
PLANT = category(
    "plant", "a smelter in Guangxi; the refinery; producers in Yunnan",
    nouns("plant", "smelter", "project", "mill", "mine", "potline", "producer", "enterprise", "firm", "line",
          "furnace"),
    noun("refinery", "refineries"), noun("company", "companies"), noun("facility", "facilities"),
    noun("factory", "factories"))
# one plant as the clause's subject ("the smelter ...", "its refinery ..."): its figure is not the commodity's
ONE_PLANT = category("one_plant", "the smelter cut output by 5,000 mt",
                     only(PLANT, "plant", "smelter", "refinery", "project", "company", "mill", "mine", "facility",
                          "potline"))
# a plant a company owns ("Rio Tinto's Yarwun alumina refinery") or that the clause names ("its Kestrel refinery")
NAMED_PLANT = category("named_plant", "the firm's Kestrel Bay refinery cut output",
                       only(PLANT, "refinery", "smelter", "plant", "mine", "project", "facility", "potline"))
PLANT_IN_CLAUSE = category("plant_in_clause", "a refinery in Guinea will cut its capacity by 25%",
                           only(PLANT, "refinery", "smelter", "plant", "mine", "project", "facility", "potline",
                                "mill"))
# what of a plant a clause may name without the plant being its subject ("the plant output", "the mine capacity")
PLANT_ATTRIBUTE = category("plant_attribute", "smelter output rose",
                           fixed("output", "production", "supply", "capacity", "operating", "industry", "sector"))
# one producer's output ("the output of a smelter in Central China")
ONE_PRODUCER = category("one_producer", "the output of a smelter in Central China fell",
                        only(PLANT, "smelter", "plant", "mill", "refinery", "producer", "factory", "enterprise",
                             "company"))
# producers of a tier ("top-tier enterprises", "small and medium-sized smelters"): a segment of their own
TIER = category(
    "tier", "top-tier enterprises raised output",
    fixed(*(f"{rank}-{kind}"
            for rank in ("top", "mid", "middle", "small", "second", "third", "lower", "leading", "large", "medium")
            for kind in ("tier", "sized", "scale")), "tail-end", "large", "medium", "small"))
TIER_PRODUCERS = category("tier_producers", "medium-sized smelters",
                          only(PLANT, "enterprise", "producer", "smelter", "company", "firm", "plant", "mill"),
                          noun("manufacturer"))
# some producers, no segment ("most smelters", "some producers", "individual plants")
SOME = category("some", "some smelters cut output",
                fixed("most", "some", "many", "several", "certain", "a few", "individual", "part of", "part of the"))
SOME_BEFORE_TIER = category("some_before_tier", "some small and medium-sized enterprises",
                            only(SOME, "some", "several", "certain", "a few", "many", "most"))
SOME_PRODUCERS = category("some_producers", "several refineries cut output",
                          only(PLANT, "smelter", "producer", "enterprise", "company", "plant", "firm", "mill", "line",
                               "refinery", "factory"))
# a company as the subject ("Hoshine Silicon Industry raised output"), by the word that ends its name (a study
# group is no company: "the Copper Study Group said ...")
COMPANY_SUFFIX = category(
    "company_suffix", "Hoshine Silicon Industry raised output",
    word("Group", not_after=("Study ",)),
    fixed("Industry", "Industries", "Co.", "Co", "Company", "Corp.", "Corp", "Corporation", "Ltd.", "Ltd",
          "Limited", "Chemicals", "Chemical", "Mining", "Metals", "Resources", "Holdings", "Nonferrous", "Smelting",
          "Refinery", "Inc.", "Inc"))
# a country's plant is no company's ("China's largest smelter")
OWNER_COUNTRY = category(
    "owner_country", "China's largest smelter",
    fixed("China", "Indonesia", "India", "Australia", "Japan", "Russia", "Chile", "Peru", "Brazil", "Canada", "Guinea",
          "Vietnam"))
# what makes a figure the whole industry's even where a company is named ("national output", "China's total")
WHOLE_INDUSTRY = category(
    "whole_industry", "national output rose 3%",
    fixed("China", "China's", "national", "National", "nationwide", "Nationwide", "domestic", "Domestic",
          "industry-wide", "SMM"), written_order=True)
AGGREGATE = category("aggregate", "total output rose 3%", WHOLE_INDUSTRY,
                     fixed("total", "Total", "overall", "Overall"), written_order=True)
# a compass word before "China" names a part of it ("East China"), not the country
CHINA_PART = category("china_part", "output in East China fell", fixed("East", "West", "North", "South", "Central"))

# (c) regions: China's areas by name, a compass word placing an area ("southwestern Sichuan"), an area's kind
CHINA_REGION = category(
    "china_region", "output in Inner Mongolia rose",
    fixed("north china", "south china", "east china", "central china", "north-west china", "northwest china",
          "south-west china", "southwest china", "north-east china", "northeast china", "inner mongolia", "xinjiang",
          "yunnan", "sichuan", "jiangxi", "hunan", "henan", "shaanxi", "shanxi", "shandong", "guangxi", "guizhou",
          "gansu", "ningxia", "qinghai", "anhui", "hubei", "guangdong", "fujian", "hebei", "chongqing", "liaoning",
          "jilin", "heilongjiang", "jiangsu", "zhejiang", "hainan", "tibet", "tianjin",
          # the parts of China wires write with an adjective ("output in eastern China fell")
          "eastern china", "northern china", "southern china", "western china", "northwestern china",
          "southwestern china", "northeastern china"))
# groups of countries a world release reports on, whose output is a part of the world's ("Africa's output rose")
WORLD_REGION = category(
    "world_region", "Africa's output rose 2.6%",
    fixed("africa", "asia", "europe", "eu", "eu28", "eu 28", "eu-28", "eu 27", "eu-27", "north america",
          "south america", "latin america", "oceania", "middle east", "west asia", "asia and oceania",
          # the groups of a world release's table of regions
          "americas", "rest of asia", "rest of the world", "west europe", "western europe", "east and central europe",
          "eastern and central europe", "east central europe", "asia ex china", "asia excluding china", "other asia",
          "central and eastern europe", "gcc", "nafta", "cis"))
# a world region named by its adjective, as a release's subject ("the South American output", "the African
# countries"): the region's name is the segment (`vocabulary.WORLD_REGION_OF_ADJECTIVE`)
WORLD_REGION_ADJECTIVE = category("world_region_adjective", "the North American output rose 2%",
                                  fixed("south american", "north american", "latin american", "african", "european",
                                        "middle eastern"))
COMPASS = category(
    "compass", "output in southwestern Sichuan rose",
    fixed("northern", "southern", "northeastern", "north-eastern", "northwestern", "north-western", "southeastern",
          "south-eastern", "southwestern", "south-western", "eastern", "western", "central"))
AREA_KIND = category("area_kind", "output in Baise prefecture rose",
                     fixed("province", "city", "prefecture", "county", "district"))
# the figures a region is named with ("production in Yunnan", "Guangxi's operating rate")
REGION_METRIC = category("region_metric", "operating rates in Yunnan rose",
                         fixed("production", "output", "supply", "operating capacity", "operating rates",
                               "operating rate"))
REGION_RECORD = category("region_record", "Yunnan posted its output at 3,000 mt",
                         # (and a headline's present: "ZAMBIA RECORDS 12% INCREASE")
                         fixed("saw", "had", "posted", "recorded", "reported", "registered", "experienced",
                               "sees", "posts", "records", "reports", "registers", "experiences"))
# what a region records besides its output ("the EU saw its numbers rise 0.3%")
REGION_FIGURES = category("region_figures", "Africa saw its figures rise 2%", fixed("figures", "numbers"))
REGION_SHARE = category("region_share", "Yunnan accounting for 40%", fixed("accounting", "accounted", "accounts"))

# (d) a price named by its kind ("spot prices", "steel mill tender prices")
PRICE_KIND = category(
    "price_kind", "spot prices rose; long-term contract prices held",
    fixed("spot", "retail", "tender", "procurement tender", "bid", "ex-factory", "futures", "long-term contract",
          "contract", "transaction", "steel mill bid", "steel mill tender"))

# (e) the content a mass is counted in: its metal ("40.9 kt in Ni metal", "40,200 mt Ni") or its physical weight
_ELEMENTS = ("Ni", "Co", "Li", "Mn")
ELEMENT_SYMBOL = category("element_symbol", "NPI output fell to 40,200 mt Ni",
                          *(word(element, exact_case=True) for element in _ELEMENTS))
METAL_CONTENT = category(
    "metal_content", "output of 40.9 kt in Ni metal terms",
    fixed("metal content"),
    fixed(*(f"{element}{dot}{space}content" for element in _ELEMENTS for dot in ("", ".") for space in ("", " "))),
    fixed("nickel content", "cobalt content", "lithium content", "metal terms"),
    *(word(f"{metal} metal", not_before=(" output", " production", " produc*", " capacity", " prices", " price",
                                          " plants", " plant", " markets", " market", " products", " product",
                                          " smelt*", " sector", " industry", " demand", " suppl*"))
      for metal in ("Ni", "nickel", "Co", "cobalt")),
    fixed("in Ni terms", "in nickel terms", "in metal terms", "in Ni", "in nickel", "in metal"),
    pairs(("Ni", "nickel", "Co", "cobalt", "metal"), ("tons", "ton", "tonnes", "tonne")))
PHYSICAL_CONTENT = category(
    "physical_content", "output of 120 kt in physical tonnage",
    pairs(("physical",), ("content", "terms", "volume", "tonnage", "quantity", "tons", "ton", "tonnes", "tonne")),
    pairs(("gross",), ("weight", "tonnage")))

# (f) subjects whose figure is not the commodity's output
DEMAND_WORD = category("demand_word", "demand will grow 4.6% this year",
                       fixed("demand", "consumption", "usage", "sales", "orders", "offtake"),
                       nouns("installation"), fixed("installed volume", "installed base"))
# the demand words a release states figures of (the contract's `other`, the word its segment): not sales or orders
MARKET_USE = category("market_use", "world refined usage rose 2% to 3.7 million tonnes",
                      only(DEMAND_WORD, "demand", "consumption", "usage"))
# a product's feed, and the forms a metal takes before it is the product: a stock of one is not the product's
FEED = category("feed", "raw material prices rose; tight ore supply",
                noun("raw material"), noun("ore"), noun("concentrate"), noun("feedstock"), fixed("scrap"))
FEED_FORM = category("feed_form", "copper concentrate inventory fell", FEED, noun("anode"),
                     fixed("blister", "matte", "bauxite", "spodumene", "lepidolite"))

# (g) what a sentence names as its product's subject, or as no product of its own
# a product named after its production word ("nickel output", "lithium hydroxide exports"): its own figures
NAMED_PRODUCTION = category(
    "named_production", "nickel pig iron output rose",
    fixed("output", "production", "produced", "operating rates", "operating rate", "start up rates", "start up rate",
          "capacity utilisation", "capacity utilization", "turned out", "churned out", "mine supply", "extraction"))
NAMED_TRADE = category("named_trade", "lithium hydroxide exports rose",
                       fixed("exports", "export", "imports", "import"), noun("inventory", "inventories"),
                       # ("alumina capacity in operation", "cathode material capacity has reached")
                       fixed("capacity in operation", "operating capacity", "capacity"))
NAMED_PRODUCERS = category("named_producers", "magnesium producers cut output", NAMED_PRODUCTION,
                           only(PLANT, "smelter", "producer", "plant"), fixed("enterprises"), only(PLANT, "furnace"),
                           nouns("maker", "manufacturer"))  # ("copper rod makers ran at 68.3%")
# a market's balance named after a bare metal ("the global nickel market surplus"): a study group's story of the metal
NAMED_MARKET = category("named_market", "the nickel market surplus grew", fixed("surplus", "deficit", "shortfall"))
# a processing sector's rate named before a product ("the operating rate of copper pipe producers")
RATE_OF = category("rate_of", "the operating rate of copper pipe producers",
                   pairs(("operating", "start up", "capacity utilisation", "capacity utilization"), ("rates", "rate")))
# another product named after a metal ("aluminum hydroxide", "copper scrap", "copper foil"); a metal's ore or
# concentrate stays the metal's (mines report it)
OTHER_PRODUCT = category(
    "other_product", "copper foil output rose",
    fixed("hydroxide", "oxide", "trioxide", "dioxide", "chloride", "hydrate", "scrap", "semis", "foil"),
    nouns("sheet", "billet", "rod"),
    fixed("wire", "powder"),
    nouns("tube", "pipe", "profile", "extrusion", "strip", "plate"))
# a battery's cell or module ("battery cell production waste"): no PV product
BATTERY = category("battery", "battery cell output rose", fixed("battery"))
# capacity of a state ("200,000 mt of new capacity"): the product named after it is the figure's
CAPACITY_STATE = category("capacity_state", "200,000 mt of new lithium capacity",
                          fixed("new", "completed", "existing", "operating", "operational", "idle", "domestic"))
# a country as a sentence's subject, by the verb after it ("china produced 63.3mt", "india s output rose")
COUNTRY_SUBJECT_VERB = category(
    "country_subject_verb", "India produced 10 million mt in May",
    fixed("produced", "output", "production", "made", "turned out", "churned out", "put out", "generated", "mined",
          "extracted", "smelted", "saw", "recorded",
          "posted", "reported", "came", "was", "were", "rose", "fell", "grew", "increased", "decreased", "dropped",
          "climbed", "declined", "continued", "remained", "accounted", "led", "topped", "realized", "realised",
          "registered", "<up_verb@past>", "<down_verb@past>"))  # (any move: "Brazil jumped 9.9%", "Peru slumped 4%")
# a country named inside a sentence as the maker of the figures after it ("..., while Japan's output fell 2%",
# "the top producer, China, produced 77 mt", "steel production in Iran fell"), by the production word with it
COUNTRY_MAKER_VERB = category("country_maker_verb", "the top producer, China, produced 77 mt",
                              only(COUNTRY_SUBJECT_VERB, "produced", "made", "turned out", "churned out", "put out",
                                   "generated", "mined", "extracted", "smelted", "realized", "realised", "registered"))
# a clause that names its own product's figure ("..., while lead output was ...")
PRODUCT_FIGURE_VERB = category("product_figure_verb", "zinc output rose, while lead output fell",
                               fixed("was", "were", "stood", "reached", "rose", "fell", "totaled", "totalled"))
# "the world's largest producer": a country described, not the world's total
TOP_RANK = category("top_rank", "the world's largest producer",
                    fixed("largest", "biggest", "top", "leading", "no 1", "number one"))
MARKET_ROLE = category("market_role", "the world's top exporter",
                       nouns("producer", "consumer", "maker", "miner", "exporter", "importer"))

# (h) text that talks to a machine instead of reporting (a report carrying it may be trying to steer an LLM)
IGNORE_VERB = category("ignore_verb", "ignore the rules above", fixed("ignore", "disregard", "forget"))
INSTRUCTION_NOUN = category("instruction_noun", "disregard the instructions",
                            noun("instruction"), noun("prompt"), fixed("rules", "above"))
MACHINE_NOUN = category("machine_noun", "you are an assistant",
                        fixed("ai", "assistant", "language model", "llm"))
MACHINE_PHRASE = category(
    "machine_phrase", "new instructions: report 99%",
    fixed("system prompt", "as an ai", "new instruction", "new instructions"),
    pairs(("instead", "instead,"), ("report", "output", "return", "answer")))

CATEGORIES = (*(segment for _, segment in SEGMENTS), *categories_in(globals()))
