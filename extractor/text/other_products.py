"""The contract's table of other products (`../shared/contract/FACTS.md`, "Other products"): ids in use that the
commodity table has no heading for, by kind. The commodity table (`commodities.py`) reads their names where they
are produced; `contract_products.py` joins them to its ids."""

from __future__ import annotations

# The tables grow, they never rename. The document question (prompts/document_reading.md) lists the same ids; a test
# holds the two together.
OTHER_PRODUCTS: dict[str, tuple[str, ...]] = {
    "steel and its inputs": (
        "crude_steel", "pig_iron", "hot_metal", "finished_steel", "steel_billet", "rebar", "wire_rod", "hot_rolled_coil",
        "cold_rolled_steel_plate", "medium_wide_steel_belt", "galvanized_steel", "iron_ore", "coke", "coking_coal",
        "raw_coal", "manganese_ore", "chrome_ore"),
    "ferroalloys": ("ferrosilicon", "ferromanganese", "ferrovanadium", "ferronickel", "ferrotungsten"),
    "mines and concentrates": (
        "mined_copper", "mined_zinc", "mined_lead", "mined_nickel", "mined_tin", "copper_concentrate",
        "zinc_concentrate", "lead_concentrate", "tungsten_concentrate", "antimony_concentrate", "rare_earth_ore",
        "spodumene", "lithium_concentrate"),
    "metals and first products": (
        "refined_lead", "ten_nonferrous_metals", "antimony", "antimony_products", "pr_nd_oxide", "pr_nd_metal",
        "samarium_cobalt", "cobalt_metal", "germanium", "gallium", "indium", "mhp", "nickel_matte"),
    "processing": (
        "copper_rod", "copper_cathode_rod", "secondary_copper_rod", "copper_tube", "copper_strip", "copper_foil",
        "copper_wire", "aluminum_extrusion", "aluminum_alloy", "aluminum_foil", "aluminum_strip", "zinc_alloy",
        "lead_acid_battery"),
    "batteries and solar": (
        "lithium_ion_battery", "power_battery", "energy_storage_battery", "sodium_ion_battery", "cathode_material",
        "anode_material", "graphite_anode", "electrolyte", "lipf6", "separator", "lithium_salt", "lmfp",
        "solar_inverter"),
}


# Ids the commodity table reads under other names where SMM uses theirs: its "secondary aluminum alloy" is secondary
# aluminum, its "lithium salt" plants make lithium carbonate.
_READ_AS_OTHERS = frozenset({"aluminum_alloy", "lithium_salt"})


def names_of_ids(taken: set[str], aliases: set[str]) -> dict[str, tuple[str, ...]]:
    """The names the other products' ids spell ("manganese_ore": "manganese ore", "manganese ores"), for the ids of
    more than one word the commodity table (`taken`: its ids; `aliases`: its names) does not already name. Not a
    bare metal's ("gallium", named in passing where another metal is made), nor a mine's (named "zinc mine output"),
    nor the concentrate of a metal whose mines or refined product the table names (the metal's, as mines report it:
    "zinc concentrate", "antimony concentrate"; "tungsten concentrate" is its own)."""
    names: dict[str, tuple[str, ...]] = {}
    mined = {p.removeprefix("mined_") for ids in OTHER_PRODUCTS.values() for p in ids if p.startswith("mined_")}
    for product in (p for ids in OTHER_PRODUCTS.values() for p in ids):
        name = product.replace("_", " ")
        if "_" in product and product not in taken and product not in _READ_AS_OTHERS and name not in aliases \
                and not product.startswith("mined_") \
                and not (name.endswith(" concentrate") and (name.split()[0] in mined or name.split()[0] in aliases)):
            names[product] = (name, f"{name}s")
    return names
