"""The facts contract's closed vocabularies (shared/contract/FACTS.md), defined once.

The extractor's own models (`extractor.facts`) and the LLM schemas both use
these, so a value the contract does not know can be neither stored nor asked for.
"""

from __future__ import annotations

from typing import Literal

Metric = Literal[
    "production", "operating_rate", "cumulative_production", "capacity", "operating_capacity",
    "maintenance_impact", "imports", "exports", "inventory", "balance", "price", "share", "other",
]
Measure = Literal[
    "level", "mom_abs", "mom_pct", "yoy_abs", "yoy_pct", "mom_pp", "yoy_pp", "mom_direction", "yoy_direction",
]
Basis = Literal["actual", "forecast", "expected"]
Qualifier = Literal["approx", "over", "under"]
Category = Literal[
    "maintenance", "resumption", "new_capacity", "raw_material", "demand", "cost_margin", "price",
    "policy_environment", "weather_seasonal", "holiday", "calendar", "trade", "other",
]
Direction = Literal["up", "down", "flat"]
