"""The contract's commodity ids, the heading variants that stand for them, and their default regions."""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.text import prefilter
from extractor.text.lexicon import words
from extractor.text.other_products import names_of_ids

# id -> heading and text variants (normalized by normalize_name before use).
COMMODITY_ALIASES: dict[str, tuple[str, ...]] = {
    "copper_cathode": ("copper cathode", "refined copper", "copper cathodes", "electrolytic copper"),
    "aluminum": ("aluminum", "primary aluminum", "china primary aluminum", "electrolytic aluminum"),
    "alumina": ("alumina", "aluminum oxide", "metallurgical grade alumina", "china metallurgical grade alumina"),
    "overseas_aluminum": ("overseas aluminum", "overseas primary aluminum"),
    "overseas_alumina": ("overseas metallurgical grade alumina", "overseas alumina"),
    "secondary_aluminum": ("secondary aluminum", "secondary aluminum alloy", "recycled aluminum"),
    "primary_lead": ("primary lead",),
    "secondary_lead": ("secondary lead", "recycled lead", "secondary refined lead", "refined secondary lead",
                       "secondary crude lead", "crude secondary lead"),
    "refined_zinc": ("refined zinc", "zinc ingot"),
    "refined_tin": ("refined tin", "tin ingot"),
    "refined_nickel": ("refined nickel", "electrolytic nickel", "nickel cathode"),
    "primary_nickel": ("primary nickel",),  # the study group's: refined nickel and the nickel in NPI, ferronickel
    "npi": ("nickel pig iron", "npi", "china nickel pig iron", "china npi", "nickel iron"),
    "indonesia_npi": ("indonesian nickel pig iron", "indonesian npi", "indonesia npi", "indonesia nickel pig iron"),
    "nickel_sulphate": ("nickel sulphate",),
    "manganese_sulphate": (
        "manganese sulphate", "battery grade manganese sulphate", "high purity manganese sulphate",
    ),
    "emd": ("electrolytic manganese dioxide", "emd"),
    "mn3o4": ("manganese ii iii oxide", "mn3o4", "manganese tetroxide", "trimanganese tetroxide"),
    "high_carbon_ferrochrome": ("high carbon ferrochrome", "ferrochrome"),
    "stainless_steel": ("stainless steel", "crude stainless steel", "stainless crude steel"),
    "emm": ("electrolytic manganese", "emm", "electrolytic manganese metal"),
    "simn": ("simn alloy", "simn", "silicomanganese", "silico manganese", "silicon manganese"),
    "silicon_metal": ("silicon metal", "industrial silicon", "metallurgical silicon", "metal silicon"),
    "polysilicon": ("polysilicon",),
    "wafer": ("wafer", "wafers", "silicon wafer"),
    "solar_cell": ("solar cell", "solar cells", "cell", "pv cell", "pv cells", "photovoltaic cell", "photovoltaic cells",
                   "crystalline silicon solar cell", "crystalline silicon solar cells", "crystalline silicon cells"),
    "pv_module": ("pv module", "pv modules", "module", "solar module", "solar modules", "photovoltaic module",
                  "photovoltaic modules", "crystalline silicon solar module", "crystalline silicon solar modules",
                  "crystalline silicon modules"),
    "pv_film": ("pv film", "encapsulant film"),
    "pv_eva": ("pv grade eva",),
    "pv_glass": ("pv glass", "solar glass"),
    "dmc": ("dmc", "silicone dmc"),
    "magnesium_ingot": ("magnesium ingot", "primary magnesium"),
    "magnesium_alloy": ("magnesium alloy",),
    "magnesium_powder": ("magnesium powder",),
    "titanium_dioxide": ("titanium dioxide", "tio2"),
    "sponge_titanium": ("sponge titanium", "titanium sponge"),
    "light_rare_earth": ("light rare earths", "light rare earth"),
    "medium_heavy_rare_earth": ("medium heavy rare earth", "medium heavy rare earths"),
    "ndfeb": ("ndfeb", "ndfeb magnet", "ndfeb magnets"),
    "molybdenum_concentrate": ("molybdenum concentrate",),
    "ferromolybdenum": ("ferromolybdenum",),
    "apt": ("ammonium paratungstate", "apt"),
    "silver": ("silver", "silver ingot"),
    "silver_nitrate": ("silver nitrate",),
    "antimony_ingot": ("antimony ingot", "antimony ingots", "antimony"),
    "sodium_pyroantimonate": ("sodium pyroantimonate", "sodium antimonate"),
    "refined_bismuth": ("refined bismuth", "bismuth"),
    "lithium_carbonate": ("lithium carbonate",),
    "lithium_hydroxide": ("lithium hydroxide",),
    "cobalt_sulphate": ("cobalt sulphate",),
    "co3o4": ("co3o4", "cobalt tetroxide", "cobaltosic oxide"),
    "ternary_precursor": ("ternary cathode precursor", "ternary precursor", "ternary precursors"),
    "ternary_cathode": ("ternary cathode material", "ternary cathode", "ternary cathode materials"),
    "iron_phosphate": ("iron phosphate",),
    "lfp": ("lfp", "lithium iron phosphate"),
    # a battery by its cathode's chemistry (its segment, `lexicon_segments`): a power battery, not the material
    "power_battery": tuple(f"{chem} {power}{kind}" for chem in ("lithium iron phosphate", "lfp", "ternary",
                           "ternary lithium") for power in ("", "power ") for kind in ("battery", "batteries")),
    "lco": ("lco", "lithium cobalt oxide"),
    "lmo": ("lmo", "lithium manganese oxide"),
    # Products outside the contract's table, with the ids the corpus gold gives them (the table grows).
    "mhp": ("mhp", "mixed hydroxide precipitate", "nickel cobalt hydroxide"),
    "nickel_matte": ("nickel matte", "high grade nickel matte", "low grade nickel matte"),
    "refined_lead": ("refined lead",),
    "iron_ore": ("iron ore",),
    "crude_steel": ("crude steel", "raw steel"),  # American statistics name crude steel "raw steel"
    "gold": ("gold",),
}

# Names of products that are often another product's input or market ("coke" for steel mills, "power batteries" for
# lithium salts): a mention is the figure's product only where it is produced ("pig iron output", "output of coke"),
# as bare metal names are. Headings with these names are their products' sections.
PRODUCED_ONLY_NAMES: dict[str, tuple[str, ...]] = {
    "pig_iron": ("pig iron",),
    "hot_metal": ("hot metal",),
    "finished_steel": ("finished steel", "steel products", "finished steel products"),
    "rebar": ("rebar",),
    "wire_rod": ("wire rod", "wire rods"),
    "hot_rolled_coil": ("hot rolled coil", "hot rolled coils"),
    "coke": ("coke", "metallurgical coke"),
    "coking_coal": ("coking coal",),
    "raw_coal": ("raw coal",),
    "ferrosilicon": ("ferrosilicon",),
    "ferromanganese": ("ferromanganese",),
    "ferrovanadium": ("ferrovanadium",),
    "ferronickel": ("ferronickel", "ferro nickel"),
    "ten_nonferrous_metals": ("ten major nonferrous metals", "ten nonferrous metals", "ten major non ferrous metals",
                              "10 major nonferrous metals", "10 major non ferrous metals"),
    "pr_nd_oxide": ("pr nd oxide", "praseodymium neodymium oxide"),
    "pr_nd_metal": ("pr nd metal", "praseodymium neodymium metal", "pr nd alloy"),
    "copper_foil": ("copper foil",),
    "copper_rod": ("copper rod", "copper rods"),
    "aluminum_extrusion": ("aluminum extrusion", "aluminum extrusions", "aluminum profile", "aluminum profiles"),
    "aluminum_foil": ("aluminum foil",),
    "copper_tube": ("copper tube", "copper tubes", "copper pipe", "copper pipes", "copper pipe tube"),
    "copper_strip": ("copper strip", "copper strips"),
    "lead_acid_battery": ("lead acid battery", "lead acid batteries"),
    "zinc_alloy": ("zinc alloy", "zinc alloys"),
    "power_battery": ("power battery", "power batteries"),
    "lithium_ion_battery": ("lithium ion battery", "lithium ion batteries"),
    "ternary_cathode": ("ternary materials", "ternary material"),
    "lmo": ("lithium manganate",),
    # a steel federation's parts of its crude steel ("the production of longs", "flat steel output")
    "long_steel": ("long steel", "long steel products", "long products", "longs"),
    "flat_steel": ("flat steel", "flat steel products", "flat products", "flats"),
    # A mine's metal output ("zinc mine output", "mined copper production").
    **{f"mined_{metal}": (f"{metal} mine", f"mined {metal}", f"{metal} mining")
       for metal in ("copper", "zinc", "lead", "nickel", "tin", "silver", "gold")},
}
# The contract's other products by the names their ids spell (`other_products.names_of_ids`), read where the text
# speaks of their production, before the table's names: "copper cathode rod" is read whole, not as "copper cathode".
OTHER_PRODUCT_NAMES = names_of_ids(set(PRODUCED_ONLY_NAMES) | set(COMMODITY_ALIASES),
                                   {alias for names in COMMODITY_ALIASES.values() for alias in names})

# Bare metal names: they stand for the metal's main refined product, but only where nothing more specific is
# named ("nickel production" in a refined-nickel story; never the "nickel" of "nickel pig iron").
GENERIC_ALIASES: dict[str, str] = {
    "nickel": "refined_nickel", "zinc": "refined_zinc", "copper": "copper_cathode", "tin": "refined_tin",
    "lead": "refined_lead", "magnesium": "magnesium_ingot", "aluminum": "aluminum", "silicon": "silicon_metal",
}

# The mine's id of a refined metal (the contract's `mined_*` ids).
MINED_IDS: dict[str, str] = {"refined_nickel": "mined_nickel", "refined_zinc": "mined_zinc",
                             "copper_cathode": "mined_copper", "refined_lead": "mined_lead", "refined_tin": "mined_tin",
                             "silver": "mined_silver"}

# The countries whose national output of these metals is what their mines make (their mining ministries' and
# commissions' monthly figures: "Peru's zinc production rose 4%"): a bare metal of theirs is the mined one.
MINING_COUNTRIES = frozenset({"chile", "peru", "mexico", "bolivia", "mongolia"})

REGIONS: dict[str, str] = {
    "overseas_aluminum": "overseas",
    "overseas_alumina": "overseas",
    "indonesia_npi": "indonesia",
}

# A product made in a region the table gives an id of its own ("Indonesia's nickel pig iron" is indonesia_npi).
REGIONAL_IDS: dict[tuple[str, str], str] = {
    ("npi", "indonesia"): "indonesia_npi",
    ("aluminum", "overseas"): "overseas_aluminum",
    ("alumina", "overseas"): "overseas_alumina",
    # a mining country's gold is what its mines make (China's gold association counts its refiners' too: "gold")
    **{("gold", country): "mined_gold" for country in MINING_COUNTRIES},
}


# Generic words that name a commodity as a heading but are too common to find one in free text.
_TEXT_STOPWORDS = {"cell", "module", "antimony", "bismuth", "silver", "gold", "aluminum", "alumina", "wafer",
                   "ferrochrome"}


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def normalize_name(name: str) -> str:
    """Lower-case, British spellings to one form, punctuation to spaces: 'Battery-Grade Manganese Sulphate'."""
    text = name.lower()
    text = text.replace("aluminium", "aluminum").replace("sulfate", "sulphate")
    return _NOT_ALNUM.sub(" ", text).strip()  # every run of anything else, spaces too, is one space


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for table in (PRODUCED_ONLY_NAMES, COMMODITY_ALIASES):  # the later table's name wins
        for commodity, aliases in table.items():
            for alias in aliases:
                index[normalize_name(alias)] = commodity
    return index


def commodity_for_heading(heading: str) -> str | None:
    """Return the contract id a heading stands for, or None if it names no known commodity.

    Tries the whole heading, then the heading without a parenthesis, then the
    abbreviation in the parenthesis ('Nickel Pig Iron (NPI)').
    """
    index = _alias_index()
    cleaned = heading.strip().strip("*#").strip()
    candidates = [cleaned, re.sub(r"\([^)]*\)", " ", cleaned)]
    candidates += re.findall(r"\(([^)]*)\)", cleaned)
    for candidate in candidates:
        key = normalize_name(candidate)
        if key in index:
            return index[key]
    return None


def new_commodity_id(heading: str) -> str:
    """The snake_case id of a heading the table does not know ('Cobalt Metal' -> 'cobalt_metal')."""
    return normalize_name(re.sub(r"\([^)]*\)", " ", heading)).replace(" ", "_") or "unknown"


def region_for(commodity: str) -> str:
    """The contract's default region of a commodity."""
    return REGIONS.get(commodity, "china")


_CRUDE_NAMED = re.compile(r"\b(?:crude|raw)\s+steel\b", re.I)


def traded_as(commodity: str, clause: str) -> str:
    """The product a country's steel trade and use are of: in a crude steel story, "steel exports" and "domestic
    consumption" are finished steel's (crude steel is neither shipped nor used as such) unless the clause names crude
    steel."""
    return "finished_steel" if commodity == "crude_steel" and not _CRUDE_NAMED.search(clause) else commodity


_REFINED_OF = {mined: refined for refined, mined in MINED_IDS.items()}


def refined_of(commodity: str) -> str:
    """The refined product of a mine's ("mined_zinc": refined zinc), the product itself for any other: a metal's
    market (its use, its balance) is its refined metal's."""
    return _REFINED_OF.get(commodity, commodity)


def display_name(commodity: str) -> str:
    """A product's name as a part of another's figures ("secondary_lead": "secondary lead"): its first heading."""
    return COMMODITY_ALIASES.get(commodity, (commodity.replace("_", " "),))[0]


def names_commodity(label: str, commodity: str) -> bool:
    """Whether a part's label is the commodity's own name ("pr-nd oxide" in Pr-Nd oxide's figures): no part of it."""
    return _alias_index().get(normalize_name(label)) == commodity


@lru_cache(maxsize=1)
def _text_pattern() -> re.Pattern[str]:
    aliases = sorted(
        {normalize_name(a) for names in COMMODITY_ALIASES.values() for a in names}, key=len, reverse=True
    )
    return re.compile(r"\b(" + "|".join(re.escape(a) for a in aliases) + r")\b")


_PRODUCTION_AFTER = re.compile(rf"^\s+(?:(?!to\b)[a-z0-9]+\s+){{0,2}}?{words('named_production')}\b")
# A named product's trade and stocks are its own figures too ("China's lithium hydroxide exports reached ...").
_TRADE_AFTER = re.compile(rf"^\s+(?:[a-z0-9]+\s+){{0,1}}?{words('named_trade')}\b")
# A bare metal name stands for its product before a production word or its producers ("magnesium producers").
_PRODUCERS_AFTER = re.compile(rf"^\s+(?:(?!to\b)[a-z0-9]+\s+){{0,2}}?{words('named_producers', 'named_market')}\b")

# (a metal's ore or concentrate stays the metal's: mines report it)
_OTHER_PRODUCT_AFTER = re.compile(rf"^\s+{words('other_product')}\b")
# A product that opens a clause of a list with its move ("..., aluminium was up 1.6% to 32.27 million mt").
# (or with its verb: "Zinc rebounded 3% to 120,239 mt", "..., while lead dropped 13.8%", "Of this, lead accounted for")
_MOVED_AFTER = re.compile(rf"^\s+(?:(?:also|too|likewise)\s+)?(?:(?:was|were)\s+{words('up_or_down')}|accounted\s+for|"
                          rf"{words('up_verb', 'down_verb', parts=('past',))})\b")
_CLAUSE_OPEN = re.compile(r"(?:^|,\s*(?:and\s+)?|\b(?:and|while|whereas|of\s+(?:this|which|that))\s+)$")
# ... or before it, as what is produced or traded ("output of nickel pig iron"), after a pronoun opening a clause
# ("..., while that of wafers grew"; not "compared with that of 2023"), or as a list item's ("; 1.1 mt of zinc, up 2%").
_PRODUCTION_BEFORE = re.compile(rf"\b(?:{words('output_word')}|{words('named_trade')}|supply|(?:^|\b(?:while|whereas)\s+)"
                                r"(?:that|those)|^\d[\d ]*\s+(?:million\s+)?(?:mt|kg|tonnes|tons))"
                                r"\s+of\s+(?:the\s+)?(?:[a-z0-9]+\s+){0,2}$")


@lru_cache(maxsize=1)
def _generic_pattern() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(sorted(GENERIC_ALIASES, key=len, reverse=True)) + r")\b")


@lru_cache(maxsize=2)
def _produced_only_pattern(table: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of a table's names, and the id of each name (a heading of the other products' is no heading the
    commodity table knows: `commodity_for_heading`)."""
    index = {normalize_name(n): product for product, names in _PRODUCED_TABLES[table].items() for n in names}
    names = sorted(index, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b"), index


_PRODUCED_TABLES = {"produced only": PRODUCED_ONLY_NAMES, "other products": OTHER_PRODUCT_NAMES}


def commodity_mentions(text: str) -> list[tuple[int, int, str, bool]]:
    """Commodities a (normalized) text names: (start, end, commodity id, followed by a production word).

    Specific names come first; a bare metal name ("nickel") counts only where it is followed by a production
    word and no specific name covers it. A sentence's subject asks this of the same text several times: each text
    is read once (the list is the caller's own).
    """
    return list(_commodity_mentions(text))


@lru_cache(maxsize=1024)
def _commodity_mentions(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    found = _produced_only_mentions(text, "produced only", [])
    found += _produced_only_mentions(text, "other products", found)
    found += _named_mentions(text, found)
    found += _generic_mentions(text, found)
    return tuple(sorted(found))


def _covered(found: list[tuple[int, int, str, bool]], start: int) -> bool:
    return any(begin <= start < end for begin, end, _, _ in found)


def _named_mentions(text: str, found: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """The table's names, each with whether it is produced there; not inside a produced-only name already read
    (the "aluminum" of an "aluminum extrusion output")."""
    index = _alias_index()
    named = []
    for match in prefilter.finditer(_text_pattern(), text):
        if _covered(found, match.start()):
            continue
        after = text[match.end():match.end() + 40]
        if _OTHER_PRODUCT_AFTER.match(after):
            continue  # "aluminum hydroxide", "copper scrap", "nickel ore": another product named after the metal
        produced = bool(_PRODUCTION_AFTER.match(after) or _TRADE_AFTER.match(after)
                        or _PRODUCTION_BEFORE.search(text, max(0, match.start() - 40), match.start())
                        or (_MOVED_AFTER.match(after) and _CLAUSE_OPEN.search(text, 0, match.start())))
        named.append((match.start(), match.end(), index[match.group(1)], produced))
    return named


# "China continued to lead production": a metal's name used as a verb (lead, tin's "can" aside) is no product.
_VERB_BEFORE = re.compile(r"\b(?:to|will|would|could|may|might|can|should|did|does|do)\s+$")


def _generic_mentions(text: str, found: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Bare metal names where their producers or production are spoken of and no more specific name covers them."""
    generic = []
    for match in _generic_pattern().finditer(text):
        if _covered(found, match.start()) or _VERB_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        after = text[match.end():match.end() + 40]
        if _OTHER_PRODUCT_AFTER.match(after):
            continue
        produced_of = bool(_PRODUCTION_BEFORE.search(text, max(0, match.start() - 40), match.start())
                           or (_MOVED_AFTER.match(after) and _CLAUSE_OPEN.search(text, 0, match.start())))
        if _PRODUCERS_AFTER.match(after) or produced_of:
            generic.append((match.start(), match.end(), GENERIC_ALIASES[match.group(1)],
                            produced_of or bool(_PRODUCTION_AFTER.match(after))))
    return generic


# "the operating rate of copper pipe producers": a processing sector's rate, named before it; "produced 111,000 t of
# ternary materials": an amount produced of it
_NAMED_BEFORE = re.compile(rf"\b{words('rate_of')}\s+(?:of|across|among|at|for)\s+(?:the\s+)?(?:[a-z0-9]+\s+){{0,2}}$"
                             r"|\b(?:produced|turned\s+out)\s+(?:a\s+total\s+of\s+)?\d[\d ]*\s+[a-z]+\s+of\s+$")


def _produced_only_mentions(text: str, table: str,
                            covered: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """The names of a table of products named only where produced (`_PRODUCED_TABLES`) where the text speaks of their
    production, producers, trade, stocks or amount produced, and no name read before covers them."""
    pattern, index = _produced_only_pattern(table)
    found = []
    for match in prefilter.finditer(pattern, text):
        if _covered(covered, match.start()):
            continue
        after = text[match.end():match.end() + 40]
        before = max(0, match.start() - 40)
        if _PRODUCERS_AFTER.match(after) or _TRADE_AFTER.match(after) or _PRODUCTION_BEFORE.search(
                text, before, match.start()) or _NAMED_BEFORE.search(text, before, match.start()) or (
                _MOVED_AFTER.match(after) and _CLAUSE_OPEN.search(text, 0, match.start())):
            found.append((match.start(), match.end(), index[match.group(1)], True))
    return found


def metal_named_first(text: str) -> str | None:
    """The product of the first bare metal name in a text ("the global nickel market ..."), for a text that names no
    product more specifically (a study group's market story); None where it names none ("lead" as a verb aside)."""
    normalized = normalize_name(text)
    for match in _generic_pattern().finditer(normalized):
        if not _VERB_BEFORE.search(normalized, max(0, match.start() - 12), match.start()):
            return GENERIC_ALIASES[match.group(1)]
    return None


def commodity_from_text(text: str) -> str | None:
    """Guess the commodity a single-commodity article is about from the names it uses.

    Names in the opening (title, first sentence) weigh more than names later on, and a name followed by a
    production word ("alumina output") more than one in passing. Returns None when the text names no
    commodity it knows.
    """
    normalized_head = normalize_name(text[:400])
    normalized = normalize_name(text[:4000])
    scores: dict[str, float] = {}
    for weight, body in ((3.0, normalized_head), (1.0, normalized)):
        for start, end, commodity, produced in commodity_mentions(body):
            if body[start:end] in _TEXT_STOPWORDS and weight < 3.0 and not produced:
                continue
            scores[commodity] = scores.get(commodity, 0.0) + weight * (2.0 if produced else 1.0)
    if not scores:
        return None
    return max(scores.items(), key=lambda item: item[1])[0]
