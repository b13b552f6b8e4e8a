"""Commodity families: which segment labels a commodity's figures can carry.

A family lists the report's recurring part names for its commodities
(smelter sizes and feeds for copper, series for stainless steel and precursors,
raw-material routes for lithium carbonate, regions for tin...). The schema for
a section offers these as an enum plus "other" (the label then goes to review).
"""

from __future__ import annotations

FAMILIES: dict[str, dict[str, tuple[str, ...]]] = {
    "copper": {
        "commodities": ("copper_cathode",),
        "segments": ("large smelters", "medium smelters", "small smelters", "copper concentrate",
                     "copper scrap or copper anode"),
    },
    "aluminium": {
        "commodities": ("aluminum", "alumina", "overseas_aluminum", "overseas_alumina", "secondary_aluminum"),
        "segments": ("casting ingot", "liquid aluminum", "daily average", "north china", "south china"),
    },
    "lead_zinc": {
        "commodities": ("primary_lead", "secondary_lead", "refined_zinc"),
        "segments": ("refined lead", "crude lead", "zinc alloy"),
    },
    "tin": {
        "commodities": ("refined_tin",),
        "segments": ("yunnan", "jiangxi", "tin concentrate", "other regions"),
    },
    "nickel": {
        "commodities": ("refined_nickel", "npi", "indonesia_npi", "nickel_sulphate"),
        "segments": ("high-grade", "low-grade", "spot price", "jinchuan premium", "electrodeposited nickel premium",
                     "social"),
    },
    "steel_alloys": {
        "commodities": ("stainless_steel", "high_carbon_ferrochrome", "simn", "emm", "ferromolybdenum"),
        "segments": ("200-series", "300-series", "400-series", "inner mongolia", "southern regions",
                     "steel mill tender price"),
    },
    "silicon_pv": {
        "commodities": ("silicon_metal", "polysilicon", "wafer", "solar_cell", "pv_module", "pv_film", "pv_eva",
                        "pv_glass", "dmc"),
        "segments": ("xinjiang", "sichuan and yunnan", "global", "daily average"),
    },
    "lithium": {
        "commodities": ("lithium_carbonate", "lithium_hydroxide"),
        "segments": ("spodumene-derived", "lepidolite-derived", "salt lake-derived", "scrap-derived", "smelting",
                     "causticisation"),
    },
    "cathode_chain": {
        "commodities": ("ternary_precursor", "ternary_cathode", "cobalt_sulphate", "co3o4", "iron_phosphate", "lfp",
                        "lco", "lmo", "manganese_sulphate", "emd", "mn3o4"),
        "segments": ("5-series", "6-series", "8-series", "9-series", "cobalt intermediate products", "mhp",
                     "recycled materials", "cobalt chloride", "cobalt sulphate"),
    },
    "rare_earths": {
        "commodities": ("light_rare_earth", "medium_heavy_rare_earth", "ndfeb"),
        "segments": ("pr-nd oxide", "pr-nd alloy"),
    },
}

GENERIC_SEGMENTS = ("daily average",)


def family_for(commodity: str) -> str:
    """The family a commodity belongs to, or "generic"."""
    for name, family in FAMILIES.items():
        if commodity in family["commodities"]:
            return name
    return "generic"


def segments_for(commodity: str) -> tuple[str, ...]:
    """Segment labels offered for a commodity's figures (the whole commodity is segment null)."""
    family = FAMILIES.get(family_for(commodity))
    return family["segments"] if family else GENERIC_SEGMENTS
