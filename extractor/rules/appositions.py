"""A name described between commas as a sentence opens ("Peru, the second largest producer, saw its output rise 3%",
"However, in Chile, the world's largest copper producer, total copper production fell 2%"): where the sentence's
subject is read, the description is left out, so that the country stays beside what it did (and "the world's" in
the description is not the figures' region)."""

from __future__ import annotations

import re

_OPENING_APPOSITION = re.compile(
    r"^(\s*(?:(?:However|But|Meanwhile|Elsewhere|And),?\s+)?(?:(?i:in)\s+)?(?:the\s+)?"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r",\s+(?:the|a|an|which|its|one\s+of)\s[^,;()]{1,70},\s+")


def without_apposition(text: str) -> str:
    """The sentence with a description of the name it opens with left out (the text as it is where there is none)."""
    found = _OPENING_APPOSITION.match(text)
    return text if found is None else f"{found.group(1)} {text[found.end():]}"
