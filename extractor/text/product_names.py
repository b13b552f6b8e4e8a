"""The product tables the commodity reader reads by (rules as data): the contract's ids and the names that stand for
them, the names read only where produced, bare metal names, mined and regional ids and default regions. The code that
reads them is `commodities.py`."""

from __future__ import annotations

from extractor.text.other_products import names_of_ids

# id -> heading and text variants (normalized by normalize_name before use).
COMMODITY_ALIASES: dict[str, tuple[str, ...]] = {
    "copper_cathode": ("copper cathode", "refined copper", "copper cathodes", "electrolytic copper"),
    "aluminum": ("aluminum", "primary aluminum", "china primary aluminum", "electrolytic aluminum"),
    "alumina": ("alumina", "aluminum oxide", "alumina oxide", "metallurgical grade alumina",
                "china metallurgical grade alumina"),
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
    "wafer": ("wafer", "wafers", "silicon wafer", "silicon wafers"),
    "solar_cell": ("solar cell", "solar cells", "cell", "cells", "pv cell", "pv cells", "photovoltaic cell",
                   "photovoltaic cells", "crystalline silicon solar cell", "crystalline silicon solar cells",
                   "crystalline silicon cells"),
    "pv_module": ("pv module", "pv modules", "module", "modules", "solar module", "solar modules",
                  "photovoltaic module", "photovoltaic modules", "crystalline silicon solar module",
                  "crystalline silicon solar modules", "crystalline silicon modules"),
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

# A bare metal's name before one of these names a product of the metal ("cobalt salt", "gallium oxide"), not the metal.
METAL_PRODUCT_WORDS = ("salt", "salts", "intermediate", "intermediates", "sulphate", "sulfate", "chloride",
                       "hydroxide", "oxide", "tetroxide", "metal", "powder", "content", "concentrate", "concentrates",
                       "ore", "ores", "compound", "compounds", "chemical", "chemicals", "alloy", "alloys")

# Names of products that are often another product's input or market ("coke" for steel mills, "power batteries" for
# lithium salts): a mention is the figure's product only where it is produced ("pig iron output", "output of coke"),
# as bare metal names are. Headings with these names are their products' sections.
PRODUCED_ONLY_NAMES: dict[str, tuple[str, ...]] = {
    "pig_iron": ("pig iron",),
    "hot_metal": ("hot metal", "molten iron"),
    "finished_steel": ("finished steel", "steel products", "finished steel products"),
    "rebar": ("rebar",),
    "wire_rod": ("wire rod", "wire rods"),
    "hot_rolled_coil": ("hot rolled coil", "hot rolled coils"),
    "coke": ("coke", "metallurgical coke"),
    "iron_ore_concentrate": ("iron ore concentrate", "iron ore concentrates"),
    "coking_coal": ("coking coal",),
    "raw_coal": ("raw coal",),
    "ferrosilicon": ("ferrosilicon", "ferro silicon", "fesi"),
    "ferromanganese": ("ferromanganese", "ferro manganese"),
    "ferrovanadium": ("ferrovanadium",),
    "ferronickel": ("ferronickel", "ferro nickel"),
    "ten_nonferrous_metals": ("ten major nonferrous metals", "ten nonferrous metals", "ten major non ferrous metals",
                              "ten non ferrous metals", "10 major nonferrous metals", "10 major non ferrous metals",
                              "10 nonferrous metals", "10 non ferrous metals"),
    # a minor metal named as a product where its output is spoken of ("China's gallium output"); not germanium nor
    # indium, which name producers too ("Chihong Zinc & Germanium stepped up production", in a lead survey)
    "gallium": ("gallium",),
    "cobalt": ("cobalt",),  # all cobalt, where the text names no product of it (the contract's rule for antimony)
    "pr_nd_oxide": ("pr nd oxide", "praseodymium neodymium oxide"),
    "pr_nd_metal": ("pr nd metal", "praseodymium neodymium metal", "pr nd alloy"),
    "copper_foil": ("copper foil",),
    "copper_rod": ("copper rod", "copper rods"),
    "aluminum_extrusion": ("aluminum extrusion", "aluminum extrusions", "aluminum profile", "aluminum profiles",
                           "aluminum extruders"),
    "aluminum_foil": ("aluminum foil",),
    "copper_material": ("copper material", "copper materials"),  # (semi-finished copper: NBS's copper materials)
    "aluminum_material": ("aluminum material", "aluminum materials"),
    "copper_tube": ("copper tube", "copper tubes", "copper pipe", "copper pipes", "copper pipe tube"),
    "copper_strip": ("copper strip", "copper strips"),
    "lead_acid_battery": ("lead acid battery", "lead acid batteries"),
    "zinc_alloy": ("zinc alloy", "zinc alloys", "zinc die casting alloy", "zinc die casting alloys",
                   "die casting zinc alloy", "die casting zinc alloys"),
    "power_battery": ("power battery", "power batteries"),
    "lithium_ion_battery": ("lithium ion battery", "lithium ion batteries"),
    "ternary_cathode": ("ternary materials", "ternary material", "ternary cathode material", "ternary cathode materials",
                        "nmc cathode material", "nmc cathode materials", "ncm cathode material", "ncm cathode materials"),
    "lmo": ("lithium manganate",),
    # a lithium battery's other materials ("the output of cathode materials, anode materials, separators and
    # electrolyte"); a copper refinery's electrolyte is named with no production of it
    "electrolyte": ("electrolyte", "electrolytes", "lithium battery electrolyte"),
    "separator": ("separator", "separators", "battery separator", "battery separators", "battery diaphragm",
                  "battery diaphragms", "lithium battery separator", "lithium battery separators"),
    # a steel federation's parts of its crude steel ("the production of longs", "flat steel output")
    "long_steel": ("long steel", "long steel products", "long products", "longs"),
    "flat_steel": ("flat steel", "flat steel products", "flat products", "flats"),
    # A mine's metal output ("zinc mine output", "mined copper production").
    **{f"mined_{metal}": (f"{metal} mine", f"mined {metal}", f"{metal} mining")
       for metal in ("copper", "zinc", "lead", "nickel", "tin", "silver", "gold")},
    # a metal's ore, a product of its own (the contract's id rule: "nickel ore" is nickel_ore, never nickel)
    **{f"{metal}_ore": (f"{metal} ore", f"{metal} ores")
       for metal in ("copper", "zinc", "lead", "nickel", "silver", "gold")},
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

# The mines' products (a mining story's bare metals are these).
MINED_PRODUCTS = frozenset(MINED_IDS.values()) | {i for i in REGIONAL_IDS.values() if i.startswith("mined_")}
