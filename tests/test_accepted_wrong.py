"""issue 23 case 7: readings the rules accepted that were wrong, each kind read right or sent to review.

Every text is our own. Each test says what must not be accepted and what the same text still gives, compared on
its whole label, so a labeller that finds nothing fails it as a wrong one does. The kinds are phrasings, not one
report's sentence: each is tried in several wordings.
"""

from __future__ import annotations

import pytest

from .labels import accepted_numbers, has
from .labels import label_text as _facts


def _reviewed(facts: list[dict], value: float) -> bool:
    """The figure is kept for a person to review, with a reason."""
    return any(f["status"] == "needs_review" and f["reason"] and not isinstance(f["value"], str)
               and not isinstance(f["value"], list) and abs(f["value"]) == pytest.approx(value) for f in facts)


# 1. A decline whose size grows is still a decline: the noun gives the sign, not the verb of its size.
@pytest.mark.parametrize("text, value, measure", [
    ("Refined zinc output in April was 512,000 mt, with the MoM decline expanding to roughly 4.3%.", -4.3, "mom_pct"),
    ("Refined zinc output in April was 512,000 mt; the year-on-year drop widened further to 2.8%.", -2.8, "yoy_pct"),
    ("Refined zinc output in April was 512,000 mt, and the YoY fall deepened to 6.1%.", -6.1, "yoy_pct"),
    # ... and a growth that slows is still a growth
    ("Refined zinc output in April was 512,000 mt, and the YoY growth narrowed to 3.4%.", 3.4, "yoy_pct"),
])
def test_a_change_whose_size_moves_keeps_the_sign_of_its_noun(text: str, value: float, measure: str) -> None:
    facts = _facts(text, "2025-04")
    assert has(facts, 512000, commodity="refined_zinc", period="2025-04", measure="level")
    assert has(facts, value, commodity="refined_zinc", period="2025-04", measure=measure)
    assert not any(f["value"] == pytest.approx(-value) for f in accepted_numbers(facts))
