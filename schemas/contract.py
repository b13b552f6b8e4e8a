"""The facts contract's closed vocabularies (shared/contract/FACTS.md), defined once.

The extractor's record (`extractor.record.LabelFields`, whose fields the export
model `extractor.facts.Fact` inherits) and the LLM schemas all use these, so a
value the contract does not know can be neither stored nor asked for, and a value
added here is added everywhere.
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
Content = Literal["metal"]
Qualifier = Literal["approx", "over", "under"]
Category = Literal[
    "maintenance", "resumption", "new_capacity", "raw_material", "demand", "cost_margin", "price",
    "policy_environment", "weather_seasonal", "holiday", "calendar", "trade", "other",
]
Direction = Literal["up", "down", "flat"]
Effect = Literal["up", "down"]
