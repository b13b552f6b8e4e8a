"""Whose figures a document gives: the publisher (or statistics office) its text names as the source.

Figures of one series from two publishers are two readings side by side, never a revision of one another; a later
report of the same publisher revises an earlier one. The publisher is the source the text names most often (by
any of its names: "Shanghai Metals Market" is SMM, "National Bureau of Statistics" is NBS); a text naming none has
no known publisher (None).
"""

from __future__ import annotations

import re
from collections import Counter

from extractor.text import prefilter

PUBLISHERS: dict[str, tuple[str, ...]] = {
    "SMM": (r"SMM", r"Shanghai Metals Market"),
    "Mysteel": (r"Mysteel", r"My ?Steel"),
    "NBS": (r"NBS", r"National Bureau of Statistics", r"statistics bureau"),
    "Platts": (r"Platts", r"S&P Global"),
    "Fastmarkets": (r"Fastmarkets",),
    "Argus": (r"Argus",),
    "Antaike": (r"Antaike",),
    "CM Group": (r"CM ?Group",),
    "Reuters": (r"Reuters",),
}

_NAMES = [(publisher, re.compile(rf"(?<![A-Za-z]){'|'.join(names)}(?![A-Za-z])"))
          for publisher, names in PUBLISHERS.items()]


def publisher_of(text: str) -> str | None:
    """The source the text names most often (the first named, of a tie), or None when it names none."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for publisher, pattern in _NAMES:
        found = list(prefilter.finditer(pattern, text))
        if found:
            counts[publisher] = len(found)
            first[publisher] = found[0].start()
    if not counts:
        return None
    return min(counts, key=lambda p: (-counts[p], first[p]))
