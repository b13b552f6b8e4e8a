"""Pydantic schemas the LLM answers in: a number's label, a sentence's drivers, a whole section's figures.

The schemas are the contract between the prompts and the reconciler. Enums come
from the facts contract; segments are narrowed per commodity family, so the
model picks from the report's own labels where the family has them; validators
reject impossible answers (an operating rate above 100%, a period outside the
report's window, a quote that is not in the section) and instructor feeds the
error back to the model for another try.

The names below are imported when first asked for: `schemas.contract`, which every layer reads, does not build the
LLM's models in a command that asks no LLM (a re-run of current documents starts in less time).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .drivers import DriverLabel, SentenceDrivers
    from .families import FAMILIES, family_for, segments_for
    from .figures import NumberLabel, SectionFact, SectionFacts, number_label_for, section_facts_for

_WHERE = {
    "DriverLabel": "drivers", "SentenceDrivers": "drivers", "FAMILIES": "families", "family_for": "families",
    "segments_for": "families", "NumberLabel": "figures", "SectionFact": "figures", "SectionFacts": "figures",
    "number_label_for": "figures", "section_facts_for": "figures",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'schemas' has no attribute {name!r}")
    return getattr(import_module(f".{_WHERE[name]}", __name__), name)
