"""A labelled fact compared on its whole label, for the labeller's and the phrasings' tests.

A test names a fact's commodity, period and measure; the rest of the label defaults to the whole of China's output
as it happened, with no metal content, and is compared all the same, so a wrong region, metric, segment, content
or basis fails the test as a wrong value does.
"""

from __future__ import annotations

import pytest

from extractor.rules.labeller import label_section
from extractor.rules.sections import article_sections

WHOLE = dict(region="china", metric="production", segment=None, content=None, basis="actual")


def has(facts: list[dict], value: object, *, commodity: str, period: str, measure: str, **label: object) -> bool:
    """An accepted fact with this value and exactly this label (its unit and qualifier too, where named)."""
    want = {**WHOLE, "commodity": commodity, "period": period, "measure": measure, **label}
    for f in facts:
        if f["status"] != "accepted" or any(f[k] != v for k, v in want.items()):
            continue
        if isinstance(value, str) or isinstance(f["value"], str):
            if f["value"] == value:
                return True
        elif f["value"] == pytest.approx(value):
            return True
    return False


def accepted_numbers(facts: list[dict]) -> list[dict]:
    """The accepted facts that hold a number (not a direction), for tests that say what is not a fact."""
    return [f for f in facts if f["status"] == "accepted" and not isinstance(f["value"], str)]


def label_text(text: str, month: str) -> list[dict]:
    """The rules labeller's facts for an article's text, each with its status and reason."""
    out = []
    for section in article_sections(text):
        for fact in label_section(text, section, month):
            out.append({**fact.contract_fields(), "status": str(fact.status), "reason": fact.reason})
    return out
