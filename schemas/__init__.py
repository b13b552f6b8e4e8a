"""Pydantic schemas the LLM answers in: a number's label, a sentence's drivers, a whole section's figures.

The schemas are the contract between the prompts and the reconciler. Enums come
from the facts contract; segments are narrowed per commodity family, so the
model picks from the report's own labels where the family has them; validators
reject impossible answers (an operating rate above 100%, a period outside the
report's window, a quote that is not in the section) and instructor feeds the
error back to the model for another try.
"""

from .drivers import DriverLabel, SentenceDrivers
from .families import FAMILIES, family_for, segments_for
from .figures import NumberLabel, SectionFact, SectionFacts, number_label_for, section_facts_for

__all__ = [
    "DriverLabel", "FAMILIES", "NumberLabel", "SectionFact", "SectionFacts", "SentenceDrivers",
    "family_for", "number_label_for", "section_facts_for", "segments_for",
]
