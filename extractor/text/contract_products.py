"""The contract's table of other products (`../shared/contract/FACTS.md`, "Other products") and every id the contract
knows: the commodity table's (`commodities.py`) and the other products'."""

from __future__ import annotations

from extractor.text.commodities import COMMODITY_ALIASES

# The contract's table of other products, by kind: ids in use that the commodity table (`COMMODITY_ALIASES`) has no
# heading for. The tables grow, they never rename. The document question (prompts/document_reading.md) lists the
# same ids; a test holds the two together.
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
CONTRACT_IDS = frozenset(COMMODITY_ALIASES) | {i for ids in OTHER_PRODUCTS.values() for i in ids}
