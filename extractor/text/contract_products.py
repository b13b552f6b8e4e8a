"""The contract's table of other products (`../shared/contract/FACTS.md`, "Other products") and every id the contract
knows: the commodity table's (`commodities.py`) and the other products'."""

from __future__ import annotations

from extractor.text.commodities import COMMODITY_ALIASES
from extractor.text.other_products import OTHER_PRODUCTS

__all__ = ["CONTRACT_IDS", "OTHER_PRODUCTS"]

CONTRACT_IDS = frozenset(COMMODITY_ALIASES) | {i for ids in OTHER_PRODUCTS.values() for i in ids}
